"""The working form of a statement inside extraction: clean-text ranges plus the tokens it hangs on."""

from __future__ import annotations

from dataclasses import dataclass, field

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Draft:
    """A statement before speaker resolution and offset mapping (ranges index the clean text)."""

    content: tuple[Range, ...]
    cue: Range | None
    source: Range | None
    source_head: int | None  # token index of the source mention's head
    anchor: int  # token index the statement hangs on (cue, or first content token)
    addressee: Range | None = None
    confidence: float = 0.8
    proposition: bool = True  # False: the content is a bare noun phrase, not a clause or quote
    relay: Range | None = None  # the agency that relayed the words ("…, according to RIA")
    # The statement whose speaker this one takes: a quote that continues it after the cue
    # sentence or in a later paragraph, with no speaker mention of its own. Compared by identity.
    head: Draft | None = field(default=None, compare=False, repr=False)
