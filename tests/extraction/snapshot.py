"""Snapshots of the extractor's output on every labelled letter, kept as reviewable JSON.

A rule change shows up as a diff of these files and not only as a move of an F1 floor. One file
per letter, `snapshots/<set>/<letter>.json`, written with sorted keys and one item field per
line so that `git diff` shows which statement of which letter changed.

Regenerate after an intended change, then read the diff before committing it:

    .venv/bin/python -m tests.extraction.snapshot        (or: make snapshots)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SNAPSHOTS = HERE / "snapshots"
REGENERATE = ".venv/bin/python -m tests.extraction.snapshot  (or: make snapshots)"
_ITEM_FIELDS = (
    "quote",
    "start",
    "end",
    "rule",
    "answers",
    "kind",
    "actor",
    "refers_to",
    "deadline_phrase",
    "due",
    "confidence",
)


def labelled_sets() -> list[Path]:
    """Every folder of labelled letters beside this module (each has a labels.jsonl)."""
    return sorted(path.parent for path in HERE.glob("*/labels.jsonl"))


def letters(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def snapshot_path(letter: Path) -> Path:
    return SNAPSHOTS / letter.parent.name / (letter.stem + ".json")


def _item(found: dict[str, Any]) -> dict[str, Any]:
    item = {key: found[key] for key in _ITEM_FIELDS if key in found}
    # whitespace inside a quote is the letter's line layout, not the extractor's decision
    item["quote"] = " ".join(item["quote"].split())
    return item


def render(letter: Path) -> str:
    """The snapshot text of one letter as the extractor sees it now."""
    from commitments.extraction import extract

    result = extract(letter.read_text(encoding="utf-8")).as_json(letter.name)
    data = {
        "letter": result["letter"],
        "commitments": [_item(found) for found in result["commitments"]],
        "fulfilments": [_item(found) for found in result["fulfilments"]],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    written = 0
    kept: set[Path] = set()
    for folder in labelled_sets():
        for letter in letters(folder):
            path = snapshot_path(letter)
            kept.add(path)
            text = render(letter)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                written += 1
    stale = [path for path in SNAPSHOTS.glob("*/*.json") if path not in kept]
    for path in stale:
        path.unlink()
    print(f"snapshots: {written} written, {len(stale)} removed, {len(kept)} in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
