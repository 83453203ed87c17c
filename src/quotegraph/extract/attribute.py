"""Cue and source selection: give each quote its cue and speaker mention, drop scare quotes."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model.linear import RULES_ONLY, AttributionModel
from .draft import Draft, Range
from .indirect import according_drafts, dash_drafts, headline_drafts, noun_drafts, verb_drafts
from .quotes import Quote
from .spans import text_of, trim

MIN_QUOTE_WORDS = 4  # shorter quotes with no speech context are scare quotes or titles
_BETWEEN = " \t\n,.;:—–-\"'“”‘’"
_QUOTE_EDGE = " \t\n,;:"


def _words(text: str, q: Quote) -> int:
    return sum(len(text[s:e].split()) for s, e in q.pieces)


def _claimed(drafts: list[Draft], q: Quote) -> bool:
    return any(s <= q.start < e or (q.start <= s < q.end) for d in drafts for s, e in d.content)


def _gap_is_blank(text: str, a: int, b: int, allow_newlines: bool) -> bool:
    gap = text[a:b]
    return all(c in _BETWEEN for c in gap) and (allow_newlines or "\n\n" not in gap)


def _adjacent_quote(text: str, d: Draft, quotes: list[Quote], drafts: list[Draft]) -> Quote | None:
    """A quote that ends just before the cue clause ("…?" Zakharova asked) or follows "X said:"."""
    lo = min(x for x in (d.source, d.cue) if x)[0]
    hi = max(x for x in (d.source, d.cue) if x)[1]
    for q in quotes:
        if _claimed(drafts, q):
            continue
        if q.close_at < lo and _gap_is_blank(text, q.close_at + 1, lo, False):
            return q
        after = text[hi:q.open_at]
        if q.open_at >= hi and after.strip() in (":", ",", "") and _gap_is_blank(text, hi, q.open_at, True):
            return q
    return None


def kind_of(text: str, content: tuple[Range, ...], quotes: list[Quote]) -> str:
    """direct, mixed or indirect: how much of the content's words lie inside quote marks."""
    inside = outside = 0
    for s, e in content:
        for i in range(s, e):
            if text[i].isalnum():
                if any(qs <= i < qe for q in quotes for qs, qe in q.pieces):
                    inside += 1
                else:
                    outside += 1
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def assemble(doc: Doc, quotes: list[Quote], model: AttributionModel = RULES_ONLY) -> list[tuple[str, Draft]]:
    """All statements of a document as (kind, Draft), in text order."""
    text = text_of(doc)
    cue_drafts = _relayed(text, list(headline_drafts(doc)) + list(according_drafts(doc, quotes))
                          + list(verb_drafts(doc, quotes, model)) + list(noun_drafts(doc, quotes))
                          + list(dash_drafts(doc, quotes)))
    with_content = [d for d in cue_drafts if d.content]
    # A cue with no complement of its own takes an adjacent quote.
    for d in sorted((d for d in cue_drafts if not d.content and d.source), key=lambda d: d.anchor):
        q = _adjacent_quote(text, d, quotes, with_content)
        if q is not None:
            with_content.append(replace(d, content=q.pieces, confidence=min(d.confidence, 0.8)))
    # Nested cues inside another statement's content are part of what was said.
    drafts = [d for d in with_content if not any(
        o is not d and d.cue and any(s <= d.cue[0] < e for s, e in o.content)
        and not any(s <= o.cue[0] < e for s, e in d.content) for o in with_content if o.cue)]
    drafts = _dedupe(drafts)
    drafts = _continue_quotes(doc, text, drafts, quotes)
    # Quote-only paragraphs continue the previous speaker; other unclaimed long quotes stand alone.
    drafts.sort(key=lambda d: d.content[0][0])
    for q in quotes:
        if _claimed(drafts, q) or not q.closed or _words(text, q) < MIN_QUOTE_WORDS:
            continue
        if not _quote_is_sentence(text, q):
            continue
        prev = [d for d in drafts if d.content[-1][1] <= q.open_at and d.source]
        if prev and _near(text, prev[-1].content[-1][1], q.open_at):
            drafts.append(Draft(q.pieces, None, None, None, prev[-1].anchor, confidence=0.6, head=prev[-1]))
            drafts.sort(key=lambda d: d.content[0][0])
    out = []
    final: dict[int, Draft] = {}  # heads point at drafts before their content was trimmed
    # A whole quote keeps its closing . ? ! — only the comma that hands over to the cue goes.
    pieces = {p for q in quotes for p in q.pieces}
    opens = {q.open_at: q.start for q in quotes}
    closes = {q.close_at + 1: q.end for q in quotes if q.closed}
    for d in drafts:
        # A range that starts or ends on a quote mark starts or ends with the quoted words instead.
        ranges = [(opens.get(a, a), closes.get(b, b)) for a, b in d.content]
        content = tuple(r for r in (trim(text, x, _QUOTE_EDGE) if x in pieces else trim(text, x)
                                    for x in ranges if x[0] < x[1]) if r)
        if content:
            head = final.get(id(d.head)) if d.head is not None else None
            final[id(d)] = replace(d, content=content, head=head)
            out.append((kind_of(text, content, quotes), final[id(d)]))
    return out


def _relayed(text: str, drafts: list[Draft]) -> list[Draft]:
    """"…," X said, according to RIA: X is the speaker, and the agency only relayed the words.

    An "according to" statement whose content holds another cue with a speaker of its own gives
    way to it; that statement records the agency as its relay.
    """
    relays: dict[int, Range] = {}
    dropped: set[int] = set()
    for a in drafts:
        if a.cue is None or a.source is None or not text[a.cue[0] : a.cue[1]].lower().startswith("according"):
            continue
        inner = [v for v in drafts if v is not a and v.source is not None and v.cue is not None
                 and any(s <= v.cue[0] < e for s, e in a.content)]
        if inner:
            dropped.add(id(a))
            for v in inner:
                relays[id(v)] = a.source
    return [replace(d, relay=relays[id(d)]) if id(d) in relays else d for d in drafts if id(d) not in dropped]


def _continue_quotes(doc: Doc, text: str, drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """Extend a quoted statement with the quote that resumes right after its cue clause.

    In "“X,” she said. “Y.”" both quotes are one statement by her: news writers put the cue
    between the two halves, and only a new speaker or a new paragraph ends the statement.
    """
    quotes = sorted(quotes, key=lambda q: q.open_at)
    out = []
    for d in drafts:
        while True:
            q = _resumed_quote(doc, text, d, quotes, drafts)
            if q is None:
                break
            d = replace(d, content=d.content + q.pieces)
        out.append(d)
    return out


def _resumed_quote(doc: Doc, text: str, d: Draft, quotes: list[Quote], drafts: list[Draft]) -> Quote | None:
    # Ranges may hold the quote marks themselves, so test against the marks' positions.
    if d.source is None or not all(any(q.open_at <= s and e <= q.close_at + 1 for q in quotes) for s, e in d.content):
        return None
    end = max(e for _, e in (*d.content, *(x for x in (d.cue, d.source) if x)))
    nxt = next((q for q in quotes if q.open_at >= end), None)
    if nxt is None or not nxt.closed or _claimed(drafts, nxt) or "\n" in text[end : nxt.open_at]:
        return None
    # Another cue or speaker between the halves starts a new statement.
    if any(o is not d and o.cue and end <= o.cue[0] < nxt.open_at for o in drafts):
        return None
    # The resumed quote opens in the cue's sentence or the next one.
    sents = doc.char_span(end - 1, nxt.open_at + 1, alignment_mode="expand")
    return nxt if sents is not None and len({t.sent.start for t in sents}) <= 2 else None


def _quote_is_sentence(text: str, q: Quote) -> bool:
    """A quotation that stands as its own sentence: it opens a paragraph or follows a sentence's
    end, and ends its paragraph or is followed by a new sentence (no cue clause hangs on it)."""
    start = text.rfind("\n\n", 0, q.open_at)
    before = text[start + 2 if start >= 0 else 0 : q.open_at].strip()
    if before and before[-1] not in ".?!…\"”’":
        return False
    end = text.find("\n\n", q.close_at)
    after = text[q.close_at + 1 : end if end >= 0 else len(text)].strip()
    return not after or after[0].isupper() or after[0] in "\"“‘(["


def _near(text: str, a: int, b: int) -> bool:
    # The continued speaker must be in the previous paragraph or this one.
    return text.count("\n\n", a, b) <= 1


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Keep one statement per content: the one with a source and the highest confidence."""
    best: dict[tuple[Range, ...], Draft] = {}
    for d in drafts:
        k = d.content
        cur = best.get(k)
        if cur is None or (d.source is not None, d.confidence) > (cur.source is not None, cur.confidence):
            best[k] = d
    # Drop statements whose content lies wholly inside another's content.
    kept = list(best.values())
    return [d for d in kept if not any(o is not d and all(
        any(os <= s and e <= oe for os, oe in o.content) for s, e in d.content)
        and o.content != d.content for o in kept)]
