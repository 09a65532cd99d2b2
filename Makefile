# The two commands (README): `make up` sets everything up and runs the assistant; `make test` runs the suite.
SHELL := /bin/bash
# The first Python 3.10 that really runs (a pyenv shim may exist without 3.10 being selected).
PY310 := $(shell for c in python3.10 $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do \
           $$c -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1 && { command -v $$c || echo $$c; } && break; done)

.PHONY: up test bench eval setup system-packages build model clean lock

up: setup
	.venv/bin/python -m bot.tools.stack up

test: setup
	.venv/bin/python -m bot.tools.testrun

# Performance against stock Rasa 3.6.21 (bench/): prints a table, writes bench/results/latest.md (~20 min).
bench: setup
	.venv/bin/python -m bench

# How well natural answers and free-text needs are understood, on corpora written independently of the rules
# (tests/data/answers, tests/data/discovery_independent.yml); prints a markdown table (bot/tools/evaluate.py).
eval: setup model
	.venv/bin/python -m bot.tools.evaluate

# The two venvs are independent: they are installed side by side (about 25 s less on a fresh clone), by a
# sub-make with -j2 so that a bare `make up` or `make test` gets it (a `make -jN` keeps its own job slots).
# Nothing is printed when both are installed already.
VENVS := .venv/.installed .venv-api/.installed
setup: system-packages
	@$(MAKE) --no-print-directory -q $(VENVS) || \
	  $(MAKE) --no-print-directory $(if $(findstring --jobserver,$(MAKEFLAGS)),,-j2) --output-sync=target $(VENVS)

# Debian packages the product needs besides Python: CJK fonts for the downloadable PDFs (R10; see
# api/documents/fonts.py for why the PDFs embed WenQuanYi Zen Hei) and poppler-utils (pdftotext) for their tests;
# chromium for the website widget's browser tests (tests/browser: Playwright drives Debian's Chromium and never
# downloads a browser of its own), which also render the widget's Chinese with fonts-noto-cjk.
# Installed only when missing, and only where apt-get exists and we are root; elsewhere the command is printed.
SYSTEM_PACKAGES := fonts-noto-cjk fonts-wqy-zenhei poppler-utils chromium
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	missing=$$(echo $$missing); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "apt-get install $$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q --no-install-recommends $$missing >/dev/null \
	    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $$missing >/dev/null; }; \
	else \
	  echo "Missing Debian packages: $$missing. As root: apt-get install -y --no-install-recommends $$missing"; \
	fi

# Rasa 3.6 pins SQLAlchemy 1.4 and pydantic 1; the API uses SQLAlchemy 2 and pydantic 2: two venvs.
# Each is installed from its lock (exact versions, every file checked against its sha256), then the project
# itself without dependencies, so a venv holds exactly what the lock says. README, "Dependencies".
.venv/.installed: locks/bot.txt pyproject.toml
	@test -n "$(PY310)" || { echo "Python 3.10 is required (Rasa 3.6.21). Install it, e.g. 'pyenv install 3.10'"; exit 1; }
	test -x .venv/bin/python || $(PY310) -m venv .venv
	.venv/bin/pip install -q --upgrade pip
	.venv/bin/pip install -q --require-hashes -r locks/bot.txt
	.venv/bin/pip install -q --no-deps -e .
	touch $@

.venv-api/.installed: locks/api.txt pyproject.toml
	@test -n "$(PY310)" || { echo "Python 3.10 is required."; exit 1; }
	test -x .venv-api/bin/python || $(PY310) -m venv .venv-api
	.venv-api/bin/pip install -q --upgrade pip
	.venv-api/bin/pip install -q --require-hashes -r locks/api.txt
	.venv-api/bin/pip install -q --no-deps -e .
	touch $@

# Regenerates locks/*.txt from pyproject.toml (locks/compile.py says how); versions already locked are kept.
# Upgrade one package: make lock LOCK_ARGS="-- -P httpx"; everything: make lock LOCK_ARGS="-- --upgrade".
# pip-compile resolves for the Python it runs on, so the tool venv is a Python 3.10 one of its own.
PIP_TOOLS := pip-tools==7.6.2
lock: .venv-tools/.installed
	.venv-tools/bin/python locks/compile.py $(LOCK_ARGS)

.venv-tools/.installed:
	@test -n "$(PY310)" || { echo "Python 3.10 is required."; exit 1; }
	test -x .venv-tools/bin/python || $(PY310) -m venv .venv-tools
	.venv-tools/bin/pip install -q "$(PIP_TOOLS)"
	touch $@

build: setup
	.venv/bin/python -m bot.tools.build

model: build
	.venv/bin/python -m bot.tools.model

clean:
	rm -rf var models/*.tar.gz bot/generated data/nlu/generated_items.yml
