"""Create and send this week's digests by hand, as the Monday 08:00 job does."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from commitments import digests
from commitments.models import Digest


class Command(BaseCommand):
    help = "Create this week's digest for every active subscription and send the queued ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what each subscriber would get; create and send nothing.",
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        now = timezone.now()
        week = digests.week_start_for(now)
        if dry_run:
            self._dry_run(now, week)
            return
        report = digests.create_digests(now=now)
        self.stdout.write(
            f"Week of {week.isoformat()}: {report.created} digest(s) created, "
            f"{report.skipped} skipped (nothing to report), {report.existing} already there."
        )
        sent = failed = 0
        for digest_id in report.to_send:
            digest = Digest.objects.only("to_email").get(pk=digest_id)
            try:
                if digests.digest_send(digest_id=digest_id):
                    sent += 1
                    self.stdout.write(f"  sent to {digest.to_email}")
            except digests.DigestSendError as exc:
                failed += 1
                self.stderr.write(f"  could not send to {digest.to_email}: {exc} (left queued)")
        self.stdout.write(f"{sent} sent, {failed} left queued after a mail error.")

    def _dry_run(self, now, week) -> None:
        as_of = timezone.localtime(now).date()
        contents: dict[str, digests.DigestContent] = {}
        for subscription in digests.active_subscriptions():
            if Digest.objects.filter(subscription=subscription, week_start=week).exists():
                self.stdout.write(f"  {subscription.email}: already has this week's digest")
                continue
            content = contents.get(subscription.query) or digests.build_digest_content(
                subscription.query, as_of=as_of
            )
            contents[subscription.query] = content
            if content.is_empty:
                self.stdout.write(f"  {subscription.email}: nothing to report (would skip)")
            else:
                counts = ", ".join(f"{k} {v}" for k, v in content.counts.items())
                self.stdout.write(f"  {subscription.email}: would send ({counts})")
        self.stdout.write(f"Dry run for the week of {week.isoformat()}: nothing created or sent.")
