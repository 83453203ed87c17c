"""Text normalisation with offset maps: the parser sees clean text, records index the original."""

from .markdown import normalise_markdown
from .offsets import MapBuilder, OffsetMap, strip_range
from .runs import drop_mark_runs
from .spaces import plain_spaces

__all__ = ["MapBuilder", "OffsetMap", "normalise", "normalise_markdown", "strip_range"]


def normalise(text: str) -> OffsetMap:
    """Clean article text for parsing (markdown artefacts, split paragraphs, no-break spaces),
    keeping a map back."""
    return plain_spaces(drop_mark_runs(normalise_markdown(text)))
