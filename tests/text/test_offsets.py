"""strip_range, the one span trimmer (extraction, offset maps and the scorer all use it)."""

from __future__ import annotations

import pytest

from quotegraph.text import strip_range


@pytest.mark.parametrize(("text", "start", "end", "chars", "expected"), [
    ("  said, ", 0, 8, " ,", (2, 6)),
    ("“Yes.”", 0, 6, "“”.", (1, 4)),
    ("a , ; b", 1, 6, " ,;", (6, 6)),  # nothing left: an empty range at the end, never reversed
    ("x\u00a0word\u2009y", 1, 7, None, (2, 6)),  # None: any whitespace, as str.strip
    ("abc", 1, 2, " ", (1, 2)),  # nothing to strip
    ("abc", 2, 2, " ", (2, 2)),  # already empty
])
def test_strip_range(text, start, end, chars, expected):
    assert strip_range(text, start, end, chars) == expected
