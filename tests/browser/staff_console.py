"""A staff member at the hotline console (web/console/hotline.html) in headless Chromium."""
from __future__ import annotations

from typing import List

from tests.e2e.staff import account

DESKTOP = {"viewport": {"width": 1440, "height": 1000}, "device_scale_factor": 1}
TURN_TIMEOUT = 90_000  # ms


class StaffConsole:
    def __init__(self, browser, stack, role: str = "staff"):
        self.stack = stack
        self.context = browser.new_context(**DESKTOP)
        self.page = self.context.new_page()
        self.errors: List[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.set_default_timeout(TURN_TIMEOUT)
        self.username, self.password = account(stack, role)

    def sign_in(self) -> "StaffConsole":
        """Through the shared login page, which sends a staff account to the hotline console."""
        page = self.page
        page.goto(f"{self.stack.config.api_url}/console/index.html")
        page.fill("#username", self.username)
        page.fill("#password", self.password)
        page.click("#login-submit")
        page.wait_for_url("**/console/hotline.html*")
        return self

    def wait_step(self, step: str, slot: str = "") -> None:
        # The panel says which step it shows and whether a turn is still under way (data-busy).
        self.page.wait_for_selector(f".step[data-step='{step}'][data-busy='0']" + (f"[data-slot='{slot}']" if slot else ""))

    def answer(self, text: str, step: str, slot: str = "") -> None:
        self.page.fill("#answer", text)
        self.page.press("#answer", "Enter")
        self.wait_step(step, slot)

    def choose(self, value: str, step: str, slot: str = "") -> None:
        self.page.click(f".step .choice[data-value='{value}']")
        self.wait_step(step, slot)

    def close(self) -> None:
        assert not self.errors, f"JavaScript errors on the console: {self.errors}"
        self.context.close()
