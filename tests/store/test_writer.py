"""The single writer: idempotent, replacing changed articles, refusing bad spans."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_fixtures import Q, article

from quotegraph.errors import InputError
from quotegraph.read import make_article
from quotegraph.store import store_result
from quotegraph.store.writer import REPLACED, STORED, UNCHANGED, delete_article
from quotegraph.types import ArticleResult, Span

QUOTE = "We are ready to continue the dialogue with our partners in Geneva"


def counts(db):
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "statements", "speakers", "speaker_aliases", "statements_fts")}


def test_store_then_same_again_changes_nothing(db):
    r = article([Q(QUOTE, "Sergey Ryabkov"), Q("Nothing has changed on the ground at all", "Igor Konashenkov")],
                source="a.md")
    assert store_result(db, r).status == STORED
    before = counts(db)
    assert before["statements"] == 2 and before["statements_fts"] == 2
    assert store_result(db, r).status == UNCHANGED
    assert counts(db) == before


def test_statement_columns_keep_offsets_into_the_article(db):
    r = article([Q(QUOTE, "Sergey Ryabkov", title="deputy foreign minister")], source="a.md")
    store_result(db, r)
    row = db.execute("SELECT s.content, s.spans, a.text, s.cue, s.source FROM statements s "
                     "JOIN articles a ON a.id = s.article_id").fetchone()
    import json
    spans = json.loads(row["spans"])
    start, end = spans["content"][0]
    assert row["text"][start:end] == row["content"] == QUOTE
    assert (row["cue"], row["source"]) == ("said", "Sergey Ryabkov")


def test_changed_article_at_the_same_source_replaces_its_statements(db):
    old = article([Q(QUOTE, "Sergey Ryabkov")], source="story.md")
    new = article([Q("The ceasefire has collapsed and we will respond to it", "Igor Konashenkov")],
                  source="story.md", lead="Updated on Friday.")
    store_result(db, old)
    assert store_result(db, new).status == REPLACED
    assert counts(db)["articles"] == 1
    assert [r[0] for r in db.execute("SELECT content FROM statements")] == [new.statements[0] and
                                                                            "The ceasefire has collapsed and we will respond to it"]
    # The old speaker had no statements left and is gone.
    assert [r[0] for r in db.execute("SELECT name FROM speakers")] == ["Igor Konashenkov"]
    assert db.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'Geneva'").fetchone()[0] == 0


def test_same_url_is_the_same_article_even_from_another_file(db):
    a = article([Q(QUOTE, "Sergey Ryabkov")], source="one.jsonl:1", url="https://x.test/a")
    b = article([Q(QUOTE, "Sergey Ryabkov")], source="two.jsonl:7", url="https://x.test/a", lead="Corrected.")
    store_result(db, a)
    assert store_result(db, b).status == REPLACED
    assert counts(db)["articles"] == 1


@pytest.mark.parametrize("bad", [Span(-1, 3), Span(5, 2), Span(0, 10_000)])
def test_spans_outside_the_text_are_refused_and_nothing_is_stored(db, bad):
    r = article([Q(QUOTE, "Sergey Ryabkov")], source="a.md")
    broken = ArticleResult(r.article, (replace(r.statements[0], content=(bad,)),))
    with pytest.raises(InputError, match="outside the text"):
        store_result(db, broken)
    assert counts(db)["articles"] == 0
    assert not db.in_transaction


def test_an_article_without_statements_is_stored(db):
    a = make_article("Nobody said anything today.", "empty.txt")
    assert store_result(db, ArticleResult(a, ())).status == STORED
    assert counts(db)["articles"] == 1


def test_statement_id_reused_by_another_article_is_kept_for_both(db):
    a = article([Q(QUOTE, "Sergey Ryabkov")], source="a.md")
    b = article([Q(QUOTE, "Sergey Ryabkov")], source="b.md", lead="Other lead.")
    b = ArticleResult(b.article, (replace(b.statements[0], id=a.statements[0].id),))
    store_result(db, a)
    store_result(db, b)
    assert counts(db)["statements"] == 2


def test_delete_article(db):
    r = article([Q(QUOTE, "Sergey Ryabkov")], source="a.md")
    store_result(db, r)
    assert delete_article(db, r.article.id)
    assert counts(db) == {k: 0 for k in counts(db)}
    assert not delete_article(db, r.article.id)
