"""Thin Celery tasks: each takes primary keys (or nothing), calls one service and owns its
retry policy. The beat schedule in settings names them."""

from __future__ import annotations

import datetime as dt
import logging
import random

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.conf import settings

from . import digests
from .overdue import flag_overdue, unflag_no_longer_overdue

log = logging.getLogger(__name__)


@shared_task(acks_late=True)  # idempotent: the dedupe keys make a re-run write nothing
def flag_overdue_task() -> int:
    healed = unflag_no_longer_overdue()
    written = flag_overdue()
    log.info("flag_overdue: %s commitment(s) became overdue, %s no longer overdue", written, healed)
    return written


# --- letters in (issue 4) ----------------------------------------------------------------------


# idempotent: letter_extract leaves what an analyst decided alone. DjangoTask (the app's default
# task class too) gives delay_on_commit; named here so the type checker knows it.
@shared_task(acks_late=True, base=DjangoTask)
def extract_letter_task(letter_id: int) -> str:
    from .letters import letter_extract
    from .models import Letter

    letter = Letter.objects.filter(pk=letter_id).first()
    if letter is None:
        return "missing"
    return letter_extract(letter).extraction_state


@shared_task(acks_late=True)  # idempotent: the unique (subscription, week) creates nothing twice
def create_digests_task() -> dict[str, int]:
    # After commit: a worker must find the row the task names.
    report = digests.create_digests(on_queued=send_digest_task.delay_on_commit)
    log.info(
        "digests for the week of %s: %s created, %s skipped, %s already there",
        report.week_start,
        report.created,
        report.skipped,
        report.existing,
    )
    return {"created": report.created, "skipped": report.skipped, "existing": report.existing}


@shared_task(bind=True, acks_late=True, base=DjangoTask)  # idempotent: claims queued -> sending
def send_digest_task(self, digest_id: int) -> bool:
    try:
        return digests.digest_send(digest_id=digest_id)
    except digests.DigestSendError as exc:
        retries = self.request.retries or 0
        if retries >= settings.DIGEST_SEND_MAX_RETRIES:
            digests.digest_fail(digest_id=digest_id, error=str(exc))
            return False
        # Exponential backoff with jitter: 1, 2, 4, 8 ... minutes, capped at an hour.
        countdown = min(60 * 2**retries, 3600) + random.randint(0, 30)
        raise self.retry(exc=exc, countdown=countdown, max_retries=None) from exc


@shared_task
def requeue_stuck_digests_task() -> int:
    ids = digests.requeue_stuck_digests()
    for digest_id in ids:
        send_digest_task.delay_on_commit(digest_id)
    if ids:
        log.info("requeued %s digest(s)", len(ids))
    return len(ids)


# --- Tweede Kamer open data (issue 9) ----------------------------------------------------------


@shared_task(acks_late=True)  # idempotent, and the cursor claim keeps a redelivery from doubling
def sync_tk_task() -> dict[str, int | str]:
    from .tksync import sync

    run = sync()
    log.info(
        "open-data sync %s: %s new letter(s), %s new and %s updated toezegging(s), %s failed",
        run.state,
        run.letters_created,
        run.register_created,
        run.register_updated,
        run.failed,
    )
    return {
        "state": run.state,
        "letters": run.letters_created,
        "register": run.register_created,
        "failed": run.failed,
    }


# idempotent: counts only when the data changed since the overview was last counted
@shared_task(acks_late=True)
def refresh_overview_task(params: dict[str, list[str]] | None = None, day: str = "") -> bool:
    from django.utils import timezone

    from .overview import refresh_overview_for

    today = dt.date.fromisoformat(day) if day else timezone.localdate()
    return refresh_overview_for(params or {}, today)
