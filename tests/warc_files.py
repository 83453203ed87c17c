"""Writing small WARC(.gz) files for the reader and batch tests."""

from __future__ import annotations

import io
from pathlib import Path


def write_warc(path: Path, records: list[dict]) -> Path:
    """Write a WARC(.gz); each record: body (bytes), and optional uri, ctype, status, type, date."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for r in records:
            kind = r.get("type", "response")
            http = None
            if kind in ("response", "request"):
                first = f"{r.get('status', 200)} X" if kind == "response" else "GET / HTTP/1.1"
                http = StatusAndHeaders(first, [("Content-Type", r.get("ctype", "text/html; charset=utf-8"))],
                                        protocol="HTTP/1.1" if kind == "response" else "")
            rec = writer.create_warc_record(
                r.get("uri", "http://x.test/"), kind, payload=io.BytesIO(r["body"]), http_headers=http,
                warc_headers_dict={"WARC-Date": r.get("date", "2020-01-02T03:04:05Z")})
            writer.write_record(rec)
    return path
