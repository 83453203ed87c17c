"""Support for every lexicon entry: how often it occurs outside the bundled examples.

Each word list in extract/lexicon/ must generalise, so every entry needs evidence beyond the
articles shipped with the package. This counts it in two places:
- **train**: PolNeAR train (840 articles), in the role the rule reads: a gold cue for cue words,
  a gold content for content words, a gold source for source nouns, the whole text otherwise;
- **tune**: the documents (for content words: the labelled contents) of the act labels' `tune`
  split, the bundled examples left out.
For the act tables it also counts, over the `train` and `tune` act labels, how often the entry
fires on a labelled statement and how often the label is the entry's act.

`python -m quotegraph.train.lexicon_support ../shared/data/polnear --out docs/lexicons.md`
writes the table in docs/lexicons.md. Needs PolNeAR (never in the repository) and spaCy.
"""

from __future__ import annotations

import argparse
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..evaluate.acts import ActLabel, read_act_labels
from ..evaluate.gold import GoldDoc, read_gold_jsonl
from ..examples import example_paths
from ..extract.spans import per_doc

LEXICON = "quotegraph.extract.lexicon"
# Doc ids of the bundled examples in the act label files (their text ships in examples/).
BUNDLED = frozenset({"rt-2016-09-29-syria-dialogue"} |
                    {"GUM_news_" + p.stem.removeprefix("wikinews-") for p in example_paths()
                     if p.name.startswith("wikinews-")})
ROLES = ("source", "cue", "content")
# PolNeAR train is most of the run: parsed on two cores where there are two.
PROCESSES = min(2, os.cpu_count() or 1)


@dataclass
class Units:
    """Texts to count in, one unit a line, in three forms: raw, lower-case words, lemmas."""

    raw: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    _joined: dict[str, str] = field(default_factory=dict, repr=False)
    _words: dict[str, Counter[str]] = field(default_factory=dict, repr=False)

    def add(self, doc: Doc, start: int, end: int) -> None:
        """Add the characters start..end of a parsed document as one unit."""
        starts, ends = per_doc("token_bounds", doc, _token_bounds)
        # The tokens overlapping start..end, found by bisection: a scan of the whole document
        # for each of its gold spans made the count quadratic in a document's length.
        toks = [t for t in doc[bisect_right(ends, start):bisect_left(starts, end)] if not t.is_space]
        self.raw.append(" ".join(doc.text[start:end].split()))
        self.words.append(_norm(doc.text[start:end]))
        self.lemmas.append(" ".join(t.lemma_.lower() for t in toks))

    def joined(self, form: str) -> str:
        """All units of one form ("raw", "words" or "lemmas"), a line each (built once)."""
        if form not in self._joined:
            self._joined[form] = "\n".join(getattr(self, form))
        return self._joined[form]

    def count_word(self, entry: str, form: str = "words") -> int:
        """Occurrences of `entry` as whole words in one form (not inside a longer word)."""
        if _WORD.fullmatch(entry):  # one word: count the text's words once, look it up
            if form not in self._words:
                self._words[form] = Counter(_WORD.findall(self.joined(form)))
            return self._words[form][entry]
        return occurrences(_word_rx(entry), self.joined(form), entry)

    def count_lemma(self, entry: str) -> int:
        """Occurrences of `entry` as a lemma or a run of lemmas."""
        if " " not in entry:
            if "lemmas" not in self._words:
                self._words["lemmas"] = Counter(self.joined("lemmas").split())
            return self._words["lemmas"][entry]
        return occurrences(_lemma_rx(entry), self.joined("lemmas"), entry)


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    return [t.idx for t in doc], [t.idx + len(t) for t in doc]


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


_WORD = re.compile(r"[\w']+")


def _word_rx(entry: str) -> str:
    return rf"(?<![\w']){re.escape(entry)}(?![\w'])"


def _lemma_rx(entry: str) -> str:
    return rf"(?<!\S){re.escape(entry)}(?!\S)"


def occurrences(pattern: str, text: str, literal: str) -> int:
    """Matches of `pattern` in `text`; `literal` must occur in every match (a fast pre-check)."""
    return len(re.findall(pattern, text)) if literal in text else 0


@dataclass(frozen=True)
class Spec:
    """One lexicon: its file, the role it is counted in, and how an entry is matched."""

    file: str
    role: str  # "source", "cue", "content" or "text"
    measure: str  # what a count means, for the docs
    form: str = "lemmas"  # "lemmas" or "words": what an entry is matched against
    external: bool = False  # taken whole from a published lexicon, filtered by its own values
    package: str = LEXICON  # where the file lives


SPECS = (
    Spec("reporting_verbs.txt", "cue", "the lemma in a gold cue"),
    Spec("reporting_nouns.txt", "cue", "the lemma in a gold cue"),
    Spec("non_statement_verbs.txt", "cue", "the lemma in a gold cue"),
    Spec("act_cues.tsv", "cue", "the lemma (or cue text) in a gold cue"),
    Spec("addressee_verbs.txt", "cue", "the lemma in a gold cue"),
    Spec("target_verbs.txt", "cue", "the lemma in a gold cue"),
    Spec("act_content.tsv", "content", "the phrase (root: the lemma) in a gold content"),
    Spec("harm_verbs.txt", "content", "the lemma in a gold content"),
    Spec("evidence_nouns.txt", "source", "the lemma in a gold source"),
    Spec("nominals.tsv", "source", "the word in a gold source", "words"),
    Spec("document_nouns.txt", "text", "the lemma anywhere in the text"),
    Spec("issuing_verbs.txt", "source", "the lemma in a gold source"),
    Spec("headline_labels.txt", "text", "the label followed by a colon"),
    Spec("portfolios.txt", "text", "the word before minister, secretary or commissioner, or within three words after one and \"of\" or \"for\""),
    Spec("titles.tsv", "text", "the word anywhere in the text", "words", package="quotegraph.vocab"),
    Spec("demonyms.tsv", "text", "the word anywhere in the text", "words"),
    Spec("gender.tsv", "text", "the word anywhere in the text", "words"),
    Spec("venues.tsv", "text", "the lemma within four words after one of its prepositions"),
    Spec("act_valence.tsv", "content", "the word in a gold content", "words", external=True),
    Spec("act_subjectivity.tsv", "content", "the word in a gold content", "words", external=True),
    Spec("first_names.tsv", "text", "the word anywhere in the text", "words", external=True),
    Spec("person_nouns.txt", "source", "the word in a gold source", "words", external=True),
    Spec("organization_nouns.txt", "source", "the word in a gold source", "words", external=True),
)


def rows(file: str, package: str = LEXICON) -> tuple[list[str], list[list[str]]]:
    """A lexicon file's header comment lines and its entries (columns split on tabs)."""
    text = (resources.files(package) / file).read_text(encoding="utf-8")
    header, out = [], []
    for line in text.splitlines():
        if line.startswith("#"):
            if not out:
                header.append(line.lstrip("# ").rstrip())
        elif line.strip():
            out.append([c.strip() for c in line.split("\t")])
    return header, out


def matcher(spec: Spec, row: list[str]) -> Callable[[Units], int]:
    """How one entry of a lexicon is counted in a set of units."""
    entry = row[0]
    if spec.file == "headline_labels.txt":
        return lambda u: occurrences(_word_rx(entry) + r"\s*:", u.joined("words"), entry)
    if spec.file == "portfolios.txt":
        titled = r"(?:minister|secretary|commissioner)"
        return lambda u: (occurrences(_word_rx(entry) + r"\s*" + titled, u.joined("words"), entry)
                          + occurrences(titled + r"\s+(?:of|for)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}" + _word_rx(entry),
                                        u.joined("words"), entry))
    if spec.file == "venues.tsv":
        # As setting.py reads it: the noun's lemma or its word, up to three words after the preposition.
        alts = "|".join(re.escape(p) for p in row[1].split())
        near = rf"(?<![\w'])(?:{alts})(?:\s+\S+){{0,3}}?\s+{re.escape(entry)}(?![\w'])"
        return lambda u: (occurrences(near, u.joined("lemmas"), entry)
                          or occurrences(near, u.joined("words"), entry))
    if spec.file == "act_content.tsv":
        kind, pattern = row[0], row[1]
        if kind == "root":
            return lambda u: u.count_lemma(pattern)
        return lambda u: u.count_word(pattern)
    if spec.form == "words":
        return lambda u: u.count_word(entry)
    # Lemmas; cue texts that are not lemmas ("according to", ":") fall back to the words.
    if not entry[0].isalpha():
        return lambda u: occurrences(re.escape(entry), u.joined("words"), entry)
    return lambda u: u.count_lemma(entry) or u.count_word(entry)


@dataclass
class Corpus:
    """The units to count in: per role for PolNeAR train and for the tune split; the bundled examples."""

    train: dict[str, Units]
    tune: dict[str, Units]
    examples: Units


def build(train: Sequence[GoldDoc], tune_docs: Sequence[GoldDoc], tune_labels: Sequence[ActLabel],
          nlp: Language) -> Corpus:
    """Parse the documents once (tagger and lemmatizer only) and cut them into units."""
    fast = [p for p in ("parser", "ner") if p in nlp.pipe_names]
    with nlp.select_pipes(disable=fast):
        examples = Units()
        for doc in nlp.pipe(p.read_text(encoding="utf-8") for p in example_paths()):
            examples.add(doc, 0, len(doc.text))
        return Corpus(_train_units(train, nlp), _tune_units(tune_docs, tune_labels, nlp), examples)


def _train_units(train: Sequence[GoldDoc], nlp: Language) -> dict[str, Units]:
    """PolNeAR train: each gold span in its role's units, each whole text in "text"."""
    units = {r: Units() for r in (*ROLES, "text")}
    for g, doc in zip(train, nlp.pipe((d.text for d in train), batch_size=32, n_process=PROCESSES)):
        units["text"].add(doc, 0, len(doc.text))
        for q in g.quotes:
            for role in ROLES:
                for s in getattr(q, role):
                    units[role].add(doc, s.start, s.end)
    return units


def _tune_units(docs: Sequence[GoldDoc], labels: Sequence[ActLabel], nlp: Language) -> dict[str, Units]:
    """The tune split: labelled contents for "content", whole texts for the other roles."""
    units = {r: Units() for r in (*ROLES, "text")}
    by_doc: dict[str, list[ActLabel]] = {}
    for lab in labels:
        by_doc.setdefault(lab.doc_id, []).append(lab)
    for g, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32)):
        for role in ("source", "cue", "text"):
            units[role].add(doc, 0, len(doc.text))
        for lab in by_doc.get(g.doc_id, ()):
            for s in lab.content:
                units["content"].add(doc, s.start, s.end)
    return units


@dataclass(frozen=True)
class Count:
    """One entry's support."""

    entry: str
    train: int
    tune: int
    examples: int = 0  # in the bundled example articles
    fired: int | None = None  # act tables: labelled statements it fires on
    agree: int | None = None  # … of which the label is the entry's act

    @property
    def supported(self) -> bool:
        """Whether it occurs outside the bundled examples: twice when an example has it too.

        One occurrence beside an example's may be the very item the entry was written for.
        """
        return self.train + self.tune >= (2 if self.examples else 1)


def count_lexicon(spec: Spec, corpus: Corpus, labelled: Sequence[tuple[str, str, str, str]] = ()
                  ) -> list[Count]:
    """Support of every entry of one lexicon. `labelled`: (gold act, cue key, content words, root lemmas)."""
    _, entries = rows(spec.file, spec.package)
    role = spec.role
    out = []
    for row in entries:
        m = matcher(spec, row)
        label = " ".join(row[:2]) if spec.file == "act_content.tsv" else row[0]
        fired = agree = None
        if labelled and spec.file in ("act_cues.tsv", "act_content.tsv"):
            fired, agree = _on_labels(spec.file, row, labelled)
        out.append(Count(label, m(corpus.train[role]), m(corpus.tune[role]), m(corpus.examples), fired, agree))
    return out


def _on_labels(file: str, row: list[str], labelled: Iterable[tuple[str, str, str, str]]) -> tuple[int, int]:
    if file == "act_cues.tsv":
        key, act = row[0], row[1]
        hits = [gold for gold, cue, _, _ in labelled if cue == key]
    else:
        kind, pattern, act = row[0], row[1], row[2]
        rx = re.compile(_lemma_rx(pattern) if kind == "root" else _word_rx(pattern))
        hits = [gold for gold, _, words, roots in labelled if rx.search(roots if kind == "root" else words)]
    return len(hits), sum(1 for g in hits if g == act)


def labelled_statements(docs: Sequence[GoldDoc], labels: Sequence[ActLabel], nlp: Language
                        ) -> list[tuple[str, str, str, str]]:
    """(gold act, cue key, content words, content root lemmas) per label matched to a statement."""
    from ..extract.acts import content_roots, content_tokens, cue_key
    from ..extract.spans import text_of
    from .acts import examples

    out = []
    for ex in examples(docs, labels, nlp):
        tokens = content_tokens(ex.doc, ex.draft)
        words = _norm(" ".join(text_of(ex.doc)[s:e] for s, e in ex.draft.content))
        roots = " ".join(t.lemma_.lower() for t in content_roots(tokens))
        out.append((ex.gold, cue_key(ex.doc, ex.draft) or "", words, roots))
    return out


def markdown(results: dict[str, list[Count]], n_train: int, n_tune: int, n_labels: int) -> str:
    """docs/lexicons.md: each lexicon's rule (its header) and every entry's support."""
    out = ["# Lexicons: the rule of each word list and every entry's support", "",
           "Generated by `python -m quotegraph.train.lexicon_support ../shared/data/polnear --out "
           "docs/lexicons.md`; do not edit by hand.", "",
           "Every entry of every word list in `src/quotegraph/extract/lexicon/` (and the titles in `vocab/`, "
           "shared with the store) needs support outside the "
           "bundled example articles, so that no rule exists only for one article or one labelled item:",
           "",
           "- it occurs at least once in PolNeAR train or in the act labels' `tune` split, outside the "
           "bundled examples;",
           "- when a bundled example has it too, at least twice (one occurrence may be the very item the "
           "entry was written for);",
           "- an entry known to have been written for the example article or for a held-out act label "
           "goes whatever its counts (issue 19 removed `on the table`, `could lead to`, `shot down` and "
           "the rhetorical-question openers this way).",
           "",
           f"`train` counts in PolNeAR train ({n_train} articles) in the role the rule reads (a gold cue, "
           f"content or source; otherwise the whole text). `tune` counts in the {n_tune} documents with "
           "`tune` act labels (for content words: in the labelled contents). For the two act tables, "
           f"`labels` says how many of the {n_labels} `train` and `tune` act labels (matched to an "
           "extracted statement) the entry fires on, and how many of those carry the entry's act "
           "(agree/fired): a low share marks a rule the labels do not bear out. The held-out act splits "
           "(`test`, `test2`) are never read. Five lists are taken whole from published lexicons and "
           "filtered only by the lexicon's own values, so no entry in them was chosen here; they are "
           "counted but not pruned.", ""]
    for spec in SPECS:
        header, _ = rows(spec.file, spec.package)
        counts = results[spec.file]
        unsupported = [c.entry for c in counts if not c.supported]
        out += [f"## `{spec.file}`", ""]
        first = header[: header.index("")] if "" in header else header  # its first paragraph
        out += [" ".join(first)]
        out += ["", f"Counted as {spec.measure}. {len(counts)} entries; "
                f"{len(counts) - len(unsupported)} with support."]
        if spec.external:
            out += ["Taken whole from a published lexicon (see the header): counted, not pruned."]
        if unsupported and not spec.external:
            out += ["", "Without support: " + ", ".join(unsupported) + "."]
        if not spec.external:
            out += ["", "entry train/tune" + (" (labels agree/fired)" if counts[0].fired is not None else "")
                    + ": " + "; ".join(_cell(c) for c in counts) + "."]
        out.append("")
    return "\n".join(out)


def _cell(c: Count) -> str:
    s = f"{c.entry} {c.train}/{c.tune}"
    return s + (f" ({c.agree}/{c.fired})" if c.fired else "")


def main(argv: Sequence[str] | None = None) -> None:
    """Count, print the unsupported entries, and write the markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path, help="folder with gold_train.jsonl and gold_dev.jsonl")
    ap.add_argument("--acts", type=Path, default=Path("tests/acts"), help="folder of the act label files")
    ap.add_argument("--out", type=Path, help="write the markdown table here")
    ap.add_argument("--limit", type=int, default=None, help="only the first N train documents (a smoke test)")
    args = ap.parse_args(argv)
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    train = read_gold_jsonl(args.polnear / "gold_train.jsonl")[: args.limit]
    labels = [lab for f in ("acts_gold.jsonl", "acts_train.jsonl") for lab in read_act_labels(args.acts / f)
              if lab.split in ("tune", "train") and lab.doc_id not in BUNDLED]
    tune_labels = [lab for lab in labels if lab.split == "tune"]
    texts = {d.doc_id: d for f in (args.polnear / "gold_dev.jsonl", args.acts / "acts_docs.jsonl")
             for d in read_gold_jsonl(f)} | {d.doc_id: d for d in train}
    tune_docs = [texts[i] for i in sorted({lab.doc_id for lab in tune_labels}) if i in texts]
    labelled_docs = [texts[i] for i in sorted({lab.doc_id for lab in labels}) if i in texts]
    corpus = build(train, tune_docs, tune_labels, nlp)
    labelled = labelled_statements(labelled_docs, labels, nlp)
    results = {s.file: count_lexicon(s, corpus, labelled) for s in SPECS}
    for spec in SPECS:
        gone = [c.entry for c in results[spec.file] if not c.supported]
        print(f"{spec.file}: {len(gone)} without support{': ' + ', '.join(gone) if gone else ''}")
    if args.out:
        args.out.write_text(markdown(results, len(train), len(tune_docs), len(labelled)), encoding="utf-8")


if __name__ == "__main__":
    main()
