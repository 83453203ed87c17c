"""Fixtures for the command tests: the real pipeline, and the store tests' synthetic results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# store_fixtures (synthetic ArticleResults for a small store) lives with the store tests, and
# serve_process (a server in its own process) with the serve tests.
for helpers in ("store", "serve"):
    sys.path.insert(0, str(Path(__file__).parents[1] / helpers))


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline, loaded once."""
    from quotegraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    """The serve tests' small store (serve_fixtures.py), for `quotegraph serve`."""
    from serve_fixtures import build_store

    return build_store(tmp_path_factory.mktemp("serve") / "web.db")


@pytest.fixture
def sources_db(tmp_path):
    """A store of the articles in store_fixtures.sources_articles, as a path."""
    from store_fixtures import sources_articles

    from quotegraph.store import connect, store_result

    path = tmp_path / "sources.db"
    conn = connect(path)
    for r in sources_articles():
        store_result(conn, r)
    conn.close()
    return path
