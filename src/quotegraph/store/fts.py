"""Search queries: plain words (the default) turned into FTS5, and FTS5 syntax checked with a position.

Plain syntax is what people type into a search box: words and "quoted phrases", where every
character is literal (`U.S.`, `Al-Nusra`, `O'Neill`, `AND`), and a trailing `*` asks for words
starting with what precedes it. FTS5 syntax (`syntax="fts"`) is the index's own query language;
it is parsed here first, so a mistake is reported as one line naming the character where it
is, never as SQLite's message.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..errors import QueryError

SYNTAXES = ("plain", "fts")
DEFAULT_SYNTAX = "plain"
MAX_QUERY_CHARS = 1000  # longer text is a pasted document, not a query
MAX_TERMS = 32  # each term is one index look-up joined with the others
FTS_COLUMNS = ("content", "speaker")  # the statements_fts columns a `column:` filter may name
_OPEN_QUOTES = {'"': '"', "“": "”", "„": "“", "«": "»"}
_FTS_HELP = ('FTS5 syntax: words, "exact phrases", AND / OR / NOT, NEAR(a b, 5), prefix*, '
             "speaker: NAME, ( … ); or search the words as typed with plain syntax")


class QuerySyntaxError(QueryError):
    """A query that is not valid in its syntax; `position` is the 1-based character."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.position = position


def _clean(q: str) -> str:
    # Control characters (NUL, bidi marks are format characters and stay) are never meant.
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in q)


def _searchable(word: str) -> bool:
    """Whether the index tokenizer keeps anything of `word` (it splits on spaces and punctuation)."""
    return any(not unicodedata.category(c).startswith(("P", "Z", "C")) for c in word)


def _phrase(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def plain_terms(q: str) -> list[tuple[str, bool]]:
    """The terms of a plain query: (words, prefix) for each word or quoted phrase, in order."""
    q = _clean(q)
    terms: list[tuple[str, bool]] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
            continue
        if c in _OPEN_QUOTES:
            close = q.find(_OPEN_QUOTES[c], i + 1)
            if c == '"' and close < 0:  # an unbalanced quote: the rest is the phrase
                close = n
            if close >= 0:
                body = q[i + 1 : close]
                prefix = q[close + 1 : close + 2] == "*"
                if _searchable(body):
                    terms.append((" ".join(body.split()), prefix))
                i = close + 1 + prefix
                continue
        j = i
        while j < n and not q[j].isspace():
            j += 1
        word = q[i:j]
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _searchable(word):
            terms.append((word, prefix))
        i = j
    return terms


def plain_to_fts(q: str) -> str | None:
    """An FTS5 expression finding every word of a plain query (None when nothing is searchable)."""
    terms = plain_terms(check_length(q))
    if len(terms) > MAX_TERMS:
        raise QueryError(f"the query has {len(terms)} words and phrases; at most {MAX_TERMS} are "
                         "searched at once (quote a phrase, or narrow with filters)")
    return " ".join(_phrase(w) + ("*" if prefix else "") for w, prefix in terms) or None


def check_length(q: str) -> str:
    """`q`, or QueryError when it is longer than a query can be."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(q):,} characters long; at most {MAX_QUERY_CHARS:,} are accepted")
    return q


def to_fts(q: str | None, syntax: str = DEFAULT_SYNTAX) -> str | None:
    """The FTS5 MATCH expression for a query in `syntax`; None when there is nothing to search."""
    if syntax not in SYNTAXES:
        raise QueryError(f"unknown query syntax {syntax!r} (expected one of {', '.join(SYNTAXES)})")
    if not q or not q.strip():
        return None
    if syntax == "plain":
        return plain_to_fts(q)
    check_fts(check_length(q))
    return q


# --- FTS5 syntax --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # word, string, ( ) { } : * ^ + , - or end
    text: str
    pos: int  # 0-based index into the query


def _bareword_char(c: str) -> bool:
    return ord(c) > 127 or c.isalnum() or c in "_\x1a"


def _tokens(q: str) -> list[_Tok]:
    out, i, n = [], 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
        elif c == '"':
            j = i + 1
            while True:
                j = q.find('"', j)
                if j < 0:
                    raise QuerySyntaxError(f"the quote opened at character {i + 1} is never closed", i + 1)
                if q[j + 1 : j + 2] == '"':
                    j += 2
                    continue
                break
            out.append(_Tok("string", q[i + 1 : j].replace('""', '"'), i))
            i = j + 1
        elif _bareword_char(c):
            j = i
            while j < n and _bareword_char(q[j]):
                j += 1
            out.append(_Tok("word", q[i:j], i))
            i = j
        elif c in "(){}:*^+,-":
            out.append(_Tok(c, c, i))
            i += 1
        else:
            raise QuerySyntaxError(f"{c!r} at character {i + 1} is not part of FTS5 syntax "
                                   '(put words with punctuation in "double quotes")', i + 1)
    out.append(_Tok("end", "", n))
    return out


class _Parser:
    """Recursive descent over FTS5's grammar (sqlite.org/fts5.html, section 3)."""

    def __init__(self, q: str):
        self.toks = _tokens(q)
        self.i = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def _peek(self, k: int = 1) -> _Tok:
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def _fail(self, what: str, tok: _Tok | None = None) -> QuerySyntaxError:
        tok = tok or self.tok
        where = f"character {tok.pos + 1}"
        found = f"the end of the query ({where})" if tok.kind == "end" else f"{tok.text!r} at {where}"
        return QuerySyntaxError(f"expected {what}, found {found}", tok.pos + 1)

    def _eat(self, kind: str, what: str) -> _Tok:
        if self.tok.kind != kind:
            raise self._fail(what)
        t = self.tok
        self.i += 1
        return t

    def _keyword(self, word: str) -> bool:
        return self.tok.kind == "word" and self.tok.text == word

    def parse(self) -> None:
        if self.tok.kind == "end":
            raise self._fail("a word or phrase")
        self._or()
        if self.tok.kind != "end":
            raise self._fail("AND, OR, NOT or the end of the query")

    def _or(self) -> None:
        self._and()
        while self._keyword("OR"):
            self.i += 1
            self._and()

    def _starts_query(self) -> bool:
        t = self.tok
        if t.kind == "word":
            return t.text not in ("AND", "OR", "NOT")
        return t.kind in ("string", "(", "{", "-", "^")

    def _and(self) -> None:
        grouped = self._not()
        while True:
            if self._keyword("AND"):
                self.i += 1
                grouped = self._not()
            elif self._starts_query() and not grouped:
                # Side by side is an implicit AND, but FTS5 allows it only between phrases.
                grouped = self._not(implicit=True)
            else:
                return

    def _not(self, implicit: bool = False) -> bool:
        grouped = self._unary(implicit)
        while self._keyword("NOT"):
            self.i += 1
            grouped = self._unary()
        return grouped

    def _unary(self, implicit: bool = False) -> bool:
        """One query term; True when it was a ( … ) group."""
        t = self.tok
        if t.kind == "-" or t.kind == "{" or (t.kind == "word" and self._peek().kind == ":"):
            self._colspec()
        if self.tok.kind == "(":
            if implicit:
                raise self._fail("AND, OR or NOT before a ( … ) group")
            self.i += 1
            self._or()
            self._eat(")", "')' closing the '(' before it")
            return True
        if self._keyword("NEAR") and self._peek().kind == "(":
            self._near()
        else:
            if self.tok.kind == "^":
                self.i += 1
            self._phrase_seq()
        return False

    def _colspec(self) -> None:
        if self.tok.kind == "-":
            self.i += 1
        if self.tok.kind == "{":
            self.i += 1
            self._column()
            while self.tok.kind == "word":
                self._column()
            self._eat("}", "'}' closing the column list")
        else:
            self._column()
        self._eat(":", "':' after the column name")

    def _column(self) -> None:
        t = self._eat("word", "a column name")
        if t.text.lower() not in FTS_COLUMNS:
            raise QuerySyntaxError(f"no column {t.text!r} (character {t.pos + 1}); the columns are "
                                   f"{' and '.join(FTS_COLUMNS)}", t.pos + 1)

    def _phrase(self) -> None:
        t = self.tok
        if t.kind == "string" or (t.kind == "word" and t.text not in ("AND", "OR", "NOT")):
            self.i += 1
            if self.tok.kind == "*":
                self.i += 1
            return
        raise self._fail("a word or phrase")

    def _phrase_seq(self) -> None:
        self._phrase()
        while self.tok.kind == "+":
            self.i += 1
            self._phrase()

    def _near(self) -> None:
        self.i += 2  # NEAR (
        self._phrase_seq()
        while self.tok.kind in ("word", "string") and not self._keyword("NOT"):
            self._phrase_seq()
        if self.tok.kind == ",":
            self.i += 1
            t = self._eat("word", "a distance after ','")
            if not t.text.isdigit():
                raise QuerySyntaxError(f"the NEAR distance at character {t.pos + 1} must be a number", t.pos + 1)
        self._eat(")", "')' closing NEAR(")


def check_fts(q: str) -> None:
    """Raise QuerySyntaxError (with the 1-based character) unless `q` is valid FTS5 query syntax."""
    try:
        _Parser(q).parse()
    except QuerySyntaxError as e:
        raise QuerySyntaxError(f"cannot parse search query: {e}. {_FTS_HELP}", e.position) from None
