from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from commitments.models import Subscription
from tests.factories import CommitmentFactory, LetterFactory

QUEUE = "/beoordelen/"


def test_the_queue_answers_an_analyst_with_proposals_only(analyst_client):
    old = LetterFactory(date=dt.date(2020, 1, 1))
    new = LetterFactory(date=dt.date(2024, 1, 1))
    first = CommitmentFactory(letter=old, confidence=0.9)
    second = CommitmentFactory(letter=new, confidence=0.4)
    CommitmentFactory(review="confirmed")
    response = analyst_client.get(QUEUE)
    assert response.status_code == 200
    numbers = [card["c"].number for card in response.context["cards"]]
    assert numbers == [second.number, first.number]  # newest letters first
    by_confidence = analyst_client.get(QUEUE, {"sort": "confidence"}).context["cards"]
    assert [card["c"].number for card in by_confidence] == [first.number, second.number]
    assert response.context["review_count"] == 2
    assert "utrecht-badge-counter" in response.content.decode()


def test_the_quote_stands_in_its_context_escaped(analyst_client):
    letter = LetterFactory(
        text="Voorafgaande zin <b>vet</b>. Ik zal uw Kamer voor de zomer informeren over de "
        "voortgang. Volgende zin."
    )
    CommitmentFactory(letter=letter)
    html = analyst_client.get(QUEUE).content.decode()
    assert (
        '<span class="context">Voorafgaande zin &lt;b&gt;vet&lt;/b&gt;. </span>'
        "<mark>Ik zal uw Kamer voor de zomer informeren over de voortgang.</mark>"
        '<span class="context"> Volgende zin.' in html
    )


def test_confirm_from_the_queue_goes_back_to_it_or_answers_htmx_with_the_card(analyst_client):
    one, two = CommitmentFactory(), CommitmentFactory()
    url = reverse("commitments:confirm", args=[one.number])
    response = analyst_client.post(url, {"version": 1, "next": QUEUE, "card": "1"})
    assert response.status_code == 302 and response["Location"] == QUEUE
    one.refresh_from_db()
    assert one.review == "confirmed"
    url = reverse("commitments:reject", args=[two.number])
    response = analyst_client.post(
        url,
        {"version": 1, "next": QUEUE, "card": "1", "note": "geen belofte"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith("<li")
    assert f'id="card-{two.pk}"' in html and "Gemarkeerd als geen toezegging." in html
    two.refresh_from_db()
    assert two.review == "rejected"
    assert two.events.filter(note="geen belofte").exists()


def test_next_elsewhere_is_ignored(analyst_client):
    commitment = CommitmentFactory()
    url = reverse("commitments:confirm", args=[commitment.number])
    response = analyst_client.post(url, {"version": 1, "next": "https://evil.example/"})
    assert response["Location"] == commitment.get_absolute_url()


def test_a_viewer_gets_the_explaining_page(viewer_client):
    response = viewer_client.get(QUEUE)
    assert response.status_code == 403
    assert "Deze pagina is voor analisten" in response.content.decode()
    commitment = CommitmentFactory()
    response = viewer_client.post(reverse("commitments:confirm", args=[commitment.number]))
    assert response.status_code == 403 and "analisten" in response.content.decode()
    assert Client().get(QUEUE).status_code == 302  # logged out: to the login page


def test_profile_sets_address_and_digest_language(viewer_client, viewer):
    subscription = Subscription.objects.create(user=viewer, email="oud@example.org")
    page = viewer_client.get("/profiel/")
    assert page.status_code == 200
    response = viewer_client.post("/profiel/", {"email": "nieuw@example.org", "language": "en"})
    assert response.status_code == 302
    viewer.refresh_from_db()
    subscription.refresh_from_db()
    assert viewer.email == "nieuw@example.org"
    assert (subscription.email, subscription.language) == ("nieuw@example.org", "en")
    bad = viewer_client.post("/profiel/", {"email": "geen adres", "language": "en"})
    assert bad.status_code == 400
    viewer.refresh_from_db()
    assert viewer.email == "nieuw@example.org"


def test_the_menu_count_is_bounded(analyst_client, monkeypatch):
    from commitments import context_processors

    monkeypatch.setattr(context_processors, "MENU_COUNT_LIMIT", 2)
    for _ in range(3):
        CommitmentFactory()
    html = analyst_client.get("/toezeggingen/").content.decode()
    assert '">2+</span>' in html
