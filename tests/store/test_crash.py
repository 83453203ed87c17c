"""kill -9 mid-ingest, then rerun: zero lost and zero duplicated articles."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N = 60
SENTENCES = 4
STALL = 12  # the first run stores this many articles, then waits to be killed
SCRIPT = Path(__file__).with_name("crash_ingest.py")


def _count(db: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_kill_9_mid_ingest_then_resume(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for i in range(N):
        text = "".join(f"Article {i} sentence {j} about the talks in Geneva. " for j in range(SENTENCES))
        (src / f"a{i:03}.txt").write_text(text + "\n", encoding="utf-8")
    db = tmp_path / "crash.db"
    cmd = [sys.executable, str(SCRIPT), str(db), str(src)]
    proc = subprocess.Popen([*cmd, "0.05", str(STALL)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while _count(db, "SELECT count(*) FROM articles") < 8:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    stored = _count(db, "SELECT count(*) FROM articles")
    assert 8 <= stored <= STALL, "the kill did not land mid-ingest"
    # Whatever was committed is whole: every stored article has all of its statements.
    assert _count(db, "SELECT count(*) FROM statements") == stored * SENTENCES

    done = subprocess.run([*cmd, "0"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"{N - stored} articles stored" in done.stdout and f"{stored} unchanged" in done.stdout
    assert _count(db, "SELECT count(*) FROM articles") == N
    assert _count(db, "SELECT count(DISTINCT source) FROM articles") == N
    assert _count(db, "SELECT count(*) FROM statements") == N * SENTENCES
    assert _count(db, "SELECT count(*) FROM articles a WHERE n_statements != "
                      "(SELECT count(*) FROM statements s WHERE s.article_id = a.id)") == 0
    assert _count(db, "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'geneva'") == N * SENTENCES
    assert _count(db, "SELECT count(*) FROM speakers") == 1
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')")
