"""Settings of the admin console (environment prefix ``GZ_``), apart from the API's own ``Settings``.

Defaults fit a developer checkout started by ``make up``: the project (training data, config, domain) is the
repository, Rasa answers on 5005 with the token ``bot/tools/stack.py`` writes to ``var/keys/rasa.token``, and the
tracker store is ``var/rasa_tracker.db``. The stack passes the URLs it chose (``GZ_RASA_URLS``,
``GZ_TRACKER_DB_URL``); tests point ``GZ_PROJECT_DIR`` at a throw-away copy of the project.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from pydantic_settings import BaseSettings, SettingsConfigDict

from api.config import REPO_ROOT, Settings

# A trained model is evaluated on these files, which are never trained on (P1).
HELD_OUT_NLU = REPO_ROOT / "tests" / "data" / "nlu_test.yml"
HELD_OUT_DISCOVERY = REPO_ROOT / "tests" / "data" / "discovery_test.yml"


class AdminSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GZ_", extra="ignore")

    # The Rasa project the console edits and trains: config.yml, domain.yml, data/nlu, data/rules.yml,
    # bot/generated/jieba. Edits land in these files (the single source, reviewable in git).
    project_dir: Path = REPO_ROOT
    # Trained models are written here (models/*.tar.gz is git-ignored); every Rasa replica must see the same path.
    models_dir: Optional[Path] = None
    # Rasa HTTP APIs that serve the bot, comma separated: activation hot-swaps the model on every one of them.
    rasa_urls: str = "http://127.0.0.1:5005"
    # Rasa's --auth-token. Unset: read from rasa_token_path (bot/tools/stack.py writes var/keys/rasa.token).
    rasa_token: Optional[str] = None
    rasa_token_path: Optional[Path] = None
    # Rasa's tracker store (SQLTrackerStore), read for the inbox. Unset: var/rasa_tracker.db.
    tracker_db_url: Optional[str] = None
    # The Rasa virtualenv (rasa train / data validate / test nlu run there: Rasa cannot share the API's venv).
    rasa_venv: Path = REPO_ROOT / ".venv"
    # full: config.yml as it is. short: a copy with DIET epochs = short_epochs, for CI and demos.
    train_profile: str = "full"
    short_epochs: int = 5
    # --finetune trains this share of the configured epochs on top of the active model.
    finetune_epoch_fraction: float = 0.25
    # Activation is refused when the candidate's held-out macro-F1 is lower than the active model's by more.
    max_macro_f1_drop: float = 0.02
    # The inbox reads this many of the newest tracker events (bounded work on a large tracker store).
    inbox_scan_events: int = 20000
    inbox_confidence_threshold: float = 0.6
    held_out_nlu: Path = HELD_OUT_NLU
    held_out_discovery: Path = HELD_OUT_DISCOVERY
    # Where jobs keep their logs and reports, and where the active model is recorded for restarts.
    admin_dir: Optional[Path] = None
    active_model_file: Optional[Path] = None
    # 试一试 before activation: a staging Rasa (never a serving replica) loaded with the candidate; unset, the
    # candidate is loaded in a one-off Rasa process of rasa_venv, given at most trial_timeout_seconds.
    staging_rasa_url: Optional[str] = None
    trial_timeout_seconds: int = 300
    # A job whose heartbeat is older than this is taken as dead (its API process stopped).
    job_stale_seconds: int = 120


class AdminPaths:
    """Resolved paths and values, from the admin settings and the API settings (its var directory)."""

    def __init__(self, admin: AdminSettings, api: Settings):
        self.settings = admin
        self.api = api
        self.project = admin.project_dir.resolve()
        self.var = api.var_path.resolve()
        self.models = (admin.models_dir or self.project / "models").resolve()
        self.admin_dir = (admin.admin_dir or self.var / "admin").resolve()
        self.jobs = self.admin_dir / "jobs"
        self.active_model_file = (admin.active_model_file or self.var / "active_model").resolve()
        self.catalogue = api.catalogue_path.resolve()
        self.nlu_dir = self.project / "data" / "nlu"
        self.config = self.project / "config.yml"
        self.domain = self.project / "domain.yml"
        self.rules = self.project / "data" / "rules.yml"
        self.rasa = admin.rasa_venv / "bin" / "rasa"
        self.rasa_python = admin.rasa_venv / "bin" / "python"

    @property
    def rasa_urls(self) -> List[str]:
        return [u.strip().rstrip("/") for u in self.settings.rasa_urls.split(",") if u.strip()]

    def rasa_token(self) -> Optional[str]:
        if self.settings.rasa_token:
            return self.settings.rasa_token
        path = self.settings.rasa_token_path or self.var / "keys" / "rasa.token"
        try:
            return path.read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    @property
    def tracker_db_url(self) -> str:
        return self.settings.tracker_db_url or f"sqlite:///{self.var / 'rasa_tracker.db'}"
