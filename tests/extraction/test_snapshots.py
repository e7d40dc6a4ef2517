"""The extractor's output on every labelled letter equals its reviewed snapshot.

A failure here is not a verdict: it says a rule change moved some statement of some letter.
Read the diff, and when the change is meant, regenerate the snapshots and commit them with it.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.extraction.snapshot import REGENERATE, labelled_sets, letters, render, snapshot_path

LETTERS = [letter for folder in labelled_sets() for letter in letters(folder)]


def test_every_labelled_set_has_snapshots() -> None:
    assert {folder.name for folder in labelled_sets()} >= {"letters", "holdout", "blind"}
    missing = [str(letter) for letter in LETTERS if not snapshot_path(letter).exists()]
    assert not missing, f"no snapshot for {missing}; regenerate with: {REGENERATE}"


@pytest.mark.parametrize("letter", LETTERS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_output_matches_its_snapshot(letter: Path) -> None:
    path = snapshot_path(letter)
    if not path.exists():
        pytest.fail(f"no snapshot {path}; regenerate with: {REGENERATE}")
    expected = path.read_text(encoding="utf-8")
    actual = render(letter)
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"{path} (snapshot)",
                "extractor now",
            )
        )
        pytest.fail(
            f"the extractor's output on {letter.name} changed:\n{diff}\n"
            f"If the change is intended, regenerate with: {REGENERATE} and commit the diff."
        )
