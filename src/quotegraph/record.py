"""The JSON record contract (DESIGN.md): dataclasses <-> plain dicts, with span text filled in."""

from __future__ import annotations

from typing import Any

from .types import Article, ArticleResult, Span, Speaker, Statement


def span_dict(span: Span | None, text: str) -> dict[str, Any] | None:
    """Render a span as {"start", "end", "text"}, or None."""
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def speaker_dict(speaker: Speaker | None) -> dict[str, Any] | None:
    """Render a speaker as the contract's dict, or None."""
    if speaker is None:
        return None
    return {
        "name": speaker.name,
        "type": speaker.type,
        "title": speaker.title,
        "affiliation": speaker.affiliation,
        "id": speaker.id,
        "via": speaker.via,  # added field (issue 14): how the mention became this name
        "gender": speaker.gender,  # added fields (issue 14/17): gender as the text states it
        "gender_evidence": speaker.gender_evidence,
        "aliases": list(speaker.aliases),
    }


def statement_dict(st: Statement, text: str) -> dict[str, Any]:
    """Render one statement as the contract's dict."""
    return {
        "id": st.id,
        "kind": st.kind,
        "content": [span_dict(s, text) for s in st.content],
        "cue": span_dict(st.cue, text),
        "source": span_dict(st.source, text),
        "speaker": speaker_dict(st.speaker),
        "addressee": span_dict(st.addressee, text),
        "venue": span_dict(st.venue, text),
        "date": st.date,
        "date_text": st.date_text.text(text) if st.date_text else None,
        "date_span": span_dict(st.date_text, text),  # added field: where date_text sits
        "date_precision": st.date_precision,  # added field (issue 14): day, month or year
        "confidence": round(st.confidence, 3),
        # Added by issue 7 (docs/acts.md): speech act, target, flags.
        "act": st.act,
        "act_confidence": round(st.act_confidence, 3),
        "target": target_dict(st.target, st.target_mention, text),
        "negated": st.negated,
        "conditional": st.conditional,
        "speech": st.speech,  # added field (issue 14): said or written, not thought or found
        "continues": st.continues,  # added field (issue 14): the statement a quotation continues
        "via_outlet": span_dict(st.via_outlet, text),  # added field (issue 14): the relaying agency
        "anonymous": st.anonymous,  # added field (issue 17): an unnamed source
    }


def target_dict(target: Speaker | None, mention: Span | None, text: str) -> dict[str, Any] | None:
    """Render a target as a speaker dict plus its "mention" span, or None."""
    if target is None:
        return None
    return {**(speaker_dict(target) or {}), "mention": span_dict(mention, text)}


def article_dict(article: Article) -> dict[str, Any]:
    """Render an article's metadata and text as the contract's dict."""
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "url": article.url,
        "text": article.text,
    }


def to_dict(result: ArticleResult) -> dict[str, Any]:
    """Render a whole result as one JSONL record."""
    text = result.article.text
    return {
        "article": article_dict(result.article),
        "statements": [statement_dict(s, text) for s in result.statements],
        # Added field (issue 17): the people the article names, quoted or not.
        "people": [speaker_dict(p) for p in result.people],
    }


def _span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(int(d["start"]), int(d["end"]))


def _speaker(sp: dict[str, Any] | None) -> Speaker | None:
    if not sp:
        return None
    fields = ("name", "type", "title", "affiliation", "id", "via", "gender", "gender_evidence")
    return Speaker(**{k: sp.get(k) for k in fields}, aliases=tuple(sp.get("aliases") or ()))


def from_dict(record: dict[str, Any]) -> ArticleResult:
    """Parse one JSONL record back into dataclasses (inverse of `to_dict`)."""
    a = record["article"]
    article = Article(
        id=a["id"],
        text=a["text"],
        source=a.get("source"),
        title=a.get("title"),
        published=a.get("published"),
        outlet=a.get("outlet"),
        url=a.get("url"),
    )
    statements = []
    for d in record.get("statements", []):
        speaker = _speaker(d.get("speaker"))
        tg = d.get("target")
        statements.append(
            Statement(
                id=d["id"],
                kind=d["kind"],
                content=tuple(_span(c) for c in d["content"]),  # type: ignore[misc]
                cue=_span(d.get("cue")),
                source=_span(d.get("source")),
                speaker=speaker,
                addressee=_span(d.get("addressee")),
                venue=_span(d.get("venue")),
                date=d.get("date"),
                date_text=_span(d.get("date_span")),
                date_precision=d.get("date_precision"),
                confidence=float(d.get("confidence") or 0.0),
                # Records written before issue 7 lack these; the defaults read as "unknown".
                act=d.get("act"),
                act_confidence=float(d.get("act_confidence") or 0.0),
                target=_speaker(tg),
                target_mention=_span(tg.get("mention")) if tg else None,
                negated=bool(d.get("negated", False)),
                conditional=bool(d.get("conditional", False)),
                speech=bool(d.get("speech", True)),  # records written before issue 14 count as speech
                continues=d.get("continues"),
                via_outlet=_span(d.get("via_outlet")),
                anonymous=bool(d.get("anonymous", False)),
            )
        )
    people = tuple(p for p in (_speaker(x) for x in record.get("people") or ()) if p is not None)
    return ArticleResult(article, tuple(statements), people)
