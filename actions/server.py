"""``python -m actions.server``: the action server, answering only the Rasa server.

rasa_sdk's own entry point (``python -m rasa_sdk``) listens on every interface and runs any action for anyone who
can reach the port. Our action server holds the API's service token, so whoever could call it could drive the
journey with a forged tracker. This entry point serves the same rasa_sdk application, with two differences:

- it binds 127.0.0.1 unless ``GZ_ACTION_HOST`` says otherwise (a container deployment, where a network policy
  lets only Rasa in);
- every request but ``GET /health`` must carry the header ``X-GZ-Action-Secret`` equal to the secret in the file
  ``GZ_ACTION_SECRET_PATH``; anything else gets 401 before rasa_sdk sees it. Rasa sends the header from its
  endpoints file (``action_endpoint.headers``, filled from the environment by bot/rasa/server.py);
- ``GET /metrics`` (Prometheus, actions/metrics.py), served when ``GZ_METRICS_TOKEN_PATH`` names its token file
  (created 0600 if absent), answers only ``Authorization: Bearer`` with that token, never the action secret.

It refuses to start without a secret, and when the channel-evidence key is in its environment: the action server
carries evidence, it must never be able to sign it (bot/core/evidence.py).
"""
from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

SECRET_HEADER = "X-GZ-Action-Secret"
ENV_SECRET_PATH = "GZ_ACTION_SECRET_PATH"
ENV_HOST = "GZ_ACTION_HOST"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5055
MIN_SECRET_CHARS = 32
# Liveness probes (the stack, Kubernetes, Compose) carry no secret; /health says nothing but "ok".
OPEN_ROUTES = frozenset({("GET", "/health"), ("HEAD", "/health")})
# The scraper holds the metrics token, not the action secret (it must not be able to run actions); the route
# checks that token itself (actions/metrics.py).
SELF_CHECKED_ROUTES = frozenset({("GET", "/metrics")})
ENV_METRICS_TOKEN_PATH = "GZ_METRICS_TOKEN_PATH"  # the same name actions/metrics.py reads

logger = logging.getLogger(__name__)


class ConfigurationError(RuntimeError):
    """The server cannot start safely as configured."""


def load_secret(path: Path) -> bytes:
    """The shared secret (trailing whitespace ignored: files written by shells end in a newline)."""
    secret = Path(path).read_bytes().strip()
    if len(secret) < MIN_SECRET_CHARS:
        raise ConfigurationError(f"{ENV_SECRET_PATH}: the secret is shorter than {MIN_SECRET_CHARS} characters")
    return secret


def is_authorised(given: Optional[str], secret: bytes) -> bool:
    """Constant-time comparison, so the secret cannot be guessed byte by byte from response times."""
    return hmac.compare_digest((given or "").encode("utf-8", "surrogateescape"), secret)


def create_app(secret: bytes, actions_package: str = "actions", cors_origins: Optional[List[str]] = None,
               metrics_token: Optional[str] = None):
    """rasa_sdk's Sanic application with the secret checked before any route runs; with ``metrics_token``,
    also ``GET /metrics`` behind that token and every action call measured (actions/metrics.py)."""
    from rasa_sdk.endpoint import create_app as create_sdk_app
    from rasa_sdk.executor import ActionExecutor
    from sanic import response

    app = create_sdk_app(actions_package, cors_origins=cors_origins)
    # rasa_sdk's own error handler answers with the whole request in the body: the tracker, with the person's
    # name, ID number and words. An error says what failed, never what was asked; the log names only the type.
    async def answer_without_the_request(request, exception):  # noqa: ANN001 - Sanic's request
        status = getattr(exception, "status_code", 500)
        if status >= 500:
            logger.error("action server error on %s %s: %s", request.method, request.path, type(exception).__name__)
        return response.json({"error": "action_failed" if status >= 500 else "not_found" if status == 404
                              else "bad_request"}, status=status)

    app.error_handler.add(Exception, answer_without_the_request)
    if metrics_token is not None:
        from actions import metrics

        registered = ActionExecutor()
        registered.register_package(actions_package)  # the action label's closed set of values
        metrics.install(app, metrics_token, registered.actions.keys())
    open_routes = OPEN_ROUTES | (SELF_CHECKED_ROUTES if metrics_token is not None else frozenset())

    async def require_secret(request):  # noqa: ANN001 - Sanic's request
        if (request.method, request.path) in open_routes:
            return None
        if is_authorised(request.headers.get(SECRET_HEADER), secret):
            return None
        return response.json({"error": "unauthorized"}, status=401)

    def first_in_chain() -> None:
        # The CORS extension answers OPTIONS requests from a middleware it puts at the head of the chain when the
        # server starts; the secret is checked before anything, so it goes to the head after that.
        if require_secret in app.request_middleware:
            app.request_middleware.remove(require_secret)
        app.request_middleware.appendleft(require_secret)

    first_in_chain()
    app.register_listener(lambda _app, _loop: first_in_chain(), "before_server_start")
    return app


def check_environment(env=os.environ) -> Path:
    """The secret's path; refuses a configuration that would run the server open or with the evidence key."""
    from bot.core.evidence import ENV_KEY_PATH

    if env.get(ENV_KEY_PATH):
        raise ConfigurationError(
            f"{ENV_KEY_PATH} is set: the action server must not hold the channel-evidence key (only Rasa and the API)"
        )
    path = env.get(ENV_SECRET_PATH, "").strip()
    if not path:
        raise ConfigurationError(f"{ENV_SECRET_PATH} is not set: the action server does not run without its secret")
    return Path(path)


def share_metrics_between_workers(env=os.environ) -> Path:
    """Several Sanic workers answer on one port: each writes its metrics to files in one directory and a scrape
    merges them (prometheus-client's multiprocess mode). Set before prometheus_client is first imported; the
    directory is emptied, since counts of an earlier run would be added to this one's."""
    configured = env.get("PROMETHEUS_MULTIPROC_DIR", "").strip()
    directory = Path(configured) if configured else Path(tempfile.mkdtemp(prefix="gz-actions-metrics-"))
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    for stale in directory.glob("*.db"):
        stale.unlink()
    env["PROMETHEUS_MULTIPROC_DIR"] = str(directory)
    return directory


async def warm_readers(*_args) -> int:
    """Read one answer at every step before the first person's (actions.interpret.warm_up); before the freeze,
    so that what it builds is frozen with the rest of start-up. Returns the steps read."""
    from actions.interpret import warm_up

    return warm_up()


async def freeze_start_up_objects(*_args) -> bool:
    """Leave what start-up built out of the cyclic garbage collector's full collections (in each worker).

    Measured with bench/profile.py: the started action server holds ~250,000 objects (rasa_sdk, Sanic, our
    actions and their interpreters), which every full collection walks again - about 0.1 s on this machine, paid
    by whichever action call allocated at that moment. They live as long as the process, so after one full
    collection (no garbage is frozen) ``gc.freeze()`` moves them to the permanent generation; what the calls
    create is collected as before. False when this process had already frozen them.
    """
    import gc

    if gc.get_freeze_count():
        return False
    gc.collect()
    gc.freeze()
    return True


def argument_parser() -> argparse.ArgumentParser:
    from rasa_sdk import utils
    from rasa_sdk.cli.arguments import add_endpoint_arguments

    parser = argparse.ArgumentParser(prog="python -m actions.server", description="the action server (Rasa only)")
    add_endpoint_arguments(parser)  # the same options as `python -m rasa_sdk`
    utils.add_logging_level_option_arguments(parser)
    utils.add_logging_file_arguments(parser)
    parser.set_defaults(actions="actions", port=DEFAULT_PORT)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.endpoint import create_ssl_context
    from rasa_sdk.plugin import plugin_manager

    args = argument_parser().parse_args(argv)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file, args.loglevel, args.logging_config_file
    )
    utils.update_sanic_log_level()
    try:
        secret = load_secret(check_environment())
    except (ConfigurationError, OSError) as exc:
        print(f"action server not started: {exc}", file=sys.stderr)
        return 2
    workers = utils.number_of_sanic_workers()
    metrics_wanted = bool(os.environ.get(ENV_METRICS_TOKEN_PATH, "").strip())
    if workers > 1 and metrics_wanted:
        share_metrics_between_workers()  # before actions.metrics imports prometheus_client
    try:
        from actions.metrics import load_or_create_token, token_path

        metrics_token = load_or_create_token(token_path()) if metrics_wanted else None
    except (OSError, ValueError) as exc:
        print(f"action server not started: {exc}", file=sys.stderr)
        return 2
    app = create_app(secret, args.actions, cors_origins=args.cors, metrics_token=metrics_token)
    app.register_listener(warm_readers, "after_server_start")  # listeners run in the order registered
    app.register_listener(freeze_start_up_objects, "after_server_start")
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    ssl_context = create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    host = os.environ.get(ENV_HOST, "").strip() or DEFAULT_HOST
    logger.info(f"Action endpoint is up and running on {'https' if ssl_context else 'http'}://{host}:{args.port}")
    app.run(host, args.port, ssl=ssl_context, workers=workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
