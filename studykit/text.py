"""Sentence splitting and small text helpers; offsets always index the original body."""

from __future__ import annotations

import re
from collections.abc import Iterator

from studykit.model import Sentence

# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "fri", "sat", "sun", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "dept",
    "fig", "mt", "ft", "rev", "hon", "pres", "adm", "maj", "brig", "cmdr",
}  # fmt: skip

# A sentence ends at . ! or ? (plus closing quotes/brackets) followed by space and an
# upper-case letter, digit or opening quote; or at a blank line; or at a line that stands
# alone (a headline).
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n|\n""")
_BOUNDARY_START = re.compile(r"[.!?\n]")
_WORD_BEFORE_PERIOD = re.compile(r"([\w.]+)\.$")
_INITIAL = re.compile(r"[A-Z]")


def split_sentences(body: str) -> list[Sentence]:
    """Split ``body`` into sentences with exact offsets (leading/trailing space trimmed)."""
    out: list[Sentence] = []
    start = 0
    for m in finditer_at(_BOUNDARY, _BOUNDARY_START, body):
        end = m.end()
        if m.group(0)[0] == ".":
            word = _WORD_BEFORE_PERIOD.search(body[max(start, m.start() - 12) : m.start() + 1])
            if word and (word.group(1).lower() in _ABBREV or _INITIAL.fullmatch(word.group(1))):
                continue
        _emit(body, start, end, out)
        start = end
    _emit(body, start, len(body), out)
    return out


def finditer_at(
    pattern: re.Pattern[str], first: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying ``pattern`` only where ``first``
    matches: it must match the first character of every match, and no match may be empty.

    A pattern that starts with a lookbehind or with alternatives is tried at every position;
    a one-character class is found far faster, so this pays where such characters are few.
    """
    pos = 0
    while (candidate := first.search(text, pos)) is not None:
        m = pattern.match(text, candidate.start())
        if m is None:
            pos = candidate.start() + 1
        else:
            yield m
            pos = m.end()


def _emit(body: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, body[start:end]))


def first_sentence(body: str, limit: int = 120) -> str:
    """A title made from the first sentence of a body, shortened at a word boundary."""
    sents = split_sentences(body[:2000])
    if not sents:
        return ""
    title = sents[0].text.strip()
    if len(title) > limit:
        cut = title[:limit].rsplit(" ", 1)[0]
        title = cut.rstrip(",;:") + "…"
    return title
