"""A letter's subject: stored when it is extracted, backfilled for old rows, shown and found."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from commitments import search
from commitments.letters import letter_extract, letter_import
from commitments.models import Commitment, Letter
from tests.factories import CommitmentFactory, LetterFactory

pytestmark = pytest.mark.django_db

LETTERHEAD = (
    "> Retouradres Postbus 20401 2500 EK Den Haag\n"
    "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\n\n"
    "Datum 30 mei 2023\n"
    "Betreft Voortgang van de versterkingsopgave in \nGroningen en Noord-Drenthe\n\n"
    "Geachte voorzitter,\n\nIk zal uw Kamer voor de zomer informeren over de voortgang.\n"
)


def test_extracting_a_letter_stores_its_subject():
    letter = letter_import(text=LETTERHEAD, source_name="brief.txt").letter
    assert letter.subject == ""
    letter = letter_extract(letter)
    assert letter.subject == "Voortgang van de versterkingsopgave in Groningen en Noord-Drenthe"
    letter.refresh_from_db()
    assert letter.subject == "Voortgang van de versterkingsopgave in Groningen en Noord-Drenthe"


def test_the_subject_an_importer_brought_wins_over_the_text():
    letter = letter_import(
        text=LETTERHEAD, source_name="x.txt", metadata={"subject": "Van de Kamer zelf"}
    ).letter
    assert letter_extract(letter).subject == "Van de Kamer zelf"


def test_a_letter_that_states_no_subject_keeps_none():
    letter = letter_extract(LetterFactory(title="Brief", extraction_state="pending"))
    assert letter.subject == ""


def _historical_apps():
    """The models as migration 0014 sees them, the way `migrate` hands them to RunPython."""
    loader = MigrationLoader(connection)
    return loader.project_state(("commitments", "0014_letter_subject")).apps


def test_the_migration_backfills_subjects_from_the_stored_text(monkeypatch):
    migration = importlib.import_module("commitments.migrations.0014_letter_subject")
    monkeypatch.setattr(migration, "BATCH", 2)  # several batches and a remainder
    with_subject = [
        LetterFactory(text=LETTERHEAD.replace("Groningen", f"Groningen {n}")) for n in range(5)
    ]
    without = LetterFactory()
    kept = LetterFactory(text=LETTERHEAD.replace("Voortgang", "Anders"), subject="Al bekend")

    migration.backfill_subjects(_historical_apps(), None)

    subjects = dict(Letter.objects.values_list("pk", "subject"))
    for n, letter in enumerate(with_subject):
        assert subjects[letter.pk] == (
            f"Voortgang van de versterkingsopgave in Groningen {n} en Noord-Drenthe"
        )
    assert subjects[without.pk] == ""
    assert subjects[kept.pk] == "Al bekend"  # a subject already there is not overwritten


def test_the_letter_page_shows_the_subject_escaped(viewer_client):
    letter = LetterFactory(subject='Betreft <script>alert("x")</script> & meer')
    page = viewer_client.get(letter.get_absolute_url()).content.decode()
    assert "<dt>Betreft</dt>" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer" in page
    assert "<script>alert" not in page


def test_the_letter_page_says_when_there_is_no_subject(viewer_client):
    page = viewer_client.get(LetterFactory(subject="").get_absolute_url()).content.decode()
    assert "<dt>Betreft</dt><dd>—</dd>" in page


def test_the_letters_list_shows_the_subject_beside_a_title_that_differs(viewer_client):
    LetterFactory(title="Brief Minister van Defensie, 1 maart 2024", subject="Defensienota <b>")
    LetterFactory(title="Dezelfde woorden", subject="Dezelfde woorden")
    page = viewer_client.get(reverse("commitments:letter-list")).content.decode()
    assert '<span class="letter-subject">Defensienota &lt;b&gt;</span>' in page
    assert '<span class="letter-subject">Dezelfde woorden</span>' not in page


def test_the_letter_picker_finds_a_letter_by_its_subject(analyst_client):
    wanted = LetterFactory(title="Brief Minister van Defensie", subject="Defensienota 2024")
    LetterFactory(title="Brief Minister van Financiën", subject="Voorjaarsnota")
    page = analyst_client.get(
        reverse("commitments:letter-picker"), {"letter_q": "defensienota"}
    ).content.decode()
    assert f'value="{wanted.pk}"' in page
    assert "Defensienota 2024" in page and "Voorjaarsnota" not in page


def test_search_finds_letters_and_their_commitments_by_the_subject():
    letter = LetterFactory(title="Brief", subject="Stikstofaanpak", text="Den Haag, 1 maart.\n")
    commitment = CommitmentFactory(
        letter=letter,
        text="Een rapportage",
        quote="Ik stuur u een rapportage.",
        span_start=None,
        span_end=None,
    )
    assert list(search.filter_letters(Letter.objects.all(), "stikstofaanpak")) == [letter]
    found = search.filter_commitments(Commitment.objects.all(), "stikstofaanpak")
    assert list(found) == [commitment]
