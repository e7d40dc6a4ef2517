"""Analysts upload letters through the web: permissions, CSRF, generated file names, one
letter per content, extraction as a task after commit."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from commitments import extraction
from commitments.models import Letter
from tests.documents import make_docx, make_pdf
from tests.fake_extraction import broken_extract, fake_extract

URL = reverse("commitments:letter-upload")
TEXT = (
    "Den Haag, 1 maart 2024\n\nGeachte voorzitter,\n\nIk zal uw Kamer voor de zomer "
    "informeren over de Sahel.\n"
)


@pytest.fixture(autouse=True)
def setup(monkeypatch, settings, tmp_path):
    monkeypatch.setattr(extraction, "extract", fake_extract)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_logged_out_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(URL, {"files": upload("a.txt", TEXT.encode())})
    assert response.status_code == 302 and Letter.objects.count() == 0


def test_viewer_is_refused(viewer_client):
    assert viewer_client.get(URL).status_code == 403
    response = viewer_client.post(URL, {"files": upload("a.txt", TEXT.encode())})
    assert response.status_code == 403 and Letter.objects.count() == 0


def test_analyst_sees_the_form(analyst_client):
    response = analyst_client.get(URL)
    assert response.status_code == 200
    assert b'type="file"' in response.content and b"multiple" in response.content
    assert b'enctype="multipart/form-data"' in response.content


def test_csrf_is_enforced(analyst):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    response = client.post(URL, {"files": upload("a.txt", TEXT.encode())})
    assert response.status_code == 403 and Letter.objects.count() == 0


def test_one_file_becomes_a_letter_and_is_extracted_after_commit(
    analyst_client, analyst, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = analyst_client.post(URL, {"files": upload("../../brief.pdf", make_pdf(TEXT))})
    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"] == letter.get_absolute_url()
    assert len(callbacks) == 1
    letter.refresh_from_db()
    assert letter.extraction_state == "done" and letter.commitments.count() == 1
    assert letter.imported_by == analyst
    assert letter.source_name == "brief.pdf"  # Django keeps the base name only
    stored = Path(letter.original_file.name)
    assert len(stored.stem) == 32 and stored.suffix == ".pdf" and "brief" not in stored.name
    assert Path(letter.original_file.path).read_bytes().startswith(b"%PDF")


def test_failed_extraction_shows_on_the_letter(
    analyst_client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(extraction, "extract", broken_extract)
    with django_capture_on_commit_callbacks(execute=True):
        analyst_client.post(URL, {"files": upload("a.txt", TEXT.encode())})
    letter = Letter.objects.get()
    assert letter.extraction_state == "failed"
    assert "tripped" in letter.extraction_error


def test_many_files_good_bad_and_duplicate(analyst_client, django_capture_on_commit_callbacks):
    files = [
        upload("a.txt", TEXT.encode()),
        upload("same-letter-other-name.txt", TEXT.encode()),
        upload("b.docx", make_docx(["Geachte voorzitter,", "Ik zal de begroting sturen."])),
        upload("empty.pdf", b""),
        upload("scan.pdf", make_pdf("x", text_layer=False)),
        upload("really-text.pdf", b"Geachte voorzitter, ik zal u schrijven."),
    ]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = analyst_client.post(URL, {"files": files}, follow=True)
    assert response.redirect_chain[0][0] == URL
    assert Letter.objects.count() == 3
    assert len(callbacks) == 3
    messages = [str(m) for m in response.context["messages"]]
    text = "\n".join(messages)
    assert "same-letter-other-name.txt is already here" in text
    assert "empty.pdf was not imported: the file is empty" in text
    assert "scan.pdf was not imported: the PDF has no text layer" in text
    assert "really-text.pdf: the name ends in .pdf but the content is text" in text
    assert sum("was imported as" in m for m in messages) == 3


def test_file_over_the_limit(analyst_client, settings):
    settings.LETTER_MAX_BYTES = 100
    response = analyst_client.post(
        URL, {"files": upload("big.txt", TEXT.encode() * 10)}, follow=True
    )
    text = "\n".join(str(m) for m in response.context["messages"])
    assert "big.txt was not imported: the file is larger than the limit" in text
    assert Letter.objects.count() == 0


def test_no_file_chosen(analyst_client):
    response = analyst_client.post(URL, {})
    assert response.status_code == 400 and Letter.objects.count() == 0
