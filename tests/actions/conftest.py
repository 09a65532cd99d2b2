"""Shared by the action tests: a stand-in catalogue, and the channel evidence a journey's messages carry.

The 27 items carry the facts of the specification's catalogue (name, department, area, what is replaced,
included proofs, exclusion category). Aliases and phrasings are written here, deliberately few and plain, so the
tests exercise the method rather than the wording the real catalogue files happen to contain.

The envelopes are signed with a key of the tests' own (bot/core/evidence.py): the action server never holds the
channels' key and cannot check a MAC, so what it must get right is carrying the envelopes it was given.
"""
from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import pytest
import yaml

from bot.core import evidence
from bot.core.catalogue import DEFAULT_DIR, Item, parse_item

TEST_EVIDENCE_KEY = b"action-tests-evidence-key-0123456789"
# When the fixture journeys' notice reached the person and when they said they had read it (well apart).
DELIVERED_AT = "2026-11-27T10:00:01.000+00:00"
READ_AT = "2026-11-27T10:00:45.000+00:00"


def iso_ago(seconds: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(seconds=seconds)).isoformat(timespec="milliseconds")


def signed_message(text: str, *, sender: str, message_id: str, channel: str = "rest",
                   at: Optional[str] = None) -> Dict[str, Any]:
    """What an input channel attaches to a user message (``metadata["evidence"]["message"]``)."""
    return evidence.sign_message(TEST_EVIDENCE_KEY, channel=channel, sender=sender, message_id=message_id,
                                 text=text, at=at)


def signed_deliveries(item: Item, *, sender: str, channel: str = "rest", version: Optional[str] = None,
                      sections: Optional[Iterable[int]] = None,
                      delivered_at: str = DELIVERED_AT) -> List[Dict[str, Any]]:
    """What an output channel signs for the notice sections that reached the person."""
    wanted = set(sections) if sections is not None else {s.index for s in item.notice}
    total = len(item.notice)
    found = []
    for section in item.notice:
        if section.index not in wanted:
            continue
        custom = {"stage": "notice_section", "item_code": item.code, "index": section.index, "total": total,
                  "notice_version": version or item.notice_version, "title": section.title}
        found.append(evidence.sign_delivery(
            TEST_EVIDENCE_KEY, channel=channel, sender=sender, custom=custom,
            text=evidence.notice_section_text(section.index, total, section.title, section.text),
            sent_at=delivered_at, delivered_at=delivered_at))
    return found

# code, name, department, area, replaces, includes_proofs, aliases, phrasings
_COMMITMENT_ITEMS = [
    ("ZM001", "公共租赁住房资格申请", "市住房保障和房地产管理局", "住房保障", ["家庭住房情况证明（无房证明）"], [],
     ["公租房", "公共租赁住房", "廉租房"], ["家里没房想租政府的房子"]),
    ("ZM002", "最低生活保障申请", "市民政局", "社会救助", ["家庭收入状况证明"], [],
     ["低保", "申请低保", "最低生活保障"], ["家里收入太低生活困难想吃低保"]),
    ("ZM003", "法律援助申请", "市司法局", "法律服务", ["经济困难状况证明"], [],
     ["法律援助", "法援", "免费律师"], ["打官司请不起律师"]),
    ("ZM004", "律师执业申请", "市司法局", "法律服务", ["无犯罪记录证明"], [],
     ["律师执业证", "律师执业"], ["通过法考了想当执业律师"]),
    ("ZM005", "教师资格认定", "市教育局", "资格考试", ["学历证明"], [],
     ["教师资格证", "教资认定"], ["考完教资要认定"]),
    ("ZM006", "护士执业注册", "市卫生健康委员会", "健康体检", ["健康体检证明"], [],
     ["护士执业证", "护士注册"], ["护士资格考试过了要注册"]),
    ("ZM007", "失业保险金申领", "市人力资源和社会保障局", "社会保险", ["解除或终止劳动关系证明"], [],
     ["失业金", "失业保险金", "领失业金"], ["被公司辞退了想领失业补助"]),
    ("ZM008", "城乡居民基本养老保险待遇领取", "市人力资源和社会保障局", "社会保险", ["户籍证明"], [],
     ["养老金", "城乡居民养老保险", "领养老金"], ["到了六十岁领养老钱"]),
    ("ZM009", "户口迁入（投靠亲属）", "市公安局", "户籍管理", ["亲属关系证明"], [],
     ["投靠落户", "户口迁入", "迁户口"], ["想把户口迁到子女这里"]),
    ("ZM010", "居住证申领", "市公安局", "户籍管理", ["合法稳定住所证明"], [],
     ["居住证", "办居住证"], ["外地人在郑州租房住要办居住证"]),
    ("ZM011", "个体工商户登记", "市市场监督管理局", "市场主体准营", ["经营场所使用证明"], [],
     ["个体户", "个体执照", "个体营业执照"], ["开个小店办个体户执照"]),
    ("ZM012", "企业设立登记", "市市场监督管理局", "市场主体准营", ["住所（经营场所）使用证明"], [],
     ["开公司", "注册公司", "公司注册"], ["想成立一家有限公司"]),
    ("ZM013", "医疗救助申请", "市医疗保障局", "社会救助", ["家庭经济状况证明"], [],
     ["医疗救助", "看病救助"], ["住院花了很多钱报销不了"]),
    ("ZM014", "困难残疾人生活补贴申请", "市民政局", "社会救助", ["家庭经济状况证明"], [],
     ["残疾人补贴", "困难残疾人补贴", "残补"], ["家里有残疾人生活困难"]),
    ("XK001", "公共场所卫生许可", "市卫生健康委员会", "公共卫生", ["卫生设施与布局", "卫生管理制度", "从业人员健康合格"],
     ["从业人员健康合格证明"], ["卫生许可证", "公共场所卫生许可证"], ["开理发店要办卫生许可证"]),
    ("XK002", "食品经营许可（新办）", "市市场监督管理局", "食品安全", ["经营场所", "设备设施", "食品安全管理制度"],
     ["经营场所使用证明"], ["食品经营许可证", "食品许可证"], ["开饭店卖吃的要办证"]),
    ("XK003", "道路货物运输经营许可（普通货运）", "市交通运输局", "交通运输", ["车辆", "驾驶人员", "安全生产管理制度"], [],
     ["道路运输许可证", "货运许可", "普货运输"], ["开物流公司跑货车运输"]),
    ("XK004", "旅行社业务经营许可（国内和入境旅游）", "市文化广电和旅游局", "文化旅游", ["营业场所", "营业设施", "质量保证金"], [],
     ["旅行社许可", "开旅行社"], ["想开一家旅行社"]),
    ("XK005", "人力资源服务许可", "市人力资源和社会保障局", "人力资源", ["场所", "设施", "专职工作人员"], [],
     ["人力资源服务许可证", "职业中介"], ["开职业介绍所"]),
    ("XK006", "出版物零售业务经营许可", "市文化广电和旅游局", "新闻出版", ["经营场所", "经营范围"], [],
     ["出版物经营许可证", "开书店"], ["想开书店卖书"]),
    ("XK007", "劳务派遣经营许可", "市人力资源和社会保障局", "人力资源", ["注册资本", "场所", "管理制度"], [],
     ["劳务派遣许可证", "劳务派遣"], ["公司想做劳务派遣业务"]),
]

# code, name, department, area, exclusion category, aliases
_EXCLUDED_ITEMS = [
    ("XK101", "危险化学品经营许可", "市应急管理局", "安全生产", "公共安全", ["危化品许可证", "危险化学品"]),
    ("XK102", "药品零售企业经营许可", "市市场监督管理局", "药品监管", "直接关系人身健康", ["药店许可证", "开药店"]),
    ("XK103", "民用爆炸物品购买许可", "市公安局", "治安管理", "公共安全", ["炸药购买", "民爆物品"]),
    ("XK104", "排污许可", "市生态环境局", "生态环境", "生态环境保护", ["排污许可证", "排污证"]),
    ("XK105", "小额贷款公司设立审批", "市地方金融监督管理局", "地方金融", "金融业审慎监管", ["小贷公司", "小额贷款公司"]),
    ("XK106", "特种设备生产单位许可", "市市场监督管理局", "特种设备", "直接关系生命财产安全", ["特种设备许可证", "锅炉生产许可"]),
]


def _template() -> dict:
    return yaml.safe_load((Path(DEFAULT_DIR) / "ZM001.yaml").read_text(encoding="utf-8"))


def _licence_method() -> dict:
    return yaml.safe_load((Path(DEFAULT_DIR) / "XK001.yaml").read_text(encoding="utf-8"))["notice"][3]


def build_sample_items() -> List[Item]:
    template = _template()
    items: List[Item] = []
    for code, name, department, area, replaces, includes, aliases, phrasings in _COMMITMENT_ITEMS:
        raw = copy.deepcopy(template)
        raw.update(
            code=code, name=name, kind="proof" if code.startswith("ZM") else "license", department=department,
            area=area, replaces=replaces, includes_proofs=includes, aliases=aliases, phrasings=phrasings,
        )
        if code.startswith("XK"):  # a licence's section 4 names the legal representative (the loader checks)
            raw["notice"][3] = copy.deepcopy(_licence_method())
        items.append(parse_item(raw, f"<test {code}>"))
    for code, name, department, area, category, aliases in _EXCLUDED_ITEMS:
        raw = copy.deepcopy(template)
        for key in ("notice", "verification"):
            raw.pop(key)
        raw.update(
            code=code, name=name, kind="license", department=department, area=area, replaces=[],
            includes_proofs=[], aliases=aliases, phrasings=[], commitment_allowed=False,
            exclusion={"category": category, "reason": f"{name}属于{category}领域，不适用告知承诺制"},
        )
        items.append(parse_item(raw, f"<test {code}>"))
    return items


@pytest.fixture(scope="session")
def sample_items() -> List[Item]:
    return build_sample_items()


@pytest.fixture(scope="session")
def sample_catalogue(sample_items) -> Dict[str, Item]:
    return {item.code: item for item in sample_items}


@pytest.fixture(scope="session")
def sample_index(sample_items):
    from actions.discovery import ItemIndex

    return ItemIndex(sample_items)
