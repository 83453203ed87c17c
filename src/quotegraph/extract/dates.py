"""Statement dates, resolved against the article's publication date.

"On Thursday" in an article dated Thursday 2016-09-29 is that day; "on Wednesday" is 2016-09-28:
past-tense reporting means the most recent such day, the publication day included. An explicit
past date dates the statement at the precision it is written with: "said in June 2012" is 2012-06
(month), "in 2010 said" is 2010 (year); those need no publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..read.dates import MONTH_RE, MONTHS
from .spans import per_doc, sentence_chars, text_of

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EXPR = re.compile(
    rf"\b(?:(?:on|last|this|earlier|late|early)\s+)?(?:(?P<wd>{'|'.join(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?P<rel>yesterday|today|tonight|this morning|this afternoon|last night|last week|last month|last year)"
    rf"|(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MONTH_RE})\.?(?:,?\s+(?P<year2>\d{{4}}))?"
    rf"|(?:in\s+)?(?P<mon3>{MONTH_RE})\.?,?\s+(?P<year3>(?:19|20)\d\d)"
    rf"|in\s+(?P<year4>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)


def resolve_expression(m: re.Match[str], published: date | None) -> tuple[str, str] | None:
    """(ISO date, precision: day, month or year) a matched expression means, seen from the
    publication date; None when it needs one and there is none, or names no single date."""
    if m["year4"]:
        return m["year4"], "year"
    if m["mon3"]:
        return f"{m['year3']}-{MONTHS[m['mon3'].lower().rstrip('.')]:02d}", "month"
    if published is None and not (m["year"] or m["year2"]):
        return None
    d = _day(m, published) if published is not None else _day(m, date(int(m["year"] or m["year2"]), 1, 1))
    return (d.isoformat(), "day") if d is not None else None


def _day(m: re.Match[str], published: date) -> date | None:
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
        try:
            d = d.replace(year=d.year - 1)  # "on December 30" in a January article
        except ValueError:
            return None  # "February 29" seen from a year after a leap year names no such day
    return d


def _date_matches(doc: Doc) -> tuple[list[int], list[re.Match[str]]]:
    matches = list(_EXPR.finditer(text_of(doc)))
    return [m.start() for m in matches], matches


def find_in(doc: Doc, start: int, end: int, skip: Sequence[tuple[int, int]]) -> re.Match[str] | None:
    """The first date expression starting in [start, end) of the Doc's text, outside `skip`.

    The text is scanned once per Doc: scanning each statement's clause anew made a run-on
    sentence of many cues quadratic (issue 20)."""
    starts, matches = per_doc("dates", doc, _date_matches)
    for i in range(bisect_left(starts, start), bisect_left(starts, end)):
        m = matches[i]
        if m.end() <= end and not any(s <= m.start() < e for s, e in skip):
            return m
    return None


def clause_range(tok: Token) -> tuple[int, int]:
    """Characters of the cue's own clause: the verb's subtree (content is skipped by the caller)."""
    right = tok.right_edge
    return tok.left_edge.idx, right.idx + len(right)


def statement_date(doc: Doc, anchor: int | None, content: list[tuple[int, int]],
                   published: str | None, extra: Sequence[tuple[int, int]] = ()
                   ) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """(ISO date, range of the date words, precision) for a statement; the article date when the
    text gives none."""
    pub = date.fromisoformat(published) if published else None
    ranges = []
    if anchor is not None:
        ranges.append(clause_range(doc[anchor]))
        ranges.append(sentence_chars(doc[anchor]))
    ranges.extend(extra)
    for s, e in ranges:
        m = find_in(doc, s, e, content)
        if m is not None:
            found = resolve_expression(m, pub)
            if found is not None and (pub is None or found[0] <= pub.isoformat()):
                return found[0], (m.start(), m.end()), found[1]
    return published, None, "day" if published else None
