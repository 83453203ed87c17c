"""The fuzz corpus at the audit's sizes (issue 20): what each hostile input gives, how long it
takes and how much memory, one input at a time; then ingest and batch over all of it.

    python bench/fuzz_bench.py [--json bench/fuzz_bench_results.json] [--skip-whole]

Each input runs as `quotegraph extract GOOD INPUT` in a fresh process (GOOD: one bundled article,
which must come out too), under a meter that reports the wall time and the largest resident set
of any process under it (the extraction process, usually). The outcome is the input's error
line, or its statement count. tests/fuzz/test_fuzz.py runs the same corpus at smaller sizes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
from corpus import write_corpus  # noqa: E402

from quotegraph.names import show  # noqa: E402

METER = """
import json, resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[2:], capture_output=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
open(sys.argv[1], "w").write(json.dumps({"rc": r.returncode, "wall_s": round(time.monotonic() - t, 1),
    "peak_rss_mb": round(peak), "stdout": r.stdout.decode("utf-8", "replace"),
    "stderr": r.stderr.decode("utf-8", "replace")}))
"""
CLI = [sys.executable, "-c", "from quotegraph.cli import main; main()"]


def metered(tmp: Path, *args: str) -> dict:
    """Run a quotegraph command under the meter."""
    report = tmp / "meter.json"
    subprocess.run([sys.executable, "-c", METER, str(report), *CLI, *args], check=True)
    return json.loads(report.read_text())


def main() -> None:
    """Write the full corpus, run each input, then ingest and batch over all of it."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "fuzz_bench_results.json")
    ap.add_argument("--skip-whole", action="store_true", help="only the inputs one at a time")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="quotegraph-fuzz-") as tmp_dir:
        tmp = Path(tmp_dir)
        corpus = write_corpus(tmp / "corpus", "full")
        good = Path(corpus.good[0])
        rows = []
        print(f"{'row':<42} {'size kB':>8} {'wall s':>7} {'RSS MB':>7}  outcome")
        for case in corpus.cases:
            m = metered(tmp, "extract", str(good), str(case.path))
            out = [json.loads(line) for line in m["stdout"].splitlines() if line.startswith("{")]
            mine = [r for r in out if r["article"]["source"].startswith(show(case.path))]
            errs = [line for line in m["stderr"].splitlines() if show(case.path) in line]
            outcome = (f"{len(mine[0]['statements'])} statements" if mine and not errs
                       else "; ".join(e.removeprefix("quotegraph: skipped ") for e in errs) or "nothing")
            try:
                size = case.path.stat().st_size // 1000
            except OSError:
                size = 0
            good_out = any(r["article"]["source"] == show(good) for r in out)
            row = {"row": case.row, "kB": size, "wall_s": m["wall_s"], "peak_rss_mb": m["peak_rss_mb"],
                   "rc": m["rc"], "good_article_out": good_out, "outcome": outcome,
                   "traceback": "Traceback" in m["stderr"]}
            rows.append(row)
            print(f"{case.row[:42]:<42} {size:>8} {m['wall_s']:>7} {m['peak_rss_mb']:>7}  {outcome[:90]}"
                  + ("" if good_out else "  [GOOD ARTICLE LOST]"), flush=True)
        whole = {}
        if not args.skip_whole:
            inputs = [str(p) for p in corpus.inputs]
            whole["ingest"] = metered(tmp, "ingest", *inputs, "--db", str(tmp / "fuzz.db"))
            whole["batch"] = metered(tmp, "batch", *inputs, "--out", str(tmp / "out"), "--no-progress")
            for name, m in whole.items():
                print(f"{name}: exit {m['rc']}, {m['wall_s']} s, peak {m['peak_rss_mb']} MB, "
                      f"traceback: {'Traceback' in m['stderr']}; {m['stderr'].strip().splitlines()[-1]}")
                m.pop("stdout")
                m["stderr"] = m["stderr"].splitlines()[-3:]
    args.json.write_text(json.dumps({"inputs": rows, "whole": whole}, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
