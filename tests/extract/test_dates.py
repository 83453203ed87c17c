from datetime import date

import pytest

from quotegraph.extract.dates import _EXPR, resolve_expression

PUB = date(2016, 9, 29)  # a Thursday


@pytest.mark.parametrize(("words", "expected"), [
    ("on Thursday", ("2016-09-29", "day")),
    ("on Wednesday", ("2016-09-28", "day")),
    ("on Friday", ("2016-09-23", "day")),
    ("yesterday", ("2016-09-28", "day")),
    ("today", ("2016-09-29", "day")),
    ("on September 19", ("2016-09-19", "day")),
    ("Sept. 19, 2015", ("2015-09-19", "day")),
    ("19 September", ("2016-09-19", "day")),
    ("on December 30", ("2015-12-30", "day")),
    ("in June 2012", ("2012-06", "month")),
    ("in 2010", ("2010", "year")),
    ("last week", None),
])
def test_resolve(words, expected):
    m = _EXPR.search(words)
    assert m is not None
    assert resolve_expression(m, PUB) == expected


@pytest.mark.parametrize(("words", "expected"), [
    ("Sept. 19, 2015", ("2015-09-19", "day")),
    ("in June 2012", ("2012-06", "month")),
    ("on Thursday", None),  # a weekday needs the publication date
])
def test_resolve_without_a_publication_date(words, expected):
    assert resolve_expression(_EXPR.search(words), None) == expected


@pytest.mark.parametrize("words", ["the week-long truce", "in 48 hours", "Thursdays", "in 2,010 cases"])
def test_no_date(words):
    assert _EXPR.search(words) is None


def test_february_29_of_a_year_without_one_is_no_date():
    # Seen from January 2016, an unyeared "February 29" is in the past, so 2015, which has none;
    # from 2018 it names no day at all. Neither may crash.
    m = _EXPR.search("on February 29")
    assert resolve_expression(m, date(2016, 1, 10)) is None
    assert resolve_expression(m, date(2018, 1, 10)) is None
    assert resolve_expression(m, date(2016, 3, 1)) == ("2016-02-29", "day")
