"""Small helpers over spaCy tokens: character ranges, trimming, quote membership."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

from ..text.offsets import strip_range
from .quote_index import index_of
from .quotes import Quote

Range = tuple[int, int]
T = TypeVar("T")
_EDGE_PUNCT = " \t\n,;:.-—–"


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once (spaCy rebuilds `doc.text` from tokens on every access)."""
    text = doc.user_data.get("quotegraph_text")
    if text is None:
        text = doc.user_data["quotegraph_text"] = doc.text
    return text


def per_doc(key: str, doc: Doc, build: Callable[[Doc], T]) -> T:
    """`build(doc)`, computed once per Doc and kept for the last few Docs.

    Kept outside the Doc so that its user_data still serialises. Look-ups that spaCy would
    recompute on every call (`doc.ents`, `Token.sent`, a regex over the whole text) go through
    here, so that an article of many statements, or one run-on sentence of many cues, stays linear.
    """
    cache = _per_doc.setdefault(key, [])
    found = next((x for d, x in cache if d is doc), None)
    if found is None:
        found = build(doc)
        cache.insert(0, (doc, found))
        del cache[2:]
    return found


_per_doc: dict[str, list[tuple[Doc, Any]]] = {}


def _entities_by_token(doc: Doc) -> dict[int, Span]:
    at: dict[int, Span] = {}
    for ent in doc.ents:
        for j in range(ent.start, ent.end):
            at.setdefault(j, ent)
    return at


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity covering token `i`, if any."""
    return per_doc("entities", doc, _entities_by_token).get(i)


def _children(doc: Doc) -> list[list[Token]]:
    kids: list[list[Token]] = [[] for _ in range(len(doc))]
    for t in doc:
        if t.head.i != t.i:
            kids[t.head.i].append(t)
    return kids


def children(tok: Token) -> list[Token]:
    """The token's syntactic children, in text order. `Token.children` scans the token's whole
    subtree span, which in a run-on parse (every "said" nested in the one before) is the rest of
    the text, so reading children that way made a storm of cues quadratic."""
    return per_doc("children", tok.doc, _children)[tok.i]


def _sentences(doc: Doc) -> list[Span]:
    by_token: list[Span] = [doc[0:0]] * len(doc)
    for s in doc.sents:
        by_token[s.start : s.end] = [s] * len(s)
    return by_token


def sentence_of(tok: Token) -> Span:
    """The token's sentence. `Token.sent` walks the sentence on every call, which made a run-on
    sentence of many cues (a storm of quote marks) quadratic; this reads a table built once."""
    return per_doc("sentences", tok.doc, _sentences)[tok.i]


def sentence_chars(tok: Token) -> Range:
    """(start, end) characters of the token's sentence."""
    s = sentence_of(tok)
    return s.start_char, s.end_char


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


def in_quotes(quotes: Sequence[Quote], pos: int) -> Quote | None:
    """The quote whose pieces contain character `pos`, if any."""
    return index_of(quotes).containing(pos)


def overlapping(quotes: Sequence[Quote], r: Range) -> list[Quote]:
    """Quotes whose pieces overlap range `r`."""
    return index_of(quotes).overlapping(r)
