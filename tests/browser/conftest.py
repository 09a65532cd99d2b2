"""Browser tests of the website widget: real headless Chromium driven by Playwright.

The browser is Debian's Chromium (`make system-packages` installs it; Playwright never downloads one here):
``/usr/bin/chromium`` or ``GZ_CHROMIUM``. The widget runs against the real stack (tests/conftest.py
``stack``): the API serves the portal page and the widget, the widget talks to Rasa's socket.io channel.

``widget_page`` opens the portal on a phone-sized viewport and gives a :class:`WidgetDriver` that clicks and
types like a citizen. At the end of each test the conversation of every driver is read back from Rasa's
tracker and checked against the contract's rules (tests/e2e/contract.py), as the REST e2e tests are.
"""
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

import httpx
import pytest

from tests.e2e import limits, outbox

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
# Screenshots: the committed ones in docs/ are refreshed only on request (GZ_UPDATE_SCREENSHOTS=1), so an
# ordinary test run leaves the working tree clean; otherwise they go to var/screenshots/ for inspection.
DOCS = ROOT / "docs" if os.environ.get("GZ_UPDATE_SCREENSHOTS") else ROOT / "var" / "screenshots"
DOCS.mkdir(parents=True, exist_ok=True)
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
TURN_TIMEOUT = 60_000  # ms; a turn on a cold model can take a few seconds on 2 cores
# The stack inherits this (as in tests/e2e/conftest.py): the journey and the API refuse "已阅读" sooner than this
# after the last notice section was delivered, so ``WidgetDriver`` reads the notice that long before answering.
os.environ.setdefault("GZ_MIN_READING_SECONDS", "1")
limits.for_machine_speed()  # codes and flood control, for journeys at machine speed (tests/e2e/limits.py)
# A section counts as delivered when the widget's acknowledgement (sent once it is rendered) reaches Rasa, a
# moment after the driver sees it on the page; the driver reads this much longer.
READING_MARGIN = 0.5
NOTICE_SECTION = ".gzw-notice-section"


def chromium_path() -> str:
    path = os.environ.get("GZ_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium is missing: run `make system-packages` (apt-get install chromium); "
                    "Playwright's own browser download is not used.")
    return path


@pytest.fixture(scope="module")
def browser():
    # Module scope, not session: Playwright's sync API keeps an event loop running while it is open, and
    # pytest-asyncio cannot run async tests collected after this module inside a running loop.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class WidgetDriver:
    """One citizen using the widget on the portal page: clicks, types and waits like a person."""

    def __init__(self, page, stack):
        self.page = page
        self.stack = stack
        self.errors: List[str] = []
        self.notice_sections = 0  # notice sections on the page when last looked
        self.notice_seen = 0.0  # time.monotonic() a new one was first seen
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.set_default_timeout(TURN_TIMEOUT)

    # --- navigation -------------------------------------------------------------------------------
    def open_portal(self) -> "WidgetDriver":
        self.page.goto(f"{self.stack.config.api_url}/")
        self.page.locator(".gzw-launcher").click()
        self.wait_online()
        return self

    def wait_online(self) -> None:
        self.page.wait_for_selector(".gzw-status[data-state=online]")

    @property
    def session_id(self) -> str:
        stored = self.page.evaluate("() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('gz-widget:'))))")
        return stored["sessionId"]

    # --- reading ----------------------------------------------------------------------------------
    def asks(self) -> int:
        """How many questions the bot has asked so far (the widget counts them in ``data-asks``)."""
        return int(self.page.get_attribute(".gzw", "data-asks") or 0)

    def wait_ask(self, slot: str, after: int = 0) -> None:
        """Wait for a new question (more than ``after`` asked) that is ``slot``: the bot's turn is over."""
        self.page.wait_for_function(
            "([slot, after]) => { const w = document.querySelector('.gzw');"
            " return w && w.dataset.ask === slot && Number(w.dataset.asks || 0) > after && !w.dataset.settling; }",
            arg=[slot, after],
        )
        self.look_for_notice()

    def answer(self, text: str, next_slot: str) -> None:
        """Type ``text`` into the chat box, send it, and wait for the question ``next_slot``."""
        before = self.asks()
        self.type_and_send(text)
        self.wait_ask(next_slot, before)

    def choose(self, value: str, next_slot: str, within: str = ".gzw-ask") -> None:
        """Tap the option button for ``value`` and wait for the question ``next_slot``."""
        before = self.asks()
        self.click_option(value, within)
        self.wait_ask(next_slot, before)

    def _texts(self, selector: str) -> List[str]:
        # The text people see: without the visually hidden "您：" / "办事助手：" that screen readers announce.
        return self.page.eval_on_selector_all(selector, """els => els.map(e => {
            const copy = e.cloneNode(true); copy.querySelectorAll('.gzw-sr').forEach(n => n.remove());
            return copy.textContent; })""")

    def bot_texts(self) -> List[str]:
        return self._texts(".gzw-row--bot .gzw-bubble")

    def user_texts(self) -> List[str]:
        return self._texts(".gzw-row--user .gzw-bubble")

    def look_for_notice(self) -> None:
        shown = self.page.locator(NOTICE_SECTION).count()
        if shown != self.notice_sections:
            self.notice_sections, self.notice_seen = shown, time.monotonic()

    def read_notice(self) -> None:
        """Read the notice on the page before answering anything, as a person does: the journey refuses
        "已阅读" sooner than ``GZ_MIN_READING_SECONDS`` after the last section was delivered."""
        from tests.e2e.contract import reading_seconds

        self.look_for_notice()
        if self.notice_seen:
            time.sleep(max(0.0, reading_seconds() + READING_MARGIN - (time.monotonic() - self.notice_seen)))

    # --- acting -----------------------------------------------------------------------------------
    def type_and_send(self, text: str) -> None:
        self.read_notice()
        box = self.page.locator(".gzw-input")
        box.fill("")
        box.type(text)
        box.press("Enter")

    def click_option(self, value: str, within: str = ".gzw-ask") -> None:
        self.read_notice()
        self.page.locator(f"{within} .gzw-option[data-value='{value}']:enabled").last.click()

    def sms_code(self, phone: str) -> str:
        """The code in the newest SMS to ``phone`` (the stack's SMS outbox), as the phone's owner reads it."""
        return outbox.newest_code(outbox.outbox_path(self.stack), phone)

    # --- the record -------------------------------------------------------------------------------
    def tracker(self) -> Dict:
        response = httpx.get(
            f"{self.stack.config.rasa_url}/conversations/{self.session_id}/tracker",
            params={"token": self.stack.config.rasa_token()}, timeout=30,
        )
        response.raise_for_status()
        return response.json()


def transcript_from_tracker(tracker: Dict):
    """What the socket.io channel carried, from Rasa's own record: user texts and bot (text, custom) pairs."""
    from tests.e2e.contract import Transcript

    transcript = Transcript()
    replies: List[Dict] = []
    for event in tracker["events"]:
        if event.get("event") == "user":
            if replies:
                transcript.add_bot_replies(replies)
                replies = []
            transcript.add_user(event.get("text") or "")
        elif event.get("event") == "bot":
            reply = {"text": event.get("text") or ""}
            custom = (event.get("data") or {}).get("custom")
            if custom:
                reply["custom"] = custom
            replies.append(reply)
    if replies:
        transcript.add_bot_replies(replies)
    return transcript


@pytest.fixture
def widget_page(browser, stack) -> Callable[..., WidgetDriver]:
    """Make a driver on a fresh browser context (phone-sized unless told otherwise)."""
    from bot.core.catalogue import load_catalogue
    from tests.e2e.contract import check_contract

    contexts = []
    drivers: List[WidgetDriver] = []

    def make(**context_args) -> WidgetDriver:
        context = browser.new_context(**(context_args or PHONE))
        contexts.append(context)
        driver = WidgetDriver(context.new_page(), stack)
        drivers.append(driver)
        return driver

    yield make
    try:
        proxy_items = {code: item.proxy_allowed for code, item in load_catalogue().items()}
        for driver in drivers:
            assert not driver.errors, f"JavaScript errors on the page: {driver.errors}"
            try:
                session: Optional[str] = driver.session_id
            except Exception:  # the page never got a session: nothing was said
                session = None
            if session:
                check_contract(transcript_from_tracker(driver.tracker()), stack.config.api_url, proxy_items)
    finally:
        for context in contexts:
            context.close()


def grouped_id(value: str) -> str:
    """How the widget's input mask shows a resident ID while it is typed: region, birth date, the rest."""
    return re.sub(r"^(\d{6})(\d{8})(.*)$", r"\1 \2 \3", value)
