"""Benchmark corpora: the bundled articles repeated N times, and plain-text loading helpers.

Copies are re-dated (each copy one day later than the one before) so that relative dates
resolve anew, as they would across an archive, and renamed so that every article has its own id.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "articles"
_DATE = re.compile(r"\A(\s*date\s+)(\d{4}-\d{2}-\d{2})")


def repeat_articles(src: Path, times: int, out: Path) -> list[Path]:
    """Write ``times`` re-dated copies of every article in ``src`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    originals = sorted(p for p in src.iterdir() if p.suffix in (".txt", ".md"))
    written = []
    for k in range(times):
        for p in originals:
            text = p.read_text(encoding="utf-8")
            m = _DATE.match(text)
            if m:
                day = dt.date.fromisoformat(m.group(2)) + dt.timedelta(days=k)
                text = m.group(1) + day.isoformat() + text[m.end() :]
            dest = out / f"{k:05d}-{p.name}"
            dest.write_text(text, encoding="utf-8")
            written.append(dest)
    return written


def article_files(folder: Path) -> list[Path]:
    """The article files of a folder (the TBAQ export also holds ``.offset`` files)."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))


def body_chars(folder: Path) -> int:
    """Characters of article text (bodies, without headers) under ``folder``."""
    from studykit.articles import load_article

    return sum(len(load_article(p).body) for p in article_files(folder))
