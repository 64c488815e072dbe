"""Export speed: studykit's .apkg writer against plain genanki writing the same number of notes.

Both sides write N notes to a fresh file in the same run, alternating, and the median of the
repeats is compared. The reference is what genanki alone needs: notes with the same number of
fields and about the same amount of text, no GUID or escaping work. studykit's side is
everything from questions to the written file: building notes (escaping, choices, tags,
decks) and writing the package atomically. The budget is 1.5 times the reference.

    python benchmarks/export_anki.py            # 10,000 notes, 5 repeats
    python benchmarks/export_anki.py -n 2000 -r 3
    python benchmarks/export_anki.py --rebuild  # also time a rebuild over the previous file

Exits with status 1 when the ratio is over the budget.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

import genanki

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from studykit.export import anki as ak  # noqa: E402
from studykit.model import Question  # noqa: E402

BUDGET = 1.5
TIMESTAMP = 1_700_000_000.0

SENTENCE = (
    "Russian news agencies quoted the defence ministry as saying {n:,} peacekeepers would be "
    "deployed with 90 armoured vehicles, after an early morning ceasefire took effect."
)
TITLE = "Armenia and Azerbaijan agree a deal with Russia to end weeks of clashes ({a})"


def questions(n: int) -> list[Question]:
    """N distinct questions, two thirds cloze and one third short answers with choices, as
    the shipped templates yield from news articles."""
    out = []
    for i in range(n):
        sentence = SENTENCE.format(n=1000 + i)
        article = f"2020-11-{1 + i % 28:02d}-article-{i % 50}"
        common = dict(
            id=f"{i:016x}", article=article + ".txt", article_id=article,
            article_date=f"2020-11-{1 + i % 28:02d}", article_title=TITLE.format(a=i % 50),
            when="2020-11-10", sentence=sentence, start=0, end=len(sentence),
            choices=("1,000", "1,500", "1,800"),
        )  # fmt: skip
        if i % 3:
            blank = f"{1000 + i:,}"
            cloze = "(10 November 2020) " + sentence.replace(blank, "{{c1::" + blank + "}}", 1)
            q = Question(kind="cloze", question=cloze.replace("{{c1::" + blank + "}}", "_____"),
                         answer=blank, template="cloze-count", cloze=cloze,
                         tags=("studykit", "cloze-count", "cloze", article, "2020"),
                         **common)  # type: ignore[arg-type]  # fmt: skip
        else:
            q = Question(kind="short", question="How many peacekeepers would be deployed?",
                         answer=f"{1000 + i:,}", template="count-of",
                         tags=("studykit", "count-of", "short", article, "2020"),
                         **common)  # type: ignore[arg-type]  # fmt: skip
        out.append(q)
    return out


REFERENCE_MODEL = genanki.Model(
    1_999_000_001,
    "reference",
    fields=[{"name": f"F{i}"} for i in range(6)],
    templates=[{"name": "Card 1", "qfmt": "{{F0}}", "afmt": "{{F1}}"}],
)


def reference(qs: list[Question], path: str) -> None:
    """Plain genanki: one note per question with six plain fields, one deck, one file."""
    deck = genanki.Deck(1_999_000_002, "reference")
    for q in qs:
        fields = [q.question, q.answer, ", ".join(q.choices), q.sentence, q.article_title,
                  q.article_date]  # fmt: skip
        deck.add_note(genanki.Note(model=REFERENCE_MODEL, fields=fields))
    genanki.Package(deck).write_to_file(path, timestamp=TIMESTAMP)


def studykit(qs: list[Question], path: str) -> None:
    """studykit's export, as ``studykit anki`` runs it."""
    ak.write_deck(qs, path, "Benchmark", TIMESTAMP)


def timed(fn: Callable[[list[Question], str], None], qs: list[Question], path: str) -> float:
    start = time.perf_counter()
    fn(qs, path)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--notes", type=int, default=10_000)
    parser.add_argument("-r", "--repeats", type=int, default=5)
    parser.add_argument(
        "--rebuild", action="store_true", help="also time writing over the previous build"
    )
    args = parser.parse_args()
    qs = questions(args.notes)
    ref_times, our_times, rebuild_times = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeats):
            ref_path = os.path.join(tmp, f"ref{r}.apkg")
            our_path = os.path.join(tmp, f"ours{r}.apkg")
            ref_times.append(timed(reference, qs, ref_path))
            our_times.append(timed(studykit, qs, our_path))
            if args.rebuild:
                rebuild_times.append(timed(studykit, qs, our_path))
    ref, ours = statistics.median(ref_times), statistics.median(our_times)
    ratio = ours / ref
    print(f"notes:     {args.notes:,} ({args.repeats} repeats, median)")
    print(f"genanki:   {ref:.3f} s")
    print(f"studykit:  {ours:.3f} s")
    if rebuild_times:
        print(f"rebuild:   {statistics.median(rebuild_times):.3f} s (over the previous file)")
    print(f"ratio:     {ratio:.2f} (budget {BUDGET})")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
