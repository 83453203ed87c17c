"""JSONL articles: one JSON object per line with text or html, plus optional metadata."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..types import Article
from .dates import parse_iso
from .files import make_article, read_html

MAX_RECORD_BYTES = 20_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")
META_FIELDS = ("title", "url", "published", "outlet")


def article_from_record(rec: Any, source: str) -> Article:
    """Build an Article from one decoded record, validating its fields."""
    if not isinstance(rec, dict):
        raise InputError(source, f"expected a JSON object, got {type(rec).__name__}")
    meta: dict[str, str | None] = {}
    for k in META_FIELDS:
        v = rec.get(k)
        if v is not None and not isinstance(v, str):
            raise InputError(source, f"field {k!r} must be a string")
        meta[k] = v or None
    for k in (*META_FIELDS, "text", "html"):
        # JSON can spell a lone surrogate ("\ud800"), which is not a character: no file, database
        # or terminal takes it, and offsets past it would mean nothing.
        if isinstance(v := rec.get(k), str) and (m := _SURROGATE.search(v)):
            raise InputError(source, f"field {k!r} is not valid Unicode (a lone surrogate, "
                                     f"\\u{ord(m.group()):04x}, at character {m.start()})")
    if meta["published"]:
        try:
            meta["published"] = parse_iso(meta["published"])
        except ValueError as e:
            raise InputError(source, f"published: {e}") from None
    text, html = rec.get("text"), rec.get("html")
    if isinstance(text, str) and text.strip():
        return make_article(text, source, **meta)
    if isinstance(html, str) and html.strip():
        return read_html(html, source, **meta)
    raise InputError(source, "no non-empty 'text' or 'html' field")


def read_jsonl_lines(lines: Iterable[bytes], source: str) -> Iterator[Article | InputError]:
    """Yield one Article (or the InputError for that line) per non-blank line."""
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        if not raw.strip():
            continue
        if len(raw) > MAX_RECORD_BYTES:
            yield InputError(where, f"record too large ({len(raw) // 1_000_000} MB)")
            continue
        try:
            rec = json.loads(raw)
        except UnicodeDecodeError:
            yield InputError(where, "not valid UTF-8")
            continue
        except json.JSONDecodeError as e:
            yield InputError(where, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        except RecursionError:
            yield InputError(where, "JSON nested too deeply to read")
            continue
        try:
            yield article_from_record(rec, where)
        except InputError as e:
            yield e
