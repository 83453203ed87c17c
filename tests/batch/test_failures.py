"""Failures are failures: a shard that fails for a cause outside its inputs is not marked done,
a bad model stops the run before anything is written, one run per output, and workers die
with their parent (issue 20)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_inputs import wikinews

import quotegraph.model.linear as linear
from quotegraph.batch import BatchError, run_batch
from quotegraph.batch.lock import lock_output
from quotegraph.errors import ModelError

CLI = [sys.executable, "-c", "from quotegraph.cli import main; main()", "batch"]


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fail") / "feed.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(2):
            for a in wikinews():
                f.write(json.dumps({"text": a["text"], "url": f"{a['url']}?copy={i}"}) + "\n")
    return path


def test_a_shard_that_cannot_be_written_is_not_marked_done(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "statements").write_text("in the way")  # the shard's Parquet directory cannot be made
    m = run_batch([feed], out, workers=1, shard_size=6, progress=False)
    assert not m["complete"] and m["counts"]["shards_done"] == 0
    assert m["failed_shards"][0]["shard"] == "shard-00000"
    assert not list(out.glob("_done/*.json"))
    (out / "statements").unlink()
    again = run_batch([feed], out, workers=1, shard_size=6, progress=False)
    assert again["complete"] and again["counts"]["articles"] == 12 and not again["failed_shards"]


def test_a_model_that_fails_its_check_stops_the_run_before_it_starts(feed: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(linear, "WEIGHTS_SHA256", "0" * 64)
    linear.default_model.cache_clear()
    try:
        with pytest.raises(ModelError, match="does not match the shipped attribution model"):
            run_batch([feed], tmp_path / "out", workers=1, progress=False)
    finally:
        linear.default_model.cache_clear()
    assert not (tmp_path / "out").exists()  # nothing written, not even a plan


def test_one_run_at_a_time_per_output(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    held = lock_output(out)
    try:
        with pytest.raises(BatchError, match="in use by another quotegraph batch"):
            run_batch([feed], out, workers=1, progress=False)
    finally:
        held.close()


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    found, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            found.add(c)
            todo.append(c)
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_kill_9_of_the_parent_leaves_no_worker_alive(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [*CLI, str(feed), "--out", str(out), "--workers", "2", "--shard-size", "1", "--no-progress"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180
        while not list(out.glob("_done/*.json")):
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "no shard finished in time"
            time.sleep(0.05)
        workers = _descendants(proc.pid)
        assert len(workers) >= 4  # two workers, each with its extraction process (and a resource tracker)
        os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers must notice by themselves
        proc.wait()
        deadline = time.monotonic() + 5
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if _alive(p)], "workers outlived the batch by 5 s"
    finally:
        if proc.poll() is None:
            proc.kill()
    rerun = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads((out / "manifest.json").read_text())["counts"]["articles"] == 12
