"""One statement per stretch of what was said: continuations split off, each taking its head's speaker.

News writers hand one speaker several stretches of words: “A,” she said. “B.” — “A,” she said,
“and B.” — or a quote that runs on into the next paragraph. Each contiguous stretch is its own
record, as GGT's annotators count them, pointing at exactly the characters it quotes; a
continuation keeps the speaker through `Draft.head`, and the record links it to the statement it
continues. A quote whose paragraph break falls mid-sentence, with nothing between the parts,
stays one statement.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from .draft import Draft, Range
from .indirect import adjunct, cue_phrase
from .quotes import Quote
from .spans import sentence_of, text_of

_SENTENCE_END = re.compile(r"[.?!…][\"'”’»)\]]*\s*$")
_WORD = re.compile(r"\w+")
# A continuation is a little less certain than the statement its speaker comes from.
CONTINUATION_DISCOUNT = 0.9
_MODIFIER_DEPS = frozenset({"amod", "compound", "relcl", "acl"})
_TOPIC_PREPOSITIONS = frozenset({"of", "about"})


def _sentence(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return sentence_of(span[0]).start if span is not None and len(span) else -1


def _breaks(doc: Doc, text: str, a: Range, b: Range) -> bool:
    """Whether content range `b` starts a new stretch of what was said after range `a`."""
    gap = text[a[1] : b[0]]
    # Words between the two (the cue clause: "“A,” she said, “and B.”") end a stretch; marks and
    # spaces alone do not.
    if any(c.isalnum() for c in gap):
        return True
    # A quote running on over a paragraph break is split there, unless the break falls
    # mid-sentence (a conversion artefact: “Once” / “again we declare…”).
    return "\n\n" in gap and bool(_SENTENCE_END.search(text[a[0] : a[1]]))


def _states(doc: Doc, part: tuple[Range, ...]) -> bool:
    """Whether unquoted words state something: they hold a finite verb that is no modifier of a
    noun ("the new budget", "of William Roe, who fled" state nothing of their own, nor does a
    participle alone: "smiling at the crowd", "waving to reporters")."""
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _MODIFIER_DEPS and _finite(t)
               for a, b in part for t in doc.char_span(a, b, alignment_mode="expand") or ())


def _about(doc: Doc, anchor: int, part: tuple[Range, ...]) -> bool:
    """Whether a part opens inside an "of" or "about" on the cue verb, the prepositions of what was
    talked about ("said of", "spoke about"); not one of place or time ("says in Nova Scotia …"),
    where the parse often hangs on the cue what the reported clause holds."""
    span = doc.char_span(part[0][0], part[0][1], alignment_mode="expand")
    tok = next((t for t in span or () if not (t.is_punct or t.is_space)), None)
    while tok is not None and tok.head.i != anchor and tok.head.i != tok.i:
        tok = tok.head
    verb = doc[anchor]
    phrase = cue_phrase(verb)
    return (tok is not None and tok.head.i == anchor and tok.lower_ in _TOPIC_PREPOSITIONS
            and adjunct(tok, verb, phrase and phrase[0]))


def _finite(verb: Token) -> bool:
    """A verb that is not a bare participle: a participle with its auxiliary ("was seen") is."""
    return verb.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def units(doc: Doc, content: tuple[Range, ...]) -> list[tuple[Range, ...]]:
    """Group a statement's content ranges into its separately quoted sentence runs."""
    text = text_of(doc)
    out = [[content[0]]]
    words = len(_WORD.findall(text[content[0][0] : content[0][1]]))  # in the stretch so far
    for a, b in zip(content, content[1:]):
        # A single word is no stretch of its own: the "what" of "what officials say is …" joins
        # what follows.
        if words >= 2 and _breaks(doc, text, a, b):
            out.append([b])
            words = 0
        else:
            out[-1].append(b)
        words += len(_WORD.findall(text[b[0] : b[1]]))
    return [tuple(u) for u in out]


def _interrupts(doc: Doc, cue: Range | None, before: tuple[Range, ...], part: tuple[Range, ...]) -> bool:
    """Whether the cue stands between two stretches of one sentence ("The plan, she said, will fail")."""
    return cue is not None and before[-1][1] <= cue[0] < part[0][0] \
        and _sentence(doc, cue[0]) == _sentence(doc, part[0][0])


def split_units(doc: Doc, drafts: list[tuple[str, Draft]], quotes: list[Quote], kind_of
                ) -> list[tuple[str, Draft]]:
    """Split each statement into its quoted sentence runs; later runs take the first's speaker."""
    text = text_of(doc)
    out: list[tuple[str, Draft]] = []
    renamed: dict[int, Draft] = {}  # id of a draft before -> after (heads point at the old object)
    for kind, original in drafts:
        d = original
        if d.head is not None and id(d.head) in renamed:
            d = replace(d, head=renamed[id(d.head)])
        parts = units(doc, d.content)
        if len(parts) == 1:
            renamed[id(original)] = d
            out.append((kind, d))
            continue
        bare = [kind_of(text, part, quotes) == "indirect" and not _states(doc, part) for part in parts]
        cut = [_interrupts(doc, d.cue, a, b) for a, b in zip(parts, parts[1:])]  # by each later part
        # Words before the cue that state nothing, where nothing after it in the sentence does
        # either, are no proposition: "The driver is accused of three counts of …", read by the
        # tagger as a statement in two parts. ("The plan, she said, will fail" states.)
        said = not (cut[0] and bare[0] and all(b for b, c in zip(bare[1:], cut) if c))
        first = replace(d, content=parts[0], proposition=d.proposition and said)
        renamed[id(original)] = first
        out.append((kind_of(text, first.content, quotes), first))
        for part, interrupted, stray in zip(parts[1:], cut, bare[1:]):
            if interrupted and d.cue is not None:
                # The cue interrupts the sentence: both parts are the same report by the same mention,
                # unless the part after the cue, outside quote marks, states nothing: the topic of
                # "“…,” she said of the new budget" (whatever the phrase holds: "she recalled of
                # that first day, weeks after the minister greeted them"), or a stray word the
                # tagger took.
                topic = part[0][0] > d.cue[1] and (stray or _about(doc, d.anchor, part))
                cont = replace(d, content=part, head=first, proposition=d.proposition and not topic)
            else:
                cont = Draft(part, None, None, None, d.anchor, confidence=d.confidence * CONTINUATION_DISCOUNT,
                             head=first)
            out.append((kind_of(text, part, quotes), cont))
    out.sort(key=lambda kd: kd[1].content[0][0])
    return out
