"""Files that hold no letter are refused with what they are; a letter imported by mistake is
withdrawn, its commitments rejected with an event each (issue 11)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from commitments import extraction, services
from commitments.importers import ImportFailed, read_document
from commitments.letters import file_import, letter_extract
from commitments.models import Commitment, Event, EventKind, LinkState, Review, Statement
from tests.factories import CommitmentFactory, LetterFactory
from tests.fake_extraction import fake_extract

SEEDS = Path("/work/shared/labels/seeds.jsonl")


def png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


LABELS = (
    b'{"doc": "000.txt", "date": "2021-03-10", "commitments": [{"quote": "Ik zal"}]}\n'
    b'{"doc": "001.txt", "date": "2022-01-05", "commitments": []}\n'
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "data, name, what",
    [
        (png(), "foto.png", "PNG image"),
        (png(), "brief.pdf", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 100, "scan.jpg", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 40, "a.gif", "GIF image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud.doc", "old Office file"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', "l.svg", "SVG"),
        (LABELS, "labels.jsonl", "JSON lines data file"),
        (LABELS, "labels.txt", "JSON lines data file"),
    ],
)
def test_a_file_that_is_no_letter_is_refused_with_what_it_is(data, name, what):
    with pytest.raises(ImportFailed, match=f"the file is not a letter: {what}"):
        read_document(data, name)


def test_the_shared_labels_file_is_refused():
    if not SEEDS.exists():
        pytest.skip("the shared labels are not on this machine")
    with pytest.raises(ImportFailed, match="JSON lines"):
        read_document(SEEDS.read_bytes(), SEEDS.name)


def test_prose_that_mentions_braces_is_still_a_letter():
    text = b"{concept}\nGeachte voorzitter,\nIk zal uw Kamer voor de zomer informeren.\n"
    assert read_document(text, "brief.txt").letters[0].text.startswith("{concept}")


@pytest.mark.django_db
def test_uploading_a_png_stores_no_letter(analyst_client, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(extraction, "extract", fake_extract)
    settings.MEDIA_ROOT = str(tmp_path)
    settings.LANGUAGE_CODE = "en"
    upload = SimpleUploadedFile("foto.png", png(), content_type="image/png")
    response = analyst_client.post(
        reverse("commitments:letter-upload"), {"files": [upload]}, follow=True
    )
    text = "\n".join(str(m) for m in response.context["messages"])
    assert "foto.png was not imported: the file is not a letter: PNG image" in text
    assert not file_import(data=LABELS, name="labels.jsonl").letters


# --- withdrawing a letter ------------------------------------------------------------------


@pytest.fixture
def letter_with_work(db):
    letter = LetterFactory()
    proposal = CommitmentFactory(letter=letter)
    confirmed = CommitmentFactory(letter=letter, review=Review.CONFIRMED)
    earlier = CommitmentFactory()
    proposed_link = Statement.objects.create(
        letter=letter,
        span_start=0,
        span_end=5,
        quote="Den H",
        commitment=earlier,
        link_state=LinkState.PROPOSED,
    )
    return letter, proposal, confirmed, earlier, proposed_link


def test_withdrawing_rejects_its_commitments_each_with_an_event(letter_with_work, analyst):
    letter, proposal, confirmed, earlier, link = letter_with_work
    services.letter_withdraw(letter=letter, user=analyst, reason="Verkeerd bestand.")
    letter.refresh_from_db()
    assert letter.withdrawn_at is not None and letter.withdrawn_by == analyst
    for commitment in (proposal, confirmed):
        commitment.refresh_from_db()
        assert commitment.review == Review.REJECTED
        event = commitment.events.get()
        assert event.kind == EventKind.REJECTED and event.user == analyst
        assert "was withdrawn. Verkeerd bestand." in event.note and event.letter == letter
    link.refresh_from_db()
    assert link.link_state == LinkState.REJECTED
    assert "dropped: the letter was withdrawn" in earlier.events.get().note
    earlier.refresh_from_db()
    assert earlier.review != Review.REJECTED  # the earlier letter's commitment stays
    assert not Commitment.objects.visible().filter(letter=letter).exists()


def test_withdrawing_twice_or_without_permission_is_refused(letter_with_work, analyst, viewer):
    letter = letter_with_work[0]
    with pytest.raises(PermissionDenied):
        services.letter_withdraw(letter=letter, user=viewer)
    services.letter_withdraw(letter=letter, user=analyst)
    events = Event.objects.count()
    with pytest.raises(ValidationError):
        services.letter_withdraw(letter=letter, user=analyst)
    assert Event.objects.count() == events


def test_a_withdrawn_letter_is_not_extracted_again(letter_with_work, analyst, monkeypatch):
    monkeypatch.setattr(extraction, "extract", fake_extract)
    letter = letter_with_work[0]
    services.letter_withdraw(letter=letter, user=analyst)
    before = (Commitment.objects.count(), Event.objects.count())
    letter_extract(letter)
    assert (Commitment.objects.count(), Event.objects.count()) == before
    assert not Commitment.objects.visible().filter(letter=letter).exists()


def test_an_analyst_withdraws_on_the_letter_page(client, letter_with_work, analyst, viewer):
    letter = letter_with_work[0]
    url = reverse("commitments:letter-withdraw", args=[letter.pk])
    client.force_login(viewer)
    assert "Withdraw this letter" not in client.get(letter.get_absolute_url()).content.decode()
    assert client.post(url, {"reason": "x"}).status_code == 403
    client.force_login(analyst)
    page = client.get(letter.get_absolute_url())
    assert url in page.content.decode()
    assert client.get(url).status_code == 405  # POST only
    response = client.post(url, {"reason": "Dubbel ingelezen."}, follow=True)
    assert response.redirect_chain[-1][0] == letter.get_absolute_url()
    letter.refresh_from_db()
    assert letter.withdrawn_reason == "Dubbel ingelezen."
    html = response.content.decode()
    assert "Dubbel ingelezen." in html and url not in html
