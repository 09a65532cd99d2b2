"""``python -m bot.rasa.server run ...``: exactly ``rasa run ...``, with the fixes the profile asked for.

bench/profile.py (py-spy on the Rasa server while 10 citizens run the journey) showed Rasa's event loop
saturated, and where the time went:

1. ~40 % in ``jsonschema.validate`` inside ``RemoteAction._validate_action_result``: Rasa 3.6 validates
   every action server response with ``jsonschema.validate(result, schema)``, which re-checks the constant
   schema against the JSON-Schema meta-schema on *every* call before validating the response. Our journey
   then called the action server twice per turn (the form's validation action and the next ask action; once
   since every form's validation action asks its next question itself, actions/forms.py), so this was the
   largest single cost. The fix validates against the same
   schema with the same validator class, built once (the schema is checked once, at start-up); responses are
   still validated, errors still raise the same ``ValidationError`` with the same message.
2. ~9 % waiting in SQLite ``COMMIT`` of the SQL tracker store (embedded profile), which runs on Sanic's
   event loop: Rasa opens SQLite in rollback-journal mode with ``synchronous=FULL``, and (SQLAlchemy 1.4's
   default for a file database) without a connection pool, so every tracker read and write also opened and
   closed a connection. WAL with ``synchronous=NORMAL`` makes a commit an append to the WAL without an
   fsync; a killed process (P4: the Rasa server SIGKILLed mid-journey) loses nothing, only an operating-
   system crash or power loss may drop the last commits before a checkpoint. A small pool keeps the
   connections open. PostgreSQL (scale profile) is not touched: it has its own pool (Rasa's
   SQL_POOL_SIZE / SQL_MAX_OVERFLOW).
3. ~6 % in ``Event.resolve_by_type``: every event read from the tracker store walks the whole ``Event``
   class tree to find its class by name. The lookup is memoised (same result, same order of precedence).

``GZ_RASA_TUNING=0`` starts Rasa without these fixes (the benchmark uses it to show their effect).

Secrets never travel on the command line (any local user can read ``/proc/<pid>/cmdline``):

- ``GZ_RASA_TOKEN_PATH`` names the file of the token that protects Rasa's HTTP API; it is appended to
  ``sys.argv`` as ``--auth-token`` inside this process, after the kernel has recorded the command line;
- ``GZ_ACTION_SECRET_PATH`` names the file of the secret the action server requires (actions/server.py); it is
  put in this process's environment as ``GZ_ACTION_SECRET``, which the endpoints file names
  (``action_endpoint.headers``) and Rasa substitutes when it reads the file.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import List, MutableMapping

ENV_TOKEN_PATH = "GZ_RASA_TOKEN_PATH"
ENV_ACTION_SECRET_PATH = "GZ_ACTION_SECRET_PATH"
ENV_ACTION_SECRET = "GZ_ACTION_SECRET"  # the name the endpoints files use: ${GZ_ACTION_SECRET}


def compile_action_result_validation() -> None:
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)  # what jsonschema.validate picks
    validator_class.check_schema(schema)  # once, instead of once per action call
    validator = validator_class(schema)
    is_valid = event_dispatching_check(schema, validator_class) or validator.is_valid

    def _validate_action_result(self, result):  # same contract as Rasa's own (rasa/core/actions/action.py)
        if is_valid(result):
            return True
        error = exceptions.best_match(validator.iter_errors(result))  # Rasa's error, exactly
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


def event_dispatching_check(schema, validator_class):
    """A validity check equal to ``validator.is_valid`` for Rasa's action-response schema, without ``oneOf``.

    Measured with bench/profile.py after the first optimisations: half of the form's validation call in Rasa
    was jsonschema evaluating, for every returned event, the ``oneOf`` of all ~20 event schemas. Each of those
    branches pins ``event`` to its own constant, so at most one branch can match an event: the one named by its
    ``event`` field. Validating against that branch alone (after the part outside ``oneOf``) is therefore the
    same verdict as ``oneOf``. Returns None (use the full validator) unless the schema has exactly the shape
    this relies on; an invalid response is still reported by the full validator, with Rasa's own message.
    """
    try:
        if set(schema) != {"type", "properties"} or schema["type"] != "object":
            return None
        properties = schema["properties"]
        events = properties["events"]
        if set(properties) != {"events", "responses"} or set(events) != {"type", "items"} or events["type"] != "array":
            return None
        items = dict(events["items"])
        branches = items.pop("oneOf")
        if items.get("type") != "object" or "event" not in items.get("required", []):
            return None
        by_event = {}
        for branch in branches:
            name = branch["properties"]["event"]["const"]
            if not isinstance(name, str) or name in by_event:
                return None
            by_event[name] = validator_class(branch).is_valid
    except (KeyError, TypeError, AttributeError):
        return None
    item_is_valid = validator_class(items).is_valid
    responses_is_valid = validator_class(properties["responses"]).is_valid

    def is_valid(result) -> bool:
        if not isinstance(result, dict):
            return False
        if "responses" in result and not responses_is_valid(result["responses"]):
            return False
        if "events" not in result:
            return True
        if not isinstance(result["events"], list):
            return False
        for event in result["events"]:
            if not item_is_valid(event):
                return False
            check = by_event.get(event["event"])
            if check is None or not check(event):
                return False
        return True

    return is_valid


def sqlite_wal_for_tracker_store() -> None:
    import rasa.core.tracker_store as tracker_store
    from sqlalchemy import event
    from sqlalchemy.engine import Engine, make_url
    from sqlalchemy.pool import QueuePool

    rasa_engine_kwargs = tracker_store.create_engine_kwargs

    def create_engine_kwargs(url):
        # SQLAlchemy 1.4 gives a file SQLite database a NullPool: Rasa opened, configured and closed a
        # connection for every tracker read and write, and closing the last one checkpoints the WAL. Keep
        # a few open instead. Rasa uses the store from its event-loop thread only; check_same_thread=False
        # is what lets the pool hand a connection to whichever thread asks, as for any SQLAlchemy pool.
        parsed = make_url(url) if isinstance(url, str) else url
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return {"poolclass": QueuePool, "pool_size": 4, "max_overflow": 4,
                    "connect_args": {"check_same_thread": False}}
        return rasa_engine_kwargs(url)

    tracker_store.create_engine_kwargs = create_engine_kwargs
    event.listen(Engine, "connect", sqlite_wal_on_connect)


def sqlite_wal_on_connect(dbapi_connection, _record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def memoised_event_types() -> None:
    import rasa.shared.utils.common as common
    from rasa.shared.core.events import Event

    rasa_resolve_by_type = Event.resolve_by_type
    by_type_name: dict = {}

    def resolve_by_type(type_name, default=None):
        # Rasa walks the whole Event class tree (with inspect.isabstract on each class) for every event it
        # deserialises; the tree does not change once Rasa runs, so look each name up once. A name not found
        # falls through to Rasa's own lookup (its default, "topic" compatibility and error).
        found = by_type_name.get(type_name)
        if found is None:
            for cls in common.all_subclasses(Event):
                by_type_name.setdefault(cls.type_name, cls)  # first match wins, as in Rasa's loop
            found = by_type_name.get(type_name)
        return found if found is not None else rasa_resolve_by_type(type_name, default)

    Event.resolve_by_type = staticmethod(resolve_by_type)


class SecretError(RuntimeError):
    """A secret file is named but unusable, or a secret was also given on the command line."""


def _read_secret(path: str, what: str) -> str:
    try:
        value = Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SecretError(f"{what}: cannot read {path}: {exc.strerror}") from None
    if not value:
        raise SecretError(f"{what}: {path} is empty")
    return value


def token_from_file(argv: List[str], env: MutableMapping[str, str]) -> List[str]:
    """``argv`` with ``--auth-token`` from ``GZ_RASA_TOKEN_PATH`` appended (unchanged when it is unset)."""
    path = env.get(ENV_TOKEN_PATH, "").strip()
    if not path or len(argv) < 2 or argv[1] != "run":
        return list(argv)
    if any(arg.startswith("--auth") or arg.startswith("-t") for arg in argv[2:]):
        raise SecretError(f"{ENV_TOKEN_PATH} is set and a token is on the command line: give it once, in the file")
    # "=": a URL-safe token may begin with "-", which argparse would take for an option.
    return [*argv, f"--auth-token={_read_secret(path, ENV_TOKEN_PATH)}"]


def action_secret_from_file(env: MutableMapping[str, str]) -> None:
    """``GZ_ACTION_SECRET`` for the endpoints file, read from ``GZ_ACTION_SECRET_PATH`` when that is set."""
    path = env.get(ENV_ACTION_SECRET_PATH, "").strip()
    if path:
        env[ENV_ACTION_SECRET] = _read_secret(path, ENV_ACTION_SECRET_PATH)


def main() -> None:
    from bot.channels.message_guard import install as guard_incoming_messages
    from bot.rasa.tracker_store import install as tracker_store_survives_restarts

    # Correctness (P4, P5), not tuning: applied with GZ_RASA_TUNING=0 too.
    tracker_store_survives_restarts()
    guard_incoming_messages()
    if os.environ.get("GZ_RASA_TUNING", "1") != "0":
        compile_action_result_validation()
        sqlite_wal_for_tracker_store()
        memoised_event_types()
    from rasa.__main__ import main as rasa_main

    try:
        argv = token_from_file(sys.argv, os.environ)
        action_secret_from_file(os.environ)
    except SecretError as exc:
        print(f"Rasa not started: {exc}", file=sys.stderr)
        sys.exit(2)
    sys.argv[:] = ["rasa", *argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
