"""Reading articles: the ``date YYYY-MM-DD body`` seed format, YAML front matter, Markdown.

Every way a file can be wrong (no date, an impossible date, empty, binary, an unknown
encoding, a folder that loops back on itself) becomes one ``StudykitError`` that names the
file and line. Loading a big article keeps at most the raw bytes and the decoded body in
memory at once: the header is parsed from a decoded head of the file and the body is decoded
straight from the bytes, so no whole-file text copy is ever made.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from studykit.errors import COLON_IN_VALUE, StudykitError, close_matches
from studykit.model import Article
from studykit.text import first_sentence

ARTICLE_SUFFIXES = (".txt", ".md")
# Annotation keeps every sentence and mention of an article in memory, so a cap on the input
# is what keeps a run's memory bounded; see the README for the figures.
MAX_ARTICLE_BYTES = 64 * 1024 * 1024
# The header (a date line or a front-matter block) must lie in this many leading bytes for
# the fast path; longer front matter falls back to decoding the whole file.
_HEAD_BYTES = 64 * 1024
_CHUNK = 1024 * 1024

_BOM = codecs.BOM_UTF8
# One separator after the date is part of the header; anything more belongs to the body.
_DATE_HEADER = re.compile(r"\A[ \t\r\n]*date[ \t]+(\S+)(?:[ \t]|\r\n?|\n|\Z)")
# "Date: 2023-10-15", "DATE 2023-10-15", "2023-10-15 The ...": a header nearly as it should
# be, to name the fix; and a header that comes after a line it should open ("Vote results").
_DATE_HEADER_NEARLY = re.compile(r"\A\s*(?:(?i:date)\s*[:=]?\s*)?(\d{4}-\d{2}-\d{2})\b")
_DATE_HEADER_LATER = re.compile(r"\A(?:[^\n]*\n){1,3}?[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}\b")
_SHORT_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FRONT_MATTER_START = re.compile(r"\A---[ \t]*\r?\n")
_BLANK = re.compile(rb"(?:\xef\xbb\xbf)?\s*")
# C1 control characters: real Latin-1 prose never contains them, Windows-1252 uses them.
_C1 = re.compile(rb"[\x80-\x9f]")


def parse_date(text: str, path: str, line: int) -> dt.date:
    """Parse an ISO date, or raise a StudykitError that says what is wrong with it."""
    m = _ISO_DATE.match(text)
    if not m:
        short = _SHORT_DATE.fullmatch(text)  # "2024-3-8": the digits are there, unpadded
        hint = (
            f" (did you mean {int(short[1]):04d}-{int(short[2]):02d}-{int(short[3]):02d}?)"
            if short
            else ""
        )
        raise StudykitError(f"bad date {text[:40]!r}: expected YYYY-MM-DD{hint}", path, line)
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise StudykitError(f"impossible date {text!r}: {exc}", path, line) from None


def _check_bytes(data: bytes, path: str) -> None:
    """Refuse empty and binary files before trying to decode them (no copies of ``data``)."""
    if _BLANK.fullmatch(data):
        raise StudykitError("empty file", path, 1)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise StudykitError("UTF-16 text: save the article as UTF-8", path, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise StudykitError(f"binary data (a NUL byte at offset {nul}), not a text article",
                            path, line)  # fmt: skip


def _first_bad_utf8(data: bytes) -> int | None:
    """Offset of the first byte that is not valid UTF-8, or None; checked chunk by chunk
    so that no decoded copy of a big file is made."""
    pos = 0
    with memoryview(data) as view:
        while pos < len(data):
            end = pos + _CHUNK
            try:
                # Not final before the last chunk: a character cut by the chunk's end is
                # left unconsumed and read again at the start of the next one.
                _, used = codecs.utf_8_decode(view[pos:end], "strict", end >= len(data))
            except UnicodeDecodeError as exc:
                return pos + exc.start
            pos += used
    return None


def _encoding_of(data: bytes, path: str) -> str:
    """The encoding to read ``data`` with: UTF-8, else Latin-1 or Windows-1252 when the
    bytes are plausible text in it; a StudykitError otherwise."""
    bad = _first_bad_utf8(data)
    if bad is None:
        return "utf-8-sig"
    if _C1.search(data) is None:
        return "latin-1"
    try:
        # Windows-1252 gives most C1 bytes a printable meaning (curly quotes, dashes);
        # five of them are undefined, and bytes like those mean the text is not 1252.
        decoder = codecs.getincrementaldecoder("cp1252")()
        with memoryview(data) as view:
            for pos in range(0, len(data), _CHUNK):
                decoder.decode(view[pos : pos + _CHUNK])
    except UnicodeDecodeError:
        raise StudykitError(
            f"not UTF-8 (byte 0x{data[bad]:02x} at offset {bad}), nor Latin-1 or "
            "Windows-1252 text: save the article as UTF-8",
            path,
            data.count(b"\n", 0, bad) + 1,
        ) from None
    return "cp1252"


def decode(data: bytes, path: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else Latin-1 or Windows-1252 when
    it looks like text; raise a StudykitError for empty, binary or undecodable data."""
    _check_bytes(data, path)
    return data.decode(_encoding_of(data, path))


def _yaml_mapping(source: str, path: str) -> dict[Any, Any]:
    try:
        meta = yaml.safe_load(source) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        lines = source.splitlines()
        if (
            "mapping values are not allowed" in problem
            and 0 < line - 1 <= len(lines)
            and COLON_IN_VALUE.match(lines[line - 2])
        ):
            # "title: Vote: a result"
            problem = "a colon and a space inside a value: put the whole value in quotes"
        raise StudykitError(f"front matter is not valid YAML: {problem}", path, line) from None
    except (ValueError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates itself and lets datetime's ValueError through (2020-13-45).
        line = 2 + next((i for i, ln in enumerate(source.splitlines())
                         if re.match(r"\s*date\s*:", ln)), 0)  # fmt: skip
        message = str(exc)
        if line > 2 or re.match(r"\s*date\s*:", source):  # the date's own line
            dated = re.search(r"^\s*date\s*:\s*(\S+)", source, re.M)
            shown = dated.group(1) if dated else "?"
            raise StudykitError(f"impossible date {shown!r}: {message}", path, line) from None
        raise StudykitError(f"front matter has a bad value: {message}", path, line) from None
    if not isinstance(meta, dict):
        raise StudykitError("front matter must be a mapping of keys to values", path, 2)
    return meta


def _text_field(meta: dict[Any, Any], key: str, path: str) -> str | None:
    """A front-matter value that must be a single line of text (or a number or date)."""
    value = meta.get(key)
    if value is None:
        return None
    # Lists and mappings are refused rather than printed: YAML aliases can make a small
    # block stand for a structure too big to ever turn into text.
    if not isinstance(value, str | int | float | dt.date):
        raise StudykitError(f"front matter: {key!r} must be text", path, 2)
    return str(value)


class _Header:
    """What comes before an article's body, and where the body starts (in characters)."""

    __slots__ = ("date", "title", "source", "body_start", "body_line")

    def __init__(self, date: dt.date, title: str, source: str | None, body_start: int,
                 body_line: int) -> None:  # fmt: skip
        self.date = date
        self.title = title
        self.source = source
        self.body_start = body_start
        self.body_line = body_line


FRONT_MATTER_KEYS = ("date", "title", "source")


def _refuse_misspelt_keys(meta: dict[Any, Any], source: str, path: str) -> None:
    """A key that is nearly one studykit reads ("titel:", "Date:") is a mistake that would
    lose the title or the date without a word; other keys ("author:") are the writer's own
    and are left alone."""
    for key in meta:
        name = str(key)
        if name in FRONT_MATTER_KEYS:
            continue
        close = close_matches(name.lower(), FRONT_MATTER_KEYS)
        if close:
            line = 2 + next(
                (i for i, ln in enumerate(source.splitlines()) if ln.startswith(name)), 0
            )
            raise StudykitError(
                f"front matter key {name!r} is not one studykit reads (did you mean {close[0]!r}?)",
                path,
                line,
            )


def _parse_header(text: str, path: str, complete: bool = True) -> _Header | None:
    """Parse the header at the start of ``text``.

    With ``complete=False`` (``text`` is only the head of the file) return None when the
    header may go on beyond ``text``, so that the caller reads the whole file instead.
    """
    offset = 1 if text.startswith("\ufeff") else 0
    if offset:
        text = text[1:]
    fm = _FRONT_MATTER.match(text)
    if fm and not complete and fm.end() >= len(text):
        return None  # the head may end inside the closing line
    if fm:
        meta = _yaml_mapping(fm.group(1), path)
        _refuse_misspelt_keys(meta, fm.group(1), path)
        raw_date = meta.get("date")
        if raw_date is None:
            raise StudykitError("front matter has no 'date:' (the publication date)", path, 2)
        date_line = 2 + next(
            (i for i, ln in enumerate(fm.group(1).splitlines()) if ln.startswith("date")), 0
        )
        if isinstance(raw_date, dt.datetime):
            date = raw_date.date()
        elif isinstance(raw_date, dt.date):
            date = raw_date
        elif isinstance(raw_date, str | int | float):
            date = parse_date(str(raw_date).strip(), path, date_line)
        else:
            raise StudykitError("bad date: 'date:' must be one date, YYYY-MM-DD", path, date_line)
        title, source = _text_field(meta, "title", path), _text_field(meta, "source", path)
        return _Header(
            date,
            (title or "").strip(),
            source or None,
            offset + fm.end(),
            text[: fm.end()].count("\n") + 1,
        )
    if _FRONT_MATTER_START.match(text):
        if not complete:
            return None
        raise StudykitError("front matter is not closed: end it with a line '---'", path, 1)
    m = _DATE_HEADER.match(text)
    if m and not complete and m.end() >= len(text):
        return None  # the head may end inside the header
    if not m:
        if not complete and not text.strip():
            return None  # only blank lines so far: the header may come later
        near = _DATE_HEADER_NEARLY.match(text)
        hint = f" (did you mean 'date {near.group(1)}'?)" if near else ""
        if not hint and _DATE_HEADER_LATER.match(text):
            hint = " (its 'date' line is there, but after another: it must come first)"
        raise StudykitError(
            "no date header: an article starts with 'date YYYY-MM-DD' "
            f"or a front-matter block with 'date:'{hint}",
            path,
            1,
        )
    line = text[: m.start(1)].count("\n") + 1
    date = parse_date(m.group(1), path, line)
    return _Header(date, "", None, offset + m.end(), text[: m.end()].count("\n") + 1)


# Markdown, for a .md article: what is markup, not prose. Each runs on one line at a time.
_MD_HEADING = re.compile(
    r"^[ \t]{0,3}#{1,6}(?:[ \t]+(?P<atx>.*?))?(?:[ \t]+#+)?[ \t]*$"  # "# Title"
    r"|^[ \t]{0,3}(?P<setext>[^\s>].*?)[ \t]*\n[ \t]{0,3}(?:=+|-+)[ \t]*$",  # "Title\n====="
    re.M,
)
_MD_DROPPED_LINE = re.compile(
    r"^[ \t]{0,3}(?:\[[^\]\n]+\]:[ \t]*\S.*"  # [ref]: https://...
    r"|(?:[-*_][ \t]*){3,}"  # a rule: --- or ***
    r")$",
    re.M,
)
_MD_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?", re.M)
# Each mark's text may not hold the mark itself: every match then ends at the first closing
# mark, so a long line full of stray "*" or "[" costs one pass, not one per mark.
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")
_MD_EMPHASIS = (
    re.compile(r"\*\*(?=[^\s*])([^*\n]+)(?<=\S)\*\*"),
    re.compile(r"(?<!\w)__(?=[^\s_])([^_\n]+)(?<=\S)__(?!\w)"),
    re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+)(?<=[^\s\\])\*(?![\w*])"),
    re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]+)(?<=[^\s\\])_(?!\w)"),
    re.compile(r"`+(?=[^\s`])([^`\n]+)(?<=\S)`+"),
)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


def markdown_text(body: str) -> tuple[str, str]:
    """The prose of a Markdown body, and its first heading ("" when it has none).

    Headings, rules and link definitions become empty lines (so line numbers stay those of
    the file); quote and list marks, emphasis, inline code and links are reduced to their
    text; images are left out. What is not Markdown markup is kept as written.
    """
    found = _MD_HEADING.search(body)
    heading = (found.group("atx") or found.group("setext") or "").strip() if found else ""
    text = _MD_HEADING.sub(lambda m: "\n" * m.group().count("\n"), body)
    text = _MD_DROPPED_LINE.sub("", text)
    text = _MD_LINE_MARK.sub("", text)
    return _md_inline(text), _md_inline(heading).strip()


def _md_inline(text: str) -> str:
    """Images left out; links, emphasis, code and escapes reduced to their text."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    for emphasis in _MD_EMPHASIS:
        text = emphasis.sub(r"\1", text)
    return _MD_ESCAPE.sub(r"\1", text)


def _article(path: str, header: _Header, body: str) -> Article:
    heading = ""
    if path.lower().endswith(".md"):
        body, heading = markdown_text(body)
    title = header.title or heading or first_sentence(body)
    return Article(Path(path).stem, path, header.date, title, body, header.source, header.body_line)


def parse_article(text: str, path: str) -> Article:
    """Parse an article's text. ``path`` names it in messages and gives its id."""
    header = _parse_header(text, path)
    assert header is not None  # a complete text always yields a header or an error
    return _article(path, header, text[header.body_start :])


def _read(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_ARTICLE_BYTES:
            raise StudykitError(
                f"article is {size / (1024 * 1024):.0f} MB; the limit is "
                f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB",
                path,
                1,
            )
        with open(path, "rb") as fh:
            # Read one byte past the size measured: ``read(n)`` sets aside n bytes first, so
            # asking for the whole limit at once cost far more than reading a news article.
            data = fh.read(size + 1)
            if len(data) > size:  # the file has grown since it was measured: up to the limit
                data += fh.read(MAX_ARTICLE_BYTES + 1 - len(data))
    except IsADirectoryError:
        raise StudykitError("is a folder, not an article file", path) from None
    except OSError as exc:
        raise StudykitError(f"cannot read: {exc.strerror or exc}", path) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise StudykitError(
            f"article is over the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit", path, 1
        )
    return data


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read and parse one article file.

    At most the file's bytes and its decoded body are held at once: the header is parsed
    from a decoded head, and the body is decoded from the bytes after it.
    """
    p = str(path)
    data = _read(p)
    _check_bytes(data, p)
    encoding = _encoding_of(data, p)
    head_bytes = data[:_HEAD_BYTES]
    complete = len(head_bytes) == len(data)
    # Decoding the head incrementally holds back a character cut in two at its end.
    head = codecs.getincrementaldecoder(encoding)().decode(head_bytes, final=complete)
    header = _parse_header(head, p, complete)
    if header is None:
        text = data.decode(encoding)
        del data
        return parse_article(text, p)
    if encoding == "utf-8-sig":
        # The head keeps a BOM as U+FEFF (the incremental decoder drops it at the start).
        body_byte = len(head[: header.body_start].encode("utf-8"))
        body_byte += len(_BOM) if data.startswith(_BOM) else 0
        encoding = "utf-8"
    else:
        body_byte = header.body_start  # one byte per character
    with memoryview(data) as view:
        body = str(view[body_byte:], encoding)
    del data
    return _article(p, header, body)


def find_articles(
    paths: list[str], skipped: list[str] | None = None, problems: list[StudykitError] | None = None
) -> list[str]:
    """Expand files and folders (recursively) to a sorted list of article files.

    Non-article files in folders go to ``skipped``; symlink loops and missing paths go to
    ``problems`` (or are raised when ``problems`` is None). A folder reached twice by
    different links (not a loop) is read once.
    """
    found: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()

    def problem(err: StudykitError) -> None:
        if problems is None:
            raise err
        problems.append(err)

    def walk(folder: str, ancestors: frozenset[tuple[int, int]]) -> Iterator[str]:
        try:
            st = os.stat(folder)
        except OSError as exc:
            problem(StudykitError(f"cannot read folder: {exc.strerror or exc}", folder))
            return
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            problem(StudykitError("symlink loop: leads back to a folder it is in, not followed",
                                  folder))  # fmt: skip
            return
        if key in seen_dirs:
            return  # the same folder through another link: its articles are already listed
        seen_dirs.add(key)
        inside = ancestors | {key}
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problem(StudykitError(f"cannot read folder: {exc.strerror or exc}", folder))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            full = os.path.join(folder, entry.name)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(full, inside)
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
                try:
                    ok = entry.is_file()
                except OSError:
                    ok = False
                if ok:
                    yield full
                else:
                    problem(StudykitError("broken link or not a regular file", full))
            elif skipped is not None:
                skipped.append(full)

    for p in paths:
        if os.path.isdir(p):
            found.extend(walk(p, frozenset()))
        elif os.path.exists(p):
            found.append(p)
        elif os.path.islink(p):
            problem(StudykitError("broken link: its target does not exist or loops", p))
        else:
            problem(StudykitError("no such file or folder", p))
    # Keep order stable and drop duplicates (a file named twice, or inside a named folder).
    unique: dict[str, None] = {}
    for f in found:
        unique.setdefault(os.path.normpath(f), None)
    return list(unique)
