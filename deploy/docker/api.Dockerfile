# syntax=docker/dockerfile:1
# The API image (api/ + the shared rules in bot/core + the catalogue + the portal/widget files in web/).
# Build from the repository root:   docker build -f deploy/docker/api.Dockerfile -t gaozhi/api:0.1.0 .
# The same image runs the API (default command) and the one-shot migration job
# (`python -m api.cli migrate && python -m api.cli load-catalogue`).
# Checked by tests/deploy/test_dockerfiles.py: the copy set and the Python build steps are replayed without a
# builder (and the images are built for real where docker or podman and the base image are available).
FROM python:3.10-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies first (cached while only code changes): the runtime lock, i.e. the versions .venv-api's tests ran,
# every file checked against its sha256; no test tool (README, "Dependencies").
COPY locks/api-runtime.txt locks/
RUN pip install --require-hashes -r locks/api-runtime.txt

FROM python:3.10-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONPATH=/app \
    GZ_CATALOGUE_DIR=/app/data/catalogue/items GZ_VAR_DIR=/var/lib/gaozhi
# R10: the PDFs embed WenQuanYi Zen Hei (api/documents/fonts.py explains why that font).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-zenhei \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/gaozhi --create-home gaozhi
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# bot/: the kernel (bot/core), the only part of the bot the API imports - among it the input hash the admin console
# shows beside each model, which reads the Rasa pipeline's component files (bot/rasa/nlu_normalizer.py) as bytes -
# and the build entry point run below; config.yml, domain.yml and data/ are the hash's inputs. Training itself
# needs Rasa's virtualenv, which this image does not have: in containers models are trained by the train job (bot
# image) or in CI.
COPY bot bot
COPY api api
COPY web web
COPY config.yml domain.yml ./
COPY data data
# bot.tools.build needs only bot/ and PyYAML (what it writes is rendered by bot/core/lexicon.py): this image carries
# neither actions/ nor jieba. The jieba dictionary and lookup table it writes are what the admin console
# fingerprints (api/admin/fingerprint.py); the test checks they are the bot image's, byte for byte.
RUN python -m bot.tools.build
USER 10001
EXPOSE 8800
# One worker per container: scale with replicas (commitment appends are serialised by a PostgreSQL advisory lock).
# --proxy-headers takes X-Forwarded-For only from the addresses in FORWARDED_ALLOW_IPS (uvicorn's default: the
# pod's own loopback, i.e. nobody else): set it to the ingress controller's addresses so the login rate limit
# counts per citizen; never "*", or any client could pick a fresh address for every guess.
CMD ["uvicorn", "api.main:create_app", "--factory", "--host", "0.0.0.0", "--port", "8800", "--no-access-log", "--proxy-headers"]
