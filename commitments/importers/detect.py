"""Which format a file is, from its first bytes."""

from __future__ import annotations

import io
import json
import zipfile

from django.utils.translation import gettext_noop

from .archive import check_directory
from .base import BINARY, DOCX, EMPTY, HTML, JSON, PDF, TEXT, ZIP, ImportFailed

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# Files people upload by mistake, by their first bytes: named in the refusal, so the user sees
# what the file was instead of "not a format we read".
_NOT_LETTERS: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, gettext_noop("PNG image")),
    (b"\xff\xd8\xff", 0, gettext_noop("JPEG image")),
    (b"GIF87a", 0, gettext_noop("GIF image")),
    (b"GIF89a", 0, gettext_noop("GIF image")),
    (b"WEBP", 8, gettext_noop("WebP image")),
    (b"II*\x00", 0, gettext_noop("TIFF image")),
    (b"MM\x00*", 0, gettext_noop("TIFF image")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, gettext_noop("old Office file (.doc, .xls, .msg)")),
    (b"\x1f\x8b", 0, gettext_noop("gzip archive")),
    (b"7z\xbc\xaf\x27\x1c", 0, gettext_noop("7-Zip archive")),
    (b"Rar!\x1a\x07", 0, gettext_noop("RAR archive")),
    (b"SQLite format 3\x00", 0, gettext_noop("SQLite database")),
    (b"\x7fELF", 0, gettext_noop("program")),
)


def what_it_is(data: bytes) -> str:
    """What a file that is no letter holds, when its first bytes say so ("PNG image"), else ""."""
    for magic, offset, label in _NOT_LETTERS:
        if data[offset : offset + len(magic)] == magic:
            return label
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return gettext_noop("SVG image")
    if _json_lines(data):
        return gettext_noop("JSON lines data file")
    return ""


def _json_lines(data: bytes) -> bool:
    """One JSON value per line (.jsonl: labels, exports), not a letter in prose."""
    lines = [line.strip() for line in data[:65536].splitlines() if line.strip()][:5]
    if not lines or not all(line[:1] in (b"{", b"[") for line in lines):
        return False
    # The last line of the sample may be cut off; the others must each be whole JSON.
    for line in lines[:-1] if len(lines) > 1 else lines:
        try:
            json.loads(line)
        except ValueError:
            return False
    return True


def detect(data: bytes) -> str:
    if not data.strip():
        return EMPTY
    # The PDF header may be preceded by junk; readers accept it within the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            check_directory(data)
        except ImportFailed:
            # Too big a directory to list: a name stored in it says what it claims to be, and
            # the Word reader refuses it with the reason.
            return DOCX if b"word/document.xml" in data else ZIP
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return BINARY
        return DOCX if "word/document.xml" in names else ZIP
    head = data[:4096]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if _looks_binary(data[:8192]):
        return BINARY
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        lowered.startswith((b"<?xml", b"<!--", b"<!doctype")) and b"<html" in lowered
    ):
        return HTML
    if lowered[:1] in (b"{", b"["):
        try:
            json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            return TEXT
        return JSON
    return TEXT


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes or many control characters: not text in any encoding we accept.

    UTF-16 text has NUL bytes too, but letters do not come that way; refusing it is clearer
    than importing mojibake.
    """
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)
