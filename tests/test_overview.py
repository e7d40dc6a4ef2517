"""The overview on the home page: every number equals the count of the list it links to."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
import time_machine
from django.http import QueryDict
from django.urls import reverse

from commitments.filters import filter_commitments
from commitments.models import EventKind, Review, Status
from tests.factories import CommitmentFactory, EventFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2024, 6, 15, 12, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def varied():
    def make(**fields):
        return CommitmentFactory(span_start=None, span_end=None, **fields)

    rows = [
        make(ministry="Defensie", due_date=days(-10), committee="Defensie"),
        make(ministry="Defensie", due_date=days(-45)),
        make(ministry="Defensie", due_date=days(-200), status=Status.PARTLY_FULFILLED),
        make(ministry="Financiën", due_date=days(-500)),
        make(ministry="Financiën", due_date=days(10)),
        make(ministry="Financiën", due_date=days(40), made_on=days(-100)),
        make(ministry="", due_date=days(5)),
        make(ministry="Defensie", due_date=days(-3), review=Review.REJECTED),
    ]
    on_time = make(ministry="Defensie", due_date=days(20), status=Status.FULFILLED)
    EventFactory(commitment=on_time, kind=EventKind.FULFILLED, at=NOW - dt.timedelta(days=2))
    late = make(ministry="Financiën", due_date=days(-60), status=Status.FULFILLED)
    EventFactory(commitment=late, kind=EventKind.FULFILLED, at=NOW - dt.timedelta(days=30))
    old = make(ministry="Financiën", due_date=days(-400), status=Status.FULFILLED)
    EventFactory(commitment=old, kind=EventKind.FULFILLED, at=NOW - dt.timedelta(days=380))
    return rows


def linked_numbers(html: str) -> list[tuple[int, str]]:
    pairs = re.findall(r'<a href="([^"]*/toezeggingen/\?[^"]*)"[^>]*>\s*(?:<strong>)?(\d+)', html)
    return [(int(number), unescape(href)) for href, number in pairs]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("params", [{}, {"ministry": "Defensie"}, {"committee": "Defensie"}])
def test_every_number_is_the_count_of_the_list_it_links_to(client, varied, params):
    html = client.get(reverse("commitments:home"), params).content.decode()
    pairs = linked_numbers(html)
    assert len(pairs) > 20
    assert any(number > 0 for number, _ in pairs)
    for number, href in pairs:
        query = QueryDict(urlsplit(href).query)
        for key, value in params.items():
            assert query.get(key) == value, href  # the overview's own filter is kept
        filterset = filter_commitments(query)
        assert filterset.is_valid(), (href, filterset.errors)
        assert filterset.qs.count() == number, href


@time_machine.travel(NOW, tick=False)
def test_the_headline_and_the_ministries(client, varied):
    page = client.get(reverse("commitments:home"))
    overview = page.context["overview"]
    assert [f.value for f in overview.headline] == [7, 4, 2, 2]  # open, overdue, 30 days, kept
    assert [f.value for f in overview.by_age] == [1, 1, 1, 1]
    rows = {row.ministry: row for row in overview.ministries}
    assert rows["Defensie"].overdue.value == 3
    assert rows["Defensie"].kept_on_time == 1.0
    assert rows["Financiën"].kept_on_time == 0.0
    assert rows["Financiën"].median_days_late == 500
    assert rows["Defensie"].median_days_late == 45


@time_machine.travel(NOW, tick=False)
def test_the_charts_are_svg_with_their_numbers_as_tables(client, varied):
    html = client.get(reverse("commitments:home")).content.decode()
    assert html.count("<svg") == 2
    assert html.count("<table") >= 3
    assert re.search(r'<rect x="150" y="0" width="[\d.]+"', html)  # not "0,0": not localized


@time_machine.travel(NOW, tick=False)
def test_the_numbers_follow_every_change_though_cached(client, varied):
    from commitments.models import Commitment, Event

    def headline() -> list[int]:
        page = client.get(reverse("commitments:home"))
        return [f.value for f in page.context["overview"].headline]

    assert headline() == [7, 4, 2, 2]
    assert headline() == [7, 4, 2, 2]  # from the cache
    CommitmentFactory(span_start=None, span_end=None, due_date=days(3))  # a save
    assert headline() == [8, 4, 3, 2]
    # A bulk job writes no signal, but its events are new: one open commitment is kept.
    row = Commitment.objects.filter(ministry="Financiën", due_date=days(10)).get()
    Commitment.objects.filter(pk=row.pk).update(status=Status.FULFILLED)
    Event.objects.bulk_create([Event(commitment=row, kind=EventKind.FULFILLED, at=NOW)])
    assert headline() == [7, 4, 2, 3]


@time_machine.travel(NOW, tick=False)
def test_after_a_change_the_last_numbers_are_served_while_a_worker_counts(varied):
    from commitments.overview import build_overview, refresh_overview_for

    queued: list[tuple[dict, dt.date]] = []

    def overview(params: dict[str, list[str]]):
        query = QueryDict(mutable=True)
        for name, values in params.items():
            query.setlist(name, values)
        filtered = filter_commitments(query).qs
        return build_overview(filtered, params, TODAY, refresh=lambda p, d: queued.append((p, d)))

    first = overview({})
    assert [f.value for f in first.headline] == [7, 4, 2, 2]
    assert not first.stale and first.computed_at == NOW and queued == []
    CommitmentFactory(span_start=None, span_end=None, due_date=days(3))
    served = overview({})
    assert served.stale and [f.value for f in served.headline] == [7, 4, 2, 2]
    assert queued == [({}, TODAY)]
    assert overview({}).stale and len(queued) == 1  # one count at a time, not one per visitor
    assert refresh_overview_for({}, TODAY) is True
    fresh = overview({})
    assert not fresh.stale and [f.value for f in fresh.headline] == [8, 4, 3, 2]
    assert refresh_overview_for({}, TODAY) is False  # nothing changed: nothing counted
    # Another filter is counted apart.
    assert [f.value for f in overview({"ministry": ["Defensie"]}).headline][0] == 3


@time_machine.travel(NOW, tick=False)
def test_the_page_says_when_it_counted(client, varied):
    page = client.get(reverse("commitments:home"), HTTP_ACCEPT_LANGUAGE="nl")
    assert "Geteld om 14:00." in page.content.decode()  # 12:00 UTC in Amsterdam's summer


@time_machine.travel(NOW, tick=False)
def test_the_refresh_task_counts_only_after_a_change(varied):
    from commitments.tasks import refresh_overview_task

    assert refresh_overview_task.delay().get() is True  # nothing counted yet
    assert refresh_overview_task.delay({}, TODAY.isoformat()).get() is False
    CommitmentFactory(span_start=None, span_end=None, due_date=days(3))
    assert refresh_overview_task.delay({}, TODAY.isoformat()).get() is True
    assert refresh_overview_task.delay({"due_within": ["x"]}).get() is False  # invalid filter


@time_machine.travel(NOW, tick=False)
def test_a_broker_that_is_down_still_gets_the_last_numbers(varied):
    from commitments.overview import build_overview

    def broker_down(params, day):
        raise ConnectionRefusedError("no broker")

    filtered = filter_commitments(QueryDict()).qs
    build_overview(filtered, {}, TODAY, refresh=broker_down)
    CommitmentFactory(span_start=None, span_end=None, due_date=days(3))
    served = build_overview(filter_commitments(QueryDict()).qs, {}, TODAY, refresh=broker_down)
    assert served.stale and [f.value for f in served.headline] == [7, 4, 2, 2]
