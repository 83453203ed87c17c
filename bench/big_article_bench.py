"""An article page against the number of statements in the article (issue 20: 5,000 took 38.6 s).

    python bench/big_article_bench.py [--sizes 500,1000,2000,5000,10000] [--rounds 5]

Stores one synthetic article per size (tests/serve/serve_fixtures.py big_article) and times
GET /articles/{id} in-process through the app (median of --rounds), and highlighting alone, in
wall time and in CPU time of this process (what the page costs when the machine is not shared).
Target: under 1 s for 5,000 statements.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "serve"))
from serve_fixtures import big_article  # noqa: E402

from quotegraph.serve import create_app  # noqa: E402
from quotegraph.serve.highlight import mark_text  # noqa: E402
from quotegraph.serve.pages import article_marks  # noqa: E402
from quotegraph.serve.views import article_view  # noqa: E402
from quotegraph.store import connect, store_result  # noqa: E402


def main() -> None:
    """Time the page per size and print a table."""
    from fastapi.testclient import TestClient

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="500,1000,2000,5000,10000")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    print(f"{'statements':>10} {'page s':>8} {'page CPU s':>10} {'highlight s':>11} {'page kB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in map(int, args.sizes.split(",")):
            db = Path(tmp) / f"big{n}.db"
            conn = connect(db)
            result = big_article(n)
            store_result(conn, result)
            art = article_view(conn, result.article.id)
            conn.close()
            marks, _ = article_marks(art)
            with TestClient(create_app(db)) as c:
                c.get(f"/articles/{result.article.id}")  # warm up
                page, cpu, mark = [], [], []
                for _ in range(args.rounds):
                    t, u = time.perf_counter(), time.process_time()
                    r = c.get(f"/articles/{result.article.id}")
                    page.append(time.perf_counter() - t)
                    cpu.append(time.process_time() - u)
                    t = time.perf_counter()
                    mark_text(art["text"], marks)
                    mark.append(time.perf_counter() - t)
            assert r.status_code == 200
            print(f"{n:>10} {statistics.median(page):>8.3f} {statistics.median(cpu):>10.3f} "
                  f"{statistics.median(mark):>11.3f} {len(r.content) // 1000:>8}", flush=True)


if __name__ == "__main__":
    main()
