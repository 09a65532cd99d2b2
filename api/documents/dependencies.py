"""Who may download a signed commitment letter (P5).

The letter carries a person's name, their (masked) ID and the evidence of a legal act, so unlike the guide and
the template (R10, public) it is served only to:

- the applicant who made it (applicant token): a stranger's letter looks exactly like a missing one (404
  ``not_found``), as everywhere else an applicant asks about a commitment (``api.commitments.status``);
- officers and administrators: every download is a staff read of personal data and is audit-logged;
- the action server (``X-Service-Token``), which hands the letter to the applicant it is talking to.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from api.auth.dependencies import require_roles
from api.auth.service import APPLICANT, SERVICE, Principal
from api.commitments import status as commitment_status
from api.commitments.models import Commitment
from api.dependencies import SessionDep
from api.errors import ApiError

LETTER_READERS = (APPLICANT, "officer", "admin", SERVICE)
AUDIT_ACTION = "commitment.letter_download"


def readable_letter(
    commitment_no: str,
    session: SessionDep,
    principal: Annotated[Principal, Depends(require_roles(*LETTER_READERS))],
) -> Commitment:
    """The commitment whose letter the caller may read. A staff member's read is audited: the row is committed
    with the request's transaction, before the letter is sent."""
    if principal.role == APPLICANT:
        return commitment_status.find_for_applicant(session, principal, commitment_no)
    commitment = commitment_status.by_number(session, commitment_no)
    if commitment is None:
        raise ApiError(404, "unknown_commitment", f"没有编号为 {commitment_no} 的承诺记录。")
    if principal.role != SERVICE:
        commitment_status.audit_read(session, principal, AUDIT_ACTION, commitment)
    return commitment
