"""The people each article names (quoted or not), and each canonical speaker's store-wide gender.

An article's record says what its own text states of each person (`Speaker.gender`,
`gender_evidence`). The store keeps that per article in `article_people`, and gives each
canonical speaker the gender all those articles together support (`combine_gender`): the text's
evidence (pronoun, honorific, role) first, the name list only where no article's text says.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping

from ..types import ArticleResult, Speaker
from .speakers import PERSON, parse_name

TEXT_EVIDENCE = ("pronoun", "honorific", "role")  # in the order a tie is reported
NAME_LIST = "name-list"
CONTRADICTION = "contradiction"
# The text's evidence disagreeing in more than this share of a speaker's articles leaves the
# gender unknown ("contradiction"); below it, the few dissenting articles read as resolution
# slips (a "she" given to the wrong person), which happen in long stories.
MAX_DISSENT = 0.2


def person_key(name: str) -> str:
    """The key one person has in every article: the store's name key, else the folded name."""
    p = parse_name(name, PERSON)
    return p.key if p is not None else "name|" + " ".join(name.casefold().split())


def store_people(conn: sqlite3.Connection, result: ArticleResult, speaker_ids: Mapping[int, str]) -> set[str]:
    """Write the article's people (inside the writer's transaction); returns the canonical
    speaker ids whose gender evidence changed.

    `speaker_ids` maps statement positions to canonical speakers. Everyone in `result.people`
    gets a row, and so does every person the article quotes that the list lacks (records made
    before the list existed), with the canonical speaker id of the statements quoting them.
    """
    a = result.article
    quoted: dict[str, str] = {}  # the extractor's entity id -> canonical speaker id
    people: dict[str, Speaker] = {}
    for pos, st in enumerate(result.statements):
        sp = st.speaker
        if sp is None or sp.type != PERSON or st.anonymous:
            continue
        if pos in speaker_ids:
            quoted.setdefault(sp.id or sp.name, speaker_ids[pos])
        people.setdefault(sp.id or sp.name, sp)
    for p in result.people:
        people[p.id or p.name] = p
    touched: set[str] = set()
    for ident, p in people.items():
        sid = quoted.get(ident)
        conn.execute(
            "INSERT INTO article_people (article_id, person_key, name, outlet, published, speaker_id, gender, "
            "gender_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, person_key) DO UPDATE SET "
            "speaker_id = coalesce(article_people.speaker_id, excluded.speaker_id), "
            "gender = coalesce(article_people.gender, excluded.gender), "
            "gender_evidence = coalesce(article_people.gender_evidence, excluded.gender_evidence)",
            (a.id, person_key(p.name), p.name, a.outlet, a.published, sid, p.gender, p.gender_evidence))
        if sid:
            touched.add(sid)
    return touched


_KINDS = ("person", "organization", "country")


def recount(conn: sqlite3.Connection, article_id: str) -> None:
    """Refresh what `quotegraph stats` reads for one article (inside the caller's transaction):
    its statements by kind of speaker in `article_sources`, and each person's statements in
    `article_people` (a person a correction made a speaker gets a row). Call it whenever the
    article's statements change."""
    for sid, name in conn.execute(
            "SELECT DISTINCT s.speaker_id, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
            "WHERE s.article_id = ? AND s.anonymous = 0 AND sp.type = 'person' AND NOT EXISTS (SELECT 1 FROM "
            "article_people p WHERE p.article_id = s.article_id AND p.speaker_id = s.speaker_id)", (article_id,)
    ).fetchall():
        conn.execute("INSERT INTO article_people (article_id, person_key, name, outlet, published, speaker_id, "
                     "speaker_gender) SELECT a.id, ?, ?, a.outlet, a.published, sp.id, sp.gender FROM articles a, "
                     "speakers sp WHERE a.id = ? AND sp.id = ? ON CONFLICT (article_id, person_key) DO UPDATE SET "
                     "speaker_id = excluded.speaker_id, speaker_gender = excluded.speaker_gender "
                     "WHERE article_people.speaker_id IS NULL", (person_key(name), name, article_id, sid))
    conn.execute("UPDATE article_people SET "
                 "n_speech = (SELECT count(*) FROM statements s WHERE s.article_id = article_people.article_id "
                 "AND s.speaker_id = article_people.speaker_id AND s.anonymous = 0 AND s.speech = 1), "
                 "n_statements = (SELECT count(*) FROM statements s WHERE s.article_id = article_people.article_id "
                 "AND s.speaker_id = article_people.speaker_id AND s.anonymous = 0) WHERE article_id = ?",
                 (article_id,))
    named = " ".join(f", coalesce(sum({{w}} AND s.anonymous = 0 AND s.speaker_type = '{k}'), 0)" for k in _KINDS)
    counts = (f"coalesce(sum({{w}}), 0), coalesce(sum({{w}} AND s.anonymous = 1), 0){named}")
    conn.execute(
        "INSERT OR REPLACE INTO article_sources SELECT a.id, a.outlet, a.published, "
        f"{counts.format(w='s.speech = 1')}, {counts.format(w='s.seq IS NOT NULL')} "
        "FROM articles a LEFT JOIN statements s ON s.article_id = a.id WHERE a.id = ? GROUP BY a.id", (article_id,))


def combine_gender(evidence: Iterable[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """One person's (gender, evidence) from what each article said: (gender, evidence) pairs.

    The text's evidence decides when there is any: the gender most articles give, unless more
    than MAX_DISSENT of them give the other (then None, "contradiction"); the evidence named
    is the kind most of them used. Only where no article's text says does the name list count.
    An article whose own evidence contradicted itself counts for nothing, but if nothing else
    is known the result says "contradiction".
    """
    text: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    listed: Counter[str] = Counter()
    contradicted = False
    for gender, ev in evidence:
        if ev == CONTRADICTION:
            contradicted = True
        elif gender and ev in TEXT_EVIDENCE:
            text[gender] += 1
            kinds[ev] += 1
        elif gender and ev == NAME_LIST:
            listed[gender] += 1
    for counts, named in ((text, None), (listed, NAME_LIST)):
        if not counts:
            continue
        (top, n), *rest = counts.most_common()
        if rest and rest[0][1] > MAX_DISSENT * sum(counts.values()):
            return None, CONTRADICTION
        if named is None:
            best = max(kinds.values())
            named = next(k for k in TEXT_EVIDENCE if kinds[k] == best)
        return top, named
    return (None, CONTRADICTION) if contradicted else (None, None)


def refresh_gender(conn: sqlite3.Connection, speaker_ids: Iterable[str]) -> None:
    """Recompute the store-wide gender of these canonical speakers from their articles (and
    copy it to their people rows, which `quotegraph stats` reads)."""
    for sid in set(speaker_ids):
        rows = conn.execute("SELECT gender, gender_evidence FROM article_people WHERE speaker_id = ?",
                            (sid,)).fetchall()
        gender, evidence = combine_gender((r[0], r[1]) for r in rows)
        conn.execute("UPDATE speakers SET gender = ?, gender_evidence = ? WHERE id = ? "
                     "AND (gender IS NOT ? OR gender_evidence IS NOT ?)", (gender, evidence, sid, gender, evidence))
        conn.execute("UPDATE article_people SET speaker_gender = ? WHERE speaker_id = ? AND speaker_gender IS NOT ?",
                     (gender, sid, gender))


def article_speakers(conn: sqlite3.Connection, article_id: str) -> set[str]:
    """The canonical speakers an article's people rows point at (before the article goes)."""
    return {r[0] for r in conn.execute(
        "SELECT speaker_id FROM article_people WHERE article_id = ? AND speaker_id IS NOT NULL", (article_id,))}


def merge_speaker(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Point an absorbed speaker's people rows at the speaker it was folded into."""
    conn.execute("UPDATE article_people SET speaker_id = ? WHERE speaker_id = ?", (new, old))
    refresh_gender(conn, (new,))
