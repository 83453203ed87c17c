"""Browse listings (speakers, articles, outlets, clusters): sorts, filters, pages, downloads,
and the speaker_stats summary its triggers keep exact through every kind of write."""

from __future__ import annotations

import pytest
from store_fixtures import Q, article

from quotegraph.errors import QueryError
from quotegraph.store import browse, clusters, store_result
from quotegraph.store import corrections as C
from quotegraph.store.facets import FACETS, statement_facets
from quotegraph.store.queries import search_statements, select_statements
from quotegraph.store.writer import delete_article

SHARED = "Moscow remains committed to the ceasefire agreement on Syria today"


@pytest.fixture
def filled(db):
    store_result(db, article([Q(SHARED, "Sergey Ryabkov", title="Deputy Foreign Minister"),
                              Q("The terrorists have regrouped near Aleppo in recent days", "Igor Konashenkov")],
                             source="rt.md", outlet="RT", published="2016-09-29"))
    store_result(db, article([Q(SHARED, "Ryabkov")], source="tass.md", outlet="TASS", published="2016-10-02"))
    store_result(db, article([Q("Washington will suspend its participation in bilateral channels", "John Kirby",
                                kind="indirect"),
                              Q("We are not going to give a running commentary on that today", None)],
                             source="cnn.md", outlet="CNN", published="2016-10-03"))
    store_result(db, article([Q("Nothing new was said about the aid convoy on the road", "John Kirby")],
                             source="none.md", outlet=None, published=None))
    clusters.refresh_stale(db)  # as an ingest does at its end
    return db


def _names(items, key="name"):
    return [i[key] for i in items]


@pytest.mark.parametrize(("sort", "names"), [
    ("-statements", ["Sergey Ryabkov", "John Kirby", "Igor Konashenkov"]),
    ("statements", ["Igor Konashenkov", "John Kirby", "Sergey Ryabkov"]),
    ("name", ["Igor Konashenkov", "John Kirby", "Sergey Ryabkov"]),
    ("-name", ["Sergey Ryabkov", "John Kirby", "Igor Konashenkov"]),
    ("-last", ["John Kirby", "Sergey Ryabkov", "Igor Konashenkov"]),
    ("first", ["Igor Konashenkov", "Sergey Ryabkov", "John Kirby"]),
])
def test_speakers_sorted(filled, sort, names):
    items, total = browse.page(filled, browse.speakers(None, sort))
    assert total == 3
    assert _names(items)[:2] == names[:2] or sort.endswith("statements")  # ties keep a stable order
    if not sort.endswith("statements"):
        assert _names(items) == names


def test_speaker_items(filled):
    items, _ = browse.page(filled, browse.speakers("ryab"))
    (ry,) = items
    assert ry["n_statements"] == 2 and ry["n_articles"] == 2 and ry["title"] == "Deputy Foreign Minister"
    assert (ry["first_date"], ry["last_date"]) == ("2016-09-29", "2016-10-02")
    kirby = browse.page(filled, browse.speakers("kirby"))[0][0]
    assert kirby["first_date"] == "2016-10-03"  # the undated statement does not count as a date


def test_articles_sorted_filtered_and_paged(filled):
    items, total = browse.page(filled, browse.articles(sort="-published"))
    assert total == 4 and [i["outlet"] for i in items] == ["CNN", "TASS", "RT", None]  # no date: last
    items, _ = browse.page(filled, browse.articles(sort="published"))
    assert [i["outlet"] for i in items] == ["RT", "TASS", "CNN", None]
    assert "text" not in items[0]
    assert browse.page(filled, browse.articles(outlet="tass"))[1] == 1
    assert browse.page(filled, browse.articles(q="cnn.md"))[1] == 1  # the title is "Story from cnn.md"
    first, total = browse.page(filled, browse.articles(sort="-statements"), page=1, size=3)
    second, _ = browse.page(filled, browse.articles(sort="-statements"), page=2, size=3)
    assert total == 4 and len(first) == 3 and len(second) == 1
    assert [i["n_statements"] for i in first + second] == [2, 2, 1, 1]


def test_outlets(filled):
    items, total = browse.page(filled, browse.outlets("-articles"))
    assert total == 3 and {i["outlet"]: i["n_statements"] for i in items} == {"RT": 2, "TASS": 1, "CNN": 2}
    assert _names(browse.page(filled, browse.outlets("name"))[0], "outlet") == ["CNN", "RT", "TASS"]


def test_clusters(filled):
    items, total = browse.page(filled, browse.clusters())
    assert total == 1 and items[0]["n_outlets"] == 2 and items[0]["stale"] is False
    assert browse.page(filled, browse.clusters(min_articles=3))[1] == 0


def test_stream_gives_the_listing_in_order(filled):
    listing = browse.articles(sort="-published")
    assert [i["id"] for i in browse.stream(filled, listing, limit=10)] == \
        [i["id"] for i in browse.page(filled, listing)[0]]
    assert len(list(browse.stream(filled, listing, limit=2))) == 2


@pytest.mark.parametrize("sort", ["nope", "-", "--name", "name;drop"])
def test_unknown_sort(sort):
    with pytest.raises(QueryError, match="unknown sort"):
        browse.speakers(None, sort)


def _recomputed(conn):
    return {r[0]: tuple(r[1:]) for r in conn.execute(
        "SELECT speaker_id, count(*), count(DISTINCT article_id), min(date), max(date) FROM statements "
        "WHERE speaker_id IS NOT NULL GROUP BY speaker_id")}


def _kept(conn):
    return {r[0]: tuple(r[1:]) for r in conn.execute(
        "SELECT speaker_id, n_statements, n_articles, first_date, last_date FROM speaker_stats")}


def test_speaker_stats_stay_exact(filled):
    assert _kept(filled) == _recomputed(filled)
    # A bare surname stored first, then the full name absorbs it (statements change speaker).
    store_result(filled, article([Q("Our patience with the convoy talks is running out fast", "Lavrov")],
                                 source="a.md", outlet="RIA", published="2016-10-04"))
    store_result(filled, article([Q("We will answer any provocation with force in the region", "Sergey Lavrov")],
                                 source="b.md", outlet="RIA", published="2016-10-05"))
    assert _kept(filled) == _recomputed(filled)
    # A replaced version, a correction of speaker and a removal, a deleted article.
    store_result(filled, article([Q(SHARED, "Ryabkov"), Q("A second quote was added to this story later on", "Ryabkov")],
                                 source="tass.md", outlet="TASS", published="2016-10-06"))
    assert _kept(filled) == _recomputed(filled)
    sid = search_statements(filled, '"second quote"')[0][0]["id"]
    C.correct(filled, sid, speaker="John Kirby")
    assert _kept(filled) == _recomputed(filled)
    C.correct(filled, search_statements(filled, "provocation")[0][0]["id"], not_a_statement=True)
    assert _kept(filled) == _recomputed(filled)
    aid = filled.execute("SELECT id FROM articles WHERE source = 'rt.md'").fetchone()[0]
    delete_article(filled, aid)
    assert _kept(filled) == _recomputed(filled)
    filled.execute("UPDATE statements SET date = '2015-01-01' WHERE rowid = (SELECT min(rowid) FROM statements)")
    assert _kept(filled) == _recomputed(filled)


def test_facets(filled):
    f = statement_facets(filled, select_statements(filled, None))
    assert set(f) == set(FACETS)
    assert {v["label"]: v["count"] for v in f["speaker"]} == {"Sergey Ryabkov": 2, "John Kirby": 2,
                                                            "Igor Konashenkov": 1}
    assert {v["value"]: v["count"] for v in f["kind"]} == {"direct": 5, "indirect": 1}
    assert {v["value"]: v["count"] for v in f["outlet"]} == {"RT": 2, "TASS": 1, "CNN": 2}
    assert [v["value"] for v in f["month"]] == ["2016-10", "2016-09"]  # newest first
    assert f["speech"] == [{"value": "true", "label": "said or written", "count": 6}]
    narrowed = statement_facets(filled, select_statements(filled, "ceasefire", outlet="tass"))
    assert narrowed["outlet"] == [{"value": "TASS", "label": "TASS", "count": 1}]
    assert statement_facets(filled, select_statements(filled, "!!!"))["speaker"] == []


def test_speech_facet_counts_what_the_others_leave_out(filled):
    filled.execute("UPDATE statements SET speech = 0 WHERE speaker_id IS NULL")
    f = statement_facets(filled, select_statements(filled, None), speech=True)
    assert {v["value"]: v["count"] for v in f["speech"]} == {"true": 5, "false": 1}
    assert sum(v["count"] for v in f["kind"]) == 5


def test_facets_left_out_past_the_budget_or_too_many(filled):
    assert all(v is None for v in statement_facets(filled, select_statements(filled, None), budget_ms=0).values())
    assert all(v is None for v in statement_facets(filled, select_statements(filled, None), total=10**6).values())
