"""The three speakers the affirmation and consent tests read answers as: a citizen for himself (张伟), a proxy (刘洋
for 赵强) and a company through its legal representative (李建国 for 郑州好味餐饮管理有限公司)."""
from __future__ import annotations

from bot.core.affirmation import classify
from bot.core.consent import special_authorisation
from bot.core.reading import Context

ENTERPRISE = "郑州好味餐饮管理有限公司"
# The same speakers as the consent readers' context: the citizen at the notice, the proxy at the authorisation.
SELF = Context(applicant_name="张伟")
PROXY = Context(acting_as="proxy", applicant_name="赵强", agent_name="刘洋")


def self_kind(text):
    return classify(text, applicant_name="张伟").kind


def proxy_kind(text):
    return classify(text, acting_as="proxy", applicant_name="赵强", agent_name="刘洋").kind


def enterprise_kind(text):
    return classify(text, applicant_name=ENTERPRISE, applicant_kind="enterprise", representative="李建国").kind


def is_yes(reading) -> bool:
    """A consent reading that takes the yes: the notice read, or the special authorisation confirmed."""
    return reading.kind == "value" and reading.value == "yes"


def letter_says_yes(text) -> bool:
    """The proxy's answer at the special-authorisation question takes the yes."""
    return is_yes(special_authorisation(text, PROXY))


def letter_says_no(text) -> bool:
    """The proxy's answer at the special-authorisation question is read as no special authorisation."""
    return special_authorisation(text, PROXY).kind == "negated"
