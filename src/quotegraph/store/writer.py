"""The single writer: stores one ArticleResult per transaction, so a crash loses nothing stored."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from ..errors import InputError
from ..ids import content_id
from ..types import Article, ArticleResult, Span, Statement
from . import clusters, corrections, people
from .speakers import (
    PERSON,
    Candidate,
    ParsedName,
    better_name,
    choose,
    context_words,
    parse_name,
    resolve_in_article,
    speaker_id,
)

STORED, REPLACED, UNCHANGED = "stored", "replaced", "unchanged"


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """What storing one article did: stored (new), replaced (new text, same source) or unchanged."""

    status: str
    article_id: str
    statements: int


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def source_key(article: Article) -> str:
    """How versions of one article are recognised: its URL, else its source path, else its id."""
    return article.url or article.source or article.id


def has_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """Whether an article with this content hash is already stored."""
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def validate(result: ArticleResult) -> None:
    """Refuse results whose spans fall outside the article text (InputError with the reason)."""
    n = len(result.article.text)
    for st in result.statements:
        spans = [*st.content, st.cue, st.source, st.addressee, st.venue, st.date_text, st.target_mention]
        for sp in spans:
            if sp is not None and not (0 <= sp.start <= sp.end <= n):
                raise InputError(result.article.source or result.article.id,
                                 f"statement {st.id}: span {sp.start}-{sp.end} outside the text (length {n})")
        if not st.content:
            raise InputError(result.article.source or result.article.id,
                             f"statement {st.id}: no content span")


def store_result(conn: sqlite3.Connection, result: ArticleResult) -> WriteOutcome:
    """Store one article and its statements in one transaction (idempotent by content hash)."""
    validate(result)
    a = result.article
    conn.execute("BEGIN IMMEDIATE")
    try:
        if has_article(conn, a.id):
            conn.execute("COMMIT")
            return WriteOutcome(UNCHANGED, a.id, 0)
        key = source_key(a)
        old = [r[0] for r in conn.execute("SELECT id FROM articles WHERE source_key = ?", (key,))]
        for old_id in old:
            _delete_article(conn, old_id)
        conn.execute(
            "INSERT INTO articles (id, source_key, source, url, title, published, outlet, text, "
            "n_statements, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, key, a.source, a.url, a.title, a.published, a.outlet, a.text,
             len(result.statements), _now()))
        n = _insert_statements(conn, result)
        n -= corrections.reapply(conn, a.id, key)  # a person's corrections outlive re-extraction
        people.recount(conn, a.id)  # what `quotegraph stats` reads of it
        if n != len(result.statements):
            conn.execute("UPDATE articles SET n_statements = ? WHERE id = ?", (n, a.id))
        if a.source:
            conn.execute("DELETE FROM errors WHERE source = ?", (a.source,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return WriteOutcome(REPLACED if old else STORED, a.id, n)


def store_error(conn: sqlite3.Connection, source: str, reason: str) -> None:
    """Record an input that could not be stored (once per source and reason)."""
    conn.execute("INSERT OR IGNORE INTO errors (source, reason, seen_at) VALUES (?, ?, ?)",
                 (source, reason, _now()))


def delete_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """Remove an article with its statements, clusters links and orphaned speakers."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = has_article(conn, article_id)
        if found:
            _delete_article(conn, article_id)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _delete_article(conn: sqlite3.Connection, article_id: str) -> None:
    named = people.article_speakers(conn, article_id)
    remove_statements(conn, "article_id = ?", (article_id,))
    conn.execute("DELETE FROM speakers WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # its people rows go with it
    people.refresh_gender(conn, named)  # the speakers it named lose its evidence


def remove_statements(conn: sqlite3.Connection, where: str, params: tuple) -> list[sqlite3.Row]:
    """Delete the statements matching `where` (inside the caller's transaction) with their cluster
    links and the speakers left without statements; returns the rows as they were."""
    rows = conn.execute(f"SELECT * FROM statements WHERE {where}", params).fetchall()
    for r in rows:
        clusters.forget(conn, r["seq"], r["content"], r["kind"] == "indirect")
    conn.execute(f"DELETE FROM statements WHERE {where}", params)
    clusters.refresh(conn, {r["cluster_id"] for r in rows if r["cluster_id"]}, representative=True)
    drop_orphan_speakers(conn, {r["speaker_id"] for r in rows if r["speaker_id"]})
    return rows


def drop_orphan_speakers(conn: sqlite3.Connection, speaker_ids: set[str]) -> None:
    """Delete those of `speaker_ids` that no statement names any more."""
    for sid in speaker_ids:
        if not conn.execute("SELECT 1 FROM statements WHERE speaker_id = ? LIMIT 1", (sid,)).fetchone():
            conn.execute("DELETE FROM speakers WHERE id = ?", (sid,))


def canonical_speaker(conn: sqlite3.Connection, name: str, type_: str | None,
                      article_id: str) -> str | None:
    """The store-wide speaker id a name means, created if new (None if it is not a name)."""
    p = parse_name(name, type_)
    if p is None:
        return None
    sid = _canonical(conn, p, type_, frozenset(), article_id)
    conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", (sid, name))
    return sid


def _span_list(sp: Span | None) -> list[int] | None:
    return None if sp is None else [sp.start, sp.end]


def _text(sp: Span | None, text: str) -> str | None:
    return None if sp is None else " ".join(text[sp.start:sp.end].split())


def _insert_statements(conn: sqlite3.Connection, result: ArticleResult) -> int:
    text, a = result.article.text, result.article
    speaker_ids, titles = _resolve_speakers(conn, result)
    new: list[clusters.NewQuote] = []
    seen: set[str] = set()
    for pos, st in enumerate(result.statements):
        if st.id in seen:  # the extractor emitted the same statement twice
            continue
        seen.add(st.id)
        sid = st.id
        taken = conn.execute("SELECT 1 FROM statements WHERE id = ?", (sid,)).fetchone()
        if taken:  # the same id in another article: keep both, scoped by this article
            sid = content_id(a.id, st.id)
        content = " … ".join(_text(s, text) or "" for s in st.content)
        spans = {"content": [_span_list(s) for s in st.content], "cue": _span_list(st.cue),
                 "source": _span_list(st.source), "addressee": _span_list(st.addressee),
                 "venue": _span_list(st.venue), "date_text": _span_list(st.date_text),
                 "target": _span_list(st.target_mention)}
        sp, tg = st.speaker, st.target
        cur = conn.execute(
            "INSERT INTO statements (id, article_id, position, kind, content, cue, source, speaker, "
            "speaker_id, speaker_type, title, affiliation, addressee, venue, date, date_text, "
            "confidence, spans, act, act_confidence, target, target_name, target_type, negated, "
            "conditional, speech, speaker_via, speaker_gender, speaker_gender_evidence, anonymous) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sid, a.id, pos, st.kind, content, _text(st.cue, text), _text(st.source, text),
             sp.name if sp else None, speaker_ids.get(pos), sp.type if sp else None,
             (sp.title if sp else None) or titles.get(pos), sp.affiliation if sp else None,
             _text(st.addressee, text), _text(st.venue, text), st.date,
             _text(st.date_text, text), float(st.confidence), json.dumps(spans), st.act,
             float(st.act_confidence), _text(st.target_mention, text), tg.name if tg else None,
             tg.type if tg else None, int(st.negated), int(st.conditional), int(st.speech),
             sp.via if sp else None, sp.gender if sp else None, sp.gender_evidence if sp else None,
             int(st.anonymous)))
        new.append(clusters.NewQuote(cur.lastrowid or 0, sid, content, st.kind == "indirect"))
    clusters.assign(conn, new)  # marks grown clusters stale; ingest refreshes them at the end
    people.refresh_gender(conn, people.store_people(conn, result, speaker_ids))
    return len(new)


def _resolve_speakers(conn: sqlite3.Connection, result: ArticleResult
                      ) -> tuple[dict[int, str], dict[int, str]]:
    """Map statement positions to canonical speaker ids (and titles stripped from names)."""
    sts: list[tuple[int, Statement]] = [(i, s) for i, s in enumerate(result.statements) if s.speaker]
    parsed = [parse_name(s.speaker.name, s.speaker.type) for _, s in sts]  # type: ignore[union-attr]
    contexts = [context_words(s.speaker.title, s.speaker.affiliation, p.title if p else None)  # type: ignore[union-attr]
                for (_, s), p in zip(sts, parsed, strict=True)]
    resolved = resolve_in_article(parsed, contexts)
    ids: dict[int, str] = {}
    titles: dict[int, str] = {}
    cache: dict[str, str] = {}
    for (pos, st), p, r, ctx in zip(sts, parsed, resolved, contexts, strict=True):
        if p is None or r is None:
            continue
        if p.title:
            titles[pos] = p.title
        if r == "ambiguous":
            # Two people share this surname here: a speaker of its own, never merged with either.
            key = f"{p.key}?{result.article.id}"
            sid = _ensure(conn, key, p, st.speaker.type, article_id=result.article.id)  # type: ignore[union-attr]
        else:
            assert isinstance(r, ParsedName)
            if r.key not in cache:
                cache[r.key] = _canonical(conn, r, st.speaker.type, ctx, result.article.id)  # type: ignore[union-attr]
            sid = cache[r.key]
        ids[pos] = sid
        conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)",
                     (sid, st.speaker.name))  # type: ignore[union-attr]
    return ids, titles


def _ensure(conn: sqlite3.Connection, key: str, p: ParsedName, type_: str | None,
            article_id: str | None = None) -> str:
    sid = speaker_id(key)
    stype = PERSON if p.kind == PERSON else (type_ or "unknown")
    conn.execute("INSERT OR IGNORE INTO speakers (id, name, type, key, surname_key, given_key, "
                 "article_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (sid, p.display, stype, key, p.surname_key, p.given_key, article_id))
    return sid


def _canonical(conn: sqlite3.Connection, p: ParsedName, type_: str | None,
               ctx: frozenset[str], article_id: str) -> str:
    """Find or create the store-wide speaker for a resolved mention (surname plus context)."""
    if p.kind != PERSON:
        return _ensure(conn, p.key, p, type_)
    rows = conn.execute("SELECT id, name, given_key FROM speakers WHERE surname_key = ? "
                        "AND article_id IS NULL", (p.surname_key,)).fetchall()
    cands = [Candidate(r["id"], r["given_key"] or "", _context(conn, r["id"]) if ctx else frozenset())
             for r in rows]
    hit = choose(p, cands, ctx)
    if hit is None:
        if not p.given_key and any(c.given_key for c in cands):
            # A bare surname that could be one of several people: keep it apart, never guess.
            return _ensure(conn, f"{p.key}?{article_id}", p, type_, article_id=article_id)
        sid = _ensure(conn, p.key, p, type_)
    else:
        sid = hit.id
        row = next(r for r in rows if r["id"] == sid)
        if p.given_key and len(p.given_key) > len(hit.given_key):
            # "Konashenkov" seen first, "Igor Konashenkov" now: the speaker gains the given name.
            conn.execute("UPDATE OR IGNORE speakers SET name = ?, given_key = ?, key = ? WHERE id = ?",
                         (better_name(row["name"], p.display), p.given_key, p.key, sid))
    if p.given_key:
        _absorb_bare(conn, p, sid)
    return sid


def _absorb_bare(conn: sqlite3.Connection, p: ParsedName, sid: str) -> None:
    """Fold an earlier bare-surname speaker into this person when they are its only full name."""
    rows = conn.execute("SELECT id, given_key FROM speakers WHERE surname_key = ? AND "
                        "article_id IS NULL AND id != ?", (p.surname_key, sid)).fetchall()
    named = [r for r in rows if r["given_key"] and len(r["given_key"]) > 1]
    if named:
        return
    for r in rows:
        if r["given_key"] and r["given_key"][0] != (p.given_key or "")[:1]:
            continue
        conn.execute("UPDATE statements SET speaker_id = ? WHERE speaker_id = ?", (sid, r["id"]))
        people.merge_speaker(conn, r["id"], sid)
        conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) "
                     "SELECT ?, alias FROM speaker_aliases WHERE speaker_id = ?", (sid, r["id"]))
        conn.execute("DELETE FROM speakers WHERE id = ?", (r["id"],))


def _context(conn: sqlite3.Connection, sid: str) -> frozenset[str]:
    rows = conn.execute("SELECT DISTINCT title, affiliation FROM statements WHERE speaker_id = ? "
                        "LIMIT 50", (sid,)).fetchall()
    return context_words(*(x for r in rows for x in (r["title"], r["affiliation"])))
