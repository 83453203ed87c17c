"""Quote drift in the store: computed per cluster, stored, refreshed on ingest, listed, idempotent."""

from __future__ import annotations

import json

import pytest
from store_fixtures import Q, article, fake_process

from quotegraph.errors import QueryError
from quotegraph.store import clusters, drift, ingest, store_result

FULL = ("I do not believe that we should leave the union before the summer, and we will not "
        "sign any new treaty in 2019")
TRIMMED = "we should leave the union before the summer, and we will not sign any new treaty in 2019"
NEGATED = FULL.replace("we will not sign", "we will sign")
JOINED = "I do not believe that we should leave the union … in 2019"
ASIDES = ["The weather in the capital will stay cold and wet for the rest of the week",
          "Our correspondent could not reach the ministry for any further comment on it",
          "Markets in Asia closed higher after a volatile session on Thursday afternoon",
          "The festival opens next month with a concert by the national youth orchestra",
          "Heavy snow closed the mountain pass and delayed trains across the northern region",
          "The museum will lend two paintings to a gallery abroad for an exhibition in spring"]


def carry(db, versions, speaker="Ana Lima", first_aside=0):
    """Store one article per (words, outlet, published), each with an unrelated second quote."""
    for n, (words, outlet, published) in enumerate(versions):
        aside = ASIDES[first_aside + n]
        store_result(db, article([Q(words, speaker), Q(aside, "Someone Else")],
                                 source=f"{outlet}-{speaker}-{n}.md", outlet=outlet, published=published,
                                 lead=f"Lead {n}."))
    clusters.refresh_stale(db)
    return drift.refresh(db)


def rows(db, table):
    return [tuple(r) for r in db.execute(f"SELECT * FROM {table} ORDER BY 1")]


def test_each_version_is_labelled_against_the_fullest_and_the_origin_is_the_earliest(db):
    assert carry(db, [(TRIMMED, "Daily B", "2019-03-02"), (FULL, "Wire A", "2019-03-01"),
                      (NEGATED, "Daily C", "2019-03-03"), (JOINED, "Daily D", "2019-03-03")]) == 1
    (item,), total = drift.list_clusters(db)
    assert total == 1
    (versions,) = drift.version_records(db, [item["cluster_id"]]).values()
    by_outlet = {v["outlet"]: v for v in versions}
    assert [v["outlet"] for v in versions] == ["Wire A", "Daily B", "Daily C", "Daily D"]
    assert [v["origin"] for v in versions] == [True, False, False, False]
    assert by_outlet["Wire A"]["labels"] == ["verbatim"] and by_outlet["Wire A"]["score"] == 0
    # The trim cuts off "I do not believe that": what is left says the opposite.
    assert by_outlet["Daily B"]["labels"] == ["trimmed"] and by_outlet["Daily B"]["negation_changed"]
    assert by_outlet["Daily C"]["labels"] == ["elided"] and by_outlet["Daily C"]["negation_changed"]
    assert "negation changed: 'not' left out" in by_outlet["Daily C"]["reason"]
    assert by_outlet["Daily D"]["labels"] == ["elided"]
    assert "joined by an ellipsis" in by_outlet["Daily D"]["reason"]
    assert by_outlet["Daily D"]["numbers_changed"] is False
    assert set(versions[0]) == set(drift.JSONL_FIELDS)
    assert item["negation_changed"] and item["n_versions"] == 4 and item["n_drifted"] == 3
    assert item["labels"] == {"verbatim": 1, "trimmed": 1, "elided": 2}
    assert item["reason"].startswith("Daily D, 2019-03-03: negation changed")  # 12 points, C has 11


def test_ties_on_the_date_go_to_the_first_ingested(db):
    carry(db, [(FULL, "Second", "2019-03-01"), (FULL, "Third", None), (FULL, "First", "2019-03-01")])
    cid = db.execute("SELECT id FROM clusters").fetchone()[0]
    cd = drift.analyse(db, cid)
    assert [(v.outlet, v.origin) for v in cd.versions] == [("Second", True), ("First", False), ("Third", False)]
    assert cd.score == 0 and cd.reason.startswith("no drift")


def test_stored_drift_is_idempotent_and_rebuild_recomputes_it(db):
    carry(db, [(FULL, "Wire A", "2019-03-01"), (NEGATED, "Daily C", "2019-03-03")])
    before = rows(db, "cluster_drift"), rows(db, "statement_drift")
    assert drift.refresh(db) == 0  # nothing pending
    assert drift.recompute(db) == 1
    assert (rows(db, "cluster_drift"), rows(db, "statement_drift")) == before
    assert clusters.rebuild(db) == 1
    assert drift.pending(db) == []
    assert (rows(db, "cluster_drift"), rows(db, "statement_drift")) == before


def test_a_new_member_or_a_removed_one_makes_the_cluster_pending_again(db):
    carry(db, [(FULL, "Wire A", "2019-03-01"), (FULL, "Daily B", "2019-03-02")])
    cid = db.execute("SELECT id FROM clusters").fetchone()[0]
    assert drift.list_clusters(db)[1] == 0  # the same words twice: no drift
    store_result(db, article([Q(NEGATED, "Ana Lima")], source="late.md", outlet="Late", published="2019-03-05"))
    assert drift.pending(db) == [cid]
    assert drift.refresh(db) == 1
    assert drift.list_clusters(db)[0][0]["negation_changed"]
    # Replacing the late article with other words takes its version out of the cluster.
    store_result(db, article([Q("Something else entirely was said by the minister on Friday", "Ana Lima")],
                             source="late.md", outlet="Late", published="2019-03-05"))
    assert drift.pending(db) == [cid]
    drift.refresh(db)
    assert drift.list_clusters(db)[1] == 0
    assert db.execute("SELECT count(*) FROM statement_drift").fetchone()[0] == 2


def test_ingest_refreshes_drift(db, tmp_path):
    results, paths = {}, []
    for n, (words, outlet) in enumerate([(FULL, "Wire A"), (NEGATED, "Daily C")]):
        r = article([Q(words, "Ana Lima")], source=f"in{n}.md", outlet=outlet, published=f"2019-03-0{n + 1}")
        results[r.article.text] = r
        paths.append(tmp_path / f"in{n}.txt")
        paths[-1].write_text(r.article.text, encoding="utf-8")
    ingest(db, paths, process=fake_process(results))
    assert drift.pending(db) == []
    (item,), _ = drift.list_clusters(db)
    assert item["score"] >= 10


def test_listing_filters_and_pages(db):
    carry(db, [(FULL, "Wire A", "2019-03-01"), (NEGATED, "Daily C", "2019-03-03")])
    other = ("Our budget for the coming year will rise to three hundred million dollars for the "
             "armed forces")
    carry(db, [(other, "Wire A", "2019-04-01"), (other.replace("three", "two"), "Daily B", "2019-04-02")],
          speaker="Ben Ode", first_aside=2)
    items, total = drift.list_clusters(db)
    assert total == 2 and items[0]["score"] >= items[1]["score"]
    assert {i["cluster_id"] for i in items} == {i["cluster_id"] for i in drift.list_clusters(db, size=None)[0]}
    assert [i["numbers_changed"] for i in drift.list_clusters(db, outlet="daily b")[0]] == [True]
    assert drift.list_clusters(db, outlet="Wire A")[1] == 0  # the origin outlet changed nothing
    assert drift.list_clusters(db, since="2019-04-01")[1] == 1
    assert drift.list_clusters(db, min_score=10.5)[1] == 1
    page2, total = drift.list_clusters(db, size=1, page=2)
    assert total == 2 and len(page2) == 1 and page2[0]["cluster_id"] == items[1]["cluster_id"]
    with pytest.raises(QueryError):
        drift.list_clusters(db, min_score=-1)
    stats = drift.stats(db)
    assert (stats["clusters"], stats["drifted"], stats["pending"]) == (2, 2, 0)
    assert stats["versions_by_label"]["altered"] == 1 and stats["clusters_by_label"]["elided"] == 1


def test_a_quote_with_an_ellipsis_of_its_own_in_a_two_span_statement(db):
    # The writer joins spans with " … "; a quote that has its own " … " is read span by span.
    from quotegraph.ids import content_id
    from quotegraph.read import make_article
    from quotegraph.types import ArticleResult, Span, Speaker, Statement

    text = "“We will go … to the sea,” she said, “and we will swim in the cold water every day.”\n"
    a = make_article(text, "two.md", outlet="Two", published="2019-05-02")
    first, second = "We will go … to the sea", "and we will swim in the cold water every day"
    sp = [Span(text.index(first), text.index(first) + len(first)),
          Span(text.index(second), text.index(second) + len(second))]
    store_result(db, ArticleResult(a, (Statement(content_id(a.id, 0), "direct", tuple(sp), None, None,
                                                 Speaker("Ana Lima", "person"), confidence=0.9),)))
    carry(db, [("We will go to the sea and we will swim in the cold water every day", "One", "2019-05-01")])
    cid = db.execute("SELECT id FROM clusters").fetchone()[0]
    cd = drift.analyse(db, cid)
    two = next(v for v in cd.versions if v.outlet == "Two")
    assert two.alignment.labels == ("verbatim",), two.reason


def _row(seq: int, words: str, kind: str = "direct") -> dict:
    return {"seq": seq, "id": f"s{seq}", "article_id": f"a{seq}", "kind": kind, "content": words,
            "spans": json.dumps({"content": [[0, len(words)]]}), "outlet": f"Outlet {seq % 7}",
            "published": f"2019-01-{1 + seq % 28:02}", "url": None, "source": f"{seq}.md"}


def test_ten_thousand_versions_of_one_quote(db):
    rows_ = [_row(i, NEGATED if i % 10 == 3 else TRIMMED if i % 10 == 5 else FULL) for i in range(10_000)]
    cd = drift.analyse_rows(db, "big", rows_)
    assert len(cd.versions) == 10_000 and cd.versions[0].origin
    assert cd.labels == {"verbatim": 8000, "trimmed": 1000, "elided": 1000}
    assert cd.score >= 10 and sum(v.alignment.negation_changed for v in cd.versions) == 2000


@pytest.mark.parametrize(("contents", "outcome"), [
    (["We will go to the sea tomorrow morning"], drift.ONLY_REASON),
    (["… !!! …", "“” ?"], "only punctuation"),
    (["We will not sign this agreement before the election", "Мы не подпишем это соглашение до выборов"],
     "a translation, not compared word by word"),
])
def test_odd_clusters_get_a_clear_outcome(db, contents, outcome):
    cd = drift.analyse_rows(db, "odd", [_row(i, c) for i, c in enumerate(contents)])
    assert any(outcome in v.reason for v in cd.versions)
    assert cd.score == 0


def test_rows_from_another_version_of_the_rules_are_recomputed(db):
    carry(db, [(FULL, "Wire A", "2019-03-01"), (NEGATED, "Daily C", "2019-03-03")])
    before = rows(db, "statement_drift")
    db.execute("UPDATE cluster_drift SET version = ?", (drift.VERSION - 1,))
    assert len(drift.pending(db)) == 1 and drift.stats(db)["pending"] == 1
    assert drift.refresh(db) == 1 and drift.pending(db) == []
    assert rows(db, "statement_drift") == before
