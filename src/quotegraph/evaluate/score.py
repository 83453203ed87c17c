"""Scoring predicted statements against gold attributions: pure functions, no parsing.

How the figures are defined (the usual ones in the attribution literature):

* Pairing. Each document's predictions are paired one-to-one with its gold attributions, greedily
  by descending content-character Jaccard (ties: higher source + cue Jaccard, then earlier gold,
  then earlier prediction); a pair needs Jaccard > 0. Every figure below uses these pairs.
* Exact match of a role (source, cue, content): the two character sets are equal once each piece
  is trimmed of whitespace, quote marks, markdown `*` and edge punctuation. Sets hold non-space
  characters only, so a span split into pieces at a space equals the unsplit span. A piece that trims
  to nothing (the cue ":" in "Pence: …") keeps its characters, so it can still be matched.
* Per-role P/R: precision is over predictions that have the role, recall over gold that has it;
  a hit needs both sides to have it (gold without a source is not counted for source recall).
* relation: all three roles exact (an empty gold source matches an empty predicted source).
* rel@0.5: the prediction covers at least half of the gold content's characters and the sources
  overlap (or both are empty).
* content soft: the sum of pair Jaccards over the number of predictions (P) and of gold (R).
* speech subset: gold whose content holds a double quotation mark or whose cue holds a speech
  verb (speech_verbs.txt). Predictions counted there are those paired with such gold, plus
  unpaired predictions that pass the same test on their own text; predictions paired with
  non-speech gold are left out, as neither hits nor false alarms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..types import Span, Statement
from .gold import ROLES, GoldDoc, GoldQuote, has_quote_mark

# The trimmed edges: whitespace, every quote mark (single ones too: they never carry meaning at a
# piece's edge), markdown emphasis, and sentence punctuation and dashes that annotators include
# or leave out at random.
TRIM = frozenset(" \t\n\r\f\v\u00a0\u2009\u200b" "\"'“”‘’«»„‹›" "*" ".,;:!?…—–")
ALL_GROUP = "overall"
SUBSETS = ("all", "speech")
# The figures the eval gate holds floors on.
GATE_FIGURES = ("source_f1", "cue_f1", "content_f1", "relation_f1", "rel50_f1",
                "speech_rel50_f1", "content_soft_f1")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The scorer's view of one attribution, gold or predicted: spans per role."""

    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    content: tuple[Span, ...] = ()
    speech: bool = True  # a prediction's `speech` flag (gold: always True)


def from_statement(st: Statement) -> Attribution:
    """The scorer's view of a predicted Statement."""
    return Attribution(source=(st.source,) if st.source else (), cue=(st.cue,) if st.cue else (),
                       content=tuple(st.content), speech=st.speech)


def attributions(statements: Sequence[Statement]) -> list[Attribution]:
    """The scorer's view of a document's statements, a quotation and its continuations as one.

    PolNeAR annotates “A,” she said. “B.” as one attribution with discontinuous content, where the
    record holds one statement per quotation linked by `continues`; the continuation's content
    joins the statement it continues.
    """
    root: dict[str, str] = {}
    merged: dict[str, Attribution] = {}
    for st in statements:
        head = root.get(st.continues) if st.continues else None
        if head is None:
            root[st.id] = st.id
            merged[st.id] = from_statement(st)
            continue
        root[st.id] = head
        a = merged[head]
        merged[head] = Attribution(a.source, a.cue, tuple(sorted(a.content + tuple(st.content))), a.speech)
    return list(merged.values())


def from_gold(q: GoldQuote) -> Attribution:
    """The scorer's view of a gold attribution."""
    return Attribution(source=q.source, cue=q.cue, content=q.content)


def trim(span: Span, text: str) -> Span:
    """Shrink a span past trimmable edge characters; a span that would vanish keeps its non-space core."""
    s, e = span.start, span.end
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    if s < e:
        return Span(s, e)
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e)


def char_set(spans: Iterable[Span], text: str) -> frozenset[int]:
    """The offsets of the non-space characters the trimmed spans cover."""
    # Whitespace is left out so that where a span is cut into pieces ("rebuild" + " the bridge"
    # against "rebuild the bridge") does not matter.
    out: set[int] = set()
    for sp in spans:
        t = trim(sp, text)
        out.update(i for i in range(t.start, t.end) if not text[i].isspace())
    return frozenset(out)


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """The word forms that make a cue a speech cue (from speech_verbs.txt)."""
    data = (resources.files("quotegraph.evaluate") / "speech_verbs.txt").read_text(encoding="utf-8")
    return frozenset(w for line in data.splitlines() for w in line.split("#", 1)[0].split())


_WORD = re.compile(r"[^\W\d_]+")


def is_speech(a: Attribution, text: str) -> bool:
    """Whether an attribution belongs to the speech subset: a quotation mark in content, or a speech-verb cue."""
    return has_quote_mark(a.content, text) or has_speech_cue(a, text)


def has_speech_cue(a: Attribution, text: str) -> bool:
    """Whether an attribution's cue holds a speech verb (speech_verbs.txt)."""
    verbs = speech_verbs()
    return any(w.lower() in verbs for sp in a.cue for w in _WORD.findall(text[sp.start : sp.end]))


@dataclass(slots=True)
class Counts:
    """Additive tallies from which every figure is computed (micro-averaged over documents)."""

    docs: int = 0
    gold: int = 0
    pred: int = 0
    role_hit: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    role_gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    role_pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    relation_hit: int = 0
    rel50_hit: int = 0
    jaccard_sum: float = 0.0
    # Predictions paired with gold whose cue is a speech verb, and how many of them say `speech`.
    speech_cue_paired: int = 0
    speech_cue_flagged: int = 0

    def add(self, other: Counts) -> None:
        """Add another tally into this one."""
        self.docs += other.docs
        self.gold += other.gold
        self.pred += other.pred
        for r in ROLES:
            self.role_hit[r] += other.role_hit[r]
            self.role_gold[r] += other.role_gold[r]
            self.role_pred[r] += other.role_pred[r]
        self.relation_hit += other.relation_hit
        self.rel50_hit += other.rel50_hit
        self.jaccard_sum += other.jaccard_sum
        self.speech_cue_paired += other.speech_cue_paired
        self.speech_cue_flagged += other.speech_cue_flagged


def prf(hit: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where a denominator is zero)."""
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def metrics(c: Counts) -> dict[str, float | int]:
    """All figures of one tally as a flat dict: <figure>_p, _r, _f1, plus counts."""
    out: dict[str, float | int] = {"docs": c.docs, "gold": c.gold, "predicted": c.pred}
    rows: list[tuple[str, float, float, float]] = [
        (r, c.role_hit[r], c.role_pred[r], c.role_gold[r]) for r in ROLES]
    rows += [("relation", c.relation_hit, c.pred, c.gold), ("rel50", c.rel50_hit, c.pred, c.gold),
             ("content_soft", c.jaccard_sum, c.pred, c.gold)]
    for name, hit, n_pred, n_gold in rows:
        p, r, f = prf(hit, n_pred, n_gold)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = round(p, 4), round(r, 4), round(f, 4)
    out["speech_cue_paired"] = c.speech_cue_paired
    out["speech_flag_rate"] = round(c.speech_cue_flagged / c.speech_cue_paired, 4) if c.speech_cue_paired else 0.0
    return out


@dataclass(frozen=True, slots=True)
class _Sets:
    source: frozenset[int]
    cue: frozenset[int]
    content: frozenset[int]


def _sets(a: Attribution, text: str) -> _Sets:
    return _Sets(char_set(a.source, text), char_set(a.cue, text), char_set(a.content, text))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0.0 for two empty sets)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def pair(gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]],
         tiebreak: Callable[[int, int], float] | None = None) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, pred index, Jaccard) pairs, greedy by descending Jaccard > 0."""
    cands = [(-j, -tiebreak(gi, pi) if tiebreak else 0.0, gi, pi)
             for gi, g in enumerate(gold) for pi, p in enumerate(pred)
             if (j := jaccard(g, p)) > 0]
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for neg_j, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi, -neg_j))
    return out


def _tally(gold: Sequence[_Sets], pred: Sequence[_Sets],
           pairs: Iterable[tuple[int, int, float]]) -> Counts:
    c = Counts(gold=len(gold), pred=len(pred))
    for r in ROLES:
        c.role_gold[r] = sum(1 for g in gold if getattr(g, r))
        c.role_pred[r] = sum(1 for p in pred if getattr(p, r))
    for gi, pi, j in pairs:
        g, p = gold[gi], pred[pi]
        same = {r: getattr(g, r) == getattr(p, r) for r in ROLES}
        for r in ROLES:
            if same[r] and getattr(g, r):
                c.role_hit[r] += 1
        c.relation_hit += all(same.values())
        covers = len(g.content & p.content) >= 0.5 * len(g.content)
        sources = bool(g.source & p.source) or (not g.source and not p.source)
        c.rel50_hit += covers and sources
        c.jaccard_sum += j
    return c


def score_doc(doc: GoldDoc, predicted: Sequence[Attribution]) -> dict[str, Counts]:
    """Tally one document's predictions against its gold: {"all": Counts, "speech": Counts}."""
    text = doc.text
    gold_atts = [from_gold(q) for q in doc.quotes]
    g_sets = [_sets(a, text) for a in gold_atts]
    p_sets = [_sets(a, text) for a in predicted]
    # Gold often holds the same content twice with different sources or cues; among equal
    # content Jaccards, the prediction goes to the gold whose source and cue it matches best.
    pairs = pair([g.content for g in g_sets], [p.content for p in p_sets],
                 lambda gi, pi: (jaccard(g_sets[gi].source, p_sets[pi].source)
                                 + jaccard(g_sets[gi].cue, p_sets[pi].cue)))
    everything = _tally(g_sets, p_sets, pairs)
    speech_cued = [pi for gi, pi, _ in pairs if has_speech_cue(gold_atts[gi], text)]
    everything.speech_cue_paired = len(speech_cued)
    everything.speech_cue_flagged = sum(predicted[pi].speech for pi in speech_cued)

    speech_g = [i for i, a in enumerate(gold_atts) if is_speech(a, text)]
    paired_to = {pi: gi for gi, pi, _ in pairs}
    speech_g_set = set(speech_g)
    speech_p = [pi for pi, a in enumerate(predicted)
                if (paired_to[pi] in speech_g_set if pi in paired_to else is_speech(a, text))]
    g_index = {gi: k for k, gi in enumerate(speech_g)}
    p_index = {pi: k for k, pi in enumerate(speech_p)}
    speech_pairs = [(g_index[gi], p_index[pi], j) for gi, pi, j in pairs
                    if gi in g_index and pi in p_index]
    speech = _tally([g_sets[i] for i in speech_g], [p_sets[i] for i in speech_p], speech_pairs)
    everything.docs = speech.docs = 1
    return {"all": everything, "speech": speech}


@dataclass(slots=True)
class Scores:
    """Tallies per group ("overall" and each publisher) and subset ("all", "speech")."""

    groups: dict[str, dict[str, Counts]] = field(default_factory=dict)

    def add(self, group: str, counts: Mapping[str, Counts]) -> None:
        """Add one document's tallies to a group."""
        into = self.groups.setdefault(group, {s: Counts() for s in SUBSETS})
        for s in SUBSETS:
            into[s].add(counts[s])

    def to_dict(self) -> dict[str, dict[str, dict[str, float | int]]]:
        """{group: {subset: metrics}}, overall first, then publishers alphabetically."""
        order = sorted(self.groups, key=lambda g: (g != ALL_GROUP, g))
        return {g: {s: metrics(self.groups[g][s]) for s in SUBSETS} for g in order}


def score(pairs: Iterable[tuple[GoldDoc, Sequence[Statement]]],
          group_of: Callable[[GoldDoc], str | None] = lambda d: d.publisher) -> Scores:
    """Score (gold document, predicted statements) pairs, overall and per publisher."""
    scores = Scores()
    scores.groups[ALL_GROUP] = {s: Counts() for s in SUBSETS}
    for doc, statements in pairs:
        counts = score_doc(doc, attributions(statements))
        scores.add(ALL_GROUP, counts)
        group = group_of(doc)
        if group:
            scores.add(group, counts)
    return scores


def gate_figures(scores: Mapping[str, Mapping[str, Mapping[str, float | int]]]) -> dict[str, float]:
    """The figures the eval gate holds floors on, from `Scores.to_dict()` output."""
    overall = scores[ALL_GROUP]
    out = {}
    for name in GATE_FIGURES:
        subset, _, figure = name.partition("_") if name.startswith("speech_") else ("all", "", name)
        out[name] = float(overall[subset][figure])
    return out


__all__ = ["ALL_GROUP", "GATE_FIGURES", "SUBSETS", "TRIM", "Attribution", "Counts",
           "Scores", "attributions", "char_set", "has_speech_cue", "from_gold", "from_statement", "gate_figures", "is_speech",
           "jaccard", "metrics", "pair", "prf", "score", "score_doc", "speech_verbs", "trim"]
