"""Text from outside (file names, exception messages) made safe to print on one line and to store.

A file name may hold bytes that are not UTF-8 (Python keeps them as lone surrogates, which neither
SQLite, Parquet nor a UTF-8 terminal accepts), newlines, or terminal escape sequences. Everything
quotegraph prints or stores about an input goes through `printable` first.
"""

from __future__ import annotations

import os
import re

# Control characters, lone surrogates, line and paragraph separators, and the bidirectional
# overrides that can make a name display as another.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    n = ord(c)
    if c in _NAMED:
        return _NAMED[c]
    if 0xDC80 <= n <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n <= 0xFF else f"\\u{n:04x}"


def printable(s: str) -> str:
    """`s` with control characters, undecodable bytes and lone surrogates written as escapes."""
    return _UNSAFE.sub(_escape, s)


def show(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A path as printable text: bytes that are not UTF-8 appear as \\xNN escapes."""
    return printable(os.fsdecode(path))
