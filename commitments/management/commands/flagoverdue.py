"""Flag the commitments that became overdue, as the daily 06:00 job does."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from commitments.models import today
from commitments.overdue import flag_overdue, unflag_no_longer_overdue


def parse_date(value: str) -> dt.date:
    # fromisoformat alone would also take "20240315" and week dates; we promise YYYY-MM-DD.
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be a date as YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = "Put a 'became overdue' event on each commitment that newly passed its due date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Count overdue as of this day (YYYY-MM-DD); default: today."
        )

    def handle(self, *args, date: str | None = None, **options) -> None:
        as_of = parse_date(date) if date is not None else today()
        healed = unflag_no_longer_overdue(as_of=as_of)
        written = flag_overdue(as_of=as_of)
        self.stdout.write(f"{as_of.isoformat()}: {written} commitment(s) became overdue.")
        if healed:
            self.stdout.write(f"{healed} flagged commitment(s) are no longer overdue.")
