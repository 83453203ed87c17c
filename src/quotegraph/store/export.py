"""Export statements joined with their speaker and article: JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

from ..errors import StoreError

FORMATS = ("jsonl", "csv", "parquet", "plover", "corrections")
# Flat columns, one row per statement; offsets stay JSON in `spans` so rows remain verifiable.
COLUMNS = (
    "statement_id", "article_id", "position", "kind", "content", "cue", "source",
    "speaker_as_written", "speaker_id", "speaker_name", "speaker_type", "title", "affiliation",
    "addressee", "venue", "date", "date_text", "confidence", "cluster_id", "spans",
    "article_title", "article_source", "article_url", "outlet", "published",
    "act", "act_confidence", "target", "target_name", "target_type", "negated", "conditional",
    "speech", "speaker_via", "corrected",
)
_SQL = """
SELECT s.id AS statement_id, s.article_id, s.position, s.kind, s.content, s.cue, s.source,
       s.speaker AS speaker_as_written, s.speaker_id, sp.name AS speaker_name,
       coalesce(sp.type, s.speaker_type) AS speaker_type, s.title, s.affiliation, s.addressee,
       s.venue, s.date, s.date_text, s.confidence, s.cluster_id, s.spans,
       a.title AS article_title, a.source AS article_source, a.url AS article_url, a.outlet,
       a.published, s.act, s.act_confidence, s.target, s.target_name, s.target_type, s.negated,
       s.conditional, s.speech, s.speaker_via, s.corrected
FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id
ORDER BY s.seq
"""


def rows(conn: sqlite3.Connection, batch: int = 5000) -> Iterator[list[dict[str, Any]]]:
    """Export rows in batches of dicts keyed by COLUMNS, in storage order."""
    cur = conn.execute(_SQL)
    while chunk := cur.fetchmany(batch):
        yield [dict(zip(COLUMNS, r, strict=True)) for r in chunk]


def write_jsonl(conn: sqlite3.Connection, out: IO[str]) -> int:
    """Write one JSON object per statement; returns the count."""
    n = 0
    for chunk in rows(conn):
        for r in chunk:
            r["spans"] = json.loads(r["spans"])
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += len(chunk)
    return n


def plover_event(r: dict[str, Any]) -> dict[str, Any]:
    """One export row as a PLOVER-style event (docs/acts.md): actor, recipient, event, text_info."""
    from ..extract.lexicon import act_codes

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


def write_csv(conn: sqlite3.Connection, out: IO[str]) -> int:
    """Write a CSV with a header row; returns the count."""
    w = csv.DictWriter(out, fieldnames=COLUMNS)
    w.writeheader()
    n = 0
    for chunk in rows(conn):
        w.writerows(chunk)
        n += len(chunk)
    return n


def write_parquet(conn: sqlite3.Connection, path: str) -> int:
    """Write a Parquet file (one row group per batch) for DuckDB or Spark; returns the count."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is a dependency, but may be stripped
        raise StoreError("Parquet export needs pyarrow (pip install pyarrow)") from None
    schema = pa.schema([(c, pa.float64() if c in ("confidence", "act_confidence") else
                         pa.int64() if c in ("position", "negated", "conditional", "speech") else pa.string())
                        for c in COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as w:
        for chunk in rows(conn, batch=50_000):
            w.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:
            w.write_table(schema.empty_table())
    return n


def write_corrections(conn: sqlite3.Connection, out: IO[str]) -> int:
    """Write every correction (corrections.list_corrections items) as JSONL; returns the count."""
    from .corrections import list_corrections

    items = list_corrections(conn)
    for c in items:
        out.write(json.dumps(c, ensure_ascii=False) + "\n")
    return len(items)
