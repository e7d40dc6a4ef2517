"""A predictable stand-in for `commitments.extraction.extract`, for tests about importing and
linking rather than about the extractor: a sentence with "Ik zal" is a commitment, one with
"gestand" a fulfilment, one with "toegezegd" or "Zoals" a reference."""

from __future__ import annotations

import datetime as dt
import re

from commitments.extraction import Extraction, FoundCommitment, FoundReference, LetterMeta

_SENTENCE = re.compile(r"[^.\n]+[.]")
_DATE = re.compile(r"Den Haag, (\d{1,2}) (\w+) (\d{4})")
MONTHS = {
    m: i
    for i, m in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november "
        "december".split(),
        start=1,
    )
}


def fake_extract(text: str) -> Extraction:
    date = None
    if match := _DATE.search(text):
        date = dt.date(int(match[3]), MONTHS.get(match[2], 1), int(match[1]))
    commitments, references = [], []
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        start = match.start() + match.group().index(sentence)
        end = start + len(sentence)
        if "gestand" in sentence or "toegezegd" in sentence or sentence.startswith("Zoals"):
            kind = (
                "fulfilment"
                if "gestand" in sentence or "hierbij" in sentence.lower()
                else "reference"
            )
            references.append(FoundReference(sentence, start, end, sentence, kind, None, None, 0.8))
        elif "Ik zal" in sentence:
            commitments.append(
                FoundCommitment(
                    sentence, start, end, "inform", "minister", sentence, None, None, 0.9
                )
            )
    return Extraction(LetterMeta(date=date), commitments, references)


def broken_extract(text: str) -> Extraction:
    raise RuntimeError("the extractor tripped over this letter")
