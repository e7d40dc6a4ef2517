"""The format readers: bytes in, text and metadata out, or a clear reason why not."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.utils import translation

from commitments.importers import ImportFailed, detect, read_document
from commitments.importers.text import decode
from tests.documents import encrypt_pdf, make_docx, make_html, make_pdf

OPENDATA = Path(__file__).resolve().parent.parent / "fixtures" / "opendata"
LETTER = "Geachte voorzitter,\nIk zal uw Kamer voor de zomer informeren over de Sahel."


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (make_pdf(LETTER), "pdf"),
        (make_docx([LETTER]), "docx"),
        (make_html([LETTER]), "html"),
        (b'{"value": []}', "json"),
        ("café".encode("cp1252"), "txt"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04" + b"\x00" * 40, "binary"),
    ],
)
def test_detect_by_content(data, kind):
    assert detect(data) == kind


def test_utf8_and_windows_1252_and_latin1_text():
    assert decode("één café".encode()) == ("één café", "utf-8")
    assert decode("“café” – € 5".encode("cp1252")) == ("“café” – € 5", "windows-1252")
    # 0x81 is undefined in Windows-1252: such a file is Latin-1.
    assert decode(b"caf\xe9 \x81")[1] == "latin-1"
    parsed = read_document("Geachte voorzitter, café.".encode("cp1252"), "brief.txt")
    assert parsed.letters[0].text == "Geachte voorzitter, café."
    assert "windows-1252" in parsed.letters[0].notes[0]


def test_pdf_text_layer_all_pages():
    parsed = read_document(make_pdf([LETTER, "Tweede pagina."]), "brief.pdf")
    assert parsed.format == "pdf"
    text = parsed.letters[0].text
    assert "Ik zal uw Kamer voor de zomer informeren" in text and "Tweede pagina." in text


def test_pdf_encrypted_with_empty_password_is_read():
    parsed = read_document(encrypt_pdf(make_pdf(LETTER), password=""), "brief.pdf")
    assert "Sahel" in parsed.letters[0].text


@pytest.mark.parametrize(
    "data, reason",
    [
        (make_pdf("x", text_layer=False), "no text layer"),
        (encrypt_pdf(make_pdf(LETTER)), "encrypted"),
        (make_pdf(LETTER)[:200], "damaged"),
        (b"%PDF-1.7\n" + b"\x07garbage" * 50, "damaged"),
    ],
)
def test_bad_pdfs_say_why(data, reason):
    with pytest.raises(ImportFailed, match=reason):
        read_document(data, "brief.pdf")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary" * 20, "not a letter in a format we read"),
        (b"PK\x03\x04" + b"\x00" * 100, "not a letter in a format we read"),
    ],
)
def test_empty_and_binary_files(data, reason):
    with pytest.raises(ImportFailed, match=reason):
        read_document(data, "brief.txt")


def test_docx_paragraphs_and_title():
    parsed = read_document(make_docx(["Geachte voorzitter,", LETTER], title="Sahel"), "b.docx")
    assert parsed.format == "docx"
    assert parsed.letters[0].text.startswith("Geachte voorzitter,\nGeachte voorzitter,\nIk zal")
    assert parsed.letters[0].metadata == {"title": "Sahel"}


def test_html_body_and_page_metadata():
    parsed = read_document(make_html([LETTER]), "kst-29521-470.html")
    letter = parsed.letters[0]
    assert "Ik zal uw Kamer voor de zomer informeren over de Sahel." in letter.text
    assert "analytics" not in letter.text and "Cookies" not in letter.text  # script, footer
    assert "Zoeken" not in letter.text  # navigation
    assert letter.metadata["dossier"] == "29521"
    assert letter.metadata["kamerstuk"] == "29521-470"
    assert letter.metadata["date"] == dt.date(2024, 2, 12)
    assert letter.metadata["ministry"] == "Buitenlandse Zaken"
    assert letter.metadata["source_url"].endswith("kst-29521-470.html")


def test_mislabelled_extension_is_read_by_content_and_said():
    parsed = read_document(make_pdf(LETTER), "brief.docx")
    assert parsed.format == "pdf"
    assert parsed.notes == ["the name ends in .docx but the content is PDF; read as PDF"]
    parsed = read_document(LETTER.encode(), "brief.pdf")
    assert parsed.format == "txt" and ".pdf" in parsed.notes[0]


def test_opendata_toezeggingen():
    parsed = read_document((OPENDATA / "toezeggingen.json").read_bytes(), "toezeggingen.json")
    assert [e.register_number for e in parsed.register] == [
        "TZ202310-045",
        "TZ202309-112",
        "TZ202311-007",
    ]  # the deleted record is skipped
    first = parsed.register[0]
    assert first.actor == "minister van Buitenlandse Zaken, H.G.J. Bruins Slot"
    assert first.ministry == "Buitenlandse Zaken"
    assert first.made_to == "Kati Piri (GL-PvdA)"
    assert first.made_on == dt.date(2023, 10, 12)
    assert first.committee == "vaste commissie voor Buitenlandse Zaken"
    assert parsed.register[1].status == "Voldaan"
    assert parsed.register[1].fulfilled_by[0][0] == "d1c7f0b3-2a4e-4b9d-a8e1-5c6f7a8b9c0d"
    assert parsed.register[1].due_date == dt.date(2024, 3, 31)


def test_opendata_documents_with_sibling_and_inline_files():
    path = OPENDATA / "documenten.json"

    def resolve(doc_id):
        sibling = OPENDATA / f"{doc_id}.txt"
        return sibling.read_bytes() if sibling.exists() else None

    parsed = read_document(path.read_bytes(), path.name, resolve_file=resolve)
    assert len(parsed.letters) == 2
    groningen, woo = parsed.letters
    assert "versterkingsopgave" in groningen.text
    assert groningen.metadata["kamerstuk"] == "33529-1152"
    assert groningen.metadata["dossier"] == "33529"
    assert groningen.metadata["ministry"] == "Economische Zaken en Klimaat"
    assert groningen.metadata["date"] == dt.date(2024, 3, 18)
    assert groningen.metadata["subject"] == "Stand van zaken versterkingsopgave Groningen"
    assert woo.metadata["subject"] == "Voortgang evaluatie Wet open overheid"
    assert groningen.external_id == "d1c7f0b3-2a4e-4b9d-a8e1-5c6f7a8b9c0d"
    assert "Wet open overheid" in woo.text  # from the inline base64 file
    assert parsed.failures == [
        ("2024D99999", "the file of document 00000000-dead-4bee-8f00-000000000000 is missing")
    ]


def test_json_that_is_not_open_data():
    with pytest.raises(ImportFailed, match="no Tweede Kamer"):
        read_document(json.dumps({"hello": "world"}).encode(), "x.json")
