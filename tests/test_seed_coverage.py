"""The deck from the seed articles teaches the facts in seed-expectations.yaml."""

from __future__ import annotations

import yaml

from conftest import DATA


def _norm(s: str) -> str:
    return s.strip().rstrip(".").strip().lower()


def covered(fact: dict, questions: list) -> bool:
    answers = {_norm(str(a)) for a in fact["answer"]}
    for q in questions:
        if _norm(q.answer) in answers and all(
            p.lower() in q.question.lower() for p in fact["question_has"]
        ):
            return True
    return False


def test_seed_expectations_are_all_taught(seed_results):
    questions, _ = seed_results
    spec = yaml.safe_load((DATA / "seed-expectations.yaml").read_text())
    total = hit = 0
    missed = []
    for entry in spec:
        qs = [q for q in questions if q.article == entry["article"]]
        for fact in entry["facts"]:
            total += 1
            if covered(fact, qs):
                hit += 1
            else:
                missed.append((entry["article"], fact))
    assert total == 23
    # The expectations ask for 90 percent; the deck teaches every one, and the README says so.
    assert hit == total, f"covered {hit}/{total}; missed: {missed}"
