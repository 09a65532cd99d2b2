"""Editing catalogue items from the console (R1, R6): the YAML file stays the single source.

Publishing writes ``data/catalogue/items/<CODE>.yaml`` (round trip: comments and layout kept, so the change is
reviewable in git) and loads it into the database through the API's catalogue service, which stores a new
immutable version when the content changed. Commitments keep pointing at the version they were shown (P2).
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.admin import labels, yamlio
from api.admin.preview import citizen_messages
from api.catalogue.models import CatalogueItem, ItemVersion
from api.catalogue.service import load_into_database
from api.errors import ApiError
from bot.core.catalogue import CODE_RE, CatalogueError, Item, canonical_notice_text, load_catalogue, parse_item

# Keys an item may leave out; writing their default into a file that never had them would only add noise.
_OPTIONAL_DEFAULTS: Dict[str, Any] = {
    "high_value": False, "includes_proofs": [], "phrasings": [], "disclosure_days": None, "direct_safety_matter": None,
}


def _path(directory: Path, code: str) -> Path:
    if not CODE_RE.match(code or ""):
        raise ApiError(404, "unknown_item", f"清单中没有编号为 {code} 的事项。")
    path = directory / f"{code}.yaml"
    if not path.exists():
        raise ApiError(404, "unknown_item", f"清单中没有编号为 {code} 的事项。")
    return path


def _invalid(exc: CatalogueError) -> ApiError:
    # The loader's message names the item and the field; it is the most useful thing to show the editor.
    return ApiError(422, "invalid_item", f"事项内容不符合清单规则：{exc}")


def list_items(session: Session, directory: Path) -> List[Dict[str, Any]]:
    rows = {row.code: row for row in session.scalars(select(CatalogueItem))}
    out = []
    for path in sorted(directory.glob("*.yaml")):
        raw = yamlio.plain(yamlio.load(yamlio.catalogue_yaml(), path)) or {}
        row = rows.get(path.stem)
        current = row.current_version if row is not None else None
        out.append({
            "code": path.stem,
            "name": raw.get("name"),
            "kind": raw.get("kind"),
            "commitment_allowed": raw.get("commitment_allowed"),
            "version": current.version if current else None,
            "notice_version": current.notice_version if current else None,
        })
    return out


def versions(session: Session, code: str) -> List[ItemVersion]:
    return list(session.scalars(
        select(ItemVersion).where(ItemVersion.item_code == code).order_by(ItemVersion.version.desc())
    ))


def read_item(session: Session, directory: Path, code: str) -> Dict[str, Any]:
    path = _path(directory, code)
    content = yamlio.plain(yamlio.load(yamlio.catalogue_yaml(), path))
    return {
        "code": code,
        "content": content,
        "file_hash": yamlio.file_hash(path),
        "versions": [
            {"version": v.version, "notice_version": v.notice_version, "created_at": v.created_at.isoformat()}
            for v in versions(session, code)
        ],
    }


def _edited_document(path: Path, content: Optional[Dict[str, Any]]) -> Tuple[Any, Any]:
    """The file's round-trip document with ``content`` (the whole item as the editor holds it) merged in."""
    y, document = yamlio.load_rt(path, yamlio.catalogue_yaml())
    if content is None:
        return y, document
    current = yamlio.plain(document)
    changes = {}
    for key, value in content.items():
        if key not in current and value == _OPTIONAL_DEFAULTS.get(key, object()):
            continue
        if current.get(key) != value:
            changes[key] = value
    for key in current:
        if key not in content and key != "code":
            changes[key] = None  # the editor removed an optional field (e.g. high_value)
    yamlio.merge(document, changes)
    return y, document


def _parse(document: Any, code: str) -> Item:
    raw = yamlio.plain(document)
    if raw.get("code") != code:
        raise ApiError(422, "invalid_item", "事项编号不能修改。")
    try:
        return parse_item(raw, f"{code}.yaml")
    except CatalogueError as exc:
        raise _invalid(exc) from None


def preview(directory: Path, code: str, content: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """What a citizen would be shown if ``content`` were published (the file as it is when None)."""
    path = _path(directory, code)
    y, document = _edited_document(path, content)
    item = _parse(document, code)
    return {
        "code": code,
        "notice_version": item.notice_version,
        "messages": citizen_messages(item),
        "yaml": yamlio.dumps(y, document),
    }


@dataclass
class PublishResult:
    code: str
    version: int
    notice_version: Optional[str]
    previous_version: Optional[int]
    unchanged: bool


def publish(session: Session, directory: Path, code: str, content: Dict[str, Any], base_hash: Optional[str]) -> PublishResult:
    """Write the edited item and store it as a new version, in the caller's transaction (the caller commits
    and audits). A file changed by someone else since the editor loaded it is refused (409)."""
    path = _path(directory, code)
    with yamlio.directory_lock(directory):
        if base_hash is not None and base_hash != yamlio.file_hash(path):
            raise ApiError(409, "edit_conflict", "该事项已被他人修改，请重新打开后再编辑。")
        y, document = _edited_document(path, content)
        _parse(document, code)
        row = session.get(CatalogueItem, code)
        previous = row.current_version.version if row is not None and row.current_version is not None else None
        old_bytes = path.read_bytes()
        yamlio.write_atomic(path, yamlio.dumps(y, document))
        try:
            load_catalogue(directory)  # the whole catalogue must still load (e.g. no duplicated code)
            load_into_database(session, directory)
            session.flush()
        except CatalogueError as exc:
            path.write_bytes(old_bytes)
            raise _invalid(exc) from None
        except BaseException:
            path.write_bytes(old_bytes)
            raise
    row = session.get(CatalogueItem, code)
    session.refresh(row)  # current_version was loaded before the new version was stored
    current = row.current_version
    return PublishResult(code, current.version, current.notice_version, previous, previous == current.version)


def add_alias(session: Session, directory: Path, code: str, alias: str) -> PublishResult:
    """The inbox's one-click "this is how people name item X": append to ``aliases`` and publish."""
    path = _path(directory, code)
    content = yamlio.plain(yamlio.load(yamlio.catalogue_yaml(), path))
    aliases = list(content.get("aliases") or [])
    if alias in aliases or alias == content.get("name"):
        raise ApiError(409, "duplicate_alias", f"“{alias}”已是该事项的名称或别名。")
    content["aliases"] = aliases + [alias]
    return publish(session, directory, code, content, None)


# --- diff between versions --------------------------------------------------------------------------------


def _field_lines(content: Dict[str, Any]) -> List[str]:
    """Every field but the notification, one line per value, so a diff shows exactly which value changed."""
    lines = []
    for key in sorted(k for k in content if k != "notice"):
        value = content[key]
        if isinstance(value, list):
            lines += [f"{key}[]: {json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}" for v in value]
            if not value:
                lines.append(f"{key}: []")
        elif isinstance(value, dict):
            lines += [f"{key}.{k}: {v}" for k, v in sorted(value.items())]
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value}")
    return lines


def _notice_lines(content: Dict[str, Any]) -> List[str]:
    if not content.get("notice"):
        return []
    item = parse_item(content, "diff", check_promises=False)  # an older version is diffed as it was stored
    return canonical_notice_text(item.notice).split("\n")


def _diff(a: List[str], b: List[str]) -> List[Dict[str, str]]:
    out = []
    for line in difflib.unified_diff(a, b, lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        kind = {"@": "hunk", "+": "added", "-": "removed"}.get(line[:1], "same")
        out.append({"kind": kind, "text": line[1:] if kind != "hunk" else line})
    return out


def _shown(value: Any) -> List[str]:
    """A field's value as lines an administrator reads: lists one entry a line, yes/no in words."""
    if value is None or value == [] or value == "":
        return []
    if isinstance(value, bool):
        return ["是" if value else "否"]
    if isinstance(value, list):
        return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value]
    if isinstance(value, float) and 0 < value < 1:
        return [f"{value:.0%}"]
    text = str(value)
    return [labels.VALUE_WORDS.get(text, text)]


def _flat(content: Dict[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for key, value in content.items():
        if key in ("notice", "code"):
            continue
        if isinstance(value, dict):
            for sub, inner in value.items():
                out[f"{key}.{sub}"] = inner
        else:
            out[key] = value
    return out


def compare(a: Dict[str, Any], b: Dict[str, Any]) -> Dict[str, Any]:
    """Side by side, field by field, in the editor's Chinese field names: what each field said before and
    after, which list entries came and went, and each notice section (by its title) before and after."""
    old, new = _flat(a), _flat(b)
    order = list(labels.CATALOGUE_FIELDS)
    keys = sorted(set(old) | set(new), key=lambda k: (order.index(k) if k in order else len(order), k))
    fields = []
    for key in keys:
        before, after = _shown(old.get(key)), _shown(new.get(key))
        row: Dict[str, Any] = {"field": key, "label": labels.field(key), "before": before, "after": after,
                               "changed": before != after}
        if isinstance(old.get(key) or new.get(key), list):
            row["added"] = [v for v in after if v not in before]
            row["removed"] = [v for v in before if v not in after]
        fields.append(row)
    sections = []
    old_notice, new_notice = a.get("notice") or [], b.get("notice") or []
    for i in range(max(len(old_notice), len(new_notice))):
        x = old_notice[i] if i < len(old_notice) else {}
        y = new_notice[i] if i < len(new_notice) else {}
        sections.append({"index": i + 1, "title": y.get("title") or x.get("title") or "",
                         "before": x.get("text") or "", "after": y.get("text") or "",
                         "changed": (x.get("text") or "") != (y.get("text") or "")})
    return {"fields": fields, "notice": sections,
            "changed_fields": [f["label"] for f in fields if f["changed"]],
            "changed_sections": [f"{s['index']}. {s['title']}" for s in sections if s["changed"]]}


def diff(session: Session, code: str, from_version: int, to_version: int) -> Dict[str, Any]:
    rows = {v.version: v for v in versions(session, code)}
    if from_version not in rows or to_version not in rows:
        raise ApiError(404, "unknown_version", f"事项 {code} 没有所选的版本。")
    a, b = rows[from_version], rows[to_version]
    return {
        "code": code,
        "from": {"version": a.version, "notice_version": a.notice_version},
        "to": {"version": b.version, "notice_version": b.notice_version},
        "notice_changed": a.notice_version != b.notice_version,
        "fields": _diff(_field_lines(a.content), _field_lines(b.content)),
        "notice": _diff(_notice_lines(a.content), _notice_lines(b.content)),
        "compare": compare(a.content, b.content),
    }
