"""CHECK constraints written from the Python constants they enforce, so each list of values has one home.

The SQL text is exactly what the migrations created (``column IN ('a', 'b')``); the models only describe it.
"""
from __future__ import annotations

from typing import Sequence

from sqlalchemy import CheckConstraint


def one_of(column: str, values: Sequence[str], *, nullable: bool = False) -> CheckConstraint:
    """``column`` holds one of ``values`` (or, with ``nullable``, nothing); the constraint is named after it."""
    allowed = f"{column} IN ({', '.join(repr(value) for value in values)})"
    return CheckConstraint(f"{column} IS NULL OR {allowed}" if nullable else allowed, name=column)
