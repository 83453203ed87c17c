"""Clean text with a map back to the original offsets, so clean-up never moves a record's offsets."""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from ..types import Span


def strip_range(text: str, start: int, end: int, chars: str | None = None) -> tuple[int, int]:
    """[start, end) shrunk past `chars` at both edges (None: whitespace), as `str.strip` would.

    The one span trimmer: a range with nothing left comes back empty (start == end), never reversed.
    """
    piece = text[start:end]
    head = len(piece) - len(piece.lstrip(chars))
    tail = len(piece) - len(piece.rstrip(chars)) if head < len(piece) else 0
    return start + head, end - tail


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """`clean` is what the parser sees; `origin[i]` is the original index of `clean[i]`."""

    clean: str
    origin: array  # array('l'), len(clean) + 1; the last entry maps the end of the text
    original_length: int

    @classmethod
    def identity(cls, text: str) -> OffsetMap:
        """A map for text that needs no clean-up."""
        return cls(text, array("l", range(len(text) + 1)), len(text))

    def to_original(self, start: int, end: int) -> Span:
        """Map a clean [start, end) range to the original text."""
        if end <= start:
            o = self.origin[start]
            return Span(o, o)
        return Span(self.origin[start], self.origin[end - 1] + 1)

    def to_original_pieces(self, start: int, end: int, original: str,
                           strip: str = " \t\n*_\"“”") -> list[Span]:
        """Map a clean range back, split where clean-up joined two original paragraphs."""
        cuts = [i + 1 for i in range(start, end - 1)
                if self.origin[i + 1] - self.origin[i] > 1
                and "\n\n" in original[self.origin[i] : self.origin[i + 1]]]
        pieces = []
        for s, e in zip([start, *cuts], [*cuts, end]):
            span = self.to_original(s, e)
            a, b = strip_range(original, span.start, span.end, strip)
            if b > a:
                pieces.append(Span(a, b))
        return pieces


class MapBuilder:
    """Builds clean text piece by piece, remembering where each character came from."""

    def __init__(self, original: str):
        self.original = original
        self.parts: list[str] = []
        self.origin = array("l")

    def keep(self, start: int, end: int) -> None:
        """Copy original[start:end] unchanged."""
        if end > start:
            self.parts.append(self.original[start:end])
            self.origin.extend(range(start, end))

    def put(self, s: str, at: int) -> None:
        """Insert replacement text `s`, every character mapped to original index `at`."""
        self.parts.append(s)
        self.origin.extend([at] * len(s))

    def build(self) -> OffsetMap:
        """Finish: the clean text and its map."""
        clean = "".join(self.parts)
        self.origin.append(len(self.original) if not self.origin else self.origin[-1] + 1)
        return OffsetMap(clean, self.origin, len(self.original))
