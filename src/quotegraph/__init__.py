"""quotegraph: who said what, about whom, when and how — attributed statements from news."""

from .errors import InputError, ModelError, QuotegraphError, StoreError
from .pipeline import extract, process_article, process_articles
from .read import read_articles
from .record import from_dict, to_dict
from .spacy_component import load_pipeline
from .types import Article, ArticleResult, Span, Speaker, Statement

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleResult", "InputError", "ModelError", "QuotegraphError", "Speaker", "Span",
    "Statement", "StoreError", "extract", "from_dict", "load_pipeline", "process_article", "process_articles",
    "read_articles", "to_dict",
]
