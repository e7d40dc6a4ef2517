from __future__ import annotations

import datetime as dt
from pathlib import Path

from commitments.extraction.metadata import Signatory, parse_metadata

LETTERS = Path(__file__).parent / "letters"


def test_den_haag_date_line_addressee_and_signatories() -> None:
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 1 juli 2020\n\nDe commissie verzocht om een reactie.\n\n"
        "De Minister van Buitenlandse Zaken,\nS.A. Blok\n"
    )
    meta = parse_metadata(text)
    assert meta.date == dt.date(2020, 7, 1) and not meta.date_inferred
    assert meta.addressee == "Tweede Kamer"
    assert meta.signatories == [Signatory("S.A. Blok", "Minister van Buitenlandse Zaken")]
    assert meta.signatories[0].label() == "Minister van Buitenlandse Zaken, S.A. Blok"
    assert meta.ministry == "Ministerie van Buitenlandse Zaken"


def test_datum_margin_line() -> None:
    meta = parse_metadata("Datum 14 maart 2023\nBetreft Voortgang\n\nGeachte voorzitter,\n")
    assert meta.date == dt.date(2023, 3, 14)


def test_eerste_kamer_footer_gives_kamerstuk_and_dossier() -> None:
    text = (
        "Z BRIEF VAN DE MINISTERS\n\nAan de Voorzitter van de Eerste Kamer der Staten-Generaal"
        "\n\nDen Haag, 19 mei 2017\n\nTekst.\n\nEerste Kamer, vergaderjaar 2016–2017, 29 521, Z 3\n"
    )
    meta = parse_metadata(text)
    assert meta.addressee == "Eerste Kamer"
    assert meta.kamerstuk == "29521-Z"
    assert meta.dossier == "29521"


def test_tweede_kamer_footer_with_ondernummer() -> None:
    text = "Tekst.\n\nTweede Kamer, vergaderjaar 2019–2020, 29 521, nr. 408 3\n"
    meta = parse_metadata(text)
    assert meta.kamerstuk == "29521-408"
    assert meta.addressee == "Tweede Kamer"


def test_missing_date_line_is_inferred_from_latest_past_event() -> None:
    text = (
        "Dinsdag 18 augustus jl. hebben militairen de president gevangengenomen "
        "(Kamerstuk 29 521, nr. 405, 27 maart 2020). De Veiligheidsraad veroordeelde de "
        "staatsgreep op 20 augustus. Het mandaat loopt tot en met 30 juni 2024.\n"
    )
    meta = parse_metadata(text)
    assert meta.date == dt.date(2020, 8, 20)
    assert meta.date_inferred


def test_office_with_comma_and_blank_line_before_name() -> None:
    text = "Tekst.\n\nDe Staatssecretaris van Volksgezondheid, Welzijn en Sport,\n\nM. van Ooijen\n"
    meta = parse_metadata(text)
    assert meta.signatories == [
        Signatory("M. van Ooijen", "Staatssecretaris van Volksgezondheid, Welzijn en Sport")
    ]


def test_minister_voor_maps_to_parent_ministry() -> None:
    meta = parse_metadata((LETTERS / "ocw_tweede_kamer.txt").read_text(encoding="utf-8"))
    assert meta.signatories[0].office == "Minister voor Primair en Voortgezet Onderwijs"
    assert meta.ministry == "Ministerie van Onderwijs, Cultuur en Wetenschap"
    assert meta.addressee == "Tweede Kamer"
