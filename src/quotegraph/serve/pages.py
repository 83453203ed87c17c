"""Server-rendered HTML pages: the view data through autoescaping Jinja2 templates."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..display import Segment, count, range_of, reader_text, split_space, truncate
from ..errors import QueryError
from ..store.align import shorten_middle
from ..store.facets import FACETS
from ..vocab import ACTS, KINDS
from . import views
from .api import Conn, Id
from .highlight import Mark, highlight_query, mark_text, query_terms
from .params import MAX_DOWNLOAD_ROWS, MAX_PAGE, MAX_SIZE, PageSearchParams
from .security import link_url

QUOTE_CHARS = 600  # longer quotes are cut in cards; the article view shows them whole
SPEAKER_PAGE_SIZE = 50
CLUSTER_PAGE_SIZE = 50  # versions of one quote per page (a quote can be carried thousands of times)
N_COLOURS, N_PATTERNS = 20, 3  # speaker classes sp-0 … sp-19, and pat-1/pat-2 beyond 20 speakers
NAV = (("/", "Search"), ("/speakers", "Speakers"), ("/articles", "Articles"), ("/outlets", "Outlets"),
       ("/clusters", "Carried quotes"), ("/drift", "Drift"), ("/sources", "Sources"), ("/docs", "API"))
KIND_HELP = {"direct": "quoted: the words are the speaker's",
             "mixed": "partly quoted: only the words in quotation marks are the speaker's",
             "indirect": "reported in the writer's words"}
FACET_TITLES = {"speaker": "Speaker", "act": "Act", "kind": "Kind", "outlet": "Outlet", "month": "Month",
                "speech": "Speech or not"}

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
    return _file_name(article.get("source")) or "unknown source"


def _file_name(source: str | None) -> str | None:
    """A source's base name: a server's file paths are never shown (URLs are kept whole)."""
    if not source:
        return None
    if "://" in source:
        return source
    return PurePath(source.replace("\\", "/")).name or None


def _quote(segments: list[dict[str, Any]], terms: list[str] | None = None, limit: int = QUOTE_CHARS) -> Markup:
    """Displayed content as HTML: verbatim runs in <q> (the page adds the marks), the rest bare,
    query words highlighted."""
    out = []
    for seg in truncate([Segment(s["text"], s["verbatim"]) for s in segments], limit):
        lead, core, trail = split_space(seg)
        if seg.verbatim and core:
            out.append(f"{escape(lead)}<q>{highlight_query(core, terms or [])}</q>{escape(trail)}")
        else:
            out.append(str(highlight_query(seg.text, terms or [])))
    return Markup("".join(out))


def gender_label(gender: str | None, evidence: str | None) -> str:
    """A gender with its evidence as shown on pages: "female (pronoun)", "unknown (contradiction)"."""
    return f"{gender or 'unknown'}{f' ({evidence})' if evidence else ''}"


def speaker_class(i: int) -> str:
    """The colour class of the i-th speaker of an article: 20 colours, then patterns on top."""
    pattern = (i // N_COLOURS) % N_PATTERNS
    return f"sp-{i % N_COLOURS}" + (f" pat-{pattern}" if pattern else "")


def _date(st: dict[str, Any]) -> str:
    return st.get("date") or (st.get("article") or {}).get("published") or ""


env.filters.update(truncate_quote=_truncate, link_url=link_url, highlight=highlight_query,
                   file_name=_file_name, quote=_quote, shorten_middle=shorten_middle)
env.globals.update(acts=ACTS, kinds=KINDS, path=_path, who=_who, role=_role, stdate=_date, outlet_of=_outlet,
                   max_size=MAX_SIZE, count=count, range_of=range_of, nav=NAV,
                   max_download=MAX_DOWNLOAD_ROWS, kind_help=KIND_HELP, gender_label=gender_label)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with the request in its context."""
    return templates.TemplateResponse(request, name, context, status_code=status)


def url_with(request: Request, path: str | None = None, drop: tuple[str, ...] = ("page",), **values: str | None
             ) -> str:
    """This request's URL with parameters replaced (None removes one) and `drop` left out."""
    params = [(k, v) for k, v in request.query_params.multi_items()
              if k not in drop and k not in values and v != ""]
    params += [(k, v) for k, v in values.items() if v is not None]
    path = path or request.url.path
    return f"{path}?{urlencode(params)}" if params else path


def pager(request: Request, page: int, size: int, total: int) -> dict[str, Any]:
    """Previous/next links and the position in a paginated list ("21–40 of 1,234")."""
    last = max(1, -(-total // size))
    return {"page": page, "last": last, "total": total, "first": (page - 1) * size, "size": size,
            "prev": url_with(request, page=str(page - 1)) if page > 1 else None,
            "next": url_with(request, page=str(page + 1)) if page < min(last, MAX_PAGE) else None}


def sort_link(request: Request, current: str, key: str) -> dict[str, Any]:
    """A column header's link: sorts by `key`, reversing the order when it is already the sort."""
    active = current.removeprefix("-") == key
    desc = current.startswith("-")
    target = (key if desc else f"-{key}") if active else f"-{key}"
    return {"href": url_with(request, sort=target), "active": active, "desc": active and desc}


def download_links(request: Request, api_path: str, **defaults: str) -> dict[str, str]:
    """CSV and JSON downloads of the view on this page, with the same filters (`defaults`: the
    page's own defaults where the API's differ, so the download holds what the page shows)."""
    return {fmt: url_with(request, path=api_path, drop=("page", "size", "format"), format=fmt,
                          **{k: request.query_params.get(k) or v for k, v in defaults.items()})
            for fmt in ("csv", "json")}


def facet_links(request: Request, p: PageSearchParams, facets: dict[str, Any]) -> list[dict[str, Any]] | None:
    """Each facet's values as links that narrow the search, the value in force marked (None when
    there were too many matches to count)."""
    if all(v is None for v in facets.values()):
        return None
    month = p.since[:7] if p.since and p.since.endswith("-01") and p.until == p.since[:8] + "31" else None
    out = []
    for name in FACETS:
        values = facets.get(name)
        current = month if name == "month" else getattr(p, name)
        links = []
        for v in values or []:
            value = str(v["value"])
            if name == "month":
                href = url_with(request, path="/search", since=f"{value}-01", until=f"{value}-31")
            else:
                href = url_with(request, path="/search", **{name: value})
            links.append({"label": v["label"], "count": v["count"], "href": href, "active": current == value})
        if name == "month":
            clear = url_with(request, path="/search", since=None, until=None) if month else None
        elif name == "speech":
            clear = url_with(request, path="/search", speech="any") if current != "any" else None
        else:
            clear = url_with(request, path="/search", **{name: None}) if current else None
        out.append({"name": name, "title": FACET_TITLES[name], "links": links, "clear_href": clear})
    return out


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: Conn) -> HTMLResponse:
    """Search box and an overview of the store."""
    return render(request, "home.html", p=PageSearchParams(), **views.home_view(conn))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, conn: Conn, p: Annotated[PageSearchParams, Query()]) -> HTMLResponse:
    """Statement cards for a query and filters, with the query highlighted, facet counts alongside
    and downloads of the whole result. Speech only unless the reader includes the rest."""
    try:
        data = views.search_view(conn, p, facets=True)
    except QueryError as e:
        retry = url_with(request, syntax=None) if p.syntax == "fts" else None
        return render(request, "search.html", status=400, p=p, error=str(e), data=None,
                      people=[], terms=[], pager=None, retry=retry, facets=[], downloads=None)
    speech_toggle = {"any": url_with(request, speech="any"), "true": url_with(request, speech=None)}
    return render(request, "search.html", p=p, error=None, data=data, people=data["people"],
                  terms=query_terms(p.q), pager=pager(request, p.page, data["size"], data["total"]),
                  facets=facet_links(request, p, data["facets"]), speech_toggle=speech_toggle,
                  downloads=download_links(request, "/api/statements", speech=p.speech))


def article_marks(art: dict[str, Any]) -> tuple[list[Mark], dict[str, int]]:
    """Marks for every statement's content, cue and source, and each speaker's colour index."""
    colours: dict[str, int] = {}
    marks: list[Mark] = []
    reader = reader_text(art["text"])
    for st in art["statements"]:
        key, name, _ = views.speaker_key(st)
        c = speaker_class(colours.setdefault(key, len(colours)))
        if st.get("speaker_note"):
            name = f"{name} ({st['speaker_note']})"
        role = _role(st)
        tip = " · ".join(x for x in (name, role, _date(st), st["kind"]) if x)
        spans = st["spans"]
        content = sorted(tuple(s) for s in spans.get("content") or [])
        for kind, ranges in (("content", content), ("cue", [spans.get("cue")]), ("source", [spans.get("source")])):
            for i, r in enumerate(x for x in ranges if x):
                a, b = r
                # The page shows the reader's text; each mark keeps the stored offsets it shows.
                attrs = (("title", tip), ("data-speaker", name), ("data-role", role), ("data-date", _date(st)),
                         ("data-kind", st["kind"]), ("data-offsets", f"{a}-{b}"))
                cls = {"content": f"q {c}", "cue": "cue", "source": f"src {c}"}[kind]
                ca, cb = reader.to_clean(a, b)
                marks.append(Mark(ca, cb, kind, st["id"], cls, attrs, anchor=kind == "content" and i == 0))
    return marks, colours


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, conn: Conn, article_id: Id) -> HTMLResponse:
    """The article text with statements highlighted per speaker; speakers alongside."""
    art = views.article_view(conn, article_id)
    marks, colours = article_marks(art)
    for sp, key in zip(art["speakers"], colours):
        sp["colour"] = speaker_class(colours[key])
    return render(request, "article.html", art=art, body=mark_text(reader_text(art["text"]).clean, marks),
                  colours=colours)


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker(request: Request, conn: Conn, speaker_id: Id,
            page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> HTMLResponse:
    """Names, roles over time, an activity plot and the statement timeline."""
    sp = views.speaker_view(conn, speaker_id, page, SPEAKER_PAGE_SIZE)
    return render(request, "speaker.html", sp=sp, bars=views.timeline_bars(sp["activity"]),
                  pager=pager(request, page, sp["size"], sp["n_statements"]))


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, conn: Conn, cluster_id: Id,
            page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> HTMLResponse:
    """Every version of one quote, earliest first, aligned word by word with the fullest."""
    c = views.cluster_view(conn, cluster_id)
    first = (page - 1) * CLUSTER_PAGE_SIZE
    versions = views.with_display(conn, c["statements"][first:first + CLUSTER_PAGE_SIZE])  # this page's only
    return render(request, "cluster.html", c=c, versions=versions,
                  pager=pager(request, page, CLUSTER_PAGE_SIZE, len(c["statements"])))


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a plain page (Swagger UI needs inline script and a CDN)."""
    return render(request, "docs.html", spec=request.app.openapi())


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """An HTML error page carrying the same status and message as the JSON error."""
    return render(request, "error.html", status=status, code=status, message=message)



