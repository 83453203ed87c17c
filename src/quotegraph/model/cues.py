"""The learned cue model: a logistic regression over cue_features, stored as a small JSON file.

Rules propose cue verbs from the lexicon; the model vetoes lexicon verbs that do not report
anything here ("found the keys") and adds verbs the lexicon lacks ("slammed", "touted").
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ModelError
from ..nlp import sha256_file

WEIGHTS = "cues.json"
# `quotegraph train` prints the hash of the weights it writes; update this with the file.
WEIGHTS_SHA256 = "749763ae0a63589235aff93e4aa02ef9afcde2b5e01e6f4c47ae215aab617feb"


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights plus the two decision thresholds chosen on dev."""

    weights: dict[str, float]
    intercept: float
    veto_below: float  # a lexicon verb scored below this is not a cue
    add_above: float  # a verb outside the lexicon scored above this is a cue

    def probability(self, features: list[str]) -> float:
        """P(cue) for a candidate's features."""
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        """The weights file's content."""
        return {"format": 1, "intercept": self.intercept, "veto_below": self.veto_below,
                "add_above": self.add_above, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def load(cls, path: str | Path, sha256: str | None = None) -> CueModel:
        """Read a weights file, checking its sha256 when one is given."""
        path = Path(path)
        try:
            if sha256 is not None and (got := sha256_file(path)) != sha256:
                raise ModelError(f"{path}: sha256 {got[:12]}… does not match the shipped cue model")
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                       float(data["veto_below"]), float(data["add_above"]))
        except OSError as e:
            raise ModelError(f"{path}: cannot read the cue model ({e.strerror})") from None
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise ModelError(f"{path}: not a cue model weights file ({e})") from None


@cache
def default_cue_model() -> CueModel:
    """The shipped cue model, loaded once and hash-checked."""
    path = Path(str(resources.files("quotegraph.model") / "weights" / WEIGHTS))
    return CueModel.load(path, WEIGHTS_SHA256)
