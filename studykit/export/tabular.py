"""Questions as JSON lines, CSV or plain text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from studykit.export.options import mcq_options
from studykit.model import Question

CSV_FIELDS = ("id", "kind", "question", "answer", "choices", "article", "article_date", "when",
              "sentence", "start", "end", "template", "tags", "cloze",
              "answer_written")  # fmt: skip


def _as_printed(q: Question) -> dict:
    """A question's fields, its answer and choices in one form: as the quiz and the deck
    print them ("in 2020" among "in 2017" and "in 2018"). Where that is not how the article
    words the answer ("three years ago (2020)"), ``answer_written`` keeps the article's
    words; ``mcq`` repeats the printed options."""
    d = q.to_json()
    if q.choices:
        right, wrong = mcq_options(q)
        d["mcq"] = {"answer": right, "choices": list(wrong)}
        if right != q.answer:
            d["answer_written"] = q.answer
        d["answer"], d["choices"] = right, list(wrong)
    return d


def iter_jsonl(questions: Iterable[Question]) -> Iterator[str]:
    """One JSON line a question (written out as it goes, for large archives), its answer in
    the form of its choices (see ``_as_printed``)."""
    for q in questions:
        yield json.dumps(_as_printed(q), ensure_ascii=False) + "\n"


def to_jsonl(questions: Iterable[Question]) -> str:
    return "".join(iter_jsonl(questions))


def to_csv(questions: list[Question]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for q in questions:
        d = _as_printed(q)
        d.setdefault("answer_written", "")
        d["choices"] = " | ".join(d["choices"])
        d["tags"] = " ".join(q.tags)
        w.writerow(["" if d[f] is None else d[f] for f in CSV_FIELDS])
    return buf.getvalue()


def to_text(questions: list[Question]) -> str:
    lines = []
    for i, q in enumerate(questions, 1):
        lines.append(f"{i}. [{q.kind}] {q.question}")
        lines.append(f"   answer: {q.answer}")
        if q.choices:
            # As the quiz and the deck print them: "three years ago (2020)" among plain
            # years is printed "2020". A bar apart, since a date may hold a comma.
            right, wrong = mcq_options(q)
            if right != q.answer:
                lines.append(f"   printed as: {right}")
            lines.append(f"   wrong choices: {' | '.join(wrong)}")
        lines.append(f"   from {q.article} ({q.article_date}): {q.sentence}")
        lines.append("")
    return "\n".join(lines)
