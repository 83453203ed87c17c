"""Small helpers over spaCy tokens: character ranges, trimming, quote membership."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from .quote_index import index_of
from .quotes import Quote

Range = tuple[int, int]
_EDGE_PUNCT = " \t\n,;:.-—–"


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once (spaCy rebuilds `doc.text` from tokens on every access)."""
    text = doc.user_data.get("quotegraph_text")
    if text is None:
        text = doc.user_data["quotegraph_text"] = doc.text
    return text


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity covering token `i`, if any.

    Indexed once per Doc (`doc.ents` builds every entity's span on each access, which made a
    look-up per statement quadratic); the index is kept for the last few Docs, outside the Doc
    so that its user_data still serialises.
    """
    at = next((x for d, x in _entity_index if d is doc), None)
    if at is None:
        at = {}
        for ent in doc.ents:
            for j in range(ent.start, ent.end):
                at.setdefault(j, ent)
        _entity_index.insert(0, (doc, at))
        del _entity_index[2:]
    return at.get(i)


_entity_index: list[tuple[Doc, dict[int, Span]]] = []


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
    s, e = r
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
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


def in_quotes(quotes: Sequence[Quote], pos: int) -> Quote | None:
    """The quote whose pieces contain character `pos`, if any."""
    return index_of(quotes).containing(pos)


def overlapping(quotes: Sequence[Quote], r: Range) -> list[Quote]:
    """Quotes whose pieces overlap range `r`."""
    return index_of(quotes).overlapping(r)
