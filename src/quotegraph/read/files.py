"""Single-file readers: plain text, markdown and HTML."""

from __future__ import annotations

import re

from ..errors import InputError
from ..names import printable
from ..types import Article
from .dates import find_dateline

_HEADING_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+|[*_]+")


def decode(data: bytes, source: str) -> str:
    """Decode article bytes as UTF-8 (BOM allowed), refusing empty and binary data."""
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(source, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def headline(text: str) -> str | None:
    """The first non-empty line, when it reads like a headline rather than body text or a date."""
    for line in text.splitlines():
        s = _HEADING_MARKS.sub("", line).strip()
        if not s:
            continue
        words = s.split()
        if len(s) <= 200 and 2 <= len(words) <= 30 and not find_dateline(s, 1):
            return s.rstrip(".")
        return None
    return None


def read_text(data: bytes, source: str, **meta: str | None) -> Article:
    """Read a .txt or .md article: its text is the decoded file, unchanged."""
    text = decode(data, source)
    return make_article(text, source, title=meta.get("title") or headline(text),
                        published=meta.get("published") or find_dateline(text),
                        outlet=meta.get("outlet"), url=meta.get("url"))


def read_html(data: bytes | str, source: str, **meta: str | None) -> Article:
    """Extract an article's main text and metadata from HTML with trafilatura."""
    import trafilatura

    html = decode(data, source) if isinstance(data, bytes) else data
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise InputError(source, "no article text found in the HTML")
    # trafilatura separates paragraphs with one newline; quotegraph reads blank-line paragraphs.
    text = re.sub(r"\n+", "\n\n", body.strip())
    title = meta.get("title") or getattr(doc, "title", None)
    published = meta.get("published") or getattr(doc, "date", None) or find_dateline(text)
    outlet = meta.get("outlet") or getattr(doc, "sitename", None)
    url = meta.get("url") or getattr(doc, "url", None)
    return make_article(text, source, title=title, published=published, outlet=outlet, url=url)


def make_article(text: str, source: str | None, *, title: str | None = None,
                 published: str | None = None, outlet: str | None = None,
                 url: str | None = None) -> Article:
    """Build an Article whose id is a content hash of its text and URL."""
    from ..ids import content_id

    # The source names a file or record: printable, and storable whatever bytes its name held.
    source = printable(source) if source is not None else None
    return Article(id=content_id(url or "", text), text=text, source=source, title=title,
                   published=published, outlet=outlet, url=url)
