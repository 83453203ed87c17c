"""`quotegraph eval`: score extraction against PolNeAR or any gold_*.jsonl file."""

from __future__ import annotations

import json

import click

from ..evaluate import evaluate, format_report, load_polnear, read_gold_jsonl, read_predictions
from .options import model_option


@click.command("eval")
@click.option("--corpus", nargs=2, type=(click.Choice(["polnear"]), click.Path(exists=True, file_okay=False)),
              default=None, metavar="polnear PATH",
              help="Score against a corpus in its raw layout, e.g. --corpus polnear ../shared/data/polnear.")
@click.option("--split", default="dev", show_default=True, help="Corpus split to score.")
@click.option("--markdown", is_flag=True,
              help="Use the split's markdown rendering (PATH/gold_<split>_markdown.jsonl).")
@click.option("--gold", "gold_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score against a gold file in the gold_*.jsonl format instead of --corpus.")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score saved `quotegraph extract` JSONL output instead of running extraction.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True)
@model_option
def eval_command(corpus: tuple[str, str] | None, split: str, markdown: bool, gold_file: str | None,
                 predictions: str | None, limit: int | None, as_json: bool, batch_size: int,
                 model: str | None) -> None:
    """Extract from gold articles and print source/cue/content P/R/F1, overall and per publisher."""
    if (corpus is None) == (gold_file is None):
        raise click.UsageError("give exactly one of --corpus polnear PATH and --gold FILE")
    if corpus is not None:
        docs = load_polnear(corpus[1], split, markdown=markdown, limit=limit)
        label = f"PolNeAR {split}{' (markdown)' if markdown else ''}"
    else:
        if markdown:
            raise click.UsageError("--markdown goes with --corpus; for --gold, pass the markdown gold file")
        docs = read_gold_jsonl(gold_file, limit=limit)  # type: ignore[arg-type]
        label = str(gold_file)
    results = read_predictions(predictions) if predictions else None
    nlp = None
    if results is None:
        from ..nlp import load_pipeline

        nlp = load_pipeline(model)
    report = evaluate(docs, results, nlp=nlp, batch_size=batch_size, corpus=label)
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else format_report(report))
