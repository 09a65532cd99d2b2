"""The handoff queue at volume, in headless Chromium at 1366×768 against the real stack.

Two hundred requests over three channels are queued the way the action server queues them (service token,
with the citizen's last words). A hotline agent, starting from the console's first page, finds one citizen's
request by a word of their message and takes it over in at most three actions (clicks and typed searches);
the queue is newest first, shows waiting times, Chinese channel names and previews with numbers masked, fits
the screen, closes several requests at once, and has no serious or critical accessibility violation.
"""
from __future__ import annotations

import uuid
from typing import Dict, List, Tuple

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.axe import describe, run_axe
from tests.browser.conftest import DOCS
from tests.browser.staff_console import StaffConsole
from tests.e2e.staff import account, staff_headers

pytestmark = pytest.mark.e2e
SLOW = 60_000
SCREEN = {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1}
CHANNELS = ("socketio", "wechat", "rest")
REASONS = ("user_request", "repeated_fallback", "repeated_invalid")
EVERYDAY = ("我想申请公租房 / 转人工", "营业执照怎么办 / 人工", "给我爸办养老金领取 / 转人工", "食品经营许可要什么材料",
            "社保卡丢了怎么补 / 找人工", "我是代办的，委托书写错了 / 转人工", "身份证号一直提示不对 / 转人工")
# The one citizen the agent looks for: a word nobody else wrote, and numbers that must not be shown in full.
NEEDLE = "高龄津贴"
TARGET_MESSAGE = f"我想给我妈办{NEEDLE}，身份证410105199001011233，电话13812345678 / 转人工"
DUPLICATE = "重复提交测试"


class Clicks:
    """Counts what the agent does: every click and every typed search is one action."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, selector_or_locator) -> None:
        self.count += 1
        target = self.page.locator(selector_or_locator) if isinstance(selector_or_locator, str) else selector_or_locator
        target.click()

    def type(self, selector: str, text: str) -> None:
        self.count += 1
        self.page.locator(selector).fill(text)


def seed(stack, n: int = 200) -> Tuple[str, Dict[str, int]]:
    """Queue ``n`` requests; returns the target's conversation id and how many went to each channel."""
    headers = {"X-Service-Token": stack.service_token}
    per_channel: Dict[str, int] = {c: 0 for c in CHANNELS}
    target = uuid.uuid4().hex
    with httpx.Client(base_url=f"{stack.config.api_url}/api/v1", headers=headers, timeout=30) as client:
        for i in range(n):
            channel, reason = CHANNELS[i % 3], REASONS[(i // 3) % 3]
            sender, message = uuid.uuid4().hex, EVERYDAY[i % len(EVERYDAY)]
            if i == 120:  # somewhere in the middle, not on the first page
                channel, sender, message = "socketio", target, TARGET_MESSAGE
            elif i >= n - 4:  # the newest: a burst of duplicates the agent closes at once
                channel, message = "rest", f"{DUPLICATE}{i}"
            response = client.post("/service/handoff", json={"sender_id": sender, "channel": channel, "reason": reason,
                                                             "message": message})
            assert response.status_code == 200, response.text
            per_channel[channel] += 1
        junk = client.post("/service/handoff", json={"sender_id": uuid.uuid4().hex, "channel": "0" * 31, "reason": "user_request"})
        assert junk.status_code == 422 and junk.json()["error"] == "unknown_channel"
    return target, per_channel


def waiting_rows(page) -> List[str]:
    return page.locator("#waiting-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")


def waiting_total(stack, channel: str) -> int:
    """Requests of ``channel`` already waiting: other suites on the same stack queue some too."""
    response = httpx.get(f"{stack.config.api_url}/api/v1/handoff/requests",
                         params={"status": "waiting", "channel": channel, "limit": 1},
                         headers=staff_headers(stack), timeout=30)
    response.raise_for_status()
    return response.json()["total"]


def test_an_agent_finds_and_takes_one_request_among_200_in_three_actions(browser, stack):
    rest_before = waiting_total(stack, "rest")
    target, per_channel = seed(stack)
    assert all(count >= 60 for count in per_channel.values())
    console = StaffConsole(browser, stack)
    console.context.close()
    console.context = browser.new_context(**SCREEN)
    console.page = page = console.context.new_page()
    page.on("pageerror", lambda error: console.errors.append(str(error)))
    page.set_default_timeout(SLOW)
    console.sign_in()
    try:
        agent = Clicks(page)
        agent.click("a[data-view='queue']")
        expect(page.locator("#waiting-table tbody tr")).to_have_count(50, timeout=SLOW)  # one page
        expect(page.locator("#queue-status")).to_contain_text("等待接入", timeout=SLOW)
        # Newest first: the burst of duplicates queued last is on top; each row has its waiting time and preview.
        first = page.locator("#waiting-table tbody tr").first
        expect(first.locator(".preview")).to_contain_text(DUPLICATE)
        expect(first.locator(".waited")).to_have_text(lambda_seconds(), timeout=SLOW)
        table = page.locator("#waiting-table").inner_text()
        assert "网站对话窗口" in table and "微信公众号" in table and "其他应用接入" in table
        assert "socketio" not in table and "wechat" not in table and "0000000" not in table
        # The page fits the screen: no horizontal scrolling at 1366 px.
        assert page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth")
        violations = run_axe(page)
        assert not violations, describe(violations)
        (DOCS / "screenshots").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS / "screenshots" / "handoff-queue.png"))

        agent.type("#queue-search", NEEDLE)
        expect(page.locator("#waiting-table tbody tr")).to_have_count(1, timeout=SLOW)
        row = page.locator("#waiting-table tbody tr")
        expect(row).to_contain_text(NEEDLE)
        preview = row.locator(".preview").inner_text()
        assert "4101**********1233" in preview and "138****5678" in preview  # P5: masked in the list
        assert "410105199001011233" not in page.content() and target not in page.content()
        expect(page.locator("#queue-status")).to_contain_text("找到 1 个")
        agent.click(row.locator("button.take"))

        expect(page.locator(".handoff-header")).to_have_attribute("data-status", "active", timeout=SLOW)
        expect(page.locator(".handoff-header")).to_contain_text(f"{target[:4]}…{target[-4:]}")
        assert agent.count <= 3, agent.count
        me = account(stack)[0]
        detail = httpx.get(f"{stack.config.api_url}/api/v1/handoff/{page.url.rsplit('/', 1)[-1]}",
                           headers=staff_headers(stack), timeout=30).json()
        assert detail["status"] == "active" and detail["taken_by"] == me and detail["sender"] == f"{target[:4]}…{target[-4:]}"

        # Back in the queue: the search is kept; the request is no longer waiting.
        page.click("a[href='#queue']")
        expect(page.locator("#queue-search")).to_have_value(NEEDLE)
        expect(page.locator("#waiting-table")).to_have_count(0, timeout=SLOW)
        expect(page.locator("#active-table")).to_contain_text(NEEDLE)

        # Closing several at once: the duplicates, found by their word, all ticked, closed with one reason.
        page.fill("#queue-search", DUPLICATE)
        expect(page.locator("#waiting-table tbody tr")).to_have_count(4, timeout=SLOW)
        page.check("#select-page")
        expect(page.locator("#dismiss-selected")).to_have_text("关闭所选（4）")
        page.select_option("#dismiss-reason", "duplicate")
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#dismiss-selected")
        expect(page.locator("#waiting-table")).to_have_count(0, timeout=SLOW)
        expect(page.locator("#closed-table")).to_contain_text(DUPLICATE)

        # Filters: one channel, then the oldest of it taken with one click.
        page.fill("#queue-search", "")
        page.select_option("#filter-channel", "rest")
        rest_waiting = rest_before + per_channel["rest"] - 4  # the duplicates were closed
        expect(page.locator("#queue-status")).to_contain_text(f"找到 {rest_waiting} 个", timeout=SLOW)
        expect(page.locator("#waiting-table tbody tr")).to_have_count(min(rest_waiting, 50))
        channels = page.locator("#waiting-table tbody tr td:nth-child(3)").all_inner_texts()
        assert channels and set(channels) == {"其他应用接入"}
        page.click("#claim-oldest")
        expect(page.locator(".handoff-header")).to_have_attribute("data-status", "active", timeout=SLOW)
        expect(page.locator(".handoff-header h1")).to_contain_text("其他应用接入")
    finally:
        console.close()


def lambda_seconds():
    import re

    return re.compile(r"^\d+(分\d{2})?秒$|^\d+小时\d{2}分$")
