"""The shared fragments the extractor's rules are written in: who speaks for the government,
the Kamer as receiver, the verbs of informing and sending, documents, months.

Each fragment is a regex source string without groups that capture, so rules can be composed
from them (`GOV_FIRST + r"\\s+" + MODAL`). A new way to name the government or the Kamer is one
change here, and every rule that speaks of them learns it.
"""

from __future__ import annotations

# --- who acts -------------------------------------------------------------------------------

# The speakers of a letter in the first person, or the cabinet: the subject of most promises.
GOV_FIRST = r"(?:ik|wij|we|het\s+kabinet)"
# The same in person only (no cabinet): "zend ik", "stel ik voor".
PERSON = r"(?:ik|wij|we)"
# The government named in full, as subject of a future act: a minister by office, the cabinet,
# the ministry, Nederland speaking for the government, and its people abroad.
GOV = (
    r"(?:ik|wij|we|het\s+kabinet|kabinet|de\s+regering|nederland|"
    r"de\s+(?:ministers?(?:-president)?|staatssecretaris|premier)(?:\s+(?:van|voor)\s+"
    r"[a-zà-ÿ&,\- ]{2,80}?)?|mijn\s+ministerie|het\s+ministerie(?:\s+van\s+[a-zà-ÿ, ]{2,60}?)?|"
    # "Nederlandse militairen zullen ... trainen" is labelled a commitment in the seed letters
    # (fixtures/), though issue 8 names it a false proposal: recall first, it stays
    r"defensie|(?:de\s+)?nederlandse\s+(?:militairen|ambassade|regering|overheid|delegatie|"
    r"eenheid|eenheden|troepen|mariniers|trainers|marine|defensie)|mijn\s+ambtgeno(?:ot|te)|"
    r"de\s+bewindspersonen|wij\s+als\s+kabinet|(?:onze|beide)\s+ministeries|"
    r"de\s+nederlandse\s+overheidsinstanties|"
    # a ministry by its initials and the executive services under it: "VWS zal de eilanden
    # ondersteunen", "Rijkswaterstaat zal vaker externe deskundigheid betrekken"
    r"(?:het\s+ministerie\s+van\s+)?(?:vws|ocw|szw|bzk|ezk|lnv|ienw|jenv|el&i|ienm|venj|bz|ez|"
    r"fin|az)\b|rijkswaterstaat|de\s+rcn-unit\s+\w+|"
    # the executive services of a ministry, which carry out what it decides: "Aan beide personen
    # zal de IND excuses aanbieden", "De Belastingdienst zal ..."
    r"de\s+(?:ind|belastingdienst|douane|dienst\s+justitiële\s+inrichtingen|koninklijke\s+marechaussee)\b|"
    r"(?:de\s+)?(?:duo|rvo|uht)\b|het\s+(?:zvk|zorgverzekeringskantoor)\b)"
)
# The government as the one a request is put to: "heeft mij verzocht", "vraagt het kabinet".
GOV_ADDRESSED = r"(?:mij|ons|het\s+kabinet|de\s+regering)"

# --- who receives ---------------------------------------------------------------------------

KAMER = r"(?:uw\s+kamer|de\s+(?:tweede\s+|eerste\s+)?kamers?|u|beide\s+kamers|het\s+parlement)"
# The Kamer addressed as "u" or "uw Kamer" only (telling it something now).
KAMER_ADDRESSED = r"(?:u|uw\s+kamer)"

# --- verbs ----------------------------------------------------------------------------------

# The future: modal verbs, and "gaan" as a future auxiliary.
MODAL = r"(?:zal|zullen|zult)"
FUTURE = r"(?:zal|zullen|ga|gaat|gaan)"
# Connectives after which a clause opens with its subject: "..., en het kabinet zal ..."
CONNECTIVE = r"(?:dat|en|maar|ook|daarom|tevens|verder|vervolgens|hierna)"

# "kom ik hierop terug", "Ik kom daar voor de zomer op terug"
COME_BACK = (
    r"\b(?:kom|komt|komen)\s+" + GOV_FIRST + r"\s+(?:\w+\s+){0,8}?terug\b|"
    # the subject said once for two verbs: "Ik onderzoek de mogelijkheden en kom daarop terug"
    r"^\W*(?:ik|wij|we)\s+\w+\b[^.;]{0,120}?\sen\s+(?:kom|komen)\s+(?:\w+\s+){0,6}?terug\b|"
    r"\b" + GOV_FIRST + r"\s+(?:kom|komt|komen)\s+(?:\w+\s+){0,8}?terug\b"
)
INFORM_VERB = (
    r"(?:informeren|geïnformeerd|informeer|informeert|inlichten|ingelicht|berichten|"
    r"rapporteren|rapporteer|rapporteert|op\s+de\s+hoogte\s+(?:worden\s+|te\s+)?(?:stellen|houden|brengen|gesteld|"
    r"gehouden|gebracht)|"
    r"laten\s+weten|nader\s+(?:toelichten|berichten)|een\s+update\s+geven|verslag\s+(?:doen|"
    r"uitbrengen)|terugkomen|terugkom|terugkomt|(?:kom|komt|komen)\s+(?:ik|het\s+kabinet|wij|we)"
    r"\s+(?:\w+\s+){0,8}?terug)"
)
SEND_VERB = (
    r"(?:sturen|stuur|stuurt|toesturen|toegestuurd|zenden|zend|toezenden|toegezonden|"
    r"toekomen|toekomt|doen\s+toekomen|aanbieden|aangeboden|voorleggen|voorgelegd|"
    r"ontvangt|ontvangen|verzenden|verstuurd|gestuurd|gezonden|tegemoet\s*(?:te\s+)?zien|"
    r"delen|gedeeld|indienen|in\s+te\s+(?:kunnen\s+)?dienen|toegaan|toegaat)"
)
# Participles of an informing or sending done to the Kamer, in the passive.
INFORMED = (
    r"(?:geïnformeerd|ingelicht|op\s+de\s+hoogte\s+(?:gesteld|gehouden|gebracht)|toegestuurd|"
    r"toegezonden|aangeboden|gestuurd|verstuurd|gedeeld)"
)
# Participles of a government act (future passive): "zal worden meegenomen".
ACT_PARTICIPLE = (
    r"(?:meegenomen|opgenomen|uitgewerkt|onderzocht|aangepast|opgesteld|gepubliceerd|ingediend|"
    r"voorgelegd|geëvalueerd|betrokken|verkend|aangescherpt|vastgesteld|herzien|gewijzigd|"
    r"in\s+kaart\s+gebracht|in\s+beeld\s+gebracht|ingegaan|bezien|bekeken|uitgevoerd|geleverd|"
    r"verduidelijkt|gerapporteerd|besloten|gestart|ingevoerd|uitgebreid|opengesteld|ingesteld|"
    r"verstrekt|gegeven|gecorrigeerd|beoordeeld|gereageerd|gedeeld|in\s+gang\s+gezet|geactiveerd|"
    r"verzonden|toegezonden|in\s+het\s+leven\s+geroepen|voortgezet|gevoerd|besteed|gekoppeld|"
    r"georganiseerd|ontwikkeld|afgerond|getoetst|gemonitord|openbaar\s+gemaakt|bekendgemaakt|"
    r"bekend\s+gemaakt|uitgebracht|ingezet|ingepast|verhoogd|geconsulteerd|herijkt|aangevangen|"
    r"onder\s+(?:de\s+)?aandacht\s+gebracht)"
)
# Verbs that report an earlier statement: "heb ik aangegeven", "is toegezegd".
REPORT_VERB = (
    r"(?:aangegeven|gemeld|meegedeeld|medegedeeld|bericht|laten\s+weten|aangekondigd|"
    r"beloofd|toegezegd|geschreven|verzekerd)"
)

# --- things sent ----------------------------------------------------------------------------

DOCUMENT = (
    r"(?:\w*brief|\w*strategie|\w*nota|\w*rapportage|notitie|\w*evaluatie|\w*verslag|\w*plan|"
    r"\w*visie|\w*agenda|wetsvoorstel|\w*reactie|\w*analyse|\w*overzicht|\w*begroting|"
    r"\w*rapport|\w*monitor|\w*doorlichting)"
)
# This letter itself, as the thing that does the act: "met deze brief", "hierbij".
THIS_LETTER = (
    r"(?:met\s+deze\s+(?:brief|notitie|kamerbrief|reactie)|hierbij|(?<!verband\s)hiermee|"
    r"middels\s+deze\s+brief|via\s+deze\s+brief|in\s+deze\s+brief|bijgaand|in\s+de\s+bijlage|"
    r"in\s+bijlage)"
)

# --- time -----------------------------------------------------------------------------------

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "febr": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# The months written out, longest first, as one alternation.
MONTH_NAMES = (
    r"(?:"
    + "|".join(
        sorted(
            (m for m in MONTHS if len(m) > 4 or m in ("mei", "juni", "juli")), key=len, reverse=True
        )
    )
    + r")"
)

# --- the Eerste Kamer's register of toezeggingen ------------------------------------------

# An item's number in the register: "Toezegging Evaluatie van de wet (34.255) (T02343)".
REGISTER_NUMBER = r"\(T\d{5}\)"
# The minister in the third person at a sentence's start, as the register words its items:
# "De minister van VWS zegt de Kamer ... toe", "2. De staatssecretaris zal ..."
MINISTER_THIRD_PERSON = (
    r"^\W*(?:\d+\.\s*)?(?:de\s+)?(?:minister|staatssecretaris|minister-president)\b"
)
