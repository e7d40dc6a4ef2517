"""The example letters through the real extractor, as `make run` loads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from commitments import services
from commitments.letters import letter_extract
from commitments.models import Commitment, Event, EventKind, Letter, Review

pytestmark = pytest.mark.django_db
EXAMPLES = sorted((Path(settings.BASE_DIR) / "fixtures" / "letters").glob("*.txt"))


def snapshot() -> tuple:
    return (
        list(Letter.objects.order_by("pk").values_list("pk", "title", "extraction_state")),
        list(Commitment.objects.order_by("pk").values_list("pk", "number", "due_date", "text")),
        Event.objects.count(),
    )


def test_loaddemo_imports_the_examples_once():
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    assert Letter.objects.count() == len(EXAMPLES) == 5
    assert Commitment.objects.count() >= 5
    for commitment in Commitment.objects.exclude(span_start=None):
        # every stored span holds its quote, so the letter page can highlight it
        assert (
            commitment.letter.text[commitment.span_start : commitment.span_end] == commitment.quote
        )
    before = snapshot()
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    assert snapshot() == before


def test_extracting_again_changes_nothing_and_keeps_analysts_work(analyst):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    confirmed = Commitment.objects.order_by("pk").first()
    services.commitment_edit(
        commitment=confirmed,
        user=analyst,
        version=confirmed.version,
        reason="scherper",
        text="Door analist herschreven",
    )
    before = snapshot()
    for letter in Letter.objects.all():
        letter_extract(letter)
    assert snapshot() == before
    confirmed.refresh_from_db()
    assert confirmed.text == "Door analist herschreven"


def test_letters_get_readable_titles():
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    titles = set(Letter.objects.values_list("title", flat=True))
    assert "Brief Minister van Buitenlandse Zaken, 19 mei 2017 (Kamerstuk 29521-Z)" in titles


def test_timeline_shows_status_labels_and_field_names(client, analyst):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    commitment = Commitment.objects.order_by("pk").first()
    services.commitment_edit(
        commitment=commitment,
        user=analyst,
        version=commitment.version,
        reason="r",
        actor="Minister van Defensie",
    )
    services.commitment_withdraw(
        commitment=commitment, user=analyst, version=commitment.version, note="vervallen"
    )
    body = client.get(commitment.get_absolute_url()).content.decode()
    assert "open → vervallen" in body
    assert "bewindspersoon: <del>" in body.lower() or "actor: <del>" in body.lower()


def test_a_rejected_proposal_can_be_restored(analyst_client, analyst):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    commitment = Commitment.objects.order_by("pk").first()
    services.commitment_reject(commitment=commitment, user=analyst, version=commitment.version)
    commitment.refresh_from_db()
    analyst_client.post(
        f"/toezeggingen/{commitment.number}/bevestigen", {"version": commitment.version}
    )
    commitment.refresh_from_db()
    assert commitment.review == Review.CONFIRMED
    assert list(commitment.events.values_list("kind", flat=True))[-2:] == [
        EventKind.REJECTED,
        EventKind.CONFIRMED,
    ]


def test_a_failure_while_storing_marks_the_letter_failed_with_its_reason(monkeypatch):
    letter = Letter.objects.create(
        text="Den Haag, 1 maart 2024\nIk zal u voor de zomer informeren over de evaluatie.\n",
        content_hash="x",
    )

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("commitments.letters.commitment_create", broken)
    letter = letter_extract(letter)
    assert letter.extraction_state == "failed"
    assert "disk full" in letter.extraction_error
    assert not Commitment.objects.exists()  # nothing half-stored


def test_rejected_commitments_are_found_by_asking_for_them(client, analyst):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    commitment = Commitment.objects.order_by("pk").first()
    services.commitment_reject(commitment=commitment, user=analyst, version=commitment.version)
    listed = client.get("/toezeggingen/").context["commitments"]
    assert commitment not in listed
    rejected = client.get("/toezeggingen/", {"review": "rejected"}).context["commitments"]
    assert list(rejected) == [commitment]


def test_loaddemo_accounts_have_addresses_and_one_is_staff():
    from django.contrib.auth import get_user_model

    call_command("loaddemo", stdout=open("/dev/null", "w"))
    users = {u.username: u for u in get_user_model().objects.all()}
    assert {"analist", "lezer", "beheer"} <= set(users)
    assert all(
        users[name].email.endswith("@example.org") for name in ("analist", "lezer", "beheer")
    )
    assert users["beheer"].is_staff and not users["analist"].is_staff
    assert users["analist"].has_perm("commitments.review_commitment")
    assert not users["lezer"].has_perm("commitments.review_commitment")
    assert users["lezer"].check_password("toezeggingen")
    # a re-run keeps an address the user set themselves
    users["lezer"].email = "eigen@example.org"
    users["lezer"].save()
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    users["lezer"].refresh_from_db()
    assert users["lezer"].email == "eigen@example.org"


def test_each_proposal_keeps_the_rule_that_proposed_it_and_analysts_see_why(
    client, analyst, viewer
):
    from commitments.extraction import LEARNED
    from commitments.extraction.detection import RULES_BY_NAME
    from commitments.models import Statement
    from commitments.rule_labels import RULE_LABELS

    call_command("loaddemo", stdout=open("/dev/null", "w"))
    proposals = list(Commitment.objects.exclude(span_start=None))
    assert proposals
    for commitment in proposals:
        assert commitment.rule == LEARNED or RULES_BY_NAME[commitment.rule].outcome == "commitment"
    for statement in Statement.objects.exclude(rule=""):
        assert statement.answers in ("toezegging", "motie", "verzoek", "wettelijke plicht")
    commitment = proposals[0]
    client.force_login(analyst)
    page = client.get(commitment.get_absolute_url()).content.decode()
    with translation.override("nl"):
        assert str(RULE_LABELS[commitment.rule]) in page
    assert f"<code>{commitment.rule}</code>" in page
    # readers see the promise, not the extractor's workings
    client.force_login(viewer)
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert f"<code>{commitment.rule}</code>" not in page


def test_every_proposing_rule_has_words_for_the_analyst():
    from commitments.extraction import LEARNED, OFFERS_ASKED, RESTATES
    from commitments.extraction.detection import FALLBACKS, RULES
    from commitments.rule_labels import RULE_LABELS

    names = {rule.name for rule in (*RULES, *FALLBACKS) if rule.outcome != "skip"}
    names |= {RESTATES, LEARNED, OFFERS_ASKED}
    assert names == set(RULE_LABELS)
