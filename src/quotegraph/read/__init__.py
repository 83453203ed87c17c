"""Readers: turn paths (files, directories, JSONL) into Articles, reporting bad input as values."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..types import Article
from .dates import find_dateline, parse_iso
from .files import decode, make_article, read_html, read_text
from .jsonl import article_from_record, read_jsonl_lines
from .jsonl_gz import read_jsonl_file
from .parquet import read_parquet
from .warc import read_warc

MAX_FILE_BYTES = 10_000_000  # one article; a 50 MB "article" is not news

__all__ = [
    "MAX_FILE_BYTES", "READERS", "InputError", "article_from_record", "decode", "find_dateline",
    "make_article", "parse_iso", "read_articles", "read_html", "read_jsonl_lines", "read_path",
    "read_text",
]


def _single(reader: Callable[..., Article]) -> Callable[[Path], Iterator[Article | InputError]]:
    def read(path: Path) -> Iterator[Article | InputError]:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield InputError(str(path), f"file too large ({size / 1e6:.0f} MB; the limit for one article is {MAX_FILE_BYTES // 1_000_000} MB)")
            return
        try:
            yield reader(path.read_bytes(), str(path))
        except InputError as e:
            yield e

    return read


def _jsonl(path: Path) -> Iterator[Article | InputError]:
    with open(path, "rb") as f:
        yield from read_jsonl_lines(f, str(path))


# Suffix -> reader. Other modules (batch inputs) register further formats here.
READERS: dict[str, Callable[[Path], Iterator[Article | InputError]]] = {
    ".txt": _single(read_text),
    ".md": _single(read_text),
    ".markdown": _single(read_text),
    ".html": _single(read_html),
    ".htm": _single(read_html),
    ".jsonl": _jsonl,
    ".jsonl.gz": read_jsonl_file,
    ".parquet": read_parquet,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}


def _suffix(path: Path) -> str:
    s = "".join(path.suffixes[-2:]).lower()
    return s if s in READERS else path.suffix.lower()


def read_path(path: str | os.PathLike[str]) -> Iterator[Article | InputError]:
    """Read one file (any registered format) or a directory tree, yielding Articles or errors."""
    p = Path(path)
    if p.is_dir():
        for child in sorted(c for c in p.rglob("*") if c.is_file()):
            if _suffix(child) in READERS and not child.name.startswith("."):
                yield from read_path(child)
        return
    if not p.exists():
        yield InputError(str(p), "no such file")
        return
    reader = READERS.get(_suffix(p))
    if reader is None:
        known = ", ".join(sorted(READERS))
        yield InputError(str(p), f"unsupported file type '{p.suffix or p.name}' (expected one of {known})")
        return
    try:
        yield from reader(p)
    except OSError as e:
        yield InputError(str(p), e.strerror or str(e))


def read_articles(paths: Iterable[str | os.PathLike[str]], published: str | None = None
                  ) -> Iterator[Article | InputError]:
    """Read every path in order; `published` fills in the date of articles that have none."""
    for path in paths:
        for item in read_path(path):
            if published and isinstance(item, Article) and not item.published:
                item = make_article(item.text, item.source, title=item.title, published=published,
                                    outlet=item.outlet, url=item.url)
            yield item
