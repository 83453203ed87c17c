"""One batch at a time per output directory, and none while a killed run's workers live on.

The parent holds an exclusive lock on OUT/.lock for the whole run. Each worker holds a shared
lock on OUT/.workers.lock while it lives; a new run waits a little for the workers of a killed
run to exit (they watch their parent and do so within a second or two) and refuses to start if
they do not, since they could still be writing shards. The kernel drops a lock with its
process, so a killed run never leaves a stale one behind.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO

from .shards import BatchError

try:
    import fcntl
except ImportError:  # pragma: no cover (Windows: no advisory locks; runs are not guarded)
    fcntl = None  # type: ignore[assignment]

LOCK, WORKERS_LOCK = ".lock", ".workers.lock"
ORPHAN_WAIT_S = 10.0

_held: list[IO[str]] = []  # the worker's lock file, kept open for the life of the process


def _try(f: IO[str], mode: int) -> bool:
    try:
        fcntl.flock(f.fileno(), mode | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def lock_output(out: Path) -> IO[str] | None:
    """Take OUT's lock for this run (keep the returned file open), or raise BatchError."""
    if fcntl is None:
        return None
    f = open(out / LOCK, "a+", encoding="utf-8")  # noqa: SIM115 (held for the run)
    if not _try(f, fcntl.LOCK_EX):
        f.seek(0)
        pid = f.read().strip() or "?"
        f.close()
        raise BatchError(f"{out} is in use by another quotegraph batch (pid {pid}); "
                         "wait for it to finish or use another --out")
    f.seek(0)
    f.truncate()
    f.write(f"{os.getpid()}\n")
    f.flush()
    with open(out / WORKERS_LOCK, "a+", encoding="utf-8") as w:
        deadline = time.monotonic() + ORPHAN_WAIT_S
        while not _try(w, fcntl.LOCK_EX):
            if time.monotonic() > deadline:
                f.close()
                raise BatchError(f"{out}: workers of an earlier run are still writing to it; "
                                 "stop them (or wait) before resuming")
            time.sleep(0.2)
        fcntl.flock(w.fileno(), fcntl.LOCK_UN)
    return f


def hold_worker_lock(out: Path) -> None:
    """Mark this worker process as writing to OUT, until it exits."""
    if fcntl is None:
        return
    f = open(out / WORKERS_LOCK, "a+", encoding="utf-8")  # noqa: SIM115 (held for the process)
    fcntl.flock(f.fileno(), fcntl.LOCK_SH)
    _held.append(f)
