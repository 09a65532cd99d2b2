"""The channels' signed evidence of a commitment, checked against the request and the API's own catalogue.

The action server couriers the evidence but cannot author it: the Rasa server's input channels signed the user's
messages and its output channels signed every notice section they delivered (``bot.core.evidence`` explains why
the channels sign). Here the API recomputes every MAC and refuses (HTTP 422) unless the envelopes tell the same
story as the request:

- ``evidence_invalid``: no channel evidence, or an envelope whose MAC, shape or time does not hold;
- ``channel_unknown``: the channel is not one the platform runs (``GZ_CHANNELS``);
- ``evidence_mismatch``: an envelope of another channel or sender, or an affirmation / "已阅读" whose signed text
  or time is not what the request says;
- ``notice_undelivered``: a section of this item and notice version without a delivery of exactly the text the
  API itself publishes for that version;
- ``evidence_out_of_order``: not sent -> delivered -> "已阅读" -> affirmation;
- ``clock_skew``: the affirmation's signed time far from the API's clock (an old or post-dated envelope);
- ``before_publication``: a time before the notice version was published;
- ``reading_too_fast``: "已阅读" sooner after the last delivery than ``GZ_MIN_READING_SECONDS``.

The hotline has no delivery envelopes: its deliveries are the read-aloud ticks the API recorded itself
(api/hotline, checked by the assisted-evidence rules), whose pace the console checks per section. Its user
messages are still signed by the hotline channel. Replay (one affirmation message, one commitment) and the
registered phone need the database and the shared-data adapter; ``api.commitments.service`` checks them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Sequence

from api.catalogue.models import ItemVersion
from api.clock import aware
from api.commitments.schemas import CommitmentRequest
from api.config import Settings
from api.errors import ApiError
from bot.core import evidence as rules
from bot.core.assisted import CHANNEL as HOTLINE
from bot.core.catalogue import Item

MESSAGES = {
    "evidence_invalid": "缺少渠道留存的有效证据，或证据已被改动，无法确认您收到了告知书并作出了承诺，本次不能记录承诺。请重新阅读告知书后再承诺。",
    "channel_unknown": "该办理渠道不在平台支持的范围内，不能记录承诺。",
    "evidence_mismatch": "渠道留存的证据与本次提交的承诺内容不一致（渠道、会话、承诺原话或时间不符），本次不能记录承诺。",
    "notice_undelivered": "渠道记录显示告知书还有部分未送达：须完整送达本版告知书的每一部分后才能承诺。",
    "evidence_out_of_order": "告知、确认已阅读和承诺的时间顺序不正确：须先逐部分送达告知书，再确认已阅读，最后承诺。",
    "clock_skew": "承诺时间与平台时间相差过大，可能已经过期，请重新确认后再承诺。",
    "before_publication": "证据中的时间早于这一版告知书的发布时间，不能记录承诺。",
    "reading_too_fast": "确认已阅读的时间距告知书送达太近，请完整阅读告知书后再确认。",
    "evidence_replayed": "这条承诺消息已经用于另一份承诺，不能重复使用。请重新作出承诺。",
    "phone_mismatch": "联系电话与实名登记的手机号码不一致，请填写本人实名登记的手机号码。",
}


def refusal(code: str) -> ApiError:
    return ApiError(422, code, MESSAGES[code])


@dataclass(frozen=True)
class Policy:
    """What the API accepts as evidence: the channels' key and the limits of ``Settings``."""

    key: bytes
    channels: FrozenSet[str]
    clock_skew: timedelta
    min_reading: timedelta

    @classmethod
    def from_settings(cls, settings: Settings) -> "Policy":
        return cls(
            key=_key(str(settings.evidence_key_file)),
            channels=settings.channel_names,
            clock_skew=timedelta(seconds=settings.evidence_clock_skew_seconds),
            min_reading=timedelta(seconds=settings.min_reading_seconds),
        )


@lru_cache(maxsize=8)
def _key(path: str) -> bytes:
    # Read once per process: the Rasa server and the API share the file; it is created 0600 if missing.
    return rules.load_or_create_key(Path(path))


@dataclass(frozen=True)
class Checked:
    """The verified envelopes, as the signed record keeps them (verbatim, MACs included, so an auditor holding
    the channel key can check them again)."""

    notice_ack: Dict[str, Any]
    affirmation: Dict[str, Any]
    deliveries: List[Dict[str, Any]]  # one per section, in section order; empty for the hotline

    @property
    def affirmation_message_id(self) -> str:
        return str(self.affirmation["message_id"])

    def record(self) -> Dict[str, Any]:
        return {"notice_ack": self.notice_ack, "affirmation": self.affirmation, "deliveries": self.deliveries}


def _verified(key: bytes, envelope: Mapping[str, Any], kind: str) -> Dict[str, Any]:
    try:
        body = rules.verify(key, envelope)
    except (rules.InvalidEvidence, TypeError, ValueError):
        # TypeError: a field of a type JSON allows but an envelope never has (a list as ``kind``).
        raise refusal("evidence_invalid") from None
    if body["kind"] != kind:
        raise refusal("evidence_invalid")
    return dict(envelope)


def _time(value: Any) -> datetime:
    moment = rules.parse_time(value)
    if moment is None:
        raise refusal("evidence_invalid")
    return moment


def check(
    request: CommitmentRequest,
    *,
    shown: ItemVersion,
    shown_item: Item,
    policy: Policy,
    now: datetime,
    read_aloud: Sequence[datetime] = (),
) -> Checked:
    """Every check of the module docstring, in that order; raises ``ApiError`` (422) on the first that fails.

    ``read_aloud``: the hotline's tick times (already checked against the API's session rows)."""
    given = request.evidence.channel_evidence
    if given is None:
        raise refusal("evidence_invalid")
    if request.channel not in policy.channels:
        raise refusal("channel_unknown")

    notice_ack = _verified(policy.key, given.envelope("notice_ack"), rules.MESSAGE)
    affirmation = _verified(policy.key, given.envelope("affirmation"), rules.MESSAGE)
    hotline = request.channel == HOTLINE
    # The hotline's notice was read aloud, not delivered by a channel; its ticks are the API's own rows.
    envelopes = [] if hotline else [_verified(policy.key, d, rules.DELIVERY) for d in given.delivery_envelopes()]

    evidence = request.evidence
    for envelope in [notice_ack, affirmation, *envelopes]:
        if envelope["channel"] != request.channel or envelope["sender"] != request.sender_id:
            raise refusal("evidence_mismatch")
    if affirmation["text"] != evidence.affirmation_text or _time(affirmation["at"]) != evidence.affirmation_at:
        raise refusal("evidence_mismatch")
    if _time(notice_ack["at"]) != evidence.notice_ack_at:
        raise refusal("evidence_mismatch")

    deliveries = [] if hotline else _deliveries(request, envelopes, shown_item)

    ack_at, affirmed_at = _time(notice_ack["at"]), _time(affirmation["at"])
    delivered = [(_time(d["sent_at"]), _time(d["delivered_at"])) for d in deliveries]
    if any(sent > arrived or arrived > ack_at for sent, arrived in delivered) or any(t > ack_at for t in read_aloud):
        raise refusal("evidence_out_of_order")
    if ack_at > affirmed_at:
        raise refusal("evidence_out_of_order")
    if abs(now - affirmed_at) > policy.clock_skew:
        raise refusal("clock_skew")
    published = aware(shown.created_at)
    earliest = min([ack_at, *(sent for sent, _ in delivered), *read_aloud])
    if earliest < published:
        raise refusal("before_publication")
    if delivered and ack_at - max(arrived for _, arrived in delivered) < policy.min_reading:
        raise refusal("reading_too_fast")
    return Checked(notice_ack=notice_ack, affirmation=affirmation, deliveries=deliveries)


def _deliveries(request: CommitmentRequest, envelopes: List[Dict[str, Any]], shown_item: Item) -> List[Dict[str, Any]]:
    """One verified delivery per section 1..total of exactly this item and version, each of the API's own text."""
    total = len(shown_item.notice)
    found = rules.deliveries_for(
        envelopes,
        channel=request.channel,
        sender=request.sender_id,
        item_code=shown_item.code,
        notice_version=request.notice_version,
    )
    if rules.missing_sections(found, total):
        raise refusal("notice_undelivered")
    chosen: List[Dict[str, Any]] = []
    for index, section in enumerate(shown_item.notice, 1):
        envelope = dict(found[index])
        expected = rules.text_sha256(rules.notice_section_text(index, total, section.title, section.text))
        if envelope["total"] != total or envelope["text_sha256"] != expected:
            raise refusal("notice_undelivered")
        chosen.append(envelope)
    return chosen


def registered_phone_problem(phone: str, registered: Sequence[Optional[str]]) -> bool:
    """True when a phone is registered for the people acting and ``phone`` is none of them.

    Where nobody acting has a registered number (an enterprise, or data the platform does not hold), the
    number cannot be checked and is accepted."""
    known = [number for number in registered if number]
    return bool(known) and phone not in known
