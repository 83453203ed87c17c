"""Hostile article texts from the reliability audit (issue 20), generated from a seed and a size.

Each generator returns text of about `n` characters; the same (n, seed) always gives the same text.
"""

from __future__ import annotations

import random

QUOTE_MARKS = ("“", "”", '"', "‘", "’", "«", "»")
_WORDS = ("the", "minister", "talks", "in", "Geneva", "would", "go", "on", "Russia", "said", "that",
          "we", "are", "ready", "ceasefire", "officials", "told", "reporters", "on", "Thursday")


def prose(n: int, seed: int = 0) -> str:
    """Plain news-like paragraphs with an ordinary quote now and then."""
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        words = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(8, 25)))
        sent = f"“{words.capitalize()},” the spokesman said." if rnd.random() < 0.3 else words.capitalize() + "."
        out.append(sent)
        size += len(sent) + 1
        if rnd.random() < 0.2:
            out.append("\n\n")
    return " ".join(out).replace(" \n\n ", "\n\n")[:n]


def quote_storm(n: int, seed: int = 0, paragraphs: bool = True) -> str:
    """Text thick with unbalanced quote marks of every kind and "He said"."""
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        r = rnd.random()
        if r < 0.45:
            tok = rnd.choice(QUOTE_MARKS)
        elif r < 0.55:
            tok = "He said"
        elif r < 0.6 and paragraphs:
            tok = "\n\n"
        else:
            tok = rnd.choice(_WORDS) + rnd.choice(("", "", ",", "."))
        # Marks sometimes cling to words, sometimes stand alone.
        out.append(tok if tok == "\n\n" or rnd.random() < 0.5 else tok + rnd.choice(QUOTE_MARKS))
        size += len(out[-1]) + 1
    return " ".join(out)[:n]


def quote_line(n: int, seed: int = 0) -> str:
    """One line of quote marks (about one in four characters) between short words."""
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        out.append(rnd.choice(QUOTE_MARKS) + rnd.choice(("a", "He said", "", "x")))
        size += len(out[-1]) + 1
    return " ".join(out)[:n]


def brackets(n: int) -> str:
    """A markdown file that is one run of `[`, then nested quotes and emphasis."""
    third = n // 3
    nested = "> " * (third // 4) + "*" * (third // 4) + "_" * (third // 4) + "**a" * (third // 12)
    return "Title\n\n" + "[" * third + "\n\n" + nested + "\n\n" + "](" * (third // 2) + "\n"


def markdown_heavy(n: int, seed: int = 0) -> str:
    """Markdown with links, emphasis, escapes and headings in every line (plausible, but dense)."""
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        words = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(4, 12)))
        piece = rnd.choice((f"*{words}*", f"[{words}](http://x.test/{size})", f"**“{words},”** he said",
                            f"\\[{words}\\]", f"_{words}_", f"## {words}\n", f"[{words}", "Read more [x](#)\n"))
        out.append(piece)
        size += len(piece) + 1
        if rnd.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)[:n]


def many_statements(count: int) -> str:
    """An article of `count` attributed quotes, one paragraph each."""
    return "\n\n".join(f"“Statement {i} is about the talks in Geneva and the ceasefire,” "
                       f"the minister said on Thursday." for i in range(count)) + "\n"


def many_speakers(count: int, seed: int = 0) -> str:
    """An article of `count` quotes, each by a different named person (a long list of reactions)."""
    rnd = random.Random(seed)
    syllables = ("ka", "lo", "mi", "ren", "do", "sa", "vi", "ter", "no", "bel", "ru", "an")

    def name() -> str:
        return "".join(rnd.choice(syllables) for _ in range(rnd.randint(2, 3))).capitalize()

    return "\n\n".join(f"“The talks in Geneva must go on,” said {name()} {name()}, a delegate from "
                       f"{name()}. {rnd.choice(('He', 'She'))} added that the ceasefire held."
                       for _ in range(count)) + "\n"
