"""Filters that forgive: a ministry by any of its names, people and committees without regard
to case, and the source letter by its title, date or Kamerstuk."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from commitments.filters import filter_commitments
from commitments.ministries import canonical_ministry
from tests.factories import CommitmentFactory, LetterFactory

pytestmark = pytest.mark.django_db


def numbers(params: dict) -> set[str]:
    filterset = filter_commitments(params)
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("number", flat=True))


@pytest.mark.parametrize(
    "name, today",
    [
        ("BZ", "Buitenlandse Zaken"),
        ("buza", "Buitenlandse Zaken"),
        ("Ministerie van Buitenlandse Zaken", "Buitenlandse Zaken"),
        ("  ministerie van  buitenlandse zaken ", "Buitenlandse Zaken"),
        ("Infrastructuur en Milieu", "Infrastructuur en Waterstaat"),
        ("EZK", "Economische Zaken"),
        ("Veiligheid en Justitie", "Justitie en Veiligheid"),
        (
            "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
            "Landbouw, Visserij, Voedselzekerheid en Natuur",
        ),
        ("Ministerie van Nergens", None),
    ],
)
def test_every_name_of_a_ministry_is_todays(name, today):
    assert canonical_ministry(name) == today


def test_a_ministry_is_found_by_any_of_its_names():
    rows = {
        "full": CommitmentFactory(ministry="Ministerie van Buitenlandse Zaken"),
        "short": CommitmentFactory(ministry="Buitenlandse Zaken"),
        "odd": CommitmentFactory(ministry="MINISTERIE VAN BUITENLANDSE ZAKEN"),
        "other": CommitmentFactory(ministry="Defensie"),
    }
    expected = {rows[k].number for k in ("full", "short", "odd")}
    for name in ("BZ", "BuZa", "buitenlandse zaken", "Ministerie van Buitenlandse Zaken"):
        assert numbers({"ministry": name}) == expected, name
    assert numbers({"ministry": "def"}) == {rows["other"].number}


def test_a_renamed_ministry_is_found_under_todays_name():
    old = CommitmentFactory(ministry="Ministerie van Infrastructuur en Milieu")
    new = CommitmentFactory(ministry="Infrastructuur en Waterstaat")
    assert numbers({"ministry": "IenW"}) == {old.number, new.number}


def test_actor_and_committee_match_without_regard_to_case():
    minister = CommitmentFactory(
        actor="Minister van Defensie", committee="Vaste commissie voor Defensie"
    )
    CommitmentFactory(actor="Minister van Financiën")
    assert numbers({"actor": "minister van defensie"}) == {minister.number}
    assert numbers({"committee": "VASTE COMMISSIE VOOR DEFENSIE"}) == {minister.number}


def test_the_source_letter_by_title_date_or_kamerstuk():
    letter = LetterFactory(
        title="Voortgangsbrief Sahel", kamerstuk="29521-400", date=dt.date(2017, 5, 19)
    )
    mine = CommitmentFactory(letter=letter)
    CommitmentFactory()
    for query in ("Sahel", "19-05-2017", "2017-05-19", "29 521, nr. 400"):
        assert numbers({"letter_q": query}) == {mine.number}, query


def test_the_list_suggests_the_values_the_data_holds(client):
    CommitmentFactory(ministry="Ministerie van Infrastructuur en Milieu", actor="Minister van IenM")
    html = client.get(reverse("commitments:list")).content.decode()
    assert 'list="id_ministry-options"' in html
    assert '<option value="Infrastructuur en Waterstaat">' in html  # today's name
    assert '<option value="Minister van IenM">' in html
