"""Running an evaluation: extract from the gold texts (timed), then score."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from spacy.language import Language

from ..errors import InputError
from ..memory import peak_rss_mb
from ..pipeline import BATCH_SIZE, DEFAULT_TIER
from ..read import make_article
from ..types import Article, ArticleResult, Statement
from .gold import GoldDoc
from .score import gate_figures, score


@dataclass(frozen=True, slots=True)
class RunStats:
    """Speed and memory of one extraction run."""

    docs: int
    words: int
    seconds: float
    words_per_s: float
    peak_rss_mb: float | None


def article_for(doc: GoldDoc) -> Article:
    """The Article extraction sees for a gold document: its text and metadata, nothing else."""
    return make_article(doc.text, doc.doc_id, title=doc.title, published=doc.published,
                        outlet=doc.publisher)


def predict(docs: Sequence[GoldDoc], nlp: Language | None = None, batch_size: int = BATCH_SIZE,
            tier: str = DEFAULT_TIER) -> tuple[list[ArticleResult], RunStats]:
    """Run extraction over the gold texts; model loading is outside the timed part."""
    from ..nlp import load_pipeline
    from ..pipeline import process_articles, tag_source

    nlp = nlp or load_pipeline()
    # One tagger thread, so that words/s is per core for both tiers (spaCy parses on one).
    tag_source(tier, threads=1)  # loads the tagger now, untimed
    start = time.perf_counter()
    results = list(process_articles((article_for(d) for d in docs), nlp, batch_size=batch_size,
                                    tier=tier, threads=1))
    seconds = time.perf_counter() - start
    words = sum(len(d.text.split()) for d in docs)
    return results, RunStats(docs=len(docs), words=words, seconds=round(seconds, 2),
                             words_per_s=round(words / seconds, 1) if seconds else 0.0,
                             peak_rss_mb=peak_rss_mb())


def read_predictions(path: str | os.PathLike[str]) -> list[ArticleResult]:
    """Read `quotegraph extract` JSONL output (one record per article) as ArticleResults."""
    from ..record import from_dict

    out: list[ArticleResult] = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        out.append(from_dict(json.loads(line)))
                    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                        raise InputError(f"{path}:{n}", f"not a quotegraph record ({e})") from None
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from None
    return out


def align(docs: Sequence[GoldDoc], results: Iterable[ArticleResult]
          ) -> list[tuple[GoldDoc, tuple[Statement, ...]]]:
    """Pair each gold document with the statements predicted for the same text (none if absent)."""
    # Matching on the text itself works for fresh runs and for saved predictions alike, and
    # refuses predictions whose offsets index some other version of the article.
    by_text = {r.article.text: r.statements for r in results}
    return [(d, by_text.get(d.text, ())) for d in docs]


def evaluate(docs: Sequence[GoldDoc], results: Sequence[ArticleResult] | None = None,
             nlp: Language | None = None, batch_size: int = BATCH_SIZE, corpus: str = "",
             tier: str = DEFAULT_TIER) -> dict[str, Any]:
    """Extract (unless `results` are given) and score; returns the report as a JSON-ready dict."""
    stats = None
    if results is None:
        results, stats = predict(docs, nlp, batch_size, tier)
    predicted_texts = {r.article.text for r in results}
    scores = score(align(docs, results)).to_dict()
    return {
        "corpus": corpus,
        "docs": len(docs),
        "missing_predictions": sum(1 for d in docs if d.text not in predicted_texts),
        "scores": scores,
        "gate": gate_figures(scores),
        "run": asdict(stats) if stats else None,
        "tier": tier if stats else None,
    }


def _evaluate_fresh(docs: Sequence[GoldDoc], tier: str, batch_size: int, corpus: str,
                    model: str | None) -> dict[str, Any]:
    from ..nlp import load_pipeline

    return evaluate(docs, nlp=load_pipeline(model), batch_size=batch_size, corpus=corpus, tier=tier)


def evaluate_apart(docs: Sequence[GoldDoc], tier: str, batch_size: int = BATCH_SIZE, corpus: str = "",
                   model: str | None = None) -> dict[str, Any]:
    """evaluate() in a fresh process, so that its peak RSS is the tier's own."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(_evaluate_fresh, docs, tier, batch_size, corpus, model).result()
