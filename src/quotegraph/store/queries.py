"""Named read queries over the store. Each returns plain dicts (JSON-ready) or None.

These are the store's read API for the CLI and the web layer. Every statement item has the
same shape (see `statement_item`) and carries `article_id`.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..errors import QueryError
from . import clusters
from .speakers import PERSON, given_compatible, parse_name

MAX_PAGE_SIZE = 1000
ORDERS = ("rank", "date", "-date")

_STATEMENT_COLUMNS = """
    s.seq, s.id, s.article_id, s.position, s.kind, s.content, s.cue, s.source, s.speaker,
    s.speaker_id, s.speaker_type, s.title, s.affiliation, s.addressee, s.venue, s.date,
    s.date_text, s.confidence, s.cluster_id, s.spans,
    s.act, s.act_confidence, s.target, s.target_name, s.target_type, s.negated, s.conditional,
    sp.name AS speaker_name, sp.type AS speaker_canonical_type,
    a.title AS article_title, a.source AS article_source, a.url AS article_url,
    a.outlet AS article_outlet, a.published AS article_published
"""
# A statement without its own date is dated by its article (for filters, order and timelines).
DATE = "coalesce(s.date, a.published)"
_STATEMENT_JOINS = """
    JOIN articles a ON a.id = s.article_id
    LEFT JOIN speakers sp ON sp.id = s.speaker_id
"""


RANK_MAX_HITS = 2000


def statement_item(row: sqlite3.Row) -> dict[str, Any]:
    """One statement as a plain dict.

    Shape: {id, article_id, position (order in the article), kind, content, cue, source, speaker: {id, name, type} | None,
    speaker_as_written, title, affiliation, addressee, venue, date, date_text, confidence,
    cluster_id, spans: {content: [[start, end], ...], cue, source, addressee, venue, date_text, target},
    article: {id, title, source, url, outlet, published}, act, act_confidence,
    target: {text, name, type} | None, negated, conditional}.
    """
    keys = row.keys()
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "position": row["position"],
        "kind": row["kind"],
        "content": row["content"],
        "cue": row["cue"],
        "source": row["source"],
        "speaker": ({"id": row["speaker_id"], "name": row["speaker_name"],
                     "type": row["speaker_canonical_type"]} if row["speaker_id"] else None),
        "speaker_as_written": row["speaker"],
        "title": row["title"],
        "affiliation": row["affiliation"],
        "addressee": row["addressee"],
        "venue": row["venue"],
        "date": row["date"],
        "date_text": row["date_text"],
        "confidence": row["confidence"],
        "cluster_id": row["cluster_id"],
        "spans": json.loads(row["spans"]),
        "article": {"id": row["article_id"], "title": row["article_title"],
                    "source": row["article_source"], "url": row["article_url"],
                    "outlet": row["article_outlet"], "published": row["article_published"]},
        "act": row["act"],
        "act_confidence": row["act_confidence"],
        "target": ({"text": row["target"], "name": row["target_name"], "type": row["target_type"]}
                   if row["target_name"] else None),
        "negated": bool(row["negated"]),
        "conditional": bool(row["conditional"]),
        **({"snippet": row["snippet"]} if "snippet" in keys else {}),
    }


def _page(page: int, size: int) -> tuple[int, int]:
    if page < 1 or size < 1:
        raise QueryError("page and size must be positive")
    size = min(size, MAX_PAGE_SIZE)
    return size, (page - 1) * size


def find_speaker_ids(conn: sqlite3.Connection, name: str) -> list[str]:
    """Ids of canonical speakers a name can mean: an id, a name, an alias, or a surname."""
    name = name.strip()
    if not name:
        return []
    direct = conn.execute("SELECT id FROM speakers WHERE id = ?", (name,)).fetchall()
    if direct:
        return [r[0] for r in direct]
    ids = {r[0] for r in conn.execute(
        "SELECT id FROM speakers WHERE name = ? COLLATE NOCASE "
        "UNION SELECT speaker_id FROM speaker_aliases WHERE alias = ? COLLATE NOCASE", (name, name))}
    p = parse_name(name, None) or parse_name(name.title(), None)
    if p is not None and p.kind == PERSON:
        for r in conn.execute("SELECT id, given_key FROM speakers WHERE surname_key = ?",
                              (p.surname_key,)):
            if given_compatible(r["given_key"] or "", p.given_key or ""):
                ids.add(r["id"])
    elif p is not None:
        ids.update(r[0] for r in conn.execute("SELECT id FROM speakers WHERE key = ?", (p.key,)))
    return sorted(ids)


def check_fts_query(conn: sqlite3.Connection, q: str) -> None:
    """Raise QueryError with a readable message if `q` is not valid FTS5 query syntax."""
    try:
        conn.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? LIMIT 1",
                     (q,)).fetchall()
    except sqlite3.OperationalError as e:
        if "locked" in str(e) or "busy" in str(e):
            raise
        raise QueryError(f"cannot parse search query {q!r} ({e}). Use words, \"exact phrases\", "
                         "AND / OR / NOT, prefix*, or speaker: NAME") from None


def search_statements(conn: sqlite3.Connection, q: str | None = None, *,
                      speaker: str | None = None, since: str | None = None,
                      until: str | None = None, outlet: str | None = None,
                      kind: str | None = None, cluster: str | None = None,
                      act: str | None = None, page: int = 1, size: int = 20, order: str = "rank"
                      ) -> tuple[list[dict[str, Any]], int]:
    """Full-text (FTS5 syntax) search with filters; returns (statement items, total matches).

    `q` searches statement content and speaker names as written ("speaker: Ryabkov" narrows to
    the name column). `speaker` matches canonical speakers by name, alias or surname. Dates are
    inclusive YYYY-MM-DD bounds on the statement date. `order` is rank (FTS relevance; date
    without a query), date (oldest first) or -date (newest first); a query with more than
    RANK_MAX_HITS hits is listed newest stored first instead of by relevance. Items from a text query also
    carry `snippet`, the matched content with [brackets] round the hits.
    """
    if order not in ORDERS:
        raise QueryError(f"unknown order {order!r} (expected one of {', '.join(ORDERS)})")
    limit, offset = _page(page, size)
    where, params = [], []
    if speaker is not None:
        ids = find_speaker_ids(conn, speaker)
        if not ids:
            return [], 0
        where.append(f"s.speaker_id IN ({','.join('?' * len(ids))})")
        params += ids
    for value, clause in ((since, f"{DATE} >= ?"), (until, f"{DATE} <= ?"),
                          (outlet, "a.outlet = ? COLLATE NOCASE"), (kind, "s.kind = ?"),
                          (cluster, "s.cluster_id = ?"), (act, "s.act = ?")):
        if value:
            where.append(clause)
            params.append(value)
    text_query = bool(q and q.strip())
    if text_query:
        base = ("FROM statements_fts f JOIN statements s ON s.seq = f.rowid" + _STATEMENT_JOINS
                + " WHERE statements_fts MATCH ?")
        params = [q, *params]
        cols = _STATEMENT_COLUMNS + ", snippet(statements_fts, 0, '[', ']', '…', 24) AS snippet"
        order_by = {"rank": "f.rank", "date": f"{DATE}, s.seq", "-date": f"{DATE} DESC, s.seq DESC"}[order]
    else:
        base = "FROM statements s" + _STATEMENT_JOINS + " WHERE 1"
        cols = _STATEMENT_COLUMNS
        order_by = {"rank": f"{DATE} DESC, s.seq DESC", "date": f"{DATE}, s.seq",
                    "-date": f"{DATE} DESC, s.seq DESC"}[order]
    if text_query:
        # Unary + keeps the planner from driving the query off the speaker/kind indexes and
        # running MATCH once per row: the FTS index goes first, filters apply to its hits.
        where = [w.replace("s.", "+s.", 1) if w.startswith("s.") else w for w in where]
    base += "".join(f" AND {w}" for w in where)
    if text_query:
        check_fts_query(conn, q or "")
    if text_query and not where:
        # Every FTS row is one statement (triggers keep them in step) and every statement has
        # its article, so without filters the index alone gives the count, ~30x faster than
        # joining thousands of hits.
        total = conn.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?",
                             (q,)).fetchone()[0]
    else:
        total = conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    if text_query and order == "rank" and total > RANK_MAX_HITS:
        # bm25 scores every hit (about 1.5 µs each: 100 ms for a word in 77k statements), and
        # among thousands of hits for one common word it mostly rewards short statements;
        # the newest stored first is as useful and costs nothing.
        order_by = "f.rowid DESC"
    rows = conn.execute(f"SELECT {cols} {base} ORDER BY {order_by} LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return [statement_item(r) for r in rows], total


def get_statement(conn: sqlite3.Connection, statement_id: str) -> dict[str, Any] | None:
    """One statement item by id, or None."""
    row = conn.execute(f"SELECT {_STATEMENT_COLUMNS} FROM statements s {_STATEMENT_JOINS} "
                       "WHERE s.id = ?", (statement_id,)).fetchone()
    return statement_item(row) if row else None


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """An article with its text and statements in text order, or None.

    Shape: {id, source, url, title, published, outlet, text, ingested_at, statements: [item...]}.
    """
    a = conn.execute("SELECT id, source, url, title, published, outlet, text, ingested_at "
                     "FROM articles WHERE id = ?", (article_id,)).fetchone()
    if a is None:
        return None
    rows = conn.execute(f"SELECT {_STATEMENT_COLUMNS} FROM statements s {_STATEMENT_JOINS} "
                        "WHERE s.article_id = ? ORDER BY s.position", (article_id,)).fetchall()
    return {**dict(a), "statements": [statement_item(r) for r in rows]}


def list_articles(conn: sqlite3.Connection, *, page: int = 1, size: int = 50
                  ) -> tuple[list[dict[str, Any]], int]:
    """Articles newest first, without text: ({id, source, url, title, published, outlet, n_statements}, total)."""
    limit, offset = _page(page, size)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = conn.execute("SELECT id, source, url, title, published, outlet, n_statements FROM articles "
                        "ORDER BY published DESC, id LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return [dict(r) for r in rows], total


_SPEAKER_SUMMARY = """
    SELECT sp.id, sp.name, sp.type,
           count(s.seq) AS n_statements, count(DISTINCT s.article_id) AS n_articles,
           min(coalesce(s.date, a.published)) AS first_date,
           max(coalesce(s.date, a.published)) AS last_date
    FROM speakers sp JOIN statements s ON s.speaker_id = sp.id JOIN articles a ON a.id = s.article_id
"""


def _speaker_dict(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    sid = row["id"]
    seen = conn.execute("SELECT title, affiliation, count(*) AS n FROM statements WHERE speaker_id = ? "
                        "GROUP BY title, affiliation ORDER BY n DESC", (sid,)).fetchall()
    titles: dict[str, None] = {}
    affiliations: dict[str, None] = {}
    for r in seen:
        if r["title"]:
            titles.setdefault(r["title"])
        if r["affiliation"]:
            affiliations.setdefault(r["affiliation"])
    aliases = [r[0] for r in conn.execute(
        "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", (sid,))]
    return {"id": sid, "name": row["name"], "type": row["type"], "titles": list(titles),
            "affiliations": list(affiliations), "aliases": aliases, "acts": speaker_acts(conn, sid),
            "n_statements": row["n_statements"], "n_articles": row["n_articles"],
            "first_date": row["first_date"], "last_date": row["last_date"]}


def speaker_acts(conn: sqlite3.Connection, speaker_id: str) -> dict[str, int]:
    """A speaker's act profile: statements per act, most frequent first."""
    rows = conn.execute("SELECT act, count(*) AS n FROM statements WHERE speaker_id = ? AND act IS NOT NULL "
                        "GROUP BY act ORDER BY n DESC, act", (speaker_id,)).fetchall()
    return {r["act"]: r["n"] for r in rows}


def list_speakers(conn: sqlite3.Connection, q: str | None = None, *, page: int = 1,
                  size: int = 50) -> tuple[list[dict[str, Any]], int]:
    """Canonical speakers, most statements first; `q` matches names, aliases and surnames.

    Item shape: {id, name, type, titles: [...], affiliations: [...], aliases: [...],
    n_statements, n_articles, first_date, last_date}.
    """
    limit, offset = _page(page, size)
    where, params = "", []
    if q and q.strip():
        ids = set(find_speaker_ids(conn, q))
        like = f"%{q.strip()}%"
        ids.update(r[0] for r in conn.execute(
            "SELECT id FROM speakers WHERE name LIKE ? UNION "
            "SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?", (like, like)))
        if not ids:
            return [], 0
        where = f" WHERE sp.id IN ({','.join('?' * len(ids))})"
        params = sorted(ids)
    grouped = f"{_SPEAKER_SUMMARY}{where} GROUP BY sp.id"
    total = conn.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
    rows = conn.execute(f"{grouped} ORDER BY n_statements DESC, sp.name LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return [_speaker_dict(conn, r) for r in rows], total


def get_speaker(conn: sqlite3.Connection, speaker_id: str, *, page: int = 1,
                size: int = 100) -> dict[str, Any] | None:
    """One speaker (as in list_speakers) plus `statements`: a timeline, earliest first."""
    row = conn.execute(f"{_SPEAKER_SUMMARY} WHERE sp.id = ? GROUP BY sp.id", (speaker_id,)).fetchone()
    if row is None:
        return None
    limit, offset = _page(page, size)
    rows = conn.execute(f"SELECT {_STATEMENT_COLUMNS} FROM statements s {_STATEMENT_JOINS} "
                        f"WHERE s.speaker_id = ? ORDER BY {DATE} IS NULL, {DATE}, s.seq LIMIT ? OFFSET ?",
                        (speaker_id, limit, offset)).fetchall()
    return {**_speaker_dict(conn, row), "statements": [statement_item(r) for r in rows]}


def speaker_roles(conn: sqlite3.Connection, speaker_id: str) -> list[dict[str, Any]]:
    """Titles and affiliations a speaker was given, each with its date range, earliest first.

    Item shape: {title, affiliation, n_statements, first_date, last_date}.
    """
    rows = conn.execute(f"SELECT s.title, s.affiliation, count(*) AS n_statements, "
                        f"min({DATE}) AS first_date, max({DATE}) AS last_date "
                        "FROM statements s JOIN articles a ON a.id = s.article_id "
                        "WHERE s.speaker_id = ? AND (s.title IS NOT NULL OR s.affiliation IS NOT NULL) "
                        "GROUP BY s.title, s.affiliation ORDER BY first_date IS NULL, first_date, "
                        "n_statements DESC", (speaker_id,)).fetchall()
    return [dict(r) for r in rows]


def speaker_months(conn: sqlite3.Connection, speaker_id: str) -> list[dict[str, Any]]:
    """Statements per month (YYYY-MM) for one speaker, in month order; undated ones are left out."""
    rows = conn.execute(f"SELECT substr({DATE}, 1, 7) AS month, count(*) AS n FROM statements s "
                        "JOIN articles a ON a.id = s.article_id "
                        f"WHERE s.speaker_id = ? AND {DATE} IS NOT NULL GROUP BY month ORDER BY month",
                        (speaker_id,)).fetchall()
    return [dict(r) for r in rows]


def cluster_carriers(conn: sqlite3.Connection, cluster_ids: list[str]
                     ) -> dict[str, list[dict[str, Any]]]:
    """For each cluster id, who carried the quote where, earliest first (no text).

    Item shape: {statement_id, article_id, outlet, title, url, source, date}.
    """
    ids = sorted(set(cluster_ids))
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = conn.execute(f"SELECT s.cluster_id, s.id AS statement_id, s.article_id, a.outlet, a.title, "
                        f"a.url, a.source, {DATE} AS date FROM statements s "
                        "JOIN articles a ON a.id = s.article_id "
                        f"WHERE s.cluster_id IN ({','.join('?' * len(ids))}) "
                        f"ORDER BY s.cluster_id, {DATE} IS NULL, {DATE}, s.seq", ids).fetchall()
    for r in rows:
        item = dict(r)
        out[item.pop("cluster_id")].append(item)
    return out


def _cluster_dict(row: sqlite3.Row) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "representative", "n_statements", "n_articles", "n_outlets",
                                "first_date", "last_date", "stale")}


def get_cluster(conn: sqlite3.Connection, cluster_id: str) -> dict[str, Any] | None:
    """A cluster and its statements (who carried the quote, where, when), earliest first.

    Shape: {id, representative, n_statements, n_articles, n_outlets, first_date, last_date,
    statements: [item...]}.
    """
    row = conn.execute("SELECT * FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
    if row is None:
        return None
    rows = conn.execute(f"SELECT {_STATEMENT_COLUMNS} FROM statements s {_STATEMENT_JOINS} "
                        f"WHERE s.cluster_id = ? ORDER BY {DATE} IS NULL, {DATE}, a.ingested_at, s.seq",
                        (cluster_id,)).fetchall()
    items = [statement_item(r) for r in rows]
    # Summaries are computed from the members here, so they are exact even mid-ingest.
    dates = [d for d in (i["date"] or i["article"]["published"] for i in items) if d]
    return {**_cluster_dict(row), "n_statements": len(items),
            "n_articles": len({i["article_id"] for i in items}),
            "n_outlets": len({i["article"]["outlet"] or i["article"]["url"] or i["article"]["source"]
                              for i in items}),
            "first_date": min(dates, default=None), "last_date": max(dates, default=None),
            "statements": items}


def list_clusters(conn: sqlite3.Connection, *, min_articles: int = 2, page: int = 1,
                  size: int = 50) -> tuple[list[dict[str, Any]], int]:
    """Clusters carried by at least `min_articles` articles, widest first (no statements).

    Counts are as of the end of the last ingest (a running ingest refreshes them when it ends).
    """
    limit, offset = _page(page, size)
    total = conn.execute("SELECT count(*) FROM clusters WHERE n_articles >= ? OR stale = 1",
                         (min_articles,)).fetchone()[0]
    rows = conn.execute("SELECT * FROM clusters WHERE n_articles >= ? OR stale = 1 ORDER BY n_outlets DESC, "
                        "n_articles DESC, first_date LIMIT ? OFFSET ?",
                        (min_articles, limit, offset)).fetchall()
    return [_cluster_dict(r) for r in rows], total


def find_similar(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Stored statements quoting (nearly) the same words as `text`, via the LSH index."""
    toks = clusters.tokens(text)
    if not clusters.clusterable(toks):
        return []
    keys = clusters.band_keys(clusters.signatures([toks])[0])
    rows = conn.execute(f"SELECT DISTINCT {_STATEMENT_COLUMNS} FROM cluster_bands b "
                        f"JOIN statements s ON s.seq = b.seq {_STATEMENT_JOINS} "
                        f"WHERE b.key IN ({','.join('?' * len(keys))}) LIMIT ?",
                        (*keys, clusters.MAX_CANDIDATES)).fetchall()
    return [statement_item(r) for r in rows
            if clusters.same_quote(toks, clusters.tokens(r["content"]), b_indirect=r["kind"] == "indirect")][:limit]


def list_errors(conn: sqlite3.Connection, *, page: int = 1, size: int = 100
                ) -> tuple[list[dict[str, Any]], int]:
    """Inputs that could not be stored: ({id, source, reason, seen_at}, total)."""
    limit, offset = _page(page, size)
    total = conn.execute("SELECT count(*) FROM errors").fetchone()[0]
    rows = conn.execute("SELECT id, source, reason, seen_at FROM errors ORDER BY id LIMIT ? OFFSET ?",
                        (limit, offset)).fetchall()
    return [dict(r) for r in rows], total


def store_stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts for a dashboard: {articles, statements, speakers, clusters, errors, migrations}."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731 - a local shorthand
    return {"articles": one("SELECT count(*) FROM articles"),
            "statements": one("SELECT count(*) FROM statements"),
            "speakers": one("SELECT count(*) FROM speakers"),
            "clusters": one("SELECT count(*) FROM clusters"),
            "errors": one("SELECT count(*) FROM errors"),
            "migrations": [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]}
