"""Deterministic shards: the same inputs and shard size always split into the same units of work."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, QuotegraphError
from ..read import format_suffix, known_format, read_path, unsupported
from ..read.inputs import list_inputs
from ..read.jsonl_gz import count_jsonl_lines, read_jsonl_file
from ..read.parquet import count_parquet_rows, read_parquet
from ..read.warc import count_warc_records, read_warc
from ..types import Article

PLAN_VERSION = 1
DEFAULT_SHARD_SIZE = 256  # records per shard: ~10-30 s of work for one process

Counter = Callable[[Path], tuple[int, InputError | None]]
RangeReader = Callable[..., Iterator[Article | InputError]]

# Formats holding many records, split into record ranges; every other format is one article a file.
CONTAINERS: dict[str, tuple[Counter, RangeReader]] = {
    ".jsonl": (count_jsonl_lines, read_jsonl_file),
    ".jsonl.gz": (count_jsonl_lines, read_jsonl_file),
    ".parquet": (count_parquet_rows, read_parquet),
    ".warc": (count_warc_records, read_warc),
    ".warc.gz": (count_warc_records, read_warc),
}


class BatchError(QuotegraphError):
    """A batch run that cannot start or continue (e.g. an output dir made from other inputs)."""


@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of work: a run of single-article files, or a record range [start, stop) of one file."""

    index: int
    paths: tuple[str, ...]
    start: int = 0
    stop: int | None = None  # set for container files only
    records: int = 0  # files or records covered, for progress and ETA

    @property
    def id(self) -> str:
        """The shard's name in the output directory, e.g. `shard-00012`."""
        return f"shard-{self.index:05d}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form, for plan.json and for shipping to workers."""
        return {**asdict(self), "paths": list(self.paths)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Shard:
        """Inverse of `to_dict`."""
        return cls(index=d["index"], paths=tuple(d["paths"]), start=d["start"], stop=d["stop"],
                   records=d["records"])


@dataclass(frozen=True, slots=True)
class Plan:
    """The shards for a set of inputs, plus the inputs' fingerprints and the errors found planning."""

    shard_size: int
    files: tuple[tuple[str, int, int], ...]  # (path, size, mtime_ns) of every input file
    shards: tuple[Shard, ...]
    errors: tuple[tuple[str, str], ...] = ()  # (source, reason)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form (plan.json)."""
        return {"version": PLAN_VERSION, "shard_size": self.shard_size,
                "files": [list(f) for f in self.files], "shards": [s.to_dict() for s in self.shards],
                "errors": [list(e) for e in self.errors]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Plan:
        """Inverse of `to_dict`."""
        return cls(shard_size=d["shard_size"], files=tuple(tuple(f) for f in d["files"]),  # type: ignore[misc]
                   shards=tuple(Shard.from_dict(s) for s in d["shards"]),
                   errors=tuple(tuple(e) for e in d["errors"]))  # type: ignore[misc]


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[InputError]]:
    """List input files in a fixed order (directories sorted), with errors for unusable paths."""
    files: list[Path] = []
    errors: list[InputError] = []
    for p in list_inputs(inputs, known_format):
        if isinstance(p, InputError):
            errors.append(p)
        elif not known_format(p):
            errors.append(unsupported(p))
        else:
            files.append(p)
    return files, errors


def fingerprint(files: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, size, mtime_ns) per file: a rerun must see the same inputs to reuse the plan."""
    out = []
    for f in files:
        st = f.stat()
        out.append((str(f), st.st_size, st.st_mtime_ns))
    return tuple(out)


def _count(path: Path) -> tuple[int, InputError | None]:
    counter = CONTAINERS[format_suffix(path)][0]
    try:
        return counter(path)
    except InputError as e:
        return 0, e
    except OSError as e:
        return 0, InputError(str(path), e.strerror or str(e))


def make_plan(inputs: Iterable[str | os.PathLike[str]], shard_size: int = DEFAULT_SHARD_SIZE,
              mapper: Callable[..., Iterable[Any]] = map) -> Plan:
    """Split the inputs into shards of at most `shard_size` files or records, in input order.

    `mapper` (e.g. a pool's map) counts the records of container files in parallel.
    """
    if shard_size < 1:
        raise BatchError("shard size must be at least 1")
    files, errors = expand_inputs(inputs)
    containers = [f for f in files if format_suffix(f) in CONTAINERS]
    counts = dict(zip(containers, mapper(_count, containers), strict=True))
    shards: list[Shard] = []
    loose: list[str] = []  # single-article files waiting to fill a shard

    def flush() -> None:
        if loose:
            shards.append(Shard(len(shards), tuple(loose), records=len(loose)))
            loose.clear()

    for f in files:
        if f not in counts:
            loose.append(str(f))
            if len(loose) == shard_size:
                flush()
            continue
        flush()  # keep input order: a container file ends the current run of loose files
        n, err = counts[f]
        for start in range(0, n, shard_size):
            stop = min(start + shard_size, n)
            shards.append(Shard(len(shards), (str(f),), start, stop, stop - start))
        if err is not None:
            errors.append(err)
    flush()
    return Plan(shard_size, fingerprint(files), tuple(shards),
                tuple((e.source, e.reason) for e in errors))


def read_shard(shard: Shard) -> Iterator[Article | InputError]:
    """Yield the shard's Articles and InputErrors, in input order."""
    if shard.stop is not None:
        path = Path(shard.paths[0])
        yield from _guarded(path, CONTAINERS[format_suffix(path)][1](path, shard.start, shard.stop))
        return
    for p in shard.paths:
        yield from _guarded(Path(p), read_path(p))


def _guarded(path: Path, items: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
    # A reader crashing on one odd file (lxml on broken markup, an I/O error) must not stop the run:
    # the rest of that file is reported and the shard goes on with the next file.
    try:
        yield from items
    except Exception as e:  # noqa: BLE001 (any reader failure becomes one error line)
        yield InputError(str(path), f"reader failed, rest of file skipped ({type(e).__name__}: {e})")


def load_or_make_plan(inputs: Sequence[str | os.PathLike[str]], out: Path, shard_size: int,
                      mapper: Callable[..., Iterable[Any]] = map) -> Plan:
    """Reuse OUT/plan.json when the inputs are unchanged, else plan afresh; refuse other inputs."""
    path = out / "plan.json"
    if path.exists():
        old = Plan.from_dict(json.loads(path.read_text(encoding="utf-8")))
        files, _ = expand_inputs(inputs)
        if old.shard_size != shard_size:
            raise BatchError(f"{out} was written with --shard-size {old.shard_size}, not {shard_size}; "
                             "rerun with the same value or use a new --out directory")
        if old.files != fingerprint(files):
            raise BatchError(f"{out} was written from other inputs (files added, removed or changed); "
                             "use a new --out directory")
        return old
    plan = make_plan(inputs, shard_size, mapper)
    # ASCII with escapes: a file name that is not UTF-8 (kept as lone surrogates) round-trips.
    atomic_write_text(path, json.dumps(plan.to_dict(), indent=1))
    return plan


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to a temp name, flush it to disk, then rename over `path` (never half-written)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
