"""The trained models: logistic regressions over binary spaCy features, shipped as one JSON file.

Rules propose and the models decide: the cue model vetoes lexicon verbs that report nothing here
("found the keys") and adds verbs the lexicon lacks; the cut model drops the tail of a reported
clause that the writer added ("…, who is 70").
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ModelError
from ..nlp import sha256_file

T = TypeVar("T")

WEIGHTS = "attribution.json"
# `quotegraph train` prints the hash of the file it writes; update this with the file.
WEIGHTS_SHA256 = "78e3c31d75e0172228c1b5cadcb666dee00867aaec48d33b7fc9f7c37a2dc79a"


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Feature weights, an intercept and the decision thresholds chosen on dev."""

    weights: dict[str, float]
    intercept: float
    thresholds: dict[str, float] = field(default_factory=dict)

    def probability(self, features: list[str]) -> float:
        """P(yes) for a candidate's features."""
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        """The model as JSON-ready data."""
        return {"intercept": self.intercept, "thresholds": self.thresholds,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        """The inverse of to_json."""
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                   {str(k): float(v) for k, v in data["thresholds"].items()})


@dataclass(frozen=True, slots=True)
class AttributionModel:
    """Every trained decision extraction makes; None for a part means rules alone decide it."""

    cue: LinearModel | None = None
    cut: LinearModel | None = None

    def save(self, path: Path) -> None:
        """Write the weights file (sorted, so training reruns give the same bytes)."""
        data = {"format": 1, "cue": self.cue and self.cue.to_json(), "cut": self.cut and self.cut.to_json()}
        path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path, sha256: str | None = None) -> AttributionModel:
        """Read a weights file, checking its sha256 when one is given."""
        return load_weights(path, sha256, "attribution model", lambda data: cls(
            *(LinearModel.from_json(data[k]) if data[k] else None for k in ("cue", "cut"))))


def load_weights(path: str | Path, sha256: str | None, what: str, build: Callable[[Any], T]) -> T:
    """`build` over a JSON weights file, its sha256 checked when given; a ModelError names the file."""
    path = Path(path)
    try:
        if sha256 is not None and (got := sha256_file(path)) != sha256:
            raise ModelError(f"{path}: sha256 {got[:12]}… does not match the shipped {what}")
        return build(json.loads(path.read_text(encoding="utf-8")))
    except OSError as e:
        raise ModelError(f"{path}: cannot read the {what} ({e.strerror})") from None
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise ModelError(f"{path}: not an {what} weights file ({e!r})") from None


RULES_ONLY = AttributionModel()


@cache
def default_model() -> AttributionModel:
    """The shipped model, loaded once and hash-checked."""
    path = Path(str(resources.files("quotegraph.model") / "weights" / WEIGHTS))
    return AttributionModel.load(path, WEIGHTS_SHA256)
