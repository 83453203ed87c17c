"""Corrections a person makes to stored statements: a speaker, an act, or "not a statement".

A correction is a row of its own (migration 0005) and is applied to the statement it names;
the statement keeps a `corrected` list of the fields changed and the correction keeps what the
extractor had (`was`), so it can be shown, exported and undone. When an article is stored
again (a changed version, or a re-extraction), `reapply` finds each correction's statement by
its id, else by the same content offsets, else by the same words, and applies it again.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Any

from ..errors import QueryError
from . import clusters, people, writer
from .queries import find_speaker_ids

ORIGINS = ("cli", "web")
_SPEAKER_COLUMNS = ("speaker", "speaker_id", "speaker_type", "title", "affiliation", "speaker_via",
                    "speaker_gender", "speaker_gender_evidence", "anonymous")
MAX_NAME = 200
MAX_NOTE = 1000


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _content_spans(row: sqlite3.Row) -> str:
    return json.dumps(json.loads(row["spans"])["content"])


def correct(conn: sqlite3.Connection, statement_id: str, *, speaker: str | None = None,
            not_a_statement: bool = False, act: str | None = None, note: str | None = None,
            origin: str = "cli", acts: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Record and apply one correction to a stored statement; returns the correction.

    Exactly one of `speaker` (a name, alias or speaker id), `not_a_statement` and `act` (one of
    `acts`) is given. A later correction of the same field replaces the earlier one.
    """
    chosen = [f for f, v in (("speaker", speaker), ("not_a_statement", not_a_statement), ("act", act)) if v]
    if len(chosen) != 1:
        raise QueryError("give exactly one correction: a speaker, an act, or not a statement")
    field = chosen[0]
    value = (speaker or act or "").strip() or None
    if speaker is not None and not (0 < len(speaker.strip()) <= MAX_NAME):
        raise QueryError(f"a speaker name is 1 to {MAX_NAME} characters")
    if act is not None and acts is not None and act not in acts:
        raise QueryError(f"unknown act {act!r} (expected one of {', '.join(acts)})")
    if note is not None and len(note) > MAX_NOTE:
        raise QueryError(f"a note is at most {MAX_NOTE} characters")
    if origin not in ORIGINS:
        raise ValueError(f"origin must be one of {ORIGINS}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT s.*, a.source_key FROM statements s JOIN articles a "
                           "ON a.id = s.article_id WHERE s.id = ?", (statement_id,)).fetchone()
        if row is None:
            raise QueryError(_missing(conn, statement_id))
        prior = conn.execute("SELECT * FROM corrections WHERE statement_id = ? AND field = ?",
                             (statement_id, field)).fetchone()
        if prior is not None:  # the extractor's values are what the first correction saved
            _undo(conn, prior, row)
            row = conn.execute("SELECT s.*, a.source_key FROM statements s JOIN articles a "
                               "ON a.id = s.article_id WHERE s.id = ?", (statement_id,)).fetchone()
        cid = conn.execute(
            "INSERT INTO corrections (statement_id, article_id, source_key, content_spans, content, "
            "field, value, was, note, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?)",
            (row["id"], row["article_id"], row["source_key"], _content_spans(row), row["content"],
             field, value, note, origin, _now())).lastrowid
        c = conn.execute("SELECT * FROM corrections WHERE id = ?", (cid,)).fetchone()
        _apply(conn, c, row)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return get(conn, cid)  # type: ignore[return-value]


def _missing(conn: sqlite3.Connection, statement_id: str) -> str:
    gone = conn.execute("SELECT id FROM corrections WHERE statement_id = ? AND field = 'not_a_statement'",
                        (statement_id,)).fetchone()
    if gone:
        return (f"statement {statement_id!r} is marked not a statement (correction {gone[0]}); "
                f"undo that first with `quotegraph correct {statement_id} --undo`")
    return f"no statement with id {statement_id!r}"


def _apply(conn: sqlite3.Connection, c: sqlite3.Row, row: sqlite3.Row) -> None:
    """Apply correction `c` to the stored statement `row` and save what it replaced."""
    if c["field"] == "not_a_statement":
        was = {k: row[k] for k in row.keys() if k not in ("seq", "source_key")}  # noqa: SIM118 (a Row iterates values)
        writer.remove_statements(conn, "seq = ?", (row["seq"],))
        conn.execute("UPDATE articles SET n_statements = n_statements - 1 WHERE id = ?",
                     (row["article_id"],))
    elif c["field"] == "speaker":
        was = {k: row[k] for k in _SPEAKER_COLUMNS}
        sid, name, type_ = _speaker(conn, c["value"], row["article_id"])
        # A person named by a correction is not anonymous; their gender is the canonical speaker's.
        conn.execute("UPDATE statements SET speaker = ?, speaker_id = ?, speaker_type = ?, title = NULL, "
                     "affiliation = NULL, speaker_via = NULL, speaker_gender = NULL, "
                     "speaker_gender_evidence = NULL, anonymous = 0 WHERE seq = ?", (name, sid, type_, row["seq"]))
        if row["speaker_id"] and row["speaker_id"] != sid:
            writer.drop_orphan_speakers(conn, {row["speaker_id"]})
    else:
        was = {"act": row["act"], "act_confidence": row["act_confidence"]}
        conn.execute("UPDATE statements SET act = ?, act_confidence = 1.0 WHERE seq = ?",
                     (c["value"], row["seq"]))
    if c["field"] != "not_a_statement":
        fields = [f for f in (row["corrected"] or "").split(",") if f and f != c["field"]]
        conn.execute("UPDATE statements SET corrected = ? WHERE seq = ?",
                     (",".join(sorted([*fields, c["field"]])), row["seq"]))
    # `was` is what this extraction had, so undoing a re-applied correction restores the latest.
    conn.execute("UPDATE corrections SET statement_id = ?, article_id = ?, content_spans = ?, "
                 "content = ?, was = ?, applied = 1 WHERE id = ?",
                 (row["id"], row["article_id"], _content_spans(row), row["content"], json.dumps(was),
                  c["id"]))
    people.recount(conn, row["article_id"])  # who gets quoted in it may have changed


def _speaker(conn: sqlite3.Connection, name: str, article_id: str) -> tuple[str | None, str, str]:
    """(speaker id, display name, type) for a corrected speaker: an existing one, else a new one."""
    ids = find_speaker_ids(conn, name)
    if len(ids) > 1:
        exact = [r["id"] for r in conn.execute(
            f"SELECT id FROM speakers WHERE id IN ({','.join('?' * len(ids))}) AND name = ? COLLATE NOCASE",
            (*ids, name))]
        if len(exact) != 1:
            names = [r[0] for r in conn.execute(
                f"SELECT name || ' (' || id || ')' FROM speakers WHERE id IN ({','.join('?' * len(ids))})", ids)]
            raise QueryError(f"{name!r} could be {len(ids)} speakers: {'; '.join(names)}; "
                             "give the full name or the id")
        ids = exact
    if ids:  # someone already in the store: shown under their canonical name
        sp = conn.execute("SELECT name, type FROM speakers WHERE id = ?", (ids[0],)).fetchone()
        if name != ids[0]:
            conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)",
                         (ids[0], name))
        return ids[0], sp["name"], sp["type"]
    sid = writer.canonical_speaker(conn, name, None, article_id)
    if sid is None:
        return None, name, "unknown"
    sp = conn.execute("SELECT name, type FROM speakers WHERE id = ?", (sid,)).fetchone()
    return sid, sp["name"], sp["type"]


def _undo(conn: sqlite3.Connection, c: sqlite3.Row, row: sqlite3.Row | None) -> None:
    """Put back what correction `c` replaced on statement `row` (None if it removed it)."""
    was = json.loads(c["was"])
    if c["field"] == "not_a_statement":
        if row is None and was:
            _restore(conn, was)
    elif row is not None and was:
        if c["field"] == "speaker":
            sid = was["speaker_id"]
            if sid and not conn.execute("SELECT 1 FROM speakers WHERE id = ?", (sid,)).fetchone():
                sid = writer.canonical_speaker(conn, was["speaker"], was["speaker_type"], row["article_id"])
            # Corrections saved before issue 17 have no gender or anonymous in `was`.
            conn.execute("UPDATE statements SET speaker = ?, speaker_id = ?, speaker_type = ?, title = ?, "
                         "affiliation = ?, speaker_via = ?, speaker_gender = ?, speaker_gender_evidence = ?, "
                         "anonymous = ? WHERE seq = ?",
                         (was["speaker"], sid, was["speaker_type"], was["title"], was["affiliation"],
                          was["speaker_via"], was.get("speaker_gender"), was.get("speaker_gender_evidence"),
                          int(was.get("anonymous") or 0), row["seq"]))
            if row["speaker_id"] and row["speaker_id"] != sid:
                writer.drop_orphan_speakers(conn, {row["speaker_id"]})
        else:
            conn.execute("UPDATE statements SET act = ?, act_confidence = ? WHERE seq = ?",
                         (was["act"], was["act_confidence"], row["seq"]))
        fields = [f for f in (row["corrected"] or "").split(",") if f and f != c["field"]]
        conn.execute("UPDATE statements SET corrected = ? WHERE seq = ?", (",".join(fields) or None, row["seq"]))
    conn.execute("DELETE FROM corrections WHERE id = ?", (c["id"],))
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (c["article_id"],)).fetchone():
        people.recount(conn, c["article_id"])


def _restore(conn: sqlite3.Connection, was: dict[str, Any]) -> None:
    """Store a removed statement again, as it was."""
    if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (was["article_id"],)).fetchone():
        return  # its article version is gone; the next ingest of the article brings it back
    sid = was["speaker_id"]
    if sid and not conn.execute("SELECT 1 FROM speakers WHERE id = ?", (sid,)).fetchone():
        was = {**was, "speaker_id": writer.canonical_speaker(conn, was["speaker"], was["speaker_type"],
                                                             was["article_id"])}
    was = {**was, "cluster_id": None}
    cols = list(was)
    cur = conn.execute(f"INSERT INTO statements ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [was[k] for k in cols])
    grown = clusters.assign(conn, [clusters.NewQuote(cur.lastrowid or 0, was["id"], was["content"],
                                                     was["kind"] == "indirect")])
    clusters.refresh(conn, grown)
    conn.execute("UPDATE articles SET n_statements = n_statements + 1 WHERE id = ?", (was["article_id"],))


def undo(conn: sqlite3.Connection, statement_id: str, field: str | None = None) -> int:
    """Remove the corrections of a statement (one field, or all) and put back what they replaced."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        cs = conn.execute("SELECT * FROM corrections WHERE statement_id = ?"
                          + (" AND field = ?" if field else "") + " ORDER BY id DESC",
                          (statement_id, field) if field else (statement_id,)).fetchall()
        for c in cs:
            row = conn.execute("SELECT * FROM statements WHERE id = ?", (statement_id,)).fetchone()
            _undo(conn, c, row)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return len(cs)


def reapply(conn: sqlite3.Connection, article_id: str, source_key: str) -> int:
    """Apply again the corrections of an article just stored (inside the writer's transaction).

    Each correction finds its statement by id, else by the same content offsets in the same
    article version, else by the same words in a changed version. Returns how many statements
    were removed (not-a-statement corrections), for the article's count.
    """
    removed = 0
    rows = conn.execute("SELECT * FROM corrections WHERE source_key = ? ORDER BY id", (source_key,)).fetchall()
    for c in rows:
        row = conn.execute("SELECT * FROM statements WHERE id = ? AND article_id = ?",
                           (c["statement_id"], article_id)).fetchone()
        if row is None and c["article_id"] == article_id:
            row = next((r for r in conn.execute("SELECT * FROM statements WHERE article_id = ?", (article_id,))
                        if _content_spans(r) == c["content_spans"]), None)
        if row is None:
            row = conn.execute("SELECT * FROM statements WHERE article_id = ? AND content = ? ORDER BY position "
                               "LIMIT 1", (article_id, c["content"])).fetchone()
        if row is None:
            conn.execute("UPDATE corrections SET applied = 0 WHERE id = ?", (c["id"],))
            continue
        clash = conn.execute("SELECT id FROM corrections WHERE statement_id = ? AND field = ? AND id != ?",
                             (row["id"], c["field"], c["id"])).fetchone()
        if clash:  # two corrections now meet on one statement: the later one stands
            conn.execute("DELETE FROM corrections WHERE id = ?", (clash[0],))
        _apply(conn, c, row)
        removed += c["field"] == "not_a_statement"
    return removed


def get(conn: sqlite3.Connection, correction_id: int) -> dict[str, Any] | None:
    """One correction as a plain dict (`was` decoded), or None."""
    r = conn.execute("SELECT * FROM corrections WHERE id = ?", (correction_id,)).fetchone()
    return _item(r) if r else None


def _item(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    d["was"] = json.loads(d["was"])
    d["content_spans"] = json.loads(d["content_spans"])
    d["applied"] = bool(d["applied"])
    return d


def list_corrections(conn: sqlite3.Connection, statement_ids: list[str] | None = None
                     ) -> list[dict[str, Any]]:
    """Corrections, oldest first (only those of `statement_ids` when given).

    Item shape: {id, statement_id, article_id, source_key, content_spans, content, field, value,
    was, note, origin, created_at, applied}; `was` holds what the extractor had.
    """
    if statement_ids is not None:
        ids = sorted(set(statement_ids))
        if not ids:
            return []
        rows = conn.execute(f"SELECT * FROM corrections WHERE statement_id IN ({','.join('?' * len(ids))}) "
                            "ORDER BY id", ids)
    else:
        rows = conn.execute("SELECT * FROM corrections ORDER BY id")
    return [_item(r) for r in rows]
