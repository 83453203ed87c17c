"""Time and memory against text length, for normal, quote-heavy and markdown-heavy text (issue 20).

    python bench/scaling_bench.py [--lengths 25000,50000,100000,200000] [--rounds 3] [--json FILE]

For each kind of text and each length, a fresh process times the whole extract path
(normalise, parse in pieces, extract) and the bare spaCy parse of the same text, in the same
process and alternating, and reports medians (these machines are noisy) and the ratio of the two.
Linear time shows as a ratio that stays flat as the length doubles; peak RSS is that process's,
the model included. Texts come from tests/fuzz/texts.py.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("normal", "quote-heavy", "markdown-heavy")


def _text(kind: str, n: int) -> str:
    sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
    import texts

    return {"normal": texts.prose, "quote-heavy": texts.quote_storm, "markdown-heavy": texts.markdown_heavy}[kind](n)


def measure(kind: str, n: int, rounds: int) -> dict:
    """One (kind, length) in this process: median seconds of bare parse and extract, peak RSS."""
    from quotegraph.nlp import load_pipeline
    from quotegraph.pipeline import process_articles
    from quotegraph.read import make_article
    from quotegraph.text.pieces import PIECE_CHARS, split_pieces

    text = _text(kind, n)
    nlp = load_pipeline()
    article = make_article(text, f"{kind}-{n}")
    # The bare parse gets the same help as extraction: pieces of the same size, so it fits.
    pieces = [text[a:b] for a, b in split_pieces(text, PIECE_CHARS)]
    list(process_articles([make_article("Warm up. “Yes,” he said.", "w")], nlp))
    bare, full, statements = [], [], 0
    for _ in range(rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe(pieces, batch_size=1):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        statements = len(next(process_articles([article], nlp)).statements)
        full.append(time.perf_counter() - t)
    b, f = statistics.median(bare), statistics.median(full)
    return {"kind": kind, "chars": len(text), "statements": statements, "bare_parse_s": round(b, 3),
            "extract_s": round(f, 3), "ratio_to_parse": round(f / b, 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3)}


def main() -> None:
    """Run every (kind, length) in its own process and print a table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lengths", default="25000,50000,100000,200000")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "scaling_bench_results.json")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "CHARS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), args.rounds)))
        return
    rows = []
    print(f"{'kind':<15} {'chars':>8} {'statements':>10} {'parse s':>8} {'extract s':>9} {'ratio':>6} {'RSS MB':>7}")
    for kind in args.kinds.split(","):
        for n in map(int, args.lengths.split(",")):
            out = subprocess.run([sys.executable, __file__, "--one", kind, str(n), "--rounds", str(args.rounds)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(r)
            print(f"{r['kind']:<15} {r['chars']:>8} {r['statements']:>10} {r['bare_parse_s']:>8.2f} "
                  f"{r['extract_s']:>9.2f} {r['ratio_to_parse']:>6.2f} {r['peak_rss_mb']:>7}", flush=True)
    args.json.write_text(json.dumps({"rounds": args.rounds, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
