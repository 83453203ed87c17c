"""Per-article budgets: an article that runs too long or grows too big is stopped and named;
the others come out, in order; the extraction process dies with its parent (issue 20)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotegraph.errors import InputError, ModelError
from quotegraph.read import make_article
from quotegraph.supervise import Budget, Supervisor, rss_mb

sys.path.insert(0, str(Path(__file__).parent / "fuzz"))
import texts  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="reads /proc, sends SIGKILL")


def _small(i: int):
    return make_article(texts.prose(2500, i), f"small{i}.txt")


def _sources(items) -> list[tuple[str, str | None]]:
    return [(x.source, x.reason) if isinstance(x, InputError) else (x.article.source, None) for x in items]


def test_an_article_past_its_time_is_stopped_and_named_the_rest_come_in_order():
    big = make_article(texts.prose(400_000, 9), "big.txt")  # tens of seconds to parse
    items = [_small(0), InputError("bad.txt", "empty file"), big, _small(1), _small(2)]
    with Supervisor(budget=Budget(timeout_s=2, memory_mb=None)) as sup:
        out = list(sup.process(items))
        again = list(sup.process([_small(3)]))  # the restarted process goes on serving
    assert _sources(out) == [("small0.txt", None), ("bad.txt", "empty file"),
                             ("big.txt", "took longer than 2 s (--article-timeout), skipped"),
                             ("small1.txt", None), ("small2.txt", None)]
    assert all(len(r.statements) for r in (out[0], out[3], out[4], again[0]))


def test_an_article_past_the_memory_ceiling_is_stopped_and_named():
    with Supervisor(budget=Budget(None, None)) as sup:
        list(sup.process([_small(0)]))
        base = rss_mb(sup._proc.pid)
        if base is None:
            pytest.skip("no /proc to read memory from")
        ceiling = int(base + 120)
        sup.budget = Budget(timeout_s=None, memory_mb=ceiling)
        huge = make_article(texts.prose(9_000_000, 3), "huge.txt")  # normalising it takes >150 MB
        out = list(sup.process([_small(1), huge, _small(2)]))
    assert _sources(out) == [("small1.txt", None),
                             ("huge.txt", f"used more than {ceiling} MB of memory (--max-memory), skipped"),
                             ("small2.txt", None)]


def test_a_model_that_cannot_load_is_a_model_error():
    with pytest.raises(ModelError, match="cannot load spaCy pipeline 'no_such_pipeline'"):
        Supervisor(model="no_such_pipeline").start()


_ORPHAN = """
import sys, time
from quotegraph.supervise import Supervisor
sup = Supervisor()
sup.start()
print(sup._proc.pid, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_the_extraction_process_dies_with_its_parent():
    proc = subprocess.Popen([sys.executable, "-c", _ORPHAN], stdout=subprocess.PIPE, text=True)
    try:
        child = int(proc.stdout.readline())
        assert _alive(child)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 5
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child), "the extraction process outlived its parent by 5 s"
    finally:
        if proc.poll() is None:
            proc.kill()
