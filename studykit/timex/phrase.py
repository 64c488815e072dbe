"""Turn TIMEX3 values into words people write: "on 10 November 2020", "in the 1990s"."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
          "S": "second", "DE": "decade", "CE": "century"}  # fmt: skip

VAGUE = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def is_vague(value: str) -> bool:
    """True for values that cannot serve as an answer (PAST_REF, PXW, 2020-XX-XX ...)."""
    return not value or value in VAGUE or "X" in value


# Value shapes in the order ``granularity`` tries them, compiled once: dates are many.
_GRANULARITIES = [
    (re.compile(r"\d{2}"), "century"),
    (re.compile(r"\d{3}"), "decade"),
    (re.compile(r"\d{4}"), "year"),
    (re.compile(r"\d{4}-Q\d"), "quarter"),
    (re.compile(r"\d{4}-(SP|SU|FA|AU|WI)"), "season"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}-W\d{2}"), "week"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"\d{4}-\d{2}-\d{2}T.*"), "time"),
]


def granularity(value: str) -> str:
    """The granularity of a TIMEX3 value: century, decade, year, quarter, season, month,
    week, day, time, duration, set or vague."""
    if is_vague(value):
        return "vague"
    if value.startswith("P"):
        return "duration"
    for pattern, name in _GRANULARITIES:
        if pattern.fullmatch(value):
            return name
    return "vague"


# The same few values come again and again (every mention of the article's day).
cached_granularity = lru_cache(maxsize=4096)(granularity)


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def phrase_value(value: str, style: str = "in", weekday: bool = False) -> str:
    """Phrase a TIMEX3 value for people.

    ``style`` is ``"in"`` (with a preposition: "on 10 November 2020", "in 2020"),
    ``"bare"`` ("10 November 2020"), or ``"month"`` (coarsen to the month: "in November 2020").
    Vague values phrase as the empty string.
    """
    g = granularity(value)
    prep = style != "bare"
    if style == "month" and g in ("day", "time", "week"):
        d = _day(value) if g != "week" else None
        if d is None and g == "week":
            y, w = int(value[:4]), int(value[6:8])
            try:
                d = dt.date.fromisocalendar(y, w, 4)
            except ValueError:
                return ""
        if d is None:
            return ""
        return f"in {MONTHS[d.month - 1]} {d.year}"
    if g == "day" or g == "time":
        d = _day(value)
        if d is None:
            return ""
        text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if weekday:
            text = f"{d.strftime('%A')}, {text}"
        if g == "time":
            t = value[11:]
            parts = {"MO": "the morning of", "AF": "the afternoon of", "EV": "the evening of",
                     "NI": "the night of", "DT": "the daytime of"}  # fmt: skip
            if t in parts:
                return ("on " if prep else "") + f"{parts[t]} {text}"
            if re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", t):
                return f"at {t[:5]} on {text}" if prep else f"{t[:5]}, {text}"
        return ("on " if prep else "") + text
    if g == "month":
        text = f"{MONTHS[int(value[5:7]) - 1]} {value[:4]}"
    elif g == "year":
        text = value
    elif g == "decade":
        text = f"the {value}0s"
    elif g == "century":
        n = int(value) + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        text = f"the {n}{suffix} century"
    elif g == "quarter":
        nth = ["first", "second", "third", "fourth"][int(value[6]) - 1]
        text = f"the {nth} quarter of {value[:4]}"
    elif g == "season":
        text = f"{SEASONS[value[5:]]} {value[:4]}"
        if value[5:] == "WI" and value[:4] != "9999":
            # A winter is named by the year it starts in and runs into the next.
            text += f"–{(int(value[:4]) + 1) % 100:02d}"
    elif g == "week":
        y, w = int(value[:4]), int(value[6:8])
        try:
            monday = dt.date.fromisocalendar(y, w, 1)
        except ValueError:
            return ""
        text = f"the week of {monday.day} {MONTHS[monday.month - 1]} {monday.year}"
    elif g == "duration":
        return ("for " if prep else "") + phrase_duration(value)
    else:
        return ""
    return ("in " if prep else "") + text


def phrase_duration(value: str) -> str:
    """``P44D`` → "44 days"; ``PT3H`` → "3 hours"; ``P2Y6M`` → "2 years 6 months";
    vague durations → ""."""
    compound = re.fullmatch(
        r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", value
    )
    if compound and sum(g is not None for g in compound.groups()) > 1:
        names = ("year", "month", "day", "hour", "minute", "second")
        return " ".join(f"{n} {w}{'' if n == '1' else 's'}"
                        for n, w in zip(compound.groups(), names, strict=True) if n)  # fmt: skip
    m = re.fullmatch(r"PT?(\d+(?:\.\d+)?)(Y|M|W|D|H|MIN|S|DE|CE)", value)
    if not m:
        return ""
    n, unit = m.group(1), m.group(2)
    if value.startswith("PT") and unit == "M":
        unit = "MIN"
    word = _UNITS[unit]
    if unit == "CE":
        word = "century" if n == "1" else "centuries"
    elif n != "1":
        word += "s"
    return f"{n} {word}"
