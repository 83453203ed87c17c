"""Ingest: read -> skip what is stored -> extract -> the single writer, one article at a time."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from ..errors import InputError, StoreError
from ..types import Article, ArticleResult
from . import drift
from .clusters import refresh_stale
from .writer import REPLACED, STORED, has_article, store_error, store_result

# Articles in; a result, or the InputError that says why an article failed, out for each, in order.
Process = Callable[[Iterable[Article]], Iterator[ArticleResult | InputError]]


@dataclass(frozen=True, slots=True)
class IngestStats:
    """Running counts of one ingest."""

    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    statements: int = 0
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        """Inputs seen so far, whatever happened to them."""
        return self.stored + self.replaced + self.unchanged + self.failed

    def summary(self) -> str:
        """One line for the end of a run."""
        rate = self.articles / self.seconds if self.seconds else 0.0
        line = (f"{self.stored} articles stored, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.statements} statements, {self.failed} errors ({self.seconds:.1f} s, {rate:.1f} articles/s)")
        if self.failed:
            line += "; reasons are in the store's errors table"
        return line


def ingest(conn: sqlite3.Connection, paths: Iterable[str | os.PathLike[str]], *,
           process: Process, published: str | None = None,
           on_progress: Callable[[IngestStats], None] | None = None,
           on_error: Callable[[str, str], None] | None = None) -> IngestStats:
    """Read, extract with `process` and store every article under `paths`; bad inputs go to the errors table.

    `process` is the extraction (e.g. `lambda arts: pipeline.process_articles(arts, nlp)`): the
    store never loads a model itself. Articles already stored (same content hash) are skipped
    before extraction, which is what makes a rerun after a crash cheap: it resumes where the last
    committed article left off. `on_progress` gets the running counts after each input; `on_error`
    each (source, reason).
    """
    from ..read import read_articles

    start = time.perf_counter()
    stats = IngestStats()

    def bump(**delta: int) -> None:
        nonlocal stats
        stats = replace(stats, **{k: getattr(stats, k) + v for k, v in delta.items()},
                        seconds=time.perf_counter() - start)
        if on_progress:
            on_progress(stats)

    def fail(source: str, reason: str) -> None:
        conn.execute("BEGIN IMMEDIATE")
        store_error(conn, source, reason)
        conn.execute("COMMIT")
        if on_error:
            on_error(source, reason)
        bump(failed=1)

    def todo() -> Iterator[Article]:
        for item in read_articles(paths, published=published):
            if isinstance(item, InputError):
                fail(item.source, item.reason)
            elif has_article(conn, item.id):
                bump(unchanged=1)
            else:
                yield item

    def take(result: ArticleResult | InputError) -> None:
        if isinstance(result, InputError):
            fail(result.source, result.reason)
            return
        try:
            outcome = store_result(conn, result)
        except InputError as e:
            fail(e.source, e.reason)
            return
        if outcome.status == STORED:
            bump(stored=1, statements=outcome.statements)
        elif outcome.status == REPLACED:
            bump(replaced=1, statements=outcome.statements)
        else:  # the same article twice in one run
            bump(unchanged=1)

    try:
        refresh_stale(conn)  # a run killed before its end left some cluster summaries behind
        drift.refresh(conn)
        for result in process(todo()):
            take(result)
        refresh_stale(conn)
        drift.refresh(conn)  # the clusters this run grew or changed (docs/drift.md)
    except sqlite3.Error as e:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        # A full disk, a read-only file, a lock held past the busy timeout: every article
        # committed before this one is whole (one transaction each), and a rerun resumes.
        raise StoreError(f"{_path(conn)}: cannot write to the store ({e}); what was stored before "
                         "is intact, and a rerun resumes after it") from None
    return replace(stats, seconds=time.perf_counter() - start)


def _path(conn: sqlite3.Connection) -> str:
    try:
        return next(r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main") or "the store"
    except sqlite3.Error:
        return "the store"
