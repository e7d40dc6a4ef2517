from __future__ import annotations

from commitments.extraction.cleanup import clean


def test_hyphenated_word_across_line_break_is_joined() -> None:
    cleaned = clean("De commissie verzocht om een schrifte-\nlijke reactie.")
    assert "schriftelijke reactie" in cleaned.text


def test_hyphen_before_conjunction_stays() -> None:
    cleaned = clean("Het zorg-\nen welzijnsbeleid en het identiteits-\nof documentbeleid.")
    # not joined into "zorgen welzijnsbeleid": the line break stays a break
    assert "zorg-\nen welzijnsbeleid" in cleaned.text
    assert "identiteits-\nof documentbeleid" in cleaned.text


def test_hyphen_after_capitals_is_kept_when_joining() -> None:
    assert "VN-missie" in clean("Nederland steunt de VN-\nmissie in Mali.").text


def test_capitalised_next_line_is_not_joined() -> None:
    assert clean("In Noord-\nBrabant gaat het goed.").text == "In Noord-\nBrabant gaat het goed."


def test_page_furniture_and_margin_blocks_are_dropped() -> None:
    text = (
        "De regeling wordt\n\nPagina 2 van 12\n\nDatum 14 maart 2023\nKenmerk 12345\n"
        "Eerste Kamer, vergaderjaar 2016–2017, 29 521, Z 3\n\n17\n\naangepast.\n"
    )
    assert clean(text).text == "De regeling wordt\naangepast."


def test_footnotes_and_their_markers_are_dropped() -> None:
    text = (
        "Het rapport (in bijlage)1 gaat in op de zorgen. Zie ook art.46 van het akkoord.\n"
        "1 Raadpleegbaar via www.tweedekamer.nl\n"
        "http://www.tweedekamer.nl/\n"
        " De volgende pagina begint hier.\n"
    )
    cleaned = clean(text).text
    assert "(in bijlage) gaat in" in cleaned
    assert "art.46" in cleaned  # not a footnote: no footnote 46 exists
    assert "Raadpleegbaar" not in cleaned and "http" not in cleaned
    assert "De volgende pagina begint hier." in cleaned


def test_whitespace_is_normalised() -> None:
    assert clean("De  leden\t van   de\n\n\nfractie.").text == "De leden van de\nfractie."


def test_every_clean_span_maps_back_to_the_same_words() -> None:
    text = (
        "Datum 1 juli 2020\n\nDe vaste commissie verzocht om een schrifte-\nlijke reactie op het "
        "rapport2 van  Amnesty.\n\nPagina 1 van 3\n\nHierbij kom ik aan dat verzoek tegemoet.\n"
        "2 Amnesty International, 2020.\n"
    )
    cleaned = clean(text)
    for word in ("schriftelijke", "rapport", "Amnesty", "Hierbij", "tegemoet."):
        start = cleaned.text.index(word)
        orig_start, orig_end = cleaned.original_span(start, start + len(word))
        original = text[orig_start:orig_end]
        assert original.replace("-\n", "") == word
    whole_start = cleaned.text.index("De vaste")
    whole_end = cleaned.text.index("Amnesty.") + len("Amnesty.")
    orig_start, orig_end = cleaned.original_span(whole_start, whole_end)
    assert text[orig_start:orig_end].startswith("De vaste commissie")
    assert text[orig_start:orig_end].endswith("van  Amnesty.")


RIJKSOVERHEID_LETTER = """> Retouradres Postbus 20401 2500 EK Den Haag
De Voorzitter van de Tweede Kamer
der Staten-Generaal
Prinses Irenestraat 6
2595 BD  DEN HAAG
Directoraat-generaal Energie,
Telecommunicatie en Mededinging
Bezoekadres
Bezuidenhoutseweg 73
2594 AC Den Haag
Overheidsidentificatienr
00000001003214369000
T 070 379 8911 (algemeen)
www.rijksoverheid.nl/ezk
Onze referentie DGETM / 24123456 Bijlagen 2
Datum 4 maart 2024 Betreft Voortgang van de warmtetransitie in de
gebouwde omgeving
Geachte Voorzitter,
Met deze brief informeer ik uw Kamer over de voortgang. Ik zal uw Kamer uiterlijk
3
in maart 2025 informeren over de tweede tranche.
Pagina 1 van 7
Onze referentie
DGETM / 24123456
Ik stuur u de evaluatie na de zomer.
Hoogachtend,
De minister van Economische Zaken en Klimaat,
mr. drs. M.A.M. Adriaansens
"""


def test_a_rijksoverheid_letterhead_and_signature_are_not_prose() -> None:
    text = clean(RIJKSOVERHEID_LETTER).text
    assert text == (
        "Met deze brief informeer ik uw Kamer over de voortgang. Ik zal uw Kamer uiterlijk\n"
        "in maart 2025 informeren over de tweede tranche.\n"
        "Ik stuur u de evaluatie na de zomer."
    )


def test_the_letterhead_is_only_dropped_above_a_salutation_under_letterhead_marks() -> None:
    body = "Prinses Irenestraat 6 is het adres.\nGeachte Voorzitter,\nIk stuur u de nota."
    assert "Irenestraat 6 is het adres" in clean(body).text
    assert clean("Kenmerk 123\nGeachte Voorzitter,\nIk stuur u de nota.").text == (
        "Ik stuur u de nota."
    )


def test_an_office_named_mid_sentence_is_kept() -> None:
    text = "Dit is besproken met\nde minister van Financiën,\nA.B. Jansen en anderen. Ik stuur u de nota."
    assert "de minister van Financiën," in clean(text).text
