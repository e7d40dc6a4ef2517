"""Letters in: store a letter once per content, run the extractor over it, store what it found.

The importers (one per file format) turn a file into text and metadata and call
`letter_import`; the extraction task calls `letter_extract`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import extraction, linking
from .importers import ImportFailed, ParsedLetter, RegisterEntry, read_document
from .importers.opendata import document_url
from .models import (
    Addressee,
    Commitment,
    Event,
    EventKind,
    ExtractionState,
    Letter,
    Origin,
    Review,
    StatementKind,
    Status,
    status_from_register,
)
from .services import (
    commitment_create,
    commitment_follow_register,
    proposals_discard,
    record_event,
    revise_proposal,
    statement_propose,
    statement_record,
    statements_discard_unlinked,
)

log = logging.getLogger(__name__)


def content_hash(text: str) -> str:
    """Identity of a letter: its text with whitespace folded, so a re-export with other line
    breaks is still the same letter."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ImportResult:
    letter: Letter
    created: bool


def letter_import(
    *,
    text: str,
    source_name: str = "",
    source_format: str = "txt",
    metadata: dict | None = None,
    user=None,
) -> ImportResult:
    """Store a letter unless the same text is already there. Extraction is a separate step."""
    if not text.strip():
        raise ValueError("the letter has no text")
    digest = content_hash(text)
    existing = Letter.objects.filter(content_hash=digest).first()
    if existing is not None:
        return ImportResult(existing, created=False)
    fields = {k: v for k, v in (metadata or {}).items() if v not in (None, "")}
    with transaction.atomic():
        letter, created = Letter.objects.get_or_create(
            content_hash=digest,
            defaults=dict(
                text=text,
                source_name=source_name[:255],
                source_format=source_format,
                imported_by=user if user is not None and user.is_authenticated else None,
                **fields,
            ),
        )
    return ImportResult(letter, created)


def _addressee_code(name: str | None) -> str:
    if not name:
        return ""
    return Addressee.EERSTE_KAMER if "eerste" in name.lower() else Addressee.TWEEDE_KAMER


@transaction.atomic
def letter_extract(letter: Letter) -> Letter:
    """Run the extractor and store its proposals.

    Safe to run again: what the machine proposed before and no analyst touched is replaced;
    what an analyst confirmed, edited or decided stays as it is.
    """
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.withdrawn_at is not None:
        return letter  # withdrawn: its commitments were rejected and must not come back
    try:
        found = extraction.extract(letter.text)
        # A savepoint: a failure while storing undoes only the half-stored results, and the
        # letter is marked failed with the reason instead of staying "pending" forever.
        with transaction.atomic():
            return _store_extraction(letter, found)
    except Exception as exc:  # a bug must not lose the letter or stop a batch
        log.exception("extraction failed for letter %s", letter.pk)
        Letter.objects.filter(pk=letter.pk).update(
            extraction_state=ExtractionState.FAILED,
            extraction_error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        letter.refresh_from_db()
        return letter


def _store_extraction(letter: Letter, found: extraction.Extraction) -> Letter:
    meta = found.letter
    updates: dict = {}
    # Metadata the importer brought (from an HTML page or open data) wins over guesses.
    if meta.date and not letter.date:
        updates.update(date=meta.date, date_inferred=meta.date_inferred)
    if meta.addressee and not letter.addressee:
        updates["addressee"] = _addressee_code(meta.addressee)
    if meta.kamerstuk and not letter.kamerstuk:
        updates["kamerstuk"] = meta.kamerstuk
    if meta.dossier and not letter.dossier:
        updates["dossier"] = meta.dossier
    if meta.ministry and not letter.ministry:
        updates["ministry"] = meta.ministry
    if meta.subject and not letter.subject:
        updates["subject"] = meta.subject[:500]
    if meta.signatories and not letter.signatories:
        updates["signatories"] = [{"name": s.name, "office": s.office} for s in meta.signatories]
    if not letter.title:
        updates["title"] = _title_for(letter, meta)
    for name, value in updates.items():
        setattr(letter, name, value)

    # Proposals nobody acted on are the machine's to revise; anything an analyst confirmed,
    # edited, rejected or annotated stays exactly as it is.
    machine_owned = {
        (c.span_start, c.span_end): c
        for c in letter.commitments.filter(
            origin=Origin.EXTRACTED, review=Review.PROPOSED, edited=False
        ).exclude(events__user__isnull=False)
    }
    human_spans = {
        (c.span_start, c.span_end)
        for c in letter.commitments.all()
        if (c.span_start, c.span_end) not in machine_owned
    }
    seen: set[tuple[int, int]] = set()
    # Open commitments of earlier letters, for restatements and for the references below.
    pool = linking.candidate_pool()
    restated = {
        (st.span_start, st.span_end)
        for st in letter.statements.filter(kind=StatementKind.REFERENCE, commitment__isnull=False)
    }
    for item in found.commitments:
        span = (item.start, item.end)
        seen.add(span)
        if span in human_spans or span in restated:
            continue
        if span not in machine_owned and _record_restatement(letter, item, pool):
            continue
        proposal: dict[str, Any] = dict(
            text=item.action or item.quote,
            actor=item.actor or "",
            kind=item.kind,
            deadline_phrase=item.deadline_phrase or "",
            due_date=item.due,
            confidence=item.confidence,
            rule=item.rule,
        )
        existing = machine_owned.get(span)
        if existing is not None:
            revise_proposal(existing, proposal)
            continue
        commitment_create(
            quote=item.quote,
            letter=letter,
            span=span,
            ministry=letter.ministry,
            committee=letter.committee,
            made_on=letter.date,
            **proposal,
        )
    # Proposals the extractor no longer makes, and nobody acted on, go; links other letters
    # proposed to them are freed to be linked again.
    proposals_discard(pks=[c.pk for span, c in machine_owned.items() if span not in seen])

    statements_discard_unlinked(letter=letter)
    for ref in found.fulfilments:
        statement_record(
            letter=letter,
            span=(ref.start, ref.end),
            kind=getattr(ref, "kind", StatementKind.REFERENCE) or StatementKind.REFERENCE,
            quote=ref.quote,
            refers_to=ref.refers_to or "",
            rule=ref.rule,
            answers=ref.answers,
        )

    linking.letter_link(letter, pool)

    letter.extraction_state = ExtractionState.DONE
    letter.extraction_error = ""
    letter.extracted_at = timezone.now()
    letter.save()
    return letter


def _title_for(letter: Letter, meta) -> str:
    """A readable title in the letters' own language: "Brief Minister van Defensie,
    19 mei 2017 (Kamerstuk 29521-Z)"."""
    offices = [s.office for s in meta.signatories if s.office]
    day = letter.date or meta.date
    title = "Brief " + (offices[0] if offices else (meta.ministry or "")).strip()
    if day:
        with translation.override("nl"):
            title = f"{title.rstrip()}, {date_format(day, 'j F Y')}"
    if meta.kamerstuk:
        title += f" (Kamerstuk {meta.kamerstuk})"
    if title.strip() == "Brief":
        return letter.source_name or "Brief"
    return title[:500]


def _record_restatement(letter: Letter, item, pool: linking.Pool) -> bool:
    """A promise an earlier letter already made is a reference to that commitment, not a new
    one: store it as a statement on the open commitment and put it on its timeline."""
    match = linking.best_restatement(
        pool,
        f"{item.action or ''} {item.quote}",
        letter_key=letter.pk,
        letter_date=letter.date,
        ministry=letter.ministry,
    )
    if match is None:
        return False
    candidate, value = match
    statement = statement_record(
        letter=letter,
        span=(item.start, item.end),
        kind=StatementKind.REFERENCE,
        quote=item.quote,
        refers_to=_("restates an earlier commitment"),
    )
    if statement.commitment_id is None and statement.link_state == "unlinked":
        statement.letter = letter
        commitment = Commitment.objects.get(pk=candidate.key)
        statement_propose(statement=statement, commitment=commitment, score=value)
    return True


# --- files in ----------------------------------------------------------------------------------

EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "json": ".json", "txt": ".txt"}


@dataclass
class FileImportResult:
    """What one file brought: letters and register commitments, new or already present."""

    name: str
    format: str = ""
    letters: list[ImportResult] = field(default_factory=list)
    register: list[tuple[Commitment, bool]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Records inside the file that failed, and the file's own failure: (what, reason).
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def created_letters(self) -> list[Letter]:
        return [r.letter for r in self.letters if r.created]

    @property
    def created(self) -> int:
        return len(self.created_letters) + sum(1 for _c, new in self.register if new)

    @property
    def existing(self) -> int:
        return sum(1 for r in self.letters if not r.created) + sum(
            1 for _c, new in self.register if not new
        )

    @property
    def failed(self) -> bool:
        return bool(self.failures)


def too_large(name: str) -> FileImportResult:
    """The result for a file over settings.LETTER_MAX_BYTES (callers check before reading)."""
    result = FileImportResult(name=name)
    result.failures.append(
        (
            name,
            _("the file is larger than the limit of %(limit)s")
            % {"limit": filesizeformat(settings.LETTER_MAX_BYTES)},
        )
    )
    return result


def file_import(
    *,
    data: bytes,
    name: str,
    user=None,
    store_original: bool = True,
    resolve_file: Callable[[str], bytes | None] | None = None,
    source_kind: str = "",
) -> FileImportResult:
    """Store what one file holds: its letter(s), and for open data its register commitments.

    Never raises for a bad file: the result's `failures` say what went wrong. All of a file
    is stored or none of it (records of an open-data file that fail on their own are skipped
    and reported). Extraction is the caller's next step, for the letters newly created.
    """
    if len(data) > settings.LETTER_MAX_BYTES:
        return too_large(name)
    result = FileImportResult(name=name)
    try:
        parsed = read_document(data, name, resolve_file=resolve_file)
    except ImportFailed as exc:
        result.failures.append((name, str(exc)))
        return result
    except MemoryError:
        result.failures.append((name, _("the file is too large to read")))
        return result
    except Exception as exc:  # a reader's bug must not become a 500 or stop a batch
        log.exception("reading %s failed", name)
        result.failures.append(
            (name, _("could not be read (%(error)s)") % {"error": brief_error(exc)})
        )
        return result
    result.format = parsed.format
    result.notes.extend(parsed.notes)
    result.failures.extend(parsed.failures)
    stored: list[str] = []
    try:
        with transaction.atomic():
            for item in parsed.letters:
                if source_kind:
                    item.metadata.setdefault("source_kind", source_kind)
                outcome = _store_letter(
                    item,
                    name=name,
                    user=user,
                    data=data
                    if (store_original and len(parsed.letters) == 1 and parsed.format != "json")
                    else None,
                    stored=stored,
                )
                result.letters.append(outcome)
                result.notes.extend(item.notes)
            for entry in parsed.register:
                # Each record in a savepoint of its own: one that cannot be stored is reported
                # and the file's other records still come in.
                try:
                    with transaction.atomic():
                        result.register.append(register_import(entry))
                except ImportFailed as exc:
                    result.failures.append((entry.register_number, str(exc)))
                except (ValueError, OverflowError, TypeError) as exc:
                    log.exception("register record %s failed", entry.register_number)
                    result.failures.append(
                        (
                            entry.register_number,
                            _("could not be stored (%(error)s)") % {"error": brief_error(exc)},
                        )
                    )
    except ImportFailed as exc:
        _remove_files(stored)
        result.letters, result.register = [], []
        result.failures.append((name, str(exc)))
    except Exception as exc:
        _remove_files(stored)
        log.exception("import of %s failed", name)
        result.letters, result.register = [], []
        result.failures.append(
            (name, _("could not be stored (%(error)s)") % {"error": brief_error(exc)})
        )
    return result


def brief_error(exc: BaseException) -> str:
    """An exception as one short line for a report: its kind and message, no traceback."""
    return f"{type(exc).__name__}: {exc}"[:300]


def parsed_letter_import(
    item: ParsedLetter, *, name: str, data: bytes | None, original_format: str = ""
) -> ImportResult:
    """One letter an importer has already read (the open-data sync fetches the file and the
    clean text itself), stored exactly as `file_import` stores a file's letter: once per
    content, the original file kept under a generated name. Raises ImportFailed."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            return _store_letter(
                item,
                name=name,
                user=None,
                data=data,
                stored=stored,
                original_format=original_format,
            )
    except Exception:
        _remove_files(stored)
        raise


def _store_letter(
    item: ParsedLetter,
    *,
    name: str,
    user,
    data: bytes | None,
    stored: list[str],
    original_format: str = "",
) -> ImportResult:
    try:
        outcome = letter_import(
            text=item.text,
            source_name=name,
            source_format=item.source_format,
            metadata=item.metadata,
            user=user,
        )
    except ValueError as exc:
        raise ImportFailed(str(exc)) from None
    if outcome.created and data is not None:
        # A generated name: nothing of the uploaded file name reaches the file system.
        # The original may be another format than the text (a PDF kept beside the clean HTML).
        extension = EXTENSIONS.get(original_format or item.source_format, ".bin")
        filename = f"{uuid.uuid4().hex}{extension}"
        outcome.letter.original_file.save(filename, ContentFile(data), save=False)
        stored.append(outcome.letter.original_file.name)
        Letter.objects.filter(pk=outcome.letter.pk).update(
            original_file=outcome.letter.original_file.name
        )
    return outcome


def _remove_files(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for stored_name in names:
        try:
            default_storage.delete(stored_name)
        except OSError:  # pragma: no cover - best effort: the row is gone, the file is junk
            log.warning("could not remove %s", stored_name)


def register_import(entry: RegisterEntry) -> tuple[Commitment, bool]:
    """A commitment from the Kamer's register. Its number is unique: importing the same record
    again changes nothing. A later export of the register in which the record moved on (a new
    status word, a new fulfilling letter) brings that change onto the existing commitment."""
    try:
        status = status_from_register(entry.status)
    except ValueError:
        raise ImportFailed(
            _("%(number)s: unknown register status “%(status)s”")
            % {"number": entry.register_number, "status": entry.status}
        ) from None
    existing = Commitment.objects.filter(register_number=entry.register_number).first()
    if existing is not None:
        seen = _register_word(existing.register_status_seen)
        if _register_word(entry.status) != seen:
            # A row imported before the word was kept (seen is empty) only learns the word: what
            # the register said then is unknown, so its status may be an analyst's decision.
            target = status if seen else existing.status
            cited = {}
            if target != existing.status and status in (Status.FULFILLED, Status.PARTLY_FULFILLED):
                cited = next(
                    (
                        fields
                        for fields in _fulfilment_events(entry)
                        if not Event.objects.filter(dedupe_key=fields["dedupe_key"]).exists()
                    ),
                    {},
                )
            commitment_follow_register(
                commitment=existing, word=entry.status, status=target, **cited
            )
        _register_fulfilments(existing, entry, status)
        return existing, False
    deadline = _parse_deadline(entry.text, entry.made_on)
    commitment = commitment_create(
        text=entry.text,
        quote=entry.text,
        actor=entry.actor,
        ministry=entry.ministry,
        committee=entry.committee,
        made_to=entry.made_to,
        deadline_phrase=deadline.phrase[:200] if deadline else "",
        due_date=(deadline.due if deadline and deadline.due else None) or entry.due_date,
        made_on=entry.made_on,
        status=status,
        review=Review.CONFIRMED,
        origin=Origin.REGISTER,
        register_number=entry.register_number,
        register_status_seen=entry.status[:40],
    )
    _register_fulfilments(commitment, entry, status)
    return commitment, True


def _register_word(word: str) -> str:
    return " ".join(word.lower().split())


def _fulfilment_events(entry: RegisterEntry) -> list[dict]:
    """The timeline fields for each letter the register says fulfils the commitment."""
    events = []
    for doc_id, title, url in entry.fulfilled_by:
        letter = (
            Letter.objects.filter(source_url=document_url(doc_id)).first()
            or Letter.objects.filter(external_id=doc_id).first()
        )
        # Dated by the fulfilling letter (or the promise) rather than the import, so a register
        # import of years of history does not fill this week's digests as "fulfilled".
        day = (letter.date if letter else None) or entry.made_on or timezone.localdate()
        events.append(
            {
                "letter": letter,
                "url": url,
                "note": title or _("per the Kamer register"),
                "at": timezone.make_aware(dt.datetime.combine(day, dt.time(12))),
                "dedupe_key": f"register:{entry.register_number}:{doc_id}"[:120],
            }
        )
    return events


def _register_fulfilments(commitment: Commitment, entry: RegisterEntry, status: str) -> None:
    """Each letter the register says fulfils the commitment, on its timeline once."""
    kind = {
        Status.FULFILLED: EventKind.FULFILLED,
        Status.PARTLY_FULFILLED: EventKind.PARTLY_FULFILLED,
    }.get(Status(status), EventKind.REFERENCED)
    for fields in _fulfilment_events(entry):
        record_event(
            commitment, kind, new_status=status if kind != EventKind.REFERENCED else "", **fields
        )


def _parse_deadline(text: str, reference: dt.date | None) -> extraction.Deadline | None:
    return extraction.parse_deadline(text, reference)
