"""The example articles bundled with the package (see MANIFEST for sources and licences)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def example_paths() -> list[Path]:
    """The example articles bundled with the package."""
    root = resources.files(__package__)
    return sorted(Path(str(p)) for p in root.iterdir()
                  if p.name.endswith((".md", ".txt")) and not p.name.startswith("MANIFEST"))
