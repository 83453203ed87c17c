"""Quote drift on the web: GET /api/drift (JSON) and GET /drift (the worst clusters, paged).

One data function (drift_view) rendered both ways, as for the other views. Drift is read as
stored at the end of the last ingest; the cluster page (views.cluster_view) computes its own
cluster's alignment on the spot.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import Field

from ..store import drift as store_drift
from .api import ERRORS, Conn
from .pages import pager, render
from .params import ISO_DATE, Paging, capped

PAGE_SIZE = 25  # clusters on one Drift page

api_router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
page_router = APIRouter(include_in_schema=False)


class DriftParams(Paging):
    """Clusters with drift: a score floor, an outlet, a start date."""

    min_score: float | None = Field(None, ge=0, le=1000, description=(
        "Only clusters scoring at least this (default: any drift, a score above 0)."))
    outlet: str | None = Field(None, max_length=200, description=(
        "Only clusters where this outlet's version drifted (case-insensitive)."))
    since: str | None = Field(None, pattern=ISO_DATE, description=(
        "Only clusters with a drifted version published on or after this date (YYYY-MM-DD)."))


def drift_view(conn: sqlite3.Connection, p: DriftParams, size: int | None = None) -> dict[str, Any]:
    """Clusters with drift, the worst first: {items, total, page, size, pending}.

    Item: {cluster_id, score, reason, labels: {label: versions}, negation_changed,
    numbers_changed, n_versions, n_drifted, n_outlets, first_published, representative}.
    `pending` counts clusters not analysed yet (they are at the end of each ingest).
    """
    size = capped(size or p.size)
    items, total = store_drift.list_clusters(conn, min_score=p.min_score, outlet=p.outlet,
                                             since=p.since, page=p.page, size=size)
    return {"items": items, "total": total, "page": p.page, "size": size,
            "pending": store_drift.pending_count(conn)}


@api_router.get("/drift", summary="Quotes that changed between outlets")
def api_drift(conn: Conn, p: Annotated[DriftParams, Query()]) -> dict[str, Any]:
    """Clusters whose versions differ beyond spelling and trimming, the worst first (docs/drift.md)."""
    return drift_view(conn, p)


@page_router.get("/drift", response_class=HTMLResponse)
def drift_page(request: Request, conn: Conn, p: Annotated[DriftParams, Query()]) -> HTMLResponse:
    """The worst-drifted clusters, paged, with filters."""
    data = drift_view(conn, p, PAGE_SIZE)
    return render(request, "drift.html", p=p, data=data,
                  pager=pager(request, p.page, data["size"], data["total"]))
