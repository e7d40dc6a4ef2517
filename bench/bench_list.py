"""How the commitments list behaves at a million rows on PostgreSQL.

    .venv/bin/python bench/bench_list.py [--rows 1000000] [--keep]

Creates a scratch database (toezeggingen_bench_list), fills it with generated commitments by a
set-based INSERT ... SELECT generate_series, and times list pages through Django's test client:
first pages under each filter and ordering, a deep keyset page, the CSV export's first rows.
Prints the median of several requests per case. Drops the database afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg

ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DB_NAME = "toezeggingen_bench_list"

FILL_SQL = """
INSERT INTO commitments_commitment
  (number, quote, text, actor, ministry, committee, made_to, kind, deadline_phrase, due_date,
   made_on, status, review, origin, edited, version, created_at, updated_at, confidence)
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
  'extracted', false, 1, now(), now(), 0.8
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


def timed(fn, repeat: int) -> float:
    fn()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        admin.execute(f"CREATE DATABASE {DB_NAME}")

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
    os.environ.setdefault("DEBUG", "true")  # a local benchmark, not a deployment
    os.environ["DJANGO_SETTINGS_MODULE"] = "tracker.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from commitments.models import Commitment
    from commitments.pagination import _encode

    try:
        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(FILL_SQL, {"rows": args.rows})
        fill = time.perf_counter() - start
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE commitments_commitment")
        print(f"filled {args.rows:,} commitments in {fill:.1f} s")

        client = Client()
        print(f"{'case':40} {'median ms':>10}")
        for label, params in CASES:

            def get(params=params):
                response = client.get("/toezeggingen/", params)
                assert response.status_code == 200, response.status_code

            print(f"{label:40} {timed(get, args.repeat):10.1f}")

        # A deep page: the cursor of the row 90% down the due-date order.
        deep = (
            Commitment.objects.visible()
            .filter(due_date__isnull=False)
            .order_by("due_date", "pk")
            .values_list("due_date", "pk")[int(args.rows * 0.6)]
        )
        cursor_value = _encode("due_date:asc", deep[0], deep[1])

        def deep_page():
            response = client.get("/toezeggingen/", {"cursor": cursor_value})
            assert response.status_code == 200

        print(f"{'deep keyset page (60% down)':40} {timed(deep_page, args.repeat):10.1f}")

        def csv_head():
            response = client.get("/toezeggingen/export.csv", {"ministry": "Defensie"})
            iterator = iter(response.streaming_content)
            for _ in range(1001):
                next(iterator)
            response.close()

        print(f"{'CSV export, first 1000 rows':40} {timed(csv_head, args.repeat):10.1f}")
    finally:
        connection.close()
        if not args.keep:
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")


if __name__ == "__main__":
    main()
