"""Fuzz the date tagger: any text and article date give well-formed time expressions.

Run briefly:  python fuzz/fuzz_tagger.py -runs=500
Run for long: python fuzz/fuzz_tagger.py -max_total_time=3600 fuzz/corpus/tagger
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports(include=["studykit"]):
    from studykit.timex import tag

_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


def test_one_input(data: bytes) -> None:
    """Tag the text in ``data`` against a date also taken from ``data``."""
    fdp = atheris.FuzzedDataProvider(data)
    dct = dt.date.fromordinal(fdp.ConsumeIntInRange(1, dt.date.max.toordinal()))
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    end = 0
    for t in tag(text, dct):
        if not (end <= t.start < t.end <= len(text)) or text[t.start : t.end] != t.text:
            raise AssertionError(f"bad span {t!r} in {text!r}")
        if t.type not in _TYPES or not t.value:
            raise AssertionError(f"bad expression {t!r}")
        end = t.end


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
