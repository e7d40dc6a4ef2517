"""The learned layer: its weights as data, applied deterministically, and its training."""

from __future__ import annotations

import json
import math
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from commitments.extraction import LEARNED, extract, rules_pass
from commitments.extraction.detection import ANSWERS
from commitments.extraction.learned import (
    FEATURE_VERSION,
    MODEL_PATH,
    Model,
    _crc,
    apply_model,
    calibrated,
    candidates,
    load_model,
)
from commitments.extraction.training import fit_platt, reliability, train

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "fixtures" / "letters").glob("*.txt"))
LETTER = """Den Haag, 3 maart 2025

Geachte voorzitter,

In deze brief beschrijf ik de stand van zaken rond de dijkversterking.
De versterking van de dijken bij Kampen komt in het najaar van 2025 gereed.
Ik zal uw Kamer voor de zomer van 2025 informeren over de uitkomsten van de evaluatie.
Het kabinet hecht veel waarde aan de veiligheid van de inwoners van de regio in 2025.

Hoogachtend,

De minister van Infrastructuur en Waterstaat,
J. Jansen
"""


def test_the_stored_model_is_small_current_and_finite() -> None:
    assert MODEL_PATH.stat().st_size < 2_000_000
    data = json.loads(MODEL_PATH.read_text("utf-8"))
    assert data["feature_version"] == FEATURE_VERSION
    model = load_model()
    assert model is not None
    assert len(model.commitment) == len(model.reference) == model.dim
    assert all(math.isfinite(w) for w in model.commitment + model.reference)
    assert set(model.platt) == {"commitment", "reference", "new", "new_reference"}


def test_extraction_with_the_model_is_deterministic_and_confidences_are_probabilities() -> None:
    for path in FIXTURES:
        text = path.read_text("utf-8")
        first, second = extract(text).as_json(), extract(text).as_json()
        assert first == second
        for item in first["commitments"] + first["fulfilments"]:
            assert 0.0 <= item["confidence"] <= 1.0


def test_the_model_keeps_every_rule_commitment_unless_it_may_drop() -> None:
    model = load_model()
    assert model is not None
    for path in FIXTURES:
        text = path.read_text("utf-8")
        rules = {(c.start, c.end) for c in extract(text, use_model=False).commitments}
        learned = {(c.start, c.end) for c in extract(text).commitments}
        if model.drop_threshold is None:
            assert rules <= learned
        if model.add_threshold is None:
            assert learned <= rules


def _model(bias: float, **thresholds: float | None) -> Model:
    """A model that gives every candidate the same score: bias is its only weight."""
    dim = 1 << 16
    weights = [0.0] * dim
    weights[_crc("bias") % dim] = bias
    platt = {k: (1.0, 0.0) for k in ("commitment", "reference", "new", "new_reference")}
    return Model(
        dim=dim,
        commitment=weights,
        reference=list(weights),
        platt=platt,
        add_threshold=thresholds.get("add"),
        drop_threshold=thresholds.get("drop"),
        add_reference_threshold=thresholds.get("add_reference"),
        rescore=True,
    )


def test_a_confident_model_adds_what_the_rules_passed_over_with_its_deadline() -> None:
    rules = rules_pass(LETTER)
    assert not any("najaar" in c.quote for c in rules.commitments)
    result = apply_model(LETTER, rules, _model(3.0, add=0.9))
    added = [c for c in result.commitments if "najaar" in c.quote]
    assert len(added) == 1
    assert added[0].deadline_phrase == "in het najaar van 2025"
    assert added[0].rule == LEARNED
    assert added[0].confidence == pytest.approx(1 / (1 + math.exp(-3.0)))
    assert LETTER[added[0].start : added[0].end] == added[0].quote


def test_an_unsure_model_adds_nothing_and_rescores_the_rules_items() -> None:
    rules = rules_pass(LETTER)
    result = apply_model(LETTER, rules, _model(-1.0, add=0.9, add_reference=0.9))
    assert [(c.start, c.end) for c in result.commitments] == [
        (c.start, c.end) for c in rules.commitments
    ]
    assert all(c.confidence == pytest.approx(1 / (1 + math.e)) for c in result.commitments)


def test_a_model_may_drop_a_rule_commitment_below_its_threshold() -> None:
    rules = rules_pass(LETTER)
    assert rules.commitments
    assert apply_model(LETTER, rules, _model(-3.0, drop=0.5)).commitments == []


def test_references_the_rules_missed_are_added_above_their_threshold() -> None:
    rules = rules_pass(LETTER)
    result = apply_model(LETTER, rules, _model(2.0, add_reference=0.8))
    assert len(result.fulfilments) > len(rules.references)
    added = [r for r in result.fulfilments if r.rule == LEARNED]
    assert added and all(r.answers in ANSWERS for r in added)


def test_candidates_are_broader_than_the_rules() -> None:
    rules = rules_pass(LETTER)
    found = candidates(rules.cleaned, rules.spans, rules.decisions)
    decided = set(rules.decisions)
    assert decided <= {c.index for c in found}
    assert any("najaar" in c.sentence for c in found if c.index not in decided)


def test_training_learns_a_separable_rule_and_is_deterministic() -> None:
    data = [([1, 7], 1), ([2, 7], 0)] * 30
    weights = train(data, dim=16)
    assert weights == train(data, dim=16)
    assert weights[1] > 0 > weights[2]


def test_platt_scaling_fits_and_calibrates() -> None:
    # scores that are right 3 times in 4 at 0.9 and 1 in 4 at 0.1
    pairs = [(0.9, 1)] * 3 + [(0.9, 0)] + [(0.1, 1)] + [(0.1, 0)] * 3
    a, b = fit_platt(pairs)
    assert calibrated(0.9, (a, b)) == pytest.approx(0.75, abs=0.02)
    assert calibrated(0.1, (a, b)) == pytest.approx(0.25, abs=0.02)


def test_reliability_table_counts_the_high_confidence_share() -> None:
    rows = reliability([(0.95, True), (0.85, False), (0.3, True)])
    assert rows[-1] == "| **≥ 0.8** | 2 | 1 (50%) |"


def test_trainextractor_cross_validates_and_writes_a_model(tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    for name in ("holdout", "letters"):
        shutil.copytree(ROOT / "tests" / "extraction" / name, labels / name)
    output = tmp_path / "model.json"
    out = StringIO()
    call_command("trainextractor", labels=labels, output=output, stdout=out)
    text = out.getvalue()
    assert "leave-one-set-out" in text and "reliability" in text
    model = load_model.__wrapped__(str(output))
    assert model is not None and model.dim == 1 << 16


def test_trainextractor_refuses_a_folder_without_labels(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        call_command("trainextractor", labels=tmp_path, stdout=StringIO())


def test_table_rows_and_title_blocks_are_not_candidates() -> None:
    from commitments.extraction.learned import _not_prose

    assert _not_prose("| | Aan de Voorzitter van de Tweede | | Kamer der Staten-Generaal | |")
    assert _not_prose("Nr. 19 BRIEF VAN DE MINISTER VAN ONDERWIJS Aan de Voorzitter")
    assert not _not_prose("Ik zal uw Kamer voor de zomer informeren over de NOS en de VN.")
