"""Sentence splitting and small text helpers; offsets always index the original body."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from studykit.model import Sentence, builder


def _letter_class(keep: Callable[[str], bool]) -> str:
    """The body of a regex character class ("A-ZÀ-Ö...") of the letters of the Latin, Greek
    and Cyrillic blocks that ``keep`` accepts: the ``re`` module has no Unicode categories."""
    blocks = ((0x41, 0x7A), (0xC0, 0x24F), (0x370, 0x4FF), (0x1E00, 0x1EFF))
    ranges: list[tuple[int, int]] = []
    for lo, hi in blocks:
        for c in range(lo, hi + 1):
            if chr(c).isalpha() and keep(chr(c)):
                if ranges and ranges[-1][1] == c - 1:
                    ranges[-1] = (ranges[-1][0], c)
                else:
                    ranges.append((c, c))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# Capital and small letters, accented ones included ("Erdoğan", "Québécois", "Łódź"), for
# regex character classes: f"[{UPPER}]".
UPPER = _letter_class(str.isupper)
LOWER = _letter_class(str.islower)

# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "fri", "sat", "sun", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "dept",
    "fig", "mt", "ft", "rev", "hon", "pres", "adm", "maj", "brig", "cmdr", "v",  # "Roe v. Wade"
}  # fmt: skip
# States as news datelines shorten them ("PASADENA, Calif. (AP) -"); capitalized only, as
# some are words too ("fell ill.").
_STATE_ABBREV = {
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
    "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "W.Va",
}  # fmt: skip

# A sentence ends at . ! or ? (plus closing quotes/brackets) followed by space and an
# upper-case letter, digit or opening quote; or at a blank line; or at a line that stands
# alone (a headline). Written as its first character and the rest, each alternative checking
# that character with a lookbehind, so that the pattern starts with a character class: the
# regex engine then skips to the next candidate in C instead of trying every position.
_BOUNDARY = re.compile(
    rf"""[.!?\n](?:(?<=[.!?])[.!?]*["'”’)\]]*(?=\s+(?:``|["'“‘(\[])?[{UPPER}0-9])|(?<=\n)\s*\n|(?<=\n))"""
)
_WORD_BEFORE_PERIOD = re.compile(r"([\w.]+)\.$")
# Words that open a sentence and never follow a title or an initial in a name: after them
# "Buffalo, N.Y. His name was crossed out" is two sentences.
_OPENER_AFTER = re.compile(
    r"\s+(?:He|She|It|They|We|His|Her|Its|Their|The|This|That|These|Those|But|However)\b"
)
# A quotation opening after "Jr." or "Inc." opens a sentence: 'quoting Martin Luther King
# Jr. "There's power in love," Curry said.' (After an initial it is a nickname: 'Bernard C.
# "Jack" Young'.)
_QUOTE_OPENS_AFTER = re.compile(rf"\s+(?:``|[\"“])[{UPPER}]")
_INITIAL = re.compile(rf"(?:[{UPPER}]\.)*[{UPPER}]")  # "J." and "P.J." before a surname
_CLOCK = {"a.m", "p.m"}
# What carries a clock time on in its sentence: a weekday, a month, a time zone, a bracket or
# a number ("at 2 p.m. Monday", "9 a.m. EST", "2 p.m. (1800 GMT)", "5 p.m. Nov. 6", "2:15
# p.m. Frankfurt time"). Anything
# else after "a.m." or "p.m." opens a sentence: "... around 2 p.m. Mines Minister Winston
# Chitando said"; a lower-case word never does ("at 3 p.m. local time").
_CLOCK_GOES_ON = re.compile(
    r"\s+(?:[(\[0-9]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
    r"|Sep|Oct|Nov|Dec)[a-z]*\b|[A-Z]{1,2}[SDM]?T\b(?!&)|GMT\b|UTC\b"
    r"|(?:Eastern|Central|Mountain|Pacific|Atlantic)\b"
    r"|(?:[A-Z][a-z]+\s+){1,2}time\b)"  # "at 2:15 p.m. Frankfurt time", "New York time"
)


def _sentence_ends(body: str) -> Iterator[int]:
    """Where the sentences of ``body`` end, before trimming; the last end is ``len(body)``."""
    start = 0
    for m in _BOUNDARY.finditer(body):
        if m.group(0)[0] == ".":
            period = m.start()
            word = _WORD_BEFORE_PERIOD.search(body[max(start, period - 12) : period + 1])
            if (
                word
                and (
                    word.group(1).lower() in _ABBREV
                    or word.group(1) in _STATE_ABBREV
                    or _INITIAL.fullmatch(word.group(1))
                )
                and not _OPENER_AFTER.match(body, m.end())
                and not (
                    _QUOTE_OPENS_AFTER.match(body, m.end())
                    and not _INITIAL.fullmatch(word.group(1))
                )
                and (
                    word.group(1).lower() not in _CLOCK
                    or _CLOCK_GOES_ON.match(body, m.end()) is not None
                )
            ):
                continue
        if m.group(0)[0] != "\n" and _inside_a_quote(body, start, m.start(), m.end()):
            continue
        start = m.end()
        yield start
    yield len(body)


_QUOTE_REACH = 300  # how far a quotation of more than one sentence may run on


def _inside_a_quote(body: str, start: int, end: int, after: int) -> bool:
    """Whether a sentence end at ``end`` falls inside a quotation that opened in the sentence
    (from ``start``) and closes soon after, within the same paragraph: '"We have lost entire
    streets. Many are still under the rubble," said the mayor' is one sentence, so that the
    quotation keeps its speaker."""
    piece = body[start:end]
    if piece.count('"') % 2:
        close = body.find('"', after, after + _QUOTE_REACH)
    elif piece.count("“") > piece.count("”"):
        close = body.find("”", after, after + _QUOTE_REACH)
        if "“" in body[after:close]:
            return False
    elif piece.count("``") > piece.count("''"):  # as wires and transcripts quote: ``...''
        close = body.find("''", after, after + _QUOTE_REACH)
        if "``" in body[after:close]:
            return False
    else:
        return False
    if (
        body[end : end + 4].count('"') + body[end : end + 4].count("”")
        or "''" in body[end : end + 4]
    ):
        return False  # the quotation closes with this sentence: '... rubble." He left.'
    return close > 0 and "\n" not in body[after:close]


# Sentences are made by the thousand: ``builder`` makes them in about half the time of the
# dataclass's own ``__init__``.
_sentence = builder(Sentence)


# A byline that opens a body, a sentence of its own: "By Hannah Weiss, Associated Press.",
# "By Marcia Dunn, AP Aerospace Writer." A name of two or more capitalized words (no month
# or weekday: "By New Year's Day." is none), and after a comma only capitalized words.
_BYLINE = re.compile(
    r"By\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|New|Christmas|Easter|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}"
    r"(?:\s+(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})?"
    r"(?:,\s*(?:[A-Z][\w.'’&-]*\s*){1,6})?\.?"
)


# A section heading run into the sentence after it, as a page's text flattened onto one line
# gives it: "... in 1979. Background Albania lies on a fault line". Only the headings news
# sites use, and only before a capitalized word ("Background checks are required" is prose).
_HEADING = re.compile(
    r"(?:Background|Reactions?|Aftermath|Related news|See also|Sources|External links)"
    r":?\s+(?=[\"“]?[A-Z])"
)


def _not_of_the_story(text: str) -> bool:
    """Whether a sentence that opens a body is a byline, or a wire dateline on a line of its
    own ("NAIROBI, Kenya (AP) _"): it says who wrote the story or where, not what happened."""
    return bool(_BYLINE.fullmatch(text)) or dateline_end(f"{text} ", capitals=True) > len(text)


def split_sentences(body: str) -> list[Sentence]:
    """Split ``body`` into sentences with exact offsets (leading/trailing space trimmed). A
    byline or a dateline that opens the body is no sentence of the story, nor is a section
    heading."""
    out: list[Sentence] = []
    start = 0
    for end in _sentence_ends(body):
        # ``str.strip`` trims exactly the characters for which ``str.isspace`` is true.
        piece = body[start:end]
        text = piece.strip()
        if text and not out and _not_of_the_story(text):
            start = end
            continue
        if text:
            lead = start + len(piece) - len(piece.lstrip())
            heading = _HEADING.match(text)
            if heading:
                lead += heading.end()
                text = text[heading.end() :]
            out.append(_sentence(len(out), lead, lead + len(text), text))
        start = end
    return out


_NOT_WORD = re.compile(r"\W+")
# Every ASCII byte that is not a word character (``\w``), as a space.
_ASCII_NOT_WORD_TO_SPACE = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) == "_") else ord(" ") for c in range(256)
)
# Punctuation beyond ASCII that news and cards are full of: quotation marks (a card names its
# story in them), dashes and the ellipsis. None is a word character.
_WIDE_PUNCTUATION = "“”‘’—–…"


def plain_words(text: str) -> str:
    """``re.sub(r"\\W+", " ", text).strip()``: the words, one space apart. Done on bytes when the
    text is ASCII, as nearly every sentence is, or is once its wide punctuation is made spaces:
    twice as fast as the regular expression."""
    if not text.isascii():
        for mark in _WIDE_PUNCTUATION:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            return _NOT_WORD.sub(" ", text).strip()
    return b" ".join(text.encode().translate(_ASCII_NOT_WORD_TO_SPACE).split()).decode()


def finditer_at(
    pattern: re.Pattern[str], first: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying ``pattern`` only where ``first``
    matches: it must match the first character of every match, and no match may be empty.

    A pattern that starts with a lookbehind or with alternatives is tried at every position;
    a one-character class is found far faster, so this pays where such characters are few.
    """
    pos = 0
    while (candidate := first.search(text, pos)) is not None:
        m = pattern.match(text, candidate.start())
        if m is None:
            pos = candidate.start() + 1
        else:
            yield m
            pos = m.end()


def first_sentence(body: str, limit: int = 120) -> str:
    """A title made from the first sentence of a body, shortened at a word boundary."""
    # Only the first sentence is needed: stop at the first end that leaves some text. Only
    # the first 2000 characters are looked at, which bounds the work on a body without ends.
    head = body[:2000]
    start = 0
    for end in _sentence_ends(head):
        title = head[start:end].strip()
        if title and not _not_of_the_story(title):
            break
        start = end
    else:
        return ""
    if len(title) > limit:
        cut = title[:limit].rsplit(" ", 1)[0]
        title = cut.rstrip(",;:") + "…"
    return title


# A wire dateline that opens a body: "LIMA (AP) - ", "SANTIAGO, March 11 (Reuters) -",
# "PANMUNJOM, Korea, April 27 (AP) -", "MADRID, Sept 11, 2016 (AFP) -", "TOKYO/DETROIT
# (Reuters) -", "Buenos Aires (AFP) -", "FORT McMURRAY, Alberta (AP) -", "WASHINGTON _ ".
_AGENCIES = "AP|Reuters|AFP|UPI|Bloomberg|dpa|CNN"
LEADING_DATELINE = re.compile(
    r"[A-Z](?:[A-Z.'’/ -]|Ma?c(?=[A-Z])){1,30}(?:,\s*[A-Z][\w.'’ -]{0,30}){0,2}(?:,\s*\d{4})?\s*"
    r"(?:\([A-Za-z.\- ]{1,20}\)\s*(?:[—–_]|--?(?=\s))?|[—–]|--(?=\s))\s*"
    rf"|\((?:{_AGENCIES})\)\s*(?:[—–_]|--?(?=\s))\s*"  # its city cut off
    # "Buenos Aires (AFP) - ", "Augusta (United States) (AFP) - ": a city not in capitals
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+\([A-Z][\w.'’ -]{1,30}\))?\s+"
    rf"\((?:{_AGENCIES}|Xinhua|ANSA|EFE|Kyodo)\)\s*(?:[—–_]|--?(?=\s))\s*"
    # "STOCKHOLM, Sept 14 - ": a city and a day before a bare dash
    r"|[A-Z][A-Z.'’ -]{1,30},\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s+-\s+"
    # "Sept 20 (Reuters) - ": a day and the agency, the city left out
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}(?:,\s*\d{4})?\s+"
    rf"\((?:{_AGENCIES})\)\s*(?:[—–_]|--?(?=\s))\s*"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "Wednesday, November 17, 2021 The British Horseracing Authority ...": the day a news site
# prints above its story, run into the first sentence when the page is saved as one line.
_DAY_LINE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
    rf"(?:(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})\s+"
    r"(?=[A-Z\"“‘'])"
)
_CAPITALS_DATELINE = re.compile(r"[A-Z][A-Z.'’, -]{1,40}?\s+(?:_|--?|—|–)\s+")


# A sentence is asked this once to be a card and again for each of its cards.
@lru_cache(maxsize=1024)
def dateline_end(text: str, capitals: bool = False) -> int:
    """Where the wire dateline that opens ``text`` ends ("BEIJING (AP) - "), or the day
    line a news site prints above its story ("Wednesday, November 17, 2021 "), or 0; with
    ``capitals``, also a city in capitals before a bare dash ("WASHINGTON _ ")."""
    lead = LEADING_DATELINE.match(text) or (_CAPITALS_DATELINE.match(text) if capitals else None)
    if lead and lead.group().rstrip()[-1:] in "—–_-)":
        return lead.end()
    day = _DAY_LINE.match(text) if text[:1] in "MTWFS" else None
    return day.end() if day else 0


# A number as written: "1,310,143", "0.75".
FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
# (A digit joined to a word by a hyphen is part of a name: "COVID-19", "Chandrayaan-3".)
_A_DIGIT = re.compile(r"(?<![\d.,])(?<![A-Za-z]-)\d")
# A number that is part of a name is no count another card asks: "the Group of 20",
# "Apollo 11", "Flight 370".
_NAMED_BY_NUMBER = re.compile(r"\b[A-Z][a-z]+(?:\s+of)?\s+$")
_A_WORD = re.compile(r"[A-Za-z]{2,}")
STORY_CHARS = 90


# Words that leave a cut phrase hanging: "… a motorway bridge collapsed in Genoa on…".
_DANGLING = frozenset((
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "with", "by", "from", "and", "or",
    "but", "as", "that", "which", "who", "its", "his", "her", "their", "had", "has", "have",
    "was", "were", "is", "are", "been", "be", "than", "into", "after", "before", "over",
))  # fmt: skip


def _without_dangling(cut: str) -> str:
    """A cut phrase without the small words it would end on (and its trailing commas)."""
    words = cut.rstrip(",;:$€£ ").split(" ")
    while len(words) > 4 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:$€£—–- ")


@lru_cache(maxsize=1024)
def story_opening(title: str) -> str:
    """The opening words of a story, to say which story a card is from: its title (or first
    sentence) without the dateline, cut before the first number (another card may ask about
    it) and at about ``STORY_CHARS`` characters; "" when fewer than four words are left
    ("--", "Now for today's quiz.")."""
    title = title[dateline_end(title, capitals=True) :]
    cut = title.endswith("…")
    title = title.rstrip("…").rstrip()
    number = next(
        (d for d in _A_DIGIT.finditer(title) if not _NAMED_BY_NUMBER.search(title, 0, d.start())),
        None,
    )
    if number and len(title[: number.start()].split()) > 3:
        title = _without_dangling(title[: number.start()].rsplit(" ", 1)[0]) + "…"
    if len(title) > STORY_CHARS:
        title = _without_dangling(title[:STORY_CHARS].rsplit(" ", 1)[0]) + "…"
    elif cut and not title.endswith("…"):  # cut short already: "… searching for survivors of…"
        title = _without_dangling(title) + "…"
    return title if len(_A_WORD.findall(title)) >= 4 else ""
