"""Word letters (.docx): paragraphs and table cells in document order (python-docx)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from .archive import check_archive
from .base import DOCX, ImportFailed, ParsedLetter


def read(data: bytes) -> ParsedLetter:
    import docx

    # Sizes first: python-docx unpacks and parses every part at once.
    check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
        text = _text(document)
        props = document.core_properties
        title = (props.title or "").strip()[:500]
    except MemoryError:
        raise ImportFailed(_("the Word document is too large to read")) from None
    except Exception as exc:  # noqa: BLE001 - zipfile, lxml and python-docx raise all sorts
        raise ImportFailed(
            _("the Word document is damaged (%(error)s)")
            % {"error": str(exc)[:200] or type(exc).__name__}
        ) from None
    if not text:
        raise ImportFailed(_("the Word document holds no text"))
    metadata = {"title": title} if title else {}
    return ParsedLetter(text=text, metadata=metadata, source_format=DOCX)


def _text(document) -> str:
    """Paragraphs and tables in document order; a table row is one line, cells tab-separated."""
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):  # a table: one line per row, cells separated by tabs
            for row in item.rows:
                cells = [cell.text.strip() for cell in row.cells]
                if any(cells):
                    blocks.append("\t".join(cells))
        else:
            blocks.append(item.text)
    return "\n".join(blocks).strip()
