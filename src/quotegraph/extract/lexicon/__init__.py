"""Word lists as data files: reporting verbs and nouns, titles, nominal heads, demonyms, gendered words."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = (resources.files(__package__) / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def reporting_verbs() -> dict[str, str]:
    """Reporting verb lemma (or "verb particle") -> "speech" or "belief"."""
    return {r[0].strip(): (r[1].strip() if len(r) > 1 else "speech") for r in _rows("reporting_verbs.txt")}


@cache
def reporting_nouns() -> frozenset[str]:
    """Noun lemmas that report speech or thought ("claim", "pledge") given an owner and a clause."""
    return frozenset(r[0].strip() for r in _rows("reporting_nouns.txt"))


@cache
def titles() -> frozenset[str]:
    """Lower-case title and role words ("spokesman", "major-general", "prime minister")."""
    return frozenset(r[0].strip() for r in _rows("titles.txt"))


@cache
def nominals() -> dict[str, str]:
    """Head noun of a nominal mention -> the speaker type it implies."""
    return {r[0].strip(): r[1].strip() for r in _rows("nominals.tsv")}


@cache
def demonyms() -> dict[str, str]:
    """Lower-case demonym or country adjective -> country name."""
    return {r[0].strip(): r[1].strip() for r in _rows("demonyms.tsv")}


@cache
def gendered() -> dict[str, str]:
    """Lower-case gendered title, role or first name -> "f" or "m"."""
    return {r[0].strip(): r[1].strip() for r in _rows("gender.tsv")}
