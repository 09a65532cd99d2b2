"""Which commitment letters are public today, and what of them is shown (R15, 五(六), P5).

- Only items marked ``public: true`` in the catalogue version the applicant was shown; that version's
  ``disclosure_days`` is the period notice section 7 told them about (P2), counted in days from the day of
  the commitment (for a licence, the day of the on-the-spot decision, R8). On the day the period ends the
  letter leaves the list.
- A withdrawn commitment is not listed: it no longer stands behind any decision (R17), and publishing it
  would expose the applicant for nothing. A revoked one stays, with its status, for the rest of the period:
  that is the social supervision the policy asks for.
- Shown: exactly ``bot.core.catalogue.PUBLISHED_FIELDS`` - item, date, status, the enterprise's registered
  name or a person's masked name (张*), the masked ID, the commitment number, the last day listed. Notice
  section 7 of every public item enumerates the same fields (the catalogue loader refuses one that promises
  more or less), so what the applicant was told is what the public sees. Not shown: the full name of a
  person, the full ID, phone, proxy, evidence.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Dict, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.catalogue import service as catalogue
from api.catalogue.models import ItemVersion
from api.clock import china_date, utc
from api.commitments.lifecycle import STATUS_LABELS
from api.commitments import sealed
from api.commitments.models import Commitment
from api.credit.service import masked_name
from bot.core import ids
from bot.core.catalogue import PUBLISHED_KEYS, Item


def public_versions(session: Session) -> Dict[int, Item]:
    """Item versions that are public, by id (the catalogue is small; the JSON is read in Python so the
    query is the same on SQLite and PostgreSQL)."""
    versions = session.scalars(select(ItemVersion)).all()
    return {v.id: item for v in versions if (item := catalogue.as_item(v)).public and item.disclosure_days}


def disclosed_letters(
    session: Session, now: datetime, *, item_code: Optional[str] = None
) -> List[Dict[str, Any]]:
    now = utc(now)
    today = china_date(now)
    items = public_versions(session)
    if not items:
        return []
    longest = max(item.disclosure_days or 0 for item in items.values())
    query = (
        select(Commitment)
        .where(
            Commitment.item_version_id.in_(items.keys()),
            Commitment.current_status != "withdrawn",
            # A cheap bound in the database; the exact per-item period is applied below.
            Commitment.created_at >= now - timedelta(days=longest + 1),
        )
        .order_by(Commitment.seq.desc())
    )
    if item_code:
        query = query.where(Commitment.item_code == item_code.strip().upper())
    letters = []
    for commitment in session.scalars(query):
        item = items[commitment.item_version_id]
        committed_on = china_date(commitment.created_at)
        ends: date = committed_on + timedelta(days=item.disclosure_days or 0)
        if not committed_on <= today < ends:
            continue
        applicant = sealed.payload_of(commitment)["applicant"]
        subject_type = "enterprise" if applicant.get("id_type") == "uscc" else "person"
        letter = {
            "commitment_no": commitment.commitment_no,
            "item_code": commitment.item_code,
            "item_name": item.name,
            "committed_on": committed_on.isoformat(),
            "status": commitment.current_status,
            "status_label": STATUS_LABELS[commitment.current_status],
            "applicant": masked_name(applicant["name"], subject_type),
            "applicant_id_masked": ids.mask_id(applicant["id_number"]),
            "disclosed_until": (ends - timedelta(days=1)).isoformat(),
        }
        letters.append({key: letter[key] for key in PUBLISHED_KEYS})
    return letters
