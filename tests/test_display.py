"""Honest display: only words inside quotation marks are shown quoted, markdown never shows,
inferred speakers say how they were reached, counts read naturally."""

from __future__ import annotations

import pytest

from quotegraph.display import (
    ReaderText,
    Segment,
    as_plain,
    content_segments,
    count,
    inference_note,
    inside_quotes_at,
    quote_runs,
    range_of,
    speaker_label,
    truncate,
)
from quotegraph.text.markdown import reader_markdown


def _spans(text: str, *pieces: str) -> list[list[int]]:
    out, pos = [], 0
    for p in pieces:
        i = text.index(p, pos)
        out.append([i, i + len(p)])
        pos = i + len(p)
    return out


@pytest.mark.parametrize(("text", "pieces", "kind", "shown"), [
    # A paraphrase is never put in quotation marks.
    ("He said that the talks would resume on Monday.", ["the talks would resume on Monday"], "indirect",
     "the talks would resume on Monday"),
    # A direct quote is verbatim as a whole.
    ('"We are ready," she said.', ["We are ready"], "direct", "“We are ready”"),
    # A mixed statement quotes only its quoted part.
    ("Kirby said that if the war continues, “more lives will be lost” in Syria.",
     ["that if the war continues, “more lives will be lost” in Syria"], "mixed",
     "that if the war continues, “more lives will be lost” in Syria"),
    # Scare quotes inside a paraphrase are the source's marks, shown as such.
    ("Moscow offered 48-hour 'breaks' instead of ceasefires.", ["48-hour 'breaks' instead of ceasefires"],
     "indirect", "48-hour “breaks” instead of ceasefires"),
    # Apostrophes are not quotation marks.
    ("She said Russia's army wouldn't leave the ’90s behind.", ["Russia's army wouldn't leave the ’90s behind"],
     "indirect", "Russia's army wouldn't leave the ’90s behind"),
    # Markdown emphasis round a quote never shows; two pieces join with an ellipsis inside one quote.
    ('He said: *"Once*\n\n*again we declare that we are ready."*', ["Once", "again we declare that we are ready."],
     "direct", "“Once … again we declare that we are ready.”"),
    # Link syntax shows as its text.
    ("They said [the report](https://x.example/r) was wrong.", ["[the report](https://x.example/r) was wrong"],
     "indirect", "the report was wrong"),
    # A " | " joiner left by a conversion is dropped.
    ('"We convinced the board | that all salt should be iodised," he said.',
     ["We convinced the board | that all salt should be iodised"], "direct",
     "“We convinced the board that all salt should be iodised”"),
    # A content span starting inside an opened quote is verbatim from its start.
    ("“First part, and the second part ends here,” he said.", ["the second part ends here"], "mixed",
     "“the second part ends here”"),
])
def test_content_segments(text, pieces, kind, shown):
    assert as_plain(content_segments(text, _spans(text, *pieces), kind)) == shown


def test_segments_mark_verbatim_runs():
    text = "Kirby said that if the war continues, “more lives will be lost” in Syria."
    segs = content_segments(text, _spans(text, "that if the war continues, “more lives will be lost”"), "mixed")
    assert segs == [Segment("that if the war continues, ", False), Segment("more lives will be lost", True)]


@pytest.mark.parametrize(("text", "pos", "inside"), [
    ('He said: "we will', 14, True), ("He said we will", 10, False), ("“a” and b", 6, False),
    ("first\n\n“second", 9, True), ("“open\n\nnew paragraph", 14, False),
])
def test_inside_quotes_at(text, pos, inside):
    assert inside_quotes_at(text, pos) is inside


def test_quote_runs_report_the_state_at_the_end():
    runs, inside = quote_runs("a “b” c “d", 0, 10)
    assert runs == [(0, 2, False), (3, 4, True), (5, 8, False), (9, 10, True)] and inside


def test_reader_text_maps_stored_offsets():
    text = "# Title\n\nHe said *“we are* ready” and [left](#).\n\n---\n\nEnd | of it.\n"
    r = ReaderText(text)
    assert "*" not in r.clean and "](#)" not in r.clean and "---" not in r.clean and " | " not in r.clean
    a = text.index("we are")
    ca, cb = r.to_clean(a, a + len("we are"))
    assert r.clean[ca:cb] == "we are"
    s = text.index("*“we")  # a mark on the markdown character starts at the next one shown
    assert r.clean[r.to_clean(s, s + 4)[0]] == "“"
    assert reader_markdown(text).original_length == len(text)


def test_truncate_cuts_at_a_word():
    segs = truncate([Segment("one two three four", True), Segment(" five", False)], 10)
    assert segs == [Segment("one two…", True)]


@pytest.mark.parametrize(("via", "source", "note"), [
    ("pronoun", "she", "from 'she'"), ("nominal", "the  spokesman", "from 'the spokesman'"),
    ("document", None, "inferred from the article"), ("floating", None, "inferred from context"),
    ("name", "Justin Trudeau", None), (None, "he", None), ("none", None, None),
])
def test_inference_note(via, source, note):
    assert inference_note(via, source) == note


def test_speaker_label():
    assert speaker_label("Justin Trudeau", "pronoun", "she") == "Justin Trudeau (from 'she')"
    assert speaker_label("Justin Trudeau", "name", "Trudeau") == "Justin Trudeau"


@pytest.mark.parametrize(("args", "text"), [
    ((0, "statement"), "no statements"), ((1, "article"), "1 article"), ((2345, "speaker"), "2,345 speakers"),
    ((1, "thought", "thoughts"), "1 thought"), ((3, "quote carried", "quotes carried"), "3 quotes carried"),
])
def test_count(args, text):
    assert count(*args) == text


@pytest.mark.parametrize(("args", "text"), [
    ((0, 0, 0, "statement"), "no statements"), ((0, 1, 1, "statement"), "1 statement"),
    ((0, 20, 20, "statement"), "20 statements"), ((20, 20, 1234, "statement"), "21–40 of 1,234 statements"),
    ((40, 0, 30, "statement"), "none of 30 statements on this page"),
])
def test_range_of(args, text):
    assert range_of(*args) == text
