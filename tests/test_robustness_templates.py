"""Templates from strangers: the sandbox holds, refusals come at check time with file and
line, and a template regex cannot hang a run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.errors import StudykitError, take_deferred
from studykit.templates import load_templates, make_env

from conftest import ARTICLES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "templates"


def check(path: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["templates", "check", str(path)], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr.splitlines()


def test_escapes_are_refused_at_check_time_with_file_and_line():
    path = FIXTURES / "escape.yaml"
    code, lines = check(path)
    assert code == 1
    by_line: dict[int, list[str]] = {}
    for ln in lines:
        assert ln.startswith(f"{path}:"), ln
        by_line.setdefault(int(ln.split(":")[1]), []).append(ln)
    assert "'__class__' is not allowed" in " ".join(by_line[6])  # ''.__class__.__mro__
    assert "'_' is not allowed" in by_line[15][0]  # attr('__init__')
    for line in (24, 33, 42):  # include, import, extends
        assert "cannot include, import or extend" in by_line[line][0]
    assert "'open' is not bound" in by_line[51][0]
    assert "'os' is not bound" in by_line[60][0]
    assert by_line[69] == [f"{path}:69:3: question: templates cannot use loops ({{% for %}}) "
                           "or macros"]  # fmt: skip
    assert load_templates([str(path)], []) == []


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ x['__cla' ~ 'ss__'] }}",  # a name built at render time escapes the check
        "{{ x | attr('__cla' ~ 'ss__') }}",
        "{{ x.format.__globals__ }}",
        "{{ x.__init__.__globals__['os'] }}",
    ],
)
def test_the_sandbox_refuses_private_names_at_render_time_too(source):
    with pytest.raises((jinja2.exceptions.SecurityError, jinja2.exceptions.UndefinedError)):
        make_env().from_string(source).render(x="text")


@pytest.mark.parametrize(
    "source",
    [
        "{% include '/etc/passwd' %}",
        "{% import '/etc/passwd' as p %}",
        "{% extends '/etc/hosts' %}",
        "{{ open('/etc/passwd').read() }}",
        "{{ lipsum(1000000) }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ range.__self__ }}",
        "{{ 'x' * 1000000000 }}",
        "{{ 2 ** 99999999 }}",
    ],
)
def test_no_file_network_or_huge_work_from_a_template_even_unchecked(source, tmp_path):
    # Without a loader there is nothing to include; without globals nothing to open. And
    # constants are not folded while compiling when they would take for ever.
    with pytest.raises((jinja2.TemplateError, TypeError)):
        make_env().from_string(source).render()


def test_sandbox_still_renders_ordinary_questions():
    env = make_env()
    assert env.from_string("{{ 'x' * 3 }} {{ 2 ** 10 }} {{ a | a }}").render(a="owl") == (
        "xxx 1024 an owl"
    )


REGEX_RUN = textwrap.dedent(
    """
    import datetime as dt, sys
    from studykit.errors import take_deferred
    from studykit.model import AnnotatedSentence, Sentence
    from studykit.templates import REGEX_TIMEOUT, find_matches, load_templates
    (t,) = load_templates([sys.argv[1]])
    text = "a" * 5000 + "!"
    sent = AnnotatedSentence(Sentence(0, 0, len(text), text), ())
    print(find_matches(t, sent))
    for p in take_deferred():
        print(p)
    """
)


def test_a_catastrophic_template_regex_is_stopped_by_the_timeout():
    path = FIXTURES / "catastrophic.yaml"
    code, _ = check(path)
    assert code == 0  # not refused at check time: bounded at match time instead
    # A subprocess with a generous limit guards the suite should the timeout ever fail.
    proc = subprocess.run([sys.executable, "-c", REGEX_RUN, str(path)], capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert out[0] == "[]"  # no match taken from the sentence that timed out
    assert out[1].startswith(f"{path}:3: regex ran longer than")
    assert "5001 characters" in out[1]


def test_the_timeout_is_reported_by_the_command_line_and_the_run_goes_on(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "evil.txt").write_text("date 2020-11-10 " + "a" * 3000 + "!\n")
    (articles / "fine.txt").write_text("date 2020-11-10 The boat on the river is called Kaa\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "t.yaml").write_text((FIXTURES / "catastrophic.yaml").read_text())
    out = tmp_path / "q.jsonl"
    args = ["questions", str(articles), "-t", str(templates), "-o", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert f"{templates / 't.yaml'}:3: regex ran longer than" in result.stderr
    assert out.exists()  # the other outputs are still written
    assert take_deferred() == []
    result = CliRunner().invoke(main, [*args[:1], "--strict", *args[1:]])
    assert result.exit_code == 1 and "regex ran longer" in result.stderr


@pytest.mark.parametrize(
    "text, line",
    [
        ("- 1: x\n", 1),
        ("- id: a\n  kind: short\n  examples:\n    - sentence: s\n      date: 2020-13-45\n", 5),
        ("[" * 800, 1),
        ("a: &a [x, x]\nb: [*a, *a]\n", 2),
        (
            "- id: a\n  kind: short\n  match: '{person} said'\n  question: q\n  answer: a\n"
            "  score: lots\n  examples: [{sentence: s, no_match: true}]\n",
            6,  # the line of the bad value
        ),
    ],
)
def test_odd_yaml_is_one_problem_with_a_line(tmp_path, text, line):
    path = tmp_path / "t.yaml"
    path.write_text(text)
    problems: list[StudykitError] = []
    assert load_templates([str(path)], problems) == []
    assert len(problems) == 1
    assert (problems[0].path, problems[0].line) == (str(path), line)


def test_a_regex_too_big_to_compile_is_refused_at_check_time(tmp_path):
    # Compiling x{4294967294} takes the regex module minutes and gigabytes: the check
    # refuses it before compiling. A subprocess with a time limit guards the suite.
    path = tmp_path / "big.yaml"
    path.write_text(
        "- id: big\n  kind: short\n  regex: '(?P<person>x{4294967294})'\n"
        "  question: q\n  answer: a\n  examples: [{sentence: s, no_match: true}]\n"
        "- id: nested\n  kind: short\n  regex: '(?:(?P<person>x{1000})){1000}'\n"
        "  question: q\n  answer: a\n  examples: [{sentence: s, no_match: true}]\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "studykit", "templates", "check", str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"{path}:{line}:3: regex too big: its repeats add up to over 100000 steps "
        "(use fewer or smaller {n} counts)"
        for line in (3, 9)
    ]


def test_a_template_file_that_is_not_utf8_is_one_problem_with_its_line(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_bytes(b"- id: a\n  kind: short  # caf\xe9\n")
    problems: list[StudykitError] = []
    assert load_templates([str(path)], problems) == []
    assert [str(p) for p in problems] == [
        f"{path}:2: not UTF-8: byte 0xe9 at offset 28; save as UTF-8"
    ]


def test_the_timeout_is_reported_with_jobs_too(tmp_path, monkeypatch):
    import studykit.pipeline

    monkeypatch.setattr(studykit.pipeline, "BATCH_ARTICLES", 1)  # one article per task
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a-fine.txt").write_text("date 2020-11-10 The boat on the river is called Kaa\n")
    (articles / "b-fine.txt").write_text("date 2020-11-10 Another quiet sentence here.\n")
    (articles / "c-evil.txt").write_text("date 2020-11-10 " + "a" * 3000 + "!\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "t.yaml").write_text((FIXTURES / "catastrophic.yaml").read_text())
    out = tmp_path / "q.jsonl"
    args = ["questions", str(articles), "-t", str(templates), "-o", str(out), "--jobs", "2"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert f"{templates / 't.yaml'}:3: regex ran longer than" in result.stderr
    assert out.exists()


def test_a_regex_cloze_whose_blank_group_takes_no_part_is_skipped_not_a_crash(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "none.txt").write_text(
        "date 2020-11-10 Crowds in the capital demanded the resignation of the government.\n"
    )
    (articles / "some.txt").write_text(
        "date 2020-11-10 Crowds in the capital demanded the resignation of Prime Minister "
        "Nikol Pashinyan on Tuesday.\n"
    )
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "t.yaml").write_text(
        textwrap.dedent(
            r"""
            - id: rx-cloze
              kind: cloze
              regex: 'resignation of (?:Prime Minister (?P<person>[A-Z]\w+ [A-Z]\w+))?'
              blank: person
              examples:
                - sentence: It sought the resignation of Prime Minister Nikol Pashinyan.
                  date: 2020-11-10
                  question: (10 November 2020) It sought the resignation of Prime Minister _____.
                  answer: Nikol Pashinyan
            """
        )
    )
    out = tmp_path / "q.jsonl"
    args = ["questions", str(articles), "-t", str(templates), "-o", str(out), "-j", "1"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert len(lines) == 1 and '"answer": "Nikol Pashinyan"' in lines[0]


def test_a_bad_template_file_is_reported_and_the_good_ones_still_run(tmp_path, monkeypatch):
    import studykit.pipeline

    monkeypatch.setattr(studykit.pipeline, "BATCH_ARTICLES", 1)  # workers with -j 2
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "bad.yaml").write_text(
        "- id: prize\n  kind: short\n  match: '{person} won the {...:prize}'\n"
        "  question: 'Who won the {{ prize }}?'\n  answer: '{{ persn }}'\n"
        "  examples: [{sentence: s, no_match: true}]\n"
    )
    out = tmp_path / "q.jsonl"
    args = ["questions", str(ARTICLES), "-t", "shipped", "-t", str(templates), "-o", str(out)]
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, [*args, "-j", jobs])
        assert result.exit_code == 1
        written = len(out.read_text().splitlines())
        assert written > 10  # the shipped templates' questions
        assert result.stderr.splitlines() == [
            f"{templates / 'bad.yaml'}:5:3: answer: variable 'persn' is not bound by match "
            "(did you mean 'person'?)",
            f"{written} questions → {out}",
        ]
        assert "Traceback" not in result.output
    # A template path that does not exist is one more bad input.
    result = CliRunner().invoke(main, [*args, "-t", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope'}: no such template file or folder" in result.stderr
    # --strict stops at the bad template and writes nothing.
    out.unlink()
    result = CliRunner().invoke(main, [*args, "--strict"])
    assert result.exit_code == 1 and "persn" in result.stderr and not out.exists()
