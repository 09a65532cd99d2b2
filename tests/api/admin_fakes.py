"""Stand-ins for the Rasa side in the admin API tests (imported as ``tests.api.admin_fakes``).

The API drives Rasa through its command line (train, data validate, test nlu) and its HTTP API (PUT /model).
These fakes behave like both on the outside - the same arguments, output lines, files and endpoints - so the
tests exercise the console's own logic (job runner, progress parsing, fine-tune decision, quality gate,
all-or-nothing activation) in seconds. The real Rasa is exercised by tests/browser/test_admin_console.py.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, List, Optional
from urllib.parse import parse_qs, urlsplit

from api.config import REPO_ROOT

FAKE_RASA = r'''
import json, os, sys, time
from pathlib import Path
here = Path(__file__).resolve().parent
with open(here / "calls.jsonl", "a") as f:
    f.write(json.dumps(sys.argv[1:]) + "\n")
args = sys.argv[1:]
def opt(name, default=None):
    return args[args.index(name) + 1] if name in args else default
if args[:2] == ["data", "validate"]:
    if (here / "invalid").exists():
        print("ERROR the data is invalid"); sys.exit(1)
    print("UserWarning: fake validation done"); sys.exit(0)
if args[:1] == ["train"]:
    epochs = int((here / "epochs").read_text()) if (here / "epochs").exists() else 4
    delay = float((here / "slow").read_text()) if (here / "slow").exists() else 0.0
    print("Starting to train component 'DIETClassifier'.", flush=True)
    for e in range(1, epochs + 1):
        time.sleep(delay)
        pct = int(100 * e / epochs)
        sys.stderr.write(f"\rEpochs: {pct:3d}%|####| {e}/{epochs} [00:0{e}<00:00, 1.00it/s, t_loss={2.0 / e:.3f}, i_acc={min(1.0, 0.5 + e / 10):.3f}]")
        sys.stderr.flush()
    sys.stderr.write("\n")
    out = Path(opt("--out")); out.mkdir(parents=True, exist_ok=True)
    (out / (opt("--fixed-model-name") + ".tar.gz")).write_bytes(b"fake model " + json.dumps(args).encode())
    print("Your Rasa model is trained and saved.")
    sys.exit(0)
if args[:2] == ["test", "nlu"]:
    f1 = float((here / "f1").read_text()) if (here / "f1").exists() else 0.95
    out = Path(opt("--out")); out.mkdir(parents=True, exist_ok=True)
    report = {"greet": {"precision": 1.0, "recall": f1, "f1-score": f1, "support": 8},
              "goodbye": {"precision": f1, "recall": 1.0, "f1-score": f1, "support": 8},
              "accuracy": f1,
              "macro avg": {"precision": f1, "recall": f1, "f1-score": f1, "support": 16},
              "weighted avg": {"precision": f1, "recall": f1, "f1-score": f1, "support": 16}}
    if (here / "report.json").exists():  # a richer evaluation, e.g. for screenshots of the console
        report = json.loads((here / "report.json").read_text())
    if (here / "errors.json").exists():
        (out / "intent_errors.json").write_text((here / "errors.json").read_text())
    (out / "intent_report.json").write_text(json.dumps(report))
    (out / "intent_confusion_matrix.png").write_bytes(bytes.fromhex("89504e470d0a1a0a") + b"fake")
    sys.exit(0)
sys.exit(2)
'''

FAKE_PYTHON = r'''
import json, sys
from pathlib import Path
here = Path(__file__).resolve().parent
with open(here / "calls.jsonl", "a") as f:
    f.write(json.dumps(["python"] + sys.argv[1:]) + "\n")
if sys.argv[1:2] != ["-m"]:  # only the entry points exist: source code handed over with -c is refused
    sys.exit(2)
module, args = sys.argv[2], sys.argv[3:]
def opt(name):
    return args[args.index(name) + 1] if name in args else None
# Libraries print on stderr beside the one JSON object on stdout, as jieba does when it loads its dictionary.
sys.stderr.write("Building prefix dict from the default dictionary ...\n")
if module == "bot.tools.build" and "--json" in args and opt("--catalogue") and opt("--out"):
    if not list(Path(opt("--catalogue")).glob("*.yaml")) or (here / "build_fails").exists():
        print(json.dumps({"ok": False, "error": "no catalogue items found"})); sys.exit(1)
    print(json.dumps({"ok": True, "items": 1, "written": [{"path": "data/nlu/generated_items.yml", "sha256": "0" * 64}]}))
elif module == "bot.tools.discovery_eval" and "--json" in args and opt("--catalogue") and Path(args[0]).is_file():
    figures = json.loads((here / "discovery").read_text()) if (here / "discovery").exists() else \
        {"ok": True, "top1": 0.98, "top3": 1.0, "n": 84}
    print(json.dumps(figures))
elif module == "bot.tools.parse" and len(args) == 1 and Path(args[0]).is_file():  # 试一试: JSON lines in and out
    for line in sys.stdin:
        text = json.loads(line)
        intent = "greet" if "好" in text else "describe_need"
        print(json.dumps({"text": text, "intent": {"name": intent, "confidence": 0.91},
                          "intent_ranking": [{"name": intent, "confidence": 0.91}]}, ensure_ascii=False))
else:
    sys.exit(2)
'''


def make_fake_rasa_venv(directory: Path) -> Path:
    bin_dir = directory / "bin"
    bin_dir.mkdir(parents=True)
    for name, body in (("rasa", FAKE_RASA), ("python", FAKE_PYTHON)):
        path = bin_dir / name
        path.write_text(f"#!{sys.executable}\n{body}")
        path.chmod(0o755)
    return directory


def fake_calls(venv: Path) -> List[List[str]]:
    path = venv / "bin" / "calls.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


def make_project(directory: Path) -> Path:
    """A throw-away copy of the Rasa project the console edits (the repository's files are never touched)."""
    (directory / "data").mkdir(parents=True)
    for name in ("config.yml", "domain.yml"):
        shutil.copy(REPO_ROOT / name, directory / name)
    shutil.copy(REPO_ROOT / "data" / "rules.yml", directory / "data" / "rules.yml")
    shutil.copytree(REPO_ROOT / "data" / "nlu", directory / "data" / "nlu",
                    ignore=shutil.ignore_patterns("generated_items.yml"))
    jieba = directory / "bot" / "generated" / "jieba"
    jieba.mkdir(parents=True)
    (jieba / "userdict.txt").write_text("公租房 200000 nz\n", encoding="utf-8")
    (directory / "models").mkdir()
    return directory


class FakeRasaServer:
    """Rasa's GET /status and PUT /model, checking the ``token`` query parameter like ``--auth-token`` does."""

    def __init__(self, token: str, model_file: str, fail_loads: bool = False):
        self.token = token
        self.model_file = model_file
        self.fail_loads = fail_loads
        self.loads: List[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _authorised(self) -> bool:
                query = parse_qs(urlsplit(self.path).query)
                if query.get("token", [None])[0] != outer.token:
                    self._send(401, {"status": "failure", "reason": "NotAuthenticated"})
                    return False
                return True

            def _send(self, code: int, body: Optional[Dict[str, Any]] = None) -> None:
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                if self._authorised() and urlsplit(self.path).path == "/status":
                    self._send(200, {"model_file": outer.model_file, "model_id": "x", "num_active_training_jobs": 0})

            def do_PUT(self) -> None:  # noqa: N802
                if not self._authorised():
                    return
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                if outer.fail_loads:
                    self._send(400, {"status": "failure", "reason": "BadRequest"})
                    return
                outer.loads.append(body["model_file"])
                outer.model_file = body["model_file"]
                self._send(204)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


TRACKER_SCHEMA = """CREATE TABLE events (
    id INTEGER NOT NULL PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"""


class FakeTracker:
    """Rows in the shape Rasa's SQLTrackerStore writes (type_name, intent_name, data = the event as JSON)."""

    def __init__(self, path: Path):
        self.path = path
        self.clock = 1_790_000_000.0
        with sqlite3.connect(path) as db:
            db.execute(TRACKER_SCHEMA)

    def _add(self, sender: str, type_name: str, data: Dict[str, Any], intent: Optional[str] = None) -> None:
        self.clock += 1
        data = {**data, "timestamp": self.clock}
        with sqlite3.connect(self.path) as db:
            db.execute("INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) VALUES (?, ?, ?, ?, ?)",
                       (sender, type_name, self.clock, intent, json.dumps(data, ensure_ascii=False)))

    def user(self, sender: str, text: str, intent: str, confidence: float, ranking: Optional[List[tuple]] = None) -> None:
        ranking = ranking or [(intent, confidence)]
        parse = {"intent": {"name": intent, "confidence": confidence}, "text": text,
                 "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking]}
        self._add(sender, "user", {"event": "user", "text": text, "parse_data": parse, "input_channel": "rest"}, intent)

    def bot(self, sender: str, text: str, custom: Optional[Dict[str, Any]] = None) -> None:
        self._add(sender, "bot", {"event": "bot", "text": text, "data": {"custom": custom}})
