"""Build extract/lexicon/person_nouns.txt and organization_nouns.txt from WordNet 3.0.

A noun is listed when its most frequent sense (WordNet's first) is a kind of person (person.n.01)
or of organisation (organization.n.01), through hypernyms only: a named individual, which
WordNet places as an instance ("Morgan", "Adam", "Greenpeace"), is no kind of anything, and a
given name that happens to be one is still a name. Resolution uses them to tell an epithet that
names someone ("the 32-year-old labourer") from one that names a team or a board, and to keep
"he" and "she" off things. WordNet 3.0 is Princeton University's (its licence heads each file).
Usage:

    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb /tmp/wn
    python tools/wordnet_nouns.py /tmp/wn/usr/share/wordnet
"""

from __future__ import annotations

import sys
from pathlib import Path

PERSON, ORGANIZATION = "00007846", "08008335"
LEXICON = Path(__file__).resolve().parents[1] / "src/quotegraph/extract/lexicon"
NOTICE = """# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE
# OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD
# PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. (WordNet 3.0 licence: permission to use,
# copy, modify and distribute for any purpose without fee, with this notice on all copies.)
"""


def _hypernyms(wordnet: Path) -> dict[str, list[str]]:
    out = {}
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        p = line.split()
        i = 4 + 2 * int(p[3], 16)
        ptrs = [p[i + 1 + 4 * k : i + 5 + 4 * k] for k in range(int(p[i]))]
        out[p[0]] = [o for sym, o, pos, _ in ptrs if sym == "@" and pos == "n"]
    return out


def main(wordnet: str) -> None:
    """Write the two lists."""
    root = Path(wordnet)
    up = _hypernyms(root)
    memo: dict[tuple[str, str], bool] = {}

    def under(o: str, top: str) -> bool:
        if o == top:
            return True
        if (o, top) not in memo:
            memo[(o, top)] = False  # a cycle guard; WordNet's noun hierarchy has none
            memo[(o, top)] = any(under(h, top) for h in up.get(o, []))
        return memo[(o, top)]

    lists: dict[str, list[str]] = {PERSON: [], ORGANIZATION: []}
    for line in (root / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        p = line.split()
        lemma, first = p[0], p[-int(p[2])]
        if "_" in lemma or not lemma.isalpha():
            continue
        for top in lists:
            if under(first, top):
                lists[top].append(lemma)
    for top, name, what in ((PERSON, "person_nouns.txt", "person"), (ORGANIZATION, "organization_nouns.txt", "organisation")):
        head = (f"# Nouns whose most frequent WordNet 3.0 sense is a kind of {what}, "
                "named individuals left out (tools/wordnet_nouns.py).\n" + NOTICE)
        (LEXICON / name).write_text(head + "\n".join(sorted(lists[top])) + "\n", encoding="utf-8")
        print(f"{len(lists[top])} nouns -> {LEXICON / name}")


if __name__ == "__main__":
    main(sys.argv[1])
