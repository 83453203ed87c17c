"""Progress: a tqdm bar with articles/s and ETA on a terminal, periodic log lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

LOG_EVERY_S = 30.0


class Progress:
    """Counts records done (for the ETA) and articles extracted (for the rate)."""

    def __init__(self, total: int, initial: int = 0, enabled: bool = True,
                 stream: TextIO | None = None, every_s: float = LOG_EVERY_S,
                 clock: Callable[[], float] = time.monotonic):
        self.total, self.initial, self.done = total, initial, initial
        self.confirmed = self.ticked = 0  # articles in finished shards / live ticks from workers
        self.stream = stream or sys.stderr
        self.every_s, self.clock = every_s, clock
        self.t0 = self.last_log = clock()
        self.enabled = enabled
        self.bar = None
        if enabled and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=initial, unit=" rec", file=self.stream,
                            dynamic_ncols=True, smoothing=0.05)

    @property
    def articles(self) -> int:
        """Articles extracted this run: live ticks run ahead of shards, and may arrive late."""
        return max(self.confirmed, self.ticked)

    def rate(self) -> float:
        """Articles per second since the start of this run."""
        return self.articles / max(self.clock() - self.t0, 1e-9)

    def line(self) -> str:
        """One log line: records done, percentage, articles/s and ETA."""
        left = self.total - self.done
        elapsed = max(self.clock() - self.t0, 1e-9)
        rec_rate = (self.done - self.initial) / elapsed  # this run's pace; resumed shards excluded
        eta = f"{left / rec_rate:.0f}s" if rec_rate > 0 else "?"
        pct = 100.0 * self.done / self.total if self.total else 100.0
        return (f"quotegraph batch: {self.done}/{self.total} records ({pct:.0f}%), "
                f"{self.articles} articles, {self.rate():.1f} articles/s, ETA {eta}")

    def tick(self, articles: int) -> None:
        """Count articles extracted in shards still running."""
        self.ticked += articles
        self.update()

    def update(self, records: int = 0, articles: int = 0) -> None:
        """Count the records and articles of finished shards."""
        self.done += records
        self.confirmed += articles
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.rate():.1f} articles/s", refresh=False)
            self.bar.update(records)
        elif self.enabled and self.clock() - self.last_log >= self.every_s:
            self.last_log = self.clock()
            print(self.line(), file=self.stream, flush=True)

    def write(self, message: str) -> None:
        """Print a message without breaking the bar."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        """Finish the bar, or log the final line."""
        if self.bar is not None:
            self.bar.close()
        elif self.enabled:
            print(self.line(), file=self.stream, flush=True)
