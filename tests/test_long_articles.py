"""Very long articles are read a paragraph-aligned chunk at a time, with the same results."""

from __future__ import annotations

import dataclasses

from studykit import generate
from studykit.articles import load_article
from studykit.chunks import chunks
from studykit.templates import load_templates
from studykit.timex import tag, tag_long

from conftest import ARTICLES


def _long_article(copies: int = 6):
    a = load_article(ARTICLES / "2020-11-10-nagorno-karabakh-ceasefire.txt")
    return dataclasses.replace(a, body="\n\n".join([a.body.strip()] * copies) + "\n")


def test_chunks_cover_the_text_and_cut_between_paragraphs():
    body = _long_article().body
    spans = list(chunks(body, 3000))
    assert len(spans) > 3
    assert spans[0][0] == 0 and spans[-1][1] == len(body)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end == start
        assert body[:end].endswith("\n")  # never inside a sentence


def test_long_article_questions_index_the_whole_body(monkeypatch):
    article = _long_article()
    templates = load_templates()
    whole = generate.generate_article(article, templates)
    monkeypatch.setattr(generate, "CHUNK_CHARS", 3000)
    chunked = generate.generate_article(article, templates)
    assert {q.id for q in chunked.questions} == {q.id for q in whole.questions}
    for q in chunked.questions:
        assert article.body[q.start : q.end] == q.sentence
    assert len(chunked.questions) < len(whole.questions)  # repeats are one card already


def test_tag_long_matches_tag_on_paragraph_text():
    article = _long_article(3)
    direct = [(t.start, t.end, t.value) for t in tag(article.body, article.date)]
    pieces = [(t.start, t.end, t.value) for t in tag_long(article.body, article.date, 2500)]
    assert pieces == direct


def test_a_later_part_of_a_long_article_opens_no_story(monkeypatch):
    # What a story's opening sentence may blank (the run-up month here) stays a side detail
    # when that sentence happens to open a later part of a long article.
    body = (
        "British Airways pilots began a 48-hour strike on Monday, grounding almost all of the "
        "airline's flights.\n\n"
        + "The airline said it had refunded most passengers. " * 27
        + "\n\nThe pilots' union rejected a pay offer from the airline in July.\n"
    )
    article = dataclasses.replace(_long_article(1), body=body)
    article = dataclasses.replace(article, date=article.date.replace(year=2019, month=9, day=10))
    templates = load_templates()
    monkeypatch.setattr(generate, "CHUNK_CHARS", 1500)
    parts = list(chunks(body, 1500))
    assert body[parts[-1][0] :].startswith("The pilots' union"), parts  # opens a part
    answers = [q.answer for q in generate.generate_article(article, templates).questions]
    assert "July 2019" not in answers, answers


def test_a_later_part_judges_blanks_as_the_whole_story_does(monkeypatch):
    # The part that opens with the last paragraph must still know the story's lead (the
    # body it names) and its dateline (the city it was filed from).
    lead = (
        "DHAKA (Reuters) - The Awami League of Prime Minister Sheikh Hasina won a fourth term "
        "on Sunday, the election commission said."
    )
    body = (
        lead + "\n\n" + "The opposition said the vote was rigged. " * 33
        + "\n\nThe Awami League later sent its leaders from Dhaka to Delhi to meet Narendra Modi.\n"
    )  # fmt: skip
    article = dataclasses.replace(_long_article(1), title=lead, body=body)
    templates = load_templates()
    judge = generate.blank_worth_asking

    def verdicts(size: int) -> dict[tuple[str, str, str], bool]:
        seen: dict[tuple[str, str, str], bool] = {}

        def spy(blank, sent, part):
            seen[(sent.sentence.text, blank.kind, blank.text)] = judge(blank, sent, part)
            return seen[(sent.sentence.text, blank.kind, blank.text)]

        monkeypatch.setattr(generate, "blank_worth_asking", spy)
        monkeypatch.setattr(generate, "CHUNK_CHARS", size)
        generate.generate_article(article, templates)
        return seen

    whole = verdicts(len(body) + 1)
    assert body[list(chunks(body, 1500))[-1][0] :].startswith("The Awami League later")
    parts = verdicts(1500)
    later = {k: v for k, v in whole.items() if k[0].startswith("The Awami League later")}
    assert later[(next(iter(later))[0], "place", "Dhaka")] is False
    assert parts == whole
