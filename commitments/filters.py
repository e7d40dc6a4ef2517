"""The commitments list's filters: one FilterSet for the page, the CSV export and digests."""

from __future__ import annotations

import datetime as dt

import django_filters as filters
from django import forms
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from . import ministries, overview, search
from .forms import IsoDateInput
from .models import Commitment, CommitmentQuerySet, Kind, Letter, Review, SourceKind, Status, today


class IsoDateRangeWidget(filters.widgets.DateRangeWidget):
    """From/to date inputs that keep ISO values in every language (see IsoDateInput)."""

    def __init__(self, attrs: dict | None = None) -> None:
        # Each input names its end for screen readers: the field's one label cannot point at both.
        ends = (IsoDateInput({"aria-label": _("from")}), IsoDateInput({"aria-label": _("up to")}))
        filters.widgets.SuffixedMultiWidget.__init__(self, ends, attrs)


KNOWN_VALUES_TTL = 300  # seconds; suggestions may lag a new ministry's first letter by this


def known_values(field: str) -> list[str]:
    """The distinct values of a commitment field the data holds (for suggestions and for
    matching spellings), cached: DISTINCT reads the whole index at a million rows."""
    key = f"commitments:known:{field}"
    values = cache.get(key)
    if values is None:
        values = sorted(
            v
            for v in Commitment.objects.order_by()
            .values_list(field, flat=True)
            .distinct()
            .exclude(**{field: ""})
            if v
        )
        cache.set(key, values, KNOWN_VALUES_TTL)
    return values


def letters_matching(value: str) -> QuerySet:
    """Letters named by a date ("19-05-2017", "2017-05-19"), a Kamerstuk or their title words."""
    text = value.strip()
    for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return Letter.objects.filter(date=day)
    return search.filter_letters(Letter.objects.all(), text)


class DatalistInput(forms.TextInput):
    """A text input that suggests the values the data holds (ministries by today's name)."""

    template_name = (
        "commitments/widgets/datalist_input.html"  # app dir: the form renderer looks there
    )

    def __init__(self, field: str, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        self.field = field

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = known_values(self.field)
        if self.field == "ministry":
            values = sorted({ministries.ministry_label(v) for v in values})
        list_id = f"{attrs.get('id', name)}-options" if attrs else f"{name}-options"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["list_id"] = list_id
        context["widget"]["options"] = values[:500]
        return context


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
    made = filters.DateFromToRangeFilter(
        field_name="made_on", label=_("Made between"), widget=IsoDateRangeWidget()
    )
    fulfilled = filters.DateFromToRangeFilter(
        label=_("Fulfilled between"), method="filter_fulfilled", widget=IsoDateRangeWidget()
    )
    ministry = filters.CharFilter(
        label=_("Ministry"), method="filter_ministry", widget=DatalistInput("ministry")
    )
    actor = filters.CharFilter(
        label=_("Actor"), method="filter_same_words", widget=DatalistInput("actor")
    )
    committee = filters.CharFilter(
        label=_("Committee"), method="filter_same_words", widget=DatalistInput("committee")
    )
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
    # A number, not a choice of every letter: an unknown letter is an empty list, not an error.
    letter = filters.NumberFilter(
        field_name="letter_id", widget=forms.HiddenInput, label=_("Source letter"), min_value=1
    )
    letter_q = filters.CharFilter(
        label=_("Source letter (title, date or Kamerstuk)"), method="filter_letter_q"
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

    def filter_queryset(self, queryset: CommitmentQuerySet) -> CommitmentQuerySet:
        # What an analyst rejected is not a commitment: it shows only when asked for by name.
        if not self.form.cleaned_data.get("review"):
            queryset = queryset.visible()
        return super().filter_queryset(queryset)

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search.filter_commitments(queryset, value)

    def filter_overdue(
        self, queryset: CommitmentQuerySet, name: str, value: bool | None
    ) -> CommitmentQuerySet:
        if value is None:
            return queryset
        if value:
            return queryset.overdue()
        return queryset.exclude(pk__in=Commitment.objects.overdue().values("pk"))

    def filter_due_within(self, queryset: CommitmentQuerySet, name: str, value) -> QuerySet:
        if value is None:
            return queryset
        # "the next 7 days" is today and the six days after it, as the digest counts them
        start = today()
        return queryset.due_between(start, start + dt.timedelta(days=int(value) - 1))

    def filter_fulfilled(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value or (value.start is None and value.stop is None):
            return queryset
        start = value.start.date() if value.start else dt.date.min
        stop = value.stop.date() if value.stop else dt.date.max
        return overview.fulfilled_between(queryset, start, stop)

    def filter_ministry(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # "BZ", "BuZa" and "Ministerie van Buitenlandse Zaken" are one ministry, and an old
        # name finds today's: every way rows may write it, in one IN the index serves.
        forms = set(ministries.spellings(value))
        forms.update(ministries.same_ministry(known_values("ministry"), value))
        return queryset.filter(ministry__in=sorted(forms))

    def filter_same_words(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Without regard to case or spacing, but still an IN over the values the data holds.
        wanted = " ".join(value.split()).casefold()
        forms = {v for v in known_values(name) if " ".join(v.split()).casefold() == wanted}
        return queryset.filter(**{f"{name}__in": sorted(forms | {value})})

    def filter_letter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(letter__in=letters_matching(value).values("pk"))

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
    q = filters.CharFilter(label=_("Search"), method="filter_text")
    date = filters.DateFromToRangeFilter(label=_("Date between"), widget=IsoDateRangeWidget())
    ministry = filters.CharFilter(label=_("Ministry"))
    source_kind = filters.ChoiceFilter(label=_("Came in by"), choices=SourceKind.choices)
    has_open = filters.BooleanFilter(
        label=_("Has open commitments"),
        method="filter_has_open",
        widget=forms.Select(choices=[("", "---------"), ("true", _("yes")), ("false", _("no"))]),
    )

    class Meta:
        model = Letter
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search.filter_letters(queryset, value)

    def filter_has_open(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        with_open = Commitment.objects.open().filter(letter__isnull=False).values("letter_id")
        return queryset.filter(pk__in=with_open) if value else queryset.exclude(pk__in=with_open)
