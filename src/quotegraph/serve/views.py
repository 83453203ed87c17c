"""One data function per page: plain JSON-ready dicts, served as JSON by api.py, HTML by pages.py."""

from __future__ import annotations

import sqlite3
from typing import Any

from ..display import Segment, content_segments, inference_note
from ..store import browse, drift, queries
from ..store.facets import statement_facets
from .errors import NotFound
from .params import SearchParams, capped

PEOPLE_SHOWN = 6  # speakers a search names, shown above its statements
TIMELINE_MONTHS = 120  # beyond ten years of activity, the plot counts years instead of months


def _listing(items: list[dict[str, Any]], total: int, page: int, size: int) -> dict[str, Any]:
    return {"items": items, "total": total, "page": page, "size": size}


def search_view(conn: sqlite3.Connection, p: SearchParams, facets: bool = False) -> dict[str, Any]:
    """Statements matching a query and filters: {items, total, page, size, people}, plus `facets`
    (store.facets.statement_facets) when asked. Items carry `display` (see with_display);
    `people` are the speakers the query names (at most PEOPLE_SHOWN, first page only)."""
    size = capped(p.size)
    items, total = queries.search_statements(
        conn, p.q, syntax=p.syntax, speaker=p.speaker, since=p.since, until=p.until, outlet=p.outlet,
        kind=p.kind, act=p.act, speech=p.speech_filter(), page=p.page, size=size, order=p.order)
    out = {**_listing(with_display(conn, items), total, p.page, size), "people": _people_named(conn, p)}
    if facets:
        # Counted without the speech filter, so the page can say how many thoughts and findings
        # the default (speech only) leaves out; the other facets count the matches shown.
        out["facets"] = statement_facets(conn, selection(conn, p, speech=None), speech=p.speech_filter(),
                                         total=total)
    return out


def _people_named(conn: sqlite3.Connection, p: SearchParams) -> list[dict[str, Any]]:
    # Only a query that names someone (name, alias or surname: indexed look-ups) pays for the
    # speaker summaries; common words would otherwise cost a substring scan of every alias.
    if p.q and p.page == 1 and not p.speaker and queries.find_speaker_ids(conn, p.q):
        return queries.list_speakers(conn, p.q, size=PEOPLE_SHOWN)[0]
    return []


def selection(conn: sqlite3.Connection, p: SearchParams, **override: Any) -> queries.Selection:
    """The store selection a search's parameters mean (for facets and downloads)."""
    args = {"syntax": p.syntax, "speaker": p.speaker, "since": p.since, "until": p.until, "outlet": p.outlet,
            "kind": p.kind, "act": p.act, "speech": p.speech_filter(), **override}
    return queries.select_statements(conn, p.q, **args)


def with_display(conn: sqlite3.Connection, items: list[dict[str, Any]],
                 texts: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Statement items with what a reader is shown: `display`, the content as
    [{text, verbatim}] runs (only words inside quotation marks in the article are verbatim,
    markdown removed), and `speaker_note`, how an inferred speaker was reached ("from 'she'")."""
    if texts is None:
        texts = queries.article_texts(conn, [it["article_id"] for it in items])
    for it in items:
        text = texts.get(it["article_id"])
        segments = (content_segments(text, it["spans"]["content"], it["kind"]) if text is not None
                    else [Segment(it["content"], it["kind"] == "direct")])
        it["display"] = [{"text": s.text, "verbatim": s.verbatim} for s in segments]
        it["speaker_note"] = inference_note(it.get("speaker_via"), it["source"])
    return items


def speaker_view(conn: sqlite3.Connection, speaker_id: str, page: int = 1,
                 size: int = 50) -> dict[str, Any]:
    """A speaker with roles over time, monthly activity and a page of the statement timeline.

    Adds to queries.get_speaker: `roles` (titles/affiliations with date ranges), `activity`
    (statements per month), `page`/`size` of `statements`, and `carriers`: for each cluster on
    this page, every statement (article, outlet, date) that carried the same quote.
    """
    size = capped(size)
    sp = queries.get_speaker(conn, speaker_id, page=page, size=size)
    if sp is None:
        raise NotFound(f"no speaker with id {speaker_id!r}")
    cids = [s["cluster_id"] for s in sp["statements"] if s["cluster_id"]]
    with_display(conn, sp["statements"])
    return {**sp, "page": page, "size": size,
            "roles": queries.speaker_roles(conn, speaker_id),
            "activity": queries.speaker_months(conn, speaker_id),
            "carriers": queries.cluster_carriers(conn, cids)}


def article_view(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    """An article's text and statements (offsets into the text), plus the speakers in it.

    `speakers` lists each speaker once in order of first appearance: {id, name, n_statements};
    `id` is null for a speaker the store could not resolve (then `name` is as written).
    """
    art = queries.get_article(conn, article_id)
    if art is None:
        raise NotFound(f"no article with id {article_id!r}")
    with_display(conn, art["statements"], {article_id: art["text"]})
    speakers: dict[str, dict[str, Any]] = {}
    for st in art["statements"]:
        key, name, sid = speaker_key(st)
        entry = speakers.setdefault(key, {"id": sid, "name": name, "n_statements": 0})
        entry["n_statements"] += 1
    return {**art, "speakers": list(speakers.values())}


def speaker_key(st: dict[str, Any]) -> tuple[str, str, str | None]:
    """(grouping key, display name, speaker id or None) for a statement item."""
    if st["speaker"]:
        return st["speaker"]["id"], st["speaker"]["name"], st["speaker"]["id"]
    name = st["speaker_as_written"] or st["source"] or "unknown speaker"
    return f"?{name.lower()}", name, None


def cluster_view(conn: sqlite3.Connection, cluster_id: str) -> dict[str, Any]:
    """Who carried one quote, where and when, earliest first, each version aligned word by word
    with the fullest one (store/drift.annotate: `drift` on the cluster and on each statement)."""
    c = queries.get_cluster(conn, cluster_id)
    if c is None:
        raise NotFound(f"no cluster with id {cluster_id!r}")
    return drift.annotate(conn, c)


def home_view(conn: sqlite3.Connection) -> dict[str, Any]:
    """The front page: store counts, the most quoted speakers and the widest-carried quotes."""
    speakers, _ = browse.page(conn, browse.speakers(), size=10)  # from speaker_stats: no statement read
    clusters, _ = browse.page(conn, browse.clusters(), size=5)
    articles, _ = browse.page(conn, browse.articles(), size=8)
    return {"stats": queries.store_stats(conn), "speakers": speakers, "clusters": clusters,
            "articles": articles}


def timeline_bars(activity: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Bars for the activity plot: every month (or year, for long spans) from first to last, zeros included."""
    if not activity:
        return []
    counts = {a["month"]: a["n"] for a in activity if len(a["month"] or "") == 7}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    y0, m0, y1, m1 = int(first[:4]), int(first[5:]), int(last[:4]), int(last[5:])
    n_months = (y1 - y0) * 12 + (m1 - m0) + 1
    if n_months > TIMELINE_MONTHS:
        years: dict[str, int] = {str(y): 0 for y in range(y0, y1 + 1)}
        for k, n in counts.items():
            years[k[:4]] += n
        return [{"label": k, "n": n} for k, n in years.items()]
    bars = []
    for i in range(n_months):
        y, m = y0 + (m0 - 1 + i) // 12, (m0 - 1 + i) % 12 + 1
        label = f"{y:04d}-{m:02d}"
        bars.append({"label": label, "n": counts.get(label, 0)})
    return bars
