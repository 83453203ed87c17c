"""A transcript's turns: each is its label's words (sentences written for these tests)."""

import pytest

import quotegraph
from quotegraph.extract.transcript import opens_turn, transcript_drafts
from quotegraph.nlp import load_pipeline

# A quoted transcript, as news pages print one: every paragraph opens with a quote mark, the host
# is never named in the running text, and a stage direction stands between two turns.
TRANSCRIPT = (
    "Senator Jane Roe spoke to the programme on Sunday about the budget.\n\n"
    '"KENT: Senator, thank you for joining us. Will the budget pass this week?\n\n'
    '"ROE: I believe it will pass, because both parties have worked on it for months and the votes '
    "are there. We have counted them twice.\n\n"
    '"We will not accept delays from anyone who wants to stall the bill.\n\n'
    '"(CROSSTALK.)\n\n'
    '"KENT: One more question before we go. What will you do if it fails?\n\n'
    '"ROE: Then we will start again on Monday."\n\n'
    "UPDATE: The budget passed on Tuesday.\n"
)
TURNS = [
    ("KENT", "Senator, thank you for joining us. Will the budget pass this week?", "KENT"),
    ("ROE", "I believe it will pass, because both parties have worked on it for months and the votes are "
     "there. We have counted them twice … We will not accept delays from anyone who wants to stall the bill",
     "Jane Roe"),
    ("KENT", "One more question before we go. What will you do if it fails?", "KENT"),
    ("ROE", "Then we will start again on Monday", "Jane Roe"),
]


@pytest.mark.parametrize("tier", ["fast", "accurate"])
def test_each_turn_is_its_labels_words_in_both_tiers(tier):
    # A turn runs on over the paragraph after it up to the stage direction; the last turn is its
    # own paragraph; the section label after the transcript speaks for no one.
    r = quotegraph.extract(TRANSCRIPT, published="2016-09-29", tier=tier)
    t = r.article.text
    got = [(s.source.text(t), " … ".join(c.text(t) for c in s.content), s.speaker.name)
           for s in r.statements if s.cue and s.cue.text(t) == ":"]
    assert got == TURNS


def test_a_speaker_is_counted_by_surname_and_a_transcript_needs_a_named_speaker():
    nlp = load_pipeline()
    text = ("Jane Roe, the mayor, spoke to the station on Monday.\n\n"
            "TOM KENT: Will the bridge reopen?\n\nROE: It will reopen next week.\n\nKENT: Thank you.\n")
    assert [text[d.source[0]:d.source[1]] for d in transcript_drafts(nlp(text))] == ["TOM KENT", "ROE", "KENT"]
    # Section labels name no one the article names: no transcript, however many there are.
    text = ("The bridge will reopen next week, the mayor said.\n\nREAD MORE: Bridge closed after storm\n\n"
            "READ MORE: Council debates repairs\n\nWATCH: Crews at work on the bridge\n")
    assert transcript_drafts(nlp(text)) == []


@pytest.mark.parametrize(("text", "turn"), [
    ("MODERATOR: Let's start.", True),
    ('"WALLACE: Let\'s start.', True),
    ("JAKE ROE: Let's start.", True),
    ("Jake Roe: Let's start.", False),  # a headline's label, read by the headline rule
    ("MODERATOR:Let's start.", False),
])
def test_a_turn_opens_with_a_label_in_capitals_and_a_colon(text, turn):
    assert opens_turn(text, 0) is turn


def test_a_label_that_is_a_common_noun_names_its_speaker_as_printed():
    # "HOST" is no description of the senator named before it.
    r = quotegraph.extract(TRANSCRIPT.replace("KENT", "HOST"), published="2016-09-29")
    t = r.article.text
    assert [(s.source.text(t), s.speaker.name) for s in r.statements] == [
        ("HOST", "HOST"), ("ROE", "Jane Roe"), ("HOST", "HOST"), ("ROE", "Jane Roe")]


def test_a_table_of_results_in_capitals_is_no_transcript():
    nlp = load_pipeline()
    text = ("Jane Roe won the primary on Tuesday, with Tom Kent second.\n\n"
            "ROE: 1,769\n\nKENT: 1,501\n\nROE: 52%\n")
    assert transcript_drafts(nlp(text)) == []
