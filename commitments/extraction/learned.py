"""The learned layer over the rules (issue 8, items 3 and 5): a logistic regression over every
candidate sentence of a letter, applied in plain Python from weights kept as data.

A candidate is a sentence that passes a broad, cheap prefilter (broader than the rules'
triggers, so the model can find what they miss). Its features are what the rules decided about
it (category, kind, confidence, rule name), hashed words and word pairs, the deadline
found, the Kamer as receiver, the position in the letter, the subject and the modal verb.
Two heads share the features: one scores "this sentence holds a new commitment", the other
"this sentence refers to or fulfils an earlier one". A score goes through a Platt scaling
fitted on cross-validated scores of its kind of candidate (a rule's commitment, a rule's
reference, a sentence the rules passed over), so a confidence of 0.8 means about 8 in 10 right.

The weights are written by `python manage.py trainextractor` (commitments/extraction/training.py)
to model.json beside this file. Nothing here needs Django or anything outside the standard library.
"""

from __future__ import annotations

import bisect
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

from . import (
    LEARNED,
    Extraction,
    FoundCommitment,
    FoundReference,
    RulesPass,
    _paraphrase,
    detection,
)
from .cleanup import CleanText
from .deadlines import Deadline, find_deadlines

MODEL_PATH = Path(__file__).with_name("model.json")
# 2: without character 4-grams, which made the model worse in cross-validation (README);
# 3: time phrases only where the rules looked; 4: without the detection patterns as features,
# which changed no cross-validated figure and cost as much as the rest of the layer
FEATURE_VERSION = 4

# Broad on purpose (recall first): a future or a plan, the Kamer or the cabinet, a time.
# Read off the words (a dict lookup per word) rather than by one regex alternation of all of
# them, which costs more than the rest of the learned layer together.
_CUE_WORDS = frozenset(
    """
    zal zullen zult wordt worden volgt volgen geïnformeerd streven voornemens ga gaat gaan
    blijven aangekondigd aangeboden besluit kamer kabinet binnenkort spoedig later januari
    februari maart april mei juni juli augustus september oktober november december voorjaar
    najaar winter kwartaal reces jaar jaareinde eind begin medio uiterlijk
    """.split()
)
_CUE_STEMS = (
    "verschijn", "ontvang", "informe", "stuur", "zend", "toe", "streef", "beoog", "plan",
    "verwacht", "kom", "blijf", "houd", "rapporte", "bericht", "aanbied", "presente", "publice",
    "lever", "beslis", "nader", "zomer",
)  # fmt: skip
_ANY_WORD = re.compile(r"[a-zà-ÿ0-9]+", re.IGNORECASE)
_is_cue_cache: dict[str, bool] = {}


def _is_cue(token: str) -> bool:
    cached = _is_cue_cache.get(token)
    if cached is None:
        word = token.lower()
        cached = (
            word in _CUE_WORDS
            or word.startswith(_CUE_STEMS)
            or (len(word) == 4 and word.startswith("20") and word.isdigit())
        )
        if len(_is_cue_cache) < 100_000:  # bounded: a letter of random tokens cannot grow it
            _is_cue_cache[token] = cached
    return cached


_WORD = re.compile(r"[a-zà-ÿ0-9]+")
_KAMER_PAIRS = frozenset({"uw kamer", "de kamer", "tweede kamer", "eerste kamer", "beide kamers"})
_YOU_WORDS = frozenset({"u", "uw"})
_GOV_WORDS = frozenset({"ik", "wij", "we"})
_GOV_PAIRS = frozenset({"het kabinet", "mijn ministerie"})
_MODAL_WORDS = frozenset({"zal", "zullen", "zult", "ga", "gaat", "gaan"})
_PAST_WORDS = frozenset({"heb", "hebben", "heeft", "had", "hadden", "is", "was", "waren", "werd"})
_INFORM_STEMS = ("inform", "geïnformeerd", "bericht")
_SEND_STEMS = ("stuur", "zend", "toegezonden", "toegestuurd", "aanbied", "aangeboden")


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
    if decided_only:
        indexes: Iterable[int] = sorted(index for index in range(len(spans)) if index in decided)
    else:
        # one pass of the prefilter over the whole text, not one search per sentence
        hits = [m.start() for m in _ANY_WORD.finditer(cleaned.text) if _is_cue(m.group())]
        indexes = [
            index
            for index, (start, end) in enumerate(spans)
            if index in decided
            or (
                end - start >= 20
                and bisect.bisect_left(hits, start) < bisect.bisect_left(hits, end)
            )
        ]
    for index in indexes:
        clean_start, clean_end = spans[index]
        raw = cleaned.text[clean_start:clean_end]
        sentence = " ".join(raw.split())
        if index not in decided and _not_prose(sentence):
            continue
        start, end = cleaned.original_span(clean_start, clean_end)
        found.append(Candidate(start, end, sentence, raw, index, len(spans)))
    return found


_CAPITALS_RUN = re.compile(r"\b[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý]{2,}){2,}\b")


def _not_prose(sentence: str) -> bool:
    """A table row, a run-together letterhead or a Kamerstuk's title block, not a sentence:
    many words summing many weights gave such lines a confidence near 1.0."""
    return "|" in sentence or len(sentence) > 1200 or bool(_CAPITALS_RUN.search(sentence))


_stem_cache: dict[str, int] = {}


def _stem_flags(word: str) -> int:
    """1 when the word informs, 2 when it sends (cached: words repeat)."""
    flags = _stem_cache.get(word)
    if flags is None:
        flags = word.startswith(_INFORM_STEMS) | (word.startswith(_SEND_STEMS) << 1)
        if len(_stem_cache) < 100_000:
            _stem_cache[word] = flags
    return flags


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= edge for edge in edges)


def features(
    candidate: Candidate,
    rule: dict[str, Any] | None,
    deadlines: list[Deadline] | None,
    letter_date: dt.date | None,
) -> list[str]:
    """The named features of one candidate; rule: what the rules made of it, if anything;
    deadlines: its time phrases, None when the rules' cheap filter did not look for them."""
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
    words = _WORD.findall(lowered)
    names.extend(f"w:{word}" for word in words)
    names.extend(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    if words:
        names.append(f"first:{words[0]}")
    if deadlines is None:
        names.append("dl:unknown")
    elif deadlines:
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
    # cheap cues read off the word list rather than by more regex searches
    vocabulary = set(words)
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    names.append(f"kamer={not pairs.isdisjoint(_KAMER_PAIRS)}")
    names.append(f"you={not vocabulary.isdisjoint(_YOU_WORDS)}")
    gov = not vocabulary.isdisjoint(_GOV_WORDS) or not pairs.isdisjoint(_GOV_PAIRS)
    modal = not vocabulary.isdisjoint(_MODAL_WORDS)
    past = not vocabulary.isdisjoint(_PAST_WORDS)
    names.append(f"gov={gov}:modal={modal}:past={past}")
    flags = [_stem_flags(word) for word in vocabulary]
    inform = any(flag & 1 for flag in flags)
    send = any(flag & 2 for flag in flags)
    names.append(f"inform={inform}:send={send}")
    position = candidate.index / max(candidate.count - 1, 1)
    names.append(f"pos={_bucket(position, (0.1, 0.25, 0.5, 0.75, 0.9))}")
    if candidate.count - candidate.index <= 3:
        names.append("pos:last3")
    names.append(f"len={_bucket(len(words), (6, 12, 20, 30, 45, 70))}")
    if sentence.endswith("?"):
        names.append("question")
    return names


_hash_cache: dict[str, int] = {}


def _crc(name: str) -> int:
    value = _hash_cache.get(name)
    if value is None:
        value = zlib.crc32(name.encode("utf-8"))
        if len(_hash_cache) < 200_000:  # bounded, like the cue cache
            _hash_cache[name] = value
    return value


def hashed(names: list[str], dim: int) -> list[int]:
    """Feature indexes (crc32, stable across runs and machines), each once."""
    return sorted({_crc(name) % dim for name in names})


def probability(weights: list[float], indexes: list[int]) -> float:
    """The raw logistic score of hashed features."""
    return _sigmoid(sum(map(weights.__getitem__, indexes)))


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
    # proposed (its chance to be right); "new" and "new_reference" for the two heads on the
    # sentences the rules passed over
    platt: dict[str, tuple[float, float]]
    add_threshold: float | None  # candidates the rules missed are added at or above it
    drop_threshold: float | None  # rule commitments below it are dropped
    add_reference_threshold: float | None  # passed-over references are added at or above it
    rescore: bool  # rule items take the model's calibrated confidence

    def as_json(self) -> dict[str, Any]:
        return {
            "feature_version": FEATURE_VERSION,
            "dim": self.dim,
            "add_threshold": self.add_threshold,
            "drop_threshold": self.drop_threshold,
            "add_reference_threshold": self.add_reference_threshold,
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
            add_reference_threshold=data.get("add_reference_threshold"),
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


Scored = list[tuple[Candidate, dict[str, Any] | None, list[Deadline] | None, float, float]]


Featured = list[tuple[Candidate, dict[str, Any] | None, list[Deadline] | None, list[int]]]


def featurize(rules: RulesPass, dim: int, decided_only: bool = False) -> Featured:
    """Every candidate with the rules' decision, its time phrases and its hashed features.

    decided_only: only the sentences the rules proposed something for (enough to rescore them,
    and a fraction of the cost: a candidate's features do not depend on the other candidates).
    """
    out: Featured = []
    for candidate in candidates(rules.cleaned, rules.spans, rules.decisions, decided_only):
        decision = rules.decisions.get(candidate.index)
        # the date grammar is the slow part: a sentence the rules' cheap filter passed over is
        # featured without it (and parsed only when the model adds it)
        deadlines = rules.deadlines.get(candidate.index)
        names = features(candidate, decision, deadlines, rules.letter.date)
        out.append((candidate, decision, deadlines, hashed(names, dim)))
    return out


def calibration_kind(decision: dict[str, Any] | None) -> str:
    """Which Platt scaling the score of a rule's proposal goes through."""
    if decision is not None and decision["category"] == "commitment" and not decision["restates"]:
        return "commitment"
    return "reference"


def confidences(
    commitment_raw: float, reference_raw: float, decision: dict[str, Any] | None, model: Model
) -> tuple[float, float]:
    """Calibrated chances: for a rule's proposal, that it is right (and 0.0); for a sentence the
    rules passed over, that it holds a new commitment and that it refers to an earlier one."""
    if decision is None:
        return (
            calibrated(commitment_raw, model.platt["new"]),
            calibrated(reference_raw, model.platt["new_reference"]),
        )
    kind = calibration_kind(decision)
    raw = reference_raw if kind == "reference" else commitment_raw
    return calibrated(raw, model.platt[kind]), 0.0


def score_candidates(rules: RulesPass, model: Model) -> Scored:
    """Every candidate with the rules' decision, its time phrases and its calibrated scores."""
    scored: Scored = []
    decided_only = model.add_threshold is None and model.add_reference_threshold is None
    for candidate, decision, deadlines, indexes in featurize(rules, model.dim, decided_only):
        commitment = probability(model.commitment, indexes)
        reference = probability(model.reference, indexes)
        scored.append(
            (candidate, decision, deadlines, *confidences(commitment, reference, decision, model))
        )
    return scored


def apply_model(text: str, rules: RulesPass, model: Model | None = None) -> Extraction:
    """The rules' extraction, rescored and extended by the model (unchanged without one)."""
    model = model or load_model()
    if model is None:
        return Extraction(rules.letter, rules.commitments, rules.references)
    return combine(
        text,
        rules,
        score_candidates(rules, model),
        model.add_threshold,
        model.drop_threshold,
        model.add_reference_threshold,
        rescore=model.rescore,
    )


def combine(
    text: str,
    rules: RulesPass,
    scored: Scored,
    add_threshold: float | None,
    drop_threshold: float | None,
    add_reference_threshold: float | None = None,
    rescore: bool = True,
) -> Extraction:
    """The rules' items with the model's confidences, their commitments below drop_threshold
    left out, and the sentences they passed over added as a commitment at or above
    add_threshold, else as a reference at or above add_reference_threshold."""
    new_confidence: dict[int, float] = {}  # id of a rule item -> calibrated confidence
    dropped: set[int] = set()
    added: list[FoundCommitment] = []
    added_references: list[FoundReference] = []
    for candidate, decision, deadlines, score, reference_score in scored:
        if decision is not None:
            item = decision["item"]
            is_commitment = calibration_kind(decision) == "commitment"
            if is_commitment and drop_threshold is not None and score < drop_threshold:
                dropped.add(id(item))
            if rescore:
                new_confidence[id(item)] = score
        elif add_threshold is not None and score >= add_threshold:
            added.append(_found(text, rules, candidate, deadlines, score))
        elif add_reference_threshold is not None and reference_score >= add_reference_threshold:
            added_references.append(_found_reference(text, candidate, reference_score))
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
    references = sorted(references + added_references, key=lambda item: item.start)
    return Extraction(rules.letter, commitments, references)


def _found_reference(text: str, candidate: Candidate, confidence: float) -> FoundReference:
    """A reference or fulfilment the rules missed."""
    kind = "fulfilment" if detection._FULFILS.search(candidate.sentence) else "reference"
    return FoundReference(
        text[candidate.start : candidate.end],
        candidate.start,
        candidate.end,
        _paraphrase(candidate.sentence),
        kind,
        None,
        None,
        confidence,
        LEARNED,
        detection.answers(candidate.sentence),
    )


def _found(
    text: str,
    rules: RulesPass,
    candidate: Candidate,
    deadlines: list[Deadline] | None,
    confidence: float,
) -> FoundCommitment:
    """A commitment the rules missed, as the rules would have written it."""
    if deadlines is None:
        deadlines = find_deadlines(candidate.raw, rules.letter.date)
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
        LEARNED,
    )
