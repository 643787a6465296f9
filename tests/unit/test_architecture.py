"""The code's shape: state lives in objects that a build makes, never in module globals.

A module may hold constants (patterns, frozen tables, frozen dataclass values) and pure functions
memoized with functools.cache; anything that changes while the program runs belongs to an object
(the plugin's `SiteBuild` holds one build's data, renderer, publication and redirects).
"""

from __future__ import annotations

import ast
import dataclasses
import graphlib
import importlib
from pathlib import Path

import pytest
from conftest import ROOT, TESTS

PACKAGE = ROOT / "atlas"
MODULES = sorted(PACKAGE.rglob("*.py"))
# Calls whose result is immutable, or a value that is not state (a path, a compiled pattern).
IMMUTABLE_FACTORIES = {"re.compile", "frozenset", "tuple", "Path", "str.maketrans", "Markup", "len", "round",
                       "TypeVar", "dict.fromkeys"}
MUTATING_METHODS = {"append", "extend", "update", "add", "pop", "popitem", "clear", "setdefault", "remove",
                    "insert", "discard", "sort", "reverse"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_names(tree: ast.Module) -> dict[str, ast.AST]:
    names = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name) and getattr(node, "value", None) is not None:
                names[target.id] = node.value
    return names


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_no_module_keeps_state_between_calls(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"line {node.lineno}: `global {', '.join(node.names)}`" for node in ast.walk(tree) if isinstance(node, ast.Global)]
    names = _top_level_names(tree)
    for name, value in names.items():
        if isinstance(value, ast.Constant) and value.value is None:
            found.append(f"{name} = None, to be filled in later")
        elif isinstance(value, ast.Call):
            factory = ast.unparse(value.func)
            made = getattr(importlib.import_module(_module_name(path)), name)
            frozen = dataclasses.is_dataclass(made) and type(made).__dataclass_params__.frozen
            if factory not in IMMUTABLE_FACTORIES and not frozen:
                found.append(f"{name} = {factory}(...), an object made at import")
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for node in ast.walk(function):
            if isinstance(node, (ast.Assign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, (ast.Subscript, ast.Attribute)) and isinstance(target.value, ast.Name) \
                            and target.value.id in names:
                        found.append(f"{function.name} changes the module's {target.value.id}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in MUTATING_METHODS and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id in names:
                found.append(f"{function.name} calls {node.func.value.id}.{node.func.attr}()")
    assert found == []


def _imported_modules(path: Path, known: set[str]) -> set[str]:
    """The package's modules that `path` imports anywhere: at the top, in a function or only for
    type checking (a cycle through annotations still ties two modules together)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
                         for alias in node.names)
    return {name for name in found if name in known} - {_module_name(path)}


def test_no_two_modules_import_each_other_even_through_others():
    known = {_module_name(path) for path in MODULES}
    graph = {_module_name(path): _imported_modules(path, known) for path in MODULES}
    assert graph["atlas.checks.cross_record"] >= {"atlas.checks.index", "atlas.model.records"}  # the graph is read
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        pytest.fail(f"an import cycle: {' -> '.join(error.args[1])}")


def test_the_plugin_is_the_only_way_mkdocs_enters_the_package():
    config = (PACKAGE.parent / "mkdocs.yml").read_text()
    assert "hooks:" not in config and "\n  - atlas\n" in config
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text()
    assert '[project.entry-points."mkdocs.plugins"]\natlas = "atlas.site.plugin:AtlasPlugin"' in pyproject
    knows_mkdocs = sorted(path.relative_to(PACKAGE).as_posix() for path in MODULES
                          if "from mkdocs" in path.read_text() or "import mkdocs" in path.read_text())
    assert all(name.startswith("site/") for name in knows_mkdocs), knows_mkdocs


def test_no_test_reaches_its_helpers_by_editing_the_import_path():
    """Helpers are a package (tests/helpers/) and bench/ is on the tests' path (pyproject.toml)."""
    tests = TESTS
    editing = [path.relative_to(tests).as_posix() for path in sorted(tests.rglob("*.py"))
               if "sys.path" in path.read_text(encoding="utf-8") and path != Path(__file__).resolve()]
    assert editing == []
