"""Build from the seed articles through the CLI and check the deck in real Anki."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from studykit.cli import main

from ankitools import import_apkg, new_collection, rendered_cards
from conftest import ARTICLES


def _strip(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html).strip()


def test_build_writes_three_outputs_and_deck_imports_into_anki(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(ARTICLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("deck.apkg", "quiz.html", "questions.jsonl"):
        assert (out / name).stat().st_size > 0
    col = new_collection(tmp_path)
    import_apkg(col, out / "deck.apkg")
    assert col.note_count() >= 20
    cards = rendered_cards(col)
    assert len(cards) >= col.note_count()
    for front, back in cards:
        f, b = _strip(front), _strip(back)
        assert f and b and f != b
    col.close()


def test_questions_jsonl_has_the_documented_fields(tmp_path):
    result = CliRunner().invoke(main, ["questions", str(ARTICLES)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) >= 20
    required = {"id", "kind", "question", "answer", "choices", "article", "article_date", "when",
                "sentence", "start", "end", "template", "tags", "article_title",
                "article_source"}  # fmt: skip
    bodies = {}
    for row in rows:
        assert required <= row.keys()
        if row["article"] not in bodies:
            from studykit.articles import load_article

            bodies[row["article"]] = load_article(ARTICLES / row["article"]).body
        assert bodies[row["article"]][row["start"] : row["end"]] == row["sentence"]
        assert row["article_source"] is None  # the seed format has no front matter
        assert row["answer"] not in row["choices"]
        if row["kind"] == "cloze":
            assert "_____" in row["question"] and "{{c1::" in row["cloze"]
        # The options as printed: the answer in the choices' form, none of them twice.
        assert ("mcq" in row) == bool(row["choices"])
        if row["choices"]:
            options = [row["mcq"]["answer"], *row["mcq"]["choices"]]
            assert len(set(options)) == 4, row
            assert all(("(" in o) == ("(" in options[0]) for o in options), row
            # The answer beside its choices is in their form, as printed.
            assert [row["answer"], *row["choices"]] == options, row


def test_a_glossed_answer_is_printed_in_its_choices_form(tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2023-11-13 Azerbaijan retook the region three years ago after a six-week war. "
        "This decision comes in the wake of Azerbaijan demanding a full surrender three years "
        "ago, officials said on Monday.\n"
    )
    result = CliRunner().invoke(main, ["questions", str(tmp_path)])
    rows = [json.loads(line) for line in result.output.splitlines()]
    glossed = [r for r in rows if r.get("answer_written", "").endswith("(2020)")]
    assert glossed, rows
    for r in glossed:
        assert r["choices"] and "2020" in r["answer"] and "(" not in r["answer"], r
        assert r["answer"] == r["mcq"]["answer"], r


def test_same_seed_same_output(tmp_path):
    runner = CliRunner()
    a = runner.invoke(main, ["build", str(ARTICLES), "-o", str(tmp_path / "a"), "--seed", "3"])
    b = runner.invoke(main, ["build", str(ARTICLES), "-o", str(tmp_path / "b"), "--seed", "3"])
    assert a.exit_code == b.exit_code == 0
    for name in ("quiz.html", "questions.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for cmd in ("build", "questions", "anki", "quiz", "dates", "templates", "explain"):
        assert re.search(rf"^\s+{cmd}\b", result.output, re.M), cmd


def test_questions_csv_and_text_formats_carry_the_same_questions():
    import csv
    import io

    runner = CliRunner()
    jsonl = runner.invoke(main, ["questions", str(ARTICLES)])
    as_csv = runner.invoke(main, ["questions", str(ARTICLES), "--format", "csv"])
    text = runner.invoke(main, ["questions", str(ARTICLES), "--format", "text"])
    assert jsonl.exit_code == as_csv.exit_code == text.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    ids = [json.loads(line)["id"] for line in jsonl.output.splitlines()]
    assert [r["id"] for r in rows] == ids
    assert text.output.count("   answer: ") == len(ids)
    # Wrong choices a bar apart (a date holds a comma), as the quiz and the deck print them.
    from types import SimpleNamespace

    from studykit.export.options import mcq_options

    cards = [json.loads(line) for line in jsonl.output.splitlines()]
    assert [r["answer"] for r in rows] == [c["answer"] for c in cards]
    assert [r["answer_written"] for r in rows] == [c.get("answer_written", "") for c in cards]
    for q in (SimpleNamespace(**c) for c in cards if c["choices"]):
        right, wrong = mcq_options(q)  # reads the answer and the choices only
        assert f"   wrong choices: {' | '.join(wrong)}\n" in text.output, q.question
    # An answer the article words otherwise is shown as printed, on a line of its own.
    written = [c for c in cards if c.get("answer_written")]
    assert written
    for c in written:
        assert f"   answer: {c['answer_written']}\n   printed as: {c['answer']}\n" in text.output


def test_max_per_article_limits_each_article():
    result = CliRunner().invoke(main, ["questions", str(ARTICLES), "--max-per-article", "2"])
    assert result.exit_code == 0
    articles = [json.loads(line)["article"] for line in result.output.splitlines()]
    assert len(articles) == 6 and all(articles.count(a) == 2 for a in set(articles))


def test_quiz_takes_max_per_article_too(tmp_path):
    out = tmp_path / "q.html"
    args = ["quiz", str(ARTICLES), "-o", str(out), "--max-per-article", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert re.search(r"^3 questions → ", result.stderr, re.M), result.stderr


def test_max_per_article_must_be_at_least_one(tmp_path):
    out = {"anki": ["-o", str(tmp_path / "x.apkg")], "build": ["-o", str(tmp_path)]}
    for n in ("0", "-3"):
        for cmd in ("questions", "anki", "build"):
            args = [cmd, str(ARTICLES), *out.get(cmd, []), "--max-per-article", n]
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 2, (cmd, n)
            assert "--max-per-article" in result.output and "x>=1" in result.output
    assert not list(tmp_path.iterdir())


def test_questions_format_follows_the_output_name_unless_given(tmp_path):
    starts = {"q.csv": "id,kind,", "q.jsonl": '{"id": ', "q.json": '{"id": ', "q.txt": "1. ["}
    for name, start in starts.items():
        out = tmp_path / name
        result = CliRunner().invoke(main, ["questions", str(ARTICLES), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith(start), name
    out = tmp_path / "q.csv"
    args = ["questions", str(ARTICLES), "-o", str(out), "--format", "jsonl"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith('{"id": ')


def test_no_articles_given_reads_articles_and_says_so(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(ARTICLES, tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["anki", "-o", "x.apkg"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == "studykit: no ARTICLES given, so reading articles/"
    shutil.rmtree(tmp_path / "articles")
    result = CliRunner().invoke(main, ["questions"])
    assert result.exit_code == 2 and "no ARTICLES given and there is no articles/ folder" in (
        result.output
    )


def test_choices_are_taken_in_any_case(tmp_path):
    runs = [
        ["quiz", str(ARTICLES), "-o", str(tmp_path / "q.html"), "--paper", "A4"],
        ["quiz", str(ARTICLES), "-o", str(tmp_path / "l.html"), "--paper", "Letter"],
        ["anki", str(ARTICLES), "-o", str(tmp_path / "d.txt"), "--format", "TSV"],
        ["anki", str(ARTICLES), "-o", str(tmp_path / "d.apkg"), "--subdecks", "Article"],
        ["questions", str(ARTICLES), "-o", str(tmp_path / "q.out"), "--format", "CSV"],
    ]
    for args in runs:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
    assert "size: A4" in (tmp_path / "q.html").read_text(encoding="utf-8")
    assert "size: letter" in (tmp_path / "l.html").read_text(encoding="utf-8")
    assert (tmp_path / "d.txt").read_text(encoding="utf-8").startswith("#separator:tab")
    assert (tmp_path / "q.out").read_text(encoding="utf-8").startswith("id,kind,")
