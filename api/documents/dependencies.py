"""Who may download a signed commitment letter (P5).

The letter carries a person's name, the (masked) ID and the evidence of a legal act, so it is not public like the
guide and the template (R10). Until ``api/auth`` (applicant tokens, staff roles, audit log) is in the tree, only
the action server may fetch it, with the ``X-Service-Token`` header the shared decisions specify: the token file
(``GZ_SERVICE_TOKEN_PATH``, default ``var/keys/service.token``) is created by the auth package, never here, so
without that file every request is refused.
"""
from __future__ import annotations

import hmac
import os
from pathlib import Path
from typing import Optional

from fastapi import Header

from api.config import REPO_ROOT
from api.errors import ApiError

DEFAULT_SERVICE_TOKEN_PATH = REPO_ROOT / "var" / "keys" / "service.token"


def _service_token() -> Optional[str]:
    path = Path(os.environ.get("GZ_SERVICE_TOKEN_PATH") or DEFAULT_SERVICE_TOKEN_PATH)
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return token or None


def letter_reader(x_service_token: Optional[str] = Header(default=None)) -> str:
    """The caller's role for a letter download; refuses everyone but the service client for now."""
    expected = _service_token()
    if not x_service_token:
        raise ApiError(401, "unauthenticated", "下载承诺书须先登录。")
    if expected is None or not hmac.compare_digest(x_service_token.encode(), expected.encode()):
        raise ApiError(403, "forbidden", "无权下载该承诺书。")
    return "service"
