"""Processes that die with their parent: a watchdog on the parent's PID.

A worker whose parent was killed (`kill -9` included) is re-parented; it would otherwise live on,
holding memory and writing outputs beside a resumed run (issue 20). The check works on every
platform and does not depend on which thread started the process.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

CHECK_EVERY_S = 0.5


def watch_parent(before_exit: Callable[[], None] | None = None, every: float = CHECK_EVERY_S) -> None:
    """Exit this process (after `before_exit`) soon after its parent dies."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        try:
            if before_exit is not None:
                before_exit()
        finally:
            os._exit(1)  # no clean-up that could block: the parent is gone

    threading.Thread(target=watch, name="quotegraph-parent-watch", daemon=True).start()
