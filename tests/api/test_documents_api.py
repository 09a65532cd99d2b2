"""Guides, templates and signed commitment letters as HTML and PDF (R10, R6, R7, P3, P5).

The PDFs are read back the way a person's PDF reader would: ``pdftotext`` (poppler-utils) extracts the text, so
the Chinese must be real, embedded, extractable text; ``pdffonts`` shows the font is embedded; the QR code is
rendered with ``pdftoppm`` and decoded with zxing-cpp.
"""
from __future__ import annotations

import base64
import hashlib
import re
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from api.auth.service import create_user
from api.database import make_engine, make_sessionmaker
from bot.core import affirmation
from bot.core.catalogue import NOTICE_TITLES, load_catalogue
from tests.api.helpers import (
    HAOWEI,
    LIU_YANG,
    PHONE,
    WANG_FANG,
    ZHANG_WEI,
    ZHAO_QIANG,
    applicant_login_headers,
    commitment_body,
    notice_version,
)

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is not installed (make setup installs it)"
)

@pytest.fixture
def service_token(client) -> dict:
    """The action server's credential (P5): how the chat fetches a letter for the applicant it talks to."""
    return {"X-Service-Token": client.app.state.service_token}


def applicant_headers(client, identity: tuple) -> dict:
    return applicant_login_headers(client, identity)


def staff_headers(client, settings, role: str, username: str | None = None) -> dict:
    username = username or f"documents_{role}"
    password = secrets.token_urlsafe(18)
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            create_user(session, username, role, password)
    finally:
        engine.dispose()
    response = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def pdf_text(pdf: bytes, tmp_path: Path, name: str = "doc") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True).stdout


def compact(value: str) -> str:
    """Text without the line breaks and spaces that layout inserts, for searching long Chinese passages."""
    return re.sub(r"\s+", "", value)


def without_page_furniture(raw: str) -> str:
    """The text without the footer and page number printed on every page, which a page break puts in the middle
    of whatever passage runs across it."""
    return "\n".join(
        line for line in raw.splitlines() if not re.fullmatch(r"郑州市告知承诺制服务平台 · .*|第\s*\d+\s*页", line.strip())
    )


def commit(client, code="ZM001", applicant=ZHANG_WEI, proxy=None) -> dict:
    response = client.post("/api/v1/commitments", json=commitment_body(client, code, applicant, proxy=proxy))
    assert response.status_code == 201, response.text
    return response.json()


def stored_signature(settings, commitment_no: str) -> str:
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                text("SELECT signature FROM commitments WHERE commitment_no = :no"), {"no": commitment_no}
            ).scalar_one()
    finally:
        engine.dispose()


# --- guide (办事指南) -------------------------------------------------------------------------------------


def test_guide_html_is_a_readable_self_contained_page(client):
    # R10: the guide is published for reading; server-rendered, nothing fetched from elsewhere.
    response = client.get("/api/v1/catalogue/items/ZM001/guide")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page
    assert "<h1>公共租赁住房资格申请办事指南</h1>" in page
    for fact in ("市住房保障和房地产管理局", "《公共租赁住房管理办法》（住房和城乡建设部令第11号）", "家庭收入情况材料", "12345"):
        assert fact in page
    assert "<script" not in page and "<link" not in page and "src=" not in page and "@import" not in page
    assert 'href="/api/v1/catalogue/items/ZM001/guide.pdf"' in page
    assert 'href="/api/v1/catalogue/items/ZM001/template"' in page


def test_guide_pdf_has_the_items_facts_in_extractable_chinese(client, tmp_path):
    # R10: downloadable PDF; R3: the normal procedure's proofs; R13: the verification plan; R11: complaints.
    response = client.get("/api/v1/catalogue/items/ZM001/guide.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "filename=\"guide-ZM001-v1.pdf\"" in response.headers["content-disposition"]
    assert response.content.startswith(b"%PDF-")
    words = compact(pdf_text(response.content, tmp_path))
    for fact in (
        "公共租赁住房资格申请办事指南",
        "ZM001",
        "市住房保障和房地产管理局",
        "证明事项",
        "家庭住房情况证明（无房证明）",  # what the commitment replaces
        "家庭住房情况证明（无房证明，由不动产登记机构出具）",  # the normal procedure (R3)
        "在线核查",
        "自承诺之日起20个工作日内",
        "12345",
        "撤回承诺",  # R17
        notice_version(client, "ZM001"),
    ):
        assert compact(fact) in words, fact


def test_pdf_embeds_the_cjk_font(client, tmp_path):
    # A reader without Chinese fonts still sees the text: the font is embedded (subset), not referenced.
    path = tmp_path / "guide.pdf"
    path.write_bytes(client.get("/api/v1/catalogue/items/ZM001/guide.pdf").content)
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    cjk = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert cjk, fonts
    assert all(" yes " in line for line in cjk), fonts  # the "emb" column


def test_licence_guide_names_the_included_proofs(client, tmp_path):
    # R9: a licence item says which proofs are committed together with it.
    words = compact(pdf_text(client.get("/api/v1/catalogue/items/XK001/guide.pdf").content, tmp_path))
    assert "涉企经营许可事项" in words
    assert "一次性告知和承诺" in words and "从业人员健康合格证明" in words


def test_excluded_item_has_a_guide_but_no_template(client, tmp_path):
    # R2: the guide says why commitment is excluded and which proofs are needed; there is no letter to sign.
    words = compact(pdf_text(client.get("/api/v1/catalogue/items/XK101/guide.pdf").content, tmp_path))
    assert "危险化学品经营许可" in words and "不适用" in words and "公共安全" in words
    assert "家庭收入情况材料" in words  # the fixture's normal-procedure proofs
    for path in ("template", "template.pdf"):
        response = client.get(f"/api/v1/catalogue/items/XK101/{path}")
        assert response.status_code == 404 and response.json()["error"] == "no_template"


def test_unknown_item_documents_are_404(client):
    for path in ("guide", "guide.pdf", "template", "template.pdf"):
        response = client.get(f"/api/v1/catalogue/items/ZM999/{path}")
        assert response.status_code == 404 and response.json()["error"] == "unknown_item"


# --- template (告知承诺书格式文本) ----------------------------------------------------------------------


def test_template_pdf_has_all_seven_sections_and_the_four_part_statement(client, tmp_path):
    # R10 + R6: the seven sections of the current notification; R7: the statement's four parts with blanks.
    response = client.get("/api/v1/catalogue/items/ZM001/template.pdf")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    words = compact(pdf_text(response.content, tmp_path))
    item = client.get("/api/v1/catalogue/items/ZM001").json()
    assert "公共租赁住房资格申请告知承诺书" in words
    for number, title in enumerate(NOTICE_TITLES, 1):
        assert f"{number}.{title}" in words, title
    for section in item["notice"]:
        assert compact(section["text"]) in words  # the full text, not a summary
    assert item["notice_version"] in words
    blank_statement = affirmation.statement(item["name"], "self", "__________", None)
    assert compact(blank_statement) in words
    for part in ("本人已知晓", "本人已符合告知的相关条件和要求", "本人愿意承担不实承诺的法律责任", "本承诺是本人真实的意思表示"):
        assert part in words
    assert "申请人（签字或盖章）" in words and "年_____月_____日" in words
    # ZM001 allows a proxy (R5): the proxy's statement under special authorisation is there too.
    assert compact(affirmation.statement(item["name"], "proxy", "申请人", "__________")) in words


def test_template_without_proxy_has_no_proxy_statement(client, tmp_path):
    # R5: ZM004 in the test catalogue does not allow proxy commitment.
    words = compact(pdf_text(client.get("/api/v1/catalogue/items/ZM004/template.pdf").content, tmp_path))
    assert "律师执业申请告知承诺书" in words
    assert "代为承诺人" not in words


def test_template_html_matches_the_pdf(client):
    page = client.get("/api/v1/catalogue/items/ZM001/template").text
    for title in NOTICE_TITLES:
        assert f"<h3>{NOTICE_TITLES.index(title) + 1}. {title}</h3>" in page
    assert "本人已知晓“公共租赁住房资格申请”告知承诺书告知的全部事项" in page
    assert 'href="/api/v1/catalogue/items/ZM001/template.pdf"' in page


def test_every_shipped_item_renders(tmp_path):
    # R10 for the whole shipped catalogue (27 items), not only the test fixture's four.
    from api.catalogue.models import ItemVersion
    from api.documents import service
    from api.documents.html import render_html
    from api.documents.pdf import render_pdf

    for code, item in load_catalogue().items():
        version = ItemVersion(id=0, item_code=code, content=item.to_dict(), version=1, notice_version=item.notice_version)
        documents = [service.guide(version)] + ([service.template(version)] if item.commitment_allowed else [])
        for document in documents:
            assert item.name in render_html(document)
            assert compact(item.name) in compact(pdf_text(render_pdf(document), tmp_path, code))


# --- the signed commitment letter ------------------------------------------------------------------------


def test_letter_pdf_has_the_whole_signed_record_with_ids_masked(client, initialised, service_token, tmp_path):
    # R10 + P3: the letter of a receipt with its content, fingerprint and verification link; P5: masked IDs.
    receipt = commit(client)
    no = receipt["commitment_no"]
    response = client.get(f"/api/v1/commitments/{no}/letter.pdf", headers=service_token)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    raw = pdf_text(response.content, tmp_path)
    words = compact(without_page_furniture(raw))
    item = client.get("/api/v1/catalogue/items/ZM001").json()

    assert "公共租赁住房资格申请告知承诺书" in words
    assert no in words
    assert receipt["notice_version"] in words
    for section in item["notice"]:  # P2: the full text of the version shown
        assert compact(section["title"]) in words and compact(section["text"]) in words
    assert compact(affirmation.statement("公共租赁住房资格申请", "self", "张伟", None)) in words
    assert "本人承诺" in words and "网站对话" in words
    assert "张伟" in words
    assert "4101**********1233" in words and "138****8000" in words
    assert ZHANG_WEI[1] not in words and PHONE not in words  # P5
    assert "已受理" in words
    assert receipt["record_hash"].upper() in words
    signature = stored_signature(initialised, no)
    assert hashlib.sha256(base64.b64decode(signature)).hexdigest().upper() in words
    key_id = client.get("/api/v1/keys/platform").json()["key_id"]
    assert key_id in words
    assert receipt["verify_url"] in words
    # The check code the verification needs, and how the signer was identified and confirmed the act.
    assert f"核验码{receipt['check_code']}" in words
    assert "身份核验短信验证码（实名手机138****8000）" in words
    assert "意愿确认短信确认码（发送至实名手机138****8000，短信载明本事项）" in words
    for moment in ("确认已阅读", "作出承诺", "平台签名", "告知书第7部分发送", "告知书第7部分送达"):
        assert moment in words
    assert "接口已返回给客户端" in words  # how the REST channel knew each section arrived


def test_letter_qr_code_decodes_to_the_verify_url(client, service_token, tmp_path):
    # P3: whoever holds the paper can scan it and check the record.
    zxingcpp = pytest.importorskip("zxingcpp")
    receipt = commit(client)
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(client.get(f"/api/v1/commitments/{receipt['commitment_no']}/letter.pdf", headers=service_token).content)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found = set()
    for page in sorted(tmp_path.glob("page-*.png")):
        found |= {barcode.text for barcode in zxingcpp.read_barcodes(Image.open(page))}
    assert found == {receipt["verify_url"]}


def test_proxy_letter_shows_the_proxy_and_the_special_authorisation(client, service_token, tmp_path):
    # R5: who committed for whom, on which authorisation; both IDs masked (P5).
    receipt = commit(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    pdf = client.get(f"/api/v1/commitments/{receipt['commitment_no']}/letter.pdf", headers=service_token).content
    words = compact(pdf_text(pdf, tmp_path))
    assert "赵强" in words and "刘洋" in words
    assert "4101**********5671" in words and "4101**********1113" in words
    assert ZHAO_QIANG[1] not in words and LIU_YANG[1] not in words
    assert "SQWT-2026-0001" in words and "代为承诺（经特别授权）" in words
    # The authorisation the platform checked, and the agent's own identity (刘洋's phone, not 赵强's).
    number = re.search(r"SQ\d{8}-[A-Z2-7]{6}", words)
    assert number is not None and f"平台核验的特别授权{number.group(0)}（申请人在平台电子授权）" in words
    assert "身份核验短信验证码（实名手机139****5678）" in words


def test_licence_letter_shows_the_decision_number(client, service_token, tmp_path):
    # R8: the on-the-spot licence decision is part of the signed letter.
    receipt = commit(client, "XK001", HAOWEI)
    assert receipt["decision_no"]
    pdf = client.get(f"/api/v1/commitments/{receipt['commitment_no']}/letter.pdf", headers=service_token).content
    words = compact(pdf_text(pdf, tmp_path))
    assert receipt["decision_no"] in words and "已当场许可" in words
    assert "郑州好味餐饮管理有限公司" in words and "统一社会信用代码" in words
    assert HAOWEI[1] not in words


def test_letters_name_the_natural_person_who_committed(client, service_token, tmp_path):
    # An enterprise acting for itself commits through its legal representative; through someone else, through
    # a specially authorised handler. The letter names that person, never the enterprise as "本人".
    own = commit(client, "XK001", HAOWEI)
    words = compact(pdf_text(letter(client, own["commitment_no"], service_token).content, tmp_path, "own"))
    assert "作出承诺的人法定代表人王强" in words and "企业承诺（由法定代表人作出）" in words
    assert f"本人{HAOWEI[0]}承诺" not in words
    handled = commit(client, "XK001", HAOWEI, proxy=LIU_YANG)
    words = compact(pdf_text(letter(client, handled["commitment_no"], service_token).content, tmp_path, "handled"))
    assert "作出承诺的人经办人刘洋（受特别授权）" in words and "法定代表人王强" not in words
    person = commit(client, "ZM001", ZHANG_WEI)
    words = compact(pdf_text(letter(client, person["commitment_no"], service_token).content, tmp_path, "person"))
    assert "作出承诺的人申请人本人张伟" in words


# Requirement and principle numbers are the project's own shorthand; a citizen reading a document sees none.
INTERNAL_CODE = re.compile(r"(?<![0-9A-Za-z])[PR][0-9]{1,2}(?![0-9A-Za-z])")


def test_no_internal_codes_in_what_citizens_read(client, service_token, tmp_path):
    receipt = commit(client, "ZM001", ZHAO_QIANG, proxy=LIU_YANG)
    base = "/api/v1/catalogue/items"
    documents = {
        "letter": letter(client, receipt["commitment_no"], service_token).content,
        "guide": client.get(f"{base}/ZM001/guide.pdf").content,
        "template": client.get(f"{base}/ZM001/template.pdf").content,
        "excluded guide": client.get(f"{base}/XK101/guide.pdf").content,
    }
    for name, pdf in documents.items():
        found = INTERNAL_CODE.findall(pdf_text(pdf, tmp_path, name.replace(" ", "-")))
        assert not found, f"{name}: {found}"
    for page in (f"{base}/ZM001/guide", f"{base}/ZM001/template", f"{base}/XK101/guide"):
        html = client.get(page).text
        assert not INTERNAL_CODE.findall(re.sub(r"<[^>]+>", " ", html)), page


def test_letter_of_unknown_commitment_is_404(client, service_token):
    response = client.get("/api/v1/commitments/CN20990101-000001/letter.pdf", headers=service_token)
    assert response.status_code == 404 and response.json()["error"] == "unknown_commitment"


def letter(client, commitment_no: str, headers: dict | None = None):
    return client.get(f"/api/v1/commitments/{commitment_no}/letter.pdf", headers=headers or {})


def test_letter_is_not_public(client):
    # P5: the letter names a person; without credentials, or with a forged service token, nothing is served.
    no = commit(client)["commitment_no"]
    anonymous = letter(client, no)
    assert anonymous.status_code == 401 and anonymous.content[:4] != b"%PDF"
    forged = letter(client, no, {"X-Service-Token": "guessed"})
    assert forged.status_code == 401 and forged.content[:4] != b"%PDF"


def test_applicant_downloads_their_own_letter_and_no_one_elses(client, tmp_path):
    # P5: an applicant token reaches only that applicant's own commitments; another's looks like a missing one.
    mine = commit(client, "ZM001", ZHANG_WEI)["commitment_no"]
    theirs = commit(client, "ZM001", WANG_FANG)["commitment_no"]
    zhang = applicant_headers(client, ZHANG_WEI)

    own = letter(client, mine, zhang)
    assert own.status_code == 200, own.text
    assert mine in compact(pdf_text(own.content, tmp_path))

    other = letter(client, theirs, zhang)
    assert other.status_code == 404 and other.json()["error"] == "not_found"
    assert other.content[:4] != b"%PDF"
    missing = letter(client, "CN20990101-000001", zhang)
    assert missing.status_code == 404 and missing.json() == other.json()  # the same answer: nothing revealed


def test_officer_download_is_audit_logged_and_hotline_staff_are_refused(client, initialised, tmp_path):
    # P5: officers and admins may read any letter, and every such read of personal data is in the audit trail.
    no = commit(client)["commitment_no"]
    officer = staff_headers(client, initialised, "officer", "letter_officer")
    response = letter(client, no, officer)
    assert response.status_code == 200 and no in compact(pdf_text(response.content, tmp_path))

    admin = staff_headers(client, initialised, "admin")
    assert letter(client, no, admin).status_code == 200
    trail = client.get("/api/v1/audit", params={"action": "commitment.letter_download"}, headers=admin).json()["events"]
    assert [(e["actor"], e["role"], e["target"]) for e in trail][::-1] == [
        ("letter_officer", "officer", no),
        (trail[0]["actor"], "admin", no),
    ]
    assert ZHANG_WEI[1] not in str(trail)  # the audit trail masks the ID too

    staff = staff_headers(client, initialised, "staff")
    refused = letter(client, no, staff)
    assert refused.status_code == 403 and refused.json()["error"] == "forbidden"


def test_letter_shows_the_current_status_beside_the_signed_one(client, tmp_path):
    # The signed status never changes (P3); the letter also says where the lifecycle stands now (R17).
    no = commit(client)["commitment_no"]
    zhang = applicant_headers(client, ZHANG_WEI)
    withdrawn = client.post(f"/api/v1/me/commitments/{no}/withdraw", json={"reason": "已自行开具无房证明"}, headers=zhang)
    assert withdrawn.status_code == 200, withdrawn.text
    words = compact(pdf_text(letter(client, no, zhang).content, tmp_path))
    assert "签署时状态已受理" in words and "当前状态已撤回" in words
