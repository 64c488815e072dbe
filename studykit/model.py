"""The data that flows through the pipeline: frozen, slotted dataclasses, and a quick way to
make and copy them (see ``builder`` and ``replace``)."""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar

_T = TypeVar("_T")


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

    @property
    def story(self) -> str:
        """The story's opening words, which say what it is about (see ``story_opening``)."""
        from studykit.text import story_opening  # text builds on this module

        return story_opening(self.title)


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


_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.I)


def web_address(source: str | None) -> str | None:
    """``source`` when it is one http(s) address and nothing else (the only kind of source a
    card or a quiz links to: a ``javascript:`` or ``file:`` one is shown as text)."""
    if source and _WEB_ADDRESS.fullmatch(source.strip()):
        return source.strip()
    return None


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
    article_source: str | None = None  # the front matter's ``source:``, as written

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
            "article_source": self.article_source,
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


# ---------------------------------------------------------------- fast construction ----
#
# A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, and
# ``dataclasses.replace`` reads every field by name before calling it. Questions are made
# and copied by the thousand, so these two set the slots directly instead: the object is
# the same (a test compares them with the dataclass's own), made in about half the time.


@dataclass(frozen=True, slots=True)
class _Slots:
    """How to read and write the fields of a slotted dataclass without its methods."""

    setters: tuple[Callable[[Any, Any], None], ...]  # each field's, in the order declared
    get_all: Callable[[Any], tuple[Any, ...]]  # every field's value, in the same order
    by_name: dict[str, Any]  # field name -> its slot descriptor


_SLOTS: dict[type, _Slots] = {}


def _slots(cls: type) -> _Slots:
    found = _SLOTS.get(cls)
    if found is None:
        if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__} is not a slotted dataclass without __post_init__")
        names = [f.name for f in fields(cls)]
        by_name = {n: getattr(cls, n) for n in names}  # the slot descriptors
        getter = operator.attrgetter(*names)
        get_all = getter if len(names) > 1 else lambda obj: (getter(obj),)
        setters = tuple(d.__set__ for d in by_name.values())
        found = _SLOTS[cls] = _Slots(setters, get_all, by_name)
    return found


def builder(cls: type[_T]) -> Callable[..., _T]:
    """A function that makes ``cls(...)`` from the same arguments (the fields in the order
    declared, defaults as declared), for a slotted dataclass.

    The function is written out for the class, one line a field, as ``dataclasses`` writes
    ``__init__``: a loop over the fields would cost back most of what it saves.
    """
    slots = _slots(cls)
    params, body = [], []
    namespace: dict[str, Any] = {"_new_": object.__new__, "_cls_": cls}
    declared = fields(cls)  # type: ignore[arg-type]
    if any(f.name.endswith("_") for f in declared):
        raise TypeError(f"{cls.__name__}: a field name ending in '_' clashes with the builder")
    for i, f in enumerate(declared):
        namespace[f"_set{i}_"] = slots.setters[i]
        if f.default is not MISSING:
            namespace[f"_default{i}_"] = f.default
            params.append(f"{f.name}=_default{i}_")
        elif f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name} has a default factory")
        else:
            params.append(f.name)
        body.append(f"        _set{i}_(obj_, {f.name})")
    source = "\n".join([
        f"def make({', '.join(namespace)}):",
        f"    def build({', '.join(params)}):",
        "        obj_ = _new_(_cls_)",
        *body,
        "        return obj_",
        "    return build",
    ])  # fmt: skip
    scope: dict[str, Any] = {}
    exec(source, {}, scope)  # noqa: S102 - the source is made above from field names only
    build: Callable[..., _T] = scope["make"](**namespace)
    build.__qualname__ = build.__name__ = f"build_{cls.__name__}"
    return build


def replace(obj: _T, /, **changes: Any) -> _T:
    """``dataclasses.replace(obj, **changes)`` for a slotted dataclass."""
    slots = _slots(type(obj))
    new = object.__new__(type(obj))
    for set_field, value in zip(slots.setters, slots.get_all(obj), strict=True):
        set_field(new, value)
    for name, value in changes.items():
        if name not in slots.by_name:
            raise TypeError(f"{type(obj).__name__} has no field {name!r}")
        slots.by_name[name].__set__(new, value)
    return new
