"""Near-duplicate quotes across outlets share a cluster; different quotes never do."""

from __future__ import annotations

import pytest
from store_fixtures import Q, article

from quotegraph.store import browse, clusters, store_result
from quotegraph.store.queries import find_similar, get_cluster

FULL = ("Once again we declare that the Russian Aerospace Forces are not conducting any "
        "strikes in the area of Aleppo")


@pytest.mark.parametrize("variant", [
    FULL,
    FULL.upper(),
    "once again, we declare that the russian aerospace forces are not conducting any strikes in the area of aleppo!",
    FULL.replace("we declare", "we… declare"),
    "Once again we declare that the Russian Aerospace Forces are not conducting any strikes …",
    "...we declare that the Russian Aerospace Forces are not conducting any strikes in the area of Aleppo",
    "Once again we state that Russia's Aerospace Forces are not conducting any strikes in the area of Aleppo",
    "Once again we declare that the Russian Aerospace Forces aren’t conducting any strikes in the area of Aleppo",
])
def test_same_quote_variants_match(variant):
    assert clusters.same_quote(clusters.tokens(FULL), clusters.tokens(variant))


@pytest.mark.parametrize("other", [
    "The Russian Aerospace Forces conducted strikes in Idlib and Homs last week, the ministry said",
    "We declare nothing",  # too short to cluster at all
    "Once again the United States has failed to separate moderate rebels from terrorists in Aleppo",
    "",
])
def test_different_quotes_do_not_match(other):
    assert not clusters.same_quote(clusters.tokens(FULL), clusters.tokens(other))


def test_tokens_fold_case_marks_and_ellipses():
    assert clusters.tokens("“We’re READY” … to talk...") == ("we're", "ready", "to", "talk")


def test_the_same_quote_in_three_outlets_is_one_cluster_earliest_first(db):
    variants = [(FULL, "RT", "2016-09-29"),
                (FULL.replace("Once again we", "We"), "TASS", "2016-09-28"),
                (FULL.lower().replace("aleppo", "aleppo…"), "Reuters", "2016-09-30")]
    asides = ["The weather in Moscow will stay cold and wet for the rest of the week",
              "Our correspondent could not reach the ministry for any further comment",
              "Markets in Asia closed higher after a volatile session on Thursday"]
    for (words, outlet, day), aside in zip(variants, asides, strict=True):
        store_result(db, article([Q(words, "Igor Konashenkov"), Q(aside, "Someone Else")],
                                 source=f"{outlet}.md", outlet=outlet, published=day))
    clusters.refresh_stale(db)
    items, total = browse.page(db, browse.clusters())
    assert total == 1
    assert (items[0]["n_statements"], items[0]["n_outlets"], items[0]["stale"]) == (3, 3, 0)
    c = get_cluster(db, items[0]["id"])
    assert (c["n_statements"], c["n_articles"], c["n_outlets"]) == (3, 3, 3)
    assert [s["article"]["outlet"] for s in c["statements"]] == ["TASS", "RT", "Reuters"]
    assert (c["first_date"], c["last_date"]) == ("2016-09-28", "2016-09-30")
    assert c["representative"] == FULL
    assert all(s["article_id"] for s in c["statements"])
    assert len(find_similar(db, FULL)) == 3


def test_rebuild_finds_the_same_groups(db):
    for i in range(3):
        store_result(db, article([Q(FULL, "Igor Konashenkov")], source=f"{i}.md", outlet=f"o{i}",
                                 lead=f"Lead {i}."))
    before = {r[0] for r in db.execute("SELECT cluster_id FROM statements")}
    assert len(before) == 1 and None not in before
    assert clusters.rebuild(db) == 1
    after = {r[0] for r in db.execute("SELECT cluster_id FROM statements")}
    assert len(after) == 1 and None not in after
    assert db.execute("SELECT count(*) FROM cluster_bands").fetchone()[0] == 3 * clusters.BANDS


def test_replacing_an_article_dissolves_a_cluster_left_with_one_member(db):
    store_result(db, article([Q(FULL, "Igor Konashenkov")], source="a.md"))
    store_result(db, article([Q(FULL, "Igor Konashenkov")], source="b.md", lead="Other."))
    assert browse.page(db, browse.clusters())[1] == 1
    store_result(db, article([Q("Something else entirely was said by the general on Friday", "Igor Konashenkov")],
                             source="b.md", lead="Other."))
    assert browse.page(db, browse.clusters())[1] == 0
    assert db.execute("SELECT count(*) FROM statements WHERE cluster_id IS NOT NULL").fetchone()[0] == 0


def test_two_clusters_merge_when_a_bridging_quote_arrives(db):
    head = "We are ready to continue the dialogue with our partners in Geneva"
    tail = "the dialogue with our partners in Geneva and then we will see what happens next week"
    both = "We are ready to continue the dialogue with our partners in Geneva and then we will see what happens next week"
    for i, words in enumerate([head, head, tail, tail]):
        store_result(db, article([Q(words, "Sergey Ryabkov")], source=f"{i}.md", lead=f"L{i}."))
    assert browse.page(db, browse.clusters())[1] == 2
    store_result(db, article([Q(both, "Sergey Ryabkov")], source="bridge.md"))
    items, total = browse.page(db, browse.clusters())
    assert total == 1 and items[0]["stale"] == 1
    assert clusters.refresh_stale(db) == 1
    items, total = browse.page(db, browse.clusters())
    assert total == 1 and items[0]["n_statements"] == 5


@pytest.mark.parametrize(("short", "long", "same"), [
    # A short paraphrase inside a different, longer statement: the reporter's phrase, not a quote.
    ("to build a new bridge across the northern river",
     "that the council would block him because of his plans to build a new bridge across the northern river next year", False),
    # Too short to tell a paraphrase from a stock phrase at all.
    ("her record as minister of finance", "her record as minister of finance", False),
    # Two renderings of the same statement.
    ("to take his campaign to the party convention floor",
     "to take his campaign all the way to the party convention", True),
])
def test_indirect_statements_need_more_words_and_similar_length(short, long, same):
    a, b = clusters.tokens(short), clusters.tokens(long)
    assert clusters.same_quote(a, b, True, True) is same
    assert clusters.same_quote(a, b) is (clusters.clusterable(a) and clusters.clusterable(b))
