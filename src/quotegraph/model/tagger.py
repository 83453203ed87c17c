"""The accurate tier's tagger: MiniLM on ONNX Runtime, tagging each spaCy token B/I/O per role.

The encoder sees the document's words in overlapping windows of wordpieces; each word is tagged
from its first wordpiece, with the logits of overlapping windows averaged, weighted towards each
window's middle where it has context on both sides. Runtime needs onnxruntime, tokenizers and
numpy only; training (train/tagger.py) reuses `encode` and `windows` so both see the same
input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..errors import ModelError
from ..nlp import sha256_file

ROLES = ("source", "cue", "content")
TAGS = ("O", "B", "I")
WINDOW = 256  # wordpieces per window, [CLS] and [SEP] included
STRIDE = 192  # windows overlap by WINDOW - 2 - STRIDE wordpieces
PARAGRAPH = "[SEP]"  # what a blank line between paragraphs reads as
ONNX_FILE = "tagger.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
# `quotegraph train --tier accurate` prints the hashes of the files it writes; update them with the files.
ONNX_SHA256 = "7d2cdb558150fa84df015b01bb417e80bfd239e8b81c7ea6f949dd751fd87965"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


@dataclass(frozen=True, slots=True)
class Encoded:
    """A document's wordpieces: ids, the word each belongs to, and each word's first piece (-1: none)."""

    ids: np.ndarray
    word_of: np.ndarray
    first: np.ndarray


def doc_words(doc: Doc) -> list[str]:
    """The words the encoder reads for a Doc: its tokens, with paragraph breaks as [SEP]."""
    return [(PARAGRAPH if "\n" in t.text else "") if t.is_space else t.text for t in doc]


def load_tokenizer(path: Path):
    """The WordPiece tokenizer, with the truncation and padding its file sets turned off."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return tok


def encode(tokenizer, words: list[str]) -> Encoded:
    """Wordpieces for a list of words (empty words get none)."""
    enc = tokenizer.encode(words, is_pretokenized=True, add_special_tokens=False)
    word_of = np.array([-1 if w is None else w for w in enc.word_ids], dtype=np.int64)
    first = np.full(len(words), -1, dtype=np.int64)
    for i in range(len(word_of) - 1, -1, -1):
        if word_of[i] >= 0:
            first[word_of[i]] = i
    return Encoded(np.array(enc.ids, dtype=np.int64), word_of, first)


def windows(n: int, window: int = WINDOW, stride: int = STRIDE) -> list[tuple[int, int]]:
    """[start, end) wordpiece ranges covering n pieces, each leaving room for [CLS] and [SEP]."""
    body = window - 2
    if n <= body:
        return [(0, n)]
    starts = list(range(0, n - body, stride)) + [n - body]
    return [(s, s + body) for s in starts]


def window_batch(ids: np.ndarray, spans: list[tuple[int, int]], cls: int, sep: int
                 ) -> tuple[np.ndarray, np.ndarray]:
    """input_ids and attention_mask for the windows, padded to the longest."""
    width = max(e - s for s, e in spans) + 2
    input_ids = np.zeros((len(spans), width), dtype=np.int64)
    mask = np.zeros((len(spans), width), dtype=np.int64)
    for row, (s, e) in enumerate(spans):
        input_ids[row, : e - s + 2] = [cls, *ids[s:e], sep]
        mask[row, : e - s + 2] = 1
    return input_ids, mask


def _centre_weights(length: int) -> np.ndarray:
    # Triangular: a piece near a window's edge has half its context cut off.
    pos = np.arange(length, dtype=np.float32)
    return np.minimum(pos + 1, length - pos)


def merge_windows(rows: Sequence[np.ndarray], spans: list[tuple[int, int]], n: int) -> np.ndarray:
    """Per-wordpiece logits [n, L] from each window's logits [width, L] (rows start with [CLS])."""
    total = np.zeros((n, rows[0].shape[-1]), dtype=np.float32)
    weight = np.zeros((n, 1), dtype=np.float32)
    for row, (s, e) in zip(rows, spans):
        w = _centre_weights(e - s)[:, None]
        total[s:e] += row[1 : e - s + 1] * w
        weight[s:e] += w
    return total / np.maximum(weight, 1e-6)


def word_probabilities(piece_logits: np.ndarray, first: np.ndarray) -> np.ndarray:
    """P(tag) [words, roles, tags] from per-piece logits [pieces, roles*tags]; words without a piece are O."""
    probs = np.zeros((len(first), len(ROLES), len(TAGS)), dtype=np.float32)
    probs[:, :, 0] = 1.0
    has = first >= 0
    if has.any():
        z = piece_logits[first[has]].reshape(-1, len(ROLES), len(TAGS))
        z = np.exp(z - z.max(-1, keepdims=True))
        probs[has] = z / z.sum(-1, keepdims=True)
    return probs


def word_tags(piece_logits: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Tag ids [words, roles] from per-piece logits [pieces, roles*tags]; words without a piece are O."""
    return word_probabilities(piece_logits, first).argmax(-1)


class Tagger:
    """An ONNX tagger session plus its tokenizer."""

    def __init__(self, onnx_path: Path, tokenizer_path: Path, threads: int | None = None):
        import onnxruntime as ort

        self.tokenizer = load_tokenizer(tokenizer_path)
        self.cls = self.tokenizer.token_to_id("[CLS]")
        self.sep = self.tokenizer.token_to_id("[SEP]")
        opts = ort.SessionOptions()
        if threads:
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
        # One window runs at a time, so the arena's cached buffers save no time; without it the
        # peak RSS of both tiers in one process is about 20 MB lower (docs/tiers.md).
        opts.enable_cpu_mem_arena = False
        try:
            self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        except Exception as e:  # onnxruntime raises its own untyped errors for a bad file
            raise ModelError(f"{onnx_path}: not a loadable ONNX tagger ({str(e).splitlines()[0]})") from None

    def logits(self, doc: Doc) -> tuple[np.ndarray, Encoded]:
        """Per-wordpiece logits for a Doc, and its encoding."""
        enc = encode(self.tokenizer, doc_words(doc))
        n = len(enc.ids)
        if n == 0:
            return np.zeros((0, len(ROLES) * len(TAGS)), dtype=np.float32), enc
        spans = windows(n)
        rows = []
        # One window per run: int8 activations are scaled per run, so a window's tags must not
        # depend on its neighbours; it is as fast as batching, and a batch's buffers would raise
        # the peak memory (700 MB instead of 1,000 on PolNeAR dev when this was measured).
        for span in spans:
            input_ids, mask = window_batch(enc.ids, [span], self.cls, self.sep)
            rows.append(self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0][0])
        return merge_windows(rows, spans, n), enc

    def tag(self, doc: Doc) -> np.ndarray:
        """Tag ids [tokens, roles] for a Doc (0 O, 1 B, 2 I)."""
        return self.probabilities(doc).argmax(-1)

    def probabilities(self, doc: Doc) -> np.ndarray:
        """P(tag) [tokens, roles, tags] for a Doc."""
        piece_logits, enc = self.logits(doc)
        return word_probabilities(piece_logits, enc.first)


def weights_dir() -> Path:
    """Where the shipped tagger files live inside the package."""
    return Path(str(resources.files("quotegraph.model") / "weights"))


def check_sha(path: Path, expected: str) -> None:
    """Raise ModelError unless the file exists and has the expected sha256."""
    if not path.is_file():
        raise ModelError(f"{path}: missing; the accurate tier needs the shipped tagger")
    if (got := sha256_file(path)) != expected:
        raise ModelError(f"{path}: sha256 {got[:12]}… does not match the shipped accurate-tier tagger")


def check_tagger() -> Path:
    """Raise ModelError unless the accurate tier can run: its libraries and the shipped files."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        raise ModelError("the accurate tier needs onnxruntime and tokenizers: pip install quotegraph") from None
    d = weights_dir()
    check_sha(d / ONNX_FILE, ONNX_SHA256)
    check_sha(d / TOKENIZER_FILE, TOKENIZER_SHA256)
    return d


@cache
def default_tagger(threads: int | None = None) -> Tagger:
    """The shipped int8 tagger, hash-checked, loaded once per process."""
    d = check_tagger()
    return Tagger(d / ONNX_FILE, d / TOKENIZER_FILE, threads)
