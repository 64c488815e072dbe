"""Annotate an article: split sentences and find mentions (dates, numbers, people, places...).

Recognizers are rules over vocabularies in ``resources/``. A light coreference pass makes
"Aliyev" mean "Ilham Aliyev", "he added" mean the last speaker, and "the Armenian Prime
Minister" mean the person the article named as such.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import pairwise
from operator import attrgetter

from studykit import resources as res
from studykit.model import AnnotatedSentence, Article, Mention, Sentence, Timex, builder
from studykit.text import LOWER, UPPER, finditer_at, split_sentences
from studykit.timex import cached_granularity, tag
from studykit.timex.normalize import IRREGULAR_PAST
from studykit.timex.phrase import MONTHS

# Mentions are made by the ten thousand, and an annotated sentence for every sentence: made
# by ``builder``, in about half the time of the dataclass's own ``__init__``.
_mention = builder(Mention)
_annotated = builder(AnnotatedSentence)


# ----------------------------------------------------------------------------- numbers --


@cache
def _number_words() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    n = res.load("numbers")
    return n["units"], n["tens"], n["scales"]


def _by_first_letter(words: list[str]) -> str:
    """A regex alternation of ``words`` that tries them in the order given, grouped by first
    letter ("t(?:hirteen|wenty|hree|wo|en)|..."): the regex engine then compares a position
    with each first letter once instead of once per word. Words with different first letters
    never match at the same position, so the grouping changes no match."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


@cache
def _number_re() -> re.Pattern[str]:
    units, tens, scales = _number_words()
    word = _by_first_letter(sorted([*units, *tens], key=len, reverse=True))
    scale = "|".join(scales)
    # Every number starts with a digit or a number word's first letter; saying so up front
    # spares trying the number words at most positions.
    first = "".join(sorted({w[0] for w in [*units, *tens]}))
    return re.compile(
        rf"(?<![\w.,:-])(?=[\d{first}])(?:"
        rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(?P<frac>\d+))?(?:\s+(?P<dscale>{scale}))?"
        rf"|(?P<words>(?:{word})(?:[- ](?:{word}))?(?:\s+(?:{scale}))?)"
        # "40.3C" is 40.3 (degrees), never 40; "3.5km" is no number here.
        rf")(?![\w-]*\d)(?![.:]\d)(?!-(?:year|month|week|day|hour)s?\b)(?:\b|(?=°?[CF]\b))",
        re.I,
    )


_NUMBER_PARTS = re.compile(r"[\s-]+")
_DECIMAL = re.compile(r"\d+(\.\d+)?")


# The largest integer a float holds exactly (2**53): larger "numbers" are identifiers.
_EXACT_LIMIT = float(2**53)


def number_value(text: str) -> int | float | None:
    """The value of a number as written: "1,960" → 1960, "seven" → 7, "2.5 million" → 2500000."""
    units, tens, scales = _number_words()
    t = text.lower().replace(",", "").strip()
    if t.isdecimal():  # most numbers are plain figures, exact as an int below the limit
        n = int(t)
        return n if n < _EXACT_LIMIT else None
    total = 0.0
    current = 0.0
    for part in _NUMBER_PARTS.split(t):
        if not part:
            continue
        if _DECIMAL.fullmatch(part):
            current += float(part)
        elif part in units:
            current += units[part]
        elif part in tens:
            current += tens[part]
        elif part in scales:
            current = (current or 1) * scales[part]
            if scales[part] >= 1000:
                total += current
                current = 0
        else:
            return None
    value = total + current
    if not value < _EXACT_LIMIT:  # also infinity ("9" x 400) and NaN
        return None  # beyond what a float holds exactly: no count worth asking about
    return int(value) if value == int(value) else value


# ------------------------------------------------------------------------------ names --

# A capitalized word: "Aliyev", "U.S.", "McDonald". Written as its capital and the rest, so
# that patterns can start with the bare character class: the regex engine then skips to the
# next capital letter in C instead of trying the whole pattern at every position.
_CAP_REST = (
    rf"(?:\.(?:[{UPPER}]\.)+|(?:[{LOWER}{UPPER}\-]|['’](?!s\b))*[{LOWER}]"
    rf"(?:[{LOWER}{UPPER}\-]|['’](?!s\b))*|\.)"
)
_CAP = rf"(?:[{UPPER}]{_CAP_REST})"
_PARTICLE = (
    r"(?:al-|el-|bin |bint |ibn |van |von |de |da |di |du |der |den |la |le |del |della |"
    r"dos |das |ter |arap |es )"
)
# A people's possessive inside a name: "Tigray People's Liberation Front", "Workers' Party"
# (a person's, as in "Obama's Democratic Party", ends the name).
_GROUP_POSSESSIVE = "".join(
    ("(?:", "|".join(f"(?<={w})" for w in ("People", "Women", "Children", "Workers", "Veterans")),
     rf")['’]s?(?=\s+[{UPPER}])")
)  # fmt: skip
# "Not preceded by" is tested after the capital, as a lookbehind over it and the character
# before it, so that the capital still comes first (see above).
# "St. Louis", "Mercy St. Vincent Medical Center", "Mt. Sinai": a saint's or a mount's
# abbreviation is a word of the name, period and all.
_SAINT = rf"(?:St|Ste|Mt|Ft)\.(?=\s+[{UPPER}])"
# The same after its capital: a run's first word, saint's or not, starts with the bare
# capital class, which the regex engine skips to in C.
_SAINT_REST = rf"(?:(?<=S)(?:t|te)|(?<=[MF])t)\.(?=\s+[{UPPER}])"
_NAME_RUN = re.compile(
    rf"[{UPPER}](?<![\w'’.-].)(?:{_SAINT_REST}|{_CAP_REST})"
    rf"(?:\s+{_SAINT}|\s+(?:{_PARTICLE}){{0,2}}{_CAP}|\s*-\s*{_CAP}|(?:{_PARTICLE}){_CAP}"
    rf"|{_GROUP_POSSESSIVE})*"
    # "James A. Baker III", "Pope Benedict XVI", "Henry VIII", "Malcolm X"
    r"(?:\s+(?:X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3})(?![\w-])(?!['’](?!s\b)))?"
)
# Words that end a name without being its surname: "Baker" in "James A. Baker III".
_NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr."})


# Particles that open a surname: "Marine Le Pen" is "Le Pen", "Charles de Gaulle" "de Gaulle".
_SURNAME_PARTICLES = frozenset(
    {"le", "la", "de", "di", "da", "du", "del", "della", "van", "von", "der", "den", "dos", "das"}
)


# The particles written in lower case inside a full name: "da Silva", "bin Salman".
_LOWER_PARTICLES = _SURNAME_PARTICLES | {"bin", "bint", "ibn", "al", "el", "y", "e"}


# A Korean given name as romanized: two syllables joined by a hyphen, the second in lower
# case ("Joon-ho", "Jae-in", "Geun-hye"); a double-barrelled surname capitalizes both.
_GIVEN_NAME_OF_TWO_SYLLABLES = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,4}")


@lru_cache(maxsize=4096)
def surname(name: str) -> str:
    """The surname of a name: its last word that is not a suffix such as "Jr." or "III",
    with the particle before it ("Le Pen"). Cached: coreference compares each name of an
    article with every other by surname."""
    words = name.split()
    if len(words) == 2 and _GIVEN_NAME_OF_TWO_SYLLABLES.fullmatch(words[1]):
        return words[0]  # "Bong Joon-ho", "Moon Jae-in": the family name comes first
    while len(words) > 1 and (
        words[-1] in _NAME_SUFFIXES or (words[-1][0] in "IVX" and _ROMAN.fullmatch(words[-1]))
    ):
        words.pop()
    first = len(words) - 1  # where the surname starts: "von der Leyen" takes two particles
    while first > 1 and words[first - 1].lower() in _SURNAME_PARTICLES:
        first -= 1
    if first == 1 and len(words) > 2 and words[0].lower() in _SURNAME_PARTICLES:
        first = 0  # "Van den Heuvel", "De la Fuente": a surname alone
    return " ".join(words[first:]) if words else name


def _same_surname(a: str, b: str) -> bool:
    """Whether two surnames are one, its particle capitalized or not: "de la Fuente" in "Ludwig
    de la Fuente" is "De la Fuente" opening a sentence."""
    return a == b or (a[1:] == b[1:] and a[:1].lower() == b[:1].lower())


# A name and a participle in one word describe the name after it: "New York-based
# Crescott", "Hamas-run Gaza", "Saudi-led coalition".
_COMPOUND_OPENER = re.compile(r"-(?:based|run|led|backed|controlled|owned|held|funded|occupied)\b")
_NICKNAME = re.compile(
    rf"(?:(?<=[{LOWER}] )|(?<=[{UPPER}]\. ))[\"“][{UPPER}][\w .'’-]{{0,24}}[\"”](?= [{UPPER}])"
)


def _written_inside(body: str, name: str) -> bool:
    """Whether ``body`` writes ``name`` after a lower-case word or a comma: as a name, not
    as the capitalized first word of a sentence ("Crowds")."""
    i = body.find(" " + name)
    while i > 0:
        end = i + 1 + len(name)
        if (body[i - 1].islower() or body[i - 1] in ",;") and not (
            end < len(body) and (body[end].isalnum() or body[end] in "-'’")
        ):
            return True  # (a part of a longer name, "Hewlett-Packard", does not count)
        i = body.find(" " + name, i + 1)
    return False


_BODY_PARTICLE_WORDS = ("de", "des", "du", "della", "del")
_BODY_PARTICLES = tuple(f" {w} " for w in _BODY_PARTICLE_WORDS)
_OF_A_BODY_BEFORE = re.compile(rf"\b[A-Z][\w.]*\s+(?:{'|'.join(_BODY_PARTICLE_WORDS)})\s+$")


def singular(word: str) -> str:
    """A role word without its plural ending: "justices" is "justice"."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _tail_of_a_body(text: str, start: int) -> bool:
    """Whether the name at ``start`` ends a body's name: "Cie. de Navigation Mixte",
    "Banque de France" (a person's particle belongs to the name run itself)."""
    if not text.endswith(_BODY_PARTICLES, 0, start):
        return False  # nearly every name: no search
    return _OF_A_BODY_BEFORE.search(text, max(0, start - 30), start) is not None


def _full(name: str) -> bool:
    """Whether a name is more than a surname: "Marine Le Pen" is, "Le Pen" and "Macron" not."""
    space = name.find(" ")
    if space < 0:
        return False  # most calls: one word, found without splitting
    if name[:space].lower() not in _SURNAME_PARTICLES:
        return True
    # "Van Ranst" and "Van den Heuvel" are surnames alone: particles, then one word
    return any(w.lower() not in _SURNAME_PARTICLES for w in name.split()[1:-1])


_ACRONYM = re.compile(r"(?<![\w.$-])[A-Z][A-Z&]{2,4}(?![\w$-])(?!\s+[A-Z0-9])")
_QUOTE = re.compile(
    r"(?P<q>[\"“])(?P<body>[^\"“”\n]{3,}?)[\"”]"
    r"|(?<![\w.])(?P<sq>[‘'])(?!s\s)(?P<sbody>[^'‘’\n]{3,}?)[’'](?![\w])"
    # as wires and transcripts quote: ``...''
    r"|(?P<dq>``)(?P<dbody>(?:(?!``|'')[^\n]){3,}?)''"
)
# Where a quotation can open: a straight single quote only after no word character and no
# period, as ``_QUOTE`` requires ("it's" and "Corp.'s" are no candidates; the lookbehind
# comes after the character, so that the pattern starts with a character class the regex
# engine skips to in C).
_QUOTE_START = re.compile(r"[\"“‘'`](?<![\w.]')")
_ACRONYM_START = re.compile(r"[A-Z][A-Z&]{2}")
# A title's properties: ``.scope`` says whose office it is, and ``.state`` (set only for
# the offices of a country) lets a template require one with ``requires: [title.state]``.
_STATE_OFFICE: tuple[tuple[str, str], ...] = (("scope", "state"), ("state", "yes"))
_OTHER_OFFICE: tuple[tuple[str, str], ...] = (("scope", "other"),)
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3}")
# Roman numerals to 99, as events are numbered ("Super Bowl XLVII"), after a capitalized word.
_TENS_ROMAN = re.compile(r"(?=[XLVI])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_NUMBERED_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s$")
_SUFFIX_AFTER = re.compile(r",?\s+(?:Jr|Sr)\b")
_DATELINE_BEFORE = re.compile(r"[A-Z][A-Z .'-]*|")  # nothing, or more of the city in capitals
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\(|_|--|—|–)")


# What may follow an organization's head word as the rest of its name.
_OF_NAME = re.compile(
    rf"\s+(?:of|for|on)\s+(?:the\s+)?[{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*)*"
)
# Bodies named "of" their leader ("the Telugu Desam Party of Chandrababu Naidu") as well as
# "of" a country or a cause: a tail of two or three capitalized words that are no plural
# and no place ("of Regions", "of the Philippines" are masked or plural) is the leader.
_LED_BODIES = frozenset(("Party", "Movement", "Front", "Alliance", "Congress", "League"))
_PERSON_LIKE_TAIL = re.compile(
    rf"\s+of\s+[{UPPER}][{LOWER}]+(?<!s)(?:\s+[{UPPER}][{LOWER}]+(?<!s)){{1,2}}"
)
_POSSESSIVE_IN = re.compile(r"['’]s?(?=\s)")
_CITY_AFTER = re.compile(r" (?:City|CITY)\b")
# What a country has or sends, right after its name: "outside U.S. embassies in Kenya", "U.S.
# troops in Iraq". The country owns the thing; it is not where the thing is.
_OWNED_AFTER = re.compile(
    r"\s+(?:embassy|embassies|consulates?|troops|forces|soldiers|officials|diplomats|"
    r"citizens|nationals|warships?|bases?|ambassador|envoy|aircraft|jets|drones?)\b"
)
# Bodies that a country's name completes: "the Bank of Japan", "the University of Ghana".
_BODIES_OF_A_COUNTRY = frozenset(("Bank", "University"))
_OF_A_MASKED_NAME = re.compile(r"\s+of\s+(?:the\s+)?\x00+")


def _country_of_a_body(
    last: str, masked: str, end: int, found: list[Mention], base: int
) -> Mention | None:
    """The country whose name ends a bank's or a university's ("of Japan"), if one does."""
    if last not in _BODIES_OF_A_COUNTRY:
        return None
    of = _OF_A_MASKED_NAME.match(masked, end)
    if of is None:
        return None
    return next(
        (m for m in found if m.kind == "country" and m.end == base + of.end()
         and m.attr("form") == "name"),
        None,
    )  # fmt: skip


_AND_NAME = re.compile(rf"\s+and\s+[{UPPER}]")
_AND_AFTER_A_WORD = re.compile(r"(\w+)\s+and\s+$")
_FOR_NAME = re.compile(rf"\s+for\s+(?:the\s+)?[{UPPER}]")
# A company's legal form written after its name in capitals (a word of org_heads too).
_LEGAL_FORM_AFTER = re.compile(r" (?:PLC|AG|SA|NV|SpA|AB|ASA|Oyj)(?![\w&-])")
_AND_BEFORE = re.compile(rf"(?<![\w'’-])[{UPPER}][\w'’-]*\s+and\s+$")
_NAME_OF_BEFORE = re.compile(rf"\b[Tt]he\s+([{UPPER}][\w'’.-]*)\s+of\s+(?:the\s+)?$")
_OF_AND_BEFORE = re.compile(rf"\b(?:of|for)\s+[{UPPER}][\w'’-]*\s+and\s+$")
_LISTED_NAME_BEFORE = re.compile(rf"\bthe\s+(?:[{UPPER}][\w'’-]*,\s+){{2,}}$")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Z&]{1,4}) $")
# Name endings written with a period that is part of the name.
_ABBREVIATED_ENDS = (" Jr", " Sr", " Corp", " Inc", " Co", " Ltd", " Cos", " Bros", " Bancorp")


def _mention_ending_at(found: list[Mention], end: int) -> Mention | None:
    """The mention of ``found`` that ends at ``end``, if any (the last one made first)."""
    for m in reversed(found):
        if m.end == end:
            return m
    return None


# Head words that name a body on their own.
_STANDALONE_BODIES = frozenset(("Congress", "Senate", "Parliament"))

_TITLE_SMALL_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
     "or", "the", "to", "with")
)  # fmt: skip


_SENTENCE_OPENING = re.compile(r"[\s\"'“‘(\[-]*")
# "Visiting Soma, he described ...": a participle's clause, then the sentence's subject.
_PARTICIPLE_CLAUSE_ENDS = re.compile(r",\s+(?:he|she|they|we|I|it|the)\b")


def _not_a_first_name(word: str, text: str, start: int, names_like_words: frozenset[str]) -> bool:
    """Whether a word opening the sentence before a name is an adverb or a present participle
    ("Certainly Saddam Hussein", "Chanting Helmut Kohl")."""
    return (
        len(word) >= (6 if word.endswith("ing") else 7)
        and word.endswith(("ly", "ing"))
        and word not in names_like_words
        and _SENTENCE_OPENING.fullmatch(text, 0, start) is not None
    )


@cache
def _org_last_words() -> frozenset[str]:
    """Words that end a body's name: its heads, and those that only end one ("United")."""
    return res.words("org_heads") | res.words("org_last_words")


# Honorifics that a person is known by with one name: "Prime Minister Sheikh Hasina".
_CARRIED_HONORIFICS = frozenset(("Sheikh", "Sheikha"))


def _carried(words: list[str]) -> bool:
    return len(words) == 2 and words[0] in _CARRIED_HONORIFICS


def is_title(body: str) -> bool:
    """Whether a quoted phrase is a title in title case ("This Week With David Brinkley")
    rather than words someone said: every word capitalized but the small ones, and nothing
    that ends a sentence."""
    words = body.strip().rstrip(",.").split()
    return (
        len(words) >= 2
        and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)
        and words[0][:1].isupper()
        and not any(w[-1:] in ".!?" for w in words)
    )


def _without_possessive(text: str) -> str:
    """``text`` without a final "'s" or "’s", or the "'" of "Sanders'" (string tests: this
    runs for most words)."""
    if text.endswith(("'s", "’s")):
        return text[:-2]
    return text[:-1] if text.endswith(("s'", "s’")) else text


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
# A name that runs on past its capitals: "Secunia.com", "Weisfield's Inc.".
_NAME_GOES_ON = re.compile(r"\.[a-z]|['’]s\s+[A-Z]")
# A common noun for a body right before a name: "the protest group Pussy Riot" (looked for
# only when the text before the name ends with one of the nouns: most names have none).
_GROUP_NOUNS = (
    "group", "band", "network", "channel", "company", "firm", "agency", "airline", "lender",
    "insurer", "retailer", "automaker", "carmaker", "club", "newspaper", "magazine", "charity",
    "militia", "movement",
)  # fmt: skip
# The same noun heading an apposition after a name: "Institut Merieux, a vaccine and
# bioresearch firm based in Lyon" (not "a former band member", nor "a member of the band").
_GROUP_NOUN_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!of\b|who\b|whose\b)[\w'’-]+\s+){0,4}?"
    r"(?:" + "|".join((*_GROUP_NOUNS, "maker", "concern", "manufacturer", "producer")) + r")"
    r"(?=[,.;:]|\s+(?:based|that|which|in|from|with|owned|controlled|said)\b)"
)
# A name's connecting word before a run of capitals: "Commission des Operations de Bourse"
# (the run after "des" is the tail of a longer name).
_NAME_CONNECTOR_BEFORE = re.compile(rf"[{UPPER}][\w'’.-]*\s+(?:des|de|du|la|le|of|for|and|&)\s+$")
# A capitalized word right before a number written in words: "TWA eight hundred", "Flight
# eight hundred" (a count follows no name so; "NATO's three newest members" is a count).
_NAME_BEFORE_A_NUMBER = re.compile(
    r"(?<![.!?\"“])\s(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|"
    r"Sat|Sun)[a-z]*\b)[A-Z][\w.-]*(?<!['’]s)\s$|^[A-Z]{2,}\s$"
)
# A number that names a model or a mark, not a count: plain digits after "the", "a", "its",
# "annual" or a possessive (and perhaps a hyphened word), before one thing ("the 737 jet",
# "Intel's 80486 computer chip", "the 16-bit 8088 chip", "to reach the 600 milestone", "the
# club's annual 420 event"); a plural, a superlative or a unit after it makes it a count or
# a measure again ("the 10 largest bank holding companies", "the 70 meter memorial hall").
_ONE_THING_BEFORE_A_NUMBER = re.compile(
    r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|an?|[Aa]nnual)|['’]s)\s(?:\w+-\w+\s)?$"
)
_ONE_THING_AFTER_A_NUMBER = re.compile(
    r"(?:\s+[a-z]+[a-rt-z]\b(?<!est)(?<!ed)(?<!ing)){1,2}"
    r"(?!-|\s+(?!(?:is|was|has|does)\b)[a-z]+s\b)"
)
# A number after the word for a stage, a grade or a place in a series names it, and counts
# nothing: "an epic round sixteen contest", "the round of 16", "a Category 5 hurricane",
# "train number 91", "upgraded the crisis to level seven", "runway 28".
_STAGES = frozenset((
    "round", "stage", "leg", "game", "match", "phase", "level", "grade", "category", "section",
    "article", "chapter", "page", "line", "number", "no.", "route", "gate", "platform", "pier",
    "terminal", "runway", "seed", "week",
))  # fmt: skip


def _stage_before(text: str, at: int) -> bool:
    """Whether the word right before ``at`` names a stage or a place in a series ("round
    of" too)."""
    if at < 2 or not text[at - 1].isspace():
        return False
    words = text[max(0, at - 16) : at].split()
    if not words:
        return False
    last = words[-1].lower()
    if last == "of" and len(words) > 1:
        return words[-2].lower() == "round"
    return last in _STAGES


# Nouns a count or a measure qualifies in the singular: "a 20 year sentence", "a 10 point
# lead", "the 450 seat parliament".
_COUNT_MODIFIERS = frozenset((
    "year", "month", "week", "day", "hour", "minute", "second", "point", "seat", "member",
    "storey", "story", "bed", "acre", "hectare", "page", "mile", "metre", "meter", "kilometre",
    "kilometer", "foot", "yard", "inch", "ton", "tonne", "barrel", "gallon", "litre", "liter",
    "pound", "dollar", "euro", "cent", "percent", "pence", "degree", "square", "cubic", "km",
    "mph", "man", "strong", "game", "match", "run", "vote", "nation", "country", "party",
))  # fmt: skip
# The names before the "&" of a body's name: "Chicago & North Western Holdings Corp.".
_PARTNER_BEFORE = re.compile(
    rf"(?<![\w.'’-])([{UPPER}][\w.'’-]*(?:\s+[{UPPER}][\w.'’-]*){{0,3}})\s+&\s+$"
)
# A company's legal form after its name: without it, the name is the same company.
LEGAL_FORMS = frozenset({
    "Corp", "Corporation", "Inc", "Co", "Cos", "Ltd", "PLC", "Plc", "plc", "Bancorp", "AG",
    "SA", "NV", "N.V", "S.A", "S.p.A", "B.V", "SpA", "AB", "ASA", "Oyj", "GmbH", "LLC",
    "Holdings",
})  # fmt: skip
_LEGAL_FORM_END = re.compile(
    r",?\s+(?:" + "|".join(re.escape(f) for f in sorted(LEGAL_FORMS)) + r")\.?$"
)
_ROYAL_BEFORE = re.compile(r"\b(?:Royal|Imperial)\s+$")
_FLIGHT_AFTER = re.compile(r"\s+flights?\b")
_FLIGHT_NUMBER = re.compile(r"\s+(?:[A-Z\d]{2}\s?)?\d{1,4}[A-Z]?\b")
_GROUP_NOUN_BEFORE = re.compile(r"\b(?:" + "|".join(_GROUP_NOUNS) + r")\s+$")
_CAPITAL_BEFORE = re.compile(r"\bcapital,?\s+$", re.I)
_PLURAL_NOUN = re.compile(r"\s+[a-z]+s\b")


@cache
def _place_noun_re() -> re.Pattern[str]:
    nouns = "|".join(sorted(res.words("place_nouns")))
    return re.compile(r"\b(" + nouns + r")\s+of\s+$", re.I)


@cache
def _place_suffix_re() -> re.Pattern[str]:
    return re.compile(r"\s+(" + "|".join(sorted(res.words("place_suffixes"))) + r")\b")


_TOKEN = re.compile(rf"[{UPPER}{LOWER}][{UPPER}{LOWER}.'’&-]*")
_LEXICON_TOKEN = re.compile(r"[a-z][a-z.'’&-]*")  # a lower-cased capitalized word
_LEXICON_WORDS = 5  # the longest title or country name ("Democratic Republic of the Congo")


@cache
def _lexicon() -> dict[str, tuple[str, str]]:
    """Lower-cased titles of office and names of countries → (kind, canonical form)."""
    out: dict[str, tuple[str, str]] = {}
    for alias, country in res.countries().items():
        out[alias] = ("country", country)
    for title in res.offices():
        out.setdefault(title.lower(), ("title", title))
    return out


@cache
def _lexicon_starts() -> frozenset[str]:
    """The first words of every entry in ``_lexicon`` (most capitalized words are not)."""
    return frozenset(phrase.split()[0] for phrase in _lexicon())


@cache
def _lexicon_lengths() -> dict[str, int]:
    """The first words of the entries in ``_lexicon`` that have more than one word → the most
    words such an entry has ("prime" → 2 for "prime minister")."""
    out: dict[str, int] = {}
    for phrase in _lexicon():
        first, _, rest = phrase.partition(" ")
        if rest:
            out[first] = max(out.get(first, 1), phrase.count(" ") + 1)
    return out


@cache
def _lexicon_start_re() -> re.Pattern[str]:
    """A capitalized word ("[A-Z][A-Za-z.'’&-]*", whole) that starts a lexicon entry once
    lower-cased and stripped of a final "'s": the regex engine finds the few such words
    instead of a dictionary lookup per capitalized word. Case folding is ASCII only, like
    ``str.lower`` on the ASCII letters these words are made of; entries with other letters
    can never be such a word, and are left out."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(_lexicon_starts(), key=len, reverse=True):
        if _LEXICON_TOKEN.fullmatch(word):
            by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    # One alternative per capital, each the capital itself and then the rest of the words it
    # begins: the engine skips to those capitals in C (see ``_CAP_REST``), and at one compares
    # the capital with each alternative's without entering those of other letters.
    words = "|".join(
        rf"{first.upper()}(?<![A-Za-z.'’&-].)(?ai:{'|'.join(rs)})"
        for first, rs in sorted(by_first.items())
    )
    # A period may follow when it ends the sentence ("in Germany."), not inside a word ("U.S.").
    return re.compile(rf"(?:{words})(?:['’]s)?(?![A-Za-z'’&-]|\.[A-Za-z.'’&-])")


@cache
def _not_name_words() -> frozenset[str]:
    """Capitalized words that never start a name ("However", "The")."""
    return res.words("not_names") | {"The"}


@dataclass
class _Scratch:
    """Mutable per-article state for coreference (private to ``annotate``)."""

    people: dict[str, str] = field(default_factory=dict)  # surname/name → full name
    roles: dict[tuple[str, str], str] = field(default_factory=dict)  # (country, title) → name
    person_titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    last_person: str = ""
    # The first person of the latest sentence that named one: the likeliest "he" or "she"
    # ("Danius compared Dylan to Homer. 'He is a great poet,' she said.").
    subject: str = ""
    # Names seen as the end of a body's name ("Cie. de Navigation Mixte"): nobody, anywhere.
    bodies: set[str] = field(default_factory=set)
    # The bodies the article names, by their name without a legal form ("Institut Merieux"
    # for "Institut Merieux S.A."): the same name elsewhere is the body, not a person.
    orgs: dict[str, str] = field(default_factory=dict)
    # What the story so far calls each person: "M", "F", or "" when it has called them both.
    sexes: dict[str, str] = field(default_factory=dict)
    # The earliest date (ISO) a sentence may name and still tell of an office taken now.
    recent: str = ""


def _overlaps(s: int, e: int, taken: Iterable[Mention]) -> bool:
    for m in taken:  # noqa: SIM110 - twice as fast as any() over a generator, called often
        if s < m.end and m.start < e:
            return True
    return False


@cache
def _lower_offices() -> dict[str, str]:
    """A country's offices in lower case, to their canonical titles."""
    return {t.lower(): t for t in res.state_offices()}


@cache
def _lower_office_re() -> re.Pattern[str]:
    """A country's office written in lower case ("prime minister"), not a possessive."""
    names = sorted(_lower_offices(), key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
    return re.compile(rf"\s+({words})(?![\w'’-])")


@cache
def _office_apposition() -> re.Pattern[str]:
    """A country's office after a name: "Gordon Brown, the British prime minister", "Sergei
    Lavrov, Russia's foreign minister"."""
    office = _lower_office_re().pattern
    country = rf"(?:the\s+[{UPPER}][\w-]+|[{UPPER}][\w.-]*['’]s)"
    return re.compile(rf",\s*{country}(?:\s+premier(?![\w'’-])|{office})")


_CONVERSION_OPEN = re.compile(r"\s*\(")
_DAY_BETWEEN = re.compile(r",?\s+(?:on\s+)?")


def _with_converted_times(timexes: list[Timex], text: str, base: int) -> list[Timex]:
    """A clock time and the same time told again in brackets are one expression: "13:00
    local time (09:00 GMT)" is asked as a whole, since either half gives the other away; so
    is "02:03 UTC on Thursday (9:03 p.m. EST Wednesday)", with the day between."""
    if len(timexes) < 2:
        return timexes
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        if t.type == "TIME" and i + 1 < len(timexes):
            # The time told again right after it, or after the day it is on.
            nxt = timexes[i + 1]
            joined = _told_again(t, t, nxt, text, base)
            if (
                joined is None
                and i + 2 < len(timexes)
                and nxt.type == "DATE"
                and (_DAY_BETWEEN.fullmatch(text, t.end - base, nxt.start - base))
            ):
                joined = _told_again(t, nxt, timexes[i + 2], text, base)
                if joined is not None:
                    i += 1
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(t)
        i += 1
    return out


def _told_again(t: Timex, last: Timex, nxt: Timex, text: str, base: int) -> Timex | None:
    """``t`` (up to ``last``) joined to ``nxt`` when ``nxt`` is a time in brackets after it."""
    if (
        nxt.type == "TIME"
        and _CONVERSION_OPEN.fullmatch(text, last.end - base, nxt.start - base)
        and text.startswith(")", nxt.end - base)
    ):
        end = nxt.end + 1
        return Timex(t.start, end, text[t.start - base : end - base], t.type, t.value, t.mod)
    return None


_NAMED_AFTER = re.compile(r"\s+(?:prizes?|laureates?|awards?|medals?|lectures?|trophy)\b")


_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]+) $")


def _after_a_given_name(text: str, pos: int, lexicon: dict[str, tuple[str, str]]) -> bool:
    """Whether a given name ends right before ``pos``: a common one ("Luís " before
    "Montenegro"), or any one capitalized word after a person's title ("Chief Executive
    Stephane " before "Israel")."""
    m = _WORD_BEFORE.search(text, max(0, pos - 20), pos)
    if m is None:
        return False
    word = m.group(1)
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    given = res.given_names()
    if word in given or plain in given:
        return True
    words = text[max(0, m.start() - 40) : m.start()].split()
    for n in (1, 2, 3):
        entry = lexicon.get(" ".join(words[-n:]).lower()) if len(words) >= n else None
        if entry is not None and entry[0] == "title":
            return True
    return False


def _recognize(sent: Sentence, timexes: list[Timex]) -> list[Mention]:
    """Mentions in one sentence, before coreference. Offsets are body offsets."""
    text, base = sent.text, sent.start
    out = [
        _mention("date", t.start, t.end, t.text, t.value,
                 (("granularity", cached_granularity(t.value)), ("type", t.type)))
        for t in _with_converted_times(timexes, text, base)
    ]  # fmt: skip

    for m in finditer_at(_QUOTE, _QUOTE_START, text):
        body = m.group("body") or m.group("sbody") or m.group("dbody")
        if len(body.split()) < 2 and not (m.group("q") or m.group("dq")):
            continue
        if "``" in body or "''" in body:
            continue  # quotation marks paired wrongly: the body runs across two quotes
        if _NICKNAME.match(text, m.start()):
            continue  # a nickname inside a name: 'Mayor Bernard C. "Jack" Young said'
        if body.lstrip()[:1] in (",", ";", ":", ".") or is_title(body):
            continue  # a fragment cut at a comma, or a name ("This Week With David Brinkley")
        s, e = base + m.start(), base + m.end()
        out.append(_mention("quote", s, e, m.group(0), body.strip().rstrip(",.;:").strip()))

    # Titles and countries are looked up by capitalized word in one dictionary, longest
    # phrase first: far faster than a regex of hundreds of alternatives at every position.
    # They must not overlap a date or a quote: ``out`` holds just those until the loop ends.
    lexicon = _lexicon()
    lengths = _lexicon_lengths()
    found: list[Mention] = []
    resume = 0
    for cap in _lexicon_start_re().finditer(text):
        s0 = cap.start()
        if s0 < resume:
            continue
        # The ends of the capitalized word and of the words after it, each after one space, as
        # many as the longest entry that starts with it has: most entries are one word.
        most = min(_LEXICON_WORDS, lengths.get(cap.group(0).lower(), 1))
        ends = [cap.end()]
        while len(ends) < most:
            if not text.startswith(" ", ends[-1]) or not (nxt := _TOKEN.match(text, ends[-1] + 1)):
                break
            end = nxt.end()
            if text[end - 1] == "." and "." not in text[nxt.start() : end - 1]:
                end -= 1  # "the United States.": the sentence's period, not the name's
            ends.append(end)
        for e0 in reversed(ends):
            raw = text[s0:e0]
            core = _without_possessive(raw)
            entry = lexicon.get(core.lower())
            if entry is None or _overlaps(base + s0, base + e0, out):
                continue
            kind, canon = entry
            if kind == "country" and _CITY_AFTER.match(text, e0):
                break  # "Mexico City", "Kuwait City", "Panama City": a capital, no country
            if kind == "country" and _REGION_BEFORE.search(text, max(0, s0 - 9), s0):
                break  # "Latin American leaders", "North American markets": a region's
            if (
                kind == "country"
                and (run := _TWO_NAME_WORDS_BEFORE.search(text, max(0, s0 - 40), s0))
                and not {run.group(1), run.group(2)} & _not_name_words()
            ):
                break  # "NARAL Pro-Choice America President Ilyse Hogue": a body's name
            if kind == "country" and _after_a_given_name(text, s0, lexicon):
                # "Prime Minister Luís Montenegro", "Chief Executive Stephane Israel": a surname
                break
            if kind == "title":
                if _SUFFIX_AFTER.match(text, e0):
                    break  # "Martin Luther King Jr.": the title word is a surname
                if canon in _MONARCHS and _title_in_a_name(text, s0, e0, lexicon):
                    break  # "Turi King", "Queen Mary University": a name, no title
                office = _STATE_OFFICE if canon in res.state_offices() else _OTHER_OFFICE
                found.append(_mention("title", base + s0, base + e0, raw, canon, office))
            else:
                if core.lower().startswith("the "):
                    core = core[4:]
                adjective = res.demonym(canon).lower() == core.lower()
                start = s0
                # "the United States" keeps its article; "the Armenian (Prime Minister)" not.
                if not adjective and text[max(0, s0 - 4) : s0].lower() == "the ":
                    start = s0 - 4
                form = "adjective" if adjective else "name"
                # "Israel's military campaign", "U.S. embassies": the country's, not a place
                # in it.
                owns = (("possessive", "yes"),) if raw != core else ()
                if not owns and not adjective and _OWNED_AFTER.match(text, e0):
                    owns = (("owner", "yes"),)
                found.append(_mention("country", base + start, base + e0, text[start:e0], canon,
                                      (("form", form), *owns)))  # fmt: skip
                # "Gordon Brown, the British prime minister, said": an office written in
                # lower case after a country's adjective is a title too.
                possessive = text.endswith(("'s", "’s"), s0, e0)
                low = _lower_office_re().match(text, e0) if adjective or possessive else None
                if low is not None:
                    e0 = low.end()
                    written = low.group(1)
                    title = _lower_offices()[" ".join(written.split())]
                    found.append(
                        _mention("title", base + low.start(1), base + e0, written, title,
                                 _STATE_OFFICE)
                    )  # fmt: skip
            resume = e0
            break
    out += found

    # ``out`` holds the dates, quotes, titles and countries: one overlap test covers them.
    for m in _number_re().finditer(text):
        s, e = base + m.start(), base + m.end()
        if _overlaps(s, e, out):
            continue
        written = m.group(0)
        val = number_value(written)
        if val is None:
            continue
        if m.group("words") and written.lower() == "one" and not _PLURAL_NOUN.match(text, m.end()):
            continue  # "one of", "one day": not a count worth asking about
        if m.group("words") and (
            text.startswith(" oh ", m.end())
            or text.endswith(" oh ", 0, m.start())
            or _NAME_BEFORE_A_NUMBER.search(text, max(0, m.start() - 30), m.start())
        ):
            # "flight one oh three", "TWA eight hundred": digits read out, or a number that
            # names a flight, no count
            continue
        if (
            written.isdigit()
            and len(written) > 1
            and _ONE_THING_BEFORE_A_NUMBER.search(text, max(0, m.start() - 24), m.start())
            and (thing := _ONE_THING_AFTER_A_NUMBER.match(text, m.end()))
            and thing.group().split()[0] not in _COUNT_MODIFIERS
        ):
            continue  # "the 737 jet", "the 600 milestone": a model or a mark, no count
        if _stage_before(text, m.start()):
            continue  # "round sixteen", "level seven", "number 91": a place in a series
        noun, modifier = _quantity(text, m.start(), m.end())
        # The (key, value) pairs that are not empty, sorted by key ("modifier" < "noun" <
        # "where").
        where = _located(text, m.end()) or _located_before(text, m.start())
        attrs = tuple(
            (k, v) for k, v in (("modifier", modifier), ("noun", noun), ("where", where)) if v
        )
        out.append(_mention("number", s, e, written, str(val), attrs))

    not_bodies = res.words("not_bodies")
    for m in finditer_at(_ACRONYM, _ACRONYM_START, text):
        acronym = m.group(0)
        s, e = base + m.start(), base + m.end()
        if acronym in not_bodies or _ROMAN.fullmatch(acronym):
            continue  # "James A. Baker III": a Roman numeral ends a name, it is no body
        if _NUMBERED_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()) and (
            _TENS_ROMAN.fullmatch(acronym)
        ):
            continue  # "Super Bowl XLVII", "WrestleMania XXX": the number of a named event
        if (
            sent.index < 3
            and _DATELINE_AFTER.match(text, m.end())
            and _DATELINE_BEFORE.fullmatch(text, 0, m.start())
        ):
            continue  # "MIAMI (AP) _": the dateline's city, in capitals, is no organization
        if not _overlaps(s, e, out):
            out.append(_mention("org", s, e, acronym, acronym))

    not_names = _not_name_words()
    not_first = res.words("names_like_words")
    body_first = res.words("body_first_words")
    honorifics = res.words("honorifics")
    roles = res.words("person_roles")
    given = res.given_names()
    org_heads = res.words("org_heads")
    org_last = _org_last_words()
    place_heads = res.words("place_heads")
    venue_heads = res.words("venue_heads")
    place_openers = res.words("place_openers")
    event_heads = res.words("event_heads")
    building_heads = res.words("building_heads")
    event_openers = res.words("event_openers")
    place_noun_re = _place_noun_re()
    place_suffix_re = _place_suffix_re()
    capitals = res.capitals()
    cities = res.cities()
    # Find name runs in the text with everything already recognized masked out, so that
    # "Prime Minister Nikol Pashinyan" yields the name "Nikol Pashinyan". A run holds no
    # masked character, so no name found in one overlaps an earlier mention, nor one found
    # in an earlier run: unlike the recognizers above, this needs no overlap test.
    pieces: list[str] = []
    pos = 0
    for done in sorted(out, key=attrgetter("start")):
        a, b = max(pos, done.start - base), min(len(text), done.end - base)
        if b > a:
            pieces.append(text[pos:a])
            pieces.append("\x00" * (b - a))
            pos = b
    pieces.append(text[pos:])
    masked = "".join(pieces)
    if '"' in masked or "“" in masked:
        # A nickname in quotation marks is part of the name around it: 'Joaquin "El Chapo"
        # Guzman' (blanked as it is written, known by its surname).
        masked = _NICKNAME.sub(lambda q: " " * len(q.group()), masked)
    taken = 0  # where the last name ends: a name may run on past its run ("Bank of America")
    for m in _NAME_RUN.finditer(masked):
        s0, e0 = m.span()
        if s0 < taken:
            continue
        words = m.group(0).split()
        # "New York-based Crescott", "Hamas-run Gaza": rare, tested below
        based = "-" in m.group(0) and _COMPOUND_OPENER.search(m.group(0)) is not None
        # A body's name keeps its first words: "General Motors Corp.", "Justice Department".
        last = _without_possessive(words[-1]).rstrip(".")
        # (a plural head too: "the Confederation of German Employers' Associations")
        body = last in org_last or (last.endswith("s") and last[:-1] in org_last)
        if not body and len(words) >= 3:
            # A role in front of a full name is no part of it: "District Attorney Frank C.
            # Clark", "Surgeon General David Satcher" (the last role with two words after it).
            # (a rank joined by a hyphen too: "Major-General Qassim Moussawi", "Vice-President
            # José Alencar")
            cut = max(
                (i for i, w in enumerate(words[:-2])
                 if singular(w.lower()) in roles
                 or singular(w.lower().rpartition("-")[2]) in roles),
                default=-1,
            )  # fmt: skip
            if (
                cut < 0
                and words[0] not in given
                and _BODY_OR_RANK_BEFORE.search(text, max(0, s0 - 40), s0)
            ):
                # "Chief Inspector of Rail Accidents Andrew Hall", "former Marine Daniel
                # Whitford": after "of" or "former", the name starts at a common given name
                # (one that starts with a given name is whole: "for James Charles Kopp").
                cut = next((i - 1 for i in range(1, len(words) - 1)
                            if words[i] in given and len(words) - i <= 3
                            and words[i - 1] not in place_openers), -1)  # fmt: skip
                # (but "of San Pedro Sula" names a city, not Pedro Sula)
                if (
                    cut < 0
                    and (words[0] in capitals or words[0] in cities)
                    and words[1][:1].isupper()  # (not "of Santiago de Compostela")
                ):
                    cut = 0  # "Archbishop of Paris Laurent Ulrich": the city, then the name
                if cut < 0:
                    # "Minister for Defence Ignazio La Russa", "President of European Pride
                    # Organisers Association Kristine Garina": the office's field, or the
                    # body, ends at its last word
                    fields = res.words("office_fields")
                    cut = max(
                        (i for i, w in enumerate(words[:-2]) if w in fields or w in org_last),
                        default=-1,
                    )
            for w in words[: cut + 1]:
                s0 = text.index(w, s0) + len(w)
            while s0 < e0 and text[s0].isspace():
                s0 += 1
            words = words[cut + 1 :]
        # Drop leading capitalized function words ("The", "However") and possessives,
        # honorifics, and an adverb or participle that opens the sentence.
        while words and (
            (
                (words[0] in not_names or _without_possessive(words[0]) in not_names)
                and not (body and words[0] in body_first)
            )
            or (not body and words[0] in honorifics and not _carried(words))
            or (based and any(_COMPOUND_OPENER.search(w) for w in words[:-1]))
            or words[0].lower() in _SPEECH_VERB_SET  # "Replied State Department spokesman"
            or words[0].lower().endswith("-old")  # "Seventeen-year-old Sienna Toohey"
            or (
                not body
                and (len(words) > 2 or _PARTICIPLE_CLAUSE_ENDS.match(text, e0))
                and _not_a_first_name(words[0], text, s0, not_first)
            )
            or words[0].endswith("-")  # a stammer in a transcript: "Do- Donna Shalala"
            # the end of a body's name before a person's: "European Pride Organisers
            # Association Kristine Garina"
            or (not body and len(words) > 2 and words[0] in org_last)
            # what someone is, before a given name: "Environmentalist Mark Lynas said"
            or (
                not body
                and len(words) > 2
                and words[0] not in given
                and words[1] in given
                and words[0].lower().endswith(_ROLE_ENDINGS)
            )
        ):
            s0 = text.index(words[0], s0) + len(words[0])
            while s0 < e0 and text[s0].isspace():
                s0 += 1
            words = words[1:]
        if not words:
            continue
        if words[-1] == "Flight" and _FLIGHT_NUMBER.match(text, e0):
            # "Indonesia AirAsia Flight 8501", "Adam Air Flight 574": a flight's name, whose
            # airline is no person and no blank (a card would cut the name).
            taken = e0
            continue
        name = _without_possessive(text[s0:e0])
        e0 = s0 + len(name)
        if text.startswith(".", e0) and name.endswith(_ABBREVIATED_ENDS):
            e0 += 1  # "Louis Gerstner Jr.", "Sony Corp.": the period is the name's
            name += "."
        s, e = base + s0, base + e0
        before = text[max(0, s0 - 30) : s0]
        legal = _LEGAL_FORM_AFTER.match(text, e0)
        if legal:  # "Reed International PLC", "Jaguar PLC": a company, named with its form
            e0 = legal.end()
            e = base + e0
            name = text[s0:e0]
            taken = e0
        # (In the masked text: "of Hungary and Jan Kavan" has a country, not a name, before.)
        # Both end in "of", "of the" or "and": most names have none of these before them.
        lead_in = masked[max(0, s0 - 12) : s0].rstrip()
        after_of = lead_in.endswith(("of", "the"))
        head = _NAME_OF_BEFORE.search(masked, max(0, s0 - 40), s0) if after_of else None
        if (head and head.group(1) not in not_names) or (
            lead_in.endswith("and")
            and words[0] not in given  # (but "John McCain of Arizona and Susan Collins")
            and _OF_AND_BEFORE.search(masked, max(0, s0 - 40), s0)
        ):
            continue  # "the Commonwealth of Independent States", "of Health and Human Services"
        # The words around a name that say it is a body: "the protest group Pussy Riot",
        # "the Internet security firm Secunia", "Institut Merieux, a vaccine and bioresearch
        # firm based in Lyon", "Pan Am flight 103" (an airline, not a person).
        if (
            (
                before.rstrip().endswith(_GROUP_NOUNS)
                and _GROUP_NOUN_BEFORE.search(before)
                and not _NAME_GOES_ON.match(text, e0)
            )
            or (
                not body
                and text.startswith(",", e0)
                and _GROUP_NOUN_AFTER.match(text, e0)
                and not _NAME_CONNECTOR_BEFORE.search(text, max(0, s0 - 30), s0)
            )
            or _FLIGHT_AFTER.match(text, e0)
        ):
            out.append(_mention("org", s, e, name, name))
            taken = e0
            continue
        last = name.rsplit(None, 1)[-1].rstrip(".")
        if (last in event_heads or words[0] in event_openers) and " " in name:
            continue  # "the Cold War", "Tropical Storm Harvey": events, not people
        if " " in name and words[0] not in given and last.lower() in _OFFICE_ENDS:
            # "Deputy National Security Advisor for ...", "White House Press Secretary": an
            # office, not a person (but "John Major" is one)
            taken = e0
            continue
        if (
            last in building_heads
            and " " in name
            and words[0] not in place_openers
            and name not in capitals
            and name not in cities
        ):
            # "Imam Khomeini International Airport", "Evin Prison", "Leicester City": no
            # people (but "Cape Canaveral Air Force Station" and "Mexico City" are places)
            continue
        if len(words) > 2 and "Base" in words[:-1]:
            continue  # "Forward Operating Base Chapman": a base named for someone
        if " " in name and (
            (last in place_heads and not _role_before(before))
            or (last in venue_heads and not _named_as_a_person(words, before))
        ):
            out.append(_mention("place", s, e, name, name, (("feature", last.lower()),)))
            continue
        if last in org_last:
            # "Bank of America", but not "Murphy Oil Corp. of Arkansas": after a legal form,
            # "of ..." says where the company is.
            tail = None if name.endswith(".") or legal else _OF_NAME.match(masked, e0)
            if tail and last in _LED_BODIES and _PERSON_LIKE_TAIL.fullmatch(tail.group(0)):
                tail = None  # "the Telugu Desam Party of Chandrababu Naidu": its leader
            if tail and "\x00" not in tail.group(0):
                # "Organization of Petroleum Exporting Countries", "Bank of America".
                end = tail.end()
                owner = _POSSESSIVE_IN.search(tail.group(0))
                if owner:
                    # "the Federal Bureau of Investigation's Cleveland field office": the
                    # name ends with its possessive.
                    end = tail.start() + owner.start()
                while text[end - 1] == "." and text[end - 3 : end - 2] != ".":
                    end -= 1  # the sentence's period, not that of "U.S."
                taken = end
                if _AND_NAME.match(text, end):
                    continue  # "Department of Health and Human Services": where does it end?
                name = _without_possessive(text[s0:end])
                e0 = s0 + len(name)
                e = base + e0
            elif not legal and (of_country := _country_of_a_body(last, masked, e0, out, base)):
                # "the Bank of Japan", "the Reserve Bank of Australia": the country is part
                # of the bank's name, not a place of its own in the sentence.
                out.remove(of_country)
                e0 = of_country.end - base
                taken = e0
                name = _without_possessive(text[s0:e0])  # "the Bank of Japan's governor"
                e0 = s0 + len(name)
                e = base + e0
            elif " " not in name and name not in _STANDALONE_BODIES:
                continue  # "Organization", "Department": the rest of the name is elsewhere
            if _AND_BEFORE.search(text, max(0, s0 - 40), s0):
                continue  # "the Immigration and Naturalization Service": where does it start?
            if _AND_NAME.match(masked, e0) or _FOR_NAME.match(masked, e0):
                continue  # "the Fire Service and Civil Defence", "the Court of Arbitration for
                # Sport": where does it end?
            if _LISTED_NAME_BEFORE.search(text, max(0, s0 - 60), s0):
                continue  # "the Asia, Turkey, Europe Platform": "Europe Platform" is its tail
            if " " in name and all(w.rstrip(".") in org_heads or w in place_heads
                                   for w in name.split()):  # fmt: skip
                continue  # "Holdings Inc." of "Sotheby's Holdings Inc.": only its last words
            # "Moody's Investors Service", "Trump's Justice Department": is the word before
            # part of the name? Where it is a city's the body is the city's ("Havana's Palace
            # of Conventions"), and a country's is masked ("Russia's Defence Ministry").
            owner = _NAME_POSSESSIVE_BEFORE.search(masked, max(0, s0 - 30), s0)
            if owner and not (words[0] in body_first or _ADJECTIVE_ENDING.search(words[0])):
                # ("Obama's Democratic Party": a name that opens with an adjective is whole)
                owner_name = _without_possessive(owner.group().rstrip())
                if owner_name not in cities and owner_name not in capitals:
                    continue
            # "U.S. Trust Corp.", "RJR Nabisco Inc.": a country or an acronym found before
            # is the first word of the name.
            joined = text[s0 - 1 : s0] in (" ", "-")  # "U.S. Trust", "Cuban-American"
            lead = _mention_ending_at(out, base + s0 - 1) if joined else None
            if (
                lead is not None
                and lead.kind in ("country", "org")
                # (a country in words of its own too: "the United States Maritime Alliance",
                # "the South African Reserve Bank")
                and not _possessive(lead.text)  # "Chile's Cerro Tololo Observatory"
            ):
                out.remove(lead)
                s0 = lead.start - base
                if text.startswith(("the ", "The "), s0):
                    s0 += 4  # the article is no part of the name
                elif royal := _ROYAL_BEFORE.search(text, max(0, s0 - 12), s0):
                    s0 = royal.start()  # "the Royal Swedish Academy of Sciences"
            elif initials := _INITIALS_BEFORE.search(text, 0, s0):
                s0 = initials.start(1)  # "RJR Nabisco Inc.", "MGM Grand Inc."
            elif text.endswith(" & ", 0, s0) and (
                partner := _PARTNER_BEFORE.search(text, max(0, s0 - 60), s0)
            ):
                # "Chicago & North Western Holdings Corp.": one name, not a city and a body
                first = base + partner.start(1)
                out[:] = [x for x in out if not first <= x.start < base + s0]
                s0 = partner.start(1)
            name = text[s0:e0]
            before = text[max(0, s0 - 30) : s0]
            full_s = s0
            the = _THE_BEFORE.search(before)
            if the:
                full_s = s0 - len(the.group(0))
            out.append(_mention("org", base + full_s, e, text[full_s:e0], name))
            continue
        short = name
        if (particle := _PLACE_PARTICLE_AFTER.match(text, e0)) is not None:
            # "Landsberg am Lech", "Newcastle upon Tyne": a place's name goes on past a
            # particle; cut there, the card's blank would leave its tail outside.
            e0 = particle.end()
            e = base + e0
            name = text[s0:e0]
        # "the city of X", "the capital, X": most names have neither before them, and a
        # failing search of these patterns is slow, so test the last letters first.
        ending = before.rstrip().rstrip(",")[-2:].lower()
        place_noun = place_noun_re.search(before) if ending == "of" else None
        if place_noun or (ending == "al" and _CAPITAL_BEFORE.search(before)):
            kind_of = place_noun.group(1).lower() if place_noun else "capital"
            out.append(_mention("place", s, e, name, name, (("noun", kind_of),)))
            continue
        suffix = place_suffix_re.match(text, e0)
        if suffix:
            out.append(_mention("place", s, e, name, name, (("feature", suffix.group(1)),)))
            continue
        if short in capitals or short in cities:
            country = capitals.get(short) or cities[short]
            out.append(_mention("place", s, e, name, name, (("country", country),)))
            continue
        if " " in name and words[0] in place_openers:
            # "San Pedro Sula", "Port Louis"; but not "Fort St" of "Fort St. James" (the name
            # goes on past the period), nor "San Francisco-based" or "the Cape Argus newspaper".
            if not (based or text.startswith(".", e0) or _NOUN_AFTER_PLACE.match(text, e0)):
                out.append(_mention("place", s, e, name, name))
            continue
        last = name.rsplit(None, 1)[-1]
        if last.endswith("s") and res.countries().get(last[:-1].lower()):
            continue  # "Germans", "East Germans": a people, not a person
        if " " not in name and _NAMED_AFTER.match(text, e0):
            continue  # "the first of the Nobel prizes": named after someone, no one in it
        tail = _AND_AFTER_A_WORD.search(before) if before.rstrip().endswith("and") else None
        if tail and tail.group(1) in org_heads:
            continue  # "the Fire Service and Civil Defence": the rest of a body's name
        out.append(_mention("name", s, e, name, name))
    out.sort(key=lambda x: (x.start, -x.end))
    return out


_PLACE_PARTICLE_AFTER = re.compile(r" (?:am|an der|upon|sur) [A-Z][a-z]+\b(?!['’])")
# How the words for what someone does end ("Environmentalist", "Campaigner", "Spokesman").
_ROLE_ENDINGS = ("ist", "er", "or", "ian", "man", "woman")
# The last word of an office's name ("National Security Advisor", "Press Secretary").
_OFFICE_ENDS = frozenset((
    "advisor", "adviser", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "chairwoman", "commissioner", "ambassador", "administrator",
))  # fmt: skip
# ("former U.S. Marine Paul Whelan": a country's short name may stand between; and the end
# of an office's name: "Advisor for Homeland Security and Counterterrorism John O. Brennan")
_BODY_OR_RANK_BEFORE = re.compile(
    r"\b(?:of|for|former|ex-|(?:of|for)(?:\s+[A-Z][a-z]+)+\s+and)(?:\s+[A-Z][A-Z.]{1,5})?\s*$"
)
_ADJECTIVE_ENDING = re.compile(r"(?:ic|al|an|ive|ist)$")
# A noun after a name that makes the name a modifier, not a place: "the Cape Argus newspaper".
_NOUN_AFTER_PLACE = re.compile(
    r"\s+(?:newspaper|daily|weekly|magazine|club|team|company|firm|group|bank|hotel|"
    r"university|college|school|hospital|airline)s?\b"
)
# A capitalized possessive right before a name: "Moody's Investors Service".
_NAME_POSSESSIVE_BEFORE = re.compile(rf"(?<![\w.])[{UPPER}][\w.&-]*['’]s\s+$")
_MODIFIERS = (
    "at least", "at most", "more than", "less than", "fewer than", "over", "under", "about",
    "around", "nearly", "almost", "some", "up to", "roughly", "approximately", "an estimated",
    "another", "only", "just",
)  # fmt: skip
_MODIFIER = re.compile(r"(?i)\b(" + "|".join(_MODIFIERS) + r")\s+$")
# The last letters of the modifiers, in either case: if ``_MODIFIER`` finds a modifier before
# a number, that text ends with one of them and then space. Most numbers have another letter
# there, and a failing search is slow. Under IGNORECASE only "i", "k" and "s" also match
# letters outside ASCII ("İ", "ı", "K", "ſ"), and no modifier ends in one of them.
_MODIFIER_LAST = frozenset(m[-1] for m in _MODIFIERS) | frozenset(m[-1].upper() for m in _MODIFIERS)
_NOUN_WORDS = re.compile(rf"(?:\s+(?:[{UPPER}{LOWER}][\w’'-]*))")
_PARTICIPLE = re.compile(r"(?:ed|en)$")
_OR_MORE = re.compile(r"\s+or (?:more|so)\b")
# "31 helicopters and planes": the number counts both, so the noun is both. Only lower-case
# plural nouns are joined ("10 soldiers and a police officer" counts the soldiers alone).
_AND_NOUN = re.compile(
    r"\s+(?:and|or)\s+(?:[a-z][a-z-]*\s+)?[a-z][a-z-]*(?:s|men|people|children)(?![\w'’-])"
)


# A count of one named place: "41 people were killed at the Al Noor mosque" (and seven at
# another) is not the toll of the attack.
_LOCATED = re.compile(
    r"[^,;:.()\n]{0,40}?\b(?:[a-z]{2,}ed|dead|died|hurt|[a-z]{2,}en)\s+"
    rf"(?:at|in|near|inside|outside|around)\s+(?:the\s+)?(?P<place>[{UPPER}][\w'’-]+"
    rf"(?:\s+[{UPPER}][\w'’-]+)*)"
)


def _located(text: str, end: int) -> str:
    """The named place a count right before it is tied to by a participle ("were killed at
    the Al Noor mosque" gives "Al Noor"), or ""."""
    m = _LOCATED.match(text, end)
    if m is None or m.group("place").split()[0] in _not_name_words():
        return ""  # "killed in January", "killed in The ..."
    if m.group("place").endswith(("'s", "’s")):
        return ""  # "involved in Floyd's arrest": whose, not where
    return m.group("place")


_WHERE_BEFORE = re.compile(
    rf"([{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*)*),\s+where\s+(?:at\s+least\s+|about\s+|some\s+"
    r"|more\s+than\s+|nearly\s+|almost\s+)?$"
)


def _located_before(text: str, start: int) -> str:
    """The named place a count is tied to by "where" before it: "the town of Chivay, where 61
    people died" gives "Chivay", a part of the toll, not the whole."""
    lo = max(0, start - 80)
    if text.find("where", lo, start) < 0:
        return ""  # nearly every count: no search
    m = _WHERE_BEFORE.search(text, lo, start)
    return m.group(1) if m else ""


# Verbs in the past that can follow a number standing for people ("the 12 found", "all 3
# agreed"); the participles of a toll ("200 wounded", "32 killed") stay nouns.
_VERB_AFTER_A_NUMBER = frozenset(
    ("found", "said", "told", "made", "took", "gave", "went", "came", "won", "lost", "left",
     "met", "began", "sent", "held", "brought", "thought", "became", "got", "paid", "saw",
     "spoke", "wrote", "chose", "led", "fled", "knew", "stood", "spent", "sought", "agreed",
     "voted", "decided", "ruled", "signed", "returned", "arrived", "joined", "refused",
     "appeared", "testified", "pleaded", "received", "reached", "remained", "added", "died",
     "perished", "drowned", "survived", "escaped", "disappeared", "attended")
)  # fmt: skip


_DEGREES_AFTER = re.compile(r"°?[CF]\b|\s*°|\s+degrees\b")
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_CURRENCY_BEFORE = re.compile(r"(?:US|A|C|NZ|HK)?([$€£¥])\s?$")


_MEASURE_BEFORE = re.compile(
    r"\b(age|ages|limit|threshold|ceiling|majority|quorum|sentence|term|deficit|turnout)"
    r"\s+(?:(?:of|for)\s+[a-z ]{1,30}?\s+)?(?:to|at|of|from)\s+$"
)
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the|its|their|all)\s+[\d,]+\s+([a-z][a-z-]*s)\b")


def _quantity(text: str, start: int, end: int) -> tuple[str, str]:
    """The noun phrase counted by a number, and its modifier: ("peacekeepers", "at least")."""
    if _DEGREES_AFTER.match(text, end):
        return "degrees", ""  # "40.3C"
    if text.startswith("%", end):
        return "percent", _modifier_before(text, start)  # "won 47.1% of the vote"
    lo = max(0, start - 4)
    # (The sign ends what is before the number but for white space: else there is no search.)
    sign = text[lo:start].rstrip()[-1:]
    currency = _CURRENCY_BEFORE.search(text, lo, start) if sign in _CURRENCIES else None
    if currency:
        # "$3.1 billion": money, whatever word follows ("the $13.9 billion analysts had
        # predicted" counts no analysts).
        before = text[max(0, start - 24) : start - len(currency.group(0))]
        mod = _MODIFIER.search(before) if before.rstrip()[-1:] in _MODIFIER_LAST else None
        return _CURRENCIES[currency.group(1)], (mod.group(1).lower() if mod else "")
    stops = res.words("quantity_stops")
    countries = res.countries()
    nouns: list[str] = []
    pos = end
    while len(nouns) < 3:
        m = _NOUN_WORDS.match(text, pos)
        if not m:
            break
        word = m.group(0).strip()
        low = word.lower()
        if low in stops or (word[0].isupper() and not countries.get(low)):
            break
        if not nouns and low in _VERB_AFTER_A_NUMBER:
            break  # "The jury of 12 found him guilty", "the 3 said": a verb, no noun
        if nouns and (
            low.endswith("ing")
            or (low.endswith("s") and nouns[-1].endswith("s"))
            or low in IRREGULAR_PAST
        ):
            # "satellites orbiting", "countries involves", "a 7.8 earthquake struck": a verb
            # follows the noun
            break
        nouns.append(word)
        pos = m.end()
    # A trailing participle ("32 people killed") is a verb, not part of the noun, unless it
    # stands alone ("200 wounded").
    while (
        len(nouns) > 1
        and _PARTICIPLE.search(nouns[-1])
        and nouns[-1] not in ("children", "women", "men")
    ):
        nouns.pop()
    joined = _AND_NOUN.match(text, pos) if nouns and pos > end else None
    if joined and _plural(nouns[-1]):
        more = joined.group(0).split()
        if not any(
            w in stops or (_PARTICIPLE.search(w) and not _plural(w)) or w.endswith("ing")
            for w in more[1:]
        ):
            nouns += more
    if not nouns:
        # "won 303 of the 543 seats": a part counted in the whole's noun.
        part = _PART_OF.match(text, end)
        if part and part.group(1).lower() not in stops:
            nouns.append(part.group(1))
    if not nouns:
        # "raises the retirement age to 64 from 62": a measure named before its value.
        named = _MEASURE_BEFORE.search(text, max(0, start - 40), start)
        if named:
            nouns.append(named.group(1))
    modifier = _modifier_before(text, start)
    if not modifier and _OR_MORE.match(text, end):
        return " ".join(nouns), "or more"
    return " ".join(nouns), modifier


def _plural(noun: str) -> bool:
    low = noun.lower()
    return (low.endswith("s") and not low.endswith("ss")) or low.endswith(("men", "people"))


def _modifier_before(text: str, start: int) -> str:
    """ "at least", "nearly" ... right before a number, or ""."""
    before = text[max(0, start - 20) : start]
    mod = _MODIFIER.search(before) if before.rstrip()[-1:] in _MODIFIER_LAST else None
    return mod.group(1).lower() if mod else ""


_SPEECH_VERB_SET = res.words("say_verbs")
_SPEECH_VERBS = tuple(sorted(_SPEECH_VERB_SET))
SPEECH = re.compile(r"\b(?:" + "|".join(_SPEECH_VERBS) + r")\b")
# "Smith said", "Smith, who said", "Smith later said" (but not "in Sao Paulo, but said":
# a conjunction starts another clause, whose subject is someone else's).
_SPEECH_AFTER = re.compile(
    r"['’]?s?,?\s*(?:who\s+)?(?:(?!(?:but|and|or|yet|so|while|as|which|that)\b)\w+\s+)?"
    + SPEECH.pattern
)
_SPEECH_BEFORE = re.compile(SPEECH.pattern + r"\s+$")
_PRONOUN_SAID = re.compile(r"[,.!?]?\s*(he|she)\s+" + SPEECH.pattern)
# Between a quotation and its speaker: a verb of saying, and an acronym of the speaker's body
# ("…," said NASA Administrator Bill Nelson, once the title is left out), or "the" before a
# role ("…," the British chancellor told reporters).
# A word that says for how long or how firmly someone holds the role, before its body and title
# ("…," said acting NASA Administrator Steve Jurczyk; "…," said former Prime Minister John Key).
_ROLE_STANDING = r"(?:(?:acting|interim|former|outgoing|incoming|caretaker)\s+)?"
_QUOTE_TO_SPEAKER = re.compile(
    r"[,.!?]?\s*(?:"
    + SPEECH.pattern
    + r"\s+)?(?:the\s+)?"
    + _ROLE_STANDING
    + r"(?:[A-Z]{2,6}\s+)?$"
)


# A name before the word for someone who works there: "a White House official said".
_STAFF_WORDS = frozenset(
    (*(w + s for w in ("official", "adviser", "advisor", "aide", "staffer", "employee", "source",
                       "economist", "analyst", "lawyer", "negotiator") for s in ("", "s")),
     "spokesman", "spokeswoman", "spokesperson", "staff")
)  # fmt: skip
_STAFF_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(" + "|".join(sorted(_STAFF_WORDS, key=len, reverse=True)) + r")\b"
)
_QUOTE_TO_EMPLOYED_SPEAKER = re.compile(
    r"[,.!?]?\s*(?:"
    + SPEECH.pattern
    + r"\s+)?(?:the\s+)?"
    + _ROLE_STANDING
    + r"(?:[A-Z][\w&.'’-]*\s+){1,4}$"
)
_HONORIFIC_LONG_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Prof|Professor)\.?\s*$")
_HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Prof")
_KNIGHTED_BEFORE = re.compile(r"\b(?:Sir|Dame)\s+$")
_HONORIFIC_BEFORE = re.compile(r"\b(?:" + "|".join(_HONORIFICS) + r")\.?\s*$")
_ROLE_BEFORE = re.compile(r"(?:^|\s)([A-Za-z][a-z-]+),?\s+$")  # "striker", "Democrat"
_APPOSITION_AFTER = re.compile(
    r",\s*(?:\d{1,3},|(?:the|a|an)\s+(?:[a-z]+\s+){1,3}(?:of|at|for)\b|an?\s+\d{1,3}-year-old\b)"
)
# "Yukio Edano, the chief cabinet secretary, said": an apposition whose head is a person's
# role (the group: the word before the comma or preposition that closes it).
_ROLE_APPOSITION = re.compile(
    r",\s*(?:the|a|an|its|his|her|their)\s+(?:[\w'’.-]+\s+){0,4}?([a-z-]+)"
    r"(?:,|\s+(?:of|at|for|to|in|on|with|who|from)\b)"
)


# "Philip Hammond was named foreign secretary", "Nicky Morgan became education secretary":
# given a person's role (the group) by a verb of appointment.
_APPOINTED_AFTER = re.compile(
    r"\s+(?:(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:named|appointed|elected|sworn\s+in"
    r"|nominated|made|promoted|confirmed)(?:\s+as)?|became|becomes|will\s+become)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?((?:[a-z-]+\s+){0,3}[a-z-]+)\b"
)
# Roles a company takes as well: "Goldman Sachs was named lead adviser".
_ROLES_OF_FIRMS = frozenset(
    ("adviser", "advisor", "consultant", "investor", "owner", "manager", "partner", "winner",
     "lead", "champion", "leader", "founder", "executive")
)  # fmt: skip


def _honorific_before(sent_text: str, start: int, after_title: bool) -> bool:
    if after_title:
        return True
    return bool(_HONORIFIC_LONG_BEFORE.search(sent_text[max(0, start - 12) : start]))


def _named_as_a_person(words: list[str], before: str) -> bool:
    """Whether a name that ends like a venue's ("Field", "Park") is a person's: it opens with
    a given name ("Jennifer Park"), or a role or honorific comes before it ("actress Sally
    Field", "Mr. Park")."""
    return words[0] in res.given_names() or _role_before(before)


def _role_before(before: str) -> bool:
    """Whether the word before a name is a role or an honorific: "Officer Sarah Street",
    "council member Traci Park", "Mr. Park" name people, whatever their names end with."""
    prev = before.rstrip().rsplit(None, 1)[-1:]
    return bool(prev) and (
        res.is_person_role(prev[0].lower()) or prev[0] in res.words("honorifics")
    )


def _is_person_context(sent_text: str, start: int, end: int, after_title: bool) -> bool:
    """Signals that a capitalized name is a person's."""
    if after_title:
        return True
    before = sent_text[max(0, start - 25) : start]
    after = sent_text[end : end + 30]
    employer = _ROLE_THEN_NAME.match(after)
    if employer and res.is_person_role(employer.group(1)):
        return False  # "World Snooker Tour chairman Steve Dawson": his employer, not a person
    # Most names show none of these signals. A failing search of a pattern that ends at the
    # end of ``before`` tries it at every position, so first test with string methods the
    # word that ``before`` must then end with: the honorific, the role (the pattern's group),
    # the verb. Likewise an apposition starts with a comma. The speech verb after the name
    # has no such test and comes last.
    tail = before.rstrip()
    if tail.removesuffix(".").endswith(_HONORIFICS) and _HONORIFIC_BEFORE.search(before):
        return True
    role = tail.removesuffix(",").rsplit(None, 1)
    if role and res.is_person_role(role[-1].lower()) and _ROLE_BEFORE.search(before):
        return True
    if _STAFF_AFTER.match(after):
        return False  # "a White House official said", "the White House economic adviser"
    if tail.endswith(_SPEECH_VERBS) and _SPEECH_BEFORE.search(before):
        return True
    if after.startswith(",") and (
        _APPOSITION_AFTER.match(after) or _office_apposition().match(sent_text, end)
    ):
        return True  # "Messi, 35,", "Gordon Brown, the British prime minister,"
    if after.startswith(","):
        head = _ROLE_APPOSITION.match(sent_text, end, end + 80)
        if head and res.is_person_role(head.group(1)):
            return True
        if after.startswith(", who ") and " " in sent_text[start:end].strip():
            return True  # "Penny Mordaunt, who had held the post": bodies and places are "which"
    if _SPEECH_AFTER.match(after):
        return True
    name = sent_text[start:end].split()
    if 2 <= len(name) <= 3 and name[0] in res.given_names():
        return True  # "Joe Biden won the election": a common given name opens it
    appointed = _APPOINTED_AFTER.match(sent_text, end, end + 80)
    if appointed is None:
        return False
    roles = _roles_of_people_only()
    return any(w in roles for w in appointed.group(1).split())


@cache
def _roles_of_people_only() -> frozenset[str]:
    return res.words("person_roles") - _ROLES_OF_FIRMS


_WORD_BEFORE = re.compile(rf"(?<![\w'’.-])([{UPPER}][{LOWER}]+) $")
_NAME_AFTER = re.compile(rf"(?:\s+[{UPPER}][\w'’.-]*)+")


def _title_in_a_name(text: str, start: int, end: int, lexicon: dict[str, tuple[str, str]]) -> bool:
    """Whether a monarch's title at ``text[start:end]`` is a word of a name: the surname after
    a given name ("Geneticist Turi King"; but "Saudi King Abdullah", "The Queen"), or the
    first word of a body's name ("Queen Mary University of London", "King's College")."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if (
        before
        and before.group(1) not in _not_name_words()
        and before.group(1).lower() not in lexicon
    ):
        return True
    after = _NAME_AFTER.match(text, end)
    last = after.group(0).split()[-1].rstrip(".,") if after else ""
    return last in res.words("org_heads")


_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
_APPOSITION_GAP = re.compile(r",\s*(?:the\s+)?")


def _office_of_a_country(ms: list[Mention], i: int, sent: Sentence) -> bool:
    """Whether the name ``ms[i]`` is named with an office "of" a country, before it ("President
    of Kenya Uhuru Kenyatta") or after it ("Emomali Rahmon, the President of Tajikistan")."""
    text, base, m = sent.text, sent.start, ms[i]
    if (
        i > 1
        and ms[i - 1].kind == "country"
        and ms[i - 2].kind == "title"
        and 0 <= m.start - ms[i - 1].end <= 2
        and _OF_GAP.fullmatch(text, ms[i - 2].end - base, ms[i - 1].start - base)
    ):
        return True
    return bool(
        i + 2 < len(ms)
        and ms[i + 1].kind == "title"
        and ms[i + 2].kind == "country"
        and _APPOSITION_GAP.fullmatch(text, m.end - base, ms[i + 1].start - base)
        and _OF_GAP.fullmatch(text, ms[i + 1].end - base, ms[i + 2].start - base)
    )


_OF_A_CITY = re.compile(rf"\s+of\s+([{UPPER}][\w.-]+)\s+$")


def _office_of_a_city(ms: list[Mention], i: int, sent: Sentence) -> bool:
    """Whether the name ``ms[i]`` follows an office "of" a city: "Archbishop of Paris Laurent
    Ulrich", "Mayor of London Sadiq Khan"."""
    if i == 0 or ms[i - 1].kind != "title":
        return False
    gap = _OF_A_CITY.fullmatch(sent.text, ms[i - 1].end - sent.start, ms[i].start - sent.start)
    return gap is not None and (gap.group(1) in res.capitals() or gap.group(1) in res.cities())


_REGION_BEFORE = re.compile(r"\b(?:Latin|South|North|Central)[ -]$")
# Two capitalized words right before a country's name: the country ends a longer name.
_TWO_NAME_WORDS_BEFORE = re.compile(rf"(?<![\w.'’-])([{UPPER}][\w'’-]*) ([{UPPER}][\w'’-]*) $")
_ROLE_THEN_NAME = re.compile(rf"\s+([a-z]+)\s+[{UPPER}]")
# "he", "him", "his", "himself" (group 1) or "she", "her", "hers", "herself", in any case.
# Written as a first letter, then the word's start and the rest: a pattern that opens with a
# bare character class has the regex engine skip to those letters in C. (Under IGNORECASE,
# "s" also matches "ſ", and "h" nothing else.)
_PRONOUN = re.compile(
    r"[hHsS\u017f](?<!\w.)(?:(?<=[hH])(?i:(e|im|is|imself)|(?:er|ers|erself))|(?<=[sS\u017f])(?i:he))"
    r"\b"
)
_SEX_BEFORE = re.compile(
    r"\b(?:(Mr|Sir|Lord|King|Prince|Pope)|(Mrs|Ms|Miss|Dame|Lady|Queen|Princess))\.?\s+$"
)
_WOMAN_AFTER = re.compile(r",\s+(?:[\w'’-]+\s+){0,4}?(?:first\s+)?(?:woman|female)\b", re.I)


def sexes_in(sent: Sentence, ms: Iterable[Mention]) -> Iterator[tuple[str, str]]:
    """The people a sentence calls "he" or "she" ("M" or "F"): the first pronoun after a
    mention, with no other person between, a word of address before it ("Mrs", "King"), or
    "the first woman" in apposition."""
    people = [m for m in ms if m.kind == "person"]
    text, base = sent.text, sent.start
    for i, m in enumerate(people):
        stop = people[i + 1].start - base if i + 1 < len(people) else len(text)
        pronoun = _PRONOUN.search(text, m.end - base, stop)
        if pronoun:
            yield m.value, "M" if pronoun.group(1) else "F"
        title = _SEX_BEFORE.search(text, max(0, m.start - base - 12), m.start - base)
        if title:
            yield m.value, "M" if title.group(1) else "F"
        if _WOMAN_AFTER.match(text, m.end - base):
            yield m.value, "F"


_NOUN_AFTER = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")
_NOUN_BEFORE = re.compile(r"(?:\b([a-z]+)\s+)?\b([a-z]+)\s+$")


def org_kinds_in(sent: Sentence, ms: Iterable[Mention]) -> Iterator[tuple[str, str]]:
    """The kind of each body a sentence tells by a noun beside its name ("the CGT union",
    "pollster BVA"), for names that do not say it themselves (see ``res.org_kind``)."""
    text, base = sent.text, sent.start
    nouns = res.org_kind_nouns()
    for m in ms:
        if m.kind != "org" or res.org_kind(m.value):
            continue
        found = ""
        after = _NOUN_AFTER.match(text, m.end - base)
        if after:
            two = f"{after.group(1)} {after.group(2)}" if after.group(2) else ""
            found = nouns.get(two, "") or nouns.get(after.group(1), "")
        if not found:
            before = _NOUN_BEFORE.search(text, max(0, m.start - base - 30), m.start - base)
            if before:
                two = f"{before.group(1)} {before.group(2)}" if before.group(1) else ""
                found = nouns.get(two, "") or nouns.get(before.group(2), "")
        if found:
            yield m.value, found


_ROLE_BETWEEN = re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?([a-z-]+)\s+")


def nations_in(sent: Sentence, ms: Sequence[Mention]) -> Iterator[tuple[str, str]]:
    """The country of each person a sentence names with a country and a role in lower case
    ("Sri Lanka captain Kumar Sangakkara", "India's veteran batsman Sachin Tendulkar"), where
    no title gave one."""
    text, base = sent.text, sent.start
    for i, m in enumerate(ms):
        if m.kind != "person" or m.attr("country") or i == 0:
            continue
        country = ms[i - 1]
        if country.kind != "country" or country.attr("form") not in ("name", "adjective"):
            continue
        gap = _ROLE_BETWEEN.fullmatch(text, country.end - base, m.start - base)
        if gap and res.is_person_role(gap.group(1)):
            yield m.value, country.value


_ROLE_PAIR_BEFORE = re.compile(r"(?:^|\s)([a-z]+\s+[a-z]+),?\s+$")


def described_people(sent: Sentence, ms: Iterable[Mention]) -> Iterator[str]:
    """The people a sentence names with a title or a word for what they do ("President
    Aquino", "geophysicist Magnus Tumi Gudmundsson", "Tim Bale, a professor of politics")."""
    text, base = sent.text, sent.start
    for m in ms:
        if m.kind != "person":
            continue
        if m.attr("title") or m.attr("role"):
            yield m.value
            continue
        before = _ROLE_BEFORE.search(text, max(0, m.start - base - 30), m.start - base)
        if before and res.is_person_role(before.group(1).lower()):
            yield m.value
            continue
        if text.startswith(",", m.end - base):
            head = _ROLE_APPOSITION.match(text, m.end - base, m.end - base + 80)
            head = head or _OWNERS_ROLE_APPOSITION.match(text, m.end - base, m.end - base + 80)
            if head and res.is_person_role(head.group(1).lower()):
                yield m.value


# "Bill Rash, Intel's director for the 486 chip": a role of a named owner.
_OWNERS_ROLE_APPOSITION = re.compile(
    r",\s*[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\b"
)


# "leader" after a country's name or adjective: a political leader.
_LEADER_OF_A_NAME = re.compile(r"\b([A-Z][\w'’-]+)\s+leader,?\s+$")


def roles_in(sent: Sentence, ms: Iterable[Mention]) -> Iterator[tuple[str, str, str]]:
    """The sort of each person a sentence names with a role (see ``res.role_class``), and
    the role's word in lower case: by their title ("Foreign Minister Lavrov": politics,
    "foreign minister"), the word before the name ("striker Bruno Fernandes", "Judge Elena
    Martín") or an apposition ("Tim Bale, a professor of politics")."""
    text, base = sent.text, sent.start
    for m in ms:
        if m.kind != "person":
            continue
        title = m.attr("title")
        word = title
        found = (
            ("politics" if title in res.state_offices() else res.role_class(title)) if title else ""
        )
        if not found:
            before = _ROLE_BEFORE.search(text, max(0, m.start - base - 30), m.start - base)
            word = before.group(1) if before else ""
            found = res.role_class(word) if before else ""
            pair = _ROLE_PAIR_BEFORE.search(text, max(0, m.start - base - 30), m.start - base)
            if pair and pair.group(1).lower() in res.role_classes():
                word = pair.group(1)  # "White House press secretary Jen Psaki"
                found = res.role_classes()[word.lower()]
            led = _LEADER_OF_A_NAME.search(text, 0, m.start - base) if word == "leader" else None
            if led and led.group(1).lower() in res.countries():
                # "Cuban leader Fidel Castro" (but "Labour leader Keir Starmer" is not offered
                # for a Conservative minister: the party is not told for the others).
                found = "politics"
        if not found and text.startswith(",", m.end - base):
            head = _ROLE_APPOSITION.match(text, m.end - base, m.end - base + 80)
            word = head.group(1) if head else ""
            found = res.role_class(word) if head else ""
        if found:
            yield m.value, found, word.lower()


_MONARCHS = frozenset(
    ("King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Sultan", "Emir", "Sheikh",
     "Crown Prince", "Pope")
)  # fmt: skip


def _resolve(article: Article, raw: list[list[Mention]], sents: list[Sentence]) -> _Scratch:
    """First pass over the article: decide which names are people, learn roles."""
    place_heads = res.words("place_heads")
    st = _Scratch(
        recent=(max(article.date, date.min + timedelta(days=45)) - timedelta(days=45)).isoformat()
    )
    candidates: set[str] = set()
    # (in the order the article names them: which is resolved first may decide another)
    single: dict[str, None] = {}
    places: set[str] = set()  # lone names the article puts on a map ("in Scotland")
    alone: set[str] = set()  # lone names it shows as someone ("Corbyn told delegates")
    knighted: set[str] = set()  # lone names after "Sir" or "Dame"
    # The titles seen right before each name: "President Saddam Hussein" and "King Hussein"
    # are two people, so a bare "Hussein" in that article is neither.
    titles: dict[str, set[str]] = {}
    for ms in raw:
        for m in ms:
            if m.kind == "org" and " " in m.value:
                st.orgs.setdefault(_LEGAL_FORM_END.sub("", m.value), m.value)
    for sent, ms in zip(sents, raw, strict=True):
        for i, m in enumerate(ms):
            if m.kind != "name":
                continue
            if m.value in st.orgs:
                st.bodies.add(m.value)  # "by Institut Merieux", the body named in full
                continue
            rel_s, rel_e = m.start - sent.start, m.end - sent.start
            # A title no more than three characters before: "President Aliyev".
            after_title = (
                i > 0
                and ms[i - 1].kind == "title"
                and 0 <= m.start - ms[i - 1].end <= 3
                and not _possessive(ms[i - 1].text)  # "Queen's Park", "King's College"
            )
            if after_title:
                titles.setdefault(m.value, set()).add(ms[i - 1].value)
            elif _office_of_a_country(ms, i, sent) or _office_of_a_city(ms, i, sent):
                after_title = True  # "President of Kenya Uhuru Kenyatta", "Rahmon, the President of
            words = len(m.value.split()) if _full(m.value) else 1
            if (
                words == 1
                and _PLACE_BEFORE.search(sent.text, max(0, rel_s - 12), rel_s)
                and not sent.text.startswith(("'s", "’s"), rel_e)  # "in Sunak's party"
            ):
                places.add(m.value)  # "schools in Scotland": a place, nobody's surname
            if sent.text.endswith(("the ", "The "), 0, rel_s):
                continue  # "the White House said": a person's name takes no article
            if (
                _tail_of_a_body(sent.text, rel_s)
                or _employer_before_title(ms, i)
                or _employer_after_role(sent.text, rel_s)
            ):
                st.bodies.add(m.value)
                continue
            if words >= 2:
                candidates.add(m.value)
            # Four names at most: a longer run is seldom a person's. The particles between
            # them do not count when the run opens with a given name ("Luiz Inácio Lula da
            # Silva", "Mohammed bin Rashid Al Maktoum"; but "Minister of Social Affairs Eddy
            # van Hijum" holds its office).
            names = words
            if words > 4 and m.value.split(None, 1)[0] in res.given_names():
                names -= sum(w in _LOWER_PARTICLES for w in m.value.split())
            if names <= 4 and _is_person_context(sent.text, rel_s, rel_e, after_title):
                full = m.value
                if words >= 2:
                    st.people[full] = full
                    if surname(full) not in place_heads:
                        # (a name ending like a place, "Police chief Hidayat Rote Island",
                        # lends no surname: "Christmas Island" is no one)
                        st.people.setdefault(surname(full), full)
                elif _honorific_before(sent.text, rel_s, after_title):
                    # One word is a person only after a title or honorific ("Mr Key"):
                    # companies and countries "say" things too.
                    st.people.setdefault(full, full)
                    alone.add(full)
                    if _KNIGHTED_BEFORE.search(sent.text, max(0, rel_s - 6), rel_s):
                        knighted.add(full)
                else:
                    single[full] = None
                    alone.add(full)
    # "Sir John" is Sir John Egan: a knight or dame goes by the given name, and takes the
    # one full name the article gives that starts with it.
    for name in knighted:
        knights = {
            f for f in (*st.people.values(), *candidates) if f.split()[0] == name and f != name
        }
        if len(knights) == 1:
            st.people[name] = knights.pop()
    # Single-word people known only by surname pick up a full name seen anywhere: one the
    # article showed as a person, or else the only name in it with that surname ("Messi, 35,
    # said" beside "Lionel Messi scored").
    for name in single:
        if any(_full(f) and _goes_by(f, name) for f in st.people.values()):
            st.people.setdefault(name, name)
            continue
        named = sorted(c for c in candidates if _same_surname(surname(c), name))
        if len(named) == 1:
            st.people.setdefault(name, name)
            st.people.setdefault(named[0], named[0])
    if st.bodies:
        st.people = {
            k: v for k, v in st.people.items() if k not in st.bodies and v not in st.bodies
        }
    for name in (places - alone) & st.people.keys():
        # "Transport Scotland said" made "Scotland" a surname; the article puts it on a map
        # (but "no confidence in Corbyn", where "Corbyn told delegates", is a man).
        del st.people[name]
    for name in list(st.people):
        if not _full(name):
            fulls = {f for f in st.people.values() if _full(f) and _goes_by(f, name)}
            fulls |= {c for c in candidates if _same_surname(surname(c), name)}
            if len(fulls) == 1:
                full = fulls.pop()
                own, theirs = titles.get(name, set()), titles.get(full, set())
                # A monarch goes by a first name, which may be another man's surname.
                if own and not own & theirs and (theirs or own & _MONARCHS):
                    del st.people[name]  # "King Hussein" beside "President Saddam Hussein"
                    st.people.setdefault(full, full)
                    continue
                st.people[name] = full
                st.people[full] = full
            elif len(fulls) > 1:
                # "Castro" in an article about Fidel and Raul Castro: leave it unresolved.
                del st.people[name]
                for full in sorted(fulls):
                    st.people.setdefault(full, full)
    return st


# Words before a lone name that put it on a map: "in Scotland", "across northern England".
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|across|throughout)|(?<![A-Z])(?:north|south|east|west|central)(?:ern)?)\s+$"
)


def _possessive(text: str) -> bool:
    return text.endswith(("'s", "\u2019s"))


def _goes_by(full: str, name: str) -> bool:
    """Whether a person called ``full`` may be called ``name`` alone: by the surname, by a
    family name inside a longer one ("Bongo" for "Ali Bongo Ondimba", so that beside "Omar
    Bongo" the bare "Bongo" is either), or by a first word that is no common given name: a
    family name written first ("Xi" for Xi Jinping, "Bong" for Bong Joon-ho), or the name an
    Ethiopian goes by ("Tedros" for Tedros Adhanom Ghebreyesus)."""
    words = full.split()
    return (
        _same_surname(surname(full), name)
        or name in words[1:-1]
        or (
            len(words) <= 3
            and name == words[0]
            and name not in res.given_names()
            # (not "England" for a body read as a man, "NHS England London")
            and not any(_a_place_word(w) for w in words)
        )
    )


def _a_place_word(word: str) -> bool:
    """Whether a word names a country, capital or city on its own ("London", "Jordan")."""
    return word in res.capitals() or word in res.cities() or word.lower() in res.countries()


# A title that someone no longer holds, does not hold yet, or only stands in for: "former
# U.S. President", "ex-Prime Minister", "the late King", "then-Governor", "President-elect",
# "Acting President" (who stands in while the President is away), "Outgoing President" (in
# the month the office changes hands, which a question dated by it could not tell apart).
_OUT_OF_OFFICE_BEFORE = re.compile(
    r"(?i)\b(?:former|ex|late|then|onetime|one-time|erstwhile|incoming|outgoing|future|"
    r"would-be|acting|"
    r"assassinated|slain|deposed|ousted|exiled|widow\s+of(?:\s+the)?|widower\s+of(?:\s+the)?)"
    r"[\s-]*$"
)
_OUT_OF_OFFICE_AFTER = re.compile(r"(?i)-?\s*(?:elect|designate)\b")


_ROLE_AT_BEFORE = re.compile(r"\b([A-Za-z][a-z-]+)\s+(?:at|with)\s+$")


def _employer_after_role(text: str, start: int) -> bool:
    """ "Economists at Capital Economics said", "an analyst with Bear Stearns": a name
    after a role and "at" or "with" is where the person works, not a person."""
    lo = max(0, start - 30)
    if not text[lo:start].rstrip().endswith(("at", "with")):
        return False  # most names: no search
    m = _ROLE_AT_BEFORE.search(text, lo, start)
    if m is None:
        return False
    return res.is_person_role(singular(m.group(1).lower()))


def _employer_before_title(ms: list[Mention], i: int) -> bool:
    """ "said Cal Fire Captain Scott McLean": a name right before a title and the name of its
    holder is the holder's employer, not a person."""
    if i + 2 >= len(ms):
        return False
    title, holder = ms[i + 1], ms[i + 2]
    return (
        title.kind == "title"
        and holder.kind == "name"
        and 0 <= title.start - ms[i].end <= 1
        and 0 <= holder.start - title.end <= 1
    )


def _out_of_office(sent: Sentence, start: int, end: int) -> bool:
    """Whether the title (and country) at body offsets ``start:end`` is not held now."""
    text, base = sent.text, sent.start
    before = text[max(0, start - base - 20) : start - base]
    return bool(
        _OUT_OF_OFFICE_BEFORE.search(before) or _OUT_OF_OFFICE_AFTER.match(text, end - base)
    )


_APPOSITION_THE = re.compile(r",\s*(?:the\s+)?")  # "Brown, the British", "Lavrov, Russia's"
# What says an office is held for a stretch that may be over: "prime minister for nine years",
# "until September", "from 2007 to 2012" (but "president since 2000" holds it still).
_TENURE_AFTER = re.compile(r"\s+(?:for|until|till|from|between)\b")
# A person whose successor is named holds the office no longer.
_SUCCEEDED_AFTER = re.compile(r"['’]s\s+(?:\w+\s+)?(?:successor|replacement)\b")
# What may follow a holder's name before the verb: "Queen Margrethe II of Denmark".
_OF_A_REALM = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?"
# Nor one the sentence tells leaving it: "Haitian President Jovenel Moise was assassinated",
# "Prime Minister Liz Truss, 47, resigned on Thursday", "Queen Margrethe II of Denmark
# formally abdicated". Whoever held it that month is then two people, or nobody for a while.
# "British finance minister Rishi Sunak and health minister Sajid Javid resigned": the verb
# of both names (but not "Biden and Johnson, who resigned": a clause of the second's).
_LEFT_OFFICE_AFTER = re.compile(
    _OF_A_REALM + r"(?:,\s*\d{1,3},)?"
    r"(?:,?\s+and(?:\s+(?!(?:who|which|that|whose)\b)[\w'’.-]+,?){1,12}?)?"
    r"\s+(?:[a-z]+ly\s+)?(?:(?:was|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?(?:assassinated|"
    r"killed|shot\s+dead|murdered|ousted|overthrown|deposed|toppled|removed|impeached\s+and\s+"
    r"removed)|(?:has\s+|had\s+)?(?:died|resigned|stepped\s+down|quit|abdicated)\b)"
)


# Nor one it tells leaving it soon, with no later month named for it: "U.S. President Joe
# Biden, who leaves office on Monday", "King Juan Carlos I of Spain announced yesterday that
# he will abdicate" (but "Theresa May said on Friday she would resign ... on June 7" still
# holds it the month she said so).
_LEAVING_SOON_AFTER = re.compile(
    _OF_A_REALM + r",?\s+"
    r"(?:who\s+|(?:said|announced|confirmed)\s+(?:[\w]+\s+){0,3}?(?:that\s+)?(?:he|she)\s+)?"
    r"(?:(?:will|would|is\s+to|is\s+set\s+to|is\s+due\s+to|plans\s+to|intends\s+to)\s+"
    r"(?:formally\s+)?(?:abdicate|resign|step\s+down|stand\s+down|leave\s+office|quit)"
    r"|(?:leaves\s+office|steps\s+down|stands\s+down|resigns)\b)"
    rf"(?![^.;]{{0,60}}?\b(?:in|on|by|from)\s+(?:{'|'.join(MONTHS)})\b)"
)


def office_given_up(text: str, person_end: int, title_end: int) -> bool:
    """Whether a sentence says that a person named with an office may hold it no longer:
    "German Chancellor Angela Merkel's successor", "Silvio Berlusconi, Italy's prime
    minister for nine years", "President Jovenel Moise was assassinated" (offsets into
    ``text``: the ends of the name and the office)."""
    return bool(
        _SUCCEEDED_AFTER.match(text, person_end)
        or _LEFT_OFFICE_AFTER.match(text, person_end)
        or _LEAVING_SOON_AFTER.match(text, person_end)
        or _TENURE_AFTER.match(text, title_end)
    )


# "was sworn in as", "was inaugurated on Sunday as the new": a person taking an office.
_SWORN_IN_AS = re.compile(
    r"\s+(?:was|has\s+been|had\s+been)\s+(?:formally\s+)?(?:sworn\s+in|inaugurated)"
    r"(?:\s+(?:on|in)\s+[\w ,]{3,30}?)?\s+as(?:\s+the)?"
)
# The words that may come before the office: "the new", "Mexico's first woman", "the 46th".
_OFFICE_MODIFIERS = re.compile(r"(?:\s+(?:new|next|first|woman|female|\d+(?:st|nd|rd|th)))*")


def _past_modifiers(text: str, pos: int) -> int:
    """Where the office starts after the words of ``_OFFICE_MODIFIERS`` at ``pos``."""
    m = _OFFICE_MODIFIERS.match(text, pos)
    return m.end() if m else pos


def _office_taken(ms: list[Mention], i: int, sent: Sentence, recent: str) -> tuple[str, str]:
    """The country and office the person ``ms[i]`` is told to take in this sentence ("Javier
    Milei was sworn in as president of Argentina on Sunday", "... as Argentina's president"),
    or ("", ""). An office taken long before the article ("was inaugurated as president of
    Brazil in 2003") tells nothing of who holds it now."""
    text, base = sent.text, sent.start
    took = _SWORN_IN_AS.match(text, ms[i].end - base)
    if took is None:
        return ("", "")
    if any(
        m.kind == "date" and m.value[:4].isdigit() and m.value < recent[: len(m.value)] for m in ms
    ):
        return ("", "")
    country = next((m for m in ms[i + 1 :] if m.kind == "country"), None)
    if country is None:
        return ("", "")
    c0, c1 = country.start - base, country.end - base
    office = _lower_office_re().match(text, _past_modifiers(text, took.end()))
    if office and _OF_GAP.fullmatch(text, office.end(), c0):
        written = office.group(1)
    else:  # "as Argentina's president", "as the Argentine president"
        if text[took.end() : c0].strip():
            return ("", "")
        c1 += 2 if text.startswith(("'s", "’s"), c1) else 0
        office = _lower_office_re().match(text, _past_modifiers(text, c1))
        if office is None:
            return ("", "")
        written = office.group(1)
    return (country.value, _lower_offices()[" ".join(written.lower().split())])


def _with_country(ms: list[Mention], i: int) -> Mention:
    """The country word right before the title ``ms[i]`` ("U.S. President"), else the title."""
    if i and ms[i - 1].kind == "country" and 0 <= ms[i].start - ms[i - 1].end <= 2:
        return ms[i - 1]
    return ms[i]


def _finish(ms: list[Mention], sent: Sentence, st: _Scratch) -> list[Mention]:
    """Second pass over a sentence: type names as people, attach titles and countries."""
    out: list[Mention] = []
    people = st.people
    for i, m in enumerate(ms):
        if m.kind != "name":
            out.append(m)
            continue
        value = m.value
        if (
            not _full(value)
            and i
            and ms[i - 1].kind == "title"
            and (0 <= m.start - ms[i - 1].end <= 2)
            and not _possessive(ms[i - 1].text)
            and "," not in sent.text[ms[i - 1].end - sent.start : m.start - sent.start]
        ):  # ("the award for Best Director, Bong paid tribute": no title of his)
            # "King Hussein" is not "Saddam Hussein": a title before a lone name must agree
            # with the title the article gave the full name.
            known = people.get(value, value)
            if known == value or st.person_titles.get(known, ("", ""))[1] != ms[i - 1].value:
                out.append(_mention("person", m.start, m.end, m.text, value))
                continue
        if value in st.orgs:
            out.append(_mention("org", m.start, m.end, m.text, st.orgs[value]))
            continue  # "an offer by Institut Merieux": the body named in full elsewhere
        if value in st.bodies:
            continue  # the end of a body's name somewhere in the article
        if (
            i
            and ms[i - 1].kind == "title"
            and _possessive(ms[i - 1].text)
            and m.start - ms[i - 1].end <= 2
        ):
            continue  # "Master of the Queen's Music", "Queen's Park": no one's name
        if not _full(value) and sent.text.endswith(
            ("the ", "The ", " a ", " an ", "A ", "An "), 0, m.start - sent.start
        ):
            # "on loan at the Horniman": a place named after him, not the man; "the oldest
            # person to win a Nobel": a prize
            continue
        key = value if value in people else surname(value)
        if key not in people and key[:1].isupper() and " " in key:
            key = key[:1].lower() + key[1:]  # "De la Fuente" opening a sentence
        full: str | None = people.get(value) or (
            people.get(key) if key in people and _full(people[key]) else None
        )
        if full and (value in (full, key) or value in full.split()):
            out.append(_mention("person", m.start, m.end, m.text, full))
        # Otherwise the name is dropped: unknown capitalized words are not offered as answers.
    # Attach "Country Title Person" / "Country's Title, Person" / "Title Person".
    # Titles that someone no longer holds, or does not hold yet, read with the country word
    # right before them: "former U.S. President". They give no office to ask about.
    gone = {
        i
        for i, m in enumerate(out)
        if m.kind == "title" and _out_of_office(sent, _with_country(out, i).start, m.end)
    }
    local = res.local_offices()
    for i, m in enumerate(out):
        if m.kind == "title" and i not in gone and (lead := _with_country(out, i)) is not m:
            name = local.get((lead.value, m.value))
            if name:  # "the British chancellor": the Chancellor of the Exchequer
                out[i] = _mention("title", m.start, m.end, m.text, name, m.attrs)
    final: list[Mention] = []
    appositive = -1  # the title of "Gordon Brown, the British prime minister," just read
    for i, m in enumerate(out):
        if i in gone:
            continue
        if (
            m.kind == "title"
            and i != appositive
            and i >= 1
            and out[i - 1].kind == "country"
            and m.start - out[i - 1].end <= 2
            and (i + 1 == len(out) or out[i + 1].kind != "person" or out[i + 1].start - m.end > 3)
            and (out[i - 1].value, m.value) in st.roles
        ):
            # "the Armenian Prime Minister": the person the article named in that role.
            holder = st.roles[(out[i - 1].value, m.value)]
            final.pop()  # the country word becomes part of the reference
            c = out[i - 1]
            final.append(
                _mention(
                    "person",
                    c.start,
                    m.end,
                    sent.text[c.start - sent.start : m.end - sent.start],
                    holder,
                    (("country", c.value), ("role", "yes"), ("title", m.value)),
                )
            )
            st.last_person = holder
            continue
        if m.kind == "person":
            title = country = ""
            j = i - 1
            if j >= 0 and out[j].kind == "title" and m.start - out[j].end <= 2 and j not in gone:
                title = out[j].value
                lead = _with_country(out, j)
                if lead is not out[j]:
                    country = lead.value
            if not title and i + 2 < len(out) and j not in gone:
                # "Gordon Brown, the British prime minister,": the office after the name.
                c, t = out[i + 1], out[i + 2]
                if (
                    c.kind == "country"
                    and t.kind == "title"
                    and i + 2 not in gone
                    and t.start - c.end <= 2
                    and _APPOSITION_THE.fullmatch(
                        sent.text, m.end - sent.start, c.start - sent.start
                    )
                    and t.attr("state")
                ):
                    title, country, appositive = t.value, c.value, i + 2
            held = out[i + 2] if appositive == i + 2 else out[j] if title else None
            if held is not None and office_given_up(
                sent.text, m.end - sent.start, held.end - sent.start
            ):
                # "Silvio Berlusconi, Italy's prime minister for nine years,", "German
                # Chancellor Angela Merkel's successor": an office told as held once.
                title = country = ""
            sworn = False
            if not title and i + 1 < len(out):
                country, title = _office_taken(out, i, sent, st.recent)
                sworn = bool(title)
            if title and not country and st.person_titles.get(m.value, ("", ""))[1] == title:
                country = st.person_titles[m.value][0]
            if title:
                st.person_titles[m.value] = (country, title)
                if country:
                    st.roles[(country, title)] = m.value
            elif m.value in st.person_titles:
                country, title = st.person_titles[m.value]
            # The (key, value) pairs that are not empty, sorted by key ("country" < "title").
            attrs: tuple[tuple[str, str], ...] = (("country", country),) if country else ()
            if sworn:
                attrs += (("sworn", "yes"),)
            if title:
                attrs += (("title", title),)
            m = _mention("person", m.start, m.end, m.text, m.value, attrs)
            st.last_person = m.value
        final.append(m)
    return final


def annotate(article: Article) -> list[AnnotatedSentence]:
    """Sentences of ``article`` with their mentions, coreference resolved within the article."""
    return annotate_story(article).sentences


@dataclass(frozen=True, slots=True)
class Story:
    """An annotated article, with what annotating it learned of its people."""

    sentences: list[AnnotatedSentence]
    # The people the story calls "he" or "she" ("M" or "F"; see ``sexes_in``), in the order
    # first called so; a person called both is left out.
    sexes: dict[str, str]


def annotate_story(article: Article) -> Story:
    """``annotate``, with the sexes the story gives its people (the questions need both)."""
    sents = split_sentences(article.body)
    timexes = tag(article.body, article.date)
    by_sent: list[list[Timex]] = [[] for _ in sents]
    j = 0
    for t in timexes:
        while j < len(sents) and sents[j].end <= t.start:
            j += 1
        if j < len(sents) and sents[j].start <= t.start and t.end <= sents[j].end:
            by_sent[j].append(t)
    raw = [_recognize(s, ts) for s, ts in zip(sents, by_sent, strict=True)]
    st = _resolve(article, raw, sents)
    # Whether the article writes a name inside a sentence, where only names take a capital.
    proper: dict[str, bool] = {}
    out: list[AnnotatedSentence] = []
    holders: dict[tuple[str, str], set[str]] = {}
    for sent, ms in zip(sents, raw, strict=True):
        done = _attribute_quotes(sent, _finish(ms, sent, st), st)
        for name, sex in sexes_in(sent, done):
            st.sexes[name] = sex if st.sexes.get(name, sex) == sex else ""
        out.append(_annotated(sent, tuple(done)))
        people = [m for m in done if m.kind == "person"]
        # "Clinton called Trump ...", with "Clinton" a name but nobody known: who "she" is
        # in the next sentence is not known either ("Fado singer Mariza ... said Cardoso had
        # ..."; then '"...," she told' is not Cardoso's). "Crowds demanded ..." opens with a
        # capital too, but the article never writes "Crowds" inside a sentence.
        unknown_lead = False
        for lead in ms:
            if lead.kind != "name":
                continue
            if (people and lead.start >= people[0].start) or (
                people and _employer_of(sent, lead, people[0])
            ):
                break
            known = proper.get(lead.value)
            if known is None:
                # Written inside a sentence somewhere, or a full name ("Sherry Rehman,
                # Pakistan's climate change minister, said"): a name, only not a known person.
                known = proper[lead.value] = " " in lead.value or _written_inside(
                    article.body, lead.value
                )
            if known:
                unknown_lead = True
                break
        if unknown_lead or (
            people and _OWNERS_KIN_AFTER.match(sent.text, people[0].end - sent.start)
        ):
            # (or "Floyd's brother Philonise told reporters": the subject is the brother)
            st.subject = ""
        else:
            # Who the sentence is about: a person after a preposition is no subject where
            # another is named ("... a vigil for Slepian ..., Moskal said"); where none is,
            # the one named may be the subject of a clause about them ("demanded the
            # resignation of Nikol Pashinyan, who earlier described ...").
            st.subject = next(
                (m.value for m in people if not _after_a_preposition(sent, done, m)),
                people[0].value if people else st.subject,
            )  # fmt: skip
        for m in people:
            if m.attr("title") and m.attr("country"):
                holders.setdefault((m.attr("country"), m.attr("title")), set()).add(m.value)
    shared = {office for office, names in holders.items() if len(names) > 1}
    sexes = {name: sex for name, sex in st.sexes.items() if sex}
    return Story([_mark_shared(a, shared) for a in out] if shared else out, sexes)


def _mark_shared(a: AnnotatedSentence, shared: set[tuple[str, str]]) -> AnnotatedSentence:
    """Mark the people of an office that the article gives to more than one person ("South
    African President Nelson Mandela" in 1994, "South African President Jacob Zuma" now):
    only a date in the sentence says which term it speaks of."""
    if not any(m.kind == "person" and (m.attr("country"), m.attr("title")) in shared
               for m in a.mentions):  # fmt: skip
        return a
    ms = tuple(
        _mention("person", m.start, m.end, m.text, m.value, (*m.attrs, ("shared", "yes")))
        if m.kind == "person" and (m.attr("country"), m.attr("title")) in shared
        else m
        for m in a.mentions
    )
    return _annotated(a.sentence, ms)


_ROLE_GAP = re.compile(r"\s+(?:[a-z-]+\s+){0,2}([a-z-]+)\s+$")


# A person's relative or associate after the person's possessive: "Floyd's brother".
_OWNERS_KIN_AFTER = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+)?(?:brother|sister|son|daughter|father|mother|wife|husband|"
    r"widow|widower|partner|fiancée?|cousin|uncle|aunt|nephew|niece|grandson|granddaughter|"
    r"grandfather|grandmother|parents|family|friend|lawyer|attorney|spokesman|spokeswoman|"
    r"spokesperson|aide|adviser|advisor|deputy|assistant|agent|coach|manager)\b"
)


def _employer_of(sent: Sentence, name: Mention, person: Mention) -> bool:
    """ "Greens leader Anja Hofmeier": the name before a role and a person is the person's
    party or employer, not someone else the sentence is about."""
    gap = _ROLE_GAP.fullmatch(sent.text, name.end - sent.start, person.start - sent.start)
    return gap is not None and res.is_person_role(gap.group(1))


def _without_role(gap: str) -> str:
    """The words between a quotation and its speaker without a role before the name: "…,"
    chairman Graham Pickford said."""
    role = _TRAILING_ROLE.search(gap)
    if role and res.is_person_role(role.group(1).lower()):
        return gap[: role.start()] + " "
    return gap


_PASSIVE_BY = re.compile(r"\s+by\s+")
_BY_TO_QUOTE = re.compile(r"[\s,:]*")
_TRAILING_ROLE = re.compile(r"\s(?:[\w'’-]+\s+){0,2}?([a-z-]+)\s+$")
_CLAUSE_GAP = re.compile(r"[\s,]*(?:who\s+)?(?:has |had |also |later |then )?")
# A person after a preposition is no subject: "In a letter to Bass, Park wrote: …", "Bass was
# joined by Governor Gavin Newsom" (a title or two may stand between).
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|by|with|for|from|of|at|on|about|against|[Ll]ike|including|than|towards?|into|"
    r"among|between|behind|beside|[Bb]esides|despite|except|near|over|under|via|without|"
    r"[Uu]nlike)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$"
)
_BLANK = re.compile(r"\s*$")
# "according to Smith", "according to police chief John Smith", "according to Prime Minister
# Mark Rutte" (the words right before a name).
_ACCORDING_TO_BEFORE = re.compile(r"\b[Aa]ccording\s+to\s+(?:[\w'’.-]+\s+){0,4}$")


def _after_a_preposition(sent: Sentence, ms: list[Mention], person: Mention) -> bool:
    """Whether a person is named after a preposition, as no subject is ("a vigil for
    Slepian"); the "of" inside a title before the name does not count ("Secretary of State
    Madeleine Albright")."""
    start = person.start
    for m in ms:
        if m.kind == "title" and m.end <= start and start - m.end <= 1:
            start = m.start
    return _OBJECT_BEFORE.search(sent.text, 0, start - sent.start) is not None


def _opens_on_an_owner(sent: Sentence, ms: list[Mention]) -> bool:
    """Whether the sentence opens on a person in the possessive: "Kopp's stepmother, who
    married Kopp's father, said: …" is the stepmother speaking, not the next "Kopp" (but
    "Britain's Prime Minister ... said" opens on a country)."""
    first = next((m for m in ms if m.kind == "person"), None)
    return (
        first is not None
        and _SENTENCE_OPENING.fullmatch(sent.text, 0, first.start - sent.start) is not None
        and sent.text.startswith(("'s", "’s"), first.end - sent.start)
    )


def _attribute_quotes(sent: Sentence, ms: list[Mention], st: _Scratch) -> list[Mention]:
    """Give each quote its speaker: a person joined to it by a verb of saying."""
    for m in ms:  # most sentences have no quote: nothing to do
        if m.kind == "quote":
            break
    else:
        return ms
    out: list[Mention] = []
    # A person named in the possessive speaks through someone else: '"…," said Karamanlis's
    # successor, Giorgos Gerapetritis' is not Karamanlis's saying.
    people = [
        m
        for m in ms
        if m.kind == "person" and not sent.text.startswith(("'s", "’s"), m.end - sent.start)
    ]
    for m in ms:
        if m.kind != "quote":
            out.append(m)
            continue
        speaker = ""
        rel_s, rel_e = m.start - sent.start, m.end - sent.start
        after = sent.text[rel_e : rel_e + 60]
        before = sent.text[:rel_s]
        # "…," Aliyev said / "…" said Aliyev / "…," he added
        for p in people:
            if p.start < m.end:
                continue
            # What lies between, without a title, country or body before the name ("…," Foreign
            # Minister Jan Kavan said; "…," said NASA Administrator Bill Nelson).
            gap = sent.text[rel_e : p.start - sent.start]
            titled = False
            for x in reversed(ms):
                if x.kind in ("title", "country", "org") and m.end <= x.start and x.end <= p.start:
                    a, b = x.start - m.end, x.end - m.end
                    gap = gap[:a] + gap[b:]
                    titled = titled or (x.kind == "title" and p.start - x.end <= 1)
            unroled = _without_role(gap)
            titled = titled or unroled != gap
            gap = unroled
            # "said Cal Fire Captain Scott McLean", "says Merrill Lynch food analyst William
            # Maguire": the employer's name before the title or role.
            if (
                _QUOTE_TO_SPEAKER.match(gap) or (titled and _QUOTE_TO_EMPLOYED_SPEAKER.match(gap))
            ) and SPEECH.search(sent.text[rel_e : p.end - sent.start + 20]):
                speaker = p.value
                break
        if not speaker:
            verbs = list(SPEECH.finditer(sent.text, 0, rel_s))
            by = _PASSIVE_BY.match(sent.text, verbs[-1].end()) if verbs else None
            if by is not None:
                # 'Gallant was told by Lloyd Austin: "…"': the one who told it, named right
                # after "by" and right before the quote, or no one.
                speaker = next(
                    (p.value for p in people
                     if p.start - sent.start == by.end()
                     and _BY_TO_QUOTE.fullmatch(sent.text, p.end - sent.start, rel_s)),
                    "",
                )  # fmt: skip
            elif verbs:
                verb = verbs[-1].start()
                before_verb = [p for p in people if p.end - sent.start <= verb]
                # "…, Aliyev said" names the speaker right before the verb; otherwise the
                # subject of the clause is the first person ("Lage denied … and said").
                near = [
                    p
                    for p in before_verb
                    if _CLAUSE_GAP.fullmatch(sent.text, p.end - sent.start, verb)
                    # ("MacDonncha, speaking to Dublin Live, said": who was spoken to; but
                    # "joined by Gavin Newsom, who said" is Newsom's)
                    and (
                        "who" in sent.text[p.end - sent.start : verb]
                        or not _after_a_preposition(sent, ms, p)
                    )
                ]
                if near:
                    speaker = near[-1].value
                elif (
                    before_verb
                    and not _after_a_preposition(sent, ms, before_verb[0])
                    and not _opens_on_an_owner(sent, ms)
                ):
                    speaker = before_verb[0].value
        if not speaker:
            # 'According to Lyudmila Navalnaya, "…"', 'According to Smith, the plan was "dead
            # on arrival"': the one the sentence goes by, where no one says it in between.
            speaker = next(
                (p.value for p in people
                 if p.end <= m.start
                 and _ACCORDING_TO_BEFORE.search(sent.text, 0, p.start - sent.start)
                 and not SPEECH.search(sent.text, p.end - sent.start, rel_s)),
                "",
            )  # fmt: skip
        said = _PRONOUN_SAID.match(after) if not speaker else None
        if said:
            # "…," she said: the subject of this sentence, or else of the last one with a person
            # (unless the story has called that one the other: "she" is not Guterres).
            first = [p for p in people if p.end <= m.start]
            speaker = first[0].value if first else st.subject
            sex = "F" if said.group(1).lower() == "she" else "M"
            told = st.sexes.get(speaker) or (res.sex_of_name(speaker) if speaker else None)
            if not first and (told or sex) != sex:
                speaker = ""  # nor "Donald Trump", named only so
        if not speaker and _BLANK.match(before) and not people and st.last_person:
            # A sentence that is only a quote continues the last speaker's remarks only when
            # it says so; leave it unattributed otherwise.
            speaker = ""
        attrs = (("speaker", speaker),) if speaker else ()
        out.append(_mention("quote", m.start, m.end, m.text, m.value, attrs))
        if speaker:
            st.last_person = speaker
    return _join_split_quotes(sent, out)


# Between the two halves of a quotation split by its attribution: '"We are ready," Pistorius
# said, "to help ..."', '"It is," she added, "a dark day."'
_SPLIT_BY_ATTRIBUTION = re.compile(r"\s+(?:[^\s,;:\"“”]+\s+){0,6}?[^\s,;:\"“”]+,\s+$")


def _join_split_quotes(sent: Sentence, ms: list[Mention]) -> list[Mention]:
    """``ms`` with a quotation split by its attribution made one: '"We are ready," Pistorius
    said, "to help Ukraine for as long as it takes."' is one saying, which reads whole after
    "Who said" ("We are ready to help Ukraine for as long as it takes")."""
    quotes = [i for i, m in enumerate(ms) if m.kind == "quote"]
    if len(quotes) < 2:
        return ms
    out = list(ms)
    for i, j in reversed(list(pairwise(quotes))):
        a, b = out[i], out[j]
        speaker = a.attr("speaker")
        gap = sent.text[a.end - sent.start : b.start - sent.start]
        if (
            speaker
            and b.attr("speaker") in ("", speaker)
            and a.text.rstrip("\"”'’`").endswith(",")
            and b.value[:1].islower()
            and _SPLIT_BY_ATTRIBUTION.fullmatch(gap)
            and SPEECH.search(gap)
        ):
            text = sent.text[a.start - sent.start : b.end - sent.start]
            joined = _mention("quote", a.start, b.end, text, f"{a.value} {b.value}", a.attrs)
            out[i : j + 1] = [joined, *out[i + 1 : j]]
    return out
