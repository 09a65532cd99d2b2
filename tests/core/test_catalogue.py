"""The catalogue loader (R1, R2, R6, R9): every shipped item is valid, a broken file is refused with a message
naming the file, the item and the field, and notice_version is the hash of exactly the notification text."""
from __future__ import annotations

import copy
import re
import pytest
import yaml

from bot.core.catalogue import (
    NOTICE_TITLES,
    DEFAULT_DIR,
    CatalogueError,
    load_catalogue,
    load_file,
    notice_version,
    parse_item,
)
from bot.core.canonical import sha256_hex

SPEC_CODES = [f"ZM{n:03d}" for n in range(1, 15)] + [f"XK{n:03d}" for n in range(1, 8)] + [f"XK{n}" for n in range(101, 107)]
ITEMS = load_catalogue()


def test_every_item_of_the_spec_is_shipped():  # R1
    assert set(SPEC_CODES) <= set(ITEMS)


@pytest.mark.parametrize("code", SPEC_CODES)
def test_items_carry_what_the_journey_needs(code):  # R2 R6 R9
    item = ITEMS[code]
    assert item.proofs_required
    if item.commitment_allowed:
        assert [s.title for s in item.notice] == list(NOTICE_TITLES)
        assert item.notice_version == sha256_hex(item.notice_text) and len(item.notice_version) == 64
        assert item.verification is not None and item.covers
    else:
        assert item.exclusion_category and not item.notice and item.kind == "license"
    if item.includes_proofs:
        assert set(item.includes_proofs) <= set(item.covers)  # R9: notified and committed once


def test_spec_facts():  # facts channels and integrations rely on (R1)
    assert ITEMS["ZM004"].proxy_allowed is False and ITEMS["ZM004"].public is True
    assert ITEMS["XK001"].includes_proofs == ("从业人员健康合格证明",)
    assert ITEMS["XK105"].exclusion_category == "金融业审慎监管"
    assert ITEMS["ZM001"].kind == "proof" and ITEMS["XK003"].kind == "license"


def _raw(code="ZM001"):
    return yaml.safe_load((DEFAULT_DIR / f"{code}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate,field", [
    (lambda r: r.pop("department"), "department"),
    (lambda r: r.update(kind="permit"), "kind"),
    (lambda r: r.update(proxy_allowed="yes"), "proxy_allowed"),
    (lambda r: r["notice"].pop(), "notice"),
    (lambda r: r["notice"][1].update(title="依据"), "notice[2].title"),
    (lambda r: r["notice"][4].update(text=r["notice"][4]["text"].replace("刑事", "")), "notice[5].text"),
    (lambda r: r["notice"][5].update(text="有权核查，核查方式为在线核查，时间另行通知，请注意查收。"), "notice[6].text"),
    (lambda r: r["notice"][2].update(text=r["notice"][2]["text"] + "以及其他相关材料。"), "notice[3].text"),
    (lambda r: r.pop("verification"), "verification"),
    (lambda r: r.update(code="ZM1"), "code"),
    (lambda r: r.update(includes_proofs=["x证明"]), "includes_proofs"),
])
def test_a_broken_item_is_refused_with_a_clear_message(mutate, field):  # R6: no vague clauses either
    raw = copy.deepcopy(_raw())
    mutate(raw)
    with pytest.raises(CatalogueError) as error:
        parse_item(raw, "ZM001.yaml")
    message = str(error.value)
    assert "ZM001.yaml" in message and f"'{field}'" in message


def test_an_excluded_item_needs_its_category():  # R2
    raw = copy.deepcopy(_raw("XK101"))
    raw["exclusion"]["category"] = "很危险"
    with pytest.raises(CatalogueError, match="exclusion.category"):
        parse_item(raw, "XK101.yaml")


def test_a_file_must_be_named_after_its_code(tmp_path):
    raw = _raw()
    (tmp_path / "ZM999.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogueError, match="ZM999.yaml.*'code'"):
        load_file(tmp_path / "ZM999.yaml")


def test_invalid_yaml_is_refused(tmp_path):
    (tmp_path / "ZM001.yaml").write_text("code: [unclosed", encoding="utf-8")
    with pytest.raises(CatalogueError, match="ZM001.yaml: not valid YAML"):
        load_catalogue(tmp_path)


def test_changing_one_character_changes_the_notice_version():  # R1 P2
    item = ITEMS["ZM001"]
    raw = copy.deepcopy(_raw())
    raw["notice"][4]["text"] = raw["notice"][4]["text"].replace("1000元", "2000元")
    changed = parse_item(raw, "ZM001.yaml")
    assert changed.notice_version != item.notice_version
    assert notice_version(item.notice) == item.notice_version


# --- the notice promises what the platform does (sections 4-7 against the data) -----------------------------

from bot.core import affirmation  # noqa: E402
from bot.core import catalogue as cat  # noqa: E402

ORIGINAL_ZM001_METHOD = (
    "您本人或经您特别授权的代理人，在阅读本告知书全部内容后，通过本渠道输入“本人承诺”或点击“我已阅读并承诺”按钮作出"
    "书面（电子）承诺。承诺书经平台电子签名后生效，您将获得承诺编号和核验链接。"
)
UNSUPPORTED_BAR = "按照本市告知承诺事项规则，自许可被撤销之日起3年内不得再以告知承诺方式申请本事项。"


def _section(raw, n):
    return raw["notice"][n - 1]["text"]


def _set(raw, n, text):
    raw["notice"][n - 1]["text"] = text


def _add(raw, n, text):
    _set(raw, n, _section(raw, n) + text)


@pytest.mark.parametrize("code,mutate,field,problem", [
    # Section 4: a proxy told to type 本人承诺 would be refused by the assistant.
    ("ZM001", lambda r: _set(r, 4, ORIGINAL_ZM001_METHOD), "notice[4].text", "must tell a proxy"),
    ("ZM001", lambda r: _set(r, 4, _section(r, 4).replace("“本人承诺”", "“我承诺”")), "notice[4].text", "本人承诺"),
    ("ZM001", lambda r: r.update(proxy_allowed=False), "notice[4].text", "proxy_allowed is false"),
    ("ZM004", lambda r: r.update(proxy_allowed=True), "notice[4].text", "proxy_allowed is true"),
    ("ZM004", lambda r: _add(r, 4, "经特别授权的代理人" + cat.proxy_clause() + "。"), "notice[4].text",
     "must not tell a proxy"),
    ("XK001", lambda r: _set(r, 4, _section(r, 4).replace(cat.enterprise_clause(), "由申请人输入“本人承诺”")),
     "notice[4].text", "法定代表人"),
    # Section 5: the unsupported three-year rule, and the statutory bar only where the item records it.
    ("XK002", lambda r: _add(r, 5, UNSUPPORTED_BAR), "notice[5].text", "no law or rule"),
    ("ZM001", lambda r: _add(r, 5, "自撤销之日起3年内不得再以告知承诺方式办理。"), "notice[5].text", "no law or rule"),
    ("XK003", lambda r: _add(r, 5, cat.reapplication_bar_clause("生命财产安全") + "。"), "notice[5].text",
     "no direct_safety_matter"),
    ("XK001", lambda r: r.pop("direct_safety_matter"), "notice[5].text", "no direct_safety_matter"),
    ("XK001", lambda r: r.update(direct_safety_matter="生命财产安全"), "notice[5].text", "must state"),
    ("XK001", lambda r: r.update(direct_safety_matter="国家安全"), "direct_safety_matter", "must be one of"),
    ("ZM001", lambda r: r.update(direct_safety_matter="人身健康"), "direct_safety_matter", "only licence items"),
    # Section 6: the plan the verification service executes.
    ("ZM003", lambda r: r["verification"].update(sampling_rate=1.0), "notice[6].text", "sampling_rate is 1"),
    ("ZM003", lambda r: r["verification"].update(sampling_rate=0.3), "notice[6].text", "sampling_rate is 0.3"),
    ("ZM001", lambda r: r["verification"].update(sampling_rate=0.5), "notice[6].text", "sampling_rate is 0.5"),
    ("ZM003", lambda r: _set(r, 6, "郑州市司法局对每一份承诺全部核查，" + cat.verification_time_clause(10)
                            + "在线核查。" + cat.verification_scope_clause("online", 0.5) + "。"),
     "notice[6].text", "promises to check every commitment"),
    ("ZM010", lambda r: _add(r, 6, "重点区域按60%的比例随机抽取核查。"), "notice[6].text", "sampling ratio"),
    ("ZM001", lambda r: r["verification"].update(time_limit_days=15), "notice[6].text", "自承诺之日起15个工作日内"),
    ("ZM001", lambda r: _add(r, 6, "复核在30个工作日内完成。"), "notice[6].text", "[30] working days"),
    ("ZM001", lambda r: r["verification"].update(method="onsite"), "notice[6].text", "现场核查"),
    ("ZM001", lambda r: r["verification"].update(method="exempt"), "notice[6].text", "免予核查"),
    # Section 7: what the public list shows, and for how long.
    ("XK001", lambda r: r.update(disclosure_days=365), "notice[7].text", "公开期限为自承诺之日起365日"),
    ("XK001", lambda r: _set(r, 7, _section(r, 7).replace("证件号码、", "证件号码、许可证编号、")), "notice[7].text",
     "must say exactly what the public list shows"),
    ("XK001", lambda r: _add(r, 7, "公开内容还包括经营场所地址。"), "notice[7].text", "other than the public list"),
    ("ZM001", lambda r: r.update(public=True), "notice[7].text", "public is true"),
    ("ZM004", lambda r: (r.update(public=False), r.pop("disclosure_days")), "notice[7].text", "public is false"),
    ("ZM002", lambda r: _add(r, 7, "公开期限3年。"), "notice[7].text", "must not describe a publication"),
    # No internal references in what the applicant reads.
    ("ZM001", lambda r: _add(r, 1, "（R6）"), "notice[1].text", "'R6'"),
    ("XK001", lambda r: _add(r, 7, "依照P5保护个人信息。"), "notice[7].text", "'P5'"),
])
def test_a_notice_that_promises_what_the_platform_does_not_do_is_refused(code, mutate, field, problem):
    raw = copy.deepcopy(_raw(code))
    mutate(raw)
    with pytest.raises(CatalogueError) as error:
        parse_item(raw, f"{code}.yaml")
    message = str(error.value)
    assert f"{code}.yaml" in message and f"'{field}'" in message and problem in message, message


COMMITTING = [code for code in SPEC_CODES if ITEMS[code].commitment_allowed]


@pytest.mark.parametrize("code", COMMITTING)
def test_the_words_section_4_gives_are_the_words_the_assistant_accepts(code):
    method = ITEMS[code].notice[3].text
    assert affirmation.classify(cat.self_words(), acting_as="self", applicant_name="赵强").is_explicit
    if ITEMS[code].proxy_allowed:
        typed = re.search(r"输入“(我受[^”]+)”", method).group(1).replace(cat.APPLICANT_PLACEHOLDER, "赵强")
        assert affirmation.classify(typed, acting_as="proxy", applicant_name="赵强").is_explicit, typed
        # What the notice told proxies before: the assistant refuses it from a proxy.
        assert not affirmation.classify("本人承诺", acting_as="proxy", applicant_name="赵强").is_explicit
    else:
        assert cat.NO_PROXY_CLAUSE in method and "我受" not in method


@pytest.mark.parametrize("code", COMMITTING)
def test_sections_6_and_7_state_the_data(code):
    item = ITEMS[code]
    plan = item.verification
    assert cat.verification_time_clause(plan.time_limit_days) in item.notice[5].text
    assert cat.verification_scope_clause(plan.method, plan.sampling_rate) in item.notice[5].text
    if item.public:
        assert cat.disclosure_clause(item.disclosure_days) in item.notice[6].text
    else:
        assert cat.NOT_PUBLIC_CLAUSE in item.notice[6].text


def test_zm003_no_longer_promises_to_check_every_legal_aid_commitment():
    item = ITEMS["ZM003"]
    assert item.verification.sampling_rate == 0.5
    assert "50%" in item.notice[5].text and "全部核查；其他承诺按50%的比例随机抽取核查" in item.notice[5].text


def test_no_notice_threatens_the_unsupported_three_year_rule_and_article_79_is_cited_where_recorded():
    for code, item in ITEMS.items():
        text = item.notice_text
        assert "不得再以告知承诺方式申请本事项" not in text, code
        assert ("第七十九条" in text) == (item.direct_safety_matter is not None), code
    assert {c for c, i in ITEMS.items() if i.direct_safety_matter} == {"XK001", "XK002"}
    assert "申请人在三年内不得再次申请本许可" in ITEMS["XK002"].notice[4].text


def test_clauses_follow_the_code_they_describe():
    assert cat.proxy_words() == affirmation.required_words("proxy", cat.APPLICANT_PLACEHOLDER)
    assert cat.verification_scope_clause("online", 1.0) == "每一份承诺均予核查"
    assert "按30%的比例随机抽取核查" in cat.verification_scope_clause("online", 0.3)
    assert "不作随机抽取" in cat.verification_scope_clause("online", 0.0)
    assert "免予核查" in cat.verification_scope_clause("exempt", 0.0)
    clause = cat.disclosure_clause(1095)
    assert "公开内容为：" + "、".join(label for label, _ in cat.PUBLISHED_FIELDS) + "。" in clause
    assert "自承诺之日起1095日" in clause
    assert len(set(cat.PUBLISHED_KEYS)) == len(cat.PUBLISHED_KEYS)


def test_a_stored_version_shown_before_the_rules_tightened_is_still_read_back():
    # An applicant's record names the notice they were shown; reading that version must never fail.
    raw = copy.deepcopy(_raw("XK002"))
    _add(raw, 5, UNSUPPORTED_BAR)
    _set(raw, 4, ORIGINAL_ZM001_METHOD)
    with pytest.raises(CatalogueError):
        parse_item(raw, "XK002.yaml")
    old = parse_item(raw, "item_versions#1", check_promises=False)
    assert UNSUPPORTED_BAR in old.notice[4].text
    again = parse_item(old.to_dict(), "item_versions#1", check_promises=False)
    assert again.notice_version == old.notice_version and again.direct_safety_matter == "人身健康"
