"""The open-data sync against a stand-in Tweede Kamer API on 127.0.0.1 (tests/tkapi_standin.py,
serving fixtures/tkapi/). Nothing here reaches the internet."""

from __future__ import annotations

import datetime as dt
import logging
import urllib.parse

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from commitments import tksync
from commitments.models import (
    Commitment,
    Event,
    EventKind,
    ExtractionState,
    Letter,
    SourceKind,
    Status,
    SyncAction,
    SyncCursor,
    SyncItem,
    SyncRun,
    SyncState,
)
from tests.tkapi_standin import FIXTURES, StandIn

D = "b3f0c2de-1a11-4c1e-9f10-00000000000"  # the recorded Document Ids end in 1..7
GRONINGEN, WOO, SCAN, ANSWERS, LATER = D + "1", D + "2", D + "4", D + "6", D + "7"
FINAL_DOCUMENT = "2024-04-11T09:00:03.7Z"  # the latest change among the recorded Documents


@pytest.fixture
def api(settings, tmp_path):
    standin = StandIn().start()
    settings.TK_ODATA_URL = standin.odata_url
    settings.TK_OFFICIELE_BEKENDMAKINGEN_URL = standin.base + "/obk"
    settings.TK_SYNC_SINCE = ""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield standin
    standin.stop()


class Sleeper:
    """Stands in for time.sleep: records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def http_client(sleeper: Sleeper | None = None, **kwargs) -> tksync.Http:
    kwargs.setdefault("attempts", 4)
    return tksync.Http(timeout=5, sleep=sleeper or Sleeper(), **kwargs)


def snapshot() -> dict:
    """Everything a sync writes that users see, without row ids or clock times."""
    letters = {
        letter.external_id or letter.content_hash: (
            letter.content_hash,
            letter.title,
            letter.date,
            letter.kamerstuk,
            letter.ministry,
            letter.document_number,
            letter.public_url,
            letter.source_kind,
            letter.source_format,
            letter.withdrawn_at_source is not None,
            letter.extraction_state,
        )
        for letter in Letter.objects.all()
    }

    def key(commitment: Commitment | None) -> str:
        if commitment is None:
            return ""
        return commitment.register_number or f"{commitment.letter.external_id}:{commitment.quote}"

    commitments = {
        key(c): (c.number, c.status, c.review, c.text, c.due_date, c.origin)
        for c in Commitment.objects.select_related("letter")
    }
    events = sorted(
        (
            key(e.commitment),
            e.kind,
            e.new_status,
            e.dedupe_key or "",
            e.letter.external_id if e.letter else "",
            e.url,
        )
        for e in Event.objects.select_related("commitment__letter", "letter")
    )
    cursors = dict(SyncCursor.objects.values_list("entity", "position"))
    return {"letters": letters, "commitments": commitments, "events": events, "cursors": cursors}


# --- the Bar --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_first_run_stores_the_letters_and_toezeggingen_a_second_changes_nothing(api, capsys):
    call_command("synctk")

    letters = {letter.external_id: letter for letter in Letter.objects.all()}
    # Letters of the government (two Soorten), not the Motie, the deleted record or the scan.
    assert set(letters) == {GRONINGEN, WOO, ANSWERS}
    groningen = letters[GRONINGEN]
    assert groningen.source_kind == SourceKind.OPENDATA
    assert groningen.document_number == "2024D10421"
    assert groningen.kamerstuk == "33529-1152" and groningen.dossier == "33529"
    assert groningen.date == dt.date(2024, 3, 18) and not groningen.date_inferred
    assert groningen.title == "Brief regering; Stand van zaken versterkingsopgave Groningen"
    assert groningen.ministry == "Economische Zaken en Klimaat"
    assert groningen.signatories == [
        {"name": "H. Vijlbrief", "office": "staatssecretaris van Economische Zaken en Klimaat"}
    ]
    assert groningen.public_url == (
        "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail"
        "?id=2024Z04567&did=2024D10421"
    )
    assert groningen.source_url == (
        f"https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document({GRONINGEN})/resource"
    )
    # The clean officielebekendmakingen text was preferred; the PDF is kept as the original.
    assert groningen.source_format == "html"
    assert "Retouradres" not in groningen.text and "Loppersum" in groningen.text
    assert groningen.original_file.name.endswith(".pdf")
    assert groningen.original_file.read().startswith(b"%PDF")
    # Without an HTML page (404) the PDF's own text is used.
    assert letters[WOO].source_format == "pdf" and letters[ANSWERS].source_format == "docx"
    assert letters[ANSWERS].public_url.startswith(
        "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?"
    )

    # Extracted: each letter's promise is a proposed commitment.
    for letter in letters.values():
        assert letter.extraction_state == ExtractionState.DONE
        assert letter.commitments.count() == 1, letter.text
    assert "herbeoordeling" in groningen.commitments.get().text

    # Every toezegging but the deleted one, through the register import.
    register = {c.register_number: c for c in Commitment.objects.filter(register_number__gt="")}
    assert set(register) == {"TZ202311-031", "TZ202311-007", "TZ202402-018"}
    assert register["TZ202311-007"].status == Status.PARTLY_FULFILLED
    # "0001-01-01T00:00:00Z" is the API's "no date", not a deadline in year one.
    assert register["TZ202402-018"].due_date is None
    # The register's fulfilling letter is on the timeline, linked to the stored letter.
    partly = register["TZ202311-007"].events.get(kind=EventKind.PARTLY_FULFILLED)
    assert partly.letter == letters[WOO]

    # The scanned PDF is a failed letter with its reason and URL; the sync went on past it.
    failure = SyncItem.objects.get(action=SyncAction.FAILED)
    assert failure.external_id == SCAN and failure.label == "2024D15012"
    assert "OCR" in failure.reason
    assert failure.url == f"{api.odata_url}/Document({SCAN})/resource"
    run = SyncRun.objects.get()
    assert run.state == SyncState.DONE
    assert (run.letters_created, run.register_created, run.failed) == (3, 3, 1)
    assert run.skipped == 2  # the deleted Document and the deleted Toezegging
    assert dict(SyncCursor.objects.values_list("entity", "position")) == {
        "Document": "2024-04-11T09:00:03.7Z",
        "Toezegging": "2024-04-06T09:00:00.9Z",
    }
    assert "nieuwe brieven: 3" in capsys.readouterr().out

    before = snapshot()
    api.requests.clear()
    call_command("synctk")
    assert snapshot() == before
    # It asked only for what changed after the cursor, and fetched no file.
    assert not any("/resource" in r for r in api.requests)
    assert any(
        "ApiGewijzigdOp gt 2024-04-11T09:00:03.7Z" in urllib.parse.unquote(r) for r in api.requests
    )


@pytest.mark.django_db
def test_a_letter_added_later_arrives_with_its_commitment_and_fulfils_a_toezegging(api):
    call_command("synctk")
    woo = Letter.objects.get(external_id=WOO)
    woo_commitment = woo.commitments.get()

    api.load(FIXTURES / "later")  # a new letter; TZ202311-031 moved to Voldaan; Woo withdrawn
    call_command("synctk")

    later = Letter.objects.get(external_id=LATER)
    assert later.extraction_state == ExtractionState.DONE
    assert "najaar van 2024" in later.commitments.get().quote
    fulfilled = Commitment.objects.get(register_number="TZ202311-031")
    assert fulfilled.status == Status.FULFILLED
    event = fulfilled.events.get(kind=EventKind.FULFILLED)
    assert event.letter == later and event.new_status == Status.FULFILLED

    # The deleted document's letter stays, marked, with a note on its commitment's timeline.
    woo.refresh_from_db()
    assert woo.withdrawn_at_source is not None
    assert woo.commitments.get() == woo_commitment
    note = woo_commitment.events.get(kind=EventKind.NOTE)
    assert "2024D14007" in note.note and note.letter == woo
    assert SyncItem.objects.filter(action=SyncAction.WITHDRAWN, external_id=WOO).count() == 1

    # And again: nothing changes.
    before = snapshot()
    call_command("synctk")
    assert snapshot() == before


# --- network robustness -----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_429_is_retried_after_the_time_retry_after_asks(api):
    api.fail("/Document?", status=429, headers={"Retry-After": "7"})
    sleeper = Sleeper()
    run = tksync.sync(client=http_client(sleeper))
    assert run.state == SyncState.DONE
    assert sleeper.waits == [7.0]
    assert Letter.objects.count() == 3
    assert SyncCursor.objects.get(entity="Document").position == FINAL_DOCUMENT


@pytest.mark.django_db
def test_a_500_is_retried_with_backoff_and_then_succeeds(api):
    api.fail("$skip=2", status=500)
    api.fail("$skip=2", status=503)
    sleeper = Sleeper()
    run = tksync.sync(client=http_client(sleeper, backoff=1.0))
    assert run.state == SyncState.DONE
    assert len(sleeper.waits) == 2 and 1 <= sleeper.waits[0] < sleeper.waits[1] <= 2.5
    assert Letter.objects.count() == 3 and Commitment.objects.filter(origin="register").count() == 3
    assert SyncCursor.objects.get(entity="Document").position == FINAL_DOCUMENT


@pytest.mark.django_db
def test_giving_up_names_the_url_and_keeps_the_cursor_after_the_last_stored_page(api, caplog):
    for _attempt in range(4):
        api.fail("Document?", status=502)  # every attempt at the first Document page
    sleeper = Sleeper()
    with caplog.at_level(logging.ERROR, logger="commitments.tksync"):
        run = tksync.sync(client=http_client(sleeper))
    assert run.state == SyncState.FAILED
    assert "4" in run.error and "502" in run.error
    assert run.error_url.startswith(f"{api.odata_url}/Document?")
    assert run.error_url in caplog.text
    assert len(sleeper.waits) == 3
    assert SyncCursor.objects.get(entity="Document").position == ""
    # The other entity set still came in.
    assert Commitment.objects.filter(origin="register").count() == 3


@pytest.mark.django_db
def test_a_truncated_page_is_an_error_naming_its_url_and_the_next_run_completes(api, caplog):
    uninterrupted = _uninterrupted()
    api.fail("Document?", truncate=True)
    api.faults[-1].path = "$skip=2"  # the second Document page
    with caplog.at_level(logging.ERROR, logger="commitments.tksync"):
        run = tksync.sync(client=http_client(), entities=("Document",))
    assert run.state == SyncState.FAILED
    assert "afgebroken of geen geldige JSON" in run.error
    assert "$skip=2" in urllib.parse.unquote(run.error_url) and run.error_url in caplog.text
    # Page one is stored; the cursor stops short of its last timestamp, which the next page
    # shares (two records changed at the same moment): neither is skipped on the resume.
    assert SyncCursor.objects.get(entity="Document").position == "2024-03-18T10:00:00.1234567Z"
    assert set(Letter.objects.values_list("external_id", flat=True)) == {GRONINGEN, WOO}

    assert tksync.sync(client=http_client()).state == SyncState.DONE
    assert snapshot() == uninterrupted


def _uninterrupted() -> dict:
    """The database after one uninterrupted run, then rolled back."""

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        tksync.sync(client=http_client())
        result = snapshot()
        raise Rollback
    assert Letter.objects.count() == 0
    return result


@pytest.mark.django_db
@pytest.mark.parametrize("pages", [1, 2, 3, 4])
def test_a_sync_killed_after_a_page_resumes_to_the_same_database(api, pages):
    uninterrupted = _uninterrupted()

    def kill(entity: str, page: int) -> None:
        if page == pages:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        tksync.sync(client=http_client(), on_page=kill)
    killed = SyncRun.objects.get()
    assert killed.state == SyncState.FAILED and "KeyboardInterrupt" in killed.error
    assert not SyncCursor.objects.exclude(claimed_by="").exists()  # the claim was released

    assert tksync.sync(client=http_client()).state == SyncState.DONE
    assert snapshot() == uninterrupted


@pytest.mark.django_db
@pytest.mark.parametrize("nth", [1, 2, 3])
def test_a_sync_killed_in_the_middle_of_a_page_resumes_to_the_same_database(api, monkeypatch, nth):
    uninterrupted = _uninterrupted()
    real = tksync.STORE["Document"]
    calls = {"n": 0}

    def dies(ctx, record):
        calls["n"] += 1
        real(ctx, record)
        if calls["n"] == nth:
            raise SystemExit("killed")  # after the record was stored, before the page ended

    monkeypatch.setitem(tksync.STORE, "Document", dies)
    with pytest.raises(SystemExit):
        tksync.sync(client=http_client())
    monkeypatch.setitem(tksync.STORE, "Document", real)
    assert tksync.sync(client=http_client()).state == SyncState.DONE
    assert snapshot() == uninterrupted


@pytest.mark.django_db
def test_letters_stored_but_not_extracted_before_a_crash_are_extracted_next_run(api, monkeypatch):
    def crash(new: list) -> None:
        if new:
            raise SystemExit("killed before extracting")

    monkeypatch.setattr(tksync, "_extract", crash)
    with pytest.raises(SystemExit):
        tksync.sync(client=http_client())
    assert Letter.objects.filter(extraction_state=ExtractionState.PENDING).count() == 2
    monkeypatch.undo()
    tksync.sync(client=http_client())
    assert not Letter.objects.filter(extraction_state=ExtractionState.PENDING).exists()
    assert Letter.objects.count() == 3


# --- two runs at once -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_second_run_while_one_holds_the_cursors_imports_nothing(api):
    assert tksync._claim("Document", "other-run") and tksync._claim("Toezegging", "other-run")
    run = tksync.sync(client=http_client())
    assert run.state == SyncState.BUSY
    assert Letter.objects.count() == 0 and Commitment.objects.count() == 0
    assert not any(r.startswith("/OData") for r in api.requests)
    call_command("synctk")  # says so and exits cleanly
    assert Letter.objects.count() == 0


@pytest.mark.django_db
def test_the_claim_is_a_compare_and_swap_and_expires(settings):
    assert tksync._claim("Document", "a")
    assert not tksync._claim("Document", "b")
    assert not tksync._advance("Document", "b", "2024-01-01T00:00:00Z")
    assert tksync._advance("Document", "a", "2024-01-01T00:00:00Z")
    # A run that died without releasing: after the lease another may take over, and the dead
    # one can no longer move the cursor.
    SyncCursor.objects.filter(entity="Document").update(
        claimed_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    )
    assert tksync._claim("Document", "b")
    assert not tksync._advance("Document", "a", "2024-02-01T00:00:00Z")
    tksync._release("Document", "a")  # not its claim any more: a no-op
    assert SyncCursor.objects.get(entity="Document").claimed_by == "b"


@pytest.mark.django_db
def test_a_run_that_lost_its_claim_stops_without_moving_the_cursor(api, monkeypatch):
    def steal(entity: str, page: int) -> None:
        SyncCursor.objects.filter(entity=entity).update(claimed_by="thief")

    run = tksync.sync(client=http_client(), on_page=steal, entities=("Document",))
    assert run.state == SyncState.FAILED and "andere run" in run.error
    assert SyncCursor.objects.get(entity="Document").position == "2024-03-18T10:00:00.1234567Z"


# --- what is and is not a letter --------------------------------------------------------------


@pytest.mark.django_db
def test_a_server_that_ignores_the_filter_still_gets_no_motie_in(api):
    api.honour_filter = False
    run = tksync.sync(client=http_client(), entities=("Document",))
    assert run.state == SyncState.DONE
    assert not Letter.objects.filter(document_number="2024D14500").exists()
    assert Letter.objects.count() == 3
    assert run.skipped == 2  # the Motie and the deleted record


@pytest.mark.django_db
def test_the_filter_asks_for_the_letter_soorten_and_deleted_records(api, settings):
    settings.TK_LETTER_SOORTEN = ["Brief regering"]
    tksync.sync(client=http_client(), entities=("Document",))
    first = urllib.parse.unquote(api.requests[0])
    assert "$filter=(Soort eq 'Brief regering' or Verwijderd eq true)" in first
    assert "$orderby=ApiGewijzigdOp asc,Id asc" in first
    # The Antwoord is not a letter under this setting.
    assert not Letter.objects.filter(external_id=ANSWERS).exists()


@pytest.mark.django_db
def test_the_command_draws_a_progress_bar_per_entity_set(api, capsys):
    call_command("synctk", "--progress", "always")
    bars = capsys.readouterr().err
    assert "Document: 100%" in bars and "5/5" in bars  # @odata.count: five Document records
    assert "Toezegging: 100%" in bars


@pytest.mark.django_db
def test_since_starts_from_a_date_for_a_backfill(api):
    call_command("synctk", "--since", "2024-04-06", "--only", "Document")
    first = urllib.parse.unquote(api.requests[0])
    assert "ApiGewijzigdOp gt 2024-04-05T22:00:00Z" in first  # midnight in Amsterdam
    assert not Letter.objects.exists()  # the letters changed before that day
    assert SyncRun.objects.get().since == "2024-04-05T22:00:00Z"
    with pytest.raises(CommandError):
        call_command("synctk", "--since", "gisteren")


@pytest.mark.django_db
def test_a_file_that_is_gone_is_a_failed_letter_and_the_sync_goes_on(api, caplog):
    api.fail(f"Document({GRONINGEN})/resource", status=404)
    with caplog.at_level(logging.WARNING, logger="commitments.tksync"):
        run = tksync.sync(client=http_client(), entities=("Document",))
    assert run.state == SyncState.DONE
    assert SyncCursor.objects.get(entity="Document").position == FINAL_DOCUMENT
    assert (
        "2024D10421 not stored" in caplog.text and f"Document({GRONINGEN})/resource" in caplog.text
    )
    failure = SyncItem.objects.get(action=SyncAction.FAILED, external_id=GRONINGEN)
    assert "404" in failure.reason and failure.url.endswith(f"Document({GRONINGEN})/resource")
    assert Letter.objects.count() == 2


@pytest.mark.django_db
def test_a_file_the_network_cannot_deliver_stops_the_page_so_it_is_fetched_again(api):
    for _attempt in range(4):
        api.fail(f"Document({WOO})/resource", status=503)
    run = tksync.sync(client=http_client(), entities=("Document",))
    assert run.state == SyncState.FAILED and f"Document({WOO})/resource" in run.error_url
    assert SyncCursor.objects.get(entity="Document").position == ""
    assert tksync.sync(client=http_client(), entities=("Document",)).state == SyncState.DONE
    assert Letter.objects.filter(external_id=WOO).exists()


@pytest.mark.django_db
def test_an_uploaded_letter_is_not_stored_twice_and_learns_its_document_number(api):
    from commitments.letters import file_import

    pdf = (FIXTURES / "files" / f"{WOO}.pdf").read_bytes()
    uploaded = file_import(data=pdf, name="woo.pdf", source_kind=SourceKind.UPLOAD).letters[0]
    tksync.sync(client=http_client(), entities=("Document",))
    letter = Letter.objects.get(pk=uploaded.letter.pk)
    assert Letter.objects.filter(content_hash=letter.content_hash).count() == 1
    assert letter.source_kind == SourceKind.UPLOAD
    assert letter.external_id == WOO and letter.document_number == "2024D14007"
    assert SyncItem.objects.filter(action=SyncAction.LETTER_UPDATED, letter=letter).exists()


@pytest.mark.django_db
def test_the_sync_stores_the_documents_onderwerp_as_the_subject(api):
    tksync.sync(client=http_client(), entities=("Document",))
    groningen = Letter.objects.get(external_id=GRONINGEN)
    # "Brief regering; ..." : the Soort before the semicolon is not part of what it is about
    assert groningen.subject == "Stand van zaken versterkingsopgave Groningen"
    assert Letter.objects.get(external_id=WOO).subject == "Voortgang evaluatie Wet open overheid"


@pytest.mark.django_db
def test_an_uploaded_letter_learns_its_subject_from_open_data(api):
    from commitments.letters import file_import

    pdf = (FIXTURES / "files" / f"{WOO}.pdf").read_bytes()
    uploaded = file_import(data=pdf, name="woo.pdf", source_kind=SourceKind.UPLOAD).letters[0]
    Letter.objects.filter(pk=uploaded.letter.pk).update(subject="")
    tksync.sync(client=http_client(), entities=("Document",))
    assert Letter.objects.get(pk=uploaded.letter.pk).subject == (
        "Voortgang evaluatie Wet open overheid"
    )


@pytest.mark.parametrize(
    ("record", "subject"),
    [
        (
            {"Soort": "Brief regering", "Onderwerp": "Brief regering; Stand van zaken"},
            "Stand van zaken",
        ),
        # another Soort's words stay: only the record's own Soort is a prefix
        ({"Soort": "Brief regering", "Onderwerp": "Motie; over  iets\n"}, "Motie; over iets"),
        ({"Onderwerp": "Zonder soort"}, "Zonder soort"),
        ({"Soort": "Brief regering", "Onderwerp": None}, ""),
        ({"Onderwerp": "x" * 600}, "x" * 500),
    ],
)
def test_subject_of_a_document_record(record, subject):
    from commitments.importers.opendata import subject_of

    assert subject_of(record) == subject


# --- the pieces -------------------------------------------------------------------------------


def test_page_position_stops_short_of_a_timestamp_the_next_page_may_share():
    stamps = ["2024-01-01T00:00:00.1Z", "2024-01-02T00:00:00.0000001Z", "2024-01-02T00:00:00Z"]
    assert tksync.page_position(stamps, "", last_page=True) == "2024-01-02T00:00:00.0000001Z"
    assert tksync.page_position(stamps, "", last_page=False) == "2024-01-02T00:00:00Z"
    same = ["2024-01-02T00:00:00Z", "2024-01-02T00:00:00Z"]
    assert tksync.page_position(same, "2024-01-01T00:00:00Z", last_page=False) == (
        "2024-01-01T00:00:00Z"
    )
    # Never backwards, and seven decimals are not rounded away.
    assert tksync.page_position(
        ["2023-01-01T00:00:00Z"], "2024-01-01T00:00:00Z", last_page=True
    ) == ("2024-01-01T00:00:00Z")
    assert tksync.timestamp_key("2024-01-02T00:00:00.0000001Z") > tksync.timestamp_key(
        "2024-01-02T01:00:00+01:00"
    )


def test_retry_after_as_a_date(monkeypatch):
    now = dt.datetime(2024, 3, 15, 9, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(tksync.timezone, "now", lambda: now)
    assert tksync._retry_after("Fri, 15 Mar 2024 09:30:12 GMT") == 12.0
    assert tksync._retry_after("3") == 3.0
    assert tksync._retry_after("soon") is None


def test_a_4xx_is_not_retried_and_a_connection_refused_is(api):
    sleeper = Sleeper()
    with pytest.raises(tksync.SyncError) as caught:
        http_client(sleeper).get(f"{api.odata_url}/Onbekend")
    assert caught.value.status == 404 and sleeper.waits == []
    dead = api.base
    api.stop()
    with pytest.raises(tksync.SyncError) as caught:
        http_client(sleeper, attempts=2).get(dead + "/OData/v4/2.0/Document")
    assert dead in str(caught.value) and len(sleeper.waits) == 1
    api.stop = lambda: None  # already stopped


@pytest.mark.django_db
def test_the_task_runs_the_sync_and_beat_runs_it_hourly(api, settings):
    from commitments.tasks import sync_tk_task

    result = sync_tk_task.apply().get()
    assert result == {"state": "done", "letters": 3, "register": 3, "failed": 1}
    entry = settings.CELERY_BEAT_SCHEDULE["sync-tweede-kamer-open-data-hourly"]
    assert entry["task"] == "commitments.tasks.sync_tk_task"
    assert entry["schedule"] == dt.timedelta(hours=1)


@pytest.mark.django_db
@override_settings(TK_SYNC_TIMESTAMP_FIELD="GewijzigdOp")
def test_the_cursor_can_follow_gewijzigdop(api):
    run = tksync.sync(client=http_client(), entities=("Toezegging",))
    assert run.state == SyncState.DONE
    assert SyncCursor.objects.get(entity="Toezegging").position == "2024-04-06T09:00:00+01:00"
    assert "GewijzigdOp gt" not in urllib.parse.unquote(" ".join(api.requests))


# --- what staff and readers see ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_status_page_shows_the_last_run_what_came_in_and_the_failures(api, client):
    from tests.factories import UserFactory

    tksync.sync(client=http_client())
    url = "/open-data/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(username="lezer2"))
    assert client.get(url).status_code == 302  # not staff
    client.force_login(UserFactory(username="beheer", is_staff=True))
    page = client.get(url).content.decode()
    assert "2024-04-11T09:00:03.7Z" in page  # how far Document is read
    assert "Stand van zaken versterkingsopgave Groningen" in page  # a letter that came in
    assert "TZ202311-007" in page  # a toezegging that came in
    # The failure with its reason and URL.
    assert "OCR" in page and f"Document({SCAN})/resource" in page


@pytest.mark.django_db
def test_the_letters_list_and_page_show_where_a_letter_came_from(api, viewer_client):
    from commitments.letters import file_import

    file_import(
        data=b"Den Haag, 1 maart 2024\n\nGeachte Voorzitter,\n\nEen brief die iemand uploadde.\n",
        name="brief.txt",
        source_kind=SourceKind.UPLOAD,
    )
    tksync.sync(client=http_client(), entities=("Document",))
    listing = viewer_client.get("/brieven/").content.decode()
    assert "open data van de Tweede Kamer" in listing and "upload" in listing
    assert (
        'href="https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?'
        'id=2024Z04567&amp;did=2024D10421"' in listing
    )
    only_open_data = viewer_client.get("/brieven/?source_kind=opendata").content.decode()
    assert "brief.txt" in listing and "brief.txt" not in only_open_data
    assert only_open_data.count('rel="noopener noreferrer external"') == 3

    woo = Letter.objects.get(external_id=WOO)
    Letter.objects.filter(pk=woo.pk).update(
        withdrawn_at_source=dt.datetime(2024, 5, 3, tzinfo=dt.UTC)
    )
    page = viewer_client.get(woo.get_absolute_url()).content.decode()
    assert "2024D14007" in page and "3 mei 2024" in page


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_three_runs_racing_import_every_record_once(api):
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to test")
    barrier = threading.Barrier(3)
    runs, errors = [], []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            runs.append(tksync.sync(client=http_client()))
        except BaseException as exc:  # noqa: B036 - asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert sorted(Letter.objects.values_list("external_id", flat=True)) == sorted(
        [GRONINGEN, WOO, ANSWERS]
    )
    assert Commitment.objects.filter(origin="register").count() == 3
    assert sum(r.letters_created for r in runs) == 3
    assert sum(r.register_created for r in runs) == 3
    assert SyncItem.objects.filter(action=SyncAction.FAILED).count() == 1  # the scan, once
    assert all(r.state in (SyncState.DONE, SyncState.BUSY) for r in runs)
