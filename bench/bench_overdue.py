"""Benchmark: flag 1,000,000 open commitments overdue, and build 10,000 subscriptions' digests,
on PostgreSQL, in a scratch database that is created and dropped here.

    .venv/bin/python bench/bench_overdue.py [--rows 1000000] [--subscriptions 10000]

Needs PostgreSQL at BENCH_PG (default postgres://postgres@127.0.0.1:5432). Reports times only;
no test asserts on them.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SCRATCH = "toezeggingen_bench"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--subscriptions", type=int, default=10_000)
    args = parser.parse_args()

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {SCRATCH}")
    try:
        run(args.rows, args.subscriptions)
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label}: {time.perf_counter() - start:.2f} s ({result})", flush=True)
    return result


def run(rows: int, subscriptions: int) -> None:
    os.environ["DATABASE_URL"] = f"{SERVER}/{SCRATCH}"
    os.environ.setdefault("DEBUG", "true")  # a local benchmark, not a deployment
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from commitments.digests import create_digests
    from commitments.models import Digest
    from commitments.overdue import flag_overdue

    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    with connection.cursor() as c:
        # Due dates spread over three years around today: about half are past due.
        c.execute(
            """
            INSERT INTO commitments_commitment
              (number, quote, text, actor, ministry, committee, made_to, kind, deadline_phrase,
               due_date, made_on, status, review, origin, edited, version, created_at, updated_at)
            SELECT 'TZ-B-' || g, 'Ik zal uw Kamer informeren.', 'Informeren ' || g, 'Minister',
                   'Ministerie ' || (g %% 12), '', '', 'inform', '',
                   %s::date + ((g %% 1095) - 547), %s::date - 600,
                   CASE WHEN g %% 10 = 0 THEN 'fulfilled' ELSE 'open' END,
                   CASE WHEN g %% 3 = 0 THEN 'proposed' ELSE 'confirmed' END,
                   'extracted', false, 1, now(), now()
            FROM generate_series(1, %s) g
            """,
            [today, today, rows],
        )
        c.execute("ANALYZE")
        c.execute(
            "SELECT count(*) FROM commitments_commitment WHERE status = 'open' AND due_date < %s",
            [today],
        )
        overdue = c.fetchone()[0]
    print(f"{rows} commitments, {overdue} open and past due")

    timed(
        "flag_overdue, first run (every overdue row is new)",
        lambda: flag_overdue(as_of=today - dt.timedelta(days=1)),
    )
    timed("flag_overdue, next day (one day's increment)", lambda: flag_overdue(as_of=today))
    timed("flag_overdue, re-run the same day (nothing new)", lambda: flag_overdue(as_of=today))

    with connection.cursor() as c:
        c.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, "
            "last_name, email, is_staff, is_active, date_joined) "
            "SELECT '!', false, 'u' || g, '', '', 'u' || g || '@example.org', false, "
            "true, now() FROM generate_series(1, %s) g",
            [subscriptions],
        )
        # Subscribers follow one of 12 ministries, with or without a status filter, or all.
        c.execute(
            """
            INSERT INTO commitments_subscription
              (user_id, email, query, language, paused, created_at)
            SELECT u.id, u.email,
                   CASE WHEN u.id % 25 = 0 THEN ''
                        WHEN u.id % 2 = 0 THEN 'ministry=Ministerie+' || (u.id % 12)
                        ELSE 'ministry=Ministerie+' || (u.id % 12) || '&status=open' END,
                   CASE WHEN u.id % 4 = 0 THEN 'en' ELSE 'nl' END, false, now()
            FROM auth_user u
            """
        )
    start = time.perf_counter()
    report = create_digests(now=timezone.now())
    print(
        f"create_digests for {subscriptions} subscriptions: {time.perf_counter() - start:.2f} s",
        flush=True,
    )
    print(
        f"  created {report.created}, skipped {report.skipped}; "
        f"{Digest.objects.count()} rows in the outbox"
    )
    timed("create_digests again (all exist)", lambda: create_digests(now=timezone.now()).existing)


if __name__ == "__main__":
    main()
