"""The item catalogue (清单): schema, loader and notice versioning (R1, R2, R6, R9).

``data/catalogue/items/*.yaml`` is the single source of every catalogue fact. The database, the notification
texts, the jieba user dictionary, the Rasa lookup tables and the spaCy phrase patterns are all derived from
what this module loads. A file that breaks the schema is refused with a message naming the item and field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import yaml

from bot.core.canonical import sha256_hex
from bot.core.evidence import notice_section_text

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

# 行政许可法第七十九条: a licence obtained by deception or bribery bars the applicant from applying for it again
# for three years, but only where the licence is a matter directly concerning one of these. Which licence is
# such a matter is a legal judgement recorded per item (``direct_safety_matter``); the notice cites the bar
# exactly where the item records it, and nowhere else.
DIRECT_SAFETY_MATTERS: Tuple[str, ...] = ("公共安全", "人身健康", "生命财产安全")
ARTICLE_79 = "《中华人民共和国行政许可法》第七十九条"

# --- what the notice must say, derived from the item's data -----------------------------------------
# Sections 4, 6 and 7 describe things the software does (which words are accepted as a commitment, how a
# commitment is drawn for verification, what the public list shows). The applicant relies on them, so the
# loader requires each of these sections to contain the clause built here from the item's own data; a notice
# that promises anything else is refused. Builders are public so an editor can paste the exact clause.

# The notice is written for every applicant, so the proxy formula shows where the applicant's name goes.
APPLICANT_PLACEHOLDER = "×××"
APPLICANT_PLACEHOLDER_NOTE = f"{APPLICANT_PLACEHOLDER}为申请人的姓名或者名称"
NO_PROXY_CLAUSE = "本事项不允许代为承诺"
METHOD_WORDS = {"online": "在线核查", "onsite": "现场核查", "exempt": "免予核查"}

# R15 / 五(六): what the public list shows of a commitment letter - label in the notice, keys in the list.
# The disclosure service returns exactly these keys and section 7 enumerates exactly these labels.
PUBLISHED_FIELDS: Tuple[Tuple[str, Tuple[str, ...]], ...] = (
    ("承诺编号", ("commitment_no",)),
    ("事项名称和编码", ("item_code", "item_name")),
    ("承诺日期", ("committed_on",)),
    ("办理状态", ("status", "status_label")),
    ("申请人姓名或者名称", ("applicant",)),
    ("证件号码", ("applicant_id_masked",)),
    ("公开截止日期", ("disclosed_until",)),
)
PUBLISHED_KEYS: Tuple[str, ...] = tuple(key for _, keys in PUBLISHED_FIELDS for key in keys)
# How the list masks the two personal fields (api.credit.service.masked_name, bot.core.ids.mask_id) and
# which letters it drops; said once, in these words, in every public notice.
PUBLISHED_MASKING = (
    "申请人为自然人的，姓名只显示第一个字，其余以“*”代替；企业和个体工商户显示登记名称；"
    "证件号码只显示前4位和后4位"
)
PUBLISHED_LIFECYCLE = (
    "申请人撤回承诺的，承诺书不再公开；因承诺不实被撤销行政决定或者终止办理的，承诺书继续公开至期满，"
    "办理状态显示为“已撤销”"
)
PUBLIC_LIST = "本平台“告知承诺书公开”页面"
NOT_PUBLIC_CLAUSE = "本事项的承诺书不向社会公开"

# A rule no law or code of this platform contains: a notice must not threaten it.
_UNSUPPORTED_BAR = re.compile(r"\d+\s*年内不得再以告知承诺方式")
_STATUTORY_BAR = re.compile(r"(?:三|3)\s*年内不得再次申请")
# Requirement and principle identifiers of the project's own documents: never part of a citizen's text.
_INTERNAL_CODE = re.compile(r"(?<![A-Za-z0-9])[RP]\d{1,2}(?![0-9])")
_WORKING_DAYS = re.compile(r"(\d+)\s*个工作日")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*[%％]")


def self_words() -> str:
    """What the applicant (or an enterprise's legal representative) types to commit."""
    from bot.core.affirmation import required_words  # late: affirmation must never depend on the catalogue

    return required_words("self", None)


def proxy_words() -> str:
    """What a specially authorised proxy types, with the applicant's name left as the placeholder."""
    from bot.core.affirmation import required_words

    return required_words("proxy", APPLICANT_PLACEHOLDER)


def proxy_clause() -> str:
    return f"输入“{proxy_words()}”（{APPLICANT_PLACEHOLDER_NOTE}）"


def enterprise_clause() -> str:
    return f"申请人为企业的，由其法定代表人本人输入“{self_words()}”，代表企业作出承诺"


def percent(rate: float) -> str:
    value = round(rate * 100, 2)
    return f"{value:g}%"


def verification_scope_clause(method: str, sampling_rate: float) -> str:
    """Who is checked, as ``api.verification.service.select_for_verification`` decides it."""
    if method == "exempt":
        return "本事项免予核查，纳入“双随机、一公开”日常监管；承诺被投诉举报的，予以核查"
    if sampling_rate >= 1:
        return "每一份承诺均予核查"
    others = "其他承诺不作随机抽取" if sampling_rate <= 0 else f"其他承诺按{percent(sampling_rate)}的比例随机抽取核查"
    return f"申请人有不良信用记录（包括已完成信用修复的记录）或者承诺被投诉举报的，全部核查；{others}"


def verification_time_clause(time_limit_days: int) -> str:
    return f"自承诺之日起{time_limit_days}个工作日内"


def disclosure_clause(disclosure_days: int) -> str:
    """Where, from when, for how long and what of the letter is public (``api.disclosure.service``)."""
    labels = "、".join(label for label, _ in PUBLISHED_FIELDS)
    return (
        f"本事项的承诺书向社会公开：自承诺之日起在{PUBLIC_LIST}公开，公开期限为自承诺之日起{disclosure_days}日。"
        f"公开内容为：{labels}。{PUBLISHED_MASKING}。{PUBLISHED_LIFECYCLE}。"
    )


def reapplication_bar_clause(matter: str) -> str:
    """行政许可法第七十九条, in its own words, for a licence that is a matter of ``matter``."""
    return (
        f"依照{ARTICLE_79}，被许可人以欺骗、贿赂等不正当手段取得本许可的，行政机关依法给予行政处罚，"
        f"本许可属于直接关系{matter}的事项，申请人在三年内不得再次申请本许可；构成犯罪的，依法追究刑事责任"
    )


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
    # 行政许可法第七十九条: for a licence directly concerning one of DIRECT_SAFETY_MATTERS, which one; the
    # notice then states the three-year bar on re-application. None when the article's bar does not apply.
    direct_safety_matter: Optional[str] = None
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

    def detail_message(self) -> Tuple[str, Dict[str, Any]]:
        """The item card the citizen reads (contract stage ``item_detail``), as text and custom payload. The bot
        sends it and the admin console's preview shows it from this one place, so the two cannot differ."""
        kind = "涉企经营许可事项" if self.kind == "license" else "证明事项"
        parts = [f"【{self.name}】{kind}，实施机关：{self.department}。"]
        if self.commitment_allowed:
            parts.append(f"可以用告知承诺代替：{'、'.join(self.covers)}。")
            if self.kind == "license":
                parts.append("承诺并提交材料后当场作出许可决定。")
            parts.append("可以代为承诺（需申请人特别授权）。" if self.proxy_allowed else "本事项不允许代为承诺，须申请人本人承诺。")
        else:
            parts.append("本事项不适用告知承诺制。")
        return "".join(parts), {"stage": "item_detail", "item": self.summary()}

    def notice_message(self, index: int) -> Tuple[str, Dict[str, Any]]:
        """Notification section ``index`` (from 1) as the chat sends it (contract stage ``notice_section``)."""
        section = self.notice[index - 1]
        total = len(self.notice)
        text = notice_section_text(index, total, section.title, section.text)
        return text, {
            "stage": "notice_section",
            "item_code": self.code,
            "notice_version": self.notice_version,
            "index": index,
            "total": total,
            "title": section.title,
        }

    def _values(self, names: Tuple[str, ...], convert: Callable[[Any], Any] = lambda value: value) -> Dict[str, Any]:
        return {name: convert(getattr(self, name)) for name in names}

    def summary(self) -> Dict[str, Any]:
        """The contract's ``item`` object (docs/conversation-contract.md, stage ``item_detail``)."""
        return self._values(("code", "name", "kind", "department", "commitment_allowed", "proxy_allowed"))

    def to_dict(self) -> Dict[str, Any]:
        return {
            **self._values(("code", "name", "kind", "department", "level", "area", "legal_basis", "commitment_allowed",
                            "proxy_allowed", "public")),
            **self._values(("aliases", "phrasings", "replaces", "includes_proofs", "proofs_required"), list),
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
            "direct_safety_matter": self.direct_safety_matter,
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


def _direct_safety_matter(raw: Dict[str, Any], kind: str, where: str) -> Optional[str]:
    value = raw.get("direct_safety_matter")
    if value is None:
        return None
    if value not in DIRECT_SAFETY_MATTERS:
        raise _fail(where, "direct_safety_matter", f"must be one of {DIRECT_SAFETY_MATTERS} when given")
    if kind != "license":
        raise _fail(where, "direct_safety_matter", "only licence items carry the bar of 行政许可法第七十九条")
    return value


def _check_commitment_method(text: str, kind: str, proxy_allowed: bool, where: str) -> None:
    """Section 4 names the words the assistant accepts, and only those (五(三), 五(四))."""
    f = "notice[4].text"
    if f"“{self_words()}”" not in text:
        raise _fail(where, f, f"must tell the applicant to type “{self_words()}”, the words the assistant accepts")
    if proxy_allowed:
        if proxy_clause() not in text:
            raise _fail(where, f, f"proxy_allowed is true: must tell a proxy to type the accepted words: {proxy_clause()}")
    else:
        if NO_PROXY_CLAUSE not in text:
            raise _fail(where, f, f"proxy_allowed is false: must say '{NO_PROXY_CLAUSE}'")
        if "代为承诺”" in text or "特别授权的代理人" in text:
            raise _fail(where, f, "proxy_allowed is false: must not tell a proxy how to commit")
    if kind == "license" and enterprise_clause() not in text:
        raise _fail(where, f, f"a licence is applied for by enterprises: must say '{enterprise_clause()}'")


def _check_liability(text: str, kind: str, matter: Optional[str], where: str) -> None:
    f = "notice[5].text"
    if _UNSUPPORTED_BAR.search(text):
        raise _fail(where, f, "threatens a bar on commitment for a number of years that no law or rule of this "
                              "platform contains (the policy bars commitment only until credit repair)")
    cites_bar = bool(_STATUTORY_BAR.search(text)) or "第七十九条" in text
    if matter is None:
        if cites_bar:
            raise _fail(where, f, "cites the three-year bar of 行政许可法第七十九条, but the item records no "
                                  "direct_safety_matter (the bar applies only to such licences)")
    elif reapplication_bar_clause(matter) not in text:
        raise _fail(where, f, f"direct_safety_matter is {matter}: must state {reapplication_bar_clause(matter)}")


def _check_verification(text: str, plan: VerificationPlan, where: str) -> None:
    """Section 6 describes the plan ``api.verification.service`` executes: method, draw and time limit."""
    f = "notice[6].text"
    time_clause = verification_time_clause(plan.time_limit_days)
    if time_clause not in text:
        raise _fail(where, f, f"must give the verification time limit of the plan: '{time_clause}'")
    other_days = {int(n) for n in _WORKING_DAYS.findall(text)} - {plan.time_limit_days}
    if other_days:
        raise _fail(where, f, f"names a time limit of {sorted(other_days)} working days; the plan has "
                              f"{plan.time_limit_days} (verification.time_limit_days)")
    method_word = METHOD_WORDS[plan.method]
    if method_word not in text:
        raise _fail(where, f, f"verification.method is {plan.method}: must say '{method_word}'")
    scope = verification_scope_clause(plan.method, plan.sampling_rate)
    if scope not in text:
        raise _fail(where, f, f"verification.sampling_rate is {plan.sampling_rate:g}: must say '{scope}'")
    rest = text.replace(scope, "")
    if _PERCENT.search(rest) or "随机抽取" in rest:
        raise _fail(where, f, "states a sampling ratio other than verification.sampling_rate")
    if plan.sampling_rate < 1 and re.search(r"全部核查|均予核查|逐一核查|一律核查", rest):
        raise _fail(where, f, f"promises to check every commitment, but verification.sampling_rate is "
                              f"{plan.sampling_rate:g}")


def _check_disclosure(text: str, public: bool, days: Optional[int], where: str) -> None:
    """Section 7 promises what ``api.disclosure.service`` publishes, where, and for how long (五(六))."""
    f = "notice[7].text"
    if not public:
        if NOT_PUBLIC_CLAUSE not in text:
            raise _fail(where, f, f"public is false: must say '{NOT_PUBLIC_CLAUSE}'")
        if "公开内容" in text or "公开期限" in text:
            raise _fail(where, f, "public is false: must not describe a publication")
        return
    clause = disclosure_clause(days or DEFAULT_DISCLOSURE_DAYS)
    if clause not in text:
        raise _fail(where, f, f"public is true: must say exactly what the public list shows: '{clause}'")
    rest = text.replace(clause, "")
    if NOT_PUBLIC_CLAUSE in rest or "公开内容" in rest or "公开期限" in rest:
        raise _fail(where, f, "describes a publication other than the public list (disclosure_days, published fields)")


def _check_citizen_text(text: str, where: str, field_name: str) -> None:
    code = _INTERNAL_CODE.search(text)
    if code:
        raise _fail(where, field_name, f"contains the internal reference '{code.group(0)}'; the applicant reads this text")


def parse_item(raw: Any, source: str = "<memory>", *, check_promises: bool = True) -> Item:
    """Validate one item. ``check_promises=False`` skips only the checks that tie notice sections 4-7 to the
    data and to what the platform does; it is for reading back a version an applicant was already shown,
    which stays the record of what they read even after the rules for new versions tighten."""
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
            if check_promises:
                _check_citizen_text(text, where, f + ".text")
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
        if check_promises:
            _check_commitment_method(sections[3].text, kind, proxy_allowed, where)
            _check_liability(sections[4].text, kind, _direct_safety_matter(raw, kind, where), where)
            _check_verification(sections[5].text, verification, where)
            _check_disclosure(sections[6].text, public, _disclosure_days(raw, public, where), where)
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
        direct_safety_matter=_direct_safety_matter(raw, kind, where),
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
