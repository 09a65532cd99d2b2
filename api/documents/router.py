"""Documents for reading and download (R10): guides and templates (public), signed commitment letters (P5)."""
from __future__ import annotations

from typing import Annotated, Optional
from urllib.parse import quote

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from api.catalogue import service as catalogue
from api.catalogue.models import ItemVersion
from api.commitments.models import Commitment
from api.dependencies import SessionDep, SettingsDep
from api.documents import service
from api.documents.dependencies import readable_letter
from api.documents.fonts import FontUnavailable
from api.documents.html import render_html
from api.documents.model import Document
from api.documents.pdf import render_pdf, sign_letter_pdf
from api.errors import ApiError
from api.signing.pades import LetterSigner
from api.signing.router import LetterSignerDep

router = APIRouter(tags=["documents"])

# Public documents change only with a new catalogue version; personal ones must never sit in a shared cache.
PUBLIC_CACHE = "public, max-age=300"
PRIVATE_CACHE = "no-store"


def _current(session: Session, code: str) -> ItemVersion:
    version = catalogue.current_version(session, code)
    if version is None:
        raise ApiError(404, "unknown_item", f"清单中没有编号为 {code} 的事项。")
    return version


def _template(version: ItemVersion) -> Document:
    try:
        return service.template(version)
    except service.NoTemplate:
        # R2: an excluded item has no commitment letter; its guide lists the normal procedure's proofs.
        raise ApiError(
            404, "no_template", f"事项 {version.item_code} 不适用告知承诺制，没有告知承诺书；请查看办事指南了解所需材料。"
        ) from None


def _html(document: Document) -> HTMLResponse:
    return HTMLResponse(render_html(document), headers={"Cache-Control": PUBLIC_CACHE})


def _pdf(document: Document, cache: str = PUBLIC_CACHE, signer: Optional[LetterSigner] = None) -> Response:
    try:
        body = render_pdf(document)
    except FontUnavailable as exc:
        raise ApiError(503, "pdf_font_missing", str(exc)) from exc
    if signer is not None:
        # PAdES: a standard PDF reader shows the letter as signed by the platform and unchanged since.
        body = sign_letter_pdf(signer, body, document)
    # filename* carries the Chinese title for browsers; filename is the ASCII fallback.
    disposition = f"inline; filename=\"{document.filename}.pdf\"; filename*=UTF-8''{quote(document.title + '.pdf')}"
    return Response(body, media_type="application/pdf", headers={"Content-Disposition": disposition, "Cache-Control": cache})


@router.get("/catalogue/items/{code}/guide", response_class=HTMLResponse)
def guide_html(code: str, session: SessionDep) -> HTMLResponse:
    """办事指南 of the item's current version (R10)."""
    return _html(service.guide(_current(session, code)))


@router.get("/catalogue/items/{code}/guide.pdf", response_class=Response)
def guide_pdf(code: str, session: SessionDep) -> Response:
    return _pdf(service.guide(_current(session, code)))


@router.get("/catalogue/items/{code}/template", response_class=HTMLResponse)
def template_html(code: str, session: SessionDep) -> HTMLResponse:
    """告知承诺书格式文本: the seven notice sections of the current version and the statement to sign (R10, R6, R7)."""
    return _html(_template(_current(session, code)))


@router.get("/catalogue/items/{code}/template.pdf", response_class=Response)
def template_pdf(code: str, session: SessionDep) -> Response:
    return _pdf(_template(_current(session, code)))


@router.get("/commitments/{commitment_no}/letter.pdf", response_class=Response)
def letter_pdf(
    commitment: Annotated[Commitment, Depends(readable_letter)],
    settings: SettingsDep,
    signer: LetterSignerDep,
) -> Response:
    """The signed commitment letter of a receipt, with its fingerprint and a QR code of ``verify_url`` (R10, P3, P5)."""
    return _pdf(service.letter(commitment, settings.public_base_url), PRIVATE_CACHE, signer)
