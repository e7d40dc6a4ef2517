"""The Atom and iCalendar feeds of any filter of the list."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from commitments import services
from commitments.models import EventKind
from tests.factories import CommitmentFactory, EventFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def two_ministries():
    defensie = CommitmentFactory(ministry="Defensie", text="Brief over de missie <b>Mali</b>")
    bz = CommitmentFactory(ministry="Buitenlandse Zaken", due_date=dt.date(2024, 9, 30))
    EventFactory(commitment=defensie, kind=EventKind.MADE)
    EventFactory(commitment=bz, kind=EventKind.MADE)
    EventFactory(commitment=bz, kind=EventKind.NOTE, note="not for the feed")
    return defensie, bz


def entries(response) -> list[ET.Element]:
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def test_the_atom_feed_follows_the_lists_filter(client, two_ministries):
    defensie, bz = two_ministries
    everything = entries(client.get(reverse("commitments:feed")))
    assert len(everything) == 2  # the note is not news
    only = entries(client.get(reverse("commitments:feed"), {"ministry": "Defensie"}))
    assert [e.find(f"{ATOM}link").get("href") for e in only] == [
        "http://testserver" + defensie.get_absolute_url()
    ]
    # letter text is untrusted: it arrives as text, never as markup
    assert "<b>Mali</b>" in only[0].find(f"{ATOM}title").text


def test_a_fulfilment_and_an_overdue_flag_are_entries(client, two_ministries, analyst):
    defensie, _ = two_ministries
    EventFactory(commitment=defensie, kind=EventKind.OVERDUE)
    services.commitment_fulfil(
        commitment=defensie,
        user=analyst,
        version=defensie.version,
        url="https://example.org/brief",
        note="voldaan met de brief",
    )
    titles = [
        e.find(f"{ATOM}title").text
        for e in entries(client.get(reverse("commitments:feed"), {"ministry": "Defensie"}))
    ]
    assert any(str(EventKind.FULFILLED.label) in t for t in titles)
    assert any(str(EventKind.OVERDUE.label) in t for t in titles)


def test_an_invalid_filter_is_a_clear_400(client):
    response = client.get(reverse("commitments:feed"), {"due_within": "abc"})
    assert response.status_code == 400
    assert b"due_within" in response.content


def unfolded(response) -> str:
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    return body.replace("\r\n ", "")


def test_the_calendar_has_one_event_per_due_date(client, two_ministries):
    defensie, bz = two_ministries
    CommitmentFactory(due_date=None)  # no date, no event
    body = unfolded(client.get(reverse("commitments:agenda")))
    assert body.count("BEGIN:VEVENT") == 2
    assert f"UID:{bz.number}@toezeggingen" in body
    assert "DTSTART;VALUE=DATE:20240930" in body
    assert "<b>Mali</b>" in body  # plain text, escaped by the iCalendar rules only
    one = unfolded(client.get(reverse("commitments:agenda"), {"ministry": "Defensie"}))
    assert one.count("BEGIN:VEVENT") == 1


def test_a_moved_due_date_keeps_the_uid_and_raises_the_sequence(client, two_ministries, analyst):
    _, bz = two_ministries
    before = unfolded(client.get(reverse("commitments:agenda")))
    services.commitment_edit(
        commitment=bz,
        user=analyst,
        version=bz.version,
        reason="uitgesteld",
        due_date=dt.date(2024, 12, 31),
    )
    after = unfolded(client.get(reverse("commitments:agenda")))
    assert f"UID:{bz.number}@toezeggingen" in before and f"UID:{bz.number}@toezeggingen" in after
    event = after.split(f"UID:{bz.number}@toezeggingen")[1].split("END:VEVENT")[0]
    assert "DTSTART;VALUE=DATE:20241231" in event
    assert "SEQUENCE:2" in event


def test_calendar_text_is_escaped_and_folded():
    from commitments.feeds import _fold, _ics_text

    assert _ics_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "é" * 100
    folded = _fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
