"""Search on the web and the API: plain words by default, FTS5 on request with positioned errors,
facets that narrow, speech only by default on the web, and records shown honestly."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from serve_fixtures import S, result

from quotegraph.serve import create_app
from quotegraph.store import clusters, connect, store_result
from quotegraph.types import ArticleResult, Speaker

SERVER_PATH = "/tmp/build-1234/site-packages/quotegraph/examples/ottawa-speech.md"
OTTAWA = ("# Ottawa backs the *pipeline*\n\n"
          "Justin Trudeau spoke in Ottawa on Monday.\n\n"
          "“We will build the pipeline,” she said.\n\n"
          "Trudeau believes the economy will recover by spring.\n\n"
          "The minister said that the plan was “the best deal in a generation” for farmers.\n\n"
          "Read more [Farmers protest in Regina](https://example.com/regina)\n\n"
          "“Nothing | changes for the U.S. or for Al-Nusra,” the minister said.\n")
CROWD = "\n\n".join(f"“Speaker number {i} has something quite different to say today,” said Person{i} Name{i}."
                    for i in range(25)) + "\n"


def _ottawa() -> ArticleResult:
    r = result(OTTAWA, [
        S("We will build the pipeline", "Justin Trudeau", source="she", title="Prime Minister"),
        S("the economy will recover by spring", "Justin Trudeau", cue="believes", source="Trudeau", kind="indirect",
          after="Trudeau believes"),
        S("that the plan was “the best deal in a generation” for farmers", "Justin Trudeau", source="The minister",
          kind="mixed"),
        S("Nothing | changes for the U.S. or for Al-Nusra", "Justin Trudeau", source="the minister",
          after="Read more"),
    ], source=SERVER_PATH, title=None, outlet=None, published="2016-10-03")
    via = ["pronoun", "name", "nominal", "nominal"]
    sts = tuple(s.__class__(**{**{f: getattr(s, f) for f in s.__slots__},
                               "speaker": Speaker(**{**{f: getattr(s.speaker, f) for f in s.speaker.__slots__},
                                                     "via": v}),
                               "speech": i != 1})
                for i, (s, v) in enumerate(zip(r.statements, via)))
    return ArticleResult(r.article, sts)


def _crowd() -> ArticleResult:
    return result(CROWD, [S(f"Speaker number {i} has something quite different to say today", f"Person{i} Name{i}")
                          for i in range(25)], source="crowd.md", title="Twenty-five voices", outlet="Crowd",
                  published="2016-10-04")


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "s.db"
    conn = connect(path)
    for r in (_ottawa(), _crowd()):
        store_result(conn, r)
    clusters.refresh_stale(conn)
    conn.close()
    with TestClient(create_app(path)) as c:
        yield c


@pytest.mark.parametrize(("q", "n"), [("U.S.", 1), ("Al-Nusra", 1), ("48-hour", 0), ("O'Neill", 0),
                                      ("pipeline", 1), ("AND", 0), ('"best deal"', 1), ("pipe*", 1)])
def test_api_plain_words(web, q, n):
    r = web.get("/api/statements", params={"q": q})
    assert r.status_code == 200 and r.json()["total"] == n


@pytest.mark.parametrize(("q", "pos"), [("U.S.", 2), ("Al-Nusra", 4), ("O'Neill", 2), ('"open', 1), ("a AND", 6)])
def test_api_fts_errors_are_400_with_the_position(web, q, pos):
    r = web.get("/api/statements", params={"q": q, "syntax": "fts"})
    assert r.status_code == 400
    msg = r.json()["error"]["message"]
    assert f"character {pos}" in msg and "fts5:" not in msg and "no such column" not in msg


def test_api_long_query_is_422(web):
    r = web.get("/api/statements", params={"q": "x" * 10_240})
    assert r.status_code == 422 and r.json()["error"]["details"][0]["parameter"] == "q"


def test_search_page_fts_error_offers_plain_words(web):
    r = web.get("/search", params={"q": "U.S.", "syntax": "fts"})
    assert r.status_code == 400 and "at character 2" in r.text
    assert 'href="/search?q=U.S."' in r.text


def test_speech_filter_api_any_web_speech_only(web):
    assert web.get("/api/statements").json()["total"] == 29
    assert web.get("/api/statements", params={"speech": "false"}).json()["total"] == 1
    assert web.get("/api/statements", params={"speech": "true"}).json()["total"] == 28
    html = web.get("/search", params={"q": "economy"}).text
    assert "no statements" in html and "speech only" in html
    assert "Include 1 thought, belief or finding" in html
    html = web.get("/search", params={"q": "economy", "speech": "any"}).text
    assert 'class="card"' in html and "not speech" in html


def test_facets_narrow_the_search(web):
    body = web.get("/api/statements", params={"facets": "true"}).json()
    f = body["facets"]
    assert {v["label"]: v["count"] for v in f["outlet"]} == {"Crowd": 25}
    assert {v["value"]: v["count"] for v in f["kind"]} == {"direct": 27, "indirect": 1, "mixed": 1}
    assert {v["value"]: v["count"] for v in f["speech"]} == {"true": 28, "false": 1}
    html = web.get("/search", params={"q": "pipeline OR deal OR Nusra", "syntax": "fts"}).text
    facets = re.search(r'<aside class="facets".*?</aside>', html, re.S).group(0)
    assert "Justin Trudeau" in facets and "kind=mixed" in facets and "since=2016-10-01&amp;until=2016-10-31" in facets
    narrowed = web.get("/search", params={"q": "pipeline OR deal OR Nusra", "syntax": "fts", "kind": "mixed"}).text
    assert narrowed.count('class="card"') == 1 and 'aria-current="true">mixed<' in narrowed


def test_only_quoted_words_are_quoted(web):
    items = {i["kind"]: i for i in web.get("/api/statements", params={"speech": "any", "q": "pipeline OR economy OR deal",
                                                                       "syntax": "fts"}).json()["items"]}
    assert items["direct"]["display"] == [{"text": "We will build the pipeline", "verbatim": True}]
    assert items["indirect"]["display"] == [{"text": "the economy will recover by spring", "verbatim": False}]
    assert items["mixed"]["display"] == [{"text": "that the plan was ", "verbatim": False},
                                         {"text": "the best deal in a generation", "verbatim": True},
                                         {"text": " for farmers", "verbatim": False}]
    html = web.get("/search", params={"q": "economy", "speech": "any"}).text
    quote = re.search(r'<blockquote class="quote[^"]*">(.*?)</blockquote>', html, re.S).group(1)
    assert "<q>" not in quote and "“" not in quote
    html = web.get("/search", params={"q": "deal"}).text
    quote = re.search(r'<blockquote class="quote[^"]*">(.*?)</blockquote>', html, re.S).group(1)
    assert re.sub(r"</?mark[^>]*>", "", quote) == "that the plan was <q>the best deal in a generation</q> for farmers"


def test_no_markdown_and_no_server_path_shown(web):
    item = web.get("/api/statements", params={"q": "Nusra"}).json()["items"][0]
    assert item["display"] == [{"text": "Nothing changes for the U.S. or for Al-Nusra", "verbatim": True}]
    for url in ("/search?q=Nusra", f"/articles/{item['article_id']}", "/articles", f"/statements/{item['id']}"):
        html = web.get(url).text
        assert "/tmp/build-1234" not in html and "site-packages" not in html, url
        assert "ottawa-speech.md" in html, url
    html = web.get(f"/articles/{item['article_id']}").text
    body = re.search(r'<article class="article-text"[^>]*>(.*)</article>', html, re.S).group(1)
    text = re.sub(r"</?mark[^>]*>", "", body)
    assert "*" not in text and "](" not in text and "[Farmers" not in text and " | " not in text
    assert "Read more Farmers protest in Regina" in text and "Ottawa backs the pipeline" in text
    a = OTTAWA.index("We will build")  # the marks still carry the stored offsets
    assert f'data-offsets="{a}-{a + len("We will build the pipeline")}"' in body


def test_inferred_speakers_are_marked(web):
    html = web.get("/search", params={"q": "pipeline"}).text
    assert "(from &#39;she&#39;)" in html
    html = web.get("/search", params={"q": "Nusra"}).text
    assert "(from &#39;the minister&#39;)" in html
    item = web.get("/api/statements", params={"q": "economy", "speech": "any"}).json()["items"][0]
    assert item["speaker_note"] is None  # named where it is said
    art = web.get(f"/articles/{item['article_id']}").text
    assert 'data-speaker="Justin Trudeau (from &#39;she&#39;)"' in art


def test_speaker_colours_stay_distinct_beyond_ten(web):
    aid = web.get("/api/statements", params={"q": "Speaker number"}).json()["items"][0]["article_id"]
    html = web.get(f"/articles/{aid}").text
    legend = re.search(r'<ul class="plain legend">(.*?)</ul>', html, re.S).group(1)
    classes = re.findall(r'class="swatch ([^"]+)"', legend)
    assert len(classes) == 25 and len(set(classes)) == 25
    assert "sp-19" in classes and "sp-0 pat-1" in classes


def test_counts_read_naturally(web):
    html = web.get("/search", params={"q": "pipeline"}).text
    assert "1 statement for" in html
    html = web.get("/search", params={"q": "kremlin"}).text
    assert "no statements for" in html and "0–0" not in html
    aid = web.get("/api/statements", params={"q": "Speaker number"}).json()["items"][0]["article_id"]
    assert "25 statements" in web.get(f"/articles/{aid}").text


def test_speaker_chart_has_axes_and_a_table(client):
    sp = client.get("/api/speakers", params={"q": "Ryabkov"}).json()["items"][0]
    html = client.get(f"/speakers/{sp['id']}").text
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'class="axis-title"' in svg and ">statements<" in svg and ">month<" in svg
    table = re.search(r'<details id="activity-table">.*?</details>', html, re.S).group(0)
    assert "<td>2016-09</td><td class=\"num\">1</td>" in table.replace("\n", "")


def test_search_download_holds_what_the_page_shows(web):
    html = web.get("/search", params={"q": "economy OR pipeline", "syntax": "fts"}).text
    href = re.search(r'href="(/api/statements\?[^"]*format=csv[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "speech=true" in href
    rows = web.get(href).text.strip().splitlines()
    assert len(rows) == 2  # the header and the one speech statement the page shows
