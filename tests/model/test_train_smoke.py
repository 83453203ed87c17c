"""Training smoke test: three PolNeAR documents per split, when the data and scikit-learn are here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.model import AttributionModel

POLNEAR = Path(__file__).parents[2].parent / "shared" / "data" / "polnear"


def test_train_writes_loadable_weights_and_dev_scores(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the [train] extra (scikit-learn)")
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR data not found at {POLNEAR} (it is kept outside the repository)")
    result = CliRunner().invoke(cli, ["train", "--polnear", str(POLNEAR), "--out", str(tmp_path), "--limit", "3"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    model = AttributionModel.load(tmp_path / "attribution.json", report["sha256"])
    assert model.cue is not None and set(report["dev"]) >= {"source_f1", "content_f1", "relation_f1"}
