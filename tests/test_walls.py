"""The package's walls (DESIGN.md, house style), read off every module's imports with `ast`.

- extract/ never imports store/, serve/, batch/, cli/ or train/;
- store/ and serve/ never reach extraction (extract/, model/, nlp, pipeline, train/);
- the runtime never imports train/ (only `quotegraph train` / `train-acts`, inside the command);
- the [train] extra (scikit-learn, torch, transformers, onnx) is imported only inside functions
  of train/ and cli/train.py, so `import quotegraph` works without it;
- subpackages do not import each other in a cycle at module level.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import quotegraph

SRC = Path(quotegraph.__file__).parent
TRAIN_EXTRA = ("sklearn", "torch", "transformers", "onnx")


@dataclass(frozen=True)
class Import:
    """One imported name, resolved to an absolute dotted path."""

    module: str  # the importing module
    target: str  # what it imports: a module, or module.name for `from module import name`
    lazy: bool  # inside a function body
    line: int


def module_of(path: Path) -> str:
    parts = ("quotegraph", *path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[Import]:
    """Every import in a module, relative ones resolved, marked lazy when inside a function."""
    module = module_of(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                out.extend(Import(module, a.name, lazy, child.lineno) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                out.extend(Import(module, f"{base}.{a.name}", lazy, child.lineno) for a in child.names)
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return out


ALL = [imp for p in sorted(SRC.rglob("*.py")) for imp in imports_of(p)]


def under(name: str, *prefixes: str) -> bool:
    """Whether a dotted name is one of `prefixes` or inside one of them."""
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def crossings(sources: tuple[str, ...], forbidden: tuple[str, ...], lazy_ok: bool = False) -> list[str]:
    return [f"{i.module}:{i.line} imports {i.target}" for i in ALL
            if under(i.module, *sources) and under(i.target, *forbidden) and not (lazy_ok and i.lazy)]


def test_the_resolver_reads_relative_imports():
    found = {i.target for i in imports_of(SRC / "store" / "export.py")}
    assert "quotegraph.vocab.act_codes" in found and "quotegraph.errors.StoreError" in found


def test_extract_never_imports_the_layers_above_it():
    assert crossings(("quotegraph.extract",), ("quotegraph.store", "quotegraph.serve", "quotegraph.batch",
                                               "quotegraph.cli", "quotegraph.train")) == []


def test_store_and_serve_never_reach_extraction():
    assert crossings(("quotegraph.store", "quotegraph.serve"),
                     ("quotegraph.extract", "quotegraph.model", "quotegraph.nlp", "quotegraph.pipeline",
                      "quotegraph.train")) == []


def test_the_runtime_never_imports_training_code():
    found = [f"{i.module}:{i.line} imports {i.target}" for i in ALL
             if under(i.target, "quotegraph.train") and not under(i.module, "quotegraph.train")
             and not (i.module == "quotegraph.cli.train" and i.lazy)]
    assert found == []


@pytest.mark.parametrize("extra", TRAIN_EXTRA)
def test_the_train_extra_is_imported_only_inside_training_functions(extra):
    bad = [f"{i.module}:{i.line}" for i in ALL if under(i.target, extra)
           and (not i.lazy or not under(i.module, "quotegraph.train", "quotegraph.cli.train"))]
    assert bad == []


def test_no_cycle_between_subpackages():
    def unit(name: str) -> str:  # quotegraph.extract.acts -> extract; quotegraph.nlp -> nlp
        parts = name.split(".")
        return parts[1] if len(parts) > 1 else parts[0]

    modules = {module_of(p) for p in SRC.rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for i in ALL:
        if i.lazy or not under(i.target, "quotegraph") or i.module == "quotegraph":
            continue
        target = i.target if i.target in modules else i.target.rpartition(".")[0]
        a, b = unit(i.module), unit(target)
        if a != b and target != "quotegraph":
            edges.setdefault(a, set()).add(b)
    cycles = []

    def walk(node: str, path: list[str]) -> None:
        for nxt in sorted(edges.get(node, ())):
            if nxt in path:
                cycles.append(" -> ".join([*path[path.index(nxt):], nxt]))
            elif len(path) < 12:
                walk(nxt, [*path, nxt])

    for start in sorted(edges):
        walk(start, [start])
    assert cycles == []
