"""What an interpreter made of one answer to one question: the type every step interpreter returns.

The conversation engine (actions/forms.py) acts on ``kind`` only; it never looks at the words again.

kind       meaning                                                         engine does
---------  --------------------------------------------------------------  ------------------------------------
value      the answer, decided: ``value`` holds it                         sets the slot, runs the step's hook
clarify    not sure (hedge, condition, joke, correction left open,         re-asks with ``detail`` as the error
           typo in a legal word, NLU and rules disagree, nonsense)         and names ``expected`` words
question   the user asks something instead of answering                    answers if it can, then re-asks
repeat     the user wants (part of) the notice again; ``section`` or None  re-sends, then re-asks
cancel     the user stops the whole journey or flow                        ends it, nothing is submitted
negated    a clear "no" to a legal question (no affirmation, no special    the step's own refusal path
           authorisation)

``detail`` is a short machine-readable cause (``hedge``, ``condition``, ``bare_yes``, ``third_party``, …):
the contract's ``error`` on the re-ask and the eval's column. ``expected`` is the words the clarifying
question names ("请回复“是”或“否”"), so the user is never left guessing what counts.
``extra`` carries values found beside the answer (an ID number given with a name, a phone number).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Optional

KINDS = ("value", "clarify", "question", "repeat", "cancel", "negated")


@dataclass(frozen=True)
class Reading:
    kind: str
    value: Optional[Any] = None
    detail: str = ""
    expected: str = ""
    section: Optional[int] = None
    extra: Dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown reading kind {self.kind!r}")
        if (self.kind == "value") != (self.value is not None):
            raise ValueError("a 'value' reading carries a value, and only it does")

    @property
    def decided(self) -> bool:
        return self.kind == "value"


def value(v: Any, **extra: Any) -> Reading:
    return Reading("value", value=v, extra=dict(extra))


def clarify(detail: str, expected: str = "") -> Reading:
    return Reading("clarify", detail=detail, expected=expected)


def first_decided(answers: Iterable[str], read: Callable[[str], Reading]) -> Optional[Reading]:
    """The first of ``answers`` that ``read`` decides, read by it; None when it decides none of them."""
    return next((reading for reading in map(read, answers) if reading.decided), None)


@dataclass(frozen=True)
class Context:
    """What an interpreter may know about the conversation when it reads an answer.

    ``intent``/``confidence``: the NLU's reading of the same message (None when no model ran, e.g. in the
    eval of the rules alone). ``acting_as``, ``applicant_name``, ``applicant_kind`` (``person`` or
    ``enterprise``), ``agent_name``, ``representative_name`` (the legal representative
    speaking for an enterprise), ``item_kind`` (``proof`` or ``license``) and ``statement`` (the
    commitment text shown) are the journey's slots at the time of asking; ``notice_sections`` is the number
    of sections of the notice that was sent.
    """

    intent: Optional[str] = None
    confidence: float = 0.0
    acting_as: str = "self"
    applicant_name: Optional[str] = None
    applicant_kind: str = "person"
    agent_name: Optional[str] = None
    representative_name: Optional[str] = None
    item_kind: str = "proof"
    statement: Optional[str] = None
    notice_sections: int = 7
