"""`quotegraph batch` is a thin layer: flags in, run_batch out, one summary line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from quotegraph.cli import cli


def test_batch_command(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": 'The mayor said: "We will rebuild the bridge."'}) + "\n{oops\n")
    r = CliRunner().invoke(cli, ["batch", str(feed), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert r.exit_code == 2, r.output  # an input failed: the run says so, in its exit code too
    assert "1 articles" in r.output and "1 skipped" in r.output
    assert "skipped" in r.output and "feed.jsonl:2: malformed JSON" in r.output
    assert "1 inputs failed" in r.output
    assert json.loads((tmp_path / "out" / "manifest.json").read_text())["counts"]["articles"] == 1
    feed.write_text(json.dumps({"text": 'The mayor said: "We will rebuild the bridge."'}) + "\n")
    r = CliRunner().invoke(cli, ["batch", str(feed), "--out", str(tmp_path / "clean"), "--workers", "1"])
    assert r.exit_code == 0, r.output


def test_ray_address_needs_the_ray_engine(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["batch", str(tmp_path), "--out", str(tmp_path / "o"), "--ray-address", "auto"])
    assert r.exit_code == 2 and "--ray-address needs --engine ray" in r.output
