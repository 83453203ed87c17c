"""`quotegraph drift`, the aligned `quotegraph cluster ID`, and `export --table drift`."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from test_drift import FULL, JOINED, NEGATED, TRIMMED, carry

from quotegraph.cli import cli
from quotegraph.errors import StoreError
from quotegraph.store import connect, drift


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "drift.db"
    conn = connect(path)
    carry(conn, [(TRIMMED, "Daily B", "2019-03-02"), (FULL, "Wire A", "2019-03-01"),
                 (NEGATED, "Daily C", "2019-03-03"), (JOINED, "Daily D", "2019-03-04")])
    other = "Our budget for the coming year will rise to three hundred million dollars for the armed forces"
    carry(conn, [(other, "Wire A", "2019-04-01"), (other.replace("three", "two"), "Daily B", "2019-04-02")],
          speaker="Ben Ode", first_aside=4)
    cid = conn.execute("SELECT cluster_id FROM cluster_drift WHERE negation_changed").fetchone()[0]
    conn.close()
    return str(path), cid


def run(*args):
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code == 0, r.output
    return r.output


def test_jsonl_lists_every_version_of_each_drifted_cluster(store):
    db, cid = store
    lines = [json.loads(ln) for ln in run("drift", "--format", "jsonl", "--db", db).splitlines()]
    assert len(lines) == 6 and all(list(ln) == list(drift.JSONL_FIELDS) for ln in lines)
    negation = [ln for ln in lines if ln["cluster_id"] == cid]
    assert lines[:4] == negation  # the worst cluster first
    assert [(ln["outlet"], ln["origin"], ln["labels"]) for ln in negation] == [
        ("Wire A", True, ["verbatim"]), ("Daily B", False, ["trimmed"]),
        ("Daily C", False, ["elided"]), ("Daily D", False, ["elided"])]
    assert [ln["negation_changed"] for ln in negation] == [False, True, True, True]


def test_filters(store):
    db, cid = store
    outlet = [json.loads(ln) for ln in run("drift", "--format", "jsonl", "--outlet", "daily c", "--db", db).splitlines()]
    assert {ln["cluster_id"] for ln in outlet} == {cid}
    assert run("drift", "--format", "jsonl", "--min-score", "100", "--db", db) == ""
    since = [json.loads(ln) for ln in run("drift", "--format", "jsonl", "--since", "2019-04-01", "--db", db).splitlines()]
    assert {ln["numbers_changed"] for ln in since} == {False, True} and len(since) == 2
    r = CliRunner().invoke(cli, ["drift", "--since", "April", "--db", db])
    assert r.exit_code == 2 and "April" in r.output


def test_table_and_csv(store):
    db, cid = store
    table = run("drift", "--db", db)
    assert table.index(cid) < table.index("number changed")  # worst first
    assert "2 of 2 clusters with drift" in table
    rows = list(csv.DictReader(io.StringIO(run("drift", "--format", "csv", "--limit", "1", "--db", db))))
    assert [r["outlet"] for r in rows] == ["Wire A", "Daily B", "Daily C", "Daily D"]
    assert rows[0]["labels"] == "verbatim" and rows[1]["negation_changed"] == "True"


def test_cluster_shows_each_version_with_differences_marked(store):
    db, cid = store
    out = run("cluster", cid, "--db", db)
    assert "[-I do not believe that-] we should leave the union" in out
    assert "we will [-not-] sign" in out
    assert "[-before the summer, and we will not sign any new treaty-] … in 2019" in out
    outlets = [ln[12:].split("  ·")[0] for ln in out.splitlines() if ln.startswith("2019-")]
    assert outlets == ["Wire A", "Daily B", "Daily C", "Daily D"]
    items = [json.loads(ln) for ln in run("cluster", cid, "--format", "jsonl", "--db", db).splitlines()]
    assert [i["drift"]["origin"] for i in items] == [True, False, False, False]


def test_drift_computes_clusters_not_analysed_yet(store):
    db, _ = store
    conn = connect(db)
    conn.execute("DELETE FROM cluster_drift")
    conn.close()
    r = CliRunner().invoke(cli, ["drift", "--db", db])
    assert r.exit_code == 0 and "computing drift for 2 clusters" in r.output
    assert "2 of 2 clusters with drift" in r.output


def test_drift_refuses_a_missing_store(tmp_path):
    r = CliRunner().invoke(cli, ["drift", "--db", str(tmp_path / "none.db")])
    assert isinstance(r.exception, StoreError) and not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_drift_table(store, tmp_path, fmt):
    db, cid = store
    out = tmp_path / f"drift.{fmt}"
    assert "wrote 6 drift rows" in run("export", "--table", "drift", "--format", fmt, "--out", str(out), "--db", db)
    if fmt == "parquet":
        rows = pq.read_table(out).to_pylist()
        assert rows[0]["labels"] == ["verbatim"] and rows[0]["origin"] is True
        assert rows[0]["cluster_id"] == cid and rows[0]["cluster_score"] >= 10
    else:
        assert out.read_text(encoding="utf-8").count(cid) == 4


def test_export_drift_is_not_plover(store):
    r = CliRunner().invoke(cli, ["export", "--table", "drift", "--format", "plover", "--db", store[0]])
    assert r.exit_code == 2 and "jsonl, csv or parquet" in r.output
