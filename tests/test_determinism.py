"""The same articles give the same questions in every process: nothing may depend on the
order Python happens to keep a set in, which changes with each interpreter's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

# Two people who share a name ("Saddam Hussein" and "King Hussein"), each also called by
# one word: which lone name is resolved first once decided who "Saddam" was.
ARTICLE = (
    " date 1990-08-16 The showdown took a more personal turn on Thursday when Iraq's Saddam "
    "Hussein called President Bush a liar. In a long attack read on television, Saddam "
    "repeatedly called Bush a liar and said a war could bring 5,000 Americans home in "
    "coffins. After a two-hour meeting with King Hussein of Jordan, Bush said he had no hope. "
    "Bush said King Hussein assured him Jordan would close its port to Iraqi trade. \"It's "
    'our only outlet to the sea and the rest of the world," Hussein said. Saddam said Iraq '
    "had annexed Kuwait on Aug. 8.\n"
)


def _questions(path: str, hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run(
        [sys.executable, "-m", "studykit", "questions", path, "--format", "jsonl", "-o", "-"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return proc.stdout


def test_questions_do_not_depend_on_the_hash_seed(tmp_path):
    path = tmp_path / "1990-08-16-gulf.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    outputs = {seed: _questions(str(path), seed) for seed in ("0", "2", "6")}
    assert outputs["0"].count("\n") > 3, outputs["0"]  # it makes questions at all
    assert outputs["0"] == outputs["2"] == outputs["6"]
    assert '"Saddam Hussein"' in outputs["0"]
