"""HTML pages: content, escaping of hostile article data, links, headers, error pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from serve_fixtures import (
    HOSTILE_IMG,
    HOSTILE_QUOTE,
    HOSTILE_SCRIPT,
    HOSTILE_TITLE,
    HOSTILE_URL,
    ids,
)

from quotegraph.serve.security import CSP, link_url

INJECTED = ("<script>alert", "<script>console", "<img src=x", "<img src=y", 'href="javascript:')


def _page(client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "referrer-policy" in r.headers
    return r.text


class _Elements(HTMLParser):
    """Every element and attribute the browser would build from the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _no_injection(html: str) -> None:
    for bad in INJECTED:
        assert bad not in html, bad
    p = _Elements()
    p.feed(html)
    # The only script is ours, from /static; no element is an img, iframe or object; no event
    # handler or inline style attribute exists; every link is http(s), relative or a fragment.
    assert [a for t, a in p.tags if t == "script"] == [{"src": "/static/app.js", "defer": None}]
    assert not [t for t, _ in p.tags if t in ("img", "iframe", "object", "embed", "base")]
    for tag, attrs in p.tags:
        assert not [k for k in attrs if k.startswith("on") or k == "style"], (tag, attrs)
        href = attrs.get("href")
        if tag == "link":  # the stylesheet, and an empty icon so browsers ask for no favicon
            assert href in ("/static/style.css", "data:,"), href
        else:
            assert href is None or href.startswith(("/", "#", "http://", "https://")), href


def test_home(client):
    html = _page(client, "/")
    assert "9 statements" in html and "Sergey Ryabkov" in html
    _no_injection(html)


def test_search_cards_highlight_and_link(client):
    html = _page(client, "/search?q=ceasefire")
    assert html.count('class="card"') == 2
    assert '<mark class="hit">ceasefire</mark>' in html
    sid, aid = ids(client, "terrorists")
    html = _page(client, "/search?q=terrorists")
    assert f'href="/articles/{aid}#s-{sid}"' in html
    assert "Igor Konashenkov" in html and "RT" in html and "2016-09-29" in html


def test_search_people_and_filters_kept(client):
    html = _page(client, "/search?q=Ryabkov&kind=direct&since=2016-01-01")
    assert 'class="chip"' in html and "Sergey Ryabkov" in html
    assert '<option value="direct" selected>' in html and 'value="2016-01-01"' in html


def test_search_malformed_query_is_a_400_page(client):
    html = _page(client, "/search?q=%22unclosed&syntax=fts", 400)
    assert "cannot parse search query" in html and 'role="alert"' in html
    # A possessive is not FTS5 syntax; the page offers the words as typed (plain syntax).
    html = _page(client, "/search?q=Russia's+talks&syntax=fts", 400)
    assert "at character 7" in html
    assert 'href="/search?q=Russia%27s+talks"' in html
    assert _page(client, "/search?q=Russia%27s+talks").count('class="card"') == 0


def test_hostile_article_is_escaped_everywhere(client):
    sid, aid = ids(client, "publish tomorrow")
    pages = [f"/articles/{aid}", "/search?q=publish", "/search?q=script", "/", f"/api/../articles/{aid}"]
    sp = client.get(f"/api/articles/{aid}").json()["statements"][0]["speaker"]["id"]
    pages += [f"/speakers/{sp}"]
    for url in pages:
        _no_injection(_page(client, url))
    html = _page(client, f"/articles/{aid}")
    assert "Breaking &lt;script&gt;alert(1)&lt;/script&gt; news" in html
    assert "&amp;amp;lt;b&amp;amp;gt; stays literal" in html  # entities shown as typed
    assert f"<span class=\"ext\">{HOSTILE_URL}</span>" in html  # javascript: is not a link
    for s in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_QUOTE, HOSTILE_TITLE):
        assert s not in html


def test_article_marks_statements_per_speaker(client):
    sid, aid = ids(client, "terrorists")
    html = _page(client, f"/articles/{aid}")
    assert f'id="s-{sid}" tabindex="0"' in html
    assert 'class="q sp-0"' in html and 'class="q sp-1"' in html
    assert 'class="cue"' in html and 'class="src sp-1"' in html
    assert 'data-speaker="Igor Konashenkov"' in html and 'data-kind="direct"' in html
    assert 'data-role="spokesman, Russian Ministry of Defense"' in html
    assert 'href="https://rt.example/news/1"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert re.search(r'<aside.*Sergey Ryabkov.*Igor Konashenkov.*</aside>', html, re.S)


def test_nested_and_crossing_statements_keep_the_text(client):
    _, aid = ids(client, "peace process")
    art = client.get(f"/api/articles/{aid}").json()
    html = _page(client, f"/articles/{aid}")
    body = re.search(r'<article class="article-text"[^>]*>(.*)</article>', html, re.S).group(1)
    assert body.count("<mark") == body.count("</mark>")
    import html as h
    assert h.unescape(re.sub(r"</?mark[^>]*>", "", body)) == art["text"]
    for st in art["statements"]:
        assert body.count(f'id="s-{st["id"]}"') == 1


def test_speaker_page(client):
    sp = client.get("/api/speakers", params={"q": "Ryabkov"}).json()["items"][0]
    html = _page(client, f"/speakers/{sp['id']}")
    assert "Sergey Ryabkov" in html and "Also written as" in html and ">Ryabkov<" in html
    assert "Deputy Foreign Minister" in html and "Russian Foreign Ministry" in html
    assert "<svg" in html and "2016-09: 1" in html
    assert "Also carried by" in html and ">TASS (2016-10-02)</a>" in html
    assert html.index("2016-09-29") < html.index("2016-10-02")


def test_cluster_page_earliest_first(client):
    item = client.get("/api/statements", params={"q": "ceasefire"}).json()["items"][0]
    html = _page(client, f"/clusters/{item['cluster_id']}")
    assert html.index(">RT<") < html.index(">TASS<")
    assert "origin" in html and "2 articles from 2 outlets" in html


@pytest.mark.parametrize("url", ["/articles/nope", "/speakers/nope", "/clusters/nope", "/no/such/page"])
def test_missing_pages_are_404_html(client, url):
    html = _page(client, url, 404)
    assert "Not found" in html


def test_invalid_page_parameter_is_422_html(client):
    html = _page(client, "/search?since=yesterday", 422)
    assert "since" in html


def test_static_files_are_served(client):
    assert client.get("/static/app.js").headers["content-type"].startswith(("text/javascript", "application/javascript"))
    assert client.get("/static/style.css").status_code == 200


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.com/a?b=1", True), ("http://example.com", True), ("HTTPS://EXAMPLE.COM", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" javascript:alert(1)", False),
    ("data:text/html,<script>", False), ("//evil.example", False), ("/relative", False),
    ("https:evil", False), ("vbscript:x", False), (None, False), ("", False),
    ("http://a\nb", False),
])
def test_link_url(url, ok):
    assert (link_url(url) is not None) is ok
