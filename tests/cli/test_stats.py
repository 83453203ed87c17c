"""`quotegraph stats` through click's CliRunner: the three formats, groupings, dates, bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli


def _run(*args):
    return CliRunner().invoke(cli, ["stats", *args], catch_exceptions=False)


def test_json_by_outlet(sources_db):
    r = _run("--db", str(sources_db), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    gazette = next(g for g in data["groups"] if g["outlet"] == "Gazette")
    assert (gazette["statements"], gazette["sources"], gazette["women"]) == (8, 4, 2)
    assert data["speech_only"] is True and data["total"]["articles"] == 3


def test_table_names_the_figures(sources_db):
    r = _run("--db", str(sources_db))
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "Who gets quoted (speech only)"
    gazette = next(ln for ln in lines if ln.startswith("Gazette"))
    assert "66.7%" in gazette and "12.5%" in gazette  # women of known, anonymous share
    assert any(ln.startswith("total") for ln in lines)
    assert "female: Anna Lindqvist (3)" in r.output


def test_csv_by_outlet_and_month_with_dates(sources_db):
    r = _run("--db", str(sources_db), "--format", "csv", "--by", "outlet,month", "--since", "2016-10")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [(x["outlet"], x["month"], x["statements"]) for x in rows] == [("Gazette", "2016-10", "3"),
                                                                          ("Herald", "2016-10", "2")]
    assert rows[0]["top_female"] == ""  # by outlet and month, only the total lists people


def test_all_statements_flag(sources_db):
    r = _run("--db", str(sources_db), "--format", "json", "--by", "none", "--all-statements")
    assert json.loads(r.output)["total"]["statements"] == 11


@pytest.mark.parametrize("args", [["--since", "last week"], ["--by", "weekday"]])
def test_bad_input_is_one_line(sources_db, args):
    r = CliRunner().invoke(cli, ["stats", "--db", str(sources_db), *args])
    assert r.exit_code == 2
    assert args[0] in r.output and "Traceback" not in r.output


def test_missing_store_is_named(tmp_path):
    r = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "none.db")])
    assert r.exit_code != 0 and "no store at" in str(r.exception)  # main() prints it as one line
