"""Browse pages /speakers, /articles, /outlets, /clusters and their /api twins: sortable,
paginated, downloadable as CSV or JSON with the same filters (`format=`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field

from ..store import browse
from .api import ERRORS, Conn
from .downloads import download
from .params import Paging, capped

Format = Literal["page", "csv", "json"]
FORMAT_HELP = "page: one page as {items, total, page, size}; csv or json: every row (bounded), as a download."


class _Listing(Paging):
    sort: str | None = Field(None, max_length=40, description="A column to sort by; - first for descending.")
    format: Format = Field("page", description=FORMAT_HELP)

    def listing(self) -> browse.Listing:
        """The store listing these parameters select."""
        raise NotImplementedError


class SpeakerParams(_Listing):
    """Speakers: name filter and sort."""

    q: str | None = Field(None, max_length=200, description="Part of a name or alias.")

    def listing(self) -> browse.Listing:
        return browse.speakers(self.q, self.sort or browse.DEFAULT_SORTS["speakers"])


class ArticleParams(_Listing):
    """Articles: outlet and title filters and sort."""

    outlet: str | None = Field(None, max_length=200, description="Outlet name (case-insensitive).")
    q: str | None = Field(None, max_length=200, description="Part of the title.")

    def listing(self) -> browse.Listing:
        return browse.articles(self.outlet, self.q, self.sort or browse.DEFAULT_SORTS["articles"])


class OutletParams(_Listing):
    """Outlets: sort."""

    def listing(self) -> browse.Listing:
        return browse.outlets(self.sort or browse.DEFAULT_SORTS["outlets"])


class ClusterParams(_Listing):
    """Clusters: how widely carried, and sort."""

    min_articles: int = Field(2, ge=1, le=1_000_000, description="Only quotes carried by at least this many articles.")

    def listing(self) -> browse.Listing:
        return browse.clusters(self.min_articles, self.sort or browse.DEFAULT_SORTS["clusters"])


# name: the sorts its column headers offer, its heading, and its CSV columns
PAGES: dict[str, dict[str, Any]] = {
    "speakers": {"sorts": browse.SPEAKER_SORTS, "title": "Speakers",
                 "columns": ["id", "name", "type", "title", "affiliation", "n_statements", "n_articles",
                             "first_date", "last_date"]},
    "articles": {"sorts": browse.ARTICLE_SORTS, "title": "Articles",
                 "columns": ["id", "title", "outlet", "published", "url", "source", "n_statements", "ingested_at"]},
    "outlets": {"sorts": browse.OUTLET_SORTS, "title": "Outlets",
                "columns": ["outlet", "n_articles", "n_statements", "first_date", "last_date"]},
    "clusters": {"sorts": browse.CLUSTER_SORTS, "title": "Quotes carried by several articles",
                 "columns": ["id", "representative", "n_statements", "n_articles", "n_outlets", "first_date",
                             "last_date", "stale"]},
}


def listing_view(conn, p: _Listing) -> dict[str, Any]:
    """One page of a browse listing: {items, total, page, size}."""
    size = capped(p.size)
    items, total = browse.page(conn, p.listing(), p.page, size)
    return {"items": items, "total": total, "page": p.page, "size": size}


def _respond(request: Request, conn, name: str, p: _Listing) -> dict[str, Any] | Response:
    """The page's data, or (format=csv|json) every row as a streamed download."""
    if p.format == "page":
        return listing_view(conn, p)
    listing = p.listing()
    total = conn.execute(listing.count_sql, listing.params).fetchone()[0]
    return download(request, lambda c, limit: browse.stream(c, listing, limit), fmt=p.format, name=name,
                    total=total, columns=PAGES[name]["columns"])


api_router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
page_router = APIRouter(include_in_schema=False)


@api_router.get("/speakers", summary="List speakers")
def api_speakers(request: Request, conn: Conn, p: Annotated[SpeakerParams, Query()]) -> Any:
    """Speakers with statements, most first (sort: statements, articles, name, first, last)."""
    return _respond(request, conn, "speakers", p)


@api_router.get("/articles", summary="List articles")
def api_articles(request: Request, conn: Conn, p: Annotated[ArticleParams, Query()]) -> Any:
    """Articles without their text, newest first (sort: published, title, outlet, statements)."""
    return _respond(request, conn, "articles", p)


@api_router.get("/outlets", summary="List outlets")
def api_outlets(request: Request, conn: Conn, p: Annotated[OutletParams, Query()]) -> Any:
    """Outlets with article and statement counts (sort: articles, statements, name, first, last)."""
    return _respond(request, conn, "outlets", p)


@api_router.get("/clusters", summary="List quotes carried by several articles")
def api_clusters(request: Request, conn: Conn, p: Annotated[ClusterParams, Query()]) -> Any:
    """Clusters, widest first (sort: outlets, articles, statements, first, last)."""
    return _respond(request, conn, "clusters", p)


def _page(request: Request, conn, name: str, p: _Listing) -> Response:
    from .pages import download_links, pager, render, sort_link

    data = _respond(request, conn, name, p)
    if isinstance(data, Response):
        return data
    current = p.sort or browse.DEFAULT_SORTS[name]
    sorts = {key: sort_link(request, current, key) for key in PAGES[name]["sorts"]}
    return render(request, f"{name}.html", data=data, p=p, listing=name, title=PAGES[name]["title"],
                  sorts=sorts, pager=pager(request, p.page, data["size"], data["total"]),
                  downloads=download_links(request, f"/api/{name}"))


@page_router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, conn: Conn, p: Annotated[SpeakerParams, Query()]) -> Response:
    """Every speaker, sortable by statements, articles, name and dates."""
    return _page(request, conn, "speakers", p)


@page_router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, conn: Conn, p: Annotated[ArticleParams, Query()]) -> Response:
    """Every article, sortable by date, title, outlet and statements; filter by outlet or title."""
    return _page(request, conn, "articles", p)


@page_router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request, conn: Conn, p: Annotated[OutletParams, Query()]) -> Response:
    """Every outlet with its articles and statements."""
    return _page(request, conn, "outlets", p)


@page_router.get("/clusters", response_class=HTMLResponse)
def clusters_page(request: Request, conn: Conn, p: Annotated[ClusterParams, Query()]) -> Response:
    """Quotes carried by several articles, widest first."""
    return _page(request, conn, "clusters", p)
