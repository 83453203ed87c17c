"""`quotegraph stats`: who gets quoted, per outlet and month (thin over store.sources)."""

from __future__ import annotations

import csv
import json
import sys
import textwrap
from typing import Any

import click

from ..errors import QueryError
from ..store.db import connect
from ..store.sources import DEFAULT_TOP, GROUPINGS, Scope, source_stats
from .options import db_option


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.1%}"


def _top_list(people: list[dict[str, Any]]) -> str:
    return "; ".join(f"{p['name']} ({p['statements']})" for p in people)


def flat_row(g: dict[str, Any], by: list[str]) -> dict[str, Any]:
    """One group as a flat CSV row (shares as fractions, top people as "Name (n); …")."""
    row = {k: g.get(k) for k in by}
    row.update({k: g[k] for k in ("articles", "statements", "anonymous_share", "people_quoted", "sources",
                                  "women", "men", "gender_unknown", "women_share", "unknown_share",
                                  "people_mentioned", "quoted_share")})
    row.update({f"speakers_{k}": v for k, v in g["speakers"].items()})
    row.update({f"top_{k}": _top_list(v) for k, v in g["top"].items()})
    return row


def _label(g: dict[str, Any], by: list[str]) -> str:
    if not by:
        return "all"
    return " · ".join(str(g.get(k) or f"(no {k})") for k in by)


def _table(data: dict[str, Any]) -> str:
    by = data["by"]
    head = ["group", "articles", "statements", "anon", "person/org/country", "people", "sources",
            "women", "unknown", "mentioned", "quoted"]
    rows = []
    for g in [*data["groups"], {**data["total"], "_total": True}]:
        sp = g["speakers"]
        rows.append(["total" if g.get("_total") else _label(g, by), str(g["articles"]), str(g["statements"]),
                     _pct(g["anonymous_share"]), f"{sp['person']}/{sp['organization']}/{sp['country']}",
                     str(g["people_quoted"]), str(g["sources"]), _pct(g["women_share"]),
                     _pct(g["unknown_share"]), str(g["people_mentioned"]), _pct(g["quoted_share"])])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
             for r in [head, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(-1, lines[1])
    scope = "speech only" if data["speech_only"] else "all statements (speech or not)"
    dates = f", articles published {data['since'] or '…'} to {data['until'] or '…'}" if (
        data["since"] or data["until"]) else ""
    out = [f"Who gets quoted ({scope}{dates})", "", *lines, "",
           *textwrap.wrap("anon: share of statements from unnamed sources; people: distinct persons quoted; "
                          "sources: a person quoted in an article; women: share of women among sources whose "
                          "gender is known; unknown: share of sources with no gender; quoted: share of the "
                          "people mentioned who are quoted (docs/sources.md).", 100)]
    tops = [(g, _label(g, by)) for g in data["groups"]] if by else []
    tops.append((data["total"], "total"))
    out += ["", "Most quoted people (statements)"]
    for g, label in tops:
        parts = [f"{gender if gender != 'unknown' else 'gender unknown'}: {_top_list(people)}"
                 for gender, people in g["top"].items() if people]
        if parts:
            out.append(f"  {label}")
            out += [f"    {p}" for p in parts]
    return "\n".join(out)


@click.command()
@click.option("--by", type=click.Choice(GROUPINGS), default="outlet", show_default=True,
              help="Group by outlet, by month of publication, by both, or none (one line).")
@click.option("--since", metavar="DATE", help="Articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Articles published on or before DATE (a month or year means all of it).")
@click.option("--all-statements", "all_statements", is_flag=True,
              help="Count thoughts, beliefs and findings too (default: speech only, as the Gender Gap Tracker).")
@click.option("--top", type=click.IntRange(0, 100), default=DEFAULT_TOP, show_default=True,
              help="How many of the most quoted people to list per gender (per group, and for the total; "
                   "with --by outlet,month for the total only).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@db_option
def stats(by: str, since: str | None, until: str | None, all_statements: bool, top: int, fmt: str, db: str) -> None:
    """Who gets quoted, per outlet and/or month: articles, statements, the split of person,
    organisation, country and anonymous speakers, the share of women among the people quoted
    (and of those with no gender), the people mentioned who get to speak, and the most quoted
    people per gender. What each figure means and cannot tell: docs/sources.md."""
    try:
        scope = Scope.parse(by, since, until, speech_only=not all_statements)
    except QueryError as e:
        raise click.UsageError(f"--{e}") from None  # "--since '…': expected …"
    conn = connect(db, readonly=True)
    try:
        data = source_stats(conn, scope, top)
    finally:
        conn.close()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        groups = data["groups"] if scope.by else [data["total"]]
        rows = [flat_row(g, data["by"]) for g in groups]
        w = csv.DictWriter(sys.stdout, fieldnames=list(flat_row(data["total"], data["by"])), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        click.echo(_table(data))
