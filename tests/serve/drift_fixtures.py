"""A store for the drift pages: versions of quotes written for these tests, one article each."""

from __future__ import annotations

import random
from pathlib import Path

from quotegraph.ids import content_id
from quotegraph.read import make_article
from quotegraph.store import clusters, connect, drift, store_result
from quotegraph.types import ArticleResult, Span, Speaker, Statement

FULL = ("I do not believe that we should leave the union before the summer, and we will not sign "
        "any new treaty in 2019")
VERSIONS = [  # (words, outlet, published): the origin first by date, not by list order
    ("we should leave the union before the summer, and we will not sign any new treaty in 2019",
     "Daily Trim", "2019-03-02"),
    (FULL, "Wire Origin", "2019-03-01"),
    (FULL.replace("we will not sign", "we will sign"), "Daily Negation", "2019-03-03"),
    ("I do not believe that we should leave the union … in 2019", "Daily Ellipsis", "2019-03-04"),
    (FULL.replace("defence", "defense").replace("union", "union <script>alert(9)</script>"),
     "Evil <img src=x onerror=alert(8)>", "2019-03-05"),
]
HOSTILE = "<script>alert(9)</script>"
N_SMALL = 30  # clusters with a changed number: more than one Drift page
N_WIDE = 55  # versions of one quote: more than one cluster page
WORDS = ["harbour", "ministers", "agreed", "plans", "railway", "budget", "coastal", "farmers",
         "schools", "hospitals", "border", "talks", "weather", "courts", "prices", "energy",
         "workers", "unions", "elections", "reform", "water", "forests", "fishing", "bridges",
         "taxes", "pensions", "soldiers", "islands", "markets", "festival", "museum"]


def _result(words: str, outlet: str, published: str, n: int) -> ArticleResult:
    text = f"Report number {n} from {outlet}.\n\n“{words},” said Ana Lima.\n"
    a = make_article(text, f"drift/{n}.md", title=f"Report {n}", published=published, outlet=outlet,
                     url=f"https://drift.example/{n}")
    start = text.index(words)
    st = Statement(content_id(a.id, 0), "direct", (Span(start, start + len(words)),),
                   None, None, Speaker("Ana Lima", "person"), confidence=0.9)
    return ArticleResult(a, (st,))


def results() -> list[ArticleResult]:
    """Every test article: the negation cluster, N_SMALL number changes, one wide quote."""
    rng = random.Random(16)
    out = [_result(w, o, p, i) for i, (w, o, p) in enumerate(VERSIONS)]
    for k in range(N_SMALL):
        words = " ".join(rng.sample(WORDS, 12))
        out.append(_result(f"{words} {100 + k} times", "Wire Origin", "2019-04-01", len(out)))
        out.append(_result(f"{words} {200 + k} times", f"Daily {k % 3}", "2019-04-02", len(out)))
    wide = " ".join(rng.sample(WORDS, 14))
    for k in range(N_WIDE):
        out.append(_result(wide if k % 5 else wide.replace(wide.split()[3], "never"),
                           f"Outlet {k}", f"2019-05-{1 + k % 28:02}", len(out)))
    return out


def build_drift_store(path: Path) -> Path:
    """Write the test articles and compute drift, as an ingest would."""
    conn = connect(path)
    for r in results():
        store_result(conn, r)
    clusters.refresh_stale(conn)
    drift.refresh(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path
