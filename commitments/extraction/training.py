"""Training and cross-validation of the learned layer (commitments/extraction/learned.py).

    python manage.py trainextractor            # cross-validate, print the figures, write model.json
    python manage.py trainextractor --no-write # the figures only

Every labelled set in tests/extraction/*/labels.jsonl is used. A candidate sentence is positive
for the commitment head when it overlaps a labelled commitment by the scorer's rule (at least
half of the shorter span and a quarter of the longer), for the reference head when it overlaps a
labelled fulfilment; candidates overlapping a labelled doubtful span are left out of training.
Plain Python (AdaGrad on the logistic loss with L2), deterministic: the same labels give the
same weights byte for byte.

Cross-validation is by letter: 5 folds of whole letters, and leave-one-set-out (train on every
set but one, score that one), the honest figure for letters of a kind not yet seen. The
thresholds and the Platt scaling are chosen on the 5-fold out-of-fold scores.
"""

from __future__ import annotations

import json
import math
import random
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import RulesPass, rules_pass
from .learned import (
    FEATURE_VERSION,
    MODEL_PATH,
    Candidate,
    Featured,
    Model,
    Scored,
    _sigmoid,
    calibration_kind,
    combine,
    confidences,
    featurize,
)

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "tests" / "extraction"
DIM = 1 << 16
EPOCHS = 12
L2 = 0.01  # chosen by out-of-fold log loss over 1e-4 ... 0.3
RATE = 0.3
FOLDS = 5
ADD_GRID = (None, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
DROP_GRID = (None, 0.05, 0.1, 0.15, 0.2, 0.3)


def overlap_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The scorer's rule (/work/shared/eval/score.py)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return False
    la, lb = a[1] - a[0], b[1] - b[0]
    return inter >= 0.5 * min(la, lb) and inter >= 0.25 * max(la, lb)


def _span(text: str, item: dict[str, Any]) -> tuple[int, int] | None:
    start, end, quote = item.get("start"), item.get("end"), item.get("quote") or ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if " ".join(text[start:end].split()) == " ".join(quote.split()):
            return start, end
    if not quote.strip():
        return None
    match = re.search(r"\s+".join(re.escape(word) for word in quote.split()), text)
    return match.span() if match else None


@dataclass
class Letter:
    set_name: str
    doc: str
    text: str
    gold_commitments: list[tuple[int, int]]
    gold_references: list[tuple[int, int]]
    doubtful: list[tuple[int, int]]
    rules: RulesPass
    featured: Featured = field(default_factory=list)
    # per candidate: 1/0 for each head, None when left out (overlaps a doubtful span)
    commitment_labels: list[int | None] = field(default_factory=list)
    reference_labels: list[int | None] = field(default_factory=list)


def load_letters(root: Path = LABELLED) -> list[Letter]:
    letters = []
    for labels_path in sorted(root.glob("*/labels.jsonl")):
        set_name = labels_path.parent.name
        for line in labels_path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            label = json.loads(line)
            text = (labels_path.parent / label["doc"]).read_text(encoding="utf-8")

            def spans(key: str, text: str = text, label: dict = label) -> list[tuple[int, int]]:
                return [s for s in (_span(text, item) for item in label.get(key, [])) if s]

            letter = Letter(
                set_name,
                label["doc"],
                text,
                spans("commitments"),
                spans("fulfilments"),
                spans("doubtful"),
                rules_pass(text),
            )
            letter.featured = featurize(letter.rules, DIM)
            for candidate, _, _, _ in letter.featured:
                span = (candidate.start, candidate.end)
                doubtful = any(overlap_match(span, d) for d in letter.doubtful)
                for gold, out in (
                    (letter.gold_commitments, letter.commitment_labels),
                    (letter.gold_references, letter.reference_labels),
                ):
                    positive = any(overlap_match(span, g) for g in gold)
                    out.append(1 if positive else (None if doubtful else 0))
            letters.append(letter)
    return letters


Example = tuple[list[int], int]


def examples(letters: Iterable[Letter], head: str) -> list[Example]:
    out: list[Example] = []
    for letter in letters:
        labels = letter.commitment_labels if head == "commitment" else letter.reference_labels
        for (_, _, _, indexes), label in zip(letter.featured, labels, strict=True):
            if label is not None:
                out.append((indexes, label))
    return out


def train(data: list[Example], dim: int = DIM, seed: int = 0) -> list[float]:
    """Logistic regression by AdaGrad, L2-regularised, in a fixed order per epoch."""
    weights = [0.0] * dim
    squares = [1e-6] * dim
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for position in order:
            indexes, label = data[position]
            score = sum(weights[i] for i in indexes)
            gradient = _sigmoid(score) - label
            for i in indexes:
                g = gradient + L2 * weights[i]
                squares[i] += g * g
                weights[i] -= RATE * g / math.sqrt(squares[i])
    return weights


def raw_score(weights: list[float], indexes: list[int]) -> float:
    return _sigmoid(sum(map(weights.__getitem__, indexes)))


def fit_platt(pairs: list[tuple[float, int]]) -> tuple[float, float]:
    """Platt scaling: a, b so that sigmoid(a * logit(raw) + b) fits the labels (Newton-free GD)."""
    logits = []
    for raw, label in pairs:
        raw = min(max(raw, 1e-9), 1 - 1e-9)
        logits.append((math.log(raw / (1 - raw)), label))
    a, b = 1.0, 0.0
    for _ in range(2000):
        grad_a = grad_b = 0.0
        for logit, label in logits:
            error = _sigmoid(a * logit + b) - label
            grad_a += error * logit
            grad_b += error
        a -= 0.5 * grad_a / len(logits)
        b -= 0.5 * grad_b / len(logits)
    return round(a, 4), round(b, 4)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        return f"P {self.precision:.2f} R {self.recall:.2f} F1 {self.f1:.2f}"


def match(
    found: list[tuple[int, int, float]],
    gold: list[tuple[int, int]],
    doubtful: list[tuple[int, int]],
) -> tuple[Tally, list[tuple[float, bool]]]:
    """The scorer's greedy one-to-one match; also (confidence, right) for each counted item."""
    tally, used, judged = Tally(), set(), []
    for start, end, score in found:
        span = (start, end)
        hit = next(
            (i for i, g in enumerate(gold) if i not in used and overlap_match(span, g)), None
        )
        if hit is not None:
            used.add(hit)
            tally.tp += 1
            judged.append((score, True))
        elif not any(overlap_match(span, d) for d in doubtful):
            tally.fp += 1
            judged.append((score, False))
    tally.fn = len(gold) - len(used)
    return tally, judged


def _fold(letter: Letter) -> int:
    return zlib.crc32(f"{letter.set_name}/{letter.doc}".encode()) % FOLDS


@dataclass
class Heads:
    commitment: list[float]
    reference: list[float]


def _train_heads(letters: list[Letter]) -> Heads:
    return Heads(train(examples(letters, "commitment")), train(examples(letters, "reference")))


def out_of_fold(letters: list[Letter], group: Callable[[Letter], Any]) -> dict[int, Heads]:
    """For each letter (by position), the heads trained without its group."""
    groups = sorted({group(letter) for letter in letters}, key=str)
    heads_for: dict[int, Heads] = {}
    for held_out in groups:
        training = [letter for letter in letters if group(letter) != held_out]
        heads = _train_heads(training)
        for position, letter in enumerate(letters):
            if group(letter) == held_out:
                heads_for[position] = heads
    return heads_for


def _scored(letter: Letter, heads: Heads, model: Model) -> Scored:
    return [
        (
            candidate,
            decision,
            deadlines,
            *confidences(
                raw_score(heads.commitment, indexes),
                raw_score(heads.reference, indexes),
                decision,
                model,
            ),
        )
        for candidate, decision, deadlines, indexes in letter.featured
    ]


@dataclass
class Evaluation:
    commitments: Tally
    references: Tally
    judged: list[tuple[float, bool]]  # commitment proposals: (confidence, right)
    reference_judged: list[tuple[float, bool]]
    per_set: dict[str, tuple[Tally, Tally]]


def evaluate(
    letters: list[Letter],
    scored: dict[int, Scored] | None,
    add: float | None = None,
    drop: float | None = None,
    add_reference: float | None = None,
) -> Evaluation:
    """Score rules alone (scored None) or rules with the model at the given thresholds."""
    total_c, total_r, judged, judged_r = Tally(), Tally(), [], []
    per_set: dict[str, tuple[Tally, Tally]] = {}
    for position, letter in enumerate(letters):
        if scored is None:
            commitments = letter.rules.commitments
            references = letter.rules.references
        else:
            result = combine(letter.text, letter.rules, scored[position], add, drop, add_reference)
            commitments, references = result.commitments, result.fulfilments
        tally_c, judged_c = match(
            [(c.start, c.end, c.confidence) for c in commitments],
            letter.gold_commitments,
            letter.doubtful,
        )
        tally_r, judged_ref = match(
            [(r.start, r.end, r.confidence) for r in references],
            letter.gold_references,
            letter.doubtful,
        )
        total_c.add(tally_c)
        total_r.add(tally_r)
        judged.extend(judged_c)
        judged_r.extend(judged_ref)
        set_c, set_r = per_set.setdefault(letter.set_name, (Tally(), Tally()))
        set_c.add(tally_c)
        set_r.add(tally_r)
    return Evaluation(total_c, total_r, judged, judged_r, per_set)


def reliability(judged: list[tuple[float, bool]]) -> list[str]:
    """A reliability table: per confidence band, how many proposals and how many right."""
    rows = ["| confidence | proposals | right |", "| --- | --- | --- |"]
    edges = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.01)
    for low, high in zip(edges, edges[1:], strict=False):
        inside = [right for score, right in judged if low <= score < high]
        if inside:
            rows.append(
                f"| {low:.1f}–{min(high, 1.0):.1f} | {len(inside)} | "
                f"{sum(inside)} ({sum(inside) / len(inside):.0%}) |"
            )
    confident = [right for score, right in judged if score >= 0.8]
    if confident:
        rows.append(
            f"| **≥ 0.8** | {len(confident)} | {sum(confident)} ({sum(confident) / len(confident):.0%}) |"
        )
    return rows


def _raw_pairs(
    letters: list[Letter], heads_for: dict[int, Heads], kind: str
) -> list[tuple[float, int]]:
    """(out-of-fold raw score, label) of the candidates of one calibration kind."""
    pairs = []
    reference_head = kind in ("reference", "new_reference")
    for position, letter in enumerate(letters):
        heads = heads_for[position]
        weights = heads.reference if reference_head else heads.commitment
        labels = letter.reference_labels if reference_head else letter.commitment_labels
        for (_, decision, _, indexes), label in zip(letter.featured, labels, strict=True):
            if label is None:
                continue
            if kind.startswith("new") != (decision is None):
                continue
            if decision is not None and calibration_kind(decision) != kind:
                continue
            pairs.append((raw_score(weights, indexes), label))
    return pairs


def _model(heads: Heads, platt: dict[str, tuple[float, float]], **thresholds: Any) -> Model:
    return Model(
        dim=DIM,
        commitment=heads.commitment,
        reference=heads.reference,
        platt=platt,
        add_threshold=thresholds.get("add"),
        drop_threshold=thresholds.get("drop"),
        add_reference_threshold=thresholds.get("add_reference"),
        rescore=True,
    )


def _key(tally: Tally) -> tuple[float, float]:
    return round(tally.f1, 3), tally.recall


def run(
    write: bool = True,
    out: Callable[[str], None] = print,
    root: Path = LABELLED,
    path: Path = MODEL_PATH,
) -> Model:
    """Cross-validate, choose thresholds and calibration, train on everything, write model.json."""
    letters = load_letters(root)
    out(f"{len(letters)} letters in {len({letter.set_name for letter in letters})} sets")
    candidates_n = sum(len(letter.featured) for letter in letters)
    gold_n = sum(len(letter.gold_commitments) for letter in letters)
    covered = sum(
        any(overlap_match((c.start, c.end), g) for c, _, _, _ in letter.featured)
        for letter in letters
        for g in letter.gold_commitments
    )
    out(f"{candidates_n} candidate sentences; {covered}/{gold_n} labelled commitments covered")

    folds = out_of_fold(letters, _fold)
    platt = {
        kind: fit_platt(_raw_pairs(letters, folds, kind))
        for kind in ("commitment", "reference", "new", "new_reference")
    }
    out(f"Platt scaling (5-fold out-of-fold): {platt}")
    calibration = _model(Heads([], []), platt)
    scored = {p: _scored(letter, folds[p], calibration) for p, letter in enumerate(letters)}
    rules = evaluate(letters, None)
    out(f"rules alone: commitments {rules.commitments.row()}, fulfilments {rules.references.row()}")
    # thresholds on the 5-fold scores: the best F1, ties to the higher recall (recall first)
    add, drop = max(
        ((a, d) for a in ADD_GRID for d in DROP_GRID),
        key=lambda pair: _key(evaluate(letters, scored, *pair).commitments),
    )
    add_reference = max(
        ADD_GRID, key=lambda a: _key(evaluate(letters, scored, add_reference=a).references)
    )
    loso = out_of_fold(letters, lambda letter: letter.set_name)
    loso_scored = {p: _scored(letter, loso[p], calibration) for p, letter in enumerate(letters)}
    five = evaluate(letters, scored, add, drop, add_reference)
    unseen = evaluate(letters, loso_scored, add, drop, add_reference)
    out(
        f"chosen on 5 folds: add commitments >= {add}, drop < {drop}, "
        f"add fulfilments >= {add_reference}"
    )
    out(
        f"5-fold, rules + model: commitments {five.commitments.row()}, fulfilments "
        f"{five.references.row()}"
    )
    # the figures decide: the model adds or drops only where it beats the rules both in 5
    # folds and on sets it has not seen
    if not (
        five.commitments.f1 > rules.commitments.f1 and unseen.commitments.f1 > rules.commitments.f1
    ):
        out("commitments: the model does not beat the rules; it only rescores them")
        add = drop = None
    if not (
        five.references.f1 > rules.references.f1 and unseen.references.f1 > rules.references.f1
    ):
        out("fulfilments: the model does not beat the rules; it only rescores them")
        add_reference = None
    out("leave-one-set-out (rules alone | rules + model at the chosen thresholds):")
    for name in sorted(unseen.per_set):
        (rules_c, rules_r), (model_c, model_r) = rules.per_set[name], unseen.per_set[name]
        out(f"  {name}: commitments {rules_c.row()} | {model_c.row()}")
        out(f"  {name}: fulfilments {rules_r.row()} | {model_r.row()}")
    out(f"  all: commitments {rules.commitments.row()} | {unseen.commitments.row()}")
    out(f"  all: fulfilments {rules.references.row()} | {unseen.references.row()}")
    final_five = evaluate(letters, scored, add, drop, add_reference)
    final_unseen = evaluate(letters, loso_scored, add, drop, add_reference)
    for title, judged in (
        ("commitment proposals, 5-fold", final_five.judged),
        ("commitment proposals, leave-one-set-out", final_unseen.judged),
        ("fulfilment/reference proposals, 5-fold", final_five.reference_judged),
        ("fulfilment/reference proposals, leave-one-set-out", final_unseen.reference_judged),
    ):
        out(f"reliability of {title} (out-of-fold confidence):")
        for row in reliability(judged):
            out(row)

    model = _model(_train_heads(letters), platt, add=add, drop=drop, add_reference=add_reference)
    if write:
        data = model.as_json()
        data["trained_on"] = sorted({letter.set_name for letter in letters})
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        out(f"wrote {path} ({path.stat().st_size // 1000} KB)")
    return model


__all__ = ["Candidate", "FEATURE_VERSION", "run"]
