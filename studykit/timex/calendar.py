"""Calendar arithmetic for TIMEX3 values: shifting months, ISO weeks, quarters, holidays."""

from __future__ import annotations

import datetime as dt

SEASON_ORDER = ("SP", "SU", "FA", "WI")
SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                   6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}  # fmt: skip


def season_index(d: dt.date) -> int:
    """The season ``d`` falls in, counted from year 0's spring: four a year, a winter named by
    the year it starts in (January 2014 is in the winter of 2013)."""
    year = d.year - 1 if d.month <= 2 else d.year
    return year * 4 + SEASON_ORDER.index(SEASON_OF_MONTH[d.month])


def season_before(now: int, code: str) -> int:
    """The last season ``code`` to end before season ``now`` began."""
    return now - 1 - (now - 1 - SEASON_ORDER.index(code)) % 4


def season_after(now: int, code: str) -> int:
    """The first season ``code`` to begin after season ``now`` ends."""
    return now + 1 + (SEASON_ORDER.index(code) - now - 1) % 4


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    """The date, or None when it does not exist (30 February) or is out of range."""
    try:
        return dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def year_ok(y: int) -> bool:
    return 1 <= y <= 9999


def fmt_year(y: int) -> str | None:
    return f"{y:04d}" if year_ok(y) else None


def shift_month(y: int, m: int, months: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + months
    return idx // 12, idx % 12 + 1


def fmt_month(y: int, m: int) -> str | None:
    return f"{y:04d}-{m:02d}" if year_ok(y) else None


def add_days(d: dt.date, days: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def fmt_week(d: dt.date | None) -> str | None:
    if d is None:
        return None
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}" if year_ok(y) else None


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(y: int, q: int, n: int) -> tuple[int, int]:
    idx = y * 4 + (q - 1) + n
    return idx // 4, idx % 4 + 1


def easter(year: int) -> dt.date | None:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    if not 1583 <= year <= 9999:
        return None
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def orthodox_easter(year: int) -> dt.date | None:
    """Orthodox Easter Sunday: the Julian computus, told as a Gregorian date."""
    if not 1583 <= year <= 9999:
        return None
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_to_gregorian = year // 100 - year // 400 - 2
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_to_gregorian)


def holiday_date(spec: dict[str, int], year: int) -> dt.date | None:
    """The date of a holiday described by its vocabulary entry in ``year``."""
    if not year_ok(year):
        return None
    for key, sunday in (("easter", easter), ("orthodox_easter", orthodox_easter)):
        if key in spec:
            e = sunday(year)
            return add_days(e, spec[key]) if e else None
    month = spec["month"]
    if "day" in spec:
        return safe_date(year, month, spec["day"])
    weekday, nth = spec["weekday"], spec["nth"]
    if nth > 0:
        first = dt.date(year, month, 1)
        d = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        ny, nm = shift_month(year, month, 1)
        if not year_ok(ny):
            return None
        last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
        d = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    return add_days(d, spec.get("add", 0))
