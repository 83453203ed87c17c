"""Trained components shipped with the package: weights as data files, hash-checked at load."""

from .cues import CueModel, default_cue_model

__all__ = ["CueModel", "default_cue_model"]
