"""Anki decks that behave like hand-made ones, checked by importing them into real Anki."""

from __future__ import annotations

import csv
import html
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.export import anki as ak
from studykit.model import Question

from ankitools import (
    answer_first_card,
    import_apkg,
    import_counts,
    import_tsv,
    new_collection,
    rendered_cards,
)
from conftest import ROOT, SEED

SHIPPED = ROOT / "question_templates"


def _strip(markup: str) -> str:
    markup = re.sub(r"<style>.*?</style>", "", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()


def _cli(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


# A snapshot of the shipped templates, taken once for this module: the tests compare builds
# with each other, so the templates must not change under them between two builds.
_SNAPSHOT: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def _templates_snapshot(tmp_path_factory):  # type: ignore[no-untyped-def]
    dest = tmp_path_factory.mktemp("shipped") / "templates"
    shutil.copytree(SHIPPED, dest, ignore=shutil.ignore_patterns("__*"))
    _SNAPSHOT[:] = [dest]
    yield
    _SNAPSHOT.clear()


def _build(out: Path, *args: str, articles: Path = SEED) -> Path:
    """``studykit anki`` into ``out`` (with the templates snapshot unless ``-t`` is given)."""
    templates = [] if "-t" in args else ["-t", str(_SNAPSHOT[0])]
    _cli("anki", str(articles), "-o", str(out), "--deck", "Seed", *templates, *args)
    return out


@pytest.fixture(scope="module")
def seed_results():  # type: ignore[no-untyped-def]
    """Questions from the seed articles with the templates snapshot."""
    from studykit.pipeline import run

    return run([str(SEED)], [str(_SNAPSHOT[0])])


def _fields(col, nid: int) -> list[str]:  # type: ignore[no-untyped-def]
    return list(col.get_note(nid).fields)


def _question(**kw: object) -> Question:
    base: dict[str, object] = dict(
        id="0123456789abcdef", kind="short", question="Q?", answer="A", choices=(),
        article="a.txt", article_id="a", article_date="2020-11-10", article_title="Title",
        when="2020-11-10", sentence="A sentence.", start=0, end=11, template="tpl",
        tags=("studykit",),
    )  # fmt: skip
    base.update(kw)
    return Question(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed_apkg(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The seed deck, built once through the CLI, for the tests that only import it."""
    return _build(tmp_path_factory.mktemp("seed") / "seed.apkg")


@pytest.fixture()
def col(tmp_path):  # type: ignore[no-untyped-def]
    c = new_collection(tmp_path)
    yield c
    c.close()


# --- The seed deck in Anki -------------------------------------------------------------------


def test_seed_deck_imports_and_every_card_renders_front_and_back(seed_apkg, col, seed_results):
    counts = import_counts(import_apkg(col, seed_apkg))
    questions, _ = seed_results
    assert counts["new"] == col.note_count() == len({q.id for q in questions}) >= 20
    cards = rendered_cards(col)
    assert len(cards) == col.note_count()
    for front, back in cards:
        f, b = _strip(front), _strip(back)
        assert f and b and f != b


def test_note_types_are_the_fixed_ones(seed_apkg, col):
    import_apkg(col, seed_apkg)
    # These ids and field lists are promises to every collection that imported a deck.
    expected = {
        1742811301: (
            "studykit question",
            ["Question", "Answer", "Choices", "Source", "Context", "Article date"],
        ),  # fmt: skip
        1742811302: ("studykit cloze", ["Text", "Back Extra", "Source", "Article date"]),
    }
    for mid, (name, fields) in expected.items():
        model = col.models.get(mid)
        assert model is not None, name
        assert model["name"] == name
        assert [f["name"] for f in model["flds"]] == fields
    assert col.models.get(1742811302)["type"] == 1  # cloze
    assert [f["name"] for f in ak.MCQ_MODEL.fields] == [f["name"] for f in ak.QUESTION_MODEL.fields]
    assert (ak.QUESTION_MODEL_ID, ak.CLOZE_MODEL_ID, ak.MCQ_MODEL_ID) == (
        1742811301, 1742811302, 1742811303,
    )  # fmt: skip


def test_cloze_cards_show_the_blank_then_the_answer(seed_apkg, col):
    import_apkg(col, seed_apkg)
    cids = col.find_cards(f"mid:{ak.CLOZE_MODEL_ID}")
    assert len(cids) >= 5
    for cid in cids:
        card = col.get_card(cid)
        front, back = card.question(), card.answer()
        assert re.search(r'<span class="cloze"[^>]*>\[\.\.\.\]</span>', front), front
        answer = re.search(r'<span class="cloze"[^>]*>(.*?)</span>', back, re.S)
        assert answer and _strip(answer.group(1)) and "[...]" not in back
        text = card.note()["Text"]
        assert text.count("{{c1::") == 1 and text.count("}}") == 1


def test_the_back_shows_the_source_sentence_title_and_date(seed_apkg, col, seed_results):
    import_apkg(col, seed_apkg)
    questions, _ = seed_results
    by_guid = {ak.note_guid(q): q for q in questions}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        q = by_guid[card.note().guid]
        back = _strip(card.answer())
        assert ak.human_date(q.article_date) in back
        assert " ".join(q.article_title.split()) in " ".join(back.split())
        assert q.answer in back
        if q.kind != "cloze":
            assert q.sentence in back


def test_tags_follow_ankis_rules(seed_apkg, col, seed_results):
    import_apkg(col, seed_apkg)
    questions, _ = seed_results
    by_guid = {ak.note_guid(q): q for q in questions}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        q = by_guid[note.guid]
        assert all(t and not re.search(r"\s", t) for t in note.tags)
        want = {"studykit", ak.anki_tag(q.template), q.kind, ak.anki_tag(q.article_id)}
        if re.match(r"\d{4}", q.when):
            want.add(q.when[:4])
        assert want <= {t.lower() for t in note.tags}, (note.tags, want)


# --- Importing again -------------------------------------------------------------------------


def test_importing_the_same_build_twice_adds_and_updates_nothing(seed_apkg, col):
    first = import_counts(import_apkg(col, seed_apkg))
    second = import_counts(import_apkg(col, seed_apkg))
    assert second["new"] == second["updated"] == 0
    assert second["duplicate"] == first["new"] == col.note_count()


@pytest.mark.parametrize("same_path", [True, False])
def test_a_rebuild_without_a_change_is_a_no_op(tmp_path, col, same_path):
    first = _build(tmp_path / "a.apkg")
    import_apkg(col, first)
    time.sleep(1.1)  # a rebuild a second later must not look newer to Anki
    second = _build(tmp_path / ("a.apkg" if same_path else "b.apkg"))
    counts = import_counts(import_apkg(col, second))
    assert counts["new"] == counts["updated"] == 0
    assert counts["duplicate"] == col.note_count()


def test_a_users_changes_to_a_note_type_survive_reimport(tmp_path, col):
    templates = _copy_templates(tmp_path)
    import_apkg(col, _build(tmp_path / "a.apkg", "-t", str(templates)))
    model = col.models.get(ak.CLOZE_MODEL_ID)
    model["css"] += "\n.card { font-size: 30px; }"
    col.models.update_dict(model)
    _reword(templates)
    counts = import_counts(import_apkg(col, _build(tmp_path / "a.apkg", "-t", str(templates))))
    assert counts["updated"] > 0 and counts["new"] == 0
    assert col.models.get(ak.CLOZE_MODEL_ID)["css"].endswith(".card { font-size: 30px; }")


def test_builds_are_reproducible_with_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a = _build(tmp_path / "a.apkg").read_bytes()
    b = _build(tmp_path / "b.apkg").read_bytes()
    assert a == b
    assert _build(tmp_path / "a.apkg").read_bytes() == a  # over the previous build, too


def _copy_templates(tmp_path: Path) -> Path:
    dest = tmp_path / "templates"
    shutil.copytree(_SNAPSHOT[0], dest)
    return dest


def _reword(templates: Path) -> Path:
    """Change the wording of the date cloze's prefix, as a template author fixing it would."""
    path = templates / "cloze.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'question: "(Reported {{ article.date | in_month }})"'
    assert text.count(old) == 1
    path.write_text(text.replace(old, 'question: "(As reported {{ article.date | in_month }})"'),
                    encoding="utf-8")  # fmt: skip
    return path


@pytest.mark.parametrize("mode", ["same output", "new output", "fixed SOURCE_DATE_EPOCH"])
def test_rewording_a_template_updates_notes_and_keeps_review_history(
    tmp_path, col, monkeypatch, mode
):
    if mode == "fixed SOURCE_DATE_EPOCH":
        # Every build gets the same time: only the content can tell that a note changed.
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    templates = _copy_templates(tmp_path)
    first = _build(tmp_path / "a.apkg", "-t", str(templates))
    assert import_counts(import_apkg(col, first))["new"] == col.note_count()
    reworded = col.find_notes('"Text:(Reported in*"')
    assert reworded

    studied = answer_first_card(col, "Seed")
    before = col.get_card(studied)
    history = col.db.scalar("select count() from revlog where cid = ?", studied)
    assert before.reps == 1 and history == 1
    notes_before = col.note_count()

    edited = _reword(templates)
    if mode == "new output":
        # Without a previous build to compare with, the newest input's time decides; an
        # author's edit comes later than the build before it.
        later = time.time() + 5
        os.utime(edited, (later, later))
    second = _build(tmp_path / ("b.apkg" if mode == "new output" else "a.apkg"),
                    "-t", str(templates))  # fmt: skip
    counts = import_counts(import_apkg(col, second))

    assert counts["new"] == 0
    if mode == "new output":
        assert counts["updated"] == col.note_count()  # the inputs' time is all there is
    else:
        # Compared with the previous build, only the notes whose text changed are newer:
        # the others, and any edit made to them in Anki, are left alone.
        assert counts["updated"] == len(reworded)
    assert col.note_count() == notes_before
    for nid in reworded:
        assert _fields(col, nid)[0].startswith("(As reported "), _fields(col, nid)[0]
    assert not col.find_notes('"Text:(Reported in*"')
    after = col.get_card(studied)
    assert (after.reps, after.ivl, after.due, after.type, after.queue) == (
        before.reps, before.ivl, before.due, before.type, before.queue,
    )  # fmt: skip
    assert col.db.scalar("select count() from revlog where cid = ?", studied) == history

    # And importing the rebuilt deck again changes nothing more.
    again = import_counts(import_apkg(col, second))
    assert again["new"] == again["updated"] == 0


# --- Field content ---------------------------------------------------------------------------

MARKUP_ARTICLE = """\
---
title: Peace <b>deal</b> & <script>alert(1)</script> talks
date: 2020-11-10
---
Russian President Vladimir Putin said the <b>bold</b> deal would send 1,960 peacekeepers \
to the region, a move the <script>alert("x")</script> crowd in Yerevan protested on Tuesday.
"""


def test_article_markup_appears_as_text(tmp_path, col):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "2020-11-10-markup.txt").write_text(MARKUP_ARTICLE, encoding="utf-8")
    import_apkg(col, _build(tmp_path / "m.apkg", articles=articles))
    cards = rendered_cards(col)
    assert cards
    seen_bold = False
    for front, back in cards:
        for side in (front, back):
            assert not re.search(r"<script|<b>|<i>", side, re.I), side
        seen_bold |= "&lt;b&gt;bold&lt;/b&gt;" in front + back
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in back  # the title, on every back
    assert seen_bold


def _with_front_matter(src: Path, title: str, source: str) -> str:
    """A seed article (`` date D body``) rewritten with a front-matter block."""
    date, body = src.read_text(encoding="utf-8").split(None, 2)[1:]
    return f"---\ntitle: {title}\ndate: {date}\nsource: {source}\n---\n{body}"


def test_the_back_links_to_the_articles_web_address_and_shows_any_other_source(tmp_path, col):
    seed = sorted(SEED.iterdir())
    articles = tmp_path / "articles"
    articles.mkdir()
    link = "https://example.org/story?id=1&page=2"
    (articles / "linked.md").write_text(
        _with_front_matter(seed[0], "Ceasefire agreed", link), encoding="utf-8"
    )
    (articles / "unlinked.md").write_text(
        _with_front_matter(seed[2], "Forces disband", "javascript:alert(1)"), encoding="utf-8"
    )
    import_apkg(col, _build(tmp_path / "s.apkg", articles=articles))
    backs = [back for _front, back in rendered_cards(col)]
    linked = [b for b in backs if "Ceasefire agreed" in b]
    unlinked = [b for b in backs if "Forces disband" in b]
    assert linked and unlinked
    for back in linked:
        assert '<a href="https://example.org/story?id=1&amp;page=2">Ceasefire agreed</a>' in back
    for back in unlinked:
        assert "<a " not in back and "Forces disband — javascript:alert(1)" in back


def test_cloze_syntax_in_article_text_cannot_break_the_cloze(tmp_path, col):
    q = _question(
        kind="cloze",
        question="Ratio a::b set {{x}} on _____ [sound:x.mp3].",
        answer="C::D}}e",
        # As generation escapes it: a zero-width space inside "::", "{{" and "}}".
        cloze="Ratio a:\u200b:b set {\u200b{x}\u200b} on {{c1::C:\u200b:D}\u200b}e}}"
        " [sound:x.mp3].",
        sentence="Ratio a::b set {{x}} on C::D}}e [sound:x.mp3].",
    )
    ak.write_deck([q], str(tmp_path / "c.apkg"), "Cloze", 1_700_000_000)
    import_apkg(col, tmp_path / "c.apkg")
    (front, back), = rendered_cards(col)  # fmt: skip
    assert _strip(front).startswith("Ratio a::b set {{x}} on [...] [sound:x.mp3].")
    assert "Ratio a::b set {{x}} on C::D}}e [sound:x.mp3]." in _strip(back)
    assert "[anki:play" not in front + back


def test_numbers_and_dates_appear_as_written(seed_apkg, col, seed_results):
    import_apkg(col, seed_apkg)
    texts = " ".join(_strip(b) for _, b in rendered_cards(col))
    assert "1,960" in texts
    assert re.search(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September"
                     r"|October|November|December) \d{4}\b", texts)  # fmt: skip
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", texts)


def test_multiple_choice_marks_the_answer_only_on_the_back(tmp_path, col):
    q = _question(kind="mcq", question="Who signed it?", answer="Vladimir Putin",
                  choices=("Nikol Pashinyan", "Ilham Aliyev", "Recep Erdogan"))  # fmt: skip
    ak.write_deck([q], str(tmp_path / "m.apkg"), "MCQ", 1_700_000_000)
    import_apkg(col, tmp_path / "m.apkg")
    (front, back), = rendered_cards(col)  # fmt: skip
    for name in ("Vladimir Putin", "Nikol Pashinyan", "Ilham Aliyev", "Recep Erdogan"):
        assert name in front and name in back
    front, back = (re.sub(r"<style>.*?</style>", "", side, flags=re.S) for side in (front, back))
    assert "sk-revealed" not in front and "sk-revealed" in back
    assert re.search(r'<li class="correct">Vladimir Putin</li>', back)
    # The front's CSS must not style the answer: only ".sk-revealed li.correct" does.
    assert re.findall(r"[^}\n]*li\.correct[^{]*\{", ak.CSS) and all(
        ".sk-revealed li.correct" in rule
        for rule in re.findall(r"[^}\n]*li\.correct[^{]*\{", ak.CSS)
    )


def test_night_mode_has_its_own_palette():
    for selector in (
        ".card.nightMode",
        ".nightMode .card",
        ".card.night_mode",
        ".night_mode .card",
    ):
        assert selector in ak.CSS
    # Colours come from the palette, so night mode cannot miss one.
    rules = re.sub(r"--sk-[\w-]+:\s*#[0-9a-f]+;?", "", ak.CSS)
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", rules)
    # The article's title is a link on the back: the browser's own blue would be dark on
    # night mode's dark ground.
    assert re.search(r"\.sk a\s*\{[^}]*color:\s*var\(--sk-accent\)", ak.CSS)


# --- Decks -----------------------------------------------------------------------------------


def test_subdecks_per_article(tmp_path, col, seed_results):
    import_apkg(col, _build(tmp_path / "s.apkg", "--subdecks", "article"))
    questions, _ = seed_results
    names = {d.name for d in col.decks.all_names_and_ids()}
    titles = {q.article_id: ak.deck_part(q.article_title) for q in questions}
    assert "Seed" in names
    assert {f"Seed::{t}" for t in titles.values()} <= names
    by_guid = {ak.note_guid(q): q for q in questions}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        q = by_guid[card.note().guid]
        assert col.decks.name(card.did) == f"Seed::{titles[q.article_id]}"


def test_deck_ids_and_names_are_stable():
    q = _question(article_title="Talks:: in  Moscow\n")
    decks = ak.build_decks([q], "Root", "article")
    again = ak.build_decks([q], "Root", "article")
    assert [(d.deck_id, d.name) for d in decks] == [(d.deck_id, d.name) for d in again]
    assert [d.name for d in decks] == ["Root", "Root::Talks: in Moscow"]
    assert decks[1].deck_id == ak.deck_id("Root::Talks: in Moscow")
    assert len({d.deck_id for d in decks}) == 2
    assert ak.deck_name_for(_question(article_title=""), "Root", "article") == "Root::a"


def test_deck_name_defaults_to_the_articles_folder(tmp_path, col):
    articles = tmp_path / "world_news"
    shutil.copytree(SEED, articles)
    _cli("anki", str(articles), "-o", str(tmp_path / "w.apkg"), "-t", str(_SNAPSHOT[0]))
    import_apkg(col, tmp_path / "w.apkg")
    assert "World News" in {d.name for d in col.decks.all_names_and_ids()}


# --- Text export -----------------------------------------------------------------------------


def _read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    body = [ln for ln in lines if not ln.startswith("#")]
    return header, list(csv.reader(body, delimiter="\t"))


def test_tsv_parses_back_and_imports_into_anki_without_duplicates(tmp_path, col, seed_results):
    out = tmp_path / "seed.txt"
    _build(out, "--format", "tsv")
    header, rows = _read_tsv(out)
    assert header[:2] == ["#separator:tab", "#html:false"]
    assert "#guid column:4" in header and "#tags column:3" in header
    questions, _ = seed_results
    assert len(rows) == len({q.id for q in questions})
    assert all(len(r) == 4 and r[0] and r[1] and r[3] for r in rows)
    assert len({r[3] for r in rows}) == len(rows)

    first = import_counts(import_tsv(col, out))
    assert first["new"] == len(rows) == col.note_count()
    note = col.get_note(col.find_notes("")[0])
    assert note.note_type()["name"] == "Basic"
    assert col.decks.name(col.get_card(note.card_ids()[0]).did) == "Seed"
    again = import_counts(import_tsv(col, out))
    assert again["new"] == 0 and col.note_count() == len(rows)


def test_tsv_reworded_template_updates_and_markup_stays_text(tmp_path, col):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "2020-11-10-markup.txt").write_text(MARKUP_ARTICLE, encoding="utf-8")
    templates = _copy_templates(tmp_path)
    out = tmp_path / "m.txt"
    _cli("anki", str(articles), "-t", str(templates), "-o", str(out), "--format", "tsv",
         "--subdecks", "article")  # fmt: skip
    assert import_counts(import_tsv(col, out))["new"] == col.note_count() > 0
    fronts = " ".join(col.get_note(n)["Front"] for n in col.find_notes(""))
    assert "&lt;b&gt;bold&lt;/b&gt;" in fronts and "<b>" not in fronts
    deck_names = {d.name for d in col.decks.all_names_and_ids()}
    assert any(n.startswith("Articles::Peace") for n in deck_names), deck_names

    _reword(templates)
    _cli("anki", str(articles), "-t", str(templates), "-o", str(out), "--format", "tsv",
         "--subdecks", "article")  # fmt: skip
    count = col.note_count()
    counts = import_counts(import_tsv(col, out))
    assert counts["new"] == 0 and counts["updated"] >= 1 and col.note_count() == count
    assert col.find_notes('"Front:(As reported*"')


def test_tsv_quotes_only_cells_that_anki_would_misread():
    q = _question(question='"Quoted" start\tand tab', answer="#1\nline", sentence='Say "hi".')
    row = ak.to_tsv([q], "D").splitlines()[-1].split("\t")
    assert row[0] == '"""Quoted"" start and tab"'
    assert row[1].startswith('#1 line — “Say "hi".”')
    (front,) = ak.to_tsv([_question(question="#1 question")], "D").splitlines()[-1:]
    assert front.startswith('"#1 question"\t')


def test_tsv_cells_read_back_by_anki_as_written(tmp_path, col):
    qs = [
        _question(id="1" * 16, question='"Quoted" at the start', answer='a "b" <i>c</i> & d'),
        _question(id="2" * 16, question="#1 is not a comment", answer="x\ty"),
        _question(id="3" * 16, question='Mid "quote" [1]', answer="1,960"),
    ]
    path = tmp_path / "q.txt"
    path.write_text(ak.to_tsv(qs, "D"), encoding="utf-8")
    assert import_counts(import_tsv(col, path))["new"] == 3
    got = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        got[html.unescape(note["Front"])] = note
    assert set(got) == {'"Quoted" at the start', "#1 is not a comment",
                        'Mid "quote" [1]'}  # fmt: skip
    assert html.unescape(got['"Quoted" at the start']["Back"]).startswith('a "b" <i>c</i> & d — ')
    assert "<i>" not in got['"Quoted" at the start']["Back"]
    assert got["#1 is not a comment"]["Back"].startswith("x y — ")
    assert {n.guid for n in got.values()} == {ak.tsv_guid(q) for q in qs}


# --- Pieces ----------------------------------------------------------------------------------


def test_note_times_keep_unchanged_notes_and_advance_changed_ones():
    prev = {"a": (1, "x", " t ", 500), "b": (1, "y", " t ", 500), "c": (1, "z", " t ", 900)}
    notes = [
        ("a", 1, "x", " t "),
        ("b", 1, "CHANGED", " t "),
        ("c", 1, "z", " u "),
        ("d", 1, "w", ""),
    ]
    assert list(ak.note_times(notes, 700, prev)) == [500, 700, 901, 700]


def test_guid_comes_from_the_fact_not_the_wording():
    a = _question(question="Who led it?", answer="X")
    b = _question(question="Who was in charge?", answer="X ")
    assert ak.note_guid(a) == ak.note_guid(b)
    assert ak.note_guid(a) != ak.note_guid(_question(id="fedcba9876543210"))


_WILDFIRE = (
    "date 2024-02-05 Chilean President Gabriel Boric declared two days of national mourning "
    "on Monday after wildfires swept through the coastal region of Valparaiso.\n\n"
    "At least 112 people were killed and 1,600 homes were destroyed, officials said. The "
    "fires began on Friday in the hills above Vina del Mar.\n\n"
    "Rescuers said 112 people were still missing in the hills.\n"
)


def _cloze_guids(text: str) -> dict[tuple[str, str], str]:
    """The cloze notes' GUIDs of one article, by (answer, its sentence's first word)."""
    from studykit.articles import parse_article
    from studykit.generate import generate_article
    from studykit.templates import load_templates

    result = generate_article(parse_article(text, "fires.txt"), load_templates())
    guids = {
        (q.answer, q.sentence.split()[0]): ak.note_guid(q)
        for q in result.questions
        if q.kind == "cloze"
    }
    assert len(guids) == sum(q.kind == "cloze" for q in result.questions)
    return guids


def test_rewording_a_sentence_keeps_its_cloze_notes():
    before = _cloze_guids(_WILDFIRE)
    after = _cloze_guids(_WILDFIRE.replace("were killed", "died").replace("above", "over"))
    # The edited sentence still blanks the same 112 and 1,600: the same notes.
    assert after[("112", "At")] == before[("112", "At")]
    assert after[("1,600", "At")] == before[("1,600", "At")]
    assert after == before
    # A different blank, or the same value in another sentence, is another note.
    assert before[("112", "At")] != before[("1,600", "At")]
    assert before[("112", "At")] != before[("112", "Rescuers")]
    assert len(set(before.values())) == len(before)
    assert before == _cloze_guids(_WILDFIRE)  # and the same every run


def test_helpers():
    assert ak.anki_tag("my tag::x") == "my_tag_x"
    assert ak.human_date("2020-11-01") == "1 November 2020"
    assert ak.human_date("2020-W45") == "2020-W45"
    assert ak.cloze_text("a:::b {c}") == "a:&#58;:b &#123;c&#125;"
    assert ak.field_text("<b>&</b> [sound:x.mp3] [$]x[/$]") == (
        "&lt;b&gt;&amp;&lt;/b&gt; &#91;sound:x.mp3] &#91;$]x&#91;/$]"
    )


def test_multiple_choice_options_are_printed_alike():
    """A relative date's answer carries what it resolved to; among plain wrong dates it is
    printed plain, or its form would give it away."""
    from studykit.model import Question

    q = Question(
        id="m1", kind="mcq", question="Bailey was appointed only when?",
        answer="last month (February 2020)", choices=("January 2020", "December 2019",
        "March 2020"), article="a.txt", article_id="a", article_date="2020-03-11",
        article_title="", when="2020-02", sentence="", start=0, end=0, template="t", tags=(),
        answer_kind="date",
    )  # fmt: skip
    choices = ak._choices_html(q)
    assert '<li class="correct">February 2020</li>' in choices
    assert "last month" not in choices and choices.count("<li") == 4
    assert "last month" not in ak.tsv_front(q) and "February 2020" in ak.tsv_front(q)


def test_a_text_file_name_writes_text_unless_told_otherwise(tmp_path):
    for name, fmt, magic in (("a.txt", [], b"#separator:tab"), ("b.tsv", [], b"#separator:tab"),
                             ("c.txt", ["--format", "apkg"], b"PK")):  # fmt: skip
        out = tmp_path / name
        result = CliRunner().invoke(main, ["anki", str(SEED), "-o", str(out), *fmt])
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(magic), name


def test_no_command_writes_over_another_commands_output(tmp_path):
    """A slip of the finger ("-o quiz.html" to anki, "-o deck.apkg" to questions) is a usage
    error, and the file already there is left as it was."""
    for command, name in (("anki", "quiz.html"), ("anki", "q.pdf"), ("anki", "q.csv"),
                          ("questions", "deck.apkg"), ("questions", "quiz.html")):  # fmt: skip
        out = tmp_path / name
        out.write_bytes(b"keep me")
        result = CliRunner().invoke(main, [command, str(SEED), "-o", str(out)])
        assert result.exit_code == 2, (command, name, result.output)
        assert "is the name of a" in result.output
        assert out.read_bytes() == b"keep me"
