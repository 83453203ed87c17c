"""Speech acts: what kind of statement a draft is (threat, appeal, denial…), negated, conditional.

The act starts from the cue's meaning (lexicon/act_cues.tsv: "threatened" decides, "said" barely
leans) and is then moved by what the content says (lexicon/act_content.tsv words, plus grammar
read here: questions, imperatives, future harm, belief clauses). Scores add per act; the best act
wins and its margin over the runner-up sets the confidence. When it is statement, claim or
accusation, the trained act model (model/act_model.py) settles which of the three, from these
scores and the tone read in act_features.py. docs/acts.md maps acts to CAMEO/PLOVER.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..model.act_model import SoftmaxModel
from .act_features import act_features
from .draft import Draft
from .lexicon import act_content, act_cues, evidence_nouns, harm_verbs
from .spans import children, sentence_of, text_of

_FUTURE = frozenset({"will", "would", "'ll", "shall", "wo", "going"})
_CONDITIONAL = frozenset({"if", "unless"})
_CONDITIONAL_PHRASES = re.compile(r"\b(only if|provided that|as long as|on condition that|in case)\b")
_NEGATORS = frozenset({"not", "n't", "never", "no"})
_FIRST_PERSON = frozenset({"i", "we"})
_BELIEF_ROOTS = frozenset({"believe", "think", "feel", "hope", "fear", "expect", "worry", "suspect", "doubt"})
_ACCEPTING = frozenset({"accept", "agree", "allow", "tolerate", "permit", "negotiate", "bargain"})
_DEFAULT = ("statement", 0.25)  # a draft with no cue the table knows (a bare quote)


@dataclass(frozen=True, slots=True)
class ActReading:
    """The act of one draft, how sure the rules are, and two flags read off its grammar."""

    act: str
    confidence: float
    negated: bool = False
    conditional: bool = False


@cache
def _phrases() -> tuple[re.Pattern[str], dict[str, tuple[str, float]]]:
    table = {p: (a, w) for k, p, a, w in act_content() if k == "phrase"}
    # Longest first, so "at risk" is read before "risk" could be.
    alts = "|".join(re.escape(p) for p in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alts})(?![\w'])"), table


@cache
def _root_lemmas() -> dict[str, tuple[str, float]]:
    return {p: (a, w) for k, p, a, w in act_content() if k == "root"}


def content_tokens(doc: Doc, d: Draft) -> list[Token]:
    """The tokens inside the draft's content ranges, in order."""
    out: list[Token] = []
    for s, e in d.content:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not t.is_space)
    return out


def content_roots(tokens: list[Token]) -> list[Token]:
    """Tokens of the content whose head lies outside it: the main predicates of what was said."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i == t.i or t.head.i not in inside]


def cue_key(doc: Doc, d: Draft) -> str | None:
    """The key a cue is looked up by: "threaten", "call for", "point out", or "according to"."""
    if d.cue is None:
        return None
    tok = doc[d.anchor]
    if d.cue[0] <= tok.idx < d.cue[1] and tok.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
        lemma = tok.lemma_.lower()
        table = act_cues()
        for c in children(tok):
            if c.dep_ in ("prt", "prep") and f"{lemma} {c.lower_}" in table:
                return f"{lemma} {c.lower_}"
        return lemma
    return " ".join(text_of(doc)[d.cue[0]:d.cue[1]].lower().split())


def is_negated(doc: Doc, d: Draft, roots: list[Token]) -> bool:
    """Whether the reporting ("did not say") or the main clause of the content is negated."""
    heads = list(roots)
    if d.cue is not None:
        heads.append(doc[d.anchor])
    for h in heads:
        for c in children(h):
            if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
                return True
    return False


def is_conditional(tokens: list[Token], text: str) -> bool:
    """Whether the content states a condition ("if the war continues…", "unless Moscow…")."""
    if any(t.lower_ in _CONDITIONAL and t.dep_ == "mark" for t in tokens):
        return True
    return _CONDITIONAL_PHRASES.search(text) is not None


def _future_harm(tokens: list[Token]) -> tuple[bool, bool]:
    """(harm is promised in the future tense, and by the speaker's side or in the passive)."""
    harms = harm_verbs()
    found = agentive = False
    for t in tokens:
        if t.lemma_.lower() not in harms or t.pos_ not in ("VERB", "NOUN"):
            continue
        aux = [c.lower_ for c in children(t) if c.dep_ in ("aux", "auxpass")]
        if not any(a in _FUTURE for a in aux) and not (t.dep_ == "xcomp" and t.head.lemma_ in ("go", "threaten")):
            continue
        found = True
        subj = [c for c in children(t) if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.dep_ == "nsubjpass" or c.lower_ in _FIRST_PERSON for c in subj):
            agentive = True
    return found, agentive


def _stance(tokens: list[Token], roots: list[Token]) -> bool:
    """Modal main clause ("would not have been possible") or a superlative ("the simplest way")."""
    for r in roots:
        for c in children(r):
            if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("should", "must"):
                return True
    return any(t.tag_ in ("JJS", "RBS") for t in tokens)


def _imperative(tokens: list[Token], roots: list[Token]) -> bool:
    """A root verb in the base form with no subject that opens its sentence ("Don't shoot him")."""
    for r in roots:
        if r.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children(r)):
            continue
        first = next((t for t in sentence_of(r) if not t.is_punct and not t.is_space), None)
        if first is not None and (first.i == r.i or (first.lower_ in ("do", "don't", "please") and first.i < r.i)):
            return True
    return False


@dataclass(frozen=True, slots=True)
class ActEvidence:
    """What the rules read off one draft: a score per act, the cue's own weight, and the flags."""

    scores: dict[str, float]
    cue: str | None
    cue_weight: float
    negated: bool
    conditional: bool


def act_evidence(doc: Doc, d: Draft, tokens: list[Token], roots: list[Token], kind: str = "indirect"
                 ) -> ActEvidence:
    """Score every act for one draft from its cue and content tokens (pure; one pass over the content).

    Three readings add up, in this order: the cue, the content's words, then its grammar (which
    looks at what the words already found: a question that carries blame accuses).
    """
    raw = " ".join(text_of(doc)[s:e] for s, e in d.content).strip()
    text = " ".join(raw.lower().replace("’", "'").split())  # phrases match across quote styles
    scores: dict[str, float] = defaultdict(float)

    key = cue_key(doc, d)
    act, cue_weight = act_cues().get(key or "", _DEFAULT)
    scores[act] += cue_weight
    if d.source_head is not None and doc[d.source_head].lemma_.lower() in evidence_nouns():
        scores["belief"] += 0.6  # "according to a new poll …": a finding, whatever the cue
    _score_words(scores, text, roots, kind)
    negated = is_negated(doc, d, roots)
    conditional = is_conditional(tokens, text)
    _score_grammar(scores, raw, key, tokens, roots, negated, conditional)
    return ActEvidence(dict(scores), key, cue_weight, negated, conditional)


def _score_words(scores: dict[str, float], text: str, roots: list[Token], kind: str) -> None:
    """Content phrases (the strongest match per act), main-clause lemmas, and "said he believes"."""
    rx, table = _phrases()
    best: dict[str, float] = {}
    for m in rx.finditer(text):
        a, w = table[m.group(0)]
        best[a] = max(best.get(a, 0.0), w)
    for a, w in best.items():
        scores[a] += w
    for r in roots:
        hit = _root_lemmas().get(r.lemma_.lower())
        if hit:
            scores[hit[0]] += hit[1]
    if kind != "direct" and any(r.lemma_.lower() in _BELIEF_ROOTS and
                                any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in children(r))
                                for r in roots):
        scores["belief"] += 0.5  # "said he believes the flag…": the speaker reports a thought


def _score_grammar(scores: dict[str, float], raw: str, key: str | None, tokens: list[Token],
                   roots: list[Token], negated: bool, conditional: bool) -> None:
    """Questions, future harm, stance, imperatives, and what negation and conditions do to the words."""
    if raw.rstrip("\"'”’*").endswith("?") or (key == "ask" and tokens and tokens[0].lower_ in ("whether", "why", "how", "what", "if")):
        # A rhetorical question that carries blame is an accusation ("What kind of genius…?").
        scores["question" if scores["accusation"] < 0.3 else "accusation"] += 0.6
        if key == "ask":
            scores["appeal"] = 0.0  # "asked whether…" asks a question, not a favour
    harm, agentive = _future_harm(tokens)
    if harm:
        scores["threat" if agentive or conditional else "warning"] += 0.55
    elif conditional and any(c.lower_ in _FUTURE for t in roots for c in children(t) if c.dep_ == "aux"):
        scores["warning"] += 0.3  # "if deficiency is serious, you will lose IQ points"
    if _stance(tokens, roots):
        scores["claim"] += 0.3  # a prediction, a possibility or a comparison argues, not reports
    if _imperative(tokens, roots):
        scores["appeal"] += 0.55
    if negated and any(r.lemma_.lower() in _ACCEPTING for r in roots):
        scores["rejection"] += 0.6  # "we will never accept this"
    if negated and scores["denial"] > 0:
        scores["denial"] += 0.2
    if conditional and scores["demand"] > 0:
        scores["demand"] += 0.15  # "only possible if Washington abstains…": a condition set


def classify(doc: Doc, d: Draft, tokens: list[Token], kind: str = "indirect",
             model: SoftmaxModel | None = None) -> ActReading:
    """Read the act of one draft: the rules' best act, settled by `model` among the acts it knows.

    The rules' confidence comes from the winning score's margin; the model's is its probability.
    """
    roots = content_roots(tokens)
    ev = act_evidence(doc, d, tokens, roots, kind)
    scores, cue_weight = ev.scores, ev.cue_weight
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    top_act, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top_act == "statement" and cue_weight < 0.5 and second >= top - 0.05 and len(ranked) > 1:
        top_act, top, second = ranked[1][0], ranked[1][1], top  # a weak "said" yields to content
    confidence = min(0.99, top) * (0.5 + 0.5 * (top - second) / top) if top > 0 else 0.0
    if model is not None and top_act in model.classes:
        probs = model.probabilities(act_features(tokens, roots, kind, ev.cue, scores))
        top_act = max(model.classes, key=probs.__getitem__)
        confidence = min(0.99, probs[top_act])
    return ActReading(top_act, round(confidence, 3), ev.negated, ev.conditional)
