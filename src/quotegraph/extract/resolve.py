"""Speaker resolution: names with titles and affiliations, pronouns, nominals, documents, acronyms.

An `EntityIndex` is built once per document from its named mentions; each source mention is then
resolved to the entity behind it the way a careful reader does:

* the mention's own head names someone ("Veterans Affairs Minister Seamus O'Regan", "Holly
  Knowles, a board spokeswoman"): that entity, never a name inside a modifier, apposition or
  relative clause ("a lawyer with McMillan LLP" names the employer, not the speaker);
* a pronoun takes the most salient earlier person (or group, or organisation) that agrees with it
  in animacy, number and gender: recent, a grammatical subject or a speaker, and not a name
  inside someone else's quotation;
* a nominal ("the spokesman", "the company", "the 32-year-old labourer") takes the named person or
  organisation the article introduced with that role, or the person in focus;
* a document or an office ("the statement", "his office") takes whoever issued it;
* an acronym the article defines ("… Canada (IRCC)") takes its long name.

Where the evidence is weak the mention stays unresolved: a wrong name is worse than none.
Every resolution says how it was reached (`Speaker.via`) and how sure it is (`Resolution.certainty`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..ids import content_id
from ..types import Speaker
from .boilerplate import label_lines
from .indirect import concedes
from .lexicon import (
    demonyms,
    document_nouns,
    evidence_nouns,
    first_names,
    gendered,
    issuing_verbs,
    nominals,
    organization_nouns,
    person_nouns,
    portfolios,
    reporting_nouns,
    reporting_verbs,
    titles,
)
from .spans import children, text_of
from .transcript import turn_label

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "it": "org", "they": "plural",
            "them": "plural", "we": "plural", "i": "self", "you": "self"}
_POSSESSIVES = {"his": "m", "her": "f", "its": "org", "their": "plural"}
_GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                      "she": "f", "her": "f", "hers": "f", "herself": "f"}
_RANKS = frozenset({"major-general", "general", "gen.", "lieutenant-general", "colonel", "col.",
                    "captain", "capt.", "major", "maj.", "admiral", "rear-admiral", "vice-admiral",
                    "brigadier", "brigadier-general", "sergeant", "sgt.", "lieutenant", "lt.",
                    "marshal", "field marshal", "dr.", "prof.", "rev.", "sir", "mr.", "mrs.", "ms.",
                    "miss", "mr", "mrs", "ms", "dr", "prof"})
_NAME_ARTICLES = frozenset({"al", "el"})
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms"})
_ADDRESS = _HONORIFICS | {"sir", "dr", "prof", "rev"}  # forms of address among the ranks
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spox", "press secretary"})
# Words for one role that a title and a later description use interchangeably: "Justice Jane Roe"
# is "the judge".
_ROLE_FAMILIES = (_SPOKES, frozenset({"judge", "justice"}))

_OFFICES = frozenset({"office", "camp", "team", "spokesman", "spokeswoman", "spokesperson", "campaign"})
# Bodies that govern or stand for election: a government is a country's or a leader's, and a
# named party carries the word in its name, so "the administration" or "the party" is not
# whichever organisation the article named last (a union, a newspaper, a car maker).
_GOVERNING = frozenset({"administration", "government", "regime", "party"})
_ORG_TYPES = {"ORG": "organization", "GPE": "country", "NORP": "group", "FAC": "organization"}
_INDEXED = frozenset({"PERSON", *_ORG_TYPES})  # the labels an entity of the index has
_PLACE_ENTS = frozenset({"GPE", "LOC"})  # a place after a role completes the title
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                          "her", "our", "my", "your", "another", "one", "some"})
_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "many", "several", "two", "three"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
_PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "det", "pobj", "prep"})
_COMPARISONS = frozenset({"like", "unlike"})  # prepositions whose object is a comparison's standard
# Clauses of the writer's inside a report, where a name may be the speaker's own (_addressed).
_WRITERS_CLAUSES = frozenset({"relcl", "advcl", "appos", "parataxis"})
_NAME_CHARS = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.\-]*$")
# A pronoun is resolved only when its best antecedent leads the next by this much salience;
# below it, the mention is kept and the name left out (chosen on GGT dev, docs/resolution.md).
MIN_MARGIN = 0.5
NEAR_SENTENCES = 3  # how far back "the person" finds the "a person familiar with …" who spoke
# Salience weights (see _salience); chosen on GUM's Wikinews coreference and GGT dev (docs/resolution.md).
SALIENCE = {"main_subject": 1.5, "subject": 0.4, "possessor": 0.3, "quoted": -2.0, "speaker": 1.0,
            "last_speaker": 0.0, "prominence": 0.2, "unknown_gender": -1.5, "compared": -0.5}
# The most a mention's role can add to its recency (_salience).
_MAX_BONUS = max(SALIENCE["main_subject"], SALIENCE["subject"], SALIENCE["possessor"], 0.0) \
    + max(SALIENCE["quoted"], 0.0)


@dataclass(slots=True)
class Entity:
    """A person or organisation named in the document, with what the text says about it."""

    name: str
    type: str
    title: str | None = None
    affiliation: str | None = None
    positions: list[int] = field(default_factory=list)  # token indices of its mentions
    genders: dict[str, str] = field(default_factory=dict)  # evidence -> "f" | "m"
    aliases: list[str] = field(default_factory=list)
    full: bool = False  # introduced with a given name and a surname

    def gender(self) -> tuple[str | None, str | None]:
        """(gender, evidence): the text's own evidence first, then the first-name list."""
        text = {e: g for e, g in self.genders.items() if e != "name-list"}
        # A pronoun's gender comes through coreference, which errs ("found Kody on her couch"):
        # a title or role word the text gives outweighs it.
        if "pronoun" in text and len(text) > 1:
            del text["pronoun"]
        if len(set(text.values())) > 1:
            return None, "contradiction"
        # Where the pronoun is the only evidence in the text and the given name says otherwise,
        # the two contradict each other.
        named = self.genders.get("name-list")
        if set(text) == {"pronoun"} and named and named != text["pronoun"]:
            return None, "contradiction"
        if text:
            ev = next(e for e in ("honorific", "role", "pronoun") if e in text)  # the surest first
            return text[ev], ev
        if "name-list" in self.genders:
            return self.genders["name-list"], "name-list"
        return None, None

    def speaker(self, via: str = "name") -> Speaker:
        """The record form of this entity."""
        gender, evidence = self.gender() if self.type == "person" else (None, None)
        return Speaker(self.name, self.type, self.title, self.affiliation,
                       content_id(self.type, self.name.lower()), via=via,
                       gender={"f": "female", "m": "male"}.get(gender or ""),
                       gender_evidence=evidence, aliases=tuple(self.aliases))


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a source mention resolved to, how, and how sure the resolution is (0..1)."""

    speaker: Speaker | None
    via: str
    certainty: float
    # Anonymity decided where the resolution was made, not read again from the name: a
    # continuation has its head statement's ("Eastman" is also a common noun), and a description
    # its head noun's, which need not be its last word ("a source familiar with the talks").
    unnamed: bool | None = None

    @property
    def anonymous(self) -> bool:
        """An unnamed person or people ("officials", "a source familiar with the talks"): a
        description of someone the text never names; not an organisation speaking as itself."""
        if self.unnamed is not None:
            return self.unnamed
        sp = self.speaker
        if sp is None or sp.via not in ("none", "floating") or sp.type not in ("person", "group"):
            return False
        return _unnamed_head(sp.name.split()[-1].lower())


def _role_family(lemma: str) -> frozenset[str]:
    """The words for the role a noun names, itself included."""
    return next((f for f in _ROLE_FAMILIES if lemma in f), frozenset({lemma}))


def _unnamed_head(head: str) -> bool:
    """Whether a description's head noun names unnamed people ("source", "officials"), not an
    institution speaking as itself ("police")."""
    if head in organization_nouns():
        return False  # "police said": an institution speaking as itself
    return _noun_kind(head) in ("person", "group") or _noun_kind(head.removesuffix("s")) in ("person", "group")


UNRESOLVED = Resolution(None, "none", 0.0)


def _word(tok: Token) -> str:
    """The whitespace-delimited word a token belongs to ("Major-General" for "Major")."""
    doc = tok.doc
    s = e = tok.i
    while s > 0 and not doc[s - 1].whitespace_ and (doc[s - 1].text == "-" or tok.text == "-" or doc[s].text == "-"):
        s -= 1
    while e + 1 < len(doc) and not doc[e].whitespace_ and (doc[e + 1].text == "-" or doc[e].text == "-"):
        e += 1
    return doc[s : e + 1].text.lower()


def _is_title(tok: Token) -> bool:
    w = _word(tok)
    return w in titles() or tok.lower_ in titles() or tok.lower_.rstrip(".") + "." in titles()


def _titled_person(ent: Span) -> bool:
    """Whether a span the model calls an organisation is a title and a person's full name: title
    words first (a hyphenated rank too), then a listed given name and more capitalised words
    ("Major-General Igor Konashenkov"; not "the Justice Department", "General Motors Canada",
    "Major League Baseball", "TD Ameritrade")."""
    toks = list(ent)
    k = 0
    while k < len(toks) and (_is_title(toks[k]) or (k and toks[k].text == "-")):
        k += 1
    name = toks[k:]
    return (k > 0 and len(name) >= 2 and all(capitalised(t) for t in name)
            and name[0].lower_ in first_names())


def capitalised(tok: Token) -> bool:
    """A capitalised word, apostrophes and hyphens allowed (O'Regan, Brind'Amour, Nelson-Jones)."""
    return bool(_NAME_CHARS.match(tok.text)) and any(c.isalpha() for c in tok.text)


def split_name(tokens: list[Token]) -> tuple[list[Token], list[Token], list[Token]]:
    """Split a noun phrase into (affiliation tokens, title tokens, name tokens)."""
    # A possessive apostrophe alone ("CBC Sports' Jane Roe") ends the name as "'s" does.
    toks = [t for t in tokens if not t.is_punct or t.text in ("-", ".") or t.tag_ == "POS"]
    while toks and (toks[0].lower_ in _DETERMINERS or toks[0].dep_ == "case"):
        toks = toks[1:]
    i = len(toks)
    # The small tagger calls some names a number or a pronoun ("Brind'Amour"): a capitalised word
    # the entity recogniser puts in a person's name is still part of it.
    while i > 0 and ((capitalised(toks[i - 1]) and not (_is_title(toks[i - 1]) and not _title_surname(toks, i - 1))
                      and (toks[i - 1].pos_ in ("PROPN", "NOUN", "ADJ") or toks[i - 1].ent_type_ == "PERSON"))
                     or (_joins(toks, i - 1) and i < len(toks)) or _hyphen_tail(toks, i - 1)):
        i -= 1  # "Lauri Nelson-Jones": a hyphen inside a name joins its parts
    # A role alone ("the Minister of Foreign Affairs, Jane Roe") has no person in it.
    person = next((k for k in range(i, len(toks)) if toks[k].ent_iob_ == "B" and toks[k].ent_type_ == "PERSON"),
                  i if any(t.ent_type_ == "PERSON" for t in toks[i:]) else len(toks))
    if 2 <= i < person and toks[i - 1].lower_ in ("of", "for") and _is_title(toks[i - 2]):
        # "Secretary of State Jane Roe", "President of Harbour Bank Jane Roe": the capitalised words
        # between a title's preposition and the person's name are the title's object, which the
        # walk above took for the name's start. The role reads as one in apposition would.
        j = _title_start(toks, i - 1)
        affil, title = split_role(toks[j:person])
        return affil or _trim_affiliation(toks[:j]), title, toks[person:]
    j = _title_start(toks, i)
    return _trim_affiliation(toks[:j]), toks[j:i], toks[i:]


def _title_start(toks: list[Token], i: int) -> int:
    """Where the title that ends before toks[i] starts: its words and the words that lead into it."""
    j = i
    while j > 0:
        t = toks[j - 1]
        if _is_title(t) or (j < len(toks) and _leads_title(t, toks[j], j < i)):
            j -= 1  # "Prime Minister", "Finance Minister", "Foreign Affairs Minister": the phrase is the title
        elif j >= 2 and _is_title(toks[j - 2]) and j < i and t.lower_ not in ("of", "for"):
            j -= 1  # "Deputy Foreign Minister", "deputy Syria envoy"
        elif j == i and t.pos_ == "NOUN" and (t.is_lower or t.is_sent_start) and t.lemma_.lower() in person_nouns():
            j -= 1  # "researcher Mu Li": a person noun right before the name is a role
        elif j < i and _is_title(toks[j]) and capitalised(t) and not t.ent_type_ \
                and (t.tag_ == "VBG" or t.lower_.endswith("ing")):
            # "Managing Director", "Prosecuting Attorney" (tagged a proper noun in Title Case): a
            # participle that qualifies the title word is the title's, not the affiliation.
            j -= 1
        else:
            break
    while 0 < j < i and toks[j - 1].pos_ == "ADJ" and (toks[j - 1].is_lower or toks[j - 1].is_sent_start) \
            and not toks[j - 1].ent_type_:
        j -= 1  # "senior researcher", "Longtime spokesman" opening a sentence; a nationality is the affiliation
    while 0 < j < i and toks[j].ent_iob_ == "I" and toks[j].ent_type_ == "ORG":
        j -= 1  # a title does not start inside a name: "Veterans Affairs Minister" is one title
    return j


def _leads_title(t: Token, nxt: Token, in_title: bool) -> bool:
    """A word that makes a title with the next one: "Prime Minister", "Finance Minister", and a
    portfolio word before another already in the title ("Foreign Affairs Minister")."""
    return (f"{t.lower_} {nxt.lower_}" in titles() or t.lower_ in portfolios()
            and (nxt.lower_ in _PORTFOLIO_TITLES or in_title and nxt.lower_ in portfolios()))


def _trim_affiliation(affil: list[Token]) -> list[Token]:
    while affil and (affil[-1].dep_ == "case" or affil[-1].is_punct):
        affil = affil[:-1]
    return affil


def _title_surname(toks: list[Token], k: int) -> bool:
    """A title word that ends a person's name after a given name ("Dennis Major", "Howard Dean"):
    the recogniser holds both in one PERSON entity, and a title comes before a name, not after it."""
    t = toks[k]
    if k != len(toks) - 1 or k == 0 or t.ent_type_ != "PERSON" or t.ent_iob_ != "I":
        return False
    given = toks[k - 1]
    return (given.i == t.i - 1 and bool(given.whitespace_) and given.ent_type_ == "PERSON"
            and capitalised(given) and not _is_title(given))


def split_role(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split a role in apposition into (affiliation tokens, title tokens).

    "spokeswoman for the Department of Health": an organisation a preposition names is the
    affiliation. "ambassador to Ireland", "director of communications": a place or a common noun
    completes the title. "Nova Scotia's chief medical examiner": the lower-case words before the
    role noun are the title, a name or possessor before them the affiliation; a party or a
    nationality there ("Liberal MLA for Shediac Bay") is the affiliation, and what follows the
    preposition is the title's. "The Canadian Press" is an affiliation alone. A name in apposition
    ("Anna Berg, Tom Reid") or a pronoun is no role at all."""
    toks = [t for t in tokens if not t.is_punct or t.text in ("-", ".")]
    while toks and toks[0].lower_ in _DETERMINERS:
        toks = toks[1:]
    first = next((k for k, t in enumerate(toks) if k and t.dep_ == "prep"), len(toks))
    if not first:
        return [], []
    head = toks[first - 1]
    if head.pos_ not in ("NOUN", "PROPN") or (head.ent_type_ == "PERSON" and not head.text.isupper()):
        return [], []
    if head.ent_type_ == "ORG" and all(capitalised(t) or t.is_punct for t in toks[:first]):
        return toks, []
    j = _word_start(toks, first - 1)
    while j > 0:
        k = _word_start(toks, j - 1)
        if any(capitalised(t) or t.dep_ == "case" for t in toks[k:j]) or toks[k].lower_ in _DETERMINERS:
            break
        j = k  # "chief medical examiner", "would-be king": one role
    before = toks[:j]
    while before and (before[-1].dep_ == "case" or before[-1].is_punct):
        before = before[:-1]
    end, affil = len(toks), before
    for k in range(first, len(toks) if not any(t.ent_type_ == "NORP" for t in before) else first):
        obj = next((x for x in toks[k + 1:] if x.head.i == toks[k].i and x.dep_ == "pobj"), None)
        if toks[k].dep_ != "prep" or obj is None or obj.ent_type_ in _PLACE_ENTS or _portfolio(obj):
            continue
        if obj.ent_type_ or capitalised(obj) or any(capitalised(x) for x in children(obj) if x.i < obj.i):
            end, affil = k, toks[k + 1:]
            while affil and affil[0].lower_ in _DETERMINERS:
                affil = affil[1:]
            break
    return affil, toks[j:end]


def _portfolio(obj: Token) -> bool:
    """A preposition's object that is a portfolio ("of State", "of the Treasury", "for Foreign
    Affairs") completes the title, as the same word before one does ("Treasury Secretary"); one
    that only starts with a portfolio word names an organisation ("for the Foreign Ministry")."""
    return obj.lower_ in portfolios()


def _word_start(toks: list[Token], k: int) -> int:
    """Index in `toks` where the whitespace-delimited word holding toks[k] starts ("co-ordinator")."""
    while k > 0 and toks[k - 1].i == toks[k].i - 1 and not toks[k - 1].whitespace_:
        k -= 1
    return k


def _compound_head(tok: Token) -> Token:
    """The head noun of a hyphenated word with a preposition inside ("sergeant-at-arms",
    "editor-in-chief"): the noun before the preposition. The parser often heads the word at its
    last part, which makes "the sergeant-at-arms" plural and "the editor-in-chief" a chief."""
    doc = tok.doc
    j = tok.i
    while j >= 2 and doc[j - 1].tag_ == "HYPH" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2
    parts = [doc[k] for k in range(j, tok.i + 1, 2)]
    prep = next((k for k, t in enumerate(parts) if t.tag_ == "IN"), 0)
    return parts[prep - 1] if prep >= 1 and parts[prep - 1].pos_ in ("NOUN", "PROPN") else tok


def _family(words: Sequence[str]) -> bool:
    """Whether a name's lower-case words are a family name with its article ("al haddad"), no given name."""
    return len(words) > 1 and words[0] in _NAME_ARTICLES


def _shared_surname(given: Token) -> Token | None:
    """The surname a lone name shares with the full name coordinated right after it ("Jane and
    Michael Porter", a couple named with one surname): that name's last word.

    The second name must start with a given name, and the lone one must be no one's surname in the
    article: "Obama and Hillary Clinton" names two families.
    """
    doc, i = given.doc, given.i
    if i + 3 >= len(doc) or doc[i + 1].lower_ not in ("and", "&"):
        return None
    second = doc[i + 2]
    if second.ent_iob_ != "B" or second.ent_type_ != "PERSON" or second.lower_ not in first_names():
        return None
    end = second.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    last = doc[end - 1]
    if end - second.i < 2 or last.dep_ != "conj" or last.head.i != i or not capitalised(last):
        return None
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    return None if given.lower_ in surnames else last


def _joins(toks: list[Token], k: int) -> bool:
    """A hyphen written tight between two capitalised words ("Nelson-Jones", "Merriam-Webster")."""
    t = toks[k]
    return (t.text == "-" and not t.whitespace_ and 0 < k < len(toks) - 1 and toks[k - 1].i == t.i - 1
            and not toks[k - 1].whitespace_ and capitalised(toks[k - 1]))


def _hyphen_tail(toks: list[Token], k: int) -> bool:
    """A lower-case last part written tight after a hyphen in a name ("Kim Jong-un", "Ri Sol-ju")."""
    t = toks[k]
    return (k == len(toks) - 1 and k >= 2 and t.is_alpha and t.is_lower and toks[k - 1].text == "-"
            and toks[k - 1].i == t.i - 1 and toks[k - 2].i == t.i - 2
            and not toks[k - 1].whitespace_ and not toks[k - 2].whitespace_ and capitalised(toks[k - 2]))


def _join(tokens: Sequence[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    # A name is written with single spaces, and starts with a letter or digit: a hyphen or the
    # end of a tag the page left glued to it ("-Todd Rogers", '">Sanders') is no part of it.
    return _NAME_START.sub("", " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split()))


_NAME_START = re.compile(r"^[^\w(]+")


def _title_text(tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    words: list[str] = []
    ends: list[tuple[int, int]] = []  # each word's first and last token index in the text
    for k, t in enumerate(tokens):
        if k and not tokens[k - 1].whitespace_ and tokens[k - 1].i == t.i - 1:
            words[-1] += t.text  # "Major" "-" "General" is one word
            ends[-1] = (ends[-1][0], t.i)
        else:
            words.append(t.text)
            ends.append((t.i, t.i))

    def role_word(n: int, k: int) -> bool:
        return 0 <= n < len(words) and words[n].lower() not in _RANKS and abs(ends[n][0] - ends[k][0]) == 1

    def rank(k: int) -> bool:
        # A rank comes right before a name, so one spelled out right before a role word is part of
        # the role ("Lieutenant Governor"), as is "general" after one, where it is an adjective
        # ("Attorney General"); elsewhere ("spokesman Captain Jeff Davis", "Gen.", "Dr.") it is a rank.
        w = words[k].lower()
        if w not in _RANKS:
            return False
        if not w.isalpha() or w in _ADDRESS:
            return True
        return not (role_word(k + 1, k) or w == "general" and role_word(k - 1, k))

    ranks: list[str] = []
    for k, w in enumerate(words):
        if rank(k):
            if ranks and rank(k - 1) and ends[k - 1][1] + 1 == ends[k][0] and w.isalpha() and words[k - 1].isalpha():
                ranks[-1] += " " + w  # "Major General", "Rear Admiral": one rank in two words
            else:
                ranks.append(w)
    roles = [w for k, w in enumerate(words) if not rank(k)]
    parts = [" ".join(roles)] if roles else []
    parts += [w for w in ranks if w.lower() not in _HONORIFICS]
    return ", ".join(p for p in parts if p) or None


def _affiliation_text(tokens: list[Token]) -> str | None:
    s = _join(tokens)
    if not s:
        return None
    return demonyms().get(s.lower(), s)


def _core(head: Token) -> list[Token]:
    """A noun phrase's head with its left modifiers: no apposition, relative clause or prepositional tail."""
    left = [t for t in head.subtree if t.i < head.i and not t.is_punct]
    keep = []
    for t in left:
        # Left modifiers only, and no clause hanging on one of them ("the man, who …").
        anc, ok = t, True
        while anc.i != head.i:
            if anc.dep_ in ("appos", "relcl", "acl", "prep", "pobj", "cc", "conj"):
                ok = False
                break
            anc = anc.head
        if ok:
            keep.append(t)
    return [*keep, head]


# A modifier after a description's head that tells who the person is ("familiar with the talks",
# "close to the minister", "briefed on the plan"); an apposition or relative clause says more
# about them and is left to the mention.
_TAIL_DEPS = frozenset({"amod", "prep", "acl", "advmod"})


def _tail(head: Token, end: int) -> list[Token]:
    """The modifiers after a noun phrase's head that say who it is, up to the mention's end."""
    out: list[Token] = []
    for c in head.rights:
        if c.dep_ not in _TAIL_DEPS or c.i >= end or (c.dep_ == "acl" and c.pos_ != "VERB"):
            break  # an "acl" the tagger calls a noun is a misparse ("a study documenting" as NN)
        for t in c.subtree:
            if t.i >= end:
                return out  # cut by the cue or what was said ("a study documenting … said"): left out
            if (t.is_punct and t.text not in "-'") or _in_clause(t, c):
                # A comma or a relative clause starts what is said about them ("…, who asked not
                # to be named", "sources familiar with the talks who were not authorised to …").
                return out + list(t.doc[c.left_edge.i : t.i])
        out += list(c.subtree)
    return out


def _in_clause(tok: Token, top: Token) -> bool:
    """Whether `tok` lies in a relative clause or apposition on its way up to `top`."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "appos"):
            return True
        tok = tok.head
    return False


def _parts(ent: Span) -> list[Span]:
    """An entity's parts, where the small model ran two mentions into one: split at paragraph
    breaks (a caption's "Justin Trudeau" / "Trudeau urged …" as one PERSON made one name the
    other's affiliation), and a person's name at an inner possessive ("Jane Roe's
    Liberals": the person, then what is theirs, a group when it is a plural name). A dash or space
    the model ran into the name ("― Ann Lee", a signature) is no part of it."""
    doc, out, start, label = ent.doc, [], ent.start, ent.label_
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or "\n" in doc[i].text:
            if i > start:
                out.append(Span(doc, start, i, label=label))
            start = i + 1
        elif label == "PERSON" and doc[i].tag_ == "POS" and start < i < ent.end - 1:
            out.append(Span(doc, start, i, label=label))
            start = i + 1
            label = "NORP" if doc[ent.end - 1].tag_ == "NNPS" else "ORG"
        elif label not in _INDEXED and doc[i].tag_ == "POS" and start < i < ent.end - 1 \
                and _possessed_person(doc[i + 1 : ent.end]):
            # "Vancouver's Jane Roe said", which the model took for a title (WORK_OF_ART): what
            # follows the possessive is a person; what precedes it, her affiliation (_np_tokens).
            start, label = i + 1, "PERSON"
    return [t for t in (_trimmed(_name_only(p)) for p in out) if t is not None]


def _name_shaped(toks: list[Token]) -> bool:
    """Two or three capitalised proper nouns: the shape of a person's full name."""
    return 2 <= len(toks) <= 3 and all(t.pos_ == "PROPN" and capitalised(t) for t in toks)


def _possessed_person(name: Span) -> bool:
    """Whether the words after an inner possessive of an entity that is neither a person nor an
    organisation are a person's name ("Twitter's Jane Roe"): two or three capitalised proper
    nouns, none a title or a word of an organisation or a country ("the Navy's Blue Angels"), that
    open with a listed given name or speak ("… Bo Roe said")."""
    toks = list(name)
    if not _name_shaped(toks) or any(_is_title(t) or t.lower_ in organization_nouns() or t.lower_ in _places() for t in toks):
        return False
    root = name.root
    speaks = root.dep_ in _SUBJECT_DEPS and root.head.lemma_.lower() in reporting_verbs()
    return toks[0].lower_ in first_names() or speaks


# Tags no word of a person's name has: a verb, a modal, the "to" of an infinitive, a preposition,
# an adverb, a conjunction. Particles of names ("van", "bin", "de la") are tagged NNP, as the rest
# of the name. A pronoun ends a name too, but the tag alone does not tell one ("Brind'Amour" was
# tagged as one).
_NOT_NAME_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "TO", "IN", "RB", "CC"})


def _name_only(p: Span) -> Span:
    """A person's name without the words of a headline the small model ran into it ("Ted Roe
    Says He Never …", in Title Case; "Tom Roe of Acme"): the name ends before its first word of
    another kind (_NOT_NAME_TAGS)."""
    if p.label_ != "PERSON":
        return p
    end = next((t.i for t in p[1:] if t.tag_ in _NOT_NAME_TAGS or t.lower_ in PRONOUNS), p.end)
    return p if end == p.end else Span(p.doc, p.start, end, label=p.label)


def _trimmed(p: Span) -> Span | None:
    # Only what no name starts with, or ends with: a closing bracket or "Jr." stays.
    start, end = p.start, p.end
    while start < end and (p.doc[start].is_space or p.doc[start].is_punct):
        start += 1
    # A bracket the name opens and does not close is the start of an aside the model ran into it
    # ("the World Health Organisation (WHO) said": the acronym is an alias, not part of the name).
    end = next((t.i for t in p.doc[start:end] if t.text in "([" and not any(
        u.text in ")]" for u in p.doc[t.i + 1 : end])), end)
    while end > start and (p.doc[end - 1].is_space or p.doc[end - 1].text in "-—–―,;:"):
        end -= 1
    return Span(p.doc, start, end, label=p.label) if end > start else None


def _known_people(parts: list[Span]) -> list[Span]:
    """Another entity run into a person's full name that the article tags on its own ("The Canadian
    Press Anne Roe", a photo credit run into its caption's subject): the prefix, then the person."""
    names = {p.text for p in parts if p.label_ == "PERSON" and len(p) > 1}
    out = []
    for p in parts:
        cut = next((i for i in range(p.start + 1, p.end - 1) if p.label_ != "PERSON"
                    and p.doc[i : p.end].text in names), None)
        out += [p] if cut is None else [Span(p.doc, p.start, cut, label=p.label), Span(p.doc, cut, p.end, label="PERSON")]
    return out


def _is_subject(tok: Token) -> bool:
    """A grammatical subject, or a name the small tagger misread standing where the subject
    does: right before a verb that has none ("McNeely found herself", "McNeely" read as an
    adverb for its "-ly")."""
    if tok.dep_ in _SUBJECT_DEPS:
        return True
    verb = tok.head
    return (tok.dep_ in ("advmod", "npadvmod") and tok.pos_ in ("PROPN", "ADV") and capitalised(tok)
            and verb.pos_ in ("VERB", "AUX") and tok.i < verb.i
            and not any(c.dep_ in _SUBJECT_DEPS for c in children(verb)))


def _owner(noun: Token) -> Token | None:
    """Whose a noun is: its possessor, or a name before it ("Ford's government", "the Sanders
    campaign")."""
    return next((c for c in children(noun) if c.dep_ == "poss"), None) or next(
        (c for c in reversed(children(noun)) if c.dep_ == "compound" and c.pos_ == "PROPN"), None)


def _phrase_head(noun: Token) -> Token:
    """The head of the noun phrase a noun modifies ("email" of "an email fundraising appeal")."""
    while noun.dep_ == "compound" and noun.head is not noun:
        noun = noun.head
    return noun


def _indefinite(noun: Token) -> bool:
    """Whether a noun, or the phrase it modifies ("an email appeal"), opens with "a", "an", "one"."""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in children(_phrase_head(noun)))


def _issuing(verb: Token) -> bool:
    """Whether a verb is one whose agent issues a document ("released by", "sent out by")."""
    # "e-mailed" is "emailed" spelled another way.
    return verb.lemma_.lower().replace("-", "") in issuing_verbs()


def _in_main_clause(tok: Token) -> bool:
    """Whether a word hangs on its sentence's main verb, or on a verb coordinated with it."""
    return tok.head.dep_ == "ROOT" or (tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT")


def _usual_label(ent: Span, labels: Counter[str]) -> Span:
    """The entity with the label the document gives its words most often: the small model calls
    a company a person at one of its mentions ("Facebook said"), which made two speakers of it."""
    label = max(labels, key=lambda k: (labels[k], k == ent.label_))
    return ent if label == ent.label_ else Span(ent.doc, ent.start, ent.end, label=label)


class EntityIndex:
    """Named entities of one document and the resolution of mentions to them."""

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]] = ()):
        self.doc = doc
        self.entities: list[Entity] = []
        self._by_token: dict[int, Entity] = {}
        self._spoke: dict[int, list[int]] = {}  # id(entity) -> token indices where it was a speaker
        self._ids: dict[str, Entity] = {}  # speaker id -> entity (_entity_of)
        self._ids_n = 0  # how many entities _ids was built from
        self._lone_people: set[str] = set()  # set from the entities below, before any is added
        self._unnamed_spoke: list[tuple[int, Speaker]] = []  # (head token, speaker) of unnamed descriptions that spoke
        self._sent = [0] * len(doc)
        for n, s in enumerate(doc.sents):
            for i in range(s.start, s.end):
                self._sent[i] = n
        self._quoted = [False] * len(doc)
        for s, e in quoted:
            span = doc.char_span(s, e, alignment_mode="expand")
            for t in span or ():
                self._quoted[t.i] = True
        self._credit = _credits(doc)
        self._link_line = [False] * len(doc)
        for a, b in label_lines(text_of(doc)):
            span = doc.char_span(a, b, alignment_mode="expand")
            for t in span or ():
                self._link_line[t.i] = True
        # An entity the model ran over a photo credit and the caption's first words ("Jane
        # Roe/CP Finance") is neither; one that is only the credit stays, as the photographer.
        parts = _known_people([p for ent in doc.ents for p in _parts(ent)
                               if all(self._credit[t.i] for t in p) or not any(self._credit[t.i] for t in p)])
        for p in parts:
            if p.label_ != "PERSON" and self._agency_of_credit(p):
                for t in p:
                    self._credit[t.i] = True
        labels: dict[str, Counter[str]] = {}
        for p in parts:
            labels.setdefault(p.text, Counter())[p.label_] += 1
        # Surnames the model tags as a person standing alone, anywhere in the article (_looks_personal).
        self._lone_people = {t for t, n in labels.items() if n["PERSON"] and " " not in t}
        for p in parts:
            self._add(_usual_label(p, labels[p.text]))
        self._untagged_people()
        self._acronyms()
        self._repeats()
        # Each entity's mentions in text order, bylines and photo credits left out (_salience).
        self._heard = {id(e): sorted(p for p in e.positions if not self._credit[p]) for e in self.entities}
        self._genders()

    # -- building -------------------------------------------------------------------------------
    def _agency_of_credit(self, p: Span) -> bool:
        """Whether an organisation follows a photo credit's spaced slash ("Jane Roe / The Canadian
        Press Ann Lee waves", which the model may run into the caption's name): the agency is the
        credit's too, and never a "they" of the story's."""
        k, slash = p.start - 1, False
        while k >= 0 and not self._credit[k] and (self.doc[k].text == "/" or self.doc[k].lower_ == "the"
                                                   or self.doc[k].is_space):
            slash = slash or self.doc[k].text == "/"
            k -= 1
        return slash and k >= 0 and self._credit[k]

    def _np_tokens(self, ent: Span) -> list[Token]:
        """The noun phrase around a named mention: its compound/amod/poss pre-modifiers."""
        head = ent.root
        left = {t.i for t in head.subtree if t.i < ent.start and t.dep_ in _PREMODIFIER_DEPS
                and not any(c.dep_ in _SUBJECT_DEPS for c in t.children)}

        def premodifies(t: Token) -> bool:
            # Through premodifiers only: not "lawyers for X called witness Jane Roe", where the
            # parser hangs a clause's words on the name.
            while t.i not in range(ent.start, ent.end):
                if t.i not in left:
                    return False
                t = t.head
            return True

        start = min([i for i in left if premodifies(self.doc[i])] + [ent.start])
        # A photo credit run into a caption ("Jane Roe/CP Finance Minister John Moe waves") is
        # neither the person's title nor where they work.
        start = max([start, *(i + 1 for i in range(start, ent.start) if self._credit[i])])
        return list(self.doc[start : ent.end])

    def _add(self, ent: Span) -> None:
        if len(ent) > 1 and ent[-1].tag_ == "POS":
            # "the Harbour Safety Board's ruling": the model may tag the "'s" (a slice has no label)
            ent = Span(ent.doc, ent.start, ent.end - 1, label=ent.label)
        label = ent.label_
        toks = list(ent)
        if label == "ORG" and _titled_person(ent):
            label = "PERSON"  # "Major-General Igor Konashenkov": the small model calls it ORG
        elif label in ("ORG", "GPE", "NORP") and self._looks_personal(ent):
            label = "PERSON"  # "Valeska Paris, an Australian woman": the small model calls it a place
        if label == "PERSON":
            affil, title, name = split_name(self._np_tokens(ent))
            apposed = self._apposition(ent)
            if apposed is not None:
                # A role before the name reads like a premodifier ("the UN's deputy Syria envoy,
                # Ramzy"); one after it, like a description ("Ramzy, deputy envoy for Syria").
                # One with a preposition ("the president of the union, Ramzy") reads as a role after it does.
                a2, t2 = (split_role(apposed) if apposed and (apposed[0].i > ent.start or any(t.dep_ == "prep" for t in apposed))
                          else split_name(apposed)[:2])
                if all(_word(t) in _RANKS for t in title):
                    title = [*t2, *title]  # "Dr. Jane Roe, a radiation oncologist": rank and role
                affil = affil or a2
            if not name:
                # A lone surname that is also a title word ("Dean said"): still a name, not a title.
                name = [t for t in toks if capitalised(t) and t.pos_ == "PROPN"][-3:]
                title = [t for t in title if t not in name]
            if name:
                if self._link_line[ent.start] or any(self._credit[t.i] for t in [*title, *affil]):
                    # A link line is another article's headline, in headline grammar ("WATCH:
                    # Voters’ anger hands’s Roe the win"): its name counts, its roles do not.
                    # Nor do the words of a photo credit the parser ran into a caption's name
                    # ("Jane Roe / The Daily Star John Moe and his wife"), through an apposition.
                    title, affil = [], []
                self._person(name, title, affil)
            return
        if label not in _ORG_TYPES or not any(capitalised(t) or t.is_digit for t in toks):
            return  # "the federal department" in lower case is a description, not a name
        # The small model often tags a lone surname as an organisation ("Zakharova asked").
        known = len(toks) == 1 and self._surname(toks[0].lower_, toks[0].i)
        if known:
            self._mention(known, [toks[0]])
            return
        text = ent.text
        first = text.split(" ", 1)
        if len(first) == 2 and first[0].lower() in ("the", "a", "an"):
            text = first[1]
        typ = _ORG_TYPES[label]
        if label == "NORP":
            country = demonyms().get(text.lower())
            if country:
                text, typ = country, "country"
        e = self._find(lambda x: x.name.lower() == text.lower())
        if e is None:
            e = Entity(text, typ)
            self.entities.append(e)
        elif e.name.isupper() and not text.isupper():
            e.name = text  # a headline's "GREENS" is the "Greens" of the story's text
        e.positions.append(ent.root.i)
        for t in ent:
            self._by_token[t.i] = e

    def _untagged_people(self) -> None:
        """A given name and a surname the small model left untagged ("For Carole Okafor, the
        strokes meant leaving her job") are a person where the surname stands alone elsewhere as a
        verb's subject ("Okafor said"); a team, a school or an index ("Toronto Argonauts", "Central
        High") is never so."""
        doc = self.doc
        lone = {t.text for t in doc if t.dep_ in _SUBJECT_DEPS and t.pos_ == "PROPN"
                and not any(c.dep_ == "compound" for c in t.children)}
        for t in doc:
            if t.text not in lone or t.pos_ != "PROPN" or t.dep_ == "compound" or t.ent_type_ \
                    or t.i in self._by_token or t.tag_ == "NNPS" or t.is_upper:
                continue
            given = doc[t.i - 1] if t.i else None
            if given is not None and given.head.i == t.i and given.dep_ == "compound" and not given.ent_type_ \
                    and given.i not in self._by_token and capitalised(given) and given.lower_ in first_names():
                self._person([given, t], [], [])

    def _looks_personal(self, ent: Span) -> bool:
        """A name the small model took for a place or an organisation: a given name then one or
        two more names, or a name then the surname of a person named before ("Omar Roe … For
        Ouarda Roe, Friday") or that the model tags as a person alone anywhere in the article
        ("For Morgan Roe in Edmonton, …" tagged an organisation, then "Roe said"), or anything in
        apposition to a noun for a person."""
        head = ent.root
        apposed = [c for c in children(head) if c.dep_ == "appos"]
        if head.dep_ == "appos":
            apposed.append(head.head)
        if any(c.pos_ == "NOUN" and c.lemma_.lower() in person_nouns() for c in apposed):
            return True
        toks = [t for t in ent if not t.is_punct]
        # A rank that the name list also holds as a given name ("General", "Major") opens a
        # company's name ("General Motors", "Major League Baseball"), not a person's.
        if not (_name_shaped(toks) and toks[0].lower_ not in _RANKS and ent.text.lower() not in _places()):
            return False
        # A word the US list lacks is still a given name before a family's name the article gives
        # a person, where it is no word of a role or an organisation ("Team Roe", "Senator Roe").
        # Both are words of letters ("Ratehub Inc." after a company the model called a person),
        # and the first is no one's surname.
        given, last = toks[0], toks[-1]
        kin = (len(toks) == 2 and given.is_alpha and last.is_alpha
               and not any(w in lex for w in (given.lower_, last.lower_)
                           for lex in (organization_nouns(), person_nouns(), titles()))
               and (self._surname(last.lower_, ent.start) is not None or last.text in self._lone_people)
               and not self._surname(given.lower_, ent.start))
        return toks[0].lower_ in first_names() or kin

    def _mention(self, e: Entity, name: list[Token]) -> None:
        e.positions.append(name[-1].i)
        for t in name:
            self._by_token[t.i] = e

    def _apposition(self, ent: Span) -> list[Token] | None:
        head = ent.root
        # A name the parse hangs as an apposition on a verb (the quoted clause before it) has
        # no role there.
        if head.dep_ == "appos" and head.head.pos_ not in ("VERB", "AUX"):
            h = head.head
            # The role with its prepositional object ("the Minister of Foreign Affairs, Jane Roe"),
            # up to the name.
            return [t for t in h.subtree if t.i < ent.start and not t.is_punct]
        for c in children(head):
            # A word in quote marks ('Merriam-Webster ("justice")') is what they said, not a role.
            if c.dep_ == "appos" and c.i > head.i and not self._quoted[c.i]:
                # "Cres Eastman, Professor of X and Chairman of Y": the first role is enough
                toks = []
                for t in c.subtree:
                    tight = t.text == "-" and not t.whitespace_  # "co-founder" is one word
                    # A second role ends it; "director of health care and rehabilitation
                    # programs" is one, whose preposition's object is coordinated.
                    second = t.dep_ in ("cc", "conj") and t.head.i == c.i
                    if t.i > c.i and ((t.is_punct and not tight) or second or t.dep_ in ("relcl", "acl")):
                        break
                    if t.tag_ in ("WDT", "WP", "WP$"):
                        break  # "a refugee who …": the relative clause is not the role
                    toks.append(t)
                # "Mr Smith, 54,": an age is not a role; nor is a social-media handle ("Jane Roe
                # (@janeroe)"), the name they post under.
                kept = [t for t in toks if not t.is_punct or (t.text == "-" and not t.whitespace_)]
                return kept if not all(t.like_num or t.text.startswith("@") for t in toks) else None
        return None

    def _surname(self, low: str, at: int, gender: str | None = None) -> Entity | None:
        """The person a lone surname most likely names: the one with that surname most in focus.

        A word no given name in the list starts a full name with is a family name written first
        ("Hua" of "Hua Chunying", "Kim" of "Kim Jong Un"), and counts as that person's surname.
        Where two people share it, the gender the mention shows (`gender`, from its honorific or
        role: "Mrs. Roe") rules out the one of the other gender, as does a pronoun in the
        surname's own clause ("Roe says she will …") where the mention shows none."""
        first = low not in first_names()
        found = [x for x in self.entities if x.type == "person" and (
            x.name.lower().split()[-1] == low or first and x.full and x.name.lower().split()[0] == low)]
        if len(found) > 1 and gender is None and at < len(self.doc) and _is_subject(self.doc[at]):
            # Only a subject pronoun: the index is still being built, so a possessive may be that
            # of someone not yet indexed ("Roe said the scandal is the latest in her career").
            said = self._clause_pronoun(self.doc[at], None, subject=True)
            gender = _GENDERED_PRONOUNS[said] if said else None
        if len(found) > 1 and gender is not None:
            found = [x for x in found if x.gender()[0] in (None, gender)] or found
        if len(found) <= 1:
            return found[0] if found else None
        # Two people share the surname (a couple, a father and son): the one mentioned most,
        # and of those the one introduced first, is who the surname alone refers to. One whose
        # first word is no given name ("Studio Brandvold", a firm the small model calls a person)
        # comes after one whose is.
        return max(found, key=lambda x: (x.name.split()[0].lower() in first_names(),
                                         len([p for p in x.positions if p < at]), -min(x.positions or [at])))

    def _given(self, low: str) -> Entity | None:
        """The person a lone given name names where writers use one: one of two people who share a
        surname ("Jane Porter and her husband, Michael Porter, … says Michael").

        Only then: elsewhere a lone name that a full name starts with is as likely a surname
        written first ("Kim" of "Kim Jong Un"). The kin are the test, not a list of given names,
        which leaves out those given to both sexes ("Robin and Peter Haldane … Robin said").
        """
        found = [x for x in self.entities if x.type == "person" and x.full and x.name.lower().split()[0] == low]
        if len(found) != 1:
            return None
        surname = found[0].name.lower().split()[-1]
        kin = any(x is not found[0] and x.type == "person" and x.name.lower().split()[-1] == surname
                  for x in self.entities)
        return found[0] if kin else None

    def _person(self, name: list[Token], title: list[Token], affil: list[Token]) -> None:
        if len(name) > 2:
            # "Getty Images Kevin Vickers" (a photo credit run into a name), "United States Hamdullah
            # Mohib" (a place run into one): the name starts at its first given name, or after the place.
            # Only at a word's start: "Merriam-Webster" is one word, not a run-in "Merriam-".
            starts = [0, *(k for k in range(1, len(name)) if name[k - 1].whitespace_)]
            # An Arabic article inside a name ("Amal Al Haddad", "Ahmed al Ashry") follows the given
            # name; it is no given name "Al" that a run-in word comes before.
            k = next((k for k in starts if name[k].lower_ in first_names()
                      and not (k and name[k].lower_ in _NAME_ARTICLES)), 0)
            if not k:
                k = max((j for j in starts if 0 < j < len(name) - 1 and _join(name[:j]).lower() in _places()), default=0)
            name = name[k:]
        full = _join(name)
        surname = name[-1].lower_
        shared: Token | None = None
        # "Al Haddad" after "Amal Al Haddad", "Paz Akin" after "Lorena Paz Akin": the end of a full
        # name already named is that person's family name, with no given name of its own.
        e = self._find(lambda x: x.type == "person" and (x.name.lower() == full.lower() or len(name) > 1 and x.full
                                                         and x.name.lower().endswith(" " + full.lower())))
        family = _family([t.lower_ for t in name]) or (e is not None and e.name.lower() != full.lower())
        if e is None and len(name) == 1:
            shown = next((gendered()[t.lower_] for t in title if t.lower_ in gendered()), None)
            e = self._surname(surname, name[0].i, shown) or self._given(surname)
            shared = None if e or title else _shared_surname(name[0])
            if shared is not None:
                # "Jane and Michael Porter": the couple's surname is written once, after the second name.
                full, surname = f"{name[0].text} {shared.text}", shared.lower_
                e = self._find(lambda x: x.type == "person" and x.name.lower() == full.lower())
        if e is None and len(name) > 1:
            # "Jane Smith" after a lone "Smith": the same person, now with a given name; not after
            # "Mr. Smith", whose honorific says he is someone else ("Mr. Obama" … "Michelle Obama").
            given = first_names().get(name[0].lower_)
            e = self._find(lambda x: x.type == "person" and not x.full and (
                x.name.lower() == surname or _family(x.name.lower().split()) and full.lower().endswith(" " + x.name.lower()))
                and (given is None or x.genders.get("honorific", given) == given))
        new = e is None
        if e is None:
            e = Entity(full, "person")
            self.entities.append(e)
        if (len(name) > 1 and not family or shared is not None) and not e.full:
            e.name, e.full = full, True
            # The lone name it went by is its surname: what the name list says of that word
            # ("Clinton", a man's given name) says nothing of this person's given name ("Hillary").
            e.genders.pop("name-list", None)
        e.title = e.title or _title_text(title)
        if not e.affiliation and affil:
            e.affiliation = self._affiliation(affil)
        # The affiliation and an honorific not right before the name are someone else's ("Nina
        # Turner, a surrogate for Mr. Sanders"; "an aide to the congressman").
        for t in title:
            g = gendered().get(t.lower_)
            if g and t.lower_ in _HONORIFICS and t.i + 1 != name[0].i:
                continue
            if g:
                e.genders.setdefault("honorific" if t.lower_ in _HONORIFICS else "role", g)
        # A given name, or a lone name no one named before goes by ("Darrin, 41, said"); a lone
        # surname of someone named before is theirs (found above), with their given name's evidence.
        if (len(name) > 1 or new) and not family:
            g = first_names().get(name[0].lower_) or gendered().get(name[0].lower_)
            if g:
                e.genders.setdefault("name-list", g)
        self._mention(e, name)

    def _affiliation(self, toks: list[Token]) -> str | None:
        # "The ministry's spokeswoman": the possessor is a nominal; resolve it to the named org.
        if len(toks) == 1 and toks[0].lower_ in nominals():
            org = self._latest(toks[0].i, lambda x: x.type == "organization" and toks[0].lower_ in x.name.lower())
            if org:
                return org.name
        # "longtime Democratic pollster", "former Obama aide", "Both Jane Roe and …", "Even
        # Veterans Affairs deputy minister …": a word that qualifies the role or opens the
        # sentence is not the organisation's.
        while toks and (not capitalised(toks[0]) or toks[0].pos_ in ("DET", "PRON", "CCONJ", "SCONJ", "ADV")
                        or toks[0].pos_ == "ADJ" and not toks[0].ent_type_):
            toks = toks[1:]
        if not any(capitalised(t) for t in toks):
            return None  # a common noun alone names no organisation or place ("witness Jane Roe")
        return _affiliation_text(toks)

    def _repeats(self) -> None:
        """A name repeated word for word where the model left it untagged ("Quillmark Labs told
        staff …"), or a person's surname alone, is another mention of that entity: without it,
        "it" and "she" weigh a name by the few mentions the small model happened to tag."""
        by_first: dict[str, list[tuple[Entity, list[str]]]] = {}
        for e in self.entities:
            words = e.name.split()
            if words and words[0][:1].isupper():
                by_first.setdefault(words[0], []).append((e, words))
            # The family name with its article ("Al Haddad" of "Amal Al Haddad") is the person too.
            k = next((k for k, w in enumerate(words[1:-1], 1) if w.lower() in _NAME_ARTICLES), None)
            if e.type == "person" and k is not None:
                by_first.setdefault(words[k], []).append((e, words[k:]))
        doc = self.doc
        for t in doc:
            if t.i in self._by_token or t.text not in by_first:
                continue
            for e, words in by_first[t.text]:
                end = t.i + len(words)
                if end <= len(doc) and all(doc[i].text == w and i not in self._by_token
                                           for i, w in zip(range(t.i, end), words)):
                    self._mention(e, list(doc[t.i : end]))
                    break
        # A surname alone ("Brown has scored twice since …") is the one person introduced with
        # it; where two share it, resolution weighs them when it is read (_surname).
        surnames = Counter(e.name.split()[-1] for e in self.entities if e.type == "person" and e.full)
        people = {e.name.split()[-1]: e for e in self.entities if e.type == "person" and e.full}
        for t in doc:
            if surnames.get(t.text) == 1 and t.i not in self._by_token and t.pos_ == "PROPN" \
                    and not any(n.pos_ == "PROPN" and capitalised(n) for n in _neighbours(t)):
                self._mention(people[t.text], [t])
        for e in self.entities:
            e.positions.sort()

    def _acronyms(self) -> None:
        """"Immigration, Refugees and Citizenship Canada (IRCC)": the acronym is an alias of the name."""
        doc = self.doc
        for t in doc[1:-2]:
            e = self._by_token.get(t.i - 1)
            if t.text != "(" or doc[t.i + 2].text != ")" or e is None or e.type not in ("organization", "country"):
                continue
            acr = doc[t.i + 1].text
            if acr not in e.aliases and _is_acronym_of(acr, e.name):
                e.aliases.append(acr)
        # An acronym tagged on its own whose letters begin the words of an organisation the article
        # names in full (defined in parentheses or not) is that organisation.
        for x in self.entities:
            letters = x.name.replace(".", "")
            if x.type != "organization" or " " in x.name or not (2 <= len(letters) <= 6) \
                    or sum(c.isupper() for c in letters) < 2:
                continue
            full = next((e for e in self.entities if e is not x and e.type == "organization"
                         and _is_acronym_of(letters, e.name)), None)
            if full is not None and x.name not in full.aliases:
                full.aliases.append(x.name)
        named = {a: e for e in self.entities for a in e.aliases}
        for x in list(self.entities):
            e = named.get(x.name)
            if e is None or e is x:
                continue
            e.positions = sorted(e.positions + x.positions)
            for i, y in list(self._by_token.items()):
                if y is x:
                    self._by_token[i] = e
            self.entities.remove(x)

    def _genders(self) -> None:
        """Pronouns that can only mean a person tell that person's gender.

        Within the clause the person is the subject of, before anyone else is named: "Smith said
        he …", "Smith spoke on her page", "Smith found himself …".
        """
        for e in self.entities:
            if e.type != "person":
                continue
            for pos in e.positions:
                tok = self.doc[pos]
                if not _is_subject(tok) or self._quoted[pos]:
                    continue
                said = self._clause_pronoun(tok, e)
                if said:
                    e.genders.setdefault("pronoun", _GENDERED_PRONOUNS[said])
                    break

    def _clause_pronoun(self, subj: Token, e: Entity | None, subject: bool = False) -> str | None:
        """The gendered pronoun that can only mean the subject `subj` (of entity `e`) in its
        clause, or None; with `subject`, only a subject pronoun of a clause its verb governs."""
        verb = subj.head
        others: set[str | None] = set()  # the genders of other people named before the pronoun
        for t in verb.subtree:
            if t.i <= subj.i or self._quoted[t.i]:
                continue
            other = self._by_token.get(t.i)
            if other is not None and other is not e and other.type == "person":
                others.add(other.gender()[0])
            if t.lower_ in _GENDERED_PRONOUNS:
                # A subject pronoun only in a clause the person's verb governs ("said he …").
                if t.dep_ in _SUBJECT_DEPS and verb.i not in (t.head.i, t.head.head.i) \
                        or subject and t.dep_ not in _SUBJECT_DEPS:
                    continue
                # The object of the person's own verb is someone else ("Roe accused him of …"),
                # as a reflexive would be the person.
                if t.dep_ in _OBJECT_DEPS and t.head.i == verb.i and not t.lower_.endswith("self"):
                    continue
                # Someone else named first may be whom it means, unless their gender rules it out
                # ("Kim switched places with Clark after her illness flared up").
                if None in others or _GENDERED_PRONOUNS[t.lower_] in others:
                    return None
                return t.lower_
        return None

    def _find(self, pred: Callable[[Entity], bool]) -> Entity | None:
        for e in reversed(self.entities):
            if pred(e):
                return e
        return None

    def _latest(self, before: int, pred: Callable[[Entity], bool]) -> Entity | None:
        best, best_pos = None, -1
        for e in self.entities:
            if not pred(e):
                continue
            pos = max((p for p in e.positions if p < before), default=-1)
            if pos > best_pos:
                best, best_pos = e, pos
        return best

    # -- salience -------------------------------------------------------------------------------
    def spoke(self, speaker: Speaker | None, at: int) -> None:
        """Record that `speaker` was resolved as the speaker of a statement anchored at token `at`."""
        if speaker is None:
            return
        e = self._entity_of(speaker)
        if e is not None:
            self._spoke.setdefault(id(e), []).append(at)
        elif speaker.via == "none":
            self._unnamed_spoke.append((at, speaker))

    def _entity_of(self, speaker: Speaker) -> Entity | None:
        # A dict from speaker id to the first entity with it, rebuilt when entities are added:
        # scanning them for every statement made an article of many speakers quadratic.
        if self._ids_n != len(self.entities):
            self._ids = {}
            for e in self.entities:
                self._ids.setdefault(e.speaker().id, e)  # type: ignore[arg-type]
            self._ids_n = len(self.entities)
        return self._ids.get(speaker.id)  # type: ignore[arg-type]

    def _salience(self, e: Entity, before: int, last_speaker: int | None = None) -> float | None:
        """How much in focus an entity is just before token `before`: recent, a subject, a speaker."""
        sent = self._sent[before] if before < len(self._sent) else self._sent[-1]
        best = None
        heard = self._heard[id(e)]
        k = bisect_left(heard, before)
        # Someone named often is the story's subject and stays in focus over long stretches.
        w = SALIENCE
        prominence = w["prominence"] * math.log1p(k)
        for p in (heard[i] for i in range(k - 1, -1, -1)):  # the latest mention first
            if self._link_line[p]:
                continue  # a link line ("WATCH: …") is another story's headline, not this one's focus
            score = _recency(sent - self._sent[p]) + prominence
            if best is not None and score + _MAX_BONUS <= best:
                # Recency only falls further back, so no earlier mention can do better: without
                # this stop a text of many pronouns and mentions was quadratic (issue 20).
                break
            tok = self.doc[p]
            if tok.dep_ == "conj" and tok.head.dep_ in _SUBJECT_DEPS:
                tok = tok.head  # "Tom Brown and Bill Green met": both are the subject
            if _is_subject(tok) and not self._conceded_before(p, sent):
                # The subject of a sentence's main clause is what the sentence is about.
                score += w["main_subject"] if _in_main_clause(tok) else w["subject"]
            elif tok.dep_ == "poss":
                score += w["possessor"]
            if self._quoted[p]:
                score += w["quoted"]  # a name inside someone's quotation is what they talk about
            if _compared(tok):
                score += w["compared"]
            best = score if best is None else max(best, score)
        for p in self._spoke.get(id(e), []):
            if p < before and not self._conceded_before(p, sent):
                # Whoever spoke last is who "he said" most often continues.
                score = (_recency(sent - self._sent[p]) + prominence + w["speaker"]
                         + (w["last_speaker"] if id(e) == last_speaker else 0.0))
                best = score if best is None else max(best, score)
        return best

    def _conceded_before(self, p: int, sent: int) -> bool:
        """Whether the mention at token `p` is in a clause the writer conceded in an earlier
        sentence than `sent` ("Although Trump has tweeted that …, its inclusion …. Rather, …, he
        said"): background, not focus. In its own sentence it is the main clause's antecedent
        ("Although EDC disclosed …, it reveals …")."""
        tok = self.doc[p]
        return self._sent[p] < sent and _conceded(tok.head if tok.dep_ in _SUBJECT_DEPS else tok)

    def _continues_speaker(self, e: Entity, before: int, mention: int | None,
                           last: tuple[int, int] | None) -> bool:
        """Whether the pronoun at token `mention` continues `e`, a named person of no known gender
        who spoke last: in the sentence where the pronoun's statement begins (token `before`) or
        the one before it, with no one else named outside quotation marks from there to the
        pronoun ("…, adds Al Basha. “…,” she says", not "Trump's beef with Kelly, who he claims").
        Inside quotation marks "she" is whom the speaker talks about, never the speaker. `last`
        is `_last_spoken(before)`."""
        if mention is None or self._quoted[mention]:
            return False
        if not e.full or e.gender() != (None, None):
            return False  # a surname alone, or a name whose evidence contradicts itself, tells nothing
        if last is None or last[1] != id(e):
            return False
        # From the sentence where what the pronoun's speaker says begins (`before`) to the pronoun.
        start = self.doc[min(before, mention)].sent.start
        if self._sent[start] - self._sent[last[0]] > 1:
            return False
        return not any(start <= p < mention and not self._quoted[p]
                       for x in self.entities if x is not e for p in x.positions)

    def _last_spoken(self, before: int) -> tuple[int, int] | None:
        """(anchor token, entity id) of the last statement with a named speaker before token `before`."""
        spoken = [(p, k) for k, ps in self._spoke.items() for p in ps if p < before]
        return max(spoken) if spoken else None

    def _focus(self, before: int, ok: Callable[[Entity], bool], gender: str | None = None,
               mention: int | None = None) -> tuple[Entity | None, float]:
        """The entity most in focus among those `ok` accepts, and its lead over the next one.
        `mention` is the pronoun's own token, where it differs from `before`."""
        ranked = []
        latest = self._last_spoken(before)
        last = latest[1] if latest else None
        plain = None
        for e in self.entities:
            if not ok(e):
                continue
            s = self._salience(e, before, last)
            if s is None:
                continue
            if gender is not None:
                g, _ = e.gender()
                if g is not None and g != gender:
                    continue
                # A person whose gender the text never shows agrees less surely, unless the
                # pronoun plainly continues them; then they are whom it means, since no one else
                # was named between their words and it.
                if g is None and self._continues_speaker(e, before, mention, latest):
                    plain = e
                elif g is None:
                    s += SALIENCE["unknown_gender"]
            ranked.append((s, e))
        if not ranked:
            return None, 0.0
        ranked.sort(key=lambda x: (x[1] is not plain, -x[0]))
        # A lone candidate leads "no one", who is as salient as a plain mention at the far end of
        # the recency window: a place named ten paragraphs back is no antecedent for "they".
        alone = _RECENCY[-1] - MIN_MARGIN
        lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else min(3.0, ranked[0][0] - alone)
        if plain is not None:
            lead = max(lead, MIN_MARGIN)
        return ranked[0][1], lead

    # -- resolving ------------------------------------------------------------------------------
    def resolve(self, head: int | None, start: int, end: int) -> Speaker | None:
        """Resolve the source mention with head token `head` covering tokens [start, end)."""
        return self.resolution(head, start, end).speaker

    def resolution(self, head: int | None, start: int, end: int, focus: int | None = None) -> Resolution:
        """The entity behind a mention, how it was reached, and how sure that is. "He" or "she"
        means whoever was in focus at token `focus` (default: the mention itself); "it" and "they"
        are read at the mention, where reading them at a quotation's start named a wrong company."""
        if head is None:
            return UNRESOLVED
        tok = self.doc[head]
        core = _core(tok)
        # The mention's own head names someone: a person or organisation entity, or the named
        # person in apposition to a role ("the spokeswoman, Maria Zakharova").
        # A name split by the parser ("Kim Jong - un") may hang its tagged words on an untagged head.
        e = self._by_token.get(tok.i)
        if e is not None and e.type != "person" and len(core) == 1 and capitalised(tok):
            # "Schicketanz said", after "Mary Ann Schicketanz" of "Studio Schicketanz": the person.
            e = self._surname(tok.lower_, len(self.doc)) or e
        if e is not None and e.type == "group" and tok.tag_ == "NNP" and tok.ent_type_ == "NORP" \
                and any(c.lower_ == "the" for c in children(tok)):
            # "The Ohio Democrat said": one person, named by party or nationality.
            return self._nominal(tok, core, end, epithet=True)
        if e is None and tok.pos_ == "PROPN":
            e = next((self._by_token[c.i] for c in children(tok) if c.dep_ in ("compound", "flat") and c.i < tok.i
                      and c.i in self._by_token and self._by_token[c.i].type == "person"), None)
        if e is not None:
            return Resolution(e.speaker("name"), "name", 1.0)
        clauses = [c.i for c in children(tok) if c.dep_ in ("relcl", "acl")]
        noun = _compound_head(tok)
        lemma = noun.lemma_.lower()
        kind = _noun_kind(lemma)
        # An organisation in apposition names an organisation noun ("the security firm Acme.com").
        named = ("person", "organization") if kind == "organization" else ("person",)
        for c in children(tok):
            # A name after a clause on the head is the clause's, misattached ("the resident, who
            # sold copies of his comic Iron Harbour: The Last Knight"), not the speaker in apposition.
            if c.dep_ == "appos" and not any(tok.i < k < c.i for k in clauses):
                e = self._by_token.get(c.i)
                if e is not None and e.type in named:
                    return Resolution(e.speaker("name"), "name", 1.0)
        e = self._stacked_roles(tok, kind)
        if e is not None:
            return Resolution(e.speaker("name"), "name", 0.95)
        if _is_title(tok):
            e = self._titled_name(tok, start, end)
            if e is not None:
                return Resolution(e.speaker("name"), "name", 0.95)
        low = tok.lower_
        if low in PRONOUNS:
            return self._pronoun(low, head, head if focus is None else min(focus, head))
        if tok.pos_ == "PROPN" or capitalised(tok):
            e = self._name_like(tok, core)
            if e is not None:
                return Resolution(e.speaker("name"), "name", 0.9)
        owner = _owner(tok)
        if lemma in _OFFICES and owner is not None:
            return self._office(tok, owner)
        if lemma in document_nouns() or lemma in evidence_nouns() or lemma in reporting_nouns():
            return self._document(tok, core, end)
        # A label in capitals ("HOST: …") is how the page names its speaker, not a description
        # of someone named before.
        if (lemma in nominals() or noun.pos_ == "NOUN") and not turn_label(tok):
            return self._nominal(noun, core, end)
        if low == "another" and tok.pos_ in ("PRON", "DET"):
            elided = self._elided_noun(tok)
            if elided is not None:
                return self._description(elided, f"{low} {elided.text}")
        words = [t for t in core if t.lower_ not in _DETERMINERS]
        if not any(t.pos_ in ("PROPN", "NOUN", "NUM", "ADJ", "X") for t in words):
            return UNRESOLVED  # "that", "which", "'s": no name to give, and none to guess
        name = _join(words) or tok.text
        typ = "person" if tok.ent_type_ == "PERSON" else "unknown"
        return Resolution(Speaker(name, typ, id=content_id(typ, name.lower()), via="none"), "none", 0.5)

    def _stacked_roles(self, tok: Token, kind: str | None) -> Entity | None:
        """The person named as the last of roles stacked on a one-person head with no article of
        their own ("Canadian academic and professor Ann Lee", which the parser may hang on
        "academic"); "the academic and the professor" are two people, "leaders and Senator Ann
        Lee" more than her."""
        if tok.pos_ == "PROPN" or tok.tag_ in ("NNS", "NNPS"):
            return None
        if kind != "person" and not _is_title(tok):
            return None
        for c in children(tok):
            if c.dep_ == "conj" and c.i > tok.i and c.pos_ == "PROPN":
                e = self._by_token.get(c.i)
                if e is not None and e.type == "person" \
                        and not any(t.lower_ in _DETERMINERS for t in self.doc[tok.i + 1 : c.i]):
                    return e
        return None

    def _titled_name(self, tok: Token, start: int, end: int) -> Entity | None:
        """The name a title heads ("Afghan Ambassador to the United States Hamdullah Mohib"): a
        person named at the mention's end, unless a preposition introduces them ("a spokeswoman
        for Trudeau" is someone else)."""
        last = end - 1
        while last > tok.i and (self.doc[last].is_punct or self.doc[last].is_space):
            last -= 1
        e = self._by_token.get(last)
        if last <= tok.i or e is None or e.type != "person":
            return None
        first = last
        while first - 1 > tok.i and self._by_token.get(first - 1) is e:
            first -= 1
        return None if self.doc[first - 1].pos_ == "ADP" else e

    def _name_like(self, tok: Token, core: list[Token]) -> Entity | None:
        """A capitalised mention the model left untagged: a surname, or an acronym ("MoD", "IRCC")."""
        low = tok.lower_
        e = self._surname(low, tok.i) or self._given(low)
        if e is not None:
            return e
        letters = tok.text.replace(".", "")
        if 2 <= len(letters) <= 6 and sum(c.isupper() for c in letters) >= 2:
            for x in reversed(self.entities):
                if x.type in ("organization", "country") and tok.text in x.aliases:
                    return x
            adjectives = {w.lower_ for w in core if w.i != tok.i}
            for x in reversed(self.entities):
                if x.type != "organization":
                    continue
                name_words = x.name.replace("-", " ").split()
                while name_words and name_words[0].lower() in adjectives | set(demonyms()):
                    name_words = name_words[1:]  # "Russian Ministry of Defense" -> "MoD"
                if _is_acronym_of(letters, " ".join(name_words)):
                    return x
        return None

    def people(self) -> tuple[Speaker, ...]:
        """The people the article names (bylines and photo credits left out), in order of mention."""
        named = [e for e in self.entities if e.type == "person" and any(not self._credit[p] for p in e.positions)]
        return tuple(e.speaker("name") for e in sorted(named, key=lambda e: min(e.positions)))

    def positions(self, speaker: Speaker) -> list[int]:
        """Token positions where the entity behind `speaker` is mentioned."""
        e = self._entity_of(speaker)
        return e.positions if e is not None else []

    def _pronoun(self, low: str, head: int, focus: int) -> Resolution:
        want = PRONOUNS[low]
        if want == "self":
            return UNRESOLVED
        # Whom the pronoun's own verb addresses, or a name in what it reports, is someone else
        # ("heard him tell Kody that …", "he said Green had …").
        mates = _addressed(self.doc[head], self._quoted)
        if want in ("m", "f"):
            # A lone capitalised word the model tagged as a person, with no gender, given name or
            # title ("Twitter", "Armagnac"), is too weak a person for "he" or "she".
            e, lead = self._focus(focus, lambda x: x.type == "person" and (x.full or x.title is not None
                                                                           or x.gender()[0] is not None)
                                  and mates.isdisjoint(x.positions), want, head)
        else:
            kinds = ("organization",) if want == "org" else ("organization", "group")
            e, lead = self._focus(head, lambda x: x.type in kinds and mates.isdisjoint(x.positions))
            named = self._subject_noun(head, plural=want == "plural")
            if named is not None and (e is None or named[1] >= (self._salience(e, head) or -99)):
                return Resolution(named[0], "pronoun", 0.6)
            pron = self.doc[head]
            if want == "org" and (e is None or lead < MIN_MARGIN) and pron.dep_ == "nsubj" \
                    and pron.head.lemma_.lower() in reporting_verbs():
                # No organisation in focus: "it" that says something says what a document just
                # named says ("… have signed an open letter. “…,” it stated"); its issuer speaks.
                doc_tok = self._document_before(head)
                r = self._document(doc_tok, _core(doc_tok), doc_tok.i + 1) if doc_tok is not None else UNRESOLVED
                # Only an issuer that is someone: not what the document is of ("a recording of the
                # encounter") or when ("Thursday's memo").
                if r.speaker is not None and r.speaker.type != "unknown":
                    return r
        if e is None or lead < MIN_MARGIN:
            return UNRESOLVED
        return Resolution(e.speaker("pronoun"), "pronoun", min(1.0, 0.5 + lead / 4))

    def _document_before(self, head: int) -> Token | None:
        """The latest document noun ("letter", "statement") outside quotations within
        NEAR_SENTENCES sentences before token `head`."""
        sent = self._sent[head]
        for t in reversed(self.doc[:head]):
            if sent - self._sent[t.i] > NEAR_SENTENCES:
                return None
            if t.pos_ == "NOUN" and not self._quoted[t.i] and t.lemma_.lower() in document_nouns():
                return t
        return None

    def _subject_noun(self, head: int, plural: bool) -> tuple[Speaker, float] | None:
        """The latest common-noun subject a "they" or "it" can mean, with its salience: a plural
        one for "they" ("protesters", "the authorities"), an organisation for "it" ("the
        government … what it says")."""
        sent = self._sent[head]
        subject = self.doc[head].dep_ in _SUBJECT_DEPS
        for t in reversed(self.doc[: head]):
            if sent - self._sent[t.i] > 2:
                return None
            # The subject of a sentence's main clause, not of a clause beside it; or, for the
            # subject of a clause inside its own ("the government is grappling with what it
            # says"), of the clause around it. An object there is someone else ("critics blame
            # the mood for denying them entry").
            main = t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT") \
                or subject and t.head.left_edge.i <= head <= t.head.right_edge.i
            if t.dep_ not in _SUBJECT_DEPS or not main or self._quoted[t.i]:
                continue
            if plural:
                # A common plural as written first: the lexicons give some plurals a kind of their
                # own ("authorities" speak, an "authority" is a power). Not a capitalised one inside
                # a sentence, which is a name ("Waters pointed out …").
                common = t.tag_ == "NNS" and (t.is_lower or t.is_sent_start)
                kind = (common and _noun_kind(t.lower_)) or _noun_kind(t.lemma_.lower())
                ok = t.tag_ in ("NNS", "NNPS") and (t.ent_type_ in ("ORG", "NORP")
                                                    or kind in ("person", "group", "organization"))
            else:  # a named organisation is an entity, found by salience; this is "the ministry"
                ok = t.tag_ == "NN" and t.is_lower and _noun_kind(t.lemma_.lower()) == "organization"
            if not ok:
                continue
            score = -0.35 * (sent - self._sent[t.i]) + 1.0
            if not plural:
                # "The parole board … It said": the organisation named with that noun, if any. No
                # guess past it: "the government" is not the party named last.
                lemma = t.lemma_.lower()
                e = self._latest(t.i, lambda x, w=lemma: x.type == "organization" and w in x.name.lower().split())
                if e is not None:
                    return e.speaker("pronoun"), score
            name = _join([w for w in _core(t) if w.lower_ not in _DETERMINERS])
            kind = "group" if plural else "organization"
            return Speaker(name, kind, id=content_id(kind, name.lower()), via="pronoun"), score
        return None

    def _office(self, tok: Token, owner: Token) -> Resolution:
        """"His office", "Trudeau's office": whoever the office speaks for, with the office as title."""
        low = owner.lower_
        if low in _POSSESSIVES:
            r = self._pronoun({"his": "he", "her": "she", "its": "it", "their": "they"}[low], owner.i, owner.i)
        else:
            r = self.resolution(owner.i, owner.i, owner.i + 1)
        if r.speaker is None:
            return UNRESOLVED
        # A person's office is a title ("the premier's office"); an organisation's office is a
        # part of it ("the ministry's consular office"), so the organisation speaks as itself.
        title = tok.lemma_.lower() if r.speaker.type == "person" else r.speaker.title
        return Resolution(replace(r.speaker, title=title, via="document"), "document", r.certainty * 0.9)

    def _issuer(self, doc_tok: Token) -> Token | None:
        """Who issued a document: its owner, "from/by X", the agent of "released by X", or the
        subject of "X issued a statement"."""
        for c in children(doc_tok):
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and self._by_token.get(c.i) is not None):
                return c  # "the ministry's statement", "a World Health Organisation report"
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                obj = next((g for g in children(c) if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        # "A statement released by X", "a report on the cost of jobs issued by X" (which the
        # parser hangs on "jobs"): who put it out. Only a verb of issuing: the agent of "obtained
        # by" or "seen by" received the document from someone else (lexicon/issuing_verbs.txt).
        nouns = [doc_tok]
        for n in nouns:  # the document's noun and the nouns of its prepositional phrases
            nouns += [g for c in children(n) if c.dep_ == "prep" for g in children(c) if g.dep_ == "pobj"]
        for c in (c for n in nouns for c in children(n)):
            if c.dep_ == "acl" and _issuing(c):
                by = next((g for g in children(c) if g.dep_ == "agent"), None)
                obj = next((g for g in children(by) if g.dep_ == "pobj"), None) if by is not None else None
                if obj is not None:
                    return obj
        # "Sent out an email appeal": the phrase the document's noun modifies is what was sent.
        phrase = _phrase_head(doc_tok)
        if phrase.dep_ in ("dobj", "pobj"):
            verb = phrase.head if phrase.dep_ == "dobj" else phrase.head.head
            subj = next((c for c in children(verb) if c.dep_ in _SUBJECT_DEPS), None)
            if subj is not None and subj.lemma_.lower() not in document_nouns():
                return subj
        return None

    def _document(self, tok: Token, core: list[Token], end: int) -> Resolution:
        """"The statement said", "the memo says": the person or organisation that issued it."""
        if tok.lemma_.lower() in evidence_nouns():
            return self._described(tok, core, end)  # a poll or a study is its own source
        issuer = self._issuer(tok)
        if issuer is None and not _indefinite(tok):
            # An earlier mention of the same kind of document, with its issuer ("X issued a
            # statement on Monday. … The statement said …"). "A report", "an email" is a new
            # document: no earlier one's issuer, and the search stops at one that names none.
            lemma = tok.lemma_.lower()
            for t in reversed(self.doc[max(0, tok.i - 400) : tok.i]):
                if t.lemma_.lower() == lemma and t.pos_ == "NOUN":
                    issuer = self._issuer(t)
                    if issuer is not None or _indefinite(t):
                        break
        if issuer is None:
            return Resolution(None, "document", 0.0)
        r = self.resolution(issuer.i, issuer.i, issuer.i + 1)
        if r.speaker is None:
            return Resolution(None, "document", 0.0)
        return Resolution(replace(r.speaker, via="document"), "document", r.certainty * 0.9)

    def _nominal(self, tok: Token, core: list[Token], end: int, epithet: bool = False) -> Resolution:
        """A common-noun mention: a titled person, a named organisation, a group, or an epithet."""
        lemma = tok.lemma_.lower()
        kind = "person" if epithet else _noun_kind(lemma) or ("person" if _aged(core) else None)
        mods = {t.lower_ for t in core if t.i != tok.i}
        # A number stands where an article would ("One former director said"): the head's own.
        det = next((t.lower_ for t in core if t.dep_ == "det" or (t.dep_ == "nummod" and t.head.i == tok.i)), None)
        places = {p for m in mods if m in demonyms() for p in (m, demonyms()[m].lower())}
        # "the Nova Scotia judge": a named place among the modifiers is a place too.
        places |= {self._by_token[t.i].name.lower() for t in core if t.i != tok.i and t.i in self._by_token
                   and self._by_token[t.i].type == "country"}
        plural = tok.tag_ in ("NNS", "NNPS")
        if det in _INDEFINITE and not plural and kind == "person":
            e = self._named_next(tok)
            if e is not None:
                return Resolution(e.speaker("nominal"), "nominal", 0.7)
        if det in _INDEFINITE or plural or kind == "group":
            return self._described(tok, core, end)  # "a citizen", "officials": someone new, unnamed
        if kind == "organization":
            e = self._latest(tok.i, lambda x: x.type == "organization" and lemma in x.name.lower()
                             and (not places or any(p in x.name.lower() for p in places)))
            # "Ford's government", "the Trudeau government" are theirs, not the organisation in
            # focus; "its parent company" may be the one in focus.
            owner = _owner(tok)
            owned = owner is not None and owner.pos_ != "PRON" and (
                owner.dep_ == "poss" or getattr(self._by_token.get(owner.i), "type", None) == "person")
            # "The campaign said": a campaign or a team is someone's, not the organisation the
            # article named last (a newspaper, an agency, a party), which it had been, wrongly,
            # for 9 of 10 such PolNeAR train records.
            if e is None and not places and not owned and lemma not in _OFFICES | _GOVERNING:
                e, lead = self._focus(tok.i, lambda x: x.type == "organization")
                if e is not None and lead < MIN_MARGIN:
                    e = None
            if e is None:
                return self._described(tok, core, end)
            return Resolution(e.speaker("nominal"), "nominal", 0.8)
        family = _role_family(lemma)

        def titled(x: Entity) -> bool:
            if x.type != "person" or not x.title:
                return False
            aff = (x.affiliation or "").lower()
            if places and not any(p in aff.split() or p in aff for p in places):
                return False  # "the US official" is not the Russian spokesman
            return lemma == "official" or any(f in x.title.lower() for f in family)

        e = self._latest(tok.i, titled)
        if e is not None and not places and self._placed(e):
            # "The prime minister" with no country is the one the article gave none ("Prime
            # Minister Justin Trudeau"), not "New Zealand Prime Minister Jacinda Ardern" named
            # after him, where both are named.
            e = self._latest(tok.i, lambda x: titled(x) and not self._placed(x)) or e
        if e is not None:
            return Resolution(e.speaker("nominal"), "nominal", 0.85)
        if det == "the" and not mods - _DETERMINERS:
            # "A person familiar with the talks said … according to the person": the unnamed
            # speaker described before with the same noun, within the last few sentences.
            before = self._described_before(tok)
            if before is not None:
                return Resolution(replace(before, via="nominal"), "nominal", 0.8,
                                  self._described(tok, core, end).unnamed)
        if kind != "person" or (places and lemma in nominals()) or any(c.dep_ == "poss" for c in children(tok)):
            # A thing, a role held in another place ("the Russian official"), or someone's
            # relation ("Smith's lawyer", "his wife"), who is not the person in focus, often the
            # possessor. A place on an epithet describes the person in focus ("the Ohio
            # Democrat", "the Halifax resident").
            return self._described(tok, core, end)
        # An epithet ("the ferocious brawler", "the 32-year-old labourer") names the person in
        # focus, of the gender the noun gives where it gives one.
        e, lead = self._focus(tok.i, lambda x: x.type == "person", gendered().get(lemma))
        if e is None or lead < MIN_MARGIN:
            return self._described(tok, core, end)
        return Resolution(e.speaker("nominal"), "nominal", min(0.9, 0.4 + lead / 4))

    def _placed(self, e: Entity) -> bool:
        """Whether a person's affiliation is a place: a country named in the text, or a demonym."""
        aff = (e.affiliation or "").lower()
        return bool(aff) and (aff in demonyms() or any(x.type == "country" and x.name.lower() == aff
                                                       for x in self.entities))

    def _named_next(self, tok: Token) -> Entity | None:
        """The person a description of one introduces before naming them ("One former director
        said … Joseph Roe told the Globe …"): the one person first named in the next sentence, as
        the subject of its main clause or of a verb of saying ("“…,” Jane Roe told him"), outside
        quotation marks, with no affiliation, no title but one with the description's own noun,
        and no gender the noun rules out. A name with a role of its own ("Mayor Jane Roe", "Jane
        Roe, a neighbour", "NBC's Jane Roe") is someone else."""
        nxt, lemma, gender = self._sent[tok.i] + 1, tok.lemma_.lower(), gendered().get(tok.lemma_.lower())

        def introduced(e: Entity) -> bool:
            first = self.doc[min(e.positions)]
            return (self._sent[first.i] == nxt and _is_subject(first) and not self._quoted[first.i]
                    and (_in_main_clause(first) or first.head.lemma_.lower() in reporting_verbs()))
        found = [e for e in self.entities if e.type == "person" and e.full and e.positions and introduced(e)
                 and not e.affiliation and (not e.title or any(f in e.title.lower() for f in _role_family(lemma)))
                 and (gender is None or e.gender()[0] in (None, gender))]
        return found[0] if len(found) == 1 else None

    def _described_before(self, tok: Token) -> Speaker | None:
        """The latest unnamed speaker described with the same head noun as `tok`, within
        NEAR_SENTENCES sentences before it."""
        lemma = tok.lemma_.lower()
        for at, sp in reversed(self._unnamed_spoke):
            if at < tok.i and self._sent[tok.i] - self._sent[at] <= NEAR_SENTENCES \
                    and self.doc[at].lemma_.lower() == lemma:
                return sp
        return None

    def _described(self, tok: Token, core: list[Token], end: int) -> Resolution:
        """An unresolved description kept as written ("officials", "a source familiar with the
        talks"): the head, its left modifiers, and the modifiers after it within the mention."""
        words = [t for t in core if t.lower_ not in _DETERMINERS or t.i == tok.i] + _tail(tok, end)
        return self._description(tok, _join(words))

    def _description(self, head: Token, name: str) -> Resolution:
        """An unnamed speaker written as `name`, of the kind its head noun gives."""
        kind = _noun_kind(head.lemma_.lower())
        typ = "group" if head.tag_ in ("NNS", "NNPS") and kind == "person" else kind or "unknown"
        unnamed = typ in ("person", "group") and _unnamed_head(head.lower_)
        return Resolution(Speaker(name, typ, id=content_id(typ, name.lower()), via="none"), "none", 0.5, unnamed)

    def _elided_noun(self, tok: Token) -> Token | None:
        """The noun a lone "another" leaves out: that of the "one …" or "a …" it answers earlier
        in its sentence ("One analyst said …; another said …", "one survey pointing to … but another
        showing …"). A lone "one" or "some" is left alone: it is as often generic ("one could say")
        or people ("some in the party")."""
        for t in reversed(self.doc[tok.sent.start : tok.i]):
            if t.pos_ == "NOUN" and t.i > 0 and self.doc[t.i - 1].lower_ in ("one", "a", "an"):
                return t
        return None


_RECENCY = (0.0, -0.3, -1.0, -1.4, -1.7, -1.9)


_NAME = r"[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3}"
# A line that is only a name (or two) and where they work: "Jane Roe, The Canadian Press".
_BYLINE = re.compile(rf"\s*{_NAME}(?:\s+and\s+{_NAME})?,\s+[A-Z][^.!?]*")
# A photo credit that opens a caption line: "Jane Roe / The Canadian Press The minister …", and
# the agency word a slash joins to the name ("Jane Roe/CP"), which is the credit's too.
_PHOTO = re.compile(rf"\s*({_NAME}(?:/[A-Z][\w.&]*|(?=\s?/\s?[A-Z])))")


def _credits(doc: Doc) -> list[bool]:
    """Tokens of bylines ("By Jane Roe, The Canadian Press", or the same without "By" on a line
    of its own) and photo credits ("(Jane Roe/CBC)", "Jane Roe / CBC" opening a caption): the
    people they name wrote or photographed the story, and are never who "she" is."""
    out = [False] * len(doc)
    text = doc.text
    start = 0
    for line in text.split("\n"):
        words = line.split()
        # Without "By", the line must open with a given name: "In Ottawa, Liberals …" is no byline.
        credit = (line.lstrip().startswith(("By ", "BY ")) and len(words) <= 12) \
            or (0 < len(words) <= 8 and words[0].lower() in first_names() and _BYLINE.fullmatch(line) is not None)
        credits = [m.span() for m in re.finditer(r"\([^()]*/[^()]*\)", line)]
        photo = _PHOTO.match(line)
        if photo:
            credits.append(photo.span(1))
        for s, e in credits:
            span = doc.char_span(start + s, start + e, alignment_mode="expand")
            for t in span or ():
                out[t.i] = True
        if credit:
            span = doc.char_span(start, start + len(line), alignment_mode="expand")
            for t in span or ():
                out[t.i] = True
        start += len(line) + 1
    return out


def _aged(core: list[Token]) -> bool:
    """Whether a description gives an age ("the 24-year-old centre"): a person, whatever
    its head noun."""
    return any(t.lower_ == "old" and any(c.lemma_ in ("year", "month") for c in t.children) for t in core)


def _noun_kind(lemma: str) -> str | None:
    """person, group or organization for a noun that names who can speak; None for a thing."""
    kind = nominals().get(lemma)
    if kind in ("person", "group", "organization"):
        return kind
    if lemma in person_nouns():
        return "person"
    if lemma in organization_nouns():
        return "organization"
    return None


@cache
def _places() -> frozenset[str]:
    """Lower-case country names and demonyms ("united states", "afghan")."""
    return frozenset(demonyms()) | frozenset(v.lower() for v in demonyms().values())


def _neighbours(tok: Token) -> list[Token]:
    """The tokens right before and after one."""
    doc = tok.doc
    return [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]


def _addressed(pron: Token, quoted: Sequence[bool]) -> set[int]:
    """The tokens of whom the verb a pronoun is the subject of has for its object ("he told Kody",
    "she said to Roe"), and of the names in the clause it reports ("he said Trump would win"): a
    pronoun never means a name its own clause sets beside it as another, nor one it governs.
    Not a name in quotation marks (speakers name themselves: "“… it's not Bernie Sanders”"), nor
    one in a clause of the writer's inside the report (a relative or adverbial clause, an
    apposition, what follows a colon), where writers name the speaker again."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    verb = pron.head
    objects = [c for c in children(verb) if c.dep_ in _OBJECT_DEPS]
    objects += [o for c in children(verb) if c.dep_ == "prep" and c.lower_ == "to" for o in children(c) if o.dep_ == "pobj"]
    out = {t.i for o in objects for t in (o, *(c for c in children(o) if c.dep_ in ("appos", "compound")))}
    if verb.lemma_.lower() not in reporting_verbs():
        return out
    # Only after the pronoun, where it governs the name: a parse that hangs the clause before
    # it on its verb ("X sent …, the cause he believes will …") reports nothing of X.
    todo = [c for c in children(verb) if c.dep_ in ("ccomp", "xcomp") and c.i > pron.i]
    colon = next((t.i for t in pron.sent if t.i > verb.i and t.text == ":"), pron.sent.end)
    while todo:
        t = todo.pop()
        if quoted[t.i] or t.i >= colon:
            continue
        out.add(t.i)
        todo += [c for c in children(t) if c.dep_ not in _WRITERS_CLAUSES]
    return out


def _conceded(verb: Token) -> bool:
    """Whether a verb heads a clause the writer concedes ("Although Trump has tweeted …"): its own
    subordinator is concessive, not that of a clause it holds ("Even though …, she maintains")."""
    return concedes(c for c in children(verb) if c.dep_ == "mark")


def _compared(tok: Token) -> bool:
    """Whether a mention is only the standard of a comparison ("Like Ann Green, he was born
    abroad"; "unlike his brother"): someone the clause is not about."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _COMPARISONS


def _recency(sentences: int) -> float:
    """Salience lost with distance: little to the sentence before, fast over the next few, slowly after."""
    if sentences < len(_RECENCY):
        return _RECENCY[sentences]
    return _RECENCY[-1] - 0.04 * (sentences - len(_RECENCY) + 1)


def _is_acronym_of(acr: str, name: str) -> bool:
    """Whether the capitals of `acr` are the initials of `name`'s words (all, or the capitalised ones)."""
    letters = acr.replace(".", "").lower()
    words = re.findall(r"[\w']+", name)
    if len(letters) < 2 or len(words) < 2:
        return False
    return letters in ("".join(w[0] for w in words).lower(),
                       "".join(w[0] for w in words if w[:1].isupper()).lower())
