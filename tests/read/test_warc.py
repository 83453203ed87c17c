"""WARC reader: HTML responses become Articles; everything else is skipped or reported, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.errors import InputError
from quotegraph.read import read_articles
from quotegraph.read.warc import count_warc_records, read_warc
from warc_files import write_warc

BODY = "<p>The minister said the talks in Geneva would resume next week, officials confirmed.</p>" * 4
PAGE = f"<html><head><title>Talks resume</title></head><body><article>{BODY}</article></body></html>"


@pytest.mark.parametrize("record, reason", [
    ({"body": PAGE.encode(), "ctype": "application/pdf"}, "not HTML (Content-Type application/pdf)"),
    ({"body": PAGE.encode(), "ctype": ""}, "not HTML (Content-Type missing)"),
    ({"body": PAGE.encode(), "status": 301}, "HTTP status 301"),
    ({"body": PAGE.replace("minister", "ministère").encode("latin-1")}, "declared charset utf-8"),
    ({"body": PAGE.encode(), "ctype": "text/html; charset=klingon"}, "unknown charset 'klingon'"),
    ({"body": b"<html>" + b" " * 5_000_001 + b"</html>"}, "page too large"),
    ({"body": b"   "}, "empty page"),
    ({"body": b"<html><head><title>t</title></head><body><script>var a = 1;</script></body></html>"}, "no article text"),
])
def test_bad_records_are_reported(tmp_path: Path, record: dict, reason: str) -> None:
    path = write_warc(tmp_path / "a.warc.gz", [record])
    [err] = list(read_warc(path))
    assert isinstance(err, InputError) and err.source == f"{path}:record 1"
    assert reason in err.reason


@pytest.mark.parametrize("record", [
    {"type": "request", "body": b"GET / HTTP/1.1\r\n\r\n"},
    {"type": "metadata", "body": b"fetchTimeMs: 12\n"},
    {"type": "resource", "body": b"plain bytes"},
])
def test_records_that_are_not_responses_give_nothing(tmp_path: Path, record: dict) -> None:
    assert list(read_warc(write_warc(tmp_path / "a.warc", [record]))) == []


@pytest.mark.parametrize("name", ["a.warc", "a.warc.gz"])
def test_good_page_and_dates(tmp_path: Path, name: str) -> None:
    dated = PAGE.replace("<title>", '<meta property="article:published_time" content="2016-09-29"><title>')
    path = write_warc(tmp_path / name, [
        {"uri": "http://x.test/1", "body": dated.encode()},
        {"uri": "http://x.test/2", "body": PAGE.encode(), "date": "2016-10-01T08:00:00Z"},
        {"uri": "http://x.test/3", "body": PAGE.replace("minister", "ministère").encode("latin-1"),
         "ctype": "text/html; charset=ISO-8859-1"},
    ])
    a, b, c = list(read_articles([path]))  # registered in READERS by suffix
    assert (a.url, a.published, a.source) == ("http://x.test/1", "2016-09-29", f"{path}:record 1")
    assert b.published == "2016-10-01"  # no date on the page: the crawl date
    assert "ministère" in c.text
    assert "Geneva" in a.text and a.title == "Talks resume"


def test_ranges_cover_the_file_once(tmp_path: Path) -> None:
    recs = [{"uri": f"http://x.test/{i}", "body": PAGE.replace("Geneva", f"Geneva{i}").encode()} for i in range(5)]
    path = write_warc(tmp_path / "a.warc.gz", recs)
    assert count_warc_records(path) == (5, None)
    whole = [a.url for a in read_warc(path)]
    parts = [a.url for s in range(0, 5, 2) for a in read_warc(path, s, min(s + 2, 5))]
    assert parts == whole == [f"http://x.test/{i}" for i in range(5)]


@pytest.mark.parametrize("name", ["a.warc", "a.warc.gz"])
@pytest.mark.parametrize("cut", [40, 150, 300, 500])
def test_truncated_file_keeps_what_came_before(tmp_path: Path, name: str, cut: int) -> None:
    path = write_warc(tmp_path / name, [{"uri": f"http://x.test/{i}", "body": PAGE.encode()} for i in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[:-cut])
    *good, err = list(read_warc(path))
    assert [a.url for a in good] == [f"http://x.test/{i}" for i in range(len(good))] and good
    assert isinstance(err, InputError) and err.source.endswith(f":record {len(good) + 1}")
    assert "truncated" in err.reason
    n, counted = count_warc_records(path)
    # Either the plan reports the break, or the shard reading the cut record does: never neither.
    assert counted is not None or n == len(good) + 1


@pytest.mark.parametrize("data", [b"this is not a warc file\n" * 3, b"\x1f\x8b\x08 broken gzip"])
def test_garbage_file_is_one_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(data)
    [err] = list(read_warc(path))
    assert isinstance(err, InputError) and err.source == f"{path}:record 1"
    n, counted = count_warc_records(path)
    assert n == 0 and counted is not None and counted.source == err.source
