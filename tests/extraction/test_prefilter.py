"""The literal gates read off the rules' patterns: a gate that rejects a text the pattern
matches would silently lose a rule's decision, so they are checked on every letter held here."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from commitments.extraction import detection
from commitments.extraction.prefilter import may_match, needs

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        (r"\bzoals\s+toegezegd\b", (("toegezegd",), ("zoals",))),
        # every alternative must hold one of the words, its most selective one stands for it
        (r"\b(?:informeer|stuur)\s+ik\b|\bzend\s+wij\b", (("informeer", "stuur", "zend"),)),
        # an optional part, a character class or a lookaround requires nothing
        (r"\b(?:zeer\s+)?spoedig\b", (("spoedig",),)),
        (r"[A-Z]{2,6}\d", ()),
        (r"(?<=van\s)leden", (("leden",),)),
        # a word holding another is implied by it
        (r"\b(?:motie|moties)\b", (("motie",),)),
        # one letter long is no gate at all
        (r"\bu\s+\w+", ()),
    ],
)
def test_gates_read_off_the_pattern(pattern: str, gate: tuple) -> None:
    assert needs(re.compile(pattern, re.IGNORECASE)) == gate


def test_a_text_without_the_words_cannot_match() -> None:
    pattern = re.compile(r"\bzal\s+(?:ik|wij)\s+(?:\w+\s+){0,4}?informeren\b", re.IGNORECASE)
    assert may_match(pattern, "ik zal u voor de zomer informeren")
    assert not may_match(pattern, "ik zal u voor de zomer een brief sturen")


@cache
def _corpus_pieces() -> tuple[str, ...]:
    """Every labelled and example letter, in sentence-sized pieces (the patterns are searched in
    sentences)."""
    texts = [
        " ".join(path.read_text(encoding="utf-8").split())
        for folder in (ROOT / "tests" / "extraction", ROOT / "fixtures" / "letters")
        for path in sorted(folder.rglob("*.txt"))
    ]
    return tuple(piece for text in texts for piece in re.split(r"(?<=[.?!])\s+", text))


def test_no_gate_rejects_a_sentence_its_pattern_matches() -> None:
    patterns = [p for p in vars(detection).values() if isinstance(p, re.Pattern)]
    gated = [p for p in patterns if needs(p)]
    assert len(gated) > 50
    rejected = [
        (pattern.pattern[:60], piece[:80])
        for pattern in gated
        for piece in _corpus_pieces()
        if not may_match(pattern, piece.lower()) and pattern.search(piece)
    ]
    assert rejected == []


def test_the_trigger_words_filter_as_their_pattern_does() -> None:
    """admits() reads the triggers word by word; TRIGGERS is the same vocabulary as a pattern."""
    assert detection._has_trigger("De Kamer ontvangt de voortgangsrapportage in mei.")
    assert detection._has_trigger("Dit komt aan de orde in het overleg.")
    assert not detection._has_trigger("Het weer was goed in de zomer van 2020.")
    texts = [
        " ".join(path.read_text(encoding="utf-8").split())
        for path in sorted((ROOT / "tests" / "extraction").rglob("*.txt"))
    ]
    pieces = [piece for text in texts for piece in re.split(r"(?<=[.?!])\s+", text)]
    differ = [p for p in pieces if detection._has_trigger(p) != bool(detection.TRIGGERS.search(p))]
    assert differ == []


def test_no_hand_written_gate_rejects_a_sentence_its_pattern_matches() -> None:
    """The gates written by hand beside a pattern (detection._GATES) must be implied by it."""
    rejected = [
        (pattern.pattern[:60], piece[:80])
        for pattern, gate in detection._GATES.items()
        for piece in _corpus_pieces()
        if not gate.search(piece) and pattern.search(piece)
    ]
    assert rejected == []
