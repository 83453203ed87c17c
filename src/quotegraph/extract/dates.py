"""Statement dates, resolved against the article's publication date.

"On Thursday" in an article dated Thursday 2016-09-29 is that day; "on Wednesday" is 2016-09-28:
past-tense reporting means the most recent such day, the publication day included.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..read.dates import MONTH_RE, MONTHS
from .spans import text_of

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EXPR = re.compile(
    rf"\b(?:(?:on|last|this|earlier|late|early)\s+)?(?:(?P<wd>{'|'.join(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?P<rel>yesterday|today|tonight|this morning|this afternoon|last night|last week|last month|last year)"
    rf"|(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MONTH_RE})\.?(?:,?\s+(?P<year2>\d{{4}}))?)\b",
    re.IGNORECASE,
)


def resolve_expression(m: re.Match[str], published: date) -> date | None:
    """The calendar date a matched expression means, seen from the publication date."""
    if m["wd"]:
        back = (published.weekday() - WEEKDAYS.index(m["wd"].lower())) % 7
        return published - timedelta(days=back)
    if m["rel"]:
        rel = m["rel"].lower()
        if rel in ("yesterday", "last night"):
            return published - timedelta(days=1)
        if rel in ("today", "tonight", "this morning", "this afternoon"):
            return published
        return None  # "last week/month/year" name a period, not a day
    mon, day, year = (m["mon"], m["day"], m["year"]) if m["mon"] else (m["mon2"], m["day2"], m["year2"])
    try:
        d = date(int(year) if year else published.year, MONTHS[mon.lower().rstrip(".")], int(day))
    except ValueError:
        return None
    if not year and d > published + timedelta(days=1):
        d = d.replace(year=d.year - 1)  # "on December 30" in a January article
    return d


def find_in(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first date expression in text[start:end] outside the `skip` ranges."""
    for m in _EXPR.finditer(text, start, end):
        if not any(s <= m.start() < e for s, e in skip):
            return m
    return None


def clause_range(tok: Token) -> tuple[int, int]:
    """Characters of the cue's own clause: the verb's subtree (content is skipped by the caller)."""
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def statement_date(doc: Doc, anchor: int | None, content: list[tuple[int, int]],
                   published: str | None, extra: list[tuple[int, int]] = ()) -> tuple[str | None, tuple[int, int] | None]:
    """(ISO date, range of the date words) for a statement; the article date when the text gives none."""
    if not published:
        return None, None
    pub = date.fromisoformat(published)
    ranges = []
    if anchor is not None:
        ranges.append(clause_range(doc[anchor]))
        sent = doc[anchor].sent
        ranges.append((sent.start_char, sent.end_char))
    ranges.extend(extra)
    for s, e in ranges:
        m = find_in(text_of(doc), s, e, content)
        if m is not None:
            d = resolve_expression(m, pub)
            if d is not None:
                return d.isoformat(), (m.start(), m.end())
    return published, None
