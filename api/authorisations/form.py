"""A strict, bounded reader of ``multipart/form-data`` for the one upload of this module (a scanned letter).

The API has no multipart dependency, and the upload is small (``MAX_SCAN_BYTES``), so the body is read into
memory with a hard cap, then split on the boundary. The file's bytes are kept exactly as sent: their SHA-256 is
what the signed record keeps of the scan. Anything malformed is refused, never guessed at.
"""
from __future__ import annotations

from dataclasses import dataclass
from email.message import Message
from email.utils import collapse_rfc2231_value
from typing import Dict, Optional

from fastapi import Request

from api.errors import ApiError

MAX_SCAN_BYTES = 5 * 1024 * 1024
# The text fields and the multipart framing around the scan.
MAX_BODY_BYTES = MAX_SCAN_BYTES + 64 * 1024
MAX_PARTS = 20
MAX_FIELD_BYTES = 2000

# The scan's type by its first bytes, never by its name or the declared type.
MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


@dataclass(frozen=True)
class Part:
    name: str
    data: bytes
    filename: Optional[str] = None


def _invalid(message: str = "提交的表单格式不正确，请重新上传。") -> ApiError:
    return ApiError(400, "invalid_form", message)


def too_large() -> ApiError:
    return ApiError(413, "scan_too_large", "授权委托书扫描件不能超过 5 MB，请压缩后重新上传。")


def scan_type(data: bytes) -> Optional[str]:
    for magic, media_type in MAGIC:
        if data.startswith(magic):
            return media_type
    return None


async def read_body(request: Request) -> bytes:
    """The request body, refusing (413) as soon as it is longer than ``MAX_BODY_BYTES``."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > MAX_BODY_BYTES:
                raise too_large()
        except ValueError:
            raise _invalid() from None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise too_large()
    return bytes(body)


def _header_params(name: str, value: str) -> Message:
    message = Message()
    message[name] = value
    return message


def boundary_of(content_type: Optional[str]) -> bytes:
    header = _header_params("content-type", content_type or "")
    if header.get_content_type() != "multipart/form-data":
        raise ApiError(415, "multipart_required", "请以 multipart/form-data 表单上传授权委托书及其扫描件。")
    boundary = header.get_param("boundary")
    if not isinstance(boundary, str) or not 1 <= len(boundary) <= 70 or not boundary.isascii():
        raise _invalid()
    return boundary.encode("ascii")


def _part(raw: bytes) -> Part:
    if raw.startswith(b"\r\n"):
        raise _invalid()  # a part without Content-Disposition names no field
    end = raw.find(b"\r\n\r\n")
    if end < 0:
        raise _invalid()
    try:
        lines = raw[:end].decode("utf-8").split("\r\n")
    except UnicodeDecodeError:
        raise _invalid() from None
    disposition = None
    for line in lines:
        key, sep, value = line.partition(":")
        if not sep:
            raise _invalid()
        if key.strip().lower() == "content-disposition":
            disposition = value.strip()
    if disposition is None:
        raise _invalid()
    header = _header_params("content-disposition", disposition)
    if header.get_content_disposition() != "form-data":
        raise _invalid()
    name = header.get_param("name", header="content-disposition")
    filename = header.get_param("filename", header="content-disposition")
    name = collapse_rfc2231_value(name) if name is not None else None
    filename = collapse_rfc2231_value(filename) if filename is not None else None
    if not name:
        raise _invalid()
    return Part(name=name, data=raw[end + 4:], filename=filename)


def parse(content_type: Optional[str], body: bytes) -> Dict[str, Part]:
    """The parts of a multipart/form-data body by field name (each name at most once)."""
    dash = b"--" + boundary_of(content_type)
    if body.startswith(dash):
        pos = 0
    else:
        pos = body.find(b"\r\n" + dash)
        if pos < 0:
            raise _invalid()
        pos += 2
    parts: Dict[str, Part] = {}
    while True:
        pos += len(dash)
        if body[pos:pos + 2] == b"--":
            break  # the close delimiter; what follows is the epilogue
        line_end = body.find(b"\r\n", pos)
        if line_end < 0 or body[pos:line_end].strip(b" \t"):
            raise _invalid()
        start = line_end + 2
        following = body.find(b"\r\n" + dash, start)
        if following < 0:
            raise _invalid()
        part = _part(body[start:following])
        if part.name in parts or len(parts) >= MAX_PARTS:
            raise _invalid()
        parts[part.name] = part
        pos = following + 2
    return parts


def text_field(parts: Dict[str, Part], name: str, label: str) -> str:
    part = parts.get(name)
    if part is None or part.filename is not None:
        raise ApiError(422, "field_required", f"请填写{label}。")
    if len(part.data) > MAX_FIELD_BYTES:
        raise ApiError(422, "field_too_long", f"{label}过长，请核对后重新填写。")
    try:
        value = part.data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise ApiError(422, "field_encoding", f"{label}须为 UTF-8 文字。") from None
    if not value:
        raise ApiError(422, "field_required", f"请填写{label}。")
    return value
