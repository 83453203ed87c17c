"""Local engine: a process pool; each worker loads the model once, shards stream through it."""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from ..pipeline import DEFAULT_TIER
from .shards import Shard
from .work import ShardSummary, run_shard

# Per-worker state, set by the pool initializer.
_nlp: Any = None
_tier = DEFAULT_TIER
_ticks: Any = None
TICK_EVERY_S = 0.5  # how often a worker reports its article count, to keep the queue quiet


def _init(model: str | None, tier: str, ticks: Any) -> None:
    global _nlp, _tier, _ticks
    from ..nlp import load_pipeline

    _nlp = load_pipeline(model)
    _tier = tier
    _ticks = ticks


def _work(shard: dict[str, Any], out: str) -> dict[str, Any]:
    pending, last = 0, time.monotonic()

    def tick() -> None:
        nonlocal pending, last
        pending += 1
        if time.monotonic() - last >= TICK_EVERY_S:
            _ticks.put(pending)
            pending, last = 0, time.monotonic()

    summary = run_shard(Shard.from_dict(shard), Path(out), _nlp, tick, _tier)
    if pending:
        _ticks.put(pending)
    return summary.to_dict()


def run_local(shards: Sequence[Shard], out: Path, workers: int, model: str | None = None,
              tier: str = DEFAULT_TIER, on_articles: Callable[[int], None] = lambda n: None) -> Iterator[ShardSummary]:
    """Run shards on `workers` processes, yielding summaries as shards finish.

    At most two shards per worker are in flight, so memory does not grow with the input.
    """
    # spawn, not fork: the parent may hold pyarrow/tqdm threads, and a clean process keeps the
    # per-worker RSS figure honest.
    ctx = mp.get_context("spawn")
    ticks = ctx.Queue()
    todo = iter(shards)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init,
                             initargs=(model, tier, ticks)) as pool:
        running: set[Future[dict[str, Any]]] = set()

        def fill() -> None:
            for shard in todo:
                running.add(pool.submit(_work, shard.to_dict(), str(out)))
                if len(running) >= 2 * workers:
                    break

        fill()
        while running:
            finished, _ = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
            _drain(ticks, on_articles)
            for fut in finished:
                running.discard(fut)
                yield ShardSummary.from_dict(fut.result())
            fill()
        _drain(ticks, on_articles)


def _drain(ticks: Any, on_articles: Callable[[int], None]) -> None:
    while True:
        try:
            on_articles(ticks.get_nowait())
        except queue.Empty:
            return
