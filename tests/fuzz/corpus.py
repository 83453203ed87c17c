"""The fuzz corpus: every hostile input of the reliability audit (issue 20), written by code.

`write_corpus(root, scale)` lays the inputs out under `root` beside good articles and returns
what each one must give. Nothing large is stored in the repository: the texts come from
texts.py, seeded. `scale="ci"` keeps the costly texts small enough for the test suite;
`scale="full"` writes them at the audit's sizes (bench/fuzz_bench.py).

    python tests/fuzz/corpus.py DIR [--scale ci|full]    # write it to look at
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import texts  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "quotegraph" / "examples"
OK, ERROR, EITHER = "ok", "error", "either"


@dataclass(frozen=True)
class Case:
    """One input: where it is, what it must give (ok, error or either) and the audit row it covers."""

    path: Path
    expect: str
    row: str


@dataclass(frozen=True)
class Corpus:
    """The inputs to pass on the command line, and the cases to check."""

    root: Path
    inputs: list[Path]
    cases: list[Case]
    good: list[str]  # sources of the good articles, which must all come out


# Sizes: (ci, full). Full sizes are the audit's.
SIZES = {
    "quote_storm": (15_000, 200_000),
    "quote_line": (10_000, 40_000),
    "brackets": (50_000, 150_000),
    "markdown": (20_000, 200_000),
    "statements": (200, 5000),
    "long_text": (30_000, 1_500_000),
    "single_line": (30_000, 5_000_000),
}


def _size(name: str, scale: str) -> int:
    return SIZES[name][0 if scale == "ci" else 1]


def write_corpus(root: Path, scale: str = "ci") -> Corpus:
    """Write the corpus under `root` (an empty directory) and describe it."""
    d = root / "inputs"
    d.mkdir(parents=True)
    cases: list[Case] = []

    def add(name: str | bytes, data: bytes | str, expect: str, row: str) -> Path:
        path = Path(os.fsdecode(os.path.join(os.fsencode(d), os.fsencode(name))))
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(path, expect, row))
        return path

    # The good articles, among which everything else is mixed.
    good = []
    for p in sorted(EXAMPLES.glob("*.*")):
        if p.suffix in (".md", ".txt"):
            shutil.copy(p, d / p.name)
            good.append(str(d / p.name))

    # Rows of the audit's table that broke.
    add("storm.txt", texts.quote_storm(_size("quote_storm", scale)), EITHER, "quote storm")
    add("storm-line.txt", texts.quote_storm(_size("quote_storm", scale) // 2, 1, paragraphs=False), EITHER,
        "quote storm, one paragraph")
    add("quote-line.txt", texts.quote_line(_size("quote_line", scale)), EITHER, "a line of quote marks")
    add("brackets.md", texts.brackets(_size("brackets", scale)), EITHER, "a run of [ in markdown")
    add("markdown.md", texts.markdown_heavy(_size("markdown", scale)), EITHER, "markdown-heavy text")
    add("statements.txt", texts.many_statements(_size("statements", scale)), OK, "thousands of statements")
    add("long.txt", texts.prose(_size("long_text", scale)), EITHER, "a text past the parser's limit")
    add("one-line.txt", texts.prose(_size("single_line", scale)).replace("\n", " "), EITHER,
        "a long single line")
    nested = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    good_line = json.dumps({"text": (EXAMPLES / "wikinews-korea.txt").read_text(encoding="utf-8"),
                            "url": "http://x.test/korea-copy"}) + "\n"
    add("nested.jsonl", nested, ERROR, "a JSONL line of 100,000 nested arrays")
    add("surrogate.jsonl", '{"text": "He said \\ud800 nothing."}\n', ERROR, "a lone surrogate in JSONL")
    mixed = add("mixed.jsonl", nested + good_line + '{"text": "x \\udc80"}\n', ERROR,
                "bad lines beside a good one")
    good.append(f"{mixed}:2")
    try:
        # Another text than any good article's: the store keeps one copy of identical texts.
        bad_name = add(b"caf\xe9-latin1-name.txt", (EXAMPLES / "wikinews-iodine.txt").read_bytes() + b"\nCopy.\n",
                       OK, "a file name with invalid UTF-8 bytes")
        good.append(str(bad_name))
    except (OSError, UnicodeEncodeError):
        pass  # a file system that only takes UTF-8 names (macOS): nothing to test
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "fifo.txt")
        cases.append(Case(d / "fifo.txt", ERROR, "a FIFO among the inputs"))
    if Path("/dev/zero").exists():
        os.symlink("/dev/zero", d / "zero.txt")
        cases.append(Case(d / "zero.txt", ERROR, "a symlink to /dev/zero"))
    os.symlink("loop.txt", d / "loop.txt")
    cases.append(Case(d / "loop.txt", ERROR, "a symlink loop"))
    (d / "sub").mkdir()
    os.symlink("..", d / "sub" / "up")
    cases.append(Case(d / "sub" / "up", ERROR, "a directory symlink loop"))
    warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n\x1b[31m\x00junk"
    add("corrupt.warc", warc, ERROR, "a corrupt WARC")
    add("new\nline.txt", "A short article.\n\nIt has a newline in its name, the editor said.", OK,
        "a newline in a file name")
    add("ansi\x1b[31m.txt", "A short article.\n\nIt has an escape in its name, the editor said.", OK,
        "ANSI escapes in a file name")
    good += [str(d / "new\nline.txt"), str(d / "ansi\x1b[31m.txt")]
    if hasattr(os, "geteuid") and os.geteuid() != 0:  # root reads it anyway
        locked = d / "locked"
        locked.mkdir()
        (locked / "inside.txt").write_text("Unreadable, the editor said.", encoding="utf-8")
        locked.chmod(0)
        cases.append(Case(locked, ERROR, "a chmod-000 subdirectory"))

    # Inputs that already held: each must still be one named error.
    add("empty.txt", b"", ERROR, "empty")
    add("binary.txt", b"\x00\x01\x02" * 100, ERROR, "binary")
    add("latin1.txt", "caf\xe9 said".encode("latin-1"), ERROR, "invalid UTF-8")
    add("utf16.txt", "He said hello.".encode("utf-16"), ERROR, "UTF-16")
    big = d / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(50_000_000)  # sparse: costs no disk
    cases.append(Case(big, ERROR, "a 50 MB file"))
    add("bomb.html", "<div>" * 100_000 + "x" + "</div>" * 100_000, ERROR, "an HTML bomb")
    add("script.html", "<html><body><script>alert(1)</script></body></html>", ERROR, "script-only HTML")
    add("broken.jsonl", '{"text": "cut off\n', ERROR, "a broken JSONL line")
    with gzip.open(d / "huge-line.jsonl.gz", "wb") as f:
        f.write(b'{"text": "' + b"a" * 21_000_000 + b'"}\n')
    cases.append(Case(d / "huge-line.jsonl.gz", ERROR, "an oversized JSONL line"))
    return Corpus(root, [d], cases, good)


def main() -> None:
    """Write the corpus to a directory, to look at or to run by hand."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--scale", choices=["ci", "full"], default="ci")
    args = ap.parse_args()
    c = write_corpus(args.dir, args.scale)
    for case in c.cases:
        print(f"{case.expect:6} {case.row:45} {os.fsencode(case.path)!r}")


if __name__ == "__main__":
    main()
