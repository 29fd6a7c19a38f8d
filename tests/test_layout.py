"""The house rules of the source tree, checked on the code itself (docs/architecture.md).

- a capability package (``extract/entities``, ``corpus/stories``, ...) is entered only
  through its ``__init__``: no module imports a sibling capability's modules;
- extractors never touch the store; only ``annotate`` loads spaCy models;
- interfaces read records through the query layer (no SQL of their own);
- module-level imports have no cycles;
- every capability package says in its ``__init__`` docstring what it takes and returns.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
FAMILIES = ("extract", "corpus")  # folders whose sub-packages are capabilities
SHARED = {"newsgraph.extract.common"}  # helpers the extractors share, open to all of them


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, top_level_only: bool = False) -> list[str]:
    """Modules a file imports (``from pkg import sub`` counts as ``pkg.sub`` when sub is a module)."""
    tree = ast.parse(path.read_text())
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = []
    for node in nodes:
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES]
            found += subs or [node.module]
    return found


def capability(module: str) -> str | None:
    """``newsgraph.extract.quotes.speakers`` → ``newsgraph.extract.quotes``."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[1] in FAMILIES and f"{'.'.join(parts[:3])}" in MODULES \
            and MODULES[".".join(parts[:3])].name == "__init__.py":
        return ".".join(parts[:3])
    return None


def capabilities() -> list[str]:
    return sorted({c for m in MODULES if (c := capability(m))})


def test_the_capability_packages_exist() -> None:
    expected = {"newsgraph.extract.entities", "newsgraph.extract.quotes", "newsgraph.extract.citations",
                "newsgraph.extract.events", "newsgraph.extract.checks", "newsgraph.corpus.stories",
                "newsgraph.corpus.compare", "newsgraph.corpus.resolve", "newsgraph.corpus.checks"}
    assert expected <= set(capabilities())


@pytest.mark.parametrize("module", sorted(MODULES))
def test_capabilities_are_entered_through_their_init(module: str) -> None:
    own = capability(module)
    wrong = []
    for target in imports(MODULES[module]):
        other = capability(target)
        if other is None or other == own or target == other:
            continue
        if other in SHARED and module.startswith("newsgraph.extract."):
            continue
        wrong.append(target)
    assert not wrong, f"{module} reaches inside another capability: {wrong}"


@pytest.mark.parametrize("module", [m for m in MODULES if m.startswith("newsgraph.extract")])
def test_extractors_never_touch_the_store(module: str) -> None:
    targets = imports(MODULES[module])
    assert not [t for t in targets if t.startswith("newsgraph.store") or t == "sqlite3"]


def test_only_annotate_loads_models() -> None:
    loaders = [m for m, p in MODULES.items() if "spacy.load(" in p.read_text() or "spacy.blank(" in p.read_text()]
    assert loaders and all(m.startswith("newsgraph.annotate") for m in loaders), loaders


@pytest.mark.parametrize("module", [m for m in MODULES if m.startswith("newsgraph.interfaces")] + ["newsgraph.api"])
def test_interfaces_read_through_the_query_layer(module: str) -> None:
    assert ".execute(" not in MODULES[module].read_text()


def test_module_level_imports_have_no_cycles() -> None:
    graph = {m: [t for t in imports(p, top_level_only=True) if t in MODULES and t != m] for m, p in MODULES.items()}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for t in graph[m]:
            if state.get(t) == 1:
                raise AssertionError("import cycle: " + " → ".join(path[path.index(t):] + [t]))
            if t not in state:
                visit(t)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


@pytest.mark.parametrize("package", [c for c in capabilities() if c not in SHARED])
def test_each_capability_says_what_it_takes_and_returns(package: str) -> None:
    doc = ast.get_docstring(ast.parse(MODULES[package].read_text())) or ""
    assert "Takes" in doc and "return" in doc, f"{package}/__init__.py must say what it takes and returns"
    steps = [p.stem for p in MODULES[package].parent.glob("*.py") if p.stem != "__init__"]
    assert all(f"``{s}``" in doc for s in steps), f"{package}/__init__.py must list its steps: {steps}"


def test_no_folder_holds_more_than_a_dozen_modules() -> None:
    for folder in {p.parent for p in MODULES.values()}:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 12, f"{folder.relative_to(PACKAGE)} holds {len(modules)} modules"
