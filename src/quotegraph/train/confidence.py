"""Training the confidence model on GGT dev ([train] extra): who said it, and is the name right.

Each speech statement extracted from a GGT dev article is labelled right when GGT's matching pairs
it with a gold quote (coverage > 0.3) and its speaker's name is the quote's reference. A logistic
regression over extract/confidence.py's features then gives the probability of that. Five-fold
cross-validation by article reports the expected calibration error the held-out articles see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..evaluate.ggt import GgtDoc, match_quotes, reliability_table, same_name
from ..extract import extract_statements
from ..model.confidence import CONFIDENCE_WEIGHTS
from ..model.linear import LinearModel
from ..nlp import sha256_file
from .parsed import parse

# L2 strength chosen by 5-fold cross-validated log loss on GGT dev among 0.03, 0.1, 0.3, 1, 3
# (0.417, 0.394, 0.388, 0.389, 0.393; held-out ECE 0.078, 0.051, 0.041, 0.047, 0.047).
C = 0.3
FOLDS = 5
Log = Callable[[str], None]


def examples(docs: Sequence[GgtDoc], nlp: Language) -> list[tuple[str, list[str], bool]]:
    """(article id, features, right) for every speech statement of the articles."""
    out = []
    for doc_gold, p in zip(docs, parse([d.gold() for d in docs], nlp)):
        feats: list[list[str]] = []

        def record(f: list[str], into: list[list[str]] = feats) -> float:
            into.append(f)
            return 0.5

        statements = list(extract_statements(p.doc, p.article, p.omap, confidence=record))
        keep = [(st, f) for st, f in zip(statements, feats) if st.speech and st.content]
        matched = {pi: g for g, pi, _ in match_quotes(doc_gold, [st for st, _ in keep], 0.3) if pi is not None}
        for i, (st, f) in enumerate(keep):
            g = matched.get(i)
            right = g is not None and st.speaker is not None and same_name(st.speaker.name, doc_gold.quotes[g].reference)
            out.append((doc_gold.doc_id, f, right))
    return out


def fit(xs: Sequence[list[str]], ys: Sequence[bool], c: float = C) -> LinearModel:
    """An L2 logistic regression over binary features (unweighted, so probabilities stay calibrated)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1.0) for f in xs])
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, [int(y) for y in ys])
    names = vec.get_feature_names_out()
    return LinearModel({str(n): round(float(w), 6) for n, w in zip(names, clf.coef_[0])},
                       round(float(clf.intercept_[0]), 6))


def cross_validate(exs: Sequence[tuple[str, list[str], bool]], folds: int = FOLDS) -> dict[str, Any]:
    """Held-out reliability by article folds: each statement's confidence from a model that never saw its article."""
    from sklearn.model_selection import GroupKFold

    held: list[tuple[float, bool]] = []
    groups = [e[0] for e in exs]
    for train_i, test_i in GroupKFold(folds).split(exs, groups=groups):
        model = fit([exs[i][1] for i in train_i], [exs[i][2] for i in train_i])
        held += [(model.probability(exs[i][1]), exs[i][2]) for i in test_i]
    return reliability_table(held)


def train_confidence_model(docs: Sequence[GgtDoc], nlp: Language, out_dir: Path,
                           log: Log = lambda m: None) -> dict[str, Any]:
    """Fit the confidence model on all the articles and write it; return the cross-validated figures."""
    exs = examples(docs, nlp)
    log(f"{len(exs)} speech statements from {len(docs)} articles, {sum(e[2] for e in exs)} right")
    cv = cross_validate(exs)
    log(f"{FOLDS}-fold cross-validated ECE: {cv['ece']:.3f}")
    model = fit([e[1] for e in exs], [e[2] for e in exs])
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / CONFIDENCE_WEIGHTS
    import json

    path.write_text(json.dumps({"format": 1, **model.to_json()}, indent=0, sort_keys=True) + "\n",
                    encoding="utf-8")
    log(f"wrote {path} (sha256 {sha256_file(path)})")
    return {"statements": len(exs), "right": sum(e[2] for e in exs), "cross_validated": cv,
            "in_sample": reliability_table([(model.probability(e[1]), e[2]) for e in exs]),
            "sha256": sha256_file(path)}
