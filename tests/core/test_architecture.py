"""The layers run one way, read from the real import graph (every module's ``import``s, by ast).

ui → services → models; reports, the CLI and the command modules → services
(the UI and the CLI also make reports); no Qt below the UI; no import
circles. Imports inside functions and under ``TYPE_CHECKING`` count too: a
late import still ties two modules together. The shared helpers at the
package's top (errors, paths, logs, safe_files) may be used by every layer
and use none; ``i18n`` belongs to the services' layer (it reads the user's
language choice from the local config).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "crm_desktop"

# Which layers a layer may import (besides itself and the shared top-level modules).
ALLOWED = {
    "ui": {"ui", "services", "reports"},
    "services": {"services", "models"},
    "models": {"models"},
    "reports": {"reports", "services"},
    "cli": {"cli", "services", "reports", "ui"},  # cli.py, cli_commands/ (the GUI is a command)
    "shared": {"shared"},
}
# Top-level modules that belong to a layer rather than under all of them.
TOP_LEVEL_LAYERS = {"i18n": "services"}


def is_qt(name: str) -> bool:
    """A Qt module (``import PySide6`` alone, to find its bundled tools, loads no Qt)."""
    return name.startswith(("PySide6.", "shiboken6"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "shared"  # crm_desktop/__init__.py
    top = parts[1]
    if top in ("cli", "cli_commands", "__main__"):
        return "cli"
    return top if top in ALLOWED else TOP_LEVEL_LAYERS.get(top, "shared")


def _known(name: str) -> str | None:
    """The module of ours that ``name`` (a module or a name in a module) is."""
    while name and name not in modules():
        name = name.rpartition(".")[0]
    return name or None


@cache
def imports_of(module: str) -> tuple[frozenset[str], frozenset[str]]:
    """(our modules it imports, the outside modules it imports), from its syntax tree."""
    path = modules()[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    ours: set[str] = set()
    outside: set[str] = set()
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # "from package import submodule" imports the submodule, not the package.
            names = [f"{base}.{alias.name}" for alias in node.names] or [base]
        else:
            continue
        for name in names:
            if name.startswith("crm_desktop"):
                found = _known(name)
                if found and found != module:
                    ours.add(found)
            else:
                outside.add(name)
    return frozenset(ours), frozenset(outside)


def graph() -> dict[str, frozenset[str]]:
    return {module: imports_of(module)[0] for module in modules()}


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """The import circles: Tarjan's strongly connected components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read_from_the_real_modules():
    edges = graph()
    assert len(edges) > 200
    # Spot checks that the reader sees plain, relative-free, late and TYPE_CHECKING imports.
    assert "crm_desktop.services.session" in edges["crm_desktop.ui.app"]  # inside a function
    assert "crm_desktop.models" in edges["crm_desktop.services.settings"]
    assert "crm_desktop.services.listing" in edges["crm_desktop.ui.features"]  # TYPE_CHECKING


def test_layers_import_one_way():
    wrong = [
        f"{module} ({layer(module)}) imports {target} ({layer(target)})"
        for module, targets in graph().items()
        for target in sorted(targets)
        if layer(target) != "shared" and layer(target) not in ALLOWED[layer(module)]
    ]
    assert wrong == []


def test_shared_modules_use_no_layer():
    """errors, paths, logs, safe_files sit under every layer, so they import none."""
    wrong = [
        f"{module} imports {target}"
        for module, targets in graph().items()
        if layer(module) == "shared"
        for target in sorted(targets)
        if layer(target) != "shared"
    ]
    assert wrong == []


def test_no_qt_in_models_services_reports_or_shared_modules():
    wrong = [
        module
        for module in modules()
        if layer(module) in ("models", "services", "reports", "shared")
        and any(is_qt(name) for name in imports_of(module)[1])
    ]
    assert wrong == []


def test_no_peewee_and_no_sql_in_the_ui():
    wrong = [
        module
        for module in modules()
        if layer(module) == "ui"
        and any(name.split(".")[0] in ("peewee", "sqlite3") for name in imports_of(module)[1])
    ]
    assert wrong == []
    for module, path in modules().items():
        if layer(module) != "ui":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("execute_sql", "execute"):
                raise AssertionError(f"{module}: .{node.attr}() in the UI")


def test_no_import_circles():
    assert cycles(graph()) == []


def test_the_circle_finder_finds_circles():
    """The check above cannot pass by accident: a made-up circle is found."""
    edges = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}
    assert cycles(edges) == [["a", "b", "c"]]


def test_models_know_nothing_of_what_uses_them():
    for module, targets in graph().items():
        if layer(module) == "models":
            assert {layer(t) for t in targets} <= {"models", "shared"}, module


def test_every_module_says_what_it_is_for():
    for path in modules().values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path} has no docstring"
