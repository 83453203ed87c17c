"""Speaker canonicalisation as pure functions."""

from __future__ import annotations

import pytest

from quotegraph.store.speakers import (
    Candidate,
    choose,
    fold_token,
    given_compatible,
    parse_name,
    resolve_in_article,
)


@pytest.mark.parametrize(("name", "type_", "key", "title"), [
    ("Ryabkov", "person", "person|ryabkov|", None),
    ("Sergey Ryabkov", "person", "person|ryabkov|sergy", None),
    ("Sergei Ryabkov", "person", "person|ryabkov|sergy", None),
    ("Sergej Rjabkow", None, "person|ryabkov|sergy", None),
    ("Deputy Foreign Minister Sergey Ryabkov", "person", "person|ryabkov|sergy", "Deputy Foreign Minister"),
    ("Ryabkov's", "person", "person|ryabkov|", None),
    ("Konashenkov", "person", "person|konashenkov|", None),
    # spaCy tags this one ORG; the stripped rank shows it is a person.
    ("General Igor Konashenkov", "organization", "person|konashenkov|igor", "General"),
    ("Dmitriy Peskov", "person", "person|peskov|dmitry", None),
    ("Dmitry Peskov", "person", "person|peskov|dmitry", None),
    ("Staffan de Mistura", "person", "person|mistura|staffan", None),
    ("de Mistura", "person", "person|mistura|", None),
    ("Bashar al-Assad", "person", "person|assad|bashar", None),
    ("J. Smith", "person", "person|smith|j", None),
    ("John Smith Jr.", "person", "person|smith|john", None),
    ("Russian Ministry of Defense", "organization", "entity|russian ministry of defense", None),
    ("The Kremlin", "organization", "entity|kremlin", None),
    ("Russian Ministry of Defense", "unknown", "entity|russian ministry of defense", None),
])
def test_parse_name(name, type_, key, title):
    p = parse_name(name, type_)
    assert p is not None
    assert (p.key, p.title) == (key, title)


@pytest.mark.parametrize("name", ["", "the spokesman", "officials", "President", "a US official", "'"])
def test_roles_and_common_nouns_are_nobody(name):
    assert parse_name(name, "person") is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Sergei", "Sergey", True), ("Aleksey", "Alexei", True), ("Yuri", "Yuriy", True),
    ("Konashenkow", "Konashenkov", True), ("John", "Jane", False), ("Igor", "Ivan", False),
])
def test_transliteration_folding(a, b, same):
    assert (fold_token(a) == fold_token(b)) is same


@pytest.mark.parametrize(("a", "b", "ok"), [
    ("john", "john", True), ("j", "john", True), ("", "john", True),
    ("john", "jane", False), ("k", "john", False),
])
def test_given_compatible(a, b, ok):
    assert given_compatible(a, b) is ok


def _p(name):
    return parse_name(name, "person")


def test_bare_surname_takes_the_only_full_name_in_its_article():
    out = resolve_in_article([_p("Sergey Ryabkov"), _p("Ryabkov")])
    assert out[1].key == "person|ryabkov|sergy"


def test_two_smiths_in_one_article_leave_a_bare_smith_ambiguous():
    out = resolve_in_article([_p("John Smith"), _p("Jane Smith"), _p("Smith")])
    assert [o if isinstance(o, str) else o.key for o in out] == [
        "person|smith|john", "person|smith|jane", "ambiguous"]


def test_context_can_settle_a_bare_surname_between_two_smiths():
    out = resolve_in_article([_p("John Smith"), _p("Jane Smith"), _p("Smith")],
                             [frozenset({"treasury"}), frozenset({"senate"}), frozenset({"senate"})])
    assert out[2].key == "person|smith|jane"


@pytest.mark.parametrize(("name", "cands", "ctx", "want"), [
    ("Ryabkov", [Candidate("a", "sergy")], frozenset(), "a"),
    ("Sergei Ryabkov", [Candidate("a", "sergy")], frozenset(), "a"),
    ("Smith", [Candidate("a", "john"), Candidate("b", "jane")], frozenset(), None),
    ("Smith", [Candidate("a", "john", frozenset({"treasury"})), Candidate("b", "jane", frozenset({"senate"}))],
     frozenset({"senate"}), "b"),
    ("Jane Smith", [Candidate("a", "john")], frozenset(), None),
    ("Smith", [], frozenset(), None),
])
def test_choose(name, cands, ctx, want):
    hit = choose(_p(name), cands, ctx)
    assert (hit.id if hit else None) == want
