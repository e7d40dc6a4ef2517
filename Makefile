# The two commands of the README: `make run` and `make test`. Both build the environment first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PG_URL ?= postgres://postgres@127.0.0.1:5432/toezeggingen
PG_PING := postgresql://postgres@127.0.0.1:5432/postgres

.PHONY: run test test-sqlite test-postgres lint bench snapshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddemo
	$(PY) manage.py runserver 127.0.0.1:8000

# SQLite always; PostgreSQL when it answers. Without it the run says so loudly, and under
# CI=true a missing PostgreSQL is a failure rather than a silently skipped leg.
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest
	@if $(PY) -c "import psycopg; psycopg.connect('$(PG_PING)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "=== the same suite on PostgreSQL ==="; \
		DATABASE_URL=$(PG_URL) DEBUG=true $(PY) -m pytest; \
	elif [ "$$CI" = "true" ]; then \
		echo "!!! PostgreSQL at $(PG_URL) does not answer: CI needs the PostgreSQL leg." >&2; exit 1; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
		echo "!!! PostgreSQL at $(PG_URL) does not answer: ran the SQLite leg only." >&2; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(STAMP)
	for f in bench/bench_*.py; do $(PY) $$f || exit 1; done

# the extractor's output on every labelled letter (tests/extraction/snapshots/): regenerate
# after an intended rule change and review the diff before committing it
snapshots: $(STAMP)
	$(PY) -m tests.extraction.snapshot

clean:
	rm -rf $(VENV) var staticfiles
