from datetime import date

import pytest

from quotegraph.extract.dates import _EXPR, resolve_expression

PUB = date(2016, 9, 29)  # a Thursday


@pytest.mark.parametrize(("words", "expected"), [
    ("on Thursday", "2016-09-29"),
    ("on Wednesday", "2016-09-28"),
    ("on Friday", "2016-09-23"),
    ("yesterday", "2016-09-28"),
    ("today", "2016-09-29"),
    ("on September 19", "2016-09-19"),
    ("Sept. 19, 2015", "2015-09-19"),
    ("19 September", "2016-09-19"),
    ("on December 30", "2015-12-30"),
    ("last week", None),
])
def test_resolve(words, expected):
    m = _EXPR.search(words)
    assert m is not None
    got = resolve_expression(m, PUB)
    assert (got.isoformat() if got else None) == expected


@pytest.mark.parametrize("words", ["the week-long truce", "in 48 hours", "Thursdays"])
def test_no_date(words):
    assert _EXPR.search(words) is None
