from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from commitments import services
from commitments.models import Commitment, Event, EventKind, Review, Status
from commitments.overdue import flag_overdue
from tests.conftest import NOW
from tests.factories import CommitmentFactory, LetterFactory

pytestmark = pytest.mark.django_db


def kinds(commitment: Commitment) -> list[str]:
    return list(commitment.events.order_by("at", "id").values_list("kind", flat=True))


def test_create_numbers_by_year_and_writes_made_event():
    letter = LetterFactory(date=dt.date(2023, 5, 1))
    quote = "Ik zal uw Kamer voor de zomer informeren over de voortgang."
    start = letter.text.index(quote)
    first = services.commitment_create(
        text="a", quote=quote, letter=letter, span=(start, start + len(quote))
    )
    second = services.commitment_create(
        text="b", quote=quote, letter=letter, span=(start, start + len(quote))
    )
    assert (first.number, second.number) == ("TZ-2023-0001", "TZ-2023-0002")
    assert kinds(first) == [EventKind.MADE]
    assert first.made_on == dt.date(2023, 5, 1)


def test_create_refuses_a_span_that_does_not_hold_the_quote():
    letter = LetterFactory()
    with pytest.raises(ValidationError):
        services.commitment_create(text="a", quote="niet in de brief", letter=letter, span=(0, 16))
    assert Commitment.objects.count() == 0


@pytest.mark.parametrize(
    "service, kwargs, expected_status, expected_event",
    [
        (
            services.commitment_fulfil,
            {"url": "https://example.org/x", "note": "zie bijlage"},
            Status.FULFILLED,
            EventKind.FULFILLED,
        ),
        (
            services.commitment_fulfil,
            {"partly": True, "url": "https://example.org/x", "note": "deels"},
            Status.PARTLY_FULFILLED,
            EventKind.PARTLY_FULFILLED,
        ),
        (
            services.commitment_withdraw,
            {"note": "vervallen"},
            Status.WITHDRAWN,
            EventKind.WITHDRAWN,
        ),
    ],
)
def test_status_changes_write_their_event(
    analyst, service, kwargs, expected_status, expected_event
):
    commitment = CommitmentFactory()
    service(commitment=commitment, user=analyst, version=commitment.version, **kwargs)
    commitment.refresh_from_db()
    assert commitment.status == expected_status
    event = commitment.events.get(kind=expected_event)
    assert event.user == analyst
    assert (event.old_status, event.new_status) == (Status.OPEN, expected_status)


def test_fulfil_citing_a_letter(analyst):
    commitment = CommitmentFactory()
    later = LetterFactory()
    services.commitment_fulfil(commitment=commitment, user=analyst, version=1, letter=later)
    assert commitment.events.get(kind=EventKind.FULFILLED).letter == later


def test_fulfil_needs_a_letter_or_a_url_with_a_note(analyst):
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError):
        services.commitment_fulfil(commitment=commitment, user=analyst, version=1)
    with pytest.raises(ValidationError):
        services.commitment_fulfil(
            commitment=commitment, user=analyst, version=1, url="https://example.org"
        )
    commitment.refresh_from_db()
    assert commitment.status == Status.OPEN
    assert not commitment.events.exists()


def test_reopen_after_fulfil(analyst):
    commitment = CommitmentFactory(status=Status.FULFILLED)
    services.commitment_reopen(commitment=commitment, user=analyst, version=1, note="toch niet")
    commitment.refresh_from_db()
    assert commitment.status == Status.OPEN
    assert kinds(commitment) == [EventKind.REOPENED]


def test_confirm_and_reject(analyst):
    good, bad = CommitmentFactory(), CommitmentFactory()
    services.commitment_confirm(commitment=good, user=analyst, version=1)
    services.commitment_reject(commitment=bad, user=analyst, version=1, reason="geen belofte")
    good.refresh_from_db()
    bad.refresh_from_db()
    assert (good.review, bad.review) == (Review.CONFIRMED, Review.REJECTED)
    assert kinds(good) == [EventKind.CONFIRMED]
    assert bad.events.get().note == "geen belofte"
    assert bad not in Commitment.objects.visible()


def test_edit_records_old_and_new_values_and_reason(analyst):
    commitment = CommitmentFactory(due_date=dt.date(2024, 7, 1))
    services.commitment_edit(
        commitment=commitment,
        user=analyst,
        version=1,
        reason="brief noemt september",
        due_date=dt.date(2024, 9, 30),
    )
    event = commitment.events.get()
    assert event.kind == EventKind.DEADLINE_CHANGED
    assert event.changes == {"due_date": ["2024-07-01", "2024-09-30"]}
    assert event.note == "brief noemt september"
    services.commitment_edit(
        commitment=commitment, user=analyst, version=2, reason="preciezer", text="Nieuwe tekst"
    )
    assert commitment.events.order_by("-id").first().kind == EventKind.EDITED
    commitment.refresh_from_db()
    assert commitment.edited and commitment.text == "Nieuwe tekst"


def test_edit_needs_a_reason(analyst):
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError):
        services.commitment_edit(
            commitment=commitment, user=analyst, version=1, reason=" ", text="x"
        )
    assert not commitment.events.exists()


def test_second_analyst_on_a_stale_version_gets_a_conflict(analyst):
    commitment = CommitmentFactory()
    first_view = Commitment.objects.get(pk=commitment.pk)
    second_view = Commitment.objects.get(pk=commitment.pk)
    services.commitment_edit(
        commitment=first_view,
        user=analyst,
        version=first_view.version,
        reason="eerste",
        text="Eerste versie",
    )
    with pytest.raises(services.EditConflict):
        services.commitment_edit(
            commitment=second_view,
            user=analyst,
            version=second_view.version,
            reason="tweede",
            text="Tweede versie",
        )
    commitment.refresh_from_db()
    assert commitment.text == "Eerste versie"
    assert commitment.events.count() == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda c, u: services.commitment_confirm(commitment=c, user=u, version=1),
        lambda c, u: services.commitment_reject(commitment=c, user=u, version=1),
        lambda c, u: services.commitment_edit(
            commitment=c, user=u, version=1, reason="r", text="x"
        ),
        lambda c, u: services.commitment_fulfil(
            commitment=c, user=u, version=1, url="https://e.org", note="n"
        ),
        lambda c, u: services.commitment_withdraw(commitment=c, user=u, version=1),
        lambda c, u: services.commitment_reopen(commitment=c, user=u, version=1),
        lambda c, u: services.commitment_add_note(commitment=c, user=u, note="n"),
    ],
)
def test_viewers_cannot_change_anything(viewer, call):
    commitment = CommitmentFactory(status=Status.FULFILLED)
    with pytest.raises(PermissionDenied):
        call(commitment, viewer)
    commitment.refresh_from_db()
    assert commitment.version == 1
    assert not Event.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_fulfilling_a_flagged_commitment_unflags_it(analyst):
    commitment = CommitmentFactory(due_date=dt.date(2024, 3, 1))
    assert flag_overdue() == 1
    services.commitment_fulfil(
        commitment=commitment, user=analyst, version=1, url="https://e.org", note="gedaan"
    )
    assert kinds(commitment)[-2:] == [EventKind.FULFILLED, EventKind.NO_LONGER_OVERDUE]
    commitment.refresh_from_db()
    assert not commitment.overdue_flagged
    assert flag_overdue() == 0  # fulfilled: not flagged again


@time_machine.travel(NOW, tick=False)
def test_moving_the_due_date_into_the_future_unflags_it(analyst):
    commitment = CommitmentFactory(due_date=dt.date(2024, 3, 1))
    assert flag_overdue() == 1
    services.commitment_edit(
        commitment=commitment,
        user=analyst,
        version=1,
        reason="uitgesteld",
        due_date=dt.date(2024, 12, 31),
    )
    assert kinds(commitment)[-1] == EventKind.NO_LONGER_OVERDUE
    assert not Commitment.objects.flagged_overdue().exists()


def test_dedupe_key_writes_an_event_once():
    commitment = CommitmentFactory()
    assert services.record_event(commitment, EventKind.REFERENCED, dedupe_key="k") is not None
    assert services.record_event(commitment, EventKind.REFERENCED, dedupe_key="k") is None
    assert commitment.events.count() == 1


def test_numbers_keep_counting_past_9999_and_are_never_reused():
    letter = LetterFactory(date=dt.date(2026, 1, 5))
    CommitmentFactory(number="TZ-2026-9999", letter=letter)
    first = services.commitment_create(text="a", letter=letter)
    second = services.commitment_create(text="b", letter=letter)
    assert (first.number, second.number) == ("TZ-2026-10000", "TZ-2026-10001")
    second.delete()
    assert services.commitment_create(text="c", letter=letter).number == "TZ-2026-10002"


def test_confirming_twice_or_rejecting_a_decided_commitment_is_refused(analyst):
    commitment = CommitmentFactory()
    services.commitment_confirm(commitment=commitment, user=analyst, version=1)
    with pytest.raises(ValidationError):
        services.commitment_confirm(commitment=commitment, user=analyst, version=2)
    with pytest.raises(ValidationError):
        services.commitment_reject(commitment=commitment, user=analyst, version=2)
    commitment.refresh_from_db()
    assert (commitment.version, commitment.review) == (2, Review.CONFIRMED)
    assert kinds(commitment) == [EventKind.CONFIRMED]


def test_revising_a_proposal_leaves_a_trace_and_invalidates_open_forms():
    commitment = CommitmentFactory(due_date=dt.date(2024, 7, 1))
    services.revise_proposal(commitment, {"due_date": dt.date(2024, 9, 30), "confidence": 0.5})
    commitment.refresh_from_db()
    assert commitment.version == 2
    event = commitment.events.get()
    assert event.kind == EventKind.DEADLINE_CHANGED
    assert event.changes == {"due_date": ["2024-07-01", "2024-09-30"]}
    assert event.user is None
    services.revise_proposal(commitment, {"due_date": dt.date(2024, 9, 30)})
    commitment.refresh_from_db()
    assert commitment.version == 2 and commitment.events.count() == 1
