"""The `quotegraph` spaCy component: `nlp.add_pipe("quotegraph")` puts statements on `doc._.statements`.

For spaCy users with a pipeline of their own (it needs a parser and NER, as en_core_web_sm has),
or `quotegraph.load_pipeline()` for the pinned model with the component already added. Each
item is a `DocStatement`: spaCy `Span`s for content, cue, source and target, and the record
fields (speaker, act, date…) as attributes. The statements are the ones `quotegraph.extract`
finds in the same text. Registered through the `spacy_factories` entry point in pyproject.toml,
so it is found after `pip install quotegraph` without importing quotegraph first.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelError
from .extract import extract_statements
from .nlp import new_pipeline, paragraph_breaks
from .read import make_article
from .text import OffsetMap, normalise
from .types import Speaker, Statement

__all__ = ["DocStatement", "QuotegraphComponent", "load_pipeline", "make_quotegraph"]

NEEDS = {"token.dep": "a dependency parser", "doc.ents": "a named-entity recogniser"}


@dataclass(frozen=True, slots=True)
class DocStatement:
    """One statement as spaCy spans over the Doc (None where a span is absent), with the
    record's fields as attributes (`.speaker`, `.kind`, `.act`, `.date`…; docs/record.md)."""

    statement: Statement
    content: tuple[Span, ...]
    cue: Span | None
    source: Span | None
    target: Span | None

    @property
    def id(self) -> str:
        """The statement's content-hash id (as `quotegraph.extract` gives it)."""
        return self.statement.id

    @property
    def kind(self) -> str:
        """direct, mixed or indirect."""
        return self.statement.kind

    @property
    def text(self) -> str:
        """The content's words, pieces joined by " … "."""
        return " … ".join(s.text for s in self.content)

    @property
    def speaker(self) -> Speaker | None:
        """Who said it: name, type, title, affiliation, id and `via` (how the name was reached)."""
        return self.statement.speaker

    @property
    def target_entity(self) -> Speaker | None:
        """The entity the statement is aimed at (`target` is where the text names it)."""
        return self.statement.target

    @property
    def act(self) -> str | None:
        """The statement's speech act (docs/acts.md)."""
        return self.statement.act

    @property
    def date(self) -> str | None:
        """When it was said (YYYY-MM-DD), if the article's date was known."""
        return self.statement.date

    @property
    def confidence(self) -> float:
        """How sure the extractor is of the statement, 0–1."""
        return self.statement.confidence

    @property
    def negated(self) -> bool:
        """Whether the act is negated ("did not threaten")."""
        return self.statement.negated

    @property
    def conditional(self) -> bool:
        """Whether the act is conditional ("if …, we will")."""
        return self.statement.conditional

    @property
    def speech(self) -> bool:
        """Said or written (True), or a thought, belief, wish, feeling or finding (False)."""
        return self.statement.speech


def _span(doc: Doc, s) -> Span | None:  # noqa: ANN001 (a quotegraph Span or None)
    return doc.char_span(s.start, s.end, alignment_mode="expand") if s is not None else None


def _missing(nlp: Language, before: str | None = None) -> list[str]:
    """What the component needs that no earlier component of `nlp` assigns."""
    assigned: set[str] = set()
    for name in nlp.pipe_names:
        if name == before:
            break
        assigned.update(nlp.get_pipe_meta(name).assigns)
    return [what for attr, what in NEEDS.items() if attr not in assigned]


class QuotegraphComponent:
    """Pipeline component that extracts statements from the parsed Doc."""

    def __init__(self, nlp: Language, name: str):
        self.nlp = nlp
        self.name = name
        missing = _missing(nlp)
        if missing:
            raise ModelError(f"the quotegraph component needs {' and '.join(missing)} before it, and this "
                             f"pipeline has only {', '.join(nlp.pipe_names) or 'a tokenizer'}; use "
                             "quotegraph.load_pipeline() or a pipeline such as en_core_web_sm")
        if not Doc.has_extension("statements"):
            Doc.set_extension("statements", default=None)

    def _parse(self, text: str) -> Doc:
        """`text` through this pipeline's components before this one, as quotegraph.extract
        parses it (a sentence starts after every blank line)."""
        doc = self.nlp.make_doc(text)
        breaks = "paragraph_breaks" in self.nlp.pipe_names
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            if name == "parser" and not breaks:
                doc = paragraph_breaks(doc)
            doc = proc(doc)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Attach `doc._.statements` (a list of DocStatement) and return the Doc."""
        text = doc.text
        if len(doc) and not (doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")):
            raise ModelError(f"the quotegraph component found no {' and '.join(NEEDS.values())} output "
                             f"on the Doc; put it after them (pipeline: {', '.join(self.nlp.pipe_names)})")
        article = make_article(text, None)
        omap = normalise(text)
        # quotegraph.extract parses the clean text (markdown removed, split quotes joined) with
        # sentences broken at blank lines; when this Doc was parsed otherwise, parse it that way
        # too, so the statements are the same. Offsets still index doc.text.
        if omap.clean != text or ("paragraph_breaks" not in self.nlp.pipe_names and "\n\n" in text):
            parsed = self._parse(omap.clean)
        else:
            parsed, omap = doc, OffsetMap.identity(text)
        out = []
        for st in extract_statements(parsed, article, omap):
            content = tuple(x for x in (_span(doc, s) for s in st.content) if x is not None)
            out.append(DocStatement(st, content, _span(doc, st.cue), _span(doc, st.source),
                                    _span(doc, st.target_mention)))
        doc._.statements = out
        return doc


@Language.factory("quotegraph", requires=["token.dep", "doc.ents"], assigns=["doc._.statements"])
def make_quotegraph(nlp: Language, name: str) -> QuotegraphComponent:
    """Factory behind `nlp.add_pipe("quotegraph")`."""
    return QuotegraphComponent(nlp, name)


def load_pipeline(model: str | None = None) -> Language:
    """A new spaCy pipeline with the quotegraph component: `load_pipeline()(text)._.statements`.

    The pinned English model (hash-checked), or the spaCy pipeline `model`. Each call loads its
    own copy, so adding or removing components never changes what `quotegraph.extract` uses.
    """
    nlp = new_pipeline(model)
    nlp.add_pipe("quotegraph")
    return nlp
