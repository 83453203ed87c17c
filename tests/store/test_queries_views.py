"""Read queries added for the web pages: speaker roles over time, monthly activity, cluster carriers."""

from __future__ import annotations

import pytest
from store_fixtures import Q, article

from quotegraph.store import queries as Qy
from quotegraph.store import store_result

CEASEFIRE = "Moscow remains committed to the ceasefire agreement on Syria"


@pytest.fixture
def carried(db):
    store_result(db, article([Q(CEASEFIRE, "Sergey Ryabkov", title="Deputy Foreign Minister")],
                             source="rt.md", outlet="RT", published="2016-09-29"))
    store_result(db, article([Q(CEASEFIRE, "Ryabkov", affiliation="Russian Foreign Ministry")],
                             source="tass.md", outlet="TASS", published="2016-10-02"))
    store_result(db, article([Q("Washington will suspend its participation in bilateral channels",
                                "Sergei Ryabkov", title="Deputy Foreign Minister")],
                             source="cnn.md", outlet="CNN", published="2016-11-03"))
    store_result(db, article([Q("Nobody gave this quote a title or an affiliation at all", "Sergey Ryabkov")],
                             source="bbc.md", outlet="BBC", published="2016-11-05"))
    return db


def _ryabkov(db) -> str:
    (sid,) = Qy.find_speaker_ids(db, "Sergey Ryabkov")
    return sid


def test_speaker_roles_have_date_ranges(carried):
    roles = Qy.speaker_roles(carried, _ryabkov(carried))
    assert [(r["title"], r["affiliation"], r["n_statements"], r["first_date"], r["last_date"])
            for r in roles] == [("Deputy Foreign Minister", None, 2, "2016-09-29", "2016-11-03"),
                                (None, "Russian Foreign Ministry", 1, "2016-10-02", "2016-10-02")]


def test_speaker_months(carried):
    assert Qy.speaker_months(carried, _ryabkov(carried)) == [
        {"month": "2016-09", "n": 1}, {"month": "2016-10", "n": 1}, {"month": "2016-11", "n": 2}]
    assert Qy.speaker_months(carried, "nope") == []


def test_cluster_carriers_earliest_first(carried):
    item = Qy.search_statements(carried, "ceasefire")[0][0]
    cid = item["cluster_id"]
    assert cid
    carriers = Qy.cluster_carriers(carried, [cid, cid, "nope"])
    assert [c["outlet"] for c in carriers[cid]] == ["RT", "TASS"]
    assert [c["date"] for c in carriers[cid]] == ["2016-09-29", "2016-10-02"]
    assert carriers["nope"] == []
    assert Qy.cluster_carriers(carried, []) == {}
