"""The commitment letter PDF carries a PAdES signature from the platform's own CA.

Validated as a PDF reader would, with pyhanko-certvalidator, trusting nothing but the root certificate the API
publishes at /api/v1/pki/ca.pem; one byte changed in the signed range, or another root, and it fails.
"""
from __future__ import annotations

import re
import stat
from io import BytesIO

import pytest
from asn1crypto import pem, x509
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko_certvalidator import ValidationContext

from api.signing import pades
from tests.api.helpers import commitment_body


@pytest.fixture
def service_token(client) -> dict:
    return {"X-Service-Token": client.app.state.service_token}


def _letter(client, service_token) -> bytes:
    response = client.post("/api/v1/commitments", json=commitment_body(client))
    assert response.status_code == 201, response.text
    no = response.json()["commitment_no"]
    letter = client.get(f"/api/v1/commitments/{no}/letter.pdf", headers=service_token)
    assert letter.status_code == 200, letter.text
    assert letter.headers["content-type"] == "application/pdf"
    return letter.content


def _root(pem_bytes: bytes) -> x509.Certificate:
    _, _, der = pem.unarmor(pem_bytes)
    return x509.Certificate.load(der)


def _status(pdf: bytes, root: x509.Certificate):
    signatures = PdfFileReader(BytesIO(pdf)).embedded_signatures
    assert len(signatures) == 1
    return validate_pdf_signature(signatures[0], ValidationContext(trust_roots=[root]))


@pytest.fixture
def letter_and_root(client, service_token):
    pdf = _letter(client, service_token)
    ca = client.get("/api/v1/pki/ca.pem")
    assert ca.status_code == 200
    assert ca.headers["content-type"].startswith("application/x-pem-file")
    return pdf, _root(ca.content)


def test_the_letter_signature_is_valid_and_trusted_through_the_published_root(letter_and_root):
    pdf, root = letter_and_root
    status = _status(pdf, root)
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert status.coverage.name == "ENTIRE_FILE"
    # PAdES baseline (ETSI.CAdES.detached), signed by the platform's letter certificate issued by that root.
    assert b"/ETSI.CAdES.detached" in pdf
    assert "电子承诺书签章" in status.signing_cert.subject.human_friendly
    assert status.signing_cert.issuer == root.subject
    assert status.md_algorithm == "sha256"


def _signed_range(pdf: bytes):
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    assert match
    return [int(v) for v in match.groups()]


def test_one_byte_changed_in_the_signed_range_fails(letter_and_root):
    pdf, root = letter_and_root
    start, first_length, second_start, second_length = _signed_range(pdf)
    assert start == 0 and second_start + second_length == len(pdf)
    # A byte of the letter's own text objects: the document title in the Info dictionary, well inside the range.
    title_at = pdf.index(b"/Creator")
    assert title_at < first_length
    changed = bytearray(pdf)
    changed[title_at + 3] ^= 0x01  # "/Crfator": still a readable PDF, so the digest is what fails
    status = _status(bytes(changed), root)
    assert not status.intact and not status.bottom_line  # the document digest no longer matches
    for position in (first_length // 2, first_length - 1, second_start + 5, len(pdf) - 20):
        changed = bytearray(pdf)
        changed[position] ^= 0x01
        try:
            status = _status(bytes(changed), root)
        except (PdfReadError, SignatureValidationError, ValueError, KeyError):
            continue  # no longer readable as a signed PDF: failed as well
        assert not status.bottom_line, position


def test_another_root_does_not_vouch_for_the_letter(letter_and_root, tmp_path):
    pdf, _ = letter_and_root
    stranger = pades.ensure_pki(tmp_path / "other-pki")
    status = _status(pdf, _root((stranger / pades.CA_CERT).read_bytes()))
    assert status.intact  # the bytes are unchanged ...
    assert not status.trusted and not status.bottom_line  # ... but nobody we trust signed them


def test_the_ca_is_created_once_beside_the_keys_with_private_keys_0600(client, initialised, service_token):
    _letter(client, service_token)
    directory = pades.pki_dir_for(initialised.signing_key_path)
    assert directory.parent == initialised.signing_key_path.parent
    for name in (pades.CA_KEY, pades.SIGNER_KEY):
        assert stat.S_IMODE((directory / name).stat().st_mode) == 0o600
    assert client.get("/api/v1/pki/ca.pem").content == (directory / pades.CA_CERT).read_bytes()
    # Called again (another process, a restart): the same CA, not a new one.
    before = (directory / pades.CA_CERT).read_bytes()
    pades.ensure_pki(directory)
    assert (directory / pades.CA_CERT).read_bytes() == before
    assert [p.name for p in directory.parent.iterdir() if p.name.startswith(".pki")] == []


def test_the_signing_certificate_is_an_end_entity_for_signatures_only(tmp_path):
    directory = pades.ensure_pki(tmp_path / "pki")
    _, _, der = pem.unarmor((directory / pades.SIGNER_CERT).read_bytes())
    cert = x509.Certificate.load(der)
    assert cert.ca is False
    assert set(cert.key_usage_value.native) == {"digital_signature", "non_repudiation"}
    root = _root((directory / pades.CA_CERT).read_bytes())
    assert root.ca is True and root.max_path_length == 0
