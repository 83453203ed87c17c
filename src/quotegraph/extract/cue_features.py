"""Features of a candidate cue verb, for the learned cue model: pure over the parsed Doc."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .lexicon import reporting_verbs
from .quote_index import index_of
from .quotes import Quote
from .spans import children, in_quotes, sentence_chars

# Children whose presence says most about a verb reporting something ("said that…", "told X").
_CHILD_DEPS = frozenset({"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "parataxis", "dative",
                         "prep", "agent", "advcl", "neg", "aux", "auxpass"})


def candidates(doc: Doc, quotes: list[Quote]) -> Iterator[Token]:
    """Tokens that may head a cue: verbs outside quotes that are not auxiliaries or modals."""
    for tok in doc:
        # "according to" has its own rule; the tagger calls "according" a verb.
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD" and tok.dep_ not in ("aux", "auxpass") \
                and tok.lower_ != "according" and not in_quotes(quotes, tok.idx):
            yield tok


def cue_features(tok: Token, quotes: list[Quote]) -> list[str]:
    """Binary features of one candidate: its word, its lexicon class, and the shape of its clause."""
    lemma = tok.lemma_.lower()
    doc = tok.doc
    kids = {c.dep_ for c in children(tok) if c.dep_ in _CHILD_DEPS}
    f = [f"lemma={lemma}", f"tag={tok.tag_}", f"dep={tok.dep_}",
         f"lex={reporting_verbs().get(lemma, 'none')}"]
    f += [f"child={k}" for k in kids]
    f += [f"lemma={lemma}|child={k}" for k in kids & {"ccomp", "xcomp", "dobj", "parataxis", "prep"}]
    if tok.head is not tok:
        f += [f"head={tok.head.lemma_.lower()}", f"head_dep={tok.head.dep_}|dep={tok.dep_}"]
    subj = next((c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        f.append(f"subj={subj.ent_type_ or subj.pos_}")
        if subj.pos_ == "PRON":
            f.append(f"subj_word={subj.lower_}")
    for c in children(tok):
        if c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in children(c)):
            f.append("that_clause")
        if c.dep_ == "prep":
            f.append(f"prep={c.lower_}")
    if tok.i > 0:
        f.append(f"prev={doc[tok.i - 1].lower_}")
    if tok.i + 1 < len(doc):
        f.append(f"next={doc[tok.i + 1].lower_}")
    # A quote in the same sentence is the strongest hint that a verb reports speech.
    if index_of(quotes).touches(*sentence_chars(tok)):
        f.append("quote_in_sentence")
        f.append(f"lemma={lemma}|quote")
    return f
