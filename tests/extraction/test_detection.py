from __future__ import annotations

import pytest

from commitments.extraction import extract
from commitments.extraction.detection import analyse_sentence

MINISTER = "Minister van Binnenlandse Zaken en Koninkrijksrelaties"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # explicit
        ("Ik zeg toe dat ik de gemeenten hierover een brief stuur.", "action"),
        ("Daarnaast zeg ik toe de regeling te evalueren.", "action"),
        ("Ik zeg uw Kamer toe dat ik u voor de zomer informeer over de pilots.", "inform"),
        # implicit: future modal with the government as subject and the Kamer as receiver
        ("Het kabinet zal uw Kamer in het najaar informeren over de uitkomsten.", "inform"),
        ("Voor de zomer zal het kabinet uw Kamer over de voortgang informeren.", "inform"),
        ("Ik zal uw Kamer de evaluatie voor het kerstreces doen toekomen.", "send_document"),
        ("Ik zal uw Kamer het rapport in het voorjaar toezenden.", "send_document"),
        ("Zult u in de volgende voortgangsrapportage worden geïnformeerd.", "inform"),
        ("In een volgende rapportage zult u over de kosten worden geïnformeerd.", "inform"),
        ("Uw Kamer wordt voor de zomer hierover geïnformeerd.", "inform"),
        ("De Kamer wordt in het najaar over de pilots geïnformeerd.", "inform"),
        ("Wanneer de uitkomsten bekend zijn, wordt uw Kamer hierover geïnformeerd.", "inform"),
        ("Voor de begrotingsbehandeling ontvangt uw Kamer de evaluatie.", "send_document"),
        ("Ik stuur u voor de zomer de evaluatie.", "send_document"),
        ("Over de uitkomsten kom ik voor de zomer bij u terug.", "inform"),
        ("Ik kom hierop in de volgende voortgangsbrief terug.", "inform"),
        ("Ik zal u op de hoogte houden van de ontwikkelingen.", "inform"),
        ("Ook zal Nederland in de Raad aandacht vragen voor de mensenrechten.", "action"),
        ("Het kabinet zal de regeling in de eerste helft van 2024 openstellen.", "action"),
        (
            "In de Kamerbrief, die uw Kamer voor de zomer toekomt, zal het kabinet ingaan op de "
            "kosten.",
            "send_document",
        ),
        ("Dit onderwerp komt ook aan de orde in de Afrikastrategie.", "send_document"),
        ("Als eerste stap zal ik de gemeenten in het voorjaar een handreiking sturen.", "action"),
        ("Ik streef ernaar uw Kamer voor de zomer te informeren over de pilots.", "inform"),
        ("Ik informeer uw Kamer voor het zomerreces over de uitkomsten.", "inform"),
        ("Ik verwacht uw Kamer medio december de voortgangsrapportage te sturen.", "send_document"),
    ],
)
def test_commitment_forms_are_found(sentence: str, kind: str) -> None:
    analysis = analyse_sentence(sentence, MINISTER, has_deadline=True)
    assert analysis.category == "commitment"
    assert analysis.kind == kind
    assert 0.0 < analysis.confidence <= 1.0


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "In het debat van 3 maart heeft de minister toegezegd de regeling te evalueren.",
            "reference",
        ),
        ("Zoals toegezegd zal het kabinet uw Kamer in het najaar informeren.", "reference"),
        ("Nederland heeft eerder toegezegd twee stafofficieren te leveren.", "reference"),
        ("In deze brief worden deze toezeggingen gestand gedaan.", "fulfilment"),
        ("Hiermee doe ik mijn toezegging gestand.", "fulfilment"),
        ("Met deze brief geef ik invulling aan de toezegging uit het debat.", "fulfilment"),
        ("Zoals aangekondigd zal ik de wet voor de zomer wijzigen.", "reference"),
    ],
)
def test_references_and_fulfilments_are_not_new_commitments(sentence: str, kind: str) -> None:
    analysis = analyse_sentence(sentence, MINISTER, has_deadline=True)
    assert analysis.category == "reference"
    assert analysis.kind == kind


@pytest.mark.parametrize(
    "sentence",
    [
        # questions from members
        "Hoe zal Nederland de steun voortzetten?",
        "Is de minister bereid de Kamer voor de zomer te informeren?",
        "De leden van de VVD-fractie vragen het kabinet de Kamer tijdig te informeren.",
        # past acts
        "Nederland heeft vijf miljoen euro geleverd.",
        "Het kabinet heeft uw Kamer op 3 maart geïnformeerd over de missie.",
        # this very letter
        "Met deze brief informeer ik uw Kamer over de staatsgreep.",
        "Hierbij stuur ik u het rapport.",
        # lasting policy lines
        "Nederland blijft aandringen op een spoedige terugkeer naar de democratie.",
        "Nederland zal dat ook in de toekomst blijven doen.",
        "Het kabinet zal zich inzetten voor een sterke Europese Unie.",
        # expectations about others
        "De resultaten worden begin 2024 verwacht.",
        "De Europese Commissie zal in het najaar een voorstel doen.",
        # conditional musings
        "Mocht de situatie verslechteren, dan zal worden gezocht naar alternatieven.",
        "Indien nodig zal het kabinet aanvullende maatregelen nemen.",
        # asides to the Kamer and other actors
        "Zoals u weet zal de Europese Commissie de gegevens met de lidstaten delen.",
        "Als de regeling niet werkt, zal het kabinet bezien wat nodig is.",
        # plain statements
        "Het aantal vacatures is gedaald.",
        "Het kabinet zal geen nieuwe middelen vrijmaken.",
    ],
)
def test_non_commitments_are_left_out(sentence: str) -> None:
    assert analyse_sentence(sentence, MINISTER, has_deadline=True).category is None


def test_ik_resolves_to_the_signing_minister() -> None:
    analysis = analyse_sentence("Ik zal uw Kamer voor de zomer informeren.", MINISTER, True)
    assert analysis.actor == MINISTER


def test_actor_is_named_as_the_text_names_it() -> None:
    assert analyse_sentence("Het kabinet zal uw Kamer voor de zomer informeren.").actor == "kabinet"
    assert (
        analyse_sentence(
            "Ook zal Nederland in de Raad aandacht vragen voor de zaak.", has_deadline=True
        ).actor
        == "Nederland"
    )
    sentence = (
        "Daarom zal de minister van Buitenlandse Zaken eind januari een bezoek brengen aan Niger."
    )
    assert analyse_sentence(sentence, has_deadline=True).actor == "Minister van Buitenlandse Zaken"


def test_restatement_later_in_the_letter_is_a_reference() -> None:
    text = (
        "Den Haag, 10 januari 2023\n\n"
        "Het kabinet zal uw Kamer in de eerste helft van 2023 informeren over de geïntegreerde "
        "inzet in de Sahel. De situatie is zorgelijk. In de Kamerbrief over de geïntegreerde inzet "
        "in de Sahel, die uw Kamer in de eerste helft van 2023 toekomt, zal het kabinet ingaan op "
        "de grondoorzaken.\n"
    )
    result = extract(text)
    assert len(result.commitments) == 1
    assert len(result.fulfilments) == 1
    assert result.fulfilments[0].refers_to.startswith("restates:")
    assert result.fulfilments[0].due is not None
