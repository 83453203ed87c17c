"""Small helpers over spaCy tokens: character ranges, trimming, quote membership."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..text.offsets import strip_range
from .quotes import Quote

Range = tuple[int, int]
_EDGE_PUNCT = " \t\n,;:.-—–"


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once (spaCy rebuilds `doc.text` from tokens on every access)."""
    text = doc.user_data.get("quotegraph_text")
    if text is None:
        text = doc.user_data["quotegraph_text"] = doc.text
    return text


def tokens_range(tokens: Iterable[Token]) -> Range | None:
    """Character range from the first to the last of `tokens`, or None if empty."""
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def trim(text: str, r: Range | None, chars: str = _EDGE_PUNCT) -> Range | None:
    """Shrink a range past whitespace and edge punctuation; None if nothing is left."""
    if r is None:
        return None
    s, e = strip_range(text, r[0], r[1], chars)
    return (s, e) if e > s else None


def subtree_range(tok: Token, exclude: Iterable[Token] = ()) -> Range | None:
    """Range of a token's subtree, cut short where an excluded child's subtree begins or ends."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    for x in exclude:
        if x.i > tok.i:
            hi = min(hi, x.left_edge.i - 1)
        else:
            lo = max(lo, x.right_edge.i + 1)
    return tokens_range(tok.doc[lo : hi + 1])


def in_quotes(quotes: list[Quote], pos: int) -> Quote | None:
    """The quote whose pieces contain character `pos`, if any."""
    for q in quotes:
        if q.open_at <= pos <= q.close_at:
            for s, e in q.pieces:
                if s <= pos < e:
                    return q
    return None


def overlapping(quotes: list[Quote], r: Range) -> list[Quote]:
    """Quotes whose pieces overlap range `r`."""
    return [q for q in quotes if any(s < r[1] and r[0] < e for s, e in q.pieces)]
