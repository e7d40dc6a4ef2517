"""File formats in: each module turns the bytes of one kind of file into text and metadata.

`read_document(data, name)` is the one entry point. The format is decided by the content
(magic bytes, markup, JSON), never by the file name; when the name's extension says otherwise
the result carries a note saying so. Nothing here touches the database: `commitments.letters`
stores what these functions return.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from django.utils.translation import gettext as _

from .base import (
    BINARY,
    DOCX,
    EMPTY,
    HTML,
    JSON,
    PDF,
    TEXT,
    ZIP,
    ImportFailed,
    ParsedDocument,
    ParsedLetter,
    RegisterEntry,
)
from .detect import detect, what_it_is

__all__ = [
    "ImportFailed",
    "ParsedDocument",
    "ParsedLetter",
    "RegisterEntry",
    "detect",
    "read_document",
    "EXPECTED_BY_EXTENSION",
]

# What a file's extension promises; used only to warn when the content disagrees.
EXPECTED_BY_EXTENSION = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".json": JSON,
    ".txt": TEXT,
    ".text": TEXT,
}

FORMAT_LABELS = {
    PDF: "PDF",
    DOCX: "Word (.docx)",
    HTML: "HTML",
    JSON: "JSON",
    TEXT: "text",
    ZIP: "ZIP",
    BINARY: "binary",
    EMPTY: "empty",
}


def read_document(
    data: bytes, name: str = "", *, resolve_file: Callable[[str], bytes | None] | None = None
) -> ParsedDocument:
    """Read one file. Raises ImportFailed with a reason fit to show to the user.

    `resolve_file` lets open-data JSON find the files its Document records point at (by Id),
    e.g. saved next to the JSON file.
    """
    kind = detect(data)
    notes: list[str] = []
    expected = EXPECTED_BY_EXTENSION.get(PurePath(name).suffix.lower())
    if expected and kind not in (expected, EMPTY, BINARY):
        notes.append(
            _("the name ends in %(ext)s but the content is %(kind)s; read as %(kind)s")
            % {"ext": PurePath(name).suffix.lower(), "kind": FORMAT_LABELS[kind]}
        )
    if kind == EMPTY:
        raise ImportFailed(_("the file is empty"))
    if kind in (BINARY, TEXT) and (holds := what_it_is(data)):
        # A picture or a data file stored as a "letter" would be binary noise or JSON to read.
        raise ImportFailed(_("the file is not a letter: %(kind)s") % {"kind": _(holds)})
    if kind == BINARY:
        raise ImportFailed(
            _(
                "the file is not a letter in a format we read "
                "(PDF, Word .docx, HTML, text or open-data JSON)"
            )
        )
    if kind == ZIP:
        raise ImportFailed(_("a ZIP archive that is not a Word (.docx) document"))
    if kind == PDF:
        from . import pdf

        parsed = ParsedDocument(PDF, letters=[pdf.read(data)])
    elif kind == DOCX:
        from . import docx

        parsed = ParsedDocument(DOCX, letters=[docx.read(data)])
    elif kind == HTML:
        from . import html

        parsed = ParsedDocument(HTML, letters=[html.read(data)])
    elif kind == JSON:
        from . import opendata

        parsed = opendata.read(data, resolve_file=resolve_file)
    else:
        from . import text

        letter = text.read(data)
        parsed = ParsedDocument(TEXT, letters=[letter])
    parsed.notes[:0] = notes
    return parsed
