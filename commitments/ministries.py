"""Ministries by any of their names: "BZ", "BuZa", "Buitenlandse Zaken" and "Ministerie van
Buitenlandse Zaken" are one ministry, and a ministry that was renamed or merged is found under
today's name. Rows keep the name their letter or register used; only filtering maps them.
"""

from __future__ import annotations

import re

# Today's name, then every other name and abbreviation it was or is known by (lowercase
# matching). Where a ministry was split, its old name goes to the part that kept the policy
# most letters are about (EZK → Economische Zaken, VROM → Infrastructuur en Waterstaat).
MINISTRIES: dict[str, tuple[str, ...]] = {
    "Algemene Zaken": ("AZ",),
    "Asiel en Migratie": ("AenM", "A&M", "AM"),
    "Binnenlandse Zaken en Koninkrijksrelaties": ("BZK", "Binnenlandse Zaken"),
    "Buitenlandse Zaken": (
        "BZ",
        "BuZa",
        "Buitenlandse Handel en Ontwikkelingssamenwerking",
        "BHO",
        "BHOS",
        "Ontwikkelingssamenwerking",
    ),
    "Defensie": ("Def", "DEF"),
    "Economische Zaken": (
        "EZ",
        "EZK",
        "Economische Zaken en Klimaat",
        "EL&I",
        "ELI",
        "Economische Zaken, Landbouw en Innovatie",
    ),
    "Financiën": ("Fin", "Financien"),
    "Infrastructuur en Waterstaat": (
        "IenW",
        "I&W",
        "IenM",
        "I&M",
        "Infrastructuur en Milieu",
        "Verkeer en Waterstaat",
        "VenW",
        "V&W",
        "VROM",
        "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
    ),
    "Justitie en Veiligheid": (
        "JenV",
        "J&V",
        "JV",
        "Veiligheid en Justitie",
        "VenJ",
        "V&J",
        "Justitie",
    ),
    "Klimaat en Groene Groei": ("KGG",),
    "Landbouw, Visserij, Voedselzekerheid en Natuur": (
        "LVVN",
        "LNV",
        "Landbouw, Natuur en Voedselkwaliteit",
        "Landbouw, Natuurbeheer en Visserij",
    ),
    "Onderwijs, Cultuur en Wetenschap": ("OCW", "OCenW"),
    "Sociale Zaken en Werkgelegenheid": ("SZW", "Sociale Zaken"),
    "Volksgezondheid, Welzijn en Sport": ("VWS",),
    "Volkshuisvesting en Ruimtelijke Ordening": ("VRO", "Volkshuisvesting"),
}

_PREFIX = re.compile(
    r"^(?:het\s+)?(?:ministerie|minister|staatssecretaris)\s+(?:van|voor)\s+", re.I
)


def _key(name: str) -> str:
    name = _PREFIX.sub("", " ".join(name.split()))
    return name.casefold().replace(" & ", "&")


_BY_NAME = {_key(name): today for today, others in MINISTRIES.items() for name in (today, *others)}


def canonical_ministry(name: str) -> str | None:
    """Today's name of the ministry `name` names, or None when it names none we know."""
    return _BY_NAME.get(_key(name)) if name and name.strip() else None


def same_ministry(names: list[str], wanted: str) -> list[str]:
    """Those of `names` (values the data holds) that are the ministry `wanted` names; an
    unknown ministry matches by its name alone, without regard to case."""
    target = canonical_ministry(wanted)
    if target is None:
        return [n for n in names if _key(n) == _key(wanted)]
    return [n for n in names if canonical_ministry(n) == target]


def spellings(wanted: str) -> list[str]:
    """The ways rows may write the ministry `wanted` names, for an index-friendly `IN`."""
    target = canonical_ministry(wanted)
    names = (target, *MINISTRIES[target]) if target else (" ".join(wanted.split()),)
    forms = set()
    for name in names:
        for written in (name, f"Ministerie van {name}", f"ministerie van {name}"):
            forms.update({written, written.lower(), written.upper()})
    return sorted(forms)


def ministry_label(name: str) -> str:
    return canonical_ministry(name) or name
