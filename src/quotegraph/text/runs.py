"""Runs of punctuation the parser cannot afford: each becomes one space in the clean text.

spaCy's tokenizer peels punctuation off a chunk one mark at a time, re-searching the rest of the
chunk each time: 5,000 `[` in a row took 12 s and 20,000 took 154 s here (issue 20). A run of
marks with no letter or digit in it carries no statement, so the clean text keeps one space in its
place; offsets into the user's file are unaffected (the offset map records the cut).
"""

from __future__ import annotations

import re

from .offsets import OffsetMap

MAX_MARKS = 16  # marks (not counting spaces) in a letterless run; prose never has this many
_LETTERLESS = re.compile(rf"[^\w\n]{{{MAX_MARKS},}}")


def drop_mark_runs(omap: OffsetMap) -> OffsetMap:
    """`omap` with every letterless run of MAX_MARKS or more marks turned into one space."""
    clean, origin = omap.clean, omap.origin
    runs = [m.span() for m in _LETTERLESS.finditer(clean)
            if len(m.group()) - sum(c.isspace() for c in m.group()) >= MAX_MARKS]
    if not runs:
        return omap
    parts: list[str] = []
    new = type(origin)(origin.typecode)
    pos = 0
    for a, b in runs:
        parts += [clean[pos:a], " "]
        new.extend(origin[pos:a])
        new.append(origin[a])
        pos = b
    parts.append(clean[pos:])
    new.extend(origin[pos:])  # includes the entry past the end
    return OffsetMap("".join(parts), new, omap.original_length)
