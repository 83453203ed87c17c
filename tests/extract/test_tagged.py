"""Linking the accurate tier's role tags into statements (tags written by hand, no model)."""

from __future__ import annotations

import numpy as np
import pytest

from quotegraph.extract.quotes import find_quotes
from quotegraph.extract.tagged import CONTENT, CUE, SOURCE, role_spans, tagged_drafts
from quotegraph.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def tag(doc, marks: dict[int, list[str]]) -> np.ndarray:
    """Tags from {role: [phrase, ...]}: each phrase's first occurrence gets B then I."""
    tags = np.zeros((len(doc), 3), dtype=np.int64)
    text = doc.text
    for role, phrases in marks.items():
        for phrase in phrases:
            start = text.index(phrase)
            span = doc.char_span(start, start + len(phrase))
            assert span is not None, phrase
            tags[span.start, role] = 1
            tags[span.start + 1 : span.end, role] = 2
    return tags


def sure(tags: np.ndarray) -> np.ndarray:
    """Tag ids as probabilities the tagger is certain of."""
    return np.eye(3, dtype=np.float32)[tags]


def drafts(doc, tags):
    text = doc.text
    return [(kind, [text[s:e] for s, e in d.content], d.cue and text[slice(*d.cue)],
             d.source and text[slice(*d.source)]) for kind, d in tagged_drafts(doc, sure(tags), find_quotes(text))]


def test_role_spans_reads_bio_and_opens_a_span_at_a_stray_i():
    tags = np.array([[0], [1], [2], [0], [2], [2], [1], [1]]).repeat(3, axis=1)
    assert role_spans(tags, 0) == [(1, 3), (4, 6), (6, 7), (7, 8)]


def test_each_content_goes_to_the_cue_of_its_own_sentence(nlp):
    doc = nlp('The minister said the plan would fail. "It is over," she added.')
    tags = tag(doc, {SOURCE: ["The minister", "she"], CUE: ["said", "added"],
                     CONTENT: ["the plan would fail", "It is over"]})
    assert drafts(doc, tags) == [
        ("indirect", ["the plan would fail"], "said", "The minister"),
        ("direct", ["It is over"], "added", "she"),
    ]


def test_pieces_around_an_interrupting_cue_make_one_statement(nlp):
    doc = nlp('"We are ready," the spokesman said, "to talk to anyone."')
    tags = tag(doc, {SOURCE: ["the spokesman"], CUE: ["said"],
                     CONTENT: ["We are ready", "to talk to anyone"]})
    assert drafts(doc, tags) == [("direct", ["We are ready", "to talk to anyone"], "said", "the spokesman")]


def test_a_content_split_at_a_comma_is_joined(nlp):
    doc = nlp("Officials said the talks, which began in May, had stalled.")
    tags = tag(doc, {SOURCE: ["Officials"], CUE: ["said"],
                     CONTENT: ["the talks", "which began in May", "had stalled"]})
    assert drafts(doc, tags) == [("indirect", ["the talks, which began in May, had stalled"], "said", "Officials")]


def test_a_cue_nested_in_content_does_not_take_it(nlp):
    doc = nlp("Smith said that Jones claimed victory.")
    tags = tag(doc, {SOURCE: ["Smith"], CUE: ["said"], CONTENT: ["that Jones claimed victory"]})
    tags[doc[4].i, CUE] = 1  # "claimed", inside the content
    assert drafts(doc, tags) == [("indirect", ["that Jones claimed victory"], "said", "Smith")]


def test_content_with_no_cue_nearby_is_dropped(nlp):
    doc = nlp("Smith said it rained. The match went on. Nobody left. The end was near.")
    tags = tag(doc, {SOURCE: ["Smith"], CUE: ["said"], CONTENT: ["it rained", "The end was near"]})
    assert drafts(doc, tags) == [("indirect", ["it rained"], "said", "Smith")]


def test_a_cue_without_a_source_in_its_sentence_has_none(nlp):
    doc = nlp("The plan, it was reported, would fail.")
    tags = tag(doc, {CUE: ["was reported"], CONTENT: ["The plan", "would fail"]})
    assert drafts(doc, tags) == [("indirect", ["The plan", "would fail"], "was reported", None)]


def test_a_statement_the_tagger_is_unsure_of_is_dropped(nlp):
    doc = nlp("Smith said it rained.")
    probs = sure(tag(doc, {SOURCE: ["Smith"], CUE: ["said"], CONTENT: ["it rained"]}))
    assert len(tagged_drafts(doc, probs, [])) == 1
    probs[1, CUE] = [0.6, 0.4, 0.0]  # "said": more likely not a cue
    assert tagged_drafts(doc, probs, []) == []


def test_a_relative_pronoun_source_stands_for_its_noun(nlp):
    doc = nlp("Washington, which promised to separate the rebels, has not done so.")
    tags = tag(doc, {SOURCE: ["which"], CUE: ["promised"], CONTENT: ["to separate the rebels"]})
    assert drafts(doc, tags) == [("indirect", ["to separate the rebels"], "promised", "Washington")]
