"""Paragraphs signed by whoever said them: embedded posts ("… pic.twitter.com/x — Jane Roe
(@janeroe) May 2, 2019") and pull quotes ("I never wanted this. Jane Roe").

News pages set both apart from the story: a post's text followed by the account's name, handle and
date after a dash; a pull quote's words followed by the speaker's name, their quote marks dropped.
No verb of saying introduces either, so neither tier's rules nor the tagger see a statement
there; the layout says whose words they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .draft import Draft, Range
from .spans import text_of, trim

# The signature that closes an embedded post: a dash, the account's name, its @handle, a date.
_POST = re.compile(r"[ \t]*[—–-]+[ \t]*(?P<name>[^\s—–()@][^\n—–()@]{0,59}?)[ \t]*"
                   r"\(@\w{1,30}\)[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$", re.M)
# What the embed adds after the post's words: its links, and hashtags standing at the end.
_LINK = re.compile(r"https?://\S+|pic\.twitter\.com/\S+")
_TRAILING_TAGS = re.compile(r"(?:\s*#\w+)+\s*$")
# A pull quote's signature: after the last sentence, a name of capitalised words (a title may
# come first), perhaps a comma and a role, and no full stop ("…. Jane Roe, Lakeview mayor").
_PULL = re.compile(r"(?<=[.!?\"”’])[ \t]+(?P<name>(?:[A-Z][\w.'’-]*[ \t]+){0,6}[A-Z][\w'’-]*)"
                   r"(?:,[ \t]*[^\n.!?,;:()/]{1,60})?[ \t]*$", re.M)
_MIN_WORDS = 6  # a pull quote's words before the signature: a caption's "Photo. Jane Roe" is none


def signed_drafts(doc: Doc) -> Iterator[tuple[str, Draft]]:
    """("direct", Draft) for each embedded post and pull quote, signed by the name after it."""
    yield from _posts(doc)
    yield from _pull_quotes(doc)


def _posts(doc: Doc) -> Iterator[tuple[str, Draft]]:
    text = text_of(doc)
    for m in _POST.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        link = _LINK.search(text, start, m.start())
        end = link.start() if link else m.start()
        body = _TRAILING_TAGS.sub("", text[start:end])
        content = trim(text, (start, start + len(body)))
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if content is None or name is None:
            continue
        dash = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
        yield "direct", _draft(doc, content, name, (dash, dash + 1))


def _pull_quotes(doc: Doc) -> Iterator[tuple[str, Draft]]:
    text = text_of(doc)
    for m in _PULL.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        content = trim(text, (start, m.start()))
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if content is None or name is None or len(text[content[0]:content[1]].split()) < _MIN_WORDS:
            continue
        # A person or organisation the story names elsewhere: a photographer's credit or a film's
        # title after a caption is neither.
        if not any(t.ent_type_ in ("PERSON", "ORG") for t in name) or not _named_elsewhere(doc, name, start):
            continue
        yield "direct", _draft(doc, content, name, None)


def _named_elsewhere(doc: Doc, name: Span, paragraph: int) -> bool:
    """Whether the name's last word stands in the text outside the signed paragraph."""
    last = name[-1].text
    return any(t.text == last and not (paragraph <= t.idx < name.end_char) for t in doc)


def _draft(doc: Doc, content: Range, name: Span, cue: Range | None) -> Draft:
    # The words are the speaker's own, as a quotation's are, though no quote marks surround them.
    anchor = doc.char_span(*cue, alignment_mode="expand") if cue else None
    first = doc.char_span(content[0], content[1], alignment_mode="expand")
    at = anchor.root.i if anchor is not None else first[0].i if first is not None else name.root.i
    return Draft((content,), cue, (name.start_char, name.end_char), name.root.i, at, confidence=0.8)
