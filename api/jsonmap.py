"""One walk over a JSON value (dicts, lists, leaves) for the API's rewrites of stored or hashed JSON."""
from __future__ import annotations

from typing import Any, Callable


def map_leaves(value: Any, leaf: Callable[[Any], Any]) -> Any:
    """``value`` with ``leaf`` applied to every value inside it that is not a dict or a list (keys kept)."""
    if isinstance(value, dict):
        return {k: map_leaves(v, leaf) for k, v in value.items()}
    if isinstance(value, list):
        return [map_leaves(v, leaf) for v in value]
    return leaf(value)
