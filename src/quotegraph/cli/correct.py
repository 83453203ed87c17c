"""The `correct` command: a person's fix to a stored statement (thin over store.corrections)."""

from __future__ import annotations

import json

import click

from ..errors import StoreError
from ..store import corrections
from ..store.db import connect
from ..vocab import ACTS
from .options import db_option

FIELD_NAMES = {"speaker": "speaker", "not-a-statement": "not_a_statement", "act": "act"}


def _describe(c: dict) -> str:
    was = c["was"]
    if c["field"] == "speaker":
        return f"speaker {was.get('speaker') or 'unknown'!r} -> {c['value']!r}"
    if c["field"] == "act":
        return f"act {was.get('act') or 'none'} -> {c['value']}"
    return f"not a statement: {(was.get('content') or c['content'])[:70]!r}"


@click.command()
@click.argument("statement_id", required=False)
@click.option("--speaker", metavar="NAME", help="Who really said it: a name, an alias or a speaker id.")
@click.option("--not-a-statement", is_flag=True, help="It is nobody's statement: remove it from the record.")
@click.option("--act", type=click.Choice(ACTS), help="The right speech act (docs/acts.md).")
@click.option("--note", metavar="TEXT", help="Why, for whoever reads the correction later.")
@click.option("--undo", is_flag=True, help="Remove this statement's corrections and restore what the extractor had.")
@click.option("--field", type=click.Choice(list(FIELD_NAMES)), help="With --undo: only this correction.")
@click.option("--list", "list_all", is_flag=True, help="List every correction in the store.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@db_option
def correct(statement_id: str | None, speaker: str | None, not_a_statement: bool, act: str | None,
            note: str | None, undo: bool, field: str | None, list_all: bool, fmt: str, db: str) -> None:
    """Correct a stored statement: its speaker, its act, or that it is not a statement at all.

    STATEMENT_ID is the `id` that search, the API and exports show. Corrections are kept in
    their own table and survive re-ingest and re-extraction; `--undo` takes them back.
    """
    if list_all:
        items = corrections.list_corrections(connect(db, readonly=True))
        for c in items:
            if fmt == "jsonl":
                click.echo(json.dumps(c, ensure_ascii=False))
            else:
                state = "" if c["applied"] else "  [no stored statement matches it now]"
                click.echo(f"{c['id']}  {c['created_at']}  {c['statement_id']}  {_describe(c)}{state}")
        if fmt == "table":
            click.echo(f"{len(items)} correction{'' if len(items) == 1 else 's'}")
        return
    if not statement_id:
        raise click.UsageError("give a STATEMENT_ID (or --list)")
    conn = connect(db)
    if undo:
        if speaker or not_a_statement or act:
            raise click.UsageError("--undo takes no correction")
        n = corrections.undo(conn, statement_id, FIELD_NAMES[field] if field else None)
        if not n:
            raise StoreError(f"statement {statement_id!r} has no {field + ' ' if field else ''}correction to undo")
        click.echo(f"quotegraph: undid {n} correction{'' if n == 1 else 's'} of {statement_id}", err=True)
        return
    if field:
        raise click.UsageError("--field goes with --undo")
    if sum(bool(x) for x in (speaker, not_a_statement, act)) != 1:
        raise click.UsageError("give exactly one of --speaker NAME, --not-a-statement and --act ACT")
    c = corrections.correct(conn, statement_id, speaker=speaker, not_a_statement=not_a_statement,
                            act=act, note=note, acts=ACTS)
    click.echo(f"quotegraph: corrected {statement_id}: {_describe(c)} (correction {c['id']})", err=True)
