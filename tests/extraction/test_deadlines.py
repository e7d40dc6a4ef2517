from __future__ import annotations

import datetime as dt

import pytest

from commitments.extraction import Deadline, parse_deadline
from commitments.extraction.deadlines import find_deadlines, prinsjesdag

LETTER = dt.date(2023, 3, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "phrase", "due"),
    [
        # every row of the guidelines' table
        ("Ik informeer u begin 2024 over de uitkomsten.", "begin 2024", "2024-03-31"),
        ("Dat gebeurt in het begin van 2024.", "in het begin van 2024", "2024-03-31"),
        (
            "Ik stuur de nota in het eerste kwartaal van 2024.",
            "in het eerste kwartaal van 2024",
            "2024-03-31",
        ),
        ("Dat volgt in het derde kwartaal.", "in het derde kwartaal", "2023-09-30"),
        (
            "U ontvangt de brief in het vierde kwartaal van 2023.",
            "in het vierde kwartaal van 2023",
            "2023-12-31",
        ),
        ("Dat volgt in de eerste helft van 2024.", "in de eerste helft van 2024", "2024-06-30"),
        ("Dat volgt in de tweede helft van 2023.", "in de tweede helft van 2023", "2023-12-31"),
        ("Het plan komt medio 2024 gereed.", "medio 2024", "2024-07-31"),
        ("Ik rond dit eind 2024 af.", "eind 2024", "2024-12-31"),
        ("Dat gebeurt voor het einde van 2023.", "voor het einde van 2023", "2023-12-31"),
        ("Dat gebeurt uiterlijk eind 2025.", "uiterlijk eind 2025", "2025-12-31"),
        ("Ik informeer u in het voorjaar.", "in het voorjaar", "2023-06-20"),
        ("Ik informeer u in het voorjaar van 2024.", "in het voorjaar van 2024", "2024-06-20"),
        ("Ik stuur u voor de zomer de evaluatie.", "voor de zomer", "2023-07-01"),
        ("Ik stuur u voor het zomerreces de evaluatie.", "voor het zomerreces", "2023-07-01"),
        ("U hoort na de zomer van mij.", "na de zomer", "2023-09-30"),
        ("U hoort na het zomerreces van mij.", "na het zomerreces", "2023-09-30"),
        ("Het onderzoek volgt in het najaar.", "in het najaar", "2023-12-20"),
        ("Het onderzoek volgt in het najaar van 2024.", "in het najaar van 2024", "2024-12-20"),
        ("U ontvangt het voor het kerstreces.", "voor het kerstreces", "2023-12-20"),
        ("U ontvangt het voor de kerst.", "voor de kerst", "2023-12-20"),
        (
            "U ontvangt het voor de begrotingsbehandeling.",
            "voor de begrotingsbehandeling",
            "2023-11-15",
        ),
        ("Ik meld dit begin april.", "begin april", "2023-04-10"),
        ("Ik meld dit medio mei.", "medio mei", "2023-05-15"),
        ("Ik meld dit eind juni 2024.", "eind juni 2024", "2024-06-30"),
        ("Ik meld dit eind februari.", "eind februari", "2024-02-29"),  # year rolls over
        ("Het besluit volgt in juni.", "in juni", "2023-06-30"),
        ("Het besluit volgt in de loop van mei.", "in de loop van mei", "2023-05-31"),
        ("De rapportage (september 2023) volgt.", "september 2023", "2023-09-30"),
        ("Het overleg is op 23 mei a.s. in Brussel.", "op 23 mei a.s.", "2023-05-23"),
        ("Ik stuur het uiterlijk 1 maart 2024.", "uiterlijk 1 maart 2024", "2024-03-01"),
        ("Ik stuur het voor 15 juni.", "voor 15 juni", "2023-06-15"),
        ("Ik stuur het voor 1 februari.", "voor 1 februari", "2024-02-01"),
        ("Ik spreek aanstaande maandag met de VNG.", "aanstaande maandag", "2023-03-20"),
        ("U ontvangt het binnen drie weken.", "binnen drie weken", "2023-04-05"),
        ("U ontvangt het binnen twee maanden.", "binnen twee maanden", "2023-05-15"),
        ("U ontvangt het binnen 10 dagen.", "binnen 10 dagen", "2023-03-25"),
        ("Dat volgt binnenkort.", "binnenkort", "2023-06-13"),
        ("Dat volgt op korte termijn.", "op korte termijn", "2023-06-13"),
        ("Dat volgt spoedig.", "spoedig", "2023-06-13"),
        ("Dat volgt zo spoedig mogelijk.", "zo spoedig mogelijk", "2023-06-13"),
        ("Dat volgt zo snel mogelijk.", "zo snel mogelijk", "2023-06-13"),
        (
            "Dat volgt op de kortst mogelijke termijn.",
            "op de kortst mogelijke termijn",
            "2023-06-13",
        ),
        (
            "Dit staat in de volgende voortgangsrapportage.",
            "in de volgende voortgangsrapportage",
            "2023-09-14",
        ),
        ("Ik rapporteer halfjaarlijks.", "halfjaarlijks", "2023-09-14"),
        ("Ik stuur het voor Prinsjesdag.", "voor Prinsjesdag", "2023-09-19"),
        ("Ik stuur het voor het herfstreces.", "voor het herfstreces", "2023-10-15"),
        ("Ik stuur het voor het voorjaarsreces.", "voor het voorjaarsreces", "2024-02-15"),
        ("Ik stuur het voor het krokusreces.", "voor het krokusreces", "2024-02-15"),
        ("Ik stuur het later dit jaar.", "later dit jaar", "2023-12-31"),
        ("Ik stuur het begin volgend jaar.", "begin volgend jaar", "2024-03-31"),
        (
            "Ik stuur het in de tweede helft van dit jaar.",
            "in de tweede helft van dit jaar",
            "2023-12-31",
        ),
        ("De wet treedt in 2025 in werking.", "in 2025", "2025-12-31"),
        ("Ik geef de pilot volgend jaar een vervolg.", "volgend jaar", "2024-12-31"),
        (
            "Ik stuur de reactie zo spoedig mogelijk na het reces.",
            "zo spoedig mogelijk na het reces",
            "2023-06-13",
        ),
        ("De visie wordt u later deze maand aangeboden.", "later deze maand", "2023-03-31"),
        (
            "U wordt geïnformeerd in de eerstvolgende personeelsrapportage.",
            "in de eerstvolgende personeelsrapportage",
            "2023-09-14",
        ),
        (
            "Met ingang van 1 januari 2024 zullen de tarieven worden gekoppeld.",
            "1 januari 2024",
            "2024-01-01",
        ),
        (
            "Ik verwacht u rond de jaarwisseling te informeren.",
            "rond de jaarwisseling",
            "2023-12-31",
        ),
    ],
)
def test_due_date_of_each_phrase(sentence: str, phrase: str, due: str) -> None:
    found = parse_deadline(sentence, LETTER)
    assert found is not None
    assert found.phrase == phrase
    assert sentence[found.start : found.end] == phrase
    assert found.due == dt.date.fromisoformat(due)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Vanzelfsprekend zal uw Kamer hier tijdig over worden geïnformeerd.", "tijdig"),
        ("Zodra de resultaten er zijn, informeer ik u.", "Zodra de resultaten er zijn"),
        (
            "Wanneer de uitkomsten bekend zijn, wordt uw Kamer geïnformeerd.",
            "Wanneer de uitkomsten bekend zijn",
        ),
    ],
)
def test_conditional_phrases_have_no_date(sentence: str, phrase: str) -> None:
    found = parse_deadline(sentence, LETTER)
    assert found is not None and found.phrase == phrase
    assert found.due is None and found.kind == "conditional"


def test_as_soon_as_possible_after_an_event_sets_no_date_of_its_own() -> None:
    assert parse_deadline("Het wetsvoorstel volgt zo spoedig mogelijk daarna.", LETTER) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 12 april jl. heb ik de burgemeesters gesproken.",
        "Op 29 januari jongstleden is het rapport verschenen.",
        "In de brief van 7 oktober heb ik dat toegelicht.",
        "Het rapport d.d. 30 september 2022 is openbaar.",
        "In het tweede kwartaal van 2021 is de wet ingevoerd.",  # already past
        # the letter's own date, mixed into the text by a PDF's page header
        "Voorts zal ik in de verkenning Datum 15 maart 2023 onderzoeken welke doelgroep dat is.",
        "Ik heb de burgemeesters gesproken.",
    ],
)
def test_backward_references_and_past_periods_are_skipped(sentence: str) -> None:
    assert parse_deadline(sentence, LETTER) is None


def test_prinsjesdag_is_third_tuesday_of_september() -> None:
    assert prinsjesdag(2023) == dt.date(2023, 9, 19)
    assert prinsjesdag(2024) == dt.date(2024, 9, 17)
    assert prinsjesdag(2020) == dt.date(2020, 9, 15)


def test_omitted_year_takes_first_period_on_or_after_the_letter() -> None:
    found = parse_deadline("Begin mei volgt de brief.", dt.date(2017, 5, 19))
    assert found is not None and found.due == dt.date(2018, 5, 10)
    found = parse_deadline("Eind januari volgt het bezoek.", dt.date(2022, 12, 10))
    assert found is not None and found.due == dt.date(2023, 1, 31)


def test_without_reference_date_relative_phrases_have_no_due_date() -> None:
    relative = parse_deadline("binnen drie weken", None)
    assert relative is not None and relative.due is None
    explicit = parse_deadline("uiterlijk 1 maart 2024", None)
    assert explicit is not None and explicit.due == dt.date(2024, 3, 1)


def test_most_specific_phrase_wins() -> None:
    sentence = "Later dit jaar volgt per brief de Resultatenrapportage (september 2023)."
    found = parse_deadline(sentence, LETTER)
    assert found is not None and found.phrase == "september 2023"
    assert [d.phrase for d in find_deadlines(sentence, LETTER)] == [
        "september 2023",
        "Later dit jaar",
    ]


def test_deadline_is_public_and_frozen() -> None:
    found = parse_deadline("voor de zomer", LETTER)
    assert isinstance(found, Deadline)
    with pytest.raises(AttributeError):
        found.due = None  # type: ignore[misc]


def test_every_rule_match_holds_one_of_the_words_its_gate_looks_for():
    """find_deadlines skips a rule when the text holds none of its needs: a rule whose match
    can lack them would silently lose phrases. Checked on every letter the project holds."""
    from pathlib import Path

    from commitments.extraction.deadlines import RULES

    root = Path(__file__).resolve().parents[2]
    texts = [
        path.read_text(encoding="utf-8")
        for folder in (root / "tests" / "extraction", root / "fixtures" / "letters")
        for path in sorted(folder.rglob("*.txt"))
    ]
    assert len(texts) > 300
    ungated = []
    for rule in RULES:
        assert rule.needs, rule.pattern.pattern
        assert all(word == word.lower() and " " not in word for word in rule.needs)
        for text in texts:
            for match in rule.pattern.finditer(text):
                if not any(word in match.group(0).lower() for word in rule.needs):
                    ungated.append((rule.pattern.pattern[:60], match.group(0)))
    assert ungated == []
