"""Batch throughput: articles/s for 1 and 2 workers on both engines, against a bare spaCy parse.

    python bench/batch_bench.py [--polnear ../shared/data/polnear] [--limit 200] [--engines local,ray]
                                [--rounds 3] [--out bench/batch_bench_results.json]

PolNeAR texts are read from ../shared at run time into a temporary JSONL; nothing is copied into
the repository. Prints one JSON object with the figures: medians over the rounds, 1- and 2-worker
runs alternating.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotegraph.batch import run_batch

REPO = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = REPO.parent / "shared" / "data" / "polnear"

# Timed in a fresh process, so that the model load and the parse are measured like a worker's.
BARE = """
import json, sys, time
t0 = time.perf_counter()
from quotegraph.memory import peak_rss_mb
from quotegraph.nlp import load_pipeline
from quotegraph.pipeline import BATCH_SIZE, process_articles
from quotegraph.read import read_articles
nlp = load_pipeline()
load = time.perf_counter() - t0
arts = [a for a in read_articles([sys.argv[1]]) if hasattr(a, "text")]
t0 = time.perf_counter()
for _ in nlp.pipe((a.text for a in arts), batch_size=BATCH_SIZE):
    pass
parse = time.perf_counter() - t0
t0 = time.perf_counter()
n = sum(1 for _ in process_articles(arts, nlp))
full = time.perf_counter() - t0
print(json.dumps({"articles": len(arts), "words": sum(len(a.text.split()) for a in arts),
                  "model_load_s": load, "bare_parse_s": parse, "process_articles_s": full,
                  "peak_rss_mb": peak_rss_mb()}))
"""


def make_input(polnear: Path, limit: int, tmp: Path) -> Path:
    """A JSONL of the first `limit` PolNeAR train+dev articles (text and date only)."""
    path = tmp / "articles.jsonl"
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for split in ("gold_train.jsonl", "gold_dev.jsonl"):
            for line in (polnear / split).read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                out.write(json.dumps({"text": rec["text"], "published": rec.get("published")}) + "\n")
                n += 1
                if n >= limit:
                    return path
    return path


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--shard-size", type=int, default=8)
    ap.add_argument("--engines", default="local,ray")
    ap.add_argument("--rounds", type=int, default=3, help="alternating 1- and 2-worker runs; medians are reported")
    ap.add_argument("--out", type=Path, default=None, help="also write the figures to this JSON file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = make_input(args.polnear, args.limit, tmp)
        bare = json.loads(subprocess.run([sys.executable, "-c", BARE, str(src)], check=True,
                                         capture_output=True, text=True).stdout)
        res: dict = {"input": bare, "rounds": args.rounds, "runs": {}}
        for engine in args.engines.split(","):
            rounds: dict[int, list[dict]] = {1: [], 2: []}
            # 1 and 2 workers alternate, so a burst of load from elsewhere hits both alike.
            for r in range(args.rounds):
                for workers in (1, 2):
                    t0 = time.perf_counter()
                    m = run_batch([src], tmp / f"{engine}{workers}-{r}", engine=engine, workers=workers,
                                  shard_size=args.shard_size, progress=False)
                    wall = time.perf_counter() - t0
                    rounds[workers].append({
                        "wall_s": round(wall, 2), "articles": m["counts"]["articles"],
                        "articles_per_s": round(m["counts"]["articles"] / wall, 2),
                        "worker_busy_s": m["timings"]["worker_seconds"],
                        "peak_rss_mb_per_worker": m["peak_rss_mb_per_worker"]})
            for workers, runs in rounds.items():
                res["runs"][f"{engine}-{workers}"] = {
                    "median_articles_per_s": statistics.median(x["articles_per_s"] for x in runs),
                    "max_peak_rss_mb_per_worker": max(x["peak_rss_mb_per_worker"] for x in runs),
                    "rounds": runs}
            res["runs"][f"{engine}-speedup"] = {
                "median": round(statistics.median(b["articles_per_s"] / a["articles_per_s"]
                                                  for a, b in zip(rounds[1], rounds[2])), 2),
                "per_round": [round(b["articles_per_s"] / a["articles_per_s"], 2)
                              for a, b in zip(rounds[1], rounds[2])]}
    n = bare["articles"]
    res["bare_parse_articles_per_s"] = round(n / bare["bare_parse_s"], 2)
    res["process_articles_per_s"] = round(n / bare["process_articles_s"], 2)
    res["overhead_extract_over_parse"] = round(bare["process_articles_s"] / bare["bare_parse_s"] - 1, 3)
    if "local-1" in res["runs"]:
        one = res["runs"]["local-1"]["rounds"]
        res["overhead_local1_wall_over_parse"] = round(
            statistics.median(x["wall_s"] for x in one) / bare["bare_parse_s"] - 1, 3)
        rate = statistics.median(x["articles"] / x["worker_busy_s"] for x in one)
        res["cores_for_1M_articles_per_hour"] = round(1_000_000 / 3600 / rate, 1)
    text = json.dumps(res, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
