"""Statement.speech and Speaker.via: stored (migration 0004), searched, exported, shown in the CLI."""

from __future__ import annotations

import io
import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.ids import content_id
from quotegraph.read import make_article
from quotegraph.store import connect, queries, store_result
from quotegraph.store.export import COLUMNS, plover_event, rows, write_parquet
from quotegraph.store.migrations import available, split_sql
from quotegraph.types import ArticleResult, Span, Speaker, Statement

TEXT = ("Justin Trudeau spoke in Ottawa on Monday.\n\n"
        "“We will build the pipeline,” she said.\n\n"
        "Trudeau believes the economy will recover by spring.\n\n"
        "“Nothing changes for farmers,” the minister said.\n")


def _find(words: str) -> Span:
    i = TEXT.index(words)
    return Span(i, i + len(words))


def _result() -> ArticleResult:
    a = make_article(TEXT, "ottawa.md", title="Ottawa", published="2016-10-03", outlet="CBC")
    trudeau = dict(name="Justin Trudeau", type="person", title="Prime Minister")
    sts = (
        Statement(content_id(a.id, 1), "direct", (_find("We will build the pipeline"),), _find("said"),
                  _find("she"), Speaker(**trudeau, via="pronoun"), date="2016-10-03", confidence=0.8),
        Statement(content_id(a.id, 2), "indirect", (_find("the economy will recover by spring"),),
                  _find("believes"), Span(TEXT.index("Trudeau b"), TEXT.index("Trudeau b") + 7),
                  Speaker(**trudeau, via="name"), date="2016-10-03", confidence=0.8, speech=False),
        Statement(content_id(a.id, 3), "direct", (_find("Nothing changes for farmers"),), _find("said.\n"),
                  _find("the minister"), Speaker(**trudeau, via="nominal"), date="2016-10-03", confidence=0.7),
    )
    return ArticleResult(a, sts)


@pytest.fixture
def store(db):
    store_result(db, _result())
    return db


def test_stored_and_searchable(store):
    items, total = queries.search_statements(store, None, speech=False)
    assert total == 1 and items[0]["content"] == "the economy will recover by spring"
    assert items[0]["speech"] is False and items[0]["speaker_via"] == "name"
    assert queries.search_statements(store, None, speech=True)[1] == 2
    assert queries.search_statements(store, None)[1] == 3
    # With a text query the count comes from the index minus the non-speech hits.
    q = "pipeline OR economy OR farmers"
    assert [queries.search_statements(store, q, syntax="fts", speech=sp)[1] for sp in (None, True, False)] == [3, 2, 1]
    assert queries.search_statements(store, q, syntax="fts", speech=False)[0][0]["speech"] is False
    vias = {i["content"]: i["speaker_via"] for i in queries.search_statements(store, None)[0]}
    assert vias["We will build the pipeline"] == "pronoun" and vias["Nothing changes for farmers"] == "nominal"


def test_migration_keeps_old_rows_as_speech(tmp_path):
    """Rows stored before migration 0004 read as speech, with no via."""
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, sql in available():
        if name >= "0004_speech":
            break
        for st in split_sql(sql):
            raw.execute(st)
        raw.execute("INSERT INTO migrations VALUES (?, 'then')", (name,))
    raw.execute("INSERT INTO articles (id, source_key, text, ingested_at) VALUES ('a', 'a', 'x said y', 'then')")
    raw.execute("INSERT INTO statements (id, article_id, position, kind, content, spans) "
                "VALUES ('s', 'a', 0, 'direct', 'y', '{\"content\": [[7, 8]]}')")
    raw.close()
    conn = connect(path)
    item = queries.get_statement(conn, "s")
    assert item["speech"] is True and item["speaker_via"] is None and item["corrected"] == []


def test_exports_carry_speech_and_via(store, tmp_path):
    got = [r for chunk in rows(store) for r in chunk]
    assert {"speech", "speaker_via", "corrected"} <= set(COLUMNS)
    assert sorted((r["speech"], r["speaker_via"]) for r in got) == [(0, "name"), (1, "nominal"), (1, "pronoun")]
    path = tmp_path / "s.parquet"
    write_parquet(store, str(path))
    t = pq.read_table(path).to_pydict()
    assert sorted(t["speech"]) == [0, 1, 1] and "pronoun" in t["speaker_via"]
    events = [plover_event(r) for r in got]
    assert sorted(e["event"]["speech"] for e in events) == [False, True, True]
    assert {e["actor"]["via"] for e in events} == {"pronoun", "name", "nominal"}


def test_cli_marks_inferred_speakers_and_filters_speech(tmp_path):
    db = str(tmp_path / "s.db")
    store_result(connect(db), _result())
    runner = CliRunner()
    r = runner.invoke(cli, ["search", "--db", db, "--order", "date"])
    assert r.exit_code == 0, r.output
    who: list[str] = []  # the speaker column, its wrapped lines joined
    for ln in r.output.splitlines()[:-1]:
        cell = ln[12:38].strip()
        if ln[:4].isdigit():
            who.append(cell)
        elif cell:
            who[-1] += " " + cell
    assert sorted(who) == ["Justin Trudeau", "Justin Trudeau (from 'she')",
                           "Justin Trudeau (from 'the minister')"]
    assert r.output.endswith("3 statements\n")
    r = runner.invoke(cli, ["search", "--db", db, "--speech", "no", "--format", "jsonl"])
    assert [json.loads(x)["content"] for x in r.output.splitlines()] == ["the economy will recover by spring"]
    r = runner.invoke(cli, ["search", "--db", db, "--speech", "yes", "--format", "csv"])
    assert r.output.count("\n") == 3 and "speaker_via" in r.output.splitlines()[0]
    out = io.StringIO(runner.invoke(cli, ["export", "--format", "jsonl", "--db", db]).output)
    assert {json.loads(x)["speaker_via"] for x in out} == {"pronoun", "name", "nominal"}
