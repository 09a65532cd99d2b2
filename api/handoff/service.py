"""Human handoff: the waiting queue, a staff member taking a conversation over, and handing it back.

How it works with Rasa (one record of the conversation, its tracker):

- the action server queues a conversation (``enqueue``) when the citizen says "转人工", after two fallbacks
  in a row, or after three failed answers to one question (actions/handoff.py); the citizen is told a person
  will answer (contract stage ``handoff``);
- ``take``: a ``pause`` event stops the bot for that sender (Rasa logs the citizen's messages and predicts
  nothing) and the citizen is told a person has joined;
- ``send``: the staff member's message is appended as a bot event with ``execute_side_effects`` through the
  conversation's own channel: the socket.io widget and WeChat (customer-service messages) get a push; REST has
  no push, so bot/channels/rest.py delivers such messages with the citizen's next REST reply;
- ``release``: a ``resume`` event hands the conversation back; the journey's slots and open form were never
  touched, so the bot continues where the journey was, and its pending question is asked again. A question the
  citizen asked the person is answered by the person before that: hand-back is refused while the citizen's
  last words to the person ask something and got no reply, unless the agent states that none is needed (the
  design that keeps every answer with whoever was asked; replaying the question to the bot after hand-back
  could let a message written to a person count as an answer to the journey's pending question).

The queue at volume: newest first, with a preview of the citizen's last words (numbers masked),
filters by channel and reason, a search by a word of the preview, claiming the oldest, closing several at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Dict, List, Optional

from sqlalchemy import func, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from api.audit import service as audit
from api.catalogue import service as catalogue
from api.auth.service import Principal
from api.clock import aware, china_iso
from api.database import begin_write, transaction
from api.errors import ApiError
from api.handoff import transcript
from api.handoff.models import CHANNELS, PUSH_CHANNELS, HandoffMessage, HandoffRequest
from api.handoff.rasa import RasaLink, RasaUnavailable
from api.personal_text import mask_ids
from bot.core.textnorm import normalize

REASONS = ("user_request", "repeated_fallback", "repeated_invalid")
REASON_LABELS = {"user_request": "用户要求转人工", "repeated_fallback": "连续两次未能理解", "repeated_invalid": "同一项连续三次填写有误"}
# The channels Rasa listens on (bot/credentials.yml: the input channels' names) and what an agent calls them.
# A request naming anything else is refused: the queue shows only channels a reply can actually go through.
# Channels Rasa can push to (an output channel that sends); the others get staff messages with their next reply.
CHANNEL_LABELS = CHANNELS
UNKNOWN_CHANNEL_LABEL = "未知渠道"
OPEN = ("waiting", "active")
STATUSES = ("waiting", "active", "closed")
PREVIEW_CHARS = 200

CONNECTED_TEXT = "人工客服已接入，您好，我是郑州12345政务服务工作人员，请问有什么可以帮您？"
RETURNED_TEXT = "人工服务已结束，接下来由智能助手继续为您办理；您之前填写的信息都保留着。"
DISMISSED_TEXT = ("这次转人工的请求已由工作人员关闭，您可以继续和智能助手办理，您之前填写的信息都保留着；"
                  "仍需要人工帮助的，可以再说“转人工”，或拨打12345政务服务便民热线。")
DISMISS_REASONS = {"resolved": "问题已解决", "left": "用户已离开", "duplicate": "重复请求", "other": "其他"}


def mask_sender(sender_id: str) -> str:
    """A conversation id as staff see it (P5): enough to tell two apart, not enough to reuse."""
    if len(sender_id) <= 8:
        return sender_id[:2] + "…"
    return f"{sender_id[:4]}…{sender_id[-4:]}"


def _bot_event(text: str, custom: Dict[str, Any], request_id: int, source: str, now: datetime) -> Dict[str, Any]:
    return {
        "event": "bot",
        "text": text,
        "data": {"custom": custom},
        "metadata": {transcript.HANDOFF_KEY: {"id": request_id, "from": source}},
        "timestamp": aware(now).timestamp(),
    }


def _staff_message(text: str, kind: str, request_id: int, now: datetime) -> Dict[str, Any]:
    # An extra stage (the contract's stage names are fixed; extra ones are only added): a message from a person.
    return _bot_event(text, {"stage": "staff_message", "kind": kind}, request_id, "staff", now)


# --- the queue --------------------------------------------------------------------------------------------


def check_channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise ApiError(422, "unknown_channel", "渠道不在已接入的渠道之列（" + "、".join(CHANNELS) + "）。")
    return channel


def preview_of(text: Optional[str]) -> Optional[str]:
    """What an agent may read of the citizen's words in a list: one line, ID, credit-code and mobile numbers
    masked (P5), control characters dropped, at most ``PREVIEW_CHARS`` characters (the end kept: the latest)."""
    if not text:
        return None
    line = "".join(ch if ch.isprintable() else " " for ch in text[-4 * PREVIEW_CHARS:])
    line = " ".join(line.split())
    line = audit.scrub(mask_ids(line))
    if len(line) > PREVIEW_CHARS:
        line = "…" + line[-(PREVIEW_CHARS - 1):]
    return line or None


def _set_preview(row: HandoffRequest, text: Optional[str]) -> None:
    preview = preview_of(text)
    if preview:
        row.preview, row.search_text = preview, _search_key(preview)


def _search_key(text: str) -> str:
    return normalize(text, limit=4 * PREVIEW_CHARS).lower()


@dataclass
class Queued:
    """What ``enqueue`` did: the conversation's request, and whether it was already open before this call."""

    row: HandoffRequest
    existing: bool

    @property
    def already_waiting(self) -> bool:
        return self.existing and self.row.status == "waiting"


def _open_request(session: Session, sender_id: str) -> Optional[HandoffRequest]:
    # Waiting before active: a waiting one holds the conversation's place in the queue.
    return session.scalars(
        select(HandoffRequest).where(HandoffRequest.sender_id == sender_id, HandoffRequest.status.in_(OPEN))
        .order_by(HandoffRequest.status.desc(), HandoffRequest.id).limit(1)
    ).first()


def enqueue(session: Session, sender_id: str, channel: str, reason: str, now: datetime,
            message: Optional[str] = None) -> Queued:
    """Queue a conversation; one open request per sender (asking again while waiting keeps the place, and
    brings the preview up to date).

    Exact under concurrency: on SQLite the transaction holds the write lock from its first read, so a second
    call waits and then finds the first one's request; on PostgreSQL both may find none, and the partial unique
    index (one waiting request per sender, migration 0018) refuses the second insert, which then finds the
    first one's request. Asking again is counted in the database (``asked_times + 1``), so no count is lost."""
    check_channel(channel)
    for _ in range(3):
        begin_write(session)
        row = _open_request(session, sender_id)
        if row is not None:
            session.execute(
                update(HandoffRequest).where(HandoffRequest.id == row.id)
                .values(asked_times=HandoffRequest.asked_times + 1)
            )
            session.refresh(row)
            _set_preview(row, message)
            session.flush()
            return Queued(row, existing=True)
        row = HandoffRequest(sender_id=sender_id, channel=channel, reason=reason, status="waiting", created_at=now,
                             asked_times=1)
        _set_preview(row, message)
        try:
            # A savepoint: losing the race undoes this insert only, not the request's transaction.
            with session.begin_nested():
                session.add(row)
                session.flush()
        except IntegrityError:
            continue  # another call queued this conversation first: answer with its request
        return Queued(row, existing=False)
    raise ApiError(503, "handoff_busy", "转人工请求暂时没有处理成功，请稍后再试。")


def position(session: Session, row: HandoffRequest) -> int:
    if row.status != "waiting":
        return 0
    earlier = session.scalars(
        select(HandoffRequest.id).where(HandoffRequest.status == "waiting", HandoffRequest.id <= row.id)
    ).all()
    return len(earlier)


def waited_seconds(row: HandoffRequest, now: datetime) -> int:
    until = row.taken_at if row.taken_at is not None else (row.closed_at or now)
    return max(0, int((aware(until) - aware(row.created_at)).total_seconds()))


def view(row: HandoffRequest, now: datetime) -> Dict[str, Any]:
    return {
        "id": row.id,
        "channel": row.channel,
        # A row queued before channels were checked may name something else: shown as unknown, never as typed.
        "channel_label": CHANNELS.get(row.channel, UNKNOWN_CHANNEL_LABEL),
        "push": row.channel in PUSH_CHANNELS,
        "sender": mask_sender(row.sender_id),
        "reason": row.reason,
        "reason_label": REASON_LABELS.get(row.reason, "其他原因"),
        "status": row.status,
        "asked_times": row.asked_times,
        "created_at": china_iso(row.created_at),
        "waited_seconds": waited_seconds(row, now),
        "taken_by": row.taken_by,
        "taken_at": china_iso(row.taken_at) if row.taken_at else None,
        "closed_at": china_iso(row.closed_at) if row.closed_at else None,
        "preview": row.preview,
    }


def counts(session: Session) -> Dict[str, int]:
    rows = session.execute(
        select(HandoffRequest.status, func.count()).where(HandoffRequest.status.in_(OPEN)).group_by(HandoffRequest.status)
    ).all()
    found = {status: n for status, n in rows}
    return {"waiting": found.get("waiting", 0), "active": found.get("active", 0)}


def queue(session: Session, now: datetime, recent_closed: int = 10) -> Dict[str, Any]:
    """Every open request, newest first, and the last few closed."""
    open_rows = session.scalars(
        select(HandoffRequest).where(HandoffRequest.status.in_(OPEN))
        .order_by(HandoffRequest.created_at.desc(), HandoffRequest.id.desc())
    ).all()
    closed = session.scalars(
        select(HandoffRequest).where(HandoffRequest.status == "closed").order_by(HandoffRequest.id.desc()).limit(recent_closed)
    ).all()
    return {
        "now": china_iso(now),
        "counts": counts(session),
        "waiting": [view(r, now) for r in open_rows if r.status == "waiting"],
        "active": [view(r, now) for r in open_rows if r.status == "active"],
        "closed": [view(r, now) for r in closed],
    }


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filtered(status: str, channel: Optional[str], reason: Optional[str], q: Optional[str]):
    """The WHERE clauses of a filtered view: every word of ``q`` must be in the preview."""
    clauses = [HandoffRequest.status == status]
    if channel:
        clauses.append(HandoffRequest.channel == channel)
    if reason:
        clauses.append(HandoffRequest.reason == reason)
    for term in _search_key(q or "").split()[:5]:
        clauses.append(HandoffRequest.search_text.like(_like(term), escape="\\"))
    return clauses


def page(session: Session, now: datetime, status: str, channel: Optional[str], reason: Optional[str],
         q: Optional[str], offset: int, limit: int) -> Dict[str, Any]:
    """One page of requests in ``status``, newest first (closed: most recently closed first)."""
    clauses = _filtered(status, channel, reason, q)
    total = session.scalar(select(func.count()).select_from(HandoffRequest).where(*clauses)) or 0
    order = ((HandoffRequest.closed_at.desc(), HandoffRequest.id.desc()) if status == "closed"
             else (HandoffRequest.created_at.desc(), HandoffRequest.id.desc()))
    rows = session.scalars(select(HandoffRequest).where(*clauses).order_by(*order).offset(offset).limit(limit)).all()
    return {"now": china_iso(now), "status": status, "total": total, "offset": offset, "limit": limit,
            "counts": counts(session), "items": [view(r, now) for r in rows]}


def labels() -> Dict[str, Any]:
    def listed(table: Dict[str, str]) -> List[Dict[str, str]]:
        return [{"value": k, "label": v} for k, v in table.items()]

    return {"channels": listed(CHANNELS), "reasons": listed(REASON_LABELS), "dismiss_reasons": listed(DISMISS_REASONS)}


def get(session: Session, request_id: int) -> HandoffRequest:
    row = session.get(HandoffRequest, request_id)
    if row is None:
        raise ApiError(404, "unknown_handoff", "没有这个转人工请求。")
    return row


def detail(session: Session, rasa: RasaLink, who: Principal, row: HandoffRequest, now: datetime) -> Dict[str, Any]:
    """The request with the conversation so far (masked), read from the tracker; reading it is audited (P5)."""
    tracker = rasa.tracker(row.sender_id)
    _after_rasa(session)
    messages = session.scalars(
        select(HandoffMessage).where(HandoffMessage.request_id == row.id).order_by(HandoffMessage.id)
    ).all()
    # The tracker is the record: the list's preview follows what the citizen has written since queuing.
    latest = transcript.citizen_texts(tracker)
    if latest and row.status != "closed":
        _set_preview(row, " / ".join(latest))
    audit.record(session, who, "handoff.read", f"handoff:{row.id}", {"channel": row.channel}, at=now)
    journey = transcript.journey_state(tracker)
    shown = catalogue.current_version(session, journey["item"]) if journey["item"] else None
    journey["item_name"] = (shown.content or {}).get("name") if shown is not None else None
    return {
        **view(row, now),
        "journey": journey,
        "transcript": transcript.entries(tracker),
        "unanswered": transcript.unanswered(tracker) if row.status == "active" else [],
        "staff_messages": [{"at": china_iso(m.at), "staff": m.staff, "delivery": m.delivery} for m in messages],
    }


# --- taking over, talking, handing back -------------------------------------------------------------------


def _after_rasa(session: Session) -> None:
    """Before writing what a call to Rasa answered: the request was read before the call, and on SQLite (WAL) a
    transaction that read before another connection's commit cannot write afterwards (the console polls, and
    audits, while Rasa works). ``begin_write`` ends that read - nothing was written, nothing is committed - and
    takes the write lock, without holding it while Rasa works."""
    begin_write(session)


def _from_waiting(factory: sessionmaker[Session], rasa: RasaLink, row: HandoffRequest, values: Dict[str, Any],
                  events: List[Dict[str, Any]], refused: Callable[[HandoffRequest], ApiError]) -> None:
    """Move a waiting request on (``values``) and tell Rasa (``events``), or neither.

    Claimed with a conditional update, so two staff members clicking at once cannot both act on it; if Rasa
    cannot take the events, the request goes back to waiting and nothing changed there either. The claim and
    its undoing each own a short transaction of their own: the claim must be committed before Rasa is told (a
    second click must find it taken), and no lock may be held while Rasa works (the console polls, and audits,
    meanwhile)."""
    with transaction(factory) as claim:
        claimed = claim.execute(
            update(HandoffRequest).where(HandoffRequest.id == row.id, HandoffRequest.status == "waiting")
            .values(**values)
        ).rowcount
        if claimed != 1:
            raise refused(claim.get(HandoffRequest, row.id) or row)
    try:
        rasa.append(row.sender_id, events, output_channel=row.channel)
    except ApiError:
        with transaction(factory) as undo:
            undo.execute(
                update(HandoffRequest).where(HandoffRequest.id == row.id)
                .values(status="waiting", **{column: None for column in values if column != "status"})
            )
        raise


def _audited(factory: sessionmaker[Session], who: Principal, action: str, row: HandoffRequest,
             detail: Dict[str, Any], now: datetime) -> HandoffRequest:
    """The audit row of a move ``_from_waiting`` made, in a transaction of its own like the move; the request as
    it is now."""
    with transaction(factory) as after:
        audit.record(after, who, action, f"handoff:{row.id}", detail, at=now)
        current = after.get(HandoffRequest, row.id)
    return current if current is not None else row


def take(factory: sessionmaker[Session], rasa: RasaLink, who: Principal, row: HandoffRequest,
         now: datetime) -> HandoffRequest:
    _from_waiting(
        factory, rasa, row, {"status": "active", "taken_by": who.actor, "taken_at": now},
        [{"event": "pause", "timestamp": aware(now).timestamp()}, _staff_message(CONNECTED_TEXT, "connected", row.id, now)],
        lambda r: ApiError(409, "already_taken", f"这个请求已由{r.taken_by or '其他工作人员'}接手或已结束。"),
    )
    return _audited(factory, who, "handoff.take", row, {"channel": row.channel, "reason": row.reason}, now)


def dismiss(factory: sessionmaker[Session], rasa: RasaLink, who: Principal, row: HandoffRequest, reason: str,
            now: datetime) -> HandoffRequest:
    """Close a waiting request without taking it over (the citizen left, or the bot already helped): the bot was
    never paused, so nothing in the journey changes; the citizen is told, so nobody waits for a person who will
    not come."""
    _from_waiting(
        factory, rasa, row, {"status": "closed", "closed_by": who.actor, "closed_at": now},
        [_staff_message(DISMISSED_TEXT, "dismissed", row.id, now)],
        lambda r: ApiError(409, "not_waiting", "这个请求已被接手或已结束。"),
    )
    return _audited(factory, who, "handoff.dismiss", row, {"reason": reason, "channel": row.channel}, now)


def claim_oldest(session: Session, factory: sessionmaker[Session], rasa: RasaLink, who: Principal, now: datetime,
                 channel: Optional[str] = None, reason: Optional[str] = None,
                 q: Optional[str] = None) -> HandoffRequest:
    """Take over the request that has waited longest among those the filters show. Another agent may take the
    same one at the same moment: the next oldest is tried then (a few times)."""
    clauses = _filtered("waiting", channel, reason, q)
    refused: List[int] = []
    for _ in range(5):
        # Read in the request's transaction, which writes nothing here: a candidate taken meanwhile is refused
        # by the claim itself, and the next oldest is tried.
        candidate = session.scalars(
            select(HandoffRequest).where(*clauses, HandoffRequest.id.not_in(refused) if refused else true())
            .order_by(HandoffRequest.created_at, HandoffRequest.id).limit(1)
        ).first()
        if candidate is None:
            break
        try:
            return take(factory, rasa, who, candidate, now)
        except ApiError as error:
            if error.error != "already_taken":
                raise
            refused.append(candidate.id)
    raise ApiError(404, "queue_empty", "没有符合条件的等待中的请求。")


def dismiss_many(session: Session, factory: sessionmaker[Session], rasa: RasaLink, who: Principal, ids: List[int],
                 reason: str, now: datetime) -> Dict[str, Any]:
    """Close several waiting requests, each as ``dismiss`` does (each citizen told, each audited). One that was
    taken or closed meanwhile is reported, not an error; if Rasa cannot be reached, the rest stay waiting."""
    closed: List[int] = []
    refused: List[Dict[str, Any]] = []
    for number, request_id in enumerate(ids):
        row = session.get(HandoffRequest, request_id)
        if row is None:
            refused.append({"id": request_id, "error": "unknown_handoff", "message": "没有这个转人工请求。"})
            continue
        try:
            dismiss(factory, rasa, who, row, reason, now)
            closed.append(request_id)
        except RasaUnavailable as error:
            refused.extend({"id": rest, "error": error.error, "message": error.message} for rest in ids[number:])
            break
        except ApiError as error:
            refused.append({"id": request_id, "error": error.error, "message": error.message})
    return {"closed": closed, "refused": refused}


def _taken_by_caller(row: HandoffRequest, who: Principal) -> None:
    if row.status != "active":
        raise ApiError(409, "not_active", "这个请求不在人工服务中。")
    if row.taken_by != who.actor:
        raise ApiError(403, "not_yours", f"这个对话由{row.taken_by}负责。")


def send(session: Session, rasa: RasaLink, who: Principal, row: HandoffRequest, text: str, now: datetime) -> Dict[str, Any]:
    _taken_by_caller(row, who)
    rasa.append(row.sender_id, [_staff_message(text, "text", row.id, now)], output_channel=row.channel)
    _after_rasa(session)
    delivery = "pushed" if row.channel in PUSH_CHANNELS else "next_reply"
    message = HandoffMessage(request_id=row.id, at=now, staff=who.actor, text=text, delivery=delivery)
    session.add(message)
    audit.record(session, who, "handoff.message", f"handoff:{row.id}", {"chars": len(text), "delivery": delivery}, at=now)
    return {"at": china_iso(now), "delivery": delivery}


def release(session: Session, rasa: RasaLink, who: Principal, row: HandoffRequest, now: datetime,
            no_reply_needed: bool = False) -> HandoffRequest:
    """Hand back to the bot: ``resume``, say so, and ask the journey's pending question again. Refused while
    the citizen's last words to the person ask a question nobody answered (unless the agent says no reply is
    needed, which the audit keeps)."""
    _taken_by_caller(row, who)
    tracker = rasa.tracker(row.sender_id)
    questions = [m for m in transcript.unanswered(tracker) if m["question"]]
    if questions and not no_reply_needed:
        asked = questions[-1]["text"]
        raise ApiError(409, "unanswered_question",
                       f"用户问的“{asked[:60]}{'…' if len(asked) > 60 else ''}”还没有回复。请先回复用户；"
                       "如确实无需回复，请选择“无需回复，直接交回”。")
    events: List[Dict[str, Any]] = [
        {"event": "resume", "timestamp": aware(now).timestamp()},
        _staff_message(RETURNED_TEXT, "returned", row.id, now),
    ]
    question: Optional[Dict[str, Any]] = transcript.last_question(tracker)
    if question is not None:
        events.append(_bot_event(question["text"], question["custom"], row.id, "bot", now))
    rasa.append(row.sender_id, events, output_channel=row.channel)
    _after_rasa(session)
    row.status, row.closed_by, row.closed_at = "closed", who.actor, now
    detail: Dict[str, Any] = {"resumed_at": (question or {}).get("custom", {}).get("slot")}
    if questions:
        detail["unanswered_questions"] = len(questions)  # the agent said none needed a reply
    audit.record(session, who, "handoff.release", f"handoff:{row.id}", detail, at=now)
    return row
