"""No-break spaces read as plain spaces (sentences written for these tests)."""

import quotegraph
from quotegraph.text import normalise


def test_a_no_break_space_is_a_plain_space_for_the_parser_and_the_map_is_unchanged():
    text = "Jane\u00a0Roe said the plan\u202fwas late.\n\n“It is,” ―\u00a0Tom Roe"
    m = normalise(text)
    assert m.clean == "Jane Roe said the plan was late.\n\n“It is,” ― Tom Roe"
    # One character for one: every clean range maps back to the same words of the user's text.
    span = m.to_original(0, len("Jane Roe said the plan was late."))
    assert text[span.start : span.end] == "Jane\u00a0Roe said the plan\u202fwas late."


def test_a_record_quotes_the_users_text_and_names_the_speaker_plainly():
    text = "Transport Minister Jane\u00a0Roe said\u00a0that the bridge would reopen in May."
    r = quotegraph.extract(text)
    (s,) = r.statements
    assert s.speaker.name == "Jane Roe"
    assert s.source.text(r.article.text) == "Transport Minister Jane\u00a0Roe"
