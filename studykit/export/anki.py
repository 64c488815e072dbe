"""Anki decks with genanki: fixed note types, GUIDs from fact identity, atomic writes."""

from __future__ import annotations

import hashlib
import html
import os

import genanki

from studykit.model import Question
from studykit.output import atomic_path

# Note types are designed once. Anki stops updating notes whose note type changed, so a
# change to fields or templates must come with a new id and name.
QUESTION_MODEL_ID = 1607392319
CLOZE_MODEL_ID = 1607392320
MCQ_MODEL_ID = 1607392321

CSS = """
.card { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 20px;
  line-height: 1.45; color: #1d1d1f; background: #fffdf8; text-align: left; max-width: 40em;
  margin: 0 auto; padding: 0.5em; }
.card.nightMode, .nightMode .card { color: #e8e6e3; background: #1e1f22; }
.question { font-weight: 600; }
.answer { font-size: 1.15em; font-weight: 700; color: #0b5394; margin: 0.4em 0; }
.nightMode .answer { color: #8ab4f8; }
.choices { margin: 0.6em 0; padding-left: 1.6em; }
.choices li { margin: 0.2em 0; }
.choices li.correct { font-weight: 700; color: #137333; }
.nightMode .choices li.correct { color: #81c995; }
.source { margin-top: 1em; padding-top: 0.6em; border-top: 1px solid #ccc; font-size: 0.8em;
  color: #555; }
.nightMode .source { color: #aaa; border-top-color: #555; }
.source .meta { font-style: italic; }
.cloze { font-weight: 700; color: #0b5394; }
.nightMode .cloze { color: #8ab4f8; }
"""

_SOURCE = (
    '<div class="source">“{{Source}}”<br><span class="meta">{{Context}}'
    "{{#Article date}} — {{Article date}}{{/Article date}}</span></div>"
)

QUESTION_MODEL = genanki.Model(
    QUESTION_MODEL_ID,
    "studykit question",
    fields=[{"name": n} for n in ("Question", "Answer", "Choices", "Source", "Context",
                                   "Article date")],  # fmt: skip
    templates=[
        {
            "name": "Card 1",
            "qfmt": '<div class="question">{{Question}}</div>',
            "afmt": '<div class="question">{{Question}}</div><hr id="answer">'
            '<div class="answer">{{Answer}}</div>' + _SOURCE,
        }
    ],
    css=CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "studykit cloze",
    fields=[{"name": n} for n in ("Text", "Back Extra", "Source", "Article date")],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<br>{{Back Extra}}"
            '<div class="source"><span class="meta">{{Source}}'
            "{{#Article date}} — {{Article date}}{{/Article date}}</span></div>",
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

MCQ_MODEL = genanki.Model(
    MCQ_MODEL_ID,
    "studykit multiple choice",
    fields=[{"name": n} for n in ("Question", "Choices", "Answer", "Source", "Context",
                                   "Article date")],  # fmt: skip
    templates=[
        {
            "name": "Card 1",
            "qfmt": '<div class="question">{{Question}}</div><ol class="choices" type="A">'
            "{{Choices}}</ol>",
            "afmt": '<div class="question">{{Question}}</div><hr id="answer">'
            '<div class="answer">{{Answer}}</div>' + _SOURCE,
        }
    ],
    css=CSS,
)


def deck_id(name: str) -> int:
    """A stable deck id derived from the deck's name."""
    h = int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16)
    return (1 << 30) + h % (1 << 30)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def note_for(q: Question) -> genanki.Note:
    """One note per question; its GUID comes from the fact's identity, never the wording."""
    guid = genanki.guid_for("studykit", q.id)
    date = q.article_date
    context = _e(q.article_title)
    if q.also_in:
        context += " (also in " + _e(", ".join(q.also_in)) + ")"
    tags = list(q.tags)
    if q.kind == "cloze" and q.cloze:
        return genanki.Note(
            model=CLOZE_MODEL,
            fields=[_e(q.cloze), "", _e(q.article_title), date],
            tags=tags,
            guid=guid,
        )
    if q.kind == "mcq" and q.choices:
        import random

        options = [q.answer, *q.choices]
        random.Random(q.id).shuffle(options)
        items = "".join(
            f'<li class="correct">{_e(o)}</li>' if o == q.answer else f"<li>{_e(o)}</li>"
            for o in options
        )
        return genanki.Note(
            model=MCQ_MODEL,
            fields=[_e(q.question), items, _e(q.answer), _e(q.sentence), context, date],
            tags=tags,
            guid=guid,
        )
    return genanki.Note(
        model=QUESTION_MODEL,
        fields=[_e(q.question), _e(q.answer), _e(", ".join(q.choices)), _e(q.sentence),
                context, date],  # fmt: skip
        tags=tags,
        guid=guid,
    )


def build_deck(questions: list[Question], name: str) -> genanki.Deck:
    deck = genanki.Deck(deck_id(name), name)
    for q in questions:
        deck.add_note(note_for(q))
    return deck


def write_deck(
    questions: list[Question],
    path: str,
    name: str = "studykit",
    timestamp: float | None = None,
    inputs: list[str] | None = None,
) -> None:
    """Write an .apkg atomically. ``timestamp`` becomes every note's modification time."""
    deck = build_deck(questions, name)
    with atomic_path(path, inputs) as tmp:
        genanki.Package(deck).write_to_file(tmp, timestamp=timestamp)


def inputs_timestamp(paths: list[str]) -> float:
    """The newest modification time among the input files: a rebuild without a change keeps
    the same note times (Anki skips them), and a change makes them newer (Anki updates)."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env and env.isdigit():
        return float(env)
    times = [os.path.getmtime(p) for p in paths if os.path.exists(p)]
    return max(times) if times else 0.0
