"""Real browser: the browse pages, facets, downloads and the correction form in headless Chromium.

Uses Debian's /usr/bin/chromium through playwright's Python client, as test_serve_browser.py
does; skips with the reason where either is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_fixtures import playwright_api
from serve_fixtures import build_store
from serve_process import running_server

sync_api = playwright_api()
expect = sync_api.expect


@pytest.fixture(scope="module")
def base_url(store_path):
    """The read-only server (the default)."""
    with running_server(store_path) as url:
        yield url


@pytest.fixture(scope="module")
def edit_url(tmp_path_factory):
    """A server with --allow-edits over a store of its own."""
    with running_server(build_store(tmp_path_factory.mktemp("edits") / "e.db"), "--allow-edits") as url:
        yield url


def _column(page, n: int) -> list[str]:
    return page.locator(f"table.browse tbody tr td:nth-child({n})").all_inner_texts()


def test_speakers_sort_and_open(page, base_url):
    page.goto(base_url + "/")
    page.locator("nav.nav").get_by_role("link", name="Speakers").click()
    page.wait_for_url(re.compile(r"/speakers$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Speakers")
    expect(page.locator(".count")).to_have_text("6 speakers")
    counts = [int(x) for x in _column(page, 3)]
    assert counts == sorted(counts, reverse=True)
    page.get_by_role("columnheader", name=re.compile("^Speaker")).get_by_role("link").click()
    page.wait_for_url(re.compile(r"sort=-name"))
    names = _column(page, 1)
    assert [n.split(" person")[0] for n in names] == sorted((n.split(" person")[0] for n in names), reverse=True)
    page.get_by_role("columnheader", name=re.compile("^Speaker")).get_by_role("link").click()
    page.wait_for_url(re.compile(r"sort=name"))
    page.fill("#sq", "ryab")
    page.press("#sq", "Enter")
    page.wait_for_url(re.compile(r"q=ryab"))
    expect(page.locator("table.browse tbody tr")).to_have_count(1)
    page.get_by_role("link", name="Sergey Ryabkov").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sergey Ryabkov")
    assert page.events == []


def test_articles_outlets_clusters(page, base_url):
    page.goto(base_url + "/articles?size=2")
    expect(page.locator(".count")).to_have_text("1–2 of 5 articles")
    page.get_by_role("link", name="Next →").click()
    expect(page.locator(".count")).to_have_text("3–4 of 5 articles")
    page.goto(base_url + "/outlets")
    expect(page.locator("table.browse tbody tr")).to_have_count(5)
    page.get_by_role("row", name=re.compile("^TASS")).get_by_role("link").nth(1).click()
    page.wait_for_url(re.compile(r"/articles\?outlet=TASS"))
    expect(page.locator("table.browse tbody tr")).to_have_count(1)
    page.goto(base_url + "/clusters")
    expect(page.locator("table.browse tbody tr")).to_have_count(2)
    page.locator("td.words a", has_text="Moscow remains committed").click()
    page.wait_for_url(re.compile(r"/clusters/\w+"))
    expect(page.locator(".timeline > li")).to_have_count(2)
    assert page.events == []


def test_facets_narrow_and_downloads(page, base_url):
    page.goto(base_url + "/search?q=ceasefire")
    cards = page.locator(".card")
    before = cards.count()
    assert before >= 2
    page.locator(".facets").get_by_role("link", name="TASS").click()
    page.wait_for_url(re.compile(r"outlet=TASS"))
    expect(cards).to_have_count(1)
    expect(page.locator(".facets strong[aria-current=true]").first).to_have_text("TASS")
    href = page.get_by_role("link", name="CSV").get_attribute("href")
    assert href.startswith("/api/statements?") and "outlet=TASS" in href and "format=csv" in href
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    path = info.value.path()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,article_id") and len(lines) == 2
    assert page.events == []


def test_edit_form_corrects_and_undoes(page, edit_url):
    sid = page.context.request.get(edit_url + "/api/statements?q=terrorists").json()["items"][0]["id"]
    page.goto(f"{edit_url}/statements/{sid}")
    expect(page.get_by_role("heading", name="Correct this statement")).to_be_visible()
    page.get_by_label("Who said it").fill("Maria Zakharova")
    page.get_by_role("button", name="Set speaker").click()
    page.wait_for_url(re.compile(rf"/statements/{sid}$"))
    expect(page.locator(".page-head .who")).to_have_text("Maria Zakharova")
    expect(page.locator("table.corrections tbody tr")).to_have_count(1)
    expect(page.locator("table.corrections")).to_contain_text("Igor Konashenkov")
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".page-head .who")).to_have_text("Igor Konashenkov")
    # A post that is not the page's own form (no token) is refused.
    r = page.context.request.post(f"{edit_url}/statements/{sid}/corrections",
                                  form={"action": "act", "value": "threat"})
    assert r.status == 403
    r = page.context.request.post(f"{edit_url}/statements/{sid}/corrections",
                                  form={"action": "act", "value": "threat", "csrf": "f" * 64})
    assert r.status == 403
    assert page.context.request.get(f"{edit_url}/api/statements/{sid}").json()["act"] is None
    assert page.events == []


def test_no_edits_without_allow_edits(page, base_url):
    sid = page.context.request.get(base_url + "/api/statements?q=terrorists").json()["items"][0]["id"]
    page.goto(f"{base_url}/statements/{sid}")
    expect(page.locator("form[method=post]")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("--allow-edits")
    r = page.context.request.post(f"{base_url}/statements/{sid}/corrections",
                                  form={"action": "act", "value": "threat", "csrf": "f" * 64})
    assert r.status == 403 and "--allow-edits" in r.text()
    assert page.events == []
