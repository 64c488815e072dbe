"""Anki decks with genanki: fixed note types, GUIDs from fact identity, atomic writes.

Three promises make a generated deck behave like a hand-made one when it is imported again:

* Note types are designed once and keep their ids and field lists. Anki stops updating notes
  whose note type changed, so a change to fields or card templates must come with a new id
  and a new name, never an edit of the ones below.
* A note's GUID comes from the identity of its fact (template id, article id, normalized slot
  values; for a cloze card the blank's kind and value and its place among the article's
  sentences blanking that value), never from its wording, so fixing a template's wording or
  a typo in an article updates the notes in place and keeps their review history.
* Anki replaces a note only when the incoming one is newer. A note keeps the modification
  time it had in the previous build of the same file while its content is unchanged, and
  gets a newer one when its content changed (see :func:`note_times`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import html
import itertools
import json
import os
import re
import sqlite3
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator

import genanki

from studykit.export.options import mcq_options
from studykit.model import Question, web_address
from studykit.output import atomic_path, write_text
from studykit.timex.phrase import MONTHS

# Fixed forever: see the module docstring before touching a model below.
QUESTION_MODEL_ID = 1742811301
CLOZE_MODEL_ID = 1742811302
MCQ_MODEL_ID = 1742811303

QUESTION_FIELDS = ("Question", "Answer", "Choices", "Source", "Context", "Article date")
CLOZE_FIELDS = ("Text", "Back Extra", "Source", "Article date")

# Colours live in custom properties so that night mode swaps a palette instead of restating
# every rule. Anki desktop and AnkiMobile mark night mode with ``nightMode``, AnkiDroid with
# ``night_mode``; both may sit on the ``.card`` element itself or on an ancestor.
CSS = """\
.card {
  --sk-fg: #1f2328; --sk-bg: #fdfcf9; --sk-muted: #59636e; --sk-rule: #d0d7de;
  --sk-accent: #0b57d0; --sk-good: #1a7f37;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 20px; line-height: 1.5; text-align: left;
  color: var(--sk-fg); background-color: var(--sk-bg);
}
.card.nightMode, .nightMode .card, .card.night_mode, .night_mode .card {
  --sk-fg: #e6edf3; --sk-bg: #1e2227; --sk-muted: #9aa4af; --sk-rule: #3d444d;
  --sk-accent: #8ab4f8; --sk-good: #7ee2a8;
}
.sk { max-width: 38em; margin: 0 auto; }
.sk-q { font-weight: 600; }
.sk-a { font-size: 1.15em; font-weight: 700; color: var(--sk-accent); margin: 0.4em 0; }
.sk-choices { margin: 0.6em 0; padding-left: 2em; list-style-type: upper-alpha; }
.sk-choices li { margin: 0.25em 0; }
.sk-revealed li { color: var(--sk-muted); }
.sk-revealed li.correct { color: var(--sk-good); font-weight: 700; }
.sk-revealed li.correct::after { content: " \\2713"; }
.sk-src { margin: 1em 0 0; padding: 0.1em 0 0.1em 0.8em; border-left: 3px solid var(--sk-rule);
  font-size: 0.85em; }
.sk-meta { margin-top: 0.5em; font-size: 0.75em; color: var(--sk-muted); }
.sk a { color: var(--sk-accent); }
.sk-extra { margin-top: 0.6em; }
hr#answer { border: 0; border-top: 1px solid var(--sk-rule); margin: 0.8em 0; }
.cloze { font-weight: 700; color: var(--sk-accent); }
"""

_META = (
    '<div class="sk-meta">{{Context}}{{#Context}}{{#Article date}} · {{/Article date}}'
    "{{/Context}}{{Article date}}</div>"
)
_SOURCE = '{{#Source}}<blockquote class="sk-src">{{Source}}</blockquote>{{/Source}}' + _META

QUESTION_MODEL = genanki.Model(
    QUESTION_MODEL_ID,
    "studykit question",
    fields=[{"name": n} for n in QUESTION_FIELDS],
    templates=[
        {
            "name": "Recall",
            "qfmt": '<div class="sk"><div class="sk-q">{{Question}}</div></div>',
            "afmt": '<div class="sk"><div class="sk-q">{{Question}}</div><hr id="answer">'
            '<div class="sk-a">{{Answer}}</div>' + _SOURCE + "</div>",
        }
    ],
    css=CSS,
)

# The same fields as the question type, in the same order, so that Anki's "Change Note Type"
# maps them one to one; only the cards differ: the choices on the front, the answer marked
# among them on the back (by the ``correct`` class that only the back's CSS shows).
MCQ_MODEL = genanki.Model(
    MCQ_MODEL_ID,
    "studykit multiple choice",
    fields=[{"name": n} for n in QUESTION_FIELDS],
    templates=[
        {
            "name": "Choose",
            "qfmt": '<div class="sk"><div class="sk-q">{{Question}}</div>'
            '<ol class="sk-choices">{{Choices}}</ol></div>',
            "afmt": '<div class="sk"><div class="sk-q">{{Question}}</div><hr id="answer">'
            '<ol class="sk-choices sk-revealed">{{Choices}}</ol>'
            '{{^Choices}}<div class="sk-a">{{Answer}}</div>{{/Choices}}' + _SOURCE + "</div>",
        }
    ],
    css=CSS,
)

_CLOZE_META = (
    '<div class="sk-meta">{{Source}}{{#Source}}{{#Article date}} · {{/Article date}}'
    "{{/Source}}{{Article date}}</div>"
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "studykit cloze",
    fields=[{"name": n} for n in CLOZE_FIELDS],
    templates=[
        {
            "name": "Cloze",
            "qfmt": '<div class="sk">{{cloze:Text}}</div>',
            "afmt": '<div class="sk">{{cloze:Text}}'
            '{{#Back Extra}}<div class="sk-extra">{{Back Extra}}</div>{{/Back Extra}}'
            + _CLOZE_META
            + "</div>",
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

MODELS = (QUESTION_MODEL, MCQ_MODEL, CLOZE_MODEL)

# The note types' modification time: when they were designed, not when a deck was built.
# Anki replaces a note type on import only when the incoming one is newer, so a fixed, old
# time means a user's changes to a note type (their CSS, a field added) survive every
# re-import, while notes still update.
MODELS_MOD = 1742811300

SUBDECKS = ("none", "article")


# Text Anki would act on inside a field: sound and TTS tags and LaTeX. Escaping the bracket
# keeps the text as written.
_ANKI_MARKUP = re.compile(r"\[(?=sound:|anki:|latex\]|/latex\]|\$\$?\]|/\$\$?\])")
_TAG_BAD = re.compile(r"[^\w.\-]+")
_CLOZE_OPEN = "{{c1::"
# What generation inserts to keep text from closing or opening a cloze (a zero-width space
# inside "::", "}}", "{{"); undone here so the text can be escaped for HTML instead.
_ZWSP_PAIRS = ((":\u200b:", "::"), ("}\u200b}", "}}"), ("{\u200b{", "{{"))


def deck_id(name: str) -> int:
    """A stable deck id derived from the deck's name (Anki matches decks by name on import;
    a stable id keeps repeated builds byte-for-byte comparable)."""
    h = int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16)
    return (1 << 30) + h % (1 << 30)


def note_guid(q: Question) -> str:
    """The note's GUID: from the fact's identity (``Question.id``), never from its wording."""
    return genanki.guid_for("studykit", q.id)


def field_text(text: str) -> str:
    """Article text as an Anki field: HTML-escaped, and inert to Anki's own markup."""
    text = html.escape(text, quote=False)
    return _ANKI_MARKUP.sub("&#91;", text) if "[" in text else text


def cloze_text(text: str) -> str:
    """Text for a cloze field: like :func:`field_text`, and unable to open, close or split a
    cloze. Braces and the colon of a ``::`` become character references, which Anki's cloze
    parser does not see and the card shows as the characters themselves."""
    out = field_text(text)
    if "{" in out or "}" in out:
        out = out.replace("{", "&#123;").replace("}", "&#125;")
    while "::" in out:
        out = out.replace("::", ":&#58;")
    return out


def _cloze_parts(q: Question) -> tuple[str, str, str]:
    """The text before the blank, the blank and the text after, as written (generation's
    cloze escapes undone); from the question text when the cloze is missing or malformed."""
    raw = q.cloze or ""
    start = raw.find(_CLOZE_OPEN)
    end = raw.find("}}", start + len(_CLOZE_OPEN)) if start >= 0 else -1
    if start < 0 or end < 0:
        before, _, after = q.question.partition("_____")
        return before, q.answer, after
    parts = (raw[:start], raw[start + len(_CLOZE_OPEN) : end], raw[end + 2 :])
    if "\u200b" not in raw:
        return parts
    out = []
    for part in parts:
        for escaped, plain in _ZWSP_PAIRS:
            part = part.replace(escaped, plain)
        out.append(part)
    return out[0], out[1], out[2]


def cloze_field(q: Question) -> str:
    """The cloze ``Text`` field of a question: one ``{{c1::…}}`` around the blank."""
    return _cloze_field(*_cloze_parts(q))


def cloze_extra(q: Question) -> str:
    """The cloze's ``Back Extra``: the answer in full when the blanked words say less than it
    ("Tuesday" blanked, "Tuesday, 10 November 2020" meant); otherwise empty, left to the user."""
    return _cloze_extra(_cloze_parts(q)[1], q.answer)


def _cloze_field(before: str, blank: str, after: str) -> str:
    return cloze_text(before) + _CLOZE_OPEN + cloze_text(blank) + "}}" + cloze_text(after)


def _cloze_extra(blank: str, answer: str) -> str:
    if blank == answer or " ".join(blank.split()).casefold() == " ".join(answer.split()).casefold():
        return ""
    return f'<div class="sk-a">{field_text(answer)}</div>'


@functools.lru_cache(maxsize=1024)
def human_date(iso: str) -> str:
    """``2020-11-10`` as people write it: ``10 November 2020`` (other text is kept)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return iso  # a week, a season, a year: not a calendar date
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@functools.lru_cache(maxsize=4096)
def anki_tag(text: str) -> str:
    """A tag by Anki's rules: no spaces (they separate tags), nothing but word characters,
    dots and hyphens (so no accidental ``::`` hierarchy or search syntax)."""
    return _TAG_BAD.sub("_", text).strip("_")


def note_tags(q: Question) -> list[str]:
    """``studykit``, the template id, the kind, the year of the fact, the article id, and any
    tags the template adds; each valid for Anki and listed once."""
    year = q.when[:4] if q.when[:4].isdigit() else ""
    return list(_tags(q.template, q.kind, year, q.article_id, tuple(q.tags)))


@functools.lru_cache(maxsize=4096)
def _tags(
    template: str, kind: str, year: str, article_id: str, extra: tuple[str, ...]
) -> tuple[str, ...]:
    # Many notes share their tags (one article, one template): worth caching.
    tags = ("studykit", template, kind, year, article_id, *extra)
    return tuple(dict.fromkeys(t for t in map(anki_tag, tags) if t))


def _context(q: Question) -> str:
    return _context_of(q.article_title, tuple(q.also_in), q.article_source)


@functools.lru_cache(maxsize=1024)
def _context_of(title: str, also_in: tuple[str, ...], source: str | None) -> str:
    """The back's line on the article: its title, a link to it when its ``source:`` is a
    web address (else the source as written after a dash), and the other articles that
    state the same fact."""
    context = field_text(title)
    link = web_address(source)
    if link:
        href = html.escape(link, quote=True).replace("[", "%5B").replace("]", "%5D")
        context = f'<a href="{href}">{context}</a>'
    elif source and source.strip():
        context += " — " + field_text(source.strip())
    if also_in:
        context += " (also in " + field_text(", ".join(also_in)) + ")"
    return context


def _options(q: Question) -> tuple[str, list[str]]:
    """The right option and all options, printed alike (see ``mcq_options``). Ordered by a
    hash of the fact's id and the option: a shuffle that is stable from build to build (so a
    rebuild changes nothing), and cheaper than seeding a random generator."""
    right, wrong = mcq_options(q)
    options = dict.fromkeys([right, *wrong])
    return right, sorted(options, key=lambda o: zlib.crc32(f"{q.id}\x1f{o}".encode()))


def _choices_html(q: Question) -> str:
    if not q.choices:
        return ""
    right, options = _options(q)
    return "".join(
        f'<li class="correct">{field_text(o)}</li>' if o == right else f"<li>{field_text(o)}</li>"
        for o in options
    )


_ONE_CARD = (genanki.Card(0),)


class StudyNote(genanki.Note):  # type: ignore[misc]
    """A genanki note that knows its cards and trusts its tags.

    Every studykit note has exactly one card: the question types have one template and a
    non-empty first field, the cloze has the one ``c1``. Saying so skips genanki's per-note
    template and cloze scanning, and tags are already valid (:func:`anki_tag`); together
    that is a good part of the export's cost.
    """

    cards = _ONE_CARD

    @property
    def tags(self) -> list[str]:
        return self._tags  # type: ignore[no-any-return]

    @tags.setter
    def tags(self, val: Iterable[str]) -> None:
        self._tags = list(val)


def note_for(q: Question) -> genanki.Note:
    """One note per question; its GUID comes from the fact's identity, never the wording."""
    guid = note_guid(q)
    date = human_date(q.article_date)
    tags = note_tags(q)
    if q.kind == "cloze" and q.cloze:
        before, blank, after = _cloze_parts(q)
        if blank.strip():  # an empty blank would make no card
            fields = [_cloze_field(before, blank, after), _cloze_extra(blank, q.answer),
                      _context(q), date]  # fmt: skip
            return StudyNote(model=CLOZE_MODEL, fields=fields, tags=tags, guid=guid)
    model = MCQ_MODEL if q.kind == "mcq" and q.choices else QUESTION_MODEL
    fields = [field_text(q.question), field_text(q.answer), _choices_html(q),
              field_text(q.sentence), _context(q), date]  # fmt: skip
    return StudyNote(model=model, fields=fields, tags=tags, guid=guid)


def deck_part(text: str, limit: int = 80) -> str:
    """A deck-name component: one line, no ``::`` (which would nest a deck), not too long."""
    text = " ".join(text.replace("::", ":").split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return text


def deck_name_for(q: Question, root: str, subdecks: str = "none") -> str:
    """The deck a question's card goes to: the root, or ``Root::<article title or id>``."""
    if subdecks == "article":
        return f"{root}::{deck_part(q.article_title) or q.article_id}"
    return root


def build_decks(
    questions: Iterable[Question], name: str, subdecks: str = "none"
) -> list[genanki.Deck]:
    """The root deck (always present, so its id is ours) and any subdecks, with one note per
    fact; a repeated fact would be one GUID twice, which Anki reports as a conflict."""
    if subdecks not in SUBDECKS:
        raise ValueError(f"subdecks must be one of {SUBDECKS}, not {subdecks!r}")
    root = deck_part(name, limit=200) or "studykit"
    decks = {root: genanki.Deck(deck_id(root), root)}
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            continue
        seen.add(q.id)
        dname = deck_name_for(q, root, subdecks)
        deck = decks.get(dname)
        if deck is None:
            deck = decks[dname] = genanki.Deck(deck_id(dname), dname)
        deck.add_note(note_for(q))
    return list(decks.values())


def build_deck(questions: list[Question], name: str) -> genanki.Deck:
    """A single deck holding every question (no subdecks)."""
    return build_decks(questions, name)[0]


# --- Writing the package -------------------------------------------------------------------

PreviousNotes = dict[str, tuple[int, str, str, int]]  # guid -> (model id, fields, tags, mod)


def previous_notes(path: str) -> PreviousNotes:
    """The notes of the package at ``path`` as a previous build wrote it, or nothing when there
    is no such file or it is not a package this module can read."""
    if not os.path.isfile(path):
        return {}
    fd, db = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        with zipfile.ZipFile(path) as zf, open(db, "wb") as out:
            out.write(zf.read("collection.anki2"))
        with contextlib.closing(sqlite3.connect(db)) as conn:
            rows = conn.execute("SELECT guid, mid, flds, tags, mod FROM notes").fetchall()
        return {g: (int(mid), f, t, int(mod)) for g, mid, f, t, mod in rows}
    except (OSError, KeyError, zipfile.BadZipFile, sqlite3.Error, ValueError, TypeError):
        return {}
    finally:
        with contextlib.suppress(OSError):
            os.unlink(db)


def note_times(
    notes: Iterable[tuple[str, int, str, str]], base: int, previous: PreviousNotes
) -> Iterator[int]:
    """The modification time of each ``(guid, model id, fields, tags)``.

    Anki's importer replaces a note only when the incoming one is strictly newer (whole
    seconds), and counts every such note as updated even when nothing in it differs. So:
    an unchanged note keeps its previous time (a rebuild without a change is a no-op, and an
    edit made in Anki survives it); a changed note gets ``base`` (the inputs' time), or one
    second past its previous time if that is not newer, which also covers an edit made
    within the second of the previous build and inputs whose times went backwards.
    """
    for guid, mid, flds, tags in notes:
        prev = previous.get(guid)
        if prev is None:
            yield base
        elif prev[:3] == (mid, flds, tags):
            yield prev[3]
        else:
            yield max(base, prev[3] + 1)


def _zip_time(ts: float) -> tuple[int, int, int, int, int, int]:
    # ZIP entries carry a calendar time (1980 or later). The build's own time, not the clock,
    # keeps two builds of the same inputs byte-for-byte the same.
    t = dt.datetime.fromtimestamp(max(ts, 315532800), dt.UTC)
    return (t.year, t.month, t.day, t.hour, t.minute, t.second)


def write_package(
    decks: list[genanki.Deck], path: str, base: float, previous: PreviousNotes
) -> None:
    """Write ``decks`` as an .apkg at ``path`` (not atomically: see :func:`write_deck`)."""
    fd, db = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        with contextlib.closing(sqlite3.connect(db)) as conn:
            cur = conn.cursor()
            genanki.Package(decks).write_to_db(cur, base, itertools.count(int(base * 1000)))
            (models_json,) = cur.execute("SELECT models FROM col").fetchone()
            models = json.loads(models_json)
            for model in models.values():
                model["mod"] = MODELS_MOD
            cur.execute("UPDATE col SET models = ?", (json.dumps(models),))
            rows = cur.execute("SELECT id, guid, mid, flds, tags FROM notes").fetchall()
            times = note_times(((g, m, f, t) for _, g, m, f, t in rows), int(base), previous)
            changes = [(mod, nid) for (nid, *_), mod in zip(rows, times, strict=True)]
            changes = [(mod, nid) for mod, nid in changes if mod != int(base)]
            if changes:
                cur.executemany("UPDATE notes SET mod = ? WHERE id = ?", changes)
                cur.executemany("UPDATE cards SET mod = ? WHERE nid = ?", changes)
            conn.commit()
        with zipfile.ZipFile(path, "w") as zf:
            with open(db, "rb") as fh:
                zf.writestr(zipfile.ZipInfo("collection.anki2", _zip_time(base)), fh.read())
            zf.writestr(zipfile.ZipInfo("media", _zip_time(base)), json.dumps({}))
    finally:
        with contextlib.suppress(OSError):
            os.unlink(db)


def write_deck(
    questions: list[Question],
    path: str,
    name: str = "studykit",
    timestamp: float | None = None,
    inputs: list[str] | None = None,
    subdecks: str = "none",
) -> int:
    """Write an .apkg atomically and return the number of notes in it.

    ``timestamp`` (default: now) is the modification time of new and changed notes; a note
    that is the same as in the package already at ``path`` keeps its time from there.
    """
    decks = build_decks(questions, name, subdecks)
    base = time.time() if timestamp is None else timestamp
    previous = previous_notes(path)
    with atomic_path(path, inputs) as tmp:
        write_package(decks, tmp, base, previous)
    return sum(len(d.notes) for d in decks)


def inputs_timestamp(paths: list[str]) -> float:
    """The newest modification time among the input files and their folders.

    A folder's time changes when a file is added, removed or renamed in it, which a removed
    article (that changes other notes' "also in" and choices) would otherwise not show.
    ``SOURCE_DATE_EPOCH`` overrides it, for reproducible builds.
    """
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env and env.isdigit():
        return float(env)
    candidates = set(paths) | {os.path.dirname(os.path.abspath(p)) for p in paths}
    times = []
    for p in candidates:
        with contextlib.suppress(OSError):
            times.append(os.path.getmtime(p))
    return max(times) if times else 0.0


# --- Tab-separated text ---------------------------------------------------------------------

TSV_NOTETYPE = "Basic"


def _tsv_cell(text: str, first: bool = False) -> str:
    # One line per note: tabs and line breaks become spaces. Anki reads a cell that starts
    # with a double quote as a quoted cell, and a line that starts with "#" as a comment, so
    # only such a cell is quoted (its quotes doubled); Quizlet, which does not unquote, sees
    # the quotes only in that rare case.
    text = " ".join(text.replace("\t", " ").splitlines())
    if text.startswith('"') or (first and text.startswith("#")):
        return '"' + text.replace('"', '""') + '"'
    return text


def tsv_guid(q: Question) -> str:
    """The GUID of a question's note in the text export: from the fact's identity, and apart
    from the .apkg's GUID because it belongs to a different note type (Basic)."""
    return genanki.guid_for("studykit-tsv", q.id)


def tsv_front(q: Question) -> str:
    """The front of a question as plain text (a cloze shows its blank as ``_____``)."""
    if q.kind == "mcq" and q.choices:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        listed = "  ".join(f"{letters[i]}) {o}" for i, o in enumerate(_options(q)[1][:26]))
        return f"{q.question}  {listed}"
    return q.question


def tsv_back(q: Question) -> str:
    """The back of a question as plain text: the answer, the source sentence, title, date,
    and the article's `source:` when it has one."""
    where = q.article_title + (" (also in " + ", ".join(q.also_in) + ")" if q.also_in else "")
    back = f"{q.answer} — “{q.sentence}” — {where}, {human_date(q.article_date)}"
    source = (q.article_source or "").strip()
    return f"{back} — {source}" if source else back


def to_tsv(questions: Iterable[Question], name: str, subdecks: str = "none") -> str:
    """A tab-separated file for Anki's text importer whose first two columns are also the
    term and definition Quizlet's import reads.

    Fields are plain text (``#html:false``): Anki escapes them itself and Quizlet shows them
    as written. Columns: front, back, tags, GUID, then the deck when there are subdecks.
    """
    root = deck_part(name, limit=200) or "studykit"
    lines = ["#separator:tab", "#html:false", f"#notetype:{TSV_NOTETYPE}"]
    if subdecks == "article":
        lines.append("#deck column:5")
    else:
        lines.append(f"#deck:{root}")
    lines += ["#tags column:3", "#guid column:4"]
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            continue
        seen.add(q.id)
        row = [tsv_front(q), tsv_back(q), " ".join(note_tags(q)), tsv_guid(q)]
        if subdecks == "article":
            row.append(deck_name_for(q, root, subdecks))
        lines.append("\t".join(_tsv_cell(c, i == 0) for i, c in enumerate(row)))
    return "\n".join(lines) + "\n"


def write_tsv(
    questions: list[Question],
    path: str,
    name: str = "studykit",
    inputs: list[str] | None = None,
    subdecks: str = "none",
) -> int:
    """Write :func:`to_tsv` atomically and return the number of notes in it."""
    text = to_tsv(questions, name, subdecks)
    write_text(path, text, inputs)
    return sum(1 for line in text.splitlines() if not line.startswith("#"))
