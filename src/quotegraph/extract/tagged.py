"""The accurate tier's statements: role spans from the tagger, linked into drafts.

Each content span goes to the nearest cue in its own or a neighbouring sentence (a cue inside the
span belongs to a statement nested in it); each cue takes the nearest source in its sentence.
Content pieces of one cue that a short untagged gap separates within a sentence are joined, since
the tagger sometimes breaks a span at a quote mark, a comma or a name. Statements the tagger is
unsure of are dropped. docs/tiers.md gives the dev figures behind each constant.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc

from .attribute import kind_of
from .draft import Draft, Range
from .quotes import Quote
from .spans import text_of, trim

SOURCE, CUE, CONTENT = 0, 1, 2
SENTENCE_COST = 40  # tokens a sentence boundary is worth when measuring how far a cue is
MAX_SENTENCES = 1  # content links to a cue at most this many sentences away
MIN_CONFIDENCE = 0.5  # chosen on dev among 0 to 0.6: the gate figures' mean peaked here
MAX_GAP = 8  # untagged tokens a statement's content may skip over within a sentence
TokenSpan = tuple[int, int]
# Content is recorded as the quoted words with their closing . ? !, as in the fast tier: quote
# marks and the comma that hands over to the cue are trimmed.
_CONTENT_EDGE = " \t\n,;:—–\"“”‘’«»„"


def role_spans(tags: np.ndarray, role: int) -> list[TokenSpan]:
    """[start, end) token spans of one role from B/I/O ids; an I after O opens a span."""
    out: list[TokenSpan] = []
    start = None
    for i, t in enumerate([*tags[:, role].tolist(), 0]):
        if start is not None and t != 2:
            out.append((start, i))
            start = None
        if t == 1 or (t == 2 and start is None):
            start = i
    return out


def _gap(a: TokenSpan, b: TokenSpan) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _distance(sent: Sequence[int], para: Sequence[int], content: TokenSpan, cue: TokenSpan) -> int:
    """Token gap plus a cost per sentence boundary from content to cue; -1 when out of reach.

    A cue in a later paragraph never takes the content: a quote that ends a paragraph belongs
    to what came before it.
    """
    if para[cue[0]] > para[content[1] - 1]:
        return -1
    sa = (sent[content[0]], sent[content[1] - 1])
    sb = (sent[cue[0]], sent[cue[1] - 1])
    sentences = max(0, sb[0] - sa[1], sa[0] - sb[1])
    return _gap(content, cue) + SENTENCE_COST * sentences if sentences <= MAX_SENTENCES else -1


def _inside(inner: TokenSpan, outer: TokenSpan) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _link(sent: Sequence[int], para: Sequence[int], items: list[TokenSpan], cues: list[TokenSpan]
          ) -> list[int | None]:
    """The nearest cue (index) for each item, or None when no cue is close enough."""
    out: list[int | None] = []
    for it in items:
        best: tuple[int, int] | None = None
        for k, c in enumerate(cues):
            if _inside(c, it):
                continue
            d = _distance(sent, para, it, c)
            if d >= 0 and (best is None or d < best[0]):
                best = (d, k)
        out.append(best and best[1])
    return out


def _join(pieces: list[TokenSpan], sent: Sequence[int], blocked: set[int]) -> list[TokenSpan]:
    """Join consecutive pieces of one sentence that a short untagged gap separates."""
    out: list[TokenSpan] = []
    for p in sorted(pieces):
        if (out and p[0] - out[-1][1] <= MAX_GAP and sent[out[-1][1] - 1] == sent[p[0]]
                and not blocked.intersection(range(out[-1][1], p[0]))):
            out[-1] = (out[-1][0], max(out[-1][1], p[1]))
        else:
            out.append(p)
    return out


def _antecedent(doc: Doc, span: TokenSpan) -> TokenSpan:
    """For a relative pronoun ("Washington, which supports …"), the noun phrase it stands for."""
    if span[1] - span[0] == 1:
        tok = doc[span[0]]
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
            noun = tok.head.head
            return noun.left_edge.i, noun.i + 1
    return span


def _chars(doc: Doc, span: TokenSpan, edge: str = " \t\n") -> Range | None:
    s = doc[span[0] : span[1]]
    return trim(text_of(doc), (s.start_char, s.end_char), edge)


def _mean_tagged(probs: np.ndarray, role: int, spans: list[TokenSpan]) -> float:
    """Mean P(not O) of a role over the tokens of some spans."""
    idx = [i for s, e in spans for i in range(s, e)]
    return float(1.0 - probs[idx, role, 0].mean()) if idx else 0.0


def tagged_drafts(doc: Doc, probs: np.ndarray, quotes: list[Quote], min_confidence: float = MIN_CONFIDENCE
                  ) -> list[tuple[str, Draft]]:
    """(kind, Draft) from the tagger's P(O, B, I) [tokens, roles, 3], in text order.

    A draft's confidence is how sure the tagger was of its content and cue tokens; drafts below
    `min_confidence` are dropped.
    """
    if len(doc) == 0:
        return []
    tags = probs.argmax(-1)
    sent, para = [0] * len(doc), [0] * len(doc)
    for n, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            sent[i] = n
    for t in doc[1:]:
        para[t.i] = para[t.i - 1] + ("\n\n" in doc[t.i - 1].text_with_ws)
    sources, cues, contents = (role_spans(tags, r) for r in (SOURCE, CUE, CONTENT))
    by_cue: dict[int, list[TokenSpan]] = {}
    for span, k in zip(contents, _link(sent, para, contents, cues)):
        if k is not None:
            by_cue.setdefault(k, []).append(span)
    blocked = {i for s, e in sources + cues for i in range(s, e)}
    drafts = []
    for k, pieces in by_cue.items():
        cue = cues[k]
        near = [s for s in sources if sent[s[0]] == sent[cue[0]] and not any(_inside(s, p) for p in pieces)]
        source = min(near, key=lambda s: _gap(s, cue), default=None)
        source = source and _antecedent(doc, source)
        joined = _join(pieces, sent, blocked)
        content = tuple(r for r in (_chars(doc, p, _CONTENT_EDGE) for p in joined) if r)
        confidence = _mean_tagged(probs, CONTENT, joined) * _mean_tagged(probs, CUE, [cue])
        if not content or confidence < min_confidence:
            continue
        drafts.append(Draft(content=content, cue=_chars(doc, cue),
                            source=_chars(doc, source) if source else None,
                            source_head=doc[source[0] : source[1]].root.i if source else None,
                            anchor=cue[0], confidence=round(confidence, 3)))
    drafts.sort(key=lambda d: d.content[0][0])
    return [(kind_of(text_of(doc), d.content, quotes), d) for d in drafts]
