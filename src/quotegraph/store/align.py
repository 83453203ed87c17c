"""Word-by-word alignment of a quote's versions against its fullest one: labels, flags, score.

Pure functions over text (no store access). Words are folded as clusters fold them
(store/clusters.py: compatibility forms, quote-mark styles, case), plus Latin accents, then
aligned with difflib. Each difference is classified (docs/drift.md):

- trimmed: reference words left out at the start or end;
- elided: reference words left out mid-quote (with an ellipsis, where the quote is interrupted
  by its attribution, or silently);
- altered: words substituted or inserted inside quote marks;
- paraphrased: words rendered outside quote marks where the reference quotes them;
- noted, not counted: British/American spelling, number formats, contractions and bracketed
  editorial insertions ("[the minister]").

Negation changes and number changes are flagged on top of these, as the most serious.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from text_to_num import alpha2digit

from .clusters import ELLIPSIS, MARKS, MIN_TOKENS, fold

LABELS = ("verbatim", "trimmed", "elided", "altered", "paraphrased")

# Points per finding (docs/drift.md). A changed negation or number can reverse a quote's meaning
# whatever its length, so they outweigh any number of reworded words; an honest ellipsis or a
# paraphrase outside quote marks is ordinary reporting and counts little; a trim counts nothing.
NEGATION_POINTS = 10.0
NUMBER_POINTS = 8.0
ALTERED_WORD_POINTS = 2.0
SILENT_GAP_WORD_POINTS, SILENT_GAP_CAP = 1.0, 10.0
MARKED_GAP_WORD_POINTS, MARKED_GAP_CAP = 0.25, 2.0
PARAPHRASE_WORD_POINTS, PARAPHRASE_CAP = 0.25, 3.0
MIN_QUOTED = MIN_TOKENS  # quoted words a version needs to count as quoting (clusters' minimum)
MAX_CANDIDATES, MAX_WITNESSES = 4, 12  # bounds on choosing a reference in a big cluster
EXAMPLE_CHARS = 60  # a difference quoted in a reason is cut to this length

_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:'\w+)*|%")
_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_FRAMING = re.compile(r"^(\W*)(\w.*\w|\w)(\W*)$", re.S)
_CLAUSE_END = re.compile(r"[,.!?;:…—–]")
_CONJUNCTIONS = frozenset({"and", "but", "or", "yet", "so", "while", "whereas", "although", "though", "because"})
NEGATION_REACH = 4  # words between a cut negation and the kept quote for it to govern the quote
_OPENING, _CLOSING, _STRAIGHT = "“«„", "”»", '"'
_MULTIPLIERS = frozenset({100.0, 1e3, 1e6, 1e9, 1e12})
BREAK = " … "  # how the store joins the spans of a discontiguous quote (store/writer.py)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a version: its folded key, where it is, and what surrounds it."""

    key: str
    start: int
    end: int
    quoted: bool  # inside quote marks (or the whole content of a direct quote)
    editorial: bool  # inside [square brackets]
    gap: str  # what precedes it: "" | "ellipsis" | "break" (the quote was interrupted)


@dataclass(frozen=True, slots=True)
class Version:
    """One rendering of a quote: its text (spans joined by BREAK) and its words.

    `keys` are the folded words, as aligned; `quoted` whether at least MIN_QUOTED of them are
    inside quote marks (a one-word scare quote does not make a paraphrase a quote).
    """

    text: str
    words: tuple[Word, ...]
    kind: str
    keys: tuple[str, ...]
    quoted: bool


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between a version and the reference."""

    kind: str  # trimmed | elided | altered | paraphrased | noted | extended
    where: str  # start | mid | end
    before: str  # the reference's words, as written
    after: str  # the version's words, as written
    words: int  # how many words the difference covers
    detail: str = ""  # elided: ellipsis | break | silent; noted: spelling | number format | …
    negation: bool = False
    numbers: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the version for display: same, ins, del, note (was → text) or out (framing)."""

    op: str
    text: str
    sep: str = ""  # the version's own text between the previous segment and this one
    why: str = ""
    was: str = ""

    def as_dict(self) -> dict[str, str]:
        """JSON-ready form, empty fields left out."""
        return {k: v for k, v in (("op", self.op), ("text", self.text), ("sep", self.sep),
                                  ("why", self.why), ("was", self.was)) if v or k in ("op", "text")}


@dataclass(frozen=True, slots=True)
class Alignment:
    """A version against the reference: labels, the two serious flags, a score and its reason."""

    labels: tuple[str, ...]
    negation_changed: bool
    numbers_changed: bool
    score: float
    reason: str
    changes: tuple[Change, ...]
    segments: tuple[Segment, ...]


# --- word lists (data files beside this module) -------------------------------------------------

def _data_lines(name: str) -> list[str]:
    text = (resources.files("quotegraph.store") / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def negation_words() -> frozenset[str]:
    """Words that negate (store/drift_negation.txt)."""
    return frozenset(ln.strip() for ln in _data_lines("drift_negation.txt"))


@cache
def _contractions() -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, tuple[str, ...]], ...]]:
    whole, suffixes = {}, []
    for ln in _data_lines("drift_contractions.tsv"):
        form, expansion = ln.split("\t")
        if form.startswith("-"):
            suffixes.append((form[1:], tuple(expansion.split())))
        else:
            whole[form] = tuple(expansion.split())
    return whole, tuple(suffixes)


@cache
def _spellings() -> tuple[dict[str, str], tuple[tuple[str, str, int], ...]]:
    whole, endings = {}, []
    for ln in _data_lines("drift_spelling.tsv"):
        cols = ln.split("\t")
        if cols[0].startswith("-"):
            endings.append((cols[0][1:], cols[1], int(cols[2])))
        else:
            whole[cols[0]] = cols[1]
    # Longest ending first, so "-ised" wins over "-ise".
    return whole, tuple(sorted(endings, key=lambda e: -len(e[0])))


# --- reading a version -------------------------------------------------------------------------

def _fold_word(raw: str) -> str:
    t = raw.lower() if raw.isascii() else fold(raw)  # the same result, faster, for ASCII
    if _THOUSANDS.match(t):
        return t.replace(",", "")
    if t == "%":
        return "percent"
    if t.isascii():
        return t
    # Latin accents only: combining marks are letters' vowels in other scripts.
    out: list[str] = []
    for c in unicodedata.normalize("NFKD", t):
        if unicodedata.combining(c) and out and out[-1] < "\u0250":
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def _quoted_regions(text: str) -> list[tuple[int, int]] | None:
    """Character ranges inside quote marks, or None when the text has none.

    Double marks first; single ones (‘…’ as headlines use them) only when there are no double
    ones, and then only a mark after a space opens and one before a space or punctuation closes,
    so the apostrophe of "He’s" is neither. A closing mark with no opening one before it means
    the span began inside the quote; an opening mark left open means it ended inside one.
    """
    regions = _regions(text, _OPENING, _CLOSING, _STRAIGHT)
    if regions is None:
        regions = _regions(text, "‘", "’", "'", strict=True)
    return regions


def _regions(text: str, opening_marks: str, closing_marks: str, straight: str,
             strict: bool = False) -> list[tuple[int, int]] | None:
    regions: list[tuple[int, int]] = []
    start: int | None = None
    seen = False
    for i, c in enumerate(text):
        if c not in opening_marks + closing_marks + straight:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        after_space = before.isspace() or before in "([{*_—–-"
        if strict:  # single marks double as apostrophes: only a mark at a word's edge counts
            if c in opening_marks + straight and after_space and after.isalnum():
                opening = True
            elif c in closing_marks + straight and not before.isspace() and not after.isalnum():
                opening = False
            else:
                continue
        else:
            opening = c in opening_marks or (c == straight and after_space)
        seen = True
        if opening and start is None:
            start = i
        elif not opening and start is not None:
            regions.append((start, i))
            start = None
        elif not opening and not regions:
            regions.append((0, i))
    if start is not None:
        regions.append((start, len(text)))
    return regions if seen else None


def make_version(parts: Sequence[str], kind: str = "direct") -> Version:
    """Read a quote's content spans (in text order) into words.

    A direct quote is quoted throughout; a mixed or indirect one only inside its quote marks
    (a mixed one without marks counts as quoted).
    """
    text = BREAK.join(parts)
    words: list[Word] = []
    offset = 0
    for n, part in enumerate(parts):
        t = part.translate(MARKS)
        regions = None if kind == "direct" else _quoted_regions(part)
        ellipses = [m.span() for m in ELLIPSIS.finditer(t)]
        brackets = [m.span() for m in _BRACKETS.finditer(t) if not ELLIPSIS.fullmatch(m.group())]
        prev_end = 0
        for i, m in enumerate(_WORD.finditer(t)):
            a, b = m.span()
            quoted = kind != "indirect" if regions is None else any(s <= a < e for s, e in regions)
            gap = ""
            if ellipses and any(prev_end <= s and e <= a for s, e in ellipses):
                gap = "ellipsis"
            elif i == 0 and n > 0:
                gap = "break"
            editorial = bool(brackets) and any(s < a and b < e for s, e in brackets)
            words.append(Word(_fold_word(m.group()), offset + a, offset + b, quoted, editorial, gap))
            prev_end = b
        offset += len(part) + len(BREAK)
    return Version(text, tuple(words), kind, tuple(w.key for w in words),
                   sum(w.quoted for w in words) >= min(MIN_QUOTED, len(words)) > 0)


# --- comparing two runs of words ---------------------------------------------------------------

def _expand(keys: Sequence[str]) -> list[str]:
    whole, suffixes = _contractions()
    out: list[str] = []
    for k in keys:
        if k in whole:
            out += whole[k]
            continue
        for suffix, expansion in suffixes:
            if k.endswith(suffix) and len(k) > len(suffix):
                out += [k[: -len(suffix)], *expansion]
                break
        else:
            out.append(k)
    return out


def _american(k: str) -> str:
    whole, endings = _spellings()
    if k in whole:
        return whole[k]
    for ending, repl, stem in endings:
        if k.endswith(ending) and len(k) - len(ending) >= stem:
            return k[: -len(ending)] + repl
    return k


def _number(k: str) -> float | None:
    try:
        return float(k)
    except ValueError:
        return None


def _numbers_as_digits(keys: Sequence[str]) -> list[str]:
    """Number words as digits ("three hundred" -> "300", "1.5 million" -> "1500000")."""
    text = " ".join(keys).replace("per cent", "percent")
    try:
        toks = alpha2digit(text, "en", threshold=0).split()
    except Exception:  # noqa: BLE001 - a parser failure only costs the number-format note
        toks = text.split()
    out: list[str] = []
    for t in toks:
        v = _number(t)
        prev = _number(out[-1]) if out else None
        if v in _MULTIPLIERS and prev is not None and prev < v:
            out[-1] = str(int(prev * v)) if (prev * v).is_integer() else str(prev * v)
        elif v in _MULTIPLIERS and out and out[-1] in ("a", "one"):
            out[-1] = str(int(v))
        else:
            out.append(str(int(v)) if v is not None and v.is_integer() else t)
    return out


@dataclass(frozen=True, slots=True)
class _Canonical:
    expanded: list[str]
    american: list[str]
    digits: list[str]

    @property
    def negations(self) -> int:
        neg = negation_words()
        return sum(1 for k in self.expanded if k in neg)

    @property
    def numbers(self) -> list[float]:
        return sorted(v for v in map(_number, self.digits) if v is not None)


def _canonical(keys: Sequence[str]) -> _Canonical:
    expanded = _expand(keys)
    american = [_american(k) for k in expanded]
    return _Canonical(expanded, american, _numbers_as_digits(american))


def _equivalent(a: _Canonical, b: _Canonical, raw: str) -> str:
    """Why two runs of words are the same words written differently, or "" if they are not."""
    if a.expanded == b.expanded:
        return "contraction"
    if a.american == b.american:
        return "spelling"
    if a.digits == b.digits:
        return "number format"
    if "-" in raw and "".join(a.digits) == "".join(b.digits):
        return "spelling"  # re-elected / reelected
    if [k.removesuffix("'s") for k in a.american] == [k.removesuffix("'s") for k in b.american]:
        return "spelling"  # the possessive written ISIS' / ISIS's
    return ""


def _script(v: Version) -> str:
    names = Counter(unicodedata.name(c, "?").split(" ")[0] for w in v.words for c in w.key if c.isalpha())
    return names.most_common(1)[0][0] if names else ""


# --- choosing the reference ------------------------------------------------------------------

def choose_reference(versions: Sequence[Version]) -> int:
    """Index of the fullest version that the others support (ties: fewer words outside quote
    marks, then the wording carried most often, then the lowest index, so pass versions
    earliest first).

    A word that another wording spans without having it (with no ellipsis or break there) does
    not count unless a third wording has it too: when two versions disagree on a word mid-quote
    ("will" / "will not"), neither is fuller, and the tie-breaks decide. When any version is
    quoted, unquoted versions and unquoted words do not compete. The MAX_CANDIDATES longest
    distinct wordings are weighed against the first MAX_WITNESSES, so a huge cluster costs a
    bounded amount.
    """
    if not versions:
        raise ValueError("no versions to choose from")
    first: dict[tuple[str, ...], int] = {}
    for i, v in enumerate(versions):
        first.setdefault(v.keys, i)
    carried = Counter(v.keys for v in versions)
    if len(first) == 1:
        return 0
    any_quoted = any(v.quoted for v in versions)

    def scoped(v: Version) -> list[bool]:
        return [not w.editorial and (w.quoted or not any_quoted) for w in v.words]

    pool = [i for i in first.values() if versions[i].quoted or not any_quoted]
    candidates = sorted(pool, key=lambda i: (-sum(scoped(versions[i])), i))[:MAX_CANDIDATES]
    witnesses = list(first.values())[:MAX_WITNESSES]
    best, best_key = candidates[0], None
    for c in sorted(candidates):
        cand = versions[c]
        supported = [False] * len(cand.words)
        spanned = [False] * len(cand.words)
        for w in witnesses:
            if w == c:
                continue
            other = versions[w]
            ops = SequenceMatcher(None, other.keys, cand.keys, autojunk=False).get_opcodes()
            eq = [k for k, op in enumerate(ops) if op[0] == "equal"]
            for k, (tag, i1, _i2, j1, j2) in enumerate(ops):
                if tag == "equal":
                    supported[j1:j2] = [True] * (j2 - j1)
                elif eq and eq[0] < k < eq[-1] and j2 > j1 and not other.words[i1].gap:
                    spanned[j1:j2] = [True] * (j2 - j1)
        mask = scoped(cand)
        unsupported = sum(1 for m, s, p in zip(mask, supported, spanned, strict=True) if m and p and not s)
        key = (sum(mask) - unsupported, -(len(mask) - sum(mask)), carried[cand.keys])
        if best_key is None or key > best_key:
            best, best_key = c, key
    return best


# --- aligning one version ----------------------------------------------------------------------

def _quote(s: str) -> str:
    s = " ".join(s.split())
    return "'" + (s if len(s) <= EXAMPLE_CHARS else s[: EXAMPLE_CHARS - 1].rstrip() + "…") + "'"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class _Aligner:
    """Walks difflib's opcodes for one (reference, version) pair and collects the changes."""

    def __init__(self, ref: Version, ver: Version):
        self.ref, self.ver = ref, ver
        self.changes: list[Change] = []
        self.segments: list[Segment] = []
        self.unquoted_same = False
        self.prev_end: int | None = None

    def _rtext(self, idx: Sequence[int]) -> str:
        w = self.ref.words
        return self.ref.text[w[idx[0]].start:w[idx[-1]].end] if idx else ""

    def _vtext(self, idx: Sequence[int]) -> str:
        w = self.ver.words
        return self.ver.text[w[idx[0]].start:w[idx[-1]].end] if idx else ""

    def _emit(self, op: str, j1: int, j2: int, why: str = "", was: str = "") -> None:
        start = self.ver.words[j1].start
        sep = self._framing(self.ver.text[self.prev_end if self.prev_end is not None else 0:start])
        if not sep and self.segments and self.segments[-1].op == "del":
            sep = " "
        self.segments.append(Segment(op, self._vtext(range(j1, j2)), sep, why, was))
        self.prev_end = self.ver.words[j2 - 1].end

    def _framing(self, between: str) -> str:
        """Show the words between two compared ones (a quoted version's framing, "he said") as
        outside quote marks; returns what separates them from the next segment."""
        m = _FRAMING.match(between)
        if not m:
            return between
        self.segments.append(Segment("out", m[2], m[1], "outside quote marks"))
        return m[3]

    def _emit_ref(self, idx: Sequence[int], why: str) -> None:
        self.segments.append(Segment("del", self._rtext(idx), " " if self.segments else "", why))

    def run(self) -> None:
        ref, ver = self.ref, self.ver
        ops = SequenceMatcher(None, ref.keys, ver.keys, autojunk=False).get_opcodes()
        eq = [k for k, op in enumerate(ops) if op[0] == "equal"]
        # The kept part: first and last reference and version words the two share.
        kept = (ops[eq[0]][1], ops[eq[-1]][2] - 1, ops[eq[0]][3], ops[eq[-1]][4] - 1) if eq else None
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag == "equal":
                if any(ref.words[i].quoted and not ver.words[j].quoted
                       for i, j in zip(range(i1, i2), range(j1, j2), strict=True)):
                    self.unquoted_same = True
                self._emit("same", j1, j2)
                continue
            where = "mid" if not eq else "start" if k < eq[0] else "end" if k > eq[-1] else "mid"
            r_idx = [i for i in range(i1, i2) if not ref.words[i].editorial]
            v_idx = [j for j in range(j1, j2) if not ver.words[j].editorial]
            editorial = [j for j in range(j1, j2) if ver.words[j].editorial]
            op, why, was = "ins", "", ""
            ref_editorial = [i for i in range(i1, i2) if ref.words[i].editorial]
            if ref_editorial and v_idx and not r_idx:
                # The reference's "[the minister]" where this version has the words it stands for.
                before = self._rtext(ref_editorial)
                self.changes.append(Change("noted", where, before, self._vtext(v_idx), len(v_idx),
                                           "editorial"))
                op, why, was, v_idx = "note", "editorial insertion", before, []
            if editorial:  # "[Putin]" for "he", or added: noted, whatever it replaced
                before = self._rtext(r_idx) if not v_idx else ""
                self.changes.append(Change("noted", where, before, self._vtext(editorial),
                                           len(editorial), "editorial"))
                if not v_idx:
                    r_idx = []
            if (where != "mid" and not editorial and r_idx and v_idx and len(r_idx) != len(v_idx)
                    and any(ver.words[j].quoted for j in v_idx)):
                self._split_edge(r_idx, v_idx, where, j1, kept)
                continue
            if r_idx and not v_idx and op != "note":
                self._emit_ref(r_idx, self._deleted(r_idx, where, j1, kept))
            elif v_idx and not r_idx:
                op, why = self._inserted(v_idx, where, kept)
            elif v_idx:
                op, why, was = self._replaced(r_idx, v_idx, where, kept)
            # The version's words in text order, editorial runs apart.
            j = j1
            while j < j2:
                ed = ver.words[j].editorial
                end = j
                while end < j2 and ver.words[end].editorial == ed:
                    end += 1
                if ed:
                    self._emit("note", j, end, "editorial insertion")
                else:
                    self._emit(op, j, end, why, was)
                j = end
        if self.prev_end is not None and self.prev_end < len(ver.text):
            self.segments.append(Segment("same", "", self._framing(ver.text[self.prev_end:])))

    def _split_edge(self, r_idx: list[int], v_idx: list[int], where: str, j1: int,
                    kept: tuple[int, ...] | None) -> None:
        """Unequal runs at a quote's edge: the words next to the kept part stand for each other
        ("laws" / "law"), the rest is a trim or an extension ("… working for you now" cut)."""
        k = min(len(r_idx), len(v_idx))
        if where == "end":
            op, why, was = self._replaced(r_idx[:k], v_idx[:k], where, kept)
            self._emit(op, v_idx[0], v_idx[k - 1] + 1, why, was)
            if r_idx[k:]:
                self._emit_ref(r_idx[k:], self._deleted(r_idx[k:], where, j1 + k, kept))
            else:
                op, why = self._inserted(v_idx[k:], where, kept)
                self._emit(op, v_idx[k], v_idx[-1] + 1, why)
            return
        if r_idx[:-k]:
            self._emit_ref(r_idx[:-k], self._deleted(r_idx[:-k], where, j1, kept))
        else:
            op, why = self._inserted(v_idx[:-k], where, kept)
            self._emit(op, v_idx[0], v_idx[-k - 1] + 1, why)
        op, why, was = self._replaced(r_idx[-k:], v_idx[-k:], where, kept)
        self._emit(op, v_idx[-k], v_idx[-1] + 1, why, was)

    def _edge_negation(self, v: Version, idx: Sequence[int], kept: int, after: bool) -> str:
        """A negation among v.words[idx], cut or added at an edge, close enough to the kept word
        v.words[kept] to govern it (so the cut can reverse what remains), as written; or "".

        Close enough: at most NEGATION_REACH words apart, in the same clause (no clause
        punctuation or coordinating conjunction between): "I do not believe that | we should".
        """
        neg = negation_words()
        for k in idx:
            if not any(n in neg for n in _expand([v.words[k].key])):
                continue
            lo, hi = (kept, k) if after else (k, kept)
            between = v.words[lo + 1:hi]
            if (len(between) <= NEGATION_REACH and not _CLAUSE_END.search(v.text[v.words[lo].end:v.words[hi].start])
                    and not any(w.key in _CONJUNCTIONS for w in between)):
                return v.text[v.words[k].start:v.words[k].end]
        return ""

    def _deleted(self, r_idx: list[int], where: str, j1: int, kept: tuple[int, ...] | None) -> str:
        """Record reference words the version lacks; returns how to show them."""
        before = self._rtext(r_idx)
        if where != "mid" and kept is not None:
            anchor = kept[0] if where == "start" else kept[1]
            negation = self._edge_negation(self.ref, r_idx, anchor, after=where == "end")
            self.changes.append(Change("trimmed", where, before, "", len(r_idx), negation,
                                       negation=bool(negation)))
            return "trimmed"
        canon = _canonical([self.ref.words[i].key for i in r_idx])
        ver = self.ver
        # Words missing where the version leaves its quote marks are paraphrase, not elision.
        if not (ver.words[j1 - 1].quoted and ver.words[j1].quoted):
            kind, detail = "paraphrased", ""
        else:
            kind, detail = "elided", ver.words[j1].gap or "silent"
        self.changes.append(Change(kind, where, before, "", len(r_idx), detail,
                                   negation=canon.negations > 0, numbers=bool(canon.numbers)))
        return detail or kind

    def _inserted(self, v_idx: list[int], where: str, kept: tuple[int, ...] | None) -> tuple[str, str]:
        """Record version words the reference lacks; returns (segment op, why)."""
        after = self._vtext(v_idx)
        quoted = any(self.ver.words[j].quoted for j in v_idx)
        if where != "mid" and kept is not None:
            anchor = kept[2] if where == "start" else kept[3]
            if not quoted:  # the reporter's own framing ("that …"), outside the quote
                self.changes.append(Change("framing", where, "", after, len(v_idx)))
                return "out", "outside quote marks"
            negation = self._edge_negation(self.ver, v_idx, anchor, after=where == "end")
            self.changes.append(Change("altered" if negation else "extended", where, "", after,
                                       len(v_idx), negation=bool(negation)))
            return "ins", "altered" if negation else "extended"
        canon = _canonical([self.ver.words[j].key for j in v_idx])
        kind = "altered" if quoted else "paraphrased"
        self.changes.append(Change(kind, where, "", after, len(v_idx), negation=canon.negations > 0,
                                   numbers=bool(canon.numbers)))
        return "ins", kind

    def _replaced(self, r_idx: list[int], v_idx: list[int], where: str,
                  kept: tuple[int, ...] | None) -> tuple[str, str, str]:
        """Record reference words the version words stand in for; returns (op, why, was)."""
        before, after = self._rtext(r_idx), self._vtext(v_idx)
        if where != "mid" and kept is not None and not any(self.ver.words[j].quoted for j in v_idx):
            # The reporter's framing in place of the quote's first or last words: a trim, which
            # reverses the quote only if one side has a governing negation and the other not.
            r_anchor, v_anchor = (kept[0], kept[2]) if where == "start" else (kept[1], kept[3])
            cut = self._edge_negation(self.ref, r_idx, r_anchor, after=where == "end")
            framing = self._edge_negation(self.ver, v_idx, v_anchor, after=where == "end")
            flip = bool(cut) != bool(framing)
            a = _canonical([self.ref.words[i].key for i in r_idx]).numbers
            b = _canonical([self.ver.words[j].key for j in v_idx]).numbers
            self.changes.append(Change("trimmed", where, before, after if flip or (a and b and a != b) else "",
                                       len(r_idx), cut or framing, negation=flip,
                                       numbers=bool(a and b and a != b)))
            self.changes.append(Change("framing", where, "", after, len(v_idx)))
            self._emit_ref(r_idx, "trimmed")
            return "out", "outside quote marks", ""
        a = _canonical([self.ref.words[i].key for i in r_idx])
        b = _canonical([self.ver.words[j].key for j in v_idx])
        note = _equivalent(a, b, before + " " + after)
        if note:
            self.changes.append(Change("noted", where, before, after, len(v_idx), note))
            return "note", note, before
        kind = "altered" if any(self.ver.words[j].quoted for j in v_idx) else "paraphrased"
        self.changes.append(Change(kind, where, before, after, max(len(r_idx), len(v_idx)),
                                   negation=a.negations != b.negations, numbers=a.numbers != b.numbers))
        self._emit_ref(r_idx, kind)
        return "ins", kind, ""


def align(ref: Version, ver: Version) -> Alignment:
    """Compare one version with the reference, word by word."""
    if not ver.words or not ref.words:
        why = ("no words to compare: the version is only punctuation" if not ver.words
               else "no words to compare: the fullest version is only punctuation")
        return Alignment((), False, False, 0.0, why, (), (Segment("same", ver.text),) if ver.text else ())
    if not set(ref.keys) & set(ver.keys) and _script(ref) != _script(ver):
        s_ref, s_ver = _script(ref).title(), _script(ver).title()
        return Alignment(("paraphrased",), False, False, 0.0,
                         f"in {s_ver} script, the fullest version in {s_ref}: a translation, "
                         "not compared word by word", (), (Segment("same", ver.text),))
    if ver is ref:
        return Alignment(("verbatim",), False, False, 0.0, "same words as the fullest version", (),
                         (Segment("same", ver.text),))
    # A mixed quote's own framing ("that …", "he said") is the reporter's, not the quote: a
    # quoted version is compared by its quoted words; the framing is shown, not aligned.
    ref, ver = _quoted_only(ref), _quoted_only(ver) if ref.quoted else ver
    al = _Aligner(ref, ver)
    al.run()
    return _summarise(al.changes, al.segments, al.unquoted_same, ver, ref.quoted)


def _quoted_only(v: Version) -> Version:
    if not v.quoted or all(w.quoted for w in v.words):
        return v
    words = tuple(w for w in v.words if w.quoted)
    return Version(v.text, words, v.kind, tuple(w.key for w in words), True)


def _summarise(changes: list[Change], segments: list[Segment], unquoted_same: bool,
               ver: Version, ref_quoted: bool) -> Alignment:
    by = {k: [c for c in changes if c.kind == k] for k in
          ("trimmed", "elided", "altered", "paraphrased", "noted", "extended")}
    labels = [k for k in LABELS[1:] if by[k]]
    if unquoted_same and "paraphrased" not in labels:
        labels.append("paraphrased")
    labels = [k for k in LABELS if k in labels] or ["verbatim"]
    negation = any(c.negation for c in changes)
    numbers = any(c.numbers for c in changes)

    score = (NEGATION_POINTS if negation else 0.0) + (NUMBER_POINTS if numbers else 0.0)
    score += ALTERED_WORD_POINTS * sum(c.words for c in by["altered"])
    silent = sum(c.words for c in by["elided"] if c.detail == "silent")
    marked = sum(c.words for c in by["elided"] if c.detail != "silent")
    score += min(SILENT_GAP_CAP, SILENT_GAP_WORD_POINTS * silent)
    score += min(MARKED_GAP_CAP, MARKED_GAP_WORD_POINTS * marked)
    if ref_quoted:  # rewording a paraphrase of a paraphrase changes nobody's quoted words
        score += min(PARAPHRASE_CAP, PARAPHRASE_WORD_POINTS * sum(c.words for c in by["paraphrased"]))

    reasons: list[str] = []
    cited: list[Change] = []
    for flag, what in ((negation, "negation"), (numbers, "number")):
        if flag:
            c = next(c for c in changes if (c.negation if what == "negation" else c.numbers))
            reasons.append(f"{what} changed: " + _describe(c))
            cited.append(c)
    if by["altered"]:
        n = sum(c.words for c in by["altered"])
        fresh = [c for c in by["altered"] if c not in cited]
        reasons.append(f"{_plural(n, 'word')} changed inside quote marks"
                       + (f": {_describe(fresh[0])}" if fresh else ""))
    if silent:
        fresh = [c for c in by["elided"] if c.detail == "silent" and c not in cited]
        reasons.append(f"{_plural(silent, 'word')} left out mid-quote without an ellipsis"
                       + (f": {_quote(fresh[0].before)}" if fresh else ""))
    for detail, text in (("ellipsis", "joined by an ellipsis"), ("break", "left out where the quote is interrupted")):
        n = sum(c.words for c in by["elided"] if c.detail == detail)
        if n:
            reasons.append(f"{text}, {_plural(n, 'word')} left out" if detail == "ellipsis"
                           else f"{_plural(n, 'word')} {text}")
    trims = {w: sum(c.words for c in by["trimmed"] if c.where == w) for w in ("start", "end")}
    if any(trims.values()):
        reasons.append("trimmed: " + " and ".join(f"{_plural(n, 'word')} left out at the {w}"
                                                   for w, n in trims.items() if n))
    if "paraphrased" in labels:
        n = sum(c.words for c in by["paraphrased"])
        if not ver.quoted:
            reasons.append("reported without quote marks" + (f", {_plural(n, 'word')} reworded" if n else ""))
        else:
            reasons.append("partly outside quote marks" + (f", {_plural(n, 'word')} reworded" if n else ""))
    if by["extended"]:
        n = sum(c.words for c in by["extended"])
        reasons.append(f"{_plural(n, 'word')} quoted that no other version has: {_quote(by['extended'][0].after)}")
    if labels == ["verbatim"] and not reasons:
        reasons.append("same words as the fullest version")
    if by["noted"]:
        notes = "; ".join(f"{c.detail} {_quote(c.before)} → {_quote(c.after)}" if c.before
                          else f"{c.detail} {_quote(c.after)}" for c in by["noted"][:3])
        reasons.append(f"noted, not counted: {notes}")
    return Alignment(tuple(labels), negation, numbers, round(score, 2), "; ".join(reasons),
                     tuple(changes), tuple(segments))


def shorten_middle(text: str, words: int = 16) -> str:
    """A long run of words shown as its first and last words/2 (for a long trimmed part)."""
    ws = text.split()
    if len(ws) <= words:
        return text
    half = words // 2
    return f"{' '.join(ws[:half])} … {len(ws) - 2 * half} more words … {' '.join(ws[-half:])}"


def _describe(c: Change) -> str:
    if c.kind == "trimmed" and c.detail:
        return f"the trim leaves out {_quote(c.detail)} from the same clause"
    if c.before and c.after:
        return f"{_quote(c.before)} → {_quote(c.after)}"
    if c.after:
        return f"{_quote(c.after)} added"
    negator = next((w for w in c.before.split() if c.negation and _negates(w)), None)
    if negator and negator != c.before:
        return f"{_quote(negator)} left out with {_quote(c.before)}"
    return f"{_quote(c.before)} left out"


def _negates(raw: str) -> bool:
    keys = [_fold_word(m.group()) for m in _WORD.finditer(raw.translate(MARKS))]
    return bool(set(_expand(keys)) & negation_words())
