"""How the commitments list behaves at a million rows on PostgreSQL.

    .venv/bin/python bench/bench_list.py [--rows 1000000] [--keep] [--smoke]

Creates a scratch database (BENCH_DB, default toezeggingen_bench_list, on the server at
BENCH_PG, default postgres://postgres@127.0.0.1:5432), fills it with generated commitments by a
set-based INSERT ... SELECT generate_series, and times list pages through Django's test client:
first pages under each filter and ordering, a deep keyset page, the CSV export's first rows.
Prints the median of several requests per case. Drops the database afterwards unless --keep.
`--smoke` (or BENCH_SMOKE=1) runs it at a few hundred rows, one request per case: the test
suite does that on its own PostgreSQL database (tests/test_bench_smoke.py) so the benchmark
cannot rot.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB", "toezeggingen_bench_list")
SMOKE = {"rows": 500, "repeat": 1}

FILL_SQL = """
INSERT INTO commitments_commitment
  (number, quote, text, actor, ministry, committee, made_to, kind, deadline_phrase, due_date,
   made_on, status, review, origin, register_status_seen, edited, version, created_at,
   updated_at, confidence, rule)
SELECT
  'TZ-' || (2000 + i %% 25) || '-' || lpad(i::text, 7, '0'),
  'Ik zal uw Kamer voor de zomer informeren over onderwerp ' || i || '.',
  'Informeren over onderwerp ' || i || (CASE WHEN i %% 1000 = 0 THEN ' Sahel' ELSE '' END),
  (ARRAY['kabinet','Minister van Buitenlandse Zaken','Minister van Defensie',
         'Minister van Financiën','Staatssecretaris van Justitie en Veiligheid'])[1 + i %% 5],
  (ARRAY['Buitenlandse Zaken','Defensie','Financiën','Justitie en Veiligheid',
         'Onderwijs, Cultuur en Wetenschap','Volksgezondheid, Welzijn en Sport',
         'Infrastructuur en Waterstaat','Economische Zaken'])[1 + i %% 8],
  (ARRAY['BuZa','Defensie','Financiën','J&V','OCW','VWS','I&W','EZK'])[1 + (i / 7) %% 8],
  '', (ARRAY['inform','send_document','action'])[1 + i %% 3], 'voor de zomer',
  CASE WHEN i %% 10 = 0 THEN NULL ELSE DATE '2000-01-01' + (i %% 9500) END,
  DATE '2000-01-01' + (i %% 9400),
  (ARRAY['open','open','open','fulfilled','partly_fulfilled','withdrawn'])[1 + i %% 6],
  (ARRAY['proposed','confirmed','confirmed','rejected'])[1 + i %% 4],
  'extracted', '', false, 1, now(), now(), 0.8, ''
FROM generate_series(1, %(rows)s) AS i
"""

CASES = [
    ("first page, due date", {}),
    ("first page, newest made", {"order": "-made"}),
    ("first page, by number", {"order": "number"}),
    ("status=open", {"status": "open"}),
    ("ministry", {"ministry": "Defensie"}),
    ("actor", {"actor": "kabinet"}),
    ("committee", {"committee": "OCW"}),
    ("review=proposed", {"review": "proposed"}),
    ("overdue", {"overdue": "true"}),
    ("due in next 30 days", {"due_within": "30"}),
    ("due date range", {"due_after": "2010-01-01", "due_before": "2010-03-31"}),
    ("ministry + status, latest due", {"ministry": "Financiën", "status": "open", "order": "-due"}),
    ("text query (rare word)", {"q": "Sahel"}),
    ("status=open, newest made", {"status": "open", "order": "-made"}),
    ("ministry, newest made", {"ministry": "Defensie", "order": "-made"}),
    ("actor, by number", {"actor": "kabinet", "order": "number"}),
    ("rejected only", {"review": "rejected"}),
]


def timed(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("BENCH_SMOKE") == "1",
        help="tiny sizes: shows the benchmark runs, measures nothing",
    )
    args = parser.parse_args(argv)
    sizes = SMOKE if args.smoke else {"rows": args.rows, "repeat": args.repeat}
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DB_NAME}")

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DATABASE_URL"] = f"{SERVER}/{DB_NAME}"
    os.environ.setdefault("DEBUG", "true")  # a local benchmark, not a deployment
    os.environ["DJANGO_SETTINGS_MODULE"] = "tracker.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        run(**sizes)
    finally:
        connection.close()
        if not args.keep:
            with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def run(*, rows: int, repeat: int) -> dict[str, float]:
    """The benchmark on the current database (migrated, empty); returns median ms per case."""
    from django.db import connection
    from django.test import Client

    from commitments.models import Commitment
    from commitments.pagination import _encode

    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(FILL_SQL, {"rows": rows})
    fill = time.perf_counter() - start
    with connection.cursor() as cursor:
        # VACUUM cannot run in a transaction (the test suite's smoke run is in one).
        analyze = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        cursor.execute(f"{analyze} commitments_commitment")
    print(f"filled {rows:,} commitments in {fill:.1f} s")

    client = Client()
    results: dict[str, float] = {}
    print(f"{'case':40} {'median ms':>10}")
    for label, params in CASES:

        def get(params: dict[str, str] = params) -> None:
            response = client.get("/toezeggingen/", params)
            assert response.status_code == 200, response.status_code

        results[label] = timed(get, repeat)
        print(f"{label:40} {results[label]:10.1f}")

    # A deep page: the cursor of the row 60% down the due-date order.
    deep = (
        Commitment.objects.visible()
        .filter(due_date__isnull=False)
        .order_by("due_date", "pk")
        .values_list("due_date", "pk")[int(rows * 0.6)]
    )
    cursor_value = _encode("due_date:asc", deep[0], deep[1])

    def deep_page() -> None:
        response = client.get("/toezeggingen/", {"cursor": cursor_value})
        assert response.status_code == 200

    results["deep"] = timed(deep_page, repeat)
    print(f"{'deep keyset page (60% down)':40} {results['deep']:10.1f}")

    def csv_head() -> None:
        response = client.get("/toezeggingen/export.csv", {"ministry": "Defensie"})
        for _row, _chunk in zip(range(1001), response.streaming_content, strict=False):
            pass
        # Stops the export's server-side cursor. In the suite's transaction (smoke size, the
        # whole CSV read) the test client has closed it, and closing again would close the
        # connection the test runs in.
        if not connection.in_atomic_block:
            response.close()

    results["csv"] = timed(csv_head, repeat)
    print(f"{'CSV export, first 1000 rows':40} {results['csv']:10.1f}")
    return results


if __name__ == "__main__":
    main()
