"""Frozen record types. Only `Article` holds text; everything else carries offsets into it."""

from __future__ import annotations

from dataclasses import dataclass, field

# The values fields take (kind, speaker type, via, act) are the record's vocabulary, in vocab/.
from .vocab import KINDS, SPEAKER_TYPES, SPEAKER_VIA  # noqa: F401  (re-exported for old imports)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range [start, end) into `Article.text`."""

    start: int
    end: int

    def text(self, text: str) -> str:
        """Return the characters this span covers in `text`."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. `text` is what every offset indexes (the user's file for txt/md)."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """The entity a source mention resolves to."""

    name: str
    type: str = "unknown"
    title: str | None = None
    affiliation: str | None = None
    id: str | None = None
    # How the name was reached from the mention: one of SPEAKER_VIA ("name" when the mention is it).
    via: str | None = None
    gender: str | None = None  # "female", "male" or None (unknown); persons only
    gender_evidence: str | None = None  # pronoun, honorific, role, name-list, or contradiction
    aliases: tuple[str, ...] = ()  # other names the article gives it (an acronym it defines)


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed statement; all text is reached through spans into the article."""

    id: str
    kind: str
    content: tuple[Span, ...]
    cue: Span | None = None
    source: Span | None = None
    speaker: Speaker | None = None
    addressee: Span | None = None
    venue: Span | None = None
    date: str | None = None
    date_text: Span | None = None
    date_precision: str | None = None  # "day", "month" or "year": how much of `date` the text gives
    confidence: float = 0.0
    act: str | None = None  # one of vocab.ACTS; None for records made before acts existed
    act_confidence: float = 0.0
    target: Speaker | None = None  # the entity the statement is about or aimed at
    target_mention: Span | None = None  # where the text names the target
    negated: bool = False
    conditional: bool = False
    # Said or written (True), or a thought, wish, feeling or finding (False): docs/record.md.
    speech: bool = True
    # The id of the statement this quotation continues (same speaker, no mention of its own).
    continues: str | None = None
    via_outlet: Span | None = None  # the agency or outlet that relayed it ("…, according to RIA")
    # An unnamed source ("officials said", "a source familiar with the talks"): docs/resolution.md.
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """An article with the statements extracted from it."""

    article: Article
    statements: tuple[Statement, ...] = field(default_factory=tuple)
    people: tuple[Speaker, ...] = field(default_factory=tuple)  # everyone the article names, quoted or not
