"""The Sources page and /api/sources (TestClient): figures, CSV downloads, escaping, the nav
link, gender and anonymity on the statement and speaker pages, and a view kept until the store changes."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from serve_fixtures import HOSTILE_IMG, build_store, ids

from quotegraph.serve import create_app
from quotegraph.store import connect, store_result


def _outlets(body):
    return {g["outlet"]: g for g in body["outlets"]}


def test_api_figures(client):
    body = client.get("/api/sources").json()
    assert set(body) == {"scope", "outlets", "months", "total", "top"}
    rt, herald = _outlets(body)["RT"], _outlets(body)["Test Herald"]
    assert (rt["statements"], rt["speakers"]["anonymous"], rt["anonymous_share"]) == (3, 1, round(1 / 3, 4))
    assert (rt["sources"], rt["men"], rt["women"], rt["women_share"]) == (2, 2, 0, 0.0)
    assert (herald["women"], herald["gender_unknown"], herald["women_share"], herald["unknown_share"]) == (1, 1, 1.0, 0.5)
    assert [p["name"] for p in body["top"]["female"]] == ["Anna Nesting"]
    assert {(g["outlet"], g["month"]) for g in body["months"]} >= {("RT", "2016-09"), ("TASS", "2016-10")}
    assert body["total"]["articles"] == 5


def test_api_dates_and_bad_input(client):
    body = client.get("/api/sources", params={"since": "2016-10"}).json()
    assert "RT" not in _outlets(body) and body["scope"]["since"] == "2016-10"
    assert client.get("/api/sources", params={"since": "October"}).status_code == 422
    assert client.get("/api/sources", params={"table": "nope", "format": "csv"}).status_code == 422


@pytest.mark.parametrize(("table", "first_col", "rows"), [("outlets", "outlet", 5), ("months", "outlet", 5),
                                                          ("people", "gender", None)])
def test_csv_downloads(client, table, first_col, rows):
    r = client.get("/api/sources", params={"format": "csv", "table": table})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert f'sources-{table}.csv' in r.headers["content-disposition"]
    got = list(csv.DictReader(io.StringIO(r.text)))
    assert list(got[0])[0] == first_col
    if rows is not None:
        assert len(got) == rows
    else:
        assert {"female", "male", "unknown"} == {x["gender"] for x in got}


def test_page_charts_tables_and_links(client):
    r = client.get("/sources")
    assert r.status_code == 200
    html = r.text
    assert html.count('<svg class="chart"') == 3  # women per outlet, over time, anonymous
    for head in ("women-head", "time-head", "anon-head"):
        assert f'aria-describedby="{head}-table"' in html and f'id="{head}-table"' in html
    assert "share of women among people quoted with gender known" in html  # the axis title
    assert re.search(r'href="/speakers/[^"]+">Anna Nesting</a>', html)
    assert "/api/sources?format=csv&amp;table=people" in html
    assert HOSTILE_IMG not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script>" not in html.split("</head>")[1]


def test_nav_links_sources_everywhere(client):
    for path in ("/", "/speakers", "/articles", "/drift", "/sources"):
        assert 'href="/sources"' in client.get(path).text, path
    assert 'href="/sources" aria-current="page"' in client.get("/sources").text


def test_speech_toggle(client):
    html = client.get("/sources").text
    assert "Include thoughts and findings" in html
    assert "Speech only</a>" in client.get("/sources", params={"speech": "any"}).text


def test_statement_and_speaker_pages_show_gender_and_anonymity(client):
    sid, _ = ids(client, "terrorists")
    st = client.get(f"/api/statements/{sid}").json()
    assert (st["speaker_gender_in_article"], st["speaker_gender_evidence_in_article"], st["anonymous"]) == ("male", "role", False)
    assert st["speaker"]["gender"] == "male"
    html = client.get(f"/statements/{sid}").text
    assert "male (role)" in html and "named" in html
    html = client.get(f"/speakers/{st['speaker']['id']}").text
    assert "gender: male (role)" in html
    r = client.get("/api/statements", params={"q": "terrorists", "format": "csv"})
    row = next(csv.DictReader(io.StringIO(r.text)))
    assert (row["speaker_gender"], row["speaker_gender_in_article"], row["anonymous"]) == ("male", "male", "False")
    anon, _ = ids(client, "ready to talk")
    assert client.get(f"/api/statements/{anon}").json()["anonymous"] is True
    assert "anonymous" in client.get(f"/statements/{anon}").text


def test_view_is_recomputed_when_the_store_changes(tmp_path):
    from serve_fixtures import S, result

    path = build_store(tmp_path / "s.db")
    with TestClient(create_app(path)) as c:
        before = c.get("/api/sources").json()["total"]["articles"]
        assert c.get("/api/sources").json()["total"]["articles"] == before  # served again
        conn = connect(path)
        store_result(conn, result("A new story.\n\n“We are late,” said Nora Quint.\n",
                                  [S("We are late", "Nora Quint", gender="female", evidence="honorific")],
                                  source="new.md", title="New", outlet="CNN", published="2016-11-01"))
        conn.close()
        after = c.get("/api/sources").json()
        assert after["total"]["articles"] == before + 1
        assert "Nora Quint" in [p["name"] for p in after["top"]["female"]]


def test_view_cache_computes_once_per_store_version(tmp_path):
    from quotegraph.serve.sources import ViewCache

    path = build_store(tmp_path / "c.db")
    reader = connect(path, readonly=True)
    cache, calls = ViewCache(size=2), []

    def compute():
        calls.append(1)
        return {"n": len(calls)}

    assert cache.get(reader, ("a",), compute) == cache.get(reader, ("a",), compute) == {"n": 1}
    writer = connect(path)
    writer.execute("INSERT INTO errors (source, reason, seen_at) VALUES ('x', 'y', 'z')")  # any commit
    writer.close()
    assert cache.get(reader, ("a",), compute) == {"n": 2}
    cache.get(reader, ("b",), compute), cache.get(reader, ("c",), compute)  # "a" falls out
    assert cache.get(reader, ("a",), compute) == {"n": 5}
    reader.close()
