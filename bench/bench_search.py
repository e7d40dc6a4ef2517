"""How search and the overview behave at 1,000,000 commitments and 200,000 letters (PostgreSQL).

    .venv/bin/python bench/bench_search.py [--commitments 1000000] [--letters 200000]
                                           [--repeat 20] [--keep] [--db NAME] [--smoke]

Creates a scratch database (tz_bench_search; the server from $BENCH_ADMIN_URL, default
postgres@127.0.0.1:5432), migrates it and fills it by set-based INSERT ... SELECT
generate_series: letters, commitments, a fulfilment event per fulfilled commitment, and the
search index rows. The index rows hold synthetic stems drawn from a Zipf-like vocabulary (word
n with probability ~1/n), so one word is in about half the commitments and every letter while
another is in a few dozen commitments. Each word is five letters without vowels, which the
Dutch stemmer leaves alone and which is never the prefix of another word, so a query for it
matches that word only. The tsvector and its GIN index are built as migration 0008 builds them.

Then, through Django's test client: the list (`/toezeggingen/?q=`), the search page
(`/zoeken/?q=`) and the letters list (`/brieven/?q=`) for the rare and the common word, and
the overview (`/`). Prints p50 and p95 over --repeat requests per case (after one warm-up).
Each case also checks its answer against SQL, so a fast wrong page fails the run.

`--smoke` (or BENCH_SIZE=smoke) runs the same code at 2,000 commitments and 400 letters in a
few seconds; the suite runs it (tests/test_bench_search_smoke.py). `--json` prints the
figures as JSON. Drops the database afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

ADMIN_URL = os.environ.get("BENCH_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
DB_NAME = "tz_bench_search"
VOCABULARY = 50_000
# 18 consonants, no vowel and no s or j: the Dutch Snowball stemmer finds no region to strip
# in such a word, so the query's stem is the word itself.
ALPHABET = "bcdfghklmnpqrtvwxz"

# Word n of the vocabulary in SQL: "z" and n written in base 18 with ALPHABET, four digits.
A = ALPHABET
WORD_SQL = (
    f"'z' || substr('{A}', 1 + (n %% 18), 1) || substr('{A}', 1 + (n / 18 %% 18), 1)"
    f" || substr('{A}', 1 + (n / 324 %% 18), 1) || substr('{A}', 1 + (n / 5832 %% 18), 1)"
)
# A Zipf-like draw: n = floor(V ** random()) has P(n) ~ 1/n on 1..V.
DRAW_SQL = f"floor(exp(random() * ln({VOCABULARY})))::int"


def word(n: int) -> str:
    digits = [(n // 18**k) % 18 for k in range(4)]
    return "z" + "".join(ALPHABET[d] for d in digits)


def terms_sql(count_sql: str) -> str:
    """A correlated subquery: `count_sql` words drawn from the vocabulary, space-separated.
    `count_sql` mentions the outer row (i), which makes PostgreSQL draw anew for each row."""
    return (
        f"(SELECT string_agg({WORD_SQL}, ' ') FROM "
        f"(SELECT {DRAW_SQL} AS n FROM generate_series(1, {count_sql})) AS draw)"
    )


LETTERS_SQL = """
INSERT INTO commitments_letter
  (id, title, text, content_hash, source_name, source_format, source_url, original_file, date,
   date_inferred, addressee, kamerstuk, dossier, signatories, ministry, committee,
   extraction_state, extraction_error, imported_at, source_kind, document_number, public_url,
   withdrawn_reason, subject)
SELECT
  i, 'Brief over onderwerp ' || i, '', md5('letter ' || i), 'brief-' || i || '.pdf', 'pdf', '',
  '', DATE '2001-01-01' + (i %% 9400), false, 'TK',
  (20000 + i %% 16000) || '-' || (1 + i %% 400), (20000 + i %% 16000)::text, '[]'::jsonb,
  (ARRAY['Buitenlandse Zaken','Defensie','Financiën','Justitie en Veiligheid'])[1 + i %% 4],
  '', 'done', '', now(), 'upload', '', '', '', 'Onderwerp ' || i
FROM generate_series(1, %(letters)s) AS i
"""

# bench_list.py's commitments, spread to the present (made 2001-2026) so the overview's last
# quarters hold rows, each from one of the letters.
COMMITMENTS_SQL = """
INSERT INTO commitments_commitment
  (id, number, letter_id, quote, text, actor, ministry, committee, made_to, kind,
   deadline_phrase, due_date, made_on, status, review, origin, register_status_seen, edited,
   version, created_at, updated_at, confidence, rule)
SELECT
  i, 'TZ-' || (2000 + i %% 25) || '-' || lpad(i::text, 7, '0'), 1 + i %% %(letters)s,
  'Ik zal uw Kamer voor de zomer informeren over onderwerp ' || i || '.',
  'Informeren over onderwerp ' || i,
  (ARRAY['kabinet','Minister van Buitenlandse Zaken','Minister van Defensie',
         'Minister van Financiën','Staatssecretaris van Justitie en Veiligheid'])[1 + i %% 5],
  (ARRAY['Buitenlandse Zaken','Defensie','Financiën','Justitie en Veiligheid',
         'Onderwijs, Cultuur en Wetenschap','Volksgezondheid, Welzijn en Sport',
         'Infrastructuur en Waterstaat','Economische Zaken'])[1 + i %% 8],
  (ARRAY['BuZa','Defensie','Financiën','J&V','OCW','VWS','I&W','EZK'])[1 + (i / 7) %% 8],
  '', (ARRAY['inform','send_document','action'])[1 + i %% 3], 'voor de zomer',
  CASE WHEN i %% 10 = 0 THEN NULL ELSE DATE '2001-01-01' + (i %% 9400) + (i %% 700) END,
  DATE '2001-01-01' + (i %% 9400),
  (ARRAY['open','open','open','fulfilled','partly_fulfilled','withdrawn'])[1 + i %% 6],
  (ARRAY['proposed','confirmed','confirmed','rejected'])[1 + i %% 4],
  'extracted', '', false, 1, now(), now(), 0.8, ''
FROM generate_series(1, %(commitments)s) AS i
"""

EVENTS_SQL = """
INSERT INTO commitments_event
  (commitment_id, kind, at, url, note, old_status, new_status, changes)
SELECT id, 'fulfilled', (made_on + (id %% 400)::int)::timestamptz, '', '', 'open', 'fulfilled', '{}'
FROM commitments_commitment WHERE status = 'fulfilled'
"""

# 10-20 words per commitment, 200-500 per letter; the letter's text is its first words.
COMMITMENT_TERMS_SQL = f"""
INSERT INTO commitments_commitmentsearch (commitment_id, terms)
SELECT i, {terms_sql("10 + i %% 11")} FROM generate_series(1, %(commitments)s) AS i
"""
LETTER_TERMS_SQL = f"""
INSERT INTO commitments_lettersearch (letter_id, terms)
SELECT i, {terms_sql("200 + i %% 301")} FROM generate_series(1, %(letters)s) AS i
"""
LETTER_TEXT_SQL = """
UPDATE commitments_letter AS l SET text = 'Geachte voorzitter, ' || left(s.terms, 1500)
FROM commitments_lettersearch AS s WHERE s.letter_id = l.id
"""


def fill(connection, commitments: int, letters: int) -> dict[str, float]:
    """Fill the tables; the seconds each step took."""
    steps = [
        ("letters", LETTERS_SQL),
        ("commitments", COMMITMENTS_SQL),
        ("events", EVENTS_SQL),
        ("commitment terms", COMMITMENT_TERMS_SQL),
        ("letter terms", LETTER_TERMS_SQL),
        ("letter text", LETTER_TEXT_SQL),
        # The GIN indexes from migration 0008 are built after the load (faster than updating
        # them row by row), over the same expression store_terms writes.
        ("drop GIN", "DROP INDEX commitment_search_vector; DROP INDEX letter_search_vector"),
        (
            "commitment vectors",
            "UPDATE commitments_commitmentsearch SET vector = to_tsvector('simple', terms)",
        ),
        (
            "letter vectors",
            "UPDATE commitments_lettersearch SET vector = to_tsvector('simple', terms)",
        ),
        (
            "GIN indexes",
            "CREATE INDEX commitment_search_vector ON commitments_commitmentsearch "
            "USING gin (vector); CREATE INDEX letter_search_vector ON commitments_lettersearch "
            "USING gin (vector)",
        ),
        (
            "sequences",
            "SELECT setval(pg_get_serial_sequence('commitments_letter', 'id'), "
            "%(letters)s); SELECT setval(pg_get_serial_sequence('commitments_commitment', 'id'), "
            "%(commitments)s)",
        ),
    ]
    seconds = {}
    params = {"commitments": commitments, "letters": letters}
    for label, sql in steps:
        start = time.perf_counter()
        with connection.cursor() as cursor:
            for statement in sql.split("; "):
                cursor.execute(statement, params)
        seconds[label] = time.perf_counter() - start
    start = time.perf_counter()
    with connection.cursor() as cursor:
        for table in ("letter", "commitment", "event", "commitmentsearch", "lettersearch"):
            cursor.execute(f"VACUUM ANALYZE commitments_{table}")
    seconds["vacuum analyze"] = time.perf_counter() - start
    return seconds


def hits(connection, table: str, term: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM commitments_{table} WHERE vector @@ to_tsquery('simple', %s)",
            [f"'{term}':*"],
        )
        return cursor.fetchone()[0]


def visible_hits(connection, term: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM commitments_commitmentsearch s JOIN commitments_commitment c "
            "ON c.id = s.commitment_id WHERE c.review <> 'rejected' "
            "AND s.vector @@ to_tsquery('simple', %s)",
            [f"'{term}':*"],
        )
        return cursor.fetchone()[0]


def choose_words(commitments: int) -> tuple[str, str]:
    """The most common word, and a rare one: the word expected in ~30 commitments (P(n) is
    about 1/(n ln V) per drawn word, and a commitment draws 15 on average)."""
    rare = min(VOCABULARY - 1, max(2, round(commitments * 15 / (30 * math.log(VOCABULARY)))))
    return word(1), word(rare)


def percentiles(fn: Callable[[], None], repeat: int) -> tuple[float, float]:
    fn()  # warm-up: the first request also fills Django's caches
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, math.ceil(0.95 * len(samples)) - 1)]
    return statistics.median(samples), p95


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commitments", type=int, default=1_000_000)
    parser.add_argument("--letters", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--db", default=DB_NAME)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="time a database kept before")
    parser.add_argument("--smoke", action="store_true", help="2,000 commitments, 400 letters")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.smoke or os.environ.get("BENCH_SIZE") == "smoke":
        args.commitments, args.letters, args.repeat = 2_000, 400, min(args.repeat, 3)
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.db):
        parser.error("--db: lowercase letters, digits and _ only")

    if not args.reuse:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {args.db}")
            admin.execute(f"CREATE DATABASE {args.db}")

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    server = ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgres://")
    os.environ["DATABASE_URL"] = f"{server}/{args.db}"
    os.environ["DEBUG"] = "true"  # a local benchmark, not a deployment
    os.environ["DJANGO_SETTINGS_MODULE"] = "tracker.settings"
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment
    from django.utils import timezone

    from commitments import search
    from commitments.models import Commitment, Letter

    result: dict = {"commitments": args.commitments, "letters": args.letters, "cases": {}}
    try:
        if not args.reuse:
            call_command("migrate", verbosity=0)
            result["fill_seconds"] = fill(connection, args.commitments, args.letters)
            if not args.json:
                total = sum(result["fill_seconds"].values())
                print(
                    f"filled {args.commitments:,} commitments, {args.letters:,} letters "
                    f"in {total:.0f} s"
                )
        common, rare = choose_words(args.commitments)
        assert search.query_prefixes(rare) == [rare], "the stemmer changed a synthetic word"
        words = {"rare": rare, "common": common}
        result["hits"] = {
            name: {
                "commitments": hits(connection, "commitmentsearch", w),
                "visible commitments": visible_hits(connection, w),
                "letters": hits(connection, "lettersearch", w),
            }
            for name, w in words.items()
        }
        if not args.json:
            for name, w in words.items():
                h = result["hits"][name]
                print(
                    f"{name} word {w!r}: {h['visible commitments']:,} visible commitments "
                    f"of {h['commitments']:,}, {h['letters']:,} letters"
                )

        client = Client()
        # The list counts at most 10,000 rows; the letters list and search pages show 50 / 20.
        cases: list[tuple[str, str, dict, Callable]] = []
        for name, w in words.items():
            h = result["hits"][name]

            def list_ok(response, h=h) -> None:
                expected = min(h["visible commitments"], 50)
                assert len(response.context["commitments"]) == expected
                count, more = response.context["count"], response.context["count_more"]
                assert (count, more) == (
                    min(h["visible commitments"], 10_000),
                    h["visible commitments"] > 10_000,
                ), (count, more)

            def search_ok(response, h=h) -> None:
                assert len(response.context["commitments"]) == min(h["visible commitments"], 20)
                assert len(response.context["letters"]) == min(h["letters"], 20)

            def letters_ok(response, h=h) -> None:
                paginator = response.context["paginator"]  # pages over at most its limit
                assert paginator.count == min(h["letters"], paginator.limit)
                assert len(response.context["object_list"]) == min(h["letters"], 50)

            cases += [
                (f"list ?q={name}", "/toezeggingen/", {"q": w}, list_ok),
                (f"search ?q={name}", "/zoeken/", {"q": w}, search_ok),
                (f"letters ?q={name}", "/brieven/", {"q": w}, letters_ok),
            ]

        open_total = Commitment.objects.open().count()

        def overview_ok(response) -> None:
            assert response.context["overview"].headline[0].value == open_total

        cases.append(("overview /", "/", {}, overview_ok))
        assert Letter.objects.count() == args.letters

        # Each answer is checked once with the test client's template instrumentation (which
        # gives response.context), then timed without it.
        setup_test_environment()
        try:
            for _label, path, params, check in cases:
                response = client.get(path, params)
                assert response.status_code == 200, (path, params, response.status_code)
                check(response)
        finally:
            teardown_test_environment()

        if not args.json:
            print(f"{'case':24} {'p50 ms':>8} {'p95 ms':>8}   ({args.repeat} requests each)")
        for label, path, params, _check in cases:

            def get(path=path, params=params) -> None:
                response = client.get(path, params)
                assert response.status_code == 200, (path, params, response.status_code)

            p50, p95 = percentiles(get, args.repeat)
            result["cases"][label] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
            if not args.json:
                print(f"{label:24} {p50:8.1f} {p95:8.1f}")

        # After a change the page serves the last numbers and queues a count for a worker (not
        # run here: the tasks are made non-eager), and the worker's count is timed on its own.
        from commitments.overview import refresh_overview_for
        from tracker.celery import app as celery_app

        celery_app.conf.task_always_eager = False
        overview_cases = {
            "overview / after a change": lambda: cache.incr("commitments:overview:generation"),
            "overview / first ever": cache.clear,
        }
        for label, before in overview_cases.items():

            def changed(before=before) -> None:
                before()
                assert client.get("/").status_code == 200

            p50, p95 = percentiles(changed, min(args.repeat, 5))
            result["cases"][label] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
            if not args.json:
                print(f"{label:24} {p50:8.1f} {p95:8.1f}   ({min(args.repeat, 5)})")

        def worker_count() -> None:
            cache.incr("commitments:overview:generation")
            assert refresh_overview_for({}, timezone.localdate()) is True

        p50, p95 = percentiles(worker_count, min(args.repeat, 5))
        result["cases"]["overview: worker's count"] = {
            "p50_ms": round(p50, 1),
            "p95_ms": round(p95, 1),
        }
        if not args.json:
            print(f"{'overview: worker count':24} {p50:8.1f} {p95:8.1f}   ({min(args.repeat, 5)})")
    finally:
        connection.close()
        if not args.keep:
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {args.db}")
    if args.json:
        print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
