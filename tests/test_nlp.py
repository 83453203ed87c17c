"""Tests for the pipeline's sentence starts (nlp.paragraph_breaks)."""

from __future__ import annotations

import pytest

import quotegraph
from quotegraph.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_a_blank_line_starts_a_sentence(nlp):
    doc = nlp("Budget day\n\nThe minister spoke at noon.")
    assert [s.text.strip() for s in doc.sents] == ["Budget day", "The minister spoke at noon."]


def test_an_abbreviation_does_not_cut_the_speaker_from_the_verb(nlp):
    # The parser alone ends a sentence after "lbs." and again before the quote mark.
    text = "Jane Doe, who lost 12 lbs. “and a shoe size” over the summer, says the class changed her life."
    assert len(list(nlp(text).sents)) == 1
    [st] = [s for s in quotegraph.extract(text).statements if s.cue is not None]
    assert st.speaker is not None and st.speaker.name == "Jane Doe"


@pytest.mark.parametrize("text, name, title", [
    ("“The road stays shut,” said Army Capt. Jeff Roe, who was asked about the plan.", "Jeff Roe", "Capt."),
    ("A report filed by Sgt. Tom Poe noted that the road was shut.", "Tom Poe", "Sgt."),
    ("The road stays shut, said Navy Lt. Ann Lee.", "Ann Lee", "Lt."),
])
def test_a_title_with_a_full_stop_ends_no_sentence(nlp, text, name, title):
    # spaCy splits "Capt." and "Sgt." (not "Gen." or "Dr."), and the parser then ended the
    # sentence at the stop, cutting the title and the name from the verb.
    assert len(list(nlp(text).sents)) == 1
    [st] = quotegraph.extract(text).statements
    assert (st.speaker.name, st.speaker.title) == (name, title)


def test_a_capitalised_word_still_starts_a_sentence(nlp):
    doc = nlp("The vote was close. Officials said it would be counted again.")
    assert len(list(doc.sents)) == 2


def test_a_text_all_in_lower_case_keeps_the_parsers_sentence_ends(nlp):
    # With no capitals to go by, "no sentence opens in lower case" would make one sentence of it.
    doc = nlp("the vote was close. officials said it would be counted again. nobody objected.")
    assert len(list(doc.sents)) == 3


def test_a_word_with_a_bound_prefix_stays_whole(nlp):
    # Split at the hyphen, the lone "co" was read as the verb and the sentence lost its statement.
    text = "Smith, who co-wrote the report, said the findings were clear."
    assert "co-wrote" in [t.text for t in nlp(text)]
    [st] = quotegraph.extract(text).statements
    assert (st.cue.text(text), st.speaker.name) == ("said", "Smith")
    assert st.content[0].text(text) == "the findings were clear"


def test_an_e_mail_is_one_word_and_a_way_of_saying(nlp):
    # Split at the hyphen, the lone "e" was read as the verb ("She e - mailed that …").
    text = "Mary Roe e-mailed reporters that the plant would close. It was in an E-mail sent Monday."
    words = [t.text for t in nlp(text)]
    assert "e-mailed" in words and "E-mail" in words
    # The one who is e-mailed is addressed, as the one who is told is: not part of what was said.
    [st] = quotegraph.extract(text).statements
    assert (st.cue.text(text), st.speaker.name, st.speech) == ("e-mailed", "Mary Roe", True)
    assert st.content[0].text(text) == "that the plant would close"


def test_other_hyphenated_words_split_as_before(nlp):
    # A first part that is a word of its own ("front", "year", "well") is spaCy's usual split.
    words = [t.text for t in nlp("The front-runner, a well-known 40-year-old, re-elected")]
    assert words[:4] == ["The", "front", "-", "runner"] and "well" in words and "re-elected" in words
    # In capitals a prefix may be an acronym: the United Nations backed it.
    assert [t.text for t in nlp("a UN-backed plan")] == ["a", "UN", "-", "backed", "plan"]


def test_a_comma_without_its_space_before_a_number_is_punctuation(nlp):
    # "Roe,60" as one token was no name the recogniser could find; numbers keep their commas.
    words = [t.text for t in nlp("The victims were Omar Roe,60, and Ali Moe, 44, who paid 1,000 dollars.")]
    assert words[4:8] == ["Roe", ",", "60", ","] and "1,000" in words
