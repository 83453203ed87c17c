"""Golden records for the bundled real articles, per tier (the accurate tier's under golden/accurate/).
Regenerate with `pytest --regen-golden`, then review `git diff tests/golden` line by line before
committing.

The accurate tier's records are pinned given the tagger's probabilities, which are recorded with
them: int8 arithmetic differs between CPUs (docs/tiers.md) on about 0.5% of the
tags, so live probabilities would make the records depend on the machine. The recording is tied to
the shipped file's sha256, and tests/model holds the live tagger to fp32 within that margin.
"""

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from quotegraph import pipeline
from quotegraph.examples import example_paths
from quotegraph.model import tagger as shipped
from quotegraph.pipeline import process_articles
from quotegraph.read import read_articles
from quotegraph.record import to_dict

GOLDEN = {"fast": Path(__file__).parent / "golden", "accurate": Path(__file__).parent / "golden" / "accurate"}
PROBABILITIES = GOLDEN["accurate"] / "tag_probabilities.npz"  # float16, by sha256 of the parsed text


def _key(doc) -> str:
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:16]


class RecordedTagger:
    """Stands for the tagger in the golden run: replays recorded probabilities, or records them."""

    def __init__(self, record: bool):
        self.record = record
        self.probs: dict[str, np.ndarray] = {}
        if not record:
            with np.load(PROBABILITIES) as z:
                assert str(z["onnx_sha256"]) == shipped.ONNX_SHA256, (
                    "the shipped tagger changed since the golden records; run pytest --regen-golden")
                self.probs = {k: z[k] for k in z.files if k != "onnx_sha256"}

    def source(self, tier: str, threads: int | None = None):
        return self.probabilities

    def probabilities(self, doc) -> np.ndarray:
        if self.record:
            self.probs[_key(doc)] = shipped.default_tagger().probabilities(doc).astype(np.float16)
        assert _key(doc) in self.probs, "an example's text changed since the golden records; run pytest --regen-golden"
        return self.probs[_key(doc)].astype(np.float32)

    def save(self) -> None:
        np.savez_compressed(PROBABILITIES, onnx_sha256=np.array(shipped.ONNX_SHA256), **self.probs)


def _records(tier: str):
    articles = list(read_articles(example_paths()))
    for result in process_articles(articles, tier=tier):
        rec = to_dict(result)
        rec["article"].pop("text")  # the bundled file itself; offsets index it
        rec["article"]["source"] = Path(rec["article"]["source"]).name
        yield rec


@pytest.fixture(scope="module", params=list(GOLDEN))
def tier(request):
    return request.param


@pytest.fixture(scope="module")
def records(tier, request):
    if tier == "fast":
        return list(_records(tier))
    recorded = RecordedTagger(record=request.config.getoption("--regen-golden"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "tag_source", recorded.source)
        out = list(_records(tier))
    if recorded.record:
        recorded.save()
    return out


def test_golden(records, tier, request):
    assert records, "no bundled examples found"
    regen = request.config.getoption("--regen-golden")
    for rec in records:
        path = GOLDEN[tier] / (rec["article"]["source"] + ".json")
        text = json.dumps(rec, ensure_ascii=False, indent=1) + "\n"
        if regen:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            continue
        assert path.exists(), f"missing golden file {path}; run pytest --regen-golden"
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), (
            f"{path.name} changed; inspect with --regen-golden and git diff")


def test_example_article_has_no_scare_quote_or_read_more_records(records):
    rt = next(r for r in records if r["article"]["source"].startswith("rt-"))
    contents = [c["text"] for s in rt["statements"] for c in s["content"]]
    assert not any(c.strip("‘’'") in ("moderate opposition", "breaks") for c in contents)
    assert not any("body bags’: US warns Moscow" in c or "US State Dept" in c for c in contents)
    speakers = {s["speaker"]["name"] for s in rt["statements"] if s["speaker"]}
    assert {"John Kirby", "Igor Konashenkov", "Maria Zakharova", "Sergey Ryabkov",
            "Ramzy Ezzeldine Ramzy"} <= speakers
    kirby = [s for s in rt["statements"] if s["speaker"] and s["speaker"]["name"] == "John Kirby"]
    assert kirby and all(s["date"] == "2016-09-28" for s in kirby)
