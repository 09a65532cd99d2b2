"""Round-trip YAML for the files the console edits: comments, key order, flow lists and literal blocks stay as
the authors wrote them, so a console edit is a small, readable diff in git.

Two layouts exist in the repository: Rasa training data (``nlu:`` with ``- intent:`` at column 0) and the
catalogue items (block lists indented by two). Both round-trip byte for byte when nothing changed (tested).
"""
from __future__ import annotations

import fcntl
import hashlib
import io
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Tuple

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq


def _yaml(sequence: int, offset: int) -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 100000  # never fold a long Chinese line
    y.indent(mapping=2, sequence=sequence, offset=offset)
    return y


def nlu_yaml() -> YAML:
    return _yaml(2, 0)


def catalogue_yaml() -> YAML:
    return _yaml(4, 2)


_FLUSH_SEQUENCE = re.compile(r"^[A-Za-z_][\w-]*:[ \t]*\n- ", re.M)
_INDENTED_SEQUENCE = re.compile(r"^[A-Za-z_][\w-]*:[ \t]*\n  - ", re.M)


def yaml_for(text: str, default: YAML) -> YAML:
    """The layout the file already has: block lists flush with their key (Rasa's style, PyYAML's default) or
    indented by two (the catalogue's style)."""
    if _INDENTED_SEQUENCE.search(text) and not _FLUSH_SEQUENCE.search(text):
        return catalogue_yaml()
    if _FLUSH_SEQUENCE.search(text) and not _INDENTED_SEQUENCE.search(text):
        return nlu_yaml()
    return default


def load(y: YAML, path: Path) -> Any:
    return y.load(path.read_text(encoding="utf-8"))


def load_rt(path: Path, default: YAML) -> Tuple[YAML, Any]:
    """The document and the YAML instance that writes it back in the file's own layout."""
    text = path.read_text(encoding="utf-8")
    y = yaml_for(text, default)
    return y, y.load(text)


def dumps(y: YAML, data: Any) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def file_hash(path: Path) -> str:
    """What an editor saw: a save based on another hash is refused (someone else changed the file)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@contextmanager
def directory_lock(directory: Path) -> Iterator[None]:
    """One writer at a time per edited directory (several API workers may serve the console)."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".console.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def plain(value: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (for JSON and comparisons)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def merge(node: Any, value: Any) -> Any:
    """Put ``value`` into the round-trip ``node`` in place where the shapes agree (keeps comments and styles);
    returns what the parent should hold. Keys given as None are removed."""
    if isinstance(node, CommentedMap) and isinstance(value, dict):
        for key, new in value.items():
            if new is None:
                node.pop(key, None)
            elif key in node:
                if plain(node[key]) != new:
                    node[key] = merge(node[key], new)
            else:
                node[key] = new
        return node
    if isinstance(node, CommentedSeq) and isinstance(value, list):
        if len(node) == len(value) and all(isinstance(a, CommentedMap) and isinstance(b, dict) for a, b in zip(node, value)):
            for a, b in zip(node, value):
                merge(a, b)
            return node
        del node[:]
        node.extend(value)  # the sequence keeps its flow or block style
        return node
    return value
