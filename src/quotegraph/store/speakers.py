"""Speaker canonicalisation as pure functions: parse names, fold variants, pick a candidate."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..ids import content_id
from ..vocab import SPEAKER_TYPES

PERSON = "person"
ENTITY_TYPES = tuple(t for t in SPEAKER_TYPES if t not in (PERSON, "unknown"))
# Lower-case particles that belong to the surname ("Staffan de Mistura" -> "de mistura").
PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "ter",
                       "la", "le", "al", "el", "bin", "ibn", "abu", "dos", "das"})
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_WORD_EDGE = re.compile(r"^[^\w]+|[^\w.]+$")
_POSSESSIVE = re.compile(r"['’]s$")
_NAME_PREFIX = re.compile(r"^[a-z]{1,3}['’-](?=\w)")
ARTICLES = frozenset({"the", "a", "an"})


def _data_lines(name: str) -> list[str]:
    text = (resources.files("quotegraph.store") / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def title_words() -> frozenset[str]:
    """Lower-case words stripped from the front of names as titles (store/titles.txt)."""
    return frozenset(ln.strip() for ln in _data_lines("titles.txt"))


@cache
def org_words() -> frozenset[str]:
    """Words that mark a name as an organisation (store/org_words.txt)."""
    return frozenset(ln.strip() for ln in _data_lines("org_words.txt"))


@cache
def translit_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Ordered (regex, replacement) folding rules for name tokens (store/translit.tsv)."""
    rules = []
    for ln in _data_lines("translit.tsv"):
        pattern, _, repl = ln.partition("\t")
        rules.append((re.compile(pattern), repl))
    return tuple(rules)


def ascii_fold(s: str) -> str:
    """Lower-case, strip accents and normalise apostrophes and dashes."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("’", "'").replace("‐", "-").replace("‑", "-").casefold()


def fold_token(token: str) -> str:
    """Fold one name token through the transliteration rules (Sergei, Sergej -> one key)."""
    t = ascii_fold(token).replace(".", "").replace("'", "")
    for pattern, repl in translit_rules():
        t = pattern.sub(repl, t)
    return t


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A speaker name split for matching. Persons have surname/given keys; entities only `key`."""

    kind: str  # "person" or "entity"
    display: str  # the name without stripped titles ("Sergey Ryabkov")
    title: str | None  # the stripped title words, as written ("Deputy Foreign Minister")
    surname_key: str | None = None
    given_key: str | None = None  # "" for a bare surname; a single letter for an initial

    @property
    def key(self) -> str:
        """The identity key: person|surname|given, or entity|folded name."""
        if self.kind == PERSON:
            return f"person|{self.surname_key}|{self.given_key}"
        return "entity|" + " ".join(fold_token(t) for t in self.display.split())


def _clean_tokens(name: str) -> list[str]:
    tokens = []
    for raw in name.replace(",", " ").split():
        t = _POSSESSIVE.sub("", _WORD_EDGE.sub("", raw))
        if t:
            tokens.append(t)
    return tokens


def parse_name(name: str, type_: str | None = None) -> ParsedName | None:
    """Parse a speaker name; None when nothing name-like is left (e.g. only titles)."""
    tokens = _clean_tokens(name)
    if tokens and ascii_fold(tokens[0]) in ARTICLES:
        tokens = tokens[1:]
    titles = title_words()
    # "the spokesman", "officials": a role or a common noun is nobody in particular.
    if all(ascii_fold(t) in titles or not _capitalised(t) for t in tokens):
        return None
    n = 0
    # Strip leading title words, always keeping at least one token as the name.
    while n < len(tokens) - 1 and ascii_fold(tokens[n]) in titles:
        n += 1
    title = " ".join(tokens[:n]) or None
    rest = tokens[n:]
    while len(rest) > 1 and ascii_fold(rest[-1]) in SUFFIXES:
        rest = rest[:-1]
    display = " ".join(rest)
    if not _is_person(rest, type_, stripped=bool(title)):
        return ParsedName("entity", " ".join(tokens), None)
    lowered = [ascii_fold(t) for t in rest]
    # Surname: the last token plus any particles just before it ("de Mistura", "van der Berg").
    i = len(rest) - 1
    while i > 0 and lowered[i - 1] in PARTICLES:
        i -= 1
    surname = " ".join(fold_token(t) for t in rest[i:] if ascii_fold(t) not in PARTICLES) or fold_token(rest[-1])
    given = (_initial(rest[0]) or fold_token(rest[0])) if i > 0 else ""
    return ParsedName(PERSON, display, title, surname, given)


def _is_person(tokens: Sequence[str], type_: str | None, stripped: bool) -> bool:
    if type_ in ENTITY_TYPES and not stripped:
        return False
    if any(ascii_fold(t) in org_words() for t in tokens):
        return False
    if len(tokens) > 4 or not all(_capitalised(t) or ascii_fold(t) in PARTICLES for t in tokens):
        return False
    # spaCy tags "Major-General Igor Konashenkov" as ORG: a stripped title means a person.
    return type_ in (PERSON, None, "unknown") or stripped


def _capitalised(token: str) -> bool:
    # "al-Assad", "d'Estaing": a short lower-case prefix before a capital still reads as a name.
    return _NAME_PREFIX.sub("", token)[:1].isupper()


def _initial(token: str) -> str | None:
    # "J." or "J" is an initial: keep its letter unfolded so it can match any given name.
    t = token.rstrip(".")
    return ascii_fold(t) if len(t) == 1 and t.isalpha() else None


def given_compatible(a: str, b: str) -> bool:
    """True when two given-name keys can be the same person (equal, or an initial of the other)."""
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


def context_words(*texts: str | None) -> frozenset[str]:
    """Content words of titles and affiliations, for surname-plus-context matching."""
    words = set()
    for t in texts:
        for w in re.findall(r"\w+", ascii_fold(t or "")):
            if len(w) > 2 and w not in {"the", "and", "for"}:
                words.add(w)
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An existing speaker a mention might join, with the context words it has been seen with."""

    id: str
    given_key: str
    context: frozenset[str] = frozenset()


def choose(parsed: ParsedName, candidates: Iterable[Candidate],
           context: frozenset[str] = frozenset()) -> Candidate | None:
    """Pick the one speaker a person mention belongs to, or None when there is none or it is ambiguous."""
    cands = [c for c in candidates if given_compatible(c.given_key, parsed.given_key or "")]
    if parsed.given_key:
        exact = [c for c in cands if c.given_key == parsed.given_key]
        if len(exact) == 1:
            return exact[0]
        named = [c for c in cands if c.given_key]
    else:
        named = [c for c in cands if c.given_key]
        if not named:
            bare = [c for c in cands if not c.given_key]
            return bare[0] if len(bare) == 1 else None
    if len(named) == 1:
        return named[0]
    if len(named) > 1 and context:
        # Two people share the surname: only context (title, affiliation) may decide.
        fits = [c for c in named if c.context & context]
        if len(fits) == 1:
            return fits[0]
    return None


def resolve_in_article(parsed: Sequence[ParsedName | None],
                       contexts: Sequence[frozenset[str]] | None = None) -> list[ParsedName | None | str]:
    """Resolve bare surnames against full names in the same article.

    Returns, per mention: the (possibly completed) ParsedName, None for no name, or the string
    "ambiguous" for a bare surname shared by two different people in this article.
    """
    contexts = contexts or [frozenset()] * len(parsed)
    full: dict[str, dict[str, frozenset[str]]] = {}
    for p, ctx in zip(parsed, contexts, strict=True):
        if p and p.kind == PERSON and p.given_key:
            givens = full.setdefault(p.surname_key or "", {})
            givens[p.given_key] = givens.get(p.given_key, frozenset()) | ctx
    # An initial ("J. Smith") that fits exactly one full given name is that person.
    for givens in full.values():
        for g in [g for g in givens if len(g) == 1]:
            longer = [h for h in givens if len(h) > 1 and h[0] == g]
            if len(longer) == 1:
                givens[longer[0]] |= givens.pop(g)
    out: list[ParsedName | None | str] = []
    for p, ctx in zip(parsed, contexts, strict=True):
        if p is None or p.kind != PERSON:
            out.append(p)
            continue
        givens = full.get(p.surname_key or "", {})
        if p.given_key and len(p.given_key) == 1:
            longer = [g for g in givens if len(g) > 1 and g[0] == p.given_key]
            out.append(_with_given(p, longer[0]) if len(longer) == 1 else p)
        elif p.given_key or not givens:
            out.append(p)
        elif len(givens) == 1:
            out.append(_with_given(p, next(iter(givens))))
        else:
            fits = [g for g, gctx in givens.items() if ctx and gctx & ctx]
            out.append(_with_given(p, fits[0]) if len(fits) == 1 else "ambiguous")
    return out


def _with_given(p: ParsedName, given: str) -> ParsedName:
    return ParsedName(p.kind, p.display, p.title, p.surname_key, given)


def speaker_id(key: str) -> str:
    """The content-hash id of a canonical speaker key."""
    return content_id("speaker", key)


def better_name(current: str, candidate: str) -> str:
    """The display name to keep: prefer a name with more parts (a given name), else the current."""
    return candidate if len(candidate.split()) > len(current.split()) else current
