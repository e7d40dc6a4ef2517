"""The daily overdue job: put a "became overdue" event on each commitment that newly crossed
its due date, once, however often the job runs and however many workers run it.

"Overdue" itself is a predicate (`Commitment.objects.overdue(as_of=)`), never a stored status.
What the job keeps on the row is whether the timeline says so: `Commitment.overdue_flagged`,
the one definition of "flagged overdue" (`CommitmentQuerySet.flagged_overdue()`). The job sets
it, with an OVERDUE event, on the overdue rows not flagged yet; the services clear it, with a
NO_LONGER_OVERDUE event, when a commitment is fulfilled, withdrawn, rejected or given a later
date. A morning therefore reads only the rows that crossed their date since the last run (the
partial index `cm_overdue_unflagged`), not the history of every flag ever written.

Exactly once, two ways. The flag is claimed by a compare-and-swap UPDATE (`... WHERE NOT
overdue_flagged`): a second worker waits for the first one's row locks and then finds the row
flagged. And each event carries `dedupe_key = "overdue:<pk>:<due date>:<n>"`, where n counts
the commitment's OVERDUE events (`overdue_flag_count`): the unique constraint on
Event.dedupe_key lets one insert win whatever happens, and a commitment unflagged and overdue
again later gets the next n, so it is flagged again, once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import FLAGGED_CLOSED, Commitment, Event, EventKind, today


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field) and field.column
    return connection.ops.quote_name(field.column)


def _event_table_and_columns() -> tuple[str, str]:
    """The event table and the columns the set-based inserts below fill, quoted."""
    qn = connection.ops.quote_name
    columns = ", ".join(
        _column(Event, name)
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


def _where(rows: QuerySet[Commitment]) -> tuple[str, tuple[Any, ...]]:
    """The WHERE clause of a single-table queryset, to use in an UPDATE of that table. Column
    conditions, not `pk IN (subquery)`: PostgreSQL re-checks them on a row another worker
    changed meanwhile, which is what makes the UPDATE a compare-and-swap."""
    query = rows.query
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    return sql, tuple(params)


def _flip(
    rows: QuerySet[Commitment], *, flag: bool, kind: str, key_sql: str, count_change: str
) -> int:
    """Set overdue_flagged to `flag` on `rows` and write one `kind` event per row changed,
    keyed by `key_sql` (an SQL expression over the row's id, due_date and the new
    overdue_flag_count); return how many events were written."""
    qn = connection.ops.quote_name
    table = qn(Commitment._meta.db_table)
    pk, due, count, flagged = (
        _column(Commitment, name)
        for name in ("id", "due_date", "overdue_flag_count", "overdue_flagged")
    )
    events, columns = _event_table_and_columns()
    where, where_params = _where(rows)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    set_sql = f"{flagged} = %s, {count} = {count}{count_change}"
    key = key_sql.format(pk=pk, due=due, count=count)
    select = f"SELECT {pk}, %s, %s, '', '', '', '', '{{}}', {key}"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement: the rows this UPDATE claimed, and only those, get their event.
            cursor.execute(
                f"""
                WITH claimed AS (
                    UPDATE {table} SET {set_sql} WHERE {where}
                    RETURNING {pk}, {due}, {count}
                )
                INSERT INTO {events} ({columns}) {select} FROM claimed
                ON CONFLICT DO NOTHING
                """,
                (flag, *where_params, kind, now),
            )
            return max(cursor.rowcount, 0)
        # SQLite has no UPDATE in a WITH clause; it needs none, since it lets one writer in at
        # a time, so nothing changes between the two statements. The events are computed from
        # the rows before the UPDATE, hence the count as it will be. ("WHERE" also keeps
        # SQLite from reading ON CONFLICT as a join's ON.)
        before = key_sql.format(pk=pk, due=due, count=f"({count}{count_change})")
        cursor.execute(
            f"""
            INSERT INTO {events} ({columns})
            SELECT {pk}, %s, %s, '', '', '', '', '{{}}', {before} FROM {table} WHERE {where}
            ON CONFLICT DO NOTHING
            """,
            (kind, now, *where_params),
        )
        written = max(cursor.rowcount, 0)
        cursor.execute(f"UPDATE {table} SET {set_sql} WHERE {where}", (flag, *where_params))
        return written


@transaction.atomic
def flag_overdue(*, as_of: dt.date | None = None) -> int:
    """Write the OVERDUE events of `as_of` (default: today in Europe/Amsterdam) and flag those
    commitments; return how many events were written. Running it again, or on two workers at
    once, writes none twice. No row travels to Python."""
    as_of = as_of or today()
    rows = Commitment.objects.overdue(as_of=as_of).filter(overdue_flagged=False)
    return _flip(
        rows,
        flag=True,
        kind=EventKind.OVERDUE,
        key_sql="'overdue:' || CAST({pk} AS TEXT) || ':' || CAST({due} AS TEXT) || ':' "
        "|| CAST({count} AS TEXT)",
        count_change=" + 1",
    )


@transaction.atomic
def unflag_no_longer_overdue(*, as_of: dt.date | None = None) -> int:
    """Write NO_LONGER_OVERDUE for flagged commitments that are no longer open (or lost their
    date) and clear their flag; return how many events were written.

    The services do this themselves, in the transaction that fulfils, withdraws, rejects or
    moves a date; this pass catches a status changed behind their back, so the timeline heals
    by the next run. It reads only such rows (the partial index `cm_flagged_closed`, normally
    empty). A flagged row whose due date is past `as_of` is left alone: only an analyst's edit
    moves a date (and unflags it), and a run backdated with `--date` must not unflag today's
    flags. `as_of` is accepted for the task's and the command's symmetry.
    """
    del as_of
    return _flip(
        Commitment.objects.filter(FLAGGED_CLOSED),
        flag=False,
        kind=EventKind.NO_LONGER_OVERDUE,
        key_sql="'no-longer-overdue:' || CAST({pk} AS TEXT) || ':' || CAST({count} AS TEXT)",
        count_change="",
    )


def flagged_commitments() -> QuerySet[Commitment]:
    """Commitments whose timeline currently says "overdue" (for tests and checks)."""
    return Commitment.objects.flagged_overdue()
