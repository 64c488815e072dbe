"""Every command has help text with an example, and the README shows every command."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from studykit.cli import main

from conftest import ROOT


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in sorted(group.commands.items()):
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


COMMANDS = list(_commands(main))


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output or "Examples:" in result.output
    assert "studykit " + " ".join(path) in result.output


def test_readme_names_every_command_and_the_two_quick_start_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
    for path, cmd in COMMANDS:
        if not isinstance(cmd, click.Group):
            assert "studykit " + " ".join(path) in readme, path


# Options every command that reads articles shares: told of once, after the table.
_SHARED = {"--jobs", "--strict", "--verbose", "--max-per-article", "--help"}


LEAVES = [p for p, c in COMMANDS if not isinstance(c, click.Group)]


@pytest.mark.parametrize("path", LEAVES, ids=[" ".join(p) for p in LEAVES])
def test_the_readmes_command_table_names_every_option_of_help(path):
    readme = (ROOT / "README.md").read_text()
    rows = [ln for ln in readme.splitlines() if ln.startswith("| `studykit ")]
    (row,) = [r for r in rows if f"`studykit {' '.join(path)} " in r]
    after_table = readme[readme.index(rows[-1]) :]
    cmd = dict(COMMANDS)[path]
    for param in cmd.params:
        if not isinstance(param, click.Option):
            continue
        names = [o for o in param.opts if o.startswith("-")]
        if "--help" in names:
            continue
        if set(names) & _SHARED:
            assert any(f"`{n} " in after_table or f"`{n}`" in after_table for n in names)
        else:
            assert any(f"{n} " in row or f"{n}]" in row for n in names), (path, names)
