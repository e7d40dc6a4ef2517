"""Zip-based files (Word .docx) are checked before anything is unpacked.

A 2 MB .docx can hold gigabytes of XML (a "zip bomb"). The central directory states every
entry's uncompressed size, and Python's zipfile never returns more than that size for an entry
(it stops there and fails on the CRC), so the stated sizes bound what any reader of the archive
can get. Summing them costs no decompression: a bomb is refused in milliseconds.
"""

from __future__ import annotations

import io
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


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def check_archive(data: bytes) -> None:
    """Raise ImportFailed when the archive would unpack past the limits (or cannot be read)."""
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
