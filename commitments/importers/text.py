"""Plain text: UTF-8, or the Windows-1252/Latin-1 that older Word exports produce."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .base import TEXT, ImportFailed, ParsedLetter

# Bytes Windows-1252 leaves undefined: a file holding them is Latin-1 (ISO-8859-1).
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(b in _CP1252_UNDEFINED for b in data):
        return data.decode("latin-1"), "latin-1"
    return data.decode("cp1252"), "windows-1252"


def read(data: bytes) -> ParsedLetter:
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ImportFailed(_("the file holds no text"))
    notes = []
    if encoding != "utf-8":
        notes.append(_("read as %(encoding)s and converted to UTF-8") % {"encoding": encoding})
    return ParsedLetter(text=text, source_format=TEXT, notes=notes)
