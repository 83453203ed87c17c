"""`quotegraph extract` and `quotegraph demo`."""

from __future__ import annotations

import json
import sys

import click

from ..errors import InputError
from ..examples import example_paths
from ..pipeline import DEFAULT_TIER
from ..read import read_articles
from ..record import to_dict
from ..render import format_table
from ..supervise import DEFAULT_BUDGET, Budget, Supervisor
from .options import budget_options, model_option, published_option, tier_option


def run_extract(paths: list[str], fmt: str, published: str | None, model: str | None,
                tier: str = DEFAULT_TIER, budget: Budget = DEFAULT_BUDGET) -> int:
    """Extract from `paths` and print results; returns the number of inputs that failed.

    Extraction runs in a supervised process under `budget`: an article that takes too long or
    too much memory is reported like any bad input, and the others come out.
    """
    failures = 0
    with Supervisor(model, tier, budget) as sup:
        for item in sup.process(read_articles(paths, published=published)):
            if isinstance(item, InputError):
                failures += 1
                click.echo(f"quotegraph: skipped {item}", err=True)
            elif fmt == "jsonl":
                click.echo(json.dumps(to_dict(item), ensure_ascii=False))
            else:
                click.echo(format_table(item))
    return failures


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True, help="One JSON record per article, or a readable table.")
@published_option
@model_option
@tier_option
@budget_options
def extract(files: tuple[str, ...], fmt: str, published: str | None, model: str | None, tier: str,
            budget: Budget) -> None:
    """Extract attributed statements from FILES (.txt .md .html .jsonl or directories)."""
    failures = run_extract(list(files), fmt, published, model, tier, budget)
    if failures:
        sys.exit(2)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table",
              show_default=True)
@model_option
@tier_option
def demo(fmt: str, model: str | None, tier: str) -> None:
    """Run extraction over the bundled example articles and print what was found."""
    run_extract([str(p) for p in example_paths()], fmt, None, model, tier)


