"""The Ray engine on a local 2-CPU Ray gives the same rows as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from quotegraph.batch import run_batch

pytest.importorskip("ray", reason="the ray engine is optional: pip install 'quotegraph[ray]'")
pytest.importorskip("ray.data", reason="the ray engine needs Ray Data: pip install 'quotegraph[ray]'")


def rows(out: Path) -> dict[str, list[str]]:
    return {n: sorted(json.dumps(r, sort_keys=True) for r in pq.read_table(out / n).to_pylist())
            for n in ("articles", "statements")}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside Ray Data
def test_ray_matches_local(mixed_inputs: dict, tmp_path: Path) -> None:
    ray_m = run_batch(mixed_inputs["inputs"], tmp_path / "ray", engine="ray", workers=2,
                      shard_size=4, progress=False)
    local_m = run_batch(mixed_inputs["inputs"], tmp_path / "local", workers=2, shard_size=4,
                        progress=False)
    assert ray_m["complete"] and ray_m["engine"] == "ray" and ray_m["versions"]["ray"]
    assert ray_m["counts"] == local_m["counts"]
    assert rows(tmp_path / "ray") == rows(tmp_path / "local")
    assert (tmp_path / "ray" / "errors.jsonl").read_text() == (tmp_path / "local" / "errors.jsonl").read_text()
