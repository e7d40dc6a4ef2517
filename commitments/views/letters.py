"""The letters list and a letter's page with its commitments highlighted in the text."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django_filters.views import FilterView

from .. import services
from ..filters import LetterFilter
from ..forms import LetterWithdrawForm, letters_matching
from ..highlight import highlight
from ..models import OPEN_STATUSES, Commitment, Letter, Review
from ..pagination import BoundedPaginator


class LetterListView(FilterView):
    filterset_class = LetterFilter
    template_name = "commitments/letter_list.html"
    paginate_by = 50
    paginator_class = BoundedPaginator

    def get_queryset(self):
        # Counted per page below: annotating the whole queryset would make the paginator's
        # COUNT(*) group every letter's commitments.
        return Letter.objects.defer("text").order_by("-date", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        letters = list(context["object_list"])
        counts = {
            row["letter_id"]: row
            for row in Commitment.objects.filter(letter__in=letters)
            .exclude(review=Review.REJECTED)
            .values("letter_id")
            .annotate(total=Count("id"), open=Count("id", filter=Q(status__in=OPEN_STATUSES)))
        }
        for letter in letters:
            row = counts.get(letter.pk, {})
            letter.n_commitments, letter.n_open = row.get("total", 0), row.get("open", 0)
        context["object_list"] = letters
        return context


class LetterDetailView(DetailView):
    model = Letter
    template_name = "commitments/letter_detail.html"

    def get_queryset(self):
        return Letter.objects.select_related("imported_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        letter: Letter = self.object
        commitments = list(letter.commitments.exclude(review=Review.REJECTED))
        statements = list(letter.statements.select_related("commitment"))
        spans = [
            (c.span_start, c.span_end, c, "commitment")
            for c in commitments
            if c.span_start is not None and c.span_end is not None
        ] + [(s.span_start, s.span_end, s, s.kind) for s in statements]
        context.update(
            pieces=highlight(letter.text, spans),
            commitments=commitments,
            statements=statements,
            withdraw_form=LetterWithdrawForm(),
            can_review=services.can_review(self.request.user),
        )
        return context


@login_required
@permission_required(services.REVIEW_PERMISSION, raise_exception=True)
@require_POST
def letter_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    letter = get_object_or_404(Letter, pk=pk)
    form = LetterWithdrawForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)  # type: ignore[arg-type]
        return redirect(letter)
    try:
        services.letter_withdraw(
            letter=letter, user=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(
            request, _("Letter withdrawn; its commitments were rejected, each with an event.")
        )
    return redirect(letter)


def letter_picker(request: HttpRequest) -> HttpResponse:
    """The fulfil form's letter search (htmx swaps the results into the form)."""
    exclude = request.GET.get("exclude", "")
    results = letters_matching(
        request.GET.get("letter_q", ""), exclude=int(exclude) if exclude.isdigit() else None
    )
    return render(
        request,
        "includes/letter_picker_results.html",
        {"picker_results": results, "letter_q": request.GET.get("letter_q", "")},
    )
