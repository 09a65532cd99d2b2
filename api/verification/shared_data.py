"""Online verification through shared data (在线核查, R12, 五(五)(六)).

The verification service asks one ``SharedDataAdapter`` whether what a commitment replaced is true. The
adapter answers ``true`` (属实), ``false`` (不实) or ``unknown`` (the data cannot tell: check on site or ask
another authority to assist, 五(六)), with the evidence it relied on. The officer records the result; an
adapter never decides a case by itself.

The shipped ``LocalSharedDataAdapter`` reads the ``shared_data_records`` table, which ``python -m api.cli
seed-demo`` fills for the demo identities.

An adapter may also offer ``registered_phone(id_number) -> Optional[str]``: the real-name (实名) mobile number the
platform holds for a person. A commitment whose phone is not that number is refused (``phone_mismatch``); where it
returns None, or the adapter has no such method, the phone is accepted unchecked. A deployment connected to the city's data-sharing platform
(一网通办 / 共享交换平台) writes its own class with the same ``check`` method and names it in
``GZ_SHARED_DATA_ADAPTER`` (``package.module.ClassName``); the class is built with the keyword arguments
``session`` (SQLAlchemy session) and ``id_hash_key`` (bytes), which it may ignore.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Dict, List, Optional, Protocol, Tuple, runtime_checkable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from api.credit.service import id_hash
from api.commitments import sealed
from api.verification.models import RegisteredPhone, SharedDataRecord
from bot.core import ids
from bot.core.catalogue import Item

VERDICTS = ("true", "false", "unknown")
DEFAULT_ADAPTER = "api.verification.shared_data.LocalSharedDataAdapter"

SOURCE_NAMES = {
    "housing_ownership": "不动产登记（住房权属）",
    "household_registration": "户籍登记",
    "social_insurance": "社会保险参保",
    "enterprise_registration": "市场主体登记",
}


@dataclass(frozen=True)
class CommitmentFacts:
    """What an adapter may know about a commitment: taken from the signed record, held only in memory."""

    commitment_no: str
    item_code: str
    applicant_name: str
    applicant_id: str
    applicant_id_type: str  # resident_id | uscc
    committed_on: date


@dataclass(frozen=True)
class Outcome:
    verdict: str  # true | false | unknown
    summary: str  # one plain Chinese sentence for the officer
    evidence: List[Dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, got {self.verdict!r}")


@runtime_checkable
class SharedDataAdapter(Protocol):
    def check(self, commitment: CommitmentFacts, item: Item) -> Outcome:
        """Compare what the commitment replaced with the shared data; never raise for missing data."""


class AdapterConfigError(RuntimeError):
    pass


def load_adapter(dotted: str, **context: Any) -> SharedDataAdapter:
    """Build the adapter named by ``GZ_SHARED_DATA_ADAPTER`` (``package.module.ClassName``)."""
    module_name, _, attribute = dotted.replace(":", ".").rpartition(".")
    if not module_name:
        raise AdapterConfigError(f"GZ_SHARED_DATA_ADAPTER must be package.module.ClassName, got {dotted!r}")
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise AdapterConfigError(f"GZ_SHARED_DATA_ADAPTER={dotted!r} cannot be imported: {exc}") from exc
    adapter = factory(**context)
    if not isinstance(adapter, SharedDataAdapter):
        raise AdapterConfigError(f"{dotted} has no check(commitment, item) method")
    return adapter


# --- the shipped adapter --------------------------------------------------------------------------------

Rule = Callable[["LocalSharedDataAdapter", CommitmentFacts], Outcome]


def _evidence(source: str, row: SharedDataRecord, finding: str) -> Dict[str, Any]:
    return {
        "source": source,
        "source_name": SOURCE_NAMES[source],
        "provider": row.provider,
        "as_of": row.as_of.isoformat(),
        "finding": finding,
    }


def _no_data(source: str) -> Outcome:
    return Outcome(
        "unknown",
        f"{SOURCE_NAMES[source]}数据中没有该申请人的记录，无法在线核查，请现场核查或请求数据所属部门协助核查。",
    )


# Asked on every code sent and every commitment, so built once: a statement built for each call costs
# SQLAlchemy more than running it. ``subject_hash`` is unique, so the one sealed value is all that is needed.
_SEALED_PHONE_OF = select(RegisteredPhone.phone_sealed).where(RegisteredPhone.subject_hash == bindparam("subject"))


class LocalSharedDataAdapter:
    """Verifies against the local ``shared_data_records`` table (demo data seeded by ``seed-demo``)."""

    name = "local"

    def __init__(self, session: Session, id_hash_key: bytes, **_ignored: Any) -> None:
        self.session = session
        self.id_hash_key = id_hash_key

    def _row(self, source: str, commitment: CommitmentFacts) -> Optional[SharedDataRecord]:
        subject = id_hash(commitment.applicant_id, self.id_hash_key)
        return self.session.scalars(
            select(SharedDataRecord).where(SharedDataRecord.source == source, SharedDataRecord.subject_hash == subject)
        ).first()

    # Each rule compares one replaced proof or licence condition with one source.

    def _no_housing(self, commitment: CommitmentFacts) -> Outcome:
        # ZM001 replaces 家庭住房情况证明（无房证明）.
        row = self._row("housing_ownership", commitment)
        if row is None:
            return _no_data("housing_ownership")
        count = int(row.facts.get("properties", 0))
        if count == 0:
            return Outcome("true", "不动产登记中没有申请人名下的住房，与“无房”承诺一致。",
                           [_evidence("housing_ownership", row, "名下住房 0 套")])
        places = "、".join(row.facts.get("locations", [])) or "登记地未载明"
        return Outcome("false", f"不动产登记显示申请人名下有住房 {count} 套（{places}），与“无房”承诺不符。",
                       [_evidence("housing_ownership", row, f"名下住房 {count} 套：{places}")])

    def _stable_residence(self, commitment: CommitmentFacts) -> Outcome:
        # ZM010 replaces 合法稳定住所证明: owning a home proves it; not owning one does not disprove it (renting).
        row = self._row("housing_ownership", commitment)
        if row is not None and int(row.facts.get("properties", 0)) > 0:
            return Outcome("true", "不动产登记显示申请人在本市有自有住房，合法稳定住所属实。",
                           [_evidence("housing_ownership", row, f"名下住房 {row.facts['properties']} 套")])
        return Outcome("unknown", "申请人名下无住房登记，可能为租住，请核对租赁登记备案或现场核查。",
                       [_evidence("housing_ownership", row, "名下住房 0 套")] if row is not None else [])

    def _household_in_city(self, commitment: CommitmentFacts) -> Outcome:
        # ZM008 replaces 户籍证明.
        row = self._row("household_registration", commitment)
        if row is None:
            return _no_data("household_registration")
        place = f"{row.facts.get('city', '')}{row.facts.get('district', '')}"
        if row.facts.get("city") == "郑州市":
            return Outcome("true", f"户籍登记在{place}，与承诺一致。",
                           [_evidence("household_registration", row, f"户籍地 {place}")])
        return Outcome("false", f"户籍登记在{place}，不在郑州市，与承诺不符。",
                       [_evidence("household_registration", row, f"户籍地 {place}")])

    def _employment_ended(self, commitment: CommitmentFacts) -> Outcome:
        # ZM007 replaces 解除或终止劳动关系证明: the employer stops paying social insurance when it ends.
        row = self._row("social_insurance", commitment)
        if row is None:
            return _no_data("social_insurance")
        status = row.facts.get("status")
        employer = row.facts.get("employer", "")
        if status == "stopped":
            return Outcome("true", f"社会保险显示原单位{employer}已于{row.facts.get('stopped_on', '')}停止缴费，劳动关系已解除。",
                           [_evidence("social_insurance", row, f"{employer} 停保 {row.facts.get('stopped_on', '')}")])
        if status == "contributing":
            return Outcome("false", f"社会保险显示{employer}仍在为申请人正常缴费，与“已解除劳动关系”的承诺不符。",
                           [_evidence("social_insurance", row, f"{employer} 正常缴费")])
        return Outcome("unknown", "社会保险参保状态无法判断劳动关系是否解除，请向用人单位核实。",
                       [_evidence("social_insurance", row, f"参保状态 {status}")])

    def _enterprise_active(self, commitment: CommitmentFacts, *, min_capital_wan: Optional[int] = None) -> Outcome:
        row = self._row("enterprise_registration", commitment)
        if row is None:
            return _no_data("enterprise_registration")
        status = row.facts.get("status")
        if status != "存续":
            return Outcome("false", f"市场主体登记状态为“{status}”，不能从事所承诺的经营活动。",
                           [_evidence("enterprise_registration", row, f"登记状态 {status}")])
        if min_capital_wan is not None:
            capital = row.facts.get("registered_capital_wan")
            finding = f"登记状态 存续，注册资本 {capital} 万元"
            if capital is None:
                return Outcome("unknown", "登记信息中没有注册资本，请核对营业执照。",
                               [_evidence("enterprise_registration", row, "登记状态 存续，注册资本未载明")])
            if capital < min_capital_wan:
                return Outcome("false", f"注册资本 {capital} 万元，低于许可条件要求的 {min_capital_wan} 万元。",
                               [_evidence("enterprise_registration", row, finding)])
            return Outcome("true", f"注册资本 {capital} 万元，不低于 {min_capital_wan} 万元，登记状态存续。",
                           [_evidence("enterprise_registration", row, finding)])
        return Outcome("unknown", "市场主体登记状态存续；所承诺的场所、设施等条件共享数据无法判断，请现场核查。",
                       [_evidence("enterprise_registration", row, "登记状态 存续")])

    def _labour_dispatch(self, commitment: CommitmentFacts) -> Outcome:
        # XK007: 《劳务派遣行政许可实施办法》第六条 requires registered capital of at least 200万元.
        return self._enterprise_active(commitment, min_capital_wan=200)

    RULES: Dict[str, Rule] = {
        "ZM001": _no_housing,
        "ZM007": _employment_ended,
        "ZM008": _household_in_city,
        "ZM010": _stable_residence,
        "XK007": _labour_dispatch,
    }

    def registered_phone(self, id_number: str) -> Optional[str]:
        """The 实名 mobile number held for ``id_number``, or None where none is held."""
        subject = id_hash(id_number, self.id_hash_key)
        phone_sealed = self.session.scalar(_SEALED_PHONE_OF, {"subject": subject})
        if phone_sealed is None:
            return None
        return sealed.ring_of(self.session).open(phone_sealed, _phone_aad(subject))

    def check(self, commitment: CommitmentFacts, item: Item) -> Outcome:
        rule = self.RULES.get(item.code)
        if rule is not None:
            return rule(self, commitment)
        if commitment.applicant_id_type == "uscc":
            return self._enterprise_active(commitment)
        replaced = "、".join(item.covers)
        return Outcome(
            "unknown",
            f"共享数据中没有可以核对“{replaced}”的数据，请现场核查或请求有关部门协助核查。",
        )


# --- demo shared data (docs/demo-identities.md; fictional) ----------------------------------------------

# (id_number, source, facts, provider). 王芳 owns a home, so her 公共租赁住房 commitment ("无房") is 不实;
# 刘洋's employer still pays his social insurance, so a 失业保险金 commitment by him is 不实 (R14 demos).
DEMO_SHARED_DATA: List[Tuple[str, str, Dict[str, Any], str]] = [
    ("410105199001011233", "housing_ownership", {"properties": 0}, "市不动产登记中心"),
    ("410105199001011233", "household_registration", {"city": "郑州市", "district": "金水区"}, "市公安局"),
    ("410105199001011233", "social_insurance", {"status": "stopped", "employer": "郑州某商贸有限公司", "stopped_on": "2026-09-30"}, "市人力资源和社会保障局"),
    ("410102198505052342", "housing_ownership", {"properties": 0}, "市不动产登记中心"),
    ("410102198505052342", "household_registration", {"city": "郑州市", "district": "中原区"}, "市公安局"),
    ("410184197803154566", "housing_ownership", {"properties": 1, "locations": ["郑州市中原区（2019年登记）"]}, "市不动产登记中心"),
    ("410184197803154566", "household_registration", {"city": "郑州市", "district": "新郑市"}, "市公安局"),
    ("410103196208085671", "housing_ownership", {"properties": 0}, "市不动产登记中心"),
    ("410103196208085671", "household_registration", {"city": "郑州市", "district": "二七区"}, "市公安局"),
    ("410103196208085671", "social_insurance", {"status": "retired", "employer": ""}, "市人力资源和社会保障局"),
    ("410105200002291113", "housing_ownership", {"properties": 0}, "市不动产登记中心"),
    ("410105200002291113", "social_insurance", {"status": "contributing", "employer": "郑州某科技有限公司"}, "市人力资源和社会保障局"),
    ("91410100MA44XK7L3D", "enterprise_registration", {"status": "存续", "registered_capital_wan": 50}, "市市场监督管理局"),
    ("91410105MA9F0Q2W1A", "enterprise_registration", {"status": "存续", "registered_capital_wan": 500}, "市市场监督管理局"),
    ("92410102MA45T8UP0E", "enterprise_registration", {"status": "存续"}, "市市场监督管理局"),
]
DEMO_AS_OF = date(2026, 11, 1)

# The real-name mobile numbers of the demo people (fictional 1380013xxxx numbers, and the two the e2e journeys
# type). 王芳 and the enterprises have none, which shows the rule where nothing is registered: accepted.
DEMO_PHONES: List[Tuple[str, str]] = [
    ("410105199001011233", "13800138000"),  # 张伟
    ("410102198505052342", "13800132342"),  # 李娜
    ("410103196208085671", "13800135671"),  # 赵强
    ("410105200002291113", "13912345678"),  # 刘洋
    # An enterprise's registered number is its legal representative's 实名 mobile, as the market-regulation
    # register holds it: the code for an enterprise acting for itself reaches the person who may commit for it.
    ("91410100MA44XK7L3D", "13700137000"),  # 郑州好味餐饮管理有限公司
    ("91410105MA9F0Q2W1A", "13700130001"),  # 郑州速达物流有限公司
    ("92410102MA45T8UP0E", "13700130002"),  # 二七区老街便利店（个体工商户）
]
PHONE_PROVIDER = "通信管理局（电话用户实名登记）"


def _phone_aad(subject_hash: str) -> bytes:
    # Bound to the person, so a sealed number copied to another row does not open there.
    return b"registered_phone:" + subject_hash.encode("ascii")


def seed_demo(session: Session, key: bytes) -> List[str]:
    """The demo shared-data rows; running it again adds nothing."""
    added: List[str] = []
    for id_number, source, facts, provider in DEMO_SHARED_DATA:
        subject = id_hash(id_number, key)
        exists = session.scalars(
            select(SharedDataRecord.id).where(SharedDataRecord.source == source, SharedDataRecord.subject_hash == subject)
        ).first()
        if exists is None:
            session.add(SharedDataRecord(source=source, subject_hash=subject, facts=facts, provider=provider, as_of=DEMO_AS_OF))
            added.append(f"shared data {source} {ids.mask_id(id_number)}")
    ring = sealed.ring_of(session)
    for id_number, phone in DEMO_PHONES:
        subject = id_hash(id_number, key)
        if session.scalars(select(RegisteredPhone.id).where(RegisteredPhone.subject_hash == subject)).first() is None:
            session.add(RegisteredPhone(
                subject_hash=subject, phone_sealed=ring.seal(phone, _phone_aad(subject)),
                provider=PHONE_PROVIDER, as_of=DEMO_AS_OF,
            ))
            added.append(f"registered phone {ids.mask_id(id_number)} {ids.mask_phone(phone)}")
    session.flush()
    return added
