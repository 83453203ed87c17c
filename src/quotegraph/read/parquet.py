"""Parquet articles: one row per article with a text or html column, plus optional metadata."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..types import Article
from .inputs import open_regular
from .jsonl import META_FIELDS, article_from_record

BODY_FIELDS = ("text", "html")
BATCH_ROWS = 256  # rows decoded at a time: bounded memory on large files


def count_parquet_rows(path: Path) -> tuple[int, InputError | None]:
    """Return the number of rows (from the footer, without reading data), or the file's error."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        with open_regular(path) as f:
            pf = pq.ParquetFile(f)
            if err := _missing_body(path, pf.schema_arrow.names):
                return 0, err
            return pf.metadata.num_rows, None
    except InputError as e:
        return 0, e
    except (pa.ArrowException, OSError) as e:
        return 0, InputError(str(path), f"not a readable Parquet file ({e})")


def _missing_body(path: Path, names: list[str]) -> InputError | None:
    if set(names) & set(BODY_FIELDS):
        return None
    return InputError(str(path), f"no 'text' or 'html' column (columns: {', '.join(sorted(names)) or 'none'})")


def _plain(v: object) -> object:
    # Dates typed as date/timestamp columns are still dates: give article_from_record ISO strings.
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()[:10]
    return v


def read_parquet(path: Path, start: int = 0, stop: int | None = None) -> Iterator[Article | InputError]:
    """Yield an Article (or InputError) per row in [start, stop) of a Parquet file; rows count from 1."""
    try:
        f = open_regular(path)
    except InputError as e:
        yield e
        return
    with f:
        yield from _rows(path, f, start, stop)


def _rows(path: Path, f: IO[bytes], start: int, stop: int | None) -> Iterator[Article | InputError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(f)
    except (pa.ArrowException, OSError) as e:
        yield InputError(str(path), f"not a readable Parquet file ({e})")
        return
    names = pf.schema_arrow.names
    if err := _missing_body(path, names):
        yield err
        return
    columns = [c for c in (*BODY_FIELDS, *META_FIELDS) if c in names]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=columns):
            n = batch.num_rows
            if row + n <= start:
                row += n  # whole batch before the range: skip without converting to Python
                continue
            for rec in batch.to_pylist():
                row += 1
                if row <= start:
                    continue
                if stop is not None and row > stop:
                    return
                where = f"{path}:row {row}"
                try:
                    yield article_from_record({k: _plain(v) for k, v in rec.items()}, where)
                except InputError as e:
                    yield e
            if stop is not None and row >= stop:
                return
    except (pa.ArrowException, OSError) as e:
        yield InputError(f"{path}:row {row + 1}", f"unreadable Parquet data, rest of file skipped ({e})")
