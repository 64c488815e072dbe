"""``--jobs`` changes nothing but speed; the progress bar never reaches a pipe or a file."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit import pipeline
from studykit.cli import main
from studykit.progress import Progress

from conftest import ARTICLES


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve articles: the bundled ones, re-dated, so that relative dates resolve anew."""
    out = tmp_path_factory.mktemp("archive")
    for copy in range(4):
        for src in sorted(ARTICLES.glob("*.txt")):
            text = src.read_text(encoding="utf-8")
            text = re.sub(r"date (\d{4})", lambda m, k=copy: f"date {int(m[1]) - k}", text, count=1)
            (out / f"{copy:02d}-{src.name}").write_text(text, encoding="utf-8")
    return out


@pytest.fixture
def one_article_per_task(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send each article to a worker on its own, so that two workers really share the work."""
    monkeypatch.setattr(pipeline, "BATCH_CHARS", 1)


def test_jobs_2_writes_the_same_bytes_as_jobs_1(archive, one_article_per_task):
    runner = CliRunner()
    one = runner.invoke(main, ["questions", str(archive), "--jobs", "1"])
    two = runner.invoke(main, ["questions", str(archive), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert one.stdout.count("\n") >= 20
    assert two.stdout_bytes == one.stdout_bytes


def test_build_outputs_do_not_depend_on_jobs(archive, one_article_per_task, tmp_path):
    runner = CliRunner()
    for jobs in ("1", "2"):
        args = ["build", str(archive), "-o", str(tmp_path / jobs), "--seed", "5", "-j", jobs]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    for name in ("questions.jsonl", "quiz.html"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_library_results_come_back_in_input_order(archive, one_article_per_task):
    paths = [str(archive)]
    serial = pipeline.generate_questions(paths, jobs=1)
    parallel = pipeline.generate_questions(paths, jobs=2, max_per_article=None)
    assert parallel == serial
    _, results = pipeline.run(paths, jobs=2)
    assert [r.article.id for r in results] == sorted(p.stem for p in archive.glob("*.txt"))
    assert all(r.sentences == () for r in results)  # selection does not need them


def test_bad_articles_are_reported_the_same_with_jobs(archive, one_article_per_task, tmp_path):
    bad = tmp_path / "mixed"
    bad.mkdir()
    for p in sorted(archive.glob("*.txt"))[:4]:
        (bad / p.name).write_bytes(p.read_bytes())
    (bad / "zz-undated.txt").write_text("No date header here.\n", encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(main, ["questions", str(bad), "-j", "1"])
    two = runner.invoke(main, ["questions", str(bad), "-j", "2"])
    assert one.exit_code == two.exit_code == 1
    assert one.stderr == two.stderr and "zz-undated.txt:1:" in two.stderr
    assert one.stdout_bytes == two.stdout_bytes


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_when_stderr_is_not_a_terminal():
    stream = io.StringIO()
    bar = Progress(10, stream=stream, delay=0, interval=0)
    for _ in range(10):
        bar.update(1, 1000)
    bar.close()
    assert stream.getvalue() == ""


def test_progress_waits_before_drawing_on_a_terminal():
    quick = _Terminal()
    bar = Progress(10, stream=quick, delay=3600)
    bar.update(5, 1000)
    bar.close()
    assert quick.getvalue() == ""  # work shorter than the delay shows nothing

    slow = _Terminal()
    bar = Progress(10, stream=slow, delay=0, interval=0)
    bar.update(5, 1000)
    assert "5/10 articles" in slow.getvalue()
    bar.close()
    assert slow.getvalue().endswith("\r\x1b[K")  # the line is erased for what follows


def test_cli_writes_no_progress_to_a_captured_stderr(archive):
    result = CliRunner().invoke(main, ["questions", str(archive), "-j", "1"])
    assert result.exit_code == 0
    assert "\r" not in result.stderr and "\x1b[" not in result.stderr
