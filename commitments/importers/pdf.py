"""PDF letters: the text layer, page by page (pypdf). De-hyphenation and running headers are
the extractor's cleanup; here we only get the text out, or say clearly why we cannot."""

from __future__ import annotations

import io
import logging

from django.utils.translation import gettext as _

from .base import PDF, ImportFailed, ParsedLetter

# A page with fewer characters than this is a scan or an image, not a text page.
_MIN_CHARS_PER_PAGE = 20


def read(data: bytes) -> ParsedLetter:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    # pypdf logs every repair it makes to a damaged file; the caller reports the outcome.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many ministry PDFs are "encrypted" with an empty password only to forbid editing.
            try:
                ok = bool(reader.decrypt(""))
            except Exception:  # noqa: BLE001 - unsupported algorithms raise all sorts
                ok = False
            if not ok:
                raise ImportFailed(_("the PDF is encrypted with a password"))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = ""
        if reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title).strip()
    except ImportFailed:
        raise
    except FileNotDecryptedError:
        raise ImportFailed(_("the PDF is encrypted with a password")) from None
    except NotImplementedError as exc:
        # pypdf opens only the /Standard (password) security handler; certificate encryption
        # (/Adobe.PubSec) and vendors' own handlers raise this while the file is opened.
        raise ImportFailed(
            _(
                "the PDF is encrypted in a way we cannot open (%(error)s), for example with "
                "certificates; save it without encryption and import it again"
            )
            % {"error": str(exc)[:200] or type(exc).__name__}
        ) from None
    except MemoryError:
        raise ImportFailed(_("the PDF is too large to read")) from None
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
        AssertionError,
        ArithmeticError,
        LookupError,
        UnicodeError,
    ) as exc:
        raise ImportFailed(
            _("the PDF is damaged or incomplete (%(error)s)")
            % {"error": str(exc)[:200] or type(exc).__name__}
        ) from None
    if not pages:
        raise ImportFailed(_("the PDF has no pages"))
    chars = sum(len(p.strip()) for p in pages)
    if chars < _MIN_CHARS_PER_PAGE * len(pages) and chars < 200:
        raise ImportFailed(_("the PDF has no text layer (a scan?); run it through OCR first"))
    metadata = {"title": title[:500]} if title and not title.lower().startswith("microsoft") else {}
    return ParsedLetter(text="\n\n".join(pages), metadata=metadata, source_format=PDF)
