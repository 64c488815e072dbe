"""Normalizers: turn the named groups of a rule's match into a TIMEX3 type, value and mod."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from studykit.timex import calendar as cal
from studykit.timex.grammar import Vocabulary

Result = tuple[str, str, str | None] | None  # (type, value, mod)

# Past-tense verbs: irregular ones, and lower-case words in -ed ("United" is a name).
_IRREGULAR_PAST = (
    "said was were had did told went came left met began sent took gave made fell rose sold "
    "bought won lost held brought thought found became got paid saw spoke wrote chose struck "
    "led fled flew drove grew knew stood spent built sought caught fought taught tore swept "
    "broke drew threw blew shook froze rode rang sang sank stole swam ran sat laid dealt dug "
    "hung meant slept spun stuck swung wept withdrew oversaw arose hid kept knelt overcame "
    "heard felt ate woke swore upheld withheld understood shot forgave forgot slid lit burst "
    "died lied tied fed bled"
)

IRREGULAR_PAST = frozenset(_IRREGULAR_PAST.split())


def _words_by_first_letter(words: list[str]) -> str:
    """An alternation of lower-case words, capitalized or not, grouped by first letter: the
    regex engine tests one letter per group instead of every word at every position."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"[{c.upper()}{c}](?:{'|'.join(rest)})" for c, rest in sorted(groups.items()))


# Words in -ed that are no verbs ("hundred", "sacred") or not past ("exceed", "proceed").
_NOT_PAST_ED = (
    "hundred kindred sacred naked wicked wretched rugged embed shred indeed exceed proceed "
    "succeed speed breed bleed greed steed"
)
# (Not after a word and a hyphen: "top-seeded", "state-owned" are adjectives, but
# "re-elected" is a verb.)
_PAST_MARK = re.compile(
    rf"(?<![A-Za-z]{{3}}-)\b(?!(?:{'|'.join(_NOT_PAST_ED.split())})\b)"
    rf"(?:{_words_by_first_letter(_IRREGULAR_PAST.split())}|[a-z]{{3,}}ed)\b"
)
_PAST_AUX = re.compile(r"\b(?:had|was|were|been)\b", re.I)
# "did not begin until Monday": do-support makes a bare verb of an event past (but "did not
# plan to leave on Monday" may still look ahead).
_DID_BEFORE = re.compile(r"\b(?:did|didn't|didn’t)\s+(?:not\s+)?$", re.I)
_BARE_EVENT_VERB = re.compile(r"(?:begin|resume|convene)", re.I)
_DESIGNATED_BEFORE = re.compile(r"\b(?:declared|designated|proclaimed|named)\s+$")
_DESIGNATED_AS = re.compile(r"\s+(?:as\s+)?(?:a|an|the)\s")
_PRESENT_BE = frozenset(("is", "are", "am", "be", "being"))
# A plan that still holds: "has since been postponed until October 31".
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|since\s+|now\s+)?been\s+$", re.I)
# A plan given up: "the government dropped plans to raise taxes ... in January" tells of
# what was, not of the plan's day.
_PLAN_DROPPED = re.compile(
    r"\b(?:dropped|scrapped|abandoned|shelved|cancell?ed|withdrew|ditched|rejected|blocked|"
    r"halted|suspended|reversed)\s+(?:(?:its|their|his|her|the|our|a)\s+)?(?:[a-z]+\s+)?$",
    re.I,
)
# A plan since changed: "originally scheduled for March 29".
_FORMER_PLAN = re.compile(r"\b(?:originally|initially|previously|once|first)\s+$", re.I)
# A participle used as an adjective is no cue: "their scheduled Friday close".
_PLAN_ADJECTIVE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+(?:scheduled|expected|planned)$", re.I
)
# A plan compared with what happened is no cue: "sales rose less than expected in November".
_COMPARED_TO_PLAN = re.compile(r"\b(?:than|as)\s+(?:expected|planned|scheduled)$", re.I)
# A word in -ed after these is no past tense: "will be held" (a participle after "be"), "the
# first powered flight", "an armed group" (an adjective after a determiner).
_NOT_A_VERB_BEFORE = re.compile(
    r"\b(?:(?:be|being|is|are|am|remains?|stays?|seems?|looks?|gets?|keeps?)(?:\s+\w+ly)?|(?:the|a|an|its|their|his|her|our|this)"
    r"(?:\s+(?:first|second|third|last|only|new|same|already|hard|"
    r"(?!(?:assembly|family|rally|supply|reply|monopoly|anomaly|ally|early|only)\b)\w{3,}ly))?"
    # an adjective after a verb a modal or "to" governs: "would tour affected areas"
    r"|(?-i:\b(?:would|will|to|can|could|should|must|may|might)\s+"
    r"(?!(?:have|has|had|be|been|being|not|get|got|become|became|he|she|it|they|we|you|i)\s)"
    r"[a-z]+))\s+$",
    re.I,
)


_PARTICIPLE_PHRASE = re.compile(r"\s+by\s")
_A_THING_BEFORE = re.compile(r"\b(?:of|the|a|an)\s+[a-z]+\s+$")


def _is_past_verb(text: str, mark: re.Match[str]) -> bool:
    """Whether ``mark`` (a match of ``_PAST_MARK`` in ``text``) is a verb in the past tense,
    not a participle or an adjective (see ``_NOT_A_VERB_BEFORE``)."""
    if _PARTICIPLE_PHRASE.match(text, mark.end()) and (
        text[: mark.start()].endswith(", ")
        # "the trail of debris left by Comet Swift-Tuttle": a thing, then what did it to it
        or _A_THING_BEFORE.search(text, max(0, mark.start() - 20), mark.start())
    ):
        return False  # "will be announced on Tuesday, followed by chemistry on Wednesday"
    return not _NOT_A_VERB_BEFORE.search(text, max(0, mark.start() - 24), mark.start())


def _tells_past(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """Whether ``text`` from ``pos`` (to ``endpos``) holds a verb in the past tense (see
    ``_is_past_verb``)."""
    marks = _PAST_MARK.finditer(text, pos, len(text) if endpos is None else endpos)
    return any(_is_past_verb(text, m) for m in marks)


_PERFECT = re.compile(r"\b(?:having|has|have)\s+(?:been|[a-z]+(?:ed|en|wn|ne))\b")
_CLAUSE_BREAK = re.compile(r"[,;:(]|\s(?:that|which|who|after|before|when|while|since)\s")
_COMMA_AFTER = re.compile(r"\s*,")
# "On Sunday, in Brussels, the deal was agreed": a place or a time set off by commas after the
# expression, before its clause goes on.
_ADJUNCT_AFTER = re.compile(
    r"\s*(?:in|at|on|near|outside|inside|amid|during|under)\s+(?:the\s+)?[^,;:()]{1,50}?,",
    re.I,
)
# What may stand before a day that opens its sentence: "On Sunday, ...", "Early on Sunday
# morning, ...", "Late Sunday, ...".
_OPENING_THE_DAY = re.compile(r"(?:(?:early|late|earlier|later)\s*)?(?:on)?")
_CONJUNCTION = re.compile(r"\s*(?:but|while|although|though|whereas|yet)\b")
_PLAN_WORDS = frozenset((
    "due", "expected", "scheduled", "set", "rescheduled", "postponed", "delayed", "pushed",
))  # fmt: skip
_WAS_BEFORE = re.compile(rf"\b(?:was|were)\s+(?:(?P<plan>{'|'.join(sorted(_PLAN_WORDS))})\s+)?$")
_CONTRAST = re.compile(r"\b(?:but|however|instead|until|before|although|though)\b", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_SINCE_EVENT_IN = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,4}(?:in|on)\s+$", re.I)
_UNTIL_JUST_BEFORE = re.compile(r"\b(?:until|till|through)\s+$", re.I)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|by)\s+(?:[\w.:]+\s+){0,2}$", re.I)
# A commitment looks ahead even in the past tense: "the two sides had agreed to hold an
# exercise in July".
_COMMITTED_TO = re.compile(
    r"\b(?:agreed|decided|pledged|promised|vowed|undertook|committed)\s+(?:themselves\s+)?$"
)
# A plan in the making still looks ahead: "protesters were planning to drive around the
# airport on Monday" (unlike "was expected", a plan now past).
_IN_THE_MAKING = frozenset(("planning", "preparing for", "bracing for"))
_ANOTHER_EVENT_AHEAD = frozenset(("ahead of", "in time for"))
_AHEAD_OF_AN_EVENT = re.compile(r"\b(?:ahead\s+of|in\s+time\s+for)\b[^,;:.]*$", re.I)
_STARTING = re.compile(r"(?:starting|beginning|effective)\b", re.I)
_MUST_HAVE = re.compile(r"(?:must|should|could|might)\s+have\b", re.I)
# "would" looks ahead when it reports what someone said would happen: "China said it would
# send a team on Monday", and so do "might", "may" and "could" ("warned that a strike could
# hit trains on Friday"), but not "would have" nor "could not" (what someone was unable to do).
_REPORTED_WOULD = re.compile(
    r"\b(?:said|says|say|announced|added|promised|pledged|vowed|warned|confirmed|told|insisted|"
    r"predicted|predicting|forecast|forecasting|warning|saying),?\s+(?:that\s+)?"
    r"(?:[\w'’.,-]+\s+){0,12}?(?:would|might|may|could(?!\s+not\b|n[’']t))(?!\s+have\s+(?:been|had|\w+ed|\w+en|gone|done|made|won|lost|"
    r"left|come|become|paid|said|told|got|seen|taken|given|held|met)\b)\b"
)
# A plan reported in the past tense still looks ahead: "the agency said the heatwave was
# expected to last until Thursday" (reported speech shifts "is" to "was").
_REPORTED_PLAN = re.compile(
    r"\b(?:said|says|announced|added|warned|confirmed|told\s+[\w.]+(?:\s+[\w.]+)?)\s+"
    r"(?:that\s+)?(?:[\w'’.-]+\s+){0,5}?(?:was|were)\s+(?:\w+ly\s+)?"
    r"(?:(?:set|due|expected|scheduled|planned|going)\s+to\s+)?$"
)
# "set sentencing for Oct. 18", "scheduled a hearing for": the day something is set for.
_SET_FOR = re.compile(
    r"\b(?:set|sets|setting|scheduled|schedules|fixed|fixes)\s+(?:a|an|the|his|her|its|their)?\s*"
    r"(?:[\w'’-]+\s+){0,2}?(?:sentencing|hearing|trial|retrial|arraignment|date|vote|election|"
    r"referendum|deadline|meeting|session|talks|launch|ceremony|inauguration|execution|appeal|"
    r"verdict|ruling|decision|debate|summit|auction|opening|reopening|start)s?\s+for\s+$",
    re.I,
)
# The same subject's next deed, told after the day it set: "and allowed him to remain free".
_AND_THEN_ANOTHER_DEED = re.compile(r",?\s+and\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")
_CALLED_FOR = re.compile(
    r"\b(?:call|calls|called|calling)\s+(?:for\s+)?(?:a|an|the|their|its|his|her|another)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:strike|walkout|election|vote|referendum|meeting|session|summit|"
    r"protest|rally|march|demonstration|shutdown|boycott|ceasefire)s?\s+(?:for|from)\s+$",
    re.I,
)
# The year written after an event: "the September 11 attacks in 2001", "the Presidents'
# Day storm of 2003".
_EVENT_YEAR = re.compile(r"\s+(?:in|of)\s+(1[89]\d\d|20\d\d)\b")
_EVENT_OF_A_YEAR = re.compile(
    r"\s+(?:storms?|blizzards?|floods?|fires?|attacks?|bombings?|massacres?|riots?|"
    r"earthquakes?|quakes?|tornado(?:es|s)?|tsunami|uprising|offensive|parade|speech|address|"
    r"sales?|weekend)" + _EVENT_YEAR.pattern
)
# The day inside what someone said would happen, not the day they said it ("said on
# Tuesday that Iraq would retaliate", "announced Friday, LIN holders would receive").
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|added|warned|predicted|forecast)\s+(?:that\s+)?"
    r"(?!(?:on|at|in|late|early|last|this|next|earlier|later)\s)(?P<words>(?:[\w'’.,-]+\s+){0,6})$"
)
_WOULD_SOON = re.compile(
    r"(?!\s*that\b)(?:'s\s+[\w-]+|(?:[\s,]+(?:and\s+)?[\w'’.-]+){0,5}?)\s+"
    r"(?:would|will|could|might)\s+(?!have\b)"
)
# "A walkout planned for early December was called off": a plan named by a participle.
_PLAN_PARTICIPLE = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?[a-z]+\s+"
    r"(?:planned|scheduled|set|slated)\s+for$"
)
_NEW_CLAUSE = re.compile(
    r",\s+(?:and|but)\s+(?=(?:on|in|at|by|the|a|an|his|her|its|their|[A-Z])\b)"
)
# A month after "a" that names a kind of day or figure: "a July average", "a July day".
_AN_BEFORE = re.compile(r"\ban?\s+$", re.I)
_KIND_OF_MONTH_AFTER = re.compile(
    r"\s+(?:average|day|night|morning|evening|weekend|temperature|heatwave|figure)s?\b"
)
_CONCESSION = re.compile(r",\s+(?:though|although|while|whereas|but)\s")
_PAST_CLAUSE_OPENS = re.compile(r"\s(?:after|because|when)\s(?=(?:the|a|an|its|their|his|her)\s)")
_PLAN_ASIDE = re.compile(
    r",\s+(?:originally\s+|initially\s+)?(?:scheduled|expected|due|set|slated|planned)\b[^,;]*$"
)
# A clause with a subject of its own after ", and" or ";": what it tells is not the plan's.
_ANOTHER_CLAUSE = re.compile(r"(?:,\s+and|;)\s+(?:the|a|an|its|his|her|their|[A-Z])")
_EVENT_NAMED_AFTER = re.compile(
    r"\s+(?:terror(?:ist)?\s+)?(?:attacks?|bombings?|massacres?|riots?|uprising|killings|"
    r"shootings?|coup)\b",
    re.I,
)
# Happenings no one plans, named by when they struck: "the February earthquake".
_DISASTER_NAMED_AFTER = re.compile(
    r"\s+(?:earthquake|quake|tsunami|floods?|storms?|hurricane|typhoon|cyclone|attacks?|"
    r"bombings?|massacre|riots|uprising|coup|crash|explosions?|blasts?|fire|killings|"
    r"shootings?|disaster)\b"
)
# "The country voted to leave the EU on June 23": the day of the vote, not of the leaving.
_VOTED_BEFORE = re.compile(r"\bvoted\s+$")
# "the candidates invited to the August 6 debates": who were invited, not an invitation to
# something still to come ("invited Putin to the summit on Monday" is one).
_INVITED_ONES = re.compile(r"(?i:invited)(?<=[a-z]s invited)\s+to\s+(?:the|a|an|its|their)\s")
# "postponed to", "slipped to" move a plan only to the date right after them: "the launch
# slipped to Friday", but "the yield slipped to 1.75 percent late Friday" is a price.
# "had been pushed back to June 4", "was postponed until March": the date a plan was moved to
# is the one that stands, told in the past or not.
_PLAN_MOVED = re.compile(
    r"(?:postponed|delayed|adjourned|put\s+off|rescheduled|pushed\s+back|moved\s+back)"
    r"\s+(?:until|to|for)",
    re.I,
)
_MOVED_TO = re.compile(r"(?:postponed|delayed|slipped|pushed\s+back)\s+to", re.I)
_JUST_BEFORE = re.compile(r"\s+(?:(?:on|next|this|the|early|late)\s+){0,2}")
_ASIDE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;]*,")
# A closing price's day: "Thursday's closing price", "the closing price of 1.86 francs on
# Friday" (the engine keeps it in the background too).
CLOSE_BEFORE = re.compile(
    r"\bclosing(?:\s+(?:price|level|value))?(?:\s+of\s+[^,;]{1,30}?)?\s+(?:on\s+)?$", re.I
)
_APPOSITION = re.compile(r",\s*")
_AT_AN_EVENT = re.compile(
    r"\b(?:in|at|for|after|during|(?:the\s+)?(?:winners?|losers?)\s+of|(?:starting|beginning)\s+"
    r"with)\s+$",
    re.I,
)
_WILL = re.compile(r"\b(?:will|would|'ll|’ll)\b", re.I)
_EVENT_REACH = 50  # characters from the future cue to "Saturday's"


# (Not "will appeal Tuesday's ruling": what someone will do about an event gone by.)
_TAKE_PART = re.compile(
    r"\b(?:will|would|'ll|’ll|to)\s+(?:not\s+)?(?:attend|watch|host|play|miss|skip|join|chair|"
    r"headline|boycott|broadcast|referee|officiate|contest)\s+$"
)


def _event_to_come(ctx: Context) -> bool:
    """ "He will play in Saturday's final": the event of a clause about the future, its cue
    close before it (but not "will meet in a runoff ... after coming first in Sunday's
    first round", nor "will appeal against Tuesday's ruling")."""
    at = _AT_AN_EVENT.search(ctx.text, max(0, ctx.start - 24), ctx.start)
    if at is None:
        # "will attend Monday's launch": an event someone is to take part in.
        return bool(_TAKE_PART.search(ctx.text, max(0, ctx.start - 40), ctx.start))
    # (A comma ends the clause of the cue, but "will take charge of the first team on an
    # interim basis, starting with Saturday's match" goes on with it.)
    listed = at.group().lower().startswith(("starting", "beginning"))
    lo = max(ctx.sentence_start(), ctx.start - _EVENT_REACH * (2 if listed else 1))
    near = ctx.text[lo : ctx.start]
    ends = [m.end() for m in ctx.future_re.finditer(near)] + [m.end() for m in _WILL.finditer(near)]
    return bool(ends) and (listed or "," not in near[max(ends) :]) and ctx.future()


_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|until|by|for)\s+$", re.I)
_MODAL = re.compile(r"\b(?:would|could|might|may|should|must|can|will|shall)\b")
# Up to four words (a verb and its object) and the preposition of a date: "was born in",
# "bought RJR in".
_VERB_THEN_DATE = re.compile(r"(?P<words>(?:\b[\w.,'$-]+\s+){1,5})(?:in|on|during|over)\s+$")
_PERIOD_ENDED = re.compile(r"\b(?:ended|closed|began|started|expired)\s+$")
_PRONOUN_THEN_PAST = re.compile(
    r"\b(?:it|he|she|they|we|I)\s+(?:cut|hit|set|put|shut|quit|let|cost|hurt|spread|split|"
    r"shed|bid|beat)\s+(?:[\w.,'$-]+\s+){0,3}$"
)
_OPENING_PREPOSITION = re.compile(r"\s*(?:In|On|During|Since|By|Until)\s+")
# (Its first character comes first, checked again by each alternative: the regex engine then
# skips to the next candidate in C.)
# (A closing quote may follow the stop: '... every day."  The hearing began'.)
_SENT_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’]?\s+(?=[A-Z\"'“‘])|(?<=\n)\s*\n)")
# A period after a title ends no sentence: "St. Peter's Square", "Mr. Smith" (an initial
# may: "the U.S.").
_TITLE_END = (
    "St", "Mr", "Ms", "Dr", "Mrs", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
    "Prof", "Rev", "Mt", "Ft", "vs",
)  # fmt: skip
_ZONE_OR_DAY = re.compile(
    r"\s+(?:[A-Z]{1,3}[SD]?T\b|UTC\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(?!\s+[a-z]+ed\b)"
)


# A verb whose past is its present, told with the final score: a game played.
_BEAT_BY_A_SCORE = re.compile(
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bcan\s)\b(?:beat|edged|upset)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*\s+){1,4}\d{1,3}[-–]\d{1,3}\b"
)


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether a match of ``_SENT_END`` ends a sentence: not the period of a title."""
    i = m.start()
    if text[i] != ".":
        return True
    words = text[max(0, i - 4) : i].split()
    if words and words[-1].lstrip("(\"'") in _TITLE_END:
        return False
    # "at 11 p.m. BST on Sept. 2", "at 9 a.m. Tuesday": the clock's zone or day goes on.
    return not (text.endswith(("a.m", "p.m"), 0, i) and _ZONE_OR_DAY.match(text, i + 1))


def sentence_start_at(text: str, pos: int) -> int:
    """Offset where the sentence holding ``pos`` begins (looking back ≤ 200 chars)."""
    lo = max(0, pos - 200)
    last = lo
    # One character past ``pos``, for the lookahead of a sentence it opens.
    for m in _SENT_END.finditer(text, lo, pos + 1):
        if _ends_sentence(text, m):
            last = m.end()
    return last


def sentence_end_at(text: str, pos: int) -> int:
    """Offset where the sentence holding ``pos`` ends (looking ahead ≤ 200 chars)."""
    stop = min(len(text), pos + 200)
    for m in _SENT_END.finditer(text, pos, stop):
        if _ends_sentence(text, m):
            return m.start() + 1
    return stop


def past_sentence_at(text: str, pos: int) -> bool:
    """Whether the sentence holding ``pos`` tells of the past, with no modal in it."""
    sentence = text[sentence_start_at(text, pos) : sentence_end_at(text, pos)]
    return _tells_past(sentence) and not _MODAL.search(sentence)


# The same few words come again and again (183 among 9,416 calls on TBAQ).
@lru_cache(maxsize=4096)
def _clean(word: str | None) -> str:
    if not word:
        return ""
    return " ".join(word.split()).lower().replace("’", "'")


@dataclass
class Context:
    """What a normalizer may look at besides its match: the document and its state."""

    text: str
    dct: dt.date
    vocab: Vocabulary
    future_re: re.Pattern[str]
    start: int = 0
    end: int = 0
    last_quarter: tuple[int, int, int] | None = None  # (year, quarter, end offset)
    memo: dict[str, Any] = field(default_factory=dict)
    game_re: re.Pattern[str] | None = None
    # Where the sentence holding each offset begins and ends: the normalizers ask this
    # several times of one match, and each answer is a search of up to 200 characters.
    _sentence_starts: dict[int, int] = field(default_factory=dict, init=False, repr=False)
    _sentence_ends: dict[int, int] = field(default_factory=dict, init=False, repr=False)

    def quarter_in_view(self) -> tuple[int, int, int] | None:
        """The quarter the text is discussing, unless a period of months ("the first nine
        months") has been named since it."""
        lq = self.last_quarter
        if lq is None or self.memo.get("months_end", -1) > lq[2]:
            return None
        return lq

    def about_a_game(self) -> bool:
        """Does the text around the match speak of a game ("halftime", "kickoff", "inning")?
        Then a bare "second half" or "first quarter" is part of the game, not of the year."""
        if self.game_re is None:
            return False
        return self.game_re.search(self.text, max(0, self.start - 400), self.end + 200) is not None

    def sentence_start(self) -> int:
        """Offset where the sentence containing the match begins (looking back ≤ 200 chars)."""
        start = self._sentence_starts.get(self.start)
        if start is None:
            start = self._sentence_starts[self.start] = sentence_start_at(self.text, self.start)
        return start

    def sentences_since(self, pos: int) -> int:
        """How many sentences end between ``pos`` and the match."""
        return sum(
            _ends_sentence(self.text, m) for m in _SENT_END.finditer(self.text, pos, self.start)
        )

    def day_in_sentence(self) -> str | None:
        """The day last named (YYYY-MM-DD), if the match's own sentence named it before it."""
        if self.memo.get("day_end", -1) >= self.sentence_start():
            return self.memo.get("last_day")
        return None

    def sentence_end(self) -> int:
        """Offset where the sentence containing the match ends (looking ahead ≤ 200 chars)."""
        end = self._sentence_ends.get(self.end)
        if end is None:
            end = self._sentence_ends[self.end] = sentence_end_at(self.text, self.end)
        return end

    def _future_after(self) -> bool:
        """For an expression that opens its clause ("On Tuesday, the league plans to ..."):
        is the first future cue after it earlier than the first past-tense verb?"""
        right = self.text[self.end : self.sentence_end()]
        cue = self.future_re.search(right)
        while cue is not None and cue.group().lower() in _ANOTHER_EVENT_AHEAD:
            # "set a record on Wednesday, ahead of the Olympics": the event to come is
            # another's, and says nothing of the day's.
            cue = self.future_re.search(right, cue.end())
        if cue is None:
            return False
        if cue.group()[:3].lower() == "to " and not right[: cue.start()].strip():
            # "Britain's vote in June to leave the EU": an infinitive right after the date
            # says what the thing before it was for, not what is still to come.
            cue = self.future_re.search(right, cue.end())
            if cue is None:
                return False
        return not any(
            _is_past_verb(right, m)
            for m in _PAST_MARK.finditer(right, 0, cue.end())
            if m.start() <= cue.start()
        )

    def past_verb_before(self) -> bool:
        """Is the expression the date of a past-tense verb just before it ("was born in May",
        "bought RJR in February") or of the verb just after it when it opens the sentence ("In
        January, the company hired"), in a sentence with no future cue or modal?"""
        start = self.sentence_start()
        left = self.text[max(start, self.start - 60) : self.start]
        # The clause of the expression: "is due to open in 2025, though construction started
        # only in the spring" has its plan in another clause.
        opened = [m.end() for m in _CONCESSION.finditer(self.text, start, self.start)]
        # "agreed to return the objects after the commission submitted a claim in January":
        # a clause of its own, with a subject, told in the past.
        opened += [m.end() for m in _PAST_CLAUSE_OPENS.finditer(self.text, start, self.start)]
        # ... up to the next clause after it: "Police said in January that no one would be
        # charged", "Tinubu, who took office in May, has said his reforms will": what is to
        # come there is another clause's.
        end = self.sentence_end()
        if not _OPENING_PREPOSITION.fullmatch(self.text, start, self.start):
            after = _CLAUSE_BREAK.search(self.text, self.end, end)
            end = after.start() if after else end
        sentence = self.text[max(opened) if opened else start : end]
        if self.future_re.search(sentence) or _MODAL.search(sentence):
            return False
        if _OPENING_PREPOSITION.fullmatch(self.text, start, self.start):
            # "In May, he resigned": the clause's first verb, if it is in the past tense.
            verb = _PAST_MARK.search(self.text, self.end, self.end + 60)
            if verb is None or not _is_past_verb(self.text, verb):
                return False
            return len(self.text[self.end : verb.start()].split()) <= 3
        if _PERIOD_ENDED.search(left):
            return True  # "the fiscal year ended Jan. 31": no preposition between
        m = _VERB_THEN_DATE.search(left)
        if m is None:
            return False
        # A verb whose past is its present ("cut", "hit") counts after a subject pronoun:
        # "after it cut about 12,000 jobs in January".
        # Only the date's own clause: "The Tour, first held in 1903, ends on July 27" (but
        # a place's comma is none: "began in Alicante, Spain, in October").
        words = m.group("words").split()
        clause = m.group("words").rsplit(", ", 1)[-1].split()
        if len(clause) < len(words) and any(w[:1].islower() for w in clause):
            words = clause
        # (A participle after "is" or "be" is no past: "when the case is heard in May".)
        return any(
            _PAST_MARK.fullmatch(w) and (i == 0 or words[i - 1].lower() not in _PRESENT_BE)
            for i, w in enumerate(words)
        ) or bool(_PRONOUN_THEN_PAST.search(left, 0, m.start("words") + len(m.group("words"))))

    def no_past_tense(self) -> bool:
        """A sentence with no past-tense verb at all ("He and Arafat meet Monday"), nor a
        perfect ("having overtaken Ronaldo on Tuesday")."""
        # The clause of the expression: "Israelis head to the polls on Monday, hoping to
        # break a deadlock that has paralyzed the country" has its past in another clause.
        stop = self.sentence_end()
        after = _COMMA_AFTER.match(self.text, self.end)  # "On Sunday, police said": its clause
        if after and _CONJUNCTION.match(self.text, after.end()):
            stop = self.end  # "Victory Day falls on Saturday, but Putin postponed the parade"
            after = None
        go_on = after.end() if after else self.end
        while after and (adjunct := _ADJUNCT_AFTER.match(self.text, go_on, stop)):
            go_on = adjunct.end()
        clause_end = _CLAUSE_BREAK.search(self.text, go_on, stop)
        sentence = self.text[self.sentence_start() : clause_end.start() if clause_end else stop]
        cut = self.start - self.sentence_start()
        if ", wh" in sentence[:cut]:
            # "The championships, which have attracted 2,000 athletes, end on Sunday": the
            # tense of an aside before the expression is not its clause's.
            sentence = _ASIDE.sub(",", sentence[:cut]) + sentence[cut:]
        if _PERFECT.search(sentence) and not _UNTIL_BEFORE.search(
            self.text, max(0, self.start - 24), self.start
        ):
            return False  # but "has given them until 9 a.m. Tuesday" looks ahead
        if _BEAT_BY_A_SCORE.search(sentence):
            return False  # "Chelsea beat Benfica 2-1 on Wednesday night": a result
        return not _tells_past(sentence)

    def _opens_clause(self, left: str) -> bool:
        return not self.future_re.search(left) and not _PAST_MARK.search(left)

    def _plan_unchallenged(self, before: str, cue: str) -> bool:
        """ "An envoy was due to arrive in Seoul on Friday": a plan told in the past with
        nothing after it that says what became of it (no "but", no later past verb)."""
        was = _WAS_BEFORE.search(before)
        if was is None or not (was.group("plan") or cue.split()[0].lower() in _PLAN_WORDS):
            return False
        right = self.text[self.end : self.sentence_end()]
        if _CONTRAST.search(right):
            return False
        other = _ANOTHER_CLAUSE.search(right)
        if other:
            right = right[: other.start()]  # ", and the world body released $25 million"
        return not _tells_past(right)

    def future(self) -> bool:
        """Does the sentence so far speak of the future (a cue after the last past-tense verb)?"""
        if _CALLED_FOR.search(self.text, max(0, self.start - 60), self.start) or _SET_FOR.search(
            self.text, max(0, self.start - 60), self.start
        ):
            # "Unions have called a general strike for Thursday", "The judge set sentencing
            # for Oct. 18": the day it is called or set for, unless the sentence goes on to
            # say how it went.
            right = self.text[self.end : self.sentence_end()]
            if _AND_THEN_ANOTHER_DEED.match(right):
                return True  # "set sentencing for Oct. 4 and allowed him to remain free"
            return not _tells_past(right)
        left = self.text[self.sentence_start() : self.start]
        said = _SAID_BEFORE.search(left, max(0, len(left) - 90))
        if (
            said
            and (said.group("words") or self.text.startswith("the ", self.start))
            and not _PAST_MARK.search(said.group("words"))
            and (would := _WOULD_SOON.match(self.text, self.end))
            and not _tells_past(self.text[self.end : would.end()])
        ):
            # "Network Rail said trains on Wednesday would start later": the day is in what
            # was said would happen.
            return True
        if self._opens_clause(left):
            return self._future_after()
        cues = [
            c
            for c in self.future_re.finditer(left)
            if not _PLAN_ADJECTIVE.search(left, max(0, c.start() - 8), c.end())
            and not _COMPARED_TO_PLAN.search(left, max(0, c.start() - 6), c.end())
            and not (_MOVED_TO.fullmatch(c.group()) and not _JUST_BEFORE.fullmatch(left, c.end()))
            and not _VOTED_BEFORE.search(left, max(0, c.start() - 8), c.start())
            and not _INVITED_ONES.match(left, c.start())
        ]
        cues += _REPORTED_WOULD.finditer(left)
        if not cues:
            return False
        cue = max(cues, key=lambda c: c.end())
        joints = list(_NEW_CLAUSE.finditer(left, cue.end()))
        if joints:
            joint = joints[-1]
            # "Biden said there would be enough vaccine by May, and on Wednesday the House
            # gave final approval": the plan is the first clause's; this one opens anew.
            rest = left[joint.end() :]
            return self._opens_clause(rest) and self._future_after()
        aside = _PLAN_ASIDE.search(left)
        if aside or _PLAN_PARTICIPLE.search(left, max(0, cue.start() - 30), cue.end()):
            # "The match, scheduled to start at 4 p.m., began three hours late", "A walkout
            # planned for early December was called off": a plan told in an aside or by a
            # participle, in a sentence that says after it what was done.
            right = self.text[self.end : self.sentence_end()]
            comma = right.find(",") if aside else 0
            if comma >= 0 and _tells_past(right, comma):
                return False
        if cue.group()[:3].lower() == "to " and any(
            a.end() == cue.end() for a in _ASKED_TO.finditer(left, max(0, cue.start() - 60))
        ):
            return False  # "were ordered to leave on Tuesday": see _looks_either_way
        if cue.group().lower() == "ahead of" and "," in left[cue.end() :]:
            return False  # "Just ahead of the trip, the department on Sunday issued": the trip's
        before = left[max(0, cue.start() - 24) : cue.start()]
        if _PLAN_DROPPED.search(before):
            return False  # "dropped plans to raise taxes after blockades in January"
        if _FORMER_PLAN.search(before) or (
            _PAST_AUX.search(before, max(0, len(before) - 12))
            and not _PRESENT_PERFECT.search(before)
            and not _COMMITTED_TO.search(left, 0, cue.start())
            and cue.group().lower() not in _IN_THE_MAKING
            and not (
                # unless the sentence goes on to tell how it went ("..., when it passed")
                _PLAN_MOVED.fullmatch(cue.group())
                and not _tells_past(self.text, self.end, self.sentence_end())
            )
            and not _REPORTED_PLAN.search(left, max(0, cue.start() - 80), cue.start())
            and not self._plan_unchallenged(before, cue.group())
        ):
            return False  # "had been scheduled", "was expected", "originally set": a past plan
        if _BARE_EVENT_VERB.fullmatch(cue.group()) and _DID_BEFORE.search(before):
            return False
        if _MUST_HAVE.match(left, cue.start()):
            return False  # "must have entered": a guess about the past
        if _STARTING.match(cue.group()):
            # "protests starting on Saturday led to 200 arrests": the verb after it tells.
            right = self.text[self.end : self.sentence_end()]
            if _tells_past(right):
                return False
        # "will be held", "the first powered flight": no past tense (see _is_past_verb); nor
        # one in an aside ("are due to dock their capsule, which they named Endeavour, with
        # the station on Sunday").
        asides = [m.span() for m in _ASIDE.finditer(left, cue.end())] if "," in left else []
        return not any(
            _is_past_verb(left, mark)
            for mark in _PAST_MARK.finditer(left, cue.end())
            if not any(a <= mark.start() < b for a, b in asides)
        )


Normalizer = Callable[[dict[str, str | None], dict[str, Any], Context], Result]
NORMALIZERS: dict[str, Normalizer] = {}


def normalizer(fn: Normalizer) -> Normalizer:
    NORMALIZERS[fn.__name__.lstrip("_")] = fn
    return fn


# ---------------------------------------------------------------- words --


def number(word: str | None, vocab: Vocabulary) -> float | None:
    """A cardinal written in digits or words ("44", "1,000", "twenty-four", "a couple of")."""
    w = _clean(word)
    if not w:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", w):
        return float(w.replace(",", ""))
    if w in vocab.numbers:
        return float(vocab.numbers[w])
    head, _, last = w.rpartition(" ")
    if head and last in _MULTIPLIERS:
        # "two hundred", "2 million", "twenty-five thousand"
        n = number(head, vocab)
        return n * _MULTIPLIERS[last] if n is not None and n < 1000 else None
    parts = re.split(r"[\s-]+", w)
    if all(p in vocab.numbers for p in parts):
        vals = [vocab.numbers[p] for p in parts]
        if len(vals) == 2 and vals[0] % 10 == 0 and vals[0] >= 20 and vals[1] < 10:
            return float(vals[0] + vals[1])
    return None


_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000}


def unit_name(word: str | None, vocab: Vocabulary) -> str | None:
    w = _clean(word).rstrip(".")
    if w in vocab.units:
        return w
    if w in vocab.plurals:
        return vocab.plurals[w]
    if w.endswith("s") and w[:-1] in vocab.units:
        return w[:-1]
    return None


def month_num(word: str | None, vocab: Vocabulary) -> int | None:
    return vocab.months.get(_clean(word).rstrip("."))


def weekday_num(word: str | None, vocab: Vocabulary) -> int | None:
    w = _clean(word).rstrip(".")
    if w.endswith("s") and w not in vocab.weekdays:
        w = w[:-1]
    return vocab.weekdays.get(w)


def ordinal(word: str | None, vocab: Vocabulary) -> int | None:
    w = _clean(word)
    if w in vocab.ordinals:
        return vocab.ordinals[w]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", w)
    return int(m.group(1)) if m else None


def shift_of(word: str | None, ctx: Context) -> int:
    """-1, 0 or 1: where "last", "this", "next" ... put a period from the article date."""
    w = _clean(word)
    if not w:
        return 0
    for k, v in ctx.vocab.shifts.items():
        if w.endswith(k):
            return int(v)
    return 0


def mod_of(g: dict[str, str | None], ctx: Context) -> str | None:
    """The TIMEX3 mod of a period modifier ("early", "the end of") or quantifier ("about")."""
    mods = ctx.vocab.period_mods
    w = _clean(g.get("mod"))
    if w:
        if w in mods:
            return mods[w]
        for k, v in mods.items():
            if k in w.split():
                return v
    a = _clean(g.get("approx"))
    return ctx.vocab.quantity_mods.get(a) if a else None


def _year(g: dict[str, str | None], ctx: Context) -> int | None:
    y = g.get("year")
    if y:
        y = y.strip("'’ ")
        if len(y) == 2:
            # Two-digit years in news: '98 is 1998, '05 is 2005 (nearest to the article).
            century = ctx.dct.year // 100 * 100
            cands = [century - 100 + int(y), century + int(y), century + 100 + int(y)]
            return min(cands, key=lambda c: abs(c - ctx.dct.year))
        return int(y)
    if g.get("yshift") is not None:
        return ctx.dct.year + shift_of(g["yshift"], ctx)
    return None


_MAY_VERB = re.compile(r"\s+(?:I|we|you|he|she|they|God)\b")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:\"“‘'(]\s*|\n\s*)$")


# What a person has and a month does not: "May's government", "May's Brexit deal".
_PERSONS_AFTER = re.compile(
    r"['’]s\s+(?:government|cabinet|premiership|administration|leadership|resignation|"
    r"successor|spokesman|spokeswoman|spokesperson|aides?|allies|party|team|office|"
    r"(?:Brexit\s+)?deal|Brexit|husband|wife|Conservatives|Tories)\b"
)


def _may_the_verb(ctx: Context) -> bool:
    """ "May I ask", "May God": a sentence that opens with the verb (but "In May he left");
    and "May's government", Theresa May's."""
    if ctx.text[ctx.start : ctx.end] != "May":
        return False
    if _PERSONS_AFTER.match(ctx.text, ctx.end):
        return True
    return bool(
        _MAY_VERB.match(ctx.text, ctx.end)
        and _SENTENCE_OPENS.search(ctx.text, max(0, ctx.start - 3), ctx.start)
    )


# Capitalized words that may stand before a month without making it part of a name.
_BEFORE_A_MONTH = frozenset((
    "in", "on", "by", "since", "until", "till", "from", "through", "during", "before", "after",
    "early", "late", "mid", "last", "next", "this", "that", "each", "every", "of", "and", "or",
    "between", "throughout", "around", "about", "also", "then", "but", "not", "only", "even",
    "later", "earlier", "starting", "beginning", "ending", "the", "a", "an", "its", "his", "her",
    "their", "our", "your", "my", "these", "those", "following", "previous",
))  # fmt: skip
_WORD_BEFORE = re.compile(r"(?:^|[^\w'’.-])([A-Z][a-z]+)[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_LOWER_WORD_BEFORE = re.compile(r"\b[a-z]+[ \t]+$")


def _month_is_a_name(ctx: Context) -> bool:
    """A bare month word that is part of a name: "Theresa May", "Brian May", "April Ryan",
    or the surname alone ("May took office") when the article names such a person."""
    word = ctx.text[ctx.start : ctx.end]
    if not word[:1].isupper() or " " in word:
        return False
    before = _WORD_BEFORE.search(ctx.text, max(0, ctx.start - 30), ctx.start)
    if before and before.group(1).lower() not in _BEFORE_A_MONTH:
        return True  # "Theresa May", "Brian May"
    after_prep = _LOWER_WORD_BEFORE.search(ctx.text, max(0, ctx.start - 20), ctx.start)
    if _CAPITAL_AFTER.match(ctx.text, ctx.end) and (
        not after_prep or after_prep.group().split()[0] not in _BEFORE_A_MONTH
    ):
        # "April Ryan asked", "from nurse May Parsons" (but "in May Congress passed")
        return True
    if after_prep or before:
        return False
    # The surname alone: "May took office", in an article that names "Theresa May".
    key = "name_" + word
    if key not in ctx.memo:
        ctx.memo[key] = any(
            m.group(1).lower() not in _BEFORE_A_MONTH
            for m in re.finditer(rf"\b([A-Z][a-z]+)[ \t]+{re.escape(word)}\b", ctx.text)
        )
    return bool(ctx.memo[key])


_FOUR_DIGITS = re.compile(r"\d{4}")
_TO_REPORT = re.compile(
    r"\b(?:report|announce|release|post|publish)(?:s|ed|ing)?\s+(?:its\s+|their\s+|the\s+)?$"
)
# A sentence that opens with its year: "In 2019, ...", "By early 2021 ...".
_OPENING_YEAR = re.compile(
    r"[\"“‘'(]?(?:In|By|During|Since|Until|Through)\s+(?:early\s+|late\s+|mid-)?"
    r"((?:1[89]|20)\d\d)\b(?![-–/]\d|\s+(?:and|to|or)\s+\d)"
)

# A sentence that opens with the year before or after the article's: "Last year, ...".
# (Not "Next year's judges will be announced in December" nor "Last year's champion retired
# in March": the month is of the sentence, the year of the noun.)
_OPENING_SHIFT = re.compile(r"[\"“‘'(]?(?:(Last)|(Next))\s+year\b(?!\s*['’]s)")
_DELIVERY_AFTER = re.compile(r"\s+(?:delivery|contracts?|futures)\b")


# Figures of a month: "sales figures for May", "housing starts in February".
_DATA_AFTER = re.compile(
    r"\s+(?:jobs\s+|trade\s+|retail\s+|sales\s+|inflation\s+|housing\s+)?"
    r"(?:figures|data|numbers|statistics|report|readings?|payrolls)\b",
    re.I,
)
_DATA_FOR = re.compile(
    r"\b(?:figures|data|sales|numbers|report|results|reading|readings|statistics|index|"
    r"prices|inflation|output|production|exports|imports|payrolls|starts|orders|jobs|"
    r"unemployment|spending|growth|survey|GDP)\s+(?:[\w-]+\s+)?(?:for|in|of|from)\s+$",
    re.I,
)


def _nearest_year(m: int, d: int | None, dct: dt.date) -> int:
    """The year of the month (and day) nearest the article's date, before or after it."""
    near = [y for y in (dct.year - 1, dct.year, dct.year + 1)
            if cal.safe_date(y, m, d if d is not None else 1)]  # fmt: skip
    if not near:
        return dct.year
    return min(near, key=lambda y: abs((dt.date(y, m, d or 1) - dct).days))


def _infer_year(m: int, d: int | None, shift: str | None, ctx: Context) -> int:
    """Year of a month (and day) given without one, relative to the article date."""
    dct = ctx.dct
    here = (dct.month, dct.day if d is not None else 0)
    there = (m, d if d is not None else 0)
    s = _clean(shift)
    k = shift_of(s, ctx) if s else None
    if k is not None and k < 0:  # the latest one strictly before the article's
        if d is None and s == "last" and (dct.month - m) % 12 == 1:
            # "set in Berlin last September", written in October: last month would be
            # "last month"; the September meant is the year before's.
            return dct.year - 1 if m < dct.month else dct.year - 2
        return dct.year if there < here else dct.year - 1
    if k is not None and k > 0:  # the first one strictly after
        if d is None and s == "next" and (m - dct.month) % 12 == 1:
            # "will meet again next December", written in November: this December would be
            # "this December" or "next month"; the one meant is the year after's.
            return dct.year + 1 if m > dct.month else dct.year + 2
        return dct.year if there > here else dct.year + 1
    if k == 0:
        return dct.year
    opening = (
        _OPENING_YEAR.match(ctx.text, ctx.sentence_start(), ctx.start)
        if _FOUR_DIGITS.search(ctx.text, max(0, ctx.start - 200), ctx.start)
        else None
    )
    if opening is not None:
        return int(opening.group(1))  # "In 2019 they held talks in July": July 2019
    same = _same_month_told(m, ctx)
    if same is not None:
        # "declared an emergency in March 2022 after gangs killed 87 people, including 62
        # on March 26 alone": the month's year, told earlier in the sentence.
        return same
    if d is None and _DELIVERY_AFTER.match(ctx.text, ctx.end):
        # "Corn for December delivery fell": a futures contract's month is still to come.
        return dct.year if there >= here else dct.year + 1
    told = _YEAR_IN_THE_CLAUSE.search(
        ctx.text, max(ctx.sentence_start(), ctx.start - 60), ctx.start
    )
    if told is not None:
        return int(told.group(1))  # "Last year it fell on March 27, and in 2018 on April 1"
    opening = _OPENING_SHIFT.match(ctx.text, ctx.sentence_start(), ctx.start)
    if opening is not None:
        # "Last year, clashes in April left 150 injured": last year's April.
        return dct.year + (1 if opening.group(2) else -1)
    if _PLAN_GONE_BY.search(ctx.text, max(ctx.sentence_start(), ctx.start - 60), ctx.start):
        # "The strike was originally due to begin on January 10 but was postponed": a plan
        # told in the past is of the nearest such day, most often just gone.
        return _nearest_year(m, d, dct)
    if _SINCE_BEFORE.search(ctx.text, max(0, ctx.start - 8), ctx.start) or _SINCE_EVENT_IN.search(
        ctx.text, max(0, ctx.start - 50), ctx.start
    ):
        # "has raised rates since March", "has been out since the World Cup in December"
        return dct.year if there <= here else dct.year - 1
    if _BASE_BEFORE.search(ctx.text, max(0, ctx.start - 50), ctx.start) and not _MODAL.search(
        ctx.text, ctx.sentence_start(), ctx.sentence_end()
    ):
        # "rose 7.2 percent in August, down from a peak of 10.2 percent in December": the
        # figure a change is measured from was reached before.
        return dct.year if there <= here else dct.year - 1
    ahead = _AHEAD_OF_AN_EVENT.search(
        ctx.text, max(ctx.sentence_start(), ctx.start - 60), ctx.start
    )
    if (
        ahead is not None
        and d is not None
        and _tells_past(ctx.text, ctx.sentence_start(), ahead.start())
        and not _MODAL.search(ctx.text, ctx.sentence_start(), ctx.start)
    ):
        # "experienced troubles ahead of takeoff on December 11", "Stocks rose ahead of the
        # Fed meeting on December 14": the event something was done ahead of is the nearest
        # such day, most often gone by too.
        return _nearest_year(m, d, dct)
    if ctx.future() and not _told_as_past(ctx):
        if (
            d is None
            and 1 <= (dct.month - m) % 12 <= 2
            and (
                _DATA_FOR.search(ctx.text, max(0, ctx.start - 40), ctx.start)
                or _DATA_AFTER.match(ctx.text, ctx.end)
            )
        ):
            # "Retail sales figures for May are due on Tuesday", written in June: the data
            # still to come are of a month just gone.
            return dct.year if m < dct.month else dct.year - 1
        return dct.year if there >= here else dct.year + 1
    story = _story_goes_on(m, d, ctx)
    if story is not None:
        return story
    if _FROM_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start) and (
        not _RANGE_AFTER.match(ctx.text, ctx.end)
        and _DECIDED.search(ctx.text, ctx.sentence_start(), ctx.start)
    ):
        # "lawmakers approved an increase in the minimum wage to 12 euros an hour from
        # October": what was decided holds from the next such month (but a day, "ordered
        # all poultry kept indoors from November 7", told on the 8th, is the nearest one).
        if d is not None:
            return _nearest_year(m, d, dct)
        return dct.year if there >= here else dct.year + 1
    if d is not None and _PLANNED_DEED.search(
        ctx.text, max(ctx.sentence_start(), ctx.start - 70), ctx.start
    ):
        # "the men had discussed carrying out the attack on Oct. 31", told on the 22nd: what
        # was planned for a day is of the nearest such day, gone or to come.
        return _nearest_year(m, d, dct)
    if ctx.past_verb_before():
        return dct.year if there <= here else dct.year - 1
    past_year = dct.year if there <= here else dct.year - 1
    if _told_in_the_past(ctx) or _told_as_past(ctx) or _past_verb_next(ctx):
        return past_year
    if (
        d is None
        and _DISASTER_NAMED_AFTER.match(ctx.text, ctx.end)
        and _tells_past(ctx.text, ctx.sentence_start(), ctx.start)
    ):
        # "performed before the February earthquake", told in November: a disaster named by
        # its month, in a sentence told in the past, has happened.
        return past_year
    # News mostly reports the past: the latest such month (or day) up to the article date,
    # unless the next one is only weeks away (a "Jan. 5" written in November).
    future_year = dct.year if there > here else dct.year + 1
    nxt = cal.safe_date(future_year, m, d if d is not None else 1)
    if nxt is not None and (nxt - dct).days <= 100 and past_year != future_year:
        return future_year
    if (
        m != dct.month
        and past_year != future_year
        and _PRESENT_VERB_BEFORE.search(
            ctx.text, max(ctx.sentence_start(), ctx.start - 60), ctx.start
        )
        and ctx.no_past_tense()
        and not _EVERY.search(ctx.text, ctx.sentence_start(), ctx.sentence_end())
        and not _A_SEASONS_COURSE.search(ctx.text, ctx.sentence_start(), ctx.start)
    ):
        # "the runner-up goes into the playoffs in March", told in October: a plan told in
        # the present is of the next March (but "the rainy season runs from May to October"
        # is every year's course, not a plan).
        return future_year
    return past_year


_EVERY = re.compile(r"\b(?:every|each)\b", re.I)
_A_SEASONS_COURSE = re.compile(r"\b(?:season|monsoon)\s+(?:usually\s+|typically\s+)?runs\b", re.I)
# A verb in the present, its subject in the third person, in the date's clause: singular
# ("the runner-up goes into the playoffs in March") or, for verbs that are seldom nouns too,
# plural ("the contracts expire on Sept. 14").
_PRESENT_VERB_BEFORE = re.compile(
    r"\b(?:goes|comes|begins|starts|opens|closes|ends|runs|returns|moves|heads|travels|"
    r"meets|plays|faces|takes|holds|hosts|resumes|expires|expire|begin|resume|reopen|"
    r"convene|reconvene)\s+(?:[\w'’-]+\s+){0,5}(?:in|on|from|until|by)\s+$"
)
_FROM_BEFORE = re.compile(r"\b(?:from|starting|effective|beginning)\s+$")
_RANGE_AFTER = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s", re.I)
_DECIDED = re.compile(
    r"\b(?:approved|agreed|announced|decided|voted|passed|ordered|confirmed|unveiled|"
    r"adopted|signed|enacted|introduced|proposed)\b"
)
_MONTH_AND_YEAR = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+((?:1[89]|20)\d\d)\b(?![\d,])")


def _same_month_told(m: int, ctx: Context) -> int | None:
    """The year of the same month named with its year earlier in the sentence, if one is."""
    start = ctx.sentence_start()
    if not _FOUR_DIGITS.search(ctx.text, start, ctx.start):
        return None  # (the cheap test first: most sentences name no year)
    for told in _MONTH_AND_YEAR.finditer(ctx.text, start, ctx.start):
        if month_num(told.group(1), ctx.vocab) == m:
            return int(told.group(2))
    return None


# A year named earlier in the date's own clause: "and in 2018 it will fall on April 1".
_YEAR_IN_THE_CLAUSE = re.compile(
    r"\b(?:[Ii]n|[Bb]y|[Dd]uring)\s+((?:1[89]|20)\d\d)\b(?![\d,])[^,;:.()]{0,40}$"
)
_PLANNED_DEED = re.compile(
    r"\b(?:discussed|planned|plotted|intended|prepared|threatened|considered)\s+(?:to\s+)?"
    r"[a-z]+\s+(?:[\w'’-]+\s+){0,4}(?:on|for|by)\s+$"
)
_TO_DO_UNTIL = re.compile(r"\bto\s+[a-z]+\s+(?:[\w'’-]+\s+){0,3}?until\s+(?:the\s+)?$")
_PLAN_GONE_BY = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:originally|initially|first)\s+(?:due|scheduled|set|planned|expected)\b"
    # "ordered the union to call off a strike planned for September 3": a plan called off
    r"|\b(?:call(?:ed)?\s+off|cancel(?:led|ed|s)?|postpone[ds]?|scrap(?:ped|s)?|suspend(?:ed|s)?"
    r"|avert(?:ed|s)?)\s+(?:[\w'’-]+\s+){0,5}(?:planned|scheduled|set|due)\b"
)
_BASE_BEFORE = re.compile(
    r"\b(?:(?:down|up)\s+from|from\s+(?:a|an|its|the)\s+(?:record\s+|recent\s+)?(?:peak|high|low))"
    r"\s+(?:of\s+)?(?:[\w.,$%€£-]+\s+){1,4}in\s+$"
)
_NEXT_CLAUSE = re.compile(r"[,;]\s+(?:but|and|while|although|though|whereas)\s")
_HABITUAL = re.compile(
    r"\b(?:typically|usually|normally|generally|traditionally|(?:every|each)\s+year)\b", re.I
)


def _habitual(ctx: Context) -> bool:
    """A sentence that tells what happens as a rule, in the present tense."""
    if not _HABITUAL.search(ctx.text, max(0, ctx.start - 200), ctx.end + 200):
        return False  # (the cheap test first: most sentences tell no rule)
    start, end = ctx.sentence_start(), ctx.sentence_end()
    joint = _NEXT_CLAUSE.search(ctx.text, ctx.end, end)  # "..., but this season began early"
    sentence = ctx.text[start : joint.start() if joint else end]
    return bool(_HABITUAL.search(sentence)) and not _tells_past(sentence)


_OPENING_WORD = re.compile(r"\b(?:In|On|During|Since|By|Until|The|This|Last|Next|A|An)\s+$")
_SUBJECT_OPENING = re.compile(r"[\s\"'“‘]*(?:The|This|Last|Next|A|An)\s+")


def _story_goes_on(m: int, d: int | None, ctx: Context) -> int | None:
    """ "She was taken on March 4, 2014. ... Police found her alive on March 15": a day told
    in the past a few weeks after a day of another year named just before is of that year."""
    last = ctx.memo.get("last_day")
    if (
        d is None
        or last is None
        or last[:4] == str(ctx.dct.year)
        or ctx.start - ctx.memo.get("day_end", -ANCHOR_REACH) > ANCHOR_REACH
        or not ctx.past_verb_before()
    ):
        return None
    anchor = dt.date.fromisoformat(last[:10])
    day = cal.safe_date(anchor.year, m, d)
    return anchor.year if day is not None and 0 < (day - anchor).days <= 60 else None


def _told_in_the_past(ctx: Context) -> bool:
    """ "In January, a week after the anniversary, a clinic bombing killed a guard", "A
    mid-December meeting between the two ministers saw the subject brought up again": a
    sentence that opens with the date, or with a subject the date qualifies, and tells in the
    past tense, with no future cue."""
    if not _OPENING_WORD.search(ctx.text, max(0, ctx.start - 10), ctx.start):
        return False  # (the cheap test first)
    start = ctx.sentence_start()
    left = ctx.text[start : ctx.start]
    if not _OPENING_PREPOSITION.fullmatch(left) and not _SUBJECT_OPENING.fullmatch(left):
        return False  # (or the date is of the subject: "The Fourth of July fireworks were ...")
    sentence = ctx.text[start : ctx.sentence_end()]
    if ctx.future_re.search(sentence) or _MODAL.search(sentence):
        return False
    return _tells_past(sentence)


# A past-tense verb right after the date, in its clause: "whose failure in January left".
_VERB_NEXT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?=[a-z])")  # (an adverb may come between)
_SAYING = re.compile(r"(?:said|told|added|announced|reported|wrote|stated|noted)\b")


def _past_verb_next(ctx: Context) -> bool:
    """ "an investment firm whose failure in January left 11,600 savers facing losses": the
    event of the date is told by the verb after it, in the past, in a sentence with no
    future cue or modal (a verb of saying is the report's, not the event's)."""
    gap = _VERB_NEXT.match(ctx.text, ctx.end)
    if gap is None:
        return False
    verb = _PAST_MARK.match(ctx.text, gap.end())
    if verb is None or _SAYING.match(verb.group()) or not _is_past_verb(ctx.text, verb):
        return False
    sentence = ctx.text[ctx.sentence_start() : ctx.sentence_end()]
    return not (ctx.future_re.search(sentence) or _MODAL.search(sentence))


# "the final in February, which Liverpool won": a relative clause tells the date's event
# in the past.
_RELATIVE_AFTER = re.compile(r",?\s+(?:which|when|where)\s+(?:[\w'’.-]+\s+){0,3}[\w'’.-]+")


def _told_as_past(ctx: Context) -> bool:
    """Whether a relative clause right after the expression tells its event in the past."""
    m = _RELATIVE_AFTER.match(ctx.text, ctx.end)
    if m is None:
        return False
    clause = m.group()
    return _tells_past(clause)


def _part_suffix(g: dict[str, str | None], ctx: Context) -> str | None:
    p = _clean(g.get("part"))
    return ctx.vocab.parts_of_day.get(p) if p else None


def _with_part(day: str, g: dict[str, str | None], ctx: Context, mod: str | None) -> Result:
    part = _part_suffix(g, ctx)
    if part:
        return ("TIME", f"{day}T{part}", mod)
    return ("DATE", day, mod)


# ----------------------------------------------------------- normalizers --


@normalizer
def _fixed(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """A value given by the rule itself (PRESENT_REF, FUTURE_REF, ...)."""
    return (args.get("type", "DATE"), str(args["value"]), args.get("mod") or mod_of(g, ctx))


@normalizer
def _date(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """Calendar expressions: any of year, month, day, season, quarter, half, with modifiers."""
    vocab = ctx.vocab
    mod = mod_of(g, ctx) or mod_of({"mod": g.get("mod2")}, ctx)
    y = _year(g, ctx)
    if y is not None and not cal.year_ok(y):
        return None
    if g.get("month") or g.get("monthn"):
        if g.get("month") == "May" and _may_the_verb(ctx):
            return None
        if not (g.get("day") or g.get("dayord") or g.get("year")) and _month_is_a_name(ctx):
            return None
        m = month_num(g["month"], vocab) if g.get("month") else int(g["monthn"] or 0)
        if m is None or not 1 <= m <= 12:
            return None
        day_word = g.get("day")
        d = int(day_word) if day_word else None
        if d is None and g.get("dayord"):
            d = ordinal(g["dayord"], vocab)
        if (
            y is None
            and d is None
            and not g.get("shift")
            and _AN_BEFORE.search(ctx.text, max(0, ctx.start - 4), ctx.start)
            and _KIND_OF_MONTH_AFTER.match(ctx.text, ctx.end)
        ):
            return ("DATE", f"XXXX-{m:02d}", mod)  # "compared with a July average": any July
        if y is None and not g.get("shift") and _habitual(ctx):
            # "December typically brings 30 inches of snow": every year's December, and
            # "Every year on April 30, he visits the grave" every year's April 30.
            return ("DATE", f"XXXX-{m:02d}" + (f"-{d:02d}" if d else ""), mod)
        named = _EVENT_NAMED_AFTER.match(ctx.text, ctx.end) if y is None and d else None
        year_after = _EVENT_YEAR.match(ctx.text, named.end()) if named else None
        if year_after:
            y = int(year_after.group(1))  # "the September 11 attacks in 2001"
        elif named and d is not None:
            # "since the September 11 attacks": an event named by its day, of a year the
            # text does not give, unless it is the last few weeks' ("the Aug. 7 bombings",
            # ten days on).
            latest = cal.safe_date(ctx.dct.year, m, d)
            if latest is not None and latest > ctx.dct:
                latest = cal.safe_date(ctx.dct.year - 1, m, d)
            if latest is None or (ctx.dct - latest).days > 60:
                return ("DATE", f"XXXX-{m:02d}-{d:02d}", mod)
        if y is None:
            y = _infer_year(m, d, g.get("shift"), ctx)
        if d is None:
            v = cal.fmt_month(y, m)
            return ("DATE", v, mod) if v else None
        day = cal.safe_date(y, m, d)
        if day is None:
            return None
        wd = weekday_num(g.get("weekday"), vocab)
        if wd is not None and wd != day.isoweekday() and not g.get("year"):
            # The weekday names the date's year better than our guess when they disagree.
            for yy in (y - 1, y + 1):
                alt = cal.safe_date(yy, m, d)
                if alt and alt.isoweekday() == wd:
                    day = alt
                    break
        if args.get("granularity") == "week":
            return ("DATE", cal.fmt_week(day) or "", mod) if cal.fmt_week(day) else None
        return _with_part(day.isoformat(), g, ctx, mod)
    if g.get("season2"):
        g = {**g, "season": g["season2"], "year": g.get("year2")}
        y = _year(g, ctx)
    if g.get("season"):
        code = vocab.seasons[_clean(g["season"])]
        if y is None and (
            (args.get("bare") and ctx.no_past_tense()) or (not g.get("shift") and _habitual(ctx))
        ):
            # "The Arctic may be free of ice in summer within 30 years", "Tornado season
            # typically peaks in the spring": every summer, every spring.
            return ("DATE", f"XXXX-{code}", mod)
        if y is None:
            now = cal.season_index(ctx.dct)
            before, after = cal.season_before(now, code), cal.season_after(now, code)
            k = shift_of(g.get("shift"), ctx) if g.get("shift") else None
            if code == cal.SEASON_ORDER[now % 4] and not k:
                at = now  # "this winter", written in January: the one under way
            elif k is not None and k < 0:
                at = before  # "last spring", written in December: this year's
            elif k is not None and k > 0:
                at = after  # "next winter", written in March: the coming December's
            elif k is not None:
                # "this spring", "this fall": the one of the article's calendar year.
                at = before if before // 4 == ctx.dct.year else after
            elif _SINCE_BEFORE.search(ctx.text, max(0, ctx.start - 8), ctx.start):
                at = before  # "for the first time since the autumn", said in March
            elif _UNTIL_JUST_BEFORE.search(ctx.text, max(0, ctx.start - 8), ctx.start) and (
                ctx.no_past_tense()
                or _TO_DO_UNTIL.search(
                    ctx.text, max(ctx.sentence_start(), ctx.start - 60), ctx.start
                )
            ):
                # "the talks may go on until the spring", said in October; "had expected him
                # to wait until the autumn", said in May: what was to last looks ahead.
                at = after
            elif after == now + 1:
                # The next season is still to come unless a past verb dates it ("an early
                # election in the autumn", said in July; but "was re-elected in the autumn").
                past = ctx.past_verb_before() or _MUST_HAVE.search(
                    ctx.text, ctx.sentence_start(), ctx.start
                )
                at = before if past and not ctx.future() else after
            elif after // 4 == ctx.dct.year:
                # Later in the year: gone by last year, unless the sentence looks ahead or
                # tells nothing in the past ("keep going through the summer and into the
                # winter", said in June).
                at = after if ctx.future() or ctx.no_past_tense() else before
            else:
                # Earlier in the year: this year's, unless the sentence looks ahead ("will
                # rule in the spring", said in November; "announced that he would retire in
                # the spring").
                reported = _REPORTED_WOULD.search(ctx.text, ctx.sentence_start(), ctx.start)
                at = after if ctx.future() and (ctx.no_past_tense() or reported) else before
            y = at // 4
        return ("DATE", f"{y:04d}-{code}", mod)
    if g.get("quarter") or g.get("qmonth") or args.get("quarter"):
        if g.get("qmonth"):
            month = month_num(g["qmonth"], vocab)
            q = None if month is None else (month - 1) // 3 + 1
        elif g.get("quarter"):
            q = ordinal(g["quarter"], vocab)
        else:
            q = int(args["quarter"])
        if q is None or not 1 <= q <= 4:
            return None
        if y is None and _FISCAL.search(ctx.text, ctx.start, ctx.end):
            # A fiscal quarter is named by its fiscal year, the one the article is in
            # ("fiscal fourth-quarter results", reported in June by a year ending in May).
            y = ctx.dct.year
        if y is None:
            if ctx.about_a_game():
                return None
            y = ctx.dct.year
            # "is scheduled to report fourth-quarter results": a quarter already ended.
            future = ctx.future() and not _TO_REPORT.search(
                ctx.text, max(0, ctx.start - 30), ctx.start
            )
            # The quarter after the current one is still to come unless a past verb dates
            # it: "forecast revenue for the fiscal third quarter", said in April.
            soon = q == cal.quarter_of(ctx.dct) + 1 and not ctx.past_verb_before()
            if q > cal.quarter_of(ctx.dct) and not future and not soon:
                y -= 1
            elif q < cal.quarter_of(ctx.dct) - 1 and future:
                # "expects revenue to rise in the first quarter", said in November (but the
                # quarter just ended is still to be reported on: "will report third-quarter")
                y += 1
        return ("DATE", f"{y:04d}-Q{q}", mod)
    if g.get("half"):
        h = 2 if _clean(g["half"]) in ("last", "latter") else ordinal(g["half"], vocab)
        if h is None or not 1 <= h <= 2:
            return None
        if y is None:
            if ctx.about_a_game():
                return None
            y = ctx.dct.year
            if h == 2 and ctx.dct.month <= 6 and not ctx.future():
                y -= 1
        return ("DATE", f"{y:04d}-H{h}", mod)
    if y is not None:
        v = cal.fmt_year(y)
        return ("DATE", v, mod) if v else None
    return None


# Shift words that count from the day last told rather than from the article's date.
_ANAPHORIC_SHIFT = frozenset({"previous", "preceding", "prior", "following", "subsequent"})


def _day_told_before(shift: str, ctx: Context) -> dt.date | None:
    """The day a "previous" or "following" weekday counts from: the day last named, within a
    few paragraphs; None for "last" and "next", which count from the article's date."""
    if shift.split()[-1] not in _ANAPHORIC_SHIFT:
        return None
    day = ctx.memo.get("last_day")
    if not day or ctx.start - ctx.memo.get("day_end", 0) > 3 * _CLOCK_REACH:
        return None
    return dt.date.fromisoformat(day)


@normalizer
def _weekday(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """A weekday, resolved to the nearest such day in the direction the sentence implies."""
    t = weekday_num(g.get("weekday"), ctx.vocab)
    if t is None:
        return None
    if args.get("indefinite"):
        return _with_part(f"XXXX-WXX-{t}", g, ctx, None)
    dct = ctx.dct
    dw = dct.isoweekday()
    s = _clean(g.get("shift"))
    week = _clean(g.get("week"))
    if week:
        # "Tuesday last week", "Monday next week": that day of the week named.
        delta = t - dw + 7 * shift_of(week, ctx)
    elif s:
        k = shift_of(s, ctx)
        told_day = _day_told_before(s, ctx)
        if told_day is not None:
            # "closed lower Friday, down 4.5% from the previous Friday", "met on March 3;
            # the following Monday": counted from the day told, not from the article's.
            dct, dw = told_day, told_day.isoweekday()
        if k < 0:
            delta = -((dw - t) % 7 or 7)
        elif k > 0:
            delta = (t - dw) % 7 or 7
            if delta == 1 and _clean(s) == "next":
                delta = 8  # "next Thursday", said on a Wednesday: not tomorrow, but a week on
        elif told_day is None and not ctx.future() and not ctx.no_past_tense():
            # "The plant closed this Friday", written on a Sunday: the Friday of this week,
            # gone by; the coming one only where the sentence looks ahead.
            delta = -((dw - t) % 7)
        else:
            delta = (t - dw) % 7
    elif t == dw:
        # "a strike set to run until Sunday", written on a Sunday: a week from today.
        until = _UNTIL_JUST_BEFORE.search(ctx.text, max(0, ctx.start - 8), ctx.start)
        delta = 7 if until and ctx.future() else 0
    elif (
        ctx.text.startswith(("'s", "’s"), ctx.end)
        and not _AHEAD_OF.search(ctx.text, max(0, ctx.start - 12), ctx.start)
        and not _event_to_come(ctx)
        and not _TO_COME_AFTER.match(ctx.text, ctx.end)
    ) or CLOSE_BEFORE.search(ctx.text, max(0, ctx.start - 60), ctx.start):
        # "Wednesday's ruling", "Thursday's closing price", "the closing price on Friday":
        # gone by (but "ahead of Saturday's final" is to come, and so is the event of a
        # sentence about the future: "he will play in Saturday's final").
        delta = -((dw - t) % 7)
    elif ctx.future() or (
        _DESIGNATED_BEFORE.search(ctx.text, max(0, ctx.start - 16), ctx.start)
        and _DESIGNATED_AS.match(ctx.text, ctx.end)
    ):
        # "declared Wednesday a national day of mourning": a day is named for what is to come.
        delta = (t - dw) % 7
    elif (
        _UNTIL_NEAR.search(ctx.text, max(0, ctx.start - 20), ctx.start)
        and _GIVEN_UNTIL.search(ctx.text, max(ctx.sentence_start(), ctx.start - 60), ctx.start)
        and (deadline := _TO_DO_AFTER.match(ctx.text, ctx.end))
    ):
        # "The EU gave Cyprus until Monday to find the money": a deadline is set ahead of
        # itself, so the coming day, unless that is most of a week away or the sentence
        # goes on to say how it went.
        ahead = (t - dw) % 7
        went = _tells_past(ctx.text, deadline.end(), ctx.sentence_end())
        delta = ahead if ahead < 5 and not went else -((dw - t) % 7)
    elif ctx.no_past_tense():
        # "He and Arafat meet Monday": with no verb in the past, the nearest such day; but
        # early in the week "Fans who travel on Saturday face disruption" is about the
        # coming weekend, not the one just gone (unless that was yesterday).
        ahead, back = (t - dw) % 7, -((dw - t) % 7)
        # A sentence that opens with the day ("On Saturday, Azarenka beat Sharapova") tells
        # what happened, in verbs whose past looks like their present.
        inside = not _OPENING_THE_DAY.fullmatch(
            ctx.text[ctx.sentence_start() : ctx.start].strip(" \"'“‘").lower()
        )
        weekend_ahead = (
            t >= 6
            and dw <= 3
            and back < -1
            and inside
            # "The river burst its banks on Sunday": a verb whose past is its present
            and not _SAME_IN_THE_PAST.search(ctx.text, ctx.sentence_start(), ctx.start)
        )
        # "Titmus set a world record in Brisbane on Wednesday": a verb whose past is its
        # present, after its subject, tells the past (its present would be "sets").
        told = _SAME_AFTER_A_SUBJECT.search(ctx.text, ctx.sentence_start(), ctx.start)
        delta = ahead if (ahead < -back or weekend_ahead) and not told else back
    elif _UNTIL_NEAR.search(ctx.text, max(0, ctx.start - 20), ctx.start) and _STILL_ASKED.search(
        ctx.text, ctx.sentence_start(), ctx.start
    ):
        delta = (t - dw) % 7
    elif _FOR_A_DAY.search(ctx.text, max(0, ctx.start - 4), ctx.start) and _CALLED_OFF.search(
        ctx.text, max(ctx.sentence_start(), ctx.start - 60), ctx.start
    ):
        delta = (t - dw) % 7  # "thousands more flights were canceled for Sunday"
    elif _BY_A_DAY.search(ctx.text, max(0, ctx.start - 4), ctx.start) and _ASKED_TO.search(
        ctx.text, ctx.sentence_start(), ctx.start
    ):
        # "ordered both sides to submit their arguments by Friday": the coming one, unless
        # that is most of a week away and the day before the article was meant.
        ahead = (t - dw) % 7
        delta = ahead if ahead < 5 else -((dw - t) % 7)
    elif args.get("nearest") or _looks_either_way(ctx):
        # "urged drivers to stay off the roads until noon Monday", "issued warnings through
        # Tuesday morning": the nearest such day, whichever side of the article it falls.
        ahead, back = (t - dw) % 7, -((dw - t) % 7)
        delta = ahead if ahead < -back else back
    else:
        delta = -((dw - t) % 7)
    eve = _clean(g.get("eve"))
    if eve:
        delta += 1 if eve.endswith("after") else -1  # "the day before last Tuesday"
    day = cal.add_days(dct, delta)
    if day is None:
        return None
    clock = _clock_part(g)
    if clock:
        return ("TIME", f"{day.isoformat()}T{clock}", None)
    return _with_part(day.isoformat(), g, ctx, mod_of(g, ctx))


# "Sunday's final will start at 2 p.m.": an event still to come.
_TO_COME_AFTER = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){1,3}?(?:will|is\s+(?:due|set|scheduled|expected)|"
    r"are\s+(?:due|set|scheduled|expected))\b"
)
_BY_A_DAY = re.compile(r"\bby\s+$")
# "gave Cyprus until Monday to", "has until noon Friday to": time given to do something.
_GIVEN_UNTIL = re.compile(
    r"\b(?:(?:gave|give|gives|given|granted|grants)\s+(?:[\w'’.-]+\s+){0,4}?|(?:has|have|had)\s+)"
    r"until\s+(?:[\w.:]+\s+){0,3}$"
)
_TO_DO_AFTER = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?\s+to\s+[a-z]+\b")
_FOR_A_DAY = re.compile(r"\bfor\s+$")
_CALLED_OFF = re.compile(r"\b(?:canceled|cancelled|called\s+off|postponed|suspended|closed)\b")
_SAME_AFTER_A_SUBJECT = re.compile(
    r"(?:\b[A-Z][a-z]+|\b(?i:the)\s+[a-z]+(?<!s)|\b(?:[Ii]t|[Hh]e|[Ss]he))\s+"
    r"(?:cut|hit|set|put|shut|spread|hurt|cost|quit|split|shed|beat|upset)\s+"
    r"(?:a|an|the|its|his|her|their|\d|on|late|early)\b"
)
_SAME_IN_THE_PAST = re.compile(
    r"\b(?:cut|hit|set|put|shut|spread|hurt|cost|quit|split|shed|beat|let|cast|upset)\b"
)
# What someone was asked to do is still to come when they are asked: "asked airlines to
# cancel flights on Saturday".
_ASKED_TO = re.compile(
    r"\b(?:asked|urged|told|ordered|advised|instructed|encouraged|called\s+on|warned)\s+"
    r"(?:[\w'’.-]+\s+){0,5}?to\s+[a-z]+\b"
)
# An instruction still in force: "Passengers have been told to travel only if necessary
# until Sunday" lasts to the coming Sunday.
_STILL_ASKED = re.compile(
    r"\b(?:have|has|are|is)\s+(?:been\s+)?(?:asked|urged|told|ordered|advised|instructed)\s+to\b"
)
_SET_UP = frozenset((
    "issued", "extended", "imposed", "declared", "ordered", "announced", "granted", "posted",
    "suspended", "postponed", "delayed", "banned", "closed", "shut", "barred", "restricted",
    "canceled", "cancelled", "grounded", "halted",
))  # fmt: skip
_UNTIL_NEAR = re.compile(
    r"\b(?:until|till|through)\s+(?:at\s+least\s+)?"
    r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\b\.?|noon|midnight)\s+(?:on\s+)?)?$",
    re.I,
)
_INTENT = re.compile(
    r"\bto\s+(?:continue|extend|keep|stay|remain|maintain|hold|suspend|halt|stop)\b"
)
_STARTING_ON = re.compile(r"\b(?:starting|effective|beginning)\s+(?:on\s+|at\s+|from\s+)?$")
_BEFORE_AN_EVENT = re.compile(
    r"\bbefore\s+(?:the|a|an|his|her|their|its)\s+(?:[\w'’-]+\s+){0,4}?(?:on\s+)?$"
)


def _looks_either_way(ctx: Context) -> bool:
    """A day that a past verb does not date: the end of a state ("until", "through") or the
    day of what someone was asked to do."""
    if _STARTING_ON.search(ctx.text, max(0, ctx.start - 16), ctx.start):
        # "declared three days of mourning starting Wednesday", "an ultimatum ... starting
        # at noon Saturday": what was set up starts on the nearest such day, either side
        # (but "protests starting on Saturday led to 200 arrests" are past).
        right = ctx.text[ctx.end : ctx.sentence_end()]
        return not _tells_past(right)
    if _BEFORE_AN_EVENT.search(ctx.text, max(0, ctx.start - 60), ctx.start):
        # "Mr Trump left before the East Asia Summit on Tuesday", written on a Monday: the
        # event comes after what was done, on whichever side of the article it falls.
        return True
    left = ctx.text[ctx.sentence_start() : ctx.start]
    if _UNTIL_NEAR.search(ctx.text, max(0, ctx.start - 20), ctx.start):
        # A state someone set up lasts to the day named, either side of the article's
        # ("issued warnings through Tuesday morning"); what was done ends there ("he stayed
        # in hospital until Thursday").
        verbs = [m for m in _PAST_MARK.finditer(left) if _is_past_verb(left, m)]
        if verbs and verbs[-1].group().lower() in _SET_UP:
            return True
        if verbs and _INTENT.search(left, verbs[-1].end()):
            return True  # "voted on Sunday to continue the strike until at least Wednesday"
    ends = [m.end() for m in _ASKED_TO.finditer(left)]
    if not ends:
        return False
    return not _tells_past(left, ends[-1])


_CONVERSION_BEFORE = re.compile(r"\(\s*$")
_FISCAL = re.compile(r"fiscal", re.I)
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\b", re.I)


def _nth_weekday_in(y: int, m: int, nth: str, wd: int, vocab: Vocabulary) -> dt.date | None:
    """The first, second ... or last weekday ``wd`` of month ``m`` of year ``y``."""
    if nth == "last":
        end = cal.add_days(dt.date(y + m // 12, m % 12 + 1, 1), -1)
        return None if end is None else cal.add_days(end, -((end.isoweekday() - wd) % 7))
    k = ordinal(nth, vocab)
    first = dt.date(y, m, 1)
    day = cal.add_days(first, (wd - first.isoweekday()) % 7 + 7 * ((k or 1) - 1))
    return day if day is not None and day.month == m else None


@normalizer
def _nth_weekday(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "the first Monday in October": that day of the month, in the year the month's
    mention implies; "the first Tuesday after" it, a day counted on from there."""
    vocab = ctx.vocab
    m, wd = month_num(g.get("month"), vocab), weekday_num(g.get("weekday"), vocab)
    if m is None or wd is None:
        return None
    y = _year(g, ctx)
    if y is None and _EVERY_BEFORE.search(ctx.text, ctx.sentence_start(), ctx.start):
        return ("DATE", f"XXXX-{m:02d}", None)  # a rule of every year's calendar
    if y is None:
        y = _infer_year(m, None, None, ctx)
    if not cal.year_ok(y):
        return None
    day = _nth_weekday_in(y, m, _clean(g.get("nth")), wd, vocab)
    if day is not None and g.get("weekday2"):
        wd2, k2 = weekday_num(g["weekday2"], vocab), ordinal(g.get("nth2"), vocab)
        if wd2 is None or k2 is None:
            return None
        day = cal.add_days(day, (wd2 - day.isoweekday()) % 7 or 7)
        day = None if day is None else cal.add_days(day, 7 * (k2 - 1))
    return ("DATE", day.isoformat(), None) if day else None


def _clock_part(g: dict[str, str | None]) -> str | None:
    """HH:MM from hour/minute/ampm/noon groups, or None when absent or impossible."""
    noon = _clean(g.get("noon"))
    if noon:
        return "24:00" if noon == "midnight" else "12:00"
    word = g.get("hour") or g.get("hour2") or g.get("hour3")
    if not word:
        return None
    hour = float(word) if word.isdigit() else number(word, _HOURS_VOCAB)
    if hour is None:
        return None
    h = int(hour)
    mi = int(g.get("minute") or 0)
    ap = _clean(g.get("ampm")).replace(".", "").replace(" ", "")
    part = _clean(g.get("clockpart"))
    if ap or part:
        if h < 1 or h > 12:
            return None
        pm = ap.startswith("p") or part in ("afternoon", "evening", "night")
        h = h % 12 + (12 if pm else 0)
        if part == "night" and h == 12 + 12 % 12 and not ap:
            h = 0
    if h > 24 or mi > 59 or (h == 24 and mi):
        return None
    return f"{h:02d}:{mi:02d}"


@normalizer
def _clock(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """A clock time, on a named weekday or date when one is attached, else the article date."""
    clock = _clock_part(g)
    if clock is None:
        return None
    if not (g.get("weekday") or g.get("month") or g.get("rel")) and (
        (
            _EACH_DAY.search(ctx.text, max(0, ctx.start - 60), ctx.start)
            and _EACH_DAY.search(ctx.text, max(ctx.sentence_start(), ctx.start - 60), ctx.start)
        )
        or _ON_WEEKDAYS.match(ctx.text, ctx.end)
        or _EVERY_DAY_AFTER.match(ctx.text, ctx.end, ctx.sentence_end())
    ):
        # "a briefing each day this week at 3 p.m.": that hour of no day in particular, as
        # are "from 6 a.m. to 9 a.m. on weekdays" and "until 8 p.m. every evening".
        return ("TIME", f"XXXX-XX-XXT{clock}", mod_of(g, ctx))
    # A bare clock time is on the day named right after it ("2 a.m. on Saturday"), else on
    # the day last spoken of, or else the article's.
    day: str | None = ctx.memo.get("last_day")
    if day is not None and _TOLD_FROM_A_DAY_AFTER.match(ctx.text, ctx.end):
        # "It capsized at about 4 a.m. the next day": the day after it is told from the last
        # day named, and gives the time its own day.
        pass
    elif (
        ctx.memo.get("background_day_end", -1) == ctx.memo.get("day_end")
        and ctx.memo.get("story_day")
        and ctx.sentences_since(ctx.memo["background_day_end"]) >= 1
        and (chosen := _day_after_background(ctx)) is not None
    ):
        # "Russell, who took pole in qualifying on Saturday, led ... The race finished at
        # 3:40 p.m.": the day of the story, not the one named in passing.
        day = chosen
    elif day is not None and _AT_AFTER_A_DAY.fullmatch(
        ctx.text, ctx.memo.get("day_end", 0), ctx.start
    ):
        # "set sentencing for April 17 at 9 a.m.": that day's hour, whatever the tense; but
        # "closed from 10 p.m. until 4 a.m.": the small hours after a late evening are the
        # next day's.
        if (ctx.memo.get("last_clock") or "") >= "20:00" and clock < "06:00":
            day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    elif day is None or (
        ctx.start - ctx.memo.get("day_end", 0) > _CLOCK_REACH
        and not (
            # (but the day the story opened with, when no other has been named since, still
            # holds far on: "Gukesh yesterday became the youngest champion ... Ding resigned
            # at about 6:30 p.m.")
            day == ctx.memo.get("story_day") == ctx.memo.get("lead_day")
            and ctx.memo.get("day_end", 0) != ctx.memo.get("background_day_end")
            and not ctx.future()
            and clock >= "06:00"  # (the small hours after a story's evening are the next day's)
            and 0 < (ctx.dct - dt.date.fromisoformat(day)).days <= 3
            and ctx.start - ctx.memo.get("day_end", 0) <= 3 * _CLOCK_REACH
        )
    ):
        day = ctx.dct.isoformat()  # a day named long before is no longer the story's
    elif (
        day > ctx.dct.isoformat()
        and not ctx.no_past_tense()
        and not ctx.future()
        and not (
            ctx.sentences_since(ctx.memo.get("day_end", 0)) == 0
            and ctx.future_re.search(ctx.text, ctx.sentence_start(), ctx.start)
            and not _SAID_AT.search(ctx.text, max(0, ctx.start - 30), ctx.start)
        )
    ):
        # "The Senate will vote Saturday. Obama spoke at 2 p.m.": a day still to come is not
        # the day of what was done (but "On Thursday night, beacons will be lit, with the
        # first lit at 9:45 p.m." is that night's).
        day = ctx.dct.isoformat()
    elif _background_day(day, ctx, in_passing=True) or _PERIOD_BOUND.search(
        ctx.text, max(0, ctx.memo.get("day_end", 0) - 40), ctx.memo.get("day_end", 0)
    ):
        # "the marketing year that began on July 1. Wheat fell 1% by 1530 GMT": the day a
        # period began or ended is not the day of what happens in it.
        day = ctx.dct.isoformat()
    elif (
        day < ctx.dct.isoformat()
        and ctx.no_past_tense()
        and not _SAME_IN_THE_PAST.search(ctx.text, ctx.sentence_start(), ctx.start)
    ):
        # "Arsenal lost on Wednesday night. City, who visit Forest in the late kickoff at
        # 5:30 p.m., could go top": a day gone by is not the day of what is told in the
        # present (but "The quake hit at 3:17 a.m." goes on with the day's story).
        day = ctx.dct.isoformat()
    elif day < ctx.dct.isoformat() and ctx.future():
        # "... on Oct. 3, 1990. Celebrations will continue until midnight": nor is a day gone
        # by the day of what is still to come.
        day = ctx.dct.isoformat()
    elif (
        day == ctx.memo.get("last_day")
        and ctx.memo.get("last_clock") == "24:00"
        and clock < "24:00"
        and ctx.sentences_since(ctx.memo.get("day_end", 0)) <= 1
    ):
        # "handed over shortly before midnight, according to a statement issued at 9 a.m.":
        # a time after a midnight is the next day's.
        day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    elif (
        day == ctx.memo.get("last_day")
        and (ctx.memo.get("last_clock") or "") >= "20:00"
        and clock < "06:00"
        and ctx.sentences_since(ctx.memo.get("day_end", 0)) <= 1
    ):
        # "declared the winner after 11 p.m. Tuesday ... conceded at about 1 a.m.": the
        # small hours after a late evening are the next day's.
        day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    on = _ON_DAY.match(ctx.text, ctx.end)
    if on and not (g.get("weekday") or g.get("month") or g.get("rel")):
        if weekday_num(on["word"], ctx.vocab) is not None:
            g = {**g, "weekday": on["word"]}
        elif on["day"] and month_num(on["word"], ctx.vocab) is not None:
            g = {**g, "month": on["word"], "day": on["day"], "year": on["year"]}
    if g.get("weekday") and not g.get("month"):
        # "at 11:01 p.m. EST (0401 GMT Tuesday)": a time told again in another zone is on
        # the day of the first one or the next, the one nearest the article's.
        converted = _CONVERSION_BEFORE.search(ctx.text, max(0, ctx.start - 3), ctx.start)
        wargs = {**args, "nearest": True} if converted else args
        r = _weekday({"weekday": g["weekday"], "shift": g.get("shift")}, wargs, ctx)
        day = r[1][:10] if r else None
    elif g.get("month"):
        r = _date({k: g.get(k) for k in ("month", "day", "year")}, args, ctx)
        day = r[1][:10] if r and len(r[1]) >= 10 else None
    elif g.get("rel"):
        r = _deictic({"word": g["rel"]}, {}, ctx)
        day = r[1][:10] if r else None
    else:
        conv = _CONVERSION_AFTER.match(ctx.text, ctx.end)
        r = _weekday({"weekday": conv["weekday"]}, {"nearest": True}, ctx) if conv else None
        if conv and r:
            # "at about 6:30 a.m. local time (2330 GMT Monday)": the day the other zone's
            # weekday and the two clocks give (here Tuesday).
            there = dt.date.fromisoformat(r[1][:10])
            diff = int(clock[:2]) * 60 + int(clock[3:]) - int(conv["h"]) * 60 - int(conv["m"])
            day = (there + dt.timedelta(days=(diff < -720) - (diff > 840))).isoformat()
    if day is None:
        return None
    if (
        clock == "24:00"
        and day == ctx.dct.isoformat()
        and not (g.get("weekday") or g.get("month") or g.get("rel"))
        and not ctx.future()
        and not ctx.no_past_tense()
        and not _BEFORE_IT.search(ctx.text, max(0, ctx.start - 16), ctx.start)
    ):
        # "conceded defeat shortly after midnight", in the morning's report: the midnight
        # that began the article's day, the end of the day before, not the one still to come.
        day = (ctx.dct - dt.timedelta(days=1)).isoformat()
    return ("TIME", f"{day}T{clock}", mod_of(g, ctx))


_CONVERSION_AFTER = re.compile(
    r"(?:\s+[A-Z]{2,4}|\s+local\s+time)?\s*\((?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s+(?:GMT|UTC)\s+"
    r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\)"
)
# A time told of every day later in its clause (no full stop, comma or "but" between).
_EVERY_DAY_AFTER = re.compile(
    r"(?:[ap]\.m\.|(?!\bbut\b)[^.,;:])*?(?:\b(?:each|every)\s+(?:day|morning|afternoon|evening|night|"
    r"weekday)\b|\b(?:daily|nightly)\b|\bon\s+(?:weekdays|weeknights)\b)",
    re.I,
)
_ON_WEEKDAYS = re.compile(r"\s+on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b")
_EACH_DAY = re.compile(
    r"\b(?:each|every)\s+(?:day|morning|afternoon|evening|night|weekday|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:daily|nightly)\b",
    re.I,
)
_FAR_DAY = 31  # days from the article's


def _background_day(day: str, ctx: Context, in_passing: bool = False) -> bool:
    """ "... April 19, 2027. The record was set in 2011. Runners have until 6 p.m.": a day
    far from the article's, named before the sentence before, was background, not the day a
    bare time or "the evening" is on (but "On March 3, 2019, he left. At 10 p.m. he ..."
    tells that day on, as a sentence that opens with its day does)."""
    if abs((dt.date.fromisoformat(day) - ctx.dct).days) <= _FAR_DAY:
        return False
    since = ctx.sentences_since(ctx.memo.get("day_end", 0))
    # With ``in_passing`` (for a bare clock time, not "the next day", which names its day),
    # nor is one told in passing in the sentence before, when the story's own day is near:
    # "The crossing was closed on March 16, 2020, when ... The ministers attended a
    # ceremony at 9 a.m." (written on the day it reopened).
    near = ctx.memo.get("near_story_day") is not None
    return since > 1 or (in_passing and since == 1 and near and not ctx.memo.get("day_opens"))


# "shortly before midnight", in a report of the day's election: the end of that day.
_BEFORE_IT = re.compile(r"\b(?:before|until|till|by)\s+$", re.I)
_TOLD_FROM_A_DAY_AFTER = re.compile(
    r"\s+(?:on\s+)?(?:the\s+(?:next|following|previous)|that)\s+(?:day|morning|afternoon|evening|night)\b",
    re.I,
)


def _day_after_background(ctx: Context) -> str | None:
    """The day of a bare clock time told after a day in the background: the hour of a
    telling ("told a news conference at 11:00 a.m.") is on the day things were told, the
    article's unless the story said another; any other is on the story's day, if that is
    within a week of the article's. None leaves it to the other rules."""
    if _TOLD_BEFORE_THE_CLOCK.search(
        ctx.text, max(ctx.sentence_start(), ctx.start - 50), ctx.start
    ):
        told = ctx.memo.get("report_day")
        if told and ctx.sentences_since(ctx.memo.get("report_day_end", 0)) <= 1:
            return str(told)
        return ctx.dct.isoformat()
    story = str(ctx.memo["story_day"])
    if abs((dt.date.fromisoformat(story) - ctx.dct).days) <= 7:
        return story
    return None


# A clock time in a sentence about a telling: the hour it was told at ("said in a statement
# issued at 2:30 p.m.", "told a news conference at 10:30 a.m."), not the story's.
_TOLD_BEFORE_THE_CLOCK = re.compile(
    r"\b(?:said|says|told|announced|statement|news\s+conference|press\s+conference|briefing|"
    r"notice|posted|tweeted|wrote)\b"
)
# "..., the office said at 3:15 p.m.": the hour of the saying, the report's day.
_SAID_AT = re.compile(
    r"\b(?:said|says|announced|added|told\s+\w+)\s+(?:shortly\s+|just\s+)?(?:at|after|before)\s+$"
)
_CLOCK_REACH = 400  # characters: about three sentences back
_AT_AFTER_A_DAY = re.compile(r",?\s+(?:at|from|by|until)\s+(?:about\s+|around\s+)?")
# A day that opens or closes a period ("the marketing year that began on July 1", "the three
# months ended March 31", "the season runs from June 1 through Nov. 30").
_PERIOD_BOUND = re.compile(
    r"\b(?:(?:that|which)\s+(?:began|started|opened)|since|ended|ending|ends|through)\s+"
    r"(?:on\s+)?[\w.,' ]{2,24}$"
)
# "2 a.m. on Saturday", "4:17 a.m. (0117 GMT) on Monday", "(0117 GMT) on Monday", "4:17
# p.m. EDT on July 20, 1969" (that year's).
_ON_DAY = re.compile(
    r"\)?(?:\s*\([^()]{1,30}\))?(?:\s+local\s+time)?,?"
    r"\s+on\s+(?P<word>[A-Z][a-z]+\.?)(?:\s+(?P<day>[12]\d|3[01]|0?[1-9])\b"
    r"(?:,\s+(?P<year>1[89]\d\d|20\d\d)\b)?)?"
)
_HOUR_WORDS = "zero one two three four five six seven eight nine ten eleven twelve"
_HOURS_VOCAB = Vocabulary(numbers={w: i for i, w in enumerate(_HOUR_WORDS.split())})


@normalizer
def _elapsed(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "2:09:56": a length of time in hours, minutes and seconds (a race's, a flight's)."""
    if g.get("minute2"):  # "59min 48sec"
        g = {"minute": g["minute2"], "second": g.get("second2")}
    h, m, s = (int(g.get(k) or 0) for k in ("hour", "minute", "second"))
    parts = "".join(f"{n}{u}" for n, u in ((h, "H"), (m, "M"), (s, "S")) if n)
    return ("DURATION", f"PT{parts}", None) if parts else None


_NIGHT_BEFORE_A_NOUN = re.compile(
    r"\s+(?:losses|gains|declines|trading|session|snow|snowfall|frost)\b"
)


@normalizer
def _deictic(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """today, yesterday, tomorrow, tonight (optionally with a part of the day)."""
    if args.get("part"):
        g = {**g, "part": args["part"]}
    w = _clean(g.get("word") or args.get("word"))
    if w == "overnight":
        told = ctx.day_in_sentence()
        if told:
            # "made landfall on Saturday evening and weakened overnight": that day's night;
            # "On Friday, shares recovered from overnight losses": the night before it.
            # (A night not yet over when the article was written is the one before it:
            # "swept across England on Thursday, leaving drivers stranded overnight".)
            night = dt.date.fromisoformat(told)
            if _NIGHT_BEFORE_A_NOUN.match(ctx.text, ctx.end) or (
                night >= ctx.dct and not ctx.future()
            ):
                night -= dt.timedelta(days=1)
            if "had" not in ctx.text[ctx.memo["day_end"] : ctx.start].split():
                return ("TIME", f"{night.isoformat()}TNI", None)
        w = "tonight" if ctx.future() else "yesterday"
    if w not in ctx.vocab.deictic_days:
        return None
    day = cal.add_days(ctx.dct, int(ctx.vocab.deictic_days[w]))
    if w in ("today", "tonight") and not g.get("mod"):
        # '"Tonight our engineers have shown what they can do," he said at a press
        # conference yesterday': the day of the speech, not the report's.
        day = _speech_day(ctx) or day
    if day is None:
        return None
    if w == "tonight":
        return ("TIME", f"{day.isoformat()}TNI", None)
    return _with_part(day.isoformat(), g, ctx, mod_of(g, ctx))


# After a quotation, who said it and the day they said it on: '..." Lanzetti said at a
# press conference in Rome yesterday', '..." the mayor told reporters on Thursday'.
_SPEECH_DAY_AFTER = re.compile(
    r"[^.;:\"“”]{0,80}?\b(?:said|says|told|added|declared|announced)\b"
    r"(?:(?!\b(?:who|which|that|will|would|when|where|after|before)\b)[^.;\"“”]){0,80}?\b"
    r"(?:on\s+)?(?P<day>yesterday|last\s+night|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)


def _speech_day(ctx: Context) -> dt.date | None:
    """The day a quotation holding the expression was spoken on, where the words after it
    tell that day; None when the expression is not quoted or no day is told."""
    text, start = ctx.text, ctx.start
    # Quotation marks are counted from the paragraph's start (a quotation does not run
    # across paragraphs), or from a few sentences back in a very long one.
    lo = text.rfind("\n", 0, start) + 1
    if start - lo > 4000:
        lo = ctx.sentence_start()
    if "“" in text[lo:start]:
        quoted = text.count("“", lo, start) > text.count("”", lo, start)
        close = text.find("”", ctx.end, ctx.end + 400) if quoted else -1
    else:
        quoted = text.count('"', lo, start) % 2 == 1
        close = text.find('"', ctx.end, ctx.end + 400) if quoted else -1
    if close < 0:
        return None
    told = _SPEECH_DAY_AFTER.match(text, close + 1)
    if told is None:
        return None
    word = told.group("day").lower()
    if word in ("yesterday", "last night"):
        return cal.add_days(ctx.dct, -1)
    wd = weekday_num(word, ctx.vocab)
    if wd is None:
        return None
    return cal.add_days(ctx.dct, -((ctx.dct.isoweekday() - wd) % 7))


@normalizer
def _part(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """A part of the article's day: "this morning", "early morning"."""
    part = _part_suffix(g, ctx)
    if not part:
        return None
    day = ctx.dct.isoformat()
    named = ctx.day_in_sentence()
    if args.get("needs_day") and not named:
        return None
    if args.get("follows_day") and named:
        # "disruption on Thursday, because staff will not be in place for early morning
        # trains": the morning of the day the sentence named.
        day = named
    return ("TIME", f"{day}T{part}", mod_of(g, ctx))


@normalizer
def _new_year(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "drags into the new year": the coming year, unless the year has only just begun
    ("since the new year", written in February)."""
    v = cal.fmt_year(ctx.dct.year + (ctx.dct.month >= 3))
    return ("DATE", v, None) if v else None


# An amount compared with the same period of another year: "compared with earnings of $33
# million last year", "from $58 million, or $1.40 a share, last year".
_COMPARED_AMOUNT = re.compile(
    r"\b(?:compared\s+with|from|against|versus|vs\.)\s+(?:[a-z]+\s+){0,3}(?:of\s+)?[$£€]?"
    r"\d[\d.,]*(?:\s+(?:million|billion|cents?|percent))?(?:,\s+or\s+[^,;]{1,24},)?\s+$"
)


# "Gas prices, while lower than in June, are still higher than a year ago": a level now.
_IS_NOW = re.compile(r"\b(?:is|are)\b")
# A figure compared with the same period of another year: "rose 3% from a year earlier".
_COMPARED_WITH = re.compile(
    r"\b(?:from|than|over|on|compared\s+(?:with|to)|versus|vs\.|against)\s+"
    r"(?:[$£€]?\d[\d.,]*%?\s+(?:(?:million|billion|percent|people|patients)\s+)?)?$"
)


def _period_value(unit: str, shift: int, ctx: Context) -> str | None:
    dct = ctx.dct
    if unit == "year":
        return cal.fmt_year(dct.year + shift)
    if unit == "month":
        return cal.fmt_month(*cal.shift_month(dct.year, dct.month, shift))
    if unit in ("week", "weekend"):
        d = cal.add_days(dct, 7 * shift)
        v = cal.fmt_week(d)
        return v + "-WE" if v and unit == "weekend" else v
    if unit == "day":
        d = cal.add_days(dct, shift)
        return d.isoformat() if d else None
    if unit == "quarter":
        y, q = cal.shift_quarter(dct.year, cal.quarter_of(dct), shift)
        return f"{y:04d}-Q{q}" if cal.year_ok(y) else None
    if unit == "decade":
        return str(dct.year // 10 + shift)
    if unit == "century":
        return str(dct.year // 100 + shift)
    return None


_REST_OF = re.compile(r"\brest\s+of\s+$", re.I)


@normalizer
def _weekend(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "the weekend": the coming one when the sentence speaks of the future, else the last."""
    dct = ctx.dct
    if args.get("midweek"):
        dw = dct.isoweekday()
        shift = 7 if dw >= 4 and ctx.future() else -7 if dw <= 2 and not ctx.future() else 0
        w = cal.fmt_week(cal.add_days(dct, shift))
        return ("DATE", w, "MID") if w else None
    day = ctx.memo.get("last_day")
    if day and ctx.sentences_since(ctx.memo.get("day_end", 0)) == 0:
        named = dt.date.fromisoformat(day[:10])
        if g.get("holiday") or (named.isoweekday() >= 5 and abs((named - dct).days) <= 7):
            # "the holiday weekend" after a holiday; "left on Saturday to spend the weekend":
            # the weekend of the day the sentence names.
            v = cal.fmt_week(named)
            return ("DATE", v + "-WE", None) if v else None
    if _REST_OF.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        v = cal.fmt_week(dct)  # "for the rest of the weekend": the one under way
        return ("DATE", v + "-WE", None) if v else None
    # On a Saturday, what a past verb says was done "over the weekend" was done the last one.
    past = not ctx.future() and (
        dct.isoweekday() < 6 or (dct.isoweekday() == 6 and not ctx.no_past_tense())
    )
    v = cal.fmt_week(cal.add_days(dct, -7 if past else 0))
    return ("DATE", v + "-WE", None) if v else None


@normalizer
def _relative(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """this/last/next + calendar unit: "last week" is the week before the article's."""
    unit = unit_name(g.get("unit") or args.get("unit"), ctx.vocab)
    if unit is None:
        return None
    shift = int(args["shift"]) if "shift" in args else shift_of(g.get("shift"), ctx)
    if unit == "week" and shift == 0 and ctx.dct.isoweekday() == 7:
        # A Sunday ends its ISO week: "Bolt will run later this week", written on a Sunday,
        # means the week that starts the next day ("earlier this week" the one ending).
        said = _clean(g.get("mod"))
        if said == "later" or (said != "earlier" and ctx.future()):
            shift = 1
    if unit == "week" and shift == -1 and _clean(g.get("shift")).startswith("the "):
        # "the past week": the seven days up to the article's, most of which lie in the
        # week of three days before (this week's, written on a Friday; last week's, on a
        # Monday).
        v = cal.fmt_week(cal.add_days(ctx.dct, -3))
        return ("DATE", v, mod_of(g, ctx)) if v else None
    if (
        unit == "year"
        and shift == -1
        and _COMPARED_AMOUNT.search(ctx.text, max(ctx.sentence_start(), ctx.start - 80), ctx.start)
    ):
        # "In the latest quarter, Aetna lost $23 million, compared with earnings of $33
        # million last year": the same quarter of last year.
        lq = ctx.quarter_in_view()
        if lq and ctx.start - lq[2] < 1000 and ctx.memo.get("month_end", -1) < ctx.sentence_start():
            return ("DATE", f"{lq[0] - 1:04d}-Q{lq[1]}", mod_of(g, ctx))
    v = _period_value(unit, shift, ctx)
    if v is None:
        return None
    return ("DATE", v, args.get("mod") or mod_of(g, ctx))


@normalizer
def _offset(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "three years ago", "a month earlier": the date that far from the article date."""
    vocab = ctx.vocab
    unit = unit_name(g.get("unit"), vocab)
    if unit is None:
        return None
    sign = -1 if _clean(g.get("dir")) in ("ago", "earlier", "before", "back", "previously") else 1
    n = number(g.get("num"), vocab)
    mod = mod_of(g, ctx) or ("APPROX" if g.get("orso") else None)
    clock = bool(ctx.vocab.units[unit].get("clock"))
    if n is None or (clock and _clean(g.get("dir")) != "ago"):
        # "five hours earlier" counts from a time the story names, not the article's date:
        # even its day is unknown.
        return ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if n != int(n):
        return None
    k = int(n) * sign
    if args.get("day") and unit in ("year", "month", "week"):
        # "One year ago today": the day itself, that far back.
        if unit == "week":
            day = cal.add_days(ctx.dct, 7 * k)
        else:
            y, m = cal.shift_month(ctx.dct.year, ctx.dct.month, k * (12 if unit == "year" else 1))
            day = cal.safe_date(y, m, min(ctx.dct.day, 28 if m == 2 else ctx.dct.day))
        return ("DATE", day.isoformat(), mod) if day else None
    if (
        unit == "year"
        and k == -1
        and _COMPARED_WITH.search(ctx.text, max(0, ctx.start - 60), ctx.start)
    ):
        # "Retail sales rose 1.9 percent in March from a year earlier": March of that year.
        opened, month = ctx.memo.get("sentence_month", (-1, ""))
        before = cal.fmt_month(int(month[:4]) - 1, int(month[5:7])) if month else None
        if (
            opened == ctx.sentence_start()
            and before
            and not _IS_NOW.search(ctx.text, opened, ctx.start)
        ):
            return ("DATE", before, mod)
    if (
        _clean(g.get("dir")) == "earlier"
        and ctx.memo.get("last_day")
        and _APPOSITION.fullmatch(ctx.text, ctx.memo.get("day_end", -9), ctx.start)
    ):
        # "reached the top on May 12, ten days earlier": the day just named, told again by
        # its distance from the story's.
        return ("DATE", ctx.memo["last_day"], mod)
    if _clean(g.get("dir")) == "earlier":
        # "earlier" counts from the date the story just named; "later" is left to the
        # duration rules ("three days later" is the duration "three days" in TimeML).
        anchored = _from_anchor(unit, k, ctx)
        if anchored is not None:
            return ("DATE", anchored, mod)
    dct = ctx.dct
    if unit in ("year", "decade", "century", "millennium"):
        k *= int(vocab.units[unit].get("times", 1))
        lq = ctx.quarter_in_view()
        month_here = ctx.memo.get("month_end", -1) >= ctx.sentence_start()
        if unit == "year" and abs(k) == 1 and lq and ctx.start - lq[2] < 1000 and not month_here:
            # "the third quarter ... a year earlier": the same quarter of that year.
            return ("DATE", f"{lq[0] + k:04d}-Q{lq[1]}", mod)
        v = cal.fmt_year(dct.year + k)
        if v and unit in ("century", "millennium"):
            # "more than a century ago" names a century, not the one year 1924.
            v = v[: 2 if unit == "century" else 1]
    elif unit == "month":
        v = cal.fmt_month(*cal.shift_month(dct.year, dct.month, k))
    elif unit in ("week", "fortnight"):
        v = cal.fmt_week(cal.add_days(dct, 7 * k * (2 if unit == "fortnight" else 1)))
    elif unit == "weekend":
        # "two weekends ago": the weekend of the week two weeks back.
        v = cal.fmt_week(cal.add_days(dct, 7 * k))
        v = v + "-WE" if v else None
    elif unit == "day":
        d = cal.add_days(dct, k)
        v = d.isoformat() if d else None
    elif unit == "quarter":
        y, q = cal.shift_quarter(dct.year, cal.quarter_of(dct), k)
        v = f"{y:04d}-Q{q}" if cal.year_ok(y) else None
    else:
        # Hours and minutes ago need the article's time of day, which a date does not give;
        # a day's worth of them at least moves the day ("Just 24 hours ago").
        back = cal.add_days(dct, -(-k // 24)) if unit == "hour" and k <= -24 else dct
        v = back.isoformat() if back else None
    return ("DATE", v, mod) if v else None


# How far back (in characters) a date may be named and still anchor "four years later".
ANCHOR_REACH = 300
_ANCHOR_OF = {"day": "day", "week": "day", "fortnight": "day", "month": "month", "year": "year",
              "decade": "year"}  # fmt: skip


def _from_anchor(unit: str, k: int, ctx: Context) -> str | None:
    """ "on March 3 ... two days earlier": the value that far from the date the text named
    just before (at the unit's granularity), if it named one."""
    kind = _ANCHOR_OF.get(unit)
    if kind is None:
        return None
    ref = ctx.memo.get("last_" + kind)
    if ref is None or ctx.start - ctx.memo.get(kind + "_end", -ANCHOR_REACH) > ANCHOR_REACH:
        return None
    if kind == "year":
        if unit == "year" and abs(k) == 1 and ctx.quarter_in_view():
            return None  # "a year earlier" in a report of quarters: the quarter's own rule
        return cal.fmt_year(int(ref) + k * (10 if unit == "decade" else 1))
    if kind == "month":
        return cal.fmt_month(*cal.shift_month(int(ref[:4]), int(ref[5:7]), k))
    day = cal.add_days(dt.date.fromisoformat(ref), k * {"day": 1, "week": 7, "fortnight": 14}[unit])
    if day is None:
        return None
    return day.isoformat() if unit == "day" else cal.fmt_week(day)


def duration_value(n: float | None, unit: str, vocab: Vocabulary) -> str | None:
    spec = vocab.units[unit]
    code = str(spec["code"])
    t = "T" if spec.get("clock") else ""
    if n is None:
        return f"P{t}X{spec.get('vague', code)}"
    if n <= 0:
        return None
    n = n * float(spec.get("times", 1))
    if code == "WE":
        code, n = "D", n * 2
    if n != int(n) and (code, bool(t)) in _SMALLER:
        # "2 1/2 years" is P2Y6M: a fraction is written in the next smaller unit.
        small, per = _SMALLER[(code, bool(t))]
        rest = (n - int(n)) * per
        if rest == int(rest):
            whole = f"{int(n)}{code}" if int(n) else ""
            if code == "D":
                return f"P{whole}T{int(rest)}{small}"
            return f"P{t}{whole}{int(rest)}{small}"
    num = str(int(n)) if n == int(n) else f"{n:g}"
    return f"P{t}{num}{code}"


_SMALLER = {("Y", False): ("M", 12), ("W", False): ("D", 7), ("D", False): ("H", 24),
            ("H", True): ("M", 60), ("M", True): ("S", 60)}  # fmt: skip


@normalizer
def _duration(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "44 days", "six-week", "two and a half years", "weeks" (PXW)."""
    vocab = ctx.vocab
    unit = unit_name(g.get("unit"), vocab)
    if unit is None:
        return None
    if (g.get("unit") or "x")[0].isupper() and _NAME_AFTER.match(ctx.text, ctx.end):
        return None  # "the eight Millennium Development Goals", "the Six-Day War": a name
    raw = _clean(g.get("num")) or str(args.get("num", ""))
    if g.get("halfpre"):
        raw = "0.5"
    n = None if not raw or raw in vocab.vague_quantities else number(raw, vocab)
    if raw and n is None and raw not in vocab.vague_quantities:
        return None
    if raw in ("couple of", "a couple of"):
        n = 2.0
    if unit == "quarter" and (raw in ("a", "an", "one") or ctx.text.startswith(" of", ctx.end)):
        return None  # "a quarter", "three quarters of": fractions, not periods
    if unit == "second" and raw in ("a", "an") and _ORDINAL_NOUN.match(ctx.text, ctx.end):
        return None  # "for a second night", "a second term": the ordinal, not a duration
    if _AGED_BEFORE.search(ctx.text, max(0, ctx.start - 34), ctx.start):
        return None  # "children aged up to three years": an age, no length of time
    if raw in ("a", "an") and (
        _COMPOUND_HEAD_AFTER.match(ctx.text, ctx.end)
        or (unit == "day" and _A_DAY_LIKE_AFTER.match(ctx.text, ctx.end))
        or (
            _BE_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start)
            and _OF_ITS_KIND_AFTER.match(ctx.text, ctx.end)
        )
    ):
        # "A night guard found the frames": a noun's first word; "This is not a day to be
        # running", "It was a day when ...": what sort of day, not how long.
        return None
    if n is not None and (g.get("frac") or g.get("half") or g.get("andhalf")):
        n += _fraction(g["frac"]) if g.get("frac") else 0.5
    v = duration_value(n, unit, vocab)
    return ("DURATION", v, mod_of(g, ctx)) if v else None


_NAME_AFTER = re.compile(r"[ -][A-Z]")
_COMPOUND_HEAD_AFTER = re.compile(
    r"\s+(?:guards?|shifts?|watchman|watchmen|clubs?|nurses?|porters?|school|care|jobs?|"
    r"workers?|labourers?|laborers?|pass|passes|tickets?|centres?|centers?|shelters?)\b"
)
# (and its unit alone: "aged between six months and 60 years")
_AGED_BEFORE = re.compile(
    r"\baged\s+(?:(?:up\s+to|under|over|between|from)\s+)?(?:(?:[\w.-]+\s+){1,2}(?:and|to)\s+)?"
    r"(?:(?!for\b)[\w.-]+\s+)?$",
    re.I,
)
_A_DAY_LIKE_AFTER = re.compile(r"\s+like\s+(?:this|that|today)\b")
_BE_BEFORE = re.compile(
    r"\b(?:is|was|be|been|are|were)\s+(?:not\s+|just\s+|also\s+)?$|['’]s\s+$", re.I
)
_OF_ITS_KIND_AFTER = re.compile(
    r"\s+(?!to\s+the\s+day)(?:when|to|that|like|any|we|I|you|they|he|she|which|where|in\s+which|"
    r"for|of)\b"
)
# "a second" followed by a noun it counts ("a second night") rather than by a word that may
# follow a duration ("a second later", "for a second, he paused").
_ORDINAL_NOUN = re.compile(
    r"[ \t]+(?!(?:or|and|later|earlier|ago|before|after|longer|each|to|in|of|at|on|for|when|"
    r"than|behind|too|or\s+two)\b)[a-z]"
)
# The parts of an ISO 8601 duration, largest first: (unit, designator, after "T").
_PARTS = (("year", "Y", False), ("month", "M", False), ("day", "D", False),
          ("hour", "H", True), ("minute", "M", True), ("second", "S", True))  # fmt: skip


@normalizer
def _compound_duration(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "1 hour 59 minutes and 40 seconds" → PT1H59M40S: each unit once, largest first."""
    amounts: dict[str, int] = {}
    last = -1
    for i in (1, 2, 3):
        word, unit_word = g.get(f"n{i}"), g.get(f"u{i}")
        if not word or not unit_word:
            continue
        unit = unit_name(unit_word, ctx.vocab)
        n = 1.0 if _clean(word) in ("a", "an") else number(word, ctx.vocab)
        if unit in ("week", "fortnight"):
            n, unit = (None if n is None else n * (14 if unit == "fortnight" else 7)), "day"
        rank = next((k for k, part in enumerate(_PARTS) if part[0] == unit), None)
        if unit is None or n is None or n != int(n) or n <= 0 or rank is None or rank <= last:
            return None  # not a length written largest unit first
        if amounts and n >= _MOST_OF[unit]:
            return None  # "six years and 18 months (respectively)": two lengths, not one
        amounts[unit] = amounts.get(unit, 0) + int(n)
        last = rank
    date = "".join(f"{amounts[u]}{d}" for u, d, t in _PARTS if u in amounts and not t)
    time = "".join(f"{amounts[u]}{d}" for u, d, t in _PARTS if u in amounts and t)
    return ("DURATION", "P" + date + (f"T{time}" if time else ""), mod_of(g, ctx))


# A smaller unit of one length told in falling units stays below the next larger one.
_MOST_OF = {"year": 10**9, "month": 12, "day": 31, "hour": 24, "minute": 60, "second": 60}


def _fraction(text: str | None) -> float:
    m = re.fullmatch(r"\s*(\d)/(\d)\s*", text or "")
    return int(m.group(1)) / int(m.group(2)) if m and int(m.group(2)) else 0.0


@normalizer
def _decade(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "the 1990s" → 199, "the '80s" → 198 (the century nearest the article); "the first
    half of" one (or of "this century") is its START, the second its END."""
    if g.get("half"):
        g = {**g, "mod": "early" if ordinal(g["half"], ctx.vocab) == 1 else "late"}
    if g.get("ord"):
        return _century(g, args, ctx)
    if g.get("cshift"):  # "the second half of this century"
        century = ctx.dct.year // 100 + shift_of(g["cshift"], ctx)
        return ("DATE", f"{century:02d}", mod_of(g, ctx))
    d = g.get("decade") or g.get("decade2") or ""
    if g.get("word"):
        tens = ctx.vocab.numbers.get(_clean(g["word"])[:-3] + "y", 0)  # "nineties" -> ninety
        d = str(tens // 10) if 20 <= tens <= 90 else ""
    if len(d) == 3:
        if d.endswith("0") and d < "200":
            # "the 1800s", "the early 1900s": a century (TIMEX3 "18"), not its first decade
            # (but "the 2000s" are the decade, as they are usually meant).
            return ("DATE", d[:2], mod_of(g, ctx))
        return ("DATE", d, mod_of(g, ctx))
    if len(d) == 1:
        y = _year({"year": d + "0"}, ctx) or 0
        return ("DATE", str(y // 10), mod_of(g, ctx))
    return None


@normalizer
def _century(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "the 20th century" → 19."""
    n = ordinal(g.get("ord"), ctx.vocab)
    if n is None or not 1 <= n <= 99:
        return None
    return ("DATE", f"{n - 1:02d}", mod_of({"mod": g.get("edge") or g.get("mod")}, ctx))


@normalizer
def _spelled_year(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "nineteen ninety-six" → 1996, "two thousand" → 2000."""
    vocab = ctx.vocab
    hi = number(g.get("hi") or g.get("hi2"), vocab)
    lo_word = g.get("lo") or g.get("lo2")
    lo = number(lo_word, vocab) if lo_word else 0.0
    if hi is None or lo is None or lo >= 100:
        return None  # "eighteen thousand" (jobs) is a count, not the year 2800
    y = int(hi) * (1000 if g.get("thousand") else 100) + int(lo)
    if g.get("month"):
        m = month_num(g["month"], vocab)
        return ("DATE", f"{y:04d}-{m:02d}", mod_of(g, ctx)) if m else None
    if g.get("season"):
        return ("DATE", f"{y:04d}-{vocab.seasons[_clean(g['season'])]}", mod_of(g, ctx))
    v = cal.fmt_year(y)
    return ("DATE", v, mod_of(g, ctx)) if v else None


# A nation's own day: "its 63rd Independence Day", "India's Independence Day".
_A_NATIONS_DAY = re.compile(
    r"(?:\b(?:its|their|our)|['’]s|\d(?:st|nd|rd|th)|\b(?!American\b)[A-Z][a-z]+(?:an|ese|i|ish))\s+$"
)


# A period named by a holiday: "The Easter school break started last Friday" is this year's.
_HOLIDAY_PERIOD_AFTER = re.compile(
    r"\s+(?:school\s+)?(?:break|holidays?|recess|vacation|season|period|rush|getaway|shopping)\b"
)


@normalizer
def _holiday(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """Named holidays, in the year given or the nearest year the sentence implies."""
    name = _clean(g.get("holiday")).replace("’", "'")
    spec = ctx.vocab.holidays.get(name)
    if spec is None:
        return None
    if name == "independence day" and _A_NATIONS_DAY.search(
        ctx.text, max(0, ctx.start - 40), ctx.start
    ):
        return None  # "Pakistan marked its 63rd Independence Day": not the Fourth of July

    def named(year: int) -> dt.date | None:
        """The day meant in ``year``: the holiday, or a day told from it."""
        day = cal.holiday_date(spec, year)
        eve = _clean(g.get("eve"))
        wd = weekday_num(g.get("weekday"), ctx.vocab)
        if day is None:
            return None
        if eve:
            return cal.add_days(day, 1 if eve.endswith("after") else -1)
        if wd is not None:
            # "the Sunday after Thanksgiving": the first such weekday on that side of it.
            if _clean(g.get("wddir")) == "after":
                return cal.add_days(day, (wd - day.isoweekday()) % 7 or 7)
            return cal.add_days(day, -((day.isoweekday() - wd) % 7 or 7))
        return day

    y = _year(g, ctx)
    told = _EVENT_OF_A_YEAR.match(ctx.text, ctx.end) if y is None else None
    if told:
        y = int(told.group(1))  # "the Presidents' Day storm of 2003"
    opening = (
        _OPENING_SHIFT.match(ctx.text, ctx.sentence_start(), ctx.start)
        if y is None and not g.get("shift")
        else None
    )
    if opening is not None:
        y = ctx.dct.year + (1 if opening.group(2) else -1)
    if y is None:
        dct = ctx.dct
        cands = [(yy, named(yy)) for yy in (dct.year - 1, dct.year, dct.year + 1)]
        days = [(yy, d) for yy, d in cands if d is not None]
        if not days:
            return None
        k = shift_of(g.get("shift"), ctx) if g.get("shift") else None
        if k is not None and k < 0:
            past = [d for _, d in days if d < dct]
            day = past[-1] if past else None
        elif k is not None and k > 0 or ctx.future():
            fut = [d for _, d in days if d >= dct]
            day = fut[0] if fut else None
        elif ctx.past_verb_before() or (
            not ctx.no_past_tense()
            and not any(0 <= (d - dct).days <= 60 for _, d in days)
            and not _BEFORE_IT.search(ctx.text, max(0, ctx.start - 16), ctx.start)
        ):
            # "Churches were full on Easter", written in December: this year's, gone by
            # (or begun: "as Easter week began", "fell over the Labor Day weekend"); but one
            # a few weeks off is still the one meant ("the countdown to Christmas began"), as
            # is one a deadline is set by ("said a decision was unlikely before Christmas"),
            # unless it is the day of a thing done ("Stores were busy on Black Friday").
            begun = (
                7 if g.get("week") else 3 if g.get("weekend") else
                21 if _HOLIDAY_PERIOD_AFTER.match(ctx.text, ctx.end) else 0
            )  # fmt: skip
            past = [d for _, d in days if (d - dct).days <= begun]
            day = past[-1] if past else None
        else:
            day = min((d for _, d in days), key=lambda d: abs((d - dct).days))
    else:
        day = named(y)
    if day is None:
        return None
    if g.get("weekend"):
        # The weekend a holiday makes long: before a Monday or Tuesday, after a Thursday or
        # Friday, its own for Easter.
        day = cal.add_days(day, -(day.isoweekday() + 1) if day.isoweekday() <= 2 else 0)
        v = cal.fmt_week(day)
        return ("DATE", v + "-WE", None) if v else None
    if g.get("week"):
        v = cal.fmt_week(day)
        return ("DATE", v, None) if v else None
    return _with_part(day.isoformat(), g, ctx, mod_of(g, ctx))


@normalizer
def _quarter_ref(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "the quarter", "the latest quarter", "the year-earlier quarter": the quarter under
    discussion (the last one named), else the latest complete quarter (but "The quarter
    ended 13-19" is a game's)."""
    lq = ctx.last_quarter
    if lq is None and ctx.about_a_game():
        return None
    latest = cal.shift_quarter(ctx.dct.year, cal.quarter_of(ctx.dct), -1)
    y, q = (lq[0], lq[1]) if lq else latest
    if g.get("latest") and (y, q) > latest and not (lq and ctx.memo.get("quarter_reported")):
        y, q = latest  # "the latest quarter" has ended: not one still to come
    if g.get("quarter"):
        q = ordinal(g["quarter"], ctx.vocab) or q
        if not 1 <= q <= 4:
            return None
    y += int(args.get("years", 0))
    if g.get("year"):
        y = int(g["year"] or 0)
        if not g.get("quarter") and "months_end" in ctx.memo and ctx.quarter_in_view() is None:
            # "in the first nine months ... the 1988 period": those months of 1988
            v = cal.fmt_year(y)
            return ("DATE", v, None) if v else None
    return ("DATE", f"{y:04d}-Q{q}", mod_of(g, ctx)) if cal.year_ok(y) else None


@normalizer
def _quarter_ending(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "the quarter ended Sept. 30": the calendar quarter of the last such day by the article's
    (or, for "ending", the nearest such day either side); but the quarter the story has named
    already, which may be a fiscal one ("its fiscal first quarter ... the quarter ended Sept.
    29")."""
    m, d = month_num(g.get("month"), ctx.vocab), int(g.get("day") or 0)
    if ctx.last_quarter or m is None or not 1 <= d <= 31:
        return _quarter_ref(g, args, ctx)
    dct = ctx.dct
    if _clean(g.get("ended")) == "ended":
        y = dct.year if (m, d) <= (dct.month, dct.day) else dct.year - 1
    else:
        days = {y: cal.safe_date(y, m, d) for y in (dct.year - 1, dct.year, dct.year + 1)}
        near = [(abs((day - dct).days), y) for y, day in days.items() if day is not None]
        if not near:
            return None
        y = min(near)[1]
    return ("DATE", f"{y:04d}-Q{(m - 1) // 3 + 1}", None) if cal.year_ok(y) else None


@normalizer
def _year_ago(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "year-earlier", "year-ago" (results): the quarter under discussion a year back, or
    simply the year before the article's."""
    lq = ctx.quarter_in_view()
    if lq and ctx.start - lq[2] < 1000 and cal.year_ok(lq[0] - 1):
        return ("DATE", f"{lq[0] - 1:04d}-Q{lq[1]}", None)
    v = cal.fmt_year(ctx.dct.year - 1)
    return ("DATE", v, None) if v else None


@normalizer
def _week_of_month(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "the second week of July": the ISO week of July 11, the last week that of the
    month's fourth-last day (so each holds at least four of the month's days)."""
    m = month_num(g.get("month"), ctx.vocab)
    if m is None:
        return None
    y = _year(g, ctx)
    if y is None:
        y = _infer_year(m, None, None, ctx)
    nth = _clean(g.get("nth"))
    if nth in ("last", "final"):
        ny, nm = cal.shift_month(y, m, 1)
        day = cal.add_days(dt.date(ny, nm, 1), -4) if cal.year_ok(ny) else None
    else:
        day = cal.safe_date(y, m, 4 + 7 * ((ordinal(nth, ctx.vocab) or 1) - 1))
    v = cal.fmt_week(day) if day else None
    return ("DATE", v, mod_of(g, ctx)) if v else None


@normalizer
def _month_of_year_named(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "November of that year", "the autumn of that year": the month or season in the
    year named last, if one was."""
    year = ctx.memo.get("last_year")
    if year is not None and g.get("season"):
        return ("DATE", f"{year}-{ctx.vocab.seasons[_clean(g['season'])]}", mod_of(g, ctx))
    month = month_num(g.get("month"), ctx.vocab)
    if year is None or month is None:
        return None
    v = cal.fmt_month(int(year), month)
    return ("DATE", v, mod_of(g, ctx)) if v else None


_VAGUE_COUNTS = frozenset(("few", "several"))
# A number and the (one or two words of) things it counts: "160,000 Americans ", "six hours ".
_COUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|thousand|million|billion|dozen|hundreds|thousands|millions|"
    r"dozens))\s+(?:[a-z][\w-]*\s+){1,2}(?:of\s+(?:[a-z][\w-]*\s+){1,2})?$",
    re.I,
)


@normalizer
def _set(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """Recurring times: "daily", "every year", "each Monday", "twice a week", "Tuesday nights"."""
    vocab = ctx.vocab
    if args.get("after_count") and not _COUNT_BEFORE.search(
        ctx.text, max(0, ctx.start - 60), ctx.start
    ):
        return None  # "was given a year": no count of things each period
    if g.get("freq"):
        v = vocab.frequencies.get(_clean(g["freq"]))
        return ("SET", v, None) if v else None
    if g.get("daypart"):
        g = {**g, "part": g["daypart"]}  # "every morning"
    part = _part_suffix(g, ctx)
    suffix = f"T{part}" if part else ""
    if g.get("weekday"):
        wd = weekday_num(g["weekday"], vocab)
        return ("SET", f"XXXX-WXX-{wd}{suffix}", None) if wd else None
    if g.get("month"):
        m = month_num(g["month"], vocab)
        return ("SET", f"XXXX-{m:02d}", None) if m else None
    if g.get("season"):
        return ("SET", f"XXXX-{vocab.seasons[_clean(g['season'])]}", None)
    if part:
        return ("SET", f"XXXX-XX-XX{suffix}", None)
    unit = unit_name(g.get("unit"), vocab)
    if unit is None:
        return None
    raw = _clean(g.get("num"))
    if unit == "weekend":
        # "every weekend" is XXXX-WXX-WE; "every other weekend" every second week.
        return (
            ("SET", "P2W" if raw == "other" else "XXXX-WXX-WE", None)
            if raw in ("", "other")
            else None
        )
    if raw in ("other", "couple of"):
        n: float | None = 2.0
    elif raw in _VAGUE_COUNTS:
        n = None  # "every few years": PXY
    else:
        n = number(raw, vocab) if raw else 1.0
    v = duration_value(n, unit, vocab)
    return ("SET", v, None) if v else None


@normalizer
def _anaphor(g: dict[str, str | None], args: dict[str, Any], ctx: Context) -> Result:
    """ "the following year", "that day", "the next morning": relative to the last date of
    that granularity (a part of the day belongs to the last day named)."""
    if args.get("shift"):
        g = {**g, "shift": args["shift"], "unit": args.get("unit")}  # "the day before"
    unit = "day" if g.get("part") else unit_name(g.get("unit"), ctx.vocab)
    if unit in ("week", "weekend"):
        # "that weekend", "the following week": told from the day named last, if lately.
        day = ctx.memo.get("last_day")
        if day is None or ctx.start - ctx.memo.get("day_end", -ANCHOR_REACH) > ANCHOR_REACH:
            return None
        if (
            "next" in _clean(g.get("shift"))
            or not g.get("shift")
            and "same" in _clean(ctx.text[ctx.start : ctx.end])
        ):
            # "over the next week" looks ahead from the article's day, and "the same week a
            # year earlier" is another year's
            return None
        d = cal.add_days(dt.date.fromisoformat(day[:10]), 7 * shift_of(g.get("shift"), ctx))
        w = cal.fmt_week(d) if d else None
        return ("DATE", w + ("-WE" if unit == "weekend" else ""), None) if w else None
    ref: str | None = ctx.memo.get("last_" + (unit or ""))
    past = unit == "day" and not ctx.no_past_tense() and not ctx.future()
    if (
        unit == "day"
        and ref is not None
        and (_background_day(ref, ctx) or (past and ref > ctx.dct.isoformat()))
    ):
        ref = None  # a day the story has left, or one still to come for what was done
    elif (
        unit == "day"
        and ref is not None
        and ctx.memo.get("year_end", -1) > ctx.memo.get("day_end", -1)
        and ctx.memo.get("last_year") != ref[:4]
    ):
        # "... at 7 p.m., around the time in 1989 when ... Crowds crossed the next morning":
        # the story has gone to another year since the day, and no day of it is known.
        ref = None
    if ref is None and unit == "day" and args.get("or_today"):
        ref = ctx.dct.isoformat()  # "earlier in the day", with no day named before
        if past and _clean(g.get("part")) == "night":
            # "rescuers worked through the night": the night the article's day began with
            ref = (ctx.dct - dt.timedelta(days=1)).isoformat()
    if unit is None or ref is None:
        return None
    shift = shift_of(g.get("shift"), ctx)
    if unit == "year":
        v = cal.fmt_year(int(ref) + shift)
    elif unit == "day":
        d = cal.add_days(dt.date.fromisoformat(ref), shift)
        if d is None:
            return None
        return _with_part(d.isoformat(), g, ctx, mod_of(g, ctx))
    else:
        y, m = int(ref[:4]), int(ref[5:7])
        v = cal.fmt_month(*cal.shift_month(y, m, shift))
    return ("DATE", v, mod_of(g, ctx)) if v else None
