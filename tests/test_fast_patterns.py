"""Patterns written for speed find what the plain patterns find, and the quick tests that
stand before a search turn down only texts the search would turn down.

A pattern that starts with a lookbehind, a word boundary or alternatives is tried at every
position; one that starts with a character class lets the regex engine skip ahead in C. The
rewritten patterns below must give the same matches as the patterns first written.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from studykit import generate, mentions, select
from studykit.text import finditer_at
from studykit.timex import engine, normalize
from studykit.timex.grammar import _alternation, _grouped_alternation


def _spans(pattern: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[tuple[int, int], ...]]:
    return [(m.span(), *(m.span(g) for g in range(1, pattern.groups + 1)))
            for m in pattern.finditer(text, pos)]  # fmt: skip


_PLAIN_DIGITS = re.compile(r"(?<![\d.,$£€])\d+(?![\d%]|[.,]\d{3}\b|,\d)")
_PLAIN_SENT_END = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"'“‘])|\n\s*\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,$£€%a \n٣", max_size=40), st.integers(0, 5))
@example("1,000 and 2.5% of $30, 4,5", 0)
@example("a1 12.345.6", 3)
def test_digit_anchors_are_those_of_the_plain_pattern(text: str, pos: int) -> None:
    assert _spans(engine._DIGITS, text, pos) == _spans(_PLAIN_DIGITS, text, pos)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?\n \t\"'”’“‘Aa\u2003", max_size=40), st.integers(0, 5))
@example("Yes. A\n\n \nB. 'c", 0)
@example('every day."  The', 0)
def test_sentence_ends_are_those_of_the_plain_pattern(text: str, pos: int) -> None:
    assert _spans(normalize._SENT_END, text, pos) == _spans(_PLAIN_SENT_END, text, pos)
    end = max(pos, len(text) - 3)  # the normalizers search up to the expression
    fast = [m.span() for m in normalize._SENT_END.finditer(text, pos, end)]
    assert fast == [m.span() for m in _PLAIN_SENT_END.finditer(text, pos, end)]


_CUES = ["will", "would be", "plans to", "planned", "planned to", "'ll", "to begin", "expected",
         "expects", "due by", "due back", "set to", "tomorrow", "kicks off"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_CUES, "WILL", "Plans  To", "’ll", "ſet to", "x", ",", " "]), max_size=8
    ).map(" ".join)  # fmt: skip
)
@example("it planned to go; they'll say it was expected")
def test_grouped_alternation_matches_as_the_plain_one(text: str) -> None:
    plain = re.compile(rf"(?<!\w){_alternation(_CUES, set())}(?!\w)", re.I)
    grouped = re.compile(rf"(?<!\w){_grouped_alternation(_CUES)}(?!\w)", re.I)
    assert _spans(grouped, text) == _spans(plain, text)


def test_grouped_alternation_leaves_words_of_other_first_letters_alone() -> None:
    # Two first letters that may be one letter in two cases are not grouped.
    assert _grouped_alternation(["σa", "ςb"]) == _alternation(["σa", "ςb"], set())
    assert _grouped_alternation(["", "a"]) == _alternation(["", "a"], set())


_BYLINE_PIECES = ["contributed to this", "article", "I'm", "I am", "this is", "reporting",
                  "from", "for", "in", "John", "Smith", "A.", "said", ",", "\n"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BYLINE_PIECES), max_size=8).map(" ".join))
@example("I'm John Smith reporting")
@example("Jane Doe contributed to this report.")
def test_byline_test_agrees_with_searching(text: str) -> None:
    assert generate._has_byline(text) == bool(generate._BYLINE.search(text))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["May", "3", "monday", "Mondays", "week", "_", "x1", "of", "-", ",", "\n"]),
        max_size=10,
    ).map(" ".join)
)
@example("the_week of May 3, 2020-05")
def test_anchor_words_of_an_ascii_text_are_those_of_the_token_pattern(text: str) -> None:
    # An ASCII text's words are found on its bytes; a text with a letter beyond ASCII after
    # it goes through ``_TOKEN``, and must give the same anchors before that letter.
    eng = engine.default_engine()
    assert eng._anchor_positions(text) == eng._anchor_positions(text + " é")


def _endings() -> list[generate._Ending]:
    found = [v for v in vars(generate).values() if isinstance(v, generate._Ending)]
    return [*found, generate._or_conversion()[0]]


_TAIL_PIECES = ["said", "told", "reporters", "on", "late", "from", "$", "(", "about", "US",
                "2015", "May 3", "Monday", ",", "and", "to", "-", "–", "months", "ended",
                "percent", "5%", "closing", "price", "miles", "north", "of", "the", "12",
                "km", "or", "some", "acres", "rose", "up", "by", "nearly", "rallied", " ", "\n",
                "x"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_TAIL_PIECES), max_size=9).map(" ".join)
    | st.lists(st.sampled_from(_TAIL_PIECES), max_size=9).map("".join),
    st.integers(0, 6),
)
@example("officials said on", 0)
@example("told reporters late\n", 0)
@example("from November 20 to", 0)
@example("50 miles (about US$", 0)
@example("153,336 acres, or about", 0)
def test_endings_turn_down_only_texts_the_search_turns_down(text: str, pos: int) -> None:
    for ending in _endings():
        fast = ending.search(text, pos)
        plain = ending.pattern.search(text, pos)
        assert (fast and fast.span()) == (plain and plain.span()), ending.pattern.pattern


_ORDER_PIECES = [
    "Rose",
    "ROSE",
    "risen",
    "fell",
    "up",
    "Up",
    "down",
    "between",
    "1st",
    "22nd",
    "of",
    "OF",
    "the",
    "Their",
    "all",
    "short",
    "shorts",
    "_____",
    ",",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ORDER_PIECES), max_size=8).map(" ".join))
@example("ranked 143RD out of _____")
@example("OF The _____")
def test_order_words_in_lower_case_are_those_the_plain_pattern_finds(text: str) -> None:
    # For an ASCII text only (see ``select._order_bounds``).
    plain = select._ORDER_WORD.search(text)
    fast = select._ORDER_WORD_LOWER.search(text.lower())
    assert (fast and fast.span()) == (plain and plain.span())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '\"“”‘’\n.", max_size=40))
@example("it's 'a quote' and \"another\" one")
@example("x'abc'")
def test_quotes_are_found_where_the_quote_pattern_finds_them(text: str) -> None:
    fast = [m.span() for m in finditer_at(mentions._QUOTE, mentions._QUOTE_START, text)]
    assert fast == [m.span() for m in mentions._QUOTE.finditer(text)]


_BEFORE_A_COUNT = ["US$", "$", "€ ", "£\n", "HK", "A", "the", "Chivay,", "where", "at least",
                   "Lima, where", " ", "\t", "x"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_A_COUNT), max_size=6).map(" ".join))
@example("the town of Chivay, where ")
@example("cost US$ ")
def test_what_comes_before_a_count_is_what_the_searches_find(before: str) -> None:
    text = before + "12 people"
    start = len(before)
    where = mentions._WHERE_BEFORE.search(text, max(0, start - 80), start)
    assert mentions._located_before(text, start) == (where.group(1) if where else "")
    currency = mentions._CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    noun, _ = mentions._quantity(text, start, start + 2)
    if currency:
        assert noun == mentions._CURRENCIES[currency.group(1)]
    else:
        assert noun not in mentions._CURRENCIES.values()


_QUESTION_PIECES = ["More Than", "at LEAST", "leaſt", "over", "upwards of", "fewer than",
                    "less than", "under", "up to", "_____", "%", "percent", "per  cent", "of",
                    "fell", "by", "about", "magnitude", "MAGNITUDE", "ages", "age of", "at",
                    "ſome", ",", "-", "\n"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_QUESTION_PIECES), max_size=8).map(" ".join))
@example("more than _____ scientists")
@example("fell by about _____ percent")
@example("a magnitude-_____ quake")
@example("at leaſt _____ people")
def test_the_quick_tests_of_a_count_question_agree_with_searching(question: str) -> None:
    low = question.lower()
    if select._BOUND_BEFORE.search(question):
        assert any(w in low for w in select._BOUND_WORDS)
    if select._A_SHARE.search(question):
        assert select._SHARE_OF_BLANK.search(question)
    if select._MAGNITUDE.search(question):
        assert "magn" in low
    if select._AGE_BLANK.search(question):
        assert "age" in question


_WINDOW_PIECES = ["Rose", "rose", "FELL", "to", "TO", "from", "From", "_____", "$4.5", "57",
                  "1,200", "of", "the", "143rd", "out", "between", "And", "up", "down",
                  "above", "analysts'", "estimates", "below", "percent", "%", ",", "followed",
                  "by", "with", "required", "more than", "an earlier estimate of", "carried",
                  "votes", "a vote of"]  # fmt: skip


def _order_bounds_as_first_written(question: str) -> tuple[float | None, float | None]:
    found: list[float | None] = [None, None]
    i = question.find("_____")
    if i < 0:
        return None, None
    question = question[max(0, i - 60) : i + 100]
    if not any(w in question for w in select._WINDOW_WORDS):
        return None, None
    if not select._ORDER_WORD.search(question):
        return None, None
    low = question.lower()
    for k, table in enumerate((select._ABOVE_ONE, select._BELOW_ONE)):
        for needs, pattern in table:
            if any(w in low for w in needs) and (m := pattern.search(question)):
                found[k] = float(m.group(1).replace(",", ""))
                break
    return found[0], found[1]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WINDOW_PIECES), max_size=10).map(" ".join))
@example("improved to _____ percent from 57")
@example("Ranked 143rd Out Of the _____")
@example("FELL From $_____ To 7.4")
@example("fell to 7.4 from _____ “quoted”")
def test_order_bounds_are_those_of_the_patterns_as_written(question: str) -> None:
    assert select._order_bounds(question) == _order_bounds_as_first_written(question)


def _lexicon_start_as_first_written() -> re.Pattern[str]:
    by_first: dict[str, list[str]] = {}
    for word in sorted(mentions._lexicon_starts(), key=len, reverse=True):
        if mentions._LEXICON_TOKEN.fullmatch(word):
            by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    rests = "|".join(f"(?<={first})(?:{'|'.join(rs)})" for first, rs in sorted(by_first.items()))
    return re.compile(
        rf"[A-Z](?<![A-Za-z.'’&-].)(?ai:{rests})(?:['’]s)?(?![A-Za-z'’&-]|\.[A-Za-z.'’&-])"
    )


_LEXICON_PIECES = ["Germany", "GERMANY", "germany", "Germany's", "Germans", "U.S.", "U.S",
                   "Prime", "Minister", "President", "Kingston", "King", "Xavier", "the",
                   "Saudi", "Arabia", "x", ".", "-", "'", "’s", "&"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_LEXICON_PIECES), max_size=8).map(" ".join)
    | st.lists(st.sampled_from(_LEXICON_PIECES), max_size=8).map("".join)
)
@example("in Germany. The U.S.-led President's men")
def test_lexicon_words_are_those_the_pattern_as_first_written_finds(text: str) -> None:
    plain = _lexicon_start_as_first_written()
    fast = mentions._lexicon_start_re()
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


_PLAIN_TALLY = re.compile(r"\b(\d{1,2})-(\d{1,2})\b")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-a _.", max_size=30))
@example("voted 5-4, a 12-10 and 123-4 or x1-2")
def test_tallies_are_those_of_the_plain_pattern(text: str) -> None:
    assert _spans(generate._TALLY, text) == _spans(_PLAIN_TALLY, text)


_SHARE_PIECES = ["Shares", "shares", "a share", "per share", "stock", "Stock", "traded",
                 "trading", "Nasdaq", "Exchange", "closed at", "closed", "hare", ","]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SHARE_PIECES), max_size=6).map(" ".join))
def test_share_price_test_agrees_with_searching(text: str) -> None:
    assert generate._tells_a_share_price(text) == bool(generate._A_SHARE_PRICE.search(text))
