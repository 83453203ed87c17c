"""`quotegraph eval` through click's CliRunner, on a gold file written here."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.evaluate.gold import gold_from_record
from quotegraph.evaluate.run import article_for
from quotegraph.record import to_dict
from quotegraph.types import ArticleResult, Span, Statement

TEXTS = [
    'The minister said, "The bridge will open in May." Residents were not convinced.\n',
    "Ms. Lee told reporters that the vote would be close. Critics believe it is already lost.\n",
]


def piece(text: str, sub: str) -> list:
    i = text.index(sub)
    return [i, i + len(sub), sub]


def gold_records() -> list[dict]:
    a, b = TEXTS
    return [
        {"doc_id": "alpha", "publisher": "gazette", "published": "2020-05-01", "title": "Bridge",
         "text": a, "quotes": [{"id": "E1", "source": [piece(a, "The minister")],
                                "cue": [piece(a, "said")],
                                "content": [piece(a, '"The bridge will open in May."')]}]},
        {"doc_id": "beta", "publisher": "herald", "published": "2020-05-02", "title": "Vote",
         "text": b, "quotes": [{"id": "E1", "source": [piece(b, "Ms. Lee")],
                                "cue": [piece(b, "told")],
                                "content": [piece(b, "that the vote would be close")]},
                               {"id": "E2", "source": [piece(b, "Critics")],
                                "cue": [piece(b, "believe")],
                                "content": [piece(b, "it is already lost")]}]},
    ]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in gold_records()), encoding="utf-8")
    return path


@pytest.fixture
def predictions_file(tmp_path):
    """Gold alpha exactly; for beta, Ms. Lee's statement only, with a short content."""
    alpha, beta = (gold_from_record(r) for r in gold_records())

    def stmt(src: str, cue: str, content: str, text: str) -> Statement:
        span = lambda s: Span(text.index(s), text.index(s) + len(s))  # noqa: E731
        return Statement(id="s", kind="direct", content=(span(content),), cue=span(cue),
                         source=span(src))

    results = [
        ArticleResult(article_for(alpha), (stmt("The minister", "said", "The bridge will open in May", alpha.text),)),
        ArticleResult(article_for(beta), (stmt("Ms. Lee", "told", "the vote would be", beta.text),)),
    ]
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(to_dict(r)) + "\n" for r in results), encoding="utf-8")
    return path


def test_eval_gold_with_saved_predictions(gold_file, predictions_file):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold_file), "--predictions",
                                      str(predictions_file), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    overall = report["scores"]["overall"]["all"]
    assert (overall["gold"], overall["predicted"]) == (3, 2)
    assert (overall["relation_p"], overall["relation_r"]) == (0.5, pytest.approx(1 / 3, abs=1e-4))
    assert (overall["rel50_p"], overall["rel50_r"]) == (1.0, pytest.approx(2 / 3, abs=1e-4))
    assert (overall["source_p"], overall["source_r"]) == (1.0, pytest.approx(2 / 3, abs=1e-4))
    assert list(report["scores"]) == ["overall", "gazette", "herald"]
    assert report["scores"]["gazette"]["all"]["relation_f1"] == 1.0
    # speech: alpha (quote mark) and Ms. Lee (told); "Critics believe" is not speech
    assert report["scores"]["overall"]["speech"]["gold"] == 2
    assert report["gate"]["speech_rel50_f1"] == 1.0
    assert report["run"] is None


def test_eval_gold_table_runs_extraction(gold_file):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold_file), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert f"{gold_file}: 1 docs, 1 gold" in result.output
    assert "F1 by publisher" in result.output and "gazette" in result.output
    assert "herald" not in result.output
    assert "words/s; peak RSS" in result.output


@pytest.mark.parametrize("args", [[], ["--gold", "G", "--corpus", "polnear", "."]])
def test_eval_needs_exactly_one_gold(args, gold_file):
    args = [str(gold_file) if a == "G" else a for a in args]
    result = CliRunner().invoke(cli, ["eval", *args])
    assert result.exit_code == 2
    assert "exactly one of --corpus" in result.output


def test_eval_tier_both_prints_each_tier_with_speed_and_memory(gold_file):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold_file), "--tier", "both", "--json"])
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    assert set(reports) == {"fast", "accurate"}
    for tier, report in reports.items():
        assert report["tier"] == tier and report["docs"] == 2
        assert report["run"]["words_per_s"] > 0 and report["run"]["peak_rss_mb"] > 0
    table = CliRunner().invoke(cli, ["eval", "--gold", str(gold_file), "--tier", "both"]).output
    assert "fast  accurate" in table and "words/s" in table and "peak RSS MB" in table
