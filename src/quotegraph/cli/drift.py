"""`quotegraph drift`, and the aligned versions that `quotegraph cluster ID` prints (docs/drift.md)."""

from __future__ import annotations

import csv
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

import click

from ..errors import StoreError
from ..store import drift as store_drift
from ..store.align import shorten_middle
from ..store.db import connect
from .options import _iso_date, db_option

TABLE_LIMIT = 20  # clusters a table shows unless --limit says otherwise; JSONL and CSV list all
MARKERS = {"ins": ("{+", "+}", "green"), "del": ("[-", "-]", "red"), "note": ("{~", "~}", "yellow")}
LEGEND = "[-left out-]  {+added+}  {~was → now~} noted, not counted  (outside quote marks)"


def open_for_drift(db: str):
    """The store, with drift computed for any cluster that has none yet (written if it can be)."""
    if not Path(db).exists():
        raise StoreError(f"no store at {db} (create one with `quotegraph ingest PATH --db {db}`)")
    try:
        conn = connect(db)
    except StoreError as e:  # a read-only file: show what is stored
        click.echo(f"quotegraph: {e}; showing the drift stored so far", err=True)
        return connect(db, readonly=True)
    pending = len(store_drift.pending(conn))
    if pending:
        click.echo(f"quotegraph: computing drift for {pending} clusters", err=True)
        store_drift.refresh(conn)
    return conn


def marked(segments: list[dict[str, str]]) -> str:
    """A version with its differences marked: [-left out-], {+added+}, {~was → now~}."""
    out = []
    for s in segments:
        sep, text, op = s.get("sep", ""), s["text"], s["op"]
        if op == "same":
            out.append(sep + text)
            continue
        if op == "out":
            out.append(sep + click.style(f"({text})", dim=True))
            continue
        left, right, colour = MARKERS[op]
        if op == "del" and s.get("why") == "trimmed":
            text = shorten_middle(text)
        if op == "note" and s.get("was"):
            text = f"{s['was']} → {text}"
        out.append(sep + click.style(f"{left}{text}{right}", fg=colour))
    return "".join(out)


def print_aligned(c: dict[str, Any]) -> None:
    """Every version of an annotated cluster (drift.annotate), earliest first, differences marked."""
    d = c.get("drift")
    if d:
        click.echo(f"drift {d['score']}: {d['reason']}")
        click.echo(click.style(LEGEND, dim=True))
    for st in c["statements"]:
        dr = st.get("drift")
        tags = []
        if dr:
            tags = [t for t, on in (("origin", dr["origin"]), ("reference", dr["reference"])) if on]
            tags += dr["labels"]
            tags += [t for t, on in (("negation changed", dr["negation_changed"]),
                                     ("number changed", dr["numbers_changed"])) if on]
        who = (st["speaker"] or {}).get("name") or st["speaker_as_written"] or ""
        art = st["article"]
        click.echo(f"\n{art['published'] or 'undated':<10}  {art['outlet'] or art['source'] or '?'}  · {who}"
                   f"  [{', '.join(tags)}]" + (f"  score {dr['score']}" if dr else ""))
        click.echo(textwrap.indent(marked(dr["segments"]) if dr else st["content"], "    "))
        if dr:
            click.echo(click.style(textwrap.indent(textwrap.fill(dr["reason"], 100), "    "), dim=True))


@click.command("drift")
@click.option("--min-score", type=click.FloatRange(min=0), default=None,
              help="Only clusters scoring at least this (default: any drift, a score above 0).")
@click.option("--outlet", metavar="NAME", help="Only clusters where this outlet's version drifted.")
@click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD",
              help="Only clusters with a drifted version published on or after this date.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help=f"At most this many clusters (default: {TABLE_LIMIT} in a table, all in JSONL and CSV).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Clusters as a table, or one JSON object / CSV row per version.")
@db_option
def drift(min_score: float | None, outlet: str | None, since: str | None, limit: int | None,
          fmt: str, db: str) -> None:
    """Quotes that changed between outlets, the worst first (docs/drift.md).

    Every version of a cluster with drift is listed in JSONL and CSV, the origin (earliest
    published) and the unchanged ones included: cluster_id, statement_id, article_id, outlet,
    published, origin, labels, negation_changed, numbers_changed, score, reason.
    """
    conn = open_for_drift(db)
    size = limit or (TABLE_LIMIT if fmt == "table" else None)
    items, total = store_drift.list_clusters(conn, min_score=min_score, outlet=outlet, since=since, size=size)
    if fmt == "table":
        for it in items:
            labels = ", ".join(f"{k} {n}" for k, n in it["labels"].items())
            click.echo(f"{it['score']:>6}  {it['cluster_id']}  {it['n_versions']} versions, "
                       f"{it['n_outlets']} outlets, from {it['first_published'] or 'undated'}  ({labels})")
            click.echo(f"        “{textwrap.shorten(it['representative'], 100)}”")
            click.echo(textwrap.indent(textwrap.fill(it["reason"], 100), "        "))
        click.echo(f"{len(items)} of {total} clusters with drift"
                   + (" (`quotegraph cluster ID` shows one word by word)" if items else ""))
        return
    records = store_drift.version_records(conn, [it["cluster_id"] for it in items])
    if fmt == "jsonl":
        for it in items:
            for r in records[it["cluster_id"]]:
                click.echo(json.dumps(r, ensure_ascii=False))
        return
    w = csv.DictWriter(sys.stdout, fieldnames=list(store_drift.JSONL_FIELDS))
    w.writeheader()
    for it in items:
        w.writerows({**r, "labels": ";".join(r["labels"])} for r in records[it["cluster_id"]])
