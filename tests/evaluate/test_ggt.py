"""GGT's scoring: the name test, greedy quote matching, reliability (spans and names written here)."""

import json
from pathlib import Path

import pytest

from quotegraph.evaluate.ggt import (
    GgtDoc,
    GgtQuote,
    load_ggt,
    match_quotes,
    reliability_table,
    same_name,
    score_ggt,
)
from quotegraph.types import Span, Speaker, Statement


@pytest.mark.parametrize(("predicted", "reference", "same"), [
    ("Justin Trudeau", "Justin Trudeau", True),
    ("Trudeau", "Justin Trudeau", True),
    ("J. Trudeau", "Justin Trudeau", True),
    ("Mr. Justin Trudeau", "Justin Trudeau", True),
    ("Sophie Trudeau", "Justin Trudeau", False),
    ("officials", "South Korean officials", True),
    ("Donald Trump", "Justin Trudeau", False),
    ("Élise Côté", "Elise Cote", True),
    ("", "Justin Trudeau", False),
])
def test_same_name(predicted, reference, same):
    assert same_name(predicted, reference) is same


TEXT = "Jane Roe said the plant would close. " + '"We tried everything," she said. ' + "Tom Lee said nothing."


def _st(start: int, end: int, name: str | None, sid: str, confidence: float = 0.9, speech: bool = True) -> Statement:
    return Statement(id=sid, kind="indirect", content=(Span(start, end),), confidence=confidence,
                     speaker=Speaker(name, "person") if name else None, speech=speech)


def _doc() -> GgtDoc:
    q1 = GgtQuote(Span(14, 35), Span(0, 8), Span(9, 13), "Jane Roe")
    q2 = GgtQuote(Span(38, 55), Span(58, 61), Span(62, 66), "Jane Roe")
    return GgtDoc("d1", TEXT, "Outlet", (q1, q2), ("Jane Roe",))


def test_match_each_prediction_once_and_by_coverage():
    doc = _doc()
    sts = [_st(14, 30, "Jane Roe", "a"), _st(36, 57, "Tom Lee", "b")]
    assert [(g, p) for g, p, _ in match_quotes(doc, sts, 0.3)] == [(0, 0), (1, 1)]
    # At 0.8 the first prediction covers too little of its quote.
    assert [(g, p) for g, p, _ in match_quotes(doc, sts, 0.8)] == [(0, None), (1, 1)]


def test_score_counts_speech_only_and_tells_wrong_from_missing_names():
    doc = _doc()
    sts = [_st(14, 35, "Jane Roe", "a"), _st(38, 55, "Tom Lee", "b"), _st(67, 88, None, "c", speech=False)]
    r = score_ggt([doc], {TEXT: sts})
    o = r["overall"]
    assert (o["predicted"], o["quotes@0.3"]["f1"]) == (2, 1.0)
    assert (o["speaker_name"], o["wrong_name"]) == (0.5, 0.5)
    assert {e["type"] for e in r["errors"]} == {"wrong speaker"}
    assert o["people_quoted"]["p"] == 0.5 and o["people_quoted"]["r"] == 1.0


def test_reliability_table_and_ece():
    pairs = [(0.9, True)] * 9 + [(0.9, False)] + [(0.2, False)] * 4 + [(0.2, True)]
    t = reliability_table(pairs)
    assert t["n"] == 15
    assert t["ece"] == pytest.approx(0.0, abs=1e-9)


def test_load_ggt_reads_gold_and_text(tmp_path: Path):
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "d1.txt").write_text(TEXT, encoding="utf-8")
    rec = {"doc_id": "d1", "outlet": "Outlet", "sources": ["Jane Roe"],
           "quotes": [{"content": [14, 35], "source": [0, 8], "cue": [9, 13], "reference": "Jane Roe"}]}
    (tmp_path / "gold_dev.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    [doc] = load_ggt(tmp_path)
    assert doc.quotes[0].content.text(doc.text) == "the plant would close"
