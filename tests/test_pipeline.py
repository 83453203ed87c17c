"""The pipeline's guarantees: one bad article never stops a stream, long texts are parsed in
pieces with exact offsets, and nothing superlinear hides in normalising (issue 20)."""

from __future__ import annotations

import pytest

import quotegraph.pipeline as pipeline
from quotegraph.errors import InputError, ModelError
from quotegraph.nlp import load_pipeline
from quotegraph.pipeline import process_articles, process_stream
from quotegraph.read import make_article
from quotegraph.text import normalise
from quotegraph.text.pieces import split_pieces

PARA = "“We are ready to continue the talks in Geneva,” the minister said on Thursday."


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize(("text", "limit", "pieces"), [
    ("aaaa\n\nbbbb\n\ncccc", 8, ["aaaa\n\n", "bbbb\n\n", "cccc"]),
    ("aaa\nbbb ccc", 6, ["aaa\n", "bbb ", "ccc"]),
    ("One. Two. Three.", 7, ["One. ", "Two. ", "Three."]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # nowhere better to cut
    ("short", 100, ["short"]),
    ("", 5, [""]),
])
def test_split_pieces(text, limit, pieces):
    got = split_pieces(text, limit)
    assert [text[a:b] for a, b in got] == pieces
    assert got[0][0] == 0 and got[-1][1] == len(text)
    assert all(b - a <= limit for a, b in got)


def test_a_long_text_is_parsed_in_pieces_with_exact_offsets(nlp, monkeypatch):
    text = "\n\n".join(PARA.replace("Geneva", f"Geneva {i}") for i in range(30))
    whole = list(process_articles([make_article(text, "whole")], nlp))[0]
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 500)
    monkeypatch.setattr(nlp, "max_length", 600)  # past the parser's limit, it must still work
    pieces = list(process_articles([make_article(text, "pieces")], nlp))[0]
    assert len(pieces.statements) == len(whole.statements) == 30
    for st in pieces.statements:
        assert text[st.content[0].start:st.content[0].end].startswith("We are ready")
        assert text[st.cue.start:st.cue.end] == "said"
    assert [s.content for s in pieces.statements] == [s.content for s in whole.statements]


def test_one_failing_article_is_named_and_the_rest_come_out(nlp, monkeypatch):
    arts = [make_article(PARA + f" {i}", f"a{i}.txt") for i in range(6)]
    real = pipeline.extract_article

    def flaky(doc, article, *args):
        if article.source == "a2.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, article, *args)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    items = [arts[0], InputError("bad.txt", "empty file"), *arts[1:]]
    out = list(process_stream(items, nlp))
    assert [o.source if isinstance(o, InputError) else o.article.source for o in out] == \
        ["a0.txt", "bad.txt", "a1.txt", "a2.txt", "a3.txt", "a4.txt", "a5.txt"]
    assert out[3].reason == "extraction failed (RecursionError: maximum recursion depth exceeded)"
    with pytest.raises(RecursionError):
        list(process_articles(arts, nlp))  # the plain API still raises


def test_a_model_failure_stops_the_stream(nlp, monkeypatch):
    def broken(*args):
        raise ModelError("weights.json: sha256 does not match")

    monkeypatch.setattr(pipeline, "extract_article", broken)
    with pytest.raises(ModelError):
        list(process_stream([make_article(PARA, "a.txt")], nlp))


def test_a_parser_failure_is_found_article_by_article(nlp, monkeypatch):
    real = nlp.pipe

    def pipe(texts, *args, **kwargs):
        texts = list(texts)
        if any("poison" in t for t in texts):
            raise ValueError("[E088] Text of length 1500000 exceeds maximum of 1000000.")
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", pipe)
    arts = [make_article(PARA, "a.txt"), make_article("poison " + PARA, "b.txt"), make_article(PARA + " ", "c.txt")]
    out = list(process_stream(arts, nlp))
    assert [type(o).__name__ for o in out] == ["ArticleResult", "InputError", "ArticleResult"]
    assert out[1].source == "b.txt" and "E088" in out[1].reason and "\n" not in str(out[1])


@pytest.mark.parametrize("text", [
    "He said “ " + "[" * 40 + " ” fine.",
    "a " + "“ " * 30 + "b",
    "x" + "!?" * 20 + "y",
])
def test_runs_of_marks_become_one_space_for_the_parser(text):
    m = normalise(text)
    assert len(m.clean) < len(text) - 20
    assert m.clean[0] == text[0] and m.clean[-1] == text[-1]
    for i, c in enumerate(m.clean):
        if c != " ":
            assert text[m.origin[i]] == c


def test_ordinary_punctuation_is_kept():
    text = "“Really?!” she asked — “no…” — — — (see p. 3) -- 'yes' ... ?!"
    assert normalise(text).clean == text
