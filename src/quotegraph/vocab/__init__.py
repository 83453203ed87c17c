"""The record's vocabulary, shared by every stage: statement kinds, speaker types, speech acts and
their CAMEO/PLOVER codes (docs/record.md, docs/acts.md), and the title words extraction and the
store both read."""

from __future__ import annotations

from functools import cache
from importlib import resources

KINDS = ("direct", "mixed", "indirect")
SPEAKER_TYPES = ("person", "organization", "country", "group", "unknown")
# How a speaker's name was reached from its mention ("name" when the mention is the name).
SPEAKER_VIA = ("name", "pronoun", "nominal", "document", "floating", "none")
ACTS = ("statement", "claim", "appeal", "demand", "offer", "agreement", "rejection", "denial",
        "accusation", "threat", "warning", "praise", "question", "belief")


def _rows(name: str) -> list[list[str]]:
    text = (resources.files(__package__) / name).read_text(encoding="utf-8")
    return [[c.strip() for c in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@cache
def act_codes() -> dict[str, dict[str, str | None]]:
    """Act -> {"cameo": root code, "cameo_name", "plover": event type or None, "mode"} (act_codes.tsv)."""
    def none(x: str) -> str | None:
        return None if x == "-" else x

    return {r[0]: {"cameo": r[1], "cameo_name": r[2], "plover": none(r[3]), "mode": none(r[4])}
            for r in _rows("act_codes.tsv")}


@cache
def titles(use: str) -> frozenset[str]:
    """Lower-case title words (titles.tsv) read as `use`: "title" (extraction) or "name" (the store)."""
    return frozenset(r[0] for r in _rows("titles.tsv") if use in r[1].split())
