"""The images in deploy/docker, reproduced without a container builder.

Each Dockerfile is parsed (stages, ENV, WORKDIR, COPY/ADD, RUN, CMD/ENTRYPOINT) and replayed in a scratch
directory that stands for the image's file system: the COPY set is taken from a clean checkout's view of the
build context (tracked and untracked-but-not-ignored files, minus the Dockerfile's .dockerignore), so a build
output that only exists on a developer machine does not count. Python build steps (``python -m bot.tools.build``)
run there, then every entry point the image is started with (its CMD, and the commands Compose and Kubernetes
give it) is imported, with every module of the packages they live in.

No virtualenv is created: installing the image's requirements again would take minutes and the network. The
project virtualenv with the same requirements is reused instead (.venv-api for ``locks/api-runtime.txt``, .venv
for ``locks/bot-runtime.txt``: each runtime lock has its virtualenv's versions, tests/deploy/test_locks.py),
behind an import guard that makes it look like the image: PYTHONPATH is the scratch directory only, the
project's editable install is switched off, and a third-party module whose distribution is not in what the
image's pip installs pull in (their dependency closure) cannot be imported. A module missing from the
copy set or from the image's requirements therefore fails here as it would in the image.

When a real builder (docker or podman) and the base image are available, the images are also built for real.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Dict, Iterator, List, Optional, Sequence, Set, Tuple

import pytest
import yaml

try:
    import tomllib  # Python >= 3.11
except ModuleNotFoundError:  # Python 3.10: pip's own dependency, present in both virtualenvs
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
DOCKER = ROOT / "deploy" / "docker"
COMPOSE = ROOT / "deploy" / "compose" / "compose.yaml"
K8S = ROOT / "deploy" / "k8s"
IMAGES = sorted(path.name[: -len(".Dockerfile")] for path in DOCKER.glob("*.Dockerfile"))
# The virtualenvs an image's Python can be emulated with, tried in this order (or chosen by the extra).
VENVS = {"api": ROOT / ".venv-api", "bot": ROOT / ".venv"}
PROJECT_PACKAGES = ("api", "bot", "actions")
BASE_IMAGE = re.compile(r"^(docker\.io/)?(library/)?python:3\.10(\.\d+)?(-[a-z0-9.-]+)?$")
# What the official python image and a fresh ``python -m venv`` already hold.
BASE_PYTHON_DISTS = ("pip", "setuptools", "wheel")
FRESH_VENV_DISTS = ("pip", "setuptools")
PYTHON_ENV = {"PATH": "/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}
STEP_TIMEOUT = 900


# --- parsing ------------------------------------------------------------------------------------------------

@dataclass
class Instruction:
    keyword: str
    flags: Dict[str, str]
    rest: str
    line: int

    def words(self) -> List[str]:
        text = self.rest.strip()
        if text.startswith("["):
            return list(json.loads(text))
        return text.split()

    def argv(self) -> List[str]:
        """CMD/ENTRYPOINT/RUN: exec form as written, shell form through ``/bin/sh -c``."""
        text = self.rest.strip()
        if text.startswith("["):
            return list(json.loads(text))
        return ["/bin/sh", "-c", text]


KEYWORDS = {"FROM", "ARG", "ENV", "WORKDIR", "COPY", "ADD", "RUN", "CMD", "ENTRYPOINT", "USER", "EXPOSE",
            "LABEL", "VOLUME", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}


def parse_dockerfile(text: str) -> List[Instruction]:
    """Instructions with their flags; comment lines go, also inside a continued instruction (as Docker does)."""
    instructions: List[Instruction] = []
    pending: List[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith("#") or (not pending and not raw.strip()):
            continue
        if not pending:
            start = number
        if raw.rstrip().endswith("\\"):
            pending.append(raw.rstrip()[:-1])
            continue
        pending.append(raw)
        line = " ".join(part.strip() for part in pending)
        pending = []
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        assert keyword in KEYWORDS, f"line {start}: the test does not know the instruction {keyword}"
        flags: Dict[str, str] = {}
        rest = rest.strip()
        while keyword in ("COPY", "ADD", "RUN") and rest.startswith("--"):
            flag, _, rest = rest.partition(" ")
            name, _, value = flag[2:].partition("=")
            flags[name] = value
            rest = rest.strip()
        instructions.append(Instruction(keyword, flags, rest, start))
    assert not pending, "the Dockerfile ends inside a continued line"
    return instructions


def expand(text: str, env: Dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: env.get(m.group(1) or m.group(2), ""), text)


def parse_env(rest: str, env: Dict[str, str]) -> Dict[str, str]:
    tokens = shlex.split(rest)
    if tokens and "=" not in tokens[0]:  # legacy form: ENV KEY value with spaces
        return {tokens[0]: expand(" ".join(tokens[1:]), env)}
    values: Dict[str, str] = {}
    for token in tokens:
        key, _, value = token.partition("=")
        values[key] = expand(value, {**env, **values})
    return values


# --- the build context --------------------------------------------------------------------------------------

def dockerignore_patterns(dockerfile: Path) -> List[str]:
    ignore = dockerfile.with_name(dockerfile.name + ".dockerignore")
    if not ignore.exists():
        ignore = ROOT / ".dockerignore"
    if not ignore.exists():
        return []
    lines = (line.strip() for line in ignore.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _pattern_regex(pattern: str) -> re.Pattern:
    pattern = pattern.strip("/")
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            out += "[^/]"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + "$")


def ignored(relative: str, patterns: Sequence[str]) -> bool:
    """Docker's rule: a path is excluded when it or one of its parent directories matches; ``!`` re-includes."""
    parts = relative.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    excluded = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        regex = _pattern_regex(pattern[1:] if negate else pattern)
        if any(regex.match(prefix) for prefix in prefixes):
            excluded = not negate
    return excluded


def context_files(dockerfile: Path) -> List[str]:
    """The build context as a clean checkout has it (ignored build outputs left out), minus .dockerignore.
    Outside a git checkout every file counts (only .dockerignore then keeps build outputs out)."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                                capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    except (OSError, subprocess.CalledProcessError):
        listed = [path.relative_to(ROOT).as_posix() for path in ROOT.rglob("*")
                  if ".git" not in path.relative_to(ROOT).parts[:1]]
    patterns = dockerignore_patterns(dockerfile)
    return sorted(p for p in set(listed) if p and (ROOT / p).is_file() and not ignored(p, patterns))


# --- replaying an image -------------------------------------------------------------------------------------

@dataclass
class Stage:
    name: str
    root: Path  # stands for the stage's "/"
    env: Dict[str, str]
    workdir: str = "/"
    venv_path: Optional[str] = None  # where `python -m venv` put a virtualenv in this stage
    requirements: List[str] = field(default_factory=list)
    base_dists: List[str] = field(default_factory=list)
    extras: Set[str] = field(default_factory=set)
    entrypoint: List[str] = field(default_factory=list)
    cmd: List[str] = field(default_factory=list)
    venv: Optional[Path] = None  # the project virtualenv that stands for this stage's Python

    def host(self, path: str) -> Path:
        absolute = PurePosixPath(self.workdir) / path
        return self.root.joinpath(*absolute.parts[1:])


@dataclass
class Step:
    stage: str
    command: str
    returncode: int
    output: str


@dataclass
class Image:
    name: str
    stages: List[Stage]
    steps: List[Step]
    context: List[str]

    @property
    def final(self) -> Stage:
        return self.stages[-1]

    def failed(self) -> Optional[Step]:
        return next((step for step in self.steps if step.returncode != 0), None)


RUNNER = textwrap.dedent('''
    """Runs one Python step of an image: only the image's files and the image's distributions are importable."""
    import importlib, importlib.abc, importlib.machinery, importlib.metadata as md, json, os, runpy, sys, sysconfig
    import traceback

    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    APP_ROOT = os.path.realpath(spec["root"])
    PROJECT = os.path.realpath(spec["project"])

    def canonical(name):
        return name.lower().replace("_", "-").replace(".", "-")

    def closure(requirements, base):
        """The distributions pip would install for these requirements, as found in this virtualenv."""
        try:
            from packaging.requirements import Requirement
        except ImportError:
            from pip._vendor.packaging.requirements import Requirement
        allowed, problems, seen = set(map(canonical, base)), [], set()
        todo = [(text, None) for text in requirements]
        while todo:
            text, extra = todo.pop()
            req = Requirement(text)
            if req.marker and not req.marker.evaluate({"extra": extra or ""}):
                continue
            key = (canonical(req.name), frozenset(req.extras))
            if key in seen:
                continue
            seen.add(key)
            try:
                dist = md.distribution(req.name)
            except md.PackageNotFoundError:
                problems.append(f"{text}: not installed in the virtualenv standing for the image")
                continue
            if req.specifier and not req.specifier.contains(dist.version, prereleases=True):
                problems.append(f"{text}: the virtualenv has {dist.version}")
            allowed.add(canonical(req.name))
            for sub in dist.requires or []:
                for wanted in sorted(req.extras) or [None]:
                    todo.append((sub, wanted))
        return allowed, problems

    allowed, problems = closure(spec["requirements"], spec["base_dists"])
    if spec["mode"] == "check":
        print(json.dumps(problems))
        sys.exit(0)
    if problems:
        sys.exit("the image's requirements do not match the virtualenv standing for it:\\n" + "\\n".join(problems))

    # The project is installed in editable mode in its virtualenvs: switch that off, the copy set must suffice.
    def editable(hook):
        return str(getattr(hook, "__module__", "")).startswith("__editable__")

    sys.meta_path[:] = [f for f in sys.meta_path if not editable(f)]
    sys.path_hooks[:] = [h for h in sys.path_hooks if not editable(h)]
    def inside(path, directory):
        path = os.path.realpath(path)
        return path == directory or path.startswith(directory + os.sep)

    VENV = os.path.realpath(sys.prefix)
    STDLIB = os.path.realpath(sysconfig.get_path("stdlib"))
    sys.path[:] = [p for p in sys.path if p and not p.startswith("__editable__")
                   and (inside(p, VENV) or not inside(p, PROJECT))]
    sys.path.insert(0, os.getcwd())  # what `python -m` and uvicorn's --app-dir put first
    sys.path_importer_cache.clear()
    for name in [m for m in sys.modules if m.split(".")[0] in spec["project_packages"]]:
        del sys.modules[name]
    def owners_of_modules():
        """Top-level module -> distributions, from top_level.txt and RECORD (3.10's packages_distributions
        reads only top_level.txt, which wheels built by newer backends lack)."""
        owners = {}
        for dist in md.distributions():
            name = canonical(dist.metadata["Name"] or "")
            tops = set((dist.read_text("top_level.txt") or "").split())
            for file in dist.files or []:
                parts = file.parts
                if not parts or parts[0] in ("..", "__pycache__") or parts[0].endswith((".dist-info", ".egg-info")):
                    continue
                if len(parts) > 1:
                    tops.add(parts[0])
                elif parts[0].endswith((".py", ".so", ".pyd")):
                    tops.add(parts[0].split(".")[0])
            for top in tops:
                owners.setdefault(top, set()).add(name)
        return owners

    owners = owners_of_modules()

    class ImageOnly(importlib.abc.MetaPathFinder):
        """Refuses a third-party top-level module the image does not install."""
        def find_spec(self, name, path=None, target=None):
            if path is not None or name in sys.builtin_module_names or name in sys.stdlib_module_names:
                return None
            found = importlib.machinery.PathFinder.find_spec(name, sys.path)
            if found is None:
                return None
            places = list(found.submodule_search_locations or []) + [found.origin or ""]
            if any(inside(p, APP_ROOT) for p in places if p):
                return None
            if all(inside(p, STDLIB) and not inside(p, VENV) for p in places if p):
                return None  # the interpreter's own (e.g. _sysconfigdata_*, which stdlib_module_names omits)
            dists = {canonical(d) for d in owners.get(name, [])}
            if dists & allowed:
                return None
            raise ModuleNotFoundError(
                f"No module named {name!r} in the image (its distributions {sorted(dists)} are not installed)",
                name=name)

    sys.meta_path.insert(0, ImageOnly())

    def check_origin():
        for name, module in list(sys.modules.items()):
            origin = getattr(module, "__file__", None)
            if name.split(".")[0] in spec["project_packages"] and origin:
                assert inside(origin, APP_ROOT), f"{name} came from {origin}, not from the image's files"

    if spec["mode"] == "module":
        sys.argv = [spec["module"], *spec["args"]]
        try:
            runpy.run_module(spec["module"], run_name="__main__", alter_sys=True)
        except SystemExit as stop:
            if stop.code not in (None, 0):
                raise
        check_origin()
    else:
        failures = []
        for module, attribute in spec["targets"]:
            try:
                loaded = importlib.import_module(module)
                if attribute and attribute.endswith("()"):  # an app factory: the server calls it at start
                    assert getattr(loaded, attribute[:-2])() is not None, f"{module}:{attribute} returned None"
                elif attribute:
                    assert getattr(loaded, attribute) is not None, f"{module}:{attribute} is None"
            except BaseException:
                failures.append(f"--- {module}{':' + attribute if attribute else ''}\\n{traceback.format_exc()}")
        check_origin()
        if failures:
            sys.exit("\\n".join(failures))
        print("imported", len(spec["targets"]), "entry points and modules")
''')


def run_python(stage: Stage, scratch: Path, spec: Dict[str, object], timeout: int = STEP_TIMEOUT
               ) -> subprocess.CompletedProcess:
    """Runs RUNNER with the stage's Python (its standing virtualenv), environment and working directory."""
    assert stage.venv is not None
    spec = {"root": str(stage.root), "project": str(ROOT), "requirements": stage.requirements,
            "base_dists": stage.base_dists, "project_packages": list(PROJECT_PACKAGES), **spec}
    runner_dir = scratch / "runner"
    runner_dir.mkdir(exist_ok=True)
    (runner_dir / "runner.py").write_text(RUNNER, encoding="utf-8")
    spec_path = runner_dir / f"spec-{len(list(runner_dir.iterdir()))}.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    env = {key: str(container_to_host(stage, value)) for key, value in stage.env.items() if key != "PATH"}
    env["PATH"] = f"{stage.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    cwd = stage.host(stage.workdir)
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.run([str(stage.venv / "bin" / "python"), str(runner_dir / "runner.py"), str(spec_path)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def container_to_host(stage: Stage, value: str) -> str:
    """An ENV value naming container paths (``/app``, ``/app:/x``) pointed at the scratch file system."""
    parts = value.split(":")
    if all(part.startswith("/") for part in parts if part) and any(parts):
        return ":".join(str(stage.host(part)) if part else part for part in parts)
    return value


def choose_venv(stage: Stage, scratch: Path) -> Path:
    """The project virtualenv with the stage's requirements; the extra the stage installs says which first."""
    order = [VENVS[extra] for extra in sorted(stage.extras) if extra in VENVS]
    order += [venv for venv in VENVS.values() if venv not in order]
    reasons = []
    for venv in order:
        stage.venv = venv
        result = run_python(stage, scratch, {"mode": "check"}, timeout=120)
        problems = json.loads(result.stdout.strip().splitlines()[-1]) if result.returncode == 0 else [result.stderr]
        if not problems:
            return venv
        reasons.append(f"{venv.name}: {problems}")
    pytest.fail(f"stage {stage.name}: no project virtualenv has the image's requirements {stage.requirements}: "
                f"{reasons}")


def pip_requirements(stage: Stage, words: List[str]) -> None:
    """What ``pip install ARGS`` adds to the stage: requirement strings, the project's own with its extras."""
    skip_value = {"-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url"}
    args = iter(words)
    for word in args:
        if word in skip_value:
            value = next(args)
            assert word in ("-r", "--requirement"), f"pip option {word} is not emulated"
            stage.requirements += requirement_file_lines(stage.host(value).read_text(encoding="utf-8"))
            lock = re.fullmatch(r"(?:\./)?locks/([\w-]+?)(?:-runtime)?\.txt", value)
            if lock:  # locks/<venv>-runtime.txt: the versions of that virtualenv's lock
                stage.extras.add(lock.group(1))
            continue
        if word.startswith("-"):
            continue
        match = re.fullmatch(r"(\.|\./)(?:\[([\w,-]+)\])?", word)
        if match:
            pyproject = tomllib.loads(stage.host("pyproject.toml").read_text(encoding="utf-8"))["project"]
            stage.requirements += pyproject.get("dependencies", [])
            for extra in (match.group(2) or "").split(","):
                if extra:
                    stage.extras.add(extra)
                    stage.requirements += pyproject["optional-dependencies"][extra]
            continue
        stage.requirements.append(word)


def requirement_file_lines(text: str) -> List[str]:
    """The requirements of a requirements file such as a lock: continuations joined, comments and per-line
    options (``--hash=...``) dropped; any other option is refused, as the emulation would not honour it."""
    joined = re.sub(r"\\\n", " ", text)
    requirements = []
    for line in joined.splitlines():
        words = [w for w in line.split() if not w.startswith("--hash=")]
        line = " ".join(words)
        line = line[: line.index(" #")] if " #" in line else ("" if line.startswith("#") else line)
        if not line:
            continue
        assert not line.startswith("-"), f"requirements file option {line!r} is not emulated"
        requirements.append(line)
    return requirements


def split_commands(script: str) -> List[List[str]]:
    commands: List[List[str]] = [[]]
    for token in shlex.split(script, posix=True):
        if token == "&&":
            commands.append([])
        else:
            assert token not in ("||", ";", "|"), f"RUN uses {token!r}, which the test does not emulate: {script}"
            commands[-1].append(token)
    return [command for command in commands if command]


# Steps that set up the operating system, not the Python application: nothing to reproduce in the scratch tree.
SYSTEM_PROGRAMS = {"apt-get", "useradd", "groupadd", "chown", "chmod"}


def run_step(stage: Stage, command: List[str], scratch: Path, steps: List[Step], image: str) -> bool:
    program, args = command[0], command[1:]
    shown = " ".join(command)
    if program in ("python", "python3") and args[:2] == ["-m", "venv"]:
        stage.venv_path = args[2]
        stage.base_dists = list(FRESH_VENV_DISTS)
        stage.requirements = []
        return True
    if program in ("python", "python3") and args[:2] == ["-m", "pip"]:
        program, args = "pip", args[2:]
    if program == "pip":
        if args and args[0] == "install":
            pip_requirements(stage, args[1:])
        else:
            assert args and args[0] == "uninstall", f"{image}: pip {args} is not emulated"
            # Only the project's own distribution is ever uninstalled (the stub tree used to resolve extras).
            assert all(a.startswith("-") or a == "gaozhi-chengnuo" for a in args[1:]), shown
        return True
    if program in ("python", "python3") and args[:1] == ["-m"]:
        if stage.venv is None:
            stage.venv = choose_venv(stage, scratch)
        if stage.venv_path:
            link = stage.host(stage.venv_path)
            link.parent.mkdir(parents=True, exist_ok=True)
            if not link.is_symlink():
                link.symlink_to(stage.venv, target_is_directory=True)
        result = run_python(stage, scratch, {"mode": "module", "module": args[1], "args": args[2:]})
        steps.append(Step(stage.name, shown, result.returncode, result.stdout + result.stderr))
        return result.returncode == 0
    if program == "mkdir":
        for path in (a for a in args if not a.startswith("-")):
            stage.host(path).mkdir(parents=True, exist_ok=True)
        return True
    if program == "touch":
        for path in args:
            stage.host(path).touch()
        return True
    if program == "ln":
        assert args[0] == "-s" and len(args) == 3, shown
        target, link = args[1], stage.host(args[2])
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(stage.host(target) if target.startswith("/") else target)
        return True
    if program == "rm":
        assert all(a.startswith(("-", "/var/lib/apt/", "/tmp/")) for a in args), f"{image}: {shown} is not emulated"
        return True
    assert program in SYSTEM_PROGRAMS, f"{image}: the test does not know how to reproduce RUN {shown}"
    return True


def copy_into(stage: Stage, instruction: Instruction, sources: Dict[str, Path], image: str) -> None:
    """COPY/ADD: ``sources`` maps the visible relative paths (context or other stage) to host files."""
    words = instruction.words()
    destination, wanted = words[-1], words[:-1]
    assert wanted, f"{image} line {instruction.line}: COPY without a source"
    matched: List[Tuple[str, str, bool]] = []  # (source pattern, relative path, the pattern names the file)
    for pattern in wanted:
        pattern = pattern[2:] if pattern.startswith("./") else pattern
        pattern = "" if pattern.strip("/") in ("", ".") else pattern.strip("/")
        regex = _pattern_regex(pattern) if pattern else None
        for rel in sources:
            if regex is not None and regex.match(rel):
                matched.append((pattern, rel, True))
            elif regex is None or rel.startswith(pattern + "/"):
                matched.append((pattern, rel, False))
        assert any(m[0] == pattern for m in matched), (
            f"{image} line {instruction.line}: COPY {pattern} matches nothing in the build context")
    many = len(wanted) > 1 or any(ch in "".join(wanted) for ch in "*?")
    for pattern, rel, names_file in matched:
        if names_file:  # a file: into the directory, or as the named file
            into_dir = destination.endswith("/") or many
            target = stage.host(destination) / PurePosixPath(rel).name if into_dir else stage.host(destination)
        else:  # a directory's contents go into the destination
            inside = rel[len(pattern) + 1:] if pattern else rel
            target = stage.host(destination) / inside
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(sources[rel], target)


def stage_files(stage: Stage, path: str) -> Dict[str, Path]:
    """The files of a stage under a container path, keyed by their path from that stage's "/"."""
    base = stage.host(path)
    if base.is_file():
        return {base.relative_to(stage.root).as_posix(): base}
    files: Dict[str, Path] = {}
    for directory, _, names in os.walk(base):
        for name in names:
            file = Path(directory) / name
            files[file.relative_to(stage.root).as_posix()] = file
    return files


def replay(name: str, scratch: Path, dockerfile: Optional[Path] = None) -> Image:
    dockerfile = dockerfile or DOCKER / f"{name}.Dockerfile"
    context = context_files(dockerfile)
    context_map = {rel: ROOT / rel for rel in context}
    stages: List[Stage] = []
    steps: List[Step] = []
    for instruction in parse_dockerfile(dockerfile.read_text(encoding="utf-8")):
        keyword = instruction.keyword
        if keyword == "FROM":
            words = instruction.words()
            base, stage_name = words[0], (words[2] if len(words) == 3 and words[1].upper() == "AS" else "")
            previous = {s.name: s for s in stages}
            root = scratch / f"stage{len(stages)}-{stage_name or 'final'}"
            if base in previous:
                parent = previous[base]
                shutil.copytree(parent.root, root, symlinks=True)
                stages.append(Stage(stage_name, root, dict(parent.env), parent.workdir, parent.venv_path,
                                    list(parent.requirements), list(parent.base_dists), set(parent.extras)))
            else:
                assert BASE_IMAGE.match(base), f"{name}: base image {base} is not Python 3.10, the venvs' Python"
                root.mkdir(parents=True)
                stages.append(Stage(stage_name, root, dict(PYTHON_ENV), base_dists=list(BASE_PYTHON_DISTS)))
            continue
        stage = stages[-1]
        if keyword in ("ENV", "ARG"):
            if keyword == "ARG" and "=" not in instruction.rest:
                continue
            stage.env.update(parse_env(instruction.rest, stage.env))
        elif keyword == "WORKDIR":
            stage.workdir = str(PurePosixPath(stage.workdir) / expand(instruction.rest.strip(), stage.env))
            stage.host(stage.workdir).mkdir(parents=True, exist_ok=True)
        elif keyword in ("COPY", "ADD"):
            source_stage = instruction.flags.get("from")
            if source_stage is None:
                assert keyword == "COPY" or not re.search(r"https?://|\.tar", instruction.rest), instruction.rest
                copy_into(stage, instruction, context_map, name)
                continue
            origin = {s.name: s for s in stages}[source_stage]
            source, destination = instruction.words()
            if origin.venv_path and source.rstrip("/") == origin.venv_path:
                # The virtualenv moves as a whole: the new stage's Python is the one installed there.
                stage.venv_path, stage.venv = destination.rstrip("/"), None
                stage.requirements, stage.base_dists = list(origin.requirements), list(origin.base_dists)
                stage.extras = set(origin.extras)
                continue
            files = stage_files(origin, source)
            assert files, f"{name} line {instruction.line}: {source} is not in stage {source_stage}"
            absolute = str(PurePosixPath(origin.workdir) / source).lstrip("/")
            copy_into(stage, Instruction("COPY", {}, f"{absolute} {destination}", instruction.line), files, name)
        elif keyword == "RUN":
            for command in split_commands(expand(instruction.rest, stage.env)):
                if not run_step(stage, command, scratch, steps, name):
                    return Image(name, stages, steps, context)
        elif keyword == "ENTRYPOINT":
            stage.entrypoint, stage.cmd = instruction.argv(), []  # a new ENTRYPOINT drops the inherited CMD
        elif keyword == "CMD":
            stage.cmd = instruction.argv()
    final = stages[-1]
    if final.venv is None:
        final.venv = choose_venv(final, scratch)
    if final.venv_path and not final.host(final.venv_path).is_symlink():
        final.host(final.venv_path).parent.mkdir(parents=True, exist_ok=True)
        final.host(final.venv_path).symlink_to(final.venv, target_is_directory=True)
    return Image(name, stages, steps, context)


# --- what an image is started with --------------------------------------------------------------------------

def entry_points(argv: Sequence[str]) -> List[Tuple[str, Optional[str]]]:
    """The Python modules (and app factories) a container command starts."""
    argv = list(argv)
    if not argv:
        return []
    program = PurePosixPath(argv[0]).name
    if program in ("sh", "bash") and len(argv) >= 3 and argv[1] == "-c":
        return [entry for command in split_commands(argv[2]) for entry in entry_points(command)]
    if program in ("python", "python3"):
        assert argv[1] == "-m", f"a command runs Python without -m, not emulated: {argv}"
        return [(argv[2], None)]
    if program in ("uvicorn", "gunicorn"):
        target = next(a for a in argv[1:] if not a.startswith("-") and ":" in a)
        module, _, attribute = target.partition(":")
        return [(program, None), (module, attribute + ("()" if "--factory" in argv else ""))]
    raise AssertionError(f"the test does not know what the command {argv} imports")


def image_of(reference: str) -> Optional[str]:
    match = re.fullmatch(r"gaozhi/([\w-]+)(:[\w.-]+)?", reference or "")
    return match.group(1) if match else None


def deployment_commands() -> Iterator[Tuple[str, str, List[str]]]:
    """(image, where, argv) for every Compose service and Kubernetes container that overrides the command."""
    services = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]
    for service, spec in services.items():
        image = image_of(spec.get("image", ""))
        if image:
            command = spec.get("entrypoint") or spec.get("command")
            if command:
                yield image, f"compose {service}", command if isinstance(command, list) else ["/bin/sh", "-c", command]
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if not doc or doc.get("kind") not in ("Deployment", "Job", "StatefulSet", "CronJob", "DaemonSet"):
                continue
            template = doc["spec"].get("jobTemplate", {}).get("spec", doc["spec"])["template"]["spec"]
            for container in template.get("initContainers", []) + template["containers"]:
                image = image_of(container.get("image", ""))
                command = (container.get("command") or []) + (container.get("args") or [])
                if image and command:
                    yield image, f"k8s {path.name}/{container['name']}", command


def image_entry_points(image: Image) -> List[Tuple[str, Optional[str]]]:
    entries = list(entry_points(image.final.entrypoint + image.final.cmd))
    for name, _, command in deployment_commands():
        if name == image.name:
            entries += entry_points(command)
    return sorted(set(entries), key=lambda e: (e[0], e[1] or ""))


def package_modules(root: Path, package: str) -> List[str]:
    """Every module of a package in the image (what an action server or an app loads lazily)."""
    base = root / package
    modules = []
    for path in sorted(base.rglob("*.py")):
        relative = path.relative_to(root).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if all((root.joinpath(*parts[:n]) / "__init__.py").exists() for n in range(1, len(parts))):
            modules.append(".".join(parts))
    return modules


# --- fixtures -----------------------------------------------------------------------------------------------

def _venvs_ready() -> Optional[str]:
    for venv in VENVS.values():
        if not (venv / "bin" / "python").exists():
            return f"{venv.name} is not installed (make setup)"
    return None


_REPLAYED: Dict[str, Image] = {}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("images")


@pytest.fixture(scope="module")
def replayed(scratch):
    missing = _venvs_ready()
    if missing:
        pytest.skip(missing)

    def get(name: str) -> Image:
        if name not in _REPLAYED:
            _REPLAYED[name] = replay(name, scratch / name)
        return _REPLAYED[name]

    yield get
    _REPLAYED.clear()


# --- the parser and the context, checked on their own -------------------------------------------------------

def test_parser_reads_stages_flags_and_continued_lines():
    text = textwrap.dedent("""\
        # syntax=docker/dockerfile:1
        FROM python:3.10-slim AS build
        ENV A=1 PATH=/opt/venv/bin:$PATH
        RUN mkdir -p x \\
        # a comment inside a continued RUN is dropped
         && touch x/y
        COPY --from=build --chown=1:1 /opt/venv /opt/venv
        CMD ["uvicorn", "api.main:create_app", "--factory"]
        """)
    instructions = parse_dockerfile(text)
    assert [i.keyword for i in instructions] == ["FROM", "ENV", "RUN", "COPY", "CMD"]
    assert split_commands(instructions[2].rest) == [["mkdir", "-p", "x"], ["touch", "x/y"]]
    assert instructions[3].flags == {"from": "build", "chown": "1:1"}
    assert parse_env(instructions[1].rest, {"PATH": "/bin"}) == {"A": "1", "PATH": "/opt/venv/bin:/bin"}
    assert entry_points(instructions[4].argv()) == [("uvicorn", None), ("api.main", "create_app()")]
    assert entry_points(["sh", "-c", "python -m api.cli migrate && python -m api.cli load-catalogue"]) == [
        ("api.cli", None), ("api.cli", None)]


def test_dockerignore_rules():
    patterns = ["tests", "**/__pycache__", "*.egg-info", "web/*.map", "!web/keep.map"]
    assert ignored("tests/api/test_x.py", patterns)
    assert ignored("bot/core/__pycache__/x.pyc", patterns)
    assert ignored("gaozhi.egg-info/PKG-INFO", patterns)
    assert not ignored("api/tests.py", patterns) and not ignored("src/x.egg-info/a", patterns)
    assert ignored("web/a.map", patterns) and not ignored("web/keep.map", patterns)


@pytest.mark.parametrize("image", IMAGES)
def test_build_context_is_a_clean_checkout(image):
    """Generated files (bot/generated, the lookup table) are not in the context: the build must make them."""
    files = context_files(DOCKER / f"{image}.Dockerfile")
    assert "bot/tools/build.py" in files and "data/catalogue/items" in {str(PurePosixPath(f).parent) for f in files}
    assert not [f for f in files if f.startswith(("bot/generated/", "tests/", ".venv")) or "__pycache__" in f]
    assert "data/nlu/generated_items.yml" not in files


def test_pip_pins_in_dockerfiles_match_pyproject():
    """A package a Dockerfile installs by name must be pinned as the project pins it (one version everywhere)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned: Dict[str, str] = {}
    for requirement in pyproject["dependencies"] + sum(pyproject["optional-dependencies"].values(), []):
        name = re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        pinned.setdefault(name, requirement.split(";")[0].strip())
    for image in IMAGES:
        for instruction in parse_dockerfile((DOCKER / f"{image}.Dockerfile").read_text(encoding="utf-8")):
            if instruction.keyword != "RUN":
                continue
            for command in split_commands(instruction.rest):
                if command[:2] != ["pip", "install"] and command[:4] != ["python", "-m", "pip", "install"]:
                    continue
                for word in command[command.index("install") + 1:]:
                    if word.startswith("-") or word.startswith("."):
                        continue
                    name = re.split(r"[\[<>=!~; ]", word, maxsplit=1)[0].lower().replace("_", "-")
                    if name in pinned and name not in BASE_PYTHON_DISTS:
                        assert word.replace(" ", "") == pinned[name].replace(" ", ""), (image, word, pinned[name])


def pip_installs(image: str) -> List[List[str]]:
    """The arguments of every ``pip install`` the Dockerfile runs."""
    installs = []
    for instruction in parse_dockerfile((DOCKER / f"{image}.Dockerfile").read_text(encoding="utf-8")):
        if instruction.keyword != "RUN":
            continue
        for command in split_commands(instruction.rest):
            if command[:2] == ["pip", "install"]:
                installs.append(command[2:])
            elif command[:4] == ["python", "-m", "pip", "install"]:
                installs.append(command[4:])
    return installs


@pytest.mark.parametrize("image", IMAGES)
def test_images_install_only_their_runtime_lock_with_hashes(image):
    """The image's Python packages are its runtime lock (tests/deploy/test_locks.py: no test tool, the versions
    the tests ran), every downloaded file checked against its sha256; nothing resolved afresh by name."""
    installs = pip_installs(image)
    assert installs == [["--require-hashes", "-r", f"locks/{image}-runtime.txt"]], installs
    assert (ROOT / "locks" / f"{image}-runtime.txt").is_file()


def test_requirement_files_are_read_as_pip_reads_them():
    text = textwrap.dedent("""\
        # pyproject-sha256: 00 dependencies+api
        anyio==4.16.0 \\
            --hash=sha256:aa \\
            --hash=sha256:bb
            # via httpx, starlette
        idna==3.21 --hash=sha256:cc  # trailing note
        """)
    assert requirement_file_lines(text) == ["anyio==4.16.0", "idna==3.21"]
    with pytest.raises(AssertionError, match="not emulated"):
        requirement_file_lines("--index-url https://example.invalid/simple\nidna==3.21\n")


# --- the images, replayed -----------------------------------------------------------------------------------

@pytest.mark.parametrize("image", IMAGES)
def test_build_steps_run_from_the_copy_set(replayed, image):
    built = replayed(image)
    python_steps = [step.command for step in built.steps]
    assert python_steps, f"{image}: no Python build step ran"
    failed = built.failed()
    assert failed is None, (
        f"{image}: RUN {failed.command} (stage {failed.stage or 'final'}) fails with only the image's files and "
        f"distributions:\n{failed.output[-4000:]}")


@pytest.mark.parametrize("image", IMAGES)
def test_entry_points_import_in_the_image(replayed, image, scratch):
    built = replayed(image)
    if built.failed():
        pytest.fail(f"{image}: the build fails (test_build_steps_run_from_the_copy_set shows why)")
    entries = image_entry_points(built)
    assert entries, f"{image}: no entry point found"
    packages = sorted({module.split(".")[0] for module, _ in entries if module.split(".")[0] in PROJECT_PACKAGES})
    root = built.final.host(built.final.workdir)
    modules = [(m, None) for package in packages for m in package_modules(root, package)]
    targets = entries + [m for m in modules if m not in entries]
    result = run_python(built.final, scratch / image, {"mode": "import", "targets": targets})
    assert result.returncode == 0, f"{image}: entry points or modules fail to import:\n{result.stderr[-6000:]}"


@pytest.mark.parametrize("image", IMAGES)
def test_the_guard_refuses_what_the_image_lacks(replayed, image, scratch):
    """The emulation can fail: a project module outside the copy set, and a distribution the standing
    virtualenv has but the image would not install, do not import."""
    built = replayed(image)
    if built.failed():
        pytest.fail(f"{image}: the build fails (test_build_steps_run_from_the_copy_set shows why)")
    outside = "tests.eval_discovery"  # .dockerignore keeps tests/ out of every image
    result = run_python(built.final, scratch / image, {"mode": "import", "targets": [[outside, None]]})
    assert result.returncode != 0 and "No module named 'tests'" in result.stderr, result.stderr[-2000:]
    lean = Stage("lean", built.final.root, dict(built.final.env), built.final.workdir,
                 requirements=["pyyaml>=6"], base_dists=list(FRESH_VENV_DISTS), venv=built.final.venv)
    result = run_python(lean, scratch / image, {"mode": "import", "targets": [["bot.core.catalogue", None]]})
    assert result.returncode == 0, result.stderr[-2000:]
    result = run_python(lean, scratch / image, {"mode": "import", "targets": [["httpx", None]]})
    assert result.returncode != 0 and "No module named 'httpx' in the image" in result.stderr, result.stderr[-2000:]


def test_a_package_missing_from_the_copy_set_fails_the_build(tmp_path):
    """The API image without bot/: its build step cannot import bot.tools.build, and the replay says so."""
    if _venvs_ready():
        pytest.skip(_venvs_ready())
    original = DOCKER / "api.Dockerfile"
    broken = tmp_path / "api.Dockerfile"
    text = original.read_text(encoding="utf-8")
    assert "\nCOPY bot bot\n" in text
    broken.write_text(text.replace("\nCOPY bot bot\n", "\n"), encoding="utf-8")
    shutil.copy(original.with_name(original.name + ".dockerignore"), tmp_path / (broken.name + ".dockerignore"))
    failed = replay("api", tmp_path / "scratch", broken).failed()
    assert failed is not None and failed.command == "python -m bot.tools.build"
    assert "No module named 'bot'" in failed.output, failed.output[-2000:]


def test_both_images_generate_the_same_language_artefacts(replayed):
    """The API's fingerprint of the jieba dictionary and lookup table must be that of the model's inputs."""
    digests = {}
    for image in ("api", "bot"):
        built = replayed(image)
        if built.failed():
            pytest.fail(f"{image}: the build fails (test_build_steps_run_from_the_copy_set shows why)")
        root = built.final.host(built.final.workdir)
        files = [root / "bot/generated/jieba/userdict.txt", root / "data/nlu/generated_items.yml"]
        assert all(f.is_file() for f in files), f"{image}: {files}"
        digests[image] = [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    assert digests["api"] == digests["bot"]


# --- a real builder, when there is one ----------------------------------------------------------------------

def _builder() -> Tuple[Optional[str], str]:
    """(builder, why not): docker or podman that answers, with the base images present or pullable."""
    reasons = []
    for program in ("docker", "podman"):
        if not shutil.which(program):
            reasons.append(f"no {program}")
            continue
        try:
            info = subprocess.run([program, "info"], capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            reasons.append(f"{program} info timed out")
            continue
        if info.returncode != 0:
            reasons.append(f"{program} has no daemon/runtime ({info.stderr.strip().splitlines()[-1:]})")
            continue
        bases = {i.words()[0] for name in IMAGES for i in parse_dockerfile(
            (DOCKER / f"{name}.Dockerfile").read_text(encoding="utf-8")) if i.keyword == "FROM"} - {
            i.words()[2] for name in IMAGES for i in parse_dockerfile(
                (DOCKER / f"{name}.Dockerfile").read_text(encoding="utf-8"))
            if i.keyword == "FROM" and len(i.words()) == 3}
        for base in sorted(bases):
            present = subprocess.run([program, "image", "inspect", base], capture_output=True, timeout=60)
            if present.returncode != 0:
                try:
                    pulled = subprocess.run([program, "pull", base], capture_output=True, text=True, timeout=180)
                except subprocess.TimeoutExpired:
                    pulled = None
                if pulled is None or pulled.returncode != 0:
                    reasons.append(f"{program} works but the base image {base} is neither present nor pullable")
                    break
        else:
            return program, ""
    return None, "; ".join(reasons)


@pytest.mark.slow
@pytest.mark.parametrize("image", IMAGES)
def test_images_build_with_a_real_builder(image):
    builder, why = _builder()
    if builder is None:
        pytest.skip(f"no usable container builder: {why}")
    tag = f"localhost/gaozhi-test/{image}:check"
    built = subprocess.run([builder, "build", "-f", str(DOCKER / f"{image}.Dockerfile"), "-t", tag, str(ROOT)],
                           capture_output=True, text=True, timeout=3600)
    assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-4000:]
    try:
        modules = sorted({m for m, _ in image_entry_points_from_files(image)})
        probe = subprocess.run([builder, "run", "--rm", "--network", "none", "--entrypoint", "python", tag, "-c",
                                f"import importlib; [importlib.import_module(m) for m in {modules!r}]"],
                               capture_output=True, text=True, timeout=600)
        assert probe.returncode == 0, probe.stderr[-4000:]
    finally:
        subprocess.run([builder, "rmi", "-f", tag], capture_output=True, timeout=120)


def image_entry_points_from_files(image: str) -> List[Tuple[str, Optional[str]]]:
    """Entry points without replaying the image (the real builder made it)."""
    instructions = parse_dockerfile((DOCKER / f"{image}.Dockerfile").read_text(encoding="utf-8"))
    argv: List[str] = []
    for instruction in instructions:
        if instruction.keyword == "FROM":
            argv = []
        elif instruction.keyword in ("CMD", "ENTRYPOINT"):
            argv = instruction.argv()
    entries = entry_points(argv)
    for name, _, command in deployment_commands():
        if name == image:
            entries += entry_points(command)
    return entries
