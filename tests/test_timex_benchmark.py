"""The TempEval benchmark's own TimeML reader and scorer, on a small made-up document."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "tempeval.py"
_spec = importlib.util.spec_from_file_location("tempeval_bench", _PATH)
assert _spec and _spec.loader
tempeval = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = tempeval  # dataclasses look their module up while being built
_spec.loader.exec_module(tempeval)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>doc1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-11-12" functionInDocument="CREATION_TIME">November 12, 2020</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2020-11-10">Tuesday</TIMEX3> it
<EVENT eid="e2">grew</EVENT> for <TIMEX3 tid="t2" type="DURATION" value="P44D">44 days</TIMEX3> &lt;ok&gt;.
</TEXT>
</TimeML>
"""  # noqa: E501


def test_reader_strips_tags_decodes_entities_and_keeps_offsets(tmp_path):
    (tmp_path / "doc1.tml").write_text(TML, encoding="utf-8")
    (doc,) = tempeval.read_corpus(str(tmp_path))
    assert doc.name == "doc1"
    assert doc.dct == dt.date(2020, 11, 12)
    assert doc.text == "\nAT&T said Tuesday it\ngrew for 44 days <ok>.\n"
    assert [(g["text"], g["type"], g["value"]) for g in doc.gold] == [
        ("Tuesday", "DATE", "2020-11-10"), ("44 days", "DURATION", "P44D")]  # fmt: skip
    for g in doc.gold:
        assert doc.text[g["start"] : g["end"]] == g["text"]


def test_scores_follow_tempeval_semantics():
    doc = tempeval.Doc("d", "x" * 40, dt.date(2020, 1, 1), [
        {"start": 0, "end": 7, "type": "DATE", "value": "A"},
        {"start": 10, "end": 20, "type": "DURATION", "value": "B"},
        {"start": 30, "end": 35, "type": "DATE", "value": "C"},
    ])  # fmt: skip
    pred = [
        {"start": 0, "end": 7, "type": "DATE", "value": "A"},  # exact, right value
        {"start": 12, "end": 22, "type": "DATE", "value": "B"},  # overlap, wrong type
        {"start": 36, "end": 38, "type": "DATE", "value": "Z"},  # no overlap
    ]
    s = tempeval.evaluate([doc], {"d": pred})
    assert round(s["strict_F1"], 2) == round(100 / 3, 2)
    assert round(s["relaxed_F1"], 2) == round(200 / 3, 2)
    assert round(s["type_F1"], 2) == round(200 / 3 / 2, 2)
    assert round(s["value_F1"], 2) == round(200 / 3, 2)


def test_exact_spans_are_paired_before_larger_overlaps():
    gold = [{"start": 0, "end": 10}, {"start": 5, "end": 8}]
    pred = [{"start": 5, "end": 8}, {"start": 0, "end": 9}]
    assert sorted(tempeval.pair_up(gold, pred)) == [(0, 1), (1, 0)]


def test_a_folder_without_timeml_is_an_error_not_a_score_of_zero(tmp_path, capsys):
    assert tempeval.main([str(tmp_path)]) == 2
    out = capsys.readouterr()
    assert "no TimeML .tml files found" in out.err and "value F1" not in out.out
