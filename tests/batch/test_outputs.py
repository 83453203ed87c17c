"""The Parquet layout round-trips the record contract, whatever fields a statement has."""

from __future__ import annotations

import json

import pytest

from quotegraph.batch import read_outputs, read_records
from quotegraph.batch.outputs import flatten, unflatten, write_shard
from quotegraph.errors import InputError
from quotegraph.record import to_dict
from quotegraph.types import Article, ArticleResult, Span, Speaker, Statement

TEXT = 'Ms Smith, the mayor, said on Monday: "We will rebuild the bridge." Officials agreed.'
ARTICLE = Article(id="a1", text=TEXT, source="x.txt", title="Bridge", published="2016-09-29")
FULL = Statement(id="s1", kind="direct", content=(Span(38, 64), Span(66, 75)), cue=Span(21, 25),
                 source=Span(0, 8), speaker=Speaker("Jane Smith", "person", "mayor", "Springfield", "p1"),
                 addressee=Span(10, 19), venue=None, date="2016-09-26", date_text=Span(26, 35),
                 confidence=0.9)
BARE = Statement(id="s2", kind="indirect", content=(Span(67, 85),))


@pytest.mark.parametrize("statements", [(), (FULL,), (BARE,), (FULL, BARE),
                                        (Statement(id="s3", kind="mixed", content=(), speaker=Speaker("")),)])
def test_flatten_round_trip(statements: tuple) -> None:
    result = ArticleResult(ARTICLE, statements)
    article, rows = flatten(result, shard=3, seq=7)
    assert article["statements"] == len(rows) == len(statements)
    assert all(r["article_id"] == "a1" and r["shard"] == 3 and r["seq"] == 7 for r in rows)
    assert unflatten(article, rows) == to_dict(result)


def test_new_record_fields_survive(monkeypatch: pytest.MonkeyPatch) -> None:
    import quotegraph.batch.outputs as outputs

    rec = to_dict(ArticleResult(ARTICLE, (BARE,)))
    rec["statements"][0]["future_field"] = "x"  # a field this module has no column for
    monkeypatch.setattr(outputs, "to_dict", lambda r: rec)
    article, rows = outputs.flatten(ArticleResult(ARTICLE, (BARE,)), 0, 0)
    assert json.loads(rows[0]["extra"])["future_field"] == "x"
    assert unflatten(article, rows) == rec


def test_written_shards_read_back_in_order(tmp_path) -> None:
    (tmp_path / "plan.json").write_text("{}")
    results = [ArticleResult(ARTICLE, (FULL, BARE)), ArticleResult(ARTICLE, ())]
    write_shard(tmp_path, "shard-00001", 1, results[1:], {"errors": []})
    write_shard(tmp_path, "shard-00000", 0, results[:1], {"errors": []})
    write_shard(tmp_path, "shard-00002", 2, results, {"errors": []})
    (tmp_path / "_done" / "shard-00002.json").unlink()  # unfinished: must not be read
    assert list(read_outputs(tmp_path)) == results
    assert list(read_records(tmp_path)) == [to_dict(r) for r in results]


def test_read_outputs_refuses_other_directories(tmp_path) -> None:
    with pytest.raises(InputError, match="not a `quotegraph batch` output"):
        list(read_outputs(tmp_path))
