"""`quotegraph eval`: score extraction against PolNeAR or any gold_*.jsonl file."""

from __future__ import annotations

import json

import click

from ..evaluate import (
    align,
    evaluate,
    evaluate_apart,
    format_comparison,
    format_report,
    load_polnear,
    predict,
    read_gold_jsonl,
    read_predictions,
)
from ..evaluate.acts import format_act_report, labels_in_gold, read_act_labels, score_acts
from ..evaluate.anonymous import evaluate_anonymous, format_anonymous, read_labels
from ..evaluate.corrections import format_corrections, read_cases, score_corrections
from ..evaluate.ggt import (
    evaluate_ggt,
    evaluate_ggt_apart,
    format_ggt,
    format_ggt_comparison,
    load_ggt,
)
from ..pipeline import BATCH_SIZE, DEFAULT_TIER, TIERS
from .options import model_option


@click.command("eval")
@click.option("--corpus", nargs=2, type=(click.Choice(["polnear", "ggt"]), click.Path(exists=True, file_okay=False)),
              default=None, metavar="polnear|ggt PATH",
              help="Score against a corpus in its raw layout, e.g. --corpus polnear ../shared/data/polnear "
                   "or --corpus ggt ../shared/data/ggt (GGT's own matching; speech statements only).")
@click.option("--split", default="dev", show_default=True, help="Corpus split to score.")
@click.option("--markdown", is_flag=True,
              help="Use the split's markdown rendering (PATH/gold_<split>_markdown.jsonl).")
@click.option("--gold", "gold_files", type=click.Path(exists=True, dir_okay=False), multiple=True,
              help="Score against a gold file in the gold_*.jsonl format instead of --corpus (repeatable).")
@click.option("--acts", "acts_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Act labels ({doc_id, content, act, split} per line) to score speech acts with; "
                   "gold records that carry an \"acts\" key are scored without it.")
@click.option("--acts-split", default="all", show_default=True,
              help="Score only act labels of this split (test, tune, all).")
@click.option("--corrections", "corrections_db", type=click.Path(exists=True, dir_okay=False), default=None,
              metavar="STORE", help="Also score against the corrections people made in this store "
                                    "(`quotegraph correct`): their speakers, acts and non-statements as gold.")
@click.option("--anonymous", "anonymous", nargs=2, default=None, metavar="LABELS DATA",
              type=(click.Path(exists=True, dir_okay=False), click.Path(exists=True, file_okay=False)),
              help="Only score Statement.anonymous against hand labels, e.g. --anonymous "
                   "tests/evaluate/anonymous_labels.jsonl ../shared/data (docs/sources.md).")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score saved `quotegraph extract` JSONL output instead of running extraction.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--errors", "show_errors", is_flag=True,
              help="GGT: list every missed quote, extra record and wrong speaker, with a category.")
@click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True)
@click.option("--tier", type=click.Choice([*TIERS, "both"]), default=DEFAULT_TIER, show_default=True,
              help="The tier to score; `both` runs each in a fresh process and prints them side by side.")
@model_option
def eval_command(corpus: tuple[str, str] | None, split: str, markdown: bool, gold_files: tuple[str, ...],
                 acts_file: str | None, acts_split: str, corrections_db: str | None,
                 anonymous: tuple[str, str] | None, predictions: str | None,
                 limit: int | None, as_json: bool, show_errors: bool, batch_size: int, tier: str,
                 model: str | None) -> None:
    """Extract from gold articles and print source/cue/content P/R/F1, overall and per publisher.

    With --corrections STORE, also check the extraction against the corrections people made
    (alone, without --corpus or --gold, only that). With --anonymous LABELS DATA, only the
    anonymous-source flag against hand labels.
    """
    if anonymous is not None:
        if corpus is not None or gold_files or corrections_db or acts_file or tier == "both":
            raise click.UsageError("--anonymous is scored alone, on one tier")
        _eval_anonymous(*anonymous, predictions, as_json, show_errors, batch_size, tier, model)
        return
    if corpus is not None and gold_files:
        raise click.UsageError("give exactly one of --corpus polnear|ggt PATH and --gold FILE")
    if corpus is None and not gold_files:
        if corrections_db is None:
            raise click.UsageError("give exactly one of --corpus polnear|ggt PATH and --gold FILE "
                                   "(or only --corrections STORE)")
        if tier == "both":
            raise click.UsageError("--corrections scores one tier at a time")
        _corrections_only(corrections_db, tier, model, as_json)
        return
    if corpus is not None and corpus[0] == "ggt":
        if corrections_db:
            raise click.UsageError("--corrections goes with --corpus polnear or --gold, or alone")
        _eval_ggt(corpus[1], split, limit, predictions, as_json, show_errors, batch_size, tier, model)
        return
    if show_errors:
        raise click.UsageError("--errors goes with --corpus ggt or --anonymous")
    if corpus is not None:
        docs = load_polnear(corpus[1], split, markdown=markdown, limit=limit)
        label = f"PolNeAR {split}{' (markdown)' if markdown else ''}"
    else:
        if markdown:
            raise click.UsageError("--markdown goes with --corpus; for --gold, pass the markdown gold file")
        docs = [d for g in gold_files for d in read_gold_jsonl(g, limit=limit)]
        label = " + ".join(gold_files)
    if tier == "both":
        if predictions or acts_file or corrections_db:
            raise click.UsageError("--tier both scores fresh runs of each tier; it takes no --predictions, "
                                   "--acts or --corrections")
        reports = {t: evaluate_apart(docs, t, batch_size, label, model) for t in TIERS}
        click.echo(json.dumps(reports, ensure_ascii=False) if as_json else format_comparison(reports))
        return
    results = read_predictions(predictions) if predictions else None
    nlp = None
    if results is None:
        from ..nlp import load_pipeline

        nlp = load_pipeline(model)
    labels = labels_in_gold(docs) + (read_act_labels(acts_file, acts_split) if acts_file else [])
    if labels and results is None:
        results, _ = predict(docs, nlp, batch_size, tier)  # acts need the statements, not only scores
    report = evaluate(docs, results, nlp=nlp, batch_size=batch_size, corpus=label, tier=tier)
    if labels:
        report["acts"] = score_acts(align(docs, results or []), labels)
    text = format_report(report)
    if labels:
        text += "\n\n" + format_act_report(report["acts"])
    if corrections_db:
        report["corrections"] = _score_corrections(corrections_db, nlp, tier, model)
        text += "\n\n" + format_corrections(report["corrections"])
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else text)


def _score_corrections(db: str, nlp, tier: str, model: str | None) -> dict:  # noqa: ANN001 (a Language or None)
    from ..nlp import load_pipeline
    from ..pipeline import process_articles
    from ..store.db import connect

    nlp = nlp or load_pipeline(model)
    return score_corrections(read_cases(connect(db, readonly=True)),
                             lambda arts: process_articles(arts, nlp, tier=tier))


def _corrections_only(db: str, tier: str, model: str | None, as_json: bool) -> None:
    report = _score_corrections(db, None, tier, model)
    click.echo(json.dumps({"corrections": report}, ensure_ascii=False) if as_json else format_corrections(report))


def _eval_ggt(path: str, split: str, limit: int | None, predictions: str | None, as_json: bool,
              show_errors: bool, batch_size: int, tier: str, model: str | None) -> None:
    docs = load_ggt(path, split, limit=limit)
    label = f"GGT {split}"
    if tier == "both":
        if predictions:
            raise click.UsageError("--tier both scores fresh runs of each tier; it takes no --predictions")
        reports = {t: evaluate_ggt_apart(docs, t, batch_size, label, model) for t in TIERS}
        click.echo(json.dumps(reports, ensure_ascii=False) if as_json else format_ggt_comparison(reports))
        return
    results = read_predictions(predictions) if predictions else None
    nlp = None
    if results is None:
        from ..nlp import load_pipeline

        nlp = load_pipeline(model)
    report = evaluate_ggt(docs, results, nlp, batch_size, tier, label)
    if not show_errors and not as_json:
        report.pop("errors")
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else format_ggt(report, errors=show_errors))


def _eval_anonymous(labels_path: str, data: str, predictions: str | None, as_json: bool, show_errors: bool,
                    batch_size: int, tier: str, model: str | None) -> None:
    labels = read_labels(labels_path)
    results = read_predictions(predictions) if predictions else None
    nlp = None
    if results is None:
        from ..nlp import load_pipeline

        nlp = load_pipeline(model)
    report = evaluate_anonymous(labels, data, nlp, results, batch_size, tier)
    if not show_errors and not as_json:
        report.pop("errors")
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else format_anonymous(report, errors=show_errors))
