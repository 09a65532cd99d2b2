"""What the administrator reads instead of identifiers: one table, used by every view of the admin console.

The administrator is not a programmer. An intent is shown by its Chinese name and a one-line description of
what citizens mean by it; the identifier (``faq_liability``) is kept for the details toggle and for the API.
A new intent without an entry here is shown by a placeholder name that says so, and a test fails until it is
described (every intent of domain.yml must be).
"""
from __future__ import annotations

from typing import Dict, Iterable, Tuple

# identifier -> (Chinese name, one-line description: what the citizen means)
INTENTS: Dict[str, Tuple[str, str]] = {
    "greet": ("问候", "打招呼，例如“你好”“在吗”。"),
    "goodbye": ("告别", "结束对话，例如“再见”“先这样”。"),
    "thanks": ("致谢", "表示感谢，例如“谢谢”“辛苦了”。"),
    "bot_capabilities": ("问能做什么", "问助手能办什么、怎么用。"),
    "describe_need": ("说明要办的事", "描述想办理的事项或要开的证明，例如“我想申请公租房”。"),
    "affirm": ("肯定", "同意、确认，例如“是的”“对”。"),
    "deny": ("否定", "不同意、否认，例如“不是”“不要”。"),
    "inform": ("提供信息", "回答问题时给出姓名、证件号、电话等信息。"),
    "commit": ("作出承诺", "明确表示承诺，例如“我承诺所填内容真实”。"),
    "repeat": ("请求重复", "请助手再说一遍。"),
    "cancel": ("取消", "不办了、算了、退出当前流程。"),
    "retry": ("重新开始", "要求从头再来或重新填写。"),
    "handoff": ("转人工", "要求人工客服或工作人员接待。"),
    "faq_what_is_commitment": ("问：什么是告知承诺制", "询问告知承诺制是什么、怎么办。"),
    "faq_liability": ("问：虚假承诺的后果", "询问承诺不实要承担什么责任。"),
    "faq_verification": ("问：承诺后的核查", "询问承诺后会不会核查、怎么核查。"),
    "faq_withdrawal": ("问：撤回承诺", "询问承诺能否撤回、如何撤回。"),
    "faq_credit_repair": ("问：信用修复", "询问失信记录能否修复、如何修复。"),
    "faq_proxy": ("问：代办", "询问能否由他人代为承诺、需要什么授权。"),
    "faq_disclosure": ("问：承诺书公开", "询问承诺书是否公开、公开哪些内容。"),
    "faq_not_applicable": ("问：哪些事项不适用", "询问哪些事项不能用告知承诺办理。"),
    "check_status": ("查询办理进度", "查询已提交承诺的状态或结果。"),
    "withdraw": ("撤回承诺", "要求撤回已经作出的承诺。"),
    "complain": ("投诉", "对办理过程或承诺核查提出投诉。"),
    "my_credit": ("查询本人信用", "查询自己的信用记录或失信情况。"),
    "grant_authorisation": ("授权他人代办", "委托人要授权别人代为办理并代为承诺，例如“我要授权刘洋代我办理”。"),
    "manage_authorisation": ("查看或撤销授权", "查看自己给出的授权，或撤销某一项授权，例如“撤销授权”。"),
    "nlu_fallback": ("未能理解", "模型把握不足时的兜底结果，不是一个可选的意图。"),
}

INBOX_REASONS: Dict[str, str] = {
    "low_confidence": "模型拿不准",
    "nlu_fallback": "没听懂",
    "handoff": "随后转了人工",
    "affirmation_rejected": "承诺确认未被接受",
    "item_not_found": "没找到事项",
}

# Catalogue fields as the catalogue editor and the version comparison name them.
CATALOGUE_FIELDS: Dict[str, str] = {
    "code": "事项编号",
    "name": "事项名称",
    "kind": "事项类型",
    "department": "实施机关",
    "level": "层级",
    "area": "领域",
    "legal_basis": "设定依据",
    "commitment_allowed": "适用告知承诺",
    "proxy_allowed": "允许代为承诺",
    "public": "承诺书公开",
    "disclosure_days": "公开天数",
    "high_value": "高价值/难核查",
    "direct_safety_matter": "直接涉及公共安全",
    "aliases": "别名",
    "phrasings": "常见说法",
    "replaces": "承诺代替的证明或条件",
    "includes_proofs": "包含的证明",
    "proofs_required": "一般程序所需材料",
    "verification": "核查",
    "verification.method": "核查方式",
    "verification.time_limit_days": "核查时限（工作日）",
    "verification.sampling_rate": "抽查比例",
    "verification.standard": "核查标准",
    "exclusion": "不适用情形",
    "exclusion.category": "不适用类别",
    "exclusion.reason": "不适用原因",
    "notice": "告知书",
}
VALUE_WORDS: Dict[str, str] = {"online": "在线核查", "onsite": "现场核查", "exempt": "免于核查"}


def intent(name: str) -> Dict[str, str]:
    label, description = INTENTS.get(name, (f"未命名意图（{name}）", "这个意图还没有中文名称和说明，请联系开发人员补充。"))
    return {"id": name, "name": label, "description": description}


def intents(names: Iterable[str]) -> Dict[str, Dict[str, str]]:
    return {name: intent(name) for name in names}


def field(key: str) -> str:
    return CATALOGUE_FIELDS.get(key, key)


def everything(intent_names: Iterable[str]) -> Dict[str, object]:
    """The table the console loads once: intents (those in the data, and the fallback), reasons, fields."""
    names = list(dict.fromkeys([*intent_names, *INTENTS]))
    return {"intents": intents(names), "reasons": INBOX_REASONS, "fields": CATALOGUE_FIELDS, "values": VALUE_WORDS}
