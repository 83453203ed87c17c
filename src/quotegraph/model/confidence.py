"""The confidence model: a logistic regression that calibrates each statement's confidence.

It reads extract/confidence.py's features and gives the probability that the statement is one
and its speaker's name is right, fitted on GGT dev (`quotegraph train-confidence`, docs/confidence.md).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from .linear import LinearModel, load_weights

CONFIDENCE_WEIGHTS = "confidence.json"
# `quotegraph train-confidence` prints the hash of the file it writes; update this with the file.
CONFIDENCE_SHA256 = "4ba0693bbadd3c667f3682e4f9bd634abaeb336e53baeb865c680266b928e636"


def load_confidence(path: str | Path, sha256: str | None = None) -> LinearModel:
    """Read a confidence weights file, checking its sha256 when one is given."""
    return load_weights(path, sha256, "confidence model", LinearModel.from_json)


@cache
def default_confidence() -> LinearModel | None:
    """The shipped model, loaded once and hash-checked; None until one has been trained."""
    if not CONFIDENCE_SHA256:
        return None
    path = Path(str(resources.files("quotegraph.model") / "weights" / CONFIDENCE_WEIGHTS))
    return load_confidence(path, CONFIDENCE_SHA256)
