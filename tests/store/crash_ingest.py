"""Run by test_crash.py in a subprocess: ingest a directory with a slow synthetic extractor."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable, Iterator

from quotegraph.ids import content_id
from quotegraph.store import connect, ingest
from quotegraph.types import Article, ArticleResult, Span, Speaker, Statement


def sentences_as_statements(articles: Iterable[Article], delay: float, stall: int) -> Iterator[ArticleResult]:
    """Every sentence becomes a statement by "Sergey Ryabkov" (spans into the real text)."""
    for n, a in enumerate(articles):
        time.sleep(delay)  # extraction takes time; the kill must land mid-ingest
        if stall and n >= stall:
            # Wait for the kill however slowly the test polls: under load it may miss a short run.
            time.sleep(3600)
        sts = tuple(
            Statement(id=content_id(a.id, i), kind="direct", content=(Span(m.start(), m.end()),),
                      speaker=Speaker("Sergey Ryabkov", "person"))
            for i, m in enumerate(re.finditer(r"[^.\n]+\.", a.text)))
        yield ArticleResult(a, sts)


if __name__ == "__main__":
    db, src, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
    stall = int(sys.argv[4]) if len(sys.argv) > 4 else 0  # stop after this many articles (0: never)
    stats = ingest(connect(db), [src], process=lambda arts: sentences_as_statements(arts, delay, stall))
    print(stats.summary())
