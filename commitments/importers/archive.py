"""Zip-based files (Word .docx) are checked before anything is unpacked.

A 2 MB .docx can hold gigabytes of XML (a "zip bomb"). The central directory states every
entry's uncompressed size, and Python's zipfile never returns more than that size for an entry
(it stops there and fails on the CRC), so the stated sizes bound what any reader of the archive
can get. Summing them costs no decompression: a bomb is refused in milliseconds.
"""

from __future__ import annotations

import io
import struct
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .base import ImportFailed

# Defaults; each can be set in settings (and from the environment, see tracker/settings.py).
MAX_ENTRIES = 1000
# Everything unpacked, media included: python-docx holds every part in memory at once.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
# The XML parts, which become lxml trees of roughly eight times their size.
MAX_XML_BYTES = 20 * 1024 * 1024


# Bytes of central directory allowed per entry: a 46-byte header, the name and extra fields.
_DIRECTORY_BYTES_PER_ENTRY = 1024


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def directory_size(data: bytes) -> tuple[int, int] | None:
    """(entries, bytes) of the central directory as the end record states them, or None when
    there is no end record. Listing an archive costs time and memory in proportion to its
    central directory (400,000 empty entries fit in 34 MB and take 6 s and 230 MB to list), so
    this is checked first; zipfile reads no more directory than the stated size."""
    tail = data[-(65535 + 22) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    _sig, _disk, _cd_disk, _here, entries, size, _offset, _comment = struct.unpack(
        "<4s4H2LH", tail[at : at + 22]
    )
    locator = tail[at - 20 : at] if at >= 20 else b""
    if locator[:4] == b"PK\x06\x07":  # zip64: the real figures are in the zip64 end record
        (record_at,) = struct.unpack("<Q", locator[8:16])
        record = data[record_at : record_at + 56]
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            entries, size = struct.unpack("<QQ", record[32:48])
    return entries, size


def check_directory(data: bytes) -> None:
    """Refuse an archive whose central directory alone is past the entry limit."""
    found = directory_size(data)
    if found is None:
        return
    entries, size = found
    max_entries = _limit("LETTER_MAX_ZIP_ENTRIES", MAX_ENTRIES)
    if entries > max_entries:
        raise ImportFailed(
            _("the archive holds %(n)d files, more than the limit of %(limit)d")
            % {"n": entries, "limit": max_entries}
        )
    if size > max_entries * _DIRECTORY_BYTES_PER_ENTRY:
        raise ImportFailed(
            _("the archive's list of files is %(size)s, too long for the limit of %(limit)d files")
            % {"size": filesizeformat(size), "limit": max_entries}
        )


def check_archive(data: bytes) -> None:
    """Raise ImportFailed when the archive would unpack past the limits (or cannot be read)."""
    check_directory(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ImportFailed(
            _("the Word document is damaged (%(error)s)")
            % {"error": str(exc)[:200] or type(exc).__name__}
        ) from None
    max_entries = _limit("LETTER_MAX_ZIP_ENTRIES", MAX_ENTRIES)
    if len(entries) > max_entries:
        raise ImportFailed(
            _("the archive holds %(n)d files, more than the limit of %(limit)d")
            % {"n": len(entries), "limit": max_entries}
        )
    total = sum(info.file_size for info in entries)
    max_total = _limit("LETTER_MAX_UNZIPPED_BYTES", MAX_UNZIPPED_BYTES)
    if total > max_total:
        raise ImportFailed(
            _("unpacked it would be %(size)s, more than the limit of %(limit)s (a zip bomb?)")
            % {"size": filesizeformat(total), "limit": filesizeformat(max_total)}
        )
    xml = sum(
        info.file_size for info in entries if info.filename.lower().endswith((".xml", ".rels"))
    )
    max_xml = _limit("LETTER_MAX_XML_BYTES", MAX_XML_BYTES)
    if xml > max_xml:
        raise ImportFailed(
            _("its XML would be %(size)s unpacked, more than the limit of %(limit)s (a zip bomb?)")
            % {"size": filesizeformat(xml), "limit": filesizeformat(max_xml)}
        )
