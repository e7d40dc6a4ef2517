from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse

from commitments.models import Commitment, EventKind, Status
from tests.factories import CommitmentFactory, LetterFactory

pytestmark = pytest.mark.django_db

ACTIONS = ["confirm", "reject", "edit", "fulfil", "reopen", "withdraw", "note"]


def action_url(name: str, commitment: Commitment) -> str:
    return reverse(f"commitments:{name}", args=[commitment.number])


@pytest.mark.parametrize("name", ACTIONS)
def test_logged_out_post_is_refused_and_changes_nothing(client, name):
    commitment = CommitmentFactory()
    response = client.post(action_url(name, commitment), {"version": 1, "note": "x"})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    commitment.refresh_from_db()
    assert commitment.version == 1
    assert not commitment.events.exists()


@pytest.mark.parametrize("name", ACTIONS)
def test_viewer_post_is_forbidden(viewer_client, name):
    commitment = CommitmentFactory()
    response = viewer_client.post(action_url(name, commitment), {"version": 1, "note": "x"})
    assert response.status_code == 403
    assert not commitment.events.exists()


def test_get_on_an_action_is_not_allowed(analyst_client):
    commitment = CommitmentFactory()
    assert analyst_client.get(action_url("confirm", commitment)).status_code == 405


def test_forged_post_without_csrf_token_is_refused(analyst):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    commitment = CommitmentFactory()
    response = client.post(action_url("confirm", commitment), {"version": 1})
    assert response.status_code == 403
    commitment.refresh_from_db()
    assert commitment.review == "proposed"


def test_analyst_marks_fulfilled_and_it_shows_on_the_timeline(analyst_client):
    commitment = CommitmentFactory()
    later = LetterFactory(title="Voortgangsbrief juni")
    response = analyst_client.post(
        action_url("fulfil", commitment), {"version": 1, "letter": later.pk}, follow=True
    )
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert commitment.status == Status.FULFILLED
    page = response.content.decode()
    assert "event-fulfilled" in page
    assert "Voortgangsbrief juni" in page


def test_stale_form_shows_a_conflict_message(analyst_client):
    commitment = CommitmentFactory()
    Commitment.objects.filter(pk=commitment.pk).update(version=2)  # someone else saved
    response = analyst_client.post(
        action_url("edit", commitment),
        {"version": 1, "text": "Mijn versie", "kind": "inform", "reason": "r"},
        follow=True,
    )
    commitment.refresh_from_db()
    assert commitment.text != "Mijn versie"
    assert "TZ-" in response.content.decode()
    messages = [str(m) for m in response.context["messages"]]
    assert any(commitment.number in m and "door iemand anders gewijzigd" in m for m in messages)


def test_malformed_edit_date_is_reported_and_changes_nothing(analyst_client):
    commitment = CommitmentFactory()
    response = analyst_client.post(
        action_url("edit", commitment),
        {"version": 1, "text": "x", "kind": "inform", "reason": "r", "due_date": "31-02-2024"},
        follow=True,
    )
    assert response.status_code == 200
    assert list(response.context["messages"])
    commitment.refresh_from_db()
    assert commitment.text != "x"


def test_analyst_sees_actions_viewer_does_not(analyst, viewer):
    commitment = CommitmentFactory()
    url = commitment.get_absolute_url()
    as_analyst, as_viewer = Client(), Client()
    as_analyst.force_login(analyst)
    as_viewer.force_login(viewer)
    assert action_url("note", commitment) in as_analyst.get(url).content.decode()
    assert action_url("note", commitment) not in as_viewer.get(url).content.decode()


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_letter_text_is_escaped_on_every_page(client):
    text = f"Den Haag, 1 maart 2024\n{HOSTILE}\nIk zal uw Kamer voor de zomer informeren.\n"
    letter = LetterFactory(text=text, title=HOSTILE)
    quote = "Ik zal uw Kamer voor de zomer informeren."
    start = text.index(quote)
    commitment = CommitmentFactory(
        letter=letter,
        quote=HOSTILE + quote,
        text=HOSTILE,
        actor=HOSTILE,
        span_start=start,
        span_end=start + len(quote),
    )
    for url in [
        letter.get_absolute_url(),
        commitment.get_absolute_url(),
        reverse("commitments:list"),
        reverse("commitments:letter-list"),
    ]:
        body = client.get(url).content.decode()
        assert "<script>alert" not in body, url
        assert "<img src=x" not in body, url
        assert "&lt;script&gt;" in body, url


def test_letter_page_highlights_and_links_commitments(client):
    commitment = CommitmentFactory()
    body = client.get(commitment.letter.get_absolute_url()).content.decode()
    assert f'id="{commitment.letter_anchor}"' in body
    assert (
        f'<mark class="commitment" id="{commitment.letter_anchor}"><a href="'
        f'{commitment.get_absolute_url()}"' in body
    )


def test_list_empty_result_says_so(client):
    CommitmentFactory(ministry="Defensie")
    body = client.get(reverse("commitments:list"), {"ministry": "Financiën"}).content.decode()
    assert "Geen toezeggingen" in body or "No commitments match" in body


def test_csv_export_follows_the_filter_and_speaks_register_words(client):
    CommitmentFactory(ministry="Defensie", status=Status.FULFILLED, text="=HYPERLINK(1)")
    CommitmentFactory(ministry="Financiën")
    response = client.get(reverse("commitments:export-csv"), {"ministry": "Defensie"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    header, row = rows
    assert row[header.index("Status")] == "voldaan"  # the header is Dutch by default too
    assert header[:2] == ["Nummer", "Toezegging"]  # the list's own words
    assert row[header.index("Soort")] == "Kamer informeren"  # kinds in words, not codes
    assert row[header.index("Te laat")] in ("ja", "nee")
    assert row[header.index("Beoordeling")] != "proposed"
    assert "'=HYPERLINK(1)" in row  # no formula injection into spreadsheets


def test_interface_in_dutch_and_english(client):
    CommitmentFactory()
    # Dutch first, whatever the browser prefers...
    dutch = client.get(reverse("commitments:list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Toezeggingen</h1>" in dutch
    assert "Exporteren als CSV" in dutch
    # ...English once the user picks it with the language switch.
    switched = client.post(reverse("set_language"), {"language": "en", "next": "/toezeggingen/"})
    assert switched.status_code == 302
    english = client.get(reverse("commitments:list")).content.decode()
    assert "<h1>Commitments</h1>" in english
    assert "Export as CSV" in english


def test_commitment_page_shows_quote_deadline_and_timeline(client, analyst):
    commitment = CommitmentFactory(deadline_phrase="voor de zomer", due_date=dt.date(2030, 7, 1))
    from commitments import services

    services.commitment_add_note(commitment=commitment, user=analyst, note="Nagevraagd bij BZ")
    body = client.get(commitment.get_absolute_url()).content.decode()
    assert commitment.quote in body
    assert "voor de zomer" in body
    assert "Nagevraagd bij BZ" in body
    assert commitment.events.get().kind == EventKind.NOTE


def test_list_offers_a_digest_of_the_current_selection(viewer_client):
    response = viewer_client.get(reverse("commitments:list"), {"ministry": "Defensie"})
    assert "/abonnementen/?filter=ministry%3DDefensie" in response.content.decode()
    form = viewer_client.get("/abonnementen/?filter=ministry%3DDefensie").context["form"]
    assert form.initial["query"] == "ministry=Defensie"


def test_fulfil_picker_searches_letters_and_never_offers_the_own_letter(analyst_client):
    # The commitment page no longer lists letters; the picker finds them by title, Kamerstuk
    # or date, and never the letter that made the commitment.
    commitment = CommitmentFactory(made_on=dt.date(2024, 3, 1))
    commitment.letter.title = "Brief over de voortgang"
    commitment.letter.save()
    later = LetterFactory(title="Latere brief over de voortgang", date=dt.date(2024, 6, 1))
    LetterFactory(title="Iets anders", date=dt.date(2024, 6, 2), kamerstuk="36180-12")
    page = analyst_client.get(commitment.get_absolute_url()).content.decode()
    assert "Latere brief" not in page  # nothing searched yet: no list of every letter
    found = analyst_client.get(
        commitment.get_absolute_url(), {"letter_q": "voortgang"}
    ).content.decode()
    assert f'value="{later.pk}"' in found
    assert f'value="{commitment.letter.pk}" id="pick-' not in found
    picker = reverse("commitments:letter-picker")
    by_kamerstuk = analyst_client.get(picker, {"letter_q": "36180"}).content.decode()
    assert "Iets anders" in by_kamerstuk and "Latere" not in by_kamerstuk
    by_date = analyst_client.get(picker, {"letter_q": "1-6-2024"}).content.decode()
    assert "Latere brief" in by_date and "Iets anders" not in by_date
    own = analyst_client.get(
        picker, {"letter_q": "voortgang", "exclude": commitment.letter.pk}
    ).content.decode()
    assert "Latere brief" in own and f'value="{commitment.letter.pk}"' not in own


def test_fulfilling_with_its_own_source_letter_is_refused(analyst_client):
    commitment = CommitmentFactory()
    response = analyst_client.post(
        action_url("fulfil", commitment),
        {"version": 1, "letter": commitment.letter.pk},
        follow=True,
    )
    commitment.refresh_from_db()
    assert commitment.status == "open"
    assert "niet voldaan met de brief waarin" in response.content.decode()


def test_any_letter_found_by_the_picker_validates(analyst_client):
    commitment = CommitmentFactory(made_on=dt.date(2024, 3, 1))
    older = LetterFactory(title="Oude brief", date=dt.date(2023, 1, 1))
    analyst_client.post(action_url("fulfil", commitment), {"version": 1, "letter": older.pk})
    commitment.refresh_from_db()
    assert commitment.events.get(kind=EventKind.FULFILLED).letter == older


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_edit_form_keeps_the_due_date_in_both_languages(analyst_client, language):
    # A browser's date input takes only ISO dates: "31-07-2017" shows as empty, and saving an
    # unrelated edit would then erase the deadline.
    commitment = CommitmentFactory(due_date=dt.date(2017, 7, 31))
    analyst_client.post(reverse("set_language"), {"language": language, "next": "/"})
    page = analyst_client.get(reverse("commitments:detail", args=[commitment.number]))
    html = page.content.decode()
    assert 'type="date" name="due_date" value="2017-07-31"' in html
    assert "31-07-2017" not in html.split('name="due_date"')[1][:40]
    form = {
        "version": commitment.version,
        "text": commitment.text,
        "actor": "De minister van Defensie",
        "kind": commitment.kind,
        "due_date": "2017-07-31",
        "reason": "alleen de actor",
    }
    analyst_client.post(action_url("edit", commitment), form)
    commitment.refresh_from_db()
    assert commitment.actor == "De minister van Defensie"
    assert commitment.due_date == dt.date(2017, 7, 31)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_list_date_filters_render_iso_dates(client, language):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    html = client.get(reverse("commitments:list"), {"due_after": "2017-01-05"}).content.decode()
    assert 'type="date" name="due_after" value="2017-01-05"' in html


def test_timeline_tells_the_truth(client, analyst):
    from django.utils import timezone

    from commitments.models import Event, Statement
    from commitments.services import record_event

    commitment = CommitmentFactory(due_date=dt.date(2017, 7, 31))
    later = LetterFactory(title="Latere brief", date=dt.date(2018, 2, 1))
    Statement.objects.create(
        letter=later,
        kind="reference",
        quote="zoals toegezegd",
        span_start=0,
        span_end=10,
        commitment=commitment,
        link_state="proposed",
    )
    record_event(commitment, EventKind.REFERENCED, letter=later, note="zoals toegezegd")
    Event.objects.create(
        commitment=commitment,
        kind=EventKind.EDITED,
        user=analyst,
        at=timezone.now(),
        changes={"due_date": ["2017-07-31", ""], "actor": ["kabinet", "kabinet"]},
    )
    html = client.get(commitment.get_absolute_url()).content.decode()
    timeline = html[html.index('<ol class="timeline">') :]
    # the reference is dated by its letter and shown as a proposal, not as a fact
    assert '<time datetime="2018-02-01">1 februari 2018</time>' in timeline
    assert "nog niet bevestigd" in timeline
    # a change record: only what changed, the date in words
    assert "<del>31 juli 2017</del>" in timeline and "2017-07-31</del>" not in timeline
    assert "Bewindspersoon:" not in timeline
    # events in the order they happened: the 2018 reference before today's edit
    assert timeline.index("1 februari 2018") < timeline.index("<del>31 juli 2017</del>")


def test_a_selection_in_words_not_codes():
    from commitments.digests import describe_query

    words = describe_query("overdue=true&due_after=2024-07-01&kind=inform")
    assert "true" not in words and "2024-07-01" not in words
    assert "Te laat: alleen te laat" in words  # the filter form's own words
    assert "(van): 1 juli 2024" in words
    assert "Soort: Kamer informeren" in words
