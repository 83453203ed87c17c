"""Gold attributions: the in-memory form and the gold_*.jsonl format they are read from and written to."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..types import Span

ROLES = ("source", "cue", "content")
# What PolNeAR's `has_quote_mark` checks for. Single quotes are left out on purpose: ’ is also
# the apostrophe in these texts.
QUOTE_MARKS = ('"', "“", "”", "«", "»", "„")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold attribution: each role is a tuple of spans sorted by offset (source may be empty)."""

    id: str
    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    content: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold article: its text, metadata and attributions."""

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...] = ()
    publisher: str | None = None
    published: str | None = None
    title: str | None = None
    annotator: str | None = None
    annotators: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


def has_quote_mark(spans: Iterable[Span], text: str) -> bool:
    """Whether any of the spans contains a double quotation mark (PolNeAR's `has_quote_mark`)."""
    return any(m in text[s.start : s.end] for s in spans for m in QUOTE_MARKS)


def _spans(pieces: Any, where: str) -> tuple[Span, ...]:
    try:
        return tuple(sorted(Span(int(p[0]), int(p[1])) for p in pieces or ()))
    except (TypeError, ValueError, IndexError, KeyError):
        raise InputError(where, f"malformed spans {pieces!r:.80}; expected [[start, end, text], …]") from None


def gold_from_record(record: dict[str, Any], where: str = "<gold>") -> GoldDoc:
    """Parse one gold_*.jsonl object into a GoldDoc."""
    try:
        doc_id, text = str(record["doc_id"]), record["text"]
        quotes = tuple(
            GoldQuote(id=str(q.get("id", i)), **{r: _spans(q.get(r), where) for r in ROLES})
            for i, q in enumerate(record.get("quotes") or ())
        )
    except (KeyError, TypeError, AttributeError) as e:
        raise InputError(where, f"not a gold record (missing or bad {e})") from None
    known = {"doc_id", "text", "quotes", "publisher", "published", "title", "annotator", "annotators"}
    return GoldDoc(doc_id=doc_id, text=text, quotes=quotes, publisher=record.get("publisher"),
                   published=record.get("published"), title=record.get("title"),
                   annotator=record.get("annotator"),
                   annotators=tuple(record.get("annotators") or ()),
                   extra={k: v for k, v in record.items() if k not in known})


def read_gold_jsonl(path: str | os.PathLike[str], limit: int | None = None) -> list[GoldDoc]:
    """Read a gold_*.jsonl file (one article per line) into GoldDocs."""
    docs: list[GoldDoc] = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if limit is not None and len(docs) >= limit:
                    break
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{n}", f"invalid JSON ({e.msg})") from None
                docs.append(gold_from_record(record, f"{path}:{n}"))
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from None
    return docs


def gold_to_record(doc: GoldDoc) -> dict[str, Any]:
    """Render a GoldDoc in the gold_*.jsonl format (the inverse of `gold_from_record`)."""
    def pieces(spans: tuple[Span, ...]) -> list[list[Any]]:
        return [[s.start, s.end, doc.text[s.start : s.end]] for s in spans]

    return {
        "doc_id": doc.doc_id, "annotator": doc.annotator, "annotators": list(doc.annotators),
        "publisher": doc.publisher, "published": doc.published, "title": doc.title,
        "text": doc.text,
        "quotes": [{"id": q.id, "source": pieces(q.source), "cue": pieces(q.cue),
                    "content": pieces(q.content),
                    "has_quote_mark": has_quote_mark(q.content, doc.text)}
                   for q in doc.quotes],
        **doc.extra,
    }

