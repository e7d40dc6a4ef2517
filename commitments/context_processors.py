"""Template context every page needs: the review queue's count for the menu."""

from __future__ import annotations

from django.http import HttpRequest

from .models import Commitment, Review
from .pagination import bounded_count
from .services import can_review

MENU_COUNT_LIMIT = 999


def review_count(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if not can_review(user):
        return {}
    # On every analyst's page: bounded (a full COUNT at a million rows costs ~0.1 s), served
    # by the (review, due_date, id) index.
    n, more = bounded_count(
        Commitment.objects.filter(review=Review.PROPOSED), limit=MENU_COUNT_LIMIT
    )
    return {"review_count": n, "review_count_more": more}
