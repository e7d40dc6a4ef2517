"""The read-only JSON API: the same filters as the list, keyset pages, and a schema that holds
for whatever a client sends (schemathesis generates the requests from the OpenAPI schema)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, settings

from tests.factories import CommitmentFactory, EventFactory, LetterFactory
from tracker.wsgi import application

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3(client):
    schema = client.get("/api/schema").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/toezeggingen/", "/api/toezeggingen/{number}", "/api/brieven/"} <= set(
        schema["paths"]
    )
    assert client.get("/api/docs").status_code == 200


def test_commitments_are_listed_with_the_lists_filters(client):
    mali = CommitmentFactory(ministry="Defensie", text="Mali")
    CommitmentFactory(ministry="Financiën")
    body = client.get("/api/toezeggingen/", {"ministry": "Defensie"}).json()
    assert [item["number"] for item in body["items"]] == [mali.number]
    assert body["items"][0]["url"].endswith(mali.get_absolute_url())
    assert body["next_cursor"] is None


def test_pages_follow_the_cursor_without_gaps_or_doubles(client, monkeypatch):
    from commitments import api

    monkeypatch.setattr(api, "PAGE_SIZE", 2)
    made = {CommitmentFactory().number for _ in range(5)}
    seen: list[str] = []
    params: dict[str, str] = {"order": "number"}
    while True:
        body = client.get("/api/toezeggingen/", params).json()
        seen += [item["number"] for item in body["items"]]
        if not body["next_cursor"]:
            break
        params["cursor"] = body["next_cursor"]
    assert seen == sorted(made)


def test_a_commitment_comes_with_its_timeline(client):
    commitment = CommitmentFactory()
    EventFactory(commitment=commitment, kind="made")
    body = client.get(f"/api/toezeggingen/{commitment.number}").json()
    assert [event["kind"] for event in body["events"]] == ["made"]
    assert client.get("/api/toezeggingen/TZ-1999-9999").status_code == 404


def test_a_bad_filter_is_refused_with_the_reason(client):
    response = client.get("/api/toezeggingen/", {"status": "nonsense"})
    assert response.status_code == 422
    assert "status" in response.json()["detail"][0]["loc"]


def test_letters_and_a_letter(client):
    letter = LetterFactory(title="Brief over Mali", subject="Voortgang van de inzet in Mali")
    CommitmentFactory(letter=letter)
    listed = client.get("/api/brieven/", {"q": "Mali"}).json()
    assert [item["id"] for item in listed["items"]] == [letter.pk]
    assert listed["items"][0]["subject"] == "Voortgang van de inzet in Mali"
    body = client.get(reverse("api:get_letter", args=[letter.pk])).json()
    assert body["text"] == letter.text and len(body["commitments"]) == 1


schema = schemathesis.openapi.from_wsgi("/api/schema", application)


@pytest.fixture
def some_data(db):
    # Called straight through WSGI, each request would close the test's database connection
    # at its end, as a real server does; Django's own test client disconnects this too.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    CommitmentFactory(number="TZ-2024-0001")
    LetterFactory()
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_to_its_schema(case, some_data):
    case.call_and_validate()
