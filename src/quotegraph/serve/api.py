"""The read-only JSON API under /api: the view data, as JSON."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from ..store import queries
from . import views
from .downloads import STATEMENT_COLUMNS, download
from .params import DEFAULT_SIZE, MAX_PAGE, StatementsApiParams

ERROR_SCHEMA = {"type": "object", "properties": {"error": {"type": "object", "properties": {
    "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"},
    "details": {"type": "array", "items": {"type": "object"}}}}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": desc, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for code, desc in ((400, "Malformed search query"), (404, "No such item"),
                       (422, "Invalid parameter"))}
Id = Annotated[str, Path(max_length=200)]

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


async def read_conn(request: Request) -> AsyncIterator[sqlite3.Connection]:
    """A pooled read-only connection for one request.

    Async so that borrowing and returning it happen on the event loop (both are queue
    operations that never wait) instead of costing two thread-pool hops per request.
    """
    with request.app.state.pool.connection() as conn:
        yield conn


Conn = Annotated[sqlite3.Connection, Depends(read_conn)]


@router.get("/statements", summary="Search statements")
def statements(request: Request, conn: Conn, p: Annotated[StatementsApiParams, Query()]) -> Any:
    """Search with filters: {items, total, page, size} (and `facets` when asked); each item
    carries article_id. format=csv or json streams every match instead, as a download."""
    if p.format == "page":
        return views.search_view(conn, p, facets=p.facets)
    sel = views.selection(conn, p)
    total = queries.count_selection(conn, sel)
    return download(request, lambda c, limit: queries.iter_statements(c, sel, total=total, order=p.order,
                                                                       limit=limit),
                    fmt=p.format, name="statements", total=total, columns=STATEMENT_COLUMNS)


@router.get("/speakers/{speaker_id}", summary="One speaker and their statements")
def speaker(conn: Conn, speaker_id: Id,
            page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
            size: Annotated[int, Query(ge=1)] = DEFAULT_SIZE) -> dict[str, Any]:
    """Names, aliases, roles over time, activity, and a page of the statement timeline."""
    return views.speaker_view(conn, speaker_id, page, size)


@router.get("/articles/{article_id}", summary="One article with statement offsets")
def article(conn: Conn, article_id: Id) -> dict[str, Any]:
    """The article text and its statements; spans are [start, end) offsets into `text`."""
    return views.article_view(conn, article_id)


@router.get("/clusters/{cluster_id}", summary="Who carried one quote")
def cluster(conn: Conn, cluster_id: Id) -> dict[str, Any]:
    """Every statement carrying the same quote, earliest published first, with `drift`: each
    version's alignment with the fullest one (labels, flags, score, reason, segments)."""
    return views.cluster_view(conn, cluster_id)
