"""The GGT eval gate: each tier on GGT dev must not fall below recorded floors (nor its error
rates rise above recorded ceilings).

Floors and ceilings live in eval_baseline.json beside the PolNeAR ones; record new ones with

    pytest tests/evaluate/test_eval_gate_ggt.py --update-baseline

and review the diff. No GGT text is stored: the test reads ../shared/data/ggt and skips without it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from quotegraph.evaluate.ggt import evaluate_ggt, format_ggt, load_ggt

BASELINE = Path(__file__).with_name("eval_baseline.json")
TOLERANCE = 0.01
# Higher is better for these …
FLOORS = {"quotes03_p": lambda o: o["quotes@0.3"]["p"], "quotes03_r": lambda o: o["quotes@0.3"]["r"],
          "quotes03_f1": lambda o: o["quotes@0.3"]["f1"], "quotes08_f1": lambda o: o["quotes@0.8"]["f1"],
          "speaker_name": lambda o: o["speaker_name"], "people_f1": lambda o: o["people_quoted"]["f1"]}
# … and lower is better for these.
CEILINGS = {"wrong_name": lambda r: r["overall"]["wrong_name"], "ece": lambda r: r["calibration"]["ece"]}
TIER_PREFIX = {"fast": "", "accurate": "accurate_"}

pytestmark = [pytest.mark.polnear, pytest.mark.slow]


@pytest.mark.parametrize("tier", list(TIER_PREFIX))
def test_ggt_gate(tier, ggt_dir, request):
    from quotegraph.nlp import load_pipeline

    docs = load_ggt(ggt_dir, "dev")
    assert len(docs) == 50
    report = evaluate_ggt(docs, nlp=load_pipeline(), tier=tier, corpus="GGT dev")
    print(f"\n{format_ggt(report)}")
    figures = {k: f(report["overall"]) for k, f in FLOORS.items()}
    ceilings = {k: f(report) for k, f in CEILINGS.items()}
    key = TIER_PREFIX[tier] + "ggt_dev"
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    if request.config.getoption("--update-baseline"):
        baseline[key] = {**{k: math.floor(v * 1000) / 1000 for k, v in figures.items()},
                         **{f"max_{k}": math.ceil(v * 1000) / 1000 for k, v in ceilings.items()}}
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return
    recorded = baseline.get(key)
    assert recorded, f"no GGT floors recorded for {key}; run pytest {__file__} --update-baseline"
    drops = {k: f"{v:.3f} < floor {recorded[k]:.3f}" for k, v in figures.items() if v < recorded[k] - TOLERANCE}
    rises = {k: f"{v:.3f} > ceiling {recorded['max_' + k]:.3f}" for k, v in ceilings.items()
             if v > recorded["max_" + k] + TOLERANCE}
    assert not drops and not rises, f"{key}: {drops} {rises}"
