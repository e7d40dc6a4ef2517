"""Following the Tweede Kamer's open data: the OData v4 API at settings.TK_ODATA_URL.

Each entity set (`Document`, `Toezegging`) is read from a stored cursor: `$filter` on the
change timestamp (settings.TK_SYNC_TIMESTAMP_FIELD) `gt` the cursor, ordered by it, page by
page along `@odata.nextLink`. Letters of the government (settings.TK_LETTER_SOORTEN) and their
files go through the same import as an upload (`letters.parsed_letter_import`: stored once
per content, then extracted and linked); `Toezegging` records through the register import.

Why it is safe to stop at any point: every record is stored in its own transaction and the
import is idempotent (content hash, document Id, register number, event dedupe keys), and the
cursor moves only after a whole page is stored. A run killed half-way therefore fetches the
unfinished page again and ends where an uninterrupted run would have.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import json
import logging
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from . import letters
from .importers import ImportFailed, ParsedLetter, read_document
from .importers.base import HTML, JSON, iso_date
from .importers.opendata import document_url, subject_of, toezegging
from .models import (
    Commitment,
    Event,
    EventKind,
    ExtractionState,
    Letter,
    SourceKind,
    SyncAction,
    SyncCursor,
    SyncItem,
    SyncRun,
    SyncState,
)
from .services import record_event

log = logging.getLogger(__name__)

DOCUMENT, TOEZEGGING = "Document", "Toezegging"
ENTITIES = (DOCUMENT, TOEZEGGING)
# What each record needs besides its own fields: the dossier, the actors (ministry and
# signatory) and the Zaak (for the public page) of a document; the fulfilling letters and the
# debate of a toezegging.
EXPAND = {
    DOCUMENT: "DocumentActor,Kamerstukdossier,Zaak($select=Nummer)",
    TOEZEGGING: "KamerbriefNakoming,Activiteit",
}
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Where tweedekamer.nl shows a document of a Soort; other Soorten use the first.
PUBLIC_PAGES = {
    "Brief regering": "brieven_regering",
    "Antwoord schriftelijke vragen": "kamervragen",
    "Mededeling (uitstel antwoord)": "kamervragen",
}


# --- the network ---------------------------------------------------------------------------


class SyncError(Exception):
    """The API could not be read (after retries) or sent something unreadable. Names its URL."""

    def __init__(self, message: str, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.url = url
        self.status = status

    def __str__(self) -> str:
        return f"{self.message} ({self.url})"


class Busy(Exception):
    """Another run holds the claim on this entity set's cursor."""


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - timezone.now()).total_seconds())


@dataclass
class Http:
    """GET with a timeout, and retries with exponential backoff on 5xx, 429 (honouring
    Retry-After), timeouts and dropped connections. `sleep` is injectable for tests."""

    timeout: float = 30
    attempts: int = 5
    max_wait: float = 300
    backoff: float = 1.0
    sleep: Callable[[float], None] = time.sleep

    @classmethod
    def from_settings(cls, **overrides) -> Http:
        values = dict(
            timeout=settings.TK_HTTP_TIMEOUT,
            attempts=max(1, settings.TK_HTTP_ATTEMPTS),
            max_wait=settings.TK_HTTP_MAX_WAIT,
        )
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def get(self, url: str, *, accept: str = "application/json") -> tuple[bytes, str]:
        """The body and content type of a 200 answer; SyncError (with the status) otherwise."""
        headers = {"Accept": accept, "User-Agent": "toezeggingen-sync/1"}
        for attempt in range(1, self.attempts + 1):
            wait: float | None = None
            status: int | None = None
            try:
                request = urllib.request.Request(url, headers=headers)
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read(), response.headers.get_content_type()
            except urllib.error.HTTPError as exc:
                status = exc.code
                exc.close()
                if status not in RETRY_STATUSES:
                    raise SyncError(
                        _("the server answered %(status)s") % {"status": status}, url, status
                    ) from None
                reason = f"HTTP {status}"
                wait = _retry_after(exc.headers.get("Retry-After") if exc.headers else None)
            except (
                urllib.error.URLError,
                http.client.HTTPException,  # IncompleteRead: the body was cut off
                TimeoutError,
                ConnectionError,
            ) as exc:
                reason = str(getattr(exc, "reason", "") or exc) or type(exc).__name__
            if attempt == self.attempts:
                raise SyncError(
                    _("gave up after %(n)d attempts: %(reason)s")
                    % {"n": self.attempts, "reason": reason},
                    url,
                    status,
                )
            if wait is None:
                wait = self.backoff * 2 ** (attempt - 1) * (1 + random.random() / 4)
            wait = min(wait, self.max_wait)
            log.warning(
                "%s: %s; attempt %d of %d in %.1f s", url, reason, attempt + 1, self.attempts, wait
            )
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover


def read_page(client: Http, url: str) -> dict:
    """One page of an entity set, checked: a dict with a `value` list of records that each
    have an Id and the change timestamp. Anything else is a SyncError naming the URL."""
    body, _type = client.get(url)
    try:
        payload = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SyncError(
            _("the page is truncated or not valid JSON (%(error)s)") % {"error": exc}, url
        ) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("value"), list):
        raise SyncError(_("the page is not an OData collection (no “value” list)"), url)
    next_link = payload.get("@odata.nextLink")
    if next_link is not None and not isinstance(next_link, str):
        raise SyncError(_("the page's @odata.nextLink is not a URL"), url)
    stamp = settings.TK_SYNC_TIMESTAMP_FIELD
    for index, record in enumerate(payload["value"]):
        if not isinstance(record, dict) or not record.get("Id"):
            raise SyncError(_("record %(n)d of the page has no Id") % {"n": index + 1}, url)
        try:
            timestamp_key(str(record.get(stamp) or ""))
        except ValueError:
            raise SyncError(
                _("record %(id)s has no valid %(field)s") % {"id": record["Id"], "field": stamp},
                url,
            ) from None
    return payload


# --- the cursor ----------------------------------------------------------------------------

_STAMP = re.compile(
    r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$"
)


def timestamp_key(value: str) -> tuple[dt.datetime, int]:
    """A sortable form of an OData DateTimeOffset, keeping all seven decimals the API writes
    (a datetime keeps six: the record at the cursor would come back on every run)."""
    match = _STAMP.match(value.strip())
    if not match:
        raise ValueError(f"not a timestamp: {value!r}")
    zone = match[3] if match[3] and match[3] != "Z" else "+00:00"
    moment = dt.datetime.fromisoformat(match[1] + zone).astimezone(dt.UTC)
    return moment, int((match[2] or "").ljust(9, "0"))


def page_position(stamps: list[str], current: str, *, last_page: bool) -> str:
    """The cursor once a page is stored. Mid-walk it stops short of the page's latest
    timestamp: the next page may hold more records with that same timestamp, and `gt` would
    skip them on a resumed run. Those few are fetched again then, which changes nothing."""
    if not stamps:
        return current
    top = max(stamps, key=timestamp_key)
    if not last_page:
        below = [s for s in stamps if timestamp_key(s) < timestamp_key(top)]
        top = max(below, key=timestamp_key) if below else ""
    if not top:
        return current
    if current and timestamp_key(top) <= timestamp_key(current):
        return current  # the cursor never moves back
    return top


def since_position(day: dt.date) -> str:
    """Midnight in Amsterdam at the start of `day`, as an OData literal in UTC."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time.min)).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def first_url(entity: str, position: str) -> str:
    stamp = settings.TK_SYNC_TIMESTAMP_FIELD
    filters = []
    if entity == DOCUMENT:
        soorten = " or ".join(
            "Soort eq '{}'".format(s.replace("'", "''")) for s in settings.TK_LETTER_SOORTEN
        )
        # Deleted records too, whatever their Soort: a stored letter must learn it was removed.
        filters.append(f"({soorten} or Verwijderd eq true)")
    if position:
        filters.append(f"{stamp} gt {position}")
    params = {"$orderby": f"{stamp} asc,Id asc", "$expand": EXPAND[entity], "$count": "true"}
    if filters:
        params["$filter"] = " and ".join(filters)
    query = urllib.parse.urlencode(params, quote_via=urllib.parse.quote, safe="$,()'")
    return f"{settings.TK_ODATA_URL}/{entity}?{query}"


def _claim(entity: str, token: str) -> bool:
    """Compare-and-swap on the cursor row: only a free (or expired) claim is taken."""
    SyncCursor.objects.get_or_create(entity=entity)
    now = timezone.now()
    taken = (
        SyncCursor.objects.filter(entity=entity)
        .filter(Q(claimed_by="") | Q(claimed_until__lt=now))
        .update(claimed_by=token, claimed_until=now + _lease())
    )
    return taken == 1


def _advance(entity: str, token: str, position: str) -> bool:
    """Move the cursor and renew the claim, only if the claim is still ours."""
    return (
        SyncCursor.objects.filter(entity=entity, claimed_by=token).update(
            position=position, claimed_until=timezone.now() + _lease()
        )
        == 1
    )


def _release(entity: str, token: str) -> None:
    SyncCursor.objects.filter(entity=entity, claimed_by=token).update(
        claimed_by="", claimed_until=None
    )


def _lease() -> dt.timedelta:
    return dt.timedelta(seconds=settings.TK_SYNC_LEASE_SECONDS)


# --- records in ----------------------------------------------------------------------------


class RecordFailed(Exception):
    """One record cannot be stored; the sync records it and goes on."""

    def __init__(self, reason: str, url: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url


@dataclass
class Tally:
    pages: int = 0
    records: int = 0
    letters_created: int = 0
    letters_existing: int = 0
    register_created: int = 0
    register_updated: int = 0
    withdrawn: int = 0
    skipped: int = 0
    failed: int = 0

    def save(self, run: SyncRun) -> None:
        SyncRun.objects.filter(pk=run.pk).update(**self.__dict__)
        for name, value in self.__dict__.items():
            setattr(run, name, value)


@dataclass
class Context:
    run: SyncRun
    client: Http
    tally: Tally
    page_url: str = ""
    new_letters: list[Letter] = field(default_factory=list)

    def item(self, entity: str, record: dict, action: str, **fields) -> None:
        SyncItem.objects.create(
            run=self.run,
            entity=entity,
            external_id=str(record.get("Id") or "")[:64],
            label=_label(record)[:200],
            action=action,
            **fields,
        )


def _label(record: dict) -> str:
    return str(
        record.get("DocumentNummer") or record.get("Nummer") or record.get("Titel") or ""
    ).strip()


def resource_url(document_id: str) -> str:
    return f"{settings.TK_ODATA_URL}/Document({document_id})/resource"


def kamerstuk_url(kamerstuk: str) -> str:
    return f"{settings.TK_OFFICIELE_BEKENDMAKINGEN_URL}/kst-{kamerstuk}.html"


def public_url(record: dict) -> str:
    number = str(record.get("DocumentNummer") or "").strip()
    if not number:
        return ""
    zaken = record.get("Zaak") or []
    zaak = next(
        (str(z["Nummer"]) for z in zaken if isinstance(z, dict) and z.get("Nummer")), number
    )
    page = PUBLIC_PAGES.get(str(record.get("Soort") or ""), "brieven_regering")
    query = urllib.parse.urlencode({"id": zaak, "did": number})
    return f"{settings.TK_PUBLIC_URL}/kamerstukken/{page}/detail?{query}"


_MINISTRY = re.compile(r"^ministerie\s+van\s+", re.IGNORECASE)
_OFFICE_OF = re.compile(r"^(?:minister|staatssecretaris)\b.*?\bvan\s+(.+)$", re.IGNORECASE)


def document_metadata(record: dict) -> dict:
    """The letter fields a Document record states: they win over what the file suggests."""
    doc_id = str(record["Id"])
    dossiers = record.get("Kamerstukdossier") or []
    if isinstance(dossiers, dict):
        dossiers = [dossiers]
    dossier = ""
    if dossiers and isinstance(dossiers[0], dict) and dossiers[0].get("Nummer"):
        dossier = str(dossiers[0]["Nummer"])
        if dossiers[0].get("Toevoeging"):
            dossier += f"-{dossiers[0]['Toevoeging']}"
    volgnummer = record.get("Volgnummer")
    ministry, signatories = "", []
    for actor in record.get("DocumentActor") or []:
        if not isinstance(actor, dict) or not actor.get("ActorNaam"):
            continue
        name, office = str(actor["ActorNaam"]).strip(), str(actor.get("Functie") or "").strip()
        if _MINISTRY.match(name):
            ministry = ministry or _MINISTRY.sub("", name)
            continue
        signatories.append({"name": name, "office": office})
        if not ministry and (found := _OFFICE_OF.match(office)):
            ministry = found[1].strip()
    day = iso_date(record.get("Datum"))
    metadata = {
        "title": str(record.get("Onderwerp") or record.get("Titel") or "").strip()[:500],
        "subject": subject_of(record),
        "date": day,
        "date_inferred": False if day else None,
        "dossier": dossier[:20],
        "kamerstuk": f"{dossier}-{volgnummer}"[:40]
        if dossier and volgnummer not in (None, "", 0)
        else "",
        "ministry": ministry[:200],
        "signatories": signatories,
        "source_url": document_url(doc_id),
        "source_kind": SourceKind.OPENDATA,
        "external_id": doc_id,
        "document_number": str(record.get("DocumentNummer") or "")[:20],
        "public_url": public_url(record)[:500],
    }
    return {k: v for k, v in metadata.items() if v not in (None, "", [])}


def _read_letter(data: bytes, name: str) -> ParsedLetter:
    parsed = read_document(data, name)
    if not parsed.letters or parsed.format == JSON:
        raise ImportFailed(_("the file is not a letter"))
    return parsed.letters[0]


def store_document(ctx: Context, record: dict) -> None:
    doc_id = str(record["Id"])
    if record.get("Verwijderd") is True:
        letter = Letter.objects.filter(external_id=doc_id).first()
        if letter is None:
            ctx.tally.skipped += 1
        elif withdraw_letter(letter):
            ctx.tally.withdrawn += 1
            ctx.item(DOCUMENT, record, SyncAction.WITHDRAWN, letter=letter, url=ctx.page_url)
        return
    if str(record.get("Soort") or "") not in settings.TK_LETTER_SOORTEN:
        ctx.tally.skipped += 1  # the server ignored our filter; not a letter of the government
        return
    metadata = document_metadata(record)
    existing = Letter.objects.filter(external_id=doc_id).first()
    if existing is not None:
        # Changed metadata only fills gaps; the stored text is not fetched again.
        ctx.tally.letters_existing += 1
        if _complete(existing, metadata):
            ctx.item(DOCUMENT, record, SyncAction.LETTER_UPDATED, letter=existing)
        return
    size = record.get("ContentLength")
    file_url = resource_url(doc_id)
    if isinstance(size, int) and size > settings.LETTER_MAX_BYTES:
        raise RecordFailed(
            _("the file is larger than the limit of %(limit)s")
            % {"limit": filesizeformat(settings.LETTER_MAX_BYTES)},
            file_url,
        )
    try:
        data, _type = ctx.client.get(file_url, accept="*/*")
    except SyncError as exc:
        if exc.status in (404, 410):  # gone for good: record it and go on
            raise RecordFailed(exc.message, file_url) from None
        raise  # the network: this page is fetched again next run
    name = metadata.get("document_number") or doc_id
    original: ParsedLetter | None = None
    refused = ""
    try:
        original = _read_letter(data, name)
    except ImportFailed as exc:
        refused = str(exc)
    original_format = original.source_format if original else ""
    chosen = original
    already = (
        original is not None
        and Letter.objects.filter(content_hash=letters.content_hash(original.text)).exists()
    )
    # The clean Kamerstuk text, unless this very file is already here (an earlier upload).
    if metadata.get("kamerstuk") and not already:
        clean = _clean_text(ctx, metadata["kamerstuk"])
        if clean is not None:
            chosen = clean
    if chosen is None:
        raise RecordFailed(refused, file_url)
    if not original_format:
        from .importers import detect

        original_format = detect(data)
    chosen.metadata = {**chosen.metadata, **metadata}
    result = letters.parsed_letter_import(
        chosen,
        name=f"{name}{letters.EXTENSIONS.get(original_format, '')}",
        data=data,
        original_format=original_format,
    )
    letter = result.letter
    if result.created:
        ctx.tally.letters_created += 1
        ctx.new_letters.append(letter)
        ctx.item(DOCUMENT, record, SyncAction.LETTER_CREATED, letter=letter, url=file_url)
    else:
        ctx.tally.letters_existing += 1
        if _complete(letter, metadata):
            ctx.item(DOCUMENT, record, SyncAction.LETTER_UPDATED, letter=letter, url=file_url)
    # Register events that named this document before it was here now point at the letter.
    Event.objects.filter(letter__isnull=True, url=document_url(doc_id)).update(letter=letter)


def _clean_text(ctx: Context, kamerstuk: str) -> ParsedLetter | None:
    """The officielebekendmakingen.nl HTML of a Kamerstuk, or None (the PDF text is used)."""
    url = kamerstuk_url(kamerstuk)
    try:
        data, _type = ctx.client.get(url, accept="text/html")
        letter = _read_letter(data, f"kst-{kamerstuk}.html")
    except (SyncError, ImportFailed) as exc:
        log.info("no clean text for Kamerstuk %s at %s: %s", kamerstuk, url, exc)
        return None
    return letter if letter.source_format == HTML else None


_COMPLETABLE = (
    "external_id",
    "document_number",
    "public_url",
    "kamerstuk",
    "dossier",
    "ministry",
    "date",
    "signatories",
    "subject",
)


def _complete(letter: Letter, metadata: dict) -> bool:
    """A letter already here (uploaded before) learns what open data knows and it does not."""
    updates = {
        name: metadata[name]
        for name in _COMPLETABLE
        if metadata.get(name) and not getattr(letter, name)
    }
    if (
        "external_id" in updates
        and Letter.objects.filter(external_id=updates["external_id"]).exists()
    ):
        updates.pop("external_id")
    if "date" in updates:
        updates["date_inferred"] = False
    if not updates:
        return False
    Letter.objects.filter(pk=letter.pk).update(**updates)
    return True


@transaction.atomic
def withdraw_letter(letter: Letter) -> bool:
    """The Kamer removed the document: the letter stays, marked, with a note on the timeline
    of each of its commitments. False when it was marked already."""
    now = timezone.now()
    if not Letter.objects.filter(pk=letter.pk, withdrawn_at_source__isnull=True).update(
        withdrawn_at_source=now
    ):
        return False
    note = _(
        "The letter %(letter)s was withdrawn from the Tweede Kamer's open data; it stays here."
    ) % {"letter": letter.document_number or letter}
    for commitment in letter.commitments.all():
        record_event(
            commitment,
            EventKind.NOTE,
            letter=letter,
            url=letter.public_url or letter.source_url,
            note=note,
            dedupe_key=f"tk-withdrawn:{letter.pk}:{commitment.pk}",
        )
    return True


def store_toezegging(ctx: Context, record: dict) -> None:
    number = str(record.get("Nummer") or "").strip()
    if record.get("Verwijderd") is True:
        commitment = Commitment.objects.filter(register_number=number).first() if number else None
        if commitment is None:
            ctx.tally.skipped += 1
            return
        event = record_event(
            commitment,
            EventKind.NOTE,
            note=_("The Tweede Kamer removed this toezegging from its open data."),
            dedupe_key=f"tk-register-removed:{number}"[:120],
        )
        if event is not None:
            ctx.tally.withdrawn += 1
            ctx.item(
                TOEZEGGING, record, SyncAction.WITHDRAWN, commitment=commitment, url=ctx.page_url
            )
        return
    try:
        entry = toezegging(record)
    except ImportFailed as exc:
        raise RecordFailed(str(exc), ctx.page_url) from None
    before = _register_state(entry.register_number)
    with transaction.atomic():
        commitment, created = letters.register_import(entry)
    if created:
        ctx.tally.register_created += 1
        ctx.item(TOEZEGGING, record, SyncAction.REGISTER_CREATED, commitment=commitment)
    elif _register_state(entry.register_number) != before:
        ctx.tally.register_updated += 1
        ctx.item(TOEZEGGING, record, SyncAction.REGISTER_UPDATED, commitment=commitment)


def _register_state(number: str) -> tuple:
    row = Commitment.objects.filter(register_number=number).values_list("pk", "status").first()
    if row is None:
        return ()
    return row, Event.objects.filter(commitment_id=row[0]).count()


STORE = {DOCUMENT: store_document, TOEZEGGING: store_toezegging}


def store_record(ctx: Context, entity: str, record: dict) -> None:
    """One record; a record that fails on its own is recorded and the page goes on. Network
    trouble (SyncError) stops the page, so it is fetched again."""
    ctx.tally.records += 1
    try:
        STORE[entity](ctx, record)
    except SyncError:
        raise
    except (RecordFailed, ImportFailed) as exc:
        reason = exc.reason if isinstance(exc, RecordFailed) else str(exc)
        url = exc.url if isinstance(exc, RecordFailed) else ctx.page_url
        _failed(ctx, entity, record, reason, url or ctx.page_url)
    except Exception as exc:  # a bug must not stop the sync; it is logged with its record
        log.exception("storing %s %s failed", entity, record.get("Id"))
        _failed(ctx, entity, record, f"{type(exc).__name__}: {exc}", ctx.page_url)


def _failed(ctx: Context, entity: str, record: dict, reason: str, url: str) -> None:
    ctx.tally.failed += 1
    log.warning(
        "%s %s not stored: %s (%s)", entity, _label(record) or record.get("Id"), reason, url
    )
    ctx.item(entity, record, SyncAction.FAILED, reason=reason[:2000], url=url[:2000])


# --- a run ---------------------------------------------------------------------------------

Progress = Callable[[str, int, int | None], None]
OnPage = Callable[[str, int], None]


def sync_entity(
    ctx: Context,
    entity: str,
    *,
    since: str = "",
    on_page: OnPage | None = None,
    progress: Progress | None = None,
) -> None:
    token = uuid.uuid4().hex
    if not _claim(entity, token):
        raise Busy(entity)
    try:
        position = since or SyncCursor.objects.get(entity=entity).position
        if not position and settings.TK_SYNC_SINCE:
            day = iso_date(settings.TK_SYNC_SINCE)
            position = since_position(day) if day else ""
        url: str | None = first_url(entity, position)
        stamp = settings.TK_SYNC_TIMESTAMP_FIELD
        done, total = 0, None
        while url:
            payload = read_page(ctx.client, url)
            records = payload["value"]
            next_url = payload.get("@odata.nextLink")
            if next_url:
                next_url = urllib.parse.urljoin(url, next_url)
            if total is None and isinstance(payload.get("@odata.count"), int):
                total = payload["@odata.count"]
            ctx.page_url = url
            for record in records:
                store_record(ctx, entity, record)
            _extract(ctx.new_letters)
            ctx.new_letters.clear()
            position = page_position(
                [str(r[stamp]) for r in records], position, last_page=not next_url
            )
            if not _advance(entity, token, position):
                raise SyncError(_("another run took over this entity set's cursor"), url)
            ctx.tally.pages += 1
            ctx.tally.save(ctx.run)
            done += len(records)
            if progress is not None:
                progress(entity, done, total)
            if on_page is not None:
                on_page(entity, ctx.tally.pages)
            url = next_url
    finally:
        _release(entity, token)


def _extract(new: list[Letter]) -> None:
    for letter in new:
        letters.letter_extract(letter)


def extract_pending() -> int:
    """Letters of an earlier run that stopped between storing and extracting them."""
    pending = list(
        Letter.objects.filter(
            source_kind=SourceKind.OPENDATA, extraction_state=ExtractionState.PENDING
        ).order_by("pk")  # the order they came in, as an uninterrupted run extracts them
    )
    _extract(pending)
    return len(pending)


def sync(
    *,
    client: Http | None = None,
    since: dt.date | None = None,
    entities: tuple[str, ...] = ENTITIES,
    on_page: OnPage | None = None,
    progress: Progress | None = None,
) -> SyncRun:
    """One run over the entity sets. Failures end up on the run (and in the log) with their
    URL; only an unexpected exception (or an interrupt) propagates, after the run is marked."""
    since_text = since_position(since) if since else ""
    run = SyncRun.objects.create(since=since_text)
    ctx = Context(run=run, client=client or Http.from_settings(), tally=Tally())
    busy: list[str] = []
    errors: list[SyncError] = []
    try:
        extract_pending()
        for entity in entities:
            try:
                sync_entity(ctx, entity, since=since_text, on_page=on_page, progress=progress)
            except Busy:
                busy.append(entity)
                log.info("open-data sync: %s is being read by another run; skipped", entity)
            except SyncError as exc:
                # The cursor stays after the last stored page; the other set may still work.
                errors.append(exc)
                log.error("open-data sync of %s stopped: %s", entity, exc)
    except BaseException as exc:
        _finish(ctx, SyncState.FAILED, error=f"{type(exc).__name__}: {exc}", url=ctx.page_url)
        raise
    if errors:
        _finish(
            ctx,
            SyncState.FAILED,
            error="\n".join(e.message for e in errors),
            url=errors[0].url,
        )
    elif busy and len(busy) == len(entities):
        _finish(ctx, SyncState.BUSY)
    else:
        _finish(ctx, SyncState.DONE)
    return run


def _finish(ctx: Context, state: str, *, error: str = "", url: str = "") -> None:
    ctx.tally.save(ctx.run)
    SyncRun.objects.filter(pk=ctx.run.pk).update(
        state=state, finished_at=timezone.now(), error=error[:5000], error_url=url[:2000]
    )
    ctx.run.refresh_from_db()


# --- what the status page shows ----------------------------------------------------------------


def status_overview(*, runs: int = 20, items: int = 100, failures: int = 50) -> dict:
    """The staff status page: cursors, the latest runs, what the last run that brought anything
    brought, and the latest failures with their URLs and reasons."""
    recent = list(SyncRun.objects.all()[:runs])
    last = recent[0] if recent else None
    productive = SyncRun.objects.filter(items__isnull=False).distinct().first()
    return {
        "cursors": list(SyncCursor.objects.all()),
        "runs": recent,
        "last_run": last,
        "productive_run": productive,
        "came_in": list(
            productive.items.exclude(action=SyncAction.FAILED).select_related(
                "letter", "commitment"
            )[:items]
        )
        if productive
        else [],
        "failures": list(
            SyncItem.objects.filter(action=SyncAction.FAILED).select_related("run")[:failures]
        ),
        "odata_url": settings.TK_ODATA_URL,
    }
