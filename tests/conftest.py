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


def pytest_unconfigure(config):
    """Remove pytest's per-user temporary folder when the run left it empty (tmp_path folders
    are removed already: tmp_path_retention_policy = "none"), so the suite leaves nothing behind."""
    import contextlib
    import getpass
    import tempfile
    from pathlib import Path

    with contextlib.suppress(OSError):  # not empty (another run is using it) or already gone
        (Path(tempfile.gettempdir()) / f"pytest-of-{getpass.getuser()}").rmdir()
