# syntax=docker/dockerfile:1
# The bot image: Rasa 3.6.21 + the action server (one virtualenv, as .venv on a developer machine).
# Build from the repository root:   docker build -f deploy/docker/bot.Dockerfile -t gaozhi/bot:0.1.0 .
# Commands (see deploy/compose/compose.yaml and deploy/k8s/):
#   Rasa server    python -m bot.rasa.server run --enable-api --model /app/models ...   (token: GZ_RASA_TOKEN_PATH)
#   action server  python -m actions.server --actions actions --port 5055   (needs GZ_ACTION_SECRET_PATH)
#   train a model  python -m bot.tools.model            (writes models/nlu-core-<input hash>.tar.gz)
# The model is not baked in: it lives on the model volume (or comes from a model server), so a new model
# does not need a new image. Checked by tests/deploy/test_dockerfiles.py (replayed without a builder; built
# for real where docker or podman and the base image are available).
FROM python:3.10-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies first (cached while only code changes): the runtime lock, i.e. the versions .venv's tests ran
# (setuptools < 71 and wheel included), every file checked against its sha256; no test tool (README, "Dependencies").
COPY locks/bot-runtime.txt locks/
RUN pip install --require-hashes -r locks/bot-runtime.txt

FROM python:3.10-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONPATH=/app \
    HOME=/tmp RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 \
    TF_INTRA_OP_PARALLELISM_THREADS=2 TF_INTER_OP_PARALLELISM_THREADS=1
RUN useradd --system --uid 10001 --home-dir /tmp gaozhi
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY bot bot
COPY actions actions
COPY config.yml domain.yml ./
COPY data data
# The catalogue is the single source of the jieba dictionary and the lookup table (bot/tools/build.py).
# bot/tools/model.py and bot/tools/stack.py call .venv/bin/...: the image's venv is /opt/venv.
RUN ln -s /opt/venv /app/.venv && python -m bot.tools.build && mkdir -p /app/models && chown 10001 /app/models
USER 10001
EXPOSE 5005 5055
CMD ["python", "-m", "bot.rasa.server", "run", "--enable-api", "--port", "5005", "--model", "/app/models", \
     "--endpoints", "/etc/gaozhi/endpoints.yml", "--credentials", "/app/bot/credentials.yml", \
     "--logging-config-file", "/app/bot/logging.yml"]
