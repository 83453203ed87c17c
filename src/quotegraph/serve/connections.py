"""Read-only SQLite connections shared by request threads, one at a time each."""

from __future__ import annotations

import os
import queue
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..store.db import connect

# Memory-mapped reads let every connection (and every worker process) share the OS page cache
# instead of copying pages into a private cache each.
MMAP_BYTES = 1 << 30


class ReadPool:
    """A pool of read-only connections: a request borrows one and gives it back.

    Connections are reused so their page caches stay warm; a connection is only ever used by one
    request at a time, which is what lets it cross threads (check_same_thread=False).
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self._idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._idle.put(self._open())  # fail now, with the store's own message, if it cannot open

    def _open(self) -> sqlite3.Connection:
        conn = connect(self.path, readonly=True, check_same_thread=False)
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        return conn

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """Borrow a connection for the duration of the block."""
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._open()
        try:
            yield conn
        finally:
            self._idle.put(conn)

    def close(self) -> None:
        """Close every idle connection."""
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
