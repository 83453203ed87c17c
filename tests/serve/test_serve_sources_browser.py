"""Real browser: the Sources page in headless Chromium (charts drawn, tables, links, CSV, CSP
quiet, phone width). Skips with the reason where Debian's chromium or playwright is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from serve_fixtures import HOSTILE_IMG
from serve_process import running_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the Python client) is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
expect = sync_api.expect


@pytest.fixture(scope="module")
def base_url(store_path):
    """The read-only server."""
    with running_server(store_path) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium."""
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


def _page(browser, width: int, height: int):
    ctx = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    p = ctx.new_page()
    p.set_default_timeout(TIMEOUT_MS)
    p.events = []
    p.on("dialog", lambda d: (p.events.append(f"dialog {d.message}"), d.dismiss()))
    p.on("console", lambda m: p.events.append(f"console {m.type}: {m.text}"))
    p.on("pageerror", lambda e: p.events.append(f"error {e}"))
    return ctx, p


def test_sources_page_draws_and_links(browser, base_url):
    ctx, page = _page(browser, 1366, 900)
    page.goto(base_url + "/")
    page.locator("nav.nav").get_by_role("link", name="Sources").click()
    page.wait_for_url(re.compile(r"/sources$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Who gets quoted")
    charts = page.locator("svg.chart")
    expect(charts).to_have_count(3)
    for i in range(3):
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 300 and box["height"] > 80
    # One bar per outlet in each bar chart; the hostile outlet's name is text, not markup.
    expect(page.locator("#women-head ~ svg rect.bar")).to_have_count(5)
    expect(page.locator("svg.chart title", has_text=HOSTILE_IMG).first).to_be_attached()
    expect(page.locator("img")).to_have_count(0)
    # The line chart has a line per outlet and month labels on its axis.
    expect(page.locator("svg.chart g.series")).to_have_count(5)
    expect(page.locator("svg.chart text", has_text="2016-09")).to_have_count(1)
    # Each chart's numbers are on the page, and the top people link to their speaker pages.
    expect(page.locator("#women-head-table tbody tr")).to_have_count(5)
    expect(page.locator("#anon-head-table").get_by_role("row", name=re.compile("^RT "))).to_contain_text("33.3 %")
    with page.expect_download() as info:
        page.locator("#women-head").locator("xpath=..").get_by_role("link", name="CSV").click()
    assert Path(info.value.path()).read_text(encoding="utf-8").startswith("outlet,articles,")
    page.get_by_role("link", name="Anna Nesting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Nesting")
    expect(page.locator(".gender")).to_have_text("gender: female (pronoun)")
    assert page.events == []
    ctx.close()


def test_sources_page_fits_a_phone(browser, base_url):
    ctx, page = _page(browser, 390, 844)
    page.goto(base_url + "/sources")
    expect(page.locator("svg.chart")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for i in range(3):
        box = page.locator("svg.chart").nth(i).bounding_box()
        assert box and box["width"] <= 390
    assert page.events == []
    ctx.close()
