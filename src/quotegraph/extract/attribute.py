"""Cue and source selection: give each quote its cue and speaker mention, drop scare quotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc

from ..model.linear import RULES_ONLY, AttributionModel
from .containment import held
from .draft import Draft, Range
from .indirect import (
    RELATIVE_PRONOUNS,
    according_drafts,
    dash_drafts,
    headline_drafts,
    noun_drafts,
    verb_drafts,
)
from .quote_index import Claims, index_of
from .quotes import Quote
from .spans import overlapping, text_of, trim
from .transcript import opens_turn, transcript_drafts

MIN_QUOTE_WORDS = 4  # shorter quotes with no speech context are scare quotes or titles
_BETWEEN = " \t\n,.;:—–-\"'“”‘’"
_QUOTE_EDGE = " \t\n,;:"


def _words(text: str, q: Quote) -> int:
    return sum(len(text[s:e].split()) for s, e in q.pieces)


def _claims(quotes: list[Quote], drafts: list[Draft]) -> Claims:
    return Claims(index_of(quotes), (r for d in drafts for r in d.content))


def _adjacent_quote(doc: Doc, d: Draft, quotes: list[Quote], claims: Claims) -> Quote | None:
    """A quote that ends just before the cue clause ("…?" Zakharova asked) or follows "X said:"."""
    text = text_of(doc)
    lo = min(x for x in (d.source, d.cue) if x)[0]
    hi = max(x for x in (d.source, d.cue) if x)[1]
    # Only blank characters may separate them: the run before the clause (within its paragraph),
    # or the run after it, where at most one ":" or "," stands before the quote.
    a = lo
    while a > 0 and text[a - 1] in _BETWEEN and not (text[a - 1] == "\n" and a < lo and text[a] == "\n"):
        a -= 1
    # A quote right before "which refers to" is what the relative pronoun stands for, not its words.
    relative = d.source is not None and text[d.source[0]:d.source[1]].lower() in RELATIVE_PRONOUNS
    for q in () if relative else index_of(quotes).closing_in(a - 1, lo):
        if not claims.claimed(q):
            return q
    b = _past_blanks(text, hi)
    intro = _colon_after(doc, d, hi)  # "X said on Monday:", the quote in the next paragraph
    for q in index_of(quotes).opening_in(hi, max(b, intro) + 1):
        if text[hi:q.open_at].strip() not in (":", ",", "") and q.open_at > intro:
            break  # and so for every later quote: the gap only grows
        if not claims.claimed(q):
            return q
    return None


_COLON_STOP = re.compile(r"[:\n.!?\"“”‘’]")


def _colon_after(doc: Doc, d: Draft, hi: int) -> int:
    """Where the blanks end after a colon that closes the cue verb's clause past words of its own
    ("X said on Monday:", "X told reporters:"), or -1 where there is none."""
    text = text_of(doc)
    verb = doc[d.anchor]
    # The first line break, sentence end or quote mark ends the search, so a sentence of many
    # cues and no colon is not read again for each cue.
    stop = _COLON_STOP.search(text, hi)
    if stop is None or stop.group() != ":":
        return -1
    colon = stop.start()
    words = doc.char_span(hi, colon, alignment_mode="expand")
    # Only the verb's own modifiers and objects: no other verb, nothing outside its phrase.
    if words is None or any(t.pos_ in ("VERB", "AUX") or not (verb.left_edge.i <= t.i <= verb.right_edge.i)
                            for t in words if not t.is_space):
        return -1
    return _past_blanks(text, colon + 1)


def _past_blanks(text: str, i: int) -> int:
    """The first character from i on that is not a blank or a mark that may stand between a cue and its quote."""
    while i < len(text) and text[i] in _BETWEEN:
        i += 1
    return i


_MINOR_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})


def quoted_title(text: str, q: Quote) -> bool:
    """Whether a quote is a title, not quoted words: two or more words, each capitalised but for
    the small ones a title leaves lower-case ("The Kid Who Would Be King", "Make America Great
    Again"), and no sentence inside."""
    words = [w.strip(".,;:!?'’\"“”()") for s, e in q.pieces for w in text[s:e].split()]
    words = [w for w in words if w]
    if len(words) < 2 or any(c in text[s:e].rstrip(".,!? ") for s, e in q.pieces for c in ".!?"):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w[0].isdigit() or w in _MINOR_WORDS for w in words)


def _alnum(text: str, s: int, e: int) -> int:
    return sum(1 for c in text[s:e] if c.isalnum()) if e > s else 0


def kind_of(text: str, content: tuple[Range, ...], quotes: list[Quote]) -> str:
    """direct, mixed or indirect: how much of the content's words lie inside quote marks.

    A title in quote marks is no quotation ("shows X in a scene from “The Kid Who Would Be
    King”"): its words count as outside."""
    inside = sum(_alnum(text, s, e) for s, e in _quoted_parts(text, content, quotes))
    outside = sum(_alnum(text, s, e) for s, e in content) - inside
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def quoted_words(text: str, content: tuple[Range, ...], quotes: list[Quote]) -> int:
    """How many words the content's longest stretch inside quote marks has (a title's not counted):
    two scare-quoted words apart ("'breaks' … “unacceptable”") are no quotation of two words."""
    return max((len(text[s:e].split()) for s, e in _quoted_parts(text, content, quotes)), default=0)


def _quoted_parts(text: str, content: tuple[Range, ...], quotes: list[Quote]) -> Iterator[Range]:
    for s, e in content:
        for q in overlapping(quotes, (s, e)):
            if not quoted_title(text, q):
                for ps, pe in q.pieces:
                    if min(e, pe) > max(s, ps):
                        yield max(s, ps), min(e, pe)


def assemble(doc: Doc, quotes: list[Quote], model: AttributionModel = RULES_ONLY) -> list[tuple[str, Draft]]:
    """All statements of a document as (kind, Draft), in text order."""
    text = text_of(doc)
    cue_drafts = _relayed(text, list(headline_drafts(doc)) + list(according_drafts(doc, quotes))
                          + list(verb_drafts(doc, quotes, model)) + list(noun_drafts(doc, quotes))
                          + list(dash_drafts(doc, quotes)) + transcript_drafts(doc))
    with_content = [d for d in cue_drafts if d.content]
    # A cue with no complement of its own takes an adjacent quote.
    claims = _claims(quotes, with_content)
    for d in sorted((d for d in cue_drafts if not d.content and d.source), key=lambda d: d.anchor):
        q = _adjacent_quote(doc, d, quotes, claims)
        if q is not None:
            with_content.append(replace(d, content=q.pieces, confidence=min(d.confidence, 0.8)))
            claims.add(q.pieces)
    # Nested cues inside another statement's content are part of what was said.
    cued = [d for d in with_content if d.cue]
    nested = held([(s, e, o) for o in cued for s, e in o.content], [(d.cue[0], d.cue[0] + 1) for d in cued],
                  lambda i, o: o is not cued[i] and not any(s <= o.cue[0] < e for s, e in cued[i].content))
    inner = {id(d) for d, x in zip(cued, nested) if x}
    drafts = [d for d in with_content if id(d) not in inner]
    drafts = _dedupe(drafts)
    drafts = continue_quotes(doc, text, drafts, quotes)
    drafts = floating_quotes(text, drafts, quotes)
    return finish(text, drafts, quotes)


def finish(text: str, drafts: list[Draft], quotes: list[Quote]) -> list[tuple[str, Draft]]:
    """(kind, Draft) in text order, each content range trimmed to the words it holds: a whole quote
    keeps its closing . ? ! and loses its marks; only the comma that hands over to the cue goes."""
    out = []
    final: dict[int, Draft] = {}  # heads point at drafts before their content was trimmed
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


def floating_quotes(text: str, drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """`drafts` in text order, plus each unclaimed quote that stands as its own sentence near a
    statement with a speaker: it continues the last such statement before it ("floating" quotes,
    which news writers leave with no cue: “A,” she said. / “B.”)."""
    drafts = sorted(drafts, key=lambda d: d.content[0][0])
    claims = _claims(quotes, drafts)
    # The previous speaker: the last draft (in this order) with a source that ends before the quote.
    spoken = sorted((d.content[-1][1], i) for i, d in enumerate(drafts) if d.source)
    starts = [d.content[0][0] for d in drafts]
    reached: dict[int, int] = {}  # id of a statement -> end of the last floating quote that continues it
    added: list[Draft] = []
    k = last = -1
    for q in quotes:
        if claims.claimed(q) or not q.closed or _words(text, q) < MIN_QUOTE_WORDS:
            continue
        if not _quote_is_sentence(text, q) or opens_turn(text, q.start):
            continue  # a transcript's turn ("MODERATOR: Let's start …") names its own speaker
        if quoted_title(text, q):
            continue  # a section head in quote marks ('Legend in the Coal Fields.') is no one's words
        while k + 1 < len(spoken) and spoken[k + 1][0] <= q.open_at:
            k += 1
            last = max(last, spoken[k][1])
        prev = drafts[last] if last >= 0 else None
        # A run of floating quotes continues the speaker paragraph by paragraph.
        if prev and _near(text, reached.get(id(prev), prev.content[-1][1]), q.open_at, starts):
            added.append(Draft(q.pieces, None, None, None, prev.anchor, confidence=0.6, head=prev))
            claims.add(q.pieces)
            reached[id(prev)] = q.pieces[-1][1]
    return sorted(drafts + added, key=lambda d: d.content[0][0])


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


def continue_quotes(doc: Doc, text: str, drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """Extend a quoted statement with the quote that resumes right after its cue clause.

    In "“X,” she said. “Y.”" both quotes are one statement by her: news writers put the cue
    between the two halves, and only a new speaker or a new paragraph ends the statement.
    """
    claims = _claims(quotes, drafts)
    cues = sorted(o.cue[0] for o in drafts if o.cue)
    out = []
    for d in drafts:
        while True:
            q = _resumed_quote(doc, text, d, quotes, claims, cues)
            if q is None:
                break
            d = replace(d, content=d.content + q.pieces)
        out.append(d)
    return out


def _resumed_quote(doc: Doc, text: str, d: Draft, quotes: list[Quote], claims: Claims,
                   cues: list[int]) -> Quote | None:
    # Ranges may hold the quote marks themselves, so test against the marks' positions.
    index = index_of(quotes)
    if d.source is None or not all(index.encloses(r) for r in d.content):
        return None
    end = max(e for _, e in (*d.content, *(x for x in (d.cue, d.source) if x)))
    nxt = index.next_opening(end)
    if nxt is None or not nxt.closed or claims.claimed(nxt) or "\n" in text[end : nxt.open_at]:
        return None
    if quoted_title(text, nxt):
        return None  # '“…,” Roe said on “The Sunday Hour.”': a programme's name, not her words
    # Another cue or speaker between the halves starts a new statement (d's own cue is before `end`).
    i = bisect_left(cues, end)
    if i < len(cues) and cues[i] < nxt.open_at:
        return None
    # The resumed quote opens in the cue's sentence or the next one.
    sents = doc.char_span(end - 1, nxt.open_at + 1, alignment_mode="expand")
    return nxt if sents is not None and sum(1 for t in sents[1:] if t.is_sent_start) <= 1 else None


def _quote_is_sentence(text: str, q: Quote) -> bool:
    """A quotation that stands as its own sentence: it opens a paragraph or follows a sentence's
    end, and ends its paragraph or is followed by a new sentence (no cue clause hangs on it)."""
    before, after = _next_char(text, q.open_at - 1, -1), _next_char(text, q.close_at + 1, 1)
    if before and before not in ".?!…\"”’":
        return False
    return not after or after.isupper() or after in "\"“‘(["


def _next_char(text: str, i: int, step: int) -> str:
    """The first non-space character from i in direction `step` ('' at a paragraph break or the
    text's edge). It reads only the whitespace between, so a paragraph of many quotes stays linear."""
    while 0 <= i < len(text) and text[i].isspace():
        if text[i] == "\n" and 0 <= i + step < len(text) and text[i + step] == "\n":
            return ""
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _near(text: str, a: int, b: int, starts: list[int]) -> bool:
    """Whether a quote at `b` is near enough to continue a statement ending at `a`: in the same
    or the next paragraph, or the one after when the paragraph between only narrates: no
    statement (`starts` being theirs in order) begins in it, and it does not end with a colon
    that introduces the quote ("… released the following statement:")."""
    breaks = text.count("\n\n", a, b)
    return breaks <= 1 or (breaks == 2 and bisect_left(starts, a) == bisect_left(starts, b)
                           and not text[a:b].rstrip().endswith(":"))


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
    inside = held([(s, e, o) for o in kept for s, e in o.content], [d.content[0] for d in kept],
                  lambda i, o: o is not kept[i] and o.content != kept[i].content and all(
                      any(os <= s and e <= oe for os, oe in o.content) for s, e in kept[i].content))
    return [d for d, x in zip(kept, inside) if not x]
