"""`quotegraph train` and `train-acts`: options, and one clear line for input they cannot use.

The trainers themselves run in tests/train (a few PolNeAR documents, the bundled act labels).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli

ACTS = Path(__file__).parents[1] / "acts"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize(("args", "missing"), [
    (["train", "--out", "x"], "--polnear"),
    (["train-acts", "--gold", str(ACTS / "acts_docs.jsonl"), "--out", "x"], "--acts"),
])
def test_required_options_are_usage_errors(args, missing):
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 2 and f"Missing option '{missing}'" in r.output


@pytest.mark.parametrize("option", [["--epochs", "2"], ["--lr", "1e-4"], ["--folds", "3"]])
def test_the_taggers_options_are_refused_for_the_fast_tier(tmp_path, option):
    """The fast tier would ignore them, and a user would take the run for the one they asked for."""
    r = CliRunner().invoke(cli, ["train", "--polnear", str(tmp_path), "--out", str(tmp_path / "out"), *option])
    assert r.exit_code == 2 and f"{option[0]} is for --tier accurate" in r.output


def test_a_learning_rate_must_be_positive(tmp_path):
    r = CliRunner().invoke(cli, ["train", "--tier", "accurate", "--polnear", str(tmp_path), "--out", "x", "--lr", "0"])
    assert r.exit_code == 2 and "--lr" in r.output


def test_train_on_a_folder_without_polnear_says_so_in_one_line(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the [train] extra (scikit-learn)")
    r = _run("train", "--polnear", str(tmp_path), "--out", str(tmp_path / "out"))
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [f"quotegraph: error: {tmp_path}: no PolNeAR 'train' split here "
                                             "(expected train/text/ and train/attributions/)"]
    assert not (tmp_path / "out").exists()


def test_train_acts_without_the_labelled_documents_says_so_in_one_line(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the [train] extra (scikit-learn)")
    r = _run("train-acts", "--gold", str(ACTS / "acts_docs.jsonl"), "--acts", str(ACTS / "acts_train.jsonl"),
             "--out", str(tmp_path))
    assert r.returncode == 2
    # The trainer's progress ("0 of 1217 labels matched …") comes first; the error is its last line.
    *progress, line = r.stderr.strip().splitlines()
    assert line.startswith("quotegraph: error: too few labels to train on: 0 matched")
    assert not any("Traceback" in p or "error" in p for p in progress)


def test_the_help_gives_the_recipes_own_defaults():
    """The help states the defaults by hand (the CLI does not import the trainer), so it is checked."""
    from quotegraph.train.tagger import Hyper

    out = " ".join(CliRunner().invoke(cli, ["train", "--help"]).output.split())
    assert f"training epochs. [default: {Hyper().epochs}]" in out
    assert f"peak learning rate. [default: {Hyper().lr}]" in out
