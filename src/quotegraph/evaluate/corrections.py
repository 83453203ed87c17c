"""People's corrections in a store as extra gold: does a fresh extraction agree with them?

Each correction says what one statement should be: its speaker, its act, or that it is no
statement at all. The articles they belong to are extracted again (from the text in the store)
and every correction is checked against the statement whose content overlaps its own most
(evaluate.acts.match_index). Speakers are compared as GGT compares names (evaluate.ggt.same_name).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..types import Article, ArticleResult, Span, Statement
from .acts import match_index
from .ggt import same_name


@dataclass(frozen=True, slots=True)
class CorrectionCase:
    """One correction with the article text its offsets index."""

    id: int
    article: Article
    content: tuple[Span, ...]
    field: str  # speaker, not_a_statement or act
    value: str | None


def read_cases(conn: sqlite3.Connection) -> list[CorrectionCase]:
    """Every correction whose article version is still stored."""
    out = []
    for r in conn.execute("SELECT c.id, c.field, c.value, c.content_spans, a.id AS article_id, a.text, "
                          "a.published, a.title, a.source, a.outlet, a.url FROM corrections c "
                          "JOIN articles a ON a.id = c.article_id ORDER BY c.id"):
        article = Article(id=r["article_id"], text=r["text"], source=r["source"], title=r["title"],
                          published=r["published"], outlet=r["outlet"], url=r["url"])
        spans = tuple(Span(a, b) for a, b in json.loads(r["content_spans"]))
        out.append(CorrectionCase(r["id"], article, spans, r["field"], r["value"]))
    return out


def _articles(cases: Iterable[CorrectionCase]) -> Iterator[Article]:
    seen = set()
    for c in cases:
        if c.article.id not in seen:
            seen.add(c.article.id)
            yield c.article


def score_corrections(cases: Sequence[CorrectionCase],
                      process: Callable[[Iterable[Article]], Iterable[ArticleResult]]) -> dict[str, Any]:
    """Extract the corrected articles with `process` and check each correction.

    Returns {"cases": N, "speaker" | "act" | "not_a_statement": {n, agree, share, disagree: [...]}}:
    `agree` counts the corrections the extraction now matches (the right speaker or act found for
    the statement; no statement found where a person said there is none).
    """
    found: dict[str, Sequence[Statement]] = {r.article.id: r.statements for r in process(_articles(cases))}
    report: dict[str, Any] = {"cases": len(cases)}
    for field in ("speaker", "act", "not_a_statement"):
        mine = [c for c in cases if c.field == field]
        disagree = []
        for c in mine:
            sts = found.get(c.article.id, ())
            i = match_index([c], [st.content for st in sts])[0]  # type: ignore[list-item]
            st = None if i is None else sts[i]
            if field == "not_a_statement":
                ok, got = st is None, None if st is None else " … ".join(s.text(c.article.text) for s in st.content)
            elif field == "speaker":
                got = st.speaker.name if st is not None and st.speaker else None
                ok = got is not None and same_name(got, c.value or "")
            else:
                got = st.act if st is not None else None
                ok = got == c.value
            if not ok:
                disagree.append({"correction": c.id, "article_id": c.article.id, "expected": c.value,
                                 "extracted": got, "found": st is not None})
        n = len(mine)
        report[field] = {"n": n, "agree": n - len(disagree), "share": round((n - len(disagree)) / n, 3) if n else None,
                         "disagree": disagree}
    return report


def format_corrections(report: dict[str, Any]) -> str:
    """The report as a few lines of text."""
    lines = [f"corrections as gold: {report['cases']} in the store"]
    for field, what in (("speaker", "speaker as corrected"), ("act", "act as corrected"),
                        ("not_a_statement", "not extracted, as a person said it is no statement")):
        r = report[field]
        if r["n"]:
            lines.append(f"  {field:<16} {r['agree']}/{r['n']} {what} ({r['share']:.3f})")
    return "\n".join(lines)
