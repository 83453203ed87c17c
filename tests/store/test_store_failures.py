"""What the store promises when writing fails: each article is all or nothing, a full disk or a
locked store is one clear error, and everything committed before stays intact (issue 20).

The atomicity tests fail if the per-article BEGIN IMMEDIATE/COMMIT in store/writer.py goes.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_fixtures import Q, article, fake_process

from quotegraph.errors import StoreError
from quotegraph.store import connect, ingest, store_result

QUOTES = [Q(f"Point {i} of the plan for the talks in Geneva stands", "Sergey Ryabkov") for i in range(6)]


def _counts(path: Path) -> tuple[int, int, str]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                conn.execute("SELECT count(*) FROM statements").fetchone()[0],
                conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _files(tmp: Path, n: int) -> tuple[list[Path], dict]:
    """n article files (long ones, so that a few fill pages fast) and their synthetic results."""
    paths, results = [], {}
    for i in range(n):
        r = article(QUOTES[:3], source=f"a{i}.md", lead=f"Story {i}. " + "Officials met again. " * 200)
        path = tmp / f"a{i}.md"
        path.write_text(r.article.text, encoding="utf-8")
        paths.append(path)
        results[r.article.text] = r
    return paths, results


def _fail_on_third_statement(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TEMP TRIGGER fail_third BEFORE INSERT ON main.statements "
                 "WHEN (SELECT count(*) FROM main.statements WHERE article_id = NEW.article_id) >= 2 "
                 "BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END")


def test_an_article_that_fails_half_way_leaves_nothing(tmp_path):
    conn = connect(tmp_path / "s.db")
    store_result(conn, article(QUOTES[:1], source="before.md"))
    _fail_on_third_statement(conn)
    with pytest.raises(sqlite3.Error, match="simulated"):
        store_result(conn, article(QUOTES, source="half.md"))
    assert not conn.in_transaction
    conn.close()
    # The article that failed left no row and no statement; the one before is whole.
    assert _counts(tmp_path / "s.db") == (1, 1, "ok")


_KILLED_MID_ARTICLE = """
import sys, time
sys.path.insert(0, sys.argv[2])
from store_fixtures import Q, article
from quotegraph.store import connect, store_result
conn = connect(sys.argv[1])
def pause(n):
    if n >= 2:
        print("inside", flush=True)
        time.sleep(60)  # killed here, half-way through the article's statements
    return 0
conn.create_function("pause", 1, pause)
conn.execute("CREATE TEMP TRIGGER slow BEFORE INSERT ON main.statements BEGIN "
             "SELECT pause((SELECT count(*) FROM main.statements WHERE article_id = NEW.article_id)); END")
store_result(conn, article([Q(f"Point {i} of the plan for the talks stands", "Sergey Ryabkov") for i in range(6)],
                           source="killed.md"))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_kill_9_half_way_through_an_article_leaves_nothing_of_it(tmp_path):
    db = tmp_path / "k.db"
    conn = connect(db)
    store_result(conn, article(QUOTES[:2], source="before.md"))
    conn.close()
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_MID_ARTICLE, str(db), str(Path(__file__).parent)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "inside"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert _counts(db) == (1, 2, "ok")  # the killed article is wholly absent


def test_full_disk_is_one_error_and_keeps_what_was_stored(tmp_path):
    db = tmp_path / "full.db"
    conn = connect(db)
    paths, results = _files(tmp_path, 40)
    ingest(conn, paths[:2], process=fake_process(results))
    stored = _counts(db)
    # A few pages more than it has now: the next articles meet "database or disk is full".
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 8}")
    with pytest.raises(StoreError, match=r"full\.db: cannot write to the store \(database or disk is full\)"):
        ingest(conn, paths, process=fake_process(results))
    assert not conn.in_transaction
    conn.close()
    articles, statements, check = _counts(db)
    assert check == "ok" and articles >= stored[0] and statements == 3 * articles


def test_a_store_locked_too_long_is_one_error(tmp_path):
    db = tmp_path / "locked.db"
    connect(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    conn = connect(db)
    conn.execute("PRAGMA busy_timeout = 200")
    paths, results = _files(tmp_path, 1)
    try:
        t = time.monotonic()
        with pytest.raises(StoreError, match="database is locked"):
            ingest(conn, paths, process=fake_process(results))
        assert time.monotonic() - t < 30
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        conn.close()
