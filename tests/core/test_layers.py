"""The package's layers, read from its own source: every import goes to the same layer or below, and no
module imports itself back through others (no import circle).

Layers, from the ground up (each package's docstring says the same):
core → rules → reading → formats (excel, docx, html, text, pdf, markdown) and testing → io →
batch → review → the public package (``gov_disclosure/__init__``) → cli.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import gov_disclosure

PACKAGE = Path(gov_disclosure.__file__).parent

LAYERS: dict[str, int] = {
    "core": 0,
    "rules": 1,
    "reading": 2,
    "excel": 3,
    "docx": 3,
    "html": 3,
    "text": 3,
    "pdf": 3,
    "markdown": 3,
    "testing": 3,
    "io": 4,
    "batch": 5,
    "review": 6,
    "": 7,  # gov_disclosure/__init__.py: the public API re-exports every layer below the CLI
    "cli": 8,
    "__main__": 9,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else ""
    assert top in LAYERS, f"{module}: its package is in no layer; add it to LAYERS and to the docs"
    return LAYERS[top]


def imports(module: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """(imported module of this package, line) for every import in the file, wherever it stands."""
    is_package = path.name == "__init__.py"
    here = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "gov_disclosure":
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "gov_disclosure":
                continue
            submodules = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
            yield from ((s, node.lineno) for s in submodules)
            if len(submodules) < len(node.names):
                yield target, node.lineno


def graph() -> dict[str, list[tuple[str, int]]]:
    known = modules()
    return {m: [(t, line) for t, line in imports(m, p, known) if t != m] for m, p in known.items()}


def test_every_import_goes_to_the_same_layer_or_below() -> None:
    upward = [
        f"{m} (layer {layer_of(m)}) imports {t} (layer {layer_of(t)}) on line {line}"
        for m, targets in graph().items()
        for t, line in targets
        if layer_of(t) > layer_of(m)
    ]
    assert upward == []


def test_there_is_no_import_circle() -> None:
    g = {m: sorted({t for t, _ in targets}) for m, targets in graph().items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in g.get(m, []):
            if state.get(t) == 1:
                cycles.append([*path[path.index(t) :], t])
            elif t not in state:
                visit(t, [*path, t])
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            visit(m, [m])
    assert cycles == []


def test_every_package_says_what_it_is_for_and_what_it_may_import() -> None:
    for init in sorted(PACKAGE.rglob("__init__.py")):
        if init.parent == PACKAGE:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "Layer:" in doc, f"{init}: the docstring must name its layer and what it may import"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from ..io import read_report\n", "gov_disclosure.io"),
        ("from .. import __version__\n", "gov_disclosure"),
    ],
)
def test_the_walker_sees_relative_imports(tmp_path: Path, source: str, expected: str) -> None:
    """The checks above would pass vacuously if relative imports were not resolved."""
    f = tmp_path / "x.py"
    f.write_text(source, encoding="utf-8")
    found = {t for t, _ in imports("gov_disclosure.core.x", f, modules())}
    assert found == {expected}
