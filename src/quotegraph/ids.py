"""Content-hash identifiers: the same input always gets the same id."""

from __future__ import annotations

import hashlib


def content_id(*parts: object, size: int = 16) -> str:
    """Return a short hex blake2b hash of the parts, joined unambiguously."""
    h = hashlib.blake2b(digest_size=size // 2 if size <= 32 else 16)
    for p in parts:
        h.update(repr(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()
