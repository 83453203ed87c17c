"""Deterministic sharding: every record in exactly one shard, the same plan every time."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quotegraph.batch.shards import BatchError, load_or_make_plan, make_plan, read_shard


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    d = tmp_path / "dir"
    d.mkdir()
    for name in ("b.txt", "a.md", "c.html", ".hidden.txt", "skip.csv"):
        (d / name).write_text(f"Headline {name}\n\nThe minister said it was {name}.\n")
    (tmp_path / "x.docx").write_bytes(b"PK")
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps({"text": f"Said {i}."}) + "\n" for i in range(7)))
    return [str(d), str(tmp_path / "feed.jsonl"), str(tmp_path / "nope.txt"), str(tmp_path / "x.docx")]


@pytest.mark.parametrize("size, expected", [
    (1, [1] * 10),  # 3 one-file shards, then 7 one-line ranges
    (2, [2, 1, 2, 2, 2, 1]),
    (5, [3, 5, 2]),
    (100, [3, 7]),
])
def test_shard_sizes(inputs: list[str], size: int, expected: list[int]) -> None:
    plan = make_plan(inputs, size)
    assert [s.records for s in plan.shards] == expected
    assert [s.index for s in plan.shards] == list(range(len(plan.shards)))


def test_plan_is_deterministic_and_covers_each_record_once(inputs: list[str]) -> None:
    a, b = make_plan(inputs, 3), make_plan(inputs, 3)
    assert a == b
    sources = [x.source for s in a.shards for x in read_shard(s)]
    assert len(sources) == len(set(sources)) == 3 + 7
    assert sources[:3] == sorted(sources[:3])  # directories in sorted order, hidden/unknown files skipped


def test_planning_errors_name_the_path(inputs: list[str]) -> None:
    errors = make_plan(inputs, 3).errors
    assert [(Path(s).name, r.split(" (")[0]) for s, r in errors] == [
        ("nope.txt", "no such file"), ("x.docx", "unsupported file type '.docx'")]


def test_nothing_to_do_gives_no_shards(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("")
    assert make_plan([tmp_path / "empty.jsonl"], 4).shards == ()


def test_plan_is_reused_and_guards_its_inputs(inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    plan = load_or_make_plan(inputs, out, 3)
    assert load_or_make_plan(inputs, out, 3) == plan
    with pytest.raises(BatchError, match="--shard-size 3"):
        load_or_make_plan(inputs, out, 4)
    feed = Path(inputs[1])
    feed.write_text(feed.read_text() + json.dumps({"text": "More."}) + "\n")
    os.utime(feed, ns=(1, 1))
    with pytest.raises(BatchError, match="other inputs"):
        load_or_make_plan(inputs, out, 3)


def test_shard_size_must_be_positive(inputs: list[str]) -> None:
    with pytest.raises(BatchError):
        make_plan(inputs, 0)
