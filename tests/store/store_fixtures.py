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
    gender: str | None = None
    evidence: str | None = None  # gender_evidence
    anonymous: bool = False
    speech: bool = True


def article(quotes: Iterable[Q], *, source: str, outlet: str | None = None,
            published: str | None = "2016-09-29", url: str | None = None,
            lead: str = "Officials spoke on Thursday.", people: Iterable[Speaker] = ()) -> ArticleResult:
    """Write an article quoting each Q once ("words," said Speaker.) and point spans at it;
    `people` are the persons it names besides (ArticleResult.people)."""
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
        sp = (Speaker(q.speaker, q.type, q.title, q.affiliation, gender=q.gender, gender_evidence=q.evidence)
              if q.speaker else None)
        sts.append(Statement(id=content_id(a.id, i, content.start), kind=q.kind, content=(content,),
                             cue=cue, source=src, speaker=sp, date=q.date or published,
                             confidence=0.9, anonymous=q.anonymous, speech=q.speech))
    return ArticleResult(a, tuple(sts), tuple(people))


def fake_process(results: dict[str, ArticleResult]):
    """A stand-in for extraction: look each article's result up by text."""
    def process(articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for a in articles:
            r = results.get(a.text)
            yield ArticleResult(a, tuple(r.statements) if r else (), tuple(r.people) if r else ())
    return process


def sources_articles() -> list[ArticleResult]:
    """Three articles of two outlets with known figures for `quotegraph stats` (tests/store/test_sources.py).

    Gazette 2016-09: Anna Lindqvist (she) twice, Tom Berg (name list), officials (anonymous), a
    ministry; Eva Holm named, not quoted. Gazette 2016-10: Anna once, Chris Doe (no gender), Russia,
    and a thought of Tom's (not speech). Herald 2016-10: Tom (Mr), a source (anonymous).
    """
    anna = dict(speaker="Anna Lindqvist", gender="female", evidence="pronoun")
    return [
        article([Q("The bridge opens in May", **anna), Q("It will carry trams", **anna),
                 Q("Costs are under control", "Tom Berg", gender="male", evidence="name-list"),
                 Q("The tender was rigged", "officials", type="group", anonymous=True),
                 Q("The plans are approved", "Ministry of Transport", type="organization")],
                source="gazette-1.md", outlet="Gazette", published="2016-09-10",
                people=[Speaker("Eva Holm", "person", gender="female", gender_evidence="honorific")]),
        article([Q("Trams run from June", **anna), Q("Nobody asked us", "Chris Doe"),
                 Q("We will not interfere", "Russia", type="country"),
                 Q("The budget will hold", "Tom Berg", gender="male", evidence="name-list", speech=False)],
                source="gazette-2.md", outlet="Gazette", published="2016-10-02"),
        article([Q("The vote is next week", "Tom Berg", gender="male", evidence="honorific"),
                 Q("The mayor will resign", "a source", anonymous=True)],
                source="herald-1.md", outlet="Herald", published="2016-10-05"),
    ]
