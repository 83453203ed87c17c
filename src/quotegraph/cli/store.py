"""Store commands: ingest, search, speakers, speaker, cluster, export (thin over quotegraph.store)."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import sys
import textwrap
import time
from pathlib import PurePath
from typing import Any

import click

from ..display import as_plain, content_segments, count, range_of, speaker_label
from ..errors import StoreError
from ..store import browse, drift, queries
from ..store.db import connect
from ..store.export import FORMATS, TABLES, write_csv, write_jsonl, write_parquet, write_plover
from ..store.fts import DEFAULT_SYNTAX, SYNTAXES
from ..store.ingest import IngestStats
from ..store.ingest import ingest as run_ingest
from ..supervise import Budget
from ..vocab import ACTS, KINDS
from .drift import open_for_drift, print_aligned
from .options import (
    _iso_date,
    budget_options,
    db_option,
    model_option,
    published_option,
    tier_option,
)

LOG_EVERY_S = 30.0  # without a terminal, one progress line this often keeps logs quiet
MAX_ERRORS_SHOWN = 20  # the rest are in the errors table

format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
    show_default=True, help="A readable table, one JSON object per line, or CSV.")


def _reader(db: str):
    return connect(db, readonly=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@published_option
@model_option
@tier_option
@budget_options
def ingest(paths: tuple[str, ...], db: str, published: str | None, model: str | None, tier: str,
           budget: Budget) -> None:
    """Extract statements from PATHS (files, directories, JSONL) and store them in the database.

    A `quotegraph batch` output directory is loaded as it is, without extracting again. Rerunning
    is safe: stored articles are skipped, changed ones replace their old version.
    """
    from ..batch.outputs import is_output, read_outputs
    from ..supervise import Supervisor

    conn = connect(db)
    bar = None
    last_log = [time.monotonic()]
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", desc="ingest", file=sys.stderr, dynamic_ncols=True)

    def progress(stats: IngestStats) -> None:
        if bar is not None:
            bar.update(stats.articles - bar.n)
            bar.set_postfix(statements=stats.statements, unchanged=stats.unchanged,
                            errors=stats.failed, refresh=False)
        elif time.monotonic() - last_log[0] >= LOG_EVERY_S:
            last_log[0] = time.monotonic()
            click.echo(f"quotegraph: ingest: {stats.articles} articles "
                       f"({stats.articles / max(stats.seconds, 1e-9):.1f}/s), "
                       f"{stats.statements} statements, {stats.failed} errors", err=True)

    shown = [0]

    def error(source: str, reason: str) -> None:
        shown[0] += 1
        if shown[0] <= MAX_ERRORS_SHOWN:
            line = f"quotegraph: skipped {source}: {reason}"
            if bar is not None:
                bar.write(line, file=sys.stderr)
            else:
                click.echo(line, err=True)

    try:
        outputs = [p for p in paths if is_output(p)]
        with Supervisor(model, tier, budget) as sup:
            stats = run_ingest(conn, [p for p in paths if p not in outputs], process=sup.process,
                               published=published, on_progress=progress, on_error=error,
                               results=(r for out in outputs for r in read_outputs(out)))
    finally:
        if bar is not None:
            bar.close()
    if shown[0] > MAX_ERRORS_SHOWN:
        click.echo(f"quotegraph: … and {shown[0] - MAX_ERRORS_SHOWN} more skipped", err=True)
    click.echo(f"quotegraph: {stats.summary()}", err=True)
    conn.close()
    if stats.failed:
        sys.exit(2)


def _width() -> int:
    return max(80, min(shutil.get_terminal_size((120, 20)).columns, 200))


def _print_items(conn: sqlite3.Connection, items: list[dict[str, Any]], fmt: str, *,
                 footer: str | None = None) -> None:
    """Statement items as JSONL, CSV or a table (quoting only what is verbatim in the article)."""
    if fmt == "jsonl":
        for it in items:
            click.echo(json.dumps(it, ensure_ascii=False))
        return
    flat = [_flat(it) for it in items]
    if fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(_FLAT_FIELDS))
        w.writeheader()
        w.writerows(flat)
        return
    texts = queries.article_texts(conn, [it["article_id"] for it in items])
    widths = (10, 26, 22)
    quote_w = max(30, _width() - sum(widths) - 2 * len(widths))
    for it, f in zip(items, flat, strict=True):
        text = texts.get(it["article_id"])
        quote = (as_plain(content_segments(text, it["spans"]["content"], it["kind"])) if text
                 else f["content"])
        cells = [[(f["date"] or "")[:10]], textwrap.wrap(_who(it), widths[1]) or ["?"],
                 textwrap.wrap(_where(it), widths[2], max_lines=2, placeholder=" …") or [""]]
        lines = textwrap.wrap(quote, quote_w) or [""]
        for i in range(max(len(lines), *(len(c) for c in cells))):
            row = "  ".join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True))
            click.echo(f"{row}  {lines[i] if i < len(lines) else ''}".rstrip())
    if footer:
        click.echo(footer)


def _who(it: dict[str, Any]) -> str:
    name = it["speaker"]["name"] if it["speaker"] else (it["speaker_as_written"] or it["source"] or "?")
    label = speaker_label(name, it.get("speaker_via"), it["source"])
    return f"{label} [corrected]" if "speaker" in it.get("corrected", []) else label


def _where(it: dict[str, Any]) -> str:
    """Outlet and title, else the source file's name (never its directory)."""
    art = it["article"]
    parts = [art["outlet"], art["title"] or (PurePath(art["source"]).name if art["source"] else None)]
    return ": ".join(p for p in parts if p) or (art["url"] or "")


_FLAT_FIELDS = ("id", "article_id", "date", "speaker", "speaker_id", "speaker_as_written", "speaker_via",
                "kind", "act", "speech", "content", "cue", "cluster_id", "outlet", "article_title",
                "article_source", "article_url", "corrected")


def _flat(it: dict[str, Any]) -> dict[str, Any]:
    art = it["article"]
    return {"id": it["id"], "article_id": it["article_id"], "date": it["date"] or art["published"],
            "speaker": it["speaker"]["name"] if it["speaker"] else None,
            "speaker_id": it["speaker"]["id"] if it["speaker"] else None,
            "speaker_as_written": it["speaker_as_written"], "speaker_via": it.get("speaker_via"),
            "kind": it["kind"], "act": it.get("act"), "speech": it.get("speech"), "content": it["content"],
            "cue": it["cue"], "cluster_id": it["cluster_id"], "outlet": art["outlet"],
            "article_title": art["title"], "article_source": art["source"], "article_url": art["url"],
            "corrected": ",".join(it.get("corrected", []))}


SPEECH_CHOICES = {"yes": True, "no": False, "any": None}


@click.command()
@click.argument("query", required=False)
@click.option("--syntax", type=click.Choice(SYNTAXES), default=DEFAULT_SYNTAX, show_default=True,
              help="plain: the words and \"phrases\" as typed (a trailing * is a prefix); "
                   "fts: SQLite FTS5 syntax (AND, OR, NOT, NEAR, column:).")
@click.option("--speaker", metavar="NAME", help="Only statements by this speaker (any alias or surname).")
@click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="On or after this date.")
@click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="On or before this date.")
@click.option("--outlet", metavar="NAME", help="Only articles from this outlet.")
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind.")
@click.option("--act", type=click.Choice(ACTS), help="Only this speech act (docs/acts.md).")
@click.option("--speech", type=click.Choice(list(SPEECH_CHOICES)), default="any", show_default=True,
              help="yes: only what was said or written; no: only thoughts, beliefs, wishes, feelings "
                   "and findings; any: both.")
@click.option("--order", type=click.Choice(queries.ORDERS), default="rank", show_default=True,
              help="Relevance, oldest first (date) or newest first (-date).")
@click.option("--limit", type=click.IntRange(1, queries.MAX_PAGE_SIZE), default=20, show_default=True)
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@format_option
@db_option
def search(query: str | None, syntax: str, speaker: str | None, since: str | None, until: str | None,
           outlet: str | None, kind: str | None, act: str | None, speech: str, order: str, limit: int,
           page: int, fmt: str, db: str) -> None:
    """Search statements for the words of QUERY (plain words and "phrases"; --syntax fts for FTS5).

    Without QUERY, lists the statements the filters select. Every statement is listed, speech
    or not, unless --speech says otherwise (the web page shows speech only by default).
    """
    conn = _reader(db)
    items, total = queries.search_statements(conn, query, syntax=syntax, speaker=speaker, since=since,
                                             until=until, outlet=outlet, kind=kind, act=act,
                                             speech=SPEECH_CHOICES[speech], page=page, size=limit,
                                             order=order)
    _print_items(conn, items, fmt, footer=range_of((page - 1) * limit, len(items), total, "statement"))


@click.command()
@click.option("--query", "-q", metavar="NAME", help="Only speakers whose name or alias matches.")
@click.option("--limit", type=click.IntRange(1, queries.MAX_PAGE_SIZE), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@db_option
def speakers(query: str | None, limit: int, fmt: str, db: str) -> None:
    """List canonical speakers with titles, affiliations, counts and first/last dates."""
    items, total = queries.list_speakers(_reader(db), query, size=limit)
    if fmt == "jsonl":
        for it in items:
            click.echo(json.dumps(it, ensure_ascii=False))
        return
    for it in items:
        dates = f"{it['first_date'] or '?'} – {it['last_date'] or '?'}"
        click.echo(f"{it['name']}  ({it['type']}; {count(it['n_statements'], 'statement')} in "
                   f"{count(it['n_articles'], 'article')}; {dates})  id={it['id']}")
        if it["titles"]:
            click.echo(f"    titles: {'; '.join(it['titles'])}")
        if it["affiliations"]:
            click.echo(f"    affiliations: {'; '.join(it['affiliations'])}")
        if len(it["aliases"]) > 1:
            click.echo(f"    also written: {'; '.join(it['aliases'])}")
        if it.get("acts"):
            click.echo(f"    acts: {', '.join(f'{a} {n}' for a, n in it['acts'].items())}")
    click.echo(range_of(0, len(items), total, "speaker"))


@click.command()
@click.argument("name")
@format_option
@db_option
def speaker(name: str, fmt: str, db: str) -> None:
    """Show one speaker's statements as a timeline (NAME may be an alias, surname or id)."""
    conn = _reader(db)
    ids = queries.find_speaker_ids(conn, name)
    if not ids:
        raise StoreError(f"no speaker matches {name!r} (try `quotegraph speakers --query`)")
    if len(ids) > 1 and fmt == "table":
        click.echo(f"{len(ids)} speakers match {name!r}:")
    for sid in ids:
        sp = queries.get_speaker(conn, sid, size=queries.MAX_PAGE_SIZE)
        if sp is None:
            continue
        if fmt == "table":
            role = "; ".join(sp["titles"] + sp["affiliations"])
            click.echo(f"\n{sp['name']}{f' ({role})' if role else ''}: {count(sp['n_statements'], 'statement')}, "
                       f"{sp['first_date'] or '?'} – {sp['last_date'] or '?'}")
        _print_items(conn, sp["statements"], fmt)


@click.command()
@click.argument("cluster_id", required=False)
@click.option("--limit", type=click.IntRange(1, queries.MAX_PAGE_SIZE), default=20, show_default=True)
@format_option
@db_option
def cluster(cluster_id: str | None, limit: int, fmt: str, db: str) -> None:
    """Show who carried one quote, where and when, earliest first, each version aligned word by
    word with the fullest one (no ID: the widest clusters)."""
    conn = _reader(db)
    if cluster_id is None:
        items, total = browse.page(conn, browse.clusters(), size=limit)
        for c in items:
            click.echo(f"{c['id']}  {count(c['n_statements'], 'statement')}, {count(c['n_outlets'], 'outlet')}, "
                       f"{c['first_date'] or '?'} – {c['last_date'] or '?'}  "
                       f"{textwrap.shorten(c['representative'], 80)}")
        click.echo(range_of(0, len(items), total, "cluster"))
        return
    c = queries.get_cluster(conn, cluster_id)
    if c is None:
        raise StoreError(f"no cluster {cluster_id!r} (list them with `quotegraph cluster`)")
    c = drift.annotate(conn, c)
    if fmt == "table":
        click.echo(f"{c['representative']}\n{count(c['n_statements'], 'statement')} in "
                   f"{count(c['n_articles'], 'article')} from {count(c['n_outlets'], 'outlet')}, "
                   f"{c['first_date'] or '?'} – {c['last_date'] or '?'}")
        print_aligned(c)
        return
    _print_items(conn, c["statements"], fmt)


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--table", type=click.Choice(TABLES), default="statements", show_default=True,
              help="Statements; drift: one row per version of every cluster (docs/drift.md); "
                   "corrections: every correction people made (docs/store.md); people: everyone each "
                   "article names, quoted or not (docs/sources.md).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="File to write (default stdout; required for parquet).")
@db_option
def export(fmt: str, table: str, out: str | None, db: str) -> None:
    """Write every statement joined with its speaker and article (JSONL, CSV, Parquet, or
    PLOVER-style event JSONL), or with --table drift how each quote changed between outlets, or
    with --table corrections every correction people made (docs/store.md#corrections), or with
    --table people every person each article names, with gender and whether it quotes them."""
    if table != "statements" and fmt == "plover":
        raise click.UsageError(f"--table {table} is written as jsonl, csv or parquet")
    conn = open_for_drift(db) if table == "drift" else _reader(db)
    if fmt == "parquet":
        if not out:
            raise click.UsageError("--format parquet needs --out FILE")
        n = write_parquet(conn, out, table)
    else:
        writer = {"jsonl": write_jsonl, "csv": write_csv, "plover": write_plover}[fmt]
        args = () if fmt == "plover" else (table,)
        if out:
            with open(out, "w", encoding="utf-8", newline="") as f:
                n = writer(conn, f, *args)
        else:
            n = writer(conn, sys.stdout, *args)
    if out:
        noun = {"statements": "statement", "drift": "drift row", "corrections": "correction",
                "people": "person row"}[table]
        click.echo(f"quotegraph: wrote {count(n, noun)} to {out}", err=True)
