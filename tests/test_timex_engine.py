"""The temporal tagger's public behaviour: the issue's examples, invariants, bad resources."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studykit.timex import granularity, is_vague, phrase_value, tag
from studykit.timex.calendar import easter, holiday_date, orthodox_easter
from studykit.timex.grammar import ResourceError, load_grammar
from studykit.timex.normalize import NORMALIZERS

DCT = dt.date(2020, 11, 12)  # a Thursday


def one(text: str, dct: dt.date = DCT) -> tuple[str, str, str]:
    found = tag(text, dct)
    assert len(found) == 1, found
    t = found[0]
    return t.text, t.type, t.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on 10 November 2020.", ("10 November 2020", "DATE", "2020-11-10")),
        ("It happened on Nov. 10.", ("Nov. 10", "DATE", "2020-11-10")),
        ("They met on Tuesday.", ("Tuesday", "DATE", "2020-11-10")),
        ("They will meet on Tuesday.", ("Tuesday", "DATE", "2020-11-17")),
        ("It rained yesterday.", ("yesterday", "DATE", "2020-11-11")),
        ("Prices fell last week.", ("last week", "DATE", "2020-W45")),
        ("Sales rose this year.", ("this year", "DATE", "2020")),
        ("It opened three years ago.", ("three years ago", "DATE", "2017")),
        ("Music of the 1990s was loud.", ("the 1990s", "DATE", "199")),
        ("He was born in 1994.", ("1994", "DATE", "1994")),
        ("It flowered in spring 2020.", ("spring 2020", "DATE", "2020-SP")),
        ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2020-Q3")),
        ("It is now closed.", ("now", "DATE", "PRESENT_REF")),
        ("He is currently ill.", ("currently", "DATE", "PRESENT_REF")),
        ("She recently left.", ("recently", "DATE", "PAST_REF")),
        ("It may change in the future.", ("the future", "DATE", "FUTURE_REF")),
        ("They landed at 13:00 local time.", ("13:00 local time", "TIME", "2020-11-12T13:00")),
        ("Talks ended Tuesday night.", ("Tuesday night", "TIME", "2020-11-10TNI")),
        ("The war lasted 44 days.", ("44 days", "DURATION", "P44D")),
        ("a six-week course", ("six-week", "DURATION", "P6W")),
        ("It took weeks.", ("weeks", "DURATION", "PXW")),
        ("He served three years.", ("three years", "DURATION", "P3Y")),
        ("They waited hours.", ("hours", "DURATION", "PTXH")),
        ("It is held every year.", ("every year", "SET", "P1Y")),
        ("It is published weekly.", ("weekly", "SET", "P1W")),
        ("They meet each Monday.", ("each Monday", "SET", "XXXX-WXX-1")),
        ("Shops close on Christmas Day.", ("Christmas Day", "DATE", "2020-12-25")),
        ("Results for fiscal 2019 were weak.", ("fiscal 2019", "DATE", "2019")),
    ],
)
def test_issue_examples(text, expected):
    assert one(text) == expected


def test_early_morning_on_a_known_day():
    assert one("Shelling began in the early morning.", dt.date(2020, 11, 10)) == (
        "early morning", "TIME", "2020-11-10TMO")  # fmt: skip


def test_preposition_is_not_part_of_the_span():
    t = tag("They met on Tuesday.", DCT)[0]
    assert (t.start, t.end) == (12, 19)


@pytest.mark.parametrize(
    "text",
    ["on 30 February 2020", "on February 30, 2021", "filed 2021-02-29", "on 31 April 2020",
     "on Feb. 29, 2021", "at 25:61", "at 13:75"],
)  # fmt: skip
def test_impossible_dates_are_never_emitted(text):
    for t in tag(text, DCT):
        assert granularity(t.value) not in ("day", "time"), t


def test_a_datetime_article_date_counts_as_its_day():
    assert one("It rained yesterday.", dt.datetime(2020, 11, 12, 23, 59))[2] == "2020-11-11"
    assert one("at 13:00 local time", dt.datetime(2020, 11, 12, 8))[2] == "2020-11-12T13:00"


def test_leap_day_is_possible():
    assert one("on Feb. 29, 2020") == ("Feb. 29, 2020", "DATE", "2020-02-29")


def test_holidays():
    assert easter(2021) == dt.date(2021, 4, 4)
    thanksgiving = {"month": 11, "weekday": 4, "nth": 4}
    assert holiday_date(thanksgiving, 1999) == dt.date(1999, 11, 25)
    memorial = {"month": 5, "weekday": 1, "nth": -1}
    assert holiday_date(memorial, 2020) == dt.date(2020, 5, 25)


def test_orthodox_easter_follows_the_julian_computus():
    # Published dates of Orthodox Easter; in 2010 and 2017 it fell with the Western one.
    known = {2010: (4, 4), 2017: (4, 16), 2023: (4, 16), 2024: (5, 5), 2025: (4, 20)}
    for year, (month, day) in known.items():
        assert orthodox_easter(year) == dt.date(year, month, day)
    assert orthodox_easter(2010) == easter(2010)
    assert holiday_date({"orthodox_easter": -2}, 2024) == dt.date(2024, 5, 3)


def test_unjustified_values_are_vague_not_wrong():
    assert one("several years ago") == ("several years ago", "DATE", "PAST_REF")
    assert one("for the past few weeks")[2] == "PXW"


def test_fractions_use_the_smaller_unit():
    assert one("for 2 1/2 years")[2] == "P2Y6M"
    assert one("for a minute and a half")[2] == "PT1M30S"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_tag_never_raises_on_arbitrary_text(text, dct):
    _check_invariants(text, tag(text, dct))


_WORDS = ["the", "last", "next", "this", "week", "year", "Tuesday", "Nov.", "10", "1994", "ago",
          "three", "years", "early", "morning", "quarter", "third", "spring", "every", "30",
          "February", "2020", "-", ",", "'", "9999", "0001", "a.m.", "13:00", "fiscal", "mid",
          "Christmas", "1990s", "'80s", "half", "day", "night", "about", "several",
          "s"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12),
       st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))  # fmt: skip
def test_tag_never_raises_on_temporal_word_salad(words, dct):
    text = " ".join(words)
    _check_invariants(text, tag(text, dct))


def _check_invariants(text, found):
    last_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= last_end, "overlapping or unsorted"
        last_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if granularity(t.value) in ("day", "time"):
            dt.date.fromisoformat(t.value[:10])  # a real date


def test_offsets_survive_characters_that_lowercase_to_two():
    text = "İİİ İstanbul: the talks ended on 10 November 2020."
    assert [t.text for t in tag(text, DCT)] == ["10 November 2020"]


def test_offsets_index_text_with_astral_characters():
    text = "😀😀 On 10 November 2020 🎉 and yesterday."
    for t in tag(text, DCT):
        assert text[t.start : t.end] == t.text


# ---------------------------------------------------------------- resources


def _rules(body: str) -> str:
    return "rules:\n" + body


_GOOD_RULE = """
- name: r
  pattern: 'now'
  normalize: fixed
  args: {value: PRESENT_REF}
  examples:
    - {text: "now", dct: 2020-01-01, span: "now", type: DATE, value: PRESENT_REF}
"""


def test_packaged_grammar_loads():
    g = load_grammar(set(NORMALIZERS))
    assert len(g.rules) > 30


def test_a_good_rule_loads():
    g = load_grammar(set(NORMALIZERS), rules_text=_rules(_GOOD_RULE))
    assert [r.name for r in g.rules] == ["r"]


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (_GOOD_RULE.replace("normalize: fixed", "normalize: nothing"), 3, "unknown normalizer"),
        (_GOOD_RULE.replace("'now'", "'(now'"), 3, "bad pattern"),
        (_GOOD_RULE.replace("'now'", "'{NOPE}'"), 3, "unknown macro"),
        (_GOOD_RULE.replace("  args:", "  colour: red\n  args:"), 3, "unknown rule key"),
        (_GOOD_RULE.replace("span: \"now\"", "span: \"then\""), 8, "not in the text"),
        (_GOOD_RULE.replace("dct: 2020-01-01", "dct: 2020-13-01"), 8, "bad dct"),
        (_GOOD_RULE.replace("type: DATE, ", ""), 8, "needs type and value"),
        (_GOOD_RULE.replace("  args:", "  type: DAY\n  args:"), 3, "unknown type"),
        (_GOOD_RULE + "  - oops: [\n", 9, "YAML error"),
        (_GOOD_RULE + _GOOD_RULE, 10, "duplicate rule name"),
    ],
)  # fmt: skip
def test_bad_rules_name_file_and_line(body, line, message):
    with pytest.raises(ResourceError) as err:
        load_grammar(set(NORMALIZERS), rules_text=_rules(body))
    assert err.value.file == "rules.yaml"
    assert err.value.line == line, str(err.value)
    assert message in str(err.value)
    assert str(err.value).startswith(f"rules.yaml:{line}:")


def test_bad_vocabulary_names_file_and_line():
    with pytest.raises(ResourceError) as err:
        load_grammar(set(NORMALIZERS), vocabulary_text="months:\n  may: 5\ncolours: [red]\n")
    assert str(err.value).startswith("vocabulary.yaml:3:")
    with pytest.raises(ResourceError) as err:
        load_grammar(set(NORMALIZERS), vocabulary_text="units:\n  day: {}\n")
    assert str(err.value).startswith("vocabulary.yaml:2:")
    with pytest.raises(ResourceError) as err:
        load_grammar(set(NORMALIZERS), vocabulary_text="shifts:\n  this: 0\n  last: minus\n")
    assert str(err.value).startswith("vocabulary.yaml:3:")


# ---------------------------------------------------------------- phrases


def test_phrases_of_values():
    assert phrase_value("2020-11-10") == "on 10 November 2020"
    assert phrase_value("199") == "in the 1990s"
    assert phrase_value("2020-SP") == "in spring 2020"
    assert phrase_value("P44D") == "for 44 days"
    assert phrase_value("P2Y6M", style="bare") == "2 years 6 months"
    assert is_vague("PXW") and is_vague("PAST_REF") and not is_vague("2020-W45")
    assert granularity("2020-Q3") == "quarter"


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The first referendum is to be held from November 20 to December 11.", "2015-11-20"),
        ("The vote will be held on November 20.", "2015-11-20"),
        ("The vote was held on November 20.", "2014-11-20"),
        ("The vote had been scheduled for November 20.", "2014-11-20"),
    ],
)
def test_a_passive_after_be_keeps_the_future(sentence, value):
    assert tag(sentence, dt.date(2015, 5, 7))[0].value == value


def test_words_in_lookarounds_are_no_anchors():
    from studykit.timex.engine import _pattern_words, _without_lookarounds

    assert _without_lookarounds(r"a[(](?!x(y)z)b\)c(?<=\bin\s)d") == r"a[(]b\)cd"
    words = _pattern_words(r"(?P<year>1[0-4]\d\d)(?<=\bin\s\d{4})(?=\s+(?:and|when)\b)")
    assert words == {"#"}  # "in", "and", "when" never stand in the match


def test_a_bare_clock_time_takes_a_day_named_near_it_not_far_back():
    filler = "The talks went on without a break and with no result to speak of. " * 8
    text = f"The attack came on Sept. 11. {filler}The ceasefire took effect at midnight."
    clock = [t for t in tag(text, dt.date(2013, 3, 20)) if t.type == "TIME"]
    # The midnight that has passed by the report's day: the one that began it.
    assert [t.value for t in clock] == ["2013-03-19T24:00"]
    near = "The attack came on Sept. 11. The ceasefire took effect at midnight."
    clock = [t for t in tag(near, dt.date(2013, 3, 20)) if t.type == "TIME"]
    assert [t.value for t in clock] == ["2012-09-11T24:00"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nurses will strike on Jan. 18 and 19.",
            [("Jan. 18", "2023-01-18"), ("19", "2023-01-19")],
        ),
        ("The Fed will meet on June 11-12.", [("June 11", "2023-06-11"), ("12", "2023-06-12")]),
        (
            "The poll, conducted Sept. 8-12, found",
            [("Sept. 8", "2022-09-08"), ("12", "2022-09-12")],
        ),
        ("The 2020-21 season and the 1990/91 season", []),
        (
            "Talks ran on Dec. 30 and 31, 2021.",
            [("Dec. 30", "2021-12-30"), ("31, 2021", "2021-12-31")],
        ),
        ("Rates rose on March 3 and 4 percent.", [("March 3", "2022-03-03")]),
        ("Sales in June 5-7 percent higher.", [("June", "2022-06")]),
        ("Talks on Feb. 28 and 30 failed.", [("Feb. 28", "2023-02-28")]),
    ],
)
def test_a_second_day_told_by_its_number_alone(text, expected):
    found = tag(text, dt.date(2023, 1, 2))
    assert [(t.text, t.value) for t in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The party meets in Hamburg on 7 and 8 December.",
            [("7", "2022-12-07"), ("8 December", "2022-12-08")],
        ),
        (
            "The party meets in Hamburg on 7-8 December.",
            [("7", "2022-12-07"), ("8 December", "2022-12-08")],
        ),
        (
            "Talks were held on 3, 4 and 5 January.",
            [("3", "2023-01-03"), ("4", "2023-01-04"), ("5 January", "2023-01-05")],
        ),
        ("Of 3, 9 and 5 January, none", [("5 January", "2023-01-05")]),
        ("He paid $7 and 8 December was cold.", [("8 December", "2022-12-08")]),
    ],
)
def test_a_first_day_told_by_its_number_alone_before_its_month(text, expected):
    found = tag(text, dt.date(2023, 1, 2))
    assert [(t.text, t.value) for t in found] == expected


def test_what_could_last_until_a_month_looks_ahead():
    # Written in March: a month more than a hundred days off is still the coming one when
    # something "could last" or "may continue" until it.
    dct = dt.date(2020, 3, 16)
    assert one("The outbreak could last until July.", dct)[2] == "2020-07"
    assert one("Fighting may continue until August.", dct)[2] == "2020-08"
    assert one("The outbreak lasted until July.", dct)[2] == "2019-07"
    # so does what is booking, on bail or in force until a month
    assert one("The play is booking until October.", dt.date(2013, 4, 29))[2] == "2013-10"
    assert one("He was released on bail until May.", dt.date(2016, 11, 10))[2] == "2017-05"
    assert one("The rules remain in force until March.", dt.date(2016, 11, 10))[2] == "2017-03"


def test_a_past_clause_of_its_own_dates_its_month_back():
    # "agreed to return" looks ahead, but the claim was made in the clause after "after".
    dct = dt.date(2022, 11, 28)
    text = "They agreed to return the collection after the commission submitted a claim in January."
    assert one(text, dct)[2] == "2022-01"
    assert one("They will return the collection after the board meets in January.", dct)[2] == (
        "2023-01"
    )


def test_a_plan_due_to_end_on_a_weekday_looks_ahead():
    # Written on a Thursday: the strike "was due to end" on the coming Friday, unless the
    # sentence says the plan changed.
    dct = dt.date(2014, 11, 13)
    assert one("The strike was due to end on Friday.", dct)[2] == "2014-11-14"
    assert one("The strike was due to end on Friday but was extended.", dct)[2] == "2014-11-07"


def test_a_length_with_a_capitalized_unit_inside_a_sentence_is_a_title():
    dct = dt.date(2017, 2, 15)
    text = (
        "Other songs nominated were Work by Rihanna and 7 Years by Lukas Graham. "
        "Gonzalez said on CBS's ''60 Minutes.'' The show ran for 60 minutes. "
        "10 Days of protest followed."
    )
    found = {(t.text, t.value) for t in tag(text, dct)}
    assert ("60 minutes", "PT60M") in found, found
    assert ("10 Days", "P10D") in found, found  # a sentence may open with the unit capitalized
    assert not {t for t in found if t[0] in ("7 Years", "60 Minutes")}, found


def test_a_march_named_for_its_marchers_is_no_month():
    text = (
        "The crowds numbered in the tens of thousands, against some 500,000 at last week's "
        "Women's March. Prices rose in March."
    )
    found = [(t.text, t.value) for t in tag(text, dt.date(2017, 1, 28))]
    assert found == [("last week", "2017-W03"), ("March", "2016-03")], found
