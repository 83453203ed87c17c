"""Venue, addressee and target on sentences written for these tests (and the RT example)."""

import pytest

import quotegraph
from quotegraph.examples import example_paths


def first(text: str):
    r = quotegraph.extract(text, published="2016-09-29")
    assert r.statements, "nothing extracted"
    st, t = r.statements[0], r.article.text
    return {
        "venue": st.venue.text(t) if st.venue else None,
        "addressee": st.addressee.text(t) if st.addressee else None,
        "target": st.target.name if st.target else None,
        "mention": st.target_mention.text(t) if st.target_mention else None,
    }


@pytest.mark.parametrize(("text", "venue"), [
    ("Speaking at a press briefing, Kirby said that the talks had failed.", "at a press briefing"),
    ("The minister said in a statement that the border would stay closed.", "in a statement"),
    ("Zakharova wrote on her Facebook page that the remarks were outrageous.", "on her Facebook page"),
    ("The president said in an interview with AFP that he would not resign.", "in an interview with AFP"),
    ("The minister said on Thursday that the border would stay closed.", None),
    # The venue two sentences back, when the quote is a sentence of its own before "X asked".
    ("Maria Zakharova hit back at the statement on her Facebook page.\n\n"
     '"Don\'t you think that this sounds like a threat?" Zakharova asked.', "on her Facebook page"),
])
def test_venue(text, venue):
    assert first(text)["venue"] == venue


@pytest.mark.parametrize(("text", "addressee"), [
    ('"We have repeatedly offered ceasefires," Ryabkov told reporters.', "reporters"),
    ("The UN urged Russia and the United States to resume their talks.", "Russia and the United States"),
    ("The ambassador said in a letter to the UN that the sanctions were unfair.", "the UN"),
    ("The police said that the driver was taken to hospital.", None),
])
def test_addressee(text, addressee):
    assert first(text)["addressee"] == addressee


@pytest.mark.parametrize(("text", "target"), [
    ("The minister said that the United States had lied about the attack.", "United States"),
    ("The coach praised Sweden, saying the team had played with great discipline.", "Sweden"),
    ('"You have betrayed us," the opposition leader told Washington.', "Washington"),
    ("The UN urged Russia and the United States to resume their talks.", "Russia"),
    ("The police said that the driver was taken to hospital.", None),
])
def test_target(text, target):
    assert first(text)["target"] == target


def test_example_article_acts_and_targets():
    path = next(p for p in example_paths() if p.name.startswith("rt-"))
    r = quotegraph.extract(path.read_text(encoding="utf-8"), published="2016-09-29")
    t = r.article.text
    by_cue = {(s.cue.text(t) if s.cue else None): s for s in r.statements}
    kirby = next(s for s in r.statements if "shot down" in s.content[0].text(t))
    assert kirby.act == "threat" and kirby.conditional and kirby.target.name == "Russia"
    assert kirby.venue is not None and kirby.venue.text(t) == "at a press briefing"
    assert by_cue["has urged"].act == "appeal"
    assert by_cue["has threatened"].act == "threat"
    assert by_cue["has offered"].act == "offer"
    ryabkov = [s for s in r.statements if "not acceptable" in s.content[0].text(t)]
    assert ryabkov and ryabkov[0].act == "rejection"
