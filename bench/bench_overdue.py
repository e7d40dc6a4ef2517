"""Benchmark: flag 1,000,000 open commitments overdue, and build 10,000 subscriptions' digests,
on PostgreSQL, in a scratch database that is created and dropped here.

    .venv/bin/python bench/bench_overdue.py [--rows 1000000] [--subscriptions 10000] [--smoke]
        [--keep]

Needs PostgreSQL at BENCH_PG (default postgres://postgres@127.0.0.1:5432); the scratch database
is BENCH_DB (default toezeggingen_bench). `--smoke` (or BENCH_SMOKE=1) runs it at a few hundred
rows: the test suite does that on its own database (tests/test_bench_smoke.py) so the
benchmark cannot rot. Reports times only; no test asserts on them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SCRATCH = os.environ.get("BENCH_DB", "toezeggingen_bench")
SMOKE = {"rows": 600, "subscriptions": 30}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--subscriptions", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("BENCH_SMOKE") == "1",
        help="tiny sizes: shows the benchmark runs, measures nothing",
    )
    args = parser.parse_args(argv)
    sizes = SMOKE if args.smoke else {"rows": args.rows, "subscriptions": args.subscriptions}
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {SCRATCH}")
    try:
        os.environ["DATABASE_URL"] = f"{SERVER}/{SCRATCH}"
        os.environ.setdefault("DEBUG", "true")  # a local benchmark, not a deployment
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        run(**sizes)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")


def timed(label: str, func: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = func()
    print(f"{label}: {(time.perf_counter() - start) * 1000:.0f} ms ({result})", flush=True)
    return result


def fill(rows: int, today: dt.date) -> int:
    """`rows` commitments with due dates spread over three years around today (about half past
    due); returns how many are open and past due."""
    from django.db import connection

    with connection.cursor() as c:
        c.execute(
            """
            INSERT INTO commitments_commitment
              (number, quote, text, actor, ministry, committee, made_to, kind, deadline_phrase,
               due_date, made_on, status, review, origin, register_status_seen, edited, version,
               created_at, updated_at, rule)
            SELECT 'TZ-B-' || g, 'Ik zal uw Kamer informeren.', 'Informeren ' || g, 'Minister',
                   'Ministerie ' || (g %% 12), '', '', 'inform', '',
                   %s::date + ((g %% 1095) - 547), %s::date - 600,
                   CASE WHEN g %% 10 = 0 THEN 'fulfilled' ELSE 'open' END,
                   CASE WHEN g %% 3 = 0 THEN 'proposed' ELSE 'confirmed' END,
                   'extracted', '', false, 1, now(), now(), ''
            FROM generate_series(1, %s) g
            """,
            [today, today, rows],
        )
        c.execute("ANALYZE")
        c.execute(
            "SELECT count(*) FROM commitments_commitment WHERE status = 'open' AND due_date < %s",
            [today],
        )
        return int(c.fetchone()[0])


def run(*, rows: int, subscriptions: int) -> dict[str, int]:
    """The benchmark on the current database (migrated, empty); returns what each step did."""
    from django.db import connection
    from django.utils import timezone

    from commitments.digests import create_digests
    from commitments.models import Digest
    from commitments.overdue import flag_overdue, unflag_no_longer_overdue

    today = timezone.localdate()
    overdue = fill(rows, today)
    print(f"{rows} commitments, {overdue} open and past due")

    result = {"past_due": overdue}

    def morning(label: str, as_of: dt.date) -> tuple[int, float]:
        """What flag_overdue_task does each morning (heal, then flag); its ms."""
        start = time.perf_counter()
        healed = unflag_no_longer_overdue(as_of=as_of)
        middle = time.perf_counter()
        written = flag_overdue(as_of=as_of)
        end = time.perf_counter()
        print(
            f"{label}: {written} flagged in {(end - middle) * 1000:.0f} ms "
            f"(heal pass: {healed} in {(middle - start) * 1000:.0f} ms)",
            flush=True,
        )
        return written, (end - middle) * 1000

    result["first"], _ms = morning("first run (every overdue row is new)", today)
    with connection.cursor() as c:
        # Days pass: autovacuum has cleaned up after the first run's mass update (dead row
        # versions in the partial index) before the next morning. VACUUM cannot run in a
        # transaction, as in the suite's smoke run.
        vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        c.execute(f"{vacuum} commitments_commitment, commitments_event")
    days = [morning(f"a normal day ({n})", today + dt.timedelta(days=n)) for n in range(1, 6)]
    result["next_day"] = days[0][0]
    print(f"a normal day, median of {len(days)}: {statistics.median(ms for _n, ms in days):.0f} ms")
    result["rerun"], _ms = morning("a same-day re-run (nothing new)", today + dt.timedelta(days=5))

    with connection.cursor() as c:
        c.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, "
            "last_name, email, is_staff, is_active, date_joined) "
            "SELECT '!', false, 'bench-u' || g, '', '', 'u' || g || '@example.org', false, "
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
            FROM auth_user u WHERE u.username LIKE 'bench-u%'
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
    result["digests"] = report.created + report.skipped
    result["digests_again"] = timed(
        "create_digests again (all exist)", lambda: create_digests(now=timezone.now()).existing
    )
    return result


if __name__ == "__main__":
    main()
