"""Showing records honestly: which words are verbatim, text as a reader sees it, who was inferred.

Shared by the CLI tables and the web pages. Only words that stand inside quotation marks in the
article are shown inside quotation marks; a paraphrase is shown as plain text, and a mixed
statement shows its quoted parts quoted. Markdown syntax never reaches the reader, while every
offset still indexes the stored article text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .text.markdown import reader_markdown
from .text.offsets import OffsetMap

# How a speaker's name was reached (types.SPEAKER_VIA) when the text did not name them there.
INFERRED_VIA = ("pronoun", "nominal", "document", "floating")
OPEN_DOUBLE, CLOSE_DOUBLE = "“«„", "”»"
PIECE_JOIN = " … "
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of displayed content: verbatim (inside quote marks in the article) or not."""

    text: str
    verbatim: bool


class ReaderText:
    """An article's text as a reader sees it (`clean`), and the map from stored offsets into it."""

    def __init__(self, text: str):
        self.map: OffsetMap = reader_markdown(text)
        self.clean = self.map.clean

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """The clean [start, end) that shows the stored [start, end)."""
        origin = self.map.origin
        n = len(self.clean)
        a = bisect_left(origin, start, 0, n)
        b = bisect_left(origin, end, a, n)
        return a, b


@lru_cache(maxsize=256)
def reader_text(text: str) -> ReaderText:
    """ReaderText for `text`, cached: the same articles come back page after page."""
    return ReaderText(text)


def quote_runs(text: str, start: int, end: int, inside: bool = False
               ) -> tuple[list[tuple[int, int, bool]], bool]:
    """Split text[start:end] into runs inside and outside quotation marks.

    `inside` is the state at `start`. Double marks (“ ” « » „ and straight ") always count;
    single marks (‘ ’ and straight ') only where they open before a word and close after one,
    so apostrophes (Don’t, the ’90s, get ’em) never do. Returns the (start, end, inside) runs,
    without the marks themselves, and the state at `end`.
    """
    runs: list[tuple[int, int, bool]] = []
    single = False
    run_start = start
    for i in range(start, end):
        c = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        flip = None
        if c in OPEN_DOUBLE and not inside:
            flip = True
        elif c in CLOSE_DOUBLE and inside and not single:
            flip = False
        elif c == '"':
            flip = not inside
        elif c in "‘'" and not inside and not before.isalnum() and after.isalnum():
            flip, single = True, True
        elif c in "’'" and inside and single and not after.isalnum() and not before.isspace():
            flip, single = False, False
        if flip is None:
            continue
        if i > run_start:
            runs.append((run_start, i, inside))
        inside, run_start = flip, i + 1
    if end > run_start:
        runs.append((run_start, end, inside))
    return runs, inside


def inside_quotes_at(text: str, pos: int) -> bool:
    """Whether `pos` lies inside quotation marks opened earlier in its paragraph."""
    para = text.rfind("\n\n", 0, pos)
    return quote_runs(text, para + 2 if para >= 0 else 0, pos)[1]


def content_segments(text: str, spans: Iterable[Sequence[int]], kind: str,
                     reader: ReaderText | None = None) -> list[Segment]:
    """The statement's content as displayed: reader text, verbatim runs marked, pieces joined by " … ".

    A direct statement is verbatim by definition (the extractor found its marks); indirect and
    mixed ones are verbatim only where their words stand inside quotation marks.
    """
    reader = reader or reader_text(text)
    out: list[Segment] = []
    for a, b in sorted((int(s[0]), int(s[1])) for s in spans):
        runs = [(a, b, True)] if kind == "direct" else quote_runs(text, a, b, inside_quotes_at(text, a))[0]
        piece = []
        for s, e, verbatim in runs:
            ca, cb = reader.to_clean(s, e)
            piece.append(Segment(_WS.sub(" ", reader.clean[ca:cb]), verbatim))
        piece = [p for p in merge(piece) if p.text.strip()]
        if not piece:
            continue
        piece[0] = Segment(piece[0].text.lstrip(), piece[0].verbatim)
        piece[-1] = Segment(piece[-1].text.rstrip(), piece[-1].verbatim)
        if out:
            out.append(Segment(PIECE_JOIN, out[-1].verbatim and piece[0].verbatim))
        out.extend(piece)
    return merge(out)


def merge(segments: Iterable[Segment]) -> list[Segment]:
    """Adjacent segments of the same kind as one."""
    out: list[Segment] = []
    for s in segments:
        if out and out[-1].verbatim == s.verbatim:
            out[-1] = Segment(out[-1].text + s.text, s.verbatim)
        else:
            out.append(s)
    return out


def truncate(segments: list[Segment], limit: int) -> list[Segment]:
    """At most about `limit` characters of segments, cut at a word with an ellipsis."""
    out, left = [], limit
    for s in segments:
        if len(s.text) <= left:
            out.append(s)
            left -= len(s.text)
            continue
        head = s.text[:left]
        cut = head.rsplit(" ", 1)[0] if " " in head.strip() else head
        out.append(Segment(cut.rstrip(" ,;:") + "…", s.verbatim))
        break
    return out


def split_space(s: Segment) -> tuple[str, str, str]:
    """(leading space, words, trailing space): quote marks go round the words only."""
    core = s.text.strip()
    if not core:
        return s.text, "", ""
    i = s.text.index(core)
    return s.text[:i], core, s.text[i + len(core):]


def as_plain(segments: Iterable[Segment]) -> str:
    """Segments as one line of text: verbatim runs in “curly quotes”, paraphrase bare."""
    out = []
    for s in segments:
        lead, core, trail = split_space(s)
        out.append(f"{lead}“{core}”{trail}" if s.verbatim and core else s.text)
    return "".join(out)


def inference_note(via: str | None, source: str | None) -> str | None:
    """How an inferred speaker was reached, for display ("from 'she'"); None when named there."""
    if via not in INFERRED_VIA:
        return None
    if source:
        return f"from '{' '.join(source.split())}'"
    return "inferred from the article" if via == "document" else "inferred from context"


def speaker_label(name: str, via: str | None, source: str | None) -> str:
    """A speaker name with its inference note: "Justin Trudeau (from 'she')"."""
    note = inference_note(via, source)
    return f"{name} ({note})" if note else name


def count(n: int, noun: str, plural: str | None = None) -> str:
    """A count that reads naturally: "no statements", "1 article", "2,345 speakers"."""
    word = noun if n == 1 else (plural or noun + "s")
    return f"no {plural or noun + 's'}" if n == 0 else f"{n:,} {word}"


def range_of(first: int, shown: int, total: int, noun: str, plural: str | None = None) -> str:
    """Which items of a list are shown: "no statements", "1 statement", "21–40 of 1,234 statements"."""
    if total == 0 or shown == 0:
        return count(total, noun, plural) if total == 0 else f"none of {count(total, noun, plural)} on this page"
    if shown == total:
        return count(total, noun, plural)
    return f"{first + 1:,}–{first + shown:,} of {count(total, noun, plural)}"
