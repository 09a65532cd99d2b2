"""How the widget renders each contract stage, its keyboard use, large font and 200 % zoom - without a server.

The page is the widget's own files (web/widget/, served by Playwright's router) with a stand-in for the
socket.io client: the test plays the bot's messages, built by actions/messages.py (the functions the action
server uses, so the payloads have the real shapes), and reads what the widget sent back.
"""
from __future__ import annotations

import json
import mimetypes
import re
from typing import Dict, List, Tuple

import pytest
from playwright.sync_api import expect

from actions import messages
from bot.core import affirmation
from bot.core.catalogue import load_catalogue
from tests.browser.conftest import PHONE, WEB

ORIGIN = "http://portal.test"
SESSION = "0123456789abcdef0123456789abcdef"

# A stand-in for socket.io's io(): it confirms the session, records what the widget emits and lets the test
# deliver bot messages with window.__bot(message).
FAKE_IO = """
window.__emitted = [];
window.io = function () {
  var handlers = {};
  function fire(ev, arg) { (handlers[ev] || []).forEach(function (f) { f(arg); }); }
  var socket = {
    connected: true,
    on: function (ev, f) { (handlers[ev] = handlers[ev] || []).push(f); return socket; },
    emit: function (ev, data) {
      window.__emitted.push([ev, data]);
      if (ev === 'session_request') setTimeout(function () { fire('session_confirm', (data && data.session_id) || '%s'); }, 0);
    },
  };
  window.__bot = function (m) { fire('bot_uttered', m); };
  setTimeout(function () { fire('connect'); }, 0);
  return socket;
};
""" % SESSION

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>widget</title></head>
<body><h1>测试页面</h1><p>正文</p>
<script>window.GZWidgetConfig = %s;</script>
<script src="/static/widget/gz-widget.js" defer></script></body></html>"""


def serve(route) -> None:
    path = route.request.url[len(ORIGIN):].split("?")[0]
    if path == "/portal":  # the demo portal page, its config object filled in as the API does
        config = {"rasaUrl": "http://rasa.test", "apiUrl": "http://api.test", "title": "告知承诺在线办理", "locale": "zh-CN"}
        page = (WEB / "portal" / "index.html").read_text(encoding="utf-8").replace("{{WIDGET_CONFIG}}", json.dumps(config))
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=page)
        return
    if path.startswith("/static/portal/"):
        file = WEB / "portal" / path[len("/static/portal/"):]
        route.fulfill(status=200, path=str(file), content_type=(mimetypes.guess_type(file.name)[0] or "text/plain"))
        return
    if path == "/":
        config = {"rasaUrl": "http://rasa.test", "apiUrl": "http://api.test", "title": "告知承诺在线办理", "locale": "zh-CN"}
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=PAGE % json.dumps(config, ensure_ascii=False))
        return
    file = WEB / "widget" / path[len("/static/widget/"):] if path.startswith("/static/widget/") else None
    if file is None or not file.is_file():
        route.fulfill(status=404, body="")
        return
    route.fulfill(status=200, path=str(file), content_type=(mimetypes.guess_type(file.name)[0] or "text/plain"))


class Offline:
    def __init__(self, page):
        self.page = page
        self.errors: List[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def bot(self, *pairs: Tuple[str, Dict]) -> None:
        """Deliver bot messages as Rasa's socket.io channel does: the text, then its custom."""
        for text, custom in pairs:
            self.page.evaluate("m => window.__bot(m)", {"text": text})
            if custom is not None:
                self.page.evaluate("m => window.__bot(m)", {"custom": custom})
        self.page.wait_for_function("() => !document.querySelector('.gzw').dataset.settling")

    def sent(self) -> List[str]:
        return [data["message"] for event, data in self.page.evaluate("() => window.__emitted") if event == "user_uttered"]


@pytest.fixture
def offline(browser):
    contexts = []

    def make(context_args=None, open_panel=True) -> Offline:
        context = browser.new_context(**(context_args or PHONE))
        contexts.append(context)
        context.add_init_script(FAKE_IO)
        context.route(f"{ORIGIN}/**", serve)
        page = context.new_page()
        page.goto(f"{ORIGIN}/")
        view = Offline(page)
        if open_panel:
            page.locator(".gzw-launcher").click()
            page.wait_for_selector(".gzw-status[data-state=online]")
        return view

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def items():
    return load_catalogue()


def test_every_stage_is_rendered(offline, items):  # contract stages
    w = offline()
    page = w.page
    zm001, zm004, xk101 = items["ZM001"], items["ZM004"], items["XK101"]

    w.bot(messages.item_candidates([zm001, items["ZM002"], xk101]), messages.ask("item"))
    cards = page.locator(".gzw-card")
    expect(cards).to_have_count(3)
    expect(cards.nth(2)).to_contain_text("不适用告知承诺")
    cards.nth(0).click()
    assert w.sent() == [zm001.name]  # the card sends the item's name, which the item question accepts

    w.bot(messages.item_detail(zm004))
    expect(page.locator(".gzw-detail").last).to_contain_text("须本人承诺")
    w.bot(messages.not_eligible(zm004, "proxy_not_allowed", "本事项不允许代为承诺。", zm004.proofs_required))
    expect(page.locator(".gzw-proofs").last.locator("li")).to_have_count(len(zm004.proofs_required))
    w.bot(messages.item_not_found("火星移民"))
    expect(page.locator(".gzw-bubble").last).to_contain_text("没有找到")

    w.bot(messages.service_error("api_unavailable", "承诺存证服务"))
    retry = page.locator(".gzw-retry")
    expect(retry).to_be_enabled()
    retry.click()
    assert w.sent()[-1] == "重试"

    w.bot(messages.handoff("user_request"))
    expect(page.locator("a[href='tel:12345']")).to_be_visible()
    status = {"commitment_no": "CN20260101-000001", "status": "under_verification", "status_text": "正在核查",
              "item_code": "ZM001", "item_name": zm001.name, "next_step": "等待核查结果", "due_date": "2026-02-01"}
    w.bot(messages.commitment_status(status))
    expect(page.locator(".gzw-badge", has_text="核查中")).to_be_visible()
    w.bot(messages.commitment_withdrawn({"commitment_no": "CN20260101-000001", "proofs_required": zm001.proofs_required}))
    expect(page.locator(".gzw-proofs").last.locator("li")).to_have_count(len(zm001.proofs_required))
    w.bot(messages.complaint_received({"ticket_no": "TS20260101-0001", "due_date": "2026-01-20"}, anonymous=True))
    expect(page.locator(".gzw-badge", has_text="TS20260101-0001")).to_be_visible()
    w.bot(("告知承诺制是指……", {"stage": "faq", "topic": "what_is_commitment"}))
    w.bot(("只有文字、没有 custom 的消息", None))
    expect(page.locator(".gzw-bubble").last).to_have_text("只有文字、没有 custom 的消息")
    assert not w.errors


def test_affirmation_rejection_keeps_the_statement_active_and_the_receipt_closes_it(offline, items):  # R7
    w = offline()
    page = w.page
    item = items["ZM008"]
    statement = affirmation.statement(item.name, "proxy", "赵强", "刘洋")
    words = affirmation.required_words("proxy", "赵强")
    w.bot(*[messages.notice_section(item, i) for i in range(1, 8)], messages.ask("notice_ack"))
    w.page.locator(".gzw-notice-foot .gzw-option[data-value='yes']").scroll_into_view_if_needed()
    page.locator(".gzw-notice-foot .gzw-option[data-value='yes']").click()
    w.bot(messages.affirmation_request(item, statement, words))
    expect(page.locator(".gzw-statement")).to_have_text(statement)

    page.locator(".gzw-affirm input").fill("本人承诺")
    page.locator(".gzw-affirm button", has_text="提交承诺").click()
    assert w.sent()[-1] == "本人承诺"
    expect(page.locator(".gzw-affirm-btn")).to_be_disabled()  # waiting for the answer: no double submit
    verdict = affirmation.classify("本人承诺", acting_as="proxy", applicant_name="赵强", statement=statement)
    w.bot(messages.affirmation_rejected(verdict.kind, verdict.explanation, words),
          messages.ask("affirmation", error=verdict.kind, text=f"请输入“{words}”完成承诺。"))
    expect(page.locator(".gzw-bubble--warn").first).to_be_visible()
    commit = page.locator(".gzw-affirm-btn")
    expect(commit).to_be_enabled()  # the same statement card answers the re-asked question
    commit.click()
    assert w.sent()[-1] == statement  # the payload is the full statement ...
    assert affirmation.classify(w.sent()[-1], acting_as="proxy", applicant_name="赵强", statement=statement).is_explicit

    receipt = {"commitment_no": "CN20260101-000002", "status": "accepted", "notice_version": item.notice_version,
               "covers": item.covers, "verify_url": "http://api.test/api/v1/commitments/CN20260101-000002/verify"}
    w.bot(messages.commitment_receipt(item, receipt, proxy=True))
    card = page.locator(".gzw-receipt")
    expect(card.locator(".gzw-receipt-no")).to_have_text("CN20260101-000002")
    expect(card.locator("a.gzw-verify")).to_have_attribute("href", receipt["verify_url"])
    expect(card.locator(".gzw-pdf")).to_be_visible()
    expect(commit).to_be_disabled()  # ... and a receipt closes the statement


def test_bot_text_is_never_markup(offline):  # the bot echoes what people type (names, complaints)
    w = offline()
    w.bot(("<img src=x onerror=\"window.__pwned=1\"><b>粗体</b>", {"stage": "faq", "topic": "proxy"}))
    expect(w.page.locator(".gzw-bubble").last).to_have_text("<img src=x onerror=\"window.__pwned=1\"><b>粗体</b>")
    assert w.page.evaluate("() => window.__pwned") is None
    assert w.page.locator(".gzw-log img, .gzw-log b").count() == 0


def test_numbers_typed_as_text_are_masked_on_screen_but_sent_whole(offline):  # P5
    w = offline()
    box = w.page.locator(".gzw-input")
    box.fill("我叫张伟，身份证410105199001011233，电话13800138000")
    box.press("Enter")
    assert w.sent() == ["我叫张伟，身份证410105199001011233，电话13800138000"]
    expect(w.page.locator(".gzw-row--user .gzw-bubble")).to_contain_text("身份证4101**********1233，电话138****8000")
    stored = w.page.evaluate("() => Object.values(localStorage).join(' ')")
    assert "410105199001011233" not in stored and "13800138000" not in stored


def test_keyboard_only(offline):  # keyboard navigation
    w = offline(open_panel=False)
    page = w.page
    page.locator(".gzw-launcher").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".gzw-panel")).to_be_visible()
    expect(page.locator(".gzw-input")).to_be_focused()
    page.wait_for_selector(".gzw-status[data-state=online]")
    page.keyboard.type("我想申请公租房")
    page.keyboard.press("Enter")
    assert w.sent() == ["我想申请公租房"]
    w.bot(messages.ask("acting_as"))
    page.locator(".gzw-ask .gzw-option").first.focus()
    page.keyboard.press("Tab")
    expect(page.locator(".gzw-ask .gzw-option[data-value='proxy']")).to_be_focused()
    page.keyboard.press("Enter")
    assert w.sent()[-1] == "proxy"
    page.keyboard.press("Escape")
    expect(page.locator(".gzw-panel")).to_be_hidden()
    expect(page.locator(".gzw-launcher")).to_be_focused()


def test_id_field_mask_and_its_escape_hatch(offline):  # P1
    w = offline()
    page = w.page
    w.bot(messages.ask("applicant_id"))
    box = page.locator(".gzw-input")
    box.type("91410100ma44xk7l3d")
    assert box.input_value() == "91 410100 MA44XK7L3 D"  # an enterprise's code, grouped by its parts
    expect(page.locator(".gzw-idhint")).to_have_attribute("data-state", "ok")
    box.press("Enter")
    assert w.sent() == ["91410100MA44XK7L3D"]
    w.bot(messages.ask("agent_id"))
    box.type("4101０５-19900101 12A3x")  # full-width digits, separators, a stray letter, a lower-case x
    assert box.input_value() == "410105 19900101 123X"  # a person's number has no letter before the last place
    expect(page.locator(".gzw-idhint")).to_have_text("身份证号最后一位校验码不对，请核对后重新输入。")
    box.fill("")
    page.locator(".gzw-idbar .gzw-textlink").click()  # "改为输入文字": a question instead of the number
    box.fill("身份证号在哪里看？")
    box.press("Enter")
    assert w.sent()[-1] == "身份证号在哪里看？"


def test_large_font_and_200_percent_zoom(offline, items):  # usability: 70-year-old eyes
    # A 1280x800 screen at 200 % zoom is a 640x400 CSS-pixel viewport.
    w = offline({"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2})
    page = w.page
    page.locator(".gzw-tool--large").click()
    expect(page.locator(".gzw-tool--large")).to_have_attribute("aria-pressed", "true")
    item = items["XK001"]
    w.bot(messages.item_candidates([item, items["XK002"], items["XK101"]]), messages.ask("item"),
          messages.item_detail(item), messages.ask("use_commitment"))
    w.bot(*[messages.notice_section(item, i) for i in range(1, 8)], messages.ask("notice_ack"))
    sizes = page.evaluate("""() => [...document.querySelectorAll('.gzw-panel, .gzw-log, .gzw-composer, .gzw-header')]
        .map(e => [e.className, e.scrollWidth, e.clientWidth])""")
    for name, scroll_width, client_width in sizes:
        assert scroll_width <= client_width + 1, f"{name} scrolls sideways at 200 % zoom: {scroll_width} > {client_width}"
    for selector in (".gzw-input", ".gzw-send", ".gzw-tool--close"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 640, selector
    font = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.gzw-bubble')).fontSize)")
    assert font >= 21  # 22 px text in large mode
    page.reload()
    expect(page.locator(".gzw-tool--large")).to_have_attribute("aria-pressed", "true")  # remembered
    expect(page.locator(".gzw-notice")).to_have_count(1)  # and the conversation is back


def test_new_conversation_forgets_everything(offline):
    w = offline()
    page = w.page
    w.bot(messages.ask("applicant_name"))
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".gzw-tool--restart").click()
    expect(page.locator(".gzw-row--bot")).to_have_count(1)  # only the greeting
    requests = [data for event, data in page.evaluate("() => window.__emitted") if event == "session_request"]
    assert requests[-1] == {"session_id": None}  # a new Rasa conversation
    assert page.get_attribute(".gzw", "class").find("gzw--idmode") < 0


READ_BUTTON = ".gzw-notice-foot .gzw-option[data-value='yes']"
AT_BOTTOM = "log => log.scrollTop + log.clientHeight >= log.scrollHeight - 2"


@pytest.mark.parametrize("said, answer", [
    ("核查是怎么核查的？", ("承诺后，实施部门会按该事项的核查办法在规定时限内核查。", {"stage": "faq", "topic": "verification"})),
    ("好", ("请在读完告知书后回复“已阅读”；需要再看一遍请回复“再说一遍”。", None)),
], ids=["question", "bare-yes"])
def test_a_reask_leaves_the_list_at_the_bottom_with_read_unlocked(offline, items, said, answer):  # R6
    w = offline()
    page = w.page
    item = items["ZM001"]
    w.bot(*[messages.notice_section(item, i) for i in range(1, 8)], messages.ask("notice_ack"))
    read = page.locator(READ_BUTTON)
    expect(read).to_be_disabled()
    assert not page.eval_on_selector(".gzw-log", AT_BOTTOM)  # shown from its top, to be read from the beginning
    # Speaking in the middle scrolls the conversation to the bottom, past the notification: that alone is not
    # reading it, and the answer alone does not change that.
    page.locator(".gzw-input").fill(said)
    page.locator(".gzw-input").press("Enter")
    w.bot(answer)
    expect(read).to_be_disabled()
    # The question is asked again: the same document, the list at its bottom, where there is nothing further to
    # scroll to. "已阅读" must not stay locked there.
    w.bot(messages.ask("notice_ack"))
    expect(page.locator(".gzw-notice")).to_have_count(1)
    assert page.eval_on_selector(".gzw-log", AT_BOTTOM)
    expect(read).to_be_enabled()
    expect(page.locator(".gzw-notice-foot .gzw-readhint")).to_have_text("您已读到告知书末尾。")
    read.click()
    assert w.sent()[-1] == "yes"


def test_the_first_showing_of_a_long_notice_is_not_read_by_the_widgets_own_jump(offline, items):  # R6
    w = offline()
    page = w.page
    w.bot(*[messages.notice_section(items["ZM001"], i) for i in range(1, 8)], messages.ask("notice_ack"))
    read = page.locator(READ_BUTTON)
    page.eval_on_selector(".gzw-log", "log => { log.scrollTop += log.clientHeight; }")  # half-way
    page.wait_for_timeout(200)
    expect(read).to_be_disabled()
    page.eval_on_selector(".gzw-log", "log => { log.scrollTop = log.scrollHeight; }")  # the reader's own scrolling
    expect(read).to_be_enabled()


def test_receipt_names_the_notice_edition_with_the_hash_as_detail(offline, items):  # P2
    w = offline()
    page = w.page
    item = items["XK001"]
    enterprise, representative = "郑州好味餐饮管理有限公司", "王强"
    statement = affirmation.statement(item.name, "self", enterprise, None, representative=representative,
                                      applicant_kind="enterprise")
    w.bot(messages.affirmation_request(item, statement, "本人承诺"))
    receipt = {"commitment_no": "CN20260101-000003", "status": "licensed", "decision_no": "XKJD-2026-000001",
               "notice_version": item.notice_version, "notice_version_no": 2, "covers": item.covers,
               "verify_url": "http://api.test/api/v1/commitments/CN20260101-000003/verify"}
    text, custom = messages.commitment_receipt(item, receipt, proxy=False)
    custom = dict(custom, notice_version_no=2)  # the receipt's edition number, passed on by the chat
    w.bot((text, custom))
    card = page.locator(".gzw-receipt")
    version = card.locator(".gzw-receipt-edition")
    expect(version.locator("strong")).to_have_text("第2版")
    expect(version.locator(".gzw-receipt-hash")).to_have_text("校验码 " + item.notice_version[:12])
    expect(card).to_contain_text("法定代表人代表企业承诺")  # the representative's statement, not "本人承诺"
    # The letter is downloaded as the applicant: the enterprise's credit code, then a code to its registered
    # phone. Nothing of the representative's sentence is put into the form.
    card.locator(".gzw-pdf").click()
    expect(card.locator(".gzw-pdfform").get_by_label("申请人身份证号或统一社会信用代码")).to_have_value("")

    # Without the edition number (an older chat), the hash alone, as before.
    del custom["notice_version_no"]
    w.bot((text, dict(custom, commitment_no="CN20260101-000004")))
    last = page.locator(".gzw-receipt").last
    expect(last.locator(".gzw-receipt-edition")).to_have_count(0)
    expect(last.locator(".gzw-receipt-hash")).to_have_text("校验码 " + item.notice_version[:12])


# Where text lies outside every landmark (what axe's "region" rule reports): a screen-reader user moving by
# landmarks never reaches it. The skip link is exempt, as in axe.
OUTSIDE_LANDMARKS = """root => {
  const LANDMARK = 'header, nav, main, footer, aside, [role=banner], [role=navigation], [role=main], [role=contentinfo],'
    + '[role=complementary], [role=region], [role=search], section[aria-label], section[aria-labelledby],'
    + 'form[aria-label], form[aria-labelledby]';
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const parent = walker.currentNode.parentElement;
    if (!text || parent.closest('script, style, template, a.skip') || !parent.checkVisibility()) continue;
    if (!parent.closest(LANDMARK)) found.push(text.slice(0, 40));
  }
  return found;
}"""

# axe "label-content-name-mismatch": a control named by aria-label must have its visible words in that name.
NAME_MISMATCH = """root => [...root.querySelectorAll('button[aria-label], a[aria-label]')]
  .filter(b => b.innerText.trim() && !b.getAttribute('aria-label').includes(b.innerText.trim()))
  .map(b => b.innerText.trim() + ' / ' + b.getAttribute('aria-label'))"""


def test_widget_controls_are_named_by_their_words_and_sit_in_a_landmark(offline):  # accessibility
    w = offline(open_panel=False)
    page = w.page
    assert page.eval_on_selector(".gzw", OUTSIDE_LANDMARKS) == []  # the launcher alone
    page.locator(".gzw-launcher").click()
    page.wait_for_selector(".gzw-status[data-state=online]")
    restart = page.locator(".gzw-tool--restart")
    expect(restart).to_have_accessible_name("新对话")
    expect(restart).to_have_attribute("title", "结束本次对话并清除本机记录")
    assert page.eval_on_selector(".gzw", NAME_MISMATCH) == []
    assert page.eval_on_selector(".gzw", OUTSIDE_LANDMARKS) == []
    expect(page.get_by_role("complementary", name="告知承诺在线办理助手")).to_have_count(1)


def test_portal_page_has_everything_in_a_landmark(offline):  # accessibility, the demo portal
    w = offline(open_panel=False)
    page = w.page
    page.goto(f"{ORIGIN}/portal")
    page.wait_for_selector(".gzw-launcher")
    banner = page.locator(".demo-banner")
    expect(banner).to_be_visible()
    assert page.eval_on_selector("body", "b => !!document.querySelector('.demo-banner').closest('header')")
    assert page.eval_on_selector("body", OUTSIDE_LANDMARKS) == []
    assert page.eval_on_selector("body", NAME_MISMATCH) == []


# Requirement and principle numbers are the project's own shorthand: no citizen sees "P5" or "R7".
INTERNAL_CODE = re.compile(r"(?<![0-9A-Za-z])[PR][0-9]{1,2}(?![0-9A-Za-z])")


def test_no_internal_codes_in_widget_or_portal_text():
    # Every string of the widget's scripts that a citizen can read (it has Chinese in it), and the portal page.
    for name in ("gz-widget.js", "gz-idcheck.js"):
        source = (WEB / "widget" / name).read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)  # comments are for developers
        shown = [s for s in re.findall(r'"((?:[^"\\\n]|\\.)*)"', code) if re.search("[\u4e00-\u9fff]", s)]
        assert shown, name
        assert not [s for s in shown if INTERNAL_CODE.search(s)], name
    portal = re.sub(r"<!--.*?-->|<script.*?</script>", "", (WEB / "portal" / "index.html").read_text(encoding="utf-8"), flags=re.S)
    assert not INTERNAL_CODE.findall(re.sub(r"<[^>]+>", " ", portal))
