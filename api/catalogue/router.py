from __future__ import annotations

from typing import Any, Dict, List

from fastapi import APIRouter

from api.catalogue import service
from api.catalogue.schemas import CatalogueItemView
from api.dependencies import SessionDep
from api.errors import ApiError

router = APIRouter(prefix="/catalogue", tags=["catalogue"])


def _unknown_item(code: str) -> ApiError:
    return ApiError(404, "unknown_item", f"清单中没有编号为 {code} 的事项。")


@router.get("/items", response_model=List[CatalogueItemView])
def list_items(session: SessionDep) -> List[Dict[str, Any]]:
    return [service.public_view(v) for v in service.active_items(session)]


@router.get("/items/{code}", response_model=CatalogueItemView)
def get_item(code: str, session: SessionDep) -> Dict[str, Any]:
    version = service.current_version(session, code)
    if version is None:
        raise _unknown_item(code)
    return service.public_view(version)


@router.get("/items/{code}/versions/{notice_version}", response_model=CatalogueItemView)
def get_item_version(code: str, notice_version: str, session: SessionDep) -> Dict[str, Any]:
    # Old versions stay readable so anyone holding a receipt can read the exact notification they were given (P2).
    version = service.version_by_notice(session, code, notice_version)
    if version is None:
        raise ApiError(404, "unknown_notice_version", f"事项 {code} 没有该版本的告知书。")
    return service.public_view(version)
