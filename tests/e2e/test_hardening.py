"""The servers as started by bot/tools/stack.py (what `make up` runs): loopback only, every hop authenticated, no secret
on a command line, the evidence key kept from the action server, no trusted X-Forwarded-For, a private var/.

Most tests look at the real stack of this test session (tests/conftest.py) through the kernel: which addresses
its sockets listen on (/proc/net/tcp), what each process's command line and environment hold (/proc/<pid>),
what the file modes are. The others start the real entry points (actions/server.py, bot/rasa/server.py,
api/cli.py) as processes on their own.
"""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
import uuid
from pathlib import Path
from typing import Dict, Iterator, List

import httpx
import pytest
import yaml

from bot.tools.stack import API_PY, RASA_PY, ROOT, Stack
from tests.conftest import free_port

pytestmark = pytest.mark.e2e

SECRET_HEADER = "X-GZ-Action-Secret"


# --- helpers: what the kernel knows about the stack's processes ---------------------------------------------


def listening_addresses(port: int) -> List[str]:
    """Local addresses of the sockets listening on ``port`` (IPv4 and IPv6), from /proc/net/tcp*."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.append(decode_address(address))
    return found


def decode_address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return ".".join(str(b) for b in raw[::-1])  # little-endian
    words = [raw[i:i + 4][::-1] for i in range(0, 16, 4)]
    packed = b"".join(words)
    if packed[:12] == b"\0" * 10 + b"\xff\xff":
        return ".".join(str(b) for b in packed[12:])
    return ":".join(packed[i:i + 2].hex() for i in range(0, 16, 2))


def group_pids(leader: int) -> Iterator[int]:
    """Every process in the process group ``leader`` started (the stack starts each server in its own)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat_line = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat_line.rsplit(")", 1)[1].split()
        if int(fields[2]) == leader:  # fields after the command: state, ppid, pgrp
            yield int(entry.name)


def cmdline(pid: int) -> str:
    return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")


def environ(pid: int) -> Dict[str, str]:
    raw = (Path("/proc") / str(pid) / "environ").read_bytes()
    pairs = (item.split(b"=", 1) for item in raw.split(b"\0") if b"=" in item)
    return {k.decode(): v.decode("utf-8", "replace") for k, v in pairs}


def secrets_of(stack: Stack) -> Dict[str, str]:
    keys = stack.config.var_dir / "keys"
    return {
        "rasa token": stack.config.rasa_token(),
        "action secret": stack.config.action_secret(),
        "service token": (keys / "service.token").read_text().strip(),
        "hotline secret": (keys / "hotline.secret").read_bytes().hex(),
    }


# --- the running stack --------------------------------------------------------------------------------------


def test_every_server_listens_on_loopback_only(stack):
    for name, port in (("rasa", stack.config.rasa_port), ("actions", stack.config.action_port),
                       ("api", stack.config.api_port)):
        addresses = listening_addresses(port)
        assert addresses, f"{name}: nothing listens on {port}"
        assert set(addresses) == {"127.0.0.1"}, f"{name} listens on {addresses}"


def test_no_secret_is_on_any_command_line(stack):
    secrets = secrets_of(stack)
    seen = 0
    for name, proc in stack.procs.items():
        for pid in group_pids(proc.pid):
            line = cmdline(pid)
            seen += 1
            assert "--auth-token" not in line, f"{name} ({pid}): {line}"
            for what, value in secrets.items():
                assert value not in line, f"{what} on the command line of {name} ({pid})"
    assert seen >= 3
    # The token still protects Rasa's HTTP API: bot/rasa/server.py read it from its file.
    status = f"{stack.config.rasa_url}/status"
    assert httpx.get(status, timeout=30).status_code == 401
    assert httpx.get(status, params={"token": "wrong"}, timeout=30).status_code == 401
    assert httpx.get(status, params={"token": stack.config.rasa_token()}, timeout=30).status_code == 200


def test_the_evidence_key_reaches_rasa_and_the_api_but_never_the_action_server(stack):
    key_path = str(stack.config.evidence_key_path)
    assert stat.S_IMODE(os.stat(key_path).st_mode) == 0o600
    for name in ("rasa", "api"):
        assert environ(stack.procs[name].pid).get("GZ_EVIDENCE_KEY_PATH") == key_path, name
    actions_env = environ(stack.procs["actions"].pid)
    assert "GZ_EVIDENCE_KEY_PATH" not in actions_env
    assert not any(key_path in value for value in actions_env.values())
    for variable in ("GZ_SIGNING_KEY_PATH", "GZ_ID_HASH_KEY_PATH", "GZ_DATA_KEY_PATH", "GZ_RASA_TOKEN_PATH"):
        assert variable not in actions_env, variable
    rasa_env = environ(stack.procs["rasa"].pid)
    # The profile decides whether the WeChat channel may run on its demo credentials: Rasa is told it.
    assert rasa_env["GZ_PROFILE"] == stack.config.profile
    if stack.config.profile == "scale":
        # Several Sanic workers share the pending deliveries through Redis, in a database of their own.
        assert rasa_env["GZ_EVIDENCE_REDIS_URL"].endswith("/4")


def test_the_action_server_answers_only_with_the_secret(stack):
    url = stack.config.action_url
    secret = stack.config.action_secret()
    call = {"next_action": "action_discover_item", "sender_id": "intruder", "version": "3.6.21",
            "tracker": {"sender_id": "intruder", "slots": {}, "latest_message": {"text": "我要承诺", "intent": {}},
                        "events": [], "paused": False, "followup_action": None, "active_loop": {},
                        "latest_action_name": "action_listen"},
            "domain": {}}
    with httpx.Client(timeout=30) as http:
        assert http.get(f"{url}/health").status_code == 200
        for headers in ({}, {SECRET_HEADER: ""}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: secret[:-1]},
                        {SECRET_HEADER: secret + "x"}, {"Authorization": f"Bearer {secret}"}):
            response = http.post(f"{url}/webhook", json=call, headers=headers)
            assert response.status_code == 401, headers
            assert response.json() == {"error": "unauthorized"}
        assert http.get(f"{url}/actions").status_code == 401
        assert http.options(f"{url}/webhook", headers={"Origin": "http://evil.example",
                                                      "Access-Control-Request-Method": "POST"}).status_code == 401
        # With the secret the calls get through to rasa_sdk (so the 401s above are the secret's doing).
        assert http.get(f"{url}/actions", headers={SECRET_HEADER: secret}).status_code == 200
        unknown = http.post(f"{url}/webhook", json=dict(call, next_action="no_such_action"),
                            headers={SECRET_HEADER: secret})
        assert unknown.status_code == 404 and unknown.json()["action_name"] == "no_such_action"


def test_rasa_sends_the_secret_with_every_action_call(chat):
    # Every reply below comes from the action server: Rasa must have been let in.
    c = chat()
    messages = c.say("我想申请公租房")
    assert any(m.custom for m in messages), [m.text for m in messages]


def test_a_forwarded_address_gives_no_fresh_login_limit(stack):
    # uvicorn runs with --no-proxy-headers: X-Forwarded-For from a client on loopback is not its address, so
    # rotating it does not reset the per-address count of failed sign-ins.
    username = f"nobody-{uuid.uuid4().hex[:8]}"
    login = f"{stack.config.api_url}/api/v1/auth/login"
    with httpx.Client(timeout=60) as http:
        codes = []
        for n in range(8):
            response = http.post(login, json={"username": username, "password": "wrong"},
                                 headers={"X-Forwarded-For": f"198.51.100.{n + 1}", "X-Real-IP": f"203.0.113.{n + 1}"})
            codes.append(response.status_code)
    assert codes[:5] == [401] * 5
    assert codes[5:] == [429] * 3, codes


def test_var_is_private(stack, chat):
    chat().say("你好")  # the servers have written their databases and logs by now
    var_dir = stack.config.var_dir
    assert stat.S_IMODE(os.stat(var_dir).st_mode) == 0o700
    wide = []
    files = 0
    for directory, dirs, names in os.walk(var_dir):
        for name in dirs:
            path = Path(directory, name)
            if not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) != 0o700:
                wide.append(f"{path.relative_to(var_dir)}/ {oct(stat.S_IMODE(path.stat().st_mode))}")
        for name in names:
            path = Path(directory, name)
            if path.is_symlink() or not path.exists():
                continue
            files += 1
            if stat.S_IMODE(path.stat().st_mode) != 0o600:
                wide.append(f"{path.relative_to(var_dir)} {oct(stat.S_IMODE(path.stat().st_mode))}")
    assert not wide, wide
    # The ones that matter most are there (and so were checked above).
    present = {p.relative_to(var_dir).as_posix() for p in var_dir.rglob("*")}
    assert {"keys/rasa.token", "keys/action.secret", "keys/channel-evidence.key", "keys/service.token",
            "endpoints.yml", "logs/rasa.log", "logs/api.log", "logs/actions.log"} <= present
    assert files >= 10


def test_the_endpoints_file_names_the_secret_without_holding_it(stack):
    text = (stack.config.var_dir / "endpoints.yml").read_text(encoding="utf-8")
    assert stack.config.action_secret() not in text
    headers = yaml.safe_load(text)["action_endpoint"]["headers"]
    assert headers == {SECRET_HEADER: "${GZ_ACTION_SECRET}"}


# --- the entry points on their own ------------------------------------------------------------------------


def run_until_exit(cmd: List[str], env: Dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def base_env(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GZ_")}
    env.update(PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", RASA_TELEMETRY_ENABLED="false", **extra)
    return env


def test_the_action_server_refuses_to_start_without_its_secret_or_with_the_evidence_key(tmp_path):
    secret = tmp_path / "action.secret"
    secret.write_text("s" * 40)
    short = tmp_path / "short.secret"
    short.write_text("too-short")
    cmd = [str(RASA_PY), "-m", "actions.server", "--port", str(free_port())]
    for env, reason in (
        (base_env(), "GZ_ACTION_SECRET_PATH is not set"),
        (base_env(GZ_ACTION_SECRET_PATH=str(tmp_path / "missing")), "No such file"),
        (base_env(GZ_ACTION_SECRET_PATH=str(short)), "shorter than"),
        (base_env(GZ_ACTION_SECRET_PATH=str(secret), GZ_EVIDENCE_KEY_PATH=str(tmp_path / "k")), "evidence key"),
    ):
        result = run_until_exit(cmd, env)
        assert result.returncode == 2, (reason, result.stderr[-2000:])
        assert reason in result.stderr, result.stderr[-2000:]


def test_the_action_server_binds_only_where_it_is_told(tmp_path):
    secret = tmp_path / "action.secret"
    secret.write_text("s" * 40 + "\n")  # a trailing newline (a shell's echo) is not part of the secret
    port = free_port()
    log = open(tmp_path / "actions.log", "wb")
    proc = subprocess.Popen([str(RASA_PY), "-m", "actions.server", "--port", str(port)], cwd=ROOT,
                            env=base_env(GZ_ACTION_SECRET_PATH=str(secret)), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not listening_addresses(port):
            assert proc.poll() is None, (tmp_path / "actions.log").read_text()[-3000:]
            time.sleep(0.5)
        assert listening_addresses(port) == ["127.0.0.1"]
        assert httpx.get(f"http://127.0.0.1:{port}/actions", headers={SECRET_HEADER: "s" * 40}, timeout=30).status_code == 200
        assert httpx.get(f"http://127.0.0.1:{port}/actions", headers={SECRET_HEADER: "s" * 39}, timeout=30).status_code == 401
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def test_rasa_reads_its_secrets_from_files_not_argv(tmp_path, monkeypatch):
    from bot.rasa import server as rasa_server

    token, secret = tmp_path / "rasa.token", tmp_path / "action.secret"
    token.write_text("-starts-with-a-dash\n")
    secret.write_text("the-action-secret\n")
    env = {rasa_server.ENV_TOKEN_PATH: str(token), rasa_server.ENV_ACTION_SECRET_PATH: str(secret)}
    argv = ["bot.rasa.server", "run", "--enable-api"]
    assert rasa_server.token_from_file(argv, env) == [*argv, "--auth-token=-starts-with-a-dash"]
    assert rasa_server.token_from_file(["x", "train"], env) == ["x", "train"]  # only `run` serves the API
    assert rasa_server.token_from_file(argv, {}) == argv
    for given in (["--auth-token", "t"], ["--auth-token=t"], ["-t", "t"]):
        with pytest.raises(rasa_server.SecretError):
            rasa_server.token_from_file([*argv, *given], env)
    empty = tmp_path / "empty"
    empty.write_text("\n")
    for path in (empty, tmp_path / "missing"):
        with pytest.raises(rasa_server.SecretError):
            rasa_server.token_from_file(argv, {rasa_server.ENV_TOKEN_PATH: str(path)})
    rasa_server.action_secret_from_file(env)
    assert env[rasa_server.ENV_ACTION_SECRET] == "the-action-secret"
    # Rasa's own reader puts it into the endpoint's headers, which go with every action call.
    from rasa.utils.endpoints import read_endpoint_config

    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text('action_endpoint:\n  url: "http://127.0.0.1:1/webhook"\n  headers:\n'
                         "    X-GZ-Action-Secret: ${GZ_ACTION_SECRET}\n")
    monkeypatch.setenv(rasa_server.ENV_ACTION_SECRET, env[rasa_server.ENV_ACTION_SECRET])
    assert read_endpoint_config(str(endpoints), "action_endpoint").headers == {SECRET_HEADER: "the-action-secret"}
    monkeypatch.delenv(rasa_server.ENV_ACTION_SECRET)
    with pytest.raises(Exception, match="GZ_ACTION_SECRET"):
        read_endpoint_config(str(endpoints), "action_endpoint")  # unset: Rasa refuses, it never sends ""


# --- the WeChat channel's demo credentials ----------------------------------------------------------------


def shipped_wechat() -> Dict[str, str]:
    from rasa.shared.utils.io import read_config_file

    return read_config_file(ROOT / "bot" / "credentials.yml")["bot.channels.wechat.channel.WeChatInput"]


def test_the_demo_values_the_channel_knows_are_the_shipped_ones():
    from bot.channels.wechat.channel import WeChatSettings

    shipped = shipped_wechat()
    assert {name: shipped[name] for name in WeChatSettings.DEMO_VALUES} == WeChatSettings.DEMO_VALUES


@pytest.mark.parametrize("profile", [None, "", "production", "staging", "Embedded"])
def test_demo_wechat_credentials_are_refused_outside_the_one_machine_profiles(profile):
    from bot.channels.wechat.channel import WeChatSettings

    env = {} if profile is None else {"GZ_PROFILE": profile}
    with pytest.raises(ValueError, match="demo values"):
        WeChatSettings.from_credentials(shipped_wechat(), env=env)
    # Overriding some secrets is not enough: the AES key left at its public value still lets anyone in.
    partial = dict(env, GZ_WECHAT_TOKEN="real-token", GZ_WECHAT_APP_SECRET="real-secret", GZ_WECHAT_APP_ID="wxreal")
    with pytest.raises(ValueError, match="encoding_aes_key") as refused:
        WeChatSettings.from_credentials(shipped_wechat(), env=partial)
    assert "GZ_WECHAT_AES_KEY" in str(refused.value) and "token" not in str(refused.value).split("still")[0]
    real = dict(partial, GZ_WECHAT_AES_KEY="R" * 43)
    assert WeChatSettings.from_credentials(shipped_wechat(), env=real).token == "real-token"


@pytest.mark.parametrize("profile", ["embedded", "scale"])
def test_demo_wechat_credentials_are_accepted_where_bot_stack_runs(profile):
    from bot.channels.wechat.channel import WeChatSettings

    assert WeChatSettings.from_credentials(shipped_wechat(), env={"GZ_PROFILE": profile}).app_id == "wx00000000demo0000"


def test_rasa_does_not_start_with_demo_wechat_credentials_in_production(tmp_path):
    # The channels are built before the model is loaded: any model file will do, none is trained for this.
    models = sorted((ROOT / "models").glob("*.tar.gz"))
    if not models:
        pytest.skip("no trained model in models/")
    token = tmp_path / "rasa.token"
    token.write_text("t" * 40)
    port = free_port()
    env = base_env(GZ_PROFILE="production", GZ_RASA_TOKEN_PATH=str(token),
                   GZ_HOTLINE_SECRET_PATH=str(tmp_path / "hotline.secret"), GZ_DATA_KEY_PATH=str(tmp_path / "data.key"))
    result = run_until_exit(
        [str(RASA_PY), "-m", "bot.rasa.server", "run", "--enable-api", "-i", "127.0.0.1", "--port", str(port),
         "--model", str(models[-1]), "--credentials", str(ROOT / "bot" / "credentials.yml")],
        env, timeout=240,
    )
    assert result.returncode != 0
    assert "demo values" in result.stdout + result.stderr, (result.stdout + result.stderr)[-3000:]
    assert not listening_addresses(port)


# --- api/cli.py: files private even when run by hand ---------------------------------------------------------


def test_the_api_cli_creates_private_files_and_tightens_an_old_database(tmp_path):
    var_dir = tmp_path / "var"
    (var_dir / "keys").mkdir(parents=True)
    os.chmod(var_dir, 0o755)
    db = var_dir / "api.db"
    db.touch()
    os.chmod(db, 0o644)  # written by an older version, or under a permissive umask
    env = base_env(GZ_VAR_DIR=str(var_dir), GZ_DATABASE_URL=f"sqlite:///{db}",
                   GZ_SIGNING_KEY_PATH=str(var_dir / "keys" / "platform_ed25519.pem"),
                   GZ_ID_HASH_KEY_PATH=str(var_dir / "keys" / "id_hash.key"),
                   GZ_DATA_KEY_PATH=str(var_dir / "keys" / "data.key"))
    result = subprocess.run(["sh", "-c", f"umask 022 && exec {API_PY} -m api.cli migrate"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert stat.S_IMODE(os.stat(var_dir).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(var_dir / "keys").st_mode) == 0o700
    created = [p for p in var_dir.rglob("*") if p.is_file()]
    assert db in created and len(created) >= 2
    for path in created:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
