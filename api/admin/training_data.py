"""Rasa training data in ``data/nlu/*.yml`` as the console edits it: intents and their examples, synonyms and
lookup tables, with duplicate and conflict warnings (P1).

The YAML files stay the single source (reviewable in git): every change is a round-trip edit of the block it
concerns. ``generated_items.yml`` is derived from the catalogue by ``bot.tools.build`` and is never edited here; item
names are edited as catalogue aliases. New intents are not created here: an intent also needs the domain and
the rules that answer it, which is a change for developers.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

import yaml
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from api.admin import yamlio
from api.errors import ApiError

GENERATED = {"generated_items.yml"}  # written by `python -m bot.tools.build` from the catalogue
KINDS = ("intent", "synonym", "lookup")
NEW_FILE = {"synonym": "synonyms.yml", "lookup": "lookups.yml"}
NAME_RE = re.compile(r"^[A-Za-z0-9_\-\u4e00-\u9fff]{1,64}$")
MAX_EXAMPLE_LENGTH = 300
THIN_INTENT = 25  # tests/bot/test_training_data.py asks every intent for at least this many examples (P1)


def normal(text: str) -> str:
    """The key under which two examples are the same text: only surrounding and repeated spaces ignored.
    Full-width letters, traditional characters and case are kept apart on purpose: such variants are training
    signal (P1), written in on purpose."""
    return re.sub(r"\s+", " ", text).strip()


_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)


def loose(text: str) -> str:
    """A near copy of a held-out sentence: full-width = half-width, case, spaces and punctuation ignored."""
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text)).lower()


def parse_examples(block: Any) -> List[str]:
    if not isinstance(block, str):
        return []
    return [line.strip()[2:].strip() for line in block.splitlines() if line.strip().startswith("- ")]


def render_examples(examples: Iterable[str]) -> LiteralScalarString:
    return LiteralScalarString("".join(f"- {e}\n" for e in examples))


def clean_example(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ApiError(422, "empty_example", "例句不能为空。")
    if "\n" in text or "\r" in text:
        raise ApiError(422, "multiline_example", "例句只能是一行。")
    if len(text) > MAX_EXAMPLE_LENGTH:
        raise ApiError(422, "example_too_long", f"例句不能超过 {MAX_EXAMPLE_LENGTH} 个字符。")
    return text


@dataclass
class Block:
    kind: str
    name: str
    file: str
    examples: List[str]
    generated: bool = False


@dataclass
class TrainingData:
    blocks: List[Block] = field(default_factory=list)

    def find(self, kind: str, name: str) -> Optional[Block]:
        return next((b for b in self.blocks if b.kind == kind and b.name == name), None)

    def of_kind(self, kind: str) -> List[Block]:
        return [b for b in self.blocks if b.kind == kind]


def nlu_files(nlu_dir: Path) -> List[Path]:
    return sorted(nlu_dir.rglob("*.yml"))


def load(nlu_dir: Path) -> TrainingData:
    data = TrainingData()
    for path in nlu_files(nlu_dir):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in document.get("nlu") or []:
            for kind in KINDS:
                if kind in entry:
                    data.blocks.append(Block(kind, str(entry[kind]), path.relative_to(nlu_dir).as_posix(),
                                             parse_examples(entry.get("examples")), path.name in GENERATED))
    return data


def held_out_examples(path: Path) -> Dict[str, str]:
    """normalised text -> intent of the held-out split (never trained on, P1)."""
    if not path.exists():
        return {}
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {loose(e): str(entry["intent"]) for entry in document.get("nlu") or [] if "intent" in entry
            for e in parse_examples(entry.get("examples"))}


def warnings(data: TrainingData, held_out: Dict[str, str]) -> List[Dict[str, Any]]:
    out: List[Dict[str, Any]] = []
    seen: Dict[str, List[Tuple[str, str]]] = defaultdict(list)  # normal text -> [(intent, text)]
    for block in data.of_kind("intent"):
        counts: Dict[str, int] = defaultdict(int)
        for text in block.examples:
            key = normal(text)
            counts[key] += 1
            if counts[key] == 2:
                out.append({"type": "duplicate", "intent": block.name, "text": text,
                            "message": f"意图 {block.name} 中“{text}”重复出现。"})
            if counts[key] == 1:
                seen[key].append((block.name, text))
            if loose(text) in held_out:
                out.append({"type": "held_out", "intent": block.name, "text": text,
                            "message": f"“{text}”出现在留出测试集中（{held_out[loose(text)]}），训练数据不得包含测试句。"})
        if len(block.examples) < THIN_INTENT:
            out.append({"type": "thin", "intent": block.name, "text": None,
                        "message": f"意图 {block.name} 只有 {len(block.examples)} 条例句（至少需要 {THIN_INTENT} 条）。"})
    for key, where in seen.items():
        intents = sorted({intent for intent, _ in where})
        if len(intents) > 1:
            out.append({"type": "conflict", "intent": None, "intents": intents, "text": where[0][1],
                        "message": f"“{where[0][1]}”同时出现在多个意图中：{'、'.join(intents)}。"})
    for kind in ("synonym", "lookup"):
        for block in data.of_kind(kind):
            counts = defaultdict(int)
            for text in block.examples:
                counts[normal(text)] += 1
                if counts[normal(text)] == 2:
                    out.append({"type": "duplicate", kind: block.name, "text": text,
                                "message": f"{'同义词' if kind == 'synonym' else '查找表'} {block.name} 中“{text}”重复出现。"})
    return out


# --- editing ----------------------------------------------------------------------------------------------


def _locate(nlu_dir: Path, kind: str, name: str) -> Tuple[Path, Any, CommentedMap]:
    for path in nlu_files(nlu_dir):
        _, document = yamlio.load_rt(path, yamlio.nlu_yaml())
        for entry in (document or {}).get("nlu") or []:
            if isinstance(entry, CommentedMap) and str(entry.get(kind)) == name and kind in entry:
                if path.name in GENERATED:
                    raise ApiError(409, "generated_file",
                                   f"{path.name} 由清单自动生成，不能直接修改：请在清单中修改事项名称或别名。")
                return path, document, entry
    labels = {"intent": "意图", "synonym": "同义词", "lookup": "查找表"}
    raise ApiError(404, f"unknown_{kind}", f"没有名为 {name} 的{labels[kind]}。")


def file_hash_of(nlu_dir: Path, kind: str, name: str) -> str:
    path, _, _ = _locate(nlu_dir, kind, name)
    return yamlio.file_hash(path)


def _save(path: Path, document: Any) -> None:
    y = yamlio.yaml_for(path.read_text(encoding="utf-8"), yamlio.nlu_yaml()) if path.exists() else yamlio.nlu_yaml()
    yamlio.write_atomic(path, yamlio.dumps(y, document))


def _check_examples(kind: str, examples: List[str], held_out: Dict[str, str]) -> List[str]:
    cleaned = [clean_example(e) for e in examples]
    if kind == "intent":
        leaked = [e for e in cleaned if loose(e) in held_out]
        if leaked:
            raise ApiError(409, "held_out_example",
                           f"“{leaked[0]}”在留出测试集中，加入训练数据会让评估失真（P1）。请换一种说法。")
    return cleaned


def set_examples(nlu_dir: Path, kind: str, name: str, examples: List[str], base_hash: Optional[str],
                 held_out: Dict[str, str]) -> Dict[str, Any]:
    """Replace the examples of one block (the editor's save). Exact duplicates are dropped; a text that another
    intent already has is refused (Rasa could not learn two labels for one text)."""
    cleaned = _check_examples(kind, examples, held_out)
    unique, keys = [], set()
    for e in cleaned:
        if normal(e) not in keys:
            keys.add(normal(e))
            unique.append(e)
    with yamlio.directory_lock(nlu_dir):
        path, document, entry = _locate(nlu_dir, kind, name)
        if base_hash is not None and base_hash != yamlio.file_hash(path):
            raise ApiError(409, "edit_conflict", "训练数据已被他人修改，请刷新后再编辑。")
        if kind == "intent":
            others = {normal(e): b.name for b in load(nlu_dir).of_kind("intent") if b.name != name for e in b.examples}
            clash = [(e, others[normal(e)]) for e in unique if normal(e) in others]
            if clash:
                raise ApiError(409, "conflicting_example", f"“{clash[0][0]}”已属于意图 {clash[0][1]}，同一句话不能属于两个意图。")
        entry["examples"] = render_examples(unique)
        _save(path, document)
    return {"kind": kind, "name": name, "file": path.name, "examples": unique, "dropped_duplicates": len(cleaned) - len(unique)}


def add_example(nlu_dir: Path, intent: str, text: str, held_out: Dict[str, str], *, move: bool = False) -> Dict[str, Any]:
    """Append one example to an intent (the inbox's one click). ``move`` takes it away from another intent
    that has it, instead of refusing."""
    text = _check_examples("intent", [text], held_out)[0]
    key = normal(text)
    with yamlio.directory_lock(nlu_dir):
        path, document, entry = _locate(nlu_dir, "intent", intent)
        current = parse_examples(entry.get("examples"))
        if key in {normal(e) for e in current}:
            raise ApiError(409, "duplicate_example", f"意图 {intent} 已有这句例句。")
        holders = [b for b in load(nlu_dir).of_kind("intent") if b.name != intent and key in {normal(e) for e in b.examples}]
        if holders and not move:
            raise ApiError(409, "conflicting_example",
                           f"“{text}”已属于意图 {holders[0].name}。如确认应属于 {intent}，请选择“移到此意图”。")
        moved_from = []
        for holder in holders:
            other_path, other_doc, other_entry = _locate(nlu_dir, "intent", holder.name)
            kept = [e for e in parse_examples(other_entry.get("examples")) if normal(e) != key]
            other_entry["examples"] = render_examples(kept)
            _save(other_path, other_doc)
            moved_from.append(holder.name)
        # The block may have been rewritten above when both intents live in one file: read it again.
        path, document, entry = _locate(nlu_dir, "intent", intent)
        entry["examples"] = render_examples(parse_examples(entry.get("examples")) + [text])
        _save(path, document)
    return {"intent": intent, "file": path.name, "text": text, "moved_from": moved_from}


def create_block(nlu_dir: Path, kind: str, name: str, examples: List[str]) -> Dict[str, Any]:
    if kind not in ("synonym", "lookup"):
        raise ApiError(422, "not_creatable", "新意图需要同时修改领域文件和规则，请由开发人员添加。")
    if not NAME_RE.match(name or ""):
        raise ApiError(422, "invalid_name", "名称只能由字母、数字、下划线、连字符或汉字组成。")
    cleaned = _check_examples(kind, examples, {})
    if not cleaned:
        raise ApiError(422, "empty_example", "至少需要一个取值。")
    with yamlio.directory_lock(nlu_dir):
        if load(nlu_dir).find(kind, name) is not None:
            raise ApiError(409, f"duplicate_{kind}", f"{name} 已存在。")
        path = nlu_dir / NEW_FILE[kind]
        if not path.exists():
            header = "# Synonyms and lookup tables written by the admin console (edit here or there).\n"
            yamlio.write_atomic(path, header + 'version: "3.1"\n\nnlu:\n')
        _, document = yamlio.load_rt(path, yamlio.nlu_yaml())
        entry = CommentedMap()
        entry[kind] = name
        entry["examples"] = render_examples(cleaned)
        if document.get("nlu") is None:
            document["nlu"] = [entry]
        else:
            document["nlu"].append(entry)
        _save(path, document)
    return {"kind": kind, "name": name, "file": path.name, "examples": cleaned}


def delete_block(nlu_dir: Path, kind: str, name: str) -> None:
    if kind not in ("synonym", "lookup"):
        raise ApiError(422, "not_deletable", "意图需要同时从领域文件和规则中删除，请由开发人员处理。")
    with yamlio.directory_lock(nlu_dir):
        path, document, entry = _locate(nlu_dir, kind, name)
        document["nlu"].remove(entry)
        _save(path, document)


def overview(nlu_dir: Path, held_out: Dict[str, str]) -> Dict[str, Any]:
    data = load(nlu_dir)
    return {
        "intents": [{"name": b.name, "file": b.file, "count": len(b.examples)} for b in data.of_kind("intent")],
        "synonyms": [{"name": b.name, "file": b.file, "count": len(b.examples), "examples": b.examples}
                     for b in data.of_kind("synonym")],
        "lookups": [{"name": b.name, "file": b.file, "count": len(b.examples), "generated": b.generated,
                     "examples": b.examples} for b in data.of_kind("lookup")],
        "warnings": warnings(data, held_out),
    }
