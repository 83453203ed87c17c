"""`quotegraph train`: reproduce the shipped attribution model from PolNeAR (needs the [train] extra)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import QuotegraphError
from ..evaluate import load_polnear
from ..pipeline import DEFAULT_TIER, TIERS


@click.command("train")
@click.option("--polnear", "root", required=True, type=click.Path(exists=True, file_okay=False),
              help="PolNeAR in its raw layout: PATH/train and PATH/dev.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the weights file (attribution.json).")
@click.option("--tier", type=click.Choice(TIERS), default=DEFAULT_TIER, show_default=True,
              help="fast: the linear model (attribution.json); accurate: the MiniLM tagger (tagger.int8.onnx).")
@click.option("--epochs", type=click.IntRange(min=1), default=None,
              help="Accurate tier only: training epochs. [default: 5]")
@click.option("--lr", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Accurate tier only: peak learning rate. [default: 0.00016]")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Train and select on the first N documents of each split (a smoke test).")
@click.option("--folds", type=click.IntRange(min=2), default=None,
              help="Accurate tier only: cross-validate by document on train instead (K taggers, each "
                   "scored on the fold it did not see, every epoch's probabilities kept in --out).")
def train(root: str, out_dir: str, tier: str, epochs: int | None, lr: float | None, seed: int,
          limit: int | None, folds: int | None) -> None:
    """Fit a tier's model on PolNeAR train, print dev scores (the fast tier's thresholds are chosen on dev)."""
    if tier == "accurate":
        _train_accurate(root, Path(out_dir), epochs, lr, seed, limit, folds)
        return
    for name, value in (("--folds", folds), ("--epochs", epochs), ("--lr", lr)):
        if value is not None:
            raise click.UsageError(f"{name} is for --tier accurate")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise QuotegraphError("training needs scikit-learn: pip install 'quotegraph[train]'") from None
    from ..nlp import load_pipeline
    from ..train.attribution import train_model

    report = train_model(load_polnear(root, "train", limit=limit), load_polnear(root, "dev", limit=limit),
                             load_pipeline(), Path(out_dir), seed=seed, log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(report, indent=1))


def _train_accurate(root: str, out: Path, epochs: int | None, lr: float | None, seed: int,
                    limit: int | None, folds: int | None) -> None:
    try:
        import onnx  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        raise QuotegraphError("training the accurate tier needs torch, transformers and onnx: "
                              "pip install 'quotegraph[train]'") from None
    from ..nlp import load_pipeline
    from ..train.parsed import parse
    from ..train.tagger import Hyper, cross_validate, train_tagger

    given = {"epochs": epochs, "lr": lr}
    hyper = Hyper(seed=seed, **{k: v for k, v in given.items() if v is not None})
    log = lambda m: click.echo(m, err=True)  # noqa: E731
    if folds:
        docs = load_polnear(root, "train", limit=limit)
        report = cross_validate(parse(docs, load_pipeline()), out, folds, hyper, log)
        click.echo(json.dumps({k: v for k, v in report.items() if k != "fold_of"}, indent=1))
        return
    report = train_tagger(load_polnear(root, "train", limit=limit), load_polnear(root, "dev", limit=limit),
                          load_pipeline(), out, hyper, log=log)
    click.echo(json.dumps(report, indent=1))


@click.command("train-acts")
@click.option("--gold", "gold_paths", required=True, multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL with the labelled documents' text (repeatable).")
@click.option("--acts", "act_paths", required=True, multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Act labels (tests/acts/*.jsonl; repeatable). The held-out splits (test, test2) are never used.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the weights file (acts.json).")
def train_acts(gold_paths: tuple[str, ...], act_paths: tuple[str, ...], out_dir: str) -> None:
    """Fit the act model on hand act labels; print cross-validated figures against the rules."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise QuotegraphError("training needs scikit-learn: pip install 'quotegraph[train]'") from None
    from ..evaluate.acts import read_act_labels
    from ..evaluate.gold import read_gold_jsonl
    from ..nlp import load_pipeline
    from ..train.acts import train_act_model

    docs = [d for p in gold_paths for d in read_gold_jsonl(p)]
    labels = [lab for p in act_paths for lab in read_act_labels(p)]
    report = train_act_model(docs, labels, load_pipeline(), Path(out_dir), log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(report, indent=1))


@click.command("train-confidence")
@click.option("--ggt", "ggt_root", required=True, type=click.Path(exists=True, file_okay=False),
              help="The GGT corpus folder (gold_dev.jsonl and text/); only the dev split is read.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the weights file (confidence.json).")
def train_confidence(ggt_root: str, out_dir: str) -> None:
    """Fit the confidence model on GGT dev; print its cross-validated calibration."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise QuotegraphError("training needs scikit-learn: pip install 'quotegraph[train]'") from None
    from ..evaluate.ggt import load_ggt
    from ..nlp import load_pipeline
    from ..train.confidence import train_confidence_model

    report = train_confidence_model(load_ggt(ggt_root, "dev"), load_pipeline(), Path(out_dir),
                                    log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(report, indent=1))
