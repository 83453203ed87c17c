"""Speech-act scoring: act labels on gold statements, matched to extracted ones by content overlap.

Labels come either inside a gold record (an "acts" key: [{"content": [[s, e], …], "act": …}]) or
from a separate labels file (tests/acts/acts_gold.jsonl: one {"doc_id", "content", "act",
"split"} per line, no text — PolNeAR text stays out of the repository). docs/annotation-acts.md
says how the labels were made.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..types import Span, Statement
from ..vocab import ACTS
from .gold import GoldDoc

MIN_OVERLAP = 0.5  # share of the smaller content (in characters) two statements must have in common
MIN_SUPPORT = 10  # acts with fewer gold labels are reported but left out of the macro-F1
# The held-out act splits: scored, never trained or tuned on (docs/annotation-acts.md).
HELD_OUT = frozenset({"test", "test2"})


@dataclass(frozen=True, slots=True)
class ActLabel:
    """One hand label: the act of the statement whose content covers these spans."""

    doc_id: str
    content: tuple[Span, ...]
    act: str
    split: str | None = None


def label_from_record(r: dict[str, Any], doc_id: str | None = None, where: str = "<acts>") -> ActLabel:
    """Parse one label object (doc_id may come from the enclosing gold record)."""
    try:
        act = r["act"]
        spans = tuple(Span(int(p[0]), int(p[1])) for p in r["content"])
        doc = doc_id or str(r["doc_id"])
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise InputError(where, f"not an act label (missing or bad {e})") from None
    if act not in ACTS:
        raise InputError(where, f"unknown act {act!r}; expected one of {', '.join(ACTS)}")
    return ActLabel(doc, spans, act, r.get("split"))


def read_act_labels(path: str | os.PathLike[str], split: str | None = None) -> list[ActLabel]:
    """Read a labels file; `split` keeps only that split ("test", "tune"), None keeps all."""
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    lab = label_from_record(json.loads(line), where=f"{path}:{n}")
                    if split in (None, "all") or lab.split == split:
                        out.append(lab)
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from None
    return out


def for_training(labels: Iterable[ActLabel]) -> list[ActLabel]:
    """The labels training and tuning may read: every split but the held-out ones."""
    return [lab for lab in labels if lab.split not in HELD_OUT]


def labels_in_gold(docs: Iterable[GoldDoc]) -> list[ActLabel]:
    """Act labels carried by gold records themselves (their "acts" key)."""
    return [label_from_record(r, d.doc_id, d.doc_id) for d in docs for r in d.extra.get("acts") or ()]


def _chars(spans: Iterable[Span]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def match_index(labels: Sequence[ActLabel], contents: Sequence[Sequence[Span]]) -> list[int | None]:
    """Per label, the index of the content it overlaps most; None when under MIN_OVERLAP."""
    chars = [_chars(c) for c in contents]
    out: list[int | None] = []
    for lab in labels:
        g = _chars(lab.content)
        best, best_score = None, 0.0
        for i, c in enumerate(chars):
            score = len(g & c) / max(1, min(len(g), len(c)))
            if score > best_score:
                best, best_score = i, score
        out.append(best if best_score >= MIN_OVERLAP else None)
    return out


def match_acts(labels: Sequence[ActLabel], statements: Sequence[Statement]
               ) -> list[tuple[str, str | None]]:
    """(gold act, predicted act or None) per label: the statement whose content overlaps most."""
    hits = match_index(labels, [st.content for st in statements])
    return [(lab.act, None if i is None else statements[i].act) for lab, i in zip(labels, hits)]


def act_report(pairs: Sequence[tuple[str, str | None]], min_support: int = MIN_SUPPORT) -> dict[str, Any]:
    """Per-act P/R/F1, macro-F1 over acts with >= `min_support` gold labels, confusion matrix.

    Labels whose statement was not extracted count as misses in recall only under `coverage`;
    P/R/F1 and the matrix are over the matched statements, so they measure the act decision.
    """
    matched = [(g, p) for g, p in pairs if p is not None]
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in matched:
        confusion[g][p] += 1
    gold_n = Counter(g for g, _ in matched)
    pred_n = Counter(p for _, p in matched)
    per_act = {}
    for act in ACTS:
        tp = confusion[act][act]
        p = tp / pred_n[act] if pred_n[act] else 0.0
        r = tp / gold_n[act] if gold_n[act] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if gold_n[act] or pred_n[act]:
            per_act[act] = {"gold": gold_n[act], "predicted": pred_n[act], "p": round(p, 3),
                            "r": round(r, 3), "f1": round(f, 3)}
    counted = [a for a, v in per_act.items() if v["gold"] >= min_support]
    macro = sum(per_act[a]["f1"] for a in counted) / len(counted) if counted else 0.0
    accuracy = sum(1 for g, p in matched if g == p) / len(matched) if matched else 0.0
    return {
        "labels": len(pairs),
        "matched": len(matched),
        "coverage": round(len(matched) / len(pairs), 3) if pairs else 0.0,
        "accuracy": round(accuracy, 3),
        "min_support": min_support,
        "macro_f1_acts": counted,
        "macro_f1": round(macro, 3),
        "per_act": per_act,
        "confusion": {g: dict(c) for g, c in confusion.items()},
    }


def agreement(first: Sequence[ActLabel], second: Sequence[ActLabel], min_support: int = MIN_SUPPORT
              ) -> dict[str, Any]:
    """Two annotators on the same statements: the act report of `second` against `first`, plus Cohen's kappa."""
    theirs = {(lab.doc_id, lab.content): lab.act for lab in second}
    pairs = [(lab.act, theirs[(lab.doc_id, lab.content)]) for lab in first if (lab.doc_id, lab.content) in theirs]
    report = act_report(pairs, min_support)
    n = len(pairs)
    a, b = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    chance = sum(a[k] * b[k] for k in a) / (n * n) if n else 0.0
    report["kappa"] = round((report["accuracy"] - chance) / (1 - chance), 3) if chance < 1 else 1.0
    return report


def score_acts(pairs_by_doc: Iterable[tuple[GoldDoc, Sequence[Statement]]], labels: Sequence[ActLabel],
               min_support: int = MIN_SUPPORT) -> dict[str, Any]:
    """Match labels to the statements extracted from their documents and build the act report."""
    by_doc: dict[str, list[ActLabel]] = defaultdict(list)
    for lab in labels:
        by_doc[lab.doc_id].append(lab)
    pairs: list[tuple[str, str | None]] = []
    seen = set()
    for doc, statements in pairs_by_doc:
        if doc.doc_id in by_doc and doc.doc_id not in seen:
            seen.add(doc.doc_id)
            pairs += match_acts(by_doc[doc.doc_id], statements)
    report = act_report(pairs, min_support)
    report["docs_without_text"] = sorted(set(by_doc) - seen)
    return report


def format_act_report(report: dict[str, Any]) -> str:
    """The act report as text: coverage, per-act table, macro-F1, confusion matrix (rows = gold)."""
    out = [f"acts: {report['labels']} labels, {report['matched']} matched to extracted statements "
           f"(coverage {report['coverage']:.3f}), accuracy {report['accuracy']:.3f}", ""]
    header = ["act", "gold", "pred", "P", "R", "F1"]
    rows = [[a, str(v["gold"]), str(v["predicted"]), f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f1']:.3f}"]
            for a, v in report["per_act"].items()]
    widths = [max(len(x) for x in col) for col in zip(header, *rows)]
    for row in [header, *rows]:
        out.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    counted = ", ".join(report["macro_f1_acts"]) or "none"
    out += ["", f"macro-F1 {report['macro_f1']:.3f} over acts with >= {report['min_support']} gold: {counted}", ""]
    acts = [a for a in ACTS if a in report["per_act"]]
    short = {a: a[:5] for a in acts}
    out.append("confusion (rows gold, columns predicted)")
    out.append(" " * 11 + " ".join(short[a].rjust(5) for a in acts))
    for g in acts:
        row = report["confusion"].get(g, {})
        out.append(g[:10].ljust(11) + " ".join(str(row.get(p, 0) or ".").rjust(5) for p in acts))
    if report.get("docs_without_text"):
        out.append(f"\nwarning: {len(report['docs_without_text'])} labelled docs were not among the scored docs")
    return "\n".join(out)
