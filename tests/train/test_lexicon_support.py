"""docs/lexicons.md covers every lexicon entry, and (with PolNeAR) every entry has support."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quotegraph.train import lexicon_support as ls

DOC = Path(__file__).parents[2] / "docs" / "lexicons.md"
POLNEAR = Path(__file__).parents[2].parent / "shared" / "data" / "polnear"
CELL = re.compile(r"^(.+) (\d+)/(\d+)(?: \((\d+)/(\d+)\))?$")


def documented() -> dict[str, list[str]]:
    """Per lexicon file, the entries docs/lexicons.md gives counts for."""
    out: dict[str, list[str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## `"):
            current = line[4:-1]
        elif current and line.startswith("entry train/tune"):
            cells = line.split(": ", 1)[1].rstrip(".").split("; ")
            out[current] = [CELL.match(c).group(1) for c in cells]
    return out


def entries(spec: ls.Spec) -> list[str]:
    _, rows = ls.rows(spec.file)
    return [" ".join(r[:2]) if spec.file == "act_content.tsv" else r[0] for r in rows if r != [ls._FIRST_NAMES]]


@pytest.mark.parametrize("spec", [s for s in ls.SPECS if not s.external], ids=lambda s: s.file)
def test_every_entry_is_documented_with_its_counts(spec):
    assert documented().get(spec.file) == entries(spec), "run the lexicon_support module to update docs/lexicons.md"


def test_every_lexicon_file_is_counted():
    files = {p.name for p in Path(ls.__file__).parents[1].joinpath("extract", "lexicon").iterdir()
             if p.suffix in (".txt", ".tsv")}
    assert files == {s.file for s in ls.SPECS}


@pytest.mark.polnear
@pytest.mark.slow
def test_counts_reproduce_and_every_entry_has_support(tmp_path, capsys):
    if not (POLNEAR / "gold_train.jsonl").is_file():
        pytest.skip(f"PolNeAR data not found at {POLNEAR} (it is kept outside the repository)")
    out = tmp_path / "lexicons.md"
    ls.main([str(POLNEAR), "--acts", str(Path(__file__).parents[1] / "acts"), "--out", str(out)])
    printed = capsys.readouterr().out
    assert all(line.split(": ")[1].startswith("0 without support") for line in printed.splitlines()
               if line.split(":")[0] in {s.file for s in ls.SPECS if not s.external}), printed
    assert out.read_text(encoding="utf-8") == DOC.read_text(encoding="utf-8")
