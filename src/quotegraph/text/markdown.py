"""Markdown clean-up for articles converted from web pages, through an offset map.

Removes emphasis markers and link syntax, drops "Read more [headline](#)" lines (their headlines
belong to other articles), and re-joins paragraphs that the conversion split in mid-sentence or
mid-quote. Every character of the clean text maps back to the user's file.
"""

from __future__ import annotations

import re

from .offsets import MapBuilder, OffsetMap

# A line that is only a link to another article, optionally after "Read more"/"See also".
_LINK_LINE = re.compile(
    r"^\s*(?:(?:read more|read also|see also|related|more)\s*:?\s*)?\[[^\]]*(?:\\\][^\]]*)*\]\([^)]*\)\s*$",
    re.IGNORECASE,
)
_RULE_LINE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*[*+-]\s+")
# Inline tokens: link opening, link tail, escapes, emphasis runs.
_INLINE = re.compile(
    r"\\([\[\]*_()#\\`])"  # escaped character
    r"|!?\[(?=(?:\\.|[^\]\\])*\]\([^)]*\))"  # opening bracket of a [text](url) link
    r"|\]\([^)]*\)"  # closing bracket and url of a link
    r"|\*+|(?<!\w)_+|_+(?!\w)"  # emphasis markers
)
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
    for t in _INLINE.finditer(text, pos, end):
        b.keep(pos, t.start())
        if t.group(1):  # escaped character: keep it, drop the backslash
            b.keep(t.start(1), t.end(1))
        pos = t.end()
    b.keep(pos, end)


def _quote_open(par: str) -> bool:
    if par.count("“") > par.count("”"):
        return True
    return par.count('"') % 2 == 1


def normalise_markdown(text: str) -> OffsetMap:
    """Return clean text for parsing, with a map back to `text`."""
    # 1. Paragraphs as (start, end) of original lines that survive.
    paragraphs: list[list[tuple[int, int]]] = [[]]
    pos = 0
    for line in text.splitlines(keepends=True):
        s, e = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = text[s:e]
        if not body.strip() or _LINK_LINE.match(body) or _RULE_LINE.match(body):
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append((s, e))
    paragraphs = [p for p in paragraphs if p]

    # 2. Clean each paragraph on its own, then join: a blank line, or one space where the
    #    conversion split a sentence or a quote that has no opening mark on its second part.
    b = MapBuilder(text)
    prev = ""
    for i, par in enumerate(paragraphs):
        pb = MapBuilder(text)
        for j, (s, e) in enumerate(par):
            if j:
                pb.put(" ", s - 1)
            _clean_line(pb, text, s, e, first=not j)
        clean = "".join(pb.parts)
        if i:
            head = clean.lstrip()[:1]
            joined = (_quote_open(prev) and head not in _OPEN_QUOTES + "‘'") or (
                prev.rstrip()[-1:] not in _TERMINAL and head.islower()
            )
            b.put(" " if joined else "\n\n", paragraphs[i - 1][-1][1])
            prev = prev + " " + clean if joined else clean
        else:
            prev = clean
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
