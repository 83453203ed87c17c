"""HTTP API and web pages over the statement store (read-only)."""

from .app import create_app

__all__ = ["create_app"]
