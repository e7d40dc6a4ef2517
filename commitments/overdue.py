"""The daily overdue job: put a "became overdue" event on each commitment that newly crossed
its due date, once, however often the job runs and however many workers run it.

"Overdue" itself is a predicate (`Commitment.objects.overdue(as_of=)`), never a stored flag: a
million-row UPDATE every morning would cost a minute. What the job writes is the timeline's
increment: one OVERDUE event per commitment that is overdue and not currently flagged.

Key scheme: each OVERDUE event carries `dedupe_key = "overdue:<pk>:<due date>:<n>"`, where n is
the number of OVERDUE events the commitment had before plus one. Two runs (or two workers) that
look at the same state compute the same key, and the unique constraint on Event.dedupe_key lets
exactly one insert win. After a NO_LONGER_OVERDUE event (fulfilled, withdrawn, a later due date:
see services.py) a commitment that becomes overdue again gets the next n, so it is flagged
again, once.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from .models import Commitment, Event, EventKind, today

FLAG_KINDS = (EventKind.OVERDUE, EventKind.NO_LONGER_OVERDUE)


def _event_table_and_columns() -> tuple[str, str]:
    """The event table and the columns the set-based inserts below fill, quoted."""
    qn = connection.ops.quote_name
    columns = ", ".join(
        qn(Event._meta.get_field(name).column)
        for name in (
            "commitment",
            "kind",
            "at",
            "url",
            "note",
            "old_status",
            "new_status",
            "changes",
            "dedupe_key",
        )
    )
    return qn(Event._meta.db_table), columns


def _flag_counts_sql(table: str) -> str:
    """Per commitment: how many OVERDUE and NO_LONGER_OVERDUE events it has (FLAG_COUNTS_PARAMS).
    Flagged means more of the first: see flag_overdue's docstring."""
    return f"""
        SELECT commitment_id,
               SUM(CASE WHEN kind = %s THEN 1 ELSE 0 END) AS n_overdue,
               SUM(CASE WHEN kind = %s THEN 1 ELSE 0 END) AS n_unflagged
        FROM {table} WHERE kind IN (%s, %s) GROUP BY commitment_id
    """


FLAG_COUNTS_PARAMS = (
    EventKind.OVERDUE,
    EventKind.NO_LONGER_OVERDUE,
    EventKind.OVERDUE,
    EventKind.NO_LONGER_OVERDUE,
)


def last_flag_kind() -> Subquery:
    """The commitment's latest OVERDUE / NO_LONGER_OVERDUE event kind, as services.py reads it
    (`_is_flagged_overdue`): flagged when it is OVERDUE."""
    return Subquery(
        Event.objects.filter(commitment=OuterRef("pk"), kind__in=FLAG_KINDS)
        # The leading commitment column is constant here; it makes the order match a backward
        # scan of event_timeline (commitment, at, id). Without it PostgreSQL walked
        # event_kind_at per row: 30 s instead of seconds for 100 000 commitments.
        .order_by("-commitment_id", "-at", "-id")
        .values("kind")[:1]
    )


@transaction.atomic
def flag_overdue(*, as_of: dt.date | None = None) -> int:
    """Write the OVERDUE events of `as_of` (default: today in Europe/Amsterdam); return how many
    were written. Running it again, or on two workers at once, writes none twice.

    One INSERT ... SELECT ... ON CONFLICT DO NOTHING: no row travels to Python, and unlike
    bulk_create(ignore_conflicts=True) the row count says how many events were really written.

    "Not currently flagged" is read from counts: services.py writes NO_LONGER_OVERDUE only
    after an OVERDUE and this job writes OVERDUE only when the two counts are equal, so the
    latest of the two is OVERDUE exactly when there are more OVERDUE events (the definition of
    `_is_flagged_overdue`). Counting is one hash aggregate over the events; the per-row
    "latest event" subquery (`last_flag_kind`) degrades to a sequential scan of the event
    table per commitment when statistics are stale, which cost 30 s for 45 000 rows.
    """
    as_of = as_of or today()
    qn = connection.ops.quote_name
    overdue_sql, overdue_params = (
        Commitment.objects.overdue(as_of=as_of)
        .order_by()
        .values_list("pk", "due_date")
        .query.sql_with_params()
    )
    table, columns = _event_table_and_columns()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    pk, due = qn("pk"), qn("due_date")
    # The outer WHERE also keeps SQLite from reading "ON CONFLICT" as a join's ON.
    sql = f"""
        INSERT INTO {table} ({columns})
        SELECT c.{pk}, %s, %s, '', '', '', '', '{{}}',
               'overdue:' || CAST(c.{pk} AS TEXT) || ':' || CAST(c.{due} AS TEXT) || ':'
               || CAST(COALESCE(f.n_overdue, 0) + 1 AS TEXT)
        FROM ({overdue_sql}) c
        LEFT JOIN ({_flag_counts_sql(table)}) f ON f.commitment_id = c.{pk}
        WHERE COALESCE(f.n_overdue, 0) <= COALESCE(f.n_unflagged, 0)
        ON CONFLICT DO NOTHING
    """
    params = (EventKind.OVERDUE, now, *overdue_params, *FLAG_COUNTS_PARAMS)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return max(cursor.rowcount, 0)


@transaction.atomic
def unflag_no_longer_overdue(*, as_of: dt.date | None = None) -> int:
    """Write NO_LONGER_OVERDUE for commitments whose timeline says overdue but that are not.

    The services write this event themselves when an analyst fulfils, withdraws or moves a
    date; this pass catches what slipped past them, such as a commitment fulfilled while the
    morning job was inserting its OVERDUE event, so the timeline heals by the next run.
    """
    as_of = as_of or today()
    overdue_sql, overdue_params = (
        Commitment.objects.overdue(as_of=as_of).order_by().values_list("pk").query.sql_with_params()
    )
    table, columns = _event_table_and_columns()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    sql = f"""
        INSERT INTO {table} ({columns})
        SELECT f.commitment_id, %s, %s, '', '', '', '', '{{}}',
               'no-longer-overdue:' || CAST(f.commitment_id AS TEXT) || ':'
               || CAST(f.n_overdue AS TEXT)
        FROM ({_flag_counts_sql(table)}) f
        WHERE f.n_overdue > f.n_unflagged AND f.commitment_id NOT IN ({overdue_sql})
        ON CONFLICT DO NOTHING
    """
    params = (EventKind.NO_LONGER_OVERDUE, now, *FLAG_COUNTS_PARAMS, *overdue_params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return max(cursor.rowcount, 0)


def flagged_commitments():
    """Commitments whose timeline currently says "overdue" (for tests and checks)."""
    return Commitment.objects.annotate(last_flag=last_flag_kind()).filter(
        last_flag=EventKind.OVERDUE
    )
