"""The `quotegraph` spaCy component: `nlp.add_pipe("quotegraph")` puts statements on `doc._.statements`.

For spaCy users with a pipeline of their own (it needs a parser and NER, as en_core_web_sm has).
Each item is a `DocStatement` with spaCy `Span`s for content, cue and source, plus the record
fields (speaker, act, target…). Registered through the `spacy_factories` entry point in
pyproject.toml, so it is found after `pip install quotegraph` without importing quotegraph first.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract import extract_statements
from .ids import content_id
from .text.offsets import OffsetMap
from .types import Article, Statement

__all__ = ["DocStatement", "QuotegraphComponent", "make_quotegraph"]


@dataclass(frozen=True, slots=True)
class DocStatement:
    """One statement as spaCy spans over the Doc (None where a span is absent)."""

    statement: Statement
    content: tuple[Span, ...]
    cue: Span | None
    source: Span | None
    target: Span | None

    @property
    def act(self) -> str | None:
        """The statement's speech act (docs/acts.md)."""
        return self.statement.act


def _span(doc: Doc, s) -> Span | None:  # noqa: ANN001 (a quotegraph Span or None)
    return doc.char_span(s.start, s.end, alignment_mode="expand") if s is not None else None


class QuotegraphComponent:
    """Pipeline component that extracts statements from the parsed Doc."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        if not Doc.has_extension("statements"):
            Doc.set_extension("statements", default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Attach `doc._.statements` (a list of DocStatement) and return the Doc."""
        text = doc.text
        # The Doc is already parsed, so there is no clean-up pass (markdown, joined paragraphs):
        # the text is taken as it is and every offset indexes doc.text.
        article = Article(id=content_id(text), text=text)
        out = []
        for st in extract_statements(doc, article, OffsetMap.identity(text)):
            content = tuple(x for x in (_span(doc, s) for s in st.content) if x is not None)
            out.append(DocStatement(st, content, _span(doc, st.cue), _span(doc, st.source),
                                    _span(doc, st.target_mention)))
        doc._.statements = out
        return doc


@Language.factory("quotegraph", requires=["token.dep", "doc.ents"], assigns=["doc._.statements"])
def make_quotegraph(nlp: Language, name: str) -> QuotegraphComponent:
    """Factory behind `nlp.add_pipe("quotegraph")`."""
    return QuotegraphComponent(nlp, name)
