"""Speech acts, negation and conditionals on sentences written for these tests."""

import pytest

import quotegraph
from quotegraph.extract.lexicon import act_cues
from quotegraph.vocab import ACTS, act_codes


def acts(text: str):
    r = quotegraph.extract(text, published="2016-09-29")
    return [(s.act, s.negated, s.conditional) for s in r.statements]


def act_of(text: str) -> str | None:
    found = acts(text)
    assert len(found) == 1, found
    return found[0][0]


@pytest.mark.parametrize(("text", "act"), [
    ("The army has threatened to destroy any loudspeakers near the border.", "threat"),
    ('"If they cross the line, we will strike their bases," the general said.', "threat"),
    ("The UN has urged Russia and the United States to resume their talks.", "appeal"),
    ('"Please stop the shelling now," the mayor said.', "appeal"),
    ('"The blockade must end at once," the minister said.', "demand"),
    ("The union demanded that the company reinstate the workers.", "demand"),
    ("The company offered to pay for the repairs.", "offer"),
    ('"We are ready to continue the dialogue with Washington," the spokesman said.', "offer"),
    ("The senator endorsed the new budget plan on Tuesday.", "agreement"),
    ('"The new tariffs are unacceptable," the trade minister said.', "rejection"),
    ("The government rejected the proposal for new elections.", "rejection"),
    ("The ministry denied that its troops had crossed the border.", "denial"),
    ('"These reports are simply not true," the spokeswoman said.', "denial"),
    ("The opposition accused the president of rigging the vote.", "accusation"),
    ('"This government is incompetent and corrupt," the opposition leader said.', "accusation"),
    ("The doctors warned that the outbreak could spread to other cities.", "warning"),
    ("The coach praised the players for their courage.", "praise"),
    ('"Why did the council wait so long to act?" the resident asked.', "question"),
    ("The economist believes that prices will fall next year.", "belief"),
    ("Polls show that most voters favour the change.", "belief"),
    ("The economist argued that the tax would never raise enough money.", "claim"),
    # An announced plan reports (docs/annotation-acts.md); a judgement of others' conduct blames.
    ("The mayor said that the bridge will reopen on Monday.", "statement"),
    ("According to a new survey, 40 percent of voters back the plan.", "belief"),
    ("The senator said the governor's reckless plan would wreck the state's finances.", "accusation"),
    ("The police said that the driver was taken to hospital.", "statement"),
])
def test_act(text, act):
    assert act_of(text) == act


@pytest.mark.parametrize(("text", "negated", "conditional"), [
    ('"We will never accept this deal," the minister said.', True, False),
    ("Officials have not said why the visas were denied.", True, False),
    ("Kirby said that if the war continues, more aircraft will be shot down.", False, True),
    ("The US has threatened to halt cooperation unless Moscow ends the attack.", False, True),
    ("The police said that the driver was taken to hospital.", False, False),
])
def test_flags(text, negated, conditional):
    found = acts(text)
    assert found and found[0][1:] == (negated, conditional)


def test_nothing_to_classify():
    assert acts("The weather was cold and the streets were empty.") == []


def test_act_confidence_is_a_probability_like_score():
    r = quotegraph.extract("The army has threatened to destroy the bridge.")
    st = r.statements[0]
    assert 0.5 < st.act_confidence <= 1.0


def test_tables_only_name_known_acts():
    assert {a for a, _ in act_cues().values()} <= set(ACTS)
    assert set(act_codes()) == set(ACTS)
