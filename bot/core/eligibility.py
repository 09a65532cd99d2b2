"""May this applicant use commitment for this item, and if not, why and what instead (R2, R3, R4, R5)?

The checks follow the policy in this order, and the first that applies is the reason given:

1. ``excluded`` (R2, 四 last paragraph): the item is in a high-risk category and never allows commitment.
2. ``declined`` (R3, 五(三)): the applicant chose the normal procedure — always their free choice.
3. ``proxy_not_allowed`` (R5, 五(三)): someone acts for the applicant on an item where the law does not
   allow a proxy commitment.
4. ``credit`` (R4, 五(三)): a serious bad-credit record or an earlier false commitment, not yet repaired.

Whatever the reason, the normal procedure stays open, so every decision carries the proofs it needs.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable, Mapping, Optional, Tuple

from bot.core.catalogue import Item

REASONS = ("excluded", "declined", "proxy_not_allowed", "credit")
CREDIT_STATUSES = ("clean", "repaired", "blocked")
SEVERITIES = ("一般", "较重", "严重")
FALSE_COMMITMENT = "虚假承诺"

# 五(三): "有较严重的不良信用记录" - 较重 and 严重 both reach that threshold; 一般 does not.
BLOCKING_SEVERITIES = frozenset({"较重", "严重"})

CREDIT_REPAIR_PLATFORM = "信用中国（河南郑州）"

# 四: how the policy names each high-risk category, for a sentence that reads naturally.
_EXCLUSION_WORDING = {
    "国家安全": "直接涉及国家安全",
    "国家秘密": "直接涉及国家秘密",
    "公共安全": "直接涉及公共安全",
    "金融业审慎监管": "直接涉及金融业审慎监管",
    "生态环境保护": "直接涉及生态环境保护",
    "直接关系人身健康": "直接关系人身健康",
    "直接关系生命财产安全": "直接关系生命财产安全",
    "重要涉外": "属于重要涉外事项",
}


def _is_repaired(repaired_at: object) -> bool:
    """A record counts as repaired when a repair date is recorded (a date, or an ISO date string)."""
    if repaired_at is None or repaired_at == "":
        return False
    if isinstance(repaired_at, (date, datetime)):
        return True
    if isinstance(repaired_at, str):
        try:
            date.fromisoformat(repaired_at.strip()[:10])
        except ValueError as exc:
            raise ValueError(f"repaired_at must be an ISO date (YYYY-MM-DD), got {repaired_at!r}") from exc
        return True
    raise ValueError(f"repaired_at must be None or a date, got {type(repaired_at).__name__}")


def is_blocking(record: Mapping) -> bool:
    """Whether a record, while unrepaired, bars commitment (R4): 较重/严重, or any false commitment."""
    severity = record.get("severity")
    if severity not in SEVERITIES:
        # An unknown grade must not silently count as harmless: the integrity file is wrong, say so.
        raise ValueError(f"credit record severity must be one of {SEVERITIES}, got {severity!r}")
    return severity in BLOCKING_SEVERITIES or record.get("type") == FALSE_COMMITMENT


def credit_status(records: Iterable[Mapping]) -> str:
    """The applicant's credit status for commitment (R4, R16, 五(三)).

    - ``blocked``: at least one blocking record (severity 较重 or 严重, or any 虚假承诺) is not repaired.
    - ``repaired``: there were blocking records and every one of them has been repaired (信用修复).
    - ``clean``: no blocking record at all.

    Choice: a 一般 (minor) record that is not a false commitment is not "较严重的不良信用记录" in the sense
    of 五(三), so it neither blocks nor makes the status ``repaired``; the status is ``clean``. Such records
    still matter for verification (R13 makes credit a factor of the verification plan), which reads the
    records themselves, not this status.
    """
    blocking = [r for r in records if is_blocking(r)]
    if not blocking:
        return "clean"
    if any(not _is_repaired(r.get("repaired_at")) for r in blocking):
        return "blocked"
    return "repaired"


@dataclass(frozen=True)
class Decision:
    """Eligibility for commitment; ``reason`` is the contract's ``not_eligible.reason`` when not eligible.

    ``proofs_required`` is always what the normal procedure needs (R3): the applicant may choose it at any
    point, so even an eligible decision carries it.
    """

    eligible: bool
    reason: Optional[str]
    proofs_required: Tuple[str, ...]


def decide(
    item: Item,
    *,
    use_commitment: Optional[bool] = None,
    acting_as: Optional[str] = None,
    credit: Optional[str] = None,
) -> Decision:
    """Decide with what is known so far; an answer not yet given (``None``) does not stop the journey.

    The journey calls this after each answer, so an excluded item is refused before any question is
    asked, and a proxy is stopped before giving personal data for an item that does not allow proxies.
    """
    if acting_as not in (None, "self", "proxy"):
        raise ValueError(f"acting_as must be None, 'self' or 'proxy', got {acting_as!r}")
    if credit not in (None, *CREDIT_STATUSES):
        raise ValueError(f"credit must be None or one of {CREDIT_STATUSES}, got {credit!r}")
    proofs = tuple(item.proofs_required)
    if not item.commitment_allowed:
        return Decision(False, "excluded", proofs)
    if use_commitment is False:
        return Decision(False, "declined", proofs)
    if acting_as == "proxy" and not item.proxy_allowed:
        return Decision(False, "proxy_not_allowed", proofs)
    if credit == "blocked":
        return Decision(False, "credit", proofs)
    return Decision(True, None, proofs)


def numbered(lines: Iterable[str]) -> str:
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1))


def explain(decision: Decision, item: Item) -> str:
    """What the applicant is told, in respectful plain Chinese, with the proofs as a numbered list."""
    name = f"“{item.name}”"
    proofs = f"请准备以下材料，到{item.department}办理：\n{numbered(decision.proofs_required)}"
    if decision.eligible:
        replaced = "、".join(item.covers)
        return (
            f"{name}可以采用告知承诺方式办理：您承诺后，不用再提交{replaced}。"
            f"是否承诺由您自己决定；如果不承诺，就按一般程序办理，{proofs}"
        )
    if decision.reason == "excluded":
        category = item.exclusion_category or ""
        wording = _EXCLUSION_WORDING.get(category, f"属于{category}领域")
        reason = f"{item.exclusion_reason.rstrip('。')}。" if item.exclusion_reason else ""
        rule = (
            "按照郑州市告知承诺制实施方案第四部分的规定，"
            "这类风险较大、纠错成本较高、损害难以挽回的事项不适用告知承诺制。"
        )
        if "不适用告知承诺制" in reason:  # the catalogue's reason already cites the rule: say it once
            rule = ""
        return f"很抱歉，{name}{wording}。{rule}{reason}\n这个事项请按一般程序办理，{proofs}"
    if decision.reason == "declined":
        return f"好的，尊重您的选择。不承诺也完全可以办，按一般程序办理就行，{proofs}"
    if decision.reason == "proxy_not_allowed":
        return (
            f"{name}依法不能由他人代为承诺，需要申请人本人来作出承诺。"
            f"请申请人本人办理（可以本人在这里办理，也可以到{item.department}窗口办理）。\n"
            f"如果不采用承诺方式，也可以按一般程序办理，{proofs}"
        )
    if decision.reason == "credit":
        return (
            "根据信用记录，目前暂时不能采用告知承诺方式办理。依据实施方案第五部分第（三）项，"
            "有较严重的不良信用记录或者曾作出虚假承诺的，在信用修复前不适用告知承诺制。\n"
            f"这不影响您办事，按一般程序照常可以办理，{proofs}\n"
            "如需恢复使用承诺方式，可以向作出这条信用记录的部门申请信用修复，"
            f"也可以通过“{CREDIT_REPAIR_PLATFORM}”网站申请。信用修复完成后，就可以再次选择承诺方式办理。"
        )
    raise ValueError(f"unknown decision reason {decision.reason!r}")
