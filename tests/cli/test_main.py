"""The `quotegraph` group: every command registered with its help, the version, exit codes."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli

COMMANDS = ("extract", "demo", "eval", "batch", "ingest", "search", "speakers", "speaker", "cluster",
            "drift", "correct", "stats", "export", "train", "train-acts", "train-confidence", "serve")


def test_every_command_is_registered():
    assert set(cli.commands) == set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help(name):
    r = CliRunner().invoke(cli, [name, "--help"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"Usage: cli {name}")
    first = cli.commands[name].help.splitlines()[0]  # its docstring's first line, wrapped by click
    assert " ".join(first.split()) in " ".join(r.output.split())


def test_version_through_the_console_entry_point():
    r = subprocess.run([sys.executable, "-m", "quotegraph", "--version"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0 and version("quotegraph") in r.stdout


def test_unknown_command_is_a_usage_error():
    r = subprocess.run([sys.executable, "-m", "quotegraph", "quote"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 2 and "No such command 'quote'" in r.stderr
