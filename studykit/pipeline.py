"""The whole path: article paths → loaded articles → questions, collecting problems."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from studykit.articles import find_articles, load_article
from studykit.errors import StudykitError
from studykit.generate import ArticleResult, generate_article
from studykit.model import Article, Question
from studykit.select import select
from studykit.templates import Template, load_templates


@dataclass
class Report:
    """Problems found on the way (each already ``path:line: message``) and skipped files."""

    problems: list[StudykitError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def iter_articles(paths: list[str], report: Report, strict: bool = False) -> Iterator[Article]:
    """Load articles one at a time (streamed), reporting bad ones and going on."""
    files = find_articles(paths, report.skipped, None if strict else report.problems)
    for f in files:
        try:
            yield load_article(f)
        except StudykitError as exc:
            if strict:
                raise
            report.problems.append(exc)


def run(
    paths: list[str],
    template_dirs: list[str] | None = None,
    seed: int = 0,
    max_per_article: int | None = None,
    strict: bool = False,
    report: Report | None = None,
) -> tuple[list[Question], list[ArticleResult]]:
    """Generate and select questions for the articles under ``paths``."""
    report = report if report is not None else Report()
    templates = load_templates(template_dirs)
    results = [generate_article(a, templates) for a in iter_articles(paths, report, strict)]
    return select(results, seed=seed, max_per_article=max_per_article), results


def templates_for(template_dirs: list[str] | None) -> list[Template]:
    return load_templates(template_dirs)
