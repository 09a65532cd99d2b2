"""PAdES signature of the commitment letter PDF, with certificates from the platform's own CA.

The record's Ed25519/SM2 signatures prove the record; a PDF reader knows nothing of them. A PAdES signature
(ISO 32000 / ETSI EN 319 142, ``ETSI.CAdES.detached``) over the letter lets any standard reader show that the
file is the one the platform issued and has not been changed since. The certificate chain is the platform's:
a root CA and one letter-signing certificate issued by it, created on first use in ``pki/`` beside the other
keys (private keys 0600). The root is published at ``GET /api/v1/pki/ca.pem``; a reader trusts the letters
once that root is added to its trusted certificates.

Why not a public CA: a government platform's document-signing certificate comes from a licensed 电子认证服务
provider in production; the files here have the same layout, so such a certificate and key can be put in
``pki/`` instead (``letter-signer.pem``, ``letter-signer.key``, ``ca.pem`` with its chain).
"""
from __future__ import annotations

import os
import secrets
import shutil
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path
from typing import Optional

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

PKI_DIR_NAME = "pki"
CA_CERT = "ca.pem"
CA_KEY = "ca.key"
SIGNER_CERT = "letter-signer.pem"
SIGNER_KEY = "letter-signer.key"
FIELD_NAME = "PlatformSignature"
PLATFORM = "郑州市告知承诺制服务平台"
# RSA: every PDF reader in use verifies it (ECDSA support is still uneven among readers).
RSA_BITS = 3072


def pki_dir_for(signing_key_path: Path) -> Path:
    """Beside the signing keys, so whatever protects and backs those up covers the CA too."""
    return signing_key_path.parent / PKI_DIR_NAME


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, PLATFORM),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _private_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def _write(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, mode)  # whatever the umask


def _issue(directory: Path, now: datetime) -> None:
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    ca_name = _name(f"{PLATFORM} 根证书")
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * 20))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    signer_key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    signer_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(f"{PLATFORM} 电子承诺书签章"))
        .issuer_name(ca_name)
        .public_key(signer_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * 10))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(signer_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    _write(directory / CA_KEY, _private_pem(ca_key), 0o600)
    _write(directory / CA_CERT, ca_cert.public_bytes(serialization.Encoding.PEM), 0o644)
    _write(directory / SIGNER_KEY, _private_pem(signer_key), 0o600)
    _write(directory / SIGNER_CERT, signer_cert.public_bytes(serialization.Encoding.PEM), 0o644)


def ensure_pki(directory: Path) -> Path:
    """Create the CA and the letter-signing certificate unless ``directory`` exists; return ``directory``.

    Built in a temporary sibling and renamed into place, so several API processes starting together end up
    with one complete set: the first rename wins, the others throw theirs away."""
    if directory.is_dir():
        return directory
    directory.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = directory.with_name(f".{directory.name}.{secrets.token_hex(4)}.tmp")
    temp.mkdir(mode=0o700)
    try:
        _issue(temp, datetime.now(timezone.utc))
        try:
            os.rename(temp, directory)
        except OSError:
            if not directory.is_dir():
                raise
    finally:
        if temp.exists():
            shutil.rmtree(temp)
    return directory


def _signer_from(directory: Path):
    """pyHanko's SimpleSigner with the private key parsed once.

    SimpleSigner re-parses the key for every raw signature (twice per PDF: once to size the signature field),
    and parsing an RSA key checks it, which costs far more than signing (measured: 0.47 s a letter, 0.06 s with
    the key parsed once)."""
    from asn1crypto import keys, pem
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko.sign.general import get_pyca_cryptography_hash
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    private_key = serialization.load_pem_private_key((directory / SIGNER_KEY).read_bytes(), password=None)
    if not isinstance(private_key, rsa.RSAPrivateKey):
        raise ValueError(f"{directory / SIGNER_KEY}: the letter-signing key must be RSA")

    def certificates(path: Path):
        return [asn1_x509.Certificate.load(der) for _, _, der in pem.unarmor(path.read_bytes(), multiple=True)]

    class _Signer(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            if self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo != "rsassa_pkcs1v15":
                return super().sign_raw(data, digest_algorithm)
            return private_key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))

    der = private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    (signing_cert,) = certificates(directory / SIGNER_CERT)[:1]
    registry = SimpleCertificateStore()
    registry.register_multiple(certificates(directory / CA_CERT))
    return _Signer(signing_cert=signing_cert, signing_key=keys.PrivateKeyInfo.load(der), cert_registry=registry)


@dataclass
class LetterSigner:
    """Signs letter PDFs with the platform's letter-signing certificate (loaded once per process)."""

    directory: Path

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._signer = None

    @property
    def ca_pem(self) -> bytes:
        return (ensure_pki(self.directory) / CA_CERT).read_bytes()

    def _loaded(self):
        with self._lock:
            if self._signer is None:
                self._signer = _signer_from(ensure_pki(self.directory))
            return self._signer

    def sign(self, pdf: bytes, *, reason: str, location: str = "郑州", contact: Optional[str] = None) -> bytes:
        """The PDF with an incremental update holding a PAdES baseline signature over all of it."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers

        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason,
            location=location,
            contact_info=contact,
            name=PLATFORM,
        )
        writer = IncrementalPdfFileWriter(BytesIO(pdf))
        return signers.sign_pdf(writer, meta, signer=self._loaded()).getvalue()


def letter_signer_for(signing_key_path: Path) -> LetterSigner:
    return LetterSigner(pki_dir_for(signing_key_path))
