"""`studykit templates check` reports every problem in one run, as file:line:col: message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from studykit import resources, templates
from studykit.cli import main
from studykit.errors import StudykitError
from studykit.templates import compile_match, load_templates, template_files

from conftest import DATA, ROOT

BAD = DATA / "templates_bad"


def _check(*names: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["templates", "check", *(str(BAD / n) for n in names)])
    lines = [ln.replace(str(BAD) + "/", "") for ln in result.output.splitlines()]
    return result.exit_code, lines


def test_yaml_syntax_error_names_file_line_and_column():
    code, lines = _check("syntax.yaml")
    assert code == 1
    assert lines == [
        "syntax.yaml:5:5: YAML syntax error: this line is not indented like the keys around it"
    ]


def test_a_quote_left_open_and_a_colon_in_a_value_are_named_where_they_are(tmp_path):
    (tmp_path / "open.yaml").write_text(
        '- id: prize-winner\n  kind: short\n  match: "{person} won the {...:prize}"\n'
        '  question: "Who won the {{ prize }}?\n  answer: "{{ person }}"\n'
    )
    (tmp_path / "colon.yaml").write_text(
        '- id: prize-winner\n  kind: short\n  match: "{person} won"\n'
        "  question: Who won: the prize?\n  answer: '{{ person }}'\n"
    )
    result = CliRunner().invoke(main, ["templates", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{tmp_path}/colon.yaml:4:20: YAML syntax error: a colon and a space inside a value: "
        "put the whole value in quotes",
        f"{tmp_path}/open.yaml:4:13: YAML syntax error: this quoted value has no closing "
        "quotation mark on its line",
    ]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a date filter on a slot that is no date ("in the 79th century"); on a date it is right
        (
            "What was the turnout {{ quantity | in_month }} ({{ date | on_date }})?",
            "4:3: question: the filter in_month needs a date, but quantity is a {quantity}",
        ),
        # an unknown filter, named with the one meant
        (
            "What was the turnout {{ date | on_dat }}?",
            "4: question: unknown filter 'on_dat' (did you mean 'on_date'?); studykit's "
            "filters: a, as_of, bare_date, country, demonym, in_month, in_year, number, "
            "on_date, phrase, plural",
        ),
    ],
)
def test_a_filter_that_cannot_work_is_refused_by_check(tmp_path, question, said):
    (tmp_path / "t.yaml").write_text(
        '- id: turnout\n  kind: short\n  match: "turnout was {quantity} on {date}"\n'
        f'  question: "{question}"\n  answer: "{{{{ quantity.amount }}}}"\n'
    )
    result = CliRunner().invoke(main, ["templates", "check", str(tmp_path)])
    assert result.exit_code == 1
    problems = [ln for ln in result.output.splitlines() if ": question: " in ln]
    assert problems == [f"{tmp_path}/t.yaml:{said}"], result.output


def test_unknown_key_suggests_the_right_one():
    code, lines = _check("unknown_key.yaml")
    assert code == 1
    assert lines == [  # in the order of the file's lines
        "unknown_key.yaml:1:3: missing key 'answer': the answer, a Jinja2 template",
        "unknown_key.yaml:5:3: unknown key 'anwser' (did you mean 'answer'?)",
    ]


def test_unbound_variable():
    code, lines = _check("unbound.yaml")
    assert code == 1
    assert lines == [
        "unbound.yaml:4:3: question: variable 'contry' is not bound by match",
    ]


def test_a_value_that_is_no_text_and_an_example_without_a_date_are_reported():
    code, lines = _check("wrong_types.yaml")
    assert code == 1
    assert lines == [
        "wrong_types.yaml:5:3: question must be text, not a number: put it in quotes",
        "wrong_types.yaml:6:3: answer must be text, not a mapping: put it in quotes",
        "wrong_types.yaml:8: example: missing key 'date' (the article's date, such as 2020-11-10)",
    ]


def test_a_misspelt_property_is_reported_with_the_ones_there_are():
    code, lines = _check("misspelt_property.yaml")
    assert code == 1
    assert lines == [
        "misspelt_property.yaml:5:3: requires: title has no attribute 'stat' (did you mean "
        "title.state?); it has: display, end, kind, scope, start, state, text, value",
        "misspelt_property.yaml:6:3: question: article has no attribute 'dat' (did you mean "
        "article.date?); it has: date, id, story, title",
        "misspelt_property.yaml:6:3: question: title has no attribute 'bogus'; it has: display, "
        "end, kind, scope, start, state, text, value",
    ]


def test_unknown_slot_bad_regex_and_missing_keys_all_reported_in_one_run():
    code, lines = _check("slots_and_regex.yaml")
    assert code == 1
    assert lines == [
        "slots_and_regex.yaml:3:3: unknown slot type {persn} (did you mean {person}?); known: "
        "{date}, {duration}, {number}, {quantity}, {person}, {title}, {country}, {place}, "
        "{org}, {quote}",
        "slots_and_regex.yaml:12:3: bad regex: missing ) at position 17",
        "slots_and_regex.yaml:19:3: missing key 'kind': one of short, cloze, mcq, truefalse",
        "slots_and_regex.yaml:19:3: missing key 'examples': sentences with their expected "
        "question and answer",
        "slots_and_regex.yaml:19:3: missing key 'question': the question, a Jinja2 template",
        "slots_and_regex.yaml:19:3: missing key 'answer': the answer, a Jinja2 template",
    ]


def test_duplicate_ids_across_files():
    code, lines = _check("dup_a.yaml", "dup_b.yaml")
    assert code == 1
    assert lines == ["dup_b.yaml:1:3: duplicate template id 'same-id' (first defined at "
                     f"{BAD}/dup_a.yaml:1)".replace(str(BAD) + "/", "")]  # fmt: skip


def test_sandbox_escape_refused_at_check_time():
    code, lines = _check("unsafe.yaml")
    assert code == 1
    assert lines == [
        "unsafe.yaml:4:3: question: access to '__mro__' is not allowed (names starting with '_')",
        "unsafe.yaml:4:3: question: access to '__class__' is not allowed (names starting with '_')",
    ]


def test_no_traceback_for_any_broken_file():
    result = CliRunner().invoke(main, ["templates", "check", str(BAD)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_shipped_templates_check_clean():
    problems: list[StudykitError] = []
    loaded = load_templates(None, problems)
    assert problems == [] and len(loaded) >= 10


def test_a_second_load_gives_the_same_templates_and_problems_in_order(tmp_path):
    # Files are parsed once per path and content: a second load must report as the first,
    # with a duplicate id (found by load_templates) among the file's own problems.
    good = (BAD / "dup_a.yaml").read_text()
    path = tmp_path / "t.yaml"
    path.write_text(good + good + "- id: broken\n  kind: short\n")
    runs = []
    for _ in range(2):
        problems: list[StudykitError] = []
        loaded = load_templates([str(path)], problems)
        runs.append((loaded, [p.message for p in problems]))
    assert runs[0] == runs[1]
    assert [t.id for t in runs[0][0]] == ["same-id"]
    assert runs[0][1][0].startswith("duplicate template id 'same-id'")
    assert len(runs[0][1]) > 1  # the broken template's problems come after

    path.write_text(good.replace("same-id", "other-id"))
    assert [t.id for t in load_templates([str(path)])] == ["other-id"]  # edited: read anew


def test_shipped_templates_read_alike_by_both_yaml_parsers():
    # The shipped files are read by libyaml, a user's by PyYAML's own parser, which the
    # checker's messages come from: for the shipped files they must not differ.
    for path in template_files(None):
        text = Path(path).read_text("utf-8")
        fast = yaml.load(text, Loader=templates._ShippedLoader)  # noqa: S506
        assert fast == yaml.load(text, Loader=templates._LineLoader), path  # noqa: S506
        fast_tokens = [
            (type(t), t.start_mark.line) for t in yaml.scan(text, Loader=templates._CSafeLoader)
        ]
        assert fast_tokens == [(type(t), t.start_mark.line) for t in yaml.scan(text)], path


def test_vocabularies_read_alike_by_both_yaml_parsers():
    # The vocabularies are read by libyaml too (studykit.resources).
    folder = Path(resources.__file__).parent / "resources"
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_text("utf-8")
        assert yaml.load(text, Loader=resources._Loader) == yaml.safe_load(text), path  # noqa: S506


def test_match_language():
    rx, slots = compile_match("{country} {title} {person:holder} ... [the] said|says {...:what}")
    assert slots == [("country", "country"), ("title", "title"), ("holder", "person"),
                     ("what", "text")]  # fmt: skip
    assert "(?i:said|says)" in rx


def test_shipped_names_the_shipped_templates_from_any_folder(tmp_path, monkeypatch):
    mine = tmp_path / "mine.yaml"
    mine.write_text((DATA / "templates_bad" / "wrong_types.yaml").read_text())
    monkeypatch.chdir(tmp_path)  # no "shipped" folder here, nor question_templates/
    files = template_files(["shipped", str(mine)])
    assert files[-1] == str(mine)
    assert files[:-1] == template_files(None) and len(files) > 2
    (tmp_path / "shipped").mkdir()  # a folder of that name is the user's own
    problems: list[StudykitError] = []
    assert template_files(["shipped"], problems) == []
    assert [str(p) for p in problems] == [
        "shipped: no template files (.yaml or .yml) in this folder"
    ]


def test_a_folder_or_file_without_templates_is_an_error_not_zero_ok(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("date 2020-11-10 Not a template.\n")
    (tmp_path / "empty.yaml").write_text("")
    (tmp_path / "comments.yaml").write_text("# nothing yet\n")
    expected = {
        "notes": f"{tmp_path / 'notes'}: no template files (.yaml or .yml) in this folder",
        "empty.yaml": f"{tmp_path / 'empty.yaml'}:1: no templates in this file",
        "comments.yaml": f"{tmp_path / 'comments.yaml'}:1: no templates in this file",
    }
    for name, message in expected.items():
        for command in ("check", "test"):
            result = CliRunner().invoke(main, ["templates", command, str(tmp_path / name)])
            assert result.exit_code == 1, (name, command)
            assert result.stderr.splitlines()[0] == message
            assert "OK" not in result.stderr


def test_no_questions_on_stdout_fails_as_with_an_output_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date 2020-11-10 \n")
    result = CliRunner().invoke(main, ["questions", str(article)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "studykit: no questions to write; check ARTICLES and --templates\n"
    # A -t folder with no templates in it says so too.
    good = ROOT / "articles"
    result = CliRunner().invoke(main, ["questions", str(good), "-t", str(good)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        f"{good}: no template files (.yaml or .yml) in this folder"
    )
