"""The whole path for one article or a stream: normalise -> parse -> extract -> ArticleResult."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError, ModelError
from .extract import extract_article
from .model.linear import AttributionModel
from .nlp import load_pipeline
from .read import make_article
from .read.dates import parse_iso
from .text import OffsetMap, normalise
from .text.pieces import PIECE_CHARS, split_pieces
from .types import Article, ArticleResult

# Small batches: on CPU the parse is as fast at 4 documents as at 16, and peak memory is lower
# (40 dev articles in one process: 507 -> 300 MB; a batch worker: 505 -> 470 MB).
BATCH_SIZE = 4
# fast: spaCy rules plus the linear model; accurate: the MiniLM tagger (model/tagger.py) finds the
# statements and spaCy resolves, dates and types them. README "Tiers" gives the figures.
TIERS = ("fast", "accurate")
DEFAULT_TIER = "fast"
TAGGER_SUFFIX = "+tagger"  # marks a model name as the accurate tier's


def tag_source(tier: str, threads: int | None = None):
    """A Doc -> tag probabilities function for the tier (None for fast), loading the tagger once."""
    if tier not in TIERS:
        raise ValueError(f"unknown tier {tier!r} (choose from {', '.join(TIERS)})")
    if tier == "fast":
        return None
    from .model.tagger import default_tagger

    return default_tagger(threads).probabilities


def _load_weights() -> None:
    """The attribution and act models: small files, hash-checked as they load (once per process)."""
    from .model.act_model import default_act_model
    from .model.linear import default_model

    default_model()
    default_act_model()


def load_models(tier: str = DEFAULT_TIER, threads: int | None = None) -> None:
    """Load (hash-checked, once per process) the trained models the tier uses, besides spaCy.

    They would otherwise load at the first article, and a bad weights file would fail every
    article one by one instead of stopping the run before it starts.
    """
    _load_weights()
    tag_source(tier, threads)


def check_models(model: str | None = None, tier: str = DEFAULT_TIER) -> None:
    """Raise ModelError now if a model the run needs is missing or not the shipped one.

    For a process that does not extract itself (a batch's parent): the spaCy weights are hashed,
    not loaded, and so are the attribution, act and (accurate tier) tagger weights.
    """
    from .nlp import DEFAULT_MODELS, model_dir, verify_model_dir

    if model is None:
        for name in DEFAULT_MODELS:
            try:
                path = model_dir(name)
            except ImportError:
                continue
            verify_model_dir(path)
            break
        else:
            load_pipeline()  # raises the ModelError that says how to install one
    _load_weights()
    if tier not in TIERS:
        raise ValueError(f"unknown tier {tier!r} (choose from {', '.join(TIERS)})")
    if tier != DEFAULT_TIER:
        from .model.tagger import check_tagger

        check_tagger()


def model_name(nlp: Language, tier: str = DEFAULT_TIER) -> str:
    """e.g. `en_core_web_sm-3.8.0` (fast tier) or `en_core_web_sm-3.8.0+tagger` (accurate), for manifests."""
    name = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
    return name if tier == DEFAULT_TIER else name + TAGGER_SUFFIX


@dataclass(slots=True)
class _Pending:
    """An article on its way through the parser: its clean text's pieces and the Docs so far."""

    article: Article
    omap: OffsetMap
    pieces: list[str]
    docs: list[Doc] = field(default_factory=list)
    error: BaseException | None = None


def _failure(article: Article, e: BaseException) -> InputError:
    what = "ran out of memory" if isinstance(e, MemoryError) else f"{type(e).__name__}: {e}"
    return InputError(article.source or article.id, f"extraction failed ({what})")


def process_stream(items: Iterable[Article | InputError], nlp: Language | None = None,
                   batch_size: int = BATCH_SIZE, model: AttributionModel | None = None,
                   tier: str = DEFAULT_TIER, threads: int | None = None,
                   strict: bool = False) -> Iterator[ArticleResult | InputError]:
    """Extract statements from a stream of articles, parsing them in batches, in input order.

    An article that makes any step fail comes out as an InputError naming it (with `strict`,
    the exception is raised instead), and the stream goes on; InputErrors in `items` pass through
    in their place. A ModelError always stops the stream: no article can succeed after it.
    `model`: see extract_statements; `tier`: one of TIERS; `threads`: the accurate tier's ONNX
    Runtime threads (None: one per core).
    """
    nlp = nlp or load_pipeline()
    tagger = tag_source(tier, threads)

    def guard(p: _Pending, e: BaseException) -> None:
        if strict or isinstance(e, ModelError):
            raise e
        p.error = e

    def parse(batch: list[tuple[_Pending, str]]) -> None:
        try:
            docs = list(nlp.pipe([t for _, t in batch], batch_size=len(batch)))
        except Exception:  # noqa: BLE001 (found below, piece by piece)
            docs = []
            for p, t in batch:
                try:
                    docs.extend(nlp.pipe([t]))
                except Exception as e:  # noqa: BLE001 (any failure is the article's)
                    guard(p, e)
                    docs.append(None)  # type: ignore[arg-type]
        for (p, _), doc in zip(batch, docs):
            p.docs.append(doc)

    def finish(p: _Pending) -> ArticleResult | InputError:
        if p.error is None:
            try:
                doc = p.docs[0] if len(p.docs) == 1 else Doc.from_docs(p.docs, ensure_whitespace=False)
                probs = tagger(doc) if tagger else None
                return extract_article(doc, p.article, p.omap, model, probs)
            except Exception as e:  # noqa: BLE001 (any failure is the article's)
                guard(p, e)
        return _failure(p.article, p.error)  # type: ignore[arg-type]

    # `order` holds articles and read errors in input order; each comes out once its pieces are parsed.
    order: deque[_Pending | InputError] = deque()
    batch: list[tuple[_Pending, str]] = []
    size = 0

    def flush() -> Iterator[ArticleResult | InputError]:
        nonlocal size
        if batch:
            parse(batch)
            batch.clear()
            size = 0
        while order and (isinstance(order[0], InputError) or order[0].error is not None
                         or len(order[0].docs) == len(order[0].pieces)):
            head = order.popleft()
            yield head if isinstance(head, InputError) else finish(head)

    for item in items:
        if isinstance(item, InputError):
            order.append(item)
            continue
        p = _Pending(item, None, [])  # type: ignore[arg-type]
        order.append(p)
        try:
            p.omap = normalise(item.text)
            p.pieces = [p.omap.clean[a:b] for a, b in split_pieces(p.omap.clean, PIECE_CHARS)]
        except Exception as e:  # noqa: BLE001 (any failure is the article's)
            guard(p, e)
            continue
        for piece in p.pieces:
            if batch and (len(batch) >= batch_size or size + len(piece) > PIECE_CHARS):
                yield from flush()
            batch.append((p, piece))
            size += len(piece)
    yield from flush()


def process_articles(articles: Iterable[Article], nlp: Language | None = None,
                     batch_size: int = BATCH_SIZE, model: AttributionModel | None = None,
                     tier: str = DEFAULT_TIER, threads: int | None = None) -> Iterator[ArticleResult]:
    """Extract statements from a stream of articles, parsing them in batches.

    Unlike process_stream, an article that makes extraction fail raises its exception.
    """
    # strict, and no InputError given: only results come out.
    yield from process_stream(articles, nlp, batch_size, model, tier, threads, strict=True)  # type: ignore[misc]


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
