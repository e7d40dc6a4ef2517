"""The commitments list, a commitment's page, its CSV export and the analysts' actions.

Reading views are generic class views; each writing view is POST-only, validates a form,
calls one service and redirects.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django_filters.views import FilterView

from .. import services
from ..filters import CommitmentFilter, filter_commitments
from ..forms import (
    EditForm,
    FulfilForm,
    NoteForm,
    ReasonForm,
    VersionedForm,
    letters_matching,
)
from ..models import Commitment, Event, Statement
from ..overview import build_overview
from ..pagination import bounded_count, keyset_page
from ..tasks import refresh_overview_task
from .review import render_card

PAGE_SIZE = 50
REVIEW_PERMISSION = services.REVIEW_PERMISSION


def home(request: HttpRequest) -> HttpResponse:
    """The overview: where the commitments of any filter of the list stand."""
    filterset = filter_commitments(request.GET)
    if not filterset.is_valid():
        return render(request, "commitments/overview.html", {"filter": filterset, "overview": None})
    numbers = build_overview(
        filterset.qs,
        dict(request.GET.lists()),
        timezone.localdate(),
        refresh=lambda params, day: refresh_overview_task.delay(params, day.isoformat()),
    )
    return render(request, "commitments/overview.html", {"filter": filterset, "overview": numbers})


class CommitmentListView(FilterView):
    filterset_class = CommitmentFilter
    template_name = "commitments/commitment_list.html"
    paginate_by = None

    def get_queryset(self):
        return Commitment.objects.select_related("letter")  # the filter hides rejected ones

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset: CommitmentFilter = context["filter"]
        context["more_filters_active"] = any(
            value for key, value in self.request.GET.items() if key not in ("q", "cursor", "order")
        )
        if filterset.is_bound and not filterset.is_valid():
            context.update(page=None, count=0, count_more=False)
            return context
        field, direction = filterset.ordering
        page = keyset_page(
            filterset.qs, field, direction, self.request.GET.get("cursor"), PAGE_SIZE
        )
        count, more = bounded_count(filterset.qs)
        params = self.request.GET.copy()
        params.pop("cursor", None)
        next_params = params.copy()
        if page.next_cursor:
            next_params["cursor"] = page.next_cursor
        context.update(
            page=page,
            commitments=page.rows,
            count=count,
            count_more=more,
            query_string=params.urlencode(),
            next_query=next_params.urlencode(),
            today=timezone.localdate(),
        )
        return context


def _csv_safe(value: object) -> str:
    # A cell starting with = + - @ is a formula in a spreadsheet; letter text is untrusted.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def commitment_export_csv(request: HttpRequest) -> HttpResponseBase:
    """The filtered list as CSV, statuses in the registers' words (openstaand, voldaan, ...)."""
    filterset = filter_commitments(request.GET, Commitment.objects.select_related("letter"))
    if not filterset.is_valid():
        return HttpResponse(
            _("The filter is not valid: %(errors)s") % {"errors": filterset.errors.as_text()},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    field, direction = filterset.ordering
    ordered = filterset.qs.order_by(("-" if direction == "desc" else "") + field, "pk")
    today = timezone.localdate()

    yes, no = _("yes"), _("no")

    def rows() -> Iterator[list[str]]:
        # The columns and values in the pages' words; statuses in the registers' own
        # (openstaand, deels voldaan, voldaan, vervallen); dates ISO for spreadsheets.
        yield [
            _("Number"),
            _("Commitment"),
            _("Actor"),
            _("Ministry"),
            _("Committee"),
            _("Kind"),
            _("Status"),
            _("Overdue"),
            _("Review"),
            _("Deadline phrase"),
            _("Due date"),
            _("Date made"),
            _("Source letter"),
            _("Letter date"),
            _("Quote"),
        ]
        for c in ordered.iterator(chunk_size=2000):
            yield [
                _csv_safe(v)
                for v in (
                    c.number,
                    c.text,
                    c.actor,
                    c.ministry,
                    c.committee,
                    c.get_kind_display(),
                    c.register_status,
                    yes if c.is_overdue(today) else no,
                    c.get_review_display(),
                    c.deadline_phrase,
                    c.due_date.isoformat() if c.due_date else "",
                    c.made_on.isoformat() if c.made_on else "",
                    c.letter.title if c.letter else "",
                    c.letter.date.isoformat() if c.letter and c.letter.date else "",
                    c.quote,
                )
            ]

    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in rows()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="toezeggingen-{today}.csv"'
    return response


class CommitmentDetailView(DetailView):
    model = Commitment
    slug_field = "number"
    slug_url_kwarg = "number"
    template_name = "commitments/commitment_detail.html"

    def get_queryset(self):
        return Commitment.objects.select_related("letter").prefetch_related(
            Prefetch("events", queryset=Event.objects.select_related("user", "letter")),
            Prefetch("statements", queryset=Statement.objects.select_related("letter")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        c: Commitment = self.object
        initial = {"version": c.version}
        # A link is a proposal until an analyst confirms it: its timeline entry says so.
        # The proposing event carries the statement's link key; older rows only their letter.
        by_key = {services.link_key(s, c.pk): s.link_state for s in c.statements.all()}
        by_letter = {s.letter_id: s.link_state for s in c.statements.all()}
        events = list(c.events.all())
        for event in events:
            event.link_state = (
                by_key.get(event.dedupe_key or "", by_letter.get(event.letter_id, ""))
                if event.kind in ("referenced", "fulfilment_proposed")
                else ""
            )
        events.sort(key=lambda e: (e.happened_on, e.at, e.pk))
        context.update(
            events=events,
            can_review=services.can_review(self.request.user),
            version_form=VersionedForm(initial=initial),
            reason_form=ReasonForm(initial=initial),
            edit_form=EditForm(initial={**initial, **{f: getattr(c, f) for f in EditForm.FIELDS}}),
            fulfil_form=FulfilForm(initial=initial),
            letter_q=self.request.GET.get("letter_q", ""),
            picker_results=letters_matching(
                self.request.GET.get("letter_q", ""), exclude=c.letter_id
            ),
            note_form=NoteForm(),
            is_overdue=c.is_overdue(),
        )
        return context


# --- analysts' actions -------------------------------------------------------------------------


def _act(
    request: HttpRequest, number: str, form_class: type, action: Callable, done: str
) -> HttpResponse:
    """Validate, call the service, report, and go back: to the commitment, to a safe `next`
    (the review queue), or, asked by htmx for a review card, answer with that card."""
    commitment = get_object_or_404(Commitment, number=number)
    form = form_class(request.POST)
    outcome: list[tuple[int, str]] = []
    if not form.is_valid():
        outcome += [(messages.ERROR, e) for errors in form.errors.values() for e in errors]
    else:
        try:
            action(commitment, form.cleaned_data)
        except services.EditConflict as conflict:
            outcome.append((messages.ERROR, str(conflict)))
        except ValidationError as invalid:
            outcome += [(messages.ERROR, e) for e in invalid.messages]
        except PermissionDenied:
            raise
        else:
            outcome.append((messages.SUCCESS, done))
    if request.headers.get("HX-Request") and request.POST.get("card"):
        return render_card(request, commitment, outcome)
    for level, text in outcome:
        messages.add_message(request, level, text)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(commitment)


def _analyst_view(func: Callable) -> Callable:
    return login_required(
        permission_required(REVIEW_PERMISSION, raise_exception=True)(require_POST(func))
    )


@_analyst_view
def confirm(request: HttpRequest, number: str) -> HttpResponse:
    return _act(
        request,
        number,
        VersionedForm,
        lambda c, d: services.commitment_confirm(
            commitment=c, user=request.user, version=d["version"]
        ),
        _("Commitment confirmed."),
    )


@_analyst_view
def reject(request: HttpRequest, number: str) -> HttpResponse:
    return _act(
        request,
        number,
        ReasonForm,
        lambda c, d: services.commitment_reject(
            commitment=c, user=request.user, version=d["version"], reason=d["note"]
        ),
        _("Marked as not a commitment."),
    )


@_analyst_view
def edit(request: HttpRequest, number: str) -> HttpResponse:
    def action(c: Commitment, data: dict) -> None:
        changes = {name: data[name] for name in EditForm.FIELDS}
        services.commitment_edit(
            commitment=c,
            user=request.user,
            version=data["version"],
            reason=data["reason"],
            **changes,
        )

    return _act(request, number, EditForm, action, _("Changes saved."))


@_analyst_view
def fulfil(request: HttpRequest, number: str) -> HttpResponse:
    return _act(
        request,
        number,
        FulfilForm,
        lambda c, d: services.commitment_fulfil(
            commitment=c,
            user=request.user,
            version=d["version"],
            partly=d["partly"],
            letter=d["letter"],
            url=d["url"],
            note=d["note"],
        ),
        _("Marked as fulfilled."),
    )


@_analyst_view
def reopen(request: HttpRequest, number: str) -> HttpResponse:
    return _act(
        request,
        number,
        ReasonForm,
        lambda c, d: services.commitment_reopen(
            commitment=c, user=request.user, version=d["version"], note=d["note"]
        ),
        _("Commitment reopened."),
    )


@_analyst_view
def withdraw(request: HttpRequest, number: str) -> HttpResponse:
    return _act(
        request,
        number,
        ReasonForm,
        lambda c, d: services.commitment_withdraw(
            commitment=c, user=request.user, version=d["version"], note=d["note"]
        ),
        _("Commitment withdrawn."),
    )


@_analyst_view
def add_note(request: HttpRequest, number: str) -> HttpResponse:
    return _act(
        request,
        number,
        NoteForm,
        lambda c, d: services.commitment_add_note(commitment=c, user=request.user, note=d["note"]),
        _("Note added."),
    )
