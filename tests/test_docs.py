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
