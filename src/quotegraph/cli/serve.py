"""The `serve` command: the web pages and JSON API over a store (thin over quotegraph.serve)."""

from __future__ import annotations

import os
import secrets
import signal
import tempfile
from pathlib import Path

import click

from ..pipeline import DEFAULT_TIER
from .options import db_option, tier_option

DEMO_DB = "demo.db"
# How long a --workers process may take to answer uvicorn's first health check. A spawned worker
# re-imports the console script's module (quotegraph.cli, and with it spaCy) before it can answer:
# several seconds on a busy machine, where uvicorn's 5 s default kills and restarts it forever.
WORKER_STARTUP_S = 60
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _exit_quietly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def build_demo_store(directory: str | os.PathLike[str], tier: str = DEFAULT_TIER) -> Path:
    """Extract the bundled example articles into a new store under `directory`; return its path."""
    from ..examples import example_paths
    from ..nlp import load_pipeline
    from ..pipeline import process_articles
    from ..store import connect, ingest

    path = Path(directory) / DEMO_DB
    conn = connect(path)
    nlp = load_pipeline()
    try:
        ingest(conn, example_paths(), process=lambda arts: process_articles(arts, nlp, tier=tier))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind. The default is reachable from this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (each with its own read-only connections).")
@click.option("--demo", is_flag=True,
              help="Serve a temporary store built from the bundled example articles (ignores --db).")
@click.option("--allow-edits", is_flag=True,
              help="Let statement pages correct a speaker, an act or a non-statement (a form with a CSRF "
                   "token; loopback hosts only). Off by default: the server is read-only.")
@tier_option
def serve(db: str, host: str, port: int, workers: int, demo: bool, allow_edits: bool, tier: str) -> None:
    """Serve the search pages and the JSON API (/api, docs at /docs); read-only unless --allow-edits."""
    import uvicorn

    from ..serve.app import DB_ENV, EDITS_ENV, create_app

    if allow_edits and host not in LOOPBACK:
        raise click.UsageError(f"--allow-edits serves the correction form on a loopback host only "
                               f"({', '.join(LOOPBACK)}), not {host}")
    secret = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory(prefix="quotegraph-demo-") as tmp:
        if demo:
            click.echo("quotegraph: building the demo store from the bundled examples…", err=True)
            db = str(build_demo_store(tmp, tier))
        # Opens the store now: a missing or foreign file is a one-line error.
        app = create_app(db, allow_edits=allow_edits, secret=secret)
        mode = "with edits allowed" if allow_edits else "read-only"
        click.echo(f"quotegraph: serving {db} ({mode}) at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        # uvicorn re-raises SIGTERM after its graceful shutdown; with the default action that
        # would kill the process before the demo store is deleted, so turn it into an exit.
        signal.signal(signal.SIGTERM, _exit_quietly)
        if workers == 1:
            uvicorn.run(app, host=host, port=port, log_level="warning")
        else:
            os.environ[DB_ENV] = str(Path(db).resolve())
            if allow_edits:
                os.environ[EDITS_ENV] = secret.hex()  # every worker signs and checks forms alike
            uvicorn.run("quotegraph.serve.app:app_from_env", factory=True, host=host, port=port,
                        workers=workers, log_level="warning", timeout_worker_healthcheck=WORKER_STARTUP_S)
