"""A transcript's turns: lines that open with a speaker's name in capitals and a colon.

An interview or debate printed in an article ("WALLACE: If I may, sir …", "JAKE TAPPER: …")
gives each turn's words to the label before them, however long the turn: the layout is the
attribution, as a headline's "Speaker: …" is. A transcript is two turns or more, one of them at
least by someone the article names in its running text; a label speaks if it names such a person
or opens more than one turn (the host the article never names). Section labels in capitals
("UPDATE:", "VIDEO:", "READ MORE:") name no one, so an article of them holds no transcript.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from .draft import Draft, Range
from .lexicon import headline_labels
from .spans import per_doc, text_of, trim

# An optional opening quote mark (a quoted transcript opens every paragraph with one), one to
# three words in capitals, a colon and the turn's first word.
_TURN = re.compile(r"[\"“]?([A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,2})(:)\s+(?=\S)")
_WORD = re.compile(r"[^\W\d_]")  # a letter
_MIN_TURNS = 2  # a dialogue: one label alone is a headline's business


def opens_turn(text: str, at: int) -> bool:
    """Whether a label in capitals and a colon open the text at `at` ("MODERATOR: Let's start …")."""
    return _TURN.match(text, at) is not None


def turn_label(tok: Token) -> bool:
    """Whether a word in capitals ends the label that opens its line ("HOST" of "HOST: …")."""
    doc = tok.doc
    if not tok.is_upper or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":":
        return False
    text = text_of(doc)
    return opens_turn(text, text.rfind("\n", 0, tok.idx) + 1)


def _lines(text: str) -> list[Range]:
    """(start, end) of each line's text: a turn opens a line, though some pages set no blank
    line between turns."""
    return [r for m in re.finditer(r"[^\n]+", text) if (r := trim(text, (m.start(), m.end()))) is not None]


def _stage_direction(text: str) -> bool:
    """A line that is no one's words: "(CROSSTALK.)", "[…]", "….": no letter outside brackets."""
    return not _WORD.search(re.sub(r"\(.*?\)|\[.*?\]", "", text))


def _named(doc: Doc) -> set[str]:
    """The words of people's names as the running text writes them (not in capitals), lower-cased."""
    return {t.lower_ for t in doc if t.ent_type_ == "PERSON" and not t.is_upper}


def _surname(label: str) -> str:
    return label.split()[-1].strip(".'’-").lower()


def _turns(doc: Doc) -> list[Draft]:
    text = text_of(doc)
    lines = _lines(text)
    named = _named(doc)
    labelled = [(n, m) for n, (s, e) in enumerate(lines) if (m := _TURN.match(text[s:e]))]
    # A line with no word after its label ("CLINTON: 1,769" in a table of results) says nothing.
    kept = [(n, m) for n, m in labelled if m.group(1).lower() not in headline_labels()
            and _WORD.search(text, lines[n][0] + m.end(), lines[n][1])]
    # "JAKE TAPPER" opens one turn and "TAPPER" the next: a speaker is counted by surname.
    turns = Counter(_surname(m.group(1)) for _, m in kept)
    people = {_surname(m.group(1)) for _, m in kept
              if any(w.strip(".'’-").lower() in named for w in m.group(1).split())}
    # A speaker the article never names in running text (the host, "WALLACE") speaks again.
    found = [(n, m) for n, m in kept if _surname(m.group(1)) in people or turns[_surname(m.group(1))] > 1]
    if not people or len(found) < _MIN_TURNS:
        return []
    stops = {n for n, _ in labelled}  # a section label ("VIDEO: …") is no one's turn either
    drafts = []
    for k, (n, m) in enumerate(found):
        s, e = lines[n]
        content = [(s + m.end(), e)]
        # A turn runs on over the lines before the next turn, unless a label or a stage direction
        # ends it first; the last turn is its own line, since the article's text may follow.
        if k + 1 < len(found):
            for j in range(n + 1, found[k + 1][0]):
                if j in stops or _stage_direction(text[lines[j][0] : lines[j][1]]):
                    break
                content.append(lines[j])
        label = doc.char_span(s + m.start(1), s + m.end(1), alignment_mode="expand")
        if label is not None:
            drafts.append(Draft(tuple(content), (s + m.start(2), s + m.end(2)),
                                (label.start_char, label.end_char), label.root.i, label.root.i, confidence=0.7))
    return drafts


def transcript_drafts(doc: Doc) -> list[Draft]:
    """Each turn of a transcript as a statement of its label's speaker, the colon its cue."""
    return per_doc("transcript", doc, _turns)
