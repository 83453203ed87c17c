"""Latency of the browse pages, the statement page and search with facets on a 100k-statement store.

    python bench/browse_bench.py [--statements 100000] [--db /tmp/serve_bench.db]
                                 [--clients 4] [--rounds 40] [--workers 1] [--json out.json]

1. Builds (or reuses) bench/serve_bench.py's synthetic store, and applies new migrations. The
   synthetic statements are all speech; every 10th is marked not speech (once), as the
   extractor now marks thoughts and findings, so the web's default "speech only" filter has
   something to leave out.
2. Starts `quotegraph serve --workers N` on a free loopback port.
3. For each page kind (several URLs each: default and other sorts, filters, a deep page, the
   /api twin), --clients keep-alive clients request it --rounds times each, one request after
   another; the first round is a warm-up and is not counted.
4. Reports p50/p99 per page kind and errors. Target (issue 18): p50 < 100 ms for each new page.
   The search page (not new, now with facets) is timed beside the same searches without facets.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_bench import Connection, build_store, free_port, start_server  # noqa: E402
from store_bench import pct  # noqa: E402

TARGET_P50_MS = 100.0
SOURCES_URLS = ["/sources", "/sources?since=2016-01", "/sources?speech=any", "/sources?since=2016-01&until=2016-12"]
SOURCES_API_URLS = ["/api/sources", "/api/sources?since=2016", "/api/sources?format=csv&table=months"]


def page_urls(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """The URLs of each page kind, drawn from the store."""
    conn = sqlite3.connect(db)
    outlets = [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL LIMIT 20")]
    names = [r[0] for r in conn.execute("SELECT name FROM speakers ORDER BY random() LIMIT 20")]
    statements = [r[0] for r in conn.execute("SELECT id FROM statements ORDER BY random() LIMIT 200")]
    words = [r[0] for r in conn.execute("SELECT content FROM statements ORDER BY random() LIMIT 50")]
    conn.close()
    words = [w.split()[rng.randrange(len(w.split()))] for w in words]

    def q(path: str, **params: object) -> str:
        return f"{path}?{urlencode(params)}" if params else path

    return {
        "speakers": [q("/speakers"), q("/speakers", sort="name"), q("/speakers", sort="-last"),
                     q("/speakers", sort="-articles", page=40), q("/speakers", q=rng.choice(names).split()[-1][:5])],
        "articles": [q("/articles"), q("/articles", sort="title"), q("/articles", sort="-statements"),
                     q("/articles", outlet=rng.choice(outlets)), q("/articles", page=100)],
        "outlets": [q("/outlets"), q("/outlets", sort="name"), q("/outlets", sort="-statements")],
        "clusters": [q("/clusters"), q("/clusters", sort="-last"), q("/clusters", page=5),
                     q("/clusters", min_articles=5)],
        "statement": [f"/statements/{s}" for s in statements],
        "api_listings": [q("/api/speakers"), q("/api/articles", sort="title"), q("/api/outlets"),
                         q("/api/clusters", sort="-articles")],
        "search_with_facets": [q("/search", q=w) for w in words[:30]]
                              + [q("/search", q=w, outlet=rng.choice(outlets)) for w in words[30:40]],
        # Who gets quoted (issue 17): the Sources page and its API, whole store and a period.
        "sources": SOURCES_URLS,
        "api_sources": SOURCES_API_URLS,
        # The same searches without facets (the JSON API), to tell what the facets cost.
        "search_api_no_facets": [q("/api/statements", q=w, speech="true") for w in words[:30]]
                                + [q("/api/statements", q=w, outlet=rng.choice(outlets), speech="true")
                                   for w in words[30:40]],
    }


async def measure(port: int, urls: list[str], clients: int, rounds: int) -> tuple[list[float], list[str]]:
    """Latencies (ms) and errors of `clients` clients each requesting every URL `rounds` times."""
    lat: list[float] = []
    errors: list[str] = []

    async def client(k: int) -> None:
        conn = Connection("127.0.0.1", port)
        try:
            for r in range(rounds):
                for url in urls[k % len(urls):] + urls[:k % len(urls)]:
                    t = time.perf_counter()
                    try:
                        status, _ = await conn.get(url)
                    except (OSError, asyncio.IncompleteReadError, ValueError) as e:
                        errors.append(f"{type(e).__name__} {url}")
                        conn.close()
                        conn = Connection("127.0.0.1", port)
                        continue
                    if status != 200:
                        errors.append(f"{status} {url}")
                    elif r:  # round 0 warms the caches
                        lat.append(1000 * (time.perf_counter() - t))
        finally:
            conn.close()

    await asyncio.gather(*(client(k) for k in range(clients)))
    return lat, errors


def main() -> None:
    """Build or reuse the store, serve it, time every page kind, print and save the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/serve_bench.db")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--pages", nargs="*", help="Only these page kinds (default: all).")
    ap.add_argument("--json", default=str(Path(__file__).with_name("browse_bench_results.json")))
    args = ap.parse_args()
    db = Path(args.db)
    build_store(db, args.statements)
    with sqlite3.connect(db) as conn:
        if not conn.execute("SELECT 1 FROM statements WHERE speech = 0 LIMIT 1").fetchone():
            conn.execute("UPDATE statements SET speech = 0 WHERE seq % 10 = 0")
    urls = page_urls(db, random.Random(18))
    n = sqlite3.connect(db).execute("SELECT count(*) FROM statements").fetchone()[0]
    load_before = os.getloadavg()[0]
    port = free_port()
    proc = start_server(db, port, args.workers)
    report: dict = {"statements": n, "clients": args.clients, "rounds": args.rounds, "workers": args.workers,
                    "cpus": os.cpu_count(), "loadavg_1min_before": round(load_before, 2), "pages": {}}
    try:
        for name, page in urls.items():
            if args.pages and name not in args.pages:
                continue
            # Few rounds for long URL lists: each URL is requested rounds // len(urls) times at least.
            rounds = max(2, args.rounds * 5 // max(5, len(page)))
            lat, errors = asyncio.run(measure(port, page, args.clients, rounds))
            report["pages"][name] = {"urls": len(page), "requests": len(lat) + len(errors), "errors": len(errors),
                                     "p50_ms": round(pct(lat, 50), 1) if lat else None,
                                     "p99_ms": round(pct(lat, 99), 1) if lat else None,
                                     "error_samples": errors[:3]}
            print(f"{name:20s} p50 {report['pages'][name]['p50_ms']} ms  p99 {report['pages'][name]['p99_ms']} ms  "
                  f"({len(lat)} requests, {len(errors)} errors)", flush=True)
    finally:
        proc.terminate()
        proc.wait(30)
    report["loadavg_1min_after"] = round(os.getloadavg()[0], 2)
    new = [p for k, p in report["pages"].items() if not k.startswith("search")]
    report["target_met"] = all(p["p50_ms"] is not None and p["p50_ms"] < TARGET_P50_MS and not p["errors"]
                               for p in new)
    print(json.dumps(report, indent=2))
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
