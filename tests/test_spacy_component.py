"""The `quotegraph` spaCy component, found through its entry point."""

from importlib.metadata import entry_points

from spacy.tokens import Span

from quotegraph.nlp import load_pipeline


def test_entry_point_is_registered():
    assert any(e.name == "quotegraph" for e in entry_points(group="spacy_factories"))


def test_add_pipe_exposes_statements_as_spans():
    nlp = load_pipeline()  # the shared, cached pipeline: the component is removed again below
    name = "quotegraph_test"
    if name not in nlp.pipe_names:
        nlp.add_pipe("quotegraph", name=name)
    try:
        doc = nlp('The UN has urged Russia to resume talks. "We will never accept this," the minister said.')
        sts = doc._.statements
        assert [s.act for s in sts] == ["appeal", "rejection"]
        first = sts[0]
        assert all(isinstance(x, Span) for x in first.content)
        assert first.cue.text == "has urged" and first.source.text == "The UN"
        assert first.target.text == "Russia"
        assert sts[1].content[0].text.startswith("We will never accept this")
    finally:
        nlp.remove_pipe(name)


def test_empty_doc():
    nlp = load_pipeline()
    nlp.add_pipe("quotegraph", name="qg_empty")
    try:
        assert nlp("")._.statements == []
    finally:
        nlp.remove_pipe("qg_empty")
