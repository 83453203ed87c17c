"""Builders for batch test inputs, from the Wikinews fixtures (CC BY 2.5, see fixtures/wikinews)."""

from __future__ import annotations

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


