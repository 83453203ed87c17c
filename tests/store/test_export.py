"""Export statements joined with speaker and article."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
from store_fixtures import Q, article

from quotegraph.store import store_result
from quotegraph.store.export import COLUMNS, write_csv, write_jsonl, write_parquet


def _fill(db):
    store_result(db, article([Q("We are ready to continue the dialogue with Washington", "Sergei Ryabkov"),
                              Q("Nobody here knows anything about it at all")], source="a.md", outlet="RT"))


def test_jsonl(db):
    _fill(db)
    out = io.StringIO()
    assert write_jsonl(db, out) == 2
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert set(rows[0]) == set(COLUMNS)
    assert rows[0]["speaker_name"] == "Sergei Ryabkov" and rows[0]["outlet"] == "RT"
    assert rows[1]["speaker_id"] is None
    assert isinstance(rows[0]["spans"]["content"][0], list)


def test_csv(db):
    _fill(db)
    out = io.StringIO()
    assert write_csv(db, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2 and rows[0]["article_id"]


def test_parquet(db, tmp_path):
    _fill(db)
    path = tmp_path / "s.parquet"
    assert write_parquet(db, str(path)) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2 and table.column_names == list(COLUMNS)


def test_parquet_of_an_empty_store_has_the_schema(db, tmp_path):
    path = tmp_path / "e.parquet"
    assert write_parquet(db, str(path)) == 0
    assert pq.read_table(path).column_names == list(COLUMNS)
