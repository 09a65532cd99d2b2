"""Handoff from the website widget to a staff member and back, in two headless Chromium windows against the real
stack: the citizen says "转人工" mid-journey; the conversation waits in the queue with its waiting
time; the staff member takes it over (the bot pauses), reads the citizen's messages and answers them - pushed
to the widget over socket.io, marked there as 人工客服 -, cannot hand back before answering the citizen's
question, then hands back, and the bot continues the journey where it was. The widget's
conversation is contract-checked from the tracker by the ``widget_page`` fixture."""
from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.axe import describe, run_axe
from tests.browser.staff_console import StaffConsole
from tests.browser.test_widget import start_item
from tests.e2e.staff import account

pytestmark = pytest.mark.e2e
# Expectations that wait for a server round trip (Rasa, the API, a socket.io push) on a busy 2-core machine.
SLOW = 60_000


def test_handoff_from_the_widget_to_staff_and_back(widget_page, browser, stack):
    citizen = widget_page().open_portal()
    start_item(citizen, "我想申请公租房", "ZM001")  # the bot now asks: 本人 or 代办
    asked = citizen.asks()
    citizen.type_and_send("转人工")
    citizen.wait_ask("acting_as", asked)
    expect(citizen.page.locator(".gzw-log")).to_contain_text("工作人员接入后会直接在这里回复您", timeout=SLOW)

    console = StaffConsole(browser, stack).sign_in()
    page = console.page
    try:
        page.click("a[data-view='queue']")
        session = citizen.session_id
        row = page.locator("#waiting-table tbody tr").filter(has_text=f"{session[:4]}…{session[-4:]}")
        expect(row).to_contain_text("用户要求转人工", timeout=SLOW)
        expect(row).to_contain_text("网站对话窗口")
        expect(row.locator(".preview")).to_contain_text("转人工")  # the citizen's last words
        expect(page.locator("#queue-count")).not_to_have_text("", timeout=SLOW)
        waited = row.locator(".waited")
        first = waited.inner_text()
        expect(waited).not_to_have_text(first, timeout=SLOW)  # the waiting time runs while the citizen waits
        assert citizen.session_id not in page.content()  # P5: the conversation id is masked
        row.locator("a.open").click()

        expect(page.locator(".transcript")).to_contain_text("转人工", timeout=SLOW)
        expect(page.locator(".handoff-header")).to_contain_text("本人还是代办", timeout=SLOW)  # where the journey waits
        page.click("#take")
        expect(page.locator(".handoff-header")).to_have_attribute("data-status", "active", timeout=SLOW)
        # The citizen sees the staff member join (pushed over socket.io: no message of theirs asked for it).
        expect(citizen.page.locator(".gzw-log")).to_contain_text("人工客服已接入", timeout=SLOW)
        assert citizen.tracker()["paused"] is True

        # Staff messages are a person's, by role, for the eye and for screen readers - not the assistant's.
        staff_row = citizen.page.locator(".gzw-row--staff").filter(has_text="人工客服已接入")
        expect(staff_row.locator(".gzw-who")).to_have_text("人工客服")
        expect(staff_row.locator(".gzw-sr")).to_have_text("人工客服：")
        assert not any("人工客服已接入" in t for t in citizen.bot_texts())

        citizen.type_and_send("代办需要带什么材料？")
        expect(page.locator(".transcript")).to_contain_text("代办需要带什么材料？", timeout=SLOW)
        assert "代办需要带什么材料？" not in citizen.bot_texts()  # the bot stays silent while a person talks
        # The question waits for an answer: shown to the agent, and handing back first is stopped.
        expect(page.locator(".unanswered")).to_contain_text("代办需要带什么材料？（提问）", timeout=SLOW)
        violations = run_axe(page)  # the conversation page, with the reply box and the waiting question
        assert not violations, describe(violations)
        page.click("#release")
        expect(page.locator("#release-check")).to_contain_text("还没有回复", timeout=SLOW)
        assert citizen.tracker()["paused"] is True
        page.click("#answer-first")
        expect(page.locator("#staff-text")).to_be_focused()
        page.fill("#staff-text", "代办需要申请人签署的授权委托书，写明特别授权代为承诺。")
        page.click("#send-staff")
        expect(citizen.page.locator(".gzw-row--staff").last).to_contain_text("写明特别授权代为承诺", timeout=SLOW)
        expect(page.locator(".unanswered")).not_to_contain_text("代办需要带什么材料", timeout=SLOW)

        asked = citizen.asks()
        page.click("#release")
        expect(page.locator(".handoff-header")).to_have_attribute("data-status", "closed", timeout=SLOW)
        expect(citizen.page.locator(".gzw-log")).to_contain_text("人工服务已结束", timeout=SLOW)
        citizen.wait_ask("acting_as", asked)  # the journey's pending question, asked again
        assert citizen.tracker()["paused"] is False
        citizen.choose("proxy", "agent_name")  # the bot continues the journey where it was (a proxy names themselves first)
        slots = citizen.tracker()["slots"]
        assert slots["item"] == "ZM001" and slots["acting_as"] == "proxy" and slots["use_commitment"] == "yes"

        queue = httpx.get(f"{stack.config.api_url}/api/v1/handoff/queue", headers=_headers(page), timeout=30).json()
        mine = [e for e in queue["closed"] if e["taken_by"] == account(stack)[0]]
        assert mine and mine[0]["waited_seconds"] >= 1
        assert re.fullmatch(r"[0-9a-f]{4}…[0-9a-f]{4}", mine[0]["sender"])
    finally:
        console.close()


def _headers(page) -> dict:
    token = page.evaluate("() => sessionStorage.getItem('gz.console.token')")
    return {"Authorization": f"Bearer {token}"}
