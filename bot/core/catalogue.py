"""The item catalogue (清单): schema, loader and notice versioning (R1, R2, R6, R9).

``data/catalogue/items/*.yaml`` is the single source of every catalogue fact. The database, the notification
texts, the jieba user dictionary, the Rasa lookup tables and the spaCy phrase patterns are all derived from
what this module loads. A file that breaks the schema is refused with a message naming the item and field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

from bot.core.canonical import sha256_hex

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "data" / "catalogue" / "items"

# R6 / 五(四): the written notification has exactly these seven sections, in this order.
NOTICE_TITLES: Tuple[str, ...] = (
    "事项名称",
    "设定依据",
    "证明内容或许可条件及材料要求",
    "承诺方式",
    "不实承诺的法律责任",
    "核查权力、方式和时限",
    "承诺书公开",
)

# 五(四): "不能含有模糊表述或兜底条款" - phrases that make a notification open-ended are refused.
VAGUE_PHRASES: Tuple[str, ...] = (
    "其他相关",
    "其它相关",
    "相关规定",
    "有关规定",
    "其他材料",
    "其它材料",
    "等相关",
    "其他要求",
    "其他情形",
    "其他条件",
    "视情况",
)

EXCLUSION_CATEGORIES: Tuple[str, ...] = (
    "国家安全",
    "国家秘密",
    "公共安全",
    "金融业审慎监管",
    "生态环境保护",
    "直接关系人身健康",
    "直接关系生命财产安全",
    "重要涉外",
)

CODE_RE = re.compile(r"^(ZM|XK)\d{3}$")


class CatalogueError(ValueError):
    """A catalogue file breaks the schema. The message names the file, the item and the field."""


@dataclass(frozen=True)
class NoticeSection:
    index: int
    title: str
    text: str


@dataclass(frozen=True)
class VerificationPlan:
    method: str  # online | onsite | exempt
    time_limit_days: int  # working days from the commitment
    standard: str
    sampling_rate: float  # share of clean-credit commitments that are checked (双随机)


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    kind: str  # proof | license
    department: str
    level: str
    area: str
    legal_basis: str
    commitment_allowed: bool
    proxy_allowed: bool
    public: bool
    aliases: Tuple[str, ...]
    phrasings: Tuple[str, ...]
    replaces: Tuple[str, ...]  # proofs replaced (proof items) or conditions committed to (licence items)
    includes_proofs: Tuple[str, ...]  # R9: proof items included in a licence item
    proofs_required: Tuple[str, ...]  # what the normal procedure needs (R2, R3)
    notice: Tuple[NoticeSection, ...]
    verification: Optional[VerificationPlan]
    exclusion_category: Optional[str] = None
    exclusion_reason: Optional[str] = None
    # R18 / 五(八): high economic value or hard to verify -> the applicant sees a credit warning first.
    high_value: bool = False
    # R15 / 五(六): for public items, how many days the commitment letter stays in the public list, counted
    # from the commitment (the licence decision or registration for the items that say so); it must agree
    # with what notice section 7 (承诺书公开) tells the applicant. None for items that are not public.
    disclosure_days: Optional[int] = None
    source_file: str = field(default="", compare=False)

    @property
    def notice_text(self) -> str:
        return canonical_notice_text(self.notice)

    @property
    def notice_version(self) -> Optional[str]:
        """SHA-256 of the canonical notification text; ``None`` for excluded items (no notification)."""
        return notice_version(self.notice) if self.notice else None

    @property
    def covers(self) -> List[str]:
        """What one commitment on this item replaces; for R9 both licence conditions and included proofs."""
        return list(self.replaces) + [p for p in self.includes_proofs if p not in self.replaces]

    def summary(self) -> Dict[str, Any]:
        """The contract's ``item`` object (conversation-contract.md, stage ``item_detail``)."""
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "department": self.department,
            "commitment_allowed": self.commitment_allowed,
            "proxy_allowed": self.proxy_allowed,
        }

    def to_dict(self) -> Dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "department": self.department,
            "level": self.level,
            "area": self.area,
            "legal_basis": self.legal_basis,
            "commitment_allowed": self.commitment_allowed,
            "proxy_allowed": self.proxy_allowed,
            "public": self.public,
            "aliases": list(self.aliases),
            "phrasings": list(self.phrasings),
            "replaces": list(self.replaces),
            "includes_proofs": list(self.includes_proofs),
            "proofs_required": list(self.proofs_required),
            "notice": [{"title": s.title, "text": s.text} for s in self.notice],
            "verification": None
            if self.verification is None
            else {
                "method": self.verification.method,
                "time_limit_days": self.verification.time_limit_days,
                "standard": self.verification.standard,
                "sampling_rate": self.verification.sampling_rate,
            },
            "exclusion": None
            if not self.exclusion_category
            else {"category": self.exclusion_category, "reason": self.exclusion_reason},
            "high_value": self.high_value,
            "disclosure_days": self.disclosure_days,
        }


def canonical_notice_text(sections: Tuple[NoticeSection, ...] | List[NoticeSection]) -> str:
    """The exact text whose hash is ``notice_version``: numbered titles and bodies, newline separated."""
    return "\n".join(f"{s.index}. {s.title}\n{s.text.strip()}" for s in sections)


def notice_version(sections: Tuple[NoticeSection, ...] | List[NoticeSection]) -> str:
    return sha256_hex(canonical_notice_text(sections))


# --- loading and validation -------------------------------------------------------------------------


def _fail(where: str, field_name: str, problem: str) -> CatalogueError:
    return CatalogueError(f"{where}: field '{field_name}': {problem}")


def _str(raw: Dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _fail(where, key, "is required and must be a non-empty string")
        return ""
    if not isinstance(value, str):
        raise _fail(where, key, f"must be a string, got {type(value).__name__}")
    return value.strip()


def _bool(raw: Dict[str, Any], key: str, where: str) -> bool:
    value = raw.get(key)
    if not isinstance(value, bool):
        raise _fail(where, key, "is required and must be true or false")
    return value


def _optional_bool(raw: Dict[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise _fail(where, key, "must be true or false when given")
    return value


# R15: a public item that does not say otherwise is published for one year.
DEFAULT_DISCLOSURE_DAYS = 365


def _disclosure_days(raw: Dict[str, Any], public: bool, where: str) -> Optional[int]:
    value = raw.get("disclosure_days")
    if not public:
        if value is not None:
            raise _fail(where, "disclosure_days", "only items with public: true have a disclosure period (R15)")
        return None
    if value is None:
        return DEFAULT_DISCLOSURE_DAYS
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _fail(where, "disclosure_days", "must be a positive whole number of days")
    return value


def _str_list(raw: Dict[str, Any], key: str, where: str, min_len: int = 0) -> Tuple[str, ...]:
    value = raw.get(key, [])
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, key, "must be a list of non-empty strings")
    if len(value) < min_len:
        raise _fail(where, key, f"needs at least {min_len} entr{'y' if min_len == 1 else 'ies'}")
    return tuple(v.strip() for v in value)


def _check_not_vague(text: str, where: str, field_name: str) -> None:
    for phrase in VAGUE_PHRASES:
        if phrase in text:
            raise _fail(where, field_name, f"contains the vague catch-all phrase '{phrase}' (五(四) forbids it)")


def parse_item(raw: Any, source: str = "<memory>") -> Item:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{source}: the file must contain one mapping (an item), got {type(raw).__name__}")
    code = raw.get("code")
    where = f"{source} (item {code!r})"
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise _fail(where, "code", "must look like ZM001 or XK001")
    kind = _str(raw, "kind", where)
    if kind not in ("proof", "license"):
        raise _fail(where, "kind", "must be 'proof' or 'license'")
    commitment_allowed = _bool(raw, "commitment_allowed", where)
    proxy_allowed = _bool(raw, "proxy_allowed", where)
    public = _bool(raw, "public", where)
    name = _str(raw, "name", where)
    replaces = _str_list(raw, "replaces", where, min_len=1 if commitment_allowed else 0)
    includes_proofs = _str_list(raw, "includes_proofs", where)
    if includes_proofs and kind != "license":
        raise _fail(where, "includes_proofs", "only licence items include proof items (R9)")
    proofs_required = _str_list(raw, "proofs_required", where, min_len=1)

    notice: Tuple[NoticeSection, ...] = ()
    verification: Optional[VerificationPlan] = None
    exclusion_category = exclusion_reason = None
    if commitment_allowed:
        raw_notice = raw.get("notice")
        if not isinstance(raw_notice, list) or len(raw_notice) != len(NOTICE_TITLES):
            raise _fail(where, "notice", f"must be a list of exactly {len(NOTICE_TITLES)} sections (R6)")
        sections = []
        for i, (section, title) in enumerate(zip(raw_notice, NOTICE_TITLES), start=1):
            f = f"notice[{i}]"
            if not isinstance(section, dict):
                raise _fail(where, f, "must be a mapping with 'title' and 'text'")
            if section.get("title") != title:
                raise _fail(where, f + ".title", f"must be '{title}', got {section.get('title')!r}")
            text = section.get("text")
            if not isinstance(text, str) or len(text.strip()) < 20:
                raise _fail(where, f + ".text", "must be a concrete text of at least 20 characters")
            _check_not_vague(text, where, f + ".text")
            sections.append(NoticeSection(i, title, text.strip()))
        liability = sections[4].text
        for word in ("民事", "行政", "刑事"):
            if word not in liability:
                raise _fail(where, "notice[5].text", f"must state the {word} liability concretely (R6)")
        if not re.search(r"\d+\s*个工作日", sections[5].text):
            raise _fail(where, "notice[6].text", "must give the verification time limit in working days (R6)")
        notice = tuple(sections)
        v = raw.get("verification")
        if not isinstance(v, dict):
            raise _fail(where, "verification", "is required for items that allow commitment (R13)")
        method = v.get("method")
        if method not in ("online", "onsite", "exempt"):
            raise _fail(where, "verification.method", "must be online, onsite or exempt")
        days = v.get("time_limit_days")
        if not isinstance(days, int) or days <= 0:
            raise _fail(where, "verification.time_limit_days", "must be a positive whole number of working days")
        rate = v.get("sampling_rate", 1.0)
        if not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
            raise _fail(where, "verification.sampling_rate", "must be a number between 0 and 1")
        verification = VerificationPlan(method, days, _str(v, "standard", where + " verification"), float(rate))
    else:
        ex = raw.get("exclusion")
        if not isinstance(ex, dict):
            raise _fail(where, "exclusion", "is required when commitment_allowed is false (R2)")
        exclusion_category = _str(ex, "category", where + " exclusion")
        if exclusion_category not in EXCLUSION_CATEGORIES:
            raise _fail(where, "exclusion.category", f"must be one of the policy's categories {EXCLUSION_CATEGORIES}")
        exclusion_reason = _str(ex, "reason", where + " exclusion")

    return Item(
        code=code,
        name=name,
        kind=kind,
        department=_str(raw, "department", where),
        level=_str(raw, "level", where),
        area=_str(raw, "area", where),
        legal_basis=_str(raw, "legal_basis", where),
        commitment_allowed=commitment_allowed,
        proxy_allowed=proxy_allowed,
        public=public,
        aliases=_str_list(raw, "aliases", where, min_len=1),
        phrasings=_str_list(raw, "phrasings", where),
        replaces=replaces,
        includes_proofs=includes_proofs,
        proofs_required=proofs_required,
        notice=notice,
        verification=verification,
        exclusion_category=exclusion_category,
        exclusion_reason=exclusion_reason,
        high_value=_optional_bool(raw, "high_value", where),
        disclosure_days=_disclosure_days(raw, public, where),
        source_file=source,
    )


def load_file(path: Path) -> Item:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path.name}: not valid YAML: {exc}") from exc
    item = parse_item(raw, path.name)
    if path.stem != item.code:
        raise CatalogueError(f"{path.name} (item {item.code!r}): field 'code': must match the file name")
    return item


def load_catalogue(directory: Path | str | None = None) -> Dict[str, Item]:
    """Load and validate every item; refuse the whole catalogue on the first bad file."""
    directory = Path(directory) if directory else DEFAULT_DIR
    items: Dict[str, Item] = {}
    for path in sorted(directory.glob("*.yaml")):
        item = load_file(path)
        if item.code in items:
            raise CatalogueError(f"{path.name} (item {item.code!r}): field 'code': duplicated")
        items[item.code] = item
    if not items:
        raise CatalogueError(f"{directory}: no catalogue items found")
    return items
