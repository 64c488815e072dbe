"""Temporal tagging: find time expressions and normalize them to TIMEX3 values.

``tag(text, dct)`` is the public entry point; ``phrase`` turns values into words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterator

from studykit.model import Timex
from studykit.timex.engine import tag
from studykit.timex.phrase import cached_granularity, granularity, is_vague, phrase_value

__all__ = [
    "tag", "tag_long", "phrase_value", "granularity", "cached_granularity", "is_vague",
    "holiday_names",
]  # fmt: skip


@functools.cache
def holiday_names() -> frozenset[str]:
    """The holidays the grammar knows, lower-cased ("christmas", "new year's eve")."""
    from studykit.timex.engine import default_engine

    return frozenset(default_engine().grammar.vocab.holidays)


def tag_long(text: str, dct: dt.date, size: int | None = None) -> Iterator[Timex]:
    """``tag`` a text of any length a paragraph-aligned chunk at a time, so that memory is
    bounded by the chunk; offsets index the whole text."""
    from studykit.chunks import CHUNK_CHARS, chunks

    for start, end in chunks(text, size or CHUNK_CHARS):
        for t in tag(text[start:end], dct):
            yield dataclasses.replace(t, start=t.start + start, end=t.end + start)
