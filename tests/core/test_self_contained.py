"""The repository stands on its own: every reference in it resolves inside a fresh clone.

A clone has no sibling directories and none of the machine it was written on. So a path that a comment, a doc
or a message names (``docs/requirements.md``, ``bot/core/ids.py``, ``actions/identity.begin``) must exist in the
clone; nothing may point above the repository (``../something``) or at an absolute path of a developer's machine;
and a requirement cited as R<n> or P<n> must be defined in ``docs/requirements.md``.

Standard library only and read from ``git ls-files``, so it runs in both virtualenvs and sees exactly what a
clone gets.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
TOP_DIRECTORIES = ("bot", "actions", "api", "tests", "docs", "deploy", "bench", "web", "data", "locks")
# A reference: a top-level directory of the repository, then a path; not itself part of a longer path or URL.
PATH_REFERENCE = re.compile(r"(?<![\w/.\-$])((?:%s)/[\w./\-]*[\w/])" % "|".join(TOP_DIRECTORIES))
# Paths made while running (var/, models/<hash>) and patterns rather than names.
GENERATED_OR_PATTERN = re.compile(r"[*<>{}]|^(?:var|models)/")
# Above the repository, or a developer's machine.
OUTSIDE = re.compile(r"(?<![\w.])(?:\.\./(?:shared|spec|seed|acceptance)\b|/work/|/home/\w|/Users/\w|/root/\.)")
REQUIREMENT = re.compile(r"(?<![\w.\-])([RP]\d{1,2})(?![\w.\-])")
BINARY = (".png", ".jpg", ".jpeg", ".gif", ".ico", ".gz", ".pdf", ".ttf", ".ttc", ".otf", ".woff", ".woff2")
# Third-party files carried as they are.
VENDORED = ("tests/browser/vendor/",)
# Files whose paths are synthetic on purpose: they build trees of made-up files to test a copy or import rule.
SYNTHETIC_PATHS = {
    "tests/deploy/test_dockerfiles.py": "builds made-up build contexts to test the ignore rules",
    "tests/core/test_layering.py": "builds made-up packages to test the import-graph reader",
    "tests/core/test_self_contained.py": "this file's own examples",
}


def tracked_text_files() -> Iterator[Tuple[str, str]]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in names.decode().split("\0"):
        if not name or name.endswith(BINARY) or name.startswith(VENDORED) or ".min." in name:
            continue
        path = REPO / name
        if not path.is_file():
            continue  # deleted in the work tree, not yet committed
        try:
            yield name, path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue


def resolves(reference: str, root: Path) -> bool:
    """A path, a module written as a path (``bot/core/ids``), or a module's attribute (``actions/identity.begin``)."""
    candidate = reference.rstrip("./")
    while candidate:
        for form in (candidate, candidate + ".py"):
            if (root / form).exists():
                return True
        head, dot, _ = candidate.rpartition(".")
        if not dot or "/" not in head:
            return False
        candidate = head
    return False


def unresolved_references(files: Iterator[Tuple[str, str]], root: Path) -> Dict[str, List[str]]:
    missing: Dict[str, List[str]] = {}
    for name, text in files:
        if name in SYNTHETIC_PATHS:
            continue
        for match in PATH_REFERENCE.finditer(text):
            reference = match.group(1)
            if GENERATED_OR_PATTERN.search(reference) or resolves(reference, root):
                continue
            missing.setdefault(reference, []).append(name)
    return missing


def outside_references(files: Iterator[Tuple[str, str]]) -> List[str]:
    found = []
    for name, text in files:
        if name in SYNTHETIC_PATHS:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{name}:{number}: {line.strip()[:120]}")
    return found


def defined_requirements(root: Path) -> Set[str]:
    text = (root / "docs" / "requirements.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\*\*([RP]\d{1,2}) ", text, flags=re.MULTILINE))


def undefined_requirements(files: Iterator[Tuple[str, str]], defined: Set[str]) -> Dict[str, List[str]]:
    cited: Dict[str, List[str]] = {}
    for name, text in files:
        if name in SYNTHETIC_PATHS or not name.endswith((".py", ".md", ".yml", ".yaml", ".js", ".html")):
            continue
        for requirement in set(REQUIREMENT.findall(text)) - defined:
            cited.setdefault(requirement, []).append(name)
    return cited


def test_every_path_named_in_the_repository_exists_in_it() -> None:
    missing = unresolved_references(tracked_text_files(), REPO)
    assert not missing, {ref: files[:3] for ref, files in sorted(missing.items())}


def test_nothing_points_outside_the_repository() -> None:
    found = outside_references(tracked_text_files())
    assert not found, found[:10]


def test_every_requirement_cited_is_defined() -> None:
    defined = defined_requirements(REPO)
    assert {f"R{n}" for n in range(1, 20)} <= defined and {f"P{n}" for n in range(1, 8)} <= defined
    undefined = undefined_requirements(tracked_text_files(), defined)
    assert not undefined, undefined


# The checks themselves can fail: each is shown a tree with exactly the fault it looks for.

def test_a_missing_path_and_a_missing_module_attribute_are_found(tmp_path: Path) -> None:
    (tmp_path / "bot" / "core").mkdir(parents=True)
    (tmp_path / "bot" / "core" / "ids.py").write_text("")
    files = [("README.md", "see `bot/core/ids.py`, bot/core/ids.check and bot/core/gone.py; var/x is made at run time")]
    assert unresolved_references(iter(files), tmp_path) == {"bot/core/gone.py": ["README.md"]}


@pytest.mark.parametrize("line", ["read ../shared/spec/requirements.md", "cd /work/main && make",
                                  "open /home/alice/notes", "PYTHONPATH=/root/.venv"])
def test_references_outside_the_clone_are_found(line: str) -> None:
    assert outside_references(iter([("a.py", f"x = 1\n# {line}\n")])) == [f"a.py:2: # {line}"]


def test_an_undefined_requirement_is_found() -> None:
    files = [("a.py", "# R7 and P5 hold; R27 does not exist; PR12 and R2D2 are not citations")]
    assert undefined_requirements(iter(files), {"R7", "P5"}) == {"R27": ["a.py"]}
