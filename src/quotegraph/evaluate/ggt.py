"""The Gender Gap Tracker benchmark: its gold layout, its quote matching and its speaker figures.

How GGT scores (../shared/data/ggt/README.md), reproduced exactly so that figures compare:

* For each threshold t in {0.3, 0.8}, each gold quote, in order, takes the remaining predicted
  statement whose content spans cover the largest share of the gold quote's characters; it is
  matched when that share exceeds t. Quotes precision, recall and F1 follow.
* Among the quotes matched at 0.3: speaker mention (the predicted source span overlaps the gold
  source, or both are absent), speaker name (the predicted name is the gold reference, by
  `same_name`), and wrong name (a predicted name that is present and is not the reference).
* People quoted: per article, the predicted person speakers against the gold `sources`, with the
  same name test; micro precision, recall and F1.

Only statements marked `speech` are scored: GGT counts speech, not thoughts or findings.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..pipeline import BATCH_SIZE, DEFAULT_TIER
from ..types import ArticleResult, Span, Statement
from .gold import GoldDoc, GoldQuote

THRESHOLDS = (0.3, 0.8)
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev", "hon", "mx",
                        "the", "jr", "sr"})
PRONOUN_SOURCES = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their"})
ERROR_CATEGORIES = ("pronoun", "nominal", "floating", "document", "organisation", "not-speech",
                    "boundary", "other")


@dataclass(frozen=True, slots=True)
class GgtQuote:
    """One GGT gold quote: content span, optional source and cue spans, and the resolved speaker."""

    content: Span
    source: Span | None
    cue: Span | None
    reference: str


@dataclass(frozen=True, slots=True)
class GgtDoc:
    """One GGT article: its text, outlet, gold quotes and the people it quotes."""

    doc_id: str
    text: str
    outlet: str
    quotes: tuple[GgtQuote, ...]
    sources: tuple[str, ...]
    sources_by_gender: dict[str, list[str]] = field(default_factory=dict, compare=False)
    people_by_gender: dict[str, list[str]] = field(default_factory=dict, compare=False)
    url: str | None = None

    def gold(self) -> GoldDoc:
        """The same article as a generic GoldDoc (for the shared extraction runner)."""
        quotes = tuple(GoldQuote(str(i), (q.source,) if q.source else (), (q.cue,) if q.cue else (),
                                 (q.content,)) for i, q in enumerate(self.quotes))
        return GoldDoc(self.doc_id, self.text, quotes, publisher=self.outlet)


def _span(pair: Any, where: str) -> Span | None:
    if pair is None:
        return None
    try:
        s, e = int(pair[0]), int(pair[1])
    except (TypeError, ValueError, IndexError):
        raise InputError(where, f"malformed span {pair!r:.60}; expected [start, end]") from None
    return Span(s, e)


def load_ggt(path: str | os.PathLike[str], split: str = "dev", limit: int | None = None) -> list[GgtDoc]:
    """Read GGT's gold_<split>.jsonl and text/<doc_id>.txt from the corpus folder `path`."""
    gold = os.path.join(path, f"gold_{split}.jsonl")
    docs: list[GgtDoc] = []
    try:
        with open(gold, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if limit is not None and len(docs) >= limit:
                    break
                if not line.strip():
                    continue
                where = f"{gold}:{n}"
                try:
                    r = json.loads(line)
                    doc_id = str(r["doc_id"])
                    quotes = tuple(GgtQuote(_span(q["content"], where), _span(q.get("source"), where),  # type: ignore[arg-type]
                                            _span(q.get("cue"), where), str(q["reference"]))
                                   for q in r["quotes"])
                except (json.JSONDecodeError, KeyError, TypeError) as e:
                    raise InputError(where, f"not a GGT gold record ({e})") from None
                text_path = os.path.join(path, "text", f"{doc_id}.txt")
                try:
                    with open(text_path, encoding="utf-8") as t:
                        text = t.read()
                except OSError as e:
                    raise InputError(text_path, e.strerror or str(e)) from None
                docs.append(GgtDoc(doc_id, text, str(r.get("outlet") or "unknown"), quotes,
                                   tuple(r.get("sources") or ()), r.get("sources_by_gender") or {},
                                   r.get("people_by_gender") or {}, r.get("url")))
    except OSError as e:
        raise InputError(gold, e.strerror or str(e)) from None
    return docs


# -- names ----------------------------------------------------------------------------------------
def name_words(name: str) -> list[str]:
    """A name folded for comparison: lower case, no accents or punctuation, honorifics dropped."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = "".join(c if c.isalnum() or c in "'-" else " " for c in folded)
    words = [w.strip("'-") for w in folded.replace("’", "'").split()]
    return [w for w in words if w and w not in HONORIFICS]


def _given_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    x, y = a[0], b[0]
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def same_name(predicted: str, reference: str) -> bool:
    """GGT's name test: same surname with compatible given names, or one name's words within the other's."""
    p, g = name_words(predicted), name_words(reference)
    if not p or not g:
        return False
    if p[-1] == g[-1] and _given_compatible(p[:-1], g[:-1]):
        return True
    return set(p) <= set(g) or set(g) <= set(p)


# -- matching -------------------------------------------------------------------------------------
def _chars(spans: Iterable[Span]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def match_quotes(doc: GgtDoc, statements: Sequence[Statement], threshold: float
                 ) -> list[tuple[int, int | None, float]]:
    """GGT's greedy matching: (gold index, predicted index or None, covered share) per gold quote."""
    pred_chars = [_chars(st.content) for st in statements]
    remaining = set(range(len(statements)))
    out: list[tuple[int, int | None, float]] = []
    for gi, q in enumerate(doc.quotes):
        gold = set(range(q.content.start, q.content.end))
        best, best_share = None, 0.0
        for pi in sorted(remaining):
            share = len(gold & pred_chars[pi]) / len(gold) if gold else 0.0
            if share > best_share:
                best, best_share = pi, share
        if best is not None and best_share > threshold:
            remaining.discard(best)
            out.append((gi, best, best_share))
        else:
            out.append((gi, None, best_share))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUN_SOURCES


@dataclass(slots=True)
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched: dict[float, int] = field(default_factory=lambda: {t: 0 for t in THRESHOLDS})
    mention: int = 0
    name: int = 0
    wrong: int = 0
    unnamed: int = 0
    people_tp_p: int = 0
    people_tp_r: int = 0
    people_pred: int = 0
    people_gold: int = 0
    # Gender of the people quoted that match a gold person whose gender the annotators give.
    gender_matched: int = 0
    gender_right: int = 0
    gender_unknown: int = 0
    pairs_tp: int = 0  # (name, gender) pairs right
    women_pred: int = 0
    men_pred: int = 0
    women_gold: int = 0
    men_gold: int = 0

    def add(self, other: _Tally) -> None:
        for f in ("gold", "predicted", "mention", "name", "wrong", "unnamed", "people_tp_p",
                  "people_tp_r", "people_pred", "people_gold", "gender_matched", "gender_right",
                  "gender_unknown", "pairs_tp", "women_pred", "men_pred", "women_gold", "men_gold"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        for t in THRESHOLDS:
            self.matched[t] += other.matched[t]

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"gold": self.gold, "predicted": self.predicted}
        for t in THRESHOLDS:
            out[f"quotes@{t}"] = _prf(self.matched[t], self.predicted, self.gold)
        m = self.matched[THRESHOLDS[0]]
        out["matched"] = m
        out["speaker_mention"] = round(self.mention / m, 4) if m else 0.0
        out["speaker_name"] = round(self.name / m, 4) if m else 0.0
        out["wrong_name"] = round(self.wrong / m, 4) if m else 0.0
        out["no_name"] = round(self.unnamed / m, 4) if m else 0.0
        prf = _prf(0, 0, 0)
        p = self.people_tp_p / self.people_pred if self.people_pred else 0.0
        r = self.people_tp_r / self.people_gold if self.people_gold else 0.0
        prf = {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
        out["people_quoted"] = {**prf, "predicted": self.people_pred, "gold": self.people_gold}
        g = self.gender_matched
        gold_pairs = self.women_gold + self.men_gold
        out["gender"] = {
            "matched": g, "accuracy": round(self.gender_right / g, 4) if g else 0.0,
            "accuracy_known": round(self.gender_right / (g - self.gender_unknown), 4) if g > self.gender_unknown else 0.0,
            "unknown": round(self.gender_unknown / g, 4) if g else 0.0,
            "pairs": _prf(self.pairs_tp, self.people_pred, gold_pairs),
            "women_share": round(self.women_pred / (self.women_pred + self.men_pred), 4)
            if self.women_pred + self.men_pred else None,
            "women_share_gold": round(self.women_gold / gold_pairs, 4) if gold_pairs else None}
        return out


def scored_statements(statements: Sequence[Statement]) -> list[Statement]:
    """The statements GGT counts: speech, with content."""
    return [st for st in statements if st.speech and st.content]


def score_ggt_doc(doc: GgtDoc, statements: Sequence[Statement]) -> tuple[_Tally, list[dict[str, Any]],
                                                                          list[tuple[float, bool]]]:
    """One article's tally, its error listing, and (confidence, right) pairs for calibration."""
    text = doc.text
    sts = scored_statements(statements)
    tally = _Tally(gold=len(doc.quotes), predicted=len(sts))
    errors: list[dict[str, Any]] = []
    reliability: list[tuple[float, bool]] = []
    matched_low: dict[int, int] = {}
    for t in THRESHOLDS:
        pairs = match_quotes(doc, sts, t)
        tally.matched[t] = sum(1 for _, p, _ in pairs if p is not None)
        if t == THRESHOLDS[0]:
            matched_low = {g: p for g, p, _ in pairs if p is not None}
    for gi, q in enumerate(doc.quotes):
        pi = matched_low.get(gi)
        if pi is None:
            errors.append({"doc_id": doc.doc_id, "type": "missed", "category": _missed_category(q),
                           "quote": text[q.content.start:q.content.end], "reference": q.reference})
            continue
        st = sts[pi]
        if (st.source is None and q.source is None) or _overlaps(st.source, q.source):
            tally.mention += 1
        name = st.speaker.name if st.speaker else None
        right = bool(name) and same_name(name, q.reference)  # type: ignore[arg-type]
        if right:
            tally.name += 1
        elif name:
            tally.wrong += 1
            errors.append({"doc_id": doc.doc_id, "type": "wrong speaker",
                           "category": _speaker_category(st, q, text),
                           "quote": text[q.content.start:q.content.end], "reference": q.reference,
                           "predicted": name, "via": st.speaker.via if st.speaker else None,
                           "source": st.source.text(text) if st.source else None})
        else:
            tally.unnamed += 1
        reliability.append((st.confidence, right))
    used = set(matched_low.values())
    for pi, st in enumerate(sts):
        if pi not in used:
            errors.append({"doc_id": doc.doc_id, "type": "extra", "category": _extra_category(st, doc),
                           "quote": " … ".join(c.text(text) for c in st.content),
                           "predicted": st.speaker.name if st.speaker else None})
            reliability.append((st.confidence, False))
    # People quoted: predicted person speakers against the gold list, each side matched once. GGT
    # lists people by name, so an unnamed source ("a judge said") is not one of them.
    predicted = sorted({st.speaker.name for st in sts
                        if st.speaker and st.speaker.type == "person" and not st.anonymous})
    tally.people_pred, tally.people_gold = len(predicted), len(doc.sources)
    _tally_gender(tally, doc, sts, predicted)
    tally.people_tp_p = sum(1 for p in predicted if any(same_name(p, g) for g in doc.sources))
    tally.people_tp_r = sum(1 for g in doc.sources if any(same_name(p, g) for p in predicted))
    return tally, errors, reliability


def _tally_gender(tally: _Tally, doc: GgtDoc, sts: Sequence[Statement], predicted: list[str]) -> None:
    """Gender of the people quoted against the annotators' (sources_by_gender), as GGT's dashboard counts it."""
    genders: dict[str, str | None] = {}
    for st in sts:
        if st.speaker is not None and st.speaker.type == "person":
            genders[st.speaker.name] = genders.get(st.speaker.name) or st.speaker.gender
    gold = {name: g for g, names in (doc.sources_by_gender or {}).items() if g in ("female", "male") for name in names}
    tally.women_gold += sum(1 for g in gold.values() if g == "female")
    tally.men_gold += sum(1 for g in gold.values() if g == "male")
    for name in predicted:
        g = genders.get(name)
        tally.women_pred += g == "female"
        tally.men_pred += g == "male"
        ref = next((gold[r] for r in gold if same_name(name, r)), None)
        if ref is None:
            continue
        tally.gender_matched += 1
        tally.gender_right += g == ref
        tally.gender_unknown += g is None
        tally.pairs_tp += g == ref


def _missed_category(q: GgtQuote) -> str:
    return "floating" if q.source is None else "other"


def _speaker_category(st: Statement, q: GgtQuote, text: str) -> str:
    via = st.speaker.via if st.speaker else None
    if via in ("pronoun", "nominal", "document", "floating"):
        return "organisation" if via == "document" and st.speaker.type != "person" else via  # type: ignore[union-attr]
    mention = st.source.text(text) if st.source else ""
    if _is_pronoun(mention):
        return "pronoun"
    if q.source is None:
        return "floating"
    if st.speaker and st.speaker.type in ("organization", "country", "group"):
        return "organisation"
    return "other"


def _extra_category(st: Statement, doc: GgtDoc) -> str:
    for q in doc.quotes:
        if any(_overlaps(c, q.content) for c in st.content):
            return "boundary"  # overlaps a gold quote that another statement took, or too little of it
    return "not-speech"


def reliability_table(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> dict[str, Any]:
    """Reliability by confidence bin and the expected calibration error (weighted |accuracy - confidence|)."""
    rows = []
    ece = 0.0
    n = len(pairs)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / n * abs(acc - conf)
        rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(inside), "confidence": round(conf, 3),
                     "accuracy": round(acc, 3)})
    return {"bins": rows, "ece": round(ece, 4), "n": n}


def score_ggt(docs: Sequence[GgtDoc], results: dict[str, Sequence[Statement]]) -> dict[str, Any]:
    """Score predictions (statements by article text) against GGT gold: overall, per outlet, errors."""
    total = _Tally()
    by_outlet: dict[str, _Tally] = {}
    errors: list[dict[str, Any]] = []
    reliability: list[tuple[float, bool]] = []
    for doc in docs:
        tally, errs, rel = score_ggt_doc(doc, results.get(doc.text, ()))
        total.add(tally)
        by_outlet.setdefault(doc.outlet, _Tally()).add(tally)
        errors += errs
        reliability += rel
    counts: dict[str, dict[str, int]] = {}
    for e in errors:
        counts.setdefault(e["type"], {}).setdefault(e["category"], 0)
        counts[e["type"]][e["category"]] += 1
    return {"overall": total.figures(),
            "outlets": {o: t.figures() for o, t in sorted(by_outlet.items())},
            "calibration": reliability_table(reliability),
            "error_counts": counts, "errors": errors}


def format_ggt(report: dict[str, Any], errors: bool = False) -> str:
    """The GGT report as text: quotes, speakers and people quoted, per outlet, calibration."""
    o = report["overall"]
    lines = [f"{report.get('corpus', 'GGT')}: {report.get('docs', '?')} docs, {o['gold']} gold quotes, "
             f"{o['predicted']} predicted speech statements", ""]
    header = ["", "q@0.3 P", "R", "F1", "q@0.8 F1", "mention", "name", "wrong", "people P", "R", "F1"]

    def row(label: str, f: dict[str, Any]) -> list[str]:
        q3, q8, pq = f["quotes@0.3"], f["quotes@0.8"], f["people_quoted"]
        return [label, *(f"{q3[k]:.3f}" for k in ("p", "r", "f1")), f"{q8['f1']:.3f}",
                f"{f['speaker_mention']:.3f}", f"{f['speaker_name']:.3f}", f"{f['wrong_name']:.3f}",
                *(f"{pq[k]:.3f}" for k in ("p", "r", "f1"))]

    rows = [row("overall", o)] + [row(k, v) for k, v in report["outlets"].items()]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        lines.append("  ".join([r[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(r[1:], widths[1:]))]))
    gd = o["gender"]
    lines += ["", f"gender of people quoted: right for {gd['accuracy']:.3f} of the {gd['matched']} matched people "
              f"whose gender the annotators give ({gd['accuracy_known']:.3f} of those given one), unknown for "
              f"{gd['unknown']:.3f}; (name, gender) pairs "
              f"P {gd['pairs']['p']:.3f} R {gd['pairs']['r']:.3f} F1 {gd['pairs']['f1']:.3f}"]
    shares = [(k, v["gender"]) for k, v in report["outlets"].items()
              if v["gender"]["women_share"] is not None and v["gender"]["women_share_gold"] is not None]
    if shares:
        lines.append("share of women among people quoted (predicted vs gold, absolute error): " + "; ".join(
            f"{k} {g['women_share']:.2f}/{g['women_share_gold']:.2f} ({abs(g['women_share'] - g['women_share_gold']):.2f})"
            for k, g in shares))
    cal = report["calibration"]
    lines += ["", f"calibration (a record is right when its quote is matched and its speaker named right): "
              f"ECE {cal['ece']:.3f} over {cal['n']} records",
              "  confidence   n   mean conf  accuracy"]
    for b in cal["bins"]:
        lines.append(f"  {b['bin']:>9}  {b['n']:>4}  {b['confidence']:>8.3f}  {b['accuracy']:>8.3f}")
    lines += ["", "errors by category: " + "; ".join(
        f"{t}: " + ", ".join(f"{c} {n}" for c, n in sorted(cs.items(), key=lambda x: -x[1]))
        for t, cs in sorted(report["error_counts"].items()))]
    if errors:
        lines.append("")
        for e in report["errors"]:
            extra = f" -> {e['predicted']!r}" if e.get("predicted") else ""
            ref = f" [gold: {e['reference']}]" if e.get("reference") else ""
            via = f" via {e['via']} {e['source']!r}" if e.get("via") else ""
            lines.append(f"{e['type']:<13} {e['category']:<12} {e['doc_id']}  {e['quote'][:100]!r}{ref}{extra}{via}")
    return "\n".join(lines)


def evaluate_ggt(docs: Sequence[GgtDoc], results: Sequence[ArticleResult] | None = None, nlp: Any = None,
                 batch_size: int = BATCH_SIZE, tier: str = DEFAULT_TIER, corpus: str = "GGT") -> dict[str, Any]:
    """Extract from the GGT texts (unless `results` are given) and score them the GGT way."""
    from dataclasses import asdict

    from .run import predict

    stats = None
    if results is None:
        results, stats = predict([d.gold() for d in docs], nlp, batch_size, tier)
    report = score_ggt(docs, {r.article.text: r.statements for r in results})
    return {"corpus": corpus, "docs": len(docs), **report, "run": asdict(stats) if stats else None,
            "tier": tier if stats else None}


def _evaluate_fresh(docs: Sequence[GgtDoc], tier: str, batch_size: int, corpus: str,
                    model: str | None) -> dict[str, Any]:
    from ..nlp import load_pipeline

    return evaluate_ggt(docs, nlp=load_pipeline(model), batch_size=batch_size, tier=tier, corpus=corpus)


def evaluate_ggt_apart(docs: Sequence[GgtDoc], tier: str, batch_size: int = BATCH_SIZE, corpus: str = "GGT",
                       model: str | None = None) -> dict[str, Any]:
    """evaluate_ggt() in a fresh process, so that each tier's run is measured on its own."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(_evaluate_fresh, docs, tier, batch_size, corpus, model).result()


def format_ggt_comparison(reports: dict[str, dict[str, Any]]) -> str:
    """Tiers side by side on GGT's figures."""
    names = list(reports)
    rows = [("quotes@0.3 P", lambda o: o["quotes@0.3"]["p"]), ("quotes@0.3 R", lambda o: o["quotes@0.3"]["r"]),
            ("quotes@0.3 F1", lambda o: o["quotes@0.3"]["f1"]), ("quotes@0.8 F1", lambda o: o["quotes@0.8"]["f1"]),
            ("speaker mention", lambda o: o["speaker_mention"]), ("speaker name", lambda o: o["speaker_name"]),
            ("wrong name", lambda o: o["wrong_name"]), ("people quoted F1", lambda o: o["people_quoted"]["f1"])]
    first = reports[names[0]]
    lines = [f"{first.get('corpus', 'GGT')}: {first['docs']} docs", "",
             "  ".join(["figure".ljust(18), *(n.rjust(9) for n in names)])]
    for label, get in rows:
        lines.append("  ".join([label.ljust(18), *(f"{get(reports[n]['overall']):9.3f}" for n in names)]))
    lines.append("  ".join(["ECE".ljust(18), *(f"{reports[n]['calibration']['ece']:9.3f}" for n in names)]))
    return "\n".join(lines)
