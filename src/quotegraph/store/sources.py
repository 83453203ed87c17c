"""Who gets quoted, per outlet and month: the counts `quotegraph stats` and the /sources page report.

The figures are aggregate queries over two tables the writer keeps per article
(store/people.recount): `article_sources` (statements by kind of speaker) and `article_people`
(each person named, with their statements, the article's outlet and date and the speaker's
gender), each read alone through covering indexes, never joined to the statements; docs/sources.md
says what each figure means. The unit of "people quoted" by gender is the source, as in the
Gender Gap Tracker: a person quoted in an article, counted once per article however often they
speak. Gender is the canonical speaker's (store/people.py): what the texts state, else the name list.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import QueryError

GROUPINGS = ("outlet", "month", "outlet,month", "none")
_KEYS = {"outlet": "a.outlet", "month": "substr(a.published, 1, 7)"}
GENDERS = ("female", "male", "unknown")
DEFAULT_TOP = 5
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Speaker kinds a statement is split into; they add up to its statements ("other": a group
# that is not anonymous, an unknown or missing speaker).
SPEAKER_KINDS = ("person", "organization", "country", "anonymous", "other")
_COUNTED = ("anonymous", "person", "organization", "country")  # article_sources columns


@dataclass(frozen=True, slots=True)
class Scope:
    """Which statements count: articles published in [since, until], speech only or all, and
    the grouping (a tuple of "outlet" and/or "month"; empty for one group of everything)."""

    by: tuple[str, ...] = ("outlet",)
    since: str | None = None
    until: str | None = None
    speech_only: bool = True

    @classmethod
    def parse(cls, by: str = "outlet", since: str | None = None, until: str | None = None,
              speech_only: bool = True) -> Scope:
        """A scope from the CLI's and the API's words: by "outlet", "month", "outlet,month" or
        "none"; dates as YYYY, YYYY-MM or YYYY-MM-DD (QueryError naming a bad one)."""
        if by not in GROUPINGS:
            raise QueryError(f"unknown grouping {by!r} (expected one of {', '.join(GROUPINGS)})")
        for name, value in (("since", since), ("until", until)):
            if value and not _DATE.match(value):
                raise QueryError(f"{name} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
        keys = () if by == "none" else tuple(by.split(","))
        return cls(keys, since or None, until or None, speech_only)

    def where(self) -> tuple[str, list[str]]:
        """The article filter as SQL over `a` with its parameters."""
        clauses, params = [], []
        if self.since:
            clauses.append("a.published >= ?")
            params.append(self.since)
        if self.until:
            # "2016-09" as an upper bound means the whole month: every date starting with it.
            clauses.append("a.published < ?")
            params.append(self.until + "\uffff")
        return (" AND ".join(clauses) or "1"), params


def _grouped(conn: sqlite3.Connection, scope: Scope, select: str, source: str) -> dict[tuple, sqlite3.Row]:
    """Run `SELECT keys, select FROM source WHERE filters GROUP BY keys`, keyed by the group
    (`source` is article_sources or article_people, named `a`)."""
    keys = [_KEYS[k] for k in scope.by]
    where, params = scope.where()
    cols = ", ".join([*(f"{k} AS g{i}" for i, k in enumerate(keys)), select])
    group = f" GROUP BY {', '.join(f'g{i}' for i in range(len(keys)))}" if keys else ""
    sql = f"SELECT {cols} FROM {source} WHERE {where}{group}"
    return {tuple(r[f"g{i}"] for i in range(len(keys))): r for r in conn.execute(sql, params)}


def _quoted(scope: Scope) -> str:
    """Whether a row of article_people (as `a`) is a person the article quotes."""
    return "a.n_speech > 0" if scope.speech_only else "a.n_statements > 0"


def _share(part: int | None, whole: int | None) -> float | None:
    return round(part / whole, 4) if whole and part is not None else None


def source_stats(conn: sqlite3.Connection, scope: Scope = Scope(), top: int = DEFAULT_TOP) -> dict[str, Any]:
    """Per group of `scope.by`: articles, statements, speaker kinds, anonymous share, sources by
    gender, people quoted and mentioned, and the `top` people quoted per gender; plus `total`.

    Shape: {by, since, until, speech_only, groups: [group...], total: group}, where a group is
    {outlet?, month?, articles, statements, speakers: {person, organization, country, anonymous,
    other}, anonymous_share, people_quoted (distinct persons), sources (persons quoted, once per
    article), women, men, gender_unknown, women_share (of sources with gender known),
    unknown_share (of sources), people_mentioned (persons named, once per article),
    quoted_share (sources / people_mentioned), top: {female|male|unknown: [{id, name,
    statements, articles}]}}. Grouped by outlet and month, only `total` lists the top people.
    """
    groups = group_stats(conn, scope, top)
    total = group_stats(conn, Scope((), scope.since, scope.until, scope.speech_only), top)
    return {"by": list(scope.by), "since": scope.since, "until": scope.until, "speech_only": scope.speech_only,
            "groups": groups, "total": total[0] if total else _empty_group({})}


def group_stats(conn: sqlite3.Connection, scope: Scope, top: int = DEFAULT_TOP) -> list[dict[str, Any]]:
    """The groups of `scope.by` with their figures (as in source_stats), in group order."""
    p = "s" if scope.speech_only else "a"
    kinds = ", ".join(f"sum(a.{p}_{k}) AS {k}" for k in _COUNTED)
    articles = _grouped(conn, scope, f"count(*) AS articles, sum(a.{p}_statements) AS statements, {kinds}",
                        "article_sources a")
    q = _quoted(scope)
    people = _grouped(conn, scope, f"count(*) AS mentioned, sum({q}) AS sources, "
                      f"sum({q} AND a.speaker_gender = 'female') AS women, sum({q} AND a.speaker_gender = 'male') "
                      f"AS men, count(DISTINCT CASE WHEN {q} THEN a.speaker_id END) AS people", "article_people a")
    # Per outlet and month the lists would be hundreds, and ranking them costs most of the
    # time (0.6 s on 100k statements): there the total's list stands for them.
    tops = _top(conn, scope, top) if top > 0 and len(scope.by) < 2 else {}
    out = []
    for key in sorted(articles, key=lambda k: tuple((v is None, v or "") for v in k)):
        row: dict[str, Any] = dict(zip(scope.by, key, strict=True))
        out.append(_empty_group(row) | _figures(articles[key], people.get(key), tops.get(key, {})))
    return out


def _empty_group(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "articles": 0, "statements": 0, "speakers": dict.fromkeys(SPEAKER_KINDS, 0),
            "anonymous_share": None, "people_quoted": 0, "sources": 0, "women": 0, "men": 0,
            "gender_unknown": 0, "women_share": None, "unknown_share": None, "people_mentioned": 0,
            "quoted_share": None, "top": {g: [] for g in GENDERS}}


def _figures(a: sqlite3.Row, pe: sqlite3.Row | None, top: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    n_st = a["statements"] or 0
    kinds = {k: a[k] or 0 for k in _COUNTED}
    kinds["other"] = n_st - sum(kinds.values())
    n_so, women, men = ((pe["sources"] or 0), (pe["women"] or 0), (pe["men"] or 0)) if pe else (0, 0, 0)
    n_me = pe["mentioned"] if pe else 0
    return {"articles": a["articles"], "statements": n_st, "speakers": {k: kinds[k] for k in SPEAKER_KINDS},
            "anonymous_share": _share(kinds["anonymous"], n_st),
            "people_quoted": pe["people"] if pe else 0, "sources": n_so, "women": women, "men": men,
            "gender_unknown": n_so - women - men, "women_share": _share(women, women + men),
            "unknown_share": _share(n_so - women - men, n_so), "people_mentioned": n_me,
            "quoted_share": _share(n_so, n_me), "top": {g: top.get(g, []) for g in GENDERS}}


def _top(conn: sqlite3.Connection, scope: Scope, top: int) -> dict[tuple, dict[str, list[dict[str, Any]]]]:
    """The most quoted people (by statements) of each group and gender."""
    keys = [_KEYS[k] for k in scope.by]
    where, params = scope.where()
    g = [f"{k} AS g{i}" for i, k in enumerate(keys)]
    gcols = [f"g{i}" for i in range(len(keys))]
    n = "a.n_speech" if scope.speech_only else "a.n_statements"
    # Ranked on article_people alone (its covering indexes); names only for the people kept.
    sql = f"""
        WITH counted AS (
            SELECT {', '.join(['a.speaker_id AS id', *g])}, coalesce(a.speaker_gender, 'unknown') AS gender,
                   sum({n}) AS statements, count(*) AS articles
            FROM article_people a
            WHERE {where} AND {_quoted(scope)}
            GROUP BY {', '.join(['a.speaker_id', *gcols])}),  -- speaker first: the index's order
        ranked AS (SELECT *, row_number() OVER (PARTITION BY {', '.join([*gcols, 'gender'])}
                                               ORDER BY statements DESC, articles DESC, id) AS rank
                   FROM counted)
        SELECT ranked.*, sp.name FROM ranked JOIN speakers sp ON sp.id = ranked.id WHERE rank <= ?
        ORDER BY rank"""
    out: dict[tuple, dict[str, list[dict[str, Any]]]] = {}
    for r in conn.execute(sql, [*params, top]):
        key = tuple(r[c] for c in gcols)
        out.setdefault(key, {}).setdefault(r["gender"], []).append(
            {"id": r["id"], "name": r["name"], "statements": r["statements"], "articles": r["articles"]})
    return out
