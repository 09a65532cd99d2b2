"""The layering has to be visible in the imports: no import loops, the kernel (``bot/core``) imports only
itself, and no production module needs ``tests/``.

An import loop makes the outcome depend on which module happens to be imported first (a name may not exist yet
when the other module asks for it), and hides which side is the lower layer. Production code that imports
``tests`` only works from a full checkout and ties the product to its own test data. The rules are read from
the source with ``ast`` (standard library only, so this runs in both virtualenvs): every import statement counts,
also one inside a function, because a deferred import is still a dependency. Source code carried in string
literals (run by a subprocess with ``python -c``) is checked for imports of ``tests`` as well; it runs in another
process, so it cannot close an import loop and is not part of the graph.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Dict, Iterator, List, Sequence, Set, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
PRODUCTION_PACKAGES = ("actions", "api", "bot", "bench")
TEST_PACKAGE = "tests"
KERNEL = "bot.core"
# A line of code carried in a string that imports the test package (``import tests``, ``from tests.x import``).
TESTS_IMPORT_IN_TEXT = re.compile(r"^\s*(?:from\s+tests(?:\.\w+)*\s+import\b|import\s+tests\b)", re.MULTILINE)

Graph = Dict[str, Dict[str, int]]  # module -> {imported module of the repository: line of the first import}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_files(root: Path, packages: Sequence[str]) -> Dict[str, Path]:
    """Module name -> file, for every ``.py`` under the given top-level packages."""
    files: Dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            files[module_name(path, root)] = path
    return files


def imported_names(name: str, path: Path, tree: ast.AST) -> Iterator[Tuple[str, int]]:
    """``(dotted name, line)`` of everything the module imports, wherever the statement stands. ``from a import
    b`` gives ``a.b``: :func:`resolve` falls back to ``a`` when ``b`` is an attribute, not a submodule."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package[: len(package) - node.level + 1] + ([node.module] if node.module else [])
                base = ".".join(parts)
            else:
                base = node.module or ""
            for alias in node.names:
                yield (base if alias.name == "*" else f"{base}.{alias.name}"), node.lineno


def resolve(name: str, modules: Set[str]) -> str | None:
    """The most specific module of the repository that ``name`` names, or None (not a module of ours)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def import_graph(files: Dict[str, Path], modules: Set[str]) -> Graph:
    graph: Graph = {}
    for name, path in files.items():
        edges: Dict[str, int] = {}
        for imported, line in imported_names(name, path, parse(path)):
            target = resolve(imported, modules)
            if target is not None and target != name:
                edges.setdefault(target, line)
        graph[name] = edges
    return graph


def cycles(graph: Graph) -> List[List[str]]:
    """One loop through each strongly connected component of more than one module (Tarjan's algorithm)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    components: List[List[str]] = []

    def enter(node: str) -> Tuple[str, Iterator[str]]:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        return node, iter(sorted(graph.get(node, {})))

    for start in sorted(graph):
        if start in index:
            continue
        work = [enter(start)]  # iterative, so a long import chain cannot hit the recursion limit
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    work.append(enter(child))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: List[str] = []
                while not component or component[-1] != node:
                    component.append(stack.pop())
                    on_stack.discard(component[-1])
                if len(component) > 1:
                    components.append(sorted(component))
    return [shortest_loop(component, graph) for component in sorted(components)]


def shortest_loop(component: List[str], graph: Graph) -> List[str]:
    """A shortest loop from the component's first module back to itself (breadth-first inside the component)."""
    members = set(component)
    start = component[0]
    paths: Dict[str, List[str]] = {start: [start]}
    frontier = [start]
    while frontier:
        following: List[str] = []
        for node in frontier:
            for child in sorted(graph.get(node, {})):
                if child == start:
                    return paths[node] + [start]
                if child in members and child not in paths:
                    paths[child] = paths[node] + [child]
                    following.append(child)
        frontier = following
    raise AssertionError(f"no loop through {component}")


def describe(loop: List[str], graph: Graph, files: Dict[str, Path], root: Path) -> str:
    return "\n".join(
        f"  {source} ({files[source].relative_to(root)}:{graph[source][target]}) imports {target}"
        for source, target in zip(loop, loop[1:])
    )


def find_tests_imports(files: Dict[str, Path], root: Path) -> List[str]:
    """Every place in ``files`` that imports the test package, in code or in code carried by a string."""
    found: Set[str] = set()
    for name, path in files.items():
        where = path.relative_to(root)
        tree = parse(path)
        for imported, line in imported_names(name, path, tree):
            if imported.split(".")[0] == TEST_PACKAGE:
                found.add(f"{where}:{line} imports {imported}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for match in TESTS_IMPORT_IN_TEXT.finditer(node.value):
                    found.add(f"{where}:{node.lineno} carries code that says {match.group(0).strip()!r}")
    return sorted(found)


def repository() -> Tuple[Dict[str, Path], Set[str]]:
    files = package_files(REPO, PRODUCTION_PACKAGES)
    modules = set(files) | set(package_files(REPO, (TEST_PACKAGE,)))
    return files, modules


def test_production_modules_have_no_import_loops() -> None:
    files, modules = repository()
    assert len(files) > 100, "the production packages were not found"
    graph = import_graph(files, modules)
    loops = cycles(graph)
    report = "\n\n".join(describe(loop, graph, files, REPO) for loop in loops)
    assert not loops, f"{len(loops)} import loop(s) among the production modules:\n{report}"


def test_the_kernel_imports_nothing_of_the_project_but_itself() -> None:
    """``bot/core`` holds the rules both virtualenvs share; importing anything above it would drag that layer
    (and its third-party dependencies) into the other virtualenv."""
    files, modules = repository()
    graph = import_graph(files, modules)
    kernel = [name for name in graph if name == KERNEL or name.startswith(KERNEL + ".")]
    assert len(kernel) > 5, "the kernel was not found"
    outside = [
        f"{files[name].relative_to(REPO)}:{line} imports {target}"
        for name in sorted(kernel)
        for target, line in sorted(graph[name].items())
        if target != KERNEL and not target.startswith(KERNEL + ".")
    ]
    assert not outside, "the kernel must not import the layers above it:\n" + "\n".join(outside)


def test_no_production_module_imports_tests() -> None:
    files, _ = repository()
    found = find_tests_imports(files, REPO)
    assert not found, "production code must not import the test package:\n" + "\n".join(found)


# --- the checks themselves must be able to fail -------------------------------------------------------------


def write_tree(root: Path, sources: Dict[str, str]) -> Dict[str, Path]:
    """A made-up package tree: module name -> source (a name with children becomes a package)."""
    for name, source in sources.items():
        is_package = any(other.startswith(name + ".") for other in sources)
        path = root.joinpath(*name.split("."), "__init__.py") if is_package else \
            root.joinpath(*name.split(".")).with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return package_files(root, sorted({name.split(".")[0] for name in sources}))


def test_graph_sees_relative_deferred_and_from_imports(tmp_path: Path) -> None:
    files = write_tree(tmp_path, {
        "pkg": "from .sub import e\n",
        "pkg.a": "from . import b\nimport json\n",
        "pkg.b": "def later():\n    from pkg.c import thing\n",
        "pkg.c": "from ..pkg import a\n",
        "pkg.d": "from .a import name\nimport pkg.b as alias\nfrom pkg import *\n",
        "pkg.sub": "",
        "pkg.sub.e": "from .. import d\n",
    })
    graph = import_graph(files, set(files))
    assert set(graph["pkg"]) == {"pkg.sub.e"}
    assert set(graph["pkg.a"]) == {"pkg.b"}
    assert set(graph["pkg.b"]) == {"pkg.c"}
    assert set(graph["pkg.c"]) == {"pkg.a"}
    assert set(graph["pkg.d"]) == {"pkg", "pkg.a", "pkg.b"}
    assert set(graph["pkg.sub.e"]) == {"pkg.d"}
    loops = cycles(graph)
    assert ["pkg.a", "pkg.b", "pkg.c", "pkg.a"] in loops
    assert ["pkg", "pkg.sub.e", "pkg.d", "pkg"] in loops
    assert len(loops) == 2, loops
    assert "pkg.b (pkg/b.py:2) imports pkg.c" in describe(loops[1], graph, files, tmp_path)


def test_cycle_finder_accepts_a_tree_and_sees_a_two_module_loop() -> None:
    assert cycles({"a": {"b": 1, "c": 1}, "b": {"c": 1}, "c": {}}) == []
    assert cycles({"a": {"b": 1}, "b": {"a": 1}, "c": {"a": 1}}) == [["a", "b", "a"]]


def test_tests_imports_are_found_in_code_and_in_strings(tmp_path: Path) -> None:
    files = write_tree(tmp_path, {
        "app": "",
        "app.clean": 'SCRIPT = "import sys\\nfrom bot.x import y\\n"  # see tests/eval.py\nimport testing\n',
        "app.deferred": "def f():\n    from tests.helpers import x\n",
        "app.script": 'SCRIPT = (\n    "import json\\n"\n    "from tests.eval_discovery import evaluate\\n"\n)\n',
        "app.plain": "import tests\n",
    })
    found = find_tests_imports(files, tmp_path)
    assert found == [
        "app/deferred.py:2 imports tests.helpers.x",
        "app/plain.py:1 imports tests",
        "app/script.py:2 carries code that says 'from tests.eval_discovery import'",
    ]


@pytest.mark.parametrize("source", ["from testsuite import x\n", "# see tests/eval.py\n", "import testing\n",
                                    "text = 'tests import fine'\n"])
def test_text_without_an_import_of_tests_is_not_flagged(source: str) -> None:
    assert not TESTS_IMPORT_IN_TEXT.search(source)
