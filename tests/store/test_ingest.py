"""ingest(): skip what is stored, replace changed files, record and later clear errors."""

from __future__ import annotations

from store_fixtures import Q, article, fake_process

from quotegraph.store import ingest
from quotegraph.store.queries import list_errors, search_statements

QUOTE = "We are ready to continue the dialogue with our partners in Geneva"


def test_ingest_skips_stored_replaces_changed_and_records_errors(db, tmp_path):
    first = article([Q(QUOTE, "Sergey Ryabkov")], source="x")
    second = article([Q("The ceasefire has collapsed and we will respond to it", "Igor Konashenkov")],
                     source="x", lead="Updated.")
    results = {first.article.text: first, second.article.text: second}
    d = tmp_path / "in"
    d.mkdir()
    (d / "story.txt").write_text(first.article.text, encoding="utf-8")
    (d / "bad.txt").write_bytes(b"")
    (d / "notes.docx").write_bytes(b"PK")  # not a registered type inside a directory: ignored

    seen = []
    stats = ingest(db, [d], process=fake_process(results), on_progress=seen.append)
    assert (stats.stored, stats.failed, stats.statements) == (1, 1, 1)
    assert seen and seen[-1].articles == 2
    assert "1 articles stored" in stats.summary() and "errors table" in stats.summary()
    errors, _ = list_errors(db)
    assert [e["reason"] for e in errors] == ["empty file"]

    again = ingest(db, [d], process=fake_process(results))
    assert (again.stored, again.unchanged, again.failed) == (0, 1, 1)
    assert list_errors(db)[1] == 1  # the same error is recorded once

    (d / "story.txt").write_text(second.article.text, encoding="utf-8")
    (d / "bad.txt").write_text(first.article.text + "\n", encoding="utf-8")
    third = ingest(db, [d], process=fake_process(results))
    assert (third.replaced, third.stored, third.failed) == (1, 1, 0)
    assert list_errors(db)[1] == 0  # bad.txt now reads, so its error is cleared
    assert search_statements(db, "Geneva")[1] == 0  # the old version's statements are gone
    assert search_statements(db, "ceasefire")[1] == 1


def test_ingest_of_nothing_is_fine(db, tmp_path):
    stats = ingest(db, [tmp_path], process=fake_process({}))
    assert stats.articles == 0 and db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
