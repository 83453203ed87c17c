"""Trained components shipped with the package: weights as data files, hash-checked at load."""

from .linear import RULES_ONLY, AttributionModel, LinearModel, default_model

__all__ = ["RULES_ONLY", "AttributionModel", "LinearModel", "default_model"]
