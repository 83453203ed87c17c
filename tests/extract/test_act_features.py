"""What the act model reads: tone and grammar features on sentences written for these tests."""

from __future__ import annotations

import pytest

from quotegraph.extract.act_features import act_features
from quotegraph.extract.acts import content_roots
from quotegraph.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def features(nlp, text: str) -> dict[str, float]:
    tokens = [t for t in nlp(text) if not t.is_space]
    return act_features(tokens, content_roots(tokens), "indirect", "say", {"statement": 0.3})


def test_blame_on_a_named_person_is_negative_about_someone(nlp):
    f = features(nlp, "Senator Jones lied to voters and ruined the disgraceful programme.")
    assert f["negative_words"] >= 2 and f["negative_about_someone"] == 1.0 and f["names_someone"] == 1.0


def test_a_plain_report_carries_no_tone(nlp):
    f = features(nlp, "The bridge will reopen on Monday.")
    assert "negative_words" not in f and "subjective_adjectives" not in f
    assert f["modal"] == 1.0 and f["numbers_or_dates"] == 1.0


def test_the_rules_scores_cue_and_kind_are_named_features(nlp):
    f = features(nlp, "It is the best plan we have ever had.")
    assert f["rule=statement"] == 0.3 and f["top=statement"] == 1.0
    assert f["cue=say"] == 1.0 and f["kind=indirect"] == 1.0
    assert f["comparison"] == 1.0 and f["first_person"] == 1.0 and 0 < f["most_subjective"] <= 1
