"""Text normalisation with offset maps: the parser sees clean text, records index the original."""

from .markdown import normalise_markdown
from .offsets import MapBuilder, OffsetMap
from .runs import drop_mark_runs

__all__ = ["MapBuilder", "OffsetMap", "normalise", "normalise_markdown"]


def normalise(text: str) -> OffsetMap:
    """Clean article text for parsing (markdown artefacts, split paragraphs), keeping a map back."""
    return drop_mark_runs(normalise_markdown(text))
