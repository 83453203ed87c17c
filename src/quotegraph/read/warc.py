"""WARC and WARC.gz: HTTP response records holding HTML pages, read with warcio."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..names import show
from ..types import Article
from .dates import parse_iso
from .files import make_article, read_html
from .inputs import open_regular

# One page; CC-NEWS pages are well under 1 MB, and trafilatura on a 20 MB page takes minutes.
MAX_PAGE_BYTES = 5_000_000
HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)


def _records(path: Path) -> Iterator[tuple[int, Any]]:
    """(n, record) for each WARC record, numbered from 1; then (n, InputError) if the file ends badly."""
    from warcio.archiveiterator import ArchiveIterator

    n = end = 0
    try:
        f = open_regular(path)
    except InputError as e:
        yield 1, e
        return
    try:
        with f:
            it = ArchiveIterator(f)
            for record in it:
                n += 1
                if record.format != "warc":
                    yield n, _not_warc(path, n)
                    return
                # Content-Length is mandatory: warcio hands back a record whose header block was cut off.
                if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    yield n, InputError(f"{show(path)}:record {n}",
                                        "truncated WARC headers (no valid Content-Length), rest of file skipped")
                    return
                yield n, record
                it.read_to_end(record)
                end = it.get_record_offset() + it.get_record_length()
            # warcio ends quietly when a gzip member or header is cut off: bytes left over after the
            # last complete record are the sign of a truncated file.
            f.seek(end)
            if f.read(64).strip():
                yield n + 1, InputError(f"{show(path)}:record {n + 1}",
                                        "truncated or unreadable data after the last complete record, rest of file skipped")
    except Exception as e:  # noqa: BLE001 (warcio raises assorted errors on corrupt input)
        yield n + 1, InputError(f"{show(path)}:record {n + 1}", f"corrupt or truncated WARC, rest of file skipped ({_why(e)})")


def count_warc_records(path: Path) -> tuple[int, InputError | None]:
    """Count the WARC records readable in `path`, and the error that ended the file early, if any."""
    n = 0
    for i, item in _records(path):
        if isinstance(item, InputError):
            return n, item
        n = i
    return n, None


def read_warc(path: Path, start: int = 0, stop: int | None = None) -> Iterator[Article | InputError]:
    """Yield an Article (or InputError) per HTTP response record in [start, stop) of a WARC file.

    Records are numbered from 1 in errors (`file.warc.gz:record 7`); request, metadata and
    warcinfo records are not articles and pass silently.
    """
    for n, item in _records(path):
        if isinstance(item, InputError):
            # A file-level error past `stop` belongs to the plan, which reported it once already.
            if stop is None or n <= stop:
                yield item
            return
        # Skipped records cost only decompression: their content is never read.
        if n > start and item.rec_type == "response":
            where = f"{show(path)}:record {n}"
            try:
                yield _article(item, where)
            except InputError as e:
                yield e
        if stop is not None and n >= stop:
            return


def _not_warc(path: Path, n: int) -> InputError:
    # warcio reads any text with space-separated header lines as ARC; that is garbage here.
    return InputError(f"{show(path)}:record {n}", "not a WARC record, rest of file skipped")


def _why(e: BaseException) -> str:
    return (f"{type(e).__name__}: {e}" if str(e) else type(e).__name__)[:200]


def _article(record, where: str) -> Article:  # noqa: ANN001 (warcio has no types)
    """Turn one response record into an Article, or raise InputError saying why it is not one."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    # The body is read first (at most one page over the limit): only after reading does warcio
    # show that a record was cut off, and a cut-off record's headers cannot be trusted either.
    try:
        body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    except (EOFError, zlib.error, OSError, ValueError) as e:
        raise InputError(where, f"unreadable page body ({_why(e)}) ({url})") from None
    if len(body) > MAX_PAGE_BYTES:
        raise InputError(where, f"page too large (over {MAX_PAGE_BYTES // 1_000_000} MB) ({url})")
    # What is left unread of the declared Content-Length tells that the file ended in this record.
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise InputError(where, f"truncated record ({missing} bytes missing; file cut short?) ({url})")
    http = record.http_headers
    if http is None:
        raise InputError(where, f"response without HTTP headers ({url})")
    status = http.get_statuscode()
    if status != "200":
        raise InputError(where, f"HTTP status {status}, not a page ({url})")
    ctype = (http.get_header("Content-Type") or "").lower()
    mime = ctype.split(";")[0].strip()
    if mime not in HTML_TYPES:
        raise InputError(where, f"not HTML (Content-Type {mime or 'missing'}) ({url})")
    html = _decode(body, _charset(ctype, body), where, url)
    warc_date = record.rec_headers.get_header("WARC-Date")
    article = read_html(html, where, url=url)
    if article.published or not warc_date:
        return article
    # The page's own metadata date wins; the crawl date is the fallback.
    try:
        published = parse_iso(warc_date)
    except ValueError:
        return article
    return make_article(article.text, article.source, title=article.title, published=published,
                        outlet=article.outlet, url=article.url)


def _charset(content_type: str, body: bytes) -> str:
    m = re.search(r"charset\s*=\s*[\"']?([-\w.:]+)", content_type)
    if m:
        return m.group(1)
    m = _META_CHARSET.search(body[:4096])
    return m.group(1).decode("ascii") if m else "utf-8"


def _decode(body: bytes, charset: str, where: str, url: str | None) -> str:
    if not body.strip():
        raise InputError(where, f"empty page ({url})")
    try:
        return body.decode("utf-8-sig" if charset.lower() in ("utf-8", "utf8") else charset)
    except LookupError:
        raise InputError(where, f"unknown charset {charset!r} ({url})") from None
    except UnicodeDecodeError as e:
        raise InputError(where, f"bytes do not match the declared charset {charset} "
                                f"(byte 0x{body[e.start]:02x} at offset {e.start}) ({url})") from None
