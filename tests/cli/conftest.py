"""Fixtures for the command tests: the real pipeline, and the store tests' synthetic results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# store_fixtures (synthetic ArticleResults for a small store) lives with the store tests.
sys.path.insert(0, str(Path(__file__).parents[1] / "store"))


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline, loaded once."""
    from quotegraph.nlp import load_pipeline

    return load_pipeline()
