"""Shared fixtures: the project's folders and a built seed deck."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "seed"
ARTICLES = ROOT / "articles"


@pytest.fixture(scope="session")
def seed_results():
    """Questions from the seed articles with the shipped templates."""
    from studykit.pipeline import run

    questions, results = run([str(SEED)])
    return questions, results
