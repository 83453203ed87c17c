"""Opening the store: WAL, named migrations recorded once, read-only opens."""

from __future__ import annotations

import sqlite3

import pytest

from quotegraph.errors import StoreError
from quotegraph.store import connect
from quotegraph.store.migrations import available, migrate, split_sql

TABLES = {"articles", "statements", "speakers", "speaker_aliases", "clusters", "errors",
          "migrations", "statements_fts", "cluster_bands"}


def test_new_store_is_wal_with_tables_and_recorded_migrations(tmp_path):
    conn = connect(tmp_path / "s.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names >= TABLES
    recorded = [r[0] for r in conn.execute("SELECT name FROM migrations")]
    assert recorded == [name for name, _ in available()]
    assert recorded[0] == "0001_initial"


def test_reopening_applies_nothing(tmp_path):
    connect(tmp_path / "s.db").close()
    conn = connect(tmp_path / "s.db")
    assert migrate(conn) == []
    assert conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(available())


def test_plain_sqlite_can_read_it(tmp_path):
    connect(tmp_path / "s.db").close()
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 0


@pytest.mark.parametrize("content", [None, b"this is not a database at all" * 100])
def test_readonly_open_of_missing_or_foreign_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "x.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(StoreError):
        connect(path, readonly=True)


def test_readonly_connection_cannot_write(tmp_path):
    connect(tmp_path / "s.db").close()
    ro = connect(tmp_path / "s.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.execute("DELETE FROM articles")


@pytest.mark.parametrize(("sql", "n"), [
    ("CREATE TABLE a (x);\nCREATE TABLE b (y);\n", 2),
    ("-- only a comment\n", 0),
    ("CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  INSERT INTO b VALUES (2);\nEND;\n", 1),
])
def test_split_sql_keeps_trigger_bodies_whole(sql, n):
    assert len(split_sql(sql)) == n
