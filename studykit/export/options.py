"""The options of a multiple-choice question, printed alike by every exporter."""

from __future__ import annotations

import re

from studykit.model import Question
from studykit.timex.phrase import MONTHS

_RESOLVED = re.compile(r"(?P<said>.+) \((?P<means>[^()]+)\)")
_WEEKDAY = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?P<rest>.+)")


# A blank that its sentence already gives a preposition or a determiner: "in _____", "the
# _____ budget".
_WORD_BEFORE_BLANK = re.compile(
    r"(?i)\b(?:in|on|at|since|by|until|till|from|to|for|during|before|after|of|than|between|"
    r"and|or|through|within|into|around|about|the|a|an|its|their|his|her|this|that)\s+_____"
)
_A_YEAR_OR_MONTH = re.compile(
    rf"(?:(?:{'|'.join(MONTHS)}|spring|summer|autumn|fall|winter)\s+)?\d{{4}}"
)


_WORDS_TO_TWENTY = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
_NUMBER_WORDS = {w: n for n, w in enumerate(_WORDS_TO_TWENTY)}


def mcq_options(q: Question) -> tuple[str, tuple[str, ...]]:
    """The right answer and three wrong ones, printed alike so that form gives nothing away.

    A relative date's answer carries what it resolved to ("three years ago (2020)"); when
    the wrong answers are plain ("2017") the right one is printed plain too.  Weekdays are
    dropped when every option has one: a wrong date printed with the right date's weekday
    ("Tuesday, 10 November 2019") would give itself away.  A number written as a word is
    printed in digits when the wrong answers are digits.
    """
    right, wrong = q.answer, tuple(q.choices[:3])
    m = _RESOLVED.fullmatch(right)
    if m and not any("(" in w for w in wrong) and m["means"] not in wrong:
        right = m["means"]
        if (
            "_____" in q.question
            and not _WORD_BEFORE_BLANK.search(q.question)
            and all(_A_YEAR_OR_MONTH.fullmatch(o) for o in (right, *wrong))
        ):
            # "funds Brussels froze _____" ("two years ago"): "froze in 2021", not "froze
            # 2021", where the words said carried no preposition of their own.
            right, wrong = "in " + right, tuple("in " + w for w in wrong)
    matches = [_WEEKDAY.fullmatch(o) for o in (right, *wrong)]
    if all(matches):
        right, *rest = [mt["rest"] for mt in matches if mt]
        wrong = tuple(rest)
    # "nine" among "8", "4" and "18" stands out; print it as the others are printed.
    number = _NUMBER_WORDS.get(right.casefold())
    if number is not None and all(w.isdigit() for w in wrong) and str(number) not in wrong:
        right = str(number)
    return right, wrong
