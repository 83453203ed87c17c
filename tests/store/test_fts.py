"""Search queries: plain words by default (every character literal), FTS5 syntax on request,
and a mistake in FTS5 syntax reported with its position, never as SQLite's own message."""

from __future__ import annotations

import random
import sqlite3

import pytest
from store_fixtures import Q, article

from quotegraph.errors import QueryError
from quotegraph.store import connect, queries, store_result
from quotegraph.store.fts import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    QuerySyntaxError,
    check_fts,
    plain_terms,
    plain_to_fts,
    to_fts,
)

WORDS = [
    Q("The U.S. will not accept a 48-hour pause in Aleppo", "John Kirby", date="2016-09-28"),
    Q("Al-Nusra fighters have regrouped near the city of Aleppo", "Igor Konashenkov"),
    Q("Mr O'Neill said the talks in Geneva would go on without Moscow", "Jim O'Neill"),
    Q("Le cessez-le-feu est une priorité pour la France et l'Europe", "Jean-Marc Ayrault"),
    Q("نحن مستعدون لمواصلة الحوار مع الولايات المتحدة", "Sergey Lavrov"),
    Q("This AND that OR neither NOT both NEAR nothing, he insisted firmly", "Boris Johnson"),
    Q("Prices rose 5% in 2016 * and the index hit 3.5 points (a record)", "Janet Yellen"),
]

# >= 50 queries a person may type; in plain syntax every one must run (results or none).
TRICKY = [
    "U.S.", "u.s.", "U.S", "Al-Nusra", "al-nusra", "48-hour", "48", "O'Neill", "o'neill", "O’Neill",
    '"O\'Neill said"', "Mr. O'Neill", "'quoted'", '"unclosed phrase', 'half "open', '""', '"', "''", "'",
    "*", "**", "prefix*", "*prefix", "pre*fix", "Aleppo*", "AND", "OR", "NOT", "NEAR", "NEAR(",
    "AND OR NOT", "this AND that", "NOT both", "a OR b", "NEAR(nothing firmly, 2)", "(", ")", "((",
    "a (b) c", "{content}:x", "content:", "speaker: Kirby", "speaker:", "-", "--", "-x", "+", "^",
    "^start", "x:y", ":", ";", "?", "!", "#hashtag", "@handle", "$100", "5%", "3.5", "(a record)",
    "cessez-le-feu", "priorité", "PRIORITE", "l'Europe", "الحوار", "نحن مستعدون", "\u200fالحوار\u200f",
    "mixed العربية text", "日本語", "emoji 🙂 test", "tab\tseparated", "new\nline", "nul\x00byte",
    "back\\slash", "semi;colon", "comma, separated", "a" * 200, "word " * 30, "x" * MAX_QUERY_CHARS,
]


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    conn = connect(tmp_path_factory.mktemp("fts") / "s.db")
    store_result(conn, article(WORDS, source="tricky.md", outlet="Test"))
    yield conn
    conn.close()


def test_at_least_fifty_tricky_queries():
    assert len(TRICKY) >= 50


@pytest.mark.parametrize("q", TRICKY)
def test_plain_query_always_runs(filled, q):
    items, total = queries.search_statements(filled, q)
    assert total == len(items) or total > len(items)


@pytest.mark.parametrize(("q", "words"), [
    ("U.S.", "The U.S. will"), ("Al-Nusra", "Al-Nusra fighters"), ("48-hour", "48-hour pause"),
    ("O'Neill", "Mr O'Neill"), ("O’Neill", "Mr O'Neill"), ('"talks in Geneva"', "talks in Geneva"),
    ("cessez-le-feu", "Le cessez-le-feu"), ("priorite", "priorité"), ("الحوار", "الحوار"),
    ("AND that", "This AND that"), ("NEAR nothing", "NEAR nothing"), ("regroup*", "regrouped"),
    ("Aleppo 48", "48-hour"), ("“talks in Geneva”", "talks in Geneva"), ("3.5", "3.5 points"),
    ("Kirby", "U.S."),  # speaker names as written are searched too
])
def test_plain_query_finds_the_words(filled, q, words):
    items, total = queries.search_statements(filled, q)
    assert total == 1 and words in items[0]["content"]


@pytest.mark.parametrize("q", ["*", "!", "--", '""', "'", ";", "\u200f"])
def test_punctuation_alone_finds_nothing(filled, q):
    assert queries.search_statements(filled, q) == ([], 0)


def test_plain_terms_and_phrases():
    assert plain_terms('say "a b  c" d* "e"* U.S.') == [("say", False), ("a b c", False), ("d", True),
                                                        ("e", True), ("U.S.", False)]
    assert plain_to_fts('x"y') == '"x""y"'
    assert plain_to_fts("!!") is None and to_fts("  ") is None


def test_too_long_and_too_many_words_are_one_clear_line(filled):
    with pytest.raises(QueryError, match="characters long"):
        queries.search_statements(filled, "x" * (MAX_QUERY_CHARS + 1))
    with pytest.raises(QueryError, match=f"at most {MAX_TERMS}"):
        queries.search_statements(filled, " ".join(f"w{i}" for i in range(MAX_TERMS + 1)))


@pytest.mark.parametrize(("q", "n"), [
    ("aleppo AND pause", 1), ("aleppo OR geneva", 3), ("aleppo NOT fighters", 1), ("regroup*", 1),
    ('"talks in Geneva"', 1), ("NEAR(talks Moscow, 10)", 1), ("speaker: Kirby", 1), ("^Prices", 1),
    ("{content speaker}: Kirby", 1), ("-speaker: aleppo", 2), ("talks + in", 1),
])
def test_fts_syntax_on_request(filled, q, n):
    assert queries.search_statements(filled, q, syntax="fts")[1] == n


@pytest.mark.parametrize(("q", "position", "words"), [
    ("U.S.", 2, "'.' at character 2"),
    ("Al-Nusra", 4, "no column 'Nusra'"),  # FTS5 reads "-Nusra" as a column filter
    ("48-hour", 4, "no column 'hour'"),
    ("O'Neill", 2, "\"'\" at character 2"),
    ('"unclosed', 1, "never closed"),
    ("AND", 1, "found 'AND' at character 1"),
    ("aleppo AND", 11, "the end of the query"),
    ("nosuchcolumn: x", 1, "no column 'nosuchcolumn'"),
    ("((", 3, "the end of the query"),
    ("a (b)", 3, "before a ( … ) group"),
    ("NEAR(a b,)", 10, "a distance"),
    ("NEAR(a b, x)", 11, "must be a number"),
    ("(a))", 4, "')' at character 4"),
    ("{content x}: y", 10, "no column 'x'"),
])
def test_fts_mistakes_name_the_character(filled, q, position, words):
    with pytest.raises(QuerySyntaxError) as e:
        queries.search_statements(filled, q, syntax="fts")
    assert e.value.position == position
    assert str(e.value).startswith("cannot parse search query")
    assert words in str(e.value) and "fts5" not in str(e.value) and "sqlite" not in str(e.value).lower()


@pytest.mark.parametrize("q", TRICKY)
def test_fts_syntax_never_leaks_sqlite(filled, q):
    try:
        queries.search_statements(filled, q, syntax="fts")
    except QueryError as e:
        assert "fts5:" not in str(e) and "no such column" not in str(e)


def test_checker_agrees_with_sqlite_on_random_queries():
    """check_fts accepts exactly what FTS5 accepts, so SQLite's own message never has to be shown."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(content, speaker)")
    atoms = ["a", "b", "word", "AND", "OR", "NOT", "NEAR", "NEAR(", "(", ")", '"x y"', '"', "*", "^",
             "+", ":", ",", "-", "{", "}", "content", "speaker", "other:", "5", ".", "'", "é", "قال", " ", " "]
    rng = random.Random(18)
    for _ in range(3000):
        q = "".join(rng.choice(atoms) + rng.choice(["", " "]) for _ in range(rng.randint(1, 7)))
        try:
            conn.execute("SELECT * FROM t WHERE t MATCH ?", (q,)).fetchall()
            sqlite_ok = True
        except sqlite3.OperationalError:
            sqlite_ok = False
        try:
            check_fts(q)
            mine = True
        except QuerySyntaxError:
            mine = False
        assert mine == sqlite_ok, q
        plain = to_fts(q, "plain")
        if plain is not None:
            conn.execute("SELECT * FROM t WHERE t MATCH ?", (plain,)).fetchall()
