"""Extraction speed on one core: MB of letter text per second, and one 40-page letter.

    .venv/bin/python bench/bench_extract.py

The 40-page (~100 KB) letter is built by concatenating the example letters in fixtures/.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from commitments.extraction import extract  # noqa: E402

FIXTURES = ROOT / "fixtures" / "letters"
TARGET_BYTES = 100_000


def build_long_letter(texts: list[str]) -> str:
    """About 100 KB of letter text (40 pages), cut at a line end."""
    joined = "\n\n".join(texts)
    while len(joined.encode("utf-8")) < TARGET_BYTES:
        joined += "\n\n" + joined
    cut = joined.rfind("\n", 0, TARGET_BYTES)
    return joined[:cut]


def timed(text: str, repeats: int) -> list[float]:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        extract(text)
        timings.append(time.perf_counter() - started)
    return timings


def main() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    extract(texts[0])  # warm up: compile the regexes once
    corpus_bytes = sum(len(text.encode("utf-8")) for text in texts)
    rounds = 5
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

    long_letter = build_long_letter(texts)
    timings = timed(long_letter, 5)
    size_kb = len(long_letter.encode("utf-8")) / 1000
    print(
        f"40-page letter ({size_kb:.0f} KB): median {statistics.median(timings) * 1000:.0f} ms, "
        f"max {max(timings) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
