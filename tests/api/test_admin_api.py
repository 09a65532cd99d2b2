"""Admin console API: roles, catalogue publishing and diffs, training data with duplicate and
conflict warnings, the inbox read from the tracker store, training jobs and the activation gate.

Rasa itself is replaced by the fakes of ``tests.api.admin_fakes`` (same command line, same HTTP API), so
these tests check the console's own decisions in seconds; the real Rasa runs in the browser test.
"""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path
from typing import Dict

import pytest
import yaml

from api.admin.settings import AdminSettings
from api.config import REPO_ROOT
from bot.core.catalogue import NOTICE_TITLES, load_catalogue, notice_version, parse_item
from bot.core.lexicon import LOOKUP_PATH, USERDICT_PATH, render_lookup, render_userdict
from bot.core.training_inputs import inputs_hash
from tests.api.access_helpers import applicant_headers, login, rows, service_headers
from tests.api.admin_fakes import FakeRasaServer, FakeTracker, fake_calls, make_fake_rasa_venv, make_project
from tests.api.helpers import ZHANG_WEI, commitment_body

TOKEN = "rasa-test-token"


@pytest.fixture
def admin(app, settings, tmp_path):
    """The console pointed at a copy of the project, a fake Rasa venv, a fake Rasa server and a tracker DB."""
    project = make_project(tmp_path / "project")
    # The shipped ZM001.yaml (same content as the fixture's) so edits are checked against the real file layout.
    shutil.copy(REPO_ROOT / "data" / "catalogue" / "items" / "ZM001.yaml", settings.catalogue_dir / "ZM001.yaml")
    # The artefacts `python -m bot.tools.build` derives from this catalogue, as the running model was trained on them: the
    # training job rebuilds them first, and the console predicts what the job will do from the rebuilt ones.
    items = load_catalogue(settings.catalogue_dir)
    (project / USERDICT_PATH).write_text(render_userdict(items), encoding="utf-8")
    (project / LOOKUP_PATH).write_text(render_lookup(items), encoding="utf-8")
    baseline = project / "models" / f"nlu-core-{inputs_hash(project)}.tar.gz"
    baseline.write_bytes(b"baseline model")
    venv = make_fake_rasa_venv(tmp_path / "rasa-venv")
    rasa = FakeRasaServer(TOKEN, baseline.name)  # Rasa's /status names the file without its directory
    tracker = FakeTracker(tmp_path / "rasa_tracker.db")
    held_out = tmp_path / "nlu_test.yml"
    held_out.write_text('version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - 中午好呀\n', encoding="utf-8")
    app.state.admin_settings = AdminSettings(
        project_dir=project, rasa_venv=venv, rasa_urls=rasa.url, rasa_token=TOKEN,
        tracker_db_url=f"sqlite:///{tmp_path / 'rasa_tracker.db'}", admin_dir=tmp_path / "admin",
        active_model_file=tmp_path / "active_model", held_out_nlu=held_out, train_profile="short",
        job_stale_seconds=600,
    )
    yield type("Admin", (), {"project": project, "venv": venv, "rasa": rasa, "tracker": tracker,
                             "baseline": baseline, "settings": settings, "tmp": tmp_path})
    rasa.close()


@pytest.fixture
def as_admin(client, settings) -> Dict[str, str]:
    return login(client, settings, "demo_admin")


def wait_job(client, headers, job_id: int, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/v1/admin/jobs/{job_id}", headers=headers).json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still running: {job}")


# --- roles (P5) -----------------------------------------------------------------------------------------------

ADMIN_ENDPOINTS = [
    ("GET", "/api/v1/admin/catalogue/items", None),
    ("GET", "/api/v1/admin/catalogue/items/ZM001", None),
    ("POST", "/api/v1/admin/catalogue/items/ZM001/preview", {}),
    ("POST", "/api/v1/admin/catalogue/items/ZM001/publish", {"content": {}}),
    ("GET", "/api/v1/admin/catalogue/items/ZM001/diff?from=1&to=1", None),
    ("GET", "/api/v1/admin/inbox", None),
    ("POST", "/api/v1/admin/inbox/abc/assign", {"intent": "greet", "text": "你好"}),
    ("POST", "/api/v1/admin/inbox/abc/dismiss", None),
    ("GET", "/api/v1/admin/nlu", None),
    ("GET", "/api/v1/admin/nlu/intent/greet", None),
    ("PUT", "/api/v1/admin/nlu/intent/greet", {"examples": ["你好"]}),
    ("POST", "/api/v1/admin/nlu/intent/greet/examples", {"text": "你好"}),
    ("POST", "/api/v1/admin/nlu/synonym", {"name": "x", "examples": ["y"]}),
    ("DELETE", "/api/v1/admin/nlu/synonym/x", None),
    ("POST", "/api/v1/admin/nlu/validate", None),
    ("GET", "/api/v1/admin/models", None),
    ("GET", "/api/v1/admin/models/1", None),
    ("GET", "/api/v1/admin/models/1/confusion.png", None),
    ("POST", "/api/v1/admin/models/1/evaluate", None),
    ("POST", "/api/v1/admin/models/1/activate", {}),
    ("POST", "/api/v1/admin/jobs", {"kind": "train"}),
    ("GET", "/api/v1/admin/jobs", None),
    ("GET", "/api/v1/admin/jobs/1", None),
    ("GET", "/api/v1/admin/jobs/1/log", None),
    ("GET", "/api/v1/admin/jobs/1/events", None),
    ("POST", "/api/v1/admin/jobs/1/cancel", None),
]


def test_only_admins_reach_the_admin_console(client, settings, admin):  # P5
    callers = {
        "nobody": {},
        "applicant": applicant_headers(client, ZHANG_WEI),
        "service": service_headers(settings),
        "staff": login(client, settings, "demo_staff"),
        "officer": login(client, settings, "demo_officer"),
    }
    for method, path, body in ADMIN_ENDPOINTS:
        for who, headers in callers.items():
            response = client.request(method, path, json=body, headers=headers)
            expected = 401 if who == "nobody" else 403
            assert response.status_code == expected, (who, method, path, response.status_code, response.text)
    # Nothing of the above ran: no job, no file written, no example added.
    assert rows(settings, "SELECT count(*) AS n FROM nlu_training_jobs")[0]["n"] == 0
    for path in (admin.project / "data" / "nlu").glob("*.yml"):
        if path.name == "generated_items.yml":  # derived from the test catalogue, not the repository's
            continue
        assert path.read_bytes() == (REPO_ROOT / "data" / "nlu" / path.name).read_bytes()


def test_admin_reaches_the_console_page_and_api(client, as_admin, admin):
    page = client.get("/console/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/api/v1/admin/nlu", headers=as_admin).status_code == 200


# --- catalogue: edit, preview, publish, diff (R1, R6, P2) --------------------------------------------------------


def _zm001(client, headers) -> dict:
    response = client.get("/api/v1/admin/catalogue/items/ZM001", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_preview_shows_the_notice_as_the_bot_sends_it_with_the_core_notice_version(client, as_admin, admin):  # R6
    item = _zm001(client, as_admin)
    content = item["content"]
    content["notice"][2]["text"] += "另需提交近三个月水电费缴费记录。"
    response = client.post("/api/v1/admin/catalogue/items/ZM001/preview", json={"content": content}, headers=as_admin)
    assert response.status_code == 200, response.text
    preview = response.json()
    expected = parse_item(content, "ZM001.yaml")
    assert preview["notice_version"] == notice_version(expected.notice) == expected.notice_version
    sections = [m for m in preview["messages"] if m["custom"]["stage"] == "notice_section"]
    assert len(sections) == len(NOTICE_TITLES)
    assert sections[2]["text"] == f"告知书（3/7）{NOTICE_TITLES[2]}：{expected.notice[2].text}"
    assert all(s["custom"]["notice_version"] == preview["notice_version"] for s in sections)
    # A preview writes nothing.
    assert _zm001(client, as_admin)["file_hash"] == item["file_hash"]


def test_publish_creates_a_version_shows_the_diff_and_old_commitments_keep_theirs(client, as_admin, admin, settings):  # R1, P2
    old_notice = client.get("/api/v1/catalogue/items/ZM001").json()["notice_version"]
    receipt = client.post("/api/v1/commitments", json=commitment_body(client, "ZM001", ZHANG_WEI))
    assert receipt.status_code == 201, receipt.text

    item = _zm001(client, as_admin)
    original_yaml = (settings.catalogue_dir / "ZM001.yaml").read_text(encoding="utf-8")
    content = item["content"]
    # A shorter verification time limit: the plan and notice section 6 change together (the loader refuses
    # a notice that states another time limit than the plan the verification service runs).
    content["verification"]["time_limit_days"] = 15
    content["notice"][5]["text"] = content["notice"][5]["text"].replace("20个工作日", "15个工作日")
    content["aliases"] = content["aliases"] + ["公租房资格审核"]
    response = client.post("/api/v1/admin/catalogue/items/ZM001/publish",
                           json={"content": content, "base_hash": item["file_hash"]}, headers=as_admin)
    assert response.status_code == 200, response.text
    published = response.json()
    assert published["previous_version"] == 1 and published["version"] == 2 and not published["unchanged"]
    assert published["notice_version"] != old_notice
    notice_diff = published["diff"]["notice"]
    assert any(line["kind"] == "removed" and "20个工作日" in line["text"] for line in notice_diff)
    assert any(line["kind"] == "added" and "15个工作日" in line["text"] for line in notice_diff)
    assert {"kind": "added", "text": "aliases[]: 公租房资格审核"} in published["diff"]["fields"]

    # The YAML file is the single source: changed in place, every other line as it was (reviewable in git).
    new_yaml = (settings.catalogue_dir / "ZM001.yaml").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(original_yaml.splitlines(), new_yaml.splitlines()) if a != b]
    assert len(original_yaml.splitlines()) == len(new_yaml.splitlines())
    assert len(changed) == 3, changed  # the aliases line, the plan's time limit and notice section 6

    # Citizens now see version 2; the earlier commitment still cites, and can read, the version it was shown.
    assert client.get("/api/v1/catalogue/items/ZM001").json()["notice_version"] == published["notice_version"]
    assert rows(settings, "SELECT notice_version FROM commitments")[0]["notice_version"] == old_notice
    assert client.get(f"/api/v1/catalogue/items/ZM001/versions/{old_notice}").status_code == 200

    diff = client.get("/api/v1/admin/catalogue/items/ZM001/diff?from=1&to=2", headers=as_admin).json()
    assert diff["notice_changed"] is True and diff["notice"] == notice_diff
    audit = rows(settings, "SELECT actor, action, target FROM audit_events WHERE action = 'catalogue.publish'")
    assert audit == [{"actor": "demo_admin", "action": "catalogue.publish", "target": "ZM001"}]

    # Publishing the same content again stores nothing new.
    again = _zm001(client, as_admin)
    response = client.post("/api/v1/admin/catalogue/items/ZM001/publish",
                           json={"content": again["content"], "base_hash": again["file_hash"]}, headers=as_admin)
    assert response.json()["unchanged"] is True and response.json()["version"] == 2


def test_publish_refuses_an_invalid_item_or_a_stale_editor_and_changes_nothing(client, as_admin, admin, settings):
    item = _zm001(client, as_admin)
    before = (settings.catalogue_dir / "ZM001.yaml").read_bytes()
    vague = json.loads(json.dumps(item["content"]))
    vague["notice"][2]["text"] += "以及其他相关材料。"
    response = client.post("/api/v1/admin/catalogue/items/ZM001/publish", json={"content": vague}, headers=as_admin)
    assert response.status_code == 422 and "notice[3].text" in response.json()["message"]
    stale = client.post("/api/v1/admin/catalogue/items/ZM001/publish",
                        json={"content": item["content"], "base_hash": "0" * 64}, headers=as_admin)
    assert stale.status_code == 409 and stale.json()["error"] == "edit_conflict"
    assert (settings.catalogue_dir / "ZM001.yaml").read_bytes() == before
    assert [v["version"] for v in _zm001(client, as_admin)["versions"]] == [1]


# --- training data: duplicate and conflict warnings ---------------------------------------------------------------


def test_training_data_warns_about_duplicates_and_conflicts(client, as_admin, admin):  # P1
    path = admin.project / "data" / "nlu" / "chitchat.yml"
    text = path.read_text(encoding="utf-8")
    # A hand edit (or a merge) left "再见" twice under goodbye and "在吗" under goodbye as well as greet.
    text = text.replace("    - 拜拜\n", "    - 拜拜\n    - 再见\n    - 在吗\n", 1)
    path.write_text(text, encoding="utf-8")
    warnings = client.get("/api/v1/admin/nlu", headers=as_admin).json()["warnings"]
    assert {"duplicate", "conflict"} <= {w["type"] for w in warnings}
    assert any(w["type"] == "duplicate" and w["intent"] == "goodbye" and w["text"] == "再见" for w in warnings)
    assert any(w["type"] == "conflict" and w["text"] == "在吗" and w["intents"] == ["goodbye", "greet"] for w in warnings)
    block = client.get("/api/v1/admin/nlu/intent/greet", headers=as_admin).json()
    assert any(w["type"] == "conflict" for w in block["warnings"])


def test_adding_examples_refuses_duplicates_conflicts_held_out_and_personal_numbers(client, as_admin, admin):
    url = "/api/v1/admin/nlu/intent/goodbye/examples"
    assert client.post(url, json={"text": "再见"}, headers=as_admin).json()["error"] == "duplicate_example"
    # Surrounding or repeated spaces do not make a new example; a full-width variant does (P1 training signal).
    assert client.post("/api/v1/admin/nlu/intent/greet/examples", json={"text": "  你好 "}, headers=as_admin).json()["error"] == "duplicate_example"
    conflict = client.post(url, json={"text": "在吗"}, headers=as_admin)
    assert conflict.status_code == 409 and conflict.json()["error"] == "conflicting_example"
    # A near copy of a held-out sentence would make the evaluation lie (P1).
    held_out = client.post("/api/v1/admin/nlu/intent/greet/examples", json={"text": "中午好呀！"}, headers=as_admin)
    assert held_out.status_code == 409 and held_out.json()["error"] == "held_out_example"
    personal = client.post(url, json={"text": "我的手机13800138000"}, headers=as_admin)
    assert personal.status_code == 422 and personal.json()["error"] == "personal_data"

    moved = client.post(url, json={"text": "在吗", "move": True}, headers=as_admin)
    assert moved.status_code == 200 and moved.json()["moved_from"] == ["greet"]
    greet = client.get("/api/v1/admin/nlu/intent/greet", headers=as_admin).json()["examples"]
    goodbye = client.get("/api/v1/admin/nlu/intent/goodbye", headers=as_admin).json()["examples"]
    assert "在吗" not in greet and goodbye[-1] == "在吗"


def test_editing_an_intent_is_a_one_line_diff_of_the_rasa_yaml(client, as_admin, admin):
    path = admin.project / "data" / "nlu" / "chitchat.yml"
    before = path.read_text(encoding="utf-8")
    block = client.get("/api/v1/admin/nlu/intent/thanks", headers=as_admin).json()
    response = client.put("/api/v1/admin/nlu/intent/thanks",
                          json={"examples": block["examples"] + ["多谢您嘞"], "base_hash": block["base_hash"]}, headers=as_admin)
    assert response.status_code == 200, response.text
    after = path.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["    - 多谢您嘞"] and len(after.splitlines()) == len(before.splitlines()) + 1
    stale = client.put("/api/v1/admin/nlu/intent/thanks", json={"examples": ["谢谢"], "base_hash": block["base_hash"]}, headers=as_admin)
    assert stale.status_code == 409 and stale.json()["error"] == "edit_conflict"
    generated = admin.project / "data" / "nlu" / "generated_items.yml"
    generated.write_text('version: "3.1"\nnlu:\n- lookup: item\n  examples: |\n    - 公租房\n', encoding="utf-8")
    refused = client.put("/api/v1/admin/nlu/lookup/item", json={"examples": ["x"]}, headers=as_admin)
    assert refused.status_code == 409 and refused.json()["error"] == "generated_file"


def test_synonyms_and_lookup_tables_can_be_created_edited_and_deleted(client, as_admin, admin):
    created = client.post("/api/v1/admin/nlu/synonym", json={"name": "公租房", "examples": ["公组房", "公祖房"]}, headers=as_admin)
    assert created.status_code == 200, created.text
    written = yaml.safe_load((admin.project / "data" / "nlu" / "synonyms.yml").read_text(encoding="utf-8"))
    assert written["nlu"] == [{"synonym": "公租房", "examples": "- 公组房\n- 公祖房\n"}]
    block = client.get("/api/v1/admin/nlu/synonym/公租房", headers=as_admin).json()
    client.put("/api/v1/admin/nlu/synonym/公租房", json={"examples": ["公组房", "公组房", "工租房"]}, headers=as_admin)
    assert client.get("/api/v1/admin/nlu/synonym/公租房", headers=as_admin).json()["examples"] == ["公组房", "工租房"]
    assert block["file"] == "synonyms.yml"
    assert client.delete("/api/v1/admin/nlu/synonym/公租房", headers=as_admin).status_code == 200
    assert client.get("/api/v1/admin/nlu/synonym/公租房", headers=as_admin).status_code == 404
    no_intent = client.post("/api/v1/admin/nlu/intent", json={"name": "new_intent", "examples": ["x"]}, headers=as_admin)
    assert no_intent.status_code == 422


# --- inbox ------------------------------------------------------------------------------------------------------


def _fill_tracker(tracker: FakeTracker) -> None:
    tracker.user("s1", "阿拉来咨询一下", "greet", 0.41, [("greet", 0.41), ("handoff", 0.2)])
    tracker.bot("s1", "您好！")
    tracker.user("s2", "瞅瞅", "nlu_fallback", 0.45, [("nlu_fallback", 0.45), ("affirm", 0.44), ("deny", 0.4)])
    tracker.user("s3", "阿拉来咨询一下", "greet", 0.52)
    # What the bot could not help with before the citizen asked for a person.
    tracker.user("s4", "我那个房子的事咋弄", "describe_need", 0.93)
    tracker.user("s4", "转人工", "handoff", 0.99)
    # The explicit-affirmation rule rejected "中" (R7).
    tracker.bot("s5", "请确认以下承诺书内容……", {"stage": "affirmation_request"})
    tracker.user("s5", "中", "affirm", 0.97)
    tracker.bot("s5", "“中”不是明确的承诺……", {"stage": "affirmation_rejected", "reason": "implicit"})
    # An answer to a question for personal data is never listed, however unsure the model was (P5).
    tracker.bot("s6", "请输入申请人姓名", {"stage": "ask", "slot": "applicant_name"})
    tracker.user("s6", "欧阳娜娜", "inform", 0.3)
    # Numbers are masked in what is shown.
    tracker.user("s7", "我电话13800138000咋没短信", "check_status", 0.5)


def test_inbox_lists_what_the_bot_misunderstood_masked(client, as_admin, admin, settings):
    _fill_tracker(admin.tracker)
    response = client.get("/api/v1/admin/inbox", headers=as_admin)
    assert response.status_code == 200, response.text
    entries = {e["text"]: e for e in response.json()["entries"]}
    assert set(entries) == {"阿拉来咨询一下", "瞅瞅", "我那个房子的事咋弄", "中", "我电话138****8000咋没短信"}
    assert entries["阿拉来咨询一下"]["count"] == 2 and entries["阿拉来咨询一下"]["reasons"] == ["low_confidence"]
    assert entries["瞅瞅"]["reasons"] == ["nlu_fallback"] and entries["瞅瞅"]["intent"] == "affirm"
    assert entries["我那个房子的事咋弄"]["reasons"] == ["handoff"]
    assert entries["中"]["reasons"] == ["affirmation_rejected"]
    assert "13800138000" not in response.text and "欧阳娜娜" not in response.text
    assert rows(settings, "SELECT count(*) AS n FROM audit_events WHERE action = 'nlu_inbox.read'")[0]["n"] == 1


def test_inbox_assigns_a_message_to_an_intent_or_an_item_alias_in_one_click(client, as_admin, admin, settings):
    _fill_tracker(admin.tracker)
    entries = {e["text"]: e for e in client.get("/api/v1/admin/inbox", headers=as_admin).json()["entries"]}

    key = entries["阿拉来咨询一下"]["key"]
    response = client.post(f"/api/v1/admin/inbox/{key}/assign", json={"intent": "greet", "text": "阿拉来咨询一下"}, headers=as_admin)
    assert response.status_code == 200, response.text
    assert "    - 阿拉来咨询一下\n" in (admin.project / "data" / "nlu" / "chitchat.yml").read_text(encoding="utf-8")

    key = entries["我那个房子的事咋弄"]["key"]
    response = client.post(f"/api/v1/admin/inbox/{key}/assign", json={"item_code": "ZM001", "text": "房子的事"}, headers=as_admin)
    assert response.status_code == 200, response.text
    assert "房子的事" in yaml.safe_load((settings.catalogue_dir / "ZM001.yaml").read_text(encoding="utf-8"))["aliases"]
    assert client.get("/api/v1/catalogue/items/ZM001").json()["version"] == 2

    # The raw number cannot be written into training data, the masked text can be dismissed.
    key = entries["我电话138****8000咋没短信"]["key"]
    raw = client.post(f"/api/v1/admin/inbox/{key}/assign", json={"intent": "check_status", "text": "我电话13800138000咋没短信"}, headers=as_admin)
    assert raw.status_code == 422 and raw.json()["error"] == "personal_data"
    assert client.post(f"/api/v1/admin/inbox/{key}/dismiss", headers=as_admin).status_code == 200

    left = {e["text"] for e in client.get("/api/v1/admin/inbox", headers=as_admin).json()["entries"]}
    assert left == {"瞅瞅", "中"}
    actions = [r["action"] for r in rows(settings, "SELECT action FROM audit_events WHERE action LIKE 'nlu_inbox.%' ORDER BY id")]
    assert actions.count("nlu_inbox.assign_intent") == 1 and actions.count("nlu_inbox.assign_alias") == 1
    assert "nlu_inbox.dismiss" in actions


# --- training jobs, evaluation, activation --------------------------------------------------------------------


def test_training_finetunes_after_new_examples_reports_progress_and_evaluates(client, as_admin, admin, settings):
    models = client.get("/api/v1/admin/models", headers=as_admin).json()
    assert [m["source"] for m in models["models"]] == ["baseline"] and models["next_training"] == "full"
    client.post("/api/v1/admin/nlu/intent/greet/examples", json={"text": "阿拉来咨询一下"}, headers=as_admin)
    assert client.get("/api/v1/admin/models", headers=as_admin).json()["next_training"] == "finetune"

    started = client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=as_admin)
    assert started.status_code == 202, started.text
    job = wait_job(client, as_admin, started.json()["id"])
    assert job["status"] == "succeeded", job
    assert job["train_mode"] == "finetune" and job["progress"]["percent"] == 100

    train = next(c for c in fake_calls(admin.venv) if c[:1] == ["train"])
    assert train[train.index("--finetune") + 1] == str(admin.baseline)
    config = Path(train[train.index("--config") + 1])
    def diet(pipeline):
        return next(c for c in pipeline if c["name"] == "DIETClassifier")

    configured = diet(yaml.safe_load((admin.project / "config.yml").read_text())["pipeline"])
    assert diet(yaml.safe_load(config.read_text())["pipeline"]) == {**configured, "epochs": 5}
    calls = fake_calls(admin.venv)
    assert [c[:2] for c in calls][:3] == [["python", "-m"], ["data", "validate"], ["train", "--config"]]
    # The Rasa side is reached through its entry points with arguments, never with source code to run.
    assert calls[0] == ["python", "-m", "bot.tools.build", "--catalogue", str(settings.catalogue_path.resolve()),
                        "--out", str(admin.project.resolve()), "--json"]
    discovery = [c for c in calls if c[:3] == ["python", "-m", "bot.tools.discovery_eval"]]
    assert len(discovery) == 2  # the new model and the baseline
    assert discovery[0][3:] == [str(REPO_ROOT / "tests" / "data" / "discovery_test.yml"), "--catalogue",
                                str(settings.catalogue_path.resolve()), "--json"]
    assert not any("-c" in c for c in calls)

    log = client.get(f"/api/v1/admin/jobs/{job['id']}/log", headers=as_admin).json()["text"]
    assert "4/4" in log and log.count("Epochs:") == 4  # one line per epoch, not one per tqdm refresh
    models = client.get("/api/v1/admin/models", headers=as_admin).json()
    trained = next(m for m in models["models"] if m["source"] == "trained")
    baseline = next(m for m in models["models"] if m["source"] == "baseline")
    # Both evaluated: the new model, and the baseline the gate compares it with.
    assert trained["evaluation_status"] == baseline["evaluation_status"] == "evaluated"
    detail = client.get(f"/api/v1/admin/models/{trained['id']}", headers=as_admin).json()
    assert detail["metrics"]["intents"]["greet"] == {"precision": 1.0, "recall": 0.95, "f1": 0.95, "support": 8}
    assert detail["metrics"]["discovery"] == {"top1": 0.98, "top3": 1.0, "n": 84}
    assert detail["data_hash"] == inputs_hash(admin.project)
    png = client.get(f"/api/v1/admin/models/{trained['id']}/confusion.png", headers=as_admin)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"

    events = client.get(f"/api/v1/admin/jobs/{job['id']}/events", headers=as_admin)
    assert "event: progress" in events.text and "event: end" in events.text


def test_a_changed_catalogue_alias_means_a_full_training(client, as_admin, admin, settings):
    client.get("/api/v1/admin/models", headers=as_admin)
    # bot.tools.build regenerates the lookup table from the catalogue: the structure changed, not only examples.
    (admin.project / "bot" / "generated" / "jieba" / "userdict.txt").write_text("公租房 200000 nz\n房子的事 200000 nz\n")
    job = wait_job(client, as_admin, client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=as_admin).json()["id"])
    assert job["status"] == "succeeded" and job["train_mode"] == "full"
    assert "--finetune" not in next(c for c in fake_calls(admin.venv) if c[:1] == ["train"])


def test_only_one_job_at_a_time_and_cancel_stops_it(client, as_admin, admin, settings):
    (admin.venv / "bin" / "slow").write_text("0.5")
    (admin.venv / "bin" / "epochs").write_text("40")
    first = client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=as_admin)
    assert first.status_code == 202
    second = client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=as_admin)
    assert second.status_code == 409 and second.json()["error"] == "job_running"
    deadline = time.monotonic() + 30
    while client.get(f"/api/v1/admin/jobs/{first.json()['id']}", headers=as_admin).json()["progress"].get("epoch") is None:
        assert time.monotonic() < deadline, "no epoch progress reported"
        time.sleep(0.2)
    progress = client.get(f"/api/v1/admin/jobs/{first.json()['id']}", headers=as_admin).json()["progress"]
    assert progress["epochs"] == 40 and "loss" in progress and "accuracy" in progress
    cancelled = client.post(f"/api/v1/admin/jobs/{first.json()['id']}/cancel", headers=as_admin)
    assert cancelled.status_code == 200
    job = wait_job(client, as_admin, first.json()["id"], timeout=30)
    assert job["status"] == "cancelled"
    assert not list((admin.project / "models").glob("admin-*.tar.gz"))
    # The slot is free again.
    (admin.venv / "bin" / "slow").unlink()
    third = client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=as_admin)
    assert third.status_code == 202
    assert wait_job(client, as_admin, third.json()["id"])["status"] == "succeeded"


def test_a_failed_validation_stops_the_job_before_training(client, as_admin, admin):
    (admin.venv / "bin" / "invalid").write_text("1")
    job = wait_job(client, as_admin, client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=as_admin).json()["id"])
    assert job["status"] == "failed" and "rasa data validate" in job["error"]
    assert not any(c[:1] == ["train"] for c in fake_calls(admin.venv))


def test_a_failed_build_stops_the_job_before_validation(client, as_admin, admin):
    (admin.venv / "bin" / "build_fails").write_text("1")
    job = wait_job(client, as_admin, client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=as_admin).json()["id"])
    assert job["status"] == "failed" and "生成词典和查找表失败" in job["error"]
    assert [c[:3] for c in fake_calls(admin.venv)] == [["python", "-m", "bot.tools.build"]]


@pytest.mark.parametrize("report", [
    {"ok": False, "error": "no catalogue items found"},
    {"ok": True, "top1": 0.9, "n": 84},  # a figure missing
    {"ok": True, "top1": 0.0, "top3": 0.0, "n": 0},  # nothing measured
])
def test_an_unusable_discovery_report_fails_the_evaluation(client, as_admin, admin, report):
    (admin.venv / "bin" / "discovery").write_text(json.dumps(report))
    job = wait_job(client, as_admin, client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=as_admin).json()["id"])
    assert job["status"] == "failed" and "事项发现评估失败" in job["error"]
    models = client.get("/api/v1/admin/models", headers=as_admin).json()["models"]
    assert all(m["evaluation_status"] != "evaluated" for m in models)


def _train(client, headers, admin, f1: float) -> dict:
    (admin.venv / "bin" / "f1").write_text(str(f1))
    job = wait_job(client, headers, client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=headers).json()["id"])
    assert job["status"] == "succeeded", job
    return client.get(f"/api/v1/admin/models/{job['model_id']}", headers=headers).json()


def test_activation_gate_force_with_reason_hot_swap_and_roll_back(client, as_admin, admin, settings):
    baseline = client.get("/api/v1/admin/models", headers=as_admin).json()["models"][0]
    (admin.venv / "bin" / "f1").write_text("0.94")
    evaluation = client.post(f"/api/v1/admin/models/{baseline['id']}/evaluate", headers=as_admin)
    assert evaluation.status_code == 202 and wait_job(client, as_admin, evaluation.json()["id"])["status"] == "succeeded"
    assert client.get(f"/api/v1/admin/models/{baseline['id']}", headers=as_admin).json()["macro_f1"] == 0.94
    worse = _train(client, as_admin, admin, 0.91)
    assert worse["delta_macro_f1"] == pytest.approx(-0.03)

    refused = client.post(f"/api/v1/admin/models/{worse['id']}/activate", json={}, headers=as_admin)
    assert refused.status_code == 409 and refused.json()["error"] == "quality_gate"
    no_reason = client.post(f"/api/v1/admin/models/{worse['id']}/activate", json={"force": True}, headers=as_admin)
    assert no_reason.status_code == 422 and no_reason.json()["error"] == "reason_required"
    assert admin.rasa.loads == []

    forced = client.post(f"/api/v1/admin/models/{worse['id']}/activate",
                         json={"force": True, "reason": "新增方言问候语，先上线观察"}, headers=as_admin)
    assert forced.status_code == 200, forced.text
    assert forced.json()["kind"] == "activate" and forced.json()["activation"]["forced"] is True
    model_file = str(admin.project / "models" / f"{worse['name']}.tar.gz")
    assert admin.rasa.loads == [model_file]  # PUT /model with the token
    record = json.loads((admin.tmp / "active_model").read_text())
    assert record["model_file"] == model_file and record["model_id"] == worse["id"]
    audit = rows(settings, "SELECT action, target, detail FROM audit_events WHERE action LIKE 'nlu_model.%' ORDER BY id")
    assert [a["action"] for a in audit] == ["nlu_model.activation_refused", "nlu_model.activate"]
    assert json.loads(audit[-1]["detail"])["reason"] == "新增方言问候语，先上线观察" if isinstance(audit[-1]["detail"], str) \
        else audit[-1]["detail"]["reason"] == "新增方言问候语，先上线观察"

    # A model within 0.02 of the active one passes the gate without forcing.
    close = _train(client, as_admin, admin, 0.895)
    assert client.post(f"/api/v1/admin/models/{close['id']}/activate", json={}, headers=as_admin).status_code == 200

    # Roll back to the baseline (it served before): no gate, same hot swap.
    back = client.post(f"/api/v1/admin/models/{baseline['id']}/activate", json={}, headers=as_admin)
    assert back.status_code == 200 and back.json()["kind"] == "rollback"
    assert admin.rasa.loads[-1] == str(admin.baseline)
    assert json.loads((admin.tmp / "active_model").read_text())["model_id"] == baseline["id"]
    listed = client.get("/api/v1/admin/models", headers=as_admin).json()
    assert listed["active_id"] == baseline["id"] and [a["kind"] for a in listed["activations"]] == ["rollback", "activate", "activate"]


def test_activation_is_all_or_nothing_across_replicas(client, as_admin, admin, app):
    good, bad = admin.rasa, FakeRasaServer(TOKEN, str(admin.baseline), fail_loads=True)
    client.get("/api/v1/admin/models", headers=as_admin)
    try:
        app.state.admin_paths.settings.rasa_urls = f"{good.url},{bad.url}"
        model = _train(client, as_admin, admin, 0.95)
        response = client.post(f"/api/v1/admin/models/{model['id']}/activate", json={}, headers=as_admin)
        assert response.status_code == 502 and response.json()["error"] == "replica_failed", response.text
        # The replica that had switched was put back on the previous model.
        assert good.loads == [str(admin.project / "models" / f"{model['name']}.tar.gz"), str(admin.baseline)]
        assert client.get("/api/v1/admin/models", headers=as_admin).json()["active_id"] != model["id"]
        assert not (admin.tmp / "active_model").exists()
    finally:
        bad.close()


def test_activation_without_the_rasa_token_fails_cleanly(client, as_admin, admin, app):
    client.get("/api/v1/admin/models", headers=as_admin)
    app.state.admin_paths.settings.rasa_token = "wrong"
    model = _train(client, as_admin, admin, 0.95)
    response = client.post(f"/api/v1/admin/models/{model['id']}/activate", json={}, headers=as_admin)
    assert response.status_code == 502 and "401" in response.json()["message"]


# --- a console for an administrator who is not a programmer ---------------------------------------


def test_validate_is_not_taken_for_a_kind_of_training_data_and_returns_a_report(client, as_admin, admin):
    response = client.post("/api/v1/admin/nlu/validate", headers=as_admin)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["ok"] is True and report["summary"].startswith("校验通过")
    assert report["problem_count"] == 1 and "fake validation done" in report["output"]
    (admin.venv / "bin" / "invalid").write_text("1")
    failed = client.post("/api/v1/admin/nlu/validate", headers=as_admin).json()
    assert failed["ok"] is False and failed["summary"].startswith("校验未通过")


def test_every_intent_has_a_chinese_name_and_a_description(client, as_admin, admin):
    from api.admin import labels

    domain = yaml.safe_load((REPO_ROOT / "domain.yml").read_text(encoding="utf-8"))
    missing = [name for name in domain["intents"] if name not in labels.INTENTS]
    assert not missing, f"intents without a Chinese name in api/admin/labels.py: {missing}"
    table = client.get("/api/v1/admin/labels", headers=as_admin).json()
    assert table["intents"]["faq_liability"]["name"] == "问：虚假承诺的后果"
    for entry in table["intents"].values():
        assert re.search(r"[\u4e00-\u9fff]", entry["name"]) and entry["description"].endswith("。")
    assert table["reasons"]["item_not_found"] == "没找到事项"


def test_a_need_no_item_matched_reaches_the_inbox_and_becomes_an_alias(client, as_admin, admin, settings):
    tracker = admin.tracker
    # The model is sure this describes a need; discovery found nothing in the catalogue.
    tracker.user("d1", "俺想弄个卖胡辣汤的证中不中", "describe_need", 0.93)
    tracker.bot("d1", "抱歉，清单里没有找到和您描述相符的事项……", {"stage": "item_not_found", "query": "俺想弄个卖胡辣汤的证中不中"})
    # The same stage answers a commitment said with no journey open: no alias would fix that.
    tracker.user("d2", "我承诺", "commit", 0.98)
    tracker.bot("d2", "目前没有正在办理的事项……", {"stage": "item_not_found", "query": "我承诺"})
    entries = {e["text"]: e for e in client.get("/api/v1/admin/inbox", headers=as_admin).json()["entries"]}
    assert set(entries) == {"俺想弄个卖胡辣汤的证中不中"}
    entry = entries["俺想弄个卖胡辣汤的证中不中"]
    assert entry["reasons"] == ["item_not_found"]
    response = client.post(f"/api/v1/admin/inbox/{entry['key']}/assign",
                           json={"item_code": "ZM001", "text": entry["text"]}, headers=as_admin)
    assert response.status_code == 200, response.text
    assert entry["text"] in yaml.safe_load((settings.catalogue_dir / "ZM001.yaml").read_text(encoding="utf-8"))["aliases"]


def test_the_confusion_matrix_is_data_with_the_largest_confusions(client, as_admin, admin):
    report = {"greet": {"precision": 0.8, "recall": 0.75, "f1-score": 0.77, "support": 8, "confused_with": {"thanks": 2}},
              "thanks": {"precision": 0.9, "recall": 1.0, "f1-score": 0.95, "support": 6, "confused_with": {}},
              "accuracy": 0.85, "macro avg": {"precision": 0.85, "recall": 0.87, "f1-score": 0.86, "support": 14},
              "weighted avg": {"precision": 0.85, "recall": 0.85, "f1-score": 0.85, "support": 14}}
    errors = [{"text": "多谢问候", "intent": "greet", "intent_prediction": {"name": "thanks", "confidence": 0.6}}] * 2
    (admin.venv / "bin" / "report.json").write_text(json.dumps(report))
    (admin.venv / "bin" / "errors.json").write_text(json.dumps(errors))
    model = _train(client, as_admin, admin, 0.86)
    matrix = model["metrics"]["confusion"]
    assert matrix["labels"] == ["greet", "thanks"] and matrix["exact"] is True
    assert matrix["matrix"] == [[6, 2], [0, 6]]
    assert matrix["top"] == [{"actual": "greet", "predicted": "thanks", "count": 2}]


def test_the_training_label_says_what_the_job_will_do_after_rebuilding_the_dictionaries(client, as_admin, admin, settings):
    client.get("/api/v1/admin/models", headers=as_admin)
    client.post("/api/v1/admin/nlu/intent/greet/examples", json={"text": "阿拉来咨询一下"}, headers=as_admin)
    listed = client.get("/api/v1/admin/models", headers=as_admin).json()
    assert listed["next_training"] == "finetune" and listed["job_running"] is False
    # An alias added in the catalogue changes the dictionaries the job rebuilds first: a full training.
    item = _zm001(client, as_admin)
    item["content"]["aliases"].append("公租房资格审核")
    client.post("/api/v1/admin/catalogue/items/ZM001/publish", json={"content": item["content"], "base_hash": item["file_hash"]}, headers=as_admin)
    listed = client.get("/api/v1/admin/models", headers=as_admin).json()
    assert listed["next_training"] == "full" and "分词词典" in listed["next_training_reason"]


def test_activation_plan_names_the_replicas_and_the_candidate_can_be_tried_first(client, as_admin, admin, settings):
    client.get("/api/v1/admin/models", headers=as_admin)
    model = _train(client, as_admin, admin, 0.95)
    plan = client.get(f"/api/v1/admin/models/{model['id']}/activation-plan", headers=as_admin).json()
    assert plan["kind"] == "activate" and plan["current"]["source"] == "baseline"
    assert plan["replicas"] == [{"url": admin.rasa.url, "ok": True, "serving": plan["current"]["name"], "error": None}]
    tried = client.post(f"/api/v1/admin/models/{model['id']}/try", json={"texts": ["你好呀", "", "我想开个饭店"]}, headers=as_admin)
    assert tried.status_code == 200, tried.text
    assert [(r["text"], r["intent"]) for r in tried.json()["readings"]] == [("你好呀", "greet"), ("我想开个饭店", "describe_need")]
    assert admin.rasa.loads == []  # the serving replica never saw the candidate
    empty = client.post(f"/api/v1/admin/models/{model['id']}/try", json={"texts": [" "]}, headers=as_admin)
    assert empty.status_code == 422


def test_catalogue_versions_compare_side_by_side_in_chinese(client, as_admin, admin):
    item = _zm001(client, as_admin)
    content = item["content"]
    content["aliases"] = content["aliases"] + ["公租房资格审核"]
    content["verification"]["time_limit_days"] = 15
    content["notice"][5]["text"] = content["notice"][5]["text"].replace("20个工作日", "15个工作日")
    client.post("/api/v1/admin/catalogue/items/ZM001/publish", json={"content": content, "base_hash": item["file_hash"]}, headers=as_admin)
    compare = client.get("/api/v1/admin/catalogue/items/ZM001/diff?from=1&to=2", headers=as_admin).json()["compare"]
    assert compare["changed_fields"] == ["别名", "核查时限（工作日）"]
    aliases = next(f for f in compare["fields"] if f["field"] == "aliases")
    assert aliases["added"] == ["公租房资格审核"] and aliases["removed"] == []
    assert [s["index"] for s in compare["notice"] if s["changed"]] == [6]
    assert all(re.search(r"[\u4e00-\u9fff]", f["label"]) for f in compare["fields"])
