"""The trained attribution model: the shipped weights, the hash check, and what each part decides."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quotegraph.errors import ModelError
from quotegraph.extract.indirect import verb_drafts
from quotegraph.extract.quotes import find_quotes
from quotegraph.model import RULES_ONLY, AttributionModel, LinearModel, default_model
from quotegraph.model.linear import WEIGHTS_SHA256
from quotegraph.nlp import load_pipeline

WEIGHTS = Path(__file__).parents[2] / "src" / "quotegraph" / "model" / "weights" / "attribution.json"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def drafts(nlp, text: str, model: AttributionModel) -> list[tuple[str, str]]:
    """(cue, content) of each verb-anchored draft."""
    doc = nlp(text)
    return [(text[d.cue[0]:d.cue[1]], " | ".join(text[s:e] for s, e in d.content))
            for d in verb_drafts(doc, find_quotes(text), model)]


def test_shipped_weights_load_and_match_their_hash():
    model = default_model()
    assert model.cue is not None and model.cue.weights
    assert 0.0 <= model.cue.thresholds["veto_below"] < model.cue.thresholds["add_above"]
    assert model.cut is None or "cut_above" in model.cut.thresholds


def test_a_changed_weights_file_is_refused(tmp_path):
    bad = tmp_path / "attribution.json"
    shutil.copy(WEIGHTS, bad)
    data = json.loads(bad.read_text())
    data["cue"]["intercept"] += 1.0
    bad.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="does not match the shipped attribution model"):
        AttributionModel.load(bad, WEIGHTS_SHA256)


@pytest.mark.parametrize(("content", "reason"), [
    ("[1, 2", "not an attribution model weights file"),
    ('{"format": 1, "cue": {"weights": {}}}', "not an attribution model weights file"),
])
def test_a_file_that_is_not_weights_is_refused(tmp_path, content, reason):
    bad = tmp_path / "attribution.json"
    bad.write_text(content)
    with pytest.raises(ModelError, match=reason):
        AttributionModel.load(bad)


def test_a_missing_weights_file_is_one_clear_error(tmp_path):
    with pytest.raises(ModelError, match="cannot read the attribution model"):
        AttributionModel.load(tmp_path / "nope.json")


def test_saved_weights_load_back_the_same(tmp_path):
    model = AttributionModel(LinearModel({"lemma=say": 1.5}, -0.25, {"veto_below": 0.1, "add_above": 0.9}))
    model.save(tmp_path / "m.json")
    assert AttributionModel.load(tmp_path / "m.json") == model


def test_the_cue_model_adds_verbs_outside_the_lexicon(nlp):
    text = "The senator painted the plan as a giveaway to banks."
    assert drafts(nlp, text, RULES_ONLY) == []
    adds = AttributionModel(LinearModel({"lemma=paint": 10.0}, -5.0, {"veto_below": 0.0, "add_above": 0.9}))
    assert [cue for cue, _ in drafts(nlp, text, adds)] == ["painted"]


def test_the_cue_model_vetoes_lexicon_verbs(nlp):
    text = "The minister said the talks would resume in Geneva next week."
    assert [cue for cue, _ in drafts(nlp, text, RULES_ONLY)] == ["said"]
    vetoes = AttributionModel(LinearModel({"lemma=say": -10.0}, 0.0, {"veto_below": 0.5, "add_above": 1.01}))
    assert drafts(nlp, text, vetoes) == []


def test_the_cut_model_ends_content_before_a_tail_it_recognises(nlp):
    text = "The spokesman said the decision was taken by the minister, who left for Paris on Monday."
    [(_, whole)] = drafts(nlp, text, RULES_ONLY)
    assert whole.endswith("who left for Paris on Monday")
    cuts = AttributionModel(cut=LinearModel({"dep=relcl": 10.0}, -5.0, {"cut_above": 0.9}))
    assert drafts(nlp, text, cuts) == [("said", "the decision was taken by the minister")]


@pytest.mark.parametrize(("text", "cue"), [
    ("The minister said that the talks would resume in Geneva next week.", "said"),
    ('"We will not back down," the governor told reporters on Monday.', "told"),
])
def test_shipped_model_keeps_plain_reporting_verbs(nlp, text, cue):
    assert cue in [c for c, _ in drafts(nlp, text, default_model())]
