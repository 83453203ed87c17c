"""Open the store: WAL mode, pragmas, and migrations applied on first write-open."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import StoreError

DEFAULT_DB = "quotegraph.db"
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 65_536
WAL_AUTOCHECKPOINT_PAGES = 10_000


def connect(path: str | os.PathLike[str], *, readonly: bool = False,
            check_same_thread: bool = True) -> sqlite3.Connection:
    """Open a store connection (rows as sqlite3.Row); a writable one is created and migrated."""
    from .migrations import migrate

    p = Path(path)
    if readonly and not p.exists():
        raise StoreError(f"no store at {p} (create one with `quotegraph ingest PATH --db {p}`)")
    try:
        if readonly:
            # mode=ro still lets WAL readers use the -shm file; writes fail loudly instead of silently.
            conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=check_same_thread)
        else:
            conn = sqlite3.connect(p, isolation_level=None, check_same_thread=check_same_thread)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if not readonly:
            # WAL: readers never block the writer. synchronous=NORMAL in WAL survives process
            # crashes (kill -9) with every committed transaction; only power loss can drop the last.
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # Checkpoints are what fsync; one per ~40 MB of WAL instead of 4 MB made per-article
            # commits ~3x cheaper in bench/store_bench.py. The WAL is truncated back afterwards.
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
            conn.execute(f"PRAGMA journal_size_limit = {64 * 1024 * 1024}")
            migrate(conn)
        else:
            _check_schema(conn, p)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{p}: cannot open the store ({e})") from None
    return conn


def _check_schema(conn: sqlite3.Connection, p: Path) -> None:
    from .migrations import pending

    try:
        missing = pending(conn)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{p}: not a quotegraph store ({e})") from None
    if missing:
        raise StoreError(f"{p}: store needs migrations {', '.join(missing)}; "
                         "open it once for writing (e.g. `quotegraph ingest`) to apply them")


def open_store(path: str | os.PathLike[str] = DEFAULT_DB) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store for writing."""
    return connect(path)
