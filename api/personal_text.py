"""Free text typed by people never keeps a full ID number at rest (P5).

Structured ID numbers are sealed (``api.commitments.sealed``) or reduced to the keyed blind index
(``api.credit.service.id_hash``). Free text is different: a citizen may write "举报 410105199001011233 的承诺不实"
in a complaint, a withdrawal reason or an objection; an officer may paste one into findings, a conclusion, a
note, or a message to the citizen in a handoff. For those columns the decision is to MASK, not to seal:

- the full number is never needed from free text: every record it belongs to is reached through a structured
  field (the commitment number, whose applicant ID is sealed in the signed record; the integrity file's blind
  index; the complainant's phone), so keeping it would only keep personal data nobody may use (data
  minimisation);
- masking keeps the text readable by every reader (console, exports, audit) with no key and no change to any
  reader, and it cannot fail to open;
- ``ids.mask_id`` keeps the first and last four characters, which is what staff see everywhere else (P5).

Only what is an ID is masked: an 18-character token (spaces or hyphens between groups allowed) whose shape is a
居民身份证号 or a 统一社会信用代码 and whose check character is right (``bot.core.ids``), so case numbers,
amounts and dates in the text stay as written. A number read out in Chinese digits is not recognised here (the
chat's own extractor handles those before anything reaches the API). Phone numbers are not masked: a complaint
or a note may legitimately carry a number to call back.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from sqlalchemy import JSON, Text
from sqlalchemy.types import TypeDecorator

from api.jsonmap import map_leaves
from bot.core import ids

# Candidates: 18 letters/digits, optionally in groups separated by one space or hyphen, not inside a longer token.
_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z](?:[ \-]?[0-9A-Za-z]){17}(?![0-9A-Za-z])")


def _is_id(value: str) -> bool:
    value = value.upper()
    if re.fullmatch(r"\d{17}[\dX]", value):
        return ids.check_resident_id(value) is None
    return ids.check_uscc(value) is None


def mask_ids(text: Optional[str]) -> Optional[str]:
    """``text`` with every valid resident ID and USCC replaced by its masked form (``4101**********1233``)."""
    if not text:
        return text

    def _mask(match: "re.Match[str]") -> str:
        token = match.group(0)
        compact = re.sub(r"[ \-]", "", token)
        return ids.mask_id(compact.upper()) if _is_id(compact) else token

    masked = _CANDIDATE.sub(_mask, text)
    # A token is matched once; a grouped number can hide a valid ID that starts later within it ("电话 139 …").
    # A second pass over exact 18-character tokens catches what the grouped match skipped.
    return re.sub(r"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])", _mask, masked)


class IdMaskedText(TypeDecorator):
    """A TEXT column whose stored value has ID numbers masked (see the module docstring). Same SQL type as
    ``Text``, so no schema change; migration 0008 masks what was stored before."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> Any:
        return mask_ids(value) if isinstance(value, str) else value


def mask_ids_in(value: Any) -> Any:
    """``mask_ids`` applied to every string inside a JSON value."""
    return map_leaves(value, lambda leaf: mask_ids(leaf) if isinstance(leaf, str) else leaf)


class IdMaskedJSON(TypeDecorator):
    """A JSON column whose strings have ID numbers masked: what an external shared-data adapter reports as
    evidence, what an objection's correction changed (descriptions written by people)."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> Any:
        return mask_ids_in(value)
