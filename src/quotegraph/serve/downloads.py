"""Downloads of a search or a listing as CSV or JSON: streamed in batches, at most a bounded number of rows.

The rows are read through a connection of their own, borrowed from the pool for as long as the
stream runs, so a download never holds the request's connection or the whole result in memory.
Headers say how many rows matched and whether the download was cut at the bound.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fastapi import Request
from fastapi.responses import StreamingResponse

from .params import MAX_DOWNLOAD_ROWS

FORMATS = ("csv", "json")
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
Rows = Callable[[sqlite3.Connection, int], Iterator[dict[str, Any]]]


def flatten(item: dict[str, Any]) -> dict[str, Any]:
    """A nested item as one CSV row: {"speaker": {"name": …}} -> speaker_name; lists as JSON."""
    out: dict[str, Any] = {}
    for k, v in item.items():
        if isinstance(v, dict) and k != "spans":
            for kk, vv in v.items():
                out.setdefault(f"{k}_{kk}", json.dumps(vv, ensure_ascii=False) if isinstance(vv, (dict, list)) else vv)
        elif isinstance(v, (dict, list)):
            out.setdefault(k, json.dumps(v, ensure_ascii=False))
        else:
            out.setdefault(k, v)
    return out


# The CSV columns of a statement item (queries.statement_item, flattened).
STATEMENT_COLUMNS = [
    "id", "article_id", "position", "kind", "content", "cue", "source", "speaker_id", "speaker_name",
    "speaker_type", "speaker_as_written", "speaker_via", "title", "affiliation", "addressee", "venue",
    "date", "date_text", "confidence", "cluster_id", "spans", "article_title", "article_source",
    "article_url", "article_outlet", "article_published", "act", "act_confidence", "target_text",
    "target_name", "target_type", "negated", "conditional", "speech", "corrected", "speaker_gender",
    "speaker_gender_evidence", "speaker_gender_in_article", "speaker_gender_evidence_in_article", "anonymous"]


def _csv(items: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", restval="")
    w.writeheader()
    for n, item in enumerate(items, 1):
        w.writerow(flatten(item))
        if n % 200 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _json(items: Iterable[dict[str, Any]], total: int, limit: int) -> Iterator[str]:
    yield f'{{"total": {total}, "limit": {limit}, "truncated": {json.dumps(total > limit)}, "items": ['
    sep = ""
    for item in items:
        yield sep + json.dumps(item, ensure_ascii=False)
        sep = ", "
    yield "]}\n"


def download(request: Request, rows: Rows, *, fmt: str, name: str, total: int,
             columns: list[str]) -> StreamingResponse:
    """Stream `rows(conn, limit)` (at most MAX_DOWNLOAD_ROWS) as `name`.csv (with `columns`,
    nested values flattened) or `name`.json."""
    limit = MAX_DOWNLOAD_ROWS
    pool = request.app.state.pool

    def body() -> Iterator[str]:
        with pool.connection() as conn:
            items = rows(conn, limit)
            yield from (_csv(items, columns) if fmt == "csv" else _json(items, total, limit))

    headers = {"content-disposition": f'attachment; filename="{name}.{fmt}"',
               "x-total-count": str(total), "x-truncated": "true" if total > limit else "false"}
    return StreamingResponse(body(), media_type=MEDIA[fmt], headers=headers)
