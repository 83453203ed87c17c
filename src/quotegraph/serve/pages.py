"""Server-rendered HTML pages: the view data through autoescaping Jinja2 templates."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..errors import QueryError
from ..store.align import shorten_middle
from ..vocab import ACTS, KINDS
from . import views
from .api import Conn, Id
from .highlight import N_COLOURS, Mark, highlight_query, mark_text, query_terms
from .params import MAX_PAGE, MAX_SIZE, SearchParams
from .security import link_url

QUOTE_CHARS = 600  # longer quotes are cut in cards; the article view shows them whole
SPEAKER_PAGE_SIZE = 50
CLUSTER_PAGE_SIZE = 50  # versions of one quote per page (a quote can be carried thousands of times)

env = jinja2.Environment(
    loader=jinja2.PackageLoader("quotegraph.serve", "templates"),
    autoescape=True,  # every {{ }} is escaped unless it is Markup built in highlight.py
    trim_blocks=True, lstrip_blocks=True)
templates = Jinja2Templates(env=env)
router = APIRouter(include_in_schema=False)


def _truncate(text: str | None, n: int = QUOTE_CHARS) -> str:
    text = text or ""
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _path(*parts: str) -> str:
    return "/" + "/".join(quote(p, safe="") for p in parts)


def _who(st: dict[str, Any]) -> str:
    return views.speaker_key(st)[1]


def _role(st: dict[str, Any]) -> str:
    return ", ".join(x for x in (st.get("title"), st.get("affiliation")) if x)


def _outlet(article: dict[str, Any]) -> str:
    """The outlet, else the URL's host, else the source file's name."""
    if article.get("outlet"):
        return article["outlet"]
    url = link_url(article.get("url"))
    if url:
        return urlsplit(url).hostname or url
    return PurePath(article.get("source") or "").name or "unknown source"


def _date(st: dict[str, Any]) -> str:
    return st.get("date") or (st.get("article") or {}).get("published") or ""


env.filters.update(truncate_quote=_truncate, link_url=link_url, highlight=highlight_query,
                   shorten_middle=shorten_middle)
env.globals.update(acts=ACTS, kinds=KINDS, path=_path, who=_who, role=_role, stdate=_date, outlet_of=_outlet,
                   max_size=MAX_SIZE)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with the request in its context."""
    return templates.TemplateResponse(request, name, context, status_code=status)


def _page_url(request: Request, page: int) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "page" and v != ""]
    return f"{request.url.path}?{urlencode([*params, ('page', str(page))])}"


def _pager(request: Request, page: int, size: int, total: int) -> dict[str, Any]:
    last = max(1, -(-total // size))
    return {"page": page, "last": last, "total": total,
            "prev": _page_url(request, page - 1) if page > 1 else None,
            "next": _page_url(request, page + 1) if page < min(last, MAX_PAGE) else None}


def literal_query(q: str) -> str:
    """`q` with every word searched as typed: each one an FTS5 phrase ("Russia's" is not syntax)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in q.split())


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: Conn) -> HTMLResponse:
    """Search box and an overview of the store."""
    return render(request, "home.html", p=SearchParams(), **views.home_view(conn))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, conn: Conn, p: Annotated[SearchParams, Query()]) -> HTMLResponse:
    """Statement cards for a query and filters, with the query highlighted."""
    try:
        data = views.search_view(conn, p)
    except QueryError as e:
        literal = literal_query(p.q or "")
        retry = f"/search?{urlencode({'q': literal})}" if literal != p.q else None
        return render(request, "search.html", status=400, p=p, error=str(e), data=None,
                      people=[], terms=[], pager=None, retry=retry, literal=literal)
    return render(request, "search.html", p=p, error=None, data=data, people=data["people"],
                  terms=query_terms(p.q), pager=_pager(request, p.page, data["size"], data["total"]))


def article_marks(art: dict[str, Any]) -> tuple[list[Mark], dict[str, int]]:
    """Marks for every statement's content, cue and source, and each speaker's colour index."""
    colours: dict[str, int] = {}
    marks: list[Mark] = []
    for st in art["statements"]:
        key, name, _ = views.speaker_key(st)
        c = colours.setdefault(key, len(colours) % N_COLOURS)
        role = _role(st)
        tip = " · ".join(x for x in (name, role, _date(st), st["kind"]) if x)
        attrs = (("title", tip), ("data-speaker", name), ("data-role", role),
                 ("data-date", _date(st)), ("data-kind", st["kind"]))
        spans = st["spans"]
        content = sorted(tuple(s) for s in spans.get("content") or [])
        for i, (a, b) in enumerate(content):
            marks.append(Mark(a, b, "content", st["id"], f"q sp-{c}", attrs, anchor=i == 0))
        for kind, cls in (("cue", "cue"), ("source", f"src sp-{c}")):
            if spans.get(kind):
                a, b = spans[kind]
                marks.append(Mark(a, b, kind, st["id"], cls, attrs))
    return marks, colours


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, conn: Conn, article_id: Id) -> HTMLResponse:
    """The article text with statements highlighted per speaker; speakers alongside."""
    art = views.article_view(conn, article_id)
    marks, colours = article_marks(art)
    for sp, key in zip(art["speakers"], colours):
        sp["colour"] = colours[key]
    return render(request, "article.html", art=art, body=mark_text(art["text"], marks),
                  colours=colours)


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker(request: Request, conn: Conn, speaker_id: Id,
            page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> HTMLResponse:
    """Names, roles over time, an activity plot and the statement timeline."""
    sp = views.speaker_view(conn, speaker_id, page, SPEAKER_PAGE_SIZE)
    return render(request, "speaker.html", sp=sp, bars=views.timeline_bars(sp["activity"]),
                  pager=_pager(request, page, sp["size"], sp["n_statements"]))


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, conn: Conn, cluster_id: Id,
            page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> HTMLResponse:
    """Every version of one quote, earliest first, aligned word by word with the fullest."""
    c = views.cluster_view(conn, cluster_id)
    first = (page - 1) * CLUSTER_PAGE_SIZE
    return render(request, "cluster.html", c=c, versions=c["statements"][first:first + CLUSTER_PAGE_SIZE],
                  pager=_pager(request, page, CLUSTER_PAGE_SIZE, len(c["statements"])))


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a plain page (Swagger UI needs inline script and a CDN)."""
    return render(request, "docs.html", spec=request.app.openapi())


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """An HTML error page carrying the same status and message as the JSON error."""
    return render(request, "error.html", status=status, code=status, message=message)



