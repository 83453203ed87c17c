"""Acts in the store: columns, `search --act`, speakers' act profiles, PLOVER export."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner

import quotegraph
from quotegraph.cli import cli
from quotegraph.store import connect, queries, store_result
from quotegraph.store.export import plover_event, write_plover

TEXT = ('The UN has urged Russia and the United States to resume their talks.\n\n'
        '"We will never accept a seven-day ceasefire," Sergey Ryabkov told reporters.\n\n'
        'Ryabkov accused Washington of sabotage, saying the talks had been wrecked on purpose.\n')


def _store(path):
    conn = connect(path)
    store_result(conn, quotegraph.extract(TEXT, published="2016-09-29", source="syria.txt"))
    return conn


def test_columns_and_act_filter(tmp_path):
    conn = _store(tmp_path / "s.db")
    items, total = queries.search_statements(conn, None, act="rejection")
    assert total == 1 and items[0]["act"] == "rejection"
    assert items[0]["addressee"] == "reporters" and items[0]["negated"] is True  # "never accept"
    appeal, _ = queries.search_statements(conn, None, act="appeal")
    assert appeal[0]["target"]["name"] == "Russia"
    assert queries.search_statements(conn, None, act="threat") == ([], 0)


def test_speaker_act_profile(tmp_path):
    conn = _store(tmp_path / "s.db")
    items, _ = queries.list_speakers(conn, "Ryabkov")
    assert items[0]["acts"].get("rejection") == 1


def test_plover_export(tmp_path):
    conn = _store(tmp_path / "s.db")
    out = io.StringIO()
    n = write_plover(conn, out)
    events = [json.loads(x) for x in out.getvalue().splitlines()]
    assert n == len(events) >= 2
    urge = next(e for e in events if e["event"]["act"] == "appeal")
    assert urge["event"]["event_type"] == "REQUEST" and urge["cameo"]["root"] == "02"
    assert urge["actor"]["name"] == "UN" and urge["recipient"]["name"] == "Russia"
    assert urge["date"] == "2016-09-29"
    start, end = urge["text_info"]["offsets"]["content"][0]
    article = conn.execute("SELECT text FROM articles").fetchone()[0]
    assert article[start:end] == urge["text"]
    rej = next(e for e in events if e["event"]["act"] == "rejection")
    assert rej["event"]["event_type"] == "REJECT" and rej["cameo"]["root"] == "12"


def test_plover_event_without_equivalent():
    row = {"statement_id": "x", "date": None, "published": "2020-01-01", "speaker_as_written": "he",
           "speaker_name": None, "speaker_type": None, "target": None, "target_name": None,
           "target_type": None, "addressee": None, "act": "statement", "act_confidence": 0.3,
           "negated": 0, "conditional": 0, "content": "It rained.", "article_id": "a",
           "article_title": None, "article_source": None, "article_url": None, "outlet": None,
           "kind": "direct", "spans": '{"content": [[0, 10]]}', "venue": None, "speech": 1,
           "speaker_via": None, "corrected": None}
    e = plover_event(row)
    assert e["event"]["event_type"] is None and e["cameo"]["root"] == "01" and e["recipient"] is None


def test_cli_search_act_speakers_and_export(tmp_path):
    db = str(tmp_path / "s.db")
    _store(db).close()
    runner = CliRunner()
    r = runner.invoke(cli, ["search", "--act", "rejection", "--format", "jsonl", "--db", db])
    assert r.exit_code == 0, r.output
    assert [json.loads(x)["act"] for x in r.output.splitlines()] == ["rejection"]
    r = runner.invoke(cli, ["speakers", "--db", db])
    assert "acts: " in r.output
    r = runner.invoke(cli, ["export", "--format", "plover", "--db", db])
    assert r.exit_code == 0 and all("event" in json.loads(x) for x in r.output.splitlines())
