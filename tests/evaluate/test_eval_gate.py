"""The eval gate: each tier on PolNeAR dev, and the fast tier on its markdown copy, must not fall below recorded floors.

A figure may dip at most TOLERANCE below its floor in eval_baseline.json. To record new floors
after an improvement, run

    pytest tests/evaluate/test_eval_gate.py --update-baseline

review the diff of eval_baseline.json, and commit it. Lowering a floor is the same command, and
an explicit act in review.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from quotegraph.evaluate import GATE_FIGURES, evaluate, format_report, load_polnear

BASELINE = Path(__file__).with_name("eval_baseline.json")
TOLERANCE = 0.01
VARIANTS = {"dev": False, "dev_markdown": True}
# Baseline keys: the fast tier's keep their first names; the accurate tier's are prefixed.
TIER_PREFIX = {"fast": "", "accurate": "accurate_"}

pytestmark = [pytest.mark.polnear, pytest.mark.slow]


@pytest.fixture(scope="module")
def nlp():
    from quotegraph.nlp import load_pipeline

    return load_pipeline()


def _floor(x: float) -> float:
    # Rounded down, so a rerun of the same code always clears its own floor.
    return math.floor(x * 1000) / 1000


# The markdown reader is the same for both tiers (they read the same normalised text), so the
# markdown copy is gated on the fast tier only: a minute of CI less.
RUNS = [("dev", "fast"), ("dev", "accurate"), ("dev_markdown", "fast")]


@pytest.mark.parametrize(("markdown", "tier"), RUNS, ids=["-".join(r) for r in RUNS])
def test_eval_gate(markdown, tier, polnear_dir, nlp, request):
    docs = load_polnear(polnear_dir, "dev", markdown=VARIANTS[markdown])
    assert len(docs) == 84
    variant = TIER_PREFIX[tier] + markdown
    report = evaluate(docs, nlp=nlp, corpus=f"PolNeAR {markdown}", tier=tier)
    figures = report["gate"]
    print(f"\n{format_report(report)}")

    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    if request.config.getoption("--update-baseline"):
        baseline[variant] = {name: _floor(figures[name]) for name in GATE_FIGURES}
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return

    floors = baseline.get(variant, {})
    missing = [name for name in GATE_FIGURES if name not in floors]
    assert not missing, f"no floor recorded for {variant}: {missing}; run pytest {__file__} --update-baseline"
    drops = {name: f"{figures[name]:.3f} < floor {floors[name]:.3f}" for name in GATE_FIGURES
             if figures[name] < floors[name] - TOLERANCE}
    assert not drops, f"{variant} fell below its floors: {drops}\n{format_report(report)}"
