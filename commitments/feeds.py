"""Feeds of any filter of the list: Atom for what happened, iCalendar for when things fall due.

Both take the list's own query string (`/toezeggingen/feed/?ministry=...`), through the same
FilterSet, so a saved filter is a feed without further set-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .filters import filter_commitments
from .models import Commitment, Event, EventKind

FEED_ITEMS = 50
CALENDAR_ITEMS = 2000
# What a follower wants to hear about: a promise made, a deadline missed, a promise kept.
FEED_KINDS = (
    EventKind.MADE,
    EventKind.OVERDUE,
    EventKind.FULFILLED,
    EventKind.PARTLY_FULFILLED,
)


class CommitmentEventsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs):
        filterset = filter_commitments(request.GET)
        if not filterset.is_valid():
            raise InvalidFilter(filterset.errors.as_text())
        self.request_query = request.GET.urlencode()
        return filterset

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilter as exc:
            return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")

    def title(self, obj) -> str:
        return _("Toezeggingen: made, overdue and fulfilled")

    def subtitle(self, obj) -> str:
        return _("Commitments the government made to parliament, and what became of them.")

    def link(self, obj) -> str:
        query = getattr(self, "request_query", "")
        return reverse("commitments:list") + (f"?{query}" if query else "")

    def items(self, obj) -> Iterable[Event]:
        return (
            Event.objects.filter(kind__in=FEED_KINDS, commitment__in=obj.qs.values("pk"))
            .select_related("commitment", "letter")
            .order_by("-at", "-id")[:FEED_ITEMS]
        )

    def item_title(self, item: Event) -> str:
        return f"{item.commitment.number} {item.get_kind_display()}: {item.commitment.text[:120]}"

    def item_description(self, item: Event) -> str:
        commitment = item.commitment
        parts = [commitment.quote or commitment.text]
        if commitment.due_date:
            parts.append(_("Due: %(date)s") % {"date": commitment.due_date.isoformat()})
        if item.note:
            parts.append(item.note)
        return "\n\n".join(parts)  # Feed escapes it

    def item_link(self, item: Event) -> str:
        return item.commitment.get_absolute_url()

    def item_guid(self, item: Event) -> str:
        return f"tag:toezeggingen,2024:event-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Event) -> dt.datetime:
        return item.at

    def item_updateddate(self, item: Event) -> dt.datetime:
        return item.at

    def item_author_name(self, item: Event) -> str:
        return item.commitment.actor or ""


class InvalidFilter(Exception):
    pass


# --- iCalendar ------------------------------------------------------------------------------


def _ics_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545, 3.1)."""
    out, current = [], b""  # type: ignore[var-annotated]
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


def calendar_lines(commitments: Iterable[Commitment], base_url: str) -> Iterator[str]:
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    yield "BEGIN:VCALENDAR"
    yield "VERSION:2.0"
    yield "PRODID:-//Toezeggingen//Deadlines//NL"
    yield "CALSCALE:GREGORIAN"
    yield "METHOD:PUBLISH"
    yield "X-WR-CALNAME:" + _ics_text(_("Commitments falling due"))
    for commitment in commitments:
        due = commitment.due_date
        assert due is not None
        url = base_url + commitment.get_absolute_url()
        summary = f"{commitment.number}: {commitment.text[:150]}"
        description = f"{commitment.actor}\n{commitment.quote or commitment.text}\n{url}"
        yield "BEGIN:VEVENT"
        # One event per commitment: its UID never changes, and SEQUENCE (the row's version)
        # rises with every edit, so a calendar moves the event when the due date moves.
        yield f"UID:{commitment.number}@toezeggingen"
        yield f"SEQUENCE:{commitment.version}"
        yield f"DTSTAMP:{stamp}"
        yield f"LAST-MODIFIED:{commitment.updated_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
        yield f"DTSTART;VALUE=DATE:{due:%Y%m%d}"
        yield f"DTEND;VALUE=DATE:{due + dt.timedelta(days=1):%Y%m%d}"
        yield "SUMMARY:" + _ics_text(summary)
        yield "DESCRIPTION:" + _ics_text(description)
        yield f"URL:{url}"
        yield "TRANSP:TRANSPARENT"
        yield "END:VEVENT"
    yield "END:VCALENDAR"


def commitment_calendar(request: HttpRequest) -> HttpResponse:
    filterset = filter_commitments(request.GET)
    if not filterset.is_valid():
        return HttpResponseBadRequest(
            filterset.errors.as_text(), content_type="text/plain; charset=utf-8"
        )
    commitments = (
        filterset.qs.filter(due_date__isnull=False)
        .select_related(None)
        .order_by("due_date", "pk")[:CALENDAR_ITEMS]
    )
    base_url = request.build_absolute_uri("/").rstrip("/")
    body = "".join(_fold(line) + "\r\n" for line in calendar_lines(commitments, base_url))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="toezeggingen.ics"'
    return response
