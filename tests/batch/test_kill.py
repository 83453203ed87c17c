"""A run killed with SIGKILL, then rerun, gives exactly the rows of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from batch_inputs import wikinews

from quotegraph.batch import run_batch

CLI = [sys.executable, "-c", "from quotegraph.cli import main; main()", "batch"]


def rows(out: Path) -> dict[str, list[str]]:
    """Both tables as sorted JSON rows: equal means no loss and no duplicates."""
    return {n: sorted(json.dumps(r, sort_keys=True) for r in pq.read_table(out / n).to_pylist())
            for n in ("articles", "statements")}


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kill") / "feed.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(2):
            for a in wikinews():
                f.write(json.dumps({"text": a["text"], "url": f"{a['url']}?copy={i}"}) + "\n")
    return path


def test_sigkill_then_rerun_gives_the_same_rows(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "killed"
    args = [*CLI, str(feed), "--out", str(out), "--workers", "1", "--shard-size", "1", "--no-progress"]
    proc = subprocess.Popen(args, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list(out.glob("_done/*.json")):
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "no shard finished in time"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its pool workers, mid-run
    proc.wait()
    done = len(list((out / "_done").glob("*.json")))
    assert 0 < done < 12, "the kill must land mid-run for this test to mean anything"
    assert not (out / "manifest.json").exists()

    rerun = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    m = json.loads((out / "manifest.json").read_text())
    assert m["complete"] and m["counts"]["shards_this_run"] == 12 - done
    assert not list(out.rglob("*.tmp"))

    whole = run_batch([feed], tmp_path / "whole", workers=2, shard_size=1, progress=False)
    assert whole["counts"]["articles"] == m["counts"]["articles"] == 12
    assert rows(out) == rows(tmp_path / "whole")
