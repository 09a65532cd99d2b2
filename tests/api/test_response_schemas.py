"""Every JSON answer of the API is described by a typed schema in the OpenAPI document, and those schemas change
nothing a client receives.

A response model drops the keys it does not declare and converts values to the declared types, so a schema that
forgot a key or guessed a type would silently change what the console, the chat and auditors read. The served
bodies below are therefore compared twice: with what the route built before its model touched it (the plain
JSON encoding FastAPI uses when a route has no model) and, key by key, with the schema the document publishes.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Tuple

import fastapi.routing
import pytest
from fastapi.encoders import jsonable_encoder

from tests.api.access_helpers import applicant_headers, commit, login, service_headers
from tests.api.helpers import ZHANG_WEI, notice_version
from tests.api.rasa_fake import FakeRasa

# The admin console's fixtures: a copy of the project, a fake Rasa venv and server, a tracker store.
from tests.api.test_admin_api import admin, as_admin  # noqa: F401  (pytest fixtures)

SUCCESS = ("200", "201", "202")


# --- the document ------------------------------------------------------------------------------------------


def _resolve(doc: Dict[str, Any], schema: Dict[str, Any]) -> Dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _untyped(doc: Dict[str, Any], schema: Dict[str, Any]) -> bool:
    """An empty schema, an object with no named fields, or a list of either: says nothing about the keys."""
    schema = _resolve(doc, schema)
    if not schema:
        return True
    if schema.get("type") == "array":
        return _untyped(doc, schema.get("items") or {})
    return schema.get("type") == "object" and not schema.get("properties")


def _operations(doc: Dict[str, Any]):
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            for status, response in operation.get("responses", {}).items():
                if status in SUCCESS:
                    yield method.upper(), path, status, response.get("content") or {}


def test_every_json_success_response_names_its_fields(app):
    doc = app.openapi()
    untyped = [
        f"{method} {path} {status}"
        for method, path, status, content in _operations(doc)
        if "application/json" in content
        and _untyped(doc, content["application/json"].get("schema") or {})
    ]
    assert untyped == []


def test_the_check_sees_an_untyped_answer():
    assert _untyped({}, {"type": "object", "additionalProperties": True})
    assert _untyped({}, {"type": "object"})
    assert not _untyped({}, {"type": "object", "properties": {"status": {"type": "string"}}})


def test_file_and_event_stream_routes_publish_their_own_media_type(app):
    doc = app.openapi()
    png = doc["paths"]["/api/v1/admin/models/{model_id}/confusion.png"]["get"]["responses"]["200"]["content"]
    events = doc["paths"]["/api/v1/admin/jobs/{job_id}/events"]["get"]["responses"]["200"]["content"]
    assert list(png) == ["image/png"] and list(events) == ["text/event-stream"]
    callback = doc["paths"]["/api/v1/identity/oidc/callback"]["get"]["responses"]["200"]["content"]
    assert set(callback) == {"application/json", "text/html"}
    assert not _untyped(doc, callback["application/json"]["schema"])


# --- served bodies -----------------------------------------------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@pytest.fixture
def built(monkeypatch) -> List[Tuple[Any, Any]]:
    """(what the route returned, as JSON without any model; what the model made of it) for every answer."""
    seen: List[Tuple[Any, Any]] = []
    serialize = fastapi.routing.serialize_response

    async def observed(**kwargs: Any) -> Any:
        out = await serialize(**kwargs)
        if kwargs.get("field") is not None:
            served = json.loads(out) if isinstance(out, (bytes, bytearray)) else jsonable_encoder(out)
            seen.append((jsonable_encoder(kwargs["response_content"]), served))
        return out

    monkeypatch.setattr(fastapi.routing, "serialize_response", observed)
    return seen


def conforms(doc: Dict[str, Any], value: Any, schema: Dict[str, Any], where: str = "body") -> List[str]:
    """What in ``value`` the schema does not describe: unknown or missing keys, wrong types, unlisted words."""
    schema = _resolve(doc, schema)
    if not schema:
        return []
    for combined in ("anyOf", "oneOf"):
        if combined in schema:
            tries = [conforms(doc, value, branch, where) for branch in schema[combined]]
            return [] if any(not t for t in tries) else [f"{where}: matches no branch: {tries}"]
    if "const" in schema and value != schema["const"]:
        return [f"{where}: {value!r} is not {schema['const']!r}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: {value!r} not in {schema['enum']}"]
    kind = schema.get("type")
    checks = {
        "null": lambda v: v is None,
        "boolean": lambda v: isinstance(v, bool),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "string": lambda v: isinstance(v, str),
        "array": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
    }
    if kind in checks and not checks[kind](value):
        return [f"{where}: {value!r} is not {kind}"]
    problems: List[str] = []
    if kind == "array":
        for i, item in enumerate(value):
            problems += conforms(doc, item, schema.get("items") or {}, f"{where}[{i}]")
    if kind == "object":
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties", not properties)
        problems += [f"{where}.{key}: missing" for key in schema.get("required", []) if key not in value]
        for key, item in value.items():
            if key in properties:
                problems += conforms(doc, item, properties[key], f"{where}.{key}")
            elif extra is False:
                problems.append(f"{where}.{key}: not in the schema")
            elif isinstance(extra, dict):
                problems += conforms(doc, item, extra, f"{where}.{key}")
    return problems


class Calls:
    """Calls a route through the real app and checks its answer against the document and the route's output."""

    def __init__(self, client, built: List[Tuple[Any, Any]]):
        self.client = client
        self.built = built
        self.doc = client.app.openapi()
        self.checked: List[str] = []

    def __call__(self, method: str, template: str, *, headers: Optional[Dict[str, str]] = None,
                 json_body: Any = None, query: Optional[Dict[str, Any]] = None, **path: Any) -> Any:
        before = len(self.built)
        response = self.client.request(method, "/api/v1" + template.format(**path), headers=headers,
                                       json=json_body, params=query)
        status = str(response.status_code)
        assert status in SUCCESS, f"{method} {template}: {response.status_code} {response.text[:300]}"
        body = response.json()
        # The model kept every key and value the route built: same keys, same values, same types.
        assert len(self.built) == before + 1, f"{method} {template} was not serialised through its model"
        raw, served = self.built[-1]
        assert _json(served) == _json(raw), f"{method} {template}: the response model changed the body"
        assert _json(body) == _json(raw)
        # And the published schema names every key of it, with the right type.
        content = self.doc["paths"]["/api/v1" + template][method.lower()]["responses"][status]["content"]
        schema = content["application/json"]["schema"]
        assert not _untyped(self.doc, schema), f"{method} {template}"
        assert conforms(self.doc, body, schema) == [], f"{method} {template}"
        self.checked.append(f"{method} {template}")
        return body


@pytest.fixture
def call(client, built) -> Calls:
    return Calls(client, built)


def test_the_checker_sees_a_missing_key_an_unknown_key_and_a_wrong_type(app):
    doc = app.openapi()
    schema = {"$ref": "#/components/schemas/CurrentPlatformKey"}
    good = {"key_id": "k", "algorithm": "Ed25519", "public_key_pem": "pem", "sm2_key_id": None,
            "sm2_algorithm": None, "sm2_public_key_pem": None, "sm2_user_id": None}
    assert conforms(doc, good, schema) == []
    assert conforms(doc, {k: v for k, v in good.items() if k != "sm2_user_id"}, schema) == ["body.sm2_user_id: missing"]
    assert conforms(doc, {**good, "secret": "x"}, schema) == ["body.secret: not in the schema"]
    assert conforms(doc, {**good, "sm2_key_id": 5}, schema) != []


def test_catalogue_and_keys(call, client):
    items = call("GET", "/catalogue/items")
    assert {i["code"] for i in items} >= {"ZM001", "XK001"}
    # Every field of the stored item passes through, the declared ones and the rest.
    item = call("GET", "/catalogue/items/{code}", code="ZM001")
    assert {"verification", "aliases", "disclosure_days", "notice_version", "version"} <= set(item)
    call("GET", "/catalogue/items/{code}/versions/{notice_version}", code="ZM001", notice_version=notice_version(client, "ZM001"))
    call("GET", "/catalogue/items/{code}", code="XK101")  # an excluded item: exclusion set, no notice version
    keys = call("GET", "/keys/platform")
    assert keys["key_id"] and set(keys) >= {"sm2_key_id", "sm2_user_id"}
    call("GET", "/keys")


def test_commitments_as_the_officer_and_the_applicant_read_them(call, client, initialised):
    receipt = commit(client)
    number = receipt["commitment_no"]
    officer = login(client, initialised, "demo_officer")
    view = call("GET", "/commitments/{commitment_no}", headers=officer, commitment_no=number)
    assert view["status"] == "accepted" and view["history"][0]["from_status"] is None
    assert view["signed_record"]["commitment_no"] == number
    call("GET", "/commitments/{commitment_no}/history", headers=officer, commitment_no=number)
    applicant = applicant_headers(client, ZHANG_WEI)
    call("GET", "/me/commitments", headers=applicant)
    call("GET", "/me/commitments/{commitment_no}", headers=applicant, commitment_no=number)
    call("GET", "/chain/verify")


def test_handoff_from_the_queue_to_the_conversation(call, client, app, initialised):
    rasa = FakeRasa()
    app.state.rasa_link = rasa.link(initialised.var_path / "keys" / "hotline.secret")
    sender = "0f3c9a7e5b2d4c1a8e6f0b9d7c5a3e1f"
    rasa.conversation(sender, [
        {"event": "user", "text": "我想申请公租房", "timestamp": 1795770000.0, "input_channel": "socketio"},
        {"event": "bot", "text": "请输入申请人的18位身份证号。", "data": {"custom": {"stage": "ask", "slot": "applicant_id"}},
         "timestamp": 1795770001.0},
        {"event": "user", "text": "转人工", "timestamp": 1795770003.0},
    ], slots={"requested_slot": "applicant_id", "item": "ZM001"}, loop="commitment_form")
    queued = call("POST", "/service/handoff", headers=service_headers(initialised),
                  json_body={"sender_id": sender, "channel": "socketio", "reason": "user_request"})
    staff = login(client, initialised, "demo_staff")
    call("GET", "/handoff/queue", headers=staff)
    call("GET", "/handoff/labels", headers=staff)
    call("POST", "/handoff/{request_id}/take", headers=staff, request_id=queued["handoff_id"])
    sent = call("POST", "/handoff/{request_id}/messages", headers=staff, json_body={"text": "您好，我来帮您。"}, request_id=queued["handoff_id"])
    assert sent["delivery"] == "pushed"
    detail = call("GET", "/handoff/{request_id}", headers=staff, request_id=queued["handoff_id"])
    # Only a citizen's message says which channel it came in on; the others leave the key out, as before.
    assert "channel" in detail["transcript"][0] and "channel" not in detail["transcript"][1]
    assert detail["journey"]["item_name"] and detail["staff_messages"][0]["delivery"] == "pushed"
    call("POST", "/handoff/{request_id}/release", headers=staff, json_body={"no_reply_needed": True}, request_id=queued["handoff_id"])


def test_admin_console(call, client, as_admin, admin, settings):  # noqa: F811  (fixtures)
    h = as_admin
    call("GET", "/admin/labels", headers=h)
    call("GET", "/admin/catalogue/items", headers=h)
    document = call("GET", "/admin/catalogue/items/{code}", headers=h, code="ZM001")
    call("POST", "/admin/catalogue/items/{code}/preview", headers=h, json_body={}, code="ZM001")
    content = dict(document["content"], aliases=list(document["content"].get("aliases") or []) + ["住房保障资格申请"])
    published = call("POST", "/admin/catalogue/items/{code}/publish", headers=h,
                     json_body={"content": content, "base_hash": document["file_hash"]}, code="ZM001")
    assert published["diff"]["from"]["version"] == published["previous_version"]
    # A list field says what came and went; a scalar field has no such keys at all.
    rows = {row["field"]: row for row in published["diff"]["compare"]["fields"]}
    assert rows["aliases"]["added"] == ["住房保障资格申请"] and "added" not in rows["name"]
    unchanged = call("POST", "/admin/catalogue/items/{code}/publish", headers=h,
                     json_body={"content": content}, code="ZM001")
    assert unchanged["unchanged"] is True and "diff" not in unchanged
    call("GET", "/admin/catalogue/items/{code}/diff", headers=h, query={"from": 1, "to": 2}, code="ZM001")

    # Data with warnings of two shapes: a duplicate in a synonym (names the synonym, no intent key) and a thin
    # intent (names the intent, text null).
    extra = admin.project / "data" / "nlu" / "h7_warnings.yml"
    extra.write_text('version: "3.1"\nnlu:\n- synonym: h7_colour\n  examples: |\n    - 红\n    - 红\n'
                     '- intent: h7_thin\n  examples: |\n    - 只有一句\n', encoding="utf-8")
    overview = call("GET", "/admin/nlu", headers=h)
    shapes = {(w["type"], "intent" in w, "synonym" in w) for w in overview["warnings"]}
    assert {("duplicate", False, True), ("thin", True, False)} <= shapes
    block = call("GET", "/admin/nlu/{kind}/{name}", headers=h, kind="synonym", name="h7_colour")
    assert [w["type"] for w in block["warnings"]] == ["duplicate"]
    extra.unlink()
    call("GET", "/admin/nlu/{kind}/{name}", headers=h, kind="intent", name="greet")
    call("POST", "/admin/nlu/{kind}", headers=h, json_body={"name": "h7_colours", "examples": ["红", "红"]}, kind="synonym")
    call("PUT", "/admin/nlu/{kind}/{name}", headers=h, json_body={"examples": ["红", "绿", "绿"]}, kind="synonym", name="h7_colours")
    call("DELETE", "/admin/nlu/{kind}/{name}", headers=h, kind="synonym", name="h7_colours")
    call("POST", "/admin/nlu/intent/{name}/examples", headers=h, json_body={"text": "早上好呀朋友们"}, name="greet")

    admin.tracker.user("s1", "阿拉来咨询一下", "greet", 0.41, [("greet", 0.41), ("handoff", 0.2)])
    admin.tracker.bot("s1", "您好！")
    admin.tracker.user("s2", "瞅瞅", "nlu_fallback", 0.45, [("nlu_fallback", 0.45), ("affirm", 0.44)])
    inbox = call("GET", "/admin/inbox", headers=h)
    entries = {e["text"]: e for e in inbox["entries"]}
    call("POST", "/admin/inbox/{key}/assign", headers=h, json_body={"intent": "greet", "text": "阿拉来咨询一下"},
         key=entries["阿拉来咨询一下"]["key"])
    call("POST", "/admin/inbox/{key}/dismiss", headers=h, key=entries["瞅瞅"]["key"])

    models = call("GET", "/admin/models", headers=h)
    model_id = models["models"][0]["id"]
    assert models["replicas"] and all(r["ok"] and "error" not in r for r in models["replicas"].values())
    call("GET", "/admin/models/{model_id}", headers=h, model_id=model_id)
    call("GET", "/admin/models/{model_id}/activation-plan", headers=h, model_id=model_id)
    call("GET", "/admin/jobs", headers=h)


def test_domains_that_were_typed_already(call, client, initialised):
    officer = login(client, initialised, "demo_officer")
    admin_headers = login(client, initialised, "demo_admin")
    call("GET", "/auth/me", headers=officer)
    call("GET", "/audit", headers=admin_headers)
    call("GET", "/public/disclosures")
    call("GET", "/complaints", headers=officer)
    call("GET", "/verification/tasks", headers=officer)
    call("GET", "/credit/repairs", headers=officer)
    call("POST", "/credit/check", headers=officer, json_body={"id_number": ZHANG_WEI[1]})
