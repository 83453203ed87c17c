"""Training smoke test: three PolNeAR documents per split, when the data and scikit-learn are here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.model import AttributionModel

POLNEAR = Path(__file__).parents[2].parent / "shared" / "data" / "polnear"


def train(out: Path) -> dict:
    result = CliRunner().invoke(cli, ["train", "--polnear", str(POLNEAR), "--out", str(out), "--limit", "3"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_train_writes_loadable_weights_and_dev_scores_the_same_every_time(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the [train] extra (scikit-learn)")
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR data not found at {POLNEAR} (it is kept outside the repository)")
    report = train(tmp_path / "a")
    model = AttributionModel.load(tmp_path / "a" / "attribution.json", report["sha256"])
    assert model.cue is not None and set(report["dev"]) >= {"source_f1", "content_f1", "relation_f1"}
    assert train(tmp_path / "b")["sha256"] == report["sha256"]
