"""The ``studykit`` command line: a thin layer that parses options and calls the library.

Exit codes: 0 success, 1 problems in inputs (each printed on stderr as ``path:line: message``,
never a traceback; the good inputs are still used and their outputs written, unless
``--strict``), 2 usage.
Heavy modules are imported inside commands so that ``studykit --help`` starts fast.
"""

from __future__ import annotations

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
        # A forgotten folder argument must not pass unnoticed for a deck of the demo articles.
        click.echo(f"studykit: no ARTICLES given, so reading {DEFAULT_ARTICLES}/", err=True)
        return [DEFAULT_ARTICLES]
    raise click.UsageError("no ARTICLES given and there is no articles/ folder here")


def _report_problems(report: Any, verbose: bool) -> int:
    """Print problems (and, with --verbose, skipped files); return the exit status.

    Problems found while generating (a template regex that ran out of time) are printed
    too. Under --strict any problem ends the command here, before anything is written.
    """
    from studykit.errors import take_deferred

    problems = [*report.problems, *take_deferred()]
    for p in problems:
        click.echo(str(p), err=True)
    if verbose:
        for s in report.skipped:
            click.echo(f"{s}: skipped (not an article: only .txt and .md are read)", err=True)
    ctx = click.get_current_context(silent=True)
    if problems and ctx is not None and ctx.params.get("strict"):
        sys.exit(EXIT_INPUT)
    return EXIT_INPUT if problems else 0


def handle_errors(f: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a StudykitError into its message on stderr and exit status 1, no traceback."""
    from studykit.errors import take_deferred

    @wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        take_deferred()  # start clean when several commands run in one process (tests)
        try:
            return f(*args, **kwargs)
        except StudykitError as exc:
            for p in take_deferred():
                click.echo(str(p), err=True)
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
    """Select the questions of ``articles``, spreading the work over ``--jobs`` processes.

    ``--jobs`` is read from the command's context, so commands only declare the option.
    A progress bar goes to stderr when it is a terminal and the work takes a while.
    """
    from studykit.articles import find_articles
    from studykit.pipeline import Report, default_jobs, generate_questions
    from studykit.progress import Progress

    report = Report()
    paths = _default_articles(articles)
    jobs = click.get_current_context().params.get("jobs") or default_jobs()
    with Progress(None) as progress:
        if progress.enabled:  # counting files costs a folder walk: only for the bar
            progress.total = len(find_articles(paths, None, []))
        questions = generate_questions(paths, list(templates) or None, seed, max_per_article,
                                       strict, report, jobs, progress.update)  # fmt: skip
    return questions, report, paths


def _require_questions(questions: list[Any], *outputs: str) -> None:
    """A run that made no question writes nothing: an empty deck must not replace a good one.
    With no ``outputs`` the questions were for stdout: the run fails the same way."""
    if not questions:
        kept = [o for o in outputs if os.path.exists(o)]
        told = [f"{', '.join(kept)} left as it was"] if kept else []
        if len(kept) < len(outputs):
            told.append(f"{', '.join(o for o in outputs if o not in kept)} not written")
        said = f", so {' and '.join(told)}" if told else ""
        raise StudykitError(
            f"studykit: no questions to write{said}; check ARTICLES and --templates"
        )


def _count(n: int, noun: str) -> str:
    """ "1 question", "2 questions"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _choice(*names: str) -> click.Choice:
    """Choices taken in any case: "--paper A4" as the README writes it, "--format TSV"."""
    return click.Choice(names, case_sensitive=False)


_FORMAT_BY_EXTENSION = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".txt": "text"}


def _default(ctx: click.Context, param: str) -> bool:
    """Whether the option ``param`` was left at its default (not given by the user)."""
    return ctx.get_parameter_source(param) == click.core.ParameterSource.DEFAULT


def _require_extension(path: str, extensions: tuple[str, ...], what: str, hint: str) -> None:
    """A quiz or a deck is written only to a name that says what it is: a slip of the finger
    must not turn someone's deck.apkg into a web page, nor their quiz into a deck."""
    if not path.lower().endswith(extensions) and not os.path.isdir(path):
        names = " or ".join(extensions)
        raise click.BadParameter(
            f"{path!r} does not end in {names}; the {what} is written only to such a name",
            param_hint=hint,
        )


def _refuse_extension(path: str, extensions: tuple[str, ...], whose: str, instead: str) -> None:
    """The other side of ``_require_extension``: a command never writes to a name that says
    another command's output (``whose``); ``instead`` says what it writes."""
    if path.lower().endswith(extensions):
        raise click.BadParameter(
            f"{path!r} is the name of {whose}; {instead}", param_hint="'-o' / '--output'"
        )


_articles_arg = click.argument("articles", nargs=-1, type=click.Path())
_templates_opt = click.option(
    "-t", "--templates", "templates", multiple=True, type=click.Path(),
    help="Template folder or file (repeatable); 'shipped' names the templates that come with "
    "studykit. Default: the shipped templates.",
)  # fmt: skip
_seed_opt = click.option("--seed", default=0, show_default=True, help="Seed for shuffling.")
_max_opt = click.option("--max-per-article", type=click.IntRange(1), default=None,
                        help="Keep only the N best questions of each article.")  # fmt: skip
_strict_opt = click.option("--strict", is_flag=True,
                           help="Stop at the first bad input and write nothing.")  # fmt: skip
_verbose_opt = click.option("-v", "--verbose", is_flag=True, help="Also list skipped files.")
_jobs_opt = click.option("-j", "--jobs", type=click.IntRange(1), default=None,
                         help="Processes to spread the articles over (default: one per core). "
                              "The output is the same for any number.")  # fmt: skip


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
@_jobs_opt
@handle_errors
def build(articles, templates, out_dir, seed, max_per_article, deck, title, strict, verbose, jobs):  # type: ignore[no-untyped-def]
    """Build out/deck.apkg, out/quiz.html and out/questions.jsonl from ARTICLES.

    \b
    Example:
      studykit build articles/ -o out/ --seed 1
    """
    from studykit.export.anki import inputs_timestamp, write_deck
    from studykit.export.quiz import default_title, render_quiz
    from studykit.export.tabular import iter_jsonl
    from studykit.output import write_text

    questions, report, paths = _generate(articles, templates, seed, max_per_article, strict)
    status = _report_problems(report, verbose)
    name = deck or _deck_name(paths)
    deck_path = os.path.join(out_dir, "deck.apkg")
    quiz_path = os.path.join(out_dir, "quiz.html")
    jsonl_path = os.path.join(out_dir, "questions.jsonl")
    _require_questions(questions, os.path.join(out_dir, ""))
    inputs = _input_files(paths, templates)
    write_deck(questions, deck_path, name, inputs_timestamp(inputs), inputs)
    quiz_title = title or default_title(questions)
    write_text(quiz_path, render_quiz(questions, quiz_title, seed=seed), inputs)
    write_text(jsonl_path, iter_jsonl(questions), inputs)
    done = _count(len(questions), "question")
    click.echo(f"{done} → {deck_path}, {quiz_path}, {jsonl_path}", err=True)
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
    return files + template_files(list(templates) or None, [])


@main.command()
@_articles_arg
@_templates_opt
@click.option("--format", "fmt", type=_choice("jsonl", "csv", "text"), default="jsonl",
              help="Output format (default: csv for an -o name ending in .csv, text for "
                   ".txt, else jsonl).")  # fmt: skip
@click.option("-o", "--output", default="-", type=click.Path(), help="Output file (- for stdout).")
@_seed_opt
@_max_opt
@_strict_opt
@_verbose_opt
@_jobs_opt
@handle_errors
def questions(articles, templates, fmt, output, seed, max_per_article, strict, verbose, jobs):  # type: ignore[no-untyped-def]
    """Print the questions generated from ARTICLES.

    \b
    Example:
      studykit questions articles/ --format text
    """
    from studykit.export.tabular import iter_jsonl, to_csv, to_text
    from studykit.output import write_text

    if _default(click.get_current_context(), "fmt") and output != "-":
        # "-o questions.csv": the format its name says, as "anki -o deck.txt" writes text.
        fmt = _FORMAT_BY_EXTENSION.get(os.path.splitext(output)[1].lower(), fmt)
    # "-o deck.apkg": a slip must not turn a deck or a quiz into a list of questions.
    _refuse_extension(
        output,
        (".apkg", ".colpkg", ".html", ".htm", ".pdf"),
        "a deck, a quiz or a PDF",
        "questions are written as JSON lines, CSV or text (.jsonl, .csv, .txt)",
    )
    qs, report, paths = _generate(articles, templates, seed, max_per_article, strict)
    status = _report_problems(report, verbose)
    # JSON lines are written one at a time: an archive's questions never sit in one string.
    text = iter_jsonl(qs) if fmt == "jsonl" else {"csv": to_csv, "text": to_text}[fmt](qs)
    _require_questions(qs, *([] if output == "-" else [output]))
    if output == "-":
        for piece in [text] if isinstance(text, str) else text:
            click.echo(piece, nl=False)
    else:
        write_text(output, text, _input_files(paths, templates))
        click.echo(f"{_count(len(qs), 'question')} → {output}", err=True)
    sys.exit(status)


@main.command()
@_articles_arg
@_templates_opt
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The file to write (.apkg; a .txt or .tsv name writes tab-separated "
                   "text unless --format says otherwise).")  # fmt: skip
@click.option("--deck", default=None, help="Deck name (default: the articles folder's name).")
@click.option("--subdecks", type=_choice("none", "article"), default="none",
              show_default=True, help="One subdeck per article: 'Deck::<title>'.")  # fmt: skip
@click.option("--format", "fmt", type=_choice("apkg", "tsv"), default="apkg",
              show_default=True, help="Package, or tab-separated text (see below).")  # fmt: skip
@_seed_opt
@_max_opt
@_strict_opt
@_verbose_opt
@_jobs_opt
@handle_errors
def anki(  # type: ignore[no-untyped-def]
    articles, templates, output, deck, subdecks, fmt, seed, max_per_article, strict, verbose, jobs
):
    """Write an Anki deck (.apkg) from ARTICLES.

    Notes are identified by the fact they ask about, not by their wording: importing a
    rebuilt deck updates the notes whose content changed, keeps their review history, and
    leaves the others alone.

    With --format tsv the file is plain tab-separated text, one note a line: front, back,
    tags, GUID (then the deck, with --subdecks). One file serves both Anki and Quizlet:
    Anki's File > Import reads it as "Basic" notes, following the "#" settings lines at the
    top, and updates instead of duplicating on a second import (by the GUID column);
    Quizlet's import (Tab between term and definition) takes the first two columns as term
    and definition. The "#" lines and the columns after the second are Anki's: remove them
    in Quizlet's preview if it keeps them. Cells are plain text, not HTML, so that both
    show them as written.

    \b
    Examples:
      studykit anki articles/ -o news.apkg --deck "World news"
      studykit anki articles/ -o news.apkg --subdecks article
      studykit anki articles/ -o news.txt --format tsv
    """
    from studykit.export.anki import inputs_timestamp, write_deck, write_tsv

    if _default(click.get_current_context(), "fmt") and output.lower().endswith((".txt", ".tsv")):
        fmt = "tsv"  # "-o news.txt": the text file its name says, not a package inside it
    # "-o quiz.html": a slip must not turn a quiz, a PDF or a list of questions into a deck.
    _refuse_extension(
        output,
        (".html", ".htm", ".pdf", ".jsonl", ".json", ".csv"),
        "a quiz, a PDF or a list of questions",
        "a deck is written as .apkg (or .txt/.tsv with --format tsv)",
    )
    qs, report, paths = _generate(articles, templates, seed, max_per_article, strict)
    status = _report_problems(report, verbose)
    _require_questions(qs, output)
    inputs = _input_files(paths, templates)
    name = deck or _deck_name(paths)
    if fmt == "tsv":
        n = write_tsv(qs, output, name, inputs, subdecks)
    else:
        n = write_deck(qs, output, name, inputs_timestamp(inputs), inputs, subdecks)
    click.echo(f"{_count(n, 'note')} → {output}", err=True)
    sys.exit(status)


@main.command()
@_articles_arg
@_templates_opt
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The .html (or .htm) file to write.")  # fmt: skip
@click.option("--title", default=None,
              help="Title printed at the top (default: made from the articles).")  # fmt: skip
@click.option("--versions", default=1, show_default=True, type=click.IntRange(1, 26),
              help="Number of shuffled versions (A, B, ...), each with an answer key.")  # fmt: skip
@click.option("--count", type=click.IntRange(1), default=None,
              help="Number of numbered items, balanced across articles and kinds "
                   "(a matching or timeline exercise counts as one). Default: every "
                   "question chosen, one per sentence.")  # fmt: skip
@click.option("--kinds", default=None, metavar="LIST",
              help="Comma-separated kinds to include: mcq, short, cloze, truefalse, matching, "
                   "timeline (default: all).")  # fmt: skip
@click.option("--paper", type=_choice("a4", "letter"), default="a4", show_default=True,
              help="Paper size to print on.")  # fmt: skip
@click.option("--pdf", "pdf", default=None, type=click.Path(),
              help="Also print the quiz to this .pdf file (needs Chromium on PATH).")  # fmt: skip
@_seed_opt
@_max_opt
@_strict_opt
@_verbose_opt
@_jobs_opt
@handle_errors
def quiz(  # type: ignore[no-untyped-def]
    articles,
    templates,
    output,
    title,
    versions,
    count,
    kinds,
    paper,
    pdf,
    seed,
    max_per_article,
    strict,
    verbose,
    jobs,
):
    """Write a printable quiz (HTML, optionally PDF) with answer keys from ARTICLES.

    \b
    Example:
      studykit quiz articles/ -o quiz.html --versions 2 --count 20 --seed 7 --pdf quiz.pdf
    """
    from studykit.export.quiz import (
        build_quiz,
        default_title,
        missing_kinds,
        parse_kinds,
        require_browser,
        write_pdf,
    )
    from studykit.output import write_text

    _require_extension(output, (".html", ".htm"), "quiz page", "'-o' / '--output'")
    if pdf is not None:
        _require_extension(pdf, (".pdf",), "PDF", "'--pdf'")
    try:
        wanted = parse_kinds(kinds)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--kinds") from None
    if pdf is not None:
        require_browser()  # fail before any work when the PDF cannot be printed
    qs, report, paths = _generate(articles, templates, seed, max_per_article, strict)
    status = _report_problems(report, verbose)
    html, size, made = build_quiz(qs, title or default_title(qs), versions=versions, seed=seed,
                                  paper=paper, count=count, kinds=wanted)  # fmt: skip
    for line in missing_kinds(wanted, made):
        click.echo(f"studykit: {line}", err=True)
    if size == 0:
        raise StudykitError("studykit: no questions to put in the quiz; check --kinds and ARTICLES")
    inputs = _input_files(paths, templates)
    write_text(output, html, inputs)
    if pdf is not None:
        write_pdf(html, pdf, [*inputs, output])
    if count is not None and size < count:
        click.echo(f"studykit: --count {count}, but there are only "
                   f"{_count(size, 'numbered item')} to ask", err=True)  # fmt: skip
    click.echo(f"{_count(size, 'question')} → {output}" + (f", {pdf}" if pdf else ""), err=True)
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
    import json  # only here: json is not needed to start the other commands

    from studykit.errors import internal_error
    from studykit.pipeline import Report, iter_articles
    from studykit.timex import tag_long

    report = Report()
    for a in iter_articles(_default_articles(articles), report, strict):
        try:
            found = tag_long(a.body, a.date)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not end the run
            report.problems.append(internal_error(exc, a.path, a.body_line))
            continue
        for t in found:
            if as_json:
                row = {"doc": a.id, "start": t.start, "end": t.end, "text": t.text,
                       "type": t.type, "value": t.value}  # fmt: skip
                click.echo(json.dumps(row, ensure_ascii=False))
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
    for p in _in_file_order(problems):
        click.echo(str(p), err=True)
    if problems:
        sys.exit(EXIT_INPUT)
    click.echo(f"{len(loaded)} template{'' if len(loaded) == 1 else 's'} OK", err=True)


def _in_file_order(problems: list[StudykitError]) -> list[StudykitError]:
    """Problems file by file (in the order the files were read), each file's by line."""
    files: dict[str | None, int] = {}
    for p in problems:
        files.setdefault(p.path, len(files))
    return sorted(problems, key=lambda p: (files[p.path], p.line or 0, p.col or 0))


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
    for p in [*_in_file_order(problems), *failures]:
        click.echo(str(p), err=True)
    total = sum(len(t.examples) for t in loaded)
    summary = f"{total - len(failures)} passed, {len(failures)} failed"
    if problems:
        # The examples of a template that did not load were not run: say so beside the count.
        summary += (
            f"; {_count(len(problems), 'problem')} in the templates, whose examples did not run"
        )
    click.echo(summary, err=True)
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
    from studykit.errors import internal_error
    from studykit.explain import explain_article

    if not os.path.lexists(article):
        raise StudykitError("no such file or folder", article)  # as every command says it
    if os.path.isdir(article):
        # One article is explained at a time: a folder is a slip of the command line.
        raise click.BadParameter(
            f"{article!r} is a folder; explain reads one article file", param_hint="ARTICLE"
        )
    problems: list[StudykitError] = []
    try:
        report = explain_article(article, list(templates) or None, problems)
    except (StudykitError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a bug is reported in one line, like a user's mistake
        raise internal_error(exc, article, None) from exc
    # A bad template is left out, as every command does, and the rest still explained.
    for p in problems:
        click.echo(str(p), err=True)
    click.echo(report, nl=False)
    if problems:
        sys.exit(EXIT_INPUT)
