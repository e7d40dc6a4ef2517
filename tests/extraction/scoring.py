"""Scores the extractor on a folder of labelled letters the way the evaluation does, without
reading ../shared at run time (users of the project do not have it).

A folder holds letters as .txt and labels.jsonl in the shared seed labels' format: exact quotes
with offsets, deadline phrase, due date, kind; fulfilments; doubtful cases, which count neither
way. A found statement matches a labelled one when their spans overlap by at least half of the
shorter and a quarter of the longer, one to one, greedily in order of finding; a due date is
right within 31 days.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from commitments.extraction import extract


def load_labels(folder: Path) -> list[dict]:
    lines = (folder / "labels.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _span(text: str, item: dict) -> tuple[int, int] | None:
    start, end, quote = item.get("start"), item.get("end"), item.get("quote") or ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if " ".join(text[start:end].split()) == " ".join(quote.split()):
            return start, end
    match = re.search(r"\s+".join(re.escape(word) for word in quote.split()), text)
    return match.span() if match else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return False
    la, lb = a[1] - a[0], b[1] - b[0]
    return inter >= 0.5 * min(la, lb) and inter >= 0.25 * max(la, lb)


def _match(text, found, gold, doubtful):
    """(tp, fp, fn, matched pairs) for one letter."""
    gold_spans = [_span(text, item) for item in gold]
    used: set[int] = set()
    tp = fp = 0
    pairs = []
    for item in found:
        span = (item["start"], item["end"])
        hit = next(
            (i for i, g in enumerate(gold_spans) if i not in used and g and _overlap(span, g)), None
        )
        if hit is not None:
            used.add(hit)
            tp += 1
            pairs.append((item, gold[hit]))
        elif not any(_overlap(span, d) for d in doubtful):
            fp += 1
    return tp, fp, len(gold) - len(used), pairs


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_folder(folder: Path) -> dict:
    """commitment_f1, fulfilment_f1, due (share of matched commitments with the right date),
    dates (share of letters with a date line whose date is right) and the raw totals."""
    letters, labels = folder, load_labels(folder)
    totals = {"commitments": [0, 0, 0], "fulfilments": [0, 0, 0]}
    due_ok = due_n = dates_ok = dates_n = 0
    for label in labels:
        text = (letters / label["doc"]).read_text(encoding="utf-8")
        result = extract(text).as_json(label["doc"])
        doubtful = [s for s in (_span(text, d) for d in label.get("doubtful", [])) if s]
        for key in totals:
            tp, fp, fn, pairs = _match(text, result[key], label.get(key, []), doubtful)
            totals[key] = [totals[key][0] + tp, totals[key][1] + fp, totals[key][2] + fn]
            if key != "commitments":
                continue
            for found, gold in pairs:
                due_n += 1
                if gold.get("due") is None:
                    due_ok += found["due"] is None
                elif found["due"] is not None:
                    gap = dt.date.fromisoformat(found["due"]) - dt.date.fromisoformat(gold["due"])
                    due_ok += abs(gap.days) <= 31
        if str(label.get("date_source", "text")).startswith("text"):
            dates_n += 1
            dates_ok += (result["letter"]["date"] or "") == label["date"]
    return {
        "commitment_f1": _f1(*totals["commitments"]),
        "fulfilment_f1": _f1(*totals["fulfilments"]),
        "due": due_ok / due_n if due_n else 1.0,
        "dates": dates_ok / dates_n if dates_n else 1.0,
        "totals": totals,
    }
