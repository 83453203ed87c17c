import json
import subprocess
import sys

from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.examples import example_paths


def test_extract_jsonl_contract(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text('Headline for a test\n\n"We will win this election," Jane Smith said on Monday.',
                 encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(p), "--published", "2016-09-29"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output.splitlines()[0])
    assert set(rec) == {"article", "statements", "people"}
    assert rec["article"]["published"] == "2016-09-29"
    st = rec["statements"][0]
    for key in ("id", "kind", "content", "cue", "source", "speaker", "addressee", "venue", "date",
                "date_text", "confidence"):
        assert key in st
    text = rec["article"]["text"]
    for c in st["content"]:
        assert text[c["start"]:c["end"]] == c["text"]
    assert st["date"] == "2016-09-26" and st["date_text"] == "on Monday"


def test_extract_accurate_tier_keeps_the_contract(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text('"We will win this election," Jane Smith said on Monday. She added that the polls were wrong.',
                 encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(p), "--published", "2016-09-29", "--tier", "accurate"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output)
    text = rec["article"]["text"]
    assert [s["speaker"]["name"] for s in rec["statements"]] == ["Jane Smith", "Jane Smith"]
    assert [c["text"] for s in rec["statements"] for c in s["content"]] == [
        "We will win this election", "that the polls were wrong"]
    for st in rec["statements"]:
        for c in st["content"]:
            assert text[c["start"]:c["end"]] == c["text"]
    assert rec["statements"][0]["date"] == "2016-09-26"


def test_extract_table_and_bad_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text('"We will win this election," Jane Smith said.', encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(p), "--format", "table"])
    assert res.exit_code == 0 and "Jane Smith" in res.output
    res = CliRunner().invoke(cli, ["extract", str(p), "--published", "29/09/2016"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_bad_single_file_exits_2_with_one_line(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "quotegraph", "extract", str(p)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "empty file" in proc.stderr and str(p) in proc.stderr


def test_batch_reports_bad_and_keeps_good(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    good = tmp_path / "good.txt"
    good.write_text('"We will win this election," Jane Smith said.', encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(tmp_path / "bad.txt"), str(good)])
    assert res.exit_code == 2
    assert "Jane Smith" in res.output


def test_demo_lists_bundled_examples():
    assert any(p.name.startswith("rt-2016-09-29") for p in example_paths())
    res = CliRunner().invoke(cli, ["demo"])
    assert res.exit_code == 0 and "Konashenkov" in res.output
