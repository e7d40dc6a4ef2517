from __future__ import annotations

import pytest

from commitments.extraction.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "abbreviated",
    [
        "Dit geldt o.a. voor de regio's.",
        "Het overleg d.d. 3 maart was nuttig.",
        "Het overleg van 3 maart jl. was nuttig.",
        "Zie Kamerstuk 29 521, nr. 403 voor de details.",
        "Dit staat in art. 12 van de wet.",
        "Dit geldt bijv. voor gemeenten.",
        "Ik sprak met drs. Pietersen over de aanpak.",
        "Ik sprak met mr. De Vries over de aanpak.",
        "Zie blz. 4 van het rapport voor de details.",
        "Het gaat om scholen, zorginstellingen e.d. in de regio.",
        "Ik schrijf u m.b.t. de regeling over de stand van zaken.",
        "Ik schrijf u t.a.v. de regeling over de stand van zaken.",
        "Het overleg op 23 mei a.s. gaat over de regeling.",
        "De brief van minister A.G. Koenders gaat hierover.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(abbreviated: str) -> None:
    text = f"Eerste zin. {abbreviated} Laatste zin."
    assert sentences(text) == ["Eerste zin.", abbreviated, "Laatste zin."]


def test_sentence_final_abbreviation_before_capital_ends_sentence() -> None:
    text = "Het overleg vond plaats op 26 januari jl. Daarnaast sprak ik de minister."
    assert sentences(text) == [
        "Het overleg vond plaats op 26 januari jl.",
        "Daarnaast sprak ik de minister.",
    ]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert sentences("Hoe zal Nederland dit doen? Dat leg ik uit! Tot slot.") == [
        "Hoe zal Nederland dit doen?",
        "Dat leg ik uit!",
        "Tot slot.",
    ]


def test_heading_line_is_its_own_sentence() -> None:
    text = "Dat was de inleiding.\nStand van zaken\nHet aantal vacatures daalt."
    assert sentences(text) == [
        "Dat was de inleiding.",
        "Stand van zaken",
        "Het aantal vacatures daalt.",
    ]


def test_line_ending_in_function_word_continues_the_sentence() -> None:
    text = "Dat was de inleiding.\nOok zal Nederland bij de\nOnafhankelijk Expert aandacht vragen."
    assert sentences(text)[1] == "Ook zal Nederland bij de\nOnafhankelijk Expert aandacht vragen."


def test_numbered_heading_does_not_split_after_its_number() -> None:
    text = "Vorige zin.\n1. Recente ontwikkelingen\nDe coup volgde op onrust."
    assert sentences(text) == [
        "Vorige zin.",
        "1. Recente ontwikkelingen",
        "De coup volgde op onrust.",
    ]


def test_spans_are_stripped_offsets_into_the_text() -> None:
    text = "  Eerste zin.   Tweede zin.  "
    spans = split_sentences(text)
    assert spans == [(2, 13), (16, 27)]
