"""store.sources: who gets quoted per outlet and month, on articles with known figures."""

from __future__ import annotations

import pytest
from store_fixtures import sources_articles

from quotegraph.errors import QueryError
from quotegraph.store import store_result
from quotegraph.store.sources import Scope, source_stats


@pytest.fixture
def store(db):
    for r in sources_articles():
        store_result(db, r)
    return db


def _by(data, key="outlet"):
    return {g[key]: g for g in data["groups"]}


def test_by_outlet_speech_only(store):
    data = source_stats(store, Scope.parse("outlet"))
    gazette, herald = _by(data)["Gazette"], _by(data)["Herald"]
    assert (gazette["articles"], gazette["statements"]) == (2, 8)
    assert gazette["speakers"] == {"person": 5, "organization": 1, "country": 1, "anonymous": 1, "other": 0}
    assert gazette["anonymous_share"] == 0.125
    assert (gazette["sources"], gazette["women"], gazette["men"], gazette["gender_unknown"]) == (4, 2, 1, 1)
    assert gazette["women_share"] == pytest.approx(2 / 3, abs=1e-4)
    assert gazette["unknown_share"] == 0.25
    assert gazette["people_quoted"] == 3
    assert (gazette["people_mentioned"], gazette["quoted_share"]) == (6, round(4 / 6, 4))
    assert (herald["statements"], herald["sources"], herald["women_share"], herald["anonymous_share"]) == (2, 1, 0.0, 0.5)
    total = data["total"]
    assert (total["articles"], total["statements"], total["sources"], total["women_share"]) == (3, 10, 5, 0.5)
    assert total["people_quoted"] == 3


def test_top_people_per_gender(store):
    total = source_stats(store, Scope.parse("none"), top=1)["total"]
    assert [(p["name"], p["statements"], p["articles"]) for p in total["top"]["female"]] == [("Anna Lindqvist", 3, 2)]
    assert [p["name"] for p in total["top"]["male"]] == ["Tom Berg"]
    assert [p["name"] for p in total["top"]["unknown"]] == ["Chris Doe"]
    assert source_stats(store, Scope.parse("none"), top=0)["total"]["top"]["female"] == []


def test_all_statements_counts_thoughts_too(store):
    gazette = _by(source_stats(store, Scope.parse("outlet", speech_only=False)))["Gazette"]
    assert (gazette["statements"], gazette["sources"], gazette["men"], gazette["quoted_share"]) == (9, 5, 2, round(5 / 6, 4))


def test_by_month_and_both(store):
    months = _by(source_stats(store, Scope.parse("month")), "month")
    assert sorted(months) == ["2016-09", "2016-10"]
    assert (months["2016-10"]["articles"], months["2016-10"]["statements"]) == (2, 5)
    both = source_stats(store, Scope.parse("outlet,month"))["groups"]
    assert [(g["outlet"], g["month"], g["statements"]) for g in both] == [
        ("Gazette", "2016-09", 5), ("Gazette", "2016-10", 3), ("Herald", "2016-10", 2)]


@pytest.mark.parametrize(("since", "until", "articles"), [
    ("2016-10", None, 2), (None, "2016-09", 1), ("2016-10-03", "2016-10-31", 1), ("2017", None, 0),
    ("2016", "2016", 3)])
def test_date_bounds(store, since, until, articles):
    assert source_stats(store, Scope.parse("none", since, until))["total"]["articles"] == articles


def test_empty_store_gives_empty_figures(db):
    data = source_stats(db, Scope.parse("outlet"))
    assert data["groups"] == [] and data["total"]["articles"] == 0 and data["total"]["women_share"] is None


@pytest.mark.parametrize(("by", "since"), [("week", None), ("outlet", "10/2016"), ("outlet", "2016-1")])
def test_bad_scope_is_one_clear_error(by, since):
    with pytest.raises(QueryError):
        Scope.parse(by, since)
