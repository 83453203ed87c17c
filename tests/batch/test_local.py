"""The local engine end to end: every format, bad records reported, rows as `extract` gives them."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from quotegraph.batch import BatchError, read_outputs, read_records, run_batch
from quotegraph.errors import InputError
from quotegraph.pipeline import process_articles
from quotegraph.read import read_articles
from quotegraph.record import to_dict


def table_rows(out: Path, name: str) -> list[dict]:
    """Every row of one output table, in a canonical order, for row-for-row comparison."""
    rows = pq.read_table(out / name).to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.fixture(scope="module")
def local_run(mixed_inputs: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("local") / "out"
    manifest = run_batch(mixed_inputs["inputs"], out, workers=2, shard_size=2, progress=False)
    return {"out": out, "manifest": manifest}


def test_counts_and_manifest(local_run: dict, mixed_inputs: dict) -> None:
    m = local_run["manifest"]
    assert m["complete"] and m["engine"] == "local" and m["workers"] == 2
    assert m["counts"]["articles"] == mixed_inputs["articles"]
    assert m["counts"]["errors"] == len(mixed_inputs["errors"])
    assert m["counts"]["shards_done"] == m["counts"]["shards"] == m["counts"]["shards_this_run"]
    assert m["versions"]["model"] and m["versions"]["pyarrow"]
    assert 0 < m["peak_rss_mb_per_worker"] < 1000
    assert json.loads((local_run["out"] / "manifest.json").read_text()) == m


def test_errors_jsonl_names_each_bad_input_once(local_run: dict, mixed_inputs: dict) -> None:
    lines = (local_run["out"] / "errors.jsonl").read_text().splitlines()
    got = [json.loads(line) for line in lines]
    assert len(got) == len(mixed_inputs["errors"])
    for (where, why), e in zip(mixed_inputs["errors"], got, strict=True):
        assert e["source"].endswith(where) and why in e["reason"], e


def test_rows_match_extract(local_run: dict, mixed_inputs: dict) -> None:
    # The batch outputs hold exactly what `quotegraph extract` gives for the same inputs.
    items = list(read_articles(mixed_inputs["inputs"]))
    expected = [to_dict(r) for r in process_articles(i for i in items if not isinstance(i, InputError))]
    assert list(read_records(local_run["out"])) == expected


def test_read_outputs_rebuilds_results(local_run: dict) -> None:
    results = list(read_outputs(local_run["out"]))
    assert [to_dict(r) for r in results] == list(read_records(local_run["out"]))
    by_url = {r.article.url: r.article for r in results if r.article.url}
    # WARC: the page's own date wins; without one the crawl date is used.
    assert by_url["http://x.test/cafe"].published == "2015-06-01"
    assert "café" in by_url["http://x.test/cafe"].text
    assert all(r.article.text for r in results)


def test_statements_join_to_articles(local_run: dict) -> None:
    arts = pq.read_table(local_run["out"] / "articles").to_pylist()
    sts = pq.read_table(local_run["out"] / "statements").to_pylist()
    ids = {a["id"] for a in arts}
    assert all(s["article_id"] in ids for s in sts)
    assert sum(a["statements"] for a in arts) == len(sts)


def test_rerun_skips_everything_and_changes_nothing(local_run: dict, mixed_inputs: dict) -> None:
    out = local_run["out"]
    before = {n: table_rows(out, n) for n in ("articles", "statements")}
    m = run_batch(mixed_inputs["inputs"], out, workers=2, shard_size=2, progress=False)
    assert m["counts"]["shards_this_run"] == 0 and m["complete"]
    assert {n: table_rows(out, n) for n in before} == before
    assert len((out / "errors.jsonl").read_text().splitlines()) == len(mixed_inputs["errors"])


def test_accurate_tier_rows_match_extract_and_name_the_tagger(mixed_inputs: dict, tmp_path: Path) -> None:
    out = tmp_path / "out"
    m = run_batch(mixed_inputs["inputs"], out, workers=1, shard_size=4, tier="accurate", progress=False)
    assert m["complete"] and m["versions"]["model"].endswith("+tagger")
    assert 0 < m["peak_rss_mb_per_worker"] < 1000
    items = list(read_articles(mixed_inputs["inputs"]))
    expected = [to_dict(r) for r in process_articles((i for i in items if not isinstance(i, InputError)),
                                                     tier="accurate")]
    assert list(read_records(out)) == expected
    with pytest.raises(BatchError, match="not the fast tier"):
        run_batch(mixed_inputs["inputs"], out, workers=1, shard_size=4, progress=False)
