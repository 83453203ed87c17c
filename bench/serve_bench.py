"""Web server load benchmark: 50 concurrent clients against search and article pages.

    python bench/serve_bench.py [--statements 100000] [--db /tmp/serve_bench.db]
                                [--clients 50] [--seconds 30] [--workers 2] [--json out.json]

1. Builds (or reuses, if it already holds enough statements) a synthetic store with
   bench/store_bench.py's generator: realistic words, speakers in several written forms,
   recurring quotes that form clusters.
2. Starts `quotegraph serve` on a free loopback port (--workers processes).
3. Runs --clients concurrent asyncio clients (keep-alive connections) for --seconds, each sending one request after
   another: the HTML search page (common, mid-frequency and rare words, phrases, prefixes,
   filters), the HTML article page of a random article, and the JSON search API.
4. Reports p50/p99/max latency per endpoint, throughput and errors (non-200 or failed requests).
   Target: p99 < 200 ms and no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_bench import PER_ARTICLE, Synth, pct, real_articles, vocabulary  # noqa: E402

from quotegraph.store import clusters, connect, store_result  # noqa: E402

MIX = (("search_page", 0.45), ("article_page", 0.45), ("api_search", 0.10))
WARMUP_S = 3.0


def build_store(path: Path, n_statements: int) -> tuple[Synth, float]:
    """The synthetic store at `path` (reused when it already has enough statements)."""
    synth = Synth(vocabulary(real_articles()))
    if path.exists():
        have = sqlite3.connect(path).execute("SELECT count(*) FROM statements").fetchone()[0]
        if have >= n_statements:
            print(f"reusing {path}: {have} statements")
            connect(path).close()  # applies migrations added since it was built
            return synth, 0.0
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    t = time.perf_counter()
    conn = connect(path)
    for i in range(n_statements // PER_ARTICLE):
        store_result(conn, synth.article(i))
    clusters.refresh_stale(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    dt = time.perf_counter() - t
    print(f"built {path} in {dt:.0f} s")
    return synth, dt


def search_queries(synth: Synth, rng: random.Random) -> list[dict[str, str]]:
    """Query parameter sets like a reader's: words of every frequency, phrases, filters."""
    freq = Counter(w.lower() for w in synth.words if len(w) > 3)
    ranked = [w for w, _ in freq.most_common()]
    qs = ([{"q": w} for w in ranked[20:40]]
          + [{"q": w} for w in rng.sample(ranked[200:1000], 20)]
          + [{"q": w} for w in rng.sample(ranked[-2000:], 20)]
          + [{"q": '"' + " ".join(v.split()[2:5]) + '"'} for v in rng.sample(synth.viral[:200], 15)]
          + [{"q": w[:4] + "*"} for w in rng.sample(ranked[50:500], 10)]
          + [{"q": f"{a} {b}"} for a, b in zip(rng.sample(ranked[50:300], 10), rng.sample(ranked[50:300], 10))]
          + [{"q": w, "speaker": synth.people[k][1]} for k, w in enumerate(rng.sample(ranked[20:200], 10))]
          + [{"q": w, "since": "2016-01-01", "until": "2016-06-30"} for w in rng.sample(ranked[20:200], 10)]
          + [{"q": w, "outlet": "Outlet C"} for w in rng.sample(ranked[20:200], 10)]
          + [{"speaker": synth.people[k][1]} for k in range(10)])
    # A bare word with an apostrophe is not FTS5 syntax (the server answers 400); readers
    # search it as a phrase, which is what the search page suggests.
    for p in qs:
        if "'" in p.get("q", "") and not p["q"].startswith('"'):
            p["q"] = " ".join(f'"{w}"' if "'" in w else w for w in p["q"].split())
    return qs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    """`quotegraph serve` in a subprocess, once it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "quotegraph", "serve", "--db", str(db),
                             "--port", str(port), "--workers", str(workers)])
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/speakers?size=1", timeout=5):
                return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("server did not start") from None
            time.sleep(0.2)


class Connection:
    """A minimal HTTP/1.1 keep-alive client: the load generator shares the machine with the
    server, and a full client library would spend more CPU per request than a page costs."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        """GET `target`; returns (status, body). Reconnects when the server closed the connection."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        length = int({k.lower(): v for k, v in headers.items()}.get("content-length", 0))
        body = await self.reader.readexactly(length)
        return status, body

    def close(self) -> None:
        """Close the socket."""
        if self.writer is not None:
            self.writer.close()


async def load(port: int, clients: int, seconds: float, queries: list[dict[str, str]],
               article_ids: list[str], seed: int) -> dict[str, dict[str, list]]:
    """Run the clients; return per endpoint the latencies (ms) and the errors seen."""
    results: dict[str, list] = {name: [] for name, _ in MIX}
    errors: dict[str, list] = {name: [] for name, _ in MIX}
    names, weights = zip(*MIX)
    start = time.perf_counter()
    stop = start + WARMUP_S + seconds

    async def client(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        conn = Connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop:
                name = rng.choices(names, weights)[0]
                if name == "article_page":
                    target = f"/articles/{rng.choice(article_ids)}"
                else:
                    path = "/search" if name == "search_page" else "/api/statements"
                    target = f"{path}?{urlencode(rng.choice(queries))}"
                t = time.perf_counter()
                try:
                    status, _ = await conn.get(target)
                    ok, why = status == 200, f"{status} {target}"
                except (OSError, asyncio.IncompleteReadError, ValueError) as e:
                    ok, why = False, f"{type(e).__name__} {target}"
                    conn.close()
                    conn = Connection("127.0.0.1", port)
                ms = 1000 * (time.perf_counter() - t)
                if t - start < WARMUP_S:
                    continue
                (results[name] if ok else errors[name]).append(ms if ok else why)
        finally:
            conn.close()

    await asyncio.gather(*(client(k) for k in range(clients)))
    return {"latency": results, "errors": errors}


def main() -> None:
    """Build or reuse the store, start the server, run the load, print and save the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/serve_bench.db")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", default=str(Path(__file__).with_name("serve_bench_results.json")))
    args = ap.parse_args()
    db = Path(args.db)
    synth, build_s = build_store(db, args.statements)
    rng = random.Random(7)
    queries = search_queries(synth, rng)
    conn = sqlite3.connect(db)
    n_statements = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    article_ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 5000")]
    conn.close()

    load_before = os.getloadavg()
    port = free_port()
    proc = start_server(db, port, args.workers)
    try:
        out = asyncio.run(load(port, args.clients, args.seconds, queries, article_ids, seed=1))
    finally:
        proc.terminate()
        proc.wait(30)
    report: dict = {"statements": n_statements, "clients": args.clients, "seconds": args.seconds,
                    "workers": args.workers, "cpus": os.cpu_count(), "distinct_queries": len(queries),
                    "store_build_s": round(build_s, 1),
                    # The machine may be shared: its load before and after says how much of it
                    # the server and the clients really had.
                    "loadavg_1min_before": round(load_before[0], 2),
                    "loadavg_1min_after": round(os.getloadavg()[0], 2), "endpoints": {}}
    total_ok = total_err = 0
    for name, _ in MIX:
        lat, errs = out["latency"][name], out["errors"][name]
        total_ok += len(lat)
        total_err += len(errs)
        report["endpoints"][name] = {
            "requests": len(lat) + len(errs), "errors": len(errs),
            "p50_ms": round(pct(lat, 50), 1) if lat else None,
            "p99_ms": round(pct(lat, 99), 1) if lat else None,
            "max_ms": round(max(lat), 1) if lat else None,
            "error_samples": errs[:5]}
    all_lat = [x for name, _ in MIX for x in out["latency"][name]]
    report["all"] = {"requests": total_ok + total_err, "errors": total_err,
                     "requests_per_s": round((total_ok + total_err) / args.seconds, 1),
                     "p50_ms": round(pct(all_lat, 50), 1), "p99_ms": round(pct(all_lat, 99), 1)}
    report["target_met"] = report["all"]["p99_ms"] < 200 and total_err == 0
    print(json.dumps(report, indent=2))
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
