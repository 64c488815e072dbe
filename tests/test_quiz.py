"""Printable quizzes: choosing questions, dated exercises, versions, determinism, safety, CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.errors import StudykitError
from studykit.export.quiz import (
    LETTERS,
    build_quiz,
    dated_event,
    dated_events,
    default_title,
    make_version,
    mcq_options,
    parse_kinds,
    plan_quiz,
    quiz_kind,
    render_quiz,
    write_pdf,
)
from studykit.model import Question
from studykit.timex import phrase_value

from conftest import ARTICLES

# --- Building questions by hand ------------------------------------------------------------

_TITLES = {
    "a1": "Harbour town votes on its future",
    "a2": "Bridge and river works",
    "a3": "Museum news",
    "a4": "Flag debate",
    "a5": "Dam and lake",
}
_DATES = {
    "a1": "2010-05-01",
    "a2": "2011-06-02",
    "a3": "2012-07-03",
    "a4": "2015-05-07",
    "a5": "2016-08-04",
}


def question(
    qid: str,
    kind: str = "short",
    text: str | None = None,
    answer: str | None = None,
    choices: tuple[str, ...] = (),
    article: str = "a1",
    sentence: str | None = None,
    start: int | None = None,
) -> Question:
    """A question as the pipeline makes it; every text carries ``qid`` so it can be found."""
    text = text or f"{qid} what happened in the story about {qid}?"
    return Question(
        id=qid,
        kind=kind,
        question=text,
        answer=answer or f"answer {qid}",
        choices=choices,
        article=f"{article}.txt",
        article_id=article,
        article_date=_DATES[article],
        article_title=_TITLES[article],
        when=_DATES[article],
        sentence=sentence or f"The sentence of {qid}.",
        start=start if start is not None else int(re.sub(r"\D", "", qid) or 0) * 1000,
        end=0,
        template="test",
        tags=(),
        score=1.0,
    )


def dated_cloze(
    qid: str,
    article: str,
    sentence: str,
    blank: str,
    answer: str | None = None,
    start: int = 0,
    choices: tuple[str, ...] = (),
) -> Question:
    """A date cloze as the cloze-date template makes it: "(date) text with _____"."""
    at = sentence.index(blank)
    prefix = f"({phrase_value(_DATES[article], 'bare')}) "
    q = question(
        qid,
        "cloze",
        prefix + sentence[:at] + "_____" + sentence[at + len(blank) :],
        answer or blank,
        choices,
        article,
        sentence,
        start,
    )
    return Question(
        **{
            **_fields(q),
            "answer_kind": "date",
            "cloze": prefix + sentence[:at] + "{{c1::" + blank + "}}" + sentence[at + len(blank) :],
        }
    )


def _fields(q: Question) -> dict[str, object]:
    return {name: getattr(q, name) for name in Question.__slots__}


def dated_pool() -> list[Question]:
    """Nine dated facts over five articles, with the traps a fair exercise must avoid."""
    return [
        dated_cloze(
            "d1",
            "a1",
            "The new bridge over the river zqd1 opened to traffic in 1998.",
            "1998",
            choices=("1996", "1999", "2001"),
        ),
        dated_cloze(
            "d2",
            "a1",
            "On 3 March 2004, the council zqd2 voted to close the old harbour.",
            "3 March 2004",
            start=100,
        ),
        dated_cloze(
            "d3",
            "a2",
            "The museum zqd3 reopened in June 2007 after a long restoration.",
            "June 2007",
        ),
        dated_cloze(
            "d4",
            "a4",
            "The flag treaty zqd4 was signed on Tuesday in the capital.",
            "Tuesday",
            "Tuesday, 5 May 2015",
        ),
        dated_cloze(
            "d5", "a3", "The old lighthouse zqd5 was switched off for good in 1985.", "1985"
        ),
        dated_cloze(
            "d6", "a5", "The city zqd6 hosted its first marathon in 1979.", "1979", start=50
        ),
        dated_cloze(
            "d7", "a5", "A second runway zqd7 at the airport opened in 2011.", "2011", start=300
        ),
        # The same year as d7's run of days: may share a quiz, never an exercise with 2011.
        dated_cloze(
            "d8",
            "a2",
            "The river zqd8 flooded the lower town in March 2011.",
            "March 2011",
            start=400,
        ),
        # Two dates in one sentence: which one is the event's? Never used.
        dated_cloze(
            "d9",
            "a3",
            "The dam zqd9 was finished in 2012 and the lake filled by 2014.",
            "2012",
            start=500,
        ),
    ]


def plain_pool() -> list[Question]:
    """Ordinary questions of every kind over three articles."""
    qs = []
    for i in range(1, 31):
        art = ("a1", "a2", "a3")[(i // 3) % 3]
        if i % 3 == 0:
            qs.append(
                question(
                    f"m{i}",
                    "short",
                    answer=f"right{i}",
                    choices=(f"wrongA{i}", f"wrongB{i}", f"wrongC{i}"),
                    article=art,
                )
            )
        elif i % 3 == 1:
            qs.append(question(f"s{i}", "short", article=art))
        else:
            qs.append(question(f"t{i}", "truefalse", answer="True", article=art))
    return qs


class _Sections(HTMLParser):
    """Collects, per version, the ordered question texts and the answer-key rows."""

    def __init__(self) -> None:
        super().__init__()
        self.versions: dict[str, list[str]] = {}
        self.keys: dict[str, list[str]] = {}
        self._where: tuple[str, str] | None = None
        self._depth = 0
        self._buf: list[str] = []
        self._capture = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        ident = a.get("id") or ""
        if tag == "section" and ident.startswith(("version-", "key-")):
            kind, label = ident.split("-", 1)
            self._where = (kind, label)
            (self.versions if kind == "version" else self.keys)[label] = []
        if (tag == "div" and "q" in (a.get("class") or "").split()) or tag == "tr":
            self._capture, self._buf = 1, []
        elif self._capture and tag in ("div", "tr"):
            self._capture += 1

    def handle_endtag(self, tag: str) -> None:
        if self._capture and tag in ("div", "tr"):
            self._capture -= 1
            if self._capture == 0 and self._where:
                kind, label = self._where
                text = " ".join(" ".join(self._buf).split())
                (self.versions if kind == "version" else self.keys)[label].append(text)

    def handle_data(self, data: str) -> None:
        if self._capture:
            self._buf.append(data)


def sections(html: str) -> _Sections:
    p = _Sections()
    p.feed(html)
    return p


# --- Choosing ------------------------------------------------------------------------------


def test_true_or_false_states_a_card_with_its_answer_or_a_wrong_one():
    qs = [
        question(f"{i:x}" * 16, "cloze", f"Card {i}: the vote was held on _____ by law.",
                 answer=f"{i + 10} May", start=i * 100,
                 choices=(f"{i + 20} May", f"{i + 30} May", f"{i + 40} May"))
        for i in range(1, 13)
    ]  # fmt: skip
    plan = plan_quiz(qs, kinds=["truefalse"])
    assert len(plan.questions["truefalse"]) == 12  # with no multiple choice wanted: every one
    both = plan_quiz(qs)
    assert 0 < len(both.questions.get("truefalse", [])) < 12 and both.questions.get("mcq")
    falses = 0
    for seed in range(3):
        version = make_version(plan, seed, 0, [])
        for _, items in version.sections:
            for it in items:
                q = next(q for q in qs if q.id == it.qid)
                assert "_____" not in it.text
                told = re.search(r"held on (.*) by law", it.text)[1]
                if it.answer == "True":
                    assert told == q.answer
                else:
                    assert it.answer == f"False: {q.answer}" and told in q.choices
                    falses += 1
    assert 6 < falses < 30  # a fair coin over 36 statements
    again = make_version(plan, 1, 0, [])
    assert [it.text for _, its in again.sections for it in its] == [
        it.text for _, its in make_version(plan, 1, 0, []).sections for it in its
    ]


def test_true_or_false_instructions_name_the_words_printed_to_circle():
    qs = [
        question(f"{i:x}" * 16, "cloze", f"Card {i}: the vote was held on _____ by law.",
                 answer=f"{i + 10} May", start=i * 100,
                 choices=(f"{i + 20} May", f"{i + 30} May", f"{i + 40} May"))
        for i in range(1, 4)
    ]  # fmt: skip
    page = render_quiz(qs, "Quiz", kinds=["truefalse"])
    printed = re.findall(r'<div class="tf">(.*?)</div>', page)
    assert printed and set(printed) == {"True &nbsp;/&nbsp; False"}
    assert "circle True or False" in page and "circle T or F" not in page


def test_a_statement_says_a_or_an_as_its_number_is_said():
    from studykit.export.quiz import _article_for

    assert _article_for("paid a ", "83") == "paid an "
    assert _article_for("paid an ", "62") == "paid a "
    assert _article_for("an ", "18,000") == "an " and _article_for("an ", "180") == "a "
    assert _article_for("a ", "University") == "a "  # words are left as written


def test_a_question_with_three_wrong_answers_becomes_multiple_choice():
    assert quiz_kind(question("q1", "short", choices=("a", "b", "c"))) == "mcq"
    assert quiz_kind(question("q1", "cloze", choices=("a", "b", "c"))) == "mcq"
    assert quiz_kind(question("q1", "short", choices=("a",))) == "short"
    assert quiz_kind(question("q1", "truefalse")) == "truefalse"
    assert quiz_kind(question("q1", "mcq")) == "short"  # no wrong answers: asked outright


def test_count_is_balanced_across_kinds_and_articles():
    qs = plain_pool() + dated_pool()
    plan = plan_quiz(qs, count=9)
    assert plan.size() == 9
    sizes = {k: len(v) for k, v in plan.questions.items()}
    # Six kinds present; the exercises count one each and the seven other places share
    # out as 2 or 1 per kind.
    assert set(plan.kinds()) == {"mcq", "short", "cloze", "truefalse", "matching", "timeline"}
    assert sorted(sizes.values()) == [1, 2, 2, 2], sizes
    for kind in ("mcq", "short", "truefalse"):  # each has questions from three articles
        arts = [q.article_id for q in plan.questions[kind]]
        assert len(set(arts)) == len(arts)  # a second from one article only after the others


def test_kinds_filter_and_unknown_kinds():
    qs = plain_pool() + dated_pool()
    plan = plan_quiz(qs, kinds=parse_kinds("mcq,timeline"))
    assert plan.kinds() == ["mcq", "timeline"]
    assert not plan.matching
    with pytest.raises(ValueError, match="unknown kind 'essay'"):
        parse_kinds("mcq,essay")


def test_one_question_per_sentence():
    same = [
        question("x1", sentence="Shared sentence.", start=5),
        question("x2", sentence="Shared sentence.", start=5),
        question("x3", start=9),
    ]
    plan = plan_quiz(same)
    assert sorted(q.id for q in plan.questions["short"]) in (["x1", "x3"], ["x2", "x3"])


# --- Dated exercises -----------------------------------------------------------------------


def test_dated_event_takes_the_date_from_the_blank_and_refuses_doubtful_ones():
    pool = {q.id: q for q in dated_pool()}
    ev = dated_event(pool["d4"])
    assert ev is not None and ev.value == "2015-05-05" and ev.label == "5 May 2015"
    assert ev.text == "The flag treaty zqd4 was signed on _____ in the capital."
    assert "(" not in ev.text  # the cloze's "(7 May 2015)" would hint at the answer
    assert dated_event(pool["d9"]) is None  # two dates: unclear which is the event's
    # The printed answer disagrees with the date the blank stands for: not trusted.
    wrong = dated_cloze("w1", "a1", "The tower zqw1 fell in 1990.", "1990", answer="1991")
    assert dated_event(wrong) is None
    # A date the event is measured from or bounded by is not the day it happened.
    for before in ("since", "until", "before"):
        bound = dated_cloze("b1", "a1", f"It was the first majority zqb1 {before} 1971.", "1971")
        assert dated_event(bound) is None, before


def test_matching_and_timeline_are_honest():
    qs = plain_pool() + dated_pool()
    plan = plan_quiz(qs)
    assert plan.matching and plan.timeline
    assert 3 <= len(plan.matching) <= 6 and 4 <= len(plan.timeline) <= 6
    for events in (plan.matching, plan.timeline):
        for i, a in enumerate(events):
            for b in events[i + 1 :]:
                assert not a.overlaps(b), (a.label, b.label)
        assert len({e.question.article_id for e in events}) >= 2  # across articles
    used = {e.question.id for e in (*plan.matching, *plan.timeline)}
    assert len(used) == len(plan.matching) + len(plan.timeline)  # no event in both
    assert "d9" not in used
    # The one extra date in the bank matches none of the events.
    for extra in plan.matching_extra:
        assert extra not in {e.label for e in plan.matching}
    # A sentence used by an exercise is not asked again as a plain question.
    asked = {q.id for v in plan.questions.values() for q in v}
    assert not asked & used

    versions: list = []
    for i in range(3):
        versions.append(make_version(plan, 7, i, versions))
    by_text = {e.text: e for e in (*plan.matching, *plan.timeline)}
    for v in versions:
        items = {it.kind: it for _, its in v.sections for it in its}
        m = items["matching"]
        pairs = dict(re.findall(r"(\d+)–([A-Z])", m.answer))
        for n, row in enumerate(m.rows, 1):
            assert m.options[LETTERS.index(pairs[str(n)])] == by_text[row].label
        t = items["timeline"]
        order = re.findall(r"[A-Z]", t.answer.split("earliest to latest:", 1)[1])
        starts = [by_text[t.rows[LETTERS.index(letter)]].start for letter in order]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        boxes = dict(re.findall(r"([A-Z]) (\d)", t.answer.split("(")[0]))
        assert boxes == {letter: str(n) for n, letter in enumerate(order, 1)}
        assert list(t.rows) != sorted(t.rows, key=lambda r: by_text[r].start)  # not pre-solved
    assert versions[0].sections[-1][1][0].rows != versions[1].sections[-1][1][0].rows


def test_too_few_distinct_dates_make_no_exercise():
    qs = [q for q in dated_pool() if q.id in ("d7", "d8", "d9")] + plain_pool()
    plan = plan_quiz(qs)
    assert not plan.matching and not plan.timeline  # 2011 and March 2011 overlap


def test_dated_events_take_articles_in_turn():
    arts = [e.question.article_id for e in dated_events(dated_pool())]
    assert arts[:5] == sorted(set(arts), key=lambda a: _DATES[a])


# --- Versions, determinism, layout ---------------------------------------------------------


def test_versions_have_the_same_questions_in_different_orders_and_right_keys():
    html = render_quiz(plain_pool() + dated_pool(), "T", versions=3, seed=5)
    s = sections(html)
    assert list(s.versions) == ["A", "B", "C"] and list(s.keys) == ["A", "B", "C"]
    ids = {
        label: [re.search(r"\b(zqd\d+|[mst]\d+|Match|Put)", t).group(1) for t in texts]
        for label, texts in s.versions.items()
    }
    assert sorted(ids["A"]) == sorted(ids["B"]) == sorted(ids["C"])
    assert ids["A"] != ids["B"] and ids["B"] != ids["C"] and ids["A"] != ids["C"]
    for label in s.versions:
        for qtext, key in zip(s.versions[label], s.keys[label], strict=True):
            m = re.search(r"\bm(\d+)\b", qtext)
            if m and "wrongA" in qtext:
                letter = re.match(r"\d+\.\s*([A-D])\.", key).group(1)
                opts = re.findall(r"\b([A-D])\s*((?:right|wrong[ABC])\d+)", qtext)
                assert dict(opts)[letter] == f"right{m.group(1)}"


def test_same_seed_same_bytes_other_seed_other_order():
    qs = plain_pool() + dated_pool()
    a = render_quiz(qs, "T", versions=2, seed=11, count=12)
    b = render_quiz(list(reversed(qs)), "T", versions=2, seed=11, count=12)
    assert a.encode() == b.encode()
    assert render_quiz(qs, "T", versions=2, seed=12, count=12) != a


def test_page_is_self_contained_with_print_css():
    html = render_quiz(plain_pool() + dated_pool(), "T", versions=2, paper="letter")
    low = html.lower()
    for banned in ("<script", "http://", "https://", "<link", "@import", "url(", "src="):
        assert banned not in low, banned
    assert "size: letter" in html and "break-inside: avoid" in html
    assert "counter(pages)" in html
    assert "size: A4" in render_quiz(plain_pool(), "T")
    header = html[html.index("<header>") : html.index("</header>")]
    for field in ("Name", "Class", "Date"):
        assert field in header


def test_empty_quiz_still_renders():
    assert "Answer key" in render_quiz([], "Nothing")
    assert build_quiz([], "Nothing")[1] == 0


def test_default_title_comes_from_the_articles():
    assert default_title([question("q1")]) == _TITLES["a1"]
    title = default_title([question("q1"), question("q2", article="a4")])
    assert title == "News quiz: 2 articles, 1 May 2010 – 7 May 2015"


# --- Safety --------------------------------------------------------------------------------

NASTY = "<script>alert('x')</script> and <b>bold</b>"


def test_article_text_is_text_never_markup():
    q = question(
        "n1",
        "short",
        text=f"Who wrote {NASTY}?",
        answer=NASTY,
        choices=(NASTY + "1", "<i>2</i>", "<img src=x onerror=alert(1)>"),
    )
    html = render_quiz([q], f"Title {NASTY}")
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script" not in html and "<b>" not in html and "<img" not in html


def test_the_key_lists_the_sources_of_the_printed_questions_only(tmp_path):
    art = tmp_path / "articles"
    art.mkdir()
    for name, source, body in (
        ("a.md", "https://example.org/a?x=1&y=2", "Russian President Vladimir Putin said that "
         "Armenia and Azerbaijan had agreed to a ceasefire on Tuesday."),
        ("b.md", "The Daily Paper, page 4", "About 1,960 Russian peacekeepers will be deployed "
         "to Nagorno-Karabakh for five years, the Kremlin said on Tuesday."),
        ("c.md", "", "Azerbaijani forces captured the town of Shusha on Sunday after four days "
         "of fighting."),
    ):  # fmt: skip
        (art / name).write_text(
            f"---\ntitle: Story {name[0]}\ndate: 2020-11-10\nsource: {source}\n---\n{body}\n",
            encoding="utf-8",
        )
    out = tmp_path / "quiz.html"
    result = CliRunner().invoke(main, ["quiz", str(art), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<h2 class="sources">Sources</h2>') == 1
    listed = re.findall(r"<li>(.*?)</li>", page.split('<ul class="sources">')[1])
    printed = sorted(set(re.findall(r'<td class="src">(Story .)', page)))
    assert printed == ["Story a", "Story b", "Story c"], page
    expected = {
        "Story a": 'Story a <span class="d">(2020-11-10)</span>: <a href="https://example.org/'
        'a?x=1&amp;y=2">https://example.org/a?x=1&amp;y=2</a>',
        "Story b": 'Story b <span class="d">(2020-11-10)</span>: The Daily Paper, page 4',
    }
    assert listed == [expected["Story a"], expected["Story b"]]  # c has no source
    rows = CliRunner().invoke(main, ["questions", str(art), "--format", "jsonl"]).output
    sources = {json.loads(r)["article_title"]: json.loads(r)["article_source"]
               for r in rows.splitlines()}  # fmt: skip
    assert sources == {"Story a": "https://example.org/a?x=1&y=2",
                       "Story b": "The Daily Paper, page 4", "Story c": None}  # fmt: skip
    assert render_quiz([question("n1")]).count("Sources") == 0


def test_cli_escapes_an_article_with_script_and_bold(tmp_path):
    art = tmp_path / "articles"
    art.mkdir()
    (art / "2020-11-10-nasty.txt").write_text(
        "date 2020-11-10 Leaders <script>alert('x')</script> met in <b>Moscow</b> today.\n\n"
        "Russian President Vladimir Putin <b>confirmed</b> that both Armenia and Azerbaijan "
        "had agreed to a total ceasefire on Tuesday, <script>steal()</script> officials said.\n\n"
        "Azerbaijan's President Ilham Aliyev said Nikol Pashinyan had been left with no choice "
        "but to agree to the deal.\n",
        encoding="utf-8",
    )
    out = tmp_path / "quiz.html"
    result = CliRunner().invoke(main, ["quiz", str(art), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html
    assert "<script" not in html and "<b>" not in html


# --- Command line --------------------------------------------------------------------------


def test_cli_quiz_options(tmp_path):
    out = tmp_path / "q.html"
    args = [
        "quiz",
        str(ARTICLES),
        "-o",
        str(out),
        "--versions",
        "2",
        "--count",
        "8",
        "--seed",
        "4",
        "--paper",
        "letter",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    first = out.read_bytes()
    assert re.search(r"\b8 questions → ", result.output)
    assert "Version B" in first.decode() and "size: letter" in first.decode()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert out.read_bytes() == first


def test_cli_kinds(tmp_path):
    out = tmp_path / "q.html"
    bad = CliRunner().invoke(main, ["quiz", str(ARTICLES), "-o", str(out), "--kinds", "essay"])
    assert bad.exit_code == 2 and "unknown kind 'essay'" in bad.output
    ok = CliRunner().invoke(main, ["quiz", str(ARTICLES), "-o", str(out), "--kinds", "mcq"])
    assert ok.exit_code == 0, ok.output
    names = re.findall(r"<h2>(.*?)</h2>", out.read_text(encoding="utf-8"))
    assert names and set(names) == {"Multiple choice"}


def test_cli_quiz_writes_only_to_a_name_that_says_html(tmp_path):
    deck = tmp_path / "keep.apkg"
    deck.write_bytes(b"PK an Anki deck")
    for args in (["-o", str(deck)], ["-o", str(tmp_path / "q.html"), "--pdf", str(deck)]):
        result = CliRunner().invoke(main, ["quiz", str(ARTICLES), *args])
        assert result.exit_code == 2, args
        assert "keep.apkg' does not end in ." in result.output
        assert "Traceback" not in result.output
    assert deck.read_bytes() == b"PK an Anki deck"
    assert not (tmp_path / "q.html").exists()
    out = tmp_path / "Q.HTM"
    assert CliRunner().invoke(main, ["quiz", str(ARTICLES), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_kinds_asked_for_and_not_made_are_named_with_the_reason(tmp_path):
    out = tmp_path / "q.html"
    result = CliRunner().invoke(
        main, ["quiz", str(ARTICLES), "--kinds", "short,timeline", "--count", "1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "studykit: no timeline in the quiz: a timeline needs at least 4 dated events" in (
        result.stderr
    )
    assert "no short" not in result.stderr
    # One numbered item: the instructions speak of one question.
    assert "Answer the question." in out.read_text(encoding="utf-8")
    many = build_quiz([question("r1"), question("r2")], "Two")[0]
    assert "Answer all 2 questions." in many


def test_cli_pdf_without_chromium_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser here
    out, pdf = tmp_path / "q.html", tmp_path / "q.pdf"
    result = CliRunner().invoke(main, ["quiz", str(ARTICLES), "-o", str(out), "--pdf", str(pdf)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("studykit: ")
    assert "apt-get install chromium" in lines[0] and "Traceback" not in result.output
    assert not pdf.exists() and not out.exists()


def test_multiple_choice_options_are_printed_alike():
    q = question("r1", "cloze", answer="three years ago (2020)", choices=("2015", "2022", "2017"))
    assert mcq_options(q) == ("2020", ("2015", "2022", "2017"))
    days = ("Tuesday, 10 November 2019", "Tuesday, 10 November 2021", "Tuesday, 10 November 2018")
    q = question("r2", "cloze", answer="Tuesday, 10 November 2020", choices=days)
    right, wrong = mcq_options(q)
    assert right == "10 November 2020" and "Tuesday" not in " ".join(wrong)
    # A blank whose words carried no preposition gets one: "froze in 2021", not "froze 2021".
    froze = "r5 Brussels froze _____ over rule-of-law concerns."
    q = question("r5", "cloze", froze, "two years ago (2021)", ("2019", "2020", "2022"))
    assert mcq_options(q) == ("in 2021", ("in 2019", "in 2020", "in 2022"))
    since = "r6 Prices have climbed since _____."
    q = question("r6", "cloze", since, "last winter (winter 2018)", ("winter 2017", "winter 2016"))
    assert mcq_options(q) == ("winter 2018", ("winter 2017", "winter 2016"))
    q = question("r4", "cloze", answer="nine", choices=("8", "4", "18"))
    assert mcq_options(q) == ("9", ("8", "4", "18"))
    # The part of a month the article said stays, on every option alike.
    late = "r14 Snow fell in _____ and early March."
    q = question("r14", "cloze", late, "late February (February 2018)", ("April 2018",))
    assert mcq_options(q) == ("late February 2018", ("late April 2018",))
    end = "r15 The sale will be completed by _____, the company said."
    q = question("r15", "cloze", end, "the end of June (June 2015)", ("March 2015",))
    assert mcq_options(q) == ("the end of June 2015", ("the end of March 2015",))
    farms = "r18 Outbreaks were also reported on poultry farms _____."
    q = question("r18", "cloze", farms, "this autumn (autumn 2022)", ("winter 2022–23",))
    assert mcq_options(q) == ("in autumn 2022", ("in winter 2022–23",))
    # A blank that opens the sentence is filled with a capital, on every option alike.
    opens = "(Reported in March 2025) _____ the rocket failed after 40 seconds."
    q = question("r16", "cloze", opens, "Last year (2024)", ("2023", "2022", "2021"))
    assert mcq_options(q) == ("In 2024", ("In 2023", "In 2022", "In 2021"))
    q = question("r17", "cloze", "_____ the rocket failed.", "late May (May 2024)", ("June 2024",))
    assert mcq_options(q) == ("Late May 2024", ("Late June 2024",))
    # Options that print the same are no multiple-choice question.
    assert quiz_kind(question("r3", answer="Paris", choices=("paris", "Rome", "Bonn"))) == "short"


@pytest.mark.parametrize(
    ("text", "answer", "choices", "options"),
    [
        # a preposition of its own, however long: no "in" is added
        ("r7 Rates could fall as early as _____ as prices ease.", "August (August 2019)",
         ("November 2019", "October 2019"), ("August 2019", ("November 2019", "October 2019"))),
        ("r8 Talks went on until _____.", "last year (2021)", ("2019", "2020"),
         ("2021", ("2019", "2020"))),
        ("r9 Prices rose in mid-_____.", "last year (2021)", ("2019", "2020"),
         ("2021", ("2019", "2020"))),
        # a date that qualifies the noun after it takes no preposition
        ("r10 He won after an inconclusive _____ election.", "October (October 2022)",
         ("September 2022", "June 2022"), ("October 2022", ("September 2022", "June 2022"))),
        ("r11 Spain recorded its hottest _____ day on record.", "June (June 2025)",
         ("May 2025", "March 2025"), ("June 2025", ("May 2025", "March 2025"))),
        # but a verb or a preposition after the blank leaves the blank a time
        ("r12 The government froze _____ over rule-of-law concerns.", "last year (2021)",
         ("2019", "2020"), ("in 2021", ("in 2019", "in 2020"))),
        ("r13 The company said _____ that it would cut jobs.", "last year (2021)",
         ("2019", "2020"), ("in 2021", ("in 2019", "in 2020"))),
        # a single day after "in" is the verb's "in": the day needs "on"
        ("r14 The new cabinet is expected to be sworn in _____.",
         "next Monday (19 December 2022)", ("26 December 2022", "21 December 2022"),
         ("on 19 December 2022", ("on 26 December 2022", "on 21 December 2022"))),
        ("r15 The ministers moved in _____.", "Monday, 12 December 2022",
         ("Monday, 5 December 2022", "Monday, 28 November 2022"),
         ("on 12 December 2022", ("on 5 December 2022", "on 28 November 2022"))),
        # a date named as a thing, the subject or the object of its clause, takes none
        ("r17 Dunkin' has set _____ as the deadline for bids.", "Nov. 10 (10 November 1989)",
         ("3 November 1989", "17 November 1989"),
         ("10 November 1989", ("3 November 1989", "17 November 1989"))),
        ("r18 The union said _____ was the last day of talks.", "Friday (10 November 1989)",
         ("3 November 1989", "17 November 1989"),
         ("10 November 1989", ("3 November 1989", "17 November 1989"))),
        # "in" before a month or a year is the date's own
        ("r16 The law was passed in _____.", "last year (2021)", ("2019", "2020"),
         ("2021", ("2019", "2020"))),
    ],
)  # fmt: skip
def test_date_options_get_the_preposition_their_blank_lacks(text, answer, choices, options):
    q = question(text.split()[0], "cloze", text, answer, choices)
    assert mcq_options(q) == options


def test_long_event_sentences_are_cut_only_after_the_blank():
    tail = " ".join(f"word{i}" for i in range(40))
    early = dated_cloze("e1", "a1", f"The port zqe1 closed in 1990 and {tail}.", "1990")
    ev = dated_event(early)
    assert ev is not None and ev.text.startswith("The port zqe1 closed in _____")
    assert ev.text.endswith(" …") and len(ev.text.split()) <= 37
    late = dated_cloze("e2", "a1", f"The {tail} port zqe2 closed in 1990.", "1990")
    assert dated_event(late) is None


def _fake_browser(folder, body: str) -> None:
    script = folder / "chromium"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)


def test_write_pdf_reports_a_failing_or_hanging_browser(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    out = tmp_path / "q.pdf"
    _fake_browser(bin_dir, "echo 'cannot open display' >&2; exit 3")
    with pytest.raises(StudykitError, match="could not print the quiz: cannot open display"):
        write_pdf("<p>x</p>", str(out))
    _fake_browser(bin_dir, "sleep 30")
    with pytest.raises(StudykitError, match="took longer than 1s"):
        write_pdf("<p>x</p>", str(out), timeout=1)
    assert not out.exists() and not list(tmp_path.glob(".q.pdf.*"))  # nothing half-written


def test_cli_says_when_count_is_more_than_there_is_and_counts_in_words(tmp_path):
    out = tmp_path / "q.html"
    result = CliRunner().invoke(main, ["quiz", str(ARTICLES), "-o", str(out), "--count", "500"])
    assert result.exit_code == 0, result.output
    first, done = result.stderr.splitlines()
    size = int(done.split()[0])
    assert first == f"studykit: --count 500, but there are only {size} numbered items to ask"
    result = CliRunner().invoke(main, ["quiz", str(ARTICLES), "-o", str(out), "--count", "1"])
    assert result.stderr == f"1 question → {out}\n"
