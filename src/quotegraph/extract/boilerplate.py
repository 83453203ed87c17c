"""Link and label lines: "READ MORE: …", "WINNER: …", "Watch: …" name other articles, not speech.

A line is a link or label line when it opens with a label and then a colon, a bar or an ellipsis
(one of the labels of lexicon/headline_labels.txt in any case, "Read more:", "WATCH |", or any
label in capitals, "WINNER: …") and the rest of the line is a headline or a name rather than a
sentence: "ENERGY: Crude oil fell 42 cents." and "ANALYSIS: Some experts say …." are sections
of body text. Datelines ("WASHINGTON —") are not labels.
No statement is taken from such a line.
"""

from __future__ import annotations

import re

from .draft import Draft, Range
from .lexicon import headline_labels

_OPENER = re.compile(r"^\s*([^\W\d_][\w'’ ]{0,30}?)\s*[:…|]", re.UNICODE)


def label_lines(text: str) -> list[Range]:
    """The character ranges of the paragraphs (or lines) that are link or label lines."""
    out: list[Range] = []
    start = 0
    for line in text.split("\n"):
        m = _OPENER.match(line)
        label = m.group(1).strip() if m else ""
        # A section head ("ENERGY: U.S. crude oil fell …", "Analysis: experts say …") opens body
        # text, which ends as sentences do; a label line's remainder is a headline or a name.
        headline = not line.rstrip().rstrip("\"'”’»").endswith((".", "?", "!"))
        if label and headline and (label.lower() in headline_labels() or (label.isupper() and len(label) > 1)):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def outside_labels(text: str, drafts: list[tuple[str, Draft]]) -> list[tuple[str, Draft]]:
    """Drop the statements whose content or cue lies on a link or label line."""
    lines = label_lines(text)
    if not lines:
        return drafts

    def on_label(pos: int) -> bool:
        return any(s <= pos < e for s, e in lines)

    return [(k, d) for k, d in drafts
            if not (on_label(d.content[0][0]) or (d.cue is not None and on_label(d.cue[0])))]
