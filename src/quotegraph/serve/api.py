"""The read-only JSON API under /api: the view data, as JSON."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from . import views
from .params import DEFAULT_SIZE, MAX_PAGE, SearchParams, SpeakerQuery

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
def statements(conn: Conn, p: Annotated[SearchParams, Query()]) -> dict[str, Any]:
    """Full-text search with filters: {items, total, page, size}; each item carries article_id."""
    return views.search_view(conn, p)


@router.get("/speakers", summary="List speakers")
def speakers(conn: Conn, p: Annotated[SpeakerQuery, Query()]) -> dict[str, Any]:
    """Canonical speakers, most statements first: {items, total, page, size}."""
    return views.speakers_view(conn, p)


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
