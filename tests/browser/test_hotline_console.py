"""The hotline console in headless Chromium against the real stack (R5 R6 R7 P2 P3 P5).

A staff member signs in, starts a session for a caller and runs the journey from instructions written for them
("请询问…", "请向来电人宣读…"), never the bot's words to a citizen. The notification is a read-aloud script with a
"已宣读" tick per section; a tick sooner than the section can be spoken asks the staff member to confirm, and the
confirmation is kept with the evidence. No code is sent on the phone: the staff member checks who the caller is
(a call back to the registered number, or the ID card on video) and attests it in the console. The caller's mobile number answers the phone question with one click; an
ID is shown in full, grouped, while it is read back, and masked once its step is done. "已阅读" does not pass the
notification while sections are unticked, in the console or behind it, and after a refusal the script's buttons
never answer a question the journey is not asking. The signed record keeps the per-section read-aloud times; the
conversation Rasa recorded keeps the contract's rules; axe finds no serious or critical violation.

The happy path counts the staff member's actions (clicks and submitted entries) per assisted commitment.
"""
from __future__ import annotations

import os
import re
from datetime import datetime

import httpx
import pytest
from playwright.sync_api import expect

from bot.core.assisted import ATTESTATION
from bot.core.catalogue import load_catalogue
from tests.browser.axe import describe, run_axe
from tests.browser.conftest import DOCS, transcript_from_tracker
from tests.browser.staff_console import StaffConsole
from tests.e2e.contract import check_contract
from tests.e2e.grants import grant, typed
from tests.e2e.staff import account, staff_headers

pytestmark = pytest.mark.e2e
# Expectations that wait for a server round trip (Rasa, the API, a socket.io push) on a busy 2-core machine.
SLOW = 60_000

ZHAO_QIANG = ("赵强", "410103196208085671")
LIU_YANG = ("刘洋", "410105200002291113")
ZHANG_WEI = ("张伟", "410105199001011233")
CALLER = "13912345678"
# The console's screenshots for staff (docs/consoles.md) go to docs/screenshots/ when screenshots are refreshed.
SHOTS = DOCS / "screenshots" if os.environ.get("GZ_UPDATE_SCREENSHOTS") else DOCS
SHOTS.mkdir(parents=True, exist_ok=True)
# The same happy path (a proxy commitment for ZM008) in the console as it was before the caller-phone button and
# the name-with-number entry, counted the same way: start, the need, the item, 采用告知承诺, 代办, applicant name,
# applicant ID, agent name, agent ID, authorisation number, special authorisation, the phone typed again, 7 ticks,
# "heard it all", the attestation, submit. (Since then the special-authorisation question gave way to the
# electronic authorisation's number and code, one entry, and the caller's identity is attested with one click.)
ACTIONS_BEFORE = 22


class Counted:
    """The staff member's actions on the happy path: each click and each entry submitted with Enter counts one.
    Confirmations of ticks made faster than a section can be read are counted apart: at a normal reading pace
    there are none, and a test cannot read aloud."""

    def __init__(self, console: StaffConsole):
        self.console = console
        self.page = console.page
        self.actions = 0
        self.fast_confirmations = 0

    def click(self, selector: str) -> None:
        self.page.click(selector)
        self.actions += 1

    def answer(self, text: str, step: str, slot: str = "") -> None:
        self.console.answer(text, step, slot)
        self.actions += 1

    def choose(self, value: str, step: str, slot: str = "") -> None:
        self.console.choose(value, step, slot)
        self.actions += 1

    def read_aloud(self, titles, screenshot_at: int = 0) -> None:
        """Tick every section from the current one; each tick is faster than reading and is confirmed."""
        page = self.page
        section = page.locator(".script-section")
        for index in range(int(section.get_attribute("data-index")), len(titles) + 1):
            expect(section).to_have_attribute("data-index", str(index), timeout=SLOW)
            expect(section.locator(".script-title")).to_have_text(titles[index - 1], timeout=SLOW)
            self.click("#tick-section")
            prompt = page.locator(".fast-confirm")
            expect(prompt).to_contain_text(f"第{index}部分", timeout=SLOW)  # sooner than it can be spoken
            expect(prompt).to_contain_text("约需", timeout=SLOW)
            expect(page.locator(f".progress li[data-index='{index}']")).not_to_have_class(re.compile(r"\bdone\b"))
            if index == screenshot_at:
                page.screenshot(path=str(SHOTS / "hotline-fast-tick.png"))
            page.click("#confirm-fast")
            self.fast_confirmations += 1
            expect(page.locator(f".progress li[data-index='{index}']")).to_have_class(re.compile(r"\bdone\b"), timeout=SLOW)
            expect(page.locator(f".progress li[data-index='{index}'] .tick-time")).to_contain_text("快读已确认")


def no_bot_words(page) -> None:
    """The step panel speaks to the staff member: no "回复…" or a button the console does not have."""
    text = page.locator(".step").inner_text()
    assert "回复“" not in text and "我已阅读并承诺" not in text and "请输入" not in text, text


def attest(staff: Counted, id_number: str, next_slot: str, how: str = "callback_registered_phone") -> None:
    """The identity step: how the caller was checked, whose ID, one click to submit; the journey goes on."""
    page = staff.page
    page.select_option("#attest-how", how)
    page.fill("#attest-id", id_number)
    staff.click(".step form.attest button[type=submit]")
    staff.console.wait_step("ask", next_slot)


def test_hotline_assisted_proxy_commitment_counts_its_actions(browser, stack):
    granted = grant(stack, ZHAO_QIANG, "13800135671", LIU_YANG, ["ZM008"])
    console = StaffConsole(browser, stack).sign_in()
    console.page.set_viewport_size({"width": 1366, "height": 768})
    page = console.page
    staff = Counted(console)
    try:
        violations = run_axe(page)
        assert not violations, describe(violations)
        page.fill("#call-id", "CALL-20261127-0815")
        page.fill("#caller-phone", CALLER)
        staff.click("#start-call")
        console.wait_step("start")
        expect(page.locator(".call-header")).to_contain_text("139****5678", timeout=SLOW)  # P5: the caller's number masked
        assert CALLER not in page.content()

        staff.answer("来电人想帮父亲办城乡居民养老保险待遇领取", "ask", "item")
        staff.click(".step .choice[data-code='ZM008']")
        console.wait_step("ask", "use_commitment")
        expect(page.locator(".step .instruction")).to_contain_text("请询问来电人")
        no_bot_words(page)
        staff.choose("yes", "ask", "acting_as")
        staff.choose("proxy", "ask", "agent_name")
        # The agent (the caller) first, name and number in one entry as the caller says them, read back there too.
        page.fill("#answer", f"{LIU_YANG[0]} {LIU_YANG[1]}")
        expect(page.locator(".readback-number")).to_have_text("410105 20000229 1113")
        page.press("#answer", "Enter")
        staff.actions += 1
        console.wait_step("ask", "applicant_name")
        staff.answer(ZHAO_QIANG[0], "ask", "applicant_id")

        # Checking numbers: in full and grouped while it is read back to the caller, checked as it is typed.
        page.fill("#answer", ZHAO_QIANG[1])
        expect(page.locator(".readback-number")).to_have_text("410103 19620808 5671")
        expect(page.locator(".readback-status")).to_have_text("校验通过")
        page.press("#answer", "Enter")
        staff.actions += 1
        console.wait_step("ask", "identity_code")
        assert ZHAO_QIANG[1] not in page.content() and "19620808" not in page.content()  # masked once the step is done
        assert "4101**********5671" in page.locator(".log").inner_text()
        # No code on the phone: the staff member called the agent back on the registered number and attests it.
        attest(staff, LIU_YANG[1], "authorization_no")
        staff.answer(typed(granted), "ask", "phone")  # the principal's electronic authorisation

        # No needless question: the number the caller is calling from, confirmed with one click, never shown whole.
        expect(page.locator("#use-caller-phone")).to_contain_text("139****5678")
        staff.click("#use-caller-phone")
        console.wait_step("ask", "notice_ack")

        # The read-aloud script (R6), each tick confirmed because a test reads faster than anyone can speak.
        titles = [s.title for s in load_catalogue()["ZM008"].notice]
        confirm = page.locator(".step .choice[data-value='yes']")
        expect(confirm).to_be_disabled()
        expect(page.locator(".step .instruction")).to_contain_text("请向来电人宣读第1部分")
        staff.read_aloud(titles[:3], screenshot_at=3)
        page.locator(".script-controls").scroll_into_view_if_needed()
        page.screenshot(path=str(DOCS / "hotline-script.png"), full_page=True)
        violations = run_axe(page)
        assert not violations, describe(violations)
        staff.read_aloud(titles)
        expect(page.locator("#tick-section")).to_have_class(re.compile(r"\bticked\b"), timeout=SLOW)
        expect(confirm).to_be_enabled(timeout=SLOW)
        staff.click(".step .choice[data-value='yes']")
        console.wait_step("affirmation")
        no_bot_words(page)

        statement = page.locator(".statement").inner_text()
        assert ZHAO_QIANG[0] in statement and LIU_YANG[0] in statement and "特别授权" in statement
        words = page.locator(".required-words").inner_text().strip("“”")
        expect(page.locator("label.attest")).to_contain_text(ATTESTATION, timeout=SLOW)
        page.fill("#affirmation-words", words)
        staff.click("#attestation")
        staff.click("#send-affirmation")
        console.wait_step("receipt")
        number = re.search(r"CN\d{8}-\d{6}", page.locator(".receipt").inner_text()).group(0)
        expect(page.locator(".call-header")).to_contain_text(number, timeout=SLOW)
        verify_url = page.locator(".receipt a").get_attribute("href")
        assert httpx.get(verify_url, timeout=30).json()["valid"] is True  # P3

        # Actions per assisted commitment, before and after.
        print(f"\nactions per assisted commitment: before {ACTIONS_BEFORE}, after {staff.actions} "
              f"(+{staff.fast_confirmations} confirmations of ticks faster than reading)")
        assert staff.actions == ACTIONS_BEFORE - 1 and staff.fast_confirmations == len(titles)

        # The signed record: channel hotline, staff, call, the caller's number, the time each section was read (P2).
        record = httpx.get(f"{stack.config.api_url}/api/v1/commitments/{number}",
                           headers=staff_headers(stack, "officer"), timeout=30).json()["signed_record"]
        evidence = record["evidence"]
        assert evidence["channel"] == "hotline" and record["proxy"]["name"] == LIU_YANG[0] and record["phone"] == CALLER
        assisted = evidence["assisted"]
        assert assisted["staff_id"] == account(stack)[0] and assisted["call_id"] == "CALL-20261127-0815"
        assert assisted["caller_phone"] == CALLER and assisted["attestation"] == ATTESTATION
        assert [t["index"] for t in assisted["read_aloud"]] == list(range(1, len(titles) + 1))
        read = [datetime.fromisoformat(t["at"]) for t in assisted["read_aloud"]]
        assert read == sorted(read) and read[-1] <= datetime.fromisoformat(assisted["attested_at"])

        # The conversation as Rasa recorded it keeps the contract's rules.
        tracker = httpx.get(f"{stack.config.rasa_url}/conversations/{evidence['sender_id']}/tracker",
                            params={"token": stack.config.rasa_token()}, timeout=30).json()
        assert {e["input_channel"] for e in tracker["events"] if e.get("event") == "user"} == {"hotline"}
        proxy_items = {code: item.proxy_allowed for code, item in load_catalogue().items()}
        check_contract(transcript_from_tracker(tracker), stack.config.api_url, proxy_items)

        page.click("#end-call")
        expect(page.locator(".call-header")).to_contain_text("已结束", timeout=SLOW)
    finally:
        console.close()


def test_the_reading_step_cannot_pass_with_unticked_sections(browser, stack):
    console = StaffConsole(browser, stack).sign_in()
    page = console.page
    staff = Counted(console)
    try:
        page.fill("#call-id", "CALL-20261127-0816")  # no caller number: the phone is asked
        page.click("#start-call")
        console.wait_step("start")
        console.answer("我想申请公租房", "ask", "item")
        page.click(".step .choice[data-code='ZM001']")
        console.wait_step("ask", "use_commitment")
        console.choose("yes", "ask", "acting_as")
        console.choose("self", "ask", "applicant_name")
        console.answer(ZHANG_WEI[0], "ask", "applicant_id")

        # A wrong check digit: flagged while typed, refused by the journey, and kept in full to be read back.
        wrong = ZHANG_WEI[1][:-1] + "4"
        page.fill("#answer", wrong)
        expect(page.locator(".readback-status")).to_contain_text("校验码不对")
        console.answer(wrong, "ask", "applicant_id")
        expect(page.locator(".step .agent-error")).to_contain_text("逐位读给来电人核对", timeout=SLOW)
        expect(page.locator("#answer")).to_have_value(wrong)
        console.answer(ZHANG_WEI[1], "ask", "identity_code")
        attest(staff, ZHANG_WEI[1], "phone", how="video_id_document")
        expect(page.locator("#use-caller-phone")).to_have_count(0)  # no caller number to offer
        console.answer("13800138000", "ask", "notice_ack")

        titles = [s.title for s in load_catalogue()["ZM001"].notice]
        staff.read_aloud(titles[:3])

        # "已阅读" typed as the caller's other words with 3 of 7 ticked: the console holds it back ...
        entries = page.locator(".log li").count()
        page.fill("#other-words", "已阅读")
        page.click("#send-other")
        blocked = page.locator(".step .agent-error")
        expect(blocked).to_contain_text("第4、5、6、7部分没有勾选", timeout=SLOW)
        assert page.locator(".log li").count() == entries  # nothing went to the journey
        # ... and the journey refuses it anyway when it gets there (server side, R6).
        sid = page.evaluate("() => location.hash.split('/')[1]")
        reply = page.evaluate("""async (sid) => {
            const r = await fetch('/api/v1/hotline/sessions/' + sid + '/messages', {method: 'POST',
                headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem('gz.console.token')},
                body: JSON.stringify({text: '已阅读'})});
            return r.json(); }""", sid)
        asks = [m["custom"] for m in reply["messages"] if (m.get("custom") or {}).get("stage") == "ask"]
        assert asks[-1]["slot"] == "notice_ack" and asks[-1]["error"] == "read_aloud_incomplete"
        page.reload()
        console.wait_step("ask", "notice_ack")
        expect(blocked).to_contain_text("第4、5、6、7部分没有勾选", timeout=SLOW)  # the refusal points to the ticks
        expect(page.locator(".step .choice[data-value='yes']")).to_be_disabled()
        page.click(".goto-section[data-index='4']")
        expect(page.locator(".script-section")).to_have_attribute("data-index", "4")
        staff.read_aloud(titles)
        page.click(".step .choice[data-value='yes']")
        console.wait_step("affirmation")

        # A refusal (no attestation), then back to the script and back again: the buttons fit the journey's step.
        words = page.locator(".required-words").inner_text().strip("“”")
        page.fill("#affirmation-words", words)
        page.click("#send-affirmation")
        console.wait_step("affirmation")
        expect(page.locator(".step .agent-error")).to_contain_text("请先勾选下方的如实记录确认", timeout=SLOW)
        page.click(".progress li[data-index='2'] button")
        expect(page.locator(".step[data-view='script'] .script-section")).to_have_attribute("data-index", "2")
        expect(page.locator(".step .choice[data-value='yes']")).to_have_count(0)  # no "yes" into the affirmation
        expect(page.locator("#back-to-step")).to_contain_text("来电人作出承诺")
        violations = run_axe(page)
        assert not violations, describe(violations)
        page.click("#back-to-step")
        expect(page.locator("#affirmation-words")).to_be_visible()
        page.fill("#affirmation-words", words)
        page.check("#attestation")
        page.click("#send-affirmation")
        console.wait_step("receipt")
    finally:
        console.close()
