# The single source of truth for the project's commands (the README names these targets).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/boardpack
DEMO_ADDR ?= 127.0.0.1:8000
# The demo's officer signs in with a password alone; `make demo DEMO_2FA=officers` asks for a
# second factor as production does (docs/security.md).
DEMO_2FA ?= none
# Local demo and tests only; production sets its own SECRET_KEY (see .env.example).
export SECRET_KEY ?= insecure-key-for-local-demo-and-tests-only

.PHONY: install browser-tools demo test test-sqlite test-postgres migrations-check imports-check lint format bench bench-calc clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Browser tests and the PDF tests: Debian's Chromium; axe-core from the npm registry (package-lock.json).
browser-tools: node_modules/.installed
	scripts/ensure-chromium

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch node_modules/.installed

# PDF downloads are printed by Chromium (CHROMIUM_PATH, default Debian's /usr/bin/chromium): the
# demo installs it if it can, and runs without PDFs if it cannot.
# The demo is one authority throughout: its plan's and its published benchmarks' (LAIT 888).
DEMO_ENV := DEBUG=true BOARDPACK_REQUIRE_2FA=$(DEMO_2FA) BOARDPACK_AUTHORITY_NUMBER=888 \
	BOARDPACK_AUTHORITY_NAME="Lancashire County Council"

demo: install
	scripts/ensure-chromium || echo "PDF downloads need Chromium: apt-get install chromium (or set CHROMIUM_PATH)" >&2
	$(DEMO_ENV) $(BIN)/boardpack demo --reset --address $(DEMO_ADDR)
	# A worker beside the server runs the jobs (downloads, board packs, the cycle); it stops with it.
	$(DEMO_ENV) $(BIN)/boardpack worker --interval 0.5 & worker=$$!; trap 'kill $$worker' EXIT; \
	$(DEMO_ENV) $(BIN)/boardpack runserver --noreload $(DEMO_ADDR)

test: install browser-tools migrations-check imports-check test-sqlite test-postgres

migrations-check: install
	$(BIN)/boardpack makemigrations --check --dry-run

# The import-direction contract in pyproject.toml ([tool.importlinter]): every tie points down.
imports-check: install
	$(BIN)/lint-imports --no-logo

test-sqlite: install browser-tools
	env -u DATABASE_URL $(BIN)/pytest -q

# The browser tests drive the same pages over either database: they run once, on SQLite.
test-postgres: install browser-tools
	scripts/ensure-postgres
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -m "not browser"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

# The web load benchmark (bench/web.py) needs Debian's wrk.
bench: install
	scripts/ensure-wrk
	$(BIN)/python bench/run.py
	$(BIN)/python bench/reports.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/spc.py
	$(BIN)/python bench/jobs.py

# The calc engine at national scale alone (bench/calc_national.py; `make bench` runs it too).
bench-calc: install
	$(BIN)/python bench/calc_national.py

clean:
	rm -rf $(VENV) var/*.sqlite3
