from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from commitments.models import Commitment
from commitments.pagination import bounded_count, keyset_page
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def walk(field: str, direction: str, size: int) -> list[str]:
    seen, cursor = [], None
    while True:
        page = keyset_page(Commitment.objects.all(), field, direction, cursor, size)
        seen += [c.number for c in page.rows]
        if not page.next_cursor:
            return seen
        cursor = page.next_cursor


@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_walking_all_pages_yields_each_row_once_in_order_nulls_last(direction):
    dates = [dt.date(2024, 1, 1 + i % 4) for i in range(9)] + [None, None, None]
    for i, due in enumerate(dates):
        CommitmentFactory(number=f"N{i:02d}", due_date=due)
    expected = sorted(
        Commitment.objects.all(),
        key=lambda c: (
            c.due_date is None,
            (c.due_date.toordinal() if c.due_date else 0) * (-1 if direction == "desc" else 1),
            c.pk * (-1 if direction == "desc" else 1),
        ),
    )
    assert walk("due_date", direction, 4) == [c.number for c in expected]


def test_forged_cursor_falls_back_to_the_first_page():
    CommitmentFactory(number="A")
    page = keyset_page(Commitment.objects.all(), "due_date", "asc", "not-a-cursor", 10)
    assert page.is_first and [c.number for c in page.rows] == ["A"]


def test_bounded_count():
    CommitmentFactory.create_batch(5)
    assert bounded_count(Commitment.objects.all(), limit=3) == (3, True)
    assert bounded_count(Commitment.objects.all(), limit=10) == (5, False)


def test_list_pages_through_next_links(client):
    for i in range(55):
        CommitmentFactory(number=f"TZ-2024-{i:04d}")
    first = client.get(reverse("commitments:list"), {"order": "number"})
    assert len(first.context["commitments"]) == 50
    second = client.get(reverse("commitments:list") + "?" + first.context["next_query"])
    assert [c.number for c in second.context["commitments"]] == [
        f"TZ-2024-{i:04d}" for i in range(50, 55)
    ]
    assert second.context["page"].next_cursor is None


@pytest.mark.parametrize(
    "order", ["number", "-number", "made", "-made", "-due", "-confidence", "confidence"]
)
def test_every_sort_order_pages_through_all_rows(client, order, monkeypatch):
    monkeypatch.setattr("commitments.views.commitments.PAGE_SIZE", 2)
    for i in range(7):
        CommitmentFactory(
            number=f"TZ-2024-{i:04d}",
            made_on=dt.date(2024, 1, 1 + i % 3),
            due_date=None if i == 3 else dt.date(2024, 5, 1 + i),
            confidence=None if i == 5 else round(0.3 + 0.1 * (i % 4), 2),
        )
    seen, query, pages = [], f"order={order}", 0
    for _ in range(10):
        pages += 1
        response = client.get(reverse("commitments:list") + "?" + query)
        assert response.status_code == 200
        seen += [c.number for c in response.context["commitments"]]
        if not response.context["page"].next_cursor:
            break
        query = response.context["next_query"]
    assert pages == 4
    assert sorted(seen) == [f"TZ-2024-{i:04d}" for i in range(7)]
    assert len(seen) == 7


def test_a_cursor_from_another_sort_order_shows_the_first_page(client):
    for i in range(55):
        CommitmentFactory(number=f"TZ-2024-{i:04d}")
    by_number = client.get(reverse("commitments:list"), {"order": "number"})
    cursor = by_number.context["page"].next_cursor
    response = client.get(reverse("commitments:list"), {"order": "due", "cursor": cursor})
    assert response.status_code == 200
    assert response.context["page"].is_first
