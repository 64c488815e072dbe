"""Does selection grow linearly with the archive? Times ``select`` alone on synthetic results.

Repeating the bundled articles keeps the distractor pool small (the same names come back),
so it cannot show work that grows with the pool. Here every article brings new names: each
has ``--questions`` person questions and ``--names`` new people in its pool, as a real archive
of different stories would. Prints the time for N and 10 N articles and the ratio.

    .venv/bin/python benchmarks/select_scaling.py            # 500 and 5,000 articles
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from studykit.generate import ArticleResult
from studykit.model import Article, Question
from studykit.select import select

FIRST = ["Anna", "Boris", "Chen", "Dilnoza", "Emeka", "Farid", "Greta", "Hiro", "Ines", "Jamal"]


def person(i: int) -> str:
    """A distinct two-word name for every ``i``."""
    return f"{FIRST[i % len(FIRST)]} Surname{i:06d}"


def results(n: int, per_article: int, names: int) -> list[ArticleResult]:
    out = []
    for a in range(n):
        article = Article(f"a{a:06d}", f"a{a:06d}.txt", dt.date(2020, 1, 1), "Title", "")
        pool = tuple(("person", person(a * names + k)) for k in range(names))
        qs = tuple(
            Question(
                id=f"{a:06d}-{k}",
                kind="short",
                question=f"Who signed treaty {a}-{k}?",
                answer=person(a * names + k % names),
                choices=(),
                article=article.file_name,
                article_id=article.id,
                article_date="2020-01-01",
                article_title="Title",
                when="2020-01-01",
                sentence="A sentence.",
                start=0,
                end=11,
                template="bench",
                tags=("studykit",),
                answer_kind="person",
            )  # fmt: skip
            for k in range(per_article)
        )
        out.append(ArticleResult(article, qs, pool))
    return out


def timed(n: int, per_article: int, names: int) -> float:
    rs = results(n, per_article, names)
    t = time.process_time()
    select(rs)
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--questions", type=int, default=8, help="person questions per article")
    ap.add_argument("--names", type=int, default=6, help="new people per article")
    args = ap.parse_args()
    small = timed(args.articles, args.questions, args.names)
    big = timed(args.articles * 10, args.questions, args.names)
    print(f"select, {args.articles:,} articles: {small:.2f} s CPU; "
          f"{args.articles * 10:,} articles: {big:.2f} s CPU; ratio {big / small:.1f} "
          f"(linear: 10, target <= 11)")  # fmt: skip


if __name__ == "__main__":
    main()
