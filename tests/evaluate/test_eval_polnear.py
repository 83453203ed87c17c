"""Gold readers: BRAT standoff, the raw PolNeAR layout, and gold_*.jsonl."""

from __future__ import annotations

import json

import pytest

from quotegraph.errors import InputError
from quotegraph.evaluate import (
    gold_to_record,
    load_polnear,
    parse_ann,
    read_brat_split,
    read_gold_jsonl,
)
from quotegraph.types import Span

TEXT = "Budget talks. The senator said the deal was close, aides said, and “ready soon.”\n"
ANN = "\n".join([
    "T1\tSource 14 25\tThe senator",
    "T2\tCue 26 30\tsaid",
    "T3\tContent 31 49;67 80\tthe deal was close and “ready soon.”",
    "T4\tAttribution 26 30\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tCue 57 61\tsaid",
    "T6\tSource 51 56\taides",
    "T7\tContent 31 49\tthe deal was close",
    "T8\tContent 67 80\t“ready soon.”",
    "E2\tAttribution:T4 Cue:T5 Source:T6 Content:T7 Content2:T8 ",
    "E3\tAttribution:T4 Cue:T5 Source:T6",  # no content: dropped
    "T9\tCue 26 30\tsaid",
    "E4\tAttribution-no-source:T4 Cue:T9 Content:T7",
    "T10\tDiscard 0 13\tBudget talks.",
    "",
])


def test_parse_ann():
    got = parse_ann(ANN)
    assert [a["id"] for a in got] == ["E1", "E2", "E4"]
    assert got[0]["content"] == [Span(31, 49), Span(67, 80)]
    assert got[1]["content"] == [Span(31, 49), Span(67, 80)]  # Content + Content2
    assert got[1]["source"] == [Span(51, 56)]
    assert got[2]["source"] == []
    assert TEXT[got[2]["cue"][0].start : got[2]["cue"][0].end] == "said"


def test_parse_ann_rejects_bad_offsets():
    with pytest.raises(InputError, match="x.ann:1"):
        parse_ann("T1\tContent 3 x\tfoo", "x.ann")


def write_corpus(root, annotators=("b2", "a1")):
    for d in ("text", "attributions"):
        (root / "dev" / d).mkdir(parents=True)
    (root / "dev" / "text" / "paper_2016-01-01_talks.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "text" / "paper_2016-01-02_unannotated.txt").write_text("Nothing.", encoding="utf-8")
    for who in annotators:
        ann = ANN if who == min(annotators) else "T1\tContent 0 6\tBudget\nT2\tCue 7 12\ttalks\nE1\tAttribution:T2 Content:T1 Cue:T2"
        (root / "dev" / "attributions" / f"paper_2016-01-01_talks_{who}.ann").write_text(ann, encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\ttitle\n"
        "dev\tpaper_2016-01-01_talks\tpaper\t2016-01-01\tBudget talks\n", encoding="utf-8")


def test_read_brat_split_uses_smallest_annotator_and_metadata(tmp_path):
    write_corpus(tmp_path)
    (doc,) = read_brat_split(tmp_path, "dev")
    assert (doc.doc_id, doc.annotator, doc.annotators) == ("paper_2016-01-01_talks", "a1", ("a1", "b2"))
    assert (doc.publisher, doc.published, doc.title) == ("paper", "2016-01-01", "Budget talks")
    assert doc.text == TEXT
    record = gold_to_record(doc)
    assert record["quotes"][0]["content"] == [[31, 49, "the deal was close"], [67, 80, "“ready soon.”"]]
    assert record["quotes"][0]["has_quote_mark"] is True
    assert record["quotes"][2]["source"] == [] and record["quotes"][2]["has_quote_mark"] is False
    # gold_*.jsonl written from it reads back as the same documents
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert read_gold_jsonl(path) == [doc]


def test_missing_split_and_markdown(tmp_path):
    write_corpus(tmp_path)
    with pytest.raises(InputError, match="no PolNeAR 'test' split"):
        read_brat_split(tmp_path, "test")
    with pytest.raises(InputError, match="no markdown variant"):
        load_polnear(tmp_path, "dev", markdown=True)


def test_read_gold_jsonl_reports_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "a", "text": "x", "quotes": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        read_gold_jsonl(path)
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a gold record"):
        read_gold_jsonl(path)


@pytest.mark.polnear
@pytest.mark.parametrize("split", ["dev"])
def test_brat_reader_reproduces_gold_jsonl(polnear_dir, split):
    docs = read_brat_split(polnear_dir, split)
    with open(polnear_dir / f"gold_{split}.jsonl", encoding="utf-8") as f:
        expected = [json.loads(line) for line in f]
    assert len(docs) == len(expected) == 84
    for doc, want in zip(docs, expected, strict=True):
        assert gold_to_record(doc) == want, doc.doc_id


@pytest.mark.polnear
def test_markdown_gold_round_trips(polnear_dir):
    docs = load_polnear(polnear_dir, "dev", markdown=True)
    with open(polnear_dir / "gold_dev_markdown.jsonl", encoding="utf-8") as f:
        expected = [json.loads(line) for line in f]
    assert [gold_to_record(d) for d in docs] == expected
    for doc in docs:
        for q in doc.quotes:
            for sp in q.content:
                assert 0 <= sp.start < sp.end <= len(doc.text)
