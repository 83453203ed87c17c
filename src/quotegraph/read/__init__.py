"""Readers: turn paths (files, directories, JSONL) into Articles, reporting bad input as values."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..names import show
from ..types import Article
from .dates import find_dateline, parse_iso
from .files import decode, make_article, read_html, read_text
from .inputs import list_inputs, open_regular
from .jsonl import article_from_record, read_jsonl_lines
from .jsonl_gz import read_jsonl_file
from .parquet import read_parquet
from .warc import read_warc

MAX_FILE_BYTES = 10_000_000  # one article; a 50 MB "article" is not news

__all__ = [
    "MAX_FILE_BYTES", "READERS", "InputError", "article_from_record", "decode", "find_dateline",
    "format_suffix", "known_format", "make_article", "parse_iso", "read_articles", "read_html",
    "read_jsonl_lines", "read_path", "read_text", "unsupported",
]


def _single(reader: Callable[..., Article]) -> Callable[[Path], Iterator[Article | InputError]]:
    def read(path: Path) -> Iterator[Article | InputError]:
        try:
            with open_regular(path, MAX_FILE_BYTES) as f:
                data = f.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:  # grew since it was opened
                raise InputError(show(path), f"file too large (over {MAX_FILE_BYTES // 1_000_000} MB)")
            yield reader(data, show(path))
        except InputError as e:
            yield e

    return read


def _jsonl(path: Path) -> Iterator[Article | InputError]:
    try:
        f = open_regular(path)
    except InputError as e:
        yield e
        return
    with f:
        yield from read_jsonl_lines(f, show(path))


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


def format_suffix(path: Path) -> str:
    """The registered format suffix of `path` ('.warc.gz', '.txt'…), or its last suffix."""
    s = "".join(path.suffixes[-2:]).lower()
    return s if s in READERS else path.suffix.lower()


def known_format(path: Path) -> bool:
    """Whether a reader is registered for the file's suffix."""
    return format_suffix(path) in READERS


def unsupported(path: Path) -> InputError:
    """The error for a file of a format no reader handles."""
    known = ", ".join(sorted(READERS))
    return InputError(show(path), f"unsupported file type '{path.suffix or path.name}' (expected one of {known})")


def read_path(path: str | os.PathLike[str]) -> Iterator[Article | InputError]:
    """Read one file (any registered format) or a directory tree, yielding Articles or errors."""
    for p in list_inputs([path], known_format):
        if isinstance(p, InputError):
            yield p
            continue
        reader = READERS.get(format_suffix(p))
        if reader is None:
            yield unsupported(p)
            continue
        try:
            yield from reader(p)
        except OSError as e:
            yield InputError(show(p), e.strerror or str(e))


def read_articles(paths: Iterable[str | os.PathLike[str]], published: str | None = None
                  ) -> Iterator[Article | InputError]:
    """Read every path in order; `published` fills in the date of articles that have none."""
    for path in paths:
        for item in read_path(path):
            if published and isinstance(item, Article) and not item.published:
                item = make_article(item.text, item.source, title=item.title, published=published,
                                    outlet=item.outlet, url=item.url)
            yield item
