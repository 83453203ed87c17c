"""Posts embedded in an article: a paragraph that an embed's signature line closes is the named
account's own words ("… pic.twitter.com/x — Jane Roe (@janeroe) May 2, 2019").

News pages embed social-media posts as a paragraph of the post's text followed by the account's
name, handle and date after a dash. No verb of saying introduces it and no quote marks surround
it, so neither tier's rules nor the tagger see a statement there; the layout says whose it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from .draft import Draft
from .spans import text_of, trim

# The signature that closes an embedded post: a dash, the account's name, its @handle, a date.
_SIGNATURE = re.compile(r"[ \t]*[—–-]+[ \t]*(?P<name>[^\s—–()@][^\n—–()@]{0,59}?)[ \t]*"
                        r"\(@\w{1,30}\)[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$", re.M)
# What the embed adds after the post's words: its links, and hashtags standing at the end.
_LINK = re.compile(r"https?://\S+|pic\.twitter\.com/\S+")
_TRAILING_TAGS = re.compile(r"(?:\s*#\w+)+\s*$")


def post_drafts(doc: Doc) -> Iterator[tuple[str, Draft]]:
    """("direct", Draft) for each embedded post: its words, signed by the account named after the dash."""
    text = text_of(doc)
    for m in _SIGNATURE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        link = _LINK.search(text, start, m.start())
        end = link.start() if link else m.start()
        body = _TRAILING_TAGS.sub("", text[start:end])
        content = trim(text, (start, start + len(body)))
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if content is None or name is None:
            continue
        dash = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
        anchor = doc.char_span(dash, dash + 1, alignment_mode="expand")
        # Its words are the account's own, as a quotation's are, though no quote marks surround them.
        yield "direct", Draft((content,), (dash, dash + 1), (name.start_char, name.end_char), name.root.i,
                              anchor.root.i if anchor is not None else name.root.i, confidence=0.8)
