"""Printable HTML quizzes: a self-contained page rendered with Jinja2 (autoescape on)."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

import jinja2

from studykit.model import Question

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
KIND_ORDER = ("mcq", "short", "cloze", "truefalse")
KIND_TITLES = {
    "mcq": "Multiple choice",
    "short": "Short answer",
    "cloze": "Fill in the blank",
    "truefalse": "True or false",
}


@dataclass(frozen=True)
class Item:
    number: int
    kind: str
    text: str
    options: tuple[str, ...]
    answer: str
    source: str


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("studykit.export", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _rng(seed: int, *key: object) -> random.Random:
    h = hashlib.sha256(repr((seed, *key)).encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def make_version(questions: list[Question], seed: int, index: int) -> list[tuple[str, list[Item]]]:
    """One version: questions grouped by kind, shuffled for this version."""
    sections = []
    number = 1
    for kind in KIND_ORDER:
        qs = [q for q in questions if _quiz_kind(q) == kind]
        if not qs:
            continue
        qs.sort(key=lambda q: q.id)
        _rng(seed, index, kind).shuffle(qs)
        items = []
        for q in qs:
            options: tuple[str, ...] = ()
            answer = q.answer
            if kind == "mcq":
                opts = [q.answer, *q.choices]
                _rng(seed, index, q.id).shuffle(opts)
                options = tuple(opts)
                answer = f"{LETTERS[opts.index(q.answer)]}. {q.answer}"
            items.append(Item(number, kind, q.question, options, answer,
                              f"{q.article_title} ({q.article_date})"))  # fmt: skip
            number += 1
        sections.append((KIND_TITLES[kind], items))
    return sections


def _quiz_kind(q: Question) -> str:
    if q.kind in ("short", "mcq") and len(q.choices) >= 3:
        return "mcq"
    return q.kind


def render_quiz(
    questions: list[Question],
    title: str = "Quiz",
    versions: int = 1,
    seed: int = 0,
    paper: str = "a4",
) -> str:
    """The quiz as one self-contained HTML page (no scripts, no network)."""
    vs = [
        {"label": LETTERS[i], "sections": make_version(questions, seed, i)}
        for i in range(max(1, versions))
    ]
    return _env().get_template("quiz.html.j2").render(
        title=title, versions=vs, paper=paper, multi=versions > 1
    )
