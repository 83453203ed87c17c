"""Publication dates: ISO validation and datelines near the top of an article (day-first)."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: "sept" before "sep"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")  # day first: 29/09/2016
_MDY = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)


def parse_iso(value: str) -> str:
    """Return `value` if it is a valid YYYY-MM-DD date (a time part is dropped); else ValueError."""
    v = value.strip()[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD)")
    date.fromisoformat(v)  # raises on 2016-02-31
    return v


def _safe(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """Return the first date written in `text` as ISO, reading numeric dates day-first."""
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        if iso := _safe(int(m[1]), int(m[2]), int(m[3])):
            found.append((m.start(), iso))
    for m in _NUMERIC.finditer(text):
        if iso := _safe(int(m[3]), int(m[2]), int(m[1])):
            found.append((m.start(), iso))
    for m in _MDY.finditer(text):
        if iso := _safe(int(m[3]), MONTHS[m[1].lower()], int(m[2])):
            found.append((m.start(), iso))
    for m in _DMY.finditer(text):
        if iso := _safe(int(m[3]), MONTHS[m[2].lower()], int(m[1])):
            found.append((m.start(), iso))
    return min(found)[1] if found else None


def find_dateline(text: str, lines: int = 6) -> str | None:
    """Find a dateline among the first few non-empty, short lines of an article."""
    seen = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        seen += 1
        if len(line) <= 80 and (iso := find_date(line)):
            return iso
        if seen >= lines:
            break
    return None
