"""The API's one settings object (pydantic-settings, environment prefix ``GZ_``).

Every setting has a working default for a developer checkout, so ``python -m api.cli init`` and
``uvicorn --factory api.main:create_app`` run with nothing set; production sets the environment.
"""
from __future__ import annotations

from functools import lru_cache
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Optional, Tuple, Union

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.evidence import EVIDENCE_KEY_FILE

REPO_ROOT = Path(__file__).resolve().parents[1]
IPNetwork = Union[IPv4Network, IPv6Network]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GZ_", extra="ignore")

    # SQLite file for development; PostgreSQL in production, e.g. postgresql+psycopg://user:pw@host/db
    database_url: str = f"sqlite:///{REPO_ROOT / 'var' / 'api.db'}"
    # Ed25519 private key that signs every commitment (P3); created with mode 0600 on first use.
    signing_key_path: Path = REPO_ROOT / "var" / "keys" / "platform_ed25519.pem"
    # Public keys the platform signed with before a rotation (P3), one ``<key id, ':' as '_'>.pem`` each, so
    # old receipts keep verifying. Unset: ``retired/`` beside the signing key. Written by rotate-signing-key.
    retired_keys_dir: Optional[Path] = None
    # 32 random bytes for the HMAC-SHA256 that keys integrity files (R16) so raw ID numbers are never a lookup key (P5).
    id_hash_key_path: Path = REPO_ROOT / "var" / "keys" / "id_hash.key"
    # AES-256-GCM data key ring (bot/core/sealing.py): ID numbers are encrypted at rest (P5), in the API's
    # commitments and in Rasa's tracker store; created with mode 0600 on first use. Never in the repository.
    data_key_path: Path = REPO_ROOT / "var" / "keys" / "data.key"
    # Base of the verification link printed on every receipt (P3).
    public_base_url: str = "http://127.0.0.1:8800"
    # Where browsers reach Rasa's socket.io channel: the website widget on the portal page (/) connects here.
    rasa_public_url: str = "http://127.0.0.1:5005"
    # Where the catalogue YAML lives (R1); relative paths are taken from the repository root.
    catalogue_dir: Path = Path("data/catalogue/items")
    # Where the API keeps its own files (keys, demo_accounts.txt). Unset: the directory above the signing key's
    # directory (var/ for the default var/keys/...), so a deployment or a test that moves the keys moves it all.
    var_dir: Optional[Path] = None
    # HS256 secret of staff and applicant tokens; created with mode 0600 on first use. Default var/keys/jwt.secret.
    jwt_secret_path: Optional[Path] = None
    # The action server's credential (header X-Service-Token); created 0600 on first use. Default var/keys/service.token.
    service_token_path: Optional[Path] = None
    # Staff tokens last one working day; an applicant token one sitting (P5: short-lived access to personal data).
    staff_token_hours: int = Field(8, ge=1, le=24)
    applicant_token_minutes: int = Field(60, ge=5, le=240)
    # Login rate limit per username and client address: this many failures within the window -> 429.
    # The limits and lifetimes below carry bounds: a 0 or a negative number typed into the environment would
    # switch a protection off or lock everybody out, so the API refuses to start with one instead.
    login_max_failures: int = Field(5, ge=1)
    login_window_seconds: int = Field(300, ge=60, le=86400)
    # The same window, wider scopes: one username (or applicant ID) from any address, so guesses spread over
    # many addresses still stop; one address over any usernames; and everything, so a campaign spread over
    # both is slowed too (it slows everybody's sign-in while it lasts, which is the point).
    login_account_max_failures: int = Field(20, ge=1)
    login_address_max_failures: int = Field(50, ge=1)
    login_global_max_failures: int = Field(500, ge=1)
    # Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or networks, e.g.
    # "10.0.0.0/8,192.0.2.7"). Empty: the client address is the socket peer, whatever a header claims.
    trusted_proxies: str = ""
    # R11 / 五(四) 投诉举报要及时处理: the deadline of a complaint ticket, in working days (工作日).
    complaint_due_working_days: int = 15
    # R12: the online-verification adapter, package.module.ClassName (api.verification.shared_data explains the
    # contract). The shipped one reads the local shared-data tables seeded by seed-demo.
    shared_data_adapter: str = "api.verification.shared_data.LocalSharedDataAdapter"
    # R16 / 五(七) 异议处理: an objection to an integrity-file record is answered within this many working days.
    objection_working_days: int = 10
    # R6 on the phone: a hotline "已宣读" tick sooner than a section's length at this speaking rate (characters
    # per minute, the quick end of normal speech) asks the staff member to confirm the section was read whole.
    hotline_read_chars_per_minute: int = 300
    # Channel evidence (bot/core/evidence.py): the HMAC key the Rasa server's channels sign user messages and
    # notice deliveries with; the API recomputes every MAC. Unset: keys/channel-evidence.key under the var dir.
    evidence_key_path: Optional[Path] = None
    # How far the affirmation's signed time may be from the API's clock when the commitment arrives.
    evidence_clock_skew_seconds: int = 300
    # R6: the least time between the last notice section reaching the person and their "已阅读".
    min_reading_seconds: int = 15
    # The channels whose evidence the API accepts (comma-separated in GZ_CHANNELS).
    channels: str = "rest,socketio,wechat,hotline"
    # Identity (api/identity): one-time codes sent by SMS to the real-name (实名) mobile number. Codes are stored
    # only as an HMAC with this key. Unset: keys/otp.key under the var dir (created 0600).
    otp_key_path: Optional[Path] = None
    otp_ttl_seconds: int = Field(300, ge=60, le=900)
    # Wrong codes typed back before a code is locked; then a new code must be requested.
    otp_max_wrong_tries: int = Field(5, ge=1, le=10)
    # Least time between two codes for one ID; at most this many codes per ID, phone and client in the window.
    otp_resend_seconds: int = Field(60, ge=0)
    otp_window_seconds: int = Field(3600, ge=60)
    otp_max_per_id: int = Field(5, ge=1)
    otp_max_per_phone: int = Field(5, ge=1)
    otp_max_per_client: int = Field(20, ge=1)
    # The SMS gateway: an HTTP service when the URL is set (bearer credential read from the file), else the
    # embedded outbox file (unset: sms-outbox.jsonl in the var dir, 0600) that stands in for the phone.
    sms_gateway_url: Optional[str] = None
    sms_gateway_credentials_path: Optional[Path] = None
    sms_gateway_timeout_seconds: float = 5.0
    sms_outbox_path: Optional[Path] = None
    # How long an identity check vouches for the person in its conversation (personal data, a commitment's
    # signer), and how long after its code an act confirmation (意愿认证) may still sign that act.
    identity_session_seconds: int = 1800
    act_confirmation_seconds: int = 600

    @field_validator("database_url")
    @classmethod
    def _psycopg3(cls, value: str) -> str:
        # The API ships psycopg 3 only; a plain postgresql:// URL would make SQLAlchemy look for psycopg2.
        for plain in ("postgresql://", "postgres://"):
            if value.startswith(plain):
                return "postgresql+psycopg://" + value[len(plain):]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        _parse_networks(value)  # a typo must stop the start, not silently trust nobody (or everybody)
        return value

    @property
    def trusted_proxy_networks(self) -> Tuple[IPNetwork, ...]:
        return _parse_networks(self.trusted_proxies)

    @property
    def var_path(self) -> Path:
        return self.var_dir if self.var_dir is not None else self.signing_key_path.parent.parent

    @property
    def retired_keys_path(self) -> Path:
        return self.retired_keys_dir if self.retired_keys_dir is not None else self.signing_key_path.parent / "retired"

    @property
    def jwt_secret_file(self) -> Path:
        return self.jwt_secret_path or self.var_path / "keys" / "jwt.secret"

    @property
    def service_token_file(self) -> Path:
        return self.service_token_path or self.var_path / "keys" / "service.token"

    @property
    def evidence_key_file(self) -> Path:
        return self.evidence_key_path or self.var_path / "keys" / EVIDENCE_KEY_FILE

    @property
    def channel_names(self) -> frozenset[str]:
        return frozenset(name.strip() for name in self.channels.split(",") if name.strip())

    @property
    def demo_accounts_file(self) -> Path:
        return self.var_path / "demo_accounts.txt"

    @property
    def catalogue_path(self) -> Path:
        return self.catalogue_dir if self.catalogue_dir.is_absolute() else REPO_ROOT / self.catalogue_dir


def _parse_networks(value: str) -> Tuple[IPNetwork, ...]:
    return tuple(ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip())


@lru_cache
def get_settings() -> Settings:
    return Settings()
