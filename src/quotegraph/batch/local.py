"""Local engine: a process pool; each worker supervises one extraction process, shards stream through.

A worker reads a shard's inputs, hands the articles to its extraction process (a Supervisor,
which enforces the per-article budgets) and writes the shard's files. Workers die with the
batch: each watches its parent's PID and stops its extraction process when the parent is gone.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from ..errors import QuotegraphError
from ..names import printable
from ..pipeline import DEFAULT_TIER
from ..supervise import DEFAULT_BUDGET, Budget, Supervisor
from .lock import hold_worker_lock
from .shards import Shard
from .work import ShardFailure, ShardSummary, run_shard

# Per-worker state, set by the pool initializer.
_sup: Supervisor | None = None
_ticks: Any = None
TICK_EVERY_S = 0.5  # how often a worker reports its article count, to keep the queue quiet


def _init(model: str | None, tier: str, budget: Budget, ticks: Any, out: str) -> None:
    global _sup, _ticks
    from ..lifeline import watch_parent

    hold_worker_lock(Path(out))
    # The models load in the extraction process at the first shard, where a failure is reported
    # as that shard's (an initializer that raises would break the whole pool instead).
    _sup = Supervisor(model, tier, budget, threads=1)  # one worker per core: one tagger thread
    _ticks = ticks
    watch_parent(before_exit=_sup.close)


def _work(shard: dict[str, Any], out: str) -> dict[str, Any]:
    pending, last = 0, time.monotonic()

    def tick() -> None:
        nonlocal pending, last
        pending += 1
        if time.monotonic() - last >= TICK_EVERY_S:
            _ticks.put(pending)
            pending, last = 0, time.monotonic()

    assert _sup is not None
    _sup.start()
    summary = run_shard(Shard.from_dict(shard), Path(out), _sup.process, _sup.model_name or "", tick,
                        lambda: _sup.peak_rss_mb)  # type: ignore[union-attr]
    if pending:
        _ticks.put(pending)
    return summary.to_dict()


def run_local(shards: Sequence[Shard], out: Path, workers: int, model: str | None = None,
              tier: str = DEFAULT_TIER, budget: Budget = DEFAULT_BUDGET,
              on_articles: Callable[[int], None] = lambda n: None) -> Iterator[ShardSummary | ShardFailure]:
    """Run shards on `workers` processes, yielding summaries (or failures) as shards finish.

    At most two shards per worker are in flight, so memory does not grow with the input. After a
    shard fails (a model, the disk, a worker that died), no new shard starts: the cause is
    almost never one shard's alone.
    """
    # spawn, not fork: the parent may hold pyarrow/tqdm threads, and a clean process keeps the
    # per-worker RSS figure honest.
    ctx = mp.get_context("spawn")
    ticks = ctx.Queue()
    todo = iter(shards)
    failed = False
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init,
                             initargs=(model, tier, budget, ticks, str(out))) as pool:
        running: dict[Future[dict[str, Any]], Shard] = {}

        def fill() -> None:
            for shard in todo:
                running[pool.submit(_work, shard.to_dict(), str(out))] = shard
                if len(running) >= 2 * workers:
                    break

        fill()
        while running:
            finished, _ = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
            _drain(ticks, on_articles)
            for fut in finished:
                shard = running.pop(fut)
                try:
                    yield ShardSummary.from_dict(fut.result())
                except BrokenProcessPool:
                    failed = True
                    yield ShardFailure(shard.id, "a worker process died (out of memory?)")
                except Exception as e:  # noqa: BLE001 (a model, the disk, a bug: one line, the run stops cleanly)
                    failed = True
                    why = str(e) if isinstance(e, QuotegraphError) else f"{type(e).__name__}: {e}"
                    yield ShardFailure(shard.id, printable(why))
            if not failed:
                fill()
        _drain(ticks, on_articles)


def _drain(ticks: Any, on_articles: Callable[[int], None]) -> None:
    while True:
        try:
            on_articles(ticks.get_nowait())
        except queue.Empty:
            return
