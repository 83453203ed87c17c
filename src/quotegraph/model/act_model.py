"""The trained act model: a multinomial logistic regression over named feature values, one JSON file.

It settles statement vs claim vs accusation once the rules (extract/acts.py) have picked one of
those three; the rules alone decide every other act. `quotegraph train-acts` reproduces the file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .linear import load_weights

ACT_WEIGHTS = "acts.json"
# `quotegraph train-acts` prints the hash of the file it writes; update this with the file.
ACT_WEIGHTS_SHA256 = "b213efd43b42c9edc7915ea139a9f216008f225442618ed1141de921d9532008"


@dataclass(frozen=True, slots=True)
class SoftmaxModel:
    """Per-class feature weights and intercepts; features absent from a draft count as 0."""

    classes: tuple[str, ...]
    weights: dict[str, dict[str, float]]
    intercepts: dict[str, float]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """P(class) for one draft's feature values."""
        z = {c: self.intercepts[c] + sum(self.weights[c].get(k, 0.0) * v for k, v in features.items())
             for c in self.classes}
        top = max(z.values())
        e = {c: math.exp(v - top) for c, v in z.items()}
        total = sum(e.values())
        return {c: v / total for c, v in e.items()}

    def save(self, path: Path) -> None:
        """Write the weights file (sorted and rounded, so training reruns give the same bytes)."""
        data = {"format": 1, "classes": list(self.classes),
                "intercepts": {c: round(self.intercepts[c], 6) for c in self.classes},
                "weights": {c: {k: round(w, 6) for k, w in sorted(self.weights[c].items()) if round(w, 6)}
                            for c in self.classes}}
        path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SoftmaxModel:
        """The inverse of save's JSON."""
        classes = tuple(str(c) for c in data["classes"])
        return cls(classes, {c: {str(k): float(w) for k, w in data["weights"][c].items()} for c in classes},
                   {c: float(data["intercepts"][c]) for c in classes})

    @classmethod
    def load(cls, path: str | Path, sha256: str | None = None) -> SoftmaxModel:
        """Read a weights file, checking its sha256 when one is given."""
        return load_weights(path, sha256, "act model", cls.from_json)


@cache
def default_act_model() -> SoftmaxModel:
    """The shipped act model, loaded once and hash-checked."""
    path = Path(str(resources.files("quotegraph.model") / "weights" / ACT_WEIGHTS))
    return SoftmaxModel.load(path, ACT_WEIGHTS_SHA256)
