"""The accurate tier's statements: role spans from the tagger, linked into drafts.

Each content span goes to the nearest cue in the sentences it spans (a cue inside the span belongs
to a statement nested in it, and one after "and" or a comma's participle opens the next
predicate, as does a verb of saying after "and" that the tagger ran the content on over); each
cue takes the nearest source in its sentence, or else the cue verb's grammatical subject, and
the source mention is the noun phrase the parse gives its head.
Content pieces of one cue that a short untagged gap separates within a sentence are joined, since
the tagger sometimes breaks a span at a quote mark, a comma or a name. A quote that resumes right
after a quoted statement's cue clause (“A,” she said. “B.”) joins it, by the fast tier's rule, and a
headline's colon that the tagger gave no source takes the label before it ("Speaker: …"). A
content that is one phrase or clause to its end loses a tail the fast tier's cut model says the
writer added ("the health of the senator, who turned 81 this year").
Statements the tagger is unsure of are dropped. docs/tiers.md gives the dev figures behind each constant.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Container, Iterable, Sequence

import numpy as np
from spacy.tokens import Doc, Token

from ..model.linear import LinearModel
from .attribute import continue_quotes, finish, floating_quotes
from .boundaries import model_cut
from .draft import Draft, Range
from .indirect import (
    adjunct,
    aux_range,
    concedes,
    cue_phrase,
    dash_drafts,
    headline_drafts,
    is_clause,
    passive_of,
    section_head,
    states_by_object,
    subject_mention,
    subject_of,
)
from .lexicon import non_statements, reporting_verbs
from .quotes import Quote
from .spans import children, overlapping, text_of, trim
from .transcript import transcript_drafts

SOURCE, CUE, CONTENT = 0, 1, 2
MIN_CONFIDENCE = 0.5  # chosen on dev among 0 to 0.6: the gate figures' mean peaked here
# Content with no quote mark in it has only the tagger's word for it, where quote marks back a
# quotation: out of fold and on dev, a higher bar there lifted six of the seven gate figures.
MIN_CONFIDENCE_UNQUOTED = 0.55
MAX_GAP = 8  # untagged tokens a statement's content may skip over within a sentence
TokenSpan = tuple[int, int]
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")  # heads whose subtree is a mention
_FINITE = ("VBD", "VBZ", "VBP", "MD")  # verb tags that head a clause of their own
# Verbs of seeming, whose subject is what the writer judges (_raised).
_SEEMING = frozenset({"seem", "appear"})
OUT, BEGIN, INSIDE = 0, 1, 2  # tag ids, as the tagger orders them (model/tagger.TAGS)
# Content is recorded as the quoted words with their closing . ? !, as in the fast tier: quote
# marks and the comma that hands over to the cue are trimmed.
_CONTENT_EDGE = " \t\n,;:—–\"“”‘’«»„"
_PREMODIFIERS = ("det", "amod", "compound", "nummod", "poss")
_STOP_CLOSE = re.compile(r"\.[\"”’»]")  # a full stop right before a closing quote mark
_BETWEEN_CONJUNCTS = ("cc", "advmod", "neg", "aux", "auxpass")  # "and then has", "but never"


def decode(probs: np.ndarray) -> np.ndarray:
    """The most probable well-formed B/I/O tags [tokens, roles] under P(O, B, I) [tokens, roles, 3].

    Viterbi with one constraint and no learned transitions: an I never follows an O (nor opens
    the text). Reading each token's most probable tag on its own breaks a span wherever one
    inside token leans to O, and opens spans at a stray I; the best well-formed sequence
    decides such a token by its neighbours. (Transitions counted on train, which the tagger's
    probabilities already reflect, halved the spans found on dev: the prior was counted twice.)
    """
    n, roles, _ = probs.shape
    out = np.zeros((n, roles), dtype=np.int64)
    if n == 0:
        return out
    logp = np.log(np.clip(probs, 1e-9, 1.0)).transpose(1, 0, 2).tolist()
    for r in range(roles):
        # Plain floats: three states a token, where numpy's per-call cost would dominate.
        lp = logp[r]
        o, b, i = lp[0][OUT], lp[0][BEGIN], -np.inf
        back: list[tuple[int, int]] = []  # per token: best previous state for O or B, and for I
        for lo, lb, li in lp[1:]:
            best_any = OUT if o >= b and o >= i else (BEGIN if b >= i else INSIDE)
            best_in = BEGIN if b >= i else INSIDE
            top, inner = max(o, b, i), max(b, i)
            back.append((best_any, best_in))
            o, b, i = top + lo, top + lb, inner + li
        k = OUT if o >= b and o >= i else (BEGIN if b >= i else INSIDE)
        for t in range(n - 1, 0, -1):
            out[t, r] = k
            k = back[t - 1][1] if k == INSIDE else back[t - 1][0]
        out[0, r] = k
    return out


def role_spans(tags: np.ndarray, role: int) -> list[TokenSpan]:
    """[start, end) token spans of one role from B/I/O ids; an I after O opens a span."""
    out: list[TokenSpan] = []
    start = None
    for i, t in enumerate([*tags[:, role].tolist(), 0]):
        if start is not None and t != 2:
            out.append((start, i))
            start = None
        if t == 1 or (t == 2 and start is None):
            start = i
    return out


def _gap(a: TokenSpan, b: TokenSpan) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _distance(sent: Sequence[int], para: Sequence[int], content: TokenSpan, cue: TokenSpan, reach: int) -> int:
    """Token gap from content to cue; -1 when the cue lies more than `reach` sentences from those
    the content spans, or in a later paragraph (a quote that ends a paragraph belongs to what
    came before it)."""
    if para[cue[0]] > para[content[1] - 1]:
        return -1
    apart = max(0, sent[cue[0]] - sent[content[1] - 1], sent[content[0]] - sent[cue[1] - 1])
    return _gap(content, cue) if apart <= reach else -1


def _inside(inner: TokenSpan, outer: TokenSpan) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _closed(doc: Doc, content: TokenSpan, cue: TokenSpan) -> bool:
    """A quotation closed with a full stop lies between the content and a cue after it: '… rebuild.”
    Some neighbours say …' starts a new sentence, which the parser sometimes runs on (a quote
    hands over to its own cue with a comma: '“…,” she said')."""
    if cue[0] < content[1]:
        return False
    # From the content's last word: the stop and the mark may be its own last tokens.
    last = next((k for k in range(content[1] - 1, content[0] - 1, -1) if not doc[k].is_punct), content[0])
    return bool(_STOP_CLOSE.search(text_of(doc), doc[last].idx, doc[cue[0]].idx))


def _stop_at_close(doc: Doc, content: TokenSpan, marks: list[TokenSpan]) -> list[TokenSpan]:
    """A content span that is a quotation split at its closing mark where it runs on, after a
    full stop, into the next sentence ('“… or not.” While some critics say'): the words after it
    are another statement's, and the run-on would give the quotation that statement's cue. What
    follows stays content only where it holds a verb: a clause, not a sentence's first words."""
    for qa, qb in marks:  # qa: the opening mark's token; qb - 1: the closing mark's
        if qa <= content[0] <= qa + 1 and qb < content[1] and doc[qb].is_sent_start \
                and _STOP_CLOSE.match(doc[qb - 2].text_with_ws + doc[qb - 1].text):
            rest = _stop_at_close(doc, (qb, content[1]), marks)
            return [(content[0], qb), *[r for r in rest if any(t.pos_ in ("VERB", "AUX") for t in doc[r[0]:r[1]])]]
    return [content]


def _next_predicate(doc: Doc, content: TokenSpan, cue: TokenSpan) -> bool:
    """Whether a cue after the content opens another predicate of the verb the content belongs to:
    one joined by "and" or "but" ("Police announced an arrest and said …", "tweeted that X was a
    con and urged …"), or a participle after a comma ("told the audience that …, saying …").
    Only the conjunction, adverbs or auxiliaries, or for the participle only punctuation, stand
    between them, and the parse hangs the cue's verb on a verb above the content or inside it."""
    if cue[0] < content[1]:
        return False
    gap = doc[content[1] : cue[0]]
    words = [t for t in gap if not (t.is_punct or t.is_space)]
    verb = doc[cue[0] : cue[1]].root
    if words:
        joined = words[0].dep_ == "cc" and verb.dep_ == "conj" and all(t.dep_ in _BETWEEN_CONJUNCTS for t in words)
    else:
        joined = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and any(t.text == "," for t in gap)
    return joined and (content[0] <= verb.head.i < content[1]
                       or verb.head.is_ancestor(doc[content[0] : content[1]].root))


def _split_run_on(doc: Doc, content: TokenSpan, quoted: Container[int]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """A content span the tagger ran on over a verb of saying joined by "and" or "but" to a verb
    before it, cut there: the content pieces, and the verbs, each now a cue of its own.

    Either the verb has no subject of its own and hangs on a verb before the span ("has called on
    police to release the videos and called on people to protest"; in PolNeAR train's gold such a
    verb is its own cue 58 times in 64, docs/tiers.md), or it has its own subject after the
    conjunction and reports a clause, outside quotation marks (`quoted`: token indices): "…, but
    it now explains the warning is …". In the first 400 train documents a verb of saying with its
    own subject after the conjunction, unquoted, is a gold cue 69 times and inside gold content 5.
    Not a verb of thought ("and she thought it meant …"), nor one with no clause ("and they
    ordered him to get out"): each is what the account it runs in holds."""
    pieces, cues, start = [], [], content[0]
    for i in range(content[0] + 1, content[1] - 1):
        verb = doc[i]
        kind = reporting_verbs().get(verb.lemma_.lower())
        if not (verb.dep_ == "conj" and verb.tag_ in _FINITE and verb.pos_ == "VERB" and kind):
            continue
        subj = next((c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            cut, own = i - 1, verb.head.i < content[0]
        else:
            cut = subj.left_edge.i - 1
            # A subject that names someone: "and that said will …" is the parse's verb of an
            # adjective ("the said will").
            own = (subj.i < i and i not in quoted and kind == "speech" and subj.pos_ in _NOMINAL
                   and subj.tag_ not in ("DT", "WDT") and any(c.dep_ == "ccomp" for c in children(verb)))
        conj = doc[cut] if cut > start else None
        if own and conj is not None and conj.dep_ == "cc" and conj.head.i == verb.head.i:
            pieces.append((start, cut))
            cues.append((i, i + 1))
            start = i + 1
    pieces.append((start, content[1]))
    return [p for p in pieces if p[1] > p[0]], cues


def _nearest(doc: Doc, sent: Sequence[int], para: Sequence[int], content: TokenSpan, cues: list[TokenSpan],
             allowed: Iterable[int], reach: int) -> int | None:
    best: tuple[int, int] | None = None
    for k in allowed:
        if _inside(cues[k], content):
            continue  # a cue inside the content belongs to a statement nested in it
        d = _distance(sent, para, content, cues[k], reach)
        if d >= 0 and _next_predicate(doc, content, cues[k]):
            d += len(doc)  # the next predicate's cue, taken only where no other cue is in reach
        # Only a cue in reach is read for a closing stop: its gap is a sentence or two, not the text.
        if d >= 0 and (best is None or d < best[0]) and not _closed(doc, content, cues[k]):
            best = (d, k)
    return best and best[1]


def _link(doc: Doc, sent: Sequence[int], para: Sequence[int], contents: list[TokenSpan],
          cues: list[TokenSpan], sources: set[int]) -> list[int | None]:
    """The cue (index) of each content span, or None.

    Content takes the nearest cue in the sentences it spans, passing over a cue that opens the next
    predicate ("and said", ", saying") where another is in reach. Content left with none then takes a
    cue of a neighbouring sentence that took no content of its own when nothing but its source
    and punctuation stands between them: the parser makes two sentences of "“Why now?” she
    asked." (the fast tier's adjacent-quote rule). Letting every cue reach a sentence away gave
    a cue the next sentence's content as well as its own; a quote standing as its own sentence
    is left to the rule both tiers share (attribute.floating_quotes).
    """
    every = range(len(cues))
    first = [_nearest(doc, sent, para, c, cues, every, 0) for c in contents]
    free = sorted(set(every) - {k for k in first if k is not None})

    def adjacent(content: TokenSpan, k: int) -> bool:
        a, b = (content[1], cues[k][0]) if content[1] <= cues[k][0] else (cues[k][1], content[0])
        return all(doc[i].is_punct or doc[i].is_space or i in sources for i in range(a, b))

    return [k if k is not None else _nearest(doc, sent, para, c, cues, [f for f in free if adjacent(c, f)], 1)
            for c, k in zip(contents, first)]


def _section_heads(doc: Doc) -> set[int]:
    """Tokens of section heads of several words in capitals that open a paragraph before a colon
    ("MARKET VIEW: “…” the analyst said"), colon included: a head names the section, so it is
    neither a source nor a cue. One word may be a transcript's speaker ("WALLACE: …"), so stays."""
    text = text_of(doc)
    out: set[int] = set()
    start = 0
    for para in text.split("\n\n"):
        label, colon, _ = para.partition(":")
        head = label.strip()
        if colon and "\n" not in head and " " in head and section_head(head):
            span = doc.char_span(start, start + len(label) + 1, alignment_mode="expand")
            out.update(range(span.start, span.end) if span is not None else ())
        start += len(para) + 2
    return out


def _join(pieces: list[TokenSpan], sent: Sequence[int], blocked: set[int]) -> list[TokenSpan]:
    """Join consecutive pieces of one sentence that a short untagged gap separates."""
    out: list[TokenSpan] = []
    for p in sorted(pieces):
        if (out and p[0] - out[-1][1] <= MAX_GAP and sent[out[-1][1] - 1] == sent[p[0]]
                and not blocked.intersection(range(out[-1][1], p[0]))):
            out[-1] = (out[-1][0], max(out[-1][1], p[1]))
        else:
            out.append(p)
    return out


def _without_speaker(verb: Token, pieces: list[TokenSpan]) -> list[TokenSpan]:
    """The content pieces less the cue verb's own subject, which the tagger marked as content
    ("which Russia regards as …"): who reports is never what is reported, and the subject is then
    the source, as where the tagger marked none. A relative pronoun subject is left to the
    tagger's reading, as for sources."""
    subj = next((c for c in children(verb) if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")), None)
    if subj is None:
        return pieces
    a, b = subj.left_edge.i, subj.right_edge.i + 1
    out = []
    for s, e in pieces:
        out += [x for x in ((s, min(e, a)), (max(s, b), e)) if x[0] < x[1]] if s < b and a < e else [(s, e)]
    return out


def _without_topic(doc: Doc, verb: Token, pieces: list[TokenSpan]) -> list[TokenSpan]:
    """The content pieces less those inside a phrase of the cue verb's that opens its clause
    ("Regarding the minister's “threat”, she pointed out that …", "In a statement about the
    case, the agency said …"): that is what the words were about, not the words. A piece with a
    verb of its own stays, and so do all where no other piece would."""
    opening = [c for c in children(verb) if c.dep_ in ("prep", "advcl") and c.i < verb.i]
    kept = [p for p in pieces
            if not any(c.left_edge.i <= p[0] and p[1] <= c.right_edge.i + 1 for c in opening)
            or any(doc[i].pos_ in ("VERB", "AUX") for i in range(*p))]
    return kept or pieces


def _without_concession(doc: Doc, cue: TokenSpan, pieces: list[TokenSpan]) -> list[TokenSpan]:
    """The content pieces less a concession that follows the cue ("…, he said, though he named no
    one"): the writer's remark on the words, not the words (PolNeAR train leaves out all 7). A
    statement with no other piece says nothing."""
    # Not "even though" after the cue: out of fold, reading it as a concession too cost 0.0001 to 0.0002.
    return [p for p in pieces if not (p[0] >= cue[1] and concedes(doc[p[0] : p[1]], even=False))]


def _without_coordinate(doc: Doc, verb: Token, pieces: list[TokenSpan]) -> list[TokenSpan]:
    """The content pieces less the clause the cue's clause is coordinated with, before it
    ("Ambulances are supposed to arrive in nine minutes but the union says …"): the writer's
    sentence, joined to the report by "and" or "but". A piece with quotation marks in it stays,
    and so do all where no other piece would."""
    head = verb.head
    # Two clauses, each with its own subject: "… and has been mentioned as …" shares its subject.
    if verb.dep_ != "conj" or head.i >= verb.i or head.pos_ not in ("VERB", "AUX") \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(verb)) \
            or not any(c.dep_ == "cc" and head.i < c.i < verb.i for c in (*children(head), *children(verb))):
        return pieces
    # A piece inside the first clause, before the cue's own clause begins.
    kept = [p for p in pieces if not (head.left_edge.i <= p[0] and p[1] <= verb.left_edge.i
                                      and not any(doc[i].is_quote for i in range(*p)))]
    return kept or pieces


def _quote_tokens(doc: Doc, quotes: list[Quote]) -> list[TokenSpan]:
    """The token spans of the closed quotations within one paragraph, marks included."""
    out = []
    for q in quotes:
        span = doc.char_span(q.open_at, q.close_at + 1, alignment_mode="expand") \
            if q.closed and len(q.pieces) == 1 else None
        if span is not None:
            out.append((span.start, span.end))
    return out


def _whole_phrase_end(doc: Doc, piece: TokenSpan, blocked: set[int]) -> TokenSpan:
    """A piece of content that ends inside a phrase grows to the phrase's end, within its sentence:
    the tagger's span often stops one word short ("since" of "since 2003", "the" of "the plan")."""
    s, e = piece
    last = doc[e - 1]
    if last.is_punct or last.sent.end <= e:
        return piece
    if last.right_edge.i >= e:  # a preposition or head cut from its own dependents
        end = last.right_edge.i + 1
    elif last.head.i >= e and last.dep_ in _PREMODIFIERS:  # a modifier cut from its noun
        end = last.head.right_edge.i + 1
    else:
        return piece
    return _grown(doc, piece, end, blocked)


def _whole_clause(doc: Doc, piece: TokenSpan, cue: Token, blocked: set[int]) -> TokenSpan:
    """A piece that opens a clause the cue governs and stops before the clause's verb grows over
    the clause: "tweeted | that at 8:40 a.m." of "that at 8:40 a.m., there was one unit left",
    "wanting | to" of "wanting to learn more". What was said is the whole clause."""
    s, e = piece
    heads = {doc[i].head.i for i in range(s, e) if not s <= doc[i].head.i < e}
    if len(heads) != 1:
        return piece
    verb = doc[heads.pop()]
    if verb.i < e or verb.head.i != cue.i or verb.left_edge.i < s or verb.pos_ not in ("VERB", "AUX"):
        return piece
    return _grown(doc, piece, verb.right_edge.i + 1, blocked)


def _tail_cut(doc: Doc, piece: TokenSpan, verb: Token, quotes: list[Quote], cut: LinearModel | None) -> TokenSpan:
    """A piece that is one phrase or clause, to its end, loses the tail the fast tier's cut model
    says the writer added ("the health of the senator | , who turned 81 this year")."""
    if cut is None:
        return piece
    s, e = piece
    roots = [doc[i] for i in range(s, e) if not s <= doc[i].head.i < e or doc[i].head.i == i]
    if len(roots) != 1 or roots[0].right_edge.i != e - 1:
        return piece
    start = model_cut(roots[0], verb, quotes, cut)
    return piece if start is None or start <= s else (s, start)


def _grown(doc: Doc, piece: TokenSpan, end: int, blocked: set[int]) -> TokenSpan:
    """A piece grown to `end`, within its sentence, unless that would take in a cue or a source."""
    s, e = piece
    end = min(end, doc[e - 1].sent.end)
    return piece if any(i in blocked for i in range(e, end)) else (s, end)


def _whole_quotes(doc: Doc, spans: list[TokenSpan], marks: list[TokenSpan], blocked: set[int]) -> list[TokenSpan]:
    """Content spans grown to the quotation an edge of theirs cuts. A span that starts inside a
    quotation and runs to its end or past it starts at its opening mark; one that starts at or
    before a quotation and stops inside it ends at its closing mark (said the plan was “a costly
    mistake”, where the tagger stopped after "costly"). Quoted words are reported as one piece, so
    an edge inside them is the tagger's boundary error. A span wholly inside a quotation, and
    growth over `blocked` (cues, and sources a cue could take), are left alone."""
    def words(a: int, b: int) -> bool:
        return any(not doc[i].is_punct for i in range(a, b))

    out: list[TokenSpan] = []
    for s, e in spans:
        for qa, qb in marks:  # qa: the opening mark's token; qb - 1: the closing mark's
            if qa < s < qb <= e + 1 and words(qa + 1, s) and not blocked.intersection(range(qa, s)):
                s = qa
            if s <= qa + 1 and qa < e < qb and words(e, qb - 1) and not blocked.intersection(range(e, qb)):
                e = qb
        if out and s <= out[-1][1]:
            out[-1] = (min(s, out[-1][0]), max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _union(pieces: list[TokenSpan]) -> list[TokenSpan]:
    """Pieces in order, those that overlap made one: a piece grown to its clause's end can take
    in the piece after it, and a record must not show the same words twice."""
    out: list[TokenSpan] = []
    for s, e in sorted(pieces):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _chars(doc: Doc, span: TokenSpan, edge: str = " \t\n") -> Range | None:
    s = doc[span[0] : span[1]]
    return trim(text_of(doc), (s.start_char, s.end_char), edge)


def _mean_tagged(probs: np.ndarray, role: int, spans: list[TokenSpan]) -> float:
    """Mean P(not O) of a role over the tokens of some spans."""
    idx = [i for s, e in spans for i in range(s, e)]
    return float(1.0 - probs[idx, role, 0].mean()) if idx else 0.0


def _proposition(doc: Doc, verb: int, spans: list[TokenSpan]) -> bool:
    """Whether the content states something, by the fast tier's tests (indirect.py): a clause, or
    the object of a verb that takes its proposition as one ("called the vote a sham"); not a word
    or two ("said so"), nor what a cue of refusal governs ("declined to discuss the case"). Quoted
    words are speech whatever their form (speech.py)."""
    inside = {i for s, e in spans for i in range(s, e)}
    phrase = cue_phrase(doc[verb])
    if sum(1 for i in inside if not (doc[i].is_punct or doc[i].is_space)) < 2 or (phrase is not None and phrase[0] in non_statements()):
        return False
    # A clause under a preposition on the cue is why or about what it was said, not what was
    # ("thanked him for allowing her family to stay"), as the fast tier reads it.
    if any(is_clause(doc[i]) and not adjunct(doc[i], doc[verb], phrase and phrase[0])
           for i in inside if doc[i].head.i not in inside or doc[i].head.i == i):
        return True
    return phrase is not None and states_by_object(doc[verb], phrase[0])


def _modified(tok: Token, stop: Container[int]) -> Token:
    """The name or noun an age or an adjective modifies, for a source span cut there: the "16"
    of "16-year-old Tom Brown"; `tok` itself when it modifies none."""
    t = tok
    while t.dep_ in ("nummod", "npadvmod", "amod") and t.head.i != t.i and t.head.i not in stop:
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "npadvmod":
            while t.dep_ == "compound" and t.head.pos_ in _NOMINAL and t.head.i not in stop:
                t = t.head  # "Tom" of "Tom Brown"
            return t
    return tok


def _pick_source(verb: Token, cue: TokenSpan, near: list[TokenSpan], content: list[TokenSpan]) -> TokenSpan | None:
    """The source of a cue among the tagged sources of its sentence: the one that holds the cue
    verb's own grammatical subject, else the nearest. Where the verb's subject stands between that
    one and the cue, untagged, the subject is the source ("Police said the city had three robberies
    that Brown believes are linked": the tagger marked only "Police"); so it is where the subject
    stands before the cue and the nearest tagged source after it is another verb's subject
    ("Moscow has offered talks, which Washington regards as a ploy")."""
    # The subject of a clause the cue governs ("… was asked what the government is doing after
    # GM announced …", "he said …, and Roe agreed") speaks that clause's verb, not the cue.
    near = [s for s in near if not _below(verb, cue, verb.doc[s[0] : s[1]].root)]
    subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subj is not None and (subj.tag_ in ("WDT", "WP") or any(s <= subj.i < e for s, e in content)):
        subj = None  # a relative pronoun keeps the tagger's reading (_source); content is no source
    held = next((s for s in near if subj is not None and s[0] <= subj.i < s[1]), None)
    if held is not None:
        return held
    source = min(near, key=lambda s: _gap(s, cue), default=None)
    if source is None or subj is None:
        return source
    between = source[1] <= subj.i < verb.i if source[1] <= verb.i else verb.i < subj.i < source[0]
    root = verb.doc[source[0] : source[1]].root
    # A subject the parse hangs inside the source's own phrase is a misparse of it ("The board
    # decision allowing his release said", read with "release" as the subject of "said").
    inner = root.is_ancestor(subj)
    # A subject of another verb, tagged after the cue, is that verb's source, not this one's; an
    # object ("told the council") stays the tagger's reading.
    behind = subj.i < verb.i < source[0] and subj.pos_ in _NOMINAL and root.dep_ == "nsubj" and root.head.i != verb.i
    return (subj.i, subj.i + 1) if (between and not inner) or behind else source


def _below(verb: Token, cue: TokenSpan, root: Token) -> bool:
    """Whether a source's head word is the subject of a clause the cue governs that a
    subordinator, a relative pronoun or a conjunction opens ("after the company announced …",
    "…, who argued …", "…, and Roe agreed"). Not a bare clause, where the parse more often
    misreads the cue's own subject ("said Robin Maynard, half joking" read "Maynard" as the subject
    of "joking"), nor a word of the cue itself (the parse splits "pooh-poohed")."""
    head = root.head
    opened = head.dep_ in ("relcl", "conj") or any(c.dep_ == "mark" for c in children(head))
    return (root.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and opened
            and not cue[0] <= head.i < cue[1] and verb.is_ancestor(head))


def _raised(verb: Token, cue: TokenSpan) -> bool:
    """A cue on a verb of seeming ("Mr. Obama seemed confident", "the campaign appeared to
    waver", "it appears that …"): its subject is what the writer judges, not who spoke or
    thought, as PolNeAR reads 190 of 238 such cues in train. Not where a verb of saying or thought
    follows it ("appeared to suggest", "seemed to think"), or the tagger's cue runs on to another
    verb ("appeared to imply"), nor "appear" as showing up ("appears in a clip, saying …"), which
    has no complement."""
    if verb.lemma_.lower() not in _SEEMING or any(t.pos_ == "VERB" and t.i != verb.i for t in verb.doc[cue[0] : cue[1]]):
        return False
    complements = [c for c in children(verb) if c.dep_ in ("xcomp", "acomp", "attr", "ccomp", "oprd")]
    return bool(complements) and not any(t.lemma_.lower() in reporting_verbs() for c in complements
                                         for t in c.subtree if t.dep_ in ("xcomp", "ccomp") or t.i == c.i)


def _asked(verb: Token) -> bool:
    """A reporting verb's bare past participle heading an adverbial clause, a passive one ("Asked
    about the plan, Clinton said …", "Pressed on the cost, the mayor …"): the subject of the
    clause it hangs on was asked, and who asked is not said (PolNeAR train: no source for 39 of
    45 such "Asked" cues at a sentence's start)."""
    return (verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.lemma_.lower() in reporting_verbs()
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in children(verb)))


def _source(doc: Doc, tagged: TokenSpan | None, verb: int, stop: Container[int]) -> tuple[Range | None, int | None]:
    """A statement's source mention and its head word; `stop` holds the cue and content tokens.

    The mention is the noun phrase the parse gives the head (`mention_range`): the tagger's edges
    are its weakest, stopping short of an apposition ("X, a senior analyst with …") or running on
    into an adverbial ("the party leader, in particular"). A span cut inside a name climbs to the name's head
    ("spokeswoman Maria" of "… spokeswoman Maria Lopez"). A relative pronoun keeps its own edges,
    as PolNeAR marks it, while its noun names the speaker ("Washington, which promised …"), and a
    noun whose relative clause holds the cue has that pronoun for its mention (`subject_mention`);
    a head the parse does not read as a noun keeps the tagger's edges. Where the tagger marked no source, or marked
    the subject of a passive reporting verb (who "was reminded", "was asked" or "was accused" did
    not speak), the head is the cue verb's grammatical subject, as the fast tier finds it: the
    agent of "by", or none.
    """
    if _asked(doc[verb]) and (tagged is None or doc[tagged[0] : tagged[1]].root.head.i == doc[verb].head.i):
        return None, None  # not a source named elsewhere ("As stated in Roe's commentary")
    if tagged is not None:
        # A span run on past its sentence's end ("… company Atlantic.Net", which the tokenizer
        # splits at the dot) has its head in the next sentence; only the part in the cue's
        # sentence counts.
        tagged = (tagged[0], min(tagged[1], doc[tagged[0]].sent.end))
        root = doc[tagged[0] : tagged[1]].root
        # A feeling stays with who felt it ("were annoyed that …"): only the reporting verbs.
        # A participle sharing a passive's auxiliary shares its subject: "had been diagnosed and told".
        voice = passive_of(doc[verb])
        felt = (root.dep_ == "nsubjpass" and voice is not None and root.head.i == voice.i
                and doc[verb].lemma_.lower() in reporting_verbs())
        # A span with no noun, name, pronoun or number in it names no one ("extols", "the",
        # "not"): the tagger's stray mark, read as if it had marked none. A word in capitals is
        # a name whatever the small model calls it ("HOLT:" of a transcript, read as a verb).
        stray = not any(t.pos_ in _NOMINAL or t.pos_ in ("X", "ADJ") or t.tag_ in ("WDT", "WP")
                        or t.is_upper and t.is_alpha for t in doc[tagged[0] : tagged[1]])
        if felt or stray:
            tagged = None
    if tagged is None:
        tok = doc[verb]
        head = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
        if head is None or head.i in stop:
            return None, None
        return subject_mention(head, tok, stop), head.i
    head = doc[tagged[0] : tagged[1]].root
    if head.pos_ in ("VERB", "AUX") and head.tag_ in _FINITE:
        # A span run on over a clause ("Vern Sparkes was one of them"): its subject is the source.
        # (A participle is the parse's reading of a noun phrase: "Surveys … taken as they entered".)
        head = next((c for c in children(head) if c.dep_ == "nsubj" and tagged[0] <= c.i < tagged[1]), head)
    if tagged[1] - tagged[0] == 1 and head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
        return _chars(doc, tagged), head.head.head.i
    while head.dep_ == "compound" and head.head.pos_ in _NOMINAL and head.head.i not in stop:
        head = head.head
    head = _modified(head, stop)
    if head.pos_ not in _NOMINAL:
        return _chars(doc, tagged), head.i
    return subject_mention(head, doc[verb], stop), head.i


def tagged_drafts(doc: Doc, probs: np.ndarray, quotes: list[Quote], min_confidence: float = MIN_CONFIDENCE,
                  min_unquoted: float = MIN_CONFIDENCE_UNQUOTED, cut: LinearModel | None = None) -> list[tuple[str, Draft]]:
    """(kind, Draft) from the tagger's P(O, B, I) [tokens, roles, 3], in text order.

    A draft's confidence is how sure the tagger was of its content and cue tokens; drafts below
    `min_confidence`, or below `min_unquoted` where their content holds no quotation, are dropped.
    `cut` is the fast tier's cut model (model/linear.py), which ends a content phrase where the
    report ends; None leaves the tagger's edge.
    """
    if len(doc) == 0:
        return []
    tags = decode(probs)
    sent, para = [0] * len(doc), [0] * len(doc)
    for n, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            sent[i] = n
    for t in doc[1:]:
        para[t.i] = para[t.i - 1] + ("\n\n" in doc[t.i - 1].text_with_ws)
    sources, cues, contents = (role_spans(tags, r) for r in (SOURCE, CUE, CONTENT))
    marks = _quote_tokens(doc, quotes)
    contents = [piece for c in contents for piece in _stop_at_close(doc, c, marks)]
    inside_quotes = {t.i for q in quotes for a, b in q.pieces for t in doc.char_span(a, b, alignment_mode="expand") or ()}
    split = [_split_run_on(doc, c, inside_quotes) for c in contents]
    contents = [piece for pieces, _ in split for piece in pieces]
    # Cues read from the parse, where the tagger marked none over the verb.
    read = [r for _, found in split for r in found if not any(c[0] < r[1] and r[0] < c[1] for c in cues)]
    cues = sorted(cues + read)
    heads = _section_heads(doc)
    sources, cues = ([s for s in spans if not heads.issuperset(range(*s))] for spans in (sources, cues))
    by_cue: dict[int, list[TokenSpan]] = {}
    source_tokens = {i for s, e in sources for i in range(s, e)}
    for span, k in zip(contents, _link(doc, sent, para, contents, cues, source_tokens)):
        if k is not None:
            by_cue.setdefault(k, []).append(span)
    blocked = {i for s, e in sources + cues for i in range(s, e)}
    # A quotation grows over a source only where a cue could take it: one with no cue in its
    # sentence is the tagger's stray mark inside someone's words ("The harbour police saw nothing").
    cue_sents = {sent[s] for s, _ in cues}
    speaking = {i for s, e in cues for i in range(s, e)} | \
        {i for s, e in sources if sent[s] in cue_sents for i in range(s, e)}
    cue_tokens = dict.fromkeys(i for s, e in cues for i in range(s, e))
    # "Speaker: what they said" in a headline: a colon has no grammatical subject, so where the
    # tagger marked no source, the label before it is the speaker, read by the fast tier's rule.
    labels = {d.cue: d for d in headline_drafts(doc)}
    drafts = []
    for k, pieces in by_cue.items():
        cue = cues[k]
        root = doc[cue[0] : cue[1]].root
        pieces = _without_topic(doc, root, _without_speaker(root, pieces) or pieces)
        pieces = _without_coordinate(doc, root, _without_concession(doc, cue, pieces))
        if not pieces:
            continue
        near = [s for s in sources if sent[s[0]] == sent[cue[0]] and not any(_inside(s, p) for p in pieces)]
        joined = _join(pieces, sent, blocked)
        # How sure the tagger was of the words it marked, before they grow to whole quotations.
        # A cue read from the parse inside a tagged content counts as sure as that content.
        confidence = _mean_tagged(probs, CONTENT, joined) * _mean_tagged(probs, CONTENT if cue in read else CUE, [cue])
        joined = _whole_quotes(doc, joined, marks, speaking)
        joined = _union([_whole_phrase_end(doc, _whole_clause(doc, p, root, blocked), blocked) for p in joined])
        joined = [_tail_cut(doc, p, root, quotes, cut) for p in joined]
        source = _pick_source(doc[cue[0] : cue[1]].root, cue, near, joined)
        content = tuple(r for r in (_chars(doc, p, _CONTENT_EDGE) for p in joined) if r)
        if not content or confidence < (min_confidence if overlapping(quotes, (content[0][0], content[-1][1]))
                                        else min_unquoted):
            continue
        # The statement hangs on the cue's head word, as in the fast tier: the verb of "has said".
        verb = doc[cue[0] : cue[1]].root.i
        stop = ChainMap(cue_tokens, dict.fromkeys(i for s, e in joined for i in range(s, e)))  # no copy per cue
        source_range, source_head = (None, None) if _raised(doc[verb], cue) else _source(doc, source, verb, stop)
        # The fast tier's cue convention: a tagger that left out the "has" of "has said" is completed.
        # The "to" of an infinitive the cue governs belongs to what follows, not to the cue
        # ("has appeared to").
        end = cue[1] - 1 if cue[1] - cue[0] > 1 and doc[cue[1] - 1].tag_ == "TO" else cue[1]
        cue_range = aux_range(doc[verb], list(doc[cue[0] : end]))
        if source_range is None and cue_range in labels:
            source_range, source_head = labels[cue_range].source, labels[cue_range].source_head
        drafts.append(Draft(content=content, cue=cue_range, source=source_range,
                            source_head=source_head, anchor=verb, confidence=round(confidence, 3),
                            proposition=_proposition(doc, verb, joined)))
    # A transcript's turns ("WALLACE: …") are the page's layout too, and hold only their
    # speaker's words: they replace what the tagger read inside them, as in the fast tier.
    turns = transcript_drafts(doc)
    said = {i for d in turns for s, e in d.content for i in range(s, e)}
    drafts = [d for d in drafts if not any(i in said for s, e in d.content for i in range(s, e))] + turns
    # A quotation signed after a dash ("“…” ― Ann Lee") is the page's layout, as a headline's
    # label is: read by the fast tier's rule where the tagger marked none of its words.
    taken = {i for d in drafts for s, e in d.content for i in range(s, e)}
    drafts += [d for d in dash_drafts(doc, quotes) if not any(i in taken for s, e in d.content for i in range(s, e))]
    drafts.sort(key=lambda d: d.content[0][0])
    # A quote that resumes after the cue clause, or stands as its own sentence with no cue,
    # continues the speaker before it, by the fast tier's rules: content takes a cue only in its
    # own sentences.
    text = text_of(doc)
    drafts = continue_quotes(doc, text, drafts, quotes)
    return finish(text, floating_quotes(text, drafts, quotes), quotes)
