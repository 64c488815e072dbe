"""Outputs are written atomically: a failed or interrupted run leaves an existing output as
it was and no temporary file behind; bad output paths are clear errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.errors import StudykitError
from studykit.output import atomic_path, write_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
GOOD = FIXTURES / "good-ceasefire.txt"


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt])
def test_a_writer_failing_midway_leaves_the_old_file_intact(tmp_path, failure):
    target = tmp_path / "questions.jsonl"
    target.write_text("old\n")
    with pytest.raises((StudykitError, KeyboardInterrupt)), atomic_path(str(target)) as tmp:
        with open(tmp, "w") as fh:
            fh.write("new, but only half")
        raise failure
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_an_export_failing_midway_through_the_cli_keeps_the_old_deck(tmp_path, monkeypatch):
    import studykit.export.anki as anki

    deck = tmp_path / "deck.apkg"
    code, err = run_cli("anki", str(GOOD), "-o", str(deck))
    assert code == 0, err
    before = deck.read_bytes()

    def broken(decks, path, *args, **kwargs):  # type: ignore[no-untyped-def]
        with open(path, "wb") as fh:
            fh.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(anki, "write_package", broken)
    code, err = run_cli("anki", str(GOOD), "-o", str(deck))
    assert code == 1
    assert err.strip() == f"{deck}: cannot write: No space left on device"
    assert deck.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "command, output",
    [("anki", "deck.apkg"), ("questions", "q.jsonl"), ("build", "out"), ("quiz", "quiz.html")],
)
def test_a_run_with_no_questions_leaves_the_old_output_as_it_was(tmp_path, command, output):
    target = tmp_path / output
    flag = "--out" if command == "build" else "-o"
    code, err = run_cli(command, str(GOOD), flag, str(target))
    assert code == 0, err
    files = sorted(target.rglob("*")) if target.is_dir() else [target]
    before = {f: f.read_bytes() for f in files}
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "bad.txt").write_text("no date here\n")
    for inputs in ([str(tmp_path / "missing")], [str(empty)]):
        code, err = run_cli(command, *inputs, flag, str(target))
        assert code == 1
        assert "no questions" in err and "Traceback" not in err
        assert {f: f.read_bytes() for f in files} == before
    assert leftovers(tmp_path) == []


def test_written_files_get_ordinary_permissions_and_keep_existing_ones(tmp_path):
    new = tmp_path / "new.txt"
    write_text(str(new), "x")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask
    old = tmp_path / "old.txt"
    old.write_text("x")
    old.chmod(0o640)
    write_text(str(old), "y")
    assert (stat.S_IMODE(old.stat().st_mode), old.read_text()) == (0o640, "y")


def test_an_output_that_is_an_input_file_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(GOOD.read_bytes())
    code, err = run_cli("questions", str(tmp_path), "-o", str(article))
    assert code == 1
    assert "overwrite an input file" in err and str(article) in err
    assert article.read_bytes() == GOOD.read_bytes()
    link = tmp_path / "link.jsonl"
    link.symlink_to(article)  # the same file by another name
    code, err = run_cli("questions", str(tmp_path), "-o", str(link))
    assert code == 1 and article.read_bytes() == GOOD.read_bytes()


def test_a_missing_output_folder_is_created(tmp_path):
    out = tmp_path / "a" / "b" / "out"
    code, err = run_cli("build", str(GOOD), "-o", str(out))
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["deck.apkg", "questions.jsonl", "quiz.html"]


def test_an_output_folder_under_a_file_is_a_clear_error(tmp_path):
    # Tests run as root, where permission bits do not stop writes: a path whose parent is
    # a regular file cannot be written by anyone.
    blocker = tmp_path / "file"
    blocker.write_text("I am a file")
    code, err = run_cli("quiz", str(GOOD), "-o", str(blocker / "sub" / "quiz.html"))
    assert code == 1
    assert err.strip() == (
        f"{blocker / 'sub'}: cannot create output folder: {blocker} is a file, not a folder"
    )
    assert blocker.read_text() == "I am a file"


def test_an_output_path_that_is_a_folder_is_refused(tmp_path):
    code, err = run_cli("quiz", str(GOOD), "-o", str(tmp_path))
    assert code == 1
    assert err.strip() == f"{tmp_path}: output path is a folder; give a file name"


def test_a_folder_nobody_can_write_is_a_clear_error():
    # /sys is read-only for root too on a usual Linux or container; skip where it is not.
    folder = Path("/sys")
    probe = folder / ".studykit-probe"
    try:
        probe.write_text("x")
    except OSError:
        pass
    else:
        probe.unlink()
        pytest.skip("/sys is writable here")
    code, err = run_cli("quiz", str(GOOD), "-o", str(folder / "quiz.html"))
    assert code == 1
    assert err.strip().startswith(f"{folder}: ")
    assert "not writable" in err or "cannot write in the output folder" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permission bits")
def test_a_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, err = run_cli("quiz", str(GOOD), "-o", str(folder / "quiz.html"))
    finally:
        folder.chmod(0o755)
    assert code == 1 and f"{folder}: output folder is not writable" in err


def test_no_questions_says_whether_a_file_was_kept_or_never_there(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date 2020-11-10 \n")
    kept, new = tmp_path / "kept.apkg", tmp_path / "new.apkg"
    kept.write_bytes(b"a deck")
    for out, said in ((kept, "left as it was"), (new, "not written")):
        code, err = run_cli("anki", str(article), "-o", str(out))
        assert code == 1
        assert (
            err
            == f"studykit: no questions to write, so {out} {said}; check ARTICLES and --templates\n"
        )
    assert kept.read_bytes() == b"a deck" and not new.exists()
