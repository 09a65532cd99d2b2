"""Tables of the admin console: the model registry, training jobs, activations and the inbox's resolutions."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, Optional

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.database import Base


class NluModel(Base):
    """One trained model and its held-out evaluation (the registry). Exactly one row is active when the
    console has taken charge of the bot's model; none before that (the bot runs the hash-cached model)."""

    __tablename__ = "nlu_models"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)  # file name without .tar.gz
    file_path: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    # bot.core.training_inputs.inputs_hash of the project when it was trained: the same hash names the cached models.
    data_hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    # Hashes of the training inputs by part (config, domain, rules, NLU structure, examples ...); decides
    # whether the next training may fine-tune this model (only examples changed). None: unknown.
    fingerprint: Mapped[Optional[Dict[str, Any]]] = mapped_column(JSON, nullable=True)
    source: Mapped[str] = mapped_column(String(16))  # baseline (the model the bot ran before) | trained
    train_mode: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)  # full | finetune
    train_profile: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)  # full | short
    base_model_id: Mapped[Optional[int]] = mapped_column(ForeignKey("nlu_models.id"), nullable=True)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # pending | evaluating | evaluated | failed
    evaluation_status: Mapped[str] = mapped_column(String(16), default="pending")
    macro_f1: Mapped[Optional[float]] = mapped_column(Float, nullable=True)
    # {intent: {precision, recall, f1, support}, accuracy, macro_f1, weighted_f1, discovery: {top1, top3, n}}
    metrics: Mapped[Optional[Dict[str, Any]]] = mapped_column(JSON, nullable=True)
    confusion_matrix_path: Mapped[Optional[str]] = mapped_column(String(500), nullable=True)
    evaluated_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set the first time the model is activated: a model that has served once may be rolled back to.
    first_activated_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)


class ModelActivation(Base):
    """Every activation and roll-back, with the gate's verdict and the reason of a forced one."""

    __tablename__ = "nlu_model_activations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("nlu_models.id"), index=True)
    previous_model_id: Mapped[Optional[int]] = mapped_column(ForeignKey("nlu_models.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))  # activate | rollback
    forced: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
    macro_f1: Mapped[Optional[float]] = mapped_column(Float, nullable=True)
    previous_macro_f1: Mapped[Optional[float]] = mapped_column(Float, nullable=True)
    replicas: Mapped[Dict[str, Any]] = mapped_column(JSON, default=dict)  # url -> "ok" | error text
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TrainingJob(Base):
    """A background training or evaluation run. ``slot`` is 1 while the job is queued or running and NULL
    afterwards; its unique index lets the database itself refuse a second job at the same time."""

    __tablename__ = "nlu_training_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # train | evaluate
    status: Mapped[str] = mapped_column(String(16))  # queued | running | succeeded | failed | cancelled
    slot: Mapped[Optional[int]] = mapped_column(Integer, nullable=True, unique=True)
    train_mode: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)  # full | finetune
    train_profile: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    base_model_id: Mapped[Optional[int]] = mapped_column(ForeignKey("nlu_models.id"), nullable=True)
    model_id: Mapped[Optional[int]] = mapped_column(ForeignKey("nlu_models.id"), nullable=True)
    phase: Mapped[str] = mapped_column(String(32), default="queued")
    # {epoch, epochs, loss, accuracy, percent}
    progress: Mapped[Dict[str, Any]] = mapped_column(JSON, default=dict)
    log_path: Mapped[str] = mapped_column(String(500))
    error: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    heartbeat_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)


class InboxResolution(Base):
    """What the admin did with a misunderstood message, keyed by a hash of its text (never the text itself:
    it may hold personal data)."""

    __tablename__ = "nlu_inbox_resolutions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64), unique=True)
    resolution: Mapped[str] = mapped_column(String(16))  # intent | alias | dismissed
    target: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)  # intent name or item code
    added_text: Mapped[Optional[str]] = mapped_column(Text, nullable=True)  # what was written (masked)
    resolved_by: Mapped[str] = mapped_column(String(100))
    resolved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
