"""Sortable, paginated listings of speakers, articles, outlets and clusters (the browse pages).

`speakers(…)`, `articles(…)`, `outlets(…)` and `clusters(…)` describe a listing; `page` reads
one page of it as (items, total) and `stream` every item, in the same order, for a download. A
sort is a key from the listing's SORTS, "-" first for descending. Counts are read from indexes
and summaries (migration 0006), so a page costs milliseconds on 100k statements.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import QueryError
from .queries import MAX_PAGE_SIZE

# sort key -> SQL expression; those that can be NULL (no date, no outlet) sort last either way.
SPEAKER_SORTS = {"statements": "c.n_statements", "articles": "c.n_articles", "name": "sp.name COLLATE NOCASE",
                 "first": "c.first_date", "last": "c.last_date"}
ARTICLE_SORTS = {"published": "a.published", "title": "a.title COLLATE NOCASE",
                 "outlet": "a.outlet COLLATE NOCASE", "statements": "a.n_statements"}
OUTLET_SORTS = {"articles": "n_articles", "statements": "n_statements", "name": "outlet COLLATE NOCASE",
                "first": "first_date", "last": "last_date"}
CLUSTER_SORTS = {"outlets": "n_outlets", "articles": "n_articles", "statements": "n_statements",
                 "first": "first_date", "last": "last_date"}
NOT_NULL = {"c.n_statements", "c.n_articles", "sp.name COLLATE NOCASE", "a.n_statements", "n_articles",
            "n_statements", "n_outlets", "outlet COLLATE NOCASE"}
DEFAULT_SORTS = {"speakers": "-statements", "articles": "-published", "outlets": "-articles",
                 "clusters": "-outlets"}


def order_by(sort: str, sorts: dict[str, str], tie: str) -> str:
    """The ORDER BY clause for a sort key ("-" first for descending); QueryError if unknown.

    `tie` (a unique key) breaks ties in the same direction, so an index on the sort column,
    which holds the key after it, gives the order without sorting.
    """
    key = sort.removeprefix("-")
    if key not in sorts:
        raise QueryError(f"unknown sort {sort!r} (expected one of {', '.join(sorts)}, each may start with -)")
    expr = sorts[key]
    if sort.startswith("-"):  # SQLite puts NULLs last in descending order already
        return f"{expr} DESC, {tie} DESC"
    return f"{expr}{'' if expr in NOT_NULL else ' NULLS LAST'}, {tie}"


@dataclass(frozen=True)
class Listing:
    """One browse listing as SQL: rows (ordered, without LIMIT) and their count."""

    rows_sql: str
    count_sql: str
    params: tuple[Any, ...] = ()
    # Turns a batch of rows into items (adds what needs a second look-up for those rows only).
    items: Callable[[sqlite3.Connection, list[sqlite3.Row]], list[dict[str, Any]]] = field(
        default=lambda conn, rows: [dict(r) for r in rows])


def page(conn: sqlite3.Connection, listing: Listing, page: int = 1, size: int = 50
         ) -> tuple[list[dict[str, Any]], int]:
    """One page of a listing: (items, total)."""
    if page < 1 or size < 1:
        raise QueryError("page and size must be positive")
    size = min(size, MAX_PAGE_SIZE)
    total = conn.execute(listing.count_sql, listing.params).fetchone()[0]
    rows = conn.execute(f"{listing.rows_sql} LIMIT ? OFFSET ?", (*listing.params, size, (page - 1) * size))
    return listing.items(conn, rows.fetchall()), total


def stream(conn: sqlite3.Connection, listing: Listing, limit: int, batch: int = 500
           ) -> Iterator[dict[str, Any]]:
    """Up to `limit` items of a listing, in its order, read in batches (for downloads)."""
    cur = conn.execute(f"{listing.rows_sql} LIMIT ?", (*listing.params, limit))
    while chunk := cur.fetchmany(batch):
        yield from listing.items(conn, chunk)


def _with_roles(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """Speaker rows with the title and affiliation of their latest statement that has one."""
    items = [dict(r) for r in rows]
    for i in items:
        # Newest first along the (speaker_id, date) index: usually the first row answers.
        r = conn.execute("SELECT title, affiliation FROM statements WHERE speaker_id = ? AND "
                         "(title IS NOT NULL OR affiliation IS NOT NULL) ORDER BY date DESC LIMIT 1",
                         (i["id"],)).fetchone()
        i["title"], i["affiliation"] = (r[0], r[1]) if r else (None, None)
    return items


def speakers(q: str | None = None, sort: str = DEFAULT_SORTS["speakers"]) -> Listing:
    """Speakers with statements: {id, name, type, n_statements, n_articles, first_date,
    last_date, title, affiliation} (the latest title and affiliation); `q` is a substring of a
    name or an alias."""
    order = order_by(sort, SPEAKER_SORTS, "c.speaker_id")
    where, params = "", ()
    if q and q.strip():
        like = f"%{q.strip()}%"
        where = (" WHERE sp.id IN (SELECT id FROM speakers WHERE name LIKE ? UNION "
                 "SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?)")
        params = (like, like)
    # speaker_stats (migration 0006) is kept by triggers: no statement is read to list them.
    joined = "FROM speaker_stats c JOIN speakers sp ON sp.id = c.speaker_id"
    # Every speaker_stats row has its speaker (foreign key), so without a filter it counts alone.
    count = f"SELECT count(*) {joined}{where}" if where else "SELECT count(*) FROM speaker_stats"
    rows = (f"SELECT sp.id, sp.name, sp.type, c.n_statements, c.n_articles, c.first_date, c.last_date "
            f"{joined}{where} ORDER BY {order}")
    return Listing(rows, count, params, _with_roles)


def articles(outlet: str | None = None, q: str | None = None, sort: str = DEFAULT_SORTS["articles"]) -> Listing:
    """Articles without their text: {id, title, outlet, published, url, source, n_statements,
    ingested_at}; `outlet` filters, `q` is a substring of the title."""
    where, params = [], []
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if q and q.strip():
        where.append("a.title LIKE ?")
        params.append(f"%{q.strip()}%")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return Listing(f"SELECT a.id, a.title, a.outlet, a.published, a.url, a.source, a.n_statements, "
                   f"a.ingested_at FROM articles a{clause} ORDER BY {order_by(sort, ARTICLE_SORTS, 'a.rowid')}",
                   f"SELECT count(*) FROM articles a{clause}", tuple(params))


def outlets(sort: str = DEFAULT_SORTS["outlets"]) -> Listing:
    """Outlets: {outlet, n_articles, n_statements, first_date, last_date} (read from the
    (outlet, published, n_statements) index alone; articles without an outlet are left out)."""
    grouped = ("SELECT outlet, count(*) AS n_articles, sum(n_statements) AS n_statements, "
               "min(published) AS first_date, max(published) AS last_date FROM articles "
               "WHERE outlet IS NOT NULL GROUP BY outlet")
    return Listing(f"SELECT * FROM ({grouped}) ORDER BY {order_by(sort, OUTLET_SORTS, 'outlet')}",
                   "SELECT count(DISTINCT outlet) FROM articles")


def _cluster_items(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    return [{**dict(r), "stale": bool(r["stale"])} for r in rows]


def clusters(min_articles: int = 2, sort: str = DEFAULT_SORTS["clusters"]) -> Listing:
    """Quotes carried by at least `min_articles` articles: {id, representative, n_statements,
    n_articles, n_outlets, first_date, last_date, stale}. Counts are as of the end of the last
    ingest (`stale` while one is running)."""
    where = " FROM clusters WHERE n_articles >= ? OR stale = 1"
    return Listing(f"SELECT id, representative, n_statements, n_articles, n_outlets, first_date, last_date, "
                   f"stale{where} ORDER BY {order_by(sort, CLUSTER_SORTS, 'id')}",
                   f"SELECT count(*){where}", (min_articles,), _cluster_items)
