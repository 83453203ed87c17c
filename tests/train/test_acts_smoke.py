"""Act model training on the bundled Wikinews labels: it runs, skips the test split, and repeats exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.model.act_model import SoftmaxModel

ACTS = Path(__file__).parents[2] / "tests" / "acts"


def train(out: Path) -> dict:
    result = CliRunner().invoke(cli, ["train-acts", "--gold", str(ACTS / "acts_docs.jsonl"),
                                      "--acts", str(ACTS / "acts_gold.jsonl"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_train_acts_writes_a_loadable_model_and_the_same_bytes_every_time(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the [train] extra (scikit-learn)")
    report = train(tmp_path / "a")
    model = SoftmaxModel.load(tmp_path / "a" / "acts.json", report["sha256"])
    assert set(model.classes) == {"statement", "claim", "accusation"}
    # Only the labels whose text is bundled (Wikinews, the RT example) are used, never `test`.
    assert set(report["cross_validation"]) == {"tune"}
    cv = report["cross_validation"]["tune"]
    assert cv["rules"]["labels"] == cv["rules+model"]["labels"] > 100
    assert train(tmp_path / "b")["sha256"] == report["sha256"]


def test_train_acts_without_the_labelled_documents_says_so_in_one_line(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the [train] extra (scikit-learn)")
    result = CliRunner().invoke(cli, ["train-acts", "--gold", str(ACTS / "acts_docs.jsonl"),
                                      "--acts", str(ACTS / "acts_train.jsonl"), "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "too few labels to train on: 0 matched" in str(result.exception)
