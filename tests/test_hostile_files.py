"""Hostile and malformed files: each is refused by name with its reason, nothing escapes as a
traceback, and the good files next to them still come in."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from commitments import extraction
from commitments.extraction.deadlines import parse_deadline
from commitments.importers import ImportFailed, read_document
from commitments.letters import file_import
from commitments.models import Commitment, Letter, Origin
from tests.documents import docx_bomb, make_docx, make_pdf
from tests.fake_extraction import fake_extract

LETTER = (
    "Den Haag, 1 maart 2024\n\nGeachte voorzitter,\n\nIk zal uw Kamer voor de zomer "
    "informeren over de Sahel.\n"
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_a_docx_bomb_is_refused_before_it_is_unpacked():
    data = docx_bomb(300)
    assert len(data) < 5 * 1024 * 1024
    with pytest.raises(ImportFailed, match=r"unpacked it would be 300\.\d\xa0MB.*zip bomb"):
        read_document(data, "bom.docx")


def test_the_xml_parts_have_a_tighter_bound(settings):
    settings.LETTER_MAX_XML_BYTES = 2 * 1024 * 1024
    with pytest.raises(ImportFailed, match=r"its XML would be 3\.\d\xa0MB unpacked"):
        read_document(docx_bomb(3), "bom.docx")


def test_a_docx_with_too_many_entries_is_refused(settings):
    settings.LETTER_MAX_ZIP_ENTRIES = 50
    source = zipfile.ZipFile(io.BytesIO(make_docx([LETTER])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        for n in range(60):
            archive.writestr(f"customXml/item{n}.bin", b"x")
    with pytest.raises(ImportFailed, match="holds 7\\d files, more than the limit of 50"):
        read_document(out.getvalue(), "many.docx")


def test_the_total_unpacked_size_is_bounded_too(settings):
    settings.LETTER_MAX_UNZIPPED_BYTES = 1024 * 1024
    source = zipfile.ZipFile(io.BytesIO(make_docx([LETTER])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.writestr("word/media/image1.bmp", b"\x00" * 2 * 1024 * 1024)
    with pytest.raises(ImportFailed, match="unpacked it would be 2.\\d\xa0MB"):
        read_document(out.getvalue(), "big-image.docx")


def test_a_docx_within_the_limits_is_read():
    parsed = read_document(make_docx(["Geachte voorzitter,", LETTER]), "brief.docx")
    assert "de Sahel" in parsed.letters[0].text


def test_an_error_while_walking_the_docx_is_a_clear_failure(monkeypatch):
    import docx.document

    def broken(self):
        raise AttributeError("'NoneType' object has no attribute 'iter'")
        yield  # pragma: no cover

    monkeypatch.setattr(docx.document.Document, "iter_inner_content", broken)
    with pytest.raises(ImportFailed, match="the Word document is damaged"):
        read_document(make_docx([LETTER]), "odd.docx")


def test_a_certificate_encrypted_pdf_is_refused_with_its_reason():
    data = make_pdf(LETTER, encrypt_filter="Adobe.PubSec")
    with pytest.raises(ImportFailed, match="encrypted in a way we cannot open.*certificates"):
        read_document(data, "certificaat.pdf")


def _document(**fields) -> dict:
    record = {
        "@odata.type": "#TK.DA.GGM.OData.Document",
        "Id": "11111111-2222-4333-8444-555555555555",
        "DocumentNummer": "2024D00001",
        "Soort": "Brief regering",
        "Onderwerp": "Een goede brief",
        "Datum": "2024-03-01T00:00:00+01:00",
        "Bestand": base64.b64encode(LETTER.encode()).decode(),
    }
    record.update(fields)
    return record


def _toezegging(number: str, **fields) -> dict:
    record = {
        "@odata.type": "#TK.DA.GGM.OData.Toezegging",
        "Id": f"id-{number}",
        "Nummer": number,
        "Tekst": "De minister zegt toe de Kamer voor de zomer te informeren.",
        "Status": "Openstaand",
        "Datum": "2024-03-01T00:00:00+01:00",
    }
    record.update(fields)
    return record


@pytest.mark.parametrize(
    "record, reason",
    [
        (_document(Bestand=[]), "Bestand should be text, not a list"),
        (_document(Bestand=5), "Bestand should be text, not a number"),
        (_document(DocumentActor=5), "DocumentActor should be a list of objects, not a number"),
        (
            _document(DocumentActor=[{"ActorNaam": ["Ministerie van Defensie"]}]),
            "DocumentActor.ActorNaam should be text, not a list",
        ),
        (_document(Kamerstukdossier=5), "Kamerstukdossier should be a list of objects"),
        (_document(Onderwerp={"a": 1}), "Onderwerp should be text, not an object"),
        (
            _toezegging("TZ2", Kamerlid={"Roepnaam": 5, "Achternaam": "Piri"}),
            "Kamerlid.Roepnaam should be text, not a number",
        ),
        (_toezegging("TZ2", Tekst=["a"]), "Tekst should be text, not a list"),
        (_toezegging("TZ2", Document=5), "Document should be a list of objects"),
        (_toezegging("TZ2", Activiteit=[1]), "Activiteit should be a list of objects, not a list"),
        (_toezegging("TZ2", Persoon=True), "Persoon should be an object, not true/false"),
        (_toezegging("TZ2", Fractie={"Afkorting": 3}), "Fractie.Afkorting should be text"),
    ],
)
def test_mistyped_open_data_fails_the_record_by_name(record, reason):
    payload = {"value": [record, _toezegging("TZ1")]}
    parsed = read_document(json.dumps(payload).encode(), "mistyped.json")
    assert [e.register_number for e in parsed.register] == ["TZ1"]  # the good record stays
    assert len(parsed.failures) == 1
    label, why = parsed.failures[0]
    assert label in ("2024D00001", "TZ2") and reason in why, parsed.failures


def test_a_record_with_numbers_where_the_feed_has_numbers_is_fine():
    record = _document(Volgnummer=12, Kamerstukdossier=[{"Nummer": 36000, "Toevoeging": "X"}])
    parsed = read_document(json.dumps({"value": [record]}).encode(), "ok.json")
    assert parsed.letters[0].metadata["kamerstuk"] == "36000-X-12"


@pytest.mark.parametrize("reference", ["9999-12-31", "9999-12-20"])
@pytest.mark.parametrize(
    "phrase",
    ["binnen twee weken", "voor de zomer", "in het eerste kwartaal", "zo spoedig mogelijk"],
)
def test_deadlines_past_the_calendars_end_have_no_date(reference, phrase):
    import datetime as dt

    found = parse_deadline(
        f"De minister zal de Kamer {phrase} informeren.", dt.date.fromisoformat(reference)
    )
    assert found is not None and found.due is None


@pytest.mark.django_db
def test_a_register_record_dated_9999_is_kept_without_a_due_date(monkeypatch):
    monkeypatch.setattr(extraction, "extract", fake_extract)
    payload = {
        "value": [
            _toezegging("TZ9", Datum="9999-12-31T00:00:00", Tekst="Toegezegd binnen twee weken."),
            _toezegging("TZ10", DatumNakoming="9999-12-31T00:00:00"),
            _toezegging("TZ1"),
        ]
    }
    result = file_import(data=json.dumps(payload).encode(), name="register.json")
    assert not result.failed, result.failures
    numbers = set(Commitment.objects.values_list("register_number", flat=True))
    assert numbers == {"TZ1", "TZ9", "TZ10"}
    assert Commitment.objects.get(register_number="TZ9").due_date is None


@pytest.mark.django_db
def test_any_error_while_reading_one_file_is_reported_not_raised(monkeypatch):
    def explode(data, name, **kwargs):
        raise RuntimeError("a reader's bug")

    monkeypatch.setattr("commitments.letters.read_document", explode)
    result = file_import(data=LETTER.encode(), name="a.txt")
    assert result.failures == [("a.txt", "could not be read (RuntimeError: a reader's bug)")]


def run(*args) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("importletters", *map(str, args), stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return out.getvalue(), err.getvalue(), code


@pytest.mark.django_db
def test_one_file_that_breaks_the_importer_does_not_end_the_run(monkeypatch, tmp_path, settings):
    """Whatever goes wrong with one file (here a bug in reading it) is that file's failure."""
    monkeypatch.setattr(extraction, "extract", fake_extract)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    from commitments.management.commands import importletters

    real = importletters.file_import

    def explode_on_b(*, data, name, **kwargs):
        if name == "b.txt":
            raise KeyError("something nobody foresaw")
        return real(data=data, name=name, **kwargs)

    monkeypatch.setattr(importletters, "file_import", explode_on_b)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(LETTER.replace("Sahel", name), encoding="utf-8")
    out, err, code = run(folder)
    assert code == 1
    assert "imported: 2, already present: 0, failed: 1" in out
    assert f"failed: {folder / 'b.txt'}: KeyError: 'something nobody foresaw'" in err
    assert "Traceback" not in out + err
    assert Letter.objects.count() == 2


@pytest.mark.django_db
def test_the_bar_folder_names_each_bad_file_and_imports_the_good_letter(
    monkeypatch, tmp_path, settings
):
    """Issue 12's bar: a 300 MB-XML .docx, a certificate-encrypted PDF and mistyped open data
    next to a good letter (the memory it takes is measured in bench/bench_hostile_import.py)."""
    monkeypatch.setattr(extraction, "extract", fake_extract)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bom.docx").write_bytes(docx_bomb(300))
    (folder / "certificaat.pdf").write_bytes(make_pdf(LETTER, encrypt_filter="Adobe.PubSec"))
    (folder / "mistyped.json").write_text(
        json.dumps({"value": [_document(Bestand=[], DocumentActor=5)]}), encoding="utf-8"
    )
    (folder / "goed.pdf").write_bytes(make_pdf(LETTER))
    out, err, code = run(folder)
    assert code == 1
    assert "imported: 1, already present: 0, failed: 3" in out
    lines = err.splitlines()
    for name, reason in [
        ("bom.docx", "zip bomb"),
        ("certificaat.pdf", "encrypted in a way we cannot open"),
        ("mistyped.json [2024D00001]", "Bestand should be text, not a list"),
    ]:
        assert any(name in line and reason in line for line in lines), (name, err)
    assert "Traceback" not in out + err
    assert Letter.objects.get().source_name == "goed.pdf"
    assert not Commitment.objects.exclude(origin=Origin.EXTRACTED).exists()


def test_the_hostile_import_benchmark_runs_at_smoke_size():
    """bench/bench_hostile_import.py must not rot: its smoke size runs here (the 300 MB run and
    its peak RSS figure are on demand, `make bench`)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, str(root / "bench" / "bench_hostile_import.py"), "--smoke"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "peak RSS of a run" in result.stdout


@pytest.mark.django_db
def test_an_uploaded_docx_bomb_is_refused_by_name(analyst_client, settings, tmp_path, monkeypatch):
    """The web worker that went to 7.8 GB and a 500 now answers with the reason."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    monkeypatch.setattr(extraction, "extract", fake_extract)
    settings.MEDIA_ROOT = str(tmp_path)
    analyst_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    files = [
        SimpleUploadedFile("bom.docx", docx_bomb(300)),
        SimpleUploadedFile("goed.txt", LETTER.encode()),
    ]
    response = analyst_client.post(
        reverse("commitments:letter-upload"), {"files": files}, follow=True
    )
    assert response.status_code == 200
    text = "\n".join(str(m) for m in response.context["messages"])
    assert "bom.docx was not imported: unpacked it would be 300.8\xa0MB" in text
    assert Letter.objects.get().source_name == "goed.txt"


def test_a_huge_central_directory_is_refused_before_it_is_listed(monkeypatch):
    """Listing 400,000 entries costs seconds and hundreds of MB: the end record's figures are
    checked before zipfile reads the directory."""
    source = zipfile.ZipFile(io.BytesIO(make_docx([LETTER])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        for n in range(5000):
            archive.writestr(f"x/{n}", b"")

    def no_listing(*args, **kwargs):
        raise AssertionError("the directory was listed")

    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", no_listing)
    with pytest.raises(ImportFailed, match="holds 50\\d\\d files, more than the limit of 1000"):
        read_document(out.getvalue(), "veel.docx")
