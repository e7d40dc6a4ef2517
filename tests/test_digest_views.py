from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse

from commitments import digests
from commitments.models import Digest, DigestStatus, Subscription
from tests.conftest import NOW
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LIST = reverse("commitments:subscription-list")


def subscription_of(user, **kwargs) -> Subscription:
    return Subscription.objects.create(user=user, email=f"{user.username}@example.org", **kwargs)


def test_the_page_needs_a_login(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_form_is_prefilled_from_the_list_filter(viewer_client, viewer):
    viewer.email = "lezer@example.org"
    viewer.save()

    response = viewer_client.get(
        LIST, {"filter": "/toezeggingen/?ministry=Financi%C3%ABn&cursor=abc&q="}
    )

    form = response.context["form"]
    assert form.initial["query"] == "ministry=Financi%C3%ABn"


def test_subscribing_stores_the_normalised_filter(viewer_client, viewer):
    viewer.email = "lezer@example.org"
    viewer.save()
    response = viewer_client.post(
        reverse("commitments:subscription-create"),
        {
            "email": "someone-else@example.org",  # ignored: mail goes to the account
            "language": "en",
            "query": "http://x/toezeggingen/?status=open&ministry=Defensie&order=-due",
        },
    )

    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.user == viewer
    assert subscription.email == "lezer@example.org"
    assert subscription.query == "ministry=Defensie&status=open"
    assert subscription.language == "en"
    page = viewer_client.get(LIST)
    assert "Defensie" in page.content.decode()


def test_an_account_without_an_address_cannot_subscribe(viewer_client, viewer):
    response = viewer_client.post(
        reverse("commitments:subscription-create"), {"language": "nl", "query": ""}
    )
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_an_invalid_filter_is_refused(viewer_client):
    response = viewer_client.post(
        reverse("commitments:subscription-create"),
        {"email": "lezer@example.org", "language": "nl", "query": "due_within=soon"},
    )
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_pause_resume_and_unsubscribe_from_the_page(viewer_client, viewer):
    subscription = subscription_of(viewer)
    pause = reverse("commitments:subscription-pause", args=[subscription.pk])

    viewer_client.post(pause)
    subscription.refresh_from_db()
    assert subscription.paused
    viewer_client.post(pause)
    subscription.refresh_from_db()
    assert not subscription.paused

    viewer_client.post(reverse("commitments:subscription-delete", args=[subscription.pk]))
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    assert list(viewer_client.get(LIST).context["subscriptions"]) == []


def test_someone_elses_subscription_is_not_found(viewer_client):
    other = subscription_of(UserFactory(username="ander"))
    response = viewer_client.post(reverse("commitments:subscription-pause", args=[other.pk]))
    assert response.status_code == 404
    other.refresh_from_db()
    assert not other.paused


def test_the_signed_link_asks_first_then_unsubscribes_without_login():
    subscription = subscription_of(UserFactory(username="abonnee"))
    url = digests.unsubscribe_url(subscription).removeprefix(digests.settings.SITE_URL)
    client = Client(enforce_csrf_checks=True)  # mail clients post without a CSRF token

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "abonnee@example.org" in confirm.content.decode()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None  # a GET (link preview, scanner) changes nothing

    done = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: signing.dumps(999, salt=digests.UNSUBSCRIBE_SALT)[:-1] + "x",
        lambda token: signing.dumps(1, salt="another-salt"),
        lambda token: "not-a-token",
    ],
)
def test_a_forged_link_is_refused(client, forge):
    subscription = subscription_of(UserFactory(username="abonnee"))
    token = forge(digests.unsubscribe_token(subscription))

    response = client.post(reverse("commitments:unsubscribe", args=[token]))

    assert response.status_code == 400
    assert "not valid" in response.content.decode() or "niet geldig" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_an_expired_link_is_refused(client, settings):
    subscription = subscription_of(UserFactory(username="abonnee"))
    with time_machine.travel(NOW, tick=False):
        token = digests.unsubscribe_token(subscription)
    later = NOW + dt.timedelta(seconds=settings.DIGEST_UNSUBSCRIBE_MAX_AGE + 60)

    with time_machine.travel(later, tick=False):
        response = client.post(reverse("commitments:unsubscribe", args=[token]))

    assert response.status_code == 400
    assert response.context["invalid"] == "expired"
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_the_outbox_is_for_staff_only(viewer_client, client):
    staff = UserFactory(username="beheer", is_staff=True)
    subscription = subscription_of(UserFactory(username="abonnee"))
    Digest.objects.create(
        subscription=subscription,
        week_start=dt.date(2024, 3, 18),
        to_email=subscription.email,
        subject="Toezeggingen: 3 te laat",
        status=DigestStatus.SENT,
    )
    Digest.objects.create(
        subscription=subscription,
        week_start=dt.date(2024, 3, 11),
        to_email=subscription.email,
        status=DigestStatus.SKIPPED,
    )
    outbox = reverse("commitments:digest-outbox")

    assert viewer_client.get(outbox).status_code == 302
    client.force_login(staff)
    page = client.get(outbox).content.decode()
    assert "abonnee@example.org" in page and "Toezeggingen: 3 te laat" in page
    only_sent = client.get(outbox, {"status": "sent"})
    assert [d.status for d in only_sent.context["page"]] == [DigestStatus.SENT]


def test_the_admin_lists_digests_and_subscriptions(client):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    subscription = subscription_of(UserFactory(username="abonnee"))
    Digest.objects.create(
        subscription=subscription,
        week_start=dt.date(2024, 3, 18),
        to_email=subscription.email,
        status=DigestStatus.FAILED,
    )
    client.force_login(admin)

    assert client.get(reverse("admin:commitments_digest_changelist")).status_code == 200
    assert client.get(reverse("admin:commitments_subscription_changelist")).status_code == 200


def test_staff_read_a_digests_content_from_the_outbox(viewer_client, client):
    staff = UserFactory(username="beheer", is_staff=True)
    subscription = subscription_of(UserFactory(username="abonnee"))
    digest = Digest.objects.create(
        subscription=subscription,
        week_start=dt.date(2024, 3, 18),
        to_email=subscription.email,
        subject="Toezeggingen: 3 te laat",
        body_text="TZ-2024-0001 is 12 dagen te laat.",
        body_html="<p>TZ-2024-0001 <script>alert(1)</script></p>",
        status=DigestStatus.SENT,
    )
    detail = reverse("commitments:digest-detail", args=[digest.pk])
    assert viewer_client.get(detail).status_code == 302
    client.force_login(staff)
    assert detail in client.get(reverse("commitments:digest-outbox")).content.decode()
    page = client.get(detail).content.decode()
    assert "TZ-2024-0001 is 12 dagen te laat." in page
    # the HTML part only inside a sandboxed frame, escaped into its srcdoc
    assert "<script>alert(1)</script>" not in page
    assert "sandbox title=" in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
