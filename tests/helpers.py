"""Test helpers shared across the suite."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
