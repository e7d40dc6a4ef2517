"""Later letters find the commitments they speak about; analysts confirm or reject in a click."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from commitments import extraction, linking, services
from commitments.letters import letter_extract, letter_import
from commitments.models import (
    Commitment,
    Event,
    EventKind,
    LinkState,
    Origin,
    Statement,
    Status,
)
from commitments.services import commitment_create
from tests.fake_extraction import fake_extract


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch):
    monkeypatch.setattr(extraction, "extract", fake_extract)


def letter(text: str, *, ministry: str = "", dossier: str = "", kamerstuk: str = ""):
    result = letter_import(
        text=text,
        source_name="brief.txt",
        metadata=dict(ministry=ministry, dossier=dossier, kamerstuk=kamerstuk),
    )
    return letter_extract(result.letter)


EARLIER = [
    (
        "Den Haag, 3 maart 2023\n\nIk zal uw Kamer voor de zomer informeren over de resultaten "
        "van het onderzoek naar stikstofuitstoot bij boerderijen in Gelderland.\n",
        "Landbouw, Natuur en Voedselkwaliteit",
        "35334",
        "35334-200",
    ),
    (
        "Den Haag, 10 maart 2023\n\nIk zal uw Kamer informeren over de wachtlijsten in de "
        "jeugdzorg en de inzet van gemeenten.\n",
        "Volksgezondheid, Welzijn en Sport",
        "31839",
        "31839-900",
    ),
    (
        "Den Haag, 17 april 2023\n\nIk zal de evaluatie van de Wet open overheid aan uw Kamer "
        "sturen.\n",
        "Binnenlandse Zaken en Koninkrijksrelaties",
        "35112",
        "35112-50",
    ),
    (
        "Den Haag, 2 mei 2023\n\nIk zal uw Kamer informeren over de voortgang van de "
        "versterkingsopgave in Groningen.\n",
        "Economische Zaken en Klimaat",
        "33529",
        "33529-1100",
    ),
]


@pytest.fixture
def earlier(db):
    commitments = []
    for text, ministry, dossier, kamerstuk in EARLIER:
        made = letter(text, ministry=ministry, dossier=dossier, kamerstuk=kamerstuk)
        commitments.append(made.commitments.get())
    return commitments


@pytest.mark.parametrize(
    "text, ministry, expected, kind",
    [
        # text similarity: the subject is named
        (
            "Den Haag, 1 oktober 2023\n\nHiermee doe ik mijn toezegging gestand om u te informeren "
            "over het onderzoek naar stikstofuitstoot bij boerderijen in Gelderland.\n",
            "Landbouw, Natuur en Voedselkwaliteit",
            0,
            "fulfilment",
        ),
        # a date named: the letter of 10 maart
        (
            "Den Haag, 5 september 2023\n\nZoals toegezegd in mijn brief van 10 maart 2023 stuur ik "
            "u deze stand van zaken over de jeugdzorg.\n",
            "Volksgezondheid, Welzijn en Sport",
            1,
            "reference",
        ),
        # the Kamerstuk named
        (
            "Den Haag, 1 december 2023\n\nIn mijn brief (Kamerstuk 35 112, nr. 50) heb ik toegezegd "
            "hierop terug te komen.\n",
            "",
            2,
            "reference",
        ),
        # the commitment's number named
        (
            "Den Haag, 1 december 2023\n\nDit is de brief die ik heb toegezegd onder {number}.\n",
            "",
            3,
            "reference",
        ),
    ],
)
def test_reference_finds_the_right_commitment(earlier, text, ministry, expected, kind):
    target = earlier[expected]
    later = letter(text.format(number=target.number), ministry=ministry)
    statement = later.statements.get()
    assert statement.commitment == target
    assert statement.link_state == LinkState.PROPOSED
    assert statement.kind == kind
    assert statement.link_score >= linking.PROPOSE_THRESHOLD
    event_kind = EventKind.FULFILMENT_PROPOSED if kind == "fulfilment" else EventKind.REFERENCED
    event = target.events.get(kind=event_kind)
    assert event.letter == later


def test_unrelated_reference_links_nothing(earlier):
    later = letter(
        "Den Haag, 1 oktober 2023\n\nZoals eerder toegezegd kom ik terug op de "
        "luchtvaartnota en Schiphol.\n"
    )
    statement = later.statements.get()
    assert statement.commitment is None and statement.link_state == LinkState.UNLINKED


def test_relinking_writes_nothing_twice(earlier):
    later = letter(
        "Den Haag, 1 oktober 2023\n\nHiermee doe ik mijn toezegging gestand over "
        "het onderzoek naar stikstofuitstoot bij boerderijen in Gelderland.\n"
    )
    events = Event.objects.count()
    letter_extract(later)
    letter_extract(later)
    assert Event.objects.count() == events
    assert later.statements.count() == 1


def test_no_link_to_a_promise_made_after_the_letter(earlier):
    later = letter(
        "Den Haag, 1 januari 2023\n\nZoals toegezegd informeer ik u over het "
        "onderzoek naar stikstofuitstoot bij boerderijen in Gelderland.\n"
    )
    assert later.statements.get().commitment is None


def test_restated_promise_is_a_reference_not_a_second_commitment(earlier):
    target = earlier[3]
    later = letter(
        "Den Haag, 1 september 2023\n\nIk zal uw Kamer informeren over de voortgang "
        "van de versterkingsopgave in Groningen.\n",
        ministry="Economische Zaken en Klimaat",
    )
    assert later.commitments.count() == 0
    statement = later.statements.get()
    assert statement.commitment == target and statement.kind == "reference"
    assert target.events.filter(kind=EventKind.REFERENCED, letter=later).count() == 1
    letter_extract(later)  # again: still no second commitment, no second event
    assert later.commitments.count() == 0
    assert target.events.filter(kind=EventKind.REFERENCED).count() == 1
    assert Commitment.objects.count() == len(EARLIER)


def test_new_promise_on_a_new_subject_is_a_commitment(earlier):
    later = letter(
        "Den Haag, 1 september 2023\n\nIk zal uw Kamer informeren over de "
        "luchtkwaliteit rond Schiphol.\n"
    )
    assert later.commitments.count() == 1


def test_register_commitment_linked_by_register_number(db):
    registered = commitment_create(
        text="De minister informeert de Kamer over de Sahel-strategie.",
        origin=Origin.REGISTER,
        register_number="TZ202310-045",
        made_on=dt.date(2023, 10, 12),
    )
    later = letter("Den Haag, 1 maart 2024\n\nHiermee doe ik toezegging TZ202310-045 gestand.\n")
    statement = later.statements.get()
    assert statement.commitment == registered and statement.link_score == 1.0


def test_a_rejected_link_is_not_proposed_again(earlier, analyst):
    later = letter(
        "Den Haag, 1 oktober 2023\n\nHiermee doe ik mijn toezegging gestand om u te "
        "informeren over het onderzoek naar stikstofuitstoot in Gelderland.\n"
    )
    statement = later.statements.get()
    services.statement_reject(statement=statement, user=analyst)
    letter_extract(later)
    statement.refresh_from_db()
    assert statement.link_state == LinkState.REJECTED


# --- the one-click views -----------------------------------------------------------------------


@pytest.fixture
def proposal(earlier) -> Statement:
    later = letter(
        "Den Haag, 1 oktober 2023\n\nHiermee doe ik mijn toezegging gestand om u te "
        "informeren over het onderzoek naar stikstofuitstoot in Gelderland.\n"
    )
    statement = later.statements.get()
    assert statement.link_state == LinkState.PROPOSED
    return statement


def test_confirming_a_fulfilment_fulfils_the_commitment(analyst_client, proposal):
    response = analyst_client.post(reverse("commitments:link-confirm", args=[proposal.pk]))
    assert response.status_code == 302
    proposal.refresh_from_db()
    commitment = proposal.commitment
    assert proposal.link_state == LinkState.CONFIRMED
    assert commitment.status == Status.FULFILLED
    fulfilled = commitment.events.get(kind=EventKind.FULFILLED)
    assert fulfilled.letter == proposal.letter and fulfilled.user is not None
    # a second click changes nothing
    analyst_client.post(reverse("commitments:link-confirm", args=[proposal.pk]))
    assert commitment.events.filter(kind=EventKind.FULFILLED).count() == 1


def test_rejecting_leaves_the_commitment_open(analyst_client, proposal):
    response = analyst_client.post(
        reverse("commitments:link-reject", args=[proposal.pk]), {"next": "/brieven/"}
    )
    assert response.status_code == 302 and response["Location"] == "/brieven/"
    proposal.refresh_from_db()
    assert proposal.link_state == LinkState.REJECTED
    assert proposal.commitment.status == Status.OPEN


def test_unsafe_next_is_ignored(analyst_client, proposal):
    response = analyst_client.post(
        reverse("commitments:link-reject", args=[proposal.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == proposal.commitment.get_absolute_url()


def test_link_views_need_review_permission_post_and_csrf(viewer_client, analyst, proposal):
    url = reverse("commitments:link-confirm", args=[proposal.pk])
    assert Client().post(url).status_code == 302  # to the login page
    assert viewer_client.post(url).status_code == 403
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(analyst)
    assert csrf_client.post(url).status_code == 403
    assert csrf_client.get(url).status_code == 405
    proposal.refresh_from_db()
    assert proposal.link_state == LinkState.PROPOSED


def test_partial_renders_both_buttons(analyst_client, proposal):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/toezeggingen/x/")
    html = render_to_string("includes/link_proposal.html", {"statement": proposal}, request)
    assert reverse("commitments:link-confirm", args=[proposal.pk]) in html
    assert reverse("commitments:link-reject", args=[proposal.pk]) in html
    assert "csrfmiddlewaretoken" in html


def test_scoring_core_without_rows():
    pool = linking.Pool(
        [
            linking.Candidate(
                key=1,
                text="informeren over stikstofuitstoot in Gelderland",
                made_on=dt.date(2023, 3, 3),
            ),
            linking.Candidate(
                key=2,
                text="informeren over wachtlijsten in de jeugdzorg",
                made_on=dt.date(2023, 3, 10),
            ),
        ]
    )
    ctx = linking.Context(
        quote="Zoals toegezegd op 10 maart", near="de jeugdzorg", letter_date=dt.date(2023, 9, 1)
    )
    ranked = linking.rank(pool, ctx)
    assert ranked[0][0].key == 2
    assert linking.dates_named("op 10 maart en 3-3-2023", dt.date(2023, 9, 1)) == [
        dt.date(2023, 3, 10),
        dt.date(2023, 3, 3),
    ]
    assert linking.kamerstukken_named("Kamerstuk 35 112, nr. 50 en 29521-363") == {
        "35112-50",
        "29521-363",
    }
