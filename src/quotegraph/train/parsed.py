"""Gold documents normalised and parsed once, as extraction would, for every trainer."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..evaluate.gold import GoldDoc
from ..evaluate.run import article_for
from ..extract.quotes import Quote, find_quotes
from ..extract.spans import text_of
from ..pipeline import BATCH_SIZE
from ..text import OffsetMap, normalise
from ..types import Article

Log = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A gold document parsed once, reused for features and for every dev evaluation."""

    gold: GoldDoc
    article: Article
    omap: OffsetMap
    doc: Doc
    quotes: tuple[Quote, ...]


def parse(docs: Sequence[GoldDoc], nlp: Language, batch_size: int = BATCH_SIZE) -> list[Parsed]:
    """Normalise and parse gold documents as extraction would."""
    articles = [article_for(d) for d in docs]
    omaps = [normalise(a.text) for a in articles]
    parsed = nlp.pipe((m.clean for m in omaps), batch_size=batch_size)
    return [Parsed(g, a, m, doc, tuple(find_quotes(text_of(doc))))
            for g, a, m, doc in zip(docs, articles, omaps, parsed)]


def fold_assignment(doc_ids: Sequence[str], folds: int, seed: int = 0) -> dict[str, int]:
    """Each document's cross-validation fold (0..folds-1): a seeded shuffle dealt round-robin."""
    order = sorted(doc_ids)
    random.Random(seed).shuffle(order)
    return {d: i % folds for i, d in enumerate(order)}
