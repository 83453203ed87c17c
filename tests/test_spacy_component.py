"""The `quotegraph` spaCy component: found through its entry point, the same statements as
quotegraph.extract, record fields on DocStatement, and a clear error without a parser or NER."""

import json
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

import quotegraph
from quotegraph.cli.extract import example_paths
from quotegraph.errors import ModelError
from quotegraph.nlp import new_pipeline

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "gold_dev.jsonl"
N_POLNEAR = 20


def _key(st):
    """Everything a statement records, offsets included (ids differ only by the article id)."""
    spans = [st.cue, st.source, st.addressee, st.venue, st.date_text, st.target_mention]
    return (st.id, st.kind, tuple((s.start, s.end) for s in st.content),
            tuple(s and (s.start, s.end) for s in spans), st.speaker, st.target, st.date, st.act,
            st.negated, st.conditional, st.speech)


@pytest.fixture(scope="module")
def nlp():
    """The documented pipeline: quotegraph.load_pipeline()."""
    return quotegraph.load_pipeline()


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8-sig") for p in example_paths()]


def test_entry_point_is_registered():
    assert any(e.name == "quotegraph" for e in entry_points(group="spacy_factories"))


def test_load_pipeline_is_a_new_pipeline_with_the_component(nlp):
    from quotegraph.nlp import load_pipeline as shared

    assert nlp.pipe_names[-1] == "quotegraph" and "paragraph_breaks" in nlp.pipe_names
    assert nlp is not shared() and "quotegraph" not in shared().pipe_names


def test_statements_as_spans_with_record_fields(nlp):
    doc = nlp('The UN has urged Russia to resume talks. "We will never accept this," the minister said.')
    first, second = doc._.statements
    assert [s.act for s in doc._.statements] == ["appeal", "rejection"]
    assert all(isinstance(x, Span) for x in first.content)
    assert first.cue.text == "has urged" and first.source.text == "The UN" and first.target.text == "Russia"
    assert first.speaker.name == "UN" and first.kind == "indirect" and first.text == first.content[0].text
    assert first.target_entity.name == "Russia" and first.speech is True and first.id == first.statement.id
    assert second.content[0].text.startswith("We will never accept this") and second.kind == "direct"
    assert 0 < second.confidence <= 1 and second.negated is True and second.conditional is False


def test_same_statements_as_extract_on_the_bundled_examples(nlp):
    for text in _texts():
        assert [_key(d.statement) for d in nlp(text)._.statements] == \
            [_key(s) for s in quotegraph.extract(text).statements]


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason=f"PolNeAR dev gold not found at {POLNEAR_DEV}")
def test_same_statements_as_extract_on_polnear_dev(nlp):
    with POLNEAR_DEV.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(N_POLNEAR), f)]
    assert len(texts) == N_POLNEAR
    for text in texts:
        assert [_key(d.statement) for d in nlp(text)._.statements] == \
            [_key(s) for s in quotegraph.extract(text).statements]


def test_a_pipeline_of_ones_own_gives_the_same_statements():
    """A plain spaCy pipeline (no paragraph_breaks) with add_pipe still matches extract."""
    own = new_pipeline()
    own.remove_pipe("paragraph_breaks")
    own.add_pipe("quotegraph")
    text = _texts()[0]
    assert [_key(d.statement) for d in own(text)._.statements] == \
        [_key(s) for s in quotegraph.extract(text).statements]


def test_a_pipeline_without_parser_or_ner_is_a_clear_error():
    with pytest.raises(ModelError, match="needs a dependency parser and a named-entity recogniser"):
        spacy.blank("en").add_pipe("quotegraph")
    partial = new_pipeline()
    partial.remove_pipe("ner")
    with pytest.raises(ModelError, match="named-entity recogniser"):
        partial.add_pipe("quotegraph")


def test_placed_before_the_parser_is_a_clear_error():
    early = new_pipeline()
    early.add_pipe("quotegraph", last=True)
    early.add_pipe("quotegraph", name="too_early", before="parser")
    with pytest.raises(ModelError, match="put it after them"):
        early("He said it was fine.")


def test_empty_doc(nlp):
    assert nlp("")._.statements == []
