"""Edits to the exported ONNX graph that change no output and make the runtime faster ([train] extra).

PyTorch exports BERT's scaled-dot-product attention with a guard after each softmax,
`Where(IsNaN(p), 0, p)`, for rows where every key is masked. A row always attends to at least
its [CLS], so the guard never fires, yet on the CPU it cost 15% of the int8 tagger's time (one
elementwise pass over every layer's [heads, length, length] probabilities, plus the IsNaN).
"""

from __future__ import annotations

import numpy as np


def _constant_values(graph) -> dict[str, np.ndarray]:
    from onnx import numpy_helper

    values = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for n in graph.node:
        if n.op_type == "Constant" and len(n.attribute) == 1 and n.attribute[0].name == "value":
            values[n.output[0]] = numpy_helper.to_array(n.attribute[0].t)
    return values


def drop_nan_guards(model) -> int:
    """Remove every `Where(IsNaN(x), 0, x)` from an ONNX model in place; return how many.

    Consumers read `x` instead; constants left unused go too, as do the removed tensors' type
    annotations, so the model is the one that an export without the guards would give. Running
    it before or after dynamic quantisation writes the same bytes (quantisation leaves these
    nodes alone).
    """
    graph = model.graph
    producer = {o: n for n in graph.node for o in n.output}
    constants = _constant_values(graph)
    rename: dict[str, str] = {}
    dropped: set[int] = set()
    for n in graph.node:
        if n.op_type != "Where":
            continue
        cond, zero, x = n.input
        guard = producer.get(cond)
        if guard is None or guard.op_type != "IsNaN" or guard.input[0] != x:
            continue
        if zero not in constants or np.any(constants[zero] != 0):
            continue
        rename[n.output[0]] = x
        dropped.update((id(n), id(guard)))
    if not rename:
        return 0
    if any(o.name in rename for o in graph.output):
        raise ValueError("a NaN guard feeds the graph's output; nothing was changed")
    kept = [n for n in graph.node if id(n) not in dropped]
    for n in kept:
        for i, name in enumerate(n.input):
            if name in rename:
                n.input[i] = rename[name]
    used = {i for n in kept for i in n.input} | {o.name for o in graph.output}
    orphans = {id(n) for n in kept if n.op_type == "Constant" and n.output[0] not in used}
    gone = {o for n in graph.node if id(n) in dropped | orphans for o in n.output}
    kept = [n for n in kept if id(n) not in orphans]
    annotations = [v for v in graph.value_info if v.name not in gone]
    del graph.node[:]
    graph.node.extend(kept)
    del graph.value_info[:]
    graph.value_info.extend(annotations)
    return len(rename)
