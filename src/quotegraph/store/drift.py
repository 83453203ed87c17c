"""Quote drift per cluster: each version aligned against the fullest, stored, refreshed, listed.

`analyse` computes one cluster on demand (the cluster page and `quotegraph cluster ID` use it,
so they are exact even mid-ingest); `update` stores the result inside the caller's
transaction; `refresh` computes every cluster that has no stored result yet (the migration's
triggers drop a cluster's rows whenever a member joins or leaves), and runs at the start and end
of each ingest. The same store gives the same rows however often it runs.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import QueryError
from .align import BREAK, LABELS, Alignment, Version, align, choose_reference, make_version

REFRESH_BATCH = 200  # clusters per transaction, so a long refresh never holds the lock for long
# Bump when align.py's results change for the same input: stored rows of another version are
# then pending, so the next ingest (or `quotegraph drift`) recomputes them.
VERSION = 1
REFERENCE_REASON = "the fullest version: the others are compared with it"
ONLY_REASON = "the only version: nothing to compare it with"
JSONL_FIELDS = ("cluster_id", "statement_id", "article_id", "outlet", "published", "origin",
                "labels", "negation_changed", "numbers_changed", "score", "reason")

_MEMBERS = """
SELECT s.seq, s.id, s.article_id, s.kind, s.content, s.spans, a.outlet, a.url, a.source, a.published
FROM statements s JOIN articles a ON a.id = s.article_id
WHERE s.cluster_id = ?
ORDER BY a.published IS NULL, a.published, s.seq
"""


@dataclass(frozen=True, slots=True)
class VersionDrift:
    """One statement of a cluster against the cluster's reference."""

    seq: int
    statement_id: str
    article_id: str
    outlet: str | None
    published: str | None
    origin: bool
    reference: bool
    alignment: Alignment
    reason: str

    def record(self, cluster_id: str) -> dict[str, Any]:
        """The version as one JSONL line of `quotegraph drift` (JSONL_FIELDS)."""
        a = self.alignment
        return {"cluster_id": cluster_id, "statement_id": self.statement_id,
                "article_id": self.article_id, "outlet": self.outlet, "published": self.published,
                "origin": self.origin, "labels": list(a.labels),
                "negation_changed": a.negation_changed, "numbers_changed": a.numbers_changed,
                "score": a.score, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class ClusterDrift:
    """Every version of one cluster, earliest first (the first is the origin)."""

    cluster_id: str
    versions: tuple[VersionDrift, ...]
    n_outlets: int  # distinct outlets (else URLs, else sources), as clusters count them

    @property
    def worst(self) -> VersionDrift:
        """The version with the highest score (the earliest among equals)."""
        return max(self.versions, key=lambda v: v.alignment.score)  # the first of equals

    @property
    def score(self) -> float:
        """The cluster's drift: its worst version's score."""
        return self.worst.alignment.score

    @property
    def reason(self) -> str:
        """The worst version's reason, with where it appeared."""
        w = self.worst
        if w.alignment.score <= 0:
            return "no drift: every version has the same words, or a trimmed or noted form of them"
        return f"{w.outlet or 'an unnamed outlet'}, {w.published or 'undated'}: {w.reason}"

    @property
    def labels(self) -> dict[str, int]:
        """Versions per label, in the order of align.LABELS."""
        n = Counter(lab for v in self.versions for lab in v.alignment.labels)
        return {lab: n[lab] for lab in LABELS if n[lab]}

    def summary(self) -> dict[str, Any]:
        """The cluster-level fields of the API and the stored row."""
        ref = next(v for v in self.versions if v.reference)
        return {"score": self.score, "reason": self.reason, "labels": self.labels,
                "negation_changed": any(v.alignment.negation_changed for v in self.versions),
                "numbers_changed": any(v.alignment.numbers_changed for v in self.versions),
                "n_versions": len(self.versions),
                "n_drifted": sum(1 for v in self.versions if v.alignment.score > 0),
                "n_outlets": self.n_outlets,
                "origin_statement_id": self.versions[0].statement_id,
                "reference_statement_id": ref.statement_id,
                "first_published": self.versions[0].published}


def _parts(conn: sqlite3.Connection, row: sqlite3.Row) -> tuple[str, ...]:
    """A statement's content spans as the writer joined them (store/writer.py), one per span."""
    spans = json.loads(row["spans"]).get("content") or []
    content = row["content"]
    if len(spans) < 2:
        return (content,)
    parts = content.split(BREAK)
    if len(parts) == len(spans):
        return tuple(parts)
    # The quote itself contains " … ": read each span from the article instead.
    out = []
    for start, end in spans:
        piece = conn.execute("SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
                             (start + 1, end - start, row["article_id"])).fetchone()[0]
        out.append(" ".join((piece or "").split()))
    return tuple(out)


def analyse_rows(conn: sqlite3.Connection, cluster_id: str, rows: Sequence[sqlite3.Row]) -> ClusterDrift:
    """Align member rows (as _MEMBERS selects them, earliest first) against their reference."""
    versions: list[Version] = []
    made: dict[tuple[tuple[str, ...], str], Version] = {}
    for r in rows:
        key = (_parts(conn, r), r["kind"])
        if key not in made:
            made[key] = make_version(*key)
        versions.append(made[key])
    ref_i = choose_reference(versions)
    ref = versions[ref_i]
    aligned: dict[int, Alignment] = {}  # by id(Version): identical versions align once
    out = []
    for i, (r, v) in enumerate(zip(rows, versions, strict=True)):
        if id(v) not in aligned:
            aligned[id(v)] = align(ref, v)
        reason = aligned[id(v)].reason
        if i == ref_i:
            reason = ONLY_REASON if len(rows) == 1 else REFERENCE_REASON
        out.append(VersionDrift(r["seq"], r["id"], r["article_id"], r["outlet"], r["published"],
                                origin=i == 0, reference=i == ref_i, alignment=aligned[id(v)],
                                reason=reason))
    return ClusterDrift(cluster_id, tuple(out), len({r["outlet"] or r["url"] or r["source"] for r in rows}))


def analyse(conn: sqlite3.Connection, cluster_id: str) -> ClusterDrift | None:
    """One cluster's drift, computed now from its members; None if it has none."""
    rows = conn.execute(_MEMBERS, (cluster_id,)).fetchall()
    return analyse_rows(conn, cluster_id, rows) if rows else None


def update(conn: sqlite3.Connection, cluster_ids: Iterable[str]) -> int:
    """Compute and store the drift of these clusters (inside the caller's transaction)."""
    n = 0
    for cid in cluster_ids:
        conn.execute("DELETE FROM statement_drift WHERE cluster_id = ?", (cid,))
        cd = analyse(conn, cid)
        if cd is None:  # no members left: a row anyway, so the cluster is not pending forever
            conn.execute("INSERT OR REPLACE INTO cluster_drift (cluster_id, score, reason, labels, "
                         "negation_changed, numbers_changed, n_versions, n_drifted, n_outlets, version) "
                         "VALUES (?, 0, 'no versions', '{}', 0, 0, 0, 0, 0, ?)", (cid, VERSION))
            continue
        s = cd.summary()
        conn.executemany(
            "INSERT OR REPLACE INTO statement_drift (seq, cluster_id, origin, reference, labels, "
            "negation_changed, numbers_changed, score, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(v.seq, cid, int(v.origin), int(v.reference), json.dumps(list(v.alignment.labels)),
              int(v.alignment.negation_changed), int(v.alignment.numbers_changed), v.alignment.score,
              v.reason) for v in cd.versions])
        conn.execute(
            "INSERT OR REPLACE INTO cluster_drift (cluster_id, score, reason, labels, negation_changed, "
            "numbers_changed, n_versions, n_drifted, n_outlets, origin_seq, reference_seq, "
            "first_published, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (cid, s["score"], s["reason"], json.dumps(s["labels"]), int(s["negation_changed"]),
             int(s["numbers_changed"]), s["n_versions"], s["n_drifted"], s["n_outlets"],
             cd.versions[0].seq, next(v.seq for v in cd.versions if v.reference),
             s["first_published"], VERSION))
        n += 1
    return n


_PENDING = ("FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM cluster_drift d WHERE "
            f"d.cluster_id = c.id AND d.version = {VERSION})")


def pending_count(conn: sqlite3.Connection) -> int:
    """How many clusters are pending (see pending)."""
    return conn.execute(f"SELECT count(*) {_PENDING}").fetchone()[0]


def pending(conn: sqlite3.Connection, limit: int | None = None) -> list[str]:
    """Clusters with no stored drift (new, changed since, or computed by another VERSION)."""
    sql = f"SELECT c.id {_PENDING} ORDER BY c.id" + (f" LIMIT {int(limit)}" if limit else "")
    return [r[0] for r in conn.execute(sql)]


def refresh(conn: sqlite3.Connection, batch: int = REFRESH_BATCH) -> int:
    """Compute every pending cluster, `batch` per transaction; returns how many."""
    n = 0
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            ids = pending(conn, batch)
            update(conn, ids)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        n += len(ids)
        if len(ids) < batch:
            return n


def recompute(conn: sqlite3.Connection) -> int:
    """Drop and recompute every cluster's drift (one transaction); returns how many."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM statement_drift")
        conn.execute("DELETE FROM cluster_drift")
        n = update(conn, [r[0] for r in conn.execute("SELECT id FROM clusters ORDER BY id")])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return n


# --- reading ---------------------------------------------------------------------------------

def _filters(min_score: float | None, outlet: str | None, since: str | None) -> tuple[str, list[Any]]:
    if min_score is not None and min_score < 0:
        raise QueryError("min_score must be 0 or more")
    where, params = ["d.score > 0"], []
    if min_score:
        where.append("d.score >= ?")
        params.append(min_score)
    if outlet or since:
        # The cluster qualifies through a drifted version from that outlet / in that period.
        sub = ("EXISTS (SELECT 1 FROM statement_drift v JOIN statements s ON s.seq = v.seq "
               "JOIN articles a ON a.id = s.article_id WHERE v.cluster_id = d.cluster_id AND v.score > 0")
        if min_score:
            sub += " AND v.score >= ?"
            params.append(min_score)
        if outlet:
            sub += " AND a.outlet = ? COLLATE NOCASE"
            params.append(outlet)
        if since:
            sub += " AND a.published >= ?"
            params.append(since)
        where.append(sub + ")")
    return " AND ".join(where), params


def _cluster_item(r: sqlite3.Row) -> dict[str, Any]:
    return {"cluster_id": r["cluster_id"], "score": r["score"], "reason": r["reason"],
            "labels": json.loads(r["labels"]), "negation_changed": bool(r["negation_changed"]),
            "numbers_changed": bool(r["numbers_changed"]), "n_versions": r["n_versions"],
            "n_drifted": r["n_drifted"], "n_outlets": r["n_outlets"],
            "first_published": r["first_published"], "representative": r["representative"]}


def list_clusters(conn: sqlite3.Connection, *, min_score: float | None = None,
                  outlet: str | None = None, since: str | None = None, page: int = 1,
                  size: int | None = 50) -> tuple[list[dict[str, Any]], int]:
    """Clusters with drift (score above 0, and at least `min_score`), the worst first.

    `outlet` and `since` keep clusters where a drifted version comes from that outlet or was
    published on or after that date. `size` None lists them all. Returns (items, total); item:
    {cluster_id, score, reason, labels: {label: versions}, negation_changed, numbers_changed,
    n_versions, n_drifted, n_outlets, first_published, representative}.
    """
    if page < 1 or (size is not None and size < 1):
        raise QueryError("page and size must be positive")
    where, params = _filters(min_score, outlet, since)
    total = conn.execute(f"SELECT count(*) FROM cluster_drift d WHERE {where}", params).fetchone()[0]
    limit = "" if size is None else f" LIMIT {int(size)} OFFSET {(page - 1) * int(size)}"
    rows = conn.execute(f"SELECT d.*, c.representative FROM cluster_drift d JOIN clusters c ON "
                        f"c.id = d.cluster_id WHERE {where} ORDER BY d.score DESC, d.cluster_id{limit}",
                        params).fetchall()
    return [_cluster_item(r) for r in rows], total


def version_records(conn: sqlite3.Connection, cluster_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Stored versions of these clusters as JSONL records (JSONL_FIELDS), earliest first."""
    out: dict[str, list[dict[str, Any]]] = {c: [] for c in cluster_ids}
    for i in range(0, len(cluster_ids), 500):  # SQLite's bound-parameter limit
        chunk = list(cluster_ids[i:i + 500])
        rows = conn.execute(
            "SELECT v.*, s.id AS statement_id, s.article_id, a.outlet, a.published FROM statement_drift v "
            "JOIN statements s ON s.seq = v.seq JOIN articles a ON a.id = s.article_id "
            f"WHERE v.cluster_id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY v.cluster_id, v.origin DESC, a.published IS NULL, a.published, v.seq", chunk)
        for r in rows:
            out[r["cluster_id"]].append({
                "cluster_id": r["cluster_id"], "statement_id": r["statement_id"],
                "article_id": r["article_id"], "outlet": r["outlet"], "published": r["published"],
                "origin": bool(r["origin"]), "labels": json.loads(r["labels"]),
                "negation_changed": bool(r["negation_changed"]),
                "numbers_changed": bool(r["numbers_changed"]), "score": r["score"],
                "reason": r["reason"]})
    return out


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts over stored drift: clusters analysed, pending and drifted; versions and clusters
    per label; negation and number changes."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731 - a local shorthand
    versions: Counter[str] = Counter()
    clusters: Counter[str] = Counter()
    for r in conn.execute("SELECT cluster_id, labels FROM statement_drift"):
        for lab in json.loads(r["labels"]):
            versions[lab] += 1
    for r in conn.execute("SELECT labels FROM cluster_drift"):
        for lab in json.loads(r["labels"]):
            clusters[lab] += 1
    return {"clusters": one("SELECT count(*) FROM cluster_drift"),
            "pending": pending_count(conn),
            "drifted": one("SELECT count(*) FROM cluster_drift WHERE score > 0"),
            "negation_changed": one("SELECT count(*) FROM cluster_drift WHERE negation_changed"),
            "numbers_changed": one("SELECT count(*) FROM cluster_drift WHERE numbers_changed"),
            "versions_by_label": {lab: versions[lab] for lab in LABELS},
            "clusters_by_label": {lab: clusters[lab] for lab in LABELS}}


def annotate(conn: sqlite3.Connection, cluster: dict[str, Any]) -> dict[str, Any]:
    """A queries.get_cluster dict with drift added, computed now from the members, and its
    statements in drift's order: earliest published first, ties in ingest order.

    Adds `drift` (the cluster summary: score, reason, labels, flags, origin and reference ids)
    and, on each statement item, `drift`: {origin, reference, labels, negation_changed,
    numbers_changed, score, reason, segments: [{op: same|ins|del|note|out, text, sep?, why?,
    was?}]}; joining each segment's sep and text (del segments aside) gives the version's words.
    """
    cd = analyse(conn, cluster["id"])
    if cd is None:
        return {**cluster, "drift": None}
    order = {v.statement_id: i for i, v in enumerate(cd.versions)}
    statements = sorted(cluster["statements"], key=lambda st: order.get(st["id"], len(order)))
    by_id = {v.statement_id: v for v in cd.versions}
    for st in statements:
        v = by_id.get(st["id"])
        if v is not None:
            a = v.alignment
            st["drift"] = {"origin": v.origin, "reference": v.reference, "labels": list(a.labels),
                           "negation_changed": a.negation_changed, "numbers_changed": a.numbers_changed,
                           "score": a.score, "reason": v.reason,
                           "segments": [s.as_dict() for s in a.segments]}
    return {**cluster, "statements": statements, "drift": cd.summary()}
