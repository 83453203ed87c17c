"""What a statement's confidence is computed from: how it was found and how its speaker was reached.

The trained model in model/confidence.py turns these into a calibrated probability that the
statement is one and its speaker's name is right (docs/confidence.md).
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from .draft import Draft
from .resolve import Resolution
from .spans import text_of

_SAY = frozenset({"say", "tell", "add", "state", "write", "according to", ":"})


def confidence_features(doc: Doc, d: Draft, kind: str, resolution: Resolution, speech: bool) -> list[str]:
    """Named binary features of one statement for the confidence model."""
    sp = resolution.speaker
    feats = [f"kind={kind}", f"via={resolution.via if sp is not None else 'unresolved'}",
             f"type={sp.type if sp is not None else 'none'}", f"speech={speech}"]
    if d.head is not None:
        feats.append("continuation")
    if d.cue is None:
        feats.append("cue=none")
    else:
        cue = doc.char_span(d.cue[0], d.cue[1], alignment_mode="expand")
        lemma = doc[d.anchor].lemma_.lower() if cue is not None else ""
        text = cue.text.lower() if cue is not None else ""
        feats.append("cue=say" if lemma in _SAY or text in _SAY or text.startswith("according") else "cue=other")
    if sp is not None:
        feats.append("titled" if sp.title else "untitled")
        feats.append("full_name" if sp.type == "person" and len(sp.name.split()) > 1 else "short_name")
    for cut in (0.95, 0.8, 0.6):
        if resolution.certainty >= cut:
            feats.append(f"certainty>={cut}")
        if d.confidence >= cut:
            feats.append(f"draft>={cut}")
    # text_of, not doc.text: spaCy rebuilds doc.text from every token on each access.
    words = sum(len(text_of(doc)[s:e].split()) for s, e in d.content)
    feats.append(f"words~{min(4, int(math.log2(max(1, words))))}")
    return feats
