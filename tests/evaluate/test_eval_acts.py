"""Act scoring: matching labels to statements, the report, and `quotegraph eval --acts`."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.errors import InputError
from quotegraph.evaluate.acts import ActLabel, act_report, agreement, match_acts, read_act_labels
from quotegraph.types import Span, Statement

GOLD = Path(__file__).parents[1] / "acts" / "acts_gold.jsonl"


def st(start, end, act):
    return Statement(id=f"{start}", kind="direct", content=(Span(start, end),), act=act)


def test_match_by_overlap():
    labels = [ActLabel("d", (Span(0, 10),), "threat"), ActLabel("d", (Span(50, 60),), "praise")]
    assert match_acts(labels, [st(2, 12, "warning"), st(100, 120, "praise")]) == [("threat", "warning"), ("praise", None)]


def test_report_figures():
    pairs = [("threat", "threat")] * 10 + [("claim", "statement")] * 10 + [("claim", "claim")] * 2 + [("praise", None)]
    rep = act_report(pairs, min_support=10)
    assert rep["labels"] == 23 and rep["matched"] == 22
    assert rep["per_act"]["threat"]["f1"] == 1.0
    assert rep["per_act"]["statement"]["p"] == 0.0
    assert rep["macro_f1_acts"] == ["claim", "threat"]
    assert rep["confusion"]["claim"] == {"statement": 10, "claim": 2}


def test_labels_file_is_split_and_valid():
    labels = read_act_labels(GOLD)
    assert len(labels) >= 300
    test = read_act_labels(GOLD, "test")
    assert len(test) >= 100 and all(lab.split == "test" for lab in test)


def test_bad_act(tmp_path):
    p = tmp_path / "l.jsonl"
    p.write_text(json.dumps({"doc_id": "d", "content": [[0, 1]], "act": "gossip"}) + "\n")
    with pytest.raises(InputError, match="unknown act"):
        read_act_labels(p)


def test_eval_reports_acts_from_gold_records(tmp_path):
    text = 'The UN has urged Russia to resume talks. "We will never accept this," the minister said.\n'
    i = text.index("to resume")
    j = text.index("We will")
    rec = {"doc_id": "x", "text": text, "quotes": [],
           "acts": [{"content": [[i, i + 16]], "act": "appeal"}, {"content": [[j, j + 22]], "act": "rejection"}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["eval", "--gold", str(gold)])
    assert r.exit_code == 0, r.output
    assert "acts: 2 labels, 2 matched" in r.output and "confusion" in r.output
    r = CliRunner().invoke(cli, ["eval", "--gold", str(gold), "--json"])
    assert json.loads(r.output)["acts"]["accuracy"] == 1.0


def test_agreement_gives_kappa_and_the_report_of_one_annotator_against_the_other():
    first = [ActLabel("d", ((i, i + 5),), a) for i, a in enumerate(["claim", "claim", "statement", "statement"])]
    second = [ActLabel("d", ((i, i + 5),), a) for i, a in enumerate(["claim", "statement", "statement", "statement"])]
    rep = agreement(first, second, min_support=1)
    assert rep["labels"] == 4 and rep["accuracy"] == 0.75 and rep["kappa"] == 0.5


@pytest.mark.parametrize("split", ["tune", "test", "test2"])
def test_the_shipped_second_annotations_agree_with_the_gold_labels(split):
    gold = read_act_labels(GOLD.parent / ("acts_test2.jsonl" if split == "test2" else "acts_gold.jsonl"), split)
    rep = agreement(gold, read_act_labels(GOLD.parent / "acts_second.jsonl", split))
    assert rep["labels"] == len(gold) and rep["kappa"] >= 0.75


def test_act_gate_on_the_bundled_labels(request):
    """Acts on every label whose text is bundled (Wikinews, the RT example) must hold their floors."""
    baseline_path = Path(__file__).with_name("eval_baseline.json")
    r = CliRunner().invoke(cli, ["eval", "--gold", str(GOLD.parent / "acts_docs.jsonl"), "--acts", str(GOLD), "--json"])
    assert r.exit_code == 0, r.output
    acts = json.loads(r.output)["acts"]
    figures = {"accuracy": acts["accuracy"], "macro_f1": acts["macro_f1"]}
    baseline = json.loads(baseline_path.read_text(encoding="utf-8"))
    if request.config.getoption("--update-baseline"):
        baseline["acts_bundled"] = {k: math.floor(v * 1000) / 1000 for k, v in figures.items()}
        baseline_path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return
    floors = baseline["acts_bundled"]
    # Two labelled items make no statement: one reports that nothing was said ("refused to give
    # any more details …", issue 14), and one is a passive report whose agent is unstated ("the
    # parents were advised to …"), which took the subject of the verb it is joined to, a
    # four-month-old, until the rule in indirect.subject_of; every other label finds its statement.
    assert (acts["labels"], acts["matched"]) == (211, 209)
    assert all(figures[k] >= floors[k] - 0.01 for k in floors), (figures, floors)
