"""Whether a statement reports speech or writing, or a thought, wish, feeling or finding.

Said, written, told, announced, "according to", and a quotation of two words or more are
speech; one word in quote marks is a term or a scare quote, and the verb decides. Belief verbs
and nouns ("thinks", "wants", "hope") and findings ("the study found", "polls show") are not;
neither is a verb the lexicon does not know as a verb of saying, which only the cue model
proposed, nor a report of what someone talked about with no proposition ("cited privacy
considerations", "disclosed its transactions", "described how it began"), nor an instruction
to the reader ("Tell him why"), nor a commitment to act ("pledged to keep the plant open"), nor
a vote ("rejected the bill by 52 votes to 48"), nor a forecast ("will argue that …"), nor
hearsay that names no one who spoke ("was told he had months to live"). docs/record.md states
the rule;
lexicon/reporting_verbs.txt and reporting_nouns.txt carry each word's class.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .draft import Draft
from .indirect import passive_of
from .lexicon import evidence_nouns, question_verbs, reporting_nouns, reporting_verbs
from .spans import children

_IMPERATIVE_BLOCKERS = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass"})
# Verbs of saying only when they go on speaking ("“…,” she continued"); with an infinitive or a
# gerund they go on doing what it names.
_ASPECTUAL = frozenset({"continue"})
_WH = frozenset({"WRB", "WP", "WDT"})
_OBJECTS = frozenset({"dobj", "dative", "obj", "iobj"})
# Modal auxiliaries of what is yet to be said or might be ("will argue", "could say", "should
# tell"). Not "would", which news uses for what was later said ("would later say that …"), nor
# "can", whose first person performs the act ("we can confirm that …").
_UNREALISED = frozenset({"will", "shall", "could", "may", "might", "should", "must"})


def _cue_class(doc: Doc, d: Draft) -> str | None:
    """"speech", "belief", or None for a cue the lexicons do not know."""
    cue = doc.char_span(d.cue[0], d.cue[1], alignment_mode="expand") if d.cue else None
    if cue is None or not len(cue):
        return None
    text = cue.text.lower()
    if text in (":", "according to") or text.startswith("according"):
        return "speech"  # a headline "X: …" or "according to X"
    anchor = doc[d.anchor]
    # "Appeared to suggest that …": the verb of saying is the one the cue governs.
    # Not "deliberating how to respond": a verb under a question word is what was weighed.
    said = next((c for c in children(anchor) if c.dep_ == "xcomp" and c.lemma_.lower() in reporting_verbs()
                 and not any(g.tag_ in _WH for g in children(c))), anchor)
    if said is anchor and anchor.lemma_.lower() in _ASPECTUAL and any(c.dep_ == "xcomp" for c in children(anchor)):
        return None  # "continues to honour his memory": going on doing something, not speaking
    governed = _word_class(doc, said)
    if said is anchor or governed == "speech":
        return governed
    # "Urged residents to consider leaving": a verb of thought the cue governs does not make a
    # verb of saying a thought; it is what was asked.
    return _word_class(doc, anchor) or governed


def _word_class(doc: Doc, tok: Token) -> str | None:
    """The lexicons' class of a verb (or of a noun the tagger took for one), with its particle."""
    lemma = tok.lemma_.lower()
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    # The tagger sometimes reads a verb as a noun ("The report notes that …"): a verb first.
    return (reporting_verbs().get(f"{lemma} {nxt}") or reporting_verbs().get(lemma)
            or reporting_nouns().get(lemma))


def is_speech(doc: Doc, d: Draft, kind: str, quoted_words: int) -> bool:
    """True for speech or writing; False for a thought, wish, feeling or finding. `quoted_words`:
    how many words the content's longest quotation has."""
    if d.source_head is not None and doc[d.source_head].lemma_.lower() in evidence_nouns():
        return False  # "the study found", "polls show": findings, whatever the verb
    if kind == "direct" or kind == "mixed" and quoted_words > 1:
        return True  # words inside quote marks were said or written
    if d.cue is not None and d.source is None and (_agentless(doc[d.anchor]) or doc[d.anchor].pos_ == "NOUN"):
        # "He was told he had months to live", "amid allegations that …": no one is named as saying it
        return False
    # One word in quote marks is a term or a scare quote ("offered 48-hour 'breaks'", "regards
    # them as “unacceptable”"): the verb says whether anything was said.
    if d.cue is None:
        # A stretch that continues a statement past its cue clause is what that statement is.
        return d.head is None or is_speech(doc, d.head, "indirect", 0)
    # "Would not say why": nothing was said (the record keeps `negated`).
    if any(c.dep_ == "neg" for c in children(doc[d.anchor])):
        return False
    if _unrealised(doc[d.anchor]):
        return False  # "will argue that …": a forecast or a possibility, not what was said
    if _imperative(doc[d.anchor]) or _commitment(doc, d) or _tallied(doc[d.anchor]) or _question(doc, d) \
            or _attributive(doc[d.anchor]):
        return False
    # "Disclosed its transactions": what was talked about, not what was said.
    return d.proposition and _cue_class(doc, d) == "speech"


def _agentless(verb: Token) -> bool:
    """A passive with no "by" agent ("was told", "is said to", "we're told", "had been diagnosed
    and told"): the grammar leaves out who spoke, so the report is hearsay, not anyone's speech.
    Quoted words are still someone's and are judged before this (is_speech)."""
    voice = passive_of(verb)
    return voice is not None and not any(c.dep_ == "agent" for v in (verb, voice) for c in children(v))


def _unrealised(verb: Token) -> bool:
    """A cue under a modal of the future, possibility or obligation ("will argue", "'ll say",
    "could claim", "should tell"): the writer forecasts or supposes the act, which has not
    happened."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lemma_.lower() in _UNREALISED for c in children(verb))


def _attributive(verb: Token) -> bool:
    """A participle that describes a noun ("a well-told story", "the much-praised speech", "a
    self-described socialist"): the noun is what was said of, not a report of what was said."""
    head = verb.head if verb.dep_ == "conj" else verb
    return verb.tag_ in ("VBN", "VBG") and head.dep_ == "amod" and head.i < head.head.i


def _commitment(doc: Doc, d: Draft) -> bool:
    """A commitment to act ("pledged to work toward …", "agreed to support them"): content that is
    an infinitive with no subject of its own says what the speaker will do, as "plans to" does,
    not what they said. With an object ("urged residents to conserve water") it is what they
    asked of others, which was said."""
    if not d.content:
        return False
    verb = doc[d.anchor]
    first = doc.char_span(d.content[0][0], d.content[0][0] + 1, alignment_mode="expand")
    if first is None or not len(first) or first[0].tag_ != "TO" or first[0].head.head.i != verb.i:
        return False
    return first[0].head.dep_ == "xcomp" and not any(c.dep_ in _OBJECTS for c in children(verb))


def _question(doc: Doc, d: Draft) -> bool:
    """Content that is a question the cue governs ("describing how she got the job", "explained
    why it failed"): it names what was talked about, not what was said, as a bare object does.
    A verb of asking is the exception: its question is what was said ("asked whether the talks
    would resume"). The question follows its cue and is the whole content: the question word
    opens a clause the cue governs, directly or through a preposition on the cue or on its object
    ("spoke about why it failed", "offer a glimpse into how …"), which runs to the content's end.
    Not a relative pronoun ("deaths that he said are unrelated"), a word inside the clause ("said
    what he wanted was a deal"), nor a clause of time that opens what was said ("said when the
    rules change, they will adapt")."""
    if doc[d.anchor].lemma_.lower() in question_verbs():
        return False
    span = doc.char_span(d.content[0][0], d.content[-1][1], alignment_mode="expand") if d.content else None
    words = [t for t in span or () if not (t.is_punct or t.is_space)]
    word = words[0] if words else None
    if word is None or word.i < d.anchor or word.lower_ == "that" \
            or not (word.tag_ in _WH or word.lower_ in ("whether", "if") and word.dep_ == "mark"):
        return False
    clause = word.head
    if clause.dep_ == "pcomp":  # through a preposition, on the cue or on its object
        on = clause.head.head
        if on.i != d.anchor and not (on.dep_ in _OBJECTS and on.head.i == d.anchor):
            return False
    elif clause.head.i != d.anchor:
        return False
    return clause.i != d.anchor and clause.left_edge.i == word.i and clause.right_edge.i >= words[-1].i


def _tallied(verb: Token) -> bool:
    """A decision taken by a count ("lawmakers rejected the bill by 52 votes to 48"): "by" and
    "to" on the verb, each with a number for its object or counting it, are a vote's tally, and a
    vote is no one's words. ("By purchasing two more" is a means, not a count.)"""
    def counted(word: str) -> bool:
        return any(o.like_num or any(n.dep_ == "nummod" and n.like_num for n in children(o))
                   for c in children(verb) if c.dep_ == "prep" and c.lower_ == word
                   for o in children(c) if o.dep_ == "pobj")
    return counted("by") and counted("to")


def _imperative(verb: Token) -> bool:
    """An instruction to the reader ("Tell him why you like it."): a bare verb heading its
    sentence with no subject and no auxiliary reports no one's words."""
    return (verb.tag_ == "VB" and verb.dep_ == "ROOT"
            and not any(c.dep_ in _IMPERATIVE_BLOCKERS for c in children(verb)))
