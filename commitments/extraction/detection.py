"""Which sentences of a letter are new commitments, and which refer to earlier ones.

Candidates are found by cheap trigger words first (future modals, "toegezegd", "informeren",
"ontvangt" ...), then each candidate is analysed: who acts, whether the Kamer is the receiver,
and whether the sentence is really a promise and not a question, a past act, a lasting policy
line, an expectation about others or a conditional musing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .lexicon import (
    ACT_PARTICIPLE,
    COME_BACK,
    CONNECTIVE,
    DOCUMENT,
    FUTURE,
    GOV,
    GOV_FIRST,
    INFORM_VERB,
    KAMER,
    KAMER_ADDRESSED,
    MINISTER_THIRD_PERSON,
    MODAL,
    PERSON,
    REGISTER_NUMBER,
    REPORT_VERB,
    SEND_VERB,
)
from .prefilter import needs

__all__ = [
    "ANSWERS",
    "Analysis",
    "RULES",
    "RULES_BY_NAME",
    "Rule",
    "Sentence",
    "TRIGGERS",
    "VETOES",
    "WEAK_TRIGGERS",
    "admits",
    "FALLBACKS",
    "analyse_sentence",
    "answers",
    "topic_words",
]

# Cheap pre-filter: a sentence without any of these cannot be a commitment or a reference.
# The pre-filter's words: a sentence holding none of them is neither a promise nor a reference.
_TRIGGER_WORDS = frozenset(
    """
    zal zullen zult zeg zegt toe toegezegd gestand geïnformeerd ontvangt ontvangen toekomt
    toekomen ga gaat gaan voornemens streef streeft verwacht ingegaan toegezonden toegestuurd
    aangeboden hoogte planning streven wederom nogmaals stel aangegeven meegedeeld medegedeeld
    gemeld meldde meldden beschreven schreef herhaal herhalen
    volgt verschijnt meegenomen gestuurd gezonden gedeeld verzocht gevraagd vroeg vroegen
    afgesproken sturen wil willen wettelijk wettelijke uitvoering bijgevoegd treft verwijs
    verwijzen toegelicht afgedaan
    ingelicht inlichten inlicht voornemen voorstel zei zegde
    gepland toezending verzending gericht reageer reageert reageren gevraagde verzochte invulling
    bied kondigde kondigden vraag verstrek afgehandeld
    """.split()
)
# issue 8 and batch D: documents that follow, moties, requests, pointers back, planned deliveries
_TRIGGER_STEMS = (
    "toezegging", "informe", "stuur", "zend", "terug", "aangekondigd", "bericht", "rapporte",
    "tegemoet", "motie", "verzoek", "voortgang", "beantwoord", "verzend", "aanbied",
)  # fmt: skip
# word ends: "voortgangsrapportage", "ambtsvoorganger"
_TRIGGER_ENDS = ("rapportage", "voorganger")
_TRIGGER_PHRASE = re.compile(r"\baan de orde\b", re.IGNORECASE)
# The same as one pattern, for reading and for the tests: the filter itself reads words.
TRIGGERS = re.compile(
    r"\b(?:"
    + "|".join(sorted(_TRIGGER_WORDS))
    + "|"
    + "|".join(stem + r"\w*" for stem in _TRIGGER_STEMS)
    + r")\b|\w*(?:"
    + "|".join(_TRIGGER_ENDS)
    + r")\b|"
    + _TRIGGER_PHRASE.pattern,
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=100_000)  # words repeat; bounded, so a letter of random tokens cannot grow it
def _is_trigger_stem(word: str) -> bool:
    # "informe" + at least one letter, as "informe\w+" was
    return (word.startswith(_TRIGGER_STEMS) and word != "informe") or word.endswith(_TRIGGER_ENDS)


def _has_trigger(sentence: str) -> bool:
    """Whether the sentence holds a trigger: a set lookup and a cached test per word, where one
    alternation of all the triggers costs a regex attempt at every word of every sentence."""
    lowered = sentence.lower()
    words = _WORD.findall(lowered)
    if not _TRIGGER_WORDS.isdisjoint(words) or any(map(_is_trigger_stem, words)):
        return True
    return "aan de orde" in lowered and _TRIGGER_PHRASE.search(sentence) is not None


# Words too common to pass the pre-filter alone ("wordt", "komt", "laat", "vragen"): a sentence
# with only these goes on when one of the issue-8 patterns that need them matches (WEAK_NEEDS,
# filled in below), so the slow deadline grammar runs on few sentences more.
WEAK_TRIGGERS = re.compile(
    r"\b(?:wordt|worden|komt|laat|laten|volg|volgen|verschijnen|horen|betrokken|vragen|artikel|"
    r"wetsartikel)\b",
    re.IGNORECASE,
)

_GOV_FUTURE = re.compile(
    r"(?:\b"
    + FUTURE
    + r"\s+"
    + GOV
    + r"\b)|(?:(?:^|[,;:(]\s*|\b"
    + CONNECTIVE
    + r"\s+)"
    + GOV
    + r"\s+"
    + FUTURE
    + r"\b)|"
    # a subordinate clause puts the verb last: "dat ik het beleid op korte termijn zal publiceren"
    r"(?:\b(?:dat|zodat|waarna)\s+" + GOV_FIRST + r"\s+[^,;:.()]{1,120}?\b(?:zal|zullen)"
    r"\s+\w+(?=\s*(?:[.;,:]|$|\b(?:en|of|maar|omdat)\b)))",
    re.IGNORECASE,
)
# coming with a proposal: "Naar aanleiding daarvan kom ik met een voorstel", "reden om ... met een
# voorstel daartoe te komen"
_WITH_PROPOSAL = (
    r"\s+(?:\w+\s+){0,3}?met\s+(?:een|het)\s+(?:[\w\-]+\s+){0,2}?(?:voorstel|wetsvoorstel|plan|"
    r"uitwerking|reactie|besluit)\b"
)
_COMES_WITH_PROPOSAL = re.compile(
    r"\b(?:kom|komt|komen)\s+(?:ik|wij|we|het\s+kabinet)"
    + _WITH_PROPOSAL
    + r"|\b(?:ik|wij|we|het\s+kabinet)\s+(?:kom|komt|komen)"
    + _WITH_PROPOSAL
    + r"|"
    r"\b(?:reden|voornemens|van\s+plan)\s+om\b[^.;]{0,160}?\bmet\s+(?:een|het)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:voorstel|wetsvoorstel|plan)\s+(?:\w+\s+)?te\s+komen\b",
    re.IGNORECASE,
)
# a second verb of the same subject: "Defensie vervangt de vaartuigen en gaat ze voorzien van"
_GOV_ACTS_AND_WILL = re.compile(
    r"^\W*" + GOV + r"\s+[a-zà-ÿ]+\b[^,;:()]{0,100}?\ben\s+" + FUTURE + r"\b(?!\s+" + GOV + r"\b)",
    re.IGNORECASE,
)
_COME_BACK = re.compile(COME_BACK, re.IGNORECASE)
_INFORM_KAMER = re.compile(
    r"\b"
    + KAMER
    + r"\b.{0,200}?\b"
    + INFORM_VERB
    + r"\b|\b"
    + INFORM_VERB
    + r"\b.{0,40}?\b"
    + KAMER
    + r"\b|"
    + COME_BACK
    + r"|\bterugkomen\b",
    re.IGNORECASE,
)
_SEND_KAMER = re.compile(
    r"\b"
    + KAMER
    + r"\b.{0,200}?\b"
    + SEND_VERB
    + r"\b|\b"
    + SEND_VERB
    + r"\b.{0,60}?\b"
    + KAMER
    + r"\b|\b(?:ontvangt|ontvangen)\s+"
    + KAMER
    + r"\b|\b"
    + KAMER
    + r"\s+(?:ontvangt|ontvangen)\b"
    # "duidelijkheid geven in een brief aan het Indisch Platform en aan uw Kamer"
    + r"|\b(?:in|per|via|met)\s+(?:een|de|het)\s+(?:[\w\-]+\s+){0,2}?(?:\w*brief|notitie)\s+aan\s+"
    r"(?:[\w\-]+\s+){0,6}?" + KAMER + r"\b",
    re.IGNORECASE,
)
# Answers to the Kamer's questions, promised: "De beantwoording zal plaatshebben omstreeks ...",
# "Ik zal de vragen ... beantwoorden", "De vragen zullen ... worden beantwoord".
_ANSWER_PROMISE = re.compile(
    r"\bbeantwoording\b[^.;]{0,80}?\b(?:zal|zullen)\b[^.;]{0,60}?\b(?:plaatsvinden|plaatshebben|"
    r"volgen|geschieden)\b|\b(?:zal|zullen)\s+" + GOV_FIRST + r"\b[^.;]{0,150}?"
    r"\bbeantwoorden\b|\b" + GOV_FIRST + r"\s+(?:zal|zullen)\b[^.;]{0,150}?\bbeantwoorden\b|"
    r"\b(?:zal|zullen)\b[^.;]{0,150}?\bworden\s+beantwoord\b",
    re.IGNORECASE,
)
# The Kamer was informed before: "In 2017 bent u per brief ... geïnformeerd over het voornemen"
_PAST_INFORMED = re.compile(
    r"\b(?:ben|bent|is|was|waren|werd|werden|heb|heeft|hebben|had|hadden)\s+(?:(?!(?:wordt|worden|"
    r"zal|zullen)\b)[^\s,;:]+\s+){0,10}?(?:geïnformeerd|ingelicht|toegezonden|toegestuurd|gestuurd|"
    r"aangeboden)\b",
    re.IGNORECASE,
)
# Sending something now, with this letter: "... en zend ik u, mede namens ..., bijgaand."
_SENT_NOW = re.compile(
    r"\b(?:zend|stuur|bied|doe)\s+"
    + PERSON
    + r"\b[^.;]{0,160}?\b(?:bijgaand|hierbij|hiermee|als\s+"
    r"bijlage|in\s+de\s+bijlage)\b|\b(?:bijgaand|hierbij|hiermee)\b[^.;]{0,120}?\b(?:zend|stuur|bied|"
    r"doe)\s+" + PERSON + r"\b",
    re.IGNORECASE,
)
# A sentence that opens with a bound is about the future: "Uiterlijk bij gelegenheid van ..."
_OPENS_WITH_BOUND = re.compile(r"^(?:uiterlijk|ruim\s+v[oó]{2}r)\b", re.IGNORECASE)
# Telling the Kamer something now: "In aanvulling op ... wil ik u informeren dat ..."
_TELLING_NOW = re.compile(
    r"\b(?:wil|kan|moet)\s+"
    + PERSON
    + r"\s+"
    + KAMER_ADDRESSED
    + r"\s+(?:\w+\s+){0,2}?(?:informeren|melden|"
    r"berichten|mededelen|laten\s+weten)\s+dat\b|\b"
    + PERSON
    + r"\s+(?:wil|willen|kan|kunnen)\s+(?:u|"
    r"uw\s+kamer)\s+(?:\w+\s+){0,2}?(?:informeren|melden|berichten|mededelen|laten\s+weten)\s+dat\b",
    re.IGNORECASE,
)
# The minister expects to deliver a document: "Ik verwacht ... ook een tussentijdse rapportage te
# leveren" (to the Kamer the letter is written to; not "... te ontvangen").
_EXPECT_TO_DELIVER = re.compile(
    r"\b(?:" + GOV_FIRST + r"\s+verwacht(?:en)?|verwacht(?:en)?\s+(?:ik|wij|we|het\s+"
    r"kabinet))\b[^.;]{0,150}?\b(?:"
    + DOCUMENT
    + r"|\w*besluit)\b[^.;]{0,160}?\b(?:te\s+(?:kunnen\s+)?"
    r"(?:leveren|opleveren|sturen|versturen|toesturen|zenden|toezenden|aanbieden)|(?:aan|toe|op)\s+te\s+"
    r"(?:bieden|zenden|sturen|leveren))\b",
    re.IGNORECASE,
)
# "In de Kamerbrief ... zal het kabinet ingaan op", "komt ... aan de orde in de Afrikastrategie"
_DOCUMENT_ADDRESSES = re.compile(
    r"\b(?:in|via)\s+(?:de|het|een|die|deze|dat|dit|mijn|onze)\s+(?:[\w\-]+\s+){0,3}?"
    + DOCUMENT
    + r"\b.{0,250}?\b(?:zal|"
    r"zullen|wordt|worden|gaat|komt)\b.{0,120}?\b(?:ingaan|ingegaan|ingaan|in\s+op|aan\s+de\s+orde|"
    r"toelichten|toegelicht|uiteenzetten|uiteengezet|behandelen|behandeld|meenemen|meegenomen|"
    r"opnemen|opgenomen|schetsen|geschetst)\b"
    r"|\b(?:komt|komen|zal|zullen)\b.{0,200}?\baan\s+de\s+orde\s+(?:\w+\s+)?in\s+(?:de|het|een)\s+"
    r"(?:[\w\-]+\s+){0,3}?" + DOCUMENT + r"\b"
    # "Op de aanbevelingen wordt ingegaan in de beleidsreactie die u in maart ontvangt"
    r"|\b(?:wordt|worden|zal|zullen)\b.{0,120}?\b(?:ingegaan|meegenomen|betrokken|toegelicht|"
    r"behandeld|opgenomen)\s+in\s+(?:de|het|een|die|deze|mijn|onze)\s+(?:[\w\-]+\s+){0,3}?"
    + DOCUMENT
    + r"\b"
    # the document as subject: "De beleidsdoorlichting zal een beleidsreconstructie bevatten"
    r"|^\W*(?:de|het|een)\s+(?:[\w\-]+\s+){0,3}?"
    + DOCUMENT
    + r"\s+(?:\w+\s+){0,3}?(?:zal|zullen)\s+(?:\w+\s+){0,10}?(?:bevatten|ingaan\s+op|behandelen|"
    r"beschrijven|schetsen|toelichten)\b",
    re.IGNORECASE,
)
# A document that is still to come: "de kabinetsreactie", "de volgende voortgangsbrief", "de
# brief die u in maart ontvangt" (and not one that exists: "komt aan de orde in de strategie")
_COMING_DOCUMENT = re.compile(
    r"\b(?:komende|volgende|toekomstige|aangekondigde|nadere|eerstvolgende)\s+(?:[\w\-]+\s+){0,2}?"
    + DOCUMENT
    + r"\b|\b(?:kabinets|beleids)reactie\b|\bnog\s+te\s+(?:verschijnen|versturen|sturen)\b|"
    r"\b(?:een|de)\s+(?:separate|aparte|afzonderlijke|nieuwe)\s+(?:\w*brief|notitie|nota)\b|"
    r"\b(?:die|dat)\s+" + KAMER + r"\b.{0,60}?\b(?:ontvangt|toekomt|tegemoet\s*ziet)\b",
    re.IGNORECASE,
)
_DOCUMENT_FOLLOWS = re.compile(
    # "Een tweede brief volgt na het zomerreces", "Begin volgend jaar verschijnt de monitor"
    r"\b(?:een|de|het|mijn|onze|deze|die|dit)\s+(?:[\w\-]+\s+){0,3}?"
    + DOCUMENT
    + r"\s+(?:\w+\s+){0,5}?(?<!als\s)(?:volgt|volgen|verschijnt|verschijnen)\b(?!\s+(?:uit|dat|hieruit|hierna|"
    r"hieronder|onderstaand|(?:de|het|een)\s+(?!(?:komende|eerstvolgende|volgende\s+(?:week|maand|"
    r"jaar|kwartaal))\b)\w+))|"
    # "Nadere details volgen zo snel mogelijk", "Meer informatie volgt na de zomer"
    r"\b(?:nadere|meer|verdere|aanvullende)\s+(?:details|informatie|uitwerking|gegevens)\s+"
    r"(?:\w+\s+){0,3}?(?:volgt|volgen)\b(?!\s+(?:uit|hieronder|onderstaand))|"
    # "Tot slot komt er ... een uitgewerkt plan van aanpak"
    r"\bkomt\s+er\b[^.;]{0,120}?\b(?:een|de|het)\s+(?:[\w\-]+\s+){0,3}?" + DOCUMENT + r"\b",
    re.IGNORECASE,
)
# Inverted, "Begin volgend jaar verschijnt de monitor": only with a time, since "De indeling van
# deze rapportage volgt het werkprogramma" has the same words
_DOCUMENT_FOLLOWS_INVERTED = re.compile(
    r"\b(?:volgt|verschijnt)\s+(?:er\s+)?(?:\w+\s+){0,4}?(?:een|de|het|mijn|onze)\s+"
    r"(?:[\w\-]+\s+){0,3}?" + DOCUMENT + r"\b",
    re.IGNORECASE,
)
_HERE_IN_THIS_LETTER = re.compile(
    r"\b(?:hieronder|hierna|onderstaand|in\s+deze\s+brief|in\s+het\s+vervolg\s+van\s+deze|"
    # "In paragraaf 4 zal ik de stappen samenvatten", "Daarna zal ik ingaan op ..."
    r"in\s+(?:de\s+)?(?:paragraaf|hoofdstuk)\s+\d+)\b|^daarna\b",
    re.IGNORECASE,
)
# "U blijft van mij horen over de voortgang", "Ik houd uw Kamer op de hoogte"
_KEEPS_INFORMED = re.compile(
    r"\b"
    + KAMER
    + r"\s+(?:blijft|blijven)\s+(?:\w+\s+){0,3}?(?:van\s+(?:mij|ons|het\s+kabinet)\s+horen|"
    r"op\s+de\s+hoogte|geïnformeerd|ingelicht)\b|"
    r"\b(?:houd|houden|houdt)\s+" + GOV_FIRST + r"\s+" + KAMER + r"\s+(?:\w+\s+){0,4}?op\s+de\s+"
    r"hoogte\b|\b"
    + GOV_FIRST
    + r"\s+(?:houd|houden|houdt|blijf|blijven|blijft)\s+"
    + KAMER
    + r"\s+(?:\w+\s+){0,4}?(?:op\s+de\s+hoogte|informeren|inlichten)\b|"
    r"\b(?:zal|zullen|blijf|blijft|blijven)\b.{0,80}?\b"
    + KAMER
    + r"\b.{0,80}?\b(?:op\s+de\s+hoogte"
    r"\s+(?:blijven\s+)?houden|blijven\s+(?:informeren|inlichten|op\s+de\s+hoogte\s+houden))\b",
    re.IGNORECASE,
)
# The minister has work done: "Ik laat nader uitzoeken ...", "... en laat hier nog naar kijken"
_COMMISSIONED_WORK = (
    r"(?:uitzoeken|onderzoeken|nagaan|kijken|uitwerken|bezien|verkennen|analyseren|evalueren|"
    r"berekenen|toetsen|ontwikkelen|opstellen|in\s+kaart\s+brengen)\b"
)
_COMMISSIONS_WORK = re.compile(
    # words may be hyphenated or split at a line end: "laat ik prestatie- indicatoren ontwikkelen"
    r"\b"
    + GOV_FIRST
    + r"\b.{0,200}?\b(?:laat|laten)\s+(?:[\w-]+\s+){0,6}?"
    + _COMMISSIONED_WORK
    + r"|\b(?:laat|laten)\s+"
    + GOV_FIRST
    + r"\s+(?:[\w-]+\s+){0,6}?"
    + _COMMISSIONED_WORK
    + r"|"
    # "... en ik volg dit advies op", "Ik neem de aanbevelingen over"
    r"\b" + GOV_FIRST + r"\s+(?:volg|volgen|neem|nemen|neemt|volgt)\s+(?:\w+\s+){0,4}?(?:advie\w*|"
    r"aanbeveling\w*)\s+(?:op|over)\b",
    re.IGNORECASE,
)
# A government act in the present passive with a time: "De dienst wordt in 2024 in gebruik
# genomen" (the time is required: without it the sentence describes how things are done)
_PASSIVE_ACT = re.compile(
    r"\b(?:wordt|worden)\b(?:(?!\bdoor\b)[^.;]){0,160}?\b(?:in\s+gebruik\s+genomen|ingevoerd|gestart|"
    r"opgeleverd|uitgebreid|verlengd|geopend|afgerond|gepubliceerd|opgesteld|uitgewerkt|aangepast|"
    r"aangescherpt|vastgesteld|geëvalueerd|ingediend|voorgelegd|herzien|in\s+werking\s+treedt|"
    r"gevraagd|besloten|beantwoord|gedaan|ingesteld|opgericht|voorgehangen|"
    r"opengesteld|onderzocht|verkend|bekeken|in\s+kaart\s+gebracht|uitgevoerd|geïntroduceerd|"
    r"verzonden|toegezonden|in\s+het\s+leven\s+geroepen|geplaatst|geïnstalleerd|aangeschaft)\b",
    re.IGNORECASE,
)
# the passive only in a clause about something else: "de onderzoeken die in 2020 worden gestart"
_PASSIVE_IN_RELATIVE = re.compile(
    r"\b(?:die|dat|welke|waarin|waarbij|waarvan|zover\s+(?:deze|die|dit))\b[^,.;]{0,80}?"
    r"\b(?:wordt|worden)\s+\w+\s*[.;]?\s*$",
    re.IGNORECASE,
)
# "zal ik uw verzoek beantwoorden", with no time: said in the very letter that answers it
_WILL_ANSWER_HERE = re.compile(
    r"\b(?:zal|wil)\s+(?:ik|wij|we)\s+(?:graag\s+|hierbij\s+|daarom\s+|dan\s+ook\s+)?(?:uw|het)\s+"
    r"verzoek\s+(?:\w+\s+){0,2}?(?:beantwoorden|honoreren|inwilligen)\b|"
    # "..., zal ik hieronder de bij de leden van de fracties ... gestelde vragen beantwoorden"
    r"\b(?:zal|wil|ga)\s+(?:ik|wij|we)\s+(?:graag\s+)?hieronder\b[^.;]{0,200}?\b(?:vragen|opmerkingen)\b"
    r"[^.;]{0,80}?\b(?:beantwoorden|in\s*gaan)\b",
    re.IGNORECASE,
)
_PASSIVE_AUX = re.compile(r"\b(?:wordt|worden)\b", re.IGNORECASE)
# a possibility, not an act: "geldt tot 15 juni en kan worden verlengd"
_MAY_BE_DONE = re.compile(
    r"\b(?:kan|kunnen|kon|konden|mag|mogen)\s+(?:\w+\s+){0,3}?worden\b", re.IGNORECASE
)
# "... wordt geëvalueerd door het WODC": someone else's act
_BY_OTHERS = re.compile(
    r"\bdoor\s+(?!mij\b|ons\b|het\s+kabinet\b|de\s+regering\b|mijn\s+ministerie\b)(?:de|het|een|[A-Z])",
)
_HAD_IT_DONE = re.compile(
    r"\b(?:heb|hebben|heeft|had|hadden)\s+(?:\w+\s+){0,6}?laten\b", re.IGNORECASE
)
# "Ik ga ervan uit dat ...": an assumption, not a plan
# "ik ga ervan uit", "De regering gaat er voorshands van uit"
_ASSUMES = re.compile(
    r"\b(?:ga|gaan|gaat)\s+(?:\w+\s+){0,3}?(?:er\s*van|er\s+(?:\w+\s+){1,2}?van)\s*uit\b",
    re.IGNORECASE,
)
# What is attached now: "Bijgevoegd treft u het jaarverslag aan"
_ATTACHED_NOW = re.compile(
    r"^(?:\w+\s+){0,2}?bijgevoegd\b|\b(?:treft|vindt)\s+u\s+(?:[^.;]{0,120}?\s)?(?:bijgaand|"
    r"bijgevoegd|hierbij|als\s+bijlage|in\s+de\s+bijlage|aan)\b",
    re.IGNORECASE,
)
# A recurring report described as a standing arrangement: "Uw Kamer ontvangt jaarlijks ..."
_RECURRING = re.compile(
    r"\b(?:jaarlijks|halfjaarlijks|driemaandelijks|maandelijks|ieder\s+jaar|elk\s+jaar|elke\s+"
    r"(?:maand|week|kwartaal)|periodiek|telkens|steeds|doorgaans|gebruikelijk|gebruikelijke|"
    r"regelmatig|geregeld(?=\s+(?:over|van|op|geïnformeerd|ingelicht)\b)|in\s+de\s+regel)\b",
    re.IGNORECASE,
)
# The letter announces its own contents: "hieronder ga ik in op", "zal ik eerst ingaan op"
_ANNOUNCES_CONTENTS = re.compile(
    # "Ik zal daarom eerst aangeven wat het kabinet onder eurobonds verstaat"
    r"\b(?:(?:zal|ga)\s+(?:ik|wij|we)|(?:ik|wij|we)\s+(?:zal|ga|zullen|gaan))\s+(?:\w+\s+){0,2}?"
    r"(?:eerst|allereerst)\s+(?:\w+\s+){0,2}?aangeven\b|"
    r"\b(?:zal|ga)\s+(?:ik|wij|we)\s+(?:\w+\s+){0,5}?(?:ingaan\b|in\s+op|bespreken(?!\s+met\b)|"
    r"behandelen|toelichten|schetsen|beschrijven|uiteenzetten)\b|\b(?:bespreek|behandel|beschrijf|"
    r"schets)\s+(?:ik|wij|we)\b|"
    # the split verb: "ook hier zal ik op ingaan"
    r"\bzal\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}?op\s+ingaan\b",
    re.IGNORECASE,
)
# The outline in the passive: "Ook zal worden ingegaan op de aantallen", "Hieronder zal
# allereerst een overzicht worden gegeven van de regels" ...
_ANNOUNCES_CONTENTS_PASSIVE = re.compile(
    r"\bzal\s+(?:er\s+)?(?:\w+\s+){0,3}?(?:worden\s+ingegaan|ingegaan\s+worden|worden\s+"
    r"stilgestaan)\s+(?:op|bij)\b|\bzal\s+(?:\w+\s+){0,2}?een\s+overzicht\s+worden\s+gegeven\b",
    re.IGNORECASE,
)
# ... not what a coming document will go into: "Daarbij zal ook worden ingegaan op ..."
_ABOUT_WHAT_COMES = re.compile(r"^\W*(?:daarbij|daarin|daarop|in\s+die|in\s+dat)\b", re.IGNORECASE)
# Words that order the letter's own parts: "Ik zal eerst ingaan op ..., dan op ..."
_OUTLINE_WORD = re.compile(
    r"\b(?:allereerst|eerst|vervolgens|ten\s+slotte|tot\s+slot|tenslotte|achtereenvolgens)\b",
    re.IGNORECASE,
)
# Subject first, only with a word that places it in this letter (hieronder, hierbij): "Ik zal de
# resultaten hieronder bespreken", "waarbij ik tevens in zal gaan op"; not "Ik zal de
# bevindingen bespreken met lokale partijen"
_ANNOUNCES_CONTENTS_SUBJECT_FIRST = re.compile(
    r"\b(?:ik|wij|we)\s+(?:zal|zullen|ga|gaan)\s+(?:\w+\s+){0,8}?(?:ingaan\s+op|ingaan\b|bespreken|"
    r"behandelen|toelichten|schetsen|beschrijven|uiteenzetten)\b(?!\s+met\b)|"
    r"\b(?:ik|wij|we)\s+(?:\w+\s+){0,2}?in\s+(?:zal|zullen)\s+gaan\s+op\b",
    re.IGNORECASE,
)
# With a word that places it in this letter, any words between: "Daartoe zal ik in paragraaf 1
# mijn perspectief op het belang van ruimtevaart toelichten"
_ANNOUNCES_CONTENTS_LOOSE = re.compile(
    r"\b(?:zal|ga)\s+(?:ik|wij|we)\b[^.;]{0,160}?\b(?:ingaan|in\s+op|bespreken(?!\s+met\b)|"
    r"behandelen|toelichten|schetsen|beschrijven|uiteenzetten|samenvatten)\b",
    re.IGNORECASE,
)
# --- fulfilments of what the Kamer asked in other ways (GUIDELINES section 2) ---------------
# This letter does it now: "Met deze brief voer ik de motie uit", "ter uitvoering van",
# "Hiermee kom ik tegemoet aan het verzoek", "stuur ik u hierbij", "informeer ik u"
# "bij deze" as "hierbij", not "bij deze brief" or "bij deze gelegenheid"
_BIJ_DEZE = r"bij\s+deze\b(?!\s+\w*(?:brief|nota|memorie|notitie|gelegenheid))"
_ACTS_NOW = re.compile(
    r"\b(?:hiermee|hierbij|met\s+deze\s+(?:\w*brief|notitie|nota|\w*rapportage|memorie)|in\s+deze\s+brief|"
    r"middels\s+deze|via\s+deze\s+(?:\w*brief|notitie|nota)|bevat\s+deze\s+(?:\w*brief|notitie|nota)|"
    r"deze\s+(?:\w*brief|notitie|nota)\s+bevat|bijgaand|" + _BIJ_DEZE + r"|"
    r"ter\s+uitvoering|in\s+uitvoering\s+van|uitvoering\s+(?:aan|gegeven|geven|te\s+geven)|"
    r"voer\s+(?:ik|wij|we|het\s+kabinet)\b|tegemoet\s+aan|gehoor\s+(?:aan|te\s+geven)|"
    r"(?:stuur|zend|bied|informeer|bericht|doe)\s+ik\s+(?:u|uw\s+kamer)\b|"
    r"(?:sturen|zenden|bieden|informeren|berichten|doen)\s+(?:wij|we)\s+(?:u|uw\s+kamer)\b|"
    r"ik\s+(?:stuur|zend|bied|informeer|bericht)\s+(?:u|uw\s+kamer)\b|"
    r"(?:wij|we)\s+(?:sturen|zenden|bieden|informeren|berichten)\s+(?:u|uw\s+kamer)\b|"
    r"(?:treft|vindt|ontvangt)\s+u\b|\bga\s+(?:ik|wij|we)\s+(?:\w+\s+){0,3}?in\s+op\b|"
    r"\bgaat\s+(?:de\s+regering|het\s+kabinet)\s+(?:\w+\s+){0,3}?in\s+op\b|\bbeantwoord\s+(?:ik|wij|we)\b|"
    r"\b(?:geef|geven|geeft)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:\w+\s+){0,2}?(?:invulling|uitvoering|"
    r"gevolg)\s+aan\b|\b(?:ga|gaan)\s+(?:\w+\s+){0,3}?in\s+op\b|\b(?:bij|in)\s+deze\s+(?:nota|memorie|"
    r"\w*brief)\b|\bbij\s+deze\s+brief\b)",
    re.IGNORECASE,
)
# A particular motie: "de motie-De Vries", "de motie van het lid X", "deze motie", "motie (36 197)"
_MOTIE = re.compile(
    r"\b(?:[Mm]oties?)\s+van\s+(?:uw|de)\s+[Kk]amer\b|\bmotie(?:s)?[-\s]+(?:van\s+(?:de\s+leden|het\s+lid|lid|leden)\b|van\s+[A-Z]|[A-Z]|\(|nr\b|over\b|inzake\b|"
    r"die\b|waarin\b|om\b)|\b(?:de|deze|die|genoemde|aangenomen|bovengenoemde|uw|voornoemde|"
    r"betreffende|bewuste)\s+(?:[\w\-]+\s+){0,3}?moties?\b(?!\s+en\s+toezeggingen)|"
    r"\bmoties?\s+[\w\-]+(?:\s*/\s*[\w\-]+)?\s+\(kamerstuk",
)
# A request of the Kamer, a committee or a member answered: "Naar aanleiding van het verzoek
# van de vaste commissie", "op verzoek van het lid", "De commissie heeft mij gevraagd ..."
_ANSWERS_A_REQUEST = re.compile(
    # "Met deze brief voldoe ik, mede namens de minister van IenM, aan dat verzoek"
    r"\bvoldoe\s+(?:ik|wij|we)\b[^.;]{0,160}?\baan\s+(?:dat|dit|het|uw|deze|die|een|de)\s+"
    r"(?:\w+\s+){0,2}?(?:verzoek(?:en)?|wens|vraag)\b|"
    # "Op verzoek van de PVV (lid Jansen) kom ik in deze brief terug op ..."
    r"\bop\s+verzoek\s+van\s+(?:de|het)\s+(?:[A-Z]{2,6}\b|(?:vaste\s+)?commissie\b|leden\b|lid\b|"
    r"[\w\-]*fractie\b)|"
    # "Hiermee sluit het kabinet aan bij de vraag van lid Renkema"
    r"\bsluit\s+(?:ik|wij|we|het\s+kabinet)\s+(?:\w+\s+){0,2}?aan\s+bij\s+(?:de|het)\s+(?:vraag|verzoek|"
    r"wens)\s+van\b|"
    # "heb ik het verzoek gekregen van de vaste commissie om een reactie"
    r"\bverzoek\s+(?:\w+\s+){0,2}?(?:gekregen|ontvangen)\s+van\s+(?:de\s+(?:vaste\s+)?commissie|het\s+lid|"
    r"de\s+leden|uw\s+kamer)\b|"
    r"\b(?:naar\s+aanleiding\s+van|in\s+antwoord\s+op|in\s+reactie\s+op|conform|overeenkomstig|"
    r"tegemoet\s+aan|gehoor\s+aan|ingaan\s+op|in\s+op|voldoe\s+(?:ik\s+)?aan|op|invulling\s+aan|"
    r"gevolg\s+aan)\s+(?:het|uw|een|dit|deze|de)\s+(?:\w+\s+){0,2}?verzoek(?:en)?\b|"
    r"\bnaar\s+aanleiding\s+van\b[^.;]{0,160}?\bregeling\s+van\s+(?:de\s+)?werkzaamheden\b|"
    r"\bbeantwoord(?:en)?\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}?de\s+vra(?:ag|gen)\b[^.;]{0,160}?\b(?:leden|"
    r"het\s+lid|commissie|fracties?|mevrouw|de\s+heer)\b|\bverzoek\s+van\s+(?:de\s+(?:vaste\s+)?"
    r"commissie|het\s+lid|de\s+leden|uw\s+kamer|de\s+kamer)\b|\bop\s+verzoek\s+van\s+(?:uw|de)\s+kamer\b|"
    # "In antwoord op uw vragen van 14 november", "mijn reactie op de brief van de vaste commissie",
    # "de antwoorden op de vragen van het Kamerlid Özütok", "vragen ..., die zijn gesteld door het lid"
    r"\b(?:in\s+antwoord\s+op|in\s+reactie\s+op|naar\s+aanleiding\s+van)\s+uw\s+(?:\w+\s+){0,2}?(?:vragen|"
    # (a copy of a reaction sent elsewhere answers no one here: "een afschrift van mijn reactie")
    r"brief)\b|(?<!afschrift\svan\smijn\s)(?<!afschrift\svan\sde\s)\breactie\s+(?:\w+\s+){0,2}?op\s+"
    r"(?:de|het|uw)\s+(?:brief|e-?mail|verzoek|petitie)\s+"
    r"(?:van|d\.d\.)\b|\b(?:antwoorden|beantwoording)\s+(?:\w+\s+){0,3}?(?:op\s+)?(?:de\s+)?(?:\S+\s+){0,2}?"
    r"(?:kamer)?vragen\b[^.;]{0,160}?\b(?:van|gesteld\s+door|door)\s+(?:\w+\s+){0,2}?(?:kamerlid|kamerleden|lid|leden)\b|"
    # "Hieronder ga ik in op de vragen die zijn voorgelegd"
    r"\b(?:in\s+op|beantwoord\w*)\s+(?:\w+\s+){0,2}?(?:de|deze)\s+vragen\s+(?:die|welke)\s+"
    r"(?:\w+\s+){0,4}?(?:voorgelegd|gesteld)\b|"
    # answers handed over now are answers to the Kamer's questions: "De beantwoording treft u
    # hierbij alsnog aan"
    r"\b(?:beantwoording|antwoorden)\b[^.;]{0,80}?\b(?:treft|ontvangt)\s+u\b[^.;]{0,40}?\b(?:hierbij|"
    r"bijgaand)\b|\b(?:hierbij|bijgaand)\s+(?:treft|ontvangt)\s+u\b[^.;]{0,40}?\b(?:beantwoording|"
    r"antwoorden)\b|"
    # questions only the Kamer asks, or asked in the sentence before: "de antwoorden op de
    # feitelijke vragen inzake het jaarplan", "Deze vragen beantwoord ik in deze brief"
    r"\b(?:antwoorden|antwoord|beantwoord\w*)\s+(?:\w+\s+){0,6}?(?:op\s+)?(?:de\s+)?(?:feitelijke|"
    r"schriftelijke|nadere|aanvullende)\s+vragen\b|\b(?:deze|die|de\s+gestelde)\s+vragen\s+"
    r"beantwoord(?:en)?\s+(?:ik|wij|we)\b|"
    # answers to the Kamer's questions: "de antwoorden op vragen gesteld door leden van uw Kamer",
    # "beantwoord ik de vragen die uw vaste commissie heeft gesteld", "gaat in op de vragen van"
    r"\b(?:antwoorden|antwoord|beantwoord\w*|in\s+op)\s+(?:\w+\s+){0,6}?(?:de\s+|een\s+aantal\s+)?"
    r"(?:\w+\s+){0,2}?vragen\s+(?:\w+\s+){0,3}?(?:van|gesteld\s+door|die)\s+(?:\w+\s+){0,2}?"
    r"(?:leden|het\s+lid|lid|commissie|kamer|fracties?|de\s+heer|mevrouw)\b|"
    r"\b(?:in\s+op|beantwoord\w*|beantwoording)\b[^.;]{0,80}?\b(?:in\s+het\s+verslag|verslag\b|gestelde\s+"
    r"vragen|vragen\s+en\s+opmerkingen)|\bdanken\s+(?:\w+\s+){0,2}?leden\b[^.;]{0,40}?\binbreng\b",
    re.IGNORECASE,
)
# Who asks, when a request is reported: the Kamer, a committee, a member, not a sector body
_KAMER_ASKS = re.compile(
    r"\b(?:u|uw\s+kamer|de\s+kamer|(?:vaste\s+)?\w*commissie|het\s+lid|de\s+leden|fractie)\b",
    re.IGNORECASE,
)
# A legal duty to report: "Op grond van artikel 4 van de wet zend ik u het verslag"
_LEGAL_DUTY = re.compile(
    r"\b(?:op\s+grond\s+van|ingevolge|conform|overeenkomstig|krachtens|volgens|zoals\s+(?:voorgeschreven|"
    r"bepaald)\s+in|in\s+overeenstemming\s+met|onder\s+verwijzing\s+naar|met\s+toepassing\s+van)\s+"
    r"(?:het\s+)?\w*artikel\s+\d|"
    # Defensie's procurement procedure agreed with the Kamer: "In overeenstemming met het DMP"
    r"\b(?:in\s+overeenstemming\s+met|conform|volgens)\s+(?:het\s+)?(?:defensie\s+materieel\s*proces|"
    r"dmp)\b|\bwettelijke?\s+(?:plicht|verplichting|voorschrift|"
    r"rapportageplicht|taak)\b|\bwettelijk\s+(?:verplicht|voorgeschreven|vereist)\b|"
    r"\bartikel\s+\d+\w*\s+(?:[\w\-]+\s+){0,4}?(?:schrijft|bepaalt)\s+(?:voor\s+)?dat\b|"
    r"\b(?:invulling|uitvoering|gevolg)\s+(?:\w+\s+)?aan\s+(?:het\s+)?artikel\s+\d",
    re.IGNORECASE,
)
# This letter is itself a (promised) progress report: "Hierbij bied ik u de derde
# voortgangsrapportage aan", "Met deze voortgangsbrief informeer ik u over ..."
_IS_A_REPORT = re.compile(
    r"\b(?:voortgang\w*|\w*rapportage|jaarverslag|jaarrapportage|halfjaar\w*|monitor|periodieke?|"
    r"\w*overzicht|"
    r"(?:eerste|tweede|derde|vierde|vijfde|zesde|volgende)\s+(?:[\w\-]+\s+)?(?:\w*brief|update))\b",
    re.IGNORECASE,
)
# Promises and moties this letter disposes of: "de moties en toezeggingen die zijn afgedaan",
# "Hiermee wordt tegemoetgekomen aan een aantal toezeggingen en verzoeken"
_DISPOSES = re.compile(
    r"\b(?:moties|toezeggingen|toezeg-?\s*gingen|verzoeken)\b.{0,120}?\b(?:afgedaan|afgehandeld|"
    r"uitgevoerd|afdoen|tegemoetgekomen|tegemoet\s+gekomen|ingevuld)\b|\btegemoet\s*(?:ge)?komen\b"
    r".{0,60}?\b(?:toezegging\w*|toezeg-?\s*gingen|verzoek\w*|motie\w*)\b|"
    # "over de invulling van een aantal moties en toezeggingen", "wordt met deze brief invulling
    # gegeven aan een aantal moties en toezeggingen"
    r"\b(?:invulling|uitvoering)\s+(?:(?:is|wordt|werd)\s+)?(?:gegeven\s+)?aan\s+(?:\w+\s+){0,3}?"
    r"(?:moties|toezeggingen)\b|"
    # "Met deze brief informeer ik u over de status van een aantal moties en toezeggingen"
    r"\b(?:status|stand\s+van\s+zaken|voortgang)\s+van\s+(?:\w+\s+){0,3}?(?:moties|toezeggingen)\b|"
    r"\b(?:invulling|uitvoering|afdoening)\s+van\s+(?:\w+\s+){0,3}?(?:moties|toezeggingen)\b|"
    # "informeer ik u hierbij ..., waarbij ik tevens in zal gaan op een aantal moties en toezeggingen"
    r"\b(?:in\s+(?:zal|zullen|ga|gaan)\s+gaan|ingaan|ga|gaan)\s+op\s+(?:\w+\s+){0,3}?"
    r"(?:moties|toezeggingen)\b",
    re.IGNORECASE,
)
# A pointer back at an earlier letter or answer to the Kamer (GUIDELINES section 2: "Zoals ik u
# eerder schreef"): "In de brief van 27 juni heeft mijn voorganger u geïnformeerd", "verwijs ik
# naar de Kamerbrief van", "Zoals toegelicht in de Kamerbrief van", "U heeft ... ontvangen"
_EARLIER_LETTER = (
    r"(?:\w*brief|schrijven|beantwoording|antwoorden|beleidsreactie|memorie|nota|\w*rapportage)"
)
_POINTS_BACK = re.compile(
    # "Op 29 oktober stuurde ik een brief waarin ..."
    r"\b(?:stuurde|stuurden|zond|zonden)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:u\s+|uw\s+kamer\s+)?"
    r"(?:een|mijn|onze|de)\s+(?:[\w\-]+\s+){0,2}?" + _EARLIER_LETTER + r"\b|"
    # "In 2022 is hieraan tegemoetgekomen met de brief van 14 oktober", "is gerapporteerd in de
    # voortgangsrapportage van 14 juni", "De Kamer is geïnformeerd op 30-03-2022"
    r"\b(?:tegemoetgekomen|tegemoet\s+gekomen|voldaan|invulling\s+gegeven|uitvoering\s+gegeven|"
    r"gerapporteerd|geïnformeerd|ingegaan)\s+(?:\w+\s+){0,3}?(?:met|in|bij)\s+(?:de|het|mijn)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:\w*brief|\w*rapportage|nota|memorie)\s+(?:\w+\s+){0,3}?(?:van|d\.d\.)\s|"
    r"\b(?:de\s+(?:eerste\s+|tweede\s+)?kamers?|uw\s+kamer)\s+(?:is|werd|zijn|werden)\s+(?:\w+\s+){0,3}?"
    r"geïnformeerd\s+(?:op|bij|per|met)\s+(?:\d|de|brief|een)|"
    r"\b(?:verwijs|verwijzen|verwees)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:\w+\s+){0,4}?naar\s+"
    r"(?:\w+\s+){0,4}?"
    + _EARLIER_LETTER
    + r"\b|\b(?:in|met|bij)\s+(?:(?:de|mijn|onze|zijn|haar|het)\s+)?(?:[\w\-]+\s+){0,3}?"
    + _EARLIER_LETTER
    + r"\s+(?:\w+\s+){0,6}?(?:van|d\.d\.)\s+(?:\d|[a-z]+\s+\d{4}|mijn|jl|vorig)"
    r"[^;]{0,200}?\b(?:is|zijn|heb|heeft|hebben|werd)\b[^;]{0,160}?\b(?:aangegeven|toegelicht|gemeld|"
    r"geïnformeerd|ingegaan|geschetst|uiteengezet|beschreven|bericht|aangekondigd|toegezegd|"
    r"gegeven|gestuurd)\b|"
    r"\bzoals\s+(?:\w+\s+){0,2}?(?:toegelicht|aangegeven|gemeld|beschreven|uiteengezet|geschetst|"
    r"aangekondigd|aangaf|schreef|meldde|toelichtte|uiteenzette)\s+(?:in|bij)\s+(?:de|mijn|onze|het)\s+(?:[\w\-]+\s+){0,2}?"
    + _EARLIER_LETTER
    + r"\b|"
    r"\b(?:mijn|zijn|haar)\s+(?:ambts)?voorganger\s+(?:heeft|had)\b[^.;]{0,200}?\b(?:gestuurd|"
    r"geïnformeerd|toegezonden|aangeboden|gemeld|aangegeven)\b|"
    r"\b(?:heeft|had)\s+(?:mijn|zijn|haar)\s+(?:ambts)?voorganger\b[^.;]{0,200}?\b(?:gestuurd|"
    r"geïnformeerd|toegezonden|aangeboden|gemeld|aangegeven)\b|"
    r"\b(?:u|uw\s+kamer)\s+(?:heeft|bent|is)\s+(?:[^.;]{0,120}?\s)?(?:een|de|mijn)\s+(?:[\w\-]+\s+){0,2}?"
    + _EARLIER_LETTER
    + r"\b[^.;]{0,80}?\b(?:ontvangen|geïnformeerd)\b|"
    r"\b(?:bent|is)\s+(?:u|uw\s+kamer)\b[^.;]{0,80}?\b(?:met|bij|per|in)\s+(?:de|mijn|een)\s+"
    r"(?:[\w\-]+\s+){0,2}?" + _EARLIER_LETTER + r"\b[^.;]{0,120}?\bgeïnformeerd\b|"
    r"\b(?:u|uw\s+kamer)\s+(?:bent|is)\s+(?:met|bij|per|in)\s+(?:de|mijn|een)\s+(?:[\w\-]+\s+){0,2}?"
    + _EARLIER_LETTER
    + r"\b[^.;]{0,120}?\bgeïnformeerd\b|"
    r"\b(?:met|in|bij)\s+(?:mijn|onze)\s+(?:[\w\-]+\s+){0,3}?"
    + _EARLIER_LETTER
    + r"\s+(?:\w+\s+){0,6}?(?:van|d\.d\.)\s+[^.;]{0,120}?\b(?:heb|hebben)\s+(?:ik|wij|we)\b",
    re.IGNORECASE,
)
_BEFORE_NOW = re.compile(r"\b(?:eerder|reeds|al\s+eerder|destijds)\b", re.IGNORECASE)
# A pointer inside this letter or its annexes, not back at an earlier one
_WITHIN_THIS_LETTER = re.compile(
    r"\b(?:antwoord(?:en)?\s+op\s+(?:de\s+)?vra(?:ag|gen)\s+\d|vraag\s+\d|hierboven|hieronder|"
    r"paragraaf|bijlage|deze\s+brief)\b",
    re.IGNORECASE,
)
# A fact given with its source ("Zoals gemeld in de Kamerbrief van 14 februari verloopt de
# overdracht volgens planning"): background, not a pointer at an earlier promise or plan
_BACKGROUND_CITATION = re.compile(
    r"^\W*(?:\d+\s+)?zoals\s+(?:(?:ook|eerder|al|recentelijk|wordt|is)\s+){0,2}"
    r"(?:gemeld|aangegeven|uiteengezet|toegelicht|beschreven|geschetst)\s+(?:in|bij|met)\s+"
    r"(?:\S+\s+){0,30}?(?:\w+\s+){6}",
    re.IGNORECASE,
)
_EARLIER_PLAN = re.compile(
    r"\b(?:toegezegd|toezegging\w*|aangekondigd|beloofd|voornemens|voornemen|zou|zouden)\b",
    re.IGNORECASE,
)
# A toezegging as the Kamer's register words it, the minister in the third person: "De minister
# van VWS zegt de Kamer, naar aanleiding van ..., toe ..." (a letter in its own voice says "ik")
_REGISTER_WORDING = re.compile(
    MINISTER_THIRD_PERSON + r"[^.;]{0,80}?\bzegt\b[^.;]{0,250}?\btoe\b", re.IGNORECASE
)
# "is afgedaan met de brief van ...", "Afgehandeld met brief aan de Eerste Kamer d.d. ..."
_REGISTER_DONE = re.compile(
    r"\b(?:afgedaan|afgehandeld|voldaan)\s+(?:met|bij|door)\s+(?:de\s+)?(?:\w+\s+)?brief\b",
    re.IGNORECASE,
)
_HERE_NOW = re.compile(
    r"\b(?:hierbij|bijgaand|hiermee|" + _BIJ_DEZE + r")\b",
    re.IGNORECASE,
)
# the act of handing the report over: "bied ik u aan", "ontvangt de Kamer", "informeer ik u"
_REPORT_ACT = re.compile(
    r"\b(?:informeer|informeert|bied|biedt|stuur|stuurt|zend|zendt|ontvangt|treft|vindt|doe|doet|"
    r"geïnformeerd|aangeboden|toegezonden|toekomen|aan)\b",
    re.IGNORECASE,
)
_THIS_LETTER_REPORTS = re.compile(
    r"^(?:\w+\s+){0,3}?(?:met\s+deze|hierbij|hiermee|middels\s+deze|in\s+deze|bijgaand)\b",
    re.IGNORECASE,
)
# The document at hand, sent now: "in het hier voorliggende eindrapport komt ... aan de orde"
_DOCUMENT_AT_HAND = re.compile(
    r"\b(?:hier\s+)?(?:voorliggende?|bijgevoegde?|bijgaande?|onderhavige?|meegezonden|"
    r"meegestuurde?)\s+(?:[\w\-]+\s+){0,2}?" + DOCUMENT + r"\b",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\([^()]*\)")
_FUTURE_MODAL = re.compile(r"\b" + MODAL + r"\b", re.IGNORECASE)
_PRESENT_FUTURE_GOV = re.compile(
    r"\b(?:informeer|stuur|zend|bericht|rapporteer|bied|doe|verwacht|streef|ben|is|zijn)\s+(?:ik|"
    r"het\s+kabinet|wij|we)\b|\b" + GOV_FIRST + r"\s+(?:informeer|informeert|stuur|"
    r"stuurt|zend|zendt|bericht|rapporteer|verwacht|streef|streeft|ben|is)\b|"
    # the plural: "Rond de zomer sturen wij u de actie-agenda toe"
    r"\b(?:sturen|zenden|informeren|bieden|rapporteren|berichten)\s+(?:wij|we)\b|"
    r"\b(?:wij|we)\s+(?:sturen|zenden|informeren|bieden|rapporteren|berichten)\b",
    re.IGNORECASE,
)
# An intention firm enough to bind: not "ik verwacht ... te ontvangen"
_FIRM_INTENTION_PATTERN = (
    r"\b(?:ben|is|zijn)\s+(?:(?:ik|wij|we|het\s+kabinet|nog|thans|dan|ook|daarom)\s+){0,3}"
    r"voornemens\b|\bvoornemens\s+(?:om|te|ben|is|zijn)\b|\bvan\s+plan\b|"
    r"\b(?:streef|streeft|streven)\s+(?:\w+\s+){0,2}?er\s*naar\b|\b(?:mijn|onze)\s+planning\s+is\b|"
    r"\b(?:mijn|onze)\s+(?:inspanningen|inzet)\s+(?:is|zijn)\s+(?:\w+\s+){0,2}?er\s*op\s+gericht\b"
)
_FIRM_INTENTION = re.compile(_FIRM_INTENTION_PATTERN, re.IGNORECASE)
# "Het kabinet informeert u nader daarover", "Ik bericht uw Kamer later over de uitkomst"
# "Ik heb u eerder over de GHSA geïnformeerd", "Wij hebben uw Kamer in mei gemeld dat ..."
_TOLD_KAMER_BEFORE = re.compile(
    r"^(?:\w+\s+){0,2}?(?:ik|wij|we)\s+(?:heb|hebben)\s+(?:u|uw\s+kamer|de\s+kamer)\s+"
    r"(?:[\w\-]+\s+){0,6}?(?:laten\s+weten|gemeld|bericht|geïnformeerd|meegedeeld|aangegeven)\b",
    re.IGNORECASE,
)
# ... what was told, even a future of someone else: "Ik heb uw Kamer op 1 oktober 2015
# geïnformeerd over het feit dat de heer Bouman per 1 februari zijn functie zal neerleggen"
_TOLD_KAMER_THAT = re.compile(
    r"^(?:\w+\s+){0,2}?(?:ik|wij|we)\s+(?:heb|hebben)\s+(?:u|uw\s+kamer|de\s+kamer)\s+"
    r"(?:[^.;]{0,80}?\s)?(?:laten\s+weten|gemeld|bericht|geïnformeerd|meegedeeld|aangegeven)\s+"
    r"(?:over\s+het\s+feit\s+)?dat\b",
    re.IGNORECASE,
)
_INFORMS_LATER = re.compile(
    r"\b(?:" + GOV + r")\s+(?:informeer|informeert|informeren|bericht|berichten|rapporteer|"
    r"rapporteert)\s+(?:u|uw\s+kamer|de\s+kamer)\s+(?:\w+\s+){0,2}?(?:nader|later|opnieuw|verder|"
    r"t\.z\.t\.|te\s+zijner\s+tijd)\b|\b(?:informeer|bericht|rapporteer)\s+(?:ik|wij|we)\s+(?:u|uw\s+"
    r"kamer)\s+(?:\w+\s+){0,2}?(?:nader|later|opnieuw|t\.z\.t\.|te\s+zijner\s+tijd)\b",
    re.IGNORECASE,
)
# "Daarom wil ik advies vragen aan een commissie", "wil ik dit tegelijk laten plaatsvinden"
# (the verb agrees with the government as its subject: not "Zij willen het kabinet vragen ...")
_WANTS_TO_ACT = re.compile(r"\b(?:wil\s+(?:ik|het\s+kabinet)|willen\s+(?:wij|we))\b", re.I)
# ... but what it wants may be to say something now: "wil ik benadrukken", "wil ik u bedanken"
_SAYS_NOW = re.compile(
    r"\b(?:benadrukken|opmerken|bedanken|danken|wijzen|verwijzen|stilstaan|noemen|opmerking|"
    r"kanttekening|onderstrepen|memoreren|complimenteren|feliciteren|herhalen|benoemen|aangeven|"
    r"melden|meedelen|laten\s+weten|informeren|toelichten|ingaan|schetsen|duidelijk\s+maken|"
    r"uitspreken|delen|geven|beantwoorden|reageren|maken|wensen|neerleggen|excuseren|"
    r"verontschuldigen|"
    # ... or a policy aim, not an act: "willen we de waterafvoer veiligstellen"
    r"veilig\s*stellen|ondersteunen|bereiken|verbeteren|versterken|voorkomen|stimuleren|bevorderen|"
    r"zorgen|borgen|waarborgen|beperken|verminderen|vergroten|behouden|inzetten|bijdragen|"
    r"tegenwicht)\b",
    re.IGNORECASE,
)
# ... or what a measure is for: "Met de regeling wil het kabinet ... tegemoetkomen"
_PURPOSE_OF_MEASURE = re.compile(
    r"^(?:(?:met|via|door|middels)\s+(?:de|het|deze|dit|die)|daarmee|hiermee)\b", re.I
)
# Any intention or plan, the firm ones and weaker ones: expecting to act, proposing, a plan
_INTENTION = re.compile(
    _FIRM_INTENTION_PATTERN + r"|"
    r"\b(?:ben|is|zijn|was|waren)\s+(?:(?:ik|wij|we|het\s+kabinet|de\s+regering|nog|thans|dan|ook|"
    r"daarom|niet)\s+){0,3}voornemens\b|\bvoornemen\b|"
    r"\bde\s+planning\s+is\b|\bhet\s+streven\s+is\b|"
    # "Het doel is om deze producten in het najaar naar uw Kamer te sturen"
    r"\bhet\s+doel\s+is\s+(?:om\s+)?(?:\w+\s+){0,12}?te\s+\w+|"
    r"\bstel(?:len)?\s+"
    + PERSON
    + r"\s+(?:\w+\s+){0,2}?voor\b|\b"
    + PERSON
    + r"\s+stel(?:len)?\s+voor\b|"
    r"\b(?:" + GOV_FIRST + r"\s+verwacht(?:en)?|verwacht\s+" + GOV_FIRST + r")\b"
    r"(?=.{0,200}\bte\s+\w+)",
    re.IGNORECASE,
)
_OWN_PAST_REPORT = re.compile(r"^(?:\S+\s+){0,6}?(?:heb|hebben)\s+" + PERSON + r"\b", re.IGNORECASE)
_RESOLVED = re.compile(
    r"\b(?:ben\s+ik|ik\s+ben|is\s+het\s+kabinet|het\s+kabinet\s+is|zijn\s+wij|wij\s+zijn|zijn\s+we|"
    r"we\s+zijn)\s+(?:(?:daarom|dan|ook|nu|thans|dus|tevens|wel)\s+){0,3}(?:voornemens|van\s+plan)\s+(?:om\s+)?"
    r"(?:[\w\-]+\s+){1,14}?te\s+\w+|"
    # "mijn collega van I&M en ik voornemens zijn om in de wet vast te leggen"
    r"\ben\s+(?:ik|wij|we)\s+(?:(?:zijn|daarom|dan|ook|nu|thans)\s+){0,2}voornemens\s+(?:zijn\s+)?(?:om\s+)?"
    r"(?:[\w\-]+\s+){1,14}?te\s+\w+|"
    # "heb ik het voornemen om enkele partijen bijeen te brengen"
    r"\b(?:heb\s+ik|ik\s+heb|heeft\s+het\s+kabinet|het\s+kabinet\s+heeft|hebben\s+(?:wij|we)|"
    r"(?:wij|we)\s+hebben)\s+(?:(?:daarom|dan|ook|nu|thans|dus|tevens|wel)\s+){0,3}het\s+voornemen\s+"
    r"(?:om\s+)?(?:[\w\-]+\s+){1,14}?te\s+\w+",
    re.IGNORECASE,
)
_FIRST_PERSON_GOV = re.compile(r"\b(?:" + GOV_FIRST + r"|mijn|onze)\b", re.IGNORECASE)
_PASSIVE_INFORM = re.compile(
    r"\b(?:wordt|worden)\b.{0,160}?\b(?:geïnformeerd|ingelicht|op\s+de\s+hoogte\s+(?:gesteld|"
    r"gehouden|gebracht)|toegestuurd|toegezonden|aangeboden|gestuurd|verstuurd|gedeeld|voorgelegd)\b|"
    r"\bop\s+de\s+hoogte\s+(?:worden|wordt)\s+(?:gesteld|gehouden|gebracht)\b",
    re.IGNORECASE,
)
# A government act in the future passive, its agent unnamed: "Daarbij zal ook de reactie op het
# plan worden meegenomen" (not "zal door de gemeente worden ...", which is someone else's act)
_PASSIVE_FUTURE_ACT = re.compile(
    # (a colleague in the cabinet is no other party: "door mijn collega van BZK")
    r"\b(?:zal|zullen)\b(?:(?!\bdoor\s+(?!mijn\s+(?:collega|ambtgeno)|de\s+minister|de\s+staats))"
    r"[^.;]){0,200}?\b(?:worden\s+"
    + ACT_PARTICIPLE
    + r"|"
    + ACT_PARTICIPLE
    + r"\s+worden|in\s+(?:kaart|beeld|gang)\s+worden\s+(?:gebracht|gezet))\b",
    re.IGNORECASE,
)
# "conform de motie Aartsen en Asscher", "ter uitvoering van de motie-Klaver", "zoals gevraagd in
# de motie Van Wijngaarden": what a particular motie asked, whatever the tense
_PER_MOTIE = re.compile(
    r"\b(?:conform|overeenkomstig|ter\s+uitvoering\s+van|in\s+uitvoering\s+van|zoals\s+(?:gevraagd|"
    r"verzocht)\s+(?:in|door))\s+(?:de\s+)?(?:aangenomen\s+|gewijzigde\s+)?(?:eerste\s*kamer)?"
    r"moties?\b(?:[-\s]+(?:van\s+(?:de\s+)?(?:leden|lid)\s+)?(?-i:[A-Z])\w+)",
    re.IGNORECASE,
)
_EXPLICIT_NEW = re.compile(
    r"\b(?:zeg|zegt|zeggen)\s+" + GOV_FIRST + r"\b(?:\s+\w+){0,10}?\s+toe\b|\b(?:ik|"
    r"het\s+kabinet|wij|we)\s+(?:zeg|zegt|zeggen)\s+(?:\w+\s+){0,6}?toe\b|\b(?:wil|kan|zal)\s+"
    + GOV_FIRST
    + r"\s+(?:\w+\s+){0,6}?toezeggen\b",
    re.IGNORECASE,
)

# --- batch D (issue 8): kinds first seen in the fourth blind batch ------------------------------
# "kan ik u helaas niet toezeggen ...": a promise declined
_DECLINES_TO_PROMISE = re.compile(
    r"\bniet\s+(?:\w+\s+){0,2}?toe(?:zeggen|zeg|zegt)\b|\bgeen\s+toezegging\s+(?:doen|geven)\b",
    re.IGNORECASE,
)
# "Vervolgens ga ik in op ...", "Tot slot schets ik ...": the letter's own outline, whatever
# years it names
_OUTLINES_LETTER = re.compile(
    r"^(?:eerst|allereerst|vervolgens|daarna|hierna|hieronder|tot\s+slot|ten\s+slotte|tenslotte|"
    r"achtereenvolgens|daarnaast|verder)\s*,?\s+(?:(?:bespreek|beschrijf|schets|behandel)\s+"
    + PERSON
    + r"\b|(?:geef|licht)\s+"
    + PERSON
    + r"\b[^.;]{0,160}?\b(?:aan|toe)\b|(?:ga|gaan)\s+"
    + PERSON
    + r"\s+(?:\w+\s+){0,3}?in\s+op\b)|"
    # a nota's standard line on its own order: "Bij de beantwoording van de vragen is zoveel
    # mogelijk de indeling en volgorde van het verslag aangehouden"
    r"\b(?:volgorde|indeling)\s+(?:\w+\s+){0,3}?van\s+het\s+(?:voorlopig\s+|nader\s+)?verslag\b"
    r"[^.;]{0,40}?\b(?:aangehouden|gevolgd)\b",
    re.IGNORECASE,
)
# "De toezending aan uw Kamer van de doorlichting is voor het derde trimester gepland"
_DELIVERY_PLANNED = re.compile(
    r"\b(?:toezending|verzending|aanbieding|oplevering|indiening)\s+(?:\w+\s+){0,3}?(?:aan|naar|bij)\s+"
    + KAMER
    + r"\b[^.;]{0,200}?\b(?:gepland|voorzien|verwacht)\b",
    re.IGNORECASE,
)
# "Deze brief kan ik binnen enkele weken naar uw Kamer verzenden"
_CAN_SEND = re.compile(
    r"\b(?:kan|kunnen)\s+(?:ik|wij|we|het\s+kabinet)\b(?![^.;]{0,40}?\bniet\b)[^.;]{0,120}?\b"
    r"(?:verzenden|sturen|toesturen|toezenden|zenden|doen\s+toekomen|aanbieden|informeren)\b",
    re.IGNORECASE,
)
# "In de bijlage is de gevraagde jaarplanning opgenomen", "de door uw Kamer verzochte reactie"
_ASKED_FOR = re.compile(
    r"\b(?:de|het)\s+(?:door\s+(?:u|uw\s+kamer|de\s+(?:vaste\s+)?commissie|het\s+lid|de\s+leden)\s+"
    r"(?:[\w\-]+\s+){0,5}?)?(?:gevraagde|verzochte)\s+\w+",
    re.IGNORECASE,
)
_SENT_OR_ATTACHED_NOW = re.compile(
    r"\b(?:opgenomen|bijgevoegd|weergegeven|treft\s+u|vindt\s+u|ontvangt\s+u|bied\s+(?:ik|wij|we)|"
    r"stuur\s+(?:ik|wij|we)|zend\s+(?:ik|wij|we)|verstrek\s+(?:ik|wij|we)|(?:ik|wij|we)\s+verstrek\w*)\b",
    re.IGNORECASE,
)
# "In de Kamerbrief van ... is deze vervroegde evaluatie aangekondigd": this document was announced
_THIS_WAS_ANNOUNCED = re.compile(
    # "Conform mijn aankondiging in bovenvermelde brief treft u bijgaand ... aan"
    r"\b(?:conform|overeenkomstig|zoals)\s+(?:mijn|onze|de|het)\s+(?:\w+\s+)?(?:aankondiging|"
    r"toezegging|afspraak)\b[^.;]{0,120}?\b(?:treft\s+u|ontvangt\s+u|bied\s+(?:ik|wij|we)|"
    r"stuur\s+(?:ik|wij|we)|zend\s+(?:ik|wij|we))\b|"
    r"\b(?:is|werd|zijn|werden)\s+(?:\w+\s+){0,2}?(?:deze|dit)\s+(?:[\w\-]+\s+){0,2}?"
    + DOCUMENT
    + r"\s+(?:\w+\s+){0,2}?(?:aangekondigd|toegezegd|beloofd)\b|\b(?:deze|dit)\s+(?:[\w\-]+\s+){0,2}?"
    + DOCUMENT
    + r"\s+(?:is|werd)\s+(?:\w+\s+){0,10}?(?:aangekondigd|toegezegd|beloofd)\b",
    re.IGNORECASE,
)
# "met als doel risico's tijdig te signaleren": "tijdig" in a purpose, not a time the act is due
_TIMELY_PURPOSE = re.compile(r"\btijdig\s+te\s+\w+", re.IGNORECASE)
# An item heading of the Eerste Kamer's register of toezeggingen: "5. Toezegging ... (T02343)"
_REGISTER_ITEM = re.compile(REGISTER_NUMBER)
# The status line under such an item in a rappel answer: "Stand van zaken: ..."
_STATUS_LINE = re.compile(r"^stand\s+van\s+zaken\s*:", re.IGNORECASE)

_F = re.IGNORECASE
# Reports of an earlier promise, each a rule of its own (see REFERENCE_RULES below).
# an earlier promise reported in the past tense: "Ik heb U meegedeeld dat ik ... zou ..."
_REPORTED_PROMISE = re.compile(
    r"\b(?:(?:heb|hebben|heeft)\s+" + GOV_FIRST + r"|" + GOV_FIRST + r"\s+"
    r"(?:heb|hebben|heeft))\b.{0,120}?\b"
    + REPORT_VERB
    + r"\b.{0,250}?\b(?:dat|hoe|wanneer|op\s+welke\s+"
    r"wijze)\b.{0,250}?\b(?:zal|zou|zullen|zouden|voorzag|voorzien|wil|wilde|willen|wilden)\b|"
    r"\b(?:berichtte|berichtten|meldde|meldden|schreef|schreven|liet|lieten)\s+"
    + GOV_FIRST
    + r"\b.{0,160}?\bdat\b.{0,250}?\b(?:zou|zouden)\b",
    _F,
)
# "heb ik aangegeven mijn visie uiterlijk in november aan uw Kamer te kunnen aanbieden"
_REPORTED_PLAN = re.compile(
    r"\b(?:heb|hebben|heeft)\s+(?:ik|wij|we|het\s+kabinet|de\s+(?:minister|staatssecretaris)\b|"
    r"mijn\s+(?:ambts)?voorganger|mijn\s+ambtgeno(?:ot|te)|onze\s+ambtsvoorgangers)\s+"
    r"(?:\S+\s+){0,22}?"
    + REPORT_VERB
    + r"\s+(?:\S+\s+){0,25}?te\s+(?:zullen\s+(?!worden\b|zijn\b|hebben\b)\w+\b|(?:kunnen\s+)?(?:informeren|sturen|zenden|aanbieden|"
    r"doen\s+toekomen|brengen|berichten|rapporteren|toesturen|geven|komen|antwoorden|"
    r"beantwoorden|reageren)\b)|"
    # an earlier announced act, whatever it is: "Het kabinet heeft in de brief van 20 september
    # aangegeven mogelijkheden te onderzoeken", "heeft het kabinet aangekondigd een regeling te
    # ontwerpen"
    r"\b(?:heb|hebben|heeft)\s+(?:ik|wij|we|het\s+kabinet|de\s+(?:minister|staatssecretaris)\b|"
    r"mijn\s+(?:ambts)?voorganger)\s+(?:\S+\s+){0,12}?(?:aangegeven|aangekondigd|toegezegd|beloofd)"
    r"\s+(?:om\s+)?(?:[\w\-]+\s+){1,8}?te\s+(?!worden\b|zijn\b|hebben\b|hechten\b|achten\b|blijven\b)\w+en\b|"
    r"\b(?:het\s+kabinet|ik|wij|we|de\s+(?:minister|staatssecretaris))\s+(?:heb|hebben|heeft)\s+"
    r"(?:\S+\s+){0,12}?(?:aangegeven|aangekondigd|toegezegd|beloofd)\s+(?:om\s+)?(?:[\w\-]+\s+){1,8}?"
    r"te\s+(?!worden\b|zijn\b|hebben\b|hechten\b|achten\b|blijven\b)\w+en\b|"
    # an intention stated before: "Voor Caribisch Nederland was het mijn voornemen u dit jaar ..."
    r"\bwas\s+het\s+(?:mijn|ons|het)\s+voornemen\b|\b(?:mijn|ons|het)\s+voornemen\s+was\b",
    _F,
)
# "Zoals u gemeld ben ik voornemens ...", "Zoals in de brief van 8 januari reeds beschreven"
_AS_TOLD = re.compile(
    # "Zoals eerder aan uw Kamer gemeld, wordt het BSN uiterlijk in 2025 geïntroduceerd"
    r"\bzoals\s+(?:eerder\s+|reeds\s+|al\s+)?aan\s+(?:u|uw\s+kamer)\s+(?:is\s+)?(?:gemeld|bericht|"
    r"meegedeeld|medegedeeld|aangegeven|laten\s+weten|aangekondigd)\b|"
    r"\bzoals\s+(?:ik\s+|wij\s+|we\s+)?"
    + KAMER_ADDRESSED
    + r"\s+(?:eerder\s+|reeds\s+|al\s+)?(?:heb\s+|"
    r"hebben\s+|is\s+)?(?:gemeld|bericht|meegedeeld|medegedeeld|aangegeven|toegezegd|laten\s+"
    r"weten|geïnformeerd|aangekondigd)\b|"
    r"\bzoals\s+(?:ik\s+|wij\s+|we\s+)?(?:in|bij)\s+(?:de|mijn|onze|het)\s+\w*(?:brief|nota|"
    r"notitie)\b.{0,150}?\b(?:beschreven|aangegeven|gemeld|aangekondigd|toegezegd|bericht|vermeld|"
    r"uiteengezet|geschetst)\b|"
    # a restatement in the simple past: "Zoals ik u meldde in mijn brief van 26 mei, zal ik ..."
    r"\bzoals\s+" + GOV_FIRST + r"\s+(?:\w+\s+){0,3}?(?:meldde|meldden|schreef|schreven|"
    r"berichtte|berichtten|aangaf|aangaven|aankondigde|aankondigden|toezegde|toezegden|liet\s+weten|"
    r"lieten\s+weten)\b.{0,300}?\b(?:zal|zullen)\s+" + GOV_FIRST + r"\b|"
    r"\bzoals\s+"
    + GOV_FIRST
    + r"\s+(?:eerder|reeds|al)\s+(?:heb|hebben|heeft)\s+"
    + REPORT_VERB
    + r"\b|"
    # "Zoals ik heb uiteengezet tijdens het notaoverleg van 6 juni, zal ...": said in a debate
    r"\bzoals\s+"
    + GOV_FIRST
    + r"\s+(?:\w+\s+){0,2}?(?:heb|hebben|heeft)\s+(?:\w+\s+){0,2}?(?:"
    + REPORT_VERB
    + r"|uiteengezet|toegelicht)\s+(?:tijdens|in|bij)\s+(?:het|de|mijn|onze|ons)\s+(?:[\w\-]+\s+){0,2}?"
    r"\w*(?:overleg|debat|brief|notitie|nota|beantwoording|vragenuur)\b",
    _F,
)
# restated: "Ik geef wederom aan dat ...", "Ik herhaal dat ..."
_RESTATED = re.compile(
    r"\b(?:geef|geven)\s+" + GOV_FIRST + r"\s+(?:hier(?:bij|mee)\s+)?(?:wederom|nogmaals|"
    r"opnieuw)\s+aan\b|\b" + GOV_FIRST + r"\s+(?:geef|geven|geeft)\s+(?:hier(?:bij|mee)\s+)?"
    r"(?:wederom|nogmaals|opnieuw)\s+aan\b|\b(?:herhaal|herhalen)\s+"
    + PERSON
    + r"\b|\b"
    + PERSON
    + r"\s+(?:herhaal|herhalen)\b",
    _F,
)
_NAMES_PROMISE = re.compile(
    r"\btoegezegde\b|\btoegezegd\b|\btoezegging\b|\bgestand\b|"
    # "Minister Ploumen zei tijdens deze conferentie toe bij te dragen"
    r"\b(?:zei|zegde|zeiden|zegden)\s+(?:[\w\-]+\s+){0,8}?toe\b|"
    # the plural names earlier promises only with a pointer: "mijn toezeggingen", "de toezeggingen
    # die ik deed", not as a kind of thing ("moties en toezeggingen", "alle toezeggingen over")
    r"\b(?:mijn|onze|deze|twee|drie|vier|vijf|beide|enkele|gedane|volgende|genoemde|betreffende|"
    r"uitvoering|tegemoet|invulling|voldoe|voldoet|voldoen|voldaan|afdoening)\s+(?:[\w\-]+\s+){0,4}?"
    r"toezeg-?\s*gingen\b|\baantal\s+toezeg-?\s*gingen\b|\btoezeg-?\s*gingen\s+(?:gedaan|uit|van|aan|"
    r"tijdens|in\s+het|"
    r"op\s+het|bij\s+het)\b",
    _F,
)
# Earlier promises as the topic or an ingredient of a new act: "zal ik uw Kamer ... informeren
# over uitvoering van de door mij gedane toezeggingen", "Daarbij zal ik tevens betrekken de door
# mij toegezegde rapportage"
_PROMISES_AS_TOPIC = re.compile(
    r"\b(?:informeren|berichten|rapporteren|inlichten)\s+over\s+(?:de\s+)?(?:uitvoering|voortgang|"
    r"stand\s+van\s+zaken|afhandeling)\s+(?:van\s+)?(?:de\s+|mijn\s+)?(?:\w+\s+){0,3}?toezegg|"
    r"\b(?:zal|zullen)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:\w+\s+){0,3}?betrekken\s+(?:de|het)\s+"
    r"(?:door\s+(?:mij|ons)\s+)?toegezegde\b",
    _F,
)
_AS_ANNOUNCED = re.compile(
    r"\bzoals\s+(?:eerder\s+|reeds\s+|ook\s+)?(?:aangekondigd|beloofd|afgesproken)\b|"
    # "zoals met uw Kamer afgesproken in het Defensie Materieel Proces"
    r"\bzoals\s+(?:eerder\s+|reeds\s+)?(?:met|aan)\s+(?:u|uw\s+kamer|de\s+kamer)\s+(?:is\s+)?"
    r"(?:afgesproken|aangekondigd|toegezegd|beloofd)\b|"
    # "In de kabinetsreactie op het rapport ... is aangekondigd dat ...", "In december kondigde
    # het kabinet aan de regeling te verlengen"
    r"\bin\s+(?:de|het|mijn|onze)\s+(?:[\w\-]+\s+){0,2}?(?:\w*brief|\w*reactie|\w*nota|\w*rapportage|"
    r"memorie|notitie|\w*agenda|\w*akkoord)\b[^.;]{0,200}?\b(?:is|werd|heb\s+ik|hebben\s+wij|heeft\s+het\s+"
    r"kabinet)\s+(?:[^.;]{0,80}?\s)?aangekondigd\b|"
    # "Het kabinet heeft in haar brief van 20 september ook aangekondigd te werken aan ..."
    r"\b(?:ik|wij|we|het\s+kabinet)\s+(?:heb|heeft|hebben)\s+[^.;]{0,120}?\baangekondigd\s+(?:te|dat|om)\b|"
    r"\b(?:heb|heeft|hebben)\s+(?:ik|wij|we|het\s+kabinet)\s+[^.;]{0,120}?\baangekondigd\s+(?:te|dat|om)\b|"
    r"\bkondigde(?:n)?\s+(?:ik|wij|we|het\s+kabinet|de\s+regering|de\s+minister|mijn\s+(?:ambts)?voorganger)\s+"
    r"(?:\w+\s+){0,3}?aan\b|"
    r"\b(?:de|het|mijn|deze)\s+(?:eerder\s+)?aangekondigde\s+(?:\w+\s+)?" + DOCUMENT + r"\b",
    _F,
)
_REFERENCES = (
    _REPORTED_PROMISE,
    _REPORTED_PLAN,
    _AS_TOLD,
    _RESTATED,
    _NAMES_PROMISE,
    _AS_ANNOUNCED,
)
_FULFILS = re.compile(
    r"\bgestand\b|\b(?:hiermee|hierbij|met\s+deze\s+brief|in\s+deze\s+brief|met\s+deze\s+\w+|"
    r"bijgaand|hierin)\b.{0,120}\b(?:toezegging|toegezegd)|\btoegezegd\b.{0,80}\b(?:hierbij|"
    r"bijgaand|met\s+deze\s+brief|in\s+deze\s+brief)\b|\binvulling\s+aan\s+(?:de|mijn)\s+"
    r"toezegging|\b(?:kom|komt)\s+(?:ik|het\s+kabinet)\s+(?:\w+\s+){0,3}toezegging\w*\s+na\b|"
    # "Ik informeer u tevens over een aantal toezeggingen en moties rondom asbest"
    r"\b(?:ik\s+informeer|informeer\s+ik|wij\s+informeren|informeren\s+wij)\s+u\s+(?:\w+\s+){0,2}?over\s+"
    r"(?:de\s+|een\s+aantal\s+|enkele\s+|diverse\s+)?(?:openstaande\s+|gedane\s+)?(?:toezeggingen|"
    r"moties)\b",
    re.IGNORECASE,
)
# Acts done by this very letter are not promises of a future act.
_THIS_LETTER = re.compile(
    r"^(?:\w+\s+){0,3}?(?:met\s+deze\s+(?:brief|notitie|kamerbrief|reactie|passage|paragraaf)|hierbij|"
    r"(?<!verband\s)hiermee|"
    r"middels\s+deze\s+brief|in\s+deze\s+brief|bijgaand|in\s+de\s+bijlage|in\s+bijlage)\b",
    re.IGNORECASE,
)
# A request by the Kamer or a member: "De vaste commissie heeft mij verzocht om ..."
# The Kamer (its chair, a committee, members) asks the minister in so many words: "Bij brief van
# 21 juni verzocht u mij ...", "In uw brief van 26 april vraagt u ...", "Tijdens de Algemene
# Politieke Beschouwingen is door de leden ... gevraagd om ..."
_KAMER_LETTER_ASKS = (
    r"\b(?:is|was|werd)\s+(?:\w+\s+){0,3}?door\s+(?:de\s+leden|het\s+lid|uw\s+kamer|de\s+(?:vaste\s+)?"
    r"commissie)\b[^.;]{0,100}?\b(?:gevraagd|verzocht)\b|"
    r"\b(?:verzocht|vroeg|verzoekt|vraagt)\s+u\s+(?:mij|ons|het\s+kabinet|de\s+regering)\b|"
    r"\bin\s+uw\s+brief\b[^;]{0,60}?\b(?:verzoekt|vraagt|verzocht|vroeg)\s+u\b|"
    r"\bin\s+uw\s+brief\b[^;]{0,60}?\b(?:heeft|hebt)\s+u\s+(?:mij|ons|het\s+kabinet)\s+(?:\w+\s+){0,3}?"
    r"(?:verzocht|gevraagd)\b"
)
_ASKED_BY_LETTER = re.compile(_KAMER_LETTER_ASKS, re.IGNORECASE)
_REQUEST = re.compile(
    r"\b(?:heeft|hebben|had|hadden)\s+(?:mij|ons|het\s+kabinet|de\s+regering|de\s+minister)\b"
    r".{0,80}?\b(?:verzocht|gevraagd)\b|"
    # "Het lid Wuite van uw Kamer vroeg tevens om te reflecteren op ..."
    r"\b(?:het\s+lid|de\s+leden|de\s+(?:vaste\s+)?commissie)\b[^.;?]{0,80}?\b(?:vroeg|vroegen|verzocht|"
    r"verzochten)\s+(?:\w+\s+){0,2}?om\b|"
    # "In de brief van 22 juni heeft u verzocht om het rapport alsnog toe te zenden"
    # "Bij de stemmingen hebben deze leden de regering gevraagd om op deze moties te reflecteren"
    r"\b(?:heeft|hebben)\s+(?:\w+\s+){1,3}?(?:mij|ons|het\s+kabinet|de\s+regering)\s+"
    r"(?:\w+\s+){0,3}?(?:verzocht|gevraagd)\b|"
    # "Uw vaste commissie voor Koninkrijksrelaties verzocht mij in kaart te brengen"
    r"\b(?:commissie|kamer|lid)\b[^.;?]{0,80}?\b(?:verzocht|vroeg)\s+(?:mij|ons|het\s+kabinet|de\s+"
    r"regering)\b|"
    r"\b(?:heeft|hebt|had)\s+u\s+(?:mij\s+|ons\s+|het\s+kabinet\s+)?(?:\w+\s+){0,3}?"
    r"(?:verzocht|gevraagd)\s+(?:om|te|of)\b|\b(?:verzoekt|vraagt|vroeg|vroegen)\s+(?:mij|ons|het\s+"
    r"kabinet|de\s+regering)\b|"
    # "Mij was verzocht ...", "is mij gevraagd", "verzocht de vaste commissie ...",
    # "heeft het lid ... het kabinet verzocht"
    r"\b(?:is|was|werd)\s+(?:mij|ons|het\s+kabinet)\s+(?:\w+\s+){0,6}?(?:verzocht|gevraagd)\b|"
    r"\b(?:mij|ons)\s+(?:is|was|werd)\s+(?:\w+\s+){0,6}?(?:verzocht|gevraagd)\b|"
    r"\b(?:verzocht|vroeg|verzoekt|vraagt)\s+(?:de|uw)\s+(?:vaste\s+)?(?:commissie|kamer)\b|"
    + _KAMER_LETTER_ASKS
    + r"|"
    r"\b(?:heeft|hebben|had)\s+(?:de|uw|het)\s+(?:vaste\s+)?(?:commissie|kamer|lid)\b.{0,160}?"
    r"\b(?:verzocht|gevraagd)\b|"
    # "De vaste commissie voor LNV (LNV) heeft verzocht om een jaarplanning"
    r"\b(?:(?:de|uw)\s+(?:vaste\s+)?(?:commissie|kamer)|het\s+lid)\b[^.;]{0,120}?\b(?:heeft|hebben|had)\s+"
    r"[^.;]{0,100}?\b(?:verzocht|gevraagd)\s+(?:om|te|of|wat|hoe|waarom|wanneer|welke)\b",
    re.IGNORECASE,
)
# "Dit volgt in de laatste alinea van deze brief", "allereerst ga ik in op ..."
_THIS_LETTER_ANYWHERE = re.compile(
    r"\bdeze\s+(?:brief|kamerbrief|notitie)\b|\b(?:ga|gaan)\s+"
    + PERSON
    + r"\s+(?:\w+\s+){0,3}?in\s+op\b|\b"
    + PERSON
    + r"\s+(?:ga|gaan)\s+(?:\w+\s+){0,3}?in\s+op\b",
    re.IGNORECASE,
)
# "kunt u de brief in januari tegemoet zien"
_EXPECT_FROM_US = re.compile(
    r"\b(?:kunt\s+u|u\s+kunt|kan\s+uw\s+kamer|uw\s+kamer\s+kan|kan\s+de\s+kamer|de\s+kamer\s+kan|"
    r"mag\s+u|mag\s+uw\s+kamer)\b.{0,160}?\btegemoet\s*(?:te\s+)?zien\b",
    re.IGNORECASE,
)
_QUESTION_MEMBERS = re.compile(
    # members as the subject; "in gesprek gaan met de leden van het hoofdstembureau" is no question
    r"(?<!van\s)(?<!met\s)(?<!aan\s)(?<!bij\s)(?<!voor\s)\b(?:de|deze)\s+leden\b|"
    # a fractie as the one asking, not "aan het lid Verhoeven van de D66-fractie toegezegd"
    r"(?<!van\sde\s)(?<!-)\b(?:[\w]+-)?fractie\b(?!\s+(?:toegezegd|gedaan|beloofd)\b)|"
    r"\bvragen\s+(?:het\s+kabinet|de\s+minister|"
    r"de\s+regering)\b|\bkan\s+de\s+minister\b|\bis\s+het\s+kabinet\s+bereid\b",
    re.IGNORECASE,
)
# "De vaste commissie voor Koninkrijksrelaties heeft op 24 november vragen gesteld over ..."
_KAMER_ASKED_QUESTIONS = re.compile(
    r"\b(?:commissie|kamer|leden|lid|fracties?)\b[^.;?]{0,80}?\b(?:heeft|hebben)\b[^.;?]{0,80}?\bvragen\s+"
    r"gesteld\b|"
    # "zijn drie Kamervragen gesteld door het lid Van Gent"
    r"\b(?:kamer)?vragen\s+gesteld\s+door\s+(?:het\s+lid|de\s+leden|de\s+(?:vaste\s+)?commissie)\b",
    re.IGNORECASE,
)
# what members asked before, which the letter answers: "Bij de stemmingen hebben deze leden de
# regering gevraagd om op deze moties te reflecteren"
_MEMBERS_ASKED_BEFORE = re.compile(
    r"\b(?:hebben|heeft)\s+(?:deze|de)\s+leden\b[^.;?]{0,80}?\b(?:gevraagd|verzocht)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"^(?:\w+\s+){0,2}?(?:mocht|mochten|indien|ingeval|in\s+het\s+geval|bij\s+een\s+eventuele|"
    # "als" as a condition, not a comparison ("Net als voorgaande jaren", "evenals", "zoals")
    r"(?<!net\s)(?<!net\s\s)als(?!\s+(?:eerste|tweede|derde|volgende|laatste|onderdeel|gevolg|"
    r"uitvloeisel|vervolg|reactie)\b))\b|,\s*(?:mocht|mochten|indien)\b",
    re.IGNORECASE,
)
# ... unless the condition is the Kamer's own decision, which the government binds itself to act
# on: "Indien uw Kamer de motie aanneemt, zal de Minister ... verzoeken"
_IF_THE_KAMER_DECIDES = re.compile(
    r"^(?:\w+\s+){0,2}?(?:indien|als|wanneer|zodra|mocht)\s+(?:uw|de)\s+(?:eerste\s+|tweede\s+)?"
    r"kamer\s+(?:\w+\s+){0,6}?(?:aanneemt|aanvaardt|instemt|goedkeurt|verwerpt|aannemen|"
    r"aanvaarden|instemmen|goedkeuren)\b",
    re.IGNORECASE,
)
_LASTING = re.compile(
    r"\b(?:blijft|blijven|blijf|continueren|voortzetten|zet\w*\s+.{0,60}\bvoort)\b|"
    r"\b(?:ga|gaat|gaan)\s+(?:\w+\s+){0,3}?door\s+met\b|\bdoorgaan\s+met\b|"
    r"\b(?:alert|waakzaam|bereid|terughoudend|kritisch)\s+(?:\w+\s+){0,2}?(?:zijn|blijven)\b|"
    r"\bzich\s+(?:blijven\s+)?(?:in\s*zetten|inzetten)\b|\bzal\s+(?:\w+\s+){0,4}inzetten\s+op\b",
    re.IGNORECASE,
)
# Policy lines, not promised acts, unless the Kamer is to be informed or sent something:
# money set aside ("zal in 2025 500 miljoen euro beschikbaar stellen"), effort ("zal zich in de
# Raad inzetten voor"), watching ("zullen de ontwikkelingen nauwlettend volgen"). Not ongoing
# work: "De komende weken zal het kabinet verder werken aan de uitvoering", "gaat mijn ministerie
# werken aan een beleidsstuk" are labelled promises in batches F and G, and no labelled set has a
# "werken aan" that is not.
_POLICY_LINE = re.compile(
    r"(?:€\s*\d|\b\d[\d.,]*\s*(?:miljoen|miljard|mln\.?|mld\.?|euro)\b).{0,120}?\b(?:beschikbaar|"
    r"investeren|investeert|investeer|uittrekken|uit\s+te\s+trekken|besteden|reserveren|vrijmaken|"
    r"vrij\s+te\s+maken|toevoegen|inzetten|bezuinigen|ombuigen)\b|"
    r"\b(?:beschikbaar\s+stellen|investeren|uittrekken|reserveren|vrijmaken)\b.{0,80}?(?:€\s*\d|"
    r"\b\d[\d.,]*\s*(?:miljoen|miljard|mln\.?|mld\.?|euro)\b)|"
    r"\bzich\s+(?:[\w\-]+\s+){0,6}?(?:in\s*zetten|inzetten|inspannen)\b|"
    r"\b(?:nauwlettend|nauw|scherp|kritisch|actief)\s+(?:blijven\s+)?(?:volgen|monitoren|in\s+de\s+"
    r"gaten\s+houden)\b",
    re.IGNORECASE,
)
_EXPECTATION = re.compile(
    r"\b(?:wordt|worden)\s+(?:\w+\s+){0,8}?verwacht\b|\bverwachting\b|\bnaar\s+verwachting\b|"
    r"\bzou(?:den)?\b|\bkunnen\b(?!.{0,60}\b(?:informeren|toesturen)\b)|"
    # a hedge or a necessity, not a promise: "Mogelijk zal in het najaar een AVPD worden
    # ingezet", "zal een nieuw programma moeten worden ontwikkeld"
    r"^\W*(?:mogelijk|wellicht|misschien)\b|\b(?:zal|zullen)\s+(?:(?:er|dit|dat|het|deze|die|ook|"
    r"dan)\s+)?(?:mogelijk|wellicht|misschien)\b(?!\s+(?:gemaakt|maken|worden\s+gemaakt))|"
    r"\b(?:zal|zullen)\b[^.;,]{0,80}?\bmoeten\b",
    re.IGNORECASE,
)
# A future act with its subject, up to the clause that follows it ("zal bekijken wat ...")
_ACT_THEN_CLAUSE = re.compile(
    r"\b(?:(?:"
    + GOV
    + r")\s+(?:zal|zullen|ga|gaat|gaan|wil|willen)|(?:zal|zullen|ga|gaat|gaan|wil|willen)\s+(?:"
    + GOV
    + r"))\b[^;:]{0,160}?\s(?:dat|om|zodat|hoe|wat|of|waar|welke|waarbij|die|op\s+welke\s+wijze)\b",
    re.IGNORECASE,
)
_PAST = re.compile(  # within one clause: "Zodra bekend is wanneer ..., wordt u geïnformeerd"
    r"\b(?:heeft|hebben|heb|had|hadden|is|werd|werden)\b(?:\s+[^\s,;:]+){0,12}?\s+(?:ge\w+d|"
    r"ge\w+t|ge\w+en|\w+(?:ge)\w+(?:d|t|en))\b",
    re.IGNORECASE,
)
_LEADING_WHEN = re.compile(
    r"^\W*(?:nadat|zodra|wanneer|als|zo\s+gauw\s+als)\b[^,;]{0,160}?\b(?:is|zijn|heeft|hebben)\s+"
    r"(?:\w+\s+){0,2}?(?:ge\w+|\w+ge\w+)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:zal|zullen|ga|gaat)\s+(?:\w+\s+){0,3}?(?:niet|geen)\b", re.IGNORECASE)

_TOPIC_STOPWORDS = frozenset(
    """
    over de het een van voor bij in op met en of aan te door om naar uit tot als dan dat die
    dit deze er is zijn wordt worden zal zullen zult heeft hebben kan kunnen moet moeten ook nog
    niet wel maar want omdat onder tegen tussen tijdens na sinds zonder per via ter ten
    hier hierover daar daarover hierop waarin waarbij uw kamer kabinet minister nederland
    nederlandse informeren geïnformeerd tijdig vanzelfsprekend verder nader ingaan
    ingegaan zoals toegezegd brief kamerbrief wanneer zodra bekend eerste tweede helft
    kwartaal eventuele eventueel mede basis tevens daarnaast gaat gaan toekomt toelichten
    korte termijn begin eind medio volgend volgende komende jaar najaar voorjaar zomer
    zomerreces spoedig binnenkort toegezonden toesturen sturen stuur zenden toegestuurd
    aangeboden aanbieden informeer onze ons mijn
    """.split()
)


# "Hiermee beantwoord ik, mede namens de minister van OCW, de vragen ...": the co-signers
# (a ministry's name may hold a comma: "Onderwijs, Cultuur en Wetenschap")
_CO_SIGNED_ASIDE = re.compile(
    r",\s*[Mm]ede\s+namens\s+(?:[^,;.()]|,\s+(?=[A-Z]\w+\s+en\s+[A-Z]|de\s+(?:minister|staats)))"
    r"{3,300}?(?:\([^()]{0,40}\))?\s*,(?!\s+(?:[A-Z]\w+\s+en\s+[A-Z]|de\s+(?:minister|staats)))"
)
# ... and one without its closing comma, up to the first word after the ministry's name: "Hierbij
# zend ik u, mede namens de staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties de
# beantwoording ..."
_CO_SIGNED_UNCLOSED = re.compile(
    r",\s*[Mm]ede\s+namens\s+(?:de\s+)?(?:[Mm]inister|[Ss]taatssecretaris)(?:-president)?\s+(?:van|voor)\s+"
    r"(?:[A-Z][\w&\-]*,?(?:\s+en(?=\s+[A-Z]))?\s+){1,8}(?=[a-z])(?!en\b|de\s+(?:minister|staats))"
)
_ASIDE_TO_KAMER = re.compile(
    r"\b(?:zoals|wat)\s+(?:u|uw\s+kamer)\s+(?:weet|bekend\s+is|bekend|heeft\s+kunnen\s+lezen|"
    r"eerder\s+is\s+bericht|gemeld\s+is)\b,?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Analysis:
    """What one sentence says: a new commitment, a reference, or nothing (category None).

    rule: the name of the rule in RULES (or VETOES) that decided, also when it decided nothing.
    answers: for a reference or fulfilment, what kind of earlier item it answers (ANSWERS).
    """

    category: str | None  # "commitment", "reference" or None
    kind: str | None = None  # inform / send_document / action; fulfilment / reference
    actor: str | None = None
    confidence: float = 0.0
    rule: str | None = None
    answers: str | None = None


def topic_words(sentence: str) -> set[str]:
    """The content words of a sentence, to tell a restatement of an earlier promise."""
    words = re.findall(r"[a-zà-ÿ0-9][a-zà-ÿ0-9\-]{3,}", sentence.lower())
    return {word for word in words if word not in _TOPIC_STOPWORDS and not word.isdigit()}


_OFFICE_NAME = re.compile(
    r"(?:[Dd]e\s+)?(?:[Mm]inister|[Ss]taatssecretaris)(?:-[Pp]resident)?(?:\s+(?:van|voor)\s+"
    r"[A-ZÀ-Ý][\w\-]*(?:,?\s+(?:[A-ZÀ-Ý][\w\-]*|en|&)(?=\s+[A-ZÀ-Ý&]|,?\s*$|\s+[a-z])"
    r")*)?"
)


_SUBJECT_HEAD = re.compile(
    r"(?i:ik|wij|we|het\s+kabinet|nederland)(?=\s)|[Hh]et\s+[Mm]inisterie\s+van\s+[A-Z][\w&]*"
    r"(?:\s+(?:en\s+)?[A-Z][\w&]*)*(?=\s+[a-z])"
)


def _actor(sentence: str, speaker: str | None) -> str:
    lowered = sentence.lower()
    match = _GOV_FUTURE.search(sentence)
    named = None
    if match:
        # the subject is the match without its verb and connective: "Ook zal Nederland"
        named = (
            re.sub(
                r"^[,;:(]?\s*(?:(?:dat|en|maar|ook|daarom|tevens|verder|vervolgens|"
                r"hierna)\s+)?(?:(?:zal|zullen|ga|gaat|gaan)\s+)?|\s+(?:zal|zullen|ga|"
                r"gaat|gaan)$",
                "",
                match.group(0).strip(),
                flags=re.IGNORECASE,
            )
            or None
        )
        # a clause with its verb last ("dat ik het beleid ... zal publiceren", "het
        # Ministerie van IenW zich hier hard voor"): the subject is its first words only
        if named is not None and " " in named:
            head = _SUBJECT_HEAD.match(named)
            if head is not None:
                named = head.group(0)
    if named is None:
        subject = re.search(
            r"\b(?:het\s+kabinet|de\s+regering|nederland|de\s+(?:minister|"
            r"staatssecretaris)(?:\s+(?:van|voor)\s+[\w&,\- ]{2,60}?)?(?=\s+"
            r"(?:zal|zullen|heeft|toegezegd|gaat|zegt|informeert|stuurt)))\b",
            sentence,
            re.IGNORECASE,
        )
        named = subject.group(0) if subject else None
    if named is not None and re.match(
        r"(?:de\s+)?(?:minister|staatssecretaris)", named, re.IGNORECASE
    ):
        # the portfolio runs over its capitalised words: "voor Buitenlandse Handel & ..."
        position = sentence.find(named)
        full = _OFFICE_NAME.match(sentence, position) if position >= 0 else None
        if full:
            named = full.group(0).rstrip(" ,&")
    if named is None and re.search(r"\b(?:ik|mij|mijn)\b", lowered):
        named = "ik"
    if named is None and re.search(r"\b(?:wij|we|ons)\b", lowered):
        named = "wij"
    if named is None:
        return "kabinet"
    normalised = re.sub(r"\s+", " ", named).strip()
    lowered_named = normalised.lower()
    if lowered_named in ("ik", "mij", "mijn ministerie"):
        return speaker or "minister"
    if lowered_named in ("wij", "we", "wij als kabinet", "de bewindspersonen"):
        return "kabinet" if speaker is None else speaker
    if lowered_named in ("het kabinet", "kabinet", "de regering"):
        return "kabinet"
    if lowered_named == "nederland":
        return "Nederland"
    if lowered_named.startswith("de "):
        normalised = normalised[3:]
    return (
        normalised[:1].upper() + normalised[1:]
        if lowered_named.startswith(
            ("de minister", "de staatssecretaris", "minister", "staatssecretaris")
        )
        else normalised
    )


def _kind(sentence: str) -> str:
    if (
        _ANSWER_PROMISE.search(sentence)
        or _INFORM_KAMER.search(sentence)
        or re.search(
            r"\b(?:wordt|worden)\s+(?:\w+\s+){0,12}?geïnformeerd\b", sentence, re.IGNORECASE
        )
    ):
        return "inform"
    if (
        _SEND_KAMER.search(sentence)
        or _DOCUMENT_ADDRESSES.search(sentence)
        or _EXPECT_TO_DELIVER.search(sentence)
    ):
        return "send_document"
    return "action"


class Sentence:
    """One cleaned sentence and the facts the rules ask about it, each found once and on demand.

    dated: a deadline phrase was found in it (or it opens with a bound: "Uiterlijk ...");
    future_lead: it opens with a time phrase ahead of the letter date followed by a government
    subject ("In het voorjaar van 2020 neem ik een besluit over ...").
    """

    def __init__(self, sentence: str, has_deadline: bool = False, future_lead: bool = False):
        # "zoals u weet" addresses the Kamer without promising it anything
        # ... nor does "mede namens de minister van ...", which only splits the verb from its object
        self.text = _CO_SIGNED_ASIDE.sub(
            " ", _CO_SIGNED_UNCLOSED.sub(" ", _ASIDE_TO_KAMER.sub("", sentence.strip()))
        )
        self.has_deadline = has_deadline
        self.future_lead = future_lead
        # what each pattern found, in the text and in the text without brackets, by the
        # pattern's id: hashing a compiled pattern hashes its whole code (3.5 us a time here)
        self._found: dict[int, bool] = {}
        self._found_unbracketed: dict[int, bool] = {}

    def has(self, pattern: re.Pattern[str], unbracketed: bool = False) -> bool:
        """Whether the pattern occurs; each pattern is searched once per sentence."""
        found_by = self._found_unbracketed if unbracketed else self._found
        key = id(pattern)
        found = found_by.get(key)
        if found is None:
            gates = _PREPARED.get(key)
            if gates is None or gates[2] is not pattern:
                gates = _prepare(pattern)
            lowered = self.lowered
            # (prefilter.may_match, inlined: this is the hot path) the pattern cannot match without
            # one of its words of each set, nor without its gate word
            found = all(any(map(lowered.__contains__, words)) for words in gates[0])
            if found:
                text = self.unbracketed if unbracketed else self.text
                found = (gates[1] is None or gates[1].search(text) is not None) and (
                    pattern.search(text) is not None
                )
            found_by[key] = found
        return found

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def unbracketed(self) -> str:
        # an aside in brackets does not make a sentence a reference: "(inclusief de toegezegde)"
        return _BRACKETED.sub(" ", self.text)

    @cached_property
    def dated(self) -> bool:
        return self.has_deadline or self.has(_OPENS_WITH_BOUND)

    @cached_property
    def told(self) -> str | None:
        """What follows "wil ik u laten weten dat", if the sentence tells the Kamer something now."""
        telling = _TELLING_NOW.search(self.text)
        return self.text[telling.end() :] if telling else None

    @cached_property
    def kind_text(self) -> str:
        # telling is not informing the Kamer later: the kind comes from what is told
        return self.text if self.told is None else self.told

    @cached_property
    def future(self) -> bool:
        return self.has(_FUTURE_MODAL)

    @cached_property
    def gov_future(self) -> bool:
        return (
            self.has(_GOV_FUTURE) or self.has(_GOV_ACTS_AND_WILL) or self.has(_COMES_WITH_PROPOSAL)
        )

    @cached_property
    def inform_kamer(self) -> bool:
        return self.has(_INFORM_KAMER) or self.has(_ANSWER_PROMISE)

    @cached_property
    def send_kamer(self) -> bool:
        return self.has(_SEND_KAMER) or self.has(_EXPECT_TO_DELIVER)

    @cached_property
    def to_kamer(self) -> bool:
        """The Kamer is to be informed or sent something."""
        return self.inform_kamer or self.send_kamer

    @cached_property
    def passive_inform(self) -> bool:
        return self.has(_PASSIVE_INFORM) and self.has(_KAMER_WORD)

    @cached_property
    def addresses(self) -> bool:
        return self.has(_DOCUMENT_ADDRESSES) and not self.has(_DOCUMENT_AT_HAND)

    @cached_property
    def past(self) -> bool:
        # "Nadat de besluitvorming is afgerond, wordt uw Kamer geïnformeerd": the perfect of a
        # leading when-clause is a condition ahead, not something done
        return _PAST.search(_LEADING_WHEN.sub("", self.text, count=1)) is not None

    @cached_property
    def expectation(self) -> re.Match[str] | None:
        """A hedge that makes the sentence an expectation, not a promise; one in a clause of its
        own after the act does not count: "Defensie zal bekijken wat er nodig is om ... te
        kunnen solliciteren", "Ik ga bespreken hoe dit onder de aandacht gebracht kan worden"."""
        act = _ACT_THEN_CLAUSE.search(self.text)
        for match in _EXPECTATION.finditer(self.text):
            if act is None or match.start() < act.end():
                return match
        return None


@dataclass(frozen=True)
class Rule:
    """One named decision about a sentence, tried in the order of RULES; the first that applies
    decides. outcome: "commitment", "reference" (kind fixed by the rule) or "skip" (nothing).

    hits: sentences this rule must decide; misses: sentences it must not decide (another rule
    does, or none). Both run as tests (tests/extraction/test_rules.py) through the whole
    pipeline, with a letter dated 15 March 2022.
    """

    name: str
    outcome: str
    applies: Callable[[Sentence], bool]
    summary: str
    confidence: float = 0.0
    kind: str | None = None
    hits: tuple[str, ...] = ()
    misses: tuple[str, ...] = ()
    # the policy-line and expectation vetoes apply (not to an explicit "ik zeg toe")
    vetoable: bool = True


_KAMER_WORD = re.compile(r"\b" + KAMER + r"\b", re.IGNORECASE)
_KAMER_RECEIVES = re.compile(
    r"\b(?:ontvangt|ontvangen)\s+" + KAMER + r"\b|\b" + KAMER + r"\s+(?:ontvangt|ontvangen)\b",
    re.IGNORECASE,
)
# "komt aan de orde in de Afrikastrategie" counts (the seed letters label it a commitment);
# a present passive ("wordt ingegaan in de brief") only with a time or a document still to come
_COMES_OR_GOES = re.compile(r"\b(?:komt|gaat)\b", re.IGNORECASE)
_PRESENT_PASSIVE = re.compile(r"\b(?:wordt|worden)\b", re.IGNORECASE)


def _acts_now(s: Sentence) -> bool:
    """This letter does the thing now, and promises nothing further in the same sentence."""
    return s.has(_ACTS_NOW) and not s.future


# where what the government wants ends: a clause of its own follows ("willen wij eind dit jaar een
# besluit nemen op welke wijze wij hieraan kunnen bijdragen")
_WANTED_CLAUSE_END = re.compile(
    r"[;:]|\b(?:om|zodat|hoe|waarop|waarbij|waarmee|op\s+welke\s+wijze)\b", re.IGNORECASE
)


def _what_is_wanted(text: str) -> str:
    """The sentence up to the end of the clause in which the government says what it wants."""
    wants = _WANTS_TO_ACT.search(text)
    if wants is None:
        return text
    end = _WANTED_CLAUSE_END.search(text, wants.end())
    return text[: end.start() if end else len(text)]


def _about_a_request(s: Sentence) -> bool:
    return (
        s.has(_ANSWERS_A_REQUEST)
        or (s.has(_REQUEST) and s.has(_KAMER_ASKS))
        or s.has(_KAMER_ASKED_QUESTIONS)
    )


def _announces_contents(s: Sentence) -> bool:
    if (s.has(_ANNOUNCES_CONTENTS_SUBJECT_FIRST) or s.has(_ANNOUNCES_CONTENTS_LOOSE)) and (
        s.has(_HERE_IN_THIS_LETTER) or s.has(_HERE_NOW) or s.has(_OUTLINE_WORD)
    ):
        return True
    if s.has(_ANNOUNCES_CONTENTS_PASSIVE) and not s.has(_ABOUT_WHAT_COMES):
        return not (s.dated or s.addresses or s.has(_COMING_DOCUMENT) or s.has(_KAMER_WORD))
    if not s.has(_ANNOUNCES_CONTENTS):
        return False
    if s.has(_HERE_IN_THIS_LETTER):
        return True
    return not (s.dated or s.addresses or s.has(_COMING_DOCUMENT) or s.has(_KAMER_WORD))


def _reference(pattern: re.Pattern[str]) -> Callable[[Sentence], bool]:
    return lambda s: s.has(pattern, unbracketed=True) and not s.has(_EXPLICIT_NEW)


def _telling_only(s: Sentence) -> bool:
    """Tells the Kamer something now, and what is told is no dated promise of its own."""
    if s.told is None:
        return False
    # what is told may itself be a promise: "wil ik u laten weten dat ik voornemens ben de
    # omvorming per 1 januari 2013 te laten plaatsvinden"
    return not (s.has_deadline and (_GOV_FUTURE.search(s.told) or _INTENTION.search(s.told)))


RULES: tuple[Rule, ...] = (
    # --- not a statement of the government at all ---------------------------------------------
    Rule(
        "question_or_no_trigger",
        "skip",
        lambda s: not s.text or s.text.endswith("?") or not (s.future_lead or admits(s.text)),
        "a question, or no word a promise or reference is made with",
        misses=("Ik zal u voor de zomer informeren over de pilots.",),
        hits=("Zal de minister de Kamer informeren over de pilots?", "Het weer was goed."),
    ),
    Rule(
        "register_item_done",
        "reference",
        lambda s: s.has(_REGISTER_DONE),
        "a register item's status: afgedaan met de brief van ...",
        confidence=0.8,
        kind="fulfilment",
        hits=(
            "De toezegging Evaluatie (32.402) (T02174) is afgedaan met de brief van 15 februari "
            "2017.",
            "Afgehandeld met brief aan de Eerste Kamer d.d. 02-03-2017.",
        ),
        misses=("De toezegging is nog niet afgedaan.",),
    ),
    Rule(
        "register_item_heading",
        "skip",
        lambda s: s.has(_REGISTER_ITEM),
        "the heading of an item of the Eerste Kamer's register of toezeggingen, (T02343)",
        hits=("5. Toezegging Evaluatie van de wet (34.255) (T02343)",),
        misses=("Ik heb toegezegd de wet (34.255) te evalueren.",),
    ),
    Rule(
        "register_item_text",
        "reference",
        lambda s: s.has(_REGISTER_WORDING),
        "a toezegging in the register's own words: De minister van VWS zegt de Kamer ... toe",
        confidence=0.8,
        kind="reference",
        hits=(
            "De minister van VWS zegt de Kamer, naar aanleiding van een vraag van het lid Nooren, "
            "toe de ontwikkeling van het aantal claims jaarlijks te monitoren.",
        ),
        misses=("Ik zeg de Kamer toe de ontwikkeling van het aantal claims te monitoren.",),
    ),
    Rule(
        "answers_request",
        "reference",
        lambda s: _about_a_request(s) and _acts_now(s) and not s.has(_EXPLICIT_NEW),
        "this letter answers a request or the questions of the Kamer, a committee or a member",
        confidence=0.8,
        kind="fulfilment",
        hits=(
            "Naar aanleiding van het verzoek van de vaste commissie voor Financiën stuur ik u "
            "hierbij een reactie op het rapport.",
            "Hiermee kom ik tegemoet aan het verzoek van het lid Jansen om een kostenoverzicht.",
            "Hierbij beantwoord ik, mede namens de staatssecretaris van Binnenlandse Zaken en "
            "Koninkrijksrelaties, de minister voor Natuur en Stikstof en de minister voor "
            "Volkshuisvesting, de vragen van de leden Van Raan en Wassenberg.",
            "In deze nota gaat de regering in op de vragen van de leden van de fracties.",
            "Hiermee sluit het kabinet aan bij de vraag van het lid Renkema tijdens het overleg.",
            "Op verzoek van de PVV (lid Jansen) kom ik in deze brief ook terug op het bericht.",
            "In deze brief beantwoorden we ook de vraag van mevrouw Kooiman naar het toezicht.",
            "Hierbij bied ik u de antwoorden aan op de feitelijke vragen inzake het jaarplan.",
            "Deze vragen beantwoord ik in deze brief.",
            "De beantwoording treft u hierbij alsnog aan.",
            "Ook bevat deze brief in de bijlage een reactie op het rapport, conform het verzoek van "
            "het lid Westerveld.",
            "Hierbij zend ik u de antwoorden op de vragen van het Kamerlid Özütok.",
            # a co-signer without the comma that closes the aside
            "Hierbij zend ik u, mede namens de staatssecretaris van Binnenlandse Zaken en "
            "Koninkrijksrelaties de beantwoording van de vragen, die zijn gesteld door het lid Özütok.",
            "Hierbij zend ik u de beantwoording van de vragen over Statia, die zijn gesteld door het lid Özütok.",
            "Bij deze ontvangt u mijn reactie op de brief van mevrouw Houtman over het verzoek om hulp.",
            "Hieronder ga ik in op de vragen die zijn voorgelegd.",
            "Hierbij zend ik u de antwoorden op de Kamervragen van de leden Van Laar en Kerstens.",
        ),
        misses=("Naar aanleiding van het verzoek van de commissie zal ik u in mei informeren.",),
    ),
    Rule(
        "sends_what_was_asked",
        "reference",
        lambda s: s.has(_ASKED_FOR) and s.has(_SENT_OR_ATTACHED_NOW) and not s.future,
        "this letter sends what the Kamer asked for: de gevraagde jaarplanning treft u bijgevoegd",
        confidence=0.75,
        kind="fulfilment",
        hits=(
            "In de bijlage is de gevraagde jaarplanning 2020 opgenomen.",
            "Bijgevoegd treft u de door uw Kamer verzochte reactie op het rapport aan.",
            "Ik verstrek u hierbij het gevraagde afschrift van mijn antwoordbrief.",
            "Hieronder zijn de door de leden van de PVV-fractie gevraagde gegevens weergegeven.",
        ),
        misses=("Ik zal u de gevraagde jaarplanning in januari sturen.",),
    ),
    Rule(
        "this_was_announced",
        "reference",
        lambda s: s.has(_THIS_WAS_ANNOUNCED) and not s.future,
        "this very document was announced or promised before",
        confidence=0.7,
        kind="fulfilment",
        hits=(
            "In de Kamerbrief van 4 mei is deze vervroegde evaluatie aangekondigd.",
            "Dit rapport werd in de brief van 3 maart aan uw Kamer aangekondigd.",
            "Conform mijn aankondiging in bovenvermelde brief treft u bijgaand de opdracht aan.",
        ),
        misses=("In de Kamerbrief van 4 mei is een evaluatie aangekondigd.",),
    ),
    Rule(
        "members_ask",
        "skip",
        lambda s: (
            s.has(_QUESTION_MEMBERS)
            and not (
                s.has(_OWN_PAST_REPORT)
                or s.has(_ASKED_BY_LETTER)
                or s.has(_FULFILS)
                or s.has(_MEMBERS_ASKED_BEFORE)
                or s.has(_ASKED_FOR)
            )
        ),
        "what members or fractions ask or say",
        hits=("De leden van de VVD-fractie vragen of de minister de Kamer zal informeren.",),
        misses=("Tijdens het debat heb ik de leden toegezegd de Kamer te informeren.",),
    ),
    # --- earlier promises: fulfilled by this letter or referred to ---------------------------
    Rule(
        "keeps_promise",
        "reference",
        lambda s: any(_reference(p)(s) for p in _REFERENCES) and s.has(_FULFILS),
        "this letter keeps an earlier promise",
        confidence=0.85,
        kind="fulfilment",
        hits=(
            "Met deze brief doe ik mijn toezegging aan de commissie gestand.",
            "Hiermee geef ik invulling aan de toezegging uit het debat van 3 maart.",
            # not the members' question for naming them
            "Hiermee wordt tevens voldaan aan de toezegging aan de leden Van der Graaf en Bos.",
            "Ik informeer u tevens over een aantal toezeggingen en moties rondom asbest.",
        ),
        misses=("In het debat heb ik toegezegd de regeling te evalueren.",),
    ),
    Rule(
        "carries_out_motie",
        "reference",
        lambda s: s.has(_MOTIE) and _acts_now(s),
        "this letter carries out a motie",
        confidence=0.8,
        kind="fulfilment",
        hits=(
            "Met deze brief geef ik uitvoering aan de motie van het lid De Boer over wachtlijsten.",
            "Ter uitvoering van de motie-Pietersen informeer ik u over de stand van de regeling.",
            "Hiermee is invulling gegeven aan een motie van Yücel en Van Dijk.",
        ),
        misses=("Ter uitvoering van de motie-Pietersen zal ik u in juni informeren.",),
    ),
    Rule(
        "disposes_of_items",
        "reference",
        lambda s: (
            s.has(_DISPOSES)
            # the future of "hierbij ..., waarbij ik zal ingaan op" is this letter's own
            and (not s.future or (s.has(_HERE_NOW) and _announces_contents(s)))
            and not s.has(_BEFORE_NOW)
        ),
        "this letter disposes of promises, moties or requests (afgedaan, tegemoetgekomen)",
        confidence=0.7,
        kind="fulfilment",
        hits=(
            "In de bijlage staan de moties en toezeggingen die met dit voorstel zijn afgedaan.",
            "Ik informeer u hierbij over de stand van zaken, waarbij ik tevens in zal gaan op een "
            "aantal moties en toezeggingen.",
            "Voor het overleg informeer ik u graag via deze brief over de stand van zaken en over "
            "de invulling van een aantal moties en toezeggingen.",
            "Daarnaast wordt met deze brief invulling gegeven aan een aantal moties en toezeggingen.",
            "Met deze brief informeer ik u over de status van een aantal moties en toezeggingen.",
        ),
        misses=(
            "Over moties en toezeggingen wordt jaarlijks gerapporteerd.",
            "In de volgende brief zal ik ingaan op de moties en toezeggingen.",
        ),
    ),
    Rule(
        "meets_legal_duty",
        "reference",
        lambda s: s.has(_LEGAL_DUTY) and _acts_now(s),
        "this letter meets a legal duty to report",
        confidence=0.8,
        kind="fulfilment",
        hits=(
            "Op grond van artikel 12 van de Wet op de inspecties zend ik u het jaarverslag.",
            "Onder verwijzing naar artikel 1:36 van de Wet op het financieel toezicht doe ik u de "
            "jaarverslagen toekomen.",
            "In overeenstemming met het Defensie Materieelproces (DMP) informeer ik u met deze brief "
            "over de functionele eisen.",
            "In overeenstemming met artikel 100 van de Grondwet informeren wij u over het besluit.",
            "Met deze brief leg ik met toepassing van artikel 24a van de Comptabiliteitswet het ontwerp aan uw Kamer voor.",
        ),
        misses=("Op grond van artikel 12 van de wet zal ik u in juni het jaarverslag zenden.",),
    ),
    Rule(
        "is_promised_report",
        "reference",
        lambda s: (
            (s.has(_THIS_LETTER_REPORTS) or s.has(_HERE_NOW))
            and s.has(_IS_A_REPORT)
            and s.has(_REPORT_ACT)
            and _acts_now(s)
        ),
        "this letter is itself a (progress) report the Kamer was promised",
        confidence=0.7,
        kind="fulfilment",
        hits=(
            "Hierbij bied ik u de derde voortgangsrapportage over het programma aan.",
            "Met deze voortgangsbrief informeer ik uw Kamer over de stand van de pilots.",
            "Conform planning ontvangt u bij deze de tweede verzamelbrief, de eerste van 2024.",
        ),
        misses=("Met deze brief informeer ik uw Kamer over mijn besluit.",),
    ),
    Rule(
        "reports_promise",
        "reference",
        _reference(_REPORTED_PROMISE),
        "reports an earlier promise: heb ik ... gemeld dat ik ... zou",
        confidence=0.85,
        kind="reference",
        hits=("Ik heb u in mei gemeld dat ik de gemeenten zou raadplegen.",),
        misses=("Ik heb de gemeenten geraadpleegd.",),
    ),
    Rule(
        "reports_plan",
        "reference",
        _reference(_REPORTED_PLAN),
        "reports an earlier announcement: heb ik aangegeven ... te sturen",
        confidence=0.85,
        kind="reference",
        hits=(
            "In maart heeft de minister aangegeven de Kamer in het najaar te informeren.",
            "In mijn brief van 25 november heb ik aangegeven de aanbevelingen te zullen bespreken "
            "met de partners.",
            "Het kabinet heeft in de brief van 20 september aangegeven mogelijkheden te onderzoeken.",
            "Voor Caribisch Nederland was het mijn voornemen u dit jaar een conceptbesluit voor te leggen.",
        ),
        misses=("De minister zal de Kamer in het najaar informeren.",),
    ),
    Rule(
        "as_told_before",
        "reference",
        _reference(_AS_TOLD),
        "as the Kamer was told before: zoals u gemeld, zoals in mijn brief aangegeven",
        confidence=0.85,
        kind="reference",
        hits=(
            "Zoals ik u eerder heb bericht, zal ik de monitor in juni sturen.",
            "Zoals in mijn brief van 2 mei beschreven, volgt in juni de evaluatie.",
            "Zoals ik heb uiteengezet tijdens het notaoverleg van 6 juni jl. zal als eerste stap "
            "een plan op hoofdlijnen worden vastgesteld.",
        ),
        misses=("Zoals u weet, zal ik u in juni de evaluatie sturen.",),
    ),
    Rule(
        "restated",
        "reference",
        _reference(_RESTATED),
        "restates what was said: ik geef nogmaals aan, ik herhaal",
        confidence=0.85,
        kind="reference",
        hits=("Ik herhaal dat ik de evaluatie voor de zomer zal sturen.",),
        misses=("Ik geef aan dat ik de evaluatie voor de zomer zal sturen.",),
    ),
    Rule(
        "names_promise",
        "reference",
        lambda s: _reference(_NAMES_PROMISE)(s) and not s.has(_PROMISES_AS_TOPIC),
        "names an earlier promise: toegezegd, de toezegging, mijn toezeggingen",
        confidence=0.85,
        kind="reference",
        hits=(
            "De toegezegde evaluatie zal in juni verschijnen.",
            "Minister Ploumen zei tijdens deze conferentie toe bij te willen dragen.",
        ),
        misses=(
            "Ik zeg toe dat ik de evaluatie in juni stuur.",
            "Daarnaast zal ik uw Kamer binnen zes weken informeren over uitvoering van de door "
            "mij gedane toezeggingen in het spoeddebat.",
            "Daarbij zal ik tevens betrekken de door mij toegezegde rapportage over de uitspraak.",
        ),
    ),
    Rule(
        "as_announced",
        "reference",
        _reference(_AS_ANNOUNCED),
        "an announced item: zoals aangekondigd, de eerder aangekondigde brief",
        confidence=0.85,
        kind="reference",
        hits=(
            "Zoals aangekondigd ontvangt u in juni de evaluatie.",
            "In de kabinetsreactie op het rapport is aangekondigd dat het kabinet voornemens is een "
            "sociaal minimum vast te stellen.",
            "In december kondigde het kabinet aan de garantieregeling te verlengen tot en met het "
            "derde kwartaal van 2022.",
            "Het kabinet heeft in haar brief van 20 september 2022 ook aangekondigd te werken aan "
            "een tijdelijke uitbreiding.",
            "In de Hoofdlijnenbrief Drugs is een nieuwe drugsnota aangekondigd.",
        ),
        misses=("Ik kondig een evaluatie aan die u in juni ontvangt.",),
    ),
    # --- an explicit promise ------------------------------------------------------------------
    Rule(
        "declines_to_promise",
        "skip",
        lambda s: s.has(_DECLINES_TO_PROMISE),
        "a promise declined: kan ik u helaas niet toezeggen",
        hits=("Ik kan u helaas niet toezeggen de evaluatie voor de zomer toe te zenden.",),
        misses=("Ik zeg u toe de evaluatie voor de zomer toe te zenden.",),
    ),
    Rule(
        "explicit_promise",
        "commitment",
        lambda s: s.has(_EXPLICIT_NEW),
        "says so: ik zeg toe",
        confidence=0.95,
        vetoable=False,
        hits=("Ik zeg toe dat ik de gemeenten hierover een brief stuur.",),
        misses=("Ik heb toegezegd dat ik de gemeenten hierover een brief zou sturen.",),
    ),
    # --- what looks like a promise and is not -------------------------------------------------
    Rule(
        "done_by_this_letter",
        "skip",
        lambda s: s.has(_THIS_LETTER),
        "an act done by this very letter: met deze brief, hierbij, bijgaand",
        hits=("Met deze brief informeer ik uw Kamer over de stand van zaken.",),
        misses=("Ik zal uw Kamer in juni informeren over de stand van zaken.",),
    ),
    Rule(
        "conditional",
        "skip",
        lambda s: s.has(_CONDITIONAL) and not s.has(_IF_THE_KAMER_DECIDES),
        "a condition that may not come true: mocht, indien",
        hits=("Mocht de regeling vertraging oplopen, dan zal ik uw Kamer informeren.",),
        misses=(
            "Zodra de regeling klaar is, zal ik uw Kamer informeren.",
            "Indien uw Kamer de motie aanneemt, zal de minister de voorzitter verzoeken de "
            "verslagen te verzamelen.",
        ),
    ),
    Rule(
        "keeps_kamer_informed",
        "commitment",
        lambda s: s.has(_KEEPS_INFORMED),
        "a lasting promise to keep the Kamer informed",
        confidence=0.8,
        kind="inform",
        vetoable=False,
        hits=(
            "U blijft van mij horen over de voortgang van de pilots.",
            "Ik houd uw Kamer op de hoogte van de onderhandelingen.",
            "Ik zal uw Kamer op de hoogte blijven houden van de onderhandelingen.",
        ),
        misses=("Nederland blijft aandringen op een snelle oplossing.",),
    ),
    Rule(
        "lasting_policy",
        "skip",
        lambda s: s.has(_LASTING),
        "a lasting line without a concrete act: blijft, voortzetten, zich inzetten",
        hits=("Nederland zal blijven aandringen op een snelle oplossing.",),
        misses=("Nederland zal in juni een voorstel indienen.",),
    ),
    Rule(
        "tells_now",
        "skip",
        _telling_only,
        "tells the Kamer something now: wil ik u laten weten dat",
        hits=("Ik wil u laten weten dat de pilot zal worden verlengd.",),
        misses=(
            "Graag wil ik u laten weten dat ik voornemens ben de pilot per 1 juli 2022 te starten.",
        ),
    ),
    Rule(
        "sent_now",
        "skip",
        lambda s: s.has(_SENT_NOW) and not s.future,
        "sent with this letter: zend ik u bijgaand",
        hits=("Mede namens de minister van Financiën zend ik u bijgaand het rapport.",),
        misses=("Ik zend u in juni het rapport.",),
    ),
    Rule(
        "negated",
        "skip",
        lambda s: s.has(_NEGATED),
        "a promise not to act: zal niet, zal geen",
        hits=("Ik zal de regeling niet wijzigen.", "Het kabinet gaat geen nieuwe regeling maken."),
        misses=("Ik zal de regeling in 2023 wijzigen.",),
    ),
    Rule(
        "about_this_letter",
        "skip",
        lambda s: not s.dated and s.has(_THIS_LETTER_ANYWHERE),
        "about this letter's own contents, without a time ahead",
        hits=("Eerst ga ik in op de uitkomsten van het onderzoek.",),
        misses=("In juni ga ik in de voortgangsbrief in op de uitkomsten.",),
    ),
    Rule(
        "outlines_this_letter",
        "skip",
        lambda s: s.has(_OUTLINES_LETTER) and not s.future,
        "the letter's own outline, even where it names a year: Vervolgens ga ik in op ...",
        hits=(
            "Vervolgens ga ik in op de aanbevelingen en geef ik aan wat dit in 2023 betekent.",
            "Tot slot schets ik de planning voor 2023.",
            "Bij de beantwoording van de vragen is de volgorde van het verslag aangehouden.",
        ),
        misses=("Vervolgens zal ik uw Kamer in juni informeren over de aanbevelingen.",),
    ),
    Rule(
        "assumes",
        "skip",
        lambda s: s.has(_ASSUMES),
        "an assumption about others: ik ga ervan uit dat",
        hits=(
            "Ik ga ervan uit dat de sector dit zelf oppakt.",
            "De regering gaat er voorshands van uit dat de vrijstelling dit bevestigt.",
        ),
        misses=("Ik ga de sector vragen dit zelf op te pakken.",),
    ),
    Rule(
        "attached_now",
        "skip",
        lambda s: s.has(_ATTACHED_NOW) and not s.future,
        "what is attached now: bijgevoegd treft u ... aan",
        hits=("Bijgevoegd treft u het jaarverslag van de inspectie aan.",),
        misses=("In juni ontvangt u het jaarverslag van de inspectie.",),
    ),
    Rule(
        "announces_contents",
        "skip",
        _announces_contents,
        "the letter announcing its own contents: hieronder ga ik in op, zal ik eerst ingaan op",
        hits=(
            "Hieronder bespreek ik eerst de cijfers, vervolgens zal ik ingaan op de maatregelen.",
            "Voor een goed begrip zal ik wat uitgebreider ingaan op de cijfers.",
            "Ik zal de belangrijkste resultaten van dit examenjaar hieronder bespreken.",
            "Hieruit volgen enkele aanbevelingen en ook hier zal ik op ingaan.",
            "Ik zal eerst ingaan op waar we in het proces staan, dan op de cijfers.",
            "Ook zal worden ingegaan op de aantallen omgewisselde rijbewijzen.",
            "Hieronder zal allereerst een overzicht worden gegeven van de regels.",
            "Ik zal daarom eerst aangeven wat het kabinet onder eurobonds verstaat.",
        ),
        misses=(
            "In de volgende voortgangsbrief zal ik ingaan op de cijfers.",
            # what a coming letter will go into
            "Daarbij zal ook worden ingegaan op de beoordeling van de veiligheidssituatie.",
            "Ik zal de bevindingen daarom bespreken met lokale partijen.",
            "Deze onderwerpen zal ik bespreken met de Koninklijke Bibliotheek.",
        ),
    ),
    Rule(
        "standing_arrangement",
        "skip",
        lambda s: (
            s.has(_RECURRING) and not (s.future or s.gov_future or s.has(_PRESENT_FUTURE_GOV))
        ),
        "a recurring report described as a standing arrangement: ontvangt jaarlijks",
        hits=(
            "Uw Kamer ontvangt jaarlijks de voortgangsrapportage over het programma.",
            "Uw Kamer wordt geregeld over het reisdocumentenstelsel geïnformeerd.",
            "In de regel worden de variabele tarieven op 2 momenten in het jaar aangepast.",
        ),
        misses=("Ik zal uw Kamer jaarlijks informeren over het programma.",),
    ),
    Rule(
        "request_of_kamer",
        "reference",
        lambda s: _about_a_request(s) and not s.gov_future,
        "names a request of the Kamer, a committee or a member that the letter answers",
        confidence=0.6,
        kind="reference",
        hits=(
            "De vaste commissie heeft mij verzocht om een reactie op het rapport.",
            "Bij brief van 21 juni verzocht u mij te berichten of ik aan het verzoek kan voldoen.",
            "De vaste commissie voor Financiën (Fin) heeft verzocht om een jaarplanning.",
            "Het lid Van der Berg (CDA) heeft voorts gevraagd wat er aan de vluchten wordt gedaan.",
            "In uw brief van 26 april jl. vraagt u met klem aan het verzoek te voldoen.",
            "Uw Kamer heeft hierover aandacht gevraagd en mij via moties verzocht om de aanpak "
            "verder te brengen.",
            "Tijdens de Algemene Politieke Beschouwingen is schriftelijk door de leden Marijnissen "
            "en Omtzigt gevraagd om de koopkrachteffecten te delen.",
            "In antwoord op uw vragen van 14 november deel ik u mee dat de vragen worden beantwoord.",
            "Uw vaste commissie voor Koninkrijksrelaties verzocht mij in kaart te brengen hoe dit zit.",
            "De Tweede Kamercommissie Sociale Zaken heeft mij ook gevraagd om informatie over de agenda.",
            "De vaste commissie voor Koninkrijksrelaties heeft op 24 november vragen gesteld over de subsidie.",
            "Bij de stemmingen hebben de leden de regering gevraagd te reflecteren op de uitkomst.",
            "Naar aanleiding van berichten zijn Kamervragen gesteld door het lid Van Gent.",
        ),
        misses=(
            "De commissie heeft mij verzocht om een reactie en ik zal u die in juni sturen.",
            "De brancheorganisaties hebben mij verzocht de termijn te verlengen.",
        ),
    ),
    Rule(
        "status_line_restates",
        "reference",
        lambda s: s.has(_STATUS_LINE) and not s.past,
        "a register item's status line in an answer to a rappel: Stand van zaken: ...",
        confidence=0.6,
        kind="reference",
        hits=("Stand van zaken: Vóór het zomerreces ontvangt de Kamer een voortgangsrapportage.",),
        misses=("Voor het zomerreces ontvangt de Kamer een voortgangsrapportage.",),
    ),
    Rule(
        "background_citation",
        "skip",
        lambda s: s.has(_BACKGROUND_CITATION) and not (s.future or s.has(_EARLIER_PLAN)),
        "a fact with its source: zoals gemeld in de brief van ..., heeft ...",
        hits=(
            "Zoals gemeld in de Kamerbrief van 14 februari (Kamerstuk 29 521, nr. 340) verloopt "
            "de overdracht van helikoptercapaciteit volgens planning.",
        ),
        misses=(
            "Zoals aangekondigd in de Kamerbrief van 14 februari stuur ik u hierbij de evaluatie.",
            "Zoals gemeld in de brief van 3 mei zal ik uw Kamer voor de zomer informeren.",
        ),
    ),
    Rule(
        "answers_request_here",
        "reference",
        lambda s: s.has(_WILL_ANSWER_HERE) and not s.dated,
        "the letter that says it will answer the request is that answer: zal ik uw verzoek beantwoorden",
        confidence=0.6,
        kind="fulfilment",
        hits=(
            "Omdat het om mijn brieven gaat, zal ik uw verzoek beantwoorden.",
            "Onder dankzegging voor het verslag zal ik hieronder de bij de leden gerezen vragen beantwoorden.",
        ),
        misses=("Ik zal uw verzoek voor de zomer beantwoorden.",),
    ),
    Rule(
        "points_to_earlier_letter",
        "reference",
        lambda s: s.has(_POINTS_BACK) and not s.future and not s.has(_WITHIN_THIS_LETTER),
        "points back at an earlier letter or answer to the Kamer",
        confidence=0.6,
        kind="reference",
        hits=(
            "Voor de cijfers verwijs ik naar de Kamerbrief van 3 mei over de pilots.",
            "In de brief van 12 april jl. is aangegeven dat de planning vier jaar opschuift.",
            "Mijn ambtsvoorganger heeft u in maart een beleidsreactie op het advies gestuurd.",
            "U heeft in januari een voortgangsbrief over de aanpak ontvangen.",
            "Op 29 oktober stuurde ik een brief waarin ik mijn plan voor de NZa mededeelde.",
        ),
        misses=("In de brief van juni zal ik uw Kamer informeren over de vertraging.",),
    ),
    Rule(
        "told_kamer_before",
        "reference",
        lambda s: (not s.future and s.has(_TOLD_KAMER_BEFORE)) or s.has(_TOLD_KAMER_THAT),
        "the government told the Kamer before: ik heb u eerder laten weten dat ...",
        confidence=0.6,
        kind="reference",
        hits=(
            "Ik heb u eerder over de GHSA geïnformeerd, onder meer in de kabinetsreactie.",
            "Ik heb uw Kamer op 1 oktober geïnformeerd over het feit dat de korpschef zijn functie zal neerleggen.",
        ),
        misses=("Ik zal u laten weten of Nederland zich opgeeft voor een JEE.",),
    ),
    Rule(
        "informed_of_plan",
        "reference",
        lambda s: (
            not s.future
            and s.has(_PAST_INFORMED, unbracketed=True)
            and s.has(_EARLIER_PLAN, unbracketed=True)
        ),
        "the Kamer was told of a plan or promise before: heb ik u geïnformeerd over mijn voornemen",
        confidence=0.6,
        kind="reference",
        hits=(
            "Op 1 maart heb ik de Kamer geïnformeerd over mijn voornemen een toets in te voeren.",
        ),
        misses=("Op 1 maart heb ik de Kamer geïnformeerd over de toets.",),
    ),
    Rule(
        "informed_before",
        "skip",
        lambda s: not s.future and s.has(_PAST_INFORMED, unbracketed=True),
        "the Kamer was informed before",
        hits=("In 2019 bent u per brief geïnformeerd over de pilot.",),
        misses=("U wordt in juni geïnformeerd over de pilot.",),
    ),
    # --- promises, firmest first --------------------------------------------------------------
    Rule(
        "future_to_kamer",
        "commitment",
        lambda s: s.to_kamer and (s.future or s.gov_future),
        "the government will inform the Kamer or send it something",
        confidence=0.9,
        hits=(
            "Het kabinet zal uw Kamer in het najaar informeren over de uitkomsten.",
            "Ik zal uw Kamer het rapport in het voorjaar toezenden.",
            "Na afloop van de missies zal de Kamer zoals gebruikelijk een eindevaluatie toegaan.",
        ),
        misses=("Het kabinet zal de regeling in het najaar openstellen.",),
    ),
    Rule(
        "kamer_informed_passive",
        "commitment",
        lambda s: s.passive_inform and not s.past,
        "the Kamer will be informed, passive: uw Kamer wordt geïnformeerd",
        confidence=0.8,
        hits=(
            "Uw Kamer wordt voor de zomer hierover geïnformeerd.",
            "Bij belangrijke ontwikkelingen wordt de Kamer daarover vanzelfsprekend ingelicht.",
        ),
        misses=("Uw Kamer is in mei hierover geïnformeerd.",),
    ),
    Rule(
        "delivery_planned",
        "commitment",
        lambda s: s.dated and s.has(_DELIVERY_PLANNED),
        "a delivery to the Kamer planned for a time: de toezending aan uw Kamer is gepland voor",
        confidence=0.7,
        kind="send_document",
        vetoable=False,
        hits=(
            "De toezending aan uw Kamer van de evaluatie is voor het derde kwartaal van 2022 "
            "gepland.",
            "De aanbieding aan uw Kamer zou dan in het najaar van 2022 verwacht mogen worden.",
        ),
        misses=("De toezending aan uw Kamer van de evaluatie vond in 2021 plaats.",),
    ),
    Rule(
        "can_send_dated",
        "commitment",
        lambda s: s.dated and s.has(_CAN_SEND) and s.has(_KAMER_WORD) and not s.past,
        "the minister can send it by a time: deze brief kan ik binnen enkele weken verzenden",
        confidence=0.6,
        kind="send_document",
        vetoable=False,
        hits=("Deze brief kan ik binnen drie weken naar uw Kamer verzenden.",),
        misses=("Deze brief kan ik niet binnen drie weken naar uw Kamer verzenden.",),
    ),
    Rule(
        "planned_to_kamer_dated",
        "commitment",
        lambda s: s.to_kamer and (s.has(_PRESENT_FUTURE_GOV) or s.has(_INTENTION)) and s.dated,
        "informing or sending in the present tense or as a plan, with a time ahead",
        confidence=0.8,
        hits=(
            "Ik informeer uw Kamer voor het zomerreces over de uitkomsten.",
            "Rond de zomer van 2022 sturen wij u de gezamenlijke actie-agenda toe.",
        ),
        misses=("Ik informeer uw Kamer graag over de uitkomsten.",),
    ),
    Rule(
        "comes_back",
        "commitment",
        lambda s: s.has(_COME_BACK),
        "the minister will come back to it: kom ik hierop terug",
        confidence=0.8,
        hits=(
            "Ik kom hierop in de volgende voortgangsbrief terug.",
            "Ik onderzoek de mogelijkheden hiervoor en kom daarop terug bij het regulerend kader.",
        ),
        misses=("De minister kwam hierop terug in het debat.",),
    ),
    Rule(
        "kamer_receives",
        "commitment",
        lambda s: s.has(_KAMER_RECEIVES) and not s.has(_HERE_NOW),
        "the Kamer receives something: ontvangt uw Kamer",
        confidence=0.75,
        hits=("Na de zomer ontvangt uw Kamer de evaluatie.",),
        misses=(
            "Na de zomer ontvangen gemeenten de evaluatie.",
            "In de tweede plaats ontvangt u hierbij ter informatie de monitor van de inspectie.",
        ),
    ),
    Rule(
        "document_will_address",
        "commitment",
        lambda s: (
            s.addresses
            and (
                s.future
                or s.has(_COMES_OR_GOES)
                or (s.has(_PRESENT_PASSIVE) and (s.dated or s.has(_COMING_DOCUMENT)))
            )
        ),
        "a coming document will address a subject: in de brief zal ik ingaan op",
        confidence=0.65,
        hits=(
            "In de voortgangsbrief van juni zal het kabinet ingaan op de kosten.",
            "De beleidsdoorlichting zal een beleidsreconstructie bevatten waarin de beleidsdoelen "
            "worden benoemd.",
        ),
        misses=(
            "In de bijgevoegde voortgangsbrief komt de kostenraming aan de orde.",
            "In het rapport wordt ingegaan op de kostenraming.",
        ),
    ),
    Rule(
        "document_follows",
        "commitment",
        lambda s: (
            (s.has(_DOCUMENT_FOLLOWS) or (s.dated and s.has(_DOCUMENT_FOLLOWS_INVERTED)))
            and not s.has(_HERE_IN_THIS_LETTER)
            and not s.past
            and (s.dated or not s.has(_RECURRING))
        ),
        "a coming document follows or appears: een tweede brief volgt, verschijnt de monitor",
        confidence=0.7,
        kind="send_document",
        hits=(
            "Een volgende voortgangsbrief volgt na het zomerreces.",
            "Begin volgend jaar verschijnt de derde monitor.",
            "Tot slot komt er een uitgewerkt plan van aanpak voor de regeldruk.",
            "Nadere details volgen zo snel mogelijk.",
        ),
        misses=(
            "Uit de evaluatie volgt dat de regeling werkt.",
            "Hieronder volgt een overzicht van de maatregelen.",
            "De brief volgt de volgende opbouw.",
            "De indeling van deze rapportage volgt het werkprogramma van het beleidsplan.",
            "De centrale vraag van de beleidsdoorlichting luidde als volgt: werkt het?",
        ),
    ),
    Rule(
        "informs_later",
        "commitment",
        lambda s: s.has(_INFORMS_LATER) and not s.has(_THIS_LETTER),
        "the government informs the Kamer further, later: het kabinet informeert u nader",
        confidence=0.7,
        kind="inform",
        hits=("Het kabinet informeert u nader daarover bij de voortgang van de aanpak.",),
        misses=("Ik informeer u in deze brief nader over de voortgang.",),
    ),
    Rule(
        "government_future_dated",
        "commitment",
        lambda s: s.dated and s.gov_future and not s.expectation,
        "the government will act, with a time",
        confidence=0.7,
        hits=("Het kabinet zal de regeling in de eerste helft van 2024 openstellen.",),
        misses=("Het kabinet zal de regeling naar verwachting in 2024 openstellen.",),
    ),
    Rule(
        "government_future",
        "commitment",
        lambda s: s.gov_future and not s.expectation,
        "the government will act",
        confidence=0.6,
        hits=(
            "Ook zal Nederland in de Raad aandacht vragen voor de mensenrechten.",
            # a "kunnen" in the clause after the act does not make it an expectation
            "Defensie zal bekijken wat er nodig is om intern te kunnen solliciteren.",
            "Onze ministeries zullen met de partners in gesprek gaan over de behoeftes.",
            "Rijkswaterstaat zal vaker externe deskundigheid betrekken in het proces.",
            # a second verb of the same subject
            "Defensie vervangt de hulpvaartuigen en gaat de nieuwe vaartuigen duurzaam voortstuwen.",
            # members of another body are not the Kamer's members asking
            "Ik zal hierover in gesprek gaan met de leden van het hoofdstembureau.",
            "Aan beide personen zal de IND excuses aanbieden voor het verloop van de procedure.",
            "EL&I zal daarbij waar nodig assistentie faciliteren.",
            "Verder zal ik de departementen, die het aangaat, inzicht geven zodat zij kunnen leren.",
            "Naar aanleiding daarvan kom ik met een voorstel om deze artikelen aan te passen.",
            "De ministers van Justitie van de landen gaan bij het JVO in gesprek over de aanpak.",
            "Tijdens de oefening gaat de Nederlandse Defensie samen met de Franse oefenen.",
        ),
        misses=("De gemeenten zullen in de Raad aandacht vragen voor de mensenrechten.",),
    ),
    Rule(
        "commissions_work",
        "commitment",
        lambda s: s.has(_COMMISSIONS_WORK) and not s.past and not s.has(_HAD_IT_DONE),
        "the government has work done or takes advice over: ik laat uitzoeken, ik volg het advies op",
        confidence=0.6,
        hits=(
            "Ik laat nader uitzoeken hoe groot dit probleem is.",
            "Ik kan dit verschil nu niet verklaren en laat hier nog nader naar kijken.",
            "TenneT adviseert een plan op te stellen en ik volg dit advies op.",
            "Daarnaast laat ik prestatie- indicatoren ontwikkelen voor de diensttijd.",
        ),
        misses=("Ik heb laten uitzoeken hoe groot dit probleem is.",),
    ),
    Rule(
        "intends_to_kamer",
        "commitment",
        lambda s: s.to_kamer and s.has(_INTENTION),
        "a plan to inform the Kamer or send it something",
        confidence=0.6,
        hits=("Ik ben voornemens uw Kamer te informeren over de uitkomsten.",),
        misses=("Ik ben voornemens de regeling te wijzigen.",),
    ),
    Rule(
        "passive_future_act",
        "commitment",
        lambda s: s.has(_PASSIVE_FUTURE_ACT) and not s.past,
        "a government act in the future passive: zal worden meegenomen",
        confidence=0.55,
        hits=(
            "Daarbij zal ook het advies van de Raad van State worden meegenomen.",
            "Deze steun zal met behulp van de andere departementen worden geleverd.",
            "Dat zal zo spoedig mogelijk gecorrigeerd worden met een wetswijziging.",
            # a colleague in the cabinet is no other party
            "De rapportage zal in het najaar door mijn collega van BZK worden opgesteld.",
            "Deze gesprekken zullen worden voortgezet.",
            "Daarbij zal aandacht worden besteed aan de wenselijkheid van luchtverkenning.",
            "De bestuurscolleges zullen worden geconsulteerd over deze regeling.",
            "De onderhandelingen zullen zo spoedig mogelijk worden aangevangen.",
        ),
        misses=("Daarbij zal ook het advies door de gemeenten worden meegenomen.",),
    ),
    Rule(
        "passive_act_dated",
        "commitment",
        lambda s: (
            s.dated
            and s.has(_PASSIVE_ACT)
            and not s.past
            and not s.has(_BY_OTHERS)
            and not s.has(_TIMELY_PURPOSE)
            and not (s.has(_PASSIVE_IN_RELATIVE) and len(_PASSIVE_AUX.findall(s.text)) == 1)
            and not s.has(_MAY_BE_DONE)
        ),
        "a government act in the present passive, with a time: wordt in 2024 ingevoerd",
        confidence=0.5,
        hits=(
            "De nieuwe regeling wordt in 2024 ingevoerd.",
            "Aan de gemeenten wordt op korte termijn gevraagd om een uitvoeringstoets te doen.",
            "In oktober wordt de jaarlijkse voortgangsrapportage over sourcing verzonden.",
            "Er worden in juni twee extra seismografen geplaatst.",
        ),
        misses=(
            "Er worden typologieën opgesteld om risico's tijdig te signaleren.",
            "De nieuwe regeling wordt door de gemeenten in 2024 ingevoerd.",
            "In 2025 wordt de wet geëvalueerd door het WODC.",
            "In het overzicht staan de onderzoeken die in 2020 worden gestart.",
            "De inreisrestrictie geldt tot en met 15 juni en kan worden verlengd.",
        ),
    ),
    Rule(
        "wants_to_act",
        "commitment",
        lambda s: (
            s.has(_WANTS_TO_ACT)
            and not _SAYS_NOW.search(_what_is_wanted(s.text))
            and not s.has(_PURPOSE_OF_MEASURE)
            and not s.past
        ),
        "the government wants to do something concrete: daarom wil ik advies vragen aan ...",
        confidence=0.45,
        hits=(
            "Daarom wil ik vragen aan de nog samen te stellen commissie hoe zij aankijkt tegen "
            "het risico op witwaspraktijken.",
            "Op basis van dit bezoek willen wij eind dit jaar besluiten op welke wijze wij hieraan kunnen bijdragen.",
        ),
        misses=(
            "Graag wil ik benadrukken dat in de landelijke regelgeving algemene regels gelden.",
            "Met de regeling wil het kabinet organisatoren van evenementen tegemoetkomen.",
        ),
    ),
    Rule(
        "firm_intention_dated",
        "commitment",
        lambda s: s.dated and s.has(_FIRM_INTENTION) and s.has(_FIRST_PERSON_GOV),
        "a firm plan with a time: ik streef ernaar ... voor de zomer",
        confidence=0.55,
        hits=(
            "Ik streef ernaar dit besluit binnen twee maanden te nemen.",
            "Wij streven er naar om u het kabinetsstandpunt in september aan te bieden.",
        ),
        misses=("Gemeenten streven ernaar dit besluit binnen twee maanden te nemen.",),
    ),
    Rule(
        "resolved_to_act",
        "commitment",
        lambda s: s.has(_RESOLVED),
        "resolved on an act: ik ben voornemens ... te",
        confidence=0.5,
        hits=(
            "Ik ben voornemens om een tijdlijn op te stellen.",
            "Ik ben dan ook voornemens om de Raad van State om advies te verzoeken.",
            "Om het onderzoek te ondersteunen heb ik het voornemen om partijen bijeen te brengen.",
            "Mijn collega van I&M en ik voornemens zijn om de tarieven in de wet vast te leggen.",
        ),
        misses=("De gemeente is voornemens om een tijdlijn op te stellen.",),
    ),
    Rule(
        "kamer_can_expect",
        "commitment",
        lambda s: s.has(_EXPECT_FROM_US),
        "the Kamer can expect it: kunt u tegemoetzien",
        confidence=0.8,
        hits=("U kunt de kabinetsreactie uiterlijk in april tegemoet zien.",),
        misses=("De gemeenten zien de kabinetsreactie in april tegemoet.",),
    ),
    Rule(
        "time_ahead_then_act",
        "commitment",
        lambda s: s.future_lead,
        "opens with a time ahead, then the government's act: in het voorjaar neem ik",
        confidence=0.7,
        hits=(
            "In het voorjaar van 2023 neem ik een besluit over de pilots.",
            "In het voorjaar van 2023 starten Defensie en het bedrijfsleven een campagne.",
            "Net als voorgaande jaren stel ik ook in 2023 weer een aantal subsidiemodules open.",
            "Dit pakken we in 2023 samen met de waterschappen op.",
        ),
        misses=(
            "In het voorjaar van 2021 nam ik een besluit over de pilots.",
            # a target year further on is no time for the act
            "Daarom hanteren we in lijn met de richtlijn een doel van 55 procent recycling in 2025.",
        ),
    ),
)
# Vetoes on a commitment found above, unless the Kamer is to be informed or sent something.
VETOES: tuple[Rule, ...] = (
    Rule(
        "policy_line",
        "skip",
        lambda s: s.has(_POLICY_LINE) and not (s.to_kamer or s.passive_inform or s.addresses),
        "a policy line: money set aside, effort, watching, ongoing work",
        hits=("Het kabinet zal in 2023 500 miljoen euro beschikbaar stellen voor de wijken.",),
        misses=("Het kabinet zal in 2023 een wetsvoorstel indienen voor de wijken.",),
    ),
    Rule(
        "expectation",
        "skip",
        lambda s: bool(s.expectation) and not (s.to_kamer or s.passive_inform),
        "an expectation or possibility, not a promise",
        hits=(
            "De regeling zal naar verwachting in 2023 worden aangepast.",
            "Mogelijk zal in het najaar een patrouillevliegtuig worden ingezet.",
            "Voor het vak zal een nieuw programma moeten worden ontwikkeld.",
        ),
        misses=(
            "De regeling zal in 2023 worden aangepast.",
            "Het kabinet zal dit waar mogelijk faciliteren.",
            "Dat zal zo spoedig mogelijk gecorrigeerd worden met een wetswijziging.",
        ),
    ),
)
# Tried when RULES found no commitment and no reference: a sentence that names a motie or a
# request of the Kamer, and promises nothing, refers to what it answers. (After the commitment
# rules, so that "Ik verwacht u na de zomer te informeren over uw motie" stays a promise.)
FALLBACKS: tuple[Rule, ...] = (
    Rule(
        "names_motie",
        "reference",
        lambda s: s.has(_MOTIE) and not (s.future or s.gov_future),
        "names a particular motie the government answers",
        confidence=0.7,
        kind="reference",
        hits=(
            "In de motie-Klaassen wordt de regering verzocht de regeling te evalueren.",
            "Dit sluit aan bij de aangenomen motie van de leden Smit en Bos.",
        ),
        misses=("Over moties en toezeggingen wordt jaarlijks gerapporteerd.",),
    ),
    Rule(
        "per_motie",
        "reference",
        lambda s: s.has(_PER_MOTIE),
        "does what a motie asked, now or ahead: conform de motie ...",
        confidence=0.65,
        kind="reference",
        hits=(
            "Daarbij zal, conform de motie Aartsen en Asscher, worden voortgebouwd op goede "
            "voorbeelden uit de praktijk.",
        ),
        misses=("Daarbij zal worden voortgebouwd op goede voorbeelden uit de praktijk.",),
    ),
)
RULES_BY_NAME = {rule.name: rule for rule in (*RULES, *VETOES, *FALLBACKS)}
# (a cheap word gate, the pattern it lets through): the pattern cannot match without its gate,
# so testing the gate first spares most sentences the pattern (Sentence.has uses them too)
WEAK_NEEDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(gate, re.IGNORECASE), pattern)
    for gate, pattern in (
        (r"\b(?:wordt|worden)\b", _PASSIVE_ACT),
        (r"vragen\s+gesteld\b", _KAMER_ASKED_QUESTIONS),
        (
            r"\b(?:ingaan|ingegaan|in\s+op|orde|toelicht\w*|toegelicht|uiteen\w*|behandel\w*|"
            r"meenemen|meegenomen|opnemen|opgenomen|schets\w*|geschetst|betrokken|bevatten|"
            r"beschrijven)\b",
            _DOCUMENT_ADDRESSES,
        ),
        (r"\b(?:volgt|volgen|verschijnt|verschijnen|komt\s+er)\b", _DOCUMENT_FOLLOWS),
        (r"\b(?:volgt|verschijnt)\b", _DOCUMENT_FOLLOWS_INVERTED),
        (r"\b(?:laat|laten|volg|volgen|volgt|neem|nemen|neemt)\b", _COMMISSIONS_WORK),
        (
            r"\b(?:verzoek\w*|vragen|vraag|wens|beantwoord\w*|inbreng|verslag|werkzaamheden|brief|antwoorden|beantwoording|reactie)\b",
            _ANSWERS_A_REQUEST,
        ),
        (r"artikel|\bwettelijk|materieel\s*proces|\bdmp\b", _LEGAL_DUTY),
        (r"\b(?:hoogte|horen|informeren|inlichten|geïnformeerd|ingelicht)\b", _KEEPS_INFORMED),
        (
            r"brief|schrijven|antwoord|memorie|nota\b|rapportage|reactie|geïnformeerd|verwij|"
            r"voorganger",
            _POINTS_BACK,
        ),
        (r"[Mm]otie", _MOTIE),
        (r"\b(?:verzocht|gevraagd|verzoekt|vraagt|vroeg|vroegen)\b", _REQUEST),
        (
            r"\b(?:afgedaan|afgehandeld|uitgevoerd|afdoen|tegemoet\w*|ingevuld|ingaan|ga|gaan|invulling|"
            r"uitvoering|afdoening|status|stand|voortgang)\b",
            _DISPOSES,
        ),
    )
)

_KAMER_GATE = r"\b(?:u|uw|kamers?|parlement)\b"
_GATES: dict[re.Pattern[str], re.Pattern[str]] = {
    pattern: gate
    for gate, pattern in (
        *WEAK_NEEDS,
        *(
            (re.compile(gate, re.IGNORECASE), pattern)
            for gate, pattern in (
                (
                    r"\b(?:heb|hebben|heeft|berichtte|berichtten|meldde|meldden|schreef|schreven|"
                    r"liet|lieten)\b",
                    _REPORTED_PROMISE,
                ),
                (r"\b(?:heb|hebben|heeft)\b|voornemen", _REPORTED_PLAN),
                (r"\bzoals\b", _AS_TOLD),
                (r"\b(?:herhaal|herhalen|wederom|nogmaals|opnieuw)\b", _RESTATED),
                (r"toegezegd|toezeg|gestand|\bzei\b|zegde|zeiden|zegden", _NAMES_PROMISE),
                (r"aangekondigd|beloofd|afgesproken|kondigde", _AS_ANNOUNCED),
                (r"gestand|toezeg|toegezegd|moties", _FULFILS),
                (_KAMER_GATE, _SEND_KAMER),
                (_KAMER_GATE + r"|terug", _INFORM_KAMER),
                (r"\b(?:zal|zullen|ga|gaat|gaan)\b", _GOV_FUTURE),
            )
        ),
    )
}


_Prepared = tuple[tuple[tuple[str, ...], ...], "re.Pattern[str] | None", "re.Pattern[str]"]
# id(pattern) -> (the words read off it, its gate pattern if any, the pattern itself, so that
# a pattern made and freed at run time cannot pass its id on), made on first use
_PREPARED: dict[int, _Prepared] = {}


def _prepare(pattern: re.Pattern[str]) -> _Prepared:
    _PREPARED[id(pattern)] = prepared = (needs(pattern), _GATES.get(pattern), pattern)
    return prepared


def admits(sentence: str) -> bool:
    """The cheap pre-filter: whether a sentence can be a commitment or a reference at all."""
    if _has_trigger(sentence):
        return True
    if not WEAK_TRIGGERS.search(sentence):
        return False
    return any(gate.search(sentence) and pattern.search(sentence) for gate, pattern in WEAK_NEEDS)


def _vetoed(rule: Rule, s: Sentence) -> Rule | None:
    for veto in VETOES:
        if not veto.applies(s):
            continue
        if (
            veto.name == "expectation"
            and rule.name == "time_ahead_then_act"
            and s.expectation is not None
            and s.expectation.group(0).lower() in ("kunnen", "zou", "zouden")
        ):
            # an act the sentence opens with keeps its promise through a "kunnen" later on:
            # "Het ministerie laat in 2023 berekenen welke concentraties daar kunnen optreden"
            continue
        return veto
    return None


def analyse_sentence(
    sentence: str, speaker: str | None = None, has_deadline: bool = False, future_lead: bool = False
) -> Analysis:
    """Classify one cleaned sentence (newlines already turned into spaces) by the first rule of
    RULES that applies to it; a commitment may still be vetoed by VETOES."""
    s = Sentence(sentence, has_deadline, future_lead)
    decision = _decide(s, speaker)
    if decision.category is None and decision.rule not in ("question_or_no_trigger", "members_ask"):
        for rule in FALLBACKS:
            if rule.applies(s):
                return _reference_analysis(rule, s, speaker)
    return decision


def _reference_analysis(rule: Rule, s: Sentence, speaker: str | None) -> Analysis:
    return Analysis(
        "reference",
        rule.kind,
        _actor(s.text, speaker),
        rule.confidence,
        rule=rule.name,
        answers=answers(s.text),
    )


def _decide(s: Sentence, speaker: str | None) -> Analysis:
    for rule in RULES:
        if not rule.applies(s):
            continue
        if rule.outcome == "skip":
            return Analysis(None, rule=rule.name)
        if rule.outcome == "reference":
            return _reference_analysis(rule, s, speaker)
        veto = _vetoed(rule, s) if rule.vetoable else None
        if veto is not None:
            return Analysis(None, rule=veto.name)
        return Analysis(
            "commitment",
            rule.kind or _kind(s.kind_text),
            _actor(s.text, speaker),
            rule.confidence,
            rule=rule.name,
        )
    return Analysis(None)


# What an earlier item a reference or fulfilment answers: the register's kinds of item.
ANSWERS = ("toezegging", "motie", "verzoek", "wettelijke plicht")
_ANSWERS_MOTIE = re.compile(r"\bmoties?\b|\bmotie-", re.IGNORECASE)
_ANSWERS_REQUEST = re.compile(
    r"\b(?:verzoek|verzoeken|verzocht|gevraagd|vraag|vragen|verzoekt|vroeg|vroegen)\b",
    re.IGNORECASE,
)
_ANSWERS_DUTY = re.compile(
    r"\b(?:op\s+grond\s+van|ingevolge|conform|overeenkomstig|krachtens|volgens)\s+(?:het\s+)?"
    r"artikel\b|\bwettelijke?\s+(?:plicht|verplichting|voorschrift|taak)|\bwettelijk\s+"
    r"(?:verplicht|voorgeschreven|vereist)\b|\bartikel\s+\d+\w*\s+(?:\w+\s+){0,3}van\s+de\s+\w*wet\b",
    re.IGNORECASE,
)


def answers(sentence: str) -> str:
    """Which kind of earlier item a reference or fulfilment sentence answers."""
    if _ANSWERS_MOTIE.search(sentence):
        return "motie"
    if _ANSWERS_DUTY.search(sentence):
        return "wettelijke plicht"
    if _ANSWERS_REQUEST.search(sentence) and not re.search(
        r"\btoezegging|\btoegezegd", sentence, re.IGNORECASE
    ):
        return "verzoek"
    return "toezegging"
