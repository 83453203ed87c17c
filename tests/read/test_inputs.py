"""Only regular files are read; every other path is one named, printable error (issue 20)."""

from __future__ import annotations

import json
import os
import sys

import pytest

from quotegraph.errors import InputError
from quotegraph.names import printable, show
from quotegraph.read import read_articles, read_jsonl_lines

GOOD = "Headline here\n\nThe minister said the talks would go on."


def _read(*paths) -> tuple[list, list[InputError]]:
    items = list(read_articles(paths))
    return ([i for i in items if not isinstance(i, InputError)],
            [i for i in items if isinstance(i, InputError)])


def _one_line(e: InputError) -> None:
    assert "\n" not in str(e) and "\x1b" not in str(e) and "\x00" not in str(e)
    str(e).encode("utf-8")  # storable and printable: no lone surrogates


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("listed", [True, False], ids=["named", "in-a-directory"])
def test_a_fifo_is_skipped_without_waiting(tmp_path, listed):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    good, errors = _read(*([tmp_path / "pipe.txt", tmp_path / "good.txt"] if listed else [tmp_path]))
    assert [a.source for a in good] == [str(tmp_path / "good.txt")]
    assert [e.reason for e in errors] == ["not a regular file (a FIFO), skipped"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_a_device_is_skipped_before_reading(tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    good, errors = _read(tmp_path / "zero.txt")
    assert not good and errors[0].reason == "not a regular file (a character device), skipped"


def test_symlink_loops_are_reported(tmp_path):
    os.symlink("self.txt", tmp_path / "self.txt")
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    (tmp_path / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    good, errors = _read(tmp_path)
    assert [a.source for a in good] == [str(tmp_path / "sub" / "a.txt")]  # read once
    reasons = {e.source: e.reason for e in errors}
    assert "symlink loop" in reasons[str(tmp_path / "self.txt")]
    assert "symlink loop" in reasons[str(tmp_path / "sub" / "up")]


def test_a_directory_linked_twice_is_read_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("real", tmp_path / "zlink")
    good, errors = _read(tmp_path)
    assert len(good) == 1 and "already read" in errors[0].reason


def test_a_broken_symlink_is_named(tmp_path):
    os.symlink("gone.txt", tmp_path / "dangling.txt")
    _, errors = _read(tmp_path)
    assert errors[0].reason == "broken symlink (its target does not exist)"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads it anyway")
def test_an_unreadable_directory_is_named(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        _, errors = _read(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert errors[0].source == str(tmp_path / "locked") and "cannot read directory" in errors[0].reason


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are UTF-8 only")
def test_a_name_that_is_not_utf8_is_shown_with_escapes(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as f:
        f.write(GOOD.encode())
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.txt"), "wb") as f:
        f.write(b"")
    good, errors = _read(tmp_path)
    assert good[0].source == f"{tmp_path}/caf\\xe9.txt"
    assert errors[0].source == f"{tmp_path}/bad\\xff.txt" and errors[0].reason == "empty file"
    good[0].source.encode("utf-8")
    _one_line(errors[0])


def test_control_characters_never_reach_the_terminal(tmp_path):
    for name in ("new\nline.txt", "esc\x1b[31mred.txt"):
        (tmp_path / name).write_bytes(b"")
    _, errors = _read(tmp_path)
    assert [e.source for e in errors] == [f"{tmp_path}/esc\\x1b[31mred.txt", f"{tmp_path}/new\\nline.txt"]
    for e in errors:
        _one_line(e)


def test_a_corrupt_warc_error_is_printable(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\n\x1b[31m\x00junk")
    _, errors = _read(tmp_path / "bad.warc")
    assert errors and all("record" in e.source for e in errors)
    for e in errors:
        _one_line(e)


def test_printable_escapes():
    assert printable("a\nb\tc\x1b[0m\x00") == "a\\nb\\tc\\x1b[0m\\x00"
    assert printable("\u202eevil") == "\\u202eevil"  # a bidi override cannot disguise a name
    assert show(b"caf\xe9") == "caf\\xe9"
    assert printable("ordinary café “quotes”") == "ordinary café “quotes”"


@pytest.mark.parametrize(("line", "reason"), [
    (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "JSON nested too deeply to read"),
    (b'{"text": "He said \\ud800 nothing."}', "field 'text' is not valid Unicode (a lone surrogate, \\ud800, at character 8)"),
    (b'{"text": "fine", "title": "\\udfff"}', "field 'title' is not valid Unicode"),
])
def test_jsonl_records_that_python_cannot_hold_are_named(line, reason):
    items = list(read_jsonl_lines([line, json.dumps({"text": GOOD}).encode()], "feed.jsonl"))
    assert isinstance(items[0], InputError) and items[0].source == "feed.jsonl:1"
    assert reason in items[0].reason
    assert items[1].text == GOOD


def test_a_file_that_grows_past_the_limit_is_refused(tmp_path, monkeypatch):
    import quotegraph.read as read

    monkeypatch.setattr(read, "MAX_FILE_BYTES", 10)
    (tmp_path / "big.txt").write_text(GOOD, encoding="utf-8")
    _, errors = _read(tmp_path / "big.txt")
    assert "too large" in errors[0].reason
