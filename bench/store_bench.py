"""Statement-store benchmark: ingest overhead, search latency, clustering growth, size per statement.

    python bench/store_bench.py [--statements 100000] [--db /tmp/store_bench.db] [--json out.json]

1. Overhead: real articles (bundled examples + ../shared/data/wikinews) are extracted, then the
   same results are stored, into an empty store and again (with fresh ids) into the full store.
   Overhead = store time / extraction time (target <= 10%).
2. A synthetic store of --statements statements (10 per article; 20% of quotes are variants of
   a pool of recurring quotes, so clusters form; speakers written in several forms) is written
   through the real writer, with clustering rebuilt from scratch at 10%, 25%, 50% and 100%.
3. Search latency p50/p99 for typical queries (targets 50 ms / 200 ms).
4. Quote drift (docs/drift.md): every cluster re-aligned from scratch, against the synthetic
   write time and against a whole ingest of as many statements (extraction at the real articles'
   rate plus the write; target <= 10%), and the Drift page's latency over HTTP (target p50 < 100 ms).
5. Database size per statement after a WAL checkpoint.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from quotegraph.examples import example_paths
from quotegraph.ids import content_id
from quotegraph.read import make_article, read_articles
from quotegraph.store import clusters, connect, drift, store_result
from quotegraph.store.queries import search_statements
from quotegraph.types import Article, ArticleResult, Span, Speaker, Statement

WIKINEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews"
PER_ARTICLE = 10
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
GIVEN = ["Sergey", "Sergei", "Igor", "Maria", "John", "Jane", "Dmitry", "Anna", "Ahmed", "Li",
         "Carlos", "Fatima", "Olga", "Peter", "Yuri", "Elena", "Mohammed", "Sarah", "David", "Ivan"]
SYLLABLES = ["ka", "ro", "vin", "sha", "len", "ko", "mar", "tel", "bu", "ryab", "nov", "ash",
             "del", "mi", "sto", "ra", "pe", "skov", "ton", "ber", "gu", "lin", "zo", "fa"]
TITLES = ["Deputy Foreign Minister", "Spokesman", "President", "Major-General", "Senator", "Dr."]


def real_articles() -> list[Article]:
    """The bundled examples plus the shared Wikinews texts, when present."""
    paths = [str(p) for p in example_paths()]
    if WIKINEWS.is_dir():
        paths += [str(p) for p in sorted(WIKINEWS.glob("*.txt"))]
    return [a for a in read_articles(paths) if isinstance(a, Article)]


def vocabulary(articles: list[Article]) -> list[str]:
    """Word tokens of real news text, repeated as often as they occur (Zipf-like sampling)."""
    return re.findall(r"[A-Za-z][a-z']+", " ".join(a.text for a in articles))


class Synth:
    """Deterministic synthetic articles with realistic words, speakers and recurring quotes."""

    def __init__(self, words: list[str], seed: int = 1):
        self.rng = random.Random(seed)
        self.words = words
        self.people = [(self.rng.choice(GIVEN), "".join(self.rng.choice(SYLLABLES)
                        for _ in range(self.rng.randint(2, 3))).capitalize()) for _ in range(3000)]
        self.viral = [self.sentence(self.rng.randint(14, 30)) for _ in range(2000)]

    def sentence(self, n: int) -> str:
        return " ".join(self.rng.choice(self.words) for _ in range(n)).capitalize()

    def quote(self) -> str:
        if self.rng.random() >= 0.2:
            return self.sentence(self.rng.randint(8, 35))
        # Skewed towards the first quotes of the pool, as a few quotes travel much further.
        q = self.viral[int(len(self.viral) * self.rng.random() ** 3)].split()
        r = self.rng.random()
        if r < 0.3:
            q = q[: max(8, int(len(q) * self.rng.uniform(0.6, 1.0)))]
        elif r < 0.5:
            q[self.rng.randrange(len(q))] = self.rng.choice(self.words)
        elif r < 0.6:
            q = [w.lower() for w in q]
        return " ".join(q)

    def name(self) -> tuple[str, str]:
        given, surname = self.people[int(len(self.people) * self.rng.random() ** 2)]
        r = self.rng.random()
        if r < 0.5:
            return f"{given} {surname}", "person"
        if r < 0.75:
            return surname, "person"
        if r < 0.9:
            return f"{self.rng.choice(TITLES)} {given} {surname}", "person"
        return f"Ministry of {surname}", "organization"

    def article(self, i: int) -> ArticleResult:
        day = f"20{15 + i % 3}-{1 + i % 12:02}-{1 + i % 28:02}"
        parts, spans, pos = [], [], 0
        lead = f"{self.sentence(20)}.\n\n"
        parts.append(lead)
        pos += len(lead)
        for _ in range(PER_ARTICLE):
            q = self.quote()
            name, typ = self.name()
            chunk = f"“{q},” said {name}. {self.sentence(15)}.\n\n"
            spans.append((Span(pos + 1, pos + 1 + len(q)), Span(pos + len(q) + 4, pos + len(q) + 8),
                          Span(pos + len(q) + 9, pos + len(q) + 9 + len(name)), name, typ))
            parts.append(chunk)
            pos += len(chunk)
        text = "".join(parts)
        a = make_article(text, f"synthetic/{i}.txt", title=f"Story {i}", published=day,
                         outlet=OUTLETS[i % len(OUTLETS)], url=f"https://example.test/{i}")
        # Who gets quoted (issue 17), drawn from a generator of its own so that the words,
        # names and quotes stay those of stores built before: genders as the text would give
        # them, one statement in twelve from an unnamed source, and two people named unquoted.
        extra = random.Random(i)
        sts = []
        for j, (c, cue, src, name, typ) in enumerate(spans):
            anonymous = extra.random() < 1 / 12
            speaker = Speaker("officials", "group", via="none") if anonymous else self.speaker(name, typ)
            sts.append(Statement(content_id(a.id, j), "direct", (c,), cue, src, speaker, date=day,
                                 confidence=0.9, anonymous=anonymous))
        named = [self.speaker(" ".join(self.people[extra.randrange(len(self.people))]), "person") for _ in range(2)]
        return ArticleResult(a, tuple(sts), tuple(named))

    def speaker(self, name: str, typ: str) -> Speaker:
        """A speaker with the gender a text would give: by the first name (two in five women, half
        the rest men), none for a bare surname or an organisation."""
        words = name.split()
        if typ != "person" or len(words) < 2:
            return Speaker(name, typ)
        k = zlib.crc32(words[-2].encode()) % 10
        gender = "female" if k < 4 else "male" if k < 9 else None
        return Speaker(name, typ, gender=gender, gender_evidence=("pronoun" if k % 2 else "name-list") if gender else None)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def overhead(conn, results: list[ArticleResult], extract_s: float, tag: str) -> dict:
    t = time.perf_counter()
    for r in results:
        a = replace(r.article, id=content_id(tag, r.article.id), source=f"{tag}/{r.article.source}",
                    url=None)
        sts = tuple(replace(s, id=content_id(tag, s.id)) for s in r.statements)
        store_result(conn, ArticleResult(a, sts))
    store_s = time.perf_counter() - t
    return {"store_s": round(store_s, 3), "extract_s": round(extract_s, 3),
            "overhead_pct": round(100 * store_s / extract_s, 2)}


def drift_figures(conn, db: str, write_s: float, ingest_s: float) -> dict:
    """Time a full drift recompute, and the Drift page and API over HTTP (in-process client)."""
    from fastapi.testclient import TestClient

    from quotegraph.serve import create_app

    t = time.perf_counter()
    n = drift.recompute(conn)
    drift_s = time.perf_counter() - t
    stats = drift.stats(conn)
    lat: dict[str, list[float]] = {}
    with TestClient(create_app(db)) as client:
        total = client.get("/api/drift").json()["total"]
        last = max(1, -(-total // 25))
        for name, url in (("page", "/drift"), ("page_deep", f"/drift?page={last}"),
                          ("page_filtered", "/drift?outlet=Outlet+C&since=2016-06-01"),
                          ("api", "/api/drift?size=100")):
            client.get(url)  # warm
            runs = []
            for _ in range(30):
                t = time.perf_counter()
                r = client.get(url)
                runs.append(1000 * (time.perf_counter() - t))
                assert r.status_code == 200, (url, r.status_code)
            lat[name] = runs
    return {"clusters": n, "drifted": stats["drifted"], "versions_by_label": stats["versions_by_label"],
            "recompute_s": round(drift_s, 2), "ms_per_cluster": round(1000 * drift_s / max(n, 1), 2),
            "pct_of_store_write": round(100 * drift_s / write_s, 2),
            "est_ingest_s": round(ingest_s, 1), "pct_of_ingest": round(100 * drift_s / ingest_s, 2),
            "http_ms": {k: {"p50": round(pct(v, 50), 1), "p99": round(pct(v, 99), 1)} for k, v in lat.items()}}


def main() -> None:
    """Run every measurement and print (and optionally save) the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/store_bench.db")
    ap.add_argument("--json")
    args = ap.parse_args()
    out: dict = {"statements_target": args.statements}
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)

    from quotegraph.nlp import load_pipeline
    from quotegraph.pipeline import process_articles

    arts = real_articles()
    nlp = load_pipeline()
    list(process_articles(arts[:2], nlp))  # warm up
    t = time.perf_counter()
    results = list(process_articles(arts, nlp))
    extract_s = time.perf_counter() - t
    n_real = sum(len(r.statements) for r in results)
    out["real"] = {"articles": len(arts), "words": sum(len(a.text.split()) for a in arts),
                   "statements": n_real}
    conn = connect(args.db)
    out["overhead_empty_store"] = overhead(conn, results, extract_s, "empty")
    print(f"real articles: {len(arts)}, {n_real} statements; extraction {extract_s:.2f} s")
    print(f"overhead into an empty store: {out['overhead_empty_store']}")

    synth = Synth(vocabulary(arts))
    n_articles = args.statements // PER_ARTICLE
    checkpoints = {max(1, n_articles * f // 100) for f in (10, 25, 50, 100)}
    write_s, rebuilds = 0.0, []
    for i in range(n_articles):
        r = synth.article(i)
        t = time.perf_counter()
        store_result(conn, r)
        write_s += time.perf_counter() - t
        if i + 1 in checkpoints:
            n_st = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
            t = time.perf_counter()
            n_cl = clusters.rebuild(conn)
            dt = time.perf_counter() - t
            rebuilds.append({"statements": n_st, "rebuild_s": round(dt, 2), "clusters": n_cl,
                             "us_per_statement": round(1e6 * dt / n_st, 1)})
            print(f"  {n_st} statements: write {write_s:.1f} s so far; full re-cluster {dt:.2f} s "
                  f"({n_cl} clusters)")
    n_st = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    out["synthetic_write"] = {"articles": n_articles, "statements": n_st, "seconds": round(write_s, 1),
                              "statements_per_s": round(n_st / write_s), "ms_per_article": round(1000 * write_s / n_articles, 2)}
    out["clustering"] = rebuilds
    out["overhead_full_store"] = overhead(conn, results, extract_s, "full")
    print(f"synthetic write: {out['synthetic_write']}")
    print(f"overhead into the full store: {out['overhead_full_store']}")

    # Search: typical queries drawn from the same word distribution.
    freq = Counter(w.lower() for w in synth.words if len(w) > 3)
    ranked = [w for w, _ in freq.most_common()]
    rng = random.Random(2)
    viral = synth.viral[:50]
    queries = (
        [(w, {}) for w in ranked[20:30]]  # common words: many thousands of matches
        + [(w, {}) for w in rng.sample(ranked[200:1000], 10)]
        + [(w, {}) for w in rng.sample(ranked[-2000:], 10)]  # rare words
        + [('"' + " ".join(v.split()[2:5]) + '"', {}) for v in rng.sample(viral, 10)]  # phrases
        + [(w[:4] + "*", {}) for w in rng.sample(ranked[50:500], 5)]  # prefixes
        + [(f"{a} {b}", {}) for a, b in zip(rng.sample(ranked[50:300], 5), rng.sample(ranked[50:300], 5), strict=True)]
        + [(w, {"speaker": synth.people[k][1]}) for k, w in enumerate(rng.sample(ranked[20:200], 5))]
        + [(w, {"since": "2016-01-01", "until": "2016-06-30"}) for w in rng.sample(ranked[20:200], 5)]
        + [(w, {"outlet": "Outlet C"}) for w in rng.sample(ranked[20:200], 5)]
        + [(None, {"speaker": synth.people[k][1]}) for k in range(5)]
    )
    ro = connect(args.db, readonly=True)
    lat, by_group, per_query = [], {}, []
    for q, f in queries:
        search_statements(ro, q, **f)  # warm the cache once per query
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            _, total = search_statements(ro, q, **f)
            runs.append(1000 * (time.perf_counter() - t))
        lat += runs
        by_group.setdefault("filtered" if f else "text", []).extend(runs)
        per_query.append((statistics.median(runs), q, f, total))
    out["search_ms"] = {"queries": len(queries), "runs": len(lat), "p50": round(pct(lat, 50), 2),
                        "p99": round(pct(lat, 99), 2), "max": round(max(lat), 2),
                        **{f"{g}_p50": round(pct(v, 50), 2) for g, v in by_group.items()},
                        **{f"{g}_p99": round(pct(v, 99), 2) for g, v in by_group.items()}}
    out["search_slowest"] = [{"ms": round(ms, 1), "q": q, "filters": f, "matches": n}
                             for ms, q, f, n in sorted(per_query, key=lambda x: -x[0])[:5]]
    print(f"search latency (ms): {out['search_ms']}")
    print(f"slowest queries: {out['search_slowest']}")

    out["drift"] = drift_figures(conn, args.db, write_s, extract_s / n_real * n_st + write_s)
    print(f"drift: {out['drift']}")

    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = Path(args.db).stat().st_size
    n_st = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    out["size"] = {"bytes": size, "statements": n_st, "bytes_per_statement": round(size / n_st)}
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
        out["size"]["by_object_mb"] = {r[0]: round(r[1] / 1e6, 1) for r in rows[:12]}
    except Exception:  # dbstat is a compile-time option
        pass
    print(f"size: {out['size']}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
