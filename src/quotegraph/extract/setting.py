"""Where, to whom and about whom: the venue, addressee and target mentions of a draft.

All three are read off the cue's dependents ("said at a press briefing", "told reporters",
"accused Washington"), with the venue noun list in lexicon/venues.tsv. Results are clean-text
ranges plus the target's head token; resolving the target to an entity is extract/__init__'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .draft import Draft, Range
from .lexicon import addressee_verbs, target_verbs, venues
from .spans import children, entity_at, sentence_of, tokens_range

# Acts aimed at someone: for these the target falls back to the addressee or a named entity in
# the main clause of the content. Neutral statements, claims and beliefs get a target only from
# a cue that takes one ("accused X").
AIMED = frozenset({"accusation", "threat", "warning", "praise", "demand", "appeal", "rejection",
                   "denial", "agreement", "offer", "question"})
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj", "appos", "parataxis"})
_MEDIA_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})


@dataclass(frozen=True, slots=True)
class Setting:
    """Clean-text ranges of a draft's venue, addressee and target (head token for resolution)."""

    venue: Range | None = None
    addressee: Range | None = None
    target: Range | None = None
    target_head: int | None = None


def _phrase(tok: Token) -> Range | None:
    """A noun phrase or prepositional phrase without the clauses hanging off it."""
    keep = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in children(t):
            if c.dep_ in _CLAUSE_DEPS and c.dep_ not in ("cc", "conj") or (c.dep_ == "punct" and c.i > tok.i):
                continue
            if c.dep_ == "prep" and any(x.ent_type_ in ("DATE", "TIME") for x in children(c)):
                continue  # "at a press briefing on Wednesday": the date is not the venue
            keep.append(c)
            stack.append(c)
    return tokens_range(keep)


def _with_conjuncts(tok: Token) -> Range | None:
    """A noun phrase with its coordinated partners ("Russia and the US")."""
    toks = [t for t in tok.subtree if not (t.dep_ in ("relcl", "acl", "punct") and t.head.i == tok.i and t.i > tok.i)]
    return tokens_range(toks)


def _venue_prep(prep: Token) -> Token | None:
    """The venue noun a preposition introduces, if it names one ("at a press briefing")."""
    obj = next((c for c in children(prep) if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ in ("DATE", "TIME"):
        return None
    allowed = venues().get(obj.lemma_.lower()) or venues().get(obj.lower_)
    if allowed and prep.lower_ in allowed:
        return obj
    if prep.lower_ == "on" and obj.ent_type_ in _MEDIA_LABELS:
        return obj  # "on CNN", "on Fox News"
    return None


def _cue_heads(doc: Doc, d: Draft) -> list[Token]:
    """The cue verb and the participles hung on it ("Speaking at a briefing, X said")."""
    if d.cue is None:
        return []
    tok = doc[d.anchor]
    heads = [tok]
    heads += [c for c in children(tok) if c.dep_ in ("advcl", "xcomp") and c.tag_ in ("VBG", "VBN")]
    return heads


def find_venue(doc: Doc, d: Draft, mentions: list[int] = ()) -> tuple[Range | None, Token | None]:
    """The venue phrase of the draft and its noun; falls back to the two sentences before it when
    the speaker is their subject ("X hit back … on her Facebook page. '…?' X asked")."""
    for h in _cue_heads(doc, d):
        for c in children(h):
            if c.dep_ == "prep":
                obj = _venue_prep(c)
                if obj is not None:
                    return _phrase(c), obj
    if d.cue is None or not mentions:
        return None, None
    return _venue_before(doc, d, set(mentions))


def _venue_before(doc: Doc, d: Draft, inside: set[int]) -> tuple[Range | None, Token | None]:
    """A venue in the two sentences before the cue's, on a verb whose subject or agent is the speaker."""
    sent = sentence_of(doc[d.anchor])
    # Two sentences back: a question quote is often a sentence of its own before "X asked".
    before = []
    while sent.start > 0 and len(before) < 2:
        sent = sentence_of(doc[sent.start - 1])
        before.append(sent)
    for t in (t for s in before for t in s):
        verb = t.head
        # "hit back at the statement on her Facebook page": the parser may hang the venue on a
        # noun; the verb above it is the one whose speaker counts.
        while verb.pos_ != "VERB" and verb.head is not verb and verb.dep_ in ("pobj", "dobj", "prep"):
            verb = verb.head
        if t.dep_ != "prep" or verb.pos_ != "VERB":
            continue
        # The speaker as subject, or as agent ("comments made by Kirby at a press briefing").
        subj = [c for c in children(verb) if c.dep_ in ("nsubj", "agent")]
        if any(x.i in inside for s in subj for x in s.subtree):
            obj = _venue_prep(t)
            if obj is not None:
                return _phrase(t), obj
    return None, None


def find_addressee(doc: Doc, d: Draft, venue_noun: Token | None) -> Token | None:
    """The head of whoever the statement was made to, if the text says."""
    if d.cue is None:
        return None
    tok = doc[d.anchor]
    if tok.lower_ == "according":
        return None  # "according to X": X is the source
    lemma = tok.lemma_.lower()
    verbs = addressee_verbs()
    for c in children(tok):
        if c.dep_ in ("dobj", "dative") and lemma in verbs and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("to", "on") and (c.lower_ == "to" or f"{lemma} on" in verbs):
            obj = next((x for x in children(c) if x.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON") and _venue_prep(c) is None:
                return obj
    return _addressed_at_venue(venue_noun) if venue_noun is not None else None


def _addressed_at_venue(venue_noun: Token) -> Token | None:
    """Whom a venue was for: "in a letter to the UN", "in an interview with AFP"."""
    for c in children(venue_noun):
        if c.dep_ == "prep" and c.lower_ in ("to", "with"):
            obj = next((x for x in children(c) if x.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _target_by_cue(doc: Doc, d: Draft) -> Token | None:
    """The object of a cue that names its target ("accused Washington", "railed against PACs")."""
    if d.cue is None:
        return None
    tok = doc[d.anchor]
    targets = target_verbs()
    # "praised Sweden, saying …": the participle cue hangs on the verb that names the target.
    for verb in (tok, tok.head) if tok.dep_ == "advcl" else (tok,):
        lemma = verb.lemma_.lower()
        for c in children(verb):
            if c.dep_ == "dobj" and lemma in targets and c.pos_ in ("NOUN", "PROPN"):
                return c
            if c.dep_ in ("prep", "prt") and f"{lemma} {c.lower_}" in targets:
                obj = next((x for x in children(c) if x.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None


def _entity_in_content(doc: Doc, tokens: list[Token], speaker_heads: set[int]) -> Token | None:
    """The first named entity in the content's main clause (not its conditions), not the speaker."""
    inside = {t.i for t in tokens}
    skip: set[int] = set()
    for t in tokens:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in children(t)):
            skip.update(x.i for x in t.subtree)  # "if the war in Syria continues": not the target
    for t in tokens:
        if t.i in skip or t.ent_type_ not in _ENTITY_LABELS or t.ent_iob_ != "B":
            continue
        ent = entity_at(doc, t.i)
        if ent is None or ent.start != t.i or ent.root.i not in inside or ent.root.i in speaker_heads:
            continue
        return ent.root
    return None


def find_setting(doc: Doc, d: Draft, act: str, tokens: list[Token],
                 mentions: list[int] = ()) -> Setting:
    """Venue, addressee and target of one draft (`mentions`: the speaker's token positions)."""
    venue, venue_noun = find_venue(doc, d, mentions)
    addressee = d.addressee
    addressee_head = None
    if addressee is None:
        addressee_head = find_addressee(doc, d, venue_noun)
        if addressee_head is not None:
            addressee = _with_conjuncts(addressee_head)
    target_head = _target_by_cue(doc, d)
    if target_head is None and act in AIMED:
        if addressee_head is None and addressee is not None:
            span = doc.char_span(addressee[0], addressee[1], alignment_mode="expand")
            addressee_head = span.root if span is not None else None
        addressed = addressee_head is not None and addressee_head.pos_ != "PRON"
        if addressed and act in ("appeal", "demand", "offer", "threat", "warning", "praise", "question"):
            target_head = addressee_head  # what is asked of, offered or threatened to someone
        else:
            target_head = _entity_in_content(doc, tokens, set(mentions))
            if target_head is None and addressed:
                target_head = addressee_head  # '"You have betrayed us," X told Washington'

    target = None
    if target_head is not None:
        ent = entity_at(doc, target_head.i)
        target = (ent.start_char, ent.end_char) if ent is not None else _with_conjuncts(target_head)
    return Setting(venue, addressee, target, target_head.i if target_head is not None else None)


__all__ = ["AIMED", "Setting", "find_setting"]
