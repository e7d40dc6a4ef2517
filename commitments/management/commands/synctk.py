"""`manage.py synctk [--since DATE]`: follow the Tweede Kamer's open data from the stored cursor.

Letters of the government come in with their files and are extracted; register toezeggingen
come in or move on. It can be stopped at any point (Ctrl-C) and run again: it resumes after
the last page it stored. `--since` starts from a date instead (a backfill); re-reading what is
already here changes nothing. The exit status is non-zero when the run failed.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commitments import tksync
from commitments.models import SyncAction, SyncState


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]
        "Fetch new and changed letters and toezeggingen from Tweede Kamer open data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--since",
            metavar="YYYY-MM-DD",
            help=gettext_lazy("Read from this date instead of the stored cursor (a backfill)."),  # type: ignore[arg-type]
        )
        parser.add_argument(
            "--only",
            choices=tksync.ENTITIES,
            help=gettext_lazy("Read one entity set only."),  # type: ignore[arg-type]
        )
        parser.add_argument("--progress", choices=["auto", "always", "never"], default="auto")

    def handle(self, *args, **options) -> None:
        since = None
        if options["since"]:
            since = parse_date(options["since"])
            if since is None:
                raise CommandError(_("--since must be a date, YYYY-MM-DD"))
        entities = (options["only"],) if options["only"] else tksync.ENTITIES
        show = options["progress"] == "always" or (
            options["progress"] == "auto" and sys.stderr.isatty()
        )
        from tqdm import tqdm

        bars: dict[str, tqdm] = {}

        def progress(entity: str, done: int, total: int | None) -> None:
            if not show:
                return
            bar = bars.get(entity)
            if bar is None:
                bar = bars[entity] = tqdm(total=total, desc=entity, unit="", file=sys.stderr)
            bar.update(done - bar.n)

        try:
            run = tksync.sync(since=since, entities=entities, progress=progress)
        finally:
            for bar in bars.values():
                bar.close()
        self.stdout.write(
            _(
                "pages: %(pages)d, records: %(records)d; new letters: %(letters)d "
                "(already present: %(existing)d); new toezeggingen: %(register)d, "
                "updated: %(updated)d; withdrawn at the source: %(withdrawn)d; "
                "skipped: %(skipped)d; failed: %(failed)d"
            )
            % {
                "pages": run.pages,
                "records": run.records,
                "letters": run.letters_created,
                "existing": run.letters_existing,
                "register": run.register_created,
                "updated": run.register_updated,
                "withdrawn": run.withdrawn,
                "skipped": run.skipped,
                "failed": run.failed,
            }
        )
        for item in run.items.filter(action=SyncAction.FAILED).order_by("id"):
            self.stderr.write(
                self.style.WARNING(
                    _("failed: %(label)s: %(reason)s (%(url)s)")
                    % {
                        "label": item.label or item.external_id,
                        "reason": item.reason,
                        "url": item.url,
                    }
                )
            )
        if run.state == SyncState.BUSY:
            self.stdout.write(self.style.WARNING(_("another sync is running; nothing done")))
        if run.state == SyncState.FAILED:
            raise CommandError(
                _("the sync stopped: %(error)s (%(url)s)")
                % {"error": run.error, "url": run.error_url}
            )
