from __future__ import annotations

import datetime as dt
import smtplib
import threading
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections

from commitments import digests
from commitments.models import Digest, DigestStatus, EventKind, Review, Status, Subscription
from commitments.tasks import create_digests_task, requeue_stuck_digests_task, send_digest_task
from tests.factories import CommitmentFactory, EventFactory, UserFactory

# Monday 18 March 2024, 08:00 in Amsterdam: when the weekly job runs.
MONDAY = dt.datetime(2024, 3, 18, 7, 0, tzinfo=dt.UTC)
MONDAY_DATE = dt.date(2024, 3, 18)
SITE = "http://tracker.example"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def subscribe(query: str = "", language: str = "en", **kwargs) -> Subscription:
    user = kwargs.pop("user", None) or UserFactory()
    return Subscription.objects.create(
        user=user, email=f"{user.username}@example.org", query=query, language=language, **kwargs
    )


@pytest.fixture
def week_of_news():
    """One commitment for every section, one for none, and one for another ministry."""
    fin = {"ministry": "Financiën"}
    made = {
        "newly": CommitmentFactory(
            number="TZ-2024-0001",
            text="Newly late",
            due_date=MONDAY_DATE - days(3),
            review=Review.PROPOSED,
            **fin,
        ),
        "old": CommitmentFactory(
            number="TZ-2024-0002",
            text="Long late",
            due_date=MONDAY_DATE - days(40),
            review=Review.CONFIRMED,
            **fin,
        ),
        "older": CommitmentFactory(
            number="TZ-2024-0003",
            text="Longer late",
            due_date=MONDAY_DATE - days(90),
            review=Review.CONFIRMED,
            **fin,
        ),
        "soon": CommitmentFactory(
            number="TZ-2024-0004",
            text="Due soon",
            due_date=MONDAY_DATE + days(5),
            review=Review.CONFIRMED,
            **fin,
        ),
        "later": CommitmentFactory(
            number="TZ-2024-0005", text="Due later", due_date=MONDAY_DATE + days(30), **fin
        ),
        "done": CommitmentFactory(
            number="TZ-2024-0006",
            text="Done this week",
            due_date=MONDAY_DATE - days(2),
            status=Status.FULFILLED,
            **fin,
        ),
        "done_long_ago": CommitmentFactory(
            number="TZ-2024-0007", text="Done long ago", status=Status.FULFILLED, **fin
        ),
        "elsewhere": CommitmentFactory(
            number="TZ-2024-0008",
            text="Other ministry",
            due_date=MONDAY_DATE - days(3),
            ministry="Defensie",
        ),
    }
    EventFactory(commitment=made["done"], kind=EventKind.FULFILLED, at=MONDAY - days(2))
    EventFactory(commitment=made["done_long_ago"], kind=EventKind.FULFILLED, at=MONDAY - days(20))
    return made


def test_the_week_is_computed_in_amsterdam():
    sunday_late_utc = dt.datetime(2024, 3, 17, 23, 30, tzinfo=dt.UTC)  # Monday 00:30 local
    assert digests.week_start_for(sunday_late_utc) == MONDAY_DATE
    assert digests.week_start_for(MONDAY + days(6)) == MONDAY_DATE
    assert digests.week_start_for(MONDAY - dt.timedelta(hours=9)) == MONDAY_DATE - days(7)


@time_machine.travel(MONDAY, tick=False)
def test_the_digest_has_four_sections_in_both_parts(week_of_news):
    subscription = subscribe("ministry=Financiën&status=open")

    report = digests.create_digests()

    digest = Digest.objects.get(subscription=subscription)
    assert report.to_send == [digest.pk]
    assert digest.status == DigestStatus.QUEUED
    assert digest.week_start == MONDAY_DATE
    assert digest.counts == {"newly_overdue": 1, "still_overdue": 2, "due_soon": 1, "fulfilled": 1}
    assert digest.subject == "Commitments: 3 overdue, 1 due soon (week of 18 March 2024)"
    assert "\n" not in digest.subject

    text = digest.body_text
    order = [
        text.index(h)
        for h in (
            "== Newly overdue (1) ==",
            "== Still overdue (2) ==",
            "== Due in the next 14 days (1) ==",
            "== Fulfilled this week (1) ==",
        )
    ]
    assert order == sorted(order)
    assert "- TZ-2024-0001: Newly late [unreviewed]" in text
    assert "due 15 March 2024, 3 days overdue" in text
    # Still overdue: oldest first, with days overdue.
    assert text.index("TZ-2024-0003") < text.index("TZ-2024-0002")
    assert "due 19 December 2023, 90 days overdue" in text
    assert "due 7 February 2024, 40 days overdue" in text
    assert "- TZ-2024-0004: Due soon\n  due 23 March 2024\n" in text
    assert "- TZ-2024-0006: Done this week" in text
    for absent in ("TZ-2024-0005", "TZ-2024-0007", "TZ-2024-0008"):
        assert absent not in text and absent not in digest.body_html
    assert f"{SITE}/toezeggingen/TZ-2024-0001/" in text
    assert f"{SITE}/afmelden/" in text
    assert f"{SITE}/abonnementen/" in text

    html = digest.body_html
    assert (
        f'<a href="{SITE}/toezeggingen/TZ-2024-0001/" style="color:#1565c0;">TZ-2024-0001</a>'
        in html
    )
    assert "Newly overdue (1)</h2>" in html
    assert "Still overdue (2)</h2>" in html
    assert "Due in the next 14 days (1)</h2>" in html
    assert "Fulfilled this week (1)</h2>" in html
    assert ">unreviewed</span>" in html
    assert "due 19 December 2023, 90 days overdue" in html
    assert f'href="{SITE}/afmelden/' in html
    assert "<style" not in html  # inline styles only


@time_machine.travel(MONDAY, tick=False)
def test_the_digest_is_written_in_the_subscribers_language(week_of_news):
    subscription = subscribe("ministry=Financiën", language="nl")

    digests.create_digests()

    digest = Digest.objects.get(subscription=subscription)
    assert digest.language == "nl"
    assert "18 maart 2024" in digest.subject
    assert "15 maart 2024" in digest.body_text
    assert 'lang="nl"' in digest.body_html


@time_machine.travel(MONDAY, tick=False)
def test_long_sections_are_cut_with_a_link_to_the_list():
    for n in range(digests.MAX_LINES + 3):
        CommitmentFactory(due_date=MONDAY_DATE - days(100 + n))
    subscription = subscribe("")

    digests.create_digests()

    digest = Digest.objects.get(subscription=subscription)
    assert digest.counts["still_overdue"] == digests.MAX_LINES + 3
    assert digest.body_text.count(f"{SITE}/toezeggingen/TZ-") == digests.MAX_LINES
    assert f"and 3 more: {SITE}/toezeggingen/?overdue=true" in digest.body_text


@time_machine.travel(MONDAY, tick=False)
def test_nothing_to_report_is_skipped_and_sends_no_mail(week_of_news):
    subscription = subscribe("ministry=Onderwijs")

    report = create_digests_task.apply().result

    digest = Digest.objects.get(subscription=subscription)
    assert digest.status == DigestStatus.SKIPPED
    assert digest.body_text == digest.body_html == ""
    assert report == {"created": 0, "skipped": 1, "existing": 0}
    assert mail.outbox == []


@time_machine.travel(MONDAY, tick=False)
def test_running_the_job_twice_creates_one_digest_per_subscription(week_of_news):
    subscriptions = [subscribe("ministry=Financiën") for _ in range(3)]
    paused = subscribe("ministry=Financiën", paused=True)

    first = digests.create_digests()
    second = digests.create_digests(now=MONDAY + dt.timedelta(hours=3))

    assert (first.created, first.existing) == (3, 0)
    assert (second.created, second.existing) == (0, 3)
    for subscription in subscriptions:
        assert subscription.digests.count() == 1
    assert not paused.digests.exists()


@time_machine.travel(MONDAY, tick=False)
def test_the_task_sends_each_digest_once_after_commit(
    week_of_news, django_capture_on_commit_callbacks
):
    subscribe("ministry=Financiën")
    subscribe("ministry=Financiën")

    with django_capture_on_commit_callbacks(execute=True):
        create_digests_task.apply()
    with django_capture_on_commit_callbacks(execute=True):
        create_digests_task.apply()  # a second run re-dispatches the sent ones: no-ops

    assert len(mail.outbox) == 2
    assert set(Digest.objects.values_list("status", flat=True)) == {DigestStatus.SENT}


@time_machine.travel(MONDAY, tick=False)
def test_sending_claims_the_row_and_sets_the_headers(week_of_news):
    subscription = subscribe("ministry=Financiën")
    digests.create_digests()
    digest = Digest.objects.get()

    assert digests.digest_send(digest_id=digest.pk) is True
    assert digests.digest_send(digest_id=digest.pk) is False

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    digest.refresh_from_db()
    assert digest.status == DigestStatus.SENT
    assert digest.sent_at == MONDAY
    assert digest.attempts == 1
    assert message.to == [subscription.email]
    assert message.subject == digest.subject
    assert message.body == digest.body_text
    assert message.alternatives[0][0] == digest.body_html
    assert message.alternatives[0][1] == "text/html"
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/afmelden/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["Message-ID"] == f"<digest-{digest.pk}-20240318@tracker.example>"


@time_machine.travel(MONDAY, tick=False)
def test_a_row_claimed_by_another_worker_is_not_sent_again(week_of_news):
    subscribe("ministry=Financiën")
    digests.create_digests()
    Digest.objects.update(status=DigestStatus.SENDING, claimed_at=MONDAY)

    assert send_digest_task.apply(args=[Digest.objects.get().pk]).result is False
    assert mail.outbox == []


@time_machine.travel(MONDAY, tick=False)
def test_unsubscribing_before_the_send_stops_the_mail(week_of_news):
    subscription = subscribe("ministry=Financiën")
    digests.create_digests()
    Subscription.objects.filter(pk=subscription.pk).update(unsubscribed_at=MONDAY)

    assert digests.digest_send(digest_id=Digest.objects.get().pk) is False
    assert Digest.objects.get().status == DigestStatus.SKIPPED
    assert mail.outbox == []


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection unexpectedly closed")


@time_machine.travel(MONDAY, tick=False)
def test_smtp_errors_are_retried_then_the_digest_fails(week_of_news, settings, monkeypatch):
    settings.EMAIL_BACKEND = "tests.test_digests.RefusingBackend"
    settings.DIGEST_SEND_MAX_RETRIES = 2
    subscribe("ministry=Financiën")
    digests.create_digests()
    digest = Digest.objects.get()

    # Eagerly, apply() runs the retries inline, unless it re-raises the Retry as an error.
    monkeypatch.setitem(send_digest_task.app.conf, "task_eager_propagates", False)
    send_digest_task.apply(args=[digest.pk])

    digest.refresh_from_db()
    assert digest.status == DigestStatus.FAILED
    assert digest.attempts == 3  # the first try and two retries
    assert "connection unexpectedly closed" in digest.last_error


@time_machine.travel(MONDAY, tick=False)
def test_the_reaper_requeues_stuck_sends_only(
    week_of_news, settings, django_capture_on_commit_callbacks
):
    settings.DIGEST_STUCK_AFTER_SECONDS = 600
    stuck, busy, fresh = (subscribe("ministry=Financiën") for _ in range(3))
    digests.create_digests(now=MONDAY - dt.timedelta(hours=1))
    Digest.objects.filter(subscription=stuck).update(
        status=DigestStatus.SENDING, claimed_at=MONDAY - dt.timedelta(minutes=11)
    )
    Digest.objects.filter(subscription=busy).update(
        status=DigestStatus.SENDING, claimed_at=MONDAY - dt.timedelta(minutes=2)
    )
    Digest.objects.filter(subscription=fresh).update(created_at=MONDAY - dt.timedelta(minutes=1))

    with django_capture_on_commit_callbacks(execute=True):
        assert requeue_stuck_digests_task.apply().result == 1

    assert Digest.objects.get(subscription=stuck).status == DigestStatus.SENT
    assert Digest.objects.get(subscription=busy).status == DigestStatus.SENDING
    assert Digest.objects.get(subscription=fresh).status == DigestStatus.QUEUED
    assert [m.to for m in mail.outbox] == [[stuck.email]]


def test_after_downtime_one_catch_up_digest_goes_out_not_a_backlog(week_of_news):
    subscription = subscribe("ministry=Financiën")
    three_weeks_ago = MONDAY - days(21)
    with time_machine.travel(three_weeks_ago, tick=False):
        digests.create_digests()
        digests.digest_send(digest_id=Digest.objects.get().pk)
    # A digest left queued when the server went down two weeks ago.
    Digest.objects.create(
        subscription=subscription,
        week_start=MONDAY_DATE - days(14),
        to_email=subscription.email,
        status=DigestStatus.QUEUED,
    )
    wednesday = MONDAY + days(2)

    with time_machine.travel(wednesday, tick=False):
        report = digests.create_digests()
        requeued = digests.requeue_stuck_digests()

    weeks = dict(subscription.digests.values_list("week_start", "status"))
    assert weeks == {
        MONDAY_DATE - days(21): DigestStatus.SENT,
        MONDAY_DATE - days(14): DigestStatus.FAILED,
        MONDAY_DATE: DigestStatus.QUEUED,
    }
    assert report.week_start == MONDAY_DATE
    assert report.created == 1
    assert requeued == []  # the catch-up was created just now; its own task sends it


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_create_one_digest_per_subscription():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to test")
    CommitmentFactory(ministry="Financiën", due_date=MONDAY_DATE - days(3))
    subscriptions = [subscribe("ministry=Financiën") for _ in range(30)]
    barrier = threading.Barrier(3)
    reports, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            reports.append(digests.create_digests(now=MONDAY))
        except BaseException as exc:  # noqa: B036 - asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert Digest.objects.count() == len(subscriptions)
    assert sum(r.created for r in reports) >= len(subscriptions)
    for subscription in subscriptions:
        assert subscription.digests.filter(week_start=MONDAY_DATE).count() == 1


@time_machine.travel(MONDAY, tick=False)
def test_senddigests_command_creates_sends_and_reports(week_of_news):
    a = subscribe("ministry=Financiën")
    subscribe("ministry=Onderwijs")
    out = StringIO()

    call_command("senddigests", stdout=out)
    call_command("senddigests", stdout=out)

    assert out.getvalue().splitlines() == [
        "Week of 2024-03-18: 1 digest(s) created, 1 skipped (nothing to report), 0 already there.",
        f"  sent to {a.email}",
        "1 sent, 0 left queued after a mail error.",
        "Week of 2024-03-18: 0 digest(s) created, 0 skipped (nothing to report), 2 already there.",
        "0 sent, 0 left queued after a mail error.",
    ]
    assert len(mail.outbox) == 1


@time_machine.travel(MONDAY, tick=False)
def test_senddigests_dry_run_creates_and_sends_nothing(week_of_news):
    a = subscribe("ministry=Financiën")
    b = subscribe("ministry=Onderwijs")
    out = StringIO()

    call_command("senddigests", "--dry-run", stdout=out)

    assert out.getvalue().splitlines() == [
        f"  {a.email}: would send (newly_overdue 1, still_overdue 2, due_soon 1, fulfilled 1)",
        f"  {b.email}: nothing to report (would skip)",
        "Dry run for the week of 2024-03-18: nothing created or sent.",
    ]
    assert not Digest.objects.exists()
    assert mail.outbox == []


@time_machine.travel(MONDAY, tick=False)
def test_a_saved_filter_that_no_longer_validates_fails_instead_of_following_everything(
    week_of_news,
):
    subscription = subscribe("status=archived")  # a status that no longer exists

    create_digests_task.apply()

    digest = Digest.objects.get(subscription=subscription)
    assert digest.status == DigestStatus.FAILED
    assert "status" in digest.last_error
    assert mail.outbox == []


@time_machine.travel(MONDAY, tick=False)
def test_a_non_smtp_error_fails_the_digest_instead_of_retrying_all_week(week_of_news, monkeypatch):
    subscribe("ministry=Financiën")
    digests.create_digests()
    digest = Digest.objects.get()

    def broken(*args, **kwargs):
        raise KeyError("template variable")

    monkeypatch.setattr(digests, "build_message", broken)
    with pytest.raises(KeyError):
        digests.digest_send(digest_id=digest.pk)
    digest.refresh_from_db()
    assert digest.status == DigestStatus.FAILED
    assert "KeyError" in digest.last_error
    assert mail.outbox == []
