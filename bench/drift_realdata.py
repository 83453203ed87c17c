"""Quote drift on real news: PolNeAR train + dev and the GGT dev half in one store (issue 16).

    nice -n 10 python bench/drift_realdata.py [--db /tmp/drift_real.db] [--json out.json]
    python bench/drift_realdata.py --db /tmp/drift_real.db --sample 40 > /tmp/sample.txt

The article texts stay in ../shared/data (publishers' copyright): they are written to a JSONL
file in a temporary directory, ingested into --db (keep it outside the repository), and only
counts (and, with --sample, versions to check by hand) are printed.
Figures: cross-outlet clusters, clusters with drift by label, versions by label, and the time
drift took against the whole ingest.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from quotegraph.store import connect, drift
from quotegraph.store import ingest as run_ingest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def write_articles(out: Path) -> int:
    """PolNeAR train + dev and GGT dev as one JSONL of {text, title, url, outlet, published}."""
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for split in ("train", "dev"):
            for line in (SHARED / "polnear" / f"gold_{split}.jsonl").open(encoding="utf-8"):
                d = json.loads(line)
                f.write(json.dumps({"text": d["text"], "title": d.get("title"), "outlet": d["publisher"],
                                    "published": d.get("published"),
                                    "url": f"polnear:{split}/{d['doc_id']}"}, ensure_ascii=False) + "\n")
                n += 1
        for line in (SHARED / "ggt" / "gold_dev.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            text = (SHARED / "ggt" / "text" / f"{d['doc_id']}.txt").read_text(encoding="utf-8")
            f.write(json.dumps({"text": text, "outlet": d["outlet"], "url": d["url"]},
                               ensure_ascii=False) + "\n")
            n += 1
    return n


def one_by_one():
    """Extraction article by article, so one article the extractor fails on is reported and
    skipped instead of ending the run (a February 29 date did, in extract/dates.py)."""
    from quotegraph.nlp import load_pipeline
    from quotegraph.pipeline import process_articles

    nlp = load_pipeline()

    def process(articles):
        for a in articles:
            try:
                yield from process_articles([a], nlp)
            except Exception as e:  # noqa: BLE001 - any extractor failure: report, go on
                print(f"skipped {a.source}: {type(e).__name__}: {e}", file=sys.stderr)
    return process


def figures(conn) -> dict:
    """Cluster and drift counts for the report."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731 - a local shorthand
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "statements": one("SELECT count(*) FROM statements"),
        "clusters": one("SELECT count(*) FROM clusters"),
        "cross_outlet_clusters": one(
            "SELECT count(*) FROM (SELECT s.cluster_id FROM statements s JOIN articles a ON a.id = s.article_id "
            "WHERE s.cluster_id IS NOT NULL GROUP BY s.cluster_id HAVING count(DISTINCT a.outlet) > 1)"),
        "cross_outlet_drifted": one(
            "SELECT count(*) FROM cluster_drift WHERE score > 0 AND n_outlets > 1"),
        "drift": drift.stats(conn),
    }


def sample(conn, n: int, seed: int = 16) -> None:
    """Print flagged versions, unflagged multi-outlet clusters and random clusters to check."""
    rng = random.Random(seed)
    flagged = conn.execute("SELECT v.seq, v.cluster_id FROM statement_drift v WHERE v.score > 0 "
                           "ORDER BY v.seq").fetchall()
    unflagged = [r[0] for r in conn.execute("SELECT cluster_id FROM cluster_drift WHERE score = 0 "
                                            "AND n_outlets > 1 ORDER BY cluster_id")]
    every = [r[0] for r in conn.execute("SELECT id FROM clusters ORDER BY id")]
    for title, ids in (("FLAGGED VERSIONS", [r[1] for r in rng.sample(flagged, min(n, len(flagged)))]),
                       ("UNFLAGGED MULTI-OUTLET CLUSTERS", rng.sample(unflagged, min(n // 2, len(unflagged)))),
                       ("RANDOM CLUSTERS", rng.sample(every, min(n, len(every))))):
        print(f"\n===== {title} =====")
        for cid in ids:
            cd = drift.analyse(conn, cid)
            if cd is None:
                continue
            print(f"\n--- cluster {cid}  score {cd.score}")
            for v in cd.versions:
                row = conn.execute("SELECT kind, content, spans FROM statements WHERE seq = ?", (v.seq,)).fetchone()
                tag = ("O" if v.origin else " ") + ("R" if v.reference else " ")
                print(f"  {tag} {v.statement_id} {v.outlet} {v.published} {row['kind']} "
                      f"{list(v.alignment.labels)} neg={v.alignment.negation_changed} "
                      f"num={v.alignment.numbers_changed} score={v.alignment.score}")
                print(f"      {v.reason}")
                print("      " + "".join(s.sep + ({"same": "{}", "ins": "{{+{}+}}", "del": "[-{}-]",
                                                    "note": "{{~{}~}}", "out": "({})"}[s.op]).format(s.text)
                                          for s in v.alignment.segments))


def main() -> None:
    """Build the store (unless --sample) and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/drift_real.db")
    ap.add_argument("--json")
    ap.add_argument("--sample", type=int, help="print this many flagged versions (and clusters) to check")
    ap.add_argument("--no-ingest", action="store_true", help="only recompute drift in --db and count")
    args = ap.parse_args()
    if args.sample:
        sample(connect(args.db, readonly=True), args.sample)
        return
    conn = connect(args.db)
    if args.no_ingest:
        t = time.perf_counter()
        n_clusters = drift.recompute(conn)
        print(json.dumps({"drift_recompute_s": round(time.perf_counter() - t, 2), "drift_clusters": n_clusters,
                          **figures(conn)}, indent=2))
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        n = write_articles(src)
        t = time.perf_counter()
        stats = run_ingest(conn, [src], process=one_by_one())
        ingest_s = time.perf_counter() - t
    t = time.perf_counter()
    n_clusters = drift.recompute(conn)
    drift_s = time.perf_counter() - t
    out = {"inputs": n, "ingest": stats.summary(), "ingest_s": round(ingest_s, 1),
           "drift_recompute_s": round(drift_s, 2), "drift_clusters": n_clusters, **figures(conn)}
    print(json.dumps(out, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
