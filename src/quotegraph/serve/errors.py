"""One error shape for every failure: {"error": {"status", "code", "message", "details"}}."""

from __future__ import annotations

from typing import Any

from ..errors import QuotegraphError

CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter",
         500: "internal_error", 503: "unavailable"}


class NotFound(QuotegraphError):
    """No article, speaker or cluster with the requested id."""


def error_body(status: int, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON body of an error response."""
    return {"error": {"status": status, "code": CODES.get(status, "error"), "message": message,
                      "details": details or []}}


def validation_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic validation errors as {parameter, message}, without echoing the raw input back."""
    out = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
        out.append({"parameter": ".".join(loc) or None, "message": e.get("msg", "invalid")})
    return out


def validation_message(details: list[dict[str, Any]]) -> str:
    """One line naming each invalid parameter."""
    return "; ".join(f"{d['parameter']}: {d['message']}" if d["parameter"] else d["message"]
                     for d in details) or "invalid request"
