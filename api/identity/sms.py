"""SMS gateways: where a one-time code goes.

- ``OutboxGateway`` (embedded profile, the default): appends every message to a JSON-lines file (``to``,
  ``text``, ``code``, ``at``), created with mode 0600, so a developer or a test reads the code there. It stands in
  for the phone; it is not a way to deliver codes in production.
- ``HttpSmsGateway`` (production): POSTs ``{"to": ..., "text": ...}`` as JSON to the operator's SMS service,
  with ``Authorization: Bearer <credential>``; the credential is read from a file named in the environment
  (``GZ_SMS_GATEWAY_CREDENTIALS_PATH``), never from a command line or the environment itself. Any answer but
  2xx, or no answer within the timeout, is a failed delivery.

Which one runs: ``GZ_SMS_GATEWAY_URL`` set -> HTTP, otherwise the outbox (``GZ_SMS_OUTBOX_PATH``, default
``sms-outbox.jsonl`` in the var dir).
"""
from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional, Protocol

import httpx

from api.clock import utc


@dataclass(frozen=True)
class SmsMessage:
    to: str  # the 11-digit mobile number
    text: str  # the exact text the person receives
    code: str  # the code inside the text; only the outbox writes it out on its own
    at: datetime


class SmsDeliveryError(RuntimeError):
    """The gateway did not accept the message."""


class SmsGateway(Protocol):
    name: str  # recorded with each code and as the verifier of the assurance

    def send(self, message: SmsMessage) -> None:
        """Hand the message over, or raise ``SmsDeliveryError``."""


class OutboxGateway:
    name = "sms-outbox"

    def __init__(self, path: Path) -> None:
        self.path = path

    def send(self, message: SmsMessage) -> None:
        line = json.dumps(
            {"to": message.to, "text": message.text, "code": message.code, "at": utc(message.at).isoformat()},
            ensure_ascii=False,
        )
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.fchmod(fd, 0o600)  # also when the file existed with looser rights
            fcntl.flock(fd, fcntl.LOCK_EX)  # several API workers append to one file, whole lines only
            os.write(fd, (line + "\n").encode("utf-8"))
        except OSError as exc:
            raise SmsDeliveryError(f"outbox {self.path}: {exc.strerror}") from exc
        finally:
            os.close(fd)


class HttpSmsGateway:
    def __init__(self, url: str, credentials_path: Path, timeout_seconds: float = 5.0) -> None:
        self.url = url
        self.credentials_path = credentials_path
        self.timeout_seconds = timeout_seconds
        self.name = f"sms-http:{httpx.URL(url).host}"

    def _credential(self) -> str:
        # Read at every send, so rotating the file needs no restart.
        try:
            credential = self.credentials_path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SmsDeliveryError(f"SMS gateway credentials {self.credentials_path}: {exc.strerror}") from exc
        if not credential:
            raise SmsDeliveryError(f"SMS gateway credentials {self.credentials_path} are empty")
        return credential

    def send(self, message: SmsMessage) -> None:
        headers = {"Authorization": f"Bearer {self._credential()}"}
        try:
            response = httpx.post(
                self.url, json={"to": message.to, "text": message.text}, headers=headers, timeout=self.timeout_seconds
            )
        except httpx.HTTPError as exc:
            raise SmsDeliveryError(f"SMS gateway unreachable: {type(exc).__name__}") from exc
        if not response.is_success:
            raise SmsDeliveryError(f"SMS gateway answered HTTP {response.status_code}")


def make_gateway(
    url: Optional[str], credentials_path: Optional[Path], outbox_path: Path, timeout_seconds: float = 5.0
) -> SmsGateway:
    if url:
        if credentials_path is None:
            raise SmsDeliveryError("GZ_SMS_GATEWAY_URL is set but GZ_SMS_GATEWAY_CREDENTIALS_PATH is not")
        return HttpSmsGateway(url, credentials_path, timeout_seconds)
    return OutboxGateway(outbox_path)
