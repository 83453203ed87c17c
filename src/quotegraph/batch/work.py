"""One shard's work, the same in every engine: read -> extract -> write Parquet -> marker."""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..types import Article, ArticleResult
from .outputs import write_shard
from .shards import Shard, read_shard

# Articles (and read errors, passed through) in, results or per-article errors out, in order.
Process = Callable[[Iterable[Article | InputError]], Iterator[ArticleResult | InputError]]


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


@dataclass(frozen=True, slots=True)
class ShardFailure:
    """A shard that could not be finished for a cause outside its inputs; it has no marker."""

    shard: str
    reason: str


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3  # bytes on macOS, KiB on Linux


def run_shard(shard: Shard, out: Path, process: Process, model: str,
              on_article: Callable[[], None] = lambda: None,
              extractor_rss_mb: Callable[[], float] = lambda: 0.0) -> ShardSummary:
    """Process one shard and write its outputs and marker; returns its summary.

    `process` is a Supervisor's (budgets per article) or process_stream: a bad article comes back
    as an error and the shard goes on. What is not the input's fault (a model, the disk) raises,
    and the shard gets no marker, so a rerun retries it. `model` names the model in the marker;
    the summary's peak memory is the larger of this process's and `extractor_rss_mb()`.
    """
    t0 = time.perf_counter()
    results: list[ArticleResult] = []
    errors: list[InputError] = []
    # A shard's results are held until its files are written: memory is bounded by the shard size.
    for item in process(read_shard(shard)):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            results.append(item)
            on_article()
    summary = ShardSummary(
        shard=shard.id, records=shard.records, articles=len(results),
        statements=sum(len(r.statements) for r in results),
        errors=tuple((e.source, e.reason) for e in errors),
        seconds=round(time.perf_counter() - t0, 3),
        peak_rss_mb=round(max(peak_rss_mb(), extractor_rss_mb()), 1), pid=os.getpid(), model=model)
    write_shard(out, shard.id, shard.index, results, summary.to_dict())
    return summary
