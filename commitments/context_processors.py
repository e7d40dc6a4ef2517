"""Template context every page needs: the review queue's count for the menu."""

from __future__ import annotations

from django.http import HttpRequest

from .models import Commitment, Review
from .services import can_review


def review_count(request: HttpRequest) -> dict[str, int]:
    user = getattr(request, "user", None)
    if not can_review(user):
        return {}
    # Served by the (review, due_date, id) index.
    return {"review_count": Commitment.objects.filter(review=Review.PROPOSED).count()}
