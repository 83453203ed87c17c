"""Facet counts beside a statement search: how its matches split by speaker, act, kind, outlet,
month and speech, each value a filter that narrows the search (as Datasette shows them).

All facets are counted in one pass over the matches. Counting reads every match, so it has a
time budget (as Datasette's facet_time_limit_ms): past it, or past MAX_MATCHES, the facets are
reported as not counted rather than slowing the page; narrowing the search brings them back.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from typing import Any

from .queries import DATE, Selection

FACETS = ("speaker", "act", "kind", "outlet", "month", "speech")
TOP = 10  # values shown per facet
BUDGET_MS = 60  # for all the facets of one page together
MAX_MATCHES = 20_000  # beyond this many matches counting cannot fit the budget: not tried
_CHECK_EVERY = 2000  # SQLite VM instructions between deadline checks
SPEECH_LABELS = {1: "said or written", 0: "thought, belief or finding"}
_COLUMNS = f"s.speaker_id, sp.name, s.act, s.kind, a.outlet, substr({DATE}, 1, 7), s.speech"


def statement_facets(conn: sqlite3.Connection, sel: Selection, *, speech: bool | None = None,
                     total: int | None = None, top: int = TOP, budget_ms: float = BUDGET_MS) -> dict[str, Any]:
    """Counts of a selection's statements per value of each facet.

    `sel` should not filter on speech: the speech facet counts all its matches, and the other
    facets those whose speech flag is `speech` (all when None), so a page showing speech only
    can still say how many thoughts and findings there are. `total` (the selection's size, when
    known) skips counting a selection too large to count in time.

    Returns {facet: [{value, label, count}, ...] (most first, months newest first)}, every
    facet None when they could not be counted within `budget_ms`.
    """
    if sel.empty:
        return {name: [] for name in FACETS}
    if budget_ms <= 0 or (total is not None and total > MAX_MATCHES):
        return dict.fromkeys(FACETS)
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    names: dict[str, str] = {}
    deadline = time.perf_counter() + budget_ms / 1000
    conn.set_progress_handler(lambda: time.perf_counter() > deadline, _CHECK_EVERY)
    try:
        cur = conn.execute(f"SELECT {_COLUMNS} {sel.base}", sel.params)
        while rows := cur.fetchmany(1000):
            for sid, name, act, kind, outlet, month, is_speech in rows:
                counts["speech"][is_speech] += 1
                if speech is not None and is_speech != speech:
                    continue
                if sid:
                    counts["speaker"][sid] += 1
                    names[sid] = name
                for facet, value in (("act", act), ("kind", kind), ("outlet", outlet), ("month", month)):
                    if value:
                        counts[facet][value] += 1
    except sqlite3.OperationalError as e:
        if "interrupted" not in str(e):
            raise
        return dict.fromkeys(FACETS)
    finally:
        conn.set_progress_handler(None, 0)
    out: dict[str, Any] = {}
    for facet, c in counts.items():
        ranked = sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]
        if facet == "speaker":
            out[facet] = [{"value": v, "label": names[v], "count": n} for v, n in ranked]
        elif facet == "speech":
            out[facet] = [{"value": "true" if v else "false", "label": SPEECH_LABELS[v], "count": n}
                          for v, n in ranked]
        else:
            out[facet] = [{"value": v, "label": v, "count": n} for v, n in ranked]
    out["month"].sort(key=lambda o: o["value"], reverse=True)  # the busiest months, newest first
    return out
