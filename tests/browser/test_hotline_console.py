"""The hotline console in headless Chromium against the real stack (issue 5; R5 R6 R7 P2 P3 P5): a staff member
signs in, starts a session for a caller and runs a proxy commitment; every `ask` is a form field, the
notification a read-aloud script with a "已宣读" tick per section, the caller's words are typed and attested;
the resulting record verifies and its evidence holds the per-section read-aloud times. The conversation is read
back from Rasa's tracker and checked against the contract's four rules, like every channel's."""
from __future__ import annotations

import re
from datetime import datetime

import httpx
import pytest
from playwright.sync_api import expect

from bot.core.assisted import ATTESTATION
from bot.core.catalogue import load_catalogue
from tests.browser.conftest import DOCS, transcript_from_tracker
from tests.browser.staff_console import StaffConsole
from tests.e2e.contract import check_contract
from tests.e2e.staff import account, staff_headers

pytestmark = pytest.mark.e2e
# Expectations that wait for a server round trip (Rasa, the API, a socket.io push) on a busy 2-core machine.
SLOW = 60_000

ZHAO_QIANG = ("赵强", "410103196208085671")
LIU_YANG = ("刘洋", "410105200002291113")
CALLER = "13912345678"


def test_hotline_assisted_proxy_commitment_with_read_aloud_ticks(browser, stack):
    console = StaffConsole(browser, stack).sign_in()
    page = console.page
    try:
        page.fill("#call-id", "CALL-20261127-0815")
        page.fill("#caller-phone", CALLER)
        page.click("#start-call")
        console.wait_step("start")
        expect(page.locator(".call-header")).to_contain_text("139****5678", timeout=SLOW)  # P5: the caller's number masked
        assert CALLER not in page.content()

        console.answer("来电人想帮父亲办城乡居民养老保险待遇领取", "ask", "item")
        page.click(".step .choice[data-code='ZM008']")
        console.wait_step("ask", "use_commitment")
        console.choose("yes", "ask", "acting_as")
        console.choose("proxy", "ask", "applicant_name")
        console.answer(ZHAO_QIANG[0], "ask", "applicant_id")
        console.answer(ZHAO_QIANG[1], "ask", "agent_name")
        assert "4101**********5671" in page.locator(".log").inner_text()  # P5: the log shows IDs masked
        console.answer(LIU_YANG[0], "ask", "agent_id")
        console.answer(LIU_YANG[1], "ask", "authorization_no")
        console.answer("SQ2026-0012", "ask", "authorization_scope")
        console.choose("yes", "ask", "phone")
        console.answer(CALLER, "ask", "notice_ack")

        # The read-aloud script: one section at a time, large text, a tick per section (R6).
        titles = [s.title for s in load_catalogue()["ZM008"].notice]
        section = page.locator(".script-section")
        confirm = page.locator(".step .choice[data-value='yes']")
        for index, title in enumerate(titles, start=1):
            expect(section).to_have_attribute("data-index", str(index), timeout=SLOW)
            expect(section.locator(".script-title")).to_have_text(title, timeout=SLOW)
            assert section.locator(".script-text").inner_text().strip()
            expect(confirm).to_be_disabled(timeout=SLOW)  # not before every section was read aloud
            page.click("#tick-section")
            expect(page.locator(f".progress li[data-index='{index}']")).to_have_class(re.compile(r"\bdone\b"), timeout=SLOW)
            if index == 3:
                page.locator(".script-controls").scroll_into_view_if_needed()
                page.screenshot(path=str(DOCS / "hotline-script.png"), full_page=True)  # the script view
        expect(page.locator("#tick-section")).to_have_class(re.compile(r"\bticked\b"), timeout=SLOW)
        expect(confirm).to_be_enabled(timeout=SLOW)
        confirm.click()
        console.wait_step("affirmation")

        statement = page.locator(".statement").inner_text()
        assert ZHAO_QIANG[0] in statement and LIU_YANG[0] in statement and "特别授权" in statement
        words = page.locator(".required-words").inner_text().strip("“”")
        expect(page.locator("label.attest")).to_contain_text(ATTESTATION, timeout=SLOW)

        # The caller's words without the attestation: the journey refuses (same rule as the backend's).
        page.fill("#affirmation-words", words)
        page.click("#send-affirmation")
        expect(page.locator(".step .bot-text.error")).to_contain_text(ATTESTATION, timeout=SLOW)
        # With the attestation ticked: the commitment is made.
        page.fill("#affirmation-words", words)
        page.check("#attestation")
        page.click("#send-affirmation")
        console.wait_step("receipt")
        number = re.search(r"CN\d{8}-\d{6}", page.locator(".receipt").inner_text()).group(0)
        expect(page.locator(".call-header")).to_contain_text(number, timeout=SLOW)
        verify_url = page.locator(".receipt a").get_attribute("href")
        assert verify_url.endswith(f"/api/v1/commitments/{number}/verify")
        assert httpx.get(verify_url, timeout=30).json()["valid"] is True  # P3

        # The signed record: channel hotline, staff, call, and the time each section was read aloud (P2).
        record = httpx.get(f"{stack.config.api_url}/api/v1/commitments/{number}",
                           headers=staff_headers(stack, "officer"), timeout=30).json()["signed_record"]
        evidence = record["evidence"]
        assert evidence["channel"] == "hotline" and record["proxy"]["name"] == LIU_YANG[0]
        assisted = evidence["assisted"]
        assert assisted["staff_id"] == account(stack)[0] and assisted["call_id"] == "CALL-20261127-0815"
        assert assisted["caller_phone"] == CALLER and assisted["attestation"] == ATTESTATION
        assert [t["index"] for t in assisted["read_aloud"]] == list(range(1, len(titles) + 1))
        read = [datetime.fromisoformat(t["at"]) for t in assisted["read_aloud"]]
        assert read == sorted(read) and read[-1] <= datetime.fromisoformat(assisted["attested_at"])
        assert datetime.fromisoformat(assisted["attested_at"]) <= datetime.fromisoformat(evidence["affirmation_at"])

        # The conversation as Rasa recorded it keeps the contract's four rules.
        sender = evidence["sender_id"]
        tracker = httpx.get(f"{stack.config.rasa_url}/conversations/{sender}/tracker",
                            params={"token": stack.config.rasa_token()}, timeout=30).json()
        assert {e["input_channel"] for e in tracker["events"] if e.get("event") == "user"} == {"hotline"}
        proxy_items = {code: item.proxy_allowed for code, item in load_catalogue().items()}
        check_contract(transcript_from_tracker(tracker), stack.config.api_url, proxy_items)

        page.click("#end-call")
        expect(page.locator(".call-header")).to_contain_text("已结束", timeout=SLOW)
    finally:
        console.close()
