"""Public disclosure of commitment letters within the disclosure period, without personal data (R15, P5)."""
from __future__ import annotations

import copy
import re
from datetime import date, datetime, timedelta, timezone

import pytest
import yaml

from api import cli
from api.config import REPO_ROOT
from api.disclosure.schemas import DisclosedLetter
from bot.core.catalogue import (
    DEFAULT_DISCLOSURE_DAYS,
    PUBLISHED_FIELDS,
    PUBLISHED_KEYS,
    CatalogueError,
    disclosure_clause,
    load_catalogue,
    parse_item,
)
from tests.api.access_helpers import commit, days_later, move_to, set_clock, service_headers, verified_as
from tests.api.helpers import HAOWEI, PHONE, ZHANG_WEI, ZHAO_QIANG, publish_catalogue_before


def _listed(client, **params):
    response = client.get("/api/v1/public/disclosures", params=params)
    assert response.status_code == 200
    return response.json()


def test_public_items_are_listed_with_masked_person_and_full_enterprise_names(client):
    # R15: item, date, status, enterprise name or 张*, masked ID - and nothing else personal (P5).
    person = commit(client, "ZM004", ZHANG_WEI)
    enterprise = commit(client, "XK001", HAOWEI)
    commit(client, "ZM001", ZHAO_QIANG)  # ZM001 is not a public item
    response = client.get("/api/v1/public/disclosures")
    body = response.json()
    committed_on = person["created_at"][:10]
    until = (date.fromisoformat(committed_on) + timedelta(days=DEFAULT_DISCLOSURE_DAYS - 1)).isoformat()
    assert body["total"] == 2
    assert body["letters"] == [
        {
            "commitment_no": enterprise["commitment_no"],
            "item_code": "XK001",
            "item_name": "公共场所卫生许可",
            "committed_on": enterprise["created_at"][:10],
            "status": "licensed",
            "status_label": "已当场许可",
            "applicant": "郑州好味餐饮管理有限公司",
            "applicant_id_masked": "9141**********7L3D",
            "disclosed_until": until,
        },
        {
            "commitment_no": person["commitment_no"],
            "item_code": "ZM004",
            "item_name": "律师执业申请",
            "committed_on": committed_on,
            "status": "accepted",
            "status_label": "已受理",
            "applicant": "张*",
            "applicant_id_masked": "4101**********1233",
            "disclosed_until": until,
        },
    ]
    for secret in (ZHANG_WEI[0], ZHANG_WEI[1], HAOWEI[1], ZHAO_QIANG[0], PHONE, "rest-session-1", "affirmation"):
        assert secret not in response.text
    assert _listed(client, item_code="ZM004")["total"] == 1


def test_a_letter_disappears_when_its_disclosure_period_ends(app, client):
    # R15: listed through the last day of the period (365 days for these test items), gone on the next.
    commit(client, "ZM004", ZHANG_WEI)
    set_clock(app, days_later(DEFAULT_DISCLOSURE_DAYS - 1))
    assert _listed(client)["total"] == 1
    set_clock(app, days_later(DEFAULT_DISCLOSURE_DAYS))
    assert _listed(client) == {"as_of": _listed(client)["as_of"], "total": 0, "letters": []}
    assert "张*" not in client.get("/public/disclosures").text


def test_each_item_has_its_own_period_from_the_version_the_applicant_was_shown(app, client, initialised):
    # R15 + P2: the period is the one notice section 7 of the signed version announced.
    path = initialised.catalogue_path / "ZM004.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["disclosure_days"] = 30
    raw["notice"][6]["text"] = disclosure_clause(30)  # section 7 announces the period (the loader checks)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert cli.load_catalogue(initialised) == 0
    publish_catalogue_before(initialised, datetime.now(timezone.utc) - timedelta(days=1))  # before the conversation
    commit(client, "ZM004", ZHANG_WEI)
    commit(client, "XK001", HAOWEI)
    set_clock(app, days_later(29))
    assert {letter["item_code"] for letter in _listed(client)["letters"]} == {"ZM004", "XK001"}
    set_clock(app, days_later(30))
    assert {letter["item_code"] for letter in _listed(client)["letters"]} == {"XK001"}


def test_withdrawn_letters_leave_the_list_and_revoked_ones_show_their_status(client, initialised):
    # R17: a withdrawn commitment stands behind no decision; a revoked one stays public as 已撤销.
    withdrawn = commit(client, "ZM004", ZHANG_WEI)
    revoked = commit(client, "XK001", HAOWEI)
    client.post(
        "/api/v1/service/commitments/withdraw",
        headers=service_headers(initialised),
        json={"commitment_no": withdrawn["commitment_no"], "id_number": ZHANG_WEI[1], "reason": "改按原程序办理",
              **verified_as(client, ZHANG_WEI)},
    ).raise_for_status()
    move_to(initialised, revoked["commitment_no"], "under_verification")
    move_to(initialised, revoked["commitment_no"], "revoked", reason="现场核查不实，撤销许可")
    letters = _listed(client)["letters"]
    assert [(x["commitment_no"], x["status"], x["status_label"]) for x in letters] == [
        (revoked["commitment_no"], "revoked", "已撤销")
    ]


def test_the_public_page_is_plain_html_without_personal_data_or_outside_resources(client):
    commit(client, "ZM004", ZHANG_WEI)
    commit(client, "XK001", HAOWEI)
    page = client.get("/public/disclosures")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "告知承诺书公开" in html and "律师执业申请" in html and "张*" in html
    assert "4101**********1233" in html and "郑州好味餐饮管理有限公司" in html
    assert ZHANG_WEI[0] not in html and ZHANG_WEI[1] not in html and HAOWEI[1] not in html
    assert "<script" not in html and not re.search(r"(src|href)=", html)  # no CDN, nothing fetched elsewhere


def test_the_page_escapes_what_it_shows(client):
    # An enterprise name is shown in full, so whatever it contains must stay text, never markup.
    commit(client, "XK001", ("郑州<b>好味</b>餐饮管理有限公司", HAOWEI[1]))
    html = client.get("/public/disclosures").text
    assert "郑州&lt;b&gt;好味&lt;/b&gt;餐饮管理有限公司" in html
    assert "<b>" not in html


# --- the catalogue field behind it --------------------------------------------------------------------

_PERIOD = re.compile(r"公开期限为自承诺之日起(\d+)日")


def test_the_shipped_catalogue_periods_agree_with_notice_section_7():
    # One source of truth: disclosure_days is what section 7 (承诺书公开) tells the applicant, in the days the
    # list counts from the commitment (not years, which a leap day would make disagree with the list).
    items = load_catalogue(REPO_ROOT / "data" / "catalogue" / "items")
    public = {code: item for code, item in items.items() if item.public}
    assert public, "the catalogue has public items"
    for code, item in public.items():
        days = _PERIOD.findall(item.notice[6].text)
        assert days == [str(item.disclosure_days)], (code, item.notice[6].text)
    assert all(item.disclosure_days is None for item in items.values() if not item.public)


def test_section_7_of_every_public_item_promises_exactly_the_published_fields():
    # What the applicant is told is published is what the list returns: the same constant drives both.
    assert tuple(DisclosedLetter.model_fields) == PUBLISHED_KEYS
    items = load_catalogue(REPO_ROOT / "data" / "catalogue" / "items")
    labels = [label for label, _ in PUBLISHED_FIELDS]
    for code, item in items.items():
        if not item.public:
            continue
        promised = re.findall(r"公开内容为：([^。]+)。", item.notice[6].text)
        assert promised == ["、".join(labels)], code
        for word in ("许可证编号", "经营场所地址", "承诺内容", "法定代表人姓名", "国家企业信用信息公示系统"):
            assert word not in item.notice[6].text, (code, word)


def test_the_list_returns_only_the_published_fields_and_the_page_names_them(client):
    commit(client, "ZM004", ZHANG_WEI)
    (letter,) = _listed(client)["letters"]
    assert tuple(letter) == PUBLISHED_KEYS
    html = client.get("/public/disclosures").text
    assert all(f"<th>{label}</th>" in html for label, _ in PUBLISHED_FIELDS)


def _zm001():
    return yaml.safe_load((REPO_ROOT / "data" / "catalogue" / "items" / "ZM001.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"public": False, "disclosure_days": 365}, "only items with public: true"),
        ({"public": True, "disclosure_days": 0}, "positive whole number"),
        ({"public": True, "disclosure_days": True}, "positive whole number"),
        ({"public": True, "disclosure_days": "1年"}, "positive whole number"),
    ],
)
def test_disclosure_days_is_checked_by_the_catalogue_loader(changes, problem):
    raw = copy.deepcopy(_zm001())
    raw.update(changes)
    with pytest.raises(CatalogueError, match="disclosure_days") as error:
        parse_item(raw, "ZM001.yaml")
    assert problem in str(error.value)


def test_a_public_item_without_a_period_gets_the_default_year():
    raw = copy.deepcopy(_zm001())
    raw["public"] = True
    raw["notice"][6]["text"] = disclosure_clause(DEFAULT_DISCLOSURE_DAYS)
    assert parse_item(raw).disclosure_days == DEFAULT_DISCLOSURE_DAYS == 365
    assert parse_item(_zm001()).disclosure_days is None
