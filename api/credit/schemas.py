from __future__ import annotations

from typing import List, Optional

from pydantic import BaseModel, ConfigDict, Field


class CreditCheckRequest(BaseModel):
    """POST, so the ID number never appears in a URL or an access log (P5)."""

    model_config = ConfigDict(extra="forbid")
    id_number: str = Field(min_length=1, max_length=40)


class CreditRecordOut(BaseModel):
    type: str
    severity: str
    occurred_on: str
    repaired_at: Optional[str]


class CreditCheckResponse(BaseModel):
    status: str
    records: List[CreditRecordOut]
