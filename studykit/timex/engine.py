"""Apply the YAML temporal grammar to text: find anchor words, match rules there, normalize."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import re._parser as _parser  # the stdlib's own regex parser, to find rules' first letters
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from studykit.model import Timex
from studykit.timex import calendar as cal
from studykit.timex.grammar import Grammar, Rule, load_grammar
from studykit.timex.normalize import (
    ANCHOR_REACH,
    CLOSE_BEFORE,
    NORMALIZERS,
    Context,
    past_sentence_at,
)

_TOKEN = re.compile(r"[^\W_]+")
# Every ASCII byte that is not a letter or a digit (``[^\W_]`` in ASCII), as a space.
_ASCII_NOT_ALNUM_TO_SPACE = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))
# Digits worth trying: not the fraction or thousands part of a number, nor an amount. The
# character before the first digit is tested by a lookbehind after it, so that the pattern
# starts with ``\d``: the regex engine then skips to the next digit in C instead of trying
# the lookbehind at every position.
_DIGITS = re.compile(r"\d(?<![\d.,$£€]\d)\d*(?![\d%]|[.,]\d{3}\b|,\d)")
# Grammar words that never begin an expression (they join its parts).
_NOT_INITIAL = frozenset(
    ["in", "of", "to", "and", "s", "than", "least", "from", "after", "before", "million", "billion"]
)
# No rule has more words than this before its anchor ("at least the first two | quarters").
_MAX_LEAD = 8
# What may separate two words of one expression: "Friday, Oct. 23", "mid-1990s".
_GAP = re.compile(r"[\s,.'’-]{1,4}")
_GAP_CHARS = frozenset(" \t\n\r\u00a0,.'’-")
# Grammar words too common to be worth trying the rules at by themselves: an expression
# always also has a stronger word (a unit, a month, a digit ...) they lead up to.
_WEAK = frozenset(
    [
        # a round number is only ever part of an expression another word anchors
        "hundred",
        "thousand",
        "million",
        "billion",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        # nor are these ("those days", "the good old days", "the turn of the century",
        # "nine o'clock")
        "those",
        "good",
        "old",
        "turn",
        "o",
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "at",
        "and",
        "or",
        "on",
        "for",
        "by",
        "as",
        "is",
        "it",
        "its",
        "their",
        "that",
        "this",
        "than",
        "more",
        "less",
        "no",
        "up",
        "over",
        "under",
        "some",
        "each",
        "every",
        "other",
        "per",
        "many",
        "few",
        "several",
        "same",
        "first",
        "second",
        "third",
        "fourth",
        "final",
        "last",
        "next",
        "early",
        "earlier",
        "late",
        "later",
        "mid",
        "about",
        "around",
        "nearly",
        "almost",
        "least",
        "most",
        "part",
        "close",
        "start",
        "end",
        "beginning",
        "middle",
        "just",
        "shortly",
        "before",
        "after",
        "s",
        "m",
        "ap",
        "p",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "dozen",
        "couple",
        "times",
        "once",
        "twice",
        "thrice",
        "full",
        "straight",
        "consecutive",
        "additional",
        "remaining",
        "initial",
        "entire",
        "whole",
        "long",
        "extra",
        "following",
        "previous",
        "preceding",
        "prior",
        "coming",
        "upcoming",
        "comparable",
        "model",
        "calendar",
        "financial",
        "local",
        "time",
        "from",
        "these",
        "new",
        "good",
        "old",
        "men",
        "women",
        "people",
        "persons",
        "million",
        "billion",
        "percent",
        "dollars",
        "cents",
        "shares",
        "t",
        "y",
        "o",
        "r",
        "h",
        "z",
        "st",
        "nd",
        "rd",
        "th",
        "ly",
        "ier",
        "earl",
        "ended",
        "latest",
        "roughly",
        "approximately",
        "king",
        "luther",
        "martin",
        "ash",
        "troops",
        "soldiers",
        "tons",
        "employees",
        "workers",
        "jobs",
        "acres",
        "feet",
        "meters",
        "miles",
        "kilometers",
        "units",
        "cars",
        "homes",
        "students",
        "cases",
        "votes",
        "children",
        "members",
        "pounds",
        "barrels",
        "deaths",
        "sdm",
        "gmt",
        "utc",
        "fy",
    ]
)


@dataclass(frozen=True)
class Tagged:
    """A found expression together with the rule that found it (for tests and debugging)."""

    timex: Timex
    rule: str


_BEFORE_THE_ERA = re.compile(
    r"\s*(?:BCE?|B\.\s?C\.(?:E\.)?)(?!\w)(?!\s+(?:Inc|Corp|Ltd|Co|Group|Holdings)\b)"
)


class Engine:
    """A compiled grammar: one regex per rule, and per first letter the rules that can begin
    with it, in grammar order."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.rules: list[Rule] = grammar.rules
        self.single = [r.regex for r in self.rules]
        self._firsts = [_first_chars(r.pattern) for r in self.rules]
        self.words, self.anchors = _grammar_words(grammar)
        # A plural ("Mondays", "quarters") is found by searching for its singular.
        self._anchor_of = {w: w for w in self.anchors} | {w + "s": w for w in self.anchors}
        self._anchor_keys = frozenset(self._anchor_of)
        self._anchor_of_bytes = {w.encode(): a for w, a in self._anchor_of.items()}
        self._anchor_key_bytes = frozenset(self._anchor_of_bytes)
        # The anchors each rule can match (the words its pattern spells out, plurals as
        # their singular, and "#" if it can match a digit): only those rules are tried.
        self._holds = [
            frozenset(self._anchor_of.get(w, w) for w in _pattern_words(r.pattern))
            for r in self.rules
        ]
        self._by_anchor: dict[tuple[str, str], list[int]] = {}
        cues = grammar.macros["FUTURE_CUE"]
        self.future_re = re.compile(rf"(?<!\w){cues}(?!\w)", re.I)
        games = grammar.macros["GAME_WORD"]
        self.game_re = (
            re.compile(rf"(?<!\w){games}(?!\w)", re.I) if grammar.vocab.game_words else None
        )

    def run(self, text: str, dct: dt.date) -> list[Tagged]:
        """Tag ``text``. Rather than trying every rule at every word, the engine finds the
        anchor words (a month, a unit, a digit, "now" ...) with fast string searches and
        tries the rules only there, from the earliest grammar word that leads up to each."""
        if isinstance(dct, dt.datetime):
            dct = dct.date()  # values are built from the date's ISO form, never a datetime's
        ctx = Context(text, dct, self.grammar.vocab, self.future_re, game_re=self.game_re)
        out: list[Tagged] = []
        pos = 0
        # Starts already tried in vain for an anchor word: each is tried at most once (runs
        # of numbers stay linear).
        failed: set[tuple[int, str]] = set()
        for s, anchor in self._anchor_positions(text):
            if s < pos:
                continue
            found = None
            for st in self._starts(text, max(pos, s - 60), s):
                if (st, anchor) in failed:
                    continue
                found = self._match_at(st, anchor, ctx)
                if found is not None:
                    break
                failed.add((st, anchor))
            if found is not None:
                out.append(found)
                pos = found.timex.end
        if out and _TITLED_LENGTH_ANCHOR.search(text):
            out = [t for t in out if not _a_titled_length(t.timex, text)]
        if out and "s March" in text:
            out = [t for t in out if not _a_named_march(t.timex, text)]
        days = _first_days(_second_days(_second_years(_join_lengths(out, text), text), text), text)
        return _listed_years(
            _range_ends(_clock_on_day(_shared_week(days, text), text), text, dct), text
        )

    def _anchor_positions(self, text: str) -> list[tuple[int, str]]:
        """Where the anchor words are, with the word ("#" for a number), in text order."""
        low = text.lower()
        if len(low) != len(text):
            # A few characters lower-case to two ("İ"); keep offsets aligned with the text.
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        n = len(low)
        hits: list[tuple[int, str]] = []
        if low.isascii():
            # Nearly every text: its words are then its bytes split at all but letters and
            # digits, found three times as fast as with ``_TOKEN``.
            words = low.encode().translate(_ASCII_NOT_ALNUM_TO_SPACE).split()
            present = self._anchor_key_bytes.intersection(words)
            anchors = {self._anchor_of_bytes[t] for t in present}
        else:
            anchors = {
                self._anchor_of[t] for t in self._anchor_keys.intersection(_TOKEN.findall(low))
            }
        for w in anchors:
            size = len(w)
            i = low.find(w)
            while i >= 0:
                j = i + size
                if (i == 0 or not low[i - 1].isalnum()) and (
                    j >= n
                    or not low[j].isalnum()
                    # a plural ("Mondays", "quarters") anchors as well as the singular
                    or (low[j] == "s" and (j + 1 >= n or not low[j + 1].isalnum()))
                ):
                    hits.append((i, w))
                i = low.find(w, j)
        for m in _DIGITS.finditer(text):
            hits.append((m.start(), "#"))
        hits.sort()
        return hits

    def _starts(self, text: str, lo: int, s: int) -> list[int]:
        """Where an expression containing the anchor at ``s`` may begin, earliest first: the
        run of grammar words (joined by spaces or light punctuation) just before it."""
        starts = [s]
        if s > 0 and text[s - 1] in "'’":
            starts.append(s - 1)
        elif s > lo and text[s - 1].isalpha():
            # A number written onto a short code ("Q3", "H1", "FY2013"): the code's start.
            k = s - 1
            while k > lo and s - k < 3 and text[k - 1].isalpha():
                k -= 1
            if k == 0 or not text[k - 1].isalnum():
                starts.append(k)
                s = k
        if lo < s and text[s - 1] in _GAP_CHARS:
            nxt = s
            words = self.words
            for n, t in enumerate(reversed(list(_TOKEN.finditer(text, lo, s)))):
                if n >= _MAX_LEAD or not _GAP.fullmatch(text, t.end(), nxt):
                    break
                w = t.group().lower()
                if w not in words and not w[0].isdigit():
                    break
                nxt = t.start()
                if w not in _NOT_INITIAL:
                    starts.append(nxt)
        starts.reverse()
        return starts

    def _rules_for(self, ch: str, anchor: str) -> list[int]:
        """The rules that can begin with ``ch`` and match ``anchor``, in grammar order:
        trying fifty rules where five can match is most of the cost of a miss."""
        key = (ch.lower(), anchor)
        rules = self._by_anchor.get(key)
        if rules is None:
            rules = [
                i
                for i, (first, holds) in enumerate(zip(self._firsts, self._holds, strict=True))
                if (first is None or key[0] in first) and anchor in holds
            ]
            self._by_anchor[key] = rules
        return rules

    def _match_at(self, st: int, anchor: str, ctx: Context) -> Tagged | None:
        """The first rule, in grammar order, that matches at ``st`` and can normalize."""
        for i in self._rules_for(ctx.text[st], anchor):
            m = self.single[i].match(ctx.text, st)
            found = self._apply(i, m, ctx) if m else None
            if found is not None:
                return found
        return None

    def _apply(self, i: int, m: re.Match[str], ctx: Context) -> Tagged | None:
        rule = self.rules[i]
        groups = m.groupdict()
        start, end = m.span()
        if end <= start:
            return None
        ctx.start, ctx.end = start, end
        res = NORMALIZERS[rule.normalize](groups, rule.args, ctx)
        if res is None:
            return None
        typ, value, mod = res
        if rule.type:
            typ = rule.type
        if _in_quoted_title(ctx.text, start, end) or _BEFORE_THE_ERA.match(ctx.text, end):
            return None  # (a year or century "BC" would be read as one of the common era)
        text = ctx.text[start:end]
        if (
            (
                rule.normalize not in _DERIVED
                or _restates_quarter(rule, groups)
                or _moves_on_a_day(rule, groups, value)
            )
            and rule.args.get("anchor", True)
            and not _CONVERTED.search(ctx.text, max(0, start - 30), start)
        ):
            if _DAY_VALUE.fullmatch(value):
                if (
                    _IN_THE_BACKGROUND.search(ctx.text, max(0, start - 120), start)
                    or (
                        value[:10] <= ctx.dct.isoformat()
                        and _SPAN_END_BEFORE.search(ctx.text, max(0, start - 12), start)
                    )
                    or (
                        len(value) == 10
                        and CLOSE_BEFORE.search(ctx.text, max(0, start - 60), start)
                    )
                ):
                    # "Russell, who took pole in qualifying on Saturday, led ...": a day in an
                    # aside or after "after" is the background, and so is the end of a span
                    # gone by ("aftershocks rattled the region into Tuesday morning", but not
                    # "adjourned until next Monday"); the day the story tells of stays the
                    # one a bare clock time is on. So is the day a thing was told on
                    # ("capsized on Wednesday, officials said Thursday").
                    ctx.memo["background_day_end"] = end
                elif len(value) == 10 and _REPORTED_ON.search(ctx.text, max(0, start - 40), start):
                    ctx.memo["background_day_end"] = end
                    ctx.memo["report_day"], ctx.memo["report_day_end"] = value, end
                else:
                    ctx.memo["story_day"] = value[:10]
                    ctx.memo.setdefault("lead_day", value[:10])
                    if abs((dt.date.fromisoformat(value[:10]) - ctx.dct).days) <= 7:
                        ctx.memo["near_story_day"] = value[:10]
                # "On March 3, 2019, he left.": a sentence that opens with its day moves the
                # story to it.
                ctx.memo["day_opens"] = len(ctx.text[ctx.sentence_start() : start].split()) <= 1
            if not (
                _RECORD_SINCE.search(ctx.text, max(0, start - 60), start)
                and value[:4].isdigit()
                and int(value[:4]) < ctx.dct.year - 1
            ):
                # ("the largest monthly increase since 1986": a record's yardstick, not a
                # time the story goes on in; "rose 5.9% from a year earlier" after it is
                # still the year before the month reported.)
                _remember(ctx, value, end)
        if typ == "DURATION":
            _step_later(ctx, value, end)
        return Tagged(Timex(start, end, text, typ, value, mod), rule.name)


# A day a thing was said or announced on, right after the verb: "officials said Thursday",
# "the company announced yesterday", "told reporters on Friday".
_REPORTED_ON = re.compile(
    r"\b(?:said|announced|told\s+(?:reporters|journalists|the\s+\w+)|reported|confirmed|"
    r"added)(?:\s+(?:at|in|during)\s+[^,.;:\"“”]{1,40}?)?\s+(?:on\s+|late\s+|early\s+)?$"
)
_RECORD_SINCE = re.compile(
    r"\b(?:highest|lowest|largest|biggest|most|least|fastest|slowest|strongest|weakest|worst|"
    r"best|sharpest|steepest)\b[^,.;]{0,40}\bsince\s+$"
)
_IN_THE_BACKGROUND = re.compile(
    r"(?:,\s+(?:who|which)\b[^,;.]*|\b(?:after|following)\s+(?!the\s+\w+\s+(?:has|have|had)\b)[^,;.]*)$"
)
_SPAN_END_BEFORE = re.compile(r"\b(?:through|into|until|till)\s+$")
# A time told again in another zone ("1 a.m. (2300 GMT Friday)") is no day the story goes on
# with: its day is often the one before.
_CONVERTED = re.compile(
    r"(?:\d(?:\s*[ap]\.?\s?m\b\.?)?(?:\s+[A-Z]{2,4})?|\d\s*[ap]\.?\s?m\b\.?\s+\w+day|"
    r"local\s+time)\s*\(\s*$",
    re.I,
)


# A title in quotes names a work, not a time: the film "Stars at Noon", CBS's "60 Minutes".
# Its words are capitalized but for short ones; speech ("We meet on Monday") is not.
_TITLE_WORD = r"(?:[A-Z0-9][\w'’&-]*|of|the|a|an|at|in|on|and|for|to|by|with)"
_QUOTED_TITLE = re.compile(rf"(?:{_TITLE_WORD}\s+){{0,7}}{_TITLE_WORD}[.,!?]?[\"”]")
_OPEN_QUOTE = re.compile(r"[\"“](?=[A-Z0-9])")


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a quoted title of two words or more."""
    lo = max(0, start - 60)
    if '"' not in text[lo : start + 1] and "“" not in text[lo : start + 1]:
        return False
    opening = next(reversed(list(_OPEN_QUOTE.finditer(text, lo, start + 1))), None)
    if opening is None:
        return False
    if opening.group() == '"' and text.count('"', text.rfind("\n", 0, lo) + 1, opening.start()) % 2:
        return False  # that quote closes a quotation opened earlier in the paragraph
    title = _QUOTED_TITLE.match(text, opening.end())
    return title is not None and title.end() >= end and " " in title.group()


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The lower-cased characters a match of ``pattern`` can begin with (None: any)."""
    try:
        parsed = _parser.parse(pattern, re.I)
    except Exception:  # noqa: BLE001 - a pattern we cannot analyse is simply tried everywhere
        return None
    chars, nullable = _first(list(parsed))
    if chars is None or nullable:
        return None
    return frozenset(c.lower() for c in chars) | frozenset(c.upper().lower() for c in chars)


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, whether the sequence can match empty)."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            out.add(chr(av))  # type: ignore[arg-type]
            return out, False
        if name == "IN":
            chars = _in_chars(av)  # type: ignore[arg-type]
            if chars is None:
                return None, False
            return out | chars, False
        if name == "BRANCH":
            nullable = False
            for branch in av[1]:  # type: ignore[index]
                c, n = _first(list(branch))
                if c is None:
                    return None, False
                out |= c
                nullable = nullable or n
            if not nullable:
                return out, False
            continue
        if name == "SUBPATTERN":
            c, n = _first(list(av[-1]))  # type: ignore[index]
            if c is None:
                return None, False
            out |= c
            if not n:
                return out, False
            continue
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, _hi, sub = av
            c, n = _first(list(sub))
            if c is None:
                return None, False
            out |= c
            if lo > 0 and not n:
                return out, False
            continue
        return None, False
    return out, True


def _in_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add(chr(av))  # type: ignore[arg-type]
        elif name == "RANGE" and av[1] - av[0] < 128:  # type: ignore[index,operator]
            out.update(chr(c) for c in range(av[0], av[1] + 1))  # type: ignore[index]
        elif name == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
            out.update("0123456789")
        elif name == "CATEGORY" and str(av) == "CATEGORY_SPACE":
            out.update(" \t\n\r\f\v")
        else:
            return None
    return out


# Group names, inline flags, escapes and counts: the letters in a pattern that are not words.
_LETTERS = re.compile(r"[A-Za-z]+")
_NOT_WORDS = re.compile(r"\(\?P[<=]\w+>?|\(\?[a-zA-Z-]+[:)]|\\[a-zA-Z]|\{\d+(?:,\d*)?\}")


def _pattern_words(pattern: str) -> frozenset[str]:
    """The words a pattern spells out, lower-cased, and "#" if it can match a digit. Words
    in a lookahead or lookbehind are not counted: no match contains them, so they can be no
    anchor of one ("in" and "and" around the year of "resigned in 1415, and")."""
    pattern = _without_lookarounds(pattern)
    p = _NOT_WORDS.sub(" ", pattern)
    words = {w.lower() for w in _LETTERS.findall(p)}
    if "\\d" in pattern or "0-9" in pattern:
        words.add("#")
    return frozenset(words)


def _without_lookarounds(pattern: str) -> str:
    """``pattern`` with its lookahead and lookbehind groups left out (escapes and character
    classes, which may hold parentheses, read as such)."""
    out: list[str] = []
    depth = 0  # > 0 while inside a lookaround group
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            piece = pattern[i : i + 2]
            i += 2
        elif c == "[":
            j = i + 1
            if pattern.startswith("^", j):
                j += 1
            if pattern.startswith("]", j):
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            piece = pattern[i : j + 1]
            i = j + 1
        elif c == "(":
            look = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i)
            if depth or look:
                depth += 1
            piece = c
            i += 1
        elif c == ")" and depth:
            depth -= 1
            piece = ""
            i += 1
        else:
            piece = c
            i += 1
        if not depth:
            out.append(piece)
    return "".join(out)


def _grammar_words(grammar: Grammar) -> tuple[frozenset[str], frozenset[str]]:
    """The words the rules can match (any of them may begin an expression), and the
    anchors among them: the words worth trying the rules at."""
    words: set[str] = set()
    for rule in grammar.rules:
        words.update(_pattern_words(rule.pattern) - {"#"})
    return frozenset(words), frozenset(words - _WEAK)


# An ISO 8601 length, unit by unit: years, months, weeks, days, hours, minutes, seconds.
_LENGTH = re.compile(
    r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?"
)
# What each unit of a length stays below when a larger unit is told before it.
_MOST = (float("inf"), 12, float("inf"), 31, 24, 60, 60)
_LENGTH_JOIN = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+")  # "3 minutes 29.34 seconds"


def _units(value: str) -> list[str | None] | None:
    m = _LENGTH.fullmatch(value)
    if m is None or value in ("P", "PT") or value.endswith("T"):
        return None
    return list(m.groups())


def _joined_length(a: str, b: str) -> str | None:
    """The one length of "4 hours" (PT4H) and "57 minutes" (PT57M) told together, when the
    second's units all fall below the first's (weeks join nothing: ISO 8601 keeps them
    apart)."""
    x, y = _units(a), _units(b)
    if x is None or y is None or x[2] is not None or y[2] is not None:
        return None
    if max(i for i, v in enumerate(x) if v) >= min(i for i, v in enumerate(y) if v):
        return None
    if any(v and float(v) >= most for v, most in zip(y, _MOST, strict=True)):
        return None  # "six years and 18 months (respectively)": two lengths
    units = [p or q for p, q in zip(x, y, strict=True)]
    date = "".join(f"{v}{u}" for v, u in zip(units[:4], "YMWD", strict=True) if v)
    clock = "".join(f"{v}{u}" for v, u in zip(units[4:], "HMS", strict=True) if v)
    return "P" + date + ("T" + clock if clock else "")


def _join_lengths(found: list[Tagged], text: str) -> list[Tagged]:
    """ "4 hours, 57 minutes", "ten years, five months and four days", "3 minutes 29.34
    seconds": one length told in falling units is one duration (PT4H57M), as TimeML
    annotates it."""
    if len(found) < 2:
        return found
    out = [found[0]]
    for t in found[1:]:
        prev, cur = out[-1].timex, t.timex
        value = None
        if prev.type == cur.type == "DURATION" and _LENGTH_JOIN.fullmatch(
            text, prev.end, cur.start
        ):
            value = _joined_length(prev.value, cur.value)
        if value is None:
            out.append(t)
            continue
        span = text[prev.start : cur.end]
        out[-1] = Tagged(
            Timex(prev.start, cur.end, span, "DURATION", value, prev.mod), out[-1].rule
        )
    return out


# A day of the month in digits.
_DAY_DIGITS = r"[12]\d|3[01]|0?[1-9]"
# "Jan. 18 and 19", "June 11-12": a second day of the month told by its number alone.
_DAY_NUMBER = rf"(?P<day>{_DAY_DIGITS})(?![\w%-]|[.,:]\d)"
_NOT_A_DAY_AFTER = re.compile(
    r"\s*(?:percent|per|[ap]\.?m\b|o[’']clock|years?|months?|weeks?|days?|hours?|minutes?)\b",
    re.I,
)
_SECOND_DAY = re.compile(rf"(?:[-–]|\s+(?:and|or)\s+){_DAY_NUMBER}")
# A list of days after a date, ended by "and" or "or": "Feb. 13, 14 and 20".
_DAY_LIST = re.compile(
    rf"(?:,\s*(?:{_DAY_DIGITS})\b(?![\w%-]|[.,:]\d))+,?\s+(?:and|or)\s+"
    rf"(?:{_DAY_DIGITS})(?![\w%-]|[.,:]\d|\s*(?:percent|per|[ap]\.?m\b|years?|months?|weeks?|days?|hours?|people)\b)"
)
_DIGITS_RUN = re.compile(r"\d+")
_TO_DAY = re.compile(rf"\s+(?:to|through|until|till)\s+{_DAY_NUMBER}")
_FIRST_DAY = re.compile(rf"\s+(?P<first>{_DAY_DIGITS})(?=[-–])")
_ENDS_IN_DAY = re.compile(r"(?:^|\D)(\d{1,2})$")
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH_ONLY = re.compile(r"\d{4}-\d\d")
_YEAR_AFTER = re.compile(r",?\s+(?P<year>1[89]\d\d|20\d\d)\b(?![.,]\d)")


_YEAR_AFTER_HYPHEN = re.compile(r"-(1[5-9]\d\d|20\d\d)(?![\d.,:/–-]\d|\w|\s*%)")


def _second_years(found: list[Tagged], text: str) -> list[Tagged]:
    """ "in 2012-2013", "the 1914-1918 war": the second year of a span written with a hyphen
    is a year too (a pattern's start cannot follow a hyphen, which joins words)."""
    out: list[Tagged] = []
    for i, t in enumerate(found):
        out.append(t)
        x = t.timex
        m = _YEAR_AFTER_HYPHEN.match(text, x.end)
        if m is None or x.type != "DATE" or len(x.value) != 4 or x.text[-4:] != x.value:
            continue
        if not 0 < int(m.group(1)) - int(x.value) <= 100:
            continue  # "1999-1998" is no span of years
        if i + 1 < len(found) and found[i + 1].timex.start < m.end():
            continue
        s, e = m.span(1)
        out.append(Tagged(Timex(s, e, text[s:e], "DATE", m.group(1)), t.rule))
    return out


def _second_days(found: list[Tagged], text: str) -> list[Tagged]:
    """ "on Jan. 18 and 19", "met on June 11-12": TimeML tags the second day by itself, a
    date of the first one's month (and "June" followed by "11-12" is the date June 11); a
    year after the second day is both days'."""
    out: list[Tagged] = []
    skip = -1
    for i, t in enumerate(found):
        if i == skip:
            continue  # the year told after "Jan. 30 and 31", now the second day's
        x = t.timex
        nxt = found[i + 1].timex.start if i + 1 < len(found) else len(text)
        first = None
        if x.type == "DATE" and not x.mod and _MONTH_ONLY.fullmatch(x.value) and x.text.isalpha():
            first = _FIRST_DAY.match(text, x.end)
            if first is not None:
                x = dataclasses.replace(
                    x,
                    end=first.end(),
                    text=text[x.start : first.end()],
                    value=f"{x.value}-{int(first['first']):02d}",
                )
        days = _DAY_LIST.match(text, x.end) if x.type == "DATE" else None
        if days is not None and _FULL_DAY.fullmatch(x.value) and days.end() <= nxt:
            # "on Feb. 13, 14 and 20": each day after the first is tagged alone, and a year
            # written after the last ("May 3, 5 and 9, 2021") is every day's.
            year = None if _A_YEAR_WRITTEN.search(x.text) else _YEAR_AFTER.match(text, days.end())
            inside: list[int] = []  # mentions tagged where the year is written
            if year is not None:
                inside = [j for j in range(i + 1, len(found)) if found[j].timex.start < year.end()]
                if any(found[j].timex.end > year.end() for j in inside):
                    year = None  # one runs on past the year, which the last day cannot take
            y = int(year["year"]) if year else int(x.value[:4])
            more = [
                (d, cal.safe_date(y, int(x.value[5:7]), int(d.group())))
                for d in _DIGITS_RUN.finditer(text, days.start(), days.end())
            ]
            numbers = [int(x.value[8:10])] + [int(d.group()) for d, _ in more]
            opening = cal.safe_date(y, int(x.value[5:7]), int(x.value[8:10]))
            if opening and all(day for _, day in more) and numbers == sorted(set(numbers)):
                out.append(Tagged(dataclasses.replace(x, value=opening.isoformat()), t.rule))
                spans = [(d.start(), d.end(), day) for d, day in more if day is not None]
                if year is not None:
                    s, _e, day = spans[-1]
                    spans[-1] = (s, year.end(), day)
                    skip = inside[0] if inside else -1  # the year, tagged alone, is the day's
                out += [
                    Tagged(Timex(s, e, text[s:e], "DATE", day.isoformat(), None), t.rule)
                    for s, e, day in spans
                ]
                continue
        last = _ENDS_IN_DAY.search(x.text)
        m = _SECOND_DAY.match(text, x.end)
        if m is None and _RANGE_OPEN.search(text, max(0, x.start - 10), x.start):
            m = _TO_DAY.match(text, x.end)  # "from Jan. 19 to 23"
        if (
            x.type != "DATE"
            or not _FULL_DAY.fullmatch(x.value)
            or last is None
            or m is None
            or _NOT_A_DAY_AFTER.match(text, m.end())
            or int(m["day"]) <= int(last.group(1))
        ):
            out.append(t)
            continue
        s, e = m.span("day")
        year = _YEAR_AFTER.match(text, e)
        y = int(year["year"]) if year else int(x.value[:4])
        if year and not _A_YEAR_WRITTEN.search(x.text):
            e = year.end()
            if i + 1 < len(found) and found[i + 1].timex.end <= e:
                skip = i + 1
                nxt = found[i + 2].timex.start if i + 2 < len(found) else len(text)
        else:
            y = int(x.value[:4])
        one = cal.safe_date(y, int(x.value[5:7]), int(x.value[8:10]))
        two = cal.safe_date(y, int(x.value[5:7]), int(m["day"]))
        if one is None or two is None or e > nxt:
            out.append(t)
            continue
        out.append(Tagged(dataclasses.replace(x, value=one.isoformat()), t.rule))
        out.append(Tagged(Timex(s, e, text[s:e], "DATE", two.isoformat(), None), t.rule))
    return out


# A day written before another and its month: "7 and 8 December", "7-8 December" (no
# part of a sum, a figure or another date before it).
_LONE = r"(?<![\w$£€.,:/-])"
_DAY_BEFORE_DAY_MONTH = re.compile(
    rf"{_LONE}(?P<day>{_DAY_DIGITS})(?:\s+(?:and|or|to|until|till|through)\s+|\s*[-–]\s*)$"
)
_DAY_IN_A_LIST_BEFORE = re.compile(rf"{_LONE}(?P<day>{_DAY_DIGITS}),\s*$")
_DAY_BEFORE_MONTH = re.compile(
    rf"{_LONE}(?P<first>{_DAY_DIGITS})\s*[-–]\s*(?P<day>{_DAY_DIGITS})\s+$"
)


def _first_days(found: list[Tagged], text: str) -> list[Tagged]:
    """ "on 7 and 8 December", "on 7-8 December": the first day, told by its number alone
    before the second day and their month, is a date of that month too (TimeML tags it by
    itself, as it does the second day of "Jan. 18 and 19")."""
    out: list[Tagged] = []
    for t in found:
        x = t.timex
        prev_end = out[-1].timex.end if out else 0
        if x.type != "DATE" or x.mod or not x.text[:1].isalnum():
            out.append(t)
            continue
        if _FULL_DAY.fullmatch(x.value) and x.text[:1].isdigit():
            days: list[Timex] = []
            pattern, end, later = _DAY_BEFORE_DAY_MONTH, x.start, int(x.value[8:10])
            # "7 and 8 December", then back along a list: "3, 4 and 5 May".
            while (m := pattern.search(text, max(prev_end, end - 12), end)) is not None:
                day = cal.safe_date(int(x.value[:4]), int(x.value[5:7]), int(m["day"]))
                if day is None or int(m["day"]) >= later:
                    break
                s, e = m.span("day")
                days.insert(0, Timex(s, e, text[s:e], "DATE", day.isoformat()))
                pattern, end, later = _DAY_IN_A_LIST_BEFORE, s, int(m["day"])
            out += [Tagged(d, t.rule) for d in days]
        elif _MONTH_ONLY.fullmatch(x.value) and x.text.isalpha():
            m = _DAY_BEFORE_MONTH.search(text, max(prev_end, x.start - 12), x.start)  # "7-8 May"
            if m is not None and int(m["first"]) < int(m["day"]):
                year, month = int(x.value[:4]), int(x.value[5:7])
                one = cal.safe_date(year, month, int(m["first"]))
                two = cal.safe_date(year, month, int(m["day"]))
                if one is not None and two is not None:
                    s, e = m.span("first")
                    out.append(Tagged(Timex(s, e, text[s:e], "DATE", one.isoformat()), t.rule))
                    x = dataclasses.replace(
                        x, start=m.start("day"), text=text[m.start("day") : x.end],
                        value=two.isoformat(),
                    )  # fmt: skip
                    t = Tagged(x, t.rule)
        out.append(t)
    return out


# Values computed from an earlier mention ("the year-ago quarter") must not become the
# period later mentions refer back to.
_DERIVED = frozenset({"quarter_ref", "offset", "year_ago", "anaphor"})
_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T.*)?")
_MONTH_VALUE = re.compile(r"\d{4}-\d{2}")
_YEAR_VALUE = re.compile(r"\d{4}(?:-\w+)?")
_MONTHS_VALUE = re.compile(r"P\d+M")


_RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")
_RANGE_JOIN = re.compile(r"(?i)\s*(?:and|to|through|until|till|-|–)\s*")
_COORDINATED = re.compile(r"(?i),?\s+(?:and|or)\s+")
_A_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WEEKDAY_WRITTEN = re.compile(rf"(?i){_A_WEEKDAY}")
_ONLY_WEEKDAY = re.compile(rf"(?i){_A_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?")
_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
# A time's own day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon today".
_DAY_WRITTEN = re.compile(
    r"(?i)(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|today|yesterday"
    r"|tomorrow|\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
)
_CALENDAR = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
_A_YEAR_WRITTEN = re.compile(r"\d{4}|'\d\d\b|\byear\b", re.I)


def _range_ends(found: list[Tagged], text: str, dct: dt.date) -> list[Tagged]:
    """The two ends of one span, each resolved alone, agree: "between March and May last year"
    puts March in last year too, and "from Friday to Monday" ends after it begins."""
    for i in range(len(found) - 1):
        a, b = found[i].timex, found[i + 1].timex
        if not (
            _RANGE_JOIN.fullmatch(text, a.end, b.start)
            and _RANGE_OPEN.search(text, max(0, a.start - 10), a.start)
        ) and not (
            # "in April and September 2019": the year written once is both months'.
            _COORDINATED.fullmatch(text, a.end, b.start)
            and _A_YEAR_WRITTEN.search(b.text)
            and not _WEEKDAY_WRITTEN.search(a.text)
        ):
            continue
        if _CLOCK_VALUE.fullmatch(a.value) and _CLOCK_VALUE.fullmatch(b.value):
            # "from 9:30 a.m. to 5:30 p.m. on Sunday": the day named once is both times'
            # (the day before for the start of a night: "from 10 p.m. to 6 a.m. Sunday").
            if a.value[:10] != b.value[:10] and not _DAY_WRITTEN.search(a.text):
                day = dt.date.fromisoformat(b.value[:10])
                if a.value[11:] > b.value[11:]:
                    day -= dt.timedelta(days=1)
                value = day.isoformat() + a.value[10:]
                found[i] = dataclasses.replace(found[i], timex=dataclasses.replace(a, value=value))
            continue
        around = _weekdays_around(a, b, text, dct)
        if around is not None:
            # "is visiting Germany from Wednesday to Friday", written on a Thursday: the span
            # that holds the article's day, whatever the tense made of each end alone.
            for k, (t, v) in enumerate(((a, around[0]), (b, around[1]))):
                found[i + k] = dataclasses.replace(
                    found[i + k], timex=dataclasses.replace(t, value=v + t.value[10:])
                )
            continue
        ma, mb = _CALENDAR.fullmatch(a.value), _CALENDAR.fullmatch(b.value)
        if not ma or not mb or _A_YEAR_WRITTEN.search(a.text):
            continue
        if mb.group(3) is None and not _A_YEAR_WRITTEN.search(b.text) and b.value < a.value[:7]:
            # "runs from March 14 until the end of August", written in February: the end
            # month is not before the start, whatever its tense made of it alone; told in
            # the past ("endured power cuts from September until March"), the start moves
            # back instead.
            later = f"{int(ma.group(1)) + (mb.group(2) < ma.group(2)):04d}-{mb.group(2)}"
            if past_sentence_at(text, a.start) and later > dct.isoformat()[:7]:
                # (the end a year on, unless that is still to come)
                year = int(mb.group(1)) - (ma.group(2) > mb.group(2))
                if cal.year_ok(year):
                    found[i] = dataclasses.replace(
                        found[i], timex=dataclasses.replace(a, value=f"{year:04d}" + a.value[4:])
                    )
                continue
            year = int(ma.group(1)) + (mb.group(2) < ma.group(2))
            if cal.year_ok(year):
                found[i + 1] = dataclasses.replace(
                    found[i + 1], timex=dataclasses.replace(b, value=f"{year:04d}-{mb.group(2)}")
                )
            continue
        value = a.value
        if _A_YEAR_WRITTEN.search(b.text):
            # The year written at the far end is the span's.
            year = int(mb.group(1)) - (
                (ma.group(2), ma.group(3) or "") > (mb.group(2), mb.group(3) or "")
            )
            value = f"{year:04d}" + a.value[4:]
        elif a.value > b.value and ma.group(3) and mb.group(3):
            if not (_WEEKDAY_WRITTEN.search(a.text) and _WEEKDAY_WRITTEN.search(b.text)):
                # "from June 1 to Nov. 30": two dates of one span, each end's year guessed
                # alone; the span is the one nearest the article date.
                pair = _nearest_span(a.value, b.value, dct)
                if pair is not None:
                    for k, (t, v) in enumerate(((a, pair[0]), (b, pair[1]))):
                        found[i + k] = dataclasses.replace(
                            found[i + k], timex=dataclasses.replace(t, value=v)
                        )
                continue
            # Two weekdays: move whichever end the tense did not fix.
            da, db = dt.date.fromisoformat(a.value[:10]), dt.date.fromisoformat(b.value[:10])
            if da >= dct:
                nb = (db + dt.timedelta(days=7)).isoformat()
                found[i + 1] = dataclasses.replace(
                    found[i + 1], timex=dataclasses.replace(b, value=nb + b.value[10:])
                )
                continue
            value = (da - dt.timedelta(days=7)).isoformat() + a.value[10:]
        if value != a.value and cal.year_ok(int(value[:4])):
            found[i] = dataclasses.replace(found[i], timex=dataclasses.replace(a, value=value))
    return found


_LISTED = re.compile(r",\s*")


def _listed_years(found: list[Tagged], text: str) -> list[Tagged]:
    """ "strikes in April, June and August 2022": the year written after the last month of a
    list is the year of every month before it (the last two are joined by ``_range_ends``)."""
    listed = -1  # the mention whose year came from the year written at the list's end
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i].timex, found[i + 1].timex
        if (
            _COORDINATED.fullmatch(text, a.end, b.start)
            and _A_YEAR_WRITTEN.search(b.text)
            and not _A_YEAR_WRITTEN.search(a.text)
        ):
            listed = i
            continue
        if i + 1 != listed or not _LISTED.fullmatch(text, a.end, b.start):
            continue
        ma, mb = _CALENDAR.fullmatch(a.value), _CALENDAR.fullmatch(b.value)
        if not ma or not mb or _A_YEAR_WRITTEN.search(a.text) or _WEEKDAY_WRITTEN.search(a.text):
            continue
        year = int(mb.group(1)) - (
            (ma.group(2), ma.group(3) or "") > (mb.group(2), mb.group(3) or "")
        )
        if cal.year_ok(year):
            value = f"{year:04d}" + a.value[4:]
            found[i] = dataclasses.replace(found[i], timex=dataclasses.replace(a, value=value))
            listed = i
    return found


# "10 p.m., on the eve of", "4 p.m. EDT this afternoon", "4 a.m. the next day".
_ON_BETWEEN = re.compile(r",?\s+on\s+|\s+")


def _clock_on_day(found: list[Tagged], text: str) -> list[Tagged]:
    """ "shortly before 10 p.m. on the eve of Valentine's Day": a clock time is on the day
    named right after it, however that day is written."""
    for i in range(len(found) - 1):
        a, b = found[i].timex, found[i + 1].timex
        if (
            a.type == "TIME"
            and _CLOCK_VALUE.match(a.value)
            and _FULL_DAY.fullmatch(b.value[:10])
            and not _CLOCK_VALUE.match(b.value)
            and a.value[:10] != b.value[:10]
            and not _DAY_WRITTEN.search(a.text)
            and _ON_BETWEEN.fullmatch(text, a.end, b.start)
        ):
            value = b.value[:10] + a.value[10:]
            found[i] = dataclasses.replace(found[i], timex=dataclasses.replace(a, value=value))
    return found


_SHIFTED_WEEKDAY = re.compile(rf"(?i)(?:next|last|this\s+coming|this\s+past)\s+{_A_WEEKDAY}")


def _shared_week(found: list[Tagged], text: str) -> list[Tagged]:
    """ "next Tuesday and Wednesday": the second day is of the week the first names."""
    for i in range(len(found) - 1):
        a, b = found[i].timex, found[i + 1].timex
        if not (
            _SHIFTED_WEEKDAY.fullmatch(a.text)
            and _ONLY_WEEKDAY.fullmatch(b.text)
            and _COORDINATED.fullmatch(text, a.end, b.start)
            and _DAY_VALUE.fullmatch(a.value)
            and _DAY_VALUE.fullmatch(b.value)
        ):
            continue
        da = dt.date.fromisoformat(a.value[:10])
        wb = dt.date.fromisoformat(b.value[:10]).isoweekday()
        if wb > da.isoweekday():
            day = da + dt.timedelta(days=wb - da.isoweekday())
            value = day.isoformat() + b.value[10:]
            found[i + 1] = dataclasses.replace(
                found[i + 1], timex=dataclasses.replace(b, value=value)
            )
    return found


def _weekdays_around(a: Timex, b: Timex, text: str, dct: dt.date) -> tuple[str, str] | None:
    """The days of a span from one weekday to a later one of the same week ("from Wednesday
    to Friday") that holds the article's weekday, or None when it does not."""
    if not (
        _DAY_VALUE.fullmatch(a.value)
        and _DAY_VALUE.fullmatch(b.value)
        and _ONLY_WEEKDAY.fullmatch(a.text)
        and _ONLY_WEEKDAY.fullmatch(b.text)
    ):
        return None
    wa = dt.date.fromisoformat(a.value[:10]).isoweekday()
    wb = dt.date.fromisoformat(b.value[:10]).isoweekday()
    dw = dct.isoweekday()
    if not wa < dw < wb:
        return None
    return (
        (dct - dt.timedelta(days=dw - wa)).isoformat(),
        (dct + dt.timedelta(days=wb - dw)).isoformat(),
    )


def _nearest_span(a: str, b: str, dct: dt.date) -> tuple[str, str] | None:
    """The values of the span from month-day ``a`` to month-day ``b`` (ISO dates, perhaps
    with a time after them) with the years that put it nearest ``dct``: in one year when
    ``a`` falls before ``b`` in the calendar, else across the turn of a year."""
    ya, yb = int(a[:4]), int(b[:4])
    across = a[5:10] > b[5:10]
    best: tuple[int, str, str] | None = None
    for start in (ya, yb - across):
        lo = cal.safe_date(start, int(a[5:7]), int(a[8:10]))
        hi = cal.safe_date(start + across, int(b[5:7]), int(b[8:10]))
        if lo is None or hi is None:
            continue
        gap = max((lo - dct).days, (dct - hi).days, 0)
        if best is None or gap < best[0]:
            best = (gap, lo.isoformat() + a[10:], hi.isoformat() + b[10:])
    return None if best is None else (best[1], best[2])


def _restates_quarter(rule: Rule, groups: dict[str, str | None]) -> bool:
    """ "the quarter", "the latest quarter": the quarter under discussion named again, which
    later mentions ("a year ago") refer back to, unlike "the year-ago quarter" or "the 1988
    period"."""
    return rule.normalize == "quarter_ref" and not rule.args and not groups.get("year")


def _moves_on_a_day(rule: Rule, groups: dict[str, str | None], value: str) -> bool:
    """ "The next day, police made arrests. That evening ...": a day told from the day
    before it is where the story has gone, and what follows refers to it."""
    return (
        rule.normalize == "anaphor"
        and bool(groups.get("shift"))
        and bool(_DAY_VALUE.fullmatch(value))
    )


def _remember(ctx: Context, value: str, end: int) -> None:
    """Keep the latest quarter, year, month and day named, for expressions that refer back."""
    if _MONTHS_VALUE.fullmatch(value):
        ctx.memo["months_end"] = end  # "the first nine months": a period of months, not a quarter
    if not value[:1].isdigit():
        return
    if _QUARTER_VALUE.fullmatch(value):
        y, q = int(value[:4]), int(value[6])
        if ctx.last_quarter is not None and (y, q) >= (ctx.dct.year, cal.quarter_of(ctx.dct)):
            return  # a quarter not yet over (a forecast): the one reported stays in view
        ctx.last_quarter = (y, q, end)
        # A fiscal quarter past the calendar's, told as done ("reported a decline in
        # fourth-quarter earnings" in November), is over: "the latest period" is it.
        ctx.memo["quarter_reported"] = past_sentence_at(ctx.text, ctx.start)
        ctx.memo["last_year"] = value[:4]
    elif _DAY_VALUE.fullmatch(value):
        ctx.memo["last_clock"] = value[11:16] if _CLOCK_VALUE.match(value) else None
        ctx.memo["last_day"] = value[:10]
        ctx.memo["last_month"] = value[:7]
        ctx.memo["last_year"] = value[:4]
        ctx.memo["day_end"] = ctx.memo["month_end"] = ctx.memo["year_end"] = end
    elif _MONTH_VALUE.fullmatch(value):
        ctx.memo["last_month"] = value
        ctx.memo["last_year"] = value[:4]
        ctx.memo["month_end"] = ctx.memo["year_end"] = end
        opened = ctx.sentence_start()
        if ctx.memo.get("sentence_month", (-1,))[0] != opened:
            # The month a sentence reports on is the first it names: "fell 0.4 percent in
            # March from February, and rose 1.9 percent from a year earlier".
            ctx.memo["sentence_month"] = (opened, value)
    elif _YEAR_VALUE.fullmatch(value):
        ctx.memo["last_year"] = value[:4]
        ctx.memo["year_end"] = end


_DAYS_LATER = re.compile(r"P(\d{1,3})D")
_LATER_AFTER = re.compile(r"\s+later\b")


def _step_later(ctx: Context, value: str, end: int) -> None:
    """ "On March 29 ... two days later ... the next evening": TimeML tags the length, "two
    days", but the story has moved on to March 31, and the next evening is that day's."""
    m = _DAYS_LATER.fullmatch(value)
    day = ctx.memo.get("last_day")
    if m is None or day is None or not _LATER_AFTER.match(ctx.text, end):
        return
    if end - ctx.memo.get("day_end", 0) > ANCHOR_REACH:  # as far as "two days earlier" looks
        return
    moved = cal.add_days(dt.date.fromisoformat(day), int(m.group(1)))
    if moved is not None:
        _remember(ctx, moved.isoformat(), end)


# A length whose unit is capitalized inside a sentence names a work or a show, not a time:
# "7 Years by Lukas Graham", "on CBS's ''60 Minutes''" (but "TWENTY YEARS" in a headline, or
# a sentence that opens with "Ten Years", is a length).
_TITLED_LENGTH_ANCHOR = re.compile(r"\d (?:Year|Month|Week|Day|Hour|Minute|Decade|Centur)")
_TITLED_LENGTH = re.compile(
    r"\d{1,3} (?:Years?|Months?|Weeks?|Days?|Hours?|Minutes?|Decades?|Century|Centuries)"
)
_LOWER_BEFORE = re.compile(r"[a-z][^.!?\n]*$")


def _a_titled_length(t: Timex, text: str) -> bool:
    return (
        t.type == "DURATION"
        and _TITLED_LENGTH.fullmatch(t.text) is not None
        and _LOWER_BEFORE.search(text, max(0, t.start - 80), t.start) is not None
    )


# "last week's Women's March", "the People's March": a march, named for its marchers.
_MARCHERS_BEFORE = re.compile(r"(?<![\w'’])[A-Z][a-z]*['’]s $")


def _a_named_march(t: Timex, text: str) -> bool:
    return (
        t.text == "March"
        and _MARCHERS_BEFORE.search(text, max(0, t.start - 20), t.start) is not None
    )


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The engine for the packaged grammar (loaded once)."""
    return Engine(load_grammar(set(NORMALIZERS)))


def tag_with_rules(text: str, dct: dt.date) -> list[Tagged]:
    """Like ``tag`` but also says which rule found each expression."""
    return default_engine().run(text, dct)


def tag(text: str, dct: dt.date) -> list[Timex]:
    """Find time expressions in ``text`` and normalize them against the article date ``dct``.

    Returns non-overlapping expressions sorted by position.
    """
    return [t.timex for t in default_engine().run(text, dct)]
