import json

import pytest

from quotegraph.errors import InputError
from quotegraph.read import MAX_FILE_BYTES, read_articles
from quotegraph.read.dates import find_dateline, parse_iso
from quotegraph.read.files import headline


def one(path):
    items = list(read_articles([path]))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n ", "empty file"),
    ("bin.txt", b"\x00\x01\x02abc", "binary"),
    ("latin.txt", "caf\xe9 said".encode("latin-1"), "not valid UTF-8"),
    ("doc.pdf", b"%PDF-1.4", "unsupported file type"),
    ("scripts.html", b"<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>",
     "no article text"),
])
def test_bad_files_give_one_clear_error(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    item = one(p)
    assert isinstance(item, InputError)
    assert reason in item.reason
    assert str(p) in str(item) and "\n" not in str(item)


def test_huge_file(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    item = one(p)
    assert isinstance(item, InputError) and "too large" in item.reason


def test_batch_goes_on_after_bad_items(tmp_path):
    (tmp_path / "a.txt").write_text("Headline here\n\nJane said hello.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    lines = [json.dumps({"text": "One article.", "published": "2016-09-29"}), "{truncated",
             json.dumps({"text": "x", "published": "29/09/2016"}), json.dumps({"title": "no text"}),
             json.dumps({"html": "<html><body><p>" + "Words here. " * 30 + "</p></body></html>"})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(read_articles([tmp_path]))
    errors = [i for i in items if isinstance(i, InputError)]
    good = [i for i in items if not isinstance(i, InputError)]
    assert len(good) == 3 and len(errors) == 4
    assert any("malformed JSON" in e.reason for e in errors)
    assert any("not a date" in e.reason for e in errors)
    assert any(e.source.endswith("c.jsonl:2") for e in errors)


def test_markdown_file_keeps_text_and_finds_metadata(tmp_path):
    src = "# Russian MoD: Ready for talks\n\n29/09/2016\n\nBody text said here."
    p = tmp_path / "a.md"
    p.write_text(src, encoding="utf-8")
    a = one(p)
    assert a.text == src
    assert a.title == "Russian MoD: Ready for talks"
    assert a.published == "2016-09-29"


@pytest.mark.parametrize(("text", "iso"), [
    ("29/09/2016", "2016-09-29"),
    ("Friday, July 21, 2017", "2017-07-21"),
    ("2016-09-29T10:00", "2016-09-29"),
    ("21 July 2017", "2017-07-21"),
    ("no date here", None),
])
def test_dateline(text, iso):
    assert find_dateline(text) == iso


@pytest.mark.parametrize("bad", ["29/09/2016", "2016-02-31", "yesterday", ""])
def test_parse_iso_rejects(bad):
    with pytest.raises(ValueError):
        parse_iso(bad)


@pytest.mark.parametrize(("text", "title"), [
    ("Headline of the day\n\nBody.", "Headline of the day"),
    ("29/09/2016\n\nBody.", None),
])
def test_headline(text, title):
    assert headline(text) == title
