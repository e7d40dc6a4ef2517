"""Letter metadata: date, addressee, Kamerstuk number, dossier, subject, signatories and
ministry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .deadlines import MONTHS

__all__ = ["LetterMeta", "Signatory", "parse_metadata", "parse_subject"]


@dataclass(frozen=True)
class Signatory:
    name: str | None
    office: str

    def label(self) -> str:
        """ "Minister van Buitenlandse Zaken, A.G. Koenders", as the labels write it."""
        return f"{self.office}, {self.name}" if self.name else self.office


@dataclass(frozen=True)
class LetterMeta:
    date: dt.date | None = None
    date_inferred: bool = False
    addressee: str | None = None
    kamerstuk: str | None = None
    dossier: str | None = None
    signatories: list[Signatory] = field(default_factory=list)
    ministry: str | None = None
    subject: str = ""


_MONTH = (
    r"(?P<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december)"
)
_DATE_LINE = re.compile(
    r"(?:Den\s+Haag|'s-Gravenhage|’s-Gravenhage|Datum|Utrecht|Rijswijk|\(\s*ontvangen|"
    r"[Dd]atum\s+(?:brief|verzending))\s*[,:]?\s*"
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?"
    r"(?P<day>[0-3]?\d)\s+" + _MONTH + r"\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A numeric date in a page head: "datum: 2025-07-21" (parliament's document pages),
# "11-03-2009 | Kamerstuk" (a ministry's news copy). Only looked for near the top.
_NUMERIC_HEAD_DATE = re.compile(
    r"\b[Dd]atum\s*:?\s*(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"
    r"|(?:\b[Dd]atum\s*:?\s*|^[ \t]*)(?P<d2>[0-3]?\d)-(?P<m2>[01]?\d)-(?P<y2>(?:19|20)\d\d)\b",
    re.MULTILINE,
)
_HEAD_CHARS = 800
_ADDRESSEE = re.compile(
    r"(?:Aan\s+)?(?:de\s+)?(?:Voorzitter|voorzitter)\s+van\s+de\s+(?P<kamer>Tweede|Eerste)\s+"
    r"Kamer",
)
_FOOTER = re.compile(
    r"(?P<kamer>Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s+"
    r"(?P<dossier>\d{2}\s?\d{3}(?:\s?-\s?[\w]+)?),\s+(?:nr\.\s*)?(?P<nr>[A-Z]{1,3}|\d+)\b",
)
# The head of an official publication: "29 521 ... Nr. 408 BRIEF VAN DE MINISTER ..."
_HEAD_NUMBER = re.compile(
    r"^\s*(?:Nr\.\s*)?(?P<nr>\d{1,4}|[A-Z]{1,3})\s+BRIEF\s+VAN\b", re.MULTILINE
)
_HEAD_DOSSIER = re.compile(r"^\s*(?P<dossier>\d{2}\s\d{3}(?:-[\w]+)?)\s+[A-Z]", re.MULTILINE)
_KAMERSTUK_LINE = re.compile(
    r"^\s*Kamerstuk(?:ken)?\s*(?:nummer|nr\.?)?\s*:?\s*(?P<dossier>\d{2}\s?\d{3})\s*[-,]\s*"
    r"(?:nr\.\s*)?(?P<nr>\w+)\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_OFFICE = re.compile(
    r"^[ \t]*(?:De|de)\s+(?P<office>(?:Minister-President|Minister-president|minister-president|"
    r"Minister|minister|Staatssecretaris|staatssecretaris)\b[^\n.;:]{0,120}?)[ \t]*,?[ \t]*$",
    re.MULTILINE,
)
_NAME = re.compile(
    r"^[ \t]*(?P<name>(?:[A-Z][a-z]{0,2}\.\s?){1,5}(?:(?:van|de|der|den|ter|in|'t|"
    r"te)\s+){0,3}[A-Z][\w'’-]+(?:[- ][A-Z][\w'’-]+)*)[ \t]*$",
    re.MULTILINE,
)
_MINISTRY_OF_MINISTER_FOR = {
    "buitenlandse handel": "Ministerie van Buitenlandse Zaken",
    "ontwikkelingssamenwerking": "Ministerie van Buitenlandse Zaken",
    "rechtsbescherming": "Ministerie van Justitie en Veiligheid",
    "medische zorg": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "langdurige zorg": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "primair en voortgezet onderwijs": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "basis- en voortgezet onderwijs": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "migratie": "Ministerie van Justitie en Veiligheid",
    "armoedebeleid": "Ministerie van Sociale Zaken en Werkgelegenheid",
    "klimaat": "Ministerie van Economische Zaken en Klimaat",
    "natuur": "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    "volkshuisvesting": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "sport": "Ministerie van Volksgezondheid, Welzijn en Sport",
}
_DAY_DATE = re.compile(
    r"\b(?P<day>[0-3]?\d)\s+" + _MONTH + r"(?:\s+(?P<year>(?:19|20)\d\d))?"
    r"(?P<tail>\s+(?:jl\.?|j\.l\.|jongstleden|a\.s\.|aanstaande))?",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)


def _normalise_office(office: str) -> str:
    office = re.sub(r"\s+", " ", office).strip().rstrip(",")
    return office[:1].upper() + office[1:]


def _signatories(text: str) -> list[Signatory]:
    tail_start = max(0, len(text) - 3000)
    tail = text[tail_start:]
    found: list[Signatory] = []
    for match in _OFFICE.finditer(tail):
        office = _normalise_office(match.group("office"))
        if len(office.split()) > 14:
            continue
        rest = tail[match.end() :].lstrip("\r\n")
        first_line = rest.split("\n", 1)[0]
        name_match = _NAME.match(first_line)
        name = name_match.group("name").strip() if name_match else None
        if not name and not match.group(0).rstrip().endswith(","):
            continue  # "de minister van X" inside a sentence, not a signature
        found.append(Signatory(name, office))
    return found


# Answers to written questions: "Antwoord van Minister Van der Wal-Zeggelink (Natuur en Stikstof)"
_ANSWERED_BY = re.compile(
    r"\bAntwoord\s+van\s+(?:de\s+)?(?P<office>[Mm]inister|[Ss]taatssecretaris)\s+"
    r"(?P<name>[A-Z][\w'’\- ]{1,60}?)\s*\((?P<portfolio>[A-Z][^()]{2,80})\)"
)
# The letterhead of a rijksoverheid.nl letter: "Ministerie van Economische Zaken en Klimaat"
_LETTERHEAD_MINISTRY = re.compile(
    r"^[ \t]*(?P<ministry>Ministerie[ \t]+van[ \t]+[A-Z][\w\-]*(?:,?[ \t]+(?:[A-Z][\w\-]*|en))*)"
    r"[ \t]*$",
    re.MULTILINE,
)


# The masthead of an official publication: "Tweede Kamer der Staten-Generaal"
_HEAD_KAMER = re.compile(
    r"^\s*(?P<kamer>Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal", re.MULTILINE
)


def _answered_by(text: str) -> list[Signatory]:
    match = _ANSWERED_BY.search(text[:4000])
    if not match:
        return []
    portfolio = re.sub(r"\s+", " ", match.group("portfolio")).strip()
    linker = "voor" if any(key in portfolio.lower() for key in _MINISTRY_OF_MINISTER_FOR) else "van"
    office = f"{match.group('office').capitalize()} {linker} {portfolio}"
    return [Signatory(re.sub(r"\s+", " ", match.group("name")).strip(), office)]


def _ministry(signatories: list[Signatory], text: str = "") -> str | None:
    if head := _LETTERHEAD_MINISTRY.search(text[:2500]):
        return re.sub(r"\s+", " ", head.group("ministry")).strip()
    if not signatories:
        return None
    office = signatories[0].office
    match = re.search(r"\b(van|voor)\s+(.+)$", office)
    if not match:
        return None
    portfolio = match.group(2).strip()
    if match.group(1) == "van":
        return f"Ministerie van {portfolio}"
    lowered = portfolio.lower()
    for key, ministry in _MINISTRY_OF_MINISTER_FOR.items():
        if key in lowered:
            return ministry
    return None


_AHEAD_BEFORE = re.compile(
    r"(?:\btot(?:\s+en\s+met)?|\bt/m|\buiterlijk|\bvoor|\bvóór|\bvanaf|\bper|\bna|\bin|"
    r"\bm\.i\.v\.|\bbinnen)\s*$",
    re.IGNORECASE,
)


def _past_day_dates(text: str) -> list[tuple[re.Match[str], str]]:
    """Day-precise dates that may be events before the letter (not "tot en met 30 juni")."""
    out = []
    for match in _DAY_DATE.finditer(text):
        tail = (match.group("tail") or "").strip().lower()
        if tail.startswith(("a.s", "aanst")):
            continue  # a date ahead of the letter
        before = " ".join(text[max(0, match.start() - 20) : match.start()].split())
        if _AHEAD_BEFORE.search(before):
            continue
        out.append((match, tail))
    return out


def _infer_date(text: str) -> dt.date | None:
    """The latest dated event a letter without a date line mentions."""
    dated = _past_day_dates(text)
    years = [int(m.group("year")) for m, _ in dated if m.group("year")]
    if not years:
        years = [
            int(m.group("year"))
            for m in _MONTH_YEAR.finditer(text)
            if not _AHEAD_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
        ]
    if not years:
        return None
    base_year = max(years)
    latest: dt.date | None = None
    for match, _tail in dated:
        year = int(match.group("year")) if match.group("year") else base_year
        try:
            day = dt.date(year, MONTHS[match.group("month").lower()], int(match.group("day")))
        except ValueError:
            continue
        if latest is None or day > latest:
            latest = day
    return latest


def _numeric_head_date(head: str) -> dt.date | None:
    match = _NUMERIC_HEAD_DATE.search(head)
    if not match:
        return None
    year, month, day = (
        match.group("y", "m", "d") if match.group("y") else match.group("y2", "m2", "d2")
    )
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


# --- the subject ------------------------------------------------------------------------------
# Only a letter's head is read: the labels and the dossier title stand on its first page, and a
# bounded head keeps this linear whatever the letter holds (each regex below runs on one line).
_SUBJECT_HEAD_CHARS = 6000
SUBJECT_MAX = 500
# The longest a subject wraps: a letterhead's "Betreft" rarely takes more than three lines.
_SUBJECT_WRAP_LINES = 4
# "Betreft Voortgang ...", "Betreft: ...", "Onderwerp: ..." (never "Onderwerpen: ...", the
# topic tags of parliament's pages). The value is stripped in Python, not by a lazy group.
_SUBJECT_LABEL = re.compile(r"^[ \t]*(?:Betreft|Onderwerp)(?![\w-])[ \t]*:?(?P<value>.*)$")
# The lines of a letterhead's margin and salutation that end a wrapped subject.
_HEAD_LABEL = re.compile(
    r"^[ \t]*(?:>|www\.|https?:|(?:Datum|Betreft|Onderwerp|Kenmerk|Ons[ \t]+kenmerk|"
    r"Uw[ \t]+kenmerk|Onze[ \t]+referentie|Uw[ \t]+referentie|Referentie|Uw[ \t]+brief|"
    r"Bijlagen?|Bezoekadres|Postadres|Postbus|Contactpersoon|Inlichtingen|Telefoon|Fax|"
    r"E-mail|Correspondentie|Geachte|Pagina|Retouradres|Bij[ \t]+beantwoording|Kopie[ \t]+aan|"
    r"Doorkiesnummer|Behandeld[ \t]+door|Ministerie[ \t]+van|Directoraat|Directie|"
    r"Aan[ \t]+de|De[ \t]+[Vv]oorzitter|de[ \t]+[Vv]oorzitter|Den[ \t]+Haag|"
    r"[’'‘]s-Gravenhage)(?![\w-]))"
    r"|^[ \t]*\d{4}[ \t]?[A-Z]{2}\b"  # a postcode line of the address block
)
# A value that stands in the margin between two columns of a PDF's letterhead ("0" beside the
# subject is the number of attachments): skipped, it does not end the subject.
_STRAY_NUMBER = re.compile(r"^[ \t]*\d{1,3}[ \t]*$")
# The page title of a document copied from tweedekamer.nl: "Brief regering : Uitstel ...".
_TK_PAGE_TITLE = re.compile(r"^[ \t]*Brief[ \t]+regering[ \t]*:(?P<value>.*)$")
# An official publication: "29 521 Titel van het dossier" (or "35 925 III ...", "21 501-28 ...",
# "CII Nota ...") above "Nr. 408 BRIEF VAN DE MINISTER ..." (or "C BRIEF VAN", or "BRIEF VAN"
# under a line "Nr. 65").
_KST_BRIEF = re.compile(
    r"^[ \t]*(?:[Nn]r\.[ \t]*)?(?:\d{1,5}[ \t]+)?(?:[A-Z]{1,3}\d{0,2}[ \t]+)?(?:\d{1,4}[ \t]+)?"
    r"BRIEF[ \t]+VAN\b"
    r"|^[ \t]*\d{4,5}[ \t]+(?:[A-Z]{1,3}[ \t]+)?\d{1,4}[ \t]+Brief[ \t]+van\b"  # "34300 J 32 Brief van"
    r"|^[ \t]*[Nn]r\.[ \t]*\d{1,4}[ \t]*$",  # "Nr. 57" alone, the letter's number
    re.MULTILINE,
)
_KST_DOSSIER = (
    r"^[ \t]*(?:\d{2}[ \t]?\d{3}(?:[ \t]?-[ \t]?\w+)?|[IVXLC]{2,6})"
    r"(?:[ \t]+(?:[IVXL]{1,5}[A-Z]?|[A-Z]))?"  # the part of a budget: "III", "VIII", "A"
)
_KST_DOSSIER_TITLE = re.compile(_KST_DOSSIER + r"[ \t]+(?P<title>\S.*)$")
# The number alone ("19 637", "30 300 VIII"), its title on the next line.
_KST_DOSSIER_NUMBER = re.compile(_KST_DOSSIER + r"[ \t]*$")
_KST_NUMBER_LINE = re.compile(r"^[ \t]*[Nn]r\.[ \t]*\w+[ \t]*$")
_KST_HEAD_CHARS = 4000


def _join_wrapped(parts: list[str]) -> str:
    """Lines of one subject as one line: "Aanvullend" + "Zorg- en ..." with a space, and a word
    broken at the line's end ("schrifte-" + "lijke") whole again."""
    out = ""
    for part in parts:
        part = " ".join(part.split())
        if not part:
            continue
        if (
            out.endswith("-")
            and len(out) > 1
            and out[-2].isalpha()
            and part[:1].islower()
            and part.split(" ", 1)[0] not in ("en", "of", "tot")
        ):
            out = out[:-1] + part
        else:
            out = f"{out} {part}" if out else part
    return out[:SUBJECT_MAX].strip()


def _wrapped(lines: list[str], start: int, first: str) -> str:
    """A subject from `first` on, with the lines it wraps onto: up to a blank line, a letterhead
    label or the salutation. A line that ends in whitespace (a PDF's wrapped line) or a next line
    that cannot start a sentence ("aanpak ...", "(NPCE) ...") joins; anything else is the body."""
    parts = [first]
    previous = lines[start - 1]
    for line in lines[start : start + _SUBJECT_WRAP_LINES]:
        stripped = line.strip()
        if not stripped or _HEAD_LABEL.match(line):
            break
        if _STRAY_NUMBER.match(line):
            continue
        head = stripped[:1]
        if not (previous[-1:] in (" ", "\t") or head.islower() or head in "(«“\"'‘"):
            break
        parts.append(stripped)
        previous = line
    return _join_wrapped(parts)


def _labelled_subject(lines: list[str]) -> str | None:
    """The "Betreft"/"Onderwerp" of a letterhead; None without that label, "" when the label is
    there but its value cannot be told apart from the margin beside it."""
    for index, line in enumerate(lines):
        match = _SUBJECT_LABEL.match(line)
        if not match:
            continue
        value = match.group("value").strip()
        if value:
            if _HEAD_LABEL.match(value):
                return ""  # "Onderwerp Datum": two columns' labels on one line, values mixed
            return _wrapped(lines, index + 1, value)
        # The label alone: its value on the next line, or (a PDF that put the margin's columns
        # in another order) on the line right above it.
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if after.strip() and not _HEAD_LABEL.match(after) and not _STRAY_NUMBER.match(after):
            return _wrapped(lines, index + 2, after)
        before = lines[index - 1] if index else ""
        if before.strip() and not _HEAD_LABEL.match(before) and not _STRAY_NUMBER.match(before):
            return _join_wrapped([before])
        return ""
    return None


def _dossier_title(head: str) -> str:
    """The title of the dossier an official publication belongs to, above its "BRIEF VAN":
    the first dossier's, where a letter belongs to several."""
    brief = _KST_BRIEF.search(head)
    if not brief:
        return ""
    lines = head[: brief.start()].splitlines()
    for index, line in enumerate(lines):
        if _KST_DOSSIER_NUMBER.match(line):
            parts = []
        elif match := _KST_DOSSIER_TITLE.match(line):
            parts = [match.group("title")]
        else:
            continue
        for more in lines[index + 1 : index + 1 + _SUBJECT_WRAP_LINES]:
            if (
                not more.strip()
                or _KST_DOSSIER_NUMBER.match(more)
                or _KST_DOSSIER_TITLE.match(more)
                or _KST_NUMBER_LINE.match(more)
            ):
                break
            parts.append(more)
        return _join_wrapped(parts)
    return ""


def parse_subject(text: str) -> str:
    """What a letter is about, as it says itself: its letterhead's "Betreft" or "Onderwerp",
    the title of its page on tweedekamer.nl, or in an official publication the title of its
    dossier. "" when it says none of these: no guess from the body."""
    head = text[:_SUBJECT_HEAD_CHARS]
    lines = head.splitlines()
    labelled = _labelled_subject(lines)
    if labelled is not None:
        return labelled
    for line in lines[:5]:
        if page := _TK_PAGE_TITLE.match(line):
            return _join_wrapped([page.group("value")])
    return _dossier_title(text[:_KST_HEAD_CHARS])


def parse_metadata(text: str) -> LetterMeta:
    date_match = _DATE_LINE.search(text)
    date: dt.date | None = None
    inferred = False
    if date_match:
        try:
            date = dt.date(
                int(date_match.group("year")),
                MONTHS[date_match.group("month").lower()],
                int(date_match.group("day")),
            )
        except ValueError:
            date = None
    if date is None:
        date = _numeric_head_date(text[:_HEAD_CHARS])
    if date is None:
        date = _infer_date(text)
        inferred = date is not None

    addressee = None
    kamerstuk = dossier = None
    if match := _ADDRESSEE.search(text):
        addressee = f"{match.group('kamer')} Kamer"
    elif head_kamer := _HEAD_KAMER.search(text[:600]):
        addressee = f"{head_kamer.group('kamer')} Kamer"
    if footer := _FOOTER.search(text):
        addressee = addressee or f"{footer.group('kamer')} Kamer"
        dossier = re.sub(r"\s", "", footer.group("dossier"))
        kamerstuk = f"{dossier}-{footer.group('nr')}"
    elif line := _KAMERSTUK_LINE.search(text[:3000]):
        dossier = re.sub(r"\s", "", line.group("dossier"))
        kamerstuk = f"{dossier}-{line.group('nr')}"
    else:
        head = text[:1500]
        number = _HEAD_NUMBER.search(head)
        head_dossier = _HEAD_DOSSIER.search(head)
        if number and head_dossier:
            dossier = re.sub(r"\s", "", head_dossier.group("dossier"))
            kamerstuk = f"{dossier}-{number.group('nr')}"
    signatories = _signatories(text) or _answered_by(text)
    return LetterMeta(
        date=date,
        date_inferred=inferred,
        addressee=addressee,
        kamerstuk=kamerstuk,
        dossier=dossier,
        signatories=signatories,
        ministry=_ministry(signatories, text),
        subject=parse_subject(text),
    )
