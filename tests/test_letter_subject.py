"""A letter's subject: stored when it is extracted, backfilled for old rows, shown and found."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from commitments.letters import letter_extract, letter_import
from commitments.models import Letter
from tests.factories import LetterFactory

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
