"""PolNeAR's raw layout (BRAT standoff + metadata.tsv) read into GoldDocs, matching gold_*.jsonl."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..types import Span
from .gold import ROLES, GoldDoc, GoldQuote, read_gold_jsonl

_ROLE_ARG = re.compile(r"^(Source|Cue|Content)\d*$")


@dataclass(frozen=True, slots=True)
class Meta:
    """The metadata.tsv columns the evaluation uses."""

    publisher: str | None
    published: str | None
    title: str | None


def read_metadata(path: str | os.PathLike[str]) -> dict[str, Meta]:
    """Read PolNeAR's metadata.tsv into {filename: Meta}."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {r["filename"]: Meta(r.get("publisher") or None, r.get("publication_date") or None,
                                    r.get("title") or None) for r in rows}


def parse_ann(content: str, where: str = "<ann>") -> list[dict[str, list[Span]]]:
    """Parse one BRAT .ann file into attributions ({"id", role: spans}); events without content are dropped."""
    spans: dict[str, list[Span]] = {}
    events: list[tuple[str, list[str]]] = []
    for n, line in enumerate(content.split("\n"), 1):
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, frags = fields[1].partition(" ")
            try:
                spans[fields[0]] = [Span(int(s), int(e)) for s, e in
                                    (frag.split() for frag in frags.split(";"))]
            except ValueError:
                raise InputError(f"{where}:{n}", f"bad text-bound annotation {fields[1]!r:.80}") from None
        elif line.startswith("E") and len(fields) >= 2:
            events.append((fields[0], fields[1].split()))
    out: list[dict[str, list[Span]]] = []
    for eid, args in events:
        roles: dict[str, list[Span]] = {r: [] for r in ROLES}
        # The first argument is the trigger (Attribution / Attribution-no-source); the rest
        # are roles, numbered (Content2) when an event has two of the same.
        for arg in args[1:]:
            name, _, ref = arg.partition(":")
            m = _ROLE_ARG.match(name)
            if m and ref in spans:
                roles[m.group(1).lower()].extend(spans[ref])
        if roles["content"]:
            out.append({"id": eid, **{r: sorted(v) for r, v in roles.items()}})  # type: ignore[dict-item]
    return out


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def find_metadata(root: Path) -> Path | None:
    """metadata.tsv in the corpus folder or its parent, if either has one."""
    for d in (root, root.parent):
        if (d / "metadata.tsv").is_file():
            return d / "metadata.tsv"
    return None


def read_brat_split(root: str | os.PathLike[str], split: str = "dev",
                    limit: int | None = None) -> list[GoldDoc]:
    """Read PATH/<split>/text/*.txt and attributions/*.ann into GoldDocs, sorted by doc id."""
    base = Path(root)
    split_dir = base / split if (base / split / "text").is_dir() else base
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(base), f"no PolNeAR '{split}' split here (expected {split}/text/ and {split}/attributions/)")
    meta_path = find_metadata(split_dir.parent if split_dir != base else base)
    meta = read_metadata(meta_path) if meta_path else {}

    annotators: dict[str, list[str]] = {}
    for ann in ann_dir.glob("*.ann"):
        doc_id, _, annotator = ann.stem.rpartition("_")
        annotators.setdefault(doc_id, []).append(annotator)

    docs: list[GoldDoc] = []
    for txt in sorted(text_dir.glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        doc_id = txt.stem
        who = sorted(annotators.get(doc_id, ()))
        if not who:
            continue  # an unannotated text has no gold to score against
        # newline="" keeps the file's characters exactly, so offsets hold.
        text = _read(txt)
        ann_path = ann_dir / f"{doc_id}_{who[0]}.ann"
        parsed = parse_ann(_read(ann_path), str(ann_path))
        for a in parsed:
            for r in ROLES:
                for s in a[r]:  # type: ignore[union-attr]
                    if not 0 <= s.start <= s.end <= len(text):
                        raise InputError(str(ann_path), f"span {s.start}-{s.end} outside the text ({len(text)} chars)")
        m = meta.get(doc_id, Meta(None, None, None))
        quotes = tuple(GoldQuote(id=a["id"], **{r: tuple(a[r]) for r in ROLES})  # type: ignore[arg-type]
                       for a in parsed)
        docs.append(GoldDoc(doc_id=doc_id, text=text, quotes=quotes, publisher=m.publisher,
                            published=m.published, title=m.title, annotator=who[0],
                            annotators=tuple(who)))
    return docs


def load_polnear(root: str | os.PathLike[str], split: str = "dev", markdown: bool = False,
                 limit: int | None = None) -> list[GoldDoc]:
    """PolNeAR gold for a split: the raw BRAT layout, or gold_<split>_markdown.jsonl with `markdown`."""
    if markdown:
        path = Path(root) / f"gold_{split}_markdown.jsonl"
        if not path.is_file():
            raise InputError(str(path), f"no markdown variant of the '{split}' split (only dev has one)")
        return read_gold_jsonl(path, limit=limit)
    return read_brat_split(root, split, limit=limit)
