"""Corrections: their own table, applied to the statement, shown, exported, undone, and kept
through re-ingest and re-extraction (matched by id, else offsets, else the same words)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from store_fixtures import Q, article

from quotegraph.cli import cli
from quotegraph.errors import QueryError
from quotegraph.ids import content_id
from quotegraph.store import connect, queries, store_result
from quotegraph.store import corrections as C
from quotegraph.store.export import rows, write_jsonl, write_parquet
from quotegraph.types import ArticleResult
from quotegraph.vocab import ACTS

QUOTES = [Q("We will never give up on the peace process in the region", "Igor Konashenkov"),
          Q("The moderate opposition has regrouped near the city once again", "Maria Zakharova"),
          Q("Nobody here wants this war to go on for another year at all", "Maria Zakharova")]


def _result(**kw) -> ArticleResult:
    return article(QUOTES, source="rt.md", outlet="RT", url="https://rt.example/1", **kw)


@pytest.fixture
def store(db):
    store_result(db, _result())
    return db


def _id(conn, words: str) -> str:
    return queries.search_statements(conn, f'"{words}"')[0][0]["id"]


def _stats(conn):
    return {r["name"]: r["n_statements"] for r in conn.execute(
        "SELECT sp.name, st.n_statements FROM speaker_stats st JOIN speakers sp ON sp.id = st.speaker_id")}


def test_speaker_correction_is_applied_shown_and_undone(store):
    sid = _id(store, "peace process")
    c = C.correct(store, sid, speaker="Maria Zakharova", note="the video shows her")
    assert c["field"] == "speaker" and c["was"]["speaker"] == "Igor Konashenkov" and c["origin"] == "cli"
    item = queries.get_statement(store, sid)
    assert item["speaker"]["name"] == "Maria Zakharova" and item["corrected"] == ["speaker"]
    assert queries.search_statements(store, None, speaker="Zakharova")[1] == 3
    assert _stats(store) == {"Maria Zakharova": 3}  # Konashenkov had no other statement
    assert queries.search_statements(store, "Zakharova")[1] == 3  # the name as written is searched
    assert C.undo(store, sid) == 1
    item = queries.get_statement(store, sid)
    assert item["speaker"]["name"] == "Igor Konashenkov" and item["corrected"] == []
    assert _stats(store) == {"Maria Zakharova": 2, "Igor Konashenkov": 1}
    assert C.list_corrections(store) == []


def test_a_new_name_becomes_a_speaker(store):
    sid = _id(store, "peace process")
    C.correct(store, sid, speaker="Sergey Shoigu")
    assert queries.get_statement(store, sid)["speaker"]["name"] == "Sergey Shoigu"
    assert queries.find_speaker_ids(store, "Shoigu")


def test_act_correction(store):
    sid = _id(store, "peace process")
    C.correct(store, sid, act="offer", acts=ACTS)
    item = queries.get_statement(store, sid)
    assert item["act"] == "offer" and item["act_confidence"] == 1.0 and item["corrected"] == ["act"]
    C.correct(store, sid, act="threat", acts=ACTS)  # a later correction of the same field replaces it
    assert [c["value"] for c in C.list_corrections(store)] == ["threat"]
    assert C.list_corrections(store)[0]["was"]["act"] is None  # still what the extractor had
    with pytest.raises(QueryError, match="unknown act"):
        C.correct(store, sid, act="shouting", acts=ACTS)


def test_not_a_statement_removes_it_everywhere_and_undo_restores(store):
    sid = _id(store, "moderate opposition")
    C.correct(store, sid, not_a_statement=True, note="scare quotes")
    assert queries.get_statement(store, sid) is None
    assert queries.search_statements(store, "moderate")[1] == 0
    assert store.execute("SELECT n_statements FROM articles").fetchone()[0] == 2
    assert _stats(store)["Maria Zakharova"] == 1
    with pytest.raises(QueryError, match="marked not a statement"):
        C.correct(store, sid, speaker="Someone Else")
    C.undo(store, sid)
    assert queries.get_statement(store, sid)["content"].startswith("The moderate opposition")
    assert store.execute("SELECT n_statements FROM articles").fetchone()[0] == 3
    assert _stats(store)["Maria Zakharova"] == 2


@pytest.mark.parametrize("kwargs", [{}, {"speaker": "A B", "act": "threat"}, {"speaker": "  "}])
def test_exactly_one_correction(store, kwargs):
    with pytest.raises(QueryError):
        C.correct(store, _id(store, "peace process"), **kwargs)


def test_unknown_statement(store):
    with pytest.raises(QueryError, match="no statement with id"):
        C.correct(store, "nope", act="threat")


def test_corrections_survive_reingest_of_a_changed_version(store):
    """A new version of the article (new text, so new ids and offsets) keeps the corrections."""
    C.correct(store, _id(store, "peace process"), speaker="Maria Zakharova")
    C.correct(store, _id(store, "moderate opposition"), not_a_statement=True)
    changed = _result(lead="Officials in Moscow spoke again on Thursday morning.")
    assert store_result(store, changed).status == "replaced"
    items = {i["content"]: i for i in queries.search_statements(store, None)[0]}
    assert set(items) == {QUOTES[0].words, QUOTES[2].words}
    assert items[QUOTES[0].words]["speaker"]["name"] == "Maria Zakharova"
    assert items[QUOTES[0].words]["corrected"] == ["speaker"]
    assert store.execute("SELECT n_statements FROM articles").fetchone()[0] == 2
    assert all(c["applied"] and c["article_id"] == changed.article.id for c in C.list_corrections(store))


def test_corrections_survive_re_extraction_by_offsets(store):
    """The same article extracted again with different statement ids (a new kind, say) keeps
    its corrections, found by their content offsets."""
    sid = _id(store, "peace process")
    C.correct(store, sid, act="offer", acts=ACTS)
    old = _result()
    store.execute("BEGIN")
    store.execute("DELETE FROM statements")
    store.execute("DELETE FROM articles")
    store.execute("COMMIT")
    again = ArticleResult(old.article, tuple(replace(st, id=content_id("v2", st.id), kind="mixed")
                                             for st in old.statements))
    store_result(store, again)
    (c,) = C.list_corrections(store)
    assert c["statement_id"] == content_id("v2", sid) and c["applied"]
    assert queries.get_statement(store, c["statement_id"])["act"] == "offer"


def test_a_correction_with_no_statement_left_waits(store):
    C.correct(store, _id(store, "peace process"), act="offer", acts=ACTS)
    gone = article(QUOTES[1:], source="rt.md", outlet="RT", url="https://rt.example/1",
                   lead="A shorter version of the story.")
    store_result(store, gone)
    (c,) = C.list_corrections(store)
    assert not c["applied"]


def test_export_and_cli(tmp_path):
    db = str(tmp_path / "s.db")
    conn = connect(db)
    store_result(conn, _result())
    sid = _id(conn, "peace process")
    runner = CliRunner()
    r = runner.invoke(cli, ["correct", sid, "--speaker", "Maria Zakharova", "--db", db])
    assert r.exit_code == 0 and "Igor Konashenkov' -> 'Maria Zakharova'" in r.output
    r = runner.invoke(cli, ["correct", _id(conn, "moderate opposition"), "--not-a-statement", "--db", db])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["correct", sid, "--act", "threat", "--speaker", "X", "--db", db])
    assert r.exit_code == 2 and "exactly one" in r.output
    r = runner.invoke(cli, ["correct", "--list", "--db", db])
    assert "2 corrections" in r.output and "not a statement" in r.output
    exported = [json.loads(x) for x in
                runner.invoke(cli, ["export", "--table", "corrections", "--db", db]).output.splitlines()]
    assert [c["field"] for c in exported] == ["speaker", "not_a_statement"]
    assert exported[0]["was"]["speaker"] == "Igor Konashenkov" and exported[0]["applied"] is True
    r = runner.invoke(cli, ["export", "--table", "corrections", "--format", "csv", "--db", db])
    assert r.output.splitlines()[0].startswith("id,statement_id,article_id") and len(r.output.splitlines()) == 3
    flat = {r["statement_id"]: r for chunk in rows(conn) for r in chunk}
    assert flat[sid]["corrected"] == "speaker" and len(flat) == 2
    r = runner.invoke(cli, ["correct", sid, "--undo", "--db", db])
    assert r.exit_code == 0 and "undid 1 correction" in r.output
    r = runner.invoke(cli, ["correct", sid, "--undo", "--db", db])
    assert r.exit_code != 0


def test_corrections_table_of_an_empty_store(db, tmp_path):
    import io

    import pyarrow.parquet as pq

    out = io.StringIO()
    assert write_jsonl(db, out, table="corrections") == 0 and out.getvalue() == ""
    assert write_parquet(db, str(tmp_path / "c.parquet"), table="corrections") == 0
    assert pq.read_table(tmp_path / "c.parquet").column_names[:3] == ["id", "statement_id", "article_id"]
