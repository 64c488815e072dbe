"""The options of a multiple-choice question, printed alike by every exporter."""

from __future__ import annotations

import re

from studykit import resources as res
from studykit.model import Question
from studykit.timex.phrase import MONTHS

_RESOLVED = re.compile(r"(?P<said>.+) \((?P<means>[^()]+)\)")
_WEEKDAY = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?P<rest>.+)")


# A blank that its sentence already gives a preposition or a determiner: "in _____", "the
# _____ budget", "as early as _____", "in mid-_____".
_WORD_BEFORE_BLANK = re.compile(
    r"(?i)(?:\b(?:in|on|at|since|by|until|till|from|to|for|during|before|after|of|than|between|"
    r"and|or|through|throughout|within|into|around|about|as|early|late|mid|following|starting|"
    r"beginning|ending|amid|toward|towards|upon|the|a|an|its|their|his|her|this|that)\s+"
    r"|\bmid-)_____"
)
# A blank that qualifies the noun after it, a date used as an adjective: "after an
# inconclusive _____ election", "its hottest _____ day", "Spain's _____ vote". Between the
# determiner and the blank there may be one adjective (a superlative, an ordinal or a word of
# an adjective's ending), never a noun: "the government _____ announced" is no such blank.
_ATTRIBUTIVE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Tt]his|[Tt]hat)|\w['’]s)\s+"
    r"(?:(?:[a-z]+(?:est|ive|al|ic|ous|ful|less|able|ible|ary|ed)|first|second|third|last|next)"
    r"\s+)?_____\s+(?P<noun>[a-z][a-z-]*)\b"
)
# Words after a blank that show it is no adjective: the sentence goes on with a preposition,
# a conjunction, a determiner, a pronoun or a verb ("froze _____ over", "said _____ that").
_NO_NOUN = frozenset(
    {"amid", "despite", "over", "under", "when", "where", "because", "while", "until", "if",
     "through", "against", "following", "so", "not", "also", "just", "only", "again", "alone"}
)  # fmt: skip
# "sworn in _____" for a single day: the "in" belongs to the verb, and the day needs "on".
_IN_BEFORE_BLANK = re.compile(r"(?i)\bin\s+_____")
_A_YEAR_OR_MONTH = re.compile(
    rf"(?:(?:{'|'.join(MONTHS)}|spring|summer|autumn|fall|winter)\s+)?\d{{4}}(?:[–-]\d{{2}})?"
)  # (a winter runs across two years: "winter 2022–23")
_PART_OF_A_PERIOD = re.compile(
    r"(?i)(?:early|late|mid-|the\s+(?:end|start|beginning|middle)\s+of)\s*"
)
_A_DAY = re.compile(rf"(?:[A-Z][a-z]+day, )?\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}")
# A blank that opens its sentence, after the card's own note in brackets ("(Reported in
# March 2025) _____ the company ..."): what fills it starts with a capital.
_BLANK_OPENS = re.compile(r"(?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s+)?_____")


def _attributive(question: str) -> bool:
    """Whether the blank of ``question`` qualifies the noun after it ("an inconclusive _____
    election"): a date there takes no preposition."""
    m = _ATTRIBUTIVE.search(question)
    if m is None:
        return False
    noun = m["noun"]
    return not (
        noun in _NO_NOUN or noun in res.words("quantity_stops") or noun in res.words("pronouns")
    )


# A blank that is the subject or the object of its clause, not when something happened:
# "Dunkin' has set _____ as the deadline", "_____ is the deadline", "_____ marks the day".
_NAMED_AS_A_THING = re.compile(
    r"_____\s+(?:as|is|was|will\s+be|would\s+be|has\s+been|had\s+been|marks|marked)\b"
)


def _preposition(q: Question, options: tuple[str, ...], resolved: bool) -> str:
    """The preposition the date ``options`` need before them in ``q``'s blank, or "".

    A relative date the sentence said without a preposition ("froze _____", "two years
    ago") is printed with the one its resolved date needs: "in 2021", "on 19 December 2022".
    A single day after "in" gets "on" however it was said: "sworn in _____" is "sworn in on
    19 December 2022", the "in" being the verb's. A blank that has its own preposition ("as
    early as _____") or qualifies a noun ("an inconclusive _____ election") gets none.
    """
    text = q.question
    if "_____" not in text or _attributive(text) or _NAMED_AS_A_THING.search(text):
        return ""
    days = all(_A_DAY.fullmatch(o) for o in options)
    if days and _IN_BEFORE_BLANK.search(text):
        return "on"
    if not resolved or _WORD_BEFORE_BLANK.search(text):
        return ""
    if days:
        return "on"
    return "in" if all(_A_YEAR_OR_MONTH.fullmatch(o) for o in options) else ""


_WORDS_TO_TWENTY = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
_NUMBER_WORDS = {w: n for n, w in enumerate(_WORDS_TO_TWENTY)}


def _capitalized(option: str) -> str:
    return option[:1].upper() + option[1:] if option[:1].islower() else option


def mcq_options(q: Question) -> tuple[str, tuple[str, ...]]:
    """The right answer and three wrong ones, printed alike so that form gives nothing away.

    A relative date's answer carries what it resolved to ("three years ago (2020)"); when
    the wrong answers are plain ("2017") the right one is printed plain too.  Weekdays are
    dropped when every option has one: a wrong date printed with the right date's weekday
    ("Tuesday, 10 November 2019") would give itself away.  Dates get the preposition their
    blank lacks (see ``_preposition``).  A number written as a word is printed in digits
    when the wrong answers are digits.
    """
    right, wrong = q.answer, tuple(q.choices[:3])
    m = _RESOLVED.fullmatch(right)
    resolved = bool(m and not any("(" in w for w in wrong) and m["means"] not in wrong)
    if m and resolved:
        right = m["means"]
        mod = _PART_OF_A_PERIOD.match(m["said"])
        if mod and _A_YEAR_OR_MONTH.fullmatch(right):
            # "late February (February 2018)": "late February 2018" among "late January
            # 2018", not a whole month that drops what the article said.
            right, wrong = mod.group() + right, tuple(mod.group() + w for w in wrong)
    matches = [_WEEKDAY.fullmatch(o) for o in (right, *wrong)]
    if all(matches):
        right, *rest = [mt["rest"] for mt in matches if mt]
        wrong = tuple(rest)
    # "funds Brussels froze _____" ("two years ago"): "froze in 2021", not "froze 2021".
    prep = _preposition(q, (right, *wrong), resolved)
    if prep:
        right, wrong = f"{prep} {right}", tuple(f"{prep} {w}" for w in wrong)
    if _BLANK_OPENS.match(q.question):
        # "Last year (2024) the rocket failed": "In 2024", not "in 2024", opens the sentence.
        right, wrong = _capitalized(right), tuple(_capitalized(w) for w in wrong)
    # "nine" among "8", "4" and "18" stands out; print it as the others are printed.
    number = _NUMBER_WORDS.get(right.casefold())
    if number is not None and all(w.isdigit() for w in wrong) and str(number) not in wrong:
        right = str(number)
    return right, wrong
