"""Query parameters, declared once for the JSON API and the HTML pages (and so for OpenAPI)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..vocab import ACTS, KINDS

MAX_SIZE = 100  # page size cap: larger requests are served this many items, and `size` says so
DEFAULT_SIZE = 20
MAX_PAGE = 10_000  # deep OFFSETs cost a scan of everything before them
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def capped(size: int) -> int:
    """The page size actually served for a requested `size`."""
    return min(size, MAX_SIZE)


class Paging(BaseModel):
    """page (1-based) and size (capped at MAX_SIZE)."""

    model_config = ConfigDict(extra="ignore")

    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    size: int = Field(DEFAULT_SIZE, ge=1, description=f"Items per page (at most {MAX_SIZE} are served).")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_unset(cls, v: object, info) -> object:
        # An HTML form sends empty fields as "", which means "no filter", not "invalid".
        if v == "":
            return cls.model_fields[info.field_name].default
        return v


class SearchParams(Paging):
    """Statement search: FTS query plus filters."""

    q: str | None = Field(None, max_length=500, description=(
        'FTS5 query over quote and speaker: words, "exact phrases", AND / OR / NOT, prefix*, '
        "speaker: NAME."))
    speaker: str | None = Field(None, max_length=200, description="Speaker name, alias, surname or id.")
    since: str | None = Field(None, pattern=ISO_DATE, description="On or after this date (YYYY-MM-DD).")
    until: str | None = Field(None, pattern=ISO_DATE, description="On or before this date (YYYY-MM-DD).")
    outlet: str | None = Field(None, max_length=200, description="Outlet name (case-insensitive).")
    kind: Literal[KINDS] | None = Field(None, description="Kind of statement.")  # type: ignore[valid-type]
    act: Literal[ACTS] | None = Field(None, description="Speech act (docs/acts.md).")  # type: ignore[valid-type]
    order: Literal["rank", "date", "-date"] = Field(
        "rank", description="Relevance, oldest first (date) or newest first (-date).")


class SpeakerQuery(Paging):
    """Speaker listing: optional name filter."""

    q: str | None = Field(None, max_length=200, description="Name, alias or surname (substring).")
