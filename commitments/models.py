"""Letters, the commitments found in them, and each commitment's timeline of events.

Row-local facts live on the models; every write that changes status or touches several rows
goes through `services.py`, which also writes the follow-up event in the same transaction.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def today() -> dt.date:
    """Today in the app's time zone (Europe/Amsterdam), the day deadlines are counted in."""
    return timezone.localdate()


class Addressee(models.TextChoices):
    TWEEDE_KAMER = "TK", _("Tweede Kamer")
    EERSTE_KAMER = "EK", _("Eerste Kamer")


class ExtractionState(models.TextChoices):
    PENDING = "pending", _("pending")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class SourceKind(models.TextChoices):
    """How a letter reached the tracker."""

    UPLOAD = "upload", _("upload")
    FILE = "file", _("file import")
    OPENDATA = "opendata", _("Tweede Kamer open data")


class Letter(models.Model):
    """A letter from the government to parliament, with its text as imported."""

    title = models.CharField(_("title"), max_length=500, blank=True)
    # What the letter is about in its own words ("Betreft", "Onderwerp", the dossier title of
    # an official publication) or the open-data record's Onderwerp; "" when it says none.
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    text = models.TextField(_("text"))
    # One letter per content, whatever the file was called: re-imports are recognised by this.
    content_hash = models.CharField(_("content hash"), max_length=64, unique=True)
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    source_format = models.CharField(_("format"), max_length=20, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    # Stored under a generated name; never a path taken from an upload.
    original_file = models.FileField(_("original file"), upload_to="letters/%Y/", blank=True)

    date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    date_inferred = models.BooleanField(_("date inferred"), default=False)
    addressee = models.CharField(
        _("addressee"), max_length=2, choices=Addressee.choices, blank=True
    )
    kamerstuk = models.CharField(_("Kamerstuk"), max_length=40, blank=True, db_index=True)
    dossier = models.CharField(_("dossier"), max_length=20, blank=True, db_index=True)
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    ministry = models.CharField(_("ministry"), max_length=200, blank=True, db_index=True)
    committee = models.CharField(_("committee"), max_length=200, blank=True)

    extraction_state = models.CharField(
        _("extraction"),
        max_length=10,
        choices=ExtractionState.choices,
        default=ExtractionState.PENDING,
    )
    extraction_error = models.TextField(_("extraction error"), blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    # A letter imported by mistake is withdrawn, not deleted (services.letter_withdraw): the
    # row stays, so importing the same file again recognises it and changes nothing.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    source_kind = models.CharField(
        _("came in by"), max_length=10, choices=SourceKind.choices, blank=True
    )
    # The Tweede Kamer's Document Id (a GUID) and number ("2024D10421"): the open-data sync
    # finds a letter again by the Id, and the register's fulfilling letters point at it.
    external_id = models.CharField(
        _("open-data document Id"), max_length=64, null=True, blank=True, unique=True
    )
    document_number = models.CharField(
        _("document number"), max_length=20, blank=True, db_index=True
    )
    # The document's page on tweedekamer.nl (source_url is the file itself).
    public_url = models.URLField(_("official page"), max_length=500, blank=True)
    # The Kamer removed the document from its open data; the letter and its commitments stay.
    withdrawn_at_source = models.DateTimeField(_("withdrawn at the source"), null=True, blank=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["-date", "-id"], name="letter_date_id")]

    def __str__(self) -> str:
        return self.title or self.source_name or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("commitments:letter-detail", args=[self.pk])

    @property
    def signatory_names(self) -> str:
        return "; ".join(
            ", ".join(p for p in (s.get("office"), s.get("name")) if p)
            for s in self.signatories
            if isinstance(s, dict)
        )


class Status(models.TextChoices):
    OPEN = "open", _("open")
    PARTLY_FULFILLED = "partly_fulfilled", _("partly fulfilled")
    FULFILLED = "fulfilled", _("fulfilled")
    WITHDRAWN = "withdrawn", _("withdrawn")


# The words of the Tweede/Eerste Kamer registers, for imports and exports.
REGISTER_TERMS = {
    Status.OPEN: "openstaand",
    Status.PARTLY_FULFILLED: "deels voldaan",
    Status.FULFILLED: "voldaan",
    Status.WITHDRAWN: "vervallen",
}
_REGISTER_WORDS = {
    "openstaand": Status.OPEN,
    "open": Status.OPEN,
    "voldaan": Status.FULFILLED,
    "afgedaan": Status.FULFILLED,
    "deels voldaan": Status.PARTLY_FULFILLED,
    "deels afgedaan": Status.PARTLY_FULFILLED,
    "gedeeltelijk voldaan": Status.PARTLY_FULFILLED,
    "vervallen": Status.WITHDRAWN,
}


def status_from_register(word: str) -> Status:
    """Map a register's status word ("Voldaan", "deels afgedaan", ...) onto ours."""
    key = " ".join(word.lower().replace("-", " ").split())
    try:
        return _REGISTER_WORDS[key]
    except KeyError:
        raise ValueError(f"unknown register status {word!r}") from None


class Kind(models.TextChoices):
    INFORM = "inform", _("inform the Kamer")
    SEND_DOCUMENT = "send_document", _("send a document")
    ACTION = "action", _("other action")


class Review(models.TextChoices):
    PROPOSED = "proposed", _("proposed by the extractor")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


class Origin(models.TextChoices):
    EXTRACTED = "extracted", _("extracted from a letter")
    REGISTER = "register", _("Kamer register")
    MANUAL = "manual", _("entered by hand")


OPEN_STATUSES = (Status.OPEN, Status.PARTLY_FULFILLED)


class CommitmentQuerySet(models.QuerySet["Commitment"]):
    def visible(self) -> CommitmentQuerySet:
        """What the list shows: everything but what an analyst rejected."""
        return self.exclude(review=Review.REJECTED)

    def open(self) -> CommitmentQuerySet:
        return self.filter(status__in=OPEN_STATUSES).exclude(review=Review.REJECTED)

    def overdue(self, as_of: dt.date | None = None) -> CommitmentQuerySet:
        """Open and past due: the one definition pages, filters, the daily job and digests share."""
        return self.open().filter(due_date__lt=as_of or today())

    def due_between(self, start: dt.date, end: dt.date) -> CommitmentQuerySet:
        return self.open().filter(due_date__gte=start, due_date__lte=end)

    def flagged_overdue(self) -> CommitmentQuerySet:
        """Whose timeline says "overdue": the flag the daily job sets and the services clear."""
        return self.filter(overdue_flagged=True)


# Open, not rejected and not flagged yet: the rows the daily job looks at (with due_date < as
# of); a partial index holds only these. Also a flagged row that stopped being open, which
# the heal pass clears; normally there is none.
UNFLAGGED_OPEN = Q(status__in=OPEN_STATUSES, overdue_flagged=False) & ~Q(review=Review.REJECTED)
FLAGGED_CLOSED = Q(overdue_flagged=True) & (
    ~Q(status__in=OPEN_STATUSES) | Q(review=Review.REJECTED) | Q(due_date__isnull=True)
)


class Commitment(models.Model):
    """A promise the government made to parliament, and where it stands."""

    number = models.CharField(_("number"), max_length=20, unique=True)
    letter = models.ForeignKey(
        Letter,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("source letter"),
    )
    # The exact text it came from: letter.text[span_start:span_end] == quote.
    quote = models.TextField(_("quote"))
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(_("text"), help_text=_("Short description of what was promised."))
    actor = models.CharField(_("actor"), max_length=200, blank=True, db_index=True)
    ministry = models.CharField(_("ministry"), max_length=200, blank=True)
    committee = models.CharField(_("committee"), max_length=200, blank=True)
    made_to = models.CharField(_("made to"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.INFORM)
    deadline_phrase = models.CharField(_("deadline phrase"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    made_on = models.DateField(_("date made"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    review = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.PROPOSED
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.EXTRACTED
    )
    register_number = models.CharField(
        _("register number"), max_length=40, null=True, blank=True, unique=True
    )
    # The register's own status word at the last import: a later import applies the register's
    # change only when this word changed, so it never undoes an analyst's decision.
    register_status_seen = models.CharField(
        _("status in the register at the last import"), max_length=40, blank=True
    )
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    # The extractor's rule that proposed it (extraction.detection.RULES): why it is on the list.
    rule = models.CharField(_("proposed by rule"), max_length=60, blank=True)
    # Set once an analyst changed any field by hand: re-extraction leaves the row alone then.
    edited = models.BooleanField(_("edited by an analyst"), default=False)
    # Optimistic locking: every service write bumps it; a stale form gets a conflict.
    version = models.PositiveIntegerField(default=1)
    # Whether the timeline's latest overdue event is OVERDUE (set by the daily job, cleared by
    # the services with their NO_LONGER_OVERDUE event), and how many OVERDUE events it has had
    # (the next one's dedupe key). Kept on the row so the job reads the day's change, not the
    # whole event history.
    overdue_flagged = models.BooleanField(
        _("flagged overdue"), default=False, db_default=False, editable=False
    )
    overdue_flag_count = models.PositiveIntegerField(default=0, db_default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_date", "id"]
        permissions = [("review_commitment", _("Can review and update commitments"))]
        # One composite index per filter + order combination the list offers (keyset order).
        indexes = [
            models.Index(fields=["due_date", "id"], name="cm_due_id"),
            models.Index(fields=["made_on", "id"], name="cm_made_id"),
            models.Index(fields=["status", "due_date", "id"], name="cm_status_due_id"),
            models.Index(fields=["ministry", "due_date", "id"], name="cm_ministry_due_id"),
            models.Index(fields=["actor", "due_date", "id"], name="cm_actor_due_id"),
            models.Index(fields=["committee", "due_date", "id"], name="cm_committee_due_id"),
            models.Index(fields=["letter", "due_date", "id"], name="cm_letter_due_id"),
            models.Index(fields=["review", "due_date", "id"], name="cm_review_due_id"),
            # "newest first" under the two filters staff use most (status, ministry)
            models.Index(fields=["status", "made_on", "id"], name="cm_status_made_id"),
            models.Index(fields=["ministry", "made_on", "id"], name="cm_ministry_made_id"),
            # the list sorted by the extractor's confidence
            models.Index(fields=["confidence", "id"], name="cm_confidence_id"),
            # Serves CommitmentQuerySet.overdue() (pages, filters, digests).
            models.Index(
                fields=["due_date", "id"],
                name="cm_open_due_partial",
                condition=Q(status__in=["open", "partly_fulfilled"]),
            ),
            # Serves flag_overdue's "open, past due and not flagged yet" (UNFLAGGED_OPEN and
            # due_date < as_of): a morning reads the day's newly overdue rows, not the
            # half-million flagged before.
            models.Index(
                fields=["due_date"], name="cm_overdue_unflagged", condition=UNFLAGGED_OPEN
            ),
            # Serves unflag_no_longer_overdue's FLAGGED_CLOSED: normally empty.
            models.Index(fields=["id"], name="cm_flagged_closed", condition=FLAGGED_CLOSED),
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("commitments:detail", args=[self.number])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES and self.review != Review.REJECTED

    def is_overdue(self, on: dt.date | None = None) -> bool:
        return bool(self.is_open and self.due_date and self.due_date < (on or today()))

    def days_overdue(self, on: dt.date | None = None) -> int:
        if not self.is_overdue(on):
            return 0
        assert self.due_date is not None
        return ((on or today()) - self.due_date).days

    @property
    def register_status(self) -> str:
        return REGISTER_TERMS[Status(self.status)]

    @property
    def letter_anchor(self) -> str:
        return f"c-{self.number}"

    @property
    def rule_label(self) -> str:
        """Why the extractor proposed it, in words (empty when no rule is known)."""
        from commitments.rule_labels import rule_label

        return rule_label(self.rule) if self.rule else ""


class NumberSequence(models.Model):
    """The last commitment number handed out in a year. Numbers are never reused, and
    TZ-2026-10000 follows TZ-2026-9999, which a text sort of the numbers would not give."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class EventKind(models.TextChoices):
    MADE = "made", pgettext_lazy("event", "made")
    CONFIRMED = "confirmed", pgettext_lazy("event", "confirmed")
    REJECTED = "rejected", pgettext_lazy("event", "rejected")
    EDITED = "edited", pgettext_lazy("event", "edited")
    DEADLINE_CHANGED = "deadline_changed", pgettext_lazy("event", "deadline changed")
    REFERENCED = "referenced", pgettext_lazy("event", "referenced in a later letter")
    FULFILMENT_PROPOSED = "fulfilment_proposed", pgettext_lazy("event", "fulfilment proposed")
    PARTLY_FULFILLED = "partly_fulfilled", pgettext_lazy("event", "partly fulfilled")
    FULFILLED = "fulfilled", pgettext_lazy("event", "fulfilled")
    REOPENED = "reopened", pgettext_lazy("event", "reopened")
    WITHDRAWN = "withdrawn", pgettext_lazy("event", "withdrawn")
    OVERDUE = "overdue", pgettext_lazy("event", "became overdue")
    NO_LONGER_OVERDUE = "no_longer_overdue", pgettext_lazy("event", "no longer overdue")
    NOTE = "note", pgettext_lazy("event", "note")


def _change_value(name: str, value: object) -> str:
    """A stored change value (text) as the pages show that field."""
    from django.utils.formats import date_format

    text = "" if value is None else str(value)
    if not text:
        return ""
    if name in ("due_date", "made_on"):
        try:
            return date_format(dt.date.fromisoformat(text), "j F Y")
        except ValueError:
            return text
    if name == "kind":
        try:
            return str(Kind(text).label)
        except ValueError:
            return text
    if name == "status":
        return _status_label(text)
    if text in ("True", "False"):
        return str(_("yes") if text == "True" else _("no"))
    return text


def _status_label(value: str) -> str:
    try:
        return str(Status(value).label)
    except ValueError:
        return value


class Event(models.Model):
    """One entry on a commitment's timeline. Append-only: the timeline's only source."""

    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("commitment"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    letter = models.ForeignKey(
        Letter,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("letter"),
    )
    url = models.URLField(_("URL"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    old_status = models.CharField(max_length=20, blank=True)
    new_status = models.CharField(max_length=20, blank=True)
    # What changed on an edit: {"field": [old, new], ...}, values as strings.
    changes = models.JSONField(default=dict, blank=True)
    # Events that must happen once (a commitment crossing a due date, a letter referencing it)
    # carry a key; the unique constraint makes re-runs and racing workers write one row.
    dedupe_key = models.CharField(max_length=120, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["commitment", "at", "id"], name="event_timeline"),
            models.Index(fields=["kind", "at"], name="event_kind_at"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} @ {self.at:%Y-%m-%d}"

    @property
    def old_status_label(self) -> str:
        return _status_label(self.old_status)

    @property
    def new_status_label(self) -> str:
        return _status_label(self.new_status)

    # Kinds dated by their letter: a reference happened when the later letter was sent, not
    # when it was imported.
    LETTER_DATED = ("made", "referenced", "fulfilment_proposed")

    @property
    def happened_on(self) -> dt.date:
        if self.kind in self.LETTER_DATED and self.letter is not None and self.letter.date:
            return self.letter.date
        return timezone.localdate(self.at)

    @property
    def dated_by_letter(self) -> bool:
        return self.happened_on != timezone.localdate(self.at)

    @property
    def change_rows(self) -> list[tuple[str, str, str]]:
        """(field label, old, new) for an edit, in the reader's language: only fields whose
        value changed, dates and kinds in words."""
        rows = []
        for name, values in (self.changes or {}).items():
            old, new = (list(values) + ["", ""])[:2]
            if str(old) == str(new):
                continue
            try:
                label = str(getattr(Commitment._meta.get_field(name), "verbose_name", name))
            except Exception:
                label = name
            rows.append((label, _change_value(name, old), _change_value(name, new)))
        return rows

    @property
    def who(self) -> str:
        if self.user_id is None:
            return str(_("system"))
        assert self.user is not None
        return self.user.get_full_name() or self.user.get_username()


class StatementKind(models.TextChoices):
    REFERENCE = "reference", _("reference")
    FULFILMENT = "fulfilment", _("fulfilment")


class LinkState(models.TextChoices):
    UNLINKED = "unlinked", _("not linked")
    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


class Statement(models.Model):
    """A passage of a letter that refers to or fulfils an earlier commitment."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(max_length=12, choices=StatementKind.choices)
    quote = models.TextField()
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    refers_to = models.TextField(blank=True)
    # The extractor's rule that found it, and what kind of item it answers: toezegging, motie,
    # verzoek or wettelijke plicht (extraction.detection.ANSWERS).
    rule = models.CharField(max_length=60, blank=True)
    answers = models.CharField(max_length=20, blank=True)
    commitment = models.ForeignKey(
        Commitment, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    link_score = models.FloatField(null=True, blank=True)
    link_state = models.CharField(
        max_length=10, choices=LinkState.choices, default=LinkState.UNLINKED
    )

    class Meta:
        verbose_name = _("reference statement")
        verbose_name_plural = _("reference statements")
        ordering = ["letter", "span_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "span_start", "span_end"], name="statement_unique_span"
            )
        ]

    def __str__(self) -> str:
        return self.quote[:80]


# --- weekly digests (issue 5) ------------------------------------------------------------------


class DigestLanguage(models.TextChoices):
    NL = "nl", _("Dutch")
    EN = "en", _("English")


class Subscription(models.Model):
    """A user's weekly digest of a saved selection of the commitments list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_subscriptions",
        verbose_name=_("user"),
    )
    email = models.EmailField(_("email address"))
    # The commitments list's GET query string ("ministry=...&status=open"); empty: everything.
    query = models.CharField(_("filter"), max_length=2000, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=DigestLanguage.choices, default=DigestLanguage.NL
    )
    paused = models.BooleanField(_("paused"), default=False)
    # Unsubscribing keeps the row, so the outbox still shows who got what.
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")
        ordering = ["-created_at", "-id"]
        indexes = [
            # Serves the weekly job's "active subscriptions" scan.
            models.Index(
                fields=["id"],
                name="subscription_active",
                condition=Q(paused=False, unsubscribed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.query or '*'}"

    @property
    def is_active(self) -> bool:
        return not self.paused and self.unsubscribed_at is None


class DigestStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("skipped (nothing to report)")


class Digest(models.Model):
    """One subscription's mail for one week: the outbox row, with its rendered parts."""

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="digests",
        verbose_name=_("subscription"),
    )
    # Monday of the week in Europe/Amsterdam, computed from the time the job ran.
    week_start = models.DateField(_("week"))
    status = models.CharField(
        _("status"), max_length=10, choices=DigestStatus.choices, default=DigestStatus.QUEUED
    )
    to_email = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=2, default=DigestLanguage.NL)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body_text = models.TextField(_("text part"), blank=True)
    body_html = models.TextField(_("HTML part"), blank=True)
    # How many commitments each section held: {"newly_overdue": 3, ...}.
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-created_at", "-id"]
        constraints = [
            # A week's digest cannot be created twice, however often the job runs.
            models.UniqueConstraint(
                fields=["subscription", "week_start"], name="digest_once_per_week"
            ),
        ]
        indexes = [
            # Serves the reaper: rows stuck in "sending" or left "queued".
            models.Index(
                fields=["status", "claimed_at"],
                name="digest_in_flight",
                condition=Q(status__in=["queued", "sending"]),
            ),
            # Serves the staff outbox, newest first.
            models.Index(fields=["-created_at", "-id"], name="digest_outbox"),
        ]

    def __str__(self) -> str:
        return f"{self.to_email} {self.week_start} ({self.status})"


# --- Tweede Kamer open data sync (issue 9) --------------------------------------------------


class SyncCursor(models.Model):
    """How far the sync has read one OData entity set, and who is reading it now.

    `position` is the change timestamp of the last record fully stored, exactly as the API
    wrote it (seven decimals: a datetime would round it and fetch that record again). A run
    claims the row with a compare-and-swap UPDATE on `claimed_by`/`claimed_until`, so two
    beat instances never walk the same set at once.
    """

    entity = models.CharField(_("entity set"), max_length=40, unique=True)
    position = models.CharField(_("read up to"), max_length=40, blank=True)
    claimed_by = models.CharField(max_length=40, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sync cursor")
        verbose_name_plural = _("sync cursors")
        ordering = ["entity"]

    def __str__(self) -> str:
        return f"{self.entity}: {self.position or '-'}"


class SyncState(models.TextChoices):
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")
    BUSY = "busy", _("skipped: another sync was running")


class SyncRun(models.Model):
    """One run of the open-data sync: what it fetched, what came in, and how it ended."""

    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=SyncState.choices, default=SyncState.RUNNING
    )
    since = models.CharField(_("from"), max_length=40, blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    records = models.PositiveIntegerField(_("records"), default=0)
    letters_created = models.PositiveIntegerField(_("new letters"), default=0)
    letters_existing = models.PositiveIntegerField(_("letters already present"), default=0)
    register_created = models.PositiveIntegerField(_("new register commitments"), default=0)
    register_updated = models.PositiveIntegerField(_("register updates"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn at the source"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    error = models.TextField(_("error"), blank=True)
    error_url = models.URLField(_("error URL"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("sync run")
        verbose_name_plural = _("sync runs")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.state})"


class SyncAction(models.TextChoices):
    LETTER_CREATED = "letter_created", _("new letter")
    LETTER_UPDATED = "letter_updated", _("letter already present, details added")
    REGISTER_CREATED = "register_created", _("new register commitment")
    REGISTER_UPDATED = "register_updated", _("register commitment updated")
    WITHDRAWN = "withdrawn", _("withdrawn at the source")
    FAILED = "failed", _("failed")


class SyncItem(models.Model):
    """One record a sync run brought in, changed or could not store (with its reason)."""

    run = models.ForeignKey(SyncRun, on_delete=models.CASCADE, related_name="items")
    entity = models.CharField(_("entity set"), max_length=40)
    external_id = models.CharField(_("Id"), max_length=64, blank=True)
    label = models.CharField(_("record"), max_length=200, blank=True)
    action = models.CharField(_("what happened"), max_length=20, choices=SyncAction.choices)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    letter = models.ForeignKey(
        Letter, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    commitment = models.ForeignKey(
        Commitment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("sync record")
        verbose_name_plural = _("sync records")
        ordering = ["-at", "-id"]
        indexes = [
            # Serves the status page's "recent failures" list.
            models.Index(fields=["action", "-at"], name="syncitem_action_at"),
        ]

    def __str__(self) -> str:
        return f"{self.entity} {self.label or self.external_id}: {self.action}"


class CommitmentSearch(models.Model):
    """A commitment's words as search indexes them (see search.py). One-to-one and apart from
    the commitment, so the GIN index does not weigh on every write to the wide table."""

    commitment = models.OneToOneField(
        Commitment, primary_key=True, on_delete=models.CASCADE, related_name="search"
    )
    terms = models.TextField()

    def __str__(self) -> str:
        return self.terms[:80]

    # Filled and GIN-indexed on PostgreSQL only; SQLite indexes `terms` in an FTS5 table
    # instead (both made by migration 0008, which is why neither is declared here).
    vector = SearchVectorField(null=True)


class LetterSearch(models.Model):
    """A letter's metadata and full text as search indexes them (see search.py)."""

    letter = models.OneToOneField(
        Letter, primary_key=True, on_delete=models.CASCADE, related_name="search"
    )
    terms = models.TextField()
    vector = SearchVectorField(null=True)

    def __str__(self) -> str:
        return self.terms[:80]
