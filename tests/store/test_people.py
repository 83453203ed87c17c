"""Speaker gender, anonymous statements and the people each article names: stored (migration
0007), kept right on re-ingest and corrections, exported, and read by old stores."""

from __future__ import annotations

import io
import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from store_fixtures import Q, article

from quotegraph.store import connect, queries, store_result
from quotegraph.store.corrections import correct, undo
from quotegraph.store.export import COLUMNS, rows, write_csv, write_jsonl, write_parquet
from quotegraph.store.migrations import available, split_sql
from quotegraph.store.people import combine_gender, person_key
from quotegraph.store.writer import delete_article
from quotegraph.types import Speaker

ANNA = dict(speaker="Anna Lindqvist", title="mayor")


def _gender(conn, name):
    row = conn.execute("SELECT gender, gender_evidence FROM speakers WHERE name = ?", (name,)).fetchone()
    return tuple(row) if row else None


def _people(conn, article_id):
    return conn.execute("SELECT name, speaker_id IS NOT NULL AS quoted_id, gender, gender_evidence "
                        "FROM article_people WHERE article_id = ? ORDER BY name", (article_id,)).fetchall()


def test_statement_columns_and_people_rows(db):
    r = article([Q("The bridge opens in May", gender="female", evidence="pronoun", **ANNA),
                 Q("Nothing is decided", "officials", type="group", anonymous=True)],
                source="a.md", outlet="Gazette",
                people=[Speaker("Anna Lindqvist", "person", gender="female", gender_evidence="pronoun"),
                        Speaker("Tom Berg", "person", gender="male", gender_evidence="name-list")])
    store_result(db, r)
    st = {s["content"]: s for s in queries.search_statements(db)[0]}
    assert st["The bridge opens in May"]["speaker_gender_in_article"] == "female"
    assert st["The bridge opens in May"]["speaker_gender_evidence_in_article"] == "pronoun"
    assert st["The bridge opens in May"]["anonymous"] is False
    assert st["Nothing is decided"]["anonymous"] is True
    assert st["Nothing is decided"]["speaker_gender_in_article"] is None
    # Everyone named gets a row; only the quoted person has a canonical speaker.
    assert [tuple(p) for p in _people(db, r.article.id)] == [
        ("Anna Lindqvist", 1, "female", "pronoun"), ("Tom Berg", 0, "male", "name-list")]
    assert _gender(db, "Anna Lindqvist") == ("female", "pronoun")


def test_quoted_person_missing_from_people_list_still_counted(db):
    # Records made before `people` existed: the quoted persons are the people.
    r = article([Q("We will rebuild", "Omar Haddad", gender="male", evidence="honorific")], source="b.md")
    store_result(db, r)
    assert [tuple(p) for p in _people(db, r.article.id)] == [("Omar Haddad", 1, "male", "honorific")]


def test_store_wide_gender_follows_the_articles(db):
    first = article([Q("Taxes stay flat", "Anna Lindqvist", gender="female", evidence="name-list")],
                    source="one.md")
    store_result(db, first)
    assert _gender(db, "Anna Lindqvist") == ("female", "name-list")
    second = article([Q("The vote is Tuesday", "Anna Lindqvist", gender="female", evidence="honorific")],
                     source="two.md")
    store_result(db, second)
    assert _gender(db, "Anna Lindqvist") == ("female", "honorific")  # the text beats the list
    delete_article(db, second.article.id)
    assert _gender(db, "Anna Lindqvist") == ("female", "name-list")  # its evidence went with it


def test_reingest_replaces_people_and_gender(db):
    r1 = article([Q("Rates will rise", "Jo Park", gender="female", evidence="pronoun")], source="c.md",
                 url="https://example.org/c")
    store_result(db, r1)
    r2 = article([Q("Rates will rise", "Jo Park", gender="male", evidence="honorific"),
                  Q("Maybe", "a source", type="person", anonymous=True)], source="c.md",
                 url="https://example.org/c", lead="Updated story.")
    store_result(db, r2)
    assert db.execute("SELECT count(*) FROM article_people").fetchone()[0] == 1
    assert _people(db, r1.article.id) == []
    assert _gender(db, "Jo Park") == ("male", "honorific")
    assert db.execute("SELECT count(*) FROM statements WHERE anonymous = 1").fetchone()[0] == 1


@pytest.mark.parametrize(("evidence", "expected"), [
    ([], (None, None)),
    ([("female", "pronoun")], ("female", "pronoun")),
    ([("female", "name-list"), ("male", "role")], ("male", "role")),
    ([("female", "pronoun"), ("male", "honorific")], (None, "contradiction")),
    ([("female", "pronoun")] * 9 + [("male", "pronoun")], ("female", "pronoun")),  # one slip in ten
    ([("female", "pronoun"), ("female", "honorific"), ("female", "honorific")], ("female", "honorific")),
    ([(None, "contradiction")], (None, "contradiction")),
    ([(None, "contradiction"), ("male", "name-list")], ("male", "name-list")),
    ([("male", "name-list"), ("female", "name-list")], (None, "contradiction")),
    ([(None, None), (None, None)], (None, None)),
])
def test_combine_gender(evidence, expected):
    assert combine_gender(evidence) == expected


def test_person_key_folds_titles_and_case():
    assert person_key("Mayor Anna Lindqvist") == person_key("Anna Lindqvist")
    assert person_key("the janitor") == "name|the janitor"


def test_speaker_correction_clears_and_undo_restores(db):
    r = article([Q("Nothing is decided", "a source", anonymous=True, gender="male", evidence="pronoun")],
                source="d.md")
    store_result(db, r)
    sid = queries.search_statements(db)[0][0]["id"]
    correct(db, sid, speaker="Maria Ortiz")
    st = queries.get_statement(db, sid)
    assert st["anonymous"] is False and st["speaker_gender_in_article"] is None
    undo(db, sid, "speaker")
    st = queries.get_statement(db, sid)
    assert st["anonymous"] is True and st["speaker_gender_in_article"] == "male"


def test_exports_carry_the_new_columns(db, tmp_path):
    store_result(db, article([Q("Rates will rise", "Jo Park", gender="female", evidence="role"),
                              Q("Maybe", "officials", type="group", anonymous=True)], source="e.md"))
    for c in ("speaker_gender", "speaker_gender_evidence", "speaker_gender_in_article", "anonymous"):
        assert c in COLUMNS
    got = {r["content"]: r for r in next(rows(db))}
    assert (got["Rates will rise"]["speaker_gender"], got["Maybe"]["speaker_gender"]) == ("female", None)
    assert got["Rates will rise"]["speaker_gender_in_article"] == "female"
    assert got["Rates will rise"]["speaker_gender_evidence_in_article"] == "role"
    assert got["Maybe"]["anonymous"] is True and got["Rates will rise"]["anonymous"] is False
    out = io.StringIO()
    write_jsonl(db, out)
    assert {json.loads(x)["anonymous"] for x in out.getvalue().splitlines()} == {True, False}
    out = io.StringIO()
    write_csv(db, out)
    assert "speaker_gender_evidence" in out.getvalue().splitlines()[0]
    write_parquet(db, str(tmp_path / "s.parquet"))
    t = pq.read_table(tmp_path / "s.parquet").to_pylist()
    assert {r["speaker_gender_in_article"] for r in t} == {"female", None}
    assert sorted(r["anonymous"] for r in t) == [False, True]


def test_people_export_table(db, tmp_path):
    store_result(db, article([Q("Rates will rise", "Jo Park", gender="female", evidence="role")], source="f.md",
                             people=[Speaker("Jo Park", "person", gender="female", gender_evidence="role"),
                                     Speaker("Li Wei", "person")]))
    got = sorted(next(rows(db, table="people")), key=lambda r: r["name"])
    assert [(r["name"], r["gender"], r["quoted"]) for r in got] == [("Jo Park", "female", True), ("Li Wei", None, False)]
    assert [(r["n_speech"], r["speaker_gender"]) for r in got] == [(1, "female"), (0, None)]
    write_parquet(db, str(tmp_path / "p.parquet"), "people")
    assert sorted(r["quoted"] for r in pq.read_table(tmp_path / "p.parquet").to_pylist()) == [False, True]


def test_old_store_migrates_to_unknown_and_false(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, sql in available():
        if name >= "0007":
            break
        for s in split_sql(sql):
            conn.execute(s)
        conn.execute("INSERT INTO migrations VALUES (?, 'then')", (name,))
    conn.execute("INSERT INTO articles (id, source_key, text, ingested_at) VALUES ('a', 'a', 'x', 'then')")
    conn.execute("INSERT INTO speakers (id, name, type, key) VALUES ('sp', 'Jo Park', 'person', 'person|park|jo')")
    conn.execute("INSERT INTO statements (id, article_id, position, kind, content, spans, speaker_id, speaker_type) "
                 "VALUES ('s', 'a', 0, 'direct', 'x', '{\"content\": [[0, 1]]}', 'sp', 'person')")
    conn.close()
    db = connect(path)
    st = queries.get_statement(db, "s")
    assert st["anonymous"] is False and st["speaker_gender_in_article"] is None
    assert tuple(db.execute("SELECT gender, gender_evidence FROM speakers").fetchone()) == (None, None)
    # Quoted persons become the article's people (gender unknown); the article is counted.
    assert [tuple(r) for r in db.execute("SELECT person_key, speaker_id, gender, n_speech FROM article_people")] == [
        ("speaker|sp", "sp", None, 1)]
    assert tuple(db.execute("SELECT s_statements, s_person, a_anonymous FROM article_sources").fetchone()) == (1, 1, 0)


def test_counts_follow_corrections(db):
    from quotegraph.store.sources import Scope, source_stats

    store_result(db, article([Q("Rates will rise", "Jo Park", gender="female", evidence="role"),
                              Q("Maybe", "officials", type="group", anonymous=True)], source="g.md"))
    before = source_stats(db, Scope.parse("none"))["total"]
    assert (before["sources"], before["speakers"]["anonymous"]) == (1, 1)
    sid = next(s["id"] for s in queries.search_statements(db)[0] if s["content"] == "Maybe")
    correct(db, sid, speaker="Omar Haddad")  # the unnamed source was a named person after all
    after = source_stats(db, Scope.parse("none"))["total"]
    assert (after["sources"], after["speakers"]["anonymous"], after["people_quoted"]) == (2, 0, 2)
    correct(db, sid, not_a_statement=True)
    assert source_stats(db, Scope.parse("none"))["total"]["statements"] == 1
    undo(db, sid)
    assert source_stats(db, Scope.parse("none"))["total"]["speakers"]["anonymous"] == 1
