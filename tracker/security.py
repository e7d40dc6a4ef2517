"""The client address django-axes counts failed logins by."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the address the outermost of
    them saw. Entries further left in X-Forwarded-For are the client's own say and could be
    anything, so a guesser could not escape the per-address limit by making them up."""
    hops = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    remote = request.META.get("REMOTE_ADDR", "")
    if hops <= 0:
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part
    ]
    if len(forwarded) >= hops:
        return forwarded[-hops]
    return remote


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' guard, which insists on a request. Every login over HTTP (the login page,
    the admin) brings one; a call without (the test client's `login()`, a shell) is no
    guessing from outside, and is left to the next backend instead of raising."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
