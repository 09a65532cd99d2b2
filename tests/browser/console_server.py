"""The API alone, with the admin console's Rasa side faked, for the console browser tests (no Rasa, no model).

Run in the API's virtualenv: ``python -m tests.browser.console_server <directory> <port>``. It migrates a
fresh database in ``<directory>``, loads a copy of the shipped catalogue, creates the demo accounts (passwords
in ``<directory>/demo_accounts.txt``), points the admin console at the fakes of ``tests.api.admin_fakes``
(Rasa's command line, its HTTP API, its tracker store) and fills them with what an administrator meets on a
working day: misunderstood messages (one of 2,000 characters, one need no item matched), a trained and
evaluated candidate model with real-looking confusions, and an item with two versions. Then it serves on
``<port>`` until stopped, and prints ``READY`` when it does.

The browser tests start it with the API venv's Python (``bot.tools.stack.API_PY``) because Playwright lives in the
Rasa venv and the API in the other one.
"""
from __future__ import annotations

import json
import shutil
import sys
import threading
import time
from pathlib import Path

LONG_MESSAGE = "我想问一下关于开饭店要办的那个证" + "就是说我家里有一个小门面房想卖胡辣汤和油条" * 90
NOT_FOUND = "俺想弄个卖胡辣汤的证中不中"

# An evaluation as rasa test nlu reports it, for the confusion matrix (support and errors per intent).
SUPPORT = {"greet": 12, "goodbye": 10, "thanks": 9, "bot_capabilities": 8, "describe_need": 40, "affirm": 14,
           "deny": 14, "inform": 20, "commit": 16, "repeat": 8, "cancel": 10, "retry": 6, "handoff": 10,
           "faq_what_is_commitment": 8, "faq_liability": 8, "faq_verification": 8, "faq_withdrawal": 8,
           "faq_credit_repair": 8, "faq_proxy": 8, "faq_disclosure": 6, "faq_not_applicable": 6,
           "check_status": 10, "withdraw": 8, "complain": 8, "my_credit": 8}
CONFUSED = [("affirm", "commit", 3), ("describe_need", "inform", 4), ("faq_withdrawal", "withdraw", 2),
            ("faq_credit_repair", "my_credit", 2), ("cancel", "deny", 2), ("retry", "repeat", 1),
            ("greet", "bot_capabilities", 1), ("complain", "handoff", 1)]


def evaluation() -> tuple:
    errors = [{"text": f"{a}-{i}", "intent": a, "intent_prediction": {"name": p, "confidence": 0.55}}
              for a, p, n in CONFUSED for i in range(n)]
    report = {}
    for name, n in SUPPORT.items():
        wrong = sum(c for a, _, c in CONFUSED if a == name)
        f1 = round((n - wrong) / n, 4)
        report[name] = {"precision": f1, "recall": f1, "f1-score": f1, "support": n,
                        "confused_with": {p: c for a, p, c in CONFUSED if a == name}}
    report["accuracy"] = 0.95
    report["macro avg"] = {"precision": 0.95, "recall": 0.95, "f1-score": 0.95, "support": sum(SUPPORT.values())}
    report["weighted avg"] = dict(report["macro avg"])
    return report, errors


def main(directory: str, port: str) -> None:
    import uvicorn
    from fastapi.testclient import TestClient

    from api import cli
    from api.admin.settings import AdminSettings
    from api.config import REPO_ROOT, Settings
    from api.main import create_app
    from bot.tools.build import LOOKUP_PATH, USERDICT_PATH, render_lookup, render_userdict
    from bot.core.catalogue import load_catalogue
    from bot.tools.model import inputs_hash
    from tests.api.admin_fakes import FakeRasaServer, FakeTracker, make_fake_rasa_venv, make_project

    root = Path(directory)
    catalogue = root / "catalogue"
    shutil.copytree(REPO_ROOT / "data" / "catalogue" / "items", catalogue)
    settings = Settings(database_url=f"sqlite:///{root / 'api.db'}", var_dir=root,
                        signing_key_path=root / "keys" / "platform_ed25519.pem",
                        id_hash_key_path=root / "keys" / "id_hash.key", data_key_path=root / "keys" / "data.key",
                        public_base_url=f"http://127.0.0.1:{port}", catalogue_dir=catalogue)
    for step in (cli.migrate, cli.ensure_secrets, cli.load_catalogue, cli.seed_demo):
        assert step(settings) == 0, step.__name__

    project = make_project(root / "project")
    items = load_catalogue(catalogue)
    (project / USERDICT_PATH).write_text(render_userdict(items), encoding="utf-8")
    (project / LOOKUP_PATH).write_text(render_lookup(items), encoding="utf-8")
    baseline = project / "models" / f"nlu-core-{inputs_hash(project)}.tar.gz"
    baseline.write_bytes(b"baseline model")
    venv = make_fake_rasa_venv(root / "rasa-venv")
    report, errors = evaluation()
    (venv / "bin" / "report.json").write_text(json.dumps(report))
    (venv / "bin" / "errors.json").write_text(json.dumps(errors))
    rasa = FakeRasaServer("console-token", baseline.name)
    tracker = FakeTracker(root / "rasa_tracker.db")
    tracker.user("c1", "阿拉来咨询一下", "greet", 0.41, [("greet", 0.41), ("handoff", 0.2)])
    tracker.user("c2", LONG_MESSAGE, "describe_need", 0.38, [("describe_need", 0.38), ("inform", 0.3)])
    tracker.user("c3", NOT_FOUND, "describe_need", 0.93)
    tracker.bot("c3", "抱歉，清单里没有找到和您描述相符的事项。", {"stage": "item_not_found", "query": NOT_FOUND})
    tracker.user("c4", "瞅瞅", "nlu_fallback", 0.45, [("nlu_fallback", 0.45), ("affirm", 0.44)])

    app = create_app(settings)
    app.state.admin_settings = AdminSettings(
        project_dir=project, rasa_venv=venv, rasa_urls=rasa.url, rasa_token="console-token",
        tracker_db_url=f"sqlite:///{root / 'rasa_tracker.db'}", admin_dir=root / "admin",
        active_model_file=root / "active_model", held_out_nlu=REPO_ROOT / "tests" / "data" / "nlu_test.yml",
        train_profile="short", job_stale_seconds=600,
    )
    client = TestClient(app)
    password = next(line.split()[2] for line in (root / "demo_accounts.txt").read_text().splitlines()
                    if line.startswith("demo_admin "))
    token = client.post("/api/v1/auth/login", json={"username": "demo_admin", "password": password}).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    # A candidate model, trained and evaluated (fine-tuned: only an example changed).
    client.get("/api/v1/admin/models", headers=headers)
    client.post("/api/v1/admin/nlu/intent/greet/examples", json={"text": "侬好呀"}, headers=headers)
    job = client.post("/api/v1/admin/jobs", json={"kind": "train"}, headers=headers).json()
    deadline = time.monotonic() + 120
    while client.get(f"/api/v1/admin/jobs/{job['id']}", headers=headers).json()["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, "the fake training did not finish"
        time.sleep(0.2)
    # A second version of ZM001: an alias, a shorter verification time limit and notice section 6 with it.
    item = client.get("/api/v1/admin/catalogue/items/ZM001", headers=headers).json()
    content = item["content"]
    content["aliases"] = content["aliases"] + ["公租房资格审核"]
    content["verification"]["time_limit_days"] = 15
    content["notice"][5]["text"] = content["notice"][5]["text"].replace("20个工作日", "15个工作日")
    published = client.post("/api/v1/admin/catalogue/items/ZM001/publish",
                            json={"content": content, "base_hash": item["file_hash"]}, headers=headers)
    assert published.status_code == 200, published.text

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=int(port), log_level="warning"))
    threading.Timer(1.0, lambda: print("READY", flush=True)).start()
    server.run()
    rasa.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])


class Console:
    """A running console server (started by :func:`serve`): its URL and the demo accounts' passwords."""

    def __init__(self, url: str, directory: Path):
        self.url = url
        self.directory = directory

    def password(self, username: str) -> str:
        for line in (self.directory / "demo_accounts.txt").read_text(encoding="utf-8").splitlines():
            if line.startswith(username + " "):
                return line.split()[2]
        raise KeyError(username)

    def sign_in(self, page, username: str, landing: str) -> None:
        page.goto(f"{self.url}/console/index.html")
        page.fill("#username", username)
        page.fill("#password", self.password(username))
        page.click("#login-submit")
        page.wait_for_url(f"**/console/{landing}*")


def serve(directory: Path):
    """Start the server in the API venv; a generator for a pytest fixture (yields a :class:`Console`)."""
    import os
    import socket
    import subprocess

    from bot.tools.stack import API_PY, ROOT

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(directory / "server.log", "w")
    proc = subprocess.Popen([str(API_PY), "-m", "tests.browser.console_server", str(directory), str(port)],
                            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE,
                            stderr=log, text=True)
    try:
        deadline = time.monotonic() + 180
        for line in proc.stdout:
            if line.strip() == "READY":
                break
            if time.monotonic() > deadline:
                raise RuntimeError("console server did not start")
        else:
            raise RuntimeError("console server stopped: " + (directory / "server.log").read_text()[-2000:])
        yield Console(f"http://127.0.0.1:{port}", directory)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
