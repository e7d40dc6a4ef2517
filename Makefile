# The two commands of the README: `make run` and `make test`. Both build the environment first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PG_URL ?= postgres://postgres@127.0.0.1:5432/toezeggingen
PG_PING := postgresql://postgres@127.0.0.1:5432/postgres

.PHONY: run test test-sqlite test-postgres lint typecheck bench lock snapshots clean browser

# Installs exactly what requirements.lock names, each file checked against its hash, with the
# pip the venv comes with: a fresh machine gets the versions the tests last passed with.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Regenerates requirements.lock from pyproject.toml: keeps the pins that still fit and adds what
# is new; `make lock LOCK_FLAGS=--upgrade` moves every pin to the newest its range allows. Only
# this target needs uv; `make run` and `make test` install the lock with plain pip.
LOCK_FLAGS ?=
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet 'uv>=0.5'
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --extra test --generate-hashes \
		--python-version 3.11 $(LOCK_FLAGS) -o requirements.lock

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddemo
	$(PY) manage.py runserver 127.0.0.1:8000

# SQLite always; PostgreSQL when it answers. Without it the run says so loudly, and under
# CI=true a missing PostgreSQL is a failure rather than a silently skipped leg.
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) manage.py makemigrations --check --dry-run
	@$(MAKE) --no-print-directory browser
	$(PY) -m pytest
	@if $(PY) -c "import psycopg; psycopg.connect('$(PG_PING)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "=== the same suite on PostgreSQL ==="; \
		DATABASE_URL=$(PG_URL) DEBUG=true $(PY) -m pytest -m "not browser"; \
	elif [ "$$CI" = "true" ]; then \
		echo "!!! PostgreSQL at $(PG_URL) does not answer: CI needs the PostgreSQL leg." >&2; exit 1; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
		echo "!!! PostgreSQL at $(PG_URL) does not answer: ran the SQLite leg only." >&2; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
	fi

# The browser tests (tests/browser/, marked `browser`) run on Debian's chromium, since
# `playwright install` cannot download browsers here. As root, install it when missing;
# otherwise say loudly that the browser leg is skipped, and under CI=true fail.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ ! -x $(CHROMIUM) ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "=== installing chromium for the browser tests ==="; \
		apt-get install -y chromium >/dev/null 2>&1 || \
		{ apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1; } || true; \
	fi; \
	if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$CI" = "true" ]; then \
			echo "!!! no chromium at $(CHROMIUM): CI needs the browser tests." >&2; exit 1; \
		fi; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
		echo "!!! no chromium at $(CHROMIUM): the browser tests will be SKIPPED." >&2; \
		echo "!!! Install it (apt-get install chromium) to run them." >&2; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# mypy with django-stubs and celery-types over commitments/ and tracker/ (pyproject.toml).
typecheck: $(STAMP)
	$(VENV)/bin/mypy

bench: $(STAMP)
	for f in bench/bench_*.py; do $(PY) $$f || exit 1; done

# the extractor's output on every labelled letter (tests/extraction/snapshots/): regenerate
# after an intended rule change and review the diff before committing it
snapshots: $(STAMP)
	$(PY) -m tests.extraction.snapshot

clean:
	rm -rf $(VENV) var staticfiles
