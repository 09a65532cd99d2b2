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

A second profile, once those were in, found where a turn's remaining time went (each fix below says how it keeps
Rasa's answer; tests/bot/test_rasa_tuning.py checks it against Rasa's own):

4. ~23 % parsing the message: repeated answers are parsed once per model (bot/rasa/parse_cache.py);
5. ~7 % copying slots for every tracker Rasa builds (``fast_slot_copies``);
6. ~2.5 % opening a new connection to the action server for every action call (``reuse_http_connections``), and
   ~4 % writing its JSON body (``request_json``);
7. full collections of Python's garbage collector walking the ~600,000 objects of the loaded model, 0.3-0.6 s
   each, charged to whichever turn allocated at that moment (``freeze_loaded_model``).

And at start-up: tracing a one-step training graph only to build the weights' shapes (``eager_weight_building``).

A third profile (10 citizens, py-spy): 6 % of the Rasa server's busy time was ``MemoizationPolicy`` featurising the
whole conversation into states at every prediction, then deep-copying them for a debug log line, only to look them
up in a table that is empty - our dialogue data is rules, which that policy does not learn (``empty_memoization``;
its featurizer has no ``max_history``, so that work grew with the conversation). Measured with ``python -m bench``,
runs with and without it alternating: the Rasa server's CPU per turn went from 28-29 ms to 21 ms.

The tracker store's share (reads, saves, counting rows) is bot/rasa/tracker_store.py's (points 6 and 7 there).

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


def fast_slot_copies() -> bool:
    """``copy.copy`` of a slot by copying its attributes, instead of through ``__reduce_ex__``.

    Measured with bench/profile.py: 7 % of the Rasa server's time was ``DialogueStateTracker.__init__`` copying
    each of the domain's ~50 slots with ``copy.copy``, which for a plain object goes through ``__reduce_ex__``,
    ``copyreg.__newobj__`` and ``_reconstruct``; Rasa builds a tracker for every read, every form validation and
    every prior state the policies featurise. For a class without ``__slots__``, ``__getstate__``,
    ``__setstate__``, ``__reduce__``/``__reduce_ex__`` or ``__copy__`` of its own (checked on every slot class;
    nothing is changed otherwise), that path is exactly: a new instance of the same class, without ``__init__``,
    whose ``__dict__`` is updated with the original's - which is what this does, in one step. False when not
    applied.
    """
    from rasa.shared.core.slots import Slot

    special = ("__slots__", "__getstate__", "__setstate__", "__reduce__", "__reduce_ex__", "__copy__")
    classes, seen = [Slot], set()
    while classes:  # every subclass, abstract ones too (Rasa's all_subclasses leaves those out)
        cls = classes.pop()
        if cls in seen:
            continue
        seen.add(cls)
        if any(name in vars(cls) for name in special):
            return False
        classes.extend(cls.__subclasses__())

    def __copy__(self):
        cls = self.__class__
        new = cls.__new__(cls)
        new.__dict__.update(self.__dict__)
        return new

    Slot.__copy__ = __copy__
    return True


def request_json(value) -> str:
    """The JSON text of a request body: the same JSON value ``json.dumps`` writes, written by ujson when it can.

    Measured with bench/profile.py: Rasa sends the whole tracker of the session and the domain with every action
    call (~100 events), and ``json.dumps`` of that was 4 % of the Rasa server's time. ujson (a dependency of
    Sanic) writes it several times faster; non-ASCII characters are written as UTF-8 instead of ``\\u`` escapes
    (the same JSON string, a shorter body). Anything ujson refuses (e.g. an integer beyond 64 bits) is written
    by ``json.dumps``, which also raises Rasa's own error for what JSON cannot hold.
    """
    import json

    try:
        import ujson
    except ImportError:  # pragma: no cover - ujson comes with Sanic
        return json.dumps(value)
    try:
        return ujson.dumps(value, ensure_ascii=False, escape_forward_slashes=False)
    except (TypeError, ValueError, OverflowError):
        return json.dumps(value)


# Shorter than the keep-alive of the action server (Sanic's default, 5 s; rasa_sdk keeps it), so that a connection
# the server may be about to close is never reused: aiohttp drops an idle one older than this before a request.
KEEP_ALIVE_SECONDS = 2.0


def reuse_http_connections() -> None:
    """One aiohttp session per endpoint and event loop, so that calls to the action server reuse connections.

    Measured with bench/profile.py: Rasa's ``EndpointConfig.request`` opens a new ``aiohttp.ClientSession`` for
    every call, i.e. a new TCP connection to the action server per action, and connecting was about 2.5 % of the
    Rasa server's time (and a new connection to accept in the action server each time). The session is made
    exactly as Rasa makes it (its ``session()``: headers, basic auth, timeout) plus: no cookie jar (a fresh
    session per request never sent a cookie back) and idle connections kept ``KEEP_ALIVE_SECONDS``. The request
    itself is still Rasa's (``request``: its headers, parameters, errors); only closing the session at the end of
    each request is gone. The sessions are closed when the server stops.
    """
    import weakref

    import asyncio

    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

    rasa_session = EndpointConfig.session
    sessions: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # event loop -> {endpoint id: session}

    class _Kept:
        """What ``async with endpoint.session() as s`` needs: the kept session, not closed on exit."""

        def __init__(self, session) -> None:
            self.session = session

        async def __aenter__(self):
            return self.session

        async def __aexit__(self, *_exc) -> None:
            return None

    def kept_session(endpoint):
        # As Rasa's EndpointConfig.session() makes it (tests/bot/test_rasa_tuning.py compares the two).
        auth = (aiohttp.BasicAuth(endpoint.basic_auth["username"], endpoint.basic_auth["password"])
                if endpoint.basic_auth else None)
        return aiohttp.ClientSession(
            headers=endpoint.headers, auth=auth, timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_SECONDS), cookie_jar=aiohttp.DummyCookieJar(),
            json_serialize=request_json,
        )

    def session(self):
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop running: Rasa's own, closed by its caller
            return rasa_session(self)
        kept = sessions.setdefault(loop, {})
        found = kept.get(id(self))
        if found is None or found[1].closed or found[0]() is not self:
            if found is not None and not found[1].closed:  # an endpoint gone, its id reused by this one
                loop.create_task(found[1].close())
            found = kept[id(self)] = (weakref.ref(self), kept_session(self))
        return _Kept(found[1])

    async def close_sessions(*_args) -> None:
        for kept in list(sessions.values()):
            for _ref, client in list(kept.values()):
                if not client.closed:
                    await client.close()
            kept.clear()

    EndpointConfig.session = session
    on_server_event(close_sessions, "after_server_stop")


def on_server_event(listener, event: str) -> None:
    """Register ``listener`` for a Sanic server event on every app Rasa configures from now on."""
    import rasa.core.run as rasa_run

    rasa_configure_app = rasa_run.configure_app

    def configure_app(*args, **kwargs):
        app = rasa_configure_app(*args, **kwargs)
        app.register_listener(listener, event)
        return app

    rasa_run.configure_app = configure_app


def freeze_loaded_model() -> None:
    """Once the model is loaded, move everything alive into the garbage collector's permanent generation.

    Measured with bench/profile.py, then timed: the loaded server holds ~600,000 objects (TensorFlow, the model,
    the domain), and every full collection of Python's cyclic garbage collector walks all of them - 0.3-0.6 s
    on this machine, charged to whichever turn happened to allocate at that moment (it showed up as several % of
    the profile on a line building an SQL expression, and in the p99 latency). Those objects live as long as the
    process; ``gc.freeze()`` after start-up (after a full collection, so no garbage is frozen) leaves them out of
    every later collection. Objects made by the turns are collected as before. Nothing changes what is freed by
    reference counting. When a model is loaded later (the admin console's hot swap through Rasa's HTTP API), the
    objects are unfrozen before it loads, so the replaced model can be collected; collections then walk
    everything again, as without this, until the next start.
    """
    import gc

    from rasa.core.agent import Agent

    rasa_load_model = Agent.load_model
    started = []

    def load_model(self, *args, **kwargs):
        if started and gc.get_freeze_count():
            gc.unfreeze()
        return rasa_load_model(self, *args, **kwargs)

    async def freeze(*_args) -> None:
        gc.collect()
        gc.freeze()
        started.append(True)

    Agent.load_model = load_model
    on_server_event(freeze, "after_server_start")


def empty_memoization() -> None:
    """A ``MemoizationPolicy`` that memorised nothing predicts without featurising the conversation first.

    The policy learns story turns only (never rules); trained on our data, which has no stories, its lookup table
    is empty. Rasa still computes the tracker's states for every prediction (and deep-copies them for a debug log)
    before finding nothing in that table, and then answers its default: no action, all zeros. For a policy of
    exactly that class with an empty table this answers the same prediction at once; any other memoization
    policy, or one that memorised turns, runs Rasa's own code: the table is looked at on every prediction, so a
    model trained on stories later (or swapped in from the admin console) is predicted from as Rasa does.
    """
    from rasa.core.policies.memoization import MemoizationPolicy

    rasa_predict = MemoizationPolicy.predict_action_probabilities

    def predict_action_probabilities(self, tracker, domain, rule_only_data=None, **kwargs):
        if type(self) is MemoizationPolicy and not self.lookup:
            return self._prediction(self._default_predictions(domain))
        return rasa_predict(self, tracker, domain, rule_only_data=rule_only_data, **kwargs)

    MemoizationPolicy.predict_action_probabilities = predict_action_probabilities


class SecretError(RuntimeError):
    """A secret file is named but unusable, or a secret was also given on the command line."""


def eager_weight_building() -> None:
    """Rasa builds a loaded classifier's weights by training one step on one example, then overwrites them with
    the stored ones. That step runs as a traced TensorFlow function: about 11 of a start's 17 s of model loading
    here, spent compiling a graph that runs once. Run eagerly, the step builds the same weights (same shapes, then
    replaced by ``load_weights`` as before) without the tracing; the model's own ``run_eagerly`` setting is
    restored before anything predicts, so predictions stay traced exactly as in Rasa. Every server start (and
    every restart by the supervisor) is that much shorter. Same arguments and steps as Rasa 3.6's
    ``RasaModel.load``; tests/bot/test_rasa_tuning.py compares the predictions of both ways of loading.
    """
    import tensorflow as tf
    from rasa.utils.tensorflow import models
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator

    def load(cls, model_file_name, model_data_example, predict_data_example=None, finetune_mode=False,
             *args, **kwargs):
        model = cls(*args, **kwargs)
        config = kwargs.get("config", {})
        model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
        model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
        model.load_weights(model_file_name)
        model.run_eagerly = config.get(RUN_EAGERLY)
        if not finetune_mode and predict_data_example:
            model.run_inference(predict_data_example)
        return model

    models.RasaModel.load = classmethod(load)


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
    from bot.rasa import parse_cache
    from bot.rasa.tracker_store import install as tracker_store_survives_restarts

    # Correctness (P4, P5), not tuning: applied with GZ_RASA_TUNING=0 too.
    tracker_store_survives_restarts()
    guard_incoming_messages()
    if os.environ.get("GZ_RASA_TUNING", "1") != "0":
        compile_action_result_validation()
        sqlite_wal_for_tracker_store()
        memoised_event_types()
        fast_slot_copies()
        reuse_http_connections()
        parse_cache.install()
        freeze_loaded_model()
        eager_weight_building()
        empty_memoization()
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
