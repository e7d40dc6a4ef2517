from __future__ import annotations

import datetime as dt
import threading
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection, connections

from commitments import services
from commitments.models import Commitment, Event, EventKind, Review, Status
from commitments.overdue import flag_overdue, flagged_commitments, unflag_no_longer_overdue
from commitments.tasks import flag_overdue_task
from tests.conftest import NOW
from tests.factories import CommitmentFactory

TODAY = dt.date(2024, 3, 15)  # NOW in Europe/Amsterdam
YESTERDAY = TODAY - dt.timedelta(days=1)
# 00:30 on 15 March in Amsterdam is still 14 March in UTC: the job must count in local days.
JUST_AFTER_LOCAL_MIDNIGHT = dt.datetime(2024, 3, 14, 23, 30, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db


def overdue_events(commitment=None):
    events = Event.objects.filter(kind=EventKind.OVERDUE)
    return events.filter(commitment=commitment) if commitment else events


@time_machine.travel(NOW, tick=False)
def test_due_yesterday_is_flagged_due_today_is_not():
    due_yesterday = CommitmentFactory(due_date=YESTERDAY)
    due_today = CommitmentFactory(due_date=TODAY)

    assert flag_overdue() == 1

    assert overdue_events(due_yesterday).count() == 1
    assert overdue_events(due_today).count() == 0
    event = overdue_events(due_yesterday).get()
    assert event.dedupe_key == f"overdue:{due_yesterday.pk}:{YESTERDAY}:1"
    assert event.user is None


@time_machine.travel(JUST_AFTER_LOCAL_MIDNIGHT, tick=False)
def test_the_day_turns_at_midnight_in_amsterdam_not_utc():
    commitment = CommitmentFactory(due_date=dt.date(2024, 3, 14))

    assert flag_overdue() == 1
    assert overdue_events(commitment).count() == 1


@time_machine.travel(NOW, tick=False)
def test_rerunning_writes_no_second_event():
    commitment = CommitmentFactory(due_date=YESTERDAY)

    assert flag_overdue() == 1
    assert flag_overdue() == 0
    assert flag_overdue(as_of=TODAY + dt.timedelta(days=3)) == 0

    assert overdue_events(commitment).count() == 1


@time_machine.travel(NOW, tick=False)
def test_only_open_visible_commitments_with_a_due_date_are_flagged():
    proposed = CommitmentFactory(due_date=YESTERDAY, review=Review.PROPOSED)
    partly = CommitmentFactory(due_date=YESTERDAY, status=Status.PARTLY_FULFILLED)
    CommitmentFactory(due_date=YESTERDAY, review=Review.REJECTED)
    CommitmentFactory(due_date=YESTERDAY, status=Status.FULFILLED)
    CommitmentFactory(due_date=YESTERDAY, status=Status.WITHDRAWN)
    CommitmentFactory(due_date=None)

    assert flag_overdue() == 2
    assert set(overdue_events().values_list("commitment", flat=True)) == {proposed.pk, partly.pk}


@time_machine.travel(NOW, tick=False)
def test_the_job_flags_what_the_shared_predicate_calls_overdue():
    from commitments.models import Commitment

    for offset in range(-3, 4):
        CommitmentFactory(due_date=TODAY + dt.timedelta(days=offset))

    flag_overdue()

    assert set(flagged_commitments().values_list("pk", flat=True)) == set(
        Commitment.objects.overdue(as_of=TODAY).values_list("pk", flat=True)
    )


@time_machine.travel(NOW, tick=False)
def test_a_backdated_run_flags_as_of_that_date():
    commitment = CommitmentFactory(due_date=TODAY - dt.timedelta(days=5))

    assert flag_overdue(as_of=TODAY - dt.timedelta(days=5)) == 0
    assert flag_overdue(as_of=TODAY - dt.timedelta(days=4)) == 1
    assert overdue_events(commitment).count() == 1


@time_machine.travel(NOW, tick=False)
def test_fulfilling_unflags_and_reopening_flags_again_once(analyst):
    commitment = CommitmentFactory(due_date=YESTERDAY)
    flag_overdue()

    services.commitment_fulfil(
        commitment=commitment,
        user=analyst,
        version=None,
        url="https://example.org/x",
        note="Brief gestuurd",
    )
    assert commitment.events.filter(kind=EventKind.NO_LONGER_OVERDUE).count() == 1
    assert flag_overdue() == 0
    assert not flagged_commitments().filter(pk=commitment.pk).exists()

    services.commitment_reopen(commitment=commitment, user=analyst, version=None)
    assert flag_overdue() == 1
    assert flag_overdue() == 0

    keys = list(overdue_events(commitment).order_by("id").values_list("dedupe_key", flat=True))
    assert keys == [
        f"overdue:{commitment.pk}:{YESTERDAY}:1",
        f"overdue:{commitment.pk}:{YESTERDAY}:2",
    ]
    assert flagged_commitments().filter(pk=commitment.pk).exists()


@time_machine.travel(NOW, tick=False)
def test_a_later_due_date_unflags_and_the_job_leaves_it_alone(analyst):
    commitment = CommitmentFactory(due_date=YESTERDAY)
    flag_overdue()

    services.commitment_edit(
        commitment=commitment,
        user=analyst,
        version=None,
        reason="Uitgesteld",
        due_date=TODAY + dt.timedelta(days=30),
    )

    assert commitment.events.filter(kind=EventKind.NO_LONGER_OVERDUE).count() == 1
    assert flag_overdue() == 0
    assert not flagged_commitments().filter(pk=commitment.pk).exists()

    # Once the new date passes, it becomes overdue again, with a fresh key.
    assert flag_overdue(as_of=TODAY + dt.timedelta(days=31)) == 1
    assert overdue_events(commitment).order_by("-id").first().dedupe_key == (
        f"overdue:{commitment.pk}:{TODAY + dt.timedelta(days=30)}:2"
    )


@time_machine.travel(NOW, tick=False)
def test_the_task_runs_the_job():
    commitment = CommitmentFactory(due_date=YESTERDAY)

    result = flag_overdue_task.apply()

    assert result.successful()
    assert result.result == 1
    assert overdue_events(commitment).count() == 1


@time_machine.travel(NOW, tick=False)
def test_flagoverdue_command_prints_what_it_did():
    CommitmentFactory(due_date=YESTERDAY)
    CommitmentFactory(due_date=TODAY)
    out = StringIO()

    call_command("flagoverdue", stdout=out)
    call_command("flagoverdue", "--date", "2024-03-16", stdout=out)

    assert out.getvalue().splitlines() == [
        "2024-03-15: 1 commitment(s) became overdue.",
        "2024-03-16: 1 commitment(s) became overdue.",
    ]


@pytest.mark.parametrize("bad", ["2024-13-01", "15-03-2024", "tomorrow", ""])
def test_flagoverdue_command_refuses_a_malformed_date(bad):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("flagoverdue", "--date", bad)
    assert not Event.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@time_machine.travel(NOW, tick=False)
def test_concurrent_runs_write_one_event_per_commitment():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to test")
    commitments = [CommitmentFactory(due_date=YESTERDAY) for _ in range(50)]
    workers = 4
    barrier = threading.Barrier(workers)
    written: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            written.append(flag_overdue(as_of=TODAY))
        except BaseException as exc:  # noqa: B036 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sum(written) == len(commitments)
    assert overdue_events().count() == len(commitments)


@time_machine.travel(NOW, tick=False)
def test_a_flag_that_slipped_past_the_services_is_healed_once():
    commitment = CommitmentFactory(due_date=YESTERDAY)
    assert flag_overdue() == 1
    # Fulfilled behind the services' back (e.g. while the job was inserting its event).
    type(commitment).objects.filter(pk=commitment.pk).update(status=Status.FULFILLED)
    still_overdue = CommitmentFactory(due_date=YESTERDAY)
    flag_overdue()

    assert unflag_no_longer_overdue() == 1
    assert unflag_no_longer_overdue() == 0
    assert list(commitment.events.values_list("kind", flat=True)) == [
        EventKind.OVERDUE,
        EventKind.NO_LONGER_OVERDUE,
    ]
    assert set(flagged_commitments()) == {still_overdue}


def test_the_migration_backfills_the_flag_state_from_the_timeline():
    """Databases from before the flag state: the migration reads it off the events."""
    import importlib

    from django.apps import apps

    backfill = importlib.import_module("commitments.migrations.0012_overdue_flag_state").backfill
    flagged_twice = CommitmentFactory(due_date=YESTERDAY)
    unflagged = CommitmentFactory(due_date=YESTERDAY)
    never = CommitmentFactory(due_date=YESTERDAY)
    for commitment, kinds in (
        (flagged_twice, [EventKind.OVERDUE, EventKind.NO_LONGER_OVERDUE, EventKind.OVERDUE]),
        (unflagged, [EventKind.OVERDUE, EventKind.NO_LONGER_OVERDUE]),
    ):
        for n, kind in enumerate(kinds):
            Event.objects.create(
                commitment=commitment, kind=kind, dedupe_key=f"k{commitment.pk}{n}"
            )

    backfill(apps, None)

    state = dict(Commitment.objects.values_list("pk", "overdue_flagged").order_by().distinct())
    counts = dict(Commitment.objects.values_list("pk", "overdue_flag_count"))
    assert state == {flagged_twice.pk: True, unflagged.pk: False, never.pk: False}
    assert counts == {flagged_twice.pk: 2, unflagged.pk: 1, never.pk: 0}
    with time_machine.travel(NOW, tick=False):
        # The next run flags the two that are overdue and not flagged, with the next n.
        assert flag_overdue() == 2
    assert overdue_events(unflagged).filter(dedupe_key__endswith=f"{YESTERDAY}:2").exists()
