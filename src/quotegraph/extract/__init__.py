"""Extractors: pure functions from a parsed Doc (plus its Article) to Statements."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..text import OffsetMap
from ..types import Article, Statement


def extract_statements(doc: Doc, article: Article, omap: OffsetMap) -> Iterator[Statement]:
    """Yield every attributed statement in the article, with offsets into `article.text`."""
    return iter(())
