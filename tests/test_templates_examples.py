"""Every shipped template's examples, run as tests."""

from __future__ import annotations

import pytest

from studykit.examples import example_outputs
from studykit.templates import load_templates

TEMPLATES = load_templates()
CASES = [(t, ex) for t in TEMPLATES for ex in t.examples]


@pytest.mark.parametrize("template,example", CASES, ids=[f"{t.id}:{ex.line}" for t, ex in CASES])
def test_template_example(template, example):
    got = example_outputs(template, example.sentence, example.date.isoformat(), example.text)
    if example.no_match:
        assert got == []
    else:
        assert (example.question, example.answer) in got


def test_every_template_has_examples():
    assert TEMPLATES
    for t in TEMPLATES:
        assert t.examples, t.id


def _templates_test(path, text: str):
    """``studykit templates test`` on one template file holding ``text``."""
    from click.testing import CliRunner

    from studykit.cli import main

    path.write_text(text)
    result = CliRunner().invoke(main, ["templates", "test", str(path)])
    assert result.exit_code == 1
    return result


def test_a_failing_example_says_which_slot_was_not_found(tmp_path):
    path = tmp_path / "t.yaml"
    result = _templates_test(
        path,
        "- id: prize-winner\n  kind: short\n"
        "  match: '{person} won the {...:prize} on {date}'\n"
        "  question: 'Who won the {{ prize }}?'\n  answer: '{{ person }}'\n"
        "  examples:\n    - sentence: The team won the cup on Friday.\n"
        "      date: 2023-10-06\n      question: Who won the cup?\n      answer: The team\n",
    )
    assert result.stderr.splitlines()[0] == (
        f"{path}:7: prize-winner: expected 'Who won the cup?' → 'The team', got no question: "
        "no {person} found in the example sentence (it has: date 'Friday')"
    )


def test_a_failing_example_says_why_its_match_made_no_question(tmp_path):
    from click.testing import CliRunner

    from studykit.cli import main

    path = tmp_path / "t.yaml"
    result = _templates_test(
        path,
        "- id: party-leader\n  kind: short\n"
        "  match: '{org} leader {person}'\n"
        "  question: 'Who is {{ person }}, the {{ org }} leader?'\n  answer: '{{ person }}'\n"
        "  examples:\n"
        "    - sentence: National Party leader Christopher Luxon spoke in Auckland on Sunday.\n"
        "      date: 2023-10-15\n      question: Who led the National Party?\n"
        "      answer: Christopher Luxon\n"
        "    - sentence: Christopher Luxon, who leads the National Party, spoke on Sunday.\n"
        "      date: 2023-10-15\n      question: Who led the National Party?\n"
        "      answer: Christopher Luxon\n",
    )
    first, second = result.stderr.splitlines()[:2]
    assert first.endswith("got no question: it matched, but the question gives its answer away")
    assert second.endswith("got no question: its match does not fit the sentence's words")
    article = tmp_path / "a.txt"
    article.write_text("date 2023-10-15 National Party leader Christopher Luxon spoke on Sunday.\n")
    result = CliRunner().invoke(main, ["explain", str(article), "-t", str(path)])
    assert "~ party-leader: matched, but no question: the question gives its answer away" in (
        result.output
    ), result.output


@pytest.mark.parametrize(
    "match",
    [
        "The {...:what}, which lasted {duration}",
        "The {...:what} , which lasted: {duration}",
        "The {...:what} which lasted {duration}",
    ],
)
def test_punctuation_in_a_match_is_skipped_like_the_sentences(tmp_path, match):
    from click.testing import CliRunner

    from studykit.cli import main

    path = tmp_path / "t.yaml"
    path.write_text(
        "- id: strike-length\n  kind: short\n"
        f"  match: '{match}'\n"
        "  question: 'How long did the {{ what }} last, according to the report "
        "{{ article.date | in_month }}?'\n"
        "  answer: '{{ duration }}'\n"
        "  examples:\n"
        "    - sentence: The strike, which lasted 46 days, cost an estimated $3 billion.\n"
        "      date: 2024-02-10\n"
        "      question: How long did the strike last, according to the report in February 2024?\n"
        "      answer: 46 days\n"
    )
    result = CliRunner().invoke(main, ["templates", "test", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 passed, 0 failed" in result.output
