"""How fast `quotegraph stats` and the Sources page are on a 100k-statement store (issue 17).

    python bench/sources_bench.py [--statements 100000] [--db /tmp/sources_bench.db]
                                  [--clients 4] [--rounds 40] [--json out.json]

1. Builds (or reuses) bench/serve_bench.py's synthetic store: 10 statements an article, 36 months,
   several outlets, genders as a text would give them, one statement in twelve anonymous, two
   people named but not quoted per article (bench/store_bench.py, Synth).
2. Times store.sources.source_stats in process for each grouping, speech only and all statements
   (median of --repeat runs), and `quotegraph stats` end to end (a fresh process, median of 3).
   Target: < 1 s.
3. Times the Sources page's view computed afresh (what the first request after a change costs),
   then serves the store and measures /sources and /api/sources as bench/browse_bench.py measures
   pages (p50/p99; the view is kept per connection until the store changes, so these are the
   requests a reader makes between ingests). Target: p50 < 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browse_bench import SOURCES_API_URLS, SOURCES_URLS, measure  # noqa: E402
from serve_bench import build_store, free_port, start_server  # noqa: E402
from store_bench import pct  # noqa: E402

from quotegraph.store import connect  # noqa: E402
from quotegraph.store.sources import GROUPINGS, Scope, group_stats, source_stats  # noqa: E402

STATS_TARGET_S = 1.0
PAGE_TARGET_P50_MS = 100.0


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t))
    return round(statistics.median(times), 1)


def main() -> None:
    """Build or reuse the store, time stats and the page, print and save the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/sources_bench.db")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", default=str(Path(__file__).with_name("sources_bench_results.json")))
    args = ap.parse_args()
    db = Path(args.db)
    build_store(db, args.statements)
    conn = connect(db, readonly=True)
    n = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    report: dict = {"statements": n, "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                    "people_rows": conn.execute("SELECT count(*) FROM article_people").fetchone()[0],
                    "cpus": os.cpu_count(), "loadavg_1min_before": round(os.getloadavg()[0], 2),
                    "stats_ms": {}, "target_stats_s": STATS_TARGET_S, "target_page_p50_ms": PAGE_TARGET_P50_MS}
    for by in GROUPINGS:
        for speech_only in (True, False):
            scope = Scope.parse(by, speech_only=speech_only)
            ms = _median_ms(lambda s=scope: source_stats(conn, s), args.repeat)
            report["stats_ms"][f"{by}{'' if speech_only else ' (all statements)'}"] = ms
            print(f"stats --by {by:13s} {'speech' if speech_only else 'all':6s} {ms:8.1f} ms", flush=True)

    def cli() -> None:
        subprocess.run([sys.executable, "-m", "quotegraph", "stats", "--by", "outlet,month", "--db", str(db)],
                       check=True, stdout=subprocess.DEVNULL)

    report["stats_cli_ms"] = _median_ms(cli, 3)
    print(f"quotegraph stats --by outlet,month (fresh process) {report['stats_cli_ms']} ms", flush=True)

    def view() -> None:  # what serve/sources.sources_view computes on a miss
        for by, top in (("none", 10), ("outlet", 0), ("outlet,month", 0)):
            group_stats(conn, Scope.parse(by), top)

    report["sources_view_uncached_ms"] = _median_ms(view, args.repeat)
    print(f"Sources view computed afresh {report['sources_view_uncached_ms']} ms", flush=True)
    conn.close()
    port = free_port()
    proc = start_server(db, port, 1)
    report["pages"] = {}
    try:
        for name, urls in (("sources", SOURCES_URLS), ("api_sources", SOURCES_API_URLS)):
            lat, errors = asyncio.run(measure(port, urls, args.clients, args.rounds))
            report["pages"][name] = {"urls": len(urls), "requests": len(lat) + len(errors), "errors": len(errors),
                                     "p50_ms": round(pct(lat, 50), 1) if lat else None,
                                     "p99_ms": round(pct(lat, 99), 1) if lat else None}
            print(f"{name:12s} p50 {report['pages'][name]['p50_ms']} ms  p99 {report['pages'][name]['p99_ms']} ms",
                  flush=True)
    finally:
        proc.terminate()
        proc.wait(30)
    report["loadavg_1min_after"] = round(os.getloadavg()[0], 2)
    report["target_met"] = (max(report["stats_ms"].values()) < 1000 * STATS_TARGET_S
                            and all(p["p50_ms"] is not None and p["p50_ms"] < PAGE_TARGET_P50_MS and not p["errors"]
                                    for p in report["pages"].values()))
    print(json.dumps(report, indent=2))
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
