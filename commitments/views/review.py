"""The review queue: the extractor's proposals an analyst has not looked at yet.

Confirm, reject and edit post to the commitment's own action views (the same services and
permission checks); with htmx they answer with the updated card, without it they redirect back
here.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..forms import EditForm, ReasonForm, VersionedForm
from ..models import Commitment, Review
from ..services import REVIEW_PERMISSION

PAGE_SIZE = 25
CONTEXT_CHARS = 240
SORTS = {
    "newest": (F("letter__date").desc(nulls_last=True), "-letter_id", "span_start", "pk"),
    "confidence": (F("confidence").desc(nulls_last=True), "pk"),
    "least-confident": (F("confidence").asc(nulls_last=True), "pk"),
}


def quote_in_context(commitment: Commitment, width: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(text before, the quote as it stands in the letter, text after): escaped by the template."""
    letter = commitment.letter
    start, end = commitment.span_start, commitment.span_end
    if letter is None or start is None or end is None:
        return "", commitment.quote, ""
    text = letter.text
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start > width:
        before = "…" + before.split(" ", 1)[-1]
    if end + width < len(text):
        after = after.rsplit(" ", 1)[0] + "…"
    return before, text[start:end], after


def card_context(commitment: Commitment) -> dict:
    initial = {"version": commitment.version}
    commitment.context_before, commitment.context_quote, commitment.context_after = (  # type: ignore[attr-defined]
        quote_in_context(commitment)
    )
    return {
        "c": commitment,
        "version_form": VersionedForm(initial=initial),
        "reason_form": ReasonForm(initial=initial, auto_id=f"id_%s_reject_{commitment.pk}"),
        "edit_form": EditForm(
            initial={**initial, **{f: getattr(commitment, f) for f in EditForm.FIELDS}},
            auto_id=f"id_%s_{commitment.pk}",
        ),
    }


def render_card(
    request: HttpRequest, commitment: Commitment, outcome: list[tuple[int, str]]
) -> HttpResponse:
    """One card after an action, with what happened (htmx swaps it in place)."""
    commitment = Commitment.objects.select_related("letter").get(pk=commitment.pk)
    context = card_context(commitment)
    context["outcome"] = [
        {"error": level >= messages.ERROR, "text": text} for level, text in outcome
    ]
    return render(request, "includes/review_card.html", context)


@login_required
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def review_queue(request: HttpRequest) -> HttpResponse:
    sort = request.GET.get("sort", "newest")
    if sort not in SORTS:
        sort = "newest"
    proposals = (
        Commitment.objects.filter(review=Review.PROPOSED)
        .select_related("letter")
        .order_by(*SORTS[sort])
    )
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    cards = [card_context(c) for c in page.object_list]
    return render(
        request,
        "commitments/review_queue.html",
        {"page": page, "cards": cards, "sort": sort, "sorts": SORTS},
    )
