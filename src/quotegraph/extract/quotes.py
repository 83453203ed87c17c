"""Quotation spans: pairing marks (straight, curly, single), nesting, multi-paragraph quotes.

Works on the clean text as a string. Apostrophes (Kirby’s, ’em, players') never open a quote; an
unbalanced mark closes at the end of its paragraph and never derails the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quote_index import Quotes

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
_OPEN_CONTEXT = " \t\n([{—–-/:;“‘\"'«"


@dataclass(frozen=True, slots=True)
class Quote:
    """A top-level quotation: content pieces (without marks), one per paragraph it spans."""

    pieces: tuple[tuple[int, int], ...]
    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark, or the piece end when unclosed
    double: bool
    closed: bool

    @property
    def start(self) -> int:
        """Start of the first piece."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """End of the last piece."""
        return self.pieces[-1][1]


def _kind(text: str, i: int) -> str | None:
    """Classify the mark at i as 'open', 'close', 'both' (straight, undecided) or None."""
    c = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    # A mark of the wrong shape where only the other can stand is a typo for it: a closing mark
    # that opens a paragraph before a word ("”Mr. Roe’s plan …”") opens, and an opening mark that
    # ends a paragraph after a sentence's end ("… “Mostly False.“") closes.
    if c in DOUBLE_OPEN:
        if nxt == "\n" and prev in ".!?":
            return "close"
        return "open" if (prev in _OPEN_CONTEXT or not prev.isalnum()) else None
    if c in SINGLE_OPEN:
        return "open" if (prev in _OPEN_CONTEXT or not prev.isalnum()) else None
    if c in DOUBLE_CLOSE:
        return "open" if prev == "\n" and nxt.isalnum() else "close"
    if c in SINGLE_CLOSE:
        # ’ inside or at the start of a word is an apostrophe (Kirby’s, ’em); closes otherwise
        return None if nxt.isalnum() else "close"
    if c == '"':
        if prev in _OPEN_CONTEXT and not nxt.isspace():
            return "open"
        if nxt in _OPEN_CONTEXT or not nxt.isalnum():
            return "close"
        return "both"
    if c == "'":
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, it's
        if prev in _OPEN_CONTEXT and nxt.isalnum():
            return "open"
        if prev.isalnum() or prev in ".,!?":
            return "close" if not nxt.isalnum() else None
        return None
    return None


def _is_double(c: str) -> bool:
    return c in DOUBLE_OPEN or c in DOUBLE_CLOSE or c == '"'


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while True:
        j = text.find("\n\n", start)
        if j == -1:
            out.append((start, len(text)))
            return out
        out.append((start, j))
        start = j + 2
        while start < len(text) and text[start] == "\n":
            start += 1


_DOUBLED = re.compile("''|’’|‘‘")


def _typewriter_doubles(text: str) -> str:
    """The text with each doubled single mark ('', ’’, ‘‘) written as one straight double quote,
    the same length: `" ` where it closes (after a word or . , ! ?), ` "` where it opens (before a
    word). Some papers write their quotes so (''A,'' he said), and some close a “ with ’’; read
    as two apostrophes, they made a single-quote pair that never continues over a paragraph, and
    left a “ open to the paragraph's end."""
    chars = None
    for m in _DOUBLED.finditer(text):
        i = m.start()
        prev = text[i - 1] if i else " "
        nxt = text[i + 2] if i + 2 < len(text) else " "
        chars = chars or list(text)
        if (prev.isalnum() or prev in ".,!?") and not nxt.isalnum():
            chars[i : i + 2] = '" '
        elif not prev.isalnum() and (nxt.isalnum() or nxt in "$(“‘"):
            chars[i : i + 2] = ' "'
    return "".join(chars) if chars else text


def find_quotes(text: str) -> Quotes:
    """Return the top-level quotes of `text` in order, with multi-paragraph quotes joined."""
    text = _typewriter_doubles(text)  # same length, so every offset holds for the original
    quotes: list[Quote] = []
    pending: tuple[list[tuple[int, int]], int, bool] | None = None  # pieces so far, open_at, double
    for p_start, p_end in _paragraphs(text):
        i = p_start
        cur: tuple[int, bool] | None = None  # (open index, double) within this paragraph
        if pending is not None:
            head = text[p_start:p_end].lstrip()
            first = p_end - len(text[p_start:p_end].lstrip()) if head else p_start
            if head and _kind(text, first) in ("open", "both") and _is_double(head[0]) == pending[2]:
                cur = (first, pending[2])  # continuation: opening mark again, closing only at the end
                i = first + 1
            else:
                pieces, open_at, double = pending
                quotes.append(Quote(tuple(pieces), open_at, pieces[-1][1], double, False))
                pending = None
        while i < p_end:
            k = _kind(text, i) if text[i] in "“”„«»‘’‹›\"'" else None
            if k is None:
                i += 1
                continue
            dbl = _is_double(text[i])
            if cur is None:
                if k in ("open", "both"):
                    cur = (i, dbl)
            # A mark of the other kind (single inside double, double inside single) stays inside.
            elif dbl == cur[1] and k in ("close", "both") and i > cur[0] + 1:
                piece = (cur[0] + 1, i)
                if pending is not None:
                    pieces, open_at, _ = pending
                    quotes.append(Quote((*pieces, piece), open_at, i, dbl, True))
                    pending = None
                else:
                    quotes.append(Quote((piece,), cur[0], i, dbl, True))
                cur = None
            i += 1
        if cur is not None:
            end = p_end
            while end > cur[0] + 1 and text[end - 1].isspace():
                end -= 1
            piece = (cur[0] + 1, end)
            if not cur[1]:
                continue  # an unclosed single mark is an apostrophe, not a quote
            if pending is not None:
                pending = (pending[0] + [piece], pending[1], cur[1])
            else:
                pending = ([piece], cur[0], cur[1])
    if pending is not None:
        pieces, open_at, double = pending
        quotes.append(Quote(tuple(pieces), open_at, pieces[-1][1], double, False))
    return Quotes(q for q in quotes if any(e > s for s, e in q.pieces))
