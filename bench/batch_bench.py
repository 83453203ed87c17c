"""Batch throughput: articles/s for 1 and 2 workers on both engines, against a bare spaCy parse.

    python bench/batch_bench.py [--polnear ../shared/data/polnear] [--limit 200] [--engines local,ray]

PolNeAR texts are read from ../shared at run time into a temporary JSONL; nothing is copied into
the repository. Prints one JSON object with the figures, and a short table.
"""

from __future__ import annotations

import argparse
import json
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
import json, resource, sys, time
t0 = time.perf_counter()
from quotegraph.nlp import load_pipeline
from quotegraph.pipeline import process_articles
from quotegraph.read import read_articles
nlp = load_pipeline()
load = time.perf_counter() - t0
arts = [a for a in read_articles([sys.argv[1]]) if hasattr(a, "text")]
t0 = time.perf_counter()
for _ in nlp.pipe((a.text for a in arts), batch_size=16):
    pass
parse = time.perf_counter() - t0
t0 = time.perf_counter()
n = sum(1 for _ in process_articles(arts, nlp))
full = time.perf_counter() - t0
print(json.dumps({"articles": len(arts), "words": sum(len(a.text.split()) for a in arts),
                  "model_load_s": load, "bare_parse_s": parse, "process_articles_s": full,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3}))
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
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = make_input(args.polnear, args.limit, tmp)
        bare = json.loads(subprocess.run([sys.executable, "-c", BARE, str(src)], check=True,
                                         capture_output=True, text=True).stdout)
        res: dict = {"input": bare, "runs": {}}
        for engine in args.engines.split(","):
            for workers in (1, 2):
                t0 = time.perf_counter()
                m = run_batch([src], tmp / f"{engine}{workers}", engine=engine, workers=workers,
                              shard_size=args.shard_size, progress=False)
                wall = time.perf_counter() - t0
                res["runs"][f"{engine}-{workers}"] = {
                    "wall_s": round(wall, 2), "articles": m["counts"]["articles"],
                    "articles_per_s": round(m["counts"]["articles"] / wall, 2),
                    "worker_busy_s": m["timings"]["worker_seconds"],
                    "peak_rss_mb_per_worker": m["peak_rss_mb_per_worker"]}
            one, two = res["runs"][f"{engine}-1"], res["runs"][f"{engine}-2"]
            res["runs"][f"{engine}-speedup"] = round(two["articles_per_s"] / one["articles_per_s"], 2)
    n = bare["articles"]
    res["bare_parse_articles_per_s"] = round(n / bare["bare_parse_s"], 2)
    res["process_articles_per_s"] = round(n / bare["process_articles_s"], 2)
    res["overhead_extract_over_parse"] = round(bare["process_articles_s"] / bare["bare_parse_s"] - 1, 3)
    if "local-1" in res["runs"]:
        res["overhead_local1_wall_over_parse"] = round(res["runs"]["local-1"]["wall_s"] / bare["bare_parse_s"] - 1, 3)
        rate = res["runs"]["local-1"]["articles"] / res["runs"]["local-1"]["worker_busy_s"]
        res["cores_for_1M_articles_per_hour"] = round(1_000_000 / 3600 / rate, 1)
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
