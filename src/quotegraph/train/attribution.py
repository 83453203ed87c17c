"""Training the attribution model on PolNeAR train, choosing its thresholds on dev ([train] extra).

Two logistic regressions, fitted in order: the cue model on every candidate verb, then the cut
model on every place a reported clause could end, found under the cues the first one keeps.
Thresholds are chosen on dev by the mean of the eval gate's figures.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..evaluate.gold import GoldDoc
from ..evaluate.score import gate_figures, score
from ..extract import extract_statements
from ..extract.boundaries import cut_features, cut_points
from ..extract.cue_features import candidates, cue_features
from ..extract.indirect import complements, cue_of
from ..extract.quotes import Quote
from ..model.linear import RULES_ONLY, WEIGHTS, AttributionModel, LinearModel
from ..nlp import sha256_file
from .parsed import Log, Parsed, parse

VETO_GRID = (0.0, 0.1, 0.2, 0.3, 0.4)
# Adds start at 0.7: below it, on the bundled Wikinews articles, most added verbs report nothing
# ("named their robot", "Read more"), though PolNeAR's broad notion of attribution rewards them.
ADD_GRID = (0.7, 0.8, 0.9, 1.01)
CUT_GRID = (0.4, 0.5, 0.6, 0.7, 0.8, 1.01)


def _chars(p: Parsed, lo: int, hi: int) -> set[int]:
    """Offsets in the original text of the characters of tokens lo..hi-1."""
    out: set[int] = set()
    for t in p.doc[lo:hi]:
        s = p.omap.to_original(t.idx, t.idx + len(t))
        out.update(range(s.start, s.end))
    return out


def cue_examples(parsed: Sequence[Parsed]) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every candidate verb: 1 when it lies inside a gold cue."""
    xs: list[list[str]] = []
    ys: list[int] = []
    for p in parsed:
        quotes = list(p.quotes)
        gold_cues = [s for q in p.gold.quotes for s in q.cue]
        for tok in candidates(p.doc, quotes):
            span = p.omap.to_original(tok.idx, tok.idx + len(tok))
            xs.append(cue_features(tok, quotes))
            ys.append(int(any(c.start < span.end and span.start < c.end for c in gold_cues)))
    return xs, ys


def _cut_label(kept: set[int], tail: set[int], gold: list[set[int]]) -> int | None:
    """1 if the gold content that matches the clause stops before the tail, 0 if it takes it in."""
    best = max(gold, key=lambda g: len(g & (kept | tail)), default=set())
    if len(best & kept) < 0.6 * len(kept):
        return None  # no gold content for this clause: nothing to learn about its end
    inside = len(best & tail) / len(tail)
    return 1 if inside <= 0.2 else 0 if inside >= 0.8 else None


def cut_examples(parsed: Sequence[Parsed], cue: LinearModel | None) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every place a reported clause could end, under the given cue model."""
    xs: list[list[str]] = []
    ys: list[int] = []
    for p in parsed:
        quotes = list(p.quotes)
        gold = [set().union(*(range(s.start, s.end) for s in q.content)) for q in p.gold.quotes]
        for verb, root in _reported_clauses(p, quotes, cue):
            hi = root.right_edge.i + 1
            for d, start in cut_points(root):
                label = _cut_label(_chars(p, root.left_edge.i, start), _chars(p, start, hi), gold)
                if label is not None:
                    xs.append(cut_features(d, start, root, verb, quotes))
                    ys.append(label)
    return xs, ys


def _reported_clauses(p: Parsed, quotes: list[Quote], cue: LinearModel | None) -> Iterator[tuple[Any, Any]]:
    for tok in candidates(p.doc, quotes):
        found = cue_of(tok, quotes, cue)
        if found is not None:
            for c, addressed in complements(tok, found[0]):
                if not addressed:
                    yield tok, c


def fit(xs: list[list[str]], ys: list[int], seed: int = 0, c: float = 0.5) -> LinearModel | None:
    """A seeded L2 logistic regression over binary features (thresholds are set later); None for one class."""
    if len(set(ys)) < 2:
        return None  # a tiny smoke-test corpus can lack positives; rules then decide alone
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in xs])
    clf = LogisticRegression(C=c, solver="lbfgs", random_state=seed, max_iter=2000).fit(x, ys)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= 1e-3}
    return LinearModel(weights, round(float(clf.intercept_[0]), 4))


def dev_figures(parsed: Sequence[Parsed], model: AttributionModel) -> dict[str, float]:
    """The eval gate's figures on parsed dev documents with this model."""
    pairs = [(p.gold, tuple(extract_statements(p.doc, p.article, p.omap, model))) for p in parsed]
    return gate_figures(score(pairs).to_dict())


def _mean(figures: dict[str, float]) -> float:
    return sum(figures.values()) / len(figures)


def _choose(candidates: Iterator[AttributionModel], dev: Sequence[Parsed], log: Log
            ) -> tuple[AttributionModel, dict[str, float]]:
    best: tuple[float, AttributionModel, dict[str, float]] | None = None
    for cand in candidates:
        figs = dev_figures(dev, cand)
        if best is None or _mean(figs) > best[0]:
            best = (_mean(figs), cand, figs)
            log(f"  {cand.cue and cand.cue.thresholds} {cand.cut and cand.cut.thresholds}: mean {best[0]:.4f}")
    assert best is not None
    return best[1], best[2]


def train_model(train: Sequence[GoldDoc], dev: Sequence[GoldDoc], nlp: Language, out_dir: Path,
                seed: int = 0, log: Log = print) -> dict[str, Any]:
    """Fit on train, choose thresholds on dev, write DIR/attribution.json; return a report."""
    t0 = time.perf_counter()
    log(f"parsing {len(train)} train and {len(dev)} dev documents")
    train_p, dev_p = parse(train, nlp), parse(dev, nlp)
    xs, ys = cue_examples(train_p)
    log(f"cue model: {len(ys)} candidate verbs, {sum(ys)} inside gold cues")
    cue = fit(xs, ys, seed)
    model, figures = _choose((AttributionModel(cue and replace(cue, thresholds={"veto_below": v, "add_above": a}))
                              for v, a in itertools.product(VETO_GRID, ADD_GRID)), dev_p, log)
    xs, ys = cut_examples(train_p, model.cue)
    log(f"cut model: {len(ys)} places a clause could end, {sum(ys)} where gold ends it")
    if (cut := fit(xs, ys, seed)) is not None:
        model, figures = _choose((replace(model, cut=replace(cut, thresholds={"cut_above": t}))
                                  for t in CUT_GRID), dev_p, log)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / WEIGHTS
    model.save(path)
    return {"weights": str(path), "sha256": sha256_file(path),
            "features": {"cue": len(model.cue.weights) if model.cue else 0,
                         "cut": len(model.cut.weights) if model.cut else 0},
            "thresholds": {**(model.cue.thresholds if model.cue else {}),
                           **(model.cut.thresholds if model.cut else {})},
            "dev": figures, "dev_rules_only": dev_figures(dev_p, RULES_ONLY),
            "seconds": round(time.perf_counter() - t0, 1)}
