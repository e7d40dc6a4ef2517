"""What the format readers return, and the one error they raise."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

PDF, DOCX, HTML, JSON, TEXT = "pdf", "docx", "html", "json", "txt"
ZIP, BINARY, EMPTY = "zip", "binary", "empty"


class ImportFailed(Exception):
    """A file that cannot become a letter; the message says why, in the user's words."""


@dataclass
class ParsedLetter:
    text: str
    # Letter fields the file itself states (title, date, dossier, kamerstuk, ministry,
    # source_url ...); they win over what the extractor guesses from the text.
    metadata: dict = field(default_factory=dict)
    source_format: str = TEXT
    # Open-data documents carry their register Id, to link fulfilled commitments to them.
    external_id: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class RegisterEntry:
    """One commitment from a Kamer register (Tweede Kamer open data `Toezegging`)."""

    register_number: str
    text: str
    status: str
    actor: str = ""
    ministry: str = ""
    made_to: str = ""
    made_on: dt.date | None = None
    due_date: dt.date | None = None
    committee: str = ""
    external_id: str = ""
    # The documents the register says fulfil it: (Id, title, url).
    fulfilled_by: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class ParsedDocument:
    format: str
    letters: list[ParsedLetter] = field(default_factory=list)
    register: list[RegisterEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Records inside a batch file (open data) that could not be read: (label, reason).
    failures: list[tuple[str, str]] = field(default_factory=list)


def iso_date(value: object) -> dt.date | None:
    """The date at the start of an ISO-like value ("2024-03-01", "2024-03-01T00:00:00+01:00"),
    or None when there is none or it is not a real day."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value or ""))
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None
