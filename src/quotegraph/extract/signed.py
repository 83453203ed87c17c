"""Paragraphs signed by whoever said them: embedded posts ("… pic.twitter.com/x — Jane Roe
(@janeroe) May 2, 2019") and pull quotes ("I never wanted this. Jane Roe").

News pages set both apart from the story: a post's text followed by the account's name, handle and
date after a dash; a pull quote's words followed by the speaker's name, their quote marks dropped.
No verb of saying introduces either, so neither tier's rules nor the tagger see a statement
there; the layout says whose words they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .draft import Draft, Range
from .spans import text_of, trim

# The signature that closes an embedded post: a dash, the account's name, its @handle, a date.
# The handle and date are found first and the dash and name in the few characters before them:
# one pattern for all of it backtracked over every dash of a long run of dashes (issue 16).
_HANDLE_DATE = re.compile(r"\(@\w{1,30}\)[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$", re.M)
_DASH_NAME = re.compile(r"[—–-]+[ \t]*(?P<name>[^\s—–()@][^\n—–()@]*?)[ \t]*$")
_NAME_CHARS = 64  # how far before the handle the dash may stand
# What the embed adds after the post's words: its links, and hashtags standing at the end.
_LINK = re.compile(r"https?://\S+|pic\.twitter\.com/\S+")
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
    for m in _HANDLE_DATE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        # The last long dash before the handle, else the first hyphen run: "— Jean-Marc Roe".
        near = max(start, m.start() - _NAME_CHARS)
        near = max(near, text.rfind("—", near, m.start()), text.rfind("–", near, m.start()))
        sig = _DASH_NAME.search(text, near, m.start())
        if sig is None:
            continue
        link = _LINK.search(text, start, sig.start())
        content = trim(text, (start, _before_tags(text, start, link.start() if link else sig.start())))
        name = doc.char_span(sig.start("name"), sig.end("name"), alignment_mode="expand")
        if content is None or name is None:
            continue
        yield "direct", _draft(doc, content, name, (sig.start(), sig.start() + 1))


def _before_tags(text: str, start: int, end: int) -> int:
    """Where the hashtags that close text[start:end] begin ("… on the coast. #Storm #Valley")."""
    while True:
        i = end
        while i > start and text[i - 1].isspace():
            i -= 1
        j = i
        while j > start and (text[j - 1].isalnum() or text[j - 1] == "_"):
            j -= 1
        if j in (i, start) or text[j - 1] != "#":
            return end
        end = j - 1


def _pull_quotes(doc: Doc) -> Iterator[tuple[str, Draft]]:
    text = text_of(doc)
    # Every token's count, taken once: a text of many signed paragraphs is not read again for each.
    words: Counter[str] | None = None
    for m in _PULL.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        content = trim(text, (start, m.start()))
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if content is None or name is None or len(text[content[0]:content[1]].split()) < _MIN_WORDS:
            continue
        if not any(t.ent_type_ in ("PERSON", "ORG") for t in name):
            continue
        # A person or organisation the story names elsewhere: a photographer's credit or a film's
        # title after a caption is neither.
        words = words if words is not None else Counter(t.text for t in doc)
        here = doc.char_span(start, name.end_char, alignment_mode="expand")
        last = name[-1].text
        if words[last] > sum(1 for t in here or () if t.text == last):
            yield "direct", _draft(doc, content, name, None)


def _draft(doc: Doc, content: Range, name: Span, cue: Range | None) -> Draft:
    # The words are the speaker's own, as a quotation's are, though no quote marks surround them.
    anchor = doc.char_span(*cue, alignment_mode="expand") if cue else None
    first = doc.char_span(content[0], content[1], alignment_mode="expand")
    at = anchor.root.i if anchor is not None else first[0].i if first is not None else name.root.i
    return Draft((content,), cue, (name.start_char, name.end_char), name.root.i, at, confidence=0.8)
