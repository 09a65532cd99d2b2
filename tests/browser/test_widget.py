"""The website widget against the running stack, in headless Chromium, used the way a citizen uses it.

Every conversation is also read back from Rasa's tracker and checked against the contract's rules
(``widget_page`` fixture), so what the widget sends - button values, the statement payload, IDs - is what the
journey needs.
"""
from __future__ import annotations

import re
import time

import httpx
import pytest
from playwright.sync_api import expect

from bot.core import ids
from bot.core.catalogue import load_catalogue
from tests.browser.conftest import DOCS, grouped_id
from tests.e2e.grants import grant, typed

pytestmark = pytest.mark.e2e

ZHANG_WEI = ("张伟", "410105199001011233")
ZHAO_QIANG = ("赵强", "410103196208085671")
LIU_YANG = ("刘洋", "410105200002291113")
CN = "一二三四五六七"
PHONES = {ZHANG_WEI[1]: "13800138000", ZHAO_QIANG[1]: "13800135671", LIU_YANG[1]: "13912345678"}


def start_item(w, need: str, code: str) -> None:
    """Describe the need, tap the item's card, say yes to commitment: the next question is acting_as."""
    before = w.asks()
    w.type_and_send(need)
    w.wait_ask("item", before)
    card = w.page.locator(f".gzw-card[data-code='{code}']")
    expect(card).to_be_enabled()
    before = w.asks()
    card.click()
    w.wait_ask("use_commitment", before)
    w.choose("yes", "acting_as")


def type_id(w, number: str, next_slot: str) -> None:
    before = w.asks()
    box = w.page.locator(".gzw-input")
    box.type(number)
    expect(w.page.locator(".gzw-idhint")).to_have_attribute("data-state", "ok")
    box.press("Enter")
    w.wait_ask(next_slot, before)


def to_notice_as_zhang_wei(w) -> None:
    start_item(w, "我想申请公租房", "ZM001")
    w.choose("self", "applicant_name")
    w.answer(ZHANG_WEI[0], "applicant_id")
    type_id(w, ZHANG_WEI[1], "identity_code")
    w.answer(w.sms_code(PHONES[ZHANG_WEI[1]]), "phone")  # the login code from his registered phone
    w.answer("13800138000", "notice_ack")


def sign_with_the_code(w, phone: str) -> None:
    """After the affirmation the signing code (意愿认证) is asked; typed from the phone, the receipt follows."""
    w.wait_ask("act_code")
    expect(w.page.locator(".gzw-receipt")).to_have_count(0)
    w.type_and_send(w.sms_code(phone))


def test_full_proxy_journey_by_clicking_and_typing(widget_page, stack):  # R5 R6 R7 R10 P1 P3 P5
    granted = grant(stack, ZHAO_QIANG, PHONES[ZHAO_QIANG[1]], LIU_YANG, ["ZM008"])
    w = widget_page().open_portal()
    page = w.page
    start_item(w, "给我爸办城乡居民养老保险待遇领取", "ZM008")
    w.choose("proxy", "agent_name")  # the one who acts first says who they are
    w.answer(LIU_YANG[0], "agent_id")
    box = page.locator(".gzw-input")
    hint = page.locator(".gzw-idhint")

    # A wrong check digit is caught in the browser: nothing is sent.
    sent = len(w.user_texts())
    box.type("410105200002291114")
    expect(hint).to_have_text(ids.ERROR_MESSAGES["invalid_id_checksum"])
    expect(box).to_have_attribute("aria-invalid", "true")
    box.press("Enter")
    expect(page.locator(".gzw-composer-note")).to_be_visible()
    time.sleep(0.5)
    assert len(w.user_texts()) == sent
    box.fill("")
    type_id(w, LIU_YANG[1], "applicant_name")
    w.answer(ZHAO_QIANG[0], "applicant_id")

    # The ID field: grouped as it is typed, checked before anything is sent (GB 11643).
    box.type(ZHAO_QIANG[1][:17])
    assert box.input_value() == grouped_id(ZHAO_QIANG[1][:17])
    expect(hint).to_contain_text("17/18")
    expect(page.locator(".gzw-send")).to_be_disabled()
    before = w.asks()
    box.type(ZHAO_QIANG[1][17])
    expect(hint).to_have_text("✓ 号码校验通过，可以发送")
    box.press("Enter")
    w.wait_ask("identity_code", before)  # the code went to the agent's registered phone
    assert "4101**********5671" in w.user_texts()  # P5: shown masked, never in full
    w.answer(w.sms_code(PHONES[LIU_YANG[1]]), "authorization_no")
    w.answer(typed(granted), "phone")  # the principal's electronic authorisation
    w.answer("13912345678", "notice_ack")

    # The notification is one document with the seven headings of R6; "已阅读" waits for the end.
    notice = page.locator(".gzw-notice").last
    titles = [section.title for section in load_catalogue()["ZM008"].notice]
    expect(notice.locator("h4")).to_have_text([f"{CN[i]}、{title}" for i, title in enumerate(titles)])
    read = notice.locator(".gzw-option[data-value='yes']")
    expect(read).to_be_disabled()
    page.screenshot(path=str(DOCS / "widget-phone-journey.png"))  # mid-journey, phone-sized viewport
    read.scroll_into_view_if_needed()
    expect(read).to_be_enabled()
    w.read_notice()  # the journey refuses "已阅读" before the citizen had time to read
    read.click()

    # The statement, set apart, with the typed field and the button whose payload is the whole statement (R7).
    commit = page.locator(".gzw-affirm-btn")
    expect(commit).to_be_enabled()
    statement = page.locator(".gzw-statement").inner_text()
    assert "赵强" in statement and "刘洋" in statement and "特别授权" in statement
    expect(page.locator(".gzw-affirm input")).to_have_attribute("placeholder", "我受赵强特别授权，代为承诺")
    commit.click()
    sign_with_the_code(w, PHONES[LIU_YANG[1]])  # the agent signs

    receipt = page.locator(".gzw-receipt")
    expect(receipt).to_be_visible()
    number = receipt.locator(".gzw-receipt-no").inner_text()
    assert re.fullmatch(r"CN\d{8}-\d{6}", number), number
    expect(receipt).to_contain_text("代为承诺（特别授权）")
    expect(receipt).to_contain_text("户籍证明")
    verify = receipt.locator("a.gzw-verify").get_attribute("href")
    assert f"/api/v1/commitments/{number}/verify?code=" in verify  # the number with its check code
    assert httpx.get(verify, timeout=10).json()["valid"] is True  # P3
    receipt.scroll_into_view_if_needed()
    page.screenshot(path=str(DOCS / "widget-receipt.png"))

    # What reached Rasa: the clean IDs, the statement as the affirmation, over the socket.io channel.
    tracker = w.tracker()
    assert tracker["slots"]["applicant_id"] in (ZHAO_QIANG[1], None)  # the journey may have ended and cleared it
    users = [e for e in tracker["events"] if e.get("event") == "user"]
    assert {e["input_channel"] for e in users} == {"socketio"}
    assert users[-2]["text"] == statement and re.fullmatch(r"\d{6}", users[-1]["text"])  # the words, then the code
    assert any(e["text"] == ZHAO_QIANG[1] for e in users) and any(e["text"] == LIU_YANG[1] for e in users)
    assert any(e["text"] == "proxy" for e in users) and any(e["text"] == "yes" for e in users)

    # The signed letter (R10): the applicant's ID is filled in from this conversation; a code sent to the
    # applicant's registered phone, typed back, opens it (a name and an ID number alone open nothing, P5).
    receipt.locator(".gzw-pdf").click()
    form = receipt.locator(".gzw-pdfform")
    expect(form.get_by_label("申请人身份证号或统一社会信用代码")).to_have_value(ZHAO_QIANG[1])
    downloadable = letter_downloadable(stack, number)
    form.get_by_role("button", name="获取验证码").click()
    expect(form.locator("[role=status]")).to_contain_text("如该证件号码登记了实名手机号码")
    form.get_by_label("短信验证码").fill(w.sms_code(PHONES[ZHAO_QIANG[1]]))
    if downloadable:
        with page.expect_download() as download:
            form.locator("button[type=submit]").click()
        assert download.value.suggested_filename == f"{number}.pdf"
        assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    else:  # the letter endpoint does not take applicant tokens yet: the widget says so plainly
        form.locator("button[type=submit]").click()
        expect(form.locator("[role=status]")).to_contain_text("承诺书下载服务暂未开通")


def letter_downloadable(stack, number: str) -> bool:
    """Whether the API lets the applicant (token from the login code on 赵强's phone) download the letter now."""
    from tests.e2e import outbox

    api = stack.config.api_url
    path = outbox.outbox_path(stack)
    since = outbox.count(path)
    sent = httpx.post(f"{api}/api/v1/auth/applicant/code", json={"id_number": ZHAO_QIANG[1]}, timeout=10)
    if sent.status_code != 200:
        return False
    code = outbox.newest_code(path, PHONES[ZHAO_QIANG[1]], since)
    token = httpx.post(f"{api}/api/v1/auth/applicant", json={"id_number": ZHAO_QIANG[1], "code": code}, timeout=10)
    if token.status_code != 200:
        return False
    letter = httpx.get(f"{api}/api/v1/commitments/{number}/letter.pdf",
                       headers={"Authorization": f"Bearer {token.json()['access_token']}"}, timeout=30)
    return letter.status_code == 200


def test_a_reload_in_the_middle_resumes_the_journey(widget_page):  # P4
    w = widget_page().open_portal()
    page = w.page
    start_item(w, "我想申请公租房", "ZM001")
    w.choose("self", "applicant_name")
    w.answer(ZHANG_WEI[0], "applicant_id")
    session = w.session_id
    shown_before = w.bot_texts()

    page.reload()
    w.wait_online()
    assert w.session_id == session  # the same conversation (Rasa session_request / session_confirm)
    assert w.bot_texts() == shown_before  # the transcript is back, in order
    assert page.get_attribute(".gzw", "data-ask") == "applicant_id"
    expect(page.locator(".gzw")).to_have_class(re.compile(r"\bgzw--idmode\b"))
    for button in page.locator(".gzw-option, .gzw-card").all():  # answered questions stay answered
        expect(button).to_be_disabled()

    type_id(w, ZHANG_WEI[1], "identity_code")  # the tracker carried the journey on: the login code is next
    stored = page.evaluate("() => Object.values(localStorage).join(' ')")
    assert ZHANG_WEI[1] not in stored and "4101**********1233" in stored  # P5: only the masked number is kept


def test_read_button_only_after_scrolling_to_the_end(widget_page):  # R6 R7
    w = widget_page().open_portal()
    page = w.page
    to_notice_as_zhang_wei(w)
    notice = page.locator(".gzw-notice").last
    read = notice.locator(".gzw-option[data-value='yes']")
    expect(read).to_be_disabled()
    expect(notice.locator(".gzw-readhint")).to_contain_text("滚动")

    # Typing "已阅读" is no way round it.
    sent = len(w.user_texts())
    w.type_and_send("已阅读")
    expect(page.locator(".gzw-composer-note")).to_contain_text("读完整份告知书")
    assert len(w.user_texts()) == sent

    # Half-way is not the end.
    page.eval_on_selector(".gzw-log", "log => { log.scrollTop += log.clientHeight; }")
    time.sleep(0.3)
    expect(read).to_be_disabled()

    # Keyboard: focus the conversation and press End.
    page.focus(".gzw-log")
    page.keyboard.press("End")
    expect(read).to_be_enabled()

    # "再说一遍" sends the notification again: a new document, to be read again.
    w.choose("repeat", "notice_ack", within=".gzw-notice-foot")
    again = page.locator(".gzw-notice").last
    expect(page.locator(".gzw-notice")).to_have_count(2)
    expect(again.locator(".gzw-option[data-value='yes']")).to_be_disabled()
    expect(read).to_be_disabled()  # the first document is answered
    again.locator(".gzw-option[data-value='yes']").scroll_into_view_if_needed()
    expect(again.locator(".gzw-option[data-value='yes']")).to_be_enabled()
    w.read_notice()
    again.locator(".gzw-option[data-value='yes']").click()

    # This time commit by typing the words into the statement's field.
    typed = page.locator(".gzw-affirm input")
    expect(typed).to_be_enabled()
    typed.fill("本人承诺")
    page.locator(".gzw-affirm button", has_text="提交承诺").click()
    sign_with_the_code(w, PHONES[ZHANG_WEI[1]])
    expect(page.locator(".gzw-receipt")).to_be_visible()
    expect(page.locator(".gzw-affirm-btn")).to_be_disabled()  # answered: no second commitment from this card
