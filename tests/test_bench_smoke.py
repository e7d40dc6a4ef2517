"""Every benchmark in bench/ at its smoke size, so a schema or API change that breaks one fails
here instead of being found the day someone wants the figures again. These measure nothing:
the figures come from running the benchmarks at full size (README, "Benchmarks")."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from django.db import connection

BENCH = Path(__file__).resolve().parent.parent / "bench"
PG_ONLY = "fills its data with PostgreSQL's generate_series: runs on the PostgreSQL leg"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_smoke_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_benchmark_has_a_smoke_test():
    """A new benchmark comes with a smoke run: its file is named in a test that loads it."""
    tests = "\n".join(
        path.read_text(encoding="utf-8") for path in BENCH.parent.glob("tests/**/*.py")
    )
    missing = [
        path.name
        for path in sorted(BENCH.glob("bench_*.py"))
        if f'"{path.stem}"' not in tests and f"{path.stem}.py" not in tests
    ]
    assert missing == []


def test_bench_extract_smoke() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "bench_extract.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert "one line / letters at 200 KB" in result.stdout
    assert "promises_10000" in result.stdout


def test_bench_linking_smoke():
    bench = load("bench_linking")
    result = bench.run(**bench.SMOKE)
    assert result["linkable"] == 45
    # Not a quality bar (that is the full run's figure), only proof the scoring core links.
    assert result["right"] > 0


def test_benchmarks_take_the_smoke_switch(monkeypatch):
    """`--smoke` and BENCH_SMOKE=1 are what a person types; both lead to SMOKE."""
    bench = load("bench_linking")
    seen: list[dict[str, int]] = []
    monkeypatch.setattr(bench, "run", lambda **sizes: seen.append(sizes))
    bench.main(["--smoke"])
    monkeypatch.setenv("BENCH_SMOKE", "1")
    bench.main([])
    assert seen == [bench.SMOKE, bench.SMOKE]


@pytest.mark.postgres
def test_bench_list_smoke(db):
    if connection.vendor != "postgresql":
        pytest.skip(PG_ONLY)
    bench = load("bench_list")
    result = bench.run(**bench.SMOKE)
    assert set(result) >= {"deep", "csv", "first page, due date"}


@pytest.mark.postgres
def test_bench_overdue_smoke(db):
    if connection.vendor != "postgresql":
        pytest.skip(PG_ONLY)
    bench = load("bench_overdue")
    result = bench.run(**bench.SMOKE)
    assert 0 < result["first"] <= result["past_due"]
    assert result["rerun"] == 0  # exactly once, also at smoke size
    assert result["digests"] == bench.SMOKE["subscriptions"]
    assert result["digests_again"] == bench.SMOKE["subscriptions"]
