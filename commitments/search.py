"""Search that speaks Dutch, over commitments and over the full text of letters.

Both tiers index the same words: each word is lowercased, stripped of diacritics and reduced
by the Snowball Dutch stemmer here in Python, and that string of stems is what PostgreSQL
(tsvector over the `simple` configuration, GIN index) and SQLite (FTS5) index. Stemming once in
Python keeps the tiers identical (PostgreSQL's own `dutch` dictionary is an older Snowball
version: "toegezegd" and "toezegging" do not meet there). Query words become prefixes, so a
compound that starts with the word is found too ("rapportage" finds "rapportagecyclus").

Numbers are looked up directly instead: a commitment number (TZ-2017-0003), a register number,
a Kamerstuk ("29521-400", "29 521, nr. 400") or a DocumentNummer ("2024D12345").

The index rows live in their own one-to-one tables (CommitmentSearch, LetterSearch) so the GIN
index does not slow every write to the wide commitment table (../shared/STACK.md). They are
kept current by `post_save` (see `connect`), and `manage.py reindex` rebuilds them.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import snowballstemmer
from django.contrib.postgres.fields import ArrayField
from django.db import connection, models
from django.db.models import F, Func, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_WORDS = 8
# Ranking every hit of a common word costs as much as reading them all: beyond this many hits
# the results come newest first instead (../shared/STACK.md, "Order rare terms by rank").
RANK_AT_MOST = 2000
# A word with at most this many hits is looked up once and its rows named by key (`_matching`).
FEW_HITS = 10_000
_INT_ARRAY = ArrayField(models.BigIntegerField())  # type: ignore[var-annotated]


class _AnyOf(Func):
    """`key = ANY(array)`: one array parameter rather than a placeholder per key."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY("
    output_field = models.BooleanField()


_WORD = re.compile(r"\w+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("dutch")

_COMMITMENT_NUMBER = re.compile(r"^\s*(TZ-\d{4}-\d{1,6})\s*$", re.IGNORECASE)
_REGISTER_NUMBER = re.compile(r"^\s*(TZ\d{6}-\d{1,4})\s*$", re.IGNORECASE)
_KAMERSTUK = re.compile(r"(\d{4,6}(?:-[A-Z]{1,4}|-[IVXL]+)?)-(\d{1,4}|[A-Z]{1,3})")
_DOCUMENT_NUMBER = re.compile(r"^\s*(\d{4}D\d{4,6})\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """One word as both tiers index it: lowercase, no diacritics, Snowball Dutch stem."""
    folded = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _STEMMER.stemWord(plain)


def index_terms(*texts: str) -> str:
    """The string of stems a row is indexed by."""
    return " ".join(normalise(w) for text in texts if text for w in _WORD.findall(text))


def query_prefixes(query: str) -> list[str]:
    """The query's words as the prefixes searched for, at most MAX_QUERY_WORDS of them.

    A long stem loses its last letter, since the stemmer leaves some forms of a word one
    letter apart ("informeren" → informer, "geïnformeerd" → informeer)."""
    prefixes = []
    for word in _WORD.findall(query)[:MAX_QUERY_WORDS]:
        stem = normalise(word)
        prefixes.append(stem[:-1] if len(stem) >= 7 else stem)
    return [p for p in dict.fromkeys(prefixes) if p]


# --- direct look-ups ------------------------------------------------------------------------


@dataclass(frozen=True)
class Lookup:
    """A query that names an item: which field to match, and the value."""

    commitment_number: str | None = None
    register_number: str | None = None
    kamerstuk: str | None = None
    document_number: str | None = None


def parse_lookup(query: str) -> Lookup | None:
    if m := _COMMITMENT_NUMBER.match(query):
        return Lookup(commitment_number=m.group(1).upper())
    if m := _REGISTER_NUMBER.match(query):
        return Lookup(register_number=m.group(1).upper())
    if m := _DOCUMENT_NUMBER.match(query):
        return Lookup(document_number=m.group(1).upper())
    if m := _KAMERSTUK.fullmatch(_kamerstuk_form(query)):
        return Lookup(kamerstuk=f"{m.group(1)}-{m.group(2)}")
    return None


def _kamerstuk_form(query: str) -> str:
    """ "Kamerstuk 29 521, nr. 400" → "29521-400", the form letters store."""
    text = re.sub(r"^KAMERSTUK(?:KEN)?\s+", "", query.strip().upper())
    text = re.sub(r"\b(\d{1,3})[ .](\d{3})\b", r"\1\2", text)
    return re.sub(r"\s*,\s*(?:NR\.?\s*)?|\s+NR\.?\s*|\s+", "-", text)


def _letters_named(lookup: Lookup) -> QuerySet:
    from .models import Letter

    if lookup.kamerstuk:
        return Letter.objects.filter(kamerstuk__iexact=lookup.kamerstuk)
    if lookup.document_number:
        # The DocumentNummer is indexed as a word of the letter's metadata.
        return Letter.objects.filter(
            pk__in=_matching_ids(Letter, [normalise(lookup.document_number)])
        )
    return Letter.objects.none()


# --- matching -------------------------------------------------------------------------------


def _fts_table(model: type[models.Model]) -> str:
    return f"commitments_{model._meta.model_name}_fts"


def _index_model(model: type[models.Model]) -> type[models.Model]:
    from .models import CommitmentSearch, LetterSearch

    return CommitmentSearch if model._meta.model_name == "commitment" else LetterSearch


def _matching_ids(model: type[models.Model], prefixes: list[str]) -> RawSQL:
    """A subquery of the primary keys whose index holds every prefix."""
    index = _index_model(model)
    key = index._meta.pk.column
    if connection.vendor == "postgresql":
        sql = f"SELECT {key} FROM {index._meta.db_table} WHERE vector @@ to_tsquery('simple', %s)"
        return RawSQL(sql, [_tsquery(prefixes)])
    match = " AND ".join(f'"{p}"*' for p in prefixes)
    return RawSQL(
        f"SELECT rowid FROM {_fts_table(model)} WHERE {_fts_table(model)} MATCH %s", [match]
    )


def _tsquery(prefixes: list[str]) -> str:
    return " & ".join(f"'{p}':*" for p in prefixes)


def _matching(queryset: QuerySet, prefixes: list[str]) -> QuerySet:
    """The rows of `queryset` whose index holds every prefix.

    On PostgreSQL a word the planner expects in at most FEW_HITS rows is read from the GIN
    index first, up to FEW_HITS + 1 hits: a rare word's rows are then named by their keys, so the planner knows how few they are and sorts
    them instead of walking a date index in the hope of meeting them (~1 s at a million rows,
    ../shared/STACK.md; its estimate for a word outside the statistics is hundreds of rows). A
    common word stays a subquery, whose estimate is right, so a page can stop early."""
    ids = _matching_ids(queryset.model, prefixes)
    if connection.vendor != "postgresql":
        return queryset.filter(pk__in=ids)
    with connection.cursor() as cursor:
        # The planner's own estimate first (from the vector's statistics, ~1 ms): reading a
        # common word's hits costs more than the page (GIN: ~170 ms for 600,000 hits; a
        # sequential scan unpacks each letter's vector until it has enough).
        if _estimated_hits(ids) > FEW_HITS:
            return queryset.filter(pk__in=ids)
        cursor.execute(f"{ids.sql} LIMIT %s", [*ids.params, FEW_HITS + 1])
        found = [row[0] for row in cursor.fetchall()]
    if len(found) > FEW_HITS:
        return queryset.filter(pk__in=ids)
    return queryset.filter(_AnyOf(F("pk"), Value(found, output_field=_INT_ARRAY)))


def _estimated_hits(ids: RawSQL) -> float:
    """PostgreSQL's estimate of the rows `ids` yields, from the vector's statistics: right for
    a common word, too high for a rare one (which is never in the statistics)."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {ids.sql}", ids.params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]["Plan Rows"]


def filter_commitments(queryset: QuerySet, query: str) -> QuerySet:
    """The list's text filter: a named item alone, else every word's prefix must occur."""
    lookup = parse_lookup(query)
    if lookup is not None:
        if lookup.commitment_number:
            return queryset.filter(number__iexact=lookup.commitment_number)
        if lookup.register_number:
            return queryset.filter(register_number__iexact=lookup.register_number)
        return queryset.filter(letter__in=_letters_named(lookup).values("pk"))
    prefixes = query_prefixes(query)
    if not prefixes:
        return queryset
    return _matching(queryset, prefixes)


def filter_letters(queryset: QuerySet, query: str) -> QuerySet:
    lookup = parse_lookup(query)
    if lookup is not None and (lookup.kamerstuk or lookup.document_number):
        return queryset.filter(pk__in=_letters_named(lookup).values("pk"))
    if lookup is not None:  # a commitment's number: the letter it came from
        from .models import Commitment

        named = Commitment.objects.filter(
            models.Q(number__iexact=lookup.commitment_number or "")
            | models.Q(register_number__iexact=lookup.register_number or "")
        )
        return queryset.filter(pk__in=named.values("letter_id"))
    prefixes = query_prefixes(query)
    if not prefixes:
        return queryset
    return _matching(queryset, prefixes)


def ranked(queryset: QuerySet, query: str, limit: int = 50) -> list:
    """The best `limit` rows of an already filtered queryset: by rank when the hits are few,
    newest first when the words are common (ranking them all would read every hit)."""
    prefixes = query_prefixes(query)
    model = queryset.model
    if not prefixes or parse_lookup(query) is not None:
        return list(queryset[:limit])
    # Unordered: any RANK_AT_MOST + 1 hits tell whether there are more, and a sort would not stop.
    newest = "-made_on" if model._meta.model_name == "commitment" else "-date"
    # A word PostgreSQL knows as common needs no sample: reading 2,001 letters' vectors to see
    # that there are more costs ~60 ms at 200,000 letters.
    if connection.vendor == "postgresql":
        if _estimated_hits(_matching_ids(model, prefixes)) > FEW_HITS:
            return list(queryset.order_by(newest, "-pk")[:limit])
    hits = list(queryset.order_by().values_list("pk", flat=True)[: RANK_AT_MOST + 1])
    if len(hits) > RANK_AT_MOST:
        return list(queryset.order_by(newest, "-pk")[:limit])
    order = _rank_order(model, prefixes, hits)
    rows = queryset.in_bulk(order[:limit])
    return [rows[pk] for pk in order[:limit] if pk in rows]


def _rank_order(model: type[models.Model], prefixes: list[str], ids: list[int]) -> list[int]:
    if not ids:
        return []
    index = _index_model(model)
    key = index._meta.pk.column
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tsquery = _tsquery(prefixes)
            cursor.execute(
                f"SELECT {key} FROM {index._meta.db_table} WHERE {key} IN ({marks}) "
                f"ORDER BY ts_rank(vector, to_tsquery('simple', %s)) DESC, {key} DESC",
                [*ids, tsquery],
            )
        else:
            table = _fts_table(model)
            match = " AND ".join(f'"{p}"*' for p in prefixes)
            cursor.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH %s AND rowid IN ({marks}) "
                "ORDER BY bm25(" + table + "), rowid DESC",
                [match, *ids],
            )
        return [row[0] for row in cursor.fetchall()]


# --- the passage shown with a result --------------------------------------------------------


def highlight_passage(text: str, query: str, width: int = 240) -> SafeString:
    """The stretch of text around the first matching word, every matching word in <mark>.
    Escaped here: letter text is untrusted."""
    prefixes = query_prefixes(query)
    if not text:
        return mark_safe("")
    words = list(_WORD.finditer(text))
    matches = [m for m in words if prefixes and normalise(m.group()).startswith(tuple(prefixes))]
    centre = matches[0].start() if matches else 0
    start = max(0, centre - width // 3)
    end = min(len(text), start + width)
    pieces, cursor = [], start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        pieces += [escape(text[cursor : m.start()]), f"<mark>{escape(m.group())}</mark>"]
        cursor = m.end()
    pieces.append(escape(text[cursor:end]))
    body = " ".join("".join(pieces).split())
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))


# --- keeping the index current --------------------------------------------------------------


def commitment_terms(commitment) -> str:
    letter = commitment.letter if commitment.letter_id else None
    return index_terms(
        commitment.number,
        commitment.register_number or "",
        commitment.text,
        commitment.quote,
        commitment.actor,
        commitment.ministry,
        commitment.committee,
        letter.title if letter else "",
        # getattr: the search migration runs this on a historical Letter without a subject
        getattr(letter, "subject", "") if letter else "",
    )


def letter_terms(letter) -> str:
    signatories = " ".join(
        " ".join(str(v) for v in s.values() if v) for s in letter.signatories if isinstance(s, dict)
    )
    extra = " ".join(
        str(getattr(letter, name, "") or "") for name in ("document_number", "subject")
    )
    return index_terms(
        letter.title, letter.kamerstuk, letter.ministry, signatories, extra, letter.text
    )


def index_commitments(commitments: Iterable) -> None:
    from .models import CommitmentSearch

    for commitment in commitments:
        store_terms(CommitmentSearch, "commitment_id", commitment.pk, commitment_terms(commitment))


def index_letters(letters: Iterable) -> None:
    from .models import LetterSearch

    for letter in letters:
        store_terms(LetterSearch, "letter_id", letter.pk, letter_terms(letter))


def store_terms(index: type[models.Model], key: str, pk: int, terms: str) -> None:
    """Write one index row (the FTS5 triggers or the tsvector follow)."""
    index.objects.update_or_create(**{key: pk}, defaults={"terms": terms})  # type: ignore[attr-defined]
    if connection.vendor == "postgresql":
        index.objects.filter(**{key: pk}).update(  # type: ignore[attr-defined]
            vector=RawSQL("to_tsvector('simple', %s)", [terms])
        )


def _on_commitment_saved(sender, instance, **kwargs) -> None:
    index_commitments([instance])


def _on_letter_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        index_letters([instance])


def connect() -> None:
    from .models import Commitment, Letter

    post_save.connect(_on_commitment_saved, sender=Commitment, dispatch_uid="search-commitment")
    post_save.connect(_on_letter_saved, sender=Letter, dispatch_uid="search-letter")
