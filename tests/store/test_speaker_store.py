"""Speakers across articles: aliases merge, different people never do."""

from __future__ import annotations

import pytest
from store_fixtures import Q, article

from quotegraph.store import store_result
from quotegraph.store.queries import find_speaker_ids, list_speakers

RYABKOV = ["Ryabkov", "Sergey Ryabkov", "Sergei Ryabkov", "Deputy Foreign Minister Sergey Ryabkov"]


def speakers(db):
    return {r["name"]: r for r in db.execute("SELECT * FROM speakers")}


def _quote(i):
    return f"Statement number {i} about the talks in Geneva will be made public soon"


@pytest.mark.parametrize("order", [RYABKOV, list(reversed(RYABKOV)), RYABKOV[1:] + RYABKOV[:1]])
def test_ryabkov_variants_across_articles_are_one_person(db, order):
    for i, name in enumerate(order):
        store_result(db, article([Q(_quote(i), name, affiliation="Russian Foreign Ministry")],
                                 source=f"r{i}.md", outlet=f"outlet{i}"))
    people = speakers(db)
    assert len(people) == 1, people.keys()
    (sp,) = list_speakers(db)[0]
    assert sp["n_statements"] == 4 and sp["n_articles"] == 4
    assert sp["name"].endswith("Ryabkov") and len(sp["name"].split()) == 2
    assert "Deputy Foreign Minister" in sp["titles"]
    assert set(sp["aliases"]) == set(RYABKOV)


@pytest.mark.parametrize("order", [["Konashenkov", "General Igor Konashenkov"],
                                   ["General Igor Konashenkov", "Konashenkov"]])
def test_konashenkov_with_and_without_rank(db, order):
    for i, name in enumerate(order):
        store_result(db, article([Q(_quote(i), name, type="organization" if "General" in name else "person")],
                                 source=f"k{i}.md"))
    assert list(speakers(db)) == ["Igor Konashenkov"]


def test_two_smiths_in_one_article_stay_two_people(db):
    store_result(db, article([Q(_quote(1), "John Smith", affiliation="Treasury"),
                              Q(_quote(2), "Jane Smith", affiliation="Senate"),
                              Q(_quote(3), "Smith")], source="smiths.md"))
    names = sorted(r["name"] for r in db.execute("SELECT name FROM speakers"))
    assert names == ["Jane Smith", "John Smith", "Smith"]
    # The bare Smith of that article is its own, article-scoped speaker.
    row = db.execute("SELECT article_id FROM speakers WHERE name = 'Smith'").fetchone()
    assert row["article_id"] is not None
    by = {r["speaker"]: r["speaker_id"] for r in db.execute("SELECT speaker, speaker_id FROM statements")}
    assert len(set(by.values())) == 3


def test_smiths_in_separate_articles_stay_apart_and_bare_smith_uses_context(db):
    store_result(db, article([Q(_quote(1), "John Smith", affiliation="Treasury")], source="a.md"))
    store_result(db, article([Q(_quote(2), "Jane Smith", affiliation="Senate")], source="b.md"))
    store_result(db, article([Q(_quote(3), "Smith", affiliation="US Senate")], source="c.md"))
    store_result(db, article([Q(_quote(4), "Smith")], source="d.md"))
    sp = speakers(db)
    assert {"John Smith", "Jane Smith"} <= set(sp)
    jane = sp["Jane Smith"]["id"]
    assert db.execute("SELECT count(*) FROM statements WHERE speaker_id = ?", (jane,)).fetchone()[0] == 2
    john = sp["John Smith"]["id"]
    assert db.execute("SELECT count(*) FROM statements WHERE speaker_id = ?", (john,)).fetchone()[0] == 1
    # With no context, the last bare Smith is nobody's: not merged into John or Jane.
    row = db.execute("SELECT speaker_id FROM statements s JOIN articles a ON a.id = s.article_id "
                     "WHERE a.source = 'd.md'").fetchone()
    assert row["speaker_id"] not in (jane, john)


def test_organisations_merge_by_normalised_name_only(db):
    store_result(db, article([Q(_quote(1), "The Kremlin", type="organization")], source="a.md"))
    store_result(db, article([Q(_quote(2), "Kremlin", type="organization")], source="b.md"))
    store_result(db, article([Q(_quote(3), "Russian Ministry of Defense", type="organization")], source="c.md"))
    assert len(speakers(db)) == 2


@pytest.mark.parametrize(("query", "n"), [("Ryabkov", 1), ("sergei ryabkov", 1), ("S. Ryabkov", 1),
                                          ("Lavrov", 0), ("", 0)])
def test_find_speaker_ids(db, query, n):
    store_result(db, article([Q(_quote(1), "Sergey Ryabkov")], source="a.md"))
    assert len(find_speaker_ids(db, query)) == n


def test_statements_without_a_named_speaker_get_no_speaker(db):
    store_result(db, article([Q(_quote(1), "the spokesman"), Q(_quote(2))], source="a.md"))
    assert len(speakers(db)) == 0
    assert db.execute("SELECT count(*) FROM statements WHERE speaker_id IS NULL").fetchone()[0] == 2
