"""The store commands: real ingests of the bundled articles, and reads of a synthetic store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from store_fixtures import Q, article

from quotegraph.cli import cli
from quotegraph.errors import StoreError
from quotegraph.examples import example_paths
from quotegraph.store import connect, store_result

QUOTE = "Once again we declare that the Russian Aerospace Forces are not conducting any strikes in Aleppo"


@pytest.fixture(scope="module")
def examples_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("examples")
    for p in example_paths():
        (d / p.name).write_bytes(p.read_bytes())
    (d / "empty.txt").write_text("   \n", encoding="utf-8")
    (d / "broken.md").write_bytes(b"\xff\xfe not utf-8 \xff")
    return d


def test_ingest_bundled_articles_is_idempotent_and_reports_bad_files(examples_dir, tmp_path, nlp):
    db = str(tmp_path / "q.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(examples_dir), "--db", db])
    n = len(example_paths())
    assert first.exit_code == 2, first.output  # some inputs failed; the rest is stored
    assert f"{n} articles stored" in first.output and "2 errors" in first.output
    assert "empty file" in first.output and "not valid UTF-8" in first.output
    conn = connect(db)
    snapshot = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "statements", "speakers", "clusters", "errors")]
    assert snapshot[0] == n and snapshot[4] == 2
    texts = {r["source"]: r["text"] for r in conn.execute("SELECT source, text FROM articles")}
    for p in example_paths():  # txt/md are stored byte-for-byte, so offsets index the user's file
        assert texts[str(examples_dir / p.name)] == p.read_text(encoding="utf-8-sig")
    conn.close()

    again = runner.invoke(cli, ["ingest", str(examples_dir), "--db", db])
    assert "0 articles stored" in again.output and f"{n} unchanged" in again.output
    conn = connect(db)
    assert snapshot == [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                        for t in ("articles", "statements", "speakers", "clusters", "errors")]


def test_ingest_loads_a_batch_output_as_it_is(tmp_path):
    """`quotegraph ingest OUT` stores a batch run's results without extracting again."""
    src = next(p for p in example_paths() if p.name.startswith("wikinews-korea"))
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(cli, ["batch", str(src), "--out", str(out), "--no-progress"]).exit_code == 0
    from quotegraph.batch import read_records

    [record] = list(read_records(out))
    db = str(tmp_path / "q.db")
    r = runner.invoke(cli, ["ingest", str(out), "--db", db])
    assert r.exit_code == 0, r.output
    assert f"1 articles stored, 0 replaced, 0 unchanged, {len(record['statements'])} statements, 0 errors" in r.output
    conn = connect(db)
    assert {row[0] for row in conn.execute("SELECT id FROM statements")} == {s["id"] for s in record["statements"]}
    conn.close()
    again = runner.invoke(cli, ["ingest", str(out), str(src), "--db", db])  # the same article, twice
    assert again.exit_code == 0 and "0 articles stored, 0 replaced, 2 unchanged" in again.output


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path)
    for outlet, day, name in [("RT", "2016-09-29", "General Igor Konashenkov"),
                              ("TASS", "2016-09-28", "Konashenkov"), ("CNN", "2016-09-30", "Igor Konashenkov")]:
        store_result(conn, article([Q(QUOTE, name, affiliation="Russian Defense Ministry")],
                                   source=f"{outlet}.md", outlet=outlet, published=day))
    cid = conn.execute("SELECT id FROM clusters").fetchone()[0]
    conn.close()
    return str(path), cid


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_search_formats(store, fmt):
    db, _ = store
    r = CliRunner().invoke(cli, ["search", "aleppo", "--db", db, "--format", fmt, "--since", "2016-09-29"])
    assert r.exit_code == 0, r.output
    if fmt == "jsonl":
        rows = [json.loads(x) for x in r.output.splitlines()]
        assert len(rows) == 2 and all(x["article_id"] for x in rows)
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(r.output)))) == 2
    else:
        assert "\n2 statements\n" in r.output and "Igor Konashenkov" in r.output


def test_search_bad_date_is_a_usage_error(store):
    r = CliRunner().invoke(cli, ["search", "x", "--db", store[0], "--since", "yesterday"])
    assert r.exit_code == 2 and "not a date" in r.output


def test_malformed_query_is_one_line_not_a_traceback(store):
    p = subprocess.run([sys.executable, "-m", "quotegraph", "search", '"unclosed', "--syntax", "fts", "--db", store[0]],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 2
    assert p.stderr.startswith("quotegraph: error: cannot parse search query")
    assert "Traceback" not in p.stderr


def test_read_commands_refuse_a_missing_store(tmp_path):
    r = CliRunner().invoke(cli, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert isinstance(r.exception, StoreError)
    assert not (tmp_path / "none.db").exists()


def test_speakers_and_speaker_timeline(store):
    db, _ = store
    r = CliRunner().invoke(cli, ["speakers", "--db", db])
    assert r.exit_code == 0, r.output
    assert "Igor Konashenkov  (person; 3 statements in 3 articles; 2016-09-28 – 2016-09-30)" in r.output
    assert "General" in r.output
    r = CliRunner().invoke(cli, ["speaker", "Konashenkov", "--db", db])
    lines = [ln for ln in r.output.splitlines() if ln.startswith("2016")]
    assert [ln[:10] for ln in lines] == ["2016-09-28", "2016-09-29", "2016-09-30"]
    r = CliRunner().invoke(cli, ["speaker", "Lavrov", "--db", db])
    assert isinstance(r.exception, StoreError)


def test_cluster_shows_carriers_earliest_first(store):
    db, cid = store
    r = CliRunner().invoke(cli, ["cluster", cid, "--db", db])
    assert r.exit_code == 0, r.output
    assert "3 statements in 3 articles from 3 outlets" in r.output
    outlets = [ln.split()[1] for ln in r.output.splitlines() if ln.startswith("2016")]
    assert outlets == ["TASS", "RT", "CNN"]
    assert "[origin, " in r.output  # each version aligned with the fullest (test_cli_drift.py)
    listing = CliRunner().invoke(cli, ["cluster", "--db", db])
    assert cid in listing.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    r = CliRunner().invoke(cli, ["export", "--format", fmt, "--out", str(out), "--db", store[0]])
    assert r.exit_code == 0, r.output
    assert "wrote 3 statements" in r.output
    assert out.stat().st_size > 0


def test_export_parquet_needs_out(store):
    r = CliRunner().invoke(cli, ["export", "--format", "parquet", "--db", store[0]])
    assert r.exit_code == 2
