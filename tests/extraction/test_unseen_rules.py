"""One small test per rule added for letters from other ministries, years and Kamers."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments.extraction import extract
from commitments.extraction.deadlines import find_deadlines
from commitments.extraction.detection import analyse_sentence
from commitments.extraction.metadata import parse_metadata
from commitments.extraction.sentences import split_sentences

MINISTER = "Minister van Financiën"
D = dt.date(2022, 3, 15)


def sentences(text: str) -> list[str]:
    return [" ".join(text[a:b].split()) for a, b in split_sentences(text)]


def letter(body: str, date: str = "15 maart 2022") -> str:
    return (
        f"12 345 Een dossier\n\nNr. 7 BRIEF VAN DE MINISTER VAN FINANCIËN\n\n"
        f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        f"Den Haag, {date}\n\n{body}\n\nDe Minister van Financiën,\nA.B. Jansen\n"
    )


# --- new commitment forms -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("U kunt de kabinetsreactie uiterlijk in april tegemoet zien.", "send_document"),
        ("Daarom kan uw Kamer de nota na de zomer tegemoetzien.", "send_document"),
        (
            "Mijn planning is om de evaluatie voor de zomer naar de Kamer te sturen.",
            "send_document",
        ),
        ("Ik stel voor uw Kamer uiterlijk 1 juni nader te berichten.", "inform"),
        (
            "Uiteraard zal de Kamer via de geannoteerde agenda op de hoogte worden gesteld.",
            "inform",
        ),
        ("De rapportage wordt uiterlijk 1 oktober aan uw Kamer toegezonden.", "send_document"),
        (
            "Zodra duidelijk is wanneer het rapport verschijnt, wordt uw Kamer hierover "
            "geïnformeerd.",
            "inform",
        ),
        ("Ik ben voornemens de nota in september aan uw Kamer te doen toekomen.", "send_document"),
        # a subordinate clause puts the verb last
        ("Dit betekent dat ik het beleid op korte termijn zal publiceren.", "action"),
        # a firm intention with a date binds, also without the Kamer as receiver
        ("Ik streef ernaar dit besluit binnen twee maanden te nemen.", "action"),
        (
            "Bij deze wil ik u laten weten dat ik voornemens ben de omvorming per 1 januari 2023 "
            "te laten plaatsvinden.",
            "action",
        ),
        # sharing with the Kamer is sending it
        (
            "De agenda's zullen op 2 november worden ondertekend en dan met uw Kamer worden "
            "gedeeld.",
            "send_document",
        ),
        # resolved on an act, undated
        ("Ik ben voornemens om een tijdlijn op te stellen voor de maatregelen.", "action"),
        # a government act in the future passive, its agent unnamed
        ("De impact zal met een toets nader in kaart worden gebracht.", "action"),
        ("Daarbij zal ook de reactie op het tienpuntenplan worden meegenomen.", "action"),
        # work on a deliverable is a promise (labelled so in batches F and G)
        (
            "De komende weken zal het kabinet samen met de leveranciers verder werken aan de "
            "uitvoering van het prijsplafond.",
            "action",
        ),
    ],
)
def test_new_commitment_forms(sentence: str, kind: str) -> None:
    deadline = bool(find_deadlines(sentence, D))
    analysis = analyse_sentence(sentence, MINISTER, has_deadline=deadline)
    assert (analysis.category, analysis.kind) == ("commitment", kind), sentence


def test_fronted_time_phrase_with_inverted_subject_is_a_commitment() -> None:
    found = extract(letter("In het najaar van 2022 neem ik een besluit over de regeling."))
    assert [c.kind for c in found.commitments] == ["action"]
    assert found.commitments[0].due == dt.date(2022, 12, 20)


@pytest.mark.parametrize(
    "body",
    [
        "In 2021 heb ik de regeling geëvalueerd.",  # past
        "In het najaar verwacht ik de resultaten van het onderzoek.",  # expectation
        "In het najaar kan ik nog geen besluit nemen.",  # modal, no promise
    ],
)
def test_fronted_time_without_a_promise(body: str) -> None:
    assert extract(letter(body)).commitments == []


# --- not commitments -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # acts of this very letter
        "Deze brief wordt gelijktijdig aangeboden aan de Eerste Kamer.",
        "Dit volgt in de laatste paragraaf van deze brief, eerst ga ik in op de achtergrond.",
        "In verband met het reces ontvangt u deze brief nu.",
        # telling the Kamer now, without a promise in what is told
        "Bij deze wil ik u laten weten dat de regeling per 1 januari 2023 is ingegaan.",
        # an expectation with a date
        "Ik verwacht het rapport van de commissie in juni te ontvangen.",
        # toezeggingen as a kind of thing, not an earlier promise pointed at
        "De lijst met doorlopende toezeggingen staat in de bijlage bij het overzicht.",
        # someone else's act in the future passive
        "Daarbij zal het plan door de gemeente worden aangepast.",
        # going on with an approach is a lasting line
        "We gaan daarom in 2023 door met deze aanpak.",
        # 'voornemens' as a noun
        "Ik heb u in april gemeld dat er vragen zijn gesteld over de voornemens van het kabinet "
        "ten aanzien van de toezending aan uw Kamer.",
    ],
)
def test_not_a_commitment(sentence: str) -> None:
    deadline = bool(find_deadlines(sentence, D))
    assert analyse_sentence(sentence, MINISTER, has_deadline=deadline).category != "commitment"


def test_in_verband_hiermee_is_not_this_letters_act() -> None:
    sentence = "In verband hiermee kunt u de brief in januari tegemoet zien."
    assert analyse_sentence(sentence, MINISTER, has_deadline=True).category == "commitment"


# --- references to earlier promises -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ik heb u in mei meegedeeld dat ik de notitie in september aan uw Kamer zou sturen.",
        "Bij brief van 3 maart heb ik u bericht dat ik uw Kamer voor 1 juni een notitie zal "
        "doen toekomen.",
        "Daarnaast heb ik aangegeven dat ik in de reactie ook zou ingaan op de kosten.",
        "In mijn brief van 2 mei heb ik aangegeven de visie uiterlijk in juni aan uw Kamer te "
        "kunnen aanbieden.",
        "Verder heb ik aangegeven bereid te zijn uw Kamer op de hoogte te brengen van de inhoud.",
        "Ik geef wederom aan dat ik de Kamer voor een besluit nader zal informeren.",
        "Zoals ik eerder heb aangegeven, zal ik uw Kamer voor de zomer informeren.",
        "Het lid Jansen verzocht de toegezegde reactie voor het debat te ontvangen.",
        # an earlier statement reported, whatever the subject of what was said
        "Op 21 maart jl. heb ik u laten weten dat de omvorming op korte termijn plaats zal vinden.",
        # a restatement in the simple past
        "Zoals ik u meldde in mijn brief van 26 mei, zal ik na de verkiezingen een besluit nemen.",
        # an announced answer to members' questions is reported, not a question
        "Vandaag heb ik u aangekondigd heden schriftelijk nader te antwoorden op vragen die de "
        "leden Jansen en De Vries stelden.",
        # the plural names earlier promises when pointed at
        "Met deze brief kom ik tegemoet aan enkele toezeggingen en moties.",
        "Zoals u gemeld ben ik voornemens mijn visie voor de zomer aan uw Kamer te sturen.",
        "Zoals in de brief aan uw Kamer van 8 januari reeds beschreven, zal in de visie aandacht "
        "worden besteed aan de moties.",
        "In mei heb ik aangegeven dat ik samen met de sector met een visie wil komen.",
    ],
)
def test_reported_or_restated_promises_are_references(sentence: str) -> None:
    assert analyse_sentence(sentence, MINISTER, has_deadline=True).category == "reference"


def test_bracketed_toegezegde_does_not_make_a_reference() -> None:
    sentence = (
        "Ik zal mijn opvolger verzoeken de reactie (inclusief de toegezegde reactie op de "
        "kosten) aan uw Kamer te zenden."
    )
    assert analyse_sentence(sentence, MINISTER).category == "commitment"


def test_anaphor_does_not_restate_the_promise_right_before_it() -> None:
    found = extract(
        letter(
            "Ook zal ik met de gemeenten voor 1 januari 2023 een handreiking opstellen. Wanneer de "
            "uitkomsten van de gesprekken met de provincies bekend zijn, kom ik hierop bij uw Kamer "
            "terug."
        )
    )
    assert len(found.commitments) == 2


# --- sentences and letter heads ---------------------------------------------------------------


def test_c_s_does_not_end_a_sentence() -> None:
    text = "De motie van het lid Jansen c.s. (Kamerstuk 1, nr. 2) is aangenomen."
    assert len(sentences(text)) == 1


def test_footnote_number_after_full_stop_ends_the_sentence() -> None:
    assert sentences("Dat is toegezegd aan de Kamer.2 In verband daarmee schrijf ik u.") == [
        "Dat is toegezegd aan de Kamer.2",
        "In verband daarmee schrijf ik u.",
    ]


def test_capitals_heading_and_head_lines_are_their_own_sentences() -> None:
    text = (
        "34 000 Een dossier, met komma\nNr. 12 BRIEF VAN DE MINISTER VAN DEFENSIE\n"
        "Hierbij ontvangt u de rapportage."
    )
    assert sentences(text)[-1] == "Hierbij ontvangt u de rapportage."
    head = "Den Haag, 3 juni 2022\nHet kabinet hecht waarde aan de Kamer."
    assert sentences(head) == ["Den Haag, 3 juni 2022", "Het kabinet hecht waarde aan de Kamer."]


# --- deadlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Het kabinet besluit rond de zomer van 2022 over het plan.", "2022-08-31"),
        ("U ontvangt de brief uiterlijk voor het einde van het meireces.", "2022-05-12"),
        ("Ik stuur de rest uiterlijk voor het einde van het zomerreces.", "2022-09-01"),
        ("Ik stuur de visie tijdig voor het overleg van 1 december aanstaande.", "2022-12-01"),
    ],
)
def test_new_deadline_phrases(sentence: str, due: str) -> None:
    assert find_deadlines(sentence, D)[0].due == dt.date.fromisoformat(due)


def test_voorjaarsraad_is_not_a_season() -> None:
    assert find_deadlines("De Kamer wordt via de agenda voor de Voorjaarsraad ingelicht.", D) == []


# --- metadata ----------------------------------------------------------------------------------


def test_answers_to_questions_take_the_received_date_and_answering_minister() -> None:
    meta = parse_metadata(
        "Tweede Kamer der Staten-Generaal\nVergaderjaar 2022–2023  Aanhangsel van de Handelingen\n"
        "Antwoord van Minister De Vries (Natuur en Stikstof) (ontvangen 14 september 2023).\n"
        "Vraag 1\nKent u het bericht?\nAntwoord 1\n"
        "Ja, dat rapport verschijnt op 1 december 2023.\n"
    )
    assert meta.date == dt.date(2023, 9, 14) and not meta.date_inferred
    assert meta.addressee == "Tweede Kamer"
    assert meta.signatories[0].office == "Minister voor Natuur en Stikstof"


def test_ministry_from_letterhead() -> None:
    meta = parse_metadata(
        "> Retouradres Postbus 20401 2500 EK Den Haag\n\nDe Voorzitter van de Tweede Kamer\n"
        "der Staten-Generaal\n\nDirectoraat-generaal Klimaat\nMinisterie van Economische Zaken en "
        "Klimaat\nBezoekadres\n\nDatum 12 maart 2024\nBetreft Voortgang\n\nGeachte voorzitter,\n"
    )
    assert meta.ministry == "Ministerie van Economische Zaken en Klimaat"
    assert meta.date == dt.date(2024, 3, 12)
    assert meta.addressee == "Tweede Kamer"


# --- rules from the 2026 holdout (tests/extraction/holdout) ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "De beantwoording zal plaatshebben omstreeks half februari 2010.",
        "Ik zal de vragen van uw Kamer zo spoedig mogelijk beantwoorden.",
        "De vragen zullen binnen drie weken worden beantwoord.",
    ],
)
def test_promised_answers_are_inform_commitments(sentence: str) -> None:
    analysis = analyse_sentence(sentence, MINISTER, has_deadline=bool(find_deadlines(sentence, D)))
    assert (analysis.category, analysis.kind) == ("commitment", "inform")


def test_answering_taking_longer_is_no_promise() -> None:
    sentence = "De beantwoording zal, gezien de grote kwantiteit van de vragen, meer tijd vergen."
    assert analyse_sentence(sentence, MINISTER).category is None


def test_a_letter_to_the_kamer_is_a_document_for_the_kamer() -> None:
    sentence = (
        "Ik zal daarover uiterlijk half februari 2010 duidelijkheid kunnen geven in een "
        "brief aan het Indisch Platform en aan uw Kamer."
    )
    analysis = analyse_sentence(sentence, MINISTER, has_deadline=True)
    assert (analysis.category, analysis.kind) == ("commitment", "send_document")


def test_the_kamer_told_of_a_plan_before_is_a_reference_not_a_promise() -> None:
    # GUIDELINES section 2: a mention of an earlier plan or announcement is a reference
    sentence = (
        "In 2017 bent u per brief (Kamerstuk 34 775 A, nr. 5) geïnformeerd over het voornemen "
        "tot het creëren van productartikel 20."
    )
    analysis = analyse_sentence(sentence, MINISTER)
    assert (analysis.category, analysis.rule) == ("reference", "informed_of_plan")


@pytest.mark.parametrize(
    "sentence",
    [
        "In aanvulling op de geannoteerde agenda wil ik u informeren dat het voorzitterschap "
        "verslag zal doen van de bijeenkomst.",
        "Het kabinet zal in 2025 500 miljoen euro beschikbaar stellen voor woningbouw.",
        "In 2025 zal het kabinet 200 miljoen extra uittrekken voor defensie.",
        "Nederland zal zich in de Raad inzetten voor een ambitieus akkoord.",
        "Wij zullen de ontwikkelingen nauwlettend volgen.",
    ],
)
def test_past_informing_telling_now_and_policy_lines_are_no_promise(sentence: str) -> None:
    analysis = analyse_sentence(sentence, MINISTER, has_deadline=bool(find_deadlines(sentence, D)))
    assert analysis.category is None


def test_policy_line_still_promises_when_the_kamer_is_informed() -> None:
    sentence = (
        "Het kabinet zal in 2025 500 miljoen euro beschikbaar stellen en uw Kamer voor de "
        "zomer informeren over de verdeling."
    )
    assert analyse_sentence(sentence, MINISTER, has_deadline=True).category == "commitment"


def test_fronted_time_with_a_policy_verb_is_no_promise() -> None:
    found = extract(letter("In 2025 investeert het kabinet 300 miljoen euro in de zorg."))
    assert found.commitments == []
    found = extract(letter("In het najaar van 2022 stuur ik uw Kamer de evaluatie."))
    assert len(found.commitments) == 1


def test_reference_with_a_named_minister_and_members_questions() -> None:
    first = (
        "Met betrekking tot de motie heeft de Staatssecretaris van Binnenlandse Zaken uw "
        "Kamer laten weten u eind van het jaar te informeren over de plannen."
    )
    second = (
        "In aanvulling daarop is, in antwoord op vragen van de leden Ceder en Leijten, uw "
        "Kamer een eerste rapportage toegezegd."
    )
    for sentence in (first, second):
        assert analyse_sentence(sentence, MINISTER).category == "reference"


def test_a_title_line_is_no_reference() -> None:
    text = (
        "Toezegging over uitgaven aan leasecontracten voor strategisch luchttransport en over "
        "de verwachte transportbehoefte\nIn het algemeen overleg van 7 oktober 2008 heb ik "
        "toegezegd de Kamer te zullen informeren over de uitgaven. Met deze brief doe ik mijn "
        "toezegging gestand.\n"
    )
    found = extract(text)
    assert [r.quote[:12] for r in found.fulfilments] == ["In het algem", "Met deze bri"]


def test_sentence_breaks_after_a_year_footnote_a_numbered_heading_and_a_signature() -> None:
    text = (
        "Vaststelling begroting Infrastructuurfonds 2018\n34775 A 66 BRIEF VAN DE MINISTER VAN "
        "INFRASTRUCTUUR EN WATERSTAAT\nHet kost meer tijd dan voorzien op 18 juni 2025.1\n"
        "Ik streef ernaar u te informeren.\nde Staatssecretaris van Financiën,\n"
    )
    assert sentences(text) == [
        "Vaststelling begroting Infrastructuurfonds 2018",
        "34775 A 66 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT",
        "Het kost meer tijd dan voorzien op 18 juni 2025.1",
        "Ik streef ernaar u te informeren.",
        "de Staatssecretaris van Financiën,",
    ]


@pytest.mark.parametrize(
    ("sentence", "phrase", "due"),
    [
        (
            "Ik zal de vragen zo spoedig mogelijk na het beschikbaar komen van deze informatie "
            "beantwoorden.",
            "na het beschikbaar komen van deze informatie",
            None,
        ),
        (
            "Ik streef ernaar uw Kamer zo spoedig mogelijk, maar uiterlijk in het eerste kwartaal "
            "van 2023, te informeren.",
            "uiterlijk in het eerste kwartaal van 2023",
            dt.date(2023, 3, 31),
        ),
    ],
)
def test_conditional_after_soon_and_stated_bound_first(
    sentence: str, phrase: str, due: dt.date | None
) -> None:
    first = find_deadlines(sentence, D)[0]
    assert (" ".join(first.phrase.split()), first.due) == (phrase, due)


@pytest.mark.parametrize(
    ("head", "date"),
    [
        (
            "Nummer: 2025D34162, datum: 2025-07-21, bijgewerkt: 2025-07-21\n\nGeachte voorzitter,",
            dt.date(2025, 7, 21),
        ),
        (
            "Kamerbrief over de agenda\n\n11-03-2009 | Kamerstuk | Ministerie van Buitenlandse Zaken",
            dt.date(2009, 3, 11),
        ),
    ],
)
def test_numeric_date_in_the_page_head(head: str, date: dt.date) -> None:
    meta = parse_metadata(head + "\n\nIn deze brief ga ik in op de agenda.\n")
    assert meta.date == date and not meta.date_inferred


def test_expecting_to_deliver_a_document_is_a_promise() -> None:
    sentence = (
        "Ik verwacht in aanvulling op de jaarlijkse rapportage ook een tussentijdse "
        "rapportage te leveren over de cijfers."
    )
    analysis = analyse_sentence(sentence, MINISTER)
    assert (analysis.category, analysis.kind) == ("commitment", "send_document")
    separable = (
        "Ik verwacht het Veteranenbesluit na behandeling in de ministerraad in het najaar van "
        "2022 aan uw Kamer aan te bieden."
    )
    analysis = analyse_sentence(separable, MINISTER, has_deadline=True)
    assert (analysis.category, analysis.kind) == ("commitment", "send_document")
    expecting_to_receive = "Ik verwacht het rapport van de commissie in juni te ontvangen."
    assert analyse_sentence(expecting_to_receive, MINISTER, has_deadline=True).category is None


def test_the_document_at_hand_addresses_nothing_in_the_future() -> None:
    sentence = (
        "In 2012 rondde IOB een evaluatie af; in het hier voorliggende eindrapport komt de "
        "Benelux Politieke Samenwerking aan de orde."
    )
    assert analyse_sentence(sentence, MINISTER).category is None


def test_sending_with_this_letter_is_no_promise() -> None:
    sentence = (
        "De Afdeling heeft haar voorlichting uitgebracht op 4 februari 2014 en zend ik u, "
        "mede namens de Minister van Financiën bijgaand."
    )
    assert analyse_sentence(sentence, MINISTER, has_deadline=False).category is None


def test_a_sentence_opening_with_a_bound_promises_in_the_present_tense() -> None:
    sentence = (
        "Uiterlijk bij gelegenheid van het toezenden van de evaluatieopdracht aan uw Kamer "
        "doe ik u ook de reactie van het kabinet op deze voorlichting toekomen."
    )
    analysis = analyse_sentence(sentence, MINISTER)
    assert (analysis.category, analysis.kind) == ("commitment", "send_document")


def test_a_past_day_date_hides_its_month() -> None:
    found = find_deadlines(
        "De Afdeling bracht haar advies uit op 4 februari 2014.", dt.date(2014, 2, 6)
    )
    assert found == []


def test_subject_first_act_with_a_time_ahead_is_a_commitment() -> None:
    found = extract(
        letter(
            "Het ministerie van Financiën laat in de eerste helft van 2023 door het CPB berekenen "
            "welke effecten de maatregel kan hebben.\nIk vind het belangrijk dat dit in 2023 gebeurt."
        )
    )
    assert [(c.kind, c.due) for c in found.commitments] == [("action", dt.date(2023, 6, 30))]


def test_a_full_pdf_line_is_no_heading_and_a_split_diaeresis_is_one_word() -> None:
    wrapped = "\n".join(
        [
            "Dit is een regel van een brief die tot aan de rechtermarge van de pagina doorloopt.",
        ]
        * 20
        + [
            "Het ministerie van Financiën laat in de eerste helft van 2023 voor de gemeenten",
            "Utrecht en Zwolle berekenen welke effecten de maatregel heeft.",
            "Hierover wordt de Kamer door de Staatssecretaris ge ïnformeerd.",
        ]
    )
    found = extract(letter(wrapped))
    assert [c.quote.split()[:3] for c in found.commitments] == [
        ["Het", "ministerie", "van"],
        ["Hierover", "wordt", "de"],
    ]
    assert "Utrecht" in found.commitments[0].quote


def test_a_vague_span_yields_to_a_named_time() -> None:
    [deadline, *_] = find_deadlines(
        "De komende periode werkt het kabinet toe naar een convenant, dat eind dit jaar "
        "gepresenteerd zal worden.",
        D,
    )
    assert deadline.due == dt.date(2022, 12, 31)


def test_handing_over_what_was_asked_by_attaching_it_is_the_fulfilment() -> None:
    found = extract(
        letter(
            "De vaste commissie voor Financiën heeft verzocht om een overzicht van de lopende "
            "onderzoeken. Het overzicht van de lopende onderzoeken is bijgevoegd."
        )
    )
    assert [(f.quote.split()[:2], f.rule) for f in found.fulfilments][-1] == (
        ["Het", "overzicht"],
        "offers_what_was_asked",
    )


def test_a_fact_cited_from_an_earlier_letter_is_no_reference() -> None:
    found = extract(
        letter(
            "Zoals gemeld in de Kamerbrief van 14 februari (Kamerstuk 29 521, nr. 340) verloopt "
            "de overdracht van de helikopters aan Duitsland volgens de planning."
        )
    )
    assert found.fulfilments == [] and found.commitments == []


def test_an_act_on_the_way_to_a_promised_report_is_a_promise_of_its_own() -> None:
    found = extract(
        letter(
            "Ik zal uw Kamer eind dit jaar informeren over de maatregelen voor de periode na 2030. "
            "Bij het bezien van die maatregelen voor de periode na 2030 zal ik ook de inzet van "
            "een strategische reserve beschouwen."
        )
    )
    assert [c.kind for c in found.commitments] == ["inform", "action"]


def test_a_promise_said_again_word_for_word_restates_it() -> None:
    promise = "Vanzelfsprekend zal uw Kamer hier tijdig over worden geïnformeerd."
    result = extract(
        letter(
            f"De partnerschappen vergen tijd. {promise}\n\n"
            "Het kabinet zal zorgdragen dat een bijdrage aansluit op de behoefte van Niger. "
            f"{promise}"
        )
    )
    assert [c.quote for c in result.commitments].count(promise) == 1
    assert [r.rule for r in result.fulfilments if r.quote == promise] == ["restates_this_letter"]


def test_promises_that_share_only_a_time_are_two_promises() -> None:
    result = extract(
        letter(
            "Ik ga op korte termijn met de gemeenten in gesprek over de uitgifte.\n\n"
            "Daarnaast zal ik op korte termijn de Koninklijke Marechaussee vragen om een advies."
        )
    )
    assert len(result.commitments) == 2
    assert not result.fulfilments


def test_a_last_promise_glued_to_the_signers_name_is_no_heading() -> None:
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 22 mei 2013\n\n"
        "Het rapport is naar verwachting voor de zomer gereed. De beantwoording zal in het najaar "
        "2013 plaatsvinden.\ndr. R.H.A. Plasterk\n"
    )
    quotes = [c.quote for c in extract(text).commitments]
    assert any("De beantwoording zal in het najaar" in quote for quote in quotes)


def test_a_promise_takes_its_time_from_the_sentence_that_goes_on_about_it() -> None:
    result = extract(
        letter(
            "Zodra daarover meer bekend is, zal ik uw Kamer informeren. Naar verwachting is dit "
            "later dit jaar.\n\nDe maatschappij heeft de vluchten hervat."
        )
    )
    [promise] = result.commitments
    assert promise.due == dt.date(2022, 12, 31)
    assert promise.deadline_phrase == "later dit jaar"


def test_a_promise_keeps_no_time_when_the_next_sentence_is_about_something_else() -> None:
    result = extract(
        letter(
            "Zodra daarover meer bekend is, zal ik uw Kamer informeren. De maatschappij hervat "
            "later dit jaar de vluchten."
        )
    )
    [promise] = result.commitments
    assert promise.due is None
