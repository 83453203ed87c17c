"""Store fixtures: fresh stores and the real pipeline."""

from __future__ import annotations

import pytest

from quotegraph.store import connect


@pytest.fixture
def db(tmp_path):
    """A fresh writable store."""
    conn = connect(tmp_path / "store.db")
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline, loaded once."""
    from quotegraph.nlp import load_pipeline

    return load_pipeline()
