"""The speakers the interpreter tests read answers as: a citizen for himself (张伟), a company acting for itself
(郑州好味餐饮管理有限公司), and a proxy (刘洋 for 赵强) at the agent's own name."""
from __future__ import annotations

from actions.interpret import interpret
from bot.core.reading import Context, Reading

SELF = Context(applicant_name="张伟")
ENTERPRISE = Context(applicant_kind="enterprise", applicant_name="郑州好味餐饮管理有限公司")
PROXY_AGENT = Context(acting_as="proxy", applicant_name="赵强", agent_name="刘洋")


def context_for(step: str) -> Context:
    """The legal representative is asked of a company; the agent's name of a proxy; everything else of a citizen."""
    return {"representative_name": ENTERPRISE, "agent_name": PROXY_AGENT}.get(step, SELF)


def outcome(step: str, text: str):
    """The value read, or the kind of reading when nothing is decided."""
    reading = interpret(step, text, context_for(step))
    return reading.value if reading.kind == "value" else reading.kind


def detail(step: str, text: str) -> str:
    return interpret(step, text, context_for(step)).detail


# The name questions by a short key, each asked with nothing known yet of the one named: a citizen's own name ("a"),
# the principal's name asked of a proxy ("p"), the proxy's own name ("g"), the company's legal representative ("r").
NAME_ASKS = {
    "a": ("applicant_name", Context()),
    "p": ("applicant_name", Context(acting_as="proxy", agent_name="刘洋")),
    "g": ("agent_name", Context(acting_as="proxy", applicant_name="赵强")),
    "r": ("representative_name", ENTERPRISE),
}


def name_reading(key: str, text: str) -> Reading:
    step, ctx = NAME_ASKS[key]
    return interpret(step, text, ctx)


def name_outcome(key: str, text: str):
    reading = name_reading(key, text)
    return reading.value if reading.kind == "value" else reading.kind
