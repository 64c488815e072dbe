"""How fast is studykit, measured against the alternatives? Prints every figure and the targets.

Usage::

    # once: TimeML documents written as articles
    python3 ../shared/tools/timex_score.py export ../shared/data/tempeval3/TBAQ-cleaned /tmp/tbaq
    python benchmarks/speed.py /tmp/tbaq                  # everything (about ten minutes)
    python benchmarks/speed.py /tmp/tbaq --quick          # no 10,000-article run, no 10x TBAQ

The TBAQ folder (TempEval-3's TimeBank and AQUAINT texts written as dated articles) is
optional; without it the bundled articles, repeated, are the only corpus. Figures are in
characters of article body per second (headers excluded), measured on one core unless a
figure says otherwise. The export figure lives in ``benchmarks/export_anki.py``.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import BUNDLED, ROOT, article_files, body_chars, repeat_articles  # noqa: E402

PY = sys.executable
# Modules that ``studykit --help`` must not import (they cost start-up time).
HEAVY = ("yaml", "jinja2", "genanki", "regex", "dateparser", "studykit.templates",
         "studykit.mentions", "studykit.timex")  # fmt: skip

# dateparser's speed in the issue's own measurement: what a run's figures scale to.
DATEPARSER_REFERENCE_MB_S = 0.11

TARGETS = {
    "dates_mb_s": 1.0,  # MB/s on one core
    "dates_vs_dateparser": 10.0,  # x dateparser's chars/s
    "questions_mb_s": 0.5,  # MB/s on one core
    "help_vs_python": 4.0,  # at most x bare start-up
    "memory_mb": 300.0,  # peak RSS for 10,000 articles
    "scaling_10x": 11.0,  # at most x the time for 10x the articles
}


def mb_s(chars: int, seconds: float) -> float:
    return chars / seconds / 1e6


def _load(folder: Path) -> list:  # type: ignore[type-arg]
    from studykit.articles import load_article

    return [load_article(p) for p in article_files(folder)]


# ---------------------------------------------------------------------------- dates ----


def dates_library(folder: Path) -> dict[str, float]:
    """``studykit.timex.tag`` over every body: a first (cold) pass, then a timed warm pass.

    The cold pass also pays for what the tagger sets up on first use (the grammar loaded, one
    regex compiled per rule), as the start of every process does.
    """
    from studykit.timex import tag

    arts = _load(folder)
    chars = sum(len(a.body) for a in arts)
    c = time.process_time()
    for a in arts:
        tag(a.body, a.date)
    cold = time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    found = sum(len(tag(a.body, a.date)) for a in arts)
    sec, cpu = time.perf_counter() - t, time.process_time() - c
    return {"chars": chars, "seconds": sec, "cpu_seconds": cpu, "mb_s": mb_s(chars, sec),
            "cold_cpu_seconds": cold, "cold_cpu_mb_s": mb_s(chars, cold),
            "cpu_mb_s": mb_s(chars, cpu), "timexes": found}  # fmt: skip


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (all processes) of one ``studykit`` run, output thrown away."""
    c, t = _children_cpu(), time.perf_counter()
    subprocess.run([PY, "-m", "studykit", *args], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True, cwd=ROOT, env=bytecode_env())  # fmt: skip
    return time.perf_counter() - t, _children_cpu() - c


_CACHE = tempfile.mkdtemp(prefix="studykit-bench-pycache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


def bytecode_env() -> dict[str, str]:
    """The environment of an installed program: compiled bytecode cached (outside the tree)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = _CACHE
    return env


def dates_vs_dateparser(folder: Path, docs: int) -> dict[str, float]:
    """``search_dates`` and ``tag`` on the same subset, in this run (dateparser is slow)."""
    from dateparser.search import search_dates

    from studykit.timex import tag

    arts = _load(folder)[:docs]
    chars = sum(len(a.body) for a in arts)
    for a in arts:  # both warm: rules compiled, caches filled
        tag(a.body, a.date)
    search_dates(arts[0].body, languages=["en"])
    t = time.process_time()
    ours = sum(len(tag(a.body, a.date)) for a in arts)
    ours_sec = time.process_time() - t
    t = time.process_time()
    theirs = 0
    for a in arts:
        base = dt.datetime.combine(a.date, dt.time())
        # English only and a relative base: the fastest fair setting for dateparser.
        found = search_dates(a.body, languages=["en"], settings={"RELATIVE_BASE": base})
        theirs += len(found or [])
    their_sec = time.process_time() - t
    return {"docs": len(arts), "chars": chars, "studykit_mb_s": mb_s(chars, ours_sec),
            "dateparser_mb_s": mb_s(chars, their_sec), "ratio": their_sec / ours_sec,
            "studykit_found": ours, "dateparser_found": theirs}  # fmt: skip


# ------------------------------------------------------------------------ questions ----


def questions_library(folder: Path, phases: bool = True, repeats: int = 3) -> dict[str, float]:
    """The whole path in one process, and where its time goes (each phase run on its own).

    The whole path is timed ``repeats`` times and the fastest run counts: on a shared machine
    other work only ever adds time. Each phase is timed once."""
    from studykit.generate import generate_article
    from studykit.mentions import annotate
    from studykit.pipeline import generate_questions
    from studykit.select import select
    from studykit.templates import load_templates
    from studykit.timex import tag

    arts = _load(folder)
    chars = sum(len(a.body) for a in arts)
    templates = load_templates()
    generate_article(arts[0], templates)  # warm-up: rule compilation, vocabularies
    total = cpu = float("inf")
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        qs = generate_questions([str(folder)], jobs=1)
        total = min(total, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    out = {"articles": len(arts), "chars": chars, "seconds": total, "cpu_seconds": cpu,
           "mb_s": mb_s(chars, total), "cpu_mb_s": mb_s(chars, cpu),
           "questions": len(qs)}  # fmt: skip
    if not phases:
        return out
    clock = time.process_time  # CPU time: the machine may be shared
    t0 = clock()
    for a in arts:
        tag(a.body, a.date)
    t_tag = clock() - t0
    t0 = clock()
    for a in arts:
        annotate(a)
    t_annotate = clock() - t0
    t0 = clock()
    results = [generate_article(a, templates) for a in arts]
    t_generate = clock() - t0
    t0 = clock()
    select(results)
    t_select = clock() - t0
    return {**out, "tag_s": t_tag, "mentions_s": t_annotate - t_tag,
            "templates_s": t_generate - t_annotate, "select_s": t_select}  # fmt: skip


# --------------------------------------------------------------------- start-up, memory --


def startup(runs: int) -> dict[str, float]:
    """Median wall time of ``python -c pass`` and of ``studykit --help``, and what --help loads."""

    env = bytecode_env()

    def median(cmd: list[str]) -> float:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, cwd=ROOT, env=env)  # warm-up
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, cwd=ROOT, env=env)
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    script = Path(PY).with_name("studykit")
    help_cmd = [str(script), "--help"] if script.exists() else [PY, "-m", "studykit", "--help"]
    bare = median([PY, "-c", "pass"])
    helped = median(help_cmd)
    imp = subprocess.run([PY, "-X", "importtime", "-m", "studykit", "--help"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stderr  # fmt: skip
    loaded = {line.rsplit("|", 1)[-1].strip() for line in imp.splitlines() if "|" in line}
    return {"python_ms": bare * 1e3, "help_ms": helped * 1e3, "ratio": helped / bare,
            "heavy_loaded": sorted(m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY),
            "command": " ".join(Path(c).name for c in help_cmd)}  # fmt: skip


def peak_memory(folder: Path, jobs: int) -> dict[str, float]:
    """Peak resident memory of ``studykit questions`` over ``folder`` (largest process)."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    cmd = [PY, "-m", "studykit", "questions", str(folder), "-j", str(jobs)]
    out = subprocess.run([PY, "-c", code, *cmd], capture_output=True, text=True, check=True,
                         cwd=ROOT, env=bytecode_env()).stdout.split()  # fmt: skip
    seconds, kib = float(out[0]), int(out[1])
    return {"articles": len(article_files(folder)), "jobs": jobs, "seconds": seconds,
            "peak_mb": kib / 1024}  # fmt: skip


# ---------------------------------------------------------------------------- main -----


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next(ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("tbaq", nargs="?", type=Path, help="folder of TBAQ texts written as articles")
    ap.add_argument("--dateparser-docs", type=int, default=15,
                    help="TBAQ documents given to dateparser (it is slow)")  # fmt: skip
    ap.add_argument("--memory-articles", type=int, default=10_000)
    ap.add_argument(
        "--memory-jobs",
        type=int,
        nargs="+",
        default=[1],
        help="--jobs values for the memory runs (1: the whole run in one process)",
    )
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes for the --jobs figures")  # fmt: skip
    ap.add_argument("--runs", type=int, default=11, help="runs for start-up medians")
    ap.add_argument(
        "--quick", action="store_true", help="skip the 10,000-article and 10x TBAQ runs"
    )
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if args.tbaq and importlib.util.find_spec("dateparser") is None:
        sys.exit("speed.py: the dateparser comparison needs dateparser: "
                 "run .venv/bin/pip install -e '.[bench]' first")  # fmt: skip

    fig: dict[str, object] = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                              "machine": machine()}  # fmt: skip
    print(f"# {fig['date']} on {fig['machine']}")
    with tempfile.TemporaryDirectory(prefix="studykit-bench-") as tmp:
        tmpdir = Path(tmp)
        x10, x100 = tmpdir / "bundled-x10", tmpdir / "bundled-x100"
        repeat_articles(BUNDLED, 10, x10)
        repeat_articles(BUNDLED, 100, x100)
        corpora = {"bundled x10": x10, "bundled x100": x100}
        if args.tbaq:
            corpora["TBAQ"] = args.tbaq

        for name, folder in corpora.items():
            chars = body_chars(folder)
            d = dates_library(folder)
            cli_s, cli_cpu = cli(["dates", str(folder)])
            fig[f"dates {name}"] = {**d, "cli_seconds": cli_s, "cli_cpu_seconds": cli_cpu,
                                    "cli_mb_s": mb_s(chars, cli_s)}  # fmt: skip
            print(
                f"dates     {name:13} library {d['mb_s']:.3f} MB/s (CPU {d['cpu_mb_s']:.3f},"
                f" cold {d['cold_cpu_mb_s']:.3f})"
                f"   CLI end to end {mb_s(chars, cli_s):.3f} MB/s (CPU {mb_s(chars, cli_cpu):.3f})"
                f"   ({chars:,} chars, {d['timexes']:,} timexes)"
            )

        if args.tbaq:
            dp = dates_vs_dateparser(args.tbaq, args.dateparser_docs)
            fig["dateparser"] = dp
            print(
                f"dateparser on {dp['docs']} TBAQ docs ({dp['chars']:,} chars): "
                f"{dp['dateparser_mb_s'] * 1e3:.2f} KB/s; studykit {dp['studykit_mb_s']:.3f} MB/s"
                f" = {dp['ratio']:.0f}x ({dp['studykit_found']} vs {dp['dateparser_found']} found)"
            )

        for name, folder in corpora.items():
            chars = body_chars(folder)
            q = questions_library(folder)
            one, one_cpu = cli(["questions", str(folder), "-j", "1"])
            many, many_cpu = cli(["questions", str(folder), "-j", str(args.jobs)])
            fig[f"questions {name}"] = {**q, "cli_j1_seconds": one, "cli_j1_cpu_seconds": one_cpu,
                                        "cli_jN_seconds": many,
                                        "cli_jN_cpu_seconds": many_cpu}  # fmt: skip
            print(
                f"questions {name:13} library {q['mb_s']:.3f} MB/s (CPU {q['cpu_mb_s']:.3f})"
                f"   CLI -j 1 {mb_s(chars, one):.3f} MB/s (CPU {mb_s(chars, one_cpu):.3f})"
                f"   CLI -j {args.jobs} {mb_s(chars, many):.3f} MB/s wall"
                f"   ({q['articles']} articles, {q['questions']:,} questions)"
            )
            print(
                f"          CPU time per phase: tag {q['tag_s']:.2f}s,"
                f" mentions {q['mentions_s']:.2f}s,"
                f" templates+render {q['templates_s']:.2f}s, select {q['select_s']:.2f}s"
            )

        b10, b100 = fig["questions bundled x10"], fig["questions bundled x100"]
        scale = {"bundled x10 -> x100": b100["cpu_seconds"] / b10["cpu_seconds"]}  # type: ignore[index]
        if args.tbaq and not args.quick:
            tbaq10 = tmpdir / "tbaq-x10"
            repeat_articles(args.tbaq, 10, tbaq10)
            q10 = questions_library(tbaq10, phases=False, repeats=1)
            fig["questions TBAQ x10"] = q10
            scale["TBAQ x1 -> x10"] = q10["cpu_seconds"] / fig["questions TBAQ"]["cpu_seconds"]  # type: ignore[index]
            print(
                f"questions TBAQ x10      library {q10['cpu_mb_s']:.3f} MB/s (CPU time),"
                f" {q10['articles']} articles"
            )
        fig["scaling"] = scale
        for k, v in scale.items():
            print(f"scaling   {k}: {v:.2f}x the CPU time for 10x the articles")

        st = startup(args.runs)
        fig["startup"] = st
        print(
            f"start-up  python -c pass {st['python_ms']:.0f} ms, {st['command']} "
            f"{st['help_ms']:.0f} ms = {st['ratio']:.2f}x; heavy modules loaded: "
            f"{', '.join(st['heavy_loaded']) or 'none'}"
        )

        if not args.quick and args.memory_articles:
            big = tmpdir / "bundled-10k"
            n_copies = -(-args.memory_articles // len(article_files(BUNDLED)))
            repeat_articles(BUNDLED, n_copies, big)
            for jobs in args.memory_jobs:
                mem = peak_memory(big, jobs)
                fig[f"memory j{jobs}"] = mem
                print(
                    f"memory    {mem['articles']:,} articles, -j {jobs}: peak "
                    f"{mem['peak_mb']:.0f} MB (largest process), {mem['seconds']:.0f} s"
                )

    print("\ntargets:")
    tb = "TBAQ" if args.tbaq else "bundled x100"
    rows = [
        ("dates MB/s (library, CPU time)", fig[f"dates {tb}"]["cpu_mb_s"], ">=", "dates_mb_s"),  # type: ignore[index]
        ("questions MB/s (library, CPU time)", fig[f"questions {tb}"]["cpu_mb_s"], ">=",  # type: ignore[index]
         "questions_mb_s"),
        ("--help / python start-up", st["ratio"], "<=", "help_vs_python"),
        ("time for 10x articles", max(scale.values()), "<=", "scaling_10x"),
    ]  # fmt: skip
    if "dateparser" in fig:
        rows.append(("dates / dateparser chars/s", fig["dateparser"]["ratio"], ">=",  # type: ignore[index]
                     "dates_vs_dateparser"))  # fmt: skip
    for key in (k for k in fig if k.startswith("memory")):
        rows.append((f"peak MB, {args.memory_articles:,} articles, {key[7:]}",
                     fig[key]["peak_mb"], "<=", "memory_mb"))  # type: ignore[index]  # fmt: skip
    for label, value, op, key in rows:
        target = TARGETS[key]
        ok = value >= target if op == ">=" else value <= target
        print(f"  {'PASS' if ok else 'MISS'}  {label:38} {value:10.3f}  (target {op} {target})")
    if "dateparser" in fig:
        # The machine's speed, read off dateparser in this run: the issue measured it at
        # 0.11 MB/s, and shared machines vary threefold from one day to the next.
        scale_to = DATEPARSER_REFERENCE_MB_S / fig["dateparser"]["dateparser_mb_s"]  # type: ignore[index]
        print(
            f"\nscaled to a machine on which dateparser reads {DATEPARSER_REFERENCE_MB_S} MB/s "
            f"(this one: {fig['dateparser']['dateparser_mb_s']:.3f}): "  # type: ignore[index]
            f"dates {fig[f'dates {tb}']['cpu_mb_s'] * scale_to:.2f} MB/s, "  # type: ignore[index]
            f"questions {fig[f'questions {tb}']['cpu_mb_s'] * scale_to:.2f} MB/s"  # type: ignore[index]
        )
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
