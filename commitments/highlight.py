"""Cut a letter's text into plain and highlighted pieces for the letter page.

The template renders every piece through auto-escaping: letter text is untrusted input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Piece:
    text: str
    target: Any = None  # the commitment or statement the piece belongs to
    kind: str = ""


def highlight(text: str, spans: list[tuple[int, int, Any, str]]) -> list[Piece]:
    """spans: (start, end, target, kind). Overlapping spans: the earlier one wins."""
    pieces: list[Piece] = []
    pos = 0
    for start, end, target, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos or not (0 <= start < end <= len(text)):
            continue
        if start > pos:
            pieces.append(Piece(text[pos:start]))
        pieces.append(Piece(text[start:end], target, kind))
        pos = end
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return pieces
