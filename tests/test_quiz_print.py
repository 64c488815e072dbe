"""Print quizzes with real headless Chromium and check the pages with pypdf.

These tests need a Chromium on PATH; CI installs Debian's (see .ci/run).  They skip only
when no browser is installed at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from test_quiz import dated_pool, question

from studykit.cli import main
from studykit.export.quiz import find_browser, render_quiz, write_pdf
from studykit.model import Question

from conftest import ARTICLES

pytestmark = pytest.mark.skipif(
    find_browser() is None,
    reason="Chromium is not installed (no chromium, chromium-browser or google-chrome on "
    "PATH); CI installs it with apt-get (.ci/run)",
)

FILLER = (
    "The committee met again in the long hall by the river and heard from witnesses, "
    "officials and residents who had followed the matter closely for many months."
)


def long_pool() -> list[Question]:
    """Forty questions long enough to fill several pages, every word of each marked."""
    qs = []
    arts = ("a1", "a2", "a3", "a4", "a5")
    for i in range(1, 41):
        qid = f"{'msx'[i % 3]}{i}"
        # Some run to five lines or more, so a page could break inside them if allowed.
        text = f"qq{qid} {FILLER * (1 + i % 4)} Which answer fits best, end{qid}?"
        if i % 3 == 0:
            qs.append(
                question(
                    qid,
                    "short",
                    text,
                    f"right{i}",
                    (f"wrongA{i}", f"wrongB{i}", f"wrongC{i}"),
                    arts[(i // 3) % 5],
                )
            )
        elif i % 3 == 1:
            qs.append(question(qid, "short", text, article=arts[(i // 3) % 5]))
        else:
            qs.append(question(qid, "truefalse", text, "True", article=arts[(i // 3) % 5]))
    return qs + dated_pool()


def tokens_of(qid: str) -> list[str]:
    """Everything printed for one question: its start and end marks and its choices."""
    n = re.sub(r"\D", "", qid)
    out = [f"qq{qid}", f"end{qid}"]
    if qid.startswith("m"):
        out += [f"right{n}", f"wrongA{n}", f"wrongB{n}", f"wrongC{n}"]
    return out


def pdf_pages(tmp: Path, html: str) -> tuple[PdfReader, list[str]]:
    pdf = tmp / "quiz.pdf"
    write_pdf(html, str(pdf))
    reader = PdfReader(str(pdf))
    return reader, [" ".join((p.extract_text() or "").split()) for p in reader.pages]


def split_versions(pages: list[str]) -> dict[str, tuple[list[int], list[int]]]:
    """Per version label: (its question pages, its answer-key pages)."""
    out: dict[str, tuple[list[int], list[int]]] = {}
    label, part = None, "quiz"
    for i, text in enumerate(pages):
        m = re.search(r"— Version ([A-Z])\b", text)
        if "Answer key — Version" in text and m:
            label, part = re.search(r"Answer key — Version ([A-Z])", text).group(1), "key"
        elif m and "Answer key" not in text:
            label, part = m.group(1), "quiz"
        assert label is not None, f"page {i + 1} belongs to no version"
        out.setdefault(label, ([], []))[0 if part == "quiz" else 1].append(i)
    return out


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory):
    html = render_quiz(long_pool(), "Print test", versions=2, seed=9)
    return pdf_pages(tmp_path_factory.mktemp("print"), html)


def test_page_count_and_page_numbers(two_versions):
    reader, pages = two_versions
    parts = split_versions(pages)
    assert list(parts) == ["A", "B"]
    for quiz_pages, key_pages in parts.values():
        assert 3 <= len(quiz_pages) <= 8  # forty questions and two exercises
        assert 1 <= len(key_pages) <= 2
    assert len(pages) <= 20
    for n, text in enumerate(pages, 1):
        assert f"Page {n} / {len(pages)}" in text  # @page margin boxes print
        assert "file:" not in text and ".html" not in text  # no browser header or footer
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_each_version_and_key_starts_on_its_own_page(two_versions):
    _, pages = two_versions
    parts = split_versions(pages)
    order = []
    for label, (quiz_pages, key_pages) in parts.items():
        assert f"Print test — Version {label}" in pages[quiz_pages[0]]
        assert f"Answer key — Version {label}" in pages[key_pages[0]]
        for i in key_pages:
            assert "qq" not in pages[i]  # no question shares a page with a key
        order += quiz_pages + key_pages
    assert order == list(range(len(pages)))  # A, key A, B, key B


def test_no_question_is_split_across_pages(two_versions):
    _, pages = two_versions
    qids = [q.id for q in long_pool() if not q.id.startswith("d")]
    for label, (quiz_pages, _) in split_versions(pages).items():
        for qid in qids:
            where = {
                i for i in quiz_pages for t in tokens_of(qid) if re.search(rf"\b{t}\b", pages[i])
            }
            assert len(where) == 1, f"version {label}: {qid} on pages {sorted(where)}"
        # The exercises' rows stay with their heading too.
        for head in ("Match each event", "Put these events"):
            at = [i for i in quiz_pages if head in pages[i]]
            assert len(at) == 1
        marks = [f"zqd{n}" for n in range(1, 10)]
        for m in marks:
            assert len([i for i in quiz_pages if m in pages[i]]) <= 1


def test_versions_have_the_same_questions_in_different_orders(two_versions):
    _, pages = two_versions
    seqs = {}
    for label, (quiz_pages, _) in split_versions(pages).items():
        text = " ".join(pages[i] for i in quiz_pages)
        seqs[label] = re.findall(r"\bqq([msx]\d+)\b", text)
    assert len(seqs["A"]) == 40
    assert sorted(seqs["A"]) == sorted(seqs["B"])
    assert seqs["A"] != seqs["B"]


def test_letter_paper(tmp_path):
    reader, pages = pdf_pages(tmp_path, render_quiz(long_pool()[:6], "Letter", paper="letter"))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert 2 <= len(pages) <= 3
    assert "Answer key" in pages[-1] and not any("Answer key" in p for p in pages[:-1])


def test_cli_writes_pdf_from_the_seed_articles(tmp_path):
    out, pdf = tmp_path / "q.html", tmp_path / "q.pdf"
    args = [
        "quiz",
        str(ARTICLES),
        "-o",
        str(out),
        "--pdf",
        str(pdf),
        "--versions",
        "2",
        "--count",
        "12",
        "--seed",
        "2",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages]
    parts = split_versions(pages)
    assert list(parts) == ["A", "B"]
    assert all(q and k for q, k in parts.values())
    assert 4 <= len(pages) <= 10
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no leftovers
