"""No-break and other wide spaces read as plain spaces, so the parser sees one kind of space.

Web pages set names, units and dashes with no-break spaces (U+00A0: "Hillary Clinton\u00a0was",
"―\u00a0Ann Lee"); spaCy makes each one a token of its own, which the parser then hangs somewhere
in the sentence ("Clinton | \u00a0 | was" put a space between a subject and its verb). Each is one
character for one, so the offset map is unchanged and records still quote the user's text.
"""

from __future__ import annotations

import re

from .offsets import OffsetMap

# Unicode space separators (Zs) other than the plain space; a zero-width one is no space at all.
_WIDE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def plain_spaces(omap: OffsetMap) -> OffsetMap:
    """`omap` with every no-break or typographic space in the clean text written as " "."""
    clean = _WIDE.sub(" ", omap.clean)
    return omap if clean == omap.clean else OffsetMap(clean, omap.origin, omap.original_length)
