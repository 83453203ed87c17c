"""The batch output layout: Parquet shards of articles and statements, markers, and read_outputs.

    OUT/plan.json                       the shards (inputs, record ranges); reused on rerun
    OUT/articles/shard-NNNNN.parquet    one row per article (ARTICLE_SCHEMA)
    OUT/statements/shard-NNNNN.parquet  one row per statement, joined by article_id (STATEMENT_SCHEMA)
    OUT/_done/shard-NNNNN.json          marker: the shard is complete (counts, errors, timing)
    OUT/errors.jsonl                    {"source", "reason"} per skipped input, in input order
    OUT/manifest.json                   counts, timings, versions

A shard counts only once its marker exists; the marker is written last, after both Parquet files
have been renamed into place, so a killed run leaves no half-counted shard.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from ..record import from_dict, to_dict
from ..types import ArticleResult
from .shards import atomic_write_text

ARTICLES, STATEMENTS, DONE = "articles", "statements", "_done"
SPAN_FIELDS = ("cue", "source", "addressee", "venue", "date_span")
SPEAKER_FIELDS = ("name", "type", "title", "affiliation", "id")
ARTICLE_FIELDS = ("id", "source", "title", "published", "outlet", "url", "text")
STATEMENT_SCALARS = ("id", "kind", "date", "date_text", "confidence")
_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])

ARTICLE_SCHEMA = pa.schema(
    [("shard", pa.int32()), ("seq", pa.int32())]  # seq: the article's position in its shard
    + [(f, pa.string()) for f in ARTICLE_FIELDS]
    + [("statements", pa.int32()),
       # Record fields added after this schema (the people the article names, issue 17), as JSON.
       ("extra", pa.string())]
)
STATEMENT_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("shard", pa.int32()), ("seq", pa.int32()), ("ordinal", pa.int32()),
     ("id", pa.string()), ("kind", pa.string()), ("content", pa.list_(_SPAN))]
    + [c for f in SPAN_FIELDS for c in ((f"{f}_start", pa.int64()), (f"{f}_end", pa.int64()),
                                        (f"{f}_text", pa.string()))]
    + [(f"speaker_{f}", pa.string()) for f in SPEAKER_FIELDS]
    + [("date", pa.string()), ("date_text", pa.string()), ("confidence", pa.float64()),
       # Record fields added after this schema (DESIGN.md allows new ones), as JSON, so none is lost.
       ("extra", pa.string())]
)


def flatten(result: ArticleResult, shard: int, seq: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One article row and its statement rows, from the record contract's dict."""
    rec = to_dict(result)
    a = rec["article"]
    extra = {k: v for k, v in rec.items() if k not in ("article", "statements")}
    article = {"shard": shard, "seq": seq, **{f: a.get(f) for f in ARTICLE_FIELDS},
               "statements": len(rec["statements"]),
               "extra": json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None}
    rows = []
    for i, st in enumerate(rec["statements"]):
        row: dict[str, Any] = {"article_id": a["id"], "shard": shard, "seq": seq, "ordinal": i,
                               "content": st["content"]}
        row.update({f: st.get(f) for f in STATEMENT_SCALARS})
        for f in SPAN_FIELDS:
            span = st.get(f) or {}
            row.update({f"{f}_start": span.get("start"), f"{f}_end": span.get("end"),
                        f"{f}_text": span.get("text")})
        speaker = st.get("speaker") or {}
        row.update({f"speaker_{f}": speaker.get(f) for f in SPEAKER_FIELDS})
        known = {"content", "speaker", *STATEMENT_SCALARS, *SPAN_FIELDS}
        extra = {k: v for k, v in st.items() if k not in known}
        # Speaker fields added after this schema (via, gender, aliases…) travel in `extra` too.
        if more := {k: v for k, v in speaker.items() if k not in SPEAKER_FIELDS}:
            extra["speaker_extra"] = more
        row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
        rows.append(row)
    return article, rows


def unflatten(article: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Inverse of `flatten`: the record contract's dict (accepted by record.from_dict)."""
    statements = []
    for row in sorted(rows, key=lambda r: r["ordinal"]):
        st: dict[str, Any] = {"id": row["id"], "kind": row["kind"],
                              "content": [dict(c) for c in row["content"] or []]}
        for f in SPAN_FIELDS:
            start = row[f"{f}_start"]
            st[f] = None if start is None else {"start": start, "end": row[f"{f}_end"], "text": row[f"{f}_text"]}
        name = row["speaker_name"]
        st["speaker"] = None if name is None else {f: row[f"speaker_{f}"] for f in SPEAKER_FIELDS}
        st.update({f: row[f] for f in ("date", "date_text", "confidence")})
        if row.get("extra"):
            extra = json.loads(row["extra"])
            more = extra.pop("speaker_extra", None)
            st.update(extra)
            if more and st["speaker"] is not None:
                st["speaker"].update(more)
        statements.append(st)
    more = json.loads(article["extra"]) if article.get("extra") else {}
    return {"article": {f: article[f] for f in ARTICLE_FIELDS}, "statements": statements, **more}


def _write_parquet(rows: list[dict[str, Any]], schema: pa.Schema, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp, compression="zstd")
    os.replace(tmp, path)


def write_shard(out: Path, shard_id: str, index: int, results: list[ArticleResult],
                marker: dict[str, Any]) -> None:
    """Write one shard's two Parquet files, then its marker; each by temp name and atomic rename."""
    articles: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    for seq, result in enumerate(results):
        a, s = flatten(result, index, seq)
        articles.append(a)
        statements.extend(s)
    _write_parquet(articles, ARTICLE_SCHEMA, out / ARTICLES / f"{shard_id}.parquet")
    _write_parquet(statements, STATEMENT_SCHEMA, out / STATEMENTS / f"{shard_id}.parquet")
    (out / DONE).mkdir(parents=True, exist_ok=True)
    atomic_write_text(out / DONE / f"{shard_id}.json", json.dumps(marker, ensure_ascii=False))


def done_shards(out: Path) -> dict[str, dict[str, Any]]:
    """The markers of complete shards, by shard id, in shard order."""
    d = out / DONE
    if not d.is_dir():
        return {}
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(d.glob("shard-*.json"))}


def read_records(out: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Yield the record-contract dict of every article in complete shards, in input order."""
    root = Path(out)
    if not (root / "plan.json").exists():
        raise InputError(str(root), "not a `quotegraph batch` output directory (no plan.json)")
    for shard_id in done_shards(root):
        articles = pq.read_table(root / ARTICLES / f"{shard_id}.parquet").to_pylist()
        by_seq: dict[int, list[dict[str, Any]]] = {}
        for row in pq.read_table(root / STATEMENTS / f"{shard_id}.parquet").to_pylist():
            by_seq.setdefault(row["seq"], []).append(row)
        for a in sorted(articles, key=lambda r: r["seq"]):
            yield unflatten(a, by_seq.get(a["seq"], []))


def read_outputs(out: str | os.PathLike[str]) -> Iterator[ArticleResult]:
    """Rebuild the ArticleResults of a batch output directory, shard by shard, in input order."""
    for rec in read_records(out):
        yield from_dict(rec)
