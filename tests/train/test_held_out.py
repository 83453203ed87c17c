"""The held-out act splits (test, test2) never reach training or tuning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.evaluate.acts import HELD_OUT, ActLabel, for_training

ACTS = Path(__file__).parents[1] / "acts"


def test_for_training_drops_exactly_the_held_out_splits():
    labels = [ActLabel("d", ((i, i + 1),), "claim", split) for i, split in
              enumerate(["tune", "train", "test", "test2", None])]
    assert set(HELD_OUT) == {"test", "test2"}
    assert [lab.split for lab in for_training(labels)] == ["tune", "train", None]


def test_train_acts_finds_nothing_to_learn_from_held_out_labels(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the [train] extra (scikit-learn)")
    # The bundled tune labels, relabelled as held out: training must see none of them.
    rows = [json.loads(line) for line in (ACTS / "acts_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    held = tmp_path / "held.jsonl"
    held.write_text("".join(json.dumps({**r, "split": ("test", "test2")[i % 2]}) + "\n"
                            for i, r in enumerate(rows)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["train-acts", "--gold", str(ACTS / "acts_docs.jsonl"),
                                      "--acts", str(held), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "too few labels to train on: 0 matched" in str(result.exception)
    assert not (tmp_path / "out" / "acts.json").exists()
