"""Named schema migrations, applied in order and recorded in the `migrations` table."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from importlib import resources

from ..errors import StoreError


def available() -> list[tuple[str, str]]:
    """(name, sql) for every bundled migration, in name order (0001_…, 0002_…)."""
    root = resources.files("quotegraph.store") / "migrations"
    files = sorted((p for p in root.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)
    return [(p.name.removesuffix(".sql"), p.read_text(encoding="utf-8")) for p in files]


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations this database has recorded."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
    if not exists:
        return []
    return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]


def pending(conn: sqlite3.Connection) -> list[str]:
    """Names of bundled migrations not yet applied."""
    done = set(applied(conn))
    return [name for name, _ in available() if name not in done]


def split_sql(sql: str) -> list[str]:
    """Split a migration script into single statements (trigger bodies stay whole)."""
    # executescript() would commit on its own; statement by statement keeps one transaction.
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip().strip(";").strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(ln.strip().startswith("--") for ln in buf.strip().splitlines()):
        raise StoreError(f"migration script ends with an incomplete statement: {buf.strip()[:60]!r}")
    return out


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations, each in its own transaction; returns the names applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = set(applied(conn))
    ran = []
    for name, sql in available():
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")  # the write lock first: two processes never both migrate
        try:
            if name in set(applied(conn)):
                conn.execute("ROLLBACK")
                continue
            for statement in split_sql(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                         (name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"migration {name} failed: {e}") from None
        ran.append(name)
    return ran
