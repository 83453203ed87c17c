"""Query parameters, declared once for the JSON API and the HTML pages (and so for OpenAPI)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..store.fts import MAX_QUERY_CHARS
from ..vocab import ACTS, KINDS

MAX_SIZE = 100  # page size cap: larger requests are served this many items, and `size` says so
DEFAULT_SIZE = 20
MAX_PAGE = 10_000  # deep OFFSETs cost a scan of everything before them
MAX_DOWNLOAD_ROWS = 100_000  # one download streams at most this many rows (the headers say if cut)
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def capped(size: int) -> int:
    """The page size actually served for a requested `size`."""
    return min(size, MAX_SIZE)


class FormParams(BaseModel):
    """Query parameters as an HTML form sends them: unknown ones ignored, empty ones unset."""

    model_config = ConfigDict(extra="ignore")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_unset(cls, v: object, info) -> object:
        # An HTML form sends empty fields as "", which means "no filter", not "invalid".
        if v == "":
            return cls.model_fields[info.field_name].default
        return v


class Paging(FormParams):
    """page (1-based) and size (capped at MAX_SIZE)."""

    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    size: int = Field(DEFAULT_SIZE, ge=1, description=f"Items per page (at most {MAX_SIZE} are served).")


class SearchParams(Paging):
    """Statement search: a query plus filters."""

    q: str | None = Field(None, max_length=MAX_QUERY_CHARS, description=(
        'Words to find in the quote or the speaker\'s name. Plain syntax (the default): words and '
        '"exact phrases" as typed, a trailing * for a prefix. FTS5 syntax (syntax=fts): also '
        "AND / OR / NOT, NEAR(a b, 5), speaker: NAME."))
    syntax: Literal["plain", "fts"] = Field("plain", description=(
        "How `q` is read: plain words (default) or SQLite FTS5 query syntax."))
    speaker: str | None = Field(None, max_length=200, description="Speaker name, alias, surname or id.")
    since: str | None = Field(None, pattern=ISO_DATE, description="On or after this date (YYYY-MM-DD).")
    until: str | None = Field(None, pattern=ISO_DATE, description="On or before this date (YYYY-MM-DD).")
    outlet: str | None = Field(None, max_length=200, description="Outlet name (case-insensitive).")
    kind: Literal[KINDS] | None = Field(None, description="Kind of statement.")  # type: ignore[valid-type]
    act: Literal[ACTS] | None = Field(None, description="Speech act (docs/acts.md).")  # type: ignore[valid-type]
    speech: Literal["true", "false", "any"] = Field("any", description=(
        "true: only what was said or written; false: only thoughts, beliefs, wishes, feelings and "
        "findings; any: both."))
    order: Literal["rank", "date", "-date"] = Field(
        "rank", description="Relevance, oldest first (date) or newest first (-date).")

    def speech_filter(self) -> bool | None:
        """`speech` as the store's filter: True, False or None (any)."""
        return {"true": True, "false": False, "any": None}[self.speech]


class PageSearchParams(SearchParams):
    """The search page's parameters: speech only unless the reader asks for the rest."""

    speech: Literal["true", "false", "any"] = Field("true", description=SearchParams.model_fields["speech"].description)


class StatementsApiParams(SearchParams):
    """The search API: also facet counts, and whole-result downloads."""

    facets: bool = Field(False, description="Add `facets`: counts by speaker, act, kind, outlet, month and speech.")
    format: Literal["page", "csv", "json"] = Field("page", description=(
        f"page: one page as {{items, total, page, size}}; csv or json: every match (at most "
        f"{MAX_DOWNLOAD_ROWS:,}), streamed as a download."))
