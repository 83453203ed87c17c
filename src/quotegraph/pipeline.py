"""The whole path for one article or a stream: normalise -> parse -> extract -> ArticleResult."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .extract import extract_article
from .model.linear import AttributionModel
from .nlp import load_pipeline
from .read import make_article
from .read.dates import parse_iso
from .text import normalise
from .types import Article, ArticleResult

# Small batches: on CPU the parse is as fast at 4 documents as at 16, and peak memory is lower
# (40 dev articles in one process: 507 -> 300 MB; a batch worker: 505 -> 470 MB).
BATCH_SIZE = 4
# fast: spaCy rules plus the linear model; accurate: the MiniLM tagger (model/tagger.py) finds the
# statements and spaCy resolves, dates and types them. README "Tiers" gives the figures.
TIERS = ("fast", "accurate")
DEFAULT_TIER = "fast"


def tag_source(tier: str, threads: int | None = None):
    """A Doc -> tag probabilities function for the tier (None for fast), loading the tagger once."""
    if tier not in TIERS:
        raise ValueError(f"unknown tier {tier!r} (choose from {', '.join(TIERS)})")
    if tier == "fast":
        return None
    from .model.tagger import default_tagger

    return default_tagger(threads).probabilities


def process_articles(articles: Iterable[Article], nlp: Language | None = None,
                     batch_size: int = BATCH_SIZE, model: AttributionModel | None = None,
                     tier: str = DEFAULT_TIER, threads: int | None = None) -> Iterator[ArticleResult]:
    """Extract statements from a stream of articles, parsing them in batches.

    `model`: see extract_statements; `tier`: one of TIERS; `threads`: the accurate tier's
    ONNX Runtime threads (None: one per core).
    """
    nlp = nlp or load_pipeline()
    tagger = tag_source(tier, threads)

    def prepared() -> Iterator[tuple[str, tuple]]:
        for article in articles:
            omap = normalise(article.text)
            yield omap.clean, (article, omap)

    for doc, (article, omap) in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        probs = tagger(doc) if tagger else None
        yield extract_article(doc, article, omap, model, probs)


def process_article(article: Article, nlp: Language | None = None, tier: str = DEFAULT_TIER) -> ArticleResult:
    """Extract statements from one article."""
    return next(process_articles([article], nlp, tier=tier))


def extract(text: str, published: str | None = None, title: str | None = None,
            source: str | None = None, outlet: str | None = None, url: str | None = None,
            nlp: Language | None = None, tier: str = DEFAULT_TIER) -> ArticleResult:
    """Extract statements from article text; `published` (YYYY-MM-DD) anchors relative dates."""
    if published:
        published = parse_iso(published)
    article = make_article(text, source, title=title, published=published, outlet=outlet, url=url)
    return process_article(article, nlp, tier)
