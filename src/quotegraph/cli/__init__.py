"""The `quotegraph` command: a thin layer over the library. Each area registers its commands."""

from __future__ import annotations

import sys

import click

from ..errors import QuotegraphError
from .batch import batch
from .correct import correct
from .drift import drift
from .eval import eval_command
from .extract import demo, extract
from .options import EXIT_INPUT
from .serve import serve
from .stats import stats
from .store import cluster, export, ingest, search, speaker, speakers
from .train import train, train_acts, train_confidence


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quotegraph")
def cli() -> None:
    """Who said what, about whom, when and how: attributed statements from news articles."""


for command in (extract, demo, eval_command, batch, ingest, search, speakers, speaker, cluster, drift, correct,
                export, stats, train, train_acts, train_confidence, serve):
    cli.add_command(command)


def main() -> None:
    """Console entry point: QuotegraphErrors become one clear line and exit code 2."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except QuotegraphError as e:
        click.echo(f"quotegraph: error: {e}", err=True)
        sys.exit(EXIT_INPUT)
    except BrokenPipeError:
        sys.exit(0)
