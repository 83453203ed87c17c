"""Look-ups over an article's quotes and statement ranges in O(log n), so extraction stays linear.

find_quotes returns top-level quotes in text order, each one's marks [open_at, close_at] apart
from every other's. Sorted that way, "which quote holds this character" or "which quotes overlap
this range" is a bisection instead of a scan of every quote, which made a text thick with quote
marks cost time cubic in its length (issue 20).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .quotes import Quote

Range = tuple[int, int]


class QuoteIndex:
    """Sorted views of a sequence of quotes, answering the questions extraction asks of them."""

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = list(quotes)
        self.opens = [q.open_at for q in self.quotes]
        self.closes = [q.close_at for q in self.quotes]
        self.starts = [q.start for q in self.quotes]
        self.ends = [q.end for q in self.quotes]
        # Every answer below relies on this order; find_quotes guarantees it.
        if any(self.opens[i] <= self.closes[i - 1] or self.closes[i] < self.opens[i]
               for i in range(1, len(self.quotes))):
            raise ValueError("quotes must be in text order and apart (as find_quotes returns them)")
        self._at = {q.open_at: i for i, q in enumerate(self.quotes)}

    def position(self, q: Quote) -> int:
        """The index of `q` in text order."""
        return self._at[q.open_at]

    def containing(self, pos: int) -> Quote | None:
        """The quote whose pieces contain character `pos`, if any."""
        i = bisect_right(self.opens, pos) - 1
        if i < 0 or pos > self.closes[i]:
            return None
        q = self.quotes[i]
        return q if any(s <= pos < e for s, e in q.pieces) else None

    def overlapping(self, r: Range) -> list[Quote]:
        """Quotes whose pieces overlap range `r`, in text order."""
        # Pieces lie strictly after the opening mark and end at or before close_at.
        lo, hi = bisect_right(self.closes, r[0]), bisect_left(self.opens, r[1])
        return [q for q in self.quotes[lo:hi] if any(s < r[1] and r[0] < e for s, e in q.pieces)]

    def touches(self, start: int, end: int) -> bool:
        """Whether any quote's marks reach into [start, end): open before `end`, close at or after `start`."""
        i = bisect_left(self.closes, start)
        return i < len(self.quotes) and self.opens[i] < end

    def encloses(self, r: Range) -> bool:
        """Whether one quote's marks enclose range `r` (open_at <= start and end <= close_at + 1)."""
        return bisect_left(self.closes, r[1] - 1) <= bisect_right(self.opens, r[0]) - 1

    def next_opening(self, pos: int) -> Quote | None:
        """The first quote whose opening mark is at or after `pos`."""
        i = bisect_left(self.opens, pos)
        return self.quotes[i] if i < len(self.quotes) else None

    def closing_in(self, lo: int, hi: int) -> list[Quote]:
        """Quotes whose closing mark (or unclosed end) lies in [lo, hi), in text order."""
        return self.quotes[bisect_left(self.closes, lo):bisect_left(self.closes, hi)]

    def opening_in(self, lo: int, hi: int) -> list[Quote]:
        """Quotes whose opening mark lies in [lo, hi), in text order."""
        return self.quotes[bisect_left(self.opens, lo):bisect_left(self.opens, hi)]


class Quotes(list):  # type: ignore[type-arg]
    """find_quotes' result: a plain list of quotes that builds its QuoteIndex once, on first use."""

    _index: QuoteIndex | None = None

    @property
    def index(self) -> QuoteIndex:
        """The index over these quotes (the list must not change after it is built)."""
        if self._index is None or len(self._index.quotes) != len(self):
            self._index = QuoteIndex(self)
        return self._index


_recent: list[tuple[Sequence[Quote], QuoteIndex]] = []


def index_of(quotes: Sequence[Quote]) -> QuoteIndex:
    """The QuoteIndex for `quotes`: its own for a Quotes list, else one built and kept for reuse."""
    if isinstance(quotes, Quotes):
        return quotes.index
    for seq, idx in _recent:
        if seq is quotes and len(idx.quotes) == len(quotes):
            return idx
    idx = QuoteIndex(quotes)
    _recent.insert(0, (quotes, idx))
    del _recent[4:]  # the few sequences of the document being worked on
    return idx


class Claims:
    """Which quotes some statement already holds, growing as statements are added.

    A range claims a quote when the quote starts inside it or the range starts inside the quote.
    Each quote is marked once: a skip list jumps over marked runs, so adding ranges costs about
    the number of quotes they newly claim, however much the ranges overlap.
    """

    def __init__(self, index: QuoteIndex, ranges: Iterable[Range] = ()):
        self.index = index
        self._claimed = bytearray(len(index.quotes))
        self._next = list(range(len(index.quotes) + 1))  # next index at or after i not yet claimed
        self.add(ranges)

    def _skip(self, i: int) -> int:
        root = i
        while self._next[root] != root:
            root = self._next[root]
        while self._next[i] != root:  # path compression
            self._next[i], i = root, self._next[i]
        return root

    def _mark(self, i: int) -> None:
        self._claimed[i] = 1
        self._next[i] = i + 1

    def add(self, ranges: Iterable[Range]) -> None:
        """Claim the quotes that the ranges touch."""
        idx = self.index
        for s, e in ranges:
            j = bisect_right(idx.starts, s) - 1  # the quote that may contain s
            if j >= 0 and s < idx.ends[j]:
                self._mark(j)
            i, stop = self._skip(bisect_left(idx.starts, s)), bisect_left(idx.starts, e)
            while i < stop:
                self._mark(i)
                i = self._skip(i + 1)

    def claimed(self, q: Quote) -> bool:
        """Whether a range added so far claims `q`."""
        return bool(self._claimed[self.index.position(q)])
