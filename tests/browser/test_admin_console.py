"""The admin console in headless Chromium against a real stack: a message the bot misunderstood goes
from the inbox into the training data, a model is trained (short-epoch profile, fine-tuned on the running
model), evaluated on the held-out split, activated with Rasa's hot swap, understood by the running bot,
survives a restart of Rasa, and is rolled back.

The stack is this module's own (training rewrites the project and swaps the model): the API edits a throw-away
copy of the project (``GZ_PROJECT_DIR``), so the repository's data is never touched.
"""
from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path
from typing import Dict, List

import httpx
import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import DOCS, ROOT
from tests.browser.console_server import NOT_FOUND, serve
from tests.conftest import free_port


GREETING = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]["utter_greet"][0]["text"]
# Greetings in dialects and other languages that the shipped training data does not teach. The test uses the
# first one the running model gets wrong with low confidence (the inbox's threshold), so it keeps working
# when the training data grows.
CANDIDATES = ["阿拉来咨询", "good morning", "雷猴", "侬好呀", "恁好", "扎西德勒", "萨瓦迪卡", "bonjour", "hola", "老铁在不", "早晨呀"]
JOB_TIMEOUT = 20 * 60_000  # ms: fine-tuning and two held-out evaluations on a busy 2-core machine


def copy_project(target: Path) -> Path:
    (target / "data").mkdir(parents=True)
    for name in ("config.yml", "domain.yml"):
        shutil.copy(ROOT / name, target / name)
    shutil.copy(ROOT / "data" / "rules.yml", target / "data" / "rules.yml")
    shutil.copytree(ROOT / "data" / "nlu", target / "data" / "nlu")
    shutil.copytree(ROOT / "data" / "catalogue", target / "data" / "catalogue")
    shutil.copytree(ROOT / "bot" / "generated", target / "bot" / "generated")
    (target / "models").mkdir()
    return target


@pytest.fixture(scope="module")
def admin_stack(tmp_path_factory):
    from bot.tools.model import ensure_model
    from bot.tools.stack import Stack, StackConfig
    from tests.conftest import build_artefacts

    build_artefacts()
    model = ensure_model()
    project = copy_project(Path(tmp_path_factory.mktemp("project")))
    var_dir = Path(tmp_path_factory.mktemp("admin-var"))
    # The API (and only it reads these) works on the copy and trains with the short-epoch profile.
    env = {"GZ_PROJECT_DIR": str(project), "GZ_CATALOGUE_DIR": str(project / "data" / "catalogue" / "items"),
           "GZ_TRAIN_PROFILE": "short"}
    saved = {key: os.environ.get(key) for key in [*env, "GZ_RASA_URLS"]}
    os.environ.update(env)
    os.environ.pop("GZ_RASA_URLS", None)
    config = StackConfig(var_dir=var_dir, rasa_port=free_port(), action_port=free_port(), api_port=free_port(),
                         pg_tracker_db=f"rasa_trackers_admin_{uuid.uuid4().hex[:8]}")
    stack = Stack(config, model)
    try:
        stack.prepare()
        stack.start_all()
        stack.project = project
        yield stack
    finally:
        stack.stop_all()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def parse(stack, text: str) -> Dict:
    response = httpx.post(f"{stack.config.rasa_url}/model/parse", params={"token": stack.config.rasa_token()},
                          json={"text": text}, timeout=60)
    response.raise_for_status()
    return response.json()["intent"]


def say(stack, text: str) -> List[str]:
    response = httpx.post(f"{stack.config.rasa_url}/webhooks/rest/webhook",
                          json={"sender": f"admin-test-{uuid.uuid4().hex[:8]}", "message": text}, timeout=60)
    response.raise_for_status()
    return [m.get("text") or "" for m in response.json()]


def misunderstood_greeting(stack) -> str:
    held_out = (ROOT / "tests" / "data" / "nlu_test.yml").read_text(encoding="utf-8")
    for text in CANDIDATES:
        intent = parse(stack, text)
        if intent["name"] != "greet" and intent["confidence"] < 0.6 and f"- {text}\n" not in held_out \
                and GREETING not in say(stack, text):
            return text
    pytest.fail(f"the running model understands every candidate greeting: {CANDIDATES}")


def demo_password(stack, username: str) -> str:
    text = (stack.config.var_dir / "demo_accounts.txt").read_text(encoding="utf-8")
    return re.search(rf"^{username} \S+ (\S+)$", text, re.M).group(1)


@pytest.mark.e2e
@pytest.mark.slow
def test_inbox_example_train_evaluate_activate_understood_restart_roll_back(browser, admin_stack):  # P1
    stack = admin_stack
    phrase = misunderstood_greeting(stack)  # said by a citizen: it is now in the tracker store

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: List[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(60_000)
    console = f"{stack.config.api_url}/console/"

    # Sign in as the admin.
    page.goto(console)
    page.fill("#username", "demo_admin")
    page.fill("#password", demo_password(stack, "demo_admin"))
    page.click("#login-submit")
    page.wait_for_url("**/admin.html**")

    # Inbox -> one click: the phrase becomes an example of greet in data/nlu (the project copy).
    page.goto(console + "admin.html#inbox")
    row = page.locator("tr.inbox-row").filter(has=page.locator(".msg", has_text=re.compile(f"^{re.escape(phrase)}$")))
    expect(row).to_have_count(1)
    row.locator("select.inbox-intent").select_option("greet")
    row.locator("button.inbox-add-intent").click()
    expect(page.locator(".toast-item")).to_contain_text("已加入意图“问候”")  # intents by their Chinese names
    expect(row).to_have_count(0)
    assert f"    - {phrase}\n" in (stack.project / "data" / "nlu" / "chitchat.yml").read_text(encoding="utf-8")

    # Train: only an example changed, so the running model is fine-tuned (short-epoch profile in tests).
    page.goto(console + "admin.html#models")
    expect(page.locator(".train")).to_contain_text("在当前模型上微调")
    page.click("#train-start")
    # Live progress: epochs, loss and accuracy streamed from the job while it trains.
    expect(page.locator(".job-status")).to_contain_text(re.compile(r"第 \d+/\d+ 轮 · 损失 [\d.]+"), timeout=JOB_TIMEOUT)
    expect(page.locator(".job")).to_have_attribute("data-status", "succeeded", timeout=JOB_TIMEOUT)

    # Evaluate: per-intent table, confusion matrix and discovery top-3 of the held-out split.
    page.locator(".job a.button", has_text="查看评估结果").click()
    expect(page.locator("h1")).to_contain_text("模型评估")
    assert page.locator(".intent-table tbody tr").count() >= 20
    expect(page.locator("#macro-f1")).to_have_text(re.compile(r"^0\.\d{3}$"))
    expect(page.locator("dl.summary")).to_contain_text("微调")
    # The matrix is drawn with Chinese intent names; the original (English) image waits folded away below it.
    expect(page.locator("img.confusion")).to_be_attached()
    # The page re-renders while the job list refreshes: look the image up afresh on every poll.
    page.wait_for_function(
        "() => { const i = document.querySelector('img.confusion'); return !!i && i.complete && i.naturalWidth > 100; }"
    )
    page.evaluate("() => document.querySelectorAll('.toast-item').forEach(t => t.remove())")
    page.screenshot(path=str(DOCS / "admin-evaluation.png"), full_page=True)

    # Activate: hot swap on the running Rasa, after confirming what changes. The gate may refuse a lower
    # macro-F1: then force with a reason.
    page.locator("button.model-activate").click()
    page.click("#activation-confirm")
    done = page.locator(".toast-item", has_text="已启用")
    dialog = page.locator("#force-dialog")
    expect(done.or_(dialog)).to_be_visible(timeout=180_000)
    if dialog.is_visible():
        page.fill("#force-reason", "测试：验证新增方言问候语的训练与回滚流程")
        page.click("#force-confirm")
        expect(done).to_be_visible(timeout=180_000)
    assert page.evaluate("() => location.hash").startswith("#model/")  # still on the new model's page

    # The running bot now understands the new phrasing.
    assert GREETING in say(stack, phrase)

    # The active model survives a restart: bot/tools/stack.py starts Rasa with what the console recorded.
    from bot.tools.model import active_model

    recorded = active_model(stack.config.var_dir)
    assert recorded is not None and recorded.name.startswith("admin-")
    stack.stop("rasa")
    stack.model = recorded
    stack.start_rasa()
    stack.wait_ready("rasa")
    assert GREETING in say(stack, phrase)

    # Roll back to the model the bot ran before: no gate, the same hot swap; the old behaviour is back.
    page.goto(console + "admin.html#models")
    baseline = page.locator("tr.model-row").filter(has_text="启动时的模型")
    baseline.locator("button.model-activate", has_text="回滚").click()
    page.click("#activation-confirm")
    expect(page.locator(".toast-item", has_text="已回滚")).to_be_visible(timeout=180_000)
    assert GREETING not in say(stack, phrase)
    assert active_model(stack.config.var_dir).name.startswith("nlu-core-")
    expect(page.locator("tr.model-row.active")).to_contain_text("启动时的模型")

    assert not errors, errors
    context.close()


# --- the console for an administrator who is not a programmer (API only, Rasa faked) --------------

WORKDAY = {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1}
SHOTS = DOCS / "screenshots"


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    yield from serve(Path(tmp_path_factory.mktemp("console")))


@pytest.fixture
def admin_page(browser, console):
    context = browser.new_context(**WORKDAY)
    page = context.new_page()
    errors: List[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(30_000)
    console.sign_in(page, "demo_admin", "admin.html")
    yield page
    assert not errors, errors
    context.close()


def go(page, fragment: str) -> None:
    page.goto(page.url.split("#")[0] + fragment)
    page.reload()
    page.wait_for_selector("main#view h1")


def test_validate_returns_a_report(admin_page):
    go(admin_page, "#nlu")
    admin_page.click("#nlu-validate")
    expect(admin_page.locator(".validate-summary")).to_contain_text("校验通过")
    expect(admin_page.locator("#validate-report details.tech")).to_be_visible()


def test_a_long_message_leaves_the_inbox_usable_without_scrolling_sideways(admin_page):
    go(admin_page, "#inbox")
    admin_page.wait_for_selector("tr.inbox-row")
    widths = admin_page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    long_row = admin_page.locator("tr.inbox-row").filter(has=admin_page.locator("button.more"))
    expect(long_row).to_have_count(1)
    box = long_row.locator("button.inbox-add-alias").bounding_box()
    assert box and box["x"] + box["width"] <= 1366
    # The dropdown is not pre-set to the model's unsure guess: the guess is a hint beside it.
    assert long_row.locator("select.inbox-intent").input_value() == ""
    expect(long_row.locator(".guess")).to_contain_text("模型猜测：说明要办的事")


def test_an_item_not_found_message_becomes_an_alias_in_two_clicks(admin_page):
    go(admin_page, "#inbox")
    row = admin_page.locator("tr.inbox-row").filter(has=admin_page.locator(".msg", has_text=NOT_FOUND))
    expect(row).to_have_count(1)
    expect(row).to_contain_text("没找到事项")
    row.locator("select.inbox-item").select_option(label="食品经营许可（新办）")  # click 1: the item
    row.locator("button.inbox-add-alias").click()  # click 2
    expect(admin_page.locator(".toast-item")).to_contain_text("已加为“食品经营许可（新办）”的别名")
    expect(row).to_have_count(0)


def test_the_confusion_matrix_is_drawn_in_chinese_with_the_largest_confusions_as_text(admin_page):
    go(admin_page, "#models")
    admin_page.locator("tr.model-row:not(.active) a.eval-link").click()
    expect(admin_page.locator("ol.confusions li").first).to_have_text("把“说明要办的事”误判为“提供信息”：4次")
    matrix = admin_page.locator("#confusion")
    expect(matrix.locator("tbody tr")).to_have_count(25)
    # Readable at 1366 px: the page itself never scrolls sideways; the matrix zooms within its box.
    assert admin_page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    before = matrix.locator("table").bounding_box()["width"]
    admin_page.get_by_role("button", name="放大混淆矩阵").click()
    assert matrix.locator("table").bounding_box()["width"] > before
    admin_page.get_by_role("button", name="缩小混淆矩阵").click()
    admin_page.evaluate("() => document.querySelectorAll('.toast-item').forEach(t => t.remove())")
    SHOTS.mkdir(parents=True, exist_ok=True)
    admin_page.locator("#confusion").scroll_into_view_if_needed()
    admin_page.screenshot(path=str(SHOTS / "admin-confusion-matrix.png"), full_page=True)


def test_catalogue_versions_compare_side_by_side(admin_page):
    go(admin_page, "#catalogue/ZM001")
    admin_page.click("#diff-show")
    table = admin_page.locator("table.compare").first
    expect(table.locator("thead")).to_contain_text("第 1 版（旧）")
    expect(table.locator("tbody tr")).to_have_count(3)  # 别名, 核查时限, 告知书第 6 节
    expect(table.locator("tbody tr").first.locator("th")).to_have_text("别名")
    expect(table.locator("td.after .diff-added")).to_contain_text(["公租房资格审核"])
    expect(admin_page.locator(".diff-summary")).to_contain_text("改了 别名、核查时限（工作日）")
    admin_page.locator("#diff-box").scroll_into_view_if_needed()
    admin_page.evaluate("() => document.querySelectorAll('.toast-item').forEach(t => t.remove())")
    SHOTS.mkdir(parents=True, exist_ok=True)
    admin_page.locator("#diff-box").screenshot(path=str(SHOTS / "admin-catalogue-diff.png"))


def test_activation_confirms_the_change_and_replicas_after_trying_sentences(admin_page):
    go(admin_page, "#models")
    # Layout: 启用 and 评估详情 do not overlap.
    row = admin_page.locator("tr.model-row:not(.active)")
    link, button = row.locator("a.eval-link").bounding_box(), row.locator("button.model-activate").bounding_box()
    assert link["x"] + link["width"] <= button["x"] or link["y"] + link["height"] <= button["y"]
    expect(admin_page.locator("#train-plan")).to_contain_text("先按事项清单重新生成词典")
    row.locator("button.model-activate").click()
    dialog = admin_page.locator("#activation-dialog")
    expect(dialog).to_contain_text("所有 1 个机器人实例将从")
    expect(dialog).to_contain_text("正在使用")
    admin_page.fill("#try-text", "你好呀\n俺想弄个卖胡辣汤的证")
    admin_page.click("#try-run")
    expect(admin_page.locator("#try-results tbody tr")).to_have_count(2)
    expect(admin_page.locator("#try-results")).to_contain_text("问候")
    admin_page.click("#activation-confirm")
    expect(admin_page.locator(".toast-item", has_text="已启用")).to_be_visible()


def test_start_training_is_disabled_while_a_job_runs(admin_page):
    go(admin_page, "#models")
    start = admin_page.locator("#train-start")
    expect(start).to_be_enabled()
    start.click()
    expect(start).to_be_disabled()
    expect(admin_page.locator(".job")).to_have_attribute("data-status", "succeeded", timeout=60_000)
