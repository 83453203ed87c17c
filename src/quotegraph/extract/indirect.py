"""Cue-anchored statements: reporting verbs with their complements, "according to X", headline "X: …"."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator

from spacy.tokens import Doc, Token

from ..model.linear import RULES_ONLY, AttributionModel, LinearModel
from .boundaries import model_cut
from .cue_features import candidates, cue_features
from .draft import Draft, Range
from .lexicon import (
    addressee_verbs,
    document_nouns,
    headline_labels,
    non_statements,
    object_verbs,
    reporting_nouns,
    reporting_verbs,
    target_verbs,
)
from .quotes import Quote
from .spans import (
    children,
    in_quotes,
    overlapping,
    sentence_of,
    subtree_range,
    text_of,
    tokens_range,
    trim,
)
from .transcript import transcript_drafts

_CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")
# The longest complement a cue may report, in tokens. Reported clauses in PolNeAR dev and GGT dev
# span at most 78; a longer subtree is a run-on parse (unpunctuated lists, storms of quote marks),
# whose nested cues would otherwise each read the whole run again (docs/batch.md, issue 20).
MAX_COMPLEMENT_TOKENS = 250
_OBJECT_DEPS = ("dobj", "oprd", "attr")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CONCESSIVE = frozenset({"though", "although"})  # subordinators that concede
_CONTRASTIVE = frozenset({"but", "yet"})  # conjunctions that set one clause against another
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb with a tense of its own, not "to consider", "vowing"
# "on" is left out: "on Twitter", "on Monday" say where and when far more often than what.
_CONTENT_PREPS = frozenset({"about", "of", "against", "over"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
_HEADLINE = re.compile(r"^([^:\n]{2,60}?)\s*(:)\s+(\S.{3,})$")
_QUOTE_CLOSERS = {"”": "“", '"': '"'}  # closing quote marks and their openers
_CLOSERS = {")": "(", "]": "[", **_QUOTE_CLOSERS}  # closing brackets and marks, and their openers


def cue_phrase(tok: Token) -> tuple[str, list[Token]] | None:
    """The reporting-verb lemma a token carries (with a particle: "point out"), and its tokens."""
    verbs = reporting_verbs()
    lemma = tok.lemma_.lower()
    for child in children(tok):
        if child.dep_ in ("prt", "advmod", "prep") and child.i == tok.i + 1:
            phrase = f"{lemma} {child.lower_}"
            if phrase in verbs:
                return phrase, [tok, child]
    if lemma in verbs and tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD":
        return lemma, [tok]
    return None


def _sender(noun: Token) -> Token:
    """Who speaks through a document that a verb takes as its object: the sender a "from" or
    "by" names ("received a letter from the ministry", with "from" on the letter or on the verb),
    else the verb's subject ("the ministry issued a statement"), else the document itself."""
    verb = noun.head
    for holder in (noun, verb):
        for c in children(holder):
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                obj = next((g for g in children(c) if g.dep_ == "pobj"), None)
                # On the verb, only a name: "sent a letter from Ottawa" says where, not who.
                if obj is not None and (holder is noun or obj.ent_type_ in ("ORG", "PERSON", "NORP")):
                    return obj
    return next((c for c in children(verb) if c.dep_ == "nsubj"), None) or noun


def _labels_line(tok: Token) -> bool:
    """Whether a word is a label that opens its line before a colon ("UPDATE: …")."""
    doc, first = tok.doc, tok.left_edge.i
    return (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":"
            and (first == 0 or "\n" in doc[first - 1].text_with_ws))


def passive_of(verb: Token) -> Token | None:
    """The passive verb a verb's voice comes from: itself ("was told"), or the verb whose auxiliary a
    participle with no subject of its own shares ("had been diagnosed and told"); None if active."""
    def passive(v: Token) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in children(v))

    if passive(verb):
        return verb
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and passive(verb.head) \
            and not any(c.dep_ in (*_SUBJECT_DEPS, "aux", "auxpass") for c in children(verb)):
        return verb.head
    return None


def subject_of(tok: Token) -> Token | None:
    """The grammatical subject a cue verb reports, climbing conjunctions and participles."""
    seen = 0
    while tok is not None and seen < 4:
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children(tok))
        for c in children(tok):
            if c.dep_ in _SUBJECT_DEPS and not passive:
                if _labels_line(c) and sum(g.dep_ in _SUBJECT_DEPS for g in children(tok)) > 1:
                    continue  # "UPDATE: Jane Smith said": the parser takes the label for a subject too
                if c.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                    return tok.head
                return c
            if c.dep_ == "agent":
                objs = [g for g in children(c) if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        # "a statement saying …", "one tweet attacking …": the noun a participle modifies speaks,
        # or whoever sent it when it is a document (_sender).
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = tok.head
            if noun.dep_ in ("dobj", "dative") and noun.head.lemma_.lower() in addressee_verbs() \
                    and noun.lemma_.lower() not in document_nouns():
                # "emailed supporters saying …": the parser hangs the participle on the one
                # addressed, who is spoken to; the verb's subject speaks.
                tok, seen = noun.head, seen + 1
                continue
            return _sender(noun) if noun.lemma_.lower() in document_nouns() and noun.dep_ == "dobj" else noun
        # The parser often hangs that participle on the verb instead ("received a letter from the
        # ministry informing them …").
        if tok.dep_ == "advcl" and tok.tag_ == "VBG":
            noun = next((c for c in children(tok.head) if c.dep_ == "dobj" and c.lemma_.lower() in document_nouns()), None)
            if noun is not None:
                return _sender(noun)
        # '"…", added KCNA.': an inverted subject the parser hangs the verb on, or takes for its object.
        # Not the one a verb of telling addresses ("…, telling Reuters that …").
        if tok.i + 1 < len(tok.doc) and tok.i > 0 and tok.doc[tok.i - 1].text == "," and not seen \
                and tok.lemma_.lower() not in addressee_verbs():
            after = tok.doc[tok.i + 1]
            if after.pos_ == "PROPN" and (tok.dep_ == "amod" and tok.head.i == after.i
                                         or after.dep_ in ("dobj", "npadvmod") and after.head.i == tok.i):
                return after
            # A person's name may follow its modifiers ("…, insists 16-year-old Tom Roe, in …"),
            # after a finite verb standing aside from the clause it reports, not one in a list of
            # what someone did ("defended Roe, mocked the Liberal Party and …"), nor one whose
            # object is what it reports ("…, endorsed Senator Tom Roe"). (A paper that "reported"
            # what someone said relays it, and is left to the rule above.)
            after = next((c for c in children(tok) if c.dep_ in ("dobj", "npadvmod") and c.pos_ == "PROPN"
                          and c.ent_type_ == "PERSON" and c.left_edge.i == tok.i + 1), None)
            if after is not None and tok.tag_ in _FINITE_TAGS and tok.lemma_.lower() not in object_verbs() \
                    and (tok.dep_ == "ROOT" or _parenthetical(tok)):
                return after
        # '“… was an eye-opener” Lee says.': a name between quoted words and the verb, which the
        # parser hangs inside the quoted clause where the page left out the comma. (After a quoted
        # title with no verb, '“Night Shift” Star Asked …', the name is the title's.)
        if not seen and tok.i > 1 and tok.doc[tok.i - 1].pos_ == "PROPN" and tok.doc[tok.i - 1].head.i != tok.i:
            closer = _closing_mark_before(tok.doc[tok.i - 1])
            if closer is not None and _quoted_clause(closer):
                return tok.doc[tok.i - 1]
        # '“…,” Ann Lee, the agency's officer, mentioned in a commentary.': a past verb of saying
        # after a quotation and its speaker, which the parser reads as a participle on the name.
        if not seen and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i \
                and reporting_verbs().get(tok.lemma_.lower()) == "speech" and _closing_mark_before(tok.head):
            return tok.head
        # "Vickers | said he …": the sentence splitter sometimes cuts a one-name subject off.
        if tok.is_sent_start and tok.i > 0 and not seen:
            prev = sentence_of(tok.doc[tok.i - 1])
            words = [t for t in prev if not (t.is_punct or t.is_space)]
            if 0 < len(words) <= 4 and "\n" not in tok.doc[prev.start : tok.i].text \
                    and all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") for t in words) and words[-1].pos_ == "PROPN":
                return words[-1]
        if passive and not seen and (tok.dep_ == "advcl" or any(c.dep_ == "nsubjpass" for c in children(tok))):
            # "…, having been told he could die": the one told, not who told him. A passive cue
            # with a subject of its own ("Jane Smith faces a vote but she is expected to win it")
            # does not take the subject of the verb it is joined to: its agent is unstated.
            return None
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
            tok, seen = tok.head, seen + 1
            continue
        # "by telling them …", "before asking …": the verb the preposition hangs on.
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head is not tok.head:
            tok, seen = tok.head.head, seen + 1
            continue
        return None
    return None


def _closing_mark_before(name: Token) -> Token | None:
    """The closing quote mark right before the name that `name` ends ("” Ann Lee"), if any."""
    first = name
    while first.i > 0 and first.doc[first.i - 1].pos_ == "PROPN":
        first = first.doc[first.i - 1]
    before = first.doc[first.i - 1] if first.i > 0 else None
    return before if before is not None and before.text in _QUOTE_CLOSERS else None


def _quoted_clause(closer: Token) -> bool:
    """Whether the quotation a closing mark ends, within its sentence, holds a verb."""
    opener = _QUOTE_CLOSERS[closer.text]
    for t in reversed(closer.doc[closer.sent.start : closer.i]):
        if t.text == opener:
            return False
        if t.pos_ in ("VERB", "AUX"):
            return True
    return False


def _aside(dep: Token) -> bool:
    """A present participle set off by a comma on the speaker's noun ("Trump, speaking to
    veterans on Monday, said"): what they were doing when they spoke, not who they are. The
    parse labels it a clause modifier at times; it is the same phrase."""
    return (dep.dep_ in ("acl", "advcl") and dep.tag_ == "VBG" and dep.left_edge.i > 0
            and dep.doc[dep.left_edge.i - 1].text == ",")


def mention_range(head: Token, stop: Container[int] = ()) -> Range | None:
    """Range of a source mention: its head's subtree, cut before any token in `stop`.

    `stop` holds the cue and what was said: a relative clause or participle on the speaker may
    hold the cue itself ("Trump, who said …"), and an inverted subject ('"…", added KCNA') may
    carry the verb and the quote as its children. Relative clauses and appositions that hold
    neither stay in, as PolNeAR marks them ("X, a senior analyst with …, who ran …"); a
    participle set off by a comma (`_aside`) does not, as PolNeAR leaves it out.
    """
    a = b = head.i
    doc = head.doc
    end = min((c.left_edge.i - 1 for c in head.rights if _aside(c)), default=head.right_edge.i)
    while a > head.left_edge.i and a - 1 not in stop:
        a -= 1
    while b < end and b + 1 not in stop:
        b += 1
    # A relative pronoun whose clause the cut left out goes with it ("Ann Lee, who | told us …, said").
    while b > head.i and doc[b].tag_ in ("WDT", "WP") and doc[b].head.i > b:
        b -= 1
    # A parenthesis or quotation that opens the phrase, or closes in it with its opening mark
    # outside, is one the parse ran into the phrase (a photo credit: "( Jane Roe / Daily Star )
    # Halifax accountant Ann Lee"; '“… an eye-opener” Lee says'): the mention starts after
    # it. "The (former) mayor" keeps its own, and a title whose opening mark stands just before
    # the phrase is the phrase's ('“Night Shift” host Tom Reid').
    keep = -1  # a start the edge punctuation below stays at: a quoted title's opening mark
    closer = next((k for k in range(head.i - 1, a - 1, -1) if doc[k].text in _CLOSERS), None)
    if closer is not None:
        opener = _CLOSERS[doc[closer].text]
        inside = opener in doc[a:closer].text
        # A title ends on a word; quoted words end on their punctuation ('…a great deal,” Lee').
        if doc[closer].text in _QUOTE_CLOSERS and not doc[closer - 1].is_punct \
                and (inside or a > 0 and doc[a - 1].text == opener):
            a = keep = a if inside else a - 1
        elif not inside or doc[a].text == opener:
            a = closer + 1
    # Edge punctuation goes; a closing bracket stays when its opening one is in ("X (a former aide)").
    while b > head.i and (doc[b].is_space or doc[b].is_punct and not (doc[b].text == ")" and "(" in doc[a:b].text)):
        b -= 1
    while a < head.i and a != keep and (doc[a].is_space or doc[a].is_punct):
        a += 1
    return tokens_range(doc[a : b + 1])


def subject_mention(subj: Token, verb: Token, stop: Container[int]) -> Range | None:
    """The mention of a cue verb's subject (`subject_of`): its noun phrase (`mention_range`), or
    the relative pronoun where the verb is in a relative clause on it. "Mr. Obama, who said …"
    has the mention "who", as PolNeAR marks it; the noun it stands for is the speaker."""
    rel = _relative_pronoun(subj, verb)
    return tokens_range([rel]) if rel is not None else mention_range(subj, stop)


def _relative_pronoun(subj: Token, verb: Token) -> Token | None:
    """The relative pronoun through which `subj` is the subject of `verb` ("X, who said"), if any."""
    for r in children(subj):
        if r.dep_ == "relcl" and (r.i == verb.i or r.is_ancestor(verb)):
            return next((c for c in children(r) if c.dep_ in _SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS), None)
    return None


def tokens_in(doc: Doc, ranges: Iterable[Range]) -> set[int]:
    """The indices of the tokens that character ranges touch."""
    return {t.i for r in ranges for t in doc.char_span(*r, alignment_mode="expand") or ()}


def aux_range(tok: Token, cue: list[Token]) -> Range:
    """The cue's range with the auxiliaries and negation just before its verb `tok` ("has said")."""
    # PolNeAR and readers see "has said" / "did not say" as the cue; not "has he called", where
    # the subject stands between.
    toks = list(cue)
    doc = tok.doc
    for c in children(tok):
        if c.dep_ in ("aux", "neg") and c.i < tok.i and tok.i - c.i <= 3 \
                and not any(doc[j].dep_ in _SUBJECT_DEPS for j in range(c.i + 1, tok.i)):
            toks.append(c)
    return tokens_range(toks)  # type: ignore[return-value]


def _complement_range(c: Token, verb: Token, quotes: list[Quote], cut: LinearModel | None) -> Range | None:
    """A complement's subtree, its tail cut where the cut model says the report ends."""
    start = model_cut(c, verb, quotes, cut)
    return subtree_range(c) if start is None else tokens_range(c.doc[c.left_edge.i : start])


def complements(verb: Token, phrase: str) -> Iterator[tuple[Token, bool]]:
    """The children of a cue verb that hold what was said, or who was addressed (flag True)."""
    kids = list(children(verb))
    if phrase in ("call for", "call on"):
        # What is called for is the object of "for" (or "on"), not of every preposition on the
        # verb ("called for calm in a statement on Monday").
        particle = phrase.split()[1]
        kids += [g for c in children(verb) if c.dep_ == "prep" and c.lower_ == particle for g in children(c)]
    for c in kids:
        if c.dep_ in _CONTENT_DEPS or c.dep_ == "pobj" or (c.dep_ == "advcl" and _reported_advcl(c, phrase)):
            yield c, False
        elif _as_predicate(c):
            yield c, False  # "described the closure as shameful": what the object is said to be
        elif c.dep_ in _OBJECT_DEPS or c.dep_ == "dative":
            if phrase in addressee_verbs() or c.dep_ == "dative":
                yield c, True
                if _asked_to(c):
                    yield c, False  # "urged residents to conserve water": who is to act is in what was said
            elif phrase in target_verbs() and any(p.dep_ == "prep" and p.lower_ in ("of", "for")
                                                  for p in children(verb)):
                continue  # "accused the government of …": who it is aimed at, not what was said
            elif not (c.pos_ == "PRON" and c.lower_ in ("it", "this", "that", "so")) and c.tag_ not in ("WP", "WDT"):
                # "what he calls X": the wh-word stands for something outside the cue's clause
                yield c, False


def _asked_to(obj: Token) -> bool:
    """Whether an addressee is the one an infinitive right after it asks to act ("urged residents
    to …"); not one a quotation follows ("told the press, “to show …”")."""
    return any(c.left_edge.i == obj.right_edge.i + 1 and c.dep_ in ("xcomp", "advcl", "ccomp")
               and any(a.dep_ == "aux" and a.tag_ == "TO" for a in children(c)) for c in children(obj.head))


def _as_predicate(c: Token) -> bool:
    """The "as" phrase that says what a verb's object is ("described the plan as reckless")."""
    return c.dep_ == "prep" and c.lower_ == "as" and any(o.dep_ == "dobj" and o.i < c.i for o in c.head.children)


def adjunct(c: Token, verb: Token, phrase: str | None) -> bool:
    """Whether a word is a preposition on the cue verb that says why, how or about what it was
    said ("thanked him for allowing …", "warned about slowing sales"), which `complements` never
    takes for what was said; not the "as" of what the object is said to be, nor the cue's own
    particle ("called for …")."""
    return (c.dep_ == "prep" and c.head.i == verb.i and not _as_predicate(c)
            and (phrase is None or c.lower_ != phrase.partition(" ")[2]))


def _reported_advcl(c: Token, phrase: str) -> bool:
    # The parser often hangs a that-clause ("tweeted in the morning that …") or the infinitive of
    # "told supporters to go …" on the verb as an adverbial clause.
    marks = {g.lower_ for g in children(c) if g.dep_ in ("mark", "aux")}
    return "that" in marks or (phrase in addressee_verbs() and "to" in marks)


def _prepositional(verb: Token, phrase: str) -> tuple[Token, Token] | None:
    """(preposition, object) of a cue whose content is a prepositional object ("complained about …")."""
    aimed = phrase in target_verbs()
    preps = _CONTENT_PREPS | {"for"} if aimed else _CONTENT_PREPS
    target = {t.i for c in children(verb) if c.dep_ == "dobj" for t in c.subtree} if aimed else set()
    for c in children(verb):
        # Only right after the verb ("complained bitterly about") or its target ("accused the
        # government of"): a preposition further on ("hit back at the statement on her Facebook
        # page") says where, not what.
        between = verb.doc[verb.i + 1 : c.i]
        if c.dep_ == "prep" and c.i > verb.i and c.lower_ in preps \
                and all(t.dep_ in ("prt", "advmod") or t.i in target for t in between):
            obj = next((g for g in children(c) if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return c, obj
    return None


def _content_ranges(doc: Doc, verb: Token, phrase: str, quotes: list[Quote], subj: Token | None,
                    cut: LinearModel | None) -> tuple[list[Range], Range | None, bool]:
    """Content ranges of a cue from its complements, the addressee if the verb takes one, and
    whether any complement is a clause (a proposition, not a bare noun phrase)."""
    text = text_of(doc)
    out: list[Range] = []
    kept: list[Token] = []  # the complement of each range in `out`
    addressee = None
    clause = False
    for c, addressed in complements(verb, phrase):
        if addressed:
            addressee = trim(text, subtree_range(c))
            continue
        if c.right_edge.i - c.left_edge.i >= MAX_COMPLEMENT_TOKENS:
            continue  # a run-on parse (a storm of quote marks, a table), not a reported clause
        if _closed_off(doc, verb, c, kept):
            continue
        r = _complement_range(c, verb, quotes, cut)
        second = _second_report(c, quotes)
        if r and second is not None:
            r = (r[0], min(r[1], second))
        if r and subj is not None and _gap_subject(c, verb):
            # "wounds that authorities said did not appear self-inflicted": the complement's
            # subject is the relative pronoun before the cue clause; what was said follows the cue.
            r = (doc[verb.i + 1].idx, r[1])
        if r and (subj is None or not (r[0] <= subj.idx < r[1])):
            out.append(r)
            kept.append(c)
            clause = clause or is_clause(c)
    if len(out) > 1:
        # "Even though she wrote with chefs, she maintains that …", read with the concession as a
        # second complement: what the writer concedes before the cue is not what was said.
        out = [r for r, c in zip(out, kept) if not (c.i < verb.i and concedes(c.subtree))] or out
    return [r for r in (trim(text, x) for x in out) if r], addressee, clause


def _quoted_conjunct(cue: Token, quotes: list[Quote]) -> bool:
    """Whether the parser joined a cue outside quote marks to the quoted clause another cue
    reports ('Roe said “nobody knows,” and added: “…”', read as "nobody knows and added"): the
    cue is the first cue's second, with its subject. Only a finite one: in 'called on them to
    “act” and consider …' the second verb is what they were called on to do."""
    head = cue.head
    return cue.dep_ == "conj" and cue.tag_ in _FINITE_TAGS and head.dep_ in _CONTENT_DEPS \
        and head.head.i < head.i < cue.i \
        and in_quotes(quotes, head.idx) and not in_quotes(quotes, cue.idx)


def _second_report(c: Token, quotes: list[Quote]) -> int | None:
    """Where a quoted complement's conjunct that is a second cue starts, with its conjunction
    (_quoted_conjunct): the first report ends before it."""
    for g in children(c):
        if g.dep_ == "conj" and _quoted_conjunct(g, quotes) and cue_phrase(g) is not None:
            return _joined_at(c, g)[0]
    return None


def _joined_at(head: Token, conj: Token) -> tuple[int, Token | None]:
    """Where a conjunct of `head` begins, as a character offset, with the conjunction that joins
    it ("… and added", "but Roe says …"); and that conjunction, if any."""
    cc = next((g for g in reversed(children(head)) if g.dep_ == "cc" and g.i < conj.i), None)
    return head.doc[min(conj.left_edge.i, cc.i if cc is not None else conj.i)].idx, cc


def _closed_off(doc: Doc, verb: Token, c: Token, kept: list[Token]) -> bool:
    """Whether a semicolon or colon parts a complement from the cue's clause, making it a statement
    of its own. Before the cue: "He says the plan will fail; he adds that …", read with the first
    clause as a complement of "adds". After the cue, where a complement already stands before the
    mark and this one is a cue with a subject of its own in the third person: "she says she
    never cooked: she notes that her mother …", read with "notes" as a second complement of
    "says". ("She said: the plan will fail" has nothing before the colon, so what follows it is
    what was said; "texted that …: Do you feel it?" is the words themselves.)"""
    def marked(a: int, b: int) -> bool:
        return any(t.text in (";", ":") for t in doc[a:b])

    if c.i < verb.i:
        return marked(c.right_edge.i + 1, verb.i)
    return (any(verb.i < k.i and marked(k.right_edge.i + 1, c.left_edge.i) for k in kept)
            and cue_phrase(c) is not None
            and any(g.dep_ == "nsubj" and g.lower_ not in ("i", "we", "you") for g in children(c)))


def concedes(words: Iterable[Token], even: bool = True) -> bool:
    """Whether words open with a concessive subordinator ("though …", and "even though …" where
    `even`): what the writer concedes around a statement ("…, he said, though he named no one"),
    not what was said."""
    for t in words:
        if t.is_punct or t.is_space or (even and t.lower_ == "even"):
            continue
        return t.dep_ == "mark" and t.lower_ in _CONCESSIVE
    return False


def _gap_subject(c: Token, verb: Token) -> bool:
    """Whether a complement's subject is the relative pronoun of the clause the cue verb heads."""
    return verb.dep_ == "relcl" and c.i > verb.i and any(
        g.dep_ in _SUBJECT_DEPS and g.lower_ in RELATIVE_PRONOUNS and g.i < verb.i for g in children(c))


def states_by_object(verb: Token, phrase: str | None) -> bool:
    """Whether the verb's bare object states what was said ("denied the allegations"): a verb of
    `object_verbs` whose object is not someone ("denied the Hawks", "endorsed the senator")."""
    if phrase not in object_verbs():
        return False
    obj = next((c for c in children(verb) if c.dep_ == "dobj"), None)
    return obj is None or obj.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE")


def is_clause(c: Token) -> bool:
    """A complement that states something: a clause, a small clause ("called the vote a sham",
    "described the plan as reckless"), or a noun carrying a clause of its own ("noted that 58
    companies would owe …")."""
    if c.pos_ in ("VERB", "AUX") or c.dep_ in _CONTENT_DEPS or c.dep_ in ("advcl", "oprd") or _as_predicate(c):
        return True
    return any(t.dep_ in _SUBJECT_DEPS and t.head.dep_ not in ("relcl", "acl") and t.head.pos_ in ("VERB", "AUX")
               for t in c.subtree if t.i != c.i)


def _parenthetical(cue: Token) -> bool:
    """Whether a cue stands aside in the clause it reports: as the parse's parataxis, or joined
    to it after a comma with no conjunction ("There is a satisfaction, insists Tom Roe, in …",
    which the parser reads as a second verb), and in no list of what someone did ("defended Roe,
    mocked Poe, and left")."""
    return cue.dep_ == "parataxis" or (
        cue.dep_ == "conj" and cue.i > 0 and cue.doc[cue.i - 1].text == ","
        and not any(c.dep_ in ("cc", "conj") for t in (cue, cue.head) for c in children(t) if c.i != cue.i))


def _interrupted(doc: Doc, cue: Token, subj: Token) -> list[Range]:
    """The clause a parenthetical cue interrupts ("Acts of protest, Obama said, are …"), both sides of it."""
    head, text = cue.head, text_of(doc)
    # The cue clause starts at its subject: the parser sometimes hangs the words before it on the cue.
    first = min(subj.left_edge.i, cue.i)
    lo = head.left_edge.i
    while lo < first and doc[lo].dep_ in ("cc", "punct"):
        lo += 1  # "But …, he said, …": the conjunction joins sentences, it is not what was said
    # It resumes after the cue clause: after the comma that closes an inverted one ("…, insists
    # Tom Roe, in seeing …", whose words after the comma the parser hangs on the cue), else after
    # the cue's own words ("…, Obama said in a statement, are …").
    resume = cue.right_edge.i + 1
    if subj.i > cue.i:
        resume = next((t.i + 1 for t in doc[subj.right_edge.i + 1 : cue.right_edge.i + 1] if t.text == ","), resume)
    after = doc[resume : max(head.right_edge.i, cue.right_edge.i) + 1]
    # What the writer concedes after the cue is no part of it ("…, he said, though he named no one").
    parts = (tokens_range(doc[lo:first]), None if concedes(after) else tokens_range(after))
    return [r for r in (trim(text, p) for p in parts if p) if r]


def _leads_its_clause(cue: Token, subj: Token, cue_toks: list[Token]) -> bool:
    """Whether a cue and its subject open the sentence whose clause the parser made the cue's
    head ("Roe says in this case, the plan failed", read as if "Roe says" were an aside): a
    finite verb with nothing after it of its own but when and where ("in this case", "on
    Monday"), not an object ("slammed the group for …") or a clause ("responded by explaining …"),
    then a comma, then a clause that opens with a subject of its own (not "Roe praises, laments …")."""
    own = [c for c in children(cue) if c.i > cue.i and not (c.is_punct or c.is_space)]
    doc, end = cue.doc, cue.right_edge.i + 1
    return cue.dep_ == "ccomp" and cue.tag_ in _FINITE_TAGS and subj.i < cue.i < cue.head.i \
        and subj.head.i == cue.i and end < len(doc) and doc[end].text == "," \
        and any(c.dep_ in (*_SUBJECT_DEPS, "expl") and c.left_edge.i == end + 1 for c in children(cue.head)) \
        and all(t.is_punct or t.is_space for t in doc[cue.sent.start : subj.left_edge.i]) \
        and all(c.dep_ in ("advmod", "npadvmod") or c.dep_ == "prep" and c not in cue_toks
                and all(g.dep_ == "pobj" for g in children(c)) for c in own)


def _led(doc: Doc, cue: Token) -> list[Range]:
    """What a cue that opens its sentence reports: all after it ("in this case, the plan failed")."""
    r = trim(text_of(doc), tokens_range(doc[cue.i + 1 : cue.head.right_edge.i + 1]))
    return [r] if r else []


def _substantial(doc: Doc, content: list[Range]) -> bool:
    # "said so", "said it": a complement of one word is not something said
    n = sum(1 for r in content for t in doc.char_span(*r, alignment_mode="expand") or () if not t.is_punct)
    return n >= 2


def cue_of(tok: Token, quotes: list[Quote], cues: LinearModel | None) -> tuple[str, list[Token]] | None:
    """The cue a candidate verb carries: the lexicon proposes, the cue model vetoes and adds."""
    found = cue_phrase(tok)
    if cues is None:
        return found
    p = cues.probability(cue_features(tok, quotes))
    if found is not None:
        return found if p >= cues.thresholds["veto_below"] else None
    return (tok.lemma_.lower(), [tok]) if p >= cues.thresholds["add_above"] else None


def verb_drafts(doc: Doc, quotes: list[Quote], model: AttributionModel = RULES_ONLY) -> Iterator[Draft]:
    """Statements anchored on cue verbs outside quotes."""
    for tok in candidates(doc, quotes):
        found = cue_of(tok, quotes, model.cue)
        if found is None:
            continue
        phrase, cue_toks = found
        subj = subject_of(tok.head.head if _quoted_conjunct(tok, quotes) else tok)
        if subj is not None and subj.lower_ in ("i", "we", "you") and in_quotes(quotes, subj.idx):
            continue
        content, addressee, clause = _content_ranges(doc, tok, phrase, quotes, subj, model.cut)
        # A quoted clause the cue interrupts is the quote rules' business (adjacent quotes).
        if not content and _parenthetical(tok) and subj is not None and not in_quotes(quotes, tok.head.idx):
            content, clause = _interrupted(doc, tok, subj), True
        if not content and (prep := _prepositional(tok, phrase)) is not None:
            content = [r for r in (trim(text_of(doc), subtree_range(prep[1])),) if r]
            cue_toks = [*cue_toks, prep[0]]
        if not content and subj is not None and _leads_its_clause(tok, subj, cue_toks):
            content, clause = _led(doc, tok), True
        if content and not _substantial(doc, content):
            content = []
        # "Declined to comment" says nothing was said. A bare noun phrase ("disclosed its
        # transactions", "called out the distance") says what was talked about, not what was said:
        # it is recorded (attribution corpora count it) but not as speech (speech.py).
        quoted = bool(content) and bool(overlapping(quotes, (content[0][0], content[-1][1])))
        if content and phrase in non_statements() and not quoted:
            content = []
        proposition = clause or quoted or states_by_object(tok, phrase)
        if content:
            # content that touches a quote takes in the whole quote (it may run over sentences)
            extra = [p for q in overlapping(quotes, (min(s for s, _ in content), max(e for _, e in content)))
                     for p in q.pieces]
            content = _merge(content + extra)
        source = mention_range(subj, {tok.i, *(t.i for t in cue_toks)} | tokens_in(doc, content)) \
            if subj is not None else None
        if source and content:
            content = _cut(content, source)  # the noun a relative pronoun stands for is no content either
        rel = _relative_pronoun(subj, tok) if subj is not None else None
        if rel is not None:
            source = tokens_range([rel])  # as subject_mention reads it
        cue = aux_range(tok, cue_toks)
        if content:
            content = _cut(content, cue)
        if source is None and not overlapping(quotes, (content[0][0], content[-1][1])) if content else False:
            continue  # "visas were denied": no speaker, no quote — not a record anyone can use
        yield Draft(tuple(content), cue, source, subj.i if subj is not None else None, tok.i,
                    addressee=addressee, confidence=0.85 if subj is not None else 0.5,
                    proposition=proposition)


def noun_drafts(doc: Doc, quotes: list[Quote]) -> Iterator[Draft]:
    """"Trump's claim that …", "her pledge to …": a reporting noun with an owner and a clause."""
    text = text_of(doc)
    nouns = reporting_nouns()
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or in_quotes(quotes, tok.idx):
            continue
        owner = next((c for c in children(tok) if c.dep_ == "poss"), None)
        clause = next((c for c in children(tok) if c.dep_ in ("acl", "ccomp") and c.i > tok.i and any(
            g.dep_ in ("mark", "aux") and g.lower_ in ("that", "to") for g in children(c))), None)
        if owner is None or clause is None:
            continue
        content = trim(text, subtree_range(clause))
        if content is None:
            continue
        yield Draft((content,), (tok.idx, tok.idx + len(tok)), mention_range(owner, {tok.i}), owner.i, tok.i, confidence=0.7)


def according_drafts(doc: Doc, quotes: list[Quote]) -> Iterator[Draft]:
    """"According to X, …" statements: content is the clause the phrase modifies."""
    text = text_of(doc)
    for tok in doc:
        if tok.lower_ != "according" or in_quotes(quotes, tok.idx):
            continue
        to = next((c for c in children(tok) if c.lower_ == "to"), None)
        if to is None or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        objs = [c for c in children(to) if c.dep_ == "pobj"]
        if not objs:
            continue
        sent = sentence_of(tok)
        # The phrase is the source and its first apposition ("According to the coach, Jane Roe,"):
        # what the parse hangs on the source after that is the clause's ("…, in the first round,
        # the team's robot … scored"), misattached.
        appos = next((c for c in children(objs[0]) if c.dep_ == "appos"), None)
        later = [c for c in children(objs[0]) if appos is not None and c.i > appos.right_edge.i]
        phrase = subtree_range(tok, later)
        if phrase is None:
            continue
        left = trim(text, (sent.start_char, phrase[0]))
        right = trim(text, (phrase[1], _joined_report(tok) or sent.end_char))
        content = [r for r in (left, right) if r]
        if not content:
            continue
        yield Draft(tuple(content), (tok.idx, to.idx + len(to)), mention_range(objs[0], {tok.i, to.i}), objs[0].i,
                    tok.i, confidence=0.8)


def _joined_report(according: Token) -> int | None:
    """Where a clause set against what "according to X" reports begins, with a speaker and a cue
    of its own ("According to the agency, the target is met, but Roe says …": Roe's words, not
    the agency's), as a character offset, its conjunction with it. A clause joined with "and"
    stays in what X reports ("According to X, Roe praised …, and she asked …")."""
    verb = according.head
    for c in children(verb):
        if c.dep_ == "conj" and c.i > according.i and cue_phrase(c) is not None \
                and any(g.dep_ in _SUBJECT_DEPS for g in children(c)):
            start, cc = _joined_at(verb, c)
            if cc is not None and cc.i > according.i and cc.lower_ in _CONTRASTIVE:
                return start
    return None


# The dash may be the quotation dash (U+2015); the name ends its line, or the next quotation
# opens right after it ("“…” ― Ann Lee “…” ― Tom Roe", a page's list run into one paragraph).
_DASH_SOURCE = re.compile(r"[^\S\n]*[-—–―]+[^\S\n]*([A-Z][^\n,;:()“”\"]{1,60}?)\.?[^\S\n]*(?:$|(?=[“\"]))", re.M)


def dash_drafts(doc: Doc, quotes: list[Quote]) -> Iterator[Draft]:
    """'“…” - Matthew Ingram': a quotation signed after a dash at the end of its paragraph."""
    text = text_of(doc)
    for q in quotes:
        if not q.closed:
            continue
        end = text.find("\n", q.close_at)
        end = len(text) if end < 0 else end
        m = _DASH_SOURCE.match(text, q.close_at + 1, end)
        if m is None:
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in span):
            continue
        dash = text.index(m.group(0).strip()[0], q.close_at + 1)
        yield Draft(q.pieces, (dash, dash + 1), (span.start_char, span.end_char), span.root.i, span.root.i,
                    confidence=0.8)


def section_head(label: str) -> bool:
    """Whether a label before a colon is a section head in capitals ("ENERGY:", "KEEPING SCORE:"),
    not a speaker; a short one ("AP:", "CBS:") may be an agency or a network."""
    return label.isupper() and (" " in label or len(label) > 5)


def headline_drafts(doc: Doc) -> Iterator[Draft]:
    """A headline or one-line paragraph "Speaker: what they said" (the colon is the cue)."""
    text = text_of(doc)
    turns = {d.cue for d in transcript_drafts(doc)}  # a transcript's labels are read there
    start = 0
    for n, para in enumerate(text.split("\n\n")):
        here = start
        start += len(para) + 2
        if n > 0 and len(para.split()) > 30:
            continue
        m = _HEADLINE.match(para.strip())
        if not m or "\n" in para.strip():
            continue
        off = here + (len(para) - len(para.lstrip()))
        who = m.group(1).strip()
        if section_head(who):
            continue
        if who.lower() in headline_labels() or not who[:1].isupper() or len(who.split()) > 6:
            continue
        span = doc.char_span(off + m.start(1), off + m.start(1) + len(who), alignment_mode="expand")
        # The tagger often reads a lone surname before a colon as a noun ("Sanders: …").
        if span is None or not (any(t.pos_ == "PROPN" or t.ent_type_ for t in span) or (n == 0 and who.istitle())):
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # "In one tweet, Trump said: …" is a cue verb's business, not a label
        content = trim(text, (off + m.start(3), off + m.end(3)))
        if content is None or _bare_name(doc, content):
            continue
        if (off + m.start(2), off + m.end(2)) in turns:
            continue
        yield Draft((content,), (off + m.start(2), off + m.end(2)), (span.start_char, span.end_char),
                    span.root.i, span.root.i, confidence=0.7)


def _bare_name(doc: Doc, content: Range) -> bool:
    """Whether a label's text is a person's name and nothing else: a caption's credit ("A crowd
    at the fair Image: Ann Lee."), which says nothing."""
    span = doc.char_span(*content, alignment_mode="expand")
    words = [t for t in span or () if not t.is_punct and not t.is_space]
    return bool(words) and all(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in words)


def _merge(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _cut(ranges: list[Range], hole: Range) -> list[Range]:
    out: list[Range] = []
    for s, e in ranges:
        if e <= hole[0] or s >= hole[1]:
            out.append((s, e))
            continue
        if s < hole[0]:
            out.append((s, hole[0]))
        if e > hole[1]:
            out.append((hole[1], e))
    return [r for r in out if r[1] > r[0]]
