"""The search benchmark runs, at a tiny size: its SQL still fits the schema and its pages still
give the answers it checks against SQL. Timings are not asserted (bench/ measures them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_search.py"


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="the search benchmark measures PostgreSQL's text search (run with DATABASE_URL)",
)
def test_bench_search_smoke():
    db = settings.DATABASES["default"]
    # The benchmark makes its own database beside this run's, named after it, so parallel
    # runs on one server do not meet.
    admin = f"postgresql://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres"
    name = f"{db['NAME']}_bench_search_smoke"[:63]
    connection.close()  # the subprocess needs no connection of ours
    run = subprocess.run(
        [sys.executable, str(BENCH), "--smoke", "--json", "--db", name],
        env={"BENCH_ADMIN_URL": admin, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    assert result["commitments"] == 2_000 and result["letters"] == 400
    rare, common = result["hits"]["rare"], result["hits"]["common"]
    # The Zipf-like vocabulary gives one word in a few rows and one in most of them.
    assert 0 < rare["visible commitments"] <= 60
    assert common["visible commitments"] > 500
    assert common["letters"] == 400
    assert set(result["cases"]) == {
        f"{page} ?q={word}" for page in ("list", "search", "letters") for word in ("rare", "common")
    } | {
        "overview /",
        "overview / after a change",
        "overview / first ever",
        "overview: worker's count",
    }
    assert all(case["p95_ms"] >= case["p50_ms"] > 0 for case in result["cases"].values())
