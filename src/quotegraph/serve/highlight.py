"""Safe highlighting: article text marked up from statement offsets, and query hits in quotes.

Every piece of text goes through `markupsafe.escape` on its own; only the tags built here are
trusted markup. Marks are never found by searching escaped text, so a query like "amp" cannot
split an entity such as `&amp;`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

N_COLOURS = 10  # speaker colour classes sp-0 … sp-9 in static/style.css
FTS_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})
_TERM = re.compile(r'(\w+)(\*?)\s*(:)?', re.UNICODE)


@dataclass(frozen=True)
class Mark:
    """One span to mark in the article: [start, end) with its element attributes."""

    start: int
    end: int
    kind: str  # "content", "cue" or "source"
    statement: str  # statement id
    classes: str
    attrs: tuple[tuple[str, str], ...] = ()
    anchor: bool = False  # the first content span of a statement: id + tabindex


def _attrs(attrs: tuple[tuple[str, str], ...]) -> str:
    return "".join(f' {k}="{escape(v)}"' for k, v in attrs)


def _open(m: Mark, anchor: bool, shared: str) -> str:
    head = [("class", m.classes), ("data-st", m.statement)]
    if anchor:
        head += [("id", f"s-{m.statement}"), ("tabindex", "0")]
    return "<mark" + _attrs(tuple(head)) + shared + ">"


def mark_text(text: str, marks: Iterable[Mark]) -> Markup:
    """Text with every mark wrapped round its characters, well nested even where marks overlap.

    The text is cut at every mark boundary; each piece is wrapped in the marks that cover it,
    outermost first (earlier start, then longer), and all are closed before the next piece. An
    overlap therefore splits a mark into several elements instead of producing crossed tags.
    Marks outside the text or empty are ignored.
    """
    n = len(text)
    ms = sorted((m for m in marks if 0 <= m.start < m.end <= n),
                key=lambda m: (m.start, -m.end, m.kind != "content"))
    cuts = sorted({0, n, *(m.start for m in ms), *(m.end for m in ms)})
    # A sweep over the cuts keeps the marks covering the current piece (as positions in `ms`,
    # so in nesting order), instead of testing every mark at every cut: O(text + output).
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(ms):
        starting[m.start].append(i)
        ending[m.end].append(i)
    covering: list[int] = []
    out: list[str] = []
    opened_anchor: set[str] = set()
    # Each opening tag is built once: a mark split by overlaps reopens with the same tag, and a
    # statement's content, cue and source marks share their escaped attributes.
    tags_of: dict[tuple[int, bool], str] = {}
    shared: dict[int, str] = {}
    for a, b in zip(cuts, cuts[1:]):
        for i in ending.get(a, ()):
            del covering[bisect_left(covering, i)]
        for i in starting.get(a, ()):
            insort(covering, i)
        active = [ms[i] for i in covering]
        piece = str(escape(text[a:b]))
        if not active:
            out.append(piece)
            continue
        tags = []
        for m in active:
            # Only the first element of an anchored mark carries the id (ids must be unique).
            anchor = m.anchor and m.statement not in opened_anchor and m.start == a
            if anchor:
                opened_anchor.add(m.statement)
            tag = tags_of.get((id(m), anchor))
            if tag is None:
                attrs = shared.get(id(m.attrs))
                if attrs is None:
                    attrs = shared[id(m.attrs)] = _attrs(m.attrs)
                tag = tags_of[(id(m), anchor)] = _open(m, anchor, attrs)
            tags.append(tag)
        out.append("".join(tags) + piece + "</mark>" * len(active))
    return Markup("".join(out))


def query_terms(q: str | None) -> list[str]:
    """The words of an FTS query worth highlighting (no operators, no column names)."""
    if not q:
        return []
    terms = []
    for word, _star, colon in _TERM.findall(q):
        if colon or word in FTS_WORDS or (word.isdigit() and len(word) < 2):
            continue
        terms.append(word.lower())
    return sorted(set(terms), key=lambda t: (-len(t), t))  # longest first: "peace" before "pea"


def highlight_query(text: str, terms: Sequence[str]) -> Markup:
    """`text` escaped, with words starting with a query term wrapped in <mark class="hit">.

    Prefix matching stands in for the index's porter stemming ("regroup" finds "regrouped").
    """
    if not terms:
        return Markup(escape(text))
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*",
                         re.IGNORECASE | re.UNICODE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(str(escape(text[pos:m.start()])))
        out.append(f'<mark class="hit">{escape(m.group())}</mark>')
        pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
