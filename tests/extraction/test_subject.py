"""A letter's subject, read from real letters of each layout in the repository's test sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from commitments.extraction import extract
from commitments.extraction.metadata import SUBJECT_MAX, parse_metadata, parse_subject

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def _subject(relative: str) -> str:
    return parse_subject((ROOT / relative).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("letter", "subject"),
    [
        # rijksoverheid.nl letterhead, "Betreft" on one line, the salutation right under it
        (
            "tests/extraction/blind/ezk_herijkte_missies_innovatiebeleid_2023.txt",
            "Herijkte missies van het missiegedreven innovatiebeleid",
        ),
        # wrapped onto the next line (PDF text: the wrapped line ends in a space)
        (
            "tests/extraction/unseen_batch_C1/vws_voortgang_iza_azwa_2026.txt",
            "Voortgang Integraal Zorgakkoord (IZA) en Aanvullend Zorg- en Welzijnsakkoord (AZWA)",
        ),
        # wrapped without a trailing space: the next line cannot start a sentence
        (
            "tests/extraction/blind/ienw_circulaire_economie_npce_2023.txt",
            "Nationaal Programma Circulaire Economie 2023-2030 (NPCE) incl. kabinetsreactie op "
            "ICER en SER-verkenning",
        ),
        # wrapped over three lines with the margin's attachment count ("0") in between, and
        # the body straight under it
        (
            "tests/extraction/unseen_batch_C3/bzk_uitstel_kamervragen_klimaatadaptatie_2022.txt",
            "Uitstelbrief Kamervragen over de Kamerbrief en Nationale aanpak Klimaatadaptatie "
            "gebouwde fase 1 (ingezonden 28 november 2022)",
        ),
        # the PDF put the value on the line above its label
        (
            "tests/extraction/unseen_batch_C1/def_jaarplanning_kamerstukken_2023.txt",
            "Jaarplanning Kamerstukken Defensie 2023",
        ),
        # an Eerste Kamer letter, the margin in other columns
        (
            "tests/extraction/unseen_batch_C2/ocw_ek_beleidsreactie_collectie_nederland_2022.txt",
            "Beleidsreactie advies Onvervangbaar en Onmisbaar",
        ),
    ],
)
def test_betreft_of_the_letterhead(letter: str, subject: str) -> None:
    assert _subject(letter) == subject


@pytest.mark.parametrize(
    ("letter", "subject"),
    [
        (
            "fixtures/opendata/d1c7f0b3-2a4e-4b9d-a8e1-5c6f7a8b9c0d.txt",
            "Stand van zaken versterkingsopgave Groningen",
        ),
        # the label alone, its value wrapped over the two lines under it
        (
            "tests/extraction/holdout/ocw_kabinetsreactie_knaw_2007.txt",
            'Kabinetsreactie op het KNAW-advies "Wetenschap op bestelling"',
        ),
        (
            "tests/extraction/holdout/def_antwoorden_rekenkamer_jaarverslag_2008.txt",
            "Reactie op verzoek 08-DEF-B-084",
        ),
    ],
)
def test_onderwerp_line(letter: str, subject: str) -> None:
    assert _subject(letter) == subject


@pytest.mark.parametrize(
    ("letter", "subject"),
    [
        (
            "tests/extraction/blind/szw_voortgang_sociaal_akkoord_2013.txt",
            "Financieel en sociaal-economisch beleid",
        ),
        # a budget chapter ("X") after the dossier number, the title wrapped
        (
            "tests/extraction/letters/def_sourcing_2011.txt",
            "Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het "
            "jaar 2012",
        ),
        # the Eerste Kamer's roman dossier number
        (
            "tests/extraction/letters/bzk_ek_bestuur_in_samenhang_E_2013.txt",
            "Nota «Bestuur in samenhang. De bestuurlijke organisatie in Nederland.»",
        ),
        # the number on a line of its own, "nr. 73" above "BRIEF VAN"
        ("tests/extraction/letters/vrom_ez_klimaat_energiepakket_2009.txt", "Schoon en zuinig"),
        # two dossiers: the first one's title, not run into the second's number
        ("tests/extraction/blind/am_diverse_onderwerpen_migratie_2025.txt", "Migratiebeleid"),
        # several dossier lines under a tweedekamer.nl page head
        (
            "tests/extraction/letters/jenv_voortgang_strafrechtketen_2024.txt",
            "Rechtsstaat en Rechtsorde",
        ),
    ],
)
def test_dossier_title_of_an_official_publication(letter: str, subject: str) -> None:
    assert _subject(letter) == subject


def test_tweedekamer_page_title_wins_over_the_dossier_title() -> None:
    # "Brief regering : ..." names this letter; the dossier (Kabinetsformatie 2017) is wider
    assert _subject("tests/extraction/blind/az_draagvlak_coalitie_2019.txt").startswith(
        "Reactie op het verzoek van het lid Asscher, gedaan tijdens de Regeling"
    )


@pytest.mark.parametrize(
    "letter",
    [
        "tests/extraction/letters/vws_staatssecretaris.txt",  # no letterhead at all
        # an official publication without its dossier line
        "tests/extraction/blind/lnv_verkenning_veldleeuwerik_2019.txt",
        # "Onderwerp Datum": two columns' labels on one line, their values mixed below
        "tests/extraction/unseen_batch_A3/szw_verslag_raad_wsb_2006.txt",
        # "Onderwerpen:" are a page's topic tags, not its subject
        "tests/extraction/unseen_batch_A4/szw_motie_de_kort_langdurig_bijstandsgerechtigden_2022.txt",
    ],
)
def test_a_letter_without_a_subject_gives_empty(letter: str) -> None:
    assert _subject(letter) == ""


def test_subject_in_the_metadata_and_the_json() -> None:
    text = (ROOT / "tests/extraction/letters/ocw_tweede_kamer.txt").read_text(encoding="utf-8")
    assert parse_metadata(text).subject == "Voortgang aanpak lerarentekort"
    assert extract(text).as_json("x.txt")["letter"]["subject"] == "Voortgang aanpak lerarentekort"
    assert parse_metadata("Geachte voorzitter,\n\nDe brief.\n").subject == ""


def test_betreft_in_the_body_is_not_a_label() -> None:
    assert parse_subject("Geachte voorzitter,\n\nWat dat betreft zal ik u informeren.\n") == ""
    assert parse_subject("Betreffende de motie zal ik u informeren.\n") == ""


def test_wrapping_stops_at_a_label_and_the_salutation() -> None:
    text = "Betreft Voortgang \nKenmerk \n123 \n"
    assert parse_subject(text) == "Voortgang"
    assert parse_subject("Betreft: Voortgang \nGeachte voorzitter, \n") == "Voortgang"


def test_subject_is_bounded() -> None:
    assert len(parse_subject("Betreft " + "woord " * 1000)) <= SUBJECT_MAX


def test_only_the_head_is_read() -> None:
    # Linear whatever a letter holds: the labels stand on the first page, so a "Betreft" deep
    # in the text (an annex, a quoted letter) is neither looked for nor found.
    filler = "Geachte voorzitter,\n" + "tekst " * 2000 + "\n"
    assert parse_subject(filler + "Betreft Iets anders\n") == ""
    assert parse_subject(" \t" * 300_000 + "\nBetreft Voortgang\n") == ""
