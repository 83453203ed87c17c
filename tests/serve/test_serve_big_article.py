"""An article with 5,000 statements: its page is whole, and highlighting grows linearly (issue 20)."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from quotegraph.ids import content_id
from quotegraph.read import make_article
from quotegraph.serve import create_app
from quotegraph.serve.highlight import Mark, mark_text
from quotegraph.store import connect, store_result
from quotegraph.types import ArticleResult, Span, Speaker, Statement

N = 5000


def _text(n: int) -> tuple[str, list[tuple[Span, Span, Span]]]:
    parts, spans, pos = [], [], 0
    for i in range(n):
        quote = f"“Point {i} of the plan stands,” the minister said."
        q0 = pos + 1
        spans.append((Span(q0, q0 + len(f"Point {i} of the plan stands")),
                      Span(pos + quote.index("said"), pos + quote.index("said") + 4),
                      Span(pos + quote.index("the minister"), pos + quote.index("the minister") + 12)))
        parts.append(quote)
        pos += len(quote) + 2
    return "\n\n".join(parts), spans


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    text, spans = _text(N)
    a = make_article(text, "big.txt", title="Five thousand statements", published="2016-09-29")
    sts = tuple(Statement(id=content_id(a.id, i), kind="direct", content=(c,), cue=cue, source=src,
                          speaker=Speaker(f"Minister {i % 7}", "person")) for i, (c, cue, src) in enumerate(spans))
    db = tmp_path_factory.mktemp("big") / "big.db"
    conn = connect(db)
    store_result(conn, ArticleResult(a, sts))
    conn.close()
    return db, a.id


def test_page_holds_every_statement(big):
    db, aid = big
    with TestClient(create_app(db)) as c:
        r = c.get(f"/articles/{aid}")
    assert r.status_code == 200
    assert r.text.count('id="s-') == N  # each statement's anchor, once
    assert r.text.count('<mark class="cue"') == N + 1  # and its cue (plus the legend's)


def _marks(n: int) -> tuple[str, list[Mark]]:
    text, spans = _text(n)
    marks = [Mark(s.start, s.end, kind, str(i), kind)
             for i, trio in enumerate(spans) for s, kind in zip(trio, ("content", "cue", "source"))]
    return text, marks


def _best_of(k: int, f) -> float:
    times = []
    for _ in range(k):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def test_highlighting_time_grows_linearly():
    small, big_ = _marks(N // 2), _marks(N)
    t_small = _best_of(3, lambda: mark_text(*small))
    t_big = _best_of(3, lambda: mark_text(*big_))
    # Quadratic highlighting (cuts x marks) made doubling the article cost 4x; allow noise.
    assert t_big < 3.0 * t_small + 0.05, (t_small, t_big)
