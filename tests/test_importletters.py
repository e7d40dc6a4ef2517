"""`importletters` over a folder of good and bad files, register records, and `reextract`."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from commitments import extraction
from commitments.letters import file_import, letter_extract, register_import
from commitments.models import (
    Commitment,
    Event,
    EventKind,
    Letter,
    Origin,
    Review,
    Status,
)
from commitments.services import commitment_confirm, commitment_edit, commitment_reopen
from tests.documents import encrypt_pdf, make_docx, make_html, make_pdf
from tests.fake_extraction import broken_extract, fake_extract

OPENDATA = Path(__file__).resolve().parent.parent / "fixtures" / "opendata"


def letter_text(n: int, subject: str) -> str:
    return (
        f"Den Haag, {n} maart 2024\n\nGeachte voorzitter,\n\nIn deze brief nummer {n} ga "
        f"ik in op {subject}. Ik zal uw Kamer voor de zomer informeren over {subject}.\n"
    )


@pytest.fixture(autouse=True)
def english_and_fake_extractor(monkeypatch, settings, tmp_path):
    monkeypatch.setattr(extraction, "extract", fake_extract)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with translation.override("en"):
        yield


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / "a.txt").write_text(letter_text(1, "de Sahel"), encoding="utf-8")
    (folder / "b-cp1252.txt").write_bytes(letter_text(2, "café-subsidies").encode("cp1252"))
    (folder / "c.pdf").write_bytes(make_pdf(letter_text(3, "de visserij")))
    (folder / "sub" / "d.docx").write_bytes(make_docx(letter_text(4, "het onderwijs").split("\n")))
    (folder / "sub" / "e.html").write_bytes(make_html([letter_text(5, "de woningbouw")]))
    (folder / "sub" / "deeper" / "f-really-a-pdf.docx").write_bytes(
        make_pdf(letter_text(6, "de zorg"))
    )
    (folder / "sub" / "a-copy.txt").write_text(letter_text(1, "de Sahel"), encoding="utf-8")
    shutil.copytree(OPENDATA, folder / "opendata")
    # the bad ones
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 50)
    (folder / "scan.pdf").write_bytes(make_pdf("x", text_layer=False))
    (folder / "locked.pdf").write_bytes(encrypt_pdf(make_pdf(letter_text(7, "geheim"))))
    (folder / "broken.pdf").write_bytes(make_pdf(letter_text(8, "defect"))[:250])
    (folder / "huge.txt").write_text(letter_text(9, "omvang") * 600, encoding="utf-8")
    return folder


def run(*args) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("importletters", *map(str, args), stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
        err.write(str(exc))
    return out.getvalue(), err.getvalue(), code


def test_mixed_folder_imports_good_reports_bad_and_is_idempotent(db, mixed_folder, settings):
    settings.LETTER_MAX_BYTES = 60_000
    out, err, code = run(mixed_folder)

    assert code == 1
    # 6 single letters + 2 open-data documents; 3 register commitments
    assert "imported: 11, already present: 1, failed: 7" in out
    assert Letter.objects.count() == 8
    assert Commitment.objects.filter(origin=Origin.REGISTER).count() == 3
    for name, reason in [
        ("empty.txt", "the file is empty"),
        ("image.png", "the file is not a letter: PNG image"),
        ("scan.pdf", "no text layer"),
        ("locked.pdf", "encrypted with a password"),
        ("broken.pdf", "damaged or incomplete"),
        ("huge.txt", "larger than the limit of 58.6\xa0KB"),
        ("documenten.json [2024D99999]", "is missing"),
    ]:
        line = next((ln for ln in err.splitlines() if name in ln), "")
        assert reason in line, (name, err)
    assert "f-really-a-pdf.docx: the name ends in .docx but the content is PDF" in out
    assert "b-cp1252.txt: read as windows-1252" in out
    letter = Letter.objects.get(source_name="b-cp1252.txt")
    assert "café-subsidies" in letter.text
    # extraction ran for each new letter
    assert not Letter.objects.exclude(extraction_state="done").exists()
    assert Commitment.objects.filter(origin=Origin.EXTRACTED).count() >= 6

    snapshot = (Letter.objects.count(), Commitment.objects.count(), Event.objects.count())
    out, err, code = run(mixed_folder)
    assert code == 1  # the bad files are still bad
    assert "imported: 0, already present: 12, failed: 7" in out
    assert (Letter.objects.count(), Commitment.objects.count(), Event.objects.count()) == snapshot


def test_clean_folder_exits_zero(db, tmp_path):
    (tmp_path / "a.txt").write_text(letter_text(1, "de Sahel"), encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(make_pdf(letter_text(2, "de visserij")))
    out, err, code = run(tmp_path)
    assert code == 0 and err == ""
    assert "imported: 2, already present: 0, failed: 0" in out


def test_missing_path_is_a_failure(db, tmp_path):
    out, err, code = run(tmp_path / "nope")
    assert code == 1 and "no such file or folder" in err


def test_original_file_stored_under_generated_name(db):
    result = file_import(data=make_pdf(letter_text(1, "x")), name="../../etc/passwd.pdf")
    letter = result.created_letters[0]
    stored = Path(letter.original_file.name)
    assert stored.parent.name == str(dt.date.today().year)
    assert len(stored.stem) == 32 and stored.suffix == ".pdf" and "passwd" not in stored.name
    assert letter.source_name == "../../etc/passwd.pdf"  # shown, never used as a path


def test_nothing_half_stored_when_a_file_fails(db, monkeypatch):
    real = register_import
    calls = []

    def explode_on_second(entry):
        calls.append(entry)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real(entry)

    monkeypatch.setattr("commitments.letters.register_import", explode_on_second)
    result = file_import(data=(OPENDATA / "toezeggingen.json").read_bytes(), name="t.json")
    assert result.failed and not result.register
    assert "database went away" in result.failures[0][1]
    assert Commitment.objects.count() == 0  # the first record was rolled back with the rest
    assert Event.objects.count() == 0


def test_register_records_become_register_commitments(db):
    data = (OPENDATA / "documenten.json").read_bytes()
    sibling = (OPENDATA / "d1c7f0b3-2a4e-4b9d-a8e1-5c6f7a8b9c0d.txt").read_bytes()
    file_import(
        data=data,
        name="documenten.json",
        resolve_file=lambda i: sibling if i.startswith("d1c7") else None,
    )
    result = file_import(data=(OPENDATA / "toezeggingen.json").read_bytes(), name="tz.json")
    assert [created for _c, created in result.register] == [True, True, True]

    sahel = Commitment.objects.get(register_number="TZ202310-045")
    assert sahel.origin == Origin.REGISTER and sahel.review == Review.CONFIRMED
    assert sahel.status == Status.OPEN
    assert sahel.made_to == "Kati Piri (GL-PvdA)"
    assert sahel.ministry == "Buitenlandse Zaken"
    assert sahel.made_on == dt.date(2023, 10, 12)
    assert sahel.deadline_phrase == "voor de zomer van 2024"  # parse_deadline on the text
    assert sahel.due_date is not None and sahel.due_date.year == 2024

    groningen = Commitment.objects.get(register_number="TZ202309-112")
    assert groningen.status == Status.FULFILLED
    fulfilled = groningen.events.get(kind=EventKind.FULFILLED)
    assert fulfilled.letter == Letter.objects.get(kamerstuk="33529-1152")
    # dated by the fulfilling letter, not by the day of the import
    assert timezone.localtime(fulfilled.at).date() == fulfilled.letter.date

    assert Commitment.objects.get(register_number="TZ202311-007").status == Status.PARTLY_FULFILLED

    events = Event.objects.count()
    again = file_import(data=(OPENDATA / "toezeggingen.json").read_bytes(), name="tz2.json")
    assert [created for _c, created in again.register] == [False, False, False]
    assert Event.objects.count() == events


def _register_export(**changes: dict) -> bytes:
    """The fixture export of the register, with some records moved on."""
    data = json.loads((OPENDATA / "toezeggingen.json").read_text("utf-8"))
    for record in data["value"]:
        record.update(changes.get(record["Nummer"], {}))
    return json.dumps(data).encode()


def test_a_later_register_export_brings_its_changes_once(db, analyst):
    file_import(data=_register_export(), name="tz.json")
    sahel = Commitment.objects.get(register_number="TZ202310-045")
    wet = Commitment.objects.get(register_number="TZ202311-007")
    # An analyst reopens the partly fulfilled one; the register has not changed, so a later
    # export must not undo that.
    commitment_reopen(commitment=wet, user=analyst, version=wet.version, note="not yet")

    later = _register_export(
        **{
            "TZ202310-045": {
                "Status": "Voldaan",
                "Document": [
                    {"Id": "e2e2e2e2-0000-4000-8000-000000000001", "Titel": "Brief over de Sahel"}
                ],
            },
        }
    )
    result = file_import(data=later, name="tz-later.json")
    assert [created for _c, created in result.register] == [False, False, False]

    sahel.refresh_from_db()
    assert sahel.status == Status.FULFILLED and sahel.register_status_seen == "Voldaan"
    fulfilled = sahel.events.get(kind=EventKind.FULFILLED)  # one event, citing the letter
    assert fulfilled.note == "Brief over de Sahel"
    assert (fulfilled.old_status, fulfilled.new_status) == (Status.OPEN, Status.FULFILLED)
    wet.refresh_from_db()
    assert wet.status == Status.OPEN  # the analyst's decision stands

    events = Event.objects.count()
    file_import(data=later, name="tz-later-again.json")
    assert Event.objects.count() == events

    # The register moves the Sahel record back to open: we follow, with a reopened event.
    file_import(data=_register_export(), name="tz-reopened.json")
    sahel.refresh_from_db()
    assert sahel.status == Status.OPEN
    reopened = sahel.events.get(kind=EventKind.REOPENED)
    assert "Openstaand" in reopened.note and reopened.user is None


def test_a_register_row_from_before_the_word_was_kept_only_learns_it(db):
    file_import(data=_register_export(), name="tz.json")
    sahel = Commitment.objects.get(register_number="TZ202310-045")
    Commitment.objects.filter(pk=sahel.pk).update(register_status_seen="")
    events = Event.objects.count()
    file_import(data=_register_export(**{"TZ202310-045": {"Status": "Voldaan"}}), name="b.json")
    sahel.refresh_from_db()
    assert sahel.status == Status.OPEN and sahel.register_status_seen == "Voldaan"
    assert Event.objects.count() == events


def test_unknown_register_status_fails_the_record(db):
    from commitments.importers import ImportFailed, RegisterEntry

    with pytest.raises(ImportFailed, match="unknown register status"):
        register_import(RegisterEntry("TZ1", "Tekst", "Misschien"))


def test_reextract_keeps_what_analysts_decided(db, analyst):
    result = file_import(
        data=letter_text(1, "de Sahel").encode() + b"Ik zal ook de begroting sturen.\n",
        name="a.txt",
    )
    letter = letter_extract(result.created_letters[0])
    first, second = letter.commitments.order_by("span_start")
    commitment_confirm(commitment=first, user=analyst, version=first.version)
    second.refresh_from_db()
    commitment_edit(
        commitment=second,
        user=analyst,
        version=second.version,
        reason="beter",
        text="Begroting sturen",
    )
    out = StringIO()
    call_command("reextract", stdout=out)
    assert "re-extracted: 1, failed: 0" in out.getvalue()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.review == Review.CONFIRMED and second.text == "Begroting sturen"
    assert letter.commitments.count() == 2


def test_reextract_reports_failures(db, monkeypatch):
    result = file_import(data=letter_text(1, "de Sahel").encode(), name="a.txt")
    monkeypatch.setattr(extraction, "extract", broken_extract)
    out, err = StringIO(), StringIO()
    call_command("reextract", stdout=out, stderr=err)
    assert "failed: 1" in out.getvalue() and "tripped" in err.getvalue()
    letter = result.created_letters[0]
    letter.refresh_from_db()
    assert letter.extraction_state == "failed"
