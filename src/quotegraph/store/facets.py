"""Facet counts beside a statement search: how its matches split by speaker, act, kind, outlet,
month and speech, each value a filter that narrows the search (as Datasette shows them).

Counting a facet reads every match, so the facets of a page share a time budget (as Datasette's
facet_time_limit_ms bounds each): a facet not counted within it is reported as not counted
rather than slowing the page; narrowing the search brings it back.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from .queries import DATE, Selection

FACETS = ("speaker", "act", "kind", "outlet", "month", "speech")
TOP = 10  # values shown per facet
BUDGET_MS = 60  # for all the facets of one page together
_CHECK_EVERY = 2000  # SQLite VM instructions between deadline checks

# facet: (value expression, label expression, extra condition)
_SQL = {
    "speaker": ("s.speaker_id", "max(sp.name)", "s.speaker_id IS NOT NULL"),
    "act": ("s.act", "s.act", "s.act IS NOT NULL"),
    "kind": ("s.kind", "s.kind", "1"),
    "outlet": ("a.outlet", "max(a.outlet)", "a.outlet IS NOT NULL"),
    "month": (f"substr({DATE}, 1, 7)", f"substr({DATE}, 1, 7)", f"{DATE} IS NOT NULL"),
    "speech": ("s.speech", "s.speech", "1"),
}
SPEECH_LABELS = {1: "said or written", 0: "thought, belief or finding"}


def _facet(conn: sqlite3.Connection, sel: Selection, name: str, top: int) -> list[dict[str, Any]]:
    value, label, cond = _SQL[name]
    if sel.match is not None:  # filters apply to the index's hits (see select_statements)
        cond = cond.replace("s.", "+s.")
    rows = conn.execute(f"SELECT {value} AS value, {label} AS label, count(*) AS n {sel.base} AND {cond} "
                        f"GROUP BY {value} ORDER BY n DESC, value LIMIT ?", (*sel.params, top)).fetchall()
    out = [{"value": r["value"], "label": r["label"], "count": r["n"]} for r in rows]
    if name == "speech":
        out = [{**o, "value": "true" if o["value"] else "false", "label": SPEECH_LABELS[o["value"]]}
               for o in out]
    elif name == "month":
        out.sort(key=lambda o: o["value"], reverse=True)  # the busiest months, newest first
    return out


def statement_facets(conn: sqlite3.Connection, sel: Selection, names: tuple[str, ...] = FACETS,
                     top: int = TOP, budget_ms: float = BUDGET_MS) -> dict[str, Any]:
    """Counts of a selection's statements per value of each facet, in the order of `names`.

    Returns {facet: [{value, label, count}, ...] (most first, months newest first), or None for
    a facet that the time left of `budget_ms` did not allow to count}.
    """
    out: dict[str, Any] = {}
    deadline = time.perf_counter() + budget_ms / 1000
    for name in names:
        if sel.empty:
            out[name] = []
            continue
        if time.perf_counter() > deadline:
            out[name] = None
            continue
        conn.set_progress_handler(lambda: time.perf_counter() > deadline, _CHECK_EVERY)
        try:
            out[name] = _facet(conn, sel, name, top)
        except sqlite3.OperationalError as e:
            if "interrupted" not in str(e):
                raise
            out[name] = None
        finally:
            conn.set_progress_handler(None, 0)
    return out
