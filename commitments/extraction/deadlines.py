"""Dutch deadline phrases ("voor de zomer", "in het derde kwartaal van 2024") and their due dates.

Written by hand because general date parsers misread Dutch government phrasing ("begin 2021"
as the end of 2021, "12 april jl." as next year). The due date is the latest date a phrase
allows, by the table in the labelling guidelines; where the year is left out, it is the first
such period ending on or after the reference (letter) date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Deadline", "parse_deadline", "find_deadlines", "prinsjesdag", "NUMBER_WORDS"]


@dataclass(frozen=True)
class Deadline:
    """A time phrase found in a text; start/end are offsets into that text (end exclusive)."""

    phrase: str
    start: int
    end: int
    due: dt.date | None
    # "date" (a period or day), "relative" (from the reference date), "vague" (soon),
    # "conditional" (no date: "tijdig", "zodra ...")
    kind: str = "date"


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
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("mei", "juni", "juli")]
MONTH = r"(?P<month>" + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True)) + r")"

NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "achttien": 18,
    "twintig": 20,
    "dertig": 30,
    "enkele": 3,
    "een paar": 3,
    "een aantal": 3,
    "anderhalve": 1.5,
    "anderhalf": 1.5,
    "half": 0.5,
    "halve": 0.5,
}
NUMBER = r"(?P<num>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
UNIT_DAYS = {
    "dag": 1,
    "dagen": 1,
    "week": 7,
    "weken": 7,
    "maand": 30.5,
    "maanden": 30.5,
    "jaar": 365,
    "jaren": 365,
    "werkdag": 1.4,
    "werkdagen": 1.4,
}

# "2024", "dit jaar", "volgend jaar": the year a period belongs to; optional in most phrases.
YEAR = (
    r"(?:(?P<year>(?:19|20)\d\d)\b|(?P<yrel>dit jaar|dit kalenderjaar|het lopende jaar|"
    r"volgend jaar|het volgende jaar|komend jaar|het komende jaar|volgend kalenderjaar))"
)
OPT_YEAR = r"(?:\s+(?:van\s+)?(?:het\s+jaar\s+)?" + YEAR + r")?"
ORDINALS = {
    "eerste": 1,
    "1e": 1,
    "1ste": 1,
    "tweede": 2,
    "2e": 2,
    "2de": 2,
    "derde": 3,
    "3e": 3,
    "3de": 3,
    "vierde": 4,
    "4e": 4,
    "4de": 4,
    "laatste": 4,
}
ORDINAL = r"(?P<ord>eerste|tweede|derde|vierde|laatste|[1-4](?:e|ste|de))"
WEEKDAYS = {
    "maandag": 0,
    "dinsdag": 1,
    "woensdag": 2,
    "donderdag": 3,
    "vrijdag": 4,
    "zaterdag": 5,
    "zondag": 6,
}

# A phrase followed by one of these points back in time ("12 april jl."): not a deadline.
_BACKWARD_AFTER = re.compile(
    r"^\s*(?:jl\.?|j\.l\.|jongstleden|afgelopen\b|geleden\b)", re.IGNORECASE
)
# Dates of documents and events referred to ("brief van 7 oktober", "d.d. 30 september 2022").
# ... but "met ingang van 1 januari 2023" is when something starts
_TAKES_EFFECT_BEFORE = re.compile(r"\bmet\s+ingang\s+van\s*$", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(
    r"(?:\bd\.d\.|\bdd\.?|\bvan|\bgedateerd|\bsinds|\bvanaf|\bsedert|\bper brief van|\bop|"
    r"\bnr\.|,)\s*$",
    re.IGNORECASE,
)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def prinsjesdag(year: int) -> dt.date:
    """The third Tuesday of September, when the budget is presented."""
    first = dt.date(year, 9, 1)
    first_tuesday = first + dt.timedelta(days=(1 - first.weekday()) % 7)
    return first_tuesday + dt.timedelta(days=14)


def verantwoordingsdag(year: int) -> dt.date:
    """The third Wednesday of May, when the annual accounts are presented."""
    first = dt.date(year, 5, 1)
    first_wednesday = first + dt.timedelta(days=(2 - first.weekday()) % 7)
    return first_wednesday + dt.timedelta(days=14)


Resolver = Callable[[int], dt.date]


def _in_year(
    match: re.Match[str],
    period_end: Resolver,
    reference: dt.date | None,
) -> dt.date | None:
    """Due date of a yearly period: the named year, or the first one ending on/after reference."""
    groups = match.groupdict()
    year = groups.get("year")
    if year:
        return period_end(int(year))
    yrel = groups.get("yrel")
    if yrel:
        if reference is None:
            return None
        offset = 1 if ("volgend" in yrel or "komend" in yrel) else 0
        return period_end(reference.year + offset)
    if reference is None:
        return None
    for candidate in (reference.year, reference.year + 1):
        due = period_end(candidate)
        if due >= reference:
            return due
    return period_end(reference.year + 1)


def _fixed(month: int, day: int) -> Resolver:
    return lambda year: dt.date(year, month, day)


def _month_day(match: re.Match[str], qualifier: str | None) -> Resolver:
    month = MONTHS[match.group("month").lower().rstrip(".")]
    if qualifier == "begin":
        return lambda year: dt.date(year, month, 10)
    if qualifier == "medio":
        return lambda year: dt.date(year, month, 15)
    if qualifier == "before":
        # "voor juni": the day before the month starts
        return lambda year: dt.date(year, month, 1) - dt.timedelta(days=1)
    return lambda year: _last_day(year, month)


def _number(text: str) -> float:
    text = text.lower()
    return float(text) if text.isdigit() else float(NUMBER_WORDS[text])


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], dt.date | None], dt.date | None]
    kind: str = "date"
    # the span of time the phrase leaves open, to prefer the most specific phrase
    width_days: int = 30
    # every match holds one of these (lower case, one word each): a substring test is far
    # cheaper than the pattern, and most sentences hold no time phrase at all
    needs: tuple[str, ...] = ()


def _rule(
    pattern: str,
    resolve: Callable[[re.Match[str], dt.date | None], dt.date | None],
    kind: str = "date",
    width_days: int = 30,
    needs: tuple[str, ...] = (),
) -> _Rule:
    return _Rule(re.compile(pattern, re.IGNORECASE), resolve, kind, width_days, needs)


def _period(period_end: Resolver) -> Callable[[re.Match[str], dt.date | None], dt.date | None]:
    return lambda m, ref: _in_year(m, period_end, ref)


def _quarter(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    groups = m.groupdict()
    raw = (groups.get("ord") or groups.get("qnum") or "").lower()
    quarter = ORDINALS.get(raw) or int(raw[0])
    return _in_year(m, lambda y: _last_day(y, quarter * 3), ref)


def _trimester(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    third = min(ORDINALS.get(m.group("ord").lower()) or int(m.group("ord")[0]), 3)
    return _in_year(m, lambda y: _last_day(y, third * 4), ref)


def _half(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    first = m.group("ord").lower() in ("eerste", "1e", "1ste")
    return _in_year(
        m, (lambda y: dt.date(y, 6, 30)) if first else (lambda y: dt.date(y, 12, 31)), ref
    )


def _month_rule(qualifier: str | None):
    return lambda m, ref: _in_year(m, _month_day(m, qualifier), ref)


def _explicit_date(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    day = int(m.group("day"))
    month = MONTHS[m.group("month").lower().rstrip(".")]
    try:
        resolve: Resolver = lambda y: dt.date(y, month, day)  # noqa: E731
        if m.group("year"):
            return resolve(int(m.group("year")))
        if ref is None:
            return None
        due = resolve(ref.year)
        return due if due >= ref else resolve(ref.year + 1)
    except ValueError:  # "31 april"
        return None


def _numeric_date(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    try:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _weekday(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    target = WEEKDAYS[m.group("weekday").lower()]
    ahead = (target - ref.weekday()) % 7 or 7
    return ref + dt.timedelta(days=ahead)


def _relative(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    days = _number(m.group("num")) * UNIT_DAYS[m.group("unit").lower()]
    return ref + dt.timedelta(days=round(days))


def _plus(days: int):
    return lambda m, ref: None if ref is None else ref + dt.timedelta(days=days)


def _prinsjesdag(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    return _in_year(m, prinsjesdag, ref)


def _verantwoordingsdag(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    return _in_year(m, verantwoordingsdag, ref)


def _no_date(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    return None


def _next_year(month: int, day: int):
    return lambda m, ref: None if ref is None else dt.date(ref.year + 1, month, day)


def _this_year_end(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    return None if ref is None else dt.date(ref.year, 12, 31)


# the words one of which every month or year phrase holds, for the rules' needs
_MONTH_WORDS = tuple(MONTHS)
_YEAR_WORDS = ("19", "20", "jaar")
_BEFORE = r"(?:uiterlijk\s+|nog\s+|ruim\s+|ergens\s+|rond\s+|omstreeks\s+)?"
_VOOR = r"(?:v[oó]{2}r|uiterlijk|ruim\s+v[oó]{2}r)"

RULES: list[_Rule] = [
    # explicit days
    _rule(
        r"\b(?:(?:op|per|uiterlijk|v[oó]{2}r|tot|m\.?i\.?v\.?)\s+)?(?:(?:maandag|dinsdag|"
        r"woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?(?P<day>[0-3]?\d)\s+"
        + MONTH
        + r"(?:\s+(?P<year>(?:19|20)\d\d))?(?:\s+(?:a\.?s\.?|aanstaande))?",
        _explicit_date,
        width_days=1,
        needs=_MONTH_WORDS,
    ),
    _rule(
        r"\b(?:(?:op|per|uiterlijk|v[oó]{2}r)\s+)?(?P<d>[0-3]?\d)-(?P<m>[01]?\d)-(?P<y>20\d\d)\b",
        _numeric_date,
        width_days=1,
        needs=("-20",),
    ),
    _rule(
        r"\b(?:aanstaande|komende|volgende)\s+(?P<weekday>maandag|dinsdag|woensdag|"
        r"donderdag|vrijdag|zaterdag|zondag)\b",
        _weekday,
        width_days=1,
        needs=("dag",),
    ),
    # recesses, the budget cycle
    _rule(
        r"\b" + _VOOR + r"\s+(?:het\s+)?(?:zomerreces|zomer\s*reces|zomervakantie|"
        r"de\s+zomer(?:vakantie)?)" + OPT_YEAR,
        _period(_fixed(7, 1)),
        width_days=120,
        needs=("zomer",),
    ),
    _rule(
        r"\b" + _VOOR + r"\s+het\s+einde?\s+van\s+(?:het\s+)?(?:zomerreces|zomer\s*reces|"
        r"de\s+zomervakantie)" + OPT_YEAR,
        _period(_fixed(9, 1)),
        width_days=60,
        needs=("zomer",),
    ),
    _rule(
        r"\b(?:na|direct\s+na|kort\s+na|meteen\s+na)\s+(?:het\s+)?(?:zomerreces|zomer\s*reces|"
        r"de\s+zomer(?:vakantie)?)" + OPT_YEAR,
        _period(_fixed(9, 30)),
        width_days=90,
        needs=("zomer",),
    ),
    # not in the guidelines' table: the end of August, within a month of both readings seen
    # ("rond de zomer" as midsummer, 31 July; "in de zomer" as its end, 22 September)
    _rule(
        r"\b(?:in|gedurende|tijdens|deze|komende|rond|omstreeks)\s+(?:de\s+)?zomer(?:periode)?"
        + OPT_YEAR,
        _period(_fixed(8, 31)),
        width_days=90,
        needs=("zomer",),
    ),
    _rule(
        r"\b" + _VOOR + r"\s+(?:het\s+)?(?:kerstreces|kerst\s*reces|de\s+kerst(?:vakantie)?|"
        r"kerst|de\s+jaarwisseling|het\s+einde\s+van\s+het\s+kalenderjaar)" + OPT_YEAR,
        _period(_fixed(12, 20)),
        width_days=90,
        needs=("kerst", "jaarwisseling", "kalenderjaar"),
    ),
    # not in the guidelines' table: the turn of the year as the year's end
    _rule(
        r"\b(?:rond|rondom|omstreeks|bij)\s+de\s+jaarwisseling" + OPT_YEAR,
        _period(_fixed(12, 31)),
        width_days=60,
        needs=("jaarwisseling",),
    ),
    _rule(
        r"\bna\s+(?:het\s+)?(?:kerstreces|de\s+kerst(?:vakantie)?|de\s+jaarwisseling)",
        _next_year(1, 31),
        width_days=60,
        needs=("kerst", "jaarwisseling"),
    ),
    _rule(
        r"\b" + _VOOR + r"\s+(?:het\s+)?herfstreces" + OPT_YEAR,
        _period(_fixed(10, 15)),
        width_days=60,
        needs=("herfstreces",),
    ),
    _rule(
        r"\bna\s+(?:het\s+)?herfstreces" + OPT_YEAR,
        _period(_fixed(11, 30)),
        width_days=60,
        needs=("herfstreces",),
    ),
    _rule(
        r"\b" + _VOOR + r"\s+(?:het\s+)?(?:voorjaarsreces|krokusreces|de\s+krokusvakantie|"
        r"het\s+krokus\s*reces)" + OPT_YEAR,
        _period(_fixed(2, 15)),
        width_days=60,
        needs=("voorjaarsreces", "krokus"),
    ),
    _rule(
        r"\bna\s+(?:het\s+)?(?:voorjaarsreces|krokusreces|de\s+krokusvakantie)" + OPT_YEAR,
        _period(_fixed(3, 31)),
        width_days=60,
        needs=("voorjaarsreces", "krokus"),
    ),
    _rule(
        r"\b" + _VOOR + r"\s+het\s+einde?\s+van\s+(?:het\s+)?(?:meireces|mei\s*reces|de\s+"
        r"meivakantie)" + OPT_YEAR,
        _period(_fixed(5, 12)),
        width_days=45,
        needs=("mei",),
    ),
    _rule(
        r"\b" + _VOOR + r"\s+(?:het\s+)?(?:meireces|mei\s*reces|de\s+meivakantie)" + OPT_YEAR,
        _period(_fixed(4, 25)),
        width_days=60,
        needs=("mei",),
    ),
    _rule(
        r"\b(?:(?:v[oó]{2}r|op|met|rond|bij|uiterlijk\s+(?:op|met)?)\s+)?Prinsjesdag" + OPT_YEAR,
        _prinsjesdag,
        width_days=7,
        needs=("prinsjesdag",),
    ),
    _rule(
        r"\b(?:(?:v[oó]{2}r|op|met|rond|bij|uiterlijk\s+(?:op|met)?)\s+)?Verantwoordingsdag"
        + OPT_YEAR,
        _verantwoordingsdag,
        width_days=7,
        needs=("verantwoordingsdag",),
    ),
    _rule(
        r"\b(?:v[oó]{2}r|voorafgaand\s+aan|bij|tijdens|ruim\s+v[oó]{2}r)\s+de\s+"
        r"(?:behandeling\s+van\s+de\s+(?:\w+\s+)?begroting|begrotingsbehandeling(?:en)?|"
        r"\w*begrotingsbehandeling)" + OPT_YEAR,
        _period(_fixed(11, 15)),
        width_days=60,
        needs=("begroting",),
    ),
    # quarters and halves
    _rule(
        r"\b(?:in\s+|gedurende\s+|uiterlijk\s+in\s+|v[oó]{2}r\s+het\s+einde\s+van\s+)?(?:het\s+)?"
        + ORDINAL
        + r"\s+kwartaal"
        + OPT_YEAR,
        _quarter,
        width_days=90,
        needs=("kwartaal",),
    ),
    # trimesters (thirds of a year), as some ministries plan: "in het derde trimester van 2015"
    _rule(
        r"\b(?:in\s+|gedurende\s+|uiterlijk\s+in\s+|v[oó]{2}r\s+)?(?:het\s+)?"
        + ORDINAL
        + r"\s+trimester"
        + OPT_YEAR,
        _trimester,
        width_days=120,
        needs=("trimester",),
    ),
    _rule(
        r"\b(?:in\s+)?(?:het\s+)?(?:Q|K)(?P<qnum>[1-4])(?:\s+|-|\s+van\s+)" + YEAR,
        _quarter,
        width_days=90,
        needs=("q1", "q2", "q3", "q4", "k1", "k2", "k3", "k4"),
    ),
    _rule(
        r"\b(?:in\s+|gedurende\s+|uiterlijk\s+in\s+)?(?:de|het)\s+"
        + ORDINAL
        + r"\s+(?:helft|halfjaar|jaarhelft)"
        + OPT_YEAR,
        _half,
        width_days=182,
        needs=("helft", "halfjaar"),
    ),
    # seasons
    _rule(
        r"\b(?:in\s+(?:het\s+)?|dit\s+|komend\s+|komende\s+|het\s+komende\s+|uiterlijk\s+in\s+"
        r"(?:het\s+)?)?(?:voorjaar|lente)\b" + OPT_YEAR,
        _period(_fixed(6, 20)),
        width_days=90,
        needs=("voorjaar", "lente"),
    ),
    _rule(
        r"\b(?:in\s+(?:het\s+)?|dit\s+|komend\s+|komende\s+|het\s+komende\s+|uiterlijk\s+in\s+"
        r"(?:het\s+)?)?(?:najaar|de\s+herfst)\b" + OPT_YEAR,
        _period(_fixed(12, 20)),
        width_days=90,
        needs=("najaar", "herfst"),
    ),
    # qualified years and months: "begin 2024", "medio maart", "eind dit jaar"
    _rule(
        r"\b" + _BEFORE + r"(?:in\s+(?:het\s+)?)?(?:begin|aan\s+het\s+begin\s+van|het\s+begin"
        r"\s+van|begin\s+van)\s+" + MONTH + OPT_YEAR,
        _month_rule("begin"),
        width_days=10,
        needs=_MONTH_WORDS,
    ),
    _rule(
        r"\b" + _BEFORE + r"(?:medio|half|halverwege|midden)\s+" + MONTH + OPT_YEAR,
        _month_rule("medio"),
        width_days=10,
        needs=_MONTH_WORDS,
    ),
    _rule(
        r"\b" + _BEFORE + r"(?:(?:aan\s+het\s+|tegen\s+het\s+|v[oó]{2}r\s+het\s+)?(?:eind|einde)"
        r"(?:\s+van)?)\s+" + MONTH + OPT_YEAR,
        _month_rule(None),
        width_days=10,
        needs=_MONTH_WORDS,
    ),
    _rule(
        r"\b" + _BEFORE + r"(?:in\s+(?:het\s+)?)?(?:begin|aan\s+het\s+begin\s+van|het\s+begin"
        r"\s+van|begin\s+van)\s+" + YEAR,
        _period(_fixed(3, 31)),
        width_days=90,
        needs=_YEAR_WORDS,
    ),
    _rule(
        r"\b" + _BEFORE + r"(?:medio|halverwege|midden)\s+" + YEAR,
        _period(_fixed(7, 31)),
        width_days=90,
        needs=_YEAR_WORDS,
    ),
    _rule(
        r"\b" + _BEFORE + r"(?:(?:aan\s+het\s+|tegen\s+het\s+|v[oó]{2}r\s+het\s+|tot\s+het\s+)?"
        r"(?:eind|einde)(?:\s+van)?)\s+(?:het\s+jaar\s+)?" + YEAR,
        _period(_fixed(12, 31)),
        width_days=90,
        needs=_YEAR_WORDS,
    ),
    _rule(
        r"\b(?:v[oó]{2}r|tegen|uiterlijk)\s+(?:het\s+)?(?:eind|einde)\s+van\s+(?:het|dit)\s+"
        r"(?:jaar|kalenderjaar)",
        _this_year_end,
        width_days=90,
        needs=("jaar",),
    ),
    _rule(
        r"\b(?:later|nog|eind|einde|in\s+de\s+loop\s+van)\s+dit\s+jaar",
        _this_year_end,
        width_days=180,
        needs=("jaar",),
    ),
    # not in the guidelines' table: next year as a whole, "deze actie volgend jaar een vervolg geven"
    _rule(
        r"\b(?:in\s+)?(?:volgend|komend)\s+(?:kalender)?jaar\b|\b(?:in\s+)?het\s+(?:volgende|komende)\s+"
        r"(?:kalender)?jaar\b",
        _next_year(12, 31),
        width_days=365,
        needs=("jaar",),
    ),
    # "die later deze maand aan u zal worden aangeboden": the month's end
    _rule(
        r"\b(?:later|nog|eind|einde|in\s+de\s+loop\s+van)\s+deze\s+maand\b|\bdeze\s+maand\s+nog\b",
        lambda m, ref: None if ref is None else _last_day(ref.year, ref.month),
        width_days=30,
        needs=("maand",),
    ),
    # "Ik stuur u dit jaar nog ...", "dit jaar zal worden besloten": before the year is out
    _rule(
        r"\bdit\s+(?:jaar|kalenderjaar)\b(?!\s+(?:is|was|zijn|waren|hebben|heeft)\b)",
        _this_year_end,
        width_days=365,
        needs=("jaar",),
    ),
    _rule(
        r"\b(?:in\s+(?:de\s+loop\s+van\s+)?|v[oó]{2}r\s+)?"
        + MONTH
        + r"(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s*(?:jl|j\.l|jongstleden))",
        lambda m, ref: _in_year(
            m,
            _month_day(m, "before" if m.group(0).lower().startswith(("voor", "vóór")) else None),
            ref,
        ),
        width_days=30,
        needs=_MONTH_WORDS,
    ),
    _rule(
        r"\b(?:in\s+(?:de\s+loop\s+van\s+)?|uiterlijk\s+in\s+|v[oó]{2}r\s+)(?P<year>20\d\d)\b"
        r"(?!\s*[-–/]\s*\d)",
        lambda m, ref: (
            dt.date(int(m.group("year")) - 1, 12, 31)
            if m.group(0).lower().startswith(("voor", "vóór"))
            else dt.date(int(m.group("year")), 12, 31)
        ),
        width_days=365,
        needs=("20",),
    ),
    _rule(
        r"\b(?:in\s+(?:de\s+loop\s+van\s+)?|uiterlijk\s+)(?:het\s+)?(?:volgend|komend)e?\s+jaar",
        _next_year(12, 31),
        width_days=365,
        needs=("jaar",),
    ),
    # spans from the letter date
    _rule(
        r"\b(?:binnen|uiterlijk\s+binnen|over|in\s+de\s+komende|de\s+komende|in\s+de\s+"
        r"eerstvolgende)\s+" + NUMBER + r"\s+(?P<unit>werkdagen|werkdag|dagen|dag|weken|week|"
        r"maanden|maand|jaren|jaar)\b",
        _relative,
        kind="relative",
        width_days=20,
        needs=("dag", "week", "weken", "maand", "jaar", "jaren"),
    ),
    _rule(
        r"\b(?:binnen|in)\s+(?:een|één)\s+(?P<unit>week|maand|jaar)\b",
        lambda m, ref: (
            None
            if ref is None
            else ref + dt.timedelta(days=round(UNIT_DAYS[m.group("unit").lower()]))
        ),
        kind="relative",
        width_days=20,
        needs=("week", "maand", "jaar"),
    ),
    # "de plannen voor de komende periode" is what the plans are for, not a time to act by
    _rule(
        r"\b(?:(?:in\s+)?(?<!voor\s)de\s+komende\s+(?:weken|periode)|binnen\s+enkele\s+weken|"
        r"volgende\s+week|komende\s+week)\b",
        _plus(42),
        kind="vague",
        width_days=40,
        needs=("week", "weken", "periode"),
    ),
    _rule(
        r"\b(?:(?:in\s+)?(?<!voor\s)de\s+komende\s+maanden|binnen\s+enkele\s+maanden)\b",
        _plus(120),
        kind="vague",
        width_days=120,
        needs=("maanden",),
    ),
    _rule(
        r"\b(?:binnenkort|op\s+korte\s+termijn|spoedig|zo\s+spoedig\s+(?:als\s+)?mogelijk|"
        r"zo\s+(?:snel|kort)\s+(?:als\s+)?mogelijk|op\s+zo\s+kort\s+mogelijke\s+termijn|z\.s\.m\.|zsm|op\s+de\s+kortst\s+mogelijke\s+termijn|"
        r"zo\s+(?:snel|spoedig)\s+als\s+(?:dat\s+)?(?:kan|mogelijk\s+is)|"
        r"binnen\s+afzienbare\s+tijd|eerdaags|zeer\s+binnenkort)\b"
        # "zo spoedig mogelijk na het beschikbaar komen van ...": the event sets the time
        r"(?!\s+(?:mogelijk\s+)?(?:na|nadat|zodra|wanneer|daarna|daarop|hierna)\b)"
        # ... but a recess is no event to wait on: "zo spoedig mogelijk na het reces" is read as
        # the letter's date plus the usual span (the labels agree)
        r"|\bzo\s+(?:spoedig|snel|kort)\s+mogelijk\s+na\s+(?:het|dat|dit)\s+\w*reces\b",
        _plus(90),
        kind="vague",
        width_days=90,
        needs=(
            "binnenkort",
            "termijn",
            "spoedig",
            "mogelijk",
            "z.s.m",
            "zsm",
            "afzienbare",
            "eerdaags",
        ),
    ),
    _rule(
        r"\b(?:in|bij)\s+(?:(?:de|het|een)\s+)?(?:volgende|eerstvolgende|komende|volgend|eerstvolgend)\s+"
        r"(?:\w+\s+)?(?:voortgangsrapportages?|voortgangsbrie(?:f|ven)|(?!jaar)\w*rapportages?|voortgangsverslag|"
        r"halfjaarsrapportages?|halfjaarlijkse\s+\w+|verzamelbrie(?:f|ven)|stand\s+van\s+zaken\s*brief)\b"
        r"|\bhalfjaarlijks\b|\b(?:tweemaal|twee\s+keer)\s+per\s+jaar\b",
        _plus(183),
        kind="relative",
        width_days=183,
        needs=("rapportage", "brief", "verslag", "halfjaar", "tweemaal", "keer"),
    ),
    _rule(
        r"\b(?:in|bij)\s+(?:de|het)\s+(?:volgende|eerstvolgende|komende)\s+(?:jaarrapportage|"
        r"jaarverslag|jaarbrief|jaarlijkse\s+\w+)\b|\bjaarlijks\b",
        _plus(365),
        kind="relative",
        width_days=365,
        needs=("jaar",),
    ),
    # conditional: no date
    _rule(
        r"\b(?:tijdig|te\s+zijner\s+tijd|t\.z\.t\.|zo\s+nodig|indien\s+nodig)\b",
        _no_date,
        kind="conditional",
        width_days=10_000,
        needs=("tijd", "t.z.t", "nodig"),
    ),
    _rule(
        r"\b(?:zodra|wanneer|als|nadat|zodat|op\s+het\s+moment\s+dat)\s+[^,.;:?!()]{0,120}?"
        r"\b(?:bekend|beschikbaar|gereed|afgerond|duidelijk|vastgesteld|ontvangen|"
        r"verschenen|verschijnt|afgerond|klaar)\b(?:\s+(?:is|zijn|zal\s+zijn|worden|wordt))?",
        _no_date,
        kind="conditional",
        width_days=10_000,
        needs=(
            "bekend",
            "beschikbaar",
            "gereed",
            "afgerond",
            "duidelijk",
            "vastgesteld",
            "ontvangen",
            "versche",
            "klaar",
        ),
    ),
    _rule(
        r"\bzodra\s+[^,.;:?!()]{1,100}",
        _no_date,
        kind="conditional",
        width_days=10_000,
        needs=("zodra",),
    ),
    _rule(
        r"\bna\s+(?:afronding|ontvangst|vaststelling|publicatie|het\s+verschijnen|de\s+afronding|"
        r"het\s+(?:beschikbaar|gereed)\s*komen|het\s+afronden)\s+van\s+"
        r"(?:de|het|deze|dit)\s+\w+",
        _no_date,
        kind="conditional",
        width_days=10_000,
        needs=(
            "afronding",
            "ontvangst",
            "vaststelling",
            "publicatie",
            "verschijnen",
            "komen",
            "afronden",
        ),
    ),
]


def _is_backward(text: str, start: int, end: int) -> bool:
    if _BACKWARD_AFTER.match(text, end) or _BACKWARD_AFTER.match(text[end : end + 20]):
        return True
    return False


_BOUND = re.compile(r"uiterlijk\b", re.IGNORECASE)


def find_deadlines(text: str, reference: dt.date | None = None) -> list[Deadline]:
    """Every forward-looking time phrase in text, most specific first, without overlaps."""
    found: list[tuple[int, int, int, Deadline]] = []
    # characters of backward or reference dates: no shorter phrase inside them may count either
    # (a mask, so the test costs the phrase's length and not the number of phrases found so far)
    blocked = bytearray(len(text))
    contains = text.lower().__contains__
    for rule in RULES:
        if not any(map(contains, rule.needs)):
            continue
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start or blocked.find(1, start, end) != -1:
                continue
            if _is_backward(text, start, end):
                blocked[start:end] = b"\x01" * (end - start)
                continue
            if (
                rule.width_days <= 10
                and _REFERENCE_BEFORE.search(text[max(0, start - 25) : start])
                and not _TAKES_EFFECT_BEFORE.search(text[max(0, start - 25) : start])
            ):
                # dates of documents and meetings ("brief van 7 oktober"), not deadlines
                phrase_word = match.group(0).split()[0].lower()
                # "het overleg van 1 december aanstaande" is a meeting ahead: it may bound a promise
                ahead = re.search(
                    r"\b(?:a\.?s\.?|aanstaande)$", match.group(0).strip(), re.IGNORECASE
                )
                if phrase_word not in ("op", "uiterlijk", "voor", "vóór", "per") and not ahead:
                    blocked[start:end] = b"\x01" * (end - start)
                    continue
            try:
                due = rule.resolve(match, reference)
            except (ValueError, OverflowError):
                # past the calendar's end (a letter or record dated near the year 9999):
                # the phrase stays, without a date
                due = None
            if (
                due is not None
                and reference is not None
                and rule.kind == "date"
                and due <= reference
            ):
                # an explicit period already past is not a deadline, nor is a part of it
                # ("op 4 februari 2014" in a letter of 6 February is not "februari 2014")
                blocked[start:end] = b"\x01" * (end - start)
                continue
            found.append(
                (rule.width_days, start, end, Deadline(text[start:end], start, end, due, rule.kind))
            )
    # longest phrase first among equals, so "eind januari 2024" beats "januari 2024"
    found.sort(key=lambda item: (item[1], -(item[2] - item[1])))
    kept: list[tuple[int, int, int, Deadline]] = []
    # in order of start, a phrase overlaps a kept one exactly when it starts before the
    # furthest end kept so far
    kept_end = -1
    for item in found:
        if item[1] < kept_end:
            continue
        kept.append(item)
        kept_end = max(kept_end, item[2])
    # "zo spoedig mogelijk, maar uiterlijk in het eerste kwartaal": the stated bound comes first
    # and a vague span ("de komende periode") yields to a named time in the same sentence
    kept.sort(
        key=lambda item: (
            not _BOUND.match(item[3].phrase),
            item[3].kind == "vague",
            item[0],
            item[1],
        )
    )
    return [item[3] for item in kept]


def parse_deadline(text: str, reference: dt.date | None = None) -> Deadline | None:
    """The deadline a text sets: its most specific forward-looking time phrase, or None."""
    found = find_deadlines(text, reference)
    return found[0] if found else None
