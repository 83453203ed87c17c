"""Extraction speed and memory against the bare spaCy parse of the same articles, in one run.

    python bench/extract_bench.py [--polnear ../shared/data/polnear] [--rounds 5] [--tier both]

Alternates bare `nlp.pipe` and the whole `extract` path (normalise + parse + extract, per tier)
and reports medians, because these machines are noisy. Without --polnear it uses the bundled
examples. The accurate tier's tagger runs on one thread, so its figure is per core; peak RSS is
the whole process's (`quotegraph eval --tier both` measures each tier in a fresh process).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from quotegraph.examples import example_paths
from quotegraph.nlp import load_pipeline
from quotegraph.pipeline import TIERS, process_articles
from quotegraph.read import make_article, read_articles
from quotegraph.types import Article


def load(polnear: str | None, limit: int) -> list[Article]:
    """Articles to time: PolNeAR dev texts when given, else the bundled examples (x10)."""
    if polnear:
        files = sorted((Path(polnear) / "dev" / "text").glob("*.txt"))[:limit]
        return [make_article(f.read_text(encoding="utf-8"), str(f)) for f in files]
    base = [a for a in read_articles(example_paths()) if isinstance(a, Article)]
    return base * 10


def main() -> None:
    """Run the benchmark and print a small table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--polnear")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--tier", choices=[*TIERS, "both"], default="fast")
    args = ap.parse_args()
    tiers = list(TIERS) if args.tier == "both" else [args.tier]
    articles = load(args.polnear, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_pipeline()
    bare: list[float] = []
    full: dict[str, list[float]] = {t: [] for t in tiers}
    counts = {}
    for tier in tiers:
        list(process_articles(articles[:2], nlp, tier=tier, threads=1))  # warm up, load the tagger
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe((a.text for a in articles), batch_size=16):
            pass
        bare.append(time.perf_counter() - t)
        for tier in tiers:
            t = time.perf_counter()
            counts[tier] = sum(len(r.statements) for r in process_articles(articles, nlp, tier=tier, threads=1))
            full[tier].append(time.perf_counter() - t)
    b = statistics.median(bare)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(articles)}  words {words}  rounds {args.rounds}  peak RSS {rss:.0f} MB")
    print(f"bare parse        {words / b:8.0f} words/s  {len(articles) / b:6.1f} articles/s  (median {b:.2f}s)")
    for tier, times in full.items():
        f = statistics.median(times)
        print(f"extract {tier:<9} {words / f:8.0f} words/s  {len(articles) / f:6.1f} articles/s  "
              f"(median {f:.2f}s)  ratio to parse {f / b:.3f}  statements {counts[tier]}")


if __name__ == "__main__":
    main()
