"""Splitting a statement into the stretches of what was said (sentences written for these tests)."""

import pytest

from quotegraph.extract.units import units
from quotegraph.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def ranges(text: str, *pieces: str) -> tuple[tuple[int, int], ...]:
    return tuple((text.index(p), text.index(p) + len(p)) for p in pieces)


def test_a_cue_clause_between_two_pieces_makes_two_stretches(nlp):
    doc = nlp('"The plan will fail," she said, "and nobody will say so."')
    content = ranges(doc.text, "The plan will fail,", "and nobody will say so.")
    assert units(doc, content) == [content[:1], content[1:]]


def test_a_single_word_is_no_stretch_of_its_own(nlp):
    # The cue clause stands between the pieces, but "What" alone says nothing.
    doc = nlp("What officials say is the deadline will slip to June.")
    content = ranges(doc.text, "What", "is the deadline will slip to June")
    assert units(doc, content) == [content]


@pytest.mark.parametrize(("after", "states"), [
    ("of the new budget.", False),  # the topic, no proposition
    ("of Tom Brown, who fled.", False),  # a topic with a clause of its own about it
    ("adding that the base would close.", True),
    ("smiling at the crowd.", False),  # a participle alone: how it was said, not what
    # What "of" or "about" on the cue opens is the topic, even with a clause inside it.
    ("of that first day, weeks after the minister greeted them.", False),
    ("in Halifax the base would close.", True),  # a place, and the clause after it states
])
def test_what_follows_the_cue_outside_quote_marks_is_said_only_if_it_states_something(nlp, after, states):
    from quotegraph.extract.attribute import kind_of
    from quotegraph.extract.draft import Draft
    from quotegraph.extract.quotes import find_quotes
    from quotegraph.extract.units import split_units

    text = f"“The troops will leave by May,” the analyst said {after}"
    doc = nlp(text)
    quote, rest = ranges(text, "The troops will leave by May", after.rstrip("."))
    cue = ranges(text, "said")[0]
    d = Draft(content=(quote, rest), cue=cue, source=None, source_head=None, anchor=doc.char_span(*cue)[0].i)
    [(_, first), (_, second)] = split_units(doc, [("mixed", d)], find_quotes(text), kind_of)
    assert (first.proposition, second.proposition) == (True, states)


@pytest.mark.parametrize(("text", "before", "after", "states"), [
    # Who the cue is about and what they are accused of: nothing in the sentence was said.
    ("The driver is accused of three counts of dangerous driving.", "The driver",
     "three counts of dangerous driving", False),
    # The subject before the cue, the rest of its clause after: the sentence states.
    ("The plan, the mayor said, will fail by May.", "The plan", "will fail by May", True),
])
def test_words_before_the_cue_are_said_only_if_the_sentence_they_open_states_something(
        nlp, text, before, after, states):
    from quotegraph.extract.attribute import kind_of
    from quotegraph.extract.draft import Draft
    from quotegraph.extract.quotes import find_quotes
    from quotegraph.extract.units import split_units

    doc = nlp(text)
    content = ranges(text, before, after)
    cue_word = "accused" if "accused" in text else "said"
    cue = ranges(text, cue_word)[0]
    d = Draft(content=content, cue=cue, source=None, source_head=None, anchor=doc.char_span(*cue)[0].i)
    [(_, first), (_, second)] = split_units(doc, [("indirect", d)], find_quotes(text), kind_of)
    assert (first.proposition, second.proposition) == (states, states)
