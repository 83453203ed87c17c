"""An article with 5,000 statements: its page is whole, and highlighting grows linearly (issue 20)."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from serve_fixtures import big_article

from quotegraph.serve import create_app
from quotegraph.serve.highlight import Mark, mark_text
from quotegraph.store import connect, store_result

N = 5000


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    result = big_article(N)
    db = tmp_path_factory.mktemp("big") / "big.db"
    conn = connect(db)
    store_result(conn, result)
    conn.close()
    return db, result.article.id


def test_page_holds_every_statement(big):
    db, aid = big
    with TestClient(create_app(db)) as c:
        r = c.get(f"/articles/{aid}")
    assert r.status_code == 200
    assert r.text.count('id="s-') == N  # each statement's anchor, once
    assert r.text.count('<mark class="cue"') == N + 1  # and its cue (plus the legend's)


def _marks(n: int) -> tuple[str, list[Mark]]:
    r = big_article(n)
    return r.article.text, [Mark(sp.start, sp.end, kind, st.id, kind) for st in r.statements
                            for sp, kind in ((st.content[0], "content"), (st.cue, "cue"), (st.source, "source"))]


def _best_of(k: int, f) -> float:
    times = []
    for _ in range(k):
        t = time.process_time()
        f()
        times.append(time.process_time() - t)
    return min(times)


def test_highlighting_time_grows_linearly():
    small, big_ = _marks(N // 2), _marks(N)
    t_small = _best_of(3, lambda: mark_text(*small))
    t_big = _best_of(3, lambda: mark_text(*big_))
    # Quadratic highlighting (cuts x marks) made doubling the article cost 4x; allow noise.
    assert t_big < 3.0 * t_small + 0.05, (t_small, t_big)
