"""Bot messages of the conversation contract (docs/conversation-contract.md).

Every function returns ``(text, custom)``: a complete Chinese text (a channel that ignores ``custom`` still
works) and the machine-readable payload with the contract's fixed stage and slot names. Texts never contain
blank lines, because Rasa's stock channels split text there and the ``custom`` must follow its own text.
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Tuple

from bot.core.catalogue import Item
from bot.core.ids import ERROR_MESSAGES  # the ID checks word their own errors

Message = Tuple[str, Dict[str, Any]]

ASK_TEXT = {
    "item": "请回复序号或事项名称选择；也可以换个说法重新描述。",
    "use_commitment": "这个事项可以用告知承诺代替证明。您愿意采用告知承诺方式办理吗？回复“是”采用承诺，回复“否”按一般程序提交证明。",
    "acting_as": "请问您是本人办理，还是代他人办理？回复“本人”或“代办”。",
    "applicant_name": "请告诉我申请人的姓名（企业请说企业全称）。",
    "applicant_id": "请输入申请人的18位身份证号（企业请输入18位统一社会信用代码）。",
    "applicant_id_license": "这是企业经营许可事项，请输入申请企业的18位统一社会信用代码。",
    "agent_name": "请告诉我代办人（您本人）的姓名。",
    "agent_id": "请输入代办人（您本人）的18位身份证号，我们会向您登记的实名手机号码发送验证码核验身份。",
    "applicant_name_proxy": "请告诉我委托人（被代办的申请人）的姓名（企业请说企业全称）。",
    "applicant_id_proxy": "请输入委托人的18位身份证号（企业请输入18位统一社会信用代码）。",
    "authorization_no": (
        "请输入委托人给您的授权编号和授权码（例如“SQ20261206-7KQ2MX 授权码 4HT8CW2P”）。"
        "委托人可以在本服务中说“我要授权”，核验身份后为您生成；纸质授权委托书请拨打12345由工作人员登记。"
    ),
    "authorization_scope": "请确认：这份授权委托书是否明确写明“特别授权代为作出告知承诺”？写明了请回复“写明了特别授权”，没有写明请回复“没有写明”。",
    "phone": "请留一个联系手机号（11位），用于接收办理和核查通知。",
    "notice_ack": "请您认真阅读以上告知内容，读完后回复“已阅读”；需要再看一遍请回复“再说一遍”，只看某一条可以说“第五条再说一遍”。",
    "affirmation": "请输入承诺用语完成承诺。",
    # An enterprise acting for itself commits through its legal representative, a natural person (五(四)).
    "representative_name": (
        "请告诉我企业法定代表人的姓名（承诺书将由法定代表人以企业名义作出）。"
        "如果您不是法定代表人，请回复“算了”，重新开始后选择“代办”，凭企业的特别授权办理。"
    ),
}

OPTIONS = {
    "use_commitment": ["yes", "no"],
    "acting_as": ["self", "proxy"],
    "authorization_scope": ["yes", "no"],
    "notice_ack": ["yes", "repeat"],
}

ERROR_TEXT = {
    "not_a_choice": "抱歉，没有识别出您的选择。",
    "invalid_code": "没有识别出验证码，验证码是短信里的6位数字。",
    "signing_pending": "还没有收到您在统一身份认证平台的确认，请先点击链接完成登录确认。",
    "invalid_authorization": "没有识别出授权编号和授权码。授权编号以SQ开头，授权码是8位字母和数字。",
    "invalid_name": "没有识别出姓名，请只输入姓名，例如“张伟”。",
    "uscc_required": "经营许可事项需要企业的统一社会信用代码（18位，以数字或大写字母组成），不能用个人身份证号。",
    "representative_is_enterprise": "请告诉我法定代表人本人的姓名（一位自然人），不是企业名称。",
    # The name given belongs to someone the speaker says is not the legal representative (the speaker is the
    # accountant, the handler, a relative; or the person named holds another post): the record would name them as it.
    "not_representative": "承诺书要由企业的法定代表人本人作出，经办人、联系人、财务等其他人员不能以法定代表人的身份承诺。",
    "agent_is_applicant": "代办人和申请人不能是同一个人；如果是本人办理，请回复“算了”后重新开始并选择“本人”。",
    "invalid_authorization_no": "没有识别出授权委托书编号，编号一般由字母和数字组成，例如 SQ2026-0012。",
    "special_authorization_required": (
        "代为承诺必须有申请人的特别授权：授权委托书要写明“授权代理人代为作出告知承诺，并承担不实承诺的法律后果”，"
        "普通的“代为办理”授权不够。如果您的委托书包含这项特别授权，请回复“是”；"
        "如果没有，请先请申请人补签特别授权，或由申请人本人办理。回复“算了”可结束本次办理。"
    ),
}


def error_text(error: Optional[str], expected: str = "") -> str:
    """What a re-ask says first: the error's own sentence, or which words count when an answer was unclear."""
    if not error:
        return ""
    known = ERROR_MESSAGES.get(error) or ERROR_TEXT.get(error)
    if known:
        return known
    if expected:
        return f"抱歉，没能确定您的意思，请回复{expected}。"
    return ERROR_TEXT["not_a_choice"]


def has_error_text(error: str) -> bool:
    return error in ERROR_MESSAGES or error in ERROR_TEXT


# A question the assistant cannot place while it waits for an answer: say what it can answer, then ask again.
QUESTION_HELP = (
    "这个问题我暂时回答不了。您可以问我告知承诺制的常见问题，例如“不实承诺有什么后果”“代办需要什么授权”；"
    "需要人工帮助请说“转人工”或拨打12345。"
)

# What stopping says, per form and at the two steps where a commitment was about to be made.
CANCEL_TEXT = {
    "commitment_form": "好的，已结束本次办理，您填写的信息不会提交。需要时随时可以重新开始；也可以按一般程序提交证明办理。",
    "affirmation": "好的，已结束本次办理，承诺没有提交。您随时可以按一般程序提交证明办理。",
    "receipt": "好的，已结束本次办理，承诺没有提交。",
    "status_form": "好的，不查了。需要时随时说“查一下我的承诺”。",
    "withdraw_form": "好的，没有撤回，您的承诺保持不变。",
    "complaint_form": "好的，投诉没有提交。需要时随时说“我要投诉”，也可以拨打12345政务服务便民热线。",
    "credit_record_form": "好的，已结束查询。",
}

NOTICE_UPDATED_TEXT = "这个事项的告知内容刚刚更新了，请阅读更新后的告知书后再作承诺。"
COMPLAINT_NOTED_TEXT = "已记下您反映的情况。"

# Channel evidence (bot/core/evidence.py): what the person hears when the proof of what reached them and what
# they said is not there. Never an internal code.
ERROR_TEXT.update({
    "reading_too_fast": "告知书刚发给您不久，请先把全部内容从头到尾认真看一遍，看完后再回复“已阅读”。",
    "notice_resent": "系统没能确认告知书已经全部送达您，已为您重新发送全文，请看完后再确认。",
    "phone_mismatch": "这个手机号与您实名登记的手机号不一致，请输入您实名登记的手机号。",
})
OFFER_PERSON = "需要人工帮助请回复“转人工”，也可以拨打12345政务服务便民热线。"
NO_EVIDENCE_TEXT = (
    "抱歉，这个渠道暂时无法为承诺留存办理凭证，不能在这里完成承诺，您的承诺没有提交。"
    "您可以换用政务服务网站上的办事助手重新办理。" + OFFER_PERSON
)
EVIDENCE_REFUSED_TEXT = (
    "抱歉，系统没能核实本次办理的记录，承诺没有提交，也没有留下任何承诺记录。"
    "这不是您的问题，您可以稍后重新办理。" + OFFER_PERSON
)


def notice_undelivered(missing: List[int], total: int) -> str:
    """Which parts of the notice did not reach the person; they are sent again right after this (R6)."""
    whole = len(missing) >= total
    parts = "告知书" if whole else f"告知书第{'、'.join(str(i) for i in missing)}部分"
    return f"{parts}还没有送达您，所以还不能确认您已阅读。现在为您重新发送{'全文' if whole else '这部分内容'}："


NOTICE_RESENT_ASK = "收到并看完后，请再回复“已阅读”。如果还是收不到，可以回复“重新发送”，或回复“转人工”。"


# The affirmation's refusal when the legal reading brings no explanation of its own (contract reasons).
AFFIRMATION_REJECTED_TEXT = {
    "implicit": "您的回复表示同意，但还不是承诺本身。按照规定，承诺要由您明确写出来。",
    "negated": "好的，您选择不作承诺。这完全可以：不承诺也能办，按一般程序提交证明材料就行。",
    "question": "您好像还有疑问。承诺前请先把问题弄清楚，可以直接问我。",
    "unclear": "没能确认您的意思。",
}


def commitment_refused(reason: str) -> str:
    return f"抱歉，承诺没有被受理：{reason}。您可以拨打12345咨询。"


def lifecycle_refused(reason: str) -> str:
    return f"抱歉，没有办成：{reason}。您可以拨打12345政务服务便民热线咨询。"


def lookups_exhausted(error: str, attempts: int) -> str:
    return (f"{ERROR_TEXT[error]}已核对{attempts}次仍未通过，本次查询结束。"
            "请带上身份证件到办事窗口，或拨打12345政务服务便民热线咨询。")


def already_committed(commitment_no: str, status: Optional[str]) -> Message:
    text = f"您的承诺已经提交成功，承诺编号 {commitment_no}，无需重复提交。如要办理其他事项，请直接告诉我。"
    return text, {"stage": "commitment_status", "commitment_no": commitment_no, "status": status or "accepted"}


def no_journey_open(query: str) -> Message:
    text = ("目前没有正在办理的事项，不会提交任何承诺。请告诉我您想办理什么，例如“我想申请公租房”；"
            "也可以拨打12345政务服务便民热线咨询。")
    return text, {"stage": "item_not_found", "query": query[:200]}


FALLBACK_TEXT = (
    "抱歉，我没太明白。您可以直接说想办理的事项，例如“我想申请公租房”；也可以问“什么是告知承诺制”。"
    "需要人工帮助请说“转人工”或拨打12345。"
)


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
    return item.detail_message()


def not_eligible(item: Item, reason: str, text: str, proofs: Iterable[str]) -> Message:
    custom = {"stage": "not_eligible", "item_code": item.code, "reason": reason, "proofs_required": list(proofs)}
    if reason == "excluded":
        custom["category"] = item.exclusion_category  # R2: the policy's category (section 四)
    return text, custom


def notice_section(item: Item, index: int) -> Message:
    return item.notice_message(index)


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


# --- identity (actions/identity.py) -----------------------------------------------------------------------

HOTLINE_ATTESTATION_ASK = (
    "请工作人员先核验来电人的身份（回拨登记的实名手机或视频核对身份证），在热线控制台提交“身份核验”后，"
    "回复“继续”。"
)
CODE_SERVICE_DOWN_TEXT = "抱歉，验证码服务暂时连接不上，您已经填写的信息都保存好了。"
CODE_NOT_SENT_TEXT = "验证码暂时没有发出。"
CODE_REFUSED_TEXT = "验证码没有通过核验。"
NO_REGISTERED_PHONE_TEXT = (
    "该证件号码没有登记实名手机号码，无法通过短信核验身份。请到政务服务窗口现场办理，或拨打12345由工作人员核验身份后办理。"
)


def _code_ask(
    slot: str, sent: str, unsent: str, sent_to: Optional[str], error: Optional[str], note: str, **extra: Any
) -> Message:
    """A code's question: the note (or the error's words) first, then ``sent`` when a code went out to the
    masked number ``sent_to`` (also in ``custom``), else ``unsent``."""
    prefix = note or (ERROR_TEXT.get(error, "") if error else "")
    custom: Dict[str, Any] = {"stage": "ask", "slot": slot, **extra}
    if error:
        custom["error"] = error
    if sent_to:
        custom["sent_to"] = sent_to
    return f"{prefix}{sent if sent_to else unsent}", custom


def identity_code_ask(sent_to: Optional[str], error: Optional[str], note: str = "") -> Message:
    """The login code's question. Until the person is verified nothing about the ID is said (P5)."""
    sent = (f"为确认是您本人办理，验证码已发送到该证件号码登记的实名手机（{sent_to}）。"
            "请输入短信里的6位数字验证码；没有收到请回复“重新发送”。")
    unsent = "请回复“重新发送”获取验证码，验证码会发送到该证件号码登记的实名手机。"
    return _code_ask("identity_code", sent, unsent, sent_to, error, note)


def act_code_ask(item_name: str, sent_to: Optional[str], error: Optional[str], note: str = "") -> Message:
    """The act code's question (意愿认证): the SMS names the item, so the person knows what the code signs."""
    sent = (f"最后一步：确认短信已发送到您的实名手机（{sent_to}），短信写明您正在对『{item_name}』作出告知承诺。"
            "请输入短信里的6位数字验证码完成签署；没有收到请回复“重新发送”。")
    unsent = "最后一步：请回复“重新发送”获取确认短信，输入短信里的验证码完成签署。"
    return _code_ask("act_code", sent, unsent, sent_to, error, note)


def act_signing_ask(item_name: str, url: str, error: Optional[str], note: str = "") -> Message:
    """The act confirmed by a new login at the city's identity platform (the person came in through it)."""
    body = (f"最后一步：请点击链接，在统一身份认证平台重新登录，确认您对『{item_name}』作出告知承诺：{url} 。"
            "完成后回到这里回复“已完成”；想改用短信验证码请回复“发短信”。")
    return _code_ask("act_code", body, body, None, error, note, signing_url=url)


def commitment_receipt(item: Item, receipt: Dict[str, Any], proxy: bool) -> Message:
    status_text = "已当场作出许可决定" if receipt.get("status") == "licensed" else "承诺已受理"
    decision = f"，许可决定书编号 {receipt['decision_no']}" if receipt.get("decision_no") else ""
    # The edition the applicant read, named as the letter names it (第N版); the hash stays in ``custom``.
    edition = f"（依据告知书第{receipt['notice_version_no']}版）" if receipt.get("notice_version_no") else ""
    text = (
        f"承诺成功！{status_text}{edition}。承诺编号：{receipt['commitment_no']}{decision}。"
        f"{'核验码：' + receipt['check_code'] + '（核验承诺书时需要，请和编号一起保存）。' if receipt.get('check_code') else ''}"
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
    if receipt.get("check_code"):
        custom["check_code"] = receipt["check_code"]
    if receipt.get("decision_no"):
        custom["decision_no"] = receipt["decision_no"]
    if receipt.get("notice_version_no"):
        custom["notice_version_no"] = receipt["notice_version_no"]
    return text, custom


def service_error(code: str, what: str) -> Message:
    text = f"抱歉，{what}暂时连接不上。您已经填写的信息都保存好了，不用重新填写。请稍后回复“重试”继续；也可以拨打12345咨询。"
    return text, {"stage": "service_error", "code": code}


HANDOFF_OPENING = {
    "user_request": "好的，",
    "repeated_fallback": "抱歉，我没能理解您的意思，",
    "repeated_invalid": "这一项好像不太好填，",
}


def handoff(reason: str, queued: bool = False) -> Message:
    """``queued``: the conversation is in the staff's waiting queue (actions/handoff.py); a person will
    answer here. Otherwise (the queue cannot be reached) the citizen is pointed to the 12345 hotline."""
    opening = HANDOFF_OPENING.get(reason, "")
    if queued:
        text = (
            f"{opening}已为您转接人工服务，请稍候，工作人员接入后会直接在这里回复您。等待期间您也可以继续和我对话，"
            "已经填写的信息都会保留；着急的话也可以拨打12345政务服务便民热线（24小时）。"
        )
        return text, {"stage": "handoff", "reason": reason, "status": "waiting", "hotline": "12345"}
    text = (
        f"{opening}人工服务暂时无法接入，您可以拨打12345政务服务便民热线（24小时），"
        "说明要办的事项即可；您在这里已经填写的信息会保留，回来后可以接着办。"
    )
    return text, {"stage": "handoff", "reason": reason, "status": "unavailable", "hotline": "12345"}


# --- after the commitment: status, withdrawal (R17), complaints (R11), own credit records (R16, R18) -----
# Two stages below are additions to the contract's table (its stage names are fixed; extra ones are only
# added): ``credit_records`` (the applicant's own integrity file, R16/P5) and ``credit_warning`` (the
# pre-application warning before the notification, R18). Neither asks for anything or changes a journey.

ASK_TEXT.update({
    "commitment_no": "请输入您的承诺编号（以CN开头，例如 CN20261127-000001，在承诺成功的回执里）。不需要了请回复“算了”。",
    "commitment_no_complaint": "投诉举报涉及某一份承诺吗？有的话请输入承诺编号（例如 CN20261127-000001）；没有或不知道请回复“没有”。",
    "applicant_id_owner": "为确认是您本人的承诺，请输入承诺人的18位身份证号（企业请输入统一社会信用代码）。",
    "applicant_name_credit": "查询本人诚信档案，请先告诉我您的姓名（企业请说企业全称）。",
    "applicant_id_credit": "请输入您的18位身份证号（企业请输入统一社会信用代码），姓名和证件号一致才能查看。",
    "withdraw_reason": (
        "撤回后，这个事项要按一般程序提交证明材料办理。如确定撤回，请简要说明撤回理由"
        "（例如“发现自己不符合条件”“情况有变化”）；不撤回请回复“算了”。"
    ),
    "complaint_text": "请描述您要投诉或举报的内容：涉及哪个事项、哪家单位或哪个人、发生了什么。可以匿名投诉。",
    "phone_complaint": "如需我们回复处理结果，请留一个手机号（11位）；想匿名投诉请回复“匿名”。",
})

ERROR_TEXT.update({
    "invalid_commitment_no": "没有识别出承诺编号，承诺编号以CN开头，后面是日期和序号，例如 CN20261127-000001。",
    "commitment_not_found": "没有找到与这个证件号对应的承诺编号，请核对承诺编号和证件号后重新输入。",
    "identity_mismatch": "没有查到与这个姓名和证件号相符的诚信档案，请核对后重新输入（姓名要与证件登记的一致）。",
    "invalid_withdraw_reason": "撤回需要说明理由（五(八)：有合理理由的可以撤回），请用一句话说明。",
    "complaint_commitment_unknown": "没有找到这个承诺编号，请核对后重新输入；不确定的话回复“没有”，投诉照样受理。",
    "complaint_too_short": "内容太短了，请具体说明投诉或举报的事情，方便我们核实处理。",
})


NO_NUMBER_TEXT = (
    "没有承诺编号没关系：编号在承诺成功时的回执里；也可以带身份证到办事窗口，或拨打12345政务服务便民热线查询。"
    "找到编号后随时对我说“查一下我的承诺”。"
)


def _date_text(value: Optional[str]) -> str:
    """``2026-12-25`` → ``2026年12月25日`` (plain words, P1); anything else unchanged."""
    if not value:
        return ""
    parts = str(value)[:10].split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    return str(value)


def commitment_status(result: Dict[str, Any], brief: bool = False) -> Message:
    """The answer to "查一下我的承诺": the status in plain words, what happens next and by when.
    ``brief``: only which commitment and its status (shown before a withdrawal reason is asked)."""
    name = f"（{result['item_name']}）" if result.get("item_name") else ""
    parts = [f"承诺编号 {result['commitment_no']}{name}：{result.get('status_text') or result['status']}。"]
    if result.get("next_step") and not brief:
        parts.append(f"下一步：{result['next_step'].rstrip('。')}。")
    if result.get("due_date") and not brief:
        parts.append(f"办理期限：{_date_text(result['due_date'])}前。")
    custom = {
        "stage": "commitment_status",
        "commitment_no": result["commitment_no"],
        "status": result["status"],
        "item_code": result.get("item_code"),
        "due_date": result.get("due_date"),
    }
    return "".join(parts), custom


WITHDRAWAL_REFUSALS = {
    # R17 / 五(八): only before the matter is concluded. A licence decided on the spot is concluded.
    "concluded": (
        "这份承诺对应的事项已经办结，不能再撤回承诺。已当场作出许可决定的，如需放弃这项许可，"
        "请按该许可的注销程序向实施机关申请注销；可以拨打12345咨询办理方式。"
    ),
    "revoked": "这份承诺对应的决定已被撤销，事项已经终结，不能再撤回承诺。如有异议，可以拨打12345咨询异议处理。",
    "already_withdrawn": "这份承诺已经撤回过了，不能重复撤回。事项请按一般程序提交证明材料办理。",
}


def withdrawal_refused(commitment_no: str, status: str, reason: str) -> Message:
    """A clear refusal (R17): the current status with the reason; the contract's ``commitment_status``."""
    text = f"承诺编号 {commitment_no}：{WITHDRAWAL_REFUSALS[reason]}"
    return text, {"stage": "commitment_status", "commitment_no": commitment_no, "status": status,
                  "withdrawal": "refused", "reason": reason}


def commitment_withdrawn(result: Dict[str, Any]) -> Message:
    proofs = list(result.get("proofs_required") or [])
    need = f"需要提交{'、'.join(proofs)}。" if proofs else "请按一般程序提交证明材料。"
    text = (
        f"已为您撤回承诺，承诺编号 {result['commitment_no']}，撤回理由已记录。"
        f"撤回后按原程序办理（五(八)）：{need}"
    )
    return text, {"stage": "commitment_withdrawn", "commitment_no": result["commitment_no"],
                  "status": result.get("status", "withdrawn"), "proofs_required": proofs}


def complaint_received(result: Dict[str, Any], anonymous: bool) -> Message:
    due = f"，我们会在{_date_text(result['due_date'])}前处理" if result.get("due_date") else "，我们会按时限处理"
    reply = "匿名投诉不会回访，您可以凭受理编号拨打12345查询处理进度。" if anonymous else "处理结果会通过您留的手机号告知。"
    text = f"您的投诉举报已受理，受理编号：{result['ticket_no']}{due}。{reply}感谢您对告知承诺制的监督。"
    return text, {"stage": "complaint_received", "ticket_no": result["ticket_no"], "due_date": result.get("due_date")}


CREDIT_STATUS_TEXT = {
    "clean": "信用状况良好，没有不良信用记录，可以使用告知承诺制。",
    "repaired": "有不良信用记录，已完成信用修复，可以使用告知承诺制（承诺后会被重点核查）。",
    "blocked": "有尚未修复的严重失信或虚假承诺记录，信用修复完成前不能使用告知承诺制，可以按一般程序提交证明办理。",
}


def credit_records(name: str, result: Dict[str, Any]) -> Message:
    """The applicant's own integrity file (R16); shown only after name and ID matched (P5)."""
    status = result.get("status") or ""
    records = list(result.get("records") or [])
    lines = [f"{name}的诚信档案：{CREDIT_STATUS_TEXT.get(status, status)}"]
    for n, r in enumerate(records, start=1):
        repaired = f"已修复（{_date_text(r['repaired_at'])}）" if r.get("repaired_at") else "尚未修复"
        what = f"：{r['description'].rstrip('。')}" if r.get("description") else ""
        lines.append(f"{n}. {_date_text(r.get('occurred_on'))} {r.get('type')}（{r.get('severity')}）{what}。修复情况：{repaired}。")
    if records:
        lines.append("对记录有异议可以申请异议处理；纠正失信行为后可以申请信用修复，详情请问“信用修复怎么办”。")
    custom = {"stage": "credit_records", "status": status,
              "records": [{k: r.get(k) for k in ("type", "severity", "occurred_on", "repaired_at")} for r in records]}
    return "\n".join(lines), custom


GENERIC_CREDIT_WARNING = (
    "事前信用预警：这个事项经济价值高、核查难度大。作出不实承诺的，将终止办理或撤销已作出的决定，"
    "记入诚信档案并在信用修复前不能再使用告知承诺制，涉嫌犯罪的移送司法机关（五(六)(七)(八)）。请如实承诺。"
)


def credit_warning(item: Item, text: str) -> Message:
    """R18 / 五(八): shown before the notification of a high-value item."""
    return text, {"stage": "credit_warning", "item_code": item.code}


# --- the three legal questions: what to say when an answer is not yet a yes (R5, R6, R7) ---------------------
# Keyed by ``Reading.detail`` of bot.core.consent; ``{expected}`` is ``Reading.expected`` (the words that count,
# already in quotes). For the commitment itself the reading also carries ``extra["explanation"]``, the same
# text the backend gives, which takes precedence; these are the fallback and the texts of the other two steps.

CONSENT_TEXT: Dict[str, str] = {
    # notice read
    "bare_yes": "为确认您已经看完全部告知内容，请回复{expected}；想再看某一条，可以说“第几条再说一遍”。",
    "not_read": "没关系，请慢慢看，看完全部内容后回复{expected}。想再看某一条，可以说“第几条再说一遍”。",
    "not_understood": "哪里不明白可以直接问我，比如“第五条是什么意思”。全部看完、弄清楚后，请回复{expected}。",
    "hedge": "告知内容要全部看完才能继续。请看完后回复{expected}；想再看某一条，可以说“第几条再说一遍”。",
    "no_such_section": "告知书没有这一条。请说{expected}，例如“第二条再说一遍”。",
    # special authorisation
    "unsure": "请先看一下授权委托书：上面写明“特别授权代为作出告知承诺”的，请回复“写明了特别授权”；只写了代为办理的，请回复“没有写明”。",
    "condition": "这里只需要如实说明委托书上写了什么：写明特别授权代为承诺的，请回复“写明了特别授权”；没有写的，请回复“没有写明”。",
    "not_specific": "请说明委托书上写了什么：写明特别授权您代为作出告知承诺的，请回复“写明了特别授权”；没有写明的，请回复“没有写明”。",
    "contradiction": "您的回答前后不一致。委托书上写明特别授权代为作出告知承诺的，请回复“写明了特别授权”；只写了代为办理的，请回复“没有写明”。",
    "no_special_authorisation": "委托书没有写明特别授权代为承诺，就不能代为承诺。您可以请申请人本人办理，"
    "或者按一般程序提交证明材料办理。",
    # shared
    "correction": "您前后说法不一样，为慎重起见请重新明确回复{expected}。",
    "nlu_disagrees": "我不太确定您的意思。如果您有疑问，可以直接问我；确认的话，请回复{expected}。",
    "joke": "这一步会记入办理记录，请认真回复{expected}。",
    "emoji": "这一步会记入办理记录，请只用文字回复{expected}。",
    "too_long": "您发来的内容太长了，请简单回复{expected}。",
    "unclear": "没能确认您的意思，请回复{expected}。",
    # the commitment (fallback texts; the reading's own explanation comes first)
    "implicit": "您的回复表示同意，但还不是承诺本身。确认承诺的话，请输入{expected}。",
    "conditional": "承诺不能附带条件、保留或者以后再说。有疑问请先问清楚；确认后，请输入{expected}。",
    "doubt": "您好像还没看完或者有不清楚的地方。请先把告知内容看清楚，有疑问可以问我；确认无误后，请输入{expected}。",
    "coerced": "承诺必须出于您本人的真实意愿。不愿意可以不承诺，按一般程序办理；自愿承诺的话，请输入{expected}。",
    "english": "承诺要用中文明确写出来，请输入{expected}。",
    "third_party": "承诺要由您自己作出，不能由别人代说。确认承诺的话，请输入{expected}。",
    "agree_and_commit": "“同意”表示认可告知内容，但承诺要由您自己明确说出来。请输入{expected}（不用加“同意”）。",
    "typo": "您输入的字好像有误，为慎重起见请重新输入{expected}。",
    "proxy_form": "您是代他人办理，承诺时需要用文字说明已获得申请人的特别授权，请输入{expected}。",
    "proxy_words_for_self": "您选择的是本人办理。如果其实是代他人办理，请告诉我“代他人办理”；本人办理的，请输入“本人承诺”。",
    "wrong_direction": "代为承诺要由您（代理人）作出，请输入{expected}。",
    "authoriser_mismatch": "您说的授权人和申请人不一致，请核对后输入{expected}。",
    "no_authorisation": "没有申请人的特别授权，不能代为承诺。您可以请申请人本人办理，或者按一般程序提交证明材料办理。",
    "not_text": "没能识别您的回复，请输入{expected}。",
    "willingness": "您说的是愿意或打算承诺，承诺要由您现在明确作出。确认承诺的话，请输入{expected}。",
    "grudging": "承诺必须是您真实、自愿的意思。有顾虑可以先问我，或者不承诺、按一般程序办理；确实自愿承诺的话，请输入{expected}。",
    "mixed_question": "您在说承诺的同时还问了问题。请先把问题弄清楚，可以直接问我；想好了要承诺，请输入{expected}。",
    "description": "您说的是申请人给了您特别授权；承诺要由您自己作出，请输入{expected}。",
}


def consent_text(detail: str, expected: str = "", explanation: str = "") -> str:
    """The re-ask for a legal question that was not answered with a yes (never an internal code)."""
    if explanation:
        return explanation
    template = CONSENT_TEXT.get(detail) or CONSENT_TEXT["unclear"]
    return template.format(expected=expected or "“是”或“否”")


# --- identity in the flows after the commitment, and the principal's own authorisations (R5) -------------------
# Status, withdrawal and one's own credit records answer only the ID's verified holder (actions/lifecycle.py).
# A principal grants, lists and revokes special authorisations in the chat (actions/authorisations.py). Stages
# added to the contract: ``authorisation_granted``, ``authorisation_list``, ``authorisation_revoked``.

ASK_TEXT.update({
    "applicant_name_grant": "好的，我来帮您办理特别授权。请先告诉我您（授权人）的姓名（企业请说企业全称）。",
    "applicant_id_grant": (
        "请输入您（授权人）的18位身份证号（企业请输入统一社会信用代码），"
        "我们会向该证件登记的实名手机号码发送验证码，确认是您本人授权。"
    ),
    "agent_name_grant": "请告诉我受托人（代您办理的人）的姓名。",
    "agent_id_grant": "请输入受托人的18位身份证号。",
    "grant_valid_until": (
        "授权多长时间有效？可以回复“三个月”“半年”“一年”，或者截止日期（例如“2027年3月31日”），最长一年。"
        "直接回复“好的”就按三个月授权。"
    ),
    "applicant_id_manage": (
        "请输入您（授权人）的18位身份证号（企业请输入统一社会信用代码），"
        "核验身份后为您查看您作出的授权。"
    ),
    "revoke_number": "请回复要撤销的授权编号（以SQ开头），也可以回复列表里的序号；不撤销请回复“不用了”。",
})

ERROR_TEXT.update({
    "own_commitment_not_found": "您名下没有找到这个承诺编号，请核对后重新输入（企业的承诺请用统一社会信用代码查询）。",
    "agent_is_principal": "受托人不能是您本人。本人办理的，不需要授权。",
    "no_grant_items": "没有识别出您选的事项。请回复序号，可以一次选几个（例如“1和3”）；也可以说出事项名称重新查找。",
    "no_item_found": "清单里没有找到相符的事项，请换个说法，例如“领养老金”“申请公租房”。",
    "item_not_for_proxy": "这个事项不能由他人代为承诺，不能授权。",
    "invalid_valid_until": "没有识别出授权期限。",
    "valid_until_past": "授权截止日期要晚于今天，请重新选择。",
    "valid_until_too_long": "授权期限最长一年，请选择一年以内的期限。",
    "unknown_authorisation": "您作出的有效授权里没有这个编号，请核对后重新回复。",
})

CANCEL_TEXT.update({
    "authorisation_grant_form": "好的，没有作出授权，您填写的信息不会保存。需要时随时说“我要授权”。",
    "authorisation_manage_form": "好的，您的授权都保持不变。需要时随时说“我的授权”或“撤销授权”。",
})

NOT_GRANTED_TEXT = "好的，这次没有作出授权，您填写的信息不会保存。需要时随时说“我要授权”。"
NOT_REVOKED_TEXT = "好的，没有撤销，这份授权继续有效。"

# Why a confirmation was not taken as one (the reading's detail), before the confirmation is asked again.
CONFIRMATION_TEXT = {
    "not_specific": "为慎重起见，请明确回复{expected}。",
    "willingness": "您说的是想要这样做。请确认现在就这样做：回复{expected}。",
    "hedge": "这一步需要您明确决定，不能带“可能”“应该”之类的保留。想好了请回复{expected}。",
    "condition": "确认不能附带条件。有疑问可以先问我；想好了请回复{expected}。",
    "third_party": "这一步只能由授权人本人确认，不能由别人代为确认。请您本人回复{expected}。",
    "restated": "不用重复内容，确认无误的话请只回复{expected}。",
    "joke": "这一步会留存记录，请认真回复{expected}。",
    "nlu_disagrees": "我不太确定您的意思。有疑问可以直接问我；确认的话请回复{expected}。",
    "unclear": "没能确认您的意思，请回复{expected}。",
}


def confirmation_text(detail: Optional[str], expected: str) -> str:
    if not detail:
        return ""
    template = CONFIRMATION_TEXT.get(detail) or CONFIRMATION_TEXT["unclear"]
    return template.format(expected=expected)


def grant_items_ask(items: List[Item], error_text: str = "", error: Optional[str] = None) -> Message:
    """Which items the authorisation covers: the candidates found, the principal picks one or several."""
    custom: Dict[str, Any] = {"stage": "ask", "slot": "grant_items"}
    if error:
        custom["error"] = error
    if not items:
        return f"{error_text}请告诉我授权受托人办理哪个事项，例如“领养老金”“申请公租房”。", custom
    lines = [f"{error_text}授权受托人办理哪个事项？为您找到以下可以代为承诺的事项："]
    for n, item in enumerate(items, start=1):
        lines.append(f"{n}. {item.name}（{item.department}）")
    lines.append("请回复序号，可以一次选几个（例如“1和3”）；都不是的话，请换个说法说出事项名称。")
    custom["items"] = [{"code": i.code, "name": i.name} for i in items]
    return "\n".join(lines), custom


def grant_summary_ask(principal: str, agent: str, agent_id_masked: str, items: List[Item], valid_until: str,
                      error_text: str = "", error: Optional[str] = None) -> Message:
    """The summary the principal confirms; only "确认授权" grants (R5: the authorisation covers the commitment)."""
    names = "、".join(f"“{i.name}”" for i in items)
    text = (
        f"{error_text}请核对授权内容：授权人{principal}特别授权受托人{agent}（身份证号{agent_id_masked}）"
        f"代为办理{names}，并代为作出告知承诺，由您承担不实承诺的法律后果；授权有效期至{_date_text(valid_until)}。"
        "确认无误请回复“确认授权”；不授权请回复“不授权”。"
    )
    custom: Dict[str, Any] = {"stage": "ask", "slot": "grant_confirmation", "required_words": "确认授权",
                              "item_codes": [i.code for i in items], "valid_until": valid_until}
    if error:
        custom["error"] = error
    return text, custom


def authorisation_granted(result: Dict[str, Any], items: List[Item]) -> Message:
    """The number and the code, shown this once: the principal gives both to the agent."""
    names = "、".join(f"“{i.name}”" for i in items) or "所选事项"
    text = (
        f"授权成功！授权编号：{result['number']}，授权码：{result['code']}。"
        f"受托人{result.get('agent_name') or ''}凭这两项可以在{_date_text(result.get('valid_until'))}前代您办理{names}并代为承诺。"
        "请把授权编号和授权码一起告诉受托人本人，不要告诉其他人；授权码只显示这一次。"
        "您随时可以说“撤销授权”撤销这份授权。"
    )
    return text, {"stage": "authorisation_granted", "number": result["number"], "code": result["code"],
                  "valid_until": result.get("valid_until"), "item_codes": list(result.get("item_codes") or [])}


AUTHORISATION_STATUS_TEXT = {"active": "有效", "expired": "已过期", "revoked": "已撤销", "locked": "已暂停使用"}


def authorisation_list(listed: List[Dict[str, Any]], names: Dict[str, str], revoking: bool = False) -> Message:
    """The principal's own authorisations (the agent's name masked by the API)."""
    custom = {"stage": "authorisation_list",
              "authorisations": [{k: a.get(k) for k in ("number", "agent_name", "item_codes", "valid_until", "status")}
                                 for a in listed]}
    if not listed:
        return "您目前没有作出过授权。需要授权他人代您办理时，可以说“我要授权”。", custom
    lines = ["您作出的授权："]
    for n, a in enumerate(listed, start=1):
        items = "、".join(names.get(c, c) for c in a.get("item_codes") or [])
        lines.append(f"{n}. {a['number']}：受托人{a.get('agent_name') or ''}，事项{items}，"
                     f"有效期至{_date_text(a.get('valid_until'))}，{AUTHORISATION_STATUS_TEXT.get(a.get('status'), a.get('status'))}。")
    if not revoking:
        lines.append("需要撤销某一份，请说“撤销授权”加授权编号，例如“撤销授权 " + listed[0]["number"] + "”。")
    return "\n".join(lines), custom


NOTHING_TO_REVOKE_TEXT = "您目前没有有效的授权，不需要撤销。"


def revoke_confirmation_ask(entry: Dict[str, Any], names: Dict[str, str], error_text: str = "",
                            error: Optional[str] = None) -> Message:
    items = "、".join(names.get(c, c) for c in entry.get("item_codes") or [])
    text = (f"{error_text}要撤销授权 {entry['number']}（受托人{entry.get('agent_name') or ''}，事项{items}）吗？"
            "撤销后受托人不能再用它代您办理和承诺。确认请回复“确认撤销”；不撤销请回复“不用了”。")
    custom: Dict[str, Any] = {"stage": "ask", "slot": "revoke_confirmation", "number": entry["number"],
                              "required_words": "确认撤销"}
    if error:
        custom["error"] = error
    return text, custom


def authorisation_revoked(result: Dict[str, Any]) -> Message:
    text = f"已撤销授权 {result['number']}，受托人不能再用它代您办理和承诺。需要时您可以重新授权。"
    return text, {"stage": "authorisation_revoked", "number": result["number"], "status": "revoked"}
