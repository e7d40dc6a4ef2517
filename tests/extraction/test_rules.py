"""Every detection rule decides the sentences it names as its hits, and none of its misses.

The examples live beside each rule in commitments/extraction/detection.py (RULES, VETOES), so
a reader of a rule sees what it is for; here they run through the whole per-sentence pipeline
(deadline grammar included), with a letter dated 15 March 2022.
"""

from __future__ import annotations

import datetime as dt

import pytest

from commitments.extraction import explain
from commitments.extraction.detection import FALLBACKS, RULES, RULES_BY_NAME, VETOES

LETTER_DATE = dt.date(2022, 3, 15)
MINISTER = "Minister van Binnenlandse Zaken en Koninkrijksrelaties"
ALL_RULES = (*RULES, *VETOES, *FALLBACKS)

HITS = [(rule.name, sentence) for rule in ALL_RULES for sentence in rule.hits]
MISSES = [(rule.name, sentence) for rule in ALL_RULES for sentence in rule.misses]


def test_every_rule_is_named_once_and_shows_what_it_hits() -> None:
    assert len(RULES_BY_NAME) == len(ALL_RULES)
    for rule in ALL_RULES:
        assert rule.hits, f"{rule.name} has no example it must hit"
        assert rule.outcome in ("commitment", "reference", "skip")
        assert rule.summary


@pytest.mark.parametrize(("name", "sentence"), HITS)
def test_rule_hits_its_examples(name: str, sentence: str) -> None:
    assert explain(sentence, LETTER_DATE, MINISTER).rule == name


@pytest.mark.parametrize(("name", "sentence"), MISSES)
def test_rule_misses_its_counter_examples(name: str, sentence: str) -> None:
    assert explain(sentence, LETTER_DATE, MINISTER).rule != name


@pytest.mark.parametrize(
    "rule", [r for r in (*RULES, *FALLBACKS) if r.outcome != "skip"], ids=lambda r: r.name
)
def test_a_proposing_rule_proposes_what_it_says(rule) -> None:
    for sentence in rule.hits:
        analysis = explain(sentence, LETTER_DATE, MINISTER)
        assert analysis.category == rule.outcome, sentence
        assert analysis.confidence == rule.confidence
        if rule.outcome == "reference":
            assert analysis.kind == rule.kind
            assert analysis.answers is not None
