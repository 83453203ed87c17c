"""Synthetic ArticleResults for store tests: articles we write, with spans pointing into them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quotegraph.ids import content_id
from quotegraph.read import make_article
from quotegraph.types import Article, ArticleResult, Span, Speaker, Statement


@dataclass(frozen=True)
class Q:
    """A quote to place in a synthetic article: its words and who said them."""

    words: str
    speaker: str | None = None
    type: str = "person"
    title: str | None = None
    affiliation: str | None = None
    kind: str = "direct"
    date: str | None = None


def article(quotes: Iterable[Q], *, source: str, outlet: str | None = None,
            published: str | None = "2016-09-29", url: str | None = None,
            lead: str = "Officials spoke on Thursday.") -> ArticleResult:
    """Write an article quoting each Q once ("words," said Speaker.) and point spans at it."""
    parts, spans = [lead, "\n\n"], []
    pos = len(lead) + 2
    for q in quotes:
        pos += 1  # opening mark
        start = pos
        parts.append(f"“{q.words},” said ")
        pos += len(q.words) + 3
        cue = Span(pos, pos + 4)
        pos += 5
        src = None
        if q.speaker:
            src = Span(pos, pos + len(q.speaker))
            parts.append(q.speaker)
            pos += len(q.speaker)
        parts.append(".\n\n")
        pos += 3
        spans.append((q, Span(start, start + len(q.words)), cue, src))
    text = "".join(parts)
    a = make_article(text, source, title=f"Story from {source}", published=published,
                     outlet=outlet, url=url)
    sts = []
    for i, (q, content, cue, src) in enumerate(spans):
        assert text[content.start:content.end] == q.words
        sp = Speaker(q.speaker, q.type, q.title, q.affiliation) if q.speaker else None
        sts.append(Statement(id=content_id(a.id, i, content.start), kind=q.kind, content=(content,),
                             cue=cue, source=src, speaker=sp, date=q.date or published,
                             confidence=0.9))
    return ArticleResult(a, tuple(sts))


def fake_process(results: dict[str, ArticleResult]):
    """A stand-in for extraction: look each article's result up by text."""
    def process(articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for a in articles:
            r = results.get(a.text)
            yield ArticleResult(a, tuple(r.statements) if r else ())
    return process
