"""Signed paragraphs: an embedded post and a pull quote are the statements of whoever signs them
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


PULL = ("Lakeview's council voted on Monday to close the rink. Mayor Jane Roe said the town could not "
        "afford a new roof.\n\n"
        "It is a sad day for our families, but we cannot pay for a roof we do not have. Jane Roe, Lakeview mayor\n\n"
        "Roe said the vote was close.")


@pytest.mark.parametrize("tier", ["fast", "accurate"])
def test_a_pull_quote_is_the_statement_of_the_name_that_signs_it(tier):
    r = quotegraph.extract(PULL, tier=tier)
    text = r.article.text
    [st] = [s for s in r.statements if s.content[0].text(text).startswith("It is a sad day")]
    assert st.content[0].text(text) == "It is a sad day for our families, but we cannot pay for a roof we do not have"
    assert (st.kind, st.speech, st.speaker.name, st.source.text(text)) == ("direct", True, "Jane Roe", "Jane Roe")


@pytest.mark.parametrize("text", [
    # A caption's credit names someone the story never mentions.
    "Crews worked through the night to clear the fallen trees from the road. Tom Brown\n\nThe road reopened.",
    # A film's title after a review's last sentence names no one.
    "The film is fun, and it might get some children reading about the sea. The Girl Who Found the Sea\n\n"
    "The Girl Who Found the Sea opens on Friday.",
])
def test_a_name_after_a_paragraph_signs_it_only_if_the_story_names_them(text):
    assert not [s for s in quotegraph.extract(text).statements if s.speech and s.kind == "direct"]


@pytest.mark.parametrize("tier", ["fast", "accurate"])
def test_a_report_by_i_inside_a_pull_quote_is_the_signers_own_words_not_a_second_record(tier):
    # "I hope that …" inside the pull quote is what its signer says: one record, hers.
    text = ("The council voted on Monday to close the rink. Mayor Jane Roe said the town could not "
            "afford a new roof.\n\n"
            "I hope that voters will reject the plan to sell the land. Jane Roe\n\n"
            "Roe urged people to vote.")
    r = quotegraph.extract(text, tier=tier)
    t = r.article.text
    inside = [s for s in r.statements if "voters will reject" in s.content[0].text(t)]
    assert [(s.speaker.name if s.speaker else None, s.source.text(t)) for s in inside] == [("Jane Roe", "Jane Roe")]


def test_a_report_of_someone_else_inside_a_post_is_a_record_of_its_own():
    # A reporter's post that says what a union says: the union's report stands beside the post.
    text = ("The council met on Monday.\n\n"
            "Ambulances are late, but the paramedics union says crews are too often missing the mark. "
            "pic.twitter.com/Ab12Cd — Ann Lee (@annlee) January 15, 2019\n\n"
            "The union started a campaign. Ann Lee covers health.")
    r = quotegraph.extract(text)
    t = r.article.text
    assert any(s.source is not None and s.source.text(t) == "the paramedics union" for s in r.statements)
