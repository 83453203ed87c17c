"""JSON API: list shapes, filters, paging cap, one error shape, OpenAPI."""

from __future__ import annotations

import pytest
from serve_fixtures import CEASEFIRE, ids

from quotegraph.serve.params import MAX_SIZE

LIST_KEYS = {"items", "total", "page", "size"}


def _error(r, status: int) -> dict:
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize(("params", "n"), [
    ({}, 9),
    ({"q": "ceasefire"}, 2),
    ({"q": "ceasefire", "speaker": "Ryabkov"}, 2),
    ({"q": "ceasefire", "outlet": "tass"}, 1),
    ({"q": "ceasefire", "since": "2016-10-01"}, 1),
    ({"q": "ceasefire", "until": "2016-09-30"}, 1),
    ({"kind": "indirect"}, 2),
    ({"q": '"bilateral channels"'}, 1),
    ({"q": "regroup"}, 1),
    ({"q": "speaker: Kirby", "syntax": "fts"}, 1),
    ({"q": "speaker: Kirby"}, 0),  # plain words: "speaker" is one of them
    ({"q": "kremlin"}, 0),
    ({"speaker": "Lavrov"}, 0),
    ({"q": "", "speaker": "", "since": "", "kind": ""}, 9),  # an HTML form's empty fields
])
def test_statements_filters_and_shape(client, params, n):
    r = client.get("/api/statements", params=params)
    assert r.status_code == 200
    body = r.json()
    assert set(body) == LIST_KEYS | {"people"}
    assert body["total"] == n == len(body["items"])
    assert (body["page"], body["size"]) == (1, 20)
    for it in body["items"]:
        assert it["article_id"] == it["article"]["id"]


@pytest.mark.parametrize(("params", "people"), [
    ({"q": "Ryabkov"}, ["Sergey Ryabkov"]),  # the query names a speaker: the page shows them too
    ({"q": "Ryabkov", "page": 2}, []),  # only on the first page
    ({"q": "Ryabkov", "speaker": "Ryabkov"}, []),  # already filtered to them
    ({"q": "ceasefire"}, []),  # a word, not a name
])
def test_search_names_the_speakers_its_query_names(client, params, people):
    body = client.get("/api/statements", params=params).json()
    assert [p["name"] for p in body["people"]] == people


def test_statement_paging(client):
    first = client.get("/api/statements", params={"size": 3, "order": "date"}).json()
    third = client.get("/api/statements", params={"size": 3, "page": 3, "order": "date"}).json()
    assert (first["total"], len(first["items"]), len(third["items"]), third["page"]) == (9, 3, 3, 3)
    dates = [i["date"] for i in first["items"]]
    assert dates == sorted(dates)


def test_page_size_is_capped(client):
    body = client.get("/api/statements", params={"size": 100_000}).json()
    assert body["size"] == MAX_SIZE
    assert client.get("/api/speakers", params={"size": 5000}).json()["size"] == MAX_SIZE


@pytest.mark.parametrize("bad", ['"unclosed', "AND", "syria AND", "nosuchcolumn: x", "(("])
def test_malformed_fts_query_is_400(client, bad):
    err = _error(client.get("/api/statements", params={"q": bad, "syntax": "fts"}), 400)
    assert "cannot parse search query" in err["message"]
    assert err["code"] == "bad_request"


@pytest.mark.parametrize(("url", "params", "param"), [
    ("/api/statements", {"size": "abc"}, "size"),
    ("/api/statements", {"size": 0}, "size"),
    ("/api/statements", {"page": 0}, "page"),
    ("/api/statements", {"since": "29/09/2016"}, "since"),
    ("/api/statements", {"kind": "shouted"}, "kind"),
    ("/api/statements", {"order": "random"}, "order"),
    ("/api/speakers", {"page": -1}, "page"),
])
def test_invalid_parameters_are_422(client, url, params, param):
    err = _error(client.get(url, params=params), 422)
    assert err["code"] == "invalid_parameter"
    assert [d["parameter"] for d in err["details"]] == [param]
    assert param in err["message"]


@pytest.mark.parametrize("url", ["/api/articles/nope", "/api/speakers/nope", "/api/clusters/nope",
                                 "/api/nothing-here"])
def test_not_found_is_404(client, url):
    assert _error(client.get(url), 404)["code"] == "not_found"


def test_no_write_endpoint(client):
    for method in ("post", "put", "delete", "patch"):
        r = client.request(method.upper(), "/api/statements")
        assert _error(r, 405)["code"] == "method_not_allowed"
    paths = client.get("/openapi.json").json()["paths"]
    assert all(set(ops) == {"get"} for ops in paths.values())


def test_openapi_lists_the_stable_paths(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {"/api/statements", "/api/statements/{statement_id}", "/api/speakers",
                     "/api/speakers/{speaker_id}", "/api/articles", "/api/articles/{article_id}",
                     "/api/outlets", "/api/clusters", "/api/clusters/{cluster_id}", "/api/drift",
                     "/api/sources"}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/statements" in docs.text and "since" in docs.text


def test_speakers_list_and_detail(client):
    body = client.get("/api/speakers", params={"q": "ryabkov"}).json()
    assert set(body) == LIST_KEYS and body["total"] == 1
    ry = body["items"][0]
    assert ry["name"] == "Sergey Ryabkov" and ry["n_statements"] == 2
    sp = client.get(f"/api/speakers/{ry['id']}").json()
    assert sorted(sp["aliases"]) == ["Ryabkov", "Sergey Ryabkov"]
    assert [s["date"] for s in sp["statements"]] == ["2016-09-29", "2016-10-02"]
    assert sp["activity"] == [{"month": "2016-09", "n": 1}, {"month": "2016-10", "n": 1}]
    assert sp["roles"][0]["title"] == "Deputy Foreign Minister"
    (cid,) = {s["cluster_id"] for s in sp["statements"]}
    assert [c["outlet"] for c in sp["carriers"][cid]] == ["RT", "TASS"]


def test_article_has_text_and_offsets(client):
    sid, aid = ids(client, "terrorists")
    art = client.get(f"/api/articles/{aid}").json()
    assert [s["position"] for s in art["statements"]] == [0, 1, 2]
    for st in art["statements"]:
        (start, end), = st["spans"]["content"]
        assert art["text"][start:end] == st["content"]
    assert [s["name"] for s in art["speakers"]] == ["officials", "Sergey Ryabkov", "Igor Konashenkov"]


def test_cluster_earliest_first(client):
    item = client.get("/api/statements", params={"q": '"ceasefire agreement"'}).json()["items"][0]
    c = client.get(f"/api/clusters/{item['cluster_id']}").json()
    assert c["representative"] == CEASEFIRE
    assert [s["article"]["outlet"] for s in c["statements"]] == ["RT", "TASS"]
    assert (c["n_articles"], c["first_date"], c["last_date"]) == (2, "2016-09-29", "2016-10-02")


def test_security_headers_on_api_and_errors(client):
    for url in ("/api/statements", "/api/articles/nope", "/static/style.css"):
        h = client.get(url).headers
        assert "script-src 'self'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
