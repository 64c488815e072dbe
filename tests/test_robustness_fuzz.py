"""Run each atheris fuzz target briefly (see fuzz/README.md for long runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    "fuzz_loader.py": ROOT / "tests" / "fixtures" / "articles",
    "fuzz_tagger.py": ROOT / "fuzz" / "corpus" / "tagger",
}


@pytest.mark.parametrize("target", sorted(SEEDS))
def test_fuzz_target_runs_clean(target, tmp_path):
    pytest.importorskip("atheris")
    # New inputs go to the first folder (a scratch one); the seeds are only read.
    cmd = [sys.executable, str(ROOT / "fuzz" / target), "-runs=400", "-seed=1",
           "-max_len=4096", str(tmp_path), str(SEEDS[target])]  # fmt: skip
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done 4" in proc.stderr
    # libFuzzer ends the process without Python's exit handlers: a target cleans up as it goes.
    assert not list(scratch.iterdir())
