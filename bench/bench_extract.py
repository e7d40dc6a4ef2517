"""Extraction speed on one core: MB of letter text per second, and one 40-page letter.

    .venv/bin/python bench/bench_extract.py [--smoke]

The 40-page (~100 KB) letter is built by concatenating the example letters in fixtures/.
`--smoke` (or BENCH_SMOKE=1): one round and a 10 KB letter, as the test suite runs it
(tests/test_bench_smoke.py) so the benchmark cannot rot.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from commitments.extraction import extract  # noqa: E402

FIXTURES = ROOT / "fixtures" / "letters"
TARGET_BYTES = 100_000
SMOKE = {"rounds": 1, "target_bytes": 10_000, "repeats": 1}


def build_long_letter(texts: list[str], target_bytes: int = TARGET_BYTES) -> str:
    """About `target_bytes` of letter text (100 KB: 40 pages), cut at a line end."""
    joined = "\n\n".join(texts)
    while len(joined.encode("utf-8")) < target_bytes:
        joined += "\n\n" + joined
    cut = joined.rfind("\n", 0, target_bytes)
    return joined[:cut]


def timed(text: str, repeats: int) -> list[float]:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        extract(text)
        timings.append(time.perf_counter() - started)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("BENCH_SMOKE") == "1",
        help="tiny sizes: shows the benchmark runs, measures nothing",
    )
    args = parser.parse_args(argv)
    run(**(SMOKE if args.smoke else {"rounds": 5, "target_bytes": TARGET_BYTES, "repeats": 5}))


def run(*, rounds: int, target_bytes: int, repeats: int) -> dict[str, float]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    extract(texts[0])  # warm up: compile the regexes once
    corpus_bytes = sum(len(text.encode("utf-8")) for text in texts)
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            extract(text)
    elapsed = time.perf_counter() - started
    throughput = corpus_bytes * rounds / elapsed / 1_000_000
    print(
        f"fixtures: {len(texts)} letters, {corpus_bytes / 1000:.0f} KB, x{rounds}: "
        f"{elapsed:.2f} s -> {throughput:.2f} MB/s"
    )

    long_letter = build_long_letter(texts, target_bytes)
    timings = timed(long_letter, repeats)
    size_kb = len(long_letter.encode("utf-8")) / 1000
    print(
        f"long letter ({size_kb:.0f} KB): median {statistics.median(timings) * 1000:.0f} ms, "
        f"max {max(timings) * 1000:.0f} ms"
    )
    return {"mb_per_s": throughput, "long_letter_s": statistics.median(timings)}


if __name__ == "__main__":
    main()
