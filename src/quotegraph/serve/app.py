"""The FastAPI application: JSON API, HTML pages, static files, security headers, error shape."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import QueryError, StoreError
from . import api, browse, drift, edits, pages, sources
from .connections import ReadPool
from .errors import NotFound, error_body, validation_details, validation_message
from .head import HeadAsGet
from .security import SecurityHeaders

DB_ENV = "QUOTEGRAPH_SERVE_DB"  # how `quotegraph serve --workers N` tells worker processes the store
EDITS_ENV = "QUOTEGRAPH_SERVE_EDITS"  # … that edits are on, and the CSRF secret (hex) they share
log = logging.getLogger("quotegraph.serve")


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def _error(request: Request, status: int, message: str, details: list | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, message, details), status_code=status)
    return pages.error_page(request, status, message)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return _error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = validation_details(list(exc.errors()))
        return _error(request, 422, validation_message(details), details)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return _error(request, 503, "the store cannot be read right now")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        # The traceback goes to the server log, never to the client.
        log.exception("error on %s", request.url.path, exc_info=exc)
        return _error(request, 500, "internal error")


def create_app(db_path: str | os.PathLike[str], *, allow_edits: bool = False,
               secret: bytes | None = None) -> FastAPI:
    """The web app over the store at `db_path`, opened read-only (StoreError if it cannot be).

    With `allow_edits`, statement pages carry a correction form and one writable connection
    applies what it posts; `secret` signs the form tokens (drawn at random when None).
    """
    editor = edits.Editor(db_path, secret) if allow_edits else None  # migrates before readers open
    pool = ReadPool(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()
        if editor is not None:
            editor.close()

    app = FastAPI(title="quotegraph", version=__version__, lifespan=lifespan,
                  description="Read-only API over a quotegraph statement store: who said what, "
                              "where and when, with offsets into each article.",
                  docs_url=None, redoc_url=None)
    app.state.pool = pool
    app.state.db_path = Path(db_path)
    app.state.editor = editor
    app.state.sources = sources.ViewCache()  # the Sources page's figures, until the store changes
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    _install_error_handlers(app)
    for router in (api.router, browse.api_router, drift.api_router, edits.api_router, sources.api_router,
                   pages.router, browse.page_router, drift.page_router, edits.page_router, sources.page_router):
        app.include_router(router)
    static = resources.files("quotegraph.serve") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def app_from_env() -> FastAPI:
    """App factory for uvicorn worker processes: the store path comes from $QUOTEGRAPH_SERVE_DB,
    and $QUOTEGRAPH_SERVE_EDITS (the CSRF secret, hex) turns edits on in every worker alike."""
    secret = os.environ.get(EDITS_ENV)
    return create_app(os.environ[DB_ENV], allow_edits=bool(secret),
                      secret=bytes.fromhex(secret) if secret else None)
