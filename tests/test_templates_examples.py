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
