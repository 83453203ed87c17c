"""Human-readable renderings of results (the `--format table` view)."""

from __future__ import annotations

import shutil
import textwrap

from .display import as_plain, content_segments, speaker_label
from .types import ArticleResult, Statement


def quote_text(st: Statement, text: str) -> str:
    """The statement's content as a reader sees it: only the words inside quotation marks in
    the article in “quotes”, markdown removed, pieces joined by " … "."""
    return as_plain(content_segments(text, [(s.start, s.end) for s in st.content], st.kind))


def speaker_cells(st: Statement, text: str) -> tuple[str, str]:
    """(speaker name, "title, affiliation") for display; falls back to the source mention.

    An inferred name says how it was reached: "Justin Trudeau (from 'she')". A mention resolved to
    no one says so ("'it' (unresolved)"), so that a pronoun never reads as a name.
    """
    sp = st.speaker
    source = st.source.text(text) if st.source else None
    if sp is None:
        return (f"'{' '.join(source.split())}' (unresolved)" if source else "?"), ""
    role = ", ".join(x for x in (sp.title, sp.affiliation) if x)
    return speaker_label(sp.name, sp.via, source), role


def _kind(st: Statement) -> str:
    # A thought, finding or bare topic ("criticized the prime minister") is recorded but is not
    # speech: the table says so rather than showing it like a quotation.
    return st.kind if st.speech else f"{st.kind} (not speech)"


def format_table(result: ArticleResult, width: int | None = None) -> str:
    """Render one article's statements as a fixed-width table."""
    width = width or max(100, min(shutil.get_terminal_size((140, 20)).columns, 180))
    text = result.article.text
    head = f"# {result.article.title or result.article.source or result.article.id}"
    if result.article.published:
        head += f"  ({result.article.published})"
    cols = (22, 30, 10, 8)
    qwidth = max(30, width - sum(cols) - 2 * len(cols))
    lines = [head, "  ".join(h.ljust(w) for h, w in zip(("speaker", "title/affiliation", "date", "kind"), cols)) + "  quote"]
    for st in result.statements:
        name, role = speaker_cells(st, text)
        cells = [textwrap.wrap(c, w) or [""] for c, w in
                 zip((name, role, st.date or "", _kind(st)), cols)]
        quote = textwrap.wrap(quote_text(st, text), qwidth) or [""]
        for i in range(max(len(quote), *(len(c) for c in cells))):
            row = [(c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, cols)]
            lines.append("  ".join(row) + "  " + (quote[i] if i < len(quote) else ""))
    if not result.statements:
        lines.append("(no statements)")
    return "\n".join(lines) + "\n"
