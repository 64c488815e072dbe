"""Reading articles: the ``date YYYY-MM-DD body`` seed format and YAML front matter."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from studykit.errors import StudykitError
from studykit.model import Article
from studykit.text import first_sentence

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_ARTICLE_BYTES = 64 * 1024 * 1024

_DATE_HEADER = re.compile(r"\A[ \t\r\n]*date[ \t]+(\S+)(?: |\r?\n|\Z)")
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def parse_date(text: str, path: str, line: int) -> dt.date:
    """Parse an ISO date, or raise a StudykitError that says what is wrong with it."""
    m = _ISO_DATE.match(text)
    if not m:
        raise StudykitError(f"bad date {text!r}: expected YYYY-MM-DD", path, line)
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise StudykitError(f"impossible date {text!r}: {exc}", path, line) from None


def decode(data: bytes, path: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else Latin-1 when it looks like text."""
    if not data.strip():
        raise StudykitError("empty file", path, 1)
    if b"\x00" in data[:8192]:
        raise StudykitError("binary data, not a text article", path, 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Latin-1 decodes anything; accept it only if the result is plausible text
        # (no C1 control characters, which real Latin-1 prose does not contain).
        text = data.decode("latin-1")
        if not re.search(r"[\x80-\x9f]", text):
            return text
        line = data[: exc.start].count(b"\n") + 1
        raise StudykitError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) and not Latin-1 text",
            path,
            line,
        ) from None


def parse_article(text: str, path: str) -> Article:
    """Parse an article's text. ``path`` names it in messages and gives its id."""
    article_id = Path(path).stem
    text = text.lstrip("\ufeff")
    fm = _FRONT_MATTER.match(text)
    if fm:
        try:
            meta = yaml.safe_load(fm.group(1)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise StudykitError(f"front matter is not valid YAML: {exc}", path, line) from None
        if not isinstance(meta, dict):
            raise StudykitError("front matter must be a mapping of keys to values", path, 2)
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
        else:
            date = parse_date(str(raw_date).strip(), path, date_line)
        body = text[fm.end() :]
        body_line = text[: fm.end()].count("\n") + 1
        title = str(meta.get("title") or "").strip() or first_sentence(body)
        source = meta.get("source")
        return Article(
            article_id, path, date, title, body, str(source) if source else None, body_line
        )
    m = _DATE_HEADER.match(text)
    if not m:
        raise StudykitError(
            "no date header: an article starts with 'date YYYY-MM-DD' "
            "or a front-matter block with 'date:'",
            path,
            1,
        )
    line = text[: m.start(1)].count("\n") + 1
    date = parse_date(m.group(1), path, line)
    body = text[m.end() :]
    body_line = text[: m.end()].count("\n") + 1
    return Article(article_id, path, date, first_sentence(body), body, None, body_line)


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read and parse one article file."""
    p = str(path)
    try:
        size = os.path.getsize(p)
        if size > MAX_ARTICLE_BYTES:
            raise StudykitError(
                f"article is {size // (1024 * 1024)} MB; the limit is "
                f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB",
                p,
                1,
            )
        with open(p, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise StudykitError(f"cannot read: {exc.strerror}", p, None) from None
    text = decode(data, p)
    if not text.strip():
        raise StudykitError("empty file", p, 1)
    return parse_article(text, p)


def find_articles(
    paths: list[str], skipped: list[str] | None = None, problems: list[StudykitError] | None = None
) -> list[str]:
    """Expand files and folders (recursively) to a sorted list of article files.

    Non-article files in folders go to ``skipped``; symlink loops and missing paths go to
    ``problems`` (or are raised when ``problems`` is None).
    """
    found: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()

    def problem(err: StudykitError) -> None:
        if problems is None:
            raise err
        problems.append(err)

    def walk(folder: str) -> Iterator[str]:
        try:
            st = os.stat(folder)
        except OSError as exc:
            problem(StudykitError(f"cannot read folder: {exc.strerror}", folder))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            problem(StudykitError("symlink loop: folder already visited, not followed", folder))
            return
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problem(StudykitError(f"cannot read folder: {exc.strerror}", folder))
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
                yield from walk(full)
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
            found.extend(walk(p))
        elif os.path.exists(p):
            found.append(p)
        else:
            problem(StudykitError("no such file or folder", p))
    # Keep order stable and drop duplicates (a file named twice, or inside a named folder).
    unique: dict[str, None] = {}
    for f in found:
        unique.setdefault(os.path.normpath(f), None)
    return list(unique)
