"""Regenerates the lock files in this directory from pyproject.toml (`make lock`).

One lock per virtualenv and one per Docker image, for CPython 3.10 on Linux x86_64, every line pinned with ``==``
and the sha256 of every file pip may download for it (``pip install --require-hashes``):

    bot.txt          dependencies + bot + bot-dev      .venv (Rasa, the action server, their tests)
    bot-runtime.txt  dependencies + bot                the bot image
    api.txt          dependencies + api + api-dev      .venv-api (the API and its tests)
    api-runtime.txt  dependencies + api                the API image

A runtime lock is compiled afresh each time with its virtualenv's lock as constraints, so the image runs the
very versions the tests ran. In a virtualenv's lock pip-compile keeps the versions already locked unless told
otherwise (``-P NAME`` / ``--upgrade`` after ``--``, e.g. ``make lock LOCK_ARGS="-- -P httpx"``), so
regenerating after an unrelated edit changes nothing else. ``--seed VENV=FILE`` constrains a virtualenv's lock to the versions of a ``pip freeze``, to lock
what a working environment already runs.

The first line of each lock records what it was compiled from: the sha256 of the requirement lists (see
``inputs_digest``) and their names. tests/deploy/test_locks.py recomputes it from pyproject.toml, so a
pyproject edit without ``make lock`` fails the tests.

Run with a Python 3.10 that has pip-tools (the Makefile makes .venv-tools for this): pip-compile resolves for
the interpreter it runs on.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

try:
    import tomllib  # Python >= 3.11
except ModuleNotFoundError:
    import tomli as tomllib  # pip-tools' own dependency on 3.10

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ROOT / "locks"
WORK = ROOT / "var" / "locks"  # generated inputs (gitignored)

# lock name -> (extras, the lock whose versions constrain it)
TARGETS: Dict[str, Tuple[Tuple[str, ...], str]] = {
    "bot": (("bot", "bot-dev"), ""),
    "bot-runtime": (("bot",), "bot"),
    "api": (("api", "api-dev"), ""),
    "api-runtime": (("api",), "api"),
}
HEADER = "# pyproject-sha256:"


def requirement_groups(pyproject: dict, extras: Sequence[str]) -> List[Tuple[str, List[str]]]:
    project = pyproject["project"]
    groups = [("dependencies", list(project.get("dependencies", [])))]
    groups += [(extra, list(project["optional-dependencies"][extra])) for extra in extras]
    return groups


def inputs_digest(groups: List[Tuple[str, List[str]]]) -> str:
    """sha256 of the compact JSON ``[[name, [requirement, ...]], ...]`` (requirements exactly as written)."""
    text = json.dumps([[name, reqs] for name, reqs in groups], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def header_line(groups: List[Tuple[str, List[str]]]) -> str:
    return f"{HEADER} {inputs_digest(groups)} {'+'.join(name for name, _ in groups)}"


CONSTRAINT_NOTE = re.compile(r"(, )?-c var/locks/[\w.-]+")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pins(lock: Path) -> List[str]:
    """``name==version`` of every package in a lock (a constraints file without hashes)."""
    found = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            found.append(f"{match.group(1)}=={match.group(2)}")
    return found


def seed_constraints(freeze: Path) -> List[str]:
    """The pinned lines of a ``pip freeze`` (editable installs and comments dropped)."""
    return [line.strip() for line in freeze.read_text(encoding="utf-8").splitlines()
            if PIN.match(line.strip())]


def without_upgrade_options(args: List[str]) -> List[str]:
    kept, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg in ("-P", "--upgrade-package"):
            skip = True
        elif not (arg in ("-U", "--upgrade", "--no-upgrade") or arg.startswith(("--upgrade-package=", "-P"))):
            kept.append(arg)
    return kept


def compile_lock(name: str, pyproject: dict, seeds: Dict[str, Path], pip_compile: List[str],
                 extra_args: List[str]) -> None:
    extras, parent = TARGETS[name]
    groups = requirement_groups(pyproject, extras)
    WORK.mkdir(parents=True, exist_ok=True)
    source = WORK / f"{name}.in"
    lines = [f"# {group}" if not reqs else "\n".join([f"# {group}"] + reqs) for group, reqs in groups]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    constraints: List[str] = []
    if parent:
        constraints = pins(LOCKS / f"{parent}.txt")
    elif name in seeds:
        constraints = seed_constraints(seeds[name])
    args = []
    if parent:
        # Every version comes from the parent lock's constraints, so resolve afresh: a stale pin of this lock's
        # own can then never conflict with them, and the parent's upgrade options have already been applied.
        extra_args = without_upgrade_options(extra_args) + ["--upgrade"]
    if constraints:
        constraint_file = WORK / f"{name}.constraints.txt"
        constraint_file.write_text("\n".join(constraints) + "\n", encoding="utf-8")
        args += ["--constraint", os.path.relpath(constraint_file, ROOT)]
    output = LOCKS / f"{name}.txt"
    command = pip_compile + [
        "--quiet", "--generate-hashes", "--allow-unsafe", "--strip-extras", "--resolver=backtracking",
        "--no-emit-index-url", "--no-emit-find-links", "--no-emit-trusted-host", "--annotation-style=line",
        "--output-file", os.path.relpath(output, ROOT), *args, *extra_args, os.path.relpath(source, ROOT)]
    print(f"locks/{name}.txt <- {' + '.join(g for g, _ in groups)}", flush=True)
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "CUSTOM_COMPILE_COMMAND": "make lock"})
    body = []
    for line in output.read_text(encoding="utf-8").splitlines():
        if line.startswith(HEADER):
            continue
        # The constraint files are generated scratch inputs: name only the requirements that pull a package in.
        line = CONSTRAINT_NOTE.sub("", line).replace("# via , ", "# via ").rstrip().rstrip(",")
        line = line.replace(f"-r {os.path.relpath(source, ROOT)}", "pyproject.toml")
        if line.strip() != "# via":
            body.append(line)
    output.write_text("\n".join([header_line(groups)] + body) + "\n", encoding="utf-8")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", default=list(TARGETS), help="locks to regenerate (default: all)")
    parser.add_argument("--seed", action="append", default=[], metavar="VENV=FREEZE",
                        help="constrain bot or api to the versions of a pip freeze file")
    parser.add_argument("--pip-compile", default=str(Path(sys.executable).with_name("pip-compile")))
    argv = list(argv)
    extra_args: List[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra_args = argv[:at], argv[at + 1:]
    options = parser.parse_args(argv)
    if sys.version_info[:2] != (3, 10):
        parser.error("run with Python 3.10: pip-compile resolves for the interpreter it runs on")
    seeds = {}
    for seed in options.seed:
        venv, _, path = seed.partition("=")
        if venv not in ("bot", "api") or not path:
            parser.error(f"--seed takes bot=FILE or api=FILE, not {seed}")
        seeds[venv] = Path(path).resolve()
    unknown = [n for n in options.names if n not in TARGETS]
    if unknown:
        parser.error(f"unknown lock {unknown}; known: {list(TARGETS)}")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # A runtime lock follows its virtualenv's lock: regenerate that one first.
    for name in sorted(options.names, key=lambda n: (n.endswith("-runtime"), n)):
        compile_lock(name, pyproject, seeds, [options.pip_compile], extra_args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
