"""Word letters (.docx): paragraphs and table cells in document order (python-docx)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from .base import DOCX, ImportFailed, ParsedLetter


def read(data: bytes) -> ParsedLetter:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ImportFailed(
            _("the Word document is damaged (%(error)s)")
            % {"error": str(exc)[:200] or type(exc).__name__}
        ) from None
    except Exception as exc:  # noqa: BLE001 - lxml errors on broken XML parts
        raise ImportFailed(
            _("the Word document is damaged (%(error)s)")
            % {"error": str(exc)[:200] or type(exc).__name__}
        ) from None
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):  # a table: one line per row, cells separated by tabs
            for row in item.rows:
                cells = [cell.text.strip() for cell in row.cells]
                if any(cells):
                    blocks.append("\t".join(cells))
        else:
            blocks.append(item.text)
    text = "\n".join(blocks).strip()
    if not text:
        raise ImportFailed(_("the Word document holds no text"))
    props = document.core_properties
    metadata = {}
    if props.title:
        metadata["title"] = props.title.strip()[:500]
    return ParsedLetter(text=text, metadata=metadata, source_format=DOCX)
