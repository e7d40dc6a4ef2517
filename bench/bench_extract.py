"""Extraction speed on one core: MB of letter text per second, one 40-page letter, and the
pathological inputs fuzzing found quadratic (issue 8, item 7).

    .venv/bin/python bench/bench_extract.py            # every case
    .venv/bin/python bench/bench_extract.py --smoke    # tiny sizes, checks the cases run
    .venv/bin/python bench/bench_extract.py --case one_line_200k   # one case, for farm-bench
    .venv/bin/python bench/bench_extract.py --rules-only   # without the learned layer

The ordinary letters are the example letters in fixtures/, concatenated where a case needs more
text. The bar: 200 KB in one line extracts in at most 3x the time of 200 KB of letters, and
ordinary letters go at 1 MB/s or more on one core.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from commitments.extraction import extract  # noqa: E402
from commitments.extraction.deadlines import find_deadlines  # noqa: E402

FIXTURES = ROOT / "fixtures" / "letters"
_MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def letters() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]


def build_long_letter(texts: list[str], target_bytes: int = 100_000) -> str:
    """About target_bytes of letter text, cut at a line end."""
    joined = "\n\n".join(texts)
    while len(joined.encode("utf-8")) < target_bytes:
        joined += "\n\n" + joined
    cut = joined.rfind("\n", 0, target_bytes)
    return joined[:cut]


def one_line(texts: list[str], target_bytes: int) -> str:
    """The same letters with every line break a space: one line of target_bytes."""
    return " ".join(build_long_letter(texts, target_bytes).split())


def promise_sentences(count: int) -> str:
    """count distinct promises, one a line, each on its own topic from a vocabulary of 3,000."""
    rng = random.Random(8)
    vocabulary = [f"onderwerp{i:04d}" for i in range(3000)]
    lines = []
    for _ in range(count):
        a, b, c, d = rng.sample(vocabulary, 4)
        lines.append(
            f"Ik zal uw Kamer voor de zomer informeren over de {a} en {b} van {c} bij {d}."
        )
    return "\n".join(lines)


def deadline_phrases(count: int) -> str:
    """One sentence holding count time phrases."""
    phrases = (f"in {_MONTHS[i % 12]} {2030 + i % 50}" for i in range(count))
    return "Ik zal u informeren " + ", ".join(phrases) + "."


def word_run(length: int) -> str:
    """One line of a single 'word' with no space or hyphen (a broken PDF text layer)."""
    return "a" * length


def cases(scale: float) -> dict[str, Callable[[], str]]:
    texts = letters()
    kb = int(200_000 * scale)
    return {
        "letters_200k": lambda: build_long_letter(texts, kb),
        "letters_1mb": lambda: build_long_letter(texts, int(1_000_000 * scale)),
        "one_line_200k": lambda: one_line(texts, kb),
        "one_line_1mb": lambda: one_line(texts, int(1_000_000 * scale)),
        "promises_10000": lambda: promise_sentences(int(10_000 * scale)),
        "phrases_14000": lambda: deadline_phrases(int(14_000 * scale)),
        "word_run_64000": lambda: word_run(int(64_000 * scale)),
    }


def timed(run: Callable[[], object], repeats: int) -> list[float]:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return timings


def run_case(name: str, text: str, repeats: int) -> float:
    if name.startswith("phrases"):
        timings = timed(lambda: find_deadlines(text), repeats)
    else:
        timings = timed(lambda: extract(text), repeats)
    median = statistics.median(timings)
    size = len(text.encode("utf-8"))
    print(
        f"{name}: {size / 1000:.0f} KB, median {median * 1000:.0f} ms of {repeats}, "
        f"{size / median / 1_000_000:.2f} MB/s"
    )
    return median


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run each")
    parser.add_argument("--case", help="run only this case once (for farm-bench)")
    parser.add_argument(
        "--rules-only", action="store_true", help="without the learned layer, to see its cost"
    )
    args = parser.parse_args(argv)
    if args.rules_only:
        global extract
        extract = partial(extract, use_model=False)
    scale, repeats = (0.01, 1) if args.smoke else (1.0, 3)
    texts = letters()
    extract(texts[0])  # warm up: compile the regexes once
    built = cases(scale)
    if args.case == "startup":
        return  # imports and the warm-up alone: subtract from a case's process time
    if args.case:
        text = built[args.case]()
        (find_deadlines if args.case.startswith("phrases") else extract)(text)
        return

    corpus_bytes = sum(len(text.encode("utf-8")) for text in texts)
    rounds = 1 if args.smoke else 5
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            extract(text)
    elapsed = time.perf_counter() - started
    print(
        f"fixtures: {len(texts)} letters, {corpus_bytes / 1000:.0f} KB, x{rounds}: "
        f"{elapsed:.2f} s -> {corpus_bytes * rounds / elapsed / 1_000_000:.2f} MB/s"
    )
    run_case("40-page letter", build_long_letter(texts, int(100_000 * max(scale, 0.05))), repeats)
    medians = {name: run_case(name, build(), repeats) for name, build in built.items()}
    ratio = medians["one_line_200k"] / medians["letters_200k"]
    print(f"one line / letters at 200 KB: {ratio:.2f}x (bar: at most 3x)")


if __name__ == "__main__":
    main()
