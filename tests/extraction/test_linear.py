"""Structural guards against the quadratic costs fuzzing found (issue 8, item 7): they count
work, never time it. The timings are in bench/bench_extract.py."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from commitments.extraction import _POSTINGS_CAP, _Promise, _Promises, extract
from commitments.extraction.cleanup import _word_tail, clean
from commitments.extraction.deadlines import find_deadlines

ROOT = Path(__file__).resolve().parents[2]


def test_promises_compared_stay_bounded_when_every_promise_shares_a_word() -> None:
    promises = _Promises()
    for index in range(2_000):
        promises.add(
            _Promise({"zomer", f"a{index}", f"b{index}"}, None, None, "x", index, "inform")
        )
    before = promises.comparisons
    assert promises.restated_by({"zomer", "ander", "nieuw", "woord"}, None, None) is None
    # the old list compared all 2,000; the index compares at most the cap per shared word
    assert promises.comparisons - before <= _POSTINGS_CAP


def test_restatement_is_found_through_the_index() -> None:
    promises = _Promises()
    first = _Promise({"dijken", "versterking"}, None, None, "a", 0, "inform")
    promises.add(first)
    promises.add(_Promise({"subsidie", "scholen"}, None, None, "b", 1, "inform"))
    assert promises.restated_by({"dijken", "versterking", "planning"}, None, None) is first
    assert promises.restated_by({"wegen"}, None, None) is None
    assert promises.comparisons == 1  # the unrelated promise was never looked at


def test_letter_of_many_promises_compares_linearly() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extract import promise_sentences

    promises = _Promises()
    text = promise_sentences(1_500)
    lines = text.splitlines()
    for index, line in enumerate(lines):
        words = set(line.lower().rstrip(".").split()[9:])
        if promises.restated_by(words, None, None) is None:
            promises.add(_Promise(words, None, None, line, index, "inform"))
    assert promises.comparisons <= len(lines) * _POSTINGS_CAP // 4


def test_word_tail_is_the_character_before_a_final_hyphen() -> None:
    assert _word_tail("de Neder-") == "r"
    assert _word_tail("de VN-") == "N"
    assert _word_tail("een streep -") is None
    assert _word_tail("-") is None
    assert _word_tail("a" * 100_000) is None


def test_a_long_word_run_cleans_to_itself() -> None:
    assert clean("a" * 50_000).text == "a" * 50_000
    assert extract("a" * 50_000).commitments == []


def test_overlapping_time_phrases_keep_the_longest_first() -> None:
    found = find_deadlines("Ik zal u eind januari 2030 informeren.", dt.date(2025, 1, 1))
    assert [d.phrase for d in found] == ["eind januari 2030"]


def test_many_time_phrases_in_one_sentence_are_each_kept_once() -> None:
    text = "Ik zal u informeren " + ", ".join(f"in maart {2030 + i}" for i in range(300)) + "."
    found = find_deadlines(text, dt.date(2025, 1, 1))
    assert len(found) == 300
    spans = sorted((d.start, d.end) for d in found)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


def test_a_backward_date_blocks_the_phrases_inside_it() -> None:
    # "3 maart 2030 jl." looks back, so "maart 2030" inside it must not count either
    assert find_deadlines("Op 3 maart 2030 jl. schreef ik u.", dt.date(2025, 1, 1)) == []
    assert find_deadlines("Op 3 maart 2030 schrijf ik u.", dt.date(2025, 1, 1)) != []
