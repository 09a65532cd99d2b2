"""The lock files agree with pyproject.toml, pin every package with hashes, and keep tools out of the images.

Every virtualenv and every image is installed with ``pip install --require-hashes -r locks/<name>.txt``
(Makefile ``setup``, deploy/docker/*.Dockerfile). A requirement edited in pyproject.toml without ``make lock``
would silently not be installed, so each lock's first line records the sha256 of the requirement lists it was
compiled from; it is recomputed here, independently of locks/compile.py, from the format documented there:
sha256 of the compact JSON ``[["dependencies", [...]], ["bot", [...]], ...]``, requirements as written.

Each check is also run on an edited copy of the project, which it must reject.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

try:
    import tomllib  # Python >= 3.11
except ModuleNotFoundError:  # Python 3.10: pip's own dependency, present in both virtualenvs
    import tomli as tomllib

try:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
except ImportError:  # pragma: no cover - pip vendors it
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
# lock -> the pyproject lists it is compiled from, in this order (dependencies first).
LOCKS: Dict[str, Tuple[str, ...]] = {
    "bot": ("dependencies", "bot", "bot-dev"),
    "bot-runtime": ("dependencies", "bot"),
    "api": ("dependencies", "api", "api-dev"),
    "api-runtime": ("dependencies", "api"),
}
# Test and maintenance tools that must never reach an image, whichever extra names them. (Not pluggy: pytest
# uses it, but so does Rasa's plug-in system, at run time.)
DEV_TOOLS = {"pytest", "pytest-asyncio", "hypothesis", "playwright", "schemathesis", "zxing-cpp",
             "kubernetes-validate", "check-jsonschema", "opencc-python-reimplemented", "pip-tools", "iniconfig",
             "hypothesis-graphql", "harfile"}
HEADER = re.compile(r"^# pyproject-sha256: ([0-9a-f]{64}) ([\w+-]+)$")
ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!_-]+)((?:\s+--hash=sha256:[0-9a-f]{64})+)$")


def groups_of(pyproject: dict, names: Tuple[str, ...]) -> List[Tuple[str, List[str]]]:
    project = pyproject["project"]
    lists = {"dependencies": project.get("dependencies", []), **project.get("optional-dependencies", {})}
    return [(name, list(lists[name])) for name in names]


def digest(groups: List[Tuple[str, List[str]]]) -> str:
    text = json.dumps([[name, reqs] for name, reqs in groups], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entries(text: str) -> Tuple[str, List[str]]:
    """(first line, logical requirement lines): comments dropped, backslash continuations joined."""
    lines = text.splitlines()
    logical: List[str] = []
    pending = ""
    for raw in lines[1:]:
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip() and not pending:
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append((pending + line).strip())
        pending = ""
    if pending.strip():
        logical.append(pending.strip())
    return (lines[0] if lines else ""), [line for line in logical if line]


def pins_of(root: Path, lock: str) -> Dict[str, str]:
    _, logical = entries((root / "locks" / f"{lock}.txt").read_text(encoding="utf-8"))
    found = {}
    for line in logical:
        match = ENTRY.match(line)
        if match:
            found[canonicalize_name(match.group(1))] = match.group(2)
    return found


def problems(root: Path) -> List[str]:
    """Everything wrong with the locks of the project at ``root``; empty when they are sound."""
    found: List[str] = []
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    extras = pyproject["project"].get("optional-dependencies", {})
    for lock, names in LOCKS.items():
        path = root / "locks" / f"{lock}.txt"
        if not path.is_file():
            found.append(f"locks/{lock}.txt is missing (make lock)")
            continue
        missing_lists = [name for name in names if name != "dependencies" and name not in extras]
        if missing_lists:
            found.append(f"locks/{lock}.txt: pyproject.toml has no extra {missing_lists}")
            continue
        first, logical = entries(path.read_text(encoding="utf-8"))
        header = HEADER.match(first)
        groups = groups_of(pyproject, names)
        if not header:
            found.append(f"locks/{lock}.txt: the first line is not '# pyproject-sha256: <sha256> <lists>' (make lock)")
        elif header.group(2) != "+".join(names):
            found.append(f"locks/{lock}.txt was compiled from {header.group(2)}, not {'+'.join(names)}")
        elif header.group(1) != digest(groups):
            found.append(f"locks/{lock}.txt is out of date: pyproject.toml's {'+'.join(names)} changed since "
                         "it was compiled; run `make lock` and commit both")
        pins: Dict[str, str] = {}
        for line in logical:
            match = ENTRY.match(line)
            if not match:
                found.append(f"locks/{lock}.txt: not an exact pin with --hash=sha256: {line[:120]!r}")
                continue
            pins[canonicalize_name(match.group(1))] = match.group(2)
        if not pins:
            found.append(f"locks/{lock}.txt pins nothing")
            continue
        # Every requirement of its lists is in the lock, at a version the requirement allows.
        for _, reqs in groups:
            for text in reqs:
                req = Requirement(text)
                if req.marker and not req.marker.evaluate({"extra": ""}):
                    continue
                name = canonicalize_name(req.name)
                if name not in pins:
                    found.append(f"locks/{lock}.txt lacks {text}")
                elif req.specifier and not req.specifier.contains(pins[name], prereleases=True):
                    found.append(f"locks/{lock}.txt pins {name}=={pins[name]}, outside {text}")
        if lock.endswith("-runtime"):
            venv = lock[: -len("-runtime")]
            runtime = {canonicalize_name(Requirement(t).name) for _, reqs in groups for t in reqs}
            dev = {canonicalize_name(Requirement(t).name) for t in extras.get(f"{venv}-dev", [])}
            tools = sorted((DEV_TOOLS | (dev - runtime)) & set(pins))
            if tools:
                found.append(f"locks/{lock}.txt (an image) holds test or maintenance tools: {tools}")
            full = root / "locks" / f"{venv}.txt"
            if full.is_file():
                venv_pins = pins_of(root, venv)
                differ = sorted(f"{n}=={v} (locks/{venv}.txt: {venv_pins.get(n, 'absent')})"
                                for n, v in pins.items() if venv_pins.get(n) != v)
                if differ:
                    found.append(f"locks/{lock}.txt and locks/{venv}.txt disagree: {differ}")
    return found


def test_locks_match_pyproject_and_are_hashed():
    assert problems(ROOT) == []


def test_the_runtime_extras_hold_no_test_tool():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for runtime in ("bot", "api"):
        names = {canonicalize_name(Requirement(t).name) for t in extras[runtime]}
        assert not names & DEV_TOOLS, (runtime, sorted(names & DEV_TOOLS))
        assert "prometheus-client" in names, f"{runtime}: the servers expose /metrics"


# --- the checks fail where they should ----------------------------------------------------------------------

@pytest.fixture
def copy(tmp_path) -> Path:
    (tmp_path / "locks").mkdir()
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for lock in LOCKS:
        shutil.copy(ROOT / "locks" / f"{lock}.txt", tmp_path / "locks" / f"{lock}.txt")
    assert problems(tmp_path) == []
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_pyproject_edit_without_make_lock_fails(copy):
    _edit(copy / "pyproject.toml", '"pypinyin==0.55.0",', '"pypinyin==0.55.0",\n  "requests>=2",')
    found = problems(copy)
    assert [p for p in found if p.startswith("locks/bot.txt is out of date")], found
    assert [p for p in found if p.startswith("locks/bot-runtime.txt is out of date")], found
    assert not [p for p in found if p.startswith(("locks/api.txt", "locks/api-runtime.txt"))], found  # the API's lists did not change


def test_a_version_bound_the_lock_violates_fails(copy):
    version = pins_of(copy, "api")["fastapi"]
    _edit(copy / "pyproject.toml", '"fastapi>=0.115"', f'"fastapi>{version}"')
    # Even with a header recomputed by hand, the pin itself is checked against the bound.
    for lock in ("api", "api-runtime"):
        path = copy / "locks" / f"{lock}.txt"
        pyproject = tomllib.loads((copy / "pyproject.toml").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8").split("\n", 1)[1]
        path.write_text(f"# pyproject-sha256: {digest(groups_of(pyproject, LOCKS[lock]))} "
                        f"{'+'.join(LOCKS[lock])}\n{text}", encoding="utf-8")
    found = problems(copy)
    assert any(f"pins fastapi=={version}, outside fastapi>{version}" in p for p in found), found


def test_an_unhashed_or_unpinned_line_fails(copy):
    path = copy / "locks" / "api-runtime.txt"
    path.write_text(path.read_text(encoding="utf-8") + "requests>=2\nidna==3.21\n", encoding="utf-8")
    found = problems(copy)
    assert any("'requests>=2'" in p for p in found) and any("'idna==3.21'" in p for p in found), found


def test_a_test_tool_in_an_image_lock_fails(copy):
    full = (copy / "locks" / "bot.txt").read_text(encoding="utf-8")
    match = re.search(r"^pytest==\S+ \\\n(?:\s+--hash=\S+(?: \\)?\n)+", full, flags=re.M)
    assert match, "locks/bot.txt should lock pytest for the tests"
    path = copy / "locks" / "bot-runtime.txt"
    path.write_text(path.read_text(encoding="utf-8") + match.group(0), encoding="utf-8")
    found = problems(copy)
    assert any("holds test or maintenance tools: ['pytest']" in p for p in found), found


def test_a_runtime_lock_that_drifts_from_its_venv_fails(copy):
    path = copy / "locks" / "api-runtime.txt"
    version = pins_of(copy, "api-runtime")["fastapi"]
    _edit(path, f"fastapi=={version} ", "fastapi==0.115.0 ")
    found = problems(copy)
    assert any("locks/api-runtime.txt and locks/api.txt disagree" in p and "fastapi==0.115.0" in p
               for p in found), found
