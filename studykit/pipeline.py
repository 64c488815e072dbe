"""The whole path: article paths → loaded articles → questions, collecting problems.

Articles are streamed: each one is loaded, annotated and turned into candidate questions, and
only what selection needs (its questions and its distractor pool) is kept, so memory grows with
the number of questions, not with the text read. ``jobs`` spreads articles over processes;
results are always taken back in input order, so the output does not depend on ``jobs``.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from studykit.articles import find_articles, load_article
from studykit.errors import StudykitError
from studykit.model import Article, Question, replace

if TYPE_CHECKING:  # generation needs jinja2 and regex: ``studykit dates`` does not load them
    from studykit.generate import ArticleResult
    from studykit.templates import Template

# A task sent to a worker process holds articles totalling about this many characters: big
# enough that pickling and messaging cost little next to the work, small enough to balance.
BATCH_CHARS = 8_000
BATCH_ARTICLES = 64
IN_FLIGHT_PER_JOB = 4  # batches queued per worker: keeps workers busy, bounds memory


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


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not available on macOS and Windows
        return max(1, os.cpu_count() or 1)


def generate_one(article: Article, templates: list[Template], keep_body: bool) -> ArticleResult:
    """``slim(generate_article(article, templates), keep_body)``; should studykit fail on
    this article (a bug), the failure is reported at the end and the article gives nothing,
    so that one article cannot end the run for all the others."""
    from studykit.errors import defer, internal_error
    from studykit.generate import ArticleResult, generate_article

    try:
        return slim(generate_article(article, templates), keep_body)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported, and the run goes on
        defer(internal_error(exc, article.path, article.body_line))
        return slim(ArticleResult(article, ()), keep_body)


def slim(result: ArticleResult, keep_body: bool = True) -> ArticleResult:
    """Drop what selection does not need: the annotated sentences and, unless asked, the body."""
    article = result.article if keep_body else replace(result.article, body="")
    return replace(result, article=article, sentences=())


# Templates of a worker process. With the "fork" start method the parent's templates are
# inherited; otherwise each worker loads them once from the same folders.
_worker_state: tuple[tuple[str, ...] | None, list[Template]] | None = None


def _init_worker(template_dirs: tuple[str, ...] | None) -> None:
    from studykit.templates import load_templates

    global _worker_state
    if _worker_state is None or _worker_state[0] != template_dirs:
        dirs = list(template_dirs) if template_dirs else None
        # The bad templates' problems were reported by the parent: the good ones are used.
        _worker_state = (template_dirs, load_templates(dirs, []))


def _work(batch: list[Article], keep_body: bool) -> tuple[list[ArticleResult], list[StudykitError]]:
    from studykit.errors import take_deferred

    assert _worker_state is not None, "worker started without _init_worker"
    templates = _worker_state[1]
    results = [generate_one(a, templates, keep_body) for a in batch]
    # Problems found mid-run (a template's regex that ran out of time) travel back with the
    # results, so that a run with --jobs reports them as a run in one process does.
    return results, take_deferred()


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    size = 0
    for a in articles:
        batch.append(a)
        size += len(a.body)
        if size >= BATCH_CHARS or len(batch) >= BATCH_ARTICLES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def generate(
    articles: Iterable[Article],
    templates: list[Template],
    template_dirs: list[str] | None = None,
    jobs: int = 1,
    keep_body: bool = True,
    on_done: Callable[[int, int], None] | None = None,
) -> Iterator[ArticleResult]:
    """Candidate questions of each article, slimmed (see ``slim``), in input order.

    ``templates`` must be ``load_templates(template_dirs)``: worker processes that cannot
    inherit them load them again from ``template_dirs``. ``on_done(articles, chars)`` is
    called as articles are finished (for progress bars).
    """
    batches = _batches(articles)
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None) if jobs > 1 else None

    def here(batch: list[Article]) -> Iterator[ArticleResult]:
        for a in batch:
            yield generate_one(a, templates, keep_body)
            if on_done is not None:
                on_done(1, len(a.body))

    # The first batch is done here, before the workers start: it pays the one-time costs
    # (the tagger's grammar, compiled regexes, template renderers) once, and workers that
    # are forked inherit them instead of paying them again each.
    yield from here(first)
    if second is None:
        # One process: either asked for, or too little work to be worth starting workers.
        for batch in batches:
            yield from here(batch)
        return

    import multiprocessing

    global _worker_state
    key = tuple(template_dirs) if template_dirs else None
    _worker_state = (key, templates)  # inherited by forked workers: no second load
    pending: deque[tuple[object, int, int]] = deque()
    with multiprocessing.get_context().Pool(jobs, _init_worker, (key,)) as pool:
        for batch in _chain(second, batches):
            task = pool.apply_async(_work, (batch, keep_body))
            pending.append((task, len(batch), sum(len(a.body) for a in batch)))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from _take(pending, on_done)
        while pending:
            yield from _take(pending, on_done)


def _chain(first: list[Article], rest: Iterator[list[Article]]) -> Iterator[list[Article]]:
    yield first
    yield from rest


def _take(
    pending: deque[tuple[object, int, int]], on_done: Callable[[int, int], None] | None
) -> list[ArticleResult]:
    from studykit.errors import defer

    task, n, chars = pending.popleft()
    results, deferred = task.get()  # type: ignore[attr-defined]
    for problem in deferred:
        defer(problem)
    if on_done is not None:
        on_done(n, chars)
    return results


def _results(
    paths: list[str],
    template_dirs: list[str] | None,
    strict: bool,
    report: Report | None,
    jobs: int,
    keep_body: bool = True,
    on_done: Callable[[int, int], None] | None = None,
) -> Iterator[ArticleResult]:
    """Each article's candidate questions, as ``generate`` streams them.

    A bad template is reported in ``report`` and left out, and the good ones are used, as
    for articles; with ``strict`` the templates' problems are raised before any article.
    """
    from studykit.templates import load_templates

    report = report if report is not None else Report()
    if strict:
        templates = load_templates(template_dirs)
    else:
        templates = load_templates(template_dirs, report.problems)
    articles = iter_articles(paths, report, strict)
    return generate(articles, templates, template_dirs, jobs, keep_body, on_done)


def generate_questions(
    paths: list[str],
    template_dirs: list[str] | None = None,
    seed: int = 0,
    max_per_article: int | None = None,
    strict: bool = False,
    report: Report | None = None,
    jobs: int = 1,
    on_done: Callable[[int, int], None] | None = None,
) -> list[Question]:
    """The selected questions for the articles under ``paths``, streaming the articles.

    Nothing of an article but its questions and distractor pool outlives its turn, so this is
    the way to go through a large archive; ``run`` also returns every article.
    """
    from studykit.select import select

    results = _results(paths, template_dirs, strict, report, jobs, keep_body=False,
                       on_done=on_done)  # fmt: skip
    return select(results, seed=seed, max_per_article=max_per_article)


def run(
    paths: list[str],
    template_dirs: list[str] | None = None,
    seed: int = 0,
    max_per_article: int | None = None,
    strict: bool = False,
    report: Report | None = None,
    jobs: int = 1,
) -> tuple[list[Question], list[ArticleResult]]:
    """Generate and select questions for the articles under ``paths``.

    Also returns each article's result (with its article, but without annotated sentences).
    """
    from studykit.select import select

    results = list(_results(paths, template_dirs, strict, report, jobs))
    return select(results, seed=seed, max_per_article=max_per_article), results
