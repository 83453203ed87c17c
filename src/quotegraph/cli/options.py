"""Options shared by several commands, declared once."""

from __future__ import annotations

import functools

import click

from ..pipeline import DEFAULT_TIER, TIERS
from ..read.dates import parse_iso
from ..store.db import DEFAULT_DB
from ..supervise import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, Budget

EXIT_INPUT = 2  # the exit code when some input could not be used (the rest was)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_iso(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


published_option = click.option(
    "--published", callback=_iso_date, metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none (anchors 'on Thursday').")
tier_option = click.option(
    "--tier", type=click.Choice(TIERS), default=DEFAULT_TIER, show_default=True,
    help="fast: spaCy rules and a linear model; accurate: a MiniLM tagger on ONNX Runtime (README, Tiers).")
model_option = click.option(
    "--model", default=None, metavar="NAME_OR_PATH",
    help="Any spaCy pipeline to use instead of the pinned en_core_web_sm 3.8.0.")


def _budget(ctx: click.Context, param: click.Parameter, value: float) -> float | None:
    return value or None  # 0: no limit


def budget_options(f):  # noqa: ANN001, ANN201 (a click decorator)
    """--article-timeout and --max-memory, turned into a `budget` argument (supervise.Budget)."""
    f = click.option("--max-memory", "max_memory", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB,
                     show_default=True, metavar="MB", callback=_budget,
                     help="Memory ceiling of each extraction process; an article that pushes it "
                          "past this is stopped and reported (0: no limit; Linux only).")(f)
    f = click.option("--article-timeout", "article_timeout", type=click.FloatRange(min=0),
                     default=DEFAULT_TIMEOUT_S, show_default=True, metavar="SECONDS", callback=_budget,
                     help="Time one article may take; a slower one is stopped and reported (0: no limit).")(f)

    @functools.wraps(f)
    def wrapper(*args, article_timeout: float | None, max_memory: int | None, **kwargs):  # noqa: ANN002, ANN003, ANN202
        return f(*args, budget=Budget(article_timeout, max_memory), **kwargs)

    return wrapper
db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="QUOTEGRAPH_DB", metavar="FILE",
    help="The SQLite store (also $QUOTEGRAPH_DB).")
