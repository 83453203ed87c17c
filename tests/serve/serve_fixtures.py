"""A small store for web tests: articles we write, including a hostile one and nested quotes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quotegraph.ids import content_id
from quotegraph.read import make_article
from quotegraph.store import connect, store_result
from quotegraph.types import ArticleResult, Span, Speaker, Statement

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"
HOSTILE_QUOTE = 'We will publish <script>console.log("pwned")</script> and <img src=y onerror=alert(3)> tomorrow'
HOSTILE_ENTITY = "&amp;lt;b&amp;gt; stays literal"
HOSTILE_TITLE = f"Breaking {HOSTILE_SCRIPT} news"
HOSTILE_URL = "javascript:alert(4)"
CEASEFIRE = "Moscow remains committed to the ceasefire agreement on Syria"


@dataclass(frozen=True)
class S:
    """A statement located by its words in the article text (first occurrence after `after`)."""

    content: str | tuple[str, ...]
    speaker: str | None
    cue: str | None = "said"
    source: str | None = None
    title: str | None = None
    affiliation: str | None = None
    kind: str = "direct"
    date: str | None = None
    after: str = ""
    type: str = "person"
    gender: str | None = None
    evidence: str | None = None  # gender_evidence
    anonymous: bool = False


def _find(text: str, words: str, start: int = 0) -> Span:
    i = text.index(words, start)
    return Span(i, i + len(words))


def result(text: str, statements: list[S], *, source: str, title: str, outlet: str | None,
           published: str, url: str | None = None) -> ArticleResult:
    """An ArticleResult whose spans are found by searching the text for each statement's words."""
    a = make_article(text, source, title=title, published=published, outlet=outlet, url=url)
    sts = []
    for i, s in enumerate(statements):
        base = text.index(s.after) if s.after else 0
        parts = (s.content,) if isinstance(s.content, str) else s.content
        content, pos = [], base
        for part in parts:
            sp = _find(text, part, pos)
            content.append(sp)
            pos = sp.end
        cue = None
        if s.cue:  # the cue after the quote ("…,” said X), else the first one after `after`
            after_quote = text.find(s.cue, content[-1].end)
            cue = (Span(after_quote, after_quote + len(s.cue)) if after_quote >= 0
                   else _find(text, s.cue, base))
        src = _find(text, s.source or s.speaker, base) if (s.source or s.speaker) else None
        speaker = (Speaker(s.speaker, s.type, s.title, s.affiliation, gender=s.gender, gender_evidence=s.evidence)
                   if s.speaker else None)
        sts.append(Statement(id=content_id(a.id, i), kind=s.kind, content=tuple(content), cue=cue,
                             source=src, speaker=speaker, date=s.date or published, confidence=0.9,
                             anonymous=s.anonymous))
    return ArticleResult(a, tuple(sts))


def articles() -> list[ArticleResult]:
    """The test articles: two carrying one quote, a third outlet, a hostile one, nested quotes."""
    rt = ("Russia is ready to talk, officials said on Thursday.\n\n"
          f"“{CEASEFIRE},” said Deputy Foreign Minister Sergey Ryabkov.\n\n"
          "“The terrorists have regrouped near Aleppo in recent days,” said Igor Konashenkov.\n")
    tass = f"Talks continue.\n\n“{CEASEFIRE},” Ryabkov said in Moscow.\n"
    cnn = ("Washington answered.\n\n“Washington will suspend its participation in bilateral "
           "channels with Russia,” said John Kirby, a spokesman.\n")
    hostile = (f"Headline {HOSTILE_SCRIPT} and {HOSTILE_IMG} in the body.\n\n"
               f"“{HOSTILE_QUOTE},” said Mallory Attacker.\n\n"
               f"Entities: {HOSTILE_ENTITY}. A link: {HOSTILE_URL}\n")
    nested = ("Nested quotes follow.\n\n"
              "“Our minister told us ‘we will never give up on this peace process’ and we agree,” "
              "said Anna Nesting. Then Boris Crossing stated that the peace process was over "
              "and the talks were finished for good.\n")
    return [
        result(rt, [S("Russia is ready to talk", "officials", kind="indirect", type="group", anonymous=True),
                    S(CEASEFIRE, "Sergey Ryabkov", title="Deputy Foreign Minister",
                      affiliation="Russian Foreign Ministry", gender="male", evidence="name-list"),
                    S("The terrorists have regrouped near Aleppo in recent days", "Igor Konashenkov",
                      title="spokesman", affiliation="Russian Ministry of Defense", gender="male",
                      evidence="role")],
               source="rt.md", title="Russia ready to continue dialogue", outlet="RT",
               published="2016-09-29", url="https://rt.example/news/1"),
        result(tass, [S(CEASEFIRE, "Ryabkov", affiliation="Russian Foreign Ministry")],
               source="tass.md", title="Ryabkov on the ceasefire", outlet="TASS",
               published="2016-10-02", url="http://tass.example/2"),
        result(cnn, [S("Washington will suspend its participation in bilateral channels with Russia",
                       "John Kirby", title="spokesman", affiliation="US State Department", gender="male",
                       evidence="honorific")],
               source="cnn.md", title="US suspends talks", outlet="CNN", published="2016-10-03",
               url="https://cnn.example/3"),
        result(hostile, [S(HOSTILE_QUOTE, "Mallory Attacker", title=HOSTILE_IMG,
                           affiliation=HOSTILE_SCRIPT)],
               source="hostile.md", title=HOSTILE_TITLE, outlet=f"Evil {HOSTILE_IMG}",
               published="2016-10-04", url=HOSTILE_URL),
        result(nested, [
            # The outer quote contains an inner quote by someone else (nesting), and the
            # indirect statement below starts inside the inner quote's words (crossing).
            S("Our minister told us ‘we will never give up on this peace process’ and we agree",
              "Anna Nesting", gender="female", evidence="pronoun"),
            S("we will never give up on this peace process", "Anna Nesting", cue="told",
              source="Our minister", kind="direct"),
            S(("the peace process was over", "and the talks were finished for good"),
              "Boris Crossing", cue="stated", kind="indirect", after="Then"),
        ], source="nested.md", title="Nested and crossing quotes", outlet="Test Herald",
            published="2016-10-05"),
    ]


def build_store(path: Path) -> Path:
    """Write the test articles into a new store at `path`."""
    conn = connect(path)
    for r in articles():
        store_result(conn, r)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def ids(client, q: str) -> tuple[str, str]:
    """(statement id, article id) of the first statement matching `q`."""
    item = client.get("/api/statements", params={"q": q}).json()["items"][0]
    return item["id"], item["article_id"]


def big_article(n: int) -> ArticleResult:
    """An article of n one-paragraph quotes, each with its content, cue and source (issue 20)."""
    parts, sts, pos = [], [], 0
    for i in range(n):
        para = f"“Point {i} of the plan stands,” the minister said."
        c = pos + 1
        cue, src = pos + para.index("said"), pos + para.index("the minister")
        sts.append((Span(c, c + len(f"Point {i} of the plan stands")), Span(cue, cue + 4), Span(src, src + 12)))
        parts.append(para)
        pos += len(para) + 2
    a = make_article("\n\n".join(parts), "big.txt", title=f"{n} statements", published="2016-09-29")
    return ArticleResult(a, tuple(
        Statement(id=content_id(a.id, i), kind="direct", content=(content,), cue=cue, source=src,
                  speaker=Speaker(f"Minister {i % 7}", "person"))
        for i, (content, cue, src) in enumerate(sts)))
