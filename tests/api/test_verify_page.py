"""The human-readable verification page (Accept: text/html) and the JSON beside it.

A person who opens a receipt's link or scans its QR code gets a Chinese page: whether the record is intact,
apart from that the current status and its history, the signers and algorithms, the notice version with a
link to its text. Programs keep the JSON, with the same separation. Nothing personal, everything escaped.
"""
from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import httpx

from api.commitments import verify_page
from api.commitments.service import verify_one
from tests.api.helpers import PHONE, ZHANG_WEI, commitment_body, execute_sql, login_assurance

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def _store(client) -> dict:
    response = client.post("/api/v1/commitments", json=commitment_body(client))
    assert response.status_code == 201, response.text
    return response.json()


def _verify(receipt: dict) -> str:
    """The receipt's verification path: its number and its check code."""
    return f"/api/v1/commitments/{receipt['commitment_no']}/verify?code={receipt['check_code']}"


def _page(client, url: str, **headers: str) -> httpx.Response:
    return client.get(url, headers={"Accept": BROWSER_ACCEPT, **headers})


class _Text(HTMLParser):
    """The page's visible text and its links, read as a browser would (no regex over markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.scripts = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
            self.scripts += tag == "script"
        if tag == "a":
            self.links += [value for name, value in attrs if name == "href"]

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _read(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def _visible(html: str) -> str:
    return re.sub(r"\s+", "", "".join(_read(html).text))


def test_a_browser_gets_a_chinese_page_with_integrity_status_signers_and_notice(client):
    receipt = _store(client)
    no = receipt["commitment_no"]
    # The very link printed on the receipt (and opened by the widget's 核验 button and the letter's QR code).
    path = receipt["verify_url"].split("gz.example.test", 1)[1]
    assert path == f"/api/v1/commitments/{no}/verify?code={receipt['check_code']}"
    response = _page(client, path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["vary"] == "Accept"
    page = _read(response.text)
    text = _visible(response.text)
    assert page.scripts == 0
    assert "告知承诺书核验结果" in text
    assert "记录完好" in text and "核验未通过" not in text
    assert "当前状态：已受理" in text
    # Signers and algorithms, with the key ids the JSON names.
    result = client.get(path).json()
    for word in ("Ed25519", "SM2", "SHA-256", "SM3", result["key_id"], result["sm2_key_id"], result["record_hash"]):
        assert word in text, word
    # The notice version, with a link to exactly that version's text.
    assert f"第{result['notice_version_no']}版" in text
    notice_link = next(link for link in page.links if "/notice?code=" in link)
    assert client.get(notice_link.split("?")[0]).status_code == 404  # the notice link needs the code too
    notice = client.get(notice_link)
    assert notice.status_code == 200 and notice.headers["content-type"].startswith("text/html")
    item = client.get(f"/api/v1/catalogue/items/{result['item_code']}/versions/{result['notice_version']}").json()
    notice_text = _visible(notice.text)
    for section in item["notice"]:
        assert re.sub(r"\s+", "", section["title"]) in notice_text
    # The machine-readable link carries the code as well.
    json_link = next(link for link in page.links if "format=json" in link)
    assert client.get(json_link).json()["record_hash"] == result["record_hash"]
    # The published keys and the CA the page points to exist.
    for target in ("/api/v1/keys", "/api/v1/pki/ca.pem"):
        assert target in page.links and client.get(target).status_code == 200
    # How the signer was identified and confirmed the act, in words, without the number.
    assert "身份核验短信验证码" in text and "意愿确认短信确认码" in text
    assert result["identity"]["identified_by"].startswith("短信验证码")
    # P5: no personal data on a public page.
    for personal in (*ZHANG_WEI, PHONE, ZHANG_WEI[1][-4:] + "<", "138****8000"):
        assert personal not in response.text


def test_without_the_right_check_code_the_page_is_the_unknown_number_page(client):
    receipt = _store(client)
    no = receipt["commitment_no"]
    unknown = _page(client, "/api/v1/commitments/CN20000101-000009/verify?code=ABCDEFGH")
    assert unknown.status_code == 404
    wrong = "".join("3" if c == "2" else "2" for c in receipt["check_code"])
    for path in (f"/api/v1/commitments/{no}/verify", f"/api/v1/commitments/{no}/verify?code={wrong}"):
        response = _page(client, path)
        assert response.status_code == 404
        assert response.text == unknown.text.replace("CN20000101-000009", no)
        assert "记录完好" not in response.text
    assert _page(client, _verify(receipt)).status_code == 200


def test_the_page_keeps_integrity_apart_from_the_current_status(client):
    receipt = _store(client)
    no = receipt["commitment_no"]
    withdrawn = client.post(
        "/api/v1/service/commitments/withdraw",
        json={"commitment_no": no, "id_number": ZHANG_WEI[1], "reason": "不再申请",
              "assurance_id": login_assurance(client, ZHANG_WEI[1], "withdrawing-chat"), "client": "withdrawing-chat"},
        headers={"X-Service-Token": client.app.state.service_token},
    )
    assert withdrawn.status_code == 200, withdrawn.text
    text = _visible(_page(client, _verify(receipt)).text)
    # Still intact (a withdrawal never edits the signed record), and now withdrawn, with its history.
    assert "记录完好" in text
    assert "当前状态：已撤回" in text
    history = text.split("状态时间", 1)[1]
    assert history.index("已受理") < history.index("已撤回")
    assert "不再申请" not in text  # reasons stay with the applicant and the officers (P5)

    result = client.get(_verify(receipt)).json()
    assert result["valid"] is True and result["integrity"]["valid"] is True
    assert result["status"] == result["status_at_signing"] == "accepted"
    assert result["current_status"] == "withdrawn" and result["current_status_label"] == "已撤回"
    assert [step["status"] for step in result["status_history"]] == ["accepted", "withdrawn"]
    assert all(set(step) == {"status", "label", "at"} for step in result["status_history"])


def test_a_tampered_record_shows_the_failure_in_words(client, initialised):
    receipt = _store(client)
    no = receipt["commitment_no"]
    execute_sql(initialised, "UPDATE commitments SET sm2_signature = :s WHERE commitment_no = :no", s="AAAA", no=no)
    text = _visible(_page(client, _verify(receipt)).text)
    assert "核验未通过" in text and "未通过的项目：SM2签名" in text and "✔" not in text


def test_programs_keep_the_json(client):
    receipt = _store(client)
    path = _verify(receipt)
    for headers in ({}, {"Accept": "*/*"}, {"Accept": "application/json"}, {"Accept": "application/json, text/html;q=0.5"}):
        response = client.get(path, headers=headers)
        assert response.headers["content-type"] == "application/json", headers
        body = response.json()
        # The fields every existing client reads are still there, beside the new ones.
        for field in ("commitment_no", "valid", "checks", "item_code", "notice_version", "status", "created_at", "key_id", "record_hash"):
            assert field in body
        for field in ("integrity", "status_at_signing", "current_status", "status_history", "notice_url"):
            assert field in body
    # ?format= overrides the header both ways.
    assert client.get(f"{path}&format=html").headers["content-type"].startswith("text/html")
    as_json = _page(client, f"{path}&format=json")
    assert as_json.headers["content-type"] == "application/json"
    json.dumps(as_json.json())


def test_unknown_numbers_and_markup_are_escaped(client):
    hostile = '<img src=x onerror=alert(1)>"'
    response = _page(client, f"/api/v1/commitments/{hostile}/verify")
    assert response.status_code == 404
    assert "<img" not in response.text and "&lt;img src=x onerror=alert(1)&gt;&quot;" in response.text
    assert hostile in unescape(response.text)
    assert client.get(f"/api/v1/commitments/{hostile}/verify").json()["error"] == "unknown_commitment"


def test_catalogue_text_is_escaped_on_the_page(client):
    # The item name comes from the catalogue (edited in the admin console): markup in it is shown, not run.
    no = _store(client)["commitment_no"]
    with client.app.state.sessionmaker() as session:
        result = verify_one(session, client.app.state.platform_key, no)
    assert result is not None
    forged = result.model_copy(update={"item_name": '<img src=x onerror="alert(1)">'})
    html = verify_page.render(forged, json_url="/j?a=1&b=2", keys_url="/k", ca_url="/c")
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert 'href="/j?a=1&amp;b=2"' in html
