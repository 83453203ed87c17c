"""Where to cut a long text into pieces the parser can take one at a time."""

from __future__ import annotations

# The parser's memory grows with the text it is given at once (a 200,000-character article took
# 900 MB, a 500,000-character one 1.85 GB, and spaCy refuses 1,000,000). Longer articles are parsed
# in pieces of at most this many characters, and a batch holds no more than this either.
PIECE_CHARS = 50_000
# Preferred cut points, best first: a blank line, a line break, a sentence end, a space.
_BOUNDARIES = ("\n\n", "\n", ". ", " ")


def split_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut `text` into consecutive (start, end) pieces of at most `limit` characters.

    Each cut goes after the last paragraph break that fits, else the last line break, sentence
    end or space; a stretch of `limit` characters with none of these is cut where it must be.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    out, start, n = [], 0, len(text)
    while n - start > limit:
        stop = start + limit
        for sep in _BOUNDARIES:
            at = text.rfind(sep, start + 1, stop)
            if at != -1:
                stop = at + len(sep)
                break
        out.append((start, stop))
        start = stop
    if start < n or not out:
        out.append((start, n))
    return out
