"""Named read queries: full-text search with filters, articles, speakers, errors."""

from __future__ import annotations

import json

import pytest
from store_fixtures import Q, article

from quotegraph.errors import QueryError
from quotegraph.store import queries as Qy
from quotegraph.store import store_error, store_result


@pytest.fixture
def filled(db):
    store_result(db, article([Q("We are ready to continue the dialogue with Washington on Syria",
                                "Deputy Foreign Minister Sergey Ryabkov", affiliation="Russian Foreign Ministry"),
                              Q("The terrorists have regrouped near Aleppo in recent days", "Igor Konashenkov",
                                kind="indirect")],
                             source="rt.md", outlet="RT", published="2016-09-29"))
    store_result(db, article([Q("Moscow remains committed to the ceasefire agreement on Syria", "Sergei Ryabkov")],
                             source="tass.md", outlet="TASS", published="2016-10-02"))
    store_result(db, article([Q("Washington will suspend its participation in bilateral channels", "John Kirby",
                                title="spokesman")],
                             source="cnn.md", outlet="CNN", published="2016-10-03"))
    return db


@pytest.mark.parametrize(("q", "filters", "n"), [
    ("syria", {}, 2),
    ("Syria", {"speaker": "Ryabkov"}, 2),
    ("syria", {"since": "2016-10-01"}, 1),
    ("syria", {"until": "2016-09-30"}, 1),
    ("syria", {"outlet": "tass"}, 1),
    ('"continue the dialogue"', {}, 1),
    ("dialog*", {}, 1),
    ("syria NOT ceasefire", {"syntax": "fts"}, 1),
    ("speaker: Kirby", {"syntax": "fts"}, 1),
    ("syria NOT ceasefire", {}, 0),  # plain words: "not" is one of them
    ("Kirby", {}, 1),  # speaker names as written are searched too
    ("aleppo", {"kind": "indirect"}, 1),
    ("aleppo", {"kind": "direct"}, 0),
    ("regroup", {}, 1),  # porter stemming: regrouped
    (None, {}, 4),
    (None, {"speaker": "Sergey Ryabkov"}, 2),
    ("syria", {"speaker": "Lavrov"}, 0),
    ("kremlin", {}, 0),
])
def test_search(filled, q, filters, n):
    items, total = Qy.search_statements(filled, q, **filters)
    assert total == n == len(items)
    for it in items:
        assert it["article_id"] and it["article"]["id"] == it["article_id"]
        json.dumps(it)  # plain, JSON-ready


@pytest.mark.parametrize("bad", ['"unclosed', "AND", "syria AND", "nosuchcolumn: x", "(("])
def test_malformed_query_is_a_query_error(filled, bad):
    with pytest.raises(QueryError, match="cannot parse search query"):
        Qy.search_statements(filled, bad, syntax="fts")


def test_search_pages_and_orders(filled):
    first, total = Qy.search_statements(filled, None, size=2, page=1, order="date")
    second, _ = Qy.search_statements(filled, None, size=2, page=2, order="date")
    assert total == 4 and len(first) == 2 and len(second) == 2
    dates = [i["date"] for i in first + second]
    assert dates == sorted(dates)
    with pytest.raises(QueryError):
        Qy.search_statements(filled, None, page=0)


def test_search_item_has_snippet_for_text_queries(filled):
    (item,), _ = Qy.search_statements(filled, "ceasefire")
    assert "[ceasefire]" in item["snippet"]
    assert item["speaker"]["name"] == "Sergey Ryabkov"
    assert item["speaker_as_written"] == "Sergei Ryabkov"


def test_get_article_returns_text_and_statements_in_order(filled):
    (item,), _ = Qy.search_statements(filled, "terrorists")
    art = Qy.get_article(filled, item["article_id"])
    assert [s["position"] for s in art["statements"]] == [0, 1]
    start, end = art["statements"][1]["spans"]["content"][0]
    assert art["text"][start:end] == art["statements"][1]["content"]
    assert Qy.get_article(filled, "nope") is None


def test_speakers_summary_and_timeline(filled):
    items, total = Qy.list_speakers(filled)
    assert total == 3
    ry = items[0]
    assert (ry["name"], ry["n_statements"], ry["n_articles"]) == ("Sergey Ryabkov", 2, 2)
    assert (ry["first_date"], ry["last_date"]) == ("2016-09-29", "2016-10-02")
    assert ry["affiliations"] == ["Russian Foreign Ministry"]
    assert ry["titles"] == ["Deputy Foreign Minister"]
    sp = Qy.get_speaker(filled, ry["id"])
    assert [s["date"] for s in sp["statements"]] == ["2016-09-29", "2016-10-02"]
    assert Qy.get_speaker(filled, "nope") is None


@pytest.mark.parametrize(("q", "names"), [("ryabkov", ["Sergey Ryabkov"]), ("Kirb", ["John Kirby"]),
                                          ("Lavrov", [])])
def test_list_speakers_query(filled, q, names):
    items, _ = Qy.list_speakers(filled, q)
    assert [i["name"] for i in items] == names


def test_errors_and_stats(filled):
    filled.execute("BEGIN")
    store_error(filled, "bad.txt", "empty file")
    store_error(filled, "bad.txt", "empty file")
    filled.execute("COMMIT")
    errors, total = Qy.list_errors(filled)
    assert total == 1 and errors[0]["reason"] == "empty file"
    stats = Qy.store_stats(filled)
    assert (stats["articles"], stats["statements"], stats["speakers"], stats["errors"]) == (3, 4, 3, 1)
    assert Qy.get_statement(filled, "nope") is None
