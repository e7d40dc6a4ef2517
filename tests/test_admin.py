from __future__ import annotations

import pytest
from django.urls import reverse

from commitments.models import EventKind, Statement, Subscription
from tests.factories import CommitmentFactory, LetterFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="beheer", is_staff=True, is_superuser=True))
    return client


def test_back_office_edits_go_through_the_service_and_leave_an_event(admin_client):
    commitment = CommitmentFactory()
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        text="Herschreven in de backoffice",
        due_date="2024-12-31",
        **{"events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0},
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    commitment.refresh_from_db()
    assert commitment.text == "Herschreven in de backoffice"
    event = commitment.events.get()
    assert event.kind == EventKind.EDITED
    assert set(event.changes) == {"text", "due_date"}


def test_status_and_number_cannot_be_changed_or_added_in_the_back_office(admin_client):
    commitment = CommitmentFactory()
    form = (
        admin_client.get(reverse("admin:commitments_commitment_change", args=[commitment.pk]))
        .context["adminform"]
        .form
    )
    assert "status" not in form.fields and "number" not in form.fields
    assert admin_client.get(reverse("admin:commitments_commitment_add")).status_code == 403


def test_withdraw_action_writes_the_event(admin_client):
    commitment = CommitmentFactory()
    admin_client.post(
        reverse("admin:commitments_commitment_changelist"),
        {"action": "withdraw", "_selected_action": [commitment.pk]},
    )
    commitment.refresh_from_db()
    assert commitment.status == "withdrawn"
    assert commitment.events.get().kind == EventKind.WITHDRAWN


def test_a_commitment_cannot_be_deleted_in_the_back_office(admin_client):
    """Deleting would take the timeline with it; the back office offers withdraw instead."""
    from commitments.services import record_event

    commitment = CommitmentFactory()
    record_event(commitment, EventKind.NOTE, note="on the timeline")
    change = admin_client.get(reverse("admin:commitments_commitment_change", args=[commitment.pk]))
    assert reverse("admin:commitments_commitment_delete", args=[commitment.pk]) not in (
        change.content.decode()
    )
    response = admin_client.post(
        reverse("admin:commitments_commitment_delete", args=[commitment.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    changelist = admin_client.get(reverse("admin:commitments_commitment_changelist"))
    assert 'value="delete_selected"' not in changelist.content.decode()
    admin_client.post(
        reverse("admin:commitments_commitment_changelist"),
        {"action": "delete_selected", "_selected_action": [commitment.pk], "post": "yes"},
    )
    commitment.refresh_from_db()  # still there, with its timeline
    assert commitment.events.exists()


def test_a_letter_cannot_be_deleted_in_the_back_office(admin_client):
    commitment = CommitmentFactory()
    letter = commitment.letter
    response = admin_client.post(
        reverse("admin:commitments_letter_delete", args=[letter.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    admin_client.post(
        reverse("admin:commitments_letter_changelist"),
        {"action": "delete_selected", "_selected_action": [letter.pk], "post": "yes"},
    )
    letter.refresh_from_db()


def test_subscriptions_change_in_the_back_office_only_through_the_services(admin_client):
    user = UserFactory(username="volger", email="volger@example.org")
    subscription = Subscription.objects.create(user=user, email=user.email, query="")
    changelist = reverse("admin:commitments_subscription_changelist")

    def act(action: str) -> Subscription:
        response = admin_client.post(
            changelist, {"action": action, "_selected_action": [subscription.pk]}
        )
        assert response.status_code == 302
        return Subscription.objects.get(pk=subscription.pk)

    assert act("pause").paused
    assert not act("resume").paused
    assert act("unsubscribe").unsubscribed_at is not None
    # No hand edits, additions or deletions that would bypass them.
    change = reverse("admin:commitments_subscription_change", args=[subscription.pk])
    assert "email" not in admin_client.get(change).context["adminform"].form.fields
    assert admin_client.get(reverse("admin:commitments_subscription_add")).status_code == 403
    delete = reverse("admin:commitments_subscription_delete", args=[subscription.pk])
    assert admin_client.get(delete).status_code == 403


def test_statements_are_read_only_in_the_back_office(admin_client):
    letter = LetterFactory()
    statement = Statement.objects.create(
        letter=letter, kind="reference", quote="x", span_start=0, span_end=1
    )
    change = reverse("admin:commitments_statement_change", args=[statement.pk])
    assert not admin_client.get(change).context["adminform"].form.fields
    assert admin_client.get(reverse("admin:commitments_statement_add")).status_code == 403
