"""Named read queries over the store. Each returns plain dicts (JSON-ready) or None.

These are the store's read API for the CLI and the web layer. Every statement item has the
same shape (see `statement_item`) and carries `article_id`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import QueryError
from . import clusters
from .fts import DEFAULT_SYNTAX, to_fts
from .speakers import PERSON, given_compatible, parse_name

MAX_PAGE_SIZE = 1000
ORDERS = ("rank", "date", "-date")

_STATEMENT_COLUMNS = """
    s.seq, s.id, s.article_id, s.position, s.kind, s.content, s.cue, s.source, s.speaker,
    s.speaker_id, s.speaker_type, s.title, s.affiliation, s.addressee, s.venue, s.date,
    s.date_text, s.confidence, s.cluster_id, s.spans,
    s.act, s.act_confidence, s.target, s.target_name, s.target_type, s.negated, s.conditional,
    s.speech, s.speaker_via, s.corrected, s.speaker_gender, s.speaker_gender_evidence, s.anonymous,
    sp.name AS speaker_name, sp.type AS speaker_canonical_type, sp.gender AS speaker_canonical_gender,
    sp.gender_evidence AS speaker_canonical_gender_evidence,
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

    Shape: {id, article_id, position (order in the article), kind, content, cue, source,
    speaker: {id, name, type, gender, gender_evidence} | None (gender: the store-wide one),
    speaker_as_written, title, affiliation, addressee, venue, date, date_text, confidence,
    cluster_id, spans: {content: [[start, end], ...], cue, source, addressee, venue, date_text, target},
    article: {id, title, source, url, outlet, published}, act, act_confidence,
    target: {text, name, type} | None, negated, conditional, speech, speaker_via,
    corrected: [fields a person corrected], speaker_gender_in_article,
    speaker_gender_evidence_in_article (what this article's text says of the speaker), anonymous}.
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
                     "type": row["speaker_canonical_type"], "gender": row["speaker_canonical_gender"],
                     "gender_evidence": row["speaker_canonical_gender_evidence"]}
                    if row["speaker_id"] else None),
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
        "speech": bool(row["speech"]),
        "speaker_via": row["speaker_via"],
        "corrected": row["corrected"].split(",") if row["corrected"] else [],
        "speaker_gender_in_article": row["speaker_gender"],
        "speaker_gender_evidence_in_article": row["speaker_gender_evidence"],
        "anonymous": bool(row["anonymous"]),
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


@dataclass(frozen=True, slots=True)
class Selection:
    """A statement search as SQL: `base` is "FROM … WHERE …" over s (statements), a (articles),
    sp (speakers) and, for a text query, f (statements_fts); `params` are its bound values."""

    base: str
    params: tuple[Any, ...]
    match: str | None  # the FTS5 expression, when there is a text query
    filtered: bool  # whether anything besides the text query narrows it
    empty: bool = False  # nothing can match (an unknown speaker, a query of punctuation only)
    speech_only: bool | None = None  # the speech filter, when it is the only filter


def select_statements(conn: sqlite3.Connection, q: str | None = None, *, syntax: str = DEFAULT_SYNTAX,
                      speaker: str | None = None, since: str | None = None, until: str | None = None,
                      outlet: str | None = None, kind: str | None = None, cluster: str | None = None,
                      act: str | None = None, speech: bool | None = None) -> Selection:
    """The statements a search means, as SQL (see search_statements for the arguments)."""
    match = to_fts(q, syntax)
    where: list[str] = []
    params: list[Any] = []
    empty = bool(q and q.strip()) and match is None  # only punctuation: nothing to find
    if speaker is not None:
        ids = find_speaker_ids(conn, speaker)
        empty = empty or not ids
        where.append(f"s.speaker_id IN ({','.join('?' * len(ids))})" if ids else "0")
        params += ids
    for value, clause in ((since, f"{DATE} >= ?"), (until, f"{DATE} <= ?"),
                          (outlet, "a.outlet = ? COLLATE NOCASE"), (kind, "s.kind = ?"),
                          (cluster, "s.cluster_id = ?"), (act, "s.act = ?")):
        if value:
            where.append(clause)
            params.append(value)
    if speech is not None:
        where.append("s.speech = ?")
        params.append(int(speech))
    if match is not None:
        base = ("FROM statements_fts f JOIN statements s ON s.seq = f.rowid" + _STATEMENT_JOINS
                + " WHERE statements_fts MATCH ?")
        params = [match, *params]
        # Unary + keeps the planner from driving the query off the speaker/kind indexes and
        # running MATCH once per row: the FTS index goes first, filters apply to its hits.
        where = [w.replace("s.", "+s.", 1) if w.startswith("s.") else w for w in where]
    else:
        base = "FROM statements s" + _STATEMENT_JOINS + " WHERE 1"
    base += "".join(f" AND {w}" for w in where)
    return Selection(base, tuple(params), match, bool(where), empty,
                     speech if speech is not None and len(where) == 1 else None)


def count_selection(conn: sqlite3.Connection, sel: Selection) -> int:
    """How many statements a selection holds."""
    if sel.empty:
        return 0
    if sel.match is not None and (not sel.filtered or sel.speech_only is not None):
        # Every FTS row is one statement (triggers keep them in step) and every statement has
        # its article, so without filters the index alone gives the count, ~30x faster than
        # joining thousands of hits. The speech filter (on by default on the web) only takes
        # away the hits among the non-speech statements.
        hits = run_fts(conn, "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?",
                       (sel.match,)).fetchone()[0]
        if sel.speech_only is None:
            return hits
        # Each hit is looked up in the small partial index of non-speech statements, never in
        # the table: ~5x cheaper than reading the hits' rows.
        other = run_fts(conn, "SELECT count(*) FROM statements s INDEXED BY statements_nonspeech WHERE "
                        "s.speech = 0 AND s.seq IN (SELECT rowid FROM statements_fts WHERE statements_fts "
                        "MATCH ?)", (sel.match,)).fetchone()[0]
        return hits - other if sel.speech_only else other
    return run_fts(conn, f"SELECT count(*) {sel.base}", sel.params).fetchone()[0]


def run_fts(conn: sqlite3.Connection, sql: str, params: Iterable[Any]) -> sqlite3.Cursor:
    """Execute a query that may MATCH; an FTS error SQLite still finds becomes a QueryError."""
    try:
        return conn.execute(sql, tuple(params))
    except sqlite3.OperationalError as e:
        msg = str(e)
        if "fts5" not in msg and "no such column" not in msg:
            raise
        # check_fts accepts what FTS5 accepts (tests/store/test_fts.py); this is the safety net.
        raise QueryError("cannot parse search query; use plain words, or valid FTS5 syntax") from None


def _order_by(sel: Selection, order: str, total: int) -> str:
    if sel.match is None:
        return {"rank": f"{DATE} DESC, s.seq DESC", "date": f"{DATE}, s.seq",
                "-date": f"{DATE} DESC, s.seq DESC"}[order]
    if order == "rank" and total > RANK_MAX_HITS:
        # bm25 scores every hit (about 1.5 µs each: 100 ms for a word in 77k statements), and
        # among thousands of hits for one common word it mostly rewards short statements;
        # the newest stored first is as useful and costs nothing.
        return "f.rowid DESC"
    return {"rank": "f.rank", "date": f"{DATE}, s.seq", "-date": f"{DATE} DESC, s.seq DESC"}[order]


def _columns(sel: Selection) -> str:
    if sel.match is None:
        return _STATEMENT_COLUMNS
    return _STATEMENT_COLUMNS + ", snippet(statements_fts, 0, '[', ']', '…', 24) AS snippet"


def search_statements(conn: sqlite3.Connection, q: str | None = None, *, syntax: str = DEFAULT_SYNTAX,
                      speaker: str | None = None, since: str | None = None,
                      until: str | None = None, outlet: str | None = None,
                      kind: str | None = None, cluster: str | None = None,
                      act: str | None = None, speech: bool | None = None, page: int = 1,
                      size: int = 20, order: str = "rank") -> tuple[list[dict[str, Any]], int]:
    """Full-text search with filters; returns (statement items, total matches).

    `q` searches statement content and speaker names as written. With `syntax` "plain" (the
    default) it is words and "quoted phrases" taken literally (a trailing * is a prefix); with
    "fts" it is FTS5 query syntax ("speaker: Ryabkov" narrows to the name column), and a
    mistake raises QueryError naming the character. `speaker` matches canonical speakers by
    name, alias, surname or id. Dates are inclusive YYYY-MM-DD bounds on the statement date.
    `speech` keeps only speech (True) or only thoughts and findings (False). `order` is rank
    (FTS relevance; date without a query), date (oldest first) or -date (newest first); a
    query with more than RANK_MAX_HITS hits is listed newest stored first instead of by
    relevance. Items from a text query also carry `snippet`, the matched content with
    [brackets] round the hits.
    """
    if order not in ORDERS:
        raise QueryError(f"unknown order {order!r} (expected one of {', '.join(ORDERS)})")
    limit, offset = _page(page, size)
    sel = select_statements(conn, q, syntax=syntax, speaker=speaker, since=since, until=until,
                            outlet=outlet, kind=kind, cluster=cluster, act=act, speech=speech)
    if sel.empty:
        return [], 0
    total = count_selection(conn, sel)
    rows = run_fts(conn, f"SELECT {_columns(sel)} {sel.base} ORDER BY {_order_by(sel, order, total)} "
                   "LIMIT ? OFFSET ?", [*sel.params, limit, offset]).fetchall()
    return [statement_item(r) for r in rows], total


def iter_statements(conn: sqlite3.Connection, sel: Selection, *, total: int, order: str = "rank",
                    limit: int, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Up to `limit` statement items of a selection of `total`, in batches (for downloads)."""
    if sel.empty:
        return
    order_by = _order_by(sel, order, total)
    cur = run_fts(conn, f"SELECT {_columns(sel)} {sel.base} ORDER BY {order_by} LIMIT ?",
                  [*sel.params, limit])
    while chunk := cur.fetchmany(batch):
        yield from (statement_item(r) for r in chunk)


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


def article_texts(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, str]:
    """The text of each article id given (for showing statements as the article has them)."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    return {r[0]: r[1] for r in conn.execute(
        f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)}


_SPEAKER_SUMMARY = """
    SELECT sp.id, sp.name, sp.type, sp.gender, sp.gender_evidence,
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
    return {"id": sid, "name": row["name"], "type": row["type"], "gender": row["gender"],
            "gender_evidence": row["gender_evidence"], "titles": list(titles),
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

    Item shape: {id, name, type, gender, gender_evidence (store-wide, docs/sources.md), titles: [...],
    affiliations: [...], aliases: [...], n_statements, n_articles, first_date, last_date}.
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
