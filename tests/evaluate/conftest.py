"""Fixtures for the evaluation tests: where PolNeAR lives, and hand-written spans."""

from __future__ import annotations

from pathlib import Path

import pytest

# The corpus sits beside the repository, never inside it (its texts are under copyright).
POLNEAR = Path(__file__).parents[2].parent / "shared" / "data" / "polnear"
GGT = POLNEAR.parent / "ggt"


@pytest.fixture(scope="session")
def polnear_dir() -> Path:
    """The PolNeAR folder, or a skip when this checkout has no ../shared/data/polnear."""
    if not (POLNEAR / "dev" / "text").is_dir() or not (POLNEAR / "gold_dev.jsonl").is_file():
        pytest.skip(f"PolNeAR data not found at {POLNEAR} (it is kept outside the repository)")
    return POLNEAR


@pytest.fixture(scope="session")
def ggt_dir() -> Path:
    """The GGT folder, or a skip when this checkout has no ../shared/data/ggt."""
    if not (GGT / "text").is_dir() or not (GGT / "gold_dev.jsonl").is_file():
        pytest.skip(f"GGT data not found at {GGT} (it is kept outside the repository)")
    return GGT
