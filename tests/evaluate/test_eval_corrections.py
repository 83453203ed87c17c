"""`quotegraph eval --corrections STORE`: people's corrections as extra gold."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import quotegraph
from quotegraph.cli import cli
from quotegraph.evaluate.corrections import read_cases, score_corrections
from quotegraph.store import connect, queries, store_result
from quotegraph.store import corrections as C

TEXT = ('The minister said, "The bridge will open in May, and not a day later."\n\n'
        'Ms. Lee told reporters that the vote on the bridge would be close.\n\n'
        'Residents call it the "bridge to nowhere" in every conversation.\n')


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("corr") / "s.db"
    conn = connect(path)
    store_result(conn, quotegraph.extract(TEXT, published="2020-05-01", source="bridge.txt"))
    bridge = queries.search_statements(conn, '"open in May"')[0][0]
    vote = queries.search_statements(conn, "vote")[0][0]
    C.correct(conn, bridge["id"], speaker="Anna Schmidt")  # the extractor says "minister": it disagrees
    C.correct(conn, vote["id"], speaker="Lee")  # agrees: Ms. Lee
    C.correct(conn, vote["id"], act=vote["act"])  # agrees by construction
    C.correct(conn, bridge["id"], act="threat")  # disagrees unless it is read as a threat
    conn.close()
    return path


def test_score_corrections(store):
    conn = connect(store, readonly=True)
    cases = read_cases(conn)
    assert [c.field for c in cases] == ["speaker", "speaker", "act", "act"]
    from quotegraph.pipeline import process_articles

    report = score_corrections(cases, lambda arts: process_articles(arts))
    assert report["cases"] == 4
    assert report["speaker"]["n"] == 2 and report["speaker"]["agree"] == 1
    (miss,) = report["speaker"]["disagree"]
    assert miss["expected"] == "Anna Schmidt" and miss["found"]
    assert report["act"]["agree"] >= 1 and report["not_a_statement"]["n"] == 0


def test_not_a_statement_agrees_when_nothing_is_extracted(tmp_path):
    """A removed statement that extraction no longer finds counts as agreeing."""
    conn = connect(tmp_path / "s.db")
    store_result(conn, quotegraph.extract(TEXT, published="2020-05-01", source="bridge.txt"))
    sid = queries.search_statements(conn, "vote")[0][0]["id"]
    C.correct(conn, sid, not_a_statement=True)
    from quotegraph.types import ArticleResult

    report = score_corrections(read_cases(conn), lambda arts: (ArticleResult(a, ()) for a in arts))
    assert report["not_a_statement"] == {"n": 1, "agree": 1, "share": 1.0, "disagree": []}


def test_cli(store):
    r = CliRunner().invoke(cli, ["eval", "--corrections", str(store)])
    assert r.exit_code == 0, r.output
    assert "corrections as gold: 4 in the store" in r.output and "speaker" in r.output and "1/2" in r.output
    r = CliRunner().invoke(cli, ["eval", "--corrections", str(store), "--json"])
    assert json.loads(r.output)["corrections"]["speaker"]["agree"] == 1
    r = CliRunner().invoke(cli, ["eval"])
    assert r.exit_code == 2 and "--corrections STORE" in r.output
