"""A question about one item gets that item's answer, not the general one (R1, R2, R3).

"餐饮许可能承诺吗", "开无犯罪记录证明可以用承诺代替吗", "危险化学品经营许可可以告知承诺吗": the intent is a policy
question (faq_not_applicable, faq_what_is_commitment), but the citizen asks it about one matter. The general
answer ("high-risk matters are excluded ...") leaves them to work out whether theirs is one. So when the
question names an item - by name, alias, code, or a proof only that item replaces - the answer is that item's:

* commitment allowed: its ``item_detail`` and what commitment replaces there, with the normal procedure's
  proofs beside it (the choice is always the applicant's, R3);
* excluded: ``not_eligible`` with reason ``excluded``, the policy's category and the item's own reason, and the
  proofs the normal procedure needs (R2).

Without a clearly named item the general FAQ answer stays. Nothing here starts a journey or sets a slot: the
user asked, they did not apply.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.catalogue import catalogue
from actions.discovery import ItemIndex, normalize
from actions.extract import extract
from bot.core import eligibility

logger = logging.getLogger(__name__)

ACTION_NAME = "action_item_question"
# The FAQ topics a question about one item can come with, and the general answer when no item is named.
TOPICS = {
    "faq_not_applicable": "not_applicable",
    "faq_what_is_commitment": "what_is_commitment",
}
# Ranked without a name written out, the first item must stand clearly above the second to count as named.
CLEAR_LEAD = 1.5
# The words of the question itself, and the policy's categories of exclusion (section 四): "哪些事项不能承诺",
# "涉及公共安全的能承诺吗" ask about the rule, not about an item, even if an example sentence of some item
# shares them.
_QUESTION_WORDS = re.compile(
    "告知承诺制|告知承诺|承诺制|承诺书|承诺|告知|代替|替代|能不能|可不可以|可以|能否|是否|为什么|为啥|怎么|"
    "哪些|哪类|什么|事项|办理|适用|范围|不能|不行|用|吗|呢|的|"
    "国家安全|国家秘密|公共安全|安全生产|金融业|金融|审慎监管|生态环境|环境保护|人身健康|生命财产安全|生命财产|涉外|高风险|风险"
)
# Pairs of characters any proof or licence has (证明, 许可, 材料): sharing only these names nothing.
_GENERIC_BIGRAMS = frozenset(
    "证明 开证 许可 可证 材料 申请 登记 资格 资质 经营 办证 证书 执照 审批 手续 情况 状况 管理 制度 条件 必须".split()
)
_BIGRAM = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def named_item(text: str, index: ItemIndex, known: Dict[str, Any]) -> Optional[str]:
    """The one catalogue item the text is about, or None when none or several are meant."""
    if not text:
        return None
    named = [code for code in extract(text)["item_codes"] if code in known]
    if named:
        ranked = index.search(text, k=5)
        # An alias two items share (家庭经济状况证明) names both: the ranking decides only if it clearly can.
        if len(set(named)) == 1:
            return named[0]
        scores = {code: score for code, score in ranked if code in named}
        ordered = sorted(scores.items(), key=lambda cs: -cs[1])
        if len(ordered) == 1 or (ordered and ordered[0][1] >= CLEAR_LEAD * ordered[1][1]):
            return ordered[0][0]
        return None
    # Not written out: what is left of the question once its own words are gone must share a word with
    # what the item is or replaces (药店 in 为什么药店不能承诺, 无犯罪记录证明 for 律师执业).
    rest = _QUESTION_WORDS.sub(" ", normalize(text))
    ranked = index.search(rest, k=5) if rest.strip() else []
    if not ranked or not (len(ranked) == 1 or ranked[0][1] >= CLEAR_LEAD * ranked[1][1]):
        return None
    code = ranked[0][0]
    item = known[code]
    own = normalize(" ".join([item.name, *item.aliases, *item.replaces, *item.includes_proofs]))
    shared = set(_BIGRAM.findall(rest)) & set(_BIGRAM.findall(own))
    return code if shared - _GENERIC_BIGRAMS else None


def answer(item, topic: str, invite: bool = True) -> List[messages.Message]:
    """The messages that answer a question about ``item`` (contract stages item_detail / not_eligible / faq).
    ``invite``: say how to start applying for it (not while another application is under way)."""
    decision = eligibility.decide(item)
    text = eligibility.explain(decision, item)
    if not decision.eligible:
        return [messages.not_eligible(item, decision.reason, text, decision.proofs_required)]
    if invite:
        text = f"{text}\n如需现在办理，请说“我要办理{item.name}”。"
    return [
        messages.item_detail(item),
        (text, {"stage": "faq", "topic": topic, "item_code": item.code}),
    ]


def answer_named(text: str, intent: str, invite: bool = True) -> List[messages.Message]:
    """The answer for the one item ``text`` names, when ``intent`` is a question about items; else nothing.
    The catalogue must be loaded (``catalogue.ensure()``)."""
    if intent not in TOPICS:
        return []
    try:
        item = catalogue.get(named_item(text, catalogue.index, catalogue.items))
    except Exception:  # the general answer is always right, if less helpful
        logger.exception("item question: could not resolve the item")
        return []
    return answer(item, TOPICS[intent], invite=invite) if item is not None else []


class ItemQuestion(Action):
    def name(self) -> Text:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> List[EventType]:
        latest = tracker.latest_message or {}
        intent = (latest.get("intent") or {}).get("name") or ""
        general = f"utter_{intent}" if intent in TOPICS else "utter_faq_not_applicable"
        try:
            await catalogue.ensure()
            code = named_item(str(latest.get("text") or ""), catalogue.index, catalogue.items)
        except Exception:  # the general answer is always right, if less helpful
            logger.exception("item question: could not resolve the item")
            code = None
        item = catalogue.get(code)
        if item is None:
            dispatcher.utter_message(response=general)
            return []
        for text, custom in answer(item, TOPICS.get(intent, "not_applicable")):
            dispatcher.utter_message(text=text, json_message=custom)
        return []
