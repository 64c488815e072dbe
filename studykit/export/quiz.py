"""Printable quiz sheets: one self-contained HTML page rendered with Jinja2 (autoescape on).

A quiz is planned once (which questions, which dated events) and then laid out as one or
more versions that differ only in order: questions within each section, the choices of
multiple-choice questions, and the rows of the matching and timeline exercises.  Every
version is followed by its own answer key.  ``write_pdf`` prints the page with headless
Chromium, whose print engine honours the page-size, page-break and margin-box CSS.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from studykit.errors import StudykitError
from studykit.export.options import mcq_options
from studykit.model import Question, web_address
from studykit.output import atomic_path
from studykit.timex import granularity, is_vague, phrase_value, tag

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# The kinds a printed quiz has, in the order its sections appear.
SECTION_ORDER = ("mcq", "short", "cloze", "truefalse", "matching", "timeline")
QUIZ_KINDS = frozenset(SECTION_ORDER)
# The order in which --count hands out places: dated exercises come early because they
# are what dated news is best at; plain fill-in-the-blank comes last.
PRIORITY = ("mcq", "short", "matching", "timeline", "truefalse", "cloze")
SECTION_TITLES = {
    "mcq": "Multiple choice",
    "short": "Short answer",
    "cloze": "Fill in the blank",
    "truefalse": "True or false",
    "matching": "Matching",
    "timeline": "Timeline",
}
INSTRUCTIONS = {
    "mcq": "For multiple choice, circle one letter.",
    "short": "Write short answers on the lines.",
    "cloze": "Write the missing words on the line.",
    "truefalse": "For true or false, circle True or False.",
    "matching": "For matching, write the letter of the date in the box.",
    "timeline": "For the timeline, number the events from the earliest (1) to the latest.",
}
PAPERS = {"a4": "A4", "letter": "letter"}
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
BLANK = "_____"

MATCH_MIN, MATCH_MAX = 3, 6
TIMELINE_MIN, TIMELINE_MAX = 4, 6
EVENT_WORDS = 36  # longer source sentences are cut after the blank


@dataclass(frozen=True)
class DatedEvent:
    """Something an article says happened at a stated, specific time.

    ``text`` is the source sentence with the date blanked out; ``start``..``end`` is the
    calendar interval the date stands for (one day, one month or one year).
    """

    question: Question
    text: str
    value: str
    label: str
    start: dt.date
    end: dt.date

    def overlaps(self, other: DatedEvent | tuple[dt.date, dt.date]) -> bool:
        s, e = (other.start, other.end) if isinstance(other, DatedEvent) else other
        return not (self.end < s or e < self.start)


@dataclass(frozen=True)
class Plan:
    """What goes into every version of a quiz; versions differ only in order."""

    questions: dict[str, list[Question]]  # quiz kind -> questions (mcq, short, cloze, truefalse)
    matching: tuple[DatedEvent, ...] = ()
    matching_extra: tuple[str, ...] = ()  # date labels that match no event
    timeline: tuple[DatedEvent, ...] = ()

    def kinds(self) -> list[str]:
        """The sections this quiz has, in print order."""
        present = {k for k, qs in self.questions.items() if qs}
        if self.matching:
            present.add("matching")
        if self.timeline:
            present.add("timeline")
        return [k for k in SECTION_ORDER if k in present]

    def size(self) -> int:
        """Numbered items: each question, and each exercise counted once."""
        return (
            sum(len(qs) for qs in self.questions.values())
            + bool(self.matching)
            + bool(self.timeline)
        )


@dataclass(frozen=True)
class Item:
    """One numbered item of one version, ready for the template."""

    number: int
    kind: str
    text: str
    options: tuple[str, ...] = ()  # mcq choices; matching date labels
    rows: tuple[str, ...] = ()  # matching and timeline events, in this version's order
    answer: str = ""  # the answer key's line
    key_rows: tuple[str, ...] = ()  # further key lines (matching pairs, timeline order)
    source: str = ""  # the article's (shortened) title, for the key
    source_date: str = ""
    qid: str = ""


@dataclass
class Version:
    label: str
    sections: list[tuple[str, list[Item]]] = field(default_factory=list)


def _rng(seed: int, *key: object) -> random.Random:
    """A generator that depends only on the seed and the key, never on call order."""
    h = hashlib.sha256(repr((seed, *key)).encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def quiz_kind(q: Question, truefalse: str = "") -> str:
    """The section a question is printed in: anything with three wrong answers is MCQ. With
    ``truefalse`` "some", a fill-in-the-blank card with wrong answers may instead be stated
    whole, with its answer or one of them, to be marked true or false: about one in three
    (by its id, so the same cards whatever the seed); with "all", every one."""
    if len(q.choices) >= 3 and q.kind in ("short", "mcq", "cloze"):
        right, wrong = mcq_options(q)
        if len({o.casefold() for o in (right, *wrong)}) == 4:
            if (
                truefalse
                and q.kind == "cloze"
                and q.question.count("_____") == 1
                and (truefalse == "all" or int(q.id[:8], 16) % 3 == 0)
            ):
                return "truefalse"
            return "mcq"
    # A multiple-choice template whose answer found no three wrong ones is asked outright.
    return "short" if q.kind == "mcq" else q.kind


def _truefalse_wanted(wanted: set[str]) -> str:
    """``quiz_kind``'s ``truefalse``: every card that can when no multiple choice is wanted."""
    if "truefalse" not in wanted:
        return ""
    return "some" if "mcq" in wanted else "all"


def parse_kinds(text: str | Iterable[str] | None) -> frozenset[str] | None:
    """``"mcq,matching"`` → that set; raises ValueError naming an unknown kind."""
    if text is None:
        return None
    parts = text.split(",") if isinstance(text, str) else [p for t in text for p in t.split(",")]
    kinds = {p.strip().lower() for p in parts if p.strip()}
    unknown = sorted(kinds - QUIZ_KINDS)
    if unknown:
        raise ValueError(f"unknown kind {unknown[0]!r}; choose from {', '.join(SECTION_ORDER)}")
    return frozenset(kinds) if kinds else None


# --- Dated events -------------------------------------------------------------------------


def _interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The calendar days a day, month or year value covers; None for anything else."""
    g = granularity(value)
    try:
        if g in ("day", "time"):
            d = dt.date.fromisoformat(value[:10])
            return d, d
        if g == "month":
            y, m = int(value[:4]), int(value[5:7])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        if g == "year":
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None
    return None


_A_OR_AN = re.compile(r"\b([Aa])(n?)(\s+)$")
# Said with a vowel sound first: "an 83 percent premium", "an 11-day strike", "an 18-year".
_VOWEL_NUMBER = re.compile(r"8|1[18](?:,\d{3})*(?!\d)")


def _article_for(before: str, word: str) -> str:
    """``before`` with its last "a" or "an" agreeing with the number ``word`` put after it
    ("an 83 percent premium", "a 62 percent premium")."""
    m = _A_OR_AN.search(before)
    if m is None or not word[:1].isdigit():
        return before  # words keep theirs: "a unit", "an hour" are not spelt out here
    an = "n" if _VOWEL_NUMBER.match(word) else ""
    return before[: m.start()] + m.group(1) + an + m.group(3)


_NOT_WHEN_BEFORE = re.compile(
    r"(?i)\b(?:since|until|till|before|after|by|from|through|ahead\s+of|as\s+of)\s+(?:the\s+)?$"
)


def _blank_span(q: Question) -> tuple[int, int] | None:
    """Where the cloze blank lies in ``q.sentence``; the question is prefix + sentence with
    the blank replaced, so the text after the blank fixes its end and the text before it
    its start."""
    if BLANK not in q.question:
        return None
    at = q.question.index(BLANK)
    before, after = q.question[:at], q.question[at + len(BLANK) :]
    s = q.sentence
    if not s.endswith(after):
        return None
    end = len(s) - len(after)
    for start in range(end - 1, -1, -1):
        if before.endswith(s[:start]):
            return start, end
    return None


def _shorten(text: str, blank_at: int, limit: int = EVENT_WORDS) -> str | None:
    """The sentence whole, or cut to ``limit`` words after the blank ("…" marks the cut);
    None when the blank comes too late to cut there.  A sentence is never cut at its
    start: "… Project has planned" leaves a reader guessing what the event is."""
    words = text.split()
    if len(words) <= limit:
        return text
    if len(text[:blank_at].split()) >= limit - 4:  # keep a few words after the blank
        return None
    return " ".join(words[:limit]).rstrip(",;:") + " …"


def dated_event(q: Question) -> DatedEvent | None:
    """The event of a date cloze, when its date is specific and the only one it states.

    The blanked words are tagged again on their own and the value must agree with the
    printed answer, so the answer key rests on exactly what the generator saw.  A sentence
    that states another date (beyond the blank's own day, month or year) is left out: it
    would either give the date away or leave it unclear which date the event has.
    """
    if q.kind != "cloze" or q.answer_kind not in ("date", ""):
        return None
    span = _blank_span(q)
    if span is None or _NOT_WHEN_BEFORE.search(q.sentence, 0, span[0]):
        # "the first majority for a single party since _____" (1971): a date the event is
        # measured from or bounded by is not the day it happened.
        return None
    try:
        dct = dt.date.fromisoformat(q.article_date)
    except ValueError:
        return None
    timexes = [t for t in tag(q.sentence, dct) if t.type in ("DATE", "TIME")]
    blank = next((t for t in timexes if (t.start, t.end) == span), None)
    if blank is None or is_vague(blank.value) or blank.mod:
        return None
    value = blank.value[:10] if granularity(blank.value) == "time" else blank.value
    interval = _interval(value)
    label = phrase_value(value, "bare")
    if interval is None or not label or label not in q.answer:
        return None
    for t in timexes:
        if t is blank or is_vague(t.value):
            continue
        other = _interval(t.value[:10] if granularity(t.value) == "time" else t.value)
        if other is None or not (interval[0] <= other[0] and other[1] <= interval[1]):
            return None
    s0, e0 = span
    text = _shorten(q.sentence[:s0] + BLANK + q.sentence[e0:], s0)
    if text is None:
        return None
    return DatedEvent(q, text, value, label, interval[0], interval[1])


def dated_events(questions: Iterable[Question]) -> list[DatedEvent]:
    """Every usable dated event, one per sentence, taking articles in turn."""
    by_article: dict[str, list[DatedEvent]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for q in sorted(questions, key=lambda q: (-q.score, q.id)):
        ev = dated_event(q)
        if ev is None or (q.article_id, q.start) in seen:
            continue
        seen.add((q.article_id, q.start))
        by_article[q.article_id].append(ev)
    order = sorted(by_article, key=lambda a: (by_article[a][0].question.article_date, a))
    return _round_robin([by_article[a] for a in order])


def _round_robin(groups: Sequence[Sequence[DatedEvent]]) -> list[DatedEvent]:
    out: list[DatedEvent] = []
    for i in range(max((len(g) for g in groups), default=0)):
        out.extend(g[i] for g in groups if i < len(g))
    return out


def _extra_date(chosen: Sequence[DatedEvent]) -> str | None:
    """One more date for the matching bank, from the events' own distractors, so the last
    pair cannot be had by elimination; it overlaps none of the real dates."""
    pattern = re.compile(r"(?:\w+, )?(\d{1,2} \w+ \d{4}|\d{4})")
    for ev in chosen:
        for choice in ev.question.choices:
            m = pattern.fullmatch(choice.strip())
            if not m:
                continue
            try:
                if m.group(1).isdigit():
                    y = int(m.group(1))
                    iv = (dt.date(y, 1, 1), dt.date(y, 12, 31))
                else:
                    d = dt.datetime.strptime(m.group(1), "%d %B %Y").date()
                    iv = (d, d)
            except ValueError:
                continue
            label = m.group(1)
            if all(not e.overlaps(iv) and e.label != label for e in chosen):
                return label
    return None


def _split_events(
    pool: Sequence[DatedEvent], matching: bool, timeline: bool
) -> tuple[list[DatedEvent], list[DatedEvent]]:
    """Share the events between the two exercises; within each, dates never overlap, so
    every match has one right date and every timeline one right order."""
    wanted = [n for n, on in (("matching", matching), ("timeline", timeline)) if on]
    caps = {"matching": MATCH_MAX, "timeline": TIMELINE_MAX}
    ex: dict[str, list[DatedEvent]] = {"matching": [], "timeline": []}
    for ev in pool:
        for name in sorted(wanted, key=lambda n: len(ex[n])):
            if len(ex[name]) < caps[name] and not any(ev.overlaps(o) for o in ex[name]):
                ex[name].append(ev)
                break
    if timeline and len(ex["timeline"]) < TIMELINE_MIN:
        for ev in ex["timeline"]:  # too few for a timeline: let matching have them
            fits = not any(ev.overlaps(o) for o in ex["matching"])
            if matching and fits and len(ex["matching"]) < MATCH_MAX:
                ex["matching"].append(ev)
        ex["timeline"] = []
    if len(ex["matching"]) < MATCH_MIN:
        ex["matching"] = []
    return ex["matching"], ex["timeline"]


# --- Choosing questions -------------------------------------------------------------------


def _balanced(qs: Sequence[Question], n: int | None) -> list[Question]:
    """Up to ``n`` questions, taking articles in turn, best first within each article."""
    by_article: dict[str, list[Question]] = defaultdict(list)
    for q in sorted(qs, key=lambda q: (-q.score, q.id)):
        by_article[q.article_id].append(q)
    order = sorted(by_article, key=lambda a: (by_article[a][0].article_date, a))
    out: list[Question] = []
    for i in range(max((len(v) for v in by_article.values()), default=0)):
        out.extend(by_article[a][i] for a in order if i < len(by_article[a]))
    return out if n is None else out[:n]


def plan_quiz(
    questions: Iterable[Question],
    count: int | None = None,
    kinds: Iterable[str] | None = None,
) -> Plan:
    """Choose what the quiz asks.

    ``count`` is the number of numbered items (a matching or timeline exercise counts as
    one), shared out as evenly as possible across kinds and, within a kind, across
    articles.  At most one question is asked per source sentence, since two blanks in one
    sentence answer each other, and a sentence used by an exercise is not asked again.
    """
    wanted = set(kinds) if kinds else set(QUIZ_KINDS)
    tf = _truefalse_wanted(wanted)
    qs = list(questions)
    pool = dated_events(qs)
    matching, timeline = _split_events(pool, "matching" in wanted, "timeline" in wanted)
    exercises = [k for k in PRIORITY if (k == "matching" and matching) or
                 (k == "timeline" and timeline)]  # fmt: skip
    # With a small count, exercises take their turn in PRIORITY like any other kind.
    if count is not None:
        plain_kinds = [k for k in PRIORITY if k not in ("matching", "timeline") and k in wanted
                       and any(quiz_kind(q, tf) == k for q in qs)]  # fmt: skip
        available = [k for k in PRIORITY if k in plain_kinds or k in exercises][:count]
        if "matching" not in available:
            matching = []
        if "timeline" not in available:
            timeline = []
    used = {(e.question.article_id, e.question.start) for e in [*matching, *timeline]}
    best: dict[tuple[str, int], Question] = {}
    for q in sorted(qs, key=lambda q: (-q.score, q.id)):
        key = (q.article_id, q.start)
        if key not in used and key not in best and quiz_kind(q, tf) in wanted:
            best[key] = q
    by_kind: dict[str, list[Question]] = defaultdict(list)
    for q in best.values():
        by_kind[quiz_kind(q, tf)].append(q)
    candidates = {k: _balanced(by_kind[k], None) for k in PRIORITY if by_kind.get(k)}
    if count is not None:
        left = max(0, count - bool(matching) - bool(timeline))
        quota = dict.fromkeys(candidates, 0)
        while left and any(quota[k] < len(candidates[k]) for k in candidates):
            for k in candidates:
                if left and quota[k] < len(candidates[k]):
                    quota[k] += 1
                    left -= 1
        candidates = {k: v[: quota[k]] for k, v in candidates.items()}
    extra = _extra_date(matching) if matching else None
    return Plan(
        {k: v for k, v in candidates.items() if v},
        tuple(matching),
        (extra,) if extra else (),
        tuple(timeline),
    )


def missing_kinds(wanted: frozenset[str] | None, made: list[str]) -> list[str]:
    """Why each kind asked for with ``--kinds`` is not in the quiz, one line each."""
    if not wanted:
        return []
    why = {
        "matching": f"a matching exercise needs at least {MATCH_MIN} dated events, each from "
        "its own sentence",
        "timeline": f"a timeline needs at least {TIMELINE_MIN} dated events, each from its own "
        "sentence, besides those a matching exercise takes",
    }
    return [
        f"no {k} in the quiz: " + why.get(k, f"no question of this set can be asked as {k}")
        for k in SECTION_ORDER
        if k in wanted and k not in made
    ]


# --- Versions -----------------------------------------------------------------------------


def _shuffled(items: Sequence[str], seed: int, index: int, key: str, avoid: list[tuple[str, ...]]
              ) -> list[str]:  # fmt: skip
    """A per-version order of ``items``, different from the orders in ``avoid`` (earlier
    versions, or the answer itself) whenever there is more than one item."""
    base = sorted(items)
    order = list(base)
    for attempt in range(50):
        order = list(base)
        _rng(seed, index, key, attempt).shuffle(order)
        if len(order) < 2 or tuple(order) not in avoid:
            return order
    return order[1:] + order[:1]


def _short_title(title: str, limit: int = 48) -> str:
    """A title cut at a word to fit the key's narrow column (seed-format articles use their
    first sentence as the title)."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def _source(q: Question) -> str:
    return _short_title(q.article_title)


def make_version(plan: Plan, seed: int, index: int, earlier: list[Version]) -> Version:
    """Lay out version ``index``: the plan's items, shuffled for this version."""
    v = Version(LETTERS[index])
    number = 1
    for kind in plan.kinds():
        if kind == "matching":
            item, number = _matching_item(plan, seed, index, number, earlier), number + 1
            v.sections.append((SECTION_TITLES[kind], [item]))
            continue
        if kind == "timeline":
            item, number = _timeline_item(plan, seed, index, number, earlier), number + 1
            v.sections.append((SECTION_TITLES[kind], [item]))
            continue
        by_id = {q.id: q for q in plan.questions[kind]}
        avoid = [tuple(_ids(prev, kind)) for prev in earlier]
        items = []
        for qid in _shuffled(list(by_id), seed, index, kind, avoid):
            q = by_id[qid]
            items.append(_plain_item(q, kind, number, seed, index, earlier))
            number += 1
        v.sections.append((SECTION_TITLES[kind], items))
    return v


def _ids(v: Version, kind: str) -> list[str]:
    """The ids of a version's questions of one kind, in its order."""
    return [it.qid for _, items in v.sections for it in items if it.kind == kind]


def _plain_item(q: Question, kind: str, number: int, seed: int, index: int,
                earlier: list[Version]) -> Item:  # fmt: skip
    source = _source(q)
    if kind == "mcq":
        right, wrong = mcq_options(q)
        avoid = [it.options for prev in earlier for _, its in prev.sections for it in its
                 if it.qid == q.id]  # fmt: skip
        opts = _shuffled([right, *wrong], seed, index, q.id, avoid)
        letter = LETTERS[opts.index(right)]
        return Item(number, kind, q.question, options=tuple(opts),
                    answer=f"{letter}. {right}", source=source,
                    source_date=q.article_date, qid=q.id)  # fmt: skip
    if kind == "truefalse" and q.kind == "cloze":
        # The sentence stated whole, with its answer or (as a fair coin says, for each
        # version) one of its wrong answers, printed alike.
        right, wrong = mcq_options(q)
        rng = _rng(seed, "truefalse", q.id, index)
        told = right if rng.random() < 0.5 else wrong[rng.randrange(len(wrong))]
        at = q.question.index("_____")
        before = _article_for(q.question[:at], told)
        statement = before + told + q.question[at + len("_____") :]
        answer = "True" if told == right else f"False: {right}"
        return Item(number, kind, statement, answer=answer, source=source,
                    source_date=q.article_date, qid=q.id)  # fmt: skip
    return Item(number, kind, q.question, answer=q.answer, source=source,
                source_date=q.article_date, qid=q.id)  # fmt: skip


def _matching_item(plan: Plan, seed: int, index: int, number: int,
                   earlier: list[Version]) -> Item:  # fmt: skip
    events = {e.text: e for e in plan.matching}
    avoid_rows = [it.rows for prev in earlier for _, its in prev.sections for it in its
                  if it.kind == "matching"]  # fmt: skip
    rows = _shuffled(list(events), seed, index, "matching-rows", avoid_rows)
    labels = [e.label for e in plan.matching] + list(plan.matching_extra)
    avoid_opts = [it.options for prev in earlier for _, its in prev.sections for it in its
                  if it.kind == "matching"]  # fmt: skip
    opts = _shuffled(labels, seed, index, "matching-dates", avoid_opts)
    pairs = []
    for i, text in enumerate(rows, 1):
        ev = events[text]
        pairs.append(f"{i} → {LETTERS[opts.index(ev.label)]}: {ev.label} "
                     f"({_short_title(ev.question.article_title)})")  # fmt: skip
    short = ", ".join(f"{i}–{LETTERS[opts.index(events[t].label)]}" for i, t in enumerate(rows, 1))
    unused = [f"{LETTERS[opts.index(x)]} ({x}) matches no event." for x in plan.matching_extra]
    return Item(number, "matching", "Match each event to its date.", tuple(opts), tuple(rows),
                short, tuple(pairs + unused))  # fmt: skip


def _timeline_item(plan: Plan, seed: int, index: int, number: int,
                   earlier: list[Version]) -> Item:  # fmt: skip
    events = {e.text: e for e in plan.timeline}
    right = tuple(e.text for e in sorted(plan.timeline, key=lambda e: e.start))
    avoid = [right, *(it.rows for prev in earlier for _, its in prev.sections for it in its
                      if it.kind == "timeline")]  # fmt: skip
    rows = _shuffled(list(events), seed, index, "timeline", avoid)
    letter = {t: LETTERS[i] for i, t in enumerate(rows)}
    order = ", ".join(letter[t] for t in right)
    # What each box should hold, for marking at a glance, then the order it stands for.
    boxes = ", ".join(f"{letter[t]} {right.index(t) + 1}" for t in rows)
    lines = tuple(f"{n}. {letter[t]}: {events[t].label} "
                  f"({_short_title(events[t].question.article_title)})"
                  for n, t in enumerate(right, 1))  # fmt: skip
    return Item(number, "timeline", "Put these events in the order they happened.",
                rows=tuple(rows), answer=f"{boxes} (earliest to latest: {order})",
                key_rows=lines)  # fmt: skip


# --- Rendering ----------------------------------------------------------------------------


def _env() -> jinja2.Environment:
    # Autoescape is forced on (not chosen by file name): article text is untrusted and must
    # print as text, never as markup.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("studykit.export", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def default_title(questions: Sequence[Question]) -> str:
    """A title made from the articles: the article's title, or the span of their dates."""
    articles = sorted({(q.article_date, q.article_title) for q in questions})
    if not articles:
        return "News quiz"
    if len(articles) == 1:
        return articles[0][1] or "News quiz"
    first, last = phrase_value(articles[0][0], "bare"), phrase_value(articles[-1][0], "bare")
    span = first if first == last else f"{first} – {last}"
    return f"News quiz: {len(articles)} articles, {span}"


@dataclass(frozen=True)
class Source:
    """One article of the quiz whose front matter says where it came from."""

    title: str
    date: str
    text: str  # the ``source:`` as written
    link: str | None  # the same, when it is a web address


def quiz_sources(plan: Plan) -> list[Source]:
    """The printed questions' articles that have a ``source:``, in date then title order."""
    qs = [q for kind in plan.questions.values() for q in kind]
    qs += [ev.question for ev in (*plan.matching, *plan.timeline)]
    found = {
        (q.article_date, q.article_title, q.article_source.strip())
        for q in qs
        if q.article_source and q.article_source.strip()
    }
    return [Source(title, date, text, web_address(text)) for date, title, text in sorted(found)]


def build_quiz(
    questions: Iterable[Question],
    title: str = "Quiz",
    versions: int = 1,
    seed: int = 0,
    paper: str = "a4",
    count: int | None = None,
    kinds: Iterable[str] | None = None,
) -> tuple[str, int, list[str]]:
    """The quiz page, how many numbered items each version has, and its kinds in print
    order."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    plan = plan_quiz(questions, count, kinds)
    vs: list[Version] = []
    for i in range(max(1, min(versions, len(LETTERS)))):
        vs.append(make_version(plan, seed, i, vs))
    instructions = " ".join(INSTRUCTIONS[k] for k in plan.kinds())
    html = (
        _env()
        .get_template("quiz.html.j2")
        .render(
            title=title,
            versions=vs,
            paper=PAPERS[paper],
            multi=len(vs) > 1,
            instructions=instructions,
            total=plan.size(),
            sources=quiz_sources(plan),
        )
    )
    return html, plan.size(), plan.kinds()


def render_quiz(
    questions: Iterable[Question],
    title: str = "Quiz",
    versions: int = 1,
    seed: int = 0,
    paper: str = "a4",
    count: int | None = None,
    kinds: Iterable[str] | None = None,
) -> str:
    """The quiz as one self-contained HTML page (inline CSS, no scripts, no network).

    Same inputs and seed give the same bytes.
    """
    return build_quiz(questions, title, versions, seed, paper, count, kinds)[0]


# --- PDF ----------------------------------------------------------------------------------


def find_browser() -> str | None:
    """The first headless-capable Chromium on PATH, if any."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def require_browser() -> str:
    """The browser to print with, or a StudykitError saying how to install one."""
    browser = find_browser()
    if browser is None:
        raise StudykitError(
            "studykit: --pdf needs Chromium, but none of chromium, chromium-browser or "
            "google-chrome is on PATH; install it (Debian/Ubuntu: apt-get install chromium)"
        )
    return browser


def write_pdf(html: str, path: str, inputs: list[str] | None = None, timeout: float = 120) -> None:
    """Print ``html`` to ``path`` with headless Chromium, atomically.

    The page is printed from a private temporary folder with a throw-away profile, the
    network and background services off, and Chromium's own header and footer off (the
    page numbers come from the page's CSS; the second spelling of that switch is the one
    Chromium used before version 120, and each version ignores the other's).
    """
    browser = require_browser()
    with tempfile.TemporaryDirectory(prefix="studykit-pdf-") as work:
        page = os.path.join(work, "quiz.html")
        with open(page, "w", encoding="utf-8") as fh:
            fh.write(html)
        with atomic_path(path, inputs) as tmp:
            cmd = [
                browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", f"--user-data-dir={work}/profile",
                "--no-pdf-header-footer", "--print-to-pdf-no-header", f"--print-to-pdf={tmp}",
                Path(page).as_uri(),
            ]  # fmt: skip
            returncode, stderr = _run_bounded(cmd, timeout, browser, path)
            with open(tmp, "rb") as fh:
                ok = fh.read(5) == b"%PDF-"
            if returncode != 0 or not ok:
                lines = [ln for ln in stderr.splitlines() if ln.strip()]
                why = lines[-1] if lines else f"exit status {returncode}"
                raise StudykitError(f"Chromium could not print the quiz: {why}", path)


def _run_bounded(cmd: list[str], timeout: float, browser: str, path: str) -> tuple[int, str]:
    """Run the browser in its own process group, and end the whole group when it overruns:
    Chromium starts helper processes that would outlive a plain kill of the first one."""
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
    except OSError as exc:
        raise StudykitError(f"cannot run {browser}: {exc.strerror}", path) from None
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        msg = f"Chromium took longer than {timeout:.0f}s to print"
        raise StudykitError(msg, path) from None
    return proc.returncode, stderr
