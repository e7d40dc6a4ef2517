"""Which format a file is, from its first bytes."""

from __future__ import annotations

import io
import json
import zipfile

from .base import BINARY, DOCX, EMPTY, HTML, JSON, PDF, TEXT, ZIP

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def detect(data: bytes) -> str:
    if not data.strip():
        return EMPTY
    # The PDF header may be preceded by junk; readers accept it within the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
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
