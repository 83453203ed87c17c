"""Batch extraction at scale: deterministic shards, a local or Ray engine, resumable Parquet outputs."""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from ..pipeline import DEFAULT_TIER, TAGGER_SUFFIX, check_models
from ..supervise import DEFAULT_BUDGET, Budget
from .lock import lock_output
from .outputs import (
    ARTICLE_SCHEMA,
    STATEMENT_SCHEMA,
    done_shards,
    read_outputs,
    read_records,
)
from .progress import Progress
from .shards import (
    DEFAULT_SHARD_SIZE,
    BatchError,
    Plan,
    Shard,
    atomic_write_text,
    load_or_make_plan,
)
from .work import ShardFailure

ENGINES = ("local", "ray")
SHOW_ERRORS = 20  # skipped inputs echoed to the terminal; all of them go to errors.jsonl

__all__ = [
    "ARTICLE_SCHEMA", "DEFAULT_SHARD_SIZE", "ENGINES", "STATEMENT_SCHEMA", "BatchError", "Plan",
    "Shard", "read_outputs", "read_records", "run_batch",
]


def run_batch(inputs: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *,
              engine: str = "local", workers: int | None = None, ray_address: str | None = None,
              shard_size: int = DEFAULT_SHARD_SIZE, model: str | None = None,
              tier: str = DEFAULT_TIER, progress: bool = True,
              budget: Budget = DEFAULT_BUDGET) -> dict[str, Any]:
    """Extract from every input into OUT, skipping shards already complete; returns the manifest.

    `budget` limits each article's time and its extraction process's memory. The manifest's
    `failed_shards` lists shards that could not finish for a cause outside their inputs; they
    have no marker, so a rerun retries them. A model that fails its check stops the run before
    anything is written (ModelError).
    """
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    if workers is not None and workers < 1:
        raise BatchError("--workers must be at least 1")
    started, t0 = _now(), time.perf_counter()
    check_models(model, tier)
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    lock = lock_output(root)
    try:
        return _run(inputs, root, engine, workers, ray_address, shard_size, model, tier, progress,
                    budget, started, t0)
    finally:
        if lock is not None:
            lock.close()


def _run(inputs: Sequence[str | os.PathLike[str]], root: Path, engine: str, workers: int | None,
         ray_address: str | None, shard_size: int, model: str | None, tier: str, progress: bool,
         budget: Budget, started: str, t0: float) -> dict[str, Any]:
    for stale in root.rglob("*.tmp"):  # left by a killed run; the shard has no marker and reruns
        stale.unlink()
    plan = load_or_make_plan(inputs, root, shard_size)
    before = done_shards(root)
    # Resuming must not mix tiers in one output (markers name the model; pipeline.model_name).
    other = [m["model"] for m in before.values() if m["model"].endswith(TAGGER_SUFFIX) != (tier != DEFAULT_TIER)]
    if other:
        raise BatchError(f"{root}: its finished shards were made with {other[0]}, not the {tier} tier; "
                         "use a new --out")
    pending = [s for s in plan.shards if s.id not in before]
    bar = Progress(total=sum(s.records for s in plan.shards),
                   initial=sum(s.records for s in plan.shards if s.id in before), enabled=progress)
    shown = 0
    for source, reason in plan.errors:
        shown = _show(bar, shown, source, reason)
    n_workers = workers or (os.cpu_count() or 1)
    summaries = []
    failures: list[ShardFailure] = []
    try:
        if engine == "local":
            from .local import run_local

            got = run_local(pending, root, n_workers, model, tier, budget, on_articles=bar.tick)
        else:
            from .ray_engine import run_ray

            got = run_ray(pending, root, workers, model, tier, ray_address, budget)
        for summary in got:
            if isinstance(summary, ShardFailure):
                failures.append(summary)
                bar.write(f"quotegraph: error: {summary.shard} failed: {summary.reason}")
                continue
            summaries.append(summary)
            bar.update(summary.records, summary.articles)
            for source, reason in summary.errors:
                shown = _show(bar, shown, source, reason)
    finally:
        bar.close()
    return finish(root, plan, engine, n_workers, summaries, started, time.perf_counter() - t0, failures)


def _show(bar: Progress, shown: int, source: str, reason: str) -> int:
    if shown < SHOW_ERRORS:
        bar.write(f"quotegraph: skipped {source}: {reason}")
    elif shown == SHOW_ERRORS:
        bar.write("quotegraph: further skipped inputs are listed in errors.jsonl")
    return shown + 1


def finish(root: Path, plan: Plan, engine: str, workers: int, run: list[Any], started: str,
           seconds: float, failures: Sequence[ShardFailure] = ()) -> dict[str, Any]:
    """Write errors.jsonl (input order) and manifest.json from the plan and all shard markers."""
    markers = done_shards(root)
    errors = [{"source": s, "reason": r} for s, r in plan.errors]
    errors += [{"source": s, "reason": r} for m in markers.values() for s, r in m["errors"]]
    atomic_write_text(root / "errors.jsonl",
                      "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))
    run_articles = sum(s.articles for s in run)
    manifest = {
        "complete": len(markers) == len(plan.shards),
        "engine": engine,
        "workers": workers,
        "shard_size": plan.shard_size,
        "counts": {
            "input_files": len(plan.files),
            "shards": len(plan.shards),
            "shards_done": len(markers),
            "shards_this_run": len(run),
            "records": sum(s.records for s in plan.shards),
            "articles": sum(m["articles"] for m in markers.values()),
            "statements": sum(m["statements"] for m in markers.values()),
            "errors": len(errors),
        },
        "timings": {
            "started": started,
            "finished": _now(),
            "wall_seconds": round(seconds, 3),
            "articles_this_run": run_articles,
            "articles_per_second": round(run_articles / seconds, 2) if seconds else None,
            "worker_seconds": round(sum(s.seconds for s in run), 3),
        },
        "failed_shards": [{"shard": f.shard, "reason": f.reason} for f in failures],
        "peak_rss_mb_per_worker": max((s.peak_rss_mb for s in run), default=None),
        "versions": _versions(engine, next((m["model"] for m in markers.values()), None)),
    }
    atomic_write_text(root / "manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")  # noqa: UP017 (3.10 support)


def _versions(engine: str, model: str | None) -> dict[str, str | None]:
    names = ["quotegraph", "spacy", "pyarrow", "warcio", "trafilatura"] + (["ray"] if engine == "ray" else [])
    out: dict[str, str | None] = {"python": platform.python_version(), "model": model}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out
