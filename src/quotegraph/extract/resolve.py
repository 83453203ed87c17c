"""Speaker resolution: names with titles and affiliations, pronouns, nominals, organisations.

An `EntityIndex` is built once per document from its named mentions; each source mention is then
resolved to the entity behind it ("he" -> the last compatible person, "the spokesman" -> the last
person titled spokesman, "the ministry" -> the last ministry named).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..ids import content_id
from ..types import Speaker
from .lexicon import demonyms, gendered, nominals, portfolios, titles

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "it": "org", "they": "plural",
            "them": "plural", "we": "plural", "i": "self", "you": "self"}
_RANKS = frozenset({"major-general", "general", "gen.", "lieutenant-general", "colonel", "col.",
                    "captain", "capt.", "major", "maj.", "admiral", "rear-admiral", "vice-admiral",
                    "brigadier", "brigadier-general", "sergeant", "sgt.", "lieutenant", "lt.",
                    "marshal", "field marshal", "dr.", "prof.", "rev.", "sir", "mr.", "mrs.", "ms.",
                    "miss", "mr", "mrs", "ms"})
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spox", "press secretary"})
_ORG_TYPES = {"ORG": "organization", "GPE": "country", "NORP": "group", "FAC": "organization"}
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


@dataclass(slots=True)
class Entity:
    """A person or organisation named in the document, with what the text says about it."""

    name: str
    type: str
    title: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    positions: list[int] = field(default_factory=list)  # token indices of its mentions

    def speaker(self) -> Speaker:
        """The record form of this entity."""
        return Speaker(self.name, self.type, self.title, self.affiliation,
                       content_id(self.type, self.name.lower()))


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


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha or ("-" in tok.text and tok.text[:1].isupper())


def split_name(tokens: list[Token]) -> tuple[list[Token], list[Token], list[Token]]:
    """Split a noun phrase into (affiliation tokens, title tokens, name tokens)."""
    toks = [t for t in tokens if not t.is_punct or t.text in ("-", ".")]
    while toks and (toks[0].lower_ in _DETERMINERS or toks[0].dep_ == "case"):
        toks = toks[1:]
    i = len(toks)
    while i > 0 and _capitalised(toks[i - 1]) and not _is_title(toks[i - 1]) and toks[i - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
        i -= 1
    name = toks[i:]
    j = i
    while j > 0:
        t = toks[j - 1]
        if _is_title(t) or (j < len(toks) and (f"{t.lower_} {toks[j].lower_}" in titles()
                                                or t.lower_ in portfolios() and toks[j].lower_ in _PORTFOLIO_TITLES)):
            j -= 1  # "Prime Minister", "Finance Minister": the phrase is the title
        elif j >= 2 and _is_title(toks[j - 2]) and j < i and t.lower_ not in ("of", "for"):
            j -= 1  # "Deputy Foreign Minister", "deputy Syria envoy"
        else:
            break
    title, affil = toks[j:i], toks[:j]
    while affil and (affil[-1].dep_ == "case" or affil[-1].is_punct):
        affil = affil[:-1]
    return affil, title, name


def _join(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def _title_text(tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    words: list[str] = []
    for k, t in enumerate(tokens):
        if k and not tokens[k - 1].whitespace_ and tokens[k - 1].i == t.i - 1:
            words[-1] += t.text  # "Major" "-" "General" is one word
        else:
            words.append(t.text)
    ranks = [w for w in words if w.lower() in _RANKS]
    roles = [w for w in words if w.lower() not in _RANKS]
    parts = [" ".join(roles)] if roles else []
    parts += [w for w in ranks if w.lower() not in ("mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms")]
    return ", ".join(p for p in parts if p) or None


def _affiliation_text(tokens: list[Token]) -> str | None:
    s = _join(tokens)
    if not s:
        return None
    return demonyms().get(s.lower(), s)


class EntityIndex:
    """Named entities of one document and the resolution of mentions to them."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.entities: list[Entity] = []
        self._by_token: dict[int, Entity] = {}
        for ent in doc.ents:
            self._add(ent)
        self._genders()

    # -- building -------------------------------------------------------------------------------
    def _np_tokens(self, ent: Span) -> list[Token]:
        """The noun phrase around a named mention: its compound/amod/poss pre-modifiers."""
        head = ent.root
        left = [t for t in head.subtree if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "poss", "case", "det", "pobj", "prep")]
        start = min([t.i for t in left] + [ent.start])
        return list(self.doc[start : ent.end])

    def _add(self, ent: Span) -> None:
        label = ent.label_
        toks = [t for t in ent]
        if label == "ORG" and any(_is_title(t) for t in toks) and _capitalised(toks[-1]):
            label = "PERSON"  # "Major-General Igor Konashenkov": the small model calls it ORG
        if label == "PERSON":
            affil, title, name = split_name(self._np_tokens(ent))
            apposed = self._apposition(ent)
            if apposed is not None:
                a2, t2, _ = split_name(apposed)
                affil, title = affil or a2, title or t2
            if not name:
                return
            self._person(name, title, affil, ent)
        elif label in _ORG_TYPES:
            # The small model often tags a lone surname as an organisation ("Zakharova asked").
            known = len(toks) == 1 and self._find(
                lambda x: x.type == "person" and x.name.lower().split()[-1] == toks[0].lower_)
            if known:
                known.positions.append(toks[0].i)
                self._by_token[toks[0].i] = known
                return
            text = ent.text
            for det in ("the ", "The "):
                if text.startswith(det):
                    text = text[len(det):]
            typ = _ORG_TYPES[label]
            if label == "NORP":
                country = demonyms().get(text.lower())
                if country:
                    text, typ = country, "country"
            e = self._find(lambda x: x.name.lower() == text.lower())
            if e is None:
                e = Entity(text, typ)
                self.entities.append(e)
            e.positions.append(ent.root.i)
            for t in ent:
                self._by_token[t.i] = e

    def _apposition(self, ent: Span) -> list[Token] | None:
        head = ent.root
        if head.dep_ == "appos":
            h = head.head
            return [t for t in h.subtree if t.i < head.i and t.i < h.i + 1 and not t.is_punct]
        for c in head.children:
            if c.dep_ == "appos" and c.i > head.i:
                # "Cres Eastman, Professor of X and Chairman of Y": the first role is enough
                toks = []
                for t in c.subtree:
                    if t.i > c.i and (t.is_punct or t.dep_ in ("cc", "conj", "relcl", "acl")):
                        break
                    toks.append(t)
                # "Mr Smith, 54,": an age is not a role
                return [t for t in toks if not t.is_punct] if not all(t.like_num for t in toks) else None
        return None

    def _person(self, name: list[Token], title: list[Token], affil: list[Token], ent: Span) -> None:
        full = _join(name)
        surname = name[-1].lower_
        e = self._find(lambda x: x.type == "person" and (
            x.name.lower() == full.lower() or x.name.lower().split()[-1] == surname
            and (len(name) == 1 or len(x.name.split()) == 1)))
        if e is None:
            e = Entity(full, "person")
            self.entities.append(e)
        elif len(full.split()) > len(e.name.split()):
            e.name = full
        e.title = e.title or _title_text(title)
        if not e.affiliation and affil:
            e.affiliation = self._affiliation(affil)
        for t in title:
            g = gendered().get(t.lower_)
            e.gender = e.gender or g
        if len(name) > 1:
            e.gender = e.gender or gendered().get(name[0].lower_)
        e.positions.append(name[-1].i)
        for t in name:
            self._by_token[t.i] = e

    def _affiliation(self, toks: list[Token]) -> str | None:
        # "The ministry's spokeswoman": the possessor is a nominal; resolve it to the named org.
        if len(toks) == 1 and toks[0].lower_ in nominals():
            org = self._latest(toks[0].i, lambda x: x.type == "organization" and toks[0].lower_ in x.name.lower())
            if org:
                return org.name
        return _affiliation_text(toks)

    def _genders(self) -> None:
        # A possessive or pronoun in a sentence whose subject is a person tells that person's gender.
        for e in self.entities:
            if e.type != "person" or e.gender:
                continue
            for pos in e.positions:
                tok = self.doc[pos]
                if tok.dep_ != "nsubj":
                    continue
                others = [t for t in tok.sent if t.i in self._by_token and self._by_token[t.i] is not e
                          and self._by_token[t.i].type == "person"]
                if others:
                    continue
                for t in tok.sent:
                    if t.i > pos and t.lower_ in ("he", "his", "him", "she", "her"):
                        e.gender = "m" if t.lower_ in ("he", "his", "him") else "f"
                        break
                if e.gender:
                    break

    def _find(self, pred) -> Entity | None:
        for e in reversed(self.entities):
            if pred(e):
                return e
        return None

    def _latest(self, before: int, pred) -> Entity | None:
        best, best_pos = None, -1
        for e in self.entities:
            if not pred(e):
                continue
            pos = max((p for p in e.positions if p < before), default=-1)
            if pos > best_pos:
                best, best_pos = e, pos
        return best

    # -- resolving ------------------------------------------------------------------------------
    def resolve(self, head: int | None, start: int, end: int) -> Speaker | None:
        """Resolve the source mention with head token `head` covering tokens [start, end)."""
        e = self.resolve_entity(head, start, end)
        if isinstance(e, Entity):
            return e.speaker()
        return e

    def resolve_entity(self, head: int | None, start: int, end: int) -> Entity | Speaker | None:
        """The entity behind a mention, or a bare Speaker when the text names nobody known."""
        if head is None:
            return None
        doc = self.doc
        tok = doc[head]
        mention = list(doc[start:end]) or [tok]
        # A named person anywhere in the mention wins ("the spokeswoman, Maria Zakharova").
        for t in reversed(mention):
            e = self._by_token.get(t.i)
            if e is not None and e.type == "person":
                return e
        if tok.lower_ in PRONOUNS:
            return self._pronoun(tok.lower_, head)
        if head in self._by_token:
            return self._by_token[head]
        words = [t for t in mention if t.lower_ not in _DETERMINERS and not t.is_punct]
        if tok.pos_ == "PROPN" or tok.text[:1].isupper():
            e = self._name_like(tok, words)
            if e is not None:
                return e
        lemma = tok.lemma_.lower()
        if lemma in nominals():
            e = self._nominal(lemma, head, mention)
            if e is not None:
                return e
        for t in reversed(mention):
            e = self._by_token.get(t.i)
            # "Brazil's central bank", "US officials": the named owner is not the one speaking.
            if e is not None and not (tok.pos_ == "NOUN" and t.head.i == head
                                      and t.dep_ in ("poss", "compound", "amod", "nmod")):
                return e
        name = _join(words) or tok.text
        typ = nominals().get(lemma, "person" if tok.ent_type_ == "PERSON" else "unknown")
        return Speaker(name, typ, id=content_id(typ, name.lower()))

    def _name_like(self, tok: Token, words: list[Token]) -> Entity | None:
        """A capitalised mention the model left untagged: a surname, or an acronym ("MoD")."""
        low = tok.lower_
        e = self._find(lambda x: x.type == "person" and x.name.lower().split()[-1] == low)
        if e is not None:
            return e
        letters = tok.text.replace(".", "")
        if 2 <= len(letters) <= 6 and sum(c.isupper() for c in letters) >= 2:
            adjectives = {w.lower_ for w in words if w.i != tok.i}
            for x in reversed(self.entities):
                if x.type != "organization":
                    continue
                name_words = x.name.replace("-", " ").split()
                while name_words and name_words[0].lower() in adjectives | set(demonyms()):
                    name_words = name_words[1:]  # "Russian Ministry of Defense" -> "MoD"
                if letters.lower() in ("".join(w[0] for w in name_words).lower(),
                                       "".join(w[0] for w in name_words if w[:1].isupper()).lower()):
                    return x
        return None

    def positions(self, speaker: Speaker) -> list[int]:
        """Token positions where the entity behind `speaker` is mentioned."""
        for e in self.entities:
            if e.speaker().id == speaker.id:
                return e.positions
        return []

    def _pronoun(self, low: str, head: int) -> Speaker | None:
        want = PRONOUNS[low]
        if want == "self":
            return None
        if want in ("m", "f"):
            e = self._latest(head, lambda x: x.type == "person" and x.gender in (want, None))
        elif want == "org":
            e = self._latest(head, lambda x: x.type in ("organization", "country"))
        else:
            e = self._latest(head, lambda x: x.type in ("organization", "country", "group"))
        return e.speaker() if e else None

    def _nominal(self, lemma: str, head: int, mention: list[Token]) -> Entity | None:
        kind = nominals()[lemma]
        mods = {t.lower_ for t in mention if t.i != head}
        places = {p for m in mods if m in demonyms() for p in (m, demonyms()[m].lower())}
        if kind == "person":
            family = _SPOKES if lemma in _SPOKES else {lemma}

            def match(x: Entity) -> bool:
                if x.type != "person" or not x.title:
                    return False
                aff = (x.affiliation or "").lower()
                if places and not any(p in aff.split() or p in aff for p in places):
                    return False  # "the US official" is not the Russian spokesman
                return lemma == "official" or any(f in x.title.lower() for f in family)
            return self._latest(head, match)
        if kind == "organization":
            return self._latest(head, lambda x: x.type == "organization" and lemma in x.name.lower())
        return None
