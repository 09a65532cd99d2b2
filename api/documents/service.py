"""What the published documents say (R10, 五(四)): the guide (办事指南), the blank commitment-letter template
(告知承诺书格式文本) of every item, and the readable copy of a signed commitment letter (P2, P3, P5).

Everything comes from the one source: the stored catalogue version (itself loaded from the catalogue YAML), the
statement of ``bot.core.affirmation`` and the signed canonical record. Nothing here is typed in by hand twice.
"""
from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from typing import Any, Dict, List, Sequence, Tuple

from api.catalogue import service as catalogue
from api.clock import for_people
from api.catalogue.models import ItemVersion
from api.commitments import lifecycle
from api.commitments import service as commitments
from api.commitments import sealed
from api.commitments.models import Commitment
from api.documents.model import Block, Document, Fields, Numbered, Paragraph, QrCode, Section, SignatureLines
from bot.core import affirmation, ids
from bot.core.evidence import DELIVERED_BY_TEXT
from bot.core.catalogue import Item

PLATFORM = "郑州市告知承诺制服务平台"
# What the template leaves for the applicant to write in by hand.
BLANK = "__________"
LINE = "_" * 28
DATE_BLANK = "________年_____月_____日"


def _blanks(*labels: str) -> SignatureLines:
    return SignatureLines(tuple((label, DATE_BLANK if label == "日期" else LINE) for label in labels))

KIND_TEXT = {"proof": "证明事项", "license": "涉企经营许可事项"}
METHOD_TEXT = {"online": "在线核查（通过数据共享接口核验）", "onsite": "现场核查", "exempt": "免于核查"}
ID_TYPE_TEXT = {"resident_id": "居民身份证", "uscc": "统一社会信用代码"}
CHANNEL_TEXT = {
    "web": "网站对话",
    "socketio": "网站对话（网页聊天窗口）",
    "rest": "网站对话（REST 接口）",
    "wechat": "微信公众号",
    "hotline": "12345 热线",
}
WECHAT = "wechat"

_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    return "十" + _NUMERALS[n - 11]


def _item_document(item: Item, version: ItemVersion, kind: str, words: Tuple[str, str, str],
                   sections: List[Tuple[str, List[Block]]], links: List[Tuple[str, str]]) -> Document:
    """A document of one item version, named the one way: ``words`` are what follows the item's name in the
    title, what leads the subtitle, and what follows the item code in the footer; ``kind`` starts the file name."""
    title, lead, footer = words
    code, number = item.code, version.version
    return _document((f"{item.name}{title}", f"{lead} · 事项编码 {code} · 第 {number} 版", f"{kind}-{code}-v{number}",
                      f"{PLATFORM} · {code} {footer}"), sections, links)


def _document(
    names: Tuple[str, str, str, str], sections: List[Tuple[str, List[Block]]], links: Sequence[Tuple[str, str]] = ()
) -> Document:
    """A document whose sections are numbered 一、二、…; ``names`` are its title, subtitle, file name and footer."""
    title, subtitle, filename, footer = names
    numbered = tuple(Section(f"{_numeral(i)}、{heading}", tuple(blocks))
                     for i, (heading, blocks) in enumerate(sections, 1))
    return Document(title=title, subtitle=subtitle, sections=numbered, filename=filename, footer=footer,
                    links=tuple(links))


def _china_time(value: str | datetime) -> str:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return for_people(moment) + "（北京时间）"


def group_hex(value: str, size: int = 4) -> str:
    """``ab12cd34…`` as ``AB12 CD34 …`` so a person can read a fingerprint out and compare it."""
    value = value.upper()
    return " ".join(value[i : i + size] for i in range(0, len(value), size))


def signature_fingerprint(signature_b64: str) -> str:
    """SHA-256 of the Ed25519 signature bytes: a short, printable stand-in for the signature itself (P3)."""
    return hashlib.sha256(base64.b64decode(signature_b64)).hexdigest()


def sender_text(channel: str, sender_id: str) -> str:
    """How the letter names the conversation. A WeChat sender id is the person's openid, a lasting identifier
    across conversations: only a short digest of it is printed (P5), enough to match it against the record."""
    if channel == WECHAT:
        return f"微信用户（标识摘要 {hashlib.sha256(sender_id.encode('utf-8')).hexdigest()[:12]}）"
    return sender_id


def _delivery_moments(shown: Item, evidence: Dict[str, Any]) -> List[Tuple[str, str]]:
    """Per notice section: when it was sent and when, and how, its arrival was known (P2) - or, on the hotline,
    when staff read it aloud. Records signed before channel evidence existed only know the sending time."""
    titles = {section.index: section.title for section in shown.notice}
    assisted = evidence.get("assisted")
    if assisted is not None:
        return [
            (f"告知书第 {t['index']} 部分宣读", f"{_china_time(t['at'])}　{DELIVERED_BY_TEXT['read_aloud']}　{titles.get(t['index'], '')}")
            for t in assisted["read_aloud"]
        ]
    deliveries = (evidence.get("channel_evidence") or {}).get("deliveries")
    if not deliveries:
        return [
            (f"告知书第 {i} 部分发送", f"{_china_time(at)}　{section.title}（送达未经渠道确认）")
            for i, (section, at) in enumerate(zip(shown.notice, evidence["notice_sections_sent_at"]), 1)
        ]
    moments: List[Tuple[str, str]] = []
    for delivery in deliveries:
        index = delivery["section"]
        how = DELIVERED_BY_TEXT.get(delivery["how"], delivery["how"])
        moments.append((f"告知书第 {index} 部分发送", f"{_china_time(delivery['sent_at'])}　{titles.get(index, '')}"))
        moments.append((f"告知书第 {index} 部分送达", f"{_china_time(delivery['delivered_at'])}　{how}"))
    return moments


def _notice_blocks(item: Item) -> List[Block]:
    blocks: List[Block] = []
    for section in item.notice:
        blocks.append(Paragraph(f"{section.index}. {section.title}", "subheading"))
        blocks.append(Paragraph(section.text))
    return blocks


def _notice_version_text(version: ItemVersion) -> str:
    return f"第 {version.version} 版，SHA-256 {version.notice_version}"


def _proxy_text(item: Item) -> str:
    if item.proxy_allowed:
        return "可以。代理人须取得申请人的特别授权，授权委托书须明确载明代为作出告知承诺（五(三)）。"
    return "不可以。本事项须由申请人本人作出承诺。"


def _sampling_text(rate: float) -> str:
    if rate >= 1:
        return "每一份承诺都核查。"
    return f"信用良好的申请人按 {rate:.0%} 的比例随机抽取核查（双随机）；有失信记录（包括已修复的）的申请人全部核查。"


# --- the guide (办事指南) -----------------------------------------------------------------------------------


def guide(version: ItemVersion) -> Document:
    item = catalogue.as_item(version)
    base = f"/api/v1/catalogue/items/{item.code}"
    basics = [
        ("事项名称", item.name),
        ("事项编码", item.code),
        ("事项类型", KIND_TEXT[item.kind]),
        ("实施机关", item.department),
        ("实施层级", item.level),
        ("所属领域", item.area),
        ("设定依据", item.legal_basis),
        (
            "告知承诺制",
            "适用：可以书面承诺代替提交证明材料" if item.commitment_allowed else f"不适用（{item.exclusion_category}）",
        ),
    ]
    if item.commitment_allowed:
        basics += [
            ("代为承诺", _proxy_text(item)),
            ("承诺书公开", "公开" if item.public else "不公开"),
            ("告知书版本", _notice_version_text(version)),
        ]
    sections: List[Tuple[str, List[Block]]] = [("基本信息", [Fields(tuple(basics))])]

    normal_procedure: List[Block] = [
        Paragraph("不选择告知承诺、不符合承诺条件或撤回承诺的，按一般程序提交以下材料："),
        Numbered(item.proofs_required),
    ]
    if not item.commitment_allowed:
        # R2: the high-risk exclusion, said with its reason and the normal-procedure proofs.
        sections.append(
            (
                "不适用告知承诺制的原因",
                [Paragraph(f"本事项属于“{item.exclusion_category}”领域，依照实施方案第四部分不实行告知承诺制。"),
                 Paragraph(item.exclusion_reason or "")],
            )
        )
        sections.append(("办理所需材料", normal_procedure))
    else:
        plan = item.verification
        assert plan is not None  # parse_item requires a plan for every item that allows commitment
        replaced: List[Block] = []
        if item.kind == "license":
            replaced += [Paragraph("以承诺代替审查的许可条件："), Numbered(item.replaces)]
            if item.includes_proofs:
                # R9: the proofs inside a licence application are notified and committed once with it.
                replaced += [Paragraph("一次性告知和承诺、无需另行提交的证明："), Numbered(item.includes_proofs)]
        else:
            replaced += [Paragraph("以书面承诺代替提交的证明："), Numbered(item.replaces)]
        notice = {s.title: s.text for s in item.notice}
        sections += [
            ("以承诺代替的证明或条件", replaced),
            ("办理条件和材料要求", [Paragraph(notice["证明内容或许可条件及材料要求"])]),
            ("一般程序所需材料（自愿选择）", normal_procedure),
            (
                "承诺方式",
                [
                    Paragraph(notice["承诺方式"]),
                    Paragraph(
                        "申请人可以自主选择告知承诺或一般程序（五(三)）。有严重失信记录或曾作出不实承诺、"
                        "尚未完成信用修复的申请人，不适用告知承诺制，须按一般程序办理（五(三)）。"
                    ),
                ],
            ),
            (
                "核查",
                [
                    Fields(
                        (
                            ("核查方式", METHOD_TEXT[plan.method]),
                            ("核查时限", f"自承诺之日起 {plan.time_limit_days} 个工作日内"),
                            ("核查标准", plan.standard),
                            ("核查比例", _sampling_text(plan.sampling_rate)),
                        )
                    ),
                    Paragraph(notice["核查权力、方式和时限"]),
                ],
            ),
            ("不实承诺的法律责任", [Paragraph(notice["不实承诺的法律责任"])]),
            ("承诺书公开", [Paragraph(notice["承诺书公开"])]),
            (
                "撤回承诺",
                [Paragraph("事项办结前，申请人可以说明合理理由撤回承诺，改按一般程序办理；已作出许可决定的，须按注销程序办理（五(八)）。")],
            ),
        ]
    sections.append(
        (
            "投诉举报",
            [
                Paragraph(
                    "对本事项的办理或核查有意见，或发现他人作出不实承诺的，可以拨打 12345 政务服务便民热线，"
                    "或在本平台对话中说“我要投诉”。投诉可以匿名，受理后告知工单编号和办理期限（五(四)、五(六)）。"
                )
            ],
        )
    )
    links = [("下载 PDF", f"{base}/guide.pdf")]
    if item.commitment_allowed:
        links += [("告知承诺书格式文本", f"{base}/template"), ("格式文本 PDF", f"{base}/template.pdf")]
    return _item_document(item, version, "guide", ("办事指南", item.department, "办事指南"), sections, links)


# --- the template (告知承诺书格式文本) ---------------------------------------------------------------------


class NoTemplate(ValueError):
    """The item does not allow commitment (R2), so it has no commitment letter."""


def template(version: ItemVersion) -> Document:
    item = catalogue.as_item(version)
    if not item.commitment_allowed:
        raise NoTemplate(item.code)
    base = f"/api/v1/catalogue/items/{item.code}"
    sections: List[Tuple[str, List[Block]]] = [
        (
            "行政机关告知",
            [
                Fields(
                    (
                        ("事项编码", item.code),
                        ("实施机关", item.department),
                        ("告知书版本", _notice_version_text(version)),
                    )
                ),
                Paragraph(f"{item.department}就“{item.name}”向申请人告知如下（告知书共七部分）："),
            ]
            + _notice_blocks(item),
        ),
        (
            "申请人承诺",
            [
                # The very statement the platform signs (五(四) four parts), with the name left blank.
                Paragraph(affirmation.statement(item.name, "self", BLANK, None), "statement"),
                _blanks("申请人（签字或盖章）", "证件类型及号码", "联系电话", "日期"),
            ],
        ),
    ]
    if item.proxy_allowed:
        sections.append(
            (
                "代为承诺（仅限经申请人特别授权的代理人）",
                [
                    # The applicant is named in the blanks below, so the statement reads "受申请人特别授权".
                    Paragraph(affirmation.statement(item.name, "proxy", "申请人", BLANK), "statement"),
                    _blanks("申请人姓名或名称", "代为承诺人（签字）", "代为承诺人身份证号码", "授权委托书编号", "日期"),
                    Paragraph("须附申请人签署、明确载明代为作出告知承诺的授权委托书（特别授权，五(三)）。", "note"),
                ],
            )
        )
    sections.append(("行政机关", [_blanks(f"{item.department}（盖章）", "日期")]))
    links = [("下载 PDF", f"{base}/template.pdf"), ("办事指南", f"{base}/guide")]
    return _item_document(item, version, "template", ("告知承诺书", "格式文本", "告知承诺书格式文本"), sections, links)


# --- the signed commitment letter ------------------------------------------------------------------------


def _way_text(proxy: Any, representative: Any) -> str:
    if proxy:
        return "代为承诺（经特别授权）"
    if representative:
        return "企业承诺（由法定代表人作出）"
    return "申请人本人承诺"


def _acting_person(applicant: Dict[str, Any], proxy: Any, representative: Any) -> str:
    """"法定代表人 王强", "经办人 刘洋（受特别授权）" or "申请人本人 张伟": never an enterprise's name alone."""
    if proxy:
        return f"经办人 {proxy['name']}（受特别授权）"
    if representative:
        return f"法定代表人 {representative['name']}"
    if applicant.get("id_type") == "uscc":
        # Signed before the platform recorded the legal representative: the record does not name them.
        return "企业申请人（签署时未记录法定代表人）"
    return f"申请人本人 {applicant['name']}"


def _signed_messages(evidence: Dict[str, Any]) -> List[Tuple[str, str]]:
    """The user's messages as the channel signed them on arrival (absent from records signed before)."""
    signed = evidence.get("channel_evidence")
    if not signed:
        return []
    return [
        ("“已阅读”的原话或按钮", signed["notice_ack"]["text"]),
        ("渠道留存", "“已阅读”和承诺消息及告知书各部分的送达均由渠道签名留存（HMAC-SHA256），已由平台逐项核对"),
    ]


AUTHORISATION_KIND_TEXT = {"electronic": "申请人在平台电子授权", "paper": "纸质授权委托书，工作人员核验后登记"}


def _identity_rows(payload: Dict[str, Any]) -> List[Tuple[str, str]]:
    """How the one who signed was identified and how they confirmed the act (records signed before say so)."""
    words = commitments.identity_words(payload, show_phone=True)
    if words is None:
        return [("身份核验", "签署时平台尚未记录承诺人的身份核验方式")]
    identified = words["identified_by"] or ""
    if words["identified_at"]:
        identified += f"，{_china_time(words['identified_at'])}"
    act = words["act_confirmed_by"] or ""
    if words["act_confirmed_at"]:
        act += f"，时间 {_china_time(words['act_confirmed_at'])}"
    return [("身份核验", identified), ("意愿确认", act)]


def letter(row: Commitment, public_base_url: str) -> Document:
    """The applicant's copy of a signed commitment: everything the record holds, IDs and phone masked (P5)."""
    payload: Dict[str, Any] = sealed.payload_of(row)  # P5: IDs sealed at rest, opened here only to be masked
    shown = catalogue.as_item(row.item_version)  # the version whose notification the applicant was given (P2)
    item_info = payload["item"]
    applicant = payload["applicant"]
    proxy = payload["proxy"]
    evidence = payload["evidence"]
    no = payload["commitment_no"]
    check_code = row.check_code or ""
    verify_url = commitments.receipt(payload, row.record_hash, public_base_url, check_code).verify_url
    status = payload["status"]  # signed; the lifecycle since then is in current_status (not signed)

    summary = [
        ("承诺编号", no),
        ("事项", f"{item_info['name']}（{item_info['code']}，{KIND_TEXT.get(item_info['kind'], item_info['kind'])}）"),
        ("实施机关", shown.department),
        ("告知书版本", f"第 {item_info['version']} 版，SHA-256 {item_info['notice_version']}"),
        ("签署时间", _china_time(payload["created_at"])),
        ("签署时状态", lifecycle.STATUS_LABELS.get(status, status)),
        ("当前状态", lifecycle.STATUS_LABELS.get(row.current_status, row.current_status)),
    ]
    if payload.get("decision_no"):
        summary.append(("许可决定书编号", payload["decision_no"]))  # R8
    summary.append(("承诺代替", "；".join(payload.get("covers") or [])))

    representative = payload.get("representative")
    people = [
        ("申请人", applicant["name"]),
        ("证件类型", ID_TYPE_TEXT.get(applicant["id_type"], applicant["id_type"])),
        ("证件号码", ids.mask_id(applicant["id_number"])),
        ("联系电话", ids.mask_phone(payload["phone"])),
        ("承诺方式", _way_text(proxy, representative)),
        # The natural person who made the commitment: an enterprise commits through a person.
        ("作出承诺的人", _acting_person(applicant, proxy, representative)),
    ]
    if proxy:
        people += [
            ("代为承诺人", proxy["name"]),
            ("代为承诺人身份证号码", ids.mask_id(proxy["id_number"])),
            ("授权委托书编号", proxy["authorization_no"]),
            ("特别授权", "已取得：授权明确载明代为作出告知承诺（五(三)）" if proxy.get("special_authorization") else "无"),
        ]
        authorisation = proxy.get("authorisation")
        if authorisation:
            kind = AUTHORISATION_KIND_TEXT.get(authorisation.get("kind"), authorisation.get("kind"))
            people.append(("平台核验的特别授权", f"{authorisation['number']}（{kind}）"))
    people += _identity_rows(payload)

    channel = evidence["channel"]
    moments = _delivery_moments(shown, evidence)
    moments += [
        ("确认已阅读", _china_time(evidence["notice_ack_at"])),
        ("作出承诺", _china_time(evidence["affirmation_at"])),
        ("平台签名", _china_time(payload["created_at"])),
    ]
    signature = [
        ("链上序号", str(payload["seq"])),
        ("记录哈希 SHA-256", group_hex(row.record_hash)),
        ("前一记录哈希", group_hex(payload["prev_hash"])),
        ("签名算法", "Ed25519"),
        ("密钥标识", row.key_id),
        ("签名指纹 SHA-256", group_hex(signature_fingerprint(row.signature))),
    ]
    if row.sm2_signature is not None:
        # The same record signed with SM2 and chained with SM3 (records signed before carry neither).
        signature += [
            ("记录哈希 SM3", group_hex(row.sm3_hash or "")),
            ("国密签名算法", "SM2（SM3，默认用户标识）"),
            ("SM2 密钥标识", row.sm2_key_id or ""),
        ]
    sections: List[Tuple[str, List[Block]]] = [
        ("承诺概要", [Fields(tuple(summary))]),
        ("承诺人", [Fields(tuple(people))]),
        (f"告知内容（第 {item_info['version']} 版全文）", _notice_blocks(shown)),
        (
            "承诺",
            [
                Paragraph(evidence["statement"], "statement"),
                Fields(
                    (
                        ("承诺人的原话或按钮", evidence["affirmation_text"]),
                        ("承诺时间", _china_time(evidence["affirmation_at"])),
                        ("渠道", CHANNEL_TEXT.get(channel, channel)),
                        ("会话标识", sender_text(channel, evidence["sender_id"])),
                        *_signed_messages(evidence),
                    )
                ),
            ],
        ),
        ("告知和承诺的时间记录", [Fields(tuple(moments))]),
        (
            "电子签名与核验",
            [
                Fields(tuple(signature), mono=True),
                Fields((("核验码", check_code),), mono=True),
                QrCode(verify_url, f"扫描二维码或访问以下地址，核验本承诺书自签名以来是否被改动：{verify_url}"),
                Paragraph(
                    "核验码是本承诺书的查验凭证：核验时须同时提供承诺编号和核验码，请只交给需要核验本承诺书的人。",
                    "note",
                ),
                Paragraph(
                    "本文件是平台签名记录的可读副本，为保护个人信息，证件号码和电话已部分隐藏。签名覆盖平台保存的完整记录；"
                    f"记录是否完好以核验地址的结果为准，平台公钥见 {public_base_url.rstrip('/')}/api/v1/keys/platform。",
                    "note",
                ),
            ],
        ),
    ]
    names = (f"{item_info['name']}告知承诺书", f"电子签名承诺书 · 承诺编号 {no}", f"commitment-{no}", f"{PLATFORM} · 承诺编号 {no}")
    return _document(names, sections)
