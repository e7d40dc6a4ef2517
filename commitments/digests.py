"""Weekly digests: build what a subscription's mail says, create each week's outbox row once,
send it once, and pick up sends that got stuck.

The week is computed from *now* in Europe/Amsterdam, so after downtime the job creates this
week's digest (one catch-up) and never the weeks it missed. The unique constraint on
(subscription, week_start) makes a second run, or a second worker, create nothing; the send
claims the row with a compare-and-swap UPDATE queued -> sending and acts only when it won.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .filters import CommitmentFilter, filter_commitments
from .models import (
    Digest,
    DigestStatus,
    Event,
    EventKind,
    Review,
    Status,
    Subscription,
)

log = logging.getLogger(__name__)

NEWLY_OVERDUE_DAYS = 7  # "newly overdue": crossed the due date in the last week
DUE_SOON_DAYS = 14
MAX_LINES = 25  # per section; the rest is a link to the list
CHUNK = 500
UNSUBSCRIBE_SALT = "commitments.digest.unsubscribe"
# The list page's own paging and sorting say nothing about which commitments are followed.
NOT_A_FILTER = {"cursor", "page", "order"}
SEND_ERRORS = (smtplib.SMTPException, OSError)


class DigestSendError(Exception):
    """The mail server refused or could not be reached; the row is queued again."""


# --- what a digest says -----------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    number: str
    text: str
    url: str
    due_date: dt.date | None
    days_overdue: int
    unreviewed: bool
    partly_fulfilled: bool


@dataclass
class Section:
    key: str
    title: str
    lines: list[Line]
    count: int
    more_url: str

    @property
    def more(self) -> int:
        return self.count - len(self.lines)


@dataclass
class DigestContent:
    as_of: dt.date
    sections: list[Section] = field(default_factory=list)
    # Set when the saved filter no longer validates (a deleted letter, a hand-edited query):
    # such a digest fails with this reason rather than silently following everything.
    error: str = ""

    @property
    def counts(self) -> dict[str, int]:
        return {s.key: s.count for s in self.sections}

    @property
    def is_empty(self) -> bool:
        return not any(s.count for s in self.sections)


SECTION_TITLES = {
    "newly_overdue": _("Newly overdue"),
    "still_overdue": _("Still overdue"),
    "due_soon": _("Due in the next 14 days"),
    "fulfilled": _("Fulfilled this week"),
}


def week_start_for(now: dt.datetime) -> dt.date:
    """Monday of `now`'s week in Europe/Amsterdam: the week a digest belongs to."""
    local = timezone.localtime(now).date()
    return local - dt.timedelta(days=local.weekday())


def normalize_query(raw: str) -> str:
    """The filter part of a list URL or query string, without paging, sorting or blanks."""
    raw = raw.strip()
    if "?" in raw:
        raw = raw.split("?", 1)[1]
    elif raw.startswith(("http://", "https://", "/")):
        raw = urlsplit(raw).query
    params = QueryDict(raw, mutable=True)
    cleaned = QueryDict(mutable=True)
    for key in sorted(params):
        if key in NOT_A_FILTER:
            continue
        values = [v for v in params.getlist(key) if v.strip()]
        if values:
            cleaned.setlist(key, values)
    return cleaned.urlencode()


def filter_for(query: str) -> CommitmentFilter:
    return filter_commitments(QueryDict(query))


def followed(query: str):
    """The commitments a subscription follows: the list page's FilterSet over its query."""
    return filter_for(query).qs.order_by()


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def _list_url(query: str, **overrides: str) -> str:
    params = QueryDict(query, mutable=True)
    for key, value in overrides.items():
        params.setlist(key, [value])
    encoded = params.urlencode()
    return settings.SITE_URL + reverse("commitments:list") + (f"?{encoded}" if encoded else "")


def _lines(queryset, as_of: dt.date) -> tuple[list[Line], int]:
    rows = list(queryset.only("number", "text", "due_date", "review", "status")[:MAX_LINES])
    count = len(rows) if len(rows) < MAX_LINES else queryset.count()
    lines = [
        Line(
            number=c.number,
            text=c.text,
            url=settings.SITE_URL + c.get_absolute_url(),
            due_date=c.due_date,
            days_overdue=(as_of - c.due_date).days
            if c.due_date and c.due_date < as_of and c.status != Status.FULFILLED
            else 0,
            unreviewed=c.review == Review.PROPOSED,
            partly_fulfilled=c.status == Status.PARTLY_FULFILLED,
        )
        for c in rows
    ]
    return lines, count


def build_digest_content(query: str, *, as_of: dt.date) -> DigestContent:
    """The four sections of a digest for a saved filter, as of a day in Europe/Amsterdam."""
    filterset = filter_for(query)
    if not filterset.is_valid():
        return DigestContent(
            as_of=as_of, error=f"the saved filter is not valid: {filterset.errors.as_text()}"
        )
    base = filterset.qs.order_by()
    newly_since = as_of - dt.timedelta(days=NEWLY_OVERDUE_DAYS)
    overdue = base.overdue(as_of=as_of)
    # The status filter of the saved selection (often "open") would hide what was fulfilled.
    without_status = QueryDict(query, mutable=True)
    without_status.pop("status", None)
    without_status.pop("overdue", None)
    fulfilled_events = Event.objects.filter(
        commitment=OuterRef("pk"),
        kind=EventKind.FULFILLED,
        at__gte=_local_midnight(newly_since),
        at__lt=_local_midnight(as_of),
    )
    querysets = {
        "newly_overdue": overdue.filter(due_date__gte=newly_since).order_by("due_date", "id"),
        "still_overdue": overdue.filter(due_date__lt=newly_since).order_by("due_date", "id"),
        "due_soon": base.due_between(as_of, as_of + dt.timedelta(days=DUE_SOON_DAYS - 1)).order_by(
            "due_date", "id"
        ),
        "fulfilled": followed(without_status.urlencode())
        .filter(status=Status.FULFILLED)
        .filter(Exists(fulfilled_events))
        .order_by("number"),
    }
    more = {
        "newly_overdue": _list_url(query, overdue="true"),
        "still_overdue": _list_url(query, overdue="true"),
        "due_soon": _list_url(query, due_within=str(DUE_SOON_DAYS)),
        "fulfilled": _list_url(without_status.urlencode(), status=Status.FULFILLED),
    }
    content = DigestContent(as_of=as_of)
    for key, queryset in querysets.items():
        lines, count = _lines(queryset, as_of)
        content.sections.append(
            Section(
                key=key,
                title=str(SECTION_TITLES[key]),
                lines=lines,
                count=count,
                more_url=more[key],
            )
        )
    return content


# --- rendering ---------------------------------------------------------------------------------


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def subscription_from_token(token: str) -> Subscription:
    """The subscription a signed link names; raises signing.BadSignature (SignatureExpired
    included) for a forged or expired link, Subscription.DoesNotExist for a deleted one."""
    pk = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=settings.DIGEST_UNSUBSCRIBE_MAX_AGE)
    return Subscription.objects.get(pk=pk)


def unsubscribe_url(subscription: Subscription) -> str:
    return settings.SITE_URL + reverse(
        "commitments:unsubscribe", args=[unsubscribe_token(subscription)]
    )


def describe_query(query: str) -> str:
    """A subscription's filter in words, as the list's form shows it, e.g. "Ministerie:
    Financiën; Te laat: ja; Uiterste datum tussen (van): 1 juli 2024"."""
    form = filter_for(query).form
    data = QueryDict(query)
    parts = []
    for key in data:
        values = data.getlist(key)
        form_field, suffix = form.fields.get(key), ""
        if form_field is None:
            base, _sep, end = key.rpartition("_")
            form_field = form.fields.get(base)
            suffix = {  # type: ignore[assignment]
                "after": _("from"),
                "before": _("up to"),
                "min": _("from"),
                "max": _("up to"),
            }.get(end, "")
        if form_field is None:
            parts.append(f"{key}: {', '.join(values)}")
            continue
        label = f"{form_field.label} ({suffix})" if suffix else str(form_field.label)
        parts.append(f"{label}: {', '.join(_value_words(form_field, v) for v in values)}")
    return "; ".join(parts) or str(_("all commitments"))


def _value_words(form_field, value: str) -> str:
    choices = (
        getattr(form_field, "choices", None) or getattr(form_field.widget, "choices", None) or []
    )
    for key, label in choices:
        if str(key) == value and str(key) != "":
            return str(label)
    try:
        return date_format(dt.date.fromisoformat(value), "j F Y")
    except ValueError:
        return value


UNSUBSCRIBE_PLACEHOLDER = "__unsubscribe_url__"


def render_digest(
    subscription: Subscription,
    content: DigestContent,
    *,
    week_start: dt.date,
    cache: dict | None = None,
) -> tuple[str, str, str]:
    """Subject, text and HTML parts for one subscriber. Subscribers with the same filter and
    language get the same parts but their own unsubscribe link, so `cache` renders once."""
    key = (subscription.query, subscription.language)
    cache = {} if cache is None else cache
    if key not in cache:
        cache[key] = _render(subscription, content, week_start=week_start)
    link = unsubscribe_url(subscription)
    subject, text, html = cache[key]
    return (
        subject,
        text.replace(UNSUBSCRIBE_PLACEHOLDER, link),
        html.replace(UNSUBSCRIBE_PLACEHOLDER, link),
    )


def _render(
    subscription: Subscription, content: DigestContent, *, week_start: dt.date
) -> tuple[str, str, str]:
    """Subject, text and HTML parts, from one context, in the subscriber's language."""
    with translation.override(subscription.language):
        for section in content.sections:
            section.title = str(SECTION_TITLES[section.key])
        context = {
            "subscription": subscription,
            "selection": describe_query(subscription.query),
            "content": content,
            "sections": [s for s in content.sections if s.count],
            "week_start": week_start,
            "site_url": settings.SITE_URL,
            "manage_url": settings.SITE_URL + reverse("commitments:subscription-list"),
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        }
        subject = render_to_string("emails/digest-subject.txt", context)
        text = render_to_string("emails/digest-body.txt", context)
        html = render_to_string("emails/digest-body.html", context)
    return " ".join(subject.split()), text, html


# --- creating a week's digests ------------------------------------------------------------------


@dataclass
class CreateReport:
    week_start: dt.date
    created: int = 0
    skipped: int = 0
    existing: int = 0
    to_send: list[int] = field(default_factory=list)


def active_subscriptions():
    return Subscription.objects.filter(paused=False, unsubscribed_at__isnull=True).order_by("pk")


def create_digests(
    *,
    now: dt.datetime | None = None,
    on_queued: Callable[[int], object] | None = None,
    subscription_ids: Iterable[int] | None = None,
) -> CreateReport:
    """Create this week's digest for every active subscription that has none yet.

    Empty digests are recorded as skipped; queued ones (new, or left queued by an earlier run)
    are handed to `on_queued` after they are committed. Safe to run again and on two workers.
    """
    now = now or timezone.now()
    as_of = timezone.localtime(now).date()
    week = week_start_for(now)
    report = CreateReport(week_start=week)
    contents: dict[str, DigestContent] = {}  # subscriptions sharing a filter share the work
    rendered: dict = {}
    subscriptions = active_subscriptions()
    if subscription_ids is not None:
        subscriptions = subscriptions.filter(pk__in=list(subscription_ids))
    last_pk = 0
    while True:
        chunk = list(subscriptions.filter(pk__gt=last_pk)[:CHUNK])
        if not chunk:
            break
        last_pk = chunk[-1].pk
        had = set(
            Digest.objects.filter(week_start=week, subscription__in=chunk).values_list(
                "subscription_id", flat=True
            )
        )
        rows = []
        for subscription in chunk:
            if subscription.pk in had:
                report.existing += 1
                continue
            content = contents.get(subscription.query)
            if content is None:
                content = contents[subscription.query] = build_digest_content(
                    subscription.query, as_of=as_of
                )
            digest = Digest(
                subscription=subscription,
                week_start=week,
                to_email=subscription.email,
                language=subscription.language,
                counts=content.counts,
                created_at=now,
            )
            if content.error:
                digest.status = DigestStatus.FAILED
                digest.last_error = content.error
            elif content.is_empty:
                digest.status = DigestStatus.SKIPPED
            else:
                digest.subject, digest.body_text, digest.body_html = render_digest(
                    subscription, content, week_start=week, cache=rendered
                )
            rows.append(digest)
        with transaction.atomic():
            # A racing run may have created some meanwhile; the constraint keeps theirs.
            Digest.objects.bulk_create(rows, ignore_conflicts=True)
        after = dict(
            Digest.objects.filter(week_start=week, subscription__in=chunk).values_list(
                "subscription_id", "status"
            )
        )
        for digest in rows:
            if digest.subscription_id in after:
                if after[digest.subscription_id] == DigestStatus.SKIPPED:
                    report.skipped += 1
                else:
                    report.created += 1
        queued = Digest.objects.filter(
            week_start=week, subscription__in=chunk, status=DigestStatus.QUEUED
        ).values_list("pk", flat=True)
        report.to_send.extend(queued)
    if on_queued:
        for pk in report.to_send:
            on_queued(pk)
    return report


# --- sending ------------------------------------------------------------------------------------


def build_message(digest: Digest, connection=None) -> EmailMultiAlternatives:
    subscription = digest.subscription
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    link = unsubscribe_url(subscription)
    message = EmailMultiAlternatives(
        subject=digest.subject,
        body=digest.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[digest.to_email],
        connection=connection,
        headers={
            # Stable per digest, so a resend after a crash is recognisably the same mail.
            "Message-ID": f"<digest-{digest.pk}-{digest.week_start:%Y%m%d}@{domain}>",
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(digest.body_html, "text/html")
    return message


def digest_send(*, digest_id: int, connection=None) -> bool:
    """Send a queued digest; True when this call sent it. Rows not queued (being sent by
    another worker, sent, skipped, failed) are left alone."""
    now = timezone.now()
    claimed = Digest.objects.filter(pk=digest_id, status=DigestStatus.QUEUED).update(
        status=DigestStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if claimed != 1:
        return False
    digest = Digest.objects.select_related("subscription").get(pk=digest_id)
    if not digest.subscription.is_active:
        Digest.objects.filter(pk=digest_id, status=DigestStatus.SENDING).update(
            status=DigestStatus.SKIPPED, last_error="unsubscribed or paused before sending"
        )
        return False
    try:
        build_message(digest, connection).send()
    except SEND_ERRORS as exc:
        Digest.objects.filter(pk=digest_id, status=DigestStatus.SENDING).update(
            # claimed_at stays: the reaper waits a timeout after the last attempt.
            status=DigestStatus.QUEUED,
            last_error=f"{type(exc).__name__}: {exc}",
        )
        raise DigestSendError(str(exc)) from exc
    except Exception as exc:
        # Not the mail server: a retry would fail the same way, and the reaper would requeue
        # it all week. Fail it with the reason, for the outbox, and let the error be logged.
        Digest.objects.filter(pk=digest_id, status=DigestStatus.SENDING).update(
            status=DigestStatus.FAILED, last_error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        raise
    Digest.objects.filter(pk=digest_id, status=DigestStatus.SENDING).update(
        status=DigestStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def digest_fail(*, digest_id: int, error: str) -> None:
    """Give up on a digest after its retries: it stays in the outbox as failed."""
    Digest.objects.filter(pk=digest_id, status=DigestStatus.QUEUED).update(
        status=DigestStatus.FAILED, last_error=error
    )


def requeue_stuck_digests(*, now: dt.datetime | None = None) -> list[int]:
    """The reaper: put digests stuck in "sending" (a worker died mid-send) back in the queue
    and return this week's queued digests that waited longer than the timeout, to dispatch
    again. The send's claim makes a duplicate dispatch harmless.

    Digests of earlier weeks that never went out are marked failed instead: after downtime
    the subscriber gets this week's digest, not a backlog.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.DIGEST_STUCK_AFTER_SECONDS)
    week = week_start_for(now)
    in_flight = Digest.objects.filter(status__in=[DigestStatus.QUEUED, DigestStatus.SENDING])
    in_flight.filter(week_start__lt=week).update(
        status=DigestStatus.FAILED, last_error="not sent within its week"
    )
    Digest.objects.filter(status=DigestStatus.SENDING, claimed_at__lt=cutoff).update(
        status=DigestStatus.QUEUED, claimed_at=None, last_error="requeued after a stuck send"
    )
    return list(
        Digest.objects.filter(status=DigestStatus.QUEUED, week_start=week, created_at__lt=cutoff)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=cutoff))
        .values_list("pk", flat=True)[:10_000]
    )
