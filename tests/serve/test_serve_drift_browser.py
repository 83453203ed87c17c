"""Real browser: the Drift page to a cluster page, differences readable without colour, nothing
from the quotes runs. Debian's /usr/bin/chromium through playwright's client; skips without it."""

from __future__ import annotations

import re

import pytest
from browser_fixtures import open_page, playwright_api
from drift_fixtures import HOSTILE, build_drift_store
from serve_process import running_server

sync_api = playwright_api()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """The CLI server over the drift test store, on a free loopback port."""
    with running_server(build_drift_store(tmp_path_factory.mktemp("drift") / "drift.db")) as url:
        yield url


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["laptop", "phone"])
def test_drift_page_to_an_aligned_cluster(browser, base_url, viewport):
    expect = sync_api.expect
    ctx, page = open_page(browser, *viewport)
    page.goto(base_url + "/")
    page.get_by_role("link", name="Drift").click()
    page.wait_for_url(re.compile(r"/drift$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Quotes that changed between outlets")
    cards = page.locator(".drift-list > li.card")
    expect(cards).to_have_count(25)
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(re.compile(r"/drift\?page=2"))
    expect(cards).to_have_count(7)
    page.fill("input[name=outlet]", "Daily Trim")
    page.get_by_role("button", name="Filter").click()
    expect(cards).to_have_count(1)
    expect(cards.first.locator(".label.serious")).to_have_text(["negation changed", "number changed"])
    cards.first.locator(".quote a").click()
    page.wait_for_url(re.compile(r"/clusters/\w+"))

    versions = page.locator("ol.versions > li")
    expect(versions).to_have_count(5)
    expect(versions.first.locator(".badge").first).to_have_text("origin")
    expect(versions.nth(1).locator(".outlet")).to_have_text("Daily Trim")
    trimmed = versions.nth(1).locator("del")
    expect(trimmed).to_have_text("left out: I do not believe that")
    # Readable without colour: struck through, underlined, and said in words to screen readers.
    style = page.evaluate("""() => {
        const d = document.querySelector('del'), i = document.querySelector('ins');
        return [getComputedStyle(d).textDecorationLine, getComputedStyle(i).textDecorationLine];
    }""")
    assert style == ["line-through", "underline"]
    expect(versions.nth(2).locator("del")).to_have_text("left out: not")
    expect(versions.nth(4).locator(".outlet")).to_have_text("Evil <img src=x onerror=alert(8)>")
    expect(versions.nth(4).locator(".quote")).to_contain_text(HOSTILE[1:])  # as text: "<" then "added: script>…"
    fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert fits, "the page scrolls sideways"
    dom = page.evaluate("""() => ({
        scripts: [...document.scripts].map(s => s.getAttribute('src')),
        imgs: document.querySelectorAll('img, iframe, object, embed').length,
        handlers: [...document.querySelectorAll('*')].filter(
            e => [...e.attributes].some(a => a.name.startsWith('on'))).length})""")
    assert dom == {"scripts": ["/static/app.js"], "imgs": 0, "handlers": 0}
    assert page.events == []
    ctx.close()
