"""Near-duplicate quotes across articles: MinHash LSH over word bigrams, verified exactly."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from ..ids import content_id

NUM_PERM = 48
BANDS, ROWS = 16, 3  # candidate threshold about (1/16)^(1/3) = 0.4 Jaccard; verification decides
SEED = 7  # fixed: band keys are persisted, so signatures must never change between runs
MIN_TOKENS = 6  # shorter quotes ("no comment") recur by chance, not because one was copied
# A reporter's paraphrase (an indirect statement) is the reporter's words: short phrases such as
# "to build a wall on the U.S.-Mexico border" recur in unrelated statements, so an indirect one
# needs more words, and two thirds of the length of what it matches (docs/drift.md, cluster
# precision on PolNeAR + GGT).
MIN_TOKENS_INDIRECT = 8
MIN_LENGTH_RATIO_INDIRECT = 0.67
MAX_CANDIDATES = 200  # a quote repeated everywhere needs only a few links to join its cluster
CHECKS_PER_CLUSTER = 8  # members of one cluster checked per new quote; any match joins them all
MIN_UNIGRAM_CONTAINMENT = 0.8
MIN_BIGRAM_CONTAINMENT = 0.5

ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\[…\]|…|\.{3,}|(?:\. ){2,}\.")
_TOKEN = re.compile(r"\w+(?:'\w+)*")
# One character for one, so offsets survive it (store/align.py relies on that).
MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"'})


def fold(text: str) -> str:
    """Text with compatibility forms, quote-mark styles and case folded, as clusters compare it."""
    return unicodedata.normalize("NFKC", text).translate(MARKS).casefold()


def tokens(text: str) -> tuple[str, ...]:
    """Words of a quote with case, accents, quote marks, punctuation and ellipses folded away."""
    return tuple(_TOKEN.findall(ELLIPSIS.sub(" ", fold(text))))


def bigrams(toks: Sequence[str]) -> frozenset[str]:
    """Word bigram shingles (single words for a one-word quote)."""
    if len(toks) < 2:
        return frozenset(toks)
    return frozenset(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))


def clusterable(toks: Sequence[str], indirect: bool = False) -> bool:
    """Whether a quote (or, with `indirect`, a paraphrase) is long enough to be matched."""
    return len(toks) >= (MIN_TOKENS_INDIRECT if indirect else MIN_TOKENS)


def same_quote(a: Sequence[str], b: Sequence[str], a_indirect: bool = False,
               b_indirect: bool = False) -> bool:
    """Exact check on a candidate pair: the shorter quote is (nearly) contained in the longer.

    Containment, not Jaccard, so a truncated quote still matches its full version; both word
    and bigram containment, so sharing common words alone is not enough. A paraphrase must
    also be at least MIN_LENGTH_RATIO_INDIRECT as long as the other.
    """
    if not (clusterable(a, a_indirect) and clusterable(b, b_indirect)):
        return False
    if (a_indirect or b_indirect) and min(len(a), len(b)) < MIN_LENGTH_RATIO_INDIRECT * max(len(a), len(b)):
        return False
    ua, ub = set(a), set(b)
    if len(ua & ub) / min(len(ua), len(ub)) < MIN_UNIGRAM_CONTAINMENT:
        return False
    ba, bb = bigrams(a), bigrams(b)
    return len(ba & bb) / min(len(ba), len(bb)) >= MIN_BIGRAM_CONTAINMENT


def signatures(token_lists: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """MinHash signatures (NUM_PERM uint values) of each quote's bigrams."""
    sets = [[s.encode("utf-8") for s in sorted(bigrams(t))] for t in token_lists]
    return [m.hashvalues for m in MinHash.bulk(sets, num_perm=NUM_PERM, seed=SEED)]


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 32-bit key per LSH band (band index mixed in), for an indexed lookup.

    32 bits keep the index small; a rare chance collision only adds a candidate that the exact
    check then rejects.
    """
    keys = []
    for b in range(BANDS):
        h = hashlib.blake2b(signature[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=4,
                            salt=b.to_bytes(2, "little"))
        keys.append(int.from_bytes(h.digest(), "little", signed=True))
    return keys


def cluster_id(founder_statement_id: str) -> str:
    """A cluster's id, derived from the statement that founded it."""
    return content_id("cluster", founder_statement_id)


@dataclass(frozen=True, slots=True)
class NewQuote:
    """A just-inserted statement to place in a cluster."""

    seq: int
    id: str
    content: str
    indirect: bool = False  # an indirect statement: the reporter's words (see clusterable)


def assign(conn: sqlite3.Connection, quotes: Sequence[NewQuote]) -> set[str]:
    """Index new statements' band keys and join them to matching clusters; returns touched ids.

    Runs inside the writer's transaction. Cost per statement is BANDS index lookups plus at most
    MAX_CANDIDATES exact checks, so the whole store clusters in near-linear time.
    """
    toks = [tokens(q.content) for q in quotes]
    todo = [(q, t) for q, t in zip(quotes, toks, strict=True) if clusterable(t, q.indirect)]
    if not todo:
        return set()
    touched: set[str] = set()
    for (q, t), sig in zip(todo, signatures([t for _, t in todo]), strict=True):
        keys = band_keys(sig)
        marks = ",".join("?" * len(keys))
        cands = conn.execute(
            f"SELECT DISTINCT b.seq, s.cluster_id FROM cluster_bands b JOIN statements s "
            f"ON s.seq = b.seq WHERE b.key IN ({marks}) AND b.seq != ? LIMIT {MAX_CANDIDATES}",
            (*keys, q.seq)).fetchall()
        conn.executemany("INSERT OR IGNORE INTO cluster_bands (key, seq) VALUES (?, ?)",
                         [(k, q.seq) for k in keys])
        matches = _verify(conn, t, q.indirect, cands)
        if matches:
            touched.add(_join(conn, q, t, matches))
    return touched


def _verify(conn: sqlite3.Connection, t: Sequence[str], indirect: bool,
            cands: Sequence[sqlite3.Row]) -> list[sqlite3.Row]:
    """Exact-check candidates, but only a few per existing cluster: one match joins it all."""
    per_cluster: dict[str, int] = {}
    picked = []
    for c in cands:
        cid = c["cluster_id"]
        if cid is not None:
            per_cluster[cid] = per_cluster.get(cid, 0) + 1
            if per_cluster[cid] > CHECKS_PER_CLUSTER:
                continue
        picked.append(c["seq"])
    if not picked:
        return []
    rows = conn.execute(f"SELECT seq, id, content, kind, cluster_id FROM statements WHERE seq IN "
                        f"({','.join('?' * len(picked))}) ORDER BY seq", picked).fetchall()
    matched: list[sqlite3.Row] = []
    done: set[str] = set()
    for r in rows:
        if r["cluster_id"] in done:
            continue
        if same_quote(t, tokens(r["content"]), indirect, r["kind"] == "indirect"):
            matched.append(r)
            if r["cluster_id"]:
                done.add(r["cluster_id"])
    return matched


def _join(conn: sqlite3.Connection, q: NewQuote, t: Sequence[str],
          matches: Sequence[sqlite3.Row]) -> str:
    existing = {m["cluster_id"] for m in matches if m["cluster_id"]}
    if existing:
        sizes = {c: conn.execute("SELECT n_statements FROM clusters WHERE id = ?", (c,)).fetchone()
                 for c in existing}
        # Keep the biggest cluster's id (ties: smallest id) so ids move as little as possible.
        target = min(existing, key=lambda c: (-(sizes[c][0] if sizes[c] else 0), c))
    else:
        founder = min(matches, key=lambda m: m["seq"])
        target = cluster_id(founder["id"])
        conn.execute("INSERT OR IGNORE INTO clusters (id, representative, n_statements, n_articles, "
                     "n_outlets) VALUES (?, ?, 0, 0, 0)", (target, founder["content"]))
    for other in existing - {target}:
        conn.execute("UPDATE statements SET cluster_id = ? WHERE cluster_id = ?", (target, other))
        conn.execute("DELETE FROM clusters WHERE id = ?", (other,))
    seqs = [q.seq] + [m["seq"] for m in matches if not m["cluster_id"]]
    conn.executemany("UPDATE statements SET cluster_id = ? WHERE seq = ?", [(target, s) for s in seqs])
    # The representative has the most words (truncated copies are the usual variants); among
    # equals the earlier one stays, so marks and ellipses added by copiers do not win.
    rep = conn.execute("SELECT representative FROM clusters WHERE id = ?", (target,)).fetchone()[0]
    for text in [m["content"] for m in matches] + [q.content]:
        if len(tokens(text)) > len(tokens(rep)):
            rep = text
    conn.execute("UPDATE clusters SET representative = ?, stale = 1 WHERE id = ?", (rep, target))
    return target


def refresh(conn: sqlite3.Connection, ids: Iterable[str], representative: bool = False) -> None:
    """Recompute clusters' summary columns (and, after removals, the representative wording).

    A cluster left with fewer than 2 members is dissolved.
    """
    for cid in ids:
        row = conn.execute(
            "SELECT count(*), count(DISTINCT s.article_id), count(DISTINCT coalesce(a.outlet, a.url, a.source)), "
            "min(coalesce(s.date, a.published)), max(coalesce(s.date, a.published)) "
            "FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.cluster_id = ?",
            (cid,)).fetchone()
        if row[0] < 2:
            conn.execute("UPDATE statements SET cluster_id = NULL WHERE cluster_id = ?", (cid,))
            conn.execute("DELETE FROM clusters WHERE id = ?", (cid,))
            continue
        conn.execute("UPDATE clusters SET n_statements = ?, n_articles = ?, n_outlets = ?, "
                     "first_date = ?, last_date = ?, stale = 0 WHERE id = ?", (*row, cid))
        if representative:
            members = conn.execute("SELECT content FROM statements WHERE cluster_id = ? ORDER BY seq "
                                   "LIMIT ?", (cid, MAX_CANDIDATES)).fetchall()
            rep = max((m[0] for m in members), key=lambda c: len(tokens(c)))
            conn.execute("UPDATE clusters SET representative = ? WHERE id = ?", (rep, cid))


def refresh_stale(conn: sqlite3.Connection, batch: int = 500) -> int:
    """Refresh the summaries of clusters that grew since the last refresh; returns how many."""
    n = 0
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            ids = [r[0] for r in conn.execute("SELECT id FROM clusters WHERE stale = 1 LIMIT ?", (batch,))]
            refresh(conn, ids)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        n += len(ids)
        if len(ids) < batch:
            return n


def forget(conn: sqlite3.Connection, seq: int, content: str, indirect: bool = False) -> None:
    """Remove a statement's band keys (recomputed, since they are a pure function of content)."""
    t = tokens(content)
    if clusterable(t, indirect):
        conn.executemany("DELETE FROM cluster_bands WHERE key = ? AND seq = ?",
                         [(k, seq) for k in band_keys(signatures([t])[0])])


def rebuild(conn: sqlite3.Connection, batch: int = 5000) -> int:
    """Recompute every band key, cluster and cluster drift from scratch in one transaction;
    returns the number of clusters."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("UPDATE statements SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
        conn.execute("DELETE FROM clusters")
        conn.execute("DELETE FROM cluster_bands")
        buckets: dict[int, list[int]] = {}
        parent: dict[int, int] = {}
        content: dict[int, tuple[str, ...]] = {}
        indirect: dict[int, bool] = {}
        ids: dict[int, str] = {}

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        rows = conn.execute("SELECT seq, id, content, kind FROM statements ORDER BY seq")
        while chunk := rows.fetchmany(batch):
            todo = [(r[0], r[1], tokens(r[2]), r[3] == "indirect") for r in chunk]
            todo = [x for x in todo if clusterable(x[2], x[3])]
            band_rows = []
            for (seq, sid, t, ind), sig in zip(todo, signatures([x[2] for x in todo]), strict=True):
                content[seq], ids[seq], parent[seq], indirect[seq] = t, sid, seq, ind
                seen: set[int] = set()
                checks: dict[int, int] = {}  # exact checks per existing group, as in assign()
                for k in band_keys(sig):
                    band_rows.append((k, seq))
                    bucket = buckets.setdefault(k, [])
                    for other in bucket:
                        if other in seen:
                            continue
                        seen.add(other)
                        root = find(other)
                        if root == find(seq) or checks.get(root, 0) >= CHECKS_PER_CLUSTER:
                            continue
                        checks[root] = checks.get(root, 0) + 1
                        if same_quote(t, content[other], ind, indirect[other]):
                            mine = find(seq)
                            parent[max(root, mine)] = min(root, mine)
                    # The first MAX_CANDIDATES holders of a band value stand for all later ones.
                    if len(bucket) < MAX_CANDIDATES:
                        bucket.append(seq)
            conn.executemany("INSERT OR IGNORE INTO cluster_bands (key, seq) VALUES (?, ?)", band_rows)
        groups: dict[int, list[int]] = {}
        for seq in parent:
            groups.setdefault(find(seq), []).append(seq)
        made = []
        for root, members in groups.items():
            if len(members) < 2:
                continue
            cid = cluster_id(ids[root])
            conn.execute("INSERT INTO clusters (id, representative, n_statements, n_articles, "
                         "n_outlets) VALUES (?, '', 0, 0, 0)", (cid,))
            conn.executemany("UPDATE statements SET cluster_id = ? WHERE seq = ?",
                             [(cid, s) for s in members])
            made.append(cid)
        refresh(conn, made, representative=True)
        from .drift import update  # drift aligns with this module's folding: imported late

        update(conn, made)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(made)
