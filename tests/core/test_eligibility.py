"""Eligibility for commitment: exclusion (R2), free choice (R3), credit (R4), proxy (R5)."""
import copy

import pytest
import yaml

from bot.core.catalogue import DEFAULT_DIR, load_file, parse_item
from bot.core.eligibility import Decision, credit_status, decide, explain

# ZM001 is the finished example item; other items are written concurrently, so the tests read only this one
# and derive the variants they need from it.
ZM001 = load_file(DEFAULT_DIR / "ZM001.yaml")
_RAW = yaml.safe_load((DEFAULT_DIR / "ZM001.yaml").read_text(encoding="utf-8"))


def variant(**changes):
    raw = copy.deepcopy(_RAW)
    raw.update(changes)
    return parse_item(raw, "test")


# Like ZM004 律师执业申请 (data/catalogue/items/ZM004.yaml): commitment allowed, proxy not allowed; notice section 4 must
# then say so (the loader ties it to proxy_allowed), so that section is the shipped ZM004's.
_NO_PROXY_NOTICE = copy.deepcopy(_RAW["notice"])
_NO_PROXY_NOTICE[3] = yaml.safe_load((DEFAULT_DIR / "ZM004.yaml").read_text(encoding="utf-8"))["notice"][3]
NO_PROXY = variant(code="ZM904", name="律师执业申请", department="市司法局", proxy_allowed=False,
                   notice=_NO_PROXY_NOTICE, proofs_required=["无犯罪记录证明", "律师执业申请表", "法律职业资格证书"])
# Like XK101 危险化学品经营许可: excluded for public safety.
EXCLUDED = parse_item(
    {
        "code": "XK901",
        "name": "危险化学品经营许可",
        "kind": "license",
        "department": "市应急管理局",
        "level": "市级",
        "area": "安全生产",
        "legal_basis": "《危险化学品安全管理条例》",
        "commitment_allowed": False,
        "proxy_allowed": False,
        "public": False,
        "aliases": ["危化品经营许可"],
        "proofs_required": ["经营场所产权证明或租赁合同", "安全评价报告", "主要负责人安全培训合格证明"],
        "exclusion": {"category": "公共安全", "reason": "危险化学品经营直接关系公共安全，事后纠错成本高"},
    },
    "test",
)


def rec(type_="虚假承诺", severity="严重", repaired_at=None):
    return {"type": type_, "severity": severity, "repaired_at": repaired_at}


# --- credit_status (R4, 五(三)) -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "records,expected",
    [
        ([], "clean"),
        # 张伟, 赵强, 刘洋: no records.
        ([rec("未履行承诺", "一般")], "clean"),  # minor and not a false commitment: does not bar commitment
        ([rec("失信被执行", "一般", "2024-05-01")], "clean"),
        # 李娜: a false commitment in 2025, not repaired.
        ([rec("虚假承诺", "严重")], "blocked"),
        ([rec("虚假承诺", "一般")], "blocked"),  # any unrepaired false commitment blocks
        ([rec("虚假承诺", "较重")], "blocked"),
        ([rec("失信被执行", "较重")], "blocked"),
        ([rec("未履行承诺", "严重")], "blocked"),
        ([rec("失信被执行", "严重", "")], "blocked"),  # an empty repair date is no repair
        # 王芳: a 较重 record in 2024, credit repair completed.
        ([rec("未履行承诺", "较重", "2024-11-30")], "repaired"),
        ([rec("虚假承诺", "严重", "2025-03-01")], "repaired"),
        ([rec("虚假承诺", "严重", "2025-03-01"), rec("未履行承诺", "一般")], "repaired"),
        ([rec("虚假承诺", "严重", "2025-03-01"), rec("失信被执行", "较重")], "blocked"),  # one left unrepaired
        ([rec("未履行承诺", "一般"), rec("虚假承诺", "较重")], "blocked"),
    ],
)
def test_credit_status(records, expected):  # R4
    assert credit_status(records) == expected


def test_credit_status_accepts_any_iterable_and_date_objects():
    from datetime import date

    assert credit_status(iter([rec("虚假承诺", "严重", date(2025, 1, 2))])) == "repaired"


@pytest.mark.parametrize("record", [rec(severity="很严重"), rec(severity=None), rec(repaired_at="not a date")])
def test_credit_status_refuses_bad_records(record):  # a broken integrity file must not pass as clean
    with pytest.raises(ValueError):
        credit_status([record])


# --- decide --------------------------------------------------------------------------------------------------------


def test_eligible_by_default_and_proofs_always_listed():  # R3: the normal procedure stays open
    decision = decide(ZM001, use_commitment=True, acting_as="self", credit="clean")
    assert decision == Decision(True, None, ZM001.proofs_required)
    assert decide(ZM001) == Decision(True, None, ZM001.proofs_required)


@pytest.mark.parametrize("credit", ["clean", "repaired", None])
@pytest.mark.parametrize("acting_as", ["self", "proxy", None])
def test_eligible_combinations(credit, acting_as):  # R4: a repaired record no longer blocks
    assert decide(ZM001, use_commitment=True, acting_as=acting_as, credit=credit).eligible


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"use_commitment": True, "acting_as": "self", "credit": "clean"}, {"use_commitment": False},
     {"acting_as": "proxy", "credit": "blocked"}],
)
def test_excluded_item_is_never_eligible(kwargs):  # R2
    decision = decide(EXCLUDED, **kwargs)
    assert decision == Decision(False, "excluded", EXCLUDED.proofs_required)


def test_declined():  # R3
    assert decide(ZM001, use_commitment=False).reason == "declined"
    assert decide(ZM001, use_commitment=False, credit="blocked").reason == "declined"  # their choice comes first


def test_proxy_not_allowed():  # R5
    assert decide(NO_PROXY, acting_as="proxy") == Decision(False, "proxy_not_allowed", NO_PROXY.proofs_required)
    assert decide(NO_PROXY, acting_as="self").eligible
    assert decide(ZM001, acting_as="proxy").eligible


def test_credit_blocked():  # R4
    assert decide(ZM001, use_commitment=True, acting_as="self", credit="blocked").reason == "credit"
    assert decide(ZM001, acting_as="proxy", credit="blocked").reason == "credit"


def test_order_of_the_checks():
    assert decide(EXCLUDED, use_commitment=False, acting_as="proxy", credit="blocked").reason == "excluded"
    assert decide(NO_PROXY, use_commitment=False, acting_as="proxy", credit="blocked").reason == "declined"
    assert decide(NO_PROXY, use_commitment=True, acting_as="proxy", credit="blocked").reason == "proxy_not_allowed"


@pytest.mark.parametrize("kwargs", [{"acting_as": "agent"}, {"credit": "bad"}, {"credit": "Blocked"}])
def test_decide_refuses_unknown_values(kwargs):
    with pytest.raises(ValueError):
        decide(ZM001, **kwargs)


def test_decision_is_frozen():
    with pytest.raises(Exception):
        decide(ZM001).eligible = False  # type: ignore[misc]


# --- explain -----------------------------------------------------------------------------------------------------


def assert_numbered_proofs(text, item):  # R2, R3: the proofs of the normal procedure, numbered
    for i, proof in enumerate(item.proofs_required, start=1):
        assert f"{i}. {proof}" in text


def test_explain_excluded():  # R2
    text = explain(decide(EXCLUDED), EXCLUDED)
    assert "危险化学品经营许可" in text and "公共安全" in text and "第四部分" in text
    assert "不适用告知承诺制" in text and "事后纠错成本高" in text
    assert_numbered_proofs(text, EXCLUDED)


def test_explain_excluded_states_the_rule_once_when_the_reason_cites_it():  # R2
    item = parse_item(
        {**{k: v for k, v in _RAW.items() if k not in ("notice", "verification")}, "code": "XK902",
         "kind": "license", "commitment_allowed": False, "replaces": [],
         "exclusion": {"category": "金融业审慎监管",
                       "reason": "按照实施方案第四部分，涉及金融业审慎监管的事项不适用告知承诺制。"}},
        "test",
    )
    text = explain(decide(item), item)
    assert text.count("不适用告知承诺制") == 1 and "直接涉及金融业审慎监管" in text
    assert_numbered_proofs(text, item)


def test_explain_declined():  # R3
    text = explain(decide(ZM001, use_commitment=False), ZM001)
    assert "尊重您的选择" in text and "一般程序" in text
    assert_numbered_proofs(text, ZM001)


def test_explain_proxy_not_allowed():  # R5
    text = explain(decide(NO_PROXY, acting_as="proxy"), NO_PROXY)
    assert "律师执业申请" in text and "代为承诺" in text and "申请人本人" in text
    assert_numbered_proofs(text, NO_PROXY)


def test_explain_credit():  # R4
    text = explain(decide(ZM001, credit="blocked"), ZM001)
    assert "信用修复" in text and "信用中国（河南郑州）" in text and "作出这条信用记录的部门" in text
    assert "一般程序" in text and "再次选择承诺方式" in text
    assert_numbered_proofs(text, ZM001)
    assert "失信" not in text  # respectful: the applicant is not labelled


def test_explain_eligible():  # R3: the choice is the applicant's
    text = explain(decide(ZM001), ZM001)
    assert "可以采用告知承诺方式" in text and "家庭住房情况证明（无房证明）" in text
    assert "由您自己决定" in text
    assert_numbered_proofs(text, ZM001)


def test_explain_lists_proofs_in_order_as_a_numbered_list():
    text = explain(decide(NO_PROXY, use_commitment=False), NO_PROXY)
    lines = [line for line in text.splitlines() if line[:1].isdigit()]
    assert lines == ["1. 无犯罪记录证明", "2. 律师执业申请表", "3. 法律职业资格证书"]
