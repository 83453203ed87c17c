"""Word lists as data files: reporting verbs and nouns, titles, nominal heads, demonyms, gendered words."""

from __future__ import annotations

from functools import cache
from importlib import resources

from ... import vocab


def _rows(name: str) -> list[list[str]]:
    text = (resources.files(__package__) / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(r[0].strip() for r in _rows(name))


@cache
def reporting_verbs() -> dict[str, str]:
    """Reporting verb lemma (or "verb particle") -> "speech" or "belief"."""
    return {r[0].strip(): (r[1].strip() if len(r) > 1 else "speech") for r in _rows("reporting_verbs.txt")}


def _reporting_verbs_marked(mark: str) -> frozenset[str]:
    return frozenset(r[0].strip() for r in _rows("reporting_verbs.txt") if len(r) > 2 and r[2].strip() == mark)


@cache
def object_verbs() -> frozenset[str]:
    """Reporting verbs whose bare noun-phrase object states what was said ("denied the charges")."""
    return _reporting_verbs_marked("object")


@cache
def question_verbs() -> frozenset[str]:
    """Reporting verbs of asking, whose question states what was said ("asked whether …")."""
    return _reporting_verbs_marked("question")


@cache
def reporting_nouns() -> dict[str, str]:
    """Noun lemma that reports speech or thought ("claim", "pledge") -> "speech" or "belief"."""
    return {r[0].strip(): (r[1].strip() if len(r) > 1 else "speech") for r in _rows("reporting_nouns.txt")}


@cache
def non_statements() -> frozenset[str]:
    """Cue lemmas whose infinitive complement reports not speaking ("declined to comment")."""
    return _words("non_statement_verbs.txt")


@cache
def headline_labels() -> frozenset[str]:
    """Lower-case labels before a headline colon ("watch", "the latest") that are not speakers."""
    return _words("headline_labels.txt")


@cache
def document_nouns() -> frozenset[str]:
    """Nouns for message carriers ("statement", "letter") whose issuer is the speaker."""
    return _words("document_nouns.txt")


@cache
def portfolios() -> frozenset[str]:
    """Portfolio words that join the title after them ("finance" in "Finance Minister")."""
    return _words("portfolios.txt")


def titles() -> frozenset[str]:
    """Lower-case title and role words ("spokesman", "prime minister"): vocab/titles.tsv, shared with the store."""
    return vocab.titles("title")


@cache
def nominals() -> dict[str, str]:
    """Head noun of a nominal mention -> the speaker type it implies."""
    return {r[0].strip(): r[1].strip() for r in _rows("nominals.tsv")}


@cache
def demonyms() -> dict[str, str]:
    """Lower-case demonym or country adjective -> country name."""
    return {r[0].strip(): r[1].strip() for r in _rows("demonyms.tsv")}


@cache
def gendered() -> dict[str, str]:
    """Lower-case gendered title or role -> "f" or "m" (first names: first_names)."""
    return {r[0].strip(): r[1].strip() for r in _rows("gender.tsv")}


@cache
def first_names() -> dict[str, str]:
    """Lower-case first name -> "f" or "m", from the SSA baby-name list (first_names.tsv)."""
    return {r[0].strip(): r[1].strip() for r in _rows("first_names.tsv")}


@cache
def person_nouns() -> frozenset[str]:
    """Nouns whose first WordNet sense is a person ("labourer", "brawler", "spokesman")."""
    return _words("person_nouns.txt")


@cache
def organization_nouns() -> frozenset[str]:
    """Nouns whose first WordNet sense is an organisation ("team", "board", "utility")."""
    return _words("organization_nouns.txt")


@cache
def act_cues() -> dict[str, tuple[str, float]]:
    """Cue lemma ("verb particle", or cue text such as "according to") -> (act, weight)."""
    return {r[0].strip(): (r[1].strip(), float(r[2])) for r in _rows("act_cues.tsv")}


@cache
def act_content() -> tuple[tuple[str, str, str, float], ...]:
    """Content cues as (kind, pattern, act, weight); kind is "phrase" or "root"."""
    return tuple((r[0].strip(), r[1].strip(), r[2].strip(), float(r[3])) for r in _rows("act_content.tsv"))


@cache
def venues() -> dict[str, frozenset[str]]:
    """Venue noun lemma ("briefing", "page") -> the prepositions that introduce it."""
    return {r[0].strip(): frozenset(r[1].split()) for r in _rows("venues.tsv")}


@cache
def issuing_verbs() -> frozenset[str]:
    """Verb lemmas whose agent issued a document ("a statement released by the campaign")."""
    return _words("issuing_verbs.txt")


@cache
def addressee_verbs() -> frozenset[str]:
    """Verb lemmas whose direct object is the one addressed ("urged Russia", "told reporters")."""
    return _words("addressee_verbs.txt")


@cache
def target_verbs() -> frozenset[str]:
    """Verb lemmas whose object is the statement's target ("accused Washington")."""
    return _words("target_verbs.txt")


@cache
def harm_verbs() -> frozenset[str]:
    """Lemmas of harm ("attack", "shoot") that make a future-tense content a threat or warning."""
    return _words("harm_verbs.txt")


@cache
def evidence_nouns() -> frozenset[str]:
    """Source lemmas that are findings, not speakers ("poll", "study", "results")."""
    return _words("evidence_nouns.txt")


@cache
def word_valence() -> dict[str, float]:
    """Word -> VADER valence (-4..4), for words with |valence| >= 1."""
    return {r[0].strip(): float(r[1]) for r in _rows("act_valence.tsv")}


@cache
def adjective_subjectivity() -> dict[str, float]:
    """Adjective -> Pattern subjectivity (0..1)."""
    return {r[0].strip(): float(r[2]) for r in _rows("act_subjectivity.tsv")}

