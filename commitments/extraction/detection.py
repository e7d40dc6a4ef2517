"""Which sentences of a letter are new commitments, and which refer to earlier ones.

Candidates are found by cheap trigger words first (future modals, "toegezegd", "informeren",
"ontvangt" ...), then each candidate is analysed: who acts, whether the Kamer is the receiver,
and whether the sentence is really a promise and not a question, a past act, a lasting policy
line, an expectation about others or a conditional musing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Analysis", "analyse_sentence", "TRIGGERS", "topic_words"]

# Cheap pre-filter: a sentence without any of these cannot be a commitment or a reference.
TRIGGERS = re.compile(
    r"\b(?:zal|zullen|zult|zeg|zegt|toe|toegezegd|toezegging\w*|gestand|informe\w+|geïnformeerd|"
    r"ontvangt|ontvangen|stuur\w*|zend\w*|toekomt|toekomen|terug\w*|aangekondigd\w*|ga|gaat|"
    r"gaan|voornemens|streef|streeft|verwacht|aan de orde|ingegaan|bericht\w*|rapporte\w*|"
    r"tegemoet\w*|toegezonden|toegestuurd|aangeboden|hoogte|planning|streven|wederom|nogmaals|stel|"
    r"aangegeven|meegedeeld|medegedeeld)\b",
    re.IGNORECASE,
)

_KAMER = r"(?:uw\s+kamer|de\s+(?:tweede\s+|eerste\s+)?kamer|u|beide\s+kamers|het\s+parlement)"
_GOV = (
    r"(?:ik|wij|we|het\s+kabinet|kabinet|de\s+regering|nederland|"
    r"de\s+(?:minister(?:-president)?|staatssecretaris|premier)(?:\s+(?:van|voor)\s+"
    r"[a-zà-ÿ&,\- ]{2,80}?)?|mijn\s+ministerie|het\s+ministerie(?:\s+van\s+[a-zà-ÿ, ]{2,60}?)?|"
    r"defensie|(?:de\s+)?nederlandse\s+(?:militairen|ambassade|regering|overheid|delegatie|"
    r"eenheid|eenheden|troepen|mariniers|trainers|marine)|mijn\s+ambtgeno(?:ot|te)|"
    r"de\s+bewindspersonen|wij\s+als\s+kabinet)"
)
_FUTURE = r"(?:zal|zullen|ga|gaat|gaan)"
_GOV_FUTURE = re.compile(
    r"(?:\b" + _FUTURE + r"\s+" + _GOV + r"\b)|(?:(?:^|[,;:(]\s*|\b(?:dat|en|maar|ook|daarom|"
    r"tevens|verder|vervolgens|hierna)\s+)" + _GOV + r"\s+" + _FUTURE + r"\b)|"
    # a subordinate clause puts the verb last: "dat ik het beleid op korte termijn zal publiceren"
    r"(?:\b(?:dat|zodat|waarna)\s+(?:ik|wij|we|het\s+kabinet)\s+[^,;:.()]{1,120}?\b(?:zal|zullen)"
    r"\s+\w+(?=\s*(?:[.;,:]|$|\b(?:en|of|maar|omdat)\b)))",
    re.IGNORECASE,
)
_INFORM_VERB = (
    r"(?:informeren|geïnformeerd|informeer|informeert|inlichten|ingelicht|berichten|"
    r"rapporteren|op\s+de\s+hoogte\s+(?:worden\s+|te\s+)?(?:stellen|houden|brengen|gesteld|"
    r"gehouden|gebracht)|"
    r"laten\s+weten|nader\s+(?:toelichten|berichten)|een\s+update\s+geven|verslag\s+(?:doen|"
    r"uitbrengen)|terugkomen|terugkom|terugkomt|(?:kom|komt|komen)\s+(?:ik|het\s+kabinet|wij|we)"
    r"\s+(?:\w+\s+){0,8}?terug)"
)
_SEND_VERB = (
    r"(?:sturen|stuur|stuurt|toesturen|toegestuurd|zenden|zend|toezenden|toegezonden|"
    r"toekomen|toekomt|doen\s+toekomen|aanbieden|aangeboden|voorleggen|voorgelegd|"
    r"ontvangt|ontvangen|verzenden|verstuurd|gestuurd|gezonden|tegemoet\s*(?:te\s+)?zien|"
    r"delen|gedeeld)"
)
# "kom ik hierop terug", "Ik kom daar voor de zomer op terug"
_COME_BACK_PATTERN = (
    r"\b(?:kom|komt|komen)\s+(?:ik|het\s+kabinet|wij|we)\s+(?:\w+\s+){0,8}?terug\b|"
    r"\b(?:ik|het\s+kabinet|wij|we)\s+(?:kom|komt|komen)\s+(?:\w+\s+){0,8}?terug\b"
)
_COME_BACK = re.compile(_COME_BACK_PATTERN, re.IGNORECASE)
_INFORM_KAMER = re.compile(
    r"\b"
    + _KAMER
    + r"\b.{0,200}?\b"
    + _INFORM_VERB
    + r"\b|\b"
    + _INFORM_VERB
    + r"\b.{0,40}?\b"
    + _KAMER
    + r"\b|"
    + _COME_BACK_PATTERN
    + r"|\bterugkomen\b",
    re.IGNORECASE,
)
_SEND_KAMER = re.compile(
    r"\b"
    + _KAMER
    + r"\b.{0,200}?\b"
    + _SEND_VERB
    + r"\b|\b"
    + _SEND_VERB
    + r"\b.{0,60}?\b"
    + _KAMER
    + r"\b|\b(?:ontvangt|ontvangen)\s+"
    + _KAMER
    + r"\b|\b"
    + _KAMER
    + r"\s+(?:ontvangt|ontvangen)\b"
    # "duidelijkheid geven in een brief aan het Indisch Platform en aan uw Kamer"
    + r"|\b(?:in|per|via|met)\s+(?:een|de|het)\s+(?:[\w\-]+\s+){0,2}?(?:\w*brief|notitie)\s+aan\s+"
    r"(?:[\w\-]+\s+){0,6}?" + _KAMER + r"\b",
    re.IGNORECASE,
)
# Answers to the Kamer's questions, promised: "De beantwoording zal plaatshebben omstreeks ...",
# "Ik zal de vragen ... beantwoorden", "De vragen zullen ... worden beantwoord".
_ANSWER_PROMISE = re.compile(
    r"\bbeantwoording\b[^.;]{0,80}?\b(?:zal|zullen)\b[^.;]{0,60}?\b(?:plaatsvinden|plaatshebben|"
    r"volgen|geschieden)\b|\b(?:zal|zullen)\s+(?:ik|wij|we|het\s+kabinet)\b[^.;]{0,150}?"
    r"\bbeantwoorden\b|\b(?:ik|wij|we|het\s+kabinet)\s+(?:zal|zullen)\b[^.;]{0,150}?\bbeantwoorden\b|"
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
    r"\b(?:zend|stuur|bied|doe)\s+(?:ik|wij|we)\b[^.;]{0,160}?\b(?:bijgaand|hierbij|hiermee|als\s+"
    r"bijlage|in\s+de\s+bijlage)\b|\b(?:bijgaand|hierbij|hiermee)\b[^.;]{0,120}?\b(?:zend|stuur|bied|"
    r"doe)\s+(?:ik|wij|we)\b",
    re.IGNORECASE,
)
# A sentence that opens with a bound is about the future: "Uiterlijk bij gelegenheid van ..."
_OPENS_WITH_BOUND = re.compile(r"^(?:uiterlijk|ruim\s+v[oó]{2}r)\b", re.IGNORECASE)
# Telling the Kamer something now: "In aanvulling op ... wil ik u informeren dat ..."
_TELLING_NOW = re.compile(
    r"\b(?:wil|kan|moet)\s+(?:ik|wij|we)\s+(?:u|uw\s+kamer)\s+(?:\w+\s+){0,2}?(?:informeren|melden|"
    r"berichten|mededelen|laten\s+weten)\s+dat\b|\b(?:ik|wij|we)\s+(?:wil|willen|kan|kunnen)\s+(?:u|"
    r"uw\s+kamer)\s+(?:\w+\s+){0,2}?(?:informeren|melden|berichten|mededelen|laten\s+weten)\s+dat\b",
    re.IGNORECASE,
)
_DOCUMENT = (
    r"(?:\w*brief|\w*strategie|\w*nota|\w*rapportage|notitie|\w*evaluatie|\w*verslag|\w*plan|"
    r"\w*visie|\w*agenda|wetsvoorstel|\w*reactie|\w*analyse|\w*overzicht|\w*begroting|"
    r"\w*rapport|\w*monitor)"
)
# The minister expects to deliver a document: "Ik verwacht ... ook een tussentijdse rapportage te
# leveren" (to the Kamer the letter is written to; not "... te ontvangen").
_EXPECT_TO_DELIVER = re.compile(
    r"\b(?:(?:ik|wij|we|het\s+kabinet)\s+verwacht(?:en)?|verwacht(?:en)?\s+(?:ik|wij|we|het\s+"
    r"kabinet))\b[^.;]{0,150}?\b" + _DOCUMENT + r"\b[^.;]{0,80}?\bte\s+(?:kunnen\s+)?(?:leveren|"
    r"opleveren|sturen|versturen|toesturen|zenden|toezenden|aanbieden)\b",
    re.IGNORECASE,
)
# "In de Kamerbrief ... zal het kabinet ingaan op", "komt ... aan de orde in de Afrikastrategie"
_DOCUMENT_ADDRESSES = re.compile(
    r"\b(?:in|via)\s+(?:de|het|een)\s+(?:[\w\-]+\s+){0,3}?" + _DOCUMENT + r"\b.{0,250}?\b(?:zal|"
    r"zullen|wordt|worden|gaat|komt)\b.{0,120}?\b(?:ingaan|ingegaan|ingaan|in\s+op|aan\s+de\s+orde|"
    r"toelichten|toegelicht|uiteenzetten|uiteengezet|behandelen|behandeld|meenemen|meegenomen|"
    r"opnemen|opgenomen|schetsen|geschetst)\b"
    r"|\b(?:komt|komen|zal|zullen)\b.{0,200}?\baan\s+de\s+orde\s+(?:\w+\s+)?in\s+(?:de|het|een)\s+"
    r"(?:[\w\-]+\s+){0,3}?" + _DOCUMENT + r"\b",
    re.IGNORECASE,
)
# The document at hand, sent now: "in het hier voorliggende eindrapport komt ... aan de orde"
_DOCUMENT_AT_HAND = re.compile(
    r"\b(?:hier\s+)?(?:voorliggende?|bijgevoegde?|bijgaande?|onderhavige?|meegezonden|"
    r"meegestuurde?)\s+(?:[\w\-]+\s+){0,2}?" + _DOCUMENT + r"\b",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\([^()]*\)")
_FUTURE_MODAL = re.compile(r"\b(?:zal|zullen|zult)\b", re.IGNORECASE)
_PRESENT_FUTURE_GOV = re.compile(
    r"\b(?:informeer|stuur|zend|bericht|rapporteer|bied|doe|verwacht|streef|ben|is|zijn)\s+(?:ik|"
    r"het\s+kabinet|wij|we)\b|\b(?:ik|het\s+kabinet|wij|we)\s+(?:informeer|informeert|stuur|"
    r"stuurt|zend|zendt|bericht|rapporteer|verwacht|streef|streeft|ben|is)\b",
    re.IGNORECASE,
)
# An intention firm enough to bind: not "ik verwacht ... te ontvangen"
_FIRM_INTENTION_PATTERN = (
    r"\b(?:ben|is|zijn)\s+(?:(?:ik|wij|we|het\s+kabinet|nog|thans|dan|ook|daarom)\s+){0,3}"
    r"voornemens\b|\bvoornemens\s+(?:om|te|ben|is|zijn)\b|\bvan\s+plan\b|"
    r"\bstreef(?:t)?\s+(?:\w+\s+){0,2}?ernaar\b|\b(?:mijn|onze)\s+planning\s+is\b"
)
_FIRM_INTENTION = re.compile(_FIRM_INTENTION_PATTERN, re.IGNORECASE)
# Any intention or plan, the firm ones and weaker ones: expecting to act, proposing, a plan
_INTENTION = re.compile(
    _FIRM_INTENTION_PATTERN + r"|"
    r"\b(?:ben|is|zijn|was|waren)\s+(?:(?:ik|wij|we|het\s+kabinet|de\s+regering|nog|thans|dan|ook|"
    r"daarom|niet)\s+){0,3}voornemens\b|\bvoornemen\b|"
    r"\bde\s+planning\s+is\b|\bhet\s+streven\s+is\b|"
    r"\bstel(?:len)?\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}?voor\b|\b(?:ik|wij|we)\s+stel(?:len)?\s+voor\b|"
    r"\b(?:(?:ik|het\s+kabinet|wij|we)\s+verwacht(?:en)?|verwacht\s+(?:ik|het\s+kabinet|wij|we))\b"
    r"(?=.{0,200}\bte\s+\w+)",
    re.IGNORECASE,
)
_OWN_PAST_REPORT = re.compile(r"^(?:\S+\s+){0,6}?(?:heb|hebben)\s+(?:ik|wij|we)\b", re.IGNORECASE)
_RESOLVED = re.compile(
    r"\b(?:ben\s+ik|ik\s+ben|is\s+het\s+kabinet|het\s+kabinet\s+is|zijn\s+wij|wij\s+zijn|zijn\s+we|"
    r"we\s+zijn)\s+(?:(?:daarom|dan|ook|nu|thans)\s+)?(?:voornemens|van\s+plan)\s+(?:om\s+)?"
    r"(?:[\w\-]+\s+){1,14}?te\s+\w+",
    re.IGNORECASE,
)
_FIRST_PERSON_GOV = re.compile(r"\b(?:ik|wij|we|het\s+kabinet)\b", re.IGNORECASE)
_PASSIVE_INFORM = re.compile(
    r"\b(?:wordt|worden)\b.{0,160}?\b(?:geïnformeerd|ingelicht|op\s+de\s+hoogte\s+(?:gesteld|"
    r"gehouden|gebracht)|toegestuurd|toegezonden|aangeboden|gestuurd|verstuurd|gedeeld)\b|"
    r"\bop\s+de\s+hoogte\s+(?:worden|wordt)\s+(?:gesteld|gehouden|gebracht)\b",
    re.IGNORECASE,
)
# A government act in the future passive, its agent unnamed: "Daarbij zal ook de reactie op het
# plan worden meegenomen" (not "zal door de gemeente worden ...", which is someone else's act)
_ACT_PARTICIPLE = (
    r"(?:meegenomen|opgenomen|uitgewerkt|onderzocht|aangepast|opgesteld|gepubliceerd|ingediend|"
    r"voorgelegd|geëvalueerd|betrokken|verkend|aangescherpt|vastgesteld|herzien|gewijzigd|"
    r"in\s+kaart\s+gebracht|in\s+beeld\s+gebracht)"
)
_PASSIVE_FUTURE_ACT = re.compile(
    r"\b(?:zal|zullen)\b(?:(?!\bdoor\b)[^.;]){0,200}?\b(?:worden\s+"
    + _ACT_PARTICIPLE
    + r"|"
    + _ACT_PARTICIPLE
    + r"\s+worden|in\s+(?:kaart|beeld)\s+worden\s+gebracht)\b",
    re.IGNORECASE,
)
_EXPLICIT_NEW = re.compile(
    r"\b(?:zeg|zegt|zeggen)\s+(?:ik|het\s+kabinet|wij|we)\b(?:\s+\w+){0,10}?\s+toe\b|\b(?:ik|"
    r"het\s+kabinet|wij|we)\s+(?:zeg|zegt|zeggen)\s+(?:\w+\s+){0,6}?toe\b|\b(?:wil|kan|zal)\s+"
    r"(?:ik|het\s+kabinet|wij|we)\s+(?:\w+\s+){0,6}?toezeggen\b",
    re.IGNORECASE,
)
_REPORT_VERB = (
    r"(?:aangegeven|gemeld|meegedeeld|medegedeeld|bericht|laten\s+weten|aangekondigd|"
    r"beloofd|toegezegd|geschreven|verzekerd)"
)
_REFERENCE = re.compile(
    # an earlier promise reported in the past tense: "Ik heb U meegedeeld dat ik ... zou ..."
    r"\b(?:(?:heb|hebben|heeft)\s+(?:ik|wij|we|het\s+kabinet)|(?:ik|wij|we|het\s+kabinet)\s+"
    r"(?:heb|hebben|heeft))\b.{0,120}?\b" + _REPORT_VERB + r"\b.{0,250}?\bdat\b.{0,250}?\b(?:zal|"
    r"zou|zullen|zouden|voorzag|voorzien|wil|wilde|willen|wilden)\b|"
    # "heb ik aangegeven mijn visie uiterlijk in november aan uw Kamer te kunnen aanbieden"
    r"\b(?:heb|hebben|heeft)\s+(?:ik|wij|we|het\s+kabinet|de\s+(?:minister|staatssecretaris)\b|"
    r"mijn\s+(?:ambts)?voorganger|mijn\s+ambtgeno(?:ot|te)|onze\s+ambtsvoorgangers)\s+"
    r"(?:\S+\s+){0,22}?"
    + _REPORT_VERB
    + r"\s+(?:\S+\s+){0,25}?te\s+(?:kunnen\s+|zullen\s+)?(?:informeren|sturen|zenden|aanbieden|"
    r"doen\s+toekomen|brengen|berichten|rapporteren|toesturen|geven|komen|antwoorden|"
    r"beantwoorden|reageren)\b|"
    # "Zoals u gemeld ben ik voornemens ...", "Zoals in de brief van 8 januari reeds beschreven"
    r"\bzoals\s+(?:ik\s+|wij\s+|we\s+)?(?:u|uw\s+kamer)\s+(?:eerder\s+|reeds\s+|al\s+)?(?:heb\s+|"
    r"hebben\s+|is\s+)?(?:gemeld|bericht|meegedeeld|medegedeeld|aangegeven|toegezegd|laten\s+"
    r"weten|geïnformeerd|aangekondigd)\b|"
    r"\bzoals\s+(?:ik\s+|wij\s+|we\s+)?(?:in|bij)\s+(?:de|mijn|onze|het)\s+\w*(?:brief|nota|"
    r"notitie)\b.{0,150}?\b(?:beschreven|aangegeven|gemeld|aangekondigd|toegezegd|bericht|vermeld|"
    r"uiteengezet|geschetst)\b|"
    # a restatement in the simple past: "Zoals ik u meldde in mijn brief van 26 mei, zal ik ..."
    r"\bzoals\s+(?:ik|wij|we|het\s+kabinet)\s+(?:\w+\s+){0,3}?(?:meldde|meldden|schreef|schreven|"
    r"berichtte|berichtten|aangaf|aangaven|aankondigde|aankondigden|toezegde|toezegden|liet\s+weten|"
    r"lieten\s+weten)\b.{0,300}?\b(?:zal|zullen)\s+(?:ik|wij|we|het\s+kabinet)\b|"
    # restated: "Ik geef wederom aan dat ...", "Zoals ik eerder heb aangegeven, zal ik ..."
    r"\b(?:geef|geven)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:hier(?:bij|mee)\s+)?(?:wederom|nogmaals|"
    r"opnieuw)\s+aan\b|\b(?:ik|wij|we|het\s+kabinet)\s+(?:geef|geven|geeft)\s+(?:hier(?:bij|mee)\s+)?"
    r"(?:wederom|nogmaals|opnieuw)\s+aan\b|\b(?:herhaal|herhalen)\s+(?:ik|wij|we)\b|\bzoals\s+(?:ik|wij|we|het\s+"
    r"kabinet)\s+(?:eerder|reeds|al)\s+(?:heb|hebben|heeft)\s+" + _REPORT_VERB + r"\b|"
    r"\btoegezegde\b|\btoegezegd\b|\btoezegging\b|\bgestand\b|"
    # the plural names earlier promises only with a pointer: "mijn toezeggingen", "de toezeggingen
    # die ik deed", not as a kind of thing ("moties en toezeggingen", "alle toezeggingen over")
    r"\b(?:mijn|onze|deze|twee|drie|vier|vijf|beide|enkele|gedane|volgende|genoemde|betreffende|"
    r"uitvoering|tegemoet|invulling|voldoe|voldoet|voldoen|voldaan|afdoening)\s+(?:[\w\-]+\s+){0,4}?"
    r"toezeg-?\s*gingen\b|\btoezeg-?\s*gingen\s+(?:gedaan|uit|van|aan|tijdens|in\s+het|"
    r"op\s+het|bij\s+het)\b|"
    r"\bzoals\s+(?:eerder\s+|reeds\s+|ook\s+)?(?:aangekondigd|beloofd|afgesproken)\b|"
    r"\b(?:de|het|mijn|deze)\s+(?:eerder\s+)?aangekondigde\s+(?:\w+\s+)?" + _DOCUMENT + r"\b",
    re.IGNORECASE,
)
_FULFILS = re.compile(
    r"\bgestand\b|\b(?:hiermee|hierbij|met\s+deze\s+brief|in\s+deze\s+brief|met\s+deze\s+\w+|"
    r"bijgaand|hierin)\b.{0,120}\b(?:toezegging|toegezegd)|\btoegezegd\b.{0,80}\b(?:hierbij|"
    r"bijgaand|met\s+deze\s+brief|in\s+deze\s+brief)\b|\binvulling\s+aan\s+(?:de|mijn)\s+"
    r"toezegging|\b(?:kom|komt)\s+(?:ik|het\s+kabinet)\s+(?:\w+\s+){0,3}toezegging\w*\s+na\b",
    re.IGNORECASE,
)
# Acts done by this very letter are not promises of a future act.
_THIS_LETTER = re.compile(
    r"^(?:\w+\s+){0,3}?(?:met\s+deze\s+(?:brief|notitie|kamerbrief|reactie)|hierbij|"
    r"(?<!verband\s)hiermee|"
    r"middels\s+deze\s+brief|in\s+deze\s+brief|bijgaand|in\s+de\s+bijlage|in\s+bijlage)\b",
    re.IGNORECASE,
)
# A request by the Kamer or a member: "De vaste commissie heeft mij verzocht om ..."
_REQUEST = re.compile(
    r"\b(?:heeft|hebben|had|hadden)\s+(?:mij|ons|het\s+kabinet|de\s+regering|de\s+minister)\b"
    r".{0,80}?\b(?:verzocht|gevraagd)\b|\b(?:verzoekt|vraagt|vroeg|vroegen)\s+(?:mij|ons|het\s+"
    r"kabinet|de\s+regering)\b",
    re.IGNORECASE,
)
# "Dit volgt in de laatste alinea van deze brief", "allereerst ga ik in op ..."
_THIS_LETTER_ANYWHERE = re.compile(
    r"\bdeze\s+(?:brief|kamerbrief|notitie)\b|\b(?:ga|gaan)\s+(?:ik|wij|we)"
    r"\s+(?:\w+\s+){0,3}?in\s+op\b|\b(?:ik|wij|we)\s+(?:ga|gaan)\s+(?:\w+\s+){0,3}?in\s+op\b",
    re.IGNORECASE,
)
# "kunt u de brief in januari tegemoet zien"
_EXPECT_FROM_US = re.compile(
    r"\b(?:kunt\s+u|u\s+kunt|kan\s+uw\s+kamer|uw\s+kamer\s+kan|kan\s+de\s+kamer|de\s+kamer\s+kan|"
    r"mag\s+u|mag\s+uw\s+kamer)\b.{0,160}?\btegemoet\s*(?:te\s+)?zien\b",
    re.IGNORECASE,
)
_QUESTION_MEMBERS = re.compile(
    r"(?<!van\s)\b(?:de|deze)\s+leden\b|\bfractie\b|\bvragen\s+(?:het\s+kabinet|de\s+minister|"
    r"de\s+regering)\b|\bkan\s+de\s+minister\b|\bis\s+het\s+kabinet\s+bereid\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"^(?:\w+\s+){0,2}?(?:mocht|mochten|indien|ingeval|in\s+het\s+geval|bij\s+een\s+eventuele|"
    r"als(?!\s+(?:eerste|tweede|derde|volgende|laatste|onderdeel|gevolg|uitvloeisel|"
    r"vervolg|reactie)\b))\b|,\s*(?:mocht|mochten|indien)\b",
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
# Raad inzetten voor"), watching ("zullen de ontwikkelingen nauwlettend volgen"), ongoing work
# ("gaat de komende periode werken aan").
_POLICY_LINE = re.compile(
    r"(?:€\s*\d|\b\d[\d.,]*\s*(?:miljoen|miljard|mln\.?|mld\.?|euro)\b).{0,120}?\b(?:beschikbaar|"
    r"investeren|investeert|investeer|uittrekken|uit\s+te\s+trekken|besteden|reserveren|vrijmaken|"
    r"vrij\s+te\s+maken|toevoegen|inzetten|bezuinigen|ombuigen)\b|"
    r"\b(?:beschikbaar\s+stellen|investeren|uittrekken|reserveren|vrijmaken)\b.{0,80}?(?:€\s*\d|"
    r"\b\d[\d.,]*\s*(?:miljoen|miljard|mln\.?|mld\.?|euro)\b)|"
    r"\bzich\s+(?:[\w\-]+\s+){0,6}?(?:in\s*zetten|inzetten|inspannen)\b|"
    r"\b(?:nauwlettend|nauw|scherp|kritisch|actief)\s+(?:blijven\s+)?(?:volgen|monitoren|in\s+de\s+"
    r"gaten\s+houden)\b|\b(?:werken|werkt|werk)\s+(?:(?:de|het|een|hard|verder|nog)\s+){0,2}aan\b",
    re.IGNORECASE,
)
_EXPECTATION = re.compile(
    r"\b(?:wordt|worden)\s+(?:\w+\s+){0,8}?verwacht\b|\bverwachting\b|\bnaar\s+verwachting\b|"
    r"\bzou(?:den)?\b|\bkunnen\b(?!.{0,60}\b(?:informeren|toesturen)\b)",
    re.IGNORECASE,
)
_PAST = re.compile(  # within one clause: "Zodra bekend is wanneer ..., wordt u geïnformeerd"
    r"\b(?:heeft|hebben|heb|had|hadden|is|werd|werden)\b(?:\s+[^\s,;:]+){0,12}?\s+(?:ge\w+d|"
    r"ge\w+t|ge\w+en|\w+(?:ge)\w+(?:d|t|en))\b",
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
    """.split()
)


_ASIDE_TO_KAMER = re.compile(
    r"\b(?:zoals|wat)\s+(?:u|uw\s+kamer)\s+(?:weet|bekend\s+is|bekend|heeft\s+kunnen\s+lezen|"
    r"eerder\s+is\s+bericht|gemeld\s+is)\b,?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Analysis:
    """What one sentence says: a new commitment, a reference, or nothing (category None)."""

    category: str | None  # "commitment", "reference" or None
    kind: str | None = None  # inform / send_document / action; fulfilment / reference
    actor: str | None = None
    confidence: float = 0.0


def topic_words(sentence: str) -> set[str]:
    """The content words of a sentence, to tell a restatement of an earlier promise."""
    words = re.findall(r"[a-zà-ÿ0-9][a-zà-ÿ0-9\-]{3,}", sentence.lower())
    return {word for word in words if word not in _TOPIC_STOPWORDS and not word.isdigit()}


_OFFICE_NAME = re.compile(
    r"(?:[Dd]e\s+)?(?:[Mm]inister|[Ss]taatssecretaris)(?:-[Pp]resident)?(?:\s+(?:van|voor)\s+"
    r"[A-ZÀ-Ý][\w\-]*(?:,?\s+(?:[A-ZÀ-Ý][\w\-]*|en|&)(?=\s+[A-ZÀ-Ý&]|,?\s*$|\s+[a-z])"
    r")*)?"
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


def analyse_sentence(
    sentence: str, speaker: str | None = None, has_deadline: bool = False, future_lead: bool = False
) -> Analysis:
    """Classify one cleaned sentence (newlines already turned into spaces).

    future_lead: the sentence opens with a time phrase ahead of the letter date followed by a
    government subject ("In het voorjaar van 2020 neem ik een besluit over ...").
    """
    # "zoals u weet" addresses the Kamer without promising it anything
    text = _ASIDE_TO_KAMER.sub("", sentence.strip())
    if not text or text.endswith("?") or not (future_lead or TRIGGERS.search(text)):
        return Analysis(None)
    if _QUESTION_MEMBERS.search(text) and not _OWN_PAST_REPORT.search(text):
        return Analysis(None)
    # an aside in brackets does not make the sentence a reference: "(inclusief de toegezegde ...)"
    unbracketed = _BRACKETED.sub(" ", text)

    if _REFERENCE.search(unbracketed) and not _EXPLICIT_NEW.search(text):
        kind = "fulfilment" if _FULFILS.search(text) else "reference"
        return Analysis("reference", kind, _actor(text, speaker), 0.85)
    if _EXPLICIT_NEW.search(text):
        return Analysis("commitment", _kind(text), _actor(text, speaker), 0.95)

    if _THIS_LETTER.search(text) or _CONDITIONAL.search(text) or _LASTING.search(text):
        return Analysis(None)
    telling_now = _TELLING_NOW.search(text)
    kind_text = text
    if telling_now:
        # what is told may itself be a promise: "wil ik u laten weten dat ik voornemens ben de
        # omvorming per 1 januari 2013 te laten plaatsvinden"
        told = text[telling_now.end() :]
        if not (has_deadline and (_GOV_FUTURE.search(told) or _INTENTION.search(told))):
            return Analysis(None)
        kind_text = told  # telling is not informing the Kamer later
    if _SENT_NOW.search(text) and not _FUTURE_MODAL.search(text):
        return Analysis(None)
    has_deadline = has_deadline or bool(_OPENS_WITH_BOUND.search(text))
    if _NEGATED.search(text):
        return Analysis(None)
    if not has_deadline and _THIS_LETTER_ANYWHERE.search(text):
        return Analysis(None)
    if _REQUEST.search(text) and not _GOV_FUTURE.search(text):
        return Analysis(None)

    future = bool(_FUTURE_MODAL.search(text))
    if not future and _PAST_INFORMED.search(unbracketed):
        return Analysis(None)
    gov_future = bool(_GOV_FUTURE.search(text))
    inform_kamer = bool(_INFORM_KAMER.search(text)) or bool(_ANSWER_PROMISE.search(text))
    send_kamer = bool(_SEND_KAMER.search(text)) or bool(_EXPECT_TO_DELIVER.search(text))
    passive_inform = bool(_PASSIVE_INFORM.search(text)) and bool(
        re.search(r"\b" + _KAMER + r"\b", text, re.IGNORECASE)
    )
    addresses = bool(_DOCUMENT_ADDRESSES.search(text)) and not _DOCUMENT_AT_HAND.search(text)
    present_gov = bool(_PRESENT_FUTURE_GOV.search(text))
    intention = bool(_INTENTION.search(text))

    confidence = 0.0
    if (inform_kamer or send_kamer) and (future or gov_future):
        confidence = 0.9
    elif passive_inform and not _PAST.search(text):
        confidence = 0.8
    elif (inform_kamer or send_kamer) and (present_gov or intention) and has_deadline:
        confidence = 0.8
    elif _COME_BACK.search(text):
        confidence = 0.8
    elif re.search(
        r"\b(?:ontvangt|ontvangen)\s+"
        + _KAMER
        + r"\b|\b"
        + _KAMER
        + r"\s+(?:ontvangt|ontvangen)\b",
        text,
        re.IGNORECASE,
    ):
        confidence = 0.75
    elif addresses and (future or re.search(r"\b(?:komt|gaat)\b", text, re.IGNORECASE)):
        confidence = 0.65
    elif gov_future and not _EXPECTATION.search(text):
        confidence = 0.7 if has_deadline else 0.6
    elif intention and (inform_kamer or send_kamer):
        confidence = 0.6
    elif _PASSIVE_FUTURE_ACT.search(text) and not _PAST.search(text):
        confidence = 0.55
    elif has_deadline and _FIRM_INTENTION.search(text) and _FIRST_PERSON_GOV.search(text):
        # "Ik streef ernaar dit besluit binnen twee maanden ... te nemen"
        confidence = 0.55
    elif _RESOLVED.search(text):
        # "Ik ben voornemens om een tijdlijn op te stellen": resolved on an act, undated
        confidence = 0.5
    elif _EXPECT_FROM_US.search(text):
        confidence = 0.8
    elif future_lead:
        confidence = 0.7
    if confidence == 0.0:
        return Analysis(None)
    if _POLICY_LINE.search(text) and not (
        inform_kamer or send_kamer or passive_inform or addresses
    ):
        return Analysis(None)
    expectation = _EXPECTATION.search(text)
    if expectation and not (inform_kamer or send_kamer or passive_inform):
        # an act the sentence opens with keeps its promise through a "kunnen" later on: "Het
        # ministerie laat in 2023 berekenen welke concentraties daar kunnen optreden"
        if not (
            future_lead
            and confidence == 0.7
            and expectation.group(0).lower() in ("kunnen", "zou", "zouden")
        ):
            return Analysis(None)
    return Analysis("commitment", _kind(kind_text), _actor(text, speaker), confidence)
