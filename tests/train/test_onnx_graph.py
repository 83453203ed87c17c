"""The exported graph's NaN guards go, and nothing the graph computes changes."""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx", reason="editing the exported graph needs the [train] extra")
ort = pytest.importorskip("onnxruntime")

from onnx import TensorProto, helper  # noqa: E402

from quotegraph.train.onnx_graph import drop_nan_guards  # noqa: E402


def attention_like(fill: float = 0.0, guarded: str = "p"):
    """softmax(x) -> Where(IsNaN(p), fill, <guarded>) -> MatMul with a weight, as the export writes it."""
    nodes = [
        helper.make_node("Softmax", ["x"], ["p"], axis=-1),
        helper.make_node("Constant", [], ["fill"], value=helper.make_tensor("fill", TensorProto.FLOAT, [], [fill])),
        helper.make_node("IsNaN", ["p"], ["nan"]),
        helper.make_node("Where", ["nan", "fill", guarded], ["q"]),
        helper.make_node("MatMul", ["q", "w"], ["out"]),
    ]
    w = helper.make_tensor("w", TensorProto.FLOAT, [4, 2], np.arange(8, dtype=np.float32).tolist())
    graph = helper.make_graph(
        nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3, 4])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, [3, 2])], initializer=[w],
        value_info=[helper.make_tensor_value_info(n, TensorProto.FLOAT, [3, 4]) for n in ("p", "q")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def run(model, x: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"x": x})[0]


def test_the_guard_its_constant_and_their_annotations_go_and_the_output_is_the_same():
    model = attention_like()
    x = np.random.default_rng(0).normal(size=(3, 4)).astype(np.float32)
    before = run(model, x)
    assert drop_nan_guards(model) == 1
    assert [n.op_type for n in model.graph.node] == ["Softmax", "MatMul"]
    assert model.graph.node[1].input[0] == "p"
    assert [v.name for v in model.graph.value_info] == ["p"]
    onnx.checker.check_model(model)
    assert np.array_equal(run(model, x), before)


def test_a_where_that_is_not_a_nan_guard_stays():
    not_zero = attention_like(fill=1.0)  # replaces NaN by something else: it computes something
    other_input = attention_like(guarded="x")  # guards one tensor and passes on another
    for model in (not_zero, other_input):
        assert drop_nan_guards(model) == 0
        assert "Where" in [n.op_type for n in model.graph.node]


def test_a_guard_on_the_graph_output_is_refused_and_the_model_left_as_it_was():
    model = attention_like()
    model.graph.output[0].name = "q"  # the guard's own output is what the graph returns
    nodes = [n.op_type for n in model.graph.node]
    with pytest.raises(ValueError):
        drop_nan_guards(model)
    assert [n.op_type for n in model.graph.node] == nodes
