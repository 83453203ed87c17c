"""Export statements joined with their speaker and article (or the drift, corrections or people
table): JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

from ..errors import StoreError
from ..vocab import act_codes

FORMATS = ("jsonl", "csv", "parquet", "plover")
# Flat columns, one row per statement; offsets stay JSON in `spans` so rows remain verifiable.
# speaker_* are the canonical speaker's (name, type, store-wide gender); *_as_written and
# *_in_article what this statement's article says.
COLUMNS = (
    "statement_id", "article_id", "position", "kind", "content", "cue", "source",
    "speaker_as_written", "speaker_id", "speaker_name", "speaker_type", "title", "affiliation",
    "addressee", "venue", "date", "date_text", "confidence", "cluster_id", "spans",
    "article_title", "article_source", "article_url", "outlet", "published",
    "act", "act_confidence", "target", "target_name", "target_type", "negated", "conditional",
    "speech", "speaker_via", "corrected", "speaker_gender", "speaker_gender_evidence",
    "speaker_gender_in_article", "speaker_gender_evidence_in_article", "anonymous",
)
_SQL = """
SELECT s.id AS statement_id, s.article_id, s.position, s.kind, s.content, s.cue, s.source,
       s.speaker AS speaker_as_written, s.speaker_id, sp.name AS speaker_name,
       coalesce(sp.type, s.speaker_type) AS speaker_type, s.title, s.affiliation, s.addressee,
       s.venue, s.date, s.date_text, s.confidence, s.cluster_id, s.spans,
       a.title AS article_title, a.source AS article_source, a.url AS article_url, a.outlet,
       a.published, s.act, s.act_confidence, s.target, s.target_name, s.target_type, s.negated,
       s.conditional, s.speech, s.speaker_via, s.corrected, sp.gender, sp.gender_evidence,
       s.speaker_gender, s.speaker_gender_evidence, s.anonymous
FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id
ORDER BY s.seq
"""


TABLES = ("statements", "drift", "corrections", "people")
# The drift table (docs/drift.md): one row per version of every analysed cluster.
DRIFT_COLUMNS = ("cluster_id", "statement_id", "article_id", "outlet", "published", "origin",
                 "reference", "labels", "negation_changed", "numbers_changed", "score", "reason",
                 "cluster_score")
_DRIFT_SQL = """
SELECT v.cluster_id, s.id, s.article_id, a.outlet, a.published, v.origin, v.reference, v.labels,
       v.negation_changed, v.numbers_changed, v.score, v.reason, d.score
FROM statement_drift v JOIN statements s ON s.seq = v.seq JOIN articles a ON a.id = s.article_id
JOIN cluster_drift d ON d.cluster_id = v.cluster_id
ORDER BY d.score DESC, v.cluster_id, v.origin DESC, a.published IS NULL, a.published, v.seq
"""
_FLAGS = ("origin", "reference", "negation_changed", "numbers_changed")
# The corrections table (docs/store.md#corrections): `was` and `content_spans` are JSON.
CORRECTION_COLUMNS = ("id", "statement_id", "article_id", "source_key", "field", "value", "was", "note",
                      "origin", "created_at", "applied", "content", "content_spans")
_CORRECTIONS_SQL = f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM corrections ORDER BY id"
# The people table (docs/sources.md): everyone each article names; `gender` is what the
# article's text says, `speaker_gender` the canonical speaker's; quoted: said something there.
PEOPLE_COLUMNS = ("article_id", "outlet", "published", "name", "person_key", "speaker_id", "gender",
                  "gender_evidence", "speaker_gender", "n_speech", "n_statements", "quoted")
_PEOPLE_SQL = f"SELECT {', '.join(PEOPLE_COLUMNS[:-1])}, n_speech > 0 FROM article_people ORDER BY article_id, person_key"
_TABLES = {"statements": (COLUMNS, _SQL), "drift": (DRIFT_COLUMNS, _DRIFT_SQL),
           "corrections": (CORRECTION_COLUMNS, _CORRECTIONS_SQL), "people": (PEOPLE_COLUMNS, _PEOPLE_SQL)}


def rows(conn: sqlite3.Connection, batch: int = 5000, table: str = "statements") -> Iterator[list[dict[str, Any]]]:
    """Export rows in batches of dicts keyed by COLUMNS (or DRIFT_COLUMNS, CORRECTION_COLUMNS, PEOPLE_COLUMNS),
    in storage order (drift: the worst cluster first, each cluster's versions earliest first)."""
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r} (expected one of {', '.join(TABLES)})")
    columns, sql = _TABLES[table]
    cur = conn.execute(sql)
    while chunk := cur.fetchmany(batch):
        out = [dict(zip(columns, r, strict=True)) for r in chunk]
        if table == "drift":
            for r in out:
                r["labels"] = json.loads(r["labels"])
                r.update({f: bool(r[f]) for f in _FLAGS})
        elif table == "corrections":
            for r in out:
                r["applied"] = bool(r["applied"])
        elif table == "people":
            for r in out:
                r["quoted"] = bool(r["quoted"])
        else:
            for r in out:
                r["anonymous"] = bool(r["anonymous"])
        yield out


def write_jsonl(conn: sqlite3.Connection, out: IO[str], table: str = "statements") -> int:
    """Write one JSON object per statement (or drift version, or correction); returns the count."""
    n = 0
    for chunk in rows(conn, table=table):
        for r in chunk:
            if table == "statements":
                r["spans"] = json.loads(r["spans"])
            elif table == "corrections":
                r.update(was=json.loads(r["was"]), content_spans=json.loads(r["content_spans"]))
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += len(chunk)
    return n


def plover_event(r: dict[str, Any]) -> dict[str, Any]:
    """One export row as a PLOVER-style event (docs/acts.md): actor, recipient, event, text_info."""
    codes = act_codes().get(r["act"] or "", {})
    spans = json.loads(r["spans"]) if isinstance(r["spans"], str) else r["spans"]
    recipient = None
    if r["target_name"]:
        recipient = {"text": r["target"], "name": r["target_name"], "type": r["target_type"]}
    elif r["addressee"]:
        recipient = {"text": r["addressee"], "name": None, "type": None}
    return {
        "id": r["statement_id"],
        "date": r["date"] or r["published"],
        "actor": {"text": r["speaker_as_written"], "name": r["speaker_name"], "type": r["speaker_type"],
                  "via": r["speaker_via"]},
        "recipient": recipient,
        "event": {"event_type": codes.get("plover"), "mode": codes.get("mode"), "act": r["act"],
                  "act_confidence": r["act_confidence"], "negated": bool(r["negated"]),
                  "conditional": bool(r["conditional"]), "speech": bool(r["speech"]),
                  "corrected": r["corrected"].split(",") if r["corrected"] else []},
        "cameo": {"root": codes.get("cameo"), "name": codes.get("cameo_name")},
        "text": r["content"],
        "text_info": {"article_id": r["article_id"], "title": r["article_title"],
                      "source": r["article_source"], "url": r["article_url"], "outlet": r["outlet"],
                      "published": r["published"], "kind": r["kind"], "offsets": spans,
                      "venue": r["venue"]},
    }


def write_plover(conn: sqlite3.Connection, out: IO[str]) -> int:
    """Write one PLOVER-style JSON event per statement; returns the count."""
    n = 0
    for chunk in rows(conn):
        for r in chunk:
            out.write(json.dumps(plover_event(r), ensure_ascii=False) + "\n")
        n += len(chunk)
    return n


def write_csv(conn: sqlite3.Connection, out: IO[str], table: str = "statements") -> int:
    """Write a CSV with a header row (drift labels joined by ";"); returns the count."""
    w = csv.DictWriter(out, fieldnames=_TABLES[table][0] if table in _TABLES else COLUMNS)
    w.writeheader()
    n = 0
    for chunk in rows(conn, table=table):
        if table == "drift":
            chunk = [{**r, "labels": ";".join(r["labels"])} for r in chunk]
        w.writerows(chunk)
        n += len(chunk)
    return n


def write_parquet(conn: sqlite3.Connection, path: str, table: str = "statements") -> int:
    """Write a Parquet file (one row group per batch) for DuckDB or Spark; returns the count."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is a dependency, but may be stripped
        raise StoreError("Parquet export needs pyarrow (pip install pyarrow)") from None
    if table == "drift":
        schema = pa.schema([(c, pa.list_(pa.string()) if c == "labels" else
                             pa.bool_() if c in _FLAGS else
                             pa.float64() if c in ("score", "cluster_score") else pa.string())
                            for c in DRIFT_COLUMNS])
    elif table == "corrections":
        schema = pa.schema([(c, pa.int64() if c == "id" else pa.bool_() if c == "applied" else pa.string())
                            for c in CORRECTION_COLUMNS])
    elif table == "people":
        schema = pa.schema([(c, pa.int64() if c.startswith("n_") else pa.bool_() if c == "quoted" else pa.string())
                            for c in PEOPLE_COLUMNS])
    else:
        schema = pa.schema([(c, pa.float64() if c in ("confidence", "act_confidence") else
                             pa.int64() if c in ("position", "negated", "conditional", "speech") else
                             pa.bool_() if c == "anonymous" else pa.string())
                            for c in COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as w:
        for chunk in rows(conn, batch=50_000, table=table):
            w.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:
            w.write_table(schema.empty_table())
    return n

