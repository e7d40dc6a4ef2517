from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from commitments.filters import filter_commitments
from commitments.models import Review, Status
from tests.conftest import NOW
from tests.factories import CommitmentFactory, LetterFactory

pytestmark = pytest.mark.django_db


def numbers(params) -> set[str]:
    filterset = filter_commitments(params)
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("number", flat=True))


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"status": ["fulfilled"]}, {"B"}),
        ({"ministry": "Defensie"}, {"B"}),
        ({"actor": "kabinet"}, {"A"}),
        ({"committee": "BuZa"}, {"A"}),
        ({"kind": "action"}, {"B"}),
        ({"review": "confirmed"}, {"B"}),
        ({"q": "Mali evaluatie"}, {"A"}),
        ({"q": "MALI"}, {"A"}),
        ({"due_after": "2024-05-01"}, {"B"}),
        ({"due_before": "2024-05-01"}, {"A"}),
    ],
)
def test_each_filter(params, expected):
    CommitmentFactory(
        number="A",
        text="De evaluatie van de missie in Mali",
        actor="kabinet",
        committee="BuZa",
        due_date=dt.date(2024, 3, 1),
    )
    CommitmentFactory(
        number="B",
        text="Brief over Niger",
        ministry="Defensie",
        kind="action",
        status=Status.FULFILLED,
        review=Review.CONFIRMED,
        due_date=dt.date(2024, 6, 1),
    )
    assert numbers(params) == expected


def test_source_letter_filter():
    letter = LetterFactory()
    CommitmentFactory(number="A", letter=letter)
    CommitmentFactory(number="B")
    assert numbers({"letter": letter.pk}) == {"A"}


@time_machine.travel(NOW, tick=False)  # 2024-03-15
def test_overdue_and_due_within():
    CommitmentFactory(number="past", due_date=dt.date(2024, 3, 14))
    CommitmentFactory(number="today", due_date=dt.date(2024, 3, 15))
    CommitmentFactory(number="soon", due_date=dt.date(2024, 3, 20))
    CommitmentFactory(number="later", due_date=dt.date(2024, 6, 1))
    CommitmentFactory(number="done", due_date=dt.date(2024, 1, 1), status=Status.FULFILLED)
    assert numbers({"overdue": "true"}) == {"past"}
    assert numbers({"overdue": "false"}) == {"today", "soon", "later", "done"}
    assert numbers({"due_within": "7"}) == {"today", "soon"}


def test_rejected_commitments_are_not_listed():
    CommitmentFactory(number="A", review=Review.REJECTED)
    CommitmentFactory(number="B")
    assert numbers({}) == {"B"}


def test_malformed_date_is_a_clear_error_not_a_crash(client):
    response = client.get(reverse("commitments:list"), {"due_after": "2024-13-45"})
    assert response.status_code == 200
    assert response.context["filter"].errors
    response = client.get(reverse("commitments:export-csv"), {"due_after": "gisteren"})
    assert response.status_code == 400


def test_filtered_view_is_a_shareable_url(client):
    CommitmentFactory(number="A", ministry="Defensie")
    CommitmentFactory(number="B", ministry="Financiën")
    body = client.get(reverse("commitments:list") + "?ministry=Defensie").content.decode()
    assert ">A<" in body and ">B<" not in body


def test_letters_list_filters(client):
    with_open = LetterFactory(ministry="Defensie", date=dt.date(2024, 1, 10))
    CommitmentFactory(letter=with_open)
    closed = LetterFactory(ministry="Defensie", date=dt.date(2024, 2, 10))
    CommitmentFactory(letter=closed, status=Status.FULFILLED)
    response = client.get(reverse("commitments:letter-list"), {"has_open": "true"})
    assert list(response.context["object_list"]) == [with_open]
    response = client.get(reverse("commitments:letter-list"), {"date_after": "2024-02-01"})
    assert list(response.context["object_list"]) == [closed]


def test_letters_list_counts_commitments_and_open_ones_per_letter(client):
    letter = LetterFactory()
    CommitmentFactory(letter=letter)
    CommitmentFactory(letter=letter, status=Status.FULFILLED)
    CommitmentFactory(letter=letter, review=Review.REJECTED)
    LetterFactory()  # none at all
    rows = {
        row.pk: (row.n_commitments, row.n_open)
        for row in client.get(reverse("commitments:letter-list")).context["object_list"]
    }
    assert rows[letter.pk] == (2, 1)
    assert sorted(rows.values()) == [(0, 0), (2, 1)]


def test_minimum_confidence_keeps_proposals_at_or_above_it():
    CommitmentFactory(number="low", confidence=0.35)
    CommitmentFactory(number="edge", confidence=0.8)
    CommitmentFactory(number="high", confidence=0.97)
    CommitmentFactory(number="by-hand", confidence=None)
    assert numbers({"min_confidence": "0.8"}) == {"edge", "high"}
    assert numbers({}) == {"low", "edge", "high", "by-hand"}


def test_minimum_confidence_out_of_range_is_an_error():
    filterset = filter_commitments({"min_confidence": "1.5"})
    assert not filterset.is_valid()
    assert "min_confidence" in filterset.errors


def test_list_sorts_by_confidence_highest_first_with_none_last(client):
    CommitmentFactory(number="mid", confidence=0.6)
    CommitmentFactory(number="none", confidence=None)
    CommitmentFactory(number="high", confidence=0.95)
    CommitmentFactory(number="low", confidence=0.2)
    response = client.get(reverse("commitments:list"), {"order": "-confidence"})
    assert [c.number for c in response.context["commitments"]] == ["high", "mid", "low", "none"]
    response = client.get(reverse("commitments:list"), {"order": "confidence"})
    assert [c.number for c in response.context["commitments"]] == ["low", "mid", "high", "none"]
    assert "betrouwbaarheid 0,95" in response.content.decode()


def test_list_filters_by_minimum_confidence(client):
    CommitmentFactory(number="low", confidence=0.3)
    CommitmentFactory(number="high", confidence=0.9)
    response = client.get(reverse("commitments:list"), {"min_confidence": "0.5"})
    assert [c.number for c in response.context["commitments"]] == ["high"]
