from __future__ import annotations

from typing import Any, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, field_validator, model_serializer

_Strict = ConfigDict(extra="forbid")

REASON_PATTERN = r"^(user_request|repeated_fallback|repeated_invalid)$"
DISMISS_PATTERN = r"^(resolved|left|duplicate|other)$"


class HandoffServiceRequest(BaseModel):
    """From the action server: put this conversation in the waiting queue.

    ``channel`` is checked against the channels Rasa really listens on (``service.CHANNELS``) by the endpoint,
    so something else is refused with its own error code rather than a generic format error."""

    model_config = _Strict
    sender_id: str = Field(min_length=1, max_length=128)
    channel: str = Field(min_length=1, max_length=64)
    reason: str = Field(pattern=REASON_PATTERN)
    # The citizen's last words before asking (the action server sends the last few messages): the queue's preview.
    message: Optional[str] = Field(default=None, max_length=4000)


class HandoffQueued(BaseModel):
    handoff_id: int
    status: str
    position: int  # place in the waiting queue (1 = next); 0 when a person is already talking
    # The conversation was already waiting: this is its earlier request, its place in the queue unchanged.
    already_waiting: bool = False
    asked_times: int = 1  # how often the conversation has asked while this request was open


class HandoffView(BaseModel):
    """One request as staff see it: no personal data (the conversation id is masked, so are numbers)."""

    id: int
    channel: str
    channel_label: str
    push: bool  # the citizen's channel delivers staff messages at once
    sender: str
    reason: str
    reason_label: str
    status: str
    asked_times: int
    created_at: str
    waited_seconds: int
    # Unset until the request is taken or closed, or when the citizen said nothing before asking.
    taken_by: Optional[str] = Field(default=None, description="the staff member who took the request")
    taken_at: Optional[str] = Field(default=None, description="when it was taken, China time")
    closed_at: Optional[str] = Field(default=None, description="when it was closed, China time")
    preview: Optional[str] = Field(default=None, description="the citizen's last words, numbers masked")


class QueueCounts(BaseModel):
    """How many people wait for an agent and how many are being served now."""

    waiting: int
    active: int


class QueueSummary(BaseModel):
    """Every open request and the last few closed, for clients that watch one conversation's request."""

    now: str
    counts: QueueCounts
    waiting: List[HandoffView]
    active: List[HandoffView]
    closed: List[HandoffView]


class HandoffPage(BaseModel):
    """One page of requests in one status, newest first, after the filters."""

    now: str
    status: str
    total: int  # matching the filters, all pages
    offset: int
    limit: int
    counts: QueueCounts  # the whole queue, unfiltered
    items: List[HandoffView]


class Label(BaseModel):
    value: str
    label: str


class HandoffLabels(BaseModel):
    channels: List[Label]
    reasons: List[Label]
    dismiss_reasons: List[Label]


class ClaimRequest(BaseModel):
    """Take over the oldest waiting request, among those the agent's filters show."""

    model_config = _Strict
    channel: Optional[str] = Field(default=None, max_length=64)
    reason: Optional[str] = Field(default=None, pattern=REASON_PATTERN)
    q: Optional[str] = Field(default=None, max_length=100)


class StaffMessage(BaseModel):
    model_config = _Strict
    text: str = Field(min_length=1, max_length=1000)


class DismissRequest(BaseModel):
    """Why a waiting request is closed without being taken (kept in the audit trail)."""

    model_config = _Strict
    reason: str = Field(default="other", pattern=DISMISS_PATTERN)


class BulkDismissRequest(BaseModel):
    """Close several waiting requests at once (the citizens left, or a burst of duplicates)."""

    model_config = _Strict
    ids: List[int] = Field(min_length=1, max_length=100)
    reason: str = Field(default="other", pattern=DISMISS_PATTERN)

    @field_validator("ids")
    @classmethod
    def _distinct(cls, ids: List[int]) -> List[int]:
        return list(dict.fromkeys(ids))


class Refusal(BaseModel):
    id: int
    error: str
    message: str


class BulkDismissResult(BaseModel):
    closed: List[int]
    refused: List[Refusal]


class ReleaseRequest(BaseModel):
    """Hand back. A question the citizen asked a person is answered by that person before the bot takes over;
    ``no_reply_needed`` is the agent saying this one needs no answer (answered on the phone, asked twice, ...)."""

    model_config = _Strict
    no_reply_needed: bool = False


class JourneyState(BaseModel):
    """Where the citizen is in the bot's journey (no personal values)."""

    active_form: Optional[str]
    requested_slot: Optional[str]
    item: Optional[str]
    paused: bool
    item_name: Optional[str]


class TranscriptEntry(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: Literal["citizen", "bot", "staff", "system"] = Field(alias="from")
    text: str
    # The bot's channel payload as the conversation contract shapes it (masked): passed on as the bot sent it.
    custom: Any
    at: Optional[str]
    # Only citizens' messages say which channel they came in on; the key is absent from the others.
    channel: Optional[str] = None

    @model_serializer(mode="wrap")
    # No return annotation: pydantic would describe the output by it (an untyped object) instead of the fields.
    def _channel_only_when_set(self, handler: SerializerFunctionWrapHandler):
        data = handler(self)
        if "channel" not in self.model_fields_set:
            data.pop("channel", None)
        return data


class UnansweredMessage(BaseModel):
    text: str
    at: Optional[str]
    question: bool


class StaffMessageSent(BaseModel):
    at: str
    staff: str
    delivery: Literal["pushed", "next_reply"]


class HandoffDetail(HandoffView):
    """One request with the conversation so far (masked), for the person taking it over."""

    journey: JourneyState
    transcript: List[TranscriptEntry]
    unanswered: List[UnansweredMessage]
    staff_messages: List[StaffMessageSent]


class MessageDelivery(BaseModel):
    at: str
    delivery: Literal["pushed", "next_reply"]
