"""The layers are visible in the imports, and nothing reaches past its layer.

Layers, lowest first:

* ``bot.core`` - the kernel: pure rules both virtualenvs import (standard library and small pure dependencies);
* ``bot.rasa``, ``bot.channels`` (Rasa's plug-ins) and ``actions`` (the action server) - the Rasa virtualenv;
* ``api`` - the FastAPI service in its own virtualenv; of the bot it may import only the kernel, because the
  Rasa side's modules (and their dependencies) are not installed there. It reaches the Rasa side only through
  its command-line entry points (``python -m bot.tools.<tool> ARGS``, JSON out), never by importing it and never
  by handing a subprocess Python source to run (``python -c``): source in a string is code no linter, type
  checker or this test reads as an import;
* ``bot.tools`` and ``bench`` - command-line entry points, the top: only they (and tests) import ``bot.tools``;
* ``tests`` - imported by nothing else (production code must not depend on test data or helpers).

There must be no import loop: a loop makes the outcome depend on which module is imported first and hides which
side is the lower layer. Everything is read with ``ast`` (standard library only, so the test runs in both
virtualenvs and imports none of the code it checks). Every import counts, also one inside a function (a deferred
import is still a dependency), ``importlib.import_module("name")`` with a literal name, and code carried in a
string literal (it runs in another process, so it cannot close a loop, but it is still a dependency of the
layer that carries it).
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Sequence, Set, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
PRODUCTION = ("actions", "api", "bot", "bench")
TESTS = "tests"

# A line of Python carried in a string: "import a, b" or "from a.b import c".
CODE_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))",
                         re.MULTILINE)


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the absolute dotted name imported (``from a import b`` gives ``a.b``)
    line: int
    how: str  # "import", "deferred import", "import_module", "code in a string"

    @property
    def in_process(self) -> bool:
        return self.how != "code in a string"


# The API's infrastructure below its business domains (credit, commitments, complaints, authorisations, ...):
# staff authentication and the audit log are infrastructure too, used by the identity module's staff routes.
IDENTITY_MAY_USE = ("api.identity", "api.clock", "api.config", "api.database", "api.dependencies", "api.errors",
                    "api.metrics", "api.checks", "api.jsonmap", "api.auth", "api.audit")

# (who, what they must not import, what is allowed inside the forbidden names, why)
RULES: Tuple[Tuple[Tuple[str, ...], Tuple[str, ...], Tuple[str, ...], str], ...] = (
    (("api",), ("bot", "actions", "rasa", "rasa_sdk", TESTS), ("bot.core",),
     "the API's virtualenv has only the kernel of the bot; it calls the Rasa side through `python -m` entry points"),
    (("bot.core",), ("bot", "actions", "api", "bench", "rasa", "rasa_sdk", TESTS), ("bot.core",),
     "the kernel is shared by both virtualenvs and imports nothing above it"),
    (("actions",), ("api",), (),
     "the action server reaches the API over HTTP only"),
    (("actions", "api", "bot", "bench"), (TESTS,), (),
     "production code must not depend on the test package"),
    (("actions", "api", "bot.core", "bot.rasa", "bot.channels"), ("bot.tools",), (),
     "bot.tools holds command-line entry points, the top layer: shared code belongs lower down"),
    (("api.identity",), ("api",), IDENTITY_MAY_USE,
     "the identity module sits at the bottom of the API: every domain uses it, it depends on no business domain"),
)


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def python_files(root: Path, packages: Sequence[str]) -> Dict[str, Path]:
    files: Dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            files[module_name(path, root)] = path
    return files


def _docstrings(tree: ast.AST) -> Set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def imports_of(name: str, path: Path) -> List[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    docstrings = _docstrings(tree)
    found: List[Import] = []

    def visit(node: ast.AST, deferred: bool) -> None:
        how = "deferred import" if deferred else "import"
        if isinstance(node, ast.Import):
            found.extend(Import(name, alias.name, node.lineno, how) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                found.append(Import(name, base if alias.name == "*" else f"{base}.{alias.name}", node.lineno, how))
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                found.append(Import(name, node.args[0].value, node.lineno, "import_module"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            for match in CODE_IMPORT.finditer(node.value):
                for target in (match.group(1) or match.group(2)).split(","):
                    found.append(Import(name, target.strip(), node.lineno, "code in a string"))
        for child in ast.iter_child_nodes(node):
            visit(child, deferred or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(tree, False)
    return found


def python_c_calls(path: Path, root: Path) -> List[str]:
    """Places where a command line is written with ``-c`` (source code handed to an interpreter)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [f"{path.relative_to(root)}:{node.lineno} builds a command line with -c: run a `python -m` entry point"
            for node in ast.walk(tree) if isinstance(node, (ast.List, ast.Tuple))
            and any(isinstance(e, ast.Constant) and e.value == "-c" for e in node.elts)]


def resolve(name: str, modules: Set[str]) -> str | None:
    """The most specific module of the repository that ``name`` names, or None (a third-party module)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def import_graph(imports: Sequence[Import], modules: Set[str]) -> Dict[str, Dict[str, Import]]:
    """module -> {module of the repository it imports in its own process: the first such import}."""
    graph: Dict[str, Dict[str, Import]] = {}
    for found in imports:
        edges = graph.setdefault(found.source, {})
        target = resolve(found.target, modules) if found.in_process else None
        if target is not None and target != found.source:
            edges.setdefault(target, found)
    return graph


def cycles(graph: Dict[str, Dict[str, Import]]) -> List[List[str]]:
    """A shortest loop through each strongly connected component of more than one module (Tarjan, iterative)."""
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
        work = [enter(start)]
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
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: List[str] = []
                while not component or component[-1] != node:
                    component.append(stack.pop())
                    on_stack.discard(component[-1])
                if len(component) > 1:
                    components.append(sorted(component))
    return [_shortest_loop(component, graph) for component in sorted(components)]


def _shortest_loop(component: List[str], graph: Dict[str, Dict[str, Import]]) -> List[str]:
    members, start = set(component), component[0]
    paths: Dict[str, List[str]] = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph.get(node, {})):
                if child == start:
                    return paths[node] + [start]
                if child in members and child not in paths:
                    paths[child] = paths[node] + [child]
                    following.append(child)
        frontier = following
    raise AssertionError(f"no loop through {component}")


def describe_loop(loop: List[str], graph: Dict[str, Dict[str, Import]], files: Dict[str, Path], root: Path) -> str:
    return "\n".join(f"  {a} ({files[a].relative_to(root)}:{graph[a][b].line}, {graph[a][b].how}) imports {b}"
                     for a, b in zip(loop, loop[1:]))


def violations(imports: Sequence[Import], files: Dict[str, Path], root: Path) -> List[str]:
    found = set()
    for item in imports:
        for sources, forbidden, allowed, why in RULES:
            if not any(within(item.source, s) for s in sources):
                continue
            if any(within(item.target, f) for f in forbidden) and not any(within(item.target, a) for a in allowed):
                found.add(f"{files[item.source].relative_to(root)}:{item.line} ({item.how}) imports {item.target}: {why}")
                break  # the first (most specific) rule broken is reason enough
    return sorted(found)


def layering_report(root: Path, packages: Sequence[str]) -> Tuple[List[str], List[str]]:
    """(import loops described, layer violations) of the tree at ``root``."""
    files = python_files(root, packages)
    modules = set(files) | set(python_files(root, (TESTS,)))
    imports = [found for name, path in files.items() for found in imports_of(name, path)]
    graph = import_graph(imports, modules)
    loops = [describe_loop(loop, graph, files, root) for loop in cycles(graph)]
    broken = violations(imports, files, root)
    broken += [line for name, path in files.items() if within(name, "api") for line in python_c_calls(path, root)]
    return loops, broken


# --- the repository ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report() -> Tuple[List[str], List[str]]:
    assert len(python_files(REPO, PRODUCTION)) > 100, "the production packages were not found"
    return layering_report(REPO, PRODUCTION)


def test_no_import_loops(report) -> None:
    loops, _ = report
    assert not loops, f"{len(loops)} import loop(s):\n" + "\n\n".join(loops)


def test_every_layer_imports_only_what_is_below_it(report) -> None:
    _, broken = report
    assert not broken, f"{len(broken)} import(s) across the layers:\n" + "\n".join(broken)


# --- the checks can fail --------------------------------------------------------------------------------


def write_tree(root: Path, sources: Dict[str, str]) -> None:
    """A made-up package tree: module name -> source (a name with children becomes a package)."""
    for name, source in sources.items():
        is_package = any(other.startswith(name + ".") for other in sources)
        path = root.joinpath(*name.split("."), "__init__.py") if is_package else \
            root.joinpath(*name.split(".")).with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")


CLEAN_TREE = {
    "bot": "",
    "bot.core": "",
    "bot.core.rules": '"""import rasa  - a docstring, not code"""\nimport json\nimport yaml\n',
    "bot.tools": "",
    "bot.tools.build": "from bot.core import rules\n",
    "bot.rasa": "",
    "bot.rasa.plugin": "import rasa.core\nfrom ..core.rules import x\n",
    "actions": "",
    "actions.discovery": "import rasa_sdk\nfrom bot.core.rules import x\n",
    "api": "",
    "api.admin": "",
    "api.admin.jobs": "import subprocess\nfrom bot.core import rules\nCMD = ['python', '-m', 'bot.tools.build']\n"
                      "TEXT = 'tests import fine; see tests/eval.py'\n",
    "bench": "",
    "bench.run": "from bot.tools.build import main\n",
    "tests": "",
    "tests.helpers": "from api.admin import jobs\nfrom bot.tools import build\n",
}


def test_a_clean_tree_passes(tmp_path: Path) -> None:
    write_tree(tmp_path, CLEAN_TREE)
    assert layering_report(tmp_path, PRODUCTION) == ([], [])


@pytest.mark.parametrize("module, source, expected", [
    ("api.admin.fingerprint", "def f():\n    from bot.tools.model import inputs_hash\n",
     "api/admin/fingerprint.py:2 (deferred import) imports bot.tools.model.inputs_hash"),
    ("api.admin.inbox", "from bot.rasa.tracker_store import open_event_data\n",
     "api/admin/inbox.py:1 (import) imports bot.rasa.tracker_store.open_event_data"),
    ("api.admin.registry", "from . import jobs\nfrom ..admin.jobs import CMD\nfrom bot import core\n", None),
    ("api.admin.trial", "import rasa_sdk\n", "api/admin/trial.py:1 (import) imports rasa_sdk"),
    ("api.admin.web", "from actions import discovery\n", "api/admin/web.py:1 (import) imports actions.discovery"),
    ("api.identity.otp", "from api.credit.service import id_problem\n",
     "api/identity/otp.py:1 (import) imports api.credit.service.id_problem"),
    ("api.identity.router", "from api.auth.dependencies import StaffDep\nfrom api.clock import utc\n", None),
    ("api.admin.script", "S = (\n  'import json, sys\\n'\n  'from tests.eval_discovery import evaluate\\n')\n",
     "api/admin/script.py:2 (code in a string) imports tests.eval_discovery"),
    ("api.admin.parse", "S = f'''import sys\nfrom rasa.core.agent import Agent\nprint({1})'''\n",
     "api/admin/parse.py:1 (code in a string) imports rasa.core.agent"),
    ("api.admin.dynamic", "import importlib\nm = importlib.import_module('bot.channels.rest')\n",
     "api/admin/dynamic.py:2 (import_module) imports bot.channels.rest"),
    ("bot.core.bad", "import rasa\n", "bot/core/bad.py:1 (import) imports rasa"),
    ("bot.core.up", "from bot.tools.build import main\n", "bot/core/up.py:1 (import) imports bot.tools.build.main"),
    ("bot.core.sdk", "def f():\n    import rasa_sdk.events\n", "bot/core/sdk.py:2 (deferred import) imports rasa_sdk.events"),
    ("actions.backend", "from api.main import app\n", "actions/backend.py:1 (import) imports api.main.app"),
    ("actions.extract", "from bot.tools.build import entity_patterns\n",
     "actions/extract.py:1 (import) imports bot.tools.build.entity_patterns"),
    ("bench.load", "import tests.helpers\n", "bench/load.py:1 (import) imports tests.helpers"),
    ("bot.rasa.server", "from tests import helpers\n", "bot/rasa/server.py:1 (import) imports tests.helpers"),
])
def test_each_crossing_is_reported(tmp_path: Path, module: str, source: str, expected: str | None) -> None:
    write_tree(tmp_path, {**CLEAN_TREE, module: source})
    loops, broken = layering_report(tmp_path, PRODUCTION)
    assert loops == []
    if expected is None:
        assert broken == []
    else:
        assert len(broken) == 1 and broken[0].startswith(expected + ": "), broken


def test_python_c_in_the_api_is_reported(tmp_path: Path) -> None:
    write_tree(tmp_path, {**CLEAN_TREE, "api.admin.trial": "cmd = [python, '-c', SCRIPT, model]\n",
                          "bench.system": "cmd = [python, '-c', 'print(1)']\n"})
    assert layering_report(tmp_path, PRODUCTION) == ([], [
        "api/admin/trial.py:1 builds a command line with -c: run a `python -m` entry point"])


def test_a_loop_is_reported_with_its_lines_also_through_a_deferred_import(tmp_path: Path) -> None:
    write_tree(tmp_path, {**CLEAN_TREE,
                          "bot.tools.build": "from bot.core import rules\nfrom actions.discovery import x\n",
                          "actions.discovery": "import rasa_sdk\n\ndef terms():\n    from bot.tools import build\n"})
    loops, broken = layering_report(tmp_path, PRODUCTION)
    assert loops == [
        "  actions.discovery (actions/discovery.py:4, deferred import) imports bot.tools.build\n"
        "  bot.tools.build (bot/tools/build.py:2, import) imports actions.discovery"
    ]
    assert broken == ["actions/discovery.py:4 (deferred import) imports bot.tools.build: " + RULES[4][3]]


def test_a_string_carried_import_does_not_close_a_loop(tmp_path: Path) -> None:
    write_tree(tmp_path, {**CLEAN_TREE, "bot.core.rules": "S = 'from bot.tools.build import main'\n"})
    loops, broken = layering_report(tmp_path, PRODUCTION)
    assert loops == [] and len(broken) == 1 and "(code in a string) imports bot.tools.build: " in broken[0]


def test_cycle_finder_on_small_graphs() -> None:
    edge = Import("x", "y", 1, "import")
    assert cycles({"a": {"b": edge, "c": edge}, "b": {"c": edge}, "c": {}}) == []
    assert cycles({"a": {"b": edge}, "b": {"c": edge}, "c": {"a": edge, "d": edge}, "d": {"d": edge}}) == \
        [["a", "b", "c", "a"]]
