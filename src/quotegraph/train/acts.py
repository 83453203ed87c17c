"""Fit the act model (model/act_model.py) on hand act labels; never on the held-out splits.

Each label is matched, by content overlap, to a statement the fast tier extracts from its
document; the model learns statement vs claim vs accusation from act_features. Cross-validation
by document compares it with the rules alone on the same labels.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import QuotegraphError
from ..evaluate.acts import ActLabel, act_report, for_training, match_index
from ..evaluate.gold import GoldDoc
from ..extract.act_features import act_features
from ..extract.acts import act_evidence, classify, content_roots, content_tokens
from ..extract.attribute import assemble
from ..extract.draft import Draft
from ..model.act_model import ACT_WEIGHTS, SoftmaxModel
from ..model.linear import default_model
from ..nlp import sha256_file
from .parsed import Log, parse

CLASSES = ("statement", "claim", "accusation")
C = 1.0  # L2 strength, chosen by 5-fold cross-validation by document on tune + train labels
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled draft: where it came from, what it reads as, and its gold act."""

    doc_id: str
    split: str | None
    doc: Doc
    kind: str
    draft: Draft
    gold: str


def examples(docs: Sequence[GoldDoc], labels: Sequence[ActLabel], nlp: Language) -> list[Example]:
    """Labelled drafts: each label matched to the extracted statement its content overlaps most."""
    by_doc: dict[str, list[ActLabel]] = defaultdict(list)
    for lab in labels:
        by_doc[lab.doc_id].append(lab)
    out = []
    for p in parse([d for d in docs if d.doc_id in by_doc], nlp):
        drafts = assemble(p.doc, list(p.quotes), default_model())
        contents = [[piece for s, e in d.content for piece in p.omap.to_original_pieces(s, e, p.article.text)]
                    for _, d in drafts]
        labs = by_doc[p.gold.doc_id]
        for lab, hit in zip(labs, match_index(labs, contents)):
            if hit is not None:
                kind, d = drafts[hit]
                out.append(Example(p.gold.doc_id, lab.split, p.doc, kind, d, lab.act))
    return out


def features(ex: Example) -> dict[str, float]:
    """act_features for one example, with the rules' evidence computed as extraction does."""
    tokens = content_tokens(ex.doc, ex.draft)
    roots = content_roots(tokens)
    ev = act_evidence(ex.doc, ex.draft, tokens, roots, ex.kind)
    return act_features(tokens, roots, ex.kind, ev.cue, ev.scores)


def fit(xs: Sequence[dict[str, float]], ys: Sequence[str], c: float = C) -> SoftmaxModel:
    """A class-balanced multinomial L2 logistic regression over the three acts."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(xs)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, list(ys))
    names = vec.get_feature_names_out()
    classes = tuple(str(k) for k in clf.classes_)
    return SoftmaxModel(classes, {k: {str(n): float(w) for n, w in zip(names, clf.coef_[i])}
                                  for i, k in enumerate(classes)},
                        {k: float(clf.intercept_[i]) for i, k in enumerate(classes)})


def predict(ex: Example, model: SoftmaxModel | None) -> str:
    """The act extraction gives an example under `model` (None: the rules alone)."""
    return classify(ex.doc, ex.draft, content_tokens(ex.doc, ex.draft), ex.kind, model).act


def cross_validate(exs: Sequence[Example], xs: Sequence[dict[str, float]], folds: int = FOLDS
                   ) -> dict[str, dict[str, Any]]:
    """Rules alone vs rules + model, by document folds; per split, the act report's key figures."""
    from sklearn.model_selection import GroupKFold

    with_model: list[str] = [""] * len(exs)
    groups = [e.doc_id for e in exs]
    for train_i, test_i in GroupKFold(folds).split(xs, groups=groups):
        keep = [i for i in train_i if exs[i].gold in CLASSES]
        model = fit([xs[i] for i in keep], [exs[i].gold for i in keep])
        for i in test_i:
            with_model[i] = predict(exs[i], model)
    rules = [predict(e, None) for e in exs]
    out: dict[str, dict[str, Any]] = {}
    for split in sorted({e.split or "" for e in exs}):
        idx = [i for i, e in enumerate(exs) if (e.split or "") == split]
        out[split] = {name: _figures([(exs[i].gold, pred[i]) for i in idx])
                      for name, pred in (("rules", rules), ("rules+model", with_model))}
    return out


def _figures(pairs: list[tuple[str, str | None]]) -> dict[str, Any]:
    r = act_report(pairs)
    three = [r["per_act"].get(a, {}).get("f1", 0.0) for a in CLASSES]
    return {"labels": len(pairs), "accuracy": r["accuracy"], "macro_f1": r["macro_f1"],
            "macro_f1_acts": r["macro_f1_acts"], "macro_f1_three": round(sum(three) / 3, 3)}


def train_act_model(docs: Sequence[GoldDoc], labels: Sequence[ActLabel], nlp: Language, out_dir: Path,
                    log: Log = print) -> dict[str, Any]:
    """Fit on every label outside the held-out splits (test, test2), write DIR/acts.json; return a report."""
    t0 = time.perf_counter()
    labels = for_training(labels)
    exs = examples(docs, labels, nlp)
    log(f"{len(exs)} of {len(labels)} labels matched to extracted statements")
    found = {e.gold for e in exs if e.gold in CLASSES}
    if len(found) < len(CLASSES) or len({e.doc_id for e in exs}) < FOLDS:
        raise QuotegraphError(f"too few labels to train on: {len(exs)} matched in {len({e.doc_id for e in exs})} "
                              f"documents, acts {sorted(found)}; are the labelled documents among --gold?")
    xs = [features(e) for e in exs]
    report = {"cross_validation": cross_validate(exs, xs)}
    keep = [i for i, e in enumerate(exs) if e.gold in CLASSES]
    model = fit([xs[i] for i in keep], [exs[i].gold for i in keep])
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / ACT_WEIGHTS
    model.save(path)
    return {"weights": str(path), "sha256": sha256_file(path), "examples": len(keep), **report,
            "seconds": round(time.perf_counter() - t0, 1)}
