"""Precision and recall of `Statement.anonymous` against hand labels (docs/sources.md#anonymous).

The labels name a statement by offsets only: corpus (polnear or ggt), document id, the
character span of the gold statement's content and of its source mention, and whether the
source is anonymous. The texts are read from the corpora beside the repository
(`../shared/data/polnear/gold_dev.jsonl`, `../shared/data/ggt`), never stored with the labels.
Each label is matched to the extracted statement covering most of its content (more than
MATCH_SHARE of its characters, as GGT matches quotes), else to one whose source mention
overlaps the labelled one; unmatched labels are counted apart, not as errors of the flag.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..pipeline import BATCH_SIZE, DEFAULT_TIER
from ..types import ArticleResult, Span, Statement
from .gold import GoldDoc, read_gold_jsonl

CORPORA = ("polnear", "ggt")
MATCH_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class AnonymousLabel:
    """One hand label: which statement (by offsets) and whether its source is anonymous."""

    corpus: str
    doc: str
    content: Span
    source: Span | None
    anonymous: bool


def read_labels(path: str | os.PathLike[str]) -> list[AnonymousLabel]:
    """Read a labels JSONL file (InputError naming the line on a malformed one)."""
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                    if r["corpus"] not in CORPORA or not isinstance(r["anonymous"], bool):
                        raise ValueError("corpus must be polnear or ggt and anonymous true or false")
                    src = r.get("source")
                    out.append(AnonymousLabel(r["corpus"], str(r["doc"]), Span(*map(int, r["content"])),
                                              Span(*map(int, src)) if src else None, r["anonymous"]))
                except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                    raise InputError(f"{path}:{n}", f"not an anonymous-source label ({e})") from None
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from None
    return out


def label_docs(labels: Sequence[AnonymousLabel], data: str | os.PathLike[str]) -> list[tuple[str, GoldDoc]]:
    """The (corpus, document) pairs the labels point into, texts read from the corpora under `data`."""
    from .ggt import load_ggt

    root = Path(data)
    wanted = {(lb.corpus, lb.doc) for lb in labels}
    docs: list[tuple[str, GoldDoc]] = []
    if any(c == "polnear" for c, _ in wanted):
        docs += [("polnear", d) for d in read_gold_jsonl(root / "polnear" / "gold_dev.jsonl")
                 if ("polnear", d.doc_id) in wanted]
    if any(c == "ggt" for c, _ in wanted):
        docs += [("ggt", d.gold()) for d in load_ggt(root / "ggt", "dev") if ("ggt", d.doc_id) in wanted]
    missing = wanted - {(c, d.doc_id) for c, d in docs}
    if missing:
        c, d = sorted(missing)[0]
        raise InputError(str(root), f"{len(missing)} labelled documents not found, e.g. {c} {d!r}")
    return docs


def _covered(a: Sequence[Span], b: Span) -> int:
    return sum(max(0, min(s.end, b.end) - max(s.start, b.start)) for s in a)


def match(label: AnonymousLabel, statements: Sequence[Statement]) -> Statement | None:
    """The extracted statement a label means: most of its content covered, else its source mention."""
    size = max(1, len(label.content))
    best = max(statements, key=lambda st: _covered(st.content, label.content), default=None)
    if best is not None and _covered(best.content, label.content) / size > MATCH_SHARE:
        return best
    if label.source is not None:
        for st in statements:
            if st.source is not None and _covered((st.source,), label.source) > 0:
                return st
    return None


def score(labels: Sequence[AnonymousLabel], found: dict[tuple[str, str], tuple[Sequence[Statement], str]]
          ) -> dict[str, Any]:
    """P/R/F1 of the flag over matched labels, per corpus and overall, with the disagreements.

    `found` maps (corpus, doc) to (the statements extracted from it, its text); the text only
    fills the `errors` list shown to whoever runs the eval (mention and speaker as extracted).
    """
    counts: dict[str, dict[str, int]] = {}
    errors = []
    for lb in labels:
        sts, text = found.get((lb.corpus, lb.doc), ((), ""))
        st = match(lb, sts)
        for key in (lb.corpus, "all"):
            c = counts.setdefault(key, dict.fromkeys(("labels", "anonymous", "matched", "tp", "fp", "fn", "tn"), 0))
            c["labels"] += 1
            c["anonymous"] += lb.anonymous
            if st is None:
                continue
            c["matched"] += 1
            c[{(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[
                (lb.anonymous, st.anonymous)]] += 1
        if st is not None and st.anonymous != lb.anonymous:
            errors.append({"corpus": lb.corpus, "doc": lb.doc, "content": [lb.content.start, lb.content.end],
                           "label": lb.anonymous, "predicted": st.anonymous,
                           "mention": st.source.text(text) if st.source else None,
                           "speaker": st.speaker.name if st.speaker else None,
                           "speaker_type": st.speaker.type if st.speaker else None,
                           "via": st.speaker.via if st.speaker else None})
    report: dict[str, Any] = {}
    for key, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        report[key] = {**c, "precision": round(p, 3), "recall": round(r, 3),
                       "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return {"overall": report.get("all"), "by_corpus": {k: v for k, v in report.items() if k != "all"},
            "errors": errors}


def evaluate_anonymous(labels: Sequence[AnonymousLabel], data: str | os.PathLike[str], nlp: Any = None,
                       results: Sequence[ArticleResult] | None = None, batch_size: int = BATCH_SIZE,
                       tier: str = DEFAULT_TIER) -> dict[str, Any]:
    """Extract from the labelled documents (unless `results` are given) and score the flag."""
    from .run import predict

    docs = label_docs(labels, data)
    if results is None:
        results, _ = predict([d for _, d in docs], nlp, batch_size, tier)
    by_text = {r.article.text: r.statements for r in results}
    found = {(c, d.doc_id): (by_text.get(d.text, ()), d.text) for c, d in docs}
    return {"labels": len(labels), "docs": len(docs), "tier": tier, **score(labels, found)}


def format_anonymous(report: dict[str, Any], errors: bool = False) -> str:
    """The report as a short table (and each disagreement, with `errors`)."""
    lines = [f"Anonymous sources: {report['labels']} hand labels in {report['docs']} documents ({report['tier']} tier)",
             f"{'':10} {'labels':>6} {'anon':>5} {'matched':>7} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4} "
             f"{'P':>6} {'R':>6} {'F1':>6}"]
    for name, c in [*report["by_corpus"].items(), ("all", report["overall"])]:
        if c:
            lines.append(f"{name:10} {c['labels']:>6} {c['anonymous']:>5} {c['matched']:>7} {c['tp']:>4} {c['fp']:>4} "
                         f"{c['fn']:>4} {c['tn']:>4} {c['precision']:>6.3f} {c['recall']:>6.3f} {c['f1']:>6.3f}")
    if errors:
        lines.append("")
        for e in report["errors"]:
            kind = "missed" if e["label"] else "false"
            lines.append(f"{kind:7} {e['corpus']:8} {e['doc'][:40]:40} {e['content']} mention={e['mention']!r} "
                         f"speaker={e['speaker']!r} ({e['speaker_type']}, via {e['via']})")
    return "\n".join(lines)
