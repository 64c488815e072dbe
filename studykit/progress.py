"""A tiny progress bar on stderr: shown only on a terminal, and only for work that takes a while.

Output piped to a file or another program stays byte-for-byte free of progress noise, and
short runs never flash a bar.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24  # characters of the bar itself


class Progress:
    """Counts finished items and redraws one line on ``stream`` (default: stderr).

    Nothing is written when ``stream`` is not a terminal, or before ``delay`` seconds have
    passed; ``close`` erases the line so that later messages start on a clean line.
    """

    def __init__(
        self,
        total: int | None,
        label: str = "articles",
        stream: TextIO | None = None,
        delay: float = 1.0,
        interval: float = 0.1,
    ) -> None:
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.interval = interval
        self.done = 0
        self.chars = 0
        self._start = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False
        try:
            self.enabled = bool(self.stream.isatty())
        except (AttributeError, ValueError):  # closed or replaced streams have no terminal
            self.enabled = False

    def update(self, items: int = 1, chars: int = 0) -> None:
        """Record ``items`` more finished items (holding ``chars`` characters of text)."""
        self.done += items
        self.chars += chars
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._start < self.delay or now - self._last_draw < self.interval:
            return
        self._last_draw = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._start, 1e-9)
        rate = f"{self.chars / elapsed / 1e6:.2f} MB/s" if self.chars else ""
        if self.total:
            frac = min(self.done / self.total, 1.0)
            filled = int(frac * WIDTH)
            bar = "#" * filled + "-" * (WIDTH - filled)
            eta = elapsed / frac - elapsed if frac > 0 else 0.0
            line = (f"[{bar}] {self.done}/{self.total} {self.label} {frac:4.0%} {rate} "
                    f"ETA {int(eta) // 60}:{int(eta) % 60:02d}")  # fmt: skip
        else:
            line = f"{self.done} {self.label} {rate}"
        self.stream.write("\r" + line.rstrip() + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Erase the bar, if one was drawn."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
