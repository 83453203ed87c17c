"""Real browser: the Sources page in headless Chromium (charts drawn, tables, links, CSV, CSP
quiet, phone width). Skips with the reason where Debian's chromium or playwright is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_fixtures import open_page, playwright_api
from serve_fixtures import HOSTILE_IMG
from serve_process import running_server

sync_api = playwright_api()
expect = sync_api.expect


@pytest.fixture(scope="module")
def base_url(store_path):
    """The read-only server."""
    with running_server(store_path) as url:
        yield url


def test_sources_page_draws_and_links(browser, base_url):
    ctx, page = open_page(browser, 1366, 900, accept_downloads=True)
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
    ctx, page = open_page(browser, 390, 844, accept_downloads=True)
    page.goto(base_url + "/sources")
    expect(page.locator("svg.chart")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for i in range(3):
        box = page.locator("svg.chart").nth(i).bounding_box()
        assert box and box["width"] <= 390
    assert page.events == []
    ctx.close()
