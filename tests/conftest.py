"""Options shared by the whole test suite."""

from __future__ import annotations


def pytest_addoption(parser):
    parser.addoption(
        "--update-baseline", action="store_true", default=False,
        help="Rewrite recorded baselines (e.g. tests/evaluate/eval_baseline.json) from the "
             "current output instead of checking against them; review the diff before committing.")
    parser.addoption(
        "--regen-golden", action="store_true", default=False,
        help="Rewrite tests/golden/*.json from the current extraction; review the diff before committing.")
