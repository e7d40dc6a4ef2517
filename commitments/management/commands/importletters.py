"""`manage.py importletters PATH...`: bring letters in from files and folders (recursively).

Every file is read by its content (PDF, Word, HTML, text, Tweede Kamer open-data JSON); each
new letter is extracted; a summary ends the run. The exit status is non-zero only when a file
failed. Running it again over the same files changes nothing.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commitments.letters import (
    FileImportResult,
    brief_error,
    file_import,
    letter_extract,
    too_large,
)
from commitments.models import ExtractionState, SourceKind

log = logging.getLogger(__name__)

# A progress bar is worth drawing only on a terminal and for more than a handful of files.
PROGRESS_FROM = 5


def _files(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append((raw, _("no such file or folder")))
    return files, missing


def _sibling_resolver(path: Path):
    """Open-data Document files saved next to the JSON as <Id>.<ext>."""

    def resolve(document_id: str) -> bytes | None:
        for candidate in sorted(path.parent.glob(f"{document_id}.*")):
            if candidate != path and candidate.is_file():
                return candidate.read_bytes()
        return None

    return resolve


class Command(BaseCommand):
    # Lazy: translated when shown; BaseCommand declares a str.
    help = cast(
        str,
        gettext_lazy(
            "Import letters (PDF, Word, HTML, text, Tweede Kamer open data) from files and folders."
        ),
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--no-extract",
            action="store_true",
            help=_("Store the letters without running the extractor."),
        )
        parser.add_argument("--progress", choices=["auto", "always", "never"], default="auto")

    def handle(self, *args, **options) -> None:
        files, failures = _files(options["paths"])
        # Files saved as an open-data document's file are imported through their JSON.
        json_ids = self._document_ids(files)
        files = [f for f in files if f.stem not in json_ids]
        imported = present = extraction_failed = 0
        notes: list[str] = []
        show = options["progress"] == "always" or (
            options["progress"] == "auto" and sys.stderr.isatty() and len(files) >= PROGRESS_FROM
        )
        from tqdm import tqdm

        for path in tqdm(files, disable=not show, unit=_("file"), file=sys.stderr):
            # Every file is its own unit: whatever goes wrong with one is reported by its name
            # and the run goes on with the next.
            try:
                result = self._import(path)
            except Exception as exc:
                log.exception("import of %s failed", path)
                result = FileImportResult(name=str(path))
                result.failures.append((str(path), brief_error(exc)))
            failures.extend(result.failures)
            notes.extend(f"{path}: {note}" for note in result.notes)
            imported += result.created
            present += result.existing
            if not options["no_extract"]:
                for letter in result.created_letters:
                    try:
                        state = letter_extract(letter).extraction_state
                    except Exception:  # stored already; its page says extraction is pending
                        log.exception("extraction of letter %s failed", letter.pk)
                        state = ExtractionState.FAILED
                    if state == ExtractionState.FAILED:
                        extraction_failed += 1
        for note in notes:
            self.stdout.write(self.style.WARNING(_("note: %(note)s") % {"note": note}))
        self.stdout.write(
            _("imported: %(n)d, already present: %(p)d, failed: %(f)d")
            % {"n": imported, "p": present, "f": len(failures)}
        )
        if extraction_failed:
            self.stdout.write(
                self.style.WARNING(
                    _("extraction failed for %(n)d new letter(s); see their letter pages")
                    % {"n": extraction_failed}
                )
            )
        for name, reason in failures:
            self.stderr.write(
                self.style.ERROR(
                    _("failed: %(name)s: %(reason)s") % {"name": name, "reason": reason}
                )
            )
        if failures:
            raise CommandError(
                _("%(n)d file(s) or record(s) failed") % {"n": len(failures)}, returncode=1
            )

    def _import(self, path: Path) -> FileImportResult:
        name = str(path)
        try:
            size = path.stat().st_size
            if size > settings.LETTER_MAX_BYTES:
                # Refused before reading it into memory.
                return self._renamed(too_large(path.name), path)
            data = path.read_bytes()
        except OSError as exc:
            result = FileImportResult(name=name)
            result.failures.append((name, exc.strerror or str(exc)))
            return result
        result = file_import(
            data=data,
            name=path.name,
            store_original=True,
            resolve_file=_sibling_resolver(path),
            source_kind=SourceKind.FILE,
        )
        return self._renamed(result, path)

    @staticmethod
    def _renamed(result: FileImportResult, path: Path) -> FileImportResult:
        # Name the file as given on the command line, so the report points at it.
        result.failures = [
            (str(path) if what == path.name else f"{path} [{what}]", why)
            for what, why in result.failures
        ]
        return result

    @staticmethod
    def _document_ids(files: list[Path]) -> set[str]:
        import json

        ids: set[str] = set()
        for path in files:
            try:
                if path.suffix.lower() != ".json" or path.stat().st_size > 50 * 1024 * 1024:
                    continue
                payload = json.loads(path.read_bytes().decode("utf-8-sig"))
            except (OSError, UnicodeDecodeError, ValueError, RecursionError):
                continue  # the file's own import reports what is wrong with it
            records = payload.get("value", [payload]) if isinstance(payload, dict) else payload
            for record in records if isinstance(records, list) else []:
                if isinstance(record, dict) and record.get("Id") and not record.get("Bestand"):
                    ids.add(str(record["Id"]))
        return ids
