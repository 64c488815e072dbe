"""The data that flows through the pipeline: frozen, slotted dataclasses and nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its body exactly as written, and where it came from."""

    id: str  # file name without extension
    path: str  # as given on the command line (for messages)
    date: dt.date  # publication date
    title: str
    body: str  # every offset studykit reports indexes into this
    source: str | None = None
    body_line: int = 1  # line of the file on which the body starts (for messages)

    @property
    def file_name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article body: ``body[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 time expression: span into the body, type, and normalized value."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, e.g. 2020-11-10, 2020-W45, P44D, PRESENT_REF
    mod: str | None = None  # TIMEX3 mod (APPROX, START, ...)


@dataclass(frozen=True, slots=True)
class Mention:
    """Something recognized in a sentence: a date, number, person, title, country, ...

    ``value`` is the normalized value (ISO date, integer as text, canonical name);
    ``attrs`` carries kind-specific extras as sorted (key, value) pairs.
    """

    kind: str
    start: int
    end: int
    text: str
    value: str
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, key: str, default: str = "") -> str:
        for k, v in self.attrs:
            if k == key:
                return v
        return default


@dataclass(frozen=True, slots=True)
class AnnotatedSentence:
    """A sentence with the mentions found in it (offsets into the article body)."""

    sentence: Sentence
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """A question template's slots filled from one sentence, dated, with its source span."""

    template: str
    article_id: str
    slots: tuple[tuple[str, str], ...]  # identity-defining normalized slot values
    when: str  # TIMEX3 value of the time the fact is about
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class Question:
    """A rendered question, ready for selection and export."""

    id: str  # stable: derived from the fact's identity, never its wording
    kind: str  # short | cloze | mcq | truefalse
    question: str
    answer: str
    choices: tuple[str, ...]
    article: str  # file name
    article_id: str
    article_date: str  # ISO
    article_title: str
    when: str  # TIMEX3 value
    sentence: str
    start: int
    end: int
    template: str
    tags: tuple[str, ...]
    cloze: str | None = None
    score: float = 0.0
    answer_kind: str = ""  # person, date, number, place, ... (for distractors)
    also_in: tuple[str, ...] = field(default=())  # other articles stating the same fact

    def to_json(self) -> dict[str, object]:
        """The public JSONL schema of ``studykit questions``."""
        return {
            "id": self.id,
            "kind": self.kind,
            "question": self.question,
            "answer": self.answer,
            "choices": list(self.choices),
            "article": self.article,
            "article_date": self.article_date,
            "article_title": self.article_title,
            "when": self.when,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "template": self.template,
            "tags": list(self.tags),
            "cloze": self.cloze,
            "score": round(self.score, 3),
            "also_in": list(self.also_in),
        }
