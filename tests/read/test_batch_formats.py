"""Parquet and JSONL(.gz) readers: rows and lines become Articles; ranges keep their numbering."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from quotegraph.errors import InputError
from quotegraph.read import read_articles
from quotegraph.read.jsonl_gz import count_jsonl_lines, read_jsonl_file
from quotegraph.read.parquet import count_parquet_rows, read_parquet

TEXT = "The minister said the talks would resume next week."
HTML = f"<html><body><article><p>{TEXT}</p>" * 3 + "</article></body></html>"


def kinds(items: list) -> list[str]:
    return [f"error {i.source.rsplit('/', 1)[-1]}: {i.reason}" if isinstance(i, InputError) else "article" for i in items]


@pytest.mark.parametrize("columns, expected", [
    ({"text": [TEXT, TEXT]}, ["article", "article"]),
    ({"html": [HTML]}, ["article"]),
    ({"text": [TEXT, None, "  "]}, ["article", "error t.parquet:row 2: no non-empty 'text' or 'html' field",
                                      "error t.parquet:row 3: no non-empty 'text' or 'html' field"]),
    ({"text": [TEXT], "published": ["29/09/2016"]}, ["error t.parquet:row 1: published: '29/09/2016' is not a date (expected YYYY-MM-DD)"]),
    ({"body": [TEXT]}, ["error t.parquet: no 'text' or 'html' column (columns: body)"]),
    ({"text": pa.array([], pa.string())}, []),
])
def test_parquet_rows(tmp_path: Path, columns: dict, expected: list[str]) -> None:
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table(columns), path)
    assert kinds(list(read_parquet(path))) == expected


def test_parquet_metadata_and_typed_dates(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"text": [TEXT], "title": ["Talks"], "url": ["http://x.test/a"],
                             "outlet": ["Wire"], "published": [dt.date(2016, 9, 29)], "other": [1]}), path)
    [a] = list(read_articles([path]))
    assert (a.title, a.url, a.outlet, a.published, a.source) == ("Talks", "http://x.test/a", "Wire", "2016-09-29", f"{path}:row 1")


def test_parquet_ranges(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"text": [f"{TEXT} {i}" for i in range(600)]}), path, row_group_size=100)
    assert count_parquet_rows(path) == (600, None)
    got = [a.source for s in (0, 250, 500) for a in read_parquet(path, s, s + 250 if s < 500 else 600)]
    assert got == [f"{path}:row {i}" for i in range(1, 601)]


@pytest.mark.parametrize("data", [b"", b"not parquet at all"])
def test_unreadable_parquet_is_one_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "t.parquet"
    path.write_bytes(data)
    [err] = list(read_parquet(path))
    assert isinstance(err, InputError) and "not a readable Parquet file" in err.reason
    assert count_parquet_rows(path)[0] == 0


@pytest.mark.parametrize("name", ["f.jsonl", "f.jsonl.gz"])
def test_jsonl_ranges_keep_line_numbers(tmp_path: Path, name: str) -> None:
    lines = [json.dumps({"text": f"{TEXT} {i}"}) for i in range(5)] + ["", "{bad"]
    raw = ("\n".join(lines) + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(raw) if name.endswith(".gz") else raw)
    assert count_jsonl_lines(path) == (7, None)
    whole = kinds(list(read_jsonl_file(path)))
    parts = kinds([x for s in (0, 3, 6) for x in read_jsonl_file(path, s, s + 3)])
    assert parts == whole == ["article"] * 5 + [f"error {name}:7: malformed JSON (Expecting property name enclosed in double quotes at column 2)"]
    assert [a.source for a in read_jsonl_file(path, 3, 5)] == [f"{path}:4", f"{path}:5"]


def test_truncated_gzip_keeps_earlier_lines(tmp_path: Path) -> None:
    raw = "".join(json.dumps({"text": f"{TEXT} {i} " + "x" * 3000}) + "\n" for i in range(20)).encode()
    path = tmp_path / "f.jsonl.gz"
    data = gzip.compress(raw)
    path.write_bytes(data[: len(data) // 2])
    items = list(read_articles([path]))
    assert all(not isinstance(i, InputError) for i in items[:-1]) and len(items) > 1
    assert isinstance(items[-1], InputError) and "truncated or corrupt gzip" in items[-1].reason
    n, err = count_jsonl_lines(path)
    assert err is not None and n == len(items) - 1
