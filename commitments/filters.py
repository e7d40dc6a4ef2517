"""The commitments list's filters: one FilterSet for the page, the CSV export and digests."""

from __future__ import annotations

import datetime as dt

import django_filters as filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .forms import IsoDateInput
from .models import Commitment, Kind, Letter, Review, Status, today


class IsoDateRangeWidget(filters.widgets.DateRangeWidget):
    """From/to date inputs that keep ISO values in every language (see IsoDateInput)."""

    def __init__(self, attrs: dict | None = None) -> None:
        filters.widgets.SuffixedMultiWidget.__init__(self, (IsoDateInput, IsoDateInput), attrs)


ORDERINGS = {
    "due": ("due_date", "asc"),
    "-due": ("due_date", "desc"),
    "made": ("made_on", "asc"),
    "-made": ("made_on", "desc"),
    "number": ("number", "asc"),
    "-number": ("number", "desc"),
    "-confidence": ("confidence", "desc"),
    "confidence": ("confidence", "asc"),
}
ORDERING_CHOICES = [
    ("due", _("due date, soonest first")),
    ("-due", _("due date, latest first")),
    ("-made", _("date made, newest first")),
    ("made", _("date made, oldest first")),
    ("number", _("number, ascending")),
    ("-number", _("number, descending")),
    ("-confidence", _("confidence, highest first")),
    ("confidence", _("confidence, lowest first")),
]
MAX_QUERY_TERMS = 8


class CommitmentFilter(filters.FilterSet):
    q = filters.CharFilter(label=_("Search"), method="filter_text")
    status = filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # a plain IN needs no DISTINCT, which would defeat the index
    )
    overdue = filters.BooleanFilter(
        label=_("Overdue"),
        method="filter_overdue",
        widget=forms.Select(
            choices=[("", "---------"), ("true", _("only overdue")), ("false", _("not overdue"))]
        ),
    )
    due_within = filters.NumberFilter(
        label=_("Due in the next N days"),
        method="filter_due_within",
        min_value=1,
        max_value=3650,
    )
    due = filters.DateFromToRangeFilter(
        field_name="due_date",
        label=_("Due between"),
        widget=IsoDateRangeWidget(),
    )
    ministry = filters.CharFilter(label=_("Ministry"))
    actor = filters.CharFilter(label=_("Actor"))
    committee = filters.CharFilter(label=_("Committee"))
    kind = filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices)
    review = filters.ChoiceFilter(label=_("Review"), choices=Review.choices)
    # the extractor's calibrated confidence: of proposals at 0.8 or more, about 8 in 10 are right;
    # commitments entered by hand or from a register have none and drop out of this filter
    min_confidence = filters.NumberFilter(
        field_name="confidence",
        lookup_expr="gte",
        label=_("Minimum confidence"),
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(attrs={"step": "0.05", "min": "0", "max": "1"}),
    )
    letter = filters.ModelChoiceFilter(
        label=_("Source letter"), queryset=Letter.objects.all(), widget=forms.NumberInput
    )
    order = filters.ChoiceFilter(
        label=_("Sort by"),
        choices=ORDERING_CHOICES,
        method="filter_nothing",
        empty_label=None,
    )

    class Meta:
        model = Commitment
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        # Always bound, so filter_queryset (which hides rejected proposals) runs for the plain
        # unfiltered list as well; FilterView passes None when the URL has no parameters.
        super().__init__(data if data is not None else {}, *args, **kwargs)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # What an analyst rejected is not a commitment: it shows only when asked for by name.
        if not self.form.cleaned_data.get("review"):
            queryset = queryset.visible()
        return super().filter_queryset(queryset)

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Every word must occur, in the short text or the quote. Words are capped so a pasted
        # paragraph cannot build a monster query.
        for word in value.split()[:MAX_QUERY_TERMS]:
            queryset = queryset.filter(Q(text__icontains=word) | Q(quote__icontains=word))
        return queryset

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        if value:
            return queryset.overdue()
        return queryset.exclude(pk__in=Commitment.objects.overdue().values("pk"))

    def filter_due_within(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if value is None:
            return queryset
        # "the next 7 days" is today and the six days after it, as the digest counts them
        start = today()
        return queryset.due_between(start, start + dt.timedelta(days=int(value) - 1))

    def filter_nothing(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # ordering is the paginator's job (it needs the keyset)

    @property
    def ordering(self) -> tuple[str, str]:
        key = self.form.cleaned_data.get("order") if self.is_bound and self.is_valid() else None
        return ORDERINGS.get(key or "due", ORDERINGS["due"])


def filter_commitments(params, queryset: QuerySet | None = None) -> CommitmentFilter:
    """The same filtering outside a request (CSV export, digests): params as a QueryDict/dict."""
    if queryset is None:  # not `queryset or ...`: truthiness would fetch every row
        queryset = Commitment.objects.all()
    return CommitmentFilter(params, queryset=queryset)


class LetterFilter(filters.FilterSet):
    date = filters.DateFromToRangeFilter(label=_("Date between"), widget=IsoDateRangeWidget())
    ministry = filters.CharFilter(label=_("Ministry"))
    has_open = filters.BooleanFilter(
        label=_("Has open commitments"),
        method="filter_has_open",
        widget=forms.Select(choices=[("", "---------"), ("true", _("yes")), ("false", _("no"))]),
    )

    class Meta:
        model = Letter
        fields: list[str] = []

    def filter_has_open(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        with_open = Commitment.objects.open().filter(letter__isnull=False).values("letter_id")
        return queryset.filter(pk__in=with_open) if value else queryset.exclude(pk__in=with_open)
