"""Evaluation: gold attributions (PolNeAR, gold_*.jsonl), scoring, and reports."""

from __future__ import annotations

from .gold import GoldDoc, GoldQuote, gold_from_record, gold_to_record, read_gold_jsonl
from .polnear import load_polnear, parse_ann, read_brat_split
from .report import format_comparison, format_report
from .run import align, evaluate, evaluate_apart, predict, read_predictions
from .score import GATE_FIGURES, Attribution, Scores, gate_figures, score, score_doc

__all__ = [
    "evaluate_apart", "format_comparison",
    "GATE_FIGURES", "Attribution", "GoldDoc", "GoldQuote", "Scores", "align", "evaluate",
    "format_report", "gate_figures", "gold_from_record", "gold_to_record", "load_polnear",
    "parse_ann", "predict", "read_brat_split", "read_gold_jsonl", "read_predictions", "score",
    "score_doc",
]
