"""The ``studykit`` command line: a thin layer that parses options and calls the library.

Exit codes: 0 success, 1 problems in inputs (each printed as ``path:line: message``), 2 usage.
Heavy modules are imported inside commands so that ``studykit --help`` starts fast.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from studykit.errors import EXIT_INPUT, StudykitError

DEFAULT_ARTICLES = "articles"


def _default_articles(articles: tuple[str, ...]) -> list[str]:
    if articles:
        return list(articles)
    if os.path.isdir(DEFAULT_ARTICLES):
        return [DEFAULT_ARTICLES]
    raise click.UsageError("no ARTICLES given and there is no articles/ folder here")


def _report_problems(report: Any, verbose: bool) -> int:
    """Print problems (and, with --verbose, skipped files); return the exit status."""
    for p in report.problems:
        click.echo(str(p), err=True)
    if verbose:
        for s in report.skipped:
            click.echo(f"{s}: skipped (not an article: only .txt and .md are read)", err=True)
    return EXIT_INPUT if report.problems else 0


def handle_errors(f: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a StudykitError into its message on stderr and exit status 1, no traceback."""

    @wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except StudykitError as exc:
            click.echo(str(exc), err=True)
            sys.exit(EXIT_INPUT)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper


def _generate(
    articles: tuple[str, ...],
    templates: tuple[str, ...],
    seed: int,
    max_per_article: int | None,
    strict: bool,
) -> tuple[list[Any], Any, list[str]]:
    from studykit.pipeline import Report, run

    report = Report()
    paths = _default_articles(articles)
    questions, _ = run(paths, list(templates) or None, seed, max_per_article, strict, report)
    return questions, report, paths


_articles_arg = click.argument("articles", nargs=-1, type=click.Path())
_templates_opt = click.option(
    "-t", "--templates", "templates", multiple=True, type=click.Path(),
    help="Template folder or file (repeatable). Default: the shipped templates.",
)  # fmt: skip
_seed_opt = click.option("--seed", default=0, show_default=True, help="Seed for shuffling.")
_max_opt = click.option("--max-per-article", type=int, default=None,
                        help="Keep only the N best questions of each article.")  # fmt: skip
_strict_opt = click.option("--strict", is_flag=True,
                           help="Stop at the first bad input and write nothing.")  # fmt: skip
_verbose_opt = click.option("-v", "--verbose", is_flag=True, help="Also list skipped files.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="studykit")
def main() -> None:
    """Turn dated news articles into Anki decks and printable quizzes.

    \b
    Example:
      studykit build articles/ -o out/
    """


@main.command()
@_articles_arg
@_templates_opt
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(),
              help="Output folder.")  # fmt: skip
@_seed_opt
@_max_opt
@click.option("--deck", default=None, help="Deck name (default: the articles folder's name).")
@click.option("--title", default=None, help="Quiz title.")
@_strict_opt
@_verbose_opt
@handle_errors
def build(articles, templates, out_dir, seed, max_per_article, deck, title, strict, verbose):  # type: ignore[no-untyped-def]
    """Build out/deck.apkg, out/quiz.html and out/questions.jsonl from ARTICLES.

    \b
    Example:
      studykit build articles/ -o out/ --seed 1
    """
    from studykit.export.anki import inputs_timestamp, write_deck
    from studykit.export.quiz import render_quiz
    from studykit.export.tabular import to_jsonl
    from studykit.output import write_text

    questions, report, paths = _generate(articles, templates, seed, max_per_article, strict)
    status = _report_problems(report, verbose)
    name = deck or _deck_name(paths)
    deck_path = os.path.join(out_dir, "deck.apkg")
    quiz_path = os.path.join(out_dir, "quiz.html")
    jsonl_path = os.path.join(out_dir, "questions.jsonl")
    inputs = _input_files(paths, templates)
    write_deck(questions, deck_path, name, inputs_timestamp(inputs), inputs)
    write_text(quiz_path, render_quiz(questions, title or name, seed=seed), inputs)
    write_text(jsonl_path, to_jsonl(questions), inputs)
    click.echo(f"{len(questions)} questions → {deck_path}, {quiz_path}, {jsonl_path}", err=True)
    sys.exit(status)


def _deck_name(paths: list[str]) -> str:
    if len(paths) == 1:
        base = os.path.basename(os.path.normpath(os.path.abspath(paths[0])))
        if os.path.isfile(paths[0]):
            base = os.path.splitext(base)[0]
        return base.replace("_", " ").replace("-", " ").strip().title() or "studykit"
    return "studykit"


def _input_files(paths: list[str], templates: tuple[str, ...]) -> list[str]:
    from studykit.articles import find_articles
    from studykit.templates import template_files

    files = find_articles(paths, None, [])
    return files + template_files(list(templates) or None)


@main.command()
@_articles_arg
@_templates_opt
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "text"]), default="jsonl",
              show_default=True, help="Output format.")  # fmt: skip
@click.option("-o", "--output", default="-", type=click.Path(), help="Output file (- for stdout).")
@_seed_opt
@_max_opt
@_strict_opt
@_verbose_opt
@handle_errors
def questions(articles, templates, fmt, output, seed, max_per_article, strict, verbose):  # type: ignore[no-untyped-def]
    """Print the questions generated from ARTICLES.

    \b
    Example:
      studykit questions articles/ --format text
    """
    from studykit.export.tabular import to_csv, to_jsonl, to_text
    from studykit.output import write_text

    qs, report, paths = _generate(articles, templates, seed, max_per_article, strict)
    status = _report_problems(report, verbose)
    text = {"jsonl": to_jsonl, "csv": to_csv, "text": to_text}[fmt](qs)
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_text(output, text, _input_files(paths, templates))
    sys.exit(status)


@main.command()
@_articles_arg
@_templates_opt
@click.option("-o", "--output", required=True, type=click.Path(), help="The .apkg file to write.")
@click.option("--deck", default=None, help="Deck name (default: the articles folder's name).")
@_seed_opt
@_max_opt
@_strict_opt
@_verbose_opt
@handle_errors
def anki(articles, templates, output, deck, seed, max_per_article, strict, verbose):  # type: ignore[no-untyped-def]
    """Write an Anki deck (.apkg) from ARTICLES.

    \b
    Example:
      studykit anki articles/ -o news.apkg --deck "World news"
    """
    from studykit.export.anki import inputs_timestamp, write_deck

    qs, report, paths = _generate(articles, templates, seed, max_per_article, strict)
    status = _report_problems(report, verbose)
    inputs = _input_files(paths, templates)
    write_deck(qs, output, deck or _deck_name(paths), inputs_timestamp(inputs), inputs)
    click.echo(f"{len(qs)} notes → {output}", err=True)
    sys.exit(status)


@main.command()
@_articles_arg
@_templates_opt
@click.option("-o", "--output", required=True, type=click.Path(), help="The .html file to write.")
@click.option("--title", default=None, help="Title printed at the top.")
@click.option("--versions", default=1, show_default=True, type=click.IntRange(1, 26),
              help="Number of shuffled versions (A, B, ...).")  # fmt: skip
@click.option("--count", type=click.IntRange(1), default=None, help="Number of questions.")
@_seed_opt
@_strict_opt
@_verbose_opt
@handle_errors
def quiz(articles, templates, output, title, versions, count, seed, strict, verbose):  # type: ignore[no-untyped-def]
    """Write a printable quiz (HTML) with answer keys from ARTICLES.

    \b
    Example:
      studykit quiz articles/ -o quiz.html --versions 2 --count 20 --seed 7
    """
    from studykit.export.quiz import render_quiz
    from studykit.output import write_text

    qs, report, paths = _generate(articles, templates, seed, None, strict)
    status = _report_problems(report, verbose)
    if count is not None:
        qs = sorted(qs, key=lambda q: (-q.score, q.id))[:count]
    html = render_quiz(qs, title or _deck_name(paths), versions=versions, seed=seed)
    write_text(output, html, _input_files(paths, templates))
    click.echo(f"{len(qs)} questions → {output}", err=True)
    sys.exit(status)


@main.command()
@_articles_arg
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@_strict_opt
@_verbose_opt
@handle_errors
def dates(articles, as_json, strict, verbose):  # type: ignore[no-untyped-def]
    """List the time expressions in ARTICLES, normalized to TIMEX3 values.

    \b
    Example:
      studykit dates articles/ --json
    """
    from studykit.pipeline import Report, iter_articles
    from studykit.timex import tag

    report = Report()
    for a in iter_articles(_default_articles(articles), report, strict):
        for t in tag(a.body, a.date):
            if as_json:
                click.echo(json.dumps({"doc": a.id, "start": t.start, "end": t.end, "text": t.text,
                                       "type": t.type, "value": t.value}, ensure_ascii=False))  # fmt: skip
            else:
                click.echo(f"{a.id}\t{t.start}-{t.end}\t{t.type}\t{t.value}\t{t.text}")
    sys.exit(_report_problems(report, verbose))


@main.group()
def templates() -> None:
    """Check and test question templates.

    \b
    Example:
      studykit templates check question_templates/
    """


@templates.command("check")
@click.argument("dirs", nargs=-1, type=click.Path())
@handle_errors
def templates_check(dirs: tuple[str, ...]) -> None:
    """Report every problem in the templates in DIRS (default: the shipped ones).

    \b
    Example:
      studykit templates check my_templates/
    """
    from studykit.templates import load_templates

    problems: list[StudykitError] = []
    loaded = load_templates(list(dirs) or None, problems)
    for p in problems:
        click.echo(str(p), err=True)
    if problems:
        sys.exit(EXIT_INPUT)
    click.echo(f"{len(loaded)} templates OK", err=True)


@templates.command("test")
@click.argument("dirs", nargs=-1, type=click.Path())
@handle_errors
def templates_test(dirs: tuple[str, ...]) -> None:
    """Run every template's examples (default: the shipped templates).

    \b
    Example:
      studykit templates test my_templates/
    """
    from studykit.examples import run_examples
    from studykit.templates import load_templates

    problems: list[StudykitError] = []
    loaded = load_templates(list(dirs) or None, problems)
    failures = run_examples(loaded)
    for p in [*problems, *failures]:
        click.echo(str(p), err=True)
    total = sum(len(t.examples) for t in loaded)
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed", err=True)
    if problems or failures:
        sys.exit(EXIT_INPUT)


@main.command()
@click.argument("article", type=click.Path())
@_templates_opt
@handle_errors
def explain(article: str, templates: tuple[str, ...]) -> None:
    """Show, sentence by sentence, the mentions found and the questions made.

    \b
    Example:
      studykit explain articles/2020-11-10-nagorno-karabakh-ceasefire.txt
    """
    from studykit.explain import explain_article

    click.echo(explain_article(article, list(templates) or None), nl=False)
