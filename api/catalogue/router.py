from __future__ import annotations

from typing import Any, Dict, List

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from api.catalogue import service
from api.dependencies import get_session
from api.errors import ApiError

router = APIRouter(prefix="/catalogue", tags=["catalogue"])


def _unknown_item(code: str) -> ApiError:
    return ApiError(404, "unknown_item", f"清单中没有编号为 {code} 的事项。")


@router.get("/items")
def list_items(session: Session = Depends(get_session)) -> List[Dict[str, Any]]:
    return [service.public_view(v) for v in service.active_items(session)]


@router.get("/items/{code}")
def get_item(code: str, session: Session = Depends(get_session)) -> Dict[str, Any]:
    version = service.current_version(session, code)
    if version is None:
        raise _unknown_item(code)
    return service.public_view(version)


@router.get("/items/{code}/versions/{notice_version}")
def get_item_version(code: str, notice_version: str, session: Session = Depends(get_session)) -> Dict[str, Any]:
    # Old versions stay readable so anyone holding a receipt can read the exact notification they were given (P2).
    version = service.version_by_notice(session, code, notice_version)
    if version is None:
        raise ApiError(404, "unknown_notice_version", f"事项 {code} 没有该版本的告知书。")
    return service.public_view(version)
