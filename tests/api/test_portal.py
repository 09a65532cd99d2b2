"""The API serves the demo citizen portal at / and the website widget's files under /static/widget/."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.portal.router import script_json


@pytest.fixture
def portal(initialised):
    settings = initialised.model_copy(update={"rasa_public_url": "https://bot.zz.example.test/"})
    app = create_app(settings)
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


def inline_config(html: str) -> str:
    return re.search(r"<script>(window\.GZWidgetConfig = .*?;)</script>", html).group(1)


def test_portal_page_embeds_the_widget_with_the_rasa_url(portal):
    response = portal.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "郑州政务服务" in html and '<script src="/static/widget/gz-widget.js" defer></script>' in html
    config = json.loads(inline_config(html)[len("window.GZWidgetConfig = "):-1])
    assert config["rasaUrl"] == "https://bot.zz.example.test"  # GZ_RASA_PUBLIC_URL, without the trailing slash
    assert config["locale"] == "zh-CN" and config["title"]
    assert config["apiUrl"] == "http://testserver"  # the page's own origin: the letter download is same-origin


def test_content_security_policy_allows_exactly_the_config_script_and_rasa(portal):
    response = portal.get("/")
    csp = response.headers["content-security-policy"]
    digest = base64.b64encode(hashlib.sha256(inline_config(response.text).encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}'" in csp  # no 'unsafe-inline': only this one inline script runs
    assert "connect-src 'self' https://bot.zz.example.test wss://bot.zz.example.test" in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def test_config_cannot_break_out_of_its_script_element():
    text = script_json({"title": "</script><script>alert(1)</script>", "x": "a&b\u2028"})
    assert "</" not in text and "<" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script>", "x": "a&b\u2028"}


@pytest.mark.parametrize("path, kind", [
    ("/static/widget/gz-widget.js", "javascript"),
    ("/static/widget/gz-idcheck.js", "javascript"),
    ("/static/widget/gz-widget.css", "text/css"),
    ("/static/widget/vendor/socket.io.min.js", "javascript"),
    ("/static/portal/portal.css", "text/css"),
    ("/static/portal/portal.js", "javascript"),
])
def test_widget_files_are_served(portal, path, kind):
    response = portal.get(path)
    assert response.status_code == 200 and kind in response.headers["content-type"]


def test_only_the_web_directories_are_served(portal):
    assert portal.get("/static/widget/").status_code == 404  # no directory listing
    assert portal.get("/static/portal/index.html").status_code == 200  # the template itself holds no secret
    assert portal.get("/static/keys/platform_ed25519.pem").status_code == 404


def test_the_widget_signs_the_applicant_in_with_a_code_never_a_name(portal):
    # P5: the letter form asks for the ID number, sends a code to the registered phone, and signs in with the
    # code typed back; no request carries a name as proof.
    js = portal.get("/static/widget/gz-widget.js").text
    assert '"/api/v1/auth/applicant/code"' in js and '"/api/v1/auth/applicant"' in js
    assert "JSON.stringify({ id_number: idNumber })" in js
    assert "JSON.stringify({ id_number: idNumber, code: code })" in js
    assert "name: name, id_number" not in js and "pdfName" not in js
    assert 'autocomplete: "one-time-code"' in js and "短信验证码" in js and "获取验证码" in js
