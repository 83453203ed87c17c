"""The record's vocabulary, shared by every stage: statement kinds, speaker types, speech acts and
their CAMEO/PLOVER codes (docs/record.md, docs/acts.md)."""

from __future__ import annotations

from functools import cache
from importlib import resources

KINDS = ("direct", "mixed", "indirect")
SPEAKER_TYPES = ("person", "organization", "country", "group", "unknown")
# How a speaker's name was reached from its mention ("name" when the mention is the name).
SPEAKER_VIA = ("name", "pronoun", "nominal", "document", "floating", "none")
ACTS = ("statement", "claim", "appeal", "demand", "offer", "agreement", "rejection", "denial",
        "accusation", "threat", "warning", "praise", "question", "belief")


@cache
def act_codes() -> dict[str, dict[str, str | None]]:
    """Act -> {"cameo": root code, "cameo_name", "plover": event type or None, "mode"} (act_codes.tsv)."""
    def none(x: str) -> str | None:
        return None if x.strip() == "-" else x.strip()

    text = (resources.files(__package__) / "act_codes.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {r[0].strip(): {"cameo": r[1].strip(), "cameo_name": r[2].strip(), "plover": none(r[3]),
                           "mode": none(r[4])} for r in rows}
