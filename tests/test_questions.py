"""Questions worth studying: tied to time, coreference, one card per fact, distractors."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import random
import re

import pytest
from click.testing import CliRunner

from studykit import resources as res
from studykit.articles import parse_article
from studykit.cli import main
from studykit.generate import _acronym_shown, generate_article
from studykit.mentions import annotate, number_value, surname
from studykit.model import Question
from studykit.pipeline import run
from studykit.select import (
    SAMPLE,
    _Candidate,
    _one_per_fact,
    _same_thing,
    _sample_lazily,
    distractors,
    select,
)
from studykit.templates import Slot, load_templates
from studykit.text import first_sentence, split_sentences

from conftest import ARTICLES, ROOT

TEMPLATES = load_templates()


def _article(body: str, date: str = "2020-11-10", name: str = "a.txt"):
    return parse_article(f"date {date} {body}", name)


def _org_pool(names) -> dict[str, list[tuple[str, str]]]:
    """A distractor pool of these bodies' names, as ``select`` keeps one."""
    return {"org": [(v, v.lower()) for v in names]}


def _never_offered(name: str, q: Question, pool, seeds: int) -> bool:
    """Whether no seed offers ``name`` as a choice for ``q``."""
    return all(name not in distractors(q, pool, seed) for seed in range(seeds))


def _q(question: str, answer: str, answer_kind: str, date: str, kind: str = "cloze",
       id: str = "q") -> Question:  # fmt: skip
    """A question as ``distractors`` sees it, from one article of ``date``."""
    return Question(
        id=id, kind=kind, question=question, answer=answer, choices=(), article="a.txt",
        article_id="a", article_date=date, article_title="", when=date, sentence="", start=0,
        end=0, template="t", tags=(), answer_kind=answer_kind,
    )  # fmt: skip


def _cards(tmp_path, *bodies: str) -> list[Question]:
    """The questions of articles with these texts ("date YYYY-MM-DD ..."), one file each."""
    for i, body in enumerate(bodies):
        (tmp_path / f"{i}.txt").write_text(body.rstrip("\n") + "\n")
    return run([str(tmp_path)])[0]


def _asking(qs: list[Question], opening: str) -> list[Question]:
    """The questions that open with ``opening`` ("Who said", "Who was the")."""
    return [q for q in qs if q.question.startswith(opening)]


def _date_blanks(qs: list[Question]) -> list[str]:
    """The answers of the cloze cards that blank a date."""
    return [q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "date"]


def _quotes(article) -> list:
    """The quotations of an article, with their speakers as ``attr("speaker")``."""
    return [m for s in annotate(article) for m in s.mentions if m.kind == "quote"]


def _people(article) -> dict[str, str]:
    return {m.text: m.value for s in annotate(article) for m in s.mentions if m.kind == "person"}


def test_surname_resolves_to_full_name():
    a = _article("Azerbaijan's President Ilham Aliyev spoke. Later Aliyev said it was over.")
    assert _people(a)["Aliyev"] == "Ilham Aliyev"


def test_role_resolves_to_the_person_named_in_it():
    a = _article("Armenia's Prime Minister, Nikol Pashinyan, signed. "
                 "The Armenian Prime Minister said he had no choice.")  # fmt: skip
    assert _people(a)["Armenian Prime Minister"] == "Nikol Pashinyan"


def test_he_added_continues_the_last_speaker():
    a = _article('Prime Minister Nikol Pashinyan said the deal hurt. '
                 '"I have taken this decision after a long analysis," he added.')  # fmt: skip
    quotes = _quotes(a)
    assert quotes[-1].attr("speaker") == "Nikol Pashinyan"


def test_every_question_is_tied_to_time_and_its_source(seed_results):
    questions, results = seed_results
    bodies = {r.article.file_name: r.article.body for r in results}
    for q in questions:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", q.article_date)
        assert q.when and not q.when.endswith("_REF")
        assert bodies[q.article][q.start : q.end] == q.sentence
        if q.template.startswith("office"):
            assert re.search(r"\b(in|as of) [A-Z][a-z]+ \d{4}\b", q.question), q.question


def test_questions_do_not_give_their_answer_away(seed_results):
    for q in seed_results[0]:
        if q.kind != "cloze":
            assert q.answer.lower() not in q.question.lower(), q.question


def test_no_two_questions_are_the_same(seed_results):
    seen: set[tuple[str, str]] = set()
    ids: set[str] = set()
    for q in seed_results[0]:
        key = (q.question.lower(), q.answer.lower())
        assert key not in seen, q.question
        assert q.id not in ids, q.id
        seen.add(key)
        ids.add(q.id)


def test_fact_in_two_articles_is_one_question_citing_both(tmp_path):
    text = "Russian President Vladimir Putin confirmed the agreement on the ceasefire."
    (tmp_path / "one.txt").write_text(f"date 2020-11-10 {text}\n")
    (tmp_path / "two.txt").write_text(f"date 2020-11-12 Officials met. {text}\n")
    qs, _ = run([str(tmp_path)])
    office = [q for q in qs if q.template == "office-holder"]
    assert len(office) == 1
    assert office[0].also_in == ("two.txt",)


def test_distractors_are_plausible_and_never_the_answer(seed_results):
    questions, results = seed_results
    with_choices = [q for q in questions if q.choices]
    assert len(with_choices) >= 10
    people = {v for r in results for kind, v in r.pool if kind == "person"}
    for q in with_choices:
        assert len(q.choices) == 3 and q.answer not in q.choices
        assert len(set(q.choices)) == 3
        if q.answer_kind == "person":
            assert set(q.choices) <= people  # other people from the corpus
        if q.answer_kind in ("number", "quantity"):
            value = float(number_value(re.sub(r"^(at least|more than|about) ", "", q.answer)))
            for c in q.choices:
                assert value / 3 <= float(number_value(c)) <= value * 3  # same magnitude


def test_distractor_picks_are_those_of_random_sample():
    # Picks are drawn as they are taken, so that the seed gives the same choices as before.
    for n in (0, 1, 2, 5, 39, 40, 41, 100, 276, 277, 278, 300, 5000):
        k = min(n, SAMPLE)
        for seed in range(20):
            expected = random.Random(seed).sample(range(n), k)
            assert list(_sample_lazily(random.Random(seed), n, k)) == expected


def test_max_per_article_keeps_the_best(seed_results):
    _, results = seed_results
    capped = select(results, max_per_article=3)
    counts: dict[str, int] = {}
    for q in capped:
        counts[q.article] = counts.get(q.article, 0) + 1
    assert counts and max(counts.values()) <= 3
    full = select(results)
    for art in counts:
        best = sorted((q.score for q in full if q.article == art), reverse=True)[:3]
        assert sorted((q.score for q in capped if q.article == art), reverse=True) == best


def test_cloze_blanks_are_worth_remembering():
    a = _article(
        "This year the city expects about 6 million visitors to the festival downtown. "
        "The treaty was signed under the Nuclear Non-Proliferation Treaty (NPT) rules in 1968.",
        date="2007-03-05",
    )
    qs = generate_article(a, TEMPLATES).questions
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert "1968" in answers
    assert not any(x.lower().startswith("this year") for x in answers)
    assert "NPT" not in answers and "Nuclear Non-Proliferation Treaty" not in answers


def test_explain_shows_mentions_matches_and_near_misses():
    path = ARTICLES / "2020-11-10-nagorno-karabakh-ceasefire.txt"
    result = CliRunner().invoke(main, ["explain", str(path)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "person   'Vladimir Putin' = Vladimir Putin" in out
    assert (
        "+ office-holder: Who was the President of Russia in November 2020?  →  Vladimir Putin"
        in out
    )
    assert re.search(r"- casualties-killed: has the slots \['quantity'\]", out)
    # A folder is a slip of the command line (exit 2); a missing file is worded as every
    # command words it.
    result = CliRunner().invoke(main, ["explain", str(ARTICLES)])
    assert result.exit_code == 2 and "is a folder; explain reads one article" in result.output
    result = CliRunner().invoke(main, ["explain", str(ARTICLES / "nope.txt")])
    assert result.exit_code == 1
    assert result.output.strip() == f"{ARTICLES / 'nope.txt'}: no such file or folder"


def test_explain_reports_its_own_failure_in_one_line(monkeypatch):
    # A bug met while explaining is reported as path: message with exit status 1, as every
    # other command reports it, never as a traceback.
    import studykit.explain

    def broken(article):
        raise IndexError("list index out of range")

    monkeypatch.setattr(studykit.explain, "annotate", broken)
    path = ARTICLES / "2020-11-10-nagorno-karabakh-ceasefire.txt"
    result = CliRunner().invoke(main, ["explain", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}: studykit failed on this article")
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit


def test_sentence_words_are_those_of_the_regular_expression():
    # A fact's id and the words distractors are checked against are made from them: the fast
    # way for ASCII must give what the regex gives.
    import re

    from studykit import text as text_module
    from studykit.text import plain_words

    texts = ["", " _a_ ", "U.S.-led forces, 1,200 (approx.)\t\x1c\x7f!", "Café “Zürich” K"]
    texts += ["x" + chr(c) + "y" + chr(c) for c in range(128)]
    texts += ["(In the story “Bush vows…”) He said—twice–‘no’ _____ … ok", "“Zürich…”"]
    for text in texts:
        assert plain_words(text) == re.sub(r"\W+", " ", text).strip()
    # The wide punctuation made spaces first must hold no word character.
    assert not re.search(r"\w", text_module._WIDE_PUNCTUATION)


def test_display_is_the_slots_display():
    from studykit.templates import display

    mentions = []
    for path in sorted(ARTICLES.glob("*.txt")):
        article = parse_article(path.read_text(encoding="utf-8"), str(path))
        mentions += [m for s in annotate(article) for m in s.mentions]
    assert {m.kind for m in mentions} >= {"person", "date", "number", "country"}
    for m in mentions:
        assert display(m) == Slot(m).display


def test_what_a_question_reads_of_the_article():
    from studykit.templates import _source_info

    def fields(source: str):
        return _source_info(source).article_fields

    assert fields("({{ article.date | bare_date }})") == ("date",)
    assert fields("{{ article.title }}, {{ article.date.value }}") == ("date", "title")
    assert fields("Reported") == ()
    for whole in ("{{ article }}", "{{ article['date'] }}", "{{ article.items() }}"):
        assert fields(whole) == ("date", "title", "id", "story"), whole
    assert fields("{{ article.date }} {{ when }}") is None


def test_a_cloze_line_is_rendered_for_each_article_it_differs_in(tmp_path):
    # The line before a cloze sentence is rendered once per text and the article fields it
    # reads: two articles of one day with different titles must still get their own.
    (tmp_path / "t.yaml").write_text(
        "- id: cloze-titled\n"
        "  kind: cloze\n"
        '  match: "{person}"\n'
        '  question: "({{ article.title }}, {{ article.date | bare_date }})"\n'
        "  examples:\n"
        "    - sentence: Crowds demanded the resignation of Prime Minister Nikol Pashinyan.\n"
        "      date: 2020-01-01\n"
        "      question: (X, 1 January 2020) Crowds demanded the resignation of Prime Minister"
        " _____.\n"
        "      answer: Nikol Pashinyan\n"
    )
    templates = load_templates([str(tmp_path / "t.yaml")])
    sentence = "Crowds in the capital demanded the resignation of Prime Minister Nikol Pashinyan."
    lines = set()
    for title in ("One", "Two"):
        a = parse_article(f"---\ntitle: {title}\ndate: 2020-11-10\n---\n{sentence}\n", "a.txt")
        (q,) = generate_article(a, templates).questions
        lines.add(q.question.split(")")[0])
    assert lines == {"(One, 10 November 2020", "(Two, 10 November 2020"}


def test_the_date_of_a_fact_is_worked_out_as_fact_when_says(seed_results):
    # fact_when remembers the last sentence's date; it must give what working it out gives.
    import studykit.templates as tm

    _, results = seed_results
    calls = [
        (t, match, sent, r.article)
        for r in results
        for sent in annotate(r.article)
        for t in TEMPLATES
        for match in tm.find_matches(t, sent)
    ]
    remembered = [tm.fact_when(*call) for call in calls]  # in order, as generation calls it
    afresh = []
    for call in calls:
        tm._SENTENCE_WHEN = (None, None)  # forget: work it out from the sentence alone
        afresh.append(tm.fact_when(*call))
    assert remembered == afresh
    assert len(calls) > 50


def test_his_or_her_after_a_named_subject_is_the_subjects_own(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-10-28 Elon Musk completed his takeover of Twitter on Thursday and fired "
        "chief executive Parag Agrawal.\n",
        "date 2023-01-20 Jacinda Ardern told reporters on Thursday that she had thanked "
        "colleagues. Grant Robertson thanked her for the years of work on Friday.\n",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert {"Thursday, 27 October 2022", "Parag Agrawal"} <= answers, answers
    # As an object, "her" is someone the sentence does not name.
    assert not [q.question for q in qs if q.sentence.startswith("Grant")]


def test_a_pronoun_is_looked_for_only_as_far_as_it_needs(seed_results):
    # The search stops just past the first name; the plain way searches the whole sentence,
    # then compares. Both must find the same sentences.
    from studykit.generate import _pronoun_before_names, _pronoun_re

    def plain(sent) -> bool:
        pron = _pronoun_re()[0].search(sent.sentence.text)
        names = [m.start - sent.sentence.start for m in sent.mentions
                 if m.kind in ("person", "org", "place", "country")]  # fmt: skip
        return pron is not None and pron.start() < min(names, default=len(sent.sentence.text))

    sentences = [s for r in seed_results[1] for s in annotate(r.article)]
    sentences += annotate(_article(
        "Then his Armenia talks ended. Theirs Armenia said so. The itsy Armenia was here. "
        "Then Its Armenia and He Russia met. Themis Russia spoke."))  # fmt: skip
    found = [_pronoun_before_names(s) for s in sentences]
    assert found == [plain(s) for s in sentences]
    assert True in found and False in found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(  # an "its" that ranks the clause before it
            "Inflation in the euro zone fell to 2.2 percent in August, its lowest level in three "
            "years. Prices in the euro zone rose sharply in August, its officials said on "
            "Monday. Prices in the euro zone rose in August, and its economy shrank by 0.2 "
            "percent.",
            id="its-ranking",
        ),
        pytest.param(  # "their" after a people or party named in the plural
            "Labour won 411 of the 650 seats in the House of Commons, while the Conservatives "
            "won 121, their worst result in history. The turnout was low, and their leader "
            "resigned within the hour. The party lost 251 seats, and their new leader blamed "
            "the campaign.",
            id="their-after-a-plural-name",
        ),
    ],
)
def test_a_pronoun_with_its_own_referent_points_nowhere_else(text):
    from studykit.generate import cloze_ok

    # The first sentence's pronoun has its referent there; the others point elsewhere.
    sentences = annotate(_article(text))
    assert [cloze_ok(s) for s in sentences] == [True, False, False]


def _mentions(article) -> list[tuple[str, str, str]]:
    return [(m.kind, m.text, m.value) for s in annotate(article) for m in s.mentions]


def test_a_surname_after_the_names_a_place_not_the_man():
    art = _article(
        "The Horniman Museum, founded by tea trader Frederick Horniman in 1901, agreed to "
        "return 72 objects. Six will stay on loan at the Horniman. Horniman collected them."
    )
    people = [(t, v) for k, t, v in _mentions(art) if k == "person"]
    assert people == [
        ("Frederick Horniman", "Frederick Horniman"), ("Horniman", "Frederick Horniman"),
    ], people  # fmt: skip


def test_a_dateline_of_capitals_and_a_bare_dash_is_no_part_of_a_card(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-11-28 LONDON - The Horniman Museum agreed on Monday to return 72 objects "
        "to Nigeria. Its trustees voted in August - a first in Britain.\n",
    )
    assert qs and not [q.question for q in qs if "LONDON" in q.question], [q.question for q in qs]
    qs = _cards(
        tmp_path,
        "date 2023-09-14 STOCKHOLM, Sept 14 - Nordvik Interactive said on Thursday it would "
        "cut about 450 jobs.\n",
    )
    assert qs and not [q.question for q in qs if "STOCKHOLM" in q.question], [
        q.question for q in qs
    ]


def test_a_stock_phrase_is_no_saying_worth_asking_who_said():
    art = _article(
        '"Our thoughts are with the families of those who died," Superintendent Karen Hollis '
        'said. "It\'s a dream come true for me and my team," Alcaraz said. "The line will '
        'stay closed while engineers repair the damaged track," Mark Harper said.'
    )
    worth = {
        m.value: Slot(m).long for sent in annotate(art) for m in sent.mentions if m.kind == "quote"
    }
    assert [bool(v) for v in worth.values()] == [False, False, True], worth


def test_a_byline_that_opens_the_body_is_no_sentence_of_the_story(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2021-07-16 By Hannah Weiss, Associated Press. ERFTSTADT, Germany (AP) - The Erft "
        "river burst its banks on Thursday, killing at least 43 people. Rescuers said about "
        "1,300 people were unaccounted for. By Friday, the water had fallen.\n",
    )
    assert qs and not [q.question for q in qs if "Weiss" in q.question], [q.question for q in qs]
    assert any("The Erft river burst" in q.question for q in qs), [q.question for q in qs]
    assert "43" in {q.answer for q in qs}


def test_a_dateline_on_a_line_of_its_own_is_no_sentence_of_the_story(tmp_path):
    # The story opens with the sentence after it: that names the story on its cards, and
    # the lead is read as the lead.
    body = (
        "NAIROBI, Kenya (AP) _\n\nTerrorist bombings at embassies in Kenya and Tanzania blew "
        "apart buildings and buses on Friday.\n\nAt least 82 were killed and more than 1,700 "
        "injured, officials said as dawn broke Saturday.\n"
    )
    assert split_sentences(body)[0].text.startswith("Terrorist bombings")
    assert first_sentence(body).startswith("Terrorist bombings")
    qs = _cards(tmp_path, f"date 1998-08-08 {body}")
    injured = [q.question for q in qs if q.question.startswith("According")]
    assert injured and all("in the story “Terrorist bombings" in q for q in injured), injured


def test_a_nickname_after_an_initial_and_a_co_author_role_stay_out_of_the_wrong_place():
    art = _article(
        'Baltimore Mayor Bernard C. "Jack" Young said the city would recover. Co-author Paul '
        "Oliver said the frog was rare. Portuguese Prime Minister Luís Montenegro blamed "
        "Spain. Egyptologist Nadia Khalil and Chief Magistrate Emma Arbuthnot agreed. Russia "
        "freed former U.S. Marine Paul Whelan on Thursday. Passenger Andrew Kirby said the "
        "carriage lurched."
    )
    people = [t for k, t, _ in _mentions(art) if k == "person"]
    assert people == [
        'Bernard C. "Jack" Young', "Paul Oliver", "Luís Montenegro", "Nadia Khalil",
        "Emma Arbuthnot", "Paul Whelan", "Andrew Kirby",
    ], people  # fmt: skip


def test_a_name_with_a_participle_describes_the_name_after_it():
    art = _article(
        "The Health Ministry in Hamas-run Gaza says 14,800 people have been killed. Trucks "
        "entered Hamas-run Gaza on Friday. The Saudi-led coalition bombed Sanaa. The New "
        "York-based Crescott Inc. agreed.",
        date="2023-11-25",
    )
    found = [(k, t) for k, t, _ in _mentions(art)]
    assert not any("-run" in t or "-led" in t or "-based" in t for _, t in found), found
    assert ("org", "Crescott Inc.") in found, found


def test_a_role_in_apposition_makes_a_person_and_a_peoples_possessive_stays_in_a_name():
    art = _article(
        "Yukio Edano, the chief cabinet secretary, said the reactor was intact. Haddad spoke "
        "to supporters in Sao Paulo, but said he would not concede. The Tigray People's "
        "Liberation Front and Brazil's Workers' Party agreed. Obama's Democratic Party lost."
    )
    found = _mentions(art)
    people = [v for k, _, v in found if k == "person"]
    orgs = [v for k, _, v in found if k == "org"]
    assert "Yukio Edano" in people and "Sao Paulo" not in people
    assert "Tigray People's Liberation Front" in orgs and "Workers' Party" in orgs
    assert "Democratic Party" in orgs and not any("Obama" in o for o in orgs)


def test_a_name_after_a_noun_for_a_body_is_a_body():
    art = _article(
        "The protest group Pussy Riot said it was responsible. The Internet security firm "
        "Secunia.com counted 277 flaws. Ratners agreed to buy the jewelry retailer Weisfield's "
        "Inc. for $55 million."
    )
    found = _mentions(art)
    assert ("org", "Pussy Riot", "Pussy Riot") in found
    assert not any(v in ("Pussy Riot", "Secunia") for k, _, v in found if k == "person")
    assert not any(v in ("Secunia", "Weisfield") for k, _, v in found if k == "org"), found


def test_a_quotation_split_by_its_attribution_is_one_saying(tmp_path):
    art = _article(
        'Defence Minister Boris Pistorius visited Kyiv on Thursday. "We are ready," Pistorius '
        'said, "to help Ukraine for as long as it takes." "We came," he said. "We saw." '
        '"It was," said one diplomat, "a long day."'
    )
    quotes = [(m.value, m.attr("speaker")) for m in _quotes(art)]
    assert quotes[0] == ("We are ready to help Ukraine for as long as it takes", "Boris Pistorius")
    # Two sayings, and halves of a saying whose speaker is unknown, stay apart.
    assert [v for v, _ in quotes[1:]] == ["We came", "We saw", "It was", "a long day"], quotes
    qs = _cards(tmp_path, f"date 2024-03-15 {art.body}\n")
    assert "Who said “We are ready to help Ukraine for as long as it takes” in March 2024?" in {
        q.question for q in qs
    }, [q.question for q in qs]


def test_a_quoted_title_may_open_a_card_but_no_blank_cuts_it(tmp_path):
    qs = _cards(
        tmp_path,
        'date 2023-03-13 "Everything Everywhere All at Once" won seven Academy Awards on '
        "Sunday, including Best Picture, at the Oscars ceremony in Los Angeles. The German film "
        '"All Quiet on the Western Front" won four awards, including Best International '
        'Feature. "We are thrilled to win," producers said after the ceremony in Los Angeles.\n',
    )
    cloze = {q.answer: q.sentence for q in qs if q.kind == "cloze"}
    assert "Sunday, 12 March 2023" in cloze and "Los Angeles" in cloze, cloze
    assert cloze["Los Angeles"].startswith('"Everything'), cloze
    assert "four" in cloze, cloze
    # (Every card the article makes, before the deck picks some.)
    art = _article(
        'The German film "All Quiet on the Western Front" won four awards, including Best '
        "International Feature, at the ceremony in Los Angeles."
    )
    made = {q.answer for q in generate_article(art, TEMPLATES).questions}
    assert "four" in made and "Western Front" not in made, made


def test_digits_read_out_are_no_count():
    art = _article(
        "Clinton spoke of the terrorists who blew up Pan Am flight one oh three over Scotland, "
        "killing all 259 people on board. The jet had three engines."
    )
    counts = [t for k, t, _ in _mentions(art) if k == "number"]
    assert counts == ["259", "three"], counts
    # A flight named by its number in words, and NATO's count of its members.
    art = _article(
        "TWA eight hundred center, I think that was him. NATO's three newest members were once "
        "under the Soviet umbrella. In May two hundred people died in the floods."
    )
    counts = [t for k, t, _ in _mentions(art) if k == "number"]
    assert counts == ["three", "two hundred"], counts
    # Radio talk read out digit by digit is no card.
    from studykit.generate import cloze_ok

    talk = annotate(_article(
        "TWA's eight hundred heavy climb and maintain one five thousand leavin- three thousand. "
        "The controller cleared the flight to climb to 15,000 feet at 8:19 p.m."
    ))  # fmt: skip
    assert [cloze_ok(s) for s in talk] == [False, True]


def test_who_reports_and_letters_that_sort_a_plural_are_no_blanks():
    art = _article(
        "Serbian police shelled villages in Kosovo on Thursday. BBC correspondent Karyn "
        "Coleman reports from Kosovo. Many NASA watchers say female astronauts have become "
        "routine. Officials said NASA plans two more launches in May from Florida."
    )
    made = {(q.answer, q.sentence[:12]) for q in generate_article(art, TEMPLATES).questions}
    assert not [a for a in made if a[0] == "Karyn Coleman" or a[1] == "Many NASA wa"], made
    assert ("NASA", "Officials sa") in made, made  # "plans" is a verb here


def test_a_body_told_by_its_legal_form_or_as_a_firm_is_a_body_wherever_named():
    art = _article(
        "Montedison began its offer for all the shares of Erbamont N.V., a drug maker. "
        "Institut Merieux, a vaccine and bioresearch firm based in Lyon, raised its bid. The "
        "university sought to block an offer by Institut Merieux on Friday. Norton Co. said "
        "profit fell, and Norton shares rose 50 cents. Paribas still needs the go-ahead from "
        "the Commission des Operations de Bourse, a government regulatory agency. Mary Jones, "
        "a member of the band, left."
    )
    found = _mentions(art)
    orgs = [(t, v) for k, t, v in found if k == "org"]
    assert ("Erbamont N.V.", "Erbamont N.V.") in orgs, orgs
    assert orgs.count(("Institut Merieux", "Institut Merieux")) == 2, orgs
    assert ("Norton", "Norton Co.") in orgs, orgs
    assert not [t for t, _ in orgs if "Operations" in t], orgs
    assert [v for k, _, v in found if k == "person"] == ["Mary Jones"], found


def test_sir_and_a_given_name_is_the_knight_the_story_named_in_full():
    art = _article(
        "Jaguar Chairman Sir John Egan met the minister on Thursday. In the end, Sir John -- "
        "rather than the government -- may hold the key to the golden share."
    )
    people = [(t, v) for k, t, v in _mentions(art) if k == "person"]
    assert people == [("John Egan", "John Egan"), ("John", "John Egan")], people


def test_royal_before_a_countrys_adjective_opens_the_bodys_name():
    art = _article("The prize was announced by the Royal Swedish Academy of Sciences on Wednesday.")
    orgs = [v for k, _, v in _mentions(art) if k == "org"]
    assert orgs == ["Royal Swedish Academy of Sciences"], orgs


def test_a_name_joined_by_an_ampersand_is_one_body():
    art = _article(
        "CNW Corp. merged with a subsidiary of Chicago & North Western Holdings Corp. on "
        "Friday, the railroad said in Chicago."
    )
    found = [(k, t) for k, t, _ in _mentions(art) if k in ("org", "place")]
    assert ("org", "Chicago & North Western Holdings Corp.") in found, found
    assert found.count(("place", "Chicago")) == 1, found  # the city the railroad spoke in


def test_a_name_before_flight_is_an_airline():
    art = _article(
        "Investigators said Pan Am flight 103 was bombed over Lockerbie in 1988. EgyptAir "
        "flights resumed in May. Jane Smith flew to Rome on a later flight."
    )
    found = _mentions(art)
    assert ("org", "Pan Am", "Pan Am") in found and ("org", "EgyptAir", "EgyptAir") in found
    assert [v for k, _, v in found if k == "person"] == ["Jane Smith"], found


def test_a_possessive_after_a_period_opens_no_quotation():
    # The "'" of "Corp.'s" opens no quotation that "Dunkin'" would close and hide the
    # names between.
    art = _article(
        "DD Acquisition Corp., a partnership of Unicorp Canada Corp.'s Kingsbridge Capital "
        "Group and Cara Operations Ltd., extended its offer for all Dunkin' Donuts Inc. shares."
    )
    found = _mentions(art)
    assert not [m for m in found if m[0] == "quote"], found
    assert ("org", "Dunkin' Donuts Inc.", "Dunkin' Donuts Inc.") in found
    # A quotation in single quotes still is one.
    quoted = _article("The minister said the plan was 'a betrayal of the people' on Tuesday.")
    assert [m[2] for m in _mentions(quoted) if m[0] == "quote"] == ["a betrayal of the people"]


def test_airlines_units_and_bureaus_are_bodies_not_people():
    art = _article(
        "Peru's Condor Air agreed to merge with Delta Air Lines. Kenya's Civil Protection Unit "
        "said rain weakened the rock. The Federal Bureau said the National Guard and the Peace "
        "Corps helped."
    )
    found = _mentions(art)
    orgs = {v for k, _, v in found if k == "org"}
    assert {"Condor Air", "Delta Air Lines", "Civil Protection Unit", "National Guard"} <= orgs
    assert {"Federal Bureau", "Peace Corps"} <= orgs
    assert not [v for k, _, v in found if k == "person"], found
    assert res.org_kind("Condor Air") == res.org_kind("Delta Air Lines") == "company"


def test_bodies_documents_and_plural_roles_are_not_people():
    art = _article(
        "The National League for Democracy won. Chief Justice John Roberts and Justices "
        "Antonin Scalia and Clarence Thomas dissented. Buckingham Palace said the queen died. "
        "Charles takes the throne with his wife, Camilla, as Queen Consort. Europe's General "
        "Data Protection Regulation came into force. Myanmar's State Counsellor Aung San Suu "
        "Kyi was detained. The ruling in Obergefell v. Hodges came on Friday. President "
        "Richard von Weizsacker said East Germans wanted peace.",
        "2021-02-01",
    )
    found = _mentions(art)
    people = sorted(m[2] for m in found if m[0] == "person")
    assert "Aung San Suu Kyi" in people and "John Roberts" in people, people
    assert not [p for p in people if p.split()[0] in ("Justices", "Consort", "State", "Data")]
    assert not [p for p in people if p.endswith(("Palace", "Regulation", "Germans"))], people
    orgs = sorted(m[2] for m in found if m[0] == "org")
    assert orgs == ["Buckingham Palace", "National League for Democracy"], orgs
    assert (
        split_sentences(art.body)[-2].text == "The ruling in Obergefell v. Hodges came on Friday."
    )


def test_a_verb_after_a_number_is_not_what_it_counts():
    art = _article(
        "The jury of 12 found him guilty. Police said 200 wounded were taken to hospital.",
        "2021-04-20",
    )
    nouns = {
        m.text: m.attr("noun") for s in annotate(art) for m in s.mentions if m.kind == "number"
    }
    assert nouns == {"12": "", "200": "wounded"}, nouns


def test_a_number_before_two_nouns_joined_by_and_counts_both():
    art = _article(
        "Officials said 1,400 firefighters had been deployed with 31 helicopters and planes. "
        "The 5 men and women were freed. Police arrested 10 soldiers and a police officer. "
        "It sent 40 tanks and fired shells.",
        "2024-02-05",
    )
    nouns = {
        m.text: m.attr("noun") for s in annotate(art) for m in s.mentions if m.kind == "number"
    }
    assert nouns == {
        "1,400": "firefighters",
        "31": "helicopters and planes",
        "5": "men and women",
        "10": "soldiers",
        "40": "tanks",
    }, nouns


def test_a_verb_after_a_number_is_no_noun_it_counts(tmp_path):
    # "where 452 died": no "how many died died in Taroudant Province?"
    art = _article(
        "Most of the deaths were in Al Haouz Province, where 1,293 people died, and in "
        "Taroudant Province, where 452 died. Three perished at sea.",
        "2023-09-10",
    )
    nouns = {
        m.text: m.attr("noun") for s in annotate(art) for m in s.mentions if m.kind == "number"
    }
    assert nouns == {"1,293": "people", "452": "", "Three": ""}, nouns


def test_a_count_of_two_nouns_asks_about_both(tmp_path):
    (tmp_path / "t.yaml").write_text(
        "- id: vehicles\n  kind: short\n  match: 'deployed with {quantity}'\n"
        "  question: 'How many {{ quantity.noun }} went with the deployment?'\n"
        "  answer: '{{ quantity.amount }}'\n  examples: [{sentence: s, no_match: true}]\n"
    )
    (tmp_path / "a.txt").write_text(
        "date 2024-02-05 Officials said 1,400 firefighters had been deployed with 31 "
        "helicopters and planes.\n"
    )
    qs = run([str(tmp_path / "a.txt")], [str(tmp_path / "t.yaml")])[0]
    assert [(q.question, q.answer) for q in qs] == [
        ("How many helicopters and planes went with the deployment?", "31")
    ]


def test_a_generational_suffix_belongs_to_the_name_and_is_no_surname():
    art = _article(
        "At a news conference, Secretary of State James A. Baker III said Jordan was seeking "
        "guidance. Louis Gerstner Jr., the chairman, said the sale was a step. Mr. Baker "
        "said more talks would follow. Mr. Gerstner said nothing else.",
        date="1990-08-16",
    )
    found = _mentions(art)
    assert ("person", "James A. Baker III", "James A. Baker III") in found
    assert ("person", "Louis Gerstner Jr.", "Louis Gerstner Jr.") in found
    assert ("person", "Baker", "James A. Baker III") in found  # the surname, not "III"
    assert ("person", "Gerstner", "Louis Gerstner Jr.") in found
    assert not [m for m in found if m[0] == "org"]  # "III" is no organization
    assert surname("James A. Baker III") == "Baker" and surname("Baker") == "Baker"


def test_dotted_initials_do_not_end_a_sentence():
    body = "The attack was planned, spokesman P.J. Crowley said. Officials agreed."
    assert [s.text for s in split_sentences(body)] == [
        "The attack was planned, spokesman P.J. Crowley said.",
        "Officials agreed.",
    ]


def test_a_quotation_of_two_sentences_stays_with_its_speaker():
    body = (
        '"We have lost entire streets. Many are still under the rubble," said the mayor. '
        'He said "yes." Then he left. \u201cIt was hard. We won,\u201d she said.'
    )
    assert [s.text for s in split_sentences(body)] == [
        '"We have lost entire streets. Many are still under the rubble," said the mayor.',
        'He said "yes."',
        "Then he left.",
        "\u201cIt was hard. We won,\u201d she said.",
    ]


def test_a_role_word_before_a_name_is_not_part_of_it():
    art = _article(
        'In Newark, U.S. Attorney Samuel A. Alito said, "There is no legal reason to limit it."',
        date="1989-10-27",
    )
    people = _people(art)
    assert people.get("Samuel A. Alito") == "Samuel A. Alito"
    assert not any(name.startswith("Attorney") for name in people)


def test_a_dateline_city_in_capitals_is_no_organization():
    art = _article(
        "MIAMI (AP) _ Relatives said the INS ruling was wrong. ADDIS ABABA, Ethiopia -- The "
        "OAU met. Officials spoke. Analysts agreed. NATO -- the alliance -- said it would act."
    )
    orgs = [m[1] for m in _mentions(art) if m[0] == "org"]
    assert orgs == ["INS", "OAU", "NATO"]


def test_a_quotation_that_runs_across_two_quotes_is_not_taken():
    art = _article("He said it was \"paid by the United States ``to fight terrorism,'' he said\".")
    assert not [m for m in _mentions(art) if m[0] == "quote"]


def test_an_office_word_before_a_surname_is_not_part_of_the_name():
    art = _article(
        "Donna Shalala said on Monday that it was over. Secretary Shalala says the plan failed."
    )
    assert _people(art).get("Shalala") == "Donna Shalala"


def test_distractors_come_first_from_the_same_story_and_never_from_the_question(tmp_path):
    story = (
        "Russian President Vladimir Putin said the deal was signed. Russian Foreign Minister "
        "Sergei Lavrov said Armenia had no choice. Russian Prime Minister Mikhail Mishustin "
        "said the decision was painful. Russian Defence Minister Sergei Shoigu said the army "
        "welcomed it."
    )
    (tmp_path / "story.txt").write_text(f"date 2020-11-10 {story}\n")
    others = ["Howard Webb", "John Terry", "Petr Cech", "Carlos Lage", "John Burrows"]
    for i, name in enumerate(others):
        (tmp_path / f"other{i}.txt").write_text(
            f"date 2007-02-2{i} Referee {name} said the match was fair.\n"
        )
    qs, _ = run([str(tmp_path)])
    in_story = {"Vladimir Putin", "Sergei Lavrov", "Mikhail Mishustin", "Sergei Shoigu"}
    asked = [q for q in qs if q.article == "story.txt" and q.answer_kind == "person"]
    assert asked
    for q in asked:
        assert len(q.choices) == 3
        assert set(q.choices) <= in_story - {q.answer}  # three others from the same story
        assert not any(c.lower() in q.question.lower() for c in q.choices)


def test_an_office_question_offers_only_the_answer_s_compatriots(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2020-11-10 Russian President Vladimir Putin said the deal was signed. "
        "Azerbaijan's President Ilham Aliyev said Armenia had no choice. Armenia's Prime "
        "Minister Nikol Pashinyan said the decision was painful. Turkish Foreign Minister "
        "Mevlut Cavusoglu said Turkey welcomed it.\n",
    )
    office = [q for q in qs if q.question.startswith("Who was the")]
    assert office and all(not q.choices for q in office), [(q.question, q.choices) for q in office]


def test_no_two_choices_name_the_same_thing():
    names = ("SNP", "Scottish National Party", "Conservative Party", "Green Party")
    pool = _org_pool(names)
    q = _q("The _____ won the seat.", "Labour Party", "org", date="2020-11-10", id="q1")
    for seed in range(30):
        choices = distractors(q, pool, seed, org_kinds={"SNP": "party"})
        assert len(choices) == 3
        assert not {"SNP", "Scottish National Party"} <= set(choices)
    # An acronym with more letters than its words: "ASEAN".
    assert _same_thing("ASEAN", "Association of Southeast Asian Nations")
    assert not _same_thing("RCEP", "Association of Southeast Asian Nations")
    # A misspelt acronym is the same body: "the International Atomic Energy Agency (IAFA)".
    q = _q(
        "The director of the _____, Mohamed ElBaradei, spoke.",
        "IAEA",
        "org",
        date="2006-03-03",
        id="q2",
    )
    pool = {"org": [(v, v.lower()) for v in ("IAFA", "NATO", "Labor Party", "UNESCO", "ECB")]}
    assert not any("IAFA" in distractors(q, pool, seed) for seed in range(30))


def test_quoted_titles_and_fragments_are_not_speech():
    art = _article(
        'Baker said on ABC\'s "This Week With David Brinkley" that the war was near. '
        '"Yes, we can do it," Obama said. He added ", and then we left" to the notes.'
    )
    quotes = [m[2] for m in _mentions(art) if m[0] == "quote"]
    assert quotes == ["Yes, we can do it"]


def test_a_named_sea_or_gulf_is_a_place_and_other_is_no_first_name():
    art = _article(
        "Ships entered the Persian Gulf on Monday. Other Bush aides said the Black Sea was calm."
    )
    found = _mentions(art)
    places = [m[1] for m in found if m[0] == "place"]
    assert places == ["Persian Gulf", "Black Sea"]
    assert not any(m[1].startswith("Other") for m in found)


def test_a_full_name_gets_full_names_as_choices():
    names = ("Clinton", "Boris Yeltsin", "Gore", "Madeleine Albright", "Yasser Arafat")
    pool = {"person": [(v, v.lower()) for v in names]}
    q = _q(
        "Who was the President of the Czech Republic?",
        "Vaclav Havel",
        "person",
        date="1999-03-12",
        kind="short",
        id="q2",
    )
    for seed in range(20):
        choices = distractors(q, pool, seed)
        assert set(choices) == {"Boris Yeltsin", "Madeleine Albright", "Yasser Arafat"}


def test_a_company_gets_companies_as_choices_while_there_are_enough():
    names = ("Palm Inc.", "Scottish National Party", "Palm Inc.", "Research In Motion Ltd.",
             "World Health Organization", "Qatalyst Partners", "Senate")  # fmt: skip
    pool = _org_pool(names)
    q = _q(
        "Microsoft said it would buy _____.", "LinkedIn Corp.", "org", date="2016-06-13", id="q3"
    )
    party = dataclasses.replace(q, id="q4", answer="Labour Party")
    for seed in range(20):
        assert set(distractors(q, pool, seed)) == {
            "Palm Inc.",
            "Research In Motion Ltd.",
            "Qatalyst Partners",
        }
        # One party in the pool: a body of another kind is no choice, so none is offered.
        assert distractors(party, pool, seed) == ()


def test_a_holder_of_office_gets_holders_of_office_as_choices_and_others_get_others():
    holders = ("Vladimir Putin", "Naoto Kan", "Michel Temer", "Barack Obama")
    others = ("Ira Sorkin", "Denny Chin", "Michael Phelps", "Steve Jobs")
    pool = {"person": [(v, v.lower()) for v in holders + others]}
    q = _q(
        "President _____ called Japan an ally.",
        "Barack Obama",
        "person",
        date="2011-03-12",
        id="q7",
    )
    lawyer = dataclasses.replace(q, id="q8", question="Madoff's lawyer, _____, sought 12 years.",
                                 answer="Ira Sorkin")  # fmt: skip
    # "Chinese Premier _____", "U.S. President _____": a leader of another country is wrong
    # at sight, so only compatriots are offered (here none: no choices).
    american = dataclasses.replace(
        q, id="q9", question="U.S. President _____ called Japan an ally."
    )
    for seed in range(20):
        assert set(distractors(q, pool, seed, holders=frozenset(holders))) == set(holders[:3])
        assert set(distractors(lawyer, pool, seed, holders=frozenset(holders))) == set(others[1:])
        assert not distractors(american, pool, seed, holders=frozenset(holders))


def test_the_storys_own_people_come_before_holders_of_office_from_other_stories():
    holders = ("Gitanas Valaitis", "Narendra Modi", "Hector Villanueva", "Enoch Godongwana")
    own = ("Andrius Kazlauskas", "Rasa Vaitkute", "Tomas Jankauskas")
    pool = {"person": [(v, v.lower()) for v in holders + own]}
    q = _q("Who was the President of Lithuania in June 2019?", "Gitanas Valaitis", "person",
           date="2019-06-10", id="q9")  # fmt: skip
    local = [4, 5, 6, 0]  # the story names its own three people and the answer
    for seed in range(20):
        got = distractors(q, pool, seed, local=local, holders=frozenset(holders))
        assert set(got) == set(own), got
        # With no story of its own, other holders of office come first, as before.
        assert set(distractors(q, pool, seed, holders=frozenset(holders))) == set(holders[1:])


def test_names_are_offered_only_from_the_answers_own_story(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2021-08-01 Italy's sprinter Marcell Jacobs won the Olympic 100 metres final on "
        "Sunday. Canada's sprinter Andre De Grasse claimed bronze, and sprinter Fred Kerley, "
        "who took silver, praised sprinter Paul Moss. Sprinter Tom Hunt and coach Alan Lee "
        "watched.\n",
        "date 2021-08-02 Mayor Sylvester Turner, who met Governor Greg Abbott, said Houston "
        "would recover from the floods that struck the city on Friday.\n",
    )
    people = {q.answer: q.choices for q in qs if q.answer_kind == "person" and q.kind == "cloze"}
    story = {
        "Marcell Jacobs",
        "Andre De Grasse",
        "Fred Kerley",
        "Alan Lee",
        "Tom Hunt",
        "Paul Moss",
    }
    assert people.get("Sylvester Turner") == (), people  # his story names one other person
    assert people.get("Andre De Grasse") == (), people  # "Canada's _____": no other Canadian
    offered = [c for a, cs in people.items() if a in story for c in cs]
    assert offered and set(offered) <= story, people


def test_range_ends_are_no_cards_and_a_share_beside_the_share_before_it_is(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2024-06-03 Sheinbaum took between 58.3 percent and 60.7 percent of the vote. "
        "The company expects revenue of $8.7 billion to $8.9 billion next quarter. "
        "Operating margin widened to 34 percent from 31 percent, the finance chief said. "
        "Sales were $6.6 billion, up 13% from $5.8 billion.",
    )
    blanks = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"58.3", "60.7", "8.7 billion", "8.9 billion"} & blanks, blanks
    assert "34" in blanks, blanks
    assert "13" not in blanks, blanks  # the two sums give the change


def test_a_verb_of_appointment_says_a_name_is_a_person():
    art = _article(
        "Philip Hammond was named foreign secretary on Tuesday. Nicky Morgan became education "
        "secretary. Kamala Harris was sworn in as vice president. Goldman Sachs was named lead "
        "adviser on the deal. Apple became the first company worth three trillion dollars."
    )
    people = [v for k, _, v in _mentions(art) if k == "person"]
    assert people == ["Philip Hammond", "Nicky Morgan", "Kamala Harris"], people


def test_an_honorific_goes_into_the_blank_of_a_full_name(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2017-11-13 Leaders of South East Asian nations agreed on Monday to begin talks "
        "with China. US President Donald Trump met Philippine President Rodrigo Duterte on "
        "Monday morning. Mr Trump, on the final leg of a 12-day tour of Asia, left before the "
        "East Asia Summit, sending Secretary of State Rex Tillerson in his place.\n",
    )
    named = [q.question for q in qs if q.answer == "Donald Trump" and q.kind == "cloze"]
    assert named and not [q for q in named if re.search(r"Mr\.? _____", q)], named


def test_a_police_force_is_a_body_and_keeps_its_nation():
    art = _article("British Transport Police said their investigation was continuing.")
    assert ("org", "British Transport Police", "British Transport Police") in _mentions(art)
    survey = _article("A quake struck on Sunday, the U.S. Geological Survey said.")
    assert not [m for m in _mentions(survey) if m[0] == "person"], _mentions(survey)


def test_the_day_a_running_figure_stood_so_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2011-03-14 A magnitude-9.0 earthquake struck northeastern Japan on Friday. The "
        "death toll rose to 1,897 on Monday, police said. Shares of Tepco had a closing price "
        "of $22.10 on Monday. By Monday the death toll had risen to 1,897, the agency said.\n",
    )
    days = [q.question for q in qs if q.answer.startswith("Monday")]
    assert not days, days
    assert {"1,897", "Friday, 11 March 2011"} <= {q.answer for q in qs}, [q.answer for q in qs]


def test_a_year_and_a_length_back_from_the_report_give_each_other_away(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2009-08-16 Usain Bolt of Jamaica broke his own world record on Sunday. The race "
        "was held 73 years after Jesse Owens won four gold medals at the 1936 Olympics. The "
        "stadium was first opened in 1913.\n",
    )
    answers = {q.answer for q in qs}
    assert not {"1936", "73 years"} & answers, answers
    assert {"four", "1913"} <= answers, answers


def test_the_size_of_a_poll_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-09-21 Sweden's central bank raised its key rate to 4 percent on Thursday. "
        "Most of the 12 economists polled by Reuters had expected the move. A survey of 1,500 "
        "adults found 61 percent backed it.\n",
    )
    answers = {q.answer for q in qs}
    assert not {"12", "1,500"} & answers and "4" in answers, answers


def test_a_common_given_name_makes_a_person_and_starts_the_name():
    art = _article(
        "Joe Biden won the election. The Americans, former Marine Daniel Whitford and tourist "
        'Kevin O\'Rourke, landed. "It was preventable," Chief Inspector of Rail Accidents Andrew '
        "Hall said. Marine Le Pen said she would run. Making Juan Miguel Gonzalez wait is cruel. "
        "Canada issued a warrant for James Charles Kopp."
    )
    people = [m[2] for m in _mentions(art) if m[0] == "person"]
    assert people == ["Joe Biden", "Daniel Whitford", "Kevin O'Rourke", "Andrew Hall",
                      "Marine Le Pen", "Juan Miguel Gonzalez",
                      "James Charles Kopp"], people  # fmt: skip
    # "she" is not a man the story names only by a man's name
    a = _article(
        "Donald Trump won the election. Clinton called Trump early on Wednesday to concede. "
        '"We owe him an open mind," she told supporters.'
    )
    assert not _quotes(a)[0].attr("speaker"), _quotes(a)


def test_where_a_market_trades_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2011-03-14 A magnitude-9.0 earthquake struck northeastern Japan on Friday. Tokyo "
        "stocks fell sharply on Monday, with the benchmark Nikkei 225 index closing down 6.2 "
        "percent. The wave reached the city of Sendai within an hour.\n",
    )
    places = {q.answer for q in qs if q.answer_kind in ("place", "country")}
    assert "Tokyo" not in places and "Sendai" in places, places


def test_a_long_wire_lead_is_asked(tmp_path):
    lead = (
        "SAO PAULO (Reuters) - A Brazilian federal judge on Thursday sentenced former Sao Paulo "
        "state governor Roberto Nunes Amaral to 14 years and six months in prison for corruption "
        "and money laundering, in one of the biggest convictions yet stemming from a probe into "
        "kickbacks on public transport contracts."
    )
    assert 45 < len(lead.split()) <= 52 + 4  # four words of dateline
    qs = _cards(tmp_path, f"date 2019-03-21 {lead} The judge said he would appeal.\n")
    assert [q for q in qs if q.sentence == lead], [q.question for q in qs]
    # and a sentence told in falling units is a length worth asking
    assert "14 years and six months" in {q.answer for q in qs}, [q.answer for q in qs]


def test_a_family_name_inside_a_longer_name_is_shared_with_its_bearers():
    both = _article(
        "Officers placed President Ali Bongo Ondimba under house arrest on Wednesday. The "
        "commission said Bongo won 64.27 percent. Bongo succeeded his father, Omar Bongo, in 2009."
    )
    assert "Bongo" not in _people(both), _people(both)  # the son or the father
    one = _article(
        "Officers placed President Ali Bongo Ondimba under house arrest on Wednesday. The "
        "commission had said Bongo won 64.27 percent of the vote, officials said."
    )
    assert _people(one).get("Bongo") == "Ali Bongo Ondimba", _people(one)


def test_counts_of_a_count_the_whole_of_a_part_and_names_cut_are_no_blanks(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2012-10-08 Croatia's Social Democrats won 78 seats in Sunday's election, with 99 "
        "percent of votes counted. Floods hit seven of the country's 18 departments on Monday. "
        "The RTS,S vaccine was approved in 2021. The United States, the former Soviet Union and "
        "China have landed on the moon. Wawrinka beat Djokovic at Arthur Ashe Stadium.\n",
    )
    answers = {q.answer for q in qs}
    assert not {"99", "18", "RTS", "Soviet Union"} & answers, answers
    assert "78" in answers, answers
    assert not [q for q in qs if q.answer_kind == "person" and "Stadium" in q.answer]


def test_a_nation_after_the_blank_keeps_choices_to_compatriots():
    from studykit.select import _nation_before_blank

    assert _nation_before_blank("_____ of Switzerland won the title.") == "Switzerland"
    assert _nation_before_blank("_____ of Chelsea scored twice.") is None


def test_a_figure_is_asked_rather_than_the_period_it_is_of(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2014-09-15 Poland cut its main rate on Monday. Consumer prices fell 0.3 percent "
        "in August from a year earlier. Los Andes produced 412,000 tonnes of copper last year.\n",
    )
    answers = {q.answer for q in qs}
    assert {"0.3", "412,000"} <= answers, answers
    assert not [a for a in answers if a.startswith(("August", "last year"))], answers
    qs = _cards(
        tmp_path,
        "date 2023-07-26 Nordvik reported record profit on Wednesday. Shares in Nordvik jumped "
        "6.4 percent by 1000 GMT in Stockholm trading.\n",
    )
    assert not [q.answer for q in qs if "GMT" in q.answer], [q.answer for q in qs]


def test_a_sum_told_again_in_dollars_and_a_quarter_its_neighbour_gives_are_no_blanks(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2021-10-07 The Swedish Academy awarded the Nobel Prize in Literature to Abdulrazak "
        "Gurnah on Thursday. The prize is worth 10 million Swedish crowns, or about $1.14 "
        "million. Growth slowed to 3.3 percent in the second quarter from 3.4 percent in the "
        "first.\n",
    )
    answers = {q.answer for q in qs}
    assert "3.3" in answers and "1.14 million" not in answers, answers
    # but earnings per share after "or" are no sum told again
    qs = _cards(
        tmp_path,
        "date 1989-10-30 Kellogg said its profit fell. Last year, the company earned $480.4 "
        "million, or $3.90 a share, on sales of $4.3 billion.\n",
    )
    assert "3.90" in {q.answer for q in qs}, [q.answer for q in qs]
    assert not [a for a in answers if a.startswith("the second quarter")], answers


def test_she_is_not_the_story_s_person_when_a_one_named_speaker_leads():
    a = _article(
        "Fado singer Amelia Cardoso died on Monday. Fado singer Mariza, one of the leading "
        'performers of a new generation, said Cardoso had "opened the door for all of us". '
        '"Without her, fado would have stayed in Lisbon," she told a radio station.'
    )
    quotes = [q for q in _quotes(a) if q.value.startswith("Without her")]
    assert quotes and not quotes[0].attr("speaker"), quotes


def test_a_sentence_about_the_deal_the_story_told_of_names_its_story(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2024-08-19 Ethiopia and the Tigray rebels signed a ceasefire in Jeddah on Monday. "
        "Under the deal, rebel fighters will hand over heavy weapons to an African Union "
        "mission within 30 days. Four other defendants received sentences of 12 years.\n",
    )
    asked = [q.question for q in qs if "Under the deal" in q.question or "other" in q.question]
    assert len(asked) >= 2, [q.question for q in qs]
    assert all("in the story “Ethiopia and the Tigray" in q for q in asked), asked


def test_a_sentence_that_points_back_names_its_story_and_a_town_gets_no_capitals(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2018-07-14 The FDA recalled valsartan tablets made by Zhejiang Huahai on Friday. "
        "The European Medicines Agency had begun a similar review on July 5. President Erdogan "
        "was on holiday in the resort town of Marmaris, far from Ankara, Istanbul and "
        "Washington, when the revolt began.\n",
    )
    review = [q.question for q in qs if "similar review" in q.question]
    assert review and all("in the story “The FDA recalled" in q for q in review), review
    towns = [q for q in qs if q.answer == "Marmaris"]
    assert towns and all(not set(q.choices) & {"Ankara", "Washington"} for q in towns), towns


def test_a_sentence_about_the_country_or_that_year_names_its_story(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2015-07-15 NASA's New Horizons probe flew past Pluto on Tuesday. Pluto was "
        "discovered in 1930. Later that year, the International Astronomical Union demoted "
        "Pluto. More than 300 miners died in accidents in the country last year, Prime Minister "
        "Pavlo Lazarenko said.\n",
    )
    cue = "in the story “NASA's New Horizons probe flew past Pluto"
    for words in ("Later that year", "died in accidents in the country"):
        asked = [q.question for q in qs if words in q.question]
        assert asked and all(cue in q for q in asked), (words, asked)


def test_a_toll_told_of_two_countries_is_not_asked_of_one(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2013-05-16 Cyclone Mahasen slammed into eastern India and Bangladesh on "
        "Wednesday, killing at least 84 people. An earthquake struck Peru on Tuesday, killing "
        "at least 143 people.\n",
        "date 2023-02-07 A magnitude 7.8 earthquake struck southern Turkey and northern Syria "
        "before dawn on Monday, killing more than 5,000 people.\n",
    )
    asked = {q.question.rsplit(",", 1)[-1]: q.answer for q in _asking(qs, "According to")}
    assert " how many people were killed in Peru?" in asked, asked
    assert not [k for k in asked if "India" in k or "Bangladesh" in k], asked
    assert not [k for k in asked if "Turkey" in k or "Syria" in k], asked


def test_one_question_is_asked_with_one_answer(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-02-08 Rescuers searched through the night in Kahramanmaras. In Turkey, "
        "3,419 people were killed, the disaster agency said on Tuesday morning. By the evening "
        "officials said that in Turkey, 5,894 people were killed.\n",
    )
    asked = [q for q in qs if q.question.endswith("how many people were killed in Turkey?")]
    assert [q.answer for q in asked] == ["3,419"], [(q.question, q.answer) for q in qs]


def test_a_count_asked_of_a_later_sentence_says_which_story(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2016-04-18 The death toll from a powerful earthquake in Ecuador rose on Sunday. "
        "Officials said 2,500 people were injured.",
        "date 2015-09-12 Officials said 238 people were injured when the crane fell.",
    )
    asked = {q.answer: q.question for q in qs if "how many people were injured" in q.question}
    assert "in the story “The death toll from a powerful earthquake" in asked["2,500"], asked
    # The story's first sentence is its own cue.
    assert (
        asked["238"] == "According to the report of 12 September 2015, how many people "
        "were injured?"
    )


def test_a_widow_and_an_employer_are_not_taken_for_office_holders_or_speakers(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2013-12-06 Nelson Mandela died on Thursday. He married Graca Machel, the widow of "
        "Mozambique's president Samora Machel, in 1998. South Africa's President Jacob Zuma "
        'announced the death. "The nation has lost its greatest son," said Cal Fire Captain '
        "Scott McLean.\n",
    )
    holders = [q.answer for q in _asking(qs, "Who was the")]
    assert holders == ["Jacob Zuma"], holders
    speakers = [q.answer for q in _asking(qs, "Who said")]
    assert speakers == ["Scott McLean"], speakers
    qs = _cards(
        tmp_path,
        'date 1989-10-30 "Cheerios have eaten away sales normally going to corn-based lines," '
        "says Merrill Lynch chairman William Maguire.\n",
    )
    assert [q.answer for q in _asking(qs, "Who said")] == ["William Maguire"]


@pytest.mark.parametrize(
    ("body", "holder", "cloze"),
    [
        pytest.param(  # the sentence says the office may be over
            "date 2023-03-14 German Chancellor Angela Merkel's successor, Olaf Scholz, met "
            "Macron on Tuesday. Silvio Berlusconi, Italy's prime minister for nine years, was "
            "taken to hospital. Boris Johnson, the British prime minister until September, wrote "
            "a memoir. President of Kenya William Ruto welcomed the ruling in a statement.\n",
            "William Ruto",
            "",
            id="held-once",
        ),
        pytest.param(  # "the President of Haiti in July 2021" is Moise for a week, then nobody
            "date 2021-07-08 Haitian President Jovenel Moise was assassinated at his home on "
            "Wednesday. British Prime Minister Boris Johnson, 57, has resigned. Queen Margrethe "
            "II of Denmark formally abdicated. Kenyan President Uhuru Kenyatta condemned the "
            "killing on Thursday.\n",
            "Uhuru Kenyatta",
            "Jovenel Moise",
            id="left-in-the-sentence",
        ),
        pytest.param(  # two names that leave together, or one who leaves within days
            "date 2022-07-05 British finance minister Rishi Sunak and health minister Sajid "
            "Javid resigned on Tuesday. King Juan Carlos I of Spain announced that he will "
            "abdicate. U.S. President Joe Biden, who leaves office on Monday, praised the deal. "
            "French President Emmanuel Macron condemned the attack.\n",
            "Emmanuel Macron",
            "",
            id="leaving-with-another-or-soon",
        ),
        pytest.param(  # leaving in a later month named: still the holder the month told
            "date 2019-05-24 British Prime Minister Theresa May said on Friday she would resign "
            "as leader of the Conservative Party on June 7.\n",
            "Theresa May",
            "",
            id="leaving-in-a-later-month",
        ),
    ],
)
def test_an_office_held_no_longer_makes_no_office_holder_card(tmp_path, body, holder, cloze):
    # Each but the last would be a false "Who was the ... in <month>?"; the last is held.
    qs = _cards(tmp_path, body)
    holders = [q.answer for q in _asking(qs, "Who was the")]
    assert holders == [holder], holders
    if cloze:  # the name is still worth a card
        assert cloze in {q.answer for q in qs if q.kind == "cloze"}, qs


def test_the_day_of_a_figure_a_change_started_from_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-03-14 The death toll from the earthquake rose to 50,000 on Tuesday, up from "
        "45,000 on Friday.\n",
    )
    assert "Friday, 10 March 2023" not in _date_blanks(qs), _date_blanks(qs)
    assert "50,000" in [q.answer for q in qs], qs
    # The day of the change itself stays a blank: "to 25 percent from 10 percent on Jan. 1".
    qs = _cards(
        tmp_path,
        "date 2018-12-02 The United States had planned to raise tariffs on the Chinese imports "
        "to 25 percent from 10 percent on Jan. 1, the White House said on Saturday.\n",
    )
    assert any("1 January 2019" in a for a in _date_blanks(qs)), _date_blanks(qs)


def test_a_date_the_rest_of_its_sentence_gives_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-09-20 Consumer price inflation slowed to 6.7 percent in August from 6.8 "
        "percent in July, the statistics office said. Mandela was elected president in April "
        "1994 and served a single five-year term until 1999. Makers expect to deliver 120 "
        "million doses by mid-December and 250 million by the end of January 2024.\n",
    )
    blanks = _date_blanks(qs)
    assert not [b for b in blanks if b.startswith(("August", "July", "1999"))], blanks
    assert any(b.startswith("April 1994") for b in blanks), blanks  # the start is asked
    assert any(b.startswith("mid-December") for b in blanks), blanks  # two plans, no sum
    # A day is not given by its year, nor a year by a year that names an event.
    (tmp_path / "olympics").mkdir()
    qs = _cards(
        tmp_path / "olympics",
        "date 2021-07-24 The 2020 Summer Olympics officially opened in Tokyo, Japan on Friday, "
        "a year later than planned because of the COVID-19 pandemic.\n",
    )
    assert _date_blanks(qs) == ["Friday, 23 July 2021"], _date_blanks(qs)


def test_an_age_or_limit_named_before_its_value_is_asked_with_ages_near_it(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-03-07 The plan raises the minimum retirement age to 64 from 62, officials "
        "said. Armstrong died in 2012 at the age of 82 in Cincinnati, Ohio.\n",
    )
    ages = {q.answer: q for q in qs if q.kind == "cloze" and q.answer in ("64", "82")}
    assert set(ages) == {"64", "82"}, [q.question for q in qs]
    assert all(62 < int(c) <= 80 for c in ages["64"].choices), ages["64"].choices
    assert all(60 <= int(c) <= 100 for c in ages["82"].choices), ages["82"].choices


def test_a_part_of_a_whole_is_counted_in_the_whole_s_noun(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-05-24 India's ruling Bharatiya Janata Party won a landslide on Thursday, "
        "securing 303 of the 543 seats in the lower house.\n",
    )
    seats = [q for q in qs if q.answer == "303"]
    assert seats and "securing _____ of the 543 seats" in seats[0].question
    assert seats[0].choices and all(int(c) < 543 for c in seats[0].choices)


def test_where_someone_works_is_no_person():
    art = _article(
        "Economists at Capital Economics said the bank would hold rates. Paul Dales, an "
        "economist at Capital Economics, said rates had peaked. He met with John Smith, who "
        "said nothing. A White House official said more would follow, and Larry Kudlow, the "
        "White House economic adviser, agreed."
    )
    people = [v for k, _, v in _mentions(art) if k == "person"]
    assert people == ["Paul Dales", "John Smith", "Larry Kudlow"], people


def test_a_season_that_qualifies_a_noun_is_no_date_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2021-08-08 The race was moved to Sapporo from Tokyo in 2019 because of "
        "concerns about the summer heat. The festival returns in the summer of 2022, "
        "organisers said.\n",
    )
    blanks = _date_blanks(qs)
    assert not [b for b in blanks if b.startswith("the summer (")], blanks
    assert any(b.startswith("the summer of 2022") for b in blanks), blanks


def test_he_for_the_one_person_a_story_opens_with_makes_cards_that_name_the_story(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2013-12-06 Nelson Mandela, the anti-apartheid leader who became South Africa's "
        "first black president, died on Thursday at his home in Johannesburg. In 1964 he was "
        "sentenced to life in prison for sabotage. He was released on February 11, 1990, and "
        "won the Nobel Peace Prize in 1993. He married Graca Machel, who survives him, in "
        "1998. Thabo Mbeki succeeded him. He was a shy man who lived in Soweto for years.\n",
    )
    cue = "in the story “Nelson Mandela, the anti-apartheid leader"
    he = [q.question for q in qs if q.kind == "cloze" and " he " in f" {q.sentence.lower()}"]
    assert any("In _____ he was sentenced" in q for q in he), he
    assert any("He was released on _____" in q for q in he), he
    assert all(cue in q for q in he if not q.startswith("(Reported on 6 December 2013) Nelson"))
    # Another person named just before, or in the sentence itself: "he" is not sure.
    assert not [q for q in he if "Graca" in q or "lived in Soweto" in q], he
    # Nor "he" in a story that calls the one person it opens with "she".
    (tmp_path / "0.txt").write_text(
        "date 2013-01-29 Queen Beatrix of the Netherlands announced on Monday that she would "
        "abdicate. He was released on February 11, 1990, after 27 years in prison. She was "
        "born in 1938 in Baarn and became queen in 1980.\n"
    )
    qs = run([str(tmp_path)])[0]
    assert not [q for q in qs if q.sentence.startswith("He was released")]
    assert [q for q in qs if q.sentence.startswith("She was born")]


def test_a_sentence_that_names_its_subject_after_a_possessive_stands_alone(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-03-22 A Spanish court on Friday sentenced Ricardo Salcedo to nine years in "
        "prison. His deputy, Marta Ibanez, 54, received a sentence of six years. His lawyer "
        "said Salcedo would appeal to the Supreme Court in Madrid.\n",
    )
    sentences = {q.sentence for q in qs}
    assert any(s.startswith("His deputy, Marta Ibanez") for s in sentences), sentences
    assert not any(s.startswith("His lawyer") for s in sentences), sentences  # whose? unsaid


def test_the_tail_of_a_quotation_is_no_card(tmp_path):
    # Wires and transcripts quote with ``...''. A quotation that runs on into a new paragraph
    # leaves a sentence that closes it: half of what was said, and no card.
    qs = _cards(
        tmp_path,
        "date 2000-04-14 Cuba's parliament chief Ricardo Alarcon criticized the relatives of "
        "Elian Gonzalez on Thursday. ``Everyone around the boy has been in prison.\n\n"
        "The Miami family has hired 12 lawyers to keep the boy,'' Alarcon told reporters in "
        "Havana. Alarcon said 40 Cuban officials would fly to Washington with "
        "the boy's father.\n",
    )
    sentences = {q.sentence for q in qs if q.kind == "cloze"}
    assert not any(s.startswith("The Miami family") for s in sentences), sentences
    assert any(s.startswith("Alarcon said 40") for s in sentences), sentences


def test_who_told_it_at_the_end_of_a_sentence_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2021-11-11 Marshburn will become the oldest person to make a spacewalk during "
        "the mission, NASA said. The venue was chosen to honor the creation of NATO in 1949, "
        "the State Department said. Only a fifth of trains ran, the state railway SNCF said. "
        "The committee voted 5-4 to hold rates, with four members favouring a rise. Swarms of "
        "desert locusts have spread to eight countries, the United Nations said on Thursday, "
        "warning that the outbreak could worsen. In Portugal, grid operator REN said all "
        "customers had power again. Russia's Roscosmos said its specialists were at work. The "
        "State Department said on Friday it would send aid.\n",
    )
    blanks = [q.answer for q in qs if q.kind == "cloze"]
    assert not {"NASA", "SNCF", "four", "United Nations", "REN", "Roscosmos"} & set(blanks)
    # Past the opening, a body named only as the source of what follows is no blank; one
    # that opens its sentence is still asked, once.
    assert blanks.count("State Department") == 1, blanks


def test_a_bodys_letters_beside_what_it_is_are_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-07-20 Wildfires forced the evacuation of 19,000 people from Rhodes on Sunday. "
        "The national rail operator SNCF cancelled several trains. FIFA, football's world "
        "governing body, banned the club. The UN refugee agency UNHCR welcomed the verdict. "
        "The FBI and the Secret Service are investigating.\n",
    )
    blanks = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"SNCF", "FIFA", "UNHCR"} & blanks, blanks
    assert "FBI" in blanks, blanks  # letters with nothing beside them to say what they are


def test_a_share_is_offered_shares_a_few_points_away():
    q = _q("Operating margin widened to _____ percent from 31 percent.", "34", "number",
           date="2023-10-26", id="q17")  # fmt: skip
    for seed in range(20):
        choices = [int(c) for c in distractors(q, {}, seed)]
        assert len(choices) == 3 and all(31 < c <= 45 for c in choices), choices


def test_a_landmark_and_who_released_a_result_are_no_blanks(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2018-11-10 A wildfire destroyed Paradise, about 180 miles north of San Francisco, "
        "on Thursday. The final results were released by the Election Commission on Friday, "
        "showing the Bharatiya Janata Party won.\n",
    )
    blanks = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"San Francisco", "Election Commission"} & blanks, blanks
    assert "Bharatiya Janata Party" in blanks, blanks


def test_a_year_joined_to_another_by_a_hyphen_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2020-11-10 Scientists said on Monday that the comet was first spotted by a "
        "survey telescope in 2012-2013. The Hungarian government said the drought of "
        "2003–2004 had cost farmers 300 million euros.\n",
    )
    blanks = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"2012", "2013", "2003", "2004"} & blanks, blanks
    assert "300 million" in blanks, blanks


def test_a_name_after_an_office_of_a_city_is_a_person_not_part_of_the_city():
    art = _article(
        "Archbishop of Paris Laurent Ulrich knocked on the doors. Mayor of London Sadiq Khan "
        "said the city was ready. Foreign Minister Julie Bishop said aid would come. A train "
        "derailed near the Spanish city of Santiago de Compostela."
    )
    found = _mentions(art)
    people = [t for k, t, _ in found if k == "person"]
    assert people == ["Laurent Ulrich", "Sadiq Khan", "Julie Bishop"], people
    assert ("place", "Santiago de Compostela") in [(k, t) for k, t, _ in found], found


def test_a_name_after_a_clergy_rank_is_a_person_and_a_company_so_named_is_not():
    art = _article(
        "Cardinal Pietro Parolin met the envoy in Rome. Bishop Desmond Tutu met him too. "
        "Cardinal Health reported higher profits. Foreign Minister Julie Bishop met them."
    )
    found = _mentions(art)
    people = [t for k, t, _ in found if k == "person"]
    assert people == ["Pietro Parolin", "Desmond Tutu", "Julie Bishop"], people


def test_a_long_name_with_particles_is_a_person_and_a_long_run_of_capitals_is_not():
    art = _article(
        "Brazilian President Luiz Inácio Lula da Silva visited Madrid. Dubai ruler Sheikh "
        "Mohammed bin Rashid Al Maktoum said the plan would work. The Royal Bank Of "
        "Scotland Group said profits fell. Dutch Minister of Social Affairs Eddy van Hijum "
        "urged both sides to talk."
    )
    found = _mentions(art)
    people = [t for k, t, _ in found if k == "person"]
    # (and the office stays out of the minister's name)
    assert people == [
        "Luiz Inácio Lula da Silva",
        "Mohammed bin Rashid Al Maktoum",
        "Eddy van Hijum",
    ], people


def test_a_place_opened_by_san_or_port_is_a_place_and_a_companys_seat_no_blank(tmp_path):
    art = _article(
        "The mayor of San Pedro Sula said 14 died. She flew from Port Louis on Monday. Police "
        "in Fort St. James arrested three men."
    )
    found = _mentions(art)
    assert ("place", "San Pedro Sula") in [(k, t) for k, t, _ in found]
    assert ("place", "Port Louis") in [(k, t) for k, t, _ in found]
    assert not any(t in ("Pedro Sula", "Louis", "Fort St") for _, t, _ in found), found
    qs = _cards(
        tmp_path,
        "date 1989-10-26 Gangs in San Pedro Sula killed 20 people on Monday. Heritage Media "
        "Corp., Houston, said it bought 2.7 million shares on Tuesday. Avon, based in Santa "
        "Monica, Calif., has 3.3 million shares. Pacific First Financial Corp. was bought by "
        "Royal Trustco Ltd. of Toronto for $212 million on Wednesday.\n",
    )
    blanks = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"Houston", "Santa Monica", "Toronto"} & blanks, blanks
    # (Every card the article makes, before the deck picks some.)
    art = _article(
        "Pacific First Financial Corp. said shareholders approved its acquisition by Royal "
        "Trustco Ltd. of Toronto for $27 a share, or $212 million.",
        "1989-11-02",
    )
    made = {q.answer for q in generate_article(art, TEMPLATES).questions}
    assert "212 million" in made and "Toronto" not in made, made
    assert "San Pedro Sula" in blanks, blanks


def test_a_body_named_only_to_say_whose_people_or_things_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-10-20 The mission is commanded by NASA astronaut Raja Chari. French "
        "high-speed TGV trains were cancelled, and Interpol agents arrived. FBI director "
        "Christopher Wray said the inquiry would go on.\n",
    )
    orgs = [q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "org"]
    assert orgs == [], orgs
    # who heads a body is worth knowing, and the card on the person asks it
    assert "Christopher Wray" in [q.answer for q in qs], [q.answer for q in qs]


def test_a_body_is_not_blanked_beside_its_initials(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2025-02-17 European Union leaders gave the EU's negotiators until Friday to "
        "agree. The private group that runs the system, the United Network for Organ "
        "Sharing, or UNOS, objects. The World Health Organization said on Monday that it had "
        "sent a team.\n",
    )
    blanks = {q.answer for q in qs if q.kind == "cloze"}
    assert "World Health Organization" in blanks, blanks  # no initials beside it
    assert not {"European Union", "United Network for Organ Sharing"} & blanks, blanks


def test_a_role_names_the_sort_of_person_by_its_telling_word():
    sorts = {r: res.role_class(r) for r in ("Foreign Minister", "Attorney General",
             "technical expert", "chief meteorologist", "Secretary-General", "striker",
             "General", "official", "leader")}  # fmt: skip
    assert sorts == {
        "Foreign Minister": "politics", "Attorney General": "politics",
        "technical expert": "expert", "chief meteorologist": "expert",
        "Secretary-General": "politics", "striker": "player", "General": "military",
        "official": "", "leader": "",  # say too little to tell
    }  # fmt: skip


def test_a_given_name_tells_a_choice_s_sex_where_the_story_does_not():
    names = ("Mary Brown", "Susan Lee", "Karen Hall", "John Smith", "Peter Ward")
    pool = {"person": [(v, v.lower()) for v in names]}
    q = _q("_____ was named finance minister.", "Margaret Allen", "person", "2024-03-14", id="p1")
    for seed in range(10):
        assert set(distractors(q, pool, seed)) == {"Mary Brown", "Susan Lee", "Karen Hall"}


def test_an_umpire_is_not_offered_the_players(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-07-14 England won the Cricket World Cup on Sunday. England captain Eoin "
        "Morgan said the team had been lucky. New Zealand captain Kane Williamson was gracious. "
        "Striker Ben Stokes scored 84. Former umpire Simon Taufel said the award was wrong.\n",
    )
    umpire = [q for q in qs if q.answer == "Simon Taufel"]
    assert umpire and all(not q.choices for q in umpire), umpire


def test_a_person_is_offered_only_people_of_the_same_sort(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-03-22 Judge Mario Martin of the National Court found Ricardo Salcedo guilty "
        "on Friday. Judge Luis Pardo and Judge Andres Gil agreed, and Judge Tomas Ruiz dissented. "
        "Defendant Marta Ibanez was jailed, and defendant Javier Ortega was freed. Salcedo's "
        "lawyer, Pedro Galan, said he would appeal. Tim Bale, a professor of politics, said the "
        "case was damaging. Prime Minister Pedro Sanchez said the courts had spoken.\n",
    )
    judges = {"Mario Martin", "Luis Pardo", "Andres Gil", "Tomas Ruiz"}
    offered = {q.answer: q.choices for q in qs if q.answer_kind == "person"}
    asked = [a for a in offered if a in judges and offered[a]]
    assert asked, offered
    for a in asked:
        assert set(offered[a]) <= judges - {a}, offered  # no defendant, lawyer or minister
    # Too few of their own sort in the story: asked without choices rather than with others.
    for a in ("Pedro Galan", "Pedro Sanchez", "Tim Bale"):
        assert offered.get(a, ()) == (), offered


def test_a_woman_is_offered_women_and_a_man_no_woman(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-07-24 Prime Minister Boris Johnson named Ben Wallace as defence secretary. "
        "Wallace said he was honoured. Cabinet minister Priti Patel, who said she was proud, "
        "was named home secretary. Cabinet minister Amber Rudd said she would stay. Cabinet "
        "minister Andrea Leadsom said she was happy. Cabinet minister Theresa Villiers said "
        "she agreed. Cabinet minister Sajid Javid said he would serve. Cabinet minister Philip "
        "Hammond said he would resign, and cabinet minister Jeremy Hunt said he would too. "
        "Cabinet minister Michael Gove said he was staying.\n",
    )
    choices = {q.answer: q.choices for q in qs if q.kind == "cloze" and q.answer_kind == "person"}
    women = {"Amber Rudd", "Andrea Leadsom", "Theresa Villiers"}
    assert set(choices["Priti Patel"]) == women, choices  # "who said she": only women
    assert choices["Philip Hammond"] and not women & set(choices["Philip Hammond"]), choices


def test_a_person_of_the_answers_country_comes_first():
    holders = ("Vladimir Putin", "Sergei Lavrov", "Barack Obama", "Naoto Kan", "Michel Temer")
    pool = {"person": [(v, v.lower()) for v in holders]}
    nations = {"Dmitry Medvedev": "Russia", "Vladimir Putin": "Russia",
               "Sergei Lavrov": "Russia", "Barack Obama": "United States"}  # fmt: skip
    q = _q(
        "Who was the President of Russia in April 2010?",
        "Dmitry Medvedev",
        "person",
        date="2010-04-08",
        kind="short",
        id="q14",
    )
    every = frozenset((*holders, "Dmitry Medvedev"))
    for seed in range(20):
        choices = distractors(q, pool, seed, holders=every, nations=nations)
        assert set(choices[:2]) == {"Vladimir Putin", "Sergei Lavrov"}, choices
    art = _article("Russian Foreign Minister Sergei Lavrov met U.S. President Barack Obama.")
    assert ("nation", "Sergei Lavrov\x1fRussia") in generate_article(art, TEMPLATES).pool


def test_the_year_of_games_held_every_four_years_gets_such_years():
    q = _q("Spitz won seven golds at the _____ Munich Games.", "1972", "date", date="2008-08-17")
    for seed in range(20):
        choices = distractors(q, {}, seed)
        assert len(choices) == 3 and all((int(c) - 1972) % 4 == 0 for c in choices), choices


def test_a_person_the_question_names_by_surname_is_no_choice():
    names = ("Goodluck Jonathan", "Mario Draghi", "Naoto Kan", "Ira Sorkin", "Mark Carney")
    pool = {"person": [(v, v.lower()) for v in names]}
    q = _q("Jonathan telephoned _____ at 5:15 p.m.", "Muhammadu Buhari", "person",
           date="2015-03-31")  # fmt: skip
    for seed in range(20):
        choices = distractors(q, pool, seed)
        assert len(choices) == 3 and "Goodluck Jonathan" not in choices, choices


def test_people_named_with_a_countrys_office_are_marked_in_the_pool():
    art = _article(
        "U.S. President Barack Obama called Japan an ally. Madoff's lawyer, Ira Sorkin, "
        "sought 12 years."
    )
    pool = generate_article(art, TEMPLATES).pool
    assert ("holder", "Barack Obama") in pool and ("person", "Ira Sorkin") in pool
    assert ("holder", "Ira Sorkin") not in pool


def test_the_holder_an_office_question_asks_for_is_not_blanked_in_its_sentence(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2011-03-12 U.S. President Barack Obama called Japan one of the closest allies "
        "of the United States on Saturday. Obama spoke to reporters in Washington.",
    )
    (office,) = _asking(qs, "Who was the President of the United States")
    assert office.answer == "Barack Obama"
    blanks = [q for q in qs if q.kind == "cloze" and q.answer == "Barack Obama"]
    assert all(q.start != office.start for q in blanks), [q.question for q in blanks]


def test_a_body_of_no_known_kind_gets_no_choices():
    names = ("UEFA", "Labour Party", "NASA", "Senate", "Palm Inc.", "FDIC",
             "Silicon Valley Bank", "Norwegian Nobel Committee", "Bank of Japan",
             "Deutsche Bank")  # fmt: skip
    pool = _org_pool(names)
    q = _q("Finland joined _____ on Tuesday.", "NATO", "org", date="2023-04-04", id="q9")
    bank = dataclasses.replace(q, id="q10", answer="European Central Bank")
    for seed in range(20):
        # Others of no known kind are of any kind: a football body, a space agency.
        assert distractors(q, pool, seed) == ()
        # A bank gets other banks, never a body of another kind.
        assert set(distractors(bank, pool, seed)) == {
            "Silicon Valley Bank",
            "Bank of Japan",
            "Deutsche Bank",
        }


def test_a_share_of_a_whole_gets_no_choice_above_a_hundred_percent():
    q = _q(
        "Mobile ads were about _____ percent of ad revenue.",
        "91",
        "quantity",
        date="2018-07-25",
        id="q5",
    )
    rise = dataclasses.replace(q, question="Revenue rose _____ percent to $13 billion.")
    fall = dataclasses.replace(q, question="AIG plunged _____ percent to $4.76.", answer="61")
    for seed in range(30):
        assert all(float(c) <= 100 for c in distractors(q, {}, seed))
        # nor the whole of it: "Ethnic Albanians comprise _____ percent of the population"
        most = dataclasses.replace(q, answer="90")
        assert all(float(c) < 100 for c in distractors(most, {}, seed))
        assert all(float(c) <= 100 for c in distractors(fall, {}, seed))
    assert any(float(c) > 100 for seed in range(30) for c in distractors(rise, {}, seed))


def test_date_choices_lie_on_the_answers_side_of_the_report():
    q = _q(
        "Bailey was appointed only _____.",
        "last month (February 2020)",
        "date",
        date="2020-03-11",
        id="q6",
    )
    plan = dataclasses.replace(q, answer="October (October 2020)", when="2020-10")
    day = dataclasses.replace(q, answer="Monday, 16 March 2020", when="2020-03-16")

    def month(c: str) -> _dt.date:
        return _dt.datetime.strptime(c, "%B %Y").date()

    for seed in range(30):
        # A month gets the months around it, not the same month of other years.
        past = distractors(q, {}, seed)
        assert len(past) == 3 and all(month(c) <= _dt.date(2020, 3, 1) for c in past), past
        assert all(abs((month(c) - _dt.date(2020, 2, 1)).days) < 200 for c in past), past
        ahead = distractors(plan, {}, seed)
        assert len(ahead) == 3 and all(month(c) > _dt.date(2020, 3, 1) for c in ahead), ahead
        days = distractors(day, {}, seed)
        assert all(_dt.datetime.strptime(c, "%A, %d %B %Y").date() > _dt.date(2020, 3, 11)
                   for c in days), days  # fmt: skip


def test_a_day_written_month_first_gets_days_near_it_written_alike():
    q = _q("As of _____, IE6 has 277 flaws.", "March 4, 2011", "date", date="2011-03-08", id="q7")
    for seed in range(10):
        days = [_dt.datetime.strptime(c, "%B %d, %Y").date() for c in distractors(q, {}, seed)]
        assert len(days) == 3 and all(
            abs((d - _dt.date(2011, 3, 4)).days) <= 7 and d <= _dt.date(2011, 3, 8) for d in days
        ), days
    # as agencies shorten months: "The fighting broke out on Oct. 14, 2023"
    q = _q("Fighting broke out on _____.", "Oct. 14, 2023", "date", date="2024-08-19", id="q8")
    for seed in range(10):
        got = distractors(q, {}, seed)
        assert len(got) == 3 and all(re.fullmatch(r"(Oct\.|Sept\.) \d{1,2}, 2023", c) for c in got)


def test_an_adverb_or_participle_opening_a_sentence_is_no_first_name():
    art = _article(
        "President Saddam Hussein spoke on Sunday. Certainly Saddam Hussein continues to "
        "implore his country to fight on. Replied State Department spokesman James Rubin: "
        "no. The Miami-based Cuban-American National Foundation disagreed. Sterling Marlin "
        "Smith said he agreed."
    )
    found = _mentions(art)
    texts = [m[1] for m in found if m[0] in ("person", "org")]
    assert "Saddam Hussein" in texts and "State Department" in texts
    assert "Cuban-American National Foundation" in [m[2] for m in found if m[0] == "org"]
    assert not any(t.split()[0] in ("Certainly", "Replied", "Miami-based") for t in texts)
    assert "Sterling Marlin Smith" in texts  # a name that looks like a participle stays


def test_companies_and_papers_that_say_things_are_no_people():
    art = _article(
        "United Nations officials said so. Warburg Securities analyst Sam Jones said the New "
        "York Times reported it. Reuters Holdings said profit rose. Dr. Sanders' office said no."
    )
    found = _mentions(art)
    assert [m[2] for m in found if m[0] == "person"] == ["Sam Jones", "Sanders"]
    orgs = [m[2] for m in found if m[0] == "org"]
    assert {"United Nations", "Warburg Securities", "New York Times", "Reuters Holdings"} <= set(
        orgs
    )


_BODIES = [
    (
        "A meeting was called by the Organization of Petroleum Exporting "
        "Countries. The Justice Department did not comment. Officials of the University of "
        "Rochester agreed. Resources of the Department of Health and Human Services were used. "
        "Dime Savings Bank of New York's offer was approved. Congress passed the bill.",
        # and no "Department" cut from a name whose end is unclear
        ["Organization of Petroleum Exporting Countries", "Justice Department",
         "University of Rochester", "Dime Savings Bank of New York", "Congress"],
    ),
    (
        "General Motors Corp. said net fell. U.S. Trust Corp. named a chairman. RJR Nabisco "
        "Inc. said it agreed. Diversified Investment Group Inc. agreed to be acquired by Star "
        "States Corp. for stock. American Express Co. declined to comment. Sony Corp.'s offer "
        "won. Backed by the Cuban-American National Foundation, he fought.",
        ["General Motors Corp.", "U.S. Trust Corp.", "RJR Nabisco Inc.",
         "Diversified Investment Group Inc.", "Star States Corp.", "American Express Co.",
         "Sony Corp.", "Cuban-American National Foundation"],
    ),
    (
        "Reed International PLC said that net income slipped. IBM wants to buy 15% of Jaguar "
        "PLC, marking its first salvo.",
        ["Reed International PLC", "IBM", "Jaguar PLC"],  # and no "PLC" alone
    ),
    (
        "It bought the units of Hunter Environmental Services Inc. of Southport, Conn., and "
        "the Bank of New York agreed.",
        ["Hunter Environmental Services Inc.", "Bank of New York"],
    ),
    (
        "Blackburn Rovers beat Bolton Wanderers, and West Bromwich Albion sacked its coach.",
        ["Blackburn Rovers", "Bolton Wanderers", "West Bromwich Albion"],  # clubs, no people
    ),
    (
        "Leeds United drew with Newcastle United. The United Nations said aid had arrived.",
        ["Leeds United", "Newcastle United", "United Nations"],  # "United" ends or opens a name
    ),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), _BODIES)
def test_a_body_is_named_whole(body, expected):
    found = _mentions(_article(body))
    assert [m[2] for m in found if m[0] == "org"] == expected
    # No person, and no country left over from "U.S. Trust Corp." or "American Express Co."
    assert not [m for m in found if m[0] in ("person", "country")]


def test_a_club_is_offered_other_clubs(tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2022-10-17 Leeds United drew with Sheffield United on Saturday. Newcastle United "
        "won 2-0, said Eddie Howe, while Blackburn Rovers beat Wigan Athletic. Bolton "
        "Wanderers sacked its coach.\n"
    )
    qs, _ = run([str(tmp_path)])
    asked = [q for q in qs if q.answer == "Newcastle United"]
    assert asked and all(q.choices for q in asked)
    assert all(res.org_kind(c) == "club" for q in asked for c in q.choices), asked


def test_a_body_its_story_calls_a_union_is_offered_unions(tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2023-03-07 The CGT union put the number at 3.5 million. The CFDT union called for "
        "calm, and the UNSA union and the FSU union agreed. Rail operator SNCF cancelled "
        "trains, and broadcaster RTL said so. Pollster BVA found most opposed the plan.\n"
    )
    qs, _ = run([str(tmp_path)])
    asked = {q.answer: q.choices for q in qs if q.answer in ("CGT", "CFDT", "UNSA", "FSU")}
    assert any(asked.values()), asked
    unions = {"CGT", "CFDT", "UNSA", "FSU"}
    assert all(set(cs) <= unions for cs in asked.values()), asked


def test_a_player_named_with_a_country_is_offered_players_of_that_country(tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2011-04-02 India beat Sri Lanka in the final on Saturday. Sri Lanka captain Kumar "
        "Sangakkara said his side had been outplayed. India captain Mahendra Singh Dhoni hit "
        "the winning six, and Indian batsman Sachin Tendulkar and Indian bowler Zaheer Khan "
        "said it was their best day. Sri Lanka bowler Lasith Malinga, Sri Lanka batsman Mahela "
        "Jayawardene and Sri Lanka opener Tillakaratne Dilshan played well.\n"
    )
    qs, _ = run([str(tmp_path)])
    lankans = {"Kumar Sangakkara", "Lasith Malinga", "Mahela Jayawardene", "Tillakaratne Dilshan"}
    offered = {q.answer: q.choices for q in qs if q.answer in lankans and q.choices}
    assert offered, [q.answer for q in qs]
    assert all(set(cs) <= lankans for cs in offered.values()), offered


def test_a_carried_honorific_stays_in_a_one_word_name():
    art = _article(
        "Bangladesh's Prime Minister Sheikh Hasina said on Monday that the vote would be held "
        "in January. Sheikh Nawaf Al-Ahmad said nothing."
    )
    people = [m[2] for m in _mentions(art) if m[0] == "person"]
    assert people == ["Sheikh Hasina", "Nawaf Al-Ahmad"]


def test_a_possessive_before_a_body_is_not_taken_into_its_name():
    art = _article(
        "Sotheby's Holdings Inc. said its loss narrowed. They used Chile's Cerro Tololo "
        "Inter-American Observatory on Tuesday."
    )
    orgs = [m[2] for m in _mentions(art) if m[0] == "org"]
    assert orgs == ["Cerro Tololo Inter-American Observatory"]  # and no "Holdings Inc."


def test_a_body_after_a_named_owner_is_not_cut_from_it():
    # "Moody's _____" blanking "Investors Service" cuts a name in two; a city's or a
    # country's body is still its own.
    art = _article(
        "Moody's Investors Service cut the rating on Friday. Castro spoke at Havana's Palace "
        "of Conventions. Russia's Defence Ministry said 1,960 troops would go."
    )
    orgs = [m[2] for m in _mentions(art) if m[0] == "org"]
    assert "Investors Service" not in orgs
    assert "Palace of Conventions" in orgs
    assert "Defence Ministry" in orgs


def test_the_tail_of_a_name_that_lists_places_is_no_body():
    art = _article(
        "The deal was predictable, says Volkan Ozdemir, Director of the Asia, Turkey, Europe "
        "Platform. Russia, Turkey, the United Nations Council and others agreed."
    )
    orgs = [m[2] for m in _mentions(art) if m[0] == "org"]
    assert "Europe Platform" not in orgs
    assert "United Nations Council" in orgs


def test_acronyms_of_things_and_names_of_events_are_no_bodies_or_people():
    art = _article(
        "Officials said DNA test results showed a match, and GDP fell. The NATO summit met "
        "at 10 AM GMT. In the aftermath of the Cold War, she said, NATO must be ready. People "
        "in four ZIP codes must wear PPE."
    )
    found = _mentions(art)
    assert [m[2] for m in found if m[0] == "org"] == ["NATO", "NATO"]
    assert not [m for m in found if m[0] == "person"]


def test_a_monarchs_title_inside_a_name_and_a_storm_are_no_title_or_person():
    art = _article(
        "Geneticist Turi King said the DNA matched. Tim Bale, a professor at Queen Mary "
        "University of London, agreed. Saudi King Abdullah met him. The National Weather "
        "Service said Tropical Storm Harvey would move out over the Gulf."
    )
    found = _mentions(art)
    people = [v for k, _, v in found if k == "person"]
    titles = [v for k, _, v in found if k == "title"]
    assert "Turi King" in people and "Tim Bale" in people
    assert ("org", "Queen Mary University of London", "Queen Mary University of London") in found
    assert titles == ["King"], titles  # Abdullah's, and neither King's surname nor the Queen's
    assert not any("Harvey" in p for p in people)


def test_a_country_that_ends_its_sentence_is_a_country():
    art = _article("He spoke in Germany. She flew to the United States. They met the U.S. envoy.")
    countries = [(t, v) for k, t, v in _mentions(art) if k == "country"]
    assert countries == [
        ("Germany", "Germany"),
        ("the United States", "United States"),
        ("the U.S.", "United States"),
    ], countries


def test_large_cities_are_places_and_a_body_may_be_named_on_something():
    art = _article(
        "Staff in London, New York and Hong Kong said the cuts were deep. Researchers at the "
        "National Institute on Aging said the drug worked."
    )
    found = _mentions(art)
    assert [v for k, _, v in found if k == "place"] == ["London", "New York", "Hong Kong"]
    assert not [v for k, _, v in found if k == "person"], found
    assert ("org", "the National Institute on Aging", "National Institute on Aging") in found


def test_a_datelines_own_date_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-03-11 SANTIAGO, March 11 (Reuters) - Chile's Congress confirmed 24 "
        "ministers on Friday, and the new cabinet met for 3 hours.\n",
    )
    assert qs and not any(q.question.startswith("(Reported") and "_____ (Reuters)" in q.question
                          for q in qs), [q.question for q in qs]  # fmt: skip
    assert not any("March 11" in q.answer for q in qs), [q.answer for q in qs]


def test_a_news_sites_day_line_and_a_dateline_without_its_city_are_no_part_of_a_card(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2014-01-22 Wednesday, January 22, 2014 Two armed men robbed a branch of the "
        "Commonwealth Bank of Australia in Melbourne yesterday morning and escaped with about "
        "A$86,000 in cash, police said.\n",
    )
    cards = [q for q in qs if q.kind == "cloze"]
    assert cards, qs
    for q in cards:
        assert "2014 Two armed men" not in q.question and "January 22" not in q.answer, q
        assert "_____ Two armed" not in q.question, q.question
    assert any(") Two armed men robbed" in q.question for q in cards), cards
    qs = _cards(
        tmp_path,
        "date 2019-09-20 Sept 20 (Reuters) - Police in Shanghai arrested 23 people on Wednesday "
        "over a fraud that cost investors $1.2 billion, officials said.\n",
    )
    assert qs and not any("(Reuters)" in q.question or "Sept 20" in q.answer for q in qs), qs


def test_a_temperature_written_with_its_unit_keeps_its_decimals():
    art = _article("Temperatures hit 40.3C at Coningsby, beating the 38.7C record. It ran 3.5km.")
    numbers = [(t, v) for k, t, v in _mentions(art) if k == "number"]
    assert numbers == [("40.3", "40.3"), ("38.7", "38.7")], numbers  # never 40, 38 or 3


def test_a_nationality_before_a_name_and_an_employer_before_a_role_are_no_people():
    art = _article(
        'Englishman Liam Harcourt won the final. "He has shown great nerve," said World Snooker '
        "Tour chairman Steve Dawson. Latin American leaders and South Korean firms agreed."
    )
    found = _mentions(art)
    people = [v for k, _, v in found if k == "person"]
    assert people == ["Liam Harcourt", "Steve Dawson"], people
    assert [v for k, _, v in found if k == "country"] == ["South Korea"], found


def test_a_name_followed_by_who_is_a_persons_and_by_whose_is_not():
    art = _article(
        "Penny Mordaunt, who had held the post for 85 days, left. Ogden Projects, whose "
        "shares began trading in August, closed higher."
    )
    people = [v for k, _, v in _mentions(art) if k == "person"]
    assert people == ["Penny Mordaunt"]


def test_a_count_in_words_gets_counts_in_words():
    from studykit.select import _numbers_near

    for seed in range(30):
        got = list(_numbers_near("twelve", random.Random(seed)))
        assert got and all(re.fullmatch(r"[a-z]+(?:-[a-z]+)?", g) for g in got), got
        assert {"eight", "fourteen", "twenty-two"} & set(got)
    assert list(_numbers_near("Eighty", random.Random(1)))[0][0].isupper()


def test_a_surname_shared_by_two_titled_people_is_left_unresolved():
    art = _article(
        "Iraq's Saddam Hussein said it was over. King Hussein of Jordan arrived in Washington "
        "on Wednesday. Bush's meeting with Hussein was meant to press the king. Russian "
        "President Vladimir Putin spoke. President Putin said it was over.",
        date="1990-08-16",
    )
    people = [(m[1], m[2]) for m in _mentions(art) if m[0] == "person"]
    assert ("Hussein", "Saddam Hussein") not in people  # the king is not the president
    assert ("Putin", "Vladimir Putin") in people  # one title, one person


def test_a_name_after_the_is_no_person_and_a_name_joined_by_and_is_not_cut():
    art = _article(
        'In a statement, the White House said it would do "whatever is necessary". Exiles '
        "will fight the decision by the Immigration and Naturalization Service. Making Juan "
        "Miguel Gonzalez wait is cruel, said Juan Miguel Gonzalez."
    )
    found = _mentions(art)
    assert [m[2] for m in found if m[0] == "person"] == ["Juan Miguel Gonzalez"] * 2
    assert not [m for m in found if m[0] == "org"]  # not "Naturalization Service" alone


def test_a_blank_at_the_end_of_a_sentence_leaves_its_period(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1989-10-26 The studio on Sunset Boulevard was acquired on Monday by Columbia "
        "Pictures Entertainment Inc.\n",
    )
    org = [q for q in qs if q.answer == "Columbia Pictures Entertainment Inc."]
    assert org and org[0].question.endswith("by _____.")
    assert org[0].cloze and org[0].cloze.endswith("{{c1::Columbia Pictures Entertainment Inc}}.")


def test_bylines_give_no_cards_and_an_ordinal_is_no_place(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1998-02-19 In July last year in Phnom Penh, Cambodia's capital, Second Prime "
        "Minister Hun Sen staged a coup against his rival. Joann S. Lublin in London "
        "contributed to this article. For The World, I'm Nancy Marshall reporting from "
        "Washington.\n",
    )
    assert qs and not [q for q in qs if q.answer in ("Second", "London", "Washington")]


def test_a_period_named_only_relative_to_another_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1989-10-30 Kellogg reported third-quarter net income of $97 million. A year "
        "earlier, Kellogg had profit of $92 million in the quarter. Sales in the latest "
        "period rose 5% to $1.2 billion from the year-ago period. The company cut 400 jobs "
        "in Battle Creek, Michigan, in March 1987.\n",
    )
    # Nor is the quarter a results story reports ("third-quarter net income").
    assert _date_blanks(qs) == ["March 1987"]


def test_the_day_of_a_remark_beside_the_day_of_the_event_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2021-11-17 A strong earthquake struck southern Peru late on Tuesday, killing "
        "at least 143 people, officials said on Wednesday. The finance minister said last "
        "month that the outages were costing the economy dearly. Microsoft said on Monday it "
        "would buy LinkedIn for $26.2 billion.\n",
    )
    blanks = _date_blanks(qs)
    assert any(b.startswith("late on Tuesday") or b.startswith("Tuesday") for b in blanks), blanks
    assert not any("Wednesday" in b or "last month" in b for b in blanks), blanks
    assert any(b.startswith("Monday") for b in blanks), blanks  # the news itself was said


def test_the_article_before_a_body_stays_outside_its_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-07-24 Hunt left the government after refusing to move from the Foreign "
        "Office to the defence ministry, according to aides. The Met Office said it had "
        "measured 38.7C, the highest reading ever.\n",
    )
    orgs = {q.answer: q.question for q in qs if q.kind == "cloze" and q.answer_kind == "org"}
    assert "from the _____ to the defence" in orgs["Foreign Office"], orgs
    assert ") The _____ said it had" in orgs["Met Office"], orgs  # a capital "The" opens it


def test_money_told_again_in_another_currency_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2018-05-18 The judge found Kiprono guilty of conspiracy to defraud the "
        "government of 1.4 billion shillings ($14 million) between 2012 and 2014. Japan "
        "pledged a loan of 190 billion yen (about $1.25 billion) for the railway.\n",
    )
    numbers = [
        q.answer for q in qs if q.kind == "cloze" and q.answer_kind in ("number", "quantity")
    ]
    assert not {"1.4 billion", "14 million", "190 billion", "1.25 billion"} & set(numbers), numbers
    (tmp_path / "w").mkdir()
    winds = _cards(
        tmp_path / "w",
        "date 2021-05-27 The cyclone hit the coast with winds of up to 180 kilometres per hour "
        "(112 mph), and the Bangladesh Meteorological Department said it would weaken.\n",
    )
    blanks = {q.answer for q in winds if q.kind == "cloze"}
    assert not {"180", "112", "Meteorological Department"} & blanks, blanks


def test_a_sentence_that_names_nothing_gets_the_storys_opening_words(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2024-04-25 Norvell Systems Inc. reported a 38 percent jump in first-quarter "
        "profit on Wednesday. Revenue rose 21 percent to $14.6 billion. Chief Financial "
        "Officer Kevin Osei said margins had improved at the company's plant in Germany. "
        "Intel Corp. said it would cut 5,000 jobs.\n",
    )
    by_answer = {q.answer: q.question for q in qs if q.kind == "cloze"}
    cue = "in the story “Norvell Systems Inc. reported…”)"  # not ending on "a"
    assert cue in by_answer["21"], by_answer  # cut before the number another card asks
    assert "in the story" not in by_answer["38"]  # the story's first sentence needs none
    # A country does not say which story a sentence belongs to; a body it names does.
    assert cue in by_answer.get("Kevin Osei", ""), by_answer
    assert "in the story" not in by_answer["5,000"], by_answer


def test_money_is_counted_in_its_currency_and_a_days_share_price_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2024-04-25 Norvell Systems Inc. reported a jump in profit on Wednesday. The "
        "chipmaker earned $3.1 billion in the three months ended March 31. Revenue rose to "
        "$13.9 billion, above forecasts. Norvell shares rose $4.625 to $112.625 in "
        "Nasdaq trading. It forecast revenue of between $15.2 billion and $15.8 billion.\n",
    )
    money = [q.answer for q in qs if q.kind == "cloze" and q.answer_kind in ("number", "quantity")]
    assert "3.1 billion" in money and "13.9 billion" in money, money
    assert not {"4.625", "112.625", "15.8 billion"} & set(money), money


def test_a_subject_named_earlier_gets_the_story_and_a_body_before_its_office_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-07-24 Prime Minister Boris Johnson named Ben Wallace as defence secretary "
        "on Wednesday. The 49-year-old became security minister in 2016 and faces a "
        "budget squeeze, according to the National Audit Office. The United Nations "
        "Secretary-General, Antonio Guterres, welcomed the appointment.\n",
    )
    cloze = {q.answer: q.question for q in qs if q.kind == "cloze"}
    assert "in the story “Prime Minister Boris Johnson named" in cloze["2016"], cloze
    assert "United Nations" not in cloze, cloze


def test_a_quote_says_which_story_it_is_from_unless_that_names_the_speaker(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-07-24 Prime Minister Boris Johnson named Ben Wallace as defence secretary "
        'on Wednesday. "I would have liked to stay on," minister Penny Mordaunt said. "I will '
        'serve with pride and with all my heart," Wallace said.\n',
    )
    said = {q.answer: q.question for q in _asking(qs, "Who said")}
    story = ", in the story “Prime Minister Boris Johnson named Ben Wallace as defence"
    assert story in said["Penny Mordaunt"], said
    assert "in the story" not in said["Ben Wallace"], said  # the story names him


def test_she_said_is_not_credited_to_a_man_or_past_a_name_nobody_knows(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-08-30 Floods killed 1,136 people in Pakistan. Secretary-General Antonio "
        "Guterres said he was shocked. Sherry Rehman, Pakistan's climate change minister, "
        'spoke in Islamabad. "It is literally one big ocean, there is no dry land," she told '
        'reporters. Prime Minister Shehbaz Sharif said he would visit. "We need help from '
        'everyone in the world now," she said.\n',
    )
    said = {q.question: q.answer for q in _asking(qs, "Who said")}
    assert not [a for a in said.values() if a in ("Antonio Guterres", "Shehbaz Sharif")], said


def test_a_rough_or_relative_quarter_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1991-02-25 Then, a week or so ago, Gen. Schwarzkopf secretly picked the day of "
        "the offensive. Columbia reported a loss for the third quarter of $226.3 million. For "
        "the quarter a year ago, Columbia reported earnings of $16.3 million.\n",
    )
    assert qs and not [a for a in _date_blanks(qs) if "or so" in a or "a year ago" in a]


def test_a_decimal_answer_gets_decimal_distractors():
    from studykit.select import _numbers_near

    for seed in range(20):
        got = list(_numbers_near("7.8", random.Random(seed)))
        assert got and all(re.fullmatch(r"\d+\.\d", g) and g != "7.8" for g in got), got
        got = list(_numbers_near("34.45 percent", random.Random(seed)))
        assert all(re.fullmatch(r"\d+\.\d\d percent", g) for g in got), got
        # a measure on a scale: a magnitude of 7.8 is not offered as 11.7 or 3.9
        near = _numbers_near("7.8", random.Random(seed))
        assert all(0.7 * 7.8 <= float(g) <= 1.3 * 7.8 for g in near)


def test_a_rate_in_quarter_points_gets_quarter_points():
    from studykit.select import _numbers_near

    for seed in range(20):
        got = list(_numbers_near("0.75", random.Random(seed)))[:3]
        assert len(got) == 3 and all(round(float(g) * 100) % 25 == 0 for g in got), got


def test_no_answer_stands_out_by_its_length_among_the_choices():
    # 11,000 among 6,000, 8,000 and 7,000, or 1,047 among 733, 817 and 576, is the one.
    from studykit.select import _numbers_near

    for answer in ("11,000", "1,047", "78,000", "9,500", "120"):
        for seed in range(40):
            got = list(_numbers_near(answer, random.Random(seed)))[:3]
            assert any(len(g) == len(answer) for g in got), (answer, got)


def test_number_choices_respect_what_the_sentence_says_of_the_blank():
    cases = [
        ("Gross margins improved to _____ percent from 57 percent a year ago.", "61.5",
         lambda v: v > 57),
        ("Inflation eased to _____ percent in December from 7.4 percent.", "7.2",
         lambda v: v < 7.4),
        ("Kenya was ranked 143rd out of _____ countries.", "180", lambda v: v > 143),
        ("Inflation was _____% in January, down from 6.5% in December.", "6.4",
         lambda v: v < 6.5),
        ("Turnout was _____%, up from 63.6% in 2012.", "68.9", lambda v: v > 63.6),
        ("The Tories won 34.3%, narrowly ahead of the Liberals' _____%.", "33.1",
         lambda v: v < 34.3),
        ("The Liberals won 33.1%, narrowly behind the Tories' _____%.", "34.3",
         lambda v: v > 33.1),
        ("The Social Democrats took 130 of the _____ seats.", "141", lambda v: v > 130),
        ("The bank raised its main lending rate to _____ percent.", "7.25",
         lambda v: (v / 0.25).is_integer()),
        ("Two preferred a larger move of _____ basis points.", "50",
         lambda v: (v / 25).is_integer()),
        # the base far from the blank, and a figure that moves with the one before "or"
        ("It said net income rose to $_____ million, or 88 cents a share, in the three months "
         "ended June 30, from $307 million, or 66 cents a share.", "412", lambda v: v > 307),
        ("It said net income rose to $412 million, or _____ cents a share, in the three months "
         "ended June 30, from $307 million, or 66 cents a share.", "88", lambda v: v > 66),
        # a change told in the plain form of its verb, the blank at either end
        ("The reform will raise the minimum retirement age from _____ to 64.", "62",
         lambda v: v < 64),
        ("The board proposed to raise its dividend to _____ crowns per share from 4.20 "
         "crowns.", "4.50", lambda v: v > 4.2),
        ("Gross margin came in at _____ percent, above the company's own guidance of 51.5 to "
         "53.5 percent.", "54.3", lambda v: v > 51.5),
        # the base named before its figure, far from the verb, after the next in a ranking,
        # or what a law requires
        ("The Treasury forecast growth of _____ percent for the year, down from an earlier "
         "estimate of 2.9 percent.", "2.6", lambda v: v < 2.9),
        ("She announced a cut in the company tax rate for small businesses from _____ percent "
         "to 26 percent.", "28", lambda v: v > 26),
        ("Apple held _____ percent, followed by China's Xiaomi with 14 percent.", "16",
         lambda v: v > 14),
        ("Apple held 16 percent, followed by China's Xiaomi with _____ percent.", "14",
         lambda v: v < 16),
        ("Organisers submitted _____ valid signatures, well above the 151,000 required by "
         "law.", "214,000", lambda v: v > 151000),
        ("The motion was carried by _____ votes to 19.", "21", lambda v: v > 19),
        ("The bill passed by a vote of 52 to _____.", "48", lambda v: v < 52),
        # a part of a whole the sentence numbers
        ("Labour won _____ of the 650 seats in the House of Commons.", "411",
         lambda v: v < 650),
    ]  # fmt: skip
    for question, answer, ok in cases:
        q = _q(question, answer, "number", "2023-01-26", id="n" + answer)
        for seed in range(10):
            got = distractors(q, {}, seed)
            assert len(got) == 3 and answer not in got, (question, got)
            assert all(ok(float(c.replace(",", ""))) for c in got), (question, got)
    # With no room above it, the answer would be the largest choice: asked outright.
    crew = _q("The crash killed _____ of the six crew members.", "five", "number", "2024-01-04")
    assert all(distractors(crew, {}, seed) == () for seed in range(10))
    years = _q("It was stolen between _____ and 2014.", "2012", "date", "2018-05-18", id="y1")
    for seed in range(10):
        assert all(int(c) < 2014 for c in distractors(years, {}, seed)), seed


def test_a_clock_time_gets_other_hours_of_its_day():
    from studykit.select import _dates_near

    for seed in range(10):
        got = list(_dates_near("noon (12:00, 25 April 2015)", "2015-04-25", random.Random(seed)))
        assert len(got) >= 3 and "noon (12:00, 25 April 2015)" not in got, got
        assert all(re.fullmatch(r"(?:0\d|1\d|2[0-3]):00, 25 April 2015", g) for g in got), got
    # A time on the twelve-hour clock stays on it, in its own notation: no "13:47 p.m.".
    for seed in range(10):
        got = list(_dates_near("11:47 p.m. local time", "2021-11-17", random.Random(seed)))
        got += list(_dates_near("9:05 AM", "2021-11-17", random.Random(seed)))
        assert len(got) >= 6 and "11:47 p.m. local time" not in got, got
        assert all(
            re.fullmatch(r"(?:[1-9]|1[0-2]):(?:47 [ap]\.m\. local time|05 [AP]M)", g) for g in got
        ), got


def test_names_with_accented_letters_are_whole():
    a = _article(
        "Turkish President Recep Tayyip Erdoğan declared a week of mourning. Rescuers worked "
        "through the night. Économie minister Bruno Le Maire and Jagmeet Singh also spoke. "
        "Later Erdoğan said the toll would rise."
    )
    people = _people(a)
    assert people["Recep Tayyip Erdoğan"] == "Recep Tayyip Erdoğan"
    assert people["Erdoğan"] == "Recep Tayyip Erdoğan"
    assert len(split_sentences(a.body)) == 4  # a sentence may open with an accented capital


def test_a_former_or_future_holder_is_not_asked_as_the_holder(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2024-05-31 A jury on Thursday found former U.S. President Donald Trump guilty. "
        "Ex-Prime Minister Boris Johnson spoke. President-elect Joe Biden met British Prime "
        "Minister Keir Starmer. Acting President of Nigeria Kashim Shettima signed the bill "
        "while Bola Tinubu was abroad.\n",
    )
    office = {q.answer for q in _asking(qs, "Who was the")}
    assert office == {"Keir Starmer"}, office


def test_a_hyphenated_title_is_not_part_of_the_name():
    a = _article("WHO Director-General Margaret Chan said the outbreak was severe.")
    assert "Margaret Chan" in _people(a)
    assert not [p for p in _people(a) if "Director" in p]


def test_a_date_that_names_its_year_is_not_glossed_again():
    from studykit.templates import Slot

    a = _article(
        "Microsoft expects the deal to close in fiscal year 2023. Prices fell in mid-2021. "
        "Trading resumed in June.",
        date="2022-01-19",
    )
    shown = {m.text: Slot(m).display for s in annotate(a) for m in s.mentions if m.kind == "date"}
    assert shown["fiscal year 2023"] == "fiscal year 2023"
    assert shown["mid-2021"] == "mid-2021"
    assert shown["June"] == "June 2021"  # the month once, with its year


def test_a_week_gets_other_weeks():
    from studykit.select import _dates_near

    for seed in range(10):
        got = list(
            _dates_near("last week (the week of 28 July 2014)", "2014-08-09", random.Random(seed))
        )
        assert got and all(g.startswith("the week of ") for g in got)
        days = {_dt.datetime.strptime(g[12:], "%d %B %Y").date() for g in got}
        assert all(d.weekday() == 0 for d in days), got


def test_a_role_before_a_full_name_is_not_part_of_it():
    a = _article(
        "District Attorney Frank C. Clark said the rifle was important. U.S. Surgeon General "
        "David Satcher said a team would go to Africa. Mike Judge said nothing. Republican "
        "Donald Trump, 70, said he would serve."
    )
    people = _people(a)
    assert "Frank C. Clark" in people and "David Satcher" in people and "Donald Trump" in people
    assert not [p for p in people if "Attorney" in p or "General" in p or "Republican" in p]


def test_she_said_is_the_subject_not_the_last_name():
    a = _article(
        "Bob Dylan was awarded the prize. Sara Danius, the permanent secretary of the academy, "
        'compared Dylan to Homer and Sappho. "He is a great poet in a great tradition," she said. '
        "Dylan, 75, released his first album in 1962."
    )
    quotes = _quotes(a)
    assert quotes and quotes[-1].attr("speaker") == "Sara Danius"


@pytest.mark.parametrize(
    "body,speakers",
    [
        pytest.param(  # a person in the possessive speaks through someone else
            'Transport Minister Kostas Karamanlis resigned on Sunday. "We will not let this '
            "happen again,\" said Karamanlis's successor, Giorgos Gerapetritis. Karamanlis's "
            'lawyer said: "He did nothing wrong and he will prove it in court." "I take '
            'responsibility," Karamanlis said.',
            ["", "", "Kostas Karamanlis"],
            id="possessive",
        ),
        pytest.param(  # the one told a quote is not its speaker
            "Defence Minister Yoav Gallant met Secretary of State Antony Blinken on Monday. "
            'Gallant was told by Antony Blinken: "The United States stands with Israel today." '
            'Later Gallant was told by aides: "The talks went very well in Washington."',
            ["Antony Blinken", ""],
            id="told-by",
        ),
        pytest.param(  # a family name written first, and the name an Ethiopian goes by
            'Chinese President Xi Jinping met WHO chief Tedros Adhanom Ghebreyesus. "We will '
            'cooperate fully with the world," Xi said. "This is a good day for global health," '
            'Tedros said. "Services are disrupted," a spokesperson for NHS England London said. '
            '"Emergency care is open as usual in the city," NHS England said.',
            ["Xi Jinping", "Tedros Adhanom Ghebreyesus", "", ""],
            id="family-name-first",
        ),
        pytest.param(  # "who said" is the speaker's; a person after a preposition is no subject
            "Mayor Karen Bass and council member Traci Park disagree. Bass was joined by "
            'Governor Gavin Newsom, who said: "California will not walk away from the '
            'homeless." In a letter to Bass, the union wrote: "You have ignored the voters of '
            'this district." In a letter to Bass, Park wrote: "You have ignored the nurses of '
            'this city."',
            ["Gavin Newsom", "", "Traci Park"],
            id="preposition",
        ),
        pytest.param(  # "According to X" names who the sentence goes by, unless X quotes another
            'According to Dutch Prime Minister Mark Rutte, "We will not accept this outcome." '
            'According to Rutte, Queen Maxima said: "The king is in good health." According to '
            'the report, the bridge was "unsafe for years".',
            ["Mark Rutte", "Maxima", ""],
            id="according-to",
        ),
        pytest.param(  # as wires quote: ``...'', across an abbreviation's period
            "Cuba's parliament chief Ricardo Alarcon spoke on Thursday. ``Everyone around the "
            "boy has been in prison in the U.S. That's not the best interest of the child,'' "
            "Alarcon told reporters in Havana.",
            ["Ricardo Alarcon"],
            id="wire-quotes",
        ),
        pytest.param(  # one named by a possessive speaks through the one the sentence opens on
            "Police are searching for James Kopp. Kopp's stepmother, who married his father when "
            "Kopp was in his 30s, said on Thursday: ``I would like to see him come forward and "
            "clear his name.'' Britain's Prime Minister Boris Johnson, speaking in London, said: "
            '"We will get through this together as a country."',
            ["", "Boris Johnson"],
            id="possessive-opening",
        ),
        pytest.param(  # "he" is the subject of the last sentence, not one after "for"
            "FBI spokesman Paul Moskal spoke to reporters. The men tried to attend a vigil for "
            'Barnett Slepian, Moskal said. "They were being sought for interviews only," he said. '
            'U.S. Secretary of State Madeleine Albright visited Kenya. "We will bring the '
            'murderers of our friends to justice," she told embassy workers.',
            ["Paul Moskal", "Madeleine Albright"],
            id="subject-not-object",
        ),
    ],
)
def test_a_quote_is_credited_only_to_the_one_who_said_it(body, speakers):
    got = [q.attr("speaker") for q in _quotes(_article(body))]
    assert got == speakers, got


def test_a_role_before_a_name_that_ends_like_a_place_names_a_person():
    a = _article(
        "Council member Traci Park and Officer Sarah Street spoke in Hyde Park on Monday. "
        "Crowds gathered in George Street."
    )
    assert {"Traci Park", "Sarah Street"} <= set(_people(a))
    assert not {"Hyde Park", "George Street"} & set(_people(a))


def test_a_county_a_harbour_or_a_beach_is_a_place_even_after_a_given_name():
    a = _article(
        "Storms hit Leon County, Miami Beach and Honolulu Harbor on Monday. The mayor of "
        "Harlow Falls, Ohio, was arrested. Michael Beach said the roads were closed. A panda "
        "at the Smithsonian's National Zoo gave birth."
    )
    places = {m.text for s in annotate(a) for m in s.mentions if m.kind == "place"}
    assert {"Leon County", "Miami Beach", "Honolulu Harbor", "Harlow Falls",
            "National Zoo"} <= places, places  # fmt: skip
    assert set(_people(a)) == {"Michael Beach"}, _people(a)


def test_amnesty_international_and_human_rights_watch_are_bodies():
    a = _article(
        'Amnesty International said her speech was a "mix of untruths". Human Rights Watch '
        "said the trial was unfair. Marriott International reported higher profit on Tuesday. "
        "The Humane Society said it rescued 40 dogs. Leicester City said the manager had been "
        "sacked. Mexico City was hit by an earthquake."
    )
    orgs = {m.value for s in annotate(a) for m in s.mentions if m.kind == "org"}
    places = {m.value for s in annotate(a) for m in s.mentions if m.kind == "place"}
    assert not _people(a), _people(a)
    assert {"Amnesty International", "Human Rights Watch", "Marriott International",
            "Humane Society"} <= orgs, orgs  # fmt: skip
    assert "Mexico City" in places, places


def test_a_body_with_a_country_after_its_name_is_no_blank(tmp_path):
    # "_____ Germany criticised the settlement": the blank would cut the branch's name.
    qs = _cards(
        tmp_path,
        "date 2016-09-27 Transparency International Germany criticised the settlement, saying "
        "that no managers had been charged.\n",
        "date 2016-09-27 The talks between Amnesty International and Germany ended without "
        "any agreement.\n",
    )
    assert {q.answer for q in qs} == {"Amnesty International"}, qs


def test_an_airport_or_a_prison_named_after_someone_is_no_person():
    a = _article(
        "The plane took off from Imam Khomeini International Airport on Wednesday. A fire "
        "broke out at Evin Prison, and Sheikh Zayed Mosque was closed, said "
        "Imam Ali Khamenei."
    )
    assert set(_people(a)) == {"Ali Khamenei"}, _people(a)


def test_a_role_opening_a_sentence_is_no_part_of_the_name_after_it():
    a = _article(
        "Philosopher A. C. Grayling described the novel as a triumph. Novelist Hilary Mantel "
        "and Historian Mary Beard agreed."
    )
    assert set(_people(a)) == {"A. C. Grayling", "Hilary Mantel", "Mary Beard"}, _people(a)


def test_a_surname_seen_as_a_person_makes_its_full_name_a_person():
    a = _article(
        "Lionel Messi scored twice for Argentina. Messi, 35, said he would continue to play."
    )
    assert _people(a).get("Lionel Messi") == "Lionel Messi"
    assert _people(a).get("Messi") == "Lionel Messi"


def test_a_number_in_a_name_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-07-28 Stocks rallied, with the S&P 500 closing up 2.6 percent. "
        "Airbus delivered 40 jets, and Boeing 737 orders rose by 25 planes.\n",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert "500" not in answers and "737" not in answers
    assert "40" in answers


def test_the_speaker_of_a_saying_asked_about_is_not_also_a_blank_there(tmp_path):
    qs = _cards(
        tmp_path,
        'date 2018-07-19 Astronomers found ten moons. Scott Sheppard said, "Jupiter is like a '
        'big vacuum cleaner because it is so massive". Sheppard led the team of five.\n',
    )
    who = _asking(qs, "Who said")
    assert who and who[0].answer == "Scott Sheppard"
    assert not [q for q in qs if q.kind == "cloze" and "vacuum" in q.question
                and q.answer == "Scott Sheppard"]  # fmt: skip


def test_name_edges_particles_places_and_sentence_openers():
    a = _article(
        "The office of President Daniel arap Moi said Kenya would help. An investor group led "
        "by New York-based Crescott Investment Associates sued. Whether Polly Peck will gain "
        "remains to be seen, Asil Nadir said. Resources of the Department of Health and Human "
        "Services were used, Satcher said. Ministers of Hungary and Jan Kavan of the Czech "
        "Republic signed, Kavan said."
    )
    people = _people(a)
    assert people.get("Daniel arap Moi") == "Daniel arap Moi"
    assert "Human Services" not in people and "Jan Kavan" in people
    names = {m.value for s in annotate(a) for m in s.mentions}
    assert "Crescott Investment Associates" in names
    assert not [n for n in names if n.startswith(("New York-based", "Whether"))]


def test_this_morning_is_no_blank_as_today_is_none(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2016-06-24 Prime Minister David Cameron announced this morning that he would "
        "resign by October. Police said the suspect was arrested yesterday in Leeds.\n",
    )
    dates = _date_blanks(qs)
    assert "24 June 2016" not in dates, dates  # this morning
    assert "23 June 2016" in dates, dates  # yesterday, asked as a date


def test_a_date_counted_from_the_story_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2020-03-24 The number of deaths rose to 335 on Monday, up from 281 a day "
        "earlier. The law took effect on 20 March, two weeks earlier than planned.\n",
    )
    dates = _date_blanks(qs)
    assert dates and not [a for a in dates if "earlier" in a]


def test_a_grown_count_keeps_its_thousands_separator():
    from studykit.select import _numbers_near

    for seed in range(20):
        for got in _numbers_near("900 million", random.Random(seed)):
            n = got.split()[0]
            assert "," in n or int(n) < 1000, got


def test_an_office_in_a_sentence_about_another_year_is_not_asked_as_of_the_article(tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2013-12-06 In 1994, South African President Nelson Mandela appointed Thabo Mbeki "
        "as his deputy. U.S. President George H. W. Bush welcomed Mandela to Washington in "
        "1990. Czech Foreign Minister Jan Kavan said he was in Kansas City in 1968.\n"
    )
    (tmp_path / "b.txt").write_text(
        "date 2013-12-06 South African President Jacob Zuma said the nation mourned on "
        "Friday. South African President Nelson Mandela visited London with his wife.\n"
    )
    qs, _ = run([str(tmp_path)])
    office = {q.answer for q in _asking(qs, "Who was the")}
    assert office == {"Jan Kavan", "Jacob Zuma"}, office


def test_a_year_inside_a_quotation_does_not_date_the_saying(tmp_path):
    qs = _cards(
        tmp_path,
        'date 1999-03-13 "We were the powerless victims of a foreign invasion in 1968," '
        "Foreign Minister Jan Kavan said.\n",
    )
    assert [q for q in _asking(qs, "Who said") if q.answer == "Jan Kavan"]


def test_a_month_inside_a_quotation_does_not_date_the_saying(tmp_path):
    qs = _cards(
        tmp_path,
        'date 2010-04-15 "This is a much more powerful eruption than the one last month, and it '
        'could go on for weeks," said Magnus Tumi Gudmundsson, a geophysicist who flew over '
        "the crater on Wednesday.\n",
    )
    said = _asking(qs, "Who said")
    assert said and all("in April 2010" in q.question for q in said), [q.question for q in said]


def test_a_speaker_named_after_said_with_body_and_title(tmp_path):
    qs = _cards(
        tmp_path,
        'date 2022-07-13 "Every image is a new discovery," said NASA Administrator Bill Nelson.',
    )
    who = _asking(qs, "Who said")
    assert [q.answer for q in who] == ["Bill Nelson"]


def test_a_speaker_whose_role_is_acting_or_former(tmp_path):
    qs = _cards(
        tmp_path,
        'date 2021-02-19 "This landing is one of those pivotal moments for NASA and space '
        'exploration," said acting NASA Administrator Steve Jurczyk.\n\n'
        '"The rover will keep us busy for years," said former NASA Administrator Bill Nelson.',
    )
    who = _asking(qs, "Who said")
    assert sorted(q.answer for q in who) == ["Bill Nelson", "Steve Jurczyk"]


def test_a_regnal_number_belongs_to_the_name():
    a = _article(
        "Pope Benedict XVI will step down. King Charles III met Prime Minister Rishi Sunak. "
        "Later Benedict said he was tired. Martin Luther King Jr. spoke in 1963."
    )
    people = _people(a)
    assert people["Benedict XVI"] == "Benedict XVI"
    assert people["Benedict"] == "Benedict XVI"  # the surname is the name before the number
    assert people["Charles III"] == "Charles III"
    assert "Jr" not in people and "Jr." not in people  # "King" is a surname there, no title


def test_a_surname_that_is_a_month_is_a_name(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-05-24 British Prime Minister Theresa May said on Friday she would resign on "
        "June 7. May took office in July 2016.\n",
    )
    office = {q.answer for q in _asking(qs, "Who was the")}
    assert office == {"Theresa May"}, office  # "in May 2019" does not give "May" away
    assert "May" not in {q.answer for q in qs}


def test_a_surname_with_a_particle_is_the_full_name():
    assert surname("Marine Le Pen") == "Le Pen"
    assert surname("Charles de Gaulle") == "de Gaulle"
    a = _article(
        "Emmanuel Macron defeated the far-right candidate Marine Le Pen on Sunday. Le Pen "
        "conceded defeat within minutes."
    )
    assert _people(a)["Le Pen"] == "Marine Le Pen"


def test_the_tail_of_a_company_name_is_no_person():
    a = _article(
        "Cie. de Navigation Mixte Chairman Marc Fournier said his board rejected the bid. "
        "Navigation Mixte said the offer was too low."
    )
    people = _people(a)
    assert "Navigation Mixte" not in people and people["Marc Fournier"] == "Marc Fournier"


def test_a_name_that_opens_a_sentence_owns_its_it(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1989-10-27 Paribas said Monday that it intends to raise its stake to 66.7%. "
        "Investigators said Friday they found a rifle buried near his home in Amherst.\n",
    )
    dates = _date_blanks(qs)
    # (a day said without its preposition is asked as a date: "said on _____ that")
    assert "23 October 1989" in dates, dates  # Monday
    assert "27 October 1989" not in dates, dates  # Friday: whose home?


def test_a_company_is_given_away_by_its_name_without_its_legal_form(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1989-10-27 Security Pacific said it signed a letter of intent to purchase La Jolla "
        "Bancorp, agreeing to pay $15 of its own stock for each share of La Jolla. A.L. Williams "
        "Corp. was merged into Primerica Corp. after a meeting of Williams shareholders.\n",
    )
    assert not {"La Jolla Bancorp", "A.L. Williams Corp."} & {q.answer for q in qs}


def test_a_share_that_makes_up_a_hundred_with_another_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-05-24 May took office in July 2016, weeks after Britons voted by 52 percent "
        "to 48 percent to leave the European Union. Microsoft will pay a premium of nearly 50 "
        "percent over the closing price of the shares.\n",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"52", "48"} & answers and "50" in answers, answers


@pytest.mark.parametrize(
    ("bodies", "kept", "dropped"),
    [
        pytest.param(
            ["date 2013-01-24 The company sold 47.8 million iPhones in the three months to "
             "December 29, up from 37 million a year earlier. The rover will spend two years on "
             "Mars.\n"],
            {"two years"},
            {"the three months"},
            id="reporting-period",
        ),
        pytest.param(  # a step from a day the sentence tells (but "later than planned" stays)
            ["date 2021-11-05 The first leg is scheduled for November 11 in Wellington, with "
             "the return leg in Lima four days later.\n",
             "date 2021-11-05 The rocket lifted off at 11:02 a.m. on Friday, two days later "
             "than planned after strong winds.\n"],
            {"two days"},
            {"four days"},
            id="step-later",
        ),
        pytest.param(  # the region or district a place lies in
            ["date 2017-01-20 Two aid workers were seized near the town of Tessalit, in the "
             "Kidal region, on Monday. Gunmen attacked a bank in the Pudong district of "
             "Shanghai.\n"],
            {"Tessalit"},
            {"Kidal", "Pudong"},
            id="region-or-district",
        ),
        pytest.param(  # a river or valley past the opening (in the opening it is the news)
            ["date 2014-05-16 The Sava river burst its banks in eastern Croatia on Thursday, "
             "flooding dozens of villages. Residents living near the Bosna river were evacuated "
             "overnight. Army helicopters rescued tourists stranded in the Kalam valley.\n"],
            {"Sava"},
            {"Bosna", "Kalam"},
            id="river-or-valley",
        ),
        pytest.param(  # the crew, a share's price, a yield's move (a bank's rate, revenue stay)
            ["date 2019-08-21 The ferry had 378 passengers and 34 crew members on board as the "
             "storm hit. Barclays shares fell 2.1 percent to 151 pence in London on Friday. The "
             "yield on the 10-year bond rose 12 basis points to 0.81 percent. Sweden's central "
             "bank raised the main rate by 75 basis points on Thursday. Helvetia shares fell 6.8 "
             "percent to 552 Swiss francs in Zurich. Revenue at the insurer slipped 2 percent to "
             "28.7 billion crowns in the first half.\n"],
            {"378", "75", "28.7 billion"},
            {"34", "151", "12", "552"},
            id="side-figures",
        ),
        pytest.param(  # the day a figure is counted at (a closing day of a court stays)
            ["date 2021-10-20 Netflix had 222 million paying subscribers worldwide at the end "
             "of September, the company said. The tribunal, set up in 1993, is due to close at "
             "the end of December after indicting 161 people.\n"],
            {"the end of December (December 2021)"},
            {"the end of September (September 2021)"},
            id="figure-counted-at",
        ),
        pytest.param(  # a gathering's size past the opening (in the opening it is the news)
            ["date 2019-05-20 About 10,000 protesters marched through Algiers on Friday. A "
             "reception for about 300 invited guests was held at the palace. Some 500 "
             "supporters gathered outside the court. Police said 12 protesters were killed in "
             "clashes on Saturday.\n"],
            {"10,000", "12"},  # protesters killed are a toll, not a gathering
            {"300", "500"},
            id="gathering-size",
        ),
        pytest.param(  # the time of a runner who did not win (the winner's stays)
            ["date 2023-10-08 Kelvin Kiptum of Kenya won the Chicago Marathon on Sunday in a "
             "world record time of 2:00:35. Benson Kipruto of Kenya finished second in 2:04:02, "
             "and Bashir Abdi of Belgium was third in 2:04:32.\n"],
            {"2:00:35"},
            {"2:04:02", "2:04:32"},
            id="runner-up-time",
        ),
    ],
)  # fmt: skip
def test_a_side_length_place_or_figure_is_no_blank(tmp_path, bodies, kept, dropped):
    answers = {q.answer for q in _cards(tmp_path, *bodies)}
    assert kept <= answers and not dropped & answers, answers


def test_a_nickname_in_quotation_marks_is_part_of_the_name(tmp_path):
    qs = _cards(
        tmp_path,
        'date 2019-07-12 A judge sentenced drug lord Joaquin "El Chapo" Guzman to life in prison '
        'on Thursday. "There was no justice here," Guzman said through an interpreter.\n',
    )
    said = _asking(qs, "Who said")
    assert [q.answer for q in said] == ['Joaquin "El Chapo" Guzman'], [q.question for q in qs]


def test_a_weekday_that_names_a_kind_is_no_date_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-03-15 A gunman killed 49 people at two mosques in Christchurch during Friday "
        "prayers. Police said the suspect would appear in court on Saturday.\n",
    )
    dates = _date_blanks(qs)
    assert dates and not [a for a in dates if a.startswith("Friday")], dates


def test_a_place_name_with_es_is_whole_and_a_conversion_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1998-08-26 An explosion ripped through the American Embassy in Tanzania's "
        "commercial capital Dar es Salaam. Police found more than 1,300 pounds (600 kgs) of "
        "explosives in a shed in Dundalk, 50 miles (80 kms) south of Belfast.\n",
    )
    answers = {q.answer for q in qs}
    assert "Dar es Salaam" in answers and "Dar" not in answers, answers
    assert not {"1,300", "600", "80"} & answers, answers


@pytest.mark.parametrize(
    ("body", "question"),
    [
        (
            "date 2019-03-15 Officials said 49 people were killed in New Zealand on Friday "
            "after a gunman opened fire at two mosques.",
            "According to the report of 15 March 2019, how many people were killed in New Zealand?",
        ),
        (
            "date 2023-02-07 In Syria, more than 1,600 people were killed, according to the "
            "government and rescue workers.",
            "According to the report of 7 February 2023, how many people were killed in Syria?",
        ),
    ],
)
def test_a_death_toll_question_names_the_country_the_sentence_gives(tmp_path, body, question):
    tolls = [q.question for q in _cards(tmp_path, body) if "casualties" in q.tags]
    assert tolls == [question], tolls


def test_a_body_may_open_with_all():
    a = _article("Alcaraz ended the Serb's 34-match winning streak at the All England Club.")
    orgs = {m.value for s in annotate(a) for m in s.mentions if m.kind == "org"}
    assert "All England Club" in orgs, orgs


def test_a_date_counted_from_another_sentence_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1989-10-26 Acme Corp. lost its chief executive in March 1989. The following "
        "month, Acme Corp. put itself up for sale. Later that day, Acme Corp. shares fell.\n",
    )
    dates = _date_blanks(qs)
    assert "March 1989" in dates and not [
        a for a in dates if "following" in a.lower() or "that day" in a.lower()
    ], dates


def test_a_sentence_may_end_with_an_abbreviation():
    body = (
        "He was shot in his home outside Buffalo, N.Y. His name was crossed out that day. "
        "Sen. John McCain met Gen. Colin Powell in the U.S. capital."
    )
    assert [s.text for s in split_sentences(body)] == [
        "He was shot in his home outside Buffalo, N.Y.",
        "His name was crossed out that day.",
        "Sen. John McCain met Gen. Colin Powell in the U.S. capital.",
    ]
    # A quotation after "Jr." opens a sentence; after an initial it is a nickname. A section
    # heading run into its sentence is no part of it.
    body = (
        'Curry quoted civil rights leader Martin Luther King Jr. "There is power in love," '
        'Curry said. Mayor Bernard C. "Jack" Young spoke. Background Harry is sixth in line.'
    )
    assert [s.text for s in split_sentences(body)] == [
        "Curry quoted civil rights leader Martin Luther King Jr.",
        '"There is power in love," Curry said.',
        'Mayor Bernard C. "Jack" Young spoke.',
        "Harry is sixth in line.",
    ]
    # Wire copy quotes with ``...'': such a quotation opens a sentence too, and one that runs
    # across sentences stays with its speaker.
    body = (
        "Ebrahim runs a tour operator in Manhattan Beach, Calif. ``There were fewer people in "
        "the parks.'' Alarcon spoke on Thursday. ``Everyone around him has been in prison in "
        "the U.S. That's not in his interest,'' Alarcon said."
    )
    assert [s.text for s in split_sentences(body)] == [
        "Ebrahim runs a tour operator in Manhattan Beach, Calif.",
        "``There were fewer people in the parks.''",
        "Alarcon spoke on Thursday.",
        "``Everyone around him has been in prison in the U.S. That's not in his interest,'' "
        "Alarcon said.",
    ]


def test_a_sentence_may_end_with_a_clock_time():
    body = (
        'People should stay indoors between noon and 8 p.m. "It is not normal," she said. '
        "The roof fell around 2 p.m. Mines Minister Ann Dube said 31 were saved. "
        "Talks start at 2 p.m. Monday, at 9 a.m. EST or at 3 p.m. local time. "
        "The quake struck at 2 p.m. (1800 GMT) and at 5 a.m. Nov. 6 again. "
        "The decision, announced at 2:15 p.m. Frankfurt time, lifts the rate. "
        "The polls closed at 8 P.M. Counting began."
    )
    assert [s.text for s in split_sentences(body)] == [
        "People should stay indoors between noon and 8 p.m.",
        '"It is not normal," she said.',
        "The roof fell around 2 p.m.",
        "Mines Minister Ann Dube said 31 were saved.",
        "Talks start at 2 p.m. Monday, at 9 a.m. EST or at 3 p.m. local time.",
        "The quake struck at 2 p.m. (1800 GMT) and at 5 a.m. Nov. 6 again.",
        "The decision, announced at 2:15 p.m. Frankfurt time, lifts the rate.",
        "The polls closed at 8 P.M.",
        "Counting began.",
    ]


@pytest.mark.parametrize(
    ("body", "question"),
    [
        # a day after the article's: what it says is true when it was written
        (
            "date 2023-10-30 U.S. Secretary of State Antony Blinken will travel to the region "
            "on Friday for the third time in a month.",
            "Who was the Secretary of State of the United States in October 2023?",
        ),
        # a week before the article's ("2006-W30" is no later than August 2006)
        (
            "date 2006-08-06 Acting Cuban leader Raul Castro met Venezuelan President Hugo "
            "Chavez last week in Havana.",
            "Who was the President of Venezuela in July 2006?",
        ),
    ],
)
def test_an_office_question_speaks_of_the_time_of_the_sentence_up_to_the_article(
    tmp_path, body, question
):
    office = [q.question for q in _asking(_cards(tmp_path, body), "Who was")]
    assert office == [question], office


def test_she_is_not_the_first_known_person_when_an_unknown_name_leads():
    a = _article(
        "Donald Trump won the election. Clinton called Trump early on Wednesday to concede. "
        '"We owe him an open mind," she told supporters.'
    )
    quotes = _quotes(a)
    assert quotes and not quotes[0].attr("speaker"), quotes  # not Trump: who "she" is, is open
    a = _article(
        "Donald Trump defeated Democrat Hillary Clinton. Clinton called Trump on Wednesday. "
        '"We owe him an open mind," she told supporters.'
    )
    quotes = _quotes(a)
    assert quotes[0].attr("speaker") == "Hillary Clinton"


def test_office_questions_for_smaller_countries(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-01-10 Tanzanian President John Magufuli met Rwandan President Paul Kagame "
        "in Kigali on Thursday.\n",
    )
    office = sorted(q.question for q in _asking(qs, "Who was"))
    assert office == [
        "Who was the President of Rwanda in January 2019?",
        "Who was the President of Tanzania in January 2019?",
    ], office


def test_a_capital_gets_other_capitals_as_choices(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1998-08-08 The car bomb attack at the U.S. embassy in Nairobi killed 253 people. "
        "Rescuers worked near the Black Sea and the Persian Gulf, far from the capital Athens, "
        "and in the capital Amman and the capital Riyadh.\n",
    )
    places = [q for q in qs if q.kind == "cloze" and q.answer == "Nairobi"]
    assert places and set(places[0].choices) <= {"Athens", "Amman", "Riyadh"}, places


def test_a_capital_beside_its_country_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-04-04 Turkey became the last member to ratify Finland's accession, after "
        "Erdogan dropped his objections to Helsinki's bid on Thursday. Ministers signed the "
        "accord in Brussels, where Stoltenberg spoke at noon. Gunmen in the Libyan capital "
        "Tripoli kidnapped Jordan's ambassador.\n",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"Helsinki", "Tripoli"} & answers and "Brussels" in answers, answers


def test_a_cloze_card_leaves_out_the_dateline(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2012-08-06 PASADENA, Calif. (AP) - NASA's Curiosity rover landed on Mars late "
        "on Sunday after a journey of eight months. The rover carries 10 instruments.\n",
        "date 2019-03-10 ADDIS ABABA, Ethiopia (AP) — An Ethiopian Airlines jet crashed six "
        "minutes after takeoff on Sunday, killing all 157 people on board.\n",
    )
    cloze = [q for q in qs if q.kind == "cloze"]
    rover = "NASA's Curiosity rover landed on Mars late on _____ after a journey of eight months."
    assert any(q.question.endswith(rover) for q in cloze), cloze
    assert any("An Ethiopian Airlines jet crashed" in q.question for q in cloze), cloze
    assert "157" in {q.answer for q in cloze}, cloze  # "killing all 157": the toll
    assert not any("(AP)" in q.question or "(AP)" in (q.cloze or "") for q in cloze), cloze
    qs = _cards(
        tmp_path,
        "date 2016-09-11 MADRID, Sept 11, 2016 (AFP) - Ecuador's Richard Carapaz won the Vuelta "
        "a Espana on Sunday.\n",
    )
    assert qs and not [q.question for q in qs if "MADRID" in q.question or "AFP" in q.question]
    qs = _cards(
        tmp_path,
        "date 2016-05-24 TOKYO/DETROIT (Reuters) - Japan's Hanamura Motor Corp said on Tuesday "
        "it would recall about 1.2 million vehicles.\n",
    )
    assert qs and not [q.question for q in qs if "DETROIT" in q.question or "Reuters" in q.question]
    qs = _cards(
        tmp_path,
        "date 2019-04-14 Augusta (United States) (AFP) - Tiger Woods won the Masters on Sunday.\n",
        "date 2023-12-13 Buenos Aires (AFP) - Argentina devalued the peso by 54 percent.\n",
        "date 2016-05-04 FORT McMURRAY, Alberta (AP) — A raging wildfire swept into Fort "
        "McMurray on Tuesday, forcing the entire city of 88,000 people to flee.\n",
    )
    assert qs and not [q.question for q in qs if "AFP" in q.question or "Augusta" in q.question]
    assert not [q.question for q in qs if "(AP)" in q.question or "Alberta" in q.question], qs


def test_a_clock_time_tells_no_day_but_an_aside_is_no_blank():
    art = _article(
        "The blast tore through the platform at about 10 p.m. on Tuesday. Urzua stepped out of "
        "the capsule at 9:55 p.m. local time (0055 GMT on Thursday) and embraced Pinera.",
        "2010-10-14",
    )
    blanks = [q.question for q in generate_article(art, TEMPLATES).questions
              if q.kind == "cloze" and q.answer_kind == "date"]  # fmt: skip
    assert any(b.endswith("at about 10 p.m. on _____.") for b in blanks), blanks
    assert not any("GMT on _____" in b for b in blanks), blanks


def test_a_measure_told_twice_a_range_end_and_a_spans_far_end_are_no_blanks():
    art = _article(
        "The fire burned 153,336 acres, or about 240 square miles, in Butte County. Police said "
        "200 to 300 bodies had been found on a beach in Sendai. The recession of 2015 and 2016 "
        "left 12,000 people without work. Shares fell 5 to 286 cents on Friday.",
        "2018-11-26",
    )
    answers = {q.answer for q in generate_article(art, TEMPLATES).questions if q.kind == "cloze"}
    # A span is asked once, by its start.
    assert not answers & {"153,336", "240", "300", "2016"}, answers
    assert {"286", "2015"} <= answers, answers
    vote = _article("The referendum in New Zealand is to be held from November 20 to December "
                    "11, the government said.", "2015-05-07")  # fmt: skip
    days = [q.answer for q in generate_article(vote, TEMPLATES).questions if q.kind == "cloze"]
    assert any(a.startswith("November 20") for a in days), days
    assert not any(a.startswith("December 11") for a in days), days


def test_a_bound_is_asked_without_choices():
    # "more than _____ scientists" (1,000): a smaller count is true as well, and with only
    # larger ones offered the smallest is the answer.
    q = _q(
        "A paper signed by more than _____ scientists.",
        "1,000",
        "number",
        date="2016-02-11",
        id="q13",
    )
    fewer = dataclasses.replace(q, question="Fewer than _____ people attended.", answer="300")
    plain = dataclasses.replace(q, question="A paper signed by _____ scientists.")
    for seed in range(10):
        assert distractors(q, {}, seed) == ()
        assert distractors(fewer, {}, seed) == ()
        assert len(distractors(plain, {}, seed)) == 3


def test_the_rank_of_a_count_among_its_choices_tells_nothing():
    q = _q("Police deployed _____ officers.", "4,600", "number", date="2016-02-11", id="q14")
    ranks = []
    for seed in range(200):
        values = [float(c.replace(",", "")) for c in distractors(q, {}, seed)]
        assert len(values) == 3
        assert all(v % 100 == 0 for v in values)  # as round as the answer
        assert not {2300.0, 9200.0, 6900.0} & set(values)  # no half, double or 1.5 times
        ranks.append(sum(v < 4600 for v in values))
    assert {ranks.count(k) for k in range(4)} and min(ranks.count(k) for k in range(4)) > 30


def test_close_figures_are_offered_on_a_grid_around_the_answer():
    # "$2.3 billion" had been offered 2.5, 2.6 and 2.7: a run of three with the answer apart.
    # Nor is the answer the end of an evenly spaced run ("1.28 million" after 1.13, 1.18 and
    # 1.23): three on one side are spaced unevenly. Its rank is a fair die's.
    for answer, blank in (("2.3 billion", "a $_____ loan"), ("30", "About _____% of flights")):
        q = _q(f"They agreed {blank}.", answer, "number", date="2022-02-07", id="q15")
        ranks = []
        for seed in range(200):
            values = sorted(float(c.split()[0]) for c in distractors(q, {}, seed))
            options = sorted([*values, float(answer.split()[0])])
            gaps = [round(b - a, 6) for a, b in zip(options, options[1:], strict=False)]
            step = min(gaps)
            assert len(values) == 3 and all(round(g / step, 6) % 1 == 0 for g in gaps), values
            rank = sum(v < float(answer.split()[0]) for v in values)
            if rank in (0, 3):
                assert len(set(gaps)) > 1, (answer, values)
            ranks.append(rank)
        assert min(ranks.count(k) for k in range(4)) > 30, ranks
    about = _q(
        "About _____% of flights were cancelled.", "30", "number", date="2023-03-07", id="q16"
    )
    assert all(float(c) % 5 == 0 for c in distractors(about, {}, 3))  # round, as the answer is
    from studykit.select import _numbers_near

    small = [c for seed in range(20) for c in _numbers_near("1.1 billion", random.Random(seed))]
    assert not [c for c in small if c.startswith("0.")] and "900 million" in small, small


def test_a_year_next_to_the_report_s_is_not_always_the_nearest_option():
    from studykit.select import _dates_near

    lowest = latest = 0
    for seed in range(40):
        ahead = [
            int(c) for c in _dates_near("next year (2020)", "2019-03-21", random.Random(seed))
        ][:3]
        gone = [int(c) for c in _dates_near("last year (2018)", "2019-03-21", random.Random(seed))][
            :3
        ]
        assert all(y >= 2019 for y in ahead) and all(y <= 2019 for y in gone), (ahead, gone)
        lowest += min(ahead) > 2020
        latest += max(gone) < 2018
    assert lowest < 30 and latest < 30  # the report's own year comes up on the near side
    now = [int(c) for c in _dates_near("2019", "2019-03-21", random.Random(1))]
    assert now and all(y < 2019 for y in now)


def test_a_season_is_offered_the_seasons_around_it_on_its_side_of_the_report():
    from studykit.select import _dates_near

    order = ("spring", "summer", "autumn", "winter")
    for seed in range(20):
        got = list(_dates_near("the summer (summer 2024)", "2024-03-14", random.Random(seed)))
        seasons = [(int(c.split()[1][:4]), order.index(c.split()[0])) for c in got]
        assert len(got) >= 3 and all((2024, 0) <= k <= (2025, 1) for k in seasons), got
        # A winter is written with both its years, as the answer's is.
        assert all(c.endswith("2024–25") for c in got if c.startswith("winter")), got
    winters = list(_dates_near("this winter (winter 2014–15)", "2015-02-10", random.Random(1)))
    assert winters and not [c for c in winters if "–" in c and not c.startswith("winter")]


def test_the_day_of_the_news_gets_no_choices():
    from studykit.select import _dates_near

    # Earlier days alone would make it always the latest option; a later day is after the
    # report. A day some days before the report still gets choices.
    for seed in range(10):
        assert not list(_dates_near("Monday, 18 November 2019", "2019-11-18", random.Random(seed)))
        assert not list(
            _dates_near("yesterday (17 November 2019)", "2019-11-18", random.Random(seed))
        )
        assert list(_dates_near("Thursday, 14 November 2019", "2019-11-18", random.Random(seed)))


def test_a_day_of_the_report_s_month_is_offered_days_of_that_month():
    from studykit.select import _dates_near

    for seed in range(20):
        got = list(_dates_near("1 June 2018", "2018-06-04", random.Random(seed)))
        assert got and all(c.endswith("June 2018") for c in got), got
        # A day of another month than the heading's may be offered days across its end.
        got = list(_dates_near("31 July 2006", "2006-08-06", random.Random(seed)))
        assert got


def test_a_week_still_going_is_offered_weeks_on_the_side_its_words_say():
    from studykit.select import _dates_near

    for seed in range(10):
        ahead = list(_dates_near("by the end of the week (the week of 20 February 2023)",
                                 "2023-02-22", random.Random(seed)))  # fmt: skip
        gone = list(_dates_near("earlier this week (the week of 20 February 2023)",
                                "2023-02-22", random.Random(seed)))  # fmt: skip
        assert ahead and all(_dt.datetime.strptime(c, "the week of %d %B %Y").date()
                             > _dt.date(2023, 2, 22) for c in ahead), ahead  # fmt: skip
        assert gone and all(_dt.datetime.strptime(c, "the week of %d %B %Y").date()
                            < _dt.date(2023, 2, 20) for c in gone), gone  # fmt: skip


def test_a_number_beside_a_forecast_it_fell_below_bounds_the_choices():
    q = _q("Inflation slowed to 6.7 percent in August, well below the _____ percent forecast.",
           "7.0", "number", date="2023-09-20", id="q16")  # fmt: skip
    for seed in range(30):
        assert all(float(c) > 6.7 for c in distractors(q, {}, seed))


def test_a_forecast_beaten_or_missed_bounds_the_choices():
    beat = _q("It earned $_____ a share, above estimates of $2.42.", "2.58", "number",
              date="2023-10-26", id="q15")  # fmt: skip
    missed = dataclasses.replace(
        beat, answer="2.31", question="It earned $_____ a share, below estimates of $2.42."
    )
    rose = dataclasses.replace(
        beat,
        answer="8.4 billion",
        question="Revenue rose to $_____ in the quarter ended Sept. 30 from $7.2 billion.",
    )
    for seed in range(30):
        assert all(float(c) > 2.42 for c in distractors(beat, {}, seed))
        assert all(float(c) < 2.42 for c in distractors(missed, {}, seed))
        assert all(float(c.split()[0]) > 7.2 for c in distractors(rose, {}, seed))


def test_a_magnitude_and_a_value_the_question_shows_are_no_choices():
    q = _q(
        "The magnitude _____ quake struck at 2:46 p.m.",
        "8.9",
        "number",
        date="2011-03-12",
        id="q11",
    )
    pair = dataclasses.replace(q, question="Prices rose 12 percent, then _____ percent.",
                               answer="13")  # fmt: skip
    for seed in range(30):
        assert all(float(c) <= 9.5 for c in distractors(q, {}, seed))
        assert "12" not in distractors(pair, {}, seed)


def test_a_share_price_to_the_cent_is_no_blank_and_a_town_gets_towns():
    art = _article(
        "Apple shares rose $7.10 to close at $92.57 on the Nasdaq, after the company sold "
        "4,000 phones.",
        "2007-01-09",
    )
    answers = {q.answer for q in generate_article(art, TEMPLATES).questions if q.kind == "cloze"}
    assert "92.57" not in answers and "4,000" in answers, answers
    pool = {"place": [(v, v.lower()) for v in ("London", "Moscow", "Sao Paulo", "Osaka",
                                               "Christchurch", "Paris")]}  # fmt: skip
    q = _q("Bodies were found on a beach in _____.", "Sendai", "place", date="2011-03-12", id="q12")
    for seed in range(20):
        assert set(distractors(q, pool, seed)) == {"Sao Paulo", "Osaka", "Christchurch"}


def test_the_day_a_story_tells_of_is_no_blank():
    art = _article(
        "Albright stops in Dar es Salaam on Tuesday morning and then flies to Nairobi, Kenya, "
        "later in the day before returning home.",
        "1998-08-17",
    )
    answers = [q.answer for q in generate_article(art, TEMPLATES).questions if q.kind == "cloze"]
    assert not any(a.startswith("the day") for a in answers), answers


def test_a_change_whose_ends_are_told_and_a_month_quarter_are_no_blanks():
    art = _article(
        "Apple reported record September-quarter revenue on Thursday. Net profit rose 24 "
        "percent to $8.2 billion, or $8.67 per share, from $6.6 billion. Apple sold 26.9 million "
        "iPhones in the quarter, up 58 percent.",
        "2012-10-26",
    )
    answers = {q.answer for q in generate_article(art, TEMPLATES).questions if q.kind == "cloze"}
    assert "24" not in answers and "58" in answers, answers
    assert not any(a.startswith("September-quarter") for a in answers), answers


def test_a_source_is_no_blank():
    art = _article(
        "Voting in India's election ended on Monday. About 66 percent of voters cast ballots, "
        "according to the Election Commission. Whelan told CNN by telephone that he was "
        "disappointed. The Election Commission announced the result in New Delhi. Analysts "
        "at Mizuho Securities expect the rupee to rise.",
        "2014-05-17",
    )
    assert not [q for q in generate_article(art, TEMPLATES).questions if "Mizuho" in q.answer]
    questions = [q.question for q in generate_article(art, TEMPLATES).questions
                 if q.kind == "cloze" and q.answer in ("Election Commission", "CNN")]  # fmt: skip
    assert questions and all(" The _____ announced" in q or ") _____ announced" in q
                             for q in questions), questions  # fmt: skip


def test_whom_the_story_opens_with_is_no_blank_later_on():
    art = _article(
        "Gabriel Boric, 36, was sworn in as Chile's president on Friday. Boric has pledged to "
        "raise taxes on the wealthy, and Izkia Siches, who is a doctor, was named interior "
        "minister.",
        "2022-03-11",
    )
    blanks = [q.question for q in generate_article(art, TEMPLATES).questions
              if q.kind == "cloze" and q.answer_kind == "person"]  # fmt: skip
    assert any(q.startswith("(Reported on 11 March 2022) _____, 36, was sworn in") for q in blanks)
    assert not any("_____ has pledged" in q for q in blanks), blanks
    assert any("and _____, who is a doctor" in q for q in blanks), blanks
    # The whole opening counts, past where the title made from it is cut.
    art = _article(
        "Argentina's voters elected libertarian economist Javier Milei as president on Sunday, "
        "in a runoff against Economy Minister Sergio Massa. Milei won a clear majority, and "
        "Massa conceded defeat on Sunday night in Buenos Aires.",
        "2023-11-20",
    )
    assert len(art.title) < len(art.body.split(". ")[0]) and "Massa" not in art.title
    blanks = [q.question for q in generate_article(art, TEMPLATES).questions
              if q.kind == "cloze" and q.answer_kind == "person"]  # fmt: skip
    assert any("against Economy Minister _____." in q for q in blanks), blanks
    assert not any("_____ conceded" in q for q in blanks), blanks


def test_a_people_that_opens_a_sentence_owns_its_their():
    art = _article(
        "East Germans voted in their first free parliamentary election in March, and the "
        "West German mark became their currency on July 1.",
        "1990-10-03",
    )
    qs = generate_article(art, TEMPLATES).questions
    assert {q.answer for q in qs if q.kind == "cloze"} >= {"March 1990"}, qs


def test_a_count_of_the_names_that_follow_it_is_no_blank():
    art = _article(
        "Three other former officers, Thomas Lane, J. Alexander Kueng and Tou Thao, are due to "
        "stand trial in August. The panel had heard testimony from 45 witnesses, including "
        "Darnella Frazier, Charles McMillian and Genevieve Hansen.",
        "2021-04-20",
    )
    qs = generate_article(art, TEMPLATES).questions
    counts = [q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "quantity"]
    assert counts == ["45"], counts


def test_the_dateline_is_no_place_to_learn(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2016-06-13 Redmond, Washington — Microsoft said on Monday it would buy LinkedIn, "
        "whose staff in London cheered.\n",
        "date 2015-12-16 Washington (AP) — The Federal Reserve raised rates on Wednesday, "
        "officials in Tokyo said.\n",
    )
    places = sorted(q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "place")
    assert places == ["London", "Tokyo"], places


def test_a_date_the_sentence_tells_twice_or_only_roughly_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-04-10 The telescopes observed M87 over several days in April 2017, two years "
        "ago, at a wavelength of 1.3 millimetres. The shape matches the theory of relativity, "
        "published more than a century ago, in 1915. The 19th-century spire collapsed on "
        "Monday. Voting ran between April 7 and May 12, the commission said.\n",
    )
    blanks = _date_blanks(qs)
    # "two years ago" is told by "April 2017"; "more than a century ago" is no year; a
    # century that qualifies a noun is no date to remember. "April 7" is not told by "May
    # 12" (and the span is asked once, by its start).
    assert not [b for b in blanks if "ago" in b or "century" in b], blanks
    assert "1915" in blanks and "April 2017" in blanks, blanks
    assert any(b.startswith("April 7") for b in blanks), blanks


def test_one_card_asks_who_said_what_of_one_speaker(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2018-05-19 Celtic beat Hibernian 2-1 in the Scottish Cup final on Saturday. "
        "Hibernian head coach Neil Lennon said his side had been sucker-punched. "
        '"We should have been out of sight before half-time," Lennon said. '
        '"It hurts," Lennon added later.\n',
    )
    lennon = [q.question for q in qs if q.answer == "Neil Lennon"]
    assert len(lennon) == 1, lennon


def test_a_date_in_a_clause_about_a_person_does_not_date_what_they_said(tmp_path):
    # The clause dates Nadella's appointment; the quotation is the article's, of June 2016.
    qs = _cards(
        tmp_path,
        "date 2016-06-13 Microsoft bought LinkedIn, its chief executive Satya Nadella said. "
        "Nadella, who took over from Steve Ballmer in February 2014, said in a video: "
        '"I have been thinking about this for a long time."\n',
    )
    said = [(q.question, q.answer) for q in _asking(qs, "Who said “I")]
    assert said == [
        (
            "Who said “I have been thinking about this for a long time” in June 2016?",
            "Satya Nadella",
        ),
    ], said


def test_an_office_is_asked_for_by_the_name_its_country_gives_it(tmp_path):
    # "the British chancellor" holds no office called "Chancellor of the United Kingdom".
    qs = _cards(
        tmp_path,
        "date 2022-09-23 Kwasi Kwarteng, the British chancellor, said taxes would fall. "
        "U.S. Treasury Secretary Janet Yellen said nothing. German Chancellor Olaf Scholz "
        "agreed. Mr Kwarteng met Chancellor of the Exchequer Jeremy Hunt in 2021.\n",
    )
    office = sorted((q.question, q.answer) for q in _asking(qs, "Who was"))
    assert office == [
        ("Who was the Chancellor of Germany in September 2022?", "Olaf Scholz"),
        (
            "Who was the Chancellor of the Exchequer of the United Kingdom in September 2022?",
            "Kwasi Kwarteng",
        ),
        (
            "Who was the Secretary of the Treasury of the United States in September 2022?",
            "Janet Yellen",
        ),
    ], office


def test_an_office_named_after_a_person_lets_the_role_speak_for_them(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-09-23 Kwasi Kwarteng, the British chancellor, spoke on Friday in London. "
        '"We will cut taxes for everyone in the country this year," the British chancellor '
        "told reporters.\n",
    )
    asked = sorted((q.question, q.answer) for q in qs if q.question.startswith("Who"))
    assert asked == [
        (
            "Who said “We will cut taxes for everyone in the country this year” in September 2022?",
            "Kwasi Kwarteng",
        ),
        (
            "Who was the Chancellor of the Exchequer of the United Kingdom in September 2022?",
            "Kwasi Kwarteng",
        ),
    ], asked


def test_an_office_in_lower_case_after_a_country_is_a_title(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2008-10-08 Gordon Brown, the British prime minister, said the cuts showed that "
        "governments were working together. Annan met Iraqi president Saddam Hussein in "
        "Baghdad. The French president's spokesman, Marc Dupont, said so.\n",
    )
    office = sorted((q.question, q.answer) for q in _asking(qs, "Who was"))
    assert office == [
        ("Who was the President of Iraq in October 2008?", "Saddam Hussein"),
        ("Who was the Prime Minister of the United Kingdom in October 2008?", "Gordon Brown"),
    ], office


def test_a_speaker_after_a_role_in_lower_case_and_a_party_before_a_role():
    a = _article(
        'Wexford fired its manager. "This has been a very difficult decision," chairman '
        "Graham Pickford said in a statement. The Greens came second. Greens leader Anja "
        'Hofmeier called the outcome a breakthrough. "Bavaria has voted for change," she said.'
    )
    quotes = _quotes(a)
    assert [q.attr("speaker") for q in quotes] == ["Graham Pickford", "Anja Hofmeier"]


def test_an_age_in_apposition_and_a_chief_minister_make_people():
    a = _article(
        "The petition had been filed by Rajbala Devi, a 38-year-old farm worker from Rewari "
        "district. Haryana's Chief Minister Manohar Lal Khattar said he respected the verdict."
    )
    people = _people(a)
    assert people.get("Rajbala Devi") == "Rajbala Devi", people
    titles = [m.attr("title") for s in annotate(a) for m in s.mentions if m.kind == "person"]
    assert "Chief Minister" in titles, titles


def test_a_count_the_other_counts_of_its_sentence_add_up_to_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-07-11 Of 24 economists polled by Reuters last week, 15 had expected the "
        "bank to hold rates, while nine predicted a cut. Of 30 analysts at the agency, "
        "18 had expected a rise, while seven predicted a fall.\n",
    )
    counts = {q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "quantity"}
    # 24 is 15 + 9, and nine is 24 - 15: the sentence gives them away. 30 is no sum of 18 and
    # seven, nor seven a difference of 30 and 18.
    assert not counts & {"24", "nine"}, counts
    assert {"30", "seven"} <= counts, counts


def test_a_figure_the_others_of_its_sentence_work_out_is_no_blank(tmp_path):
    given = (
        "Unofficial results showed Marsh with 57,214 votes, or 57.1 percent, against 43,006 "
        "for Whitfield, who conceded on Tuesday night.",
        "Van Doorn offered 62 euros in cash per Marnix share, a premium of 34 percent to "
        "Marnix's closing price of 46.27 euros on Friday.",
        "The city estimated the cost of the attack at 18.2 million dollars, including 10 "
        "million dollars for recovery and 8.2 million dollars in lost revenue.",
    )
    # The same kinds of figures that do not add up: each one is worth a blank.
    apart = (
        "Unofficial results showed Marsh with 52,114 votes, or 57.1 percent, against 43,006 "
        "for Whitfield, who conceded on Tuesday night.",
        "Van Doorn offered 75 euros in cash per Marnix share, a premium of 34 percent to "
        "Marnix's closing price of 46.27 euros on Friday.",
        "The city estimated the cost of the attack at 19.5 million dollars, including 10 "
        "million dollars for recovery and 8.2 million dollars in lost revenue.",
    )
    blanks = {}
    for name, sentences in (("given", given), ("apart", apart)):
        folder = tmp_path / name
        folder.mkdir()
        qs = _cards(folder, *(f"date 2019-03-08 {s}" for s in sentences))
        blanks[name] = {q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "quantity"}
    assert not blanks["given"] & {"57.1", "62", "34", "46.27", "18.2 million", "10 million",
                                  "8.2 million"}, blanks  # fmt: skip
    assert {"57.1", "75", "34", "46.27", "19.5 million"} <= blanks["apart"], blanks


def test_a_count_asked_by_a_question_is_not_blanked_in_its_sentence_too(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-08-17 At least 23 miners were killed when a shaft collapsed at a gold mine "
        "in central Zimbabwe on Wednesday, officials said.\n",
    )
    # "how many miners were killed?" (at least 23) and "At least _____ miners were killed"
    # (23) ask one fact: the better card stays, the other goes. The question names neither
    # the event nor the place; the cloze card shows both.
    assert not [q for q in qs if "how many miners were killed" in q.question]
    assert [q.answer for q in qs if q.kind == "cloze" and q.answer == "23"] == ["23"]


def test_of_a_question_and_a_cloze_card_on_one_fact_the_better_scoring_stays():
    short = dataclasses.replace(_q("How many were killed?", "at least 23", "", "2023-08-17",
                                   kind="short", id="s"), start=5)  # fmt: skip
    cloze = dataclasses.replace(_q("At least _____ were killed.", "23", "quantity",
                                   "2023-08-17", id="c"), start=5)  # fmt: skip
    for better, worse in ((short, cloze), (cloze, short)):
        picked = _one_per_fact([
            _Candidate(better, 1.5, (), better.answer), _Candidate(worse, 0.7, (), worse.answer)
        ])  # fmt: skip
        assert [c.q.id for c in picked] == [better.id]


def test_the_day_a_report_was_told_and_the_later_of_two_days_are_no_blanks(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2025-07-08 Authorities in France closed more than 1,300 schools on Monday and "
        "Tuesday, the ministry said. The probe entered orbit around Jupiter, mission "
        "controllers said on Tuesday. Official results showed on Monday that the party won. "
        "Finance Minister Ann Dube announced her resignation on Tuesday. The agency reported "
        "on July 1 that the reactor was shut.\n",
    )
    blanks = _date_blanks(qs)
    # "on Monday and _____" is one span of days, asked by its start; the day a report was
    # told is nothing to learn when it is the story's day or the day before.
    assert any(b.startswith("Monday, 7 July") for b in blanks), blanks
    said = [q.question for q in qs if q.answer_kind == "date" and "_____" in q.question]
    assert not [s for s in said if "and _____" in s or "said on _____" in s], said
    assert not [s for s in said if "showed on _____" in s], said
    # An event is no report, nor is a report of a week before.
    assert any("resignation on _____" in s for s in said), said
    assert any("reported on _____" in s for s in said), said


def test_a_time_told_again_in_brackets_is_blanked_whole(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2023-11-13 The ceasefire went into effect at 13:00 local time (09:00 GMT), "
        "bringing some hope for a period of relative peace.",
    )
    times = [q for q in qs if q.kind == "cloze" and "GMT" in q.answer]
    assert [q.answer for q in times] == ["13:00 local time (09:00 GMT)"], [q.answer for q in qs]
    for choice in times[0].choices:
        local, gmt = re.findall(r"(\d\d):00", choice)
        assert (int(local) - int(gmt)) % 24 == 4, choice  # both halves move together


def test_a_time_told_again_after_its_day_is_blanked_whole(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2021-11-11 The truce between the two militias took effect at 02:03 UTC on "
        "Thursday (9:03 p.m. EST Wednesday), the monitors said.",
    )
    times = [q for q in qs if q.kind == "cloze" and "UTC" in q.answer]
    assert [q.answer for q in times] == ["02:03 UTC on Thursday (9:03 p.m. EST Wednesday)"]
    assert times[0].choices
    for choice in times[0].choices:
        m = re.fullmatch(
            r"(\d\d):03 UTC on Thursday \((\d{1,2}):03 (a|p)\.m\. EST Wednesday\)", choice
        )
        assert m, choice  # on the same days, on the same twelve-hour clock
        est = int(m[2]) % 12 + (12 if m[3] == "p" else 0)
        assert int(m[1]) + 24 - est == 5, choice  # both halves move together


def test_a_month_the_card_shows_is_no_choice(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2018-12-02 The trade dispute between the United States and China rattled "
        "markets in October and November. Trump and Xi agreed on Saturday to a 90-day truce.",
    )
    october = [q for q in qs if q.answer == "October 2018"]
    assert october and october[0].choices
    assert not any(c.startswith("November") for c in october[0].choices), october[0].choices


def test_millions_are_not_offered_past_a_billion(tmp_path):
    for amount in (825, 870, 910, 955):
        qs = _cards(
            tmp_path,
            " date 2023-09-15 The United Auto Workers went on strike against all three Detroit "
            f"automakers. Strikers will receive $500 a week from the union's ${amount} million "
            "strike fund.",
        )
        fund = [q for q in qs if q.answer == f"{amount} million"]
        assert fund and fund[0].choices
        for choice in fund[0].choices:
            assert int(choice.split()[0].replace(",", "")) < 1000, choice


def test_a_count_named_by_what_befell_them_is_asked_as_people(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2023-02-08 Turkish officials said 8,574 people had been killed in Turkey and "
        "more than 49,000 injured.",
    )
    injured = [q for q in qs if q.kind == "short" and q.answer == "more than 49,000"]
    assert injured, [q.question for q in qs]
    assert all("how many people were injured" in q.question for q in injured)


def test_a_blank_does_not_cut_a_longer_name(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2024-04-17 Britain's parliament voted on Tuesday to ban smoking for anyone "
        "born after 2008. Deborah Arnott, chief executive of the charity Action on Smoking "
        "and Health, said the measure was historic. "
        "The Court of Justice of the European Union ruled that same-sex spouses have the "
        "right to live in any member state.",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert "Action" not in answers
    assert "European Union" not in answers


def test_an_hour_is_asked_only_where_something_happened_at_it(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2022-07-27 The Federal Reserve raised its key interest rate on Wednesday. "
        "Markets barely moved after the 2 p.m. announcement. "
        "The next briefing is scheduled for Thursday at 11 a.m. "
        "The new rate took effect at 3 p.m., officials said.",
    )
    hours = sorted(q.answer for q in qs if q.kind == "cloze" and "m." in q.answer)
    assert hours == ["3 p.m."]


def test_the_card_that_names_the_office_wins_over_others_of_the_same_person(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2020-11-10 Protesters demanded the resignation of Prime Minister Nikol "
        'Pashinyan, who earlier described the accord as "unspeakably painful for me personally '
        'and for our people". '
        "Azerbaijan's President Ilham Aliyev said Pashinyan had been left with no choice.",
    )
    about = [q.question for q in qs if q.answer == "Nikol Pashinyan"]
    assert len(about) == 1 and "Prime Minister _____" in about[0], about


def test_shares_and_money_written_with_signs_are_asked(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2017-09-25 The CSU won 47.1% of the vote, down from 51.8% in the last election. "
        "AeroAndes agreed to buy Condor Air for $3.4 billion, the airlines said.",
    )
    blanks = {q.answer: q.question for q in qs if q.kind == "cloze"}
    assert "won _____% of the vote" in blanks.get("47.1", ""), blanks
    assert "for $_____, the airlines said" in blanks.get("3.4 billion", ""), blanks
    assert "51.8" not in blanks  # the base a change is measured from is not the news


def test_figures_a_sentence_gives_by_arithmetic_or_of_the_year_before_are_no_blanks(tmp_path):
    qs = _cards(
        tmp_path,
        " date 1989-10-26 Delta said revenue rose 21% to $243.4 million from $201.2 million. "
        "A year earlier, Delta's net income was $100 million, or $2.03 a share. "
        "Shares in Delta rose 7.2% in New York, while Pan Am shares jumped 11%.",
    )
    assert not [q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "quantity"]


def test_a_race_time_is_one_blank_with_times_near_it_as_choices(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2024-10-13 Ruth Chepngetich won the Chicago Marathon in 2:09:56, beating the "
        "world record by nearly two minutes.",
    )
    times = [q for q in qs if q.answer == "2:09:56"]
    assert times and "won the Chicago Marathon in _____" in times[0].question
    assert not [q for q in qs if q.answer in ("09", "9", "56")]  # no piece of the time
    for choice in times[0].choices:
        h, m, s = map(int, choice.split(":"))
        assert abs(h * 3600 + m * 60 + s - 7796) < 300, choice


def test_an_eponym_is_no_person_and_officers_hold_titles():
    a = _article(
        "Alfred Nobel said so. It is the first of the Nobel prizes this year. "
        '"We were asleep," Chief Executive Officer Linda Marsh said. Treasurer Fiona Gallagher '
        "said it was a great day."
    )
    found = _mentions(a)
    assert [m[1] for m in found if m[0] == "person"] == [
        "Alfred Nobel", "Linda Marsh", "Fiona Gallagher"
    ], found  # fmt: skip
    quotes = _quotes(a)
    assert quotes[0].attr("speaker") == "Linda Marsh"


def test_a_quarter_is_offered_other_quarters_and_a_period_end_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2019-07-24 Brightline Inc. reported a 31% drop in profit in the second quarter "
        "on Wednesday. Net income fell to $412 million in the three months ended June 30.",
    )
    quarters = [q for q in qs if q.answer.startswith("the second quarter")]
    assert quarters and quarters[0].choices, [q.answer for q in qs]
    assert all(re.fullmatch(r"the (first|third|fourth) quarter of 201[89]", c)
               for c in quarters[0].choices), quarters[0].choices  # fmt: skip
    assert not [q for q in qs if "ended _____" in q.question]


def test_an_acronym_of_the_body_the_story_opens_with_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2022-07-21 The European Central Bank raised interest rates by half a point on "
        "Thursday. The ECB's Governing Council will next meet on September 8.",
    )
    orgs = [q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "org"]
    assert "ECB" not in orgs and orgs, orgs


def test_earnings_per_share_do_not_make_a_sum_a_share_price(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2019-07-24 Brightline said net income fell to $412 million, or 96 cents a "
        "share. Shares of Brightline fell to $48.15 in New York.",
    )
    money = [q.answer for q in qs if q.kind == "cloze" and "$_____" in q.question]
    assert money == ["412 million"], money  # and no day's price of a share


def test_a_street_is_a_place_and_a_bodys_name_is_not_cut_at_and_or_for():
    a = _article(
        "Boris Johnson said outside 10 Downing Street that he would go. Mahbubur Rahman, the head "
        "of the Fire Service and Civil Defence, said 111 died. She will appeal to the Court of "
        "Arbitration for Sport, her lawyer said."
    )
    found = _mentions(a)
    assert ("place", "Downing Street", "Downing Street") in found, found
    assert [m[1] for m in found if m[0] == "person"] == ["Boris Johnson", "Mahbubur Rahman"]
    whip = _article("The scandal involved the deputy chief whip Chris Pincher in June.")
    assert _people(whip) == {"Chris Pincher": "Chris Pincher"}
    assert not [m for m in found if m[0] == "org"], found  # no half of a body's name


def test_shares_stay_below_a_hundred_and_parts_of_dates_and_bases_are_no_blanks(tmp_path):
    qs = _cards(
        tmp_path,
        " date 2023-02-14 Nigerians elected a new president on Saturday. Turnout in the vote "
        "was 66%, election officials said. Consumer prices climbed 0.5% from December. The "
        "Fed's next policy meeting is scheduled for March 21-22.",
    )
    turnout = [q for q in qs if q.answer == "66"]
    assert turnout and all(float(c) <= 100 for c in turnout[0].choices), turnout
    assert not [q for q in qs if q.answer_kind == "date" and "_____ 21-22" in q.question]
    assert not [q for q in qs if "from _____" in q.question]


def test_a_bodys_name_opening_a_sentence_gives_its_initials_away():
    assert _acronym_shown("The European Union said _____ ministers meet in June.", "EU")
    assert _acronym_shown("Ministers of the European Union said _____ rules stand.", "EU")
    assert not _acronym_shown("The Spanish government said _____ ministers meet.", "EU")


def test_a_profession_ending_in_ist_or_ician_before_a_name_makes_a_speaker():
    a = _article(
        '"The eruption poses no danger to people," said geophysicist Pall Einarsson. '
        '"The lava is slowing down," glaciologist Helga Jonsdottir told reporters. '
        '"It is the worst flood in decades," hydrologist Maria Lopes added. '
        '"We need more staff," technician Tom Ward said.'
    )
    speakers = [q.attr("speaker") for q in _quotes(a)]
    assert speakers == ["Pall Einarsson", "Helga Jonsdottir", "Maria Lopes", "Tom Ward"]


def test_words_that_only_end_like_professions_are_no_roles():
    for word in ("geophysicist", "glaciologist", "technician", "oceanographer", "separatists"):
        assert res.is_person_role(word), word
    for word in ("insist", "assist", "exist", "playlist", "shortlist", "twist", "list", "gist"):
        assert not res.is_person_role(word), word


def test_venues_and_rail_companies_are_no_people_but_a_given_name_keeps_a_surname():
    a = _article(
        "The Rangers beat the Rays 7-1 on Tuesday at Tropicana Field, and Fenway Park was sold "
        "out. Trains were cancelled after a signal failure, Network Rail said. Actress Sally "
        "Field and Jennifer Park attended the game."
    )
    kinds = {m.text: m.kind for s in annotate(a) for m in s.mentions}
    assert kinds.get("Tropicana Field") == "place" and kinds.get("Fenway Park") == "place"
    assert kinds.get("Network Rail") != "person", kinds
    assert kinds.get("Sally Field") == "person" and kinds.get("Jennifer Park") == "person"


def test_a_surname_of_several_particles_is_linked_to_the_full_name():
    a = _article(
        "Virologist Marc Van Ranst met Flemish lawmaker Koen Van den Heuvel on Monday. "
        '"We are not out of the woods," Van den Heuvel told reporters. "Vaccination remains '
        'our best tool," said Ludwig de la Fuente, a spokesman. De la Fuente added that most '
        "adults had received a booster. Van Ranst agreed."
    )
    people = _people(a)
    assert people["Van den Heuvel"] == "Koen Van den Heuvel", people
    assert people["De la Fuente"] == "Ludwig de la Fuente", people
    assert people["Van Ranst"] == "Marc Van Ranst", people
    assert _quotes(a)[0].attr("speaker") == "Koen Van den Heuvel"


def test_someone_sworn_in_as_a_countrys_office_is_asked_as_its_holder_once(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-12-11 Javier Milei was sworn in as president of Argentina on Sunday, "
        "promising to tame inflation. Luiz Inacio Lula da Silva, who was sworn in as president "
        "of Brazil in 2003, did not attend. Outgoing President Alberto Fernandez left early. "
        "Hours later, Argentine President Javier Milei addressed the crowd.\n",
    )
    offices = [(q.question, q.answer) for q in qs if "office" in q.tags]
    assert offices == [
        ("Who took office as President of Argentina in December 2023?", "Javier Milei")
    ]
    # the cloze card that blanks him asks the same fact, and goes
    assert not [q for q in qs if q.question.startswith("(") and q.answer == "Javier Milei"]


def test_people_are_offered_only_for_someone_of_the_same_known_sort(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2009-01-16 The plane landed on the Hudson on Thursday. The first officer, Jeffrey "
        "Skiles, helped the passengers out. Governor David Paterson praised the crew. Senator "
        "Chuck Schumer visited the pier. Senator Bob Menendez thanked the ferry crews. "
        "Senator John McCain called it a miracle. Senator Joe Lieberman agreed.\n",
    )
    choices = {q.answer: q.choices for q in qs if q.kind == "cloze" and q.answer_kind == "person"}
    assert choices["Jeffrey Skiles"] == (), choices  # of no known sort: any name is a guess
    senators = {"Chuck Schumer", "Bob Menendez", "John McCain", "Joe Lieberman"}
    # "Senator _____": other senators, not the governor nor the first officer
    for name in ("Bob Menendez", "John McCain"):
        assert set(choices[name]) == senators - {name}, choices


def test_someone_of_long_ago_is_no_choice_for_todays_news(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2014-03-18 Russian leader Vladimir Putin signed a treaty on Tuesday to make "
        "Crimea part of Russia. Russian Prime Minister Dmitry Medvedev, Russian Foreign "
        "Minister Sergei Lavrov and Russian Defence Minister Sergei Shoigu attended. Crimea was "
        "handed to Ukraine in 1954, when Russian Prime Minister Georgy Malenkov led the "
        "government.\n",
    )
    choices = {q.answer: q.choices for q in qs if q.kind == "cloze" and q.answer_kind == "person"}
    assert set(choices["Vladimir Putin"]) == {"Dmitry Medvedev", "Sergei Lavrov", "Sergei Shoigu"}


def test_a_quarter_is_no_blank_in_a_story_of_fiscal_quarters(tmp_path):
    body = (
        "Nvidia reported revenue of $22.1 billion for the fourth quarter, which ended on Jan. "
        "28, and forecast another jump in sales for the current quarter."
    )
    fiscal = _cards(tmp_path, f"date 2024-02-21 {body} Its fiscal year ends in January.\n")
    assert not [a for a in _date_blanks(fiscal) if "quarter" in a], _date_blanks(fiscal)
    plain = _cards(tmp_path, f"date 2024-02-21 {body}\n")
    assert [a for a in _date_blanks(plain) if "quarter" in a], _date_blanks(plain)


def test_a_party_named_with_its_leader_ends_before_the_leader():
    a = _article(
        "The BJP will rely on the Telugu Desam Party of Chandrababu Naidu, which won 16 seats, "
        "and on the Party of European Socialists."
    )
    orgs = {m.value for s in annotate(a) for m in s.mentions if m.kind == "org"}
    assert "Telugu Desam Party" in orgs and "Party of European Socialists" in orgs, orgs


def test_a_price_set_just_below_a_round_sum_gets_others_so_set():
    from studykit.select import _numbers_near

    for seed in range(20):
        got = list(_numbers_near("499", random.Random(seed)))[:3]
        assert len(got) == 3 and all(c.endswith("99") for c in got), got
    assert not all(c.endswith("99") for c in list(_numbers_near("480", random.Random(1)))[:3])


def test_a_figure_above_someones_estimates_gets_choices_above_them():
    q = _q(
        "Nvidia expects revenue of about $_____, well above Wall Street estimates of $22.2 "
        "billion.",
        "24 billion",
        "number",
        date="2024-02-21",
        id="q31",
    )
    for seed in range(10):
        choices = distractors(q, {}, seed)
        assert choices and all(float(c.split()[0]) > 22.2 for c in choices), choices


def test_a_date_that_opens_a_stretch_of_time_is_asked_without_choices():
    since = _q("Turnout was about 68 percent, the highest since _____.", "1993", "date",
               date="2015-10-20", id="q41")  # fmt: skip
    latest = dataclasses.replace(
        since, id="q42", question="The agency said it would decide by _____ at the latest.",
        answer="29 December 2020", article_date="2020-12-03", when="2020-12-03",
    )  # fmt: skip
    held = dataclasses.replace(since, id="q43", question="The election was held in _____.")
    for seed in range(5):
        assert distractors(since, {}, seed) == ()
        assert distractors(latest, {}, seed) == ()
        assert distractors(held, {}, seed)


def test_a_countrys_leader_is_a_politician_and_a_partys_leader_of_no_told_sort():
    from studykit.mentions import roles_in

    a = _article(
        "Cuban leader Fidel Castro sent greetings. Labour leader Keir Starmer said it was a "
        "joke. The leader Ana Ruiz spoke."
    )
    roles = {r[0]: r[1] for s in annotate(a) for r in roles_in(s.sentence, s.mentions)}
    assert roles.get("Fidel Castro") == "politics", roles
    assert "Keir Starmer" not in roles, roles


def test_a_chief_of_staff_title_is_whole_before_the_name():
    a = _article(
        "Chief of General Staff Hulusi Akar, who had been held hostage by the plotters, was "
        "freed on Saturday."
    )
    assert "Hulusi Akar" in _people(a).values(), _people(a)


def test_a_body_the_card_shows_by_its_acronym_is_no_choice():
    names = ("Liberal Democratic Party", "Constitutional Democratic Party",
             "Japanese Communist Party", "Democratic Party for the People",
             "Social Democratic Party")  # fmt: skip
    pool = _org_pool(names)
    q = _q("The coalition between the LDP and the _____ took office in October.", "Komeito",
           "org", date="2021-11-01", id="q51")  # fmt: skip
    for seed in range(10):
        choices = distractors(q, pool, seed, org_kinds={"Komeito": "party"})
        assert len(choices) == 3 and "Liberal Democratic Party" not in choices, choices


def test_a_small_count_gets_counts_a_few_away():
    from studykit.select import _numbers_near

    for seed in range(20):
        got = [int(c) for c in list(_numbers_near("7", random.Random(seed)))[:3]]
        assert all(abs(c - 7) <= 4 for c in got) and 7 not in got, got
        words = list(_numbers_near("seven", random.Random(seed)))[:3]
        near = ("three", "four", "five", "six", "eight", "nine", "ten", "eleven")
        assert all(w in near for w in words), words


def test_an_age_someone_turns_gets_ages_near_it():
    q = _q("Mbappe, who turns _____ on Tuesday, took the Golden Boot.", "24", "number",
           date="2022-12-18", id="q61")  # fmt: skip
    for seed in range(10):
        choices = distractors(q, {}, seed)
        assert choices and all(abs(int(c) - 24) <= 8 for c in choices), choices


def test_who_commented_on_the_news_is_not_asked(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2016-06-13 Microsoft agreed on Monday to buy LinkedIn Corp. for $26.2 billion. "
        '"It is a bold bet, and the company is paying up for it," said Brent Thill, an analyst '
        'at Jefferies. "We will keep LinkedIn independent," chief executive Satya Nadella told '
        "reporters.\n",
    )
    speakers = [q.answer for q in _asking(qs, "Who said")]
    assert speakers == ["Satya Nadella"], speakers


@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "date 2019-01-02 The probe traveled 3 billion miles (4.8 billion kilometers) over "
            "nine years to reach Pluto in 2015. The government will pay each family 10,000 "
            "hryvnias, about $5,400, to rebuild homes damaged in the fighting, officials said.",
            {"3 billion", "4.8 billion", "5,400"},
            {"10,000"},  # the sum in the country's own currency is the fact
            id="a-conversion-and-a-sum-told-again",
        ),
        pytest.param(
            "date 2025-04-21 The Labour Party won 85 of the 205 seats, 18 short of a majority, "
            "in the election held on Sunday. The Greens fell 12 seats short of an outright "
            "majority. The BJP won 240 of the 543 seats, well short of the 272 needed for a "
            "majority.",
            {"18", "272"},  # 103 - 85; half of 543, plus one
            {"85", "240", "12"},  # a shortfall told alone is the fact
            id="how-far-short-of-a-majority",
        ),
        pytest.param(
            "date 2025-10-21 Takaichi won 237 votes in the 465-seat lower house, four more "
            "than she needed. The coalition needs 76 seats to govern in the 150-seat House. "
            "The Liberal Party took 54 seats in the election held on Saturday.",
            {"237", "four", "76"},  # the size of the house gives the majority
            {"54"},
            id="the-majority-of-a-house-of-known-size",
        ),
        pytest.param(
            "date 2016-06-13 LinkedIn shares jumped 47 percent to $192.21 in New York trading "
            "on Monday. Nvidia expects revenue of about $24 billion, well above Wall Street "
            "estimates of $22.2 billion. Two soldiers were killed near Simferopol, according to "
            "Ukraine's Defence Ministry. Leaders of the Group of Seven industrialized nations "
            "are to meet next week in The Hague.",
            {"New York", "Wall Street", "22.2 billion", "Defence Ministry", "Seven"},
            {"24 billion"},
            id="a-market-a-yardstick-a-source-a-groups-number",
        ),
        pytest.param(
            "date 2018-10-29 SPD leader Andrea Nahles said on Sunday night that the state of "
            "the government was not acceptable. The Civil Defense Authority director General "
            "Suleiman al-Amr said the wounded had been taken to hospital.",
            {"SPD", "Civil Defense Authority"},  # asked once, by the person
            {"Andrea Nahles"},
            id="a-body-before-a-role-and-a-name",
        ),
        pytest.param(
            "date 2015-06-27 The Supreme Court ruled on Friday that the Constitution guarantees "
            "a right to same-sex marriage. Obama will keep pressing Congress to pass the bill, "
            "and the Bank of England is expected to raise interest rates. Exxon Mobil Corp. "
            "agreed to buy XTO Energy Inc. for $41 billion.",
            {"Supreme Court", "Congress", "Bank of England"},
            {"Exxon Mobil Corp."},
            id="a-countrys-one-body-of-its-kind",
        ),
        pytest.param(
            "date 2014-03-18 Speaking in Warsaw, U.S. Vice President Joe Biden called Russia's "
            "actions nothing more than a land grab. Speaking at the headquarters of the Federal "
            "Emergency Management Agency in Washington, the president urged calm.",
            {
                "Warsaw",
                "Federal Emergency Management Agency",
                "Washington",
            },  # where a remark was made
            {"Joe Biden"},
            id="where-a-remark-was-made",
        ),
        pytest.param(
            "date 2014-03-18 On Monday, Washington froze the assets of seven Russian officials. "
            "A trade accord was signed in Brussels on Tuesday. Foreign Ministry spokeswoman "
            "Maria Zakharova said Moscow would respond soon.",
            {"Washington", "Moscow"},  # a capital standing for its government
            {"Brussels"},
            id="a-capital-for-its-government",
        ),
        pytest.param(
            "date 2018-05-08 Takeda agreed on Tuesday to buy Shire. The deal will be financed by "
            "a bridge loan from Sumitomo Mitsui Banking Corp., MUFG Bank and JPMorgan Chase. "
            "Aaron Peirsol, Brendan Hansen, Michael Phelps and Jason Lezak won the relay. Pride "
            "parades drew crowds in the cities of New York and San Francisco.",
            # Of two, the first is asked: a card on each would show the other's answer.
            {
                "Sumitomo Mitsui Banking Corp.",
                "Aaron Peirsol",
                "Michael Phelps",
                "Jason Lezak",
                "San Francisco",
            },
            {"New York"},
            id="one-name-of-a-list",
        ),
        pytest.param(
            "date 2020-10-07 Emmanuelle Charpentier and Jennifer Doudna won the Nobel Prize in "
            "Chemistry on Wednesday. Goran K. Hansson, secretary-general of the Royal Swedish "
            "Academy of Sciences, was born in Stockholm. Charpentier, 51, is director "
            "of the Max Planck Unit for the Science of Pathogens in Berlin. Visiting Berlin, she "
            'described the prize as "a dream come true" for science. The mine belongs to Soma '
            "Holding. Its general manager, Akin Celik, denied any negligence on Thursday.",
            # A name cut where it goes on, a participle taken for a first name, a name told
            # only as "its" manager, and the second of a pair.
            {
                "Swedish Academy of Sciences",
                "Max Planck Unit for the Science",
                "Visiting Berlin",
                "Akin Celik",
                "Jennifer Doudna",
            },
            {"Emmanuelle Charpentier", "Stockholm"},
            id="cut-names-and-untold-owners",
        ),
        pytest.param(
            "date 2010-04-15 A cloud of volcanic ash from Iceland forced airports across Europe "
            "to close on Thursday. London's Heathrow, the world's busiest international airport, "
            "cancelled all flights. The flights of SAS from Oslo were also grounded.",
            {"London"},  # the airport named after it tells the city
            {"SAS"},
            id="a-city-told-by-its-landmark",
        ),
        pytest.param(
            "date 2015-06-06 DHAKA (Reuters) - India and Bangladesh signed a deal on Saturday to "
            "swap 162 enclaves along their border. West Bengal Chief Minister Mamata Banerjee "
            "travelled with Narendra Modi to Dhaka. Mark Carney, a Canadian who took over in "
            "July 2013, will step down in March 2020. Sadiq Khan won 1,310,143 votes, or 56.8% "
            "of the total.",
            # the dateline's city, a clause of someone's background, a figure to the vote
            {"Dhaka", "July 2013", "1,310,143"},
            {"162", "March 2020", "56.8"},
            id="background-and-exact-figures",
        ),
        pytest.param(
            "date 2015-09-20 South Africa beat Samoa 46-6 on Saturday. The Springboks scored "
            "four tries through Francois Louw, Bismarck du Plessis, Lood de Jager and Adriaan "
            "Strauss in the second half.",
            {"four"},  # the four names after it count it, surnames with "du" and "de" too
            {"Saturday, 19 September 2015"},
            id="a-count-its-list-gives",
        ),
        pytest.param(
            "date 2023-01-19 More than a million people marched across France on Thursday "
            "against a plan to raise the retirement age. The Interior Ministry said 1.28 "
            "million people took part nationwide. The United Nations said on Tuesday that 108 "
            "people had been killed.",
            {"Interior Ministry", "United Nations"},  # who gave a figure: the figure is asked
            {"1.28 million", "108"},
            id="the-source-of-a-figure",
        ),
        pytest.param(
            "date 2019-08-14 A gas pipeline exploded in Texas on Tuesday, killing two workers. "
            "The blast on a line operated by Permian Basin Gas Transmission LLC occurred at "
            "about 3:40 a.m.",
            {"LLC"},  # a company's legal form alone
            {"two"},
            id="a-legal-form",
        ),
        pytest.param(
            "date 2017-03-10 The state Senate voted to impeach Governor Robert Bentley on "
            "Friday. Senate President Pro Tem Harold Beck said the trial would begin on April 3.",
            {"Pro Tem Harold Beck"},  # "Pro Tem" belongs to the office, not the name
            {"Harold Beck", "Robert Bentley"},
            id="an-office-pro-tem",
        ),
        pytest.param(
            "date 2015-12-23 Peru's president pardoned a former leader on Wednesday. The "
            "decision came two days before Christmas, when Peruvian presidents traditionally "
            "grant pardons. Celebrations on New Year's Eve were cancelled in Lima.",
            # a holiday's name: everyone knows its day
            {"Christmas (25 December 2015)", "New Year's Eve (31 December 2015)"},
            {"Wednesday, 23 December 2015"},
            id="a-holiday-by-name",
        ),
        pytest.param(
            "date 2019-12-08 Andy Ruiz lost to Anthony Joshua of Britain in a rematch at the King "
            "Abdullah Sports City arena on Saturday. Steffen Kampeter, managing director of the "
            "Confederation of German Employers' Associations, called the rise a breach of trust.",
            # a venue's name cut before its noun; a body whose head is plural is no person
            {"Abdullah Sports City", "Employers' Associations"},
            {"Andy Ruiz"},
            id="names-cut-before-their-noun",
        ),
        pytest.param(
            "date 2016-10-10 Hillary Clinton and Donald Trump met for their second debate on "
            "Sunday. A CNN/ORC poll found that 57 percent of viewers thought Clinton had won.",
            {"CNN", "ORC"},  # one of two names joined as one
            {"57"},
            id="a-name-joined-by-a-slash",
        ),
        pytest.param(
            "date 2019-01-27 A dam burst in Brazil on Friday, killing 58 people. Vale's "
            "chief executive apologised at a news conference in Rio de Janeiro. Vale shares "
            "fell 24 percent, their biggest fall in six years. The mine, which opened in 1976, "
            "has been owned by Vale since 2001. Sludge flowed into the Paraopeba River. The "
            "rescue began at 2 p.m. Vale will spend $1 billion over five years on dams. "
            "Chairman Jose Penido resigned. Penido was born in Sao Paulo in 1947.",
            # past the lead: where something was said or stands, a record's span, a date in
            # a clause about something else, a state's start, an hour, a plan's span
            {
                "Rio de Janeiro",
                "six years",
                "1976",
                "2001",
                "Paraopeba River",
                "2 p.m.",
                "five years",
            },  # fmt: skip
            {"Sao Paulo", "58", "1 billion"},
            id="side-details-past-the-lead",
        ),
        pytest.param(
            "date 2016-10-10 Hillary Clinton and Donald Trump met for their second debate on "
            "Sunday. A crowd of 12,000 watched in the hall. The third debate is due on Oct. 19 "
            "at the University of Nevada, Las Vegas. The Sao Paulo-based First Capital Command, "
            "known as PCC, denied any role. The board said it was sending a team of four "
            "investigators.",
            # a crowd's or a team's size, a venue, a name told beside its other name
            {"12,000", "University of Nevada", "PCC", "First Capital Command", "four"},
            {"Hillary Clinton"},  # (the first of a pair is asked)
            id="sizes-venues-and-other-names",
        ),
        pytest.param(
            "date 2024-02-24 Russia's full-scale invasion of Ukraine, launched two years ago on "
            "Saturday, has killed or wounded hundreds of thousands of soldiers. Ukrainian "
            "President Volodymyr Zelensky said 31,000 Ukrainian troops had been killed.",
            # an anniversary: neither the years gone by nor the day they are counted to
            {"Saturday, 24 February 2024", "two years ago (2022)", "in 2022"},
            {"31,000"},
            id="an-anniversary",
        ),
        pytest.param(
            "date 2022-10-03 Germany raised its minimum wage to 12 euros an hour on Saturday. "
            "Inflation ran at 10 percent in September. The union, founded in 1949, welcomed the "
            "rise. Turnout was 43 percent, up from 38 percent at the last election in 2017. "
            "Kipchoge won the Berlin marathon in 2:01:09.",
            # past the lead: the period of a figure, a body's history; a winning time stays
            {"September 2022", "1949", "2017"},
            {"2:01:09", "12"},
            id="a-figures-period-and-a-storys-history",
        ),
        pytest.param(
            "date 2014-05-15 A fire in a coal mine in Soma killed 282 miners on Tuesday. Energy "
            "Minister Taner Yildiz said 18 miners were still trapped. Another 72 were rescued, "
            "Mayor Hasan Ergene said. The fire started in a power unit, according to engineer "
            "Akin Celik. Prime Minister Recep Tayyip Erdogan visited the mine on Wednesday.",
            # past the lead, who gave a figure or told what the sentence tells
            {"Taner Yildiz", "Hasan Ergene", "Akin Celik"},
            {"282", "Recep Tayyip Erdogan"},
            id="who-told-it",
        ),
        pytest.param(
            "date 2014-05-15 A fire in a coal mine in Soma killed 282 miners on Tuesday. Soma "
            "lies about 120 km northeast of the Aegean city of Izmir. In Ankara, Prime Minister "
            "Recep Tayyip Erdogan said the disaster was an accident. In Istanbul, police used "
            "tear gas on protesters.",
            # a city to find another by, where someone spoke, and (past the lead) a town the
            # sentence does not tell as one
            {"Izmir", "Ankara", "Istanbul"},
            {"282"},
            id="a-landmark-city-and-where-someone-spoke",
        ),
        pytest.param(
            "date 2021-10-07 Abdulrazak Gurnah won the Nobel Prize in Literature on Thursday. "
            "Anders Olsson, chairman of the Nobel Committee for Literature, praised him. Thieves "
            "punctured a pipeline of the state oil company Petroleos Mexicanos, or Pemex.",
            # past the lead, where someone works; a name told beside its other name
            {"Nobel Committee for Literature", "Petroleos Mexicanos"},
            {"Anders Olsson"},
            id="a-speakers-body-and-another-name",
        ),
        pytest.param(
            "date 2022-04-08 The Senate confirmed Ketanji Brown Jackson to the Supreme Court on "
            "Thursday after four days of hearings. She is expected to be sworn in within two "
            "months. Jackson served for eight years as a district judge.",
            # how long what led to the news lasted; past the lead, a deadline
            {"four days", "two months"},
            {"eight years"},
            id="a-process-and-a-deadline",
        ),
        pytest.param(
            "date 2021-05-09 Labour's Ben Morgan lost the mayoral race by 11 votes on Saturday. "
            "An initial count on Thursday night had given his rival a lead. Morgan conceded on "
            "Saturday, May 8.",
            # past the lead, when in the day something happened
            {"Thursday night (the night of 6 May 2021)"},
            {"11"},
            id="a-part-of-the-day",
        ),
        pytest.param(
            "date 2020-12-08 Britain began vaccinating people against Covid-19 on Tuesday. "
            "Its national medical director, Professor Sir Stephen Powis, called it a marathon. "
            "Health Secretary Matt Hancock said 800,000 doses were ready.",
            # whose director, untold
            {"Stephen Powis"},
            {"800,000"},
            id="whose-director-untold",
        ),
        pytest.param(
            "date 2024-01-10 A boat sank off Libya on Tuesday, killing 50 people. The United "
            "Nations refugee agency (UNHCR) said 30 were rescued. Police in the town of "
            "Landsberg am Lech arrested the smuggler.",
            # an acronym a few words on spells the blank; a place's name cut at its particle
            {"United Nations", "Landsberg"},
            {"50", "Landsberg am Lech"},
            id="spelled-by-an-acronym-and-a-place-with-a-particle",
        ),
        pytest.param(
            "date 2024-01-10 A boat sank off Libya on Tuesday, killing 50 people. The United "
            "Nations refugee agency, UNHCR, said 30 were rescued by fishermen.",
            # the acronym after a comma spells it as well
            {"United Nations"},
            {"50"},
            id="spelled-by-an-acronym-after-a-comma",
        ),
        pytest.param(
            "date 2019-10-13 Rescuers plucked people from rooftops on Sunday after Typhoon "
            "Hagibis hit Japan. Hagibis made landfall on the Izu Peninsula southwest of Tokyo "
            "at about 7 p.m. Saturday with maximum sustained winds of 225 kph (140 mph), the "
            "Japan Meteorological Agency said, and moved north overnight before weakening.",
            # who told it, between commas mid-sentence (the storm's strength is asked, with
            # both its units in the blank)
            {"Japan Meteorological Agency"},
            {"225 kph (140 mph)"},
            id="a-source-between-commas",
        ),
        pytest.param(
            "date 2019-08-10 A helicopter crashed in Texas on Friday, killing four people. The "
            "National Weather Service said winds had reached 60 mph. The National "
            "Transportation Safety Board said it was sending a team of investigators.",
            # past the lead, a body that tells of others; what the body itself does stays
            {"National Weather Service"},
            {"National Transportation Safety Board"},
            id="a-body-that-tells-of-others",
        ),
        pytest.param(
            "date 2015-07-14 New Horizons flew past Pluto on Tuesday. Alan Stern, the principal "
            "investigator at the Southwest Research Institute, said the flyby went well.",
            {"Southwest Research Institute"},  # where someone works
            {"Alan Stern"},
            id="an-affiliation",
        ),
    ],
)
def test_what_a_card_does_not_blank(tmp_path, body, absent, present):
    answers = {q.answer for q in _cards(tmp_path, body + "\n")}
    assert not absent & answers, answers
    assert present <= answers, answers


@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "date 2024-06-05 The BJP won 240 seats, down from 303 in 2019. Spitz praised Phelps "
            "in a television interview last week. The WHO had avoided calling it a pandemic, "
            "saying last month that the word could cause fear. The summit will be held in the "
            "week of March 6.",
            ("2019", "last week", "last month"),  # a baseline, a week from the report, a remark
            ("the week of March 6",),
            id="a-weeks-a-baseline-and-a-sayings-time",
        ),
        pytest.param(
            "date 2025-04-21 The pope was admitted to hospital on 14 February with bronchitis "
            "and spent 38 days there before returning to the Vatican on 23 March. The coalition "
            "took office in March, almost six months after the general election in September "
            "last year. The ceasefire began on 10 November and lasted 44 days.",
            ("14 February", "23 March", "38 days", "March", "September", "almost six months"),
            ("10 November", "44 days"),  # one date and a length do not tell each other
            id="two-dates-and-the-length-between-them",
        ),
        pytest.param(
            "date 2018-10-29 The CDU will elect a new leader at a party conference in Hamburg "
            "on 7 and 8 December. Nurses will strike on Jan. 18 and 19. Storms hit the coast on "
            "Tuesday and Wednesday.",
            ("7", "8 December", "Jan. 18", "19"),  # one day of a run of days
            ("Tuesday",),  # two days, each a fact
            id="a-run-of-days",
        ),
        pytest.param(
            "date 2014-08-08 The outbreak began in Guinea in March. As of Wednesday, the WHO "
            "had recorded 1,779 suspected and confirmed cases.",
            ("Wednesday",),  # a count's cut-off
            ("March",),
            id="as-of-a-day",
        ),
    ],
)
def test_what_a_card_does_not_blank_of_dates(tmp_path, body, absent, present):
    dates = _date_blanks(_cards(tmp_path, body + "\n"))
    assert not [a for a in dates if a.startswith(absent)], dates
    assert all(any(a.startswith(p) for a in dates) for p in present), dates


def test_the_day_of_a_remark_past_the_opening_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-06-14 The United States formally asked Britain to extradite Julian Assange, "
        "officials said. Home Secretary Sajid Javid told BBC Radio 4 on Thursday that he had "
        "signed the request. Police spokesman Frank Kuipers told reporters in Amsterdam on "
        "Thursday that two men had been arrested.\n",
        "date 2019-06-14 Home Secretary Sajid Javid told BBC Radio 4 on Thursday that he had "
        "signed the request to extradite Julian Assange.\n",
    )
    blanked = [q.article for q in qs if q.kind == "cloze" and q.answer_kind == "date"]
    assert blanked == ["1.txt"], blanked  # in a story's opening, the remark is the news


def test_a_relative_named_after_a_possessive_is_the_subject_not_the_possessor():
    a = _article(
        "Derek Chauvin was convicted on Tuesday of the murder of George Floyd. Floyd's brother "
        'Philonise told reporters he would sleep tonight. "Today, we are able to breathe '
        'again," he said.'
    )
    assert _quotes(a)[0].attr("speaker") != "George Floyd", _quotes(a)


def test_a_body_named_of_something_has_the_kind_of_the_word_before_of():
    assert res.org_kind("Free University of Berlin") == "university"
    assert res.org_kind("Bank of England") == "bank"
    assert res.org_kind("Organization of Petroleum Exporting Countries") == ""
    names = ("Free University of Berlin", "Christian Democratic Union", "Left Party",
             "Green Party", "Free Democratic Party")  # fmt: skip
    pool = _org_pool(names)
    q = _q("Voters turned to the _____ in Hesse.", "Social Democratic Party", "org",
           date="2018-10-29", id="q71")  # fmt: skip
    assert _never_offered("Free University of Berlin", q, pool, seeds=10)


def test_a_bystanders_reaction_is_not_asked_but_a_named_actors_is(tmp_path):
    qs = _cards(
        tmp_path,
        'date 2013-11-11 Typhoon Haiyan struck the Philippines on Friday. "It was like a '
        'bomb," said Maria Santos, who lives near the port. President Benigno Aquino declared a '
        'state of calamity. "We will rebuild every town that was destroyed," Aquino told '
        'reporters. "We have lost everything we had in the storm," said Rosa Cruz, a '
        '34-year-old teacher in Tacloban. "The aid must reach the islands first," said Ana '
        "Reyes, a campaigner for Oxfam.\n",
    )
    speakers = [q.answer for q in _asking(qs, "Who said")]
    assert sorted(speakers) == ["Ana Reyes", "Benigno Aquino"], speakers


def test_someone_named_with_a_role_of_an_owner_is_described():
    from studykit.mentions import described_people

    a = _article(
        '"We should not be seeing any more," said Bill Rash, Intel\'s director for the 486 '
        'chip. "It was like a bomb," said Maria Santos, who lives near the port.'
    )
    described = {n for s in annotate(a) for n in described_people(s.sentence, s.mentions)}
    assert described == {"Bill Rash"}, described


def test_a_closing_price_day_gets_no_weekend_day_as_a_choice():
    q = _q("The offer is 44% higher than Monsanto's closing share price on _____.",
           "9 May 2016", "date", date="2016-09-15", id="q81")  # fmt: skip
    for seed in range(20):
        choices = distractors(q, {}, seed)
        days = [_dt.datetime.strptime(c, "%d %B %Y").date() for c in choices]
        assert choices and all(d.weekday() < 5 for d in days), (seed, choices)


def test_a_day_of_next_month_gets_days_of_that_month():
    q = _q("The Paralympic Games follow next month, from _____ to 15.",
           "March 6 (6 March 2026)", "date", date="2026-02-05", id="q82")  # fmt: skip
    for seed in range(20):
        choices = distractors(q, {}, seed)
        assert choices and all(c.endswith("March 2026") for c in choices), (seed, choices)


def test_seats_won_in_a_story_of_a_majority_get_choices_on_the_right_side_of_half():
    won = _q("(in the story “The Liberals won a surprise majority…”) The Liberals won _____ of "
             "the 338 seats in the House of Commons.", "184", "number", date="2015-10-20",
             id="q91")  # fmt: skip
    missed = dataclasses.replace(
        won, id="q92", answer="124", question="The Conservatives won _____ of the 338 seats, "
        "leaving them short of a majority.",
    )  # fmt: skip
    for seed in range(20):
        up = distractors(won, {}, seed)
        assert up and all(int(c) > 169 for c in up), up
        down = distractors(missed, {}, seed)
        assert down and all(int(c) < 169 for c in down), down


def test_a_weekday_after_the_lead_dates_a_follow_up_and_is_no_blank(tmp_path):
    lead = (
        "date 2014-08-08 The World Health Organization declared the Ebola outbreak an "
        "international emergency on Friday. The virus has killed 961 people in West Africa. "
        "Guinea, Liberia and Sierra Leone are the worst hit. Nigeria has reported two deaths. "
        "Experts met in Geneva for two days. "
    )
    follow_up = "Spain evacuated an infected priest from Liberia on Thursday."
    dates = _date_blanks(_cards(tmp_path, lead + follow_up + "\n"))
    assert any(a.startswith("Friday") for a in dates), dates  # the news, in the lead
    assert not any(a.startswith("Thursday") for a in dates), dates  # the sixth sentence
    (tmp_path / "0.txt").unlink()
    early = _date_blanks(_cards(tmp_path, "date 2014-08-08 " + follow_up + "\n"))
    assert any(a.startswith("Thursday") for a in early), early


def test_an_org_of_no_known_kind_and_small_counts_of_plural_nouns_get_no_odd_choices():
    q = _q("Merkel's conservative _____ won 24 percent.", "CDU", "org", date="2021-09-27",
           id="q93")  # fmt: skip
    pool = {"org": [(v, v.lower()) for v in ("DAX", "AFP", "SPD", "Bundestag")]}
    three = _q("He leaves _____ grandchildren.", "three", "number", date="2021-09-27",
               id="q94")  # fmt: skip
    for seed in range(20):
        assert distractors(q, pool, seed) == ()
        assert "one" not in distractors(three, {}, seed)


def test_a_toll_told_twice_is_asked_once_from_the_lead(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2018-08-14 A motorway bridge collapsed in Genoa on Tuesday, killing at least 22 "
        "people, officials said. Deputy Transport Minister Edoardo Rixi said at least 22 people "
        "had died and that the toll was likely to rise. Rescuers pulled more bodies from the "
        "rubble as the death toll rose to 26 on Wednesday.\n",
    )
    tolls = [q for q in qs if q.kind == "cloze" and q.answer in ("22", "at least 22")]
    assert len(tolls) == 1 and "killing at least _____ people" in tolls[0].question, tolls
    # a toll with no noun after it is asked too
    assert any(q.answer == "26" and "rose to _____" in q.question for q in qs), qs


def test_a_round_toll_and_the_exact_one_close_to_it_are_asked_once(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-09-10 A powerful earthquake struck Morocco late on Friday, killing more "
        "than 2,000 people, officials said. By Sunday evening the Interior Ministry had "
        "reported 2,012 deaths and 2,059 injuries. In 2004 an earthquake near Al Hoceima "
        "killed 628 people, and in 1960 one near Agadir killed 12,000.\n",
    )
    dead = [q for q in qs if q.answer in ("2,012", "more than 2,000")]
    assert [q.answer for q in dead] == ["more than 2,000"], dead
    # a past quake's toll is another fact, and the injured another toll
    assert any(q.answer == "628" for q in qs), qs
    assert any(q.answer == "2,059" and "_____ injuries" in q.question for q in qs), qs
    # two figures of one sentence are two facts, however close
    qs = _cards(
        tmp_path,
        "date 2023-09-10 A magnitude 6.8 earthquake struck Morocco's High Atlas mountains late "
        "on Friday, killing at least 2,012 people and injuring 2,059 others, officials said.\n",
    )
    answers = {q.answer for q in qs}
    assert {"2,059"} <= answers and answers & {"2,012", "at least 2,012"}, answers


def test_a_saying_is_dated_by_its_verb_not_by_what_it_adds(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2014-05-16 Rescuers pulled more bodies from a coal mine in Soma on Wednesday. "
        'Mine manager Akin Celik spoke to reporters. "We did everything that needed to be '
        'done," Celik told a news conference, adding that the mine had passed its last '
        "government inspection in March. Former minister Taner Yildiz spoke in April. "
        '"Nobody could have seen this coming at all," Yildiz said in April.\n',
    )
    said = {q.answer: q.question for q in _asking(qs, "Who said")}
    assert "in May 2014" in said["Akin Celik"], said  # not March, the inspection's
    assert "in April 2014" in said["Taner Yildiz"], said  # "said in April"


def test_a_round_answer_gets_round_choices():
    # "5,000" among "2,800", "3,900" and "3,500" is the one round figure.
    from studykit.select import _numbers_near

    for answer, unit in (("5,000", 1000), ("40,000", 10000), ("90", 10)):
        for seed in range(30):
            got = list(_numbers_near(answer, random.Random(seed)))[:3]
            assert all(int(g.replace(",", "")) % unit == 0 for g in got), (answer, got)


def test_who_held_an_office_is_asked_at_the_report_not_when_the_term_began(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2009-04-02 Leaders of the Group of 20 met in London on Thursday. US President "
        "Barack Obama, attending his first international summit since taking office in "
        'January, called the meeting "historic".\n',
    )
    offices = [q.question for q in qs if "office" in q.tags]
    assert offices == ["Who was the President of the United States in April 2009?"], offices


def test_a_storys_opening_keeps_a_number_that_is_part_of_a_name():
    from studykit.text import story_opening

    opening = story_opening(
        "Leaders of the Group of 20 agreed on Thursday to pump 1.1 trillion dollars into the "
        "world economy."
    )
    assert opening == "Leaders of the Group of 20 agreed on Thursday to pump…", opening
    opening = story_opening(
        "The World Health Organization declared on Friday that COVID-19 is no longer a global "
        "health emergency, more than three years after it first sounded the alarm."
    )
    assert opening.startswith("The World Health Organization declared on Friday that COVID-19 "), (
        opening
    )


def test_a_storys_opening_cut_short_does_not_end_on_a_small_word():
    from studykit.text import story_opening

    opening = story_opening(
        "Rescue workers dug through rubble on Tuesday, searching for survivors of…"
    )
    assert opening == "Rescue workers dug through rubble on Tuesday, searching for survivors…", (
        opening
    )


def test_a_dateline_with_a_dotted_state_is_no_part_of_a_card(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-08-22 BLUEFIELD, W.Va. (AP) - A freight train hauling coal derailed early "
        "Thursday in southern West Virginia, spilling about 2,800 tons of coal into the "
        "Bluestone River.\n",
    )
    assert qs and not [q.question for q in qs if "(AP)" in q.question or "W.Va" in q.question]
    assert "2,800" in {q.answer for q in qs}


def test_a_dated_answer_is_not_glossed_with_what_it_says_already(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-10-03 Germany raised its minimum wage to 12 euros an hour. The increase "
        "took effect at midnight on Oct. 1 and was the largest since 2015. The Green Vault "
        "collection was commissioned by Augustus the Strong in the early 1700s.\n",
    )
    answers = {q.answer for q in qs}
    assert "the early 1700s" in answers, answers  # not "the early 1700s (the 1700s)"
    assert "midnight (1 October 2022)" in answers, answers  # not "(24:00, 1 October 2022)"


def test_a_question_on_the_lead_says_which_story_it_is_from(tmp_path):
    # A question does not show its sentence: "how many people were injured?" needs its story
    # even when it comes from the first sentence (a cloze card shows that sentence itself).
    qs = _cards(
        tmp_path,
        "date 2012-09-14 TUNIS (AFP) - Hundreds of protesters stormed the grounds of the "
        "United States embassy in Tunis on Friday, setting fire to vehicles in a day of "
        "violence that left four people dead and 49 injured, the health ministry said. The "
        "crowd was angered by a film made in the United States.\n",
    )
    injured = [q.question for q in qs if q.kind == "short" and q.answer == "49"]
    assert injured and all("in the story “Hundreds of protesters" in q for q in injured), injured


def test_a_source_a_cut_off_or_a_yardstick_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2011-03-05 Microsoft launched a campaign on Friday to end the use of Internet "
        "Explorer 6. The security firm Secunia has said that as of March 4, 2011, IE6 has 277 "
        "vulnerabilities. According to the Uranium Information Centre, Australia exported "
        "46,600 tonnes of uranium. Castro sends greetings, according to Cuban press agency "
        "Prensa Latina. Last year over 4 million visitors attended the fair. Inflation eased to "
        "6.7 percent in February, well below the 7.4 percent forecast by economists. Turnout "
        "was 36.4 percent, just above the 20 percent threshold. The governor declared an "
        "emergency covering all 254 counties. The storm damaged 3,100 homes in Dallas. The "
        "tanker spilled 126,000 gallons (about 477,000 litres) of oil.\n",
    )
    cloze = {q.answer for q in qs if q.kind == "cloze"}
    # The figures themselves are asked...
    assert {"277", "46,600", "4 million", "6.7", "36.4", "3,100"} <= cloze, cloze
    # ...not who reported them, the day they stood at, nor what they are measured against.
    assert not {"March 4, 2011", "Uranium Information Centre", "Prensa Latina"} & cloze, cloze
    assert not {"7.4", "20", "254", "477,000"} & cloze, cloze
    assert not [a for a in cloze if a.startswith("Last year")], cloze


def test_a_name_inside_a_list_is_no_blank_when_the_last_has_a_role(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2007-02-26 Arsenal lost the Carling Cup final to Chelsea on Sunday. Chelsea "
        "fielded a full strength side, including Andriy Shevchenko, Michael Ballack, Didier "
        "Drogba, and skipper John Terry.\n",
    )
    cloze = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"Andriy Shevchenko", "Michael Ballack", "Didier Drogba"} & cloze, cloze
    assert "John Terry" in cloze, cloze  # the captain, named by his role


def test_a_family_name_first_and_a_surname_that_is_a_country_stay_whole():
    art = _article(
        "Parasite, directed by Bong Joon-ho, won Best Picture on Sunday. Accepting the award "
        "for Best Director, Bong paid tribute to Martin Scorsese. Arianespace Chief Executive "
        "Stephane Israel said the launch went well."
    )
    people = [(m.text, m.value) for s in annotate(art) for m in s.mentions if m.kind == "person"]
    assert ("Bong", "Bong Joon-ho") in people, people
    assert ("Bong", "Bong") not in people, people
    assert ("Stephane Israel", "Stephane Israel") in people, people
    art = _article(
        "Australian swimmer Ariarne Titmus set a world record on Wednesday. Seventeen-year-old "
        "Sienna Toohey, the youngest swimmer on the team, qualified in the breaststroke."
    )
    people = [m.value for s in annotate(art) for m in s.mentions if m.kind == "person"]
    assert "Sienna Toohey" in people and not [p for p in people if "old" in p], people
    art = _article(
        "Belgium swore in a government on Thursday. Prime Minister Liberal Alexander De Croo "
        "said it would last. The centrist Liberal Democrats won 72 seats."
    )
    found = {(m.kind, m.value) for s in annotate(art) for m in s.mentions}
    assert ("person", "Alexander De Croo") in found, found  # a party's member, not "Liberal"
    assert ("org", "Liberal Democrats") in found, found


def test_an_office_of_a_country_is_offered_only_that_countrys_people(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-09-20 The state funeral of Queen Elizabeth II was held in London on Monday. "
        "Emperor Naruhito of Japan attended, as did U.S. President Joe Biden and French "
        "President Emmanuel Macron. King Charles III of Britain led the mourners.\n",
    )
    emperor = [q for q in _asking(qs, "Who was the Emperor of Japan")]
    assert emperor and emperor[0].answer == "Naruhito", emperor
    assert not {"Joe Biden", "Emmanuel Macron", "Charles III"} & set(emperor[0].choices), emperor


def test_a_specific_figure_told_twice_is_asked_once_at_its_first_telling(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2017-11-16 A painting attributed to Leonardo da Vinci sold for $450.3 million at "
        "Christie's in New York on Wednesday. The hammer price was $400 million, and the total "
        "rose to $450.3 million with fees.\n",
    )
    cloze = [q.answer for q in qs if q.kind == "cloze"]
    assert cloze.count("450.3 million") == 1, cloze
    first = next(q for q in qs if q.kind == "cloze" and q.answer == "450.3 million")
    assert "sold for $_____" in first.question, first.question


def test_a_town_is_offered_towns_not_a_river_or_a_stadium(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2021-03-08 Pope Francis visited the northern Iraqi city of Mosul on Sunday. He "
        "prayed in Church Square and said Mass at the Franso Hariri Stadium in Erbil, after "
        "meeting the Shia cleric Ali al-Sistani in Najaf. Boats on the Tigris River and in the "
        "Persian Gulf sounded their horns, and crowds gathered in Baghdad and Basra.\n",
    )
    cards = [q for q in qs if q.kind == "cloze" and q.answer == "Mosul"]
    assert cards, [q.answer for q in qs]
    sites = {"Church Square", "Franso Hariri Stadium", "Tigris River", "Persian Gulf"}
    assert not sites & set(cards[0].choices), cards[0].choices


def test_a_later_sentence_asks_its_people_and_figures_before_bodies_and_places(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2018-07-19 Astronomers announced the discovery of ten small moons orbiting "
        "Jupiter on Tuesday. The team led by Scott Sheppard had found twelve of the 79 moons, "
        "mostly using a telescope of Chile's Cerro Tololo Inter-American Observatory. "
        "Rescuers reached the town of Linyi with 40 ambulances.\n",
    )
    cloze = {q.answer for q in qs if q.kind == "cloze"}
    assert {"Scott Sheppard", "twelve"} <= cloze, cloze
    assert "Cerro Tololo Inter-American Observatory" not in cloze, cloze
    assert {"Linyi", "40"} <= cloze, cloze  # a place the sentence says is a town stays


def test_a_place_is_given_away_by_its_own_name_beside_another_head(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2022-08-28 Floods have killed more than 1,000 people in Pakistan. In the "
        "northern Swat Valley, a hotel on the bank of the Swat River collapsed.\n",
    )
    assert "Swat Valley" not in {q.answer for q in qs if q.kind == "cloze"}


def test_a_year_of_a_list_of_years_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-04-15 Tiger Woods won the Masters on Sunday, his fifth green jacket. Woods "
        "had won the Masters in 1997, 2001, 2002 and 2005. Woods underwent back surgery in "
        "2015 and returned to golf in 2017.\n",
    )
    years = {q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "date"}
    assert not {"1997", "2001", "2002", "2005"} & years, years
    assert {"2015", "2017"} <= years, years  # two years in a sentence are two facts


def test_the_later_of_two_joined_dates_or_a_month_of_a_list_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2024-09-12 Nurses voted on Wednesday to accept a new pay offer. The union had "
        "organised strikes in April, June and August 2022. Rainfall between March and October 2022 "
        "was 42 percent below the average. A court sentenced the former mayor of Lyon in July to "
        "nine years in prison.\n",
    )
    dates = {q.answer for q in qs if q.kind == "cloze" and q.answer_kind == "date"}
    assert not {"April 2022", "June 2022", "August 2022", "October 2022"} & dates, dates
    assert "March 2022" in dates, dates  # the pair is asked once, by its first date
    assert "nine years" in {q.answer for q in qs}  # a length after "in July to" stays
    # A holiday's day beside it is no second date of a pair.
    qs = _cards(
        tmp_path,
        "date 2015-03-12 New Zealand will hold a referendum on its flag in November. Prime "
        "Minister John Key launched the campaign for a new flag on Waitangi Day - 6 February - "
        "this year.\n",
    )
    assert "6 February 2015" in _date_blanks(qs)


def test_the_year_before_the_news_or_its_months_are_no_blanks_past_the_lead(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2019-09-10 British Airways pilots began a 48-hour strike on Monday, grounding "
        "almost all of the airline's flights. The pilots' union rejected a pay offer in July. "
        "The airline was privatised in February 1987 under Margaret Thatcher. British Airways "
        "cabin crew held a two-week strike in 2018.\n",
        "date 2019-09-10 In July, the pilots' union rejected a pay offer from British Airways "
        "worth 11.5 percent over three years.\n",
    )
    dates = [(q.article, q.answer) for q in qs if q.kind == "cloze" and q.answer_kind == "date"]
    answers = {answer for _, answer in dates}
    assert "February 1987" in answers, dates  # history the story recalls stays
    assert "2018" not in answers, dates  # the year before the news, as its months
    # The lead's month is the news; the same month later in a story only dates its run-up.
    assert [article for article, answer in dates if answer == "July 2019"] == ["1.txt"], dates


def test_a_toll_is_not_placed_by_an_adjective_nor_counted_when_denied(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2012-10-03 Gunmen attacked the Italian Embassy in Sanaa on Wednesday, killing two "
        "Yemeni guards and wounding four other people. Italian Foreign Minister Paolo Ferrante "
        "said that none of the embassy's 14 Italian staff members were hurt.\n",
    )
    asked = {q.question: q.answer for q in qs if q.kind == "short"}
    assert not [k for k in asked if "in Italy" in k], asked
    assert "14" not in asked.values(), asked
    assert "two" in asked.values(), asked  # the toll itself is still asked


def test_a_question_drops_yesterday_and_a_card_needs_the_figure_it_points_at(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2025-11-06 Fire destroyed the opera house in Milan on Wednesday. Culture minister "
        'Alessandro Giuli described Bassani yesterday as "the guardian of our memory". A swarm '
        "of that size can eat as much food in one day as 85 million people. The U.N. appealed "
        "for $1.46 billion but has received only 67 percent of that amount.\n",
    )
    described = _asking(qs, "Who described")
    assert described and "yesterday" not in described[0].question, described
    cloze = {q.answer for q in qs if q.kind == "cloze"}
    assert "85 million" not in cloze, cloze  # "that size" is told in another sentence
    assert "67" in cloze, cloze  # "that amount" is the $1.46 billion before it


def test_a_count_with_its_noun_as_the_answer_gets_choices_in_that_form(tmp_path):
    """A template's answer "{{ quantity.amount }} {{ quantity.noun }}" ("39 percent") is a
    count: its wrong answers are counts worded alike, and a share is never above 100."""
    tdir = tmp_path / "t"
    tdir.mkdir()
    (tdir / "votes.yaml").write_text(
        "- id: vote-share\n  kind: mcq\n"
        "  match: '{person} ... party won {quantity} of the vote'\n"
        '  question: "What share of the vote did {{ person }}\'s party win?"\n'
        "  answer: '{{ quantity.amount }} {{ quantity.noun }}'\n"
        "  examples:\n"
        "    - sentence: Christopher Luxon is set to lead after his party won 39 percent of "
        "the vote.\n      date: 2023-10-15\n"
        "      question: What share of the vote did Christopher Luxon's party win?\n"
        "      answer: 39 percent\n"
        "- id: turnout\n  kind: short\n  match: 'turnout was {quantity}'\n"
        "  question: 'What was the turnout?'\n"
        "  answer: '{{ quantity.amount }} {{ quantity.noun }}'\n"
        "  examples:\n    - sentence: Turnout was 78 percent, the commission said.\n"
        "      date: 2023-10-15\n      question: What was the turnout?\n"
        "      answer: 78 percent\n"
    )
    adir = tmp_path / "a"
    adir.mkdir()
    (adir / "a.txt").write_text(
        "date 2023-10-15 New Zealand's National Party won Saturday's general election. "
        "Christopher Luxon is set to lead after his party won 39 percent of the vote. "
        "Turnout was 78 percent, the Electoral Commission said.\n"
    )
    for seed in range(5):
        qs = {q.template: q for q in run([str(adir)], [str(tdir)], seed=seed)[0]}
        for tid, answer in (("vote-share", "39 percent"), ("turnout", "78 percent")):
            q = qs[tid]
            assert q.answer == answer and len(q.choices) == 3, q
            values = [float(c.removesuffix(" percent")) for c in q.choices]
            assert all(c.endswith(" percent") for c in q.choices), q.choices
            assert all(0 < v <= 100 and v != float(answer.split()[0]) for v in values), q
    # Beside the shipped templates, the count is asked once: "78 percent" is the fact "78".
    qs = run([str(adir)], [str(ROOT / "question_templates"), str(tdir)])[0]
    assert [q.answer for q in qs if q.answer.startswith(("78", "39"))] == [
        "39 percent",
        "78 percent",
    ], [(q.template, q.answer) for q in qs]


def test_a_minister_is_offered_other_ministers_only(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2025-10-20 Thieves stole eight pieces of jewellery from the Louvre museum in "
        "Paris on Sunday, French officials said. Culture Minister Rachida Dati said nobody had "
        "been hurt in the raid. Interior Minister Laurent Nunez said four thieves took part. "
        "Justice Minister Gerald Darmanin said the theft showed a failure of security. Finance "
        "Minister Roland Lescure said insurers would be asked to pay. President Emmanuel Macron "
        "called the theft an attack on French heritage. The stolen pieces once belonged to "
        "Queen Marie-Amelie and Queen Hortense, the French presidency said.\n",
    )
    card = [q for q in qs if "Culture Minister _____" in q.question]
    assert card and card[0].answer == "Rachida Dati", qs
    ministers = {"Laurent Nunez", "Gerald Darmanin", "Roland Lescure"}
    assert set(card[0].choices) == ministers, card[0].choices


def test_names_with_st_a_bank_of_a_country_and_a_bodys_possessive_are_whole():
    art = _article(
        "The Bank of Japan raised interest rates on Tuesday. The Reserve Bank of Australia "
        "held its rate. Ambulances went to Mercy St. Vincent Medical Center. The vote was held "
        "in St. Petersburg, where Mayor John St. Clair spoke. The Federal Bureau of "
        "Investigation's Cleveland field office said it was investigating. Special Agent in "
        "Charge Gregory Nelsen said the bureau was working with the hospital. Japan's "
        "central bank said prices rose.",
        "2024-03-19",
    )
    found = {(m.kind, m.value) for s in annotate(art) for m in s.mentions}
    for kind, value in (
        ("org", "Bank of Japan"),
        ("org", "Reserve Bank of Australia"),
        ("org", "Mercy St. Vincent Medical Center"),
        ("place", "St. Petersburg"),
        ("person", "John St. Clair"),
        ("org", "Federal Bureau of Investigation"),
        ("person", "Gregory Nelsen"),
        ("country", "Japan"),  # a country's own possessive is still the country
    ):
        assert (kind, value) in found, (kind, value, sorted(found))
    assert not {v for k, v in found if v in ("Japan", "Australia") and k == "org"}
    assert ("country", "Australia") not in found, found  # part of the bank's name


def test_a_race_time_in_written_units_is_the_news():
    art = _article(
        "Ethiopian Dawit Tekle broke the men's marathon world record on Sunday, winning the "
        "Frankfurt Marathon in 2hr 00min 21sec, 14 seconds faster than the previous mark.",
        "2025-10-26",
    )
    asked = {q.answer: q.question for q in generate_article(art, TEMPLATES).questions}
    assert "Frankfurt Marathon in _____, 14 seconds" in asked.get("2hr 00min 21sec", ""), asked


def test_a_day_told_by_its_distance_from_the_report_is_asked_as_a_date():
    art = _article(
        "Dockworkers at ports from Maine to Texas went on strike early Tuesday, halting the "
        "flow of cargo at some of the busiest harbors in the country. Yesterday, talks with "
        "the employers broke down after six hours, the union said. The employers had asked "
        "for a meeting on Monday to discuss the wage offer, officials said.",
        "2024-10-03",
    )
    dates = [(q.answer, q.question) for q in generate_article(art, TEMPLATES).questions
             if q.kind == "cloze" and q.answer_kind == "date"]  # fmt: skip
    assert not any("yesterday" in a.lower() or "tuesday" in a.lower() for a, _ in dates), dates
    asked = dict(dates)
    assert "went on strike early on _____, halting" in asked.get("1 October 2024", ""), dates
    assert asked["1 October 2024"].startswith("(Reported in October 2024)"), dates
    # a blank that opens the sentence gets its capital; one with its own "on" is as it was
    assert ") On _____, talks with" in asked.get("2 October 2024", ""), dates
    assert "a meeting on _____ to" in asked.get("Monday, 30 September 2024", ""), dates
    art = _article(
        "Two passenger trains collided head-on yesterday near the town of Kellbrunn, killing "
        "ten people, police said. The research team, led by Amelia Okonkwo of the University "
        "of Cambridge's Institute of Astronomy, said the evidence was clear.",
        "2016-03-09",
    )
    qs = generate_article(art, TEMPLATES).questions
    asked = {q.answer: q.question for q in qs}
    assert "collided head-on on _____ near" in asked.get("8 March 2016", ""), asked
    # a body's part named after it ("the _____'s Institute of Astronomy") is no blank
    assert "University of Cambridge" not in asked, asked


def test_a_monarch_the_news_happens_before_is_no_blank():
    art = _article(
        "Pedro Sanchez was sworn in as prime minister on Saturday before King Felipe VI at the "
        "Zarzuela Palace in Madrid, a week after parliament ousted Mariano Rajoy. Queen "
        "Elizabeth II was laid to rest at Windsor Castle on Monday after a state funeral. "
        "Samuel Kleda was appointed archbishop of Douala by Pope John Paul II in 1999.",
        "2018-06-04",
    )
    asked = {q.answer for q in generate_article(art, TEMPLATES).questions if q.kind == "cloze"}
    assert not {"Felipe VI", "John Paul II"} & asked, asked
    assert "Elizabeth II" in asked, asked


def test_a_count_of_others_makes_no_question_of_its_own(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2023-02-15 An avalanche buried a group of skiers near Davos on Tuesday. Rescuers "
        "found four skiers dead under the snow, and two others were injured, police said.\n",
    )
    assert not [q.question for q in qs if "how many others" in q.question], qs


def test_a_place_or_a_body_asked_twice_from_one_sentence_is_one_card():
    qs = run([str(ARTICLES)])[0]
    for answer in ("Shusha", "CSTO"):
        asked = [q for q in qs if q.answer == answer]
        assert len(asked) == 1 and asked[0].kind == "cloze", [(q.kind, q.question) for q in asked]


def test_a_name_run_on_into_another_word_and_a_role_before_a_name_are_no_answers():
    art = _article(
        "Thousands of taxi drivers blocked roads across France on Thursday in protest against "
        "UberPop, a low-cost ride service run by the American company Uber, police said. "
        "Helmsman Peter Burling, aged 26, became the youngest skipper ever to win the cup.",
        "2015-06-26",
    )
    answers = {q.answer for q in generate_article(art, TEMPLATES).questions}
    assert "Uber" not in answers, answers  # "UberPop" gives it away
    assert "Helmsman Peter Burling" not in answers, answers


def test_a_small_set_the_story_speaks_of_is_no_blank():
    art = _article(
        "Russian cosmonaut Oleg Kononenko returned to Earth on Tuesday after a record stay in "
        "space. NASA officials told a news conference that the three astronauts on board the "
        "station were in good health. Rescuers said they did not believe they would find any "
        "of the five missing men alive.",
        "2024-09-24",
    )
    asked = {q.answer for q in generate_article(art, TEMPLATES).questions if q.kind == "cloze"}
    assert not {"three", "five"} & asked, asked


def test_a_place_in_a_bodys_name_a_possessive_title_and_a_role_opening_a_sentence():
    art = _article(
        "A blizzard swept across northern England and Scotland on Thursday. Transport Scotland "
        "said 120 soldiers had been deployed. Highways England said the M62 would reopen on "
        "Friday. More than 1,500 schools in Scotland and northern England were closed. "
        "Trainer Ron Petersen, who trains 11 horses at Pinjarra, bought the colt as a yearling. "
        "Farmer Ramesh Meena, 52, found a black stone in his cowshed. Taoiseach Enda Kenny "
        "described her as a national treasure. The deputy leader will lead the caucus at "
        "Queen's Park.",
        "2018-03-01",
    )
    found = {(m.kind, m.value) for s in annotate(art) for m in s.mentions}
    # "Scotland" and "England" are where the schools are, not short for the bodies
    persons = {v for k, v in found if k == "person"}
    assert "Ron Petersen" in persons and "Ramesh Meena" in persons, persons
    assert "Enda Kenny" in persons, persons
    assert not {"Park", "Trainer Ron Petersen", "Farmer Ramesh Meena"} & persons, persons
    qs = generate_article(art, TEMPLATES).questions
    schools = {q.answer for q in qs if "schools in" in q.question}
    assert not {"Transport Scotland", "Highways England"} & schools, schools
    assert "Park" not in {q.answer for q in qs}, qs


def test_a_count_the_sentence_denies_after_another_is_not_asked():
    art = _article(
        "The plane landed safely in Lisbon on Tuesday after its windscreen cracked. None of the "
        "187 passengers and seven crew members was hurt, the airline said.",
        "2024-02-21",
    )
    asked = [q.question for q in generate_article(art, TEMPLATES).questions if q.kind == "short"]
    assert not [q for q in asked if "injured" in q or "hurt" in q], asked


def test_a_measure_told_in_two_units_is_blanked_whole_and_its_choices_converted_alike():
    art = _article(
        "The Jeddah Tower in Saudi Arabia became the world's tallest building yesterday, when "
        "workers installed the final section of its spire at a height of 1,008 metres (3,307 "
        "feet), the developer announced. Temperatures reached 41 degrees Celsius (106 degrees "
        "Fahrenheit) in Athens on Saturday.",
        "2026-02-18",
    )
    qs = select([generate_article(art, TEMPLATES)], seed=3)
    card = [q for q in qs if q.answer.startswith("1,008")]
    assert card and card[0].answer == "1,008 metres (3,307 feet)", qs
    assert "at a height of _____, the developer" in card[0].question, card[0].question
    assert "{{c1::1,008 metres (3,307 feet)}}" in (card[0].cloze or ""), card[0].cloze
    assert len(card[0].choices) == 3, card[0].choices
    for choice in card[0].choices:
        metres, feet = (float(x.replace(",", "")) for x in re.findall(r"[\d,]+", choice))
        assert choice.endswith(" feet)") and abs(feet / metres - 3307 / 1008) < 0.01, choice
    # a temperature's two scales do not share a zero: no choices could be converted alike
    assert not [q for q in qs if "Fahrenheit" in q.answer], qs


def test_a_place_past_the_lead_is_asked_only_where_the_sentence_tells_it_as_one():
    art = _article(
        "A fire in a coal mine killed 282 miners on Tuesday, officials said. In Istanbul, "
        "police used tear gas on protesters. Rescuers reached the village of Kinik on "
        "Wednesday. Pride parades drew crowds in the cities of Ankara and Izmir.",
        "2014-05-15",
    )
    places = {q.answer for q in generate_article(art, TEMPLATES).questions
              if q.answer_kind == "place"}  # fmt: skip
    assert "Istanbul" not in places, places  # where a side scene happened
    assert {"Kinik", "Ankara"} <= places, places  # "the village of _____", "the cities of _____"


def test_an_era_a_lists_size_beside_a_rank_and_a_sum_of_equal_shares_are_no_blanks():
    art = _article(
        "Archaeologists believe the ruins may be Idu, a city mentioned in Assyrian texts from "
        "about 1000 BCE, the university said. Kenya ranked 143rd out of 180 countries on "
        "Transparency International's index. Officials said a joint commission of six members, "
        "three from each country, would mark the border.",
        "2018-11-08",
    )
    asked = {q.answer for q in generate_article(art, TEMPLATES).questions}
    assert not {"BCE", "180", "six"} & asked, asked


def test_a_local_office_before_a_name_is_no_part_of_the_name():
    art = _article(
        "An explosion at a chemical plant killed two workers on Wednesday, officials said. The "
        "blast happened during the overnight shift, Kankakee County Sheriff Daniel Ortega said "
        "at a news conference. Ortega said 27 employees were inside. Fire Chief Mark Reed said "
        "crews worked for hours.",
        "2019-11-14",
    )
    people = {m.value for s in annotate(art) for m in s.mentions if m.kind == "person"}
    assert {"Daniel Ortega", "Mark Reed"} <= people, people
    assert not [p for p in people if "Sheriff" in p or "Chief" in p], people


def test_a_ministry_is_a_body_and_who_declined_to_comment_is_no_blank():
    art = _article(
        "A mud volcano erupted near Baku on Tuesday, the Ministry of Emergency Situations said "
        "in a statement. China's Ministry of Foreign Affairs did not respond to a request for "
        "comment. The Ministry of Health said 12 people were treated in hospital.",
        "2016-08-09",
    )
    found = {(m.kind, m.value) for s in annotate(art) for m in s.mentions}
    for name in ("Ministry of Emergency Situations", "Ministry of Health"):
        assert ("org", name) in found, found
    assert not [v for k, v in found if k == "person"], found  # "Emergency Situations" is no one
    asked = {q.answer for q in generate_article(art, TEMPLATES).questions}
    assert "Ministry of Foreign Affairs" not in asked, asked


def test_a_length_before_a_plural_possessive_is_no_blank():
    art = _article(
        "Uzbekistan won the Chess Olympiad on Tuesday. FIDE President Arkady Dvorkovich "
        "thanked the government of Tamil Nadu, which organised the event at four months' "
        "notice.",
        "2022-08-10",
    )
    asked = [q.question for q in generate_article(art, TEMPLATES).questions]
    assert asked and not [q for q in asked if "_____'" in q or "_____’" in q], asked


def test_selection_gives_back_every_cloze_text_whole():
    # Selection holds the cloze texts of its candidates in a compact form: what it gives
    # back must be the text each card was made with, characters past Latin-1 included.
    results = run([str(ARTICLES)])[1]
    made = {q.id: q.cloze for r in results for q in r.questions}
    chosen = run([str(ARTICLES)])[0]
    clozes = [q for q in chosen if q.cloze is not None]
    assert clozes and any(not q.cloze.isascii() for q in clozes)  # “ ” in the story cues
    assert all(q.cloze == made[q.id] for q in chosen)
    assert all("{{c1::" in q.cloze for q in clozes)


def test_the_stretch_a_figure_is_counted_over_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1989-10-26 Du Pont reported higher profit on Wednesday. For the nine months, Du "
        "Pont earned $2 billion, up 18% from a year earlier. In the past two months the "
        "nation's 88 junk funds have lost about $6 billion.\n",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert {"2 billion", "6 billion"} <= answers, answers  # the figures are the facts
    assert not {"the nine months", "the past two months"} & answers, answers


def test_wire_quotation_marks_are_shown_as_quotation_marks(tmp_path):
    qs = _cards(
        tmp_path,
        "date 1999-04-20 District Attorney Frank C. Clark said on Monday there was ``no "
        "question'' that the rifle found behind the house in Amherst was important.\n",
    )
    cards = [q for q in qs if q.kind == "cloze"]
    assert cards, qs
    for q in cards:
        assert "“no question”" in q.question and "“no question”" in q.cloze, q
        assert "``no question''" in q.sentence  # the link to the source keeps its text


def test_people_listed_with_their_roles_are_no_blanks(tmp_path):
    # Which one of a list is asked is arbitrary, whether or not each has a role before the
    # name, and whether the list ends in "and" or "as well as".
    qs = _cards(
        tmp_path,
        "date 2013-07-30 The letter was signed by State Senator Maria Lopez, City Clerk Susan "
        "Miller, Chicago 25th ward alderman Daniel Sanchez and retired Cook County Judge Anne "
        "Durkin.\n\n"
        "Guests at the opening included the city Mayor Philippe Close, Johan Van den Berghe, "
        "Pascal Smet, as well as Sven Gatz.\n\n"
        "Justin Feldman and Jack Arseneault, attorneys for Eddie Antar, declined to comment on "
        "the charges against the former chairman.",
    )
    answers = {q.answer for q in qs}
    listed = {"Maria Lopez", "Susan Miller", "Daniel Sanchez", "Anne Durkin", "Philippe Close"}
    assert not answers & (listed | {"Sven Gatz"}), answers
    # The one the two work for is no third of a list.
    assert "Eddie Antar" in answers, answers


def test_a_flight_named_with_a_capital_is_no_person_and_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2015-12-02 Investigators on Tuesday declared pilot error to be behind the crash "
        "of Indonesia AirAsia Flight 8501. A similar accident happened in 2007 when Adam Air "
        "Flight 574 crashed into the sea near Sulawesi.",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert not [a for a in answers if "Flight" in a or "Air" in a], answers
    assert "2007" in answers, answers  # the sentence still makes its card


def test_a_number_that_names_a_model_or_a_mark_is_no_count(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2010-07-29 Boeing lost orders for 26 jets over the past week. Most of the "
        "remaining orders are for the 737 jet, the company said on its website.\n\n"
        "Alex Rodriguez on Wednesday became the seventh player in baseball history to reach "
        "the 600 milestone.\n\n"
        "IBM picked the 16-bit 8088 chip for its first personal computer, which sold 200,000 "
        "units in its first year.",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"737", "600", "8088"} & answers, answers
    assert {"26", "200,000"} <= answers, answers  # counts are still asked


def test_former_or_acting_before_a_role_is_no_part_of_the_name(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2015-04-05 Sarah Brady, the gun control campaigner, died on Friday at the age of "
        "73. Former First Lady Nancy Reagan released a statement on her death on Saturday.",
    )
    people = {q.answer for q in qs if q.answer_kind == "person"}
    assert "Nancy Reagan" in people, people
    assert not [p for p in people if p.startswith("Former")], people


def test_a_number_that_names_a_stage_or_a_grade_is_no_count(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2006-06-24 An epic round sixteen contest between Argentina and Mexico was won by "
        "Maxi Rodriguez on Saturday in front of 43,000 fans.\n\n"
        "Officials upgraded the crisis to level seven on Tuesday, after 150,000 people had "
        "left their homes.",
    )
    answers = {q.answer for q in qs if q.kind == "cloze"}
    assert not {"sixteen", "seven"} & answers, answers
    assert {"43,000", "150,000"} <= answers, answers


def test_a_name_ending_like_a_place_lends_no_surname(tmp_path):
    # A mangled name ("Police chief Hidayat Rote Island") must not make every later
    # "Island" that person.
    art = _article(
        "Police chief Hidayat Rote Island, speaking to reporters, said the second boat was "
        "adrift. Another asylum seeker claimed similar treatment on December 10: that the "
        "Navy had claimed Christmas Island destination and towed his boat for several days."
    )
    people = _people(art)
    assert "Island" not in people, people


def test_a_rank_joined_by_a_hyphen_is_no_part_of_the_name():
    people = _people(
        _article(
            "Major-General Qassim Moussawi said the bombers were women. Brazilian "
            "Vice-President José Alencar met the visitors on Tuesday."
        )
    )
    assert "Qassim Moussawi" in people and "José Alencar" in people, people
    assert not [p for p in people if "-" in p], people


def test_a_date_that_opens_a_name_is_no_blank_nor_is_the_rest(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2012-02-15 A planned march by the February 14 Youth Coalition to the Pearl "
        "Roundabout in Manama was stopped by police on Tuesday, officials said.",
    )
    blanks = {q.answer for q in qs if q.kind == "cloze"}
    assert not [b for b in blanks if "February 14" in b or "Youth Coalition" in b], blanks


def test_a_word_for_whom_someone_is_opens_no_name():
    people = _people(
        _article(
            "The bridge collapsed on Saturday. Survivor Syakrani, 24, said it should have been "
            "closed. Resident Ahmad Yani said the bridge shook."
        )
    )
    assert not [p for p in people if p.startswith(("Survivor", "Resident"))], people


def test_an_interview_answer_or_a_sentence_in_another_language_makes_no_card(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2012-12-19 In a study published on October 29, Spanish researchers studied how "
        "ants defend a rhododendron in Singapore.\n\n"
        "Francisco Gonzalvez: The experiments in the field were conducted from April 2010 to "
        "June 2010 in MacRitchie Reservoir, Singapore.\n\n"
        "Daarom pleit ik er ook voor dat elke gemeente een schepen van Gelijke Kansen in Gent "
        "zou aanduiden.",
    )
    texts = [q.question for q in qs]
    assert not [t for t in texts if "Gonzalvez" in t or "_____:" in t], texts
    assert not [t for t in texts if "pleit" in t], texts
    asked = "published on _____, Spanish researchers studied how ants defend a rhododendron"
    assert [t for t in texts if asked in t], texts  # the English one is asked


def test_a_country_that_ends_a_bodys_name_makes_no_office(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2017-01-28 Thousands of protesters rallied in Washington on Friday. As NARAL "
        "Pro-Choice America President Ilyse Hogue pointed out, the movement now works at the "
        "federal level.",
    )
    offices = [q for q in qs if q.question.startswith("Who was the President")]
    assert not offices, [(q.question, q.answer) for q in offices]


def test_an_office_with_a_long_name_is_no_person_and_no_part_of_one():
    people = _people(
        _article(
            "Deputy National Security Advisor for Homeland Security and Counterterrorism John "
            "O. Brennan said on Sunday that the embassy would stay closed. Former British "
            "Prime Minister John Major agreed."
        )
    )
    assert "John O. Brennan" in people and "John Major" in people, people
    assert not [p for p in people if "Advisor" in p or "Counterterrorism" in p], people


def test_a_span_of_days_is_not_cut_and_a_constable_is_a_rank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2018-06-01 The anime convention Anime North was held in Toronto last weekend. "
        "The event ran from May 25 to 27 and drew 30,000 fans.\n\n"
        "Constable Simon Hood was jailed for ten months on Wednesday for defrauding his "
        "insurer.",
    )
    texts = {q.question: q.answer for q in qs}
    assert not [t for t in texts if "_____ to 27" in t], texts
    people = {q.answer for q in qs if q.answer_kind == "person"}
    assert "Simon Hood" in people and not [p for p in people if "Constable" in p], people


def test_a_body_named_either_way_round_is_one_body():
    assert _same_thing("Justice Department", "Department of Justice")
    assert _same_thing("the Ministry of Defence", "Defence Ministry")
    assert _same_thing("U.S. State Department", "Department of State")
    assert not _same_thing("Justice Department", "Department of Homeland Security")
    names = ("Department of Justice", "Department of Homeland Security", "FBI", "CIA")
    pool = _org_pool(names)
    q = _q("The Trump administration and the _____ were asked to reply.", "Justice Department",
           "org", date="2017-02-06", id="q1")  # fmt: skip
    assert _never_offered("Department of Justice", q, pool, seeds=20)


def test_a_question_or_an_interviewers_line_makes_no_card(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2014-10-23 The horror film Dead Ringer was released on Friday in 40 cinemas.\n\n"
        "((WN)) You've said elsewhere that the production budget was about $800 in 2013.\n\n"
        "Is the movie available in 40 countries since Friday?",
    )
    texts = [q.question for q in qs]
    assert not [t for t in texts if "((WN))" in t or t.endswith("?") and "_____" in t], texts
    assert [t for t in texts if "released on _____" in t], texts


def test_people_listed_with_where_they_are_from_are_no_blanks(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2012-12-31 Scott Brown lost his Senate seat in November. After the defeat, "
        "Republican Senators Dan Coats of Indiana, John McCain of Arizona and Susan Collins "
        "of Maine each asked Brown to run for the Senate again.",
    )
    answers = {q.answer for q in qs}
    assert not {"Dan Coats", "John McCain", "Susan Collins"} & answers, answers


def test_an_offices_field_or_a_bodys_name_is_no_part_of_the_holders_name():
    people = _people(
        _article(
            "Italian Minister for Defence Ignazio La Russa said on Wednesday that ten "
            "instructors would go. Condemning the incident, President of European Pride "
            "Organisers Association Kristine Garina said the movement was begun by trans people."
        )
    )
    assert {"Ignazio La Russa", "Kristine Garina"} <= set(people), people
    assert not [p for p in people if p.startswith(("Defence", "Association"))], people


def test_a_span_of_years_with_a_spaced_dash_is_one_span(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2010-09-01 Researchers in Georgia found how the parasite evades the immune "
        "system. The 1998 – 2001 sleeping sickness epidemics in Angola and Uganda caused tens "
        "of thousands of deaths.",
    )
    texts = [q.question for q in qs]
    assert not [t for t in texts if "_____ – 2001" in t or "1998 – _____" in t], texts


def test_a_name_that_goes_on_with_its_number_is_not_cut(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2013-02-05 In the National Football League, the Baltimore Ravens defeated the "
        "San Francisco 49ers 34-31 to win Super Bowl XLVII on Sunday in New Orleans.",
    )
    answers = {q.answer for q in qs}
    assert not {"XLVII", "Super Bowl", "San Francisco"} & answers, answers
    assert "Sunday, 3 February 2013" in answers, answers
    qs = _cards(
        tmp_path,
        "date 2017-05-26 Last season, Premier League club Liverpool FC lost the Europa League "
        "final against Spanish side Sevilla FC in Basel on 18 May.",
    )
    assert "Liverpool" not in {q.answer for q in qs}, [q.question for q in qs]


def test_a_quoted_sentence_in_dutch_and_a_length_back_beside_its_year(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2017-10-13 Arjen Robben retired from international football on Tuesday.\n\n"
        "Ik ben nu 33 jaar, ik speel bij een topclub in Europa, dan moet je keuzes maken.\n\n"
        "Egypt previously featured in the World Cup 28 years ago in 1990, which was their "
        "second World Cup.",
    )
    texts = {q.question: q.answer for q in qs}
    assert not [t for t in texts if "jaar" in t], texts
    assert not [a for a in texts.values() if "1989" in a], texts


def test_a_bodys_name_with_for_and_and_is_no_person():
    art = _article(
        "Anthony Cordesman, a security analyst at the Center for Strategic and International "
        'Studies, told Bloomberg: "The current fighting is as much a power struggle as it is '
        'anything else."'
    )
    people = _people(art)
    assert "International Studies" not in people, people
    quotes = [m for s in annotate(art) for m in s.mentions if m.kind == "quote"]
    assert [q.attr("speaker") for q in quotes] == ["Anthony Cordesman"]


def test_who_was_spoken_to_did_not_say_it():
    art = _article(
        "Dublin Mayor Micheal MacDonncha spoke on Sunday. MacDonncha, speaking to Dublin Live, "
        'said, "The campaign has collected the names of 500 artists."'
    )
    quotes = [m for s in annotate(art) for m in s.mentions if m.kind == "quote"]
    assert [q.attr("speaker") for q in quotes] == ["Micheal MacDonncha"]


def test_a_base_named_for_someone_is_no_person():
    people = _people(
        _article(
            "The bombing last Wednesday at the CIA base, known as Forward Operating Base "
            "Chapman, in Khowst province killed seven CIA employees."
        )
    )
    assert not [p for p in people if "Chapman" in p], people


def test_people_of_a_table_told_as_a_sentence_are_no_blanks(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2014-07-29 Jeff Gordon won the Brickyard 400 on Sunday. The standings after the "
        "race had Gordon in the lead with 717 points, followed by Brad Keselowski, 666; Matt "
        "Kenseth, 661; Ryan Newman, 628; and Kyle Busch, 609.",
    )
    answers = {q.answer for q in qs}
    listed = {"Brad Keselowski", "Matt Kenseth", "Ryan Newman", "Kyle Busch"}
    assert not listed & answers, answers


def test_a_capitalized_word_ending_in_s_that_opens_no_name_is_dropped():
    # "Besides", "Towards", "Officials" are no given names: the test of the words that open
    # no name once cut every final "s" off ("Beside"), and missed them.
    from studykit.mentions import _recognize

    text = "Besides Naruhito, Akihito has another son and a daughter."
    names = [m.text for m in _recognize(split_sentences(text)[0], [])]
    assert names == ["Naruhito", "Akihito"], names


def test_a_figure_of_a_list_or_half_of_a_length_is_no_blank(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2009-04-22 The charity launched its climbing appeal on Tuesday. Individuals raise "
        "either $90, $180, or $360 for the charity, and each team must raise $5,000 in total.\n\n"
        "At the age of 17 years and 285 days, Matthijs de Ligt became the youngest player "
        "to play in a Europa League final on Wednesday.",
    )
    answers = {q.answer for q in qs}
    assert not {"90", "180", "360", "17 years", "285 days"} & answers, answers
    assert "5,000" in answers, answers


def test_an_office_after_a_name_can_be_the_next_persons(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2008-01-09 President George W. Bush arrived in Israel on Wednesday. Like "
        "President Bush, Israeli Prime Minister Ehud Olmert kept his comments at the "
        'ceremony broad. "Your policies have reflected a solid commitment to our national '
        'security," he said.',
    )
    art = _article(
        "President George W. Bush arrived in Israel on Wednesday. Like President Bush, Israeli "
        "Prime Minister Ehud Olmert kept his comments at the ceremony broad.",
        date="2008-01-09",
    )
    offices = {
        q.answer
        for q in generate_article(art, TEMPLATES).questions  # every match, before selection
        if q.question.startswith("Who was the Prime Minister of Israel")
    }
    assert offices == {"Ehud Olmert"}, offices
    said = [q for q in qs if q.question.startswith("Who said")]
    assert said and {q.answer for q in said} == {"Ehud Olmert"}, [q.answer for q in said]


def test_a_day_that_is_the_subject_gets_no_on(tmp_path):
    qs = _cards(
        tmp_path,
        "date 2008-07-18 Thursday saw the start of the fourth Wikimedia Conference in "
        "Alexandria, Egypt, with 650 participants.",
    )
    days = [q.question for q in qs if q.answer.startswith("Thursday")]
    assert days and all("On _____" not in t and "on _____" not in t for t in days), days
    # (but a day in the middle of its sentence, with no preposition, takes "on")
    qs = _cards(
        tmp_path,
        "date 2008-03-08 An exchange of handshakes at a Latin American summit Friday marked "
        "the end of the dispute between Colombia and Ecuador.",
    )
    assert [q for q in qs if "summit on _____ marked" in q.question], [q.question for q in qs]


def test_what_someone_is_before_a_given_name_is_no_part_of_the_name():
    people = _people(
        _article(
            "Environmentalist Mark Lynas said the plan was cheap. Campaigner Peter Tatchell "
            "said on Monday it was wrong. Hunter Biden said nothing."
        )
    )
    assert {"Mark Lynas", "Peter Tatchell", "Hunter Biden"} <= set(people), people
