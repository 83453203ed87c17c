"""Options shared by several commands, declared once."""

from __future__ import annotations

import click

from ..pipeline import DEFAULT_TIER, TIERS
from ..read.dates import parse_iso
from ..store.db import DEFAULT_DB


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
db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="QUOTEGRAPH_DB", metavar="FILE",
    help="The SQLite store (also $QUOTEGRAPH_DB).")
