"""What the trained act model reads about one draft: the rules' scores plus tone and grammar.

The model (model/act_model.py) only settles statement vs claim vs accusation, where the rules are
weakest: whether the content reports, judges, or puts blame on someone. Tone comes from VADER's
word valence and Pattern's adjective subjectivity (lexicon/act_valence.tsv, act_subjectivity.tsv).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import adjective_subjectivity, word_valence

_AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_THIRD_PERSON = frozenset({"he", "she", "they", "his", "her", "their"})
_FIRST_PERSON = frozenset({"i", "we", "our", "my", "us"})
_FACT_ENTITIES = frozenset({"CARDINAL", "MONEY", "PERCENT", "DATE", "TIME"})
_SUBJECTIVE = 0.5  # Pattern subjectivity from which an adjective evaluates rather than describes


def act_features(tokens: list[Token], roots: list[Token], kind: str, cue: str | None,
                 scores: dict[str, float]) -> dict[str, float]:
    """Named feature values for one draft (pure); `scores` are the rules' per-act scores."""
    f = {f"rule={a}": s for a, s in scores.items() if s}
    if scores:
        f[f"top={max(scores, key=scores.__getitem__)}"] = 1.0
    f[f"kind={kind}"] = 1.0
    f[f"cue={cue or '-'}"] = 1.0

    valence, subjectivity = word_valence(), adjective_subjectivity()
    words = [t for t in tokens if t.is_alpha]
    negative = [v for t in words if (v := valence.get(t.lower_, valence.get(t.lemma_.lower(), 0.0))) < 0]
    # A negative adjective or adverb evaluates ("reckless"); a negative noun may only name the topic ("war").
    judging = [t for t in words if t.pos_ in ("ADJ", "ADV") and valence.get(t.lower_, 0.0) < 0]
    positive = [v for t in words if valence.get(t.lower_, 0.0) > 0]
    subjective = [subjectivity[t.lower_] for t in words if t.pos_ == "ADJ" and t.lower_ in subjectivity]
    names = any(t.ent_type_ in _AGENT_ENTITIES for t in tokens)
    third = any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _THIRD_PERSON for t in tokens)
    someone = names or third

    f["negative_words"] = min(3, len(negative))
    f["most_negative"] = -min(negative) / 4 if negative else 0.0
    f["negative_about_someone"] = float(bool(negative) and someone)
    f["negative_judgement"] = min(2, len(judging))
    f["negative_judgement_about_someone"] = float(bool(judging) and someone)
    f["positive_words"] = min(3, len(positive))
    f["most_subjective"] = max(subjective, default=0.0)
    f["subjective_adjectives"] = min(3, sum(s >= _SUBJECTIVE for s in subjective))
    f["names_someone"] = float(names)
    f["third_person_subject"] = float(third)
    f["first_person"] = float(any(t.lower_ in _FIRST_PERSON for t in tokens))
    f["modal"] = float(any(t.tag_ == "MD" for t in tokens))
    f["comparison"] = float(any(t.tag_ in ("JJR", "RBR", "JJS", "RBS") for t in tokens))
    f["past_main_verb"] = float(any(r.tag_ == "VBD" for r in roots))
    f["present_main_verb"] = float(any(r.tag_ in ("VBZ", "VBP") for r in roots))
    f["numbers_or_dates"] = float(any(t.ent_type_ in _FACT_ENTITIES for t in tokens))
    f["length"] = min(1.0, len(words) / 60)
    return {k: float(v) for k, v in f.items() if v}
