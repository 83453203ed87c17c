"""`quotegraph serve`: loopback by default, one-line error for a missing store, the demo store."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from serve_process import running_server

from quotegraph.cli import cli
from quotegraph.cli.serve import build_demo_store
from quotegraph.store import connect
from quotegraph.store.queries import store_stats


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True,
                          text=True, timeout=120)


def test_binds_loopback_by_default():
    opts = {p.name: p for p in cli.commands["serve"].params}
    assert opts["host"].default == "127.0.0.1"
    assert opts["port"].default == 8000


def test_the_server_is_started_on_loopback(store_path, monkeypatch):
    # What reaches uvicorn, not only the option's default: a host hard-coded in the command fails.
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: calls.append(kw))
    monkeypatch.setattr(signal, "signal", lambda *a: None)  # keep pytest's own SIGTERM handler
    r = CliRunner().invoke(cli, ["serve", "--db", str(store_path)])
    assert r.exit_code == 0, r.output
    assert [c["host"] for c in calls] == ["127.0.0.1"]


def _listening(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp writes them) of sockets listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                addr, p = local.split(":")
                if state == "0A" and int(p, 16) == port:  # 0A: LISTEN
                    found.add(addr)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's socket table")
def test_the_running_server_listens_on_loopback_only(store_path):
    with running_server(store_path) as base:
        addrs = _listening(int(base.rsplit(":", 1)[1]))
    assert addrs == {"0100007F"}, addrs  # 127.0.0.1 only: not 0.0.0.0, not ::


def test_missing_store_is_one_line_error(tmp_path):
    r = _run("serve", "--db", str(tmp_path / "missing.db"), "--port", "0")
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        f"quotegraph: error: no store at {tmp_path / 'missing.db'} (create one with "
        f"`quotegraph ingest PATH --db {tmp_path / 'missing.db'}`)"]


def test_not_a_store_is_one_line_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not sqlite")
    r = _run("serve", "--db", str(bad))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith("quotegraph: error:")


def test_demo_store_holds_the_bundled_examples(tmp_path):
    path = build_demo_store(tmp_path)
    stats = store_stats(connect(path, readonly=True))
    assert stats["articles"] == 5 and stats["statements"] > 20 and stats["errors"] == 0


def test_allow_edits_only_on_loopback(tmp_path):
    from click.testing import CliRunner

    from quotegraph.cli import cli

    r = CliRunner().invoke(cli, ["serve", "--allow-edits", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 2 and "loopback" in r.output
