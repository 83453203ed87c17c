"""The accurate tier's tagger: windows, merging, the shipped int8 model and its agreement with fp32."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from quotegraph.errors import ModelError
from quotegraph.model import tagger as tg

REFERENCE = Path(__file__).with_name("fp32_tags.json")


def test_windows_cover_every_piece_and_overlap():
    assert tg.windows(10) == [(0, 10)]
    spans = tg.windows(1000)
    assert spans[0][0] == 0 and spans[-1][1] == 1000
    assert all(e - s == tg.WINDOW - 2 for s, e in spans)
    assert all(b[0] < a[1] for a, b in zip(spans, spans[1:]))  # no gap between windows


def test_merge_windows_weights_each_window_towards_its_middle():
    spans = [(0, 4), (2, 6)]
    logits = np.zeros((2, 6, 1), dtype=np.float32)
    logits[0, 1:5, 0] = 1.0  # window 0 says 1 for pieces 0..3
    logits[1, 1:5, 0] = 3.0  # window 1 says 3 for pieces 2..5
    merged = tg.merge_windows(logits, spans, 6)[:, 0]
    assert merged[0] == merged[1] == 1.0 and merged[4] == merged[5] == 3.0
    # piece 2 is in window 0's middle (weight 2) and at window 1's edge (weight 1)
    assert merged[2] == pytest.approx((1 * 2 + 3 * 1) / 3)


def test_words_without_pieces_are_o_and_paragraphs_read_as_sep():
    tok = tg.load_tokenizer(tg.weights_dir() / tg.TOKENIZER_FILE)
    enc = tg.encode(tok, ["Ryabkov", "", "said", tg.PARAGRAPH])
    assert enc.first[1] == -1 and enc.first[0] == 0
    assert enc.ids[enc.first[3]] == tok.token_to_id("[SEP]")
    assert all(enc.word_of[enc.first[w]] == w for w in (0, 2, 3))
    tags = tg.word_tags(np.ones((len(enc.ids), 9), dtype=np.float32), enc.first)
    assert tags[1].tolist() == [0, 0, 0]


def test_a_tampered_model_file_is_refused_with_its_name(tmp_path):
    bad = tmp_path / tg.ONNX_FILE
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError, match=f"{tg.ONNX_FILE}: sha256 .* does not match"):
        tg.check_sha(bad, tg.ONNX_SHA256)
    with pytest.raises(ModelError, match="missing"):
        tg.check_sha(tmp_path / "absent.onnx", tg.ONNX_SHA256)


def test_the_shipped_model_is_small_and_hash_checked():
    path = tg.weights_dir() / tg.ONNX_FILE
    assert path.stat().st_size <= 30 * 1024 * 1024
    tg.check_sha(path, tg.ONNX_SHA256)


def test_int8_agrees_with_fp32_on_the_example_articles():
    """The fp32 model's tags were recorded when it was exported (quotegraph train --tier accurate)."""
    from quotegraph.examples import example_paths
    from quotegraph.nlp import load_pipeline
    from quotegraph.read import read_articles
    from quotegraph.text import normalise

    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    nlp, tagger = load_pipeline(), tg.default_tagger()
    same = total = 0
    for article in read_articles([str(p) for p in example_paths()]):
        want = np.array(reference[Path(article.source).name])
        got = tagger.tag(nlp(normalise(article.text).clean))
        assert got.shape == want.shape
        same += int((got == want).sum())
        total += want.size
    assert total > 10_000
    assert same / total >= 0.99, f"int8 agrees with fp32 on {same / total:.4f} of tags"
