"""Alembic environment: the URL comes from api.config.Settings (GZ_DATABASE_URL) unless the caller sets one."""
from __future__ import annotations

from logging.config import fileConfig

from alembic import context

import api.catalogue.models  # noqa: F401  (register tables on the metadata for autogenerate)
import api.commitments.models  # noqa: F401
import api.credit.models  # noqa: F401
import api.admin.models  # noqa: F401
import api.audit.models  # noqa: F401
import api.auth.models  # noqa: F401
import api.complaints.models  # noqa: F401
import api.verification.models  # noqa: F401
import api.hotline.models  # noqa: F401
import api.handoff.models  # noqa: F401
from api.config import Settings
from api.database import Base, make_engine

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    # api.cli and the tests hand the URL over in attributes: a URL may contain '%', which an .ini value cannot.
    return (
        config.attributes.get("database_url")
        or config.get_main_option("sqlalchemy.url")
        or Settings().database_url
    )


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(_url())
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=connection.dialect.name == "sqlite",
            )
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
