"""Drift over HTTP: /api/drift, drift in /api/clusters/{id}, the Drift page and the cluster page."""

from __future__ import annotations

import re

import pytest
from drift_fixtures import HOSTILE, N_SMALL, N_WIDE, build_drift_store
from fastapi.testclient import TestClient

from quotegraph.serve import create_app
from quotegraph.serve.security import CSP


@pytest.fixture(scope="module")
def drift_store(tmp_path_factory):
    return build_drift_store(tmp_path_factory.mktemp("drift") / "drift.db")


@pytest.fixture(scope="module")
def dclient(drift_store):
    with TestClient(create_app(drift_store)) as c:
        yield c


def negation_cluster(dclient) -> str:
    items = dclient.get("/api/drift", params={"outlet": "Daily Trim"}).json()["items"]
    assert len(items) == 1
    return items[0]["cluster_id"]


def test_api_drift_lists_the_worst_first_with_filters_and_pages(dclient):
    body = dclient.get("/api/drift").json()
    assert body["total"] == N_SMALL + 2 and body["pending"] == 0
    scores = [i["score"] for i in body["items"]]
    assert scores == sorted(scores, reverse=True)
    assert set(body["items"][0]) >= {"cluster_id", "score", "reason", "labels", "negation_changed",
                                     "numbers_changed", "n_versions", "representative"}
    page2 = dclient.get("/api/drift", params={"page": 2, "size": 10}).json()
    assert page2["items"][0]["cluster_id"] == body["items"][10]["cluster_id"]
    assert dclient.get("/api/drift", params={"min_score": 11}).json()["total"] == 2
    assert dclient.get("/api/drift", params={"since": "2019-05-01"}).json()["total"] == 1
    for bad in ({"min_score": -1}, {"since": "yesterday"}, {"page": 0}):
        r = dclient.get("/api/drift", params=bad)
        assert r.status_code == 422 and r.json()["error"]["status"] == 422


def test_api_cluster_carries_the_alignment(dclient):
    c = dclient.get(f"/api/clusters/{negation_cluster(dclient)}").json()
    assert c["drift"]["negation_changed"] and c["drift"]["n_versions"] == 5
    versions = c["statements"]
    assert [v["article"]["outlet"] for v in versions][:2] == ["Wire Origin", "Daily Trim"]
    assert [v["drift"]["origin"] for v in versions] == [True, False, False, False, False]
    trim = versions[1]["drift"]
    assert trim["labels"] == ["trimmed"] and trim["negation_changed"]
    assert trim["segments"][0] == {"op": "del", "text": "I do not believe that", "why": "trimmed"}
    neg = next(v["drift"] for v in versions if v["article"]["outlet"] == "Daily Negation")
    assert [s["text"] for s in neg["segments"] if s["op"] == "del"] == ["not"]


def test_drift_page_lists_and_paginates(dclient):
    r = dclient.get("/drift")
    assert r.status_code == 200 and r.headers["content-security-policy"] == CSP
    html = r.text
    assert html.count('<li class="card">') == 25
    assert "page 1 of 2" in html and 'rel="next"' in html
    assert "negation changed" in html and "number changed" in html
    assert HOSTILE not in html and "&lt;script&gt;alert(9)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    last = dclient.get("/drift", params={"page": 2}).text
    assert last.count('<li class="card">') == N_SMALL + 2 - 25
    none = dclient.get("/drift", params={"outlet": "Nobody"}).text
    assert "No quote has changed between outlets with these filters" in none


def test_cluster_page_marks_differences_earliest_first(dclient):
    html = dclient.get(f"/clusters/{negation_cluster(dclient)}").text
    outlets = re.findall(r'<strong class="outlet">([^<]+)</strong>', html)
    assert outlets[:4] == ["Wire Origin", "Daily Trim", "Daily Negation", "Daily Ellipsis"]
    assert '<del class="why-trimmed" title="left out (trimmed)"><span class="sr">left out: </span>I do not believe that</del>' in html
    assert '<del class="why-silent"' in html and '<del class="why-ellipsis"' in html
    assert '<span class="badge">origin</span>' in html
    assert "<script>alert(9)" not in html


def test_cluster_page_paginates_a_widely_carried_quote(dclient):
    items = dclient.get("/api/drift", params={"since": "2019-05-01"}).json()["items"]
    cid = items[0]["cluster_id"]
    first = dclient.get(f"/clusters/{cid}").text
    assert first.count('<li id="v-') == 50 and f"page 1 of {-(-N_WIDE // 50)}" in first
    second = dclient.get(f"/clusters/{cid}", params={"page": 2}).text
    assert second.count('<li id="v-') == N_WIDE - 50
    # The wording most articles carry is the reference; the minority "never" versions drifted.
    c = dclient.get(f"/api/clusters/{cid}").json()
    ref = next(s for s in c["statements"] if s["drift"]["reference"])
    assert "never" not in ref["content"]
