"""The learned layer over the rules (issue 8, items 3 and 5): a logistic regression over every
candidate sentence of a letter, applied in plain Python from weights kept as data.

A candidate is a sentence that passes a broad, cheap prefilter (broader than the rules'
triggers, so the model can find what they miss). Its features are what the rules decided about
it, which of the detection patterns match, hashed word and character n-grams, the deadline
found, the Kamer as receiver, the position in the letter, the subject and the modal verb.
Two heads share the features: one scores "this sentence holds a new commitment", the other
"this sentence refers to or fulfils an earlier one". A score goes through a Platt scaling
fitted on cross-validated scores of its kind of candidate (a rule's commitment, a rule's
reference, a sentence the rules passed over), so a confidence of 0.8 means about 8 in 10 right.

The weights are written by `python manage.py trainextractor` (commitments/extraction/training.py)
to model.json beside this file. Nothing here needs Django or anything outside the standard library.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import zlib
from collections.abc import Container, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import Extraction, FoundCommitment, RulesPass, _paraphrase, detection
from .cleanup import CleanText
from .deadlines import Deadline, find_deadlines

MODEL_PATH = Path(__file__).with_name("model.json")
FEATURE_VERSION = 1

# Broad on purpose (recall first): a future or a plan, the Kamer, a government subject, a time.
_PREFILTER = re.compile(
    r"\b(?:zal|zullen|zult|wordt|worden|volgt|volgen|verschijn\w*|ontvang\w*|informe\w*|"
    r"geïnformeerd|stuur\w*|zend\w*|toe\w*|streef\w*|streven|beoog\w*|voornemens|van\s+plan|"
    r"plan\w*|verwacht\w*|kom\w*|ga|gaat|gaan|blijf\w*|blijven|houd\w*|rapporte\w*|bericht\w*|"
    r"aangekondigd|aanbied\w*|aangeboden|presente\w*|publice\w*|lever\w*|besluit|beslis\w*|"
    r"uw\s+kamer|de\s+kamer|kabinet|binnenkort|spoedig|later|nader\w*|"
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|voorjaar|zomer\w*|najaar|winter|kwartaal|reces|jaar|jaareinde|eind|begin|medio|"
    r"uiterlijk|20\d\d)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-zà-ÿ0-9]+")
_KAMER = re.compile(r"\b(?:uw\s+kamer|de\s+(?:tweede\s+|eerste\s+)?kamer|beide\s+kamers)\b", re.I)
_YOU = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
_GOV_SUBJECT = re.compile(r"\b(?:ik|wij|we|het\s+kabinet|mijn\s+ministerie)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:zal|zullen|zult|ga|gaat|gaan)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:heb|hebben|heeft|had|hadden|is|was|waren|werd|werden)\b", re.I)
_INFORM = re.compile(r"\binform\w*|geïnformeerd|\bbericht\w*|op\s+de\s+hoogte", re.IGNORECASE)
_SEND = re.compile(r"\b(?:stuur\w*|zend\w*|toegezonden|toegestuurd|aanbied\w*|aangeboden)", re.I)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    sorted(
        (name, value)
        for name, value in vars(detection).items()
        if isinstance(value, re.Pattern) and name != "TRIGGERS"
    )
)


@dataclass(frozen=True)
class Candidate:
    """One sentence of a letter the model scores, with its span in the original text."""

    start: int
    end: int
    sentence: str  # whitespace squeezed
    raw: str  # as in the cleaned text, offsets of deadlines refer to it
    index: int
    count: int


def candidates(
    cleaned: CleanText,
    spans: list[tuple[int, int]],
    decided: Container[int] = (),
    decided_only: bool = False,
) -> list[Candidate]:
    """The sentences of a letter that pass the broad prefilter or that the rules decided on
    (decided_only: those the rules decided on alone)."""
    found: list[Candidate] = []
    indexes: Iterable[int] = range(len(spans))
    if decided_only:
        indexes = sorted(index for index in range(len(spans)) if index in decided)
    for index in indexes:
        clean_start, clean_end = spans[index]
        raw = cleaned.text[clean_start:clean_end]
        sentence = " ".join(raw.split())
        if index not in decided and (len(sentence) < 20 or not _PREFILTER.search(sentence)):
            continue
        start, end = cleaned.original_span(clean_start, clean_end)
        found.append(Candidate(start, end, sentence, raw, index, len(spans)))
    return found


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= edge for edge in edges)


def features(
    candidate: Candidate,
    rule: dict[str, Any] | None,
    deadlines: list[Deadline],
    letter_date: dt.date | None,
) -> list[str]:
    """The named features of one candidate; rule: what the rules made of it, if anything."""
    sentence = candidate.sentence
    lowered = sentence.lower()
    names = ["bias"]
    if rule is None:
        names.append("rule:none")
    else:
        names.append(f"rule:cat={rule['category']}")
        names.append(f"rule:kind={rule['kind']}")
        names.append(f"rule:cat={rule['category']}:conf={round(rule['confidence'], 2)}")
        if rule.get("rule"):
            names.append(f"rule:name={rule['rule']}")
        if rule.get("restates"):
            names.append("rule:restates")
    for name, pattern in _PATTERNS:
        if pattern.search(sentence):
            names.append(f"re:{name}")
    words = _WORD.findall(lowered)
    names.extend(f"w:{word}" for word in words)
    names.extend(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    if words:
        names.append(f"first:{words[0]}")
    for word in words:
        padded = f" {word} "
        names.extend(f"c:{padded[i : i + 4]}" for i in range(len(padded) - 3))
    if deadlines:
        lead = deadlines[0]
        names.append(f"dl:kind={lead.kind}")
        if lead.due is not None and letter_date is not None:
            days = (lead.due - letter_date).days
            names.append("dl:ahead" if days > 0 else "dl:behind")
            names.append(f"dl:days={_bucket(days, (-365, -31, 0, 31, 92, 183, 366, 731))}")
        if len(deadlines) > 1:
            names.append("dl:several")
    else:
        names.append("dl:none")
    names.append(f"kamer={bool(_KAMER.search(sentence))}")
    names.append(f"you={bool(_YOU.search(sentence))}")
    gov = bool(_GOV_SUBJECT.search(sentence))
    modal = bool(_MODAL.search(sentence))
    past = bool(_PAST.search(sentence))
    names.append(f"gov={gov}:modal={modal}:past={past}")
    names.append(f"inform={bool(_INFORM.search(sentence))}:send={bool(_SEND.search(sentence))}")
    position = candidate.index / max(candidate.count - 1, 1)
    names.append(f"pos={_bucket(position, (0.1, 0.25, 0.5, 0.75, 0.9))}")
    if candidate.count - candidate.index <= 3:
        names.append("pos:last3")
    names.append(f"len={_bucket(len(words), (6, 12, 20, 30, 45, 70))}")
    if sentence.endswith("?"):
        names.append("question")
    return names


def hashed(names: list[str], dim: int) -> list[int]:
    """Feature indexes (crc32, stable across runs and machines), each once."""
    return sorted({zlib.crc32(name.encode("utf-8")) % dim for name in names})


def probability(weights: list[float], indexes: list[int]) -> float:
    """The raw logistic score of hashed features."""
    return _sigmoid(sum(weights[i] for i in indexes))


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


def calibrated(raw: float, platt: tuple[float, float]) -> float:
    """A raw probability through the Platt scaling fitted on cross-validated scores."""
    raw = min(max(raw, 1e-9), 1 - 1e-9)
    logit = math.log(raw / (1 - raw))
    return _sigmoid(platt[0] * logit + platt[1])


@dataclass(frozen=True)
class Model:
    dim: int
    commitment: list[float]
    reference: list[float]
    # Platt scaling per kind of candidate: "commitment" and "reference" for what the rules
    # proposed (its chance to be right), "new" for sentences the rules passed over
    platt: dict[str, tuple[float, float]]
    add_threshold: float | None  # candidates the rules missed are added at or above it
    drop_threshold: float | None  # rule commitments below it are dropped
    rescore: bool  # rule items take the model's calibrated confidence

    def as_json(self) -> dict[str, Any]:
        return {
            "feature_version": FEATURE_VERSION,
            "dim": self.dim,
            "add_threshold": self.add_threshold,
            "drop_threshold": self.drop_threshold,
            "rescore": self.rescore,
            "platt": {kind: list(pair) for kind, pair in sorted(self.platt.items())},
            "commitment": [round(w, 4) for w in self.commitment],
            "reference": [round(w, 4) for w in self.reference],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            dim=data["dim"],
            commitment=[float(w) for w in data["commitment"]],
            reference=[float(w) for w in data["reference"]],
            platt={kind: (pair[0], pair[1]) for kind, pair in data["platt"].items()},
            add_threshold=data.get("add_threshold"),
            drop_threshold=data.get("drop_threshold"),
            rescore=bool(data.get("rescore", True)),
        )


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> Model | None:
    """The trained model, or None when there is none (or it was built for other features)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if data.get("feature_version") != FEATURE_VERSION:
        return None
    return Model.from_json(data)


def candidate_deadlines(candidate: Candidate, letter_date: dt.date | None) -> list[Deadline]:
    return find_deadlines(candidate.raw, letter_date)


Scored = list[tuple[Candidate, dict[str, Any] | None, list[Deadline], float]]


Featured = list[tuple[Candidate, dict[str, Any] | None, list[Deadline], list[int]]]


def featurize(rules: RulesPass, dim: int, decided_only: bool = False) -> Featured:
    """Every candidate with the rules' decision, its time phrases and its hashed features.

    decided_only: only the sentences the rules proposed something for (enough to rescore them,
    and a fraction of the cost: a candidate's features do not depend on the other candidates).
    """
    out: Featured = []
    for candidate in candidates(rules.cleaned, rules.spans, rules.decisions, decided_only):
        decision = rules.decisions.get(candidate.index)
        deadlines = rules.deadlines.get(candidate.index)
        if deadlines is None:
            deadlines = find_deadlines(candidate.raw, rules.letter.date)
        names = features(candidate, decision, deadlines, rules.letter.date)
        out.append((candidate, decision, deadlines, hashed(names, dim)))
    return out


def calibration_kind(decision: dict[str, Any] | None) -> str:
    """Which Platt scaling a candidate's score goes through."""
    if decision is None:
        return "new"
    if decision["category"] == "commitment" and not decision["restates"]:
        return "commitment"
    return "reference"


def confidence(
    commitment_raw: float, reference_raw: float, decision: dict[str, Any] | None, model: Model
) -> float:
    """The calibrated chance that the candidate's proposal (or the new commitment) is right."""
    kind = calibration_kind(decision)
    raw = reference_raw if kind == "reference" else commitment_raw
    return calibrated(raw, model.platt[kind])


def score_candidates(rules: RulesPass, model: Model) -> Scored:
    """Every candidate with the rules' decision, its time phrases and its calibrated score."""
    scored: Scored = []
    decided_only = model.add_threshold is None
    for candidate, decision, deadlines, indexes in featurize(rules, model.dim, decided_only):
        commitment = probability(model.commitment, indexes)
        reference = probability(model.reference, indexes)
        scored.append(
            (candidate, decision, deadlines, confidence(commitment, reference, decision, model))
        )
    return scored


def apply_model(text: str, rules: RulesPass, model: Model | None = None) -> Extraction:
    """The rules' extraction, rescored and extended by the model (unchanged without one)."""
    model = model or load_model()
    if model is None:
        return Extraction(rules.letter, rules.commitments, rules.references)
    scored = score_candidates(rules, model)
    return combine(
        text, rules, scored, model.add_threshold, model.drop_threshold, rescore=model.rescore
    )


def combine(
    text: str,
    rules: RulesPass,
    scored: Scored,
    add_threshold: float | None,
    drop_threshold: float | None,
    rescore: bool = True,
) -> Extraction:
    """The rules' items with the model's confidences, those below drop_threshold left out, and
    the candidates the rules passed over added at or above add_threshold."""
    new_confidence: dict[int, float] = {}  # id of a rule item -> calibrated confidence
    dropped: set[int] = set()
    added: list[FoundCommitment] = []
    for candidate, decision, deadlines, score in scored:
        if decision is not None:
            item = decision["item"]
            is_commitment = calibration_kind(decision) == "commitment"
            if is_commitment and drop_threshold is not None and score < drop_threshold:
                dropped.add(id(item))
            if rescore:
                new_confidence[id(item)] = score
            continue
        if add_threshold is None or score < add_threshold:
            continue
        added.append(_found(text, rules, candidate, deadlines, score))
    commitments = [
        replace(item, confidence=new_confidence.get(id(item), item.confidence))
        for item in rules.commitments
        if id(item) not in dropped
    ]
    commitments = sorted(commitments + added, key=lambda item: item.start)
    references = [
        replace(item, confidence=new_confidence.get(id(item), item.confidence))
        for item in rules.references
    ]
    return Extraction(rules.letter, commitments, references)


def _found(
    text: str,
    rules: RulesPass,
    candidate: Candidate,
    deadlines: list[Deadline],
    confidence: float,
) -> FoundCommitment:
    """A commitment the rules missed, as the rules would have written it."""
    phrase = due = None
    if deadlines:
        clean_start = rules.spans[candidate.index][0]
        start, end = rules.cleaned.original_span(
            clean_start + deadlines[0].start, clean_start + deadlines[0].end
        )
        phrase, due = text[start:end], deadlines[0].due
    return FoundCommitment(
        text[candidate.start : candidate.end],
        candidate.start,
        candidate.end,
        detection._kind(candidate.sentence),
        detection._actor(candidate.sentence, rules.speaker) or "kabinet",
        _paraphrase(candidate.sentence),
        phrase,
        due,
        confidence,
    )
