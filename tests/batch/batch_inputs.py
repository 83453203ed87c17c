"""Builders for batch test inputs, from the Wikinews fixtures (CC BY 2.5, see fixtures/wikinews)."""

from __future__ import annotations

import io
import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "wikinews"


def wikinews() -> list[dict]:
    """The six fixture articles: {file, published, url, title, text}."""
    rows = [json.loads(line) for line in (FIXTURES / "MANIFEST.jsonl").read_text().splitlines()]
    for r in rows:
        r["text"] = (FIXTURES / r["file"]).read_text(encoding="utf-8")
    return rows


def to_html(title: str, text: str, published: str | None = None, charset: str = "utf-8",
            dateline: bool = True) -> str:
    """A plain news page around the article's paragraphs (line 3 of a fixture is its dateline)."""
    paras = [p for p in text.split("\n\n")[1 if dateline else 2:] if p.strip()]
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<html><head><meta charset="{charset}"><title>{title}</title>{meta}</head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def write_warc(path: Path, records: list[dict]) -> Path:
    """Write a WARC(.gz); each record: uri, body (bytes), and optional ctype, status, type, date."""
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
                r["uri"], kind, payload=io.BytesIO(r["body"]), http_headers=http,
                warc_headers_dict={"WARC-Date": r.get("date", "2020-01-02T03:04:05Z")})
            writer.write_record(rec)
    return path
