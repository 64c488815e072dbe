"""A small rule engine for time expressions (first version: explicit and simple relative forms)."""

from __future__ import annotations

import datetime as dt
import re

from studykit.model import Timex

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]  # fmt: skip
_MONTH_RE = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sep(?:tember|t?\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUM = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}  # fmt: skip
_NUM_RE = r"(?:\d+|" + "|".join(_NUM) + r")"
_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M",
         "decade": "DE", "century": "CE"}  # fmt: skip

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)),
    ("md", re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})", re.I)),
    ("my", re.compile(rf"\b({_MONTH_RE})\s+(\d{{4}})\b", re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("clock", re.compile(r"\b(\d{1,2}):(\d{2})(?:\s+local time)?\b", re.I)),
    ("dur", re.compile(rf"\b({_NUM_RE})[\s-]+(year|month|week|day|hour|minute|decade)s?"
                       r"(?:[\s-]+old)?\b(?!\s+ago)", re.I)),
    ("ago", re.compile(rf"\b({_NUM_RE})\s+(year|month|week|day)s?\s+ago\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(\d{3})0s\b", re.I)),
    ("weekday", re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                           r"(?:\s+(morning|afternoon|evening|night))?\b", re.I)),
    ("rel", re.compile(r"\b(yesterday|today|tomorrow|now|currently|recently|"
                       r"(?:this|last|next)\s+(?:year|month|week))\b", re.I)),
    ("vague_dur", re.compile(r"\b(?:(?:in\s+)?recent\s+(years|months|weeks)|"
                             r"(years|months|weeks|days|hours))\b", re.I)),
    ("year", re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")),
]


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    for i, name in enumerate(_MONTHS):
        if name.startswith(w[:3]):
            return i + 1
    raise ValueError(word)


def _num(word: str) -> int:
    w = word.lower()
    return _NUM[w] if w in _NUM else int(w)


def _safe_date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _normalize(kind: str, m: re.Match[str], dct: dt.date, text: str) -> tuple[str, str] | None:
    g = m.groups()
    if kind == "dmy":
        v = _safe_date(int(g[2]), _month(g[1]), int(g[0]))
        return ("DATE", v) if v else None
    if kind == "mdy":
        v = _safe_date(int(g[2]), _month(g[0]), int(g[1]))
        return ("DATE", v) if v else None
    if kind == "md":
        v = _safe_date(dct.year, _month(g[0]), int(g[1]))
        return ("DATE", v) if v else None
    if kind == "my":
        return ("DATE", f"{int(g[1]):04d}-{_month(g[0]):02d}")
    if kind == "iso":
        v = _safe_date(int(g[0]), int(g[1]), int(g[2]))
        return ("DATE", v) if v else None
    if kind == "clock":
        h, mi = int(g[0]), int(g[1])
        if h > 23 or mi > 59:
            return None
        return ("TIME", f"{dct.isoformat()}T{h:02d}:{mi:02d}")
    if kind == "dur":
        unit = g[1].lower()
        n = _num(g[0])
        return ("DURATION", f"P{'T' if unit in ('hour', 'minute') else ''}{n}{_UNIT[unit]}")
    if kind == "ago":
        n, unit = _num(g[0]), g[1].lower()
        if unit == "year":
            return ("DATE", f"{dct.year - n:04d}")
        if unit == "day":
            return ("DATE", (dct - dt.timedelta(days=n)).isoformat())
        if unit == "week":
            y, w, _ = (dct - dt.timedelta(weeks=n)).isocalendar()
            return ("DATE", f"{y:04d}-W{w:02d}")
        mo = dct.year * 12 + dct.month - 1 - n
        return ("DATE", f"{mo // 12:04d}-{mo % 12 + 1:02d}")
    if kind == "decade":
        return ("DATE", g[0])
    if kind == "weekday":
        target = _DAYS.index(g[0].lower())
        # News convention: a bare weekday is in the article's week, before the article
        # date unless the sentence speaks of the future.
        future = re.search(r"\b(will|would|next|plans?|expected|scheduled)\b",
                           text[max(0, m.start() - 60) : m.start()], re.I)  # fmt: skip
        delta = (target - dct.weekday()) % 7 if future else -((dct.weekday() - target) % 7)
        day = (dct + dt.timedelta(days=delta)).isoformat()
        if g[1]:
            return ("TIME", f"{day}T{ {'morning': 'MO', 'afternoon': 'AF', 'evening': 'EV', 'night': 'NI'}[g[1].lower()]}")
        return ("DATE", day)
    if kind == "rel":
        w = g[0].lower().split()
        if w[0] == "yesterday":
            return ("DATE", (dct - dt.timedelta(days=1)).isoformat())
        if w[0] == "today":
            return ("DATE", dct.isoformat())
        if w[0] == "tomorrow":
            return ("DATE", (dct + dt.timedelta(days=1)).isoformat())
        if w[0] in ("now", "currently"):
            return ("DATE", "PRESENT_REF")
        if w[0] == "recently":
            return ("DATE", "PAST_REF")
        shift = {"this": 0, "last": -1, "next": 1}[w[0]]
        if w[1] == "year":
            return ("DATE", f"{dct.year + shift:04d}")
        if w[1] == "month":
            mo = dct.year * 12 + dct.month - 1 + shift
            return ("DATE", f"{mo // 12:04d}-{mo % 12 + 1:02d}")
        y, wk, _ = (dct + dt.timedelta(weeks=shift)).isocalendar()
        return ("DATE", f"{y:04d}-W{wk:02d}")
    if kind == "vague_dur":
        if g[0]:
            return ("DATE", "PAST_REF")
        unit = g[1].lower().rstrip("s")
        return ("DURATION", f"P{'T' if unit in ('hour', 'minute') else ''}X{_UNIT[unit]}")
    if kind == "year":
        return ("DATE", g[0])
    return None


def tag(text: str, dct: dt.date) -> list[Timex]:
    """Find time expressions in ``text`` and normalize them against the article date ``dct``.

    Returns non-overlapping expressions sorted by position; earlier, longer rules win.
    """
    taken: list[tuple[int, int]] = []
    out: list[Timex] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            norm = _normalize(kind, m, dct, text)
            if norm is None:
                continue
            taken.append((s, e))
            out.append(Timex(s, e, m.group(0), norm[0], norm[1]))
    out.sort(key=lambda t: t.start)
    return out
