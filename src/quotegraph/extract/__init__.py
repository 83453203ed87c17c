"""Extractors: pure functions from a parsed Doc (plus its Article) to Statements."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np
from spacy.tokens import Doc

from ..ids import content_id
from ..model.act_model import default_act_model
from ..model.confidence import default_confidence
from ..model.linear import AttributionModel, default_model
from ..text import OffsetMap
from ..types import Article, ArticleResult, Span, Speaker, Statement
from .acts import ActReading, classify, content_tokens
from .attribute import assemble, kind_of, quoted_words
from .boilerplate import outside_labels
from .confidence import confidence_features
from .dates import statement_date
from .draft import Draft, Range
from .lexicon import reporting_nouns, reporting_verbs
from .quotes import Quote, find_quotes
from .resolve import UNRESOLVED, EntityIndex, Resolution
from .setting import Setting, find_setting
from .signed import signed_drafts
from .spans import in_quotes, sentence_of, text_of
from .speech import is_speech
from .tagged import tagged_drafts
from .units import split_units

__all__ = ["extract_article", "extract_statements"]


def _source_tokens(doc: Doc, r: Range | None) -> tuple[int, int]:
    if r is None:
        return 0, 0
    span = doc.char_span(r[0], r[1], alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _quotation_start(doc: Doc, d: Draft, quotes: list[Quote]) -> int | None:
    """The first token of the quotation a statement's words open with, if they open with one."""
    # "“…,” she said": a pronoun after the quotation means whoever was in focus when it began,
    # not someone named in it or in the sentences it runs over.
    opening = in_quotes(quotes, d.content[0][0]) if d.content else None
    if opening is None or (d.source is not None and in_quotes(quotes, d.source[0]) is opening):
        return None  # no quotation, or a pronoun inside it ("… he quoted one analyst.")
    span = doc.char_span(d.content[0][0], d.content[0][1], alignment_mode="expand")
    return span.start if span is not None else None


def _previous_sentence(doc: Doc, anchor: int, mentions: list[int]) -> list[Range]:
    """The previous sentence of the paragraph, when it names the same speaker (it may date the
    event: "comments made by Kirby at a press briefing on Wednesday. Kirby said…")."""
    sent = sentence_of(doc[anchor])
    if sent.start == 0:
        return []
    prev = sentence_of(doc[sent.start - 1])
    if "\n\n" in text_of(doc)[prev.end_char - 2 : sent.start_char + 1]:
        return []
    if not any(prev.start <= m < prev.end for m in mentions):
        return []
    # Only a sentence about speech dates it ("On September 19, the ceasefire brokered by Russia
    # expired" says nothing of when Russia spoke).
    if not any(t.lemma_.lower() in reporting_verbs() or t.lemma_.lower() in reporting_nouns() for t in prev):
        return []
    return [(prev.start_char, prev.end_char)]


def extract_statements(doc: Doc, article: Article, omap: OffsetMap,
                       model: AttributionModel | None = None, tag_probs: np.ndarray | None = None,
                       confidence: Callable[[list[str]], float] | None = None) -> Iterator[Statement]:
    """Yield every attributed statement in the article, with offsets into `article.text`.

    The fast tier's rules find the statements, with `model`'s trained decisions (the shipped
    model when None); given the accurate tier's `tag_probs` (model/tagger.py), the tagger finds them.
    `confidence` maps a statement's confidence features to its confidence (the shipped model when None).
    """
    yield from extract_article(doc, article, omap, model, tag_probs, confidence).statements


def extract_article(doc: Doc, article: Article, omap: OffsetMap,
                    model: AttributionModel | None = None, tag_probs: np.ndarray | None = None,
                    confidence: Callable[[list[str]], float] | None = None) -> ArticleResult:
    """The article's statements (see extract_statements) and the people it names, quoted or not."""
    index, statements = _extract(doc, article, omap, model, tag_probs, confidence or _default_confidence())
    return ArticleResult(article, tuple(statements), index.people())


def _not_the_signers(text: str, drafts: list[tuple[str, Draft]], signed: list[tuple[str, Draft]]
                     ) -> list[tuple[str, Draft]]:
    """`drafts` less those a signed post or pull quote already holds: a report inside it whose
    speaker is "I" or "we" is the signer's own words ("I'm hoping that … Jane Roe"). One that
    names someone else ("the union says …" in a reporter's post) is a report of its own."""
    inside = [r for _, s in signed for r in s.content]

    def signers(d: Draft) -> bool:
        return (d.cue is not None and d.source is not None and text[d.source[0]:d.source[1]].lower() in ("i", "we")
                and any(a <= d.cue[0] < b for a, b in inside))
    return [(k, d) for k, d in drafts if not signers(d)]


def _extract(doc: Doc, article: Article, omap: OffsetMap, model: AttributionModel | None,
             tag_probs: np.ndarray | None, confidence: Callable[[list[str]], float]
             ) -> tuple[EntityIndex, list[Statement]]:
    quotes = find_quotes(text_of(doc))
    drafts = (assemble(doc, quotes, model or default_model()) if tag_probs is None
              else tagged_drafts(doc, tag_probs, quotes, cut=(model or default_model()).cut))
    signed = list(signed_drafts(doc))
    drafts = sorted([*_not_the_signers(text_of(doc), drafts, signed), *signed], key=lambda kd: kd[1].content[0][0])
    drafts = split_units(doc, outside_labels(text_of(doc), drafts), quotes, kind_of)
    index = EntityIndex(doc, [p for q in quotes for p in q.pieces])
    resolved: dict[int, Resolution] = {}
    for _kind, d in drafts:  # in text order, so a continuation's head is resolved before it
        if d.head is not None:
            head = resolved.get(id(d.head), UNRESOLVED)
            if d.source is not None and d.source == d.head.source:
                resolved[id(d)] = head  # the other half of a sentence its cue interrupts
                continue
            sp = replace(head.speaker, via="floating") if head.speaker is not None else None
            resolved[id(d)] = Resolution(sp, "floating", head.certainty, unnamed=head.anonymous)
            continue
        start, end = _source_tokens(doc, d.source)
        resolved[id(d)] = index.resolution(d.source_head, start, end, _quotation_start(doc, d, quotes))
        # Who spoke is in focus for the pronouns and nominals that follow.
        index.spoke(resolved[id(d)].speaker, d.source_head if d.source_head is not None else d.anchor)
    ids: dict[int, str] = {}
    acts = _chain_acts(doc, drafts, resolved, index, quotes)
    out = []
    for kind, d in drafts:
        st = _statement(doc, article, omap, kind, d, resolved[id(d)], index,
                        ids.get(id(d.head)) if d.head is not None else None, confidence, acts[id(d)],
                        quoted_words(text_of(doc), d.content, quotes))
        if st.content:  # content of quote marks alone (a storm of them) says nothing
            ids[id(d)] = st.id
            out.append(st)
    return index, out


@dataclass(frozen=True, slots=True)
class _Act:
    """What a whole utterance does, read once over all its stretches: act, setting, target."""

    reading: ActReading
    setting: Setting
    target: Speaker | None


def _chain_acts(doc: Doc, drafts: list[tuple[str, Draft]], resolved: dict[int, Resolution],
                index: EntityIndex, quotes: list[Quote]) -> dict[int, _Act]:
    """The act of each statement, read over the utterance it belongs to (a statement and the
    stretches that continue it), as one act: “A,” she said, “and B.” is one threat, not two."""
    root: dict[int, Draft] = {}
    members: dict[int, list[Draft]] = {}
    for _, d in drafts:
        r = root.get(id(d.head), d.head) if d.head is not None else d
        root[id(d)] = r
        members.setdefault(id(r), []).append(d)
    out: dict[int, _Act] = {}
    text = text_of(doc)
    for kind, d in drafts:
        r = root[id(d)]
        if id(r) not in out:
            parts = members[id(r)]
            whole = replace(r, content=tuple(sorted(x for m in parts for x in m.content)))
            whole_kind = kind_of(text, whole.content, quotes) if len(parts) > 1 else kind
            out[id(r)] = _read_act(doc, whole, whole_kind, resolved[id(r)].speaker, index)
        out[id(d)] = out[id(r)]
    return out


def _read_act(doc: Doc, d: Draft, kind: str, speaker: Speaker | None, index: EntityIndex) -> _Act:
    mentions = index.positions(speaker) if speaker else []
    tokens = content_tokens(doc, d)
    reading = classify(doc, d, tokens, kind, default_act_model())
    setting = find_setting(doc, d, reading.act, tokens, mentions)
    target = None
    if setting.target is not None:
        start, end = _source_tokens(doc, setting.target)
        target = index.resolve(setting.target_head, start, end)
        if target is not None and speaker is not None and target.id == speaker.id:
            target = None  # what a speaker says about itself has no target
    return _Act(reading, setting, target)


def _default_confidence() -> Callable[[list[str]], float]:
    model = default_confidence()
    if model is not None:
        return model.probability
    return lambda feats: 0.5  # before a confidence model has been trained


def _statement(doc: Doc, article: Article, omap: OffsetMap, kind: str, d: Draft, resolution: Resolution,
               index: EntityIndex, continues: str | None, confidence: Callable[[list[str]], float],
               act: _Act, quoted: int) -> Statement:
    speaker = resolution.speaker
    mentions = index.positions(speaker) if speaker else []
    extra = _previous_sentence(doc, d.anchor, mentions) if speaker else []
    date, date_range, precision = statement_date(doc, d.anchor, list(d.content), article.published, extra)

    def orig(r: Range | None) -> Span | None:
        return omap.to_original(*r) if r else None

    content = tuple(p for s, e in d.content for p in omap.to_original_pieces(s, e, article.text))
    cue, source = orig(d.cue), orig(d.source)
    sid = content_id(article.id, kind, [(s.start, s.end) for s in content], cue and (cue.start, cue.end))
    speech = is_speech(doc, d, kind, quoted)
    calibrated = confidence(confidence_features(doc, d, kind, resolution, speech))
    reading, setting, target = act.reading, act.setting, act.target
    return Statement(id=sid, kind=kind, content=content, cue=cue, source=source, speaker=speaker,
                     addressee=orig(setting.addressee), venue=orig(setting.venue), date=date,
                     date_text=orig(date_range), date_precision=precision, confidence=calibrated,
                     act=reading.act,
                     act_confidence=reading.confidence, target=target,
                     target_mention=orig(setting.target) if target is not None else None,
                     negated=reading.negated, conditional=reading.conditional, continues=continues,
                     speech=speech, via_outlet=orig(d.relay), anonymous=resolution.anonymous)
