"""Embedded posts: the paragraph an embed's signature closes is the account's statement
(sentences written for these tests)."""

import pytest

import quotegraph

POST = ("The council met on Monday.\n\n"
        "Power is back for most of the valley. Crews are still out on the coast. #Storm2018 #Valley "
        "pic.twitter.com/Ab12Cd — Valley Power (@valleypower) December 22, 2018\n\n"
        "The storm is over.")


@pytest.mark.parametrize("tier", ["fast", "accurate"])
def test_an_embedded_post_is_the_accounts_statement_in_its_words(tier):
    r = quotegraph.extract(POST, tier=tier)
    text = r.article.text
    [st] = [s for s in r.statements if s.cue is not None and s.cue.text(text) == "—"]
    # The post's words, without the embed's link and the hashtags that close it.
    assert [c.text(text) for c in st.content] == ["Power is back for most of the valley. Crews are still out on the coast"]
    assert (st.kind, st.speech, st.speaker.name, st.source.text(text)) == ("direct", True, "Valley Power", "Valley Power")
    assert (st.date, st.date_text.text(text)) == ("2018-12-22", "December 22, 2018")


@pytest.mark.parametrize("text", [
    # A signature with no handle and date is a byline or a caption, not an embed.
    "The council met on Monday.\n\nPower is back for most of the valley. — Valley Power\n",
    # A post of a link alone says nothing.
    "The council met on Monday.\n\nhttps://t.co/Ab12Cd — Valley Power (@valleypower) December 22, 2018\n",
])
def test_no_post_without_an_embeds_signature_or_words(text):
    r = quotegraph.extract(text)
    t = r.article.text
    assert not [s for s in r.statements if s.cue is not None and s.cue.text(t) == "—"]
