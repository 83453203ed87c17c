"""Training the cue model on PolNeAR train, choosing its thresholds on dev (needs the [train] extra)."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..evaluate.gold import GoldDoc
from ..evaluate.run import article_for
from ..evaluate.score import gate_figures, score
from ..extract import extract_statements
from ..extract.cue_features import candidates, cue_features
from ..extract.quotes import find_quotes
from ..extract.spans import text_of
from ..nlp import sha256_file
from ..text import OffsetMap, normalise
from ..types import Article
from .cues import WEIGHTS, CueModel

# A model with no weights that vetoes nothing and adds nothing: the lexicon alone.
RULES_ONLY = CueModel({}, 0.0, 0.0, 1.01)
VETO_GRID = (0.0, 0.1, 0.2, 0.3, 0.4)
# Adds start at 0.7: below it, on the bundled Wikinews articles, most added verbs report nothing
# ("named their robot", "Read more"); PolNeAR's broad notion of attribution rewards them on dev.
ADD_GRID = (0.7, 0.8, 0.9, 1.01)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A gold document parsed once, reused for features and for every dev evaluation."""

    gold: GoldDoc
    article: Article
    omap: OffsetMap
    doc: Doc


def parse(docs: Sequence[GoldDoc], nlp: Language, batch_size: int = 16) -> list[Parsed]:
    """Normalise and parse gold documents as extraction would."""
    articles = [article_for(d) for d in docs]
    omaps = [normalise(a.text) for a in articles]
    parsed = nlp.pipe((m.clean for m in omaps), batch_size=batch_size)
    return [Parsed(g, a, m, doc) for g, a, m, doc in zip(docs, articles, omaps, parsed)]


def examples(parsed: Sequence[Parsed]) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every candidate verb: 1 when it lies inside a gold cue."""
    xs: list[list[str]] = []
    ys: list[int] = []
    for p in parsed:
        quotes = find_quotes(text_of(p.doc))
        gold_cues = [s for q in p.gold.quotes for s in q.cue]
        for tok in candidates(p.doc, quotes):
            span = p.omap.to_original(tok.idx, tok.idx + len(tok))
            xs.append(cue_features(tok, quotes))
            ys.append(int(any(c.start < span.end and span.start < c.end for c in gold_cues)))
    return xs, ys


def fit(xs: list[list[str]], ys: list[int], seed: int = 0, c: float = 0.5) -> CueModel:
    """A seeded L2 logistic regression over binary features (thresholds are set later)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in xs])
    clf = LogisticRegression(C=c, solver="lbfgs", random_state=seed, max_iter=2000).fit(x, ys)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= 1e-3}
    return CueModel(weights, round(float(clf.intercept_[0]), 4), 0.0, 1.01)


def dev_figures(parsed: Sequence[Parsed], cues: CueModel) -> dict[str, float]:
    """The eval gate's figures on parsed dev documents with this cue model."""
    pairs = [(p.gold, tuple(extract_statements(p.doc, p.article, p.omap, cues))) for p in parsed]
    return gate_figures(score(pairs).to_dict())


def _mean(figures: dict[str, float]) -> float:
    return sum(figures.values()) / len(figures)


def choose_thresholds(model: CueModel, dev: Sequence[Parsed],
                      log: Callable[[str], None] = print) -> tuple[CueModel, dict[str, float]]:
    """The veto/add thresholds with the best mean gate figure on dev."""
    best: tuple[float, CueModel, dict[str, float]] | None = None
    for veto, add in itertools.product(VETO_GRID, ADD_GRID):
        cand = replace(model, veto_below=veto, add_above=add)
        figs = dev_figures(dev, cand)
        if best is None or _mean(figs) > best[0]:
            best = (_mean(figs), cand, figs)
            log(f"  veto<{veto} add>{add}: mean {best[0]:.4f}")
    assert best is not None
    return best[1], best[2]


def train_cue_model(train: Sequence[GoldDoc], dev: Sequence[GoldDoc], nlp: Language, out_dir: Path,
                    seed: int = 0, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Fit on train, choose thresholds on dev, write DIR/cues.json; return a report with dev figures."""
    t0 = time.perf_counter()
    log(f"parsing {len(train)} train and {len(dev)} dev documents")
    train_p, dev_p = parse(train, nlp), parse(dev, nlp)
    xs, ys = examples(train_p)
    log(f"fitting on {len(ys)} candidate verbs ({sum(ys)} cues)")
    model, figures = choose_thresholds(fit(xs, ys, seed), dev_p, log)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / WEIGHTS
    path.write_text(json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return {"weights": str(path), "sha256": sha256_file(path), "features": len(model.weights),
            "veto_below": model.veto_below, "add_above": model.add_above,
            "dev": figures, "dev_rules_only": dev_figures(dev_p, RULES_ONLY),
            "seconds": round(time.perf_counter() - t0, 1)}
