"""``python -m bot.rasa_server run ...``: exactly ``rasa run ...``, with two fixes the profile asked for.

bench/profile.py (py-spy on the Rasa server while 10 citizens run the journey) showed Rasa's event loop
saturated, and where the time went:

1. ~40 % in ``jsonschema.validate`` inside ``RemoteAction._validate_action_result``: Rasa 3.6 validates
   every action server response with ``jsonschema.validate(result, schema)``, which re-checks the constant
   schema against the JSON-Schema meta-schema on *every* call before validating the response. Our journey
   calls the action server twice per turn (the form's validation action and the next ask action), so this
   was the largest single cost. The fix validates against the same schema with the same validator class,
   built once (the schema is checked once, at start-up); responses are still validated, errors still raise
   the same ``ValidationError`` with the same message.
2. ~9 % waiting in SQLite ``COMMIT`` of the SQL tracker store (embedded profile), which runs on Sanic's
   event loop: Rasa opens SQLite in rollback-journal mode with ``synchronous=FULL``. WAL with
   ``synchronous=NORMAL`` makes a commit an append to the WAL without an fsync; a killed process (P4: the
   Rasa server SIGKILLed mid-journey) loses nothing, only an operating-system crash or power loss may drop
   the last commits before a checkpoint. PostgreSQL (scale profile) is not touched.

``GZ_RASA_TUNING=0`` starts Rasa without either fix (the benchmark uses it to show their effect).
"""
from __future__ import annotations

import os
import sqlite3
import sys


def compile_action_result_validation() -> None:
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)  # what jsonschema.validate picks
    validator_class.check_schema(schema)  # once, instead of once per action call
    validator = validator_class(schema)

    def _validate_action_result(self, result):  # same contract as Rasa's own (rasa/core/actions/action.py)
        error = exceptions.best_match(validator.iter_errors(result))
        if error is not None:
            error.message += (
                f". Failed to validate Action server response from API, "
                f"make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise error
        return True

    RemoteAction._validate_action_result = _validate_action_result


def sqlite_wal_for_tracker_store() -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _wal(dbapi_connection, _record) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()


def main() -> None:
    if os.environ.get("GZ_RASA_TUNING", "1") != "0":
        compile_action_result_validation()
        sqlite_wal_for_tracker_store()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
