from __future__ import annotations

from typing import Any, Dict, List, Optional

from pydantic import BaseModel, ConfigDict, Field

_Strict = ConfigDict(extra="forbid")


class ItemEdit(BaseModel):
    model_config = _Strict
    # The item's YAML fields (bot.core.catalogue.parse_item checks them); None for a preview of the file as is.
    content: Optional[Dict[str, Any]] = None


class ItemPublish(BaseModel):
    model_config = _Strict
    content: Dict[str, Any]
    # file_hash the editor loaded; a file changed since by someone else is refused (409 edit_conflict).
    base_hash: Optional[str] = None


class InboxAssign(BaseModel):
    model_config = _Strict
    intent: Optional[str] = Field(None, max_length=64)
    item_code: Optional[str] = Field(None, max_length=16)
    # What to write (the masked text the inbox showed, possibly edited by the admin).
    text: str = Field(min_length=1, max_length=300)
    # Move the example from another intent that has it, instead of refusing.
    move: bool = False


class ExamplesEdit(BaseModel):
    model_config = _Strict
    examples: List[str]
    base_hash: Optional[str] = None


class ExampleAdd(BaseModel):
    model_config = _Strict
    text: str = Field(min_length=1, max_length=300)
    move: bool = False


class BlockCreate(BaseModel):
    model_config = _Strict
    name: str = Field(min_length=1, max_length=64)
    examples: List[str]


class JobStart(BaseModel):
    model_config = _Strict
    kind: str = Field("train", pattern="^(train)$")


class Activate(BaseModel):
    model_config = _Strict
    force: bool = False
    reason: Optional[str] = Field(None, max_length=500)


class TrySentences(BaseModel):
    model_config = _Strict
    # One sentence per entry; the first five non-empty ones are read (trial.MAX_SENTENCES).
    texts: List[str] = Field(min_length=1, max_length=20)
