"""Which earlier commitment a letter speaks about.

A letter says "Zoals toegezegd in het commissiedebat van 12 oktober ...", "Hiermee doe ik mijn
toezegging gestand", or restates a promise from an earlier letter. The extractor finds those
passages (Statements); this module finds the open commitment each one most likely means and
proposes the link, for an analyst to confirm or reject.

The score combines plain signals, no model: the register number or Kamerstuk named in the
passage, text overlap (stemmed tokens without Dutch stopwords, weighted by rarity), the dates
named against the date the commitment was made, and whether dossier and ministry agree. The
scoring core (`Candidate`, `Context`, `Pool`, `rank`) reads no rows, so the benchmark runs it
on generated data; the functions below it read and write rows.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import services
from .extraction.deadlines import MONTH, MONTHS
from .models import Commitment, LinkState

# Propose a link from this score up; below it the statement stays unlinked.
PROPOSE_THRESHOLD = 0.34
# When the runner-up scores this close to the best, the passage is ambiguous: propose nothing
# rather than a coin toss (the analyst can still link it by hand).
AMBIGUITY_MARGIN = 0.03
# A newly extracted commitment this close to an open one from an earlier letter is a
# restatement, recorded as a reference instead of a second commitment.
RESTATEMENT_THRESHOLD = 0.6
# How much letter text around a statement counts as its context.
WINDOW = 300
HEAD = 800

STOPWORDS = frozenset(
    """
aan aangaande aangezien achter af al aldus alle alleen als alsmede alsook altijd andere anders
ben bent bij bijvoorbeeld binnen boven bovendien buiten daar daarbij daarin daarna daarnaast
daarom daarop daarover daartoe daarvan dan dat de deze die dit door doch doen doet dus echter
een eens eerder eerst en enige enkele er erg ervan even evenals geen gehad geweest gemaakt gaan
gaat had heb hebben heeft hem het hier hierbij hierin hiermee hierover hij hoe hoewel hun iets
ik in inmiddels is ja je jij jullie kan kon kunnen kunt maar meer men met mij mijn moet moeten
na naar nadat namelijk niet niets nog nu of om omdat onder ons onze ook op over per reeds
rond sinds te tegen ten ter tevens toch toe tot tussen u uit uw van vanaf veel verder via
voor vooral vóór waar waarbij waardoor waarin waarmee waarna wanneer want was wat we welke
werd werden wie wij wil wilt worden wordt zal zal zelf zich zij zijn zo zoals zodat zonder
zou zouden zullen zult
kamer uw minister staatssecretaris kabinet brief brieven toezegging toezeggingen toegezegd
toezeg toezegde informeren informeer geïnformeerd zenden sturen stuur toesturen toe
debat commissiedebat plenaire notaoverleg gestand hierbij hiermee daarmee jaar
januari februari maart april mei juni juli augustus september oktober november december
zomer winter voorjaar najaar herfst lente kwartaal helft eind einde begin medio uiterlijk
zomerreces kerstreces reces prinsjesdag binnenkort spoedig komende volgende week weken maand
maanden resultaten uitkomsten stand zaken voortgang
""".split()
)

_DATE = re.compile(
    r"\b(?P<day>[0-3]?\d)\s+" + MONTH + r"(?:\s+(?P<year>(?:19|20)\d\d))?", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"\b(?P<day>[0-3]?\d)-(?P<month>[01]?\d)-(?P<year>(?:19|20)\d\d)\b")
# "Kamerstuk 29 521, nr. 363", "Kamerstukken 29521-363", "(29 521-363)"
_KAMERSTUK = re.compile(
    r"\b(?P<dossier>\d{2}\s?\d{3}(?:-[A-Z0-9]+)?)(?:,\s*nr\.?\s*|-)(?P<nr>\d{1,4})\b"
)
# Commitment numbers as written: ours (TZ-2024-0042) and the register's (TZ202310-045).
_NUMBER = re.compile(r"\b[A-Z]{2,4}-?\d{4,6}-\d{1,5}\b")
_WORD = re.compile(r"[a-z0-9]+")
_STEM = 7


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def tokens(text: str) -> set[str]:
    """Content words, stemmed by truncation: Dutch inflection and compounds mostly differ in
    their tails ("rapportage"/"rapportages", "voortgang"/"voortgangsbrief")."""
    out = set()
    for word in _WORD.findall(_fold(text)):
        if word in STOPWORDS or len(word) < 3 or (word.isdigit() and len(word) < 4):
            continue
        out.add(word[:_STEM])
    return out


def normalise_ministry(name: str) -> str:
    name = _fold(name or "")
    name = re.sub(r"^(ministerie|minister|staatssecretaris)\s+(van|voor)\s+", "", name)
    return " ".join(name.replace("&", "en").split())


def normalise_kamerstuk(text: str) -> str:
    return re.sub(r"\s", "", text or "")


def dates_named(text: str, before: dt.date | None) -> list[dt.date]:
    """Dates a passage names; without a year, the latest such day on or before `before`."""
    found: list[dt.date] = []
    for match in _DATE.finditer(text):
        day, month = int(match["day"]), MONTHS[match["month"].lower()]
        years = (
            [int(match["year"])]
            if match["year"]
            else ([before.year, before.year - 1] if before else [])
        )
        for year in years:
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if match["year"] or before is None or date <= before:
                found.append(date)
                break
    for match in _NUMERIC_DATE.finditer(text):
        try:
            found.append(dt.date(int(match["year"]), int(match["month"]), int(match["day"])))
        except ValueError:
            continue
    return found


def kamerstukken_named(text: str) -> set[str]:
    return {f"{normalise_kamerstuk(m['dossier'])}-{m['nr']}" for m in _KAMERSTUK.finditer(text)}


# --- the scoring core, without the database --------------------------------------------------


@dataclass
class Candidate:
    """An open commitment as the scorer sees it."""

    key: int  # the commitment's pk (the benchmark numbers its own)
    text: str
    made_on: dt.date | None = None
    ministry: str = ""
    dossier: str = ""
    kamerstuk: str = ""
    numbers: tuple[str, ...] = ()  # our number and the register's
    letter_key: object = None
    toks: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.toks:
            self.toks = tokens(self.text)


@dataclass
class Context:
    """A statement and the letter it is in."""

    quote: str
    near: str  # the quote, what it refers to, and the text around it
    head: str = ""  # the letter's title and opening, where its subject is
    letter_date: dt.date | None = None
    ministry: str = ""
    dossier: str = ""
    letter_key: object = None


class Pool:
    """The candidates and how rare each token is among them."""

    def __init__(self, candidates: Iterable[Candidate]):
        self.candidates = list(candidates)
        df: Counter[str] = Counter()
        for candidate in self.candidates:
            df.update(candidate.toks)
        n = len(self.candidates) + 1
        self.idf = {tok: math.log(n / count) + 1.0 for tok, count in df.items()}
        self.default_idf = math.log(n) + 1.0
        self._by_token: dict[str, list[int]] = {}
        self.by_number: dict[str, list[int]] = {}
        self.by_kamerstuk: dict[str, list[int]] = {}
        for index, candidate in enumerate(self.candidates):
            for tok in candidate.toks:
                self._by_token.setdefault(tok, []).append(index)
            for number in candidate.numbers:
                self.by_number.setdefault(number, []).append(index)
            if candidate.kamerstuk:
                self.by_kamerstuk.setdefault(normalise_kamerstuk(candidate.kamerstuk), []).append(
                    index
                )

    def weight(self, toks: Iterable[str]) -> float:
        return sum(self.idf.get(t, self.default_idf) for t in toks)

    def containment(self, candidate: Candidate, toks: set[str]) -> float:
        total = self.weight(candidate.toks)
        return self.weight(candidate.toks & toks) / total if total else 0.0

    def similarity(self, a: set[str], b: set[str]) -> float:
        """Weighted Jaccard of two token sets."""
        union = self.weight(a | b)
        return self.weight(a & b) / union if union else 0.0

    def sharing(self, toks: set[str]) -> set[int]:
        hits: set[int] = set()
        for tok in toks:
            hits.update(self._by_token.get(tok, ()))
        return hits


def score(
    pool: Pool,
    candidate: Candidate,
    ctx: Context,
    *,
    near: set[str],
    head: set[str],
    dates: Sequence[dt.date],
    stukken: set[str],
) -> float:
    if ctx.letter_key is not None and candidate.letter_key == ctx.letter_key:
        return 0.0
    if candidate.made_on and ctx.letter_date and candidate.made_on > ctx.letter_date:
        return 0.0  # a letter cannot refer to a promise made after it
    text = ctx.near + " " + ctx.quote
    if any(number and number in text for number in candidate.numbers):
        return 1.0
    value = 0.75 * max(pool.containment(candidate, near), 0.8 * pool.containment(candidate, head))
    if candidate.kamerstuk and normalise_kamerstuk(candidate.kamerstuk) in stukken:
        value += 0.35
    if candidate.dossier:
        if candidate.dossier == ctx.dossier:
            value += 0.08
        if any(s.startswith(candidate.dossier + "-") for s in stukken):
            value += 0.07
    if candidate.ministry and ctx.ministry:
        same = normalise_ministry(candidate.ministry) == normalise_ministry(ctx.ministry)
        value += 0.08 if same else -0.08
    if dates and candidate.made_on:
        gap = min(abs((d - candidate.made_on).days) for d in dates)
        value += 0.25 if gap == 0 else 0.12 if gap <= 3 else -0.05
    return max(0.0, min(1.0, value))


def rank(pool: Pool, ctx: Context, limit: int = 3) -> list[tuple[Candidate, float]]:
    """The best candidates for a statement, best first."""
    near = tokens(ctx.near + " " + ctx.quote)
    head = tokens(ctx.head)
    text = ctx.near + " " + ctx.quote
    dates = dates_named(text, ctx.letter_date)
    stukken = kamerstukken_named(text)
    # Only candidates sharing a word, a number or a date can score; skip the rest unscored.
    indexes = pool.sharing(near | head)
    for number in _NUMBER.findall(text):
        indexes.update(pool.by_number.get(number, ()))
    for stuk in stukken:
        indexes.update(pool.by_kamerstuk.get(stuk, ()))
    scored = [
        (
            pool.candidates[i],
            score(
                pool, pool.candidates[i], ctx, near=near, head=head, dates=dates, stukken=stukken
            ),
        )
        for i in indexes
    ]
    scored = [item for item in scored if item[1] > 0]
    scored.sort(key=lambda item: (-item[1], str(item[0].key)))
    return scored[:limit]


def best_link(pool: Pool, ctx: Context) -> tuple[Candidate, float] | None:
    """The commitment to propose for a statement: the best, if it scores high enough and
    clearly better than the runner-up."""
    ranked = rank(pool, ctx, limit=2)
    if not ranked or ranked[0][1] < PROPOSE_THRESHOLD:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.0 and ranked[0][1] - ranked[1][1] < AMBIGUITY_MARGIN:
        return None
    return ranked[0]


def best_restatement(
    pool: Pool, text: str, *, letter_key: object, letter_date: dt.date | None, ministry: str = ""
) -> tuple[Candidate, float] | None:
    """The open commitment from an earlier letter that `text` promises again, if any."""
    toks = tokens(text)
    best: tuple[Candidate, float] | None = None
    for index in pool.sharing(toks):
        candidate = pool.candidates[index]
        if candidate.letter_key == letter_key:
            continue
        if candidate.made_on and letter_date and candidate.made_on > letter_date:
            continue
        if (
            ministry
            and candidate.ministry
            and normalise_ministry(ministry) != normalise_ministry(candidate.ministry)
        ):
            continue
        value = pool.similarity(toks, candidate.toks)
        if best is None or value > best[1]:
            best = (candidate, value)
    if best and best[1] >= RESTATEMENT_THRESHOLD:
        return best
    return None


# --- rows --------------------------------------------------------------------------------------


def candidate_pool(exclude_letter_id: int | None = None) -> Pool:
    rows = (
        Commitment.objects.open()
        .select_related("letter")
        .only(
            "id",
            "number",
            "register_number",
            "text",
            "quote",
            "made_on",
            "ministry",
            "letter__id",
            "letter__dossier",
            "letter__kamerstuk",
            "letter__date",
        )
        .order_by("-made_on", "-id")[:20000]
    )
    return Pool(
        Candidate(
            key=c.pk,
            text=f"{c.text} {c.quote}" if c.quote != c.text else c.text,
            made_on=c.made_on,
            ministry=c.ministry,
            dossier=c.letter.dossier if c.letter else "",
            kamerstuk=c.letter.kamerstuk if c.letter else "",
            numbers=tuple(n for n in (c.number, c.register_number) if n),
            letter_key=c.letter_id,
        )
        for c in rows
    )


def context_for(statement, letter) -> Context:
    text = letter.text
    near = text[max(0, statement.span_start - WINDOW) : statement.span_end + WINDOW]
    return Context(
        quote=statement.quote,
        near=f"{statement.refers_to} {near}",
        head=f"{letter.title} {text[:HEAD]}",
        letter_date=letter.date,
        ministry=letter.ministry,
        dossier=letter.dossier,
        letter_key=letter.pk,
    )


def letter_link(letter, pool: Pool | None = None) -> list:
    """Propose a commitment for each statement of the letter not linked yet. Re-runnable:
    linked, confirmed and rejected statements are left as they are."""
    statements = list(
        letter.statements.filter(link_state=LinkState.UNLINKED, commitment__isnull=True)
    )
    if not statements:
        return []
    pool = pool or candidate_pool()
    linked = []
    for statement in statements:
        best = best_link(pool, context_for(statement, letter))
        if best is None:
            continue
        candidate, value = best
        commitment = Commitment.objects.get(pk=candidate.key)
        statement.letter = letter
        services.statement_propose(statement=statement, commitment=commitment, score=value)
        linked.append(statement)
    return linked
