"""The one-pass inline scanner finds exactly what the old regular expression found, in linear time."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph.text.markdown import _inline_tokens

# The regular expression the scanner replaced: the specification of what a token is. Its link
# look-ahead rescanned the line from every `[`, which made a line of brackets quadratic.
_SPEC = re.compile(
    r"\\([\[\]*_()#\\`])"
    r"|!?\[(?=(?:\\.|[^\]\\])*\]\([^)]*\))"
    r"|\]\([^)]*\)"
    r"|\*+|(?<!\w)_+|_+(?!\w)"
)


def _spec(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    return [(m.start(), m.end(), m.group(1) is not None) for m in _SPEC.finditer(text, start, end)]


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="[]()\\!*_a# é", max_size=40), st.integers(0, 5), st.integers(0, 5))
def test_scanner_matches_the_regular_expression(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert list(_inline_tokens(text, start, end)) == _spec(text, start, end)
