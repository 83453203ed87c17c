"""The statement page, and the correction form it carries under `serve --allow-edits`.

Editing is off unless the server was started with --allow-edits (which binds loopback only).
A correction is a POST of a form carrying a CSRF token: an HMAC, under a secret the server
draws at start, of a random cookie set on the statement page (SameSite=Strict, HttpOnly). A page
on another site can neither read the token nor forge it, and the cookie alone is not enough.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..errors import QueryError
from ..store import corrections, queries
from ..store.db import connect
from ..vocab import ACTS
from .api import ERRORS, Conn, Id
from .errors import NotFound
from .views import with_display

CSRF_COOKIE = "qg_csrf"
CSRF_FIELD = "csrf"
MAX_FORM_BYTES = 16_384
ACTIONS = ("speaker", "act", "not_a_statement", "undo")


class Editor:
    """The one writable connection edits go through, and the secret CSRF tokens are made with."""

    def __init__(self, db_path: str | Path, secret: bytes | None = None):
        self.conn = connect(db_path, check_same_thread=False)  # creates nothing new: migrates
        self.secret = secret or secrets.token_bytes(32)
        self.lock = threading.Lock()  # one writer at a time, as the store wants

    def token(self, cookie: str) -> str:
        """The form token that goes with a CSRF cookie."""
        return hmac.new(self.secret, cookie.encode(), hashlib.sha256).hexdigest()

    def valid(self, cookie: str | None, token: str | None) -> bool:
        """Whether a posted token matches the request's cookie."""
        return bool(cookie and token) and hmac.compare_digest(self.token(cookie), token or "")

    def close(self) -> None:
        """Close the writable connection."""
        self.conn.close()


def statement_view(conn: sqlite3.Connection, statement_id: str) -> dict[str, Any]:
    """One statement (as in search, with `display`) and its `corrections`; a statement removed
    as "not a statement" is {id, removed: correction, corrections}."""
    cs = corrections.list_corrections(conn, [statement_id])
    st = queries.get_statement(conn, statement_id)
    if st is None:
        removed = next((c for c in cs if c["field"] == "not_a_statement"), None)
        if removed is None:
            raise NotFound(f"no statement with id {statement_id!r}")
        return {"id": statement_id, "removed": removed, "corrections": cs}
    with_display(conn, [st])
    return {**st, "removed": None, "corrections": cs}


api_router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
page_router = APIRouter(include_in_schema=False)


@api_router.get("/statements/{statement_id}", summary="One statement and its corrections")
def api_statement(conn: Conn, statement_id: Id) -> dict[str, Any]:
    """The statement (as in /api/statements) with `display` and `corrections`."""
    return statement_view(conn, statement_id)


def _render(request: Request, data: dict[str, Any], status: int = 200, error: str | None = None) -> Response:
    from .pages import render

    editor: Editor | None = request.app.state.editor
    cookie = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    resp = render(request, "statement.html", status=status, st=data, error=error, acts=ACTS,
                  csrf=editor.token(cookie) if editor else None)
    if editor and request.cookies.get(CSRF_COOKIE) != cookie:
        resp.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")
    return resp


@page_router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement_page(request: Request, conn: Conn, statement_id: Id) -> Response:
    """A statement in full, its corrections, and (with --allow-edits) the form to correct it."""
    return _render(request, statement_view(conn, statement_id))


def _same_origin(request: Request) -> bool:
    """False when the request says it comes from another site (the token is checked anyway)."""
    origin = request.headers.get("origin")
    # Under the pages' Referrer-Policy: no-referrer a browser sends "Origin: null" even for its
    # own forms, and curl sends none; only a real other origin is refused outright.
    if not origin or origin == "null":
        return True
    return urlsplit(origin).netloc == request.headers.get("host")


@page_router.post("/statements/{statement_id}/corrections", response_class=HTMLResponse)
async def correct_statement(request: Request, statement_id: Id) -> Response:
    """Apply one correction from the statement page's form (403 without --allow-edits or a token)."""
    from .pages import error_page

    editor: Editor | None = request.app.state.editor
    if editor is None:
        return error_page(request, 403, "editing is off: start the server with `quotegraph serve --allow-edits`")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return error_page(request, 413, "the form is too large")
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
    if not _same_origin(request) or not editor.valid(request.cookies.get(CSRF_COOKIE), form.get(CSRF_FIELD)):
        return error_page(request, 403, "the form's security token is missing or wrong: reload the "
                          "statement page and send the correction again")
    action = form.get("action")
    if action not in ACTIONS:
        return error_page(request, 400, f"unknown action {action!r}")

    def apply() -> None:
        with editor.lock:
            if action == "undo":
                if not corrections.undo(editor.conn, statement_id, form.get("field") or None):
                    raise QueryError("nothing to undo")
                return
            value = (form.get("value") or "").strip()
            corrections.correct(editor.conn, statement_id, origin="web", note=form.get("note") or None,
                                speaker=value if action == "speaker" else None,
                                act=value if action == "act" else None,
                                not_a_statement=action == "not_a_statement", acts=ACTS)

    try:
        await run_in_threadpool(apply)
    except QueryError as e:
        with request.app.state.pool.connection() as conn:
            try:
                data = statement_view(conn, statement_id)
            except NotFound:
                return error_page(request, 404, str(e))
        return _render(request, data, status=400, error=str(e))
    return RedirectResponse(f"/statements/{statement_id}", status_code=303)
