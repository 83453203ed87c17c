"""Headless Debian Chromium for the real-browser tests, and pages that record what they say.

Uses /usr/bin/chromium through playwright's Python client (no browser download). CI installs
chromium from .ci/system-packages; elsewhere the browser tests skip with the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000


def playwright_api() -> Any:
    """playwright's sync API, or a skip of the calling module naming what is missing."""
    api = pytest.importorskip("playwright.sync_api", reason="playwright (the Python client) is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
    return api


def open_page(browser: Any, width: int = 1280, height: int = 900, **options: Any) -> tuple[Any, Any]:
    """(context, page) at this viewport; `page.events` lists every dialog, console message and
    page error, so that a test can assert the page said nothing."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, **options)
    p = ctx.new_page()
    p.set_default_timeout(TIMEOUT_MS)
    p.events = []
    p.on("dialog", lambda d: (p.events.append(f"dialog {d.message}"), d.dismiss()))
    p.on("console", lambda m: p.events.append(f"console {m.type}: {m.text}"))
    p.on("pageerror", lambda e: p.events.append(f"error {e}"))
    return ctx, p
