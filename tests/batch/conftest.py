"""Batch test inputs, built at run time from the Wikinews fixtures (CC BY 2.5, see fixtures/wikinews)."""

from __future__ import annotations

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_inputs import to_html, wikinews

from warc_files import write_warc


@pytest.fixture(scope="session")
def mixed_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every input format, with bad records mixed in, and the errors each run must report."""
    root = tmp_path_factory.mktemp("inputs")
    arts = wikinews()
    d = root / "dir"
    d.mkdir()
    (d / "a.txt").write_text(arts[0]["text"], encoding="utf-8")
    (d / "b.md").write_text(arts[1]["text"], encoding="utf-8")
    (d / "c.html").write_text(to_html(arts[2]["title"], arts[2]["text"]), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "notes.csv").write_text("ignored: not a registered format")  # directories skip these
    with gzip.open(root / "feed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": arts[3]["text"], "title": arts[3]["title"], "published": arts[3]["published"]}) + "\n")
        f.write("{not json\n")
        f.write(json.dumps({"html": to_html(arts[4]["title"], arts[4]["text"]), "url": arts[4]["url"]}) + "\n")
    pq.write_table(pa.table({"text": [arts[5]["text"], ""], "outlet": ["Wikinews", None]}),
                   root / "table.parquet")
    page = lambda a, **kw: to_html(a["title"], a["text"], **kw).encode("utf-8")  # noqa: E731
    write_warc(root / "crawl.warc.gz", [
        {"uri": arts[0]["url"], "body": page(arts[0], published=arts[0]["published"])},
        {"uri": "http://x.test/req", "type": "request", "body": b""},
        {"uri": "http://x.test/logo.png", "body": b"\x89PNG....", "ctype": "image/png"},
        {"uri": "http://x.test/latin", "body": "<html><body><p>caf\u00e9 ol\u00e9</p></body></html>".encode("latin-1")},
        {"uri": "http://x.test/gone", "body": b"<html></html>", "status": 404},
        {"uri": "http://x.test/giant", "body": b"<html><body>" + b"<p>word </p>" * 500_000 + b"</body></html>"},
        {"uri": arts[1]["url"], "body": page(arts[1])},
        # Declared Latin-1 is decoded as such; no date on the page, so the crawl date is used.
        {"uri": "http://x.test/cafe", "ctype": "text/html; charset=iso-8859-1", "date": "2015-06-01T10:00:00Z",
         "body": ("<html><body><article><h1>Caf\u00e9 reopens</h1>"
                  + "<p>The owner of the caf\u00e9 said the doors would open again soon, and the mayor agreed.</p>" * 5
                  + "</article></body></html>").encode("latin-1")},
    ])
    whole = write_warc(root / "cut.warc.gz", [
        {"uri": arts[2]["url"], "body": page(arts[2])},
        {"uri": arts[3]["url"], "body": page(arts[3])},
    ]).read_bytes()
    (root / "cut.warc.gz").write_bytes(whole[: len(whole) - 200])  # truncated inside the last record
    inputs = [str(d), str(root / "feed.jsonl.gz"), str(root / "table.parquet"),
              str(root / "crawl.warc.gz"), str(root / "cut.warc.gz"), str(root / "missing.jsonl")]
    # (source suffix, reason fragment) for every error the run must report, in input order.
    errors = [
        ("missing.jsonl", "no such file"),
        ("dir/empty.txt", "empty file"),
        ("feed.jsonl.gz:2", "malformed JSON"),
        ("table.parquet:row 2", "no non-empty 'text'"),
        ("crawl.warc.gz:record 3", "not HTML (Content-Type image/png)"),
        ("crawl.warc.gz:record 4", "declared charset utf-8"),
        ("crawl.warc.gz:record 5", "HTTP status 404"),
        ("crawl.warc.gz:record 6", "page too large"),
        ("cut.warc.gz:record 2", "truncated record"),
    ]
    return {"root": root, "inputs": inputs, "errors": errors, "articles": 10}
