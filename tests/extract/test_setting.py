"""Venue, addressee and target on sentences written for these tests."""

import pytest

import quotegraph


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
