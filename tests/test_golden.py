"""Golden records for the bundled real articles, per tier (the accurate tier's under golden/accurate/).
Regenerate with `pytest --regen-golden`, then review `git diff tests/golden` line by line before
committing."""

import json
from pathlib import Path

import pytest

from quotegraph.examples import example_paths
from quotegraph.pipeline import process_articles
from quotegraph.read import read_articles
from quotegraph.record import to_dict

GOLDEN = {"fast": Path(__file__).parent / "golden", "accurate": Path(__file__).parent / "golden" / "accurate"}


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
def records(tier):
    return list(_records(tier))


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
