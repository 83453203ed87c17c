"""Who gets quoted, on the web: GET /sources (charts and tables) and GET /api/sources (JSON or CSV).

One data function (sources_view) rendered both ways. The figures are store.sources', the same as
`quotegraph stats`. They are aggregates over the whole store, so a computed view is kept per
pooled connection until SQLite's data_version says the store changed (an ingest, a correction).
"""

from __future__ import annotations

import csv
import io
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field

from ..store.sources import Scope, group_stats
from . import charts
from .api import ERRORS, Conn
from .params import FormParams

TOP = 10  # most quoted people listed per gender
CACHED_VIEWS = 64
TABLES = ("outlets", "months", "people")

api_router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
page_router = APIRouter(include_in_schema=False)
MONTH = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class SourcesParams(FormParams):
    """Which articles count, whether only speech, and (for downloads) which table."""

    since: str | None = Field(None, pattern=MONTH, description="Articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    until: str | None = Field(None, pattern=MONTH, description="Articles published on or before this date (a month or year means all of it).")
    speech: Literal["true", "any"] = Field("true", description=(
        "true: only what was said or written (as the Gender Gap Tracker counts); any: thoughts and findings too."))
    format: Literal["page", "csv"] = Field("page", description="page: the figures as JSON; csv: one table as a download.")
    table: Literal[TABLES] = Field("outlets", description=(  # type: ignore[valid-type]
        "With format=csv: outlets (one row per outlet), months (per outlet and month) or people (most quoted)."))

    def scope(self, by: str) -> Scope:
        """The store scope these parameters mean, grouped `by`."""
        return Scope.parse(by, self.since, self.until, speech_only=self.speech == "true")


class ViewCache:
    """Computed views per (pooled connection, parameters), each kept while the connection's
    `PRAGMA data_version` is unchanged, i.e. until any connection commits a change to the store.

    One per app (app.state.sources): the pool keeps its connections for the app's life, so a
    connection's id is never reused within it.
    """

    def __init__(self, size: int = CACHED_VIEWS):
        self.size = size
        self._views: OrderedDict[tuple, tuple[int, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection, key: tuple, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The view for `key` on `conn`, computed again if the store changed since."""
        full = (id(conn), *key)
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        with self._lock:
            hit = self._views.get(full)
            if hit is not None and hit[0] == version:
                self._views.move_to_end(full)
                return hit[1]
        data = compute()
        with self._lock:
            self._views[full] = (version, data)
            while len(self._views) > self.size:
                self._views.popitem(last=False)
        return data


def sources_view(conn: sqlite3.Connection, p: SourcesParams) -> dict[str, Any]:
    """{scope, outlets: [group], months: [group by outlet and month], total: group, top: {gender:
    [person]}} (groups as in store.sources.source_stats; months carry no top people)."""
    total = group_stats(conn, p.scope("none"), TOP)
    data = {"scope": {"since": p.since, "until": p.until, "speech_only": p.speech == "true"},
            "outlets": group_stats(conn, p.scope("outlet"), 0),
            "months": group_stats(conn, p.scope("outlet,month"), 0),
            "total": total[0] if total else None}
    data["top"] = data["total"]["top"] if data["total"] else {}
    return data


def _view(request: Request, conn: sqlite3.Connection, p: SourcesParams) -> dict[str, Any]:
    return request.app.state.sources.get(conn, (p.since, p.until, p.speech), lambda: sources_view(conn, p))


def _csv_rows(data: dict[str, Any], table: str) -> tuple[list[str], list[dict[str, Any]]]:
    """One of the view's tables as CSV columns and rows."""
    if table == "people":
        cols = ["gender", "rank", "name", "speaker_id", "statements", "articles"]
        return cols, [{"gender": g, "rank": i, "name": person["name"], "speaker_id": person["id"],
                       "statements": person["statements"], "articles": person["articles"]}
                      for g, people in data["top"].items() for i, person in enumerate(people, 1)]
    cols = (["outlet"] + (["month"] if table == "months" else [])
            + ["articles", "statements", "anonymous", "anonymous_share", "sources", "women", "men", "gender_unknown",
               "women_share", "unknown_share", "people_quoted", "people_mentioned", "quoted_share"])
    rows = [{**{c: g.get(c) for c in cols}, "anonymous": g["speakers"]["anonymous"]} for g in data[table]]
    return cols, rows


def _download(data: dict[str, Any], table: str) -> Response:
    cols, rows = _csv_rows(data, table)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols)
    w.writeheader()
    w.writerows(rows)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="sources-{table}.csv"'})


@api_router.get("/sources", summary="Who gets quoted, per outlet and month")
def api_sources(request: Request, conn: Conn, p: Annotated[SourcesParams, Query()]) -> Any:
    """Share of women among the people quoted (gender known), share unknown, anonymous sources,
    speaker kinds, people mentioned vs quoted, per outlet and per outlet and month, and the most
    quoted people per gender (docs/sources.md). format=csv gives one `table` as CSV."""
    data = _view(request, conn, p)
    return _download(data, p.table) if p.format == "csv" else data


def _charts(data: dict[str, Any]) -> dict[str, Any]:
    """The page's three charts from the view data."""
    outlets = [g for g in data["outlets"] if g["outlet"] is not None]
    women = charts.bars([(g["outlet"], g["women_share"], f"{g['women'] + g['men']} with gender known")
                         for g in outlets])
    anonymous = charts.bars([(g["outlet"], g["anonymous_share"], f"{g['speakers']['anonymous']} of {g['statements']}")
                             for g in outlets])
    busiest = sorted(outlets, key=lambda g: -g["sources"])[:charts.MAX_LINES]
    series: dict[str, dict[str, tuple[float | None, int]]] = {g["outlet"]: {} for g in busiest}
    for g in data["months"]:
        if g["outlet"] in series and g["month"]:
            series[g["outlet"]][g["month"]] = (g["women_share"], g["women"] + g["men"])
    months = sorted({m for values in series.values() for m in values})  # the drawn outlets' months
    over_time = charts.lines(months, series)
    return {"women": women, "anonymous": anonymous, "over_time": {**over_time, "hidden": len(outlets) - len(series)},
            "months": months}


@page_router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, conn: Conn, p: Annotated[SourcesParams, Query()]) -> Response:
    """Who gets quoted: women among the people quoted per outlet and over time, anonymous
    sources per outlet, the most quoted people; each chart with its table and a CSV."""
    from .pages import render, url_with

    data = _view(request, conn, p)
    csv_links = {t: url_with(request, path="/api/sources", drop=("page", "size", "format", "table"),
                             format="csv", table=t) for t in TABLES}
    speech_toggle = url_with(request, speech="any" if p.speech == "true" else None)
    return render(request, "sources.html", p=p, data=data, charts=_charts(data), csv=csv_links,
                  speech_toggle=speech_toggle, pct=charts.pct)
