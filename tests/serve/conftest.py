"""Web fixtures: one small store (see serve_fixtures.py) and a TestClient over it."""

from __future__ import annotations

import pytest
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

