"""The fast paths of sentence splitting and mention finding give exactly what the plain ones
give.

``text._sentence``, ``mentions._mention`` and ``mentions._annotated`` build a ``Sentence``,
a ``Mention`` and an ``AnnotatedSentence`` without their ``__init__`` (``model.builder``);
they must make what the constructors make, with the same defaults.
``first_sentence`` stops at the first sentence; it must agree with splitting the whole head.
The sentence boundary pattern is written to start with a character class; it must find what
the plain pattern finds.
``_is_person_context``, ``_quantity`` and ``number_value`` skip regex searches that cannot
succeed; they must agree with running every search.
"""

from __future__ import annotations

import dataclasses
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from studykit import mentions, text
from studykit import resources as res
from studykit.model import AnnotatedSentence, Mention, Sentence
from studykit.text import first_sentence, split_sentences


def test_sentence_builder_matches_constructor() -> None:
    assert [f.name for f in dataclasses.fields(Sentence)] == ["index", "start", "end", "text"]
    fast = text._sentence(3, 10, 14, "Yes.")
    plain = Sentence(3, 10, 14, "Yes.")
    assert type(fast) is Sentence
    assert fast == plain
    assert hash(fast) == hash(plain)
    assert repr(fast) == repr(plain)
    assert dataclasses.astuple(fast) == (3, 10, 14, "Yes.")
    assert fast != Sentence(3, 10, 14, "No.")


def test_mention_builder_matches_constructor() -> None:
    names = ["kind", "start", "end", "text", "value", "attrs"]
    assert [f.name for f in dataclasses.fields(Mention)] == names
    attrs = (("country", "Armenia"), ("title", "Prime Minister"))
    for args in [
        ("person", 4, 19, "Nikol Pashinyan", "Nikol Pashinyan", attrs),
        ("name", 0, 5, "Smith", "Smith"),  # attrs left to their default
    ]:
        fast = mentions._mention(*args)  # type: ignore[arg-type]
        plain = Mention(*args)  # type: ignore[arg-type]
        assert type(fast) is Mention
        assert fast == plain
        assert hash(fast) == hash(plain)
        assert repr(fast) == repr(plain)
        assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
    assert mentions._mention("name", 0, 5, "Smith", "Smith").attrs == ()
    assert mentions._mention("name", 0, 5, "Smith", "Smith") != Mention(
        "org", 0, 5, "Smith", "Smith"
    )


def test_annotated_sentence_builder_matches_constructor() -> None:
    assert [f.name for f in dataclasses.fields(AnnotatedSentence)] == ["sentence", "mentions"]
    sent = Sentence(0, 0, 12, "Smith spoke.")
    ms = (Mention("name", 0, 5, "Smith", "Smith"),)
    fast = mentions._annotated(sent, ms)
    plain = AnnotatedSentence(sent, ms)
    assert type(fast) is AnnotatedSentence
    assert fast == plain
    assert hash(fast) == hash(plain)
    assert repr(fast) == repr(plain)


def _first_sentence_by_splitting(body: str, limit: int = 120) -> str:
    """What ``first_sentence`` promises, spelled out with ``split_sentences``."""
    sents = split_sentences(body[:2000])
    if not sents:
        return ""
    title = sents[0].text.strip()
    if len(title) > limit:
        title = title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return title


_PIECES = [
    "Mr. Smith", "went", "to", "Washington", ".", "!", "?", "\n", "\n\n", " ", "\u2003",
    "U.S.", "J.", "Dr.", "“Quoted.”", "(He", "left.)", "1998", "No.", "5", "a.m.", "Etc.",
    "NAIROBI, Kenya (AP) _", "By Ann Lee.",
]  # fmt: skip
bodies = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join),
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=300, deadline=None)
@given(bodies, st.integers(min_value=5, max_value=130))
@example("\n\n  \n First one.  Second one.", 120)
@example("Dr. Who arrived. Then he left.", 120)
@example("x" * 1998 + ". Y", 120)  # the end is confirmed only past the first 2000 characters
@example(" \u2003\n", 120)
@example("NAIROBI, Kenya (AP) _\n\nThe bombs went off. Then it rained.", 120)
def test_first_sentence_is_the_first_split_sentence(body: str, limit: int) -> None:
    assert first_sentence(body, limit) == _first_sentence_by_splitting(body, limit)


# The sentence boundary as first written: the alternatives side by side.
# Any capital opens a sentence, "Álvaro" as well as "Alvaro".
_PLAIN_BOUNDARY = re.compile(rf"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[{text.UPPER}0-9])|\n\s*\n|\n""")


@settings(max_examples=300, deadline=None)
@given(bodies)
@example('He left..." Then?! "No." \n\n \nNext.)  [A')
@example(". À")
def test_boundary_pattern_finds_what_the_plain_one_finds(body: str) -> None:
    spans = [m.span() for m in text._BOUNDARY.finditer(body)]
    assert spans == [m.span() for m in _PLAIN_BOUNDARY.finditer(body)]


@settings(max_examples=300, deadline=None)
@given(bodies)
@example("\u2003 Lead space.\u2003 Next one here.\u00a0")
def test_split_sentences_offsets_and_trimming(body: str) -> None:
    sents = split_sentences(body)
    assert [s.index for s in sents] == list(range(len(sents)))
    for s in sents:
        assert body[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()


def _person_context_by_searching(sent_text: str, start: int, end: int, after_title: bool) -> bool:
    """What ``_is_person_context`` promises, every pattern searched."""
    before = sent_text[max(0, start - 25) : start]
    after = sent_text[end : end + 30]
    role = mentions._ROLE_BEFORE.search(before)
    apposition = mentions._ROLE_APPOSITION.match(sent_text, end, end + 80)
    employer = mentions._ROLE_THEN_NAME.match(after)
    if not after_title and employer and employer.group(1) in res.words("person_roles"):
        return False  # "World Snooker Tour chairman Steve Dawson"
    if (
        after_title
        or mentions._HONORIFIC_BEFORE.search(before)
        or (role and role.group(1).lower() in res.words("person_roles"))
    ):
        return True
    staff = mentions._STAFF_AFTER.match(after)
    if staff and staff.group(1) in mentions._STAFF_WORDS:
        return False  # "a White House official said"
    appointed = mentions._APPOINTED_AFTER.match(sent_text, end, end + 80)
    name = sent_text[start:end].split()
    return bool(
        (after.startswith(", who ") and " " in sent_text[start:end].strip())
        or (2 <= len(name) <= 3 and name[0] in res.given_names())  # "Ana Smith won"
        or (appointed and set(appointed.group(1).split()) & mentions._roles_of_people_only())
        or mentions._SPEECH_AFTER.match(after)
        or mentions._SPEECH_BEFORE.search(before)
        or mentions._APPOSITION_AFTER.match(after)
        or mentions._office_apposition().match(sent_text, end)
        or (apposition and apposition.group(1) in res.words("person_roles"))
    )


_CONTEXT_PIECES = [
    "Mr", "Mr.", "Mrs", "Dr.", "Prof", "Sir", "Dame", "said", "says", "told", "unsaid", "who",
    "spokesman", "minister", "co-pilot", "Minister", "the", "an", "of", "at", "a", "12,",
    "Smith", "Ana", "’s", "'s", "s", ",", ".", " ", "  ", "\n", "\t", "\u00a0", "x",
    "chief", "secretary", "but", "British", "prime", ", who ", "chairman",
]  # fmt: skip
contexts = st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=20).map(
    lambda ps: "".join(ps)
) | st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=20).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(contexts, contexts, st.sampled_from(["Smith", "Ana Smith"]))
@example("the spokesman,\n", ", who said", "Smith")
@example("the\nminister ", "", "Smith")  # the role word after a line end, not a space
@example("Mr.\n", "", "Smith")
@example("", " said", "Smith")
@example("", ", the chief secretary, said", "Smith")
@example("in ", ", but said", "Smith")
def test_person_context_agrees_with_searching(before: str, after: str, name: str) -> None:
    sent_text = before + name + after
    start, end = len(before), len(before) + len(name)
    for after_title in (False, True):
        fast = mentions._is_person_context(sent_text, start, end, after_title)
        assert fast == _person_context_by_searching(sent_text, start, end, after_title)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\A\s?\d{1,20}(,\d{3}){0,3}\s?\Z"))
@example("9" * 400)
@example(str(2**53))
@example(str(2**53 - 1))
@example("007")
@example("\u0663\u0664")  # Arabic-Indic digits: decimal digits too
def test_number_value_of_plain_figures(written: str) -> None:
    t = written.replace(",", "").strip()
    as_float = float(t)  # what the general path computes for a plain figure
    expected = int(as_float) if as_float < 2**53 else None
    assert mentions.number_value(written) == expected


def test_number_value_of_digits_that_are_not_decimal() -> None:
    assert mentions.number_value("\u00b2") is None  # a superscript two is no figure
    assert mentions.number_value("1\u00b2") is None


def test_modifier_last_letters_have_no_other_case_folding() -> None:
    # ``_MODIFIER_LAST`` relies on this: these letters match only themselves under IGNORECASE.
    assert not {m[-1] for m in mentions._MODIFIERS} & set("iks")


_QUANTITY_PIECES = [
    "at least", "AT MOST", "more than", "Nearly", "up to", "an estimated", "just", "some",
    "about", "over", "the", "and", "for", "of", "in", ",", " ", "\n", "\t", "x", "ſome",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_QUANTITY_PIECES), max_size=8).map(" ".join)
    | st.lists(st.sampled_from(_QUANTITY_PIECES), max_size=8).map("".join),
    st.sampled_from(["12 people", "five soldiers or more", "3 killed", "40"]),
)
@example("at least \n", "12 people")
@example("leaſt ", "12 people")
def test_quantity_modifier_agrees_with_searching(before: str, number: str) -> None:
    text = before + number
    start = len(before)
    end = start + len(number.split()[0])
    noun, modifier = mentions._quantity(text, start, end)
    mod = mentions._MODIFIER.search(text[max(0, start - 20) : start])
    if mod:
        assert modifier == mod.group(1).lower()
    else:
        assert modifier in ("", "or more")


def test_every_lexicon_entry_of_plain_words_is_found() -> None:
    # ``_recognize`` gathers only as many words after a capitalized word as the longest entry
    # starting with it has; every entry must still be found whole.
    for phrase in mentions._lexicon():
        if not all(mentions._LEXICON_TOKEN.fullmatch(w) for w in phrase.split(" ")):
            continue  # letters outside ASCII: never a lexicon word (see _lexicon_start_re)
        written = phrase[0].upper() + phrase[1:]
        text = f"On Monday {written} spoke."
        sent = Sentence(0, 0, len(text), text)
        spans = {(m.start, m.end) for m in mentions._recognize(sent, [])}
        assert (10, 10 + len(written)) in spans, phrase


def test_a_storys_sexes_are_those_its_sentences_give() -> None:
    # Questions take the sexes from annotation, which learned them sentence by sentence: they
    # must be what the finished sentences say, in the order first said, a person called
    # both left out.
    from studykit.articles import load_article

    from conftest import ARTICLES

    body = (
        "Mr Smith met Ms Jones on Monday. He said she was right. Smith later said he would "
        "go. Jones said she agreed, and Mrs Lee said he was late."
    )
    articles = [load_article(p) for p in sorted(ARTICLES.glob("*.txt"))]
    articles.append(dataclasses.replace(articles[0], body=body))
    for article in articles:
        story = mentions.annotate_story(article)
        found: dict[str, set[str]] = {}
        for sent in story.sentences:
            for name, sex in mentions.sexes_in(sent.sentence, sent.mentions):
                found.setdefault(name, set()).add(sex)
        expected = {name: next(iter(s)) for name, s in found.items() if len(s) == 1}
        assert story.sexes == expected
        assert list(story.sexes) == list(expected)
    assert story.sexes  # the made-up story calls someone "he" or "she"
