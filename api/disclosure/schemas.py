from __future__ import annotations

from typing import List

from pydantic import BaseModel


class DisclosedLetter(BaseModel):
    """What the public sees of one commitment letter, and nothing more (R15, P5)."""

    commitment_no: str  # so a member of the public can cite it in a complaint (R11)
    item_code: str
    item_name: str
    committed_on: str
    status: str
    status_label: str
    applicant: str  # an enterprise's registered name in full; a person's name masked (张*)
    applicant_id_masked: str
    disclosed_until: str  # the last day the letter is listed


class DisclosureList(BaseModel):
    as_of: str
    total: int
    letters: List[DisclosedLetter]
