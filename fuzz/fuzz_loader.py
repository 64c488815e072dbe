"""Fuzz the article loader: any bytes give an Article or a StudykitError, nothing else.

Run briefly:  python fuzz/fuzz_loader.py -runs=500
Run for long: python fuzz/fuzz_loader.py -max_total_time=3600 fuzz/corpus/loader
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["studykit"]):
    from studykit.articles import load_article
    from studykit.errors import StudykitError


def test_one_input(data: bytes) -> None:
    """Load ``data`` as an article file; the body must be the end of the file's text."""
    # The loader reads files (that is where its size, encoding and header checks live), so
    # each input is written to a scratch file, removed again whatever the outcome: libFuzzer
    # ends the process without running Python's exit handlers.
    with tempfile.NamedTemporaryFile(
        "wb", prefix="fuzz-loader-", suffix=".txt", delete=False
    ) as fh:
        fh.write(data)
    try:
        _check(data, fh.name)
    finally:
        os.unlink(fh.name)


def _check(data: bytes, path: str) -> None:
    try:
        article = load_article(path)
    except StudykitError as exc:
        if "\n" in str(exc):
            raise AssertionError(f"a message on several lines: {exc!r}") from None
        return
    if not any(_ends_with(data, enc, article.body) for enc in ("utf-8-sig", "cp1252", "latin-1")):
        raise AssertionError("the body is not the end of the file's text")


def _ends_with(data: bytes, encoding: str, body: str) -> bool:
    try:
        return data.decode(encoding).endswith(body)
    except UnicodeDecodeError:
        return False


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
