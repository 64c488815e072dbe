"""Bad articles get one clear ``path:line: message`` and exit status 1; good ones beside
them are still processed. Every case has a fixture file in tests/fixtures/articles/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.articles import MAX_ARTICLE_BYTES, decode, find_articles, load_article
from studykit.cli import main
from studykit.errors import StudykitError
from studykit.text import split_sentences

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
GOOD = ("good-ceasefire.txt", "good-front-matter.md")

# fixture file -> (line, words the message must contain)
BAD = {
    "no-date.txt": (1, "no date header"),
    "impossible-date.txt": (1, "impossible date '2020-13-45'"),
    "empty.txt": (1, "empty file"),
    "binary.txt": (3, "binary data"),
    "not-utf8.txt": (2, "not UTF-8 (byte 0x81"),
    "front-matter-bad-date.md": (3, "impossible date '2020-02-30'"),
    "front-matter-date-list.md": (2, "'date:' must be one date"),
    # a header nearly right is named with its fix
    "date-with-colon.txt": (1, "(did you mean 'date 2023-10-15'?)"),
    "front-matter-colon-in-title.md": (2, "a colon and a space inside a value: put the whole"),
    "date-unpadded.txt": (1, "(did you mean 2024-03-08?)"),
    "date-after-a-title.txt": (1, "(its 'date' line is there, but after another"),
    "date-without-its-word.txt": (1, "(did you mean 'date 2024-03-08'?)"),
    # a key nearly one studykit reads would lose the title without a word ("author:" is fine)
    "front-matter-misspelt-key.md": (4, "key 'titel' is not one studykit reads (did you mean"),
}


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (exit code, stdout, stderr)."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_each(stderr: str, expected: dict[str, tuple[int, str]], folder: Path) -> None:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert "Traceback" not in stderr
    for name, (line, words) in expected.items():
        prefix = f"{folder / name}:{line}: "
        hits = [ln for ln in lines if ln.startswith(prefix)]
        assert len(hits) == 1, (name, stderr)
        assert words in hits[0], hits[0]


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_article_is_one_message_with_file_and_line(name):
    line, words = BAD[name]
    path = FIXTURES / name
    with pytest.raises(StudykitError) as info:
        load_article(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert words in info.value.message
    assert "\n" not in str(info.value)
    code, out, err = run_cli("dates", str(path))
    assert code == 1
    assert out == ""
    assert err.strip() == f"{path}:{line}: {info.value.message}"


def test_latin1_is_read_when_it_can_be_told_apart():
    a = load_article(FIXTURES / "latin1.txt")
    assert "café" in a.body and "à la française" in a.body
    b = load_article(FIXTURES / "cp1252.txt")
    assert "“a good deal” – on Tuesday" in b.body


def test_bytes_that_are_no_known_encoding_are_reported_with_their_line():
    with pytest.raises(StudykitError, match=r"not UTF-8 \(byte 0x81 at offset 37\)") as info:
        decode((FIXTURES / "not-utf8.txt").read_bytes(), "x.txt")
    assert info.value.line == 2


def test_bom_and_crlf_simply_work_with_exact_offsets():
    path = FIXTURES / "bom-crlf.txt"
    a = load_article(path)
    raw = path.read_bytes().decode("utf-8-sig")
    assert raw.endswith(a.body)  # the body is kept exactly as written, CRs included
    assert a.body.startswith("Armenia and Azerbaijan") and "\r\n" in a.body
    assert a.body_line == 2
    assert str(a.date) == "2020-11-10"
    sents = split_sentences(a.body)
    assert [s.text for s in sents] == [
        "Armenia and Azerbaijan agreed a deal on Tuesday.",
        "Russian President Vladimir Putin confirmed it.",
        "The fighting went on for 44 days.",
    ]
    for s in sents:
        assert a.body[s.start : s.end] == s.text
    code, out, _ = run_cli("dates", "--json", str(path))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["text"] for r in rows} >= {"Tuesday", "44 days"}
    for r in rows:
        assert a.body[r["start"] : r["end"]] == r["text"]
    # The same article with LF line endings has the same sentences and questions.
    lf = a.body.replace("\r\n", "\n")
    assert [s.text for s in split_sentences(lf)] == [s.text for s in sents]


def test_a_bom_with_front_matter_and_crlf(tmp_path):
    p = tmp_path / "fm.md"
    p.write_bytes(b"\xef\xbb\xbf---\r\ntitle: T\r\ndate: 2020-11-10\r\n---\r\nBody on Tuesday.\r\n")
    a = load_article(p)
    assert (a.title, str(a.date), a.body, a.body_line) == (
        "T",
        "2020-11-10",
        "Body on Tuesday.\r\n",
        5,
    )


def test_header_beyond_the_decoded_head_is_still_found(tmp_path):
    # The loader parses the header from the first 64 KiB; a longer front matter (or a
    # multi-byte character cut at that boundary) falls back to reading it whole.
    filler = "note: " + "é" * 40_000 + "\n"
    p = tmp_path / "long.md"
    p.write_text(f"---\ndate: 2020-11-10\n{filler}---\nBody é.\n", encoding="utf-8")
    assert load_article(p).body == "Body é.\n"
    q = tmp_path / "cut.txt"
    q.write_text("date 2020-11-10 " + "é" * 40_000, encoding="utf-8")
    assert load_article(q).body == "é" * 40_000


def test_a_file_that_grew_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("studykit.articles.MAX_ARTICLE_BYTES", 100)
    p = tmp_path / "big.txt"
    p.write_text("date 2020-11-10 " + "word " * 40)
    with pytest.raises(StudykitError, match="limit is 0 MB|over the 0 MB limit"):
        load_article(p)
    assert MAX_ARTICLE_BYTES >= 50 * 1024 * 1024


def test_a_file_that_grew_after_it_was_measured_is_read_whole_or_refused(tmp_path, monkeypatch):
    # The size is measured before the file is opened; another program may append between.
    p = tmp_path / "growing.txt"
    p.write_text("date 2020-11-10 " + "word " * 40)
    monkeypatch.setattr("studykit.articles.os.path.getsize", lambda path: 20)
    assert load_article(p).body.split() == ["word"] * 40
    monkeypatch.setattr("studykit.articles.MAX_ARTICLE_BYTES", 100)
    with pytest.raises(StudykitError, match="over the 0 MB limit"):
        load_article(p)


def test_symlink_loop_is_reported_and_not_followed(tmp_path):
    root = tmp_path / "news"
    sub = root / "world"
    sub.mkdir(parents=True)
    shutil.copy(FIXTURES / "good-ceasefire.txt", sub)
    (sub / "again").symlink_to(root, target_is_directory=True)
    (root / "self.txt").symlink_to(root / "self.txt")  # a file link that loops on itself
    problems: list[StudykitError] = []
    files = find_articles([str(root)], [], problems)
    assert files == [str(sub / "good-ceasefire.txt")]
    assert [(p.path, "loop" in p.message or "broken" in p.message) for p in problems] == [
        (str(root / "self.txt"), True),
        (str(sub / "again"), True),
    ]
    code, out, err = run_cli("dates", str(root))
    assert code == 1
    assert "Tuesday" in out
    assert f"{sub / 'again'}: symlink loop" in err


def test_a_folder_reached_twice_is_read_once_and_is_not_a_loop(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shutil.copy(FIXTURES / "good-ceasefire.txt", shared)
    root = tmp_path / "root"
    root.mkdir()
    (root / "a").symlink_to(shared, target_is_directory=True)
    (root / "b").symlink_to(shared, target_is_directory=True)
    problems: list[StudykitError] = []
    assert find_articles([str(root)], [], problems) == [str(root / "a" / "good-ceasefire.txt")]
    assert problems == []


def test_non_articles_are_skipped_quietly_and_listed_with_verbose():
    code, _, err = run_cli("dates", str(FIXTURES / "good-ceasefire.txt"), str(FIXTURES))
    assert "skipped" not in err
    code, _, err = run_cli("dates", "--verbose", str(FIXTURES))
    assert f"{FIXTURES / 'notes.csv'}: skipped" in err
    assert f"{FIXTURES / 'README'}: skipped" in err
    assert code == 1  # the folder holds the bad fixtures too


def test_good_articles_beside_bad_ones_are_processed_and_written(tmp_path):
    out = tmp_path / "out"
    code, _, err = run_cli("build", str(FIXTURES), "-o", str(out))
    assert code == 1
    assert_one_line_each(err, BAD, FIXTURES)
    rows = [json.loads(line) for line in (out / "questions.jsonl").read_text().splitlines()]
    articles = {r["article"] for r in rows}
    assert set(GOOD) <= articles
    assert "Vladimir Putin" in {r["answer"] for r in rows}
    assert (out / "deck.apkg").stat().st_size > 0
    assert "Nikol Pashinyan" in (out / "quiz.html").read_text()

    code, out_text, err = run_cli("questions", str(FIXTURES))
    assert code == 1
    assert_one_line_each(err, BAD, FIXTURES)
    assert "Ilham Aliyev" in out_text


def test_strict_stops_at_the_first_problem_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    code, _, err = run_cli("build", "--strict", str(FIXTURES), "-o", str(out))
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and str(FIXTURES) in err
    assert not out.exists()
    target = tmp_path / "q.jsonl"
    code, _, _ = run_cli("questions", "--strict", str(FIXTURES), "-o", str(target))
    assert code == 1 and not target.exists()


def test_a_missing_article_path_is_a_clear_error(tmp_path):
    code, _, err = run_cli("dates", str(tmp_path / "nope.txt"))
    assert code == 1
    assert err.strip() == f"{tmp_path / 'nope.txt'}: no such file or folder"


PEAK_RSS = textwrap.dedent(
    """
    import resource, sys
    from studykit.articles import load_article
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    a = load_article(sys.argv[1])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(base, peak, len(a.body), a.body.endswith("control." + chr(10) * 2), a.title[:7])
    """
)


def test_a_50_mb_article_loads_in_bounded_memory(tmp_path):
    paragraph = (
        "Armenia and Azerbaijan have agreed on a deal with Russia to end weeks of fierce "
        "clashes over Nagorno-Karabakh on Tuesday. Hundreds of Russian peacekeepers were en "
        "route to the ethnic Armenian territory, which broke from Azerbaijan’s control.\n\n"
    )
    path = tmp_path / "huge.txt"
    size = 50 * 1024 * 1024
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("date 2020-11-10 ")
        fh.write(paragraph * (size // len(paragraph.encode()) + 1))
    assert path.stat().st_size > size
    proc = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, str(path)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    base, peak, chars, whole, title = proc.stdout.split()
    assert int(chars) > 50_000_000 and whole == "True" and title == "Armenia"
    # ru_maxrss is in KiB. The curly apostrophe makes the body two bytes a character, so
    # the bytes (50 MB) plus the body (100 MB) are the floor. Reading the whole text and
    # slicing the body out of it held four copies at once (over 250 MB).
    grown_mb = (int(peak) - int(base)) / 1024
    assert grown_mb < 200, f"loading a 50 MB article took {grown_mb:.0f} MB"
    os.unlink(path)


def test_numbers_too_long_for_a_float_are_not_counts(tmp_path):
    """A 400-digit "number" once overflowed into a traceback; digits beyond what a float
    holds exactly (2**53) are identifiers, not quantities to ask about."""
    from studykit.mentions import number_value

    assert number_value("9" * 400) is None
    assert number_value("12345678901234567890") is None
    assert number_value("9,007,199,254,740,991") == 2**53 - 1
    assert number_value("2.5 million") == 2_500_000
    (tmp_path / "a.txt").write_text(
        f"date 2020-11-10 The count was {'9' * 400} people, officials said on Tuesday.\n"
        "About 2,000 Russian peacekeepers will be deployed for five years, Putin said.\n"
    )
    code, out, err = run_cli("questions", str(tmp_path), "-j", "1")
    assert (code, err) == (0, "")
    answers = [json.loads(line)["answer"] for line in out.splitlines()]
    assert answers and not any("9" * 20 in a for a in answers)


def _fail_on(name: str, real):  # type: ignore[no-untyped-def]
    """``real``, except that it raises, as a bug would, on the article called ``name``."""

    def call(article, *args, **kwargs):  # type: ignore[no-untyped-def]
        body = getattr(article, "body", article)
        if "UNLUCKY" in body or (name and getattr(article, "id", "") == name):
            raise IndexError("list index out of range")
        return real(article, *args, **kwargs)

    return call


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_on_one_article_is_reported_and_the_others_still_give_questions(
    tmp_path, monkeypatch, jobs
):
    import studykit.generate
    import studykit.pipeline

    folder = tmp_path / "articles"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(FIXTURES / name, folder / name)
    unlucky = folder / "unlucky.txt"
    unlucky.write_text((FIXTURES / GOOD[0]).read_text().replace("Armenia", "Ruritania", 1))
    monkeypatch.setattr(studykit.generate, "generate_article",
                        _fail_on("unlucky", studykit.generate.generate_article))  # fmt: skip
    # One article a batch: with -j 2 the unlucky one (last in order) goes to a worker process.
    monkeypatch.setattr(studykit.pipeline, "BATCH_ARTICLES", 1)
    out = tmp_path / "q.jsonl"
    code, _, err = run_cli("questions", str(folder), "-o", str(out), "-j", jobs)
    assert code == 1
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert err.splitlines() == [
        f"{unlucky}:1: studykit failed on this article and left it out (IndexError: list "
        "index out of range); this is a bug in studykit: please report it with the article",
        f"{len(rows)} questions → {out}",
    ]
    assert rows and {r["article"] for r in rows} == set(GOOD)
    code, _, _ = run_cli("questions", str(folder), "-o", str(tmp_path / "s.jsonl"), "--strict")
    assert code == 1 and not (tmp_path / "s.jsonl").exists()


def test_a_bug_while_tagging_one_article_leaves_the_dates_of_the_others(tmp_path, monkeypatch):
    import studykit.timex

    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(FIXTURES / GOOD[0], folder / GOOD[0])
    (folder / "unlucky.txt").write_text("date 2020-11-10 UNLUCKY talks on Tuesday.\n")
    monkeypatch.setattr(studykit.timex, "tag_long", _fail_on("", studykit.timex.tag_long))
    code, out, err = run_cli("dates", str(folder))
    assert code == 1
    assert err.startswith(f"{folder / 'unlucky.txt'}:1: studykit failed on this article")
    assert out and all(line.startswith("good-ceasefire\t") for line in out.splitlines())


def test_a_markdown_article_is_read_as_markdown(tmp_path):
    md = tmp_path / "coup.md"
    md.write_text(
        "---\ndate: 2021-02-01\n---\n\n# Myanmar *coup*\n\n"
        "United States President Joe Biden condemned the coup on **Monday**.\n\n"
        "> The [State Department](https://example.org/state) said _later_ it was a coup.\n\n"
        "- Aung San Suu Kyi was detained. ![photo](suu-kyi.jpg)\n"
    )
    a = load_article(md)
    assert a.title == "Myanmar coup"
    assert a.body == (
        "\n\n\nUnited States President Joe Biden condemned the coup on Monday.\n\n"
        "The State Department said later it was a coup.\n\n"
        "Aung San Suu Kyi was detained. \n"
    )
    assert a.body.count("\n") == md.read_text().split("---\n", 2)[2].count("\n")  # same lines
    result = CliRunner().invoke(main, ["questions", str(md)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    shown = " ".join(r[k] or "" for r in rows for k in ("question", "sentence", "cloze"))
    assert rows and not any(c in shown.replace("{{c1::", "") for c in "#*[]")
    for r in rows:
        assert r["article_title"] == "Myanmar coup"
        assert a.body[r["start"] : r["end"]] == r["sentence"]
    # A .txt article is kept as written, marks and all.
    txt = tmp_path / "coup.txt"
    txt.write_text("date 2021-02-01 # Not a heading, and **kept**.\n")
    assert load_article(txt).body == "# Not a heading, and **kept**.\n"


def test_a_markdown_setext_heading_is_the_title(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("date 2021-02-01\nMyanmar coup\n============\n\nThe army took power.\n")
    a = load_article(md)
    assert a.title == "Myanmar coup" and a.body == "\n\n\nThe army took power.\n"
