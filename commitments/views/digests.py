"""Digest subscriptions (logged-in users), the signed unsubscribe link (no login), and the
outbox (staff). Writing views are POST-only: validate, call one write, redirect."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .. import services
from ..digests import describe_query, filter_for, normalize_query, subscription_from_token
from ..models import Digest, DigestStatus, Subscription

OUTBOX_PAGE_SIZE = 50


class SubscriptionForm(forms.ModelForm):
    class Meta:
        model = Subscription
        # The address is the account's own: a form field would let anyone subscribe a stranger.
        fields = ["query", "language"]
        labels = {"query": gettext_lazy("Filter of the commitments list")}
        help_texts = {
            "query": gettext_lazy(
                "Paste the address of a filtered commitments list, or leave empty to follow "
                "all commitments."
            ),
        }

    def clean_query(self) -> str:
        query = normalize_query(self.cleaned_data.get("query", ""))
        filterset = filter_for(query)
        if not filterset.is_valid():
            raise forms.ValidationError(_("This filter is not valid on the commitments list."))
        return query


def _account(request: HttpRequest) -> User:
    """The logged-in account: every view that calls this is login_required."""
    assert isinstance(request.user, User)
    return request.user


def _own(request: HttpRequest, pk: int) -> Subscription:
    return get_object_or_404(Subscription, pk=pk, user=request.user, unsubscribed_at__isnull=True)


def _subscriptions_page(request: HttpRequest, form: SubscriptionForm, status: int = 200):
    subscriptions = list(
        Subscription.objects.filter(user=_account(request), unsubscribed_at__isnull=True)
    )
    for subscription in subscriptions:
        # The filter in words, for the template; not a field.
        subscription.selection = describe_query(subscription.query)  # type: ignore[attr-defined]
    return render(
        request,
        "commitments/subscription_list.html",
        {"subscriptions": subscriptions, "form": form},
        status=status,
    )


@login_required
def subscription_list(request: HttpRequest) -> HttpResponse:
    form = SubscriptionForm(
        initial={
            "query": normalize_query(request.GET.get("filter", "")),
            "language": request.LANGUAGE_CODE if request.LANGUAGE_CODE in ("nl", "en") else "nl",
        }
    )
    return _subscriptions_page(request, form)


@login_required
@require_POST
def subscription_create(request: HttpRequest) -> HttpResponse:
    form = SubscriptionForm(request.POST)
    if form.is_valid() and not request.user.email:  # type: ignore[union-attr]
        form.add_error(
            None,
            _("Your account has no e-mail address; set one on your profile page, then subscribe."),
        )
    if not form.is_valid():
        return _subscriptions_page(request, form, status=400)
    try:
        subscription = services.subscription_create(
            user=request.user,
            query=form.cleaned_data["query"],
            language=form.cleaned_data["language"],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _subscriptions_page(request, form, status=400)
    messages.success(
        request,
        _("You will get a digest every Monday at %(email)s.") % {"email": subscription.email},
    )
    return redirect("commitments:subscription-list")


@login_required
@require_POST
def subscription_pause(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = _own(request, pk)
    paused = not subscription.paused
    services.subscription_set_paused(subscription=subscription, paused=paused)
    messages.success(request, _("Digest paused.") if paused else _("Digest resumed."))
    return redirect("commitments:subscription-list")


@login_required
@require_POST
def subscription_delete(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = _own(request, pk)
    services.subscription_unsubscribe(subscription=subscription)
    messages.success(request, _("You are unsubscribed from this digest."))
    return redirect("commitments:subscription-list")


# The one endpoint without CSRF: mail clients POST to it for one-click unsubscribe
# (List-Unsubscribe-Post, RFC 8058). The signed token in the URL is the authorisation.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = subscription_from_token(token)
    except signing.SignatureExpired:
        return render(
            request,
            "commitments/subscription_unsubscribe.html",
            {"invalid": "expired"},
            status=400,
        )
    except (signing.BadSignature, Subscription.DoesNotExist):
        return render(
            request,
            "commitments/subscription_unsubscribe.html",
            {"invalid": "bad"},
            status=400,
        )
    done = subscription.unsubscribed_at is not None
    if request.method == "POST" and not done:
        services.subscription_unsubscribe(subscription=subscription)
        done = True
    elif request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    return render(
        request,
        "commitments/subscription_unsubscribe.html",
        {
            "subscription": subscription,
            "done": done,
            "token": token,
            "selection": describe_query(subscription.query),
        },
    )


@staff_member_required
def digest_outbox(request: HttpRequest) -> HttpResponse:
    digests = Digest.objects.select_related("subscription__user").defer("body_text", "body_html")
    status = request.GET.get("status", "")
    if status in DigestStatus.values:
        digests = digests.filter(status=status)
    page = Paginator(digests, OUTBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "commitments/digest_outbox.html",
        {"page": page, "status": status, "statuses": DigestStatus.choices},
    )


@staff_member_required
def digest_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One digest as it was (or will be) mailed: subject, text part and HTML part."""
    digest = get_object_or_404(Digest.objects.select_related("subscription__user"), pk=pk)
    return render(request, "commitments/digest_detail.html", {"digest": digest})
