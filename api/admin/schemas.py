from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

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


# --- responses ---------------------------------------------------------------------------------------------
# Each model lists every key the console reads today; a response model drops keys it does not declare.


class OmitUnset(BaseModel):
    """Some payloads carry a key only in some rows (a warning names ``synonym`` or ``intent``, a compared field
    has ``added`` only when it is a list). Such rows leave out what they did not set instead of sending null,
    so the JSON stays exactly what the service built."""

    @model_serializer(mode="wrap")
    # No return annotation: pydantic would describe the output by it (an untyped object) instead of the fields.
    def _omit_unset(self, handler: SerializerFunctionWrapHandler):
        data = handler(self)
        fields = type(self).model_fields
        kept = set(self.model_fields_set) | {fields[n].alias for n in self.model_fields_set if fields[n].alias}
        return {key: value for key, value in data.items() if key in kept}


class IntentLabel(BaseModel):
    id: str
    name: str
    description: str


class AdminLabels(BaseModel):
    intents: Dict[str, IntentLabel]
    reasons: Dict[str, str]
    fields: Dict[str, str]
    values: Dict[str, str]


class CatalogueItemRow(BaseModel):
    code: str
    name: Optional[str]
    kind: Optional[str]
    commitment_allowed: Optional[bool]
    version: Optional[int]
    notice_version: Optional[str]


class ItemVersionRow(BaseModel):
    version: int
    notice_version: Optional[str]
    created_at: str


class CatalogueItemDocument(BaseModel):
    code: str
    # The item's YAML as written; its fields are checked by bot.core.catalogue.parse_item, not repeated here.
    content: Dict[str, Any]
    file_hash: str
    versions: List[ItemVersionRow]


class CitizenMessage(BaseModel):
    text: str
    # The channel payload the bot attaches (stage, item summary or notice section): shaped by the bot.
    custom: Dict[str, Any]


class CataloguePreview(BaseModel):
    code: str
    notice_version: Optional[str]
    messages: List[CitizenMessage]
    yaml: str


class DiffLine(BaseModel):
    kind: Literal["hunk", "added", "removed", "same"]
    text: str


class ComparedField(OmitUnset):
    field: str
    label: str
    before: List[str]
    after: List[str]
    changed: bool
    added: Optional[List[str]] = None  # only for list fields
    removed: Optional[List[str]] = None


class ComparedSection(BaseModel):
    index: int
    title: str
    before: str
    after: str
    changed: bool


class Comparison(BaseModel):
    fields: List[ComparedField]
    notice: List[ComparedSection]
    changed_fields: List[str]
    changed_sections: List[str]


class VersionRef(BaseModel):
    version: int
    notice_version: Optional[str]


class CatalogueDiff(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    code: str
    from_: VersionRef = Field(alias="from")
    to: VersionRef
    notice_changed: bool
    fields: List[DiffLine]
    notice: List[DiffLine]
    compare: Comparison


class CataloguePublished(OmitUnset):
    code: str
    version: int
    notice_version: Optional[str]
    previous_version: Optional[int]
    unchanged: bool
    diff: Optional[CatalogueDiff] = None  # only when a new version follows an older one


class Ranked(BaseModel):
    intent: Optional[str]
    confidence: float


class InboxEntry(BaseModel):
    key: str
    text: str
    count: int
    reasons: List[str]
    reason_text: List[str]
    intent: Optional[str]
    confidence: Optional[float]
    ranking: List[Ranked]
    last_seen: str
    conversations: int
    context: Optional[str]


class ItemName(BaseModel):
    code: str
    name: Optional[str]


class InboxPage(BaseModel):
    entries: List[InboxEntry]
    intents: List[str]
    items: List[ItemName]
    threshold: float


class InboxAssigned(OmitUnset):
    """An example added to an intent (intent, file, text, moved_from) or an alias added to an item
    (item_code, alias, version): the keys of the one that happened."""
    intent: Optional[str] = None
    file: Optional[str] = None
    text: Optional[str] = None
    moved_from: Optional[List[str]] = None
    item_code: Optional[str] = None
    alias: Optional[str] = None
    version: Optional[int] = None


class InboxDismissed(BaseModel):
    key: str
    resolution: Literal["dismissed"]


class DataWarning(OmitUnset):
    type: Literal["duplicate", "held_out", "thin", "conflict"]
    message: str
    text: Optional[str] = None
    intent: Optional[str] = None
    intents: Optional[List[str]] = None  # a conflict: every intent that has the text
    synonym: Optional[str] = None
    lookup: Optional[str] = None


class IntentCount(BaseModel):
    name: str
    file: str
    count: int


class SynonymBlock(BaseModel):
    name: str
    file: str
    count: int
    examples: List[str]


class LookupBlock(BaseModel):
    name: str
    file: str
    count: int
    generated: bool
    examples: List[str]


class NluOverview(BaseModel):
    intents: List[IntentCount]
    synonyms: List[SynonymBlock]
    lookups: List[LookupBlock]
    warnings: List[DataWarning]


class NluBlock(BaseModel):
    kind: Literal["intent", "synonym", "lookup"]
    name: str
    file: str
    generated: bool
    examples: List[str]
    base_hash: str
    warnings: List[DataWarning]


class NluSaved(BaseModel):
    kind: Literal["intent", "synonym", "lookup"]
    name: str
    file: str
    examples: List[str]
    dropped_duplicates: int


class ExampleAdded(BaseModel):
    intent: str
    file: str
    text: str
    moved_from: List[str]


class NluValidation(BaseModel):
    ok: bool
    summary: str
    problem_count: int
    problems: List[str]
    output: str


class NluCreated(BaseModel):
    kind: Literal["synonym", "lookup"]
    name: str
    file: str
    examples: List[str]


class NluDeleted(BaseModel):
    kind: Literal["intent", "synonym", "lookup"]
    name: str
    deleted: bool


class DiscoveryFigures(BaseModel):
    """Item discovery on the held-out needs: share found first, found in the top three, and how many."""

    top1: float
    top3: float
    n: int


class ModelView(BaseModel):
    id: int
    name: str
    file: str
    source: str
    train_mode: Optional[str]
    train_profile: Optional[str]
    base_model_id: Optional[int]
    data_hash: Optional[str]
    created_by: str
    created_at: Optional[str]
    evaluation_status: str
    macro_f1: Optional[float]
    accuracy: Optional[float]  # None until the model is evaluated
    discovery: Optional[DiscoveryFigures]
    has_confusion_matrix: bool
    active: bool
    served_before: bool
    file_exists: bool
    delta_macro_f1: Optional[float]


class ModelDetail(ModelView):
    # The evaluation report (per-intent scores, confusion data): written by the evaluation job, shown as is.
    metrics: Dict[str, Any]


class ReplicaStatus(OmitUnset):
    ok: bool
    model_file: Optional[str] = None  # when ok
    error: Optional[str] = None  # when not


class ActivationRecord(BaseModel):
    id: int
    model_id: int
    previous_model_id: Optional[int]
    kind: str
    forced: bool
    reason: Optional[str]
    macro_f1: Optional[float]
    previous_macro_f1: Optional[float]
    # replica URL -> what it answered to the swap, as the activation stored it.
    replicas: Dict[str, Any]
    actor: str
    at: str


class ModelsPage(BaseModel):
    models: List[ModelView]
    active_id: Optional[int]
    replicas: Dict[str, ReplicaStatus]
    activations: List[ActivationRecord]
    max_macro_f1_drop: float
    train_profile: str
    next_training: Literal["finetune", "full"]
    next_training_reason: str
    job_running: bool
    data_hash: Optional[str]


class ReplicaPlan(BaseModel):
    url: str
    ok: bool
    serving: Optional[str]
    error: Optional[str]


class IntentChange(BaseModel):
    intent: str
    before: float
    after: float
    delta: float


class ActivationPlan(BaseModel):
    kind: Literal["activate", "rollback"]
    model: ModelView
    current: Optional[ModelView]
    replicas: List[ReplicaPlan]
    delta_macro_f1: Optional[float]
    gate_ok: bool
    max_macro_f1_drop: float
    intent_changes: List[IntentChange]


class Reading(BaseModel):
    text: str
    intent: Optional[str]
    confidence: float
    ranking: List[Ranked]


class TrialResult(BaseModel):
    via: Literal["staging", "copy"]
    readings: List[Reading]


class Activated(BaseModel):
    model: ModelView
    activation: ActivationRecord
    kind: str


class JobView(BaseModel):
    id: int
    kind: str
    status: str
    phase: str
    # percent, the phase's start and, while training, the epoch figures Rasa prints.
    progress: Dict[str, Any]
    train_mode: Optional[str]
    train_profile: Optional[str]
    base_model_id: Optional[int]
    model_id: Optional[int]
    error: Optional[str]
    cancel_requested: bool
    created_by: str
    created_at: str
    started_at: Optional[str]
    finished_at: Optional[str]


class JobsPage(BaseModel):
    jobs: List[JobView]
    current: Optional[JobView]


class JobLog(BaseModel):
    offset: int
    text: str
