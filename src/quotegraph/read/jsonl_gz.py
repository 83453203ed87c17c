"""JSONL files read by line range, plain or gzipped (.jsonl.gz), for sharded batch reading."""

from __future__ import annotations

import gzip
import itertools
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..names import show
from ..types import Article
from .inputs import open_regular
from .jsonl import read_jsonl_lines

# What a truncated or corrupt gzip stream raises part-way through.
_BROKEN_GZIP = (EOFError, zlib.error, gzip.BadGzipFile)


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    with open_regular(path) as raw:
        if path.name.lower().endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as f:
                yield f  # type: ignore[misc]
        else:
            yield raw


def count_jsonl_lines(path: Path) -> tuple[int, InputError | None]:
    """Count the lines readable in a (gzipped) JSONL file, and the error that ended it early, if any."""
    n = 0
    try:
        with _open(path) as f:
            for _ in f:
                n += 1
    except InputError as e:
        return 0, e
    except _BROKEN_GZIP as e:
        return n, InputError(f"{show(path)}:{n + 1}", f"truncated or corrupt gzip, rest of file skipped ({type(e).__name__}: {e})")
    return n, None


def read_jsonl_file(path: Path, start: int = 0, stop: int | None = None) -> Iterator[Article | InputError]:
    """Yield an Article (or InputError) per non-blank line in [start, stop) of a (gzipped) JSONL file."""
    read = 0

    def lines(f: IO[bytes]) -> Iterator[bytes]:
        nonlocal read
        for raw in itertools.islice(f, start, stop):  # islice skips lines without parsing them
            read += 1
            yield raw

    try:
        with _open(path) as f:
            # Blank lines are skipped by read_jsonl_lines but still counted, so padding with
            # `start` of them keeps its `file:LINE` numbering right for a shard that starts late.
            yield from read_jsonl_lines(itertools.chain(itertools.repeat(b"", start), lines(f)), show(path))
    except InputError as e:
        yield e
    except _BROKEN_GZIP as e:
        yield InputError(f"{show(path)}:{start + read + 1}", f"truncated or corrupt gzip, rest of file skipped ({type(e).__name__}: {e})")
