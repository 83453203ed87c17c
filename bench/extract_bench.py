"""Extraction speed and memory against the bare spaCy parse of the same articles, in one run.

    python bench/extract_bench.py [--polnear ../shared/data/polnear] [--rounds 5]

Alternates bare `nlp.pipe` and the whole `extract` path (normalise + parse + extract) and reports
medians, because these machines are noisy. Without --polnear it uses the bundled examples.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from quotegraph.cli.extract import example_paths
from quotegraph.nlp import load_pipeline
from quotegraph.pipeline import process_articles
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
    args = ap.parse_args()
    articles = load(args.polnear, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_pipeline()
    bare, full = [], []
    list(process_articles(articles[:2], nlp))  # warm up
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe((a.text for a in articles), batch_size=16):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        n = sum(len(r.statements) for r in process_articles(articles, nlp))
        full.append(time.perf_counter() - t)
    b, f = statistics.median(bare), statistics.median(full)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(articles)}  words {words}  statements {n}  rounds {args.rounds}")
    print(f"bare parse   {words / b:8.0f} words/s  {len(articles) / b:6.1f} articles/s  (median {b:.2f}s)")
    print(f"extract      {words / f:8.0f} words/s  {len(articles) / f:6.1f} articles/s  (median {f:.2f}s)")
    print(f"ratio extract/parse {f / b:.3f}   peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
