"""extract, ingest and batch over the fuzz corpus: every hostile input ends in a named one-line
error or a correct result, the good articles all come out, within time and memory budgets."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import EITHER, ERROR, OK, Corpus, write_corpus

from quotegraph.names import show

# Per command, on the CI corpus (tests/fuzz/corpus.py SIZES). The extraction process alone is
# about 450 MB with the model loaded; a pathological text must not add much to it.
WALL_S = 120
PEAK_RSS_MB = 700

# Runs a command and reports the largest resident set of any process under it (ru_maxrss of
# the waited-for children: each worker and extraction process, not their sum).
_MEASURE = """
import json, resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[2:], capture_output=True)
sys.stdout.buffer.write(r.stdout)
sys.stderr.buffer.write(r.stderr)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
open(sys.argv[1], "w").write(json.dumps({"rc": r.returncode, "wall": time.monotonic() - t, "rss": peak}))
"""
CLI = [sys.executable, "-c", "from quotegraph.cli import main; main()"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return write_corpus(tmp_path_factory.mktemp("fuzz"), "ci")


def run(tmp: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    """Run a quotegraph command under the meter; check the exit code and the budgets."""
    report = tmp / "measure.json"
    r = subprocess.run([sys.executable, "-c", _MEASURE, str(report), *CLI, *args],
                       capture_output=True, timeout=3 * WALL_S)
    m = json.loads(report.read_text())
    err = r.stderr.decode("utf-8", "replace")
    assert m["rc"] in (0, 2), err
    assert "Traceback" not in err, err
    assert all(line.startswith("quotegraph") for line in err.splitlines()), err
    assert m["wall"] < WALL_S, m
    assert m["rss"] < PEAK_RSS_MB, m
    return r, m


def check(corpus: Corpus, outputs: set[str], errors: list[str]) -> None:
    """Every good article is in `outputs` (sources); every bad input is named in `errors`."""
    assert set(map(show, corpus.good)) <= outputs, set(map(show, corpus.good)) - outputs
    named = "\n".join(errors)
    for case in corpus.cases:
        name = show(case.path)
        if case.expect == ERROR or (case.expect == EITHER and name not in outputs):
            assert name in named, (case.row, name)
        if case.expect == OK:
            assert name in outputs, (case.row, name)


def test_extract(corpus: Corpus, tmp_path: Path) -> None:
    r, _ = run(tmp_path, "extract", *map(str, corpus.inputs))
    outputs = {json.loads(line)["article"]["source"] for line in r.stdout.decode().splitlines()}
    check(corpus, outputs, r.stderr.decode().splitlines())


def test_ingest(corpus: Corpus, tmp_path: Path) -> None:
    db = tmp_path / "fuzz.db"
    run(tmp_path, "ingest", *map(str, corpus.inputs), "--db", str(db))
    conn = sqlite3.connect(db)
    outputs = {s for (s,) in conn.execute("SELECT source FROM articles")}
    errors = [f"{s}: {r}" for s, r in conn.execute("SELECT source, reason FROM errors")]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check(corpus, outputs, errors)


def test_batch(corpus: Corpus, tmp_path: Path) -> None:
    from quotegraph.batch import read_records

    out = tmp_path / "out"
    r, m = run(tmp_path, "batch", *map(str, corpus.inputs), "--out", str(out), "--workers", "2",
               "--shard-size", "8", "--no-progress")
    assert m["rc"] == 2 and "errors.jsonl" in r.stderr.decode()  # inputs failed, and it says so
    outputs = {rec["article"]["source"] for rec in read_records(out)}
    errors = [f"{e['source']}: {e['reason']}" for e in
              map(json.loads, (out / "errors.jsonl").read_text(encoding="utf-8").splitlines())]
    assert json.loads((out / "manifest.json").read_text())["complete"]
    check(corpus, outputs, errors)

