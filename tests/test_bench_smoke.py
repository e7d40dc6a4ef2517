"""Smoke runs of the benchmarks: they run end to end at tiny sizes (no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_extract_smoke() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_extract.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert "one line / letters at 200 KB" in result.stdout
    assert "promises_10000" in result.stdout
