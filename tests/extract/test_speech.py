"""What counts as said: the speech flag, statements that are not made, link and label lines
(sentences written for these tests)."""

import pytest

import quotegraph
from quotegraph.extract.draft import Draft
from quotegraph.extract.speech import is_speech
from quotegraph.nlp import load_pipeline


def statements(text: str):
    r = quotegraph.extract(text, published="2016-09-29")
    t = r.article.text
    return [(" … ".join(c.text(t) for c in s.content), s.speech) for s in r.statements]


@pytest.mark.parametrize(("text", "speech"), [
    ("Jane Smith said that the plant would close in May.", True),
    ("Jane Smith told reporters that the plant would close in May.", True),
    ("According to Jane Smith, the plant will close in May.", True),
    ('Jane Smith called the closure "a betrayal of the town."', True),
    ("Jane Smith denied the allegations against the plant's owners.", True),  # what was denied
    ("Tom Brown denied Jane Smith on two breakaways.", False),  # whom, not what
    ("The union endorsed Jane Smith for mayor.", False),
    ("Jane Smith thinks that the plant will close in May.", False),
    ("Jane Smith wants the council to buy the plant.", False),
    ("The study found that the plant polluted the river for years.", False),
    ("Polls show that most voters want the plant to stay open.", False),
    # Evidence speaks findings whatever the verb: "according to" is not a person's words here.
    ("According to an internal investigation, the plant polluted the river for years.", False),
    ("According to court records, the plant paid no tax in May.", False),
    ("Jane Smith praised the council's work on the river.", False),  # what was talked about
    ("Jane Smith did not say why the plant closed.", False),
    ("Jane Smith continues to run the plant that her father built.", False),  # going on doing, not saying
    # A commitment says what the speaker will do; what they asked of others was said.
    ("Jane Smith pledged to keep the plant open until May.", False),
    ("The council agreed to buy the plant from its owners.", False),
    ("Jane Smith urged the council to buy the plant from its owners.", True),
    ("Jane Smith urged residents to consider leaving the town before the storm.", True),  # asked, not thought
    ("Jane Smith appeared to believe that the plant would close.", False),  # the governed verb decides
    # One word in quote marks is a term or a scare quote: the verb decides. More is a quotation.
    ("The council regards the new fees as “unfair” to families.", False),
    ("Jane Smith has offered to keep the 'temporary' plant open until May.", False),
    ("The council regards the new fees as “unfair to families.”", True),
    ("Jane Smith described the closure as “shameful.”", True),  # a verb of saying
    ("Jane Smith described the closure as shameful.", True),  # the object and what it is said to be
    # A decision taken by a count is a vote, not words; the object alone still states what was rejected.
    ("The council rejected the plan by 7 votes to 2.", False),
    ("The council rejected the plan at its meeting on Monday.", True),
    # A question names what was talked about, unless it was asked; a question word that is not
    # one (a relative pronoun, a clause of time before what was said) leaves the content said.
    ("Jane Smith explained how the plant came to close in May.", False),
    ("Jane Smith described why the council sold the plant.", False),
    ("Jane Smith asked whether the plant would close in May.", True),
    ("The owners closed the plant, which Jane Smith said was losing money.", True),
    ("Jane Smith said when the plant closes, the town will lose its biggest employer.", True),
    # A forecast or a supposition of saying is no report that anything was said; "would" tells
    # what was later said, and quoted words are someone's.
    ("The opposition will argue that the plant should close in May.", False),
    ("Critics could say that the plant polluted the river for years.", False),
    ("Jane Smith would later say that the plant had polluted the river for years.", True),
    ("The opposition will argue that the plan is “a betrayal of the town.”", True),
])
def test_speech_flag(text, speech):
    got = statements(text)
    assert len(got) == 1, got
    assert got[0][1] is speech


@pytest.mark.parametrize("text", [
    # Nothing was said; link and label lines name other articles.
    "Jane Smith declined to comment.",
    "The company refused to answer questions about the closure.",
    "READ MORE: Jane Smith says the plant will close in May",
    "Related: Mayor says the bridge will reopen",
    "WINNER: Jane Smith",
])
def test_no_statement(text):
    assert [c for c, speech in statements(text) if speech] == []


@pytest.mark.parametrize("label", ["ENERGY", "Analysis", "UPDATE"])
def test_a_section_head_opens_body_text_and_keeps_its_statements(label):
    # A line that ends as a sentence is body text, whatever its label, listed or in capitals.
    got = statements(f"{label}: Jane Smith said that oil prices would fall by the end of the year.")
    assert got == [("that oil prices would fall by the end of the year", True)]


def test_a_quotation_is_speech_whatever_the_verb():
    got = statements('"We will rebuild," Jane Smith wrote in a letter to the council.')
    assert got == [("We will rebuild", True)]


def test_a_stretch_with_no_cue_of_its_own_is_what_the_statement_it_continues_is():
    text = "Jane Smith thinks the plant will close. The town will shrink, she believes."
    doc = load_pipeline()(text)
    thinks = next(t for t in doc if t.text == "thinks")
    said = Draft(((text.index("the plant"), text.index(".")),), (thinks.idx, thinks.idx + 6), (0, 10), 1, thinks.i)
    rest = (text.index("The town"), text.index(", she"))
    assert not is_speech(doc, said, "indirect", 0)
    assert not is_speech(doc, Draft((rest,), None, None, None, thinks.i, head=said), "indirect", 0)
    # A quote needs no cue: words in quote marks were said.
    assert is_speech(doc, Draft((rest,), None, None, None, thinks.i, head=said), "direct", 0)
    # A stretch that continues nothing is kept as speech (a floating quote's reading).
    assert is_speech(doc, Draft((rest,), None, None, None, thinks.i), "indirect", 0)


def test_a_title_in_quote_marks_is_no_quotation():
    r = quotegraph.extract('Jane Smith said "The Long Way Home" was her best film.', published="2016-09-29")
    [st] = r.statements
    assert (st.kind, st.speech) == ("indirect", True)
    r = quotegraph.extract('Jane Smith called the film "a triumph of the form."', published="2016-09-29")
    assert [st.kind for st in r.statements] == ["mixed"]


@pytest.mark.parametrize(("quoted", "title"), [
    ("The Long Way Home.", True),
    ("Make the Town Great Again", True),
    ("List of Words Banished from Common Use", True),
    ("a triumph of the form.", False),
    ("Home", False),  # one word: a name or a scare quote, left to the other rules
    ("We Won. Then We Lost", False),  # a sentence inside
])
def test_quoted_title(quoted, title):
    from quotegraph.extract.attribute import quoted_title
    from quotegraph.extract.quotes import find_quotes

    text = f'She pointed to "{quoted}" on the page.'
    [q] = find_quotes(text)
    assert quoted_title(text, q) is title


@pytest.mark.parametrize(("text", "cue", "content", "speech"), [
    # An instruction to the reader reports no one's words ...
    ("Tell her why you think the plan would work.", "Tell", "why you think the plan would work", False),
    ("Ask your doctor whether the pills are safe.", "Ask", "whether the pills are safe", False),
    # ... while a subject, or an auxiliary, makes the same verb a report.
    ("They tell her that the plan would work.", "tell", "that the plan would work", True),
    ("He did ask whether the pills are safe.", "ask", "whether the pills are safe", True),
])
def test_an_imperative_cue_is_no_report_of_speech(text, cue, content, speech):
    doc = load_pipeline()(text)
    c, s = text.index(cue), text.index(content)
    anchor = doc.char_span(c, c + len(cue)).root.i
    draft = Draft(content=((s, s + len(content)),), cue=(c, c + len(cue)), source=None, source_head=None,
                  anchor=anchor)
    assert is_speech(doc, draft, "indirect", 0) is speech


def test_a_verb_of_saying_under_a_question_word_is_what_was_weighed_not_said():
    # "Appeared to suggest that …" is speech through its complement; "deliberating how to
    # respond" is not: the question word makes "respond" what was weighed.
    for text, verb, speech in (("Officials were deliberating how to respond to the ruling.", "deliberating", False),
                               ("The minister appeared to suggest that talks would resume.", "appeared", True)):
        doc = load_pipeline()(text)
        cue = next(t for t in doc if t.text == verb)
        content = (next(t for t in doc if t.text in ("how", "that")).idx, len(text) - 1)
        d = Draft((content,), (cue.idx, cue.idx + len(cue)), (0, 9), 0, cue.i)
        assert is_speech(doc, d, "indirect", 0) is speech


@pytest.mark.parametrize(("text", "verb", "speech"), [
    # A question through a preposition, on the cue or on its object, is what was talked about.
    ("The documents offer a glimpse into how officials responded to the flood.", "offer", False),
    ("Jane Smith spoke about why the plant had closed.", "spoke", False),
    # A verb of asking keeps its question; a question that is only inside what was said stays.
    ("Jane Smith asked about how the plant had closed.", "asked", True),
    ("Jane Smith said that how the plant closed was a mystery.", "said", True),
])
def test_a_question_under_a_preposition_names_what_was_talked_about(text, verb, speech):
    doc = load_pipeline()(text)
    cue = next(t for t in doc if t.text == verb)
    start = next(t for t in doc if t.i > cue.i and t.text in ("how", "why", "that")).idx
    d = Draft(((start, len(text) - 1),), (cue.idx, cue.idx + len(cue)), (0, 9), 0, cue.i)
    assert is_speech(doc, d, "indirect", 0) is speech


def test_what_the_object_is_said_to_be_is_part_of_what_was_said():
    # "As shameful" is what Jane Smith said of the closure; the object alone says nothing.
    assert statements("Jane Smith described the closure as shameful.") == [("the closure as shameful", True)]
    assert statements("Jane Smith dismissed the report as a distraction from the vote.") == [
        ("the report as a distraction from the vote", True)]


def test_who_is_asked_to_act_is_part_of_what_was_said():
    # PolNeAR train keeps the one asked in the content 18 times of 28; a that-clause's listener
    # stays out ("told reporters that …") and is the addressee either way.
    r = quotegraph.extract("Jane Smith urged residents to conserve water. Jane Smith told reporters that the dam was safe.")
    t = r.article.text
    assert [(" … ".join(c.text(t) for c in s.content), s.addressee.text(t)) for s in r.statements] == [
        ("residents to conserve water", "residents"), ("that the dam was safe", "reporters")]


def test_two_scare_quoted_words_apart_are_no_quotation():
    got = statements("The council has offered to open 'temporary' shelters instead of new housing, which residents "
                     "call “unacceptable.”")
    assert got and not got[0][1]


@pytest.mark.parametrize(("text", "cue", "content", "kind", "speech"), [
    # A passive with no agent names no one who spoke: hearsay, whichever tier found it ...
    ("The patient was told that he had three months to live.", "was told", "he had three months to live",
     "indirect", False),
    ("The company is said to have two interested buyers.", "is said", "to have two interested buyers",
     "indirect", False),
    ("The workers were gathered and informed that the plant would close.", "informed", "the plant would close",
     "indirect", False),  # the participle shares the passive's auxiliary
    ("She was elected in May and said that she would serve two terms.", "said", "she would serve two terms",
     "indirect", True),  # a finite verb beside a passive has a voice of its own
    # So does a noun of saying that no source was found for.
    ("The council met amid allegations that the mayor took bribes.", "allegations", "the mayor took bribes",
     "indirect", False),
    # ... while an agent speaks, and quoted words are someone's whatever the verb.
    ("The patient was told by his doctor that he had three months to live.", "was told",
     "he had three months to live", "indirect", True),
    ('The plan was described as "a costly and needless mistake."', "was described",
     "a costly and needless mistake.", "mixed", True),
])
def test_an_agentless_passive_is_no_ones_speech(text, cue, content, kind, speech):
    doc = load_pipeline()(text)
    c, s = text.index(cue), text.index(content)
    anchor = doc.char_span(c, c + len(cue)).root.i
    draft = Draft(content=((s, s + len(content)),), cue=(c, c + len(cue)), source=None, source_head=None,
                  anchor=anchor)
    assert is_speech(doc, draft, kind, 4 if kind == "mixed" else 0) is speech


@pytest.mark.parametrize(("text", "cue", "content", "speech"), [
    # A participle that describes a noun says what the noun is, not what anyone said.
    ("The film is a sweet and well-told retelling of the old story about the sword.", "told",
     "retelling of the old story about the sword", False),
    ("His aides praised his recently revealed plan to cut taxes for small firms.", "revealed",
     "plan to cut taxes for small firms", False),
    # The same verb heading its clause reports.
    ("His aides revealed that the plan would cut taxes for small firms.", "revealed",
     "that the plan would cut taxes for small firms", True),
])
def test_a_participle_that_describes_a_noun_reports_nothing(text, cue, content, speech):
    doc = load_pipeline()(text)
    c, s = text.index(cue), text.index(content)
    anchor = doc.char_span(c, c + len(cue)).root.i
    draft = Draft(content=((s, s + len(content)),), cue=(c, c + len(cue)), source=(0, 3), source_head=0,
                  anchor=anchor, proposition=True)
    assert is_speech(doc, draft, "indirect", 0) is speech
