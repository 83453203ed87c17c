"""Ray engine: Ray Data maps shards onto an actor pool; each actor loads the model once.

Actors run the same `run_shard` as the local engine and write the same files, so both engines
give the same rows and share the resume markers. (Ray's own `write_parquet` names files by task,
not by shard, and has no per-shard marker, so it could not give exactly-once resume.)
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..pipeline import DEFAULT_TIER
from ..supervise import DEFAULT_BUDGET, Budget, Supervisor
from .lock import hold_worker_lock
from .shards import BatchError, Shard
from .work import ShardSummary, run_shard


class ShardActor:
    """A Ray Data callable class: each actor supervises one extraction process (models load once)."""

    def __init__(self, out: str, model: str | None = None, tier: str = DEFAULT_TIER,
                 budget: Budget = DEFAULT_BUDGET):
        self.out = Path(out)
        hold_worker_lock(self.out)
        self.sup = Supervisor(model, tier, budget, threads=1)
        self.sup.start()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        summaries = [run_shard(Shard.from_dict(json.loads(s)), self.out, self.sup.process,
                               self.sup.model_name or "", extractor_rss_mb=lambda: self.sup.peak_rss_mb).to_dict()
                     for s in batch["shard"]]
        return {"summary": [json.dumps(s) for s in summaries]}


def run_ray(shards: Sequence[Shard], out: Path, workers: int | None, model: str | None = None,
            tier: str = DEFAULT_TIER, address: str | None = None,
            budget: Budget = DEFAULT_BUDGET) -> Iterator[ShardSummary]:
    """Run shards on Ray (a local Ray when `address` is None), yielding summaries as they finish."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise BatchError("the ray engine needs Ray: pip install 'quotegraph[ray]'") from None
    # Ray's INFO lines (dataset plans, executor stats) would bury our progress and error lines.
    logging.getLogger("ray").setLevel(logging.WARNING)
    started = not ray.is_initialized()
    if started:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
    try:
        if not shards:
            return
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # ours counts articles; Ray's would fight it for the terminal
        size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        ds = ray.data.from_items([{"shard": json.dumps(s.to_dict())} for s in shards],
                                 override_num_blocks=len(shards))
        ds = ds.map_batches(ShardActor, fn_constructor_kwargs={"out": str(out.resolve()), "model": model, "tier": tier,
                                                                  "budget": budget},
                            batch_size=1, batch_format="numpy",
                            compute=ray.data.ActorPoolStrategy(size=size), num_cpus=1)
        for row in ds.iter_rows():
            yield ShardSummary.from_dict(json.loads(row["summary"]))
    finally:
        if started:
            ray.shutdown()
