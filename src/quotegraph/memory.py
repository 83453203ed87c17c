"""This process's memory, as every report and bench gives it: peak resident set size in MB."""

from __future__ import annotations

import sys


def peak_rss_mb(children: bool = False) -> float | None:
    """This process's peak resident set size in MB (10^6 bytes), or with `children` the largest of
    its waited-for children's; None where the platform has no getrusage."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in bytes on macOS and in KiB (1,024 bytes) on Linux.
    return round((peak if sys.platform == "darwin" else peak * 1024) / 1e6, 1)
