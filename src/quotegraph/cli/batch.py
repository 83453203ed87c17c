"""`quotegraph batch`: extract from many inputs into resumable Parquet shards."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..batch import DEFAULT_SHARD_SIZE, ENGINES, run_batch
from ..supervise import Budget
from .options import EXIT_INPUT, budget_options, model_option, tier_option


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Output directory; rerunning into it resumes, skipping finished shards.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="A local process pool, or Ray Data (pip install 'quotegraph[ray]').")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (local) or actors (ray). [default: all CPUs]")
@click.option("--ray-address", default=None, metavar="ADDR",
              help="An existing Ray cluster (e.g. ray://head:10001 or auto); default: start a local Ray.")
@click.option("--shard-size", type=click.IntRange(min=1), default=DEFAULT_SHARD_SIZE, show_default=True,
              help="Files or records per shard (the unit of resume); fixed for an output directory.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="A progress bar on a terminal, log lines every 30 s otherwise.")
@model_option
@tier_option
@budget_options
def batch(inputs: tuple[str, ...], out: str, engine: str, workers: int | None, ray_address: str | None,
          shard_size: int, progress: bool, model: str | None, tier: str, budget: Budget) -> None:
    """Extract from INPUTS (directories, .jsonl[.gz], .parquet, .warc[.gz]) into Parquet shards in OUT."""
    if ray_address and engine != "ray":
        raise click.BadParameter("--ray-address needs --engine ray", param_hint="--ray-address")
    m = run_batch(list(inputs), out, engine=engine, workers=workers, ray_address=ray_address,
                  shard_size=shard_size, model=model, tier=tier, progress=progress, budget=budget)
    c, t = m["counts"], m["timings"]
    click.echo(f"quotegraph batch: {c['articles']} articles, {c['statements']} statements, "
               f"{c['errors']} skipped (errors.jsonl); {c['shards_this_run']} of {c['shards']} shards "
               f"run now in {t['wall_seconds']:.1f}s ({t['articles_per_second'] or 0:.1f} articles/s) -> {out}",
               err=True)
    if not m["complete"]:
        failed = m["failed_shards"]
        why = f" ({failed[0]['shard']}: {failed[0]['reason']})" if failed else ""
        click.echo(f"quotegraph: error: {c['shards'] - c['shards_done']} shards not done{why}; "
                   "rerun the same command to retry them", err=True)
        sys.exit(1)
    if c["errors"]:
        click.echo(f"quotegraph: {c['errors']} inputs failed; {Path(out) / 'errors.jsonl'} says why", err=True)
        sys.exit(EXIT_INPUT)
