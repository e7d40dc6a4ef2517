"""A user's own account settings: e-mail address and the language of their digests."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from .models import Subscription


def digest_language(user: AbstractBaseUser) -> str | None:
    """The language of the user's digests, if they have any (all share one: the profile's)."""
    row = (
        Subscription.objects.filter(user=user, unsubscribed_at__isnull=True)  # type: ignore[misc]
        .order_by("-created_at")
        .values_list("language", flat=True)
        .first()
    )
    return row


@transaction.atomic
def account_update(*, user: AbstractBaseUser, email: str, language: str) -> int:
    """Set the account's address and digest language; its active digests follow both (a
    subscription mails the account's own address). Returns how many digests changed."""
    user.email = email  # type: ignore[attr-defined]
    user.save(update_fields=["email"])
    return (
        Subscription.objects.filter(user=user, unsubscribed_at__isnull=True)  # type: ignore[misc]
        .exclude(email=email, language=language)
        .update(email=email, language=language)
    )
