"""Browse pages /speakers /articles /outlets /clusters, their /api twins, downloads, HEAD, nav."""

from __future__ import annotations

import csv
import io
import json

import pytest
from markupsafe import escape
from serve_fixtures import HOSTILE_IMG, HOSTILE_SCRIPT

from quotegraph.serve.params import MAX_SIZE
from quotegraph.serve.security import CSP

PAGES = ["/speakers", "/articles", "/outlets", "/clusters"]
LIST_KEYS = {"items", "total", "page", "size"}


@pytest.mark.parametrize("path", PAGES)
def test_page_and_api_twin(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    body = client.get("/api" + path).json()
    assert set(body) == LIST_KEYS and body["total"] >= 1
    for item in body["items"]:  # every listed item is on the page, escaped
        key = item.get("name") or item.get("outlet") or item.get("title") or item.get("representative")
        assert str(escape(key)) in r.text
    assert '<nav class="nav"' in r.text and 'aria-current="page"' in r.text
    assert HOSTILE_SCRIPT not in r.text and HOSTILE_IMG not in r.text


@pytest.mark.parametrize(("path", "sort", "field", "reverse"), [
    ("/api/speakers", "-statements", "n_statements", True), ("/api/speakers", "name", "name", False),
    ("/api/articles", "published", "published", False), ("/api/articles", "-statements", "n_statements", True),
    ("/api/outlets", "name", "outlet", False), ("/api/outlets", "-statements", "n_statements", True),
    ("/api/clusters", "-outlets", "n_outlets", True),
])
def test_sorts(client, path, sort, field, reverse):
    items = client.get(path, params={"sort": sort}).json()["items"]
    values = [i[field].lower() if isinstance(i[field], str) else i[field] for i in items]
    assert values == sorted(values, reverse=reverse)


def test_paging_and_size_cap(client):
    a = client.get("/api/articles", params={"size": 2, "page": 1, "sort": "published"}).json()
    b = client.get("/api/articles", params={"size": 2, "page": 2, "sort": "published"}).json()
    assert a["total"] == 5 and len(a["items"]) == 2 and not {i["id"] for i in a["items"]} & {i["id"] for i in b["items"]}
    assert client.get("/api/speakers", params={"size": 5000}).json()["size"] == MAX_SIZE
    html = client.get("/articles", params={"size": 2}).text
    assert "1–2 of 5 articles" in html and 'rel="next"' in html and "page=2" in html


def test_filters(client):
    assert client.get("/api/articles", params={"outlet": "tass"}).json()["total"] == 1
    assert client.get("/api/speakers", params={"q": "ryab"}).json()["items"][0]["name"] == "Sergey Ryabkov"
    html = client.get("/speakers", params={"q": "nobody-at-all"}).text
    assert "no speakers" in html and "No speaker matches" in html


@pytest.mark.parametrize(("url", "param"), [("/api/speakers", "sort"), ("/speakers", "sort"),
                                            ("/api/clusters", "min_articles"), ("/api/articles", "format")])
def test_bad_parameters(client, url, param):
    value = {"sort": "bogus", "min_articles": "0", "format": "xml"}[param]
    r = client.get(url, params={param: value})
    assert r.status_code in (400, 422)
    if url.startswith("/api"):
        assert r.json()["error"]["message"]


def test_sort_links_toggle(client):
    html = client.get("/speakers").text
    assert 'aria-sort="descending"' in html  # statements, most first, by default
    assert 'href="/speakers?sort=statements"' in html  # clicking it again reverses
    assert 'href="/speakers?sort=-name"' in html


@pytest.mark.parametrize("path", PAGES + ["/search?q=ceasefire"])
def test_downloads_with_the_same_filters(client, path):
    html = client.get(path).text
    assert "format=csv" in html and "format=json" in html


@pytest.mark.parametrize("path", ["/api/speakers", "/api/articles", "/api/outlets", "/api/clusters",
                                  "/api/statements"])
def test_download_csv_and_json(client, path):
    page = client.get(path, params={"size": 100}).json()
    r = client.get(path, params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"] and r.headers["x-truncated"] == "false"
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == page["total"] == int(r.headers["x-total-count"])
    j = client.get(path, params={"format": "json"})
    body = json.loads(j.text)
    assert body["total"] == page["total"] and body["truncated"] is False and len(body["items"]) == page["total"]


def test_statement_download_keeps_filters_and_flattens(client):
    r = client.get("/api/statements", params={"q": "ceasefire", "format": "csv", "outlet": "tass"})
    (row,) = list(csv.DictReader(io.StringIO(r.text)))
    assert row["article_outlet"] == "TASS" and row["speaker_name"] == "Sergey Ryabkov"
    assert json.loads(row["spans"])["content"]


def test_downloads_are_bounded(client, monkeypatch):
    from quotegraph.serve import downloads

    monkeypatch.setattr(downloads, "MAX_DOWNLOAD_ROWS", 2)
    r = client.get("/api/statements", params={"format": "json"})
    body = json.loads(r.text)
    assert r.headers["x-truncated"] == "true" and len(body["items"]) == 2 and body["total"] == 9
    assert body["truncated"] is True


@pytest.mark.parametrize("path", ["/", "/search?q=ceasefire", "/speakers", "/articles", "/outlets", "/clusters",
                                  "/docs", "/api/statements", "/api/speakers", "/static/style.css",
                                  "/api/statements?format=csv"])
def test_head_on_every_get_route(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-security-policy"] == CSP
    if "content-length" in get.headers:
        assert head.headers["content-length"] == get.headers["content-length"]


def test_head_of_a_missing_page_is_404(client):
    assert client.head("/speakers/nope").status_code == 404


def test_every_get_route_answers_head(client):
    """Every GET route of the app, with its path parameters filled in, answers HEAD alike."""
    ids = {"statement_id": client.get("/api/statements").json()["items"][0]["id"]}
    item = client.get("/api/statements", params={"q": "ceasefire"}).json()["items"][0]
    ids.update(article_id=item["article_id"], speaker_id=item["speaker"]["id"], cluster_id=item["cluster_id"])
    for route in client.app.routes:
        if "GET" not in getattr(route, "methods", ()) or "{path" in route.path:
            continue
        url = route.path.format(**ids)
        assert client.head(url).status_code == client.get(url).status_code == 200, url


def test_nav_on_every_page(client):
    item = client.get("/api/statements", params={"q": "ceasefire"}).json()["items"][0]
    for url in ["/", "/search?q=x", "/speakers", "/articles", "/outlets", "/clusters", "/docs",
                f"/articles/{item['article_id']}", f"/speakers/{item['speaker']['id']}",
                f"/clusters/{item['cluster_id']}", f"/statements/{item['id']}", "/no/such/page"]:
        html = client.get(url).text
        for href in ('href="/"', 'href="/speakers"', 'href="/articles"', 'href="/outlets"', 'href="/clusters"'):
            assert href in html, (url, href)
