"""The trained act model: the shipped weights, the hash check, and what it settles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import quotegraph
from quotegraph.errors import ModelError
from quotegraph.model.act_model import ACT_WEIGHTS_SHA256, SoftmaxModel, default_act_model

WEIGHTS = Path(__file__).parents[2] / "src" / "quotegraph" / "model" / "weights" / "acts.json"


def test_shipped_model_loads_with_its_hash_and_knows_the_three_acts():
    model = default_act_model()
    assert set(model.classes) == {"statement", "claim", "accusation"}
    assert all(model.weights[c] for c in model.classes)


def test_probabilities_sum_to_one_and_follow_the_weights():
    model = SoftmaxModel(("a", "b"), {"a": {"x": 2.0}, "b": {}}, {"a": 0.0, "b": 0.0})
    assert model.probabilities({})["a"] == pytest.approx(0.5)
    p = model.probabilities({"x": 1.0, "unknown": 5.0})
    assert sum(p.values()) == pytest.approx(1.0) and p["a"] > 0.85


def test_save_then_load_gives_the_same_model_and_bytes(tmp_path):
    model = default_act_model()
    model.save(tmp_path / "acts.json")
    assert (tmp_path / "acts.json").read_bytes() == WEIGHTS.read_bytes()
    assert SoftmaxModel.load(tmp_path / "acts.json", ACT_WEIGHTS_SHA256) == model


def test_a_changed_or_broken_weights_file_is_refused_with_its_name(tmp_path):
    changed = tmp_path / "acts.json"
    shutil.copy(WEIGHTS, changed)
    data = json.loads(changed.read_text())
    data["intercepts"]["claim"] += 1
    changed.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="acts.json: sha256 .* does not match"):
        SoftmaxModel.load(changed, ACT_WEIGHTS_SHA256)
    changed.write_text("{")
    with pytest.raises(ModelError, match="acts.json: not an act model"):
        SoftmaxModel.load(changed)


@pytest.mark.parametrize(("text", "act"), [
    ('"The senator is a liar and a disgrace to this chamber," the governor said.', "accusation"),
    ("The council said the bridge will reopen on Monday after repairs.", "statement"),
])
def test_the_model_settles_reports_judgements_and_blame(text, act):
    [st] = quotegraph.extract(text, published="2016-09-29").statements
    assert st.act == act and 0 < st.act_confidence <= 0.99
