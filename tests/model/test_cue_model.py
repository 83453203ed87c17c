"""The learned cue model: the shipped weights, the hash check, and how it vetoes and adds cues."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quotegraph.errors import ModelError
from quotegraph.extract.indirect import verb_drafts
from quotegraph.extract.quotes import find_quotes
from quotegraph.model import CueModel, default_cue_model
from quotegraph.model.cues import WEIGHTS_SHA256
from quotegraph.nlp import load_pipeline

WEIGHTS = Path(__file__).parents[2] / "src" / "quotegraph" / "model" / "weights" / "cues.json"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def cues_in(nlp, text: str, model: CueModel | None) -> list[str]:
    doc = nlp(text)
    return [text[d.cue[0]:d.cue[1]] for d in verb_drafts(doc, find_quotes(text), model)]


def test_shipped_weights_load_and_match_their_hash():
    model = default_cue_model()
    assert model.weights and 0.0 <= model.veto_below < model.add_above
    assert len(WEIGHTS_SHA256) == 64


def test_a_changed_weights_file_is_refused(tmp_path):
    bad = tmp_path / "cues.json"
    shutil.copy(WEIGHTS, bad)
    data = json.loads(bad.read_text())
    data["intercept"] += 1.0
    bad.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="does not match the shipped cue model"):
        CueModel.load(bad, WEIGHTS_SHA256)


def test_a_file_that_is_not_weights_is_refused(tmp_path):
    bad = tmp_path / "cues.json"
    bad.write_text("[1, 2")
    with pytest.raises(ModelError, match="not a cue model weights file"):
        CueModel.load(bad)


def test_the_model_adds_verbs_outside_the_lexicon(nlp):
    text = "The senator painted the plan as a giveaway to banks."
    assert cues_in(nlp, text, None) == []
    adds = CueModel({"lemma=paint": 10.0}, -5.0, 0.0, 0.9)
    assert cues_in(nlp, text, adds) == ["painted"]


def test_the_model_vetoes_lexicon_verbs(nlp):
    text = "The minister said the talks would resume in Geneva next week."
    assert cues_in(nlp, text, None) == ["said"]
    vetoes = CueModel({"lemma=say": -10.0}, 0.0, 0.5, 1.01)
    assert cues_in(nlp, text, vetoes) == []


@pytest.mark.parametrize(("text", "cue"), [
    ("The minister said that the talks would resume in Geneva next week.", "said"),
    ('"We will not back down," the governor told reporters on Monday.', "told"),
])
def test_shipped_model_keeps_plain_reporting_verbs(nlp, text, cue):
    assert cue in cues_in(nlp, text, default_cue_model())
