"""Every console page passes axe (WCAG 2.1 A/AA, no serious or critical violation), and the administrator's
primary views speak Chinese: no identifier (``faq_liability``) and no file path outside a 详情 toggle.

Runs against the API alone with the Rasa side faked (tests/browser/console_server.py): the pages are what is
checked, not the bot.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import List

import pytest

from tests.browser.axe import describe, run_axe
from tests.browser.conftest import WEB
from tests.browser.console_server import serve

DESKTOP = {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1}
IDENTIFIER = re.compile(r"[a-z_]+_[a-z_]+")
FILE_PATH = re.compile(r"(?:\b[\w.-]+/)+[\w.-]+\.(?:ya?ml|py|json|png|gz|txt|js)\b|\b\w+\.(?:ya?ml|tar\.gz)\b")
DEVELOPER_WORDS = re.compile(r"rasa data validate|\bgit\b|哈希|data_hash|notice_version", re.I)


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    yield from serve(Path(tmp_path_factory.mktemp("console")))


def admin_views(page) -> List[str]:
    """The admin's primary views, by URL fragment (the evaluation of the trained candidate included)."""
    model_id = page.evaluate("""async () => {
        const token = sessionStorage.getItem('gz.console.token');
        const r = await fetch('/api/v1/admin/models', {headers: {Authorization: 'Bearer ' + token}});
        const data = await r.json();
        return data.models.find(m => !m.active).id; }""")
    return ["#inbox", "#nlu", "#nlu/intent/faq_liability", "#models", f"#model/{model_id}", "#catalogue/ZM001"]


def open_view(page, fragment: str) -> None:
    page.goto(page.url.split("#")[0] + fragment)
    page.reload()  # a fresh page for each view: nothing left over from the one before
    page.wait_for_selector("main#view h1")
    page.wait_for_load_state("networkidle")
    if fragment.startswith("#catalogue/"):
        page.click("#diff-show")
        page.wait_for_selector("table.compare")


def test_every_console_page_has_no_serious_or_critical_accessibility_violation(browser, console):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    found = {}
    page.goto(f"{console.url}/console/index.html")
    found["登录"] = run_axe(page)
    console.sign_in(page, "demo_admin", "admin.html")
    for fragment in admin_views(page):
        open_view(page, fragment)
        found[fragment] = run_axe(page)
    context.close()
    # Staff consoles: the hotline page and any other staff page (the handoff queue).
    staff = browser.new_context(**DESKTOP)
    page = staff.new_page()
    console.sign_in(page, "demo_staff", "hotline.html")
    page.wait_for_load_state("networkidle")
    found["hotline.html"] = run_axe(page)
    for other in sorted(p.name for p in (WEB / "console").glob("*.html") if p.name not in ("index.html", "admin.html", "hotline.html")):
        page.goto(f"{console.url}/console/{other}")
        page.wait_for_load_state("networkidle")
        found[other] = run_axe(page)
    staff.close()
    problems = {where: describe(v) for where, v in found.items() if v}
    assert not problems, "\n".join(f"{where}:\n{text}" for where, text in problems.items())


def test_the_admins_primary_views_show_no_identifiers_or_file_paths(browser, console):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    console.sign_in(page, "demo_admin", "admin.html")
    offending = {}
    for fragment in admin_views(page):
        open_view(page, fragment)
        # innerText is what is rendered: the content of a closed 详情 toggle is not.
        # Account names (who is signed in, who trained a model) are names people chose, not identifiers.
        text = page.evaluate("() => document.body.innerText").replace("demo_admin", "管理员")
        hits = IDENTIFIER.findall(text) + FILE_PATH.findall(text) + DEVELOPER_WORDS.findall(text)
        if hits:
            offending[fragment] = sorted(set(hits))[:10]
    context.close()
    assert not offending, offending
