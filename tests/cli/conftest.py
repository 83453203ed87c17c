"""CLI fixtures: stores built from tests/store's synthetic articles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))  # store_fixtures

from store_fixtures import sources_articles  # noqa: E402

from quotegraph.store import connect, store_result  # noqa: E402


@pytest.fixture
def sources_db(tmp_path):
    """A store of the articles in store_fixtures.sources_articles, as a path."""
    path = tmp_path / "sources.db"
    conn = connect(path)
    for r in sources_articles():
        store_result(conn, r)
    conn.close()
    return path
