"""Bot messages of the conversation contract (../shared/spec/conversation-contract.md).

Every function returns ``(text, custom)``: a complete Chinese text (a channel that ignores ``custom`` still
works) and the machine-readable payload with the contract's fixed stage and slot names. Texts never contain
blank lines, because Rasa's stock channels split text there and the ``custom`` must follow its own text.
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Tuple

from bot.core.catalogue import Item

Message = Tuple[str, Dict[str, Any]]

ASK_TEXT = {
    "item": "请回复序号或事项名称选择；也可以换个说法重新描述。",
    "use_commitment": "这个事项可以用告知承诺代替证明。您愿意采用告知承诺方式办理吗？回复“是”采用承诺，回复“否”按一般程序提交证明。",
    "acting_as": "请问您是本人办理，还是代他人办理？回复“本人”或“代办”。",
    "applicant_name": "请告诉我申请人的姓名（企业请说企业全称）。",
    "applicant_id": "请输入申请人的18位身份证号（企业请输入18位统一社会信用代码）。",
    "applicant_id_license": "这是企业经营许可事项，请输入申请企业的18位统一社会信用代码。",
    "agent_name": "请告诉我代办人（您本人）的姓名。",
    "agent_id": "请输入代办人（您本人）的18位身份证号。",
    "authorization_no": "请输入申请人签署的授权委托书编号。",
    "authorization_scope": "请确认：这份授权委托书是否明确写明“特别授权代为作出告知承诺”？回复“是”或“否”。",
    "phone": "请留一个联系手机号（11位），用于接收办理和核查通知。",
    "notice_ack": "请您认真阅读以上告知内容，读完后回复“已阅读”；需要再看一遍请回复“再说一遍”，只看某一条可以说“第五条再说一遍”。",
    "affirmation": "请输入承诺用语完成承诺。",
}

OPTIONS = {
    "use_commitment": ["yes", "no"],
    "acting_as": ["self", "proxy"],
    "authorization_scope": ["yes", "no"],
    "notice_ack": ["yes", "repeat"],
}

ERROR_TEXT = {
    "not_a_choice": "抱歉，没有识别出您的选择。",
    "invalid_name": "没有识别出姓名，请只输入姓名，例如“张伟”。",
    "uscc_required": "经营许可事项需要企业的统一社会信用代码（18位，以数字或大写字母组成），不能用个人身份证号。",
    "agent_is_applicant": "代办人和申请人不能是同一个人；如果是本人办理，请回复“算了”后重新开始并选择“本人”。",
    "invalid_authorization_no": "没有识别出授权委托书编号，编号一般由字母和数字组成，例如 SQ2026-0012。",
    "special_authorization_required": (
        "代为承诺必须有申请人的特别授权：授权委托书要写明“授权代理人代为作出告知承诺，并承担不实承诺的法律后果”，"
        "普通的“代为办理”授权不够。如果您的委托书包含这项特别授权，请回复“是”；"
        "如果没有，请先请申请人补签特别授权，或由申请人本人办理。回复“算了”可结束本次办理。"
    ),
}


def ask(slot: str, *, error: Optional[str] = None, error_text: str = "", text: Optional[str] = None) -> Message:
    custom: Dict[str, Any] = {"stage": "ask", "slot": slot}
    if slot in OPTIONS:
        custom["options"] = OPTIONS[slot]
    if error:
        custom["error"] = error
    body = text or ASK_TEXT[slot]
    prefix = error_text or (ERROR_TEXT.get(error, "") if error else "")
    return (f"{prefix}{body}" if prefix else body), custom


def item_candidates(items: List[Item]) -> Message:
    lines = ["为您找到以下可能相关的事项："]
    for n, item in enumerate(items, start=1):
        flag = "可告知承诺" if item.commitment_allowed else "不适用告知承诺"
        lines.append(f"{n}. {item.name}（{item.department}，{flag}）")
    custom = {
        "stage": "item_candidates",
        "items": [{"code": i.code, "name": i.name, "commitment_allowed": i.commitment_allowed} for i in items[:5]],
    }
    return "\n".join(lines), custom


def item_not_found(query: str) -> Message:
    text = (
        "抱歉，清单里没有找到和您描述相符的事项。您可以换个说法，比如说出要办的事（“申请低保”）"
        "或要开的证明（“无房证明”）；也可以拨打12345政务服务便民热线咨询。"
    )
    return text, {"stage": "item_not_found", "query": query[:200]}


def item_detail(item: Item) -> Message:
    kind = "涉企经营许可事项" if item.kind == "license" else "证明事项"
    parts = [f"【{item.name}】{kind}，实施机关：{item.department}。"]
    if item.commitment_allowed:
        what = "、".join(item.covers)
        parts.append(f"可以用告知承诺代替：{what}。")
        if item.kind == "license":
            parts.append("承诺并提交材料后当场作出许可决定。")
        parts.append("可以代为承诺（需申请人特别授权）。" if item.proxy_allowed else "本事项不允许代为承诺，须申请人本人承诺。")
    else:
        parts.append("本事项不适用告知承诺制。")
    return "".join(parts), {"stage": "item_detail", "item": item.summary()}


def not_eligible(item: Item, reason: str, text: str, proofs: Iterable[str]) -> Message:
    custom = {"stage": "not_eligible", "item_code": item.code, "reason": reason, "proofs_required": list(proofs)}
    if reason == "excluded":
        custom["category"] = item.exclusion_category  # R2: the policy's category (section 四)
    return text, custom


def notice_section(item: Item, index: int) -> Message:
    section = item.notice[index - 1]
    total = len(item.notice)
    text = f"告知书（{index}/{total}）{section.title}：{section.text}"
    return text, {
        "stage": "notice_section",
        "item_code": item.code,
        "notice_version": item.notice_version,
        "index": index,
        "total": total,
        "title": section.title,
    }


def affirmation_request(item: Item, statement: str, words: str) -> Message:
    text = f"请确认以下承诺书内容：{statement}如您确认，请输入“{words}”（或点击“我已阅读并承诺”）。"
    return text, {
        "stage": "affirmation_request",
        "item_code": item.code,
        "notice_version": item.notice_version,
        "statement": statement,
        "required_words": words,
    }


def affirmation_rejected(reason: str, explanation: str, words: str) -> Message:
    ask_words = "" if words in explanation else f"请输入“{words}”。"
    text = f"{explanation}{ask_words}如不想承诺，可以回复“算了”，改按一般程序提交证明。"
    return text, {"stage": "affirmation_rejected", "reason": reason, "required_words": words}


def commitment_receipt(item: Item, receipt: Dict[str, Any], proxy: bool) -> Message:
    status_text = "已当场作出许可决定" if receipt.get("status") == "licensed" else "承诺已受理"
    decision = f"，许可决定书编号 {receipt['decision_no']}" if receipt.get("decision_no") else ""
    text = (
        f"承诺成功！{status_text}。承诺编号：{receipt['commitment_no']}{decision}。"
        f"本次承诺代替：{'、'.join(receipt.get('covers') or item.covers)}。"
        f"承诺书已电子签名存证，可通过以下链接核验：{receipt['verify_url']}。请保存好承诺编号，后续核查结果会短信通知您。"
    )
    custom = {
        "stage": "commitment_receipt",
        "commitment_no": receipt["commitment_no"],
        "item_code": item.code,
        "status": receipt.get("status", "accepted"),
        "proxy": proxy,
        "notice_version": receipt.get("notice_version", item.notice_version),
        "covers": receipt.get("covers") or item.covers,
        "verify_url": receipt["verify_url"],
    }
    if receipt.get("decision_no"):
        custom["decision_no"] = receipt["decision_no"]
    return text, custom


def service_error(code: str, what: str) -> Message:
    text = f"抱歉，{what}暂时连接不上。您已经填写的信息都保存好了，不用重新填写。请稍后回复“重试”继续；也可以拨打12345咨询。"
    return text, {"stage": "service_error", "code": code}


def handoff(reason: str) -> Message:
    text = (
        "好的，正在为您转接人工服务。目前在线人工坐席尚未开通，您可以拨打12345政务服务便民热线（24小时），"
        "说明要办的事项即可；您在这里已经填写的信息会保留，回来后可以接着办。"
    )
    return text, {"stage": "handoff", "reason": reason, "hotline": "12345"}
