"""Per-article budgets: extraction runs in a child process that is killed when an article takes
too long or too much memory; that article is reported and the others go on.

A parser or a regular expression stuck in C code cannot be interrupted from inside the process,
so the only sure way to stop one article is to stop the process working on it. The supervisor
(the caller's process) sends articles to the child in small chunks, reads back one result per
article in order, and watches the child's time and resident memory. When a budget is broken it
kills the child, starts a new one, and retries the articles that were in flight one at a time:
the one that breaks its budget alone is the culprit, and becomes an InputError with the reason.

This module imports no spaCy: a batch worker that only reads, supervises and writes stays small.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import InputError, ModelError, QuotegraphError
from .text.pieces import PIECE_CHARS
from .types import Article, ArticleResult

DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MEMORY_MB = 2048
LOAD_TIMEOUT_S = 600.0  # loading the models, on a busy machine
POLL_S = 0.1
CHUNK_ARTICLES = 4  # articles sent at a time (the child batches the parse as it would in-process)
CHUNK_CHARS = PIECE_CHARS  # and at most this much text, so that a long article goes alone
IN_FLIGHT = 2  # chunks sent ahead, so the child never waits for the next one
MAX_WAITING = 256  # results held back for the input order (a run of read errors, say)


@dataclass(frozen=True, slots=True)
class Budget:
    """Limits for one article: seconds, and the extraction process's resident memory in MB."""

    timeout_s: float | None = DEFAULT_TIMEOUT_S
    memory_mb: int | None = DEFAULT_MEMORY_MB


DEFAULT_BUDGET = Budget()


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MB (Linux /proc), or None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        return None


def _child(conn: Any, model: str | None, tier: str, threads: int | None) -> None:
    """The extraction process: load every model, then turn chunks of articles into results."""
    from .lifeline import watch_parent

    watch_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    try:
        from .nlp import load_pipeline
        from .pipeline import load_models, model_name, process_stream

        nlp = load_pipeline(model)
        load_models(tier, threads)
    except QuotegraphError as e:
        conn.send(("fatal", str(e)))
        return
    conn.send(("ready", model_name(nlp, tier)))
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg[0] == "stop":
            return
        try:
            for r in process_stream(msg[1], nlp, tier=tier, threads=threads):
                conn.send(("error", r.source, r.reason) if isinstance(r, InputError) else ("result", r))
        except QuotegraphError as e:  # a model that fails mid-run: nothing after it can succeed
            conn.send(("fatal", str(e)))
            return


@dataclass(slots=True)
class _Slot:
    """One article's place in the output order; `out` is set when its result or error is known."""

    article: Article | None
    out: ArticleResult | InputError | None = None


class Supervisor:
    """Extraction in a child process under a Budget; `process` is a drop-in for process_stream."""

    def __init__(self, model: str | None = None, tier: str = "fast", budget: Budget = DEFAULT_BUDGET,
                 threads: int | None = None):
        self.model, self.tier, self.budget, self.threads = model, tier, budget, threads
        self.model_name: str | None = None
        self.peak_rss_mb = 0.0
        self._proc: Any = None
        self._conn: Any = None

    def __enter__(self) -> Supervisor:
        # The child starts with the first article to extract: a run that reads only bad inputs,
        # or only earlier outputs, loads no model.
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the child and wait until its models are loaded (ModelError if they cannot be)."""
        if self._proc is not None:
            return
        ctx = mp.get_context("spawn")  # a clean process: no threads or locks copied from this one
        self._conn, theirs = ctx.Pipe()
        self._proc = ctx.Process(target=_child, args=(theirs, self.model, self.tier, self.threads),
                                 name="quotegraph-extract", daemon=True)
        self._proc.start()
        theirs.close()
        msg = self._wait(time.monotonic() + LOAD_TIMEOUT_S, None)
        if msg is None or msg[0] != "ready":
            reason = msg[1] if msg and msg[0] == "fatal" else self._death("loading the models")
            self.close()
            raise ModelError(reason)
        self.model_name = msg[1]
        loaded = rss_mb(self._proc.pid)
        if self.budget.memory_mb and loaded and loaded > 0.9 * self.budget.memory_mb:
            self.close()
            raise QuotegraphError(f"the models alone take {loaded:.0f} MB; a memory limit of "
                                  f"{self.budget.memory_mb} MB per worker leaves no room for articles")

    def close(self) -> None:
        """Stop the child (at once: it holds nothing that needs saving)."""
        if self._proc is None:
            return
        try:
            self._proc.kill()
            self._proc.join(5)
        finally:
            self._conn.close()
            self._proc = self._conn = None

    def _death(self, doing: str) -> str:
        code = self._proc.exitcode if self._proc is not None else None
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = str(-code)
            return f"the extraction process was killed ({name}) while {doing}"
        return f"the extraction process ended (exit code {code}) while {doing}"

    def _wait(self, deadline: float | None, ceiling: int | None) -> tuple | str | None:
        """The child's next message, or a reason string when it breaks a budget or dies."""
        while True:
            if self._conn.poll(POLL_S):
                try:
                    return self._conn.recv()
                except EOFError:
                    self._proc.join(1)
                    return self._death("extracting")
            rss = rss_mb(self._proc.pid)
            if rss:
                self.peak_rss_mb = max(self.peak_rss_mb, rss)
            if ceiling and rss and rss > ceiling:
                return f"used more than {ceiling} MB of memory (--max-memory), skipped"
            if not self._proc.is_alive():
                self._proc.join(1)
                return self._death("extracting")
            if deadline is not None and time.monotonic() > deadline:
                return f"took longer than {self.budget.timeout_s:g} s (--article-timeout), skipped"

    def process(self, items: Iterable[Article | InputError]) -> Iterator[ArticleResult | InputError]:
        """Results (or InputErrors) for `items`, in order; input InputErrors pass through."""
        run = _Run(self, iter(items))
        try:
            yield from run
        finally:
            if run.in_flight or run.suspects:  # stopped early: the child's answers would be stale
                self.close()


class _Run:
    """One pass of `Supervisor.process` over an input stream."""

    def __init__(self, sup: Supervisor, source: Iterator[Article | InputError]):
        self.sup, self.source = sup, source
        self.order: deque[_Slot] = deque()  # every item, in input order, until it is given out
        self.in_flight: deque[list[_Slot]] = deque()  # chunks sent, oldest first
        self.suspects: deque[_Slot] = deque()  # articles to retry alone after a broken budget
        self.resend: deque[list[_Slot]] = deque()  # chunks sent to a child that was stopped first
        self.exhausted = False
        self.clock = time.monotonic()  # when the oldest unanswered article started, at the latest

    def _fill(self) -> None:
        if self.suspects:  # one at a time, each alone in the child, until the culprit is found
            if not self.in_flight:
                self._send([self.suspects.popleft()])
            return
        while self.resend and len(self.in_flight) < IN_FLIGHT:
            self._send(self.resend.popleft())
        while not self.exhausted and len(self.in_flight) < IN_FLIGHT:
            chunk: list[_Slot] = []
            size = 0
            while len(chunk) < CHUNK_ARTICLES and size < CHUNK_CHARS and len(self.order) < MAX_WAITING:
                item = next(self.source, None)
                if item is None:
                    self.exhausted = True
                    break
                slot = _Slot(None, item) if isinstance(item, InputError) else _Slot(item)
                self.order.append(slot)
                if slot.article is not None:
                    chunk.append(slot)
                    size += len(slot.article.text)
            if not chunk:
                break
            self._send(chunk)

    def _send(self, chunk: list[_Slot]) -> None:
        self.sup.start()
        self.sup._conn.send(("chunk", [s.article for s in chunk]))
        if not self.in_flight:
            self.clock = time.monotonic()
        self.in_flight.append(chunk)

    def __iter__(self) -> Iterator[ArticleResult | InputError]:
        sup = self.sup
        while True:
            self._fill()
            while self.order and self.order[0].out is not None:
                yield self.order.popleft().out  # type: ignore[misc]
            if not self.in_flight:
                if self.exhausted and not self.suspects and not self.resend:
                    return
                continue
            timeout = sup.budget.timeout_s
            msg = sup._wait(self.clock + timeout if timeout else None, sup.budget.memory_mb)
            if isinstance(msg, tuple) and msg[0] in ("result", "error"):
                slot = self.in_flight[0].pop(0)
                slot.out = msg[1] if msg[0] == "result" else InputError(msg[1], msg[2])
                if not self.in_flight[0]:
                    self.in_flight.popleft()
                self.clock = time.monotonic()
                continue
            if isinstance(msg, tuple):  # fatal: a model failed, and no article can succeed
                sup.close()
                raise ModelError(msg[1])
            # A budget broken, or the child died, while on the oldest chunk (the child works
            # through chunks in order): one of its unanswered articles is the culprit. Retry
            # them alone to find it; the chunks behind it were not started and go again as sent.
            sup.close()
            head = self.in_flight.popleft()
            self.resend.extendleft(reversed(self.in_flight))
            self.in_flight.clear()
            if len(head) == 1:
                bad = head[0].article
                head[0].out = InputError(bad.source or bad.id, msg or "extraction failed")  # type: ignore[union-attr]
            else:
                self.suspects.extend(head)
