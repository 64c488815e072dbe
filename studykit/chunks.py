"""Long bodies in pieces: paragraph-aligned chunks, so memory stays bounded by the chunk."""

from __future__ import annotations

from collections.abc import Iterator

CHUNK_CHARS = 1_000_000  # an article longer than this is annotated a chunk at a time


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) spans covering ``text``, each about ``size`` long, cut after a blank line
    (else a line break, else a sentence end, else anywhere) so that no sentence is split."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            window = text[start + size // 2 : end]
            for sep in ("\n\n", "\n", ". "):
                cut = window.rfind(sep)
                if cut >= 0:
                    end = start + size // 2 + cut + len(sep)
                    break
        yield start, end
        start = end
