"""The wheel carries everything a plain `pip install` needs: templates, vocabularies, layouts."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_contains_templates_and_resources(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    wheel = next(tmp_path.glob("studykit-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.name for p in (ROOT / "question_templates").glob("*.yaml"))
    assert shipped
    for name in shipped:
        assert f"studykit/question_templates/{name}" in names
    for sub in ("studykit/resources", "studykit/timex/resources"):
        for p in sorted((ROOT / sub).glob("*.yaml")):
            assert f"{sub}/{p.name}" in names
    for p in sorted((ROOT / "studykit/export/templates").iterdir()):
        assert f"studykit/export/templates/{p.name}" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_every_word_in_the_vocabularies_is_text():
    """YAML reads a bare on, off, yes or no as a boolean: "On" in a list of words would be
    True, and "on" would never stop a count's noun ("4.35 percent on Tuesday")."""
    from studykit.resources import load

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                assert isinstance(k, (str, int)) and not isinstance(k, bool), (where, k)
                walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for v in node:
                assert v is not None and not isinstance(v, bool), (where, v)
                walk(v, where)

    for package, sub in (
        ("studykit", "studykit/resources"),
        ("studykit.timex", "studykit/timex/resources"),
    ):
        for path in sorted((ROOT / sub).glob("*.yaml")):
            walk(load(path.stem, package), f"{sub}/{path.name}")
