"""Every example of every rule in the temporal grammar's resources is a test."""

from __future__ import annotations

import re

import pytest

from studykit.timex.engine import default_engine, tag_with_rules

_RULES = default_engine().rules
_CASES = [
    pytest.param(rule, ex, id=f"{rule.name}:{ex.line}") for rule in _RULES for ex in rule.examples
]


@pytest.mark.parametrize(("rule", "example"), _CASES)
def test_rule_example(rule, example):
    found = tag_with_rules(example.text, example.dct)
    if example.span is None:
        assert not [t for t in found if t.rule == rule.name], found
        return
    start = example.text.index(example.span)
    end = start + len(example.span)
    match = [t for t in found if t.timex.start == start and t.timex.end == end]
    assert match, f"{example.span!r} not found in {[t.timex for t in found]}"
    t = match[0]
    assert t.rule == rule.name
    assert (t.timex.type, t.timex.value) == (example.type, example.value)
    if example.mod is not None:
        assert t.timex.mod == example.mod


def test_every_rule_has_examples():
    assert all(rule.examples for rule in _RULES)


def test_capital_letters_are_asked_for_case_sensitively():
    """Rules are compiled case-insensitively, so a bare ``[A-Z]`` matches any letter: a rule
    that means a capital ("March for Life", not "March for health reasons") needs
    ``(?-i:[A-Z])``. This once kept "in March for ..." and "agreed in June to ..." out."""
    offenders = []
    for rule in _RULES:
        bare = re.sub(r"\(\?-i:(?:[^()]|\([^()]*\))*\)", "", rule.pattern)
        if "[A-Z" in bare:
            offenders.append(rule.name)
    assert offenders == []
