"""Markdown clean-up for articles converted from web pages, through an offset map.

Removes emphasis markers and link syntax, drops "Read more [headline](#)" lines (their headlines
belong to other articles) and the page's repeated insertions, and re-joins paragraphs that the
conversion split in mid-sentence or mid-quote. Every character of the clean text maps back to the
user's file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator

from .offsets import MapBuilder, OffsetMap

# A line that is only a link to another article, optionally after "Read more"/"See also".
_LINK_LINE = re.compile(
    r"^\s*(?:(?:read more|read also|see also|related|more)\s*:?\s*)?\[[^\]]*(?:\\\][^\]]*)*\]\([^)]*\)\s*$",
    re.IGNORECASE,
)
_INSERTION_WORDS = 8  # the longest line read as a page's insertion when it repeats
_RULE_LINE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*[*+-]\s+")
# Inline tokens (_inline_tokens): escapes, a link's opening bracket and its "](url)" tail, and
# emphasis runs. Characters that may start one:
_INLINE_START = re.compile(r"[\\!\[\]*_]")
_ESCAPED = frozenset("[]*_()#\\`")
_WORD = re.compile(r"\w")
# A wire dateline opening a paragraph: "SAO PAULO, March 3 (Reuters) - ", "WASHINGTON — ". The
# parser would take it for the sentence's subject ("(Reuters) … said"), so the clean text drops it.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,40}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?"  # place, region
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?"  # date
    r"(?: \([A-Za-z][A-Za-z .-]{1,30}\))? ?[-—–]{1,2} +(?=[A-Z0-9\"“‘])"  # (agency), dash, a sentence
)
_OPEN_QUOTES = "“\"«„"
_TERMINAL = ".!?:;\"”’»)…"


def _clean_line(b: MapBuilder, text: str, start: int, end: int, first: bool = False) -> None:
    m = _HEADING.match(text, start, end) or _BULLET.match(text, start, end)
    pos = m.end() if m else start
    if first and (d := _DATELINE.match(text, pos, end)):
        pos = d.end()
    for a, z, escaped in _inline_tokens(text, pos, end):
        b.keep(pos, a)
        if escaped:  # keep the escaped character, drop the backslash
            b.keep(a + 1, z)
        pos = z
    b.keep(pos, end)


class _Links:
    """Where a link's brackets close in one line, found once so that each look-up is a bisection.

    `[` opens a link when, reading on (a backslash escapes the next character), the first `]`
    is followed by `(` and a `)` comes later in the line. Testing that by scanning from every `[`
    took time quadratic in a line of many brackets (issue 20: 16k `[` took 7 s).
    """

    def __init__(self, text: str, start: int, end: int):
        self.text, self.end = text, end
        self.stops = [m.start() for m in re.finditer(r"[\\\]]", text[start:end])]
        self.stops = [start + i for i in self.stops]
        self.parens = [start + m.start() for m in re.finditer(r"\)", text[start:end])]
        # closer[i]: the `]` that a scan starting at stops[i] ends on, or -1.
        n = len(self.stops)
        self.closer = [-1] * n
        for i in range(n - 1, -1, -1):
            q = self.stops[i]
            if text[q] == "]":
                self.closer[i] = q
            elif q + 1 < end:  # a backslash: skip the character it escapes
                j = i + 1 if i + 1 < n and self.stops[i + 1] >= q + 2 else i + 2
                self.closer[i] = self.closer[j] if j < n else -1

    def paren(self, pos: int) -> int:
        """The first `)` at or after `pos` in the line, or -1."""
        i = bisect_left(self.parens, pos)
        return self.parens[i] if i < len(self.parens) else -1

    def opens(self, pos: int) -> bool:
        """Whether a `[` just before `pos` opens a [text](url) link."""
        i = bisect_left(self.stops, pos)
        k = self.closer[i] if i < len(self.stops) else -1
        return k != -1 and k + 1 < self.end and self.text[k + 1] == "(" and self.paren(k + 2) != -1


def _inline_tokens(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, escaped) of each markup token in text[start:end], in one pass.

    Tokens: a backslash escape, `[` or `![` opening a link, `](url)`, a run of `*`, and a run of
    `_` at a word's edge.
    """
    links: _Links | None = None
    p = start
    while m := _INLINE_START.search(text, p, end):
        p = m.start()
        c = text[p]
        if c in "![]" and links is None:
            links = _Links(text, start, end)
        if c == "\\":
            if p + 1 < end and text[p + 1] in _ESCAPED:
                yield p, p + 2, True
                p += 2
                continue
        elif c == "!" or c == "[":
            at = p + 1 if c == "[" else p + 2
            if (c == "[" or (at <= end and text[p + 1 : at] == "[")) and links.opens(at):  # type: ignore[union-attr]
                yield p, at, False
                p = at
                continue
        elif c == "]":
            k = links.paren(p + 2) if p + 1 < end and text[p + 1] == "(" else -1  # type: ignore[union-attr]
            if k != -1:
                yield p, k + 1, False
                p = k + 1
                continue
        else:  # a run of * or _
            q = p
            while q < end and text[q] == c:
                q += 1
            # `_` marks emphasis only at a word's edge ("snake_case" keeps its underscore);
            # no position inside a run that fails can succeed either.
            if c == "*" or not (p > 0 and _WORD.match(text[p - 1])) or q == end or not _WORD.match(text[q]):
                yield p, q, False
            p = q
            continue
        p += 1


def _marks(par: str) -> tuple[int, int, int]:
    return par.count("“"), par.count("”"), par.count('"')


def _quote_open(marks: tuple[int, int, int]) -> bool:
    return marks[0] > marks[1] or marks[2] % 2 == 1


def normalise_markdown(text: str) -> OffsetMap:
    """Return clean text for parsing, with a map back to `text`."""
    # 1. Paragraphs as (start, end) of original lines that survive.
    paragraphs: list[list[tuple[int, int]]] = [[]]
    pos = 0
    lines = text.splitlines(keepends=True)
    # A short line with no full stop that the page repeats word for word is its insertion ("Story
    # continues below advertisement"), not the story's text: it was joined to the next paragraph
    # as a sentence the conversion had split.
    repeats = Counter(x.strip() for x in lines if 0 < len(x.split()) <= _INSERTION_WORDS
                      and not x.rstrip().endswith((".", "?", "!", ":")))
    for line in lines:
        s, e = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = text[s:e]
        if not body.strip() or _LINK_LINE.match(body) or _RULE_LINE.match(body) or repeats[body.strip()] > 1:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append((s, e))
    paragraphs = [p for p in paragraphs if p]

    # 2. Clean each paragraph on its own, then join: a blank line, or one space where the
    #    conversion split a sentence or a quote that has no opening mark on its second part.
    #    What joining needs of the text since the last break is kept as counts and its last
    #    character, not as the text itself: re-reading a growing string made it quadratic.
    b = MapBuilder(text)
    marks, last = (0, 0, 0), ""
    for i, par in enumerate(paragraphs):
        pb = MapBuilder(text)
        for j, (s, e) in enumerate(par):
            if j:
                pb.put(" ", s - 1)
            _clean_line(pb, text, s, e, first=not j)
        clean = "".join(pb.parts)
        tail = clean.rstrip()[-1:]
        joined = False
        if i:
            head = clean.lstrip()[:1]
            joined = (_quote_open(marks) and head not in _OPEN_QUOTES + "‘'") or (
                last not in _TERMINAL and head.islower()
            )
            b.put(" " if joined else "\n\n", paragraphs[i - 1][-1][1])
        if joined:
            marks, last = tuple(a + c for a, c in zip(marks, _marks(clean))), tail or last  # type: ignore[assignment]
        else:
            marks, last = _marks(clean), tail
        b.parts.extend(pb.parts)
        b.origin.extend(pb.origin)
    return b.build()


def reader_markdown(text: str) -> OffsetMap:
    """The text as a reader of the page sees it, with a map back to `text`.

    Unlike normalise_markdown (what the parser sees), every line and paragraph break stays and
    nothing is dropped or joined: emphasis markers, link syntax (the link text stays), heading
    and bullet markers and horizontal rules go, and so does a " | " joiner left by a conversion.
    """
    b = MapBuilder(text)
    pos = 0
    for line in text.splitlines(keepends=True):
        s, e = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if not _RULE_LINE.match(text[s:e]):
            _clean_line(b, text, s, e)
        b.keep(e, pos)
    out = b.build()
    if " | " not in out.clean:
        return out
    keep = MapBuilder(text)  # drop the joiner and one of its spaces, keeping the map
    i = 0
    for j in (m.start() for m in _JOINER.finditer(out.clean)):
        keep.parts.append(out.clean[i:j])
        keep.origin.extend(out.origin[i:j])
        i = j + 2
    keep.parts.append(out.clean[i:])
    keep.origin.extend(out.origin[i:len(out.clean)])
    return keep.build()


_JOINER = re.compile(r" \|(?= )")
