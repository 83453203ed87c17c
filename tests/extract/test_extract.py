"""Sentence-level cases for the whole extraction path (sentences written for these tests)."""

import pytest

import quotegraph


def run(text: str, published: str = "2016-09-29"):
    r = quotegraph.extract(text, published=published)
    t = r.article.text
    return [
        {
            "kind": s.kind,
            "content": " … ".join(t[c.start:c.end] for c in s.content),
            "cue": s.cue.text(t) if s.cue else None,
            "source": s.source.text(t) if s.source else None,
            "speaker": s.speaker.name if s.speaker else None,
            "type": s.speaker.type if s.speaker else None,
            "title": s.speaker.title if s.speaker else None,
            "affiliation": s.speaker.affiliation if s.speaker else None,
            "date": s.date,
        }
        for s in r.statements
    ]


def chains(text: str, published: str = "2016-09-29"):
    """Statements with their continuations joined, as a reader reads them."""
    r = quotegraph.extract(text, published=published)
    t = r.article.text
    out: list[dict] = []
    for s in r.statements:
        part = " … ".join(t[c.start:c.end] for c in s.content)
        if s.continues and out:
            out[-1]["content"] += " … " + part
            continue
        out.append({"kind": s.kind, "content": part, "speaker": s.speaker.name if s.speaker else None})
    return out


@pytest.mark.parametrize(("text", "kind", "speaker", "content"), [
    ('"We will win this election," Jane Smith said.', "direct", "Jane Smith", "We will win this election,"),
    ('"We will win this election," said Jane Smith.', "direct", "Jane Smith", "We will win this election,"),
    ('Jane Smith said: "We will win this election."', "direct", "Jane Smith", "We will win this election."),
    ("Jane Smith said that the party would win the election.", "indirect", "Jane Smith",
     "that the party would win the election"),
    ('Jane Smith said that the party would "win big" in November.', "mixed", "Jane Smith",
     'that the party would "win big" in November'),
    ("According to Jane Smith, the party will win the election.", "indirect", "Jane Smith",
     "the party will win the election"),
    # What the parse hangs on the source after its apposition is the clause's, not the source's.
    ('According to the Harbour team\'s coach, Tom Reid, in their first matchup, the Harbour team\'s robot, '
     'named "Bright Idea of Harbour Girls," scored one or two points for the alliance.', "indirect", "Tom Reid",
     'in their first matchup, the Harbour team\'s robot, named "Bright Idea of Harbour Girls," scored one or two '
     'points for the alliance'),
    ("The ministry has said that talks will resume next month.", "indirect", "ministry",
     "that talks will resume next month"),
    # The cue interrupts what was said: both sides are the content.
    ("The new rules, Jane Smith said, would cost farmers billions.", "indirect", "Jane Smith",
     "The new rules … would cost farmers billions"),
    ("But to prevent problems, Jane Smith said, officials should stay vigilant.", "indirect", "Jane Smith",
     "to prevent problems … officials should stay vigilant"),
    # What was said is the object of a preposition.
    ("Jane Smith complained about the long delays at the border crossing.", "indirect", "Jane Smith",
     "the long delays at the border crossing"),
    # A reporting noun with an owner and a clause.
    ("Jane Smith's claim that the vote was rigged was rejected by the court.", "indirect", "Jane Smith",
     "that the vote was rigged"),
    # The noun a participle modifies is the source.
    ("The ministry issued a statement saying that the border would stay closed.", "indirect", "ministry",
     "that the border would stay closed"),
])
def test_patterns(text, kind, speaker, content):
    got = chains(text)
    assert len(got) == 1, got
    s = got[0]
    assert s["kind"] == kind
    assert speaker in (s["speaker"] or "")
    assert s["content"].strip(' .,"') == content.strip(' .,"')


@pytest.mark.parametrize("text", [
    "Washington supports the so-called 'moderate opposition' in Syria.",
    "The book 'War and Peace' is long.",
    "The rain fell on the city all night.",
    "It was a \"big\" day.",
    "",
    '"',
])
def test_nothing(text):
    if not text:
        with pytest.raises(quotegraph.InputError):
            quotegraph.read.read_text(b"", "x.txt")
        return
    assert run(text) == []


def test_title_and_affiliation_from_premodifiers():
    got = run("Pentagon spokesman Captain Jeff Davis said that the strikes would continue.")
    s = got[0]
    assert s["speaker"] == "Jeff Davis"
    assert s["title"] == "spokesman, Captain"
    assert s["affiliation"] == "Pentagon"


@pytest.mark.parametrize(("text", "speaker", "title", "affiliation"), [
    ("Prime Minister Narendra Modi said that India would not back down.", "Narendra Modi",
     "Prime Minister", None),
    ('Mr Smith, 54, told the BBC: "I never expected this to happen so quickly."', "Smith", None, None),
    ("Finance Minister Fernando Haddad said the budget would balance.", "Fernando Haddad",
     "Finance Minister", None),
])
def test_titles_in_british_and_international_styles(text, speaker, title, affiliation):
    [s] = run(text)
    assert (s["speaker"], s["title"], s["affiliation"]) == (speaker, title, affiliation)


@pytest.mark.parametrize(("text", "speaker", "title", "affiliation"), [
    # A portfolio after "of" completes the title; the walk over capitalised words once took it
    # for the start of the name and left "U.S. Secretary of" as the affiliation.
    ("U.S. Secretary of State Jane Roe said the talks would resume.", "Jane Roe", "Secretary of State",
     "United States"),
    ("Minister of Finance Chrystal Moe said the budget would balance.", "Chrystal Moe",
     "Minister of Finance", None),
    ("The Minister of Foreign Affairs, John Moe, said the budget would balance.", "John Moe",
     "Minister of Foreign Affairs", None),
    ("Jane Roe, Secretary of the Treasury, said the budget would balance.", "Jane Roe",
     "Secretary of the Treasury", None),
    ("Foreign Affairs Minister Jane Roe said the budget would balance.", "Jane Roe",
     "Foreign Affairs Minister", None),
    # An organisation after "of" is the affiliation, before the name or in apposition.
    ("President of Harbour Bank Jane Roe said the talks would resume.", "Jane Roe", "President",
     "Harbour Bank"),
    ("The president of the union, Jane Roe, said the talks would resume.", "Jane Roe",
     "president of the union", None),
    ("Jane Roe, a spokeswoman for the Foreign Ministry, said the talks would resume.", "Jane Roe",
     "spokeswoman", "Foreign Ministry"),
    # "General" after a role word is part of it, as is a rank before one; a rank before the
    # name is the person's.
    ("Attorney General Jane Roe said the case was closed.", "Jane Roe", "Attorney General", None),
    ("Lieutenant Governor Jane Roe said the case was closed.", "Jane Roe", "Lieutenant Governor", None),
    ("Major General Jane Roe said the case was closed.", "Jane Roe", "Major General", None),
    # A person noun right before the name is a role, with the adjectives before it.
    ("Senior researcher Jane Roe said the study was small.", "Jane Roe", "Senior researcher", None),
    ("Harbour University researcher Jane Roe said the study was small.", "Jane Roe", "researcher",
     "Harbour University"),
    ("The team's longtime spokesman Tom Reid said the car was red.", "Tom Reid", "longtime spokesman", None),
    # A participle before the title word qualifies it, in Title Case too (tagged a proper noun).
    ("Harbour County Prosecuting Attorney Tom Reid said the case was closed.", "Tom Reid",
     "Prosecuting Attorney", "Harbour County"),
    ("Managing Director Jane Roe said the bank would grow.", "Jane Roe", "Managing Director", None),
])
def test_a_title_with_its_portfolio_or_organisation(text, speaker, title, affiliation):
    [s] = run(text)
    assert (s["speaker"], s["title"], s["affiliation"]) == (speaker, title, affiliation)


def test_wire_dateline_is_not_the_speaker():
    [s] = run("SAO PAULO, March 3 (Reuters) - Brazil's central bank kept its rate unchanged on "
              "Wednesday, saying inflation risks remained elevated.")
    assert (s["speaker"], s["content"]) == ("Brazil's central bank", "inflation risks remained elevated")


def test_accusation_content_is_what_they_are_accused_of():
    [s] = run("Senator Carlos Lima accused the government of pressuring the central bank.")
    assert (s["speaker"], s["cue"], s["content"]) == (
        "Carlos Lima", "accused the government of", "pressuring the central bank")


def test_what_is_called_for_is_the_object_of_for_not_of_every_preposition():
    [s] = run("The mayor did not call for an inquiry into the fire, despite pressure from residents.")
    assert (s["cue"], s["content"]) == ("did not call for", "an inquiry into the fire")


def test_single_quoted_speech_keeps_no_quote_marks():
    got = run("'It's a disgrace,' said Labour MP John Smith. 'The government has failed us.'")
    assert [s["content"] for s in got] == ["It's a disgrace", "The government has failed us."]


def test_pronoun_resolves_by_gender():
    text = ("The ministry's spokeswoman, Maria Ivanova, spoke on her page. Peter Brown was there too. "
            "She said that the plan had failed.")
    got = run(text)
    assert [s["speaker"] for s in got] == ["Maria Ivanova"]


def test_nominal_resolves_to_titled_person():
    text = ("Agency spokesman John Carter spoke on Monday.\n\n"
            '"We have nothing to hide from anyone," the spokesman stressed.')
    got = run(text)
    assert got[-1]["speaker"] == "John Carter"
    assert got[-1]["kind"] == "direct"


def test_quote_resumed_after_the_cue_sentence_is_a_continuation_by_the_same_speaker():
    r = quotegraph.extract('"The talks failed," Jane Smith said. "We will try again in June."\n\nThe rain went on.')
    first, second = r.statements
    t = r.article.text
    assert [c.text(t) for s in (first, second) for c in s.content] == ["The talks failed", "We will try again in June."]
    assert (first.speaker.name, second.speaker.name) == ("Jane Smith", "Jane Smith")
    assert second.continues == first.id and second.source is None and second.cue is None
    assert (first.speaker.via, second.speaker.via) == ("name", "floating")


@pytest.mark.parametrize(("between", "speaker"), [
    # A paragraph that only narrates does not end the speaker's turn ...
    ("The loss was worst after a stroke, at almost a third of earnings.", "Jane Smith"),
    # ... one with someone else's words hands it to them.
    ("The loss was worst after a stroke, Tom Brown said.", "Tom Brown"),
])
def test_a_floating_quote_continues_the_speaker_past_a_paragraph_that_only_narrates(between, speaker):
    text = (f'"Earnings fell for years," Jane Smith said.\n\n{between}\n\n'
            '"And if you looked at the average, it was a third of their salary."')
    r = quotegraph.extract(text)
    last = r.statements[-1]
    assert last.content[0].text(r.article.text).startswith("And if")
    assert (last.speaker.name, last.speaker.via) == (speaker, "floating")


def test_a_run_of_floating_quotes_continues_the_speaker_paragraph_by_paragraph():
    text = ('"Earnings fell for years," Jane Smith said.\n\n"Nobody saw it coming in our town."\n\n'
            "The loss was worst after a stroke.\n\n"
            '"And if you looked at the average, it was a third of their salary."')
    r = quotegraph.extract(text)
    assert [(s.speaker.name, s.speaker.via) for s in r.statements] == \
        [("Jane Smith", "name"), ("Jane Smith", "floating"), ("Jane Smith", "floating")]


def test_a_cue_in_a_relative_clause_reports_what_follows_it():
    # "wounds that police said did not appear self-inflicted": the relative pronoun is the
    # reported clause's subject; what the police said is the clause after the cue.
    got = run("He was treated for two wounds that police said did not appear self-inflicted.")
    assert [(s["speaker"], s["cue"], s["content"]) for s in got] == \
        [("police", "said", "did not appear self-inflicted")]


def test_a_section_head_in_quote_marks_is_no_floating_quote():
    # A title-cased line in quote marks heads a section; it is no one's words.
    text = ('"Earnings fell for years," Jane Smith said.\n\n\'Trouble in the River Towns.\'\n\n'
            "The mills closed in the spring.")
    assert [s["content"] for s in run(text)] == ["Earnings fell for years"]


@pytest.mark.parametrize("text", [
    # A paragraph that ends with a colon introduces the quote: it is not the earlier speaker's.
    '"Earnings fell for years," Jane Smith said.\n\nThe company released the following statement:\n\n'
    '"And if you looked at the average, it was a third of their salary."',
    # A transcript's turn names its own speaker.
    '"Earnings fell for years," Jane Smith said.\n\n"MODERATOR: Let us start with the news of the day."',
])
def test_a_quote_a_colon_introduces_or_a_turn_label_opens_does_not_float_to_the_speaker_before(text):
    assert [s.speaker.name for s in quotegraph.extract(text).statements] == ["Jane Smith"]


def test_a_sentence_the_cue_interrupts_is_two_stretches_of_one_report():
    r = quotegraph.extract('"The talks failed," Jane Smith said, "and we will try again in June."')
    first, second = r.statements
    t = r.article.text
    assert [c.text(t) for s in (first, second) for c in s.content] == ["The talks failed", "and we will try again in June."]
    assert second.continues == first.id
    # Both halves hang on the same cue and mention.
    assert (second.cue, second.source, second.speaker.via) == (first.cue, first.source, "name")


@pytest.mark.parametrize(("text", "speaker", "parts"), [
    # The parser reads an inverted cue set off by commas as a second verb ("insists" joined to
    # "is"), and hangs the words after the aside on it.
    ("There is a real satisfaction, insists 16-year-old Tom Roe, in seeing a comic through to print.", "Tom Roe",
     ["There is a real satisfaction", "in seeing a comic through to print"]),
    ("The plan failed, said Jane Roe, because the money ran out.", "Jane Roe", ["The plan failed"]),
])
def test_an_inverted_cue_set_off_by_commas_reports_the_clause_around_it(text, speaker, parts):
    r = quotegraph.extract(text)
    t = r.article.text
    assert [c.text(t) for s in r.statements for c in s.content] == parts
    assert {s.speaker.name for s in r.statements} == {speaker}


def test_according_to_reports_no_clause_joined_on_with_a_speaker_of_its_own():
    text = "According to the agency, the target is met in 90 per cent of cases but Tom Roe says that is not so."
    assert [(s["speaker"], s["content"]) for s in run(text)] == [
        ("agency", "the target is met in 90 per cent of cases"), ("Tom Roe", "that is not so")]


def test_a_cue_opening_its_sentence_reports_the_clause_the_parser_made_its_head():
    # The parser reads "Tom Roe says in this case, …" as an aside on "failed".
    assert [(s["speaker"], s["content"]) for s in run("Tom Roe says in this case, the plan failed.")] == [
        ("Tom Roe", "in this case, the plan failed")]


@pytest.mark.parametrize(("second", "said"), [
    (": “I promise you, those people got talked to.”", "I promise you, those people got talked to."),
    (" that the people were talked to.", "that the people were talked to"),
])
def test_a_second_cue_after_a_quotation_is_a_second_report_by_the_same_speaker(second, said):
    # With curly marks the parser joins "added" to the quoted clause ("knows … and added").
    got = run(f"Tom Roe said “nobody knows the story behind it,” and added{second}")
    assert [(s["speaker"], s["cue"], s["content"]) for s in got] == [
        ("Tom Roe", "said", "nobody knows the story behind it"), ("Tom Roe", "added", said)]


@pytest.mark.parametrize("verb", ["telling", "asking"])
def test_the_one_a_verb_of_telling_addresses_is_not_its_inverted_subject(verb):
    got = run(f"Tom Roe criticized the plan, {verb} Reuters whether it would ever pay for itself.")
    assert [(s["cue"], s["speaker"]) for s in got][-1] == (verb, "Tom Roe")


def test_a_concession_after_a_parenthetical_cue_is_the_writers():
    text = ("Tom Roe spoke in Halifax. There are people spreading fear about the new bridge, he said, "
            "though he did not name any of them.")
    assert [s["content"] for s in run(text)] == ["There are people spreading fear about the new bridge"]


def test_a_paragraph_break_inside_a_sentence_does_not_split_it():
    assert len(run('Jane Smith said: "Once\n\nagain we will try."')) == 1


def test_quote_running_over_a_paragraph_break_splits_at_the_sentence_end():
    got = run('Jane Smith said: "The talks failed.\n\n"We will try again in June."')
    assert [(s["speaker"], s["content"]) for s in got] == [
        ("Jane Smith", "The talks failed."), ("Jane Smith", "We will try again in June.")]


@pytest.mark.parametrize(("intro", "cue"), [
    ("Ann Lee, a reporter, wrote on Monday:", "wrote"), ("Ann Lee told reporters:", "told"),
    ("As Ann Lee of the Daily Star reported last week:", "reported")])
def test_a_quote_paragraph_after_a_colon_is_what_the_verb_before_it_introduced(intro, cue):
    # Words of the verb's own clause between it and the colon ("on Monday", "reporters") do not
    # cut the quotation in the next paragraph off from its cue.
    got = run(intro + "\n\n“The company has done nothing with the land. Nobody knows why.”")
    assert [(s["speaker"], s["cue"], s["kind"]) for s in got] == [("Ann Lee", cue, "direct")]


def test_quote_paragraph_continues_previous_speaker():
    text = ('Mayor Ann Lee said: "The bridge will open in May."\n\n'
            '"It will carry ten thousand cars a day and cut the commute in half."')
    got = run(text)
    assert [s["speaker"] for s in got] == ["Ann Lee", "Ann Lee"]


def test_weekday_dates_against_publication():
    got = run("On Wednesday, Jane Smith said that the vote would be delayed.")
    assert got[0]["date"] == "2016-09-28"


@pytest.mark.parametrize(("text", "expected"), [
    # The sentence before dates the statement when it is about the speaker's words …
    ("Comments made by Jane Smith at a briefing on Monday angered Moscow. Smith said the truce had failed.",
     "2016-09-26"),
    # … not when it only names the speaker.
    ("On Monday, the truce brokered by Jane Smith expired. Smith said the truce had failed.", "2016-09-29"),
])
def test_previous_sentence_dates_a_statement_only_when_it_is_about_speech(text, expected):
    got = [s for s in run(text) if s["content"] == "the truce had failed"]
    assert [s["date"] for s in got] == [expected]


def test_headline_attribution():
    text = "Acme Corp: We are ready for talks\n\nThe company said nothing else."
    got = run(text)
    assert got[0]["cue"] == ":"
    assert got[0]["content"] == "We are ready for talks"


def test_a_caption_credit_after_a_colon_is_no_statement():
    # "… Image: <name>." credits the photographer; a name alone says nothing.
    text = ("The fair opened on Friday with rides and food stalls.\n\n"
            "Harbour Days parade Image: Tom Reid.\n\nThe fair closes on Sunday.")
    assert run(text) == []


def test_offsets_index_the_original_markdown():
    text = 'Read more [Other: "no"](#)\n\nJane Smith said: *"We will win this election."*'
    r = quotegraph.extract(text)
    assert len(r.statements) == 1
    c = r.statements[0].content[0]
    assert text[c.start:c.end] == "We will win this election."


@pytest.mark.parametrize(("text", "speaker", "title", "affiliation"), [
    # The organisation a preposition names is the affiliation, not part of the title.
    ('"We will look at it," said Anna Berg, spokeswoman for the Department of Health.', "Anna Berg",
     "spokeswoman", "Department of Health"),
    ('"It is early," said Ian Dunn, a professor of history at Dalhousie University.', "Ian Dunn",
     "professor of history", "Dalhousie University"),
    # A place completes the title; a possessor is the affiliation.
    ('"No," said Jan Bell, Canada\'s ambassador to Ireland.', "Jan Bell", "ambassador to Ireland", "Canada"),
    # The lower-case words before the role noun are the title, a name before them the affiliation.
    ('"Maybe," said Dr. Lena Roth, a Halifax radiation oncologist.', "Lena Roth",
     "radiation oncologist, Dr.", "Halifax"),
    ('"Soon," said Karen Lind, the emergency program co-ordinator.', "Karen Lind",
     "emergency program co-ordinator", None),
    # A relative clause after the role is not part of it.
    ('"We wait," said Omar Aziz, a Syrian refugee who arrived in May.', "Omar Aziz", "refugee", "Syria"),
])
def test_a_role_in_apposition_splits_into_title_and_affiliation(text, speaker, title, affiliation):
    [s] = run(text)
    assert (s["speaker"], s["title"], s["affiliation"]) == (speaker, title, affiliation)


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # An apposition and a relative clause that holds no cue belong to the mention, as PolNeAR marks them.
    ("Jane Smith, a senior analyst with the ministry, said the plan would fail.",
     "Jane Smith, a senior analyst with the ministry", "Jane Smith"),
    ("Jane Smith, who ran the agency for a decade, said the plan would fail.",
     "Jane Smith, who ran the agency for a decade", "Jane Smith"),
    # The mention ends where the cue begins, even where the parse hangs the cue on the speaker.
    ('"The plan will fail," added Jane Smith, a senior analyst.', "Jane Smith, a senior analyst", "Jane Smith"),
    # A cue in a relative clause has the relative pronoun for its mention, as PolNeAR marks it.
    ("The council hired Jane Smith, who said the plan would fail.", "who", "Jane Smith"),
    # A participle set off by a comma says what the speaker was doing, not who they are; one
    # with no comma may say who they are, and stays.
    ("Jane Roe, speaking to reporters on Monday, said the plant would close in May.", "Jane Roe", "Jane Roe"),
    ("A union representing the plant's workers said the deal was fair.",
     "A union representing the plant's workers", "union representing the plant's workers"),
    # A photo credit's closing bracket, run into the phrase by the parse, ends before the mention.
    ("Tom Brown walks his dog near his home. ( Jane Roe / Daily Star ) Halifax accountant "
     "Ann Lee, 52, says she is happy with the results.", "Halifax accountant Ann Lee, 52", "Ann Lee"),
    # A title in quote marks is the phrase's own, its opening mark too.
    ("“Night Shift” host Tom Reid said the plan would fail.", "“Night Shift” host Tom Reid", "Tom Reid"),
    # A name between quoted words and the verb, where the page left out the comma, is the subject
    # (the parse hangs it on "was" inside the quotation).
    ("The class “was quite an eye-opener” Okonkwo says.", "Okonkwo", "Okonkwo"),
])
def test_a_source_mention_is_its_heads_noun_phrase_up_to_the_cue(text, source, speaker):
    (s,) = run(text)
    assert (s["source"], s["speaker"]) == (source, speaker)


def test_a_past_verb_of_saying_read_as_a_participle_on_the_name_is_the_cue():
    # The parser hangs "mentioned" on the name as a participle, and the name on the quoted verb as
    # an apposition: the name is the speaker, and the quoted clause is no role of theirs.
    text = ("“The agency had its largest claim charge in its history,” Ann Lee, the agency’s "
            "then-chief risk officer, mentioned in a 2013 commentary.")
    [s] = run(text)
    assert (s["source"], s["speaker"], s["title"]) == (
        "Ann Lee, the agency’s then-chief risk officer", "Ann Lee", "then-chief risk officer")


def test_quoted_words_the_parse_runs_into_the_speakers_phrase_are_not_the_mention():
    from spacy.tokens import Doc

    from quotegraph.extract.indirect import mention_range
    from quotegraph.nlp import load_pipeline

    # '“That is fair,” Lee, 69, told us.' as a parse once read it: the quotation hung on the name.
    words = ["“", "That", "is", "fair", ",", "”", "Lee", ",", "69", ",", "told", "us", "."]
    heads = [2, 2, 6, 2, 2, 2, 10, 6, 6, 6, 10, 10, 10]
    deps = ["punct", "nsubj", "relcl", "acomp", "punct", "punct", "nsubj", "punct", "appos", "punct",
            "ROOT", "dobj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB",
           "PRON", "PUNCT"]
    spaces = [False, True, True, False, False, True, False, True, False, True, True, False, False]
    doc = Doc(load_pipeline().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    s, e = mention_range(doc[6], {10})
    assert doc.text[s:e] == "Lee, 69"


def test_a_relative_pronoun_whose_clause_the_cut_leaves_out_is_not_in_the_mention():
    from spacy.tokens import Doc

    from quotegraph.extract.indirect import mention_range
    from quotegraph.nlp import load_pipeline

    # "Ann Lee, who told us it would fail, said on Monday …": the later statement's mention is cut
    # at the clause's own cue ("told"), and a bare "who" is no part of the noun phrase.
    words = ["Ann", "Lee", ",", "who", "told", "us", "it", "would", "fail", "."]
    heads = [1, 1, 1, 4, 1, 4, 8, 8, 4, 1]
    deps = ["compound", "ROOT", "punct", "nsubj", "relcl", "dobj", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PRON", "PRON", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", "NNP", ",", "WP", "VBD", "PRP", "PRP", "MD", "VB", "."]
    spaces = [True, False, True, True, True, True, True, True, False, False]
    doc = Doc(load_pipeline().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags)
    s, e = mention_range(doc[1], {4})
    assert doc.text[s:e] == "Ann Lee"
    s, e = mention_range(doc[1])  # the whole clause, kept as PolNeAR marks it
    assert doc.text[s:e] == "Ann Lee, who told us it would fail"


def test_a_passive_cue_with_a_subject_of_its_own_does_not_take_its_conjuncts_subject():
    # She is expected (by someone unnamed) to win; Jane Smith did not expect it.
    r = quotegraph.extract("Jane Smith faces a vote on Monday, but she is expected to win it easily.")
    assert [s.speaker.name for s in r.statements if s.speaker] == []


def test_a_quote_before_a_relative_pronoun_is_what_it_stands_for_not_its_words():
    # '"grok," which refers to …': the quoted word is the antecedent, not something said.
    text = 'Among the new words is "grok," which refers to a way of knowing.'
    assert not [s for s in run(text) if s["content"] == "grok"]


def test_a_quoted_title_after_the_cue_is_not_the_quote_resumed():
    text = "“The talks will go on,” Jane Smith said on the programme “The Sunday Hour.”"
    assert [s["content"] for s in run(text)] == ["The talks will go on"]


@pytest.mark.parametrize("text", [
    "Tom Brown stayed home, having been told the storm would hit the town.",
    "One night, Tom Brown was too afraid to sleep, having been told he could die at any moment.",
])
def test_whoever_a_passive_participle_of_saying_hangs_on_was_told_not_the_teller(text):
    # Tom Brown heard the words; who said them is not in the sentence.
    r = quotegraph.extract(text)
    assert [s.speaker.name for s in r.statements if s.speaker] == []


def test_an_active_participle_of_saying_is_its_subjects_words():
    r = quotegraph.extract("Tom Brown left the meeting, saying the plan would fail.")
    assert [s.speaker.name for s in r.statements] == ["Tom Brown"]


def test_a_signature_set_off_by_no_break_spaces_is_the_name_alone():
    # Pages set the dash and the name with no-break spaces (U+00A0) and end the name with a
    # full stop; neither is part of the name, and the next line's quotation is the next signer's.
    text = ("Readers wrote in after the debate.\n\n"
            "“The bridge plan will cost far more than the city admits.”\u00a0―\u00a0Ann Lee.\u00a0\n"
            "“We were never asked about the bridge at all.” ―\u00a0Tom Roe\n")
    got = [(s["content"], s["source"], s["speaker"]) for s in run(text)]
    assert got == [("The bridge plan will cost far more than the city admits.", "Ann Lee", "Ann Lee"),
                   ("We were never asked about the bridge at all.", "Tom Roe", "Tom Roe")]


def test_a_quotation_signed_after_a_quotation_dash_is_the_signers():
    # The quotation dash (U+2015) signs as a hyphen or an em dash does; a list of signed readers'
    # comments run into one paragraph signs each at the next quotation's opening mark.
    text = ("Readers wrote in after the debate.\n\n"
            "“The bridge plan will cost far more than the city admits.” ― Ann Lee "
            "“We were never asked about the bridge at all.” ― Tom Roe")
    got = [(s["content"], s["speaker"]) for s in run(text)]
    assert got == [("The bridge plan will cost far more than the city admits.", "Ann Lee"),
                   ("We were never asked about the bridge at all.", "Tom Roe")]


def test_a_concession_before_the_cue_is_not_what_was_said():
    # The parser reads "co-authored books" as a second complement of "maintains".
    text = "Even though Ann Lee has co-authored books with famous chefs, she maintains that she is a home cook at heart."
    r = quotegraph.extract(text)
    assert [" … ".join(text[p.start:p.end] for p in s.content) for s in r.statements] == \
        ["that she is a home cook at heart"]
    # A concession inside the words reported stays in them.
    text = "Though the plan is risky, it will work, the mayor said."
    assert [text[s.content[0].start:s.content[-1].end] for s in quotegraph.extract(text).statements] == \
        ["Though the plan is risky, it will work"]


@pytest.mark.parametrize("stop", [";", ":"])
def test_a_clause_a_semicolon_or_colon_closes_is_not_the_content_of_a_cue_after_it(stop):
    # The parser reads "Ann Lee says …" as a complement of "adds": two statements, each its own.
    text = f"Ann Lee says the bridge plan will fail{stop} she adds that the council knows it."
    r = quotegraph.extract(text)
    assert [(" … ".join(text[p.start:p.end] for p in s.content), text[s.cue.start:s.cue.end])
            for s in r.statements] == [("the bridge plan will fail", "says"), ("that the council knows it", "adds")]
    # Words after a colon with nothing before it are what was said.
    text = "Ann Lee said: the bridge plan will fail."
    assert [text[s.content[0].start:s.content[-1].end] for s in quotegraph.extract(text).statements] == \
        ["the bridge plan will fail"]
    # A comma does not close the clause: a quotation before its cue is what was said.
    text = "“The bridge plan will fail,” Ann Lee said."
    assert [text[s.content[0].start:s.content[-1].end] for s in quotegraph.extract(text).statements] == \
        ["The bridge plan will fail"]


def test_a_second_clause_past_a_colon_with_a_cue_of_its_own_is_its_own_statement():
    # The parse the small model gave such a sentence in a GGT article, written out: "notes" hangs
    # on "says" as a second complement, after the colon.
    from spacy.tokens import Doc

    from quotegraph.extract.indirect import verb_drafts
    from quotegraph.nlp import load_pipeline

    words = ["Ann", "Lee", "says", "she", "never", "cooked", ":", "she", "notes", "that", "her", "mother", "bakes", "."]
    doc = Doc(load_pipeline().vocab, words=words,
              spaces=[True] * 5 + [False] + [True] * 6 + [False, False],
              heads=[1, 2, 2, 5, 5, 2, 2, 8, 2, 12, 11, 12, 8, 2],
              deps=["compound", "nsubj", "ROOT", "nsubj", "neg", "ccomp", "punct", "nsubj", "ccomp", "mark",
                    "poss", "nsubj", "ccomp", "punct"],
              tags=["NNP", "NNP", "VBZ", "PRP", "RB", "VBD", ":", "PRP", "VBZ", "IN", "PRP$", "NN", "VBZ", "."],
              pos=["PROPN", "PROPN", "VERB", "PRON", "ADV", "VERB", "PUNCT", "PRON", "VERB", "SCONJ", "PRON",
                   "NOUN", "VERB", "PUNCT"],
              lemmas=["Ann", "Lee", "say", "she", "never", "cook", ":", "she", "note", "that", "her", "mother",
                      "bake", "."])
    got = [(doc.text[d.cue[0]:d.cue[1]], [doc.text[a:b] for a, b in d.content]) for d in verb_drafts(doc, [])]
    assert got == [("says", ["she never cooked"]), ("notes", ["that her mother bakes"])]
