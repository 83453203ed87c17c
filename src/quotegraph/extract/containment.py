"""Which ranges hold which: a sweep over sorted ranges, instead of testing every pair of statements."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


def held(ranges: Iterable[tuple[int, int, T]], queries: Sequence[tuple[int, int]],
         accept: Callable[[int, T], bool]) -> list[bool]:
    """For each query range (s, e): whether some range (rs, re, owner) with rs <= s and e <= re
    has an owner that `accept(query index, owner)` takes.

    Candidates are tried widest first, so the answer usually comes from the first one; the cost
    is about (ranges + queries) x log, plus the candidates `accept` turns down.
    """
    pending = sorted(ranges, key=lambda r: r[0])
    active: list[tuple[int, int, T]] = []  # ranges begun so far, sorted by end
    ends: list[int] = []
    out = [False] * len(queries)
    k = 0
    for qi in sorted(range(len(queries)), key=lambda i: queries[i][0]):
        s, e = queries[qi]
        while k < len(pending) and pending[k][0] <= s:
            at = bisect_left(ends, pending[k][1])
            ends.insert(at, pending[k][1])
            active.insert(at, pending[k])
            k += 1
        # Ranges that end before s can hold no query from here on (queries come in order of start).
        gone = bisect_left(ends, s)
        if gone:
            del ends[:gone], active[:gone]
        i = len(active) - 1
        while i >= 0 and ends[i] >= e:
            if accept(qi, active[i][2]):
                out[qi] = True
                break
            i -= 1
    return out
