"""One shard's work, the same in every engine: read -> extract -> write Parquet -> marker."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import InputError
from ..memory import peak_rss_mb
from ..pipeline import DEFAULT_TIER, process_articles
from ..types import Article, ArticleResult
from .outputs import write_shard
from .shards import Shard, read_shard

TAGGER_SUFFIX = "+tagger"  # marks a model name as the accurate tier's


@dataclass(frozen=True, slots=True)
class ShardSummary:
    """What a worker reports for a finished shard (also its marker file's content)."""

    shard: str
    records: int
    articles: int
    statements: int
    errors: tuple[tuple[str, str], ...]
    seconds: float
    peak_rss_mb: float
    pid: int
    model: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form."""
        return {**asdict(self), "errors": [list(e) for e in self.errors]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ShardSummary:
        """Inverse of `to_dict`."""
        return cls(**{**d, "errors": tuple(tuple(e) for e in d["errors"])})


def model_name(nlp: Language, tier: str = DEFAULT_TIER) -> str:
    """e.g. `en_core_web_sm-3.8.0` (fast tier) or `en_core_web_sm-3.8.0+tagger` (accurate), for the manifest."""
    name = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
    return name if tier == DEFAULT_TIER else name + TAGGER_SUFFIX


def extract_all(articles: list[Article], nlp: Language, on_article: Callable[[], None] = lambda: None,
                tier: str = DEFAULT_TIER) -> tuple[list[ArticleResult], list[InputError]]:
    """Extract from a shard's articles; one that makes extraction crash is reported, not fatal."""
    results: list[ArticleResult] = []
    # A worker is one process per core, so the tagger gets one thread.
    try:
        for r in process_articles(articles, nlp, tier=tier, threads=1):
            results.append(r)
            on_article()
        return results, []
    except Exception:  # noqa: BLE001 (found below, article by article)
        pass
    # Extraction is pure, so redoing the shard one article at a time gives the same rows for the
    # others and isolates the culprit.
    results, errors = [], []
    for a in articles:
        try:
            results.extend(process_articles([a], nlp, tier=tier, threads=1))
        except Exception as e:  # noqa: BLE001
            errors.append(InputError(a.source or a.id, f"extraction failed ({type(e).__name__}: {e})"))
    return results, errors


def run_shard(shard: Shard, out: Path, nlp: Language,
              on_article: Callable[[], None] = lambda: None, tier: str = DEFAULT_TIER) -> ShardSummary:
    """Process one shard and write its outputs and marker; returns its summary."""
    t0 = time.perf_counter()
    articles: list[Article] = []
    errors: list[InputError] = []
    # The shard's articles are held together (at most shard-size of them) so that a crash in
    # extraction can be retried article by article; memory is bounded by the shard size.
    for item in read_shard(shard):
        (errors if isinstance(item, InputError) else articles).append(item)  # type: ignore[arg-type]
    results, failed = extract_all(articles, nlp, on_article, tier)
    errors.extend(failed)
    summary = ShardSummary(
        shard=shard.id, records=shard.records, articles=len(results),
        statements=sum(len(r.statements) for r in results),
        errors=tuple((e.source, e.reason) for e in errors),
        seconds=round(time.perf_counter() - t0, 3), peak_rss_mb=peak_rss_mb() or 0.0,
        pid=os.getpid(), model=model_name(nlp, tier))
    write_shard(out, shard.id, shard.index, results, summary.to_dict())
    return summary
