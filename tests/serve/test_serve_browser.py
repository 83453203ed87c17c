"""Real browser: search → article → speaker in headless Chromium, and a hostile article stays inert.

Uses Debian's /usr/bin/chromium through playwright's Python client (no browser download). CI
installs chromium from .ci/system-packages; elsewhere these tests skip with the reason.
"""

from __future__ import annotations

import re

import pytest
from browser_fixtures import playwright_api
from serve_fixtures import HOSTILE_SCRIPT, HOSTILE_TITLE
from serve_process import running_server

sync_api = playwright_api()


@pytest.fixture(scope="module")
def base_url(store_path):
    """The CLI server, started on a free loopback port."""
    with running_server(store_path) as url:
        yield url


def test_search_article_speaker(page, base_url):
    expect = sync_api.expect
    page.goto(base_url + "/")
    expect(page.get_by_role("heading", name="Who said what, where and when")).to_be_visible()
    page.fill("#q", "ceasefire")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=ceasefire"))
    cards = page.locator(".card")
    expect(cards).to_have_count(2)
    expect(cards.first.locator("mark.hit")).to_have_text("ceasefire")
    expect(cards.first).to_contain_text("Sergey Ryabkov")

    # To the statement's position in the article.
    card = cards.filter(has=page.locator(".outlet", has_text=re.compile("^RT$"))).first
    card.get_by_role("link", name=re.compile("In the article")).click()
    page.wait_for_url(re.compile(r"/articles/\w+#s-\w+"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia ready to continue dialogue")
    anchor = page.locator("mark.q[id]:target")
    expect(anchor).to_have_text("Moscow remains committed to the ceasefire agreement on Syria")
    expect(anchor).to_be_in_viewport()
    anchor.hover()
    tip = page.locator("#tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Sergey Ryabkov")
    expect(tip).to_contain_text("Deputy Foreign Minister, Russian Foreign Ministry")
    expect(tip).to_contain_text("2016-09-29 · direct")
    # Keyboard users get the same information on focus.
    page.mouse.move(0, 0)
    page.locator("mark.q[tabindex]").nth(2).focus()  # after the officials and Ryabkov
    expect(tip).to_contain_text("Igor Konashenkov")
    expect(tip).to_contain_text("spokesman, Russian Ministry of Defense")

    # To the speaker from the side list.
    page.locator("aside").get_by_role("link", name="Sergey Ryabkov").click()
    page.wait_for_url(re.compile(r"/speakers/\w+"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sergey Ryabkov")
    expect(page.locator(".aliases")).to_contain_text("Ryabkov")
    expect(page.locator(".timeline > li")).to_have_count(2)
    expect(page.locator(".carried").first).to_contain_text("TASS (2016-10-02)")
    expect(page.locator("svg.plot")).to_be_visible()
    assert page.events == []


def test_hostile_article_runs_nothing(page, base_url):
    expect = sync_api.expect
    page.goto(base_url + "/search?q=publish")
    expect(page.locator(".card")).to_have_count(1)
    expect(page.locator(".card .quote")).to_contain_text('<script>console.log("pwned")</script>')
    page.locator(".card").get_by_role("link", name=re.compile("In the article")).click()
    page.wait_for_url(re.compile(r"/articles/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(HOSTILE_TITLE)
    text = page.locator(".article-text")
    expect(text).to_contain_text(f"Headline {HOSTILE_SCRIPT} and <img src=x onerror=alert(2)> in the body.")
    expect(text).to_contain_text("&amp;lt;b&amp;gt; stays literal")
    expect(page.locator(".page-head .ext")).to_have_text("javascript:alert(4)")
    page.locator("mark.q[tabindex]").first.hover()
    expect(page.locator("#tip")).to_contain_text("<img src=x onerror=alert(2)>")
    for url in (page.url, base_url + "/"):
        page.goto(url)
        page.wait_for_load_state("load")
        dom = page.evaluate("""() => ({
            scripts: [...document.scripts].map(s => s.getAttribute('src')),
            imgs: document.querySelectorAll('img, iframe, object, embed').length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            jsLinks: [...document.links].filter(a => a.protocol === 'javascript:').length,
        })""")
        assert dom == {"scripts": ["/static/app.js"], "imgs": 0, "handlers": 0, "jsLinks": 0}
    sp = page.context.request.get(base_url + "/api/statements?q=publish").json()["items"][0]["speaker"]["id"]
    page.goto(f"{base_url}/speakers/{sp}")
    expect(page.locator(".role").first).to_contain_text("<img src=x onerror=alert(2)>")
    assert page.events == []
