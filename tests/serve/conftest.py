"""Web fixtures: one small store (see serve_fixtures.py) and a TestClient over it."""

from __future__ import annotations

import pytest
from browser_fixtures import ARGS, CHROMIUM, open_page, playwright_api
from fastapi.testclient import TestClient
from serve_fixtures import build_store

from quotegraph.serve import create_app


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    """A store with the test articles, built once."""
    return build_store(tmp_path_factory.mktemp("serve") / "web.db")


@pytest.fixture(scope="session")
def client(store_path):
    """A TestClient over the app (raising server errors instead of returning 500s)."""
    with TestClient(create_app(store_path)) as c:
        yield c


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium, one per module (a playwright session must not outlive the
    module: the other tests run event loops of their own)."""
    with playwright_api().sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh laptop-sized page recording what it says (browser_fixtures.open_page)."""
    ctx, p = open_page(browser)
    yield p
    ctx.close()
